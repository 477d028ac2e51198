"""Bounded « vouliez-vous dire » suggestions: the work is capped per dossier, whatever it holds.

A dossier may name hundreds of unknown members against hundreds of long, similar names, and
comparing each pair with difflib is quadratic in both counts and in the names' lengths (an
880 KB dossier once kept one `check` busy for minutes). A suggestion is a hint, so its cost is
bounded instead, and the finding it decorates never depends on it:

- A name is first looked up by its key (`names.name_key`: NFC, case, spacing): an exact or
  normalised match is one dictionary lookup and no comparison. A text asked twice is answered
  from a cache.
- Similarity is measured on an excerpt of at most `EXCERPT_CHARS` (100) characters of each
  string: the first and last 50 characters of a longer one.
- Each candidate is first scored cheaply: a length bound (two excerpts whose lengths differ too
  much cannot reach the cut-off), then the share of character pairs they have in common (a set
  intersection). difflib's ratio is computed only for the `FULL_PER_LOOKUP` (3) best of these.
- All the lookups made for one dossier share one budget: `CHEAP_BUDGET` (5 000) cheap scores
  and `FULL_BUDGET` (60) difflib ratios. Once it is spent, later unknown names still get their
  finding, with the generic hint instead of a suggestion.

So the suggestion work for any dossier is at most 5 000 intersections of sets of at most 99
pairs and 60 ratios of 100-character strings: about 0.1 s in the worst case measured
"""

from __future__ import annotations

import functools
import heapq
from collections.abc import Iterable, Sequence

from msgspec import Struct

from ptce_check.names import name_key

EXCERPT_CHARS = 100
CUTOFF = 0.6
FULL_PER_LOOKUP = 3
CHEAP_BUDGET = 5_000
FULL_BUDGET = 60


def excerpt(text: str) -> str:
    """At most EXCERPT_CHARS characters: a long text's start and end, where names differ most."""
    if len(text) <= EXCERPT_CHARS:
        return text
    half = EXCERPT_CHARS // 2
    return text[:half] + text[-half:]


def _pairs(text: str) -> frozenset[str]:
    return frozenset(text[i : i + 2] for i in range(len(text) - 1)) if len(text) > 1 else frozenset([text])


class _Candidate(Struct, frozen=True):
    text: str
    excerpt: str
    pairs: frozenset[str]


def _prepare(text: str) -> _Candidate:
    part = excerpt(name_key(text))
    return _Candidate(text, part, _pairs(part))


class Suggester:
    """The closest of a fixed set of candidates, within a budget shared by all its lookups."""

    def __init__(
        self, candidates: Iterable[str], *, cheap_budget: int = CHEAP_BUDGET, full_budget: int = FULL_BUDGET
    ) -> None:
        self._by_key: dict[str, str] = {}
        for candidate in candidates:
            self._by_key.setdefault(name_key(candidate), candidate)
        self._prepared: Sequence[_Candidate] | None = None
        self._cache: dict[str, str | None] = {}
        self.cheap_left = cheap_budget
        self.full_left = full_budget

    def closest(self, word: str) -> str | None:
        """The candidate `word` most likely meant, or None (nothing close, or budget spent)."""
        key = name_key(word)
        if key in self._by_key:
            return self._by_key[key]
        if key not in self._cache:
            spent = self.cheap_left <= 0 or self.full_left <= 0
            self._cache[key] = None if spent else self._search(_prepare(key))
        return self._cache[key]

    def prepare(self) -> Sequence[_Candidate]:
        # Done on the first search only: a dossier whose names all match pays nothing.
        if self._prepared is None:
            self._prepared = tuple(_prepare(text) for text in self._by_key.values())
        return self._prepared

    def with_budget(self, cheap_budget: int, full_budget: int) -> Suggester:
        """The same prepared candidates with a fresh budget and no cache."""
        copy = Suggester((), cheap_budget=cheap_budget, full_budget=full_budget)
        copy._by_key, copy._prepared = self._by_key, self.prepare()
        return copy

    def _search(self, word: _Candidate) -> str | None:
        best = heapq.nlargest(FULL_PER_LOOKUP, self._cheap_scores(word))
        if not best:
            return None
        import difflib  # only an unknown name is looked for

        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(word.excerpt)  # difflib indexes its second string: once per lookup
        found: tuple[float, int, str] | None = None
        for _score, rank, candidate in best:
            if self.full_left <= 0:
                break
            self.full_left -= 1
            matcher.set_seq1(candidate.excerpt)
            if matcher.quick_ratio() < CUTOFF:
                continue
            ratio = matcher.ratio()
            if ratio >= CUTOFF and (found is None or (ratio, rank) > found[:2]):
                found = (ratio, rank, candidate.text)
        return found[2] if found else None

    def _cheap_scores(self, word: _Candidate) -> list[tuple[float, int, _Candidate]]:
        """(score, -index, candidate) for the candidates that may reach the cut-off; earlier first on ties."""
        scores: list[tuple[float, int, _Candidate]] = []
        size = len(word.excerpt)
        for index, candidate in enumerate(self.prepare()):
            if self.cheap_left <= 0:
                break
            self.cheap_left -= 1
            other = len(candidate.excerpt)
            if 2 * min(size, other) < CUTOFF * (size + other):
                continue
            shared = len(word.pairs & candidate.pairs)
            scores.append((2 * shared / (len(word.pairs) + len(candidate.pairs)), -index, candidate))
        return scores


@functools.lru_cache(maxsize=64)
def _fixed(candidates: tuple[str, ...]) -> Suggester:
    """A suggester for a fixed set, prepared once; its budget is per lookup (`_closest_fixed`)."""
    suggester = Suggester(candidates)
    suggester.prepare()
    return suggester


def _closest_fixed(word: str, candidates: tuple[str, ...]) -> str | None:
    return _fixed(candidates).with_budget(len(candidates), FULL_PER_LOOKUP).closest(word)


_closest_fixed_cached = functools.lru_cache(maxsize=4096)(_closest_fixed)


def close_matches(word: str, candidates: Iterable[str]) -> list[str]:
    """`difflib.get_close_matches(word, candidates, n=1)`, bounded: one lookup among a fixed
    set (allowed values, allowed keys), on excerpts, with at most FULL_PER_LOOKUP ratios."""
    fixed = tuple(candidates)
    # Short texts only are remembered: the cache must not hold a dossier's megabyte string.
    lookup = _closest_fixed_cached if len(word) <= 2 * EXCERPT_CHARS else _closest_fixed
    found = lookup(word, fixed)
    return [] if found is None else [found]
