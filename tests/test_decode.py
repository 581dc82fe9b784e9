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


def test_a_utf8_page_with_a_windows_1251_piece_reads_both() -> None:
    """A UTF-8 site theme around a windows-1251 module (or a pasted fragment): each piece as sent."""
    theme = "<html><body><div class='menu'>Главная · О суде · Судебное делопроизводство</div>" * 3
    module = "<div id='content'>ДЕЛО № 1-151/2026 Судья Ёлкин Пётр Петрович</div>"
    data = theme.encode("utf-8") + module.encode("cp1251") + "<p>Карта сайта</p></body></html>".encode()
    assert decode_page(data) == theme + module + "<p>Карта сайта</p></body></html>"


def test_a_windows_1251_page_stays_windows_1251() -> None:
    page = ("<p>Районный суд: дело № 1-5/2024, подсудимый ранее не судим; приговор ещё не вступил в силу</p>" * 40)
    assert decode_page(page.encode("cp1251")) == page
