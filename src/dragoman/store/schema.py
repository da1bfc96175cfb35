"""The store's schema as numbered migrations, applied in order and recorded in ``schema_version``.

A migration is a list of SQL statements.  ``migrate(con)`` applies the ones a store has not had
yet, each in its own transaction, so an old store file opens with a newer dragoman and is brought
up to date; a store newer than this dragoman is refused (it might hold columns we would drop).

Tables (no primary-key constraints: uniqueness is kept by the writer, which lets DuckDB bulk-load
and delete-then-insert inside one transaction without index overhead):

- ``articles``        one row per stored article, with the record JSON and the dedup fields
- ``article_actors``  the actors an article names (per-article ids ``a1`` → global ``act-…``)
- ``article_events``  the events one article reports (a *member* of a merged event)
- ``mentions``        one row per evidence span (article, sentence, trigger) of an article event
- ``events``          merged real-world events: one row each, with num_mentions / num_sources, and
                      (denormalised, so a page of events is one scan of one table) the
                      participants ``sources``/``targets``, ``article_ids``, ``actor_names``/``actor_codes``
- ``event_actors``    the participants of a merged event (role source|target), one row each: the
                      actor list and the actor filters' semi-joins read it
- ``event_keys``      participant keys of merged events, used to find merge candidates
- ``times``, ``quotes`` per-article time expressions and quotes
- ``failures``        inputs that could not be processed, with the reason
- ``signatures``      MinHash signatures, so near-duplicate detection survives across runs
- ``watch_*``         the watcher's state: feeds (conditional-GET validators, next poll, failures),
                      items seen, rules (watermark, last firing), rule firings per article event,
                      alerts and their deliveries (``dragoman.store.watch``)
"""

from __future__ import annotations

import duckdb

from dragoman.errors import StoreError

#: the type of ``events.sources`` / ``events.targets``: the participants, in order
PARTICIPANTS = "STRUCT(id VARCHAR, name VARCHAR, country VARCHAR, org VARCHAR, sector VARCHAR)[]"

MIGRATIONS: list[list[str]] = [
    # 1: the first schema
    [
        """CREATE TABLE articles (
            id VARCHAR, url VARCHAR, canonical_url VARCHAR, text_hash VARCHAR, title VARCHAR,
            dateline VARCHAR, agency VARCHAR, author VARCHAR, language VARCHAR, published VARCHAR,
            ref_date DATE, ref_source VARCHAR, ref_trusted BOOLEAN, source VARCHAR,
            duplicate_of VARCHAR, source_group VARCHAR, dragoman_version VARCHAR,
            ingested_at TIMESTAMP, seq BIGINT, text VARCHAR, record VARCHAR)""",
        """CREATE TABLE article_actors (
            article_id VARCHAR, local_id VARCHAR, actor_id VARCHAR, name VARCHAR, country VARCHAR,
            org VARCHAR, sector VARCHAR, role VARCHAR, kind VARCHAR, rule VARCHAR, mentions VARCHAR)""",
        """CREATE TABLE article_events (
            id VARCHAR, article_id VARCHAR, event_id VARCHAR, local_id VARCHAR, type VARCHAR,
            mode VARCHAR, contexts VARCHAR[], quad_class INTEGER, cameo VARCHAR, score DOUBLE,
            date DATE, date_precision VARCHAR, date_text VARCHAR, date_trusted BOOLEAN,
            reciprocal BOOLEAN, negated BOOLEAN, hypothetical BOOLEAN, future BOOLEAN,
            historical BOOLEAN, confidence DOUBLE, rule VARCHAR, place VARCHAR,
            place_country VARCHAR, lat DOUBLE, lon DOUBLE, place_precision VARCHAR,
            sources VARCHAR, targets VARCHAR, source_group VARCHAR, url VARCHAR,
            n_evidence INTEGER, evidence_text VARCHAR, date_lo DATE, date_hi DATE, seq BIGINT)""",
        """CREATE TABLE mentions (
            article_event_id VARCHAR, article_id VARCHAR, ord INTEGER, start INTEGER, "end" INTEGER,
            trigger_start INTEGER, trigger_end INTEGER, text VARCHAR)""",
        """CREATE TABLE events (
            id VARCHAR, type VARCHAR, mode VARCHAR, contexts VARCHAR[], quad_class INTEGER,
            cameo VARCHAR, score DOUBLE, date DATE, date_precision VARCHAR, date_text VARCHAR,
            reciprocal BOOLEAN, negated BOOLEAN, hypothetical BOOLEAN, future BOOLEAN,
            historical BOOLEAN, confidence DOUBLE, rule VARCHAR, place VARCHAR,
            place_country VARCHAR, lat DOUBLE, lon DOUBLE, place_precision VARCHAR,
            num_mentions INTEGER, num_sources INTEGER, num_articles INTEGER, evidence_text VARCHAR,
            article_id VARCHAR, source_url VARCHAR, date_lo DATE, date_hi DATE, updated_at TIMESTAMP)""",
        """CREATE TABLE event_actors (
            event_id VARCHAR, role VARCHAR, ord INTEGER, actor_id VARCHAR, name VARCHAR,
            country VARCHAR, org VARCHAR, sector VARCHAR)""",
        """CREATE TABLE event_keys (
            event_id VARCHAR, type VARCHAR, key VARCHAR, date_lo DATE, date_hi DATE)""",
        """CREATE TABLE times (
            article_id VARCHAR, ord INTEGER, start INTEGER, "end" INTEGER, text VARCHAR, value VARCHAR,
            precision VARCHAR, type VARCHAR, trusted BOOLEAN, anchor VARCHAR)""",
        """CREATE TABLE quotes (
            article_id VARCHAR, ord INTEGER, speaker VARCHAR, speaker_actor_id VARCHAR,
            speaker_name VARCHAR, speaker_text VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR,
            direct BOOLEAN, cue VARCHAR, channel VARCHAR, events VARCHAR[])""",
        """CREATE TABLE failures (
            id VARCHAR, source VARCHAR, code VARCHAR, message VARCHAR, stage VARCHAR,
            article_id VARCHAR, dragoman_version VARCHAR, attempts INTEGER,
            first_seen TIMESTAMP, last_seen TIMESTAMP)""",
        """CREATE TABLE signatures (article_id VARCHAR, seq BIGINT, sig BLOB)""",
    ],
    # 2: lower-cased participant names, so name filters need no per-row lower()/ILIKE
    [
        "ALTER TABLE event_actors ADD COLUMN name_lc VARCHAR",
        "UPDATE event_actors SET name_lc = lower(name)",
    ],
    # 3: indexes for looking events up by id (pages, show, merges)
    [
        "CREATE INDEX IF NOT EXISTS events_id ON events (id)",
        "CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors (event_id)",
        "CREATE INDEX IF NOT EXISTS article_events_event ON article_events (event_id)",
        "CREATE INDEX IF NOT EXISTS article_events_article ON article_events (article_id)",
        "CREATE INDEX IF NOT EXISTS articles_id ON articles (id)",
    ],
    # 4: participants folded into the event row, so actor/country/sector filters scan one table:
    #    actor_names "|lower name|…|", actor_codes "|PAK|PAKGOV|NATO|s:GOV|act-…|"
    [
        "ALTER TABLE events ADD COLUMN actor_names VARCHAR",
        "ALTER TABLE events ADD COLUMN actor_codes VARCHAR",
        """UPDATE events SET actor_names = f.names, actor_codes = f.codes FROM (
            SELECT event_id, '|' || string_agg(lower(name), '|') || '|' AS names,
                   '|' || string_agg(concat_ws('|', country, org, country || sector, 's:' || sector, actor_id), '|') || '|' AS codes
            FROM event_actors GROUP BY event_id) f WHERE f.event_id = events.id""",
    ],
    # 5: participants and article ids stored in the event row, so a page of events (the API's
    #    GET /api/events) reads one table: no join with event_actors (2 rows an event) or
    #    article_events; and ``ek``, an integer key per event row (also on its event_actors
    #    rows), so actor/country/sector filters are an integer semi-join on event_actors instead
    #    of a substring scan of every event.  Both tables are rebuilt (events in date order, so
    #    zone maps skip row groups for date filters), their indexes with them; the folded
    #    actor_names/actor_codes strings of migration 4 are dropped (the semi-join replaces them).
    [
        "DROP INDEX IF EXISTS events_id",
        "DROP INDEX IF EXISTS event_actors_event",
        f"""CREATE TABLE events_v5 AS SELECT e.* EXCLUDE (actor_names, actor_codes),
            CAST(coalesce(act.sources, []) AS {PARTICIPANTS}) AS sources,
            CAST(coalesce(act.targets, []) AS {PARTICIPANTS}) AS targets,
            CAST(coalesce(arts.article_ids, []) AS VARCHAR[]) AS article_ids,
            CAST(row_number() OVER (ORDER BY e.date NULLS LAST, e.id) AS BIGINT) AS ek
          FROM events e
          LEFT JOIN (SELECT event_id,
              list({{'id': actor_id, 'name': name, 'country': country, 'org': org, 'sector': sector}} ORDER BY ord)
                FILTER (WHERE role = 'source') AS sources,
              list({{'id': actor_id, 'name': name, 'country': country, 'org': org, 'sector': sector}} ORDER BY ord)
                FILTER (WHERE role = 'target') AS targets
            FROM event_actors GROUP BY event_id) act ON act.event_id = e.id
          LEFT JOIN (SELECT event_id, list(DISTINCT article_id ORDER BY article_id) AS article_ids
            FROM article_events GROUP BY event_id) arts ON arts.event_id = e.id
          ORDER BY e.date NULLS LAST, e.id""",
        "DROP TABLE events",
        "ALTER TABLE events_v5 RENAME TO events",
        "CREATE INDEX events_id ON events (id)",
        """CREATE TABLE event_actors_v5 AS SELECT a.*, e.ek FROM event_actors a LEFT JOIN events e ON e.id = a.event_id
          ORDER BY e.ek, a.role DESC, a.ord""",
        "DROP TABLE event_actors",
        "ALTER TABLE event_actors_v5 RENAME TO event_actors",
        "CREATE INDEX event_actors_event ON event_actors (event_id)",
    ],
    # 6: why an article event joined its merged event (which participants, dates and place matched)
    [
        "ALTER TABLE article_events ADD COLUMN merge_reason VARCHAR",
    ],
    # 7: ``dragoman watch``'s state (store/watch.py), so a restarted watcher resumes where it stopped
    [
        """CREATE TABLE watch_feeds (
            url VARCHAR, name VARCHAR, etag VARCHAR, last_modified VARCHAR, last_poll DOUBLE,
            next_poll DOUBLE, last_ok DOUBLE, last_status VARCHAR, failures INTEGER, failures_total INTEGER,
            last_error VARCHAR, polls INTEGER, not_modified INTEGER, items_seen INTEGER, items_new INTEGER)""",
        """CREATE TABLE watch_items (
            url_key VARCHAR, content_key VARCHAR, feed VARCHAR, link VARCHAR, status VARCHAR,
            attempts INTEGER, article_id VARCHAR, last_error VARCHAR, first_seen DOUBLE, last_seen DOUBLE)""",
        """CREATE TABLE watch_rules (
            name VARCHAR, definition VARCHAR, watermark TIMESTAMP, last_fired DOUBLE, fired INTEGER)""",
        """CREATE TABLE watch_fired (
            rule VARCHAR, member_id VARCHAR, event_id VARCHAR, alert_id VARCHAR,
            num_sources INTEGER, num_mentions INTEGER, num_articles INTEGER)""",
        """CREATE TABLE watch_alerts (
            id VARCHAR, rule VARCHAR, event_id VARCHAR, fired_at DOUBLE, reason VARCHAR, evidence VARCHAR,
            payload VARCHAR)""",
        """CREATE TABLE watch_deliveries (
            alert_id VARCHAR, action VARCHAR, target VARCHAR, status VARCHAR, attempts INTEGER,
            next_attempt DOUBLE, last_error VARCHAR, delivered_at DOUBLE)""",
    ],
]

SCHEMA_VERSION = len(MIGRATIONS)


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchall()[:1][0][0]
    if not exists:
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchall()[:1][0]
    return int(row[0] or 0)


def migrate(con: duckdb.DuckDBPyConnection, path: str, version: str) -> int:
    """Apply the missing migrations (each in one transaction); return the schema version."""
    have = current_version(con)
    if have > SCHEMA_VERSION:
        raise StoreError(
            f"the store has schema version {have}, newer than this dragoman knows ({SCHEMA_VERSION})",
            source=path,
            hint="upgrade dragoman to open it",
        )
    for n in range(have + 1, SCHEMA_VERSION + 1):
        con.execute("BEGIN TRANSACTION")
        try:
            if n == 1:
                con.execute(
                    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER, applied_at TIMESTAMP, dragoman_version VARCHAR)"
                )
            for stmt in MIGRATIONS[n - 1]:
                con.execute(stmt)
            con.execute("INSERT INTO schema_version VALUES (?, current_timestamp, ?)", [n, version])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    return SCHEMA_VERSION
