"""The configuration file, as ruff reads its own: found from the current folder upwards
(`ptce-check.toml` before `pyproject.toml`, a pyproject without `[tool.ptce-check]` passed
over), paths relative to the file, `--config FILE`, `--isolated`, the command line winning,
and every problem a usage error at the key's FILE:LINE:COL, escaped, never a traceback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from helpers import EXAMPLES, ROOT
from ptce_check.cli.arguments import CheckArguments
from ptce_check.cli.commands import app
from ptce_check.cli.settings import with_configuration
from ptce_check.config import MAX_CONFIG_BYTES, anchored_glob, configuration, key_position

runner = CliRunner()
#: Admissible with a warning (PTCE-W01): status 0, or 1 under `fail-on = "warning"`.
WARNED = str(EXAMPLES / "ami-2021-admissible.yaml")
#: Answers ptce-2013; admissible against it.
CENTRE = str(EXAMPLES / "centre-isere.yaml")
QPV_LIST = "code;name\nQP026003;La Monnaie\n"


def invoke(*args: str, lang: str = "en") -> Result:
    return runner.invoke(app, [*args, "--lang", lang] if lang else list(args))


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def refused(*args: str) -> str:
    """The usage error of `check` with these options: status 2, nothing on stdout, no traceback."""
    result = invoke("check", WARNED, "-f", "concise", *args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    return result.stderr


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder; the tests run in `project/src/deep`, two levels below it."""
    deep = tmp_path / "project" / "src" / "deep"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    return tmp_path / "project"


# Found from the current folder upwards


def test_a_ptce_check_toml_two_folders_up_is_found_and_applied(project: Path) -> None:
    write(project / "ptce-check.toml", 'fail-on = "warning"\n')
    assert invoke("check", WARNED, "-f", "concise").exit_code == 1
    assert invoke("check", WARNED, "-f", "concise", "--isolated").exit_code == 0


def test_the_pyproject_table_is_read_and_its_call_replaces_the_dossiers(project: Path) -> None:
    write(project / "pyproject.toml", '[project]\nname = "x"\n\n[tool.ptce-check]\ncall = "ami-2021"\n')
    result = invoke("check", CENTRE, "-f", "json")
    (outcome,) = json.loads(result.stdout)
    assert outcome["call"] == "ami-2021"
    assert "PTCE-E09" in [finding["code"] for finding in outcome["findings"]]
    assert result.exit_code == 1


def test_ptce_check_toml_wins_over_pyproject_in_the_same_folder(project: Path) -> None:
    write(project / "pyproject.toml", '[tool.ptce-check]\nfail-on = "warning"\n')
    write(project / "ptce-check.toml", 'fail-on = "not-admissible"\n')
    assert invoke("check", WARNED, "-f", "concise").exit_code == 0
    found = configuration(None, isolated=False)
    assert found is not None and found.path == project / "ptce-check.toml"


def test_a_pyproject_without_the_table_is_passed_over_and_the_search_goes_on(project: Path) -> None:
    write(project / "src" / "pyproject.toml", '[project]\nname = "ptce-check"\n\n[tool.ruff]\nline-length = 1\n')
    write(project / "pyproject.toml", '[tool."ptce-check"]\nfail-on = "warning"\n')
    found = configuration(None, isolated=False)
    assert found is not None and (found.path, found.fail_on) == (project / "pyproject.toml", "warning")


def test_the_first_folder_holding_a_file_ends_the_search(project: Path) -> None:
    write(project / "ptce-check.toml", 'fail-on = "warning"\n')
    write(project / "src" / "ptce-check.toml", 'lang = "fr"\n')
    found = configuration(None, isolated=False)
    assert found is not None and (found.path, found.fail_on, found.lang) == (
        project / "src/ptce-check.toml",
        None,
        "fr",
    )


def test_no_file_anywhere_is_no_configuration(project: Path) -> None:
    assert configuration(None, isolated=False) is None
    assert invoke("check", WARNED, "-f", "concise").exit_code == 0


def test_the_table_written_as_dotted_keys_or_an_inline_table_is_found(project: Path) -> None:
    write(project / "pyproject.toml", '[tool]\nptce-check = { fail-on = "warning", lang = "en" }\n')
    found = configuration(None, isolated=False)
    assert found is not None and (found.fail_on, found.lang) == ("warning", "en")
    write(project / "pyproject.toml", 'tool.ptce-check.fail-on = "warning"\n')
    found = configuration(None, isolated=False)
    assert found is not None and found.fail_on == "warning"


# Paths relative to the file


def test_paths_are_relative_to_the_configuration_folder(project: Path) -> None:
    write(
        project / "ptce-check.toml",
        'call = "calls/mine.yaml"\nexclude = ["drafts/*", "*.bak", "*/old/*"]\n\n[reference]\nqpv = "lists/qpv.csv"\n',
    )
    found = configuration(None, isolated=False)
    assert found is not None
    assert found.call == str(project / "calls" / "mine.yaml")
    assert found.references == (f"qpv={project / 'lists' / 'qpv.csv'}",)
    # Seen from project/src/deep, the project's drafts folder is two levels up; name globs stay.
    assert found.excludes == ("../../drafts/*", "*.bak", "*/old/*")


def test_a_reference_list_beside_the_configuration_is_read_from_a_subfolder(project: Path) -> None:
    write(project / "lists" / "qpv.csv", QPV_LIST)
    write(project / "ptce-check.toml", '[reference]\nqpv = "lists/qpv.csv"\n')
    assert invoke("check", CENTRE, "-f", "concise").exit_code == 0
    (project / "lists" / "qpv.csv").unlink()
    assert f"{project / 'lists' / 'qpv.csv'}" in refused()


def test_anchored_glob_keeps_name_and_any_folder_patterns(tmp_path: Path) -> None:
    assert anchored_glob("drafts/*", tmp_path, tmp_path) == "drafts/*"
    assert anchored_glob("drafts/*", tmp_path, tmp_path / "drafts") == "*"
    assert anchored_glob("a/b/*.yaml", tmp_path, tmp_path / "c") == "../a/b/*.yaml"
    assert anchored_glob("*/old/*", tmp_path, tmp_path / "c") == "*/old/*"
    assert anchored_glob("brouillon-*.yaml", tmp_path, tmp_path / "c") == "brouillon-*.yaml"


def test_screen_leaves_out_what_the_configuration_excludes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for folder in ("kept", "drafts"):
        write(tmp_path / folder / "a.yaml", Path(WARNED).read_text(encoding="utf-8"))
    write(tmp_path / "ptce-check.toml", 'exclude = ["drafts/*"]\n')
    monkeypatch.chdir(tmp_path)
    screened = invoke("screen", ".", "-f", "csv")
    assert "kept/a.yaml" in screened.stdout and "drafts" not in screened.stdout
    given = invoke("screen", ".", "-f", "csv", "--exclude", "kept/*")
    assert "drafts/a.yaml" in given.stdout and "kept" not in given.stdout


# --config and --isolated


def test_config_names_the_one_file_read(project: Path, tmp_path: Path) -> None:
    write(project / "ptce-check.toml", 'fail-on = "warning"\n')
    elsewhere = write(tmp_path / "other" / "settings.toml", 'fail-on = "not-admissible"\n')
    assert invoke("check", WARNED, "-f", "concise", "--config", str(elsewhere)).exit_code == 0
    pyproject = write(tmp_path / "other" / "pyproject.toml", '[tool.ptce-check]\nfail-on = "warning"\n')
    assert invoke("check", WARNED, "-f", "concise", "--config", str(pyproject), "--isolated").exit_code == 2
    write(project / "ptce-check.toml", "")
    assert invoke("check", WARNED, "-f", "concise", "--config", str(pyproject)).exit_code == 1


def test_config_and_isolated_together_or_a_missing_file_are_usage_errors(project: Path) -> None:
    assert refused("--config", "a.toml", "--isolated") == "ptce-check: --config and --isolated exclude each other\n"
    assert refused("--config", "absent.toml") == "ptce-check: no such configuration file: absent.toml\n"


def test_screen_takes_config_and_isolated(project: Path) -> None:
    write(project / "ptce-check.toml", 'fail-on = "warning"\n')
    assert invoke("screen", WARNED, "-f", "csv").exit_code == 1
    assert invoke("screen", WARNED, "-f", "csv", "--isolated").exit_code == 0


# The command line wins


def test_options_given_win_over_the_file_even_at_their_default_value(project: Path) -> None:
    write(project / "ptce-check.toml", 'fail-on = "warning"\ncall = "ami-2021"\nlang = "en"\n')
    assert invoke("check", WARNED, "-f", "concise", "--fail-on", "not-admissible").exit_code == 0
    result = invoke("check", CENTRE, "-f", "json", "--call", "ptce-2013", lang="")
    assert json.loads(result.stdout)[0]["call"] == "ptce-2013"
    french = invoke("check", "absent.yaml", lang="fr")
    assert french.stderr == "ptce-check: chemin introuvable\u00a0: absent.yaml\n"
    english = invoke("check", "absent.yaml", lang="")
    assert english.stderr == "ptce-check: no such path: absent.yaml\n"
    unwritable = invoke("check", WARNED, "-o", "absent/report.json", lang="")
    assert unwritable.stderr.startswith("ptce-check: cannot write absent/report.json: ")


def test_a_reference_given_replaces_the_files_list_of_its_kind_only(project: Path) -> None:
    write(project / "ptce-check.toml", '[reference]\nqpv = "q.csv"\nfrr = "f.csv"\n')
    arguments = CheckArguments(
        call=None, format="auto", output=None, output_format=None, lang=None, max_bytes=1, max_depth=1,
        max_nodes=1, fail_on=None, exit_zero=False, references=("qpv=mine.csv",), debug=False,
        files=("x.yaml",), stdin_filename=None,
    )  # fmt: skip
    assert with_configuration(arguments).references == (f"frr={project / 'f.csv'}", "qpv=mine.csv")


# Problems at their place


def test_an_unknown_key_is_reported_at_its_line_and_column(project: Path) -> None:
    path = write(
        project / "pyproject.toml", '# settings\n[tool.ptce-check]\ncall = "ami-2021"\n  fail_on = "warning"\n'
    )
    assert refused() == (
        "ptce-check: invalid configuration:\n"
        f"{path}:4:3: tool.ptce-check.fail_on: unknown key (did you mean fail-on?)\n"
    )


def test_every_problem_is_listed_in_french_too(project: Path) -> None:
    path = write(project / "ptce-check.toml", 'lang = 3\nfail-on = "never"\n[reference]\nqvp = "a.csv"\n')
    assert refused() == (
        "ptce-check: invalid configuration:\n"
        f"{path}:1:1: lang: expected a string, found a number\n"
        f"{path}:2:1: fail-on: unknown value 'never' (not-admissible, warning)\n"
        f"{path}:4:1: reference.qvp: unknown kind of list (did you mean qpv?)\n"
    )
    result = invoke("check", WARNED, lang="fr")
    assert result.stderr.splitlines()[1:3] == [
        f"{path}:1:1: lang\u00a0: attendu\u00a0: une chaîne\u00a0; trouvé\u00a0: un nombre",
        f"{path}:2:1: fail-on\u00a0: valeur inconnue « never » (not-admissible, warning)",
    ]


def test_wrong_types_in_arrays_and_tables_are_located(project: Path) -> None:
    path = write(project / "ptce-check.toml", 'exclude = "drafts"\nreference = ["qpv.csv"]\n')
    assert refused().splitlines()[1:] == [
        f"{path}:1:1: exclude: expected an array of strings, found a string",
        f"{path}:2:1: reference: expected a table, found an array",
    ]
    write(path, 'exclude = ["a", 3]\ncall = ""\n')
    assert refused().splitlines()[1:] == [
        f"{path}:1:1: exclude: item 2: expected a string, found a number",
        f"{path}:2:1: call: empty string",
    ]


def test_an_unknown_call_is_located_with_a_suggestion(project: Path) -> None:
    path = write(project / "pyproject.toml", '[tool]\nptce-check = { lang = "en", call = "ami-2012" }\n')
    message = refused()
    assert message.startswith(f"ptce-check: invalid configuration:\n{path}:2:29: tool.ptce-check.call: unknown call")
    assert "(did you mean ami-20" in message


def test_a_table_that_is_not_a_table_and_a_toml_syntax_error_are_located(project: Path) -> None:
    path = write(project / "pyproject.toml", '[tool]\nname = "x"\nptce-check = "on"\n')
    expected = f"ptce-check: {path}:3:1: tool.ptce-check: expected a table, found a string\n"
    assert refused("--config", str(path)) == expected
    write(path, 'tool.ptce-check = "on"\n')
    assert refused() == f"ptce-check: {path}:1:1: tool.ptce-check: expected a table, found a string\n"
    write(path, '[tool.ptce-check]\nfail-on = "warning\n')
    assert refused() == f"ptce-check: {path}:2:19: invalid TOML (Illegal character '\\n')\n"


# Hostile files


def test_control_characters_in_keys_and_file_names_are_escaped(tmp_path: Path, project: Path) -> None:
    path = write(tmp_path / "conf\x1b[2J.toml", '"fail\\u001bon" = 1\n')
    message = refused("--config", str(path))
    assert "\x1b" not in message
    assert "conf\\e[2J.toml:1:1: fail\\eon: unknown key" in message


def test_a_fifo_is_refused_without_waiting(project: Path) -> None:
    os.mkfifo(project / "ptce-check.toml")
    started = time.monotonic()
    assert refused() == f"ptce-check: {project / 'ptce-check.toml'}: not a regular file (a special file)\n"
    assert time.monotonic() - started < 5


def test_a_directory_named_like_the_file_is_refused(project: Path) -> None:
    (project / "ptce-check.toml").mkdir()
    assert refused().endswith("ptce-check.toml: not a regular file (a directory)\n")


def test_an_oversize_file_is_refused_before_it_is_parsed(project: Path) -> None:
    write(project / "ptce-check.toml", "# " + "x" * MAX_CONFIG_BYTES + "\n")
    assert "file too large" in refused()


def test_a_file_that_is_not_utf8_is_located(project: Path) -> None:
    (project / "ptce-check.toml").write_bytes(b'lang = "en"\ncall = "\xe9"\n')
    assert refused() == f"ptce-check: {project / 'ptce-check.toml'}:2:9: not UTF-8\n"


# The quick path


def test_the_quick_path_finds_the_configuration(tmp_path: Path) -> None:
    write(tmp_path / "ptce-check.toml", 'fail-on = "warning"\n')
    program = [sys.executable, "-m", "ptce_check", "check", WARNED, "-f", "concise", "--lang", "en"]
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    found = subprocess.run(program, cwd=tmp_path, capture_output=True, text=True, env=environment, check=False)
    isolated = subprocess.run([*program, "--isolated"], cwd=tmp_path, capture_output=True, env=environment, check=False)
    assert (found.returncode, isolated.returncode) == (1, 0), found.stderr


# Where a key is written


@pytest.mark.parametrize(
    ("text", "key", "position"),
    [
        ("[tool.ptce-check]\nlang = 1\n", ("tool", "ptce-check", "lang"), (2, 1)),
        ('[ tool . "ptce-check" ]\n\t"lang" = 1\n', ("tool", "ptce-check", "lang"), (2, 2)),
        ("[tool]\nptce-check.lang = 1\n", ("tool", "ptce-check", "lang"), (2, 1)),
        ("[tool]\nptce-check = {call = 'x', lang = 1}\n", ("tool", "ptce-check", "lang"), (2, 27)),
        ("[tool.ptce-check.reference]\nqvp = 'a'\n", ("tool", "ptce-check", "reference", "qvp"), (2, 1)),
        ("[tool.ptce-check]\nreference.qvp = 'a'\n", ("tool", "ptce-check", "reference", "qvp"), (2, 1)),
        # A line inside a multi-line string is text, not a key.
        ('a = """\nlang = 1\n"""\nlang = 2\n', ("lang",), (4, 1)),
        # Not found: its nearest written parent, else the file's start.
        ('[tool.ptce-check]\n"la\\u006eg" = 1\n', ("tool", "ptce-check", "lang"), (1, 2)),
        ("", ("lang",), (1, 1)),
        # The same key in another table is not it.
        ("[tool.ruff]\nlang = 1\n[tool.ptce-check]\nx = 1\nlang = 2\n", ("tool", "ptce-check", "lang"), (5, 1)),
    ],
)
def test_key_position(text: str, key: tuple[str, ...], position: tuple[int, int]) -> None:
    assert key_position(text, key) == position


def test_the_documented_example_is_a_valid_configuration(tmp_path: Path) -> None:
    documentation = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    example = documentation.split("# Configuration\n", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]
    found = configuration(write(tmp_path / "pyproject.toml", example), isolated=False)
    assert found is not None
    assert (found.call, found.fail_on, found.lang) == ("ami-2023", "warning", "fr")
    assert found.references == (f"qpv={tmp_path / 'donnees' / 'qpv.csv'}",)


def test_the_calls_folders_of_a_configuration_resolve_a_funders_call(tmp_path: Path) -> None:
    examples = ROOT / "examples" / "calls"
    shutil.copytree(examples, tmp_path / "appels")
    write(tmp_path / "ptce-check.toml", 'calls-dir = ["appels"]\n')
    found = configuration(None, isolated=False, start=tmp_path)
    assert found is not None and found.calls_dirs == (tmp_path / "appels",)
    dossier = tmp_path / "appels" / "dossiers" / "region-emergence-2026-admissible.yaml"
    result = subprocess.run(
        [sys.executable, "-m", "ptce_check", "check", str(dossier), "-f", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["call"] == "region-emergence-2026"
