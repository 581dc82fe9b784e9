"""When the unauthorised absence (or refusal) began and ended, and how it ended.

Read from the first sentences of the descriptive part, where the court states the crime: the
start is the date nearest the start verb ("не явился", "самовольно оставил", "отказался"), the
end the date nearest the end verb ("задержан", "добровольно прибыл", "заявил о себе"); "в период
с … по …" gives both; "по настоящее время" means not ended."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from milcourt.extract.grammars.absence import ABSENCE_END, ABSENCE_START, ended_by_value
from milcourt.extract.grammars.dates import DATE_OR_NOW, date_range_value, date_value
from milcourt.extract.segment import Act, Part, paragraphs, sentences
from milcourt.extract.spans import Hit, find

_START_PRE = re.compile(
    r"не\s+(?:явил|прибыл|вернул|возвратил|являл|прибывал)|оставил|оставив|покинул|покинув|убыл|убыв|отказал|уклоня|неявк|оставлени|отсутствова",
)
_END_PRE = re.compile(
    r"явк[а-я]|задерж|доставл|добровольно|самостоятельно|прибыл|явил|вернул|возвратил|обратил|заявил\s+о\s+себе|сообщил\s+о\s+себе|прекращ|госпитализ|разыскан|обнаружен|выявлен",
)
_DATE_PRE = re.compile(
    r"\d{1,2}\.\d{1,2}\.\d{2,4}|(?:[«\"]?\d{1,2}[»\"]?|(?<![а-яё])[а-яё]+(?:\s+[а-яё]+)?)\s+"
    r"(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*\s+\d{4}(?:\s*(?:г\.?|года?))?|"
    r"(?:по|до)\s+настоящ[а-я]+\s+врем[а-я]+|дд\.мм\.гггг",
)
# Whether _DATE_PRE matches anywhere, several times faster: it starts with one character class,
# which the engine skips to in C, and reduces each alternative to a part that exists exactly when
# the whole does (a day's last digit before the month, a word before a month as its last letter).
_MONTH = "(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)"
_HAS_DATE = re.compile(
    r"[\dпд\s](?:(?<=\d)(?:\.\d{1,2}\.\d{2}|[»\"]?\s+" + _MONTH + r"[а-я]*\s+\d{4})|"
    r"(?<=[а-яё]\s)\s*" + _MONTH + r"[а-я]*\s+\d{4}|(?<=[пд])о\s+настоящ[а-я]+\s+врем[а-я]+|(?<=д)д\.мм\.гггг)",
)
_PERIOD = re.compile(r"\bс\s+(?P<a>[^,;]{4,40}?)\s+(?:по|до)\s+(?P<b>[^,;]{4,40}?\d{4}|настоящее\s+время)", re.I)
_SCAN_CHARS = 6000


_UNTIL = re.compile(r"(?:\bдо|\bпо|вплоть\s+до)\s*$", re.I)
_CRIME_PERIOD = re.compile(r"совершен|уклон|отсутств|неявк|вне\s+(?:част|сферы|расположени)", re.I)


def _distance(hit: Hit, anchor: int) -> int:
    return anchor - hit.end if hit.end <= anchor else hit.start - anchor


def _range_fallback(region: Part, hits: list[Hit]) -> dict[str, Any] | None:
    """"Преступление совершено с 6 по 30 июня 2023 г.": a period without a start verb."""
    for para in paragraphs(region)[:4]:
        if not _CRIME_PERIOD.search(para.text):
            continue
        found = date_range_value(para.text)
        if found:
            start, end, lo, hi = found
            hits.append(Hit(start, para.start + lo, para.start + hi))
            return {"start": start, "end": end, "ended_by": None}
    return None


def _not_negated(text: str, part: Part, hit: Hit) -> bool:
    before = text[max(0, hit.start - part.start - 4):hit.start - part.start].lower()
    return not before.rstrip().endswith("не")


def _sentences_to_read(region: Part, started: Callable[[], bool]) -> Iterator[Part]:
    """Sentences of the region, skipping (unsplit) paragraphs with no date while nothing has started:
    no sentence of such a paragraph could be read, and razdel's splitting is the costly part."""
    for para in paragraphs(region):
        if started() or _HAS_DATE.search(para.text.lower()):
            yield from sentences(para)


def absence(act: Act, hits: list[Hit]) -> dict[str, Any]:
    out: dict[str, Any] = {"start": None, "end": None, "ended_by": None}
    region = Part(act.descriptive.text[:_SCAN_CHARS], act.descriptive.start)
    started = False
    for s in _sentences_to_read(region, lambda: started):  # noqa: B023 - the current value, on purpose
        low = s.text.lower()
        if not started and not _HAS_DATE.search(low):
            continue
        dates = [(h, date_value(h.text)) for h in find(DATE_OR_NOW, s, _DATE_PRE, window=0, lower=True)]
        if not started:
            if not _START_PRE.search(low):
                continue
            starts = find(ABSENCE_START, s, _START_PRE, window=0, lower=True)
            if not starts:
                continue
            started = True
            anchor = starts[0].start
            rng = date_range_value(s.text)
            if rng:
                out["start"], out["end"] = rng[0], rng[1]
                hits.append(Hit(rng[0], s.start + rng[2], s.start + rng[3]))
                ends = [e for e in find(ABSENCE_END, s, _END_PRE, window=0, lower=True) if _not_negated(s.text, s, e)]
                out["ended_by"] = ended_by_value(" ".join(e.text for e in ends)) if ends else None
                if out["ended_by"]:
                    return out
                continue
            real: list[tuple[Hit, str | None]] = [(h, v) for h, v in dates if v]
            if not real:  # dates masked ("ДД.ММ.ГГГГ"): only how it ended can be read
                ends = [e for e in find(ABSENCE_END, s, _END_PRE, window=0, lower=True) if _not_negated(s.text, s, e)]
                if ends:
                    out["ended_by"] = ended_by_value(" ".join(e.text for e in ends))
                    return out
                continue
            period = _PERIOD.search(s.text)
            openers = [(h, v) for h, v in real if not _UNTIL.search(act.text[max(0, h.start - 12):h.start])]
            first = min(openers or real, key=lambda hv: (_distance(hv[0], anchor), hv[0].start))
            if period:
                inside = [(h, v) for h, v in dates if h.start >= s.start + period.start()]
                if len(inside) >= 2:
                    first, second = inside[0], inside[1]
                    if first[1]:
                        out["start"] = first[1]
                        hits.append(first[0])
                        out["end"] = second[1]
                        if second[1]:
                            hits.append(second[0])
                        ends = [e for e in find(ABSENCE_END, s, _END_PRE, window=0, lower=True) if _not_negated(s.text, s, e)]
                        if second[1] is None:
                            return out
                        out["ended_by"] = ended_by_value(ends[0].text) if ends else None
                        if out["ended_by"]:
                            return out
                        continue
            out["start"] = first[1]
            hits.append(first[0])
            dates = [(h, v) for h, v in dates if h is not first[0] and h.start > first[0].start]
        ends = [e for e in find(ABSENCE_END, s, _END_PRE, window=0, lower=True) if _not_negated(s.text, s, e)]
        now = [h for h, v in dates if v is None and "настоящ" in h.text.lower()]
        if now:
            return out
        if ends:
            out["ended_by"] = ended_by_value(" ".join(e.text for e in ends))
            later = [(h, v) for h, v in dates if v]
            if later:
                best = min(later, key=lambda hv: abs(hv[0].start - ends[0].start))
                out["end"] = best[1]
                hits.append(best[0])
            return out
    if not started:
        return _range_fallback(region, hits) or out
    return out
