"""Text of binary Word (.doc), Word 2007+ (.docx) and PDF acts."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from milcourt.extract.read_errors import ActReadError, Deadline

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def read_doc(data: bytes, source: str | Path, deadline: Deadline) -> str:
    """Binary Word through Debian's catdoc (UTF-8 out), falling back to antiword.

    Both are external programs, run under the file's remaining time budget: catdoc loops on some
    truncated files, and the timeout is what stops it.
    """
    if _ENCRYPTED_PACKAGE in data:
        raise ActReadError(source, "password-protected document (encrypted Office file)")
    tools = [t for t in (["catdoc", "-d", "utf-8", "-w"], ["antiword", "-m", "UTF-8.txt", "-w", "0"]) if shutil.which(t[0])]
    if not tools:
        raise ActReadError(source, "cannot read .doc: neither catdoc nor antiword is installed (scripts/system-deps.sh)")
    fd, tmp = tempfile.mkstemp(suffix=".doc", prefix="milcourt-act-")
    reasons = []
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        for cmd in tools:
            budget = deadline.remaining()
            if budget <= 0:
                break
            try:
                done = subprocess.run([*cmd, tmp], capture_output=True, timeout=budget, check=False)
            except subprocess.TimeoutExpired:
                raise ActReadError(source, f"took longer than the {deadline.seconds:g} s limit ({cmd[0]} did not finish; corrupt file?)") from None
            out = done.stdout.decode("utf-8", errors="replace")
            err = done.stderr.decode("utf-8", errors="replace")
            if "encrypt" in (out[:200] + err).lower():
                raise ActReadError(source, "password-protected document (Word encryption)")
            if done.returncode == 0 and out.strip():
                return out
            reasons.append(f"{cmd[0]}: {(err.strip() or out.strip() or f'exit {done.returncode}')[:160]}")
    finally:
        os.unlink(tmp)
    if deadline.remaining() <= 0:
        raise ActReadError(source, f"took longer than the {deadline.seconds:g} s limit")
    raise ActReadError(source, "unreadable or corrupt Word document (" + "; ".join(reasons) + ")")


MAX_PART_BYTES = 32 * 1024 * 1024  # one part of a zip package, inflated (a long act's document.xml: 2 MB)
MAX_PACKAGE_BYTES = 64 * 1024 * 1024  # all parts together, inflated


def check_zip(data: bytes, source: str | Path, deadline: Deadline) -> None:
    """Refuse a zip package (.docx, or any zip-based format) that would inflate past the limits.

    Twice: by the sizes its directory declares, then by inflating each part in chunks and
    counting (a forged directory can understate them), before any library reads it into memory.
    """
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        members = package.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise ActReadError(source, f"corrupt zip package: {exc}") from exc
    declared = 0
    for info in members:
        declared += info.file_size
        if info.file_size > MAX_PART_BYTES or declared > MAX_PACKAGE_BYTES:
            raise ActReadError(source, f"refused: zip part {info.filename!r} inflates to {info.file_size} bytes "
                                       f"({declared} in all; limits {MAX_PART_BYTES} a part, {MAX_PACKAGE_BYTES} in all)")
    inflated = 0
    for info in members:
        part = 0
        try:
            with package.open(info) as stream:
                while chunk := stream.read(1 << 20):
                    part += len(chunk)
                    inflated += len(chunk)
                    if part > MAX_PART_BYTES or inflated > MAX_PACKAGE_BYTES:
                        raise ActReadError(source, f"refused: zip part {info.filename!r} inflates past "
                                                   f"{MAX_PART_BYTES} bytes (its directory says {info.file_size})")
                    deadline.check()
        except ActReadError:
            raise
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError, EOFError, OSError) as exc:
            raise ActReadError(source, f"corrupt zip package: part {info.filename!r}: {exc}") from exc


def read_docx(data: bytes, source: str | Path, deadline: Deadline) -> str:
    """Paragraphs and table cells of a .docx, in document order."""
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_PACKAGE in data:
            raise ActReadError(source, "password-protected document (encrypted .docx)")
        return read_doc(data, source, deadline)  # an old binary Word file saved as .docx
    check_zip(data, source, deadline)
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise ActReadError(source, f"corrupt .docx: {exc}") from exc
    except Exception as exc:  # lxml XMLSyntaxError and friends from a damaged part
        raise ActReadError(source, f"corrupt .docx: {type(exc).__name__}: {exc}") from exc
    lines: list[str] = []
    body = document.element.body
    for i, child in enumerate(body.iterchildren()):
        if i % 500 == 0:
            deadline.check()
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    if not cells or cell.text != cells[-1]:  # merged cells repeat their text
                        cells.append(cell.text)
                lines.append("\t".join(cells))
    return "\n".join(lines)


def read_pdf(data: bytes, source: str | Path, deadline: Deadline) -> str:
    """Text layer of a PDF (no OCR: a scan without text is reported as having no text)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ActReadError(source, "password-protected PDF")
        pages = list(reader.pages)
    except ActReadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ActReadError(source, f"corrupt PDF: {exc}") from exc
    except Exception as exc:  # e.g. decryption backend errors
        if "password" in str(exc).lower() or "decrypt" in str(exc).lower():
            raise ActReadError(source, "password-protected PDF") from exc
        raise ActReadError(source, f"corrupt PDF: {type(exc).__name__}: {exc}") from exc
    out = []
    for page in pages:
        deadline.check()
        try:
            out.append(page.extract_text() or "")
        except Exception as exc:
            raise ActReadError(source, f"corrupt PDF page: {type(exc).__name__}: {exc}") from exc
    return "\n".join(out)
