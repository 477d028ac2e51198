"""The territory in words, for the rich report: communes, computed and declared population,
départements, EPCIs, and where the members are seated (the words: `ptce_check.territory.summary`)."""

from __future__ import annotations

from rich.table import Table

from ptce_check.i18n import Lang
from ptce_check.reporters.console import cell
from ptce_check.territory import TerritoryFacts
from ptce_check.territory.summary import summary_rows, summary_title


def territory_table(facts: TerritoryFacts | None, lang: Lang) -> Table | None:
    """None when there is nothing to show: no commune of the territory is known."""
    if facts is None or not facts.communes:
        return None
    table = Table(title=summary_title(facts.meta).get(lang), title_justify="left", show_header=False)
    table.add_column(no_wrap=True, style="bold")
    table.add_column()
    for label, value in summary_rows(facts):
        table.add_row(label.get(lang), cell(value.get(lang)))
    return table
