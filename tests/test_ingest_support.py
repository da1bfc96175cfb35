"""Shared helpers for the ingest tests (no tests here): a recording HTTP server on loopback and a
newspaper-page builder that wraps an article's text in realistic page chrome at test time.

The server binds 127.0.0.x on port 0 and serves ``routes``: path → ``Route``.  It records every
request (``requests``), so a test can prove that a refused URL made no connection at all.
"""

from __future__ import annotations

import html as H
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from dragoman.settings import Settings


def loopback_settings(**over) -> Settings:
    """Settings for tests: loopback allowed, no politeness delay, short timeouts."""
    base = {"allow_private": True, "per_host_delay": 0.0, "connect_timeout": 2.0, "read_timeout": 2.0}
    base.update(over)
    return Settings.load(**base)


@dataclass
class Route:
    body: bytes | Callable[[], Iterator[bytes]] = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait after the headers, before the body
    length: int | None = None  # a Content-Length to declare (default: the body's, none for streams)


class LocalServer:
    def __init__(self, host: str = "127.0.0.1"):
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.sent: dict[str, int] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = server.routes.get(self.path.split("?", 1)[0])
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "9")
                    self.send_header("Content-Type", "text/plain")
                    self.end_headers()
                    self.wfile.write(b"not found")
                    return
                self.send_response(route.status)
                if route.content_type:
                    self.send_header("Content-Type", route.content_type)
                for k, v in route.headers.items():
                    self.send_header(k, v)
                if callable(route.body):
                    if route.length is not None:
                        self.send_header("Content-Length", str(route.length))
                    else:
                        self.send_header("Connection", "close")
                    self.end_headers()
                    n = 0
                    try:
                        for chunk in route.body():
                            if route.delay:
                                time.sleep(route.delay)
                            self.wfile.write(chunk)
                            n += len(chunk)
                    except (BrokenPipeError, ConnectionResetError):
                        pass
                    finally:
                        server.sent[self.path] = server.sent.get(self.path, 0) + n
                    self.close_connection = True
                    return
                self.send_header("Content-Length", str(route.length if route.length is not None else len(route.body)))
                self.end_headers()
                try:
                    if route.delay:
                        self.wfile.flush()
                        time.sleep(route.delay)
                    self.wfile.write(route.body)
                    server.sent[self.path] = server.sent.get(self.path, 0) + len(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.host = host
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def paths(self) -> list[str]:
        return [p for p, _ in self.requests]

    def reset(self) -> None:
        self.routes.clear()
        self.requests.clear()
        self.sent.clear()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


MASTHEAD_DATE = "Saturday, April 27, 2024"  # the day the page was rendered: not the article's date


def split_article(text: str) -> tuple[str, list[str]]:
    """A plain-text article (masthead, title, repeated title, paragraphs) → title and paragraphs."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # the title is the first line without a full stop that is repeated or followed by the body
    start = 0
    for i, line in enumerate(lines[:4]):
        if i + 1 < len(lines) and lines[i + 1] == line:
            start = i
            break
    title = lines[start]
    body = [line for line in lines[start + 1 :] if line != title]
    return title, body


def newspaper_page(title: str, paragraphs: list[str], *, published: str | None = None,
                   og_title: bool = False, charset: str = "utf-8", lang: str = "en") -> str:
    """A realistic, heavily decorated newspaper page around an article."""
    e = H.escape
    ps = "\n".join(f"      <p>{e(p)}</p>" for p in paragraphs)
    meta_date = f'<meta property="article:published_time" content="{published}">' if published else ""
    meta_og = f'<meta property="og:title" content="{e(title)}">' if og_title else ""
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
  <meta charset="{charset}">
  <title>{e(title)} | The Daily Outlook</title>
  {meta_date}{meta_og}
  <meta name="viewport" content="width=device-width">
  <link rel="canonical" href="https://outlook.example.org/news/peace-talks-envoys">
  <script>window.dataLayer = [];</script>
  <style>body {{ font-family: serif; }}</style>
</head>
<body>
  <header class="site-header">
    <div class="masthead-bar">Editor in Chief: A. Editor &nbsp; {MASTHEAD_DATE}</div>
    <h1 class="logo"><a href="/"><img src="/logo.png" alt="">The Daily Outlook</a></h1>
    <nav><ul>
      <li><a href="/">Home</a></li><li><a href="/national">National</a></li>
      <li><a href="/international">International</a></li><li><a href="/business">Business</a></li>
      <li><a href="/opinion">Opinion</a></li><li><a href="/sports">Sports</a></li>
    </ul></nav>
  </header>
  <main>
    <article>
      <h2 class="entry-title">{e(title)}</h2>
      <div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a> <a href="#">Email</a></div>
      <h3 class="post-title">{e(title)}</h3>
{ps}
      <div class="tags">Tags: <a href="/tag/peace">peace</a>, <a href="/tag/region">region</a></div>
    </article>
    <aside class="related-posts">
      <h4>Related news</h4>
      <ul>
        <li><a href="/news/1">Cabinet approves new budget for the coming fiscal year</a></li>
        <li><a href="/news/2">Heavy rains cause flooding in several northern provinces</a></li>
        <li><a href="/news/3">Health officials launch nationwide vaccination campaign</a></li>
      </ul>
    </aside>
  </main>
  <footer>
    <p>Copyright © 2024 The Daily Outlook. All rights reserved.</p>
    <p><a href="/about">About us</a> | <a href="/contact">Contact</a> | <a href="/privacy">Privacy policy</a></p>
  </footer>
</body>
</html>
"""


GENERIC_PARAGRAPHS = [
    "The foreign ministers of two neighbouring countries met in the capital on Monday to discuss trade and border security.",
    "Officials said the talks focused on reopening crossings that were closed last year and on a new customs agreement.",
    "The ministers agreed to set up a joint commission that will meet every three months to review progress on the plan.",
    "Opposition lawmakers criticised the government for what they called a lack of transparency in the negotiations.",
]


def generic_page(n: int = 0, published: str | None = None) -> str:
    paras = [f"Report number {n}. " + GENERIC_PARAGRAPHS[0], *GENERIC_PARAGRAPHS[1:]]
    return newspaper_page(f"Ministers meet to discuss trade and border security ({n})", paras, published=published)
