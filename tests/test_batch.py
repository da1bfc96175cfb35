"""``dragoman batch`` on a 2-worker LocalCluster over 8 partitions gives exactly the records (so
the events) of ``dragoman extract`` on the same inputs; killed mid-run (SIGKILL), it resumes
without redoing a finished partition and without losing any.

One test covers both (each model load costs seconds on a shared machine): the first run is
killed once a partition is done, the second finishes the job, and the whole output is compared
with ``extract``'s, record for record and event for event."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from test_runner import articles

from dragoman.cli import main
from dragoman.scale import is_batch_output, plan, read_batch_output, read_manifest

DRAGOMAN = [sys.executable, "-c", "import sys; from dragoman.cli import main; sys.exit(main())"]


PAGES = [
    ("https://news.example.org/a", "Ministers meet in Ankara",
     ["The French foreign minister met his Turkish counterpart in Ankara on Monday to discuss border security.",
      "Both sides agreed to resume talks next month, officials said."]),
    ("https://news.example.org/b", "Rebels attack convoy",
     ["Rebels attacked an army convoy near Bamako on Thursday, killing 12 soldiers, the defence ministry said."]),
]


def write_warc(path: Path) -> None:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for url, title, paras in PAGES:
            html = (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
                    + "".join(f"<p>{p}</p>" for p in paras) + "</article></body></html>")
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=http))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """Two JSONL files (20 short articles and one bad line: 7 partitions of 3 lines) and a WARC
    file of two pages (one partition): 8 partitions."""
    d = tmp_path_factory.mktemp("batch")
    lines = [json.dumps(a) for a in articles(20)]
    lines.insert(7, "{broken")
    paths = []
    for i, chunk in enumerate((lines[:12], lines[12:])):
        p = d / f"in{i}.jsonl"
        p.write_text("\n".join(chunk) + "\n", encoding="utf-8")
        paths.append(str(p))
    write_warc(d / "pages.warc.gz")
    paths.append(str(d / "pages.warc.gz"))
    return paths


@pytest.fixture(scope="module")
def extracted(inputs, tmp_path_factory, pipeline):
    out = tmp_path_factory.mktemp("extract") / "out.jsonl"
    res = CliRunner().invoke(main, ["extract", *inputs, "--jsonl", "-o", str(out)])
    assert res.exit_code == 1, res.output  # the broken line
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def batch_cmd(inputs, out):
    return DRAGOMAN + ["batch", *inputs, "--out", str(out), "--workers", "2", "--partition-size", "3"]


def wait_gone(pids, timeout=30.0):
    """Wait for the processes the killed batch left; end any still there after ``timeout`` (by pid)."""
    deadline = time.monotonic() + timeout
    procs = []
    for pid in pids:
        try:
            procs.append(psutil.Process(pid))
        except psutil.NoSuchProcess:
            pass
    _gone, alive = psutil.wait_procs(procs, timeout=max(0.0, deadline - time.monotonic()))
    for p in alive:
        p.kill()
    psutil.wait_procs(alive, timeout=5)
    return alive


def check_same_as_extract(out: Path, extracted):
    items = list(read_batch_output(out))
    failures = [x for x in items if not hasattr(x, "events")]
    records = [x.to_dict() for x in items if hasattr(x, "events")]
    assert len(failures) == 1 and failures[0].code == "format" and failures[0].source.endswith("in0.jsonl:8")
    assert [r["id"] for r in records] == [r["id"] for r in extracted]
    assert len(records) == 22 and records[-1]["url"] == PAGES[-1][0]
    assert records == extracted  # whole records: actors, events, times, quotes
    # the events table holds exactly the events of extract, row for row
    rows = [json.loads(r) for f in sorted((out / "events").glob("part-*.parquet"))
            for r in pq.read_table(f, columns=["record"]).column("record").to_pylist()]
    assert rows == [e for r in extracted for e in r["events"]]


def test_plan_is_deterministic(inputs):
    a, b = plan(inputs, 3), plan(inputs, 3)
    assert a == b and len(a) == 8
    assert [(p.kind, p.start_line, p.end_line) for p in a[:5]] == [
        ("lines", 0, 3), ("lines", 3, 6), ("lines", 6, 9), ("lines", 9, 12), ("lines", 0, 3)]
    assert a[-1].kind == "warc"


def test_batch_resumes_after_sigkill(inputs, extracted, tmp_path):
    out = tmp_path / "out"
    proc = subprocess.Popen(batch_cmd(inputs, out), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    done_dir = out / "_done"
    deadline = time.monotonic() + 180
    children: list[int] = []
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                children = [c.pid for c in psutil.Process(proc.pid).children(recursive=True)]
            except psutil.NoSuchProcess:
                pass
            if done_dir.is_dir() and any(done_dir.glob("part-*.json")):
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the batch finished before it could be killed: " + proc.stderr.read()
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stderr.close()
    wait_gone(children)
    before = {f.stem: (json.loads(f.read_text())["run"], (out / "articles" / f"{f.stem}.parquet").stat().st_mtime_ns)
              for f in done_dir.glob("part-*.json")}
    assert 1 <= len(before) < 8

    res = subprocess.run(batch_cmd(inputs, out), check=False, capture_output=True, text=True, timeout=240)
    assert res.returncode == 0, res.stderr
    assert is_batch_output(out)
    assert f"8 partitions ({len(before)} already done, {8 - len(before)} coded now)" in res.stderr
    for name, (run, mtime) in before.items():  # not redone
        assert json.loads((done_dir / f"{name}.json").read_text())["run"] == run
        assert (out / "articles" / f"{name}.parquet").stat().st_mtime_ns == mtime
    manifest = read_manifest(out)
    assert manifest["runs"][-1]["skipped"] == len(before)
    assert manifest["done"] == [f"part-{i:05d}" for i in range(8)] and not list((out / "_tmp").glob("*"))
    check_same_as_extract(out, extracted)  # nothing lost


def test_batch_refuses_other_inputs_in_same_folder(inputs, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.json").write_text(json.dumps({"format": "dragoman-batch", "partitions": [{"id": "x", "index": 0}]}))
    res = CliRunner().invoke(main, ["batch", *inputs, "--out", str(out)])
    assert res.exit_code == 1
    assert "other inputs" in res.output and "new --out" in res.output


def test_batch_on_a_running_scheduler(inputs, extracted, tmp_path):
    """--scheduler ADDRESS: the workers of a cluster started elsewhere do the work."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1", scheduler_port=0,
                      dashboard_address=None) as cluster:
        out = tmp_path / "out"
        res = CliRunner().invoke(main, ["batch", inputs[1], "--out", str(out), "--scheduler", cluster.scheduler_address,
                                        "--partition-size", "5"])
        assert res.exit_code == 0, res.output
    assert "2 partitions (0 already done, 2 coded now)" in res.output
    assert len(read_manifest(out)["done"]) == 2
    records = [x.to_dict() for x in read_batch_output(out)]
    assert records == [r for r in extracted if r["meta"]["source"].startswith(inputs[1])]
