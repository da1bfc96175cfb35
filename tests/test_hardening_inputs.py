"""Issue 17, the input readers: every reader bounded, folders walked as a user expects, one failure
per bad JSONL line (named by its number), raw records checked at the door.

Memory bounds are asserted by running the case in a subprocess whose address space is limited
with ``resource.setrlimit(RLIMIT_AS)`` to 600 MB, the issue's bound, interpreter included (with
dragoman's readers imported it takes 50 to 95 MB of it, measured: docs/inputs.md), and checking
that it ends with the documented error; a reader that holds the input ends in ``MemoryError``
instead (all but one of these tests did, before the fix: warcio swallowed the MemoryError of the
chunked gzip bomb and called the page binary).
"""

from __future__ import annotations

import atexit
import gzip
import importlib.util
import io
import json
import os
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
import zlib
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dragoman.api.extraction import body_items
from dragoman.ingest import read_inputs
from dragoman.ingest.files import iter_jsonl, read_jsonl
from dragoman.model import Article, Failure
from dragoman.settings import Settings

_spec = importlib.util.spec_from_file_location("bench_warc", ROOT / "bench" / "warc.py")
bench_warc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_warc)

LIMIT = 600 << 20  # bytes of address space for the subprocess: the 600 MB bound
SETTINGS = Settings()
GOOD = ("GENEVA - The foreign ministers of Iran and Oman met in Geneva on Monday to discuss shipping "
        "in the Strait of Hormuz, the Omani foreign ministry said in a statement.\n")
DRAGOMAN = [sys.executable, "-m", "dragoman.cli.run"]

_LIMITED = textwrap.dedent(f"""
    import json, resource, sys
    resource.setrlimit(resource.RLIMIT_AS, ({LIMIT}, {LIMIT}))
    from dragoman.ingest import read_inputs
    from dragoman.model import Failure
    from dragoman.settings import Settings

    settings = Settings.load(**json.loads(sys.argv[1]))
    for item in read_inputs(sys.argv[2:], settings):
        if isinstance(item, Failure):
            print(json.dumps({{"failure": item.source, "code": item.code, "message": item.message}}), flush=True)
        else:
            print(json.dumps({{"article": item.meta.get("source"), "text": item.text[:80]}}), flush=True)
    peak = [line.split()[1] for line in open("/proc/self/status") if line.startswith("VmPeak")]
    print(json.dumps({{"peak_kb": int(peak[0])}}))
""")


def limited(*inputs: str | Path, timeout: float = 300, **setting: object) -> tuple[list[dict], list[dict], int]:
    """read_inputs(inputs) in a subprocess limited to 600 MB: (articles, failures, peak kB)."""
    r = subprocess.run([sys.executable, "-c", _LIMITED, json.dumps(setting), *map(str, inputs)],
                       check=False, capture_output=True, timeout=timeout, cwd=ROOT)
    assert r.returncode == 0, r.stderr.decode()[-3000:]
    rows = [json.loads(line) for line in r.stdout.decode().splitlines()]
    peak = rows.pop()["peak_kb"]
    for row in rows:  # a reader that ran out of memory would say so here
        assert "MemoryError" not in row.get("message", ""), row
    return [r for r in rows if "article" in r], [r for r in rows if "failure" in r], peak


def gz_stream(path: Path, head: bytes, unit: bytes, megabytes: int, tail: bytes = b"") -> Path:
    """A gzip member that expands ``head + unit * …`` to about ``megabytes`` MB, written in steps."""
    c = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = unit * ((1 << 20) // len(unit))
    with open(path, "ab") as fh:
        fh.write(c.compress(head))
        fh.writelines(c.compress(block) for _ in range(megabytes))
        fh.write(c.compress(tail) + c.flush())
    return path


# -- row 1: WARC record headers ----------------------------------------------------------------


def test_warc_endless_header_line_ends_with_a_named_error_in_bounded_memory(tmp_path):
    """A 0.2 MB gzipped WARC whose record header is one 200 MB line: one failure naming the file and the limit.

    (Held whole, as warcio's ``readline`` holds it, the line took about 3.3 times its size in memory.)"""
    path = gz_stream(tmp_path / "line.warc.gz", b"WARC/1.0\r\nWARC-Type: response\r\nX-Long: ", b"A", 200)
    articles, failures, _peak = limited(path)
    assert articles == []
    assert len(failures) == 1, failures
    f = failures[0]
    assert f["failure"] == str(path) and f["code"] == "too_large"
    assert "header line" in f["message"] and "65,536" in f["message"] and "max_warc_header_line" in f["message"]
    assert "no HTML pages" not in f["message"]


def test_warc_endless_header_block_ends_with_a_named_error_in_bounded_memory(tmp_path):
    path = gz_stream(tmp_path / "block.warc.gz", b"WARC/1.0\r\nWARC-Type: response\r\n", b"X-A: b\r\n", 200)
    articles, failures, _ = limited(path)
    assert articles == [] and len(failures) == 1, failures
    assert failures[0]["failure"] == str(path) and failures[0]["code"] == "too_large"
    assert "header" in failures[0]["message"] and "max_warc_header_bytes" in failures[0]["message"]


def test_warc_endless_http_header_fails_alone_and_the_pages_around_it_are_read(tmp_path):
    """The bad member sits between two good ones: both pages read, one failure for the bad record."""
    good1 = bench_warc.write_warc(tmp_path / "g1.warc.gz", 1).read_bytes()
    good2 = bench_warc.write_warc(tmp_path / "g2.warc.gz", 1).read_bytes()
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://news.example.org/x\r\n"
            b"Content-Type: application/http; msgtype=response\r\nContent-Length: 900000000\r\n\r\n"
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Long: ")
    path = tmp_path / "mixed.warc.gz"
    path.write_bytes(good1)
    gz_stream(path, head, b"B", 200)
    with open(path, "ab") as fh:
        fh.write(good2)
    articles, failures, _ = limited(path)
    assert [a["article"] for a in articles] == ["http://news.example.org/2021/world/story-0.html"] * 2
    assert len(failures) == 1 and failures[0]["failure"] == str(path), failures
    assert failures[0]["code"] == "too_large" and "header line" in failures[0]["message"]


def test_warc_chunked_page_with_a_huge_chunk_is_refused_in_bounded_memory(tmp_path):
    """A response kept in chunked transfer encoding announces one 320 MB chunk: refused as too large."""
    http_head = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
                 b"14000000\r\n<html><body><p>")
    length = len(http_head) + 0x14000000 + 7
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://news.example.org/big\r\n"
            b"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % length) + http_head
    path = gz_stream(tmp_path / "chunk.warc.gz", head, b"A", 320, tail=b"\r\n0\r\n\r\n\r\n\r\n")
    articles, failures, _ = limited(path)
    assert articles == [] and len(failures) == 1, failures
    assert failures[0]["failure"] == "http://news.example.org/big" and failures[0]["code"] == "too_large"
    assert "10.0 MB limit" in failures[0]["message"]


def test_warc_chunked_gzip_bomb_is_refused_in_bounded_memory(tmp_path):
    """A chunked, gzip-encoded page whose one 0.6 MB chunk expands to 600 MB: refused at the page limit."""
    c = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    bomb = c.compress(b"<html><body><p>") + b"".join(c.compress(b"A" * (1 << 20)) for _ in range(600)) + c.flush()
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"
            + b"%x\r\n" % len(bomb) + bomb + b"\r\n0\r\n\r\n")
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://news.example.org/bomb\r\n"
            b"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % len(http))
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(gzip.compress(head + http + b"\r\n\r\n"))
    articles, failures, _ = limited(path)
    assert articles == [] and len(failures) == 1, failures
    assert failures[0]["failure"] == "http://news.example.org/bomb" and failures[0]["code"] == "too_large"
    assert "10.0 MB limit" in failures[0]["message"]


# -- rows 2 and 8: folders --------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path) -> dict[str, Path]:
    """A folder with good files and every kind of entry a walk must not read."""
    root = tmp_path / "news"
    (root / "sub").mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("The password of the newsroom server is swordfish.\n", encoding="utf-8")
    (outside / "more.txt").write_text("Kenyan police arrested twelve protesters in Nairobi on Friday.\n", encoding="utf-8")
    (root / "a.txt").write_text(GOOD, encoding="utf-8")
    (root / "sub" / "b.txt").write_text("Protesters marched in Lagos on Sunday.\n", encoding="utf-8")
    os.symlink(root / "a.txt", root / "inside-link.txt")  # stays inside: read
    os.symlink(root / "sub", root / "inside-dir")  # a folder inside: walked once, as sub/
    os.symlink(root, root / "sub" / "loop")  # a loop: never walked again
    os.symlink("/dev/zero", root / "zero.txt")
    os.symlink(outside / "secret.txt", root / "secret.txt")
    os.symlink(outside, root / "elsewhere")
    os.symlink(root / "missing.txt", root / "broken.txt")
    os.mkfifo(root / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(root / "control.sock"))
    yield {"root": root, "outside": outside}
    sock.close()


def test_walk_reads_regular_files_and_names_what_it_skips(folder):
    root = folder["root"]
    articles, failures, _ = limited(root, timeout=120)  # the FIFO must not hang: timeout is only a guard
    assert sorted(a["article"] for a in articles) == sorted(str(root / n) for n in ("a.txt", "inside-link.txt", "sub/b.txt"))
    skipped = {Path(f["failure"]).name: f for f in failures}
    assert set(skipped) == {"zero.txt", "secret.txt", "elsewhere", "broken.txt", "pipe.txt", "control.sock"}, failures
    assert all(f["code"] == "skipped" for f in failures)
    assert "outside" in skipped["secret.txt"]["message"] and "--follow-symlinks" in skipped["secret.txt"]["message"]
    assert "outside" in skipped["elsewhere"]["message"]
    assert "a symbolic link to /dev/zero, outside the folder" in skipped["zero.txt"]["message"]
    assert "FIFO" in skipped["pipe.txt"]["message"] and "socket" in skipped["control.sock"]["message"]
    assert "swordfish" not in json.dumps(articles)


def test_walk_follows_links_elsewhere_only_when_asked(folder):
    root = folder["root"]
    articles, failures, _ = limited(root, timeout=120, follow_symlinks=True)
    names = sorted(a["article"] for a in articles)
    assert str(root / "secret.txt") in names and str(root / "elsewhere" / "more.txt") in names
    skipped = {Path(f["failure"]).name: f["message"] for f in failures}
    assert set(skipped) == {"zero.txt", "broken.txt", "pipe.txt", "control.sock"}, failures
    assert "device" in skipped["zero.txt"]


def test_extract_cli_codes_the_folder_and_names_what_it_skipped(folder):
    root = folder["root"]
    r = subprocess.run(DRAGOMAN + ["extract", "--jsonl", str(root)], check=False, capture_output=True, timeout=300, cwd=ROOT)
    err = r.stderr.decode()
    assert r.returncode == 1, err
    recs = {rec["meta"]["source"]: rec for rec in map(json.loads, r.stdout.decode().splitlines())}
    assert sorted(recs) == sorted(str(root / n) for n in ("a.txt", "inside-link.txt", "sub/b.txt"))
    assert [e["type"] for e in recs[str(root / "a.txt")]["events"]] == ["CONSULT"]  # coded, not only read
    for name in ("zero.txt", "secret.txt", "pipe.txt", "control.sock", "elsewhere", "broken.txt"):
        assert f"error: {root / name}: skipped: " in err, (name, err)
    assert "3 articles coded, 6 failed" in err
    r = subprocess.run(DRAGOMAN + ["extract", "--jsonl", "--follow-symlinks", str(root / "secret.txt"), str(root)],
                       check=False, capture_output=True, timeout=300, cwd=ROOT)
    assert "swordfish" in r.stdout.decode() and "7 articles coded, 4 failed" in r.stderr.decode(), r.stderr.decode()


def test_ingest_stores_what_it_skipped_and_a_retry_does_not_read_it(folder, tmp_path):
    from click.testing import CliRunner

    from dragoman.cli import main
    from dragoman.store import Store

    root, db = folder["root"], str(tmp_path / "s.duckdb")
    for name in ("zero.txt", "pipe.txt", "control.sock", "broken.txt", "elsewhere"):
        (root / name).unlink()  # leave the good files and the link to the secret
    first = CliRunner().invoke(main, ["ingest", str(root), "--db", db])
    assert first.exit_code == 1 and "2 articles stored (0 replaced, 1 already there" in first.output, first.output
    retry = CliRunner().invoke(main, ["ingest", "--retry-failures", "--db", db])
    assert "no failures to retry" in retry.output, retry.output
    with Store.open(db, read_only=True) as store:
        texts = " ".join(r[0] for r in store.con.execute("SELECT text FROM articles").fetchall())
        fails = store.failures()
    assert "swordfish" not in texts and "Geneva" in texts
    assert [(f["source"], f["code"]) for f in fails] == [(str(root / "secret.txt"), "skipped")]


def _remove_deep(top: Path) -> None:
    """Remove a chain of nested ``d`` folders without recursion (``shutil.rmtree`` recurses, and
    pytest's clean-up of its temporary folders would end in RecursionError on such a tree)."""
    chain = [top]
    while (chain[-1] / "d").is_dir():
        chain.append(chain[-1] / "d")
    for folder in reversed(chain):
        for entry in folder.iterdir():
            entry.unlink()
        folder.rmdir()


def test_a_very_deep_folder_and_file_names_that_are_not_utf8(tmp_path):
    """1,200 nested folders (a recursive walk ends in RecursionError); a name with a Latin-1 byte is stored."""
    from dragoman.store import Store

    root = Path(tempfile.mkdtemp(prefix="dragoman-deep-"))  # outside pytest's folders: see _remove_deep
    try:
        (root / "top.txt").write_text("Protesters marched in Lagos on Sunday.\n", encoding="utf-8")
        (root / os.fsdecode(b"caf\xe9.txt")).write_text("Police arrested twelve people in Nairobi.\n", encoding="utf-8")
        d = root
        for _ in range(1200):
            d = d / "d"
            d.mkdir()
        (d / "bottom.txt").write_text(GOOD, encoding="utf-8")
        out = list(read_inputs([str(root)], SETTINGS))
    finally:
        _remove_deep(root)
    assert all(isinstance(x, Article) for x in out), out
    sources = [a.meta["source"] for a in out]
    assert sources[:2] == [f"{root}/caf\\xe9.txt", f"{root}/top.txt"] and sources[2].endswith("/d/d/bottom.txt")
    with Store.open(str(tmp_path / "s.duckdb")) as store:  # storable: no lone surrogate left in a name
        assert store.ingest(out)["articles"] == 3


def test_a_link_to_dev_zero_given_directly_ends_with_the_size_error(tmp_path):
    for name in ("zero.txt", "zero.jsonl", "zero.html", "zero.warc.gz", "zero"):
        os.symlink("/dev/zero", tmp_path / name)
    names = ["zero.txt", "zero.jsonl", "zero.html", "zero.warc.gz", "zero"]
    articles, failures, _ = limited(*(tmp_path / n for n in names))
    assert articles == []
    assert [f["failure"] for f in failures] == [str(tmp_path / n) for n in names]
    assert all(f["code"] == "too_large" and "over the 50 MB limit" in f["message"] for f in failures), failures


def test_a_fifo_given_directly_never_hangs(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    articles, failures, _ = limited(fifo, tmp_path / "good.txt", timeout=120)
    assert [a["article"] for a in articles] == [str(tmp_path / "good.txt")]
    assert [f["failure"] for f in failures] == [str(fifo)] and failures[0]["code"] == "empty"


def test_a_pipe_given_directly_is_read(tmp_path):
    """Process substitution (``dragoman extract <(zcat x.jsonl.gz)``) still works: a pipe with a writer is read."""
    script = tmp_path / "read.py"
    script.write_text("import sys\nfrom dragoman.ingest import read_inputs\n"
                      "for x in read_inputs(sys.argv[1:]):\n    print(getattr(x, 'text', x))\n", encoding="utf-8")
    lines = " ".join(shlex.quote(json.dumps({"text": t})) for t in ("One.", "Two."))
    r = subprocess.run(["bash", "-c", f"{shlex.quote(sys.executable)} {script} <(printf '%s\\n' {lines})"],
                       check=False, capture_output=True, timeout=120, cwd=ROOT)
    assert r.returncode == 0, r.stderr.decode()
    assert r.stdout.decode().split() == ["One.", "Two."], r.stdout.decode()


# -- row 9: JSONL, line by line ------------------------------------------------------------------


def test_one_invalid_byte_loses_only_its_line(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": f"a{i}", "text": f"Story number {i} about the talks in Geneva."}).encode() for i in range(1, 301)]
    lines[150] = lines[150].replace(b"Geneva", b"Gen\xffva")
    path.write_bytes(b"\n".join(lines) + b"\n")
    out = list(read_inputs([str(path)], SETTINGS))
    articles = [x for x in out if isinstance(x, Article)]
    failures = [x for x in out if isinstance(x, Failure)]
    assert len(articles) == 299 and [a.id for a in articles] == [f"a{i}" for i in range(1, 301) if i != 151]
    assert len(failures) == 1 and failures[0].source == f"{path}:151" and failures[0].code == "encoding"
    assert "0xff" in failures[0].message


def test_deep_nesting_is_one_failure_and_the_file_goes_on(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text("\n".join([json.dumps({"text": "Before."}), "[" * 100_000, '{"text": "x", "a": ' + "[" * 70 + "]" * 70 + "}",
                               json.dumps({"text": "After."})]) + "\n", encoding="utf-8")
    out = list(read_inputs([str(path)], SETTINGS))
    assert [x.text for x in out if isinstance(x, Article)] == ["Before.", "After."]
    failures = [x for x in out if isinstance(x, Failure)]
    assert [f.source for f in failures] == [f"{path}:2", f"{path}:3"] and all(f.code == "format" for f in failures)
    assert all("nested" in f.message for f in failures), failures
    assert "64" in failures[1].message


def test_a_huge_jsonl_line_is_one_named_failure_in_bounded_memory(tmp_path):
    """Line 2 is 640 MB long (a sparse file: no disk used): one failure, lines 1 and 3 read."""
    path = tmp_path / "huge.jsonl"
    with open(path, "wb") as fh:
        fh.write(json.dumps({"text": "Before."}).encode() + b'\n{"text": "')
        fh.seek(640 << 20)
        fh.write(b'"}\n' + json.dumps({"text": "After."}).encode() + b"\n")
    articles, failures, _ = limited(path)
    assert [a["article"] for a in articles] == [f"{path}:1", f"{path}:3"]
    assert len(failures) == 1 and failures[0]["failure"] == f"{path}:2" and failures[0]["code"] == "too_large"
    assert "20,000,000" in failures[0]["message"] and "max_jsonl_line_bytes" in failures[0]["message"]


def test_jsonl_from_stdin_and_in_a_text_file_are_line_checked_too(tmp_path):
    text = "\n".join([json.dumps({"text": "One."}), "[" * 5000, json.dumps({"text": "Two.", "title": 1})]) + "\n"
    out = list(iter_jsonl(io.StringIO(text), "stdin", SETTINGS))
    assert [type(x).__name__ for x in out] == ["Article", "Failure", "Failure"]
    assert out[1].source == "stdin:2" and "nested" in out[1].message
    assert out[2].source == "stdin:3" and "field 'title' must be a string" in out[2].message
    path = tmp_path / "records.txt"  # no JSONL extension: recognised by its content
    path.write_text(text, encoding="utf-8")
    out = list(read_inputs([str(path)], SETTINGS))
    assert [x.source if isinstance(x, Failure) else x.meta["source"] for x in out] == [f"{path}:{i}" for i in (1, 2, 3)]


# -- rows 3 and 12: raw records at the door -------------------------------------------------------


def test_lone_surrogates_are_replaced_with_a_warning(tmp_path):
    path = tmp_path / "s.jsonl"
    recs = [{"text": "The minister \ud800said on Monday.", "title": "Talks \udfff", "url": "https://news.example.org/s",
             "extra": {"k\ud800": ["v\udc00"]}}, {"text": "Clean."}]
    path.write_text("\n".join(json.dumps(r) for r in recs) + "\n", encoding="utf-8")  # json escapes them: \\ud800
    out = list(read_inputs([str(path)], SETTINGS))
    assert all(isinstance(x, Article) for x in out), out
    art = out[0]
    assert art.text == "The minister \ufffdsaid on Monday." and art.title == "Talks \ufffd"  # same length: offsets hold
    assert art.meta["input"] == {"extra": {"k\ufffd": ["v\ufffd"]}}
    assert any("lone surrogate" in w for w in art.meta["warnings"])
    json.dumps(art.to_dict(), ensure_ascii=False).encode("utf-8")  # storable
    assert "warnings" not in out[1].meta


@pytest.mark.parametrize("field,value,says", [
    ("title", 123, "field 'title' must be a string, not a number"),
    ("title", ["a"], "field 'title' must be a string, not an array"),
    ("url", 5, "field 'url' must be a string"),
    ("published", 20210607, "field 'published' must be a string"),
    ("id", True, "field 'id' must be a string or an integer"),
    ("id", 1.5, "field 'id' must be a string or an integer"),
    ("id", {"a": 1}, "field 'id' must be a string or an integer"),
    ("text", 5, "field 'text' must be a string, not a number"),
    ("url", "javascript:alert(document.cookie)", "field 'url' must be an http:// or https:// address"),
    ("url", " javascript:alert(1)", "field 'url' must be an http:// or https:// address"),
    ("url", "JavaScript:alert(1)", "field 'url' must be an http:// or https:// address"),
    ("url", "data:text/html,<script>alert(1)</script>", "field 'url' must be an http:// or https:// address"),
    ("url", "file:///etc/passwd", "field 'url' must be an http:// or https:// address"),
    ("url", "vbscript:msgbox", "field 'url' must be an http:// or https:// address"),
    ("url", "http:/no-host", "field 'url' must be an http:// or https:// address"),
    ("url", "https://example.org/\x00x", "field 'url' must be an http:// or https:// address"),
])
def test_a_bad_field_is_one_named_failure_and_the_rest_goes_on(tmp_path, field, value, says):
    path = tmp_path / "r.jsonl"
    bad = {"text": "The talks resumed on Monday.", field: value}
    path.write_text("\n".join(json.dumps(r) for r in [{"text": "Before."}, bad, {"text": "After."}]) + "\n", encoding="utf-8")
    out = list(read_inputs([str(path)], SETTINGS))
    assert [type(x).__name__ for x in out] == ["Article", "Failure", "Article"], out
    assert out[1].source == f"{path}:2" and says in out[1].message, out[1]
    # the API's ingest refuses the same records, naming the field (in the words of its request schema)
    items = body_items([{"text": "Before."}, bad], SETTINGS, 10)
    assert isinstance(items[0], Article) and isinstance(items[1], Failure) and f"'{field}'" in items[1].message


@pytest.mark.parametrize("url", ["http://example.org", "HTTPS://Example.org/a?b=c#d", "https://example.org/a b"])
def test_http_urls_are_kept(url):
    out = list(iter_jsonl(io.StringIO(json.dumps({"text": "x", "url": url}) + "\n"), "u", SETTINGS))
    assert isinstance(out[0], Article) and out[0].url == url


def test_api_ingest_list_with_a_lone_surrogate_keeps_the_good_records():
    # a file's lone surrogates are replaced with a warning (above); a request's are refused, item by item:
    # the client that escaped half a UTF-16 pair in its JSON is told so (docs/api.md)
    items = body_items([{"text": "Clean text."}, {"text": "Bad \ud800 text."}, {"text": "Also \udfff.", "title": 7}],
                       SETTINGS, 10)
    assert [type(x).__name__ for x in items] == ["Article", "Failure", "Failure"]
    assert items[1].source == "request[1]" and items[1].code == "encoding"
    assert items[2].source == "request[2]"


def test_ingest_of_a_file_with_bad_records_stores_the_good_ones(tmp_path):
    from dragoman.store import Store

    path = tmp_path / "mixed.jsonl"
    recs = [json.dumps({"id": "good-1", "text": GOOD, "published": "2021-06-07"}),
            json.dumps({"id": "surrogate", "text": "Kenyan police arrested twelve protesters \ud800 in Nairobi on Friday."}),
            json.dumps({"id": "title", "text": GOOD, "title": 123}),
            json.dumps({"id": "js", "text": GOOD, "url": "javascript:alert(1)"}),
            "[" * 100_000,
            json.dumps({"id": "good-2", "text": "Protesters marched in Lagos on Sunday.", "url": "https://news.example.org/l"})]
    data = "\n".join(recs).encode() + b"\n" + b'{"id": "bad-byte", "text": "Gen\xffva"}\n'
    path.write_bytes(data)
    db = tmp_path / "s.duckdb"
    r = subprocess.run(DRAGOMAN + ["ingest", str(path), "--db", str(db)], check=False, capture_output=True, timeout=300, cwd=ROOT)
    err = r.stderr.decode()
    assert r.returncode == 1, err
    assert "Traceback" not in err and "3 articles stored" in err, err
    assert f"warning: {path}:2: " in err and "lone surrogate" in err
    with Store.open(str(db), read_only=True) as store:
        ids = {row[0] for row in store.con.execute("SELECT id FROM articles").fetchall()}
        fails = {f["source"]: f for f in store.failures()}
        rec = json.loads(store.con.execute("SELECT record FROM articles WHERE id = 'surrogate'").fetchone()[0])
    assert ids == {"good-1", "surrogate", "good-2"}
    assert set(fails) == {f"{path}:{i}" for i in (3, 4, 5, 7)}, fails
    assert "field 'title' must be a string" in fails[f"{path}:3"]["message"]
    assert "http://" in fails[f"{path}:4"]["message"] and "nested" in fails[f"{path}:5"]["message"]
    assert fails[f"{path}:7"]["code"] == "encoding"
    assert rec["meta"]["warnings"] and "\ufffd" in rec["text"]


# -- row 14: an explicit encoding is honoured -----------------------------------------------------


def test_explicit_utf16le_without_bom_is_honoured(tmp_path):
    txt = tmp_path / "story.txt"
    txt.write_bytes(GOOD.encode("utf-16-le"))
    jsonl = tmp_path / "stories.jsonl"
    jsonl.write_bytes((json.dumps({"text": "One."}) + "\n" + json.dumps({"text": "Two."}) + "\n").encode("utf-16-le"))
    out = list(read_inputs([str(txt), str(jsonl)], SETTINGS, encoding="utf-16-le"))
    assert [x.text for x in out if isinstance(x, Article)] == [GOOD, "One.", "Two."], out
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    out = list(read_inputs([str(binary)], SETTINGS, encoding="latin-1"))  # still binary under any encoding
    assert isinstance(out[0], Failure) and "binary" in out[0].message


# -- the property: nothing lost, nothing escapes -------------------------------------------------

SMALL = Settings.load(max_jsonl_line_bytes=400, max_json_depth=8)
PROPERTY = settings(deadline=None, database=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])

words = st.sampled_from(["a", "Talks", "met in Geneva", "x  y", "Kenya\u2019s police", "\u00e9t\u00e9", "b c", "\U0001f600 ok",
                         "line\nbreak", "tab\there", " padded "])
good_records = st.fixed_dictionaries(
    {"text": st.one_of(words, words.map(lambda w: w + "\ud800"), words.map(lambda w: "\udc00" + w))},
    optional={"title": st.one_of(st.none(), words, words.map(lambda w: w + "\udfff")),
              "id": st.one_of(st.none(), st.integers(0, 10**6), words),
              "url": st.one_of(st.none(), st.just(""), st.sampled_from(["http://a.example/x", "https://b.example/y?z=1"])),
              "published": st.one_of(st.none(), st.sampled_from(["2021-06-07", "2020-02-29T10:00:00Z", "5 March 2019"])),
              "extra": st.one_of(st.integers(), words, st.lists(st.integers(), max_size=3))},
)
bad_values = {
    "title": st.one_of(st.integers(), st.booleans(), st.lists(st.integers(), max_size=2), st.dictionaries(words, words, max_size=2)),
    "url": st.one_of(st.integers(), st.sampled_from(["javascript:alert(1)", "data:,x", "ftp://a.example/", " https://a.example/",
                                                    "mailto:a@b", "http://", "file:///etc/passwd"])),
    "published": st.one_of(st.integers(), st.just("not a date"), st.lists(words, max_size=1)),
    "id": st.one_of(st.booleans(), st.floats(allow_nan=False), st.lists(words, max_size=1)),
    "text": st.one_of(st.none(), st.integers(), st.just("   "), st.just("")),
}


@st.composite
def bad_record_lines(draw) -> bytes:
    rec = draw(good_records)
    field = draw(st.sampled_from(sorted(bad_values)))
    rec[field] = draw(bad_values[field])
    if field == "text" and rec[field] is None:
        del rec["text"]
    return json.dumps(rec).encode()


bad_lines = st.one_of(
    bad_record_lines(),
    good_records.map(lambda r: json.dumps(r).encode()[:-1]),  # truncated
    st.sampled_from([b"{not json", b"[1, 2]", b"42", b'"text"', b"null", b"{'text': 'single quotes'}", b"[" * 3000,
                     b'{"text": "x", "n": NaN}', b'{"text": "x", "n": 1e999}', b'{"text": "x", "a": [[[[[[[[[[1]]]]]]]]]]}',
                     b'{"text": "x"} trailing', b"\x00\x01\x02"]),
    good_records.map(lambda r: json.dumps(r).encode()[:-1] + b', "z": "\xff\xfe"}'),
    st.integers(401, 2000).map(lambda n: json.dumps({"text": "y" * n}).encode()),  # over the line limit
)
blank_lines = st.sampled_from([b"", b"   ", b"\t", b"\r"])
lines = st.lists(st.one_of(good_records.map(lambda r: ("good", json.dumps(r).encode(), r)),
                           bad_lines.map(lambda b: ("bad", b, None)),
                           blank_lines.map(lambda b: ("blank", b, None))), min_size=1, max_size=8)

_TMP = Path(tempfile.mkdtemp(prefix="dragoman-hardening-"))
atexit.register(shutil.rmtree, _TMP, True)


def _write(batch: list, name: str = "p.jsonl", crlf: bool = False) -> Path:
    path = _TMP / name
    path.write_bytes((b"\r\n" if crlf else b"\n").join(line for _, line, _ in batch) + b"\n")
    return path


def _expected(batch: list, path: Path) -> tuple[dict[str, dict], set[str]]:
    good = {f"{path}:{i}": rec for i, (kind, _, rec) in enumerate(batch, 1) if kind == "good"}
    bad = {f"{path}:{i}" for i, (kind, _, _) in enumerate(batch, 1) if kind == "bad"}
    return good, bad


def _fix(s: str) -> str:
    return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in s)


@settings(parent=PROPERTY, max_examples=2000)
@given(batch=lines, crlf=st.booleans(), via=st.sampled_from(["file", "stream", "stream", "stream"]))
def test_property_every_good_line_is_an_article_every_bad_one_a_named_failure(batch, crlf, via):
    """Through ``read_inputs`` on a file, or (most cases, faster) the same JSONL reader on a stream."""
    if via == "file":
        path = _write(batch, crlf=crlf)
        out = list(read_inputs([str(path)], SMALL))
    else:
        path = Path("stream.jsonl")
        out = list(read_jsonl(io.BytesIO((b"\r\n" if crlf else b"\n").join(line for _, line, _ in batch) + b"\n"),
                              str(path), SMALL))
    good, bad = _expected(batch, path)
    articles = {a.meta["source"]: a for a in out if isinstance(a, Article)}
    failures = {f.source: f for f in out if isinstance(f, Failure)}
    assert len(articles) + len(failures) == len(out)  # one item per line: nothing twice
    assert set(articles) == set(good), (batch, out)
    assert set(failures) == bad, (batch, out)
    for src, rec in good.items():
        art = articles[src]
        assert art.text == _fix(rec["text"]) and (art.title or None) == (_fix(rec["title"]) if rec.get("title") else None)
        assert art.url == (rec.get("url") or None)
        json.dumps(art.to_dict(), ensure_ascii=False).encode("utf-8")  # storable: a lone surrogate would raise here
        assert bool(art.meta.get("warnings")) == (art.text != rec["text"] or (art.title or "") != (rec.get("title") or ""))
    for f in failures.values():
        assert f.code in {"format", "encoding", "too_large", "empty", "input"} and f.message, f


_PIPELINE = None


def _pipeline():
    global _PIPELINE
    if _PIPELINE is None:
        from dragoman.pipeline import Pipeline

        _PIPELINE = Pipeline(Settings())
    return _PIPELINE


@settings(parent=PROPERTY, max_examples=40)
@given(batch=st.lists(st.one_of(good_records.map(lambda r: ("good", json.dumps({**r, "id": None}).encode(), {**r, "id": None})),
                                bad_lines.map(lambda b: ("bad", b, None))), min_size=1, max_size=5))
def test_property_ingest_stores_every_good_line_and_every_bad_one_as_a_failure(batch):
    from dragoman.store import Store

    path = _write(batch, "i.jsonl")
    good, bad = _expected(batch, path)
    with tempfile.TemporaryDirectory(dir=_TMP) as d, Store.open(str(Path(d) / "s.duckdb")) as store:
        counts = store.ingest(_pipeline().run_many(read_inputs([str(path)], SMALL)))
        sources = {r[0] for r in store.con.execute("SELECT source FROM articles").fetchall()}
        failed = {f["source"] for f in store.failures()}
    # one article per id: from the url when there is one, else from the text (a repeat is 'already there')
    ids = {rec.get("url") or ("text", _fix(rec["text"])) for rec in good.values()}
    assert sources <= set(good) and len(sources) == len(ids), (batch, sources)
    assert failed == bad, (batch, failed)
    assert counts["failures"] == len(bad)


def test_a_page_sent_as_html_is_checked_like_any_record():
    page = "<html><body><article><p>The minister met the envoy in Doha on Monday.</p></article></body></html>"
    items = body_items([{"html": page, "url": "javascript:alert(1)"}, {"html": page, "url": "https://news.example/a"}],
                       SETTINGS, 10)
    assert isinstance(items[0], Failure) and "must be an http:// or https:// address" in items[0].message
    assert isinstance(items[1], Article) and items[1].url == "https://news.example/a"


def test_gzip_compressed_inputs_are_read_as_the_file_they_hold_and_bounded(tmp_path):
    import gzip

    page = tmp_path / "story.html.gz"
    page.write_bytes(gzip.compress(b"<html><head><title>Talks</title></head><body><article><p>" + GOOD.encode()
                                   + b"</p></article></body></html>"))
    lines = tmp_path / "news.jsonl.gz"
    lines.write_bytes(gzip.compress(b'{"text": "The minister met the envoy in Doha."}\nnot json\n{"text": "Police arrested six."}\n'))
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 300_000_000))  # 300 MB of text in 0.3 MB
    broken = tmp_path / "cut.txt.gz"
    broken.write_bytes(gzip.compress(GOOD.encode() * 50)[:60])
    arts, fails, peak = limited(page, lines, bomb, broken)
    assert [a["article"] for a in arts] == [str(page), f"{lines}:1", f"{lines}:3"], arts
    assert "Iran and Oman" in arts[0]["text"]
    by = {f["failure"]: f for f in fails}
    assert by[f"{lines}:2"]["code"] == "format"
    assert by[str(bomb)]["code"] == "too_large" and "limit for one article" in by[str(bomb)]["message"]
    assert by[str(broken)]["code"] == "format" and "decompress" in by[str(broken)]["message"]
    assert peak < 600_000, peak
