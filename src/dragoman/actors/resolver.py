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

from dataclasses import dataclass, field

from dragoman.actors.lexicon import NON_STATE_SECTORS, PSEUDO_COUNTRIES, Entry, Lexicon, Role
from dragoman.model import Article, Token

#: chrome spans whose words are never actors
CHROME_NOT_ACTORS = ("dateline", "agency", "masthead", "agency_line", "title_repeat")
#: prepositions after which a country is a place, not an actor
LOCATIVE = frozenset({"in", "at", "near", "inside", "across", "throughout", "within", "around", "outside", "into",
                      "through", "via", "along", "between", "among", "across", "towards", "toward", "beyond"})
#: prepositions after which a country in a title is not the title-holder's country
NOT_OWNER = frozenset({"for", "to", "in", "on", "with", "against", "from", "at", "over", "about", "into"})
#: words that may join the parts of a title
CONNECTORS = frozenset({"of", "for", "to", "on", "in", "the", "'s", "’s", "-", "and"})
DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
                         "some", "several", "many", "other", "all", "both", "any", "each"})
#: honorifics and ranks left out of the role text when a real role precedes them
RANKS = frozenset({"general", "gen.", "ambassador", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "lt.", "col.",
                   "maj.", "capt.", "sgt.", "adm.", "brig.", "colonel", "major", "captain", "admiral", "lieutenant",
                   "sheikh", "president", "minister", "prime", "foreign", "secretary", "excellency", "his", "her"})
SKIP_ENT = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


@dataclass
class Unit:
    """A candidate actor while the article is being resolved (internal, mutable)."""

    ts: int  # token range of the name: the tight mention
    te: int
    kind: str  # person | organisation | country | code | demonym | capital | group | unknown
    name: str
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    role: str | None = None
    role_cls: str | None = None
    rule: str = ""
    entry: Entry | None = None
    label: str = ""  # spaCy label when it came from the NER
    used: bool = False  # absorbed into another actor's title or group
    merged_into: "Unit | None" = None
    extra: list[tuple[int, int, str]] = field(default_factory=list)  # more mentions (token ranges, kind)
    plural: bool = False


class Context:
    """Token-level indexes of one article shared by the resolution steps."""

    def __init__(self, article: Article, lexicon: Lexicon):
        self.article = article
        self.lex = lexicon
        self.toks: tuple[Token, ...] = article.tokens
        self.tok_at_start = {t.start: t.i for t in self.toks}
        self.tok_at_end = {t.end: t.i for t in self.toks}
        blocked = [v for k, v in article.chrome.items() if k in CHROME_NOT_ACTORS]
        self.blocked = blocked
        starts = frozenset(self.tok_at_start)
        ends = frozenset(self.tok_at_end)
        self.name_hits = [m for m in lexicon.find_names(article.text, starts, ends) if not self.in_chrome(m.start, m.end)]
        self.role_at: dict[int, tuple[int, Role]] = {}  # token → (end token, role) for the hit starting there
        self.role_of: dict[int, tuple[int, int, Role]] = {}  # every covered token → (ts, te, role)
        for m in lexicon.find_roles(article.text, starts, ends):
            ts, te = self.tok_at_start[m.start], self.tok_at_end[m.end] + 1
            self.role_at[ts] = (te, m.value)  # type: ignore[assignment]
            for i in range(ts, te):
                self.role_of[i] = (ts, te, m.value)  # type: ignore[assignment]
        self.unit_of: dict[int, Unit] = {}
        self.title_toks: set[int] = set()  # tokens of a person's title: not actors of their own
        self.inner: dict[int, Unit] = {}  # lexicon hits inside an organisation's name
        self.children: dict[int, list[int]] = {}
        for t in self.toks:
            if t.head != t.i:
                self.children.setdefault(t.head, []).append(t.i)
        self.sent_caps = [self._shouting(s.tok_start, s.tok_end) for s in article.sentences]

    def _shouting(self, a: int, b: int) -> bool:
        letters = [c for t in self.toks[a:b] for c in t.text if c.isalpha()]
        return len(letters) > 12 and sum(c.isupper() for c in letters) > 0.8 * len(letters)

    def in_chrome(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.blocked)

    def text(self, ts: int, te: int) -> str:
        return self.article.text[self.toks[ts].start : self.toks[te - 1].end]


def _entry_for(entries: tuple[Entry, ...], date: str | None) -> Entry | None:
    for e in entries:
        if e.valid_on(date):
            return e
    return None


def _strip_det(ctx: Context, ts: int, te: int) -> int:
    while ts < te - 1 and (ctx.toks[ts].text.lower() in DETERMINERS or ctx.toks[ts].tag in ("DT", "PRP$", "POS")):
        ts += 1
    return ts


# ---------------------------------------------------------------------------------------------
# step 1: names
# ---------------------------------------------------------------------------------------------


def find_names(ctx: Context) -> list[Unit]:
    """Lexicon hits and (corrected) named entities, as non-overlapping units."""
    art, toks, lex = ctx.article, ctx.toks, ctx.lex
    date = art.reference_date.date
    lex_units: dict[int, Unit] = {}
    for m in ctx.name_hits:
        ts, te = ctx.tok_at_start[m.start], ctx.tok_at_end[m.end] + 1
        entry = _entry_for(m.value, date)  # type: ignore[arg-type]
        if entry is None:
            continue
        if (entry.kind == "code" or m.end - m.start <= 3 and art.text[m.start:m.end].isupper()) and ctx.sent_caps[toks[ts].sent]:
            continue  # an all-capitals headline: "IN", "US", "IS" are words there
        if entry.kind in ("capital", "city") and toks[ts].ent_type == "PERSON":
            continue
        if entry.kind == "person" and not (toks[ts].ent_type == "PERSON" or toks[ts].pos == "PROPN"):
            continue  # a leader's surname where spaCy sees no name
        if entry.kind == "city" and toks[ts].ent_type not in ("GPE", "LOC", "FAC", "NORP"):
            continue  # a city name counts where spaCy also sees a place ("Mobile", "Of" are words)
        lex_units[ts] = Unit(ts, te, entry.kind, entry.name if entry.kind != "person" else ctx.text(ts, te),
                             entry.country, entry.org, entry.sector, role=entry.role,
                             rule=f"lexicon:{entry.source}:{entry.kind}", entry=entry, plural=entry.plural)
    covered: dict[int, Unit] = {}
    for u in lex_units.values():
        for i in range(u.ts, u.te):
            covered[i] = u

    units: list[Unit] = []
    taken: set[int] = set()
    for ent in art.entities:
        if ent.label not in ("PERSON", "ORG", "NORP", "GPE", "FAC", "LOC"):
            continue
        if ctx.in_chrome(ent.start, ent.end):
            continue
        ts, te = ent.tok_start, ent.tok_end
        # trim a leading determiner and a trailing possessive
        while ts < te and (toks[ts].tag in ("DT", "POS") or toks[ts].text in ("’s", "'s")):
            ts += 1
        while te > ts and (toks[te - 1].tag == "POS" or toks[te - 1].text in ("’s", "'s", "’", "'")):
            te -= 1
        if te <= ts:
            continue
        text = ctx.text(ts, te)
        if text in lex.not_actors or (ent.label == "ORG" and toks[te - 1].text.lower() in lex.not_actor_heads):
            continue
        inner = [u for u in {id(covered[i]): covered[i] for i in range(ts, te) if i in covered}.values()]
        if inner:
            whole = len(inner) == 1 and inner[0].ts <= ts and inner[0].te >= te
            if whole or ent.label in ("NORP", "GPE", "LOC", "FAC"):
                continue  # the lexicon codes it
            known = next((u for u in inner if u.kind == "person"), None)
            if ent.label == "PERSON" and known is not None:
                # a known person inside a longer name ("President Omar al-Bashir"): the entity, coded by the lexicon
                for u in inner:
                    u.used = True
                while ts < te - 1 and ts in ctx.role_at and ctx.role_at[ts][0] <= te - 1:
                    ts = ctx.role_at[ts][0]
                pu = Unit(ts, te, "person", ctx.text(ts, te), known.country, known.org, known.sector,
                          role=known.entry.role if known.entry else None, rule=known.rule, entry=known.entry, label="PERSON")
                units.append(pu)
                taken.update(range(ts, te))
                continue
            if ent.label == "PERSON":
                # "Pakistan's Envoy", "NATO chief Jens": the lexicon part is a modifier, not the name
                last = max(u.te for u in inner)
                while last < te and (toks[last].tag == "POS" or not toks[last].text[:1].isupper()):
                    last += 1
                if te - last < 1 or not any(toks[i].pos == "PROPN" for i in range(last, te)):
                    continue
                ts = last
            else:  # an organisation whose name holds a country or a smaller organisation
                for u in inner:
                    u.used = True
                    u.merged_into = None
        # strip role words at the start of a person's name ("Ambassador Zalmay Khalilzad")
        if ent.label == "PERSON":
            while ts < te - 1 and ts in ctx.role_at and ctx.role_at[ts][0] <= te - 1:
                ts = ctx.role_at[ts][0]
            while ts < te - 1 and toks[ts].text.lower().rstrip(".") in {r.rstrip(".") for r in RANKS}:
                ts += 1
            if te - ts == 1 and toks[ts].pos != "PROPN":
                continue
        kind = {"PERSON": "person", "ORG": "organisation"}.get(ent.label, "unknown")
        if ent.label in ("GPE", "LOC", "FAC"):
            kind = "place"
        elif ent.label == "NORP":
            kind = "nationality"
        u = Unit(ts, te, kind, ctx.text(ts, te), rule=f"ner:{ent.label}", label=ent.label)
        units.append(u)
        taken.update(range(ts, te))
    for u in lex_units.values():
        if not u.used and not any(i in taken for i in range(u.ts, u.te)):
            units.append(u)
        elif u.used:
            # keep it for coding the organisation that contains it
            u.kind = u.kind
    units.sort(key=lambda u: u.ts)
    for u in units:
        for i in range(u.ts, u.te):
            ctx.unit_of[i] = u
    # lexicon hits swallowed by an organisation name stay available to code it
    ctx.inner = {i: u for i, u in covered.items() if u.used}
    return units


# ---------------------------------------------------------------------------------------------
# step 2: titles — the words around a name that say who the person is
# ---------------------------------------------------------------------------------------------

_TITLE_UNIT_KINDS = frozenset({"country", "code", "demonym", "organisation", "capital", "city", "nationality", "group",
                               "actor"})


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
    if t.ent_type in SKIP_ENT or t.pos in ("VERB", "AUX", "PRON", "PUNCT", "NUM", "ADV", "ADP", "CCONJ", "SCONJ"):
        return t.text == "-"
    if t.text[:1].isupper() and t.pos in ("PROPN", "NOUN", "ADJ"):
        return True
    if t.pos == "ADJ":
        return True
    return t.pos == "NOUN" and t.dep in ("compound", "amod")


def _trim(ctx: Context, ts: int, te: int) -> tuple[int, int]:
    """Trim connectors and determiners at both ends of a phrase."""
    toks = ctx.toks
    while ts < te and (toks[ts].text.lower() in CONNECTORS or toks[ts].text.lower() in DETERMINERS or toks[ts].tag == "POS"):
        ts += 1
    while te > ts and (toks[te - 1].text.lower() in CONNECTORS or toks[te - 1].text.lower() in DETERMINERS):
        te -= 1
    return ts, te


def left_title(ctx: Context, u: Unit) -> tuple[int, int] | None:
    """The title phrase right before a name (token range), or None."""
    sent = ctx.toks[u.ts].sent
    i = u.ts - 1
    while i >= 0 and ctx.toks[i].sent == sent and _title_ok(ctx, i):
        i -= 1
    ts, te = _trim(ctx, i + 1, u.ts)
    if te <= ts or te != u.ts and ctx.toks[te].text.lower() not in ("’s", "'s"):
        if te != u.ts:
            return None
    if not any(j in ctx.role_of for j in range(ts, te)):
        return None
    return ts, te


def right_title(ctx: Context, u: Unit) -> tuple[int, int] | None:
    """An appositive title after a name: "Zalmay Khalilzad, US special envoy for ..." (token range)."""
    toks = ctx.toks
    if u.te >= len(toks) or toks[u.te].text != "," or toks[u.te].sent != toks[u.ts].sent:
        return None
    sent = toks[u.ts].sent
    i = u.te + 1
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


@dataclass
class Coding:
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    role: str | None = None
    classes: tuple[str, ...] = ()
    units: tuple[Unit, ...] = ()
    owner_end: int = -1  # token after the owner modifier at the start of the phrase


def code_phrase(ctx: Context, ts: int, te: int, for_person: bool = True) -> Coding:
    """Country, org, sector and role text from the words of a title or a group noun phrase."""
    toks = ctx.toks
    owner: Unit | None = None
    owner_rank = 9
    units: list[Unit] = []
    seen: set[int] = set()
    for i in range(ts, te):
        u = ctx.inner.get(i) or ctx.unit_of.get(i)
        if u is None or id(u) in seen or u.kind not in _TITLE_UNIT_KINDS:
            continue
        seen.add(id(u))
        units.append(u)
        if u.country is None:
            continue
        prev = toks[u.ts - 1].text.lower() if u.ts - 1 >= ts else None
        poss = u.te < len(toks) and (toks[u.te].tag == "POS" or toks[u.te].text in ("’s", "'s"))
        rank = 1 if poss else (2 if prev is None or prev not in (NOT_OWNER if for_person else NOT_OWNER - {"in", "from"}) else 9)
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
    c = Coding(units=tuple(units))
    if owner is not None:
        c.country, c.org = owner.country, owner.org
    strong = next((r for _, _, r in roles if r.strong and r.agent_sector), None)
    weak = next((r for _, _, r in roles if not r.strong and r.agent_sector), None)
    org_sector = owner.sector if owner is not None and owner.kind in ("organisation", "group", "actor") else None
    if org_sector in NON_STATE_SECTORS:
        c.sector = org_sector
    elif strong:
        c.sector = strong.agent_sector
    elif org_sector:
        c.sector = org_sector
    elif weak:
        c.sector = weak.agent_sector
    if c.country is None:
        pseudo = next((r.pseudo_country for _, _, r in roles if r.pseudo_country), None)
        if pseudo:
            c.country = pseudo
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


def apply(u: Unit, c: Coding, rule: str, overwrite: bool = False) -> None:
    """Give a unit the coding of a phrase (what the unit's own lexicon entry says wins)."""
    if u.entry is not None and u.entry.source.startswith("user:") and not overwrite:
        if u.role is None:
            u.role = c.role
        return
    if c.country and (overwrite or u.country is None):
        u.country, u.org = c.country, c.org
    if c.sector and (overwrite or u.sector is None or c.sector == "ELI"):
        u.sector = c.sector  # a "former"/"ousted" title makes even a known leader an elite
    if c.role and u.role is None:
        u.role = c.role
    if c.classes:
        u.role_cls = ",".join(dict.fromkeys(((u.role_cls or "").split(",") if u.role_cls else []) + list(c.classes)))
    if c.country or c.sector:
        u.rule = (u.rule + "+" if u.rule else "") + rule
    for x in c.units:
        if x is not u and x.kind != "person":
            x.used = True
            x.merged_into = u
            if u.kind == "person" and x.country and x.country == u.country:
                u.extra.append((x.ts, x.te, "affiliation"))


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
        if span is not None:
            ctx.title_toks.update(range(*span))
            if u.kind == "person":
                c = code_phrase(ctx, *span)
            else:  # an organisation's own words count too ("Ivory Coast's Supreme Court")
                c = code_phrase(ctx, span[0], u.te, for_person=False)
                c.role = None
            apply(u, c, "title")
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


# ---------------------------------------------------------------------------------------------
# step 3: groups — role-word noun phrases, and names in apposition to them
# ---------------------------------------------------------------------------------------------


def _root(ctx: Context, ts: int, te: int) -> int:
    for i in range(te - 1, ts - 1, -1):
        h = ctx.toks[i].head
        if h < ts or h >= te or h == i:
            return i
    return te - 1


LEFT_DEPS = frozenset({"det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "case", "cc", "conj", "advmod",
                       "npadvmod", "predet", "punct"})


def _left_edge(ctx: Context, head: int) -> int:
    """The first token of the noun phrase a head noun governs (its left dependents, recursively)."""
    ts = head
    for k in ctx.children.get(head, ()):
        if k < head and ctx.toks[k].dep in LEFT_DEPS and ctx.toks[k].sent == ctx.toks[head].sent:
            ts = min(ts, _left_edge(ctx, k))
    while ts < head and ctx.toks[ts].pos == "PUNCT":
        ts += 1
    return ts


#: prepositions whose object names the owner of a group ("rebels in Darfur", "the government of Iraq")
OWNER_PREPS = frozenset({"of", "in", "from", "throughout", "across", "inside", "within"})


def _right_edge(ctx: Context, head: int) -> int:
    te = head
    for k in ctx.children.get(head, ()):
        if k > head:
            te = max(te, _right_edge(ctx, k))
    return te


def post_owner(ctx: Context, head: int, after: int) -> tuple[Unit, int] | None:
    """The first country-coded name in a prepositional phrase after ``head`` (and the preposition)."""
    toks = ctx.toks
    for k in ctx.children.get(head, ()):
        if k < after or toks[k].dep != "prep" or toks[k].text.lower() not in OWNER_PREPS:
            continue
        for i in range(k + 1, min(_right_edge(ctx, k), k + 8) + 1):
            u = ctx.unit_of.get(i)
            if u is not None and u.country and u.kind in ("country", "code", "capital", "city", "demonym", "organisation",
                                                          "group"):
                return u, k
        break
    return None


def groups(ctx: Context, units: list[Unit]) -> list[Unit]:
    """Actors named by a role-word noun phrase: "rebels", "the Afghan government", "Israeli soldiers"."""
    toks = ctx.toks
    out: list[Unit] = []
    done: set[int] = set()
    for rs, (re_, role) in sorted(ctx.role_at.items()):
        root = _root(ctx, rs, re_)
        t = toks[root]
        if root in done or role.kind == "modifier" or root in ctx.title_toks or ctx.in_chrome(t.start, t.end):
            continue
        if t.pos not in ("NOUN", "PROPN"):
            continue
        ts, te = _left_edge(ctx, root), root + 1
        if t.dep in ("compound", "amod", "nmod") and t.head > root and toks[t.head].sent == t.sent:
            if t.head in ctx.role_of or t.head in ctx.title_toks or t.head in ctx.unit_of:
                continue  # "police chief": the head phrase is handled on its own
            # "Israeli army bulldozers": the phrase up to the role word is the actor, when it names a country
            ts = min(ts, _left_edge(ctx, t.head))
            if not any((u := ctx.unit_of.get(i)) is not None and u.country for i in range(ts, root)):
                continue
        done.add(root)
        bare = _strip_det(ctx, ts, te)
        if te - bare == 1 and t.tag in ("NN", "NNP") and (bare == ts or not (role.strong or role.kind == "person")
                                                          or toks[ts].text.lower() not in ("the", "its", "their", "a", "an")):
            continue  # a bare singular noun ("not party to the deal", "a state of emergency") names no one
        ts = bare
        named = {id(u): u for i in range(ts, te) if (u := ctx.unit_of.get(i)) is not None}
        if any(u.ts <= root < u.te for u in named.values()):
            continue  # the phrase is a name itself (a person before the role only modifies it: "the Assad regime")
        ts = _strip_det(ctx, ts, te)
        # "the government of Afghanistan", "rebels in the Ivory Coast": a prepositional phrase names the owner
        ext, post = te, post_owner(ctx, root, te)
        if post is not None and toks[post[1]].text.lower() == "of" and post[0].te - te <= 4:
            ext = post[0].te
        c = code_phrase(ctx, ts, ext, for_person=False)
        if c.country is None and post is not None:
            c.country, c.org = post[0].country, post[0].org
        role = ctx.role_of[root][2]
        nations = list({u.country: u for u in c.units if u.country and u.kind in ("country", "code", "demonym")}.values())
        if len(nations) > 1 and any(toks[i].dep == "conj" or toks[i].text.lower() == "and" for i in range(ts, root)):
            # "Hungarian and Romanian officials": one actor per country, named by its own word
            rtext = ctx.text(ctx.role_of[root][0], ctx.role_of[root][1])
            for n in nations:
                g = Unit(n.ts, n.te, "group", ctx.text(n.ts, n.te), n.country, n.org, rule="group+conjunct")
                g.sector = c.sector or role.agent_sector
                g.role, g.role_cls, g.plural = rtext, role.cls, True
                n.used, n.merged_into = True, g
                out.append(g)
            continue
        g = Unit(ts, te if ext == te else ext, "group", ctx.text(ts, te if ext == te else ext), rule="group",
                 plural=role.kind == "group" or toks[root].tag in ("NNS", "NNPS"))
        g.role = ctx.text(ctx.role_of[root][0], ctx.role_of[root][1])
        apply(g, c, "group-modifier")
        if g.sector is None:
            g.sector = role.agent_sector
            if role.pseudo_country and g.country is None:
                g.country = role.pseudo_country
        g.role_cls = ",".join(dict.fromkeys([role.cls] + list(c.classes)))
        out.append(g)
    # "Pakistan's envoy" where the parse found no noun phrase (headlines): owner + possessive + role
    in_group = {i for g in out for i in range(g.ts, g.te)}
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
        out.append(g)
    for g in out:
        for i in range(g.ts, g.te):
            ctx.unit_of.setdefault(i, g)
    return out


def appositions(ctx: Context, units: list[Unit], grp: list[Unit]) -> None:
    """A name in apposition to a group phrase takes its coding and the phrase as its role:
    "Pakistan's military media unit, Inter-Services Public Relations (ISPR)"."""
    toks = ctx.toks
    root_of: dict[int, Unit] = {}
    for g in grp:
        root_of[_root(ctx, g.ts, g.te)] = g
    for u in units:
        if u.kind not in ("person", "organisation", "actor", "unknown") or u.used:
            continue
        r = _root(ctx, u.ts, u.te)
        g = None
        if toks[r].dep == "appos" and toks[r].head in root_of:
            g = root_of[toks[r].head]
        else:
            for k in ctx.children.get(r, ()):
                if toks[k].dep == "appos" and k in root_of:
                    g = root_of[k]
                    break
        if g is None or g.used:
            continue
        own = code_phrase(ctx, g.ts, g.te, for_person=False)
        desc = ctx.text(*_trim(ctx, own.owner_end, g.te)) if own.owner_end > g.ts else ctx.text(g.ts, g.te)
        c = Coding(g.country, g.org, g.sector, desc,
                   tuple((g.role_cls or "").split(",")) if g.role_cls else ())
        apply(u, c, "apposition")
        g.used = True
        g.merged_into = u


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
    if t.dep in ("appos", "conj", "npadvmod") and toks[t.head].ent_type in ("GPE", "LOC") and toks[t.head].dep == "pobj":
        return toks[toks[t.head].head].text.lower() in LOCATIVE
    return False


def standalone(ctx: Context, units: list[Unit]) -> list[Unit]:
    """Names left over after titles and groups: which of them are actors."""
    toks = ctx.toks
    keep: list[Unit] = []
    for u in units:
        if u.used:
            continue
        r = _root(ctx, u.ts, u.te)
        dep = toks[r].dep
        if u.kind in ("country", "code"):
            if _locative(ctx, u):
                u.rule += "+locative"  # a place here, but the place is often the target ("clashes in Lebanon")
            u.rule = u.rule or "country"
        elif u.kind == "city":
            if dep == "compound" and toks[r].head > r:
                continue  # "the Mosul dam": a modifier of a thing
            u.kind, u.sector = "place", "CVL"  # a city or region: its people ("shelled Aleppo", "curfew in Juba")
            u.name = ctx.text(u.ts, u.te)
            u.rule += "+locative" if _locative(ctx, u) else "+place"
        elif u.kind == "capital":
            if dep == "compound" and toks[r].head > r:
                u.kind = "country"
                u.rule += "+modifier"  # "the Doha agreement", "Kabul airport"
            elif _locative(ctx, u) or dep not in ("nsubj", "nsubjpass", "poss") and not (
                    dep == "pobj" and toks[toks[r].head].text.lower() in ("by", "with", "from")):
                # a city as a place or an object: its people ("curfew in Algiers", "blockade Paris")
                u.kind = "place"
                u.sector = "CVL"
                u.name = ctx.text(u.ts, u.te)
                u.rule += "+locative" if _locative(ctx, u) else "+object"
            else:
                u.sector = "GOV"  # "Washington said", "talks with Moscow", "Kabul's decision"
                u.kind = "government"
                u.rule += "+metonymy"
        elif u.kind == "demonym":
            if u.plural or toks[r].tag in ("NNS", "NNPS"):
                u.sector = u.sector or "CVL"
                u.kind = "group"
            elif dep in ("amod", "compound", "nmod") or toks[r].pos == "ADJ":
                # "an Indian proposal", "Israeli air raids": the country acts through the thing
                u.kind = "country"
                u.rule += "+modifier"
        elif u.kind == "place":
            continue
        elif u.kind == "nationality":
            if dep in ("amod", "compound", "nmod") or toks[r].pos == "ADJ":
                continue
            u.kind = "group"
        elif u.kind in ("organisation", "group", "actor") and u.entry is None and u.country is None:
            # an unknown organisation: its own words may code it ("Iraqi Interior Ministry")
            c = code_phrase(ctx, u.ts, u.te, for_person=False)
            if c.country or c.sector:
                apply(u, c, "name-words")
        keep.append(u)
    return keep
