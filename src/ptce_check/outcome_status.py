"""Exit statuses of the contract, and the exit policy CI users choose (`--fail-on`, `--exit-zero`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from ptce_check.assessment import Verdict
    from ptce_check.findings import Severity

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

FailOn = Literal["not-admissible", "warning"]
FAIL_ON_CHOICES: tuple[FailOn, ...] = ("not-admissible", "warning")


class Judged(Protocol):
    """What the exit policy reads of a dossier: an `Assessment`, or a screening row."""

    @property
    def verdict(self) -> Verdict: ...

    def count(self, severity: Severity) -> int: ...


def exit_status(assessments: Iterable[Judged], *, fail_on: FailOn = "not-admissible", exit_zero: bool = False) -> int:
    """0 when every dossier passes the policy, 1 otherwise.

    By default a dossier passes when it is admissible; with ``fail_on="warning"`` it must also
    have no warning. ``exit_zero`` reports without failing: the run's status no longer depends
    on the dossiers (usage errors still exit 2, before any dossier is read).
    """
    from ptce_check.assessment import Verdict
    from ptce_check.findings import Severity

    if exit_zero:
        return EXIT_OK
    for assessment in assessments:
        if assessment.verdict is not Verdict.ADMISSIBLE:
            return EXIT_FINDINGS
        if fail_on == "warning" and assessment.count(Severity.WARNING):
            return EXIT_FINDINGS
    return EXIT_OK
