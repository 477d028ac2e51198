"""Exit statuses of the contract."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ptce_check.assessment import Assessment

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


def exit_status(assessments: Iterable[Assessment]) -> int:
    """0 when every dossier is admissible, 1 when any is not admissible or invalid."""
    from ptce_check.assessment import Verdict

    return EXIT_OK if all(a.verdict is Verdict.ADMISSIBLE for a in assessments) else EXIT_FINDINGS
