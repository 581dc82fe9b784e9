"""One article of a code as charged: ``Article(article="337", part="5", points=("а",), stage=None,
law="УК РФ")``.

Court cards, act texts and published figures print the same charge in many ways; each reader keeps
its own way of reading, but they all hand on this one value, normalised the same way, so that the
store, the statistics and the exports compare like with like. The store and the exports keep the
flat record shape they always had (:meth:`Article.as_record`): a list of points is one
comma-joined ``point`` string in printed order (``"а,в"``), so that a single point reads as a
plain letter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import total_ordering
from typing import Any, Literal

Stage = Literal["preparation", "attempt"]
#: Art. 30 УК РФ printed with the article: preparation (ч.1-2) or attempt (ч.3).
STAGES: tuple[Stage, ...] = ("preparation", "attempt")
#: The fields of a charge as records keep it (:meth:`Article.as_record`), in the store's column order.
RECORD_FIELDS = ("law", "article", "part", "point", "stage")
#: How a stage prints before its article, as court pages print it.
STAGE_LABELS: dict[str, str] = {"preparation": "ч.1 ст.30", "attempt": "ч.3 ст.30"}

_NUMBER = re.compile(r"\d+(?:\.\d+)*")
_POINT = re.compile(r"[а-яё]|\d+")
# A code's abbreviation as printed; "КОАП" is the capitalised КоАП of some cards.
_CODES = {"УК", "УПК", "КОАП", "ГК", "ГПК", "КАС", "НК", "ТК", "ЖК", "СК", "АПК", "ЗК", "БК", "ВК", "УИК"}
_SHORT = re.compile(r"^(\d{3}(?:\.\d{1,2})?)(?:\s*(?:part|ч\.?)\s*(\d{1,2}(?:\.\d)?))?$", re.I)


def normalise_law(raw: str) -> str:
    """"УК РФ", "ук", "КОАП Российской Федерации" → "УК РФ", "УК РФ", "КоАП РФ"; "УК РСФСР" stays.

    A code without its state is a code of the Russian Federation."""
    code, _, tail = " ".join(raw.split()).partition(" ")
    code = code.upper()
    if code not in _CODES:
        raise ValueError(f"not a code of law: {raw!r}")
    code = "КоАП" if code == "КОАП" else code
    return f"{code} {'РСФСР' if 'РСФСР' in tail.upper() else 'РФ'}"


def split_points(point: str | None) -> tuple[str, ...]:
    """The record's comma-joined ``point`` ("а,в", "б", None) → ("а", "в"), ("б",), ()."""
    if not point:
        return ()
    return tuple(p.strip().lower() for p in point.split(",") if p.strip())


def _numbers(value: str | None) -> tuple[int, ...]:
    return tuple(int(x) for x in value.split(".")) if value else ()


@total_ordering
@dataclass(frozen=True)
class Article:
    """A charge under one article; ordered by article, part and points as numbers (52 < 337 <
    352.1), so that a sorted list reads as a code does."""

    article: str
    part: str | None = None
    points: tuple[str, ...] = ()
    stage: Stage | None = None
    law: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.article, str) or not _NUMBER.fullmatch(self.article):
            raise ValueError(f"article must be a number such as 337 or 352.1, not {self.article!r}")
        if self.part is not None and not (isinstance(self.part, str) and _NUMBER.fullmatch(self.part)):
            raise ValueError(f"part must be a number such as 5 or 3.1, not {self.part!r}")
        if not isinstance(self.points, tuple) or not all(isinstance(p, str) and _POINT.fullmatch(p)
                                                           for p in self.points):
            raise ValueError(f"points must be a tuple of lower-case letters or numbers, not {self.points!r}")
        if self.stage is not None and self.stage not in STAGES:
            raise ValueError(f"stage must be one of {', '.join(STAGES)} or None, not {self.stage!r}")

    @classmethod
    def of(cls, article: str | int | float, part: str | int | None = None, point: str | None = None,
           stage: str | None = None, law: str | None = None) -> Article:
        """The normalised article from loosely written pieces: "ст. 337", " 5 ", "А, в", "ук"."""
        return cls(
            article=_number_of(article, "article"),
            part=_number_of(part, "part") if part is not None and part != "" else None,
            points=split_points(point),
            stage=_stage_of(stage),
            law=normalise_law(law) if law else None,
        )

    @property
    def point(self) -> str | None:
        """The points as records keep them: comma-joined in printed order, or None."""
        return ",".join(self.points) or None

    @property
    def key(self) -> tuple[Any, ...]:
        """The sort key: article and part as numbers first, then what tells equal numbers apart."""
        return (_numbers(self.article), self.article, _numbers(self.part), self.part or "", self.points,
                STAGES.index(self.stage) + 1 if self.stage else 0, self.law or "")

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Article):
            return NotImplemented
        return self.key < other.key

    def as_record(self) -> dict[str, str | None]:
        """{law, article, part, point, stage} (:data:`RECORD_FIELDS`): a charge as parsed pages, the
        store and exports keep it."""
        return {"law": self.law, "article": self.article, "part": self.part, "point": self.point,
                "stage": self.stage}

    def as_fact(self) -> dict[str, str | None]:
        """{article, part, point}: the qualification as act facts keep it (always УК, never staged)."""
        return {"article": self.article, "part": self.part, "point": self.point}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Article:
        """Back from :meth:`as_record` or :meth:`as_fact` (a missing key is None); numbers read
        from JSON as numbers are taken as their text."""
        part = record.get("part")
        return cls(article=str(record["article"]), part=None if part in (None, "") else str(part),
                   points=split_points(record.get("point")), stage=record.get("stage"), law=record.get("law"))

    def label(self) -> str:
        """As a case card prints it: "ст.337 ч.5 п.а УК РФ"; "ч.3 ст.30, ст.337 ч.5 УК РФ" for an attempt."""
        text = f"ст.{self.article}" + (f" ч.{self.part}" if self.part else "")
        text += f" п.{self.point}" if self.points else ""
        if self.stage:
            text = f"{STAGE_LABELS[self.stage]}, {text}"
        return f"{text} {self.law}" if self.law else text

    def citation(self) -> str:
        """As an act cites it, smallest unit first: "п. а ч. 2 ст. 338"."""
        return (f"п. {self.point} " if self.points else "") + (f"ч. {self.part} " if self.part else "") \
            + f"ст. {self.article}"


def _number_of(value: str | int | float, what: str) -> str:
    """ "ст. 337" → "337", " ч.3.1" → "3.1", 5 → "5"; anything else is an error naming it."""
    found = _NUMBER.search(str(value))
    if not found:
        raise ValueError(f"{what} has no number: {value!r}")
    return found.group()


def _stage_of(value: str | None) -> Stage | None:
    for stage in STAGES:
        if value == stage:
            return stage
    if value is None:
        return None
    raise ValueError(f"stage must be one of {', '.join(STAGES)} or None, not {value!r}")


def parse_short(text: str) -> tuple[Article, ...]:
    """The short notation of figures files and command lines: "337", "337;338", "337,338/339",
    "337 part 5", "337 ч.5". Only three-digit articles (the special part of a code) are read; a
    piece that is not one is an error naming it."""
    out = []
    for piece in re.split(r"[;,/]", text):
        match = _SHORT.match(piece.strip())
        if not match:
            raise ValueError(f"not an article: {piece.strip()!r}")
        out.append(Article(article=match[1], part=match[2]))
    return tuple(out)
