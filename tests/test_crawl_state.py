"""Page kinds the crawler acts on, backoff, the resume journal and the incremental ledger."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from milcourt.crawl.journal import Ledger, RawArchive, RunJournal, row_signature
from milcourt.crawl.middlewares import backoff_seconds, gate_kind
from milcourt.crawl.pages import card_links, read_minimal

KINDS = {
    "kirov_koap.html": "case_card",
    "ksoyu_card_criminal.html": "case_card",
    "leninsky_ufa_criminal.html": "case_card",
    "sgs_1inst.html": "case_card",
    "ksoyu_listing_acts.html": "search_results",
    "samara_kas_appeal_uid_results.html": "search_results",
    "ksoyu_listing_captcha_gate.html": "captcha",
    "sudrf_captcha_form.html": "captcha",
    "ksoyu_temporarily_unavailable.html": "unavailable",
}


@pytest.mark.parametrize("name,kind", sorted(KINDS.items()))
def test_kind_of_every_fixture_page_in_both_encodings(sudrf_fixtures: Path, name: str, kind: str) -> None:
    data = (sudrf_fixtures / name).read_bytes()
    url = "https://x.sudrf.ru/modules.php?name=sud_delo"
    page = read_minimal(data, url)
    assert page["kind"] == kind
    try:
        recoded = data.decode("utf-8").encode("windows-1251", errors="replace")
    except UnicodeDecodeError:
        recoded = data.decode("windows-1251").encode("utf-8")  # the one page kept as served
    again = read_minimal(recoded, url)
    assert again["kind"] == kind and again.get("total") == page.get("total")
    assert gate_kind(data) == (kind if kind in ("captcha", "unavailable") else None)


def test_cards_link_no_site_decoration_as_attachments(sudrf_fixtures: Path) -> None:
    # ksoyu's card page links a museum PDF in the site menu: not a case attachment
    data = (sudrf_fixtures / "ksoyu_card_criminal.html").read_bytes()
    assert b"Onlayn-versiya_Muzeya.pdf" in data
    assert card_links(data, "https://2kas.sudrf.ru/modules.php?name=sud_delo&name_op=case") == []


def test_card_state_says_decided_and_act_published(sudrf_fixtures: Path) -> None:
    from milcourt.crawl.journal import is_settled

    card = read_minimal((sudrf_fixtures / "leninsky_ufa_criminal.html").read_bytes(), "http://x/")
    assert card["case"]["decided"] == "06.05.2026" and is_settled(card)
    assert not is_settled({"kind": "case_card", "case": {"decided": None}, "acts": []})
    assert not is_settled({"kind": "case_card", "case": {"decided": "2024-05-02"}, "acts": [{"text": ""}]})


def test_backoff_grows_and_is_capped() -> None:
    assert [backoff_seconds(n, 10, 600) for n in (1, 2, 3, 4, 7, 12)] == [10, 20, 40, 80, 600, 600]


def test_raw_archive_is_content_addressed(tmp_path: Path) -> None:
    archive = RawArchive(tmp_path / "raw")
    sha = archive.put(b"<html>page</html>")
    assert archive.put(b"<html>page</html>") == sha
    assert archive.get(sha) == b"<html>page</html>"
    assert archive.path_for(sha).parent.name == sha[:2]


def test_journal_survives_a_cut_line_and_restarts_after_a_finished_run(tmp_path: Path) -> None:
    job = tmp_path / "job"
    journal = RunJournal(job)
    journal.record("http://a/1", "aa", "search")
    journal.record("http://a/2", "bb", "card")
    journal.close(finished=False)  # as after kill -9: no "finished" mark
    with (job / "pages-done.jsonl").open("a") as fh:
        fh.write('{"url": "http://a/3", "sha2')  # the line kill -9 cut in half
    resumed = RunJournal(job)
    assert resumed.sha_for("http://a/1") == "aa" and resumed.sha_for("http://a/2") == "bb"
    assert resumed.sha_for("http://a/3") is None
    resumed.close(finished=True)
    assert RunJournal(job).done == {}  # the next --resume after a clean end is a new run
    assert RunJournal(None).sha_for("http://a/1") is None


def test_ledger_unchanged_rows_and_vanished_cases(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite"
    row = {"number": "1-12/2024", "decided": None, "result": None}
    first = Ledger(path, "run1")
    for key, number in (("c1", "1-12/2024"), ("c2", "1-13/2024"), ("c3", "1-14/2024")):
        first.record(card_key=key, court="54GV0003", instance="first", number=number, url=f"http://x/{key}",
                     row_sig=row_signature({**row, "number": number}), article="337",
                     found_from=date(2024, 1, 1), found_to=date(2024, 6, 30), settled=key != "c3")
    first.close()
    second = Ledger(path, "run2")
    assert second.is_unchanged("c1", row_signature(row))
    # c3 was ingested while in progress: its card is fetched again even if its row looks the same
    assert not second.is_unchanged("c3", row_signature({**row, "number": "1-14/2024"}))
    second.saw("c3")
    decided = {**row, "decided": "2024-05-02", "result": "Вынесен ПРИГОВОР"}
    assert not second.is_unchanged("c1", row_signature(decided))
    second.saw("c1")
    gone = second.vanished("54GV0003", "first", ["337"], date(2024, 1, 1), date(2024, 6, 30))
    assert gone == [{"card_key": "c2", "number": "1-13/2024"}]
    # a crawl of a narrower range or of other articles says nothing about c2
    assert second.vanished("54GV0003", "first", ["337"], date(2024, 3, 1), date(2024, 6, 30)) == []
    assert second.vanished("54GV0003", "first", ["338"], None, None) == []
    second.mark_removed("c2", datetime.now(UTC))
    assert second.vanished("54GV0003", "first", ["337"], None, None) == []
    second.close()
