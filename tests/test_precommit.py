"""The pre-commit hook, as a team uses it: `pre-commit try-repo` installs ptce-check from this
repository into its own environment and runs it on a repository of dossiers.

Slow (pre-commit builds an environment with pip): set PTCE_SKIP_PRECOMMIT_TEST=1 to skip it
while working on something else; CI always runs it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import BASE_TEXT, ROOT, variant

pytestmark = pytest.mark.skipif(os.environ.get("PTCE_SKIP_PRECOMMIT_TEST") == "1", reason="PTCE_SKIP_PRECOMMIT_TEST=1")
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
}
_IGNORED = shutil.ignore_patterns(
    ".git", ".venv", "__pycache__", "*.egg-info", ".mypy_cache", ".ruff_cache", ".pytest_cache", ".hypothesis"
)


def git(*args: str, cwd: Path) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env={**os.environ, **GIT_IDENTITY}
    )
    return done.stdout.strip()


def committed_copy(source: Path, target: Path) -> str:
    """This working tree as one commit of a new repository (pre-commit installs hooks from a
    commit, and the tree under test may not be committed yet); returns the commit."""
    shutil.copytree(source, target, ignore=_IGNORED)
    git("init", "--quiet", cwd=target)
    git("add", "--all", cwd=target)
    git("commit", "--quiet", "--no-verify", "-m", "hook under test", cwd=target)
    return git("rev-parse", "HEAD", cwd=target)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Path]:
    base = tmp_path_factory.mktemp("precommit")
    repo = base / "ptce-check"
    return repo, committed_copy(ROOT, repo), base / "cache"


def try_repo(hook: tuple[Path, str, Path], workdir: Path, *files: str) -> subprocess.CompletedProcess[str]:
    repo, ref, cache = hook
    selection = ["--files", *files] if files else ["--all-files"]
    environment = {**os.environ, **GIT_IDENTITY, "PRE_COMMIT_HOME": str(cache), "NO_COLOR": "1"}
    environment.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "try-repo",
            str(repo),
            "ptce-check",
            "--ref",
            ref,
            "--color",
            "never",
            *selection,
        ],
        cwd=workdir,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


@pytest.fixture
def dossiers(tmp_path: Path) -> Path:
    work = tmp_path / "candidatures"
    (work / "dossiers" / "annexes").mkdir(parents=True)
    (work / "dossiers" / "annexes" / "statuts.txt").write_text("statuts\n", encoding="utf-8")
    (work / "dossiers" / "good.yaml").write_text(BASE_TEXT, encoding="utf-8")
    (work / ".github" / "workflows").mkdir(parents=True)
    (work / ".github" / "workflows" / "ci.yml").write_text("on: push\njobs: {}\n", encoding="utf-8")
    (work / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    git("init", "--quiet", cwd=work)
    git("add", "--all", cwd=work)
    return work


def test_the_hook_definition() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "ptce-check" and hook["entry"] == "ptce-check check"
    assert hook["language"] == "python" and hook["pass_filenames"] is True and hook["require_serial"] is False


def test_the_hook_passes_on_a_good_dossier_and_fails_on_a_bad_one(
    hook_repo: tuple[Path, str, Path], dossiers: Path
) -> None:
    passed = try_repo(hook_repo, dossiers, "dossiers/good.yaml")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "ptce-check (dossiers PTCE)" in passed.stdout and "Passed" in passed.stdout

    bad = variant(('  siren: "781302211"', '  siren: "781302212"'))
    (dossiers / "dossiers" / "bad.yaml").write_text(bad, encoding="utf-8")
    failed = try_repo(hook_repo, dossiers, "dossiers/good.yaml", "dossiers/bad.yaml")
    assert failed.returncode == 1
    assert "Failed" in failed.stdout
    assert "dossiers/bad.yaml:7:10: PTCE-D01 " in failed.stdout
    assert "dossiers/good.yaml: recevable" in failed.stdout


def test_configuration_files_are_not_taken_for_dossiers(hook_repo: tuple[Path, str, Path], dossiers: Path) -> None:
    checked = try_repo(hook_repo, dossiers)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "ci.yml" not in checked.stdout and ".pre-commit-config.yaml:" not in checked.stdout
