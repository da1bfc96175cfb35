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


# -- crashes -------------------------------------------------------------------------------------

SETTINGS_TOML = """
[fetch]
allow_private = true
per_host_delay = 0.0
connect_timeout = 2.0
read_timeout = 2.0
[watch]
min_interval = 1.0
"""
ALL_EVENTS_RULE = "rules:\n  - name: everything\n    actions:\n      - log: {log}\n"


def _snapshot(db) -> dict:
    """What a watched store holds: articles, events, items and alerts, in forms two runs can compare."""
    with Store.open(db, read_only=True) as store:
        arts = store._dicts("SELECT id, url, source, text_hash FROM articles ORDER BY id")
        events = store._dicts("SELECT id, type, num_sources, num_mentions, num_articles, article_ids FROM events "
                              "ORDER BY id")
        items = store._dicts("SELECT url_key, status, article_id FROM watch_items ORDER BY url_key")
        fired = store._dicts("SELECT f.event_id, count(DISTINCT f.alert_id) AS alerts FROM watch_fired f "
                             "GROUP BY f.event_id ORDER BY f.event_id")
        undelivered = store._dicts("SELECT * FROM watch_deliveries WHERE status <> 'delivered'")
        counts = store.counts()
    return {"articles": arts, "events": events, "items": items, "fired": fired, "undelivered": undelivered,
            "failures": counts["failures"]}


def _kill_at_random_points(cmd, env, rng, kills):
    """Run ``cmd`` (a `dragoman watch --once`), SIGKILL it after a random progress line, ``kills`` times;
    then run it to its end.  The lines each killed run printed."""
    import signal
    import subprocess
    import time

    seen = []
    for k in range(kills + 1):
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        target = rng.randint(1, 12) if k < kills else None
        lines = []
        try:
            for line in proc.stderr:
                lines.append(line.rstrip())
                if target is not None and len(lines) >= target:
                    time.sleep(rng.random() * 0.2)  # somewhere after the line: inside a fetch, a coding, a commit
                    proc.send_signal(signal.SIGKILL)
                    break
            rc = proc.wait(timeout=120)
            lines += [line.rstrip() for line in proc.stderr]  # what it printed before it died
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        seen.append((rc, lines))
        if target is None:
            assert rc == 0, "\n".join(lines)
    return seen


def test_sigkill_at_random_points_then_restart_loses_and_duplicates_nothing(site, pipeline, tmp_path):
    import json
    import os
    import sys
    from pathlib import Path

    for feed in range(2):
        for n in range(4):
            site.add(f"/f{feed}.rss", feed * 4 + n)
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text("feeds:\n" + "".join(f"  - url: {site.url(f'/f{i}.rss')}\n    name: f{i}\n" for i in range(2)),
                     encoding="utf-8")
    settings = tmp_path / "settings.toml"
    settings.write_text(SETTINGS_TOML, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent / "src")}
    env.pop("DRAGOMAN_DB", None)

    def cmd(db, log):
        rules = tmp_path / f"rules-{db.stem}.yaml"
        rules.write_text(ALL_EVENTS_RULE.format(log=log), encoding="utf-8")
        return [sys.executable, "-m", "dragoman", "watch", "--feeds", str(feeds), "--rules", str(rules), "--db", str(db),
                "--settings", str(settings), "--once"]

    ref_db, ref_log = tmp_path / "ref.duckdb", tmp_path / "ref.jsonl"
    [(_rc, _lines)] = _kill_at_random_points(cmd(ref_db, ref_log), env, random.Random(0), kills=0)
    killed_db, killed_log = tmp_path / "killed.duckdb", tmp_path / "killed.jsonl"
    runs = _kill_at_random_points(cmd(killed_db, killed_log), env, random.Random(16), kills=4)
    assert sum(rc == -9 for rc, _ in runs) >= 2  # runs were really killed before their end
    ref, got = _snapshot(ref_db), _snapshot(killed_db)
    assert len(ref["articles"]) == 8 and len(ref["events"]) >= 6 and ref["failures"] == 0
    assert got == ref  # the same articles, events, items and alerts: nothing lost, nothing twice
    assert all(f["alerts"] == 1 for f in got["fired"]) and len(got["fired"]) == len(got["events"])
    assert got["undelivered"] == []
    ids = [json.loads(line)["id"] for line in killed_log.read_text().splitlines()]
    assert set(ids) == {json.loads(line)["id"] for line in ref_log.read_text().splitlines()}
    assert len(set(ids)) == len(ref["events"])  # a line may repeat after a kill (at least once), an alert is never lost
    pages = [p for p in site.pages if p.startswith("/f")]
    # a page is fetched again only when a kill came between its fetch and the commit of its round: never
    # after the round said it stored its pages
    refetched = sum(len(site.gets(p)) - 2 for p in pages)
    assert refetched <= sum(sum(line.startswith("fetched") for line in lines) for rc, lines in runs
                            if rc == -9 and not any(line.startswith("stored") for line in lines))


# -- rules and alerts ----------------------------------------------------------------------------

AFGHAN_RULES = """
rules:
  - name: afghan-talks
    filters:
      actor: [AFGGOV, AFGINS]
      type: [CONSULT, AGREE]
    again_when: [sources]
    actions:
      - webhook: {hook}
        secret_env: DRAGOMAN_TEST_SECRET
      - log: {log}
  - name: dead-hook
    filters:
      type: CONSULT
      actor: AFGINS
    actions:
      - webhook: {dead}
        secret_env: DRAGOMAN_TEST_SECRET
"""
SECOND_REPORT = ("Ashraf Ghani, the Afghan president, held talks with the Taliban leader Haibatullah Akhundzada in "
                 "Doha on Tuesday, diplomats told reporters.")


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_webhook_down_for_rounds_gets_every_alert_once_up_signed_with_one_key(site, pipeline, db_path, tmp_path,
                                                                             monkeypatch):
    import hashlib
    import hmac
    import json

    from watch_support import Receiver

    from dragoman.watch import load_rules

    monkeypatch.setenv("DRAGOMAN_TEST_SECRET", "s3cret")
    receiver = Receiver()  # down
    log = tmp_path / "alerts.jsonl"
    rules_file = tmp_path / "rules.yaml"
    rules_file.write_text(AFGHAN_RULES.format(hook=receiver.url, log=log, dead=f"http://127.0.0.1:{_free_port()}/x"),
                          encoding="utf-8")
    rules = load_rules(rules_file)
    site.add("/wire.rss", 0, outlet="Daily Wire")  # the Afghan talks
    site.add("/wire.rss", 1, outlet="Daily Wire")  # Pakistan and Turkey: no alert
    site.add("/times.rss", 2, outlet="Kabul Times")  # Kenya and Somalia: no alert
    clock = FakeClock()
    try:
        with Store.open(db_path) as store:
            w = _watcher(store, [Feed(site.url("/wire.rss"), "wire", 60), Feed(site.url("/times.rss"), "times", 60)],
                         pipeline, clock, rules=rules, webhook_attempts=10, webhook_backoff=10,
                         webhook_max_backoff=40)
            r = w.run_round()
            assert [a["rule"] for a in r.alerts] == ["afghan-talks", "dead-hook"]
            first = r.alerts[0]
            assert first["reason"] == "first match" and first["event"]["type"] == "CONSULT"
            assert "Taliban" in first["evidence"] and "Ashraf Ghani" in first["event"]["sources"] and first["event"]["num_sources"] == 1
            for _ in range(3):  # down for several rounds: retried with backoff, nothing lost
                clock.sleep(w.next_wake() - clock.time())
                w.run_round()
            assert receiver.posts and all(s == 503 for _, _, s in receiver.posts)
            # a second outlet reports the same meeting: the event gains a source, the rule fires again
            site.add("/times.rss", 3, outlet="Kabul Times", lead=SECOND_REPORT, title="Talks in Doha")
            clock.sleep(61 * 1.1)
            r = w.run_round()
            assert [(a["rule"], a["reason"]) for a in r.alerts] == [("afghan-talks", "gained sources 1 -> 2")]
            second = r.alerts[0]
            assert second["event"]["num_sources"] == 2 and second["id"] != first["id"]
            receiver.down = False
            receiver.fail_first = {second["id"]}  # read, then answered 500: the retry carries the same key
            state = WatchState(store)
            for _ in range(40):
                if not state.delivery_counts().get("pending"):
                    break
                clock.sleep(w.next_wake() - clock.time())
                r = w.run_round()
                assert r.alerts == []  # nothing fires twice
            assert state.delivery_counts() == {"delivered": 4, "failed": 1}
            [dead] = state.alerts(status="failed")
            assert dead["rule"] == "dead-hook" and dead["deliveries"][0]["attempts"] == 10
            w.close()
    finally:
        receiver.close()
    ok = [(h, b) for h, b, s in receiver.posts if s == 200]
    assert sorted(h["idempotency-key"] for h, _ in ok) == sorted([first["id"], second["id"]])  # each once
    for h, body, _ in receiver.posts:
        want = "sha256=" + hmac.new(b"s3cret", body, hashlib.sha256).hexdigest()
        assert hmac.compare_digest(h["x-dragoman-signature"], want)
        assert json.loads(body)["id"] == h["idempotency-key"]
    for key in (first["id"], second["id"]):
        tries = [(h, b) for h, b, _ in receiver.posts if h["idempotency-key"] == key]
        assert len(tries) > 1 and len({b for _, b in tries}) == 1  # repeats: the same key, the same bytes
        assert [int(h["x-dragoman-attempt"]) for h, _ in tries] == list(range(1, len(tries) + 1))
    assert [json.loads(line)["id"] for line in log.read_text().splitlines()] == [first["id"], second["id"]]


def test_rule_errors_name_the_rule_and_the_fix(tmp_path, monkeypatch):
    from dragoman.watch import load_rules

    monkeypatch.delenv("NO_SUCH_SECRET", raising=False)
    cases = [
        ("rules:\n  - name: r\n    filters: {colour: red}\n", "unknown filter 'colour'"),
        ("rules:\n  - name: r\n    filters: {quad: 7}\n", "between 1 and 4"),
        ("rules:\n  - name: r\n    filters: {since: 2020-13-01}\n", "month must be in 1..12"),
        ("rules:\n  - name: r\n    filters: {until: '2020-02-30'}\n", "not a valid date"),
        ("rules:\n  - name: r\n    filters: {min_sources: 0}\n", "min_sources"),
        ("rules:\n  - name: r\n    again_when: [likes]\n", "again_when"),
        ("rules:\n  - name: r\n    actions: [email]\n", "unknown action"),
        ("rules:\n  - name: r\n    actions: [{webhook: 'http://h/x'}]\n", "secret_env"),
        ("rules:\n  - name: r\n    actions: [{webhook: 'http://h/x', secret_env: NO_SUCH_SECRET}]\n",
         "NO_SUCH_SECRET is not set"),
        ("rules:\n  - name: r\n  - name: r\n", "used twice"),
        ("rules:\n  - filters: {}\n", "name"),
    ]
    for text, why in cases:
        path = tmp_path / "rules.yaml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ConfigError) as err:
            load_rules(path)
        assert why in str(err.value) and "rules.yaml" in str(err.value), (text, str(err.value))


def test_new_rule_fires_on_what_comes_next_or_with_backfill_on_everything_stored(site, pipeline, db_path, tmp_path,
                                                                                 monkeypatch):
    from dragoman.watch import alerts as alerting
    from dragoman.watch import load_rules

    for n in range(4):
        site.add("/b.rss", n)
    rules_file = tmp_path / "rules.yaml"
    rules_file.write_text("rules:\n  - name: from-now\n    actions: [{{log: {}}}]\n  - name: backfilled\n"
                          "    actions: [{{log: {}}}]\n".format(tmp_path / "now.jsonl", tmp_path / "all.jsonl"), encoding="utf-8")
    clock = FakeClock()
    with Store.open(db_path) as store:
        w = _watcher(store, [Feed(site.url("/b.rss"), "b")], pipeline, clock)
        w.run_round()
        w.close()
        n_events = store.counts()["events"]
        assert n_events >= 4
        monkeypatch.setattr(alerting, "PAGE", 2)  # the changed events are read two at a time
        rules = load_rules(rules_file)
        w = Watcher(store, [Feed(site.url("/b.rss"), "b")], rules[:1], watch_settings(), clock=clock, pipeline=pipeline)
        assert w.run_round().alerts == []  # a new rule: only what changes from now on
        w.close()
        w = Watcher(store, [Feed(site.url("/b.rss"), "b")], rules[1:], watch_settings(), clock=clock, pipeline=pipeline,
                    backfill=True, out=lambda line: None)
        fired = w.run_round().alerts
        assert len(fired) == n_events and len({a["event"]["id"] for a in fired}) == n_events
        assert w.run_round().alerts == []  # once per event
        site.add("/b.rss", 4)
        clock.sleep(200)
        assert [a["reason"] for a in w.run_round().alerts] == ["first match"] * (store.counts()["events"] - n_events)
        w.close()


def test_items_over_the_cap_wait_for_the_next_poll_and_robots_are_read_again_daily(site, pipeline, db_path):
    for n in range(5):
        site.add("/many.rss", n)
    clock = FakeClock()
    with Store.open(db_path) as store:
        w = _watcher(store, [Feed(site.url("/many.rss"), "many", 60)], pipeline, clock, max_items_per_poll=3)
        [p] = w.run_round().polls
        assert (p.entries, p.new, p.stored) == (5, 3, 3)
        clock.sleep(70)
        [p] = w.run_round().polls  # the feed has not changed, but it is read again: two items were left
        assert p.status == "ok" and (p.new, p.stored) == (2, 2) and store.counts()["articles"] == 5
        assert len(site.gets("/robots.txt")) == 1
        clock.sleep(86_400)
        [p] = w.run_round().polls
        assert p.status == "not_modified" and len(site.gets("/robots.txt")) == 2
        w.close()


def test_entries_relative_links_sitemap_index_and_unsafe_xml():
    from dragoman.errors import EmptyInputError, FormatError
    from dragoman.watch.entries import read_entries

    rss = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
           b"<item><title>A</title><link>/news/a.html?utm_source=rss</link></item></channel></rss>")
    [e] = read_entries(rss, "https://example.org/feeds/world.xml")
    assert e.link == "https://example.org/news/a.html?utm_source=rss" and e.url_key == "https://example.org/news/a.html"
    index = (b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             b"<sitemap><loc>https://example.org/news.xml</loc></sitemap></sitemapindex>")
    with pytest.raises(FormatError, match="sitemap index"):
        read_entries(index, "https://example.org/sitemap.xml")
    plain = (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             b"<url><loc>https://example.org/about</loc></url></urlset>")
    with pytest.raises(EmptyInputError, match="news:news"):
        read_entries(plain, "https://example.org/sitemap.xml")
    bomb = (b'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY a "aaaa">]>'
            b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&a;</loc></url></urlset>')
    with pytest.raises(FormatError, match="DTD"):
        read_entries(bomb, "https://example.org/sitemap.xml")


def test_near_duplicate_window_bounds_the_index_a_watcher_keeps(db_path):
    from dragoman.model import Article

    words = ["The", "foreign", "ministers", "of", "two", "neighbouring", "countries", "met", "on", "Tuesday", "to", "discuss", "trade"]

    def story(n: int, copy: bool = False) -> Article:
        rng = random.Random(n)
        text = " ".join(rng.choice(words) for _ in range(120)) + (" Reported by a second outlet." if copy else "")
        return Article(id=f"a{n}{'c' if copy else ''}", text=text, url=f"https://site{int(copy)}.example/{n}")

    for window, linked in ((None, True), (2, False)):
        path = db_path.with_name(f"w{window}.duckdb")
        with Store.open(path) as store:
            store.dedup_window = window
            store.ingest([story(0), story(1), story(2), story(3)])
            store.ingest([story(0, copy=True)])  # a copy of the first article, four articles later
            assert len(store._index) == (5 if window is None else 2)
            dup = store._dicts("SELECT duplicate_of FROM articles WHERE id = 'a0c'")[0]["duplicate_of"]
            assert (dup == "a0") is linked
        with Store.open(path) as store:  # reopened: only the window is loaded
            store.dedup_window = window
            store.ingest([story(4)])
            assert len(store._index) == (6 if window is None else 2)
