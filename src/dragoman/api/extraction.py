"""Turning request bodies into coded articles: the pipeline, loaded lazily, and the input readers.

The spaCy pipeline costs seconds and hundreds of MB, so it is built on the first ``extract`` or
``ingest`` request, not at startup (a read-only dashboard never pays for it).  One lock serialises
coding: spaCy's ``Language`` is not documented as thread-safe, and on two cores parallel coding
would only slow the readers down.
"""

from __future__ import annotations

import re
import threading
from typing import Any, Iterable, Iterator

from dragoman.errors import DragomanError, EmptyInputError, FormatError, InputError
from dragoman.model import Article, Failure
from dragoman.settings import Settings

_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[\s>]|<meta|<!--)", re.I)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:2000]))


class Coder:
    """The pipeline, built on first use, behind one lock."""

    def __init__(self, settings: Settings, pipeline: Any = None):
        self.settings = settings
        self._pipeline = pipeline  # an already-built Pipeline may be shared (tests, notebooks)
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._pipeline is not None

    def _pipe(self):
        if self._pipeline is None:
            from dragoman.pipeline import Pipeline

            self._pipeline = Pipeline(self.settings)
        return self._pipeline

    def code_one(self, article: Article) -> Article:
        """Code one article; a stage failure is raised as a DragomanError (→ JSON error)."""
        with self._lock:
            return self._pipe()(article)

    def code_many(self, items: Iterable[Article | Failure]) -> list[Article | Failure]:
        """Code many; failures are returned beside the articles, never raised."""
        with self._lock:
            return list(self._pipe().run_many(items))


# -- request bodies → input articles ------------------------------------------------------------


def html_article(html: str, source: str, settings: Settings, **meta: Any) -> Article:
    """A web page → input Article, through the ingest HTML reader (trafilatura) when there is one."""
    reader = _html_reader()
    if reader is None:
        raise InputError("HTML input is not supported by this installation", source=source,
                         hint="send the article's plain text in 'text' instead")
    return reader(html, source, settings, **meta)


def _html_reader():
    """The ingest package's HTML reader, adapted to ``(html, source, settings, **meta) -> Article``."""
    try:
        from dragoman.ingest import html as html_mod  # type: ignore[attr-defined]
    except ImportError:
        return None
    for name in ("article_from_html", "read_html", "html_article", "from_html"):
        fn = getattr(html_mod, name, None)
        if callable(fn):
            return _adapt_html(fn)
    return None


def _adapt_html(fn):
    import inspect

    params = inspect.signature(fn).parameters

    def call(html: str, source: str, settings: Settings, **meta: Any) -> Article:
        kwargs: dict[str, Any] = {}
        if "settings" in params:
            kwargs["settings"] = settings
        if "source" in params:
            kwargs["source"] = source
        for key in ("url", "published", "title", "id"):
            if key in params and meta.get(key) is not None:
                kwargs[key] = meta[key]
        art = fn(html, **kwargs)
        if isinstance(art, Failure):
            raise FormatError(art.message, source=source)
        if not isinstance(art, Article):  # an iterator of articles
            arts = [a for a in art if isinstance(a, Article)]
            if not arts:
                raise EmptyInputError("no article text found in the HTML", source=source)
            art = arts[0]
        changes = {k: meta[k] for k in ("title", "url") if meta.get(k) and not getattr(art, k)}
        if meta.get("id"):
            changes["id"] = str(meta["id"])
        return art.replace(**changes) if changes else art

    return call


def record_article(rec: dict[str, Any], source: str, settings: Settings) -> Article:
    """One JSON object of the ingest/extract body → input Article (text or HTML)."""
    from dragoman.ingest.files import article_from_record

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

    reader = _url_reader()
    if reader is None:
        raise InputError("fetching URLs is not supported by this installation", source=source,
                         hint="send the article text in 'text' instead")
    yield from read_inputs([url], settings)


def _url_reader():
    """The ingest package's URL support (safe fetch), if installed; else None."""
    for mod in ("dragoman.ingest.urls", "dragoman.ingest.fetch", "dragoman.ingest.web"):
        try:
            return __import__(mod, fromlist=["_"])
        except ImportError:
            continue
    return None


def body_items(body: Any, settings: Settings, max_batch: int) -> list[Article | Failure]:
    """The ingest body (an object or a list of objects) → input articles and per-item failures."""
    from dragoman.ingest.files import failure

    records = body if isinstance(body, list) else [body]
    if not records:
        raise EmptyInputError("the list of articles is empty", source="request", hint="send at least one article")
    if len(records) > max_batch:
        from dragoman.errors import TooLargeError

        raise TooLargeError(f"{len(records)} articles in one request, over the limit of {max_batch}",
                            source="request", hint="split the list into several requests")
    out: list[Article | Failure] = []
    for i, rec in enumerate(records):
        source = f"request[{i}]" if isinstance(body, list) else "request"
        try:
            if not isinstance(rec, dict):
                raise FormatError("each article must be a JSON object", source=source)
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
