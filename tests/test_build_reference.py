"""`scripts/build_reference.py`: the shipped data file is rebuilt, byte for byte, from the npm
package `@etalab/decoupage-administratif`.

The small package under `tests/fixtures/decoupage/` has the npm package's exact shape (records
copied from version 6.0.0). The full rebuild needs the real package: CI and maintainers run
`python scripts/build_reference.py --check` (npm fetches the recorded version), or set
`PTCE_DECOUPAGE_PACKAGE` to an unpacked copy to run the comparison here.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
from pathlib import Path
from types import ModuleType

import pytest

from helpers import FIXTURES, ROOT
from ptce_check.territory import DATA_FILE
from ptce_check.territory import OfficialData as Reference

PACKAGE = FIXTURES / "decoupage"
SHIPPED = ROOT / "src" / "ptce_check" / "territory" / DATA_FILE


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_reference", ROOT / "scripts" / "build_reference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _script()


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "package"
    shutil.copytree(PACKAGE, folder)
    return folder


def test_rebuild_of_the_fixture_package_is_the_expected_file() -> None:
    assert build.build_text(PACKAGE) == (PACKAGE / "expected.tsv").read_text(encoding="utf-8")


def test_the_rebuild_is_what_the_lookups_read() -> None:
    data = Reference(build.build_text(PACKAGE))
    assert (data.meta.version, data.meta.vintage) == ("6.0.0", 2026)
    le_pin = data.former("38305")
    assert le_pin is not None and le_pin.current.name == "Villages du Lac de Paladru"
    romans = data.epci("200068781")
    assert romans is not None and romans.communes == ("26057", "26281")
    assert data.epcis_of("26057") == (romans,) and data.epcis_of("13201") == ()


def test_the_vintage_comes_from_the_readme_or_the_option(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "README.md").write_text("# no table\n", encoding="utf-8")
    with pytest.raises(build.BuildError, match="give --vintage"):
        build.build_text(folder)
    assert "vintage\t2031\n" in build.build_text(folder, 2031)


def test_another_package_is_refused(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "package.json").write_text(json.dumps({"name": "left-pad", "version": "1.0.0"}), encoding="utf-8")
    with pytest.raises(build.BuildError, match="not @etalab/decoupage-administratif"):
        build.build_text(folder)


def test_a_field_with_a_tab_is_refused(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    regions = folder / "data" / "regions.json"
    regions.write_text(regions.read_text(encoding="utf-8").replace("Corse", "Cor\\tse"), encoding="utf-8")
    with pytest.raises(build.BuildError, match="tab or newline"):
        build.build_text(folder)


def test_check_mode_compares_without_writing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "decoupage.tsv"
    assert build.main([str(PACKAGE), "--output", str(output)]) == 0
    assert output.read_bytes() == (PACKAGE / "expected.tsv").read_bytes()
    assert build.main([str(PACKAGE), "--output", str(output), "--check"]) == 0
    output.write_text(output.read_text(encoding="utf-8").replace("Voiron", "Voiron2"), encoding="utf-8")
    assert build.main([str(PACKAGE), "--output", str(output), "--check"]) == 1
    assert "DIFFERENT" in capsys.readouterr().out
    assert build.main([str(tmp_path / "absent"), "--output", str(output)]) == 2


def test_the_shipped_file_records_the_version_it_was_built_from() -> None:
    assert build.recorded_version(SHIPPED) == "6.0.0"
    head = SHIPPED.read_text(encoding="utf-8").split("\n[", 1)[0].split("\n")
    assert head == [
        "#ptce-check-reference/2",
        "source\t@etalab/decoupage-administratif",
        "version\t6.0.0",
        "vintage\t2026",
        "licence\tLicence Ouverte / Open Licence (données), MIT (code)",
    ]


@pytest.mark.skipif(
    "PTCE_DECOUPAGE_PACKAGE" not in os.environ,
    reason="full rebuild needs the npm package: set PTCE_DECOUPAGE_PACKAGE to an unpacked "
    "@etalab/decoupage-administratif, or run `python scripts/build_reference.py --check`",
)
def test_full_rebuild_is_identical_to_the_shipped_file() -> None:
    folder = Path(os.environ["PTCE_DECOUPAGE_PACKAGE"])
    assert build.build_text(folder).encode("utf-8") == SHIPPED.read_bytes()
