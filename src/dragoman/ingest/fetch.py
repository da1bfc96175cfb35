"""Fetch a URL safely: dragoman must never become a hole in the user's network.

* Every address a host name resolves to is vetted, and a private, loopback, link-local,
  multicast, reserved or otherwise non-global address is refused *before connecting* — for the
  first URL, after every redirect (redirects are followed here, one hop at a time, at most
  ``max_redirects``), and at the socket itself: the connection goes to the IP address that was
  vetted (the ``Host`` header and TLS SNI keep the name), so a DNS answer that changes between the
  check and the connection (DNS rebinding) cannot slip through.  ``allow_private`` lifts this.
* Connect and read timeouts, and an overall deadline (``overall_limit``: connect + 4 x read) for
  the whole fetch, redirects and decompression included, enforced at the socket: every connect,
  read and write waits at most until the deadline, so a server dripping its headers or body a byte
  at a time, or an endless stream of empty compressed blocks, ends with a ``FetchError`` in time.
* The body is streamed and stopped at ``max_bytes``: a 200 MB page is never held in memory.
* Only the expected content types are read; an honest User-Agent; robots.txt respected unless
  ``respect_robots`` is off; a polite delay between two requests to one host.
* Environment proxies are ignored (a proxy would connect on our behalf, unchecked).
"""

from __future__ import annotations

import ipaddress
import socket
import time
import typing
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpcore
import httpx

from dragoman import __version__
from dragoman.errors import BlockedAddressError, FetchError, RobotsError, TooLargeError
from dragoman.ingest.charset import charset_from_content_type
from dragoman.settings import FetchSettings

HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml",
              "application/feed+json")
TEXT_TYPES = ("text/plain",)
ROBOTS_MAX_BYTES = 500_000
_REDIRECTS = {301, 302, 303, 307, 308}


def blocked_reason(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address must not be fetched (``None`` for a public address)."""
    if isinstance(ip, ipaddress.IPv6Address):
        for embedded in (ip.ipv4_mapped, ip.sixtofour, ip.teredo[1] if ip.teredo else None):
            if embedded is not None and (why := blocked_reason(embedded)):
                return why
    checks = (
        ("loopback", ip.is_loopback),
        ("private", ip.is_private),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("reserved", ip.is_reserved),
        ("unspecified", ip.is_unspecified),
    )
    for name, hit in checks:
        if hit:
            return name
    if not ip.is_global:
        return "non-global"
    return None


def resolve(host: str, port: int, source: str) -> list[str]:
    """All addresses ``host`` resolves to (a literal IP resolves to itself)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as e:
        raise FetchError(f"cannot resolve host '{host}': {e}", source=source, hint="check the URL") from e
    out: list[str] = []
    for info in infos:
        addr = str(info[4][0]).split("%", 1)[0]
        if addr not in out:
            out.append(addr)
    if not out:
        raise FetchError(f"host '{host}' has no address", source=source)
    return out


AddressPolicy = typing.Callable[[ipaddress.IPv4Address | ipaddress.IPv6Address], str | None]


def vet_host(host: str, port: int, source: str, allow_private: bool,
             policy: AddressPolicy = blocked_reason) -> list[str]:
    """Resolve ``host`` and refuse it if any answer is not a public address; the vetted addresses."""
    addrs = resolve(host, port, source)
    if allow_private:
        return addrs
    for addr in addrs:
        why = policy(ipaddress.ip_address(addr))
        if why:
            raise BlockedAddressError(
                f"refused: '{host}' resolves to {addr}, a {why} address",
                source=source,
                hint="dragoman does not fetch private or internal addresses; pass --allow-private to allow it",
            )
    return addrs


def overall_limit(settings: FetchSettings) -> float:
    """The wall-clock limit of one fetch, in seconds: connect + 4 x read."""
    return settings.connect_timeout + 4 * settings.read_timeout


class _OverallTimeout(Exception):
    """The fetch's deadline passed during a connect, read or write (turned into a ``FetchError``)."""


class _Deadline:
    """The deadline of the fetch in progress (``None`` between fetches), shared by its connections."""

    def __init__(self) -> None:
        self.at: float | None = None

    def wait(self, timeout: float | None) -> tuple[float | None, bool]:
        """How long one socket operation may wait, and whether the deadline (not ``timeout``) bounds it."""
        if self.at is None:
            return timeout, False
        left = self.at - time.monotonic()
        if left <= 0:
            raise _OverallTimeout()
        if timeout is None or left < timeout:
            return left, True
        return timeout, False

    def check(self) -> None:
        """Raise ``_OverallTimeout`` if the deadline has passed."""
        self.wait(None)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write waits at most until the fetch's deadline: a byte a
    second resets the read timeout, never the deadline; a stream that never pauses is stopped at the
    first read after it."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: _Deadline):
        self._inner = inner
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        wait, by_deadline = self._deadline.wait(timeout)
        try:
            return self._inner.read(max_bytes, wait)
        except httpcore.ReadTimeout:
            if by_deadline:
                raise _OverallTimeout() from None
            raise

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        wait, by_deadline = self._deadline.wait(timeout)
        try:
            self._inner.write(buffer, wait)
        except httpcore.WriteTimeout:
            if by_deadline:
                raise _OverallTimeout() from None
            raise

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: typing.Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        wait, by_deadline = self._deadline.wait(timeout)
        try:
            return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, wait), self._deadline)
        except httpcore.ConnectTimeout:
            if by_deadline:
                raise _OverallTimeout() from None
            raise

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)


class _VettingBackend(httpcore.NetworkBackend):
    """httpcore's socket layer, resolving and vetting the host itself and connecting to that IP;
    every connection it opens keeps to the deadline of the fetch in progress."""

    def __init__(self, allow_private: bool, policy: AddressPolicy):
        self._inner = httpcore.SyncBackend()
        self._allow_private = allow_private
        self._policy = policy
        self.source = ""
        self.deadline = _Deadline()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: typing.Iterable[typing.Any] | None = None) -> httpcore.NetworkStream:
        addrs = vet_host(host, port, self.source or host, self._allow_private, self._policy)
        last: Exception | None = None
        for addr in addrs:
            wait, by_deadline = self.deadline.wait(timeout)
            try:
                stream = self._inner.connect_tcp(addr, port, timeout=wait, local_address=local_address,
                                                 socket_options=socket_options)
                return _DeadlineStream(stream, self.deadline)
            except httpcore.ConnectTimeout as e:
                if by_deadline:
                    raise _OverallTimeout() from None
                last = e
            except httpcore.ConnectError as e:
                last = e
        assert last is not None
        raise last

    def connect_unix_socket(self, *args: typing.Any, **kwargs: typing.Any) -> httpcore.NetworkStream:
        raise FetchError("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _VettingTransport(httpx.HTTPTransport):
    def __init__(self, backend: _VettingBackend):
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=10,
            max_keepalive_connections=5,
            network_backend=backend,
        )


def _bounded_body(resp: httpx.Response, max_bytes: int, source: str, deadline: _Deadline) -> typing.Iterator[bytes]:
    """The decoded body in chunks, decompressing gzip/deflate ourselves with a bound per step, so a
    small compressed body cannot expand to gigabytes in one call (a "zip bomb").  The deadline is
    checked after every raw chunk too, whether or not it decompressed to anything."""
    encoding = resp.headers.get("content-encoding", "").strip().lower()
    if encoding in {"", "identity"}:
        for raw in resp.iter_raw():
            deadline.check()
            yield raw
        return
    if encoding not in {"gzip", "x-gzip", "deflate"}:
        raise FetchError(f"unsupported content encoding '{encoding}'", source=source,
                         hint="the server ignored Accept-Encoding: gzip, deflate")
    d = zlib.decompressobj(47)  # gzip or zlib header, detected
    first = True
    for raw in resp.iter_raw():
        deadline.check()
        if first and encoding == "deflate" and raw[:1] and (raw[0] & 0x0F) != 8:
            d = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate without a zlib header
        first = False
        data = raw
        try:
            while data:
                out = d.decompress(data, max_bytes + 1)
                if out:
                    yield out
                data = d.unconsumed_tail
        except zlib.error as e:
            raise FetchError(f"the compressed body is corrupt: {e}", source=source) from e


@dataclass(frozen=True)
class Fetched:
    """A fetched body: the final URL (after redirects), status, content type, charset, bytes."""

    url: str
    status: int
    content_type: str
    charset: str | None
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    redirects: tuple[str, ...] = ()


def _failed_status(resp: httpx.Response, source: str, lenient: bool) -> Fetched | None:
    """An error or unexpected status: an error (or, ``lenient``, a ``Fetched`` with only the status)."""
    if resp.status_code >= 400:
        if lenient:
            return Fetched(str(resp.url), resp.status_code, "", None, b"")
        raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}", source=source,
                         hint="check the URL" if resp.status_code < 500 else "the server failed; try later")
    if resp.status_code < 200 or resp.status_code >= 300:
        if lenient:
            return Fetched(str(resp.url), resp.status_code, "", None, b"")
        raise FetchError(f"unexpected HTTP status {resp.status_code}", source=source)
    return None


class Fetcher:
    """One HTTP client for a batch: per-host politeness and robots.txt are remembered here.

    ``policy`` says why an address is refused (default ``blocked_reason``); tests on loopback pass
    a policy that treats one loopback address as "public" to exercise redirects to another.
    ``clock`` (``monotonic()`` and ``sleep(s)``, default the ``time`` module) paces the polite delay
    between two requests to one host: the watcher passes its own, which a test or benchmark fakes.
    """

    def __init__(self, settings: FetchSettings, policy: AddressPolicy = blocked_reason, clock: typing.Any = time):
        self.settings = settings
        self.policy = policy
        self.clock = clock
        self.user_agent = settings.user_agent.format(version=__version__)
        self._backend = _VettingBackend(settings.allow_private, policy)
        self._client = httpx.Client(
            transport=_VettingTransport(self._backend),
            follow_redirects=False,
            trust_env=False,
            timeout=httpx.Timeout(connect=settings.connect_timeout, read=settings.read_timeout,
                                  write=settings.read_timeout, pool=settings.connect_timeout),
            headers={"User-Agent": self.user_agent, "Accept-Encoding": "gzip, deflate"},
        )
        self._last: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser | None] = {}

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> typing.Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- checks ------------------------------------------------------------------------------

    def check_url(self, url: str, source: str) -> tuple[str, str, int]:
        """Scheme and host are fetchable, and the host resolves to vetted addresses only."""
        try:
            parts = urlsplit(url)
            port = parts.port or (443 if parts.scheme == "https" else 80)
            httpx.URL(url)  # what the client will parse: a tab, a control character, a URL too long
        except (ValueError, httpx.InvalidURL) as e:  # UnicodeError (a lone surrogate) is a ValueError
            raise FetchError(f"invalid URL: {e}", source=source, hint="check the URL") from e
        if parts.scheme not in {"http", "https"}:
            raise FetchError(f"cannot fetch a '{parts.scheme}:' URL", source=source, hint="only http and https URLs are fetched")
        if not parts.hostname:
            raise FetchError("the URL has no host", source=source, hint="check the URL")
        if parts.username or parts.password:
            raise FetchError("URLs with credentials are not fetched", source=source, hint="remove user:password@")
        vet_host(parts.hostname, port, source, self.settings.allow_private, self.policy)
        return parts.scheme, parts.hostname, port

    def _wait_turn(self, hostkey: str) -> None:
        delay = self.settings.per_host_delay
        last = self._last.get(hostkey)
        if last is not None and delay > 0:
            wait = last + delay - self.clock.monotonic()
            if wait > 0:
                self.clock.sleep(wait)
        self._last[hostkey] = self.clock.monotonic()

    def _allowed_by_robots(self, url: str, source: str) -> bool:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}"
        if key not in self._robots:
            parser: RobotFileParser | None = None
            try:
                got = self._get(urljoin(key, "/robots.txt"), source, None, ROBOTS_MAX_BYTES, robots=False, lenient=True)
                if 200 <= got.status < 300:
                    parser = RobotFileParser()
                    parser.parse(got.body.decode("utf-8", errors="replace").splitlines())
                elif got.status >= 500:
                    parser = RobotFileParser()
                    parser.disallow_all = True  # type: ignore[attr-defined]  # (typeshed lacks it) the site is down or refuses: do not crawl it now
            except (TooLargeError, FetchError) as e:
                if isinstance(e, BlockedAddressError):
                    raise
                parser = None  # no readable robots.txt: everything is allowed
            self._robots[key] = parser
        parser = self._robots[key]
        return parser is None or parser.can_fetch(self.user_agent, url)

    # -- fetching ----------------------------------------------------------------------------

    def get(self, url: str, accept: tuple[str, ...] | None = None, source: str | None = None,
            headers: dict[str, str] | None = None) -> Fetched:
        """GET ``url`` following at most ``max_redirects`` redirects, each hop checked.

        ``headers``: extra request headers.  With ``If-None-Match`` or ``If-Modified-Since`` among
        them (a conditional GET), a ``304 Not Modified`` answer is a ``Fetched`` with status 304
        and no body, not an error."""
        return self._get(url, source or url, accept, self.settings.max_bytes, robots=self.settings.respect_robots,
                         lenient=False, headers=headers)

    def post(self, url: str, body: bytes, headers: dict[str, str], timeout: float | None = None) -> int:
        """POST ``body`` to ``url`` (no redirects followed, the address vetted like a GET's) and return
        the status; the answer's body is read (at most 64 kB) and dropped.  A network failure or timeout
        is a ``FetchError``."""
        self.check_url(url, url)
        self._backend.source = url
        limit = timeout if timeout is not None else overall_limit(self.settings)
        self._backend.deadline.at = time.monotonic() + limit
        try:
            with self._client.stream("POST", url, content=body, headers=headers) as resp:
                read = 0
                for chunk in resp.iter_raw():
                    self._backend.deadline.check()
                    read += len(chunk)
                    if read > 65_536:
                        break
                return resp.status_code
        except _OverallTimeout:
            raise self._timed_out(url, url, limit) from None
        except httpx.TimeoutException as e:
            raise FetchError(f"timed out ({type(e).__name__})", source=url, hint="the receiver is slow; try later") from e
        except httpx.HTTPError as e:
            raise FetchError(f"{type(e).__name__}: {e}", source=url, hint="is the receiver up?") from e
        finally:
            self._backend.deadline.at = None

    def _get(self, url: str, source: str, accept: tuple[str, ...] | None, max_bytes: int, robots: bool,
             lenient: bool, headers: dict[str, str] | None = None) -> Fetched:
        """``lenient``: return an error status instead of raising (for robots.txt)."""
        conditional = bool(headers) and any(k.lower() in ("if-none-match", "if-modified-since") for k in headers or {})
        seen: list[str] = []
        current = url
        limit = overall_limit(self.settings)
        spent = 0.0  # on the network, over all hops (not the polite wait nor the robots.txt fetch)
        while True:
            _scheme, host, port = self.check_url(current, source)
            if robots and not self._allowed_by_robots(current, source):
                raise RobotsError(
                    f"robots.txt of {host} disallows {current}",
                    source=source,
                    hint="respect the site's wishes, or pass --no-robots if you have permission",
                )
            seen.append(current)
            self._wait_turn(f"{host}:{port}")
            self._backend.source = source
            started = time.monotonic()
            self._backend.deadline.at = started + limit - spent
            try:
                with self._client.stream("GET", current, headers=headers) as resp:
                    nxt = self._redirect(resp, current, seen, source)
                    if nxt is not None:
                        current = nxt
                        continue
                    if resp.status_code == 304 and conditional:
                        return Fetched(str(resp.url), 304, "", None, b"",
                                       headers={k.lower(): v for k, v in resp.headers.items()},
                                       redirects=tuple(seen[:-1]))
                    failed = _failed_status(resp, source, lenient)
                    if failed is not None:
                        return failed
                    return self._body(resp, accept, max_bytes, source, seen)
            except _OverallTimeout:
                raise self._timed_out(current, source, limit) from None
            except httpx.TimeoutException as e:
                raise FetchError(f"timed out ({type(e).__name__})", source=source, hint="the server is slow; try later") from e
            except httpx.DecodingError as e:
                raise FetchError(f"cannot decode the response body: {e}", source=source) from e
            except httpx.HTTPError as e:
                raise FetchError(f"{type(e).__name__}: {e}", source=source, hint="check the URL and the network") from e
            except httpx.InvalidURL as e:  # not an HTTPError: a Location httpx cannot resolve ('http:page')
                raise FetchError(f"invalid URL: {e}", source=source, hint="check the URL") from e
            finally:
                spent += time.monotonic() - started
                self._backend.deadline.at = None

    def _redirect(self, resp: httpx.Response, current: str, seen: list[str], source: str) -> str | None:
        """Where a redirect leads (``None`` for any other response); a loop or too many hops is an error."""
        if not (resp.status_code in _REDIRECTS and resp.headers.get("location")):
            return None
        nxt = urljoin(current, resp.headers["location"].strip())
        if nxt in seen:
            raise FetchError(
                f"redirect loop: {' -> '.join(seen + [nxt])}", source=source, hint="the site is misconfigured"
            )
        if len(seen) > self.settings.max_redirects:
            raise FetchError(
                f"more than {self.settings.max_redirects} redirects (last: {nxt})",
                source=source, hint="the site redirects too often",
            )
        return nxt

    def _body(self, resp: httpx.Response, accept: tuple[str, ...] | None, max_bytes: int, source: str,
              seen: list[str]) -> Fetched:
        """The response read: its content type checked, its body bounded by ``max_bytes``."""
        ctype = resp.headers.get("content-type", "")
        mime = ctype.split(";", 1)[0].strip().lower()
        if accept is not None and mime and mime not in accept:
            raise FetchError(
                f"unexpected content type '{mime}'",
                source=source,
                hint="dragoman reads HTML pages, RSS/Atom feeds and plain text",
            )
        length = resp.headers.get("content-length")
        if length and length.isdigit() and int(length) > max_bytes:
            raise TooLargeError(
                f"the body is {int(length) / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit",
                source=source, hint="raise fetch.max_bytes in the settings file",
            )
        body = bytearray()
        for chunk in _bounded_body(resp, max_bytes, source, self._backend.deadline):
            body += chunk
            if len(body) > max_bytes:
                raise TooLargeError(
                    f"the body is over the {max_bytes / 1e6:.1f} MB limit (stopped reading)",
                    source=source, hint="raise fetch.max_bytes in the settings file",
                )
        return Fetched(
            url=str(resp.url), status=resp.status_code, content_type=mime,
            charset=charset_from_content_type(ctype), body=bytes(body),
            headers={k.lower(): v for k, v in resp.headers.items()}, redirects=tuple(seen[:-1]),
        )

    def _timed_out(self, current: str, source: str, limit: float) -> FetchError:
        """The error of a fetch over the overall limit, naming the settings that make it."""
        what = "the fetch" if current == source else f"fetching {current}"  # a redirect hop, robots.txt
        return FetchError(
            f"timed out: {what} took longer than the overall limit of {limit:g} s "
            f"(fetch.connect_timeout {self.settings.connect_timeout:g} s + "
            f"4 × fetch.read_timeout {self.settings.read_timeout:g} s, "
            "for connection, redirects, headers, body and decompression together)",
            source=source,
            hint="the server is too slow or sends too slowly; try later, or raise fetch.read_timeout",
        )
