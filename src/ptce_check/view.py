"""What the rules and the score read: the parts of a dossier that passed validation.

Only the smallest invalid value is set aside: an object keeps every valid field, a list keeps
every item that is a mapping. An optional field set aside reads as absent; a required one holds
a placeholder (``None`` for enum values, dates and objects, ``nan`` for numbers, ``""`` for
texts, an empty list or mapping) and its path is recorded in `SetAside`, with the format
finding that set it aside, so that a rule needing it says "not evaluated" instead of judging a
placeholder.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from msgspec import Struct, field

from ptce_check.dossier import (
    Attachment,
    Budget,
    Cooperation,
    Dossier,
    Jobs,
    Member,
    Pole,
    Project,
    Territory,
)
from ptce_check.findings import Cause, Path


class PathOrigins:
    """Maps paths in the validated view back to paths in the file, where list items that could
    not be read at all were dropped (the view's `budget.years[1]` may be the file's `[2]`)."""

    def __init__(self) -> None:
        self._kept: dict[Path, list[int]] = {}

    def __bool__(self) -> bool:
        return bool(self._kept)

    def to_file(self, path: Path) -> Path:
        if not self._kept:
            return path
        result: list[str | int] = []
        for step in path:
            if isinstance(step, int):
                kept = self._kept.get(tuple(result))
                if kept is not None and 0 <= step < len(kept):
                    step = kept[step]
            result.append(step)
        return tuple(result)

    def keep(self, list_path: Path, kept: list[int], length: int) -> None:
        """Record that of the list at `list_path` (file coordinates) of `length` items, only
        the items `kept` are in the view."""
        if len(kept) != length:
            self._kept[list_path] = kept


class SetAside:
    """The values that failed validation (file paths), each with the finding that says why."""

    def __init__(self, origins: PathOrigins | None = None) -> None:
        self.origins = origins or PathOrigins()
        self._causes: dict[Path, Cause] = {}
        # The first cause at or under each path prefix, so that `within` is a few lookups
        # however many values were set aside (every member of a hostile file, say).
        self._first_under: dict[Path, Cause] = {}

    def __bool__(self) -> bool:
        return bool(self._causes)

    def add(self, path: Path, cause: Cause) -> None:
        if path in self._causes:
            return
        self._causes[path] = cause
        for depth in range(len(path) + 1):
            self._first_under.setdefault(path[:depth], cause)

    def paths(self) -> Iterator[tuple[Path, Cause]]:
        return iter(self._causes.items())

    def about(self, view_path: Path) -> Cause | None:
        """The cause when the value at `view_path`, or one that holds it, was set aside."""
        if not self._causes:
            return None  # most dossiers: every check asks, nothing to look up
        path = self.origins.to_file(view_path)
        for length in range(len(path), -1, -1):
            cause = self._causes.get(path[:length])
            if cause is not None:
                return cause
        return None

    def under(self, view_path: Path) -> list[tuple[Path, Cause]]:
        """Every value set aside at or under `view_path`, with its file path."""
        if not self._causes:
            return []
        path = self.origins.to_file(view_path)
        return [(candidate, cause) for candidate, cause in self._causes.items() if candidate[: len(path)] == path]

    def within(self, view_path: Path) -> Cause | None:
        """The cause when anything at, under or above `view_path` was set aside."""
        if not self._causes:
            return None
        cause = self.about(view_path)
        if cause is not None:
            return cause
        return self._first_under.get(self.origins.to_file(view_path))


class DossierView(Struct, frozen=True):
    call: str | None = None
    submitted_at: datetime | date | None = None
    pole: Pole | None = None
    territory: Territory | None = None
    members: list[Member] = field(default_factory=list)
    cooperation: Cooperation | None = None
    project: Project | None = None
    jobs: Jobs | None = None
    budget: Budget | None = None
    attachments: list[Attachment] = field(default_factory=list)
    set_aside: SetAside = field(default_factory=SetAside)

    @property
    def origins(self) -> PathOrigins:
        return self.set_aside.origins

    @classmethod
    def of(cls, dossier: Dossier) -> DossierView:
        return cls(
            dossier.call,
            dossier.submitted_at,
            dossier.pole,
            dossier.territory,
            list(dossier.members),
            dossier.cooperation,
            dossier.project,
            dossier.jobs,
            dossier.budget,
            list(dossier.attachments or []),
        )
