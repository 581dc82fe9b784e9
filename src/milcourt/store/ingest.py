"""The one place the store calls the parser and the pseudonymiser (contracts in HELPERS_COMMON).

``read_page`` turns raw bytes into a page dict whose names are already replaced by pseudonyms, so no
name reaches the database. Kept thin on purpose: if the parse or names APIs move, only this file changes.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _pseudonymizer() -> Any:
    from milcourt.names import Pseudonymizer

    return Pseudonymizer.load()


@lru_cache(maxsize=1)
def parser_version() -> str:
    """The parser's version string (``milcourt.parse.PARSER_VERSION`` if it sets one, else the package's)."""
    import milcourt
    import milcourt.parse as parse

    return str(getattr(parse, "PARSER_VERSION", None) or getattr(parse, "__version__", None) or milcourt.__version__)


def read_page(data: bytes, *, source: str, url: str | None = None) -> dict[str, Any]:
    """Parse a court page and pseudonymise it; raises the parser's ParseError naming ``source``."""
    from milcourt.parse import parse_page
    from milcourt.parse.depersonalise import depersonalise

    page = parse_page(data, source=source, base_url=url)
    return depersonalise(page, _pseudonymizer())


def reset_pseudonymizer() -> None:
    """Forget the loaded secret (tests switch data directories between stores)."""
    _pseudonymizer.cache_clear()
