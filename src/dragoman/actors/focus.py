"""The article's country: the country an uncoded local actor ("police", "the opposition") belongs to.

An actor the text gives no country keeps none, unless the article names one country far more often
than any other (``data/focus.yaml``: how much more, which sectors, which words say "not local").  Then a
person or group of a local sector (or an unknown state institution: "Congress") takes that country
and its ``rule`` ends in ``+focus``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from dragoman.actors.context import COUNTRY_KINDS, LOCATIVE, Context
from dragoman.actors.lexicon import PSEUDO_COUNTRIES
from dragoman.actors.vocabulary import words
from dragoman.datafile import read_yaml
from dragoman.errors import ConfigError
from dragoman.model import Actor

#: nouns of a border: the country named with one is the neighbour's, not the story's
_EDGES = frozenset({"border", "frontier", "boundary", "borderline"})
#: nouns a country's name names a war with ("the Iraq war", "the Suez invasion")
_WARS = frozenset({"war", "invasion"})
#: kinds that do not count where a locative preposition introduces them (a venue)
VENUE_KINDS = frozenset({"capital", "city"})


@dataclass(frozen=True)
class FocusRules:
    dominance: float
    person_needs_sole_country: bool
    sectors: frozenset[str]
    organisation_sectors: frozenset[str]
    not_local: frozenset[str]
    regional: tuple[str, ...]  # lower-case phrases ("latin american")


@lru_cache(maxsize=1)
def rules() -> FocusRules:
    path = resources.files("dragoman.actors") / "data" / "focus.yaml"
    try:
        raw: dict[str, Any] = read_yaml(path.read_text(encoding="utf-8"))
        regional = resources.files("dragoman.actors") / "data" / "regional_adjectives.txt"
        phrases = tuple(line.strip().lower() for line in regional.read_text(encoding="utf-8").splitlines()
                        if line.strip() and not line.startswith("#"))
        return FocusRules(float(raw["dominance"]), bool(raw["person_needs_sole_country"]), frozenset(raw["sectors"]),
                          frozenset(raw["organisation_sectors"]),
                          frozenset(str(w).lower() for w in raw["not_local"]), phrases)
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as e:
        raise ConfigError(f"cannot read the focus rules: {e}", source=str(path), hint="reinstall dragoman") from e


def focus_country(ctx: Context, dominance: float | None = None) -> tuple[str | None, bool]:
    """The country the article names far more than any other (outside page chrome), or None; and
    whether it is the only country the article names."""
    dominance = rules().dominance if dominance is None else dominance
    counts: Counter[str] = Counter()
    toks = ctx.toks
    for m, e in ctx.hit_entries():
        if e.country and not e.contextual and e.kind in COUNTRY_KINDS and e.country not in PSEUDO_COUNTRIES:
            i = ctx.tok_at_start.get(m.start)
            if i is None or e.kind in VENUE_KINDS and toks[i].ent_type == "PERSON":
                continue  # a city's name inside a person's ("Tariq Merkel Hassan")
            if e.kind in VENUE_KINDS and i and toks[i - 1].text.lower() in LOCATIVE:
                continue  # "talks with the rebels in Doha": a city may be only where they met
            if _likened(ctx, m.end):
                continue  # "Monaco-style casinos", "a Soviet-era law": a likeness or an age, no place of the story
            if toks[i].dep in ("compound", "amod", "nmod") and toks[toks[i].head].lemma.lower() in _WARS:
                continue  # "the Iraq war", "the Vietnam war": the name of a war, told of as a topic, no place of the story
            if toks[i].head != i and toks[toks[i].head].lemma.lower() in _EDGES or (
                    toks[i].dep == "pobj" and toks[toks[i].head].text.lower() == "with"
                    and toks[toks[toks[i].head].head].lemma.lower() in _EDGES):
                continue  # "a town near the Arvanian border", "the border with Arvania": the country over the line
            counts[e.country] += 1
    if not counts:
        return None, False
    ranked = counts.most_common(2)
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    return (top if n > second and n >= dominance * second else None), second == 0


#: words after a hyphen that make the name before them a likeness or an age ("-style", "-era", "-like": words.yaml)
_LIKENESS = words("likeness_qualifiers")


def _likened(ctx: Context, end: int) -> bool:
    """Is the name ending at character ``end`` followed by "-style", "-era", "-like" ...?"""
    text = ctx.article.text
    if text[end:end + 1] != "-":
        return False
    word = text[end + 1:end + 12].split(" ")[0].strip(".,;:'\"").lower()
    return word in _LIKENESS


def apply_focus(ctx: Context, actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """Give the article's country to the local people and groups it gives none."""
    r = rules()
    todo = {a.id for a in actors if a.country is None and (
        a.kind in ("person", "group") and a.sector in r.sectors
        or a.kind == "organisation" and a.sector in r.organisation_sectors)}
    if not todo:
        return actors
    country, sole = focus_country(ctx, r.dominance)
    # a bare body ("the government", "authorities"): a name with words of its own ("Latin American governments", "the two
    # countries' ministers") says more than where they were
    placed = _placed(ctx, [a for a in actors if a.id in todo and a.kind == "group" and len(a.name.split()) == 1])
    if country is None and not placed:
        return actors
    out = []
    for a in actors:
        if a.id in placed:
            a = replace(a, country=placed[a.id], rule=f"{a.rule or ''}+placed")
        elif country is not None and a.id in todo and (sole or a.kind != "person" or not r.person_needs_sole_country) \
                and not _foreign(a, r):
            a = replace(a, country=country, rule=f"{a.rule or ''}+focus")
        out.append(a)
    return tuple(out)


def _placed(ctx: Context, groups: list[Actor]) -> dict[str, str]:
    """The country of a group the text places in a capital or a city right after its name ("the government in
    Velna", "authorities in Dorvan City"): that place's country, whatever country the article is mostly about."""
    if not groups:
        return {}
    places = {m.start: e.country for m, e in ctx.hit_entries()
              if e.kind in VENUE_KINDS and e.country and e.country not in PSEUDO_COUNTRIES}
    toks = ctx.toks
    out: dict[str, str] = {}
    for a in groups:
        found = set()
        for m in a.mentions:
            i = ctx.tok_at_end.get(m.end)
            if i is None or i + 2 >= len(toks) or toks[i + 1].text.lower() != "in":
                continue
            j = i + 3 if toks[i + 2].text.lower() == "the" and i + 3 < len(toks) else i + 2
            if toks[j].start in places:
                found.add(places[toks[j].start])
        if len(found) == 1:
            out[a.id] = found.pop()
    return out


def _foreign(a: Actor, r: FocusRules) -> bool:
    """Does a word of the actor's name or mentions say it is not of the place?"""
    for text in (a.name, *(m.text for m in a.mentions)):
        low = text.lower()
        if any(p in low for p in r.regional):
            return True
        for w in low.split():
            w = w.strip(".,;:'’\"()")
            if w.endswith(("'s", "’s")):
                w = w[:-2]
            if w in r.not_local:
                return True
    return False
