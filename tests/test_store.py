"""The event store on real DuckDB files, with hand-built coded articles (no model needed)."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import time

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_store_data import PEOPLE, generated, report

from dragoman.errors import InputError, StoreError, StoreLockedError
from dragoman.model import Failure
from dragoman.store import EventQuery, Store, sidecar_path
from dragoman.store.export import GDELT_COLUMNS, read_plover
from dragoman.store.schema import SCHEMA_VERSION

A, B, C = PEOPLE[0], PEOPLE[1], PEOPLE[2]


def meeting_reports():
    """Two outlets report one meeting in their own words; a week later the pair meets again; the
    same day another pair meets elsewhere; and one wire story is copied by a second site."""
    return [
        report("r1", A, B, "CONSULT", "2024-03-05", "Geneva", url="https://alpha.example/1", outlet="Alpha", filler_seed=1),
        report("r2", B, A, "CONSULT", "2024-03-05", "Geneva", url="https://beta.example/2", outlet="Beta", filler_seed=2),
        report("r3", A, B, "CONSULT", "2024-03-12", "Geneva", url="https://alpha.example/3", outlet="Alpha", filler_seed=3),
        report("r4", A, B, "CONSULT", "2024-03-05", "Nairobi", url="https://gamma.example/4", outlet="Gamma", filler_seed=4),
    ]


def wire_copy():
    orig = report("w1", A, C, "ACCUSE", "2024-04-02", "Vienna", url="https://wire.example/w1", outlet="Wire", filler_seed=9)
    text = orig.text.replace(" The Wire reported", " The Wire news agency reported", 1)
    copy = report("w2", A, C, "ACCUSE", "2024-04-02", "Vienna", url="https://copier.example/w2", outlet="Wire", text=text)
    return orig, copy


def all_events(store, **kw):
    rows, total = store.query_events(EventQuery(**kw), limit=10_000)
    assert total == len(rows)
    return rows


def test_same_meeting_two_outlets_is_one_event_with_two_sources(db_path):
    with Store.open(db_path) as s:
        counts = s.ingest(meeting_reports())
        assert counts["articles"] == 4 and counts["events"] == 4 and counts["merged"] == 1
        rows = all_events(s)
    assert len(rows) == 3  # r1+r2 merged; r3 (a week later) and r4 (another city) stay apart
    merged = [r for r in rows if r["num_articles"] == 2]
    assert len(merged) == 1
    m = merged[0]
    assert (m["num_mentions"], m["num_sources"]) == (2, 2)
    assert sorted(m["article_ids"]) == ["r1", "r2"]
    assert {a["name"] for a in m["sources"] + m["targets"]} == {A[0], B[0]}
    others = {r["date"]: r for r in rows if r is not m}
    assert set(others) == {"2024-03-12", "2024-03-05"}
    assert all(r["num_sources"] == 1 for r in others.values())


def test_copied_wire_story_adds_a_mention_not_a_source(db_path):
    orig, copy = wire_copy()
    with Store.open(db_path) as s:
        s.ingest([orig])
    with Store.open(db_path) as s:  # the signature index survives a reopen
        counts = s.ingest([copy])
        assert counts["near_duplicates"] == 1
        rows = all_events(s)
        art = s.get_article("w2")
    assert len(rows) == 1
    assert (rows[0]["num_mentions"], rows[0]["num_sources"], rows[0]["num_articles"]) == (2, 1, 2)
    assert art["duplicate_of"] == "w1" and art["source_group"] == "w1"


def test_ingest_twice_changes_nothing(db_path):
    arts = meeting_reports() + list(wire_copy())
    with Store.open(db_path) as s:
        s.ingest(arts)
        before = s.counts()
        ids = [r["id"] for r in all_events(s)]
        again = s.ingest(arts)
        # the same article under another id but the same URL, or the same text without URL
        same_url = arts[0].replace(id="other-id")
        same_text = arts[1].replace(id="x", url=None)
        again2 = s.ingest([same_url, same_text])
        assert s.counts() == before
        assert [r["id"] for r in all_events(s)] == ids
    assert again["articles"] == 0 and again["skipped"] == len(arts)
    assert again2["skipped"] == 2


def test_ids_do_not_depend_on_ingest_order(tmp_path):
    arts = generated(120, seed=3)
    results = []
    for name, order in (("a", arts), ("b", list(reversed(arts)))):
        with Store.open(tmp_path / f"{name}.duckdb") as s:
            for k in range(0, len(order), 25):
                s.ingest(order[k:k + 25])
            results.append({r["id"]: (r["num_sources"], tuple(r["article_ids"])) for r in all_events(s)})
    # articles copied from a later one are near-duplicates in one order only; compare the rest
    assert len(results[0]) == len(results[1])
    assert set(results[0]) == set(results[1])


def test_newer_version_replaces_older_is_ignored(db_path):
    r1 = report("v1", A, B, "CONSULT", "2024-05-01", "Oslo", url="https://alpha.example/v1", filler_seed=5)
    with Store.open(db_path) as s:
        s.ingest([r1])
        newer = report("v1", A, B, "AGREE", "2024-05-01", "Oslo", url="https://alpha.example/v1", filler_seed=5, version="0.2.0")
        counts = s.ingest([newer])
        assert counts["replaced"] == 1
        rows = all_events(s)
        assert [r["type"] for r in rows] == ["AGREE"]
        assert s.get_article("v1")["dragoman_version"] == "0.2.0"
        assert s.counts()["articles"] == 1 and s.counts()["article_events"] == 1
        assert s.ingest([r1])["skipped"] == 1  # older again: nothing changes
        assert [r["type"] for r in all_events(s)] == ["AGREE"]


def test_replacing_a_member_keeps_the_other_report(db_path):
    r1, r2 = meeting_reports()[:2]
    with Store.open(db_path) as s:
        s.ingest([r1, r2])
        assert all_events(s)[0]["num_sources"] == 2
        s.ingest([report("r1", A, B, "ACCUSE", "2024-03-05", "Geneva", url="https://alpha.example/1", filler_seed=1, version="9.0")])
        rows = {r["type"]: r for r in all_events(s)}
    assert set(rows) == {"CONSULT", "ACCUSE"}
    assert rows["CONSULT"]["article_ids"] == ["r2"] and rows["CONSULT"]["num_sources"] == 1


def test_negated_and_hypothetical_are_hidden_and_never_merged(db_path):
    real = report("n1", A, B, "ASSAULT", "2024-06-01", "Cairo", outlet="One", filler_seed=11)
    neg = report("n2", A, B, "ASSAULT", "2024-06-01", "Cairo", outlet="Two", filler_seed=12, negated=True)
    hyp = report("n3", A, B, "ASSAULT", "2024-06-01", "Cairo", outlet="Three", filler_seed=13, hypothetical=True)
    with Store.open(db_path) as s:
        s.ingest([real, neg, hyp])
        assert len(all_events(s)) == 1
        assert len(all_events(s, include_negated=True)) == 2
        assert len(all_events(s, include_negated=True, include_hypothetical=True)) == 3


def test_query_filters(db_path):
    arts = meeting_reports() + list(wire_copy())
    with Store.open(db_path) as s:
        s.ingest(arts)
        n = lambda **kw: len(all_events(s, **kw))
        assert n() == 4
        assert n(actor=A[0].split()[1].lower()) == 4  # part of a name, any case
        assert n(actor=C[0]) == 1
        assert n(actor=C[1]) == 1  # a country code
        assert n(actor=C[1] + C[2]) == 1  # country + sector
        assert n(country="KEN") == 1  # the Nairobi meeting's place
        assert n(sector="GOV") == 4
        assert n(type="accuse") == 1 and n(type="CONSULT,ACCUSE") == 4
        assert n(quad=3) == 1
        assert n(since="2024-03-06", until="2024-03-31") == 1
        assert n(place="gene") == 2
        assert n(text="accused") == 1
        page, total = s.query_events(EventQuery(), limit=2, offset=1, sort="date", descending=False)
        assert total == 4 and [r["date"] for r in page] == ["2024-03-05", "2024-03-12"]
        with pytest.raises(InputError):
            s.query_events(EventQuery(since="March"))
        with pytest.raises(InputError):
            s.query_events(EventQuery(), sort="nope")


def test_event_article_actors_timeline(db_path):
    with Store.open(db_path) as s:
        s.ingest(meeting_reports())
        rows = all_events(s)
        merged = next(r for r in rows if r["num_articles"] == 2)
        member = s.get_article("r2")["events"][0]
        assert member["event_id"] == merged["id"] and member["num_sources"] == 2
        ev = s.get_event(member["id"] if member["id"].startswith("ev-") else merged["id"])
        assert ev["id"] == merged["id"] and len(ev["mentions"]) == 2
        for m in ev["mentions"]:
            assert m["trigger_text"] == "met" and m["sentence"].startswith(m["sentence"][:5])
            assert m["url"].startswith("https://")
        assert s.get_event("ev-nothing") is None and s.get_article("nothing") is None
        top = s.top_actors()
        assert {t["name"] for t in top[:2]} == {A[0], B[0]} and top[0]["events"] == 3
        assert top[0]["country"] in (A[1], B[1])
        tl = s.timeline(EventQuery(actor=A[0]))
        assert tl == [{"date": "2024-03-05", "quad_class": 1, "count": 2}, {"date": "2024-03-12", "quad_class": 1, "count": 1}]


def test_failures_are_stored_and_cleared(db_path):
    good = report("f1", A, B, "AID", "2024-07-01", "Lima", filler_seed=21)
    with Store.open(db_path) as s:
        s.ingest([Failure("test:f1", "stage", "stage 'events' failed", stage="events"), Failure("bad.txt", "encoding", "not UTF-8")])
        assert {f["source"] for f in s.failures()} == {"test:f1", "bad.txt"}
        s.ingest([Failure("bad.txt", "encoding", "not UTF-8")])
        assert {f["source"]: f["attempts"] for f in s.failures()}["bad.txt"] == 2
        s.ingest([good])  # the input that failed now works: its failure goes
        assert [f["source"] for f in s.failures()] == ["bad.txt"]


def test_exports_round_trip(db_path, tmp_path):
    arts = meeting_reports() + list(wire_copy())
    arts.append(report("z1", A, C, "THREATEN", "2024-08-01", None, filler_seed=31, hypothetical=True))
    with Store.open(db_path) as s:
        s.ingest(arts)
        rows = {r["id"]: r for r in all_events(s)}
        assert s.export(None, "parquet", tmp_path / "e.parquet") == 4
        assert s.export(None, "plover", tmp_path / "e.jsonl") == 4
        assert s.export(None, "csv", tmp_path / "e.csv") == 4
        assert s.export(EventQuery(include_hypothetical=True), "gdelt", tmp_path / "e.tsv") == 4  # never hypothetical
        assert s.export(EventQuery(include_hypothetical=True), "plover", tmp_path / "h.jsonl") == 5
        with pytest.raises(InputError):
            s.export(None, "xml", tmp_path / "e.xml")
    back = pq.read_table(tmp_path / "e.parquet").to_pylist()
    assert {r["id"] for r in back} == set(rows)
    for r in back:
        want = rows[r["id"]]
        assert (r["type"], r["cameo"], r["num_mentions"], r["num_sources"]) == (want["type"], want["cameo"], want["num_mentions"], want["num_sources"])
        assert [a["name"] for a in r["sources"]] == [a["name"] for a in want["sources"]]
        assert r["date"].isoformat() == want["date"]
    for p in read_plover(tmp_path / "e.jsonl"):
        want = rows[p["id"]]
        assert (p["event_type"], p["date"], p["num_sources"], p["cameo"]) == (want["type"], want["date"], want["num_sources"], want["cameo"])
        assert [a["text"] for a in p["target"]] == [a["name"] for a in want["targets"]]
    with open(tmp_path / "e.csv", encoding="utf-8") as fh:
        csv_rows = list(csv.DictReader(fh))
    assert {r["id"] for r in csv_rows} == set(rows) and all(r["source_codes"] for r in csv_rows)
    with open(tmp_path / "e.tsv", encoding="utf-8") as fh:
        lines = [line.rstrip("\n").split("\t") for line in fh]
    assert len(lines) == 4 and all(len(cols) == 61 == len(GDELT_COLUMNS) for cols in lines)
    col = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    for cols in lines:
        int(cols[col["GLOBALEVENTID"]]), int(cols[col["SQLDATE"]]), float(cols[col["GoldsteinScale"]])
        assert cols[col["EventCode"]] in {"040", "112"}  # leading zero kept
        assert cols[col["EventRootCode"]] in {"04", "11"}
        assert cols[col["QuadClass"]] in {"1", "3"} and int(cols[col["NumSources"]]) >= 1
        assert len(cols[col["ActionGeo_CountryCode"]]) == 2  # FIPS
        assert cols[col["SOURCEURL"]].startswith("https://")
        assert len(cols[col["Actor1Code"]]) == 6  # country + sector, e.g. NGAGOV


def test_migrations_recorded_once(db_path):
    import duckdb

    with Store.open(db_path):
        pass
    with Store.open(db_path):
        pass
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        assert con.execute("SELECT version FROM schema_version ORDER BY version").fetchall() == [(n,) for n in range(1, SCHEMA_VERSION + 1)]
    finally:
        con.close()
    with pytest.raises(StoreError):
        Store.open(db_path.parent / "missing.duckdb", read_only=True)


def _hold_lock(path):
    code = "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); time.sleep(60)"
    p = subprocess.Popen([sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "ready"
    return p


def test_locked_store_names_the_server_or_process(db_path):
    with Store.open(db_path):
        pass
    holder = _hold_lock(db_path)
    try:
        with pytest.raises(StoreLockedError) as e:
            Store.open(db_path)
        assert str(holder.pid) in str(e.value)
        side = sidecar_path(db_path)
        side.write_text(json.dumps({"pid": holder.pid, "url": "http://127.0.0.1:8765", "started": "2024-01-01T00:00:00"}))
        with pytest.raises(StoreLockedError) as e:
            Store.open(db_path)
        msg = str(e.value)
        assert "http://127.0.0.1:8765" in msg and "server" in msg and "stop" in msg
    finally:
        holder.kill()
        holder.wait()
    time.sleep(0.1)
    os.remove(sidecar_path(db_path))
    with Store.open(db_path) as s:  # free again
        assert s.counts()["events"] == 0


class FailingStore(Store):
    """A store whose disk fails once while it writes the events of a batch (after the articles)."""

    fail_next = False

    def _insert(self, table, rows):
        if table == "events" and self.fail_next:
            self.fail_next = False
            raise OSError(28, "No space left on device")
        return super()._insert(table, rows)


def test_a_batch_that_fails_midway_leaves_the_store_as_before(db_path):
    good = meeting_reports()
    with FailingStore.open(db_path) as s:
        s.ingest(good[:2])
        before = s.counts()
        ids_before = [r["id"] for r in all_events(s)]
        s.fail_next = True
        with pytest.raises(OSError):
            s.ingest([good[3], good[2]])  # fails while writing, inside the transaction
        assert s.counts() == before
        assert [r["id"] for r in all_events(s)] == ids_before
        # the store goes on: the same articles are added (the dedup index was not left dirty)
        counts = s.ingest([good[3], good[2]])
        assert counts["articles"] == 2 and counts["near_duplicates"] == 0
        assert s.counts()["articles"] == 4


POOL = generated(40, seed=17, stories=8)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.lists(st.integers(0, len(POOL) - 1), min_size=1, max_size=60),
       batch=st.integers(1, 25))
def test_any_sequence_of_ingests_keeps_the_invariants(tmp_path, order, batch):
    """Repeats, any batch size: the store equals one clean ingest of the distinct articles in
    first-seen order, and its counts agree with its rows."""
    seen: dict[int, None] = dict.fromkeys(order)
    path_a, path_b = tmp_path / f"a{len(order)}-{batch}.duckdb", tmp_path / f"b{len(order)}-{batch}.duckdb"
    for p in (path_a, path_b):
        if p.exists():
            p.unlink()
    with Store.open(path_a) as s:
        s.ingest([POOL[i] for i in order], batch_size=batch)
        got = {r["id"]: (r["num_mentions"], r["num_sources"], tuple(r["article_ids"])) for r in all_events(s)}
        con = s.con
        assert con.execute("SELECT count(*) FROM article_events WHERE event_id NOT IN (SELECT id FROM events)").fetchall()[0][0] == 0
        assert con.execute("SELECT count(*) FROM articles").fetchall()[0][0] == len(seen)
        bad = con.execute("""SELECT e.id FROM events e JOIN article_events ae ON ae.event_id = e.id
                             JOIN articles a ON a.id = ae.article_id GROUP BY e.id, e.num_sources, e.num_mentions
                             HAVING e.num_sources <> count(DISTINCT a.source_group) OR e.num_mentions <> sum(ae.n_evidence)""").fetchall()
        assert bad == []
        # the event row's copies (schema 5) agree with the tables they copy
        assert con.execute("""SELECT count(*) FROM events e WHERE e.article_ids IS DISTINCT FROM
                              (SELECT list(DISTINCT article_id ORDER BY article_id) FROM article_events WHERE event_id = e.id)
                              OR len(e.sources) + len(e.targets) <> (SELECT count(*) FROM event_actors a WHERE a.event_id = e.id)
                           """).fetchall()[0][0] == 0
        assert con.execute("SELECT count(*) - count(DISTINCT ek) FROM events").fetchall()[0][0] == 0
        assert con.execute("SELECT count(*) FROM event_actors a JOIN events e ON e.id = a.event_id "
                           "WHERE a.ek IS DISTINCT FROM e.ek").fetchall()[0][0] == 0
    with Store.open(path_b) as s:
        s.ingest([POOL[i] for i in seen])
        want = {r["id"]: (r["num_mentions"], r["num_sources"], tuple(r["article_ids"])) for r in all_events(s)}
    assert got == want


def test_pages_agree_with_one_sorted_list(tmp_path):
    """Pages are read through the sort key's histogram; every sort, order and offset must give the
    slice of the whole list sorted by (key, id), NULL keys last."""
    from dragoman.store.query import SORTS

    with Store.open(tmp_path / "pages.duckdb") as s:
        s.ingest(generated(60, seed=5, stories=25))
        s.con.execute("UPDATE events SET date = NULL, confidence = NULL WHERE id IN (SELECT id FROM events ORDER BY id LIMIT 3)")
        rows, total = s.query_events(EventQuery(), limit=10_000, sort="id")
        assert total == len(rows) > 15
        for sort in SORTS:
            for desc in (True, False):
                def key(r, sort=sort, desc=desc):
                    v = r[sort]
                    return (v is None, v if v is None or not desc else _neg(v), r["id"])
                want = [r["id"] for r in sorted(rows, key=key)]
                for offset, limit in ((0, 5), (3, 7), (total - 4, 10), (total, 5), (0, total + 3), (11, 1)):
                    page, n = s.query_events(EventQuery(), limit=limit, offset=offset, sort=sort, descending=desc)
                    assert n == total
                    assert [r["id"] for r in page] == want[offset:offset + limit], (sort, desc, offset, limit)
        some = s.query_events(EventQuery(actor=A[0]), limit=3, offset=1, sort="confidence")
        assert some[1] == len(all_events(s, actor=A[0])) and len(some[0]) == min(3, some[1] - 1)


def _neg(v):
    """A key that sorts ``v`` descending: numbers and dates negate, strings invert their code points."""
    from datetime import date

    if isinstance(v, (int, float)):
        return -v
    if isinstance(v, date):
        return -v.toordinal()
    if isinstance(v, str):
        return tuple(-ord(ch) for ch in v) + (1,)
    raise TypeError(v)


def test_a_schema_4_store_is_migrated_on_open(tmp_path):
    """A store written by the previous schema (participants only in event_actors, no ``ek``) is
    brought to the current one when opened for writing, and answers as a fresh store does; opened
    read-only it is refused with the fix."""
    import duckdb

    from dragoman.store.schema import MIGRATIONS

    arts = meeting_reports() + list(wire_copy())
    fresh = tmp_path / "fresh.duckdb"
    with Store.open(fresh) as s:
        s.ingest(arts)
        want = all_events(s, include_negated=True)
        want_actors = s.top_actors()
    old = tmp_path / "old.duckdb"
    con = duckdb.connect(str(old))
    con.execute("CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP, dragoman_version VARCHAR)")
    for n, stmts in enumerate(MIGRATIONS[:4], start=1):
        for stmt in stmts:
            con.execute(stmt)
        con.execute("INSERT INTO schema_version VALUES (?, current_timestamp, 'old')", [n])
    con.execute(f"ATTACH '{fresh}' AS f (READ_ONLY)")
    for table in ("articles", "article_actors", "mentions", "event_keys", "times", "quotes",
                  "failures", "signatures"):
        con.execute(f"INSERT INTO {table} SELECT * FROM f.{table}")
    con.execute("INSERT INTO article_events SELECT * EXCLUDE (merge_reason) FROM f.article_events")  # schema 6
    con.execute("INSERT INTO event_actors SELECT * EXCLUDE (ek) FROM f.event_actors")
    con.execute("INSERT INTO events BY NAME SELECT * EXCLUDE (sources, targets, article_ids, ek) FROM f.events")
    con.execute("DETACH f")
    con.close()
    with pytest.raises(StoreError, match="open it once for writing"):
        Store.open(old, read_only=True)
    with Store.open(old) as s:
        assert all_events(s, include_negated=True) == want
        assert s.top_actors() == want_actors
        assert len(all_events(s, actor=A[0])) == len(all_events(s, actor=A[0].split()[1].lower())) > 0
        s.ingest([report("m1", A, C, "AID", "2024-05-01", "Lima", filler_seed=31)])  # writes go on after the migration
        assert len(all_events(s, include_negated=True)) == len(want) + 1


def test_optimize_rewrites_in_date_order_and_changes_no_answer(tmp_path):
    from test_store_data import generated as gen

    with Store.open(tmp_path / "opt.duckdb") as s:
        s.ingest(gen(30, seed=3, stories=12))
        before = {sort: s.query_events(EventQuery(), limit=1000, sort=sort)[0] for sort in ("date", "confidence", "id")}
        by_actor = all_events(s, actor=A[0])
        counts = s.counts()
        s.optimize()
        assert s.counts() == counts
        assert {sort: s.query_events(EventQuery(), limit=1000, sort=sort)[0] for sort in before} == before
        assert all_events(s, actor=A[0]) == by_actor
        dates = [r[0] for r in s.con.execute("SELECT date FROM events").fetchall()]
        assert dates == sorted(dates, key=lambda d: (d is None, d))
        s.ingest(gen(40, seed=3, stories=12)[30:])  # writes go on: new keys continue after the old ones
        assert s.con.execute("SELECT count(*) - count(DISTINCT ek) FROM events").fetchall()[0][0] == 0
