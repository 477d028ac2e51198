"""The `check` and `screen` command lines as given, before any of it is interpreted: plain
records that the Typer declarations and the quick path fill, and `settings.interpret` reads.
Field names are the declared parameters' names (`cli/quick_options.py` is generated from them)."""

from __future__ import annotations

from pathlib import Path

from msgspec import Struct


class CommandArguments(Struct, frozen=True):
    """The options `check` and `screen` share."""

    call: str | None
    format: str
    output: Path | None
    output_format: str | None
    lang: str | None
    max_bytes: int
    max_depth: int
    max_nodes: int
    #: None when not given: the configuration's, else `not-admissible`.
    fail_on: str | None
    exit_zero: bool
    #: `--reference KIND=FILE.csv` as given; read and checked when the command line is interpreted.
    references: tuple[str, ...]
    debug: bool


class CheckArguments(CommandArguments, frozen=True):
    #: Dossiers to check, in order; `-` reads standard input.
    files: tuple[str, ...]
    stdin_filename: str | None
    #: `--id`: the one application of an export to check; `--mapping`: a funder's own form labels.
    application_id: str | None = None
    mapping: Path | None = None
    #: `--watch`: check again on every save until Ctrl-C.
    watch: bool = False
    #: `--config FILE`: the one configuration file read; `--isolated`: none read.
    config: Path | None = None
    isolated: bool = False
    #: `--calls-dir DIR`, repeatable: folders of call files known by id.
    calls_dirs: tuple[Path, ...] = ()


class ScreenArguments(CommandArguments, frozen=True):
    #: Dossiers and folders to screen.
    paths: tuple[Path, ...]
    excludes: tuple[str, ...]
    jobs: int | None
    csv_separator: str
    budget: float | None
    application_id: str | None = None
    mapping: Path | None = None
    config: Path | None = None
    isolated: bool = False
    #: `--reviews FILE.csv`: the reviewers' points, read and checked when interpreted.
    reviews: Path | None = None
    #: `--calls-dir DIR`, repeatable: folders of call files known by id.
    calls_dirs: tuple[Path, ...] = ()
