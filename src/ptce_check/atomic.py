"""Output files are replaced whole or not at all.

Every file the tool writes (`-o` of check, screen and schema, the dossier and schema of `init`)
is written to a temporary file in the same folder, flushed to disk, then renamed over the
target: a reader polling the file sees the previous content or the new one, never a part, and
a failure while rendering (an exception, Ctrl-C) leaves the previous file untouched and no
temporary file behind. `exclusive` creates the file only if it does not exist, with no window
between the check and the creation (a hard link, which fails if the name is taken).

A target that exists and is not a regular file (`-o /dev/null`, `-o /dev/stdout`, a pipe) cannot
be replaced: it is written to directly, as a stream.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO

Writer = Callable[[TextIO], object]
BytesWriter = Callable[[BinaryIO], object]


def write_atomically(path: Path, write: Writer, *, exclusive: bool = False) -> None:
    """Write `path` (UTF-8, LF line ends) through `write`; FileExistsError if `exclusive` and it exists."""
    _write(path, lambda descriptor: os.fdopen(descriptor, "w", encoding="utf-8", newline="\n"), write, exclusive)


def write_bytes_atomically(path: Path, write: BytesWriter, *, exclusive: bool = False) -> None:
    """Write a binary file (a spreadsheet) the same way: whole or not at all."""
    _write(path, lambda descriptor: os.fdopen(descriptor, "wb"), write, exclusive)


def _write(path: Path, opener: Callable[[int], IO[Any]], write: Callable[[Any], object], exclusive: bool) -> None:
    if exclusive and (path.is_symlink() or path.exists()):
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    existing = _existing_mode(target)
    if existing is not None and not stat.S_ISREG(existing):
        with opener(os.open(target, os.O_WRONLY)) as stream:
            write(stream)
        return
    descriptor, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with opener(descriptor) as stream:
            os.fchmod(stream.fileno(), stat.S_IMODE(existing) if existing is not None else _default_mode())
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        _install(temporary, target, exclusive)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _sync_folder(target.parent)


def _install(temporary: Path, target: Path, exclusive: bool) -> None:
    if not exclusive:
        temporary.replace(target)
        return
    try:
        target.hardlink_to(temporary)
    except FileExistsError:
        raise
    except OSError:
        # No hard links on this file system: reserve the name exclusively, then replace it.
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        temporary.replace(target)
        return
    temporary.unlink()


def _existing_mode(path: Path) -> int | None:
    try:
        return path.stat().st_mode
    except FileNotFoundError:
        return None


def _default_mode() -> int:
    """What `open(path, "w")` would give a new file: 0o666 less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every system can open a folder for that."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
