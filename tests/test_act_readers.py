"""read_act_file: every supported format from real bytes built in the test, and every bad-file case."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from act_samples import make_cfb, make_doc, make_encrypted_docx, make_pdf, make_rtf
from milcourt.extract.readers import MAX_BYTES, ActReadError, read_act_bytes, read_act_file

ACT = (
    "Дело № 1-64/2024\n"
    "ПРИГОВОР\n"
    "Именем Российской Федерации\n"
    "Новочеркасский гарнизонный военный суд в составе председательствующего судьи ФИО2\n"
    "приговорил: признать ФИО1 виновным в совершении преступления, предусмотренного ч. 5 ст. 337 УК РФ, "
    "и назначить ему наказание в виде лишения свободы на срок 5 (пять) лет 6 (шесть) месяцев "
    "с отбыванием наказания в исправительной колонии общего режима.\n"
)
MUST = ["Дело № 1-64/2024", "ПРИГОВОР", "Новочеркасский гарнизонный военный суд", "ч. 5 ст. 337 УК РФ",
        "5 (пять) лет 6 (шесть) месяцев", "исправительной колонии общего режима"]


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def _flat(text: str) -> str:
    return " ".join(text.split())


def _assert_act(text: str) -> None:
    flat = _flat(text)
    for needle in MUST:
        assert needle in flat, f"{needle!r} missing from {flat[:300]!r}"


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251", "utf-8-sig"])
def test_txt_in_each_encoding(tmp_path: Path, encoding: str) -> None:
    text = read_act_file(_write(tmp_path, "act.txt", ACT.encode(encoding)))
    assert text == ACT


def test_html_cp1251_page_with_meta_and_blocks(tmp_path: Path) -> None:
    body = "".join(f"<p>{line}</p>" for line in ACT.splitlines())
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
            "<title>Дело</title><script>var x = 'ПРИГОВОР скрипт';</script></head><body>"
            f"<div>{body}</div><table><tr><td>Судья</td><td>ФИО2</td></tr></table></body></html>")
    text = read_act_file(_write(tmp_path, "act.html", page.encode("cp1251")))
    _assert_act(text)
    assert "скрипт" not in text and "Судья ФИО2" in text
    assert text.splitlines()[0] == "Дело № 1-64/2024"


def test_html_utf8_without_meta(tmp_path: Path) -> None:
    page = "<!DOCTYPE html><html><body>" + ACT.replace("\n", "<br>") + "</body></html>"
    _assert_act(read_act_file(_write(tmp_path, "act.htm", page.encode("utf-8"))))


@pytest.mark.parametrize("unicode_escapes", [False, True], ids=["cp1251-escapes", "u-escapes"])
def test_rtf(tmp_path: Path, unicode_escapes: bool) -> None:
    text = read_act_file(_write(tmp_path, "act.rtf", make_rtf(ACT, unicode_escapes=unicode_escapes)))
    _assert_act(text)
    assert "\\" not in text and "Times New Roman" not in text


def test_rtf_served_as_doc_is_read_as_rtf(tmp_path: Path) -> None:
    """Court sites routinely attach RTF under a .doc name; the bytes decide."""
    _assert_act(read_act_file(_write(tmp_path, "act.doc", make_rtf(ACT))))


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for line in ACT.splitlines():
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Председательствующий"
    table.cell(0, 1).text = "ФИО2"
    buf = io.BytesIO()
    document.save(buf)
    text = read_act_file(_write(tmp_path, "act.docx", buf.getvalue()))
    _assert_act(text)
    assert "Председательствующий ФИО2" in text


def test_pdf_text_layer(tmp_path: Path) -> None:
    lines = [line[i:i + 90] for line in ACT.splitlines() for i in range(0, len(line), 90)]
    text = read_act_file(_write(tmp_path, "act.pdf", make_pdf(lines)))
    for needle in ["Дело № 1-64/2024", "ПРИГОВОР", "Новочеркасский гарнизонный военный суд"]:
        assert needle in text


def test_doc_word97_through_catdoc(tmp_path: Path) -> None:
    _assert_act(read_act_file(_write(tmp_path, "act.doc", make_doc(ACT))))


# ----------------------------------------------------------------------------- bad files
def _error(path: Path, **kw: float) -> ActReadError:
    with pytest.raises(ActReadError) as info:
        read_act_file(path, **kw)
    assert str(path) in str(info.value), "the error must name the file"
    return info.value


def test_unsupported_extension(tmp_path: Path) -> None:
    assert "unsupported" in _error(_write(tmp_path, "act.odt", b"PK\x03\x04...")).reason


def test_missing_file(tmp_path: Path) -> None:
    assert "cannot open" in _error(tmp_path / "absent.pdf").reason


def test_oversized_file_is_refused_without_reading(tmp_path: Path) -> None:
    p = tmp_path / "huge.pdf"
    with p.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: no 20 MB written to disk
    assert "oversized" in _error(p).reason


def test_empty_file(tmp_path: Path) -> None:
    assert "empty" in _error(_write(tmp_path, "act.txt", b"  \n")).reason


def test_binary_garbage_as_txt(tmp_path: Path) -> None:
    assert "not a text file" in _error(_write(tmp_path, "act.txt", bytes(range(256)) * 40)).reason


def test_garbage_named_docx_and_pdf_and_doc(tmp_path: Path) -> None:
    for name in ("act.docx", "act.pdf", "act.doc"):
        assert "corrupt" in _error(_write(tmp_path, name, b"\x00\x01garbage" * 100)).reason


def test_truncated_docx(tmp_path: Path) -> None:
    import docx

    buf = io.BytesIO()
    document = docx.Document()
    document.add_paragraph(ACT)
    document.save(buf)
    assert "corrupt" in _error(_write(tmp_path, "act.docx", buf.getvalue()[:1500])).reason


def test_truncated_pdf(tmp_path: Path) -> None:
    data = make_pdf(["ПРИГОВОР"])
    err = _error(_write(tmp_path, "act.pdf", data[: len(data) // 3]))
    assert "corrupt" in err.reason or "no text" in err.reason


def test_encrypted_pdf(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(make_pdf(ACT.splitlines()))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    buf = io.BytesIO()
    writer.write(buf)
    assert "password-protected" in _error(_write(tmp_path, "act.pdf", buf.getvalue())).reason


def test_pdf_with_owner_password_only_is_readable(tmp_path: Path) -> None:
    """Restrictions-only PDFs (empty user password) open without a password, as in any viewer."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(make_pdf(["ПРИГОВОР", "Дело № 1-64/2024"]))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    assert "ПРИГОВОР" in read_act_file(_write(tmp_path, "act.pdf", buf.getvalue()))


def test_encrypted_docx(tmp_path: Path) -> None:
    assert "password-protected" in _error(_write(tmp_path, "act.docx", make_encrypted_docx())).reason


def test_encrypted_doc(tmp_path: Path) -> None:
    assert "password-protected" in _error(_write(tmp_path, "act.doc", make_doc(ACT, encrypted=True))).reason


def test_truncated_doc_hits_the_time_limit_or_fails_cleanly(tmp_path: Path) -> None:
    """catdoc spins on a truncated OLE file; the per-file limit must stop it and say why."""
    err = _error(_write(tmp_path, "act.doc", make_doc(ACT)[:3000]), timeout=2.0)
    assert "limit" in err.reason or "corrupt" in err.reason


def test_ole_file_that_is_not_word(tmp_path: Path) -> None:
    """An Excel workbook saved under .doc is an OLE file too; it must fail with a reason, not garbage."""
    data = make_cfb([("Workbook", b"\x09\x08" + b"abc" * 2000)])
    assert "corrupt" in _error(_write(tmp_path, "act.doc", data), timeout=10.0).reason


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    assert "no text" in _error(_write(tmp_path, "scan.pdf", make_pdf([]))).reason


def test_read_act_bytes_names_the_source() -> None:
    with pytest.raises(ActReadError, match=r"^https://example\.test/act\.pdf: "):
        read_act_bytes(b"not a pdf at all", ".pdf", source="https://example.test/act.pdf")


def test_batch_continues_after_a_bad_file(tmp_path: Path) -> None:
    good = _write(tmp_path, "good.rtf", make_rtf(ACT))
    bad = _write(tmp_path, "bad.pdf", b"%PDF-1.4 broken")
    results = {}
    for p in (bad, good):
        try:
            results[p.name] = read_act_file(p)
        except ActReadError as exc:
            results[p.name] = exc
    assert isinstance(results["bad.pdf"], ActReadError)
    _assert_act(results["good.rtf"])
