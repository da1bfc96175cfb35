"""``dragoman watch`` (poll feeds, code and store new articles, fire rules) and ``dragoman alerts``.

Thin commands over ``dragoman.watch``; the watcher's state lives in the store (docs/watch.md).
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
from typing import Any

import click

from dragoman.cli.options import clean_errors, dump_json, load_settings, one_line, settings_options
from dragoman.cli.store import _print_rows, db_option, db_path
from dragoman.errors import StoreError, StoreLockedError


def _echo_err(line: str) -> None:
    click.echo(one_line(line), err=True)


def _table(rows: list[dict[str, Any]], columns: list[tuple[str, str]], title: str) -> None:
    """``_print_rows`` as a table, every text escaped first: a feed's name, an error or an evidence sentence
    holding "[/b]" is news text, not table markup (rich would refuse it or drop it)."""
    from rich.markup import escape

    def clean(v: Any) -> Any:
        if isinstance(v, str):
            return escape(v)
        if isinstance(v, list):
            return [clean(x) for x in v]
        return v

    _print_rows([{k: clean(v) for k, v in r.items()} for r in rows], "table", columns, title)


def _feeds(urls: tuple[str, ...], feeds_file: str | None) -> list[Any]:
    from dragoman.watch.feeds import check_feeds, feeds_from_urls, load_feeds

    feeds = (load_feeds(feeds_file) if feeds_file else []) + feeds_from_urls(urls)
    return check_feeds(feeds, "the feeds given")


@click.command()
@click.argument("urls", nargs=-1)
@click.option("--feeds", "feeds_file", type=click.Path(dir_okay=False),
              help="A YAML file listing the feeds (feeds: - url: ..., name: ..., interval: 15m).")
@click.option("--rules", "rules_file", type=click.Path(dir_okay=False),
              help="A YAML file of watch rules (filters as in `dragoman events`, actions print/log/webhook).")
@db_option
@click.option("--once", is_flag=True, help="Poll every feed once (except those backing off), fire the rules, deliver "
              "what is due, and exit: for cron and systemd timers.")
@click.option("--status", "show_status", is_flag=True,
              help="Show each feed's last poll, items seen, failures and next poll, and each rule's last firing; exit.")
@click.option("--interval", help="The poll interval of feeds without their own: 90, 90s, 10m, 1h "
              "(default: the watch.interval setting, 15m).")
@click.option("--backfill", is_flag=True,
              help="A rule seen for the first time also fires on the events already stored (default: only on new ones).")
@click.option("--allow-private", is_flag=True,
              help="Allow feeds, pages and webhooks on private or loopback addresses (never by default).")
@click.option("--quiet", "-q", is_flag=True, help="No progress lines on stderr (alerts are still printed).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="With --status: table (for people) or json.")
@settings_options
@clean_errors
def watch(urls: tuple[str, ...], feeds_file: str | None, rules_file: str | None, db: str | None, once: bool,
          show_status: bool, interval: str | None, backfill: bool, allow_private: bool, quiet: bool, fmt: str,
          settings_file: str | None, actors_file: str | None) -> None:
    """Watch news feeds (URLS, or --feeds FILE): poll each on its interval, code new articles into the
    store, and fire --rules on the events that appear or gain sources.

    Feeds are RSS/Atom, news sitemaps or sitemap indexes (gzip or not), fetched safely (robots.txt, no private addresses, size and
    time limits) with conditional GETs; a failing feed backs off; an item seen before is never
    fetched again. The state is in the store, so a restart resumes where it stopped. Stop with
    Ctrl-C or SIGTERM (the poll in progress finishes first).
    """
    from dataclasses import replace

    settings = load_settings(settings_file, actors_file=actors_file, db=db, allow_private=allow_private or None)
    if interval:
        from dragoman.watch.feeds import duration

        settings = replace(settings, watch=replace(settings.watch, interval=duration(interval, "--interval")))
    path = db_path(db) if db else settings.db
    if show_status:
        _status(path, fmt)
        return
    feeds = _feeds(urls, feeds_file)
    if not feeds:
        raise click.UsageError("give feed URLs or --feeds FILE.yaml (or --status)")
    from dragoman.watch.rules import load_rules

    rules = load_rules(rules_file) if rules_file else []
    from dragoman.store import Store
    from dragoman.watch.watcher import Watcher

    progress = (lambda line: None) if quiet else _echo_err
    with Store.open(path) as store:
        watcher = Watcher(store, feeds, rules, settings, progress=progress, out=click.echo, backfill=backfill)
        try:
            if once:
                _one_round(watcher)
                return
            stop = threading.Event()

            def on_signal(signum: int, frame: Any) -> None:
                _echo_err(f"stopping ({signal.Signals(signum).name}): the poll in progress finishes first")
                stop.set()
                watcher.clock.wake()

            signal.signal(signal.SIGTERM, on_signal)
            signal.signal(signal.SIGINT, on_signal)
            progress(f"watching {len(feeds)} feeds with {len(rules)} rules into {path}")
            # started as `dragoman watch ...` (not called from Python): over its memory limit, it starts afresh
            # and after watch.recycle_articles stored articles (as a worker pool replaces a worker after N tasks)
            cli = sys.argv[1:2] == ["watch"]
            restart = watcher.run(stop, recycle=cli, recycle_articles=settings.watch.recycle_articles if cli else 0)
        finally:
            watcher.close()
    if restart:  # the store and the fetcher are closed: the same command again, in this process's place
        sys.stdout.flush()
        sys.stderr.flush()
        os.execv(sys.executable, [sys.executable, "-m", "dragoman", *sys.argv[1:]])


def _one_round(watcher: Any) -> None:
    """``--once``: one round over every feed, its summary on stderr; exit 1 when a feed failed."""
    report = watcher.run_round(every_feed=True)
    failed = [p for p in report.polls if p.status == "failed"]
    stored = sum(p.stored for p in report.polls)
    _echo_err(f"{len(report.polls)} feeds polled ({len(failed)} failed, "
              f"{sum(p.status == 'not_modified' for p in report.polls)} not modified), {stored} articles "
              f"stored, {sum(p.failed for p in report.polls)} items failed, {len(report.alerts)} alerts")
    if failed:
        for p in failed:
            _echo_err(f"error: {p.error}")
        sys.exit(1)


def _status(path: str, fmt: str) -> None:
    """The status from the store, or (while a watcher holds it) from the watcher's status file."""
    from dragoman.store import Store
    from dragoman.store.watch import WatchState
    from dragoman.watch.watcher import status_path, watch_status

    try:
        with Store.open(path, read_only=True) as store:
            st = watch_status(WatchState(store))
        st["source"] = "store"
    except StoreLockedError as e:
        side = status_path(path)
        if not side.exists():
            raise StoreError(f"the store is locked and there is no watcher status file ({side})", source=path,
                             hint="is another process (a server, an ingest) using it?") from e
        try:
            st = json.loads(side.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise StoreError(f"cannot read the watcher's status file: {err}", source=str(side)) from err
        st["source"] = f"status file of the running watcher (pid {st.get('pid')})"
    except StoreError as e:
        if "schema version" in e.message:
            raise StoreError("this store has never been watched", source=path,
                             hint="start with: dragoman watch --feeds FEEDS.yaml --db " + path) from e
        raise
    if fmt == "json":
        click.echo(dump_json(st, pretty=True))
        return
    feed_cols = [("name", "feed"), ("last_poll", "last poll"), ("last_status", "status"), ("items_seen", "items seen"),
                 ("failures", "failing"), ("failures_total", "failures"), ("next_poll", "next poll"),
                 ("last_error", "last error")]
    _table(st["feeds"], feed_cols, f"{len(st['feeds'])} feeds ({st['source']})")
    _table(st["rules"], [("name", "rule"), ("fired", "alerts"), ("last_fired", "last fired")], f"{len(st['rules'])} rules")
    d = st.get("deliveries") or {}
    click.echo(f"items: {st.get('items')}; alerts: {st.get('alerts')}; deliveries: "
               f"{d.get('delivered', 0)} delivered, {d.get('pending', 0)} pending, {d.get('failed', 0)} failed")


@click.command()
@db_option
@click.option("--rule", help="Only the alerts of this rule.")
@click.option("--failed", "only", flag_value="failed", help="Only alerts a delivery of which failed for good.")
@click.option("--pending", "only", flag_value="pending", help="Only alerts a delivery of which is still to be made.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@clean_errors
def alerts(db: str | None, rule: str | None, only: str | None, limit: int, offset: int, fmt: str) -> None:
    """List the alerts the watch rules fired, the latest first: why each fired, the evidence sentence,
    and how each delivery went."""
    from dragoman.store import Store
    from dragoman.store.watch import WatchState

    path = db_path(db)
    try:
        with Store.open(path, read_only=True) as store:
            rows = WatchState(store).alerts(rule=rule, status=only, limit=limit, offset=offset)
    except StoreError as e:
        if "schema version" in e.message:
            raise StoreError("this store has never been watched", source=path,
                             hint="run dragoman watch on it first") from e
        raise
    out = []
    for r in rows:
        p = json.loads(r["payload"])
        ev = p.get("event") or {}
        out.append({"id": r["id"], "rule": r["rule"], "fired_at": p.get("fired_at"), "reason": r["reason"],
                    "event_id": r["event_id"], "type": ev.get("type"), "date": ev.get("date"),
                    "sources": ev.get("sources"), "targets": ev.get("targets"), "num_sources": ev.get("num_sources"),
                    "evidence": r["evidence"], "url": ev.get("source_url"),
                    "deliveries": [{k: d[k] for k in ("action", "target", "status", "attempts", "last_error")}
                                   for d in r["deliveries"]],
                    "delivery": ", ".join(f"{d['action']} {d['status']}" + (f" ({d['attempts']} tries)"
                                                                            if d["attempts"] > 1 else "")
                                          for d in r["deliveries"])})
    if fmt == "json":
        click.echo(dump_json(out, pretty=True))
        return
    cols = [("fired_at", "fired"), ("rule", "rule"), ("type", "type"), ("sources", "who"), ("targets", "with"),
            ("reason", "why"), ("evidence", "evidence"), ("delivery", "delivery"), ("id", "id")]
    _table(out, cols, f"{len(out)} alerts")


COMMANDS = [watch, alerts]
