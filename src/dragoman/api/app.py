"""The FastAPI application: the store's queries over HTTP, extraction, authenticated ingest, the dashboard.

    app = create_app("dragoman.duckdb", token="s3cret")      # then run it with uvicorn

Read endpoints take the filters of ``dragoman events`` as query parameters; a parameter an endpoint
does not know is a 422 (a misspelt filter must not silently return everything).  Every error is a
JSON body ``{"error", "detail"}`` (see ``dragoman.api.errors``).  The cached read endpoints are
``async``: a response-cache hit is answered on the event loop, a miss reads the store in the
server's thread pool, each thread through its own cursor.  ``POST /api/extract`` codes in the
extract worker's process (``dragoman.api.worker``); ``POST /api/ingest`` codes and writes in the
thread pool; the other handlers are plain ``def`` functions (thread pool).
"""

import csv
import io
import os
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, Response
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from dragoman import __version__
from dragoman.api import auth, errors
from dragoman.api.access import StoreAccess
from dragoman.api.cache import ResponseCache
from dragoman.api.errors import ApiError
from dragoman.api.extraction import Coder, body_items, parse_body, validated
from dragoman.api.filters import Filters, filters
from dragoman.api.headers import SecurityHeaders
from dragoman.api.hosts import HostGuard, allowed_names
from dragoman.api.limits import BodyLimit, Limits
from dragoman.api.responses import CachedReads, JSONBody, dumps
from dragoman.api.schemas import ArticleIn, ExtractIn, Order, SortKey
from dragoman.api.worker import ExtractWorker
from dragoman.errors import DragomanError, FormatError, NotFoundError
from dragoman.model import Article, Failure
from dragoman.settings import Settings
from dragoman.store.store import refusal
from dragoman.web import STATIC  # the dashboard's files

WRITE_PATHS = frozenset({"/api/ingest"})
EXTRACT_TOO_LARGE = ("request body over the {limit:,} byte limit of POST /api/extract, which codes without a token "
                     "(setting [api] extract_max_bytes); send a shorter text, or store long articles with "
                     "POST /api/ingest (with the token) or code them with `dragoman extract`")

DESCRIPTION = """Political event data coded by dragoman: who did what to whom, when and where, each event tied to
the sentences it came from.  Read endpoints take the filters of `dragoman events`.  Writes
(`POST /api/ingest`) need `Authorization: Bearer TOKEN`.  Errors are JSON `{"error", "detail"}`."""


def query_names(route: APIRoute) -> frozenset[str]:
    """The query parameters ``route`` declares, its dependencies' included (worked out once, kept on the route)."""
    names: frozenset[str] | None = getattr(route, "_dragoman_query_names", None)
    if names is None:
        found: set[str] = set()
        stack = [route.dependant]
        while stack:
            d = stack.pop()
            found.update(getattr(p, "alias", None) or p.name for p in d.query_params)
            stack.extend(d.dependencies)
        names = frozenset(found)
        route._dragoman_query_names = names  # type: ignore[attr-defined]
    return names


async def known_parameters(request: Request) -> None:
    """Refuse (422) a query parameter the API endpoint does not declare: a misspelt filter (``acter=``)
    would otherwise return everything, and every junk parameter would be one more cached answer."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or not request.url.path.startswith("/api/"):
        return
    known = query_names(route)
    unknown = sorted({k for k in request.query_params if k not in known})
    if unknown:
        hint = "known: " + ", ".join(sorted(known)) if known else "this endpoint takes no query parameters"
        raise RequestValidationError([{"loc": ("query", k), "msg": f"unknown parameter ({hint})", "type": "extra_forbidden"}
                                      for k in unknown[:20]])


def json_content(request: Request) -> None:
    """A POST body must say it is JSON: a browser sends ``Content-Type: application/json`` to another
    site only after a CORS preflight (which this server never grants), so no other site's page can
    make a visitor's browser post to it."""
    media = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    if media != "application/json" and not (media.startswith("application/") and media.endswith("+json")):
        raise ApiError(415, "unsupported_media_type", f"the body must be JSON, not '{media[:100] or 'unlabelled'}'",
                       hint="send the header 'Content-Type: application/json'")


def _body_schema(model: type, many: bool = False) -> dict[str, Any]:
    """The OpenAPI request body of a POST whose body the handler reads itself (see ``extraction``)."""
    one = model.model_json_schema()  # type: ignore[attr-defined]
    schema = {"anyOf": [one, {"type": "array", "items": one}]} if many else one
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


# -- the app ----------------------------------------------------------------------------------


def create_app(db: str | os.PathLike[str], *, token: str | None = None, limits: Limits | None = None,
               settings: Settings | None = None, access: StoreAccess | None = None, pipeline: Any = None,
               allow_hosts: Iterable[str] | None = None, watch: tuple[list[Any], list[Any]] | None = None) -> FastAPI:
    """Build the app over the store at ``db`` (opened now, closed when the app shuts down).

    ``token``: the bearer token for writes (None: ``$DRAGOMAN_API_TOKEN``, else writes are off).
    ``pipeline``: an already-loaded ``Pipeline`` to ingest with (else one is built on first use);
    extraction always codes in the extract worker's own process.
    ``allow_hosts``: the Host names served besides the loopback names (None: ``settings.api.allow_hosts``).
    ``watch``: ``(feeds, rules)`` to watch while the app runs (``dragoman serve --watch``: ``api.watching``).
    """
    limits = limits or Limits()
    settings = settings or Settings()
    store = access or StoreAccess(db)
    extractor = ExtractWorker(settings)
    app = FastAPI(title="dragoman", version=__version__, description=DESCRIPTION,
                  lifespan=_lifespan(extractor, store, watch, settings),
                  default_response_class=JSONBody, docs_url=None, redoc_url=None,
                  dependencies=[Depends(known_parameters)])
    app.state.token = auth.configured_token(token)
    app.state.limits = limits
    app.state.store = store
    app.state.coder = Coder(settings, pipeline)
    app.state.extractor = extractor
    app.state.settings = settings
    app.state.started = datetime.now(UTC).isoformat(timespec="seconds")
    app.state.cache = ResponseCache(limits.cache_entries, max_bytes=settings.api.cache_bytes)
    _guard(app, settings, limits, allow_hosts)
    reads = CachedReads(app.state.cache)
    _dashboard(app)
    _status_routes(app, store)
    _event_routes(app, store, limits, reads)
    _article_route(app, store, reads)
    _failure_route(app, store, limits)
    _watch_route(app, store)
    _export_route(app, store, limits)
    _coding_routes(app, store, settings, limits, extractor)
    return app


def _lifespan(extractor: ExtractWorker, store: StoreAccess, watch: tuple[list[Any], list[Any]] | None,
              settings: Settings) -> Any:
    """The app's life: the watcher (if any) starts; at the end it stops, the extract worker stops and the
    store is closed."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        watcher = None
        if watch is not None:
            from dragoman.api.watching import WatchThread

            watcher = app.state.watcher = WatchThread(store, app.state.coder, app.state.cache.invalidate, *watch,
                                                      settings).start()
        try:
            yield
        finally:
            if watcher is not None:
                await run_in_threadpool(watcher.stop)
            await extractor.close()
            store.close()

    return lifespan


def _guard(app: FastAPI, settings: Settings, limits: Limits, allow_hosts: Iterable[str] | None) -> None:
    """The error handlers and the middleware every request passes: Host names, security headers, the
    token before a write's body is read, body limits."""
    errors.install(app)
    extract_limit = min(settings.api.extract_max_bytes, limits.max_body)
    app.add_middleware(BodyLimit, max_body=limits.max_body, paths={"/api/extract": (extract_limit, EXTRACT_TOO_LARGE)})
    app.add_middleware(auth.TokenGuard, paths=WRITE_PATHS, token=app.state.token)  # before the body is read
    names = allowed_names(None, settings.api.allow_hosts if allow_hosts is None else allow_hosts)
    app.add_middleware(HostGuard, names=names)  # before anything else is looked at
    app.add_middleware(SecurityHeaders)  # outermost: on every response, errors included


def _page(limits: Limits) -> Any:
    return Query(ge=1, le=limits.max_page_size, description=f"Rows per page (at most {limits.max_page_size}).")


def _offset(limits: Limits) -> Any:
    return Query(ge=0, le=limits.max_offset, description="Rows to skip.")


def _dashboard(app: FastAPI) -> None:
    """``/``: the dashboard's page; ``/static``: its files."""

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")


def _status_routes(app: FastAPI, store: StoreAccess) -> None:
    """``GET /api/health`` and ``GET /api/stats``."""

    @app.get("/api/health", tags=["status"], summary="Is the server up")
    def health() -> dict[str, Any]:
        return {"status": "ok", "version": __version__}

    @app.get("/api/stats", tags=["status"], summary="What the store holds")
    def stats() -> dict[str, Any]:
        c = store.read(lambda s: s.counts())
        return {"articles": c.get("articles", 0), "events": c.get("events", 0),
                "article_events": c.get("article_events", 0), "failures": c.get("failures", 0),
                "version": __version__, "writes": app.state.token is not None,
                "model_loaded": app.state.coder.loaded, "started": app.state.started}


def _event_routes(app: FastAPI, store: StoreAccess, limits: Limits, reads: CachedReads) -> None:
    """The cached reads of events: a page of them, one event, and the store's summaries of the matching events."""
    page_q, offset_q = _page(limits), _offset(limits)

    @app.get("/api/events", tags=["events"], summary="Events matching the filters, one page")
    async def events(
        request: Request,
        f: Annotated[Filters, Depends(filters)],
        limit: Annotated[int, page_q] = limits.page_size,
        offset: Annotated[int, offset_q] = 0,
        sort: Annotated[SortKey, Query(description="The column to sort by.")] = "date",
        order: Annotated[Order, Query(description="asc or desc.")] = "desc",
    ) -> Response:
        def make() -> dict[str, Any]:
            rows, total = store.read(lambda s: s.query_events(f.query, limit=limit, offset=offset, sort=sort,
                                                              descending=order == "desc"))
            return {"total": total, "limit": limit, "offset": offset, "sort": sort, "order": order, "events": rows}

        return await reads.answer(request, make, (f.key, limit, offset, sort, order))

    @app.get("/api/events/{event_id}", tags=["events"], summary="One event with its mentions and evidence")
    async def event(request: Request, event_id: str) -> Response:
        def make() -> dict[str, Any]:
            row = store.read(lambda s: s.get_event(event_id))
            if row is None:
                raise NotFoundError(f"no event with id '{event_id}'", hint="list ids with GET /api/events")
            return row

        return await reads.answer(request, make)

    @app.get("/api/actors", tags=["actors"], summary="The most active actors among the matching events")
    async def actors(request: Request, f: Annotated[Filters, Depends(filters)],
               limit: Annotated[int, Query(ge=1, le=limits.max_page_size)] = limits.page_size) -> Response:
        return await reads.answer(request, lambda: {"actors": store.read(lambda s: s.top_actors(f.query, limit=limit))},
                                  (f.key, limit))

    @app.get("/api/timeline", tags=["events"], summary="Events per day, by quad class")
    async def timeline(request: Request, f: Annotated[Filters, Depends(filters)]) -> Response:
        return await reads.answer(request, lambda: {"days": store.read(lambda s: s.timeline_days(f.query))}, f.key)

    @app.get("/api/network", tags=["actors"], summary="Who deals with whom: actors and dyads")
    async def network(request: Request, f: Annotated[Filters, Depends(filters)],
                nodes: Annotated[int, Query(ge=1, le=200, description="Most actors to return.")] = 40) -> Response:
        return await reads.answer(request, lambda: store.read(
            lambda s: s.network(f.query, nodes=nodes, events=limits.network_events)), (f.key, nodes))

    @app.get("/api/places", tags=["events"], summary="Located events, grouped by place")
    async def places(request: Request, f: Annotated[Filters, Depends(filters)]) -> Response:
        return await reads.answer(
            request, lambda: store.read(lambda s: s.places(f.query, events=limits.network_events)), f.key)


def _article_route(app: FastAPI, store: StoreAccess, reads: CachedReads) -> None:
    """``GET /api/articles/{id or URL}``, cached."""

    @app.get("/api/articles/{article_id:path}", tags=["articles"], summary="A stored article record, by id or URL",
             description="The id may also be the article's URL, percent-encoded (`/api/articles/https%3A%2F%2F…`); "
                         "its `?` must be `%3F`, or it starts the query string.")
    async def article(request: Request, article_id: str) -> Response:
        def make() -> dict[str, Any]:
            rec = store.read(lambda s: s.get_article(article_id))
            if rec is None:
                raise NotFoundError(f"no article with id or URL '{article_id[:500]}'",
                                    hint="article ids are in each event's article_ids; a URL must be percent-encoded")
            return rec

        return await reads.answer(request, make)


def _failure_route(app: FastAPI, store: StoreAccess, limits: Limits) -> None:
    """``GET /api/failures``, one page."""

    @app.get("/api/failures", tags=["status"], summary="Inputs that could not be processed")
    def failures(limit: Annotated[int, _page(limits)] = limits.page_size,
                 offset: Annotated[int, _offset(limits)] = 0) -> JSONBody:
        total, rows = store.read(lambda s: (s.count_failures(), s.failures(limit=limit, offset=offset)))
        return JSONBody({"total": total, "failures": rows})


def _watch_route(app: FastAPI, store: StoreAccess) -> None:
    """``GET /api/watch``: what ``dragoman watch`` did with this store (docs/watch.md)."""

    @app.get("/api/watch", tags=["status"], summary="The watcher's feeds, rules and latest alerts")
    def watch(alerts: Annotated[int, Query(ge=0, le=100, description="How many of the latest alerts to list.")] = 10,
              ) -> JSONBody:
        from dragoman.store.watch import WatchState
        from dragoman.watch.watcher import watch_status

        def read(s: Any) -> dict[str, Any]:
            state = WatchState(s)
            out = watch_status(state)
            out["latest_alerts"] = [_alert_row(r) for r in state.alerts(limit=alerts)]
            return out

        return JSONBody(store.read(read))


def _alert_row(r: dict[str, Any]) -> dict[str, Any]:
    """An alert as the API lists it: why it fired, the event in short, the evidence, how its deliveries went."""
    import json

    p = json.loads(r["payload"])
    ev = p.get("event") or {}
    return {"id": r["id"], "rule": r["rule"], "fired_at": p.get("fired_at"), "reason": r["reason"],
            "event_id": r["event_id"], "type": ev.get("type"), "date": ev.get("date"), "place": ev.get("place"),
            "sources": ev.get("sources"), "targets": ev.get("targets"), "num_sources": ev.get("num_sources"),
            "evidence": r["evidence"], "url": ev.get("source_url"),
            "deliveries": [{k: d[k] for k in ("action", "target", "status", "attempts", "last_error")}
                           for d in r["deliveries"]]}


def _export_route(app: FastAPI, store: StoreAccess, limits: Limits) -> None:
    """``GET /api/export``: the matching events as a CSV, JSON or PLOVER JSONL download."""

    @app.get("/api/export", tags=["events"], summary="Download the matching events as CSV or JSON",
             responses={200: {"content": {"text/csv": {}, "application/json": {}}}})
    def export(
        f: Annotated[Filters, Depends(filters)],
        format: Annotated[str, Query(pattern="^(csv|json|plover)$", description="csv, json (event rows) or plover (JSONL).")] = "csv",
        sort: SortKey = "date",
        order: Order = "desc",
        limit: Annotated[int, Query(ge=1, le=limits.max_export)] = limits.max_export,
    ) -> Response:
        from dragoman.store.export import CSV_COLUMNS, csv_row, plover_record

        rows, _ = store.read(lambda s: s.query_events(f.query, limit=limit, sort=sort, descending=order == "desc"))
        if format == "csv":
            buf = io.StringIO()
            w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, extrasaction="ignore")
            w.writeheader()
            for r in rows:
                w.writerow(csv_row(r))
            return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                            headers={"Content-Disposition": 'attachment; filename="dragoman-events.csv"'})
        if format == "plover":
            body = "".join(dumps(plover_record(r)) + "\n" for r in rows)
            return Response(body, media_type="application/x-ndjson",
                            headers={"Content-Disposition": 'attachment; filename="dragoman-events.jsonl"'})
        return JSONBody(rows, headers={"Content-Disposition": 'attachment; filename="dragoman-events.json"'})


def _coding_routes(app: FastAPI, store: StoreAccess, settings: Settings, limits: Limits,
                   extractor: ExtractWorker) -> None:
    """``POST /api/extract`` (coded in the extract worker, nothing stored) and ``POST /api/ingest`` (token)."""
    extract_limit = min(settings.api.extract_max_bytes, limits.max_body)

    @app.post("/api/extract", tags=["coding"], summary="Code one article; nothing is stored",
              openapi_extra=_body_schema(ExtractIn),
              responses={413: {"description": f"body over {extract_limit:,} bytes"},
                         503: {"description": "the extract worker is busy, or coding took too long"}})
    async def extract(request: Request) -> JSONBody:
        json_content(request)
        rec = validated(parse_body(await request.body()), ExtractIn, "request", whole=True)
        if rec.get("text") is None and rec.get("html") is None:
            raise FormatError("send the article in 'text' (plain text or an HTML page) or 'html'", source="request",
                              hint='for example {"text": "KABUL - ...", "published": "2020-10-27"}')
        return JSONBody(await extractor.extract(rec))

    @app.post("/api/ingest", tags=["coding"], summary="Code and store articles (needs the bearer token)",
              openapi_extra=_body_schema(ArticleIn, many=True),
              responses={401: {"description": "no or wrong token"}, 403: {"description": "writes are off"},
                         413: {"description": "body too large"}})
    async def ingest(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(auth.bearer)] = None,
    ) -> JSONBody:
        auth.check(request, credentials)
        json_content(request)
        data = await request.body()
        # in the thread pool: a 10 MB body takes a while to parse
        return JSONBody(await run_in_threadpool(lambda: _ingest(app, store, settings, limits, data)))


def _ingest(app: FastAPI, store: StoreAccess, settings: Settings, limits: Limits, data: bytes) -> dict[str, Any]:
    """An ingest body → its articles coded and stored (the response cache emptied): counts, articles, failures.

    A lone article that fails is an error response; in a list, each failure is reported beside the others."""
    raw: Any = parse_body(data)
    if not isinstance(raw, (dict, list)):
        validated(raw, ArticleIn, "request", whole=True)  # raises: a 422 naming the body
    items = body_items(raw, settings, limits.max_batch)
    coded = app.state.coder.code_many(items)
    if not isinstance(raw, list) and len(coded) == 1 and isinstance(coded[0], Failure):
        f0 = coded[0]
        err = DragomanError(f0.message, source=f0.source)
        err.code = f0.code
        raise err
    # a record the store would refuse (NaN, offsets outside the text) is listed as the failure it is
    coded = [(refusal(x) or x) if isinstance(x, Article) else x for x in coded]
    try:
        counts = store.write(lambda s: s.ingest(coded))
    finally:
        app.state.cache.invalidate()
    return {
        "counts": counts,
        "articles": [{"id": a.id, "title": a.title, "events": len(a.events)} for a in coded if isinstance(a, Article)],
        "failures": [x.to_dict() for x in coded if isinstance(x, Failure)],
    }
