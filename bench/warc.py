"""Peak memory while streaming a WARC: 500 pages versus 5,000 pages.

    python bench/warc.py            # prints and returns {"pages_500": {...}, "pages_5000": {...}}

Each size runs in a fresh subprocess (so the peak resident set size is that run's own), which
generates a gzipped WARC of N decorated news pages (with request, image and 404 records between
them), reads it with ``dragoman.ingest.read_inputs`` — the WARC reader and the HTML extraction,
not the NLP pipeline — discarding each article as it comes, and reports the peak resident set
size, and how much it grew while reading.  Streaming means both stay flat as the file grows.
"""

from __future__ import annotations

import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = (500, 5000)

_PARAS = [
    "The foreign ministers of two neighbouring countries met in the capital on {day} to discuss trade and border security.",
    "Officials said the talks focused on reopening crossings that were closed last year and on a customs agreement (report {n}).",
    "The ministers agreed to set up a joint commission that will meet every three months to review progress on the plan.",
    "Opposition lawmakers criticised the government for what they called a lack of transparency in the negotiations.",
    "Analysts said the agreement could double trade between the two countries within five years if it holds.",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def page_html(n: int) -> bytes:
    paras = "".join(f"<p>{p.format(n=n, day=_DAYS[n % 5])}</p>" for p in _PARAS)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Ministers discuss trade, report {n} | The Daily Example</title>"
        f"<meta property='article:published_time' content='2021-{1 + n % 12:02d}-{1 + n % 28:02d}'></head><body>"
        "<header><h1 class='logo'><a href='/'>The Daily Example</a></h1><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></header>"
        f"<article><h2>Ministers discuss trade, report {n}</h2>{paras}</article>"
        "<aside><h3>Related</h3><a href='/x'>Floods in the north</a></aside><footer>Copyright The Daily Example</footer>"
        "</body></html>"
    ).encode()


def write_warc(path: str | os.PathLike[str], n_pages: int, gzip: bool = True) -> Path:
    """A WARC of ``n_pages`` HTML response records, with request, image and 404 records between."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = Path(path)
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        for i in range(n_pages):
            url = f"http://news.example.org/2021/world/story-{i}.html"
            req = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(req)
            body = page_html(i)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
            if i % 10 == 0:
                img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(url + ".png", "response",
                                                              payload=io.BytesIO(b"\x89PNG" + bytes(2000)), http_headers=img))
            if i % 25 == 0:
                nf = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(url + "?gone", "response",
                                                              payload=io.BytesIO(b"<html>gone</html>"), http_headers=nf))
    return path


def _hwm_kb() -> int:
    """This process's own peak resident set (``VmHWM``, kB).  ``getrusage``'s ``ru_maxrss`` survives
    ``exec`` on Linux, so a child started from a large parent (the benchmark after spaCy ran) would
    report the parent's peak; ``VmHWM`` belongs to the new address space only."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def measure_one(n_pages: int) -> dict:
    """Generate, then stream a WARC of ``n_pages`` pages in this process; the figures."""
    from dragoman.ingest import read_inputs
    from dragoman.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        path = write_warc(Path(tmp) / f"bench-{n_pages}.warc.gz", n_pages)
        size = path.stat().st_size
        rss_before = _hwm_kb()
        t0 = time.perf_counter()
        n_ok = n_failed = 0
        for item in read_inputs([str(path)], Settings()):
            if hasattr(item, "text"):
                n_ok += 1
            else:
                n_failed += 1
        seconds = time.perf_counter() - t0
    rss_after = _hwm_kb()
    return {
        "pages": n_pages,
        "articles": n_ok,
        "failures": n_failed,
        "warc_bytes": size,
        "seconds": round(seconds, 2),
        "pages_per_second": round(n_ok / seconds, 1) if seconds else None,
        "peak_rss_mb": round(rss_after / 1024, 1),
        "rss_growth_while_reading_mb": round((rss_after - rss_before) / 1024, 1),
    }


def main() -> dict:
    """Run 500 and 5,000 pages, each in a fresh subprocess; print and return the figures."""
    out: dict = {}
    for n in SIZES:
        proc = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True)
        out[f"pages_{n}"] = json.loads(proc.stdout.strip().splitlines()[-1])
    a, b = out[f"pages_{SIZES[0]}"], out[f"pages_{SIZES[-1]}"]
    out["peak_rss_ratio"] = round(b["peak_rss_mb"] / a["peak_rss_mb"], 2)
    print(json.dumps(out, indent=2))
    return out


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        print(json.dumps(measure_one(int(sys.argv[2]))))
    else:
        main()
