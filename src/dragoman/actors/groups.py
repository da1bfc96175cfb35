"""Step 3 of actor resolution: groups — noun phrases headed by a role word are actors without a name
("rebels", "the Afghan government", "Israeli soldiers"); a name in apposition to one takes its coding."""

from __future__ import annotations

import re

from dragoman.actors.body import ARMED_HEADS, code_body
from dragoman.actors.context import (
    RANKS,
    Context,
    Unit,
    _left_edge,
    _right_edge,
    _root,
    _strip_det,
    known_as_end,
    post_owner,
)
from dragoman.actors.lexicon import Role
from dragoman.actors.names import portfolio_end
from dragoman.actors.titles import Coding, _trim, apply, code_phrase, of_a_thing
from dragoman.actors.vocabulary import words

#: initials standing for a name ("TVF", "M23")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,7}")
#: groups of people whose country may come from where they act
PEOPLE_SECTORS = frozenset({"CVL", "REF", "OPP", "LAB", "EDU", "REB"})


def place_of_action(ctx: Context, head: int) -> Unit | None:
    """The country-coded place where the clause of ``head`` happens: "thousands of people protested in Hong Kong"."""
    toks = ctx.toks
    h, steps = head, 0
    path = []  # the nouns between: "the killing of civilians in Ukraine" says where on "killing"
    while toks[h].pos not in ("VERB", "AUX") and toks[h].head != h and steps < 4:
        h, steps = toks[h].head, steps + 1
        if toks[h].pos == "NOUN":
            path.append(h)
    if toks[h].pos not in ("VERB", "AUX"):
        return None
    for n in (*path, h):
        for k in ctx.children[n]:
            if toks[k].dep == "prep" and toks[k].text.lower() in ("in", "at", "across", "throughout", "inside"):
                for i in range(k + 1, min(_right_edge(ctx, k), k + 10) + 1):
                    u = ctx.unit_of.get(i)
                    if u is not None and u.country and u.kind in ("country", "code", "capital", "city", "region"):
                        return u
    return None


def groups(ctx: Context, units: list[Unit]) -> list[Unit]:
    """Actors named by a role-word noun phrase: "rebels", "the Afghan government", "Israeli soldiers"."""
    out: list[Unit] = []
    done: set[int] = set()
    for rs, (re_, role) in sorted(ctx.role_at.items()):
        out.extend(_role_phrase(ctx, rs, re_, role, done))
    out.extend(_possessive_titles(ctx, out))
    for g in out:
        for i in range(g.ts, g.te):
            ctx.unit_of.setdefault(i, g)
    return out


def _role_phrase(ctx: Context, rs: int, re_: int, role: Role, done: set[int]) -> list[Unit]:
    """The group (or one group per country: "Hungarian and Romanian officials") named by the noun phrase
    of the role word at tokens ``rs:re_``; none when the phrase names no one or is a name itself."""
    toks = ctx.toks
    root = _root(ctx, rs, re_)
    t = toks[root]
    if root in done or role.kind == "modifier" or root in ctx.title_toks or ctx.in_chrome(t.start, t.end):
        return []
    if t.pos not in ("NOUN", "PROPN"):
        return []
    ts = _phrase_start(ctx, root, role)
    if ts is None or _not_an_actor(ctx, root, ts):
        return []
    te = root + 1
    done.add(root)
    ts = _named_start(ctx, root, role, ts, te)
    if ts is None:
        return []
    ext, c = _group_coding(ctx, root, role, ts, te)
    if ext > te and ext - 1 in ctx.role_of and _group_of_end(ctx, root, te) == ext:
        done.add(ext - 1)  # "the leader of a gang": the gang is named only as his
    # "gunmen from a militia calling itself ...": the militia is the name's, which the gunmen are of
    done.update(x for x in range(te, ext) if known_as_end(toks, x) > x)
    role = ctx.role_of[root][2]
    nations = list({u.country: u for u in c.units
                    if u.country and u.kind in ("country", "code", "demonym")}.values())
    if len(nations) > 1 and any(toks[i].dep == "conj" or toks[i].text.lower() == "and" for i in range(ts, root)):
        return _conjunct_groups(ctx, root, role, c, nations)
    owners = _owner_conjuncts(ctx, root, te)
    if len(owners) > 1 and role.kind in ("person", "group"):
        # "the foreign ministers of Kenya and Ethiopia": one group per country
        return _conjunct_groups(ctx, root, role, c, owners)
    if ext == te and role.kind == "person":
        ext = _portfolio_tail(ctx, te)  # "Ostria's Minister of Mines, Pavel ...": the portfolio is the title's
    g = Unit(ts, te if ext == te else ext, "group", ctx.text(ts, te if ext == te else ext), rule="group",
             plural=role.kind == "group" or toks[root].tag in ("NNS", "NNPS"))
    g.role = ctx.text(ctx.role_of[root][0], ctx.role_of[root][1])
    apply(g, c, "group-modifier")
    if g.country is None and (named := _the_country_named(ctx, root)) is not None:
        g.country, g.rule = named.country, g.rule + "+the-country"
    if g.sector is None and not (not role.strong and of_a_thing(ctx, ctx.role_of[root][1])):
        g.sector = role.agent_sector  # (not "the director of the film": the film's, no government's)
        if role.pseudo_country and g.country is None:
            g.country = role.pseudo_country
        elif role.pseudo_country == "NGO":
            g.sector = "NGO"  # "French charities": a country's NGOs (CAMEO FRANGO)
    g.role_cls = ",".join(dict.fromkeys([role.cls] + list(c.classes)))
    g.person_role = role.kind == "person"
    g.owned = g.person_role and ext > te and _named_owner_end(ctx, root, te) == ext
    g.head = root
    return [g]


def _portfolio_tail(ctx: Context, te: int) -> int:
    """Where a person's title ending at ``te`` ends with its portfolio, written out after "of" or "for" and set off by
    a comma before the holder's name ("Minister [of Mines], Pavel ...": the title's portfolio, ``vocabulary.portfolio``;
    the words as ``names.portfolio_end`` reads them), or followed by no name at all ("met Velna's Minister [of
    Defence] on Monday"); ``te`` when none follows."""
    j = portfolio_end(ctx.toks, te, {})
    if j is not None:
        return j if ctx.toks[j].text == "," else te
    # "met Velna's Minister of Defence on Monday": a capitalised portfolio with no name after it is the title's too
    j = portfolio_end(ctx.toks, te, {}, named=False)
    return j if j is not None and not (ctx.toks[j].tag == "NNP" and ctx.toks[j].text[:1].isupper()) else te


def _the_country_named(ctx: Context, root: int) -> Unit | None:
    """"..., inside Malaysia's waters, the country's navy chief said": the country "the country's" (or "the
    nation's") refers to, the last one named before it in its sentence or the one before."""
    toks = ctx.toks
    poss = [k for k in ctx.children[root] if toks[k].dep == "poss" and toks[k].lemma.lower() in ("country", "nation")
            and toks[k].tag != "NNS"  # "the two countries' ministers": not one country's
            and any(toks[d].lemma.lower() == "the" for d in ctx.children[k] if toks[d].dep == "det")]
    if not poss:
        return None
    sent = toks[poss[0]].sent
    for i in range(poss[0] - 1, -1, -1):
        if toks[i].sent < sent - 1:
            break
        u = ctx.unit_of.get(i)
        if u is not None and u.country and u.kind in ("country", "code") and not ctx.in_chrome(toks[i].start, toks[i].end):
            return u
    return None


def _phrase_start(ctx: Context, root: int, role: Role) -> int | None:
    """The first token of the role word's noun phrase (not the dateline); ``None`` when the role word only
    modifies another head ("police chief"), unless the phrase up to it names a country ("Israeli army
    bulldozers")."""
    toks = ctx.toks
    t = toks[root]
    ts = _left_edge(ctx, root)
    while ts < root and (ctx.in_chrome(toks[ts].start, toks[ts].end) or toks[ts].pos == "PUNCT"
                         or toks[ts].ent_type == "DATE" and toks[ts].tag == "CD"):
        ts += 1  # the dateline is not part of the phrase ("CARACAS - Venezuelan agents"), nor a year the parser
        # hung on it ("In 2019 rebels killed ...")
    if _force_post(ctx, root) and ts == root:
        return root  # "attacked a police post": the post is the police's, an actor the event may take
    if t.dep in ("compound", "amod", "nmod") and t.head > root and toks[t.head].sent == t.sent:
        if t.head in ctx.role_of or t.head in ctx.title_toks or t.head in ctx.unit_of or not role.strong:
            return None  # "police chief": the head phrase is handled on its own
        if _maker_of_policy(ctx, root) and ts == root:
            return root  # "criticised government plans": the plans are the government's, an actor the event may take
        # "Israeli army bulldozers": the phrase up to the role word is the actor, when it names a country
        ts = min(ts, _left_edge(ctx, t.head))
        if not any((u := ctx.unit_of.get(i)) is not None and u.country for i in range(ts, root)):
            return None
    return ts


#: the bodies a bare modifier of a policy noun names ("government plans", "cabinet proposals")
_RULING_BODIES = frozenset({"government", "cabinet", "administration"})
#: the policy nouns after which such a modifier is the body that made them
_GOVERNMENT_WORKS = words("government_works")


#: the posts and vehicles of a force ("police post", "army convoy")
_FORCE_POSTS = words("force_posts")


def _force_post(ctx: Context, root: int) -> bool:
    """Is the role word at ``root`` a bare force ("police", "army") before a noun of one of its posts or vehicles ("a
    police post", "an army convoy"; not "police posts", more often a habit told)?  The post is the force's: whoever
    attacks it attacks the force."""
    t = ctx.toks[root]
    return t.dep == "compound" and t.head == root + 1 and ctx.role_of[root][2].sector in ("COP", "MIL") \
        and ctx.role_of[root][0] == root and ctx.toks[t.head].text.lower() in _FORCE_POSTS


def _maker_of_policy(ctx: Context, root: int) -> bool:
    """Is the role word at ``root`` a bare "government" or "cabinet" before a noun of what it made ("government
    plans", "cabinet proposals")?"""
    t = ctx.toks[root]
    return t.dep == "compound" and t.head > root and t.lemma.lower() in _RULING_BODIES \
        and ctx.toks[t.head].lemma.lower() in _GOVERNMENT_WORKS


#: nouns of an office held ("the job of interior minister"): the role word after them names the office, not who holds it
OFFICE_NOUNS = frozenset({"post", "position", "office", "job", "role", "title", "portfolio", "seat", "rank", "duties"})


def _not_an_actor(ctx: Context, root: int, ts: int) -> bool:
    """A role phrase that names no actor of its own: "whose party" (the party of the noun the relative
    clause hangs on, found by the event stage), an office ("quit the job of interior minister",
    "stepped down as defence minister" with nobody named), a condition ("a state of emergency")."""
    toks = ctx.toks
    if any(toks[i].text.lower() == "whose" for i in range(ts, root)):
        return True
    if _state_of_things(ctx, root):
        return True
    t = toks[root]
    if t.dep != "pobj" or toks[root].tag in ("NNS", "NNPS"):
        return False
    prep = toks[t.head]
    if prep.text.lower() == "of":
        return toks[prep.head].lemma.lower() in OFFICE_NOUNS
    return prep.text.lower() == "as" and toks[prep.head].pos in ("VERB", "AUX")


def _state_of_things(ctx: Context, root: int) -> bool:
    """Is the role word at ``root`` a "state" of a condition ("a two-week state of emergency", "a state of siege",
    "the state of the economy"): "of" and a common noun that names no actor, not "the state of Israel"?"""
    toks = ctx.toks
    if toks[root].lemma.lower() != "state" or toks[root].tag != "NN":
        return False
    of = next((c for c in ctx.children[root] if toks[c].dep == "prep" and toks[c].text.lower() == "of"), None)
    obj = next((c for c in ctx.children[of] if toks[c].dep == "pobj"), None) if of is not None else None
    return obj is not None and toks[obj].pos == "NOUN" and obj not in ctx.unit_of and obj not in ctx.role_of


#: the determiners with which a singular role noun names an actor ("the government", "this government", "our party")
_NAMING_DETERMINERS = frozenset({"the", "its", "their", "a", "an", "this", "our", "your", "his", "her", "my"})

#: collective nouns that name people in the singular after "the" ("fired on the crowd")
_COLLECTIVES = words("collective_singulars")


#: an acronym's plural, which the tagger takes for a singular noun ("apologised to MPs", "MEPs", "NGOs")
_ACRONYM_PLURAL = re.compile(r"^[A-Z]{2,}s$")


def _named_start(ctx: Context, root: int, role: Role, ts: int, te: int) -> int | None:
    """The phrase's start without determiners; ``None`` when a bare singular noun names no one or the
    phrase is a name itself."""
    toks = ctx.toks
    t = toks[root]
    bare = _strip_det(ctx, ts, te)
    if te - bare == 1 and t.tag in ("NN", "NNP") and not (role.kind == "group" and t.tag == "NNP") \
            and not _ACRONYM_PLURAL.match(t.text) and (
            bare == ts or not (role.strong or role.kind == "person" or _collective(ctx, ts, root))
            or toks[ts].text.lower() not in _NAMING_DETERMINERS) and not _headline_subject(ctx, root, role, ts) \
            and not _maker_of_policy(ctx, root) and not _force_post(ctx, root):
        return None  # a bare singular noun ("not party to the deal", "a state of emergency") names no one;
        # a collective one the tagger took for a name ("LIMA - Police in Peru arrested ...") does
    if _abstract_body(ctx, root, ts, bare):
        return None  # "good government", "big government": a way of governing, no one
    ts = bare
    named = {id(u): u for i in range(ts, te) if (u := ctx.unit_of.get(i)) is not None}
    if any(u.ts <= root < u.te for u in named.values()):
        return None  # the phrase is a name itself (a person before the role only modifies it: "the Assad regime")
    return _strip_det(ctx, ts, te)


#: nouns of a body that, bare and with only words of quality before them, name a way of governing ("big government")
_ABSTRACT_BODIES = words("abstract_bodies")
#: the parts of speech of words of quality and what joins them ("leaner and fairer")
_QUALITY_POS = frozenset({"ADJ", "ADV", "CCONJ", "PUNCT"})


def _abstract_body(ctx: Context, root: int, ts: int, bare: int) -> bool:
    """Is the singular body noun at ``root`` a way of governing, not a body: no determiner before it (``bare`` is
    ``ts``) and only adjectives, adverbs and their conjunctions, no country's or party's word, between ("good
    government", "big government", "leaner and fairer government"; not "the government",
    "Labour government", "Kenyan government")?"""
    toks = ctx.toks
    return toks[root].tag == "NN" and toks[root].lemma.lower() in _ABSTRACT_BODIES and bare == ts < root \
        and all(toks[i].pos in _QUALITY_POS and i not in ctx.unit_of for i in range(ts, root))


def _headline_subject(ctx: Context, root: int, role: Role, ts: int) -> bool:
    """"Minister quits over customs plan", "Judge blocks deportation": a headline drops its articles, and a
    person's title that opens it as its subject names someone ("the minister"; a body's, "Court jails ...", is
    left to the headline's parse)."""
    toks = ctx.toks
    first = ctx.article.sentences[toks[ts].sent].tok_start if toks[ts].sent < len(ctx.article.sentences) else -1
    return ctx.article.in_headline(toks[ts].start) and ts == first == root \
        and toks[root].dep in ("nsubj", "nsubjpass") and role.kind == "person"


def _collective(ctx: Context, ts: int, root: int) -> bool:
    """"the crowd", "the public": a collective noun after "the" names the people it gathers."""
    return ctx.toks[ts].text.lower() == "the" and ctx.toks[root].lemma.lower() in _COLLECTIVES


def _group_coding(ctx: Context, root: int, role: Role, ts: int, te: int) -> tuple[int, Coding]:
    """The coding of the group phrase and where it ends: "the government of Afghanistan", "rebels in the
    Ivory Coast" (a prepositional phrase names the owner), "students protested in Jakarta"."""
    toks = ctx.toks
    t = toks[root]
    ext, post = te, post_owner(ctx, root, te)
    if post is not None and toks[post[1]].text.lower() == "of" and post[0].te - te <= 4:
        ext = post[0].te
        while ext < len(toks) and toks[ext].ent_iob == "I" and toks[ext].ent_type == "ORG" and ext - te <= 8:
            ext += 1  # "officers of the Ghanaian Economic Crimes Police": the body the country's name opens, whole
        if post[0].kind == "demonym" and ext == post[0].te and (hit := ctx.role_at.get(ext)) is not None and hit[0] - te <= 6:
            ext = hit[0]  # "soldiers of the Nigerian army"
    elif post is None and role.kind in ("person", "group"):
        ext = _named_owner_end(ctx, root, te, role.kind == "group") or te
    if ext == te and role.kind == "person" and not role.strong:
        ext = _group_of_end(ctx, root, te) or te
    body = _served_body(ctx, root, te) if ext == te and role.kind == "person" and (
        post is None or toks[post[1]].text.lower() != "of") else None
    if body is not None:
        ext = body.te
    c = code_phrase(ctx, ts, ext, for_person=False)
    if not role.strong and ext > te and c.country is None:
        _members_sector(ctx, root, te, c)
    if any(toks[k].dep == "poss" and toks[k].tag == "NNS" for k in ctx.children[root]):
        return ext, c  # "the two countries' foreign ministers in Amman": of several owners, none of the place
    if c.country is None and post is not None:
        c.country, c.org = post[0].country, post[0].org
    if body is not None:
        # Amnesty's spokesman is Amnesty's, the Taliban's a Taliban
        c.country, c.org, c.sector = c.country or body.country, c.org or body.org, body.sector or c.sector
    if c.country is None and role.kind == "group" and role.agent_sector in PEOPLE_SECTORS and not (
            t.dep == "pobj" and toks[t.head].text.lower() == "with"):
        # people act where they are: "students protested in Jakarta" (but the counterpart of talks or an
        # agreement "signed in Algiers with northern armed groups" need not be from where they were held)
        place = place_of_action(ctx, root)
        if place is not None:
            c.country = place.country
    return ext, c


def _body_after(ctx: Context, root: int, te: int, preps: tuple[str, ...], kinds: tuple[str, ...], reach: int,
                coded: bool = False) -> Unit | None:
    """The organisation (of ``kinds``; ``coded``: with a country or a sector) named within three words of one of
    ``preps`` right after the role word, ending at most ``reach`` tokens after it; ``None`` when there is none."""
    toks = ctx.toks
    for k in ctx.children[root]:
        if k != te or toks[k].dep != "prep" or toks[k].text.lower() not in preps:
            continue
        start = known_as_end(toks, k + 1)  # ("fighters from the group known as ...")
        for i in range(start, min(start + 3, len(toks))):
            u = ctx.unit_of.get(i)
            if u is not None and u.kind in kinds and (not coded or u.country or u.sector) and u.te - te <= reach + start - k - 1:
                return u
    return None


def _group_of_end(ctx: Context, root: int, te: int) -> int | None:
    """"the alleged leader of a gang", "a spokesman for the rebels": where the group a weak title's holder leads
    or speaks for ends, when a role word of a group with a sector of its own heads the phrase after "of" or "for"
    (the holder is that group's, not a government's); ``None`` otherwise."""
    toks = ctx.toks
    for k in ctx.children[root]:
        if k != te or toks[k].dep != "prep" or toks[k].text.lower() not in ("of", "for"):
            continue
        for o in ctx.children[k]:
            hit = ctx.role_of.get(o)
            if toks[o].dep == "pobj" and o - te <= 4 and hit is not None and hit[1] == o + 1 \
                    and hit[2].kind == "group" and hit[2].strong and hit[2].agent_sector:
                return o + 1
    return None


def _members_sector(ctx: Context, root: int, te: int, c: Coding) -> None:
    """"officers of the Serious Fraud Office", "members of the Directorate for Priority Crime Investigation": a
    weak role word's people (or mere "members") are of the sector of the body named after "of" or "from", coded
    from its own name when no lexicon knows it."""
    u = _body_after(ctx, root, te, ("of", "from"), ("organisation",), 9)
    if u is None or u.country is not None:
        return
    if u.entry is None and u.sector is None:
        code_body(ctx, u)
    if u.sector and u.country is None:
        c.sector = u.sector


def _served_body(ctx: Context, root: int, te: int) -> Unit | None:
    """"a spokesman for the Home Office", "an official at Amnesty International": the body an office holder
    speaks for or works at (its officer, coded as it is), when a coded organisation follows "for" or "at"."""
    return _body_after(ctx, root, te, ("for", "at"), ("organisation", "actor", "group"), 7, coded=True)


def _named_owner_end(ctx: Context, root: int, te: int, people: bool = False) -> int | None:
    """"the chairman of the Civil Aviation Authority", "fighters from the Ituri Patriotic Front": where the
    organisation a title or group names as its owner ends (that body's officer or members, not a namesake's); ``people``:
    the role names a group of people (``None`` where the body defines initials, see below)."""
    u = _body_after(ctx, root, te, ("of", "from"), ("organisation", "actor"), 9)
    if people and u is not None and u.rule.startswith("acronym-name") and ctx.toks[root].text.lower() not in ARMED_HEADS:
        # "officers of the Ethics Commission (ECN)": a body the article defines initials for stays an actor beside its
        # people ("fighters of the ... Front (TDF)" are the armed group's, and name it; "the chairman of the ...
        # Authority (CAA)" is its officer)
        return None
    return u.te if u is not None else _named_group_end(ctx, root, te)


def _named_group_end(ctx: Context, root: int, te: int) -> int | None:
    """"gunmen from the Kataib Ahl el-Sahra armed group": where a group the role word's members come from ends, when
    a proper name (two capitalised words at least) names it before its own role word; ``None`` otherwise."""
    toks = ctx.toks
    for k in ctx.children[root]:
        if k != te or toks[k].dep != "prep" or toks[k].text.lower() not in ("of", "from"):
            continue
        for o in ctx.children[k]:
            # the group's role word ends the phrase ("militia", "armed group")
            start = next((rs for rs in range(k + 1, o + 1) if (hit := ctx.role_at.get(rs)) is not None
                          and hit[0] == o + 1 and hit[1].kind == "group"), None)
            if toks[o].dep != "pobj" or start is None or o - te > 8:
                continue
            names = [i for i in range(k + 1, start) if toks[i].text[:1].isupper() and toks[i].pos == "PROPN"]
            if len(names) >= 2 or len(names) == 1 and _ACRONYM.fullmatch(toks[names[0]].text):
                return o + 1  # (or its initials: "fighters of the TVF rebel group")
        end = _name_after_body(ctx, k)
        if end is not None:
            return end
    return None


def _name_after_body(ctx: Context, k: int) -> int | None:
    """"fighters from the armed group Jama'at Nusrat al-Sahel": where the name after the body's role word ends (two
    capitalised words at least, with the particles of a name between), ``None`` when no such name follows it."""
    toks = ctx.toks
    rs = k + 1 + (k + 1 < len(toks) and toks[k + 1].text.lower() == "the")
    if rs >= len(toks):
        return None
    hit = ctx.role_at.get(rs)
    # a capitalised kind word opens the name, its small words too: "the Movement for the Liberation of Tessit"
    opener = toks[rs].text[:1].isupper() and toks[rs].text.lower() in _NAME_OPENERS
    if not opener and (hit is None or hit[1].kind != "group"
                       or hit[1].phrase.split()[-1].lower() not in ("group", "movement", "militia", "faction")):
        return None
    end, names, last = (rs + 1 if opener or hit is None else hit[0]), int(opener), None
    small = _NAME_SMALL_WORDS if toks[rs].text[:1].isupper() else frozenset()
    while end < len(toks) and toks[end].sent == toks[k].sent and (
            toks[end].pos == "PROPN" and toks[end].text[:1].isupper() or toks[end].text in ("-", "al", "el", "ad", "ash", "ul")
            or toks[end].text in small or small and toks[end].text[:1].isupper() and toks[end].pos == "NOUN"):
        names += toks[end].text[:1].isupper()
        last = end if toks[end].text[:1].isupper() else last
        end += 1
    if small and last is not None:
        end = last + 1  # not the small words after its last name word
    return end if names >= 2 else None


#: small words inside a body's name that opens with its kind ("Movement for the Defence of ...", "Front de ...")
_NAME_SMALL_WORDS = words("name_small_words")
#: kind words that open a body's name ("the Movement for the Defence of ...", "the Front for ...")
_NAME_OPENERS = words("name_openers")


def _owner_conjuncts(ctx: Context, root: int, te: int) -> list[Unit]:
    """The countries of "of X and Y" right after a role word ("the leaders of Kenya and Ethiopia"), when more
    than one; else none."""
    toks = ctx.toks
    for k in ctx.children[root]:
        if k != te or toks[k].dep != "prep" or toks[k].text.lower() != "of":
            continue
        objs = [j for j in ctx.children[k] if toks[j].dep == "pobj"]
        # "the ministers of Arvania and the Belmark Republic": the parser may hang the second country on the title
        objs += [j for j in ctx.children[root] if toks[j].dep == "conj" and j > k
                 and all(toks[c].dep in ("det", "compound", "amod") for c in ctx.children[j])]
        stack = list(objs)
        while stack:
            j = stack.pop()
            for c in ctx.children[j]:
                if toks[c].dep == "conj":
                    objs.append(c)
                    stack.append(c)
        units = [ctx.unit_of.get(j) for j in objs]
        if all(u is not None and u.country and u.kind in ("country", "code") for u in units):
            return list({u.country: u for u in units if u is not None}.values())
    return []


def _conjunct_groups(ctx: Context, root: int, role: Role, c: Coding, nations: list[Unit]) -> list[Unit]:
    """"Hungarian and Romanian officials": one actor per country, named by its own word."""
    rtext = ctx.text(ctx.role_of[root][0], ctx.role_of[root][1])
    out = []
    for n in nations:
        g = Unit(n.ts, n.te, "group", ctx.text(n.ts, n.te), n.country, n.org, rule="group+conjunct")
        g.sector = c.sector or role.agent_sector
        g.role, g.role_cls, g.plural = rtext, role.cls, True
        n.used, n.merged_into = True, g
        out.append(g)
    return out


def _possessive_titles(ctx: Context, found: list[Unit]) -> list[Unit]:
    """"Pakistan's envoy" where the parse found no noun phrase (headlines): owner + possessive + role."""
    toks = ctx.toks
    out: list[Unit] = []
    in_group = {i for g in found for i in range(g.ts, g.te)}
    for rs, (re_, role) in ctx.role_at.items():
        if role.kind != "person" or rs in ctx.title_toks or rs in in_group or rs < 2:
            continue
        if re_ < len(toks) and toks[re_].pos == "PROPN" and toks[re_].text[:1].isupper() and re_ in ctx.unit_of:
            continue  # a title before a name
        if not (toks[rs - 1].tag == "POS" or toks[rs - 1].text in ("’s", "'s")):
            continue
        owner = ctx.unit_of.get(rs - 2)
        if owner is None or owner.country is None or owner.kind == "person":
            continue
        c = code_phrase(ctx, owner.ts, re_, for_person=True)
        g = Unit(owner.ts, re_, "group", ctx.text(owner.ts, re_), rule="possessive-title")
        g.role = ctx.text(rs, re_)
        apply(g, c, "possessive")
        g.role_cls = ",".join(c.classes) or role.cls
        g.person_role = True
        out.append(g)
    return out


def appositions(ctx: Context, units: list[Unit], grp: list[Unit]) -> None:
    """A name in apposition to a group phrase takes its coding and the phrase as its role:
    "Pakistan's military media unit, Inter-Services Public Relations (ISPR)"."""
    toks = ctx.toks
    root_of: dict[int, Unit] = {}
    for gu in grp:
        root_of[gu.head if gu.head >= 0 else _root(ctx, gu.ts, gu.te)] = gu
    for u in units:
        if u.kind not in ("person", "organisation", "actor", "unknown") or u.used:
            continue
        r = _root(ctx, u.ts, u.te)
        g: Unit | None = None
        if toks[r].dep == "appos":
            # the appositive may hang off the group's own modifiers: "the commander of the X mission in Y, General Z"
            # or off a title before the name: "the Prime Minister of Australia, the Hon. Daniel Ashcroft MP"
            h, steps = toks[r].head, 0
            while h not in root_of and steps < 4 and toks[h].head != h and (
                    toks[h].dep in ("pobj", "prep", "compound")
                    or (toks[h].dep == "appos" and toks[h].text.lower() in RANKS)):
                h, steps = toks[h].head, steps + 1
            g = root_of.get(h)
        else:
            for k in ctx.children[r]:
                if toks[k].dep == "appos" and k in root_of:
                    g = root_of[k]
                    break
        if g is None or g.used:
            continue
        own = code_phrase(ctx, g.ts, g.te, for_person=False)
        desc = ctx.text(*_trim(ctx, own.owner_end, g.te)) if own.owner_end > g.ts else ctx.text(g.ts, g.te)
        c = Coding(g.country, g.org, g.sector, desc,
                   tuple((g.role_cls or "").split(",")) if g.role_cls else (), own.units)
        apply(u, c, "apposition")
        g.used = True
        g.merged_into = u

