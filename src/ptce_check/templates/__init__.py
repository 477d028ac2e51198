"""The commented dossier template `ptce-check init` writes (data, read where needed)."""

from __future__ import annotations

from pathlib import Path

DOSSIER_TEMPLATE = Path(__file__).with_name("dossier.yaml")
