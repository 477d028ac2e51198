"""Regression cases as folders: `tests/cases/<name>/dossier.yaml` and the `expected.json` it must
give (verdict, score total, every finding's code, path, line, column and cause).

A new case is a folder: write the dossier, then `python tests/test_cases.py NAME` prints what the
checker says now, to read line by line before saving it as `expected.json`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

CASES = Path(__file__).resolve().parent / "cases"


def observed(folder: Path) -> dict[str, Any]:
    from ptce_check.assess import assess_source
    from ptce_check.findings import format_path

    raw = (folder / "dossier.yaml").read_bytes()
    assessment = assess_source(raw, "dossier.yaml", folder=folder)
    return {
        "verdict": assessment.verdict.value,
        "score": None if assessment.score is None else assessment.score.total,
        "findings": [
            {
                "code": f.code,
                "path": format_path(f.path),
                "line": f.position.line if f.position else None,
                "column": f.position.column if f.position else None,
                "caused_by": None if f.caused_by is None else f"{f.caused_by.code} {format_path(f.caused_by.path)}",
            }
            for f in assessment.findings
        ],
    }


def _cases() -> list[Path]:
    return sorted(path for path in CASES.iterdir() if (path / "dossier.yaml").is_file())


@pytest.mark.parametrize("folder", _cases(), ids=lambda path: path.name)
def test_case(folder: Path) -> None:
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    assert observed(folder) == expected


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    for name in sys.argv[1:]:
        print(json.dumps(observed(CASES / name), ensure_ascii=False, indent=2))
