"""``dragoman batch``: code many JSONL/WARC files on Dask into Parquet partitions, resumably."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

from dragoman.cli.options import clean_errors, load_settings, settings_options
from dragoman.scale.partitions import DEFAULT_SIZE


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out", required=True, type=click.Path(file_okay=False), help="Output folder: Parquet partitions and manifest.json.")
@click.option("--scheduler", metavar="ADDRESS", help="A running Dask scheduler (tcp://HOST:8786); default: a local cluster.")
@click.option("--workers", type=click.IntRange(min=1), help="Local cluster: worker processes (default: one per core).")
@click.option("--partition-size", type=click.IntRange(min=1), default=DEFAULT_SIZE, show_default=True,
              help="JSONL lines (or text/HTML files) per partition; a WARC file is one partition.")
@settings_options
@clean_errors
def batch(inputs: tuple[str, ...], out: str, scheduler: str | None, workers: int | None, partition_size: int,
          settings_file: str | None, actors_file: str | None) -> None:
    """Code INPUTS (JSONL and WARC files, or folders of them) on Dask and write Parquet tables of
    articles, events, quotes and failures to OUT, with a manifest.

    Every worker loads the model once. A partition that is finished is never redone: after a
    crash or Ctrl-C, run the same command again and it goes on where it stopped. Load the
    result into the store with `dragoman ingest OUT`.
    """
    from dragoman.scale.cluster import run_batch

    settings = load_settings(settings_file, actors_file=actors_file)
    if scheduler and workers:
        click.echo("note: --workers is for the local cluster; the running cluster keeps its own workers", err=True)
    bar = _Bar()
    try:
        summary = run_batch(list(inputs), out, settings, scheduler=scheduler, workers=workers,
                            partition_size=partition_size, progress=bar.update)
    finally:
        bar.stop()
    click.echo(
        f"{summary['partitions']} partitions ({summary['skipped']} already done, {summary['coded']} coded now): "
        f"{summary['articles']} articles, {summary['events']} events, {summary['quotes']} quotes, "
        f"{summary['failures']} failed inputs → {out}",
        err=True,
    )


class _Bar:
    """A progress bar on a terminal; one line per finished partition otherwise."""

    def __init__(self) -> None:
        self.progress: Progress | None = None
        self.task: TaskID | None = None  # set with the progress bar

    def update(self, res: dict, finished: int, total: int) -> None:
        if sys.stderr.isatty():
            if self.progress is None:
                from rich.progress import Progress

                self.progress = Progress(transient=True)
                self.task = self.progress.add_task("partitions", total=total, completed=finished - 1)
                self.progress.start()
            assert self.task is not None  # made with the progress bar
            self.progress.update(self.task, completed=finished)
            return
        name = f"part-{res.get('index', 0):05d}"
        if "error" in res:
            click.echo(f"[{finished}/{total}] {name} failed: {res['error']}", err=True)
        else:
            c = res.get("counts", {})
            click.echo(f"[{finished}/{total}] {name}: {c.get('articles', 0)} articles, {c.get('events', 0)} events, "
                       f"{c.get('failures', 0)} failed ({res.get('seconds', 0)} s)", err=True)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


COMMANDS = [batch]
