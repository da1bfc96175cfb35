"""``dragoman watch``: feeds and pages served on 127.0.0.1, the real pipeline, real DuckDB files, a fake clock.

New items reach the store within one polling interval; a feed answering 304 is not read again; a
failing feed backs off and recovers with nothing lost; an item seen before (by URL or content) is
never fetched again; the state survives a restart.
"""

from __future__ import annotations

import random

import pytest
from watch_support import NewsSite, watch_settings

from dragoman.errors import ConfigError
from dragoman.store import Store
from dragoman.store.watch import WatchState
from dragoman.watch import FakeClock, Feed, Watcher, feeds_from_urls, load_feeds


@pytest.fixture
def site():
    s = NewsSite()
    yield s
    s.close()


def _watcher(store, feeds, pipeline, clock, rules=(), **settings):
    return Watcher(store, list(feeds), list(rules), watch_settings(**settings), clock=clock, rng=random.Random(1),
                   pipeline=pipeline, out=lambda line: None)


def _stored_sources(store) -> list[str]:
    return sorted(WatchState(store).stored_articles(
        [r["link"] for r in store._dicts("SELECT link FROM watch_items")]))


def test_new_items_stored_within_one_interval_and_never_fetched_again(site, pipeline, db_path):
    for n in range(3):
        site.add("/world.rss", n)
    feed = Feed(site.url("/world.rss"), "world", interval=60)
    clock = FakeClock()
    with Store.open(db_path) as store:
        w = _watcher(store, [feed], pipeline, clock)
        r1 = w.run_round()
        assert [p.stored for p in r1.polls] == [3] and store.counts()["articles"] == 3
        assert w.run_round().polls == []  # nothing due before the interval
        for n in (3, 4):
            site.add("/world.rss", n)
        clock.sleep(w.next_wake() - clock.time())
        assert clock.slept <= 60 * 1.1  # the next poll comes within one (jittered) interval
        r2 = w.run_round()
        assert [p.stored for p in r2.polls] == [2] and store.counts()["articles"] == 5
        assert r2.polls[0].entries == 5 and r2.polls[0].new == 2
        w.close()
    for n in range(5):
        assert len(site.gets(f"/world/story-{n}.html")) == 1  # each page fetched once
    with Store.open(db_path) as store:  # a restart resumes: nothing is fetched again
        w = _watcher(store, [feed], pipeline, clock)
        clock.sleep(120)
        r3 = w.run_round()
        assert r3.polls[0].status == "not_modified" and r3.polls[0].new == 0
        w.close()
    assert all(len(site.gets(f"/world/story-{n}.html")) == 1 for n in range(5))


def test_feed_answering_304_is_not_read_again(site, pipeline, db_path):
    site.add("/a.rss", 0)
    clock = FakeClock()
    with Store.open(db_path) as store:
        w = _watcher(store, [Feed(site.url("/a.rss"), "a", 30)], pipeline, clock)
        w.run_round()
        for _ in range(3):
            clock.sleep(31 * 1.1)
            [p] = w.run_round().polls
            assert p.status == "not_modified" and p.entries == 0
        row = WatchState(store).feed(site.url("/a.rss"))
        assert row["not_modified"] == 3 and row["polls"] == 4 and row["etag"]
        w.close()
    gets = site.gets("/a.rss")
    assert len(gets) == 4 and "if-none-match" not in gets[0]
    assert all(g.get("if-none-match") == row["etag"] for g in gets[1:])
    assert len(site.gets("/a/story-0.html")) == 1


def test_failing_feed_backs_off_then_recovers_losing_nothing(site, pipeline, db_path):
    site.add("/flaky.rss", 0)
    site.down.add("/flaky.rss")
    clock = FakeClock()
    with Store.open(db_path) as store:
        w = _watcher(store, [Feed(site.url("/flaky.rss"), "flaky", 60)], pipeline, clock, jitter=0.0, max_backoff=600)
        waits = []
        for n in range(1, 6):
            [p] = w.run_round().polls
            assert p.status == "failed" and "503" in p.error
            row = WatchState(store).feed(site.url("/flaky.rss"))
            assert row["failures"] == n
            waits.append(row["next_poll"] - clock.time())
            site.add("/flaky.rss", n)  # the feed keeps publishing while it is down for us
            clock.sleep(w.next_wake() - clock.time())
        assert waits == [60, 120, 240, 480, 600]  # doubled after each failure, capped at max_backoff
        site.down.clear()
        [p] = w.run_round().polls
        assert p.status == "ok" and p.stored == 6  # every item still in the feed is caught up
        row = WatchState(store).feed(site.url("/flaky.rss"))
        assert row["failures"] == 0 and row["failures_total"] == 5 and row["next_poll"] - clock.time() == 60
        w.close()


def test_item_seen_by_url_or_content_is_not_fetched_again(site, pipeline, db_path):
    summary = "Representatives of the Afghan government met Taliban negotiators in Doha on Tuesday."
    site.add("/one.rss", 0, summary=summary, title="Talks in Doha", path="/one/talks.html")
    site.add("/two.rss", 0, summary=summary, title="Talks in Doha", path="/two/talks-syndicated.html")
    # the same page under a tracking parameter and another host spelling: one canonical URL
    site.feeds["/two.rss"].append(site.feeds["/one.rss"][0].__class__("/one/talks.html?utm_source=rss", "Talks again"))
    clock = FakeClock()
    with Store.open(db_path) as store:
        w = _watcher(store, [Feed(site.url("/one.rss"), "one"), Feed(site.url("/two.rss"), "two")], pipeline, clock)
        polls = w.run_round().polls
        assert [p.stored for p in polls] == [1, 0] and polls[1].duplicates == 1
        assert store.counts()["articles"] == 1
        w.close()
    assert len(site.gets("/one/talks.html")) == 1 and site.gets("/two/talks-syndicated.html") == []


def test_news_sitemap_is_a_feed(site, pipeline, db_path):
    site.sitemaps.add("/sitemap-news.xml")
    for n in range(2):
        site.add("/sitemap-news.xml", n)
    with Store.open(db_path) as store:
        w = _watcher(store, [Feed(site.url("/sitemap-news.xml"), "sitemap")], pipeline, FakeClock())
        [p] = w.run_round().polls
        assert p.status == "ok" and p.stored == 2
        art = store.get_article(WatchState(store).stored_articles([site.url("/sitemap-news/story-1.html")])[
            site.url("/sitemap-news/story-1.html")])
        assert art["reference_date"]["date"] == "2020-10-27" and art["reference_date"]["trusted"]
        w.close()


def test_page_failing_is_retried_then_given_up_and_listed(site, pipeline, db_path):
    site.add("/f.rss", 0)
    site.add("/f.rss", 1)
    site.down.add("/f/story-1.html")
    clock = FakeClock()
    with Store.open(db_path) as store:
        w = _watcher(store, [Feed(site.url("/f.rss"), "f", 10)], pipeline, clock, item_attempts=2)
        [p] = w.run_round().polls
        assert (p.stored, p.failed) == (1, 1)
        [item] = [r for r in store._dicts("SELECT * FROM watch_items") if r["link"].endswith("story-1.html")]
        assert item["status"] == "failed" and item["attempts"] == 1 and "503" in item["last_error"]
        site.add("/f.rss", 2)  # a change, so the feed is read again
        clock.sleep(20)
        [p] = w.run_round().polls
        assert (p.stored, p.failed) == (1, 1)
        [fail] = store.failures()
        assert fail["source"].endswith("story-1.html") and fail["attempts"] == 2 and fail["code"] == "fetch"
        site.add("/f.rss", 3)
        clock.sleep(20)
        [p] = w.run_round().polls
        assert (p.stored, p.failed) == (1, 0)  # given up after item_attempts: not fetched a third time
        w.close()
    assert len(site.gets("/f/story-1.html")) == 2


def test_politeness_between_requests_to_one_host(site, pipeline, db_path):
    for n in range(3):
        site.add("/p.rss", n)
    clock = FakeClock()
    with Store.open(db_path) as store:
        settings = watch_settings()
        from dataclasses import replace

        settings = replace(settings, fetch=replace(settings.fetch, per_host_delay=5.0))
        w = Watcher(store, [Feed(site.url("/p.rss"), "p")], [], settings, clock=clock, pipeline=pipeline)
        w.run_round()
        w.close()
    # robots.txt, the feed and three pages: four waits of 5 s on the watcher's clock (robots.txt comes first)
    assert clock.slept == pytest.approx(5.0 * 4)


def test_feed_list_errors_name_the_entry(tmp_path):
    good = tmp_path / "feeds.yaml"
    good.write_text("feeds:\n  - url: https://example.org/rss\n    name: Example\n    interval: 10m\n"
                    "  - https://example.org/sitemap.xml\n", encoding="utf-8")
    assert load_feeds(good) == [Feed("https://example.org/rss", "Example", 600.0),
                                Feed("https://example.org/sitemap.xml", "https://example.org/sitemap.xml")]
    for text, why in [("feeds:\n  - url: ftp://example.org/rss\n", "not an http(s) URL"),
                      ("feeds:\n  - url: https://e.org/r\n    interval: soon\n", "not a duration"),
                      ("feeds:\n  - name: x\n", "has no url"),
                      ("feeds:\n  - url: https://e.org/r\n    every: 5m\n", "unknown key"),
                      ("feeds:\n  - https://e.org/r\n  - https://e.org/r\n", "listed twice"),
                      ("urls: []\n", "no 'feeds:' list"), ("feeds: [\n", "invalid YAML")]:
        bad = tmp_path / "bad.yaml"
        bad.write_text(text, encoding="utf-8")
        with pytest.raises(ConfigError) as err:
            load_feeds(bad)
        assert why in str(err.value) and "bad.yaml" in str(err.value)
    with pytest.raises(ConfigError):
        feeds_from_urls(["javascript:alert(1)"])
