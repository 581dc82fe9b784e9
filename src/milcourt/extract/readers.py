"""Turn a court-act attachment (.txt .html .rtf .doc .docx .pdf) into plain text.

Court sites attach acts in whatever format the clerk saved: RTF files named .doc, HTML pages,
old binary Word, PDF scans. The format is therefore decided from the bytes first and from the
extension second. Every failure is an ActReadError naming the file and the reason (corrupt,
password-protected, oversized, unsupported, no text, too slow), so a batch can report it and go on.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

from milcourt.boundedread import InputFileError, read_bounded
from milcourt.extract.read_errors import ActReadError, Deadline, time_limit

MAX_BYTES = 20 * 1024 * 1024
DEFAULT_TIMEOUT = 60.0
SUPPORTED = (".txt", ".html", ".htm", ".rtf", ".doc", ".docx", ".pdf")

__all__ = ["ActReadError", "MAX_BYTES", "SUPPORTED", "decode_text", "normalise", "read_act_bytes", "read_act_file"]


def read_act_file(path: str | Path, *, timeout: float = DEFAULT_TIMEOUT) -> str:
    """The text of one act file; raises ActReadError naming the file when it cannot be read."""
    p = Path(path)
    ext = p.suffix.lower()
    if ext not in SUPPORTED:
        raise ActReadError(p, f"unsupported file type {ext or '(no extension)'!r}; expected one of {', '.join(SUPPORTED)}")
    try:  # measured on the bytes read: st_size says nothing of a device or a FIFO
        data = read_bounded(p, MAX_BYTES)
    except InputFileError as exc:
        reason = {"open": exc.reason.replace("cannot read", "cannot open", 1),
                  "size": f"oversized: more than {MAX_BYTES} bytes, the limit (20 MB)"}.get(exc.stage, exc.reason)
        raise ActReadError(p, reason) from exc
    return read_act_bytes(data, ext, source=p, timeout=timeout)


def read_act_bytes(data: bytes, ext: str, *, source: str | Path = "<bytes>", timeout: float = DEFAULT_TIMEOUT) -> str:
    """Text of an act given as bytes, `ext` being the claimed type ('.doc'); the bytes decide first."""
    if len(data) > MAX_BYTES:
        raise ActReadError(source, f"oversized: {len(data)} bytes, the limit is {MAX_BYTES} bytes (20 MB)")
    if not data.strip():
        raise ActReadError(source, "empty file")
    kind = sniff(data, ext.lower())
    reader = _READERS[kind]
    deadline = Deadline(source, timeout)
    started = time.monotonic()
    with time_limit(source, timeout):
        try:
            text = reader(data, source, deadline)
        except ActReadError:
            raise
        except MemoryError:
            raise ActReadError(source, f"unreadable {kind} file: it needs more memory than there is") from None
        except Exception as exc:  # noqa: BLE001 - a library's own error on hostile bytes is still this file's fault
            raise ActReadError(source, f"unreadable {kind} file ({type(exc).__name__}: {exc})") from exc
    text = normalise(text)
    if not text.strip():
        raise ActReadError(source, f"no text in the {kind} file (a scanned image or an empty document)")
    if time.monotonic() - started > timeout:
        raise ActReadError(source, f"took longer than the {timeout:g} s limit")
    return text


def sniff(data: bytes, ext: str) -> str:
    """The real format of the bytes: sites serve RTF and HTML under .doc, DOCX under .doc, etc."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "docx" if ext == ".docx" else "doc"  # an encrypted .docx is an OLE container
    low = head[:512].lower()
    if ext in (".html", ".htm") or low.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in low:
        return "html"
    if ext in (".doc", ".docx", ".pdf"):
        return "garbage"
    return "rtf" if ext == ".rtf" else "txt"


def decode_text(data: bytes) -> str:
    """Plain-text bytes as str: BOM, then strict UTF-8, then windows-1251 (what Russian courts use)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1251", errors="replace")


_BLANKS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_SPACES = re.compile(r"[ \t\u00a0\u2002\u2003\u2009\u202f]+")


def normalise(text: str) -> str:
    """One newline convention, no NULs or form feeds, runs of spaces and blank lines squeezed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").replace("\x0c", "\n")
    text = text.replace("\x07", " ").replace("\x0b", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip() + "\n"


def _read_txt(data: bytes, source: str | Path, deadline: Deadline) -> str:
    text = decode_text(data)
    controls = sum(1 for ch in text[:100_000] if ord(ch) < 32 and ch not in "\t\n\r\x0c")
    # a NUL never occurs in a text act (UTF-16 is read by its BOM above): these are binary bytes
    if "\x00" in text[:100_000] or text.count("\ufffd") > max(20, len(text) // 20) \
            or controls > max(4, len(text[:100_000]) // 100):
        raise ActReadError(source, "unreadable: not a text file (undecodable bytes)")
    return text


def _read_garbage(data: bytes, source: str | Path, deadline: Deadline) -> str:
    raise ActReadError(source, "corrupt or unknown content: the bytes are not a Word, RTF, HTML or PDF document")


def _lazy(module: str, name: str) -> Callable[[bytes, str | Path, Deadline], str]:
    def call(data: bytes, source: str | Path, deadline: Deadline) -> str:
        import importlib

        fn = getattr(importlib.import_module(module), name)
        return fn(data, source, deadline)

    return call


_READERS: dict[str, Callable[[bytes, str | Path, Deadline], str]] = {
    "txt": _read_txt,
    "garbage": _read_garbage,
    "html": _lazy("milcourt.extract.read_markup", "read_html"),
    "rtf": _lazy("milcourt.extract.read_markup", "read_rtf"),
    "doc": _lazy("milcourt.extract.read_office", "read_doc"),
    "docx": _lazy("milcourt.extract.read_office", "read_docx"),
    "pdf": _lazy("milcourt.extract.read_office", "read_pdf"),
}
