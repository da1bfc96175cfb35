"""Run a batch on Dask distributed: plan partitions, skip the finished ones, code the rest.

    summary = run_batch(["crawl/"], "out/", Settings(), workers=2)             # a LocalCluster
    summary = run_batch(["crawl/"], "out/", Settings(), scheduler="tcp://host:8786")

The client plans the partitions (deterministic, so a second run finds the same ones), keeps
``manifest.json`` up to date, and shows progress; the workers read their partition's inputs
themselves and write its Parquet files straight into the output folder, so with a remote cluster
the inputs and the output folder must be on storage every worker sees (the same paths).
"""

from __future__ import annotations

import logging
import shutil
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dragoman import __version__
from dragoman.errors import ConfigError, DragomanError, InputError
from dragoman.scale.output import FORMAT, MANIFEST, done_markers, read_manifest, write_atomic
from dragoman.scale.partitions import DEFAULT_SIZE, Partition, plan
from dragoman.settings import Settings

Progress = Callable[[dict[str, Any], int, int], None]  # (partition result, finished, total)


class BatchError(DragomanError):
    """Some partitions could not be coded (the others are kept; rerun to retry them)."""

    code = "batch"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _manifest(parts: list[Partition], done: dict[str, dict[str, Any]], inputs: list[str], size: int,
              runs: list[dict[str, Any]], errors: dict[str, str]) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": 1,
        "dragoman_version": __version__,
        "inputs": inputs,
        "partition_size": size,
        "tables": ["articles", "events", "quotes", "failures"],
        "partitions": [{**p.to_dict(), "name": p.name, "done": p.name in done,
                        "counts": done.get(p.name, {}).get("counts")} for p in parts],
        "done": [p.name for p in parts if p.name in done],
        "errors": errors,
        "runs": runs,
    }


def _client(scheduler: str | None, workers: int) -> tuple[Any, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        raise ConfigError("Dask distributed is not installed", hint="pip install 'dragoman[scale]'") from e
    if scheduler:
        try:
            return Client(scheduler, timeout="20s"), None
        except (OSError, TimeoutError) as e:
            raise ConfigError(f"cannot reach the Dask scheduler: {e}", source=scheduler,
                              hint="check the address (tcp://HOST:8786) and that the scheduler is running") from e
    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", scheduler_port=0,
        dashboard_address=None, silence_logs=logging.CRITICAL,
    )
    return Client(cluster), cluster


def run_batch(
    inputs: list[str],
    out: str | Path,
    settings: Settings,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    partition_size: int = DEFAULT_SIZE,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Code ``inputs`` into ``out``; finished partitions of an earlier run are kept, not redone."""
    from dragoman.runner import default_processes

    out = Path(out)
    parts = plan(inputs, partition_size)
    out.mkdir(parents=True, exist_ok=True)
    old = read_manifest(out)
    _check_resumable(old, parts, out)
    ids = {p.name: p.id for p in parts}
    done = {n: m for n, m in done_markers(out).items() if ids.get(n) == m.get("id")}
    runs: list[dict[str, Any]] = list((old or {}).get("runs", ()))
    run_id = uuid.uuid4().hex[:12]
    todo = [p for p in parts if p.name not in done]
    run = {"run": run_id, "started": _now(), "skipped": len(parts) - len(todo), "todo": len(todo),
           "scheduler": scheduler or "local", "finished": None}
    runs.append(run)
    errors: dict[str, str] = {}
    shutil.rmtree(out / "_tmp", ignore_errors=True)  # half-written partitions of a killed run
    write_atomic(out / MANIFEST, _manifest(parts, done, list(inputs), partition_size, runs, errors))
    t0 = time.perf_counter()
    if todo:
        def save() -> None:
            write_atomic(out / MANIFEST, _manifest(parts, done, list(inputs), partition_size, runs, errors))

        _run_partitions(todo, out, settings, run_id, _client(scheduler, workers or default_processes()), done, errors,
                        len(parts), progress, save)
    run["finished"] = _now()
    run["seconds"] = round(time.perf_counter() - t0, 2)
    done = {n: m for n, m in done_markers(out).items() if ids.get(n) == m.get("id")}
    write_atomic(out / MANIFEST, _manifest(parts, done, list(inputs), partition_size, runs, errors))
    totals = {t: sum((m.get("counts") or {}).get(t, 0) for m in done.values()) for t in ("articles", "events", "quotes", "failures")}
    summary = {"partitions": len(parts), "skipped": run["skipped"], "coded": len(todo) - len(errors),
               "errors": errors, "seconds": run["seconds"], **totals}
    if errors:
        raise BatchError(
            f"{len(errors)} of {len(parts)} partitions failed ({next(iter(errors.values()))})",
            source=str(out),
            hint="the finished partitions are kept: fix the cause and run the same command again to retry the rest",
        )
    return summary


def _check_resumable(old: dict[str, Any] | None, parts: list[Partition], out: Path) -> None:
    """An output folder holds no batch, or this batch (the same inputs and partition size)."""
    if old is not None and [p["id"] for p in old.get("partitions", ())] != [p.id for p in parts]:
        raise InputError(
            "this folder holds the batch output of other inputs (or another --partition-size)",
            source=str(out / MANIFEST),
            hint="give a new --out folder, or the same inputs and partition size to resume",
        )


def _run_partitions(todo: list[Partition], out: Path, settings: Settings, run_id: str, client_cluster: tuple[Any, Any],
                    done: dict[str, Any], errors: dict[str, str], total: int, progress: Progress | None,
                    save: Callable[[], None]) -> None:
    """Code the partitions ``todo`` on the cluster, recording each result in ``done`` or ``errors`` (the
    manifest saved every two seconds at most); the client and a local cluster are closed after."""
    client, cluster = client_cluster
    try:
        from distributed import as_completed

        from dragoman.scale.worker import run_partition

        futures = {
            client.submit(run_partition, p, str(out.resolve()), settings, run_id, key=f"dragoman-{p.name}-{run_id}",
                          pure=False, retries=1): p
            for p in todo
        }
        last_write = time.monotonic()
        finished = total - len(todo)
        for fut in as_completed(futures):
            p = futures[fut]
            try:
                res = fut.result()
                done[p.name] = res
                errors.pop(p.name, None)
            except Exception as e:  # noqa: BLE001 - recorded; the other partitions go on
                res = {"index": p.index, "error": f"{type(e).__name__}: {e}"}
                errors[p.name] = res["error"]
            finished += 1
            if progress:
                progress(res, finished, total)
            if time.monotonic() - last_write > 2.0:
                save()
                last_write = time.monotonic()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
