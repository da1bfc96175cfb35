"""Accuracy suites: ``dragoman eval SUITE --data DIR``.

A suite is a function ``run(data: Path, pipeline: Pipeline, limit: int | None) -> Report`` in a
module of this package, registered in ``SUITES``.  Scores are computed as
``../shared/eval/README.md`` ("How scores are computed") says; the pinned floors live in
``tests/baselines/<suite>.json`` and ``tests/test_accuracy.py`` fails when a score drops.
The data is read from where the user keeps it; nothing of it is copied into the repository.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dragoman.errors import EvalError

#: suite name → (module:function, the file or folder it reads inside --data)
SUITES: dict[str, tuple[str, str]] = {
    "seed-actors": ("dragoman.evaluation.actors:run_seed_actors", "../samples/seed"),
    "seed": ("dragoman.evaluation.events:run_seed", "../samples/seed"),
    "plover-actors": ("dragoman.evaluation.actors:run_plover_actors", "plover_gsr.jsonl"),
    "re3d-entities": ("dragoman.evaluation.actors:run_re3d", "re3d.jsonl"),
    "plover": ("dragoman.evaluation.events:run_plover", "plover_gsr.jsonl"),
    "conflibert": ("dragoman.evaluation.events:run_conflibert", "conflibert_cameo_dev.jsonl"),
    "timebank": ("dragoman.evaluation.times:run_timebank", "timebank_dates.jsonl"),
    "polnear": ("dragoman.evaluation.quotes:run_polnear", "polnear_dev.jsonl"),
    "places": ("dragoman.evaluation.places:run_places", ""),  # the project's own set, bundled
    "articles": ("dragoman.evaluation.articles:run_articles", "."),  # gold bundled, texts in --data
    "articles-dev": ("dragoman.evaluation.articles:run_articles_dev", "."),  # the same, its development set
    "written": ("dragoman.evaluation.articles:run_written", ""),  # the project's own articles, bundled
    "offtopic": ("dragoman.evaluation.articles:run_offtopic", "."),
    "merge": ("dragoman.evaluation.merging:run_merge", "."),
}


@dataclass
class Report:
    suite: str
    metrics: dict[str, float]
    counts: dict[str, int] = field(default_factory=dict)
    table: list[dict[str, Any]] = field(default_factory=list)  # e.g. per-type precision/recall/F1
    errors: list[dict[str, Any]] = field(default_factory=list)  # a sample of misses, for error analysis
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "suite": self.suite,
            "metrics": self.metrics,
            "counts": self.counts,
            "table": self.table,
            "errors": self.errors,
            "seconds": round(self.seconds, 2),
        }


def regressions(report: Report, pins: dict[str, Any]) -> dict[str, tuple[float | None, str]]:
    """The pinned metrics a report breaks: a number is a floor (higher is better), ``{"max": x}`` a
    ceiling (false events per 1,000 words: lower is better).  metric → (got, "≥ floor" / "≤ ceiling")."""
    out: dict[str, tuple[float | None, str]] = {}
    for metric, pin in pins.items():
        got = report.metrics.get(metric)
        if isinstance(pin, dict):
            if got is None or got - 1e-9 > pin["max"]:
                out[metric] = (got, f"<= {pin['max']}")
        elif got is None or got + 1e-9 < pin:
            out[metric] = (got, f">= {pin}")
    return out


def resolve(name: str, data: Path) -> tuple[Callable[..., Report], Path]:
    if name not in SUITES:
        raise EvalError(f"unknown suite '{name}'", hint="suites: " + ", ".join(SUITES))
    target, rel = SUITES[name]
    module, _, attr = target.partition(":")
    fn = getattr(importlib.import_module(module), attr)
    path = (data / rel).resolve() if rel else data
    if rel and not path.exists():
        raise EvalError(
            f"the suite's data is not at {path}",
            source=name,
            hint="point --data at the folder holding the evaluation sets (../shared/eval)",
        )
    return fn, path


def run(name: str, data: Path, pipeline: Any = None, limit: int | None = None) -> Report:
    import time

    from dragoman.pipeline import Pipeline

    fn, path = resolve(name, data)
    t0 = time.perf_counter()
    report = fn(path, pipeline or Pipeline(), limit)
    report.seconds = time.perf_counter() - t0
    return report
