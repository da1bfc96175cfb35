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

import asyncio
import csv
import dataclasses
import io
import json
import logging
import math
from collections import Counter, defaultdict
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Annotated, Any, Iterable

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
from dragoman.api.headers import SecurityHeaders
from dragoman.api.hosts import HostGuard, allowed_names
from dragoman.api.limits import BodyLimit, Limits
from dragoman.api.schemas import ArticleIn, ExtractIn, Order, SortKey
from dragoman.api.worker import ExtractWorker
from dragoman.errors import DragomanError, FormatError, NotFoundError
from dragoman.store.store import refusal
from dragoman.model import Article, Failure
from dragoman.settings import Settings

log = logging.getLogger("dragoman.api")

WRITE_PATHS = frozenset({"/api/ingest"})
EXTRACT_TOO_LARGE = ("request body over the {limit:,} byte limit of POST /api/extract, which codes without a token "
                     "(setting [api] extract_max_bytes); send a shorter text, or store long articles with "
                     "POST /api/ingest (with the token) or code them with `dragoman extract`")
from dragoman.web import STATIC  # noqa: E402 - the dashboard's files

DESCRIPTION = """Political event data coded by dragoman: who did what to whom, when and where, each event tied to
the sentences it came from.  Read endpoints take the filters of `dragoman events`.  Writes
(`POST /api/ingest`) need `Authorization: Bearer TOKEN`.  Errors are JSON `{"error", "detail"}`."""


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


# -- the filters, shared by every read endpoint ------------------------------------------------

HELP = {
    "actor": "Actor name (part of it), id, country or IGO code, or country+sector (PAKGOV).",
    "country": "A participant's or the place's country code (ISO3 or IGO).",
    "sector": "A participant's sector (GOV, MIL, REB, ...).",
    "type": "PLOVER type(s), comma-separated.",
    "quad": "Quad class: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict.",
    "place": "Part of the place name, or its country code.",
}


class Filters:
    """Query parameters → ``EventQuery`` (one dependency, so every endpoint documents the same filters)."""

    def __init__(
        self,
        actor: Annotated[str | None, Query(max_length=200, description=HELP["actor"])] = None,
        country: Annotated[str | None, Query(max_length=20, description=HELP["country"])] = None,
        sector: Annotated[str | None, Query(max_length=20, description=HELP["sector"])] = None,
        type: Annotated[str | None, Query(max_length=200, description=HELP["type"])] = None,
        quad: Annotated[int | None, Query(ge=1, le=4, description=HELP["quad"])] = None,
        since: Annotated[date | None, Query(description="First day, YYYY-MM-DD (inclusive).")] = None,
        until: Annotated[date | None, Query(description="Last day, YYYY-MM-DD (inclusive).")] = None,
        place: Annotated[str | None, Query(max_length=200, description=HELP["place"])] = None,
        text: Annotated[str | None, Query(max_length=200, description="Words in an evidence sentence.")] = None,
        include_negated: Annotated[bool, Query(description="Also events reported as not happening.")] = False,
        include_hypothetical: Annotated[bool, Query(description="Also hypothetical events.")] = False,
        exclude_historical: Annotated[bool, Query(description="Leave out background: events well before the news.")] = False,
        min_confidence: Annotated[float | None, Query(ge=0, le=1, description="Only events at least this sure.")] = None,
        article: Annotated[str | None, Query(max_length=200, description="Only events this article (by id) reports.")] = None,
    ):
        from dragoman.store import EventQuery

        if since and until and since > until:
            raise FormatError(f"since {since} is after until {until}", source="since", hint="swap the two dates")
        self.query = EventQuery(
            actor=_clean(actor), country=_clean(country), sector=_clean(sector), type=_clean(type), quad=quad,
            since=since.isoformat() if since else None, until=until.isoformat() if until else None,
            place=_clean(place), text=_clean(text), include_negated=include_negated,
            include_hypothetical=include_hypothetical, exclude_historical=exclude_historical,
            min_confidence=min_confidence, article=_clean(article),
        )
        self.key = dataclasses.astuple(self.query)  # the normalised filters, for the response cache


async def filters(
    actor: Annotated[str | None, Query(max_length=200, description=HELP["actor"])] = None,
    country: Annotated[str | None, Query(max_length=20, description=HELP["country"])] = None,
    sector: Annotated[str | None, Query(max_length=20, description=HELP["sector"])] = None,
    type: Annotated[str | None, Query(max_length=200, description=HELP["type"])] = None,
    quad: Annotated[int | None, Query(ge=1, le=4, description=HELP["quad"])] = None,
    since: Annotated[date | None, Query(description="First day, YYYY-MM-DD (inclusive).")] = None,
    until: Annotated[date | None, Query(description="Last day, YYYY-MM-DD (inclusive).")] = None,
    place: Annotated[str | None, Query(max_length=200, description=HELP["place"])] = None,
    text: Annotated[str | None, Query(max_length=200, description="Words in an evidence sentence.")] = None,
    include_negated: Annotated[bool, Query(description="Also events reported as not happening.")] = False,
    include_hypothetical: Annotated[bool, Query(description="Also hypothetical events.")] = False,
    exclude_historical: Annotated[bool, Query(description="Leave out background: events well before the news.")] = False,
    min_confidence: Annotated[float | None, Query(ge=0, le=1, description="Only events at least this sure.")] = None,
    article: Annotated[str | None, Query(max_length=200, description="Only events this article (by id) reports.")] = None,
) -> Filters:
    """``Filters`` as an async dependency: FastAPI runs a plain class dependency in its thread pool,
    a hop per request that costs more than building the query does."""
    return Filters(actor, country, sector, type, quad, since, until, place, text, include_negated, include_hypothetical,
                   exclude_historical, min_confidence, article)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.replace("\x00", "").strip()
    return value or None


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
    unknown = sorted({k for k in request.query_params.keys() if k not in known})
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


def create_app(db: str | Path, *, token: str | None = None, limits: Limits | None = None,
               settings: Settings | None = None, access: StoreAccess | None = None, pipeline: Any = None,
               allow_hosts: Iterable[str] | None = None) -> FastAPI:
    """Build the app over the store at ``db`` (opened now, closed when the app shuts down).

    ``token``: the bearer token for writes (None: ``$DRAGOMAN_API_TOKEN``, else writes are off).
    ``pipeline``: an already-loaded ``Pipeline`` to ingest with (else one is built on first use);
    extraction always codes in the extract worker's own process.
    ``allow_hosts``: the Host names served besides the loopback names (None: ``settings.api.allow_hosts``).
    """
    from contextlib import asynccontextmanager

    limits = limits or Limits()
    settings = settings or Settings()
    store = access or StoreAccess(db)
    extractor = ExtractWorker(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        try:
            yield
        finally:
            await extractor.close()
            store.close()

    app = FastAPI(title="dragoman", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  default_response_class=JSONBody, docs_url=None, redoc_url=None,
                  dependencies=[Depends(known_parameters)])
    app.state.token = auth.configured_token(token)
    app.state.limits = limits
    app.state.store = store
    app.state.coder = Coder(settings, pipeline)
    app.state.extractor = extractor
    app.state.settings = settings
    app.state.started = datetime.now(timezone.utc).isoformat(timespec="seconds")
    cache = app.state.cache = ResponseCache(limits.cache_entries, max_bytes=settings.api.cache_bytes)

    flights: dict[tuple, tuple[int, "asyncio.Task[bytes]"]] = {}

    async def cached(request: Request, make: Any, key: tuple = ()) -> Response:
        """The JSON answer of ``make()``, from the cache when the same request was answered since the last write.

        ``key``: the request's validated, normalised parameters (its path is added here), never its raw query.

        The lookup runs on the event loop; only a miss goes to the thread pool (where ``make`` reads the store).
        Identical requests that arrive while one is being read wait for that read (``X-Cache: shared``) instead
        of each reading the store: every panel of several dashboards asks for the same first page at once.
        The read runs in its own task, so a client that hangs up does not cancel it for the others."""
        key = (request.url.path, key)
        body = cache.get(key)
        if body is not None:
            return Response(body, media_type="application/json", headers={"X-Cache": "hit"})
        generation = cache.generation
        flight = flights.get(key)
        if flight is not None and flight[0] == generation:  # a read begun since the last write: share it
            return Response(await asyncio.shield(flight[1]), media_type="application/json", headers={"X-Cache": "shared"})
        task = asyncio.ensure_future(run_in_threadpool(lambda: JSONBody(make()).body))
        entry = (generation, task)
        flights[key] = entry

        def landed(t: "asyncio.Task[bytes]") -> None:
            if flights.get(key) is entry:
                del flights[key]
            if not t.cancelled() and t.exception() is None:  # (reading the exception marks it as seen)
                cache.put(key, t.result(), generation)

        task.add_done_callback(landed)
        return Response(await asyncio.shield(task), media_type="application/json", headers={"X-Cache": "miss"})

    errors.install(app)
    extract_limit = min(settings.api.extract_max_bytes, limits.max_body)
    app.add_middleware(BodyLimit, max_body=limits.max_body, paths={"/api/extract": (extract_limit, EXTRACT_TOO_LARGE)})
    app.add_middleware(auth.TokenGuard, paths=WRITE_PATHS, token=app.state.token)  # before the body is read
    names = allowed_names(None, settings.api.allow_hosts if allow_hosts is None else allow_hosts)
    app.add_middleware(HostGuard, names=names)  # before anything else is looked at
    app.add_middleware(SecurityHeaders)  # outermost: on every response, errors included

    page_q = Query(ge=1, le=limits.max_page_size, description=f"Rows per page (at most {limits.max_page_size}).")
    offset_q = Query(ge=0, le=limits.max_offset, description="Rows to skip.")

    # -- the dashboard ------------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    # -- reads --------------------------------------------------------------------------------

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

    @app.get("/api/events", tags=["events"], summary="Events matching the filters, one page")
    async def events(
        request: Request,
        f: Annotated[Filters, Depends(filters)],
        limit: Annotated[int, page_q] = limits.page_size,
        offset: Annotated[int, offset_q] = 0,
        sort: Annotated[SortKey, Query(description="The column to sort by.")] = "date",
        order: Annotated[Order, Query(description="asc or desc.")] = "desc",
    ) -> JSONBody:
        def make() -> dict[str, Any]:
            rows, total = store.read(lambda s: s.query_events(f.query, limit=limit, offset=offset, sort=sort,
                                                              descending=order == "desc"))
            return {"total": total, "limit": limit, "offset": offset, "sort": sort, "order": order, "events": rows}

        return await cached(request, make, (f.key, limit, offset, sort, order))

    @app.get("/api/events/{event_id}", tags=["events"], summary="One event with its mentions and evidence")
    async def event(request: Request, event_id: str) -> Response:
        def make() -> dict[str, Any]:
            row = store.read(lambda s: s.get_event(event_id))
            if row is None:
                raise NotFoundError(f"no event with id '{event_id}'", hint="list ids with GET /api/events")
            return row

        return await cached(request, make)

    @app.get("/api/actors", tags=["actors"], summary="The most active actors among the matching events")
    async def actors(request: Request, f: Annotated[Filters, Depends(filters)],
               limit: Annotated[int, Query(ge=1, le=limits.max_page_size)] = limits.page_size) -> Response:
        return await cached(request, lambda: {"actors": store.read(lambda s: s.top_actors(f.query, limit=limit))},
                            (f.key, limit))

    @app.get("/api/timeline", tags=["events"], summary="Events per day, by quad class")
    async def timeline(request: Request, f: Annotated[Filters, Depends(filters)]) -> Response:
        return await cached(request, lambda: days_of(store.read(lambda s: s.timeline(f.query))), f.key)

    def days_of(rows: list[dict[str, Any]]) -> dict[str, Any]:
        days: dict[str, dict[str, Any]] = {}
        for r in rows:
            d = days.setdefault(r["date"], {"date": r["date"], "q1": 0, "q2": 0, "q3": 0, "q4": 0, "total": 0})
            q = r.get("quad_class")
            if q in (1, 2, 3, 4):
                d[f"q{q}"] += r["count"]
            d["total"] += r["count"]
        return {"days": list(days.values())}

    @app.get("/api/network", tags=["actors"], summary="Who deals with whom: actors and dyads")
    async def network(request: Request, f: Annotated[Filters, Depends(filters)],
                nodes: Annotated[int, Query(ge=1, le=200, description="Most actors to return.")] = 40) -> Response:
        def make() -> dict[str, Any]:
            rows, total = store.read(lambda s: s.query_events(f.query, limit=limits.network_events, sort="date"))
            return {**dyads(rows, nodes), "events_read": len(rows), "total": total}

        return await cached(request, make, (f.key, nodes))

    @app.get("/api/places", tags=["events"], summary="Located events, grouped by place")
    async def places(request: Request, f: Annotated[Filters, Depends(filters)]) -> Response:
        def make() -> dict[str, Any]:
            rows, total = store.read(lambda s: s.query_events(f.query, limit=limits.network_events, sort="date"))
            return {"places": group_places(rows), "events_read": len(rows), "total": total}

        return await cached(request, make, f.key)

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

        return await cached(request, make)

    @app.get("/api/failures", tags=["status"], summary="Inputs that could not be processed")
    def failures(limit: Annotated[int, page_q] = limits.page_size,
                 offset: Annotated[int, offset_q] = 0) -> JSONBody:
        total, rows = store.read(lambda s: (s.count_failures(), s.failures(limit=limit, offset=offset)))
        return JSONBody({"total": total, "failures": rows})

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

    # -- coding -------------------------------------------------------------------------------

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

        def work() -> dict[str, Any]:  # in the thread pool: a 10 MB body takes a while to parse
            raw: Any = parse_body(data)
            if not isinstance(raw, (dict, list)):
                validated(raw, ArticleIn, "request", whole=True)  # raises: a 422 naming the body
            items = body_items(raw, settings, limits.max_batch)
            coded = app.state.coder.code_many(items)
            if not isinstance(raw, list) and len(coded) == 1 and isinstance(coded[0], Failure):
                f0 = coded[0]
                err = DragomanError(f0.message, source=f0.source)
                err.code = f0.code  # type: ignore[misc]
                raise err
            # a record the store would refuse (NaN, offsets outside the text) is listed as the failure it is
            coded = [(refusal(x) or x) if isinstance(x, Article) else x for x in coded]
            try:
                counts = store.write(lambda s: s.ingest(coded))
            finally:
                cache.invalidate()
            return {
                "counts": counts,
                "articles": [{"id": a.id, "title": a.title, "events": len(a.events)} for a in coded if isinstance(a, Article)],
                "failures": [x.to_dict() for x in coded if isinstance(x, Failure)],
            }

        return JSONBody(await run_in_threadpool(work))

    return app


# -- aggregations for the dashboard (bounded: at most Limits.network_events rows) --------------


def dyads(rows: list[dict[str, Any]], max_nodes: int = 40, max_edges: int = 200) -> dict[str, Any]:
    """Actors and source→target pairs of the given events, counted as cooperation (quad 1–2) or conflict (3–4)."""
    names: dict[str, dict[str, Any]] = {}
    n_events: Counter[str] = Counter()
    pairs: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: {"count": 0, "coop": 0, "conflict": 0})
    for r in rows:
        srcs = [a for a in r.get("sources") or [] if a.get("id")]
        tgts = [a for a in r.get("targets") or [] if a.get("id")]
        for a in srcs + tgts:
            names.setdefault(a["id"], {"id": a["id"], "name": a.get("name") or a["id"], "country": a.get("country"),
                                       "sector": a.get("sector")})
        for aid in {a["id"] for a in srcs + tgts}:
            n_events[aid] += 1
        q = r.get("quad_class")
        for s in srcs:
            for t in tgts:
                if s["id"] == t["id"]:
                    continue
                key = (s["id"], t["id"]) if s["id"] < t["id"] else (t["id"], s["id"])
                p = pairs[key]
                p["count"] += 1
                if q in (1, 2):
                    p["coop"] += 1
                elif q in (3, 4):
                    p["conflict"] += 1
    linked = Counter()
    for (a, b), p in pairs.items():
        linked[a] += p["count"]
        linked[b] += p["count"]
    keep = [aid for aid, _ in sorted(linked.items(), key=lambda kv: (-n_events[kv[0]], -kv[1], kv[0]))[:max_nodes]]
    kept = set(keep)
    edges = [{"source": a, "target": b, **p} for (a, b), p in pairs.items() if a in kept and b in kept]
    edges.sort(key=lambda e: (-e["count"], e["source"], e["target"]))
    return {"nodes": [{**names[a], "events": n_events[a]} for a in keep], "edges": edges[:max_edges]}


def group_places(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Located events grouped by place (name, country, coordinates), with counts per quad class."""
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    for r in rows:
        lat, lon = r.get("lat"), r.get("lon")
        if lat is None or lon is None:
            continue
        key = (r.get("place"), r.get("place_country"), round(lat, 3), round(lon, 3))
        g = groups.setdefault(key, {"name": r.get("place") or f"{lat:.2f}, {lon:.2f}", "country": r.get("place_country"),
                                    "lat": lat, "lon": lon, "precision": r.get("place_precision"), "events": 0,
                                    "quads": {"1": 0, "2": 0, "3": 0, "4": 0}})
        g["events"] += 1
        q = r.get("quad_class")
        if q in (1, 2, 3, 4):
            g["quads"][str(q)] += 1
    return sorted(groups.values(), key=lambda g: (-g["events"], g["name"]))
