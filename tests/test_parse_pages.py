"""Facts read by eye from each real page, checked independently of the golden files.

The golden files compare whole records; these assertions name the facts a reader sees on the
page (the heading, the number of events, persons, acts, rows), so a wrong golden file cannot
hide a wrong parse.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from milcourt.parse import PageLayoutError, parse_page


def parse(fixtures: Path, name: str) -> dict:
    path = fixtures / name
    return parse_page(path.read_bytes(), source=str(path))


def test_criminal_first_instance(sudrf_fixtures: Path) -> None:
    page = parse(sudrf_fixtures, "leninsky_ufa_criminal.html")
    case = page["case"]
    assert page["kind"] == "case_card"
    assert (case["number"], case["number_full"]) == ("1-151/2026", "1-151/2026")
    assert case["uid"] == "03RS0003-01-2026-003803-62"
    assert (case["received"], case["decided"]) == ("2026-04-22", "2026-05-06")
    assert case["judge"] == "Ардуванова Д.Р."
    assert case["result"] == (
        "Уголовное дело ПРЕКРАЩЕНО назначена мера уголовно-правового характера - "
        "СУДЕБНЫЙ ШТРАФ (ст. 25.1 УПК РФ)"
    )
    assert case["lower_court"] is None and case["category"] is None
    assert len(page["events"]) == 5
    assert page["events"][3] == {
        "name": "Судебное заседание", "date": "2026-05-06", "time": "10:00",
        "result": "Производство по делу прекращено",
        "basis": "назначена мера уголовно-правового характера - СУДЕБНЫЙ ШТРАФ (ст. 25.1 УПК РФ)",
    }
    accused = page["persons"][0]
    assert accused["name"] == "Юсупова Гузэль Ривольтовна" and accused["role"] == "ЛИЦА"
    assert accused["articles"] == [{"law": "УК РФ", "article": "173.1", "part": "2", "point": "б", "stage": None}]
    assert accused["decided"] == "2026-05-06"
    assert [p["role"] for p in page["persons"][1:]] == ["Защитник (адвокат)", "Прокурор"]
    assert [a["title"] for a in page["acts"]] == ["Судебный акт #1 (Постановление)"]
    text = page["acts"][0]["text"]
    assert text.startswith("дело № 1 – 151/2026\nПОСТАНОВЛЕНИЕ\n")
    assert text.endswith("Председательствующий Д.Р. Ардуванова")
    assert "подсудимой Ю.Г.Р. и её защитника" in text  # inline spans do not split words


def test_criminal_cassation(sudrf_fixtures: Path) -> None:
    page = parse(sudrf_fixtures, "ksoyu_card_criminal.html")
    case = page["case"]
    assert (case["number"], case["number_full"]) == ("7У-1297/2026", "7У-1297/2026 [77-655/2026]")
    assert case["judge"] == "Бурухина Мария Николаевна"
    assert case["lower_court"] == {
        "court": "Промышленный районный суд г. Ставрополя", "number": "1-94/2025",
        "judge": "Рудакова Елена Владимировна", "decided": None,
    }
    assert len(page["events"]) == 1  # СЛУШАНИЯ; the ЖАЛОБЫ table is not events
    assert len(page["persons"]) == 6
    assert page["persons"][0]["articles"] == [
        {"law": "УК РФ", "article": "183", "part": "4", "point": None, "stage": None},
        {"law": "УК РФ", "article": "290", "part": "3", "point": None, "stage": None},
    ]
    assert page["acts"][0]["text"].startswith("ПЯТЫЙ КАССАЦИОННЫЙ СУД\nОБЩЕЙ ЮРИСДИКЦИИ\n№ 77-655/2026")


def test_civil_first_instance(sudrf_fixtures: Path) -> None:
    page = parse(sudrf_fixtures, "sgs_1inst.html")
    case = page["case"]
    assert (case["number"], case["number_full"]) == ("2-7212/2025", "2-7212/2025 ~ М-5922/2025")
    assert case["category"].startswith("Споры, возникающие из трудовых отношений → Трудовые споры")
    assert case["result"] == "Иск (заявление, жалоба) УДОВЛЕТВОРЕН"
    assert len(page["events"]) == 8  # the complaint movements are not case events
    assert [(p["role"], p["name"]) for p in page["persons"]] == [
        ("ИСТЕЦ", "Воробьёв Виктор Викторович"), ("ОТВЕТЧИК", 'МКУ "Декабрист"'),
        ("ПРЕДСТАВИТЕЛЬ", "Никулин Андрей Владимирович"),
    ]
    assert page["acts"][0]["title"] == "Судебный акт #1 (Решения)"


def test_administrative_offence(sudrf_fixtures: Path) -> None:
    page = parse(sudrf_fixtures, "kirov_koap.html")
    assert page["case"]["number"] == "5-174/2026"
    assert page["case"]["judge"] == "Глушков А.С."
    assert len(page["events"]) == 7
    offender = page["persons"][0]
    assert offender["role"] == "ПРИВЛЕКАЕМОЕ ЛИЦО"
    assert offender["articles"] == [{"law": "КоАП РФ", "article": "19.34", "part": "1", "point": None, "stage": None}]


def test_listing_with_pages(sudrf_fixtures: Path) -> None:
    page = parse(sudrf_fixtures, "ksoyu_listing_acts.html")
    assert page["kind"] == "search_results"
    assert page["total"] == 530
    assert len(page["rows"]) == 25
    first = page["rows"][0]
    assert first["number"] == "8Г-15211/2026" and first["number_full"] == "8Г-15211/2026 [88-14715/2026]"
    assert first["url"] == (
        "https://2kas.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=18223875"
        "&case_uid=3128af6a-aafd-43ab-a873-18c4f46b860e&new=2800001&delo_id=2800001"
    )
    assert (first["received"], first["decided"]) == ("2026-04-28", "2026-05-14")
    assert first["judge"] == "Попова Елена Викторовна"
    assert first["category"] == (
        "Споры, связанные с имущественными правами → Иски о взыскании сумм по договору займа, кредитному договору"
    )
    assert page["rows"][-1]["number"] == "8Г-13599/2026"
    assert page["next_page"].startswith("https://2kas.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=r&page=2&")


def test_listing_found_by_uid(sudrf_fixtures: Path) -> None:
    page = parse(sudrf_fixtures, "samara_kas_appeal_uid_results.html")
    assert page["total"] == 1 and page["next_page"] is None
    (row,) = page["rows"]
    assert row["number"] == "33а-647/2026" and row["number_full"] == "33а-647/2026 (33а-11786/2025;)"
    assert row["url"].startswith("https://oblsud.sam.sudrf.ru/modules.php?name=sud_delo&name_op=case&_id=45090185")
    assert row["result"] == "РЕШЕНИЕ оставлено БЕЗ ИЗМЕНЕНИЯ"


def test_base_url_wins_over_the_site_named_on_the_page(sudrf_fixtures: Path) -> None:
    data = (sudrf_fixtures / "samara_kas_appeal_uid_results.html").read_bytes()
    page = parse_page(data, base_url="https://oblsud--sam.sudrf.ru/modules.php?name=sud_delo&name_op=sf")
    assert page["rows"][0]["url"].startswith("https://oblsud--sam.sudrf.ru/modules.php?name=sud_delo&name_op=case")


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("ksoyu_listing_captcha_gate.html", "captcha"),
        ("sudrf_captcha_form.html", "captcha"),
        ("ksoyu_temporarily_unavailable.html", "unavailable"),
    ],
)
def test_gate_pages(sudrf_fixtures: Path, name: str, kind: str) -> None:
    assert parse(sudrf_fixtures, name) == {"kind": kind}


def test_card_without_number_is_a_layout_error(sudrf_fixtures: Path) -> None:
    html = (sudrf_fixtures / "leninsky_ufa_criminal.html").read_text(encoding="utf-8")
    start = html.index('<div align="center" class="casenumber">')
    broken = html[:start] + html[html.index("</div>", start) + 6 :]
    broken = broken.replace("openPrintWinCases('1-151/2026'", "openPrintWinCases(''")
    with pytest.raises(PageLayoutError, match=r"card\.html: case card without a case number"):
        parse_page(broken.encode("utf-8"), source="card.html")


def test_listing_with_unreadable_rows_is_a_layout_error(sudrf_fixtures: Path) -> None:
    html = (sudrf_fixtures / "ksoyu_listing_acts.html").read_text(encoding="utf-8")
    broken = html.replace(">№ дела</th>", ">Дело</th>")  # the number column is gone
    with pytest.raises(PageLayoutError, match="reports 530 cases but"):
        parse_page(broken.encode("utf-8"), source="listing.html")
