"""Helpers shared by the scoring metrics: what the grid counts once (members, texts, claims),
shares, and the words for a figure not given."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

from ptce_check.context import Context
from ptce_check.dossier import Difficulties, Member
from ptce_check.i18n import Text, plural
from ptce_check.kinds import Measure
from ptce_check.names import name_key
from ptce_check.params import NoParams
from ptce_check.territory import Claim, distinct_claims

__all__ = [
    "DIFFICULTIES",
    "DIFFICULTIES_NOT_GIVEN",
    "NOT_GIVEN",
    "Measure",
    "NoParams",
    "count_members",
    "counted_members",
    "difficulties",
    "distinct",
    "member_key",
    "retained",
    "share",
    "text_key",
]

T = TypeVar("T")


def share(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 0.0


NOT_GIVEN = Text("non renseigné", "not given")


def distinct(items: Iterable[T], key: Callable[[T], Hashable]) -> list[T]:
    """The first item of each key, in order: what the grid counts, so that an entry written
    twice earns its points once."""
    seen: dict[Hashable, T] = {}
    for item in items:
        seen.setdefault(key(item), item)
    return list(seen.values())


def text_key(text: str | None) -> str:
    """Free text as the grid compares it (activity titles, bodies, descriptions): the same words
    twice are one entry, whatever their Unicode form, spacing or case."""
    return name_key(text or "")


def member_key(name: str) -> str:
    """A member's identity in the grid, as member names are compared everywhere (`names`)."""
    return name_key(name)


def counted_members(context: Context) -> list[Member]:
    """The members the grid counts: a name listed twice is one member."""
    return distinct(context.view.members, lambda member: member_key(member.name))


def count_members(enterprises: list[tuple[int, Member]]) -> int:
    return len(distinct((member for _, member in enterprises), lambda member: member_key(member.name)))


DIFFICULTIES = ("territory", "difficulties")
DIFFICULTIES_NOT_GIVEN = Text("difficultés du territoire non renseignées", "territory difficulties not given")


def difficulties(context: Context) -> Difficulties | None:
    territory = context.view.territory
    return territory.difficulties if territory else None


def retained(claims: tuple[Claim, ...], listed: bool, vintage: int) -> tuple[float, Text]:
    """How many claimed codes count, and how they were verified (computed vs declared). A code
    listed twice counts once."""
    unique = distinct_claims(claims)
    kept = sum(1 for claim in unique if claim.retained)
    lists = (" et dans la liste --reference fournie", " and in the supplied --reference list") if listed else ("", "")
    repeats = len(claims) - len(unique)
    twice = (
        (
            f", {plural(repeats, 'doublon compté', 'doublons comptés')} une fois",
            f", {plural(repeats, 'repeat', 'repeats', 'en')} counted once",
        )
        if repeats
        else ("", "")
    )
    return float(kept), Text(
        f"{plural(kept, 'retenu', 'retenus')} sur {plural(len(unique), 'déclaré', 'déclarés')}{twice[0]}"
        "\u00a0: ceux situés dans le territoire calculé "
        f"(géographie officielle {vintage}){lists[0]}",
        f"{kept} of {len(unique)} declared retained{twice[1]}: those in the computed territory (official "
        f"geography {vintage}){lists[1]}",
    )
