"""WARC/ARC archives, gzipped or not, streamed record by record; corrupt records give a failure
and the reader goes on; memory stays flat as the archive grows."""

from __future__ import annotations

import gzip
import importlib.util
import tracemalloc

import pytest
from conftest import ROOT

from dragoman.ingest import read_inputs
from dragoman.model import Article, Failure
from dragoman.settings import Settings

_spec = importlib.util.spec_from_file_location("bench_warc", ROOT / "bench" / "warc.py")
bench_warc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_warc)
write_warc = bench_warc.write_warc

SETTINGS = Settings()


def test_500_pages_streamed(tmp_path):
    path = write_warc(tmp_path / "crawl.warc.gz", 500)
    stream = read_inputs([str(path)], SETTINGS)
    first = next(stream)  # lazily: the first page comes before the archive is read through
    assert isinstance(first, Article) and first.meta["format"] == "warc"
    assert first.url == "http://news.example.org/2021/world/story-0.html"
    assert first.reference_date.trusted and first.reference_date.date == "2021-01-01"
    assert "Daily Example" not in first.text and "Related" not in first.text  # chrome left out
    rest = list(stream)
    assert len(rest) == 499 and all(isinstance(a, Article) for a in rest)  # images, 404s, requests skipped
    assert len({a.id for a in [first, *rest]}) == 500


def _peak_reading(path) -> int:
    tracemalloc.start()
    try:
        n = sum(1 for _ in read_inputs([str(path)], SETTINGS))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert n > 0
    return peak


def test_memory_is_flat_as_the_archive_grows(tmp_path):
    small = write_warc(tmp_path / "small.warc.gz", 30)
    large = write_warc(tmp_path / "large.warc.gz", 300)
    peak_small, peak_large = _peak_reading(small), _peak_reading(large)
    # ten times the pages, about the same peak (a loaded archive would be ten times larger)
    assert peak_large < peak_small * 1.5 + 2_000_000, (peak_small, peak_large)


def test_uncompressed_warc_and_sniffed_without_extension(tmp_path):
    path = write_warc(tmp_path / "crawl.warc", 12, gzip=False)
    renamed = tmp_path / "crawl.dat"
    renamed.write_bytes(path.read_bytes())
    for p in (path, renamed):
        out = list(read_inputs([str(p)], SETTINGS))
        assert len(out) == 12 and all(isinstance(a, Article) for a in out)


def test_arc_file(tmp_path):
    body = bench_warc.page_html(7)
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    url = b"http://news.example.org/a.html"
    filedesc_body = b"1 0 Example\nURL IP-address Archive-date Content-type Archive-length\n"
    head = b"filedesc://test.arc 0.0.0.0 20210101000000 text/plain %d\n" % len(filedesc_body)
    rec = url + b" 93.184.216.34 20210102030405 text/html %d\n" % len(http)
    path = tmp_path / "old.arc.gz"
    path.write_bytes(gzip.compress(head + filedesc_body + b"\n") + gzip.compress(rec + http + b"\n"))
    out = list(read_inputs([str(path)], SETTINGS))
    assert [type(x).__name__ for x in out] == ["Article"], out
    assert out[0].url == url.decode()


def test_corrupt_record_fails_alone_and_the_batch_goes_on(tmp_path):
    good = write_warc(tmp_path / "good.warc.gz", 20)
    data = bytearray(good.read_bytes())
    # find the gzip member starts and damage one in the middle of the file
    starts = [i for i in range(len(data) - 2) if data[i : i + 3] == b"\x1f\x8b\x08"]
    victim = starts[len(starts) // 2]
    data[victim + 20 : victim + 60] = b"\x00" * 40
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(bytes(data))
    out = list(read_inputs([str(bad), str(good)], SETTINGS))
    failures = [x for x in out if isinstance(x, Failure)]
    articles = [x for x in out if isinstance(x, Article)]
    assert len(failures) == 1 and failures[0].code == "format" and failures[0].source == str(bad)
    assert "corrupt archive record" in failures[0].message
    assert 18 <= len(articles) - 20 <= 19  # at most the damaged page lost in bad; all of good read


def test_corrupt_uncompressed_header_and_truncated_file(tmp_path):
    path = write_warc(tmp_path / "a.warc", 10, gzip=False)
    data = path.read_bytes()
    idx = data.find(b"WARC/1.", len(data) // 2)
    damaged = data[:idx] + b"GARBAGE" + data[idx + 7 :]
    (tmp_path / "b.warc").write_bytes(damaged)
    out = list(read_inputs([str(tmp_path / "b.warc")], SETTINGS))
    assert sum(isinstance(x, Failure) for x in out) == 1
    assert sum(isinstance(x, Article) for x in out) >= 8
    gz = write_warc(tmp_path / "c.warc.gz", 10)
    (tmp_path / "d.warc.gz").write_bytes(gz.read_bytes()[: gz.stat().st_size * 2 // 3])
    out = list(read_inputs([str(tmp_path / "d.warc.gz")], SETTINGS))
    assert isinstance(out[-1], Failure) and out[-1].code == "format"
    assert sum(isinstance(x, Article) for x in out) >= 5


def test_not_a_warc(tmp_path):
    (tmp_path / "x.warc").write_bytes(b"this is not an archive at all\n" * 10)
    out = list(read_inputs([str(tmp_path / "x.warc")], SETTINGS))
    assert len(out) == 1 and isinstance(out[0], Failure) and out[0].code == "format"


@pytest.mark.parametrize("n", [1])
def test_bench_main_runs_one_size(n, tmp_path):
    """The benchmark's measuring function works (the full 500/5,000 run is `python bench/warc.py`)."""
    fig = bench_warc.measure_one(20)
    assert fig["articles"] == 20 and fig["peak_rss_mb"] > 0
