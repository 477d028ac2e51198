"""What every check and metric reads: the validated dossier, its call, and derived facts
computed once (who is an ESS enterprise, the reference date, the budget totals)."""

from __future__ import annotations

from datetime import date, datetime
from functools import cached_property
from pathlib import Path

from ptce_check.calls import Call
from ptce_check.dossier import Member
from ptce_check.ess import is_ess_enterprise, is_non_ess_enterprise
from ptce_check.territory import TerritoryFacts, UserReferences, compute, official_data
from ptce_check.view import DossierView


class Context:
    def __init__(
        self, view: DossierView, call: Call, folder: Path | None, *, references: UserReferences | None = None
    ) -> None:
        self.view = view
        self.call = call
        #: Reference lists given with --reference (QPV, FRR, employment zones); None without.
        self.references = references
        #: Folder that attachment paths are relative to; None when read from standard input.
        self.folder = folder

    @cached_property
    def reference_date(self) -> date | None:
        """The date ESUS approvals are judged at: submission, else the call's deadline."""
        moment = self.view.submitted_at or self.call.deadline
        if isinstance(moment, datetime):
            return moment.date()
        return moment

    @cached_property
    def ess_enterprises(self) -> list[tuple[int, Member]]:
        return [(i, m) for i, m in enumerate(self.view.members) if is_ess_enterprise(m, self.reference_date)]

    @cached_property
    def non_ess_enterprises(self) -> list[tuple[int, Member]]:
        return [(i, m) for i, m in enumerate(self.view.members) if is_non_ess_enterprise(m, self.reference_date)]

    @cached_property
    def total_expenses(self) -> float:
        budget = self.view.budget
        if budget is None:
            return 0.0
        return sum(sum(line.amounts.values()) for line in budget.expenses)

    @cached_property
    def territory_facts(self) -> TerritoryFacts:
        """The territory computed from the shipped official data (loaded on first use)."""
        return compute(self.view.territory, self.view.members, official_data(), self.references)
