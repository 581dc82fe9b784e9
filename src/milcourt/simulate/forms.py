"""The case search form (``name_op=sf``), with the captcha fields on sites that demand one.

Modelled on sudrf_captcha_form.html: a GET form ``calform`` with the hidden ``name``, ``srv_num``,
``name_op=r``, ``delo_id``, ``case_type``, ``new`` and ``delo_table`` inputs and the
``u1_case__…``/``U1_DEFENDANT__…`` (first instance) or ``u2_case__…`` (appeal) fields.
"""

from __future__ import annotations

import base64

from milcourt.simulate.captcha import Challenge
from milcourt.simulate.layout import module_page
from milcourt.simulate.pages import TITLES, new_param, today
from milcourt.simulate.population import DELO_FIRST


def _captcha(challenge: Challenge) -> str:
    """The captcha row as the engine prints it: the image inline as ``data: image/png;base64, …``."""
    image = base64.b64encode(challenge.image).decode("ascii")
    tag = f'<img src="data: image/png;base64, {image}" style="border: 1px solid #4a739d;">' if challenge.image else ""
    return f"""					<tr>
						<td style="width:10%;" align="right">Проверочный код</td>
						<td style="width:40%;">  <input name='captcha' autocomplete='off' id='captcha' type='text' class='Lookup' size=10>
						{tag}
						<input name="captchaid" type="hidden" value="{challenge.captchaid}">
						</td>
					</tr>
"""


def _text(name: str, label: str) -> str:
    return (f"        <tr>\n          <td style=\"width:30%\" align=\"right\">{label}</td>\n"
            f"          <td style=\"width:70%\"><input name='{name}' type='text' class='Lookup' size=70></td>\n        </tr>\n")


def _range(name: str, label: str) -> str:
    return (f"        <tr>\n          <td style=\"width:30%\" valign=\"bottom\" align=\"right\">{label}</td>\n"
            f"          <td style=\"width:70%\">с <nobr><input name='{name}1D' type='text' size=10 class='Lookup'>"
            f" по <input name='{name}2D' type='text'  size=10 class='Lookup'></nobr></td>\n        </tr>\n")


def render_search_form(court_name: str, root: str, delo_id: str, captcha: Challenge | None) -> bytes:
    first = delo_id == DELO_FIRST
    t, T = ("u1", "U1") if first else ("u2", "U2")
    fields = _text(f"{T}_DEFENDANT__NAMESS", "Фамилия") + _text(f"{t}_case__CASE_NUMBERSS", "Номер дела")
    fields += _text(f"{t}_case__JUDICIAL_UIDSS", "Уникальный идентификатор дела")
    fields += _captcha(captcha) if captcha is not None else ""
    extra = _range(f"{t}_case__ENTRY_DATE", "Дата поступления")
    if not first:
        extra += _text("U2_CASE__CASE_NUMBER_ISS", "Номер дела в первой инстанции")
    extra += _range(f"{t}_case__RESULT_DATE", "Дата рассмотрения")
    extra += _text(f"{T}_DEFENDANT__LAW_ARTICLESS", "Статья (УК РФ)")
    content = f"""	<form action="{root}/modules.php" method="get" name="calform" id="calform">
	<input name="name" type="hidden" value="sud_delo">
	<input name="srv_num" type="hidden" value="1">
	<input name="name_op" type="hidden" value="r">
	<input name="delo_id" type="hidden" value="{delo_id}">
	<input name="case_type" type="hidden" value="0">
	<input name="new" type="hidden" value="{new_param(delo_id)}">
	<div id="case_type">Выбрана картотека поиска:<br><div style="color:#006699; font-size:20px">{TITLES['first' if first else 'appeal']}</div></div>
	<table width="100%" cellpadding=0 cellspacing=2 border=0>
{fields}	</table>
	<input name="delo_table" type="hidden" value="{t}_case">
	<div style="font: 14px Tahoma; color: #555; text-align: center;">Дополнительные параметры поиска</div>
	<table width="100%" cellpadding=1 cellspacing=2 border=0>
{extra}	</table>
	<div align="center"><input name="Submit" type="submit" class="booton" value="Найти"></div>
</form>"""
    return module_page(court_name, today(), delo_id, content)
