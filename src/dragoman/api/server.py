"""Running the app: uvicorn on a socket we bind ourselves, and the sidecar file that says who owns the store.

While ``dragoman serve`` runs it holds the DuckDB file (one writer); it announces itself in
``<db>.server.json`` (``{"pid", "url", "started"}``) so that a CLI ``ingest`` on the same file can
name the server to write through.  The sidecar is removed on shutdown (and only by its owner).

``ServerThread`` runs the same server in a background thread on a free loopback port: the tests,
the browser test and the load benchmark use it (a real HTTP server, not a test client).
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from dragoman.errors import ConfigError

if TYPE_CHECKING:
    import uvicorn

log = logging.getLogger("dragoman.api")


def sidecar_path(db: str | os.PathLike[str]) -> Path:
    """Where the server announces itself: ``<db>.server.json`` (``dragoman.store.sidecar_path``)."""
    from dragoman.store import sidecar_path as store_sidecar

    return store_sidecar(db)


@contextmanager
def announce(db: str | os.PathLike[str], url: str) -> Iterator[Path]:
    """Write ``<db>.server.json`` for the life of the block; remove it after, if it is still ours."""
    path = sidecar_path(db)
    info = {"pid": os.getpid(), "url": url, "started": datetime.now(UTC).isoformat(timespec="seconds"),
            "db": str(Path(db).resolve())}
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(info), encoding="utf-8")
    os.replace(tmp, path)
    try:
        yield path
    finally:
        try:
            if json.loads(path.read_text(encoding="utf-8")).get("pid") == os.getpid():
                path.unlink()
        except (OSError, ValueError):
            pass


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` (port 0: a free one), or a ConfigError saying why not."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto IPPROTO_TCP matters: asyncio sets TCP_NODELAY on accepted connections only when the
    # listening socket says it is TCP; without it every keep-alive response waits ~40 ms (delayed ACK)
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as e:
        sock.close()
        raise ConfigError(f"cannot listen on {host}:{port}: {e.strerror or e}", source="--host/--port",
                          hint="pick another --port (0 picks a free one) or stop the program using it") from e
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    if host in ("0.0.0.0", "::"):
        host = "127.0.0.1" if host == "0.0.0.0" else "::1"
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def _config(app: Any, log_level: str = "warning", access_log: bool = False) -> uvicorn.Config:
    import uvicorn

    return uvicorn.Config(app, log_level=log_level, access_log=access_log, lifespan="on", timeout_graceful_shutdown=5,
                          server_header=False, proxy_headers=False)


def _server(config: Any) -> uvicorn.Server:
    """A uvicorn Server that shuts down cleanly on SIGINT/SIGTERM and then returns (uvicorn re-raises
    the signal after shutting down, which would kill the process before the sidecar is removed)."""
    import signal

    import uvicorn

    class Server(uvicorn.Server):
        @contextmanager
        def capture_signals(self) -> Iterator[None]:
            if threading.current_thread() is not threading.main_thread():
                yield
                return
            previous = {sig: signal.signal(sig, self.handle_exit) for sig in (signal.SIGINT, signal.SIGTERM)}
            try:
                yield
            finally:
                for sig, handler in previous.items():
                    signal.signal(sig, handler)

    return Server(config)


def host_names(host: str, settings: Any = None, allow_hosts: Iterable[str] = ()) -> list[str]:
    """The Host names a server bound to ``host`` answers to besides loopback: the bind address (unless a
    wildcard such as 0.0.0.0), ``[api] allow_hosts`` and ``--allow-host``."""
    from dragoman.api.hosts import WILDCARD_BINDS

    names = [] if host in WILDCARD_BINDS else [host]
    if settings is not None:
        names += list(settings.api.allow_hosts)
    return names + list(allow_hosts)


def serve(db: str | os.PathLike[str], *, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
          max_body: int | None = None, settings: Any = None, log_level: str = "info",
          ready: Any = None, allow_hosts: Iterable[str] = (), watch: Any = None) -> None:
    """Run the API and the dashboard until interrupted (what ``dragoman serve`` does).

    ``ready``: called with the URL once the server listens (the CLI prints it).
    ``allow_hosts``: Host names to answer to besides loopback and ``host`` (``--allow-host``).
    ``watch``: ``(feeds, rules)`` to watch while serving (``--watch``).
    """
    from dragoman.api.app import create_app
    from dragoman.api.limits import Limits

    limits = Limits(max_body=max_body) if max_body else Limits()
    sock = bind(host, port)
    try:
        app = create_app(db, token=token, limits=limits, settings=settings,  # opens the store: fails if it is held
                         allow_hosts=host_names(host, settings, allow_hosts), watch=watch)
        url = url_of(sock)
        server = _server(_config(app, log_level=log_level, access_log=log_level in ("info", "debug")))
        with announce(db, url):
            if ready:
                ready(url)
            server.run(sockets=[sock])
    finally:
        sock.close()


class ServerThread:
    """The app served by uvicorn in a background thread on 127.0.0.1 and a free port.

        with ServerThread(create_app(db)) as srv:
            httpx.get(srv.url + "/api/events")
    """

    def __init__(self, app: Any, host: str = "127.0.0.1", port: int = 0, db: str | os.PathLike[str] | None = None):
        self.app = app
        self.sock = bind(host, port)
        self.url = url_of(self.sock)
        self.db = db
        self.server = _server(_config(app))
        self.thread = threading.Thread(target=self._run, name="dragoman-api", daemon=True)
        self._announce: AbstractContextManager[Path] | None = None
        self.error: BaseException | None = None

    def _run(self) -> None:
        try:
            self.server.run(sockets=[self.sock])
        except BaseException as e:  # noqa: BLE001 - reported by start()
            self.error = e

    def start(self, timeout: float = 30.0) -> Self:
        if self.db is not None:
            self._announce = announce(self.db, self.url)
            self._announce.__enter__()
        self.thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if self.error is not None or not self.thread.is_alive():
                raise RuntimeError(f"the server did not start: {self.error!r}")
            if time.monotonic() > deadline:
                raise RuntimeError("the server did not start in time")
            time.sleep(0.02)
        return self

    def stop(self, timeout: float = 15.0) -> None:
        self.server.should_exit = True
        self.thread.join(timeout)
        self.sock.close()
        if self._announce is not None:
            self._announce.__exit__(None, None, None)
            self._announce = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
