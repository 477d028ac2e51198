"""Reporters by format name; each receives the whole result at once."""

from __future__ import annotations

from ptce_check.reporters import json_report, rich_report
from ptce_check.reporters.base import Reporter, ReportSettings

REPORTERS: dict[str, Reporter] = {
    "rich": rich_report.render,
    "json": json_report.render,
}

__all__ = ["REPORTERS", "ReportSettings", "Reporter"]
