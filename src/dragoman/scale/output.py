"""Batch output on disk: Parquet partitions, done markers, the manifest, and reading it back.

Layout of ``--out DIR``::

    manifest.json                 the plan (every partition) and which are done
    articles/part-00000.parquet   one row per article; ``record`` holds the full JSON record
    events/part-00000.parquet     one row per event (flat columns + ``record``)
    quotes/part-00000.parquet     one row per quote
    failures/part-00000.parquet   one row per input or article that failed
    _done/part-00000.json         written last: the partition is finished (the commit point)
    _tmp/                         partitions being written

A worker writes a partition's four files into ``_tmp`` (streaming, in row groups, so memory stays
bounded), renames them into place, then writes its ``_done`` marker atomically (temp file +
rename).  A crash at any point leaves either a finished partition or one that is redone.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from dragoman.errors import InputError
from dragoman.model import Article, Failure

MANIFEST = "manifest.json"
FORMAT = "dragoman-batch"
TABLES = ("articles", "events", "quotes", "failures")
ROW_GROUP = 256

_S, _I, _F, _B = pa.string(), pa.int32(), pa.float64(), pa.bool_()
SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("partition", _I), ("seq", _I), ("id", _S), ("url", _S), ("title", _S), ("published", _S),
        ("reference_date", _S), ("reference_date_source", _S), ("dateline", _S), ("agency", _S), ("source", _S),
        ("n_actors", _I), ("n_events", _I), ("n_quotes", _I), ("record", _S),
    ]),
    "events": pa.schema([
        ("partition", _I), ("seq", _I), ("article_id", _S), ("event_id", _S), ("type", _S), ("mode", _S),
        ("quad_class", _I), ("cameo", _S), ("score", _F), ("sources", _S), ("targets", _S), ("date", _S),
        ("date_precision", _S), ("location", _S), ("country", _S), ("lat", _F), ("lon", _F),
        ("negated", _B), ("hypothetical", _B), ("future", _B), ("historical", _B), ("confidence", _F),
        ("rule", _S), ("record", _S),
    ]),
    "quotes": pa.schema([
        ("partition", _I), ("seq", _I), ("article_id", _S), ("speaker", _S), ("speaker_text", _S),
        ("start", _I), ("end", _I), ("text", _S), ("direct", _B), ("cue", _S), ("channel", _S), ("record", _S),
    ]),
    "failures": pa.schema([
        ("partition", _I), ("seq", _I), ("source", _S), ("code", _S), ("message", _S), ("stage", _S),
        ("article_id", _S),
    ]),
}


def _json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, default=str)


def rows_for(item: Article | Failure, partition: int, seq: int) -> dict[str, list[dict[str, Any]]]:
    """The rows one result adds to each table."""
    if isinstance(item, Failure):
        return {"failures": [{"partition": partition, "seq": seq, **item.to_dict()}]}
    rec = item.to_dict()
    names = {a.id: a.name for a in item.actors}
    events = []
    for e in rec["events"]:
        loc = e.get("location") or {}
        aux = e.get("aux") or {}
        events.append({
            "partition": partition, "seq": seq, "article_id": item.id, "event_id": e["id"], "type": e["type"],
            "mode": e.get("mode"), "quad_class": e.get("quad_class"), "cameo": e.get("cameo"), "score": e.get("score"),
            "sources": _json([names.get(s, s) for s in e.get("sources", ())]),
            "targets": _json([names.get(t, t) for t in e.get("targets", ())]),
            "date": e.get("date"), "date_precision": e.get("date_precision"), "location": loc.get("name"),
            "country": loc.get("country"), "lat": loc.get("lat"), "lon": loc.get("lon"),
            "negated": aux.get("negated"), "hypothetical": aux.get("hypothetical"), "future": aux.get("future"),
            "historical": aux.get("historical"), "confidence": e.get("confidence"), "rule": e.get("rule"),
            "record": _json(e),
        })
    quotes = [{
        "partition": partition, "seq": seq, "article_id": item.id, "speaker": q.get("speaker"),
        "speaker_text": q.get("speaker_text"), "start": q["start"], "end": q["end"], "text": q["text"],
        "direct": q.get("direct"), "cue": q.get("cue"), "channel": q.get("channel"), "record": _json(q),
    } for q in rec["quotes"]]
    ref = rec.get("reference_date") or {}
    article = {
        "partition": partition, "seq": seq, "id": item.id, "url": item.url, "title": item.title,
        "published": item.published, "reference_date": ref.get("date"), "reference_date_source": ref.get("source"),
        "dateline": item.dateline, "agency": item.agency, "source": str(item.meta.get("source") or ""),
        "n_actors": len(rec["actors"]), "n_events": len(events), "n_quotes": len(quotes), "record": _json(rec),
    }
    return {"articles": [article], "events": events, "quotes": quotes}


class PartitionWriter:
    """Streams one partition's rows into Parquet files under ``_tmp``; ``commit()`` publishes them."""

    def __init__(self, out: Path, name: str):
        self.out = out
        self.name = name
        self.tmp = out / "_tmp" / f"{name}.{uuid.uuid4().hex[:8]}"
        self.tmp.mkdir(parents=True, exist_ok=True)
        self.buffers: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
        self.writers: dict[str, pq.ParquetWriter] = {
            t: pq.ParquetWriter(self.tmp / f"{t}.parquet", SCHEMAS[t], compression="zstd") for t in TABLES
        }
        self.counts: dict[str, int] = {t: 0 for t in TABLES}

    def add(self, item: Article | Failure, partition: int, seq: int) -> None:
        for table, rows in rows_for(item, partition, seq).items():
            self.buffers[table] += rows
            self.counts[table] += len(rows)
            if len(self.buffers[table]) >= ROW_GROUP:
                self._flush(table)

    def _flush(self, table: str) -> None:
        rows = self.buffers[table]
        if rows:
            self.writers[table].write_table(pa.Table.from_pylist(rows, schema=SCHEMAS[table]))
            rows.clear()

    def commit(self, marker: dict[str, Any]) -> None:
        for t in TABLES:
            self._flush(t)
            self.writers[t].close()
        for t in TABLES:
            (self.out / t).mkdir(exist_ok=True)
            os.replace(self.tmp / f"{t}.parquet", self.out / t / f"{self.name}.parquet")
        write_atomic(self.out / "_done" / f"{self.name}.json", {**marker, "counts": self.counts})
        shutil.rmtree(self.tmp, ignore_errors=True)

    def abort(self) -> None:
        for w in self.writers.values():
            with contextlib.suppress(Exception):  # cleaning up after another error
                w.close()
        shutil.rmtree(self.tmp, ignore_errors=True)


def write_atomic(path: Path, obj: Any) -> None:
    """Write JSON to ``path`` so that a reader sees the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(obj, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def done_markers(out: Path) -> dict[str, dict[str, Any]]:
    """Finished partitions: name → marker (the marker is written last, so it is the truth)."""
    found: dict[str, dict[str, Any]] = {}
    d = out / "_done"
    if d.is_dir():
        for f in sorted(d.glob("part-*.json")):
            try:
                found[f.stem] = json.loads(f.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue  # unreadable marker: the partition is redone
    return found


def read_manifest(out: Path) -> dict[str, Any] | None:
    path = Path(out) / MANIFEST
    if not path.is_file():
        return None
    try:
        m = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as e:
        raise InputError(f"the batch manifest is not valid JSON: {e}", source=str(path),
                         hint="rerun `dragoman batch` with the same inputs and --out to rebuild it") from e
    if m.get("format") != FORMAT:
        raise InputError("not a dragoman batch manifest", source=str(path), hint="use a folder written by `dragoman batch`")
    return m


def is_batch_output(path: str | os.PathLike[str]) -> bool:
    """Is this folder the output of ``dragoman batch`` (it has our manifest)?"""
    p = Path(path) / MANIFEST
    if not p.is_file():
        return False
    try:
        return json.loads(p.read_text(encoding="utf-8")).get("format") == FORMAT
    except (OSError, ValueError):
        return False


def read_batch_output(out: str | os.PathLike[str]) -> Iterator[Article | Failure]:
    """The records of a batch output folder, in input order: ``Article`` (rebuilt from the full
    JSON record with ``Article.from_dict``) or ``Failure``.  Only finished partitions are read,
    one at a time, so memory stays bounded."""
    out = Path(out)
    manifest = read_manifest(out)
    if manifest is None:
        raise InputError("no manifest.json here: not the output of `dragoman batch`", source=str(out),
                         hint="give the folder passed to `dragoman batch --out`")
    done = done_markers(out)
    for part in manifest.get("partitions", ()):
        name = f"part-{part['index']:05d}"
        if name not in done:
            continue
        yield from _read_partition(out, name)


def _read_partition(out: Path, name: str) -> Iterator[Article | Failure]:
    failures: dict[int, Failure] = {}
    fpath = out / "failures" / f"{name}.parquet"
    if fpath.is_file():
        for row in pq.read_table(fpath).to_pylist():
            failures[row["seq"]] = Failure(row["source"], row["code"], row["message"], row["stage"], row["article_id"])
    seq = 0
    apath = out / "articles" / f"{name}.parquet"
    pf = pq.ParquetFile(apath) if apath.is_file() else None
    batches = pf.iter_batches(batch_size=ROW_GROUP, columns=["seq", "record"]) if pf else iter(())
    for batch in batches:
        for s, rec in zip(batch.column("seq").to_pylist(), batch.column("record").to_pylist()):
            while seq < s:
                if seq in failures:
                    yield failures.pop(seq)
                seq += 1
            yield Article.from_dict(json.loads(rec))
            seq = s + 1
    for s in sorted(failures):
        yield failures[s]
