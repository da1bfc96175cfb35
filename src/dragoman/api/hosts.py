"""The Host allow-list: the server answers only to the names it is known by (DNS-rebinding protection).

A web page on ``attacker.example`` can point that name at 127.0.0.1 once the browser has loaded it
(DNS rebinding) and then read the store and call ``POST /api/extract`` through the visitor's browser,
as its own origin.  The browser still sends ``Host: attacker.example``, so the server refuses any
request whose Host header is not one of its names: the loopback names (``localhost``, ``127.0.0.1``,
``::1``), the address it was bound to, and each ``dragoman serve --allow-host NAME`` (or ``[api]
allow_hosts``); ``*`` lets every name through.  The port is ignored; a request without a Host header
is refused too.  The answer is 421 (Misdirected Request) with the usual ``{"error", "detail"}`` body.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARD_BINDS = frozenset({"", "0.0.0.0", "::"})


def host_name(value: str) -> str:
    """The name in a Host header (or an --allow-host value): lower-cased, without port, brackets or final dot."""
    name = value.strip().lower()
    if name.startswith("["):  # [::1]:8000
        name = name[1:].partition("]")[0]
    elif name.count(":") == 1:  # name:port (a bare IPv6 address has several colons)
        name = name.partition(":")[0]
    return name.rstrip(".")


def allowed_names(bind: str | None = None, extra: Iterable[str] = ()) -> frozenset[str]:
    """Loopback, the bind address (unless it is a wildcard such as 0.0.0.0) and the extra names."""
    names = set(LOOPBACK)
    if bind and bind not in WILDCARD_BINDS:
        names.add(host_name(bind))
    names.update(host_name(n) if n.strip() != "*" else "*" for n in extra if n.strip())
    return frozenset(names)


class HostGuard:
    """ASGI middleware: a request whose Host is not an allowed name gets 421 before anything else runs."""

    def __init__(self, app: Any, names: frozenset[str]):
        self.app = app
        self.names = names
        self.any = "*" in names

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket") or self.any:
            await self.app(scope, receive, send)
            return
        header = None
        for name, value in scope.get("headers", ()):
            if name == b"host":
                header = value.decode("latin-1")
                break
        if header is not None and host_name(header) in self.names:
            await self.app(scope, receive, send)
            return
        if header is None:
            detail = "the request has no Host header; this server answers only to the names it is known by"
        else:
            shown = header[:100]
            detail = (f"this server does not answer to the host name '{shown}' (protection against DNS rebinding); "
                      f"if that is its name, start it with --allow-host {host_name(shown) or 'NAME'}")
        body = json.dumps({"error": "misdirected", "detail": detail}).encode()
        await send({"type": "http.response.start", "status": 421,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
