"""Step 1 of actor resolution: names — lexicon hits and spaCy's named entities, with the NER's known
mistakes corrected (platforms taken for people, a bare surname for a place, chrome for an organisation)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from dragoman.actors.context import COUNTRY_KINDS, RANKS, Context, Unit, known_as_end, short_form_by
from dragoman.actors.lexicon import Entry, Match
from dragoman.actors.militia import MEMBERS
from dragoman.actors.titles import PORTFOLIO_WORDS
from dragoman.actors.vocabulary import words
from dragoman.model import Span, Token

# ---------------------------------------------------------------------------------------------
# step 1: names
# ---------------------------------------------------------------------------------------------


#: what a user-dictionary name is, by spaCy's entity label
USER_KINDS = {"PERSON": "person", "GPE": "country", "LOC": "country", "NORP": "demonym"}


def _part_of_a_name(ctx: Context, start: int, end: int) -> bool:
    """Is the word at ``start:end`` part of a longer person's name here or anywhere in the article?"""
    word = ctx.article.text[start:end]
    for ent in ctx.article.entities:
        if ent.label == "PERSON" and ent.end - ent.start > end - start and (
                (ent.start <= start and end <= ent.end) or word in ctx.article.text[ent.start:ent.end].split()):
            return True
    return False


def _references(ctx: Context, lex_units: dict[int, Unit]) -> None:
    """"the bloc" after "the European Union", "the alliance" after NATO: a mention of the one organisation
    of the word's list (``references.tsv``) the article named before it."""
    refs = ctx.lex.references
    if not refs:
        return
    toks = ctx.toks
    named = sorted((u.ts, u.entry.org) for u in lex_units.values()
                   if u.entry is not None and u.entry.kind == "organisation" and u.entry.org)
    if not named:
        return
    taken = {i for u in lex_units.values() for i in range(u.ts, u.te)}
    for t in toks:
        if t.i in taken or t.i == 0 or t.pos not in ("NOUN", "PROPN"):
            continue
        codes = refs.get(t.text)  # as written: "Union" is the EU's, "union" a trade union
        if not codes or toks[t.i - 1].text.lower() != "the" or ctx.in_chrome(t.start, t.end):
            continue
        if any(toks[c].dep == "compound" and toks[c].head == t.i for c in range(max(0, t.i - 3), t.i)):
            continue  # "the opposition bloc" is not the EU
        before = {org for ts, org in named if ts < t.i and org in codes}
        if len(before) != 1:
            continue
        e = ctx.lex.org_entries.get(before.pop())
        if e is None:
            continue
        lex_units[t.i] = Unit(t.i, t.i + 1, "organisation", e.name, e.country, e.org, e.sector,
                              rule="lexicon:organisations:organisation+reference", entry=e)


def find_names(ctx: Context) -> list[Unit]:
    """Lexicon hits and (corrected) named entities, as non-overlapping units."""
    lex_units = _lexicon_units(ctx)
    _references(ctx, lex_units)
    covered: dict[int, Unit] = {}
    for u in lex_units.values():
        for i in range(u.ts, u.te):
            covered[i] = u

    units: list[Unit] = _titled_names(ctx, covered)
    taken: set[int] = {i for u in units for i in range(u.ts, u.te)}
    units.extend(_fighters_names(ctx, taken | set(covered), covered))  # (before the tagger's: it takes "Jama'at Ansar" for a person)
    units.extend(_nicknamed_names(ctx, {i for u in units for i in range(u.ts, u.te)} | set(covered)))
    units.extend(_acronym_bodies(ctx, {i for u in units for i in range(u.ts, u.te)}, covered))
    units.extend(_apposed_persons(ctx, {i for u in units for i in range(u.ts, u.te)} | set(covered)))
    units.extend(_izafat_names(ctx, {i for u in units for i in range(u.ts, u.te)} | set(covered)))
    units.extend(_possessed_persons(ctx, {i for u in units for i in range(u.ts, u.te)}, covered))
    units.extend(_apposed_bodies(ctx, {i for u in units for i in range(u.ts, u.te)}, covered))
    taken = {i for u in units for i in range(u.ts, u.te)}
    for ent in _joined_people(ctx, covered):
        if any(i in taken for i in range(ent.tok_start, ent.tok_end)) or _aged_other(ctx, ent, covered) \
                or _quoted_work(ctx, ent) or _common_noun_end(ctx, ent):
            continue
        eu = _entity_unit(ctx, ent, covered) if not _given_initials(ctx, ent) else \
            Unit(ent.tok_start, ent.tok_end, "organisation", ent.text, rule="ner:initials", label="ORG")
        if eu is not None:
            units.append(eu)
            taken.update(range(eu.ts, eu.te))
    for u in lex_units.values():
        if not u.used and not any(i in taken for i in range(u.ts, u.te)):
            units.append(u)
            taken.update(range(u.ts, u.te))
    units.extend(_honorific_names(ctx, taken))
    units.extend(_described_names(ctx, taken))
    units.extend(_aged_names(ctx, taken | set(covered)))
    _people_named_again(ctx, units, covered)
    units = _national_sections(ctx, units)
    units.sort(key=lambda u: u.ts)
    for u in units:
        for i in range(u.ts, u.te):
            ctx.unit_of[i] = u
    _districts_of(ctx, units)
    # lexicon hits swallowed by an organisation name stay available to code it
    ctx.inner = {i: u for i, u in covered.items() if u.used}
    return units


def _joined_people(ctx: Context, covered: dict[int, Unit]) -> list[Span]:
    """The article's named entities, where the tagger cut one person's name, or took only a part of it: a person
    entity runs on over the capitalised proper nouns of the chain of compounds it is part of, before it and after it
    ("[Darwin Arley] Ordóñez Cuero", "Wilmer Arley Cuesta [Mosquera]": the given names and surnames of a
    Spanish name), taking in another entity the tagger made of some of them; never over a title, a rank or a word the
    lexicons know (a country, a city, an office)."""
    toks, text = ctx.toks, ctx.article.text
    ents = list(ctx.article.entities)
    spans = {id(e): (e.tok_start, e.tok_end) for e in ents if e.label == "PERSON"}

    def name_word(j: int, sent: int) -> bool:
        # (as ``_given_names_before``: not a word the article writes in lower case too, "County Commissioner")
        return toks[j].pos == "PROPN" and toks[j].text[:1].isupper() and toks[j].sent == sent and j not in covered \
            and not _a_title(ctx, j) and j not in ctx.role_of and toks[j].text.lower() not in HONORIFICS \
            and toks[j].text.isalpha() and not toks[j].text.isupper() and not ctx.used_as_word(j) \
            and toks[j].text.lower() not in PORTFOLIO_WORDS \
            and not (j > 0 and toks[j - 1].tag in ("DT", "PRP$", "POS") and toks[j].ent_type != "PERSON")

    for e in ents:
        if id(e) not in spans:
            continue
        ts, te = spans[id(e)]
        sent = toks[ts].sent
        while te < len(toks) and toks[te - 1].dep == "compound" and toks[te - 1].head >= te and name_word(te - 1, sent) \
                and all(name_word(j, sent) for j in range(te, toks[te - 1].head + 1)) and toks[te - 1].head - te < 3:
            te = toks[te - 1].head + 1
        while ts > 0 and toks[ts - 1].dep == "compound" and ts <= toks[ts - 1].head < te and name_word(ts - 1, sent) \
                and name_word(ts, sent):  # (not over a title the tagger began the name with: "[CS Ann Wairimu]")
            ts -= 1
        spans[id(e)] = (ts, te)
    grown = {id(e): spans[id(e)] for e in ents if id(e) in spans and spans[id(e)] != (e.tok_start, e.tok_end)}
    if not grown:
        return ents
    out: list[Span] = []
    for e in ents:
        if id(e) in grown:
            ts, te = grown[id(e)]
            out.append(Span(toks[ts].start, toks[te - 1].end, text[toks[ts].start:toks[te - 1].end], "PERSON", ts, te, e.sent))
        elif not any(a <= e.tok_start and e.tok_end <= b for a, b in grown.values()):
            out.append(e)  # (an entity a joined name took in is gone)
    return out


#: words that make a name a part of the city named after "of" ("the Palermo district of Buenos Aires")
_DISTRICT_WORDS = frozenset(("district", "neighbourhood", "neighborhood", "suburb", "quarter", "borough", "barrio",
                             "area", "township", "commune", "ward"))


def _districts_of(ctx: Context, units: list[Unit]) -> None:
    """"the Palermo district of Buenos Aires": a place named as a district of a city is in that city's country,
    not in the country another place of its name is in (Palermo, Italy)."""
    toks = ctx.toks
    for u in units:
        if u.kind not in ("city", "capital", "region", "place") or u.te + 2 >= len(toks):
            continue
        if toks[u.te].text.lower() not in _DISTRICT_WORDS or toks[u.te + 1].text != "of":
            continue
        city = ctx.unit_of.get(u.te + 2) or ctx.unit_of.get(u.te + 3)
        if city is not None and city is not u and city.country and city.kind in ("city", "capital", "region", "country"):
            u.country = city.country


def _national_sections(ctx: Context, units: list[Unit]) -> list[Unit]:
    """"Amnesty International UK", "Save the Children Sweden": a country named right after an organisation,
    the organisation's name a modifier of it, is the organisation's section there, the organisation (not the
    country) acting."""
    toks = ctx.toks
    by_start = {u.ts: u for u in units}
    out: list[Unit] = []
    dropped: set[int] = set()
    for u in sorted(units, key=lambda x: x.ts):
        if id(u) in dropped:
            continue
        nxt = by_start.get(u.te)
        if u.kind == "organisation" and u.org and nxt is not None and nxt.kind in ("country", "code") \
                and nxt.te - nxt.ts <= 2 and toks[nxt.te - 1].dep != "compound" \
                and all(toks[i].dep == "compound" and nxt.ts <= toks[i].head < nxt.te or toks[i].head < u.te
                        for i in range(u.ts, u.te)) and any(nxt.ts <= toks[i].head < nxt.te for i in range(u.ts, u.te)):
            u.te = nxt.te
            u.extra.append((nxt.ts, nxt.te, "section"))
            nxt.used = True
            dropped.add(id(nxt))
        out.append(u)
    return out


def _aged(ctx: Context, i: int) -> bool:
    """Is the comma at token ``i`` followed by an age and a comma ("Herrera, 44, ...")?"""
    toks = ctx.toks
    return i + 2 < len(toks) and toks[i].text == "," and toks[i + 1].tag == "CD" and toks[i + 1].text.isdigit() \
        and 10 <= int(toks[i + 1].text) <= 110 and toks[i + 2].text == ","


def _aged_other(ctx: Context, ent: Span, covered: dict[int, Unit]) -> bool:
    """Is ``ent`` a name the tagger took for a place or a body ("[Bertalányi]GPE, 44, ..."), set off with an age, that
    the lexicons do not know? It is a person's (``_aged_names`` takes it)."""
    return ent.label in ("GPE", "LOC", "ORG", "NORP", "FAC") and _aged(ctx, ent.tok_end) \
        and not any(i in covered for i in range(ent.tok_start, ent.tok_end)) \
        and all(ctx.toks[i].pos == "PROPN" for i in range(ent.tok_start, ent.tok_end))


_OPENING_QUOTES = frozenset(('"', "“", "``"))
_CLOSING_QUOTES = frozenset(('"', "”", "''"))


def _quoted_work(ctx: Context, ent: Span) -> bool:
    """Is ``ent`` a "person" the tagger found in a name set alone in quotation marks (the programme "Dakota
    Tonight", the show "Maria Vela")?  It is a work's title: a person's name is not quoted whole, and a nickname
    quoted inside a name ('Joaquín "El Tigre" Ruiz') follows a name word."""
    toks = ctx.toks
    return ent.label == "PERSON" and ent.tok_start > 0 and ent.tok_end < len(toks) \
        and toks[ent.tok_start - 1].text in _OPENING_QUOTES and toks[ent.tok_end].text in _CLOSING_QUOTES \
        and (ent.tok_start < 2 or toks[ent.tok_start - 2].pos != "PROPN")


def _given_initials(ctx: Context, ent: Span) -> bool:
    """Is ``ent`` a body's initials given after "known by its (French) initials", whatever the tagger made of them
    (a place, often)?  They name the body, an organisation."""
    return ent.tok_end - ent.tok_start == 1 and ctx.toks[ent.tok_start].text.isupper() \
        and short_form_by(ctx.toks, ent.tok_start - 1) is not None


def _common_noun_end(ctx: Context, ent: Span) -> bool:
    """Is ``ent`` a "person" the tagger ended on a common noun in lower case ("[Dorvan's TKR cotton-growing plain]")?
    No person's name ends so; it names a place or a thing."""
    last = ctx.toks[ent.tok_end - 1]
    return ent.label == "PERSON" and ent.tok_end - ent.tok_start > 1 and last.pos == "NOUN" and last.text.isalpha() \
        and last.text.islower()


def _aged_names(ctx: Context, taken: set[int]) -> list[Unit]:
    """"Herrera, 44, was led away by police", "Marie-Claude Vernet-Ducros, who led the council, was detained", "arrested
    Kwame Asante-Boateng, the party's spokesman": a run of capitalised proper nouns set off with an age (a number from
    10 to 110 between commas), or of two words or more followed by ", who" or by a person's title (``_titled_after``),
    is a person's name, whatever the tagger made of it (it had missed it)."""
    toks = ctx.toks
    out: list[Unit] = []
    for i in range(1, len(toks) - 2):
        aged = _aged(ctx, i)
        if toks[i].text != "," or not (aged or toks[i + 1].text == "who" or _titled_after(ctx, i)):
            continue
        te = i
        ts = _name_run_start(ctx, i)
        while ts < te - 1 and toks[ts].text.lower().rstrip(".") in HONORIFICS:
            ts += 1  # "Datuk Seri ...": honorifics before the name, no part of it
        words = sum(1 for j in range(ts, te) if toks[j].text != "-" and toks[j].text.lower() not in _LINKING_PARTICLES)
        if ts == te or words > 4 or not aged and words < 2 or any(j in taken for j in range(ts, te)) \
                or ctx.in_chrome(toks[ts].start, toks[te - 1].end):
            continue
        if not aged and any(toks[j].tag == "NNPS" or toks[j].ent_type not in ("", "PERSON")
                            or toks[j].text != "-" and len(toks[j].text.rstrip(".")) < 2 for j in range(ts, te)):
            continue  # "Senate Republicans, who ...": a body; "Rep. Colleen Marsh, R-Olathe, who ...": party and town
        if not aged and any(toks[j].text.lower() in BODY_NAME_WORDS for j in range(ts, te)):
            continue  # "the Jacinto Front, a dissident faction": a body's name
        rule = "aged" if aged else "who" if toks[i + 1].text == "who" else "titled"
        out.append(Unit(ts, te, "person", ctx.text(ts, te), rule=rule, label="PERSON"))
        taken.update(range(ts, te))
    return out


def _apposed_persons(ctx: Context, taken: set[int]) -> list[Unit]:
    """"detained Dragan Vukotić, a former deputy mayor of ...": two to four capitalised proper nouns that the parser
    sets a person's title in apposition to are a person's name, though the tagger made a place or a body of a word
    (it does so with names it has not seen, written with diacritics).  Not a name the lexicon knows, nor one with a
    word of a body or a title in it ("The First Deputy Premier, Minister of Energy, ...": titles in apposition); a run the
    tagger already calls a person is left to it."""
    toks = ctx.toks
    out: list[Unit] = []
    for last in range(1, len(toks) - 1):
        if toks[last].tag != "NNP" or toks[last + 1].text != "," or last in taken or not any(
                toks[k].dep == "appos" and _a_person_described(ctx, k) for k in ctx.children[last]):
            continue
        ts = _without_title(ctx, _name_run_start(ctx, last + 1), last + 1)  # ("Ambassador Zalmay ...": not the title)
        run = range(ts, last + 1)
        if not 2 <= len(run) <= 4 or any(j in taken or toks[j].text.lower() in BODY_NAME_WORDS or j in ctx.role_of
                                         for j in run) \
                or all(toks[j].ent_type == "PERSON" for j in run) or ctx.in_chrome(toks[ts].start, toks[last].end):
            continue
        out.append(Unit(ts, last + 1, "person", ctx.text(ts, last + 1), rule="apposed", label="PERSON"))
        taken.update(run)
    return out


def _a_person_described(ctx: Context, k: int) -> bool:
    """Does the appositive headed at ``k`` describe one person: a person's title ("a former deputy mayor"), or one of
    the people a role names ("one of the nation's most popular radio presenters")?"""
    if k in ctx.role_of:
        return ctx.role_of[k][2].kind == "person"
    return ctx.toks[k].lemma.lower() == "one" and any(
        ctx.toks[q].lemma.lower() == "of" and any(p in ctx.role_of and ctx.toks[p].tag == "NNS" for p in ctx.children[q])
        for q in ctx.children[k])


#: first words of a place's or a feature's name ("Spain's Costa Brava", "Peru's Lake Titicaca")
_PLACE_OPENERS = words("place_openers")
#: last words of the names of works and sites ("China's Three Gorges Dam", "Nigeria's Dangote Refinery")
_WORKS = words("work_heads")
#: what a ship is called before its name ("the survey ship Kara Yildiz")
_VESSELS = words("vessel_nouns")
#: last words of a square's or a street's name, which no person's name ends with ("Alexander Nevsky Square")
_STREETS = words("street_heads")
#: first words of the Romance way of naming them ("Avenida Paulista", "Plaza de Mayo")
_STREET_OPENERS = words("street_openers")


def _possessed_persons(ctx: Context, taken: set[int], covered: dict[int, Unit]) -> list[Unit]:
    """"Latvia's Teodor Ozolins", "Estonia's Marku Pelteanu": two or three capitalised words a country owns, no
    name the lexicon knows, of a body or of a place, are a person's name, though the tagger made a place or a body
    of it (it does so with names it has not seen)."""
    toks = ctx.toks
    out: list[Unit] = []
    for t in toks:
        owner = covered.get(t.i)
        if owner is None or owner.kind != "country" or owner.te != t.i + 1 \
                or t.i + 2 >= len(toks) or toks[t.i + 1].text not in ("'s", "’s"):
            continue
        ts = h = t.i + 2
        while h + 1 < len(toks) and h + 1 - ts < 3 and toks[h + 1].tag == "NNP" and toks[h + 1].sent == t.sent:
            h += 1
        run = range(ts, h + 1)
        if not 2 <= len(run) <= 3 or (h + 1 < len(toks) and toks[h + 1].tag in ("NNP", "NNPS")) \
                or any(j in taken or j in covered for j in run) or any(
                toks[j].tag != "NNP" or not toks[j].text[:1].isupper() or not toks[j].text.replace("-", "").isalpha()
                or toks[j].text.lower() in BODY_NAME_WORDS | PLACE_NOUNS | _LANDMARKS | _PLACE_OPENERS | _WORKS
                or ctx.lex.role(toks[j].text.lower()) is not None  # ("Britain's Royal Navy", "the National Assembly")
                for j in run):
            continue
        if all(toks[j].ent_type == "PERSON" for j in run) or any(toks[j].ent_type == "GPE" for j in run) \
                or ctx.in_chrome(toks[ts].start, toks[h].end):
            continue  # (the tagger's person already; a city)
        out.append(Unit(ts, h + 1, "person", ctx.text(ts, h + 1), rule="possessed", label="PERSON"))
        taken.update(run)
    return out


#: the linking vowel of a Persian or Urdu name of a body written with hyphens ("Tehreek-e-Nasr", "Harakat-ul-Qasr")
_IZAFAT = frozenset(("e", "i", "ul", "ud", "us", "ut"))


def _izafat_names(ctx: Context, taken: set[int]) -> list[Unit]:
    """"Militants of the Tehreek-e-Nasr group", "Harakat-ul-Qasr said ...": capitalised words joined by hyphens around a
    Persian or Urdu linking vowel are an organisation's name (the tagger cuts them up or misses them)."""
    toks = ctx.toks
    out: list[Unit] = []
    i = 0
    while i < len(toks) - 4:
        if not (toks[i].text[:1].isupper() and toks[i].text.isalpha() and i not in taken and _glued(toks, i, 3)
                and toks[i + 1].text == "-" and toks[i + 2].text.lower() in _IZAFAT and toks[i + 3].text == "-"
                and toks[i + 4].text[:1].isupper()):
            i += 1
            continue
        te = i + 5
        while te + 1 < len(toks) and toks[te].text == "-" and toks[te + 1].text[:1].isalpha() and _glued(toks, te - 1, 2):
            te += 2  # "Lashkar-e-Jhangvi-al-Alami"
        if any(j in taken for j in range(i, te)) or ctx.in_chrome(toks[i].start, toks[te - 1].end):
            i = te
            continue
        out.append(Unit(i, te, "organisation", ctx.text(i, te), rule="izafat"))
        taken.update(range(i, te))
        i = te
    return out


def _glued(toks: Sequence[Token], i: int, n: int) -> bool:
    """Are tokens ``i`` .. ``i + n`` written with no space between them?"""
    return i + n < len(toks) and all(toks[j].end == toks[j + 1].start for j in range(i, i + n))


def _name_run_start(ctx: Context, i: int) -> int:
    """The first word of the run of capitalised proper nouns ending before ``i`` (words joined by a hyphen with no
    space around it count: "Marie-Claude Vernet-Ducros")."""
    toks = ctx.toks
    ts = i
    while ts > 0 and toks[ts - 1].sent == toks[i].sent:
        w = toks[ts - 1]
        if w.text == "-" and ts - 2 >= 0 and toks[ts - 2].end == w.start and w.end == toks[ts].start and ts < i:
            ts -= 1  # a hyphen inside a name
        elif w.text[:1].isupper() and (w.tag == "NNP" or w.tag == "NN" and (ts - 1 == 0 or toks[ts - 2].sent != toks[i].sent)):
            ts -= 1  # (a surname the tagger took for a common noun opening the sentence: "Herrera, 44, was ...")
        elif w.text.lower() in _LINKING_PARTICLES and ts < i and ts - 2 >= 0 and toks[ts - 2].text[:1].isupper():
            ts -= 1  # "Yusof bin Rahim": a particle between a given name and a father's
        else:
            break
    while ts < i and toks[ts].text == "-":
        ts += 1
    return ts


def _people_named_again(ctx: Context, units: list[Unit], covered: dict[int, Unit]) -> None:
    """"Abakar Mahamat Zakaria" tagged an organisation, and later "Zakaria said ..." tagged a person: a name of
    two to four capitalised words, with no word of an organisation's name and none the lexicons know (not "the
    Boston Herald" ... "the Herald says"), whose last word the article names alone as a person (the tagger's or
    an honorific's), or that is joined by "and" to a person's name ("Bakyt Toktogulov and Farhod
    Nazarzoda", the first tagged a building), or that says something, tagged a building, is a person's name.  A building's or an organisation's tag only:
    a place the tagger knew as a country or a region stays one."""
    toks = ctx.toks
    # a surname alone, not after "the" ("The Herald says": a paper's short name)
    surnames = {ctx.text(u.ts, u.te).lower() for u in units if u.kind == "person" and u.te - u.ts == 1
                and not (u.ts > 0 and toks[u.ts - 1].tag == "DT")}
    people = {u.ts: u for u in units if u.kind == "person" and u.te - u.ts > 1}
    # a name the article gives a person in full already is left to coreference ("Treasurer Curtis Blanchard")
    full = [set(ctx.text(u.ts, u.te).lower().split()) for u in units if u.kind == "person" and u.te - u.ts > 1]
    for u in units:
        if not (u.kind == "organisation" or u.label == "FAC" or u.label in ("GPE", "LOC") and _who_follows(toks, u.te)) \
                or u.entry is not None or not 2 <= u.te - u.ts <= 4:
            continue
        ws = [toks[i].text for i in range(u.ts, u.te)]
        if any({w.lower() for w in ws} <= f for f in full) or any(i in covered for i in range(u.ts, u.te)):
            continue
        if any(w.lower() in ORG_NAME_WORDS or not w[:1].isupper() or w.isupper() for w in ws):
            continue
        paired = u.te + 1 < len(toks) and toks[u.te].text == "and" and u.te + 1 in people
        # a building does not speak: "the Halden Trust's Amrit Voskuil said", the name tagged a building
        speaks = u.label == "FAC" and toks[u.te - 1].dep == "nsubj" and toks[toks[u.te - 1].head].lemma.lower() in ctx.lex.reporting_verbs
        if ws[-1].lower() not in surnames and not paired and not _who_follows(toks, u.te) and not speaks:
            continue
        u.kind, u.label, u.rule = "person", "PERSON", (u.rule + "+" if u.rule else "") + "named-again"


def _who_follows(toks: Sequence[Token], i: int) -> bool:
    """Is the name ending before ``i`` the antecedent of "who" ("Gustavo Restrepo, who ran the port city, was
    detained": a person, though the tagger took the name for a place)?"""
    if i < len(toks) and toks[i].text == ",":
        i += 1
    return i < len(toks) and toks[i].text.lower() == "who"


#: small words inside a person's name ("Alejandro Ruiz de Velasco", "Ursula von der Leyen", "Mohammed bin Salman")
NAME_PARTICLES = frozenset({"de", "del", "della", "di", "da", "das", "do", "dos", "du", "la", "le", "van", "von", "der", "den",
                            "ter", "bin", "ibn", "al", "el", "y"})


#: particles that join a given name to a father's or a family name ("Talal bin Hamad", "Abd al-Salam"): a name
#: never begins with one
_LINKING_PARTICLES = words("linking_particles")


def _name_follows(toks: Sequence[Token], i: int) -> bool:
    """Does a capitalised proper noun follow the name particles from ``i`` on ("von der Leyen")?"""
    while i < len(toks) and (toks[i].text in NAME_PARTICLES or toks[i].text == "-"):
        i += 1  # ("al-Saadi")
    return i < len(toks) and toks[i].tag == "NNP" and toks[i].text[:1].isupper()


def _named_again(ctx: Context, words: list[str], after: int) -> bool:
    """Does the article name every one of ``words`` again, capitalised, after offset ``after``?"""
    text = ctx.article.text[after:]
    return all(re.search(r"\b" + re.escape(w) + r"\b", text) for w in words)


def _titled_names(ctx: Context, covered: dict[int, Unit]) -> list[Unit]:
    """"President Felix-Antoine Mbuyi Kalala", "The Head of State, Felix-Antoine Mbuyi Kalala,": a run of two or
    more capitalised proper nouns (hyphens inside) right after a person's title, that the tagger cut into pieces
    of other kinds ("Felix-Antoine" an organisation, "Kalala" a place), is one person's name; a run the tagger
    took for a person, or one that holds a lexicon name (a country, a known organisation), is left to them."""
    toks = ctx.toks
    out: list[Unit] = []
    ents = {i: e.label for e in ctx.article.entities for i in range(e.tok_start, e.tok_end)}
    ent_no = {i: k for k, e in enumerate(ctx.article.entities) for i in range(e.tok_start, e.tok_end)}
    for rs, (re_, _role) in sorted(ctx.role_at.items()):
        ts = re_ + (1 if re_ < len(toks) and toks[re_].text == "," else 0)
        portfolio = portfolio_end(toks, ts, covered)  # "Minister of Energy Elnur Mammadli": the name after it
        ts = portfolio or ts
        if portfolio is not None and toks[ts].text == ",":
            ts += 1  # "The President of the Republic, Mateo Cordero Villacis,"
        te = ts
        while te < len(toks) and toks[te].sent == toks[rs].sent and (
                (toks[te].tag in ("NNP", "NNPS") and toks[te].text[:1].isupper())
                or (toks[te].text == "-" and te > ts and te + 1 < len(toks) and toks[te + 1].tag == "NNP")
                or (toks[te].text in NAME_PARTICLES and te > ts and _name_follows(toks, te))):
            te += 1
        while ts < te and toks[ts].text.endswith("."):
            ts += 1  # an abbreviated title: "Rep. Ruth Calloway"
        names = [i for i in range(ts, te) if toks[i].text != "-" and toks[i].text not in NAME_PARTICLES]
        if names and toks[names[0]].text.lower().rstrip(".") in HONORIFICS | {r.rstrip(".") for r in RANKS}:
            continue  # "the ambassador, Mr Omar Faris": the honorific's own rule reads it
        if any(i in ctx.role_at for i in range(ts, te)):
            continue  # "his rival, Governor Ane Lunde": the later title's own turn
        if _role.kind == "body":
            continue  # "the company, Hollandt Freight Kft.": a body's word names the body after it, no person
        if len(names) < 2 or any(i in covered for i in range(ts, te)) or ctx.in_chrome(toks[ts].start, toks[te - 1].end):
            continue
        if all(toks[i].text.lower() in PORTFOLIO_WORDS for i in names):
            continue  # more of a portfolio ("Minister of Foreign Affairs, International Trade and Worship")
        if ctx.title_case(toks[ts].sent) and not _named_again(ctx, [toks[i].text for i in names], toks[te - 1].end):
            continue  # a Title Case headline's words after a title ("Envoy Discuss Further Facilitation") name no
            # one unless the story names them too
        labels = {ents.get(i) for i in names}
        if any(toks[i].text.lower() in ORG_NAME_WORDS | BODY_NAME_WORDS for i in names) and "PERSON" not in labels:
            # ("Police Security Service": "Police" no title of a person named "Security Service")
            continue  # a body's name after a title's word ("the Independent Police Complaints Commission")
        if toks[names[-1]].text.lower() in _ARMED_BODY_HEADS or _a_body_named(ctx, ts, te):
            continue  # "militiamen of the Kivu Patriotic Front", "the separatist Barisan ...": a body's name
        hyphen = any(toks[i].text == "-" for i in range(ts, te))
        cut = len({ent_no.get(i) for i in names}) > 1
        accept = (len(labels) >= 2  # pieces of other kinds, or of none: "Alejandro Ruiz [de] Velasco"
                  or (portfolio is not None and labels <= {None, "ORG", "GPE", "NORP", "PERSON"})  # after a portfolio
                  or (labels == {"ORG"} and len(names) <= 3)  # a person's name taken for an organisation's
                  # (four words, none an organisation's: "former mayor Julio Andrés Ferro Quintana")
                  or (labels == {"ORG"} and len(names) == 4 and not any(toks[i].text.lower() in ORG_NAME_WORDS for i in names))
                  or (labels == {"PERSON"} and cut)  # one name cut in two: "Secretary Mariana Inés | Cervantes Ochoa"
                  or (cut and hyphen)  # a hyphenated first name cut from the rest: "Jean-Baptiste | Ndayizeye Kamana"
                  # a name the tagger missed, or took for a place no lexicon knows ("President Yemane Tekle" a GPE)
                  # or for a work's title ("presenter Amalie Roux")
                  or (labels <= {None, "GPE", "LOC", "NORP", "WORK_OF_ART"} and _role.kind == "person" and 2 <= len(names) <= 4
                      and all(toks[i].text.isalpha() or "-" in toks[i].text for i in names)
                      and not ctx.title_case(toks[ts].sent)))  # (not a headline's words: "Envoy Discuss Further")
        if not accept:
            continue  # the tagger's person (its own rules read it: "Rep. Ruth Calloway"), or one thing it read whole
        out.append(Unit(ts, te, "person", ctx.text(ts, te), rule="titled", label="PERSON"))
    return out


def portfolio_end(toks: Sequence[Token], i: int, covered: dict[int, Unit], named: bool = True) -> int | None:
    """Where a portfolio or a country written out after a title ends ("Minister [of Water Resources] Hazem
    al-Saadi", "President [of the Republic of Moldova] Natalia Ursu", "The President [of the Republic], Mateo
    Cordero", "Special Envoy [for the Horn of Africa] Thomas Reinholt"), when capitalised portfolio words or a
    country's or region's name follow "of" or "for" and a capitalised name follows them (perhaps after a comma),
    or portfolio words in lower case, as wire copy writes them ("former undersecretary [of public works] Tomás
    Quiroga"); else ``None``.  ``named=False``: whatever follows ("met Velna's Minister [of Defence] on Monday")."""
    if i >= len(toks) or toks[i].text not in ("of", "for"):
        return None
    j = i + 1
    while j < len(toks) and toks[j].sent == toks[i].sent and (
            (toks[j].text.lower() in PORTFOLIO_WORDS and (toks[j].text[:1].isupper() or toks[j].text.islower()))
            or (j in covered and covered[j].kind in ("country", "code", "region"))
            or (j in covered and covered[j].kind == "organisation" and covered[j].country == "IGO" and j > i + 1)):
        j += 1  # (a bloc inside a portfolio: "Minister of Trade and CARICOM Affairs", "of EU Affairs")
    if j == i + 1 or toks[j - 1].text.lower() in ("and", "of", "the", "&") or j >= len(toks):
        return None
    if toks[j].text in ("II", "III") and j + 1 < len(toks):
        j += 1  # "Minister of Defence II": a second minister of one portfolio, as Brunei names them
    k = j + 1 if toks[j].text == "," and j + 1 < len(toks) else j
    if not named:
        return j if all(toks[x].text[:1].isupper() or toks[x].text in ("of", "and", "for", "the", "&")
                        for x in range(i + 1, j)) else None
    return j if toks[k].tag == "NNP" and toks[k].text[:1].isupper() and k not in covered else None


#: honorifics before a surname: what follows is a person's name, whatever the named-entity tagger saw (words.yaml)
HONORIFICS = words("honorifics")
#: words of an organisation's name: a name holding one is no person's ("the Boston Herald", "General Assembly")
PLACE_NOUNS = words("place_nouns")
_LANDMARKS = words("landmark_nouns")
ORG_NAME_WORDS = words("government_heads") | words("civil_heads") | words("organisation_descriptors")
SPELLED_RANKS = words("spelled_ranks")
POST_NOMINALS = words("post_nominals")


def _after_honorific(ctx: Context, ts: int, te: int) -> bool:
    """Is the name at ``ts:te`` a surname after an honorific ("Mr Kilroy-Silk"), whatever the tagger called it?"""
    toks = ctx.toks
    return ts > 0 and toks[ts - 1].text.lower() in HONORIFICS and toks[ts - 1].text[:1].isupper() \
        and toks[ts - 1].sent == toks[ts].sent and all(toks[i].pos == "PROPN" or toks[i].text == "-" for i in range(ts, te))


def _honorific_names(ctx: Context, taken: set[int]) -> list[Unit]:
    """"Mr Hollis", "Dame Judith Ashby": the proper names after an honorific that no other unit covers, as persons
    (the tagger misses many a surname: "Mr Hollis also paid tribute")."""
    toks = ctx.toks
    out: list[Unit] = []
    not_names = ORG_NAME_WORDS | words("after_rank_not_names")
    for h in range(len(toks) - 1):
        if not toks[h].text[:1].isupper() or h + 1 in taken:
            continue
        if toks[h].text.lower() not in HONORIFICS and not (
                # "General Haddad" (not "General Assembly", "General Manager", "the General Staff")
                toks[h].text.lower() in SPELLED_RANKS and toks[h + 1].text.lower() not in not_names
                and not (h > 0 and toks[h - 1].tag == "DT")
                and h + 1 not in ctx.role_of and toks[h + 1].ent_type in ("", "PERSON")):
            continue
        te = h + 1
        while te < len(toks) and te - h <= 3 and toks[te].tag == "NNP" and toks[te].text[:1].isupper() \
                and toks[te].sent == toks[h].sent and te not in taken and toks[te].text.lower() not in HONORIFICS:
            te += 1
        if te == h + 1 or te in taken or ctx.in_chrome(toks[h].start, toks[te - 1].end):
            continue  # (a title before a name: "Lord Justice May")
        out.append(Unit(h + 1, te, "person", ctx.text(h + 1, te), rule="honorific"))
        taken.update(range(h + 1, te))
    return out


#: nouns that describe the organisation whose name follows them ("the campaign group Liberty", "the charity Shelter")
ORG_DESCRIPTORS = words("organisation_descriptors")
#: words that end a body's name, which a person's title after it does not make a person's
BODY_NAME_WORDS = ORG_NAME_WORDS | words("armed_name_words") | words("body_name_words")


def _described_names(ctx: Context, taken: set[int]) -> list[Unit]:
    """"Civil rights group Liberty", "the housing charity Shelter": the proper name a describing noun modifies, that
    no other unit covers, as an organisation (the tagger misses names that are common words)."""
    toks = ctx.toks
    out: list[Unit] = []
    for h in range(len(toks) - 1):
        t = toks[h]
        if t.lemma.lower() not in ORG_DESCRIPTORS or t.dep != "compound" or not t.text.islower() or h + 1 in taken:
            continue
        te = h + 1
        while te < len(toks) and te - h <= 4 and toks[te].tag == "NNP" and toks[te].text[:1].isupper() \
                and toks[te].sent == t.sent and te not in taken:
            te += 1
        if te == h + 1 or t.head != te - 1 or ctx.in_chrome(t.start, toks[te - 1].end):
            continue  # the describing noun modifies the name's head ("group Liberty"), not a later word
        out.append(Unit(h + 1, te, "organisation", ctx.text(h + 1, te), rule="described"))
        taken.update(range(h + 1, te))
    return out


#: the kinds of lexicon hit a body's name may open with ("the Orsk Mazdoor Tehreek": a city's name, then the body's)
_OPENING_PLACES = frozenset({"region", "city", "capital", "country", "demonym"})


def _apposed_bodies(ctx: Context, taken: set[int], covered: dict[int, Unit]) -> list[Unit]:
    """"the Orsk Mazdoor Tehreek, a workers' movement", "the Velna Kisan Sangh, a farmers' union": a proper name after
    "the" that an apposition calls a movement, a union or a party is an organisation, whatever the tagger made of it
    (nothing, or a person); its words may open with a place's name."""
    toks = ctx.toks
    out: list[Unit] = []
    for h, t in enumerate(toks):
        n = t.head
        if t.dep != "appos" or t.lemma.lower() not in ORG_DESCRIPTORS or not t.text.islower() or n >= h \
                or toks[n].tag != "NNP" or not toks[n].text[:1].isupper():
            continue
        ts = n
        while ts > 1 and n - ts < 6 and (
                toks[ts - 1].tag == "NNP" and toks[ts - 1].dep == "compound" and toks[ts - 1].head > ts - 1
                and toks[ts - 1].text[:1].isupper()
                or (toks[ts - 1].text == "-" or toks[ts - 1].text in _LINKING_PARTICLES
                    or toks[ts - 1].text.isalpha() and toks[ts - 1].text.islower() and len(toks[ts - 1].text) <= 3
                    and toks[ts].text == "-") and toks[ts - 2].tag == "NNP"):
            ts -= 1  # ("Ghaqda Harsien il-Bahar": a particle and a hyphen inside the name)
        # after "the", or set beside "a coalition of ...", "an association of ..." (a body, whatever comes before it)
        described = any(toks[d].dep == "det" and toks[d].text.lower() in ("a", "an") for d in ctx.children[h])
        if ts == n or ts == 0 or not (toks[ts - 1].lemma.lower() == "the" or described) \
                or ctx.in_chrome(toks[ts].start, toks[n].end) \
                or any(i in taken or i in covered and covered[i].kind not in _OPENING_PLACES for i in range(ts, n + 1)):
            continue
        out.append(Unit(ts, n + 1, "organisation", ctx.text(ts, n + 1), rule="apposed-body"))
        taken.update(range(ts, n + 1))
    return out


ARABIC_GROUP_WORDS = words("arabic_group_words")
_MALAY_GROUP_WORDS = words("malay_group_words")
#: the words for a group, Arabic or Malay, that open a group's name
_GROUP_OPENERS = ARABIC_GROUP_WORDS | _MALAY_GROUP_WORDS
#: armed members named after the group they belong to ("fighters of the Frente Aurelio Mosquera")
_MEMBER_NOUNS = MEMBERS | {"guerrillas", "members", "rebels", "insurgents"}


#: the quotation marks around a nickname inside a person's name
_NICK_QUOTES = frozenset(("'", '"', "‘", "’", "“", "”", "``", "''"))


def _nicknamed_names(ctx: Context, taken: set[int]) -> list[Unit]:
    """"arrested Tajudeen 'Ajeku' Balogun", "Ramón \"El Flaco\" Ortiz": one to three capitalised words, a
    nickname of one to three capitalised words in quotation marks, and one or two capitalised words after it are
    one person's name (the tagger cuts it at the quotes, or takes a piece for an organisation)."""
    toks = ctx.toks
    out: list[Unit] = []

    def cap(j: int) -> bool:
        return toks[j].text[:1].isupper() and toks[j].text.replace("-", "").isalpha() and j not in taken

    for q in range(1, len(toks) - 3):
        if toks[q].text not in _NICK_QUOTES or not cap(q - 1) or not cap(q + 1):
            continue
        close = next((k for k in range(q + 2, min(q + 5, len(toks))) if toks[k].text in _NICK_QUOTES), None)
        if close is None or not all(cap(k) for k in range(q + 1, close)) or close + 1 >= len(toks) \
                or not cap(close + 1) or toks[close + 1].sent != toks[q].sent:
            continue
        ts = q - 1
        while ts > 0 and q - ts < 3 and cap(ts - 1) and toks[ts - 1].sent == toks[q].sent:
            ts -= 1
        te = close + 2
        if te < len(toks) and cap(te) and toks[te].sent == toks[q].sent:
            te += 1
        if any(toks[j].text.lower() in BODY_NAME_WORDS for j in range(ts, te)) or ctx.in_chrome(toks[ts].start, toks[te - 1].end):
            continue
        out.append(Unit(ts, te, "person", ctx.text(ts, te), rule="nicknamed", label="PERSON"))
        taken.update(range(ts, te))
    return out


def _fighters_names(ctx: Context, taken: set[int], covered: dict[int, Unit] | None = None) -> list[Unit]:
    """"Fighters of the Frente Aurelio Mosquera stormed ...": the run of two to eight capitalised proper nouns after an
    armed group's members and "of the" or "from the" (or "of" and an Arabic word for a group: "gunmen of Jama'at
    Ansar al-Qamar"), that no other unit covers, is the group's name (the tagger misses names in another language).
    A place the lexicon knows joined to it by a Romance "de", "do", "du" or "au" ends the name, inside it ("fighters
    from the União Armada de Tete")."""
    covered = covered or {}
    toks = ctx.toks
    out: list[Unit] = []
    for h in range(len(toks) - 3):
        if toks[h].text.lower() in ("a", "an", "the") and (named := known_as_end(toks, h)) > h:
            ts = te = named  # "a group calling itself Barisan Tani Raya claimed ...": the name it goes by
        elif toks[h].text.lower() not in _MEMBER_NOUNS or toks[h + 1].text.lower() not in ("of", "from"):
            continue
        elif (named := known_as_end(toks, h + 2)) > h + 2:
            ts = te = named  # "insurgents from the group known as Harakat al-Tawil"
        elif toks[h + 2].text.lower() == "the":
            ts = te = h + 3
        elif toks[h + 1].text.lower() == "of" and toks[h + 2].text.lower().replace("’", "'") in ARABIC_GROUP_WORDS:
            ts = te = h + 2  # "gunmen of Jama'at Ansar al-Qamar"
        else:
            continue
        while te < len(toks) and te - ts < 8 and toks[te].sent == toks[h].sent and te not in taken and (
                toks[te].tag in ("NNP", "NNPS") and toks[te].text[:1].isupper() or toks[te].text in NAME_PARTICLES
                or toks[te].text == "-" and te > ts and toks[te - 1].end == toks[te].start  # ("al-Gharb")
                or toks[te].text.islower() and len(toks[te].text) <= 3 and te + 1 < len(toks) and toks[te + 1].text == "-"
                and toks[te].end == toks[te + 1].start):  # an article's form before a hyphen ("as-Qamar")
            te += 1
        if te > ts + 1 and te in covered and toks[te - 1].text.lower() in _ROMANCE_LINKS \
                and covered[te].kind in _PLACE_KINDS and toks[covered[te].te - 1].sent == toks[h].sent:
            place = range(te, covered[te].te)
            te = covered[te].te
            taken.difference_update(place)
        while te > ts and toks[te - 1].text == "-":
            te -= 1
        while te > ts and toks[te - 1].text in NAME_PARTICLES:
            te -= 1
        if te - ts < 2 or any(j in taken for j in range(ts, te)) or ctx.in_chrome(toks[ts].start, toks[te - 1].end) \
                or any(e.tok_start < te and ts < e.tok_end for e in ctx.article.entities if e.label in ("ORG", "NORP", "GPE")):
            continue  # (a name the tagger saw is the tagger's)
        if te + 2 < len(toks) and toks[te].text == "(" and toks[te + 1].text.isupper() and toks[te + 2].text == ")":
            continue  # "... de Tete (UAT)": a name with its initials, the acronym rule's
        out.append(Unit(ts, te, "organisation", ctx.text(ts, te), rule="fighters-of"))
        taken.update(range(ts, te))
    return out


#: Romance words joining a group's name to the place it is of ("União Armada de Tete", "Front du Sahel")
_ROMANCE_LINKS = frozenset(("de", "do", "da", "du", "des", "del", "au", "aux"))
#: lexicon kinds of the places a group's name may end with
_PLACE_KINDS = frozenset(("region", "city", "capital", "country", "place"))


# -- lexicon hits ------------------------------------------------------------------------------


def _lexicon_units(ctx: Context) -> dict[int, Unit]:
    """The lexicon's name hits that stand for their entry here, by first token."""
    toks = ctx.toks
    lex_units: dict[int, Unit] = {}
    for m, entry in ctx.hit_entries():
        ts, te = ctx.tok_at_start[m.start], ctx.tok_at_end[m.end] + 1
        if not _hit_stands(ctx, m, entry, ts, te):
            continue
        kind = entry.kind
        if kind == "actor":  # a user's entry: what it is, the NER says (a person gets surnames and pronouns)
            kind = USER_KINDS.get(toks[ts].ent_type, "actor")
        lex_units[ts] = Unit(ts, te, kind, entry.name if entry.kind != "person" else ctx.text(ts, te),
                             entry.country, entry.org, entry.sector, role=entry.role,
                             rule=f"lexicon:{entry.source}:{entry.kind}", entry=entry, plural=entry.plural)
    return lex_units


def _hit_stands(ctx: Context, m: Match, entry: Entry, ts: int, te: int) -> bool:
    """Does a lexicon hit name its entry here (not another country, a headline's word, part of a person's
    name, a word spaCy sees no name in)?"""
    art, toks, lex = ctx.article, ctx.toks, ctx.lex
    if entry.contextual and entry.country:
        named = ctx.named_countries()
        if entry.kind == "country":
            # an ambiguous country name ("Congo"): not where the article names the other country it may mean
            word = art.text[m.start:m.end]
            if any(iso != entry.country and word in cname for iso, cname in lex.country_names.items()
                   if iso in named):
                return False
        elif named and entry.country not in named:
            return False  # "Congress" in a story about Peru: not the US Congress (the role word may code it)
    if entry.kind == "organisation" and te - ts == 1 and te + 1 < len(toks) and toks[te].text in ("for", "of") \
            and toks[te].sent == toks[ts].sent and any(toks[j].text[:1].isupper() and toks[j].pos == "PROPN"
                                                        for j in range(te + 1, min(te + 3, len(toks)))):
        return False  # the first word of a longer name: "Alliance for a European Georgia" is no "Alliance" (NATO)
    if entry.kind == "organisation" and te - ts == 1 and any(
            e.label == "ORG" and e.tok_start < ts < e.tok_end and e.tok_end >= te for e in art.entities):
        return False  # the last word of a longer name: "Aotearoa Tertiary Students' Alliance" is no "Alliance"
    if entry.kind == "person" and (_hyphen_joined(toks, te, 1) or _hyphen_joined(toks, ts - 1, -1)):
        return False  # one piece of a hyphenated name: "Abbas-Reza Karimi-Nasab" is no Mahmoud Abbas
    short_caps = m.end - m.start <= 3 and art.text[m.start:m.end].isupper()
    if (entry.kind == "code" or short_caps) and ctx.shouting(toks[ts].sent):
        return False  # an all-capitals headline: "IN", "US", "IS" are words there
    if entry.kind == "code" and te - ts == 1 and te < len(toks) and toks[te].text == ")" and ts >= 2 and (
            toks[ts - 1].text == "(" or toks[ts - 1].text == "," and any(toks[j].text == "(" for j in range(max(0, ts - 6), ts))):
        return False  # the initials a body is known by: "(Landeskriminalamt, LKA)" is no Sri Lanka
    if entry.kind in ("capital", "city") and entry.country and te < len(toks) and toks[te].text[:1].isupper() \
            and toks[te].text.lower() in _BUILDINGS and not _named_elsewhere(ctx, entry.country, art.text[m.start:m.end]):
        return False  # a building or a square named after a city abroad: "the Kingston Palace" in a Lisbon story
    if entry.kind == "capital" and toks[ts].ent_type == "PERSON" and not any(
            e.tok_start == ts and e.tok_end == te for e in art.entities):
        return False  # part of a person's name ("Paris Hilton"); a capital spaCy alone calls a person stays
    if entry.kind == "person" and not (toks[ts].ent_type == "PERSON" or toks[ts].pos == "PROPN"):
        return False  # a leader's surname where spaCy sees no name
    if entry.kind in ("city", "region") and toks[ts].ent_type == "PERSON":
        # spaCy took the place for a person: it is the place only where a one-word city is what is acted
        # on ("shelling Kharkiv") and no longer person's name holds the word ("Jackson" after "Mary Jackson")
        # ... or a place word says it is one: "the streets of central La Serena", "marched in Mar del Plata"
        placed = ts > 0 and (toks[ts - 1].text.lower() in _PLACE_ADJECTIVES or toks[ts - 1].text.lower() in _PLACE_PREPS)
        return ((entry.kind == "city" and te - ts == 1 and toks[ts].dep in ("dobj", "pobj") or placed)
                and not _part_of_a_name(ctx, m.start, m.end))
    # a city name counts where spaCy also sees a place ("Mobile", "Of" are words)
    return not (entry.kind == "city" and toks[ts].ent_type not in ("GPE", "LOC", "FAC", "NORP"))


def _named_elsewhere(ctx: Context, country: str, word: str) -> bool:
    """Does the article name ``country`` (by name, code, demonym, capital or city) by another word than ``word``?"""
    text = ctx.article.text
    return any(e.country == country and not e.contextual and e.kind in COUNTRY_KINDS and text[m.start:m.end] != word
               for m, e in ctx.hit_entries())


#: the last words of a named building, besides the landmarks' ("the Kingston Palace", "Kensington Barracks")
_BUILDINGS = words("building_name_words")


#: words before a place's name that say it is a place, not a person of that name
_PLACE_ADJECTIVES = frozenset(("central", "northern", "southern", "eastern", "western", "north", "south", "east", "west",
                               "downtown", "greater", "outer", "inner", "rural", "coastal", "suburban", "metropolitan"))
_PLACE_PREPS = frozenset(("in", "near", "outside", "across", "around", "towards", "toward", "into"))


def _hyphen_joined(toks: Sequence[Token], i: int, step: int) -> bool:
    """Is the token at ``i`` a hyphen with no space on either side, joining a capitalised word on its far side
    (``step`` 1: after a name, -1: before it)?"""
    j = i + step
    return 0 <= i < len(toks) and 0 <= j < len(toks) and toks[i].text == "-" \
        and toks[i - 1].end == toks[i].start and toks[i].end == toks[i + 1].start and toks[j].text[:1].isupper()


# -- named entities ----------------------------------------------------------------------------


def _person_by_apposition(ctx: Context, ts: int, te: int) -> bool:
    """Is a name the tagger took for an organisation's a person's, told by the title in apposition after it ("arrested
    Kwame Asante-Boateng, the party's communications director, ...": a hyphenated surname read as a firm) or by an age
    set off after it ("Tarmizi Yusof, 47, was ...")?  Only a name of capitalised words with no word of a body in it."""
    toks = ctx.toks
    if any(not toks[i].text[:1].isupper() and toks[i].text != "-" or toks[i].text.lower() in BODY_NAME_WORDS
           for i in range(ts, te)):
        return False
    last = te - 1
    aged = te + 2 < len(toks) and toks[te].text == "," and toks[te + 1].text.isdigit() and 10 <= int(toks[te + 1].text) <= 110 \
        and toks[te + 2].text == ","
    return aged or _titled_after(ctx, te) or any(
        toks[k].dep == "appos" and k in ctx.role_of and ctx.role_of[k][2].kind == "person" for k in ctx.children[last])


def _titled_after(ctx: Context, i: int) -> bool:
    """Does a person's title follow the comma at ``i`` ("..., the opposition spokesman", "..., the party's
    national communications director")?  The title's word within five words of "the" or "a"."""
    toks = ctx.toks
    if i + 2 >= len(toks) or toks[i].text != "," or toks[i + 1].text.lower() not in ("the", "a", "an"):
        return False
    for j in range(i + 2, min(i + 7, len(toks))):
        if toks[j].sent != toks[i].sent or toks[j].text in (",", ";", "(", ")") or toks[j].pos in ("VERB", "AUX", "ADP"):
            return False
        if j in ctx.role_of and ctx.role_of[j][2].kind == "person":
            return True
    return False


#: the last words of an armed body's name that no person's name ends with ("Front", "Army", "Brigade")
_ARMED_BODY_HEADS = words("armed_body_heads")


def _entity_unit(ctx: Context, ent: Span, covered: dict[int, Unit]) -> Unit | None:
    """The unit a named entity stands for, corrected; ``None`` when it is no actor's name or the
    lexicon codes it."""
    if ent.label not in ("PERSON", "ORG", "NORP", "GPE", "FAC", "LOC") or ctx.in_chrome(ent.start, ent.end):
        return None
    ts, te = _trimmed(ctx, ent.tok_start, ent.tok_end)
    if (named := _name_after_comma(ctx, ts, te)) is not None:
        # "the mayor of the town of [Velmar, Anton Petrov Dimov]": a place and the name set beside it, taken as one
        return Unit(named, te, "person", ctx.text(named, te), rule="ner:split-at-comma", label="PERSON")
    post = _post_nominal(ctx, ts, te, covered)
    if post is not None:
        # "Joseph Kuman Wapi MP": the letters after a name are no part of it (the unit holds them, so that
        # they are read as no title of a group), and the name is a person's
        name_end, te = post
        ts = _without_title(ctx, ts, name_end)
        return Unit(ts, te, "person", ctx.text(ts, name_end), rule="post-nominal", label="PERSON")
    if te <= ts:
        return None
    if ent.label == "ORG" and _a_title_taken_for_a_body(ctx, ts, te):
        return None
    text = ctx.text(ts, te)
    if text in ctx.lex.not_actors or (ent.label == "ORG" and ctx.toks[te - 1].text.lower() in ctx.lex.not_actor_heads):
        return None
    last = ctx.toks[te - 1]
    if ent.label == "PERSON" and last.dep == "compound" and last.head == te and (
            ctx.toks[te].lemma.lower() in _WORKS | _LANDMARKS | {"road", "highway", "motorway", "route", "line", "scheme"}):
        return None  # "the Via Baltica highway", "the Lusiva Gorge project": the name of a work, no one's
    if ent.label in ("PERSON", "ORG") and _a_street(ctx, ts, te):
        return None  # "Alexander Nevsky Square", "Rustaveli Avenue", "Avenida Paulista": a place named after someone
    if ent.label in ("PERSON", "ORG") and ts > 0 and ctx.toks[ts - 1].lemma.lower() in _VESSELS:
        return None  # "the survey ship Kara Yildiz", "the tanker Sea Lion": a vessel's name, no one's
    inner = [u for u in {id(covered[i]): covered[i] for i in range(ts, te) if i in covered}.values()]
    if inner:
        whole = len(inner) == 1 and inner[0].ts <= ts and inner[0].te >= te
        if whole or ent.label in ("NORP", "GPE", "LOC", "FAC"):
            return None  # the lexicon codes it
        known = _known_person(ctx, ts, te, inner)
        if ent.label == "PERSON" and known is not None:
            return _known_person_unit(ctx, ts, te, inner, known)
        start = _name_start(ctx, ent, ts, te, inner)
        if start is None:
            return None
        ts = start
    if ent.label == "PERSON":
        ts = _without_title(ctx, ts, te)
        toks = ctx.toks
        if _a_title(ctx, ts):
            # the tagger took only the ranks ("[Lt Gen] Oskar Vaino"): the name is the proper nouns after them
            span = _name_after_ranks(ctx, te, covered)
            if span is None:
                return None
            ts, te = span
        while te + 1 < len(toks) and toks[te].text == "-" and not toks[te - 1].space and not toks[te].space \
                and toks[te + 1].text.isalpha() and toks[te + 1].text.islower() and te + 1 not in covered \
                and toks[te + 1].text not in _HYPHEN_QUALIFIERS:
            te += 2  # "Park Seong-min", "Kim Jong-un": a given name's second syllable the tagger left out
        te = _father_after(ctx, te, covered)
        ts = _given_names_before(ctx, _before_particle(ctx, ts, covered), te, covered)
        if te - ts == 1 and ctx.toks[ts].pos != "PROPN":
            return None
        if te - ts == 1 and ctx.title_case(ctx.toks[ts].sent) and ctx.used_as_word(ts):
            return None  # "Hold" in "Armenia, Azerbaijan Hold Peace Talks": a verb the story uses
    if ent.label != "PERSON" and _after_honorific(ctx, ts, te):
        return Unit(ts, te, "person", ctx.text(ts, te), rule="honorific", label="PERSON")  # "Mr Kilroy-Silk"
    if ent.label != "PERSON" and te - ts >= 2 and _after_honorific(ctx, ts + 1, te):
        # the tagger took the honorific into an organisation's name: "[Mr Okonkwo]" is a person
        return Unit(ts + 1, te, "person", ctx.text(ts + 1, te), rule="honorific", label="PERSON")
    kind = {"PERSON": "person", "ORG": "organisation"}.get(ent.label, "unknown")
    if ent.label == "PERSON" and _a_body_named(ctx, ts, te):
        kind = "organisation"
    if ent.label == "ORG" and _person_by_apposition(ctx, ts, te):
        return Unit(ts, te, "person", ctx.text(ts, te), rule="ner:ORG+apposed-title", label="PERSON")
    if ent.label in ("GPE", "LOC", "FAC") or _place_named(ctx, ts, te):
        kind = "place"
    elif ent.label == "NORP":
        kind = "nationality"
    return Unit(ts, te, kind, ctx.text(ts, te), rule=f"ner:{ent.label}", label=ent.label)


def _a_body_named(ctx: Context, ts: int, te: int) -> bool:
    """Is the name the tagger took for a person's (tokens ``ts``..``te``) a body's: "the Tani Raya Armed Front",
    "Lord's Liberation Army" (an armed body's head word), "Jamaat Nasr al-Wadi", "Katiba Tessalit" (an Arabic word
    for a group; or a Malay one: "Gerakan Tani Raya"), "Hollandt Freight Kft.", "Bertalanfy Transport Ltd" (a company's legal form)?"""
    toks = ctx.toks
    last = toks[te - 1].text
    return te - ts >= 3 and last.lower() in _ARMED_BODY_HEADS and last[:1].isupper() \
        or te - ts >= 2 and toks[ts].text.lower().replace("’", "'") in _GROUP_OPENERS \
        or te - ts >= 2 and last.lower().rstrip(".") in COMPANY_FORMS and last[:1].isupper()


#: the legal forms that end a company's name ("Ltd", "GmbH", "Kft.": words.yaml)
COMPANY_FORMS = words("company_forms")


#: words after a hyphen that make the name before them a modifier ("a Ferlund-era reform"), no syllable of it
_HYPHEN_QUALIFIERS = words("hyphen_qualifiers") | words("person_modifier_qualifiers")


#: small words inside a body's name that its initials leave out ("Movimiento Campesino del Valle Sur")
_ACRONYM_SKIP = words("name_small_words")


def _acronym_bodies(ctx: Context, taken: set[int], covered: dict[int, Unit]) -> list[Unit]:
    """"the Movimiento Campesino del Valle Sur (MCVS)": a run of capitalised words (the small words of
    a name between them) whose initials are the acronym given in brackets right after it is one body's name, however
    the tagger cut it (a body "Movimiento" and a person "Valle Sur", say)."""
    toks = ctx.toks
    out: list[Unit] = []
    for k in range(3, len(toks) - 2):
        acro = toks[k + 1].text
        if toks[k].text != "(" or toks[k + 2].text != ")" or not (acro.isupper() and acro.isalpha() and 3 <= len(acro) <= 8):
            continue
        ts, letters = k, list[str]()
        while ts > 0 and toks[ts - 1].sent == toks[k].sent and len(letters) < len(acro):
            w = toks[ts - 1].text
            if w[:1].isupper() and w.replace("-", "").isalpha():
                letters.append(w[0])
            elif w == "-" and letters and not toks[ts - 1].space:
                pass  # "Anti-Smuggling": each word of a hyphened pair gives its initial
            elif w.lower() not in _ACRONYM_SKIP or not letters:
                break
            ts -= 1
        while ts < k and toks[ts].text.lower() in _ACRONYM_SKIP:
            ts += 1
        if "".join(reversed(letters)).upper() != acro or len(letters) < 3 or any(i in taken for i in range(ts, k)) \
                or ctx.in_chrome(toks[ts].start, toks[k - 1].end):
            continue
        inner = {id(covered[i]): covered[i] for i in range(ts, k) if i in covered}
        if any(u.ts < ts or u.te > k for u in inner.values()) or any(u.kind in ("country", "code") and u.te - u.ts == k - ts
                                                                     for u in inner.values()):
            continue  # a lexicon name reaching out of the run, or the whole run a country's
        for u in inner.values():
            u.used = True  # a known name's word inside the body's name ("Boliviano")
        out.append(Unit(ts, k, "organisation", ctx.text(ts, k), rule="acronym-name", label="ORG"))
        taken.update(range(ts, k))
    return out


def _given_names_before(ctx: Context, ts: int, te: int, covered: dict[int, Unit]) -> int:
    """"[Rodrigo] Anselmo Quiroga": a capitalised name word the tagger left out before a person's name of two words at
    least, that the parse hangs on the name as a compound, is its first word (two at most); not a title ("County
    Commissioner", "MEP"): no word the article writes in lower case too, no acronym, no role, rank or honorific, no
    lexicon name or entity of another kind, none after a determiner or a possessive."""
    toks = ctx.toks
    if te - ts < 2:
        return ts
    for _ in range(2):
        k = ts - 1
        if k < 0 or k in covered or ctx.used_as_word(k) or k > 0 and toks[k - 1].tag in ("DT", "PRP$", "POS") or k in ctx.role_of or toks[k].sent != toks[ts].sent or toks[k].tag != "NNP" \
                or toks[k].dep != "compound" or not ts <= toks[k].head < te or not toks[k].text[:1].isupper() \
                or not toks[k].text.isalpha() or toks[k].text.isupper() or toks[k].ent_type not in ("", "PERSON") \
                or toks[k].text.lower() in RANKS or toks[k].text.lower() in HONORIFICS:
            break
        ts = k
    return ts


def _place_named(ctx: Context, ts: int, te: int) -> bool:
    """Is the name the place a place noun names ("the town of Saut-Mathurine", "the village of Kanyabayonga", "Baraka
    district"), whatever the tagger took it for?"""
    toks = ctx.toks
    i = te - 1
    while toks[i].dep in ("compound", "punct") and toks[i].head > i:
        i = toks[i].head  # "Saut-d'Eau": its last piece
    if te < len(toks) and toks[te].tag in ("NN", "NNS") and toks[te].text.islower() and ctx.lemma(te) in PLACE_NOUNS \
            and toks[te - 1].dep == "compound" and toks[te - 1].head == te:
        return True  # "in Tamar Kesh district", "Velna province", "the Vesk provinces": the place the noun after it names
    if toks[i].dep != "pobj" or toks[i].head >= ts or ctx.lemma(toks[i].head) != "of":
        return False
    owner = toks[toks[i].head].head
    return owner < ts and ctx.lemma(owner) in PLACE_NOUNS and toks[owner].tag == "NN"


def _post_nominal(ctx: Context, ts: int, te: int, covered: dict[int, Unit]) -> tuple[int, int] | None:
    """Where a name ends and where its post-nominal letters ("MP", "QC": ``post_nominals``, in capitals) end,
    when the entity holds them or they follow it."""
    toks = ctx.toks

    def post(i: int) -> bool:
        return 0 <= i < len(toks) and toks[i].text.isupper() and toks[i].text.lower() in POST_NOMINALS \
            and i not in covered and toks[i].sent == toks[ts].sent

    if ts > 0 and toks[ts - 1].text.lower() in ("the", "a"):
        return None  # "the Mid-Bedfordshire MP": a title, its place the seat (a name takes no article: "Joseph Wapi MP")
    if te - ts >= 2 and post(te - 1) and toks[te - 2].text[:1].isupper() and not toks[te - 2].text.isupper():
        return te - 1, te
    if te - ts >= 2 and post(te) and toks[te - 1].text[:1].isupper() and not toks[te - 1].text.isupper():
        return te, te + 1
    return None


def _a_street(ctx: Context, ts: int, te: int) -> bool:
    """Is the name at ``ts:te`` a street's or a square's, named the English way ("Rustaveli Avenue") or the Romance
    way ("Avenida Paulista", "Plaza de Mayo")?"""
    toks = ctx.toks
    return te - ts >= 2 and toks[te - 1].text[:1].isupper() and (
        toks[te - 1].text.lower() in _STREETS or toks[ts].text.lower() in _STREET_OPENERS)


def _a_title_taken_for_a_body(ctx: Context, ts: int, te: int) -> bool:
    """Is the tagger's organisation at ``ts:te`` a person's title: "the Mid-Bedfordshire MP" (the seat's member, for
    the titles to resolve), "the Taoiseach", "the Minister of Foreign Affairs of"?"""
    toks = ctx.toks
    if ts > 0 and toks[ts - 1].text.lower() == "the" and te - 1 in ctx.role_of and toks[te - 1].text.lower() in POST_NOMINALS:
        return True
    hit = ctx.role_at.get(ts)
    return hit is not None and hit[1].kind == "person" and (hit[0] == te or toks[hit[0]].text.lower() == "of")


def _name_after_comma(ctx: Context, ts: int, te: int) -> int | None:
    """Where the name after a comma inside an entity starts, when the entity is one word, a comma and two to four
    capitalised words (a place the tagger ran into the person's name set after it); else ``None``."""
    toks = ctx.toks
    if te - ts < 4 or toks[ts + 1].text != "," or not toks[ts].text[:1].isupper():
        return None
    tail = range(ts + 2, te)
    if 2 <= len(tail) <= 4 and all(toks[j].tag == "NNP" and toks[j].text[:1].isupper() and toks[j].text.isalpha()
                                   for j in tail):
        return ts + 2
    return None


def _trimmed(ctx: Context, ts: int, te: int) -> tuple[int, int]:
    """An entity's tokens without a leading determiner and a trailing possessive, nor a parenthesis it opens and does
    not close ("Teto Digno (Decent Roof": the name before its gloss)."""
    toks = ctx.toks
    while ts < te and (toks[ts].tag in ("DT", "POS") or toks[ts].text in ("’s", "'s")):
        ts += 1
    words = [toks[i].text for i in range(ts, te)]
    if "(" in words and ")" not in words[words.index("("):] and words.index("(") > 0:
        te = ts + words.index("(")
    while te > ts and (toks[te - 1].tag == "POS" or toks[te - 1].text in ("’s", "'s", "’", "'")):
        te -= 1
    return ts, te


def _known_person(ctx: Context, ts: int, te: int, inner: list[Unit]) -> Unit | None:
    """The lexicon's person ending the entity, when the whole name is a form of that person's name
    ("Jalil Abbas Khattak" is not "Abbas"; a middle name may differ: "Omar Hassan al-Bashir" is "Omar
    al-Bashir")."""
    known = next((u for u in inner if u.kind == "person" and u.te == te), None)
    if known is None or known.entry is None:
        return known
    allowed = set(known.entry.name.lower().split())
    roles_end = ts
    while roles_end < te - 1 and roles_end in ctx.role_at and ctx.role_at[roles_end][0] <= te - 1:
        roles_end = ctx.role_at[roles_end][0]
    words = [ctx.toks[i].text.lower() for i in range(roles_end, te)]
    first = known.entry.name.lower().split()[0]
    if not (all(w in allowed or w in known.name.lower().split() for w in words) or words[0] == first):
        return None
    return known


def _known_person_unit(ctx: Context, ts: int, te: int, inner: list[Unit], known: Unit) -> Unit:
    """A known person inside a longer name ("President Omar al-Bashir"): the entity, coded by the lexicon."""
    for u in inner:
        u.used = True
    while ts < te - 1 and ts in ctx.role_at and ctx.role_at[ts][0] <= te - 1:
        ts = ctx.role_at[ts][0]
    return Unit(ts, te, "person", ctx.text(ts, te), known.country, known.org, known.sector,
                role=known.entry.role if known.entry else None, rule=known.rule, entry=known.entry,
                label="PERSON")


def _name_start(ctx: Context, ent: Span, ts: int, te: int, inner: list[Unit]) -> int | None:
    """Where the entity's own name starts past the lexicon hits inside it (``None``: no name left).

    In a person's name, a known name's word is someone else's ("Pakistan's Envoy", "NATO chief Jens":
    the lexicon part is a modifier, not the name); an organisation whose name holds a country or a
    smaller organisation keeps its whole name, and the hits inside are used up.
    """
    toks = ctx.toks
    if ent.label == "PERSON":
        for u in inner:
            if u.kind == "person":
                u.used = True  # a known name's word inside someone else's name
        inner = [u for u in inner if u.kind != "person"]
        if not inner:
            return ts
        last = max(u.te for u in inner)
        while last < te and (toks[last].tag == "POS" or not toks[last].text[:1].isupper()):
            last += 1
        if te - last < 1 or not any(toks[i].pos == "PROPN" for i in range(last, te)):
            return None
        return last
    for u in inner:
        u.used = True
        u.merged_into = None
    return ts


def _a_title(ctx: Context, i: int) -> bool:
    """Whether token ``i`` is a rank or a role word, no part of a name ("Gen", "Lt.", "Ambassador")."""
    return ctx.toks[i].text.lower().rstrip(".") in {r.rstrip(".") for r in RANKS} or i in ctx.role_at


def _before_particle(ctx: Context, ts: int, covered: dict[int, Unit]) -> int:
    """Where a name the tagger began at a linking particle begins: at the given name before it ("Sayyid [Talal] bin
    Hamad Al Maskari"); ``ts`` for any other name."""
    toks = ctx.toks
    if toks[ts].text.lower() not in _LINKING_PARTICLES:
        return ts
    while ts > 0 and toks[ts - 1].tag == "NNP" and toks[ts - 1].text[:1].isupper() and ts - 1 not in covered \
            and toks[ts - 1].sent == toks[ts].sent and toks[ts - 1].text.lower().rstrip(".") not in RANKS \
            and toks[ts - 1].text.lower().rstrip(".") not in HONORIFICS and (ts - 1) not in ctx.role_of:
        ts -= 1
    return ts


def _father_after(ctx: Context, te: int, covered: dict[int, Unit]) -> int:
    """Where a name the tagger ended before a linking particle ends: after the father's name it links ("[Yusof] bin
    Rahim", "[Aminata] ould Cheikh"); ``te`` when no particle follows."""
    toks, end = ctx.toks, te
    if te + 1 < len(toks) and toks[te].text.lower() in _LINKING_PARTICLES and te not in covered \
            and toks[te].sent == toks[te - 1].sent:
        end = te + 1
        while end < len(toks) and toks[end].text[:1].isupper() and toks[end].pos == "PROPN" and end not in covered \
                and toks[end].sent == toks[te].sent:
            end += 1
    return end if end > te + 1 else te


def _name_after_ranks(ctx: Context, te: int, covered: dict[int, Unit]) -> tuple[int, int] | None:
    """The proper nouns from token ``te`` on, in its sentence, that no unit covers and no title is: the name after
    an entity the tagger made of ranks alone; ``None`` when none follows."""
    toks, end = ctx.toks, te
    while end < len(toks) and toks[end].pos == "PROPN" and toks[end].text[:1].isupper() and end not in covered \
            and toks[end].sent == toks[te - 1].sent and not _a_title(ctx, end):
        end += 1
    return (te, end) if end > te else None


def _without_title(ctx: Context, ts: int, te: int) -> int:
    """A person's name without the role words and ranks it starts with ("Ambassador Ruth Okonjo")."""
    toks = ctx.toks
    while ts < te - 1 and ts in ctx.role_at and ctx.role_at[ts][0] <= te - 1:
        ts = ctx.role_at[ts][0]
    while ts < te - 1 and toks[ts].text.lower().rstrip(".") in {r.rstrip(".") for r in RANKS}:
        ts += 1
    return ts
