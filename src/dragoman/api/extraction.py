"""Turning request bodies into coded articles: the ingest pipeline, loaded lazily, and the input readers.

The spaCy pipeline costs seconds and hundreds of MB, so it is built on the first ``ingest``
request, not at startup (a read-only dashboard never pays for it).  One lock serialises coding:
spaCy's ``Language`` is not documented as thread-safe, and on two cores parallel coding would only
slow the readers down.  ``POST /api/extract`` codes in a process of its own (``dragoman.api.worker``),
so an anonymous extract never holds this lock.

The two POST bodies are read here, not by FastAPI: so that a lone surrogate is named before pydantic
sees it (it answers some with a 422 and lets others through to fail later), and so that one bad
article of an ingest list is one failure, not a 422 for the whole list.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError

from dragoman.errors import DragomanError, EmptyInputError, EncodingError, FormatError
from dragoman.model import Article, Failure
from dragoman.settings import Settings

if TYPE_CHECKING:
    from dragoman.pipeline import Pipeline


class Coder:
    """The pipeline, built on first use, behind one lock."""

    def __init__(self, settings: Settings, pipeline: Any = None):
        self.settings = settings
        self._pipeline: Pipeline | None = pipeline  # an already-built Pipeline may be shared (tests, notebooks)
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._pipeline is not None

    def _pipe(self) -> Pipeline:
        if self._pipeline is None:
            from dragoman.pipeline import Pipeline

            self._pipeline = Pipeline(self.settings)
        return self._pipeline

    def code_many(self, items: Iterable[Article | Failure]) -> list[Article | Failure]:
        """Code many; failures are returned beside the articles, never raised."""
        with self._lock:
            return list(self._pipe().run_many(items))


# -- request bodies → input articles ------------------------------------------------------------

_SURROGATE = re.compile(r"[\ud800-\udfff]")


def parse_body(raw: bytes) -> Any:
    """A request body → its JSON value, or a 422 naming the problem (never a 500, whatever the bytes).

    NaN and Infinity are read as the standard library reads them; responses never write them back
    (``JSONBody`` turns them into null)."""
    if not raw.strip():
        raise _invalid("body", "the body is empty: send a JSON object")
    try:
        return json.loads(raw)
    except UnicodeDecodeError as e:
        raise _invalid("body", f"the body is not UTF-8 (byte {e.start}): send JSON in UTF-8") from None
    except ValueError as e:  # json.JSONDecodeError
        raise _invalid("body", f"the body is not valid JSON: {e}") from None
    except RecursionError:
        raise _invalid("body", "the body's JSON is nested too deeply") from None


def _invalid(field: str, message: str) -> RequestValidationError:
    return RequestValidationError([{"loc": (field,), "msg": message, "type": "value_error"}])


def check_unicode(rec: Any, source: str) -> None:
    """Raise ``EncodingError`` naming the field when a string of ``rec`` (a key or a value, at any depth)
    holds a lone UTF-16 surrogate: JSON can spell one (``"\\ud800"``) but it is not a character, and
    no UTF-8 output (the store, a response) can hold it."""
    stack: list[tuple[str, Any]] = [("", rec)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            m = _SURROGATE.search(value)
            if m:
                raise EncodingError(
                    f"'{path or 'body'}' holds a lone surrogate (U+{ord(m.group()):04X}) at character {m.start()}: "
                    "half of a UTF-16 pair, not a character", source=source,
                    hint="send valid Unicode: a JSON \\ud800-\\udbff escape must be followed by its \\udc00-\\udfff pair")
        elif isinstance(value, dict):
            for k, v in value.items():
                name = f"{path}.{_printable(k)}" if path else _printable(k)
                stack.append((name, k))
                stack.append((name, v))
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", v) for i, v in enumerate(value))


def _printable(key: Any) -> str:
    return str(key).encode("utf-8", "backslashreplace").decode("utf-8")


def validated(rec: Any, model: type[BaseModel], source: str, *, whole: bool) -> dict[str, Any]:
    """``rec`` checked against ``model`` → its fields (None left out).  A problem is a ``RequestValidationError``
    for the whole body (``whole``: a 422 listing the fields) or else a ``FormatError`` for this one article."""
    if not isinstance(rec, dict):
        if whole:
            raise _invalid("body", "send a JSON object (or, to POST /api/ingest, a list of them)")
        raise FormatError("each article must be a JSON object", source=source,
                          hint='send {"text": "...", "title": "...", "published": "YYYY-MM-DD"}')
    check_unicode(rec, source)
    try:
        return model.model_validate(rec).model_dump(exclude_none=True)
    except ValidationError as e:
        if whole:
            raise RequestValidationError([{**err, "loc": ("body", *err.get("loc", ()))} for err in e.errors()]) from None
        what = "; ".join(f"'{'.'.join(str(x) for x in err.get('loc', ())) or 'body'}': {err.get('msg', 'invalid')}"
                         for err in e.errors()[:3])
        raise FormatError(what, source=source, hint="the fields of an article: text (or html), id, title, url, "
                                                    "published, each a string") from None


def html_article(html: str, source: str, settings: Settings, **meta: Any) -> Article:
    """A web page → input Article, through the ingest HTML reader (``dragoman.ingest.html.page_article``).

    ``meta``: the request's ``url``, ``published`` and ``title`` (given to the reader) and ``id`` (kept as the
    article's id); a title or URL the page does not have is taken from them."""
    from dragoman.ingest.html import page_article

    given = {k: meta[k] for k in ("url", "published", "title") if meta.get(k) is not None}
    art = page_article(html, source, settings, **given)
    changes = {k: meta[k] for k in ("title", "url") if meta.get(k) and not getattr(art, k)}
    if meta.get("id"):
        changes["id"] = str(meta["id"])
    return art.replace(**changes) if changes else art


def record_article(rec: dict[str, Any], source: str, settings: Settings) -> Article:
    """One JSON object of the ingest/extract body → input Article: a page when it has ``html``, or a
    ``text`` that starts like HTML (``dragoman.ingest.html.looks_like_html``); else the text as it is."""
    from dragoman.ingest.files import article_from_record, check_record
    from dragoman.ingest.html import looks_like_html

    rec, _ = check_record(rec, source, settings)  # the same checks as a JSONL line: field types, http(s) URLs
    text = rec.get("text")
    html = rec.get("html")
    if isinstance(html, str) or (isinstance(text, str) and looks_like_html(text)):
        page = html if isinstance(html, str) else text
        assert isinstance(page, str)
        if not page.strip():
            raise EmptyInputError("the html is empty", source=source)
        return html_article(page, source, settings, **{k: rec.get(k) for k in ("id", "title", "url", "published")})
    return article_from_record(rec, source, settings)


def url_articles(url: str, source: str, settings: Settings) -> Iterator[Article | Failure]:
    """``{"url": …}`` → the fetched page's article, through the ingest URL reader (safe fetch)."""
    if not re.match(r"^https?://[^\s/]+", url):
        raise FormatError("'url' must be an http:// or https:// address", source=source)
    from dragoman.ingest import read_inputs

    yield from read_inputs([url], settings)


def body_items(body: Any, settings: Settings, max_batch: int) -> list[Article | Failure]:
    """The ingest body (an object or a list of objects) → input articles and per-item failures.

    A list item that is not an article (not an object, a field of the wrong type, a lone surrogate, no
    text) is a failure named ``request[i]``, and the other items go on.  A lone object that does not fit
    the schema is a 422, as any other request body."""
    from dragoman.ingest.files import failure

    records = body if isinstance(body, list) else [body]
    if not records:
        raise EmptyInputError("the list of articles is empty", source="request", hint="send at least one article")
    if len(records) > max_batch:
        from dragoman.errors import TooLargeError

        raise TooLargeError(f"{len(records)} articles in one request, over the limit of {max_batch}",
                            source="request", hint="split the list into several requests")
    from dragoman.api.schemas import ArticleIn

    out: list[Article | Failure] = []
    for i, rec in enumerate(records):
        source = f"request[{i}]" if isinstance(body, list) else "request"
        try:
            rec = validated(rec, ArticleIn, source, whole=not isinstance(body, list))
            if rec.get("text") is None and rec.get("html") is None:
                if not isinstance(rec.get("url"), str):
                    raise FormatError("an article needs 'text' (or 'html', or only a 'url' to fetch)", source=source,
                                      hint='send {"text": "...", "title": "...", "published": "YYYY-MM-DD"}')
                out.extend(url_articles(rec["url"], source, settings))
                continue
            out.append(record_article(rec, source, settings))
        except DragomanError as e:
            out.append(failure(e, source))
    return out
