"""Step 2 of actor resolution: titles — the words before a person's name ("Pakistan's Army Chief of
Staff General") or in an appositive after it give the role, the sector and the country."""

from __future__ import annotations

from dataclasses import dataclass

from dragoman.actors.context import (
    CONNECTORS,
    DETERMINERS,
    NOT_OWNER,
    RANKS,
    SKIP_ENT,
    Context,
    Unit,
    _root,
    head_position,
    post_owner,
)
from dragoman.actors.lexicon import NON_STATE_SECTORS, Role
from dragoman.actors.vocabulary import words

#: the words of a portfolio written out after a minister's title ("Minister of Industry and Trade")
PORTFOLIO_WORDS = words("portfolio_words")

# ---------------------------------------------------------------------------------------------
# step 2: titles — the words around a name that say who the person is
# ---------------------------------------------------------------------------------------------

_TITLE_UNIT_KINDS = frozenset({"country", "code", "demonym", "organisation", "capital", "city", "region", "nationality",
                               "group", "actor"})


def _title_ok(ctx: Context, i: int) -> bool:
    t = ctx.toks[i]
    if ctx.in_chrome(t.start, t.end):
        return False
    if i in ctx.role_of:
        # a lowercase collective ("troops", "officials") ends a title: "offered troops to Lebanon's President"
        return not (ctx.role_of[i][2].kind == "group" and t.text.islower() and t.tag in ("NNS", "NNPS"))
    u = ctx.unit_of.get(i)
    if u is not None:
        return u.kind in _TITLE_UNIT_KINDS
    if t.tag == "POS" or t.text in ("’s", "'s"):
        return True
    low = t.text.lower()
    if low in CONNECTORS and low != "and":
        return True
    if low in ("and", "&") and 0 < i < len(ctx.toks) - 1 and all(
            ctx.toks[j].text[:1].isupper() and ctx.toks[j].text.lower() in PORTFOLIO_WORDS for j in (i - 1, i + 1)):
        return True  # a portfolio written out: "Minister of Industry and Trade Tran Quoc Hung"
    if t.tag in ("VBG", "VBN") and t.text.islower() and t.dep in ("amod", "compound"):
        return True  # "visiting", "outgoing", "ousted"
    if t.ent_type in SKIP_ENT or t.pos in ("VERB", "AUX", "PRON", "PUNCT", "NUM", "ADV", "ADP", "CCONJ", "SCONJ"):
        return t.text == "-"
    if t.text[:1].isupper() and t.pos in ("PROPN", "NOUN", "ADJ"):
        return True
    if t.pos == "ADJ":
        return True  # "senior", "top"
    return t.pos == "NOUN" and t.dep in ("compound", "amod")


def _trim(ctx: Context, ts: int, te: int) -> tuple[int, int]:
    """Trim connectors and determiners at both ends of a phrase."""
    toks = ctx.toks
    while ts < te and (toks[ts].text.lower() in CONNECTORS or toks[ts].text.lower() in DETERMINERS
                       or toks[ts].tag == "POS"):
        ts += 1
    while te > ts and (toks[te - 1].text.lower() in CONNECTORS or toks[te - 1].text.lower() in DETERMINERS):
        te -= 1
    return ts, te


def left_title(ctx: Context, u: Unit) -> tuple[int, int] | None:
    """The title phrase right before a name (token range), or None."""
    sent = ctx.toks[u.ts].sent
    toks = ctx.toks
    i = u.ts - 1
    while i >= 0 and toks[i].sent == sent:
        if toks[i].text == ")" and i >= 3 and toks[i - 2].text == "(" and toks[i - 1].text.isupper() \
                and toks[i - 3].text[:1].isupper():
            i -= 3  # "Armed Forces of the Philippines (AFP) Chief of Staff Gen. Ramon Villareal": the body's acronym
            continue
        if not _title_ok(ctx, i):
            break
        i -= 1
    ts, te = _trim(ctx, i + 1, u.ts)
    if (te <= ts or te != u.ts and ctx.toks[te].text.lower() not in ("’s", "'s")) and te != u.ts:
        return None
    if not any(j in ctx.role_of for j in range(ts, te)):
        # no role word, but a possessive owner: "Jordan's visiting King Abdullah II", "Iran's Khamenei"
        owner = ctx.unit_of.get(ts)
        if owner is None or not owner.country or owner.te >= te or ctx.toks[owner.te].tag != "POS":
            return None
    return ts, te


def right_title(ctx: Context, u: Unit) -> tuple[int, int] | None:
    """An appositive title after a name: "Ruth Okonjo, the UN special envoy for ..." (token range)."""
    toks = ctx.toks
    if u.te >= len(toks) or toks[u.te].text != "," or toks[u.te].sent != toks[u.ts].sent:
        return None
    sent = toks[u.ts].sent
    i = u.te + 1
    if i < len(toks) and toks[i].tag in ("IN", "TO"):
        return None  # "welcomed X, to Port Moresby for an official visit": the clause goes on, no title
    while i < len(toks) and toks[i].sent == sent and (_title_ok(ctx, i) or toks[i].text.lower() in DETERMINERS):
        i += 1
    ts, te = _trim(ctx, u.te + 1, i)
    # the phrase ends at its last role word or name
    while te > ts and te - 1 not in ctx.role_of and (te - 1) not in ctx.unit_of and not toks[te - 1].text[:1].isupper():
        te -= 1
    ts, te = _trim(ctx, ts, te)
    if te <= ts or not any(j in ctx.role_of for j in range(ts, te)):
        return None
    return ts, te


#: words before a country word that deny it is the owner: "pro-Iranian", "anti-Syria", "ethnic Albanians"
NOT_OWNER_PREFIX = frozenset({"pro", "anti", "ethnic", "non"})


def not_owner(ctx: Context, u: Unit) -> bool:
    """The country word is there, but it does not say whose the actor is ("pro-Iranian", "ethnic Albanian")."""
    toks = ctx.toks
    i = u.ts - 1
    if i >= 0 and toks[i].text == "-":
        i -= 1
    if i >= 0 and toks[i].text.lower() in NOT_OWNER_PREFIX:
        return True
    t = toks[u.ts].text.lower()
    return t.startswith(("pro-", "anti-"))


@dataclass
class Coding:
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    role: str | None = None
    classes: tuple[str, ...] = ()
    units: tuple[Unit, ...] = ()
    owner_end: int = -1  # token after the owner modifier at the start of the phrase


def _by_head(toks, ts: int, te: int, found: list[tuple[int, int, Role]]) -> Role | None:
    """Of the role words ``found`` in a title (start, end, role), the one the title's head word is in when they name
    different sectors, else the first; ``None`` when there is none."""
    if not found:
        return None
    if len({r.agent_sector for _, _, r in found}) > 1:
        head = ts + head_position([toks[i].text for i in range(ts, te)])
        return next((r for a, b, r in found if a <= head < b), found[0][2])
    return found[0][2]


def code_phrase(ctx: Context, ts: int, te: int, for_person: bool = True, body: bool = False) -> Coding:
    """Country, org, sector and role text from the words of a title or a group noun phrase; for a ``body``'s name,
    a criminal's word that is not the name's head says what the body fights, not what it is ("the Federal
    Criminal Police Office", "the Anti-Gang Unit", "the Criminal Court of Appeal"; but "the Tijuana Cartel")."""
    toks = ctx.toks
    owner: Unit | None = None
    owner_rank = 9
    units: list[Unit] = []
    seen: set[int] = set()
    for i in range(ts, te):
        u = ctx.inner.get(i) or ctx.unit_of.get(i)
        if u is None or id(u) in seen or not (u.kind in _TITLE_UNIT_KINDS or u.kind == "person" and not for_person):
            continue
        seen.add(id(u))
        if u.kind != "person":
            units.append(u)
        if u.country is None or not_owner(ctx, u):
            continue
        if body and u.kind == "organisation" and u.ts == ts and u.te < te and toks[u.te].text.lower() in ("of", "for"):
            continue  # "the Democratic Party of Farmers": a known name opening another's is not its owner
        prev = toks[u.ts - 1].text.lower() if u.ts - 1 >= ts else None
        poss = u.te < len(toks) and (toks[u.te].tag == "POS" or toks[u.te].text in ("’s", "'s"))
        blocked = NOT_OWNER if for_person else NOT_OWNER - {"in", "from"}
        rank = 1 if poss else (2 if prev is None or prev not in blocked else 9)
        if rank < owner_rank:
            owner, owner_rank = u, rank
    roles: list[tuple[int, int, Role]] = []
    i = ts
    while i < te:
        if i in ctx.role_at:
            end, role = ctx.role_at[i]
            if end <= te:
                roles.append((i, end, role))
                i = end
                continue
        i += 1
    if body:
        head = ts + head_position([ctx.toks[i].text for i in range(ts, te)])
        roles = [x for x in roles if x[2].agent_sector != "CRM" or x[0] <= head < x[1]]
    c = Coding(units=tuple(units))
    if owner is not None:
        c.country, c.org = owner.country, owner.org
    # the title's head word decides between role words of different sectors: "the overseas workers minister" is a
    # minister, "public sector unions" are unions (not when "former" is said of the whole title: an ex-official)
    strongs = [(a, b, r) for a, b, r in roles if r.strong and r.agent_sector]
    strong = _by_head(toks, ts, te, strongs) if not any(r.kind == "modifier" for _, _, r in strongs) else strongs[0][2]
    weak = _by_head(toks, ts, te, [(a, b, r) for a, b, r in roles if not r.strong and r.agent_sector])
    org_sector = owner.sector if owner is not None and owner.kind in ("organisation", "group", "actor") else None
    if org_sector in NON_STATE_SECTORS:
        c.sector = org_sector
    elif strong:
        c.sector = strong.agent_sector
    elif org_sector:
        c.sector = org_sector
    elif weak and not any(not r.strong and r.agent_sector and of_a_thing(ctx, end) for _, end, r in roles):
        c.sector = weak.agent_sector
    if c.country is None:
        pseudo = next((r.pseudo_country or r.country for _, _, r in roles if r.pseudo_country or r.country), None)
        if pseudo:
            c.country = pseudo  # (an IGO's or an NGO's title, or one country's own: "the Taoiseach")
    c.classes = tuple(dict.fromkeys(r.cls for _, _, r in roles))
    if roles:
        rs = ts
        if owner is not None and owner.ts == ts:
            rs = owner.te
            if rs < te and (toks[rs].tag == "POS" or toks[rs].text in ("’s", "'s")):
                rs += 1
        c.owner_end = rs
        rs, re_ = _trim(ctx, rs, te)
        # a rank or honorific right before the name is not part of the role ("... Chief of Staff General")
        while re_ - rs > 1 and toks[re_ - 1].text.lower() in RANKS and any(a < re_ - 1 for a, _, _ in roles if a >= rs):
            re_ -= 1
        if re_ > rs:
            c.role = ctx.text(rs, re_)
    return c


def of_a_thing(ctx: Context, end: int) -> bool:
    """Does a weak title ending at token ``end`` belong to a thing that is no actor ("the director of the
    film", "the chairman of the club"): the officer of that, not of a government?"""
    toks = ctx.toks
    if end >= len(toks) or toks[end].text.lower() != "of":
        return False
    j = end + 1
    while j < len(toks) and toks[j].pos in ("DET", "ADJ", "PRON") and j - end < 4:
        j += 1
    return j < len(toks) and toks[j].lemma.lower() in words("not_political_bodies") and ctx.unit_of.get(j) is None


def apply(u: Unit, c: Coding, rule: str, overwrite: bool = False) -> None:
    """Give a unit the coding of a phrase (what the user's dictionary says about the unit wins)."""
    if not (u.entry is not None and u.entry.source.startswith("user:") and not overwrite):
        if c.country and (overwrite or u.country is None):
            u.country, u.org = c.country, c.org
        from_leaders = u.entry is not None and u.entry.source in ("leaders", "ministers")
        if c.sector and (overwrite or u.sector is None or c.sector == "ELI" or from_leaders):
            u.sector = c.sector  # a "former"/"ousted" title makes even a known leader an elite
        if c.country or c.sector:
            u.rule = (u.rule + "+" if u.rule else "") + rule
    if c.role and (u.role is None or u.entry is not None and u.entry.source == "ministers" and u.role == u.entry.role):
        u.role = c.role  # (the title the text gives a minister is the office's name there: "Cabinet Secretary")
    if "shadow" in c.classes and u.kind != "person" and not u.name.lower().startswith("shadow"):
        u.name = f"shadow {u.name}"  # "the shadow Cabinet" is the opposition's, not "the Cabinet"
    if c.classes:
        u.role_cls = ",".join(dict.fromkeys(((u.role_cls or "").split(",") if u.role_cls else []) + list(c.classes)))
    # the names inside the phrase belong to it: "Pakistan" in "Pakistan's Army Chief of Staff General ..."
    for x in c.units:
        if x is not u and x.kind != "person":
            x.used = True
            x.merged_into = u
            if u.kind == "person" and x.country and x.country == u.country:
                u.extra.append((x.ts, x.te, "affiliation"))


#: the last word of a role that names a body, not a person: a name right after it is the body's ("the armed group
#: Jama'at Nusrat al-Sahel", "the rebel movement M23", "the militia Kiro Brigade")
_BODY_HEADS = frozenset(("group", "faction", "movement", "militia", "organisation", "organization", "outfit", "network",
                         "front", "alliance", "coalition"))


def _named_body(ctx: Context, u: Unit) -> bool:
    """Is the person's name right after a singular role of a body that says its sector ("armed group", "militant
    group"; not the bare "group": "the Haitian group Veye Yo" says nothing of what it is)?"""
    hit = ctx.role_of.get(u.ts - 1) if u.ts > 0 else None
    return hit is not None and hit[2].kind == "group" and hit[2].sector is not None \
        and hit[2].phrase.split()[-1].lower() in _BODY_HEADS


def titles(ctx: Context, units: list[Unit]) -> None:
    """Code people (and named organisations) from the title before the name or an appositive after it."""
    for u in units:
        if u.kind not in ("person", "organisation", "actor") or u.used:
            continue
        span = left_title(ctx, u)
        if span is None and u.ts >= 2 and ctx.toks[u.ts - 1].tag == "POS":
            owner = ctx.unit_of.get(u.ts - 2)
            if owner is not None and owner.country and owner.kind != "person":
                span = (owner.ts, u.ts)  # "Ivory Coast's Supreme Court", "Pakistan's ISI"
        if span is not None and u.kind == "person" and _named_body(ctx, u):
            u.kind, u.label = "organisation", "ORG"  # "the armed group Jama'at Nusrat al-Sahel": the group's name
            u.rule = (u.rule + "+" if u.rule else "") + "named-body"
        if span is not None:
            ctx.title_toks.update(range(*span))
            if u.kind == "person":
                c = code_phrase(ctx, *span)
            else:  # an organisation's own words count too ("Ivory Coast's Supreme Court")
                c = code_phrase(ctx, span[0], u.te, for_person=False)
                c.role = None
            apply(u, c, "title")
            if u.kind == "person":
                u.extra.append((span[0], u.te, "title"))
        if u.kind == "person" and u.country is None and u.te < len(ctx.toks) and ctx.toks[u.te].text == "of":
            post = post_owner(ctx, _root(ctx, u.ts, u.te), u.te)
            if post is not None and post[0].kind != "group":
                apply(u, Coding(post[0].country, post[0].org, None, None, (), (post[0],)), "of-owner")
        if u.kind == "person" and (u.sector is None or u.country is None):
            span = right_title(ctx, u)
            if span is not None:
                ctx.title_toks.update(range(*span))
                c = code_phrase(ctx, *span)
                apply(u, c, "appositive")

