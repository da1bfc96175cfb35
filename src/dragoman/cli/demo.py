"""``dragoman demo``: code the bundled sample articles into a DuckDB store and print the events.

The samples include two reports of one meeting by different outlets (one event, two sources) and
a wire story copied by two sites (a near-duplicate: one more mention, not one more source).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from dragoman.cli.options import clean_errors

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@click.command()
@click.option("--db", type=click.Path(dir_okay=False), default="demo.duckdb", show_default=True, help="The DuckDB file to fill.")
@click.option("--limit", type=click.IntRange(min=1), default=200, show_default=True, help="Show at most this many events.")
@clean_errors
def demo(db: str, limit: int) -> None:
    """Code the bundled sample articles into a store and print the events found."""
    from rich.console import Console
    from rich.table import Table

    from dragoman.cli.store import _items
    from dragoman.settings import Settings
    from dragoman.store import EventQuery, Store

    settings = Settings()
    console = Console(width=None if sys.stdout.isatty() else 200)
    with Store.open(db) as store:
        counts = store.ingest(_items([str(SAMPLES)], settings, store, None, None, 1))
        rows, total = store.query_events(EventQuery(), limit=limit, sort="date", descending=False)
        n_articles = store.counts()["articles"]
    table = Table(title=f"dragoman demo: {total} events in {n_articles} sample articles (store: {db})")
    for col in ("date", "type", "cameo", "source", "target", "place", "mentions", "sources", "evidence"):
        table.add_column(col, overflow="fold")
    for r in rows:
        ev = r["evidence_text"] or ""
        table.add_row(r["date"] or "", r["type"], r["cameo"] or "", r["source_names"], r["target_names"], r["place"] or "",
                      str(r["num_mentions"]), str(r["num_sources"]), ev[:90] + ("…" if len(ev) > 90 else ""))
    console.print(table)
    multi = [r for r in rows if r["num_articles"] > 1]
    console.print(f"{counts['articles']} articles coded now ({counts['skipped']} already stored, "
                  f"{counts['near_duplicates']} near-duplicates); {len(multi)} events reported by more than one article:")
    for r in multi:
        console.print(f"  {r['id']} {r['type']} {r['date'] or ''}: {r['num_articles']} articles, "
                      f"{r['num_sources']} sources, {r['num_mentions']} mentions — {r['source_names']} / {r['target_names']}")
    console.print(f"Look closer: dragoman show EVENT_ID --db {db}; dragoman actors --db {db}; dragoman export --db {db} --format gdelt -o events.tsv")


COMMANDS = [demo]
