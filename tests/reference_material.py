"""Where the reference material in ../shared is, found once for the whole test run.

``MILCOURT_SHARED`` names it; otherwise ``shared`` beside the checkout. ``SHARED`` is None on a
bare clone, and ``SHARED_MISSING`` says why, for the tests that need it (see conftest.py).
"""

from __future__ import annotations

from pathlib import Path

from milcourt.paths import shared_dir


def _find() -> tuple[Path | None, str]:
    try:
        path = shared_dir()
    except FileNotFoundError:
        return None, "the reference material (../shared beside the checkout, or MILCOURT_SHARED) is not here"
    if not (path / "fixtures").is_dir() or not (path / "data").is_dir():
        return None, f"MILCOURT_SHARED={path} holds no fixtures/ and data/ folders"
    return path, ""


SHARED, SHARED_MISSING = _find()


def sudrf_fixture_pages() -> list[Path]:
    """The real court pages in ../shared/fixtures/sudrf, or none on a bare clone."""
    return sorted((SHARED / "fixtures" / "sudrf").glob("*.html")) if SHARED else []
