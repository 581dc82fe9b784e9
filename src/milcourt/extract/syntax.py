"""Sentence structure for the facts that depend on it: who says a thing, what a negation denies,
and which clause gives a reason.

Keyword rules read strings: "неуставных отношений не было, а покинул часть, поскольку хотел помочь
матери" holds a denied reason and a given one in one clause-less string, and only the dependency
tree tells them apart (the negation governs "было" and its subject, not the conjoined "покинул" and
the "поскольку" clause under it). natasha's ``NewsSyntaxParser`` (slovnet weights shipped in the
package, no network) parses only the sentences the regex prefilters selected, in batches, so the
cost stays a few milliseconds per act.

The structural decisions live here; the words they turn on (speech verbs, other speakers, verbs
whose negation is itself the hardship, reason markers) are the lexicons of ``lexicon_syntax.py``.
``MILCOURT_SYNTAX=0`` turns the parser off (the rules then fall back to their regex cues), which
the speed benchmark uses to print both figures.
"""

from __future__ import annotations

import ctypes
import os
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy
from natasha import NewsEmbedding, NewsSyntaxParser
from razdel import tokenize

from milcourt.extract import lexicon_syntax as lex
from milcourt.extract.morph import lemma

# a sentence longer than this is not parsed (a run-on "sentence" of a broken text would cost
# seconds); the rules then fall back to their regex cues
MAX_TOKENS = 120
_BATCH = 32
_CACHE_SIZE = 20_000


@dataclass(frozen=True)
class Token:
    """One word of a parsed sentence: absolute offsets, its head's index (-1 for the root) and relation."""

    text: str
    start: int
    end: int
    head: int
    rel: str

    @property
    def lemma(self) -> str:
        return lemma(self.text)


@dataclass(frozen=True)
class Tree:
    """A dependency tree over one sentence, with the questions the fact readers ask of it."""

    tokens: tuple[Token, ...]

    @property
    def whole(self) -> bool:
        """One root: the parser joined the sentence into one tree. With two or more (a clause it
        could not attach, "конфликтов … у него не было" hung on the wrong verb) the scope of a
        negation is not to be trusted, and the rules fall back to their regex cues."""
        if sum(1 for t in self.tokens if t.head < 0) != 1:
            return False
        for i in range(len(self.tokens)):  # and no cycle: every word reaches the root
            steps = 0
            while i >= 0 and steps <= len(self.tokens):
                i, steps = self.tokens[i].head, steps + 1
            if i >= 0:
                return False
        return True

    def children(self, i: int) -> list[int]:
        return [k for k, t in enumerate(self.tokens) if t.head == i]

    def covering(self, start: int, end: int) -> list[int]:
        """Indices of the words overlapping [start, end), punctuation left out."""
        return [k for k, t in enumerate(self.tokens) if t.start < end and t.end > start and t.rel != "punct"]

    def heads(self, start: int, end: int) -> list[int]:
        """The words of [start, end) whose head lies outside it: where a phrase hangs in the tree."""
        inside = set(self.covering(start, end))
        return [k for k in inside if self.tokens[k].head not in inside] or sorted(inside)

    def _path(self, i: int) -> list[tuple[int, str]]:
        """(ancestor, relation by which the walk arrived at it) from ``i`` up to the root."""
        out = [(i, "")]
        seen = {i}
        while self.tokens[i].head >= 0 and self.tokens[i].head not in seen:
            rel = self.tokens[i].rel
            i = self.tokens[i].head
            seen.add(i)
            out.append((i, rel))
        return out

    def _negated(self, i: int) -> bool:
        """The word carries a negation of its own: "не", "ни", a subject "никто"/"ничто"."""
        for k in self.children(i):
            t = self.tokens[k]
            low = t.text.lower()
            if (low in lex.NEGATORS and t.rel in {"advmod", "cc", "det", "obl", "case"}) or \
                    (low in lex.NEGATIVE_PRONOUNS and t.rel in {"nsubj", "obj", "obl", "iobj"}):
                return True
        return False

    def denied(self, start: int, end: int) -> bool:
        """The words at [start, end) lie inside a negation that denies them ("конфликтов не было",
        "никто не угрожал", "не потому что боялся", "не из-за проблем", "проблем нет").

        The scope of a negated word is its own clause: the walk up stops at a conjoined or
        subordinate clause ("…не было, а покинул часть, поскольку хотел…"), except that the clause
        of a negated reason word belongs to it ("не потому, что боялся"). A negated verb of supply
        or permission ("довольствие не выплачивали", "отпуск не дали") states the hardship, a negated
        modal or verb of leaving ("не мог терпеть", "не явился из-за болезни") is not about the
        reason: neither denies."""
        heads = self.heads(start, end)
        return bool(heads) and all(self._denied_word(i) for i in heads)

    def _denied_word(self, i: int) -> bool:
        for k, via in self._path(i):
            lem = self.tokens[k].lemma
            if via in lex.CLAUSE_EDGES and lem not in lex.REASON_WORDS:
                return False
            if lem in lex.NOT_DENYING:
                return False
            if self._negated(k) or (lem in lex.ABSENCE_PREDICATES and k != i):
                return True
        return False

    def speaker(self, start: int, end: int) -> str | None:
        """Whose words these are: "other" when the nearest verb of saying above them has a witness,
        prosecutor, expert or the court as its subject ("Свидетель Петров показал, что …", "Суд
        считает, что …"), "defendant" when its subject is the defendant's role word, else None."""
        for i in self.covering(start, end)[:1]:
            for k, _ in self._path(i)[1:]:
                if self.tokens[k].lemma not in lex.SPEECH_VERBS:
                    continue
                for c in self.children(k):
                    if self.tokens[c].rel != "nsubj":
                        continue
                    words = {self.tokens[w].lemma for w in self._subtree(c)}
                    # "Допрошенный в суде Кравцов показал": the court is a place there, a speaker
                    # only as the subject itself ("Суд считает")
                    head = self.tokens[c].lemma
                    if words & lex.OTHER_SPEAKERS or head in lex.INSTITUTIONS:
                        return "other"
                    if (head in lex.THIRD_PARTIES and self.tokens[k].lemma in lex.TESTIMONY_VERBS) or \
                            (head in lex.THIRD_PARTIES | lex.RELATIVES and words & lex.DEFENDANT_WORDS):
                        return "other"  # "Командир роты показал", "Отец подсудимого пояснил суду"
                    if words & lex.DEFENDANT_WORDS:
                        return "defendant"
        return None

    def _subtree(self, i: int) -> list[int]:
        out, todo, seen = [], [i], {i}
        while todo:  # a parser's tree may hold a cycle: each word once
            k = todo.pop()
            out.append(k)
            for c in self.children(k):
                if c not in seen:
                    seen.add(c)
                    todo.append(c)
        return out

    def feared(self, start: int, end: int) -> set[str] | None:
        """Lemmas of what the fear word at [start, end) is of ("опасался, что его привлекут к
        ответственности" → {…, "ответственность"}); None when the words hold no fear word, an
        empty set for a bare fear ("испытывал страх")."""
        found = self.fear_object(start, end)
        return None if found is None else {self.tokens[w].lemma for w in found}

    def fear_object(self, start: int, end: int) -> list[int] | None:
        """The words a fear word at [start, end) governs, and, since the parser may hang a "что"
        clause on the wrong verb, the next words of the same clause (up to 8, to ";" or "."):
        word indices, None when there is no fear word."""
        for i in self.covering(start, end):
            if self.tokens[i].lemma not in lex.FEAR_WORDS:
                continue
            out: set[int] = set()
            for c in self.children(i):
                if self.tokens[c].rel in {"conj", "parataxis", "cc", "punct", "nsubj", "advmod", "aux", "mark",
                                          "case", "fixed", "iobj"}:
                    continue
                out |= set(self._subtree(c))
            for k in range(i + 1, min(i + 9, len(self.tokens))):
                if self.tokens[k].text in {";", ".", "!", "?"}:
                    break
                out.add(k)
            return sorted(k for k in out if self.tokens[k].rel != "punct" and self.tokens[k].lemma.isalpha()
                          and self.tokens[k].lemma not in lex.FUNCTION_WORDS)
        return None

    def in_reason(self, start: int, end: int) -> bool:
        """The words belong to a clause that gives a reason: under a reason marker ("поскольку",
        "так как", "из-за", "в связи с", "чтобы", "ради") or a verb of wanting, fearing or needing
        ("желая навестить мать", "опасался за жизнь")."""
        for i in self.covering(start, end):
            for k, _ in self._path(i):
                if self.tokens[k].lemma in lex.REASON_HEADS:
                    return True
                for c in self.children(k):
                    if self.tokens[c].rel not in {"mark", "case", "advmod", "fixed"}:
                        continue
                    marker = {self.tokens[w].text.lower() for w in [c, *self.children(c)]}
                    if marker & lex.REASON_MARKERS:  # "в связи с": "связи" hangs on "в" as fixed
                        return True
        return False


def enabled() -> bool:
    """The parser runs unless ``MILCOURT_SYNTAX=0`` (read per call, so a benchmark can switch it)."""
    return os.environ.get("MILCOURT_SYNTAX", "1") != "0"


@lru_cache(maxsize=1)
def _parser() -> Any:
    _one_blas_thread()
    return NewsSyntaxParser(NewsEmbedding())


def _one_blas_thread() -> None:
    """Run numpy's OpenBLAS on one thread. The parser multiplies small matrices, a sentence or a
    few at a time: extra BLAS threads only spin, and measured here they cost ~9 times the CPU time
    per sentence (18 ms against 2 ms) on a shared machine. Process-wide, best effort: a numpy
    built without the bundled OpenBLAS is left as it is."""
    libs = Path(numpy.__file__).resolve().parent.parent / "numpy.libs"
    for path in sorted(libs.glob("*openblas*")):
        try:
            lib = ctypes.CDLL(str(path))
        except OSError:
            continue
        for name in ("scipy_openblas_set_num_threads64_", "openblas_set_num_threads64_", "openblas_set_num_threads"):
            setter = getattr(lib, name, None)
            if setter is not None:
                setter(1)
                return


_TREES: OrderedDict[str, Tree | None] = OrderedDict()


def _words(text: str) -> list[tuple[str, int, int]]:
    return [(t.text, t.start, t.stop) for t in tokenize(text)]


def parse(sentences: Sequence[tuple[str, int]]) -> list[Tree | None]:
    """Trees of the sentences (text, absolute offset), parsed in batches; None for a sentence too
    long to parse. Trees are memoised by text (acts repeat their formulae)."""
    todo: list[tuple[str, list[tuple[str, int, int]]]] = []
    for text, _ in sentences:
        if text in _TREES or any(text == t for t, _ in todo):
            continue
        words = _words(text)
        if not words or len(words) > MAX_TOKENS:
            _remember(text, None)
        else:
            todo.append((text, words))
    for chunk in _chunks(todo, _BATCH):
        markups = _parser().map([[w for w, _, _ in words] for _, words in chunk])
        for (text, words), markup in zip(chunk, markups, strict=True):
            ids = {t.id: n for n, t in enumerate(markup.tokens)}
            tokens = tuple(
                Token(w, s, e, ids.get(t.head_id, -1), t.rel)
                for (w, s, e), t in zip(words, markup.tokens, strict=True)
            )
            _remember(text, Tree(tokens))
    out: list[Tree | None] = []
    for text, offset in sentences:
        tree = _TREES.get(text)
        out.append(_shifted(tree, offset) if tree is not None else None)
    return out


def _remember(text: str, tree: Tree | None) -> None:
    _TREES[text] = tree
    if len(_TREES) > _CACHE_SIZE:
        _TREES.popitem(last=False)


def _shifted(tree: Tree, offset: int) -> Tree:
    if offset == 0:
        return tree
    return Tree(tuple(Token(t.text, t.start + offset, t.end + offset, t.head, t.rel) for t in tree.tokens))


def _chunks(items: list[Any], size: int) -> Iterable[list[Any]]:
    for k in range(0, len(items), size):
        yield items[k:k + size]


def clear_cache() -> None:
    """Forget parsed sentences (the speed benchmark's cold runs)."""
    _TREES.clear()
