"""Bytes to text for court pages: windows-1251 or UTF-8, decided from the bytes themselves.

Court sites declare ``charset=windows-1251`` in ``<meta>`` whatever they actually send, and saved
copies are often re-encoded to UTF-8, so the declaration is ignored. Valid UTF-8 that contains
Cyrillic is UTF-8 (cp1251 Cyrillic text is practically never valid UTF-8); anything else is
windows-1251. A page cut off in the middle of a UTF-8 character is still read as UTF-8, and a
mostly-UTF-8 page with windows-1251 pieces in it is read piece by piece.
"""

from __future__ import annotations

import re

_CYRILLIC = re.compile("[\u0400-\u04ff]")


def decode_page(data: bytes) -> str:
    """The page as text; never raises (undecodable bytes become U+FFFD only in cp1251 mode)."""
    return decode_page_source(data)[0]


def decode_page_source(data: bytes) -> tuple[str, bytes | None]:
    """:func:`decode_page`'s text, and the UTF-8 bytes it was decoded from when it was UTF-8.

    The HTML parser is fed UTF-8: given those bytes it is spared encoding a 300 KB page back
    (a fifth of its time); the text is exactly their decoding, so the tree is the same.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        # A truncated download ends mid-character: the rest is still UTF-8.
        if err.reason == "unexpected end of data" and err.start >= len(data) - 3:
            text = data[: err.start].decode("utf-8", errors="strict") if _utf8_ok(data[: err.start]) else ""
            if text and (text.isascii() or _CYRILLIC.search(text)):
                return text, data[: err.start]
        if _mostly_utf8(data):
            return _piecewise(data), None
        return data.decode("cp1251", errors="replace"), None
    if text.isascii() or _CYRILLIC.search(text):
        return text, data
    return data.decode("cp1251", errors="replace"), None


# Pages glued from two sources (a UTF-8 site theme around a windows-1251 module, a windows-1251
# fragment pasted into a UTF-8 page) are read piece by piece: UTF-8 Russian letters (D0 81,
# D0 90-BF, D1 80-8F, D1 91) and UTF-8 punctuation (C2 no-break space and guillemets, E2 80-84
# dashes, quotes, "№") as UTF-8, every other byte as windows-1251. Windows-1251 letters are
# practically never such pairs, while a strict UTF-8 read would take "Пё" (CF B8) for a Greek
# letter and "Сё" (D1 B8) for an old Cyrillic one.
_RUSSIAN_UTF8 = rb"\xd0[\x81\x90-\xbf]|\xd1[\x80-\x8f\x91]"
_PIECES = re.compile(rb"[\x00-\x7f]+|" + _RUSSIAN_UTF8 + rb"|\xc2[\x80-\xbf]|\xe2[\x80-\x84][\x80-\xbf]|[\x80-\xff]")
_UTF8_CYRILLIC = re.compile(_RUSSIAN_UTF8)
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")


def _mostly_utf8(data: bytes) -> bool:
    """Whether UTF-8 Cyrillic makes up a good share of the page's non-ASCII bytes (a windows-1251
    page has next to none: "Рё"-like pairs are rare in Russian text)."""
    pairs = len(_UTF8_CYRILLIC.findall(data))
    return pairs >= 20 and 4 * pairs >= len(_HIGH_BYTE.findall(data))


def _piecewise(data: bytes) -> str:
    out = []
    for m in _PIECES.finditer(data):
        piece = m.group()
        if piece[0] < 0x80:
            out.append(piece.decode("ascii"))
        elif len(piece) > 1:
            out.append(piece.decode("utf-8"))
        else:
            out.append(piece.decode("cp1251", errors="replace"))
    return "".join(out)


def _utf8_ok(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def visible_text(data: bytes) -> str:
    """The text a reader sees on a page (body text, scripts and styles dropped), one block a line.

    For checks over whole pages (names must not survive anywhere in them), not for parsing.
    """
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(decode_page(data))
    for node in tree.css("script, style"):
        node.decompose()
    return tree.body.text(separator="\n") if tree.body else ""
