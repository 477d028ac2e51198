"""An attachment path the system cannot look up is an attachment finding at its place."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import FIXTURES, assess_text, codes, located, position_of, variant

LONG = "a" * 300


@pytest.mark.parametrize("relative", [f"annexes/{LONG}.pdf", f"{LONG}/statuts.pdf", f"annexes/{LONG}/{LONG}.pdf"])
def test_a_name_too_long_is_d14_at_the_attachment_path(relative: str) -> None:
    text = variant(("    path: annexes/statuts.txt", f"    path: {relative}"))
    assessment = assess_text(text, folder=FIXTURES)
    assert "PTCE-F13" not in codes(assessment)
    line, column = position_of(text, relative)
    assert ("PTCE-D14", line, column) in located(assessment)
    finding = next(f for f in assessment.findings if f.code == "PTCE-D14")
    assert "nom trop long" in finding.message.fr
    assert "name too long" in finding.message.en
    assert finding.hint is not None and "255" in finding.hint.fr


def test_an_unreadable_folder_is_d14_with_the_reason(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "statuts.pdf").write_text("x", encoding="utf-8")
    locked.chmod(0)
    try:
        if (locked / "statuts.pdf").exists():
            pytest.skip("running with permissions that ignore file modes")
    except PermissionError:
        pass
    try:
        text = variant(("    path: annexes/statuts.txt", "    path: locked/statuts.pdf"))
        assessment = assess_text(text, folder=tmp_path)
    finally:
        locked.chmod(0o700)
    assert "PTCE-F13" not in codes(assessment)
    assert ("PTCE-D14", *position_of(text, "locked/statuts.pdf")) in located(assessment)


def test_a_long_name_read_from_standard_input_is_not_looked_up() -> None:
    text = variant(("    path: annexes/statuts.txt", f"    path: annexes/{LONG}.pdf"))
    found = codes(assess_text(text, folder=None))
    assert "PTCE-D14" not in found and "PTCE-F13" not in found
