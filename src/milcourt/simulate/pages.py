"""Render the simulated cases as the real sudrf case-module pages (cards, search results, acts).

Structure and labels are copied from the real pages in ``shared/fixtures/sudrf``: a first-instance
criminal card as leninsky_ufa_criminal.html (tabs ДЕЛО, ДВИЖЕНИЕ ДЕЛА, ЛИЦА, СТОРОНЫ, СУДЕБНЫЕ
АКТЫ), an appeal card with the "РАССМОТРЕНИЕ В НИЖЕСТОЯЩЕМ СУДЕ" block as ksoyu_card_criminal.html,
search results with the paging line "Всего по запросу найдено — N. На странице записи с A по B."
as ksoyu_listing_acts.html. Links keep the real ``modules.php?name=sud_delo`` shapes, under the
court's site root (``root``: "" when served by host name, "/<court code>" by path prefix).

The behaviours of real pages appear in stable shares (drawn from the case or the court, never
from the population's random stream): a hidden print copy of the card's tables (a quarter of
the cards), art. 30 printed before the article of an attempt or preparation (one case in
twenty), the lower court under three wordings by appeal court (its own tab with the first-
instance labels or with generic ones, or the court's own words in the ДЕЛО tab), each act
on a page of its own that links back to its card, a third of the cards with an act linking
that page from their acts tab instead of printing the text, and the point lists of hazing
(art. 335 ч.2) after the article or before it, by court.
"""

from __future__ import annotations

import re
import zlib
from datetime import date, timedelta
from html import escape

from milcourt.simulate import names
from milcourt.simulate.layout import SUBMIT, ddmmyyyy, module_page
from milcourt.simulate.population import AS_OF, DELO_FIRST, Case

PAGE_SIZE = 25
TITLES = {"first": "Уголовные дела - первая инстанция", "appeal": "Уголовные дела - апелляция"}
HIDDEN = "Информация скрыта"


STAGE_PART = {"preparation": "1", "attempt": "3"}  # the part of art. 30 courts print for each stage


def articles_text(case: Case) -> str:
    """'ст.337 ч.5 УК РФ' or 'ст.337 ч.5; ст.338 УК РФ', as the ЛИЦА tab prints them; an attempt
    or preparation prints art. 30 before the article it modifies ('ст.30 ч.3, ст.337 ч.5 УК РФ')."""
    parts = [_article(case, a, p) for a, p in case.articles]
    if case.stage is not None and parts:
        parts[0] = f"ст.30 ч.{STAGE_PART[case.stage]}, {parts[0]}"
    return "; ".join(parts) + " УК РФ"


def _article(case: Case, article: str, part: str | None) -> str:
    """One article as the ЛИЦА tab prints it; its points, where it has any, in one of the two forms
    the sites use, by court: after it ("ст.335 ч.2 п.п.а,в") or before it ("п.п. а,в ч.2 ст.335")."""
    text = f"ст.{article} ч.{part}" if part else f"ст.{article}"
    point = case.point(article, part)
    if not point:
        return text
    mark = "п.п." if "," in point else "п."
    if _variant(f"points {case.court}", 2) == 0:
        return f"{text} {mark}{point}"
    return f"{mark} {point} {f'ч.{part} ' if part else ''}ст.{article}"


LOWER_STYLES = ("first_instance_tab", "generic_tab", "case_tab")


def lower_style(case: Case) -> str | None:
    """How the card of an appeal prints its lower court: the cassation wording in its own tab,
    the tab's generic labels, or (a third of the district courts) their own words in ДЕЛО."""
    if case.instance != "appeal" or case.lower is None:
        return None
    return LOWER_STYLES[_variant(case.court, 3)]


def _variant(text: str, n: int) -> int:
    """A stable choice among ``n`` page variants (by the case or court it is drawn for)."""
    return zlib.crc32(text.encode()) % n


def new_param(case_or_delo: Case | str) -> str:
    delo = case_or_delo if isinstance(case_or_delo, str) else case_or_delo.delo_id
    return "0" if delo == DELO_FIRST else delo


def card_url(root: str, case: Case) -> str:
    tail = f"&delo_id={DELO_FIRST}" if case.instance == "first" else f"&new={case.delo_id}&delo_id={case.delo_id}"
    return (f"{root}/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id={case.case_id}"
            f"&case_uid={case.case_uid}{tail}")


def doc_url(root: str, case: Case) -> str:
    return (f"{root}/modules.php?name=sud_delo&srv_num=1&name_op=doc&number={case.doc_id}"
            f"&delo_id={case.delo_id}&new={new_param(case)}&text_number=1")


def _row(label: str, value: str) -> str:
    return (f"\t\t\t            \t<tr>\n\t\t\t\t\t<td width=\"50%\">\n\t\t\t\t\t\t<b>{label}</b>\t\t\t\t\t</td>\n"
            f"\t\t\t\t\t<td>{value}</td>\n            \t</tr>\n")


def _grid(tab: int, heading: str, header: list[str], rows: list[list[str]], shown: bool) -> str:
    head = "".join(f"<td align='center'><b>{h}</b></td>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return (f"<div id='cont{tab}' style='display: {'block' if shown else 'none'}; padding: 0 15px 15px 15px;'><br>"
            f"<table width='100%' border='0' cellpadding='3' cellspacing='0' id='tablcont'><tr><th colspan=10>"
            f"{heading}</th></tr><tr>{head}</tr>{body}</table></div>")


def _events_tab(tab: int, case: Case, early: bool) -> str:
    header = ["Наименование события", "Дата", "Время", "Место проведения", "Результат события",
              "Основание для выбранного результата события", "Примечание", "Дата размещения"]
    rows = [[escape(n), ddmmyyyy(d), t, "Зал №1" if n == "Судебное заседание" else "", escape(r), escape(b), "",
             ddmmyyyy(d)] for n, d, t, r, b in case.events]
    if not early and case.decided and case.decided + timedelta(days=9) <= AS_OF:
        later = case.decided + timedelta(days=9)
        rows.append(["Дело сдано в отдел судебного делопроизводства", ddmmyyyy(later), "12:00", "", "", "", "",
                     ddmmyyyy(later)])
    return _grid(tab, "ДВИЖЕНИЕ ДЕЛА", header, rows, False)


def act_on_own_page(case: Case) -> bool:
    """A third of the cards with an act link it to a page of its own (``name_op=doc``) instead of
    printing its text in the acts tab, as courts publishing the act as a document do; drawn from
    the case, so the crawler must follow the link to store the act."""
    return case.act is not None and _variant(f"act {case.court} {case.number}", 3) == 0


def _acts_tab(tab: int, case: Case, root: str, inline: bool) -> str:
    if not inline:  # the link only: no ``cont_doc`` block, whose text would read as the act
        return (f"<div id='cont{tab}' style='display: none; padding: 0 15px 15px 15px;'><br>"
                f"<div style='padding: 15px;'><a href='{doc_url(root, case)}' target='_blank'>Судебный акт #1 "
                f"({escape(case.act_title.capitalize())})</a></div></div>")
    return (f"<div id='cont{tab}' style='display: none; padding: 0 15px 15px 15px;'><ul class='tabs'>"
            f"<li id='tab_doc1' class='sel'><a href='#' onclick='index_docs(1, 1); return false;'>"
            f"&nbsp;Судебный акт #1 ({escape(case.act_title.capitalize())})&nbsp;</a></li></ul><div class='contentt'>"
            f"<div id='cont_doc1' style='display: block; padding: 15px; font-size: 14px; color: black;'>\n"
            f"<span style=\"TEXT-ALIGN: justify\">\n{case.act}</span></div></div></div>")


def render_card(case: Case, root: str = "", *, early: bool = False, act_inline: bool | None = None) -> bytes:
    """The case card. ``early`` renders the first version of a page that changes between crawls:
    the last event and the act text are not there yet; the case's facts (dates, articles, result)
    are the same in both versions. ``act_inline`` prints the act's text (True) or only the link to
    its own page (False); by default the case's stable share decides (``act_on_own_page``)."""
    person = escape(case.defendant) if case.defendant else HIDDEN
    act_shown = case.act is not None and not early
    style = lower_style(case)
    in_case_tab = style == "case_tab"
    tabs = ["ДЕЛО"] + (["РАССМОТРЕНИЕ В НИЖЕСТОЯЩЕМ СУДЕ"] if case.instance == "appeal" and not in_case_tab else [])
    tabs += ["ДВИЖЕНИЕ ДЕЛА", "ЛИЦА", "СТОРОНЫ"] + (["СУДЕБНЫЕ АКТЫ"] if act_shown else [])
    n = len(tabs)
    tab_list = "".join(
        f"<li id='tab{i}' class='{'sel' if i == 1 else 'nonsel'}'><a href='#' onclick='index({i}, {n}); "
        f"return false;'>&nbsp;{t}&nbsp;</a></li>" for i, t in enumerate(tabs, 1))
    uid_link = (f"<a style='font-size:12px;' href='{root}/modules.php?name=sud_delo&amp;name_op=r_juid&amp;vnkod="
                f"{case.court}&amp;srv_num=1&amp;delo_id={case.delo_id}&amp;case_type=0&amp;judicial_uid={case.uid}'>"
                f"<u>{case.uid}</u></a>")
    rows = _row("Уникальный идентификатор дела", uid_link) + _row("Дата поступления", ddmmyyyy(case.received))
    rows += _row("Судья", escape(case.judge))
    if case.decided:
        rows += _row("Дата рассмотрения", ddmmyyyy(case.decided)) + _row("Результат рассмотрения", escape(case.result or ""))
    if case.instance == "first":
        rows += _row("Признак рассмотрения дела", "Рассмотрено единолично судьей")
    if in_case_tab:  # courts that print the lower court in the ДЕЛО tab, in words of their own
        assert case.lower is not None
        rows += (_row("Гарнизонный военный суд", escape(case.lower.court_name))
                 + _row("Номер производства по делу в суде 1-ой инстанции", escape(case.lower.number))
                 + _row("Судья нижестоящего суда", escape(case.lower.judge)))
    parts = [f"""	<div id="cont1" style="display: block; padding: 0 15px 15px 15px;">
		<table width="100%" border="0" cellspacing="0" cellpadding="3" id="tablcont">
			<tr>
				<th colspan="2" align="center" valign="center">ДЕЛО</th>
			<tr>
{rows}			  				<br>
		</table>
	</div>
"""]
    tab = 2
    if case.instance == "appeal" and case.lower is not None and not in_case_tab:
        low = case.lower
        if style == "first_instance_tab":
            lower_rows = (_row("Суд (судебный участок) первой инстанции", escape(low.court_name))
                          + _row("Номер дела в первой инстанции", escape(low.number))
                          + _row("Судья (мировой судья) первой инстанции", escape(low.judge)))
        else:  # the tab's generic labels
            lower_rows = _row("Суд", escape(low.court_name)) + _row("Номер дела", escape(low.number)) \
                + _row("Судья", escape(low.judge))
        parts.append(f"""		<div id="cont2" style="display: none; padding: 0 15px 15px 15px;">
			<table width="100%" border="0" cellspacing="0" cellpadding="3" id="tablcont">
				<tr>
					<th colspan='2' align='center' valign='center'>РАССМОТРЕНИЕ В НИЖЕСТОЯЩЕМ СУДЕ</th>
				</tr>
{lower_rows}			</table>
		</div>
""")
        tab = 3
    parts.append(_events_tab(tab, case, early))
    if case.instance == "first":
        parts.append(_grid(tab + 1, "ЛИЦА", ["Фамилия / наименование", "Перечень статей",
                                            "Дата рассмотрения дела в отношении лица", "Результат в отношении лица"],
                           [[person, articles_text(case), ddmmyyyy(case.decided), escape(case.result or "")]], False))
    else:
        parts.append(_grid(tab + 1, "ЛИЦА", ["Фамилия / наименование", "Перечень статей",
                                            "Материал (судебн. контроля, в пор. исполн. приговора и иные)",
                                            "Результат в отношении лица", "Основания отмены (изменения) решения"],
                           [[person, articles_text(case), "", escape(case.result or ""), ""]], False))
    parts.append(_grid(tab + 2, "СТОРОНЫ", ["Вид лица, участвующего в деле",
                                           "Лицо, участвующее в деле (ФИО, наименование)", "ИНН", "КПП", "ОГРН", "ОГРНИП"],
                       [["Защитник (адвокат)", HIDDEN, "", "", "", ""],
                        ["Прокурор", "Военная прокуратура гарнизона", "", "", "", ""]], False))
    if _variant(f"{case.court} {case.number}", 4) == 0:
        # A quarter of the cards carry the hidden print copy of their tables (the print button's).
        copied = re.findall(r"<table.*?</table>", "".join(parts), flags=re.S)
        parts.append("<div class='lawcase-tab-content printVersionBody none' id='printVersionBodyCase' "
                     "style='display: none;'>" + "".join(copied) + "</div>\n")
    if act_shown:
        parts.append(_acts_tab(tab + 3, case, root, not act_on_own_page(case) if act_inline is None else act_inline))
    published = ddmmyyyy(case.received)
    modified = ddmmyyyy(min((case.decided or case.received) + timedelta(days=3 if early else 20), AS_OF))
    content = (f"\t<div id=line></div>\n<div align='center' class='title'>\n\t{TITLES[case.instance]}</div>\n"
               f"<div id=line></div>\n<div align=\"center\" class=casenumber>\n\tДЕЛО № {escape(case.number)}</div>\n"
               f"<ul class='tabs'>{tab_list}</ul>\n<div class=\"contentt\" style=\"padding:0; margin:0;\">\n"
               + "".join(parts) + "</div>\n"
               f"<div class=\"outputArea publishInfo\">опубликовано {published} 10:00, изменено {modified} 18:00</div>\n")
    return module_page(case.court_name, AS_OF, case.delo_id, content)


def listing_info(case: Case) -> str:
    who = escape(names.initials(case.defendant)) if case.defendant else HIDDEN
    info = f"{who} - {articles_text(case)}"
    if case.instance == "appeal" and case.lower is not None:
        info += (f"<br />Суд (судебный участок) первой инстанции:&nbsp;{escape(case.lower.court_name)}"
                 f"<br />Номер дела в первой инстанции:&nbsp;{escape(case.lower.number)}")
    return info


def render_listing(court_code: str, court_name: str, root: str, delo_id: str, rows: list[Case], total: int,
                   page: int, pages: int, filters: str, early: set[tuple[str, str, str]] | None = None) -> bytes:
    """One page of search results; ``rows`` are that page's cases, ``filters`` the search's own query
    parameters (already encoded), repeated in every paging link as the real sites do."""
    instance = "first" if delo_id == DELO_FIRST else "appeal"
    table = "u1_case" if instance == "first" else "u2_case"

    def link(p: int) -> str:
        return (f"./modules.php?name=sud_delo&srv_num=1&name_op=r&page={p}&vnkod={court_code}&srv_num=1"
                f"&name_op=r&delo_id={delo_id}&case_type=0&new={new_param(delo_id)}&delo_table={table}"
                f"{'&' + filters if filters else ''}&{SUBMIT}")

    links = " | ".join(f"<b>{p}</b>" if p == page else f"<a href= {link(p)}>{p}</a>" for p in range(1, pages + 1))
    if page < pages:
        links += (f" <a href= {link(page + 1)} title=\"Следующая страница\">></a>\n\t\t\t\t\t  "
                  f"<a href= {link(pages)} title=\"На последнюю страницу списка\">>></a>")
    first_row = (page - 1) * PAGE_SIZE + 1
    body = []
    for c in rows:
        acts = (f"&nbsp;<a href='{doc_url(root, c)}' TITLE='{escape(c.act_title.capitalize())}'><img src='/images/arow.gif' "
                f"style='width: 15px; height: 17px; border: 0; cursor: pointer;'></a>&nbsp;" if c.act and c.key() not in
                (early or set()) else "")
        body.append(f"""					<tr valign="top">
				<td title="Для получения справки по делу, нажмите на номер дела" style="width:6%;cursor: pointer;"><a href='{card_url(root, c)}'>{escape(c.number)}</a><br></td>
				<td align="center" style="width:3%">
					&nbsp;{ddmmyyyy(c.received)}				</td>
								<td style="width:50%">
					{listing_info(c)}				</td>
				<td>
					{escape(c.judge)}				</td>
				<td align="center">
					{ddmmyyyy(c.decided)}				</td>
				<td>
					{escape(c.result or '')}				</td>
				<td>&nbsp;</td><td>{acts}				</td>
			</tr>
""")
    content = f"""		<div id=line></div>
	<div align='center' class='title'>
		{TITLES[instance]}		<br>
	</div>
	<div id=line></div>
	<table width="100%" border="0">
		<tr>
			<td valign="bottom" nowrap>
				Страницы : {links}			</td>
			<td align="right">
				Всего по запросу найдено — {total}. На странице записи с {first_row}				по {first_row + len(rows) - 1}.&nbsp;&nbsp;
			</td>
		</tr>
	</table>
	<table width="100%" border="0" cellpadding="3" cellspacing="0" id="tablcont">
		<tr>
			<th style="text-align: center" >№ дела</th><th style="text-align: center" >Дата<br>поступления</th><th style="text-align: center" >Информация по делу</th><th style="text-align: center" >Судья</th><th style="text-align: center" >Дата<br>решения</th><th style="text-align: center" >Решение</th><th style="text-align: center" >Дата вступления<br>в законную силу</th><th style="text-align: center" >Судебные<br>акты</th>		</tr>
{''.join(body)}	</table>
"""
    return module_page(court_name, AS_OF, delo_id, content)


def render_no_results(court_name: str, delo_id: str) -> bytes:
    instance = "first" if delo_id == DELO_FIRST else "appeal"
    content = (f"\t\t<div id=line></div>\n\t<div align='center' class='title'>\n\t\t{TITLES[instance]}\t\t<br>\n\t</div>\n"
               "\t<div id=line></div>\n\t<div align='center'>Данных по запросу не обнаружено</div>\n")
    return module_page(court_name, AS_OF, delo_id, content)


def render_doc(case: Case, root: str = "") -> bytes:
    """The act's own page (``name_op=doc``) a listing's "Судебные акты" arrow opens: the act's
    kind as title, the print button, the link back to the card ("Информация по делу"), the text."""
    kind = "Приговор по уголовному делу" if case.instance == "first" else "Апелляционное определение по уголовному делу"
    stage = "первая инстанция" if case.instance == "first" else "апелляция"
    content = (f"\t<div id=line></div>\n<div align='center' class='title'>\n\t{kind} - {stage}"
               "<div id='doccont' align='right' style='padding:5px;'><img src='images/print.gif' alt='Печать решения' "
               "onclick=\"openPrintWinCases('1', document.getElementById('content'))\"></div>\n</div>\n"
               f"<div id=line></div>\n<div align='right'><a href='{card_url(root, case)}'>Информация по делу</a></div>\n"
               f"<span style=\"TEXT-ALIGN: justify\">\n{case.act or ''}</span>\n")
    return module_page(case.court_name, AS_OF, case.delo_id, content)


def today() -> date:
    return AS_OF
