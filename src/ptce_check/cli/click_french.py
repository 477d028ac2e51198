"""Typer's and Click's own texts — help headings, `[default: …]`, usage errors — in French when
the run is in French: `--lang` on the command line, else the locale (`i18n.detect_lang`).

Typer's vendored Click writes most of them as plain English strings, so they are translated at
the few places they pass through: Typer's `gettext` calls (`typer.core._`), the help formatter
(usage prefix, headings, the help options' texts) and one error class that shows any usage
error in French. In English nothing changes."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import IO, Any

import typer.core
from typer import _click
from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
from typer.core import TyperArgument, TyperGroup

from ptce_check.i18n import Lang, detect_lang
from ptce_check.textsafe import escape_invisible

NBSP = "\u00a0"
_lang: ContextVar[Lang] = ContextVar("ptce_check_click_lang", default="en")

#: Typer's `gettext` message ids, in French.
GETTEXT = {
    "Arguments": "Arguments",
    "Options": "Options",
    "Commands": "Commandes",
    "default: {default}": f"défaut{NBSP}: {{default}}",
    "required": "obligatoire",
    "env var: {var}": f"variable d'environnement{NBSP}: {{var}}",
    "(dynamic)": "(dynamique)",
    "Aborted!": "Interrompu.",
}

#: The help of the options Typer and Click add themselves.
OPTION_HELP = {
    "Show this message and exit.": "Affiche cette aide et quitte.",
    "Show the version and exit.": "Affiche la version et quitte.",
    "Install completion for the current shell.": "Installe la complétion pour le shell courant.",
    "Show completion for the current shell, to copy it or customize the installation.": (
        "Affiche la complétion pour le shell courant, pour la copier ou adapter l'installation."
    ),
}

#: The bounds Typer writes in a help's brackets (`x>=1`), in words.
RANGES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(\S+)<=x<=(\S+)$"), r"de \1 à \2"),
    (re.compile(r"^x>=(\S+)$"), r"minimum \1"),
    (re.compile(r"^x<=(\S+)$"), r"maximum \1"),
)
_EXTRAS = re.compile(r"\[([^\[\]]*)\]$")

USAGE_PREFIX = f"Utilisation{NBSP}: "
SUBCOMMAND_METAVAR = {"fr": "COMMANDE [ARGUMENTS]...", "en": "COMMAND [ARGS]..."}
_QUOTED = re.compile(r"'([^']*)'")
_MISSING_NOUN = {"argument": "argument manquant", "option": "option manquante", "parameter": "paramètre manquant"}


_LANGUAGES: dict[str | None, Lang] = {"fr": "fr", "en": "en"}


def _guillemets(text: str) -> str:
    """`'--call' / '-c'` → `« --call » / « -c »`."""
    return _QUOTED.sub(lambda match: f"«{NBSP}{match.group(1)}{NBSP}»", text)


def _missing(match: re.Match[str]) -> str:
    hint = match.group("hint")
    named = f"{NBSP}: {_guillemets(hint)}" if hint else ""
    rest = match.group("rest").strip()
    return f"{_MISSING_NOUN[match.group('kind')]}{named}." + (f" {translate_detail(rest)}" if rest else "")


def _no_such_command(match: re.Match[str]) -> str:
    suggested = match.group(2)
    unknown = f"commande inconnue{NBSP}: «{NBSP}{match.group(1)}{NBSP}»."
    return unknown + (f" Vouliez-vous dire {_guillemets(suggested)}{NBSP}?" if suggested else "")


#: Click's usage errors, whole, as regular expressions and their French.
MESSAGES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (
        re.compile(
            r"^Missing (?P<kind>argument|option|parameter)(?: (?P<hint>'[^']*'(?: / '[^']*')*))?\.(?P<rest>.*)$"
        ),
        _missing,
    ),
    (re.compile(r"^No such command '(.*)'\.(?: Did you mean (.*)\?)?$"), _no_such_command),
    (
        re.compile(r"^No such option: (\S+)(?: \(Possible options: (.*)\))?$"),
        lambda m: (
            f"option inconnue{NBSP}: {m.group(1)}" + (f" (options possibles{NBSP}: {m.group(2)})" if m.group(2) else "")
        ),
    ),
    (
        re.compile(r"^Invalid value for (.+?): (.*)$"),
        lambda m: f"valeur invalide pour {_guillemets(m.group(1))}{NBSP}: {translate_detail(m.group(2))}",
    ),
    (re.compile(r"^Invalid value: (.*)$"), lambda m: f"valeur invalide{NBSP}: {translate_detail(m.group(1))}"),
    (
        re.compile(r"^Option '(.+)' requires an argument\.$"),
        lambda m: f"l'option «{NBSP}{m.group(1)}{NBSP}» attend une valeur.",
    ),
    (
        re.compile(r"^Option '(.+)' requires (\d+) arguments\.$"),
        lambda m: f"l'option «{NBSP}{m.group(1)}{NBSP}» attend {m.group(2)} valeurs.",
    ),
    (
        re.compile(r"^Option '(.+)' does not take a value\.$"),
        lambda m: f"l'option «{NBSP}{m.group(1)}{NBSP}» ne prend pas de valeur.",
    ),
    (
        re.compile(r"^Got unexpected extra arguments? \((.*)\)$"),
        lambda m: f"argument en trop{NBSP}: {m.group(1)}",
    ),
    (re.compile(r"^Missing command\.$"), "commande manquante."),
)

#: The reasons Typer's conversion gives (Pydantic's wording), in French.
DETAILS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^Input should be a valid integer.*$"), "un nombre entier est attendu"),
    (re.compile(r"^Input should be a valid number.*$"), "un nombre est attendu"),
    (re.compile(r"^Input should be greater than or equal to (\S+)$"), r"la valeur doit être au minimum \1"),
    (re.compile(r"^Input should be greater than (\S+)$"), r"la valeur doit dépasser \1"),
    (re.compile(r"^Input should be less than or equal to (\S+)$"), r"la valeur doit être au maximum \1"),
    (re.compile(r"^Input should be less than (\S+)$"), r"la valeur doit être inférieure à \1"),
    (re.compile(r"^Input should be (.*)$"), r"valeur attendue{NBSP}: \1".replace("{NBSP}", NBSP)),
)


def _help_in_french(help: str) -> str:
    """A help text's built-in wording in French: Click's own options, `[défaut : 32 ; minimum 1]`."""
    help = OPTION_HELP.get(help, help)
    return _EXTRAS.sub(lambda match: f"[{_extras(match.group(1))}]", help)


def _extras(text: str) -> str:
    parts = []
    for part in text.split("; "):
        for pattern, french in RANGES:
            part = pattern.sub(french, part)
        parts.append(part)
    return f"{NBSP}; ".join(parts)


def translate_detail(text: str) -> str:
    for pattern, french in DETAILS:
        if pattern.match(text):
            return pattern.sub(french, text)
    return _guillemets(text)


def translate_message(text: str) -> str:
    """A usage error's message in French; a message not in the table is kept as written."""
    for pattern, french in MESSAGES:
        match = pattern.match(text)
        if match:
            return french if isinstance(french, str) else french(match)
    return text


def gettext(message: str) -> str:
    """Typer's `gettext`: the French message id in a French run."""
    translations = _TRANSLATIONS[_lang.get()]
    return translations.get(message, message)


#: Typer's message ids by language: English ones are the ids themselves.
_TRANSLATIONS: dict[Lang, dict[str, str]] = {"fr": GETTEXT, "en": {}}


def lang_of(args: Sequence[str]) -> Lang:
    """The run's language: `--lang fr|en` as given on the command line, else the locale's."""
    tokens = list(args)
    for index, token in enumerate(tokens):
        if token == "--":
            break
        value = tokens[index + 1] if token == "--lang" and index + 1 < len(tokens) else None
        value = token.partition("=")[2] if token.startswith("--lang=") else value
        if value in _LANGUAGES:
            return _LANGUAGES[value]
    return detect_lang()


class FrenchHelpFormatter(_click.HelpFormatter):
    """Click's help formatter, with the usage prefix, headings and built-in help in French."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None and _lang.get() == "fr":
            prefix = USAGE_PREFIX
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        if _lang.get() != "fr":
            super().write_heading(heading)
            return
        self.write(f"{'':>{self.current_indent}}{heading}{NBSP}:\n")

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        if _lang.get() == "fr":
            rows = [(term, _help_in_french(help)) for term, help in rows]
        super().write_dl(rows, col_max, col_spacing)


class FrenchContext(_click.Context):
    formatter_class = FrenchHelpFormatter


class PlaceholderArgument(TyperArgument):
    """An argument whose declared metavar is its whole placeholder: no `<list[str]>` after it."""

    def display_type_rich(self, ctx: _click.Context) -> str | None:
        return None if self.metavar else super().display_type_rich(ctx)


class FrenchUsageError(UsageError):
    """A Click error shown in French: usage line, help hint and message."""

    def __init__(self, original: ClickException) -> None:
        context = original.ctx if isinstance(original, UsageError) else None
        super().__init__(translate_message(original.format_message()), context)
        self.exit_code = original.exit_code
        self.with_usage = isinstance(original, UsageError)

    def format_message(self) -> str:
        return self.message

    def show(self, file: IO[Any] | None = None) -> None:
        lines = []
        if self.with_usage and self.ctx is not None:
            lines.append(self.ctx.get_usage())
            if self.ctx.command.get_help_option(self.ctx) is not None:
                help_call = f"{self.ctx.command_path} {self.ctx.help_option_names[0]}"
                lines.append(f"Essayez «{NBSP}{help_call}{NBSP}» pour l'aide.\n")
        lines.append(f"Erreur{NBSP}: {self.message}")
        _click.echo(escape_invisible("\n".join(lines)), file=file, err=file is None)


@contextmanager
def _errors_in_french() -> Iterator[None]:
    try:
        yield
    except ClickException as error:
        if _lang.get() != "fr" or isinstance(error, (FrenchUsageError, NoArgsIsHelpError)):
            raise
        raise FrenchUsageError(error) from error


class FrenchGroup(TyperGroup):
    """The application's group: its commands' help and usage errors in the run's language."""

    context_class = FrenchContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for command in self.commands.values():
            command.context_class = FrenchContext
            for parameter in command.params:
                if type(parameter) is TyperArgument:
                    parameter.__class__ = PlaceholderArgument

    def main(self, args: Sequence[str] | None = None, *more: Any, **extra: Any) -> Any:
        import sys

        lang = lang_of(sys.argv[1:] if args is None else args)
        _lang.set(lang)
        self.subcommand_metavar = SUBCOMMAND_METAVAR[lang]
        return super().main(args, *more, **extra)

    def make_context(self, *args: Any, **kwargs: Any) -> _click.Context:
        with _errors_in_french():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: _click.Context) -> Any:
        with _errors_in_french():
            return super().invoke(ctx)


def install() -> None:
    """Route Typer's `gettext` through the table; called once when the application is built."""
    typer.core._ = gettext  # type: ignore[attr-defined]
