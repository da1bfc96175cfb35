"""Cross-article merging on evidence: hand-built coded articles in a real DuckDB store (no model needed)."""

from __future__ import annotations

import json
import random

import pytest
from test_store_data import WORDS, event, person

from dragoman.model import Actor, Article, Mention, ReferenceDate
from dragoman.store import EventQuery, Store

AMARA = ("Amara Okafor", "NGA", "GOV")
LENA = ("Lena Fischer", "DEU", "GOV")
KENJI = ("Kenji Watanabe", "JPN", "GOV")
MEI = ("Mei Lin", "CHN", "GOV")


def country(aid: str, name: str, code: str, text: str) -> Actor:
    i = text.index(name)
    return Actor(aid, name, code, None, None, kind="country", mentions=(Mention(i, i + len(name), name),))


def group(aid: str, name: str, code: str | None, sector: str | None, text: str) -> Actor:
    i = text.index(name)
    return Actor(aid, name, code, None, sector, kind="group", mentions=(Mention(i, i + len(name), name),))


def filler(aid: str) -> str:
    """Each outlet's own words after the lead, so that no two test articles are near-duplicates."""
    rng = random.Random(aid)
    return " ".join(rng.choice(WORDS) for _ in range(40)) + "."


def article(aid: str, text: str, actors: tuple[Actor, ...], type_: str, sources: tuple[str, ...],
            targets: tuple[str, ...], date: str | None, published: str = "2024-03-05", precision: str = "day") -> Article:
    trig = text.index(" ") + 1
    ev = event(aid, type_, sources, targets, date=date or published, precision=precision if date else "article",
               span=(0, len(text)), trigger=(trig, trig + 3))
    return Article(id=aid, text=text, url=f"https://{aid}.example/story", title=f"story {aid}", published=published,
                   reference_date=ReferenceDate(published, "metadata", True), actors=actors, events=(ev,),
                   meta={"source": f"test:{aid}"})


def accuse(aid: str, who: tuple[tuple[str, str, str], ...], whom: str, code: str, date: str | None, **kw) -> Article:
    names = " and ".join(p[0] for p in who)
    text = f"{names} accused {whom} of violating the accord on {date or 'Tuesday'}. {filler(aid)}"
    actors = tuple(person(f"a{i}", p[0], p[1], p[2], text.index(p[0])) for i, p in enumerate(who, 1))
    actors += (country("t1", whom, code, text),)
    return article(aid, text, actors, "ACCUSE", tuple(a.id for a in actors[:-1]), ("t1",), date, **kw)


def stored(arts: list[Article], folder) -> list[dict]:
    folder.mkdir(parents=True, exist_ok=True)
    with Store.open(folder / "m.duckdb") as s:
        s.ingest(arts)
        rows, _ = s.query_events(EventQuery(include_negated=True, include_hypothetical=True), limit=1000)
    return rows


def group_names(name: str, country: str) -> set[str]:
    """The name keys of a rebel group actor of ``country`` called ``name``."""
    from dragoman.store.records import actor_keys

    keys = actor_keys({"name": name, "kind": "group", "country": country, "org": None, "sector": "REB"})
    return {k for k in keys if k.startswith("n:") and not k.startswith(("n:≈", "n:~"))}  # (not the consonants' key, nor
    # the initials' in any order)


def groups(rows: list[dict]) -> list[list[str]]:
    return sorted(sorted(r["article_ids"]) for r in rows)


def test_two_outlets_one_accusation_merge_and_say_why(tmp_path):
    arts = [accuse("x1", (AMARA,), "Ghana", "GHA", "2024-03-05"), accuse("x2", (AMARA,), "Ghana", "GHA", "2024-03-05")]
    with Store.open(tmp_path / "m.duckdb") as s:
        s.ingest(arts)
        rows, _ = s.query_events(EventQuery(), limit=10)
        assert groups(rows) == [["x1", "x2"]]
        ev = s.get_event(rows[0]["id"])
        reasons = {m["article_id"]: m["merge_reason"] for m in ev["mentions"]}
        assert reasons["x1"] is None and "amara okafor" in reasons["x2"] and "2024-03-05" in reasons["x2"]
        explained = s.explain_merge(rows[0]["id"])
    assert any(e["article_id"] == "x2" and e["same_event"] and e["compatible"] for e in explained)


def test_two_ministers_accusing_one_country_on_one_day_stay_two(tmp_path):
    rows = stored([accuse("y1", (AMARA,), "Ghana", "GHA", "2024-03-05"),
                   accuse("y2", (LENA,), "Ghana", "GHA", "2024-03-05")], tmp_path)
    assert groups(rows) == [["y1"], ["y2"]]


def test_a_shared_country_code_or_a_generic_group_is_not_enough(tmp_path):
    def protest(aid: str) -> Article:
        text = f"Protesters marched against the Kenyan government in Nairobi on Tuesday. {filler(aid)}"
        actors = (group("a1", "Protesters", "KEN", "CVL", text), country("t1", "Kenyan", "KEN", text))
        return article(aid, text, actors, "PROTEST", ("a1",), (), "2024-03-05")

    rows = stored([protest("p1"), protest("p2")], tmp_path)
    assert groups(rows) == [["p1"], ["p2"]]


def test_roles_reversed_are_two_accusations_but_a_meeting_is_mutual(tmp_path):
    a = accuse("r1", (AMARA,), "Germany", "DEU", "2024-03-05")
    text = f"Lena Fischer accused Nigeria of violating the accord on 2024-03-05. {filler('r2')}"
    b = article("r2", text, (person("a1", *LENA, start=0), country("t1", "Nigeria", "NGA", text)), "ACCUSE",
                ("a1",), ("t1",), "2024-03-05")
    assert groups(stored([a, b], tmp_path / "accuse")) == [["r1"], ["r2"]]

    def meet(aid: str, x, y) -> Article:
        text = f"{x[0]} met {y[0]} in Geneva on Tuesday. {filler(aid)}"
        acts = (person("a1", *x, start=text.index(x[0])), person("a2", *y, start=text.index(y[0])))
        return article(aid, text, acts, "CONSULT", ("a1",), ("a2",), "2024-03-05")

    assert groups(stored([meet("c1", AMARA, KENJI), meet("c2", KENJI, AMARA)], tmp_path)) == [["c1", "c2"]]


def test_no_chaining_every_member_must_match(tmp_path):
    """A accuses X; A and B accuse X; B accuses X: the third matches the second but not the first, so it
    does not join their event (the old merger let each member widen what the event matched)."""
    rows = stored([accuse("k1", (AMARA,), "Ghana", "GHA", "2024-03-05"),
                   accuse("k2", (AMARA, MEI), "Ghana", "GHA", "2024-03-05"),
                   accuse("k3", (MEI,), "Ghana", "GHA", "2024-03-05")], tmp_path)
    assert groups(rows) == [["k1", "k2"], ["k3"]]


def test_an_event_dated_only_by_its_article_needs_both_sides(tmp_path):
    dated = accuse("d1", (AMARA,), "Ghana", "GHA", "2024-03-05")
    undated = accuse("d2", (AMARA,), "Ghana", "GHA", None)  # no date in its text: the article's date
    assert groups(stored([dated, undated], tmp_path / "a")) == [["d1", "d2"]]  # source and target shared
    text = f"Amara Okafor accused the authorities of violating the accord. {filler('d3')}"
    vague = article("d3", text, (person("a1", *AMARA, start=0), group("t1", "authorities", None, "GOV", text)),
                    "ACCUSE", ("a1",), ("t1",), None)
    assert groups(stored([dated, vague], tmp_path / "b")) == [["d1"], ["d3"]]


def test_reports_a_week_apart_stay_apart(tmp_path):
    rows = stored([accuse("w1", (AMARA,), "Ghana", "GHA", "2024-03-05"),
                   accuse("w2", (AMARA,), "Ghana", "GHA", "2024-03-12", published="2024-03-12")], tmp_path)
    assert groups(rows) == [["w1"], ["w2"]]


# -- exports and filters an analyst can trust ----------------------------------------------------------


def _analyst_store(folder):
    from dataclasses import replace

    from dragoman.model import Aux

    arts = [accuse("e1", (AMARA,), "Ghana", "GHA", "2024-03-05"),
            accuse("e2", (LENA,), "Ghana", "GHA", "2024-03-05")]
    # dated only to a month; background from 1967; and one whose participants carry no code
    text = f"Mei Lin accused Ghana of violating the accord in March. {filler('e3')}"
    a3 = article("e3", text, (person("a1", *MEI, start=0), country("t1", "Ghana", "GHA", text)), "ACCUSE", ("a1",),
                 ("t1",), "2024-03-01", precision="month")
    text = f"Amara Okafor accused Ghana of violating the accord in 1967. {filler('e4')}"
    a4 = article("e4", text, (person("a1", *AMARA, start=0), country("t1", "Ghana", "GHA", text)), "ACCUSE", ("a1",),
                 ("t1",), "1967-01-01", precision="year")
    a4 = a4.replace(events=(replace(a4.events[0], aux=Aux(historical=True)),))
    text = f"Someone accused somebody of violating the accord on 2024-03-05. {filler('e5')}"
    anon = (Actor("a1", "Someone", kind="person", mentions=(Mention(0, 7, "Someone"),)),
            Actor("t1", "somebody", kind="person", mentions=(Mention(16, 24, "somebody"),)))
    a5 = article("e5", text, anon, "ACCUSE", ("a1",), ("t1",), "2024-03-05")
    folder.mkdir(parents=True, exist_ok=True)
    s = Store.open(folder / "a.duckdb")
    s.ingest([*arts, a3, a4, a5])
    return s


def test_gdelt_export_leaves_out_coarse_dates_and_uncoded_events_and_says_so(tmp_path):
    from click.testing import CliRunner

    from dragoman.cli import main

    s = _analyst_store(tmp_path)
    left: dict[str, int] = {}
    n = s.export(None, "gdelt", tmp_path / "g.tsv", left_out=left)
    assert n == 2 and left == {"coarse_date": 2, "no_participant": 1}
    assert s.export(None, "gdelt", tmp_path / "g2.tsv", coarse_dates=True, all_events=True) == 5
    s.close()
    res = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "a.duckdb"), "--format", "gdelt", "-o",
                                    str(tmp_path / "g3.tsv")])
    assert res.exit_code == 0, res.output
    assert "2 events left out: dated only to a week, month, quarter or year" in res.output
    assert "1 events left out: with no coded participant" in res.output
    with open(tmp_path / "g3.tsv", encoding="utf-8") as fh:
        assert len(fh.read().splitlines()) == 2


def test_filters_historical_confidence_article_and_timeline_of_everything(tmp_path):
    from click.testing import CliRunner

    from dragoman.cli import main

    s = _analyst_store(tmp_path)
    _everything, total = s.query_events(EventQuery(), limit=100)
    assert total == 5
    recent, _ = s.query_events(EventQuery(exclude_historical=True), limit=100)
    assert sorted(r["article_ids"][0] for r in recent) == ["e1", "e2", "e3", "e5"]
    assert s.query_events(EventQuery(min_confidence=0.9), limit=100)[1] == 0  # the test events are 0.8
    assert s.query_events(EventQuery(min_confidence=0.8), limit=100)[1] == 5
    only, _ = s.query_events(EventQuery(article="e2"), limit=100)
    assert [r["article_ids"] for r in only] == [["e2"]]
    s.close()
    db = str(tmp_path / "a.duckdb")
    res = CliRunner().invoke(main, ["timeline", "--db", db, "--format", "json"])
    assert res.exit_code == 0, res.output
    assert sum(d["total"] for d in json.loads(res.output)) == 5
    res = CliRunner().invoke(main, ["events", "--db", db, "--exclude-historical", "--min-confidence", "0.5",
                                    "--format", "json"])
    assert res.exit_code == 0 and len(json.loads(res.output)) == 4


# -- restated participants: a country's office, a country's sector ------------------------------------


def test_a_countrys_singular_office_is_its_state_but_a_bare_title_or_officials_are_not():
    from dragoman.store.records import actor_keys

    def keys(name: str, country: str | None, sector: str | None, org: str | None = None) -> set[str]:
        return set(actor_keys({"name": name, "kind": "group", "country": country, "org": org, "sector": sector}))

    assert keys("Peru's president", "PER", "GOV") == {"c:PER/state"}
    assert keys("the Chilean government", "CHL", "GOV") == {"c:CHL/state"}
    assert keys("Bolivia's foreign minister", "BOL", "GOV") == {"c:BOL/state"}
    assert keys("the president of Peru", "PER", "GOV") == {"c:PER/state"}
    assert keys("the new Chilean administration", "CHL", "GOV") == {"c:CHL/state"}
    assert keys("Chile's military-backed government", "CHL", "GOV") == {"c:CHL/state"}  # the owner before a modifier
    assert keys("the president", "PER", "GOV") == set()  # whose? the country came from the context only
    assert keys("the Cusco government", "PER", "GOV") == set()  # a region's, not the country's
    assert keys("Peru's president", "BOL", "GOV") == set()  # the name says another country than the code
    assert keys("government", "PER", "GOV") == set()
    assert keys("Peruvian officials", "PER", "GOV") == set()
    assert keys("Peruvian authorities", "PER", "GOV") == {"c:PER/state"}  # the state, as "Peru" is
    assert keys("the authorities", "PER", "GOV") == set()
    assert keys("two leaders", None, "GOV") == set()
    assert keys("Peruvians", "PER", "CVL") == set()  # a country's people are no one in particular
    assert keys("Peruvian police", "PER", "COP") == {"g:PER/COP"}  # a sector: a weak key
    assert keys("African Union foreign ministers", "IGO", "GOV", org="AU") == {"o:AU"}
    # a capital standing for its state's rulers, as wire copy writes them; not its mayor's office
    assert keys("the Lima authorities", "PER", "GOV") == {"c:PER/state"}
    assert keys("the Lima government", "PER", "GOV") == {"c:PER/state"}
    assert keys("the Lima mayor", "PER", "GOV") == set()


def test_a_romance_groups_name_is_also_keyed_as_english_outlets_write_it():
    from dragoman.store.records import actor_keys

    def keys(name: str) -> set[str]:
        return set(actor_keys({"name": name, "kind": "organisation", "country": "MOZ", "org": None, "sector": "REB"}))

    assert {"n:niassa armed union", "n:armed union of niassa"} <= keys("União Armada do Niassa")
    assert "n:national party" in keys("Partido Nacional")
    # the small words of a French name are part of it ("Fighters of the Mouvement pour la Défense du X": the movement)
    from dragoman.store.records import actor_keys as group_keys
    assert "n:mouvement pour la defense populaire au kivu" in group_keys(
        {"name": "Fighters of the Mouvement pour la Défense Populaire au Kivu", "kind": "group", "country": "COD",
         "org": None, "sector": "REB"})
    # a body known by another name in another language is keyed by both
    assert "n:jabhadda waaberi" in set(actor_keys({"name": "Dawn Front", "kind": "organisation", "country": "SOM",
                                                  "org": None, "sector": "REB", "aliases": ["Jabhadda Waaberi"]}))
    # a transliterated armed group's name is also keyed by its consonants: two outlets' spellings meet
    armed = [set(actor_keys({"name": n, "kind": "organisation", "country": "SOM", "org": None, "sector": "REB"}))
             for n in ("Xarakada al-Nuur", "Harakat al-Nur")]
    assert {k for k in armed[0] & armed[1] if k.startswith("n:≈")}, armed
    # the kind word spelt either way left out, an article fused to the word before it ("Ansarul") too
    armed = [set(actor_keys({"name": n, "kind": "organisation", "country": "MLI", "org": None, "sector": "REB"}))
             for n in ("Katibat Ansar al-Tilemsi", "Katiba Ansarul Tilemsi")]
    assert {k for k in armed[0] & armed[1] if k.startswith("n:≈")}, armed
    assert not any(k.startswith("n:≈") for k in keys("Tana Delta Front"))  # no Arabic or Somali name: none
    # "Kataib" spelt "Katayib", and a body of no known sector named by an Arabic word for an armed group: one group
    armed = [set(actor_keys({"name": "Kataib Wadi Sirhan", "kind": "organisation", "country": None, "org": None,
                             "sector": None})),
             set(actor_keys({"name": "fighters of the Katayib Wadi Sarhan", "kind": "group", "country": "JOR",
                             "org": None, "sector": "REB"}))]
    assert {k for k in armed[0] & armed[1] if k.startswith("n:≈")}, armed
    # of a cause, not of a place: no English order made up
    assert keys("Frente Popular de Liberación") & {"n:liberacion popular front", "n:popular front of liberacion"} == set()


def test_an_armed_groups_initials_meet_its_name_in_another_languages_order():
    """"the FLV" of one outlet (the initials of a Portuguese name) is "the Velna Liberation Front" of another, "the
    UFAE" (French) the "Union of Armed Forces of the East": the same initials in another order; "gunmen from
    Katiba Nasrul Y" are the group an Arabic word for a group opens, as after "of"."""
    from dragoman.store.records import actor_keys

    def keys(name: str, kind: str = "group") -> set[str]:
        return set(actor_keys({"name": name, "kind": kind, "country": "MOZ", "org": None, "sector": "REB"}))

    def scrambled(ks: set[str]) -> set[str]:
        return {k for k in ks if k.startswith("n:~")}

    assert scrambled(keys("Fighters of the FLV")) & scrambled(keys("fighters of the Velna Liberation Front"))
    assert scrambled(keys("UFAE", "organisation")) & scrambled(keys("Union of Armed Forces of the East", "organisation"))
    assert not scrambled(keys("Fighters of the FLV")) & scrambled(keys("fighters of the Tessa Islamic Front"))
    assert not scrambled(set(actor_keys({"name": "Union of Armed Forces of the East", "kind": "organisation",
                                         "country": "CAF", "org": None, "sector": "PTY"})))  # (armed groups only)
    assert {k for k in keys("gunmen from Katiba Nasrul Dorgo") & keys("Katibat Nasr al-Dorgo", "organisation")
            if k.startswith("n:≈")}


def _meet(aid: str, text: str, acts: tuple[Actor, ...], sources: tuple[str, ...], targets: tuple[str, ...],
          date: str | None = "2024-03-05", place: str | None = None) -> Article:
    from dataclasses import replace

    art = article(aid, text + " " + filler(aid), acts, "CONSULT", sources, targets, date)
    if place:
        c, lat, lon = {"Lima": ("PER", -12.05, -77.04), "Cusco": ("PER", -13.53, -71.97)}[place]
        from dragoman.model import Location
        art = art.replace(events=(replace(art.events[0], location=Location(place, c, lat, lon, "city")),))
    return art


def test_a_telephone_call_and_a_meeting_of_the_same_two_are_two_talks(tmp_path):
    """'Brel met Kell in Vell on Thursday' and 'Brel and Kell spoke by telephone on Friday' (or the same day) are two
    talks, however alike their participants; two outlets' reports of one call are one."""
    from dataclasses import replace

    def talk(aid: str, verb: str, cameo: str, mode: str | None, rule: str, date: str) -> Article:
        text = f"Foreign Minister Tom Brel {verb} Foreign Minister Ana Kell on {date}."
        acts = (person("a1", "Tom Brel", "NGA", "GOV", text.index("Tom")), person("a2", "Ana Kell", "GHA", "GOV", text.index("Ana")))
        art = _meet(aid, text, acts, ("a1",), ("a2",), date=date)
        return art.replace(events=(replace(art.events[0], cameo=cameo, mode=mode, rule=rule),))

    met = talk("p1", "met", "040", None, "consult/meet#144", "2024-03-05")
    assert groups(stored([met, talk("p2", "spoke by telephone with", "041", "phone", "consult/speak-by#157", "2024-03-06")],
                         tmp_path / "a")) == [["p1"], ["p2"]]
    assert groups(stored([met, talk("p3", "spoke by telephone with", "041", "phone", "consult/speak-by#157", "2024-03-05")],
                         tmp_path / "b")) == [["p1"], ["p3"]]
    assert groups(stored([talk("p4", "spoke by telephone with", "041", "phone", "consult/speak-by#157", "2024-03-06"),
                          talk("p5", "held phone talks with", "041", "phone", "consult/hold+talk#827", "2024-03-06")],
                         tmp_path / "c")) == [["p4", "p5"]]


def test_one_meeting_told_by_name_and_by_office_is_one_event(tmp_path):
    t1 = "Peru's president met Bolivia's foreign minister in Lima on Tuesday."
    a = _meet("o1", t1, (group("a1", "Peru's president", "PER", "GOV", t1),
                         group("a2", "Bolivia's foreign minister", "BOL", "GOV", t1)), ("a1",), ("a2",))
    t2 = "Bolivian Foreign Minister Rosa Quispe held talks with Peruvian President Diego Salas in Lima on Tuesday."
    b = _meet("o2", t2, (person("a1", "Rosa Quispe", "BOL", "GOV", t2.index("Rosa")),
                         person("a2", "Diego Salas", "PER", "GOV", t2.index("Diego"))), ("a1",), ("a2",))
    t3 = "The president met a minister on Tuesday."  # bare titles: whose?
    c = _meet("o3", t3, (group("a1", "president", "PER", "GOV", t3), group("a2", "minister", "BOL", "GOV", t3)),
              ("a1",), ("a2",))
    assert groups(stored([a, b, c], tmp_path)) == [["o1", "o2"], ["o3"]]


def _detain(aid: str, police: str, whom: tuple[str, str | None, str | None] | None, place: str | None = None,
            kind: str = "person") -> Article:
    from dataclasses import replace

    from dragoman.model import Location

    text = f"{police} detained {whom[0] if whom else 'several people'} on Tuesday. {filler(aid)}"
    acts: tuple[Actor, ...] = (group("a1", police, "PER", "COP", text),)
    if whom and kind == "person":
        acts += (person("t1", whom[0], whom[1], whom[2], text.index(whom[0])),)
    elif whom:
        acts += (group("t1", whom[0], whom[1], whom[2] or "", text),)
    art = article(aid, text, acts, "ASSAULT", ("a1",), ("t1",) if whom else (), "2024-03-05")
    if place:
        c, lat, lon = {"Arequipa": ("PER", -16.41, -71.54), "Tacna": ("PER", -18.01, -70.25)}[place]
        art = art.replace(events=(replace(art.events[0], location=Location(place, c, lat, lon, "city")),))
    return art


def test_a_countrys_sector_alone_is_enough_only_on_both_sides(tmp_path):
    """'Peruvian police' is the same sector in every Peruvian story: on one side it never joins two reports,
    not even in one city (two police operations in one city on one day are common); shared on both sides
    (police and miners) or with a named person held, it does."""
    one_side = [_detain("s1", "Peruvian police", None), _detain("s2", "Peruvian police", None)]
    assert groups(stored(one_side, tmp_path / "a")) == [["s1"], ["s2"]]
    same_city = [_detain("s3", "Peruvian police", None, "Arequipa"), _detain("s4", "Peruvian police", None, "Arequipa")]
    assert groups(stored(same_city, tmp_path / "b")) == [["s3"], ["s4"]]
    miners = ("striking miners", "PER", "LAB")
    both = [_detain("s5", "Peruvian police", miners, "Arequipa", kind="group"),
            _detain("s6", "Peruvian police", miners, kind="group")]
    assert groups(stored(both, tmp_path / "c")) == [["s5", "s6"]]
    two_cities = [_detain("s11", "Peruvian police", miners, "Arequipa", kind="group"),
                  _detain("s12", "Peruvian police", miners, "Tacna", kind="group")]
    assert groups(stored(two_cities, tmp_path / "f")) == [["s11"], ["s12"]]
    held = ("Lucia Paredes", "PER", "JRN")
    named = [_detain("s7", "Peruvian police", held), _detain("s8", "Peruvian police", held)]
    assert groups(stored(named, tmp_path / "d")) == [["s7", "s8"]]
    others = [_detain("s9", "Peruvian police", held), _detain("s10", "Peruvian police", ("Jorge Mamani", "PER", "OPP"))]
    assert groups(stored(others, tmp_path / "e")) == [["s10"], ["s9"]]


def test_a_sector_of_another_country_contradicts_a_named_state():
    from dragoman.store.merge import _contradict

    assert not _contradict(frozenset({"c:PER/state"}), frozenset({"g:PER/MIL"}))  # Peru / Peruvian troops
    assert _contradict(frozenset({"c:PER/state"}), frozenset({"g:CHL/MIL"}))  # Peru / Chilean troops
    assert _contradict(frozenset({"g:PER/COP"}), frozenset({"g:PER/JUD"}))  # police / prosecutors
    assert not _contradict(frozenset({"g:PER/COP"}), frozenset())


def test_an_article_dated_joint_act_joins_when_both_actors_match(tmp_path):
    """'Peru and Chile signed an accord' (no date in the text) joins another outlet's report dated by its
    text that day: two participants, each on its side; one shared actor is not enough."""
    def sign(aid: str, who: tuple[tuple[str, str], ...], date: str | None) -> Article:
        names = " and ".join(w[0] for w in who)
        text = f"{names} signed an accord on water sharing{' on Tuesday' if date else ''}. {filler(aid)}"
        acts = tuple(country(f"a{i}", w[0], w[1], text) for i, w in enumerate(who, 1))
        return article(aid, text, acts, "AGREE", tuple(a.id for a in acts), (), date)

    pc = (("Peru", "PER"), ("Chile", "CHL"))
    assert groups(stored([sign("j1", pc, "2024-03-05"), sign("j2", pc, None)], tmp_path / "a")) == [["j1", "j2"]]
    one = (("Peru", "PER"), ("Ecuador", "ECU"))
    assert groups(stored([sign("j3", pc, "2024-03-05"), sign("j4", one, None)], tmp_path / "b")) == [["j3"], ["j4"]]


def test_gdelt_export_dates_an_article_dated_event_by_its_article(tmp_path):
    """An event whose text gives no date is dated to its article's day (GDELT's SQLDATE is the report's date):
    written by default, beside an event dated by its text; a month-precision one is still left out."""
    text = f"Mei Lin accused Ghana of violating the accord. {filler('d1')}"
    a1 = article("d1", text, (person("a1", *MEI, start=0), country("t1", "Ghana", "GHA", text)), "ACCUSE", ("a1",),
                 ("t1",), None, published="2024-03-07")
    a2 = accuse("d2", (AMARA,), "Ghana", "GHA", "2024-03-05")
    text = f"Lena Fischer accused Ghana of violating the accord in March. {filler('d3')}"
    a3 = article("d3", text, (person("a1", *LENA, start=0), country("t1", "Ghana", "GHA", text)), "ACCUSE", ("a1",),
                 ("t1",), "2024-03-01", precision="month")
    (tmp_path / "d").mkdir()
    with Store.open(tmp_path / "d" / "a.duckdb") as s:
        s.ingest([a1, a2, a3])
        left: dict[str, int] = {}
        assert s.export(None, "gdelt", tmp_path / "g.tsv", left_out=left) == 2
        assert left == {"coarse_date": 1}
        rows, _ = s.query_events(EventQuery(), limit=10)
    assert {r["article_ids"][0]: r["date_precision"] for r in rows} == {"d1": "article", "d2": "day", "d3": "month"}
    from dragoman.store.export import GDELT_COLUMNS
    with open(tmp_path / "g.tsv", encoding="utf-8") as fh:
        days = sorted(line.split("\t")[GDELT_COLUMNS.index("SQLDATE")] for line in fh)
    assert days == ["20240305", "20240307"]


def test_every_export_keeps_the_date_precision_and_gdelt_writes_coarse_dates_only_when_asked(tmp_path):
    import csv

    import pyarrow.parquet as pq

    from dragoman.store.export import GDELT_COLUMNS, read_plover

    s = _analyst_store(tmp_path)
    q = EventQuery()
    assert s.export(q, "csv", tmp_path / "e.csv") == 5
    assert s.export(q, "parquet", tmp_path / "e.parquet") == 5
    assert s.export(q, "plover", tmp_path / "e.jsonl") == 5
    left: dict[str, int] = {}
    assert s.export(q, "gdelt", tmp_path / "c.tsv", coarse_dates=True, left_out=left) == 4
    assert left == {"no_participant": 1}
    s.close()
    want = {"e1": "day", "e2": "day", "e3": "month", "e4": "year", "e5": "day"}
    with open(tmp_path / "e.csv", encoding="utf-8") as fh:
        assert {r["article_ids"]: r["date_precision"] for r in csv.DictReader(fh)} == want
    assert {r["article_ids"][0]: r["date_precision"] for r in pq.read_table(tmp_path / "e.parquet").to_pylist()} == want
    assert {r["article_ids"][0]: r["date_precision"] for r in read_plover(tmp_path / "e.jsonl")} == want
    with open(tmp_path / "c.tsv", encoding="utf-8") as fh:
        days = sorted(line.split("\t")[GDELT_COLUMNS.index("SQLDATE")] for line in fh)
    assert days == ["19670101", "20240301", "20240305", "20240305"]  # a month or year as its first day


def test_actors_and_export_commands_take_the_analyst_filters(tmp_path):
    from click.testing import CliRunner

    from dragoman.cli import main

    _analyst_store(tmp_path).close()
    db = str(tmp_path / "a.duckdb")
    run = CliRunner().invoke
    res = run(main, ["actors", "--db", db, "--article", "e4", "--format", "json"])
    assert res.exit_code == 0, res.output
    assert {a["name"] for a in json.loads(res.output)} == {"Amara Okafor", "Ghana"}
    res = run(main, ["actors", "--db", db, "--article", "e4", "--exclude-historical", "--format", "json"])
    assert res.exit_code == 0 and json.loads(res.output) == []
    res = run(main, ["export", "--db", db, "--format", "plover", "-o", str(tmp_path / "x.jsonl"),
                     "--exclude-historical", "--min-confidence", "0.5"])
    assert res.exit_code == 0, res.output
    assert len((tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()) == 4
    res = run(main, ["timeline", "--db", db, "--exclude-historical", "--format", "json"])
    assert res.exit_code == 0 and sum(d["total"] for d in json.loads(res.output)) == 4


def test_the_api_takes_the_analyst_filters_on_every_read(tmp_path):
    import httpx

    from dragoman.api import ServerThread, create_app

    _analyst_store(tmp_path).close()
    with ServerThread(create_app(tmp_path / "a.duckdb")) as srv, httpx.Client(base_url=srv.url, timeout=30) as c:
        def get(path: str, **params) -> dict:
            r = c.get(path, params=params)
            assert r.status_code == 200, r.text
            return r.json()

        assert get("/api/events")["total"] == 5
        assert get("/api/events", exclude_historical="true")["total"] == 4
        assert get("/api/events", min_confidence="0.9")["total"] == 0
        assert [e["article_ids"] for e in get("/api/events", article="e2")["events"]] == [["e2"]]
        assert {a["name"] for a in get("/api/actors", article="e3")["actors"]} == {"Mei Lin", "Ghana"}
        assert sum(d["total"] for d in get("/api/timeline")["days"]) == 5  # no actor: every event
        assert sum(d["total"] for d in get("/api/timeline", exclude_historical="true")["days"]) == 4
        r = c.get("/api/export", params={"format": "plover", "article": "e3"})
        assert r.status_code == 200
        assert [json.loads(line)["date_precision"] for line in r.text.splitlines()] == ["month"]
        assert c.get("/api/events", params={"min_confidence": "2"}).status_code == 422


def test_a_person_of_unknown_country_does_not_contradict_a_state_but_two_names_or_two_states_do():
    from dragoman.store.merge import _contradict

    reyes = frozenset({"n:carmen reyes", "n:reyes"})
    assert not _contradict(reyes, frozenset({"c:CHL/state"}))
    assert _contradict(reyes, frozenset({"n:maria santos", "n:santos"}))
    assert _contradict(frozenset({"c:LTU/state", "n:vaitkus"}), frozenset({"c:POL/state"}))
    assert _contradict(frozenset({"c:LTU/state"}), frozenset({"c:POL/state"}))


def test_one_actor_meeting_two_different_people_on_one_day_is_two_meetings(tmp_path):
    """A shared named source lets targets differ (a place, a part of a list), but not two different people:
    'Diego Salas met Rosa Quispe' and 'Diego Salas met Tomas Vidal' in one city on one day are two meetings."""
    salas, quispe, vidal = ("Diego Salas", "PER", "GOV"), ("Rosa Quispe", "BOL", "GOV"), ("Tomas Vidal", None, "GOV")

    def meet(aid: str, x, y) -> Article:
        text = f"{x[0]} met {y[0]} in Lima on Tuesday."
        acts = (person("a1", *x, start=text.index(x[0])), person("a2", *y, start=text.index(y[0])))
        return _meet(aid, text, acts, ("a1",), ("a2",), place="Lima")

    assert groups(stored([meet("q1", salas, quispe), meet("q2", salas, vidal)], tmp_path / "a")) == [["q1"], ["q2"]]
    assert groups(stored([meet("q3", salas, quispe), meet("q4", quispe, salas)], tmp_path / "b")) == [["q3", "q4"]]

    def attack(aid: str, target: Actor, text: str) -> Article:
        acts = (Actor("a1", "Tupac Front", "PER", None, "REB", kind="organisation",
                      mentions=(Mention(0, 11, "Tupac Front"),)), target)
        return article(aid, text + " " + filler(aid), acts, "ASSAULT", ("a1",), ("t1",), "2024-03-05")

    t1 = "Tupac Front attacked the army post in Satipo on Tuesday."
    t2 = "Tupac Front attacked soldiers on Tuesday."
    post = Actor("t1", "Satipo", None, None, None, kind="organisation", mentions=(Mention(t1.index("Satipo"),
                 t1.index("Satipo") + 6, "Satipo"),))
    assert groups(stored([attack("r1", post, t1), attack("r2", group("t1", "soldiers", "PER", "MIL", t2), t2)],
                         tmp_path / "c")) == [["r1", "r2"]]


def test_a_persons_surname_key_is_the_whole_last_word():
    from dragoman.store.records import actor_keys

    def keys(name: str) -> set[str]:
        return set(actor_keys({"name": name, "kind": "person", "country": None, "org": None, "sector": None}))

    # a three-part name also gives its middle word: the first of two surnames ("Gonzalo Ferreyros Alcazar" is
    # "Gonzalo Ferreyros"); where it is a father's name (Ethiopia) it only finds candidates, whose people
    # are then compared word by word (``people_apart``)
    assert keys("Dawit Alemu Bekele") == {"n:dawit alemu bekele", "n:bekele", "n:alemu"}
    assert keys("Gonzalo Ferreyros Alcazar") == {"n:gonzalo ferreyros alcazar", "n:alcazar", "n:ferreyros"}
    assert keys("Kim Min-jun") == {"n:kim min jun", "n:min jun"}  # never a bare "jun"
    assert keys("Bekele") == {"n:bekele"}
    # the name tagger sometimes takes in a place phrase: the person is the same
    assert keys("Lucia Paredes in Arequipa") == keys("Lucia Paredes") == {"n:lucia paredes", "n:paredes"}
    assert keys("Ana de la Cruz") == {"n:ana de la cruz", "n:cruz"}


def test_an_appeal_and_a_demand_are_one_request_but_an_accusation_is_another_category():
    from dragoman.store.merge import cameo_compatible

    assert cameo_compatible("020", "1056")  # "called on China to withdraw" / "demanded that China withdraw"
    assert cameo_compatible("100", "024")
    assert cameo_compatible("112", "111")
    assert not cameo_compatible("020", "112")
    assert not cameo_compatible("190", "173")


def _arrest(aid: str, police: tuple[str, str], whom: tuple[str, str, str], date: str | None = "2025-05-20",
            published: str = "2025-05-20") -> Article:
    text = f"{police[0]} arrested {whom[0]} at his home{' on Tuesday' if date else ''}. {filler(aid)}"
    from dataclasses import replace

    acts = (group("a1", police[0], "TUN", police[1], text), person("t1", *whom, start=text.index(whom[0])))
    art = article(aid, text, acts, "ASSAULT", ("a1",), ("t1",), date, published=published)
    arrest = replace(art.events[0], type="COERCE", cameo="173", quad_class=4, score=-5.0)
    return art.replace(events=(arrest,))


def test_police_and_security_forces_are_one_body_but_police_and_prosecutors_are_not(tmp_path):
    """'Tunisian police arrested Hedi Jaziri' and 'Tunisian security forces detained Hedi Jaziri' (coded
    military) on one day are one arrest; a sector of another family (prosecutors) or another person held
    stays apart."""
    jaziri, mabrouk = ("Hedi Jaziri", "TUN", "OPP"), ("Leila Mabrouk", "TUN", "JRN")
    police, forces, prosecutors = ("Tunisian police", "COP"), ("Tunisian security forces", "MIL"), ("Tunisian prosecutors", "JUD")
    assert groups(stored([_arrest("f1", police, jaziri), _arrest("f2", forces, jaziri)], tmp_path / "a")) == [["f1", "f2"]]
    assert groups(stored([_arrest("f3", police, jaziri), _arrest("f4", prosecutors, jaziri)], tmp_path / "b")) == [["f3"], ["f4"]]
    assert groups(stored([_arrest("f5", police, jaziri), _arrest("f6", forces, mabrouk)], tmp_path / "c")) == [["f5"], ["f6"]]


def test_sector_families_gunmen_militants_rebels_and_police_soldiers_of_one_country():
    from dragoman.store.merge import _contradict

    assert not _contradict(frozenset({"g:TUN/COP"}), frozenset({"g:TUN/MIL"}))
    assert not _contradict(frozenset({"g:NGA/UAF"}), frozenset({"g:NGA/INS"}))  # "gunmen" / "militants"
    assert not _contradict(frozenset({"g:NGA/REB"}), frozenset({"g:NGA/INS"}))
    assert _contradict(frozenset({"g:NGA/COP"}), frozenset({"g:CMR/MIL"}))  # another country's soldiers
    assert _contradict(frozenset({"g:NGA/REB"}), frozenset({"g:NGA/MIL"}))  # rebels are not the army
    assert _contradict(frozenset({"g:NGA/COP"}), frozenset({"g:NGA/JUD"}))


def test_an_article_dated_report_meets_the_day_before_it_not_the_day_after_or_two_days_before(tmp_path):
    """'Chile has accused Lima of ...' (no date in its sentence) published on 9 April is the accusation
    another outlet dated 'on Tuesday' (8 April): news of a day is published that day or the next; not one
    dated two days earlier, nor one dated after the article (it had not happened), nor with one participant."""
    reyes = ("Camila Reyes", "CHL", "GOV")

    def has_accused(aid: str, published: str, whom: tuple[str, str] = ("Lima", "PER")) -> Article:
        text = f"Chile has accused {whom[0]} of letting mine tailings flow into a border river. {filler(aid)}"
        acts = (country("a1", "Chile", "CHL", text), country("t1", whom[0], whom[1], text))
        return article(aid, text, acts, "ACCUSE", ("a1",), ("t1",), None, published=published)

    dated = accuse("v1", (reyes,), "Peru", "PER", "2025-04-08", published="2025-04-08")
    assert groups(stored([dated, has_accused("v2", "2025-04-09")], tmp_path / "a")) == [["v1", "v2"]]
    assert groups(stored([dated, has_accused("v3", "2025-04-08")], tmp_path / "b")) == [["v1", "v3"]]
    assert groups(stored([dated, has_accused("v4", "2025-04-10")], tmp_path / "c")) == [["v1"], ["v4"]]
    assert groups(stored([dated, has_accused("v5", "2025-04-07")], tmp_path / "d")) == [["v1"], ["v5"]]
    other = has_accused("v6", "2025-04-09", ("Bolivia", "BOL"))
    assert groups(stored([dated, other], tmp_path / "e")) == [["v1"], ["v6"]]
    # two reports dated only by their articles, a day apart: their days are unknown, not one
    assert groups(stored([has_accused("v7", "2025-04-08"), has_accused("v8", "2025-04-09")], tmp_path / "f")) == [["v7"], ["v8"]]


def test_a_dateline_taken_into_a_name_does_not_hide_whose_office_it_is():
    from dragoman.store.records import actor_keys

    def keys(name: str, kind: str, country: str | None, sector: str | None) -> set[str]:
        return set(actor_keys({"name": name, "kind": kind, "country": country, "org": None, "sector": sector}))

    assert keys("MEXICO CITY - Mexico's Foreign Secretary", "group", "MEX", "GOV") == {"c:MEX/state"}
    assert keys("MAIDUGURI, Nigeria — Nigerian police", "group", "NGA", "COP") == {"g:NGA/COP"}
    assert keys("BOGOTA - Hernán Saldarriaga", "person", "COL", "GOV") == keys("Hernán Saldarriaga", "person", "COL", "GOV")
    assert keys("Jean-Pierre Dupont", "person", "FRA", None) == {"n:jean pierre dupont", "n:dupont"}
    assert keys("US - China talks", "group", "USA", "GOV") == set()  # no dateline: two letters


def test_an_armed_group_named_by_its_fighters_is_the_group():
    from dragoman.store.records import actor_keys

    def keys(name: str, kind: str = "group", sector: str | None = "REB") -> set[str]:
        return set(actor_keys({"name": name, "kind": kind, "country": "NGA", "org": None, "sector": sector}))

    # (and by its initials, as an outlet that never spells it out names it: "IVB militants")
    assert keys("Ironwood Valley Brigade militants") == {"n:ironwood valley brigade", "n:ivb", "n:~biv", "g:NGA/REB"}
    assert "n:ironwood valley brigade" in keys("Ironwood Valley Brigade", kind="organisation")  # the same group
    # (and by the core of its name, an Arabic word for a group and the article's forms left out)
    assert keys("Harakat Fajr al-Wadi fighters") == {"n:harakat fajr al wadi", "n:fajr wadi", "n:≈fjr wt", "n:≈fjr wt/movement",
                                                      "g:NGA/REB"}
    # (unidentified gunmen are no country's sector to merge by: the group's name is their key)
    assert keys("Three Ironwood Valley Brigade gunmen", sector="UAF") == {"n:ironwood valley brigade", "n:ivb", "n:~biv"}
    for generic in ("Nigerian militants", "Islamist militants", "Masked gunmen", "Three gunmen", "New York gunmen",
                    "Hundreds of Houthi fighters", "Ironwood Valley Brigade members"):
        assert not any(k.startswith("n:") for k in keys(generic)), generic


def test_an_armed_group_named_after_its_fighters_is_the_group_too():
    """'Gunmen from the Obsidian Hills Brigade' is the Obsidian Hills Brigade, as 'Obsidian Hills Brigade
    gunmen' is; a closing 'group' or 'militia' is not part of the name; 'fighters from Lake Tamarind' (no
    'the') say where they came from, and a known group or a place gives no name of its own."""
    def names(name: str) -> set[str]:
        return group_names(name, "COD")

    brigade = {"n:obsidian hills brigade", "n:ohb"}  # (its initials too)
    assert names("Gunmen from the Obsidian Hills Brigade") == brigade
    assert names("Obsidian Hills Brigade gunmen") == brigade
    assert names("Suspected fighters of the Obsidian Hills Brigade group") == brigade
    assert names("Militiamen belonging to the Obsidian Hills Brigade militia") == brigade
    assert names("Rebels with the Obsidian Hills Brigade") == brigade
    assert names("Gunmen from the Obsidian Hills Brigade armed group") == brigade  # "armed group" is no part of it
    for other in ("fighters from Lake Tamarind", "gunmen from the area", "Fighters from the Islamic State group",
                  "militants from the Democratic Republic of Congo", "fighters from the Kinshasa",
                  "gunmen from the Obsidian hills", "Fighters from the militia"):
        assert names(other) == set(), other


def test_two_reports_naming_one_armed_group_either_way_are_one_attack_but_another_group_is_not(tmp_path):
    """'Gunmen from the Obsidian Hills Brigade attacked villagers on Friday' and 'Obsidian Hills Brigade
    fighters attacked villagers on Friday' (the group named once after its fighters, once before them) are
    one attack; 'Red Delta Front fighters' attacking villagers that day are another."""
    def raid(aid: str, attackers: str) -> Article:
        text = f"{attackers} attacked villagers near Mambasa on Friday."  # the villagers: no one in particular
        acts = (group("a1", attackers, "COD", "REB", text), group("t1", "villagers", "COD", "CVL", text))
        return article(aid, text + " " + filler(aid), acts, "ASSAULT", ("a1",), ("t1",), "2025-02-07", published="2025-02-07")

    one = [raid("k1", "Gunmen from the Obsidian Hills Brigade"), raid("k2", "Obsidian Hills Brigade fighters")]
    assert groups(stored(one, tmp_path / "a")) == [["k1", "k2"]]
    two = [raid("k3", "Gunmen from the Obsidian Hills Brigade"), raid("k4", "Red Delta Front fighters")]
    assert groups(stored(two, tmp_path / "b")) == [["k3"], ["k4"]]


def test_attacks_a_day_apart_sharing_only_whom_they_hit_are_two(tmp_path):
    """'The Red Dune Brigade ambushed Velnan soldiers on Sunday' and 'militants attacked Velnan soldiers on Monday'
    share only whom they hit: two attacks (the day of slack is for one act dated two ways, with someone named on
    both)."""
    def raid(aid: str, attackers: str, sector: str, day: str, date: str) -> Article:
        text = f"{attackers} attacked a checkpoint of Yemen's army near Ataq on {day}, killing soldiers."
        acts = (group("a1", attackers, "YEM", sector, text), country("t1", "Yemen", "YEM", text),
                group("t2", "army", "YEM", "MIL", text))
        return article(aid, text + " " + filler(aid), acts, "ASSAULT", ("a1",), ("t1", "t2"), date, published="2026-06-15")

    apart = [raid("d1", "Fighters of the Red Dune Brigade", "REB", "Sunday", "2026-06-14"),
             raid("d2", "Suspected militants", "REB", "Monday", "2026-06-15")]
    assert groups(stored(apart, tmp_path / "a")) == [["d1"], ["d2"]]
    one = [raid("d3", "Fighters of the Red Dune Brigade", "REB", "Sunday", "2026-06-14"),
           raid("d4", "Red Dune Brigade fighters", "REB", "Monday", "2026-06-15")]
    assert groups(stored(one, tmp_path / "b")) == [["d3", "d4"]]


def test_unnamed_attackers_of_one_countrys_soldiers_on_one_day_are_no_one_to_merge_by(tmp_path):
    """'Attackers shelled an army camp' and 'attackers ambushed an army patrol', both in Yemen on Tuesday, share only
    a country's soldiers and its unidentified gunmen: two attacks (unnamed attackers are as generic as "people"); one
    named group on both sides is one."""
    def raid(aid: str, attackers: str, sector: str, text: str) -> Article:
        text = text.format(attackers=attackers)
        acts = (group("a1", attackers, "YEM", sector, text), group("t1", "soldiers", "YEM", "MIL", text))
        return article(aid, text + " " + filler(aid), acts, "ASSAULT", ("a1",), ("t1",), "2026-06-09", published="2026-06-09")

    apart = [raid("u1", "attackers", "UAF", "Unknown {attackers} shelled a camp of soldiers near Ataq on Tuesday."),
             raid("u2", "attackers", "UAF", "Unknown {attackers} ambushed a patrol of soldiers near Ataq on Tuesday.")]
    assert groups(stored(apart, tmp_path / "a")) == [["u1"], ["u2"]]
    one = [raid("u3", "Red Dune Brigade fighters", "REB", "{attackers} shelled a camp of soldiers near Ataq on Tuesday."),
           raid("u4", "Red Dune Brigade fighters", "REB", "{attackers} ambushed a patrol of soldiers near Ataq on Tuesday.")]
    assert groups(stored(one, tmp_path / "b")) == [["u3", "u4"]]


def test_a_known_armed_group_the_actor_coder_left_uncoded_is_that_organisation(tmp_path):
    """'Al Shabaab fighters' coded as Somali rebels without the group's code is Al Shabaab (o:SHABAAB), as
    'Houthi rebels' is the Houthis: two reports of Al Shabaab attacking a hotel on one day are one attack
    (the hotel is no one in particular), and Al Shabaab and a named group that is not it are two."""
    from dragoman.store.records import actor_keys

    def keys(name: str) -> set[str]:
        return set(actor_keys({"name": name, "kind": "group", "country": "SOM", "org": None, "sector": "REB"}))

    assert keys("Al Shabaab fighters") == keys("al-Shabaab gunmen") == {"o:SHABAAB", "g:SOM/REB"}
    assert "o:HOUTHI" in keys("Hundreds of Houthi rebels")
    assert keys("Somali militants") == keys("Islamist fighters") == {"g:SOM/REB"}  # no group named
    assert not any(k.startswith("o:") for k in keys("EU gunmen"))  # an organisation, not an armed group

    def raid(aid: str, attackers: str) -> Article:
        text = f"{attackers} stormed a seaside hotel in Kismayo on Sunday and shot hotel guests, witnesses said."
        acts = (group("a1", attackers, "SOM", "REB", text), group("t1", "hotel guests", "SOM", "CVL", text))
        return article(aid, text + " " + filler(aid), acts, "ASSAULT", ("a1",), ("t1",), "2025-08-17", published="2025-08-17")

    assert groups(stored([raid("b1", "Al Shabaab fighters"), raid("b2", "Al Shabaab militants")], tmp_path / "a")) == [["b1", "b2"]]
    assert groups(stored([raid("b3", "Al Shabaab fighters"), raid("b4", "Ironwood Valley Brigade gunmen")],
                         tmp_path / "b")) == [["b3"], ["b4"]]


def test_a_government_body_acts_for_its_state_but_an_international_body_or_a_navy_does_not(tmp_path):
    """'The Canadian Treasury Board imposed sanctions on Belarus on Monday' and 'Canada imposed sanctions on
    Belarus on Monday' are one sanction: a country's government body (an organisation of sector GOV) acts for
    its state.  The EU and the African Union (international bodies) do not become one through it, and a navy
    (sector MIL) is not its state."""
    from dragoman.store.records import actor_keys

    def keys(name: str, country: str, sector: str | None, org: str | None = None) -> set[str]:
        return set(actor_keys({"name": name, "kind": "organisation", "country": country, "org": org, "sector": sector}))

    assert "c:CAN/state" in keys("Canadian Treasury Board", "CAN", "GOV")
    assert "c:RUS/state" in keys("Kremlin", "RUS", "GOV", "KREMLIN")
    assert not any(k.startswith("c:") for k in keys("European Union", "IGO", "GOV", "EU") | keys("African Union", "IGO", "GOV", "AU"))
    assert "c:MEX/state" not in keys("Mexican Navy", "MEX", "MIL")

    def sanction(aid: str, who: Actor, text: str) -> Article:
        acts = (who, country("t1", "Belarus", "BLR", text))
        return article(aid, text + " " + filler(aid), acts, "SANCTION", ("a1",), ("t1",), "2025-07-07", published="2025-07-07")

    t1 = "The Canadian Treasury Board imposed sanctions on Belarus on Monday over the crackdown."
    board = Actor("a1", "Canadian Treasury Board", "CAN", None, "GOV", kind="organisation", mentions=(Mention(4, 27, "Canadian Treasury Board"),))
    t2 = "Canada imposed sanctions on Belarus on Monday, citing the jailing of opposition figures."
    assert groups(stored([sanction("c1", board, t1), sanction("c2", country("a1", "Canada", "CAN", t2), t2)],
                         tmp_path / "a")) == [["c1", "c2"]]


def test_participants_named_only_in_different_countries_are_different_participants(tmp_path):
    """'The European Union imposed sanctions on Belarus on Monday' and 'Canada imposed sanctions on Belarus on
    Monday' are two sanctions: an international body (IGO) and a country's state share no key, but are of
    different countries, so the sources contradict.  'South Korea accused the European Union' and 'South Korea
    accused France' on one day are two accusations (the targets likewise), while 'Foreign Minister Lina Park
    accused the European Union' and '... accused France' may be one told with a stray target (a shared named
    source lets a target differ, as it lets a place or a list)."""
    def act(aid: str, type_: str, who: Actor, whom: Actor, text: str) -> Article:
        return article(aid, text + " " + filler(aid), (who, whom), type_, ("a1",), ("t1",), "2025-07-07", published="2025-07-07")

    def org(aid: str, name: str, text: str) -> Actor:
        i = text.index(name)
        return Actor(aid, name, "IGO", "EU", "GOV", kind="organisation", mentions=(Mention(i, i + len(name), name),))

    t1 = "The European Union imposed sanctions on Belarus on Monday over the crackdown."
    t2 = "Canada imposed sanctions on Belarus on Monday, citing the jailing of opposition figures."
    eu, canada = org("a1", "European Union", t1), country("a1", "Canada", "CAN", t2)
    assert groups(stored([act("e1", "SANCTION", eu, country("t1", "Belarus", "BLR", t1), t1),
                          act("e2", "SANCTION", canada, country("t1", "Belarus", "BLR", t2), t2)], tmp_path / "a")) == [["e1"], ["e2"]]

    def accuse_(aid: str, who: str, whom: str) -> Article:
        text = f"{who} accused {whom} on Monday of ignoring the fishing quotas."
        w = (person("a1", who.split(" ", 2)[-1], "KOR", "GOV", text.index(who.split(" ", 2)[-1])) if "Park" in who
             else country("a1", who, "KOR", text))
        t = org("t1", "European Union", text) if whom == "the European Union" else country("t1", whom, "FRA", text)
        return act(aid, "ACCUSE", w, t, text)

    assert groups(stored([accuse_("e3", "South Korea", "the European Union"), accuse_("e4", "South Korea", "France")],
                         tmp_path / "b")) == [["e3"], ["e4"]]
    assert groups(stored([accuse_("e5", "Foreign Minister Lina Park", "the European Union"),
                          accuse_("e6", "Foreign Minister Lina Park", "France")], tmp_path / "c")) == [["e5", "e6"]]


def _raid(aid: str, attackers: Actor, text: str) -> Article:
    from dataclasses import replace

    from dragoman.model import Location

    target = person("t1", "Modu Kachalla", "NGA", "GOV", text.index("Modu Kachalla"))
    art = article(aid, text + " " + filler(aid), (attackers, target), "ASSAULT", ("a1",), ("t1",), "2025-06-03")
    return art.replace(events=(replace(art.events[0], location=Location("Maiduguri", "NGA", 11.85, 13.16, "city")),))


def test_two_named_armed_groups_attacking_in_one_city_on_one_day_stay_apart(tmp_path):
    """'Ironwood Valley Brigade militants' and 'Harakat Fajr al-Wadi militants' (both coded rebels, one family)
    attacking Governor Modu Kachalla's convoy in Maiduguri on one day are two attacks: the groups are named
    and differ; the group named by its fighters and by its name is one attack."""
    def group_of(name: str, text: str, kind: str = "group") -> Actor:
        i = text.index(name)
        return Actor("a1", name, "NGA", None, "REB", kind=kind, mentions=(Mention(i, i + len(name), name),))

    t1 = "Ironwood Valley Brigade militants attacked the convoy of Modu Kachalla in Maiduguri on Tuesday."
    t2 = "Harakat Fajr al-Wadi militants attacked the convoy of Modu Kachalla in Maiduguri on Tuesday."
    t3 = "The Ironwood Valley Brigade ambushed Governor Modu Kachalla's convoy in Maiduguri on Tuesday."
    a = _raid("g1", group_of("Ironwood Valley Brigade militants", t1), t1)
    b = _raid("g2", group_of("Harakat Fajr al-Wadi militants", t2), t2)
    c = _raid("g3", group_of("Ironwood Valley Brigade", t3, kind="organisation"), t3)
    assert groups(stored([a, b], tmp_path / "a")) == [["g1"], ["g2"]]
    assert groups(stored([a, c], tmp_path / "b")) == [["g1", "g3"]]


def test_a_mutual_meeting_told_either_way_round_merges_whichever_report_comes_first(tmp_path):
    """'Anan Srisuk met his Cambodian counterpart at Government House' (the building taken as the target)
    and 'Sok Vannak held talks with Anan Srisuk': one meeting, in either order of ingest."""
    from dragoman.store.merge import compatible
    from dragoman.store.records import article_rows

    t1 = "Anan Srisuk met his Cambodian counterpart at Government House in Bangkok on Tuesday."
    a = _meet("h1", t1, (person("a1", "Anan Srisuk", "THA", "GOV", 0),
                         Actor("t1", "Government House", None, None, "GOV", kind="organisation",
                               mentions=(Mention(t1.index("Government"), t1.index("Government") + 16, "Government House"),))),
              ("a1",), ("t1",))
    t2 = "Sok Vannak held talks with Anan Srisuk in Bangkok on Tuesday."
    b = _meet("h2", t2, (person("a1", "Sok Vannak", "KHM", "GOV", 0), person("t1", "Anan Srisuk", "THA", None, t2.index("Anan"))),
              ("a1",), ("t1",))
    assert groups(stored([a, b], tmp_path / "ab")) == [["h1", "h2"]]
    assert groups(stored([b, a], tmp_path / "ba")) == [["h1", "h2"]]
    ra, rb = (article_rows(x, seq=0, source_group=x.id, duplicate_of=None, now=None)["article_events"][0] for x in (a, b))
    assert compatible(ra, rb)[0] and compatible(rb, ra)[0]


def test_two_ministers_of_one_country_accusing_one_country_on_one_day_stay_two(tmp_path):
    """Two named people of one state are two sources even though both speak for it: 'Foreign Minister
    Meletiou accused Turkey' and 'Defence Minister Doukas accused Turkey' on one day are two accusations;
    one person named in full and by surname (or by part of a double surname) is one."""
    from dragoman.store.merge import people_apart

    meletiou, doukas = ("Stavros Meletiou", "GRC", "GOV"), ("Yannis Doukas", "GRC", "GOV")
    rows = stored([accuse("g1", (meletiou,), "Turkey", "TUR", "2025-10-14", published="2025-10-14"),
                   accuse("g2", (doukas,), "Turkey", "TUR", "2025-10-14", published="2025-10-14")], tmp_path / "a")
    assert groups(rows) == [["g1"], ["g2"]]
    rows = stored([accuse("g3", (("Rosa Quispe Condori", "BOL", "GOV"),), "Chile", "CHL", "2025-10-14"),
                   accuse("g4", (("Quispe", "BOL", "GOV"),), "Chile", "CHL", "2025-10-14")], tmp_path / "b")
    assert groups(rows) == [["g3", "g4"]]
    q, a, k = frozenset({"rosa", "quispe", "condori"}), frozenset({"stavros", "meletiou"}), frozenset({"doukas"})
    assert not people_apart((q,), (frozenset({"quispe"}),)) and people_apart((a,), (k,))
    assert not people_apart((a,), ())  # a person and a state (no person) do not contradict


def _joint(aid: str, type_: str, cameo: str, verb: str, date: str | None, published: str = "2025-02-26") -> Article:
    from dataclasses import replace

    text = f"Egypt and Sudan {verb} on railways{' on Wednesday' if date else ''}. {filler(aid)}"
    acts = (country("a1", "Egypt", "EGY", text), country("a2", "Sudan", "SDN", text))
    art = article(aid, text, acts, "AGREE", ("a1", "a2"), (), date, published=published)
    return art.replace(events=(replace(art.events[0], type=type_, cameo=cameo, reciprocal=True),))


def test_a_signed_accord_and_an_agreement_are_one_act_only_on_exact_evidence(tmp_path):
    """'Egypt and Sudan signed an agreement' (SUPPORT 057 in the CAMEO-to-PLOVER crosswalk) and 'Egypt and
    Sudan agreed to link their railways' (AGREE 030) on one day are one act: kin types join when both are
    dated by their text to one day (or to two days in a row, as one type may be: a day-after report's "have
    agreed" takes its dateline's day) and both parties match — also when the second comes in a later batch; two
    days apart, dated only by an article, or praise (SUPPORT 051) never."""
    signed = _joint("k1", "SUPPORT", "057", "signed an agreement", "2025-02-26")
    agreed = _joint("k2", "AGREE", "030", "agreed to link", "2025-02-26")
    assert groups(stored([signed, agreed], tmp_path / "a")) == [["k1", "k2"]]
    with Store.open(tmp_path / "b.duckdb") as s:  # two batches: the second finds the first under its kin type
        s.ingest([agreed])
        s.ingest([signed])
        rows, _ = s.query_events(EventQuery(), limit=10)
        assert groups(rows) == [["k1", "k2"]]
        assert "kin types" in next(m for m in s.get_event(rows[0]["id"])["mentions"] if m["merge_reason"])["merge_reason"]
    next_day = _joint("k6", "AGREE", "030", "agreed to link", "2025-02-27", published="2025-02-27")
    later = _joint("k3", "AGREE", "030", "agreed to link", "2025-02-28", published="2025-02-28")
    undated = _joint("k4", "AGREE", "030", "agreed to link", None)
    praise = _joint("k5", "SUPPORT", "051", "praised each other", "2025-02-26")
    assert groups(stored([signed, next_day], tmp_path / "f")) == [["k1", "k6"]]
    assert groups(stored([signed, later], tmp_path / "c")) == [["k1"], ["k3"]]
    assert groups(stored([signed, undated], tmp_path / "d")) == [["k1"], ["k4"]]
    assert groups(stored([praise, agreed], tmp_path / "e")) == [["k2"], ["k5"]]


def _told_twice(aid: str, text: str | None = None) -> Article:
    """An article telling one accusation twice: 'Stavros Meletiou accused Turkey on Tuesday', then 'Greece protested to the
    Turkish ambassador' (no date of its own), left by the coder as a second event."""
    from dataclasses import replace

    text = text or (f"Stavros Meletiou accused Turkey on Tuesday of airspace violations. Greece protested to "
                    f"the Turkish ambassador. {filler('h1')}")
    acts = (person("a1", "Stavros Meletiou", "GRC", "GOV", 0), country("t1", "Turkey", "TUR", text),
            country("a2", "Greece", "GRC", text), group("t2", "Turkish ambassador", "TUR", "GOV", text))
    art = article(aid, text, acts, "ACCUSE", ("a1",), ("t1",), "2025-10-14", published="2025-10-14")
    i = text.index("Greece")
    second = event(aid, "ACCUSE", ("a2",), ("t2",), date="2025-10-14", precision="article", span=(i, i + 60),
                   trigger=(i + 14, i + 20))
    return art.replace(events=(art.events[0], replace(second, cameo="114")))


def test_an_articles_second_telling_neither_joins_nor_is_joined_by_another_articles_event(tmp_path):
    """An article tells 'Foreign Minister Meletiou on Tuesday accused Turkey' and then 'Greece protested to the
    Turkish ambassador' (no date of its own), which the coder left as a second event.  That second
    telling restates the article's accusation: another outlet's 'Defence Minister Doukas accused Turkey on
    Tuesday' (which Meletiou's accusation turns away) must not join it, whichever article comes first."""

    art = _told_twice("h1")
    meletiou = accuse("h2", (("Stavros Meletiou", "GRC", "GOV"),), "Turkey", "TUR", "2025-10-14", published="2025-10-14")
    doukas = accuse("h3", (("Yannis Doukas", "GRC", "GOV"),), "Turkey", "TUR", "2025-10-14", published="2025-10-14")
    want = [["h1"], ["h1", "h2"], ["h3"]]
    assert groups(stored([art, meletiou, doukas], tmp_path / "a")) == want
    assert groups(stored([doukas, art, meletiou], tmp_path / "b")) == want
    with Store.open(tmp_path / "c.duckdb") as s:  # the restatement found again when its article is in the store
        s.ingest([art, meletiou])
        s.ingest([doukas])
        rows, _ = s.query_events(EventQuery(), limit=10)
        assert groups(rows) == want
        lone = next(r for r in rows if r["article_ids"] == ["h3"])
        assert any("restates" in e["why"] for e in s.explain_merge(lone["id"]))


def test_the_same_two_people_on_one_day_are_one_meeting_though_one_outlet_places_it_in_a_country(tmp_path):
    """'Saldarriaga and Ochoa held talks in Quito on Tuesday', placed in Quito by one outlet and in Colombia
    (a country named in the text) by another: the same two people on one day are one meeting.  Two cities
    that differ stay two places (test_store's meeting in Nairobi); one person shared with another met, or a
    day apart, stays apart too."""
    saldarriaga, ochoa, vidal = ("Hernan Saldarriaga", "COL", "GOV"), ("Maribel Ochoa", "ECU", "GOV"), ("Tomas Vidal", "ECU", "GOV")

    def meet(aid: str, x, y, place: str, date: str = "2025-03-11") -> Article:
        from dataclasses import replace

        from dragoman.model import Location

        text = f"{x[0]} met {y[0]} in {place} on Tuesday."
        acts = (person("a1", *x, start=text.index(x[0])), person("a2", *y, start=text.index(y[0])))
        art = _meet(aid, text, acts, ("a1",), ("a2",))
        c, lat, lon, prec = {"Quito": ("ECU", -0.18, -78.47, "city"), "Bogota": ("COL", 4.71, -74.07, "city"),
                             "Colombia": ("COL", 4.0, -72.0, "country")}[place]
        return art.replace(events=(replace(art.events[0], location=Location(place, c, lat, lon, prec), date=date),))

    one = [meet("v1", saldarriaga, ochoa, "Quito"), meet("v2", ochoa, saldarriaga, "Colombia")]
    assert groups(stored(one, tmp_path / "a")) == [["v1", "v2"]]
    cities = [meet("v7", saldarriaga, ochoa, "Quito"), meet("v8", ochoa, saldarriaga, "Bogota")]
    assert groups(stored(cities, tmp_path / "d")) == [["v7"], ["v8"]]
    two = [meet("v3", saldarriaga, ochoa, "Quito"), meet("v4", saldarriaga, vidal, "Colombia")]
    assert groups(stored(two, tmp_path / "b")) == [["v3"], ["v4"]]
    later = [meet("v5", saldarriaga, ochoa, "Quito"), meet("v6", saldarriaga, ochoa, "Colombia", "2025-03-12")]
    assert groups(stored(later, tmp_path / "c")) == [["v5"], ["v6"]]


def test_one_crowd_protesting_in_one_city_on_one_day_is_one_protest(tmp_path):
    """'Serbian students protested in Belgrade on Saturday' told by two outlets is one protest (the crowd's
    sector shared on the source side, one city, one day from both texts); students in another city, farmers
    in the same city, another day, or a report without a place stay apart."""
    from dataclasses import replace

    from dragoman.model import Location

    cities = {"Belgrade": (44.82, 20.46), "Novi Sad": (45.27, 19.83)}

    def protest(aid: str, crowd: str, sector: str | None, place: str | None, date: str = "2025-03-15",
                country: str | None = "SRB") -> Article:
        text = f"{crowd} protested against the government in {place or 'the country'} on Saturday. {filler(aid)}"
        art = article(aid, text, (group("a1", crowd, country, sector, text),), "PROTEST", ("a1",), (), date,
                      published="2025-03-15")
        loc = Location(place, "SRB", *cities[place], "city") if place else None
        return art.replace(events=(replace(art.events[0], location=loc, date=date),))

    students = protest("p1", "Serbian students", "EDU", "Belgrade")
    assert groups(stored([students, protest("p2", "University students", "EDU", "Belgrade")], tmp_path / "a")) == [["p1", "p2"]]
    assert groups(stored([students, protest("p3", "Serbian students", "EDU", "Novi Sad")], tmp_path / "b")) == [["p1"], ["p3"]]
    assert groups(stored([students, protest("p4", "Serbian farmers", "AGR", "Belgrade")], tmp_path / "c")) == [["p1"], ["p4"]]
    assert groups(stored([students, protest("p5", "Serbian students", "EDU", "Belgrade", "2025-03-16")],
                         tmp_path / "d")) == [["p1"], ["p5"]]
    assert groups(stored([students, protest("p6", "Serbian students", "EDU", None)], tmp_path / "e")) == [["p1"], ["p6"]]
    # a crowd whose country the text does not say (members of a named coalition) is not known to be the students
    coalition = protest("p7", "Members of the Coalition of Unpaid Interns", None, "Belgrade", country=None)
    assert groups(stored([students, coalition], tmp_path / "f")) == [["p1"], ["p7"]]


def test_a_meeting_of_two_named_parties_misplaced_by_one_outlet_is_one_but_strikes_on_two_cities_are_two(tmp_path):
    """'Sigurd Haugland hosted Finland's president for talks on Thursday', placed in Finland by the coder, and
    'Haugland met Helmi Korhonen in Oslo on Thursday': the same two parties' mutual act on one day is one meeting
    wherever one outlet placed it; one country attacking another in two cities on one day is two attacks."""
    from dataclasses import replace

    from dragoman.model import Location

    places = {"Oslo": ("NOR", 59.91, 10.75, "city"), "Finland": ("FIN", 64.0, 26.0, "country"),
              "Kharkiv": ("UKR", 49.99, 36.23, "city"), "Odesa": ("UKR", 46.48, 30.72, "city")}

    def act(aid: str, type_: str, text: str, acts: tuple[Actor, ...], place: str) -> Article:
        art = article(aid, text + " " + filler(aid), acts, type_, ("a1",), ("t1",), "2025-09-18", published="2025-09-18")
        c, lat, lon, prec = places[place]
        return art.replace(events=(replace(art.events[0], location=Location(place, c, lat, lon, prec)),))

    t1 = "Sigurd Haugland met Helmi Korhonen in Oslo on Thursday."
    met = act("n1", "CONSULT", t1, (person("a1", "Sigurd Haugland", "NOR", "GOV", 0),
                                   person("t1", "Helmi Korhonen", "FIN", "GOV", t1.index("Helmi"))), "Oslo")
    t2 = "Sigurd Haugland hosted Finland's president for talks on Thursday."
    welcomed = act("n2", "CONSULT", t2, (person("a1", "Sigurd Haugland", "NOR", "GOV", 0),
                                        group("t1", "Finland's president", "FIN", "GOV", t2)), "Finland")
    assert groups(stored([met, welcomed], tmp_path / "a")) == [["n1", "n2"]]

    def strike(aid: str, city: str) -> Article:
        text = f"Russia attacked Ukraine in {city} on Thursday."
        return act(aid, "ASSAULT", text, (country("a1", "Russia", "RUS", text), country("t1", "Ukraine", "UKR", text)), city)

    assert groups(stored([strike("n3", "Kharkiv"), strike("n4", "Odesa")], tmp_path / "b")) == [["n3"], ["n4"]]


def test_two_reports_each_telling_one_accusation_twice_join_event_by_event(tmp_path):
    """Two outlets (or a copy) each tell the accusation twice: the accusations join, and so do the two second
    tellings, each restating an event of the first merged event (restatements join only restatements of
    events merged with the one they restate)."""
    orig = _told_twice("c1")
    copy = _told_twice("c2", orig.text.replace("airspace violations", "violations of airspace", 1))
    copy = copy.replace(url="https://copier.example/c2")
    assert groups(stored([orig, copy], tmp_path)) == [["c1", "c2"], ["c1", "c2"]]


def test_a_meeting_of_joint_parties_and_one_of_one_of_them_with_someone_else_are_two(tmp_path):
    """'Foreign Minister Paulo Reis and his Chilean counterpart Ana Soto met in Brasilia on Monday' (the two as
    joint sources, the topic taken as the target) and 'Paulo Reis met Peruvian Foreign Minister Hugo Lara in
    Brasilia on Monday' are two meetings: each names a person the other does not, whatever the roles; 'Ana
    Soto held talks with Paulo Reis on Monday' is the first meeting told the other way round, and so is
    'Chile's foreign minister held talks with Brazil's foreign minister' (a meeting's topic taken as its
    target, here an international body, does not make its sides of different countries)."""
    def meet(aid: str, text: str, srcs: tuple[tuple[str, str | None], ...], tgts: tuple[tuple[str, str | None], ...]) -> Article:
        acts = tuple(person(f"a{i}", name, code, "GOV" if code else None, text.index(name)) for i, (name, code) in enumerate(srcs, 1))
        acts += tuple(person(f"t{i}", name, code, "GOV" if code else None, text.index(name)) for i, (name, code) in enumerate(tgts, 1))
        if not tgts:  # the topic the coder took as the target: an organisation
            acts += (Actor("t1", "Mercosur", "IGO", "MERCOSUR", "BUS", kind="organisation",
                           mentions=(Mention(text.index("Mercosur"), text.index("Mercosur") + 8, "Mercosur"),)),)
        art = article(aid, text + " " + filler(aid), acts, "CONSULT", tuple(a.id for a in acts if a.id.startswith("a")),
                      tuple(a.id for a in acts if a.id.startswith("t")), "2025-09-01", published="2025-09-01")
        return art

    joint = meet("j1", "Foreign Minister Paulo Reis and his Chilean counterpart Ana Soto met in Brasilia on Monday to "
                 "discuss Mercosur tariffs.", (("Paulo Reis", "BRA"), ("Ana Soto", None)), ())
    other = meet("j2", "Paulo Reis met Peruvian Foreign Minister Hugo Lara in Brasilia on Monday.",
                 (("Paulo Reis", "BRA"),), (("Hugo Lara", "PER"),))
    again = meet("j3", "Ana Soto held talks with Paulo Reis on Monday.", (("Ana Soto", "CHL"),), (("Paulo Reis", "BRA"),))
    assert groups(stored([joint, other], tmp_path / "a")) == [["j1"], ["j2"]]
    assert groups(stored([other, joint], tmp_path / "b")) == [["j1"], ["j2"]]
    assert groups(stored([joint, again], tmp_path / "c")) == [["j1", "j3"]]
    # by office, the roles the other way round: one meeting, though the joint report's topic (Mercosur, an
    # international body) sits where this one has Chile
    t4 = "Chile's foreign minister held talks with Brazil's foreign minister in Brasilia on Monday."
    offices = article("j4", t4 + " " + filler("j4"), (group("a1", "Chile's foreign minister", "CHL", "GOV", t4),
                      group("t1", "Brazil's foreign minister", "BRA", "GOV", t4)), "CONSULT", ("a1",), ("t1",), "2025-09-01",
                      published="2025-09-01")
    assert groups(stored([joint, offices], tmp_path / "d")) == [["j1", "j4"]]
    # each report names one president and the other by office: one meeting
    t5, t6 = "Daniel Mwangi met Tanzania's president in Nairobi on Monday.", "Grace Mollel met Kenya's president in Nairobi on Monday."
    by_name = [article(aid, t + " " + filler(aid), (person("a1", who, code, "GOV", 0), group("t1", office, ocode, "GOV", t)),
                       "CONSULT", ("a1",), ("t1",), "2025-09-01", published="2025-09-01")
               for aid, t, who, code, office, ocode in (("j5", t5, "Daniel Mwangi", "KEN", "Tanzania's president", "TZA"),
                                                        ("j6", t6, "Grace Mollel", "TZA", "Kenya's president", "KEN"))]
    assert groups(stored(by_name, tmp_path / "e")) == [["j5", "j6"]]


class _LoadingStore(Store):
    """A store recording, for each load of candidates for new article events, the stored events it brought in;
    ``narrow`` False loads every stored event sharing a participant, as before 2 Dec 2026."""

    narrow = True
    loads: list[set[str]]
    _asked = False

    def _candidate_ids(self, new_members, narrow=True):  # type: ignore[no-untyped-def]
        self._asked = bool(new_members)
        return super()._candidate_ids(new_members, narrow=narrow and self.narrow)

    def _clusters(self, ids):  # type: ignore[no-untyped-def]
        clusters = super()._clusters(ids)
        if self._asked:
            self.loads.append({c.old_id for c in clusters})
            self._asked = False
        return clusters


def test_a_new_report_loads_only_the_stored_events_of_its_kind_and_merges_as_loading_them_all_does(tmp_path):
    """To merge a report the store loads the stored events sharing a participant with it, but not those it could
    never join for their kind (a denial, a hypothetical, a threat: ``kind_apart``), which on a busy story are
    most of them.  What it merges is what loading them all gives; ``explain_merge`` still lists them all."""
    from dataclasses import replace

    from dragoman.model import Aux

    def told(aid: str, **aux: bool) -> Article:
        art = accuse(aid, (AMARA,), "Ghana", "GHA", "2024-03-05")
        return art.replace(events=(replace(art.events[0], aux=Aux(**aux)),))

    text = f"Amara Okafor threatened Ghana on 2024-03-05. {filler('k4')}"
    threat = article("k4", text, (person("a1", *AMARA, 0), country("t1", "Ghana", "GHA", text)), "THREATEN",
                     ("a1",), ("t1",), "2024-03-05")
    first = [told("k1", negated=True), told("k2", hypothetical=True), told("k3"), threat]
    states = {}
    for narrow in (True, False):
        path = tmp_path / f"narrow{narrow}.duckdb"
        store = _LoadingStore(Store.open(path).con, str(path), False)
        store.narrow, store.loads = narrow, []
        everything = EventQuery(include_negated=True, include_hypothetical=True)
        store.ingest(first)
        ids = {r["article_ids"][0]: r["id"] for r in store.query_events(everything, limit=100)[0]}
        store.loads.clear()
        store.ingest([told("k5"), told("k6", negated=True)])
        rows, _ = store.query_events(everything, limit=100)
        states[narrow] = (groups(rows), store._sql("SELECT id, event_id, merge_reason FROM article_events ORDER BY id").fetchall())
        if narrow:
            assert store.loads == [{ids["k1"], ids["k3"]}]  # k5 may join k3's event, k6 k1's: not k2's, nor the threat
            explained = store.explain_merge(next(r["id"] for r in rows if "k5" in r["article_ids"]))
            why = {e["candidate"]: e["why"] for e in explained if e["article_id"] == "k5"}
            assert why[ids["k2"]] == "one is hypothetical, the other not"  # listed, though never loaded to merge
            assert "one is negated, the other not" in why.values()
        else:
            assert store.loads == [{ids["k1"], ids["k2"], ids["k3"]}]
        store.close()
    assert states[True] == states[False]
    assert states[True][0] == [["k1", "k6"], ["k2"], ["k3", "k5"], ["k4"]]


class _WholeRowsStore(Store):
    """A store loading its candidate events with every column of their members (``SELECT *``), as before 3 Dec
    2026, when a changed event's members were deleted and written again whole."""

    def _clusters(self, ids):  # type: ignore[no-untyped-def]
        from dragoman.store.merge import Cluster

        members = self._dicts("SELECT * FROM article_events WHERE list_contains(?, event_id) ORDER BY seq, id",
                              [sorted(set(ids))])
        by: dict[str, list[dict]] = {}
        for m in members:
            by.setdefault(m["event_id"], []).append(m)
        return [Cluster(ms, old_id=eid) for eid, ms in sorted(by.items())]


def _merge_tables(store: Store) -> dict[str, list[tuple]]:
    return {t: store._sql(f"SELECT {cols} FROM {t} ORDER BY ALL").fetchall() for t, cols in (
        ("events", "* EXCLUDE (updated_at, ek)"), ("article_events", "*"), ("event_actors", "* EXCLUDE (ek)"),
        ("event_keys", "*"))}


def test_stored_reports_move_to_their_new_event_in_place_and_merge_as_whole_rows_do(tmp_path):
    """The merge loads its candidates' members with the columns it compares (``MERGE_COLUMNS``) and reads the rest
    of a changed event's representative only (``Store._fill_reps``); a stored report whose event gets a new id (a
    new report with a smaller id joined it) has its ``event_id`` set in place, the rest of its row as it was.
    Stored one report a batch, each with a smaller id than those before (so each batch moves every stored one),
    the store holds what loading whole rows gives."""
    from dragoman.store.records import member_id

    arts = [accuse(f"v{i}", (AMARA,), "Ghana", "GHA", "2024-03-05" if i % 2 else None) for i in range(6)]
    arts += [accuse(f"w{i}", (AMARA, LENA), "Ghana", "GHA", "2024-03-05") for i in range(2)]
    arts.sort(key=lambda a: member_id(a, a.events[0]), reverse=True)  # each new report's id the smallest yet
    tables = {}
    for cls in (Store, _WholeRowsStore):
        path = tmp_path / f"{cls.__name__}.duckdb"
        store = cls(Store.open(path).con, str(path), False)
        moved = 0
        for art in arts:
            before = {r[0]: r for r in store._sql("SELECT * FROM article_events").fetchall()}
            cols = [d[0] for d in store._sql("SELECT * FROM article_events LIMIT 0").description]
            store.ingest([art])
            new_id = member_id(art, art.events[0])
            for r in store._sql("SELECT * FROM article_events").fetchall():
                if r[0] in before:
                    old = before[r[0]]
                    assert [v for c, v in zip(cols, r) if c != "event_id"] == \
                           [v for c, v in zip(cols, old) if c != "event_id"]  # the rest of the row as it was
                    if r[cols.index("event_id")] == new_id != old[cols.index("event_id")]:
                        moved += 1
        assert moved >= 5  # stored reports did move to their event's new id
        events = store._dicts("SELECT id, article_id, evidence_text, rule, mode, num_articles FROM events")
        for e in events:  # the representative's own columns, read for it alone
            rep = store._first("SELECT evidence_text, rule, mode FROM article_events WHERE event_id = ? AND article_id = ?",
                               [e["id"], e["article_id"]])
            assert rep == (e["evidence_text"], e["rule"], e["mode"])
        assert max(e["num_articles"] for e in events) >= 6
        tables[cls.__name__] = _merge_tables(store)
        store.close()
    assert tables["Store"] == tables["_WholeRowsStore"]


def test_one_meeting_told_with_a_second_surname_and_the_roles_each_way_round_is_one_event(tmp_path):
    """"Foreign Minister Tomas Vidal Herrera hosted Ana Soto Rivas" / "Ana Soto held talks with Tomas Vidal": one
    meeting, a second surname left out and the roles the other way round; a third report of Vidal meeting another
    Ana stays apart."""
    t1 = "Foreign Minister Tomas Vidal Herrera hosted Ana Soto Rivas in Lima on Tuesday."
    a = _meet("v1", t1, (person("a1", "Tomas Vidal Herrera", "PER", "GOV", t1.index("Tomas")),
                         person("a2", "Ana Soto Rivas", None, None, t1.index("Ana"))), ("a1",), ("a2",), place="Lima")
    t2 = "Bolivia's Ana Soto held talks with Tomas Vidal in Lima on Tuesday."
    b = _meet("v2", t2, (person("a1", "Ana Soto", "BOL", "GOV", t2.index("Ana")),
                         person("a2", "Tomas Vidal", "PER", "GOV", t2.index("Tomas"))), ("a1",), ("a2",), place="Lima")
    t3 = "Tomas Vidal Herrera met Ana Lucia Paz in Lima on Tuesday."
    c = _meet("v3", t3, (person("a1", "Tomas Vidal Herrera", "PER", "GOV", 0),
                         person("a2", "Ana Lucia Paz", "ECU", "GOV", t3.index("Ana"))), ("a1",), ("a2",), place="Lima")
    assert groups(stored([a, b, c], tmp_path)) == [["v1", "v2"], ["v3"]]


def test_an_article_dated_meeting_joins_when_both_people_match_in_other_forms(tmp_path):
    """"Tomas Vidal and Ana Soto held a videoconference" (no date in the text) joins another outlet's "Tomas Vidal
    Herrera and Ana Soto Rivas spoke by video on Tuesday" published that day: both people, named in other forms."""
    t1 = "Tomas Vidal and Ana Soto held a videoconference."
    a = _meet("w1", t1, (person("a1", "Tomas Vidal", None, None, 0), person("a2", "Ana Soto", None, None, t1.index("Ana"))),
              ("a1", "a2"), (), date=None)  # (no country given: only their names can match)
    t2 = "Tomas Vidal Herrera and Ana Soto Rivas spoke by video on Tuesday."
    b = _meet("w2", t2, (person("a1", "Tomas Vidal Herrera", "PER", "GOV", 0),
                         person("a2", "Ana Soto Rivas", "BOL", "GOV", t2.index("Ana"))), ("a1", "a2"), ())
    t3 = "Tomas Vidal and Ana Lucia Paz held a videoconference."
    c = _meet("w3", t3, (person("a1", "Tomas Vidal", "PER", "GOV", 0), person("a2", "Ana Lucia Paz", "ECU", "GOV", t3.index("Ana"))),
              ("a1", "a2"), (), date=None)
    assert groups(stored([a, b, c], tmp_path)) == [["w1", "w2"], ["w3"]]


def test_a_bombing_and_an_attack_are_one_assault_category_an_arrest_another():
    from dragoman.store.merge import cameo_compatible

    assert cameo_compatible("183", "190") and cameo_compatible("195", "1831")
    assert not cameo_compatible("173", "190")


def test_a_name_transliterated_two_ways_is_one_person_but_another_first_name_is_not(tmp_path):
    """"Chaiwatt Srisombat" / "Chaiwat Srisombat", "Mohamed Fathy El-Sayed" / "Muhammad Fathi al-Sayed": outlets
    spell a name from another script differently; one person.  "Ali Hassan" / "Omar Hassan" are two."""
    from dragoman.store.merge import one_person, spelled

    assert one_person(spelled("chaiwatt srisombat"), spelled("chaiwat srisombat"))
    assert one_person(spelled("mohamed fathy el sayed"), spelled("muhammad fathi al sayed"))
    assert one_person(spelled("hryhorenko"), spelled("oleksandr hrihorenko"))
    assert one_person(spelled("mohammad reza kazemi tabar"), spelled("mohammad reza kazemitabar"))
    # a Slavic "dzh" written "dj" by one outlet and "dzh" by another ("Djurov" / "Dzhurov")
    assert one_person(spelled("stoyan djurov"), spelled("dzhurov"))
    # a Turkish "c" written "j" as it is said, the given name's vowels another way ("Cemal" / "Jamal")
    assert one_person(spelled("cemal ozcelik"), spelled("jamal ozjelik"))
    assert one_person(spelled("vasile vlasiuc"), spelled("vasyl vlasiuk"))  # a final "c" is a "k", not a "j"
    # a long given name written with one letter more ("sz" for "s"), the surname shared
    assert one_person(spelled("olekszandr marchenko"), spelled("oleksandr marchenko"))
    # "x" for "ks", with a patronymic in one form only
    assert one_person(spelled("olexiy marchenko"), spelled("oleksiy ivanovych marchenko"))
    # a name of short syllables romanised two ways, a short one shared ("Seo Jeong-hun" / "Suh Jung-hun")
    assert one_person(spelled("pak jeong hun"), spelled("pak jung hun"))
    assert one_person(spelled("seo jeong hun"), spelled("suh jung hun"))
    assert not one_person(spelled("lee min ho"), spelled("lee man ha"))  # a syllable of a vowel and "h" alone proves nothing
    assert not one_person(spelled("gordon brown"), spelled("george brown"))
    assert not one_person(spelled("petro petrenko"), spelled("pavlo petrenko"))
    assert not one_person(spelled("roberto petrenko"), spelled("norberto petrenko"))
    assert not one_person(spelled("ali hassan"), spelled("ali hassanali"))
    assert not one_person(spelled("ali hassan"), spelled("omar hassan"))
    assert not one_person(spelled("ana soto"), spelled("ana lucia paz"))

    def meet(aid: str, x, y, day: str) -> Article:
        text = f"{x[0]} met {y[0]} in Lima on {day}."
        acts = (person("a1", *x, start=text.index(x[0])), person("a2", *y, start=text.index(y[0])))
        return _meet(aid, text, acts, ("a1",), ("a2",), place="Lima")

    one = meet("s1", ("Chea Vuthy", "KHM", "GOV"), ("Chaiwatt Srisombat", "THA", "GOV"), "Tuesday")
    two = meet("s2", ("Chaiwat Srisombat", "THA", "GOV"), ("Chea Vuthy", "KHM", "GOV"), "Tuesday")
    assert groups(stored([one, two], tmp_path / "a")) == [["s1", "s2"]]


@pytest.mark.parametrize("a, b, same", [
    ("t r okonkwo", "tobenna rex okonkwo", True),  # initials for the given names
    ("dario k villalba", "dario kevin villalba", True),
    ("hamid al qadri", "hamed al qaadri", True),  # transliterated, no word spelt alike
    ("nikolaos papadimitrakis", "nikolaus papadimitrakos", True),
    ("hrachik karapetyan", "rachik karapetian", True),  # an "h" left out
    ("levan kobakhidze", "lefan kobakhidze", True),  # a voiced consonant written voiceless
    ("jean marc saint cyr", "jean marc st cyr", True),  # "Saint" abbreviated
    ("elmahdi yusuf karrar", "al mahdi karar", True),  # the article fused to the given name by one outlet
    ("alhadi nur", "al hadi nour", True),
    ("abdulkarim salih al rawi", "abdel karim saleh rawi", True),  # two words of one written as one of the other's
    ("nadhim farhan", "nazim farhan", True),  # one Arabic letter written "dh" or "z"
    ("abdel karim rawi", "abdulkarim hamdan", False),  # another family name
    ("elmahdi karrar", "osman karrar", False),  # another given name
    ("mahdi karrar", "ahmed karrar", False),  # the same consonants, but one name opens with a vowel
    ("j okonkwo", "tobenna okonkwo", False),  # another initial
    ("dario k villalba", "dario martin villalba", False),
    ("maria lopez", "mario lopes", False),  # another given name
    ("david miller", "daniel miller", False),
    ("ana soto", "ines soto", False),
])
def test_initials_and_names_spelt_two_ways_with_no_word_shared(a, b, same):
    """"T. R. Okonkwo" / "Tobenna Rex Okonkwo", "Hamid al-Qadri" / "Hamed al-Qaadri": one person each (the merge
    still needs the rest of the event to agree); another given name or another initial is not."""
    from dragoman.store.merge import one_person, spelled

    assert one_person(spelled(a), spelled(b)) is same


def test_names_spelt_apart_in_every_word_find_each_others_event(tmp_path):
    """Two outlets spell both participants differently, and neither names a country: the events share no key,
    yet the surnames sound alike ("Talukder" / "Talukdar"), so each finds the other and the rules join them;
    other people at another meeting that day stay apart."""
    def meet(aid: str, x: str, y: str) -> Article:
        text = f"{x} met {y} in Lima on Tuesday."
        acts = (person("a1", x, None, "GOV", start=text.index(x)), person("a2", y, None, "GOV", start=text.index(y)))
        return _meet(aid, text, acts, ("a1",), ("a2",), place="Lima")

    one = meet("t1", "Rahim Talukder", "Hamid al-Qadri")
    two = meet("t2", "Rahim Talukdar", "Hamed al-Qaadri")
    other = meet("t3", "Rahim Tolkien", "Hamid Quadros")
    assert groups(stored([one, two, other], tmp_path / "a")) == [["t1", "t2"], ["t3"]]


def test_a_meeting_with_a_countrys_leader_and_one_with_its_opposition_are_two(tmp_path):
    """The same envoy on one day in one city: "met President Vidal" / "met opposition leaders and students" name
    different parties of one country (its state; its civil society) — two meetings, though the envoy is shared."""
    def meet(aid: str, text: str, other: Actor) -> Article:
        acts = (person("a1", "Katarina Lind", "IGO", "GOV", start=text.index("Katarina Lind")), other)
        return _meet(aid, text, acts, ("a1",), (other.id,), place="Lima")

    t1 = "Katarina Lind met President Tomas Vidal in Lima on Tuesday."
    t2 = "Katarina Lind met opposition leaders in Lima on Tuesday."
    t3 = "Katarina Lind held talks with Tomas Vidal in Lima on Tuesday."
    vidal = person("a2", "Tomas Vidal", None, "GOV", start=t1.index("Tomas Vidal"))
    opp = group("a2", "opposition leaders", "PER", "OPP", t2)
    vidal3 = person("a2", "Tomas Vidal", "PER", "GOV", start=t3.index("Tomas Vidal"))
    rows = stored([meet("v1", t1, vidal), meet("v2", t2, opp), meet("v3", t3, vidal3)], tmp_path / "a")
    assert groups(rows) == [["v1", "v3"], ["v2"]]


def test_a_command_named_by_its_country_before_its_title_is_that_countrys():
    """"Nigeria's Chief of Army Staff" is Nigeria's military (the country before the title, the body after "of");
    "his Nigerien counterpart" (a soldier's) is Niger's; a bare "Chief of Staff" is no one in particular."""
    from dragoman.store.records import actor_keys

    def keys(name: str, country: str, sector: str) -> frozenset[str]:
        return actor_keys({"name": name, "kind": "group", "country": country, "sector": sector})

    assert keys("Nigeria's Chief of Army", "NGA", "MIL") == {"c:NGA/MIL"}
    assert keys("Nigerien counterpart", "NER", "MIL") == {"c:NER/MIL"}
    assert keys("Chief of Staff", "NER", "MIL") == {"g:NER/MIL"}
    assert keys("Peruvian police", "PER", "COP") == {"g:PER/COP"}
    assert keys("Colombian government negotiators", "COL", "GOV") == {"c:COL/state"}


def test_one_armed_group_named_in_two_languages_is_known_by_the_acronym_both_define(tmp_path):
    """'The Union of Northern Combatants (UNC) attacked villagers ...' and 'The Union des Combattants du Nord
    (UNC) attacked villagers ...' the same day are one attack: each article defined the same acronym for the
    group.  Without an acronym the two names still make the same initials in another order (adjective and noun
    change places between the languages); a different acronym is another group."""
    def raid(aid: str, name: str, acronym: str | None) -> Article:
        said = f"{name} ({acronym})" if acronym else name
        text = f"The {said} attacked villagers near Mambasa on Friday."
        i = text.index(name)
        mentions = [Mention(i, i + len(name), name)]
        if acronym:
            j = text.index(f"({acronym})") + 1
            mentions.append(Mention(j, j + len(acronym), acronym, kind="acronym"))
        acts = (Actor("a1", name, None, None, "REB", kind="organisation", mentions=tuple(mentions)),
                group("t1", "villagers", "COD", "CVL", text))
        return article(aid, text + " " + filler(aid), acts, "ASSAULT", ("a1",), ("t1",), "2025-02-07", published="2025-02-07")

    one = [raid("u1", "Union of Northern Combatants", "UNC"), raid("u2", "Union des Combattants du Nord", "UNC")]
    assert groups(stored(one, tmp_path / "a")) == [["u1", "u2"]]
    bare = [raid("u3", "Union of Northern Combatants", None), raid("u4", "Union des Combattants du Nord", None)]
    assert groups(stored(bare, tmp_path / "b")) == [["u3", "u4"]]
    other = [raid("u5", "Union of Northern Combatants", "UNC"), raid("u6", "Union des Combattants du Sud", "UCS")]
    assert groups(stored(other, tmp_path / "c")) == [["u5"], ["u6"]]


def test_an_armed_group_named_after_its_kind_is_the_group():
    def names(name: str) -> set[str]:
        return group_names(name, "BFA")

    group = {"n:jama at rijal al sahel", "n:rijal sahel"}  # (its core too: "Rijal as-Sahel" of another outlet)
    assert names("Fighters from the armed group Jama'at Rijal al-Sahel") == group
    assert names("Jama'at Rijal al-Sahel fighters") == group
    assert names("Fighters of the militant group Jama'at Rijal al-Sahel") == group
    assert names("Fighters from the armed group") == set()


def test_protests_of_two_sectors_against_one_government_on_one_day_stay_two(tmp_path):
    # a transport strike called by a named union, and teachers at the education ministry: both target Kenya's
    # state in Nairobi on one day, but the protesters are of two sectors and share no one
    one = "Thousands of transport workers rallied in Nairobi on Tuesday in a strike called by the Kenya Rail Union."
    one += " " + filler("q1")
    gov = Actor("t1", "Kenya (government)", "KEN", None, "GOV", kind="government",
                mentions=(Mention(one.index("Nairobi"), one.index("Nairobi") + 7, "Nairobi"),))
    union = Actor("a2", "Kenya Rail Union", "KEN", None, "LAB", kind="organisation",
                  mentions=(Mention(one.index("Kenya Rail"), one.index("Kenya Rail") + 16, "Kenya Rail Union"),))
    q1 = article("q1", one, (group("a1", "transport workers", "KEN", "LAB", one), union, gov), "PROTEST",
                 ("a1", "a2"), ("t1",), "2024-03-05")
    two = "Thousands of teachers rallied outside the Ministry of Education in Nairobi on Tuesday. " + filler("q2")
    ministry = Actor("t1", "Ministry of Education", "KEN", None, "GOV", kind="organisation",
                     mentions=(Mention(two.index("Ministry"), two.index("Ministry") + 21, "Ministry of Education"),))
    q2 = article("q2", two, (group("a1", "teachers", "KEN", "EDU", two), ministry), "PROTEST", ("a1",), ("t1",),
                 "2024-03-05")
    assert groups(stored([q1, q2], tmp_path)) == [["q1"], ["q2"]]


def test_a_groups_spanish_name_and_its_english_one_share_a_key():
    assert group_names("fighters of the Frente Aurelio Mosquera", "COL") \
        & group_names("Fighters of the Aurelio Mosquera Front", "COL")
    assert not group_names("fighters of the Frente de Liberación Nacional", "COL") \
        & group_names("Fighters of the Liberación Nacional Front", "COL")  # "Frente de ...": no reordering


def test_an_arabic_word_for_a_group_and_the_articles_form_leave_the_key():
    assert group_names("gunmen of Jama'at Ansar al-Qamar", "MOZ") & group_names("Fighters from the Ansar as-Qamar insurgent group", "MOZ")
    assert not group_names("gunmen of Jama'at Ansar al-Qamar", "MOZ") & group_names("Fighters of the Ansar al-Bahr", "MOZ")


def test_an_armed_groups_full_name_and_its_initials_share_a_key():
    # one outlet spells the group out, the other names it only by its initials
    assert group_names("Fighters from the Karoo Ridge Defence Front", "ZAF") & group_names("KRDF gunmen", "ZAF")
    assert group_names("Fighters from the Movement for the Defence of Tessalit", "MLI") \
        & group_names("Fighters of the MDT", "MLI")  # "for", "the", "of" leave no letter
    assert not group_names("Fighters from the Karoo Ridge Defence Front", "ZAF") & group_names("KRF gunmen", "ZAF")
    # an Arabic name's particles and articles are written too many ways to make initials of
    assert not any(len(k) <= 7 for k in group_names("gunmen of Jama'at Ansar al-Qamar", "MOZ"))


def test_an_apostrophe_inside_a_transliterated_name_is_no_word_break():
    from dragoman.store.merge import one_person, person_words
    from dragoman.store.records import actor_keys

    def words(name: str) -> frozenset[str] | None:
        a = {"name": name, "kind": "person", "country": "KWT", "org": None, "sector": "GOV"}
        return person_words(a, actor_keys(a))

    one, other = words("Fares bin Sa'ad al-Mutairi"), words("Faris bin Saad Al-Mutairi")
    assert one is not None and other is not None and one_person(one, other), (one, other)
    assert "n:o brady" not in actor_keys({"name": "Liam O'Brady", "kind": "person", "country": "IRL", "org": None,
                                          "sector": "GOV"})


def test_a_banned_groups_hyphenated_name_keys_its_militants_as_the_group():
    # "militants from the outlawed Tehreek-ul-Nasr group" are the group another outlet names alone
    from dragoman.store.records import actor_keys

    org = actor_keys({"name": "Tehreek-ul-Nasr", "kind": "organisation", "country": None, "org": None, "sector": "REB"})
    assert group_names("Militants from the outlawed Tehreek-ul-Nasr group", "PAK") & org
    assert group_names("Militants from the banned Tehreek-ul-Nasr", "PAK") & org
    assert not group_names("gunmen from New-Town", "PAK")  # a place after "from", no "the": where they came from


def test_an_article_dated_meeting_of_two_countries_is_not_their_named_ministers_meeting(tmp_path):
    """'Foreign Minister Tom Brel held talks with Ana Kell on Tuesday' and, with no date in its text, 'Nigeria and
    Ghana discussed the pipeline' are not one meeting on the article's date alone: other ministers of the two
    countries meet on such days. Their offices stand for the people; a signing's true parties are the countries."""
    t1 = "Foreign Minister Tom Brel held talks with Foreign Minister Ana Kell in Accra on Tuesday."
    named = _meet("s1", t1, (person("a1", "Tom Brel", "NGA", "GOV", t1.index("Tom")),
                             person("a2", "Ana Kell", "GHA", "GOV", t1.index("Ana"))), ("a1",), ("a2",))
    t2 = "Nigeria and Ghana discussed the pipeline's second phase."
    states = _meet("s2", t2, (country("a1", "Nigeria", "NGA", t2), country("a2", "Ghana", "GHA", t2)), ("a1", "a2"), (),
                   date=None)
    assert groups(stored([named, states], tmp_path / "a")) == [["s1"], ["s2"]]
    t3 = "Nigeria's foreign minister and Ghana's foreign minister discussed the pipeline's second phase."
    offices = _meet("s3", t3, (group("a1", "Nigeria's foreign minister", "NGA", "GOV", t3),
                               group("a2", "Ghana's foreign minister", "GHA", "GOV", t3)), ("a1", "a2"), (), date=None)
    assert groups(stored([named, offices], tmp_path / "b")) == [["s1", "s3"]]


def test_a_plural_possessive_in_a_bodys_name_still_gives_its_initials():
    from dragoman.store.records import initials

    assert initials("Velna Dockers' Union") == "vdu"
    assert initials("Velna Dockers’ Union") == "vdu"
    assert initials("Dorvan Workers' Party of Labour") == "dwpl"


def test_an_accusation_of_a_regional_administration_and_one_of_another_country_stay_two(tmp_path):
    # one ministry's accusations on one day: of the rival administration seated in a country's second city, whose
    # name does not name the country (no key of its own), and of another country's government
    def told(aid: str, who: Actor, whom: str, code: str) -> Article:
        text = f"{who.name} accused {whom} of arming the rebels on Tuesday. {filler(aid)}"
        actors = (who, group("t1", whom, code, "GOV", text))
        return article(aid, text, actors, "ACCUSE", ("a1",), ("t1",), "2024-03-05")

    ministry = Actor("a1", "Foreign Ministry", "SDN", None, "GOV", kind="organisation",
                     mentions=(Mention(0, 16, "Foreign Ministry"),))
    rows = stored([told("r1", ministry, "the Sirte-based administration", "LBY"),
                   told("r2", person("a1", "Hamid Karrar", "SDN", "GOV"), "Chad's government", "TCD")], tmp_path)
    assert groups(rows) == [["r1"], ["r2"]]


def test_a_name_transliterated_from_cyrillic_two_ways_is_one_person():
    from dragoman.store.merge import one_person

    # Ukrainian and Romanian (or Russian) spellings of one Cyrillic name: zh / j, h / g, k / c
    assert one_person(frozenset({"bohdan", "zhuravko"}), frozenset({"bogdan", "juravco"}))
    assert one_person(frozenset({"hryhoriy", "zhukovets"}), frozenset({"grigoriy", "jucovets"}))
    # other people stay apart
    assert not one_person(frozenset({"bohdan", "zhuravko"}), frozenset({"bogdan", "petrenko"}))
    assert not one_person(frozenset({"ivan", "zhuk"}), frozenset({"ivan", "kuts"}))


def test_a_telling_that_names_no_doer_does_not_stand_for_the_one_that_names_them(tmp_path):
    """A live page tells first 'the march has set off towards the government' (no one named as marching) and further
    down 'the Korvel movement called the protest': the movement's telling is the article's event, and meets another
    outlet's 'thousands marched on Saturday in a rally called by the Korvel movement'."""
    from dataclasses import replace

    def movement(aid: str, text: str) -> Actor:
        i = text.index("Korvel movement")
        return Actor(aid, "Korvel movement", None, None, "OPP", kind="organisation",
                     mentions=(Mention(i, i + len("Korvel movement"), "Korvel movement"),))

    live = (f"The march has set off from the square towards the government. Several thousand people have gathered. "
            f"The Korvel movement called the protest against the new charter. {filler('w1')}")
    acts = (group("t1", "government", "MKD", "GOV", live), movement("a1", live))
    art = article("w1", live, acts, "PROTEST", (), ("t1",), "2025-03-22", published="2025-03-22")
    i = live.index("The Korvel")
    called = event("w1", "PROTEST", ("a1",), (), date="2025-03-22", span=(i, i + 60), trigger=(i + 23, i + 29))
    art = art.replace(events=(art.events[0], replace(called, cameo="140")))
    text = f"Thousands marched on Saturday in a rally called by the Korvel movement. {filler('w2')}"
    other = article("w2", text, (movement("a1", text),), "PROTEST", ("a1",), (), "2025-03-22", published="2025-03-23")
    rows = stored([art, other], tmp_path / "a")
    assert any(sorted(r["article_ids"]) == ["w1", "w2"] for r in rows), [(r["article_ids"], r["type"]) for r in rows]


def test_a_bodys_members_are_keyed_as_the_body():
    """"Members of the Velnan Growers' Union marched ..." / "The Velnan Growers' Union marched ...": one participant;
    members of a common noun ("members of parliament") are no one body."""
    from dragoman.store.records import actor_keys

    def keys(name: str, kind: str = "group", country: str | None = None, sector: str | None = "AGR") -> set[str]:
        return set(actor_keys({"name": name, "kind": kind, "country": country, "org": None, "sector": sector}))

    union = keys("Velnan Growers' Union", kind="organisation")
    assert keys("Members of the Velnan Growers' Union") & union
    assert keys("hundreds of members of the Velnan Growers' Union", country="VLN") & union
    assert not keys("members of parliament", country="VLN", sector="LEG") & {"n:parliament"}


def test_an_arabic_name_with_its_article_said_as_the_next_letter_is_one_person():
    """"Abdul Rahim" / "Abdurrahim", "Abdel Salam" / "Abdessalam": the article's "l" said, and written, as the letter
    after it; "Abdul Karim" is another given name."""
    from dragoman.store.merge import one_person, spelled
    from dragoman.store.records import norm_name

    def same(a: str, b: str) -> bool:
        return one_person(spelled(norm_name(a)), spelled(norm_name(b)))

    assert same("Abdul Rahim Qadirzai", "Abdurrahim Qadirzai")
    assert same("Abdel Salam Qadirzai", "Abdessalam Qadirzai")
    assert not same("Abdul Karim Qadirzai", "Abdurrahim Qadirzai")


def test_an_armed_group_named_by_its_arabic_kind_or_its_english_one_is_one_group():
    """"Kataib Saif al-Wadi" is "the Saif al-Wadi Brigades"; "the Al-Zerdali Brigades" the "Zerdali Brigades" of
    another transliteration; "an armed group calling itself ..." goes by the name after it; another group's
    brigades are not these."""
    from dragoman.store.records import actor_keys

    def keys(name: str, sector: str = "UAF") -> set[str]:
        return set(actor_keys({"name": name, "kind": "group", "country": "SYR", "org": None, "sector": sector}))

    named = keys("Fighters of the Saif al-Wadi Brigades", "REB")
    assert keys("Fighters from a militant group calling itself Kataib Saif al-Wadi") & named
    assert keys("gunmen of the Zerdali Brigades") & keys("Fighters from the Al-Zerdali Brigades", "REB")
    assert not keys("gunmen of the Saif al-Rashid Brigades") & named
    assert keys("Gunmen from the separatist Tolnai Azad Lashkar") & {"n:tolnai azad lashkar"}


def test_a_given_name_cut_short_is_one_persons_but_another_given_name_is_not():
    """"Ravi Persaud" / "Ravindra Nath Persaud": an outlet may cut a given name short (three letters or more, the
    surname shared); "Ana Persaud" / "Ravindra Persaud" are two people, and so are "Jo" / "Joanna" (too short to tell)."""
    from dragoman.store.merge import one_person, spelled
    from dragoman.store.records import norm_name

    def same(a: str, b: str) -> bool:
        return one_person(spelled(norm_name(a)), spelled(norm_name(b)))

    assert same("Ravi Persaud", "Ravindra Nath Persaud") and same("Ravindra Nath Persaud", "Ravi Persaud")
    assert not same("Ana Persaud", "Ravindra Persaud")
    assert not same("Jo Persaud", "Joanna Persaud")
    assert not same("Ravi Persaud", "Ravindra Singh")  # no surname shared
