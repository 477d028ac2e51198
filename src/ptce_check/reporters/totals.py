"""The verdict tally line every format that sums up several dossiers writes."""

from __future__ import annotations

from collections.abc import Sequence

from ptce_check.assessment import VERDICT_TEXT, HasVerdict, Verdict, tally
from ptce_check.i18n import Lang, Text

DOSSIERS = Text("{count} dossier(s) : ", "{count} dossier(s): ")


def verdict_counts(judged: Sequence[HasVerdict], lang: Lang) -> list[tuple[Verdict, str]]:
    """`[(verdict, "2 recevable"), …]`, every verdict, in the enum's order."""
    return [(verdict, f"{count} {VERDICT_TEXT[verdict].get(lang)}") for verdict, count in tally(judged).items()]


def dossiers_label(judged: Sequence[HasVerdict], lang: Lang) -> str:
    return DOSSIERS.format(count=len(judged)).get(lang)


def totals_line(judged: Sequence[HasVerdict], lang: Lang) -> str:
    """`3 dossier(s) : 1 recevable, 1 non recevable, 1 illisible (invalide)`."""
    return dossiers_label(judged, lang) + ", ".join(text for _, text in verdict_counts(judged, lang))
