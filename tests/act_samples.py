"""Build genuine act files of every format in memory, for the reader tests (no network, no fixtures).

- PDF: a minimal hand-written PDF 1.4 whose font maps windows-1251 codes to Cyrillic glyph names
  (/Differences with the Adobe 'afii100xx' names), so a real text extractor recovers Russian.
- DOC: a Compound File Binary container holding a Word 97 FIB and UTF-16 text, the layout
  catdoc reads; the same container with an 'EncryptedPackage' stream is what an encrypted .docx
  looks like on disk.
- RTF: hand-written the way Word writes Russian (\\ansicpg1251, \\'xx escapes, \\uN with fallback).
"""

from __future__ import annotations

import struct

# ----------------------------------------------------------------------------- PDF
_UPPER = [10017, 10018, 10019, 10020, 10021, 10022] + list(range(10024, 10050))
_LOWER = [10065, 10066, 10067, 10068, 10069, 10070] + list(range(10072, 10098))
_DIFFERENCES = "185 /afii61352 192 " + " ".join(f"/afii{n}" for n in _UPPER + _LOWER)


def _pdf_escape(raw: bytes) -> bytes:
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def make_pdf(lines: list[str]) -> bytes:
    """A one-page PDF showing `lines` (Russian allowed) in Times-Roman with a cp1251 encoding."""
    content = b"BT /F1 11 Tf 14 TL 50 800 Td\n"
    for line in lines:
        content += b"(" + _pdf_escape(line.encode("cp1251")) + b") Tj T*\n"
    content += b"ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding 6 0 R >>",
        ("<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [" + _DIFFERENCES + "] >>").encode("ascii"),
    ]
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


# ----------------------------------------------------------------------------- CFB / Word 97
_ENDC, _FREE, _FATSECT, _NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def _dirent(name: str, kind: int, child: int = _NOSTREAM, start: int = _ENDC, size: int = 0, right: int = _NOSTREAM) -> bytes:
    e = bytearray(128)
    if name:
        raw = (name + "\0").encode("utf-16-le")
        e[: len(raw)] = raw
        struct.pack_into("<H", e, 64, len(raw))
    e[66], e[67] = kind, 1
    struct.pack_into("<III", e, 68, _NOSTREAM, right, child)
    struct.pack_into("<II", e, 116, start, size)
    return bytes(e)


def make_cfb(streams: list[tuple[str, bytes]]) -> bytes:
    """A version-3 Compound File with the given streams (each padded to >= 4096 bytes, no mini FAT)."""
    sectors: list[bytes] = []
    fat = [_FATSECT, _ENDC]  # sector 0: FAT, sector 1: directory
    entries = []
    for idx, (name, payload) in enumerate(streams):
        payload = payload + b"\0" * max(0, 4096 - len(payload))
        n = (len(payload) + 511) // 512
        first = 2 + len(sectors)
        fat += [first + k + 1 for k in range(n - 1)] + [_ENDC]
        sectors += [payload[k * 512:(k + 1) * 512].ljust(512, b"\0") for k in range(n)]
        right = idx + 2 if idx + 1 < len(streams) else _NOSTREAM
        entries.append(_dirent(name, 2, start=first, size=len(payload), right=right))
    assert len(fat) <= 128 and len(entries) <= 3
    fat += [_FREE] * (128 - len(fat))
    directory = _dirent("Root Entry", 5, child=1) + b"".join(entries)
    directory += _dirent("", 0) * (4 - 1 - len(entries))
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", header, 40, 0, 1, 1, 0, 4096, _ENDC, 0, _ENDC, 0)
    struct.pack_into("<109I", header, 76, 0, *([_FREE] * 108))
    return bytes(header) + struct.pack("<128I", *fat) + directory + b"".join(sectors)


def word97_stream(text: str, *, encrypted: bool = False) -> bytes:
    """A WordDocument stream: a Word 97 FIB (nFib 193, Russian lid) followed by the text in UTF-16."""
    body = text.replace("\n", "\r").encode("utf-16-le")
    fib = bytearray(0x800)
    struct.pack_into("<HHHHH", fib, 0, 0xA5EC, 0xC1, 0x6A62, 0x0419, 0)
    struct.pack_into("<H", fib, 0x0A, 0x1200 | (0x0100 if encrypted else 0))
    struct.pack_into("<H", fib, 0x0C, 0xBF)
    struct.pack_into("<II", fib, 0x18, 0x800, 0x800 + len(body))
    struct.pack_into("<H", fib, 0x20, 14)
    struct.pack_into("<H", fib, 0x3E, 22)
    struct.pack_into("<I", fib, 0x40, 0x800 + len(body))
    struct.pack_into("<I", fib, 0x4C, len(text))
    return bytes(fib) + body


def make_doc(text: str, *, encrypted: bool = False) -> bytes:
    return make_cfb([("WordDocument", word97_stream(text, encrypted=encrypted))])


def make_encrypted_docx() -> bytes:
    """What Word writes for a password-protected .docx: an OLE file with EncryptionInfo + EncryptedPackage."""
    return make_cfb([("EncryptionInfo", b"\x04\x00\x04\x00\x40\x00\x00\x00" + b"\x00" * 64),
                     ("EncryptedPackage", b"\x10\x27\x00\x00\x00\x00\x00\x00" + bytes(range(256)) * 8)])


# ----------------------------------------------------------------------------- RTF
def rtf_escape(text: str) -> str:
    """Russian text the way Word's RTF writer stores it: \\'xx cp1251 escapes, \\par line ends."""
    out = []
    for ch in text:
        if ch == "\n":
            out.append("\\par\n")
        elif ord(ch) < 128:
            out.append("\\" + ch if ch in "\\{}" else ch)
        else:
            try:
                out.extend(f"\\'{b:02x}" for b in ch.encode("cp1251"))
            except UnicodeEncodeError:
                out.append(f"\\u{ord(ch) if ord(ch) < 32768 else ord(ch) - 65536}?")
    return "".join(out)


def make_rtf(text: str, *, unicode_escapes: bool = False) -> bytes:
    head = "{\\rtf1\\ansi\\ansicpg1251\\deff0{\\fonttbl{\\f0\\froman\\fcharset204 Times New Roman;}}\n\\f0\\fs28 "
    if unicode_escapes:
        body = "".join(
            "\\par\n" if ch == "\n" else (ch if ord(ch) < 128 else f"\\uc1\\u{ord(ch)}?") for ch in text)
    else:
        body = rtf_escape(text)
    return (head + body + "\\par\n}").encode("ascii")
