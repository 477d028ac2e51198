"""`check --watch`: check the dossiers again on every save, for a terminal beside the editor.
The screen is cleared between runs only on a terminal; Ctrl-C ends quietly with status 130."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from msgspec.structs import replace

from ptce_check.cli.arguments import CheckArguments
from ptce_check.cli.common import is_terminal

if TYPE_CHECKING:
    from collections.abc import Iterable

#: The status of a command interrupted by Ctrl-C.
EXIT_INTERRUPTED = 130
#: ANSI: clear the screen and move the cursor home.
CLEAR = "\x1b[2J\x1b[H"


def watch_check(
    arguments: CheckArguments, run_once: Callable[[CheckArguments, TextIO], int], stdout: TextIO | None = None
) -> int:
    """Check once, then again after each change to a watched file, until Ctrl-C (status 130)."""
    from watchfiles import watch

    stream = stdout or sys.stdout
    once = replace(arguments, watch=False)
    watched = [Path(name) for name in arguments.files if name != "-"]
    try:
        status = _run(once, run_once, stream)
        if not watched:  # standard input alone: nothing to watch
            return status
        changes: Iterable[object] = watch(*watched, raise_interrupt=True)
        for _ in changes:
            if is_terminal(stream):
                stream.write(CLEAR)
            _run(once, run_once, stream)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    return EXIT_INTERRUPTED


def _run(arguments: CheckArguments, run_once: Callable[[CheckArguments, TextIO], int], stream: TextIO) -> int:
    """One check's status; a usage error is reported and watching goes on (the file may be fixed
    next)."""
    try:
        status = run_once(arguments, stream)
    except SystemExit as exit:
        status = exit.code if isinstance(exit.code, int) else 2
    stream.flush()
    return status
