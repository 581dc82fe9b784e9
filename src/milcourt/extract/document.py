"""What kind of act this is, which court issued it, when, and its case number and УИД."""

from __future__ import annotations

import re

from milcourt.extract.grammars.dates import DATE, date_value
from milcourt.extract.morph import to_nominative
from milcourt.extract.segment import Act, Part
from milcourt.extract.spans import Hit, find

_COURT = re.compile(
    r"(?:\b\d{1,2}(?:-?[а-я]{1,3})?[ \t]+)?(?:[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё]+)*[ \t]+){0,2}"
    r"(?:[Гг]арнизонн|[Оо]кружн|[Фф]лотск|[Аа]пелляционн|[Кк]ассационн)[а-яё]*\s+военн[а-яё]*\s+суд[а-яё]*"
)
_ADJ_END = re.compile(r"(?:ий|ый|ой|ого|его|ому|ему|им|ым|ом|ем)(?:-на-[А-ЯЁа-яё]+)?$")
_FIXED = {"окружн": "окружной", "гарнизонн": "гарнизонный", "флотск": "флотский", "военн": "военный",
          "апелляционн": "апелляционный", "кассационн": "кассационный", "суд": "суд"}
_CASE_NUMBER = re.compile(
    r"№\s*(\d{1,3}[А-Яа-яA-Za-z]{0,2})\s*[-–—]\s*(\d+(?:\s*[-–]\s*\d+)?)\s*/\s*(\d{4})"
)
_UID = re.compile(r"УИД\s*[:№]?\s*([0-9A-Za-zА-Яа-я]+(?:-[0-9A-Za-zА-Яа-я]+){2,})")
_MONTH_OR_DIGITS = re.compile(
    r"\d{1,2}\.\d{1,2}\.\d{2,4}|(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*\s+\d{4}",
    re.I,
)


def _court_word(word: str, first: bool) -> str:
    if word[0].isdigit():  # "2-го" → "2-й"
        digits = re.match(r"\d+", word)
        return f"{digits.group()}-й" if digits and "-" in word else word
    low = word.lower()
    for stem, fixed in _FIXED.items():
        if low.startswith(stem) and (stem != "суд" or len(low) <= 5):
            return fixed.capitalize() if word[:1].isupper() else fixed
    if "-на-" in word:
        head, _, tail = word.partition("-на-")
        return f"{to_nominative(head)}-на-{tail}"
    if "-" in word:
        head, _, tail = word.rpartition("-")
        return f"{head}-{to_nominative(tail)}"
    return to_nominative(word)


def normalise_court(name: str) -> str:
    words = name.split()
    # drop leading capitalised words that are not adjectives ("Приговор Новочеркасского ...")
    while len(words) > 3 and not words[0][0].isdigit() and not _ADJ_END.search(words[0]):
        words = words[1:]
    return " ".join(_court_word(w, i == 0) for i, w in enumerate(words))


_SITTING = re.compile(r"\s*,?\s*в\s+составе", re.I)
_PANEL = re.compile(r"^.*?(?:судебная\s+коллегия\s+по\s+[а-я]+\s+делам|президиум)\s+", re.I | re.S)


def _any_court(head: str) -> Hit | None:
    """A court of general jurisdiction sitting "в составе" (any case): the words before it, with
    those up to "суд" put in the nominative ("Пятого кассационного суда общей юрисдикции" →
    "Пятый кассационный суд общей юрисдикции")."""
    for m in _SITTING.finditer(head):
        line_start = max(head.rfind("\n", 0, m.start()) + 1, m.start() - 200)
        before = head[line_start:m.start()].strip()
        before = _PANEL.sub("", before)
        words = before.split()
        idx = [i for i, w in enumerate(words) if re.match(r"суд(?:а|у|ом|е)?$", w, re.I)]
        if not idx or not words[0][:1].isupper():
            continue
        cut = idx[0]
        name = " ".join([_court_word(w, i == 0) for i, w in enumerate(words[: cut + 1])] + words[cut + 1:])
        at = head.find(before, line_start)
        return Hit(name, at, at + len(before))
    return None


def court(act: Act) -> Hit | None:
    """The issuing court: the one sitting "в составе", else the first named in the header.

    Military courts are recognised in any case and put in the nominative; other courts only in
    the "<court> в составе" opening, which is already nominative."""
    head = act.header.text if act.header.text.strip() else act.text[:3000]
    matches = list(_COURT.finditer(head))
    if not matches:
        matches = list(_COURT.finditer(act.text[:5000]))
    if not matches:
        return _any_court(head)
    sitting = [m for m in matches if re.match(r"\s*,?\s*в\s+состав", head[m.end():m.end() + 20])]
    m = (sitting or matches)[0]
    return Hit(normalise_court(m.group()), m.start(), m.end())


def act_date(act: Act) -> Hit | None:
    """The date of the act: the first date written above "в составе" (where the header dates it)."""
    head = act.header.text or act.text[:3000]
    cut = re.search(r"в\s+составе", head)
    region = Part(head[: cut.start()] if cut else head[:1500], 0)
    for hit in find(DATE, region, _MONTH_OR_DIGITS, window=25):
        value = date_value(hit.text)
        if value:
            return Hit(value, hit.start, hit.end)
    # no date above the bench: the first header date that is not someone's birth, a document's or a period's
    for hit in find(DATE, Part(head[:4000], 0), _MONTH_OR_DIGITS, window=25):
        value = date_value(hit.text)
        if value and not _OTHER_DATE.search(head[max(0, hit.start - 40):hit.start]):
            return Hit(value, hit.start, hit.end)
    return None


_OTHER_DATE = re.compile(r"\bот\s*$|рожд|родивш|призван|\bс\s*$|\bпо\s*$|\bдо\s*$|судим|освобожд|осужд", re.I)


def case_number(act: Act) -> Hit | None:
    m = _CASE_NUMBER.search(act.text[:3000]) or _CASE_NUMBER.search(act.text)
    if not m:
        return None
    middle = re.sub(r"\s+", "", m.group(2)).replace("–", "-")
    return Hit(f"{m.group(1)}-{middle}/{m.group(3)}", m.start(1), m.end())


def uid(act: Act) -> Hit | None:
    m = _UID.search(act.text)
    return Hit(m.group(1), m.start(1), m.end(1)) if m else None


_TITLE = {
    "cassation_ruling": re.compile(r"кассационн[а-я]*\s+(?:определение|постановление)|в\s+кассационном\s+порядке|кассационн[а-я]*\s+(?:жалоб|представлени)", re.I),
    "appeal_ruling": re.compile(r"апелляционн[а-я]*\s+(?:определение|постановление)|в\s+апелляционном\s+порядке|апелляционн[а-я]*\s+(?:жалоб|представлени)", re.I),
    "verdict": re.compile(r"п\s*р\s*и\s*г\s*о\s*в\s*о\s*р(?![а-я])", re.I),
}
_OPERATIVE_KIND = [
    ("termination_ruling", re.compile(r"прекратить|прекращено|прекращению", re.I)),
    ("return_ruling", re.compile(r"возвратить[^.]{0,200}прокурор|прокурор[^.]{0,120}возвратить", re.I)),
    ("suspension_ruling", re.compile(r"приостановить", re.I)),
]


def doc_type(act: Act) -> str:
    head = act.header.text[:4000] or act.text[:1500]
    for kind in ("cassation_ruling", "appeal_ruling"):
        if _TITLE[kind].search(head):
            return kind
    if _TITLE["verdict"].search(head[:600]):
        return "verdict"
    ops = act.operative.text
    for kind, pattern in _OPERATIVE_KIND:
        m = pattern.search(ops)
        if m and (kind != "termination_ruling" or re.search(r"уголовн[а-я]+\s+(?:дел|преследовани)", ops, re.I)):
            return kind
    return "other"
