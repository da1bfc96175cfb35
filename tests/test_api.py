"""The web API over a real DuckDB store, served by uvicorn on 127.0.0.1 and called over HTTP.

The read endpoints run over hand-built coded articles (``test_api_data``), so they need no model;
extract and ingest use the session's real spaCy pipeline.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from conftest import stop_server, wait_for_sidecar
from test_api_data import STORIES, build_article, build_articles

from dragoman.api import Limits, ServerThread, create_app
from dragoman.errors import StoreLockedError
from dragoman.store import Store

TOKEN = "t0ken-for-tests"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    db = tmp_path_factory.mktemp("api") / "api.duckdb"
    with Store.open(db) as store:
        store.ingest(build_articles())
    app = create_app(db, token=TOKEN, limits=Limits(max_body=200_000, max_page_size=100))
    with ServerThread(app) as srv, httpx.Client(base_url=srv.url, timeout=30) as client:
        yield client


def _json_error(r: httpx.Response, status: int) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"error", "detail"}
    assert "Traceback" not in r.text
    return body


def test_openapi_describes_every_endpoint(served):
    spec = served.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/actors", "/api/timeline", "/api/articles/{article_id}",
                 "/api/extract", "/api/ingest", "/api/export", "/api/network", "/api/places"):
        assert path in spec["paths"], path
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "country", "sector", "type", "quad", "since", "until", "place", "text", "limit", "offset",
            "sort", "order", "include_negated", "include_hypothetical"} <= params
    assert "HTTPBearer" in json.dumps(spec["components"]["securitySchemes"])


def test_events_filters_pages_and_sorts(served):
    everything = served.get("/api/events", params={"limit": 100}).json()
    assert everything["total"] == 13  # 14 coded, one negated: left out by default
    assert len(everything["events"]) == 13
    assert served.get("/api/events", params={"include_negated": True}).json()["total"] == 14

    kenya = served.get("/api/events", params={"actor": "Kenya"}).json()
    assert kenya["total"] == 3
    assert all(e["sources"][0]["name"] == "Kenya" for e in kenya["events"])
    assert served.get("/api/events", params={"quad": 4}).json()["total"] == 2
    assert served.get("/api/events", params={"type": "CONSULT"}).json()["total"] == 3
    assert served.get("/api/events", params={"since": "2024-03-15", "until": "2024-03-18"}).json()["total"] == 4
    assert served.get("/api/events", params={"place": "Geneva"}).json()["total"] == 2
    assert served.get("/api/events", params={"text": "ceasefire"}).json()["total"] == 1
    assert served.get("/api/events", params={"country": "SOM"}).json()["total"] == 2

    # pages tile the result set, in order
    pages = [served.get("/api/events", params={"limit": 5, "offset": o, "sort": "date", "order": "asc"}).json()
             for o in (0, 5, 10)]
    ids = [e["id"] for p in pages for e in p["events"]]
    assert len(ids) == len(set(ids)) == 13
    dates = [e["date"] for p in pages for e in p["events"]]
    assert dates == sorted(dates)
    desc = served.get("/api/events", params={"limit": 100, "sort": "date", "order": "desc"}).json()["events"]
    assert [e["date"] for e in desc] == sorted(dates, reverse=True)


def test_event_detail_has_mentions_and_evidence(served):
    row = served.get("/api/events", params={"type": "ASSAULT"}).json()["events"][0]
    ev = served.get(f"/api/events/{row['id']}").json()
    assert ev["id"] == row["id"] and ev["type"] == "ASSAULT"
    assert ev["sources"][0]["name"] == "Al-Shabaab"
    (m,) = ev["mentions"]
    article = served.get(f"/api/articles/{m['article_id']}").json()
    assert article["text"][m["start"]:m["end"]] == m["sentence"]
    assert article["text"][m["trigger"][0]:m["trigger"][1]] == "attacked"
    assert article["title"] == "Militants attack army base near Mogadishu"
    assert any(e.get("event_id") == ev["id"] for e in article["events"])


def test_unknown_ids_and_paths_are_json_404(served):
    assert _json_error(served.get("/api/events/ev-nope"), 404)["error"] == "not_found"
    assert _json_error(served.get("/api/articles/art-nope"), 404)["error"] == "not_found"
    _json_error(served.get("/api/nothing-here"), 404)
    _json_error(served.delete("/api/events"), 405)


@pytest.mark.parametrize("params", [
    {"limit": 101}, {"limit": 0}, {"offset": -1}, {"since": "2024-13-45"}, {"quad": 7}, {"sort": "bogus"},
    {"order": "sideways"}, {"since": "2024-03-20", "until": "2024-03-01"}, {"include_negated": "perhaps"},
])
def test_bad_parameters_are_json_errors(served, params):
    body = _json_error(served.get("/api/events", params=params), 422)
    assert body["detail"]


def test_timeline_actors_network_places(served):
    days = served.get("/api/timeline").json()["days"]
    assert sum(d["total"] for d in days) == 13
    assert {d["date"] for d in days} == {s["published"] for s in STORIES}
    march14 = next(d for d in days if d["date"] == "2024-03-14")
    assert (march14["q3"], march14["q4"]) == (1, 1)

    actors = served.get("/api/actors", params={"limit": 3}).json()["actors"]
    assert len(actors) == 3 and actors[0]["events"] >= actors[-1]["events"]
    assert {"Kenya", "Ethiopia"} <= {a["name"] for a in served.get("/api/actors").json()["actors"]}

    net = served.get("/api/network").json()
    names = {n["id"]: n["name"] for n in net["nodes"]}
    edge = next(e for e in net["edges"] if {names[e["source"]], names[e["target"]]} == {"Kenya", "Ethiopia"})
    assert (edge["count"], edge["coop"], edge["conflict"]) == (3, 3, 0)
    shabaab = next(e for e in net["edges"] if "Al-Shabaab" in {names[e["source"]], names[e["target"]]}
                   and "Somali army" in {names[e["source"]], names[e["target"]]})
    assert shabaab["conflict"] == 1

    places = served.get("/api/places", params={"quad": 4}).json()["places"]
    assert {p["name"] for p in places} == {"Mogadishu", "Caracas"}
    assert all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in places)


def test_export_csv_and_json_follow_the_filters(served):
    r = served.get("/api/export", params={"format": "csv", "actor": "Kenya"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 3 and {row["source_names"] for row in rows} == {"Kenya"}
    js = served.get("/api/export", params={"format": "json", "quad": 4}).json()
    assert sorted(e["type"] for e in js) == ["ASSAULT", "COERCE"]
    lines = served.get("/api/export", params={"format": "plover"}).text.splitlines()
    assert len(lines) == 13 and json.loads(lines[0])["event_type"]


def test_ingest_needs_the_token(served):
    body = {"text": "Someone met someone else in a city on Monday."}
    r = served.post("/api/ingest", json=body)
    assert _json_error(r, 401)["error"] == "unauthorized"
    assert r.headers["www-authenticate"] == "Bearer"
    _json_error(served.post("/api/ingest", json=body, headers={"Authorization": "Bearer wrong"}), 401)
    _json_error(served.post("/api/ingest", content=b"{not json", headers={"Content-Type": "application/json"}), 401)
    _json_error(served.post("/api/ingest", json=body, headers={"Authorization": f"Basic {TOKEN}"}), 401)


def test_writes_are_off_without_a_token(tmp_path, monkeypatch):
    monkeypatch.delenv("DRAGOMAN_API_TOKEN", raising=False)
    with ServerThread(create_app(tmp_path / "off.duckdb")) as srv:
        r = httpx.post(srv.url + "/api/ingest", json={"text": "x"}, headers={"Authorization": "Bearer anything"})
        body = _json_error(r, 403)
        assert "--token" in body["detail"]


def test_the_token_can_come_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("DRAGOMAN_API_TOKEN", "from-env")
    with ServerThread(create_app(tmp_path / "env.duckdb")) as srv:
        r = httpx.post(srv.url + "/api/ingest", json=[], headers={"Authorization": "Bearer from-env"})
        assert r.status_code == 422  # past the guard: an empty list is refused on its own merits
        _json_error(httpx.post(srv.url + "/api/ingest", json=[], headers={"Authorization": "Bearer other"}), 401)


def test_oversized_bodies_get_413(served):
    big = {"text": "word " * 60_000}  # 300 kB, over this server's 200 kB limit
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert _json_error(served.post("/api/ingest", json=big, headers=auth), 413)["error"] == "too_large"
    _json_error(served.post("/api/extract", json=big), 413)

    def chunks():  # no Content-Length: the limit must count the streamed bytes
        for _ in range(40):
            yield b"x" * 10_000

    r = served.post("/api/extract", content=chunks(), headers={"Content-Type": "application/json"})
    _json_error(r, 413)


def test_static_dashboard_is_local(served):
    html = served.get("/").text
    assert "<script src=\"/static/app.js\">" in html
    for asset in ("/static/app.js", "/static/style.css", "/static/land-110m.json", "/static/LICENSE-world-atlas.txt"):
        assert served.get(asset).status_code == 200, asset
    for text in (html, served.get("/static/app.js").text, served.get("/static/style.css").text):
        assert "https://" not in text and "http://" not in text.replace("http://www.w3.org/2000/svg", "")


# -- with the real model ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def writable(tmp_path_factory, pipeline):
    db = tmp_path_factory.mktemp("ingest") / "ingest.duckdb"
    app = create_app(db, token=TOKEN, pipeline=pipeline)
    with ServerThread(app) as srv, \
            httpx.Client(base_url=srv.url, timeout=120, headers={"Authorization": f"Bearer {TOKEN}"}) as client:
        yield client


def test_extract_codes_text_and_html_without_storing(writable):
    text = ("ISLAMABAD - Pakistan's foreign minister met Iran's foreign minister in Islamabad on Monday to discuss "
            "border security.")
    rec = writable.post("/api/extract", json={"text": text, "published": "2024-03-18", "id": "mine-1"}).json()
    assert rec["id"] == "mine-1" and rec["text"] == text
    assert rec["reference_date"]["date"] == "2024-03-18"
    for ev in rec["events"]:
        for e in ev["evidence"]:
            assert 0 <= e["start"] < e["end"] <= len(text)
    page = ("<html><head><title>Border talks</title><meta property='og:title' content='Pakistan and Iran discuss the border'>"
            "</head><body><nav>Home | World</nav><article><h1>Pakistan and Iran discuss the border</h1>"
            f"<p>{text}</p><p>The two ministers agreed to meet again next month in Tehran, officials said on Monday "
            "after the talks, which lasted four hours and covered trade across the frontier.</p></article></body></html>")
    rec2 = writable.post("/api/extract", json={"html": page, "url": "https://news.example/border"}).json()
    assert "Home | World" not in rec2["text"] and "Pakistan" in rec2["text"]
    assert writable.get("/api/stats").json()["articles"] == 0  # nothing stored
    _json_error(writable.post("/api/extract", json={"title": "no text"}), 422)
    _json_error(writable.post("/api/extract", json={"text": "   "}), 422)


def test_ingest_stores_and_readers_see_whole_batches(writable):
    before = writable.get("/api/stats").json()
    assert before["articles"] == 0
    articles = []
    for i in range(30):
        s = STORIES[i % len(STORIES)]
        articles.append({"id": f"batch-{i}", "text": s["text"] + f" This is report number {i}.",
                         "title": s["title"], "published": s["published"]})
    seen: list[tuple[int, int, int]] = []
    problems: list[str] = []
    stop = threading.Event()

    params = {"limit": 1000, "include_negated": True, "include_hypothetical": True}
    cached_before = writable.get("/api/events", params=params).json()  # now in the response cache
    assert cached_before["total"] == 0

    def reader():
        with httpx.Client(base_url=str(writable.base_url), timeout=60) as c:
            k = 0
            while not stop.is_set():
                k += 1  # a new page size each time: past the response cache, into DuckDB
                limit = 500 + k % 400
                r = c.get("/api/events", params={**params, "limit": limit})
                if r.status_code != 200:
                    problems.append(r.text)
                    continue
                body = r.json()
                seen.append((body["total"], len(body["events"]), limit))

    threads = [threading.Thread(target=reader) for _ in range(3)]
    for t in threads:
        t.start()
    try:
        r = writable.post("/api/ingest", json=articles)
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["counts"]["articles"] == 30 and not out["failures"]
    after = writable.get("/api/events", params=params).json()  # the write emptied the cache
    assert after["total"] > 0
    assert not problems
    assert seen, "the readers made no request"
    # every read saw one consistent snapshot: the count matches the rows, and the batch is all or nothing
    assert all(n == min(total, limit) for total, n, limit in seen)
    assert {total for total, _, _ in seen} <= {0, after["total"]}
    assert writable.get("/api/stats").json()["articles"] == 30
    art = writable.get("/api/articles/batch-3").json()
    assert art["id"] == "batch-3" and art["title"] == STORIES[3]["title"]

    again = writable.post("/api/ingest", json=articles[0]).json()  # same article again: nothing changes
    assert again["counts"]["skipped"] == 1 and again["counts"]["articles"] == 0
    bad = writable.post("/api/ingest", json=[{"text": ""}, {"title": "no text"}, articles[1] | {"id": "new-1", "text": articles[1]["text"] + " More."}]).json()
    assert len(bad["failures"]) == 2 and bad["counts"]["articles"] == 1
    assert {f["code"] for f in bad["failures"]} <= {"empty", "format"}
    assert writable.get("/api/failures").json()["total"] == 2
    single = writable.post("/api/ingest", json={"text": "  "})
    _json_error(single, 422)


# -- the command ---------------------------------------------------------------------------------


def test_serve_owns_the_store_and_announces_itself(tmp_path):
    db = tmp_path / "served.duckdb"
    with Store.open(db) as store:
        store.ingest([build_article(STORIES[0])])
    side = Path(str(db) + ".server.json")
    env = {k: v for k, v in os.environ.items() if k != "DRAGOMAN_API_TOKEN"}
    proc = subprocess.Popen(
        [sys.executable, "-c", "from dragoman.cli import main; main()", "serve", "--db", str(db), "--port", "0",
         "--token", TOKEN, "--log-level", "warning"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        info = wait_for_sidecar(proc, side)
        assert info["pid"] == proc.pid and info["url"].startswith("http://127.0.0.1:")
        r = httpx.get(info["url"] + "/api/events", timeout=10)
        assert r.status_code == 200 and r.json()["total"] == 3
        with pytest.raises(StoreLockedError) as err:
            Store.open(db)
        assert info["url"] in str(err.value)
    finally:
        stop_server(proc)
    assert proc.returncode == 0, proc.stderr.read().decode()
    assert not side.exists()
    with Store.open(db) as store:  # released
        assert store.counts()["articles"] == 1


def test_snapshot_cache_keeps_only_what_a_write_did_not_touch():
    """Histograms shared between reads: kept when no write ran during the read; a read that used a
    cached value while a write ran is told to read again; writes empty the cache."""
    from dragoman.api.cache import SnapshotCache

    c = SnapshotCache()
    v = c.view()
    assert v.get(("k",)) is None
    v.put(("k",), [1])
    assert v.settle()  # no write: the value is kept
    v2 = c.view()
    assert v2.get(("k",)) == [1] and v2.settle()
    v3 = c.view()
    assert v3.get(("k",)) == [1]
    c.begin_write()
    assert c.view() is None  # no cache while a write runs
    c.end_write()
    assert not v3.settle()  # it used a value from before the write: read again
    v4 = c.view()
    assert v4.get(("k",)) is None  # the write emptied the cache
    v4.put(("k",), [2])
    c.begin_write()
    c.end_write()
    assert v4.settle()  # computed fresh from its own snapshot: it stands, but is not kept
    assert c.view().get(("k",)) is None


class _GatedAccess:
    """The real ``StoreAccess``, whose reads wait at a gate until the test opens it (and are counted)."""

    def __init__(self, db):
        from dragoman.api.access import StoreAccess

        self.inner = StoreAccess(db)
        self.gate = threading.Event()
        self.reads = 0
        self.snapshots = self.inner.snapshots

    def read(self, fn):
        self.reads += 1
        assert self.gate.wait(30), "the test never opened the gate"
        return self.inner.read(fn)

    def write(self, fn):
        return self.inner.write(fn)

    def close(self):
        self.inner.close()


def test_identical_requests_in_flight_share_one_read(tmp_path):
    """Eight clients asking the same page while it is being read get one read's answer (X-Cache: shared),
    and so do eight asking for a missing event: each gets the same JSON 404."""
    db = tmp_path / "shared.duckdb"
    with Store.open(db) as store:
        store.ingest(build_articles())
    access = _GatedAccess(db)
    app = create_app(db, access=access)
    with ServerThread(app) as srv:
        def ask(path: str, out: list, i: int) -> None:
            with httpx.Client(base_url=srv.url, timeout=30) as c:
                out[i] = c.get(path, params={"actor": "Kenya", "limit": 7} if path == "/api/events" else None)

        for path, status in (("/api/events", 200), ("/api/events/ev-nothing-here", 404)):
            access.gate.clear()
            reads_before = access.reads
            answers: list = [None] * 8
            threads = [threading.Thread(target=ask, args=(path, answers, i)) for i in range(8)]
            threads[0].start()
            deadline = time.monotonic() + 10
            while access.reads == reads_before and time.monotonic() < deadline:
                time.sleep(0.01)  # the first request is inside the store read, held at the gate
            for t in threads[1:]:
                t.start()
            time.sleep(0.5)  # the other seven arrive while the read is held
            access.gate.set()
            for t in threads:
                t.join(30)
            assert access.reads == reads_before + 1, "one read served all eight"
            assert [r.status_code for r in answers] == [status] * 8
            assert len({r.content for r in answers}) == 1
            if status == 200:
                kinds = sorted(r.headers["x-cache"] for r in answers)
                assert kinds == ["miss"] + ["shared"] * 7, kinds
                assert answers[0].json()["total"] == 3
                again = httpx.get(srv.url + "/api/events", params={"actor": "Kenya", "limit": 7})
                assert again.headers["x-cache"] == "hit" and again.content == answers[0].content
            else:
                assert set(answers[0].json()) == {"error", "detail"}
