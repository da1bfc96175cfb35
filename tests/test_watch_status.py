"""What the watcher did, shown: ``dragoman watch --status`` (from the store, or from the running watcher's
status file while it holds the store), ``dragoman alerts``, ``GET /api/watch`` and the dashboard's panel
in Debian's Chromium (feed names and evidence from the news shown as text, never run)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from watch_support import NewsSite, watch_settings

from dragoman.api import ServerThread, create_app
from dragoman.cli import main
from dragoman.store import Store
from dragoman.watch import FakeClock, Feed, Watcher, load_rules

HOSTILE = '<img src=x onerror="window.__pwned=1"> [/b]'
RULES = """
rules:
  - name: afghan-talks
    filters: {actor: [AFGGOV, AFGINS], type: [CONSULT, AGREE]}
    actions: [{log: %s}]
"""


@pytest.fixture(scope="module")
def watched(tmp_path_factory, pipeline):
    """A store a watcher filled: one feed that works (with a hostile name), one that fails, one alert."""
    tmp = tmp_path_factory.mktemp("watched")
    site = NewsSite()
    site.add("/ok.rss", 0)  # the Afghan talks
    site.add("/ok.rss", 1)
    site.down.add("/down.rss")
    rules_file = tmp / "rules.yaml"
    rules_file.write_text(RULES % (tmp / "alerts.jsonl"), encoding="utf-8")
    db = tmp / "w.duckdb"
    clock = FakeClock()
    with Store.open(db) as store:
        w = Watcher(store, [Feed(site.url("/ok.rss"), HOSTILE), Feed(site.url("/down.rss"), "down")],
                    load_rules(rules_file), watch_settings(), clock=clock, rng=random.Random(3), pipeline=pipeline,
                    out=lambda line: None)
        w.run_round()
        clock.sleep(70)  # past both feeds' next poll (60 s, jittered by at most 10%)
        w.run_round()
        w.close()
    yield db, site
    site.close()


def test_status_and_alerts_commands(watched):
    db, site = watched
    runner = CliRunner()
    r = runner.invoke(main, ["watch", "--status", "--db", str(db), "--format", "json"])
    assert r.exit_code == 0, r.output
    st = json.loads(r.output)
    feeds = {f["url"]: f for f in st["feeds"]}
    ok, down = feeds[site.url("/ok.rss")], feeds[site.url("/down.rss")]
    assert ok["name"] == HOSTILE and ok["items_seen"] == 2 and ok["failures"] == 0 and ok["polls"] == 2
    assert ok["not_modified"] == 1 and ok["next_poll"] > ok["last_poll"]
    assert down["failures"] == 2 and "503" in down["last_error"] and down["items_seen"] == 0
    [rule] = st["rules"]
    assert rule["name"] == "afghan-talks" and rule["fired"] == 1 and rule["last_fired"]
    assert st["deliveries"] == {"delivered": 1} and st["source"] == "store"
    table = runner.invoke(main, ["watch", "--status", "--db", str(db)])
    assert table.exit_code == 0 and "afghan-talks" in table.output and "503" in table.output
    assert "[/b]" in table.output  # a feed's name is text, not table markup

    r = runner.invoke(main, ["alerts", "--db", str(db), "--format", "json"])
    assert r.exit_code == 0, r.output
    [alert] = json.loads(r.output)
    assert alert["rule"] == "afghan-talks" and alert["reason"] == "first match" and alert["type"] == "CONSULT"
    assert "Ashraf Ghani" in alert["evidence"] and "Taliban" in alert["evidence"]
    assert alert["deliveries"] == [{"action": "log", "target": alert["deliveries"][0]["target"], "status": "delivered",
                                    "attempts": 1, "last_error": None}]
    assert json.loads(runner.invoke(main, ["alerts", "--db", str(db), "--failed", "--format", "json"]).output) == []
    table = runner.invoke(main, ["alerts", "--db", str(db)])
    assert table.exit_code == 0 and "Ashraf Ghani" in table.output and "log delivered" in table.output


def test_api_watch(watched):
    db, _site = watched
    with ServerThread(create_app(db)) as srv:
        body = httpx.get(srv.url + "/api/watch", timeout=30).json()
        assert httpx.get(srv.url + "/api/watch", params={"alerts": 1000}, timeout=30).status_code == 422
    assert {f["name"] for f in body["feeds"]} == {HOSTILE, "down"}
    [alert] = body["latest_alerts"]
    assert alert["rule"] == "afghan-talks" and "Taliban" in alert["evidence"]
    assert alert["deliveries"][0]["status"] == "delivered" and body["rules"][0]["fired"] == 1


@pytest.mark.browser
def test_dashboard_watch_panel_shows_news_text_as_text(watched, pipeline):
    chromium = os.environ.get("DRAGOMAN_CHROMIUM", "/usr/bin/chromium")
    if not Path(chromium).exists():
        pytest.fail(f"{chromium} is missing: install Debian's chromium (make browser)")
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    from playwright.sync_api import sync_playwright

    db, _ = watched
    errors: list[str] = []
    with ServerThread(create_app(db, pipeline=pipeline)) as srv, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(srv.url + "/")
            page.wait_for_selector("body[data-ready='1']")
            panel = page.locator("#watch-panel")
            assert panel.is_visible()
            rows = page.locator("#watch-feeds tbody tr")
            assert rows.count() == 2
            names = [rows.nth(i).locator("td").first.inner_text() for i in range(2)]
            assert HOSTILE in names  # the name shown as it is written, not made an element
            assert page.locator("#watch-feeds img").count() == 0 and page.evaluate("window.__pwned") is None
            assert "failing (2 in a row)" in panel.inner_text()
            alerts = page.locator("#watch-alerts li")
            assert alerts.count() == 1 and "afghan-talks" in alerts.first.inner_text()
            assert "Ashraf Ghani" in alerts.first.locator(".evidence").inner_text()
        finally:
            browser.close()
    assert errors == []


def test_status_while_a_watcher_holds_the_store_and_sigterm_stops_it(tmp_path):
    site = NewsSite()
    site.feeds["/empty.rss"] = []  # nothing to code: the watcher never loads the model
    settings = tmp_path / "s.toml"
    settings.write_text("[fetch]\nallow_private = true\nper_host_delay = 0.0\n[watch]\nmin_interval = 0.2\n",
                        encoding="utf-8")
    db = tmp_path / "held.duckdb"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "dragoman", "watch", site.url("/empty.rss"), "--db", str(db),
                             "--settings", str(settings), "--interval", "0.2"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        side = Path(str(db) + ".watch.json")
        deadline = time.monotonic() + 60  # a hang guard
        while not (side.exists() and json.loads(side.read_text())["feeds"][0]["polls"] >= 2):
            assert proc.poll() is None, proc.stderr.read()
            assert time.monotonic() < deadline, "the watcher wrote no status"
            time.sleep(0.1)
        r = CliRunner().invoke(main, ["watch", "--status", "--db", str(db), "--format", "json"])
        assert r.exit_code == 0, r.output
        st = json.loads(r.output)
        assert st["source"].startswith("status file of the running watcher") and st["pid"] == proc.pid
        assert st["feeds"][0]["url"] == site.url("/empty.rss") and st["feeds"][0]["last_status"] in ("ok", "not_modified")
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0 and "stopping (SIGTERM)" in err
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        site.close()


def test_watcher_over_its_memory_limit_starts_afresh_losing_nothing(tmp_path):
    site = NewsSite()
    site.add("/one.rss", 0)
    settings = tmp_path / "s.toml"
    settings.write_text("[fetch]\nallow_private = true\nper_host_delay = 0.0\n"
                        "[watch]\nmin_interval = 0.2\ngather = 0.0\nmax_memory_mb = 1.0\n", encoding="utf-8")
    db = tmp_path / "afresh.duckdb"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "dragoman", "watch", site.url("/one.rss"), "--db", str(db),
                             "--settings", str(settings), "--interval", "0.2"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    try:
        deadline = time.monotonic() + 120  # a hang guard
        for line in proc.stderr:
            lines.append(line.rstrip())
            if sum(line.startswith("not modified") for line in lines) >= 2:  # polled again after the restart
                break
            assert time.monotonic() < deadline, "\n".join(lines)
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=60)
        assert proc.returncode == 0, "\n".join(lines)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        site.close()
    afresh = [i for i, line in enumerate(lines) if "starting afresh" in line]
    assert len(afresh) == 1, "\n".join(lines)  # once: the rounds after it stored nothing
    assert sum(line.startswith("watching 1 feeds") for line in lines[afresh[0]:]) == 1  # the same command again
    with Store.open(db, read_only=True) as store:
        assert store.counts()["articles"] == 1
    assert len(site.gets("/one/story-0.html")) == 1


def test_serve_watch_runs_the_watcher_in_the_server_live_on_api_watch(tmp_path, pipeline):
    site = NewsSite()
    site.add("/live.rss", 0)  # the Afghan talks
    rules_file = tmp_path / "rules.yaml"
    rules_file.write_text(RULES % (tmp_path / "alerts.jsonl"), encoding="utf-8")
    db = tmp_path / "served.duckdb"
    feeds = [Feed(site.url("/live.rss"), "live", 1.0)]
    settings = watch_settings()
    try:
        with ServerThread(create_app(db, pipeline=pipeline, settings=settings,
                                     watch=(feeds, load_rules(rules_file)))) as srv:
            deadline = time.monotonic() + 60  # a hang guard
            while True:
                body = httpx.get(srv.url + "/api/watch", timeout=30).json()
                if body["latest_alerts"]:
                    break
                assert time.monotonic() < deadline, body
                time.sleep(0.2)
            assert body["feeds"][0]["items_seen"] == 1 and body["rules"][0]["fired"] == 1
            assert httpx.get(srv.url + "/api/stats", timeout=30).json()["articles"] == 1
            assert "Ashraf Ghani" in body["latest_alerts"][0]["evidence"]
            before = httpx.get(srv.url + "/api/events", timeout=30).json()["total"]  # cached now
            site.add("/live.rss", 1)  # read at the next poll, a second later
            while httpx.get(srv.url + "/api/stats", timeout=30).json()["articles"] < 2:
                assert time.monotonic() < deadline
                time.sleep(0.2)
            # the response cache is emptied after the round that stored it, which ends a little after the article
            # is counted: poll until then (it failed once on a loaded machine, read between the two), fail if never
            while (after := httpx.get(srv.url + "/api/events", timeout=30).json()["total"]) <= before:
                assert time.monotonic() < deadline, (before, after)
                time.sleep(0.2)
    finally:
        site.close()
    with Store.open(db, read_only=True) as store:  # the thread stopped with the server and closed nothing twice
        assert store.counts()["articles"] == 2
