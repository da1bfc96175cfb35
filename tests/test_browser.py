"""The dashboard in a real browser: Debian's Chromium driven by Playwright against the app on 127.0.0.1.

The store is filled from the bundled sample articles by the real pipeline.  The test loads the
dashboard, filters by an actor, opens an event and checks its evidence is highlighted in the
article with the rule and confidence shown; screenshots go to ``tests/artifacts/``.
Playwright never downloads a browser: it launches ``/usr/bin/chromium`` (``make browser``).
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import httpx
import pytest
from conftest import SAMPLES_DIR

from dragoman.api import ServerThread, create_app
from dragoman.store import Store

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("DRAGOMAN_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory, pipeline):
    from dragoman.ingest import read_inputs

    db = tmp_path_factory.mktemp("browser") / "demo.duckdb"
    with Store.open(db) as store:
        counts = store.ingest(pipeline.run_many(read_inputs([str(SAMPLES_DIR)], pipeline.settings)))
    assert counts["articles"] >= 5 and counts["events"] >= 10, counts
    with ServerThread(create_app(db, pipeline=pipeline)) as srv:
        yield srv


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (make browser)")
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


def _actor_to_filter(url: str) -> dict:
    """A named actor with a country that takes part in several events, chosen from the data."""
    actors = httpx.get(url + "/api/actors", params={"limit": 50}).json()["actors"]
    named = [a for a in actors if a["country"] and a["name"][:1].isupper() and a["events"] >= 2]
    assert named, actors
    return named[0]


def _page(browser, url: str, width: int, height: int, errors: list[str]):
    page = browser.new_page(viewport={"width": width, "height": height})
    page.on("pageerror", lambda e: errors.append(f"page error: {e}"))
    page.on("console", lambda m: errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)

    def no_outside(route):  # the dashboard must work offline: nothing but this server
        if route.request.url.startswith(url):
            route.continue_()
        else:
            errors.append(f"request outside the server: {route.request.url}")
            route.abort()

    page.route("**/*", no_outside)
    return page


def test_dashboard_filter_open_event_see_evidence(demo_server, browser, artifacts):
    url = demo_server.url
    errors: list[str] = []
    page = _page(browser, url, 1366, 900, errors)
    page.goto(url + "/")
    page.wait_for_selector("body[data-ready='1']")
    total = httpx.get(url + "/api/events").json()["total"]
    assert page.locator("#events-count").inner_text().startswith(f"{total:,}")
    assert page.locator("#timeline svg g.bar").count() >= 1
    assert page.locator("#network svg g.node").count() >= 2
    assert page.locator("#map svg path.land").count() == 1
    page.screenshot(path=str(artifacts / "dashboard.png"), full_page=True)

    # filter by an actor
    actor = _actor_to_filter(url)
    expected = httpx.get(url + "/api/events", params={"actor": actor["name"], "limit": 25}).json()
    page.fill("#f-actor", actor["name"])
    page.click("#apply")
    page.wait_for_function("n => document.querySelector('#events-count').textContent.startsWith(n)",
                           arg=f"{expected['total']:,} match")
    rows = page.locator("#events tbody tr[data-id]")
    assert rows.count() == len(expected["events"])
    assert [rows.nth(i).get_attribute("data-id") for i in range(rows.count())] == [e["id"] for e in expected["events"]]
    assert "actor=" in page.evaluate("location.hash")
    csv_href = page.locator("#dl-csv").get_attribute("href")
    downloaded = list(csv.DictReader(io.StringIO(httpx.get(url + csv_href).text)))
    assert len(downloaded) == expected["total"]
    page.screenshot(path=str(artifacts / "dashboard-filtered.png"), full_page=True)

    # open the first event: its evidence is marked in the article, with rule and confidence
    first = expected["events"][0]
    event = httpx.get(url + f"/api/events/{first['id']}").json()
    rows.first.click()
    page.wait_for_selector("#article mark.evidence.current")
    marked = page.locator("#article mark.evidence.current").all_inner_texts()
    mention = event["mentions"][0]
    assert "".join(marked).replace("\n", " ").strip().startswith(mention["sentence"][:20].strip())
    trigger = page.locator("#article mark.evidence.current b.trigger").all_inner_texts()
    assert mention["trigger_text"] in "".join(trigger)
    assert page.locator("#event-rule").inner_text() == (event["rule"] or "—")
    assert page.locator("#event-confidence").inner_text() == f"{event['confidence']:.2f}"
    assert page.locator("#article .event-list li.current").count() >= 1
    page.screenshot(path=str(artifacts / "dashboard-event.png"), full_page=True)

    # reload from the URL: the same view comes back
    page.reload()
    page.wait_for_selector("#article mark.evidence.current")
    assert page.locator("#f-actor").input_value() == actor["name"]
    assert not errors, errors
    page.close()


def test_dashboard_fits_a_phone(demo_server, browser, artifacts):
    errors: list[str] = []
    page = _page(browser, demo_server.url, 390, 844, errors)
    page.goto(demo_server.url + "/")
    page.wait_for_selector("body[data-ready='1']")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.locator("#timeline svg").bounding_box()["width"] <= 390
    # no two nodes of the network on top of each other on a narrow screen
    gap = page.evaluate("""() => { const p = [...document.querySelectorAll('#network svg g.node')].map(g =>
        g.getAttribute('transform').match(/[-0-9.]+/g).map(Number)); let m = 1e9;
        for (let i = 0; i < p.length; i++) for (let j = i + 1; j < p.length; j++)
          m = Math.min(m, Math.hypot(p[i][0] - p[j][0], p[i][1] - p[j][1])); return m; }""")
    assert gap >= 20, gap
    # the network is clickable: a node sets the actor filter
    node = page.locator("#network svg g.node").first
    name = node.get_attribute("data-name")
    node.locator("circle").click()
    page.wait_for_function("n => document.querySelector('#f-actor').value === n", arg=name)
    page.screenshot(path=str(artifacts / "dashboard-phone.png"), full_page=True)
    assert not errors, errors
    page.close()
