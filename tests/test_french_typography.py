"""French as French readers expect it, English as English readers do: numbers, amounts, dates
in words, plurals without `(s)`, the no-break spaces of French typography kept in outputs."""

from __future__ import annotations

from datetime import date, datetime

from ptce_check.dates import PARIS, in_words
from ptce_check.i18n import plural
from ptce_check.money import euros, number, number_in
from ptce_check.reporters.totals import totals_line
from ptce_check.textsafe import escape_invisible


def test_numbers_have_each_language_separators() -> None:
    assert number(7.4) == number(7.40)
    assert (number(7.4).fr, number(7.4).en) == ("7,4", "7.4")
    assert (number(1_500_000).fr, number(1_500_000).en) == ("1\u202f500\u202f000", "1,500,000")
    assert number_in(0.126, "fr") == "0,13" and number_in(12.0, "en") == "12"


def test_amounts_in_euros() -> None:
    assert euros(1_500_000).fr == "1\u202f500\u202f000\u00a0€" and euros(1_500_000).en == "€1,500,000"
    assert euros(12.5).fr == "12,50\u00a0€" and euros(12.5).en == "€12.50"


def test_dates_in_words() -> None:
    deadline = datetime(2015, 6, 30, 23, 59, 59, tzinfo=PARIS)
    assert in_words(deadline, "fr") == "30 juin 2015 à 23 h 59"
    assert in_words(deadline, "en") == "30 June 2015 at 23:59"
    assert in_words(date(2015, 7, 1), "fr") == "1er juillet 2015"
    assert in_words(date(2015, 7, 1), "en") == "1 July 2015"


def test_plurals_agree_with_the_count() -> None:
    assert plural(2, "recevable", "recevables") == "2 recevables"
    assert plural(1, "mutualisation", "mutualisations") == "1 mutualisation"
    assert plural(0, "commune", "communes") == "0 commune"
    assert plural(0, "member", "members", "en") == "0 members"
    assert plural(1, "member", "members", "en") == "1 member"


class _Judged:
    def __init__(self, verdict: str) -> None:
        from ptce_check.assessment import Verdict

        self.verdict = Verdict(verdict)


def test_the_tally_line_has_no_parenthesised_plural() -> None:
    judged = [_Judged("admissible"), _Judged("admissible"), _Judged("not_admissible")]
    assert totals_line(judged, "fr") == "3 dossiers\u00a0: 2 recevables, 1 non recevable, 0 illisible (invalide)"
    assert totals_line(judged, "en") == "3 dossiers: 2 admissible, 1 not admissible, 0 invalid"


def test_typographic_spaces_survive_escaping_but_hidden_ones_do_not() -> None:
    assert (
        escape_invisible("1\u202f500\u202f000\u00a0€ ; « x\u00a0» y\u202f:")
        == "1\u202f500\u202f000\u00a0€ ; « x\u00a0» y\u202f:"
    )
    assert escape_invisible("legal\u00a0form") == "legal\\u00a0form"
    assert escape_invisible("\u202f1") == "\\u202f1"
