"""Work per dossier stays linear in its size: a file with thousands of bad values (within the
limits) is not assessed by comparing every bad value with every other one."""

from __future__ import annotations

import pytest

from helpers import EXAMPLES, assess_text
from ptce_check.view import SetAside

MEMBERS = 5000


def _many_bad_members() -> str:
    text = (EXAMPLES / "centre-isere.yaml").read_text(encoding="utf-8")
    start, end = text.index("members:"), text.index("\ncooperation:")
    members = "".join(f"  - {{name: m{k}, legal_form: bad{k}, category: enterprise}}\n" for k in range(MEMBERS))
    return text[:start] + "members:\n" + members + text[end + 1 :]


def test_thousands_of_set_aside_values_are_looked_up_without_scanning(monkeypatch: pytest.MonkeyPatch) -> None:
    scans: list[int] = []
    under = SetAside.under

    def counted(self: SetAside, view_path: tuple[str | int, ...]) -> list[tuple[tuple[str | int, ...], object]]:
        scans.append(1)
        return under(self, view_path)  # type: ignore[return-value]

    monkeypatch.setattr(SetAside, "under", counted)
    assessment = assess_text(_many_bad_members(), folder=EXAMPLES)
    s04 = [f for f in assessment.findings if f.code == "PTCE-S04" and f.path[-1] == "legal_form"]
    assert len(s04) == MEMBERS
    assert s04[-1].path == ("members", MEMBERS - 1, "legal_form")
    # A full scan of what was set aside happens once per rule, never once per member.
    assert len(scans) < 20
