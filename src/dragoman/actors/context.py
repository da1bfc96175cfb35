"""The working state of actor resolution: candidate units, the token indexes of one article on top of
its parse tree, and the phrase helpers every step shares (head of a span, left and right edges)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from dragoman.actors.lexicon import OFFICE_SOURCES, Entry, Lexicon, Match, Role, era
from dragoman.actors.vocabulary import agentive, people_nouns, words
from dragoman.model import Article, Token
from dragoman.nlp.tree import Tree
from dragoman.text.chrome import CHROME_NOT_ACTORS, spans_of

#: prepositions after which a country is a place, not an actor
LOCATIVE = frozenset({"in", "at", "near", "inside", "across", "throughout", "within", "around", "outside", "into",
                      "through", "via", "along", "between", "among", "towards", "toward", "beyond"})
#: prepositions after which a country in a title is not the title-holder's country
NOT_OWNER = frozenset({"for", "to", "in", "on", "with", "against", "from", "at", "over", "about", "into"})
#: words that may join the parts of a title
CONNECTORS = frozenset({"of", "for", "to", "on", "in", "the", "'s", "’s", "-", "and"})
DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
                         "some", "several", "many", "other", "all", "both", "any", "each"})
#: honorifics and ranks left out of the role text when a real role precedes them
RANKS = words("ranks")
#: the lexicon kinds that name a country
COUNTRY_KINDS = frozenset({"country", "code", "demonym", "capital", "city", "region"})
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
    merged_into: Unit | None = None
    extra: list[tuple[int, int, str]] = field(default_factory=list)  # more mentions (token ranges, kind)
    plural: bool = False
    head: int = -1  # the head token of a group phrase
    person_role: bool = False  # a group phrase headed by a person's title ("the envoy"): may corefer
    owned: bool = False  # a title that names the body it belongs to ("the chairman of the Port Authority"): no coreference


@dataclass
class Group:
    """Mentions of one actor being gathered."""

    unit: Unit
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # token ranges
    names: list[str] = field(default_factory=list)


class Context(Tree):
    """The article's parse (:class:`~dragoman.nlp.tree.Tree`) with the token-level indexes the
    resolution steps share: lexicon hits, role words, the units found so far."""

    def __init__(self, article: Article, lexicon: Lexicon):
        super().__init__(article)
        self.lex = lexicon
        self.tok_at_start = {t.start: t.i for t in self.toks}
        self.tok_at_end = {t.end: t.i for t in self.toks}
        blocked = spans_of(article.chrome, CHROME_NOT_ACTORS)
        self.blocked = blocked
        starts = frozenset(self.tok_at_start)
        ends = frozenset(self.tok_at_end)
        self.name_hits = [m for m in lexicon.find_names(article.text, starts, ends)
                          if not self.in_chrome(m.start, m.end)]
        self.role_at: dict[int, tuple[int, Role]] = {}  # token → (end token, role) for the hit starting there
        self.role_of: dict[int, tuple[int, int, Role]] = {}  # every covered token → (ts, te, role)
        for m in lexicon.find_roles(article.text, starts, ends):
            ts, te = self.tok_at_start[m.start], self.tok_at_end[m.end] + 1
            self.role_at[ts] = (te, m.value)  # type: ignore[assignment]
            for i in range(ts, te):
                self.role_of[i] = (ts, te, m.value)  # type: ignore[assignment]
        self._crowd_roles()
        self._addressed_roles()
        self.unit_of: dict[int, Unit] = {}
        self.title_toks: set[int] = set()  # tokens of a person's title: not actors of their own
        self.inner: dict[int, Unit] = {}  # lexicon hits inside an organisation's name
        self._caps: dict[int, bool] = {}
        self._hit_entries: list[tuple[Match, Entry]] | None = None
        self._era: frozenset[str] | None = None
        self._named_countries: frozenset[str] | None = None

    def _crowd_roles(self) -> None:
        """People the lexicon does not know, counted as a crowd that marches or rallies: "thousands of cyclists
        marched", "hundreds of truck and bus drivers rallied" are civilians (a role of their own, weak)."""
        toks = self.toks
        for t in toks:
            if t.i in self.role_of or not agentive(t.text.lower(), t.tag):
                continue
            of = toks[t.head]
            count = toks[of.head]
            if t.dep != "pobj" or of.text.lower() != "of" or count.text.lower() not in words("crowd_counts"):
                continue
            verb = toks[count.head]
            if count.dep == "nsubj" and verb.pos == "VERB" and verb.lemma.lower() in words("crowd_verbs"):
                role = Role(t.text.lower(), "CVL", False, "group", "civilian")
                self.role_at[t.i] = (t.i + 1, role)
                self.role_of[t.i] = (t.i, t.i + 1, role)

    def _addressed_roles(self) -> None:
        """People the lexicon does not know, addressed by a call or a demand: "urged all sides to show restraint",
        "called on both parties to", "asked residents to leave", "demanded that broadcasters pull the ad" — a group
        of their own (no sector: who they are is not said), so that the call has its target."""
        toks = self.toks
        verbs = words("addressing_verbs")
        for t in toks:
            if t.i in self.role_of or t.tag != "NNS" or not (t.text.lower() in people_nouns()
                                                             or agentive(t.text.lower(), t.tag)):
                continue
            head = toks[t.head]
            up = toks[head.head]
            if not (t.dep == "dobj" and head.lemma.lower() in verbs
                    or t.dep == "pobj" and head.text.lower() in ("on", "upon") and up.lemma.lower() == "call"
                    or t.dep == "nsubj" and head.dep == "ccomp" and up.lemma.lower() in words("demanding_verbs")):
                continue
            role = Role(t.text.lower(), None, False, "group", "addressee")
            self.role_at[t.i] = (t.i + 1, role)
            self.role_of[t.i] = (t.i, t.i + 1, role)

    def hit_entries(self) -> list[tuple[Match, Entry]]:
        """The lexicon's name hits with the entry each stands for on the article's date (computed once)."""
        if self._hit_entries is None:
            date = self.article.reference_date.date
            # a name of places in two countries ("Victoria": the Seychelles' capital, an Australian state) is the
            # place in the country the article names by its other, unambiguous names ("Melbourne")
            sure = {e.country for m in self.name_hits if len(m.value) == 1  # type: ignore[arg-type]
                    for e in m.value if e.country and e.kind in COUNTRY_KINDS}  # type: ignore[attr-defined]
            self._hit_entries = [(m, e) for m in self.name_hits
                                 if (e := _entry_for(self._in_era(m.value), date, sure)) is not None]  # type: ignore[arg-type]
        return self._hit_entries

    def era(self) -> frozenset[str]:
        """For an article with no date, the days on which the most of the office holders it names (by the lexicons
        of leaders and ministers) were in office (``lexicon.era``); none when it has a date or names fewer than two
        such people in office at once."""
        if self._era is None:
            people: dict[str, list[Entry]] = {}
            if self.article.reference_date.date is None:
                for m in self.name_hits:
                    for e in m.value:  # type: ignore[attr-defined]
                        if e.source in OFFICE_SOURCES and e not in people.setdefault(e.name, []):
                            people[e.name].append(e)
            self._era = era(list(people.values()))
        return self._era

    def _in_era(self, entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
        """``entries`` with the offices not held in the article's era made those of a former holder, an elite of
        the country, no officer ("Michael Howard" in an undated article that names the ministers of 2005 is no home
        secretary of the 1990s)."""
        days = self.era()
        if not days:
            return entries
        held = tuple(e for e in entries if e.source not in OFFICE_SOURCES or any(e.valid_on(d) for d in days))
        if held or not entries:
            return held
        e = entries[0]
        return (replace(e, sector="ELI", role=None, valid_from=None, valid_to=None),)

    def named_countries(self) -> frozenset[str]:
        """The countries the article names (by name, code, demonym, capital or city), from the lexicon."""
        if self._named_countries is None:
            self._named_countries = frozenset(e.country for _, e in self.hit_entries()
                                              if e.country and not e.contextual and e.kind in COUNTRY_KINDS)
        return self._named_countries

    def shouting(self, sent: int) -> bool:
        """Is the sentence written in capitals (a headline), where "US", "IS", "IN" are ordinary words?"""
        if sent not in self._caps:
            s = self.article.sentences[sent] if sent < len(self.article.sentences) else None
            self._caps[sent] = s is not None and self._shouting(s.tok_start, s.tok_end)
        return self._caps[sent]

    def _shouting(self, a: int, b: int) -> bool:
        letters = [c for t in self.toks[a:b] for c in t.text if c.isalpha()]
        return len(letters) > 12 and sum(c.isupper() for c in letters) > 0.8 * len(letters)

    def title_case(self, sent: int) -> bool:
        """Is the sentence a headline in title case ("Armenia, Azerbaijan Hold Peace Talks"), where a
        capital letter does not make a name?"""
        key = -1 - sent
        if key not in self._caps:
            s = self.article.sentences[sent] if sent < len(self.article.sentences) else None
            words = [t.text for t in self.toks[s.tok_start:s.tok_end] if t.text[:1].isalpha()] if s else []
            long = [w for w in words if len(w) > 3]
            self._caps[key] = len(long) >= 3 and all(w[0].isupper() for w in long)
        return self._caps[key]

    def used_as_word(self, i: int) -> bool:
        """Does the word of token ``i`` (or its lemma) appear in lower case elsewhere in the article
        ("Hold" in a headline, "held" in the story)?"""
        if not hasattr(self, "_lower"):
            self._lower = {w for t in self.toks if t.text.islower() for w in (t.text, t.lemma.lower())}
        t = self.toks[i]
        return t.text.lower() in self._lower or t.lemma.lower() in self._lower

    def in_chrome(self, start: int, end: int) -> bool:
        for s, e in self.blocked:
            if s < end and start < e:
                return True
        return False

    def text(self, ts: int, te: int) -> str:
        return self.article.text[self.toks[ts].start : self.toks[te - 1].end]


#: the nouns of a body introduced by the name it is known by ("the group known as ...", "a movement calling itself ...")
_KNOWN_BODIES = frozenset(("group", "movement", "militia", "faction", "organisation", "organization", "outfit",
                           "network", "cell", "front", "gang"))
#: the words that introduce that name
KNOWN_AS = (("known", "as"), ("called",), ("calling", "itself"), ("named",), ("styling", "itself"))
#: words before the body's noun in such a phrase ("an armed group calling itself ...": words.yaml)
KNOWN_BODY_KINDS = words("known_as_kinds")
#: what a body's short name is called ("known by its Portuguese acronym UPF")
SHORT_FORMS = words("short_form_nouns")


def short_form_by(toks: Sequence[Token], j: int) -> int | None:
    """Where "by" is in "known by its (Portuguese) acronym" whose noun of a short name is at ``j`` (the name that
    follows is the body's other name); ``None`` when no such phrase ends at ``j``."""
    if j < 3 or j >= len(toks) or toks[j].text.lower() not in SHORT_FORMS:
        return None
    by = next((i for i in range(j - 1, max(0, j - 4), -1) if toks[i].text.lower() == "by"), None)
    if by is None or toks[by - 1].text.lower() != "known" or toks[by + 1].text.lower() not in ("its", "their", "the"):
        return None
    return by


def known_as_end(toks: Sequence[Token], i: int) -> int:
    """Where "the group known as" (or "a militia called", "a movement calling itself"), starting at token ``i``,
    ends: the index of the name after it; ``i`` when there is no such phrase."""
    j = i + 1 if i < len(toks) and toks[i].text.lower() in ("the", "a", "an") else i
    while j < len(toks) - 1 and toks[j].text.lower() in KNOWN_BODY_KINDS:
        j += 1  # "an armed group calling itself ...", "a new militant movement known as ..."
    if j >= len(toks) or toks[j].text.lower() not in _KNOWN_BODIES:
        return i
    for intro in KNOWN_AS:
        if [t.text.lower() for t in toks[j + 1:j + 1 + len(intro)]] == list(intro):
            return j + 1 + len(intro)
    return i


def head_position(ws: Sequence[str]) -> int:
    """Which of a body's name's words is its head: the word before its first "of" or "for" ("Ministry of Labour",
    "Directorate for Priority Crime Investigation"), else its last (``ws`` not empty)."""
    cut = next((i for i in range(1, len(ws)) if ws[i].lower() in ("of", "for")), None)
    return cut - 1 if cut is not None else len(ws) - 1


def name_head(name: str) -> str:
    """The head word of a body's name, as written (``head_position``); "" for no name."""
    ws = name.split()
    return ws[head_position(ws)] if ws else ""


def _entry_for(entries: tuple[Entry, ...], date: str | None, named: set[str | None] | frozenset[str] = frozenset()) -> Entry | None:
    valid = [e for e in entries if e.valid_on(date)]
    places = [e for e in valid if e.kind in ("capital", "city", "region")]
    if len(places) > 1 and places[0].country not in named:
        return next((e for e in places if e.country in named), valid[0])
    bodies = [e for e in valid if e.kind == "organisation" and e.country]
    if len(bodies) > 1 and bodies[0].country not in named:
        # "BNP": Bangladesh's party, or Britain's in an article that names British places
        return next((e for e in bodies if e.country in named), valid[0])
    return valid[0] if valid else None


def _strip_det(ctx: Context, ts: int, te: int) -> int:
    while ts < te - 1 and (ctx.toks[ts].text.lower() in DETERMINERS or ctx.toks[ts].tag in ("DT", "PRP$", "POS")):
        ts += 1
    return ts



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
    for k in ctx.children[head]:
        if k < head and ctx.toks[k].dep in LEFT_DEPS and ctx.toks[k].sent == ctx.toks[head].sent \
                and ctx.toks[k].tag != "WRB":  # "When home secretary, he ...": "when" opens the clause, not the name
            ts = min(ts, _left_edge(ctx, k))
    while ts < head and ctx.toks[ts].pos == "PUNCT":
        ts += 1
    return ts


#: prepositions whose object names the owner of a group ("rebels in Darfur", "the government of Iraq")
OWNER_PREPS = frozenset({"of", "in", "from", "throughout", "across", "inside", "within"})


def _right_edge(ctx: Context, head: int) -> int:
    te = head
    for k in ctx.children[head]:
        if k > head:
            te = max(te, _right_edge(ctx, k))
    return te


def post_owner(ctx: Context, head: int, after: int) -> tuple[Unit, int] | None:
    """The first country-coded name in a prepositional phrase after ``head`` (and the preposition)."""
    toks = ctx.toks
    for k in ctx.children[head]:
        if k < after or toks[k].dep != "prep" or toks[k].text.lower() not in OWNER_PREPS:
            continue
        for i in range(k + 1, min(_right_edge(ctx, k), k + 8) + 1):
            for u in (ctx.unit_of.get(i), ctx.inner.get(i)):
                if u is not None and u.country and u.kind in ("country", "code", "capital", "city", "region", "demonym",
                                                              "organisation", "group"):
                    return u, k
        break
    return None
