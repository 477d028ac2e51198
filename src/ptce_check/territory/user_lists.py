"""Reference lists supplied by the user for what no package ships: priority neighbourhoods
(QPV), rural revitalisation communes (ZRR / FRR), employment zones. `--reference KIND=FILE.csv`.

A list is a CSV file in UTF-8 (with or without BOM), separated by `,` or `;` (guessed from
the header line), with a header row naming its columns; other columns are ignored:

- `qpv`: `code` (QPV code, required), `name` (optional);
- `frr`: `commune` (INSEE code, required), `name` (optional);
- `employment_zones`: `code` (4 characters, required), `name`, `commune` (optional).

Any problem in a list is a usage error naming `file:line` (exit status 2): the reviewer's
evidence must be sound before a dossier is judged against it. A list is read like a dossier:
regular files only (never a FIFO, a device or a directory, which could block or never end) and
at most `--max-bytes` bytes (1 MiB by default).
"""

from __future__ import annotations

import io
import re
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Literal

from msgspec import Struct, field

from ptce_check.decoding import Limits, read_file
from ptce_check.errors import UserError
from ptce_check.findings import SourceError
from ptce_check.i18n import Text
from ptce_check.territory.codes import COMMUNE, EMPLOYMENT_ZONE, QPV
from ptce_check.textsafe import escape_all_controls

Kind = Literal["qpv", "frr", "employment_zones"]
KINDS: tuple[Kind, ...] = ("qpv", "frr", "employment_zones")
#: Per kind: the column holding the code, then the optional columns read.
COLUMNS: dict[Kind, tuple[str, tuple[str, ...]]] = {
    "qpv": ("code", ("name",)),
    "frr": ("commune", ("name",)),
    "employment_zones": ("code", ("name", "commune")),
}


class UserList(Struct, frozen=True):
    """One supplied list: its codes, their names and, when given, their communes."""

    kind: Kind
    label: str
    names: dict[str, str]
    communes: dict[str, frozenset[str]] = field(default_factory=dict)

    def __contains__(self, code: object) -> bool:
        return code in self.names


class UserReferences(Struct, frozen=True):
    qpv: UserList | None = None
    frr: UserList | None = None
    employment_zones: UserList | None = None


def _error(where: str, fr: str, en: str) -> UserError:
    return UserError(Text(f"{where}\u00a0: {fr}", f"{where}: {en}"))


def _patterns(kind: Kind) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(code pattern, commune pattern): the same as the dossier's own code checks."""
    return {"qpv": QPV, "frr": COMMUNE, "employment_zones": EMPLOYMENT_ZONE}[kind], COMMUNE


def _decode(raw: bytes, label: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise _error(f"{label}:{line}", "pas de l'UTF-8", "not UTF-8") from error


def _check_code(value: str, pattern: re.Pattern[str], column: str, where: str) -> None:
    if pattern.fullmatch(value):
        return
    lost_zero = column == "commune" and value.isdigit() and len(value) == 4
    advice = (
        (f" (zéro initial perdu par un tableur\u00a0? 0{value})", f" (leading zero lost by a spreadsheet? 0{value})")
        if lost_zero
        else ("", "")
    )
    shown = escape_all_controls(value)
    raise _error(
        where,
        f"colonne {column}\u00a0: « {shown} » mal formé{advice[0]}",
        f"column {column}: malformed '{shown}'{advice[1]}",
    )


def read_list_text(path: Path, limits: Limits) -> str:
    """A user-supplied CSV list (reference list, reviews) as text: a regular file only, within the
    size limit, with every problem a usage error naming the file."""
    label = _shown(path)
    _refuse_special(path, label)
    try:
        # Opened without blocking and checked again on the open file: it may have been replaced.
        raw = read_file(path, limits)
    except SourceError as error:
        message = error.finding.message
        if error.finding.code == "PTCE-F06":
            raise _error(
                label, f"{message.fr}\u00a0; --max-bytes relève la limite", f"{message.en}; --max-bytes raises it"
            ) from None
        raise _error(label, message.fr, message.en) from None
    return _decode(raw, label)


def _refuse_special(path: Path, label: str) -> None:
    """Only a regular file is opened: a FIFO would block, `/dev/zero` would never end."""
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or type(error).__name__
        raise _error(label, f"lecture impossible ({reason})", f"cannot read ({reason})") from None
    if stat.S_ISREG(mode):
        return
    what = ("un répertoire", "a directory") if stat.S_ISDIR(mode) else ("un fichier spécial", "a special file")
    raise _error(label, f"pas un fichier ordinaire ({what[0]})", f"not a regular file ({what[1]})")


def _shown(path: Path) -> str:
    return escape_all_controls(str(path))


def _header(rows: Iterator[list[str]], kind: Kind, label: str) -> list[str]:
    header = [name.strip().lower() for name in next(rows, [])]
    key = COLUMNS[kind][0]
    if key not in header:
        shown = escape_all_controls(", ".join(header)) or "aucune / none"
        raise _error(
            f"{label}:1",
            f"colonne « {key} » absente (colonnes lues\u00a0: {shown})",
            f"column '{key}' missing (columns read: {shown})",
        )
    return header


def read_list(kind: Kind, path: Path, limits: Limits | None = None) -> UserList:
    """Read and check one list; every problem is a UserError at `file:line`."""
    import csv  # only a screen given its own lists reads CSV

    label, text = _shown(path), read_list_text(path, limits or Limits())
    header_line = text.split("\n", 1)[0]
    rows = csv.reader(
        io.StringIO(text, newline=""), delimiter=";" if header_line.count(";") > header_line.count(",") else ","
    )
    key, optional = COLUMNS[kind]
    code_pattern, commune_pattern = _patterns(kind)
    names: dict[str, str] = {}
    communes: dict[str, set[str]] = {}
    try:
        header = _header(rows, kind, label)
        for row in rows:
            where = f"{label}:{rows.line_num}"
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise _error(
                    where, f"{len(row)} champs au lieu de {len(header)}", f"{len(row)} fields instead of {len(header)}"
                )
            cells = {name: cell.strip() for name, cell in zip(header, row, strict=True)}
            _check_code(cells[key], code_pattern, key, where)
            names.setdefault(cells[key], cells.get("name", ""))
            if "commune" in optional and cells.get("commune"):
                _check_code(cells["commune"], commune_pattern, "commune", where)
                communes.setdefault(cells[key], set()).add(cells["commune"])
    except csv.Error as error:
        reason = escape_all_controls(str(error))
        raise _error(f"{label}:{rows.line_num}", f"CSV illisible ({reason})", f"unreadable CSV ({reason})") from error
    if not names:
        raise _error(f"{label}:1", "liste vide", "empty list")
    return UserList(kind, str(path), names, {code: frozenset(found) for code, found in communes.items()})


def parse_spec(spec: str) -> tuple[Kind, Path]:
    """`qpv=quartiers.csv` -> ("qpv", Path("quartiers.csv"))."""
    name, separator, file = spec.partition("=")
    kinds = ", ".join(KINDS)
    if not separator or not file:
        shown = escape_all_controls(spec)
        raise UserError(
            Text(
                f"--reference {shown}\u00a0: forme attendue KIND=FICHIER.csv (KIND\u00a0: {kinds})",
                f"--reference {shown}: expected KIND=FILE.csv (KIND: {kinds})",
            )
        )
    for kind in KINDS:
        if name.strip() == kind:
            return kind, Path(file)
    shown = escape_all_controls(name)
    raise UserError(
        Text(f"--reference\u00a0: type « {shown} » inconnu ({kinds})", f"--reference: unknown kind '{shown}' ({kinds})")
    )


def load_user_references(specs: Sequence[str], limits: Limits | None = None) -> UserReferences | None:
    """The lists named on the command line, each read and checked (within the size limit of
    `limits`, as dossiers are); None when there are none."""
    lists: dict[Kind, UserList] = {}
    for spec in specs:
        kind, path = parse_spec(spec)
        if kind in lists:
            raise UserError(
                Text(f"--reference {kind} donné deux fois", f"--reference {kind} given twice"),
            )
        lists[kind] = read_list(kind, path, limits)
    if not lists:
        return None
    return UserReferences(lists.get("qpv"), lists.get("frr"), lists.get("employment_zones"))
