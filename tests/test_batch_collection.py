"""The collector's batch policy: set after the first dossier, the caller's settings given back."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest

from helpers import EXAMPLES
from ptce_check.decoding import Limits
from ptce_check.screening import runner
from ptce_check.screening.batch import screen_batch
from ptce_check.screening.collection import BATCH_THRESHOLDS
from ptce_check.screening.runner import Job


def test_a_batch_raises_the_thresholds_after_its_first_dossier_and_restores_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("centre-isere.yaml", "alpilles-dechets.yaml", "invalid-duplicate-key.yaml"):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    seen: list[tuple[tuple[int, int, int], int]] = []
    screen_one = runner.screen_one

    def recording(*args: object, **kwargs: object) -> runner.Screened:
        seen.append((gc.get_threshold(), gc.get_freeze_count()))
        return screen_one(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(runner, "screen_one", recording)
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    try:
        screen_batch([tmp_path], Job(None, Limits(), "fr", False), jobs=1).close()
        assert [threshold for threshold, _ in seen] == [(700, 10, 10), BATCH_THRESHOLDS, BATCH_THRESHOLDS]
        assert seen[1][1] > 0  # what the first dossier loaded is frozen out of collections
        assert gc.get_threshold() == (700, 10, 10) and gc.get_freeze_count() == 0
    finally:
        gc.set_threshold(*before)
