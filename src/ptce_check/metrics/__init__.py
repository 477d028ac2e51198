"""Scoring metrics by kind. A call file's scoring criterion names a kind, its bands and
parameters; the metric measures the dossier and says what evidence earned the points."""

from __future__ import annotations

from ptce_check.metrics import cooperation, economics, jobs, territory
from ptce_check.metrics.base import Measure, Metric

METRICS: dict[str, Metric] = {
    metric.kind: metric for module in (cooperation, territory, jobs, economics) for metric in module.METRICS
}

__all__ = ["METRICS", "Measure", "Metric"]
