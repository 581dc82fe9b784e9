"""Label variants of other templates: parsing goes by labels, so order and wording may change.

The pages below are hand-made in the engine's markup (the same tags, ids and labels as the real
pages in ../shared/fixtures/sudrf), for templates the fixtures do not cover: a military appeal
card with a presiding and a reporting judge, columns in another order and the lower court in
the ДЕЛО tab; and the vnkod layout with ``tab_content_*`` blocks and a ``case-num`` heading.
"""

from __future__ import annotations

from milcourt.parse import parse_page

APPEAL_CARD = """<!DOCTYPE html><html><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>2-й западный окружной военный суд</title>
</head><body><div id="content">
<div align="center" class="title">Уголовные дела - апелляция</div>
<div align="center" class="casenumber">ДЕЛО № 22-118/2025 (1-35/2025)</div>
<ul class="tabs"><li id="tab1" class="sel"><a href="#">&nbsp;ПРОИЗВОДСТВО&nbsp;</a></li>
<li id="tab2" class="nonsel"><a href="#">&nbsp;ЛИЦА&nbsp;</a></li>
<li id="tab3" class="nonsel"><a href="#">&nbsp;СЛУШАНИЯ&nbsp;</a></li></ul>
<div class="contentt">
<div id="cont1"><table id="tablcont"><tr><th colspan="2">ПРОИЗВОДСТВО</th></tr>
<tr><td><b>Дата поступления</b></td><td>03.03.2025</td></tr>
<tr><td><b>Уникальный идентификатор дела</b></td><td><a href="#"><u>50GV0001-01-2024-000321-11</u></a></td></tr>
<tr><td><b>Суд (судебный участок) первой инстанции</b></td><td>Московский гарнизонный военный суд</td></tr>
<tr><td><b>Номер дела в первой инстанции</b></td><td>1-35/2025</td></tr>
<tr><td><b>Судья (мировой судья) первой инстанции</b></td><td>Иванов И.И.</td></tr>
<tr><td><b>Дата решения первой инстанции</b></td><td>20.01.2025</td></tr>
<tr><td><b>Председательствующий судья</b></td><td>Петров П.П.</td></tr>
<tr><td><b>Судья-докладчик</b></td><td>Сидоров С.С.</td></tr>
<tr><td><b>Результат рассмотрения</b></td><td>ПРИГОВОР  оставлен<br>БЕЗ ИЗМЕНЕНИЯ</td></tr>
</table></div>
<div id="cont2"><table id="tablcont"><tr><th colspan="10">ЛИЦА</th></tr>
<tr><td><b>Перечень статей</b></td><td><b>Фамилия / наименование</b></td><td><b>Результат в отношении лица</b></td></tr>
<tr><td>ч.5 ст.337; ч.1 ст.338 УК РФ</td><td>Кузнецов Алексей Олегович</td><td>ПРИГОВОР оставлен БЕЗ ИЗМЕНЕНИЯ</td></tr>
</table></div>
<div id="cont3"><table id="tablcont"><tr><th colspan="10">СЛУШАНИЯ</th></tr>
<tr><td><b>Дата</b></td><td><b>Время</b></td><td><b>Наименование события</b></td><td><b>Результат события</b></td></tr>
<tr><td>15.04.2025</td><td>11:00</td><td>Судебное заседание</td><td>Рассмотрение отложено</td></tr>
<tr><td>29.04.2025</td><td>10:30</td><td>Судебное заседание</td><td>Вынесено решение</td></tr>
</table></div></div></div></body></html>"""

OLD_LAYOUT_CARD = """<html><head><meta charset="windows-1251"></head><body><div id="modSdpContent">
<div class="title">Уголовные дела - первая инстанция</div>
<div class="case-num">ДЕЛО № 1-7/2024</div>
<div id="tab_content_Case"><table><tr><td><b>Уникальный идентификатор дела</b></td><td>61GV0004-01-2024-000197-32</td></tr>
<tr><td><b>Дата поступления</b></td><td>11.01.2024</td></tr>
<tr><td><b>Судья</b></td><td>Орлов О.О.</td></tr>
<tr><td><b>Дата рассмотрения</b></td><td>01.03.2024</td></tr></table></div>
<div id="tab_content_EventList"><table class="none-mobile list"><thead><tr><td>Наименование события</td>
<td>Результат события</td><td>Основания</td><td>Дата события</td><td>Время события</td></tr></thead>
<tbody><tr><td>Регистрация поступившего в суд дела</td><td></td><td></td><td>11.01.2024</td><td>09:12</td></tr>
<tr><td>Судебное заседание</td><td>Вынесен приговор</td><td></td><td>01.03.2024</td><td>10:00</td></tr></tbody></table>
<div class="block-mobile"><table><tr><td>Наименование события</td><td>Дата события</td></tr>
<tr><td>Судебное заседание</td><td>01.03.2024</td></tr></table></div></div>
<div id="tab_content_PersonList"><table class="none-mobile"><thead><tr><td>Процессуальный статус</td><td>ФИО</td>
<td>Перечень статей</td></tr></thead><tbody><tr><td>Подсудимый</td><td>Смирнов Д.А.</td><td>ст.337 ч.3.1 УК РФ</td></tr>
</tbody></table></div>
<ul><li id="tab_id_Document1">Приговор</li></ul>
<div id="tab_content_Document1"><p>ПРИГОВОР</p><p>Именем Российской Федерации</p></div>
</div></body></html>"""


def test_appeal_card_by_labels() -> None:
    page = parse_page(APPEAL_CARD.encode("cp1251"), source="appeal.html")
    case = page["case"]
    assert (case["number"], case["number_full"]) == ("22-118/2025", "22-118/2025 (1-35/2025)")
    assert case["uid"] == "50GV0001-01-2024-000321-11"
    assert case["judge"] == "Петров П.П."  # presiding judge when no plain "Судья"
    assert case["result"] == "ПРИГОВОР оставлен БЕЗ ИЗМЕНЕНИЯ"
    assert case["decided"] is None
    assert case["lower_court"] == {
        "court": "Московский гарнизонный военный суд", "number": "1-35/2025",
        "judge": "Иванов И.И.", "decided": "2025-01-20",
    }
    assert page["persons"] == [{
        "name": "Кузнецов Алексей Олегович", "role": "ЛИЦА",
        "articles": [
            {"law": "УК РФ", "article": "337", "part": "5", "point": None, "stage": None},
            {"law": "УК РФ", "article": "338", "part": "1", "point": None, "stage": None},
        ],
        "decided": None, "result": "ПРИГОВОР оставлен БЕЗ ИЗМЕНЕНИЯ",
    }]
    assert [(e["date"], e["time"], e["result"]) for e in page["events"]] == [
        ("2025-04-15", "11:00", "Рассмотрение отложено"), ("2025-04-29", "10:30", "Вынесено решение"),
    ]


def test_reporting_judge_when_no_other() -> None:
    html = APPEAL_CARD.replace("<tr><td><b>Председательствующий судья</b></td><td>Петров П.П.</td></tr>", "")
    assert parse_page(html.encode("utf-8"))["case"]["judge"] == "Сидоров С.С."


def test_old_layout_card() -> None:
    page = parse_page(OLD_LAYOUT_CARD.encode("utf-8"), source="old.html")
    assert page["kind"] == "case_card"
    assert page["case"]["number"] == "1-7/2024"
    assert page["case"]["uid"] == "61GV0004-01-2024-000197-32"
    assert page["case"]["decided"] == "2024-03-01"
    assert [(e["name"], e["date"], e["time"]) for e in page["events"]] == [
        ("Регистрация поступившего в суд дела", "2024-01-11", "09:12"),
        ("Судебное заседание", "2024-03-01", "10:00"),
    ]  # the mobile duplicate is not read twice
    assert page["persons"][0]["role"] == "Подсудимый"
    assert page["persons"][0]["articles"] == [{"law": "УК РФ", "article": "337", "part": "3.1", "point": None, "stage": None}]
    assert page["acts"] == [{"title": "Приговор", "text": "ПРИГОВОР\nИменем Российской Федерации"}]


CRIMINAL_LISTING = """<html><head><meta charset="windows-1251"></head><body><div id="content">
<div align="center" class="title">Уголовные дела - первая инстанция</div>
<table width="100%"><tr><td>Страницы : <b>1</b></td>
<td align="right">Всего по запросу найдено — 2. На странице записи с 1 по 2.</td></tr></table>
<table id="tablcont"><tr><th>№ дела</th><th>Дата<br>поступления</th><th>Категория / Стороны / Статья</th>
<th>Судья</th><th>Дата<br>решения</th><th>Решение</th><th>Дата вступления<br>в законную силу</th><th>Судебные<br>акты</th></tr>
<tr><td><a href="/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=501">1-12/2025</a></td><td>&nbsp;14.02.2025</td>
<td>КУЗНЕЦОВ А.О. - ст.337 ч.5</td><td>Орлов О.О.</td><td>03.04.2025</td><td>Вынесен ПРИГОВОР</td><td>19.04.2025</td><td></td></tr>
<tr><td><a href="/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=502">1-13/2025</a></td><td>&nbsp;15.02.2025</td>
<td>СМИРНОВ Д.А. - ст.338 ч.1; ст.337 ч.3.1</td><td>Орлов О.О.</td><td></td><td></td><td></td><td></td></tr>
</table></div></body></html>"""


def test_criminal_listing_articles_and_relative_links() -> None:
    page = parse_page(CRIMINAL_LISTING.encode("cp1251"), source="listing.html")
    assert page["total"] == 2 and page["next_page"] is None
    first, second = page["rows"]
    assert first["articles"] == [{"law": "УК РФ", "article": "337", "part": "5", "point": None, "stage": None}]
    assert [a["article"] for a in second["articles"]] == ["338", "337"]
    assert (second["decided"], second["result"]) == (None, None)
    # No base URL and no court site on the page: links stay as printed.
    assert first["url"] == "/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=501"
    page = parse_page(CRIMINAL_LISTING.encode("cp1251"), base_url="https://54gvs.nsk.sudrf.ru/modules.php?name=sud_delo")
    assert page["rows"][0]["url"] == "https://54gvs.nsk.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=501"


def test_empty_listing() -> None:
    html = """<html><body><div id="content"><form action="/modules.php"><input name="name" value="sud_delo"></form>
    <div>Данных по запросу не найдено</div></div></body></html>"""
    assert parse_page(html.encode("utf-8")) == {"kind": "search_results", "total": 0, "rows": [], "next_page": None}


ROWSPAN_PERSONS = """<html><body><div id="content"><div class="title">Уголовные дела - первая инстанция</div>
<div class="casenumber">ДЕЛО № 1-9/2025</div>
<div id="cont1"><table id="tablcont"><tr><th colspan="2">ДЕЛО</th></tr>
<tr><td><b>Дата поступления</b></td><td>01.02.2025</td></tr></table></div>
<div id="cont3"><table id="tablcont"><tr><th colspan="10">ЛИЦА</th></tr>
<tr><td><b>Фамилия / наименование</b></td><td><b>Перечень статей</b></td><td><b>Результат в отношении лица</b></td></tr>
<tr><td rowspan="2">Иванов И.И.</td><td>ст.337 ч.5</td><td rowspan="2">Вынесен ПРИГОВОР</td></tr>
<tr><td>ст.338 ч.1</td></tr>
<tr><td>Петров П.П.</td><td>ст.337 ч.3.1</td><td></td></tr>
</table></div></div></body></html>"""


def test_person_spanning_several_rows_keeps_every_article() -> None:
    persons = parse_page(ROWSPAN_PERSONS.encode("utf-8"))["persons"]
    assert [p["name"] for p in persons] == ["Иванов И.И.", "Петров П.П."]
    assert [a["article"] for a in persons[0]["articles"]] == ["337", "338"]
    assert persons[0]["result"] == "Вынесен ПРИГОВОР"


def test_card_saved_without_its_heading_is_still_a_card() -> None:
    html = ROWSPAN_PERSONS.replace('<div class="casenumber">ДЕЛО № 1-9/2025</div>', "").replace(
        "<tr><td><b>Дата поступления</b>", "<tr><td><b>Номер дела</b></td><td>1-9/2025</td></tr><tr><td><b>Дата поступления</b>"
    )
    page = parse_page(html.encode("utf-8"))
    assert page["kind"] == "case_card" and page["case"]["number"] == "1-9/2025"


def test_dates_with_times_and_iso_dates() -> None:
    from milcourt.parse.text import clock_time, iso_date

    assert iso_date("05.08.2025 10:00") == "2025-08-05"
    assert iso_date("2025-08-05") == "2025-08-05"
    assert iso_date("\u00a014.03.2025г.") == "2025-03-14"
    assert iso_date("31.02.20251") is None
    assert (clock_time("9:40"), clock_time("10.30"), clock_time("18.12.2025 10:00"), clock_time("")) == (
        "09:40", "10:30", "10:00", None,
    )


def test_untitled_card_takes_the_code_from_its_proceeding_kind() -> None:
    html = ROWSPAN_PERSONS.replace('<div class="title">Уголовные дела - первая инстанция</div>', "").replace(
        "<tr><td><b>Дата поступления</b>",
        '<tr><td><b>Уникальный идентификатор дела</b></td><td><a href="/modules.php?name=sud_delo&amp;'
        'name_op=r_juid&amp;delo_id=1540006&amp;judicial_uid=00GV0000-01-2025-000009-01">'
        "00GV0000-01-2025-000009-01</a></td></tr><tr><td><b>Дата поступления</b>",
    )
    persons = parse_page(html.encode("utf-8"))["persons"]
    assert {a["law"] for p in persons for a in p["articles"]} == {"УК РФ"}
    untitled_unknown = html.replace("delo_id=1540006", "delo_id=1540005")
    persons = parse_page(untitled_unknown.encode("utf-8"))["persons"]
    assert {a["law"] for p in persons for a in p["articles"]} == {None}


def test_module_outside_the_themes_content_block() -> None:
    html = ROWSPAN_PERSONS.replace('<div id="content">', '<div id="content"><p>Новости суда</p></div><div id="main">')
    page = parse_page(html.encode("utf-8"))
    assert page["kind"] == "case_card" and len(page["persons"]) == 2


def test_review_card_with_its_complaint_dates_in_the_case_tab() -> None:
    """КоАП review (12-…): the ДЕЛО tab itself speaks of the complaint; it stays the case's data."""
    html = """<html><body><div id="content"><div class="title">Дела об административных правонарушениях - жалобы</div>
    <div class="casenumber">ДЕЛО № 12-4/2025</div>
    <div id="cont1"><table id="tablcont">
    <tr><td><b>Уникальный идентификатор дела</b></td><td>00GV0000-01-2025-000004-44</td></tr>
    <tr><td><b>Дата поступления</b></td><td>03.03.2025</td></tr>
    <tr><td><b>Судья</b></td><td>Орлов О.О.</td></tr>
    <tr><td><b>Дата рассмотрения жалобы</b></td><td>17.03.2025</td></tr>
    <tr><td><b>Результат обжалования</b></td><td>Оставлено без изменения</td></tr>
    </table></div></div></body></html>"""
    case = parse_page(html.encode("utf-8"))["case"]
    assert (case["uid"], case["received"], case["judge"], case["decided"]) == (
        "00GV0000-01-2025-000004-44", "2025-03-03", "Орлов О.О.", "2025-03-17",
    )


def test_engine_phrases_with_no_break_spaces() -> None:
    listing = CRIMINAL_LISTING.replace("Всего по запросу найдено — 2", "Всего&nbsp;по&nbsp;запросу найдено&nbsp;—&nbsp;2")
    assert parse_page(listing.encode("cp1251"))["total"] == 2
    gate = "<html><body><div id='content'>Информация&nbsp;временно недоступна</div></body></html>"
    assert parse_page(gate.encode("utf-8")) == {"kind": "unavailable"}


def test_case_number_drops_year_mark_and_separator_spaces() -> None:
    from milcourt.parse.card import case_number

    assert case_number("ДЕЛО № 1-48/2024 г.") == ("1-48/2024", "1-48/2024 г.")
    assert case_number("Уголовное дело №1-49 /2024") == ("1-49/2024", "1-49 /2024")
    assert case_number("№ 1-45/2024 (1-12/2023)") == ("1-45/2024", "1-45/2024 (1-12/2023)")
    assert case_number("ДЕЛО № 4/17-33/2024") == ("4/17-33/2024", "4/17-33/2024")


def test_result_loses_a_trailing_decision_date_only() -> None:
    from milcourt.parse.card import result_text

    assert result_text("Вынесен ПРИГОВОР 03.06.2024 г.") == "Вынесен ПРИГОВОР"
    assert result_text("Вынесен ПРИГОВОР 03.06.2024 10:00") == "Вынесен ПРИГОВОР"
    assert result_text("Отменено определение от 03.06.2024") == "Отменено определение от 03.06.2024"
    assert result_text("03.06.2024") == "03.06.2024"
    assert result_text(None) is None
