"""Store commands: ``ingest``, ``events``, ``actors``, ``timeline``, ``show``, ``export``, ``failures``.

Thin commands over ``dragoman.store.Store``.  The store is ``./dragoman.duckdb`` unless
``$DRAGOMAN_DB`` or ``--db`` says otherwise.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from dragoman.cli.options import (
    clean_errors,
    dump_json,
    filter_options,
    follow_symlinks_option,
    load_settings,
    processes_option,
    settings_options,
    warn,
)
from dragoman.errors import DragomanError, FormatError
from dragoman.filters import SORT_KEYS, query_from
from dragoman.model import Article, Failure, ReferenceDate

if TYPE_CHECKING:
    from dragoman.settings import Settings

_LINE_SOURCE = re.compile(r"^(?P<path>.+):(?P<line>\d+)$")


# -- shared options ---------------------------------------------------------------------------


def db_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--db", type=click.Path(dir_okay=False), default=None,
                        help="The DuckDB store (default: $DRAGOMAN_DB, else ./dragoman.duckdb).")(fn)


def db_path(db: str | None) -> str:
    from dragoman.settings import Settings

    return db or Settings.load().db


def open_store(db: str | None, read_only: bool = True):
    from dragoman.store import Store

    return Store.open(db_path(db), read_only=read_only)


def fmt_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
                        help="table (for people), json (a JSON array) or csv.")(fn)


# -- ingest -----------------------------------------------------------------------------------


def _coded_jsonl(path: Path, max_line: int) -> bool:
    """Is this a JSONL file of coded records (``dragoman extract --jsonl`` output)?  Its first line
    is read up to ``max_line`` bytes: a longer one is left to the raw reader, which reports it."""
    if path.suffix.lower() not in (".jsonl", ".ndjson", ".json") or not path.is_file():
        return False
    try:
        with open(path, "rb") as fh:
            while line := fh.readline(max_line + 1):
                if len(line) > max_line:
                    return False
                if line.strip():
                    rec = json.loads(line)
                    return isinstance(rec, dict) and "dragoman_version" in rec and "events" in rec
    except (OSError, ValueError, RecursionError):
        return False
    return False


def read_coded(path: Path, settings: Settings) -> Iterator[Article | Failure]:
    """Coded records → Articles, without running the model again.

    The lines come from the JSONL reader (:func:`dragoman.ingest.files.jsonl_lines`: at most
    ``max_jsonl_line_bytes`` a line, each decoded as UTF-8 on its own); each is checked against the record
    schema on its own: a bad line is one failure named ``PATH:LINE`` with the field and what is wrong, and
    the lines after it are read as usual."""
    from dragoman.ingest.files import jsonl_lines

    with open(path, "rb") as fh:
        for src, line in jsonl_lines(fh, str(path), settings):
            if isinstance(line, Failure):
                yield line
                continue
            try:
                rec = json.loads(line)
            except (ValueError, RecursionError) as e:
                why = "nested too deeply" if isinstance(e, RecursionError) else str(e)
                yield _coded_failure(FormatError(f"not a JSON record: {why}", source=src,
                                                 hint="give records written by dragoman extract --jsonl"))
                continue
            try:
                art = Article.from_dict(rec)
            except DragomanError as e:
                e.source = src
                yield _coded_failure(e)
                continue
            yield art.replace(meta={**dict(art.meta), "source": src})


def _coded_failure(err: DragomanError) -> Failure:
    return Failure(source=err.source or "", code=err.code, message=err.message + (f" ({err.hint})" if err.hint else ""))


def _batch_dir(path: Path) -> bool:
    return path.is_dir() and (path / "manifest.json").exists()


def _read_batch(path: Path) -> Iterator[Article | Failure]:
    """The coded articles and failures of a ``dragoman batch`` output folder."""
    from dragoman.scale.output import read_batch_output

    try:
        yield from read_batch_output(path)
    except DragomanError as e:
        yield Failure(source=e.source or str(path), code=e.code, message=e.message + (f" ({e.hint})" if e.hint else ""))


def _items(inputs: Iterable[str], settings, store, encoding: str | None, published: str | None,
           processes: int, keep: set[str] | None = None) -> Iterator[Article | Failure]:
    """Coded inputs as they are; raw inputs through the pipeline (skipping articles already stored)."""
    from dragoman.text.dates import parse_published

    raw: list[str] = []
    for inp in inputs:
        p = Path(inp)
        if _batch_dir(p):
            yield from _keep(_read_batch(p), keep)
        elif _coded_jsonl(p, settings.max_jsonl_line_bytes):
            yield from _keep(read_coded(p, settings), keep)
        else:
            raw.append(inp)
    if not raw:
        return
    from dragoman.ingest import read_inputs
    from dragoman.runner import run

    day = parse_published(published, source="--published") if published else None

    def inputs_() -> Iterator[Article | Failure]:
        for item in warn(_keep(read_inputs(raw, settings, encoding=encoding), keep)):
            if day and isinstance(item, Article):
                item = item.replace(published=published, reference_date=ReferenceDate(day, "user", True))
            yield item

    yield from run(store.filter_new(inputs_()), settings, processes)


def _keep(items: Iterable[Article | Failure], keep: set[str] | None) -> Iterator[Article | Failure]:
    if keep is None:
        yield from items
        return
    for it in items:
        src = it.source if isinstance(it, Failure) else str(it.meta.get("source") or "")
        if src in keep:
            yield it


@click.command()
@click.argument("inputs", nargs=-1)
@db_option
@click.option("--retry-failures", is_flag=True, help="Try the stored failures again (their inputs must still be there).")
@click.option("--published", help="The publication date (YYYY-MM-DD) of every raw input: a trusted reference date.")
@click.option("--encoding", help="Decode text inputs with this encoding instead of UTF-8.")
@processes_option
@click.option("--batch-size", type=click.IntRange(min=1), default=500, show_default=True, help="Articles per transaction.")
@click.option("--progress", is_flag=True, help="Print a line on stderr after each committed batch.")
@click.option("--optimize", is_flag=True,
              help="Afterwards rewrite the events in date order (after loading an archive out of date order: pages get fast again).")
@follow_symlinks_option
@settings_options
@clean_errors
def ingest(inputs: tuple[str, ...], db: str | None, retry_failures: bool, published: str | None, encoding: str | None,
           processes: int | None, batch_size: int, progress: bool, optimize: bool, follow_symlinks: bool,
           settings_file: str | None, actors_file: str | None) -> None:
    """Code INPUTS (files, folders, JSONL, coded JSONL from `dragoman extract --jsonl`, Dask batch
    output folders) and store articles, actors, events, mentions, quotes, times and failures.

    Ingesting an article again changes nothing; one real-world event reported by several
    articles becomes one event with its mentions counted. Each batch is one transaction.
    Failed inputs are stored (see `dragoman failures`); the exit code is 1 when any failed.
    """
    if not inputs and not retry_failures and not optimize:
        raise click.UsageError("give INPUT files or folders, or --retry-failures (or --optimize alone)")
    settings = load_settings(settings_file, actors_file=actors_file, n_process=processes, db=db,
                             follow_symlinks=follow_symlinks or None)
    from dragoman.store import Store

    with Store.open(db_path(db) if db else settings.db) as store:
        keep = None
        todo = list(inputs)
        if retry_failures:
            # an entry a folder walk skipped (a FIFO, a link leading outside) is not read on its own
            # either: given directly it would be read, so it is retried by walking its folder again
            fails = [f for f in store.failures() if f["code"] != "skipped"]
            keep = {f["source"] for f in fails}
            for f in fails:
                m = _LINE_SOURCE.match(f["source"])
                path = m.group("path") if m and Path(m.group("path")).exists() else f["source"]
                if path not in todo:
                    todo.append(path)
            if not todo:
                click.echo("no failures to retry", err=True)
                return
            # retried inputs that are now stored (or skipped as known) are no longer failures
            keep_all = keep
            keep = None if inputs else keep_all
        def report(c: dict[str, int]) -> None:
            click.echo(f"committed: {c['articles']} new articles, {c['skipped']} already there, {c['failures']} failures", err=True)

        items = _items(todo, settings, store, encoding, published, settings.n_process, keep)
        counts = store.ingest(items, batch_size=batch_size,
                              on_batch=report if progress else None)
        if optimize:
            store.optimize()
        if retry_failures:
            store.remove_failures(store.stored_sources(keep_all or ()))
        total = store.counts()
    click.echo(
        f"{counts['articles']} articles stored ({counts['replaced']} replaced, {counts['skipped']} already there, "
        f"{counts['near_duplicates']} near-duplicates), {counts['events']} article events "
        f"({counts['merged']} merged into events other articles reported), {counts['failures']} failures; "
        f"the store now holds {total['articles']} articles and {total['events']} events",
        err=True,
    )
    if counts["failures"]:
        click.echo("error: some inputs failed; see them with: dragoman failures (retry: dragoman ingest --retry-failures)", err=True)
        sys.exit(1)


# -- queries ----------------------------------------------------------------------------------


def _print_rows(rows: list[dict[str, Any]], fmt: str, columns: list[tuple[str, str]], title: str) -> None:
    if fmt == "json":
        click.echo(dump_json(rows, pretty=True))
        return
    if fmt == "csv":
        # RFC 4180 line ends (CRLF), as in `export --format csv`: a carriage return inside a cell is quoted
        w = csv.DictWriter(sys.stdout, fieldnames=[c for c, _ in columns], extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({c: _csv_cell(r.get(c)) for c, _ in columns})
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    for _, label in columns:
        table.add_column(label, overflow="fold")
    for r in rows:
        table.add_row(*[_cell(r.get(c), 90) for c, _ in columns])
    Console(width=None if sys.stdout.isatty() else 200).print(table)


def _cell(v: Any, width: int | None = None) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        v = "; ".join(str(x.get("name") if isinstance(x, dict) else x) for x in v)
    s = str(v)
    if width and len(s) > width:
        s = s[: width - 1] + "…"
    return s


def _csv_cell(v: Any) -> str:
    """A CSV cell: numbers as they are (-3.5), text safe for spreadsheets (``'=…``: see ``spreadsheet_cell``)."""
    from dragoman.store.export import spreadsheet_cell

    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return _cell(v)
    return spreadsheet_cell(_cell(v))


EVENT_COLUMNS = [("id", "id"), ("date", "date"), ("type", "type"), ("cameo", "cameo"), ("source_names", "source"),
                 ("target_names", "target"), ("place", "place"), ("num_mentions", "mentions"), ("num_sources", "outlets"),
                 ("evidence_text", "evidence")]


def event_csv_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from dragoman.store.export import csv_row

    return [csv_row(r) for r in rows]


@click.command()
@db_option
@filter_options()
@click.option("--limit", type=click.IntRange(min=0), default=50, show_default=True, help="At most this many events.")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many first.")
@click.option("--sort", type=click.Choice(SORT_KEYS), default="date", show_default=True, help="The column to sort by.")
@click.option("--asc", is_flag=True, help="Ascending order (default: descending).")
@fmt_option
@clean_errors
def events(db: str | None, limit: int, offset: int, sort: str, asc: bool, fmt: str, actor: str | None, **kw: Any) -> None:
    """List stored events (one per real-world event), newest first, with filters."""
    with open_store(db) as store:
        rows, total = store.query_events(query_from({**kw, "actor": actor}), limit=limit, offset=offset, sort=sort,
                                         descending=not asc)
    if fmt == "csv":
        from dragoman.store.export import CSV_COLUMNS

        _print_rows(event_csv_rows(rows), "csv", [(c, c) for c in CSV_COLUMNS], "")
        return
    _print_rows(rows, fmt, EVENT_COLUMNS, f"{len(rows)} of {total} events")


@click.command()
@db_option
@filter_options()
@click.option("--limit", type=click.IntRange(min=1), default=30, show_default=True)
@fmt_option
@clean_errors
def actors(db: str | None, limit: int, fmt: str, actor: str | None, **kw: Any) -> None:
    """The most active actors (in the events matching the filters), with their codes."""
    with open_store(db) as store:
        rows = store.top_actors(query_from({**kw, "actor": actor}), limit=limit)
    cols = [("name", "name"), ("country", "country"), ("org", "org"), ("sector", "sector"), ("events", "events"),
            ("as_source", "as source"), ("as_target", "as target"), ("id", "id")]
    _print_rows(rows, fmt, cols, "most active actors")


@click.command()
@click.argument("actor", required=False)
@db_option
@filter_options(actor=False)
@fmt_option
@clean_errors
def timeline(actor: str | None, db: str | None, fmt: str, **kw: Any) -> None:
    """Events per day by quad class: all events, or those involving ACTOR (a name, id or code)."""
    with open_store(db) as store:
        days = store.timeline_days(query_from({**kw, "actor": actor}))
    cols = [("date", "date"), ("q1", "verbal coop."), ("q2", "material coop."), ("q3", "verbal conflict"),
            ("q4", "material conflict"), ("total", "events")]
    _print_rows(days, fmt, cols, f"events per day: {actor or 'all events'}")


@click.command()
@click.argument("ident")
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--explain-merge", is_flag=True,
              help="For an event: every stored event each of its reports was compared with, and why it joined or not.")
@clean_errors
def show(ident: str, db: str | None, fmt: str, explain_merge: bool) -> None:
    """Show an event (its mentions, evidence marked, why each report joined it) or an article (its text,
    evidence marked)."""
    from dragoman.errors import NotFoundError

    with open_store(db) as store:
        ev = store.get_event(ident)
        art = None if ev else store.get_article(ident)
        explained = store.explain_merge(ident) if ev and explain_merge else []
    if ev is None and art is None:
        raise NotFoundError(f"no event or article with id '{ident}'", hint="list ids with: dragoman events --format json")
    if fmt == "json":
        click.echo(dump_json({**ev, "merge_considered": explained} if ev and explain_merge else (ev or art), pretty=True))
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.text import Text

    con = Console(width=None if sys.stdout.isatty() else 200)
    if ev:
        con.print(f"[bold]{ev['id']}[/bold]  {ev['type']}{'/' + ev['mode'] if ev['mode'] else ''}  cameo {ev['cameo'] or '-'}  "
                  f"quad {ev['quad_class'] or '-'}  date {ev['date'] or '?'} ({ev['date_precision']})  place {ev['place'] or '-'}")
        con.print(f"source: {escape(ev['source_names'] or '-')}   target: {escape(ev['target_names'] or '-')}")
        flags = [k for k in ("negated", "hypothetical", "future", "historical") if ev.get(k)]
        con.print(f"{ev['num_mentions']} mentions, {ev['num_sources']} sources" + (f"; {', '.join(flags)}" if flags else ""))
        for m in ev["mentions"]:
            con.print(f"\n[dim]{escape(m['article_id'])}[/dim] {escape(m.get('title') or '')} {escape(m.get('url') or '')}"
                      + (f" [dim](copy of {escape(m['duplicate_of'])})[/dim]" if m.get("duplicate_of") else ""))
            s, (ts, te) = m["start"], m["trigger"]
            sent = m["sentence"] or ""
            a, b = max(0, ts - s), max(0, te - s)
            con.print(Text("  ").append(sent[:a]).append(f"⟦{sent[a:b]}⟧", style="bold reverse").append(sent[b:]))
            if m.get("merge_reason"):
                con.print(f"  [dim]joined because: {escape(m['merge_reason'])}[/dim]")
        for row in explained:
            verdict = "joined" if row["same_event"] else ("could join" if row["compatible"] else "kept apart")
            con.print(f"[dim]{escape(row['article_id'])}[/dim] vs {escape(row['candidate'] or '(new)')} "
                      f"({escape(', '.join(row['candidate_articles']))}): {verdict}: {escape(row['why'])}")
        return
    assert art is not None  # no event by that id, so the article was found
    text = art["text"]
    marks: list[tuple[int, int, str]] = []
    for e in art.get("events", []):
        for v in e.get("evidence", []):
            marks.append((v["trigger"][0], v["trigger"][1], e["type"]))
    con.print(f"[bold]{escape(art['id'])}[/bold] {escape(art.get('title') or '')} {escape(art.get('url') or '')}")
    out, pos = Text(), 0
    for s, e, t in sorted(marks):
        if s < pos:
            continue
        out.append(text[pos:s]).append(f"⟦{text[s:e]}⟧", style="bold reverse").append(f"⟨{t}⟩", style="dim")
        pos = e
    out.append(text[pos:])
    con.print(out)
    for e in art.get("events", []):
        con.print(f"- {e['type']} {e.get('cameo') or ''} → event {e.get('event_id')} "
                  f"({e.get('num_mentions')} mentions, {e.get('num_sources')} sources)")


@click.command()
@db_option
@filter_options()
@click.option("--format", "fmt", type=click.Choice(["plover", "csv", "parquet", "gdelt"]), required=True,
              help="plover (JSONL), csv, parquet, or gdelt (GDELT 2.0 events TSV, never negated/hypothetical).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, writable=True), help="The file to write.")
@click.option("--coarse-dates", is_flag=True,
              help="gdelt: also events dated only to a week, month, quarter or year (written as its first day).")
@click.option("--all", "all_events", is_flag=True,
              help="gdelt: also events with no coded participant (no country, organisation or sector on either side).")
@clean_errors
def export(db: str | None, fmt: str, output: str, actor: str | None, coarse_dates: bool, all_events: bool,
           **kw: Any) -> None:
    """Export events (the same filters and defaults as `dragoman events`)."""
    left_out: dict[str, int] = {}
    with open_store(db) as store:
        n = store.export(query_from({**kw, "actor": actor}), fmt, output, coarse_dates=coarse_dates,
                         all_events=all_events,
                         left_out=left_out)
    click.echo(f"{n} events written to {output}", err=True)
    why = {"coarse_date": "dated only to a week, month, quarter or year (--coarse-dates keeps them)",
           "no_participant": "with no coded participant (--all keeps them)",
           "no_date": "with no date or no CAMEO code (GDELT needs both)"}
    for k, v in left_out.items():
        if v:
            click.echo(f"{v} events left out: {why[k]}", err=True)


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@clean_errors
def failures(db: str | None, fmt: str) -> None:
    """Inputs that could not be processed, with the reason (retry: dragoman ingest --retry-failures)."""
    with open_store(db) as store:
        rows = store.failures()
    cols = [("source", "input"), ("code", "code"), ("stage", "stage"), ("message", "reason"), ("attempts", "attempts"),
            ("last_seen", "last tried")]
    _print_rows(rows, fmt, cols, f"{len(rows)} failures")


COMMANDS = [ingest, events, actors, timeline, show, export, failures]
