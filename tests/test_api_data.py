"""Hand-built coded articles for the API, schema and browser tests (no model needed).

Fictional wire stories, each coded the way dragoman's record says (actors with mentions, events
with evidence and trigger offsets, dates, places, auxiliary modes).  Offsets are computed from
the text, never typed, and ``test_records_are_consistent`` checks them, so a fixture cannot
silently point at the wrong characters.
"""

from __future__ import annotations

import re
from typing import Any

from dragoman.ids import article_id, event_id
from dragoman.model import Actor, Article, Aux, Event, Evidence, Location, Mention, ReferenceDate

PLACES = {
    "Nairobi": ("KEN", -1.29, 36.82), "Mogadishu": ("SOM", 2.05, 45.32), "Geneva": ("CHE", 46.20, 6.14),
    "Caracas": ("VEN", 10.49, -66.88), "Canberra": ("AUS", -35.28, 149.13), "Islamabad": ("PAK", 33.69, 73.05),
}
QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2, "REQUEST": 3,
        "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}

#: (published, place, text, actors {key: (name, country, sector, [mention texts])},
#:  events [(type, trigger word, nth occurrence, sources, targets, negated)])
STORIES: list[dict[str, Any]] = [
    {"published": "2024-03-12", "place": "Nairobi", "title": "Kenya and Ethiopia agree to reopen border crossing",
     "text": "NAIROBI - Kenya's foreign minister met his Ethiopian counterpart in Nairobi on Tuesday and agreed to reopen "
             "the Moyale border crossing. The two governments also signed a pact on cross-border security patrols.",
     "actors": {"ken": ("Kenya", "KEN", "GOV", ["Kenya's foreign minister"]),
                "eth": ("Ethiopia", "ETH", "GOV", ["his Ethiopian counterpart"])},
     "events": [("CONSULT", "met", 0, ["ken"], ["eth"], False), ("AGREE", "agreed", 0, ["ken"], ["eth"], False),
                ("COOPERATE", "signed", 0, ["ken"], ["eth"], False)]},
    {"published": "2024-03-14", "place": "Mogadishu", "title": "Militants attack army base near Mogadishu",
     "text": "MOGADISHU - Al-Shabaab fighters attacked an army base near Mogadishu on Wednesday, killing four soldiers. "
             "The Somali government accused the group of targeting civilians.",
     "actors": {"shb": ("Al-Shabaab", "SOM", "REB", ["Al-Shabaab fighters", "the group"]),
                "mil": ("Somali army", "SOM", "MIL", ["an army base"]),
                "gov": ("Somali government", "SOM", "GOV", ["The Somali government"])},
     "events": [("ASSAULT", "attacked", 0, ["shb"], ["mil"], False), ("ACCUSE", "accused", 0, ["gov"], ["shb"], False)]},
    {"published": "2024-03-15", "place": "Geneva", "title": "UN hosts Yemen talks in Geneva",
     "text": "GENEVA - United Nations envoys hosted talks between Yemen's government and Houthi representatives in Geneva "
             "on Friday. The United Nations called for a ceasefire in Hodeidah.",
     "actors": {"un": ("United Nations", "UNO", "GOV", ["United Nations envoys", "The United Nations"]),
                "yem": ("Yemen", "YEM", "GOV", ["Yemen's government"]),
                "hou": ("Houthis", "YEM", "REB", ["Houthi representatives"])},
     "events": [("CONSULT", "talks", 0, ["un"], ["yem", "hou"], False), ("REQUEST", "called", 0, ["un"], ["yem", "hou"], False)]},
    {"published": "2024-03-18", "place": "Caracas", "title": "Venezuelan police arrest opposition leader",
     "text": "CARACAS - Venezuelan police arrested an opposition leader in Caracas on Monday. The United States "
             "threatened new sanctions against Venezuela over the arrest.",
     "actors": {"cop": ("Venezuelan police", "VEN", "COP", ["Venezuelan police"]),
                "opp": ("Venezuelan opposition", "VEN", "OPP", ["an opposition leader"]),
                "usa": ("United States", "USA", "GOV", ["The United States"]),
                "ven": ("Venezuela", "VEN", "GOV", ["Venezuela over"])},
     "events": [("COERCE", "arrested", 0, ["cop"], ["opp"], False), ("THREATEN", "threatened", 0, ["usa"], ["ven"], False)]},
    {"published": "2024-03-20", "place": "Canberra", "title": "Australia pledges cyclone aid to Fiji",
     "text": "CANBERRA - Australia pledged emergency aid to Fiji after the cyclone, and the two countries agreed to expand "
             "naval patrols. Fiji did not reject the offer of a field hospital.",
     "actors": {"aus": ("Australia", "AUS", "GOV", ["Australia"]), "fji": ("Fiji", "FJI", "GOV", ["Fiji after", "Fiji did"])},
     "events": [("AID", "pledged", 0, ["aus"], ["fji"], False), ("AGREE", "agreed", 0, ["aus"], ["fji"], False),
                ("REJECT", "reject", 0, ["fji"], ["aus"], True)]},
    {"published": "2024-03-20", "place": "Islamabad", "title": "Pakistan and Iran hold border talks",
     "text": "ISLAMABAD - Pakistan and Iran held talks on border security in Islamabad on Wednesday. Pakistan accused "
             "militants based in Iran of attacking a border post.",
     "actors": {"pak": ("Pakistan", "PAK", "GOV", ["Pakistan and", "Pakistan accused"]),
                "irn": ("Iran", "IRN", "GOV", ["Iran held"]),
                "mil": ("militants", None, "REB", ["militants based"])},
     "events": [("CONSULT", "talks", 0, ["pak"], ["irn"], False), ("ACCUSE", "accused", 0, ["pak"], ["mil"], False)]},
]


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"\.(\s+|$)", text):
        out.append((start, m.start() + 1))
        start = m.end()
    return out


def _nth(text: str, word: str, n: int) -> int:
    pos = -1
    for _ in range(n + 1):
        pos = text.index(word, pos + 1)
    return pos


def build_article(story: dict[str, Any], suffix: str = "") -> Article:
    text = story["text"]
    aid = article_id(text + suffix, None) if not suffix else "art-" + suffix
    actors = []
    for n, (key, (name, country, sector, mentions)) in enumerate(story["actors"].items(), 1):
        ms = []
        for m in mentions:
            start = text.index(m)
            word = m.split(" ")[0] if m.endswith((" and", " after", " did", " held", " over", " accused", " based")) else m
            ms.append(Mention(start, start + len(word), word))
        org = "UN" if country == "UNO" else None
        actors.append(Actor(id=f"a{n}", name=name, country=country, org=org, sector=sector, mentions=tuple(ms),
                            kind="government" if sector == "GOV" else "group", rule="test/hand-coded"))
    local = {key: f"a{n}" for n, key in enumerate(story["actors"], 1)}
    country, lat, lon = PLACES[story["place"]]
    sents = _sentences(text)
    events = []
    for typ, word, nth, srcs, tgts, negated in story["events"]:
        t0 = _nth(text, word, nth)
        s0, s1 = next((a, b) for a, b in sents if a <= t0 < b)
        events.append(Event(
            id=event_id(aid, typ, t0, t0 + len(word)), type=typ, quad_class=QUAD[typ], mode=None, cameo=None,
            sources=tuple(local[k] for k in srcs), targets=tuple(local[k] for k in tgts),
            date=story["published"], date_precision="day", date_trusted=True,
            location=Location(story["place"], country, lat, lon, "city"),
            aux=Aux(negated=negated), evidence=(Evidence(s0, s1, (t0, t0 + len(word))),),
            confidence=0.8 if not negated else 0.6, rule=f"test/{typ.lower()}-{word}"))
    return Article(id=aid, text=text, title=story["title"], published=story["published"],
                   reference_date=ReferenceDate(story["published"], "metadata", True), actors=tuple(actors),
                   events=tuple(events), meta={"source": "test_api_data"})


def build_articles() -> list[Article]:
    return [build_article(s) for s in STORIES]


def test_records_are_consistent():
    """Every offset of the hand-built records points at the words it claims."""
    for art in build_articles():
        for a in art.actors:
            for m in a.mentions:
                assert art.text[m.start:m.end] == m.text
        for e in art.events:
            ev = e.evidence[0]
            sentence = art.text[ev.start:ev.end]
            assert sentence.endswith(".")
            assert ev.start <= ev.trigger[0] < ev.trigger[1] <= ev.end
            assert art.text[ev.trigger[0]:ev.trigger[1]] in e.rule
        assert Article.from_dict(art.to_dict()).to_dict() == art.to_dict()
