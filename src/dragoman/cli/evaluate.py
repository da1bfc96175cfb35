"""``dragoman eval``: score dragoman against annotated sets."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import click

from dragoman.cli.options import clean_errors, dump_json
from dragoman.evaluation import SUITES, regressions, run

DEFAULT_DATA = os.environ.get("DRAGOMAN_EVAL_DATA", "../shared/eval")


@click.command("eval")
@click.argument("suites", nargs=-1, required=True, type=click.Choice(sorted(SUITES) + ["all"]))
@click.option("--data", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_DATA, show_default=True,
              help="The folder holding the evaluation sets ($DRAGOMAN_EVAL_DATA).")
@click.option("--limit", type=int, help="Score only the first N records (quick look; not comparable to baselines).")
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
@click.option("--baseline", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A baseline JSON file: exit 1 when a score is below its pin.")
@clean_errors
def evaluate(suites: tuple[str, ...], data: Path, limit: int | None, as_json: bool, baseline: Path | None) -> None:
    """Score dragoman on SUITES (seed, seed-actors, plover, plover-actors, conflibert, re3d-entities,
    timebank, polnear, places, articles, offtopic, or all), computed as the evaluation README defines them."""
    from dragoman.pipeline import Pipeline

    names = sorted(SUITES) if "all" in suites else list(suites)
    pipe = Pipeline()
    pins = _pins(baseline, names) if baseline else {}
    failed = False
    for name in names:
        report = run(name, data, pipe, limit)
        if as_json:
            click.echo(dump_json(report.to_dict()))
        else:
            counts = ", ".join(f"{k} {v}" for k, v in report.counts.items())
            click.echo(f"{name}  ({counts + '; ' if counts else ''}{report.seconds:.1f}s)")
            for k, v in report.metrics.items():
                click.echo(f"  {k:<28} {v:.3f}")
            for row in report.table:
                click.echo("    " + "  ".join(f"{k}={v}" for k, v in row.items()))
        for metric, (got, want) in regressions(report, pins.get(name, {})).items():
            failed = True
            click.echo(f"REGRESSION {name}.{metric}: {got}, pinned {want}", err=True)
    if failed:
        raise SystemExit(1)


def _pins(path: Path, names: list[str]) -> dict[str, dict[str, Any]]:
    """The pins of each suite in ``names`` from a baseline file: keyed by suite name ({"plover": {"micro_f1": 0.86}}),
    or one suite's own pins, metric by metric, as in ``tests/baselines/SUITE.json`` (for one suite only)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise click.BadParameter(f"{path}: not a JSON file of pins ({e})", param_hint="--baseline") from e
    if not isinstance(data, dict):
        raise click.BadParameter(f"{path}: expected a JSON object of pins", param_hint="--baseline")
    if any(k in SUITES for k in data):
        return {name: data.get(name) or {} for name in names}
    if len(names) != 1:
        raise click.BadParameter(
            f"{path} holds one suite's pins (metric names, not suite names): give it with one suite, or key the "
            f"file by suite name", param_hint="--baseline")
    return {names[0]: data}


COMMANDS = [evaluate]
