"""Cross-article merging on evidence: hand-built coded articles in a real DuckDB store (no model needed)."""

from __future__ import annotations

import random

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


def group(aid: str, name: str, code: str | None, sector: str, text: str) -> Actor:
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
