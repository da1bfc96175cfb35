"""Issue 17, the API server: attacks on `dragoman serve` that worked, each replayed against the real
server (uvicorn on 127.0.0.1 over a DuckDB store in tmp_path), then a property test over generated
malformed bodies and query strings.

Rows: 6 (an anonymous extract held the coder), 7 (the response cache keyed on unknown parameters),
11 (any Host name answered; no CSP), 14 (sort keys, articles by URL, the token in ``ps``) and the API
part of 3 (lone surrogates → 500, NaN in JSON).
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import math
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from click.testing import CliRunner
from conftest import stop_server, wait_for_sidecar
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_api_data import STORIES, build_article, build_articles

from dragoman.api import ServerThread, create_app
from dragoman.api.app import JSONBody
from dragoman.settings import ApiSettings, Settings
from dragoman.store import Store
from dragoman.store.query import SORTS

TOKEN = "hardening-t0ken"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
URL = "https://news.example/world/2024/03/kenya-ethiopia-border?id=3"
DOCS = Path(__file__).resolve().parents[1] / "docs" / "api.md"
SENTENCES = [
    "NAIROBI - Kenya's foreign minister met his Ethiopian counterpart in Nairobi on Tuesday.",
    "GENEVA - United Nations envoys hosted talks between Yemen's government and Houthi representatives.",
    "CARACAS - Venezuelan police arrested an opposition leader in Caracas on Monday.",
    "ISLAMABAD - Pakistan accused militants based in Iran of attacking a border post.",
]


def _limit_text(limit: int) -> str:
    """Plain news prose whose extract body ({"text": ...}) is just under ``limit`` bytes."""
    para = ("KABUL - The Afghan government and the Taliban resumed talks in Doha on Monday, officials said, and the "
            "two sides agreed to meet again next week. ")
    return (para * (limit // len(para) + 1))[:limit - 20]


def _retold(story: dict, words: str) -> dict:
    """The story with a sentence more: another article (the store skips a text it holds already)."""
    return {**story, "text": story["text"] + " " + words}


def _nan_base():
    story = {**_retold(STORIES[1], "The army did not comment."), "published": "2024-04-02"}  # a day of its own
    return build_article(story, "nan-values")


def _nan_article():
    """A coded article whose event confidence is NaN and whose place lies at infinite latitude."""
    art = _nan_base()
    events = tuple(dataclasses.replace(e, confidence=math.nan,
                                       location=dataclasses.replace(e.location, lat=math.inf, lon=-math.inf))
                   for e in art.events)
    return dataclasses.replace(art, events=events)


def _store(path: Path) -> Path:
    with_url = dataclasses.replace(build_article(_retold(STORIES[2], "Talks go on."), "with-url"), url=URL)
    nan = _nan_article()
    with Store.open(path) as store:
        counts = store.ingest(build_articles() + [with_url, nan])
        assert counts["articles"] == len(STORIES) + 1, counts  # the store refuses a record holding NaN ...
        assert store.ingest([_nan_base()])["articles"] == 1
    # ... but a store written before that check may hold NaN and Infinity: make this one such a store
    import duckdb

    con = duckdb.connect(str(path))
    for table, key in (("events", "id"), ("article_events", "event_id")):
        con.execute(f"UPDATE {table} SET confidence = 'NaN'::DOUBLE, lat = 'Infinity'::DOUBLE, lon = '-Infinity'::DOUBLE "
                    f"WHERE {key} IN (SELECT event_id FROM article_events WHERE article_id = 'art-nan-values')")
    con.close()
    return path


def _strict(r: httpx.Response):
    """The body parsed as strict JSON: NaN, Infinity and -Infinity are not JSON."""
    def refuse(const: str):
        raise AssertionError(f"{const} in a JSON response: {r.request.url}")

    return json.loads(r.text, parse_constant=refuse)


def _post(c: httpx.Client, path: str, obj: object, headers: dict[str, str] | None = None) -> httpx.Response:
    """POST ``obj`` as JSON the way the standard library writes it: a lone surrogate as its escape
    (httpx's own encoder writes UTF-8 and cannot)."""
    return c.post(path, content=json.dumps(obj).encode(), headers={"Content-Type": "application/json", **(headers or {})})


def _error(r: httpx.Response, status: int) -> dict:
    assert r.status_code == status, (r.status_code, r.text[:500])
    assert r.headers["content-type"].startswith("application/json")
    body = _strict(r)
    assert set(body) == {"error", "detail"}, body
    assert "Traceback" not in r.text
    return body


@pytest.fixture(scope="module")
def server(tmp_path_factory, pipeline):
    """The defaults a user gets: writes on with a token, extract anonymous."""
    db = _store(tmp_path_factory.mktemp("hard") / "hard.duckdb")
    with ServerThread(create_app(db, token=TOKEN, pipeline=pipeline)) as srv:
        yield srv


@pytest.fixture(scope="module")
def client(server):
    with httpx.Client(base_url=server.url, timeout=300) as c:
        yield c


@pytest.fixture(scope="module")
def strict(tmp_path_factory, pipeline):
    """A server with tight limits: a 1-second extract, a 30 kB cache, one more Host name."""
    db = _store(tmp_path_factory.mktemp("strict") / "strict.duckdb")
    api = ApiSettings(extract_timeout=1.0, cache_bytes=30_000, allow_hosts=("news.lan",))
    with ServerThread(create_app(db, token=TOKEN, pipeline=pipeline, settings=Settings(api=api))) as srv:
        yield srv


# -- row 6: /api/extract has its own size and time limits and shares nothing with writes ---------


def test_oversize_extract_is_refused_before_it_is_read(strict):
    limit = ApiSettings().extract_max_bytes
    body = b"{not json at all" + b"x" * limit  # over the limit: never parsed (else it would be a 422)
    r = httpx.post(strict.url + "/api/extract", content=body, headers={"Content-Type": "application/json"})
    detail = _error(r, 413)["detail"]
    assert f"{limit:,}" in detail and "POST /api/extract" in detail and "extract_max_bytes" in detail
    assert strict.app.state.extractor.pid is None  # nothing was coded: the worker was never started

    def chunks():  # no Content-Length: the bytes are counted as they arrive
        for _ in range(limit // 10_000 + 1):
            yield b"x" * 10_000

    _error(httpx.post(strict.url + "/api/extract", content=chunks(), headers={"Content-Type": "application/json"}), 413)
    # POST /api/ingest keeps the larger --max-body: the same body there is judged on its merits
    big = {"text": _limit_text(limit + 50_000)}
    r = httpx.post(strict.url + "/api/ingest", json={"text": big["text"], "title": ["not a string"]}, headers=AUTH)
    _error(r, 422)


def test_extract_at_its_limit_does_not_hold_up_an_ingest(server, client):
    """An anonymous extract as large as allowed is coded by the extract worker; an authenticated ingest sent
    while it is being coded is answered before it (ordering, not speed)."""
    text = _limit_text(ApiSettings().extract_max_bytes)
    assert len(json.dumps({"text": text}).encode()) <= ApiSettings().extract_max_bytes
    extractor = server.app.state.extractor
    done: dict[str, object] = {}

    def extract() -> None:
        with httpx.Client(base_url=server.url, timeout=600) as c:
            done["extract"] = c.post("/api/extract", json={"text": text})

    t = threading.Thread(target=extract)
    t.start()
    deadline = time.monotonic() + 400  # a hang guard: the first extract also loads the model in the worker
    while not extractor.busy:
        assert t.is_alive(), done
        assert time.monotonic() < deadline, "the extract never reached the worker"
        time.sleep(0.05)
    r = client.post("/api/ingest", json={"id": "while-extracting", "text": SENTENCES[0], "published": "2024-03-12"},
                    headers=AUTH)
    extract_finished_first = "extract" in done
    assert r.status_code == 200, r.text
    assert r.json()["counts"]["articles"] == 1
    assert not extract_finished_first, "the ingest waited for the extract"
    t.join(400)
    assert not t.is_alive()
    rec = done["extract"]
    assert rec.status_code in (200, 503), rec.text  # coded, or stopped at the documented time limit
    if rec.status_code == 503:
        assert _error(rec, 503)["error"] == "timeout"
    else:
        assert _strict(rec)["text"] == text
    assert client.get("/api/articles/while-extracting").status_code == 200


def test_extract_has_a_time_limit(strict):
    text = _limit_text(ApiSettings().extract_max_bytes)
    with httpx.Client(base_url=strict.url, timeout=600) as c:
        r = c.post("/api/extract", json={"text": text})
        body = _error(r, 503)
        assert body["error"] == "timeout"
        assert "1 s" in body["detail"] and "extract_timeout" in body["detail"]
        extractor = strict.app.state.extractor
        assert extractor.pid is None and not extractor.busy  # the worker was stopped, not left coding
        ok = c.post("/api/extract", json={"text": SENTENCES[2], "published": "2024-03-18"})  # a new worker
        assert ok.status_code == 200, ok.text
        assert _strict(ok)["text"] == SENTENCES[2]


# -- row 7: the response cache keys on known, normalised parameters and is bounded in bytes ---------


def test_unknown_parameters_are_refused_and_never_cached(server, client):
    cache = server.app.state.cache
    before = len(cache)
    for n in range(2000):
        r = client.get("/api/events", params={"limit": 3, f"junk{n}": n})
        assert r.status_code == 422, r.text
        if n == 0:
            assert _error(r, 422)["detail"][0]["field"] == "query.junk0"
    assert len(cache) == before  # nothing kept for them
    first = client.get("/api/events", params={"quad": 4})
    assert first.headers["x-cache"] == "miss"
    for spelling in ({"quad": "04"}, {"quad": 4, "limit": 50}, {"quad": "+4", "include_negated": "false"},
                     {"quad": 4, "order": "desc", "sort": "date", "offset": 0}):
        r = client.get("/api/events", params=spelling)
        assert r.headers["x-cache"] == "hit", spelling
        assert r.content == first.content
    assert len(cache) == before + 1


def test_cache_is_bounded_in_bytes(strict):
    cache = strict.app.state.cache
    assert cache.max_bytes == 30_000
    sizes = []
    with httpx.Client(base_url=strict.url, timeout=60) as c:
        for limit in range(1, 101):
            r = c.get("/api/events", params={"limit": limit, "include_negated": True})
            assert r.status_code == 200
            sizes.append(len(r.content))
            assert cache.bytes <= cache.max_bytes
    assert sum(sizes) > 3 * cache.max_bytes  # the answers would not all fit
    assert 0 < len(cache) < 100


# -- row 11: a Host allow-list and security headers -----------------------------------------------


def test_foreign_host_names_are_refused(server, client):
    port = server.url.rsplit(":", 1)[1]
    for path in ("/api/events", "/", "/static/app.js", "/api/articles/x"):
        body = _error(client.get(path, headers={"Host": "attacker.example"}), 421)
        assert body["error"] == "misdirected" and "attacker.example" in body["detail"] and "--allow-host" in body["detail"]
    r = client.post("/api/extract", json={"text": SENTENCES[0]}, headers={"Host": f"attacker.example:{port}"})
    _error(r, 421)
    for host in (f"127.0.0.1:{port}", "localhost", f"LOCALHOST:{port}", f"[::1]:{port}", "localhost."):
        assert client.get("/api/health", headers={"Host": host}).status_code == 200, host
    # HTTP/1.0 without a Host header
    host, p = server.url.removeprefix("http://").rsplit(":", 1)
    with socket.create_connection((host, int(p)), timeout=10) as s:
        s.sendall(b"GET /api/health HTTP/1.0\r\n\r\n")
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 421"), answer[:200]


def test_allow_host_adds_a_name(strict):
    assert httpx.get(strict.url + "/api/health", headers={"Host": "news.lan:8000"}).status_code == 200
    _error(httpx.get(strict.url + "/api/health", headers={"Host": "news.lan.attacker.example"}), 421)


def test_every_response_carries_the_security_headers(server, client):
    answers = [
        client.get("/"), client.get("/static/app.js"), client.get("/api/events"), client.get("/api/nothing"),
        client.get("/api/events", headers={"Host": "attacker.example"}),
        client.post("/api/ingest", json={"text": "x"}),
        client.post("/api/extract", content=b"x" * 200_000, headers={"Content-Type": "application/json"}),
        client.get("/api/events", params={"quad": 9}),
    ]
    assert [r.status_code for r in answers] == [200, 200, 200, 404, 421, 401, 413, 422]
    for r in answers:
        csp = r.headers.get("content-security-policy", "")
        assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp, (r.request.url, r.headers)
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert r.headers.get("x-content-type-options") == "nosniff"
        assert r.headers.get("x-frame-options") == "DENY"


def test_the_dashboard_needs_nothing_the_policy_forbids(client):
    """No inline script, event-handler attribute or style attribute: the policy allows only files from the
    server (tests/test_browser.py runs the dashboard under it in Chromium and fails on any console error)."""
    import re

    html = client.get("/").text
    assert re.findall(r"<script\b[^>]*>", html) == ['<script src="/static/app.js">']
    assert not re.search(r"<style\b|\sstyle=|\son[a-z]+=|javascript:", html, re.IGNORECASE)
    js = client.get("/static/app.js").text
    assert "eval(" not in js and "new Function" not in js and "innerHTML" not in js


# -- row 14: schema, docs and behaviour agree ---------------------------------------------------------


def test_sort_keys_agree_in_schema_docs_and_store(client):
    spec = client.get("/openapi.json").json()
    sort = next(p for p in spec["paths"]["/api/events"]["get"]["parameters"] if p["name"] == "sort")
    assert set(sort["schema"]["enum"]) == set(SORTS)
    documented = DOCS.read_text(encoding="utf-8").split("`sort` one of `", 1)[1].split("`", 1)[0]
    assert {k.strip() for k in documented.split(",")} == set(SORTS)
    for key in SORTS:
        for order in ("asc", "desc"):
            r = client.get("/api/events", params={"sort": key, "order": order, "include_negated": True})
            assert r.status_code == 200, (key, r.text)
            rows = _strict(r)["events"]
            values = [e[key] for e in rows if e[key] is not None and not (isinstance(e[key], float) and math.isnan(e[key]))]
            assert values == sorted(values, reverse=order == "desc"), (key, order)
    assert _error(client.get("/api/events", params={"sort": "article"}), 422)["error"] == "validation"


def test_articles_are_found_by_url(client):
    for path in (quote(URL, safe=""), URL.replace("?", "%3F"), "https://www.news.example/world/2024/03/kenya-ethiopia-border%3Fid=3"):
        r = client.get("/api/articles/" + path)
        assert r.status_code == 200, (path, r.text)
        assert _strict(r)["id"] == "art-with-url"
    _error(client.get("/api/articles/" + quote("https://news.example/nothing", safe="")), 404)


def test_serve_help_says_the_token_shows_in_ps():
    from dragoman.cli import main

    out = " ".join(CliRunner().invoke(main, ["serve", "--help"]).output.split())
    assert "--token-file" in out and "--allow-host" in out
    assert "Visible to every user of this machine in `ps`" in out and "$DRAGOMAN_API_TOKEN" in out


def test_serve_reads_the_token_from_a_file_and_allows_named_hosts(tmp_path):
    db = tmp_path / "served.duckdb"
    with Store.open(db) as store:
        store.ingest([build_article(STORIES[0])])
    secret = tmp_path / "token"
    secret.write_text("file-t0ken-never-in-ps\n", encoding="utf-8")
    secret.chmod(0o600)
    side = Path(str(db) + ".server.json")
    env = {k: v for k, v in os.environ.items() if k != "DRAGOMAN_API_TOKEN"}
    cmd = [sys.executable, "-c", "from dragoman.cli import main; main()", "serve", "--db", str(db), "--port", "0",
           "--log-level", "warning"]
    both = subprocess.run(cmd + ["--token", "a", "--token-file", str(secret)], env=env, check=False, capture_output=True, text=True,
                          timeout=120)
    assert both.returncode != 0 and "--token-file" in both.stderr and "Traceback" not in both.stderr
    empty = tmp_path / "empty"
    empty.write_text("\n", encoding="utf-8")
    none = subprocess.run(cmd + ["--token-file", str(empty)], env=env, check=False, capture_output=True, text=True, timeout=120)
    assert none.returncode != 0 and str(empty) in none.stderr and "empty" in none.stderr

    proc = subprocess.Popen(cmd + ["--token-file", str(secret), "--allow-host", "news.lan", "--allow-host", "dash.lan"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        url = wait_for_sidecar(proc, side)["url"]
        assert b"file-t0ken" not in Path(f"/proc/{proc.pid}/cmdline").read_bytes()
        ok = httpx.post(url + "/api/ingest", json=[], headers={"Authorization": "Bearer file-t0ken-never-in-ps"})
        assert ok.status_code == 422, ok.text  # past the guard: an empty list is refused on its own merits
        _error(httpx.post(url + "/api/ingest", json=[], headers={"Authorization": "Bearer a"}), 401)
        for name in ("news.lan", "dash.lan:8000"):
            assert httpx.get(url + "/api/health", headers={"Host": name}).status_code == 200
        _error(httpx.get(url + "/api/health", headers={"Host": "attacker.example"}), 421)
    finally:
        stop_server(proc)
    assert proc.returncode == 0, proc.stderr.read().decode()


# -- row 3 (API): lone surrogates and NaN ----------------------------------------------------------


def test_lone_surrogate_in_extract_is_a_clear_error(client):
    body = json.dumps({"text": SENTENCES[0][:20] + "\ud800" + SENTENCES[0][20:]}).encode()  # escaped: \ud800
    assert b"\\ud800" in body
    detail = _error(client.post("/api/extract", content=body, headers={"Content-Type": "application/json"}), 400)["detail"]
    assert "'text'" in detail and "surrogate" in detail and "U+D800" in detail
    r = _post(client, "/api/extract", {"text": SENTENCES[0], "title": "\udfff"})
    assert "'title'" in _error(r, 400)["detail"]
    r = _post(client, "/api/extract", {"text": SENTENCES[0], "notes": {"\udc00key": 1}})
    assert "surrogate" in _error(r, 400)["detail"]
    # the connection is still good, and a proper pair (an emoji) is text like any other
    ok = client.post("/api/extract", json={"text": SENTENCES[0] + " \U0001F600", "published": "2024-03-12"})
    assert ok.status_code == 200 and _strict(ok)["text"].endswith("\U0001F600")


def test_lone_surrogate_in_an_ingest_list_fails_only_that_item(client):
    items = [{"id": "sur-bad", "text": SENTENCES[1] + "\ud800"}, {"id": "sur-good", "text": SENTENCES[1]},
             {"id": "sur-bad-title", "text": SENTENCES[3], "title": "\udbff!"}]
    r = _post(client, "/api/ingest", items, AUTH)
    assert r.status_code == 200, r.text
    out = _strict(r)
    assert [a["id"] for a in out["articles"]] == ["sur-good"] and out["counts"]["articles"] == 1
    assert [(f["source"], f["code"]) for f in out["failures"]] == [("request[0]", "encoding"), ("request[2]", "encoding")]
    assert "surrogate" in out["failures"][0]["message"]
    stored = _strict(client.get("/api/failures", params={"limit": 1000}))["failures"]
    assert {"request[0]", "request[2]"} <= {f["source"] for f in stored}
    assert client.get("/api/articles/sur-bad").status_code == 404
    single = _post(client, "/api/ingest", {"text": "\ud800"}, AUTH)
    assert _error(single, 400)["error"] == "encoding"


def test_json_responses_never_hold_nan_or_infinity(client):
    assert JSONBody({"a": math.nan, "b": [math.inf, {"c": -math.inf}], "d": 1.5}).body == \
        b'{"a":null,"b":[null,{"c":null}],"d":1.5}'
    # a store holding NaN and Infinity (the fixture's store, written as before the record check)
    r = client.post("/api/ingest", content=b'{"id": "nan-body", "text": "%s", "rating": NaN, "range": [Infinity, -Infinity]}'
                    % SENTENCES[2].encode(), headers={**AUTH, "Content-Type": "application/json"})
    # a NaN in the body is no JSON value: the record is refused as one failure naming it, like a JSONL line's
    assert r.status_code == 200, r.text
    assert [f["source"] for f in r.json()["failures"]] and "nan" in str(r.json()["failures"]).lower(), r.json()
    assert client.get("/api/articles/nan-body").status_code == 404
    assert _strict(client.get("/api/articles/art-nan-values"))["events"]
    events = _strict(client.get("/api/events", params={"limit": 1000, "include_negated": True}))
    nan_rows = [e for e in events["events"] if "art-nan-values" in e["article_ids"]]
    assert nan_rows and all(e["confidence"] is None and e["lat"] is None for e in nan_rows)
    for path in ("/api/places", "/api/network", "/api/timeline", "/api/actors"):
        _strict(client.get(path))
    for fmt in ("json", "plover"):
        for line in client.get("/api/export", params={"format": fmt}).text.splitlines():
            json.loads(line, parse_constant=lambda c: pytest.fail(f"{c} in the {fmt} export"))  # noqa: B023


# -- the property: generated malformed requests never get a 5xx, and ingest loses nothing ---------------

PATHS = ("/api/events", "/api/actors", "/api/timeline", "/api/network", "/api/places", "/api/export", "/api/stats")
FILTER_NAMES = ("actor", "country", "sector", "type", "quad", "since", "until", "place", "text", "include_negated",
                "include_hypothetical", "exclude_historical", "min_confidence", "article")
PARAMS = {"/api/events": FILTER_NAMES + ("limit", "offset", "sort", "order"), "/api/actors": FILTER_NAMES + ("limit",),
          "/api/timeline": FILTER_NAMES, "/api/network": FILTER_NAMES + ("nodes",), "/api/places": FILTER_NAMES,
          "/api/export": FILTER_NAMES + ("format", "sort", "order", "limit"), "/api/stats": ()}
ODD_VALUES = ["", "4", "04", "-1", "0", "1e309", "nan", "NaN", "inf", "-inf", "true", "yes", "2024-03-15", "2024-02-30",
              "99999999999999999999", "\x00", "%", "%ZZ", "date", "num_mentions", "article", "asc", "ACCUSE,ASSAULT",
              "act-x", "PAKGOV", " Kenya ", "csv", "plover", "json", "0.5", "1.0000001", "'; DROP TABLE events; --",
              "\u202e", "🙂", "a" * 201]
FUZZ = settings(deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck))

GOOD_VALUES = ["1", "2", "4", "10", "true", "false", "2024-03-14", "2024-03-20", "Kenya", "PAK", "GOV", "REB", "CONSULT",
               "ASSAULT,ACCUSE", "Geneva", "talks", "date", "confidence", "num_sources", "asc", "desc", "csv", "json",
               "plover", "0.5", "art-with-url"]
values = st.one_of(st.sampled_from(GOOD_VALUES), st.sampled_from(ODD_VALUES), st.text(max_size=12),
                   st.integers().map(str))
known = st.sampled_from(FILTER_NAMES + ("limit", "offset", "sort", "order", "nodes", "format"))
unknown = st.text(min_size=1, max_size=8).filter(lambda n: n not in PARAMS["/api/events"] + ("nodes", "format"))
queries = st.tuples(st.sampled_from(PATHS), st.lists(st.tuples(known, values), max_size=4),
                    st.one_of(st.just([]), st.just([]), st.just([]), st.lists(st.tuples(unknown, values), min_size=1,
                                                                              max_size=2)))

junk = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=12),
                 st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=4), st.integers(), max_size=2))
good_records = st.fixed_dictionaries({"text": st.one_of(st.sampled_from(SENTENCES), st.sampled_from(SENTENCES).map(
    lambda t: f"<html><body><article><p>{t}</p></article></body></html>"))}, optional={
    "title": st.text(max_size=12), "id": st.text(max_size=12), "published": st.sampled_from(["2024-03-12", "2024-13-45", ""]),
    "url": st.sampled_from(["https://news.example/a", "javascript:alert(1)", "ftp://x"]), "extra": junk})
odd_records = st.fixed_dictionaries({}, optional={
    "text": st.one_of(st.sampled_from(SENTENCES), st.sampled_from(["", "  ", "<p>", "<html><body></body></html>", "\x00"]),
                      st.text(max_size=30), junk),
    "html": st.one_of(st.sampled_from(["<p>" + SENTENCES[0] + "</p>", "<html>", ""]), junk),
    "title": st.one_of(st.text(max_size=12), junk), "id": st.one_of(st.text(max_size=12), junk),
    "url": st.one_of(st.sampled_from(["https://news.example/a", "javascript:alert(1)", "ftp://x", "http://"]), junk),
    "published": st.one_of(st.sampled_from(["2024-03-12", "2024-13-45", "yesterday", ""]), junk),
    "extra": junk,
})


def _mangle(raw: bytes, how: int, cut: int) -> bytes:
    if how == 0:
        return raw
    if how == 1:
        return raw[:cut % (len(raw) + 1)]  # truncated
    if how == 2:
        return raw.replace(b'"text": "', b'"text": "\\ud800', 1)  # a lone surrogate, JSON-escaped
    if how == 3:
        return b"[" * (cut % 5000) + raw  # deeply nested
    return raw.replace(b":", b": NaN, \"x\":", 1)  # NaN, which JSON does not have


bodies = st.one_of(
    good_records.map(lambda rec: json.dumps(rec).encode()),
    st.builds(lambda rec, how, cut: _mangle(json.dumps(rec).encode(), how, cut), st.one_of(good_records, odd_records),
              st.integers(0, 4), st.integers(0, 10_000)),
    st.binary(max_size=60),
    st.sampled_from([b"", b"null", b"[]", b"{}", b"42", b'"text"', b"[{}]", b'{"text": 1e999}', b"\xff\xfe{}",
                     b'{"text": "a", "text": "b"}']),
)

BAD_ITEMS = [
    {"text": 123}, {"text": ["a"]}, {"text": {"a": 1}}, {"text": True}, {"text": ""}, {"text": "   "}, {}, {"title": "t"},
    5, "text", None, [], [{"text": "x"}], {"html": ""}, {"url": "ftp://news.example/a"}, {"url": 7},
    {"text": SENTENCES[0], "title": 123}, {"text": SENTENCES[0], "published": ["x"]}, {"text": SENTENCES[0], "id": {"a": 1}},
    {"text": SENTENCES[0] + "\ud800"}, {"text": SENTENCES[1], "title": "\udfff"}, {"text": SENTENCES[2], "x": ["\ud800"]},
]
items = st.lists(st.one_of(st.tuples(st.just("good"), st.sampled_from(SENTENCES), st.booleans()),
                           st.tuples(st.just("bad"), st.sampled_from(range(len(BAD_ITEMS))), st.booleans())),
                 min_size=1, max_size=4)


def _check(r: httpx.Response, label: str) -> None:
    assert r.status_code < 500, (label, r.status_code, r.text[:500])
    assert "Traceback" not in r.text
    if r.status_code >= 400:
        assert set(_strict(r)) == {"error", "detail"}, (label, r.text[:300])
    elif r.headers.get("content-type", "").startswith("application/json"):
        _strict(r)


def test_generated_requests_never_fail_the_server_and_ingest_loses_nothing(server):
    """2,000 generated requests: query strings on the read endpoints (1,250), extract bodies (450) and ingest
    lists of good and bad articles with the token (300).  No 5xx; every error is ``{error, detail}``; every
    response is strict JSON; an unknown parameter is a 422; every good article of a list is stored and
    every bad one is a failure named by its position."""
    counter = itertools.count()
    seen: dict[str, set[int]] = {}
    with httpx.Client(base_url=server.url, timeout=120) as c:

        @settings(FUZZ, max_examples=1250)
        @given(queries)
        def reads(q):
            path, params, extra = q
            params = params + extra
            r = c.get(path, params=params)
            _check(r, f"GET {path} {params}")
            seen.setdefault(path, set()).add(r.status_code)
            if any(name not in PARAMS[path] for name, _ in params):
                assert r.status_code == 422, (path, params, r.text)
                assert {d["field"] for d in _strict(r)["detail"]} >= {f"query.{n}" for n, _ in params if n not in PARAMS[path]}

        @settings(FUZZ, max_examples=450)
        @given(bodies)
        def extracts(body):
            r = c.post("/api/extract", content=body, headers={"Content-Type": "application/json"})
            _check(r, f"POST /api/extract {body[:200]!r}")
            seen.setdefault("extract", set()).add(r.status_code)

        @settings(FUZZ, max_examples=300)
        @given(items)
        def ingests(chosen):
            body, good, bad = [], [], []
            for i, (kind, what, with_meta) in enumerate(chosen):
                if kind == "good":
                    n = next(counter)
                    item = {"id": f"gen-{n}", "text": f"{what} It was report number {n}."}
                    if with_meta:
                        item |= {"title": f"Report {n}", "published": "2024-03-12", "url": f"https://news.example/r/{n}"}
                    good.append(item["id"])
                else:
                    item = BAD_ITEMS[what]
                    bad.append(f"request[{i}]")
                body.append(item)
            r = _post(c, "/api/ingest", body, AUTH)
            _check(r, f"POST /api/ingest {body}")
            assert r.status_code == 200, r.text
            out = _strict(r)
            assert [a["id"] for a in out["articles"]] == good, (body, out)
            assert [f["source"] for f in out["failures"]] == bad, (body, out)
            assert all(f["code"] and f["message"] for f in out["failures"])
            assert out["counts"]["articles"] == len(good)
            seen.setdefault("ingest", set()).add(r.status_code)

        reads()
        extracts()
        ingests()
        stored = _strict(c.get("/api/stats"))
        assert stored["articles"] >= next(counter)
    assert {200, 422} <= seen["/api/events"] and {200, 422} <= seen["extract"], seen
