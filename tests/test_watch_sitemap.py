"""``dragoman watch`` over sitemaps served on 127.0.0.1: gzip-compressed news sitemaps (and a decompression
bomb refused), sitemap indexes followed newest first up to ``watch.sitemap_children``, unsafe XML refused."""

from __future__ import annotations

import gzip
import random
import zlib

import pytest
from watch_support import NewsSite, news_sitemap, sitemap_index, watch_settings

from dragoman.errors import FormatError, TooLargeError
from dragoman.store import Store
from dragoman.store.watch import WatchState
from dragoman.watch import FakeClock, Feed, Watcher
from dragoman.watch.sitemap import gunzip


@pytest.fixture
def site():
    s = NewsSite()
    yield s
    s.close()


def _watcher(store, feeds, pipeline, **settings):
    return Watcher(store, list(feeds), [], watch_settings(**settings), clock=FakeClock(), rng=random.Random(1),
                   pipeline=pipeline, out=lambda line: None)


def _sitemap(site: NewsSite, name: str, stories: range, *, gz: bool = False) -> str:
    """Publish ``stories`` as pages listed in a news sitemap at ``/name`` (gzip-compressed with ``gz``)."""
    for n in stories:
        site.add(f"/{name}.list", n)
    body = news_sitemap(f"http://127.0.0.1:{site.port}", site.feeds[f"/{name}.list"])
    path = f"/{name}.xml.gz" if gz else f"/{name}.xml"
    site.raw[path] = (gzip.compress(body), "application/x-gzip") if gz else (body, "application/xml")
    return path


def test_gzip_news_sitemap_is_read_and_a_decompression_bomb_refused(site, pipeline, db_path):
    path = _sitemap(site, "news", range(2), gz=True)
    bomb = gzip.compress(b"<urlset>" + b" " * 3_000_000)  # 3 MB of spaces in about 3 kB
    site.raw["/bomb.xml.gz"] = (bomb, "application/gzip")
    with Store.open(db_path) as store:
        w = _watcher(store, [Feed(site.url(path), "gz"), Feed(site.url("/bomb.xml.gz"), "bomb")], pipeline,
                     sitemap_max_bytes=1_000_000)
        polls = {p.feed: p for p in w.run_round().polls}
        ok, bad = polls[site.url(path)], polls[site.url("/bomb.xml.gz")]
        assert ok.status == "ok" and ok.stored == 2 and store.counts()["articles"] == 2
        assert bad.status == "failed" and "decompression bomb" in bad.error and "sitemap_max_bytes" in bad.error
        row = WatchState(store).feed(site.url("/bomb.xml.gz"))
        assert row["failures"] == 1 and "decompresses to more than 1 MB" in row["last_error"]
        w.close()
    assert len(bomb) < 10_000


def test_gunzip_refuses_corrupt_and_truncated_files():
    body = b'<?xml version="1.0"?><urlset/>'
    assert gunzip(body, 100, "plain.xml") is body  # not gzip: as it is
    packed = gzip.compress(body)
    assert gunzip(packed, 100, "s.xml.gz") == body
    with pytest.raises(TooLargeError, match="more than 1e-05 MB"):
        gunzip(packed, 10, "s.xml.gz")
    with pytest.raises(FormatError, match="truncated"):
        gunzip(packed[:-12], 100, "s.xml.gz")
    with pytest.raises(FormatError, match="corrupt"):
        gunzip(packed[:10] + bytes(b ^ 0x55 for b in packed[10:]), 100, "s.xml.gz")
    raw = zlib.compress(body)  # zlib, not gzip: not taken for gzip, and then not XML a sitemap parser reads
    assert gunzip(raw, 100, "s.xml") == raw


def test_sitemap_index_followed_newest_first_up_to_the_cap(site, pipeline, db_path):
    old = _sitemap(site, "2020-10-25", range(2))
    new = _sitemap(site, "2020-10-27", range(2, 4), gz=True)
    mid = _sitemap(site, "2020-10-26", range(4, 6))
    undated = _sitemap(site, "undated", range(6, 8))
    site.raw["/sitemap-index.xml"] = (sitemap_index(f"http://127.0.0.1:{site.port}", [
        (old, "2020-10-25"), (undated, None), (new, "2020-10-27T06:00:00+00:00"), (mid, "2020-10-26T23:30:00-02:00"),
    ]), "application/xml")
    with Store.open(db_path) as store:
        w = _watcher(store, [Feed(site.url("/sitemap-index.xml"), "index")], pipeline, sitemap_children=2)
        [p] = w.run_round().polls
        assert p.status == "ok" and p.stored == 4 and p.error is None
        stored = WatchState(store).stored_articles(site.url(f"/2020-10-2{d}/story-{n}.html")
                                                   for d, n in ((7, 2), (7, 3), (6, 4), (6, 5)))
        assert len(stored) == 4
        w.close()
    fetched = [path for m, path, _ in site.requests if path.endswith((".xml", ".xml.gz"))]
    # the newest two by <lastmod> ('2020-10-26T23:30-02:00' is 2020-10-27T01:30Z, before 06:00Z); the rest not read
    assert fetched == ["/sitemap-index.xml", new, mid]
    assert site.gets(old) == [] and site.gets(undated) == []


def test_sitemap_index_child_failing_is_reported_and_read_again(site, pipeline, db_path):
    a = _sitemap(site, "a", range(2))
    b = _sitemap(site, "b", range(2, 4))
    site.raw["/index.xml"] = (sitemap_index(f"http://127.0.0.1:{site.port}", [(a, "2020-10-27"), (b, "2020-10-26")]),
                              "application/xml")
    site.down.add(b)
    with Store.open(db_path) as store:
        w = _watcher(store, [Feed(site.url("/index.xml"), "index", 60)], pipeline)
        [p] = w.run_round().polls
        assert p.status == "ok" and p.stored == 2 and "503" in p.error and b in p.error
        row = WatchState(store).feed(site.url("/index.xml"))
        assert row["etag"] is None and "503" in row["last_error"]  # validators not kept: the next poll reads it all
        site.down.clear()
        w.clock.sleep(w.next_wake() - w.clock.time())
        [p] = w.run_round().polls
        assert p.status == "ok" and p.stored == 2 and p.error is None
        assert store.counts()["articles"] == 4
        w.clock.sleep(w.next_wake() - w.clock.time())
        [p] = w.run_round().polls
        assert p.status == "not_modified"  # now its validators are kept: the index unchanged, its sitemaps not read
        w.close()
    assert len(site.gets(a)) == 2 and len(site.gets(b)) == 2


def test_sitemap_index_all_children_failing_fails_the_poll_and_unsafe_index_refused(site, pipeline, db_path):
    a = _sitemap(site, "a", range(1))
    nested = "/nested-index.xml"
    site.raw[nested] = (sitemap_index(f"http://127.0.0.1:{site.port}", [(a, None)]), "application/xml")
    site.raw["/index.xml"] = (sitemap_index(f"http://127.0.0.1:{site.port}", [(nested, "2020-10-27"), ("/gone.xml", None)]),
                              "application/xml")
    bomb = (b'<?xml version="1.0"?><!DOCTYPE sitemapindex [<!ENTITY a "aaaa">]>'
            b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>&a;</loc></sitemap></sitemapindex>')
    site.raw["/bomb-index.xml"] = (bomb, "application/xml")
    with Store.open(db_path) as store:
        w = _watcher(store, [Feed(site.url("/index.xml"), "index"), Feed(site.url("/bomb-index.xml"), "bomb")],
                     pipeline)
        polls = {p.feed: p for p in w.run_round().polls}
        p, bomb = polls[site.url("/index.xml")], polls[site.url("/bomb-index.xml")]
        assert p.status == "failed" and "sitemap index listed in a sitemap index" in p.error
        assert WatchState(store).feed(site.url("/index.xml"))["failures"] == 1
        assert bomb.status == "failed" and "DTD" in bomb.error
        assert store.counts()["articles"] == 0
        w.close()
    assert site.gets(a) == [] and len(site.gets("/gone.xml")) == 1
