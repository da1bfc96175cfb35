"""Coreference inside one article, and the final actors.

Mentions of one participant are gathered into one :class:`~dragoman.model.Actor`:

* the same name again, or a later **surname** ("Okonjo") — including where spaCy took the bare
  surname for a place or an organisation;
* an **acronym** defined in parentheses ("Inter-Services Public Relations (ISPR)") and used later;
* a **title** ("the envoy", "the minister", "Pakistan's envoy") → the person holding a role of the same
  class (and country, when the title names one): the nearest before it, else the first after it;
* a **pronoun** (`actors/pronoun.py`: "he said") → the nearest person named before it, in the same or the two previous
  sentences; a subject pronoun outside quotation marks with none there, the last person named before
  it (a subject first) — the quotes stage takes a pronoun speaker from here;
* a bare country next to its government actor ("Afghanistan" beside "the Afghan government").

Ids are "a1", "a2", … in order of first mention.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from dragoman.actors.context import SHORT_FORMS, Context, Group, Unit, name_head, short_form_by
from dragoman.actors.epithet import resolve_clients, resolve_epithets
from dragoman.actors.holders import resolve_holders
from dragoman.actors.lexicon import OFFICE_SOURCES, PSEUDO_COUNTRIES, Entry
from dragoman.actors.militia import resolve_armed, resolve_members
from dragoman.actors.pronoun import resolve_pairs, resolve_pronouns
from dragoman.actors.vocabulary import words
from dragoman.model import Actor, Mention, Token

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&\-]{1,9}s?$")
#: resolver unit kinds → Actor.kind
ACTOR_KINDS = {"code": "country", "demonym": "group", "actor": "organisation", "unknown": "organisation"}
#: add the whole descriptive phrase ("Kenya's Chief of Defence Forces General Daniel Kamau") as a mention
DESCRIPTIVE_MENTIONS = True


def _key(u: Unit) -> tuple[str, ...]:
    if u.entry is not None and u.entry.kind in ("person", "actor") and u.kind in ("person", "actor"):
        return ("person", u.entry.name.lower())  # every alias of one dictionary entry is one actor
    if u.kind == "person":
        return ("person", u.name.lower())
    if u.entry is not None and u.kind in ("organisation", "group", "actor"):
        return ("entry", u.entry.name)
    if u.kind in ("country", "code"):
        return ("country", u.country or u.name)
    if u.kind == "place":
        return ("place", u.name.lower(), u.country or "")
    if u.kind == "government":
        return ("government", u.country or u.name)
    if u.kind == "demonym":
        return ("demonym", u.country or u.name, u.sector or "")
    return (u.kind, re.sub(r"\W+", " ", u.name.lower()).strip(), u.country or "")


@dataclass
class Gathering:
    """The actors being gathered: their groups by key, in order of creation, and the tokens already
    taken as a mention of one."""

    groups: dict[tuple[str, ...], Group] = field(default_factory=dict)
    order: list[Group] = field(default_factory=list)
    covered: set[int] = field(default_factory=set)

    def add(self, u: Unit, g: Group | None = None, kind: str = "name") -> Group:
        """``u`` as a mention of ``g`` (else of the group of its key, new if need be)."""
        if g is None:
            k = _key(u)
            g = self.groups.get(k)
            if g is None:
                g = self.groups[k] = Group(u)
                self.order.append(g)
        g.mentions.append((u.ts, u.te, kind))
        g.names.append(u.name)
        self.covered.update(range(u.ts, u.te))
        # a later mention can complete what an earlier one did not say
        for attr in ("country", "org", "sector", "role", "role_cls"):
            if getattr(g.unit, attr) is None and getattr(u, attr) is not None:
                if attr == "org" and g.unit.country is not None and g.unit.country != u.country:
                    continue
                setattr(g.unit, attr, getattr(u, attr))
        return g

    def person(self, u: Unit) -> Group | None:
        """The group of the person named ``u.name``, if gathered yet."""
        return self.groups.get(("person", u.name.lower()))


def build(ctx: Context, kept: list[Unit]) -> tuple[Actor, ...]:
    """The article's actors: the units kept by the resolver gathered into one actor per participant
    (names, surnames, acronyms, titles, pronouns), with ids "a1", "a2", … in order of first mention."""
    gather = Gathering()
    parts = _name_parts(kept)
    _gather_surnames(gather, kept, parts)
    pending, acronyms = _gather_names(ctx, gather, kept, parts)
    _later_uses(ctx, gather, acronyms, parts)
    _gather_titles(ctx, gather, pending)
    _named_next(ctx, gather)
    _counted_again(ctx, gather)
    resolve_armed(ctx, gather)
    resolve_pronouns(ctx, gather.order, gather.covered)
    resolve_pairs(ctx, gather.order, gather.covered)
    resolve_holders(ctx, gather.order)
    resolve_descriptions(ctx, gather.order, gather.covered)
    resolve_epithets(ctx, gather.order, gather.covered)
    resolve_clients(ctx, gather.order, gather.covered)
    resolve_members(ctx, gather)
    return _actors(ctx, _beside_governments(gather.order))


def _counted_again(ctx: Context, gather: Gathering) -> None:
    """"Six opposition parties walked out ... The six parties say ...": a group told again as "the"
    and its number and noun ("the five unions") is the group of that number and noun told last before it."""
    toks = ctx.toks
    for g in list(gather.order):
        u = g.unit
        if u.kind != "group" or u.entry is not None or u.ts == 0 or toks[u.ts - 1].text.lower() != "the" \
                or toks[u.ts].tag != "CD" or toks[u.te - 1].tag != "NNS" or len(g.mentions) != 1:
            continue
        count, head = toks[u.ts].text.lower(), toks[u.te - 1].lemma.lower()
        before = [h for h in gather.order if h is not g and h.unit.kind == "group" and h.unit.entry is None
                  and h.mentions and h.mentions[0][0] < u.ts
                  and toks[h.unit.ts].text.lower() == count and toks[h.unit.te - 1].lemma.lower() == head]
        if not before:
            continue
        h = max(before, key=lambda x: x.mentions[0][0])
        h.mentions.extend(g.mentions)
        gather.order.remove(g)
        for k in [k for k, v in gather.groups.items() if v is g]:
            del gather.groups[k]


def _named_next(ctx: Context, gather: Gathering) -> None:
    """"A Guatemalan journalist ... was arrested on Thursday. Herrera, 44, was led away by police": a lead that
    describes one person ("a" or "an" and a person's title, told once) and a next sentence that opens on a person
    named for the first time tell of one person; the description becomes a mention of the name, which takes its
    country and sector."""
    toks = ctx.toks
    first = {id(g): min(m[0] for m in g.mentions) for g in gather.order if g.mentions}
    for g in list(gather.order):
        u = g.unit
        if u.kind != "group" or not u.person_role or u.plural or len(g.mentions) != 1 or u.ts == 0 \
                or toks[u.ts - 1].text.lower() not in ("a", "an"):
            continue
        nxt = toks[u.ts].sent + 1
        opening = [p for p in gather.order if p.unit.kind == "person" and id(p) in first
                   and toks[first[id(p)]].sent == nxt and (first[id(p)] == 0 or toks[first[id(p)] - 1].sent != nxt)]
        if len(opening) != 1:
            continue
        p = opening[0]
        p.mentions.extend(g.mentions)
        for attr in ("country", "sector", "role", "role_cls"):
            if getattr(p.unit, attr) is None and getattr(u, attr) is not None:
                setattr(p.unit, attr, getattr(u, attr))
        gather.order.remove(g)


#: a description looks this many sentences back for the body it stands for
DESCRIPTION_WINDOW = 3


def resolve_descriptions(ctx: Context, order: list[Group], covered: set[int]) -> None:
    """"The group", "the organisation", "the charity" (``words.yaml``: ``body_descriptions``) with nothing
    else to say which → the organisation named nearest before it, in its sentence or the
    ``DESCRIPTION_WINDOW`` before ("The NRA criticised the bill. The group has sued Florida ..."); and the head
    noun of a body's name alone ("the commission" after "the Fair Wage Commission", "the ministry" after "the
    Ministry of Labour") → that body, the only one named before with that head, else the nearest in the window.
    Only a named body (an organisation, or a group from the lexicons), never a person, a country, a place or an
    unnamed group ("protesters")."""
    toks = ctx.toks
    nouns = words("body_descriptions")
    named = sorted(((s, g) for g in order for s, e, k in g.mentions if k in ("name", "acronym") and _body(g.unit)),
                   key=lambda x: x[0])
    heads = {h: None for _, g in named if (h := _head_noun(g.unit.name)) and h not in words("not_head_descriptions")}
    if not named or not any(t.lemma.lower() in nouns or t.text in heads for t in toks):
        return
    for t in toks:
        low = t.lemma.lower()
        if t.i in covered or (low not in nouns and t.text not in heads) or t.tag not in ("NN", "NNP") \
                or not t.text.islower() or ctx.in_chrome(t.start, t.end):  # (the tagger takes "the council" for a name)
            continue
        kids = [c for c in ctx.children[t.i] if not _verbs_of(ctx, t, c)]
        if [toks[c].text.lower() for c in kids if toks[c].dep == "det"] != ["the"] or any(
                toks[c].dep in ("compound", "amod", "poss", "prep", "nmod", "acl", "relcl", "appos") for c in kids):
            continue  # "the rebel group", "the group of experts", "the group that organised ...": said which
        before = [(s, g) for s, g in named if s < t.i and (low in nouns or _head_noun(g.unit.name) == t.text)]
        only = low not in nouns and len({id(g) for _, g in before}) == 1
        if before and (only or t.sent - toks[before[-1][0]].sent <= DESCRIPTION_WINDOW):
            target = before[-1][1]
            target.mentions.append((t.i - 1, t.i + 1, "title"))
            covered.update((t.i - 1, t.i))


#: verbs whose object takes an "of" phrase of the verb's own ("accused the council of nimbyism"), which the parser
#: hangs on the object
_OF_VERBS = words("of_object_verbs")


def _verbs_of(ctx: Context, t: Token, c: int) -> bool:
    """Is ``c``, a child of the object ``t``, an "of" phrase the verb governing ``t`` takes ("accused the council
    of ...", "cleared the group of wrongdoing"), not one that says which ``t`` is?"""
    return ctx.toks[c].dep == "prep" and ctx.toks[c].lemma.lower() == "of" and t.dep == "dobj" \
        and ctx.toks[t.head].lemma.lower() in _OF_VERBS


def _body(u: Unit) -> bool:
    """A named body: an organisation, or a group from the lexicons, that is not a person's role."""
    return (u.kind in ("organisation", "actor") or u.kind == "group" and u.entry is not None) and not u.person_role


def _head_noun(name: str) -> str:
    """The head noun of a body's name, lower case (``context.name_head``: "Ministry of Labour" → "ministry"); ""
    when that word is not a plain capitalised word."""
    w = name_head(name)
    return w.lower() if len(w) > 2 and w[0].isupper() and w[1:].islower() and w.isalpha() else ""


#: the article of an Arabic surname, written joined to it ("al-Saadi", "el-Sayed"), that a later mention leaves out
_ARTICLE_PREFIXES = frozenset(("al", "el", "ad", "ash", "as", "an", "ar", "at", "az", "ul", "ud"))


def _name_parts(kept: list[Unit]) -> dict[str, Unit | None]:
    """The first and last word of every full person's name → that person (``None`` when two people
    share the word: ambiguous)."""
    people = [u for u in kept if u.kind == "person"]
    # full names first, so that a bare surname before the full name still finds it
    full: dict[str, Unit] = {}
    for u in sorted(people, key=lambda u: -(u.te - u.ts)):
        words = u.name.split()
        if len(words) > 1:
            full.setdefault(u.name.lower(), u)
    parts: dict[str, Unit | None] = {}
    for name, u in full.items():
        last = u.name.split()[-1]
        ends = {last, u.name.split()[0]}
        if "-" in last and last.split("-", 1)[0].lower() in _ARTICLE_PREFIXES:
            ends.add(last.split("-", 1)[1])  # "al-Saadi" is "Saadi" later
        ends |= _family_names(u.name.split())
        ends |= _before_particles(u.name.split())
        for w in ends:
            w = w.strip(".,")
            if len(w) > 2 and w[0].isupper():
                if (other := parts.get(w)) is not None and other.name.lower() != name and not _same_person(other.name, u.name):
                    parts[w] = None  # two people share it: ambiguous
                else:
                    parts.setdefault(w, u)
    return parts


_INITIALS = re.compile(r"^(?:[A-Z]\.)+[A-Z]?\.?$")


def _same_person(a: str, b: str) -> bool:
    """Can two full names of one family name be one person's: "K.D.S. Ranatunga" and "Kamal Ranatunga" (the initials
    of the given names), "Kamal Deva Ranatunga" and "Kamal Ranatunga"; not "Ana Ruiz" and "Luis Ruiz"."""
    wa, wb = a.split(), b.split()
    if len(wa) < 2 or len(wb) < 2 or wa[-1].lower() != wb[-1].lower():
        return False
    short, long_ = sorted((wa, wb), key=len)
    if len(short) < len(long_) and [w.lower() for w in long_[-len(short):]] == [w.lower() for w in short]:
        return True  # "Tshibanda Ilunga" after "Jean-Marc Tshibanda Ilunga": the name without its first given name
    ga, gb = wa[0], wb[0]
    if _INITIALS.match(ga) or _INITIALS.match(gb):
        ia = ga.replace(".", "") if _INITIALS.match(ga) else "".join(w[0] for w in wa[:-1])
        ib = gb.replace(".", "") if _INITIALS.match(gb) else "".join(w[0] for w in wb[:-1])
        return ia.startswith(ib) or ib.startswith(ia)
    return ga.lower() == gb.lower()


#: particles linking a name to a father's ("bin", "ould")
_LINKING_PARTICLES = words("linking_particles")


def _before_particles(words: list[str]) -> set[str]:
    """The own names a name linked to a father's may be shortened to later: the word before the particle ("Mohd Tarmizi
    bin Yusof" is "Tarmizi"), besides the first and the last word."""
    return {words[k - 1] for k in range(1, len(words) - 1) if words[k].lower() in _LINKING_PARTICLES}


def _family_names(words: list[str]) -> set[str]:
    """The family names a full name of four capitalised words may be shortened to later, in the Spanish and
    Portuguese way of two given names and two family names: "Ana María Quiroga Lema" is "Quiroga Lema" and
    "Quiroga".  Not from three words: "John Fitzgerald Kennedy" is no "Fitzgerald", and a title the tagger took
    into a name ("Chancellor Gordon Brown") would make its last two words a second person's (on the BBC business
    articles it joined two denials to a politician's name)."""
    if len(words) != 4 or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
        return set()
    return {" ".join(words[-2:]), words[2]}


def _gather_surnames(gather: Gathering, kept: list[Unit], parts: dict[str, Unit | None]) -> None:
    """A one-word person's name that is part of a full name ("Okonjo"), or the two family names ending one
    ("Quiroga Lema"), is a mention of that person."""
    people = [u for u in kept if u.kind == "person"]
    for u in sorted(people, key=lambda u: -(u.te - u.ts)):
        whole = parts.get(u.name) if len(u.name.split()) <= 2 else None
        if whole is None and len(u.name.split()) > 1 and (same := parts.get(u.name.split()[-1])) is not None \
                and same.name != u.name and _same_person(same.name, u.name):
            whole = same  # "Kamal Ranatunga, 58," after "former minister K.D.S. Ranatunga"
        if whole is not None and whole.name == u.name:
            continue
        if whole is None:
            continue
        if u.name == whole.name.split()[0] != whole.name.split()[-1] and u.ts < whole.ts and any(
                v.role and v.name == u.name and v.ts <= u.ts for v in people):
            continue  # a given name told before the full name, titled there or before ("Prince Frederik ... Frederik
            # said ... Frederik Brack"), is another's ("his wife Greta ... Greta Holm" is hers)
        target = gather.person(whole)
        if target is None:
            target = gather.add(whole)
            target.mentions.clear()
            target.names.clear()
        gather.add(u, target, "surname")


def _gather_names(ctx: Context, gather: Gathering, kept: list[Unit],
                  parts: dict[str, Unit | None]) -> tuple[list[Unit], dict[str, Group]]:
    """Every other unit in text order: a mention of its own actor, of the person whose surname it is,
    or of the organisation whose acronym it is.  Returns the titles that may refer back ("the envoy")
    and the acronyms defined in parentheses."""
    toks = ctx.toks
    pending: list[Unit] = []
    acronyms: dict[str, Group] = {}
    person_starts = {m[0] for g in gather.order for m in g.mentions}
    for u in sorted(kept, key=lambda u: u.ts):
        if u.kind == "person" and u.ts in person_starts:
            continue
        definite = u.ts > 0 and toks[u.ts - 1].text.lower() == "the" or _bare_in_headline(ctx, u)
        if u.kind == "group" and not u.plural and u.role_cls and u.entry is None and not u.owned and (
                u.person_role or definite and u.country is None):
            pending.append(u)  # "the envoy", "the government": may refer back
            continue
        whole = parts.get(u.name)
        if (u.kind in ("organisation", "actor", "unknown") or u.label == "NORP" and not u.role_cls) \
                and u.entry is None and whole is not None:
            # spaCy took a bare surname for an organisation (or a nationality: "Hrubec" is no people's name)
            target = gather.person(whole)
            if target is not None:
                gather.add(u, target, "surname")
                continue
        if u.kind in ("organisation", "actor", "unknown", "group") and u.name in acronyms:
            gather.add(u, acronyms[u.name], "acronym")
            _extra_mentions(gather, acronyms[u.name], u)  # ("Fighters of the ... (MDK)": the phrase it was set beside)
            continue
        short = _short_name_of(gather, u, definite)
        if short is not None:
            gather.add(u, short, "surname")  # "the Herald" after "the Boston Herald"
            continue
        if definite and u.kind == "person" and u.entry is None and len(u.name.split()) == 1:
            u.kind = "organisation"  # "The Gazette says ...": a one-word name after "the" is no person
        if u.kind in ("organisation", "actor", "unknown", "group") and _ACRONYM.match(toks[u.te - 1].text) \
                and (named := _initials_of(gather, u, toks[u.te - 1].text)) is not None:
            if u.entry is not None and u.country is not None and u.country not in PSEUDO_COUNTRIES \
                    and not any(g.unit.country == u.country for g in gather.order):
                # a lexicon namesake of a country the story never names codes nothing of the body named before
                # ("the NSF" after "agents of the National Security Forces", in a story of a country other than the
                # lexicon's NSF's); an international namesake may
                u.country = u.org = None
            gather.add(u, named, "acronym")  # "the British National Party ... the BNP": not Bangladesh's party
            continue
        if (known := _known_as_of(ctx, gather, u, pending)) is not None:
            gather.add(u, known, "alias")  # "the Dawn Front, known in Somali as Jabhadda Waaberi,": one body
            if _ACRONYM.match(u.name):
                acronyms[u.name] = known  # "known by its initials DCI ... the DCI said"
            continue
        g = gather.add(u)
        _extra_mentions(gather, g, u)
        _defined_acronym(ctx, gather, g, u, acronyms)
    return pending, acronyms


#: words that give a body's other name ("known as", "also called", "known locally as")
_KNOWN_WORDS = frozenset(("known", "called", "named"))


def _known_as_of(ctx: Context, gather: Gathering, u: Unit, pending: list[Unit]) -> Group | None:
    """The body or group named right before ", known (in Somali, locally, also) as" this name, or before ", known by
    its (French) initials" (a title kept back to refer back, ``pending``, names a body then); the name is its other
    name, in another language or the one its people use; ``None`` when the name follows no such phrase."""
    toks = ctx.toks
    j = u.ts - 1
    if j > 0 and toks[j].text.lower() == "the":
        j -= 1  # "also known as the Patani Front"
    if u.kind in ("organisation", "actor", "unknown", "group") and u.te - u.ts == 1 and _ACRONYM.match(u.name) \
            and toks[j].text.lower() not in SHORT_FORMS:
        # "The UPF said ...", after "known by its Portuguese acronym UPF" where the tagger saw no name: the initials as
        # first given
        j = next((i - 1 for i in range(u.ts - 1, 3, -1) if toks[i].text == u.name and toks[i - 1].text.lower() in SHORT_FORMS),
                 j)
    if j > 3 and toks[j].text.lower() in SHORT_FORMS and u.kind in ("organisation", "actor", "unknown", "group"):
        # "the border police unit, known by its Portuguese acronym UPF,"
        j = short_form_by(toks, j) or 0
        if j < 3:
            return None
    elif j < 3 or toks[j].text.lower() != "as" or u.kind not in ("organisation", "actor", "unknown", "group", "person"):
        return None
    k = next((i for i in range(j - 1, max(0, j - 5), -1) if toks[i].text.lower() in _KNOWN_WORDS), None)
    if k is None:
        return None
    comma = k - 2 if toks[k - 1].text.lower() == "also" else k - 1
    if comma < 1 or toks[comma].text != ",":
        return None
    hits = [g for g in gather.order if g.unit.kind in ("organisation", "group") and any(m[1] == comma for m in g.mentions)]
    if not hits:
        # "the border police unit, known by ...": a title that might have referred back names
        # the body whose other name follows
        titled = [p for p in pending if p.te == comma]
        if titled:
            pending.remove(titled[-1])
            return gather.add(titled[-1])
    return hits[-1] if hits else None


def _initials_of(gather: Gathering, u: Unit, acronym: str) -> Group | None:
    """The one organisation named before ``u`` whose name's capitalised words' initials spell the acronym ``u``
    ("BNP" after "British National Party"), or group of its people ("agents of the State Protection Service ... the
    SPS": that body, not a lexicon namesake abroad); ``None`` if none or several."""
    hits = [g for g in gather.order if (g.unit.kind == "organisation" or g.unit.kind == "group" and " of the " in g.unit.name)
            and g.mentions and min(m[0] for m in g.mentions) < u.ts
            and g.unit.entry is None and "".join(w[0] for w in g.unit.name.replace("-", " ").split() if w[:1].isupper()) == acronym]
    return hits[0] if len(hits) == 1 else None


def _short_name_of(gather: Gathering, u: Unit, definite: bool) -> Group | None:
    """The organisation named before whose last word is this one-word name after "the" ("the Herald",
    "the Times"), which the NER may take for a person."""
    if not definite or u.kind not in ("person", "organisation", "actor", "unknown") or len(u.name.split()) != 1:
        return None
    hits = [g for g in gather.order if g.unit.kind in ("organisation", "actor", "unknown")
            and len(g.unit.name.split()) > 1 and g.unit.name.split()[-1] == u.name
            and g.unit.name.split()[0].lower() not in _RANK_WORDS]  # ("the Cabinet" is not "the shadow Cabinet")
    return hits[-1] if len(hits) == 1 or (hits and all(h is hits[-1] for h in hits)) else None


def _extra_mentions(gather: Gathering, g: Group, u: Unit) -> None:
    """The unit's further mentions; its title as a descriptive one."""
    for ts, te, kind in u.extra:
        if kind != "title":
            g.mentions.append((ts, te, kind))
            gather.covered.update(range(ts, te))
        elif DESCRIPTIVE_MENTIONS:
            g.mentions.append((ts, te, "descriptive"))


def _defined_acronym(ctx: Context, gather: Gathering, g: Group, u: Unit, acronyms: dict[str, Group]) -> None:
    """"Inter-Services Public Relations (ISPR)": the acronym in parentheses after a name."""
    toks = ctx.toks
    te = u.te
    if (te + 2 < len(toks) and toks[te].text == "(" and toks[te + 2].text == ")"
            and _ACRONYM.match(toks[te + 1].text)):
        acronyms[toks[te + 1].text] = g
        g.mentions.append((te + 1, te + 2, "acronym"))
        gather.covered.add(te + 1)


def _later_uses(ctx: Context, gather: Gathering, acronyms: dict[str, Group], parts: dict[str, Unit | None]) -> None:
    """Later uses of a defined acronym or surname the NER did not tag as a name."""
    for t in ctx.toks:
        if t.i in gather.covered or ctx.in_chrome(t.start, t.end):
            continue
        whole = parts.get(t.text)
        if t.text in acronyms:
            acronyms[t.text].mentions.append((t.i, t.i + 1, "acronym"))
            gather.covered.add(t.i)
        elif whole is not None and t.text[0].isupper() and t.pos in ("NOUN", "PROPN", "ADJ"):
            g = gather.person(whole)
            if g is not None:
                g.mentions.append((t.i, t.i + 1, "surname"))
                gather.covered.add(t.i)


def _gather_titles(ctx: Context, gather: Gathering, pending: list[Unit]) -> None:
    """Titles: "the envoy" → the person (or the unnamed official) holding such a role named before;
    "the government" → the government named before; with none, an actor of its own."""
    toks = ctx.toks
    person_groups = [g for g in gather.order if g.unit.kind == "person"]
    titled: list[Group] = []
    for u in pending:
        if u.person_role:
            pool = person_groups + titled
        else:
            # "the government" is a state's: never an international body ("the EU", "the UN"), unless the
            # title names that body itself ("the EU commission")
            pool = [g for g in gather.order if g.unit.kind in ("group", "organisation") and g.unit.country
                    and not g.unit.plural and not g.unit.person_role
                    and (g.unit.country not in PSEUDO_COUNTRIES or u.org is not None)]
        target = _title_target(ctx, gather.order, u, pool)
        definite = u.ts > 0 and toks[u.ts - 1].text.lower() == "the" or _bare_in_headline(ctx, u)
        # "a 34-year-old Dutch man ...": someone with no office, told of for the first time, is not whoever is named
        # after him ("A federal judge blocked ... Judge Ann Lee wrote": an office, told again, is)
        indefinite = toks[u.ts].text.lower() in ("a", "an") or u.ts > 0 and toks[u.ts - 1].text.lower() in ("a", "an")
        nobody = indefinite and set((u.role_cls or "").split(",")) <= {"civilian", ""}
        if target is not None and (u.country is not None or definite) and not nobody:
            if target.unit.country is None and u.country is not None and target.unit.kind == "person":
                # "Prime Minister Sitiveni Lala ... Fiji's prime minister": the title says whose he is
                target.unit.country = u.country
            target.mentions.append((u.ts, u.te, "title"))
            gather.covered.update(range(u.ts, u.te))
        else:
            g = gather.add(u)
            if u.person_role and g not in titled:
                titled.append(g)


def _title_target(ctx: Context, order: list[Group], u: Unit, pool: list[Group]) -> Group | None:
    """The actor of ``pool`` a title refers to: one holding a role of its class (and country, and
    organisation, when the title names them; a person whose country the text did not say may be of any) named
    nearest before it, else the only one after it."""
    classes = set((u.role_cls or "").split(","))
    if u.role:
        classes.add("office:" + u.role.lower())  # "the home secretary": the home secretary the lexicon knows
    toks = ctx.toks
    own = {toks[i].text.lower() for i in range(max(0, u.ts - 2), u.te)}
    own |= {"former", "ex"} if own & {"former", "ex"} else set()  # "the ex-minister" is "former minister X"
    known = _office_classes(ctx, pool) if u.person_role else {}
    cands = [g for g in pool if (g.unit.role_cls or known.get(id(g)))
             and classes & set((g.unit.role_cls or known.get(id(g)) or "").split(","))
             and (u.country is None or g.unit.country == u.country or (g.unit.country is None and g.unit.kind == "person"))
             and (u.org is None or g.unit.org == u.org)
             # "the prime minister" is not the "Deputy Prime Minister Alan Greaves", nor "the chancellor" the
             # "shadow chancellor": a rank the title does not carry is another office
             and not (_ranks(ctx, g) - own)]
    partners = _conjoined_with(ctx, u)
    cands = [g for g in cands if not any(s <= k < e for s, e, _ in g.mentions for k in partners)]
    if u.country is not None and any(g.unit.country == u.country for g in cands):
        # "the Iranian minister": the minister the text called Iranian, not the nearer one whose country it did not say
        cands = [g for g in cands if g.unit.country == u.country]
    before = [g for g in cands if g.mentions and min(m[0] for m in g.mentions) < u.ts]
    after = [g for g in cands if g.mentions and min(m[0] for m in g.mentions) > u.ts] if u.person_role else []
    target = None
    if before:
        target = max(before, key=lambda g: max(m[0] for m in g.mentions if m[0] < u.ts))
    elif len(after) == 1:
        target = after[0]
    quals = _qualifiers(ctx, u)
    if quals and not u.person_role:
        # "the paramilitary force": the actor named with that word before ("the paramilitary Rapid
        # Support Forces"), not merely the latest force ("Sudan's army"); none such: no guess
        marked = [g for g in order if g.unit.kind in ("group", "organisation")
                  and any(m[0] < u.ts and _carries(ctx, m, quals) for m in g.mentions)
                  and (g.unit.sector is None or u.sector is None or g.unit.sector == u.sector)]
        target = max(marked, key=lambda g: max(m[0] for m in g.mentions if m[0] < u.ts)) if marked else None
    return target


def _bare_in_headline(ctx: Context, u: Unit) -> bool:
    """Is the title a bare one in the headline ("governor condemns raid"), which writes no article: as definite as
    "the governor"?"""
    title = ctx.article.headline_span()
    toks = ctx.toks
    if title is None or not title[0] <= toks[u.ts].start < title[1]:
        return False
    return u.ts == 0 or toks[u.ts - 1].pos not in ("DET", "NUM") and toks[u.ts - 1].text.lower() not in ("a", "an")


def _conjoined_with(ctx: Context, u: Unit) -> set[int]:
    """The tokens joined by "and" to the title's head ("Foreign Minister X and Arvania's top diplomat"): a title
    told beside a person is another person."""
    toks = ctx.toks
    head = next((i for i in range(u.ts, u.te) if not u.ts <= toks[i].head < u.te or toks[i].head == i), u.te - 1)
    out = {k for k in ctx.children[head] if toks[k].dep == "conj"}
    if toks[head].dep == "conj":
        out.add(toks[head].head)
    return out


def _office_classes(ctx: Context, pool: list[Group]) -> dict[int, str]:
    """The title classes of the people the text names with no title but the lexicon knows in office ("Tony Blair ...
    the prime minister": the prime minister is Blair; "Jack Straw ... the foreign secretary"), by group id; none of a
    class two such people share.  An article with no date has every office of the lexicon's people in office, but
    for the years it names within its era (the years in which the most of the people it names held their offices:
    "Tony Blair", "Charles Clarke" and "Gordon Brown" named together: a chancellor, not a prime minister), or else
    its era, or else the years it names."""
    found: dict[int, set[str]] = {}
    offices = {id(g): _offices(ctx, g) for g in pool if g.unit.kind == "person" and not g.unit.role_cls}
    date = ctx.article.reference_date.date
    years = _named_years(ctx) if date is None else set()
    era = ctx.era() if date is None else frozenset()
    if era and years:
        # a year named outside the era is not of the news (a forecast "by 2030"): the era alone decides then
        years = {y for y in years if any(d.startswith(str(y)) for d in era)}
    era = era if not years else frozenset()
    for g in pool:
        held = [e for e in offices.get(id(g), ()) if e.valid_on(date) and (not years or any(_in_office(e, y) for y in years))
                and (not era or any(e.valid_on(d) for d in era))]
        found[id(g)] = {c for e in held if (cls := _office_class(ctx, e)) for c in cls.split(",")}
    counts = Counter(c for classes in found.values() for c in classes)
    return {k: ",".join(sorted(c for c in classes if counts[c] == 1)) for k, classes in found.items()
            if any(counts[c] == 1 for c in classes)}


def _offices(ctx: Context, g: Group) -> list[Entry]:
    """The offices the lexicons know the person of ``g`` to have held (every entry under the name of the one it was
    coded by)."""
    e = g.unit.entry
    if e is None or e.source not in OFFICE_SOURCES:
        return []
    return [x for x in ctx.lex.lookup(e.name) if x.source in OFFICE_SOURCES and x.role and x.country == e.country]


def _office_class(ctx: Context, e: Entry) -> str | None:
    """The title class an office answers to: its role's ("Prime Minister": premier, ...); for a minister's office,
    the office itself ("office:home secretary"): "the home secretary" is not whichever minister was named last."""
    role = ctx.lex.role(e.role or "")
    if e.source == "ministers" and (role is None or role.cls == "minister"):
        return "office:" + (e.role or "").lower()
    return role.cls if role is not None else None


def _named_years(ctx: Context) -> set[int]:
    """The years an article with no date names ("in June 2004", "since 1997"): its news is of about then."""
    return {int(t.text) for t in ctx.toks if t.ent_type == "DATE" and t.tag == "CD" and len(t.text) == 4
            and t.text.isdigit() and 1900 <= int(t.text) < 2100}


def _in_office(e: Entry, year: int) -> bool:
    """Did the leader hold the office in some part of ``year`` (the lexicon's dates, ``1997-05-02``)?"""
    return (not e.valid_from or int(e.valid_from[:4]) <= year) and (not e.valid_to or int(e.valid_to[:4]) >= year)


#: words that make a title another office: "Deputy Prime Minister", "shadow chancellor", "former president"
_RANK_WORDS = frozenset({"deputy", "vice", "assistant", "junior", "shadow", "former", "ex", "acting", "under"})


def _ranks(ctx: Context, g: Group) -> set[str]:
    """The rank words in the person's titled mentions ("Deputy Prime Minister Alan Greaves": deputy)."""
    toks = ctx.toks
    if g.unit.kind != "person":
        return set()
    return {toks[i].text.lower() for s, e, k in g.mentions if k != "pronoun" for i in range(s, e)} & _RANK_WORDS


def _beside_governments(order: list[Group]) -> list[Group]:
    """The groups left when a bare country joins its government actor ("Afghanistan" beside "the
    Afghan government")."""
    govs = {g.unit.country: g for g in order if g.unit.kind == "group" and g.unit.sector == "GOV"
            and "state" in (g.unit.role_cls or "").split(",") and g.unit.country}
    final: list[Group] = []
    for g in order:
        if g.unit.kind in ("country", "code") and g.unit.country in govs:
            govs[g.unit.country].mentions.extend(g.mentions)
            continue
        final.append(g)
    return final


def _actors(ctx: Context, groups: list[Group]) -> tuple[Actor, ...]:
    """One ``Actor`` per group with mentions, numbered in order of first mention."""
    toks = ctx.toks
    actors = []
    for g in groups:
        if not g.mentions:
            continue
        if g.unit.kind != "person":
            g.mentions = _with_article(ctx, g.mentions)
        ms = sorted(set(g.mentions))
        mentions = tuple(
            Mention(toks[s].start, toks[e - 1].end, ctx.article.text[toks[s].start : toks[e - 1].end], k, toks[s].sent)
            for s, e, k in ms
        )
        u = g.unit
        actors.append((mentions[0].start, Actor(
            id="",
            name=_name(ctx, g),
            country=u.country,
            org=u.org,
            sector=u.sector,
            role=u.role,
            kind=ACTOR_KINDS.get(u.kind, u.kind),
            mentions=mentions,
            rule=u.rule or None,
        )))
    actors.sort(key=lambda x: x[0])
    return tuple(replace(a, id=f"a{n}") for n, (_, a) in enumerate(actors, 1))


def _with_article(ctx: Context, mentions: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"the UN", "the Taliban": the article belongs to the mention of a short name (as annotators
    mark it; only short names need it to be recognised: "the UN", "the EU", "the SDF")."""
    toks = ctx.toks
    return [(s - 1, e, k) if k in ("name", "acronym") and s > 0 and toks[s - 1].text.lower() == "the"
            and toks[e - 1].end - toks[s].start <= 4
            and toks[s - 1].sent == toks[s].sent
            and toks[e - 1].dep not in ("amod", "compound", "poss", "nmod")
            else (s, e, k) for s, e, k in mentions]


def _name(ctx: Context, g: Group) -> str:
    """The actor's name: a person's longest name (or the dictionary's), an entry's canonical name, a
    demonym group's own words ("Bosnian Serbs"), a capital's government."""
    toks = ctx.toks
    u = g.unit
    name = max(g.names, key=len) if u.kind == "person" and g.names else u.name
    if u.kind == "person" and u.entry is not None and len(u.entry.name) >= len(name):
        name = u.entry.name
    if u.entry is not None and u.kind in ("country", "code", "organisation", "group", "actor", "government"):
        name = u.entry.name
    if u.entry is not None and u.entry.kind == "demonym" and u.kind == "group":
        name = ctx.article.text[toks[u.ts].start:toks[u.te - 1].end]  # "Bosnian Serbs", "Afghans"
    if u.kind == "government" and u.entry is not None and u.entry.kind == "capital":
        name = f"{u.entry.name} (government)"
    return name


#: adjectives that say nothing about which actor a phrase means ("the same ministry", "the new government")
_BLAND = words("bland_adjectives")


def _qualifiers(ctx: Context, u: Unit) -> set[str]:
    """The telling adjectives of a role phrase ("paramilitary" in "the paramilitary force")."""
    toks = ctx.toks
    return {toks[i].text.lower() for i in range(u.ts, u.te - 1)
            if toks[i].pos == "ADJ" and toks[i].dep == "amod" and toks[i].text.lower() not in _BLAND}


def _carries(ctx: Context, mention: tuple[int, int, str], quals: set[str]) -> bool:
    """Does a mention (or the two words before it) hold one of ``quals``?"""
    toks = ctx.toks
    s, e = mention[0], mention[1]
    lo = max(0, s - 2)
    return any(toks[i].text.lower() in quals and toks[i].sent == toks[s].sent for i in range(lo, e))
