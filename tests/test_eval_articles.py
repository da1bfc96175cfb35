"""The whole-article scoring of ARTICLE-CODING.md, on records the project wrote (no model needed)."""

from __future__ import annotations

import json

from dragoman.evaluation.articles import GoldEvent, Locator, Tally, _article_metrics, load_gold, score_article
from dragoman.model import Actor, Article, Aux, Event, Evidence, Mention

TEXT = ("Police arrested six protesters in Lagos on Monday. The governor criticised the police. "
        "Talks would resume next week.")
S1, S2, S3 = (0, 50), (51, 86), (87, 116)


def actor(aid: str, name: str) -> Actor:
    i = TEXT.find(name)
    return Actor(aid, name, mentions=(Mention(i, i + len(name), name),))


ACTORS = (actor("a1", "Police"), actor("a2", "six protesters"), actor("a3", "governor"), actor("a4", "police"))


def event(eid: str, type_: str, trigger: str, sources=(), targets=(), **aux) -> Event:
    i = TEXT.find(trigger)
    sent = next(s for s in (S1, S2, S3) if s[0] <= i < s[1])
    return Event(eid, type_, sources=tuple(sources), targets=tuple(targets), aux=Aux(**aux),
                 evidence=(Evidence(sent[0], sent[1], (i, i + len(trigger))),))


def gold(type_: str, sent, sources=(), targets=(), also=(), flags=()) -> GoldEvent:
    return GoldEvent(type_, tuple(also), tuple(tuple(s) for s in sources), tuple(tuple(t) for t in targets),
                     sent, sent, frozenset(flags), None, None)


def test_precision_recall_strict_and_flags():
    golds = [
        gold("COERCE", S1, [["Police"]], [["protesters"]]),
        gold("ACCUSE", S2, [["governor", "Lagos governor"]], [["police"]]),
        gold("CONSULT", S3, flags=["future"]),
    ]
    events = (
        event("e1", "COERCE", "arrested", ["a1"], ["a2"]),  # type and strict
        event("e2", "ACCUSE", "criticised", ["a4"], ["a3"]),  # type only: roles reversed
        event("e3", "ASSAULT", "arrested", ["a1"], ["a2"]),  # wrong type
        event("e4", "CONSULT", "resume", future=True),  # flagged, agrees
        event("e5", "CONSULT", "Talks"),  # factual on a flagged gold event
    )
    art = Article(id="t", text=TEXT, actors=ACTORS, events=events)
    tally = Tally()
    errors: list = []
    score_article(art, [g.sentence for g in golds], golds, tally, errors, "t")
    m = _article_metrics(tally)
    assert (tally.pred_factual, tally.gold_factual) == (4, 2)
    assert m["type_precision"] == 0.5 and m["type_recall"] == 1.0
    assert m["strict_precision"] == 0.25 and m["strict_recall"] == 0.5
    assert tally.flagged_as_factual == 1 and m["flag_agreement"] == 0.5
    assert {e["kind"] for e in errors} == {"actors", "false positive", "flagged in gold"}


def test_a_pronoun_an_actor_was_told_by_is_not_one_of_its_names():
    """"Unions criticised the government. It denied ...": an actor whose name is only a title ("the government")
    is matched by that title, however many pronouns stand for it; "it" is no name to match."""
    text = "Unions criticised the government. It denied the charge."
    unions = Actor("a1", "Unions", mentions=(Mention(0, 6, "Unions"),))
    gov = Actor("a2", "government", mentions=(Mention(22, 32, "government"), Mention(34, 36, "It", kind="pronoun")))
    ev = Event("e1", "REJECT", sources=("a2",), targets=("a1",), evidence=(Evidence(34, 55, (37, 43)),))
    art = Article(id="t", text=text, actors=(unions, gov), events=(ev,))
    tally = Tally()
    errors: list = []
    score_article(art, [(34, 55)], [gold("REJECT", (34, 55), [["government"]], [["unions"]])], tally, errors, "t")
    assert tally.strict_tp_pred == 1 and not errors


def test_a_gold_sentence_is_found_whatever_the_spacing():
    loc = Locator("Headline\n\nThe  minister   resigned on\nMonday. Then more.")
    s, e = loc.find("The minister resigned on Monday.")
    assert loc.text[s:e] == "The  minister   resigned on\nMonday."
    assert loc.find("not there") is None


def test_the_bundled_gold_is_offsets_only_and_big_enough():
    golds = load_gold()
    assert len(golds) >= 40 and sum(len(g.events) for g in golds) >= 400
    for g in golds:
        for e in g.events:
            assert e.sentence[0] <= e.trigger[0] < e.trigger[1] <= e.sentence[1]
    from dragoman.evaluation.articles import GOLD_DIR

    for p in GOLD_DIR.glob("*.json"):
        rec = json.loads(p.read_text(encoding="utf-8"))
        assert "text" not in rec and all(isinstance(e["sentence"], list) for e in rec["events"])


def test_the_second_coding_is_of_the_same_texts_as_the_gold():
    from dragoman.evaluation.articles import GOLD_DIR, load_gold

    gold = {g.id: g for g in load_gold()}
    second = load_gold(GOLD_DIR.parent / "articles_second")
    assert len(second) == 37 and sum(len(s.events) for s in second) > 150
    for s in second:
        assert s.id in gold and s.text_sha1 == gold[s.id].text_sha1 and s.set == gold[s.id].set
        for e in s.events:
            assert e.sentence[0] <= e.trigger[0] < e.trigger[1] <= e.sentence[1], (s.id, e)
