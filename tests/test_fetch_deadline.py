"""The overall fetch limit (connect + 4 × read) holds against servers on loopback that never let a
read time out: headers dripped a byte at a time, a body dripped a byte at a time, an endless stream
of empty deflate blocks (gzip, zlib and raw deflate) — for a page, a feed document, a feed entry's
page and robots.txt — and, for a page, endless interim "102" responses and a dripped chunk-size
line.  Each fetch ends with a fetch error naming the URL and the limit, recorded as one failure
while the rest of the batch goes on (an unreadable robots.txt counts as missing, as before).

The servers are raw sockets (``http.server`` cannot drip a status line's headers).  A test asserts
the error and that the call returned; the thread guard around it is only a hang guard, never a
measure of speed.
"""

from __future__ import annotations

import socket
import threading
import time
import zlib
from collections.abc import Callable
from typing import Any

import pytest
from test_ingest_support import generic_page, loopback_settings

from dragoman.errors import FetchError
from dragoman.ingest import read_inputs
from dragoman.ingest.fetch import Fetcher
from dragoman.model import Article, Failure

DRIP = 0.1  # seconds between two bytes: well under the read timeout, so no single read ever times out
SETTINGS = loopback_settings(connect_timeout=0.5, read_timeout=0.5)  # overall limit 0.5 + 4 × 0.5 = 2.5 s
LIMIT_TEXT = "overall limit of 2.5 s"
HANG_GUARD = 60.0  # seconds; only so that a regression fails instead of hanging the suite
PAGE = generic_page(1).encode("utf-8")
EMPTY_STORED_BLOCK = b"\x00\x00\x00\xff\xff"  # BFINAL=0, BTYPE=00 (stored), LEN=0, NLEN=0xffff: expands to nothing

Handler = Callable[[socket.socket, threading.Event], None]


class DripServer:
    """A raw HTTP/1.1 server on 127.0.0.1, one thread per connection; ``routes`` maps a path to a
    function that writes the whole response itself.  ``ended`` records how each response ended:
    ``complete``, or ``closed by the client`` when the client hung up first."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.routes: dict[str, Handler] = {}
        self.requests: list[str] = []
        self.ended: dict[str, str] = {}
        self.stop = threading.Event()  # tells the endless handlers to give up (teardown)
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            head = b""
            while b"\r\n\r\n" not in head and len(head) < 65536:
                data = conn.recv(4096)
                if not data:
                    return
                head += data
            path = head.split(b" ", 2)[1].decode("ascii")
            self.requests.append(path)
            try:
                self.routes.get(path, not_found)(conn, self.stop)
                self.ended[path] = "complete"
            except OSError:
                self.ended[path] = "closed by the client"

    def wait_ended(self, path: str, within: float = 30.0) -> str | None:
        """How the response to ``path`` ended (polls: the server notices a hang-up on its next write)."""
        until = time.monotonic() + within
        while path not in self.ended and time.monotonic() < until:
            time.sleep(0.05)
        return self.ended.get(path)

    def close(self) -> None:
        self.stop.set()
        self.listener.close()


def not_found(conn: socket.socket, stop: threading.Event) -> None:
    conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found")


def static(body: bytes, content_type: str = "text/html; charset=utf-8", extra: str = "") -> Handler:
    def handler(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
                     f"{extra}Connection: close\r\n\r\n".encode("ascii") + body)
    return handler


def redirect(location: str) -> Handler:
    def handler(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(f"HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                     .encode("ascii"))
    return handler


def drip(conn: socket.socket, stop: threading.Event, data: bytes) -> None:
    for i in range(len(data)):
        if stop.is_set():
            return
        conn.sendall(data[i:i + 1])
        time.sleep(DRIP)


def drip_headers(content_type: str = "text/html; charset=utf-8") -> Handler:
    """The status line, then header lines one byte every DRIP seconds, never reaching the blank line
    (h11 would refuse the headers only after 16 KB: 27 minutes at this pace, days at 30 s a byte)."""
    def handler(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n".encode("ascii"))
        drip(conn, stop, b"".join(b"X-Drip-%d: %d\r\n" % (n, n) for n in range(2000)))
    return handler


def drip_body(content_type: str = "text/html; charset=utf-8") -> Handler:
    """Complete headers (no length: the body ends when the connection does), then the body one byte
    every DRIP seconds, without end."""
    def handler(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nConnection: close\r\n\r\n".encode("ascii"))
        drip(conn, stop, (PAGE[:200] + b"<p>" + b"x" * 100_000))
    return handler


def empty_deflate_blocks(encoding: str, prefix: bytes, content_type: str = "text/html; charset=utf-8") -> Handler:
    """A compressed body that expands to nothing, for ever: a gzip or zlib header (or none, raw deflate)
    then empty stored deflate blocks, sent in bursts with short pauses (no read waits long)."""
    def handler(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Encoding: {encoding}\r\n"
                     "Connection: close\r\n\r\n".encode("ascii") + prefix)
        burst = EMPTY_STORED_BLOCK * 200
        while not stop.is_set():
            conn.sendall(burst)
            time.sleep(0.01)
    return handler


def endless_informational(content_type: str = "text/html; charset=utf-8") -> Handler:
    """Interim "102 Processing" responses, in bursts, for ever: the final response never comes."""
    def handler(conn: socket.socket, stop: threading.Event) -> None:
        while not stop.is_set():
            conn.sendall(b"HTTP/1.1 102 Processing\r\n\r\n" * 50)
            time.sleep(0.01)
    return handler


def drip_chunk_size(content_type: str = "text/html; charset=utf-8") -> Handler:
    """A chunked body whose first chunk-size line ("000…") drips a byte at a time: bytes arrive,
    but never one byte of body."""
    def handler(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nTransfer-Encoding: chunked\r\n\r\n"
                     .encode("ascii"))
        drip(conn, stop, b"0" * 100_000)
    return handler


GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
ZLIB_HEADER = b"\x78\x9c"
SLOW = {
    "headers": drip_headers,
    "body": drip_body,
    "gzip": lambda ct="text/html; charset=utf-8": empty_deflate_blocks("gzip", GZIP_HEADER, ct),
    "deflate": lambda ct="text/html; charset=utf-8": empty_deflate_blocks("deflate", ZLIB_HEADER, ct),
    "raw-deflate": lambda ct="text/html; charset=utf-8": empty_deflate_blocks("deflate", b"", ct),
    "informational": endless_informational,
    "chunk-size": drip_chunk_size,
}


def test_empty_stored_blocks_expand_to_nothing():
    """The attack's premise (else the other tests prove nothing): the body decompresses to no bytes."""
    for wbits, prefix in ((47, GZIP_HEADER), (47, ZLIB_HEADER), (-zlib.MAX_WBITS, b"")):
        d = zlib.decompressobj(wbits)
        assert d.decompress(prefix + EMPTY_STORED_BLOCK * 10_000) == b"" and not d.eof


def returns(call: Callable[[], Any]) -> Any:
    """Run ``call`` in a thread and give its result (or raise its exception); fail if it is still
    running after HANG_GUARD seconds.  A hang guard only: nothing here measures speed."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["result"] = call()
        except BaseException as e:  # noqa: BLE001 - handed back to the test
            box["error"] = e

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(HANG_GUARD)
    if worker.is_alive():
        pytest.fail(f"the fetch was still running after {HANG_GUARD:g} s: the overall limit was not applied")
    if "error" in box:
        raise box["error"]
    return box["result"]


@pytest.fixture()
def server():
    srv = DripServer()
    srv.routes["/robots.txt"] = static(b"User-agent: *\nAllow: /\n", "text/plain")
    srv.routes["/good.html"] = static(PAGE)
    yield srv
    srv.close()


def assert_limit_failure(item: Any, url: str, source: str | None = None) -> None:
    """A fetch failure for ``source`` (the URL given) naming the limit, and the hop ``url`` if it differs."""
    assert isinstance(item, Failure), item
    assert item.code == "fetch" and item.source == (source or url)
    what = "the fetch" if source in (None, url) else f"fetching {url}"
    assert f"timed out: {what} took longer than the {LIMIT_TEXT}" in item.message
    assert "fetch.connect_timeout 0.5 s + 4 × fetch.read_timeout 0.5 s" in item.message


# -- (a) headers, (b) body, (c) empty deflate blocks: a page -------------------------------------------------


@pytest.mark.parametrize("kind", list(SLOW))
def test_slow_page_ends_at_the_overall_limit_and_the_batch_goes_on(server, kind):
    server.routes["/slow.html"] = SLOW[kind]()
    slow, good = server.url("/slow.html"), server.url("/good.html")
    out = returns(lambda: list(read_inputs([slow, good], SETTINGS)))
    assert len(out) == 2
    assert_limit_failure(out[0], slow)
    assert isinstance(out[1], Article) and "foreign ministers" in out[1].text  # the batch went on
    assert server.wait_ended("/slow.html") == "closed by the client"  # dragoman hung up


def test_fetcher_raises_a_fetch_error_naming_url_and_limit(server):
    server.routes["/slow.html"] = drip_headers()
    url = server.url("/slow.html")
    with Fetcher(SETTINGS.fetch) as f:
        with pytest.raises(FetchError) as err:
            returns(lambda: f.get(url))
        got = returns(lambda: f.get(server.url("/good.html")))  # the same fetcher (and pool) goes on
    assert err.value.code == "fetch" and err.value.source == url
    assert str(err.value).startswith(f"{url}: timed out: the fetch took longer than the {LIMIT_TEXT}")
    assert "raise fetch.read_timeout" in str(err.value)
    assert got.body == PAGE


def test_redirects_share_the_limit_and_the_hop_is_named(server):
    server.routes["/hop"] = redirect("/slow.html")
    server.routes["/slow.html"] = drip_body()
    out = returns(lambda: list(read_inputs([server.url("/hop")], SETTINGS)))
    assert_limit_failure(out[0], server.url("/slow.html"), source=server.url("/hop"))


# -- (d) a feed document, a feed entry's page, robots.txt ----------------------------------------------------


@pytest.mark.parametrize("kind", ["headers", "body", "gzip"])
def test_slow_feed_document(server, kind):
    server.routes["/feed.rss"] = SLOW[kind]("application/rss+xml")
    feed = server.url("/feed.rss")
    out = returns(lambda: list(read_inputs([feed, server.url("/good.html")], SETTINGS)))
    assert len(out) == 2
    assert_limit_failure(out[0], feed)
    assert isinstance(out[1], Article)


def test_slow_feed_entries_fail_one_by_one(server):
    kinds = ["headers", "body", "gzip", "raw-deflate"]
    items = "".join(f"<item><title>Entry {k}</title><link>{server.url(f'/news/{k}.html')}</link></item>"
                    for k in kinds + ["good"])
    server.routes["/feed.rss"] = static(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode(),
        "application/rss+xml")
    for k in kinds:
        server.routes[f"/news/{k}.html"] = SLOW[k]()
    server.routes["/news/good.html"] = static(PAGE)
    out = returns(lambda: list(read_inputs([server.url("/feed.rss")], SETTINGS)))
    assert len(out) == 5
    for k, item in zip(kinds, out):
        assert_limit_failure(item, server.url(f"/news/{k}.html"))
    assert isinstance(out[4], Article) and out[4].meta["entry"] == 5


@pytest.mark.parametrize("kind", ["headers", "body", "gzip"])
def test_slow_robots_txt_ends_at_the_limit_and_counts_as_missing(server, kind):
    """robots.txt is its own fetch with its own limit; one that cannot be read counts as missing
    (everything allowed, as for any unreadable robots.txt), so the page is then fetched."""
    server.routes["/robots.txt"] = SLOW[kind]("text/plain")
    page = server.url("/good.html")
    server.routes["/other.html"] = static(PAGE)
    out = returns(lambda: list(read_inputs([page, server.url("/other.html")], SETTINGS)))
    assert [type(x).__name__ for x in out] == ["Article", "Article"]
    assert server.wait_ended("/robots.txt") == "closed by the client"
    assert server.requests.count("/robots.txt") == 1  # read once per site, even when it failed
