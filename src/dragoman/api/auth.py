"""Bearer-token guard for the write endpoints (``POST /api/ingest``).

The token comes from ``$DRAGOMAN_API_TOKEN``, ``dragoman serve --token-file PATH`` or ``--token``
(the last is visible to every user of the machine in ``ps``).  With no token configured the write
endpoints are off (403, saying how to turn them on); with one configured, a request without it, or
with a wrong one, gets 401 and a ``WWW-Authenticate: Bearer`` header.
"""

from __future__ import annotations

import hmac
import json
import os
from pathlib import Path

from fastapi import Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from dragoman.api.errors import ApiError
from dragoman.api.limits import ASGIApp, Receive, Scope, Send
from dragoman.errors import ConfigError

TOKEN_ENV = "DRAGOMAN_API_TOKEN"

#: declares the scheme in the OpenAPI document; errors are ours, not FastAPI's
bearer = HTTPBearer(auto_error=False, description="The token given to `dragoman serve` (--token-file, $DRAGOMAN_API_TOKEN "
                                                 "or --token).")


def configured_token(explicit: str | None) -> str | None:
    """The token to require: the explicit one, else the environment's, else None (writes off)."""
    token = explicit if explicit is not None else os.environ.get(TOKEN_ENV)
    return token or None


def read_token_file(path: str | os.PathLike[str]) -> str:
    """The token a file holds (its content without surrounding white space), or a ConfigError naming the file."""
    p = Path(path)
    try:
        token = p.read_text(encoding="utf-8").strip()
    except OSError as e:
        raise ConfigError(f"cannot read the token file: {e.strerror or e}", source=str(p)) from e
    except UnicodeDecodeError as e:
        raise ConfigError("the token file is not UTF-8 text", source=str(p)) from e
    if not token:
        raise ConfigError("the token file is empty", source=str(p), hint="write the token into it, on one line")
    if "\n" in token or "\r" in token:
        raise ConfigError("the token file holds more than one line", source=str(p), hint="keep only the token in it")
    return token


def verdict(token: str | None, authorization: str | None) -> ApiError | None:
    """None when ``authorization`` (the header's value) carries ``token``; else the error to answer."""
    if token is None:
        return ApiError(403, "forbidden", "write endpoints are off on this server",
                        hint=f"start it with `dragoman serve --token-file PATH` (or --token TOKEN) or set ${TOKEN_ENV}")
    scheme, _, given = (authorization or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        return ApiError(401, "unauthorized", "this endpoint needs a bearer token",
                        hint="send the header 'Authorization: Bearer TOKEN'", headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode("utf-8", "replace"), token.encode("utf-8")):
        return ApiError(401, "unauthorized", "the bearer token is wrong", hint="use the token the server was started with",
                        headers={"WWW-Authenticate": "Bearer"})
    return None


def check(request: Request, credentials: HTTPAuthorizationCredentials | None = None) -> None:
    """Raise ``ApiError`` (403 or 401) unless the request carries the configured token."""
    err = verdict(request.app.state.token, request.headers.get("authorization"))
    if err is not None:
        raise err


class TokenGuard:
    """ASGI middleware: requests to the write paths are judged on their token before the body is read.

    So an unauthenticated request gets 401 (or 403 when writes are off) whatever its body holds,
    and the server never reads a body it will not accept.
    """

    def __init__(self, app: ASGIApp, paths: frozenset[str], token: str | None) -> None:
        self.app = app
        self.paths = paths
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("method") not in ("GET", "HEAD", "OPTIONS") \
                and scope.get("path", "").rstrip("/") in self.paths:
            header = None
            for name, value in scope.get("headers", ()):
                if name == b"authorization":
                    header = value.decode("latin-1")
                    break
            err = verdict(self.token, header)
            if err is not None:
                body = json.dumps({"error": err.code, "detail": str(err)}).encode()
                headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
                headers += [(k.lower().encode(), v.encode()) for k, v in (err.headers or {}).items()]
                await send({"type": "http.response.start", "status": err.status, "headers": headers})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)
