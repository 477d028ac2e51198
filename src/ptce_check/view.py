"""What the rules and the score read: the parts of a dossier that passed validation.

A section or list item that failed validation is absent here, so that the hard rules and the
score can still be evaluated on everything else and the applicant sees every problem in one run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

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
from ptce_check.findings import Path


@dataclass(frozen=True)
class DossierView:
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


class PathOrigins:
    """Maps paths in the validated view back to paths in the file, where invalid list items
    were dropped (the view's `members[3]` may be the file's `members[4]`)."""

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

    def drop(self, list_path: Path, index: int, length: int) -> None:
        """Record that item `index` of the list at `list_path` (view coordinates) was dropped."""
        file_path = self.to_file(list_path)
        kept = self._kept.setdefault(file_path, list(range(length)))
        del kept[index]
