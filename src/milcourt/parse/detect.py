"""What kind of page this is: case card, search results, act, captcha, unavailable, or unknown.

The one place that knows the gate pages: the crawler asks :func:`gate_kind` (is this answer a
gate instead of content?) and :func:`search_answer` (what did a captcha-guarded search answer?)
rather than keeping marker lists of its own.

Decided from the structure of the case module (the card heading and tabs, a results table with a
case-number column) before any text marker, so that a card whose act happens to mention a
"проверочный код" is still a card. Markers for the gate pages are the engine's own phrases.
"""

from __future__ import annotations

from typing import Any

from selectolax.lexbor import LexborHTMLParser

from milcourt.parse.act_page import is_act_page
from milcourt.parse.decode import decode_page
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
#: A wrong or missing captcha code (status 200, in ``<div id='error'>``).
CAPTCHA_WRONG = "Неверно указан проверочный код"
#: The search session (and the captcha pair with it) is gone.
SESSION_EXPIRED = "Время жизни сессии закончилось"
#: The platform's anti-bruteforce answer (counted across all sudrf hosts, not per court).
PLATFORM_BLOCK = "Информация временно недоступна"
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
    PLATFORM_BLOCK,
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


_CAPTCHA_FIELD = ("name='captcha'", 'name="captcha"', "name=captcha")
# Cheap byte test first: almost no content page holds any of these, so almost none is parsed twice.
_GATE_BYTES = tuple(
    marker.encode(enc)
    for marker in ("роверочный код", "ремя жизни сессии", "временно недоступ", "ехнические работы",
                   "информационное наполнение", "модуль неактивен", "сервер СДП не найден", "pg_connect()",
                   "pg_query()", *_CAPTCHA_FIELD)
    for enc in ("utf-8", "windows-1251")
)


def may_be_gate(data: bytes) -> bool:
    """False when the bytes hold none of the gates' words (then the page is surely no gate)."""
    return bool(data) and any(marker in data for marker in _GATE_BYTES)


def gate_kind(data: bytes) -> str | None:
    """``captcha`` or ``unavailable`` when the page is a gate instead of content, else None."""
    if not may_be_gate(data):
        return None
    html = decode_page(data)
    tree = LexborHTMLParser(html)
    kind = page_kind(tree, module_root(tree), html)
    return kind if kind in (CAPTCHA, UNAVAILABLE) else None


def search_answer(data: bytes, status: int = 200) -> str | None:
    """What a (captcha-guarded) search request got back, when it is not content.

    ``platform_block`` (HTTP 429 or «Информация временно недоступна»: the platform's
    anti-bruteforce answer), ``wrong_code`` (the code was wrong or missing), ``expired`` (the
    pair is gone: «Время жизни сессии закончилось», or the search form again instead of results,
    which the sites send without any error text), ``unavailable`` (the court's module is down),
    or None for content. An expired answer must never be read as "no cases found".
    """
    if status == 429:
        return "platform_block"
    kind = gate_kind(data)
    if kind is None:
        return None
    text = plain(decode_page(data))
    if kind == UNAVAILABLE:
        return "platform_block" if PLATFORM_BLOCK.lower() in text.lower() else "unavailable"
    if CAPTCHA_WRONG in text:
        return "wrong_code"
    if SESSION_EXPIRED in text:
        return "expired"
    return "expired" if any(field in text for field in _CAPTCHA_FIELD) else "wrong_code"
