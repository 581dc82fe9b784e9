"""What kind of page this is: case card, search results, captcha, unavailable, or unknown.

Decided from the structure of the case module (the card heading and tabs, a results table with a
case-number column) before any text marker, so that a card whose act happens to mention a
"проверочный код" is still a card. Markers for the gate pages are the engine's own phrases.
"""

from __future__ import annotations

from typing import Any

from milcourt.parse.listing import find_results_table, nothing_found, reported_total

CASE_CARD = "case_card"
SEARCH_RESULTS = "search_results"
CAPTCHA = "captcha"
UNAVAILABLE = "unavailable"
UNKNOWN = "unknown"
KINDS = (CASE_CARD, SEARCH_RESULTS, CAPTCHA, UNAVAILABLE, UNKNOWN)

_CARD_MARKS = ".casenumber, .case-num, #tab_content_Case, li[id^='tab_doc'], #case_bookmarks"
# Phrases as the engine prints them (checked as substrings, in both capitalisations).
_CAPTCHA_MARKS = ("проверочный код", "Проверочный код", "код с картинки", "Введите код", "введите код")
_UNAVAILABLE_MARKS = (
    "Информация временно недоступна",
    "информация временно недоступна",
    "временно недоступен",
    "Ведутся технические работы",
    "ведутся технические работы",
)


def module_root(tree: Any) -> Any:
    """The case module's part of the page (the site's menus and news left out)."""
    return tree.css_first("#modSdpContent") or tree.css_first("#content") or tree.body or tree.root


def page_kind(tree: Any, root: Any, html: str) -> str:
    if root is not None and root.css_first(_CARD_MARKS) is not None:
        return CASE_CARD
    if root is not None and (find_results_table(root) is not None or reported_total(html) is not None):
        return SEARCH_RESULTS
    if tree.css_first("input[name='captcha'], img[src*='captcha'], img[src*='kcaptcha']") is not None or any(
        mark in html for mark in _CAPTCHA_MARKS
    ):
        return CAPTCHA
    if any(mark in html for mark in _UNAVAILABLE_MARKS):
        return UNAVAILABLE
    if root is not None and nothing_found(html) and "sud_delo" in html:
        return SEARCH_RESULTS
    return UNKNOWN
