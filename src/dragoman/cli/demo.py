"""``dragoman demo``: code the bundled sample articles and print the events.

OWNER after the foundation: the store work (issue 6) — it makes the demo ingest into DuckDB.
"""

from __future__ import annotations

from pathlib import Path

import click

from dragoman.cli.options import clean_errors

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@click.command()
@click.option("--db", type=click.Path(dir_okay=False), default="demo.duckdb", show_default=True, help="The DuckDB file to fill.")
@clean_errors
def demo(db: str) -> None:
    """Code the bundled sample articles and print the events found."""
    from rich.console import Console
    from rich.table import Table

    from dragoman.ingest import read_inputs
    from dragoman.model import Article
    from dragoman.runner import run
    from dragoman.settings import Settings

    settings = Settings()
    table = Table(title="dragoman demo: events in the sample articles")
    for col in ("article", "type", "cameo", "source", "target", "date", "evidence"):
        table.add_column(col)
    for art in run(read_inputs([str(SAMPLES)], settings), settings):
        if not isinstance(art, Article):
            continue
        for ev in art.events:
            name = lambda ids: ", ".join(a.name for i in ids if (a := art.actor(i)))  # noqa: E731
            ev0 = ev.evidence[0] if ev.evidence else None
            table.add_row(art.id[:18], ev.type, ev.cameo or "", name(ev.sources), name(ev.targets), ev.date or "",
                          art.text[ev0.start:ev0.end][:80] if ev0 else "")
    Console().print(table)


COMMANDS = [demo]
