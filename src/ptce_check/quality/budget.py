"""The budget adds up: amounts given for exactly the budget's years (PTCE-D12), no negative
amount (PTCE-D11), expenses equal resources each year (PTCE-D09), the requested grant equal to
the sum of its lines (PTCE-D10), and within the call's known grant range (PTCE-W02, a note).

PASS: ``years: [2014]``, expenses ``{2014: 100}``, resources ``{2014: 60}`` and ``{2014: 40}``.
FAIL: expenses ``{2014: 100}``, resources ``{2014: 90}`` (PTCE-D09 at ``budget.years[0]``).

A value set aside by a format finding is never reported as absent, and no total is judged that
would need it: an amount written ``50 000`` is the format finding PTCE-S07 alone, not also
"amount missing" (D12) nor "not balanced" (D09) for its year, nor D10 for the grant. An amount
filed under a year key that could not be read leaves that year's amount missing: that D12 is
linked to the key's finding (`caused_by`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import msgspec.structs

from ptce_check.codes import finding
from ptce_check.context import Context
from ptce_check.dossier import Budget, Expense, Resource
from ptce_check.findings import Cause, Finding, Path
from ptce_check.i18n import Text
from ptce_check.kinds import Example
from ptce_check.money import euros
from ptce_check.scalars import parse_year
from ptce_check.unread import local_lines_unread
from ptce_check.view import SetAside

CODES = ("PTCE-D09", "PTCE-D10", "PTCE-D11", "PTCE-D12", "PTCE-W02")

TOLERANCE_EUR = 0.005


class _Unread:
    """What the budget's set-aside values leave unknown."""

    def __init__(self, aside: SetAside, budget: Budget) -> None:
        self.aside = aside
        #: Year -> cause, for each year with an amount set aside; None: every year.
        self.years: dict[int, Cause] = {}
        self.every_year: Cause | None = None
        #: Line path -> cause of an amount filed under a year key that could not be read.
        self.bad_keys: dict[Path, Cause] = {}
        for section in ("expenses", "resources"):
            self._section(section)
        self.years_list = aside.within(("budget", "years"))

    def _section(self, section: str) -> None:
        for path, cause in self.aside.under(("budget", section)):
            if len(path) < 5 or path[3] != "amounts":
                if len(path) == 3 or (len(path) == 4 and path[3] == "amounts"):
                    self.every_year = self.every_year or cause
                continue
            try:
                self.years.setdefault(parse_year(path[4]), cause)
            except ValueError:
                self.bad_keys.setdefault(path[:4], cause)
                self.every_year = self.every_year or cause

    def year(self, year: int) -> Cause | None:
        return self.every_year or self.years.get(year)


def _line_years(budget: Budget, unread: _Unread) -> Iterator[Finding]:
    years = set(budget.years)
    sections: tuple[tuple[str, Sequence[Expense | Resource]], ...] = (
        ("expenses", budget.expenses),
        ("resources", budget.resources),
    )
    for section, lines in sections:
        for index, line in enumerate(lines):
            path: Path = ("budget", section, index, "amounts")
            if unread.aside.about(path) is not None:
                continue
            set_aside = {year for year in years if unread.aside.about((*path, str(year))) is not None}
            missing = sorted(years - set(line.amounts) - set_aside)
            if missing:
                listed = ", ".join(map(str, missing))
                absent = finding(
                    "PTCE-D12",
                    path,
                    Text(
                        f"montant absent pour {listed} (indiquez 0 si rien)",
                        f"amount missing for {listed} (write 0 if none)",
                    ),
                )
                yield msgspec.structs.replace(absent, caused_by=unread.bad_keys.get(unread.aside.origins.to_file(path)))
            for year, amount in line.amounts.items():
                if year not in years and unread.years_list is None:
                    yield finding(
                        "PTCE-D12",
                        (*path, year),
                        Text(f"année {year} absente de budget.years", f"year {year} is not in budget.years"),
                        at_key=True,
                    )
                if amount < 0:
                    yield finding(
                        "PTCE-D11",
                        (*path, year),
                        Text(f"montant négatif ({euros(amount).fr})", f"negative amount ({euros(amount).en})"),
                    )


def _balance(budget: Budget, unread: _Unread) -> Iterator[Finding]:
    for index, year in enumerate(budget.years):
        if unread.year(year) is not None:
            continue
        spent = sum(line.amounts.get(year, 0.0) for line in budget.expenses)
        funded = sum(line.amounts.get(year, 0.0) for line in budget.resources)
        if abs(spent - funded) > TOLERANCE_EUR:
            gap = euros(abs(spent - funded))
            more = ("dépenses", "expenses") if spent > funded else ("ressources", "resources")
            yield finding(
                "PTCE-D09",
                ("budget", "years", index),
                Text(
                    f"budget {year} non équilibré\u00a0: dépenses {euros(spent).fr}, ressources {euros(funded).fr} "
                    f"({more[0]} en excès de {gap.fr})",
                    f"{year} budget not balanced: expenses {euros(spent).en}, resources {euros(funded).en} "
                    f"({more[1]} exceed by {gap.en})",
                ),
                Text(
                    "chaque année, le total des ressources doit égaler celui des dépenses",
                    "each year, total resources must equal total expenses",
                ),
            )


def _grant_lines_unread(context: Context) -> Cause | None:
    aside = context.view.set_aside
    budget = context.view.budget
    cause = local_lines_unread(context.view, ())
    for index, line in enumerate(budget.resources if budget else []):
        if cause is None and line.kind == "state_grant_requested":
            cause = aside.within(("budget", "resources", index, "amounts"))
    return cause


def _grant(context: Context, budget: Budget) -> Iterator[Finding]:
    path = ("budget", "requested_grant_eur")
    if context.view.set_aside.about(path) is not None:
        return
    requested = budget.requested_grant_eur
    lines = sum(sum(line.amounts.values()) for line in budget.resources if line.kind == "state_grant_requested")
    if requested < 0:
        yield finding(
            "PTCE-D11",
            path,
            Text(f"montant négatif ({euros(requested).fr})", f"negative amount ({euros(requested).en})"),
        )
    if abs(requested - lines) > TOLERANCE_EUR and _grant_lines_unread(context) is None:
        yield finding(
            "PTCE-D10",
            path,
            Text(
                f"subvention demandée {euros(requested).fr}, mais les lignes state_grant_requested totalisent "
                f"{euros(lines).fr}",
                f"requested grant {euros(requested).en}, but the state_grant_requested lines total {euros(lines).en}",
            ),
        )
    grant_range = context.call.grant_range
    if grant_range is None:
        return
    low, high = grant_range.min_eur, grant_range.max_eur
    if (low is not None and requested < low) or (high is not None and requested > high):
        span = Text(f"{euros(low or 0).fr} – {euros(high or 0).fr}", f"{euros(low or 0).en}–{euros(high or 0).en}")
        yield finding(
            "PTCE-W02",
            path,
            Text(
                f"subvention demandée {euros(requested).fr} hors de la fourchette connue de l'appel ({span.fr})",
                f"requested grant {euros(requested).en} outside the call's known range ({span.en})",
            ),
            Text(f"source\u00a0: {grant_range.source}", f"source: {grant_range.source}"),
        )


def run(context: Context) -> Iterator[Finding]:
    budget = context.view.budget
    if budget is None:
        return
    unread = _Unread(context.view.set_aside, budget)
    yield from _line_years(budget, unread)
    yield from _balance(budget, unread)
    yield from _grant(context, budget)


def _budget(resources: str, grant: str = "60000", years: str = "[2014]") -> str:
    return f"""\
budget:
  years: {years}
  expenses:
    - {{label: Animation, category: animation, amounts: {{2014: 100000}}}}
  resources:
{resources}
  requested_grant_eur: {grant}
"""


_GRANT = "    - {label: Subvention, kind: state_grant_requested, amounts: {2014: 60000}}"
_SALES = "    - {label: Ventes, kind: own_revenue, amounts: {2014: 40000}}"

EXAMPLES = (
    Example(_budget(f"{_GRANT}\n{_SALES}")),
    Example(
        _budget(f"{_GRANT}\n    - {{label: Ventes, kind: own_revenue, amounts: {{2014: 30000}}}}"),
        findings=(("PTCE-D09", 2),),
    ),
    Example(_budget(f"{_GRANT}\n{_SALES}", grant="50000"), findings=(("PTCE-D10", 8),)),
    Example(
        _budget(f"{_GRANT}\n    - {{label: Ventes, kind: own_revenue, amounts: {{2014: 40000, 2015: -10000}}}}"),
        findings=(("PTCE-D12", 7), ("PTCE-D11", 7)),
    ),
    Example(
        _budget(f"{_GRANT}\n{_SALES}", years="[2014, 2015]"),
        findings=(("PTCE-D12", 4), ("PTCE-D12", 6), ("PTCE-D12", 7)),
    ),
    Example(_budget(f"{_GRANT}\n{_SALES}"), call="ptce-2013", findings=(("PTCE-W02", 8),)),
)
