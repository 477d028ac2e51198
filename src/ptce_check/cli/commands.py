"""The Typer application: one command per module, registered here."""

from __future__ import annotations

from typing import Annotated

import typer

from ptce_check import __version__
from ptce_check.cli import check, click_french, completion, criteria, explain, form, import_cmd, init, schema, screen
from ptce_check.cli import diff as diff_cmd
from ptce_check.cli import fix as fix_cmd

click_french.install()

app = typer.Typer(
    name="ptce-check",
    cls=click_french.FrenchGroup,
    help="Vérifie la recevabilité des dossiers de candidature aux appels à projets PTCE "
    "(Pôles territoriaux de coopération économique). / Eligibility checker for PTCE calls.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ptce-check {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Affiche la version. / Show the version."
        ),
    ] = False,
) -> None:
    """Vérifie la recevabilité des dossiers PTCE. / Checks PTCE dossiers."""


app.command("check")(check.command)
app.command("criteria")(criteria.command)
app.command("screen")(screen.command)
app.command("schema")(schema.command)
app.command("init")(init.command)
app.command("form")(form.command)
app.command("import")(import_cmd.command)
app.command("explain")(explain.command)
app.command("completion")(completion.command)
app.command("fix")(fix_cmd.command)
app.command("diff")(diff_cmd.command)
