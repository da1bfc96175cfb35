"""Dask batch runner: many JSONL/WARC files → Parquet partitions, resumable.

``run_batch(inputs, out, settings, scheduler=None, workers=None)`` codes the inputs on a Dask
cluster (a ``LocalCluster`` unless a scheduler address is given); ``read_batch_output(out)``
yields the coded ``Article`` records (and ``Failure`` records) back, in input order, for
``dragoman ingest OUT``.  Modules: ``partitions`` (the deterministic plan), ``worker`` (one
partition on a worker), ``output`` (Parquet, done markers, manifest), ``cluster`` (the client).
"""

from __future__ import annotations

from typing import Any

from dragoman.scale.partitions import DEFAULT_SIZE, Partition, plan

__all__ = ["DEFAULT_SIZE", "Partition", "is_batch_output", "plan", "read_batch_output", "read_manifest", "run_batch"]


def run_batch(*args, **kwargs):
    """See ``dragoman.scale.cluster.run_batch`` (imported lazily: Dask is an optional extra)."""
    from dragoman.scale.cluster import run_batch as _run

    return _run(*args, **kwargs)


def __getattr__(name: str) -> Any:
    """``is_batch_output``, ``read_batch_output``, ``read_manifest`` from ``dragoman.scale.output``,
    imported on first use: it needs pyarrow, which the ``dragoman`` command should not load to start."""
    if name in ("is_batch_output", "read_batch_output", "read_manifest"):
        from dragoman.scale import output

        return getattr(output, name)
    raise AttributeError(f"module 'dragoman.scale' has no attribute '{name}'")
