"""Dates in the calls' time zone: a moment without an offset is Paris time."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")


def as_paris(moment: date | datetime, end_of_day: bool = False) -> datetime:
    """A datetime without an offset is Paris time; a bare date is its day's start or end."""
    if isinstance(moment, datetime):
        return moment if moment.tzinfo is not None else moment.replace(tzinfo=PARIS)
    return datetime.combine(moment, time.max if end_of_day else time.min, tzinfo=PARIS)
