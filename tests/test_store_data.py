"""Hand-built coded articles for the store tests (no model needed), and a generator of many.

This module holds builders only (no tests): the store tests and the SIGKILL test import it.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from dragoman.ids import event_id
from dragoman.model import Actor, Article, Aux, Event, Evidence, Location, Mention, ReferenceDate

CITIES = {
    "Doha": ("QAT", 25.29, 51.53), "Geneva": ("CHE", 46.2, 6.15), "Vienna": ("AUT", 48.21, 16.37),
    "Nairobi": ("KEN", -1.29, 36.82), "Cairo": ("EGY", 30.04, 31.24), "Jakarta": ("IDN", -6.2, 106.85),
    "Lima": ("PER", -12.05, -77.04), "Oslo": ("NOR", 59.91, 10.75),
}
TYPES = {  # type: (cameo, quad, score, verb)
    "CONSULT": ("040", 1, 1.0, "met"), "AGREE": ("057", 1, 4.0, "signed an accord with"),
    "ACCUSE": ("112", 3, -2.0, "accused"), "THREATEN": ("138", 3, -7.0, "threatened"),
    "AID": ("070", 2, 7.0, "sent aid to"), "ASSAULT": ("190", 4, -10.0, "attacked"),
    "PROTEST": ("140", 3, -6.5, "protested against"), "SANCTION": ("163", 4, -8.0, "imposed sanctions on"),
}
PEOPLE = [
    ("Amara Okafor", "NGA", "GOV"), ("Lena Fischer", "DEU", "GOV"), ("Kenji Watanabe", "JPN", "GOV"),
    ("Sofia Marquez", "MEX", "GOV"), ("Omar Haddad", "JOR", "MIL"), ("Priya Raman", "IND", "GOV"),
    ("Ivan Petrenko", "UKR", "MIL"), ("Nadia Karimi", "AFG", "GOV"), ("Tomas Novak", "CZE", "LEG"),
    ("Grace Mwangi", "KEN", "GOV"), ("Luis Herrera", "COL", "REB"), ("Mei Lin", "CHN", "GOV"),
]
WORDS = ["officials", "talks", "statement", "ministers", "delegation", "border", "trade", "security", "council", "agreement", "week", "region", "spokesman", "press", "conference", "economy", "envoy", "summit", "sources", "reporters", "capital", "leaders", "negotiations", "ceasefire", "water", "energy", "farmers", "markets", "schools", "roads", "ports", "vote", "budget"]


def person(aid: str, name: str, country: str | None, sector: str | None, start: int = 0) -> Actor:
    return Actor(aid, name, country, None, sector, kind="person", mentions=(Mention(start, start + len(name), name),))


def event(article_id: str, type_: str, sources: tuple[str, ...], targets: tuple[str, ...], *, date: str | None,
          precision: str = "day", place: str | None = None, span: tuple[int, int] = (0, 10),
          trigger: tuple[int, int] = (0, 3), negated: bool = False, hypothetical: bool = False,
          reciprocal: bool = False, extra_evidence: tuple[Evidence, ...] = ()) -> Event:
    cameo, quad, score, _ = TYPES[type_]
    loc = None
    if place:
        c, lat, lon = CITIES[place]
        loc = Location(place, c, lat, lon, "city")
    return Event(
        id=event_id(article_id, type_, trigger[0], trigger[1]), type=type_, quad_class=quad, cameo=cameo, score=score,
        sources=sources, targets=targets, reciprocal=reciprocal, date=date, date_precision=precision if date else "none",
        location=loc, aux=Aux(negated=negated, hypothetical=hypothetical),
        evidence=(Evidence(span[0], span[1], trigger),) + extra_evidence, confidence=0.8, rule="test/hand-built",
    )


def report(aid: str, a: tuple[str, str, str], b: tuple[str, str, str], type_: str, date: str | None, place: str | None,
           *, url: str | None = None, outlet: str = "Daily", filler_seed: int = 0, text: str | None = None,
           version: str = "0.1.0", negated: bool = False, hypothetical: bool = False) -> Article:
    """One article reporting one event between two people, with its own wording unless ``text`` is given."""
    verb = TYPES[type_][3]
    first = f"{a[0]} {verb} {b[0]}" + (f" in {place}" if place else "") + (f" on {date}" if date else "") + "."
    if text is None:
        rng = random.Random(filler_seed)
        filler = " ".join(rng.choice(WORDS) for _ in range(40))
        text = f"{first} The {outlet} reported that {filler}."
    start = text.index(a[0])
    trig = text.index(verb.split()[0], start)
    actors = (person("a1", a[0], a[1], a[2], start), person("a2", b[0], b[1], b[2], text.index(b[0])))
    ev = event(aid, type_, ("a1",), ("a2",), date=date, place=place, span=(0, len(first)),
               trigger=(trig, trig + len(verb.split()[0])), negated=negated, hypothetical=hypothetical)
    return Article(id=aid, text=text, url=url, title=f"{outlet}: {a[0]} and {b[0]}", published=date,
                   reference_date=ReferenceDate(date, "metadata", True) if date else ReferenceDate(),
                   actors=actors, events=(ev,), dragoman_version=version, meta={"source": f"test:{aid}"})


def generated(n: int, seed: int = 7, stories: int | None = None) -> list[Article]:
    """``n`` short coded articles about a pool of stories: several outlets per story, 10% copies."""
    rng = random.Random(seed)
    stories = stories or max(1, n // 3)
    pool = []
    for s in range(stories):
        a, b = rng.sample(PEOPLE, 2)
        t = rng.choice(sorted(TYPES))
        day = f"2024-{1 + s % 12:02d}-{1 + (s * 7) % 28:02d}"
        pool.append((a, b, t, day, rng.choice(sorted(CITIES))))
    out: list[Article] = []
    for i in range(n):
        if out and rng.random() < 0.1:
            src = rng.choice(out)
            text = src.text.replace(" The ", " Reporters said the ", 1)
            art = Article.from_dict({**src.to_dict(), "id": f"gen-{i:05d}", "text": text, "url": f"https://copy{i % 5}.example/{i}"})
            ev = art.events[0]
            off = len(" Reporters said the ") - len(" The ")
            _ = off  # the first sentence (the evidence) is unchanged, so offsets stay valid
            art = art.replace(events=(ev.__class__(**{**{f: getattr(ev, f) for f in ev.__dataclass_fields__},
                                                       "id": event_id(art.id, ev.type, *ev.evidence[0].trigger)}),),
                              meta={"source": f"gen:{i}"})
            out.append(art)
            continue
        a, b, t, day, city = pool[rng.randrange(stories)]
        out.append(report(f"gen-{i:05d}", a, b, t, day, city, url=f"https://outlet{i % 9}.example/{i}",
                          outlet=f"Outlet{i % 9}", filler_seed=seed * 100003 + i).replace(meta={"source": f"gen:{i}"}))
    return out


def write_jsonl(articles: list[Article], path: Path) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(a.to_dict(), ensure_ascii=False) + "\n" for a in articles)
    return path
