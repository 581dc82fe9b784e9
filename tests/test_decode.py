"""The encoding is decided from the bytes, whatever the page's <meta> declares."""

from __future__ import annotations

from pathlib import Path

from milcourt.parse import decode_page

PAGE = "<html><head><meta charset=windows-1251></head><body>ДЕЛО № 1-151/2026 Судья Ёлкин</body></html>"


def test_utf8_bytes_despite_cp1251_meta() -> None:
    assert decode_page(PAGE.encode("utf-8")) == PAGE


def test_cp1251_bytes() -> None:
    assert decode_page(PAGE.encode("cp1251")) == PAGE


def test_utf8_cut_inside_a_character() -> None:
    data = PAGE.encode("utf-8")
    cut = data[: data.index("Судья".encode()) + 3]  # ends after the first byte of "у"
    assert decode_page(cut) == PAGE[: PAGE.index("Судья") + 1]


def test_byte_order_mark_dropped() -> None:
    assert decode_page(b"\xef\xbb\xbf" + PAGE.encode("utf-8")) == PAGE


def test_real_cp1251_page(sudrf_fixtures: Path) -> None:
    text = decode_page((sudrf_fixtures / "sudrf_captcha_form.html").read_bytes())
    assert "Проверочный код" in text
    assert "Санкт-Петербургский городской суд" in text


def test_real_utf8_page(sudrf_fixtures: Path) -> None:
    text = decode_page((sudrf_fixtures / "leninsky_ufa_criminal.html").read_bytes())
    assert "Ленинский районный суд г. Уфы" in text
