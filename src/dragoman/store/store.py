"""The event store: one DuckDB file, the only place dragoman speaks SQL.

    with Store.open("dragoman.duckdb") as store:
        counts = store.ingest(run(read_inputs(["news/"], settings), settings))
        rows, total = store.query_events(EventQuery(actor="Pakistan", since="2020-10-01"))

Writes go in batches; each batch is one transaction (crash-safe: a killed ingest leaves the store
as it was before the batch or after it).  Rows are bulk-loaded from Arrow tables, never inserted
one by one.  Ingesting the same article again (same id, canonical URL or text) changes nothing;
an article coded by a newer dragoman replaces its older records in the same transaction.
"""

from __future__ import annotations

import functools
import json
import os
import re
import stat
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, Self, TypeVar, cast

import duckdb
import pyarrow as pa

from dragoman import __version__
from dragoman.errors import FormatError, StoreCorruptError, StoreError, StoreLockedError
from dragoman.filters import EventQuery
from dragoman.ids import digest
from dragoman.model import Article, Failure
from dragoman.store import aggregates
from dragoman.store import query as Q
from dragoman.store.merge import Cluster, Merger, merged_rows
from dragoman.store.records import article_rows, canonical_url, member_id, text_hash
from dragoman.store.schema import SCHEMA_VERSION, current_version, migrate

if TYPE_CHECKING:
    from dragoman.ingest.dedup import NearDuplicateIndex
    from dragoman.store.window import WindowIndex

BATCH = 500  # articles per transaction
CHECKPOINT_MB = 1024  # a store held to a memory limit lets its WAL grow to this before DuckDB checkpoints it itself
#: values of list filters (``list_contains(?, column)``) a long-running writer's connection reads with before it is
#: opened afresh between two reads (``Store.reopen_filtered``): DuckDB 2.0 keeps about 60 bytes of each value of a
#: filter on a table scan until the database is closed (measured: 7.5 kB more of the C heap after each read of
#: ``article_events`` by 128 event ids, the same with the list inline or unnested, nothing with 2; given back on
#: closing), and a batch's merge over the watch soak's store at 9,916 articles reads with about 200,000 of them
FILTERED_VALUES = 25_000
#: the columns of ``article_events`` the merge reads of a stored event's members (``merge.compatible``, ``Cluster``,
#: ``Merger``, and ``merged_rows`` for what it takes of every member); a batch loads them for every candidate event
MERGE_COLUMNS = ("id", "article_id", "event_id", "type", "cameo", "date", "date_precision", "date_lo", "date_hi",
                 "reciprocal", "negated", "hypothetical", "future", "confidence", "place", "place_country",
                 "place_precision", "lat", "lon", "sources", "targets", "source_group", "n_evidence", "url")
#: the rest that ``merged_rows`` copies from a merged event's representative member: read only for the events a
#: batch changes (``Store._fill_reps``)
REP_COLUMNS = ("evidence_text", "mode", "contexts", "quad_class", "score", "date_text", "historical", "rule")
_MAX_MEMORY_MB = 65536.0  # ``set_memory_limit`` raised after running out of memory up to this
_PID = re.compile(r"PID (\d+)")

_ARROW = {
    "VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(), "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"), "VARCHAR[]": pa.list_(pa.string()),
    "BLOB": pa.binary(),
}


def _vtuple(v: str | None) -> tuple[int, ...]:
    out = []
    for part in re.split(r"[.+-]", v or "0"):
        if not part.isdigit():
            break
        out.append(int(part))
    return tuple(out)


def sidecar_path(path: str | os.PathLike[str]) -> Path:
    """Where a running ``dragoman serve`` announces itself: ``<db>.server.json``."""
    return Path(str(path) + ".server.json")


def _alive(pid: Any) -> bool:
    try:
        os.kill(int(pid), 0)
    except PermissionError:
        return True
    except (OSError, TypeError, ValueError):
        return False
    return True


def _locked_message(path: str, err: Exception) -> StoreLockedError:
    side = sidecar_path(path)
    holder = None
    if side.exists():
        try:
            info = json.loads(side.read_text(encoding="utf-8"))
            if not _alive(info.get("pid")):
                raise ValueError("stale sidecar: its server is gone")
            holder = f"a dragoman server (pid {info.get('pid')}, {info.get('url')}, started {info.get('started')})"
        except (OSError, ValueError):
            holder = None
    if holder:
        return StoreLockedError(
            f"the store is in use by {holder}",
            source=path,
            hint=f"write and query through its API ({info.get('url')}) or stop the server first",
        )
    m = _PID.search(str(err))
    who = f"process {m.group(1)}" if m else "another process"
    return StoreLockedError(
        f"the store is locked by {who} (DuckDB allows one writer)",
        source=path,
        hint="wait for it to finish, stop it, or use another --db file",
    )


def _printable(value: Any) -> Any:
    """A failure's text as the database can hold it: a lone surrogate (from an undecodable file name,
    or a bad record quoted in the message) written as its escape, ``\\udc80``."""
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    return value


def refusal(article: Article) -> Failure | None:
    """The failure to store instead of ``article`` when it breaks the record schema (``dragoman.validation``)."""
    from dragoman.validation import check_article

    try:
        check_article(article)
    except FormatError as e:
        meta = article.meta if isinstance(article.meta, Mapping) else {}
        aid = article.id if isinstance(article.id, str) and article.id else None
        source = meta.get("source") if isinstance(meta.get("source"), str) else None
        return Failure(source=source or aid or "(an article without an id)", code=e.code,
                       message=f"{e.message} ({e.hint})", article_id=aid)
    return None


#: what DuckDB says about a truncated or damaged file, and how we say it
_CORRUPT: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"not a valid DuckDB database file"),
     lambda m: "it is not a DuckDB database, or its header is damaged"),
    (re.compile(r"Could not read enough bytes from file .*?: (attempted to read \d+ bytes from location \d+)"),
     lambda m: f"truncated: DuckDB {m.group(1)} past its end"),
    (re.compile(r"Could not read enough bytes"), lambda m: "truncated: DuckDB read past its end"),
    (re.compile(r"Corrupt database file|checksum \d+ does not match"), lambda m: "a block fails its checksum"),
)
#: the bytes before a DuckDB file's first block: its main header and two database headers
_HEADER_BYTES = 3 * 4096


def _corrupt(path: str, detail: str) -> StoreCorruptError:
    return StoreCorruptError(
        f"the store file is corrupted ({detail})",
        source=path,
        hint=f"restore {path} from a copy, or move it aside and ingest your inputs again into a new store: "
             f"dragoman ingest INPUTS --db {path}",
    )


def _corrupt_error(path: str, err: BaseException) -> StoreCorruptError | None:
    """A StoreCorruptError when DuckDB's error says the file is truncated or damaged, else None."""
    text = str(err)
    for pattern, say in _CORRUPT:
        m = pattern.search(text)
        if m:
            return _corrupt(path, say(m))
    return None


def _check_size(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """Refuse a file too short to hold the blocks its header says are in use (a truncated copy or
    download): DuckDB opens it and fails only when a query reaches a missing block.  (Free blocks
    may lie past the end: DuckDB leaves trailing free blocks out of the file.)"""
    try:
        size = os.path.getsize(path)
    except OSError:
        return
    row = con.execute("SELECT block_size, used_blocks FROM pragma_database_size() LIMIT 1").fetchall()
    if not row or row[0][0] is None or row[0][1] is None:
        return
    want = _HEADER_BYTES + int(row[0][0]) * int(row[0][1])
    if size < want:
        raise _corrupt(path, f"truncated: it has {size:,} bytes, the blocks its header lists need {want:,}")


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _locked(fn: Callable[Concatenate[Store, _P], _R]) -> Callable[Concatenate[Store, _P], _R]:
    """Serialise a method on the store's lock: one DuckDB connection is not safe to share
    between threads (the API serves requests from a thread pool).  A DuckDB error saying the
    file is damaged becomes a StoreCorruptError naming it."""

    @functools.wraps(fn)
    def wrapper(self: Store, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        with self._lock:
            try:
                return fn(self, *args, **kwargs)
            except duckdb.Error as e:
                corrupt = _corrupt_error(self.path, e)
                if corrupt is not None:
                    raise corrupt from e
                raise

    return wrapper


class _Fetched:
    """A statement's rows read at once (what ``Store._sql`` returns when the statement needed more memory than the
    limit, given back after it): ``fetchall``, ``fetchone`` and ``description`` as on a DuckDB connection."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.description = con.description
        self._rows = con.fetchall() if con.description else []

    def fetchall(self) -> list[Any]:
        return self._rows

    def fetchone(self) -> Any:
        return self._rows[0] if self._rows else None


@dataclass
class _Batch:
    """The rows of one batch of articles, before the merge."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # by table
    replaced_ids: set[str] = field(default_factory=set)  # stored articles a newer coding replaces
    new_members: list[tuple[dict[str, Any], list[str]]] = field(default_factory=list)  # (article event, copies of)
    sig_rows: list[dict[str, Any]] = field(default_factory=list)
    ok_sources: list[str] = field(default_factory=list)  # inputs stored: their old failures go
    ok_ids: list[str] = field(default_factory=list)


@dataclass
class _Merged:
    """The merged events one batch changes: the ids of the old rows, the new rows."""

    old_event_ids: set[str]
    ev_rows: list[dict[str, Any]] = field(default_factory=list)
    actor_rows: list[dict[str, Any]] = field(default_factory=list)
    key_rows: list[dict[str, Any]] = field(default_factory=list)
    member_rows: list[dict[str, Any]] = field(default_factory=list)  # the batch's new article events, whole
    moved: dict[str, str] = field(default_factory=dict)  # stored article events now of another event: id -> event id


class Store:
    """A DuckDB event store.  Use ``Store.open(path)`` (a context manager)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool):
        self.con = con
        self.path = path
        self.read_only = read_only
        self._index: NearDuplicateIndex | WindowIndex | None = None  # built on first write
        self._schemas: dict[str, pa.Schema] = {}
        self._columns: dict[str, list[str]] = {}
        self._seq: int | None = None
        self._ek: int | None = None  # the next events.ek (set from the store on first write)
        self.known_skipped = 0  # articles ``filter_new`` found stored already
        self._filtered = 0  # values of list filters read with since the connection was opened (``reopen_filtered``)
        self._lock = threading.RLock()

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str], read_only: bool = False) -> Store:
        p = str(path)
        if read_only and not Path(p).exists():
            raise StoreError("no store here yet", source=p, hint="create it with: dragoman ingest FILES --db " + p)
        if not read_only:
            parent = Path(p).parent
            if not parent.exists():
                raise StoreError(f"the folder {parent} does not exist", source=p, hint="create it or pick another --db path")
        try:
            mode = os.stat(p).st_mode
        except OSError:
            mode = None  # missing (created below), or DuckDB says what is wrong
        if mode is not None and not stat.S_ISREG(mode):
            # DuckDB would wait for ever on a FIFO's writer, and read or write a device
            kind = "a folder" if stat.S_ISDIR(mode) else "a FIFO (named pipe)" if stat.S_ISFIFO(mode) else \
                "a device or socket"
            raise StoreError(f"the store is {kind}, not a regular file", source=p,
                             hint="give --db the path of a DuckDB file (or of one to create)")
        try:
            con = duckdb.connect(p, read_only=read_only)
        except duckdb.IOException as e:
            corrupt = _corrupt_error(p, e)
            if corrupt is not None:
                raise corrupt from e
            if "lock" in str(e).lower():
                raise _locked_message(p, e) from e
            raise StoreError(f"cannot open the store: {e}", source=p, hint="check the path and permissions") from e
        except duckdb.Error as e:
            corrupt = _corrupt_error(p, e)
            if corrupt is not None:
                raise corrupt from e
            if "different configuration" in str(e):
                raise StoreError("this process already has the store open in another mode (read-only or writing)", source=p,
                                 hint="close the other Store first, or open both the same way") from e
            raise StoreError(f"cannot open the store: {e}", source=p, hint="is this a DuckDB file?") from e
        try:
            _check_size(con, p)
            if read_only:
                v = current_version(con)
                if v == 0:
                    raise StoreError("this DuckDB file holds no dragoman store", source=p, hint="run dragoman ingest on it first")
                if v != SCHEMA_VERSION:
                    raise StoreError(f"the store has schema version {v}, this dragoman uses {SCHEMA_VERSION}", source=p,
                                     hint="open it once for writing (dragoman ingest) to migrate it")
            else:
                migrate(con, p, __version__)
        except duckdb.Error as e:
            con.close()
            corrupt = _corrupt_error(p, e)
            if corrupt is not None:
                raise corrupt from e
            raise
        except Exception:
            con.close()
            raise
        return cls(con, p, read_only)

    @_locked
    def close(self) -> None:
        if self.con is not None:
            self._checkpoint()
            self.con.close()
            self.con = None  # type: ignore[assignment]

    def _checkpoint(self) -> None:
        """Write the WAL into the file now, under DuckDB's default memory limit (most of the machine's memory), for a
        store held to a small one (``set_memory_limit``), which is set again after it: a checkpoint that runs out of
        memory fails for good, the database instance invalidated ("Failed to create checkpoint", and after a commit
        "the autocheckpoint failed": a watcher under 24 MB died so over 4,000 articles); a checkpoint's memory is
        given back after it."""
        if not self.memory_mb or self.read_only or self._in_transaction or self.path in (":memory:", ""):
            return
        try:
            self.con.execute("RESET memory_limit")
            self.con.execute("CHECKPOINT")
        except duckdb.Error:
            pass  # another connection's transaction: DuckDB checkpoints on closing, or replays the WAL on opening
        finally:
            try:
                self.con.execute(f"SET memory_limit = '{int(self.memory_mb)}MB'")
            except duckdb.Error:
                pass  # held above it: ``reconnect`` sets it again on the new connection

    @_locked
    def reconnect(self) -> None:
        """Close the DuckDB connection and open the file again, the in-memory state kept (the near-duplicate
        index, the next numbers): DuckDB gives back what it caches of a growing file (its blocks, its indexes),
        which it otherwise keeps up to its memory limit.  For a long-running writer with no reader on its
        connection (``dragoman watch``); a cursor from ``reader()`` does not survive it."""
        if self.con is None or self.path in (":memory:", ""):
            return
        self._checkpoint()
        self.con.close()
        self.con = None  # type: ignore[assignment]
        self._filtered = 0
        try:
            self.con = duckdb.connect(self.path, read_only=self.read_only)
        except duckdb.Error as e:
            raise StoreError(f"cannot open the store again: {e}", source=self.path,
                             hint="check that the file is still there and readable") from e
        if self.threads:
            self.set_threads(self.threads)
        if self.memory_mb:
            self.set_memory_limit(self.memory_mb)

    #: DuckDB threads of this connection (None: DuckDB's default, one per core); set by ``set_threads``
    threads: int | None = None
    #: DuckDB's memory limit for this store, in MB (None: DuckDB's default); set by ``set_memory_limit``
    memory_mb: float | None = None

    @_locked
    def set_memory_limit(self, mb: float) -> None:
        """Hold DuckDB to ``mb`` MB for this store (kept across ``reconnect``): its cache of the file's blocks and
        the buffers it sizes from the limit (a bulk insert's write buffer is a fifth of it) stay that small.  For a
        long-running writer of small batches (``dragoman watch``); past the limit DuckDB evicts cached blocks and
        spills large intermediates to ``<db>.tmp``.  A store's indexes must fit in it whole: a batch that runs out of
        memory runs again under a limit twice as high (``_more_memory``), which stays; a statement outside the batch's
        transaction has it only while it runs (``_memory_bound``).  DuckDB's own checkpoints are put off
        (``CHECKPOINT_MB``): the store makes them on ``reconnect`` and ``close`` (``_checkpoint``)."""
        self.memory_mb = max(8.0, float(mb))
        self._sql(f"SET memory_limit = '{int(self.memory_mb)}MB'")
        # no checkpoint of DuckDB's own after a commit (one that runs out of memory there invalidates the
        # database): ``reconnect`` and ``close`` make it (``_checkpoint``), the WAL growing a few MB in between
        self._sql(f"SET checkpoint_threshold = '{CHECKPOINT_MB}MB'")

    @_locked
    def set_threads(self, n: int) -> None:
        """Run this connection's queries on ``n`` DuckDB threads (kept across ``reconnect``).  A long-running
        writer of small batches (``dragoman watch``) uses 1: each thread's malloc arena fragments on its own
        and is never given back, so more threads only cost memory there."""
        self.threads = max(1, int(n))
        self._sql(f"SET threads = {self.threads}")

    def reader(self) -> Store:
        """A read-only Store on a cursor of this store's connection: one per thread, reading in parallel."""
        return type(self)(self.con.cursor(), self.path, True)

    @contextmanager
    def snapshot(self) -> Iterator[Store]:
        """A read transaction: every query inside sees the store as it was at the first one (a count and
        its page agree, whatever a writer commits meanwhile)."""
        self._sql("BEGIN TRANSACTION")
        try:
            yield self
        finally:
            try:
                self._sql("ROLLBACK")
            except duckdb.Error:  # a failed statement may have ended the transaction already
                pass

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- helpers -------------------------------------------------------------------------------

    def _sql(self, sql: str, params: list[Any] | None = None) -> duckdb.DuckDBPyConnection:
        if self.con is None:
            raise StoreError("the store is closed", source=self.path, hint="open it again with Store.open")
        self._count_filtered(params)
        head = sql.lstrip()[:8].upper()
        if head.startswith(("COMMIT", "ROLLBACK")):
            self._in_transaction = False  # ended, whether the statement succeeds or not
        cur = self._memory_bound(lambda: self.con.execute(sql, params or []), fetch=True)
        if head.startswith("BEGIN"):
            self._in_transaction = True
        return cur

    #: inside a transaction begun through ``_sql`` (a statement that runs out of memory there is not run again)
    _in_transaction = False

    def _memory_bound(self, run: Callable[[], _R], fetch: bool = False) -> _R:
        """``run()``, and again under a higher memory limit when it ran out of the one ``set_memory_limit`` gave
        DuckDB (``_more_memory``).  Inside a transaction (aborted by the failure) the error goes up with the limit
        raised, which stays, and the transaction's owner begins it again (``_ingest_batch`` does).  Outside one,
        the statement runs again under the raised limit, which is given back after it (DuckDB evicts what it
        cached beyond it): a wide scan (a page of whole event rows pins a block of every column at once) needs
        more than the limit while it runs, and the limit is what bounds DuckDB's cache between statements.
        ``fetch``: ``run`` returns the connection, its result still to be read: read it before giving the limit
        back (DuckDB cannot evict a result it holds)."""
        given: float | None = None  # the limit to give back, once raised for a statement outside a transaction
        try:
            while True:
                try:
                    out = run()
                    if fetch and given is not None:
                        return cast(_R, _Fetched(cast(duckdb.DuckDBPyConnection, out)))
                    return out
                except duckdb.Error as e:
                    in_transaction, before = self._in_transaction, self.memory_mb  # ``_more_memory`` ends an aborted one
                    if not self._more_memory(e):
                        raise
                    e.memory_raised = True  # type: ignore[attr-defined]
                    if in_transaction:
                        given = None
                        raise
                    if given is None:
                        given = before
        finally:
            if given is not None:
                self._give_back(given)

    def _give_back(self, mb: float) -> None:
        """The memory limit back to ``mb`` after a statement that needed more; kept higher when DuckDB cannot evict
        down to it (what it holds pinned, its indexes, needs more)."""
        raised = self.memory_mb
        cur = self.con.cursor()  # a setting of the database: not on the connection, whose result is still to be read
        try:
            cur.execute(f"SET memory_limit = '{int(mb)}MB'")
            self.memory_mb = mb
        except duckdb.Error:
            self.memory_mb = raised
        finally:
            cur.close()

    #: a long-running writer's own connection (``dragoman watch``) is opened afresh, between two of a batch's reads
    #: outside its write transaction, once its list filters held this many values (``FILTERED_VALUES``); None: never
    reopen_filtered: int | None = None

    def _count_filtered(self, params: list[Any] | None) -> None:
        if self.reopen_filtered and params:
            self._filtered += sum(len(p) for p in params if isinstance(p, list))

    def _reopen_if_filtered(self) -> None:
        """Open the connection afresh when its list filters held ``reopen_filtered`` values since it was opened (what
        DuckDB keeps of them is given back only on closing; see ``FILTERED_VALUES``): called between a batch's reads,
        never inside a transaction."""
        if self.reopen_filtered and self._filtered >= self.reopen_filtered and not self._in_transaction:
            self.reconnect()

    def _first(self, sql: str, params: list[Any] | None = None) -> tuple[Any, ...] | None:
        rows = self._sql(sql, params).fetchall()
        return rows[0] if rows else None

    def _arrow(self, sql: str, params: list[Any] | None = None) -> pa.Table:
        if self.con is None:
            raise StoreError("the store is closed", source=self.path, hint="open it again with Store.open")
        self._count_filtered(params)
        return self._memory_bound(lambda: self.con.sql(sql, params=params or None).to_arrow_table())

    def _dicts(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        return cast(list[dict[str, Any]], self._arrow(sql, params).to_pylist())

    def _schema(self, table: str) -> pa.Schema:
        if table not in self._schemas:
            cols = self._sql(f"DESCRIBE {table}").fetchall()
            self._columns[table] = [c[0] for c in cols]
            if all(c[1] in _ARROW for c in cols):
                self._schemas[table] = pa.schema([(c[0], _ARROW[c[1]]) for c in cols])
            else:  # nested columns (events.sources: a list of structs): DuckDB's own Arrow types
                self._schemas[table] = self.con.sql(f"SELECT * FROM {table} LIMIT 0").to_arrow_table().schema
        return self._schemas[table]

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> int:
        """Bulk-load rows through an Arrow table (never row by row)."""
        if not rows:
            return 0
        schema = self._schema(table)
        tbl = pa.Table.from_arrays([pa.array([r.get(f.name) for r in rows], type=f.type) for f in schema], schema=schema)
        name = f"_load_{table}"
        self.con.register(name, tbl)
        try:
            self._sql(f"INSERT INTO {table} SELECT * FROM {name}")
        finally:
            self.con.unregister(name)
        return len(rows)

    @staticmethod
    def _values(values: Iterable[str | None]) -> list[str]:
        """Distinct values (None and empty left out), sorted: the list of ``list_contains(?, column)``, a filter of
        the scan, where a semi-join on a table of them would build a hash table (several MB of the memory limit
        a watcher holds DuckDB to, ``set_memory_limit``; as fast: DuckDB looks a constant list up by hash)."""
        return sorted({v for v in values if v})

    def _delete_in(self, table: str, column: str, values: Iterable[str]) -> None:
        vals = self._values(values)
        if vals:
            self._sql(f"DELETE FROM {table} WHERE list_contains(?, {column})", [vals])

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError("the store was opened read-only", source=self.path, hint="open it with read_only=False to write")

    def _next_seq(self) -> int:
        if self._seq is None:
            self._seq = int(self._sql("SELECT coalesce(max(seq), 0) FROM articles").fetchall()[:1][0][0]) + 1
            sig = self._sql("SELECT coalesce(max(seq), 0) FROM signatures").fetchall()[:1][0][0]
            self._seq = max(self._seq, int(sig) + 1)
        s = self._seq
        self._seq += 1
        return s

    def number_event(self, row: dict[str, Any], actors: list[dict[str, Any]]) -> None:
        """Give a new ``events`` row its integer key ``ek``, and its ``event_actors`` rows the same."""
        if self._ek is None:
            self._ek = int(self._sql("SELECT coalesce(max(ek), 0) FROM events").fetchall()[:1][0][0]) + 1
        row["ek"] = self._ek
        for a in actors:
            a["ek"] = self._ek
        self._ek += 1

    #: how many of the latest stored articles the in-memory near-duplicate index holds (None: all of them);
    #: a long-running writer (``dragoman watch``) bounds it: the index is then a ``WindowIndex``, one block
    #: of memory taken at once (about 1.1 kB an article), which does not grow with what is stored
    dedup_window: int | None = None

    def _dedup(self) -> NearDuplicateIndex | WindowIndex:
        if self._index is None:
            import numpy as np

            from dragoman.ingest.dedup import NearDuplicateIndex

            if self.dedup_window:
                from dragoman.store.window import WindowIndex

                first = self._first("SELECT seq FROM signatures ORDER BY seq DESC LIMIT 1 OFFSET ?",
                                    [int(self.dedup_window) - 1])
                self._index = WindowIndex.from_signatures(
                    int(self.dedup_window), ((k, np.frombuffer(s, dtype=np.uint64)) for k, s in self._signatures(
                        first[0] if first else None)))
            else:
                self._index = NearDuplicateIndex.from_signatures(
                    (k, np.frombuffer(s, dtype=np.uint64)) for k, s in self._signatures(None))
        return self._index

    def _signatures(self, start: int | None, page: int = 1000) -> Iterator[tuple[str, bytes]]:
        """The stored MinHash signatures ``(article id, bytes)`` in their order, from ``seq`` ``start`` on (None: all),
        read ``page`` at a time: a watcher starting afresh over a large store holds one page, not them all (the
        whole window read at once took about 4 kB an article until the first round's end)."""
        after = None if start is None else int(start) - 1
        while True:
            if after is None:
                rows = self._sql("SELECT seq, article_id, sig FROM signatures ORDER BY seq LIMIT ?", [page]).fetchall()
            else:
                rows = self._sql("SELECT seq, article_id, sig FROM signatures WHERE seq > ? ORDER BY seq LIMIT ?",
                                 [after, page]).fetchall()
            for _, k, sig in rows:
                yield k, sig
            if len(rows) < page:
                return
            after = rows[-1][0]

    # -- writing -------------------------------------------------------------------------------

    @_locked
    def known(self, article: Article) -> bool:
        """Is this article (same id, canonical URL or text) stored by this or a newer dragoman?"""
        return cast(bool, self._match([article]).get(0, {}).get("skip", False))

    def filter_new(self, items: Iterable[Article | Failure], batch: int = 200) -> Iterator[Article | Failure]:
        """Pass through failures and the articles the store does not hold yet (saves coding them again).

        The articles left out are counted in ``self.known_skipped``; ``ingest`` adds them to its
        ``skipped`` count (a rerun after a crash reports what was already there)."""
        buf: list[Article | Failure] = []

        def flush() -> Iterator[Article | Failure]:
            arts = [(i, x) for i, x in enumerate(buf) if isinstance(x, Article)]
            found = self._match([a for _, a in arts])
            skip = {arts[k][0] for k, v in found.items() if v.get("skip")}
            self.known_skipped += len(skip)
            for i, x in enumerate(buf):
                if i not in skip:
                    yield x

        for item in items:
            buf.append(item)
            if len(buf) >= batch:
                yield from flush()
                buf = []
        if buf:
            yield from flush()

    @_locked
    def _match(self, arts: list[Article]) -> dict[int, dict[str, Any]]:
        """For each article (by position) the stored article it repeats, and whether to skip it."""
        if not arts:
            return {}
        keys = [(a.id, canonical_url(a.url), text_hash(a.text)) for a in arts]
        # lists, not three semi-joins on a table of keys: each hash join takes DuckDB several MB of its memory
        # limit, which a watcher holds small (``set_memory_limit``)
        rows = self._dicts(
            "SELECT a.id, a.canonical_url, a.text_hash, a.dragoman_version, a.duplicate_of, a.source_group "
            "FROM articles a WHERE list_contains(?, a.id) OR list_contains(?, a.canonical_url) "
            "OR list_contains(?, a.text_hash)",
            [sorted({k[i] for k in keys if k[i]}) for i in range(3)])
        by_id = {r["id"]: r for r in rows}
        by_url = {r["canonical_url"]: r for r in rows if r["canonical_url"]}
        by_hash: dict[str, list[dict[str, Any]]] = {}
        for r in rows:
            by_hash.setdefault(r["text_hash"], []).append(r)
        out: dict[int, dict[str, Any]] = {}
        for i, (a, (aid, curl, th)) in enumerate(zip(arts, keys)):
            old = by_id.get(aid) or (by_url.get(curl) if curl else None)
            if old is None:
                for r in by_hash.get(th, ()):
                    if not curl or not r["canonical_url"] or r["canonical_url"] == curl:
                        old = r
                        break
            if old is not None:
                newer = _vtuple(a.dragoman_version) > _vtuple(old["dragoman_version"])
                out[i] = {"old": old, "skip": not newer}
        return out

    def ingest(self, items: Iterable[Article | Failure], batch_size: int = BATCH,
               on_batch: Callable[[dict[str, int]], None] | None = None) -> dict[str, int]:
        """Store coded articles and failures, ``batch_size`` articles per transaction; return counts.

        Counts: articles (new), replaced (newer dragoman), skipped (already stored), near_duplicates,
        events (article events stored), merged (of those, joined an event another article reported),
        failures.  ``on_batch(counts)`` is called after each committed transaction.
        """
        self._writable()
        counts = dict.fromkeys(("articles", "replaced", "skipped", "near_duplicates", "events", "merged", "failures"), 0)
        arts: list[Article] = []
        fails: list[Failure] = []
        start, counted = self.known_skipped, 0  # articles ``filter_new`` left out of ``items`` are skipped too

        def commit(arts: list[Article], fails: list[Failure]) -> None:
            nonlocal counted
            self._ingest_batch(arts, fails, counts)
            filtered = self.known_skipped - start
            counts["skipped"] += filtered - counted
            counted = filtered
            if on_batch:
                on_batch(dict(counts))

        for item in items:
            if isinstance(item, Failure):
                fails.append(item)
            elif isinstance(item, Article):
                bad = refusal(item)
                if bad is None:
                    arts.append(item)
                else:
                    fails.append(bad)
            else:
                raise StoreError(f"cannot store a {type(item).__name__}", hint="give Article or Failure records")
            if len(arts) >= batch_size or len(fails) >= batch_size:
                commit(arts, fails)
                arts, fails = [], []
        if arts or fails:
            commit(arts, fails)
        counts["skipped"] += self.known_skipped - start - counted
        return counts

    @_locked
    def _ingest_batch(self, arts: list[Article], fails: list[Failure], counts: dict[str, int]) -> None:
        while True:
            before = dict(counts)
            try:
                self._ingest_batch_inner(arts, fails, counts)
                return
            except BaseException as e:
                self._index = None  # the in-memory index may hold articles the rollback dropped
                self._seq = None
                self._ek = None
                if isinstance(e, duckdb.Error) and (getattr(e, "memory_raised", False) or self._more_memory(e)):
                    counts.clear()
                    counts.update(before)
                    continue  # the batch again, nothing of it stored yet
                raise

    def _more_memory(self, err: duckdb.Error) -> bool:
        """After DuckDB ran out of the memory ``set_memory_limit`` gave it (a large store's indexes must fit in
        it whole, a large result too): a limit twice as high, and True (the caller tries again); False when no limit was set or
        it is high already."""
        text = str(err)
        if not self.memory_mb or self.memory_mb >= _MAX_MEMORY_MB or not (
                isinstance(err, duckdb.OutOfMemoryException) or "could not allocate" in text or "Out of Memory" in text):
            return False
        self.memory_mb = min(_MAX_MEMORY_MB, self.memory_mb * 2)
        if self._in_transaction:  # aborted by the failure: DuckDB takes no other statement until it is rolled back
            try:
                self.con.execute("ROLLBACK")
            except duckdb.Error:
                pass
            self._in_transaction = False
        self.con.execute(f"SET memory_limit = '{int(self.memory_mb)}MB'")
        return True

    def _ingest_batch_inner(self, arts: list[Article], fails: list[Failure], counts: dict[str, int]) -> None:
        now = datetime.now(UTC).replace(tzinfo=None)
        arts, clashes = self._id_clashes(arts)
        fails = fails + clashes
        batch = self._article_batch(arts, counts, now)
        merged = self._merge_batch(batch, counts, now)
        fail_rows = self._failure_rows(fails, now)
        counts["failures"] += len(fail_rows)
        self._write_batch(batch, merged, fail_rows)

    def _id_clashes(self, arts: list[Article]) -> tuple[list[Article], list[Failure]]:
        """The articles whose events may be stored, and a failure for each whose event id a different article
        holds already (a hand-made coded record reusing an ``ev-…`` id): ids are unique in the store. The
        same article again (its id, URL or text), which the batch skips, is no clash."""
        ids = {a.id: [member_id(a, e) for e in a.events] for a in arts}
        every = sorted({i for v in ids.values() for i in v})
        owner: dict[str, tuple[str, str | None, str]] = {}  # event id -> (article id, canonical URL, text hash)
        if every:  # two filters, not a join (a hash table: several MB of a watcher's DuckDB memory limit)
            held = dict(self._sql("SELECT id, article_id FROM article_events WHERE list_contains(?, id)", [every]).fetchall())
            if held:
                stored = {r[0]: (r[0], r[1], r[2]) for r in self._sql(
                    "SELECT id, canonical_url, text_hash FROM articles WHERE list_contains(?, id)",
                    [self._values(held.values())]).fetchall()}
                owner.update({k: stored[a] for k, a in held.items() if a in stored})
        ok: list[Article] = []
        bad: list[Failure] = []
        for a in arts:
            me = (a.id, canonical_url(a.url), text_hash(a.text))
            clash = next((i for i in ids[a.id] if i in owner and owner[i][0] != a.id
                          and not (me[1] and owner[i][1] == me[1]) and owner[i][2] != me[2]), None)
            if clash is None:
                ok.append(a)
                for i in ids[a.id]:
                    owner.setdefault(i, me)
                continue
            source = a.meta.get("source") if isinstance(a.meta.get("source"), str) else None
            bad.append(Failure(source=source or a.id, code="format", article_id=a.id,
                               message=f"event id {clash} is already article {owner[clash][0]}'s: event ids are "
                                       "unique in the store (leave the ids dragoman wrote, or give each article its own)"))
        return ok, bad

    def _article_batch(self, arts: list[Article], counts: dict[str, int], now: datetime) -> _Batch:
        """The rows of the articles to store (an article stored already, or twice in the batch, is skipped;
        one coded by a newer dragoman replaces the stored one), each new one checked for a near-duplicate."""
        matches = self._match(arts)
        batch = _Batch()
        seen_ids: set[str] = set()
        seen_urls: set[str] = set()
        seen_hashes: dict[str, list[str | None]] = {}
        groups: dict[str, str] = {}
        for i, art in enumerate(arts):
            m = matches.get(i)
            curl, th = canonical_url(art.url), text_hash(art.text)
            repeat = art.id in seen_ids or (curl is not None and curl in seen_urls) or any(
                u is None or curl is None or u == curl for u in seen_hashes.get(th, ()))
            if (m and m["skip"]) or repeat:
                counts["skipped"] += 1
                continue
            seen_ids.add(art.id)
            if curl:
                seen_urls.add(curl)
            seen_hashes.setdefault(th, []).append(curl)
            seq = self._next_seq()
            if m:
                old = m["old"]
                batch.replaced_ids.add(old["id"])
                dup, group = old["duplicate_of"], old["source_group"] or art.id
                counts["replaced"] += 1
            else:
                dup, group = self._new_article(art, seq, groups, batch, counts)
            groups[art.id] = group
            r = article_rows(art, seq=seq, source_group=group, duplicate_of=dup, now=now)
            for table, lst in r.items():
                batch.rows.setdefault(table, []).extend(lst)
            copies = [dup] if dup else []
            for mem in r["article_events"]:
                batch.new_members.append((mem, copies))
            batch.ok_ids.append(art.id)
            if art.meta.get("source"):
                batch.ok_sources.append(str(art.meta["source"]))
        counts["events"] += len(batch.new_members)
        return batch

    def _new_article(self, art: Article, seq: int, groups: dict[str, str], batch: _Batch,
                     counts: dict[str, int]) -> tuple[str | None, str]:
        """A new article's near-duplicate (or None) and source group; its MinHash signature joins the batch."""
        import numpy as np

        from dragoman.ingest.dedup import minhash

        sig = minhash(art.text)
        dup = self._dedup().add(art.id, sig)
        if self.dedup_window:
            self._dedup().trim(self.dedup_window)
        batch.sig_rows.append({"article_id": art.id, "seq": seq, "sig": np.asarray(sig, dtype=np.uint64).tobytes()})
        group = art.id
        if dup:
            group = groups.get(dup) or self._group_of(dup) or dup
            counts["near_duplicates"] += 1
        counts["articles"] += 1
        return dup, group

    #: new article events merged per load of the stored clusters they may join (None: the whole batch at once).
    #: A long-running writer (``dragoman watch``: ``watch.merge_chunk``) sets it: the clusters are then loaded
    #: for one event type and this many of its events at a time, and those left untouched are let go, so
    #: the memory a batch takes does not grow with how many stored events share its participants (a busy
    #: story's: every CONSULT with China of the last days, loaded again for each batch)
    merge_chunk: int | None = None
    #: with ``merge_chunk``: stored merged events loaded at once (None: all a chunk may join).  When a chunk may join
    #: more, each of its events is compared with those it may join this many at a time (``Merger.add_paged``), so
    #: that the memory merging takes does not grow with the store (a story that goes on for days: every meeting
    #: of its countries on its days is a candidate for each new one)
    merge_page: int | None = None

    def _merge_batch(self, batch: _Batch, counts: dict[str, int], now: datetime) -> _Merged:
        """The merged events the batch changes: the stored ones losing members (replaced articles) and
        those the new article events join or start, as rows to write instead of the old ones.

        With ``merge_chunk`` set, the new article events are merged one type at a time (a cluster holds one
        type: the types never meet) in chunks of ``merge_chunk``, in batch order within a type; for each chunk
        the stored clusters it may join are loaded, and those it leaves untouched are let go.  The result is
        the one merging the whole batch at once gives: a chunk sees every stored cluster its events could
        join (those an earlier chunk changed, as changed) and every cluster the batch started."""
        changed: dict[str, Cluster] = {}  # stored clusters the batch changed, by their id in the store
        started: dict[int, tuple[int, Cluster]] = {}  # clusters the batch started: (where in the batch, cluster)
        if batch.replaced_ids:
            for c in self._load_clusters(batch.replaced_ids, []):
                c.remove_articles(batch.replaced_ids)
                if c.touched:
                    changed[cast(str, c.old_id)] = c
        chunks = [batch.new_members] if batch.new_members else []
        if self.merge_chunk:
            by_type: dict[str, list[tuple[dict[str, Any], list[str]]]] = {}
            for mem, copies in batch.new_members:
                by_type.setdefault(mem["type"], []).append((mem, copies))
            step = max(1, int(self.merge_chunk))
            chunks = [members[at:at + step] for members in by_type.values() for at in range(0, len(members), step)]
        at = {id(mem): i for i, (mem, _) in enumerate(batch.new_members)}
        for chunk in chunks:
            found = self._candidate_ids(chunk)
            every = set().union(*found)
            page = self.merge_page or 0
            if page > 0 and len(every - changed.keys()) > page:
                # more than a page: each event compared with its own candidates a page at a time
                merger = Merger([c for c in [*changed.values(), *(c for _, c in started.values())] if c.members])
                groups = self._article_groups(every - changed.keys())
                for (mem, copies), mine in zip(chunk, found):
                    c = merger.add_paged(mem, copies, self._pages(mine, groups, page, changed))
                    self._merged_one(c, mem, at, counts, changed, started)
                continue
            loaded = [changed.get(cast(str, c.old_id), c) for c in self._clusters(every)]
            known = {id(c) for c in loaded}
            pool = loaded + [c for c in [*changed.values(), *(c for _, c in started.values())] if id(c) not in known]
            merger = Merger([c for c in pool if c.members])
            for mem, copies in chunk:
                self._merged_one(merger.add(mem, copies), mem, at, counts, changed, started)
        # numbered as merging the whole batch at once numbers them: the stored ones by id, then the new in batch order
        touched = [changed[k] for k in sorted(changed)] + [c for _, c in sorted(started.values(), key=lambda x: x[0])]
        merged = _Merged(old_event_ids={c.old_id for c in touched if c.old_id})
        self._fill_reps([c for c in touched if c.members])
        new_ids = {id(mem) for mem, _ in batch.new_members}
        for c in touched:
            if not c.members:
                continue
            row, acts, keys = merged_rows(c, now)
            self.number_event(row, acts)
            merged.ev_rows.append(row)
            merged.actor_rows += acts
            merged.key_rows += keys
            for mem in c.members:
                if id(mem) in new_ids:
                    mem["event_id"] = row["id"]
                    merged.member_rows.append(mem)
                elif mem["event_id"] != row["id"]:  # a stored one: only its event id changes (``_write_batch``)
                    merged.moved[mem["id"]] = row["id"]
        return merged

    @staticmethod
    def _merged_one(c: Cluster, mem: dict[str, Any], at: dict[int, int], counts: dict[str, int],
                    changed: dict[str, Cluster], started: dict[int, tuple[int, Cluster]]) -> None:
        """Note where a new article event went: ``c``, a stored cluster (``changed``) or one the batch started."""
        if len(c.members) > 1:
            counts["merged"] += 1
        if c.old_id is not None:
            changed[c.old_id] = c
        else:
            started.setdefault(id(c), (at[id(mem)], c))

    def _write_batch(self, batch: _Batch, merged: _Merged, fail_rows: list[dict[str, Any]]) -> None:
        """One transaction: the replaced articles' and changed events' rows out, the batch's rows in; the stored
        members of a changed event whose id changed get the new id in place (``_move_members``)."""
        self._sql("BEGIN TRANSACTION")
        try:
            for table in ("articles", "article_actors", "article_events", "mentions", "times", "quotes"):
                self._delete_in(table, "id" if table == "articles" else "article_id", batch.replaced_ids)
            self._delete_in("events", "id", merged.old_event_ids)
            self._delete_in("event_actors", "event_id", merged.old_event_ids)
            self._delete_in("event_keys", "event_id", merged.old_event_ids)
            self._delete_in("failures", "source", batch.ok_sources + [f["source"] for f in fail_rows])
            self._delete_in("failures", "article_id", batch.ok_ids)
            self._move_members(merged.moved)
            for table in ("articles", "article_actors", "mentions", "times", "quotes"):
                self._insert(table, batch.rows.get(table, []))
            self._insert("article_events", merged.member_rows)
            self._insert("events", sorted(merged.ev_rows, key=lambda r: (r["date"] is None, r["date"] or 0, r["id"])))
            self._insert("event_actors", merged.actor_rows)
            self._insert("event_keys", merged.key_rows)
            self._insert("signatures", batch.sig_rows)
            self._insert("failures", fail_rows)
            self._sql("COMMIT")
        except BaseException:
            try:
                self._sql("ROLLBACK")
            except duckdb.Error:
                pass
            raise

    def _group_of(self, article_id: str) -> str | None:
        row = self._first("SELECT source_group FROM articles WHERE id = ?", [article_id])
        return row[0] if row else None

    def _load_clusters(self, replaced_ids: set[str], new_members: list[tuple[dict[str, Any], list[str]]],
                       narrow: bool = True) -> list[Cluster]:
        """The stored merged events a batch may change, with all their members: those holding an article the batch
        replaces, and those ``_candidate_ids`` gives for its new article events."""
        ids: set[str] = set()
        if replaced_ids:
            ids |= self._events_of(replaced_ids)
        for found in self._candidate_ids(new_members, narrow):
            ids |= found
        return self._clusters(ids)

    def _events_of(self, article_ids: Iterable[str]) -> set[str]:
        """The merged events holding any of these articles' events."""
        return {r[0] for r in self._sql("SELECT event_id FROM article_events WHERE list_contains(?, article_id)",
                                        [self._values(article_ids)]).fetchall()}

    def _candidate_ids(self, new_members: list[tuple[dict[str, Any], list[str]]], narrow: bool = True) -> list[set[str]]:
        """For each new article event, the stored merged events it may join: those holding an article its article
        nearly copies, and those sharing a participant key with it under its type, dated within a day of it.
        ``narrow``: of the last, only those whose row (its representative member's type, CAMEO code, modes and dates)
        is not apart from the article event (``merge.kind_apart``): it could join no other (every member of an
        event must be compatible with it), and on a busy story most are (``explain_merge`` lists them all)."""
        from dragoman.store.merge import kind_apart, member_keys

        self._reopen_if_filtered()
        found: list[set[str]] = [set() for _ in new_members]
        wanted: dict[tuple[str, str], list[tuple[int, date, date]]] = {}  # (type, key) -> (which, dates)
        for at, (mem, _) in enumerate(new_members):
            if mem["date_lo"] is None:
                continue
            for ks in member_keys(mem):
                for k in ks:
                    wanted.setdefault((mem["type"], k), []).append((at, mem["date_lo"], mem["date_hi"]))
        pairs = self._keyed_events(wanted)  # (new article event, stored event)
        if pairs and narrow:  # the stored event's kind, from its row: kept when not apart
            kinds: dict[str, list[dict[str, Any]]] = {}
            for r in self._dicts("SELECT id, type, cameo, negated, hypothetical, future, historical, date_lo, "
                                 "date_precision FROM events WHERE list_contains(?, id)",
                                 [self._values(eid for _, eid in pairs)]):
                kinds.setdefault(r.pop("id"), []).append(r)
            pairs = {(at, eid) for at, eid in pairs
                     if any(kind_apart(new_members[at][0], k) is None for k in kinds.get(eid, ()))}
        for at, eid in pairs:
            found[at].add(eid)
        copies = {c for _, cps in new_members for c in cps}
        if copies:
            holding: dict[str, set[str]] = {}
            for aid, eid in self._sql("SELECT article_id, event_id FROM article_events WHERE list_contains(?, article_id)",
                                      [self._values(copies)]).fetchall():
                holding.setdefault(aid, set()).add(eid)
            for at, (_, cps) in enumerate(new_members):
                for c in cps:
                    found[at] |= holding.get(c, set())
        return found

    def _keyed_events(self, wanted: Mapping[tuple[str, str], list[tuple[int, date, date]]]) -> set[tuple[int, str]]:
        """The stored merged events sharing a participant key under a type with ``wanted`` (``(type, key)`` -> the
        new article events asking, each with its dates) and dated within a day of one asking: ``(which, event id)``
        pairs.  Read with filters (lists of keys and types, a span of dates), matched here: a join would build hash
        tables in DuckDB, several MB of a watcher's memory limit each (``set_memory_limit``)."""
        if not wanted:
            return set()
        day = timedelta(days=1)
        lo = min(x[1] for asks in wanted.values() for x in asks) - day
        hi = max(x[2] for asks in wanted.values() for x in asks) + day
        rows = self._sql(
            "SELECT event_id, type, key, date_lo, date_hi FROM event_keys WHERE list_contains(?, key) "
            "AND list_contains(?, type) AND date_lo <= ? AND date_hi >= ?",
            [self._values(k for _, k in wanted), self._values(t for t, _ in wanted), hi, lo]).fetchall()
        pairs: set[tuple[int, str]] = set()
        for eid, typ, key, k_lo, k_hi in rows:
            for at, m_lo, m_hi in wanted.get((typ, key), ()):
                if k_lo <= m_hi + day and k_hi >= m_lo - day:
                    pairs.add((at, eid))
        return pairs

    def _clusters(self, ids: Iterable[str]) -> list[Cluster]:
        """The stored merged events ``ids`` with all their members, by id: of each member, the columns the merge
        reads (``MERGE_COLUMNS``); ``_fill_reps`` reads the rest of a changed event's representative member."""
        ids = set(ids)
        if not ids:
            return []
        self._reopen_if_filtered()
        # in (seq, id) order, sorted here: a sort in DuckDB holds its rows in DuckDB's memory limit
        members = sorted(self._dicts(f"SELECT {', '.join(MERGE_COLUMNS)}, seq FROM article_events "
                                     "WHERE list_contains(?, event_id)", [self._values(ids)]),
                         key=lambda m: (m["seq"] is None, m["seq"] or 0, m["id"]))
        by: dict[str, list[dict[str, Any]]] = {}
        for m in members:
            by.setdefault(m["event_id"], []).append(m)
        return [Cluster(ms, old_id=eid) for eid, ms in sorted(by.items())]

    def _fill_reps(self, clusters: list[Cluster]) -> None:
        """Read the rest of the representative member (``REP_COLUMNS``) of each of ``clusters`` that is a stored one,
        loaded with the merge's columns only (``_clusters``): ``merged_rows`` copies them into the event's row."""
        reps = {c.rep["id"]: c.rep for c in clusters if REP_COLUMNS[0] not in c.rep}
        if not reps:
            return
        rows = self._dicts(f"SELECT id, {', '.join(REP_COLUMNS)} FROM article_events WHERE list_contains(?, id)",
                           [self._values(reps)])
        for r in rows:
            reps[r.pop("id")].update(r)

    def _move_members(self, moved: Mapping[str, str]) -> None:
        """Stored article events now of another merged event (its id changed, ``Cluster.id``): their ``event_id``
        set in place; their other columns, ``merge_reason`` included, do not change."""
        by_event: dict[str, list[str]] = {}
        for mid, eid in moved.items():
            by_event.setdefault(eid, []).append(mid)
        for eid, mids in sorted(by_event.items()):  # a filter, not a join: a join takes DuckDB several MB
            self._sql("UPDATE article_events SET event_id = ? WHERE list_contains(?, id)", [eid, sorted(mids)])

    def _article_groups(self, ids: set[str]) -> dict[str, frozenset[str]]:
        """Of the stored merged events ``ids``, each one's group: the events linked to it through articles with
        members in both (``Merger.restates`` compares a member with the other events of its article, so a page
        of candidates holds whole groups)."""
        parent = {e: e for e in ids}

        def root(e: str) -> str:
            while parent[e] != e:
                parent[e] = parent[parent[e]]
                e = parent[e]
            return e

        first: dict[str, str] = {}  # article id -> an event holding it
        if ids:
            self._reopen_if_filtered()
            rows = self._sql("SELECT event_id, article_id FROM article_events WHERE list_contains(?, event_id)",
                             [self._values(ids)]).fetchall()
            for eid, aid in rows:
                other = first.setdefault(aid, eid)
                a, b = root(eid), root(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
        groups: dict[str, set[str]] = {}
        for e in ids:
            groups.setdefault(root(e), set()).add(e)
        return {e: frozenset(groups[root(e)]) for e in ids}

    def _pages(self, ids: set[str], groups: dict[str, frozenset[str]], size: int,
               held: Mapping[str, Any]) -> Iterator[list[Cluster]]:
        """The stored merged events ``ids`` and their groups (``_article_groups``), but those ``held`` in memory
        already, loaded ``size`` events at a time (a group larger than that as one page), in order of id."""
        whole = sorted({g for g in (frozenset(groups.get(e, frozenset((e,))) - held.keys()) for e in ids if e not in held)
                        if g}, key=min)
        page: set[str] = set()
        for g in whole:
            if page and len(page) + len(g) > size:
                yield self._clusters(page)
                page = set()
            page |= g
        if page:
            yield self._clusters(page)

    def _failure_rows(self, fails: list[Failure], now: datetime) -> list[dict[str, Any]]:
        if not fails:
            return []
        uniq: dict[str, Failure] = {}
        for f in fails:
            f = Failure(*(_printable(v) for v in (f.source, f.code, f.message, f.stage, f.article_id)))
            uniq[f.source] = f
        prev = {r[0]: (r[1], r[2]) for r in self._sql(
            "SELECT source, attempts, first_seen FROM failures WHERE list_contains(?, source)",
            [self._values(uniq)]).fetchall()}
        out = []
        for src, f in uniq.items():
            attempts, first = prev.get(src, (0, now))
            out.append({"id": "fail-" + digest(src, length=12), "source": src, "code": f.code, "message": f.message,
                        "stage": f.stage, "article_id": f.article_id, "dragoman_version": __version__,
                        "attempts": (attempts or 0) + 1, "first_seen": first, "last_seen": now})
        return out

    @_locked
    def optimize(self) -> None:
        """Rewrite ``events`` in date order (and ``event_actors`` in event order), in one transaction.

        A page of events reads whole column vectors around its rows: when the rows of one date
        lie together (a store ingested in publication order, or optimised), a page costs a few
        milliseconds; when they are scattered through the table (an archive loaded out of date
        order) each row costs about a millisecond.  Readers see the old table until the commit.
        """
        self._writable()
        self._sql("BEGIN TRANSACTION")
        try:
            for table, order, index in (("events", "date NULLS LAST, id", "CREATE INDEX events_id ON events (id)"),
                                        ("event_actors", "ek, role DESC, ord",
                                         "CREATE INDEX event_actors_event ON event_actors (event_id)")):
                self._sql(f"DROP INDEX IF EXISTS {index.split()[2]}")
                self._sql(f"CREATE TABLE _{table}_sorted AS SELECT * FROM {table} ORDER BY {order}")
                self._sql(f"DROP TABLE {table}")
                self._sql(f"ALTER TABLE _{table}_sorted RENAME TO {table}")
                self._sql(index)
            self._sql("COMMIT")
        except BaseException:
            try:
                self._sql("ROLLBACK")
            except duckdb.Error:
                pass
            raise
        self._schemas.clear()
        self._sql("CHECKPOINT")

    @_locked
    def stored_sources(self, sources: Iterable[str]) -> set[str]:
        """Those of ``sources`` (input names) that a stored article came from."""
        rows = self._sql("SELECT DISTINCT source FROM articles WHERE list_contains(?, source)",
                         [self._values(sources)]).fetchall()
        return {r[0] for r in rows}

    @_locked
    def remove_failures(self, sources: Iterable[str]) -> None:
        self._writable()
        self._sql("BEGIN TRANSACTION")
        self._delete_in("failures", "source", sources)
        self._sql("COMMIT")

    # -- reading -------------------------------------------------------------------------------

    @_locked
    def counts(self) -> dict[str, int]:
        """Rows per table (for tests, the CLI summary and the API's status)."""
        tables = ("articles", "article_actors", "article_events", "mentions", "events", "event_actors", "times",
                  "quotes", "failures", "signatures")
        return {t: int(self._sql(f"SELECT count(*) FROM {t}").fetchall()[:1][0][0]) for t in tables}

    @_locked
    def query_events(self, q: EventQuery | None = None, limit: int = 100, offset: int = 0, sort: str = "date",
                     descending: bool = True) -> tuple[list[dict[str, Any]], int]:
        """One page of merged events matching ``q`` and the total number matching.

        One table is read (participants and article ids live in the event row).  For every sort
        but ``id`` the matching events are first counted per value of the sort column (one
        GROUP BY: it gives the total too); the page is then read among the rows whose key lies
        in the span the page covers, so a page 200 deep costs about what the first one does.
        With ``self.key_counts`` set (the API server sets it), those counts are kept per filter
        until the next write.
        """
        limit, offset = max(0, int(limit)), max(0, int(offset))
        Q.order_by(sort, descending)  # an unknown sort key is an InputError
        eks = self._event_keys(q)
        if sort not in Q.WINDOWED:
            counted = self._first(*Q.count_sql(q, eks))
            assert counted is not None  # a COUNT has one row
            total = int(counted[0])
            if limit == 0 or offset >= total:
                return [], total
            return self._event_rows(*Q.page_sql(q, sort=sort, descending=descending, limit=limit, offset=offset,
                                                eks=eks)), total
        hist = self._cached(("histogram", sort, repr(q)), lambda: [
            (r[0], int(r[1])) for r in self._sql(*Q.histogram_sql(q, sort, eks)).fetchall()])
        total = sum(n for _, n in hist)
        span = Q.page_window(hist, offset, limit, descending) if limit else None
        if span is None:
            return [], total
        first, last, before, _ = span
        window = Q.window_condition(sort, first, last, descending)
        sql, params = Q.page_sql(q, sort=sort, descending=descending, limit=limit, offset=offset - before,
                                 window=window, eks=eks)
        return self._event_rows(sql, params), total

    #: a shared cache (``get(key)``/``put(key, value)``) valid for this reader's snapshot: the API
    #: server sets it (``dragoman.api.cache.SnapshotCache``); None: nothing is kept
    key_counts: Any = None

    def _cached(self, key: tuple[Any, ...], make: Callable[[], Any]) -> Any:
        cache = self.key_counts
        if cache is None:
            return make()
        hit = cache.get(key)
        if hit is not None:
            return hit
        value = make()
        cache.put(key, value)
        return value

    #: participant filters matching more events than this stay semi-joins in the SQL
    EK_LIST_MAX = 10_000

    def _event_keys(self, q: EventQuery | None) -> dict[str, list[int]]:
        """The participant filters (actor, country, sector) resolved to the keys (``ek``) of the
        events they match, when they match few (one scan of event_actors; the event queries then
        carry the list instead of a semi-join each).  Broad ones (a country code) are left out."""
        out = {}
        for name, cond, params in Q.participant_filters(q):
            def resolve(cond: str = cond, params: list[Any] = params) -> list[int] | bool:
                keys = [r[0] for r in self._sql(f"SELECT DISTINCT ek FROM event_actors WHERE {cond} LIMIT ?",
                                                 params + [self.EK_LIST_MAX + 1]).fetchall()]
                return False if len(keys) > self.EK_LIST_MAX else sorted(keys)

            keys = self._cached(("ek", cond, repr(params)), resolve)
            if keys is not False:
                out[name] = keys
        return out

    def _event_rows(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        cur = self._sql(sql, params)
        names = [d[0] for d in cur.description]
        return [Q.finish_row(dict(zip(names, r))) for r in cur.fetchall()]

    @_locked
    def event_table(self, q: EventQuery | None = None, sort: str = "date", descending: bool = True) -> pa.Table:
        """Every matching event as one Arrow table (for exports)."""
        sql, params = Q.select_sql(q, sort=sort, descending=descending)
        return self._arrow(sql, params)

    @_locked
    def event_members(self) -> list[dict[str, Any]]:
        """Every article event with the merged event it is part of: ``[{event_id, article_id, type, cameo}]``."""
        return self._dicts("SELECT event_id, article_id, type, cameo FROM article_events")

    @_locked
    def resolve_event_id(self, event_id: str) -> str | None:
        row = self._first("SELECT id FROM events WHERE id = ?", [event_id])
        if row:
            return cast(str, row[0])
        row = self._first("SELECT event_id FROM article_events WHERE id = ? LIMIT 1", [event_id])
        return cast(str, row[0]) if row else None

    @_locked
    def get_event(self, event_id: str) -> dict[str, Any] | None:
        """A merged event (by its id or any member's id) with every mention."""
        eid = self.resolve_event_id(event_id)
        if eid is None:
            return None
        rows = self._event_rows(*Q.rows_sql([eid]))
        if not rows:
            return None
        row = rows[0]
        mentions = self._dicts(
            "SELECT ae.article_id, ae.id AS article_event_id, ae.merge_reason, a.url, a.title, a.published, a.source_group, "
            "a.duplicate_of, m.text AS sentence, m.start, m.\"end\", m.trigger_start, m.trigger_end "
            "FROM article_events ae JOIN mentions m ON m.article_event_id = ae.id JOIN articles a ON a.id = ae.article_id "
            "WHERE ae.event_id = ? ORDER BY a.seq, m.ord", [eid])
        texts = dict(self._sql("SELECT id, text FROM articles WHERE list_contains(?, id)",
                               [sorted({m["article_id"] for m in mentions})]).fetchall()) if mentions else {}
        for m in mentions:
            m["trigger"] = [m.pop("trigger_start"), m.pop("trigger_end")]
            m["trigger_text"] = texts.get(m["article_id"], "")[m["trigger"][0]:m["trigger"][1]]
            m["evidence"] = m["sentence"]
        row["mentions"] = mentions
        return row

    @_locked
    def explain_merge(self, event_id: str) -> list[dict[str, Any]]:
        """For each article event of a merged event: every stored event it was compared with, whether it
        could join it and why (what matched, or the first thing that did not)."""
        eid = self.resolve_event_id(event_id)
        if eid is None:
            return []
        members = self._dicts("SELECT * FROM article_events WHERE event_id = ? ORDER BY seq, id", [eid])
        dups = dict(self._sql("SELECT id, duplicate_of FROM articles WHERE list_contains(?, id)",
                              [sorted({m["article_id"] for m in members})]).fetchall())
        out: list[dict[str, Any]] = []
        for m in members:
            copies = [dups[m["article_id"]]] if dups.get(m["article_id"]) else []
            clusters = self._load_clusters(set(), [(m, copies)], narrow=False)
            merger = Merger([Cluster([x for x in c.members if x["id"] != m["id"]], old_id=c.old_id) for c in clusters])
            for c, ok, why in merger.consider(m, copies):
                out.append({"article_event_id": m["id"], "article_id": m["article_id"], "candidate": c.old_id,
                            "same_event": c.old_id == eid, "compatible": ok, "why": why,
                            "candidate_articles": sorted(c.articles)})
        return out

    @_locked
    def top_actors(self, q: EventQuery | None = None, limit: int = 50) -> list[dict[str, Any]]:
        """The most active actors among the events matching ``q``, with their codes."""
        w, params = Q.where(q)
        return self._dicts(
            f"SELECT actor_id AS id, mode(name) AS name, country, org, mode(sector) AS sector, "
            f"count(DISTINCT event_id) AS events, count(*) FILTER (WHERE role = 'source') AS as_source, "
            f"count(*) FILTER (WHERE role = 'target') AS as_target "
            f"FROM event_actors WHERE ek IN (SELECT e.ek FROM events e WHERE {w}) "
            f"GROUP BY actor_id, country, org ORDER BY events DESC, name, id LIMIT ?", params + [int(limit)])

    @_locked
    def timeline(self, q: EventQuery | None = None) -> list[dict[str, Any]]:
        """Events per day and quad class: [{date, quad_class, count}]."""
        w, params = Q.where(q)
        rows = self._dicts(
            f"SELECT e.date, e.quad_class, count(*) AS count FROM events e WHERE {w} AND e.date IS NOT NULL "
            f"GROUP BY ALL ORDER BY e.date, e.quad_class NULLS LAST", params)
        for r in rows:
            r["date"] = r["date"].isoformat()
        return rows

    @_locked
    def timeline_days(self, q: EventQuery | None = None) -> list[dict[str, Any]]:
        """Events per day, one row a day with its count per quad class: [{date, q1, q2, q3, q4, total}]."""
        return aggregates.days(self.timeline(q))

    @_locked
    def network(self, q: EventQuery | None = None, *, nodes: int = 40, events: int = 5000) -> dict[str, Any]:
        """Who deals with whom among the first ``events`` matching events by date: the ``nodes`` most active
        actors and their pairs (``aggregates.dyads``), with how many events were read and how many match."""
        rows, total = self.query_events(q, limit=events, sort="date")
        return {**aggregates.dyads(rows, nodes), "events_read": len(rows), "total": total}

    @_locked
    def places(self, q: EventQuery | None = None, *, events: int = 5000) -> dict[str, Any]:
        """The located events among the first ``events`` matching events by date, grouped by place
        (``aggregates.places``), with how many events were read and how many match."""
        rows, total = self.query_events(q, limit=events, sort="date")
        return {"places": aggregates.places(rows), "events_read": len(rows), "total": total}

    @_locked
    def get_article(self, article_id: str) -> dict[str, Any] | None:
        """The stored article record, each event with the merged event it belongs to."""
        row = self._first(
            "SELECT record, duplicate_of, source_group, ingested_at, id FROM articles WHERE id = ? OR canonical_url = ? LIMIT 1",
            [article_id, canonical_url(article_id) or article_id])
        if row is None:
            return None
        rec = json.loads(row[0])
        rec["duplicate_of"], rec["source_group"] = row[1], row[2]
        rec["ingested_at"] = row[3].isoformat() if row[3] else None
        links = {r["local_id"]: r for r in self._dicts(
            "SELECT ae.local_id, ae.event_id, e.num_mentions, e.num_sources FROM article_events ae "
            "LEFT JOIN events e ON e.id = ae.event_id WHERE ae.article_id = ?", [row[4]])}
        for ev in rec.get("events", []):
            link = links.get(ev["id"], {})
            ev["event_id"] = link.get("event_id")
            ev["num_mentions"] = link.get("num_mentions")
            ev["num_sources"] = link.get("num_sources")
        return cast(dict[str, Any], rec)

    @_locked
    def failures(self, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """The stored failures, the most recent first: all of them, or one page (``limit`` rows after
        ``offset``, cut in SQL: a page of 100,000 failures reads one page, not the table)."""
        sql, params = "SELECT * FROM failures ORDER BY last_seen DESC, source", []
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = [max(0, int(limit)), max(0, int(offset))]
        elif offset:
            sql += " OFFSET ?"
            params = [max(0, int(offset))]
        rows = self._dicts(sql, params)
        for r in rows:
            for k in ("first_seen", "last_seen"):
                r[k] = r[k].isoformat() if r[k] else None
        return rows

    @_locked
    def count_failures(self) -> int:
        return int(self._sql("SELECT count(*) FROM failures").fetchall()[0][0])

    @_locked
    def export(self, q: EventQuery | None, fmt: str, path: str | os.PathLike[str], *, coarse_dates: bool = False,
               all_events: bool = False, left_out: dict[str, int] | None = None) -> int:
        """Write the matching events to ``path`` as plover|csv|parquet|gdelt; return the count (GDELT
        leaves out what its fixed columns cannot say truly, counted in ``left_out``: see ``export``)."""
        from dragoman.store.export import export

        return export(self, q, fmt, path, coarse_dates=coarse_dates, all_events=all_events, left_out=left_out)
