"""`--format sarif`: SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it.

One run; the driver lists one rule descriptor per code found (its title, for hard rules the
legal sources cited by the calls, and as `help.markdown` the code's explanation, the text of
`ptce-check explain`); each finding is a result located by a URI relative to the repository's
root (`%SRCROOT%`, defined in `originalUriBaseIds`: `GITHUB_WORKSPACE`, else git's top level,
else the current directory; a file outside it is an absolute `file:` URI), a 1-based line and
column counted in Unicode code points, and a fingerprint that does not depend on the line.

No `informationUri` nor `helpUri`: SARIF requires absolute URIs there, and the project has no
published address yet (no `Project-URL` in pyproject.toml); the help is carried in the log.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath
from typing import Any, TextIO
from urllib.parse import quote

from msgspec import Struct, field

from ptce_check import __version__
from ptce_check.assessment import Assessment
from ptce_check.codes import CODES
from ptce_check.explanations import explanations, markdown
from ptce_check.findings import Finding, Severity, format_path
from ptce_check.i18n import COLON, Lang, Text
from ptce_check.reporters.base import ReportSettings
from ptce_check.reporters.locations import cell_fields, position, relative_path, source_file, with_cell
from ptce_check.textsafe import escape_json_invisible

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SOURCE = Text("Source", "Source")


def _path_bytes(path: str) -> bytes:
    """The file name's bytes: a name that is not UTF-8 holds lone surrogates (`os.fsdecode`)."""
    try:
        return os.fsencode(path)
    except UnicodeEncodeError:  # a surrogate that no undecodable byte gives
        return path.encode("utf-8", "surrogatepass")


SRCROOT = "%SRCROOT%"
#: Git's answer must come quickly: a report is never held up by a slow or hostile repository.
GIT_TIMEOUT_SECONDS = 5


def repository_root(environ: dict[str, str] | None = None) -> Path:
    """`%SRCROOT%`: `GITHUB_WORKSPACE` in GitHub Actions, else the git top level of the current
    directory, else the current directory itself."""
    env = os.environ if environ is None else environ
    workspace = env.get("GITHUB_WORKSPACE")
    if workspace and Path(workspace).is_absolute() and Path(workspace).is_dir():
        return Path(os.path.normpath(workspace))
    return _git_top_level() or Path.cwd()


def _git_top_level() -> Path | None:
    """`git rev-parse --show-toplevel`, run without a shell, input, locks or fsmonitor hook."""
    git = shutil.which("git")
    if git is None:
        return None
    command = [git, "-c", "core.fsmonitor=false", "rev-parse", "--show-toplevel"]
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "GIT_TERMINAL_PROMPT": "0"}
    try:
        done = subprocess.run(
            command, stdin=subprocess.DEVNULL, capture_output=True, timeout=GIT_TIMEOUT_SECONDS, env=env, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    top = os.fsdecode(done.stdout.rstrip(b"\n"))
    return Path(top) if done.returncode == 0 and top and Path(top).is_absolute() else None


def _file_uri(path: str) -> str:
    """An absolute path as a `file:` URI; a folder's ends with `/` (SARIF §3.14.14)."""
    return "file://" + quote(_path_bytes(PurePosixPath(path).as_posix()), safe="/")


def artifact_location(dossier: str, root: Path | None = None) -> dict[str, str]:
    """A URI relative to the repository's root under `%SRCROOT%`, or an absolute `file:` URI
    for a path outside it (never `../`); each byte of the name that is not an unreserved ASCII
    character is percent-encoded (RFC 3986)."""
    base = root or Path.cwd()
    absolute = Path(os.path.normpath(Path.cwd() / dossier))
    try:
        inside = absolute.relative_to(base)
    except ValueError:
        return {"uri": _file_uri(str(absolute))}
    path = relative_path(str(inside), base)
    return {"uri": quote(_path_bytes(path), safe="/"), "uriBaseId": SRCROOT}


def fingerprint(code: str, location: dict[str, str], finding_path: str, occurrence: int) -> str:
    """Stable across runs and line moves: the code, the file, the finding's path in the dossier
    (`members[2].siren`) and which occurrence of that triple it is; never the line or message."""
    key = "\0".join((code, location["uri"], finding_path, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def rule_name(title: Text) -> str:
    """A readable identifier from the English title: `AtLeastOneESSEnterprise`."""
    words = re.findall(r"[A-Za-z0-9]+", title.en)
    return "".join(word[:1].upper() + word[1:] for word in words)


class RuleInfo(Struct, frozen=True):
    title: Text
    severity: Severity
    sources: list[str] = field(default_factory=list)


#: Between the sources of a rule (French citations, whatever the language).
_SEPARATOR = Text("\u00a0; ", "; ")


def _rules(assessments: Sequence[Assessment]) -> dict[str, RuleInfo]:
    """What is known of each code: its title (from the code list, or from the call file for a
    call's own rule) and the legal sources the calls cite for it, each named once."""
    rules = {code: RuleInfo(info.title, info.severity) for code, info in CODES.items()}
    for assessment in assessments:
        for rule in assessment.rules:
            info = rules.setdefault(rule.code, RuleInfo(rule.title, Severity.ERROR))
            entry = f"{assessment.call}\u00a0: {rule.source}" if assessment.call else rule.source
            if entry not in info.sources:
                info.sources.append(entry)
    return rules


def rule_descriptor(code: str, info: RuleInfo, lang: Lang) -> dict[str, Any]:
    title = info.title.get(lang)
    sources = _SEPARATOR.get(lang).join(info.sources)
    help_text = f"{title}. {SOURCE.get(lang)}{COLON.get(lang)} {sources}" if info.sources else title
    help_entry = {"text": help_text}
    explained = explanations().get(code)
    if explained is not None:
        help_entry["markdown"] = markdown(explained, lang)
    return {
        "id": code,
        "name": rule_name(info.title),
        "shortDescription": {"text": title},
        "fullDescription": {"text": help_text},
        "help": help_entry,
        "defaultConfiguration": {"level": LEVELS[info.severity]},
    }


def result(
    assessment: Assessment, finding: Finding, index: int, lang: Lang, context: LogContext | None = None
) -> dict[str, Any]:
    context = context or LogContext(repository_root())
    where = position(finding)
    message = with_cell(finding, finding.message.get(lang), lang)
    if finding.hint is not None:
        message += f"\n→ {finding.hint.get(lang)}"
    entry: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index,
        "level": LEVELS[finding.severity],
        "message": {"text": message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": context.location(source_file(assessment.dossier, finding)),
                    "region": {"startLine": where.line, "startColumn": where.column},
                }
            }
        ],
        "properties": {"verdict": assessment.verdict.value, "path": format_path(finding.path), **cell_fields(finding)},
    }
    location = entry["locations"][0]["physicalLocation"]["artifactLocation"]
    entry["partialFingerprints"] = context.fingerprints(finding.code, location, format_path(finding.path))
    return entry


class LogContext(Struct):
    """What the results of one log share: the root their URIs are relative to, and how many
    times each fingerprint key has been seen (two findings with the same code on the same value)."""

    root: Path
    seen: dict[tuple[str, str, str], int] = field(default_factory=dict)

    def location(self, dossier: str) -> dict[str, str]:
        return artifact_location(dossier, self.root)

    def fingerprints(self, code: str, location: dict[str, str], finding_path: str) -> dict[str, str]:
        key = (code, location["uri"], finding_path)
        occurrence = self.seen.get(key, 0)
        self.seen[key] = occurrence + 1
        return {"ptceFinding/v1": fingerprint(code, location, finding_path, occurrence)}


def sarif_log(assessments: Sequence[Assessment], lang: Lang, root: Path | None = None) -> dict[str, Any]:
    known = _rules(assessments)
    codes = sorted({f.code for a in assessments for f in a.findings})
    index = {code: i for i, code in enumerate(codes)}
    context = LogContext(root or repository_root())
    results = [result(a, f, index[f.code], lang, context) for a in assessments for f in a.findings]
    driver = {
        "name": "ptce-check",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [rule_descriptor(code, known[code], lang) for code in codes],
    }
    run = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {SRCROOT: {"uri": _file_uri(str(context.root)).rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render(assessments: Iterable[Assessment], stream: TextIO, settings: ReportSettings) -> None:
    document = json.dumps(sarif_log(list(assessments), settings.lang), ensure_ascii=False, allow_nan=False, indent=2)
    stream.write(escape_json_invisible(document))
    stream.write("\n")
