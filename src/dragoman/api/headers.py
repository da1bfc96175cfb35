"""Security headers on every response: what the dashboard may load, and that no other site may frame it.

The dashboard is one HTML file, one script and one stylesheet from ``/static/`` (no inline script or
style, no CDN), so the Content-Security-Policy allows only this server: scripts, styles, ``fetch``
and images from ``'self'`` (plus the ``data:`` favicon), no plugins, no ``<base>``, and
``frame-ancestors 'none'`` (with ``X-Frame-Options: DENY`` for older browsers) so that no page can
frame it.  ``X-Content-Type-Options: nosniff`` stops a browser from running a JSON answer or a
downloaded CSV as script, and ``Referrer-Policy: no-referrer`` keeps filters (in the URL) from
leaking to an article's site.  The middleware is the outermost, so errors (401, 413, 421) carry them too.
"""

from __future__ import annotations

from typing import Any

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
)


class SecurityHeaders:
    """ASGI middleware: adds ``HEADERS`` to every HTTP response (keeping any the app set itself)."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                present = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in HEADERS if k not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
