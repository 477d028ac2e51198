"""Options shared by several commands, declared once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ptce_check.reporters.registry import ALIASES, Command, formats_for


def format_help(command: Command) -> str:
    """The help of `--format` for a command: its formats from the reporters' registry."""
    listed = ", ".join(["auto", *formats_for(command), *ALIASES])
    return f"Format du rapport sur la sortie standard\u00a0: {listed}."


CallOption = Annotated[
    str | None,
    typer.Option(
        "--call",
        metavar="ID",
        help="Appel à appliquer (remplace la clé call du dossier)\u00a0: un identifiant "
        "(ptce-2015) ou le chemin d'un fichier d'appel.",
    ),
]
CallsDirOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--calls-dir",
        metavar="DOSSIER",
        help="Dossier de fichiers d'appel (<id>.yaml)\u00a0: la clé call d'un dossier peut nommer leurs identifiants. "
        "Répétable.",
    ),
]
CheckFormatOption = Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help=format_help("check"))]
ScreenFormatOption = Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help=format_help("screen"))]
CriteriaFormatOption = Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help=format_help("criteria"))]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", metavar="CHEMIN", help="Écrit le rapport dans CHEMIN au lieu de la sortie standard."
    ),
]
OUTPUT_FORMAT_HELP = "Format du rapport écrit par -o (ceux de --format)\u00a0; la sortie standard garde -f."
OutputFormatOption = Annotated[str | None, typer.Option("--output-format", metavar="FORMAT", help=OUTPUT_FORMAT_HELP)]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="fr|en",
        help="Langue des messages (défaut\u00a0: français, anglais si la locale est anglaise).",
    ),
]
MaxBytesOption = Annotated[
    int, typer.Option("--max-bytes", min=1, metavar="ENTIER", help="Taille maximale d'un dossier, en octets.")
]
MaxDepthOption = Annotated[
    int, typer.Option("--max-depth", min=1, metavar="ENTIER", help="Profondeur maximale d'imbrication YAML.")
]
MaxNodesOption = Annotated[
    int, typer.Option("--max-nodes", min=1, metavar="ENTIER", help="Nombre maximal d'éléments YAML.")
]
DebugOption = Annotated[bool, typer.Option("--debug", help="Affiche la trace complète d'une erreur interne.")]
ReferenceOption = Annotated[
    list[str] | None,
    typer.Option(
        "--reference",
        metavar="TYPE=FICHIER.csv",
        help="Liste de référence fournie (qpv, frr, employment_zones)\u00a0: les codes QPV, communes FRR et zones "
        "d'emploi du dossier sont vérifiés contre elle. Répétable.",
    ),
]
FailOnOption = Annotated[
    str | None,
    typer.Option(
        "--fail-on",
        metavar="not-admissible|warning",
        help="Ce qui fait échouer la commande (code 1)\u00a0: un dossier non recevable ou invalide "
        "(not-admissible, défaut), ou aussi un avertissement (warning).",
    ),
]
ExitZeroOption = Annotated[
    bool,
    typer.Option("--exit-zero", help="Toujours 0 quand les dossiers ont été lus\u00a0: rapporter sans faire échouer."),
]
MappingOption = Annotated[
    Path | None,
    typer.Option(
        "--mapping",
        metavar="FICHIER",
        help="Libellés propres au financeur (JSON ou YAML de la forme de « ptce-check form -f json »).",
    ),
]
ReviewsOption = Annotated[
    Path | None,
    typer.Option(
        "--reviews",
        metavar="FICHIER.csv",
        help="Notes des relecteurs (colonnes dossier, criterion, points, reviewer, comment)\u00a0: ajoutées aux "
        "critères « reviewer » de la grille, moyennées, et classement sur le score combiné.",
    ),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar="FICHIER",
        help="Fichier de configuration à lire (ptce-check.toml, ou pyproject.toml et sa table [tool.ptce-check]) "
        "au lieu de celui trouvé depuis le répertoire courant en remontant.",
    ),
]
IsolatedOption = Annotated[bool, typer.Option("--isolated", help="Ne lit aucun fichier de configuration.")]
IdOption = Annotated[
    str | None, typer.Option("--id", metavar="ID", help="Le dossier d'ID donné d'un export (XLSX, ODS, CSV).")
]
