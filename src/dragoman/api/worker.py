"""The extract worker: ``POST /api/extract`` codes in a process of its own, one article at a time, with a time limit.

``POST /api/extract`` needs no token, so anyone who can reach the server may send it a text as large
as ``[api] extract_max_bytes`` allows.  Its parse must not hold the lock ``POST /api/ingest`` codes
under, nor a thread of the server's pool, nor run on past ``[api] extract_timeout``.  So extraction
has its own pipeline in a child process (``main`` below, run by the same Python), started on the first
extract and fed one JSON line per article on its stdin; it answers one JSON line on its stdout:

    parent → child   {settings}                     once, first
    child  → parent  {"ready": true}                once the pipeline is loaded (or {"error": …} and exit)
    parent → child   {"record": {text, title, …}}   one article
    child  → parent  {"record": {…coded…}} | {"error": {code, message, source, hint}}

A request waits at most ``extract_timeout`` seconds for its turn (else 503 ``busy``) and at most as
long again for its answer: past that the child is killed, so the work really stops, the request gets
503 ``timeout``, and the next extract starts a new child.  The first extract also waits for the child
to load the spaCy model (``extract_load_timeout``), which does not count against the time limit.
The server's event loop never blocks: the child is an asyncio subprocess, and waiting requests hold
no thread.  The child ends when its stdin closes (the server stopped, or died).
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any, cast

from dragoman.api.errors import ApiError
from dragoman.errors import DragomanError, ModelError
from dragoman.settings import Settings

log = logging.getLogger("dragoman.api")

#: longest answer line read from the child (a coded record of a 100 kB text is well under 10 MB)
MAX_LINE = 64_000_000


class ExtractWorker:
    """The parent's side: starts the child on first use, sends it one article at a time, kills it at the limit."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.timeout = float(settings.api.extract_timeout)
        self.load_timeout = float(settings.api.extract_load_timeout)
        self._proc: asyncio.subprocess.Process | None = None
        self._lock: asyncio.Lock | None = None
        self.busy = False  # an article is in the child now

    @property
    def pid(self) -> int | None:
        """The child's process id while it runs, else None."""
        return self._proc.pid if self._proc is not None and self._proc.returncode is None else None

    async def extract(self, rec: dict[str, Any]) -> dict[str, Any]:
        """The coded record of one article (a request body); a DragomanError/ApiError when it cannot be coded."""
        if self._lock is None:
            self._lock = asyncio.Lock()
        try:
            await asyncio.wait_for(self._lock.acquire(), self.timeout)
        except TimeoutError:
            raise ApiError(503, "busy", f"the extract worker is still coding earlier articles after {self.timeout:g} s",
                           hint="try again later, or store articles with POST /api/ingest",
                           headers={"Retry-After": str(max(1, round(self.timeout)))}) from None
        try:
            proc = await self._started()
            reply = await self._ask(proc, {"record": rec})
        finally:
            self._lock.release()
        if "error" in reply:
            e = reply["error"]
            err = DragomanError(str(e.get("message") or "the article could not be coded"), source=e.get("source"),
                                hint=e.get("hint"))
            err.code = str(e.get("code") or "error")
            raise err
        return cast(dict[str, Any], reply["record"])

    async def _started(self) -> asyncio.subprocess.Process:
        if self._proc is not None and self._proc.returncode is None:
            return self._proc
        env = dict(os.environ)
        root = str(Path(__file__).resolve().parents[2])  # the directory holding the dragoman package
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-c", "from dragoman.api.worker import main; main()", stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            env=env, limit=MAX_LINE)
        self._proc = proc
        assert proc.stdin is not None and proc.stdout is not None
        try:
            proc.stdin.write(json.dumps(dataclasses.asdict(self.settings), default=str).encode() + b"\n")
            await proc.stdin.drain()
            line = await asyncio.wait_for(proc.stdout.readline(), self.load_timeout)
            reply = _decode(line) if line else {}
        except TimeoutError:
            await self._kill()
            raise ModelError(f"the extract worker did not load the spaCy model within {self.load_timeout:g} s",
                             hint="raise [api] extract_load_timeout, or check the machine's memory") from None
        except BaseException:
            await self._kill()
            raise
        if not reply.get("ready"):
            await self._kill()
            e = reply.get("error") or {}
            raise ModelError(str(e.get("message") or "the extract worker stopped while loading the spaCy model"),
                             hint=e.get("hint") or "the server log has the details")
        log.info("extract worker %d ready", proc.pid)
        return proc

    async def _ask(self, proc: asyncio.subprocess.Process, message: dict[str, Any]) -> dict[str, Any]:
        assert proc.stdin is not None and proc.stdout is not None
        self.busy = True
        try:
            proc.stdin.write(json.dumps(message).encode() + b"\n")
            await proc.stdin.drain()
            line = await asyncio.wait_for(proc.stdout.readline(), self.timeout)
        except TimeoutError:
            await self._kill()
            raise ApiError(503, "timeout", f"coding this article took longer than POST /api/extract's limit of "
                                           f"{self.timeout:g} s ([api] extract_timeout); it was stopped",
                           hint="send a shorter text, or code long articles with `dragoman extract` or POST /api/ingest") \
                from None
        except (ValueError, asyncio.LimitOverrunError):  # an answer line over MAX_LINE
            await self._kill()
            raise ApiError(413, "too_large", "the coded record is too large to return",
                           hint="send a shorter text") from None
        except OSError:  # the child is gone (killed while idle): the pipe broke
            line = b""
        except BaseException:  # cancelled: the child's state is unknown
            await self._kill()
            raise
        finally:
            self.busy = False
        if not line:
            code = await self._kill()
            raise ApiError(503, "worker", f"the extract worker stopped while coding this article (exit status {code})",
                           hint="a new worker starts with the next request; the server log has the details")
        try:
            return _decode(line)
        except ApiError:
            await self._kill()
            raise

    async def _kill(self) -> int | None:
        proc, self._proc = self._proc, None
        if proc is None:
            return None
        if proc.returncode is None:
            try:
                proc.kill()
            except ProcessLookupError:
                pass
        return await proc.wait()

    async def close(self) -> None:
        """Stop the child: close its stdin (it exits), kill it if it does not."""
        proc, self._proc = self._proc, None
        if proc is None or proc.returncode is not None:
            return
        try:
            if proc.stdin is not None:
                proc.stdin.close()
            await asyncio.wait_for(proc.wait(), 5)
        except (TimeoutError, OSError):
            try:
                proc.kill()
            except ProcessLookupError:
                pass
            await proc.wait()


def _decode(line: bytes) -> dict[str, Any]:
    try:
        reply = json.loads(line)
    except ValueError:
        reply = None
    if not isinstance(reply, dict):
        raise ApiError(503, "worker", "the extract worker answered something that is not its protocol",
                       hint="the server log has the details")
    return reply


# -- the child ------------------------------------------------------------------------------------


def _error(e: BaseException) -> dict[str, Any]:
    if isinstance(e, DragomanError):
        return {"code": e.code, "message": e.message, "source": e.source, "hint": e.hint}
    return {"code": "stage", "message": f"{type(e).__name__}: {e}", "source": "request",
            "hint": "this is a bug in dragoman; please report it with the input"}


def main() -> None:
    """The child: settings on the first line of stdin, then one article per line; answers on stdout."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C on `dragoman serve` stops the server, which stops us
    out = os.fdopen(os.dup(1), "wb")  # the protocol's own descriptor: a library printing to stdout cannot break it
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    inp = sys.stdin.buffer

    def say(obj: dict[str, Any]) -> None:
        out.write(json.dumps(obj).encode() + b"\n")
        out.flush()

    try:
        from dragoman.api.extraction import record_article
        from dragoman.pipeline import Pipeline
        from dragoman.settings import _merge

        settings = _merge(Settings(), json.loads(inp.readline()), "the server")
        pipeline = Pipeline(settings)
    except Exception as e:  # noqa: BLE001 - told to the server, which answers 503
        say({"error": _error(e)})
        return
    say({"ready": True})
    for line in inp:
        try:
            rec = json.loads(line)["record"]
            say({"record": pipeline(record_article(rec, "request", settings)).to_dict()})
        except Exception as e:  # noqa: BLE001 - one article's failure, answered as its error
            say({"error": _error(e)})


if __name__ == "__main__":
    main()
