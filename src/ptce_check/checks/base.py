"""What a hard rule returns: passed, failed (with where and why), or not evaluated."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ptce_check.dossier import Member
from ptce_check.findings import Path
from ptce_check.i18n import Text
from ptce_check.textsafe import escape_all_controls

Status = Literal["passed", "failed", "not_evaluated"]


class NoParams(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True, slots=True)
class Failure:
    path: Path
    message: Text
    hint: Text | None = None


@dataclass(frozen=True, slots=True)
class RuleOutcome:
    status: Status
    evidence: Text
    failures: tuple[Failure, ...] = ()


def passed(evidence: Text) -> RuleOutcome:
    return RuleOutcome("passed", evidence)


def failed(path: Path, message: Text, hint: Text | None = None) -> RuleOutcome:
    return RuleOutcome("failed", message, (Failure(path, message, hint),))


def not_evaluated(reason: Text) -> RuleOutcome:
    return RuleOutcome("not_evaluated", reason)


def names(members: Sequence[tuple[int, Member]], limit: int = 4) -> str:
    """`A, B, C` (and `…` past the limit) for evidence texts."""
    shown = [escape_all_controls(member.name) for _, member in members[:limit]]
    return ", ".join(shown) + (", …" if len(members) > limit else "")
