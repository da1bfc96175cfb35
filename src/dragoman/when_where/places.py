"""The ``places`` stage: every place mention → ``Article.places``; each event's ``location``.

Mentions are spaCy's GPE/LOC/FAC entities, capitalised names after "in/at/near ..." that the
gazetteer knows, "X province" / "province of X", and "the Afghan capital".  Each is resolved with
the article's countries as context (the countries named, the demonyms used and the actors'
countries).  The dateline is where the reporter was: a mention inside it is never an event's
place.

An event takes the place attached to one of its triggers in the parse: a locative phrase on the
trigger's clause ("met ... in Doha", "talks in Doha"), a name modifying a noun trigger ("the Doha
talks"), the object of a verb of movement or attack ("visited Kabul", "struck Kandahar"), or the
destination of a visit ("a trip to Beijing").  With none the event has no location: never a guess.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

from dragoman.actors.vocabulary import words
from dragoman.datafile import read_yaml
from dragoman.model import Article, Event, Location, Token
from dragoman.settings import Settings
from dragoman.when_where.gazetteer import PRECISION_ORDER, Gazetteer, Place, gazetteer, key
from dragoman.when_where.syntax import TokenIndex, is_attached
from dragoman.when_where.timex import words as timex_words

PLACE_LABELS = {"GPE", "LOC", "FAC"}


def _words() -> dict[str, list[str]]:
    with open(Path(__file__).parent / "data" / "places.yaml", encoding="utf-8") as fh:
        return read_yaml(fh)


_W = _words()
LOC_PREPS = frozenset(_W["locative_prepositions"])
CUE_PREPS = LOC_PREPS | frozenset(_W["cue_prepositions"])
#: triggers whose object is where they happened ("visited Kabul", "shelled Kharkiv"): the actor stage's list
PLACE_OBJECT_LEMMAS = words("place_object_lemmas")
#: verbs of coming together whose purpose clause happens where they do ("gathered in X to protest")
GATHERING_VERBS = frozenset(timex_words()["gathering_verbs"])
#: the months' names: "in March 2023" is a time, though a town is called March
_MONTHS = frozenset(timex_words()["months"])
#: places inside a city ("Bucharest's main square"): where the city owns one, it is where things happen
LANDMARK_NOUNS = words("landmark_nouns")
#: the last words of a building's name that may begin with its city's ("Velna City Hall", "Dorvan Town Hall")
LANDMARK_NAME_WORDS = frozenset(_W["landmark_name_words"])
#: words for a part of a place between a preposition and its name ("through central Velna")
AREA_WORDS = frozenset(_W["area_words"])
#: triggers whose "to" phrase is where they happened ("a visit to Beijing", "travelled to Doha")
DESTINATION_LEMMAS = frozenset(_W["destination_lemmas"])
#: words that make a name a province or region ("Kandahar province", "the province of Idlib")
ADMIN_WORDS = frozenset(_W["admin_words"])
#: nouns that a following "of NAME" names: "the province of Idlib", "the city of Aleppo"
ADMIN_NOUNS = ADMIN_WORDS | frozenset(_W["settlement_words"])
_ADMIN_AFTER = re.compile(rf"^\s+({'|'.join(sorted(ADMIN_WORDS))})\b", re.IGNORECASE)
#: a name the NER took with its admin word ("Jizan province"): the name before it
_ADMIN_END = re.compile(rf"^(.+?)\s+({'|'.join(sorted(ADMIN_WORDS))})$", re.IGNORECASE)
_ADMIN_BEFORE = re.compile(rf"\b({'|'.join(sorted(ADMIN_WORDS))})\s+of\s+$", re.IGNORECASE)
#: nouns that count what follows "of": "a second round of talks in Montevideo" is talks in Montevideo
PARTITIVE_NOUNS = frozenset(_W["partitive_nouns"])
#: prepositions whose object is another happening: "came a week after their first meeting in Asuncion"
OTHER_TIME_PREPS = frozenset(_W["other_time_prepositions"])
_CAPITAL = re.compile(r"\bthe\s+(?P<dem>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+capital(?:\s+city)?\b")
#: "in the capital", "across the country's capital": which capital, the story's country says
_BARE_CAPITAL = re.compile(r"\b(?:in|at|into|to|from|near|outside|across|around|throughout|toward|towards)\s+"
                           r"(?P<cap>the\s+(?:(?:country|nation)['’]s\s+)?capital(?:\s+city)?)\b(?!\s+(?:markets?|gains?|"
                           r"spending|investment|flows?|requirements?|ratio|base|expenditure)\b)")
#: "the village", "the town" told again with no name ("... the village of Tessa ... Gunmen attacked the village")
_TOWN_NOUNS = frozenset(_W["told_again_settlement_nouns"])
_THE_TOWN = re.compile(rf"\bthe\s+(?:{'|'.join(sorted(_TOWN_NOUNS))})\b(?!\s+of\b|['’])")
#: how many sentences back "the village" looks for the one named
_TOWN_WINDOW = 4
#: a named square or street after a preposition of place ("in Alexander Nevsky Square", "at Plaza Mayor", "on Rustaveli
#: Avenue"): no city owning it named ("in Velna's main square" is the city's own mention)
_NAMED_SQUARE = re.compile(r"\b(?:in|at|on|into|to|near|outside|around|across)\s+(?:the\s+)?(?P<sq>"
                           r"(?:[A-Z][\w'-]+\s+){1,3}(?:Square|Plaza|Avenue|Street|Boulevard)"
                           r"|(?:Plaza|Praça|Piața|Place|Piazza|Plac|Avenida|Calle|Rue)\s+(?:de\s+(?:la\s+)?)?[A-Z][\w'-]+)\b")
#: a seat of power or a landmark building where crowds gather, after "outside", "in front of" or "at" ("outside
#: parliament", "in front of the presidential palace", "outside the Government Palace"): in the dateline's city when the
#: text names no other place right after it
_LANDMARK = re.compile(r"\b(?:outside|in\s+front\s+of|at\s+the\s+gates\s+of|near)\s+(?:the\s+)?(?P<sq>"
                       r"(?:(?:[A-Z][\w'-]+|presidential|national|prime\s+minister['’]s|state|federal|provincial|regional)\s+){0,3}"
                       r"(?:[Pp]arliament(?:\s+[Bb]uilding)?|[Pp]alace|[Aa]ssembly|[Ll]egislature|[Cc]ongress|[Ss]enate|"
                       r"[Cc]ity\s+[Hh]all|[Tt]own\s+[Hh]all|[Ee]mbassy|[Cc]onsulate|[Ss]upreme\s+[Cc]ourt|[Cc]ourthouse|"
                       r"[Mm]inistry(?:\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?|Government\s+House|State\s+House))\b")
#: the nouns of "the town of X"
_SETTLEMENT_NOUNS = frozenset(_W["named_settlement_nouns"])
#: a country named after a place ("Ancuro in Peru's south"): the place is in it
_IN_COUNTRY = re.compile(r"^,?\s+in\s+(?:the\s+)?([A-Z][\w\-]+(?:\s[A-Z][\w\-]+)?)")
#: words that make the name after them a town's ("the town of X", "the village of X")
_SETTLEMENT_OF = re.compile(rf"\b(?:{'|'.join(sorted(_SETTLEMENT_NOUNS))})\s+of\s+$", re.IGNORECASE)
_CITY_OF = re.compile(r"\b(?P<dem>[A-Z][a-z]+)\s+(?:city|town|village|province|region)\s+of\s+$")
_WORD_BEFORE = re.compile(r"(\w+)\s+(?:the\s+)?$")
_THE = re.compile(r"^(?:the)\s+", re.IGNORECASE)
_QUALIFIER = re.compile(r"^,\s+([A-Z][A-Za-z.]+(?:\s[A-Z][a-z]+)?)")
#: verbs whose capitalised object may be a place ("visited Kabul", "reached Mosul")
_REACHED = PLACE_OBJECT_LEMMAS | {"reach"}
#: event types done to people or things where they are (not words, whose objects are topics: "discussed fishing and
#: the war in Yemen")
_PHYSICAL = frozenset(("ASSAULT", "COERCE", "MOBILIZE"))


class _Home(NamedTuple):
    """An article's dateline: its town (as ``gazetteer.key`` writes it), that town's country, and whether the town is
    a provincial one (near where the story happened)."""

    town: str | None
    country: str | None
    near: bool


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    place: Place
    head: Token | None


class PlaceResolver:
    """Loads the gazetteer once; call it on an article."""

    def __init__(self, settings: Settings | None = None, gaz: Gazetteer | None = None):
        self.gaz = gaz or gazetteer()

    def __call__(self, article: Article) -> Article:
        index = TokenIndex(article)
        mentions = self.mentions(article, index)
        places = tuple(
            Location(m.place.name, m.place.country, m.place.lat, m.place.lon, m.place.precision, m.start, m.end)
            for m in mentions
        )
        events = tuple(self._locate(ev, index, mentions) for ev in article.events) if article.events else article.events
        return article.replace(places=places, events=events)

    # -- mentions ---------------------------------------------------------------------------------

    def context(self, article: Article) -> list[tuple[int, int, str, int]]:
        """The countries the article speaks of, each with the span that says so and its tier:
        0 for country names and demonyms in the text, 1 for the countries of its actors (not of
        actors that are themselves places; actor coding may itself lean on the places)."""
        ctx: list[tuple[int, int, str, int]] = []
        for e in article.entities:
            if e.label in ("GPE", "NORP", "LOC"):
                iso = self.gaz.country_of(e.text)
                if iso is None and e.label == "NORP" and e.text.endswith("s"):
                    iso = self.gaz.country_of(e.text[:-1])  # "Kenyans"
                if iso:
                    ctx.append((e.start, e.end, iso, 0))
        for a in article.actors:
            if a.kind in ("place", "country"):
                continue  # derived from the very mentions being resolved
            if a.country and len(a.country) == 3 and a.country not in ("IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"):
                for m in a.mentions:
                    ctx.append((m.start, m.end, a.country, 1))
        return ctx

    def mentions(self, article: Article, index: TokenIndex) -> list[_Mention]:
        """The article's place mentions, resolved with its countries as context, in text order."""
        ctx = self.context(article)
        claimed = _Claimed(article)
        spans, strong_only = _entity_spans(article)
        spans, cued_spans = _cued_names(article, spans, strong_only)
        home = self._home(article)
        out: list[_Mention] = []
        seen: set[tuple[int, int]] = set()
        for s, e, admin in sorted(spans):
            cued = _cue_before(article.text, s) or (s, e) in cued_spans
            if claimed.blocked(s, e, cued=cued):
                continue
            m = self._resolve(article.text, ctx, s, e, admin, cued, (s, e) in strong_only, home)
            if m is None or (m.start, m.end) in seen:
                continue
            seen.add((m.start, m.end))
            out.append(replace(m, head=index.span_head(m.start, m.end)))  # "in Jizan province": the province's word
        named = {m.place.name: m.place for m in out if m.place.source == "named"}
        for s, e, _admin in sorted(spans) if named else ():
            if (s, e) not in seen and article.text[s:e] in named and not claimed.blocked(s, e):
                # "the town of Ancuro ... Fighters stormed Ancuro": the town the story named, wherever it names it again
                seen.add((s, e))
                out.append(_Mention(s, e, article.text[s:e], named[article.text[s:e]], index.span_head(s, e)))
        out += self._capitals(article.text, claimed, out, index)
        out += self._bare_capitals(article, ctx, claimed, out, index)
        out += _the_town(article, claimed, out, index)
        out += self._dateline_squares(article, claimed, out, index)
        out.sort(key=lambda x: x.start)
        return out

    def _dateline_squares(self, article: Article, claimed: _Claimed, found: list[_Mention],
                          index: TokenIndex) -> list[_Mention]:
        """"SOFIA - ... demonstrated in Alexander Nevsky Square", "LIMA - ... marched to Plaza Mayor": a square or street
        named after a preposition of place, which no city owns in the text, is in the dateline's city; so is a seat of
        power a crowd gathers outside ("KARACHI - ... rallied outside the provincial assembly"), no place named after it."""
        dateline = article.chrome.get("dateline")
        if dateline is None:
            return []
        text = article.text
        home = self.gaz.lookup(_THE.sub("", text[dateline[0]:dateline[1]]).strip().title(), set())
        if home is None or home.precision != "city":
            return []
        out: list[_Mention] = []
        for m in _NAMED_SQUARE.finditer(text):
            s, e = m.start("sq"), m.end("sq")
            if s < dateline[1] or claimed.blocked(s, e, cued=True) or any(x.start < e and s < x.end for x in found + out):
                continue
            out.append(_Mention(s, e, text[s:e], home, index.span_head(s, e)))
        for m in _LANDMARK.finditer(text):
            s, e = m.start("sq"), m.end("sq")
            if s < dateline[1] or any(x.start < e + 40 and s < x.end for x in found + out):
                continue  # (a place named right after it says where it is: "outside parliament in Kyiv")
            out.append(_Mention(s, e, text[s:e], home, index.span_head(s, e)))
        return out

    def _home(self, article: Article) -> _Home:
        """The dateline's town (its name, as ``key`` writes it) and country ("NAJRAN, Saudi Arabia, July 20 -": the
        country after the town, or the one the town is in), and whether the town is a provincial one (not the
        capital, where wire reporters sit and write of the region), so near where the story happened."""
        if "dateline" not in article.chrome:
            return _Home(None, None, False)
        s, e = article.chrome["dateline"]
        city, _, region = article.text[s:e].partition(",")
        place = self.gaz.lookup(city.strip().title())
        iso = self.gaz.country_of(region.strip()) if region.strip() else None
        iso = iso or (place.country if place is not None and place.precision in ("city", "admin1") else None)
        capital = self.gaz.capital(iso) if iso else None
        return _Home(key(city.strip()), iso, iso is not None and (capital is None or key(capital.name) != key(city.strip())))

    def _resolve(self, text: str, ctx: list[tuple[int, int, str, int]], s: int, e: int, admin: bool, cued: bool,
                 strong_only: bool, home: _Home | None = None) -> _Mention | None:
        """The place a candidate span names (with "province" before or after it), or ``None``; ``home`` is the
        dateline's country."""
        name = _THE.sub("", text[s:e])
        s2, e2 = s, e
        m = _ADMIN_AFTER.match(text[e : e + 20])
        if m:
            e2, admin = e + m.end(), True
        m = _ADMIN_BEFORE.search(text[max(0, s - 30) : s])
        if m:
            s2, admin = s - (len(text[max(0, s - 30) : s]) - m.start()), True
        local, named = self._local(text, ctx, s, e)
        place = self.gaz.lookup(name, local, admin=admin)
        if place is None and (m := _ADMIN_END.match(name)) is not None:
            place, admin = self.gaz.lookup(m.group(1), local, admin=True), True
        if place is None and cued and not admin:
            place = self._landmark_city(name, local)
        home = home or _Home(None, None, False)
        settled = _SETTLEMENT_OF.search(text[max(0, s - 30) : s]) is not None and name[:1].isupper() \
            or cued and home.town is not None and key(name) == home.town  # "HAMMERVIK, Sept 9 - ... in Hammervik"
        if place is None and settled:
            # "in the town of Pichuro": a town the gazetteer does not know, in the country named after it ("in Peru")
            # or the one country the story is of, is that place at a town's precision (where on the map unknown)
            after = _IN_COUNTRY.match(text[e : e + 40])
            country = self.gaz.country_of(after.group(1)) if after else None
            # or, in a story of two countries, the country of a provincial dateline ("NAJRAN, Saudi Arabia - ... the
            # village of Qisra": the reporter is near), the one the story names most, a capital's dateline's
            near = home.country if home.near else None
            country = country or (next(iter(local)) if len(local) == 1 else near or _main_country(ctx) or home.country)
            place = Place(name, country, None, None, "city", source="named") if country else None
        if place is not None and strong_only and not settled and not self.gaz.strong(place):
            return None
        if place is not None and not (cued or named or admin) and _weak(place):
            return None  # a small town named with no "in"/"at" before it is more often a person
        if place is not None and _weak(place) and local and place.country not in local and not named:
            return None  # "to the parliament in São Bento" in a story of Portugal: not a small town in Brazil
        if _is_dateline(text, s, e):
            return None  # "DENVER, Colo. —": where the reporter was
        if named and place is not None and place.country != named:
            # "Victoria, Australia": the text says the country; the gazetteer's best guess is elsewhere
            c = self.gaz.countries.get(key(self.gaz.iso3_names.get(named, "")))
            place = Place(name, named, c.lat if c else None, c.lon if c else None, "country")
        if place is None:
            return None
        return _Mention(s2, e2, text[s2:e2], place, None)

    def _landmark_city(self, name: str, local: set[str]) -> Place | None:
        """The city a building or a square is named after ("marched to Velna City Hall", "gathered at Dorvan
        Central Station"): the name's leading words, a city of 100,000 people or more, before words naming a
        landmark (its last is one of ``landmark_nouns`` or ``landmark_name_words``), in one of the ``local`` countries
        when the article names any; ``None`` for any other name ("to Dorvan City Council")."""
        parts = name.split()
        if len(parts) < 2 or parts[-1].lower() not in LANDMARK_NOUNS | LANDMARK_NAME_WORDS:
            return None
        for n in range(len(parts) - 1, 0, -1):
            p = self.gaz.lookup(" ".join(parts[:n]), local)
            if p is not None:
                # (a city abroad is not the place of a building in a story of other countries: "the Kingston
                # Palace" in a Lisbon story is no building of Jamaica's capital)
                return p if p.precision == "city" and not _weak(p) and (not local or p.country in local) else None
        return None

    def _local(self, text: str, ctx: list[tuple[int, int, str, int]], s: int, e: int) -> tuple[set[str], str | None]:
        """The countries a place at ``[s, e)`` is looked up among — what the rest of the article says, the
        text's own words first, the actors' countries else — and the country named right after it."""
        local = {iso for cs, ce, iso, tier in ctx if tier == 0 and (ce <= s or cs >= e)}
        local = local or {iso for cs, ce, iso, tier in ctx if ce <= s or cs >= e}
        named: str | None = None  # the country the text names right after the place
        m = _CITY_OF.search(text[max(0, s - 40) : s])
        if m and (iso := self.gaz.demonym(m.group("dem")) or self.gaz.country_of(m.group("dem"))):
            local = {iso}
        # "Kennebunkport, Maine" / "Hyderabad, Pakistan" / "London, Ontario"
        m2 = _QUALIFIER.match(text[e : e + 30])
        if m2:
            qual = self.gaz.lookup(m2.group(1))
            if qual is not None and qual.precision in ("country", "admin1") and qual.country:
                local, named = {qual.country}, qual.country
        return local, named

    def _capitals(self, text: str, claimed: _Claimed, found: list[_Mention], index: TokenIndex) -> list[_Mention]:
        """"the Afghan capital" → the capital (where no other mention is)."""
        out: list[_Mention] = []
        for m in _CAPITAL.finditer(text):
            iso = self.gaz.demonym(m.group("dem")) or self.gaz.country_of(m.group("dem"))
            cap = self.gaz.capital(iso) if iso else None
            if cap is None or claimed.blocked(m.start(), m.end()) or any(
                    x.start < m.end() and m.start() < x.end for x in found + out):
                continue
            out.append(_Mention(m.start(), m.end(), m.group(), cap, index.span_head(m.start(), m.end())))
        return out

    def _bare_capitals(self, article: Article, ctx: list[tuple[int, int, str, int]], claimed: _Claimed,
                       found: list[_Mention], index: TokenIndex) -> list[_Mention]:
        """"protested in the capital" → the capital of the one country the story is told from: the dateline's
        city when it is a country's capital ("DAKAR - ... in the capital": Dakar), else the one country the text
        named before the phrase, or whose actors it named; none when it named two (which capital is not said)."""
        out: list[_Mention] = []
        text = article.text
        dateline = article.chrome.get("dateline")
        home = None
        if dateline is not None:
            p = self.gaz.lookup(_THE.sub("", text[dateline[0]:dateline[1]]).strip().title(), set())
            if p is not None and p.country and (cap := self.gaz.capital(p.country)) is not None and cap.name == p.name:
                home = cap
        for m in _BARE_CAPITAL.finditer(text):
            if claimed.blocked(m.start(), m.end()) or any(x.start < m.end() and m.start() < x.end for x in found + out):
                continue
            cap = home
            if cap is None:
                before = {iso for cs, ce, iso, tier in ctx if ce <= m.start()}
                cap = self.gaz.capital(next(iter(before))) if len(before) == 1 else None
            if cap is not None:
                out.append(_Mention(m.start("cap"), m.end(), text[m.start("cap"):m.end()], cap,
                                    index.span_head(m.start("cap"), m.end())))
        return out

    # -- event places ------------------------------------------------------------------------------

    def _locate(self, ev: Event, index: TokenIndex, mentions: list[_Mention]) -> Event:
        """The event with the place attached to its triggers: the statement's own first (its first evidence),
        a restatement's only when the statement names none ("held talks in Montevideo ... The meeting came a
        week after their first encounter in Asuncion": Montevideo)."""
        best: tuple[int, int, _Mention] | None = None
        for evd in ev.evidence:
            # the trigger's own words, not the modifiers its span takes in ("welcomed Sweden's president":
            # Sweden is whose president, not where)
            trigs = [t for t in index.trigger_tokens(*evd.trigger) if t.dep not in ("poss", "case", "det", "compound", "amod")]
            # "gathered in the square to protest": a purpose clause happens where its verb of gathering does
            trigs += [index.toks[t.head] for t in trigs if t.dep in ("advcl", "xcomp") and t.head != t.i
                      and index.toks[t.head].lemma.lower() in GATHERING_VERBS]
            for trig in trigs:
                for m in mentions:
                    if m.head is None or m.head.sent != trig.sent:
                        continue
                    steps = self._attached(index, m.head, trig, ev.type in _PHYSICAL)
                    if steps is None:
                        continue
                    key = (steps, PRECISION_ORDER.get(m.place.precision, 9))
                    if best is None or key < best[:2]:
                        best = (key[0], key[1], m)
            if best is not None:
                break
        if best is None:
            return ev
        m = best[2]
        p = m.place
        return replace(ev, location=Location(p.name, p.country, p.lat, p.lon, p.precision, m.start, m.end))

    @staticmethod
    def _attached(index: TokenIndex, head: Token, trig: Token, physical: bool = False) -> int | None:
        """Steps from the place's head to the trigger, when the place says where it happened (``physical``: an act
        done to people or things, whose objects' conjuncts are where it was done too: "shelled a clinic and a mosque in X")."""
        if head.i == trig.i:
            return 0
        up = index.toks[head.head] if head.head != head.i else None
        if up is None:
            return None
        # the Doha talks / the Kandahar attack
        if head.dep in ("compound", "nmod", "amod") and up.i == trig.i:
            return 0
        # gathered in Velna's main square / in Velna's Piața Unirii: the city owning the place it happened in
        if head.dep == "poss" and up.dep == "pobj" and up.head != up.i and (
                up.pos == "PROPN" or up.lemma.lower() in LANDMARK_NOUNS) and index.toks[up.head].pos == "ADP" \
                and index.toks[up.head].text.lower() in LOC_PREPS:
            steps = is_attached(index, index.toks[up.head], trig, max_nouns=1, through=PARTITIVE_NOUNS,
                                apart=OTHER_TIME_PREPS)
            return None if steps is None else steps + 1
        # visited Kabul / shelled Kharkiv
        if head.dep == "dobj" and up.i == trig.i and trig.lemma.lower() in PLACE_OBJECT_LEMMAS and (
                head.pos == "PROPN" or head.lemma.lower() in _TOWN_NOUNS):
            return 0  # (not "welcomed Sweden's president": a mention whose head is a person's title; "attacked the
            # village": the village the story named)
        if head.dep == "pobj" and up.pos == "ADP":
            prep = up.text.lower()
            if prep == "of" and up.head != up.i:
                # "in the province of Idlib" / "in the city of Aleppo" / "to the streets of Velna": the name stands
                # for the noun before it
                noun = index.toks[up.head]
                if noun.lemma.lower() in ADMIN_NOUNS and noun.dep == "dobj" and noun.head == trig.i \
                        and trig.lemma.lower() in PLACE_OBJECT_LEMMAS:
                    return 0  # "attacked the town of Ancuro": the town is where
                if (noun.lemma.lower() in ADMIN_NOUNS or noun.lemma.lower() in LANDMARK_NOUNS
                        or noun.text.lower() in LANDMARK_NOUNS) and noun.dep == "pobj" and noun.head != noun.i:
                    up, prep = index.toks[noun.head], index.toks[noun.head].text.lower()
                    if up.pos != "ADP":
                        return None
            if prep in LOC_PREPS and up.head != up.i:
                # "a police station in Mosul was attacked": where the passive subject was, it happened; so did
                # what the subject did there ("renters in Montreal took to the streets", "police in Lagos arrested")
                noun = index.toks[up.head]
                if (noun.dep == "nsubjpass" or noun.dep == "nsubj" and _plural(noun)) and noun.head == trig.i \
                        and noun.pos in ("NOUN", "PROPN"):
                    return 2  # (a crowd or a force: not "the ambassador in Washington met ... in Lima")
            if prep in LOC_PREPS:
                return is_attached(index, up, trig, max_nouns=1, through=PARTITIVE_NOUNS, apart=OTHER_TIME_PREPS,
                                   conjuncts=physical)
            if prep == "to" and trig.lemma.lower() in DESTINATION_LEMMAS:
                return is_attached(index, up, trig, max_nouns=1, through=PARTITIVE_NOUNS, apart=OTHER_TIME_PREPS)
        return None


def _main_country(ctx: list[tuple[int, int, str, int]]) -> str | None:
    """The country the article names most often (in its own words, or else as its actors' country), if one is named
    more often than any other."""
    for tiers in ((0,), (0, 1, 2)):
        top = Counter(iso for _, _, iso, tier in ctx if tier in tiers).most_common(2)
        if top and (len(top) == 1 or top[0][1] > top[1][1]):
            return top[0][0]
    return None


def _plural(t: Token) -> bool:
    """A plural noun: tagged so, or a capitalised one the tagger took for a name ("Renters in Montreal took ...")."""
    return t.tag in ("NNS", "NNPS") or t.tag == "NNP" and t.text.endswith("s") and not t.ent_type and t.text[1:].islower()


class _Claimed:
    """What rules a span out as a place: the dateline, masthead and agency, and a person's name."""

    def __init__(self, article: Article):
        self.text = article.text
        self.skip = [v for k, v in article.chrome.items() if k in ("dateline", "masthead", "agency_line", "agency")]
        self.people = [(m.start, m.end, a.name.lower()) for a in article.actors if a.kind == "person"
                       for m in a.mentions]

    def blocked(self, s: int, e: int, cued: bool = False) -> bool:
        """Inside the dateline, or a name an actor claims (unless "in/at/to ..." says it is a place)."""
        if any(s < ke and ks < e for ks, ke in self.skip):
            return True
        if cued:
            return False
        words = self.text[s:e].lower().split()
        # the person's name itself ("Jordan" in "Jordan said"), not a country in a title ("Pakistan's envoy")
        return any(
            ps <= s and e <= pe and all(w in name.split() for w in words) for ps, pe, name in self.people
        )


def _cue_before(text: str, s: int) -> bool:
    prev = _WORD_BEFORE.search(text[max(0, s - 20) : s])
    return bool(prev and prev.group(1).lower() in CUE_PREPS)


def _entity_spans(article: Article) -> tuple[list[tuple[int, int, bool]], set[tuple[int, int]]]:
    """The NER's places (start, end, admin), and the spans to take only when the gazetteer knows them
    well (a one-word organisation: the NER often takes a city for one, "retook Omdurman")."""
    spans: list[tuple[int, int, bool]] = []
    strong_only: set[tuple[int, int]] = set()
    for ent in article.entities:
        if ent.label in PLACE_LABELS:
            spans.append((ent.start, ent.end, False))
        elif ent.label == "ORG" and ent.tok_end - ent.tok_start == 1:
            spans.append((ent.start, ent.end, False))
            strong_only.add((ent.start, ent.end))
    return spans, strong_only


def _cued_names(article: Article, spans: list[tuple[int, int, bool]],
                strong_only: set[tuple[int, int]]) -> tuple[list[tuple[int, int, bool]], set[tuple[int, int]]]:
    """Capitalised names after a locative preposition, or objects of "visited"/"reached", that the NER
    missed or took for a person or an organisation: the spans with them, and the cued spans
    (``strong_only`` is updated: an object of "attacked" is a person as often as a place)."""
    toks = article.tokens
    covered = [(s, e) for s, e, _ in spans]
    cued_spans: set[tuple[int, int]] = set()
    i = 0
    while i < len(toks):
        start_run, weak_cue = _cued_start(toks, i)
        if start_run is not None:
            j = _name_end(toks, start_run, toks[i].sent)
            s, e = toks[start_run].start, toks[j].end
            cued_spans.add((s, e))
            if weak_cue and not any(x.label in ("GPE", "LOC") and x.start == s for x in article.entities):
                strong_only.add((s, e))
            else:
                strong_only.discard((s, e))
            if not any(cs < e and s < ce for cs, ce in covered if (cs, ce) not in strong_only):
                spans = [x for x in spans if not (x[0] < e and s < x[1])]
                spans.append((s, e, False))
                covered.append((s, e))
            i = j
        i += 1
    return spans, cued_spans


def _cued_start(toks: Sequence[Token], i: int) -> tuple[int | None, bool]:
    """Where a cued name starts at token ``i`` (the word after "in"/"to"..., or the capitalised object of
    "visited"/"attacked"), and whether the cue is weak (an object: a person as often as a place)."""
    t = toks[i]
    if i + 1 < len(toks) and toks[i + 1].text.lower() in _MONTHS and (
            toks[i + 1].ent_type == "DATE" or i + 2 < len(toks) and toks[i + 2].pos == "NUM"):
        return None, False  # "in March 2023", "in May": a month, not the town of that name
    if t.text.lower() in CUE_PREPS and i + 1 < len(toks) and _capital(toks[i + 1]) and toks[i + 1].sent == t.sent:
        return i + 1, False
    if t.text.lower() == "of" and 0 < i < len(toks) - 1 and toks[i - 1].text.lower() in _SETTLEMENT_NOUNS \
            and _capital(toks[i + 1]) and toks[i + 1].sent == t.sent:
        return i + 1, False  # "the town of Nacuro", whatever the tagger made of the name
    # "marched through central Velna", "in northern Dorvan": a word of the part of it between
    if t.text.lower() in CUE_PREPS and i + 2 < len(toks) and toks[i + 1].text in AREA_WORDS and _capital(toks[i + 2]) \
            and toks[i + 2].sent == t.sent:
        return i + 2, False
    if t.dep in ("dobj", "compound") and _capital(t) and i > 0 and not _capital(toks[i - 1]):
        obj = t if t.dep == "dobj" else toks[t.head]
        gov = toks[obj.head] if obj.dep == "dobj" else None
        if gov is not None and gov.lemma.lower() in _REACHED:
            return i, True
    return None, False


def _name_end(toks: Sequence[Token], start: int, sent: int) -> int:
    """The last token of a capitalised name starting at ``start`` (at most five words; "Nagorno-Karabakh")."""
    j = start
    while j + 1 < len(toks) and toks[j + 1].sent == sent and j - start < 4:
        nxt = toks[j + 1]
        if _capital(nxt):
            j += 1
        elif nxt.text == "-" and not toks[j].space and j + 2 < len(toks) and _capital(toks[j + 2]):
            j += 2  # Nagorno-Karabakh
        else:
            break
    return j


def _weak(p: Place) -> bool:
    """A small town known only to geonames: not to be taken from a bare name."""
    return p.source == "geonames" and p.precision == "city" and p.population < 100_000


_DATELINE_AT = re.compile(r"^\s*(?:,\s*[A-Z][A-Za-z.]*\.?(?:\s[A-Z][A-Za-z.]*)?)?(?:,?\s*[A-Z][a-z]{2,8}\.?\s\d{1,2})?\s*(?:\([^)]{1,30}\))?\s*[-–—:]")


def _is_dateline(text: str, s: int, e: int) -> bool:
    """An upper-case place at the start of a paragraph, followed by a dash: a dateline."""
    name = text[s:e]
    if not (name.isupper() and len(name) > 2):
        return False
    before = text[max(0, s - 2) : s]
    if s > 0 and "\n" not in before:
        return False
    return bool(_DATELINE_AT.match(text[e : e + 60]))


def _capital(t: Token) -> bool:
    """A capitalised word that can be part of a name (not the first word of a sentence)."""
    return t.text[:1].isupper() and t.text.replace("-", "").replace("'", "").isalpha() and t.pos not in ("PRON", "DET", "VERB", "AUX")


def _the_town(article: Article, claimed: _Claimed, found: list[_Mention], index: TokenIndex) -> list[_Mention]:
    """"Gunmen raided the village of Tessa ... Armed men attacked the village at dawn": "the village" (or "the
    town") told with no name of its own is the one the story named last as "the village of" (or "the town of"), in its
    sentence or the ``_TOWN_WINDOW`` before it; none when it named none so (of towns named bare, the last named need not
    be the one meant: "the mayor of X thanked the police of Y for their help when looters ransacked the town")."""
    towns = sorted((m for m in found if m.place.precision in ("city", "place")), key=lambda m: m.start)
    if not towns:
        return []
    out: list[_Mention] = []
    for m in _THE_TOWN.finditer(article.text):
        if claimed.blocked(m.start(), m.end()) or any(x.start < m.end() and m.start() < x.end for x in found):
            continue
        head = index.span_head(m.start(), m.end())
        if head is None:
            continue
        noun = m.group().split()[-1].lower()
        before = [t for t in towns if t.end <= m.start() and t.head is not None and head.sent - t.head.sent <= _TOWN_WINDOW
                  and re.search(rf"\b{noun}\s+of\s+$", article.text[max(0, t.start - 12):t.start], re.IGNORECASE)]
        if before:
            out.append(_Mention(m.start(), m.end(), m.group(), before[-1].place, head))
    return out

