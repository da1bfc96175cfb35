"""``dragoman extract``: code articles and print their records."""

from __future__ import annotations

import sys
from typing import IO

import click

from dragoman.cli.options import (
    clean_errors,
    dump_json,
    follow_symlinks_option,
    load_settings,
    one_line,
    processes_option,
    settings_options,
    warn,
)
from dragoman.ingest import read_inputs
from dragoman.model import Article, Failure, ReferenceDate
from dragoman.text.dates import parse_published


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--jsonl", is_flag=True, help="One record per line, whatever the number of inputs.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the records to FILE instead of standard output.")
@click.option("--published", help="The publication date (YYYY-MM-DD): a trusted reference date for every input.")
@click.option("--encoding", help="Decode text inputs with this encoding instead of UTF-8 (for example cp1252).")
@processes_option
@click.option("--allow-private", is_flag=True, help="Allow fetching URLs on private, loopback and link-local addresses.")
@click.option("--no-robots", is_flag=True, help="Do not check robots.txt before fetching a URL.")
@follow_symlinks_option
@settings_options
@clean_errors
def extract(inputs: tuple[str, ...], jsonl: bool, output: str | None, published: str | None, encoding: str | None,
            processes: int | None, allow_private: bool, no_robots: bool, follow_symlinks: bool,
            settings_file: str | None,
            actors_file: str | None) -> None:
    """Code INPUTS (text or JSONL files, directories, URLs, or - for standard input) and print one
    JSON record per article: actors, events, times, places and quotes with character offsets.

    With one article the record is pretty-printed; with several, or --jsonl, one record per line.
    Failed inputs are reported on stderr, one line each; the exit code is 1 when any failed.
    """
    settings = load_settings(settings_file, actors_file=actors_file, n_process=processes,
                             allow_private=allow_private or None, respect_robots=False if no_robots else None,
                             follow_symlinks=follow_symlinks or None)
    day = parse_published(published, source="--published") if published else None
    from dragoman.runner import run

    def items():
        for item in warn(read_inputs(inputs, settings, encoding=encoding)):
            if day and isinstance(item, Article):
                item = item.replace(published=published, reference_date=ReferenceDate(day, "user", True))
            yield item

    out: IO[str] = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115 - closed in finally
    n_ok = n_failed = 0
    pending: Article | None = None
    progress = _progress(len(inputs))
    try:
        for result in run(items(), settings):  # on settings.n_process workers (--processes sets it)
            if progress:
                progress.update(progress.task_ids[0], advance=1)
            if isinstance(result, Failure):
                n_failed += 1
                click.echo(f"error: {one_line(result.source)}: {one_line(result.message)}", err=True)
                continue
            n_ok += 1
            if jsonl:
                out.write(dump_json(result.to_dict()) + "\n")
            elif pending is None and n_ok == 1:
                pending = result  # hold the first: pretty if it stays alone
            else:
                if pending is not None:
                    out.write(dump_json(pending.to_dict()) + "\n")
                    pending = None
                out.write(dump_json(result.to_dict()) + "\n")
        if pending is not None:
            out.write(dump_json(pending.to_dict(), pretty=True) + "\n")
    finally:
        if progress:
            progress.stop()
        if output:
            out.close()
    if n_failed or n_ok > 1:
        click.echo(f"{n_ok} article{'s' if n_ok != 1 else ''} coded, {n_failed} failed", err=True)
    if n_failed:
        sys.exit(1)


def _progress(n_inputs: int):
    if n_inputs < 5 or not sys.stderr.isatty():
        return None
    from rich.progress import Progress

    p = Progress(transient=True, console=None)
    p.add_task("coding", total=None)
    p.start()
    return p


COMMANDS = [extract]
