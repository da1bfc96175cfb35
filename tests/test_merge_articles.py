"""Cross-article merging end to end: articles written for this test, coded by the real pipeline and
ingested into a real DuckDB store.  One meeting told by office in one outlet and by name in another is
one event; one accusation told twice is one event; a look-alike (another minister accusing the same
country that day, the same president meeting someone else that day) stays apart."""

from __future__ import annotations

import itertools

import pytest

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


def test_the_merge_suite_says_why_each_pair_was_not_merged(pipeline, tmp_path):
    """``dragoman eval merge`` on a written set: a pair the event coder missed (one article codes no event of
    the happening's type) is told apart from a pair the merge rules refused (and their reason is given)."""
    import json

    from dragoman.evaluation.merging import written_set

    recs = [
        {"id": "q1", "published": "2025-03-04", "happenings": [{"id": "H1", "type": "ACCUSE"}],
         "text": "Paraguay's foreign minister Ana Benitez on Monday accused Uruguay of dumping sewage into the river."},
        {"id": "q2", "published": "2025-03-04", "happenings": [{"id": "H1", "type": "ACCUSE"}],
         "text": "The river between Paraguay and Uruguay has been murky for weeks, fishermen said."},
        {"id": "q3", "published": "2025-03-05", "happenings": [{"id": "H2", "type": "CONSULT"}],
         "text": "Peruvian President Diego Salas met Chilean President Ines Araya in Arica on Tuesday to discuss trade."},
        {"id": "q4", "published": "2025-03-05", "happenings": [{"id": "H2", "type": "CONSULT"}],
         "text": "Chilean President Ines Araya held talks with Peruvian President Diego Salas in Cusco on Tuesday."},
    ]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in recs) + "\n", encoding="utf-8")
    metrics, counts, errors = written_set(pipeline, path, "tiny")
    assert counts["tiny_gold_pairs"] == 2 and metrics["tiny_recall"] == 0.0
    why = {tuple(e["articles"]): e for e in errors if e["kind"] == "not merged"}
    assert why[("q1", "q2")]["why"] == "event coder: no ACCUSE event coded in q2"
    assert why[("q1", "q2")]["events"]["q1"][0].startswith("ACCUSE")
    assert why[("q3", "q4")]["why"].startswith("merge rules refused: ") and "places differ" in why[("q3", "q4")]["why"]


#: one sanction told by a government body and by its country, and two look-alikes by other countries that day
SANCTIONS = [
    ("t1", "2025-02-11", "us", ("WASHINGTON - The US Treasury on Monday imposed sanctions on five Iranian shipping companies "
                               "accused of moving oil to China.")),
    ("t2", "2025-02-11", "us", ("The United States sanctioned five Iranian shipping firms on Monday over oil sales to Chinese "
                               "refiners, the Treasury Department said.")),
    ("t3", "2025-02-11", "eu", ("The European Union on Monday imposed sanctions on Iranian shipping companies over oil "
                               "exports, in a move coordinated with Washington.")),
    ("t4", "2025-02-11", "uk", ("LONDON - Britain imposed sanctions on Monday on Iranian shipping companies carrying oil to "
                               "Asia, the Foreign Office said.")),
]


def test_a_government_body_and_its_country_are_one_sanctioner_and_other_countries_are_not(pipeline, tmp_path):
    arts = [make_article(text, id=aid, published=day, source=f"test:{aid}") for aid, day, _, text in SANCTIONS]
    coded = [a for a in pipeline.run_batch(arts) if isinstance(a, Article)]
    with Store.open(tmp_path / "s.duckdb") as store:
        store.ingest(coded)
        rows, _ = store.query_events(EventQuery(type="SANCTION"), limit=100)
    joined = sorted(sorted(r["article_ids"]) for r in rows if r["num_articles"] > 1)
    assert joined == [["t1", "t2"]]


#: a foreign minister's talks with his counterpart, told by name and by the counterpart's office ("top diplomat"),
#: and his talks the same day in the same city with the defence minister: invented people and outlets
PORTFOLIO_ARTICLES = [
    ("f1", "2025-09-09", "talks", ("QUITO, Sept 9 - Ecuadorian Foreign Minister Hernan Vasconez held talks with his Peruvian "
     "counterpart, Lucia Arbulu, in Quito on Tuesday about fishing rights along their maritime border.")),
    ("f2", "2025-09-10", "talks", ("QUITO, Sept 10 - Fishing rights dominated yesterday's meeting in Quito between Peru's top "
     "diplomat and Ecuadorian Foreign Minister Hernan Vasconez, the Ecuadorian foreign ministry said.")),
    ("f3", "2025-09-09", "other talks", ("QUITO, Sept 9 - Ecuadorian Foreign Minister Hernan Vasconez met Peru's Defence "
     "Minister, Ramiro Huaman, in Quito on Tuesday to discuss joint patrols against illegal mining.")),
]


def test_an_office_of_another_portfolio_does_not_stand_for_a_named_minister(pipeline, tmp_path):
    """"Peru's top diplomat" may be the Peruvian foreign minister another outlet names, not the defence minister a
    third names: the two meetings of one minister in one city on one day stay two."""
    merged = pairs_merged(pipeline, PORTFOLIO_ARTICLES, (("f2", "f3"), ("f1", "f2")), tmp_path)
    assert merged == {("f2", "f3"): False, ("f1", "f2"): True}


def pairs_merged(pipeline, articles, pairs, tmp_path, type_: str | None = None) -> dict[tuple[str, str], bool]:
    """For each pair of ``articles`` (id, published, happening, text), ingested alone into a store of its own: did one
    event (of ``type_``, if given) join the two?"""
    arts = [make_article(text, id=aid, published=day, source=f"test:{aid}") for aid, day, _, text in articles]
    coded = {a.id: a for a in pipeline.run_batch(arts) if isinstance(a, Article)}
    assert len(coded) == len(articles)
    merged = {}
    for pair in pairs:
        with Store.open(tmp_path / f"{pair[0]}{pair[1]}.duckdb") as store:
            store.ingest([coded[a] for a in pair])
            rows, _ = store.query_events(EventQuery(include_negated=True, include_hypothetical=True), limit=1000)
        merged[pair] = any(set(pair) <= set(r["article_ids"]) for r in rows if type_ is None or r["type"] == type_)
    return merged


#: an arrest told the day of it and the day after (the police force named, then only "police"), and the same force's
#: arrest of someone else that day in another city: invented people and outlets
ARREST_ARTICLES = [
    ("g1", "2025-10-07", "arrest", ("KUMASI, Oct 7 (Coastal Wire) - The Ghana Police Service on Tuesday arrested Kwabena "
     "Ofori-Atta, the spokesman of the opposition Union Party, at his home in Kumasi over remarks he made on radio.")),
    ("g2", "2025-10-08", "arrest", ("KUMASI, Oct 8 (Savanna Post) - Ghanaian police detained opposition spokesman Kwabena "
     "Ofori-Atta at his home in Kumasi over his radio remarks, his lawyer said, calling it an attack on free speech.")),
    ("g3", "2025-10-07", "other arrest", ("TAMALE, Oct 7 (Coastal Wire) - The Ghana Police Service on Tuesday arrested a "
     "businessman suspected of selling rifles to feuding clans, seizing 30 guns from a warehouse in Tamale.")),
]


def test_one_forces_arrests_are_told_apart_by_whom_they_took_and_joined_by_him(pipeline, tmp_path):
    """The same force's arrest of someone else that day is another arrest; the day-after report that names only
    "Ghanaian police" and the man they hold tells the same one (the force matched by its country and sector)."""
    merged = pairs_merged(pipeline, ARREST_ARTICLES, (("g1", "g3"), ("g1", "g2")), tmp_path, "COERCE")
    assert merged == {("g1", "g3"): False, ("g1", "g2"): True}


#: a foreign minister's talks with "his counterpart" told by two outlets, and the same visitor received by another
#: state's interior minister that day: invented people and outlets
COUNTERPART_ARTICLES = [
    ("k1", "2025-03-04", "meeting", ("SANTIAGO, March 4 (Pacific Wire) - Peru's foreign minister held talks with his "
     "Chilean counterpart in Santiago on Tuesday focused on fishing rights, the Peruvian Foreign Ministry said.")),
    ("k2", "2025-03-04", "other meeting", ("SANTIAGO, March 4 (Andes Post) - Chile's Interior Minister Pablo Ferrada "
     "received Peruvian Foreign Minister Lucia Tapia in Santiago on Tuesday for talks on border crossings.")),
]


def test_a_counterpart_holds_the_portfolio_of_the_official_he_meets(pipeline, tmp_path):
    """"Peru's foreign minister held talks with his Chilean counterpart": Chile's foreign minister, not the interior
    minister another outlet names receiving the same visitor that day."""
    merged = pairs_merged(pipeline, COUNTERPART_ARTICLES, (("k1", "k2"),), tmp_path, "CONSULT")
    assert merged == {("k1", "k2"): False}
    coded = pipeline.run_batch([make_article(COUNTERPART_ARTICLES[0][3], id="k1", published="2025-03-04")])[0]
    talks = [e for e in coded.events if e.type == "CONSULT"]
    assert talks and [coded.actor(s).name for s in talks[0].sources] == ["Peru's foreign minister"], talks


#: an armed group's attack told by an outlet that names it in full and one that only gives its initials: invented
ARMED_INITIALS_ARTICLES = [
    ("m1", "2025-07-08", "attack", ("GARISSA, July 8 (Coast Wire) - Suspected militants stormed an army post in the "
     "town of Bura before dawn on Tuesday, killing four soldiers. Later on Tuesday the Tana River Liberation Army said "
     "its fighters had carried out the attack on the post.")),
    ("m2", "2025-07-09", "attack", ("NAIROBI, July 9 (Savanna Post) - Soldiers were buried on Wednesday in Garissa. "
     "Fighters of the TRLA attacked the post in Bura before dawn on Tuesday, firing rockets before they were pushed "
     "back.")),
]


def test_a_body_named_by_its_initials_is_the_body_named_in_full(pipeline, tmp_path):
    from dragoman.store.records import initials

    assert initials("Tana River Liberation Army") == "trla" and initials("Ministry of Defence") == ""
    merged = pairs_merged(pipeline, ARMED_INITIALS_ARTICLES, (("m1", "m2"),), tmp_path, "ASSAULT")
    assert merged == {("m1", "m2"): True}


def test_a_visitors_arrival_is_not_a_meeting_of_his_visit_on_another_day(pipeline, tmp_path):
    """One outlet tells a minister arriving on Wednesday; another, a minister of the host country receiving him
    on Thursday: two happenings of one visit (the day of slack between two reports is for one act dated two ways)."""
    texts = [
        ("v1", "2025-04-10", ("ANKARA - Uruguay's Foreign Minister Tomas Ferreira arrived in Ankara on Wednesday for a "
         "two-day visit, the first by a Uruguayan foreign minister in a decade.")),
        ("v2", "2025-04-10", ("ANKARA - Turkey's Trade Minister Kemal Aydin received Uruguay's Foreign Minister Tomas "
         "Ferreira at the trade ministry in Ankara on Thursday for talks on beef exports.")),
    ]
    arts = [make_article(text, id=aid, published=day, source=f"test:{aid}") for aid, day, text in texts]
    coded = [a for a in pipeline.run_batch(arts) if isinstance(a, Article)]
    assert [e.mode for e in coded[0].events if e.type == "CONSULT"] == ["visit"], coded[0].events
    with Store.open(tmp_path / "v.duckdb") as store:
        store.ingest(coded)
        rows, _ = store.query_events(EventQuery(include_negated=True, include_hypothetical=True), limit=100)
    assert [r["article_ids"] for r in rows if len(r["article_ids"]) > 1] == [], rows


#: an attack told the day of it with its attackers unknown and the day after by the group that claimed it, the
#: town named after "the town of" (no gazetteer knows it); a counter-rally the same day in the same city as a march:
#: invented towns, groups and outlets
ARMED_MEN_ARTICLES = [
    ("u1", "2025-08-15", "attack", ("PEMBA, Aug 15 (Rovuma Wire) - Gunmen raided the town of Nacuta before dawn on "
     "Friday, killing four civilians and burning a market, Mozambican police said. No group has claimed the attack.")),
    ("u2", "2025-08-16", "attack", ("LICHINGA, Aug 16 (Niassa Daily) - The Lugenda Valley Front, a little-known rebel "
     "group, on Saturday claimed Friday's raid on Nacuta. Its fighters stormed the town of Nacuta in the early hours of "
     "Friday, shooting residents, the group said in a message to Mozambican reporters.")),
]
RALLY_ARTICLES = [
    ("r1", "2025-06-07", "march", ("ACCRA, June 7 (Gold Coast Wire) - Market traders demonstrated in Accra on Saturday "
     "against the city council's plan to move Makola market, blocking two roads for several hours.")),
    ("r2", "2025-06-07", "counter-rally", ("ACCRA, June 7 (Volta Times) - Landlords from the Makola district rallied in "
     "Accra on Saturday in favour of the council's relocation plan, saying the old market was a fire risk.")),
]


def test_a_rally_in_support_and_a_march_against_are_two_protests(pipeline, tmp_path):
    """A march against a bill and a rally for it, in one city on one day, by crowds named apart: a counter-rally,
    not the march told again (the coder marks the rally held for something: ``+support``)."""
    arts = [make_article(text, id=aid, published=day, source=f"test:{aid}") for aid, day, _, text in RALLY_ARTICLES]
    coded = pipeline.run_batch(arts)
    rules = [[e.rule for e in a.events if e.type == "PROTEST"] for a in coded]
    assert not any("+support" in r for r in rules[0]) and any("+support" in r for r in rules[1]), rules
    assert pairs_merged(pipeline, RALLY_ARTICLES, (("r1", "r2"),), tmp_path, "PROTEST") == {("r1", "r2"): False}


#: a meeting of the day, and another article recalling a naval hotline its ministers once talked over "in the past"
#: (history, dated only by its article); a force's arrest of one young man and the same force's arrest of two
#: men elsewhere the same day: invented people and outlets
HISTORY_ARTICLES = [
    ("h1", "2025-05-12", "meeting", ("DOHA, May 12 (Gulf Post) - Qatar's Foreign Minister Tamim al-Kuwari met his Omani "
     "counterpart Salim al-Harthi in Doha on Monday to discuss shipping in the Gulf.")),
    ("h2", "2025-05-12", "background", ("MUSCAT, May 12 (Oman Wire) - Oman's coast guard often stops Qatari fishing "
     "boats near its waters. Salim al-Harthi and Tamim al-Kuwari held talks on a naval hotline in the past, but "
     "nothing came of them.")),
]
ARRESTS_ARTICLES = [
    ("n1", "2025-09-10", "arrest", ("OSLO, Sept 10 (Fjord Wire) - Norway's Police Security Service on Wednesday arrested "
     "a 19-year-old man on suspicion of planning an attack on a synagogue.")),
    ("n2", "2025-09-10", "other arrest", ("TROMSO, Sept 10 (Arctic Post) - The Police Security Service on Wednesday "
     "arrested two men suspected of photographing military sites for a foreign state.")),
]


#: one attack on a police post in a town no gazetteer knows, placed by one report in the town and by the other in its
#: province (the town's name not taken for a town there): invented town and outlets
PROVINCE_ARTICLES = [
    ("q1", "2025-06-07", "attack", ("LIMA, June 7 (Andes Wire) - Hooded gunmen stormed a police checkpoint in the town of "
     "Tambochaca in Peru's Cusco region on Saturday, leaving three policemen dead, the Interior Ministry said.")),
    ("q2", "2025-06-08", "attack", ("LIMA, June 8 (Sierra Post) - Some twenty armed men overran the police checkpoint in "
     "Tambochaca, in Cusco province, in the early hours of Saturday and shot dead three policemen, Peruvian police "
     "said.")),
]


#: one visitor's meetings with two ministers of the host the same day, each report naming the host's minister by
#: office and portfolio only ("Minister of Trade", "Minister of Transport II"): invented outlets
OFFICES_ARTICLES = [
    ("o1", "2025-04-14", "trade", ("SINGAPORE, April 14 (Straits Desk) - Fijian Foreign Minister Ratu Isoa Waqa met "
     "Singapore's Minister of Trade on Monday to talk about air links and scholarships.")),
    ("o2", "2025-04-14", "transport", ("SINGAPORE, April 14 (Pacific Desk) - Fijian Foreign Minister Ratu Isoa Waqa met "
     "Singapore's Minister of Transport II on Monday to talk about a new shipping route.")),
]


@pytest.mark.parametrize("articles, type_, one", [
    # gunmen of no name and the fighters of a group named the day after, one town (unknown to the gazetteer, placed
    # by "the town of" and the country the story names), one day, the same kind of victims: one attack
    (ARMED_MEN_ARTICLES, "ASSAULT", True),
    # talks told "in the past", dated only by the article that recalls them, are not the day's meeting
    (HISTORY_ARTICLES, "CONSULT", False),
    # one force arresting "a 19-year-old man" and "two men" on one day, no one named: two arrests
    (ARRESTS_ARTICLES, "COERCE", False),
    # one visitor meeting the host's trade minister and its transport minister ("Minister of Transport II") the same
    # day, each named by office alone: two meetings (the office's portfolio read from the group's name)
    (OFFICES_ARTICLES, "CONSULT", False),
    # the same attack placed in the town by one report and in its province by the other: one attack
    (PROVINCE_ARTICLES, "ASSAULT", True),
], ids=["armed-men-one-town", "history-apart", "one-and-two-arrested", "offices-of-two-portfolios", "town-and-province"])
def test_two_reports_are_one_happening_or_two(pipeline, tmp_path, articles, type_, one):
    pair = (articles[0][0], articles[1][0])
    assert pairs_merged(pipeline, articles, (pair,), tmp_path, type_) == {pair: one}
