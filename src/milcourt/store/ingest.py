"""The one place the store calls the parser and the pseudonymiser (contracts in HELPERS_COMMON).

``read_page`` turns raw bytes into a page dict whose names are already replaced by pseudonyms, so no
name reaches the database. Kept thin on purpose: if the parse or names APIs move, only this file changes.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from milcourt import __version__
from milcourt.names import Pseudonymizer
from milcourt.parse import parse_page
from milcourt.parse.depersonalise import depersonalise


@lru_cache(maxsize=1)
def _pseudonymizer() -> Pseudonymizer:
    return Pseudonymizer.load()


def parser_version() -> str:
    """The version recorded with each snapshot: the parser ships with milcourt, so milcourt's."""
    return __version__


def read_page(data: bytes, *, source: str, url: str | None = None) -> dict[str, Any]:
    """Parse a court page and pseudonymise it; raises the parser's ParseError naming ``source``."""
    page = parse_page(data, source=source, base_url=url)
    return depersonalise(page, _pseudonymizer())


def reset_pseudonymizer() -> None:
    """Forget the loaded secret (tests switch data directories between stores)."""
    _pseudonymizer.cache_clear()
