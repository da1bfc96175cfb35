"""Errors at the HTTP edge: every failure becomes a JSON body ``{"error", "detail"}``.

The library raises the ``DragomanError`` tree; this module is the one place it is translated into
status codes (httpx/spaCy habit: a typed tree inside, one translation at the edge).  A stack trace
never reaches a client: an unexpected exception is logged on the server and answered with a 500
whose detail says only that it is a bug.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from dragoman.errors import DragomanError

log = logging.getLogger("dragoman.api")

#: DragomanError.code → HTTP status.  Looked up by code (not class) because the pipeline re-raises
#: a recorded failure as a plain DragomanError carrying the original code.
STATUS_BY_CODE: dict[str, int] = {
    "error": 400,
    "input": 400,
    "encoding": 400,
    "format": 422,
    "empty": 422,
    "language": 422,
    "too_large": 413,
    "fetch": 502,
    "blocked_address": 403,
    "robots": 403,
    "not_found": 404,
    "store_locked": 409,
    "store_corrupt": 503,
    "conflict": 409,
    "auth": 401,
    "forbidden": 403,
    "config": 500,
    "model": 503,
    "stage": 500,
    "store": 500,
    "eval": 500,
}

#: the ``error`` word used for plain HTTP statuses (404 from routing, 405, ...)
WORD_BY_STATUS: dict[int, str] = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    421: "misdirected",
    422: "validation",
    429: "too_many_requests",
    500: "internal",
    503: "unavailable",
}


class ApiError(DragomanError):
    """An error raised by the API layer itself with an explicit status (auth, write endpoints off...)."""

    def __init__(self, status: int, code: str, message: str, *, hint: str | None = None,
                 headers: dict[str, str] | None = None):
        self.status = status
        self.code = code
        self.headers = headers
        super().__init__(message, hint=hint)


def status_for(error: DragomanError) -> int:
    if isinstance(error, ApiError):
        return error.status
    return STATUS_BY_CODE.get(error.code, 400)


def error_body(code: str, detail: Any) -> dict[str, Any]:
    return {"error": code, "detail": detail}


def json_error(status: int, code: str, detail: Any, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(code, detail), status_code=status, headers=headers)


def _clean_validation(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Pydantic's errors without the echoed input (which may be megabytes) or internal context."""
    out = []
    for e in errors[:20]:
        loc = [str(x) for x in e.get("loc", ())]
        out.append({"field": ".".join(loc), "message": str(e.get("msg", "invalid value"))})
    return out


def install(app: FastAPI) -> None:
    """Register the handlers that turn every exception into ``{"error", "detail"}``."""

    @app.exception_handler(DragomanError)
    async def _dragoman(request: Request, exc: DragomanError) -> JSONResponse:
        status = status_for(exc)
        if status >= 500:
            log.error("%s %s: %s", request.method, request.url.path, exc)
        return json_error(status, exc.code, str(exc), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        return json_error(422, "validation", _clean_validation(list(exc.errors())))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        word = WORD_BY_STATUS.get(exc.status_code, "http_error")
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        return json_error(exc.status_code, word, detail, getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return json_error(500, "internal",
                          f"unexpected {type(exc).__name__}: this is a bug in dragoman; the server log has the details")
