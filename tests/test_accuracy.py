"""The accuracy gate: every suite pinned in tests/baselines/<suite>.json must not drop below its pin.

A pin is only ever raised (a ceiling, ``{"max": x}``, only ever lowered). Scores are computed by ``dragoman.evaluation`` exactly as
``../shared/eval/README.md`` defines them, on data read from ../shared (never copied here).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EVAL_DIR

BASELINES = Path(__file__).parent / "baselines"
PINNED = sorted(p.stem for p in BASELINES.glob("*.json"))


def test_there_are_pinned_suites():
    assert PINNED, "no baselines pinned in tests/baselines"


@pytest.mark.slow
@pytest.mark.parametrize("suite", PINNED)
def test_suite_not_below_baseline(suite, pipeline):
    from dragoman.evaluation import regressions, run

    pins = json.loads((BASELINES / f"{suite}.json").read_text())
    report = run(suite, EVAL_DIR, pipeline)
    broken = regressions(report, pins)
    assert not broken, f"{suite} broke its baseline (got, pinned): {broken}"
