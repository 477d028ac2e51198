"""Which files a screen covers: files and folders (recursively), `*.yaml`/`*.yml`, minus
`--exclude` globs, in a stable sorted order. An online-form export given by name (`.xlsx`, `.ods`,
`.xls`, `.csv`; never found in a folder, where reports are written too) is read once, here, and
each of its applications becomes a candidate of its own (`export.xlsx#ID`).

Symbolic links are never followed out of the folders given: a link to a file elsewhere, or a
dangling link, becomes a row of its own (invalid, with the reason); links to folders are not
descended. A folder named like a dossier (`x.yaml`) is reported as a row, not descended.
FIFOs, sockets and devices are skipped with a note: opening them could block.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec import Struct, field

from ptce_check.i18n import Text

if TYPE_CHECKING:  # the export reader is imported only when an export is screened
    from ptce_check.intake.convert import ImportedDossier
    from ptce_check.intake.form import Form

SUFFIXES = (".yaml", ".yml")
EXPORT_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")


class ExportReading(Struct, frozen=True):
    """How the exports of a screen are read: the funder's form (None: the reference form), the
    call, one application only (`--id`), and where the import's warnings go (said once each)."""

    form: Form | None = None
    call: str | None = None
    application_id: str | None = None
    warn: Callable[[Text], None] | None = None


class Candidate(Struct, frozen=True):
    """One entry to screen. Its path is kept as text: a batch holds one candidate per file until
    it is screened, and a `Path` with its parts costs several times the bytes of its text."""

    name: str
    #: Why this entry cannot be read as a dossier, decided without opening it (None: read it).
    refusal: Text | None = None
    code: str = "PTCE-F12"
    #: An application of an export, already read (its name is `export.xlsx#ID`).
    imported: ImportedDossier | None = None

    @property
    def path(self) -> Path:
        return Path(self.name)


class Discovery(Struct):
    candidates: list[Candidate] = field(default_factory=list)
    #: Entries left out, with the reason (special files).
    skipped: list[tuple[Path, Text]] = field(default_factory=list)


def _excluded(path: Path, patterns: list[str]) -> bool:
    text = path.as_posix()
    return any(fnmatch.fnmatch(text, p) or fnmatch.fnmatch(path.name, p) for p in patterns)


def _classify(path: Path, root: Path | None, discovery: Discovery) -> None:
    try:
        info = path.lstat()
    except OSError as error:
        discovery.candidates.append(
            Candidate(str(path), Text(f"lecture impossible\u00a0: {error.strerror}", f"cannot read: {error.strerror}"))
        )
        return
    if stat.S_ISLNK(info.st_mode):
        _classify_link(path, root, discovery)
    elif stat.S_ISDIR(info.st_mode):
        discovery.candidates.append(
            Candidate(
                str(path),
                Text("répertoire nommé comme un dossier\u00a0: non lu", "directory named like a dossier: not read"),
            )
        )
    elif stat.S_ISREG(info.st_mode):
        discovery.candidates.append(Candidate(str(path)))
    else:
        discovery.skipped.append(
            (
                path,
                Text(
                    "fichier spécial (tube, socket, périphérique) ignoré", "special file (FIFO, socket, device) skipped"
                ),
            )
        )


def _classify_link(path: Path, root: Path | None, discovery: Discovery) -> None:
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        discovery.candidates.append(Candidate(str(path), Text("lien symbolique cassé", "broken symbolic link")))
        return
    if root is not None and not target.is_relative_to(root.resolve()):
        discovery.candidates.append(
            Candidate(
                str(path),
                Text(
                    "lien symbolique vers l'extérieur du répertoire examiné\u00a0: non suivi",
                    "symbolic link leading outside the screened folder: not followed",
                ),
            )
        )
    elif target.is_dir():
        discovery.skipped.append(
            (
                path,
                Text(
                    "lien symbolique vers un répertoire\u00a0: non parcouru",
                    "symbolic link to a directory: not descended",
                ),
            )
        )
    elif target.is_file():
        discovery.candidates.append(Candidate(str(path)))
    else:
        discovery.skipped.append((path, Text("lien vers un fichier spécial ignoré", "link to a special file skipped")))


def discover(paths: list[Path], excludes: list[str] | None = None, exports: ExportReading | None = None) -> Discovery:
    """Every candidate under `paths`, sorted, each path once. An export that cannot be read, or
    lacks a required column, is a UserError: nothing of it could be screened."""
    patterns = excludes or []
    discovery = Discovery()
    for given in paths:
        if _is_folder(given):
            _walk(given, patterns, discovery)
        elif _excluded(given, patterns):
            continue
        elif given.suffix.lower() in EXPORT_SUFFIXES:
            _import(given, exports or ExportReading(), discovery)
        else:
            _classify(given, None, discovery)
    unique = {candidate.path: candidate for candidate in discovery.candidates}
    discovery.candidates = [unique[path] for path in sorted(unique)]
    discovery.skipped.sort(key=lambda item: item[0])
    return discovery


def _is_folder(path: Path) -> bool:
    """A real directory, not a link to one; false for a name the system refuses (too long)."""
    try:
        return stat.S_ISDIR(path.lstat().st_mode)
    except (OSError, ValueError):
        return False


def _walk(root: Path, patterns: list[str], discovery: Discovery) -> None:
    for directory, folders, files in os.walk(root, followlinks=False):
        base = Path(directory)
        named = sorted(name for name in folders + files if name.endswith(SUFFIXES))
        folders[:] = sorted(f for f in folders if not f.endswith(SUFFIXES) and not _excluded(base / f, patterns))
        for name in named:
            path = base / name
            if not _excluded(path, patterns):
                _classify(path, root, discovery)


def _import(export: Path, reading: ExportReading, discovery: Discovery) -> None:
    from ptce_check.intake import REFERENCE_FORM, find_application, import_export

    result = import_export(export, form=reading.form or REFERENCE_FORM, call=reading.call)
    for warning in result.warnings:
        if reading.warn is not None:
            reading.warn(warning)
    chosen = result.dossiers if reading.application_id is None else [find_application(result, reading.application_id)]
    discovery.candidates.extend(Candidate(imported.label, imported=imported) for imported in chosen)
