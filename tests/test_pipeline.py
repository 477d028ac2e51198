"""One reporting layer and one command pipeline: the registry of formats and their scopes, the
settings `check` and `screen` are interpreted into, and the quick path's generated option table."""

from __future__ import annotations

import importlib
import importlib.util
import io
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from helpers import EXAMPLES, ROOT
from ptce_check.assess import assess_file
from ptce_check.assessment import Verdict, tally
from ptce_check.cli.arguments import CheckArguments, ScreenArguments
from ptce_check.cli.commands import app
from ptce_check.cli.quick_options import DEFAULTS
from ptce_check.cli.settings import interpret
from ptce_check.errors import UserError
from ptce_check.reporters.registry import FORMATS, formats_for, module_name, scope_for

SEED = EXAMPLES / "centre-isere.yaml"
FAILING = EXAMPLES / "not-admissible-e03-no-ess-enterprise.yaml"
# One dossier as one page (markdown, html) and the committee's workbook (xlsx) came with issues 15 and 14.
CHECK_FORMATS = ("rich", "json", "markdown", "html", "json-lines", "concise", "github", "junit", "sarif")
BATCH_FORMATS = ("rich", "json", "csv", "markdown", "html", "xlsx")


def check_arguments(**given: object) -> CheckArguments:
    fields: dict[str, object] = {**DEFAULTS, "files": (str(SEED),), **given}
    return CheckArguments(**fields)  # type: ignore[arg-type]


def screen_arguments(**given: object) -> ScreenArguments:
    fields: dict[str, object] = {
        **DEFAULTS,
        "paths": (SEED,),
        "excludes": (),
        "jobs": None,
        "csv_separator": ",",
        "budget": None,
        **given,
    }
    fields.pop("stdin_filename")
    fields.pop("watch")  # `check` only
    return ScreenArguments(**fields)  # type: ignore[arg-type]


def test_each_command_accepts_the_formats_of_its_scopes() -> None:
    assert formats_for("check") == CHECK_FORMATS
    assert formats_for("screen") == (*BATCH_FORMATS, "json-lines", "concise", "github", "junit", "sarif")
    assert formats_for("criteria") == ("rich", "json")
    assert scope_for("json", "screen") == "batch"
    assert scope_for("sarif", "screen") == "dossier"


def test_every_entry_names_a_module_with_a_render() -> None:
    for entry in FORMATS:
        for scope in entry.modules:
            module = importlib.import_module(module_name(entry.name, scope))
            assert callable(module.render), (entry.name, scope)


@pytest.mark.parametrize("format", ["json", "json-lines", "concise", "junit", "sarif", "github"])
def test_machine_formats_do_not_import_rich(format: str) -> None:
    code = (
        "import io, sys; from ptce_check.assess import assess_file; from ptce_check.reporters import "
        "ReportSettings, render_dossiers; from pathlib import Path; "
        f"render_dossiers({format!r}, [assess_file(Path({str(SEED)!r}))], io.StringIO(), ReportSettings()); "
        "print(sorted(m for m in sys.modules if m == 'rich' or m.startswith('rich.')))"
    )
    env_free = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert env_free.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("check", ", ".join(["auto", *CHECK_FORMATS, "table"])),
        ("screen", "csv, markdown, html"),
        ("criteria", "auto, rich, json, table."),
    ],
)
def test_help_lists_the_format_choices(command: str, expected: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"], terminal_width=400)
    assert result.exit_code == 0
    assert expected in " ".join(result.output.split())


def test_check_is_interpreted_in_one_step() -> None:
    settings = interpret(check_arguments(format="table", output=Path("out.xml"), output_format="junit"), io.StringIO())
    assert (settings.command, settings.inputs, settings.stdout_format, settings.file_format) == (
        "check",
        (str(SEED),),
        "rich",
        "junit",
    )
    assert settings.to_stdout and settings.report.lang in ("fr", "en") and settings.fail_on == "not-admissible"
    assert settings.limits.max_depth == DEFAULTS["max_depth"]
    auto = interpret(check_arguments(lang="en", fail_on="warning"), io.StringIO())
    assert (auto.stdout_format, auto.file_format, auto.report.lang, auto.fail_on, auto.to_stdout) == (
        "concise",
        "concise",
        "en",
        "warning",
        True,
    )


def test_screen_is_interpreted_in_one_step() -> None:
    settings = interpret(screen_arguments(format="csv", csv_separator=";", lang="fr"), io.StringIO())
    assert (settings.command, settings.stdout_format, settings.report.csv_separator) == ("screen", "csv", ";")
    with pytest.raises(UserError) as refused:
        interpret(screen_arguments(csv_separator="|"), io.StringIO())
    assert refused.value.text.en == "--csv-sep: ',' ';' or tab"
    with pytest.raises(UserError) as unknown:
        interpret(check_arguments(format="csv"), io.StringIO())
    assert unknown.value.text.en == (
        "unknown format 'csv' (formats: auto, rich, json, markdown, html, json-lines, concise, github, junit, "
        "sarif, table)"
    )


def test_usage_errors_are_found_when_interpreting(tmp_path: Path) -> None:
    with pytest.raises(UserError) as overwrite:
        interpret(check_arguments(output=SEED), io.StringIO())
    assert overwrite.value.text.en == f"-o {SEED} would overwrite an input dossier: refused"
    with pytest.raises(UserError) as missing:
        interpret(check_arguments(files=(str(tmp_path / "nowhere.yaml"),)), io.StringIO())
    assert missing.value.text.en == f"no such path: {tmp_path}/nowhere.yaml"
    with pytest.raises(UserError) as fail_on:
        interpret(check_arguments(fail_on="never"), io.StringIO())
    assert fail_on.value.text.en == "unknown --fail-on 'never' (not-admissible, warning)"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("quick_options_script", ROOT / "scripts" / "quick_options.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_quick_option_table_is_generated_from_the_typer_declaration() -> None:
    generator = _generator()
    written = (ROOT / "src" / "ptce_check" / "cli" / "quick_options.py").read_text(encoding="utf-8")
    assert generator.table_text() == written, "run: python scripts/quick_options.py"


def test_the_quick_table_holds_types_bounds_repetition_and_defaults() -> None:
    from ptce_check.cli.quick_options import OPTIONS

    assert OPTIONS["--max-nodes"] == ("max_nodes", "int", 1, False)
    assert OPTIONS["-o"] == ("output", "path", None, False)
    assert OPTIONS["--reference"] == ("references", "str", None, True)
    assert OPTIONS["--debug"].kind == "flag"
    # `--fail-on` not given is None: the configuration file's, else not-admissible (cli/settings.py).
    assert (DEFAULTS["format"], DEFAULTS["fail_on"], DEFAULTS["references"]) == ("auto", None, ())


def test_to_dict_is_the_objects_check_writes_as_json() -> None:
    result = CliRunner().invoke(app, ["check", str(SEED), str(FAILING), "-f", "json", "--lang", "en"])
    written = json.loads(result.stdout)
    assert written == [assess_file(path).to_dict("en") for path in (SEED, FAILING)]


def test_one_verdict_tally() -> None:
    assessments = [assess_file(SEED), assess_file(FAILING), assess_file(FAILING)]
    assert tally(assessments) == {Verdict.ADMISSIBLE: 1, Verdict.NOT_ADMISSIBLE: 2, Verdict.INVALID: 0}
    result = CliRunner().invoke(app, ["check", str(SEED), str(FAILING), str(FAILING), "-f", "rich", "--lang", "en"])
    assert "3 dossiers: 1 admissible, 2 not admissible, 0 invalid" in result.stdout
