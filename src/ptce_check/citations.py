"""References a call file cites, and the citation text shown to users.

A call file keeps one table of references (`sources:`, id -> `Reference`); a rule, criterion or
axis cites some of them (`Citation`: the id, an optional place in the text and a short quote)
and may say which of its parts are the call file's own choice (`choice:`). `cite` renders that
as text (« Décret n° 2015-431 du 15 avril 2015 …, art. 3 2° »); ids and internal remarks are
never part of it. The reasoning behind a choice stays in `rationale:`, shown on request only.
"""

# Annotations stay evaluated (no `from __future__ import annotations`): Pydantic reads them.

from collections.abc import Mapping, Sequence
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from ptce_check.dates import MONTHS
from ptce_check.i18n import Text, french_spacing

#: A French text from a call file, set with French spacing whatever spaces its author typed.
FrenchText = Annotated[str, AfterValidator(french_spacing)]

Choice = Literal["application", "reading", "params", "criterion", "weight", "bands"]

CHOICE_WORDS: dict[str, Text] = {
    "application": Text("application à cet appel", "applying it to this call"),
    "reading": Text("lecture du texte", "reading of the text"),
    "params": Text("paramètres", "parameters"),
    "criterion": Text("critère", "criterion"),
    "weight": Text("poids", "weight"),
    "bands": Text("paliers", "bands"),
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Reference(_Strict):
    """A published text: a legal text (title only), or an article, page or document."""

    #: The text's title as published; a legal text's title carries its date.
    title: FrenchText | None = Field(default=None, min_length=1)
    #: The person or body that wrote it.
    author: str | None = Field(default=None, min_length=1)
    #: Where it is published (site, journal, network).
    publisher: str | None = Field(default=None, min_length=1)
    #: Publication date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    date: str | None = Field(default=None, pattern=r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")
    #: Its number in the publication (an article's, a document's).
    number: str | None = Field(default=None, min_length=1)
    #: The address where it can be read.
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")

    @model_validator(mode="after")
    def _named(self) -> "Reference":
        if self.title is None and self.author is None and self.publisher is None:
            raise ValueError("une référence a au moins un titre, un auteur ou un éditeur")
        return self


class Citation(_Strict):
    """One reference cited by a rule, criterion, axis or figure."""

    #: The id of a reference in the call's `sources:` table.
    ref: str = Field(min_length=1)
    #: Where in the text: "art. 3 2°", "p. 24", "critère n° 5".
    at: str | None = Field(default=None, min_length=1)
    #: A short passage quoted verbatim.
    quote: str | None = Field(default=None, min_length=1)


def _date(value: str, lang: Literal["fr", "en"]) -> str:
    parts = value.split("-")
    if len(parts) == 1:
        return value
    month = MONTHS[lang][int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    day = int(parts[2])
    return Text(f"{'1er' if day == 1 else day} {month} {parts[0]}", f"{day} {month} {parts[0]}").get(lang)


def reference_text(reference: Reference, lang: Literal["fr", "en"] = "fr") -> str:
    """A reference as one line, without its address: author, « title », publisher, number, date."""
    lead = reference.author or reference.publisher
    title = None if reference.title is None else (f"« {reference.title} »" if lead else reference.title)
    after = reference.publisher if reference.author else None
    pieces = [part for part in (lead, title, after) if part]
    if reference.number is not None:
        pieces.append(f"n° {reference.number}")
    if reference.date is not None:
        pieces.append(_date(reference.date, lang))
    return ", ".join(pieces)


def _citation_text(citation: Citation, references: Mapping[str, Reference], lang: Literal["fr", "en"]) -> str:
    reference = references.get(citation.ref)
    # An unknown id is a problem of the call file (binding reports it); it is never shown.
    text = reference_text(reference, lang) if reference is not None else "?"
    if citation.at:
        text = f"{text}, {citation.at}"
    if reference is not None and reference.url:
        text = f"{text} ({reference.url})"
    if citation.quote:
        text = Text(f"{text}\u00a0: « {citation.quote} »", f"{text}: « {citation.quote} »").get(lang)
    return text


def choice_text(choices: Sequence[str]) -> Text:
    """« poids et paliers : notre choix »."""
    words = [CHOICE_WORDS[choice] for choice in choices]
    french = _joined([word.fr for word in words], "et")
    english = _joined([word.en for word in words], "and")
    return Text(f"{french}\u00a0: notre choix", f"{english}: our choice")


def _joined(words: list[str], conjunction: str) -> str:
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def cite(citations: Sequence[Citation], choices: Sequence[str], references: Mapping[str, Reference]) -> Text:
    """What a reader sees of an entry's sources: each citation, then what is the file's choice."""
    texts = {lang: [_citation_text(citation, references, lang) for citation in citations] for lang in ("fr", "en")}
    if choices:
        choice = choice_text(choices)
        texts["fr"].append(choice.fr)
        texts["en"].append(choice.en)
    return Text("\u00a0; ".join(texts["fr"]), "; ".join(texts["en"]))
