"""What keeps a long watcher's memory flat: the near-duplicate window (``WindowIndex``) answering as the
trimmed ``NearDuplicateIndex`` does in a fixed block of memory, the store's connection opened afresh every
``watch.reconnect_articles`` articles (by ``dragoman watch`` and by ``dragoman serve --watch``, whose reads
go on across it), merging a round's events in chunks (``watch.merge_chunk``) exactly as merging it whole
does (and in pages of ``watch.merge_page`` stored events), a watcher starting afresh after
``watch.recycle_articles`` stored articles, and the server's warning past ``watch.max_memory_mb`` (it does not
re-execute itself)."""

from __future__ import annotations

import random
import threading
import time
from dataclasses import replace

import httpx
import numpy as np
import pytest
from watch_support import NewsSite, story_page, watch_settings

from dragoman.api import ServerThread, create_app
from dragoman.ingest.dedup import NearDuplicateIndex, minhash
from dragoman.ingest.html import page_article
from dragoman.model import Article
from dragoman.settings import WatchSettings
from dragoman.store import Store
from dragoman.store.window import WindowIndex
from dragoman.watch import FakeClock, Feed, Watcher

WORDS = ["the", "foreign", "ministers", "of", "two", "neighbouring", "countries", "met", "on", "Tuesday", "to",
         "discuss", "trade", "border", "security", "water", "sharing", "and", "the", "release", "of", "prisoners",
         "while", "protesters", "gathered", "outside", "the", "parliament", "in", "the", "capital"]


def _texts(n: int, copies: int, seed: int = 3) -> list[str]:
    """``n`` random stories and ``copies`` near-copies of them (a word added), shuffled."""
    rng = random.Random(seed)
    texts = [" ".join(rng.choice(WORDS) for _ in range(80)) for _ in range(n)]
    for _ in range(copies):
        words = rng.choice(texts).split()
        words.insert(rng.randrange(len(words)), "reportedly")
        texts.append(" ".join(words))
    rng.shuffle(texts)
    return texts


@pytest.mark.parametrize("window", [25, 10_000])
def test_window_index_links_as_the_trimmed_index_does(window):
    sigs = [minhash(t) for t in _texts(300, 120)] + [minhash("")]  # the empty text is never linked
    full, ring = NearDuplicateIndex(), WindowIndex(window)
    held = ring._sigs.nbytes + ring._hashes.nbytes
    links = 0
    for i, s in enumerate(sigs):
        want = full.add(f"a{i}", s)
        full.trim(window)
        assert ring.add(f"a{i}", s) == want, i
        links += want is not None
        assert len(ring) == len(full)
    assert links > (5 if window < 100 else 60)  # near-copies found (fewer once their original left the window)
    assert ring.add("a3", sigs[3]) == full.add("a3", sigs[3])  # a key again: its first answer
    assert ring._sigs.nbytes + ring._hashes.nbytes == held  # nothing grew
    assert np.array_equal(ring.signature(f"a{len(sigs) - 2}"), sigs[-2])


def test_window_index_rebuilt_from_signatures_keeps_the_latest():
    sigs = [minhash(t) for t in _texts(10, 0)]
    ring = WindowIndex.from_signatures(4, ((f"k{i}", s) for i, s in enumerate(sigs)))
    assert len(ring) == 4 and "k5" not in ring and "k6" in ring and "k9" in ring
    assert ring.add("copy", sigs[8]) == "k8" and ring.add("old", sigs[2]) is None
    assert ring.trim(2) == 2 and len(ring) == 2 and "old" in ring and "copy" in ring
    long_key = "article-" + "x" * 100  # longer than the fixed width: kept by its hash, answered by its name
    assert ring.add(long_key, sigs[0]) is None and long_key in ring and ring.add("copy0", sigs[0]) == long_key
    assert ring.add(long_key, sigs[0]) is None and ring.add("copy0", sigs[0]) == long_key  # first answers again
    with pytest.raises(ValueError, match="at least one"):
        WindowIndex(0)


def test_store_reconnect_keeps_its_index_and_threads(db_path):
    texts = _texts(6, 0, seed=5)
    with Store.open(db_path) as store:
        store.dedup_window = 100
        store.set_threads(1)
        store.ingest([Article(id=f"a{i}", text=t, url=f"https://one.example/{i}") for i, t in enumerate(texts)])
        before = store.con
        store.reconnect()
        assert store.con is not before and store._first("SELECT current_setting('threads')")[0] == 1
        copy = texts[2] + " Reported by a second outlet."
        counts = store.ingest([Article(id="c2", text=copy, url="https://two.example/2")])
        assert counts["articles"] == 1 and counts["near_duplicates"] == 1
        assert store._dicts("SELECT duplicate_of FROM articles WHERE id = 'c2'")[0]["duplicate_of"] == "a2"
    with Store.open(db_path, read_only=True) as store:
        assert store.counts()["articles"] == 7


def test_the_near_duplicate_window_is_read_from_the_store_a_page_at_a_time(db_path):
    texts = _texts(7, 0, seed=9)
    with Store.open(db_path) as store:
        store.ingest([Article(id=f"a{i}", text=t, url=f"https://one.example/{i}") for i, t in enumerate(texts)])
    with Store.open(db_path) as store:
        every = [k for k, _ in store._signatures(None, page=2)]  # pages of 2: 4 reads
        assert every == [f"a{i}" for i in range(7)]
        seqs = [r[0] for r in store._sql("SELECT seq FROM signatures ORDER BY seq").fetchall()]
        assert [k for k, _ in store._signatures(seqs[3], page=2)] == ["a3", "a4", "a5", "a6"]
        store.dedup_window = 3
        window = store._dedup()
        assert len(window) == 3 and "a4" in window and "a6" in window and "a3" not in window
        copy = texts[5] + " Reported by a second outlet."
        assert store.ingest([Article(id="c5", text=copy, url="https://two.example/5")])["near_duplicates"] == 1


def test_watcher_opens_its_store_afresh_every_n_articles(pipeline, db_path):
    site = NewsSite()
    try:
        for n in range(3):
            site.add("/w.rss", n)
        with Store.open(db_path) as store:
            w = Watcher(store, [Feed(site.url("/w.rss"), "w", 60)], [], watch_settings(reconnect_articles=4),
                        clock=FakeClock(), rng=random.Random(1), pipeline=pipeline, out=lambda line: None)
            first = store.con
            assert store.merge_chunk == WatchSettings().merge_chunk > 0  # merging in chunks: memory bounded per load
            assert w.run_round().stored == 3 and store.con is first  # 3 of 4
            for n in (3, 4):
                site.add("/w.rss", n)
            w.clock.sleep(w.next_wake() - w.clock.time())
            assert w.run_round().stored == 2 and store.con is not first  # 5: opened afresh
            assert store._first("SELECT current_setting('threads')")[0] == 1
            assert store.memory_mb == WatchSettings().store_memory_mb > 0  # DuckDB held small, after reopening too
            assert store._first("SELECT current_setting('memory_limit')")[0] == _mib(WatchSettings().store_memory_mb)
            assert store.counts()["articles"] == 5
            w.close()
    finally:
        site.close()


def test_a_round_that_stored_forgets_the_names_its_merge_met(pipeline, db_path):
    """The name and actor-key caches hold one round's names, not every name of every candidate loaded so far."""
    from dragoman.store import records

    site = NewsSite()
    try:
        for n in range(3):
            site.add("/w.rss", n)
        with Store.open(db_path) as store:
            w = Watcher(store, [Feed(site.url("/w.rss"), "w", 60)], [], watch_settings(), clock=FakeClock(),
                        rng=random.Random(1), pipeline=pipeline, out=lambda line: None)
            records.actor_keys({"name": "Daniel Kamau", "kind": "person", "country": "KEN", "sector": "GOV"})
            assert records._keys.cache_info().currsize > 0
            assert w.run_round().stored == 3
            assert store.counts()["events"] > 0  # the merge computed the keys of the round's participants
            assert records._keys.cache_info().currsize == 0 and records.actor_id.cache_info().currsize == 0
            records.actor_keys({"name": "Daniel Kamau", "kind": "person", "country": "KEN", "sector": "GOV"})
            w.clock.sleep(w.next_wake() - w.clock.time())
            assert w.run_round().stored == 0  # nothing new: nothing stored, nothing forgotten
            assert records._keys.cache_info().currsize > 0
            w.close()
    finally:
        site.close()


def test_watcher_starts_afresh_after_recycle_articles_and_the_next_one_goes_on(pipeline, db_path):
    site = NewsSite()
    try:
        for n in range(3):
            site.add("/w.rss", n)
        feeds = [Feed(site.url("/w.rss"), "w", 60)]
        clock = FakeClock()
        lines: list[str] = []
        with Store.open(db_path) as store:
            w = Watcher(store, feeds, [], watch_settings(), clock=clock, rng=random.Random(1), pipeline=pipeline,
                        out=lambda line: None, progress=lines.append)
            assert WatchSettings().recycle_articles > 0  # `dragoman watch` starts afresh by default
            assert w.run(threading.Event(), until=clock.time() + 3600, recycle_articles=3) is True
            assert w.rounds == 1 and store.counts()["articles"] == 3
            assert any("starting afresh" in line and "watch.recycle_articles" in line for line in lines)
            w.close()
            site.add("/w.rss", 3)
            again = Watcher(store, feeds, [], watch_settings(), clock=clock, rng=random.Random(2), pipeline=pipeline,
                            out=lambda line: None)
            # one article more: fewer than 3 stored by this one, so it watches until the end
            assert again.run(threading.Event(), until=clock.time() + 600, recycle_articles=3) is False
            assert again.rounds > 1 and store.counts()["articles"] == 4
            again.close()
        assert all(len(site.gets(f"/w/story-{n}.html")) == 1 for n in range(4))  # nothing fetched twice
    finally:
        site.close()


def test_serve_watch_reconnects_with_reads_going_on_and_warns_past_its_memory_limit(tmp_path, pipeline):
    site = NewsSite()
    site.add("/live.rss", 0)
    db = tmp_path / "served.duckdb"
    settings = watch_settings(reconnect_articles=1, max_memory_mb=1.0)
    errors: list[str] = []
    stop = threading.Event()
    try:
        app = create_app(db, pipeline=pipeline, settings=settings, watch=([Feed(site.url("/live.rss"), "live", 1.0)], []))
        with ServerThread(app) as srv:

            def read() -> None:  # reads all along: none may fail while the connection is replaced
                while not stop.is_set():
                    r = httpx.get(srv.url + "/api/events", timeout=30)
                    if r.status_code != 200:
                        errors.append(r.text)

            readers = [threading.Thread(target=read) for _ in range(2)]
            for t in readers:
                t.start()
            deadline = time.monotonic() + 90  # a hang guard
            for n in (1, 2):
                while httpx.get(srv.url + "/api/stats", timeout=30).json()["articles"] < n:
                    assert time.monotonic() < deadline
                    time.sleep(0.2)
                site.add("/live.rss", n)
            while httpx.get(srv.url + "/api/stats", timeout=30).json()["articles"] < 3:
                assert time.monotonic() < deadline
                time.sleep(0.2)
            stop.set()
            for t in readers:
                t.join(60)
            thread = app.state.watcher
            # one fresh connection per round that stored an article; a round opens it after its article is
            # visible (and rounds that found nothing new count too), so wait for the third, not for three rounds
            while thread.access._generation < 3:
                assert time.monotonic() < deadline, f"{thread.access._generation} fresh connections for 3 articles"
                time.sleep(0.1)
            assert thread.memory_warning and "restart the server when convenient" in thread.memory_warning
            assert thread.watcher.rounds >= 3 and thread.error is None  # the watcher went on
    finally:
        stop.set()
        site.close()
    assert errors == []
    with Store.open(db, read_only=True) as store:
        assert store.counts()["articles"] == 3


class _CountingStore(Store):
    """A store that records what each load of candidate clusters for new article events brought in: for how many
    new article events, stored events of which types, and how many stored events."""

    loads: list[tuple[int, set[str], int]]
    _chunk = 0

    def _candidate_ids(self, new_members, narrow=True):  # type: ignore[no-untyped-def]
        self._chunk = len(new_members)
        return super()._candidate_ids(new_members, narrow)

    def _clusters(self, ids):  # type: ignore[no-untyped-def]
        clusters = super()._clusters(ids)
        if self._chunk:
            self.loads.append((self._chunk, {m["type"] for c in clusters for m in c.members}, len(clusters)))
        return clusters


def _merged_state(path) -> tuple[list[tuple], list[tuple]]:
    with Store.open(path, read_only=True) as store:
        events = store._sql("SELECT id, ek, type, article_ids, num_articles, num_sources, num_mentions, date "
                            "FROM events ORDER BY id").fetchall()
        members = store._sql("SELECT id, event_id, merge_reason FROM article_events ORDER BY id").fetchall()
    return events, members


#: one happening told in several words (invented), so that reports of different outlets merge by their participants
LEADS = [
    "Pakistan's foreign minister met his Turkish counterpart in Ankara on Monday to discuss trade, the ministry said.",
    "Turkey's foreign minister held talks with Pakistan's foreign minister in Ankara on Monday.",
    "The foreign ministers of Pakistan and Turkey met in Ankara on Monday, officials said.",
    "Kenya's president accused Somalia of violating its airspace on Monday, his office said.",
    "Kenya accused Somalia on Monday of breaching its airspace.",
    "The European Union imposed sanctions on Belarus on Monday over the detention of journalists.",
    "The EU imposed new sanctions on Belarus on Monday.",
    "Egypt's prime minister visited Jordan on Monday to discuss water sharing, state media reported.",
    "Egypt's prime minister arrived in Jordan on Monday for talks on water.",
]


def test_merging_a_batch_in_chunks_stores_what_merging_it_whole_does(pipeline, tmp_path):
    # each happening told by several outlets, in three batches; the last one also recodes three stored articles
    # (a newer dragoman: their events leave the clusters they joined) and so merges against changed clusters
    settings = watch_settings()
    pages = [page_article(story_page(n, lead=LEADS[n % len(LEADS)], outlet=f"Outlet {n % 4}"),
                          f"https://outlet{n % 4}.example/news/{n}", settings) for n in range(36)]
    arts = list(pipeline.run_many(pages))
    recoded = [replace(a, dragoman_version="999.0") for a in arts[3:6]]
    batches = [arts[:12], arts[12:24], arts[24:] + recoded]
    assert all(isinstance(a, Article) and a.events for a in arts)
    loads = {}
    ways = [(None, None), (1, None), (3, None), (16, None), (3, 1), (16, 1)]  # (merge_chunk, merge_page)
    for chunk, page in ways:
        path = tmp_path / f"chunk{chunk}-{page}.duckdb"
        store = _CountingStore(Store.open(path).con, str(path), False)
        store.loads = []
        store.merge_chunk, store.merge_page = chunk, page
        counts = [store.ingest(b, batch_size=100) for b in batches]
        store.close()
        assert counts[2]["replaced"] == 3
        loads[chunk, page] = store.loads
    whole = _merged_state(tmp_path / "chunkNone-None.duckdb")
    assert sum(1 for e in whole[0] if e[4] > 1) >= 3
    for way in ways[1:]:
        assert _merged_state(tmp_path / "chunk{}-{}.duckdb".format(*way)) == whole, way
    # the whole batch's load brings in stored events of several types at once; a chunk's, of its own type only
    assert max(len(types) for _, types, _ in loads[None, None]) > 1
    for chunk, page in ways[1:]:
        assert all(n <= chunk and len(types) <= 1 for n, types, _ in loads[chunk, page]), loads[chunk, page]
    # in pages: a chunk that may join more stored events than a page holds is merged event by event, a page at
    # a time (more loads than without pages), with the same result (above)
    for way in ((3, 1), (16, 1)):
        assert len(loads[way]) > len(loads[way[0], None]), (loads[way], loads[way[0], None])


def test_a_page_of_clusters_is_forgotten_whole():
    """``Merger.add_paged`` holds a page of clusters only while it compares a new member with it: forgotten, the
    merger's indexes are those it had before (nothing kept but the cluster the member joined)."""
    from datetime import date

    from dragoman.store.merge import Cluster, Merger

    def member(i: int, article: str, who: str) -> dict:
        return {"id": f"m{i}", "article_id": article, "type": "CONSULT", "cameo": "040", "negated": False,
                "hypothetical": False, "future": False, "reciprocal": True, "mode": None, "confidence": 0.9,
                "sources": f'[{{"id": "{who}", "name": "{who}", "kind": "country", "country": "{who}"}}]',
                "targets": '[{"id": "PAK", "name": "Pakistan", "kind": "country", "country": "PAK"}]',
                "date": date(2020, 10, 26), "date_lo": date(2020, 10, 26), "date_hi": date(2020, 10, 26),
                "date_precision": "day", "place": None}

    merger = Merger([Cluster([member(0, "a0", "TUR")], old_id="e0")])
    held = (len(merger._index), len(merger._all), len(merger._by_article), len(merger._cluster_of), len(merger.clusters))
    page = [Cluster([member(1, "a1", "TUR")], old_id="e1"), Cluster([member(2, "a2", "IND")], old_id="e2")]
    joined = merger.add_paged(member(3, "a3", "IND"), [], [page])
    assert joined is page[1] and joined.touched and [m["id"] for m in joined.members] == ["m2", "m3"]
    assert merger.add(member(4, "a4", "IND")) is joined  # what it joined is kept, as ``add`` keeps it
    assert page[0] not in merger.clusters and all(page[0] not in c.values() for c in merger._index.values())
    assert "a1" not in merger._by_article and len(merger.clusters) == held[4] + 1



def _mib(mb: float) -> str:
    """DuckDB's way of writing a memory limit of ``mb`` MB (10^6 bytes)."""
    return f"{int(int(mb) * 1e6 / 2**20 * 10) / 10:.1f} MiB"  # cut, not rounded: 24 MB is "22.8 MiB"


def test_a_store_whose_indexes_outgrow_its_memory_limit_raises_it_and_stores_the_batch(db_path):
    """``watch.store_memory_mb`` holds DuckDB small, but a large store's indexes must fit in memory whole: a batch
    that runs out of memory is stored under a raised limit; a statement outside the write transaction that
    outgrows it runs again under a raised one, given back after it (what a write transaction needed stays, across
    reconnects too: the next test).  (A large store's indexes are played here by a limit of 1 MB, which any
    batch outgrows.)"""
    texts = _texts(4, 0, seed=11)
    with Store.open(db_path) as store:
        store.ingest([Article(id=f"a{i}", text=t, url=f"https://one.example/{i}") for i, t in enumerate(texts[:2])])
    with Store.open(db_path) as store:
        store.set_memory_limit(8)
        store.memory_mb = 1.0
        store._sql("SET memory_limit = '1MB'")
        batch = [Article(id=f"b{i}", text=t, url=f"https://two.example/{i}") for i, t in enumerate(texts[2:])]
        counts = store.ingest(batch)
        assert counts["articles"] == 2 and counts["skipped"] == 0
        limit = max(2.0, store.memory_mb)
        store._sql("SET memory_limit = '1MB'")
        store.memory_mb = 1.0
        assert len(store._dicts("SELECT * FROM articles")) == 4  # a read outgrowing it, run again under more
        assert store.memory_mb == 1.0  # and given back
        # given back without touching the statement's result, read after (on the connection's cursor)
        assert len(store._sql("SELECT * FROM articles ORDER BY text").fetchall()) == 4
        assert store.memory_mb == 1.0
        store.set_memory_limit(limit)
        store.reconnect()
        assert store._first("SELECT current_setting('memory_limit')")[0] == _mib(store.memory_mb)
    with Store.open(db_path, read_only=True) as store:
        assert store.counts()["articles"] == 4


class _TightWriteStore(Store):
    """A store whose first write transaction runs out of DuckDB's memory limit halfway (its limit dropped to 1 MB
    before the first insert), as a large store's indexes may make it."""

    squeezed = False

    def _insert(self, table, rows):  # type: ignore[no-untyped-def]
        if not self.squeezed and rows:
            self.squeezed = True
            self._sql("SET memory_limit = '1MB'")
        return super()._insert(table, rows)


def test_a_batch_running_out_of_memory_inside_its_transaction_is_stored_again_under_a_raised_limit(db_path):
    """Inside the write transaction a statement that runs out of memory aborts it: the store rolls it back before
    raising the limit (DuckDB takes no other statement in an aborted transaction) and stores the batch again."""
    texts = _texts(3, 0, seed=13)
    store = _TightWriteStore(Store.open(db_path).con, db_path, False)
    store.set_memory_limit(8)
    store.memory_mb = 1.0
    counts = store.ingest([Article(id=f"c{i}", text=t, url=f"https://three.example/{i}") for i, t in enumerate(texts)])
    assert store.squeezed and counts["articles"] == 3 and store.memory_mb >= 2  # raised inside the transaction: stays
    store.reconnect()
    assert store._first("SELECT current_setting('memory_limit')")[0] == _mib(store.memory_mb)
    assert store.counts()["articles"] == 3 and store.counts()["signatures"] == 3
    store.close()


def test_a_store_held_to_a_memory_limit_checkpoints_on_reconnect_and_close_not_after_a_commit(db_path):
    """A checkpoint that runs out of memory invalidates the database: a store held small puts DuckDB's own off (they
    come after a commit, under the limit) and makes them itself on ``reconnect`` and ``close``, under DuckDB's
    default limit, the small one set again after."""
    import os

    texts = _texts(4, 0, seed=17)
    wal = str(db_path) + ".wal"
    with Store.open(db_path) as store:
        store.set_memory_limit(16)
        assert store._first("SELECT current_setting('checkpoint_threshold')")[0] == "976.5 MiB"
        store.ingest([Article(id=f"k{i}", text=t, url=f"https://four.example/{i}") for i, t in enumerate(texts[:2])])
        assert os.path.exists(wal) and os.path.getsize(wal) > 0  # committed, not checkpointed
        store.reconnect()
        assert not os.path.exists(wal) or os.path.getsize(wal) == 0
        assert store._first("SELECT current_setting('memory_limit')")[0] == _mib(16)
        assert store._first("SELECT current_setting('checkpoint_threshold')")[0] == "976.5 MiB"
        store.ingest([Article(id=f"k{i}", text=t, url=f"https://four.example/{i}") for i, t in enumerate(texts) if i >= 2])
    assert not os.path.exists(wal) or os.path.getsize(wal) == 0  # and on closing
    with Store.open(db_path, read_only=True) as store:
        assert store.counts()["articles"] == 4


def test_a_store_opened_afresh_between_its_merge_reads_stores_what_one_connection_does(pipeline, tmp_path):
    """``Store.reopen_filtered``: DuckDB keeps what a list filter held until the database closes, so a watcher's
    store opens its connection afresh between a batch's reads once they filtered by that many values; the merged
    events are the ones a single connection gives, and a write transaction is never cut."""
    settings = watch_settings()
    pages = [page_article(story_page(n, lead=LEADS[n % len(LEADS)], outlet=f"Outlet {n % 4}"),
                          f"https://outlet{n % 4}.example/news/{n}", settings) for n in range(24)]
    arts = list(pipeline.run_many(pages))
    batches = [arts[:8], arts[8:16], arts[16:] + [replace(a, dragoman_version="999.0") for a in arts[2:4]]]
    opened = {}
    for reopen in (None, 3):
        path = tmp_path / f"reopen{reopen}.duckdb"
        store = Store.open(path)
        store.merge_chunk, store.merge_page, store.reopen_filtered = 3, 1, reopen
        cons: list[int] = []
        original = store.reconnect

        def reconnect(store=store, cons=cons, original=original):
            assert not store._in_transaction  # between reads, never inside the batch's transaction
            original()
            cons.append(1)

        store.reconnect = reconnect
        for b in batches:
            store.ingest(b, batch_size=100)
        store.close()
        opened[reopen] = len(cons)
    assert opened[None] == 0 and opened[3] > 3  # opened afresh many times, and only when asked
    assert _merged_state(tmp_path / "reopen3.duckdb") == _merged_state(tmp_path / "reopenNone.duckdb")


def test_the_watcher_reopens_its_own_store_after_filtered_values_not_a_shared_one(pipeline, db_path):
    from dragoman.store.store import FILTERED_VALUES

    with Store.open(db_path) as store:
        w = Watcher(store, [], [], watch_settings(), clock=FakeClock(), pipeline=pipeline, out=lambda line: None)
        assert store.reopen_filtered == FILTERED_VALUES > 0
        w.close()
    with Store.open(db_path) as store:
        w = Watcher(store, [], [], watch_settings(), clock=FakeClock(), pipeline=pipeline, out=lambda line: None,
                    own_store=False)
        assert store.reopen_filtered is None  # a server's connection: its readers' cursors would not survive it
        w.close()


def test_trim_heap_gives_back_duckdbs_freed_pages():
    """DuckDB's own jemalloc keeps the pages a statement freed; ``trim_heap`` purges them (and glibc's heap)."""
    import duckdb

    from dragoman.store import heap

    if not heap.duckdb_mallctl():
        pytest.skip("this DuckDB build has no jemalloc of its own")
    con = duckdb.connect()
    con.execute("SELECT count(DISTINCT i::VARCHAR) FROM range(2000000) t(i)").fetchall()

    def resident() -> int:
        import ctypes

        fn = heap.duckdb_mallctl()
        epoch, value, size = ctypes.c_uint64(1), ctypes.c_size_t(0), ctypes.c_size_t(ctypes.sizeof(ctypes.c_size_t))
        fn(b"epoch", None, None, ctypes.byref(epoch), ctypes.sizeof(epoch))
        assert fn(b"stats.resident", ctypes.byref(value), ctypes.byref(size), None, 0) == 0
        return value.value

    before = resident()
    assert heap.purge_duckdb()
    heap.trim_heap()
    assert resident() < before
    con.close()
