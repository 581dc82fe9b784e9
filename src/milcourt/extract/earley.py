"""yargy's Earley parser with the same algorithm and results, at a lower cost per state.

Profiling the extractor showed yargy's chart bookkeeping, not the grammars, taking most of the
time: ``State.__hash__`` rebuilt a tuple through a generator on every append, ``completed`` and
``next_term`` were properties, and ``findall`` predicts the top rule at every token, adding one
state per production whose first word then fails. This subclass keeps yargy's order of states
(so the same match is chosen among equal spans) and its de-duplication key, and changes only:

- states carry their hash, ``completed`` and next term, computed once (``__slots__``);
- a rule already predicted in a column is not predicted again (it would add only duplicates);
- a predicted state that cannot start at the next token is dropped: its first word does not match
  it, nor does any word its first sub-rule can start with (the grammar's FIRST sets), and it cannot
  match empty. Such a state could only fail its scan or wait for a sub-rule that never completes
  there; no other state refers to it. A word's test on a token is made once per token;
- a grammar without agreement relations (none of ours has one) skips yargy's relation check and
  the tree rebuild that applies them, which change nothing when there are none.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from yargy import Parser
from yargy.parser import Chart, Column, Leaf, Match, prepare_trees
from yargy.rule.bnf import BNFRule
from yargy.span import resolve_spans
from yargy.tree import Node


class _State:
    """yargy.parser.State with its derived values precomputed (same hash)."""

    __slots__ = ("rule", "production", "dot_index", "start_column", "stop_column", "node",
                 "completed", "next_term", "next_is_rule", "key")

    def __init__(self, rule: Any, production: Any, dot_index: int, start_column: Any, stop_column: Any,
                 node: Any) -> None:
        self.rule = rule
        self.production = production
        self.dot_index = dot_index
        self.start_column = start_column
        self.stop_column = stop_column
        self.node = node
        terms = production.terms
        self.completed = dot_index >= len(terms)
        self.next_term = None if self.completed else terms[dot_index]
        self.next_is_rule = isinstance(self.next_term, BNFRule)
        self.key = hash((id(rule), id(production), dot_index, start_column.index, stop_column.index,
                         tuple(map(id, node.children))))

    def __hash__(self) -> int:
        return self.key

    @property
    def parents(self) -> list[Any]:
        return self.start_column.states_index[id(self.rule)]  # type: ignore[no-any-return]

    @property
    def range(self) -> tuple[int, int]:
        return self.start_column.index, self.stop_column.index


class _Column(Column):  # type: ignore[misc]
    def __init__(self, index: int, token: Any) -> None:
        self.index = index
        self.token = token
        self.states: list[_State] = []
        self.hashes: set[int] = set()
        self.states_index: defaultdict[int, list[_State]] = defaultdict(list)
        self.predicted: set[int] = set()
        self.tested: dict[int, bool] = {}  # id(predicate) -> predicate(token)

    def test(self, predicate: Any) -> bool:
        found = self.tested.get(id(predicate))
        if found is None:
            found = self.tested[id(predicate)] = bool(predicate(self.token))
        return found

    def append(self, state: _State) -> None:
        if state.key not in self.hashes:
            self.hashes.add(state.key)
            self.states.append(state)
            if state.next_is_rule:
                self.states_index[id(state.next_term)].append(state)


class _Chart(Chart):  # type: ignore[misc]
    def __init__(self, tokens: Any) -> None:
        self.tokens = list(tokens)
        self.columns = [_Column(0, None)]
        for index, token in enumerate(self.tokens, 1):
            self.columns.append(_Column(index, token))


class FastParser(Parser):  # type: ignore[misc]
    """A drop-in ``yargy.Parser`` (same matches, same order), faster on long texts."""

    def __init__(self, rule: Any, tokenizer: Any = None, tagger: Any = None) -> None:
        super().__init__(rule, tokenizer=tokenizer, tagger=tagger)
        rules = list(self.rule.walk(types=BNFRule))
        self.has_relations = any(r.relation is not None for r in rules)
        self.starts = _production_starts(rules)

    def findall(self, text: str) -> Iterator[Any]:
        if self.has_relations:
            yield from super().findall(text)
            return
        # yargy's prepare_resolved_matches, where every tree validates (no relations to check)
        spans: list[tuple[int, int]] = []
        span_matches: dict[tuple[int, int], Any] = {}
        for tree in sorted(prepare_trees(self.matches(text))):
            if tree.range not in span_matches:
                spans.append(tree.range)
                span_matches[tree.range] = Match(tree.normalized)
        for span in resolve_spans(spans):
            yield span_matches[span]

    def chart(self, text: str, all: bool = True) -> _Chart:  # noqa: A002 - yargy's signature
        chart = _Chart(self.tagger(self.tokenizer(text)))
        columns = chart.columns
        size = len(columns)
        for index in range(size):
            column = columns[index]
            next_column = columns[index + 1] if index + 1 < size else None
            if index == 0 or all:
                self.predict(column, next_column, self.rule)
            for state in column.states:  # grows while it is walked, as in yargy
                if state.completed:
                    self.complete(column, state)
                elif state.next_is_rule:
                    self.predict(column, next_column, state.next_term)
                elif next_column is not None:
                    self.scan(next_column, state.next_term, state)
        return chart

    def predict(self, column: _Column, next_column: _Column | None, rule: Any) -> None:
        if id(rule) in column.predicted:
            return
        column.predicted.add(id(rule))
        for index, production in enumerate(rule.productions):
            starts = self.starts.get(id(production))
            if starts is not None:  # cannot match empty: it must start with one of these words
                if next_column is None:
                    if not isinstance(production.terms[0], BNFRule):
                        continue  # nothing left to scan
                elif not any(next_column.test(word) for word in starts):
                    continue  # cannot start at the next token
            node = Node(rule, production, rank=index, children=[])
            column.append(_State(rule, production, 0, column, column, node))

    def scan(self, column: _Column, predicate: Any, state: _State) -> None:
        if column.test(predicate):
            leaf = Leaf(predicate, predicate.constrain(column.token))
            column.append(_State(state.rule, state.production, state.dot_index + 1, state.start_column, column,
                                 state.node.attached(leaf)))

    def complete(self, column: _Column, completed: _State) -> None:
        for state in completed.start_column.states_index[id(completed.rule)]:
            column.append(_State(state.rule, state.production, state.dot_index + 1, state.start_column, column,
                                 state.node.attached(completed.node)))


def _production_starts(rules: list[Any]) -> dict[int, tuple[Any, ...]]:
    """For each production that cannot match empty: the words (predicates) it can start with.

    Productions that can match empty, or that refer to a rule outside ``rules``, are left out
    (never filtered). Standard FIRST/nullable fixpoints over the BNF rules."""
    known = {id(r) for r in rules}
    nullable: set[int] = set()
    changed = True
    while changed:
        changed = False
        for r in rules:
            if id(r) not in nullable and any(
                    all(isinstance(t, BNFRule) and id(t) in nullable for t in p.terms) for p in r.productions):
                nullable.add(id(r))
                changed = True
    first: dict[int, dict[int, Any]] = {id(r): {} for r in rules}

    def prefix(terms: Any) -> tuple[dict[int, Any], bool]:
        """Words a sequence of terms can start with, and whether it can match empty."""
        words: dict[int, Any] = {}
        for term in terms:
            if not isinstance(term, BNFRule):
                words[id(term)] = term
                return words, False
            words.update(first.get(id(term), {}))
            if id(term) not in nullable:
                return words, False
        return words, True

    changed = True
    while changed:
        changed = False
        for r in rules:
            acc = first[id(r)]
            size = len(acc)
            for p in r.productions:
                acc.update(prefix(p.terms)[0])
            changed |= len(acc) != size
    starts: dict[int, tuple[Any, ...]] = {}
    for r in rules:
        for p in r.productions:
            if any(isinstance(t, BNFRule) and id(t) not in known for t in p.terms):
                continue
            words, empty = prefix(p.terms)
            if not empty:
                starts[id(p)] = tuple(words.values())
    return starts
