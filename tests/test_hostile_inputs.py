"""Hostile files end fast, in bounded memory, with the package's own named errors.

Each case runs in a child process (so a hang or a memory blow-up cannot take the test run with
it) and reports its peak resident memory; the child is killed after HANG_SECONDS (a hang, not a
speed target: the speed figures are in bench/fuzz.py) and must stay under MEMORY_CAP_MB.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from milcourt.cli import app
from milcourt.extract.readers import ActReadError, read_act_bytes
from milcourt.parse.errors import ParseError
from milcourt.parse.page import parse_page

HANG_SECONDS = 60
MEMORY_CAP_MB = 700
SRC = Path(__file__).resolve().parents[1] / "src"


def run_bounded(code: str, *args: str) -> dict[str, object]:
    """Run ``code`` in a child Python; it prints one JSON object, peak memory is added to it."""
    program = textwrap.dedent(code) + textwrap.dedent("""
        import json as _j, re as _re, sys as _s
        # VmHWM: this process's own peak (ru_maxrss would carry the parent's peak over exec)
        _hwm = _re.search(r"VmHWM:\\s+(\\d+) kB", open("/proc/self/status").read())
        RESULT["maxrss_mb"] = int(_hwm.group(1)) / 1024
        _s.stdout.write(_j.dumps(RESULT))
    """)
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    done = subprocess.run([sys.executable, "-c", program, *args], capture_output=True, text=True,
                          timeout=HANG_SECONDS, env=env, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["maxrss_mb"] < MEMORY_CAP_MB, result
    return dict(result)


NESTED_PAGE = """
import sys
from milcourt.parse.errors import ParseError
from milcourt.parse.page import parse_page
from milcourt.simulate.pages import render_card
n, tag = int(sys.argv[1]), sys.argv[2]
open_, close = ("<table><tr><td>", "</td></tr></table>") if tag == "table" else (f"<{tag}>", f"</{tag}>")
body = open_ * n + "ПРИГОВОР Именем Российской Федерации, подсудимый признан виновным" + close * n
page = ("<html><body><div class='title'>КАРТОЧКА</div><div class=casenumber>ДЕЛО № 1-1/2024</div>"
        + body + "</body></html>").encode()
try:
    out = parse_page(page, source="nested.html")
    RESULT = {"kind": out["kind"], "error": None}
except ParseError as exc:
    RESULT = {"kind": None, "error": type(exc).__name__}
"""


@pytest.mark.parametrize("tag", ["table", "div", "span"])
def test_twenty_thousand_nested_elements_parse_in_bounded_time_and_memory(tag: str) -> None:
    result = run_bounded(NESTED_PAGE, "20000", tag)
    assert result["error"] in (None, "PageLayoutError")  # a card without labels: named, not a hang


CARD_WITH_DEEP_ACT = """
import sys
from datetime import date
from milcourt.parse.page import parse_page
from milcourt.simulate.population import Case
from milcourt.simulate.pages import render_card
n, tag = int(sys.argv[1]), sys.argv[2]
text = "П Р И Г О В О Р подсудимый самовольно оставил воинскую часть"
case = Case(court="37GV0001", court_name="Ивановский гарнизонный военный суд", instance="first",
            number="1-7/2024", uid="37GV0001-01-2024-000007-11", articles=[("337", "5")],
            received=date(2024, 3, 1), decided=date(2024, 4, 2), result="Вынесен ПРИГОВОР",
            judge="Эталонов Аркадий Семёнович", defendant="", case_id=7, case_uid="u7", doc_id=7,
            act=f"<{tag}>" * n + text + f"</{tag}>" * n, act_title="Приговор")
page = parse_page(render_card(case, act_inline=True), source="deep.html")
RESULT = {"acts": [a["text"] for a in page["acts"]], "number": page["case"]["number"]}
"""


@pytest.mark.parametrize("tag", ["div", "span", "font"])
def test_an_act_wrapped_in_thirty_thousand_tags_keeps_its_text(tag: str) -> None:
    result = run_bounded(CARD_WITH_DEEP_ACT, "30000", tag)
    assert result["number"] == "1-7/2024"
    assert any("самовольно оставил воинскую часть" in text for text in result["acts"])  # type: ignore[attr-defined]


DEEP_ACT_FILE = """
import sys
from milcourt.extract.readers import read_act_bytes
n, tag = int(sys.argv[1]), sys.argv[2]
open_, close = ("<table><tr><td>", "</td></tr></table>") if tag == "table" else (f"<{tag}>", f"</{tag}>")
data = ("<html><body>" + open_ * n + "ПРИГОВОР суд установил" + close * n + "<p>конец</p></body></html>").encode()
RESULT = {"text": read_act_bytes(data, ".html")}
"""


@pytest.mark.parametrize("tag", ["div", "span", "table"])
def test_html_act_in_deep_nesting_keeps_its_text(tag: str) -> None:
    result = run_bounded(DEEP_ACT_FILE, "30000", tag)
    assert "ПРИГОВОР суд установил" in str(result["text"]) and "конец" in str(result["text"])


def test_oversized_page_is_refused_by_the_configured_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MILCOURT_MAX_PAGE_MB", "1")
    page = b"<html><body>" + b"<p>x</p>" * 200_000 + b"</body></html>"
    with pytest.raises(ParseError, match=r"page too large: \d+ bytes, the limit is 1048576 bytes \(MILCOURT_MAX_PAGE_MB\)"):
        parse_page(page, source="big.html")


DEVICE_THEN_PAGE = """
import sys
from typer.testing import CliRunner
from milcourt.cli import app
result = CliRunner().invoke(app, ["parse", "--keep-names", *sys.argv[1:]])
RESULT = {"code": result.exit_code, "out": result.stdout, "err": result.stderr}
"""


def test_device_file_is_refused_at_once_and_the_next_file_still_parses(sudrf_fixtures: Path) -> None:
    page = sudrf_fixtures / "sgs_1inst.html"
    result = run_bounded(DEVICE_THEN_PAGE, "/dev/zero", str(page))
    assert result["code"] == 1
    assert "/dev/zero: refused: a character device, not a regular file" in str(result["err"])
    assert "sgs_1inst.html" in str(result["out"]) and "MemoryError" not in str(result["err"])


def test_fifo_is_refused_without_blocking(tmp_path: Path, sudrf_fixtures: Path) -> None:
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    result = run_bounded(DEVICE_THEN_PAGE, str(fifo), str(sudrf_fixtures / "sgs_1inst.html"))
    assert "a FIFO, not a regular file" in str(result["err"]) and "sgs_1inst.html" in str(result["out"])


def test_ingest_refuses_a_device_and_goes_on(tmp_path: Path, sudrf_fixtures: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    result = CliRunner().invoke(app, ["ingest", "/dev/zero", str(sudrf_fixtures / "sgs_1inst.html"), "--db", url])
    assert result.exit_code == 1
    assert "/dev/zero: refused: a character device" in result.stderr
    assert "1 cases new" in result.stderr


def _docx_with(parts: dict[str, bytes], zeros: tuple[str, int] | None = None) -> bytes:
    """A zip package; ``zeros`` = (part, megabytes): a part of that many zero digits, written in
    chunks so the test itself never holds it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in parts.items():
            package.writestr(name, content)
        if zeros:
            with package.open(zeros[0], "w", force_zip64=True) as part:
                for _ in range(zeros[1]):
                    part.write(b"0" * (1 << 20))
    return buffer.getvalue()


def _forge_sizes(data: bytes, name: str, size: int) -> bytes:
    """The package with ``name``'s uncompressed size understated in both zip headers."""
    raw = bytearray(data)
    encoded = name.encode()
    for signature, size_at, name_len_at, name_at in ((b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)):
        at = raw.find(signature)
        while at >= 0:
            length = int.from_bytes(raw[at + name_len_at:at + name_len_at + 2], "little")
            if bytes(raw[at + name_at:at + name_at + length]) == encoded:
                raw[at + size_at:at + size_at + 4] = size.to_bytes(4, "little")
            at = raw.find(signature, at + 4)
    return bytes(raw)


ZIP_BOMB = """
import sys
from pathlib import Path
from milcourt.extract.readers import ActReadError, read_act_bytes
try:
    read_act_bytes(Path(sys.argv[1]).read_bytes(), ".docx", source="bomb.docx")
    RESULT = {"error": None}
except ActReadError as exc:
    RESULT = {"error": str(exc)}
"""


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml"])
def test_zip_bomb_is_refused_by_its_declared_size(tmp_path: Path, part: str) -> None:
    bomb = _docx_with({"[Content_Types].xml": b"<Types/>"}, (part, 100))
    assert len(bomb) < 2 * 1024 * 1024
    (tmp_path / "bomb.docx").write_bytes(bomb)
    result = run_bounded(ZIP_BOMB, str(tmp_path / "bomb.docx"))
    assert "bomb.docx: refused: zip part" in str(result["error"]) and part in str(result["error"])


def test_zip_bomb_with_forged_sizes_is_stopped_while_inflating(tmp_path: Path) -> None:
    bomb = _docx_with({"[Content_Types].xml": b"<Types/>"}, ("word/document.xml", 100))
    (tmp_path / "bomb.docx").write_bytes(_forge_sizes(bomb, "word/document.xml", 1000))
    result = run_bounded(ZIP_BOMB, str(tmp_path / "bomb.docx"))
    assert str(result["error"]).startswith("bomb.docx: ")  # refused or corrupt: a named error, in bounded memory


@pytest.mark.parametrize(("data", "ext"), [
    (b"{\\rtf1\\ansi \\u99999999999 text}", ".rtf"),
    (b"{\\rtf1\\ansi \\'zz\\u-99999999999999? text}", ".rtf"),
    (b"<?xml version='1.0' encoding='utf-8'?><html><body>\x01\x02 text \x0b</body></html>", ".html"),
    (b"<html><body>&#xFFFFFFFF; &#0; text\x00</body></html>", ".html"),
    (b"PK\x03\x04" + b"\x00" * 100, ".docx"),
    (b"%PDF-1.4\n" + b"\xff" * 500, ".pdf"),
])
def test_every_act_reader_error_is_an_act_read_error(data: bytes, ext: str) -> None:
    try:
        read_act_bytes(data, ext, source="hostile" + ext)
    except ActReadError as exc:
        assert str(exc).startswith("hostile" + ext)


@pytest.mark.parametrize("data", [
    b"<html><body>\x01\x02<div class=casenumber>\xff\xfe\x00 &#xFFFFFFFF;</div></body></html>",
    b"<html>" + b"<table>" * 5000 + b"</html>",
    b"<html><body><div class=casenumber>" + "ДЕЛО № 1".encode() + b"\xed\xa0\x80</div></body></html>",
])
def test_every_page_error_is_a_parse_error(data: bytes) -> None:
    try:
        parse_page(data, source="hostile.html")
    except ParseError as exc:
        assert str(exc).startswith("hostile.html")


def test_act_reader_refuses_a_fifo_at_once(tmp_path: Path) -> None:
    from milcourt.extract.readers import read_act_file

    fifo = tmp_path / "act.txt"
    os.mkfifo(fifo)
    with pytest.raises(ActReadError, match=r"act\.txt: refused: a FIFO, not a regular file"):
        read_act_file(fifo)
