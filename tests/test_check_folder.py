"""`check FOLDER` checks the YAML dossiers in it, in the order `screen` finds them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from helpers import EXAMPLES
from ptce_check.cli.commands import app


def test_a_folder_stands_for_the_dossiers_in_it(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES / "annexes", tmp_path / "annexes")  # attachments are beside their dossier
    shutil.copy(EXAMPLES / "centre-isere.yaml", tmp_path / "b.yaml")
    (tmp_path / "sub").mkdir()
    shutil.copy(EXAMPLES / "not-admissible-e03-no-ess-enterprise.yaml", tmp_path / "sub" / "a.yml")
    (tmp_path / "notes.txt").write_text("pas un dossier\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(tmp_path), "-f", "json"])
    assert result.exit_code == 1, result.output
    outcomes = json.loads(result.stdout)
    assert [Path(o["dossier"]).relative_to(tmp_path).as_posix() for o in outcomes] == ["b.yaml", "sub/a.yml"]
    assert [o["verdict"] for o in outcomes] == ["admissible", "not_admissible"]


def test_an_empty_folder_says_it_is_no_dossier(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["check", str(tmp_path), "-f", "json"])
    assert result.exit_code == 1
    (outcome,) = json.loads(result.stdout)
    assert outcome["verdict"] == "invalid" and outcome["findings"][0]["code"] == "PTCE-F12"
