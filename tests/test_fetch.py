"""Safe fetching against real HTTP servers on loopback: SSRF refusals with no connection made,
redirects checked hop by hop, loops, robots.txt, timeouts, size limits, content types."""

from __future__ import annotations

import ipaddress
import tracemalloc

import pytest
from test_ingest_support import LocalServer, Route, generic_page, loopback_settings

from dragoman.errors import BlockedAddressError, FetchError, RobotsError
from dragoman.ingest import read_inputs
from dragoman.ingest.fetch import Fetcher, _VettingBackend, blocked_reason
from dragoman.model import Article, Failure
from dragoman.settings import Settings

PAGE = generic_page(1).encode("utf-8")


@pytest.fixture(scope="module")
def server():
    srv = LocalServer("127.0.0.1")
    yield srv
    srv.close()


@pytest.fixture(scope="module")
def inner():
    """A second server on another loopback address: the 'internal service' an attacker wants."""
    srv = LocalServer("127.0.0.2")
    yield srv
    srv.close()


@pytest.fixture(autouse=True)
def _fresh(server, inner):
    server.reset()
    inner.reset()
    server.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")


def only_first_loopback_is_public(ip):
    """An address policy for tests: 127.0.0.1 plays a public web server; everything else is vetted
    by the real policy (so 127.0.0.2, the 'internal service', stays refused)."""
    if ip == ipaddress.ip_address("127.0.0.1"):
        return None
    return blocked_reason(ip)


def strict_settings(**over) -> Settings:
    base = {"per_host_delay": 0.0, "connect_timeout": 2.0, "read_timeout": 2.0}
    base.update(over)
    return Settings.load(**base)


# -- SSRF ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::ffff:127.0.0.1]", "0.0.0.0", "2130706433", "127.1", "[::1]"])
def test_loopback_url_refused_without_connecting(server, host):
    server.routes["/a.html"] = Route(PAGE)
    url = f"http://{host}:{server.port}/a.html"
    out = list(read_inputs([url], strict_settings()))
    assert len(out) == 1 and isinstance(out[0], Failure)
    assert out[0].code == "blocked_address" and "--allow-private" in out[0].message
    assert server.requests == []  # no connection at all: not even robots.txt


def test_redirect_to_loopback_refused_without_connecting(server, inner):
    inner.routes["/secret"] = Route(b"internal admin page", content_type="text/plain")
    server.routes["/go"] = Route(b"", status=302, headers={"Location": inner.url("/secret")})
    with Fetcher(strict_settings().fetch, policy=only_first_loopback_is_public) as f, \
            pytest.raises(BlockedAddressError) as err:
        f.get(server.url("/go"))
    assert "127.0.0.2" in str(err.value)
    assert "/go" in server.paths()
    assert inner.requests == []  # the redirect target was never contacted


def test_socket_layer_refuses_a_blocked_answer(inner):
    """Even past the URL check (a DNS answer that changed), the connection itself is vetted."""
    backend = _VettingBackend(allow_private=False, policy=blocked_reason)
    with pytest.raises(BlockedAddressError):
        backend.connect_tcp("127.0.0.2", inner.port, timeout=1.0)
    assert inner.requests == []


def test_private_ranges():
    for addr in ["10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1", "224.0.0.1", "240.0.0.1",
                 "0.0.0.0", "::1", "fe80::1", "fc00::1", "ff02::1", "::ffff:10.0.0.1", "2002:7f00:1::1"]:
        assert blocked_reason(ipaddress.ip_address(addr)), addr
    for addr in ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"]:
        assert blocked_reason(ipaddress.ip_address(addr)) is None, addr


def test_allow_private_fetches_loopback(server):
    server.routes["/a.html"] = Route(PAGE)
    [art] = list(read_inputs([server.url("/a.html")], loopback_settings()))
    assert isinstance(art, Article) and "foreign ministers" in art.text
    assert art.meta["format"] == "html"
    # an honest User-Agent, robots.txt asked first
    assert server.paths() == ["/robots.txt", "/a.html"]
    ua = server.requests[1][1]["user-agent"]
    assert ua.startswith("dragoman/") and "political event coder" in ua


# -- redirects -------------------------------------------------------------------------------------


def test_redirects_followed_and_limited(server):
    server.routes["/a.html"] = Route(PAGE)
    server.routes["/r1"] = Route(b"", status=301, headers={"Location": "/r2"})
    server.routes["/r2"] = Route(b"", status=302, headers={"Location": server.url("/a.html")})
    with Fetcher(loopback_settings().fetch) as f:
        got = f.get(server.url("/r1"))
    assert got.url.endswith("/a.html") and got.redirects[0].endswith("/r1") and got.body == PAGE
    for i in range(8):
        server.routes[f"/c{i}"] = Route(b"", status=302, headers={"Location": f"/c{i + 1}"})
    with Fetcher(loopback_settings().fetch) as f, pytest.raises(FetchError, match="more than 5 redirects"):
        f.get(server.url("/c0"))
    assert "/c6" not in server.paths()


def test_redirect_loop(server):
    server.routes["/loop1"] = Route(b"", status=302, headers={"Location": "/loop2"})
    server.routes["/loop2"] = Route(b"", status=302, headers={"Location": "/loop1"})
    out = list(read_inputs([server.url("/loop1"), server.url("/missing")], loopback_settings()))
    assert [type(x).__name__ for x in out] == ["Failure", "Failure"]
    assert out[0].code == "fetch" and "redirect loop" in out[0].message
    assert out[1].code == "fetch" and "404" in out[1].message


# -- robots, timeouts, sizes, types ------------------------------------------------------------------


def test_robots_txt_respected_and_switchable(server):
    server.routes["/private/a.html"] = Route(PAGE)
    out = list(read_inputs([server.url("/private/a.html")], loopback_settings()))
    assert isinstance(out[0], Failure) and out[0].code == "robots" and "--no-robots" in out[0].message
    assert "/private/a.html" not in server.paths()
    out = list(read_inputs([server.url("/private/a.html")], loopback_settings(respect_robots=False)))
    assert isinstance(out[0], Article)
    with Fetcher(loopback_settings().fetch) as f, pytest.raises(RobotsError):
        f.get(server.url("/private/a.html"))


def test_slow_response_times_out(server):
    server.routes["/slow.html"] = Route(PAGE, delay=3.0)
    server.routes["/a.html"] = Route(PAGE)
    out = list(read_inputs([server.url("/slow.html"), server.url("/a.html")], loopback_settings(read_timeout=0.5)))
    assert isinstance(out[0], Failure) and out[0].code == "fetch" and "timed out" in out[0].message
    assert isinstance(out[1], Article)  # the batch goes on


def test_oversized_body_is_streamed_and_stopped(server):
    chunk = b"<p>" + b"x" * 65_530 + b"</p>"

    def two_hundred_mb():
        for _ in range(200_000_000 // len(chunk)):
            yield chunk

    server.routes["/huge.html"] = Route(two_hundred_mb)  # no Content-Length: must be counted
    server.routes["/declared.html"] = Route(two_hundred_mb, length=200_000_000)
    settings = loopback_settings(max_bytes=2_000_000)
    tracemalloc.start()
    try:
        out = list(read_inputs([server.url("/huge.html"), server.url("/declared.html")], settings))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [x.code for x in out] == ["too_large", "too_large"]
    assert "stopped reading" in out[0].message and "200.0 MB" in out[1].message
    assert peak < 20_000_000  # never held more than a few times the limit
    assert server.sent.get("/huge.html", 0) < 100_000_000  # the server was cut off long before the end


def test_content_type_and_binary_served_as_html(server):
    server.routes["/img.png"] = Route(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10, content_type="image/png")
    server.routes["/fake.html"] = Route(bytes(range(256)) * 200, content_type="text/html")
    server.routes["/plain.txt"] = Route(b"KABUL - The ministers met on Tuesday to discuss the border.", content_type="text/plain; charset=utf-8")
    out = list(read_inputs([server.url("/img.png"), server.url("/fake.html"), server.url("/plain.txt")], loopback_settings()))
    assert out[0].code == "fetch" and "image/png" in out[0].message
    assert out[1].code == "format" and "binary" in out[1].message
    assert isinstance(out[2], Article) and out[2].text.startswith("KABUL") and out[2].url == server.url("/plain.txt")


def test_charset_from_http_header(server):
    body = generic_page(2).replace('<meta charset="utf-8">', "").replace("capital", "capital’s").encode("cp1252")
    server.routes["/cp.html"] = Route(body, content_type="text/html; charset=windows-1252")
    [art] = list(read_inputs([server.url("/cp.html")], loopback_settings()))
    assert "capital’s" in art.text and art.meta["charset"] == "cp1252"


def test_bad_urls():
    out = list(read_inputs(["http://", "http://exa mple.org/x", "file:///etc/passwd", "gopher://x/"], strict_settings()))
    assert all(isinstance(x, Failure) and x.message for x in out)
    assert out[2].source == "file:///etc/passwd"


def test_compressed_bodies_and_a_gzip_bomb(server):
    import gzip
    import zlib

    server.routes["/gz.html"] = Route(gzip.compress(PAGE), headers={"Content-Encoding": "gzip"})
    server.routes["/deflate.html"] = Route(zlib.compress(PAGE), headers={"Content-Encoding": "deflate"})
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = c.compress(b"\0" * 50_000_000) + c.flush()  # ~50 KB that expands to 50 MB
    server.routes["/bomb.html"] = Route(bomb, headers={"Content-Encoding": "gzip"})
    settings = loopback_settings(max_bytes=2_000_000)
    tracemalloc.start()
    try:
        out = list(read_inputs([server.url("/gz.html"), server.url("/deflate.html"), server.url("/bomb.html")], settings))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [type(x).__name__ for x in out] == ["Article", "Article", "Failure"]
    assert out[0].text == out[1].text and "foreign ministers" in out[0].text
    assert out[2].code == "too_large"
    assert peak < 20_000_000
