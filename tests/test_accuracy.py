"""The accuracy gate: every suite pinned in tests/baselines/<suite>.json must not drop below its pin.

A pin is raised as scores rise (a ceiling, ``{"max": x}``, lowered); it is let down only where a change of coding
costs a score for a reason the commit gives. Scores are computed by ``dragoman.evaluation`` exactly as
``../shared/eval/README.md`` defines them, on data read from ../shared (never copied here).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EVAL_DIR, ROOT

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


def _eval(*args: str) -> subprocess.CompletedProcess:
    """``dragoman eval ARGS`` as a user runs it, from the project's root (the sets at ../shared/eval)."""
    return subprocess.run([sys.executable, "-m", "dragoman", "eval", *args], check=False, capture_output=True,
                          cwd=ROOT, timeout=600)


def test_eval_baseline_takes_one_suites_pins_or_pins_keyed_by_suite(tmp_path):
    """``--baseline`` with one suite's own pins (the shape of tests/baselines/SUITE.json) checks that suite; a file
    keyed by suite name checks each; one suite's pins given with two suites is a usage error, not a silent pass."""
    flat = tmp_path / "seed.json"
    flat.write_text(json.dumps({"required_found": 1.0, "must_not_ok": 1.5}))
    res = _eval( "seed", "--baseline", str(flat))
    assert res.returncode == 1 and b"REGRESSION seed.must_not_ok" in res.stderr, res.stderr
    assert b"required_found" not in res.stderr  # (a pin the suite meets)
    keyed = tmp_path / "all.json"
    keyed.write_text(json.dumps({"seed": {"required_found": 1.0}}))
    assert _eval( "seed", "--baseline", str(keyed)).returncode == 0
    res = _eval( "seed", "seed-actors", "--baseline", str(flat))
    assert res.returncode == 2 and b"one suite's pins" in res.stderr, res.stderr
