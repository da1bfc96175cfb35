"""Run the pipeline over a stream of inputs, on one process or several.

With ``processes > 1`` every worker process loads the model once and runs the WHOLE pipeline
(text → nlp → actors → events → … → quotes) on chunks of articles, so the stages after the parse
run in parallel too, not only spaCy.  The parent only reads the inputs, hands out chunks and
yields the results **in input order**; at most ``2 × processes`` chunks are in flight, so memory
stays bounded whatever the size of the input.  Failures from the readers pass through in their
place, an article that fails in a stage comes back as a ``Failure``, and a worker process that
dies (out of memory, a crash in native code) is replaced: its chunk is retried once, then its
articles are reported as failures and the run goes on.

Results of the multi-process path carry no NLP layer (``tokens``, ``sentences``, ``entities``,
``noun_chunks``; not part of the output record) unless ``keep_nlp=True``: shipping every token
back to the parent would cost more than parsing it.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from itertools import islice

from dragoman.model import Article, Failure
from dragoman.settings import Settings

#: articles per chunk handed to a worker: small enough to balance the last chunks over the
#: workers, large enough that ``nlp.pipe`` batches several articles' paragraphs at once
CHUNK_SIZE = 16
#: a chunk whose worker died is retried this many times before its articles become failures
RETRIES = 1
#: garbage collector thresholds while coding: every article allocates tens of thousands of small
#: containers (tokens, spans, records) that die young; with CPython's default (a collection every
#: 700 allocations) a run spent about 4% of its time collecting, about 1% with these
GC_THRESHOLD = (10_000, 10, 10)

Item = Article | Failure


def run(
    items: Iterable[Item],
    settings: Settings,
    processes: int | None = None,
    *,
    chunk_size: int = CHUNK_SIZE,
    keep_nlp: bool = False,
) -> Iterator[Item]:
    """Yield coded articles (and failures) in input order, on ``processes`` worker processes (None: the
    ``n_process`` setting)."""
    if processes is None:
        processes = settings.n_process
    if processes <= 1:
        from dragoman.pipeline import Pipeline

        with coding_gc():
            pipe = Pipeline(settings)
            gc.freeze()  # what was loaded once (model, lexicons, gazetteer) is never garbage
            try:
                yield from pipe.run_many(items)
            finally:
                gc.unfreeze()
        return
    yield from _run_parallel(items, settings, processes, max(1, chunk_size), keep_nlp)


@contextmanager
def coding_gc() -> Iterator[None]:
    """``GC_THRESHOLD`` for the time of a run, then the thresholds as they were."""
    old = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*old)


def default_processes() -> int:
    """The cores this process may use (``sched_getaffinity``), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# ---------------------------------------------------------------------------------------------
# the worker side: one pipeline per process, loaded once by the pool's initializer
# ---------------------------------------------------------------------------------------------

_PIPELINE = None
_KEEP_NLP = False
_INIT_ERROR: tuple[str, str] | None = None


class WorkerInitError(Exception):
    """A worker could not load the pipeline (missing model, bad actors file...): (code, message)."""


def _init_worker(settings: Settings, keep_nlp: bool) -> None:
    global _PIPELINE, _KEEP_NLP, _INIT_ERROR
    from dragoman.errors import DragomanError
    from dragoman.pipeline import Pipeline

    _KEEP_NLP = keep_nlp
    gc.set_threshold(*GC_THRESHOLD)  # this process only codes
    try:
        _PIPELINE = Pipeline(settings)
    except DragomanError as e:  # reported to the parent with the first chunk, not a dead pool
        _INIT_ERROR = (e.code, str(e))
    gc.freeze()  # the model, lexicons and gazetteer, loaded once, are never garbage


def _work(chunk: list[Item]) -> list[Item]:
    if _INIT_ERROR is not None:
        raise WorkerInitError(*_INIT_ERROR)
    assert _PIPELINE is not None, "worker not initialised"
    out = list(_PIPELINE.run_many(chunk))
    return out if _KEEP_NLP else [strip_nlp(x) for x in out]


def strip_nlp(item: Item) -> Item:
    """The record without its NLP layer (what ``to_dict()`` leaves out anyway)."""
    if isinstance(item, Article) and item.tokens:
        return item.replace(tokens=(), sentences=(), entities=(), noun_chunks=())
    return item


# ---------------------------------------------------------------------------------------------
# the parent side
# ---------------------------------------------------------------------------------------------


def _context(settings: Settings) -> multiprocessing.context.BaseContext:
    """``forkserver`` where there is one: workers start from a clean process that has imported
    dragoman and spaCy once (so each worker only loads the model), never a fork of a parent that
    may hold threads (a progress bar) or a model."""
    try:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["dragoman.runner", "dragoman.pipeline", "spacy", settings.model])
        return ctx
    except ValueError:
        return multiprocessing.get_context("spawn")


def _pool(settings: Settings, processes: int, keep_nlp: bool) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=processes, mp_context=_context(settings), initializer=_init_worker, initargs=(settings, keep_nlp)
    )


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _dead_worker(chunk: list[Item], error: BaseException) -> list[Item]:
    out: list[Item] = []
    for x in chunk:
        if isinstance(x, Failure):
            out.append(x)
            continue
        out.append(
            Failure(
                source=str(x.meta.get("source") or x.url or x.id),
                code="worker",
                message=f"the worker process coding this article failed ({type(error).__name__}: {error}); "
                "run it alone (--processes 1) to see why, or give the workers more memory",
                stage=None,
                article_id=x.id,
            )
        )
    return out


def _run_parallel(items: Iterable[Item], settings: Settings, processes: int, chunk_size: int, keep_nlp: bool) -> Iterator[Item]:
    pool = _pool(settings, processes, keep_nlp)
    pending: deque[tuple[list[Item], int, Future]] = deque()  # (chunk, attempts so far, future)
    source = _chunks(items, chunk_size)
    exhausted = False
    try:
        while True:
            while not exhausted and len(pending) < 2 * processes:
                chunk = next(source, None)
                if chunk is None:
                    exhausted = True
                    break
                pending.append((chunk, 0, pool.submit(_work, chunk)))
            if not pending:
                return
            chunk, _attempts, fut = pending[0]
            try:
                result = fut.result()
            except BrokenProcessPool as e:
                # a worker died: every chunk in flight is lost; start a new pool and resubmit them
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _pool(settings, processes, keep_nlp)
                retry: deque[tuple[list[Item], int, Future]] = deque()
                for c, n, _ in pending:
                    if c is chunk and n >= RETRIES:
                        continue
                    retry.append((c, n + (c is chunk), pool.submit(_work, c)))
                if not retry or retry[0][0] is not chunk:
                    yield from _dead_worker(chunk, e)
                pending = retry
                continue
            except WorkerInitError as e:
                from dragoman.errors import DragomanError

                err = DragomanError(e.args[1])
                err.code = e.args[0]
                raise err from None
            except Exception as e:  # noqa: BLE001 - e.g. a result that cannot be sent back: recorded
                pending.popleft()
                yield from _dead_worker(chunk, e)
                continue
            pending.popleft()
            yield from result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
