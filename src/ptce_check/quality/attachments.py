"""Attachments stay inside the dossier's folder (PTCE-D13: no absolute path, no `..`, no
symbolic link leading out) and exist (PTCE-D14). Read from standard input, a dossier has no
folder and existence is not checked.

PASS: ``path: annexes/statuts.pdf`` with that file next to the dossier.
FAIL: ``path: ../../etc/passwd`` (PTCE-D13); ``path: annexes/absent.pdf`` (PTCE-D14). A path the
system cannot even look up (a name too long, a folder that cannot be read) is PTCE-D14 too, with
the reason: no such file can be found there.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Iterator
from pathlib import Path, PurePosixPath, PureWindowsPath

from ptce_check.codes import finding
from ptce_check.context import Context
from ptce_check.findings import Finding
from ptce_check.i18n import Text
from ptce_check.kinds import Example
from ptce_check.textsafe import escape_all_controls

CODES = ("PTCE-D13", "PTCE-D14")

_DRIVE = re.compile(r"^[A-Za-z]:")


def escapes_folder(relative: str) -> bool:
    """True for absolute paths (POSIX or Windows), drive letters and any `..` component."""
    if not relative or relative.startswith(("/", "\\", "~")) or _DRIVE.match(relative) or "\x00" in relative:
        return True
    parts = PureWindowsPath(relative).parts + PurePosixPath(relative).parts
    return ".." in parts


def _inside(folder: Path, relative: str) -> bool:
    try:
        resolved = (folder / relative).resolve()
        return resolved.is_relative_to(folder.resolve())
    except (OSError, RuntimeError, ValueError):
        return False


def run(context: Context) -> Iterator[Finding]:
    for index, attachment in enumerate(context.view.attachments):
        path = ("attachments", index, "path")
        shown = escape_all_controls(attachment.path)
        if escapes_folder(attachment.path) or (
            context.folder is not None and not _inside(context.folder, attachment.path)
        ):
            yield finding(
                "PTCE-D13",
                path,
                Text(
                    f"le chemin « {shown} » sort du dossier du fichier", f"path '{shown}' leaves the dossier's folder"
                ),
                Text(
                    "donnez un chemin relatif au dossier, sans « .. » (ex. annexes/statuts.pdf)",
                    "give a path relative to the dossier's folder, without '..' (e.g. annexes/statuts.pdf)",
                ),
            )
        elif context.folder is not None and (missing := _missing(context.folder / attachment.path, shown)):
            yield finding("PTCE-D14", path, *missing)


def _missing(file: Path, shown: str) -> tuple[Text, Text] | None:
    """Why the attachment cannot be found (message, hint), or None when it is a file."""
    try:
        if file.is_file():
            return None
    except OSError as error:
        if error.errno == errno.ENAMETOOLONG:
            return (
                Text(
                    f"pièce jointe « {shown} » introuvable\u00a0: nom trop long pour le système de fichiers",
                    f"attachment '{shown}' not found: name too long for the file system",
                ),
                Text(
                    "raccourcissez le nom du fichier ou du dossier (255 octets au plus par nom)",
                    "shorten the file or folder name (at most 255 bytes per name)",
                ),
            )
        reason = escape_all_controls(error.strerror or "")
        return (
            Text(f"pièce jointe « {shown} » introuvable\u00a0: {reason}", f"attachment '{shown}' not found: {reason}"),
            Text("vérifiez le chemin et les droits de lecture", "check the path and the read permissions"),
        )
    return (
        Text(f"pièce jointe « {shown} » introuvable", f"attachment '{shown}' not found"),
        Text("le chemin est relatif au dossier du fichier YAML", "the path is relative to the YAML file's folder"),
    )


EXAMPLES = (
    Example("attachments: [{kind: statutes, path: annexes/statuts.txt}]"),
    Example(
        """\
        attachments:
          - {kind: statutes, path: ../../etc/passwd}
          - {kind: statutes, path: /etc/passwd}
          - {kind: statutes, path: annexes/absent.pdf}
        """,
        findings=(("PTCE-D13", 2), ("PTCE-D13", 3), ("PTCE-D14", 4)),
    ),
)
