"""Issue 17, attacked again after the fixes: the attacks of the issue's table and others like them.

Each test reproduces one problem found in the second attack (servers on 127.0.0.1, files in
tmp_path, memory bounds in a subprocess under ``resource.setrlimit``).  Those fixed on the
attack branch pass; those left open are ``xfail(strict=True)`` with the problem named.
"""

from __future__ import annotations

import dataclasses
import json
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner
from test_store_data import PEOPLE, report

from dragoman.cli import main
from dragoman.errors import FetchError, StoreError
from dragoman.ingest import read_inputs
from dragoman.ingest.fetch import Fetcher
from dragoman.model import Failure
from dragoman.settings import FetchSettings, Settings
from dragoman.store import Store

A, B = PEOPLE[3], PEOPLE[4]
SRC = str(Path(__file__).resolve().parent.parent / "src")
ENV = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}


# -- a coded record's url: javascript: was refused in raw records only ------------------------

@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
                                 "file:///etc/passwd", " javascript:alert(1)", "java\tscript:alert(1)"])
def test_a_coded_record_with_a_non_http_url_is_a_failure(tmp_path, url):
    """Row 12 again, through coded JSONL: `ingest` of a record written by `extract --jsonl` with its
    `url` changed to `javascript:…` stored it, and the dashboard made it the article's source link."""
    good = report("g1", A, B, "CONSULT", "2024-02-01", "Doha", url="https://alpha.example/g1", filler_seed=1)
    bad = report("b1", B, A, "ACCUSE", "2024-02-03", "Oslo", url="https://beta.example/b1", filler_seed=2).to_dict()
    bad["url"] = url
    path = tmp_path / "coded.jsonl"
    path.write_text(json.dumps(good.to_dict()) + "\n" + json.dumps(bad) + "\n")
    assert "dragoman_version" in bad and "events" in bad  # read as coded records, not raw ones
    db = tmp_path / "s.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(path), "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 1
    con = duckdb.connect(str(db), read_only=True)
    try:
        urls = [r[0] for r in con.execute("SELECT url FROM articles").fetchall()]
        fails = con.execute("SELECT source, message FROM failures").fetchall()
    finally:
        con.close()
    assert urls == ["https://alpha.example/g1"]
    assert len(fails) == 1 and "field 'url' must be an http:// or https:// address" in fails[0][1]


# -- a redirect to a URL httpx cannot parse: a traceback that ended the whole batch ------------

def _redirector(location: bytes) -> tuple[socket.socket, threading.Event]:
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)
    srv.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(5)
                data = b""
                while b"\r\n\r\n" not in data:
                    got = conn.recv(4096)
                    if not got:
                        break
                    data += got
                if b" /robots.txt " in data.split(b"\r\n", 1)[0]:
                    conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                else:
                    conn.sendall(b"HTTP/1.1 302 Found\r\nLocation: " + location
                                 + b"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        srv.close()

    threading.Thread(target=serve, daemon=True).start()
    return srv, stop


@pytest.mark.parametrize("location", [b"http:next/page", b"https:127.0.0.1:9/x", b"/next\tpage",
                                      b"/" + b"a" * 70_000])
def test_a_redirect_to_an_unparsable_url_is_one_fetch_failure(location):
    """`extract URL other.txt` died with `httpx.InvalidURL` (a traceback, the other inputs lost)
    when a page redirected to `Location: http:next/page` (a scheme and no host: httpx's own redirect
    URL raises InvalidURL, which is not an httpx.HTTPError).  A tab or 70,000 bytes were already caught."""
    srv, stop = _redirector(location)
    try:
        url = f"http://127.0.0.1:{srv.getsockname()[1]}/start"
        fs = FetchSettings(allow_private=True, per_host_delay=0.0, connect_timeout=2.0, read_timeout=2.0)
        with Fetcher(fs) as f, pytest.raises(FetchError, match="(?i)invalid URL"):
            f.get(url)
        items = list(read_inputs([url], Settings(fetch=fs)))
        assert len(items) == 1 and isinstance(items[0], Failure) and items[0].code == "fetch"
    finally:
        stop.set()


def test_a_url_with_a_tab_given_directly_is_one_fetch_failure():
    fs = FetchSettings(allow_private=True, per_host_delay=0.0, connect_timeout=1.0, read_timeout=1.0)
    with Fetcher(fs) as f, pytest.raises(FetchError, match="invalid URL"):
        f.get("http://127.0.0.1:9/a\tb")


# -- a store path that is a FIFO: every command hung for ever ----------------------------------

def test_a_store_that_is_a_fifo_is_refused(tmp_path):
    """`dragoman events/ingest/failures --db fifo` waited for ever (DuckDB opens the FIFO and
    waits for a writer).  Run in a subprocess so that a hang fails the test instead of hanging it."""
    fifo = tmp_path / "s.duckdb"
    os.mkfifo(fifo)
    code = ("import sys\nfrom dragoman.store import Store\nfrom dragoman.errors import StoreError\n"
            "try:\n    Store.open(sys.argv[1])\nexcept StoreError as e:\n    print(e.message)\n")
    try:
        out = subprocess.run([sys.executable, "-c", code, str(fifo)], env=ENV, check=False, capture_output=True, text=True,
                             timeout=120)
    except subprocess.TimeoutExpired:
        pytest.fail("Store.open on a FIFO did not return")
    assert "a FIFO (named pipe), not a regular file" in out.stdout, out.stderr
    with pytest.raises(StoreError, match="a folder, not a regular file"):
        Store.open(tmp_path)


# -- event ids from coded records are trusted: two articles can share one -----------------------

def test_an_event_id_of_another_article_is_not_stored_twice(tmp_path):
    one = report("x1", A, B, "CONSULT", "2024-02-01", "Doha", url="https://alpha.example/x1", filler_seed=1)
    two = report("x2", B, A, "ASSAULT", "2024-03-09", "Lima", url="https://beta.example/x2", filler_seed=2)
    one = dataclasses.replace(one, events=tuple(dataclasses.replace(e, id="ev-0000000000000001") for e in one.events))
    two = dataclasses.replace(two, events=tuple(dataclasses.replace(e, id="ev-0000000000000001") for e in two.events))
    db = tmp_path / "s.duckdb"
    with Store.open(db) as s:
        s.ingest([one])
        counts = s.ingest([two])
        assert counts["failures"] == 1 and counts["articles"] == 0, counts
        assert "is already article" in s.failures(10)[0]["message"]
    con = duckdb.connect(str(db), read_only=True)
    try:
        dupes = con.execute("SELECT id, count(*) FROM events GROUP BY id HAVING count(*) > 1").fetchall()
    finally:
        con.close()
    assert dupes == []


# -- a 1 MB text: far under max_input_bytes (50 MB), it exhausts memory in the NLP stage ----------

LIMITED = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1536 << 20, 1536 << 20))
from dragoman.cli import main
sys.argv = ["dragoman", "extract", "--jsonl", sys.argv[1]]
main()
"""


def test_a_one_megabyte_text_is_refused_before_it_exhausts_memory(tmp_path):
    sentence = "Pakistani troops attacked a village near Kabul on Monday, officials said. "
    path = tmp_path / "big.txt"
    path.write_text(sentence * (990_000 // len(sentence)))
    out = subprocess.run([sys.executable, "-c", LIMITED, str(path)], env=ENV, check=False, capture_output=True, text=True,
                         timeout=900, cwd=tmp_path)
    assert "MemoryError" not in out.stderr
    assert "over the" in out.stderr and "limit" in out.stderr, out.stderr[-500:]


# -- a file name with a newline: one failure printed as two lines, the second one forged ----------

def test_a_file_name_with_a_newline_prints_one_failure_line(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "good.txt").write_text("NATO criticised Russia on Monday.\n")
    (folder / "c\nerror: good.txt: forged failure").write_text("")
    result = CliRunner().invoke(main, ["extract", "--jsonl", str(folder)], catch_exceptions=False)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, errors
    assert not any(line.startswith("error: good.txt") for line in result.stderr.splitlines())
