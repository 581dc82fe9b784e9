"""What kind of page this is: case card, search results, act, captcha, unavailable, or unknown.

Decided from the structure of the case module (the card heading and tabs, a results table with a
case-number column) before any text marker, so that a card whose act happens to mention a
"проверочный код" is still a card. Markers for the gate pages are the engine's own phrases.
"""

from __future__ import annotations

from typing import Any

from milcourt.parse.act_page import is_act_page
from milcourt.parse.listing import NOTHING_FOUND, find_results_table, total_in
from milcourt.parse.text import plain

CASE_CARD = "case_card"
SEARCH_RESULTS = "search_results"
ACT = "act"
CAPTCHA = "captcha"
UNAVAILABLE = "unavailable"
UNKNOWN = "unknown"
KINDS = (CASE_CARD, SEARCH_RESULTS, ACT, CAPTCHA, UNAVAILABLE, UNKNOWN)

# The card heading, the vnkod layout's tabs, act tabs, or the classic layout's first tab holding a
# label table (cards saved without their heading).
_CARD_MARKS = ".casenumber, .case-num, #tab_content_Case, li[id^='tab_doc'], #case_bookmarks, div#cont1 table#tablcont"
# Phrases as the engine prints them (checked as substrings, in both capitalisations).
_CAPTCHA_MARKS = (
    "проверочный код",
    "Проверочный код",
    "код с картинки",
    "Введите код",
    "введите код",
    "Неверно указан проверочный код",
    "Время жизни сессии закончилось",  # the search session (and its code) expired
)
_UNAVAILABLE_MARKS = (
    "Информация временно недоступна",
    "информация временно недоступна",
    "временно недоступен",
    "Ведутся технические работы",
    "ведутся технические работы",
    "В настоящий момент производится информационное наполнение сайта",
    "Данный модуль неактивен",
    "Указанный сервер СДП не найден",
    "pg_connect()",  # PHP warning of the module's database being down
    "pg_query()",
)

def module_root(tree: Any) -> Any:
    """The case module's part of the page (the site's menus and news left out)."""
    return tree.css_first("#modSdpContent") or tree.css_first("#content") or tree.body or tree.root


def structural_kind(root: Any) -> str | None:
    """A case card, search results or an act's own page, known from the module's structure alone."""
    if root is None:
        return None
    if root.css_first(_CARD_MARKS) is not None:
        return CASE_CARD
    if find_results_table(root) is not None:
        return SEARCH_RESULTS
    if is_act_page(root):
        return ACT
    return None


def page_kind(tree: Any, root: Any, html: str) -> str:
    kind = structural_kind(root)
    if kind is not None:
        return kind
    gate = tree.css_first("input[name='captcha'], img[src*='captcha'], img[src*='kcaptcha']") is not None
    kind = _phrase_kind(root, html, gate)
    if kind is None:
        text = plain(html)  # the phrases printed with no-break spaces
        kind = _phrase_kind(root, text, gate) if text is not html else None
    return kind or UNKNOWN


def _phrase_kind(root: Any, html: str, captcha_input: bool) -> str | None:
    if root is not None and total_in(html) is not None:
        return SEARCH_RESULTS
    if captcha_input or any(mark in html for mark in _CAPTCHA_MARKS):
        return CAPTCHA
    if any(mark in html for mark in _UNAVAILABLE_MARKS):
        return UNAVAILABLE
    if root is not None and any(mark in html for mark in NOTHING_FOUND) and "sud_delo" in html:
        return SEARCH_RESULTS
    return None
