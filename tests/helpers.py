"""Shared test helpers: a valid base dossier, variants of it, and positions in text."""

from __future__ import annotations

import signal
from pathlib import Path

from ptce_check.assess import assess_source
from ptce_check.assessment import Assessment
from ptce_check.decoding import Limits

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
BASE_TEXT = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
#: The mistakes applicants make most, each as a replacement in `BASE_TEXT` (for `variant`), each
#: with a mechanical fix; the comments must survive `fix`.
MISTAKES = (
    ("format: ptce-dossier/1\n", "# Dossier de test : les erreurs habituelles\nformat: ptce-dossier/1\n"),
    ("submitted_at: 2015-06-15", "submitted_at: 30/06/2015   # le jour du dépôt"),
    ('siret: "81345622500016"', 'siret: "813 456 225 00016"  # Atelier'),
    ("charter_signed: true", "charter_signed: oui"),
    ("created_fte: 6", "created_fte: 12,5"),
    ("amounts: {2015: 50000, 2016: 50000}", "amounts: {2015: 150 000 €, 2016: 50000}  # animation"),
)


def variant(*replacements: tuple[str, str]) -> str:
    """The base dossier with each `old` text replaced by `new` (each `old` must be present)."""
    text = BASE_TEXT
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def assess_text(
    text: str | bytes, folder: Path | None = FIXTURES, limits: Limits | None = None, call: str | None = None
) -> Assessment:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return assess_source(raw, "dossier.yaml", folder=folder, limits=limits, call_override=call)


def position_of(text: str, needle: str, after: str = "") -> tuple[int, int]:
    """1-based (line, column) of the start of `needle`, searched from where `after` occurs."""
    offset = text.index(needle, text.index(after) if after else 0)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def located(assessment: Assessment) -> list[tuple[str, int, int]]:
    """(code, line, column) of every finding."""
    return [(f.code, f.position.line, f.position.column) for f in assessment.findings if f.position]


def codes(assessment: Assessment) -> list[str]:
    return [finding.code for finding in assessment.findings]


def interruptible() -> None:
    """`preexec_fn` of a child that a test interrupts with SIGINT: the default disposition, which
    lets Python install its handler. A runner started in the background of a shell without job
    control ignores SIGINT, and its children would inherit that and never see Ctrl-C."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
