"""Store ingest on SQLite and PostgreSQL: provenance, idempotence, versions, removal, rollback."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import sqlalchemy as sa

import store_pages as pages
from milcourt.store import open_store
from milcourt.store.schema import acts, case_versions, cases, events, persons, snapshots

URL = "http://syktsud.komi.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=1"


def counts(store) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with store.engine.connect() as conn:
        return {t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                for t in (snapshots, cases, case_versions, persons, events, acts)}


def test_new_card_is_stored_with_provenance(store_url: str) -> None:
    store = open_store(store_url)
    page = pages.sgs_first()
    data = pages.raw(page)
    fetched = datetime(2025, 8, 20, 10, 30)
    result = store.ingest_parsed(page, data, source="sgs_1inst.html", url=URL, fetched_at=fetched)
    assert (result.status, result.version) == ("new", 1)
    with store.engine.connect() as conn:
        case = conn.execute(sa.select(cases)).one()
        snap = conn.execute(sa.select(snapshots)).one()
    assert (case.court_code, case.court_code_source, case.number, case.instance) == (
        "11RS0001", "url", "2-7212/2025", "first")
    assert case.uid == pages.SGS_UID and case.decided == date(2025, 8, 18) and case.received == date(2025, 7, 22)
    assert case.snapshot_sha == snap.sha256 == result.sha256
    assert (snap.source, snap.url, snap.fetched_at, snap.kind, snap.size) == (
        "sgs_1inst.html", URL, fetched, "case_card", len(data))
    assert snap.parser_version
    assert store.archive.get(result.sha256) == data  # raw bytes kept by hash


def test_same_bytes_again_change_nothing(store_url: str) -> None:
    store = open_store(store_url)
    page = pages.garrison_first()
    store.ingest_parsed(page, pages.raw(page), source="a.html")
    before = counts(store)
    with store.engine.connect() as conn:
        row_before = conn.execute(sa.select(cases)).one()
    again = store.ingest_parsed(page, pages.raw(page), source="a.html")
    assert again.status == "unchanged"
    assert counts(store) == before
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(cases)).one() == row_before


def test_changed_card_adds_a_version_and_keeps_history(store_url: str) -> None:
    store = open_store(store_url)
    pending = pages.changed(pages.garrison_first(), decided=None, result=None)
    store.ingest_parsed(pending, pages.raw(pending), source="v1.html", fetched_at=datetime(2024, 4, 1))
    decided = pages.garrison_first()
    decided["events"].append({"name": "Провозглашение приговора", "date": "2024-05-06", "time": "15:00",
                              "result": "Провозглашен приговор", "basis": None})
    result = store.ingest_parsed(decided, pages.raw(decided), source="v2.html", fetched_at=datetime(2024, 5, 7))
    assert (result.status, result.version) == ("updated", 2)
    assert result.changed["decided"] == {"old": None, "new": "2024-05-06"}
    assert result.changed["result"] == {"old": None, "new": "Вынесен ПРИГОВОР"}
    assert result.changed["events"] == {"old": 1, "new": 2}
    with store.engine.connect() as conn:
        case = conn.execute(sa.select(cases)).one()
        versions = conn.execute(sa.select(case_versions).order_by(case_versions.c.version)).all()
        event_rows = conn.execute(sa.select(events.c.version, sa.func.count()).group_by(events.c.version)
                                  .order_by(events.c.version)).all()
    assert (case.current_version, case.decided, case.first_seen, case.last_seen) == (
        2, date(2024, 5, 6), datetime(2024, 4, 1), datetime(2024, 5, 7))
    assert [v.version for v in versions] == [1, 2]
    assert versions[0].content["case"]["decided"] is None  # the old version is still readable
    assert versions[1].changed["decided"]["new"] == "2024-05-06"
    assert [tuple(r) for r in event_rows] == [(1, 1), (2, 2)]  # old children kept, not overwritten


def test_mark_removed_keeps_the_case(store_url: str) -> None:
    store = open_store(store_url)
    page = pages.garrison_first()
    store.ingest_parsed(page, pages.raw(page), source="a.html")
    assert store.mark_removed("61GV0004", "1-57/2024", "first", date(2025, 3, 1))
    assert not store.mark_removed("61GV0004", "1-999/2024", "first", date(2025, 3, 1))
    with store.engine.connect() as conn:
        case = conn.execute(sa.select(cases)).one()
        assert conn.execute(sa.select(sa.func.count()).select_from(persons)).scalar_one() == 1
    assert case.removed_from_source == date(2025, 3, 1)


def test_bad_page_rolls_back_alone_and_names_the_file(store_url: str) -> None:
    store = open_store(store_url)
    good = pages.garrison_first()
    bad = pages.district_appeal()
    bad["events"][0]["date"] = "18.07.2024"  # not ISO: found after the case row was written
    store.ingest_parsed(good, pages.raw(good), source="good.html")
    before = counts(store)
    with pytest.raises(ValueError, match=r"bad\.html: events\.date"):
        store.ingest_parsed(bad, pages.raw(bad), source="bad.html")
    assert counts(store) == before  # no snapshot, case, version or child of the bad page
    after = pages.sgs_first()
    assert store.ingest_parsed(after, pages.raw(after), source="next.html", url=URL).status == "new"


def test_pages_that_are_not_cards_leave_a_snapshot_only(store_url: str) -> None:
    store = open_store(store_url)
    page = {"kind": "captcha"}
    result = store.ingest_parsed(page, b"<html>captcha</html>", source="gate.html")
    assert result.status == "skipped"
    assert counts(store)["snapshots"] == 1 and counts(store)["cases"] == 0


def test_long_and_odd_values_fit_on_both_back_ends(store_url: str) -> None:
    store = open_store(store_url)
    page = pages.district_appeal()
    page["case"]["lower_court"]["court"] = "Краснодарский гарнизонный военный суд " + "(постоянное судебное присутствие) " * 20
    page["case"]["number"] = "22-311/2024 (22-309/2024, 22-310/2024, " + ", ".join(f"4/17-{n}" for n in range(40)) + ")"
    page["events"][0]["time"] = "10:00 - 11:30 (перерыв до 14:00)"
    page["persons"][0]["articles"] = [{"law": "УК РФ", "article": "337", "part": "5", "point": "а, б, в, г, д" * 10}]
    result = store.ingest_parsed(page, pages.raw(page), source="long.html")
    assert result.status == "new"


def test_card_without_number_is_an_error_naming_the_file(store_url: str) -> None:
    store = open_store(store_url)
    page = pages.changed(pages.garrison_first(), number="")
    with pytest.raises(ValueError, match=r"nonumber\.html: case card without a case number"):
        store.ingest_parsed(page, pages.raw(page), source="nonumber.html")
    assert counts(store)["snapshots"] == 0


def test_an_older_page_arriving_late_is_history_not_the_current_state(store_url: str) -> None:
    store = open_store(store_url)
    decided = pages.garrison_first()
    store.ingest_parsed(decided, pages.raw(decided), source="new.html", fetched_at=datetime(2024, 6, 1))
    pending = pages.changed(decided, decided=None, result=None)
    late = store.ingest_parsed(pending, pages.raw(pending), source="old.html", fetched_at=datetime(2024, 4, 1))
    assert (late.status, late.version) == ("updated", 2)
    with store.engine.connect() as conn:
        case = conn.execute(sa.select(cases)).one()
        seen = conn.execute(sa.select(case_versions.c.version, case_versions.c.seen_at)
                            .order_by(case_versions.c.seen_at)).all()
    assert (case.current_version, case.decided, case.first_seen, case.last_seen) == (
        1, date(2024, 5, 6), datetime(2024, 4, 1), datetime(2024, 6, 1))
    assert [v for v, _ in seen] == [2, 1]  # by fetch time, the late version comes first
    newer = pages.changed(decided, result="Вынесен ПРИГОВОР; вступил в законную силу")
    result = store.ingest_parsed(newer, pages.raw(newer), source="newer.html", fetched_at=datetime(2024, 7, 1))
    assert (result.version, result.changed["result"]["old"]) == (3, "Вынесен ПРИГОВОР")


def test_court_code_from_a_mirrored_site_path() -> None:
    """A site mirrored under /<court code>/ (the simulator, archive mirrors) files under that court."""
    from milcourt.store.keys import court_code_for

    uid = "61GV0004-01-2024-000197-32"  # an appeal card prints the first-instance UID
    assert court_code_for(uid, "http://127.0.0.1:8000/61OV0000/modules.php?name=sud_delo", None) == (
        "61OV0000", "url")
    assert court_code_for(uid, "http://127.0.0.1:8000/99XX0000/modules.php", None) == ("61GV0004", "uid")
    assert court_code_for(None, "https://yovs.ros.sudrf.ru/modules.php", None) == ("61OV0000", "url")
