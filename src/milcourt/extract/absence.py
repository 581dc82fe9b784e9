"""When the unauthorised absence (or refusal) began and ended, and how it ended.

The court states the crime near the top of the descriptive part: the first sentence with a start
verb ("не явился", "самовольно оставил", "отказался", "не приступал", "начиная с") gives the start —
the date after "с / начиная с", else the nearest date before the verb, else the first after it
(dates after "до / по" are ends), else the last date of the two sentences before ("6 марта …
отдал приказ. И. … отказался"). The end is read after the start, in that sentence and the next two
of its paragraph: the date after "до / по" or the one nearest an end verb ("задержан",
"добровольно прибыл", "госпитализирован"), which also tell how it ended. "по настоящее время"
means not ended; a refusal (ст. 332) and a surrender (ст. 352.1) have no end. A later "нахождение
вне части продолжалось с … по …" (an appeal court correcting the period) wins."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from milcourt.extract.grammars.absence import ABSENCE_END, ABSENCE_START, ended_by_value
from milcourt.extract.grammars.dates import DATE_OR_NOW, date_range_value, date_value
from milcourt.extract.segment import Act, Part, paragraphs, sentences
from milcourt.extract.spans import Hit, find

_START_PRE = re.compile(
    r"не\s+(?:явил|прибыл|вернул|возвратил|являл|прибывал|приступ|исполня|возвраща)|оставил|оставив|покинул|покинув|"
    r"убыл|убыв|отказал|уклоня|неявк|оставлени|отсутствова|находил[а-я]*\s+вне|начиная\s+с|сдал[а-я]*\s+в\s+плен|сдач",
)
_END_PRE = re.compile(
    r"явк[а-я]|задерж|достав|добровольно|самостоятельно|прибыл|явил|вернул|возвратил|обратил|заявил\s+о\s+себе|"
    r"сообщил\s+о\s+себе|прекращ|госпитализ|разыск|обнаруж|выявл|выявил|передан|пресеч",
)
_DATE_PRE = re.compile(
    r"\d{1,2}\.\d{1,2}\.\d{2,4}|(?:[«\"]?\d{1,2}[»\"]?|[а-яё]+(?:\s+[а-яё]+)?)\s+"
    r"(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*\s+"
    r"(?:\d{4}(?:\s*(?:г\.?|года?))?|(?:[а-яё]+\s+){1,4}год[а-я]*)|"
    r"(?:по|до)\s+настоящ[а-я]+\s+врем[а-я]+",
)
_MASKED = re.compile(r"дд\.мм\.гггг|\*\*\s*\*\*\s*\*\*|<дата>|\*{2}\.\*{2}|(?:данные\s+изъяты>?|\.\.)\s*(?:г\.|года)")
_UNTIL = re.compile(r"(?:\bдо|\bпо|вплоть\s+до|\bпока)\s*$")
_FROM = re.compile(r"(?:\bс|\bсо|начиная\s+с)\s*$")
_CORRECTED = re.compile(r"(?:нахождени|пребывани)[а-я]*\s(?:[^;\n]|\n(?=[а-яё«(\d])){0,60}?вне\s(?:[^;\n]|\n(?=[а-яё«(\d])){0,60}?продолжал|уклонени[а-я]*\s[^.]{0,40}продолжал")
_SPEECH = re.compile(r"показал|пояснил|объяснил|сообщил,|заявил,|указал|свидетел|подсудим|осужд[её]нн")
_CRIME_PERIOD = re.compile(r"совершен|уклон|отсутств|неявк|вне\s+(?:част|сферы|расположени)")
_SCAN_CHARS = 6000


def _before(text: str, offset: int, n: int = 14) -> str:
    return text[max(0, offset - n):offset].lower()


def _dates(s: Part, year: int | None = None) -> list[tuple[Hit, str | None]]:
    """Dates of a sentence with their values; "того же года" takes the year of the date before."""
    out: list[tuple[Hit, str | None]] = []
    for h in find(DATE_OR_NOW, s, _DATE_PRE, window=0, lower=True):
        value = date_value(h.text, year)
        if value:
            year = int(value[:4])
        out.append((h, value))
    return out


def _ended(hit: Hit, act: Act) -> bool:
    """An end verb that is not denied ("не обращался"), "пока (его) не задержали" being an end."""
    before = _before(act.text, hit.start, 30)
    if re.search(r"\bне\s*$", before):
        return bool(re.search(r"\bпока\s+(?:(?:его|он|же|ещё|еще)\s+)?не\s*$", before))
    return True


_PHRASE_PRE = re.compile(r"помещ|помест|поступил|обратил|заявил\s+о|сообщил\s+о")


def _end_hits(s: Part, act: Act, after: int) -> list[Hit]:
    """End phrases of a sentence after ``after``: single words parse alone, phrases ("помещён в
    медицинское учреждение", "обратился в военную комендатуру") with their context."""
    found = find(ABSENCE_END, s, _END_PRE, window=0, lower=True)
    if _PHRASE_PRE.search(s.text.lower()):
        found = sorted({*found, *find(ABSENCE_END, s, _PHRASE_PRE, window=40, lower=True)}, key=lambda h: h.start)
    return [e for e in found if e.start >= after and _ended(e, act)]


def _pick_start(act: Act, s: Part, anchor: Hit, dates: list[tuple[Hit, str | None]]) -> tuple[Hit, str] | None:
    real = [(h, v) for h, v in dates if v]
    openers = [(h, v) for h, v in real if not _UNTIL.search(_before(act.text, h.start))]
    opened = [(h, v) for h, v in openers if _FROM.search(_before(act.text, h.start))
              and not any(h.end <= o.start < anchor.start for o, _ in openers)]  # no other day nearer the verb
    if opened:
        return opened[0]
    before = [(h, v) for h, v in openers if h.end <= anchor.start]
    if before:
        return before[-1]
    after = [(h, v) for h, v in openers if h.start >= anchor.start]
    if after:
        return after[0]
    # "отпущен … на срок до 15 мая 2024 г., в указанный срок не возвратился": the day after the leave
    granted = [(h, v) for h, v in real if h.end <= anchor.start and _LEAVE_UNTIL.search(_before(act.text, h.start, 24))]
    if granted:
        h, v = granted[-1]
        return h, (date.fromisoformat(v) + timedelta(days=1)).isoformat()
    return None


_LEAVE_UNTIL = re.compile(r"срок[а-я]*\s+(?:по|до)\s*$")
_AFTER_LEAVE = re.compile(r"(?:по\s+(?:окончании|истечении|завершении)|из)\s+(?:[а-я]+\s+)?(?:отпуск|увольнени|командировк|лечени)")


def _end(act: Act, window: list[Part], start: Hit, year: int, out: dict[str, Any], hits: list[Hit]) -> None:
    """The day the absence ended and how, read after the start date."""
    for k, s in enumerate(window):
        after = start.end if k == 0 else s.start
        dates = [(h, v) for h, v in _dates(s, year) if h.start >= after and h is not start and h.start != start.start]
        ends = _end_hits(s, act, after)
        if any(v is None and "настоящ" in h.text.lower() for h, v in dates):
            return
        real = [(h, v) for h, v in dates if v]
        until = [(h, v) for h, v in real if _UNTIL.search(_before(act.text, h.start))]
        chosen = until[0] if until else None
        if chosen is None and ends and real:
            chosen = min(real, key=lambda hv: abs(hv[0].start - ends[0].start))
        if chosen is None and not ends:
            continue
        if chosen:
            out["end"] = chosen[1]
            hits.append(chosen[0])
            later = [e for e in ends if e.start >= chosen[0].start] or ends
        else:
            later = ends
        if not later and k + 1 < len(window):  # "до 14 февраля 2024 года проживал … В тот день был задержан"
            later = _end_hits(window[k + 1], act, window[k + 1].start)
        if later:
            out["ended_by"] = ended_by_value(" ".join(e.text for e in later))
            hits.extend(later)
        return


class _Sentences:
    """(paragraph number, sentence) pairs of a region, cut by razdel only as far as they are read."""

    def __init__(self, region: Part) -> None:
        self._paras = iter(enumerate(paragraphs(region)))
        self.items: list[tuple[int, Part]] = []

    def upto(self, n: int) -> list[tuple[int, Part]]:
        while len(self.items) <= n:
            nxt = next(self._paras, None)
            if nxt is None:
                break
            self.items += [(nxt[0], s) for s in sentences(nxt[1])]
        return self.items

    def __iter__(self) -> Iterator[tuple[int, tuple[int, Part]]]:
        n = 0
        while n < len(self.upto(n)):
            yield n, self.items[n]
            n += 1


def _window(lazy: _Sentences, n: int) -> list[Part]:
    """The start sentence and the court's story after it, where the end is told: the rest of its
    paragraph and the next paragraphs ("По прибытии он снял комнату … Вечером 03.12.2024 ФИО1 был
    задержан"), up to the first paragraph somebody testifies in or the court weighs the evidence,
    and never past another episode's start."""
    flat = lazy.upto(n + _STORY_SENTENCES)
    para_no = flat[n][0]
    out = [flat[n][1]]
    for j, t in flat[n + 1:n + _STORY_SENTENCES]:
        low = t.text.lower()
        if j != para_no and (j > para_no + _STORY_PARAGRAPHS or _SPEECH.search(low) or _STORY_ENDS.search(low)):
            break
        if j != para_no and _START_PRE.search(low) and _DATE_PRE.search(low) and not _END_PRE.search(low):
            break  # a new episode begins
        out.append(t)
    return out


_STORY_SENTENCES = 8
_STORY_PARAGRAPHS = 2
# where the statement of the crime gives way to the evidence and the court's weighing
_STORY_ENDS = re.compile(r"подтвержда|квалифицир|доказательств|виновност|протокол|согласно|выписк|приказ")


def _range_fallback(region: Part, hits: list[Hit]) -> dict[str, Any] | None:
    """"Преступление совершено с 6 по 30 июня 2023 г.": a period without a start verb."""
    for para in paragraphs(region)[:4]:
        if not _CRIME_PERIOD.search(para.text.lower()):
            continue
        found = date_range_value(para.text)
        if found:
            start, end, lo, hi = found
            hits.append(Hit(start, para.start + lo, para.start + hi))
            return {"start": start, "end": end, "ended_by": None}
    return None


def _correction(act: Act, after: int, out: dict[str, Any], hits: list[Hit]) -> None:
    text = act.descriptive.text
    for m in _CORRECTED.finditer(text.lower(), max(0, after - act.descriptive.start)):
        stop = text.find(".", m.end() + 20)
        found = date_range_value(text[m.start(): stop if stop > 0 else len(text)])
        if found:
            out["start"], out["end"] = found[0], found[1]
            hits.append(Hit(found[0], act.descriptive.start + m.start() + found[2],
                            act.descriptive.start + m.start() + found[3]))


# the operative part of a ruling that changes the judgment restates the period: "Уточнить …, что ФИО1 не
# явился на службу со 2 февраля 2024 г. и незаконно отсутствовал по 19 июня 2024 г."
_RESTATES = re.compile(r"уточни|указа|считать|изменить|исключить")


def _operative_period(act: Act, out: dict[str, Any], hits: list[Hit]) -> None:
    """An appeal court's own words on the period win over what the judgment under review said."""
    for s in sentences(act.operative):
        low = s.text.lower()
        if not (_RESTATES.search(low) and (_START_PRE.search(low) or _CRIME_PERIOD.search(low))):
            continue
        dates = [(h, v) for h, v in _dates(s) if v]
        starts = [(h, v) for h, v in dates if _FROM.search(_before(act.text, h.start))]
        ends = [(h, v) for h, v in dates if _UNTIL.search(_before(act.text, h.start))]
        if not starts and not ends and _START_PRE.search(low):
            # "уточнить …, что самовольное оставление части совершено 14 марта 2024 г.": the start restated
            verb = _START_PRE.search(low)
            at = s.start + (verb.start() if verb else 0)  # not the judgment's own date before it
            starts = [(h, v) for h, v in dates if h.start > at and not _UNTIL.search(_before(act.text, h.start))][:1]
        if not starts and not ends:
            continue
        if starts:
            out["start"] = starts[0][1]
            hits.append(starts[0][0])
        if ends:
            out["end"] = ends[0][1]
            hits.append(ends[0][0])
        return


def absence(act: Act, hits: list[Hit]) -> dict[str, Any]:
    found = _charged(act, hits)
    if act.operative.text:
        before = dict(found)
        _operative_period(act, found, hits)
        if found != before and found["end"] and not found["ended_by"]:
            found["ended_by"] = _how_ended(act)
    return found


def _how_ended(act: Act) -> str | None:
    """How the absence ended when only the period was restated: the end phrases of the statement's
    first start sentence ("… до задержания сотрудниками военной полиции")."""
    region = Part(act.descriptive.text[:_SCAN_CHARS], act.descriptive.start)
    for para in paragraphs(region):
        for s in sentences(para):
            if _START_PRE.search(s.text.lower()) and find(ABSENCE_START, s, _START_PRE, window=0, lower=True):
                ends = _end_hits(s, act, s.start)
                return ended_by_value(" ".join(e.text for e in ends)) if ends else None
    return None


def _charged(act: Act, hits: list[Hit]) -> dict[str, Any]:
    out: dict[str, Any] = {"start": None, "end": None, "ended_by": None}
    region = Part(act.descriptive.text[:_SCAN_CHARS], act.descriptive.start)
    lazy = _Sentences(region)
    prior: dict[str, Any] | None = None
    for n, (_, s) in lazy:
        low = s.text.lower()
        if not _START_PRE.search(low):
            continue
        anchors = find(ABSENCE_START, s, _START_PRE, window=0, lower=True)
        if not anchors:
            continue
        anchor = anchors[0]
        dates = _dates(s)
        window = _window(lazy, n)
        rng = date_range_value(s.text)
        if rng and any(v and s.start + rng[3] <= h.start < anchor.start for h, v in dates):
            rng = None  # "с 16 мая по 5 июня находился на лечении, … 6 июня в часть не прибыл": another period
        if rng and _PRIOR.search(low) and prior is None:
            prior = {"start": rng[0], "end": rng[1], "ended_by": None}
            continue
        if rng:
            out["start"], out["end"] = rng[0], rng[1]
            hits.append(Hit(rng[0], s.start + rng[2], s.start + rng[3]))
            ends = _end_hits(s, act, s.start + rng[3]) or (
                _end_hits(window[1], act, window[1].start) if len(window) > 1 else [])
            if ends and anchor.name not in ("refusal", "surrender"):
                out["ended_by"] = ended_by_value(" ".join(e.text for e in ends))
            _correction(act, s.end, out, hits)
            return out
        picked = _pick_start(act, s, anchor, dates)
        if picked is None and not any(v for _, v in dates):
            if _MASKED.search(low):  # dates masked: only how it ended can be read
                ends = _end_hits(s, act, anchor.end)
                if ends and anchor.name not in ("refusal", "surrender"):
                    out["ended_by"] = ended_by_value(" ".join(e.text for e in ends))
                    return out
                continue
            earlier = [dv for _, t in lazy.items[max(0, n - 2):n] for dv in _dates(t) if dv[1]]
            if earlier and not _UNTIL.search(_before(act.text, earlier[-1][0].start)):
                picked = (earlier[-1][0], str(earlier[-1][1]))
            elif earlier and _AFTER_LEAVE.search(low):
                # "отпуск с 1 по 30 сентября … По окончании отпуска … не прибыл": the day after the leave
                h, v = earlier[-1]
                picked = (h, (date.fromisoformat(str(v)) + timedelta(days=1)).isoformat())
        if picked is None:
            continue
        if _PRIOR.search(low) and prior is None:  # an earlier episode, already punished: the charged one follows
            prior = {"start": picked[1], "end": None, "ended_by": None}
            if anchor.name not in ("refusal", "surrender"):  # kept whole in case no other episode is told
                first = picked[0] if picked[0].start >= s.start else Hit(anchor.text, anchor.start, anchor.start)
                _end(act, window, first, int(picked[1][:4]), prior, [])
            continue
        out["start"] = picked[1]
        hits.append(picked[0])
        if anchor.name in ("refusal", "surrender"):
            return out
        start_hit = picked[0] if picked[0].start >= s.start else Hit(anchor.text, anchor.start, anchor.start)
        _end(act, window, start_hit, int(picked[1][:4]), out, hits)
        _correction(act, s.end, out, hits)
        return out
    return prior or _range_fallback(region, hits) or out


# an earlier absence told as the background of the charged one: "ранее … уже отсутствовал в части, за
# что … привлечён к дисциплинарной ответственности"
_PRIOR = re.compile(r"\bранее\b|дисциплинарн|в\s+прошлом")
