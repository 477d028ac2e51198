"""Rebuild the administrative reference data shipped in ptce-check from the npm package
`@etalab/decoupage-administratif` (data: Licence Ouverte; code: MIT).

The tool never runs this: it reads the compact file this script writes
(`src/ptce_check/territory/decoupage.tsv`, tab-separated UTF-8 text, so that a new vintage is a
reviewable diff; `src/ptce_check/territory/table.py` describes its format). Give a package
version (fetched with `npm pack` into a temporary folder) or the path of an already unpacked
package:

    python scripts/build_reference.py 6.0.0             # rewrite the shipped file from version 6.0.0
    python scripts/build_reference.py /tmp/package      # ... from an unpacked package
    python scripts/build_reference.py --check           # rebuild the version the shipped file records
                                                        # and compare: exit 1 if it differs

The output is deterministic: rows sorted by code, `\n` line ends, nothing from the clock.
The data vintage (COG year) is read from the package README's table of versions, or given
with `--vintage`.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

PACKAGE = "@etalab/decoupage-administratif"
LICENCE = "Licence Ouverte / Open Licence (données), MIT (code)"
FORMAT = "ptce-check-reference/2"
OUTPUT = Path(__file__).resolve().parents[1] / "src" / "ptce_check" / "territory" / "decoupage.tsv"
PARTS = {"commune-deleguee": "deleguee", "commune-associee": "associee"}


class BuildError(Exception):
    """The package cannot be read or is not what it claims to be."""


def _load(folder: Path, name: str) -> Any:
    path = folder / "data" / f"{name}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BuildError(f"{path}: {error}") from error


def read_vintage(folder: Path, version: str) -> int:
    """The year whose row in the README's table of versions names this version."""
    readme = (folder / "README.md").read_text(encoding="utf-8") if (folder / "README.md").is_file() else ""
    match = re.search(rf"^\|\s*(\d{{4}})\s*\|\s*{re.escape(version)}\s*\|", readme, re.MULTILINE)
    if match is None:
        raise BuildError(f"vintage of version {version} not found in the README; give --vintage YEAR")
    return int(match.group(1))


def _row(*fields: object) -> str:
    cells = ["" if field is None else str(field) for field in fields]
    if any("\t" in cell or "\n" in cell for cell in cells):
        raise BuildError(f"tab or newline in a field: {cells}")
    return "\t".join(cells)


def _memberships(groups: list[dict[str, Any]]) -> dict[str, list[str]]:
    """The SIRENs of the intercommunalities each commune code is a member of, in SIREN order."""
    sirens: dict[str, list[str]] = {}
    for g in sorted(groups, key=lambda g: g["code"]):
        for member in g["membres"]:
            sirens.setdefault(member["code"], []).append(g["code"])
    return sirens


def _commune_row(c: dict[str, Any], place: str, member_of: dict[str, list[str]]) -> str:
    postal_codes = " ".join(c.get("codesPostaux", []))
    return _row(c["code"], c["nom"], place, c.get("population"), postal_codes, " ".join(member_of.get(c["code"], [])))


def _communes(communes: list[dict[str, Any]], groups: list[dict[str, Any]]) -> Iterable[str]:
    """Each commune's line ends with its intercommunalities, so that the tool finds them by one
    binary search instead of indexing every EPCI's member list first."""
    member_of = _memberships(groups)
    yield "[communes]"
    current = sorted((c for c in communes if c["type"] == "commune-actuelle"), key=lambda c: c["code"])
    yield from (_commune_row(c, c["departement"], member_of) for c in current)
    yield "[arrondissements]"
    districts = sorted((c for c in communes if c["type"] == "arrondissement-municipal"), key=lambda c: c["code"])
    yield from (_commune_row(c, c["commune"], member_of) for c in districts)


def _former(communes: list[dict[str, Any]]) -> Iterable[str]:
    """Codes that are no longer communes: the current commune each belongs to, with its name
    and status when it lives on as a commune déléguée or associée."""
    current = {c["code"] for c in communes if c["type"] == "commune-actuelle"}
    former: dict[str, tuple[str, str, str]] = {}
    for c in communes:
        for old in c.get("anciensCodes", []):
            former[old] = (c["code"], "ancienne", "")
    for c in communes:
        if c["type"] in PARTS and c["code"] not in current:
            former[c["code"]] = (c["chefLieu"], PARTS[c["type"]], c["nom"])
    yield "[former]"
    for code in sorted(former):
        yield _row(code, *former[code])


def _epcis(groups: list[dict[str, Any]]) -> Iterable[str]:
    yield "[epcis]"
    for g in sorted(groups, key=lambda g: g["code"]):
        members = " ".join(sorted(m["code"] for m in g["membres"]))
        yield _row(g["code"], g["type"], g["nom"], members)


def build_text(folder: Path, vintage: int | None = None) -> str:
    """The reference file's text, from an unpacked package folder."""
    try:
        package = json.loads((folder / "package.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BuildError(f"{folder}: no readable package.json ({error})") from error
    if package.get("name") != PACKAGE:
        raise BuildError(f"{folder} holds {package.get('name')!r}, not {PACKAGE}")
    version = str(package["version"])
    year = vintage if vintage is not None else read_vintage(folder, version)
    communes = _load(folder, "communes")
    groups = _load(folder, "epci") + (_load(folder, "ept") if (folder / "data" / "ept.json").is_file() else [])
    lines = [
        f"#{FORMAT}",
        _row("source", PACKAGE),
        _row("version", version),
        _row("vintage", year),
        _row("licence", LICENCE),
        "[regions]",
        *(_row(r["code"], r["nom"]) for r in sorted(_load(folder, "regions"), key=lambda r: r["code"])),
        "[departements]",
        *(
            _row(d["code"], d["nom"], d["region"])
            for d in sorted(_load(folder, "departements"), key=lambda d: d["code"])
        ),
        *_communes(communes, groups),
        *_former(communes),
        *_epcis(groups),
    ]
    return "\n".join(lines) + "\n"


def fetch(version: str, into: Path) -> Path:
    """`npm pack` the given version into `into` and unpack it; returns the package folder."""
    try:
        subprocess.run(
            ["npm", "pack", f"{PACKAGE}@{version}", "--pack-destination", str(into), "--silent"],
            check=True,
            capture_output=True,
            text=True,
        )
    except (OSError, subprocess.CalledProcessError) as error:
        raise BuildError(f"npm pack {PACKAGE}@{version} failed: {getattr(error, 'stderr', error)}") from error
    tarball = next(into.glob("*.tgz"))
    with tarfile.open(tarball) as archive:
        archive.extractall(into, filter="data")
    return into / "package"


def recorded_version(path: Path) -> str:
    """The package version a reference file was built from (its `version` header line)."""
    try:
        head = path.read_text(encoding="utf-8").split("\n[", 1)[0]
    except OSError as error:
        raise BuildError(f"{path}: {error.strerror}; give a version") from error
    for line in head.split("\n"):
        if line.startswith("version\t"):
            return line.split("\t", 1)[1]
    raise BuildError(f"{path} records no version; give one")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "source", nargs="?", help="package version (e.g. 6.0.0) or unpacked package; default: the recorded version"
    )
    parser.add_argument("--output", type=Path, default=OUTPUT, help="file to write (default: the shipped one)")
    parser.add_argument("--vintage", type=int, help="COG year, when the README does not give it")
    parser.add_argument("--check", action="store_true", help="compare with --output instead of writing it")
    args = parser.parse_args(argv)
    try:
        source = args.source or recorded_version(args.output)
        with tempfile.TemporaryDirectory() as temporary:
            folder = Path(source) if Path(source).is_dir() else fetch(source, Path(temporary))
            text = build_text(folder, args.vintage)
    except BuildError as error:
        print(f"build_reference: {error}", file=sys.stderr)
        return 2
    if args.check:
        same = args.output.is_file() and args.output.read_bytes() == text.encode("utf-8")
        print(f"{args.output}: {'identical' if same else 'DIFFERENT'} to the rebuild from {source}")
        return 0 if same else 1
    args.output.write_bytes(text.encode("utf-8"))
    print(f"{args.output}: {len(text.splitlines())} lines, {args.output.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
