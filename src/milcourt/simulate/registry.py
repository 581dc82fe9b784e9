"""The military courts the simulator serves, from the courts registry (``milcourt.courts``).

Kept in one function (``military_courts``) so the rest of the simulator does not care where the
registry comes from. Garrison courts whose appeal court the registry cannot establish (parent
``None``, see docs/courts.md) get no appeals in the simulation: nothing is invented.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from milcourt.courts.registry import military_courts as registry_military_courts


@dataclass(frozen=True)
class Court:
    code: str
    name: str
    level: str  # garrison | district | appeal | cassation
    region_code: str
    website: str
    parent: str | None = None

    @property
    def host(self) -> str:
        return urlsplit(self.website).netloc


def military_courts() -> list[Court]:
    """The 111 military courts (garrison, district/fleet, appellate, cassation), each with the
    court that hears its appeals where the registry establishes it."""
    return sorted(
        (Court(c.code, c.name, c.level, c.region_code, c.website, c.parent) for c in registry_military_courts()),
        key=lambda c: c.code,
    )
