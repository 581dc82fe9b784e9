"""Reading the article labels of form 10-a ("337 ч. 3", "Ст.337 ч.3.1", 345.0, "332-352").

The Judicial Department writes the same article a different way from year to year: with or
without a space after "ч.", with "ст." in front, as a bare number that Excel stores as a float,
with a comment after it ("344 ч. 1 (344 в старой редакции)"). The chapter's total row carries
a range ("332-352"). This module turns one label cell into what it names, or None, and knows
which articles make chapter 33 of the Criminal Code (crimes against military service).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Chapter 33 runs from art. 331 (definitions, never a row of its own) to art. 352.1 (added 2022).
CHAPTER_FIRST = (331, 0)
CHAPTER_LAST = (352, 1)
CHAPTER_TOTAL = "ch33"
"""The `article` value of the chapter's total row (part is "")."""
CHAPTER_ARTICLES = (*(str(n) for n in range(332, 353)), "352.1")
"""Articles of chapter 33 that define crimes (331 only defines terms)."""

_NUMBER = r"\d{3}(?:\.\d{1,2})?"
_ARTICLE_PART = re.compile(
    rf"^(?:ст(?:атья|\.)?\s*)?(?P<article>{_NUMBER})"
    r"(?:\s*,?\s*ч(?:асть|\.)?\s*(?P<part>\d{1,2}(?:\.\d{1,2})?))?"
    r"\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_RANGE = re.compile(rf"^(?:ст(?:\.|атьи)?\s*)?(?P<first>{_NUMBER})\s*[-–—]\s*(?P<last>{_NUMBER})\s*$", re.I)
_TOTAL_WORDS = re.compile(r"\b(итого|всего)\b", re.IGNORECASE)
_CHAPTER_WORDS = re.compile(r"против\s+военной\s+службы|глав[аеы]?\s*33\b", re.IGNORECASE)


@dataclass(frozen=True)
class Label:
    """What one label cell names: an article and part, or the chapter's total."""

    article: str
    part: str = ""

    @property
    def is_chapter_total(self) -> bool:
        return self.article == CHAPTER_TOTAL


def cell_text(value: object) -> str:
    """A cell as text: Excel floats that are whole numbers lose their ".0" (345.0 -> "345")."""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return " ".join(str(value).split())


def article_key(article: str) -> tuple[int, int]:
    """"352.1" -> (352, 1): articles sort and compare as numbers, not strings."""
    whole, _, sub = article.partition(".")
    return int(whole), int(sub or 0)


def in_chapter_33(article: str) -> bool:
    return CHAPTER_FIRST <= article_key(article) <= CHAPTER_LAST


def parse_label(value: object, description: str = "") -> Label | None:
    """The article and part a label cell names, or None when it names none in chapter 33.

    >>> parse_label("337 ч. 3")
    Label(article='337', part='3')
    >>> parse_label(345.0)
    Label(article='345', part='')
    >>> parse_label("332-352", "Итого по разделу XI. Преступления против военной службы")
    Label(article='ch33', part='')
    """
    text = cell_text(value)
    if not text:
        return None
    span = _RANGE.match(text)
    if span:
        first, last = span["first"], span["last"]
        if in_chapter_33(first) and in_chapter_33(last):
            return Label(CHAPTER_TOTAL)
        return None
    match = _ARTICLE_PART.match(text)
    if not match or not in_chapter_33(match["article"]):
        if _TOTAL_WORDS.search(description) and _CHAPTER_WORDS.search(description):
            return Label(CHAPTER_TOTAL)
        return None
    rest = match["rest"].strip()
    if rest and rest[0] not in ",;(":
        # "337 ч.1 п. а" or free text: not a shape the form has used; refuse rather than guess.
        return None
    return Label(match["article"], match["part"] or "")


def is_chapter_total_text(description: str) -> bool:
    """A row description such as "ИТОГО ПО РАЗДЕЛУ XI И ГЛАВЕ 33. ПРЕСТУПЛЕНИЯ ПРОТИВ ВОЕННОЙ СЛУЖБЫ"."""
    return bool(_TOTAL_WORDS.search(description) and _CHAPTER_WORDS.search(description))
