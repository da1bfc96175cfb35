"""Find the actors of an article in its parse and code them (country, org, sector, role).

A precise-first sequence, each step recorded in ``Actor.rule``:

1. **names** — lexicon hits (countries, codes, demonyms, capitals, organisations, the user's
   dictionary) and spaCy's named entities, with spaCy's known mistakes corrected (platforms taken
   for people, a bare surname taken for a place, chrome such as the dateline taken for an
   organisation);
2. **titles** — the words before a person's name ("Pakistan's Army Chief of Staff General") or in
   an appositive after it give the role, the sector (role words) and the country (a possessive,
   an adjective, an organisation);
3. **groups** — noun phrases headed by a role word ("rebels", "the Afghan government", "Israeli
   soldiers") are actors even without a name; a name in apposition to one takes its coding;
4. **standalone names** — a country that is not a mere location, a capital that acts
   ("Washington said"), an organisation;
5. **coreference** (:mod:`dragoman.actors.coref`) — surnames, titles, acronyms, pronouns.

An actor that cannot be coded keeps its name with country and sector ``None``: never a guess.
"""

from __future__ import annotations

from dragoman.actors.body import code_body
from dragoman.actors.context import LOCATIVE, Context, Unit, _root, post_owner
from dragoman.actors.groups import appositions, groups, place_of_action
from dragoman.actors.lexicon import Entry
from dragoman.actors.names import find_names
from dragoman.actors.titles import not_owner, titles
from dragoman.actors.vocabulary import words

__all__ = ["Context", "Unit", "appositions", "find_names", "groups", "resolve_units", "standalone", "titles"]


def resolve_units(ctx: Context) -> list[Unit]:
    """Steps 1-4: the candidate actors of one article, coded, before coreference gathers them."""
    units = find_names(ctx)
    titles(ctx, units)
    grp = groups(ctx, units)
    appositions(ctx, units, grp)
    _counterparts(ctx, units + grp)
    return standalone(ctx, units) + [g for g in grp if not g.used]


def _counterparts(ctx: Context, units: list[Unit]) -> None:
    """"Nigeria's army chief met his Nigerien counterpart, General Kade": a counterpart holds the office of the
    one whose counterpart he is, the person named before it in the sentence with a sector and another country
    (a soldier's counterpart is a soldier); with no such person, a counterpart is a government's."""
    people = sorted((u for u in units if u.kind in ("person", "group") and u.sector), key=lambda u: u.ts)
    for u in people:
        if "counterpart" not in (u.role_cls or "").split(","):
            continue
        sent = ctx.toks[u.ts].sent
        before = [v for v in people if v.te <= u.ts and ctx.toks[v.ts].sent == sent and v.country != u.country
                  and "counterpart" not in (v.role_cls or "").split(",") and (v.kind == "person" or v.person_role)]
        if before:
            u.sector = before[-1].sector
            v = before[-1]
            home = _dateline_country(ctx)
            if v.kind == "person" and v.country is None and u.country and home and home != u.country:
                # "ACCRA - Foreign Minister Kojo Asante and his Togolese counterpart ...": not a Togolese, and the
                # report is filed from his own capital
                v.country = home
                v.rule += "+dateline"


def _dateline_country(ctx: Context) -> str | None:
    """The country of the article's dateline city ("ACCRA, March 11 (...) -"), or ``None``."""
    line = ctx.article.dateline
    if not line:
        return None
    place = line.split(",")[0].strip().title()
    found = {e.country for e in ctx.lex.lookup(place) if e.country and e.kind in ("capital", "city")}
    return found.pop() if len(found) == 1 else None


# ---------------------------------------------------------------------------------------------
# step 4: standalone names
# ---------------------------------------------------------------------------------------------


def _locative(ctx: Context, u: Unit) -> bool:
    toks = ctx.toks
    r = _root(ctx, u.ts, u.te)
    t = toks[r]
    if t.dep == "pobj" and toks[t.head].text.lower() in LOCATIVE:
        return True
    # "in Kabul, Afghanistan": a country in apposition/conjunction to a place
    h = toks[t.head]
    if t.dep in ("appos", "conj", "npadvmod") and h.ent_type in ("GPE", "LOC") and h.dep == "pobj":
        return toks[toks[t.head].head].text.lower() in LOCATIVE
    return False


def _landmark(ctx: Context, h: int) -> bool:
    """Is the noun a capital owns at ``h`` a place in it ("Velna's main square", "Velna's Piața Unirii": the
    head or a word compounded before it)?"""
    toks = ctx.toks
    return any(toks[j].lemma.lower() in LANDMARK_NOUNS or toks[j].text.lower() in LANDMARK_NOUNS
               for j in [h, *(c for c in ctx.children[h] if toks[c].dep == "compound")])


PLACE_NOUNS = words("place_nouns")
#: places inside a city: "Velna's main square" is the city, not its government
LANDMARK_NOUNS = words("landmark_nouns")
#: "NATO-member Norway", "U.S.-led forces", "Iran-backed militias": the name qualifies someone else
HYPHEN_QUALIFIERS = words("hyphen_qualifiers")
#: of those, the ones after a person's name that make the person no one acting ("a Ferlund-style tax cut",
#: "Obrano-era reforms"); "a Ferlund-backed candidate" keeps its backer
PERSON_MODIFIER_QUALIFIERS = words("person_modifier_qualifiers")
#: verbs whose object is the place acted on ("shelled Kyiv": the city; "thanked Tokyo": its government)
PLACE_OBJECT_LEMMAS = words("place_object_lemmas")
#: nouns a demonym before which names a language, not its country ("its French initials", "the Arabic name")
LANGUAGE_NOUNS = words("language_nouns")


def _seat(ctx: Context, u: Unit) -> Entry | None:
    """The organisation a capital acting as an actor stands for: one seated there that the article
    names (and no other seated there), where the article names the host country by no other word."""
    seated = ctx.lex.seats.get(ctx.text(u.ts, u.te).lower())
    if not seated:
        return None
    named_orgs: set[str] = set()
    for _, e in ctx.hit_entries():
        if e.country == u.country and e.kind in ("country", "code", "demonym"):
            return None  # "Belgium", "Belgian": the capital may well be its government
        if e.kind == "organisation" and e.org:
            named_orgs.add(e.org)
    found = [e for e in seated if e.org in named_orgs]
    return found[0] if len(found) == 1 else None


def _hyphen_qualifier(ctx: Context, u: Unit) -> bool:
    toks = ctx.toks
    if u.te + 1 >= len(toks) or toks[u.te].text != "-":
        return False
    word = toks[u.te + 1].text.lower()
    return word in PERSON_MODIFIER_QUALIFIERS or (u.kind != "person" and word in HYPHEN_QUALIFIERS)


def _conjunct_group(ctx: Context, u: Unit, r: int) -> bool:
    """A demonym joined by "and" to one inside a group phrase takes that group's role and sector."""
    toks = ctx.toks
    partners = [k for k in ctx.children[r] if toks[k].dep == "conj"]
    if toks[r].dep == "conj":
        partners.append(toks[r].head)
    for k in partners:
        g = ctx.unit_of.get(k)
        if g is None or g.kind != "group" or g is u or not g.role:
            # the partner demonym may be a modifier inside the group phrase
            g = next((x for x in ctx.unit_of.values() if x.kind == "group" and x.ts <= k < x.te and x.role), None)
        if g is not None:
            u.kind, u.sector, u.role, u.plural = "group", g.sector, g.role, g.plural
            u.name = ctx.text(u.ts, u.te)
            u.rule += "+conjunct"
            return True
    return False


def standalone(ctx: Context, units: list[Unit]) -> list[Unit]:
    """Names left over after titles and groups: which of them are actors."""
    keep: list[Unit] = []
    for u in units:
        if u.used or _hyphen_qualifier(ctx, u):
            continue
        if _stands(ctx, u, _root(ctx, u.ts, u.te)):
            keep.append(u)
    return keep


def _stands(ctx: Context, u: Unit, r: int) -> bool:
    """Codes a leftover name (root token ``r``) by its kind and its place in the sentence; ``False``
    when it is no actor."""
    toks = ctx.toks
    dep = toks[r].dep
    if u.kind in ("country", "code"):
        if _locative(ctx, u):
            u.rule += "+locative"  # a place here, but the place is often the target ("clashes in Lebanon")
        u.rule = u.rule or "country"
    elif u.kind in ("city", "region"):
        if dep == "compound" and toks[r].head > r and toks[toks[r].head].lemma.lower() not in PLACE_NOUNS:
            return False  # "the Mosul dam": a modifier of a thing (but "the Darfur region" is the place)
        u.kind, u.sector = "place", "CVL"  # a city or region: its people ("shelled Aleppo", "curfew in Juba")
        u.name = ctx.text(u.ts, u.te)
        u.rule += "+locative" if _locative(ctx, u) else "+place"
    elif u.kind == "capital":
        _capital(ctx, u, r)
    elif u.kind == "demonym":
        _demonym(ctx, u, r)
        if u.kind == "language":
            return False
    elif u.kind == "place":
        return False
    elif u.kind == "nationality":
        if dep in ("amod", "compound", "nmod") or toks[r].pos == "ADJ":
            return False
        u.kind = "group"
    elif u.kind in ("organisation", "group", "actor") and u.entry is None and u.country is None:
        code_body(ctx, u)  # an unknown organisation: its own words may code it ("Iraqi Interior Ministry")
    return True


def _capital(ctx: Context, u: Unit, r: int) -> None:
    """A capital: a modifier of a thing ("the Doha agreement"), a place or an object (its people), the
    organisation seated there ("Brussels said"), else its government ("Washington said")."""
    toks = ctx.toks
    dep = toks[r].dep
    if dep == "compound" and toks[r].head > r:
        u.kind = "country"
        u.rule += "+modifier"  # "the Doha agreement", "Kabul airport"
    elif _locative(ctx, u) or dep == "poss" and _landmark(ctx, toks[r].head) or dep not in (
            "nsubj", "nsubjpass", "poss") and not (
            dep == "pobj" and toks[toks[r].head].text.lower() in ("by", "with", "from")) and not (
            dep == "dobj" and toks[toks[r].head].pos == "VERB"
            and toks[toks[r].head].lemma.lower() not in PLACE_OBJECT_LEMMAS):
        # a city as a place or an object: its people ("curfew in Algiers", "blockade Paris")
        u.kind = "place"
        u.sector = "CVL"
        u.name = ctx.text(u.ts, u.te)
        u.rule += "+locative" if _locative(ctx, u) else "+object"
    elif (seat := _seat(ctx, u)) is not None:
        # "Brussels said" in a story about the EU that does not name Belgium: the EU
        u.kind, u.entry, u.name = "organisation", seat, seat.name
        u.country, u.org, u.sector = seat.country, seat.org, seat.sector
        u.rule += "+seat"
    else:
        u.sector = "GOV"  # "Washington said", "talks with Moscow", "Kabul's decision", "thanked Tokyo"
        u.kind = "government"
        u.rule += "+metonymy"


def _demonym(ctx: Context, u: Unit, r: int) -> None:
    """A demonym: a people ("Afghans", "Bosnian Serbs"), a group it is joined to, or its country acting
    through a thing ("Israeli air raids"); not the country of "ethnic Albanians" or "pro-Iranian"."""
    toks = ctx.toks
    dep = toks[r].dep
    if not_owner(ctx, u):
        u.country = None  # "ethnic Albanians" live anywhere; "pro-Iranian" is not Iran
        u.rule += "+not-owner"
        post = post_owner(ctx, r, r + 1)  # "ethnic Albanians in Serbia"
        place = post[0] if post is not None and post[0].kind != "demonym" else place_of_action(ctx, r)
        if place is not None:
            u.country = place.country
            u.rule += "+place"
    if u.plural or toks[r].tag in ("NNS", "NNPS"):
        u.sector = u.sector or "CVL"
        u.kind = "group"
        post = post_owner(ctx, r, r + 1)  # "the Albanians of southern Serbia": where they live
        if post is not None and post[0].kind in ("country", "code", "region") and post[0].country != u.country:
            u.country = post[0].country
            u.rule += "+residence"
    elif dep in ("amod", "compound") and toks[r].head == u.te and toks[u.te].tag in ("NNS", "NNPS") and (
            toks[u.te].ent_type == "NORP" or (ctx.unit_of.get(u.te) is not None
                                              and ctx.unit_of[u.te].kind in ("demonym", "nationality"))):
        # "Bosnian Serbs", "Iraqi Kurds": a people of that country
        head = ctx.unit_of.get(u.te)
        if head is not None:
            head.used = True
        u.te += 1
        u.kind, u.sector, u.plural = "group", "CVL", True
        u.name = ctx.text(u.ts, u.te)
        u.rule += "+people"
    elif _conjunct_group(ctx, u, r):
        pass  # "Sierra Leonean and Liberian refugees": the role of the group it is joined to
    elif dep in ("amod", "compound", "nmod") and toks[r].head != r and toks[toks[r].head].lemma.lower() in LANGUAGE_NOUNS:
        u.country, u.kind = None, "language"  # "its French initials", "the Arabic name": a language, no actor
        u.rule += "+language"
    elif dep in ("amod", "compound", "nmod") or toks[r].pos == "ADJ":
        # "an Indian proposal", "Israeli air raids": the country acts through the thing
        u.kind = "country"
        u.rule += "+modifier"
