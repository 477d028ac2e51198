"""One contract for every kind of check: hard rules, scoring metrics and data checks.

A kind is a module. Rules and metrics expose `KIND` (the name a call file uses), a `Params`
model (`ptce_check.params.NoParams` when they take none), `describe(params)` (what it checks or
measures with those params, in words, for the `criteria` table) and `run(context, params)`; metrics
also `TARGET`, what to reach for the next band (with `{threshold}`). Data checks expose `CODES`
(the codes they can emit) and `run(context)`. Every kind has a docstring with PASS and FAIL
examples and `EXAMPLES`, the same examples as records that `tests/test_kinds.py` runs.

mypy checks each registered module against its Protocol (`checks.RULE_KINDS`,
`metrics.METRICS`, `quality.DATA_CHECKS` are typed with them).
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Literal, Protocol

from msgspec import Struct, field
from pydantic import BaseModel

from ptce_check.context import Context
from ptce_check.findings import Cause, Finding, Path
from ptce_check.i18n import Text

Status = Literal["passed", "failed", "not_evaluated"]


class Failure(Struct, frozen=True):
    path: Path
    message: Text
    hint: Text | None = None


class RuleOutcome(Struct, frozen=True):
    """What a hard rule returns: passed, failed (with where and why), or not evaluated."""

    status: Status
    evidence: Text
    failures: tuple[Failure, ...] = ()
    #: For a rule not evaluated because a value it needs was set aside: the finding that did.
    caused_by: Cause | None = None


class Measure(Struct, frozen=True):
    """What a metric returns: one figure of a dossier, with the evidence that produced it."""

    #: None when the dossier gives nothing to measure (earns no points).
    value: float | None
    evidence: Text
    paths: tuple[Path, ...] = ()


class Example(Struct, frozen=True):
    """A kind's example: a partial dossier, the params, and what the kind makes of it.

    `snippet` is YAML (indented or not) of some top-level sections of a dossier; the sections it leaves out are
    those of a small valid dossier (`tests/fixtures/minimal.yaml`), written after it, so that
    the snippet's line numbers are the file's. Which fields hold the expectation depends on
    the kind: `status` for a rule, `value` (and `passes`) for a metric, `findings` for a data
    check. A data check's example passes when it expects no finding.
    """

    snippet: str
    params: Mapping[str, Any] = field(default_factory=dict)
    #: The shipped call the example is checked against.
    call: str = "ptce-2015"
    #: Rules: the expected status.
    status: Status | None = None
    #: Metrics: the expected value (None: nothing to measure).
    value: float | None = None
    #: Metrics: whether the value is a good one (PASS) or one that earns nothing (FAIL).
    passes: bool = True
    #: Data checks: (code, line) of every finding, in the order the check gives them.
    findings: tuple[tuple[str, int], ...] = ()

    @property
    def yaml(self) -> str:
        """The snippet without the indentation it has in the source."""
        return textwrap.dedent(self.snippet)


def listed(values: Sequence[str], words: Mapping[str, Text]) -> Text:
    """Values of a kind's params in words (« collectivités, recherche »); an unknown value as written."""
    texts = [words.get(value, Text(value, value)) for value in values]
    return Text(", ".join(text.fr for text in texts), ", ".join(text.en for text in texts))


class RuleKind(Protocol):
    """A hard-rule kind (a module of `ptce_check.checks`)."""

    @property
    def KIND(self) -> str: ...

    @property
    def Params(self) -> type[BaseModel]: ...

    @property
    def EXAMPLES(self) -> tuple[Example, ...]: ...

    def describe(self, params: Any, /) -> Text: ...

    def run(self, context: Context, params: Any, /) -> RuleOutcome: ...


class MetricKind(Protocol):
    """A scoring-metric kind (a module of `ptce_check.metrics`)."""

    @property
    def KIND(self) -> str: ...

    @property
    def Params(self) -> type[BaseModel]: ...

    @property
    def TARGET(self) -> Text: ...

    @property
    def EXAMPLES(self) -> tuple[Example, ...]: ...

    def describe(self, params: Any, /) -> Text: ...

    def run(self, context: Context, params: Any, /) -> Measure: ...


class DataCheck(Protocol):
    """A data check (a module of `ptce_check.quality`), applied to every dossier."""

    @property
    def CODES(self) -> tuple[str, ...]: ...

    @property
    def EXAMPLES(self) -> tuple[Example, ...]: ...

    def run(self, context: Context, /) -> Iterator[Finding]: ...
