"""Output files are replaced whole or not at all: a crash while rendering leaves the previous
file untouched and no temporary file; a reader never sees a part of the new one."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path
from typing import TextIO

import pytest
from typer.testing import CliRunner

from helpers import EXAMPLES
from ptce_check.atomic import write_atomically
from ptce_check.cli.commands import app
from ptce_check.cli.common import write_report
from ptce_check.errors import UserError
from ptce_check.reporters import json_report

runner = CliRunner()
OLD = '{"complete": "earlier report"}\n'
DOSSIER = str(EXAMPLES / "pole-sud-drome.yaml")


def _names(folder: Path) -> list[str]:
    return sorted(entry.name for entry in folder.iterdir())


class RenderingFailed(Exception):
    pass


def _half_then(error: BaseException) -> object:
    def write(stream: TextIO, *_: object) -> None:
        stream.write('{"partial": ')
        stream.flush()
        raise error

    return write


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    target = tmp_path / "report.json"
    target.write_text(OLD, encoding="utf-8")
    return target


@pytest.mark.parametrize("error", [RenderingFailed("boom"), KeyboardInterrupt()])
def test_a_renderer_failing_midway_leaves_the_previous_file_and_no_temporary(
    previous: Path, error: BaseException
) -> None:
    with pytest.raises(type(error)):
        write_atomically(previous, _half_then(error))  # type: ignore[arg-type]
    assert previous.read_text(encoding="utf-8") == OLD
    assert _names(previous.parent) == [previous.name]


def test_write_report_failing_midway_leaves_the_previous_file(previous: Path) -> None:
    with pytest.raises(RenderingFailed):
        write_report(previous, _half_then(RenderingFailed()))  # type: ignore[arg-type]
    assert previous.read_text(encoding="utf-8") == OLD
    assert _names(previous.parent) == [previous.name]


def test_check_o_with_a_crashing_renderer_keeps_the_earlier_report(
    previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(assessments: object, stream: TextIO, settings: object) -> None:
        stream.write('{"dossiers": [')
        raise RenderingFailed("crash while rendering")

    monkeypatch.setattr(json_report, "render", broken)
    result = runner.invoke(app, ["check", DOSSIER, "-f", "json", "-o", str(previous)])
    assert result.exit_code != 0
    assert previous.read_text(encoding="utf-8") == OLD
    assert _names(previous.parent) == [previous.name]


def test_a_reader_sees_the_old_file_until_the_new_one_is_complete(previous: Path) -> None:
    halfway, checked = threading.Event(), threading.Event()
    seen: list[str] = []

    def slow_writer(stream: TextIO) -> None:
        stream.write('{"complete": ')
        stream.flush()
        halfway.set()
        assert checked.wait(10)
        stream.write('"new report"}\n')

    def reader() -> None:
        assert halfway.wait(10)
        seen.append(previous.read_text(encoding="utf-8"))
        checked.set()

    before = previous.stat().st_ino
    thread = threading.Thread(target=reader)
    thread.start()
    write_atomically(previous, slow_writer)
    thread.join()
    assert seen == [OLD]
    assert json.loads(previous.read_text(encoding="utf-8")) == {"complete": "new report"}
    assert previous.stat().st_ino != before
    assert _names(previous.parent) == [previous.name]


def test_check_and_schema_replace_the_file_by_a_complete_one(previous: Path) -> None:
    before = previous.stat().st_ino
    assert runner.invoke(app, ["schema", "-o", str(previous)]).exit_code == 0
    assert "properties" in json.loads(previous.read_text(encoding="utf-8"))
    middle = previous.stat().st_ino
    assert middle != before
    result = runner.invoke(app, ["check", DOSSIER, "-f", "json", "-o", str(previous)])
    assert result.exit_code in (0, 1)
    assert json.loads(previous.read_text(encoding="utf-8"))
    assert previous.stat().st_ino != middle
    assert _names(previous.parent) == [previous.name]


def test_screen_o_replaces_the_file_whole(previous: Path) -> None:
    before = previous.stat().st_ino
    result = runner.invoke(app, ["screen", str(EXAMPLES / "pole-sud-drome.yaml"), "-f", "json", "-o", str(previous)])
    assert result.exit_code in (0, 1), result.output
    assert json.loads(previous.read_text(encoding="utf-8"))
    assert previous.stat().st_ino != before
    assert _names(previous.parent) == [previous.name]


def test_a_new_file_gets_the_usual_permissions_and_a_replaced_one_keeps_its_own(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.json"
    umask = os.umask(0o022)
    try:
        write_atomically(fresh, lambda stream: stream.write("{}"))
    finally:
        os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
    fresh.chmod(0o600)
    write_atomically(fresh, lambda stream: stream.write("[]"))
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600
    assert fresh.read_text(encoding="utf-8") == "[]"


def test_exclusive_creation_refuses_an_existing_file_or_link(previous: Path) -> None:
    with pytest.raises(FileExistsError):
        write_atomically(previous, lambda stream: stream.write("new"), exclusive=True)
    dangling = previous.parent / "dangling.yaml"
    dangling.symlink_to(previous.parent / "nowhere.yaml")
    with pytest.raises(FileExistsError):
        write_atomically(dangling, lambda stream: stream.write("new"), exclusive=True)
    assert previous.read_text(encoding="utf-8") == OLD
    assert _names(previous.parent) == ["dangling.yaml", previous.name]
    created = previous.parent / "created.yaml"
    write_atomically(created, lambda stream: stream.write("new"), exclusive=True)
    assert created.read_text(encoding="utf-8") == "new"


def test_init_refuses_without_force_and_replaces_whole_with_it(tmp_path: Path) -> None:
    target = tmp_path / "dossier.yaml"
    target.write_text("mine\n", encoding="utf-8")
    assert runner.invoke(app, ["init", str(target)]).exit_code == 2
    assert target.read_text(encoding="utf-8") == "mine\n"
    before = target.stat().st_ino
    assert runner.invoke(app, ["init", str(target), "--force"]).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# yaml-language-server")
    assert target.stat().st_ino != before
    assert not [name for name in _names(tmp_path) if name.endswith(".tmp")]


def test_a_target_that_is_not_a_regular_file_is_written_as_a_stream() -> None:
    write_atomically(Path(os.devnull), lambda stream: stream.write("ignored"))
    assert stat.S_ISCHR(Path(os.devnull).stat().st_mode)


def test_a_folder_that_cannot_be_written_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UserError) as raised:
        write_report(tmp_path / "missing" / "report.json", lambda stream, _color: None)
    assert "écriture impossible" in raised.value.text.fr
