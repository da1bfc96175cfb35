"""The benchmark corpus: political news composed from the project's own templates, fixed seed.

Nothing here is taken from the evaluation sets or the seed article: the actors are countries,
capitals, generic role words and invented names; the sentences are templates the project wrote
(meetings, accusations, aid, sanctions, protests, clashes, quotes, background), filled in with a
``random.Random(seed)`` so that every run of ``make bench`` codes the very same texts.

    python -m bench.corpus --articles 500 --out bench/out/corpus.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta
from pathlib import Path

# (country, capital, demonym)
COUNTRIES = [
    ("France", "Paris", "French"), ("Germany", "Berlin", "German"), ("Turkey", "Ankara", "Turkish"),
    ("Egypt", "Cairo", "Egyptian"), ("Kenya", "Nairobi", "Kenyan"), ("Nigeria", "Abuja", "Nigerian"),
    ("Ethiopia", "Addis Ababa", "Ethiopian"), ("Brazil", "Brasilia", "Brazilian"), ("Argentina", "Buenos Aires", "Argentine"),
    ("Mexico", "Mexico City", "Mexican"), ("Colombia", "Bogota", "Colombian"), ("India", "New Delhi", "Indian"),
    ("Pakistan", "Islamabad", "Pakistani"), ("Iran", "Tehran", "Iranian"), ("Iraq", "Baghdad", "Iraqi"),
    ("Japan", "Tokyo", "Japanese"), ("China", "Beijing", "Chinese"), ("Russia", "Moscow", "Russian"),
    ("Ukraine", "Kyiv", "Ukrainian"), ("Poland", "Warsaw", "Polish"), ("Sudan", "Khartoum", "Sudanese"),
    ("Indonesia", "Jakarta", "Indonesian"), ("Philippines", "Manila", "Philippine"), ("Vietnam", "Hanoi", "Vietnamese"),
    ("Jordan", "Amman", "Jordanian"), ("Lebanon", "Beirut", "Lebanese"), ("Mali", "Bamako", "Malian"),
    ("Somalia", "Mogadishu", "Somali"), ("Venezuela", "Caracas", "Venezuelan"), ("Canada", "Ottawa", "Canadian"),
]
ORGS = [
    "the United Nations", "NATO", "the European Union", "the African Union", "the World Bank",
    "the International Monetary Fund", "the Red Cross", "the Arab League", "ASEAN", "the World Health Organization",
]
ROLES = [
    "Foreign Minister", "Prime Minister", "President", "Defence Minister", "Interior Minister",
    "Finance Minister", "army chief", "opposition leader", "ambassador", "trade minister",
]
GROUPS = [
    "rebels", "government forces", "protesters", "opposition lawmakers", "security forces",
    "police", "militants", "striking workers", "students", "farmers",
]
FIRST = ["Amara", "Lucas", "Nadia", "Tomas", "Leila", "Daniel", "Yusuf", "Elena", "Kofi", "Marta", "Ravi", "Ines",
         "Omar", "Sofia", "Jonas", "Aiko", "Pedro", "Hana", "Victor", "Zara", "Malik", "Irene", "Samuel", "Lina"]
LAST = ["Okafor", "Brandt", "Haddad", "Moreau", "Kowalski", "Tanaka", "Silva", "Rahman", "Petrov", "Mensah",
        "Alvarez", "Novak", "Karimi", "Lindqvist", "Osei", "Duarte", "Farouk", "Ivanova", "Castillo", "Mwangi"]
ISSUES = [
    "border security", "grain exports", "a disputed pipeline", "refugee returns", "fishing rights", "water sharing",
    "the detention of journalists", "nuclear inspections", "a ceasefire", "debt relief", "election monitoring",
    "arms shipments", "trade tariffs", "a hostage exchange", "electricity prices",
]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday",
        "last week", "earlier this month", "two days ago", "this morning", "late on Thursday", "last month"]
AGENCIES = ["Reuters", "AP", "AFP", "Xinhua", "dpa"]

# event sentences: {a} and {b} are actors, {d} a date phrase, {p} a place, {i} an issue
EVENTS = [
    "{a} met {b} in {p} {d} to discuss {i}.",
    "{a} held talks with {b} {d}, officials said.",
    "{a} signed an agreement with {b} on {i} in {p} {d}.",
    "{a} accused {b} of violating the agreement on {i}.",
    "{a} condemned {b} {d} over {i}, calling the move unacceptable.",
    "{a} threatened to impose sanctions on {b} if talks on {i} failed.",
    "{a} imposed new sanctions on {b} {d}.",
    "{a} sent humanitarian aid to {p} {d}, including food and medicine.",
    "{a} pledged $250 million in aid to {b} {d}.",
    "{a} called on {b} to release the detained activists.",
    "{a} urged {b} to return to negotiations over {i}.",
    "{a} rejected a proposal from {b} on {i} {d}.",
    "{a} expelled two diplomats from {b} {d}.",
    "{a} attacked positions held by {b} near {p} {d}, killing at least 12 people.",
    "{a} clashed with {b} in the outskirts of {p} {d}.",
    "Thousands of {g} marched in {p} {d} to protest against {i}.",
    "{a} arrested dozens of {g} in {p} {d}.",
    "{a} deployed troops to the border with {b} {d}.",
    "{a} agreed to resume talks with {b} on {i} next month.",
    "{a} praised {b} for its efforts on {i}.",
    "{a} apologised to {b} for the incident {d}.",
    "{a} withdrew its forces from {p} {d}, according to a statement.",
    "{a} will visit {p} next week to meet {b}, his office said.",
    "{a} did not meet {b} during the summit in {p}.",
    "{a} and {b} announced a joint investigation into {i} {d}.",
    "{a} hosted {b} in {p} {d} for a two-day visit.",
    "{a} spoke by telephone with {b} {d} about {i}.",
    "{a} demanded that {b} withdraw its troops from {p}.",
]
QUOTES = [
    '"We will not accept any agreement that ignores {i}," {s} said {d}.',
    '"This is a step in the right direction," {s} told reporters in {p}.',
    '"Our patience has limits," {s} said in a statement.',
    '{s} said the talks on {i} had been "constructive and frank".',
    '"We call on all parties to show restraint," {s} said.',
    '{s} told the parliament that the government would "respond firmly" to any attack.',
    '"There can be no military solution," {s} said after the meeting.',
    '{s} said {b} had "broken every promise" it made on {i}.',
]
BACKGROUND = [
    "The talks come after months of tension over {i}.",
    "Relations between the two countries have been strained since {y}.",
    "The dispute over {i} has dragged on for more than a decade.",
    "Analysts said the move could complicate efforts to reach a broader settlement.",
    "The meeting was the first of its kind since {y}.",
    "Officials did not give further details.",
    "Diplomats said a final agreement was unlikely before the end of the year.",
    "The government has faced growing criticism at home over its handling of {i}.",
    "Negotiators are expected to meet again in {p} next month.",
    "Several countries have offered to mediate between the two sides.",
]


class _Composer:
    def __init__(self, rng: random.Random):
        self.rng = rng

    def person(self, country: tuple[str, str, str]) -> str:
        r = self.rng
        return f"{country[2]} {r.choice(ROLES)} {r.choice(FIRST)} {r.choice(LAST)}"

    def actor(self, country: tuple[str, str, str]) -> str:
        r = self.rng
        k = r.random()
        if k < 0.35:
            return self.person(country)
        if k < 0.55:
            return country[0]
        if k < 0.7:
            return f"the {country[2]} government"
        if k < 0.8:
            return r.choice(ORGS)
        if k < 0.9:
            return f"the {country[2]} army"
        return f"{country[2]} {r.choice(GROUPS)}"

    def sentence(self, kind: list[str], home, other, d0: date) -> str:
        r = self.rng
        tpl = r.choice(kind)
        fill = {
            "a": self.actor(home), "b": self.actor(other), "s": self.person(r.choice([home, other])),
            "p": r.choice([home[1], other[1]]), "d": r.choice(DAYS), "i": r.choice(ISSUES),
            "g": r.choice(GROUPS), "y": str(d0.year - r.randint(1, 15)),
        }
        s = tpl.format(**fill)
        return s[0].upper() + s[1:]

    def article(self, n: int, words: int, d0: date) -> dict:
        r = self.rng
        home, other = r.sample(COUNTRIES, 2)
        day = d0 - timedelta(days=r.randint(0, 900))
        title = self.sentence(EVENTS, home, other, day).rstrip(".")
        agency = r.choice(AGENCIES)
        paras: list[str] = []
        count = 0
        first = True
        while count < words:
            sents = []
            for _ in range(r.randint(2, 4)):
                k = r.random()
                pool = EVENTS if k < 0.5 else QUOTES if k < 0.75 else BACKGROUND
                sents.append(self.sentence(pool, home, other, day))
            para = " ".join(sents)
            if first:
                para = f"{home[1].upper()} ({agency}) - {para}"
                first = False
            paras.append(para)
            count += len(para.split())
        text = "\n\n".join(paras)
        return {"id": f"bench-{n:05d}", "title": title, "published": day.isoformat(), "text": text}


def generate(n_articles: int = 500, seed: int = 8, min_words: int = 300, max_words: int = 800) -> list[dict]:
    """``n_articles`` articles of ``min_words``–``max_words`` words (most of them short, as in news)."""
    rng = random.Random(seed)
    comp = _Composer(rng)
    d0 = date(2024, 6, 30)
    out = []
    for n in range(n_articles):
        target = min_words + int((max_words - min_words) * rng.random() ** 4)
        art = comp.article(n, target, d0)
        while not min_words <= words(art["text"]) <= max_words:  # a paragraph may overshoot
            art = comp.article(n, target - 40, d0)
        out.append(art)
    return out


def words(text: str) -> int:
    return len(text.split())


def write(path: Path, n_articles: int = 500, seed: int = 8) -> dict:
    """Write the corpus as JSONL; return its size."""
    arts = generate(n_articles, seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(a, ensure_ascii=False) + "\n" for a in arts)
    return {"articles": len(arts), "words": sum(words(a["text"]) for a in arts), "seed": seed, "path": str(path)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / "out" / "corpus.jsonl")
    a = ap.parse_args()
    print(json.dumps(write(a.out, a.articles, a.seed)))


if __name__ == "__main__":
    main()
