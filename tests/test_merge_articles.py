"""Cross-article merging end to end: articles written for this test, coded by the real pipeline and
ingested into a real DuckDB store.  One meeting told by office in one outlet and by name in another is
one event; one accusation told twice is one event; a look-alike (another minister accusing the same
country that day, the same president meeting someone else that day) stays apart."""

from __future__ import annotations

import itertools

from dragoman.api_public import make_article
from dragoman.model import Article
from dragoman.store import EventQuery, Store

#: (id, published, happening, text) — invented people and outlets
ARTICLES = [
    ("p1", "2024-06-12", "meeting", ("LIMA - Peru's president met Bolivia's foreign minister in Lima on Tuesday to discuss a "
     "stalled railway project and water rights on Lake Titicaca. Officials said the talks lasted three hours.")),
    ("p2", "2024-06-11", "meeting", ("Peruvian President Diego Salas held talks with Bolivian Foreign Minister Rosa Quispe "
     "in Lima on Tuesday, with both sides promising to revive the Andean railway. The meeting was the first since the "
     "election.")),
    ("p3", "2024-06-11", "other meeting", ("LIMA - Peruvian President Diego Salas met Chilean Foreign Minister Tomas Vidal "
     "in Lima on Tuesday to discuss fishing quotas in the Pacific. Vidal later left for Quito.")),
    ("e1", "2024-06-11", "accusation", ("QUITO - Ecuador's foreign minister on Monday accused Colombia of allowing armed "
     "groups to operate along the border, calling it a threat to regional security. Colombia did not respond.")),
    ("e2", "2024-06-10", "accusation", ("Ecuadorian Foreign Minister Laura Benitez accused Colombia on Monday of tolerating "
     "guerrilla camps near the frontier, in the sharpest exchange between the neighbours this year.")),
    ("e3", "2024-06-10", "other accusation", ("LIMA - Peru's interior minister on Monday accused Colombia of failing to stop "
     "cocaine shipments across the Putumayo river. He said Peruvian police had seized four tonnes this year.")),
]


def test_one_happening_told_by_office_and_by_name_merges_and_look_alikes_stay_apart(pipeline, tmp_path):
    arts = [make_article(text, id=aid, published=day, source=f"test:{aid}") for aid, day, _, text in ARTICLES]
    coded = [a for a in pipeline.run_batch(arts) if isinstance(a, Article)]
    assert len(coded) == len(ARTICLES)
    with Store.open(tmp_path / "m.duckdb") as store:
        store.ingest(coded)
        rows, _ = store.query_events(EventQuery(include_negated=True, include_hypothetical=True), limit=1000)
    happening = {aid: h for aid, _, h, _ in ARTICLES}
    merged = [tuple(sorted(p)) for r in rows for p in itertools.combinations(sorted(r["article_ids"]), 2)]
    assert [p for p in merged if happening[p[0]] != happening[p[1]]] == []  # no look-alike joined
    assert {("p1", "p2"), ("e1", "e2")} <= set(merged)
