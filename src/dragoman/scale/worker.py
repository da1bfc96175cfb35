"""What runs on a Dask worker: one partition in, four Parquet files and a done marker out.

The pipeline (spaCy model, lexicons, matchers) is loaded once per worker process and kept
(``pipeline_for``), whatever the number of partitions the worker is given; a lock keeps one
partition at a time on it, so a worker started with several threads does not hold several
batches in memory (start workers with ``--nthreads 1`` and one per core instead).
"""

from __future__ import annotations

import os
import resource
import threading
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from dragoman.scale.output import PartitionWriter
from dragoman.scale.partitions import Partition, read_partition
from dragoman.settings import Settings

_LOCK = threading.Lock()


@lru_cache(maxsize=2)
def pipeline_for(settings: Settings):  # -> Pipeline
    """The process's pipeline for these settings, loaded on first use."""
    from dragoman.pipeline import Pipeline

    return Pipeline(settings)


def run_partition(part: Partition, out: str, settings: Settings, run_id: str) -> dict[str, Any]:
    """Code one partition and publish its output; return what the manifest records about it."""
    with _LOCK:
        t0 = time.perf_counter()
        pipe = pipeline_for(settings)
        writer = PartitionWriter(Path(out), part.name)
        try:
            for seq, item in enumerate(pipe.run_many(read_partition(part, settings))):
                writer.add(item, part.index, seq)
            marker = {
                "index": part.index,
                "id": part.id,
                "run": run_id,
                "seconds": round(time.perf_counter() - t0, 3),
                "pid": os.getpid(),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            }
            writer.commit(marker)
        except BaseException:
            writer.abort()
            raise
        return {**marker, "counts": writer.counts}
