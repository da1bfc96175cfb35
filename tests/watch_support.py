"""Helpers for the watch tests (no tests here): a news site on loopback whose feeds honour conditional
GETs and can be taken down, a webhook receiver that can be down, and short synthetic news pages.

Everything here is written by the project: invented outlets and stories over real place and
country names, no text from the evaluation sets.
"""

from __future__ import annotations

import hashlib
import html as H
import socket
import threading
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from dragoman.settings import Settings, WatchSettings

#: stories that code to events between political actors (one sentence of news each, then background)
STORIES = [
    ("Afghan President Ashraf Ghani met Taliban leader Haibatullah Akhundzada in Doha on Tuesday to discuss a "
    "ceasefire, officials said."),
    "Pakistan's foreign minister met his Turkish counterpart in Ankara on Monday to discuss trade, the ministry said.",
    "Kenya's president accused Somalia of violating its airspace on Wednesday, his office said.",
    "The European Union imposed sanctions on Belarus on Thursday over the detention of journalists.",
    "Egypt's prime minister visited Jordan on Friday to discuss water sharing, state media reported.",
    "Protesters marched against the government of Peru in Lima on Saturday, police said.",
    "India and Bangladesh signed an agreement on river water sharing in Dhaka on Sunday, officials said.",
    "Nigerian troops attacked militants in Borno state on Tuesday, the army said.",
]
BACKGROUND = ("The meeting followed weeks of preparation by diplomats on both sides. Analysts said the outcome would "
              "be watched closely in the region. Further talks are expected next month.")


def story_page(n: int, *, title: str | None = None, lead: str | None = None, outlet: str = "Daily Wire") -> str:
    """A small news page: item ``n`` of an outlet (its own sentence, then background), published 2020-10-27."""
    lead = lead or STORIES[n % len(STORIES)]
    title = title or f"{outlet}: report {n}"
    paras = [lead, f"This is report number {n} of {outlet}. " + BACKGROUND]
    body = "\n".join(f"<p>{H.escape(p)}</p>" for p in paras)
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{H.escape(title)}</title>"
            f"<meta property=\"article:published_time\" content=\"2020-10-27T09:00:00Z\"></head><body>"
            f"<header><a href=\"/\">{H.escape(outlet)}</a></header><article><h1>{H.escape(title)}</h1>{body}"
            f"</article><footer>(c) {H.escape(outlet)}</footer></body></html>")


@dataclass
class Item:
    path: str  # the page's path on the site
    title: str
    summary: str = ""
    published: datetime = datetime(2020, 10, 27, 9, 0, tzinfo=UTC)


def rss(base: str, items: list[Item]) -> bytes:
    """An RSS 2.0 feed, newest item first."""
    entries = "".join(
        f"<item><title>{H.escape(i.title)}</title><link>{base}{i.path}</link><guid>{base}{i.path}</guid>"
        f"<description>{H.escape(i.summary)}</description><pubDate>{format_datetime(i.published)}</pubDate></item>"
        for i in reversed(items))
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>News</title>'
            f"<link>{base}/</link><description>d</description>{entries}</channel></rss>").encode()


def news_sitemap(base: str, items: list[Item]) -> bytes:
    urls = "".join(
        f"<url><loc>{base}{i.path}</loc><news:news><news:publication><news:name>Daily Wire</news:name>"
        f"<news:language>en</news:language></news:publication><news:publication_date>{i.published.isoformat()}"
        f"</news:publication_date><news:title>{H.escape(i.title)}</news:title></news:news></url>" for i in items)
    return (b'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            b'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' + urls.encode("utf-8") + b"</urlset>")


def sitemap_index(base: str, children: list[tuple[str, str | None]]) -> bytes:
    """A sitemap index listing ``(path, lastmod or None)`` sitemaps, in that order."""
    els = "".join(f"<sitemap><loc>{base}{p}</loc>{f'<lastmod>{m}</lastmod>' if m else ''}</sitemap>"
                  for p, m in children)
    return (b'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + els.encode() + b"</sitemapindex>")


class NewsSite:
    """Feeds (path -> items, served as RSS or a news sitemap) and pages (path -> HTML) on 127.0.0.1.

    A feed answers ``304`` to an ``If-None-Match`` carrying its current ETag; a path in ``down``
    answers ``503``; every request is recorded as (method, path, headers)."""

    def __init__(self) -> None:
        self.feeds: dict[str, list[Item]] = {}
        self.sitemaps: set[str] = set()
        self.pages: dict[str, str] = {}
        self.down: set[str] = set()
        self.raw: dict[str, tuple[bytes, str]] = {}  # path -> (body, content type): served as they are
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:  # headers and body are two writes: without this, Nagle's algorithm and
                super().setup()  # the client's delayed ACK hold each answer ~40 ms on a kept-alive connection
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                if body:
                    self.wfile.write(body)

            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                with site.lock:
                    site.requests.append(("GET", path, {k.lower(): v for k, v in self.headers.items()}))
                    feed = site.feeds.get(path)
                    items = list(feed) if feed is not None else None
                    page = site.pages.get(path)
                    raw = site.raw.get(path)
                    down = path in site.down
                if path == "/robots.txt":
                    return self._send(200, b"User-agent: *\nAllow: /\n", "text/plain")
                if down:
                    return self._send(503, b"down for maintenance", "text/plain")
                if raw is not None:
                    etag = '"' + hashlib.sha256(raw[0]).hexdigest()[:16] + '"'
                    if self.headers.get("If-None-Match") == etag:
                        return self._send(304, b"", raw[1], {"ETag": etag})
                    return self._send(200, raw[0], raw[1], {"ETag": etag})
                if items is not None:
                    base = f"http://127.0.0.1:{site.port}"
                    body = news_sitemap(base, items) if path in site.sitemaps else rss(base, items)
                    etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                    if self.headers.get("If-None-Match") == etag:
                        return self._send(304, b"", "application/rss+xml", {"ETag": etag})
                    return self._send(200, body, "application/xml" if path in site.sitemaps else "application/rss+xml",
                                      {"ETag": etag})
                if page is not None:
                    return self._send(200, page.encode("utf-8"), "text/html; charset=utf-8")
                self._send(404, b"not found", "text/plain")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, feed: str, n: int, *, lead: str | None = None, outlet: str = "Daily Wire", summary: str = "",
            path: str | None = None, title: str | None = None) -> Item:
        """A new story ``n`` on the site, listed in ``feed``."""
        path = path or f"{feed.rsplit('.', 1)[0]}/story-{n}.html"
        item = Item(path, title or f"{outlet}: report {n}", summary,
                    datetime(2020, 10, 27, 9, 0, tzinfo=UTC) + timedelta(minutes=n))
        with self.lock:
            self.pages[path] = story_page(n, title=title, lead=lead, outlet=outlet)
            self.feeds.setdefault(feed, []).append(item)
        return item

    def gets(self, path: str) -> list[dict[str, str]]:
        """The headers of every GET of ``path``."""
        with self.lock:
            return [h for m, p, h in self.requests if m == "GET" and p == path]

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class Receiver:
    """A webhook receiver on 127.0.0.1: answers 503 while ``down``, and ``fail_first`` (alert ids) with a
    500 the first time they come (after reading them), 200 otherwise; records (headers, body) of every POST."""

    def __init__(self) -> None:
        self.down = True
        self.fail_first: set[str] = set()
        self.posts: list[tuple[dict[str, str], bytes, int]] = []
        self.lock = threading.Lock()
        rec = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:  # headers and body are two writes: without this, Nagle's algorithm and
                super().setup()  # the client's delayed ACK hold each answer ~40 ms on a kept-alive connection
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                n = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(n)
                headers = {k.lower(): v for k, v in self.headers.items()}
                with rec.lock:
                    key = headers.get("idempotency-key", "")
                    if rec.down:
                        status = 503
                    elif key in rec.fail_first:
                        rec.fail_first.discard(key)
                        status = 500
                    else:
                        status = 200
                    rec.posts.append((headers, body, status))
                self.send_response(status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def watch_settings(**watch: Any) -> Settings:
    """Loopback allowed (tests only), no real politeness delay, short timeouts, intervals in seconds."""
    base = Settings.load(allow_private=True, per_host_delay=0.0, connect_timeout=2.0, read_timeout=2.0)
    w = {"interval": 60.0, "min_interval": 1.0, "jitter": 0.1, "max_backoff": 600.0, "webhook_backoff": 10.0,
             "webhook_max_backoff": 120.0, "webhook_attempts": 8, "gather": 0.0}
    w.update(watch)
    return replace(base, watch=WatchSettings(**w))
