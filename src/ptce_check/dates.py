"""Dates in the calls' time zone: a moment without an offset is Paris time."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from ptce_check.i18n import Lang

PARIS = ZoneInfo("Europe/Paris")


def as_paris(moment: date | datetime, end_of_day: bool = False) -> datetime:
    """A datetime without an offset is Paris time; a bare date is its day's start or end."""
    if isinstance(moment, datetime):
        return moment if moment.tzinfo is not None else moment.replace(tzinfo=PARIS)
    return datetime.combine(moment, time.max if end_of_day else time.min, tzinfo=PARIS)


MONTHS = {
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def in_words(moment: date | datetime, lang: Lang) -> str:
    """A date for a sentence: `30 juin 2015 à 23 h 59`, `1er juillet 2015` in French,
    `30 June 2015 at 23:59` in English; the time only for a datetime."""
    if lang == "en":
        day = f"{moment.day} {MONTHS['en'][moment.month - 1]} {moment.year}"
        return day if not isinstance(moment, datetime) else f"{day} at {moment:%H:%M}"
    ordinal = "1er" if moment.day == 1 else str(moment.day)
    day = f"{ordinal} {MONTHS['fr'][moment.month - 1]} {moment.year}"
    if not isinstance(moment, datetime):
        return day
    return f"{day} à {moment.hour} h {moment.minute:02d}"
