"""The library API: docs/api.md's examples run, the entry points take what they document, the
public names are exported (and only they, for type checkers too), and `to_dict` is the CLI's JSON."""

from __future__ import annotations

import doctest
import json
import subprocess
import sys
from pathlib import Path

import pytest

import ptce_check
from helpers import BASE_TEXT, ROOT

CENTRE = "examples/centre-isere.yaml"


def test_the_documented_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    failed, attempted = doctest.testfile(
        str(ROOT / "docs" / "api.md"), module_relative=False, optionflags=doctest.ELLIPSIS, verbose=False
    )
    assert attempted >= 20 and failed == 0


def test_the_done_when_command_prints_admissible() -> None:
    code = "import ptce_check as p; print(p.assess('examples/centre-isere.yaml').to_dict()['verdict'])"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout == "admissible\n"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_to_dict_is_the_object_the_cli_prints(lang: str) -> None:
    command = [sys.executable, "-m", "ptce_check", "check", CENTRE, "-f", "json", "--lang", lang]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0
    (printed,) = json.loads(done.stdout)
    assessment = ptce_check.assess_file(ROOT / CENTRE)
    expected = assessment.to_dict(lang)  # type: ignore[arg-type]
    assert printed == {**expected, "dossier": CENTRE}


def test_a_path_may_be_a_str_a_path_or_path_like(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    by_str = ptce_check.assess_file(CENTRE)
    by_path = ptce_check.assess(Path(CENTRE))
    assert by_str.verdict is by_path.verdict is ptce_check.Verdict.ADMISSIBLE
    assert by_str.dossier == by_path.dossier == CENTRE
    assert ptce_check.assess(CENTRE).to_dict() == by_str.to_dict()


def test_bytes_are_the_content_and_judged_as_the_file() -> None:
    from_bytes = ptce_check.assess(BASE_TEXT.encode("utf-8"), label="base.yaml")
    from_source = ptce_check.assess_source(BASE_TEXT.encode("utf-8"), "base.yaml")
    assert from_bytes.to_dict() == from_source.to_dict()
    assert from_bytes.verdict is ptce_check.Verdict.ADMISSIBLE
    assert ptce_check.assess(b"format: [\n").dossier == "<bytes>"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: ptce_check.assess_source(BASE_TEXT), "assess_source() takes the dossier's bytes, not str"),  # type: ignore[arg-type]
        (lambda: ptce_check.assess(3.5), "assess() takes a path (str or os.PathLike) or bytes, not float"),  # type: ignore[arg-type]
        (lambda: ptce_check.assess_file(b"x.yaml"), "assess_file() takes a path"),  # type: ignore[arg-type]
        (lambda: ptce_check.load_dossier(None), "load_dossier() takes a path"),  # type: ignore[arg-type]
        (lambda: ptce_check.load_call(7), "load_call() takes a call id or a path, not int"),  # type: ignore[arg-type]
    ],
)
def test_a_wrong_type_is_a_type_error_not_a_verdict(call: object, message: str) -> None:
    with pytest.raises(TypeError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        call()  # type: ignore[operator]


def test_a_call_file_path_like_is_read(tmp_path: Path) -> None:
    call = ptce_check.load_call(ROOT / "criteria" / "ptce-2015.yaml")
    assert call.call.id == "ptce-2015"
    assessment = ptce_check.assess(ROOT / CENTRE, call=ROOT / "criteria" / "ptce-2015.yaml")
    assert assessment.call == "ptce-2015" and assessment.blocking_codes == ("PTCE-E01",)


def test_every_public_name_resolves_and_nothing_else() -> None:
    for name in ptce_check.__all__:
        assert getattr(ptce_check, name) is not None
    assert {"Assessment", "Verdict", "Finding", "Severity", "Limits", "assess", "load_dossier"} <= set(
        ptce_check.__all__
    )
    assert set(ptce_check.__all__) <= set(dir(ptce_check))
    with pytest.raises(AttributeError, match="has no attribute 'assess_everything'"):
        ptce_check.assess_everything  # type: ignore[attr-defined]  # noqa: B018


@pytest.mark.parametrize("package", ["ptce_check.intake", "ptce_check.territory"])
def test_a_package_with_lazy_names_gives_each_from_its_module_and_refuses_others(package: str) -> None:
    """Each re-exported name is the very object of the module it comes from, and none of them is
    shadowed by a submodule of the same name."""
    import importlib
    import types

    module = importlib.import_module(package)
    for name in module.__all__:
        origin = importlib.import_module(module._LAZY[name])
        assert getattr(module, name) is getattr(origin, name), name
    for name in module.__all__:  # asked again, every module of the package imported
        assert not isinstance(getattr(module, name), types.ModuleType), name
    assert set(module._LAZY) == set(module.__all__)
    with pytest.raises(AttributeError, match=f"module '{package}' has no attribute 'nothing'"):
        module.nothing  # noqa: B018


def test_importing_the_package_imports_no_engine() -> None:
    code = "import sys, ptce_check; print(sorted(m for m in sys.modules if m.startswith(('ptce_check.', 'pydantic'))))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "[]\n"


def test_type_checkers_refuse_an_unknown_name(tmp_path: Path) -> None:
    from mypy import api

    sample = tmp_path / "use.py"
    sample.write_text("import ptce_check\nptce_check.assess_everything\nptce_check.Assessment\n", encoding="utf-8")
    out, _err, status = api.run(
        [str(sample), "--follow-imports=silent", "--no-incremental", "--cache-dir=/dev/null", "--no-error-summary"]
    )
    assert status == 1
    assert out.splitlines() == [f'{sample}:2: error: Module has no attribute "assess_everything"  [attr-defined]']
