"""Request limits: body size (→ 413) and page sizes, enforced before any work is done.

The body limit is a pure ASGI middleware: it refuses a declared ``Content-Length`` over the limit
at once, and otherwise reads the body itself, counting bytes, so a chunked upload cannot slip past
it.  The buffered body is then replayed to the app (bodies are at most a few MB, so buffering is
cheap and keeps every endpoint simple).  A path may have a smaller limit of its own:
``POST /api/extract`` takes ``[api] extract_max_bytes`` (100 kB), not ``--max-body``.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

DEFAULT_MAX_BODY = 10_000_000


@dataclass(frozen=True)
class Limits:
    """The numbers a deployment may change (``dragoman serve --max-body``)."""

    max_body: int = DEFAULT_MAX_BODY  # bytes in one request body
    page_size: int = 50  # default rows per page
    max_page_size: int = 1000  # most rows one page may ask for
    max_offset: int = 10_000_000  # deeper pages are refused (use filters)
    max_export: int = 100_000  # most rows one CSV/JSON download holds
    max_batch: int = 1000  # most articles one POST /api/ingest may carry
    network_events: int = 5000  # events read to draw the actor network and the map
    cache_entries: int = 2048  # read answers kept until the next write (0: no cache)


#: why a body is over the limit, and what to do: the general limit, and the paths with their own
GENERAL_REASON = ("request body over the {limit:,} byte limit; send fewer or smaller articles per request "
                  "(the server's limit is set with --max-body)")


async def _send_413(send: Send, limit: int, reason: str = GENERAL_REASON) -> None:
    body = json.dumps({"error": "too_large", "detail": reason.format(limit=limit)}).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """ASGI middleware: a body over ``max_body`` bytes (or over its path's own limit, ``paths``:
    ``{path: (limit, reason)}``) is answered with 413 and never reaches the app."""

    def __init__(self, app: ASGIApp, max_body: int = DEFAULT_MAX_BODY, paths: dict[str, tuple[int, str]] | None = None):
        self.app = app
        self.max_body = max_body
        self.paths = paths or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        limit, reason = self.paths.get(scope.get("path", "").rstrip("/"), (self.max_body, GENERAL_REASON))
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = 0
                if declared > limit:
                    await _send_413(send, limit, reason)
                    return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await _send_413(send, limit, reason)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)
