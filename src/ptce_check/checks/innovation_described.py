"""A socially or technologically innovative project is described: `project.innovation` with a
non-empty description (décret 2015-431 art. 3 3°).

PASS: ``innovation: {kind: social, description: "Une ressourcerie coopérative…"}``.
FAIL: ``innovation: {kind: social, description: ""}``.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from ptce_check.checks.base import RuleOutcome, failed, passed, unread
from ptce_check.context import Context
from ptce_check.i18n import Text
from ptce_check.kinds import Example

KIND = "innovation_described"
KIND_FR = {"social": "sociale", "technological": "technologique", "both": "sociale et technologique"}


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    min_characters: int = Field(default=1, ge=1)


def describe(params: Params) -> Text:
    """What the rule checks, with its params, in words."""
    return Text(
        f"projet innovant (social ou technologique) décrit en au moins {params.min_characters} caractère(s)",
        f"innovative project (social or technological) described in at least {params.min_characters} character(s)",
    )


def run(context: Context, params: Params) -> RuleOutcome:
    project = context.view.project
    aside = context.view.set_aside
    cause = aside.about(("project", "innovation", "description"))
    if cause is not None:
        return unread(cause, Text("la description de l'innovation", "the innovation's description"))
    if project is None or project.innovation is None:
        return failed(
            ("project", "innovation"),
            Text("l'innovation du projet n'a pas pu être lue", "the project's innovation could not be read"),
        )
    length = len(project.innovation.description.strip())
    if length >= params.min_characters:
        kind = project.innovation.kind
        if kind not in KIND_FR:  # the kind was set aside: the description is enough for this rule
            return passed(
                Text(f"innovation décrite ({length} caractères)", f"innovation described ({length} characters)")
            )
        return passed(
            Text(
                f"innovation {KIND_FR[kind]} décrite ({length} caractères)",
                f"{kind} innovation described ({length} characters)",
            )
        )
    return failed(
        ("project", "innovation"),
        Text(
            "l'innovation sociale ou technologique du projet n'est pas décrite",
            "the project's social or technological innovation is not described",
        ),
        Text(
            "décrivez ce que le projet apporte de nouveau dans project.innovation.description",
            "describe what is new in project.innovation.description",
        ),
    )


EXAMPLES = (
    Example(
        """\
    project:
      title: Ressourcerie
      summary: Une ressourcerie coopérative.
      innovation: {kind: social, description: "Une ressourcerie coopérative qui emploie et forme."}
""",
        status="passed",
    ),
    Example(
        """\
    project:
      title: Ressourcerie
      summary: Une ressourcerie coopérative.
      innovation: {kind: social, description: ""}
""",
        status="failed",
    ),
)
