"""The API's JSON responses, and the read endpoints' answers from the response cache or one shared read.

``JSONBody`` writes JSON with the standard library (faster than FastAPI's encoder), never NaN or
Infinity.  ``CachedReads`` answers a read endpoint: from the ``ResponseCache`` when the same request
was answered since the last write (``X-Cache: hit``), else from a read of the store already under
way for the same request (``shared``), else by reading now (``miss``).
"""

from __future__ import annotations

import asyncio
import json
import math
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, cast

from fastapi import Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from dragoman.api.cache import ResponseCache


class JSONBody(Response):
    """JSON via the standard library, dates as ISO strings, non-ASCII kept (faster than FastAPI's encoder).

    Never NaN or Infinity, which are not JSON (a browser's ``JSON.parse`` refuses the whole body): a
    store may hold them (a NaN in an ingested body, a coded record's float), and they are written as null."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return dumps(content, separators=(",", ":")).encode("utf-8")


def dumps(content: Any, **kwargs: Any) -> str:
    """``json.dumps`` as the API writes JSON: non-ASCII kept, dates as ISO strings, NaN and ±Infinity as null."""
    try:
        return json.dumps(content, ensure_ascii=False, allow_nan=False, default=_default, **kwargs)
    except ValueError:  # a float that JSON has no word for (rare: only then is the value walked)
        return json.dumps(finite(content), ensure_ascii=False, allow_nan=False, default=_default, **kwargs)


def finite(value: Any) -> Any:
    """``value`` with every NaN and ±Infinity float (at any depth of dicts, lists and tuples) replaced by None."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(v) for v in value]
    return value


def _default(obj: Any) -> Any:
    if isinstance(obj, (date, datetime)):
        return obj.isoformat()
    if isinstance(obj, (set, tuple)):
        return list(obj)
    if isinstance(obj, bytes):
        return obj.hex()
    return str(obj)


class CachedReads:
    """The answers of the read endpoints, kept in ``cache`` until the next write, each read once.

    The lookup runs on the event loop; only a miss goes to the thread pool (where ``make`` reads the
    store).  Identical requests that arrive while one is being read wait for that read instead of each
    reading the store: every panel of several dashboards asks for the same first page at once.  The
    read runs in its own task, so a client that hangs up does not cancel it for the others."""

    def __init__(self, cache: ResponseCache):
        self.cache = cache
        self._flights: dict[tuple[Any, ...], tuple[int, asyncio.Task[bytes]]] = {}

    async def answer(self, request: Request, make: Callable[[], Any], key: tuple[Any, ...] = ()) -> Response:
        """The JSON answer of ``make()``, from the cache when the same request was answered since the last write.

        ``key``: the request's validated, normalised parameters (its path is added here), never its raw query."""
        key = (request.url.path, key)
        body = self.cache.get(key)
        if body is not None:
            return Response(body, media_type="application/json", headers={"X-Cache": "hit"})
        generation = self.cache.generation
        flight = self._flights.get(key)
        if flight is not None and flight[0] == generation:  # a read begun since the last write: share it
            body = await asyncio.shield(flight[1])
            return Response(body, media_type="application/json", headers={"X-Cache": "shared"})
        task = asyncio.ensure_future(run_in_threadpool(lambda: cast(bytes, JSONBody(make()).body)))
        entry = (generation, task)
        self._flights[key] = entry

        def landed(t: asyncio.Task[bytes]) -> None:
            if self._flights.get(key) is entry:
                del self._flights[key]
            if not t.cancelled() and t.exception() is None:  # (reading the exception marks it as seen)
                self.cache.put(key, t.result(), generation)

        task.add_done_callback(landed)
        return Response(await asyncio.shield(task), media_type="application/json", headers={"X-Cache": "miss"})
