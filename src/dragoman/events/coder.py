"""The event coder: triggers over the dependency parse → PLOVER events with CAMEO codes.

Per sentence: every token is looked up once by lemma in the compiled trigger lexicon; the first
lexicon line whose conditions hold on the token's dependents (particle, preposition, object,
modifier) makes it a candidate.  Candidates are taken from the top of the tree down: a trigger
that takes a complement ("refused to sign", "agreed to hold talks", "accused X of shelling")
absorbs the triggers inside it and refines its CAMEO code with them, so one clause gives one
event.  Then who acts on whom (``clauses``), the auxiliary modes (``modes``), and CAMEO's
conventions for announced intentions (a promised visit is AGREE, a promised attack THREATEN).
Each event records the lexicon line (``rule``) and a confidence.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from dragoman.actors.lexicon import default_lexicon
from dragoman.actors.vocabulary import agentive as _agentive
from dragoman.actors.vocabulary import people_nouns, portfolio
from dragoman.events.attribution import ADDRESSING, SYMMETRIC, VERBAL, Attribution, Cand
from dragoman.events.claim import claimed
from dragoman.events.clauses import PRONOUNS, View
from dragoman.events.complaint import complaints, rejected_calls
from dragoman.events.lexicon import NONE, Entry, Lexicon, load, lookup
from dragoman.events.merge import other_stages
from dragoman.events.modes import Modes, clause_modes
from dragoman.events.relevance import state_actor
from dragoman.events.response import answer, governments, owners, refusals, retorts
from dragoman.events.sides import named_before, sides
from dragoman.ids import event_id
from dragoman.model import Actor, Article, Aux, Event, Evidence, Sentence, Token
from dragoman.nlp.parser import MOVE_NOUNS

COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
MATERIAL_CONFLICT = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
ASSAULT_TYPES = frozenset({"COERCE", "ASSAULT"})  # violence told in a reduced relative with its agent is still told: "civilians killed by the army"
OBJ_DEPS = ("dobj", "nsubjpass", "attr", "oprd")
#: sectors of the bodies a leader's trip at home may take him to without meeting a political counterpart
HOME_BODIES = frozenset({"MED", "EDU", "BUS", "AGR", "REL", "JRN", "SPT"})
#: prepositions that put one act before or after another: what they govern is no part of the act's content
TIME_PREPS = frozenset({"after", "before", "following", "during", "since", "until", "amid", "ahead"})
#: prepositions of talks held by the subject of the act they go with ("after talks with", "at a meeting with")
TALKS_PREPS = frozenset({"after", "following", "before", "during", "at", "in"})
#: nouns of the occasions acts are done at ("at a meeting with X, the minister pledged ...")
MEETING_NOUNS = frozenset({"meeting", "talk", "talks", "summit", "session", "visit", "negotiation", "conference", "audience"})
COMP_DEPS = frozenset({"xcomp", "ccomp", "dobj", "prep", "pcomp", "acomp", "oprd", "attr", "advcl", "conj", "nsubjpass"})
REFINE_ROOTS = frozenset({"03", "12", "10", "02", "13"})


#: sectors of a group that speaks as a party when it "attacks" someone ("the Dems attacked his record")
PARTY_SECTORS = frozenset({"PTY", "OPP", "LEG"})
QUOTE_MARKS = "\"“‘'"


#: sectors of those who bear arms: their attacks are no words
_ARMED_SECTORS = frozenset(("MIL", "REB", "UAF", "CRM", "COP", "SPY", "INS", "PRM"))

def _rallies_against(view: View, top: int, g: Cand, asked_about: frozenset[str]) -> bool:
    """Does a call or demand at ``top`` ask for the hostile act ``g`` it governs against someone ("called for sanctions
    against X", "demanded action against ...") — not in an adjunct, not denied ("assurances that it was not done"),
    not what it asks to be told about ("appealed for witnesses to the attack": ``asked_about``)?"""
    return g.entry.type in MATERIAL_CONFLICT and not _in_adjunct(view, g.tok, top) and (
        g.entry.is_noun or any(view.lemma(p) == "against" for p in view.kids(g.tok, "prep"))) \
        and not _denied_below(view, g.tok, top) and not _told_about(view, g.tok, top, asked_about)


def _embedded_question(view: View, c: int) -> bool:
    """Is the clause at ``c`` a question told ("what the plan should cost", "whether the army must withdraw"): it opens
    on a wh-word or "whether"/"if"?"""
    first = min(view.subtree(c))
    return view.toks[first].tag in ("WDT", "WP", "WP$", "WRB") or view.lemma(first) in ("whether", "if")


def _told_about(view: View, j: int, top: int, nouns: frozenset[str]) -> bool:
    """Does the act at ``j`` hang, below ``top``, on a noun of what is asked to be told ("witnesses to", "information
    about"), or is what ``top`` calls for such a noun ("appealed for witnesses to the attack", the "to" on the verb)?"""
    if any(view.lemma(o) in nouns for p in view.kids(top, "prep") if view.lemma(p) == "for" for o in view.kids(p, "pobj")):
        return True
    for a in view.ancestors(j):
        if a == top:
            return False
        if view.lemma(a) in nouns:
            return True
    return False


def _denied_below(view: View, j: int, top: int) -> bool:
    """Is the act at ``j`` denied in a clause below ``top`` ("sought guarantees that the prisoners had not been
    subjected to torture": no call for torture against anyone)?"""
    for a in view.ancestors(j):
        if a == top:
            return False
        if view.toks[a].pos in ("VERB", "AUX") and view.kids(a, "neg"):
            return True
    return False


def _bare_plural(view: View, n: int) -> bool:
    """Is the noun at ``n`` a plural with no determiner, number or owner ("tenants who refuse ...": any tenants)?"""
    t = view.toks[n]
    return t.tag == "NNS" and not view.kids(n, "det", "nummod", "poss", "amod", "compound")


#: occasions and media of speech: whom a phrase on them names ("in an interview with the Herald") is not judged
_MEDIUM_NOUNS = frozenset(("interview", "programme", "program", "show", "broadcast", "podcast", "newspaper",
                           "briefing", "conference"))

def _taking_part(view: View, j: int) -> int | None:
    """The verb of "took part in", "participated in", "joined in" whose "in" hangs on ``j`` ("part" or the verb);
    ``None`` for any other word."""
    lemma = view.lemma(j)
    if lemma in ("participate", "join") and view.toks[j].pos == "VERB" \
            or lemma == "take" and any(view.lemma(o) == "part" for o in view.kids(j, "dobj")):
        return j
    up = view.toks[j].head
    return up if lemma == "part" and view.toks[j].dep == "dobj" and view.lemma(up) == "take" else None


#: the nouns of "in support of", "in favour of", "in defence of"
_SUPPORT_NOUNS = frozenset({"support", "favour", "favor", "defence", "defense"})
#: the verbs of "to support", "backing": a rally for something
_SUPPORT_VERBS = frozenset({"support", "back", "defend", "endorse", "welcome", "celebrate"})


def _in_support(view: View, trig: int, clause: int) -> bool:
    """Is the protest at ``trig`` (its clause ``clause``) held for something, not against it: "rallied in support of
    the bill", "in favour of", "marched to back the reform", "a rally backing the law", "a pro-government rally"?"""
    for h in {trig, clause}:
        for ch in view.children[h]:
            dep, lemma = view.toks[ch].dep, view.lemma(ch)
            if dep == "prep" and lemma == "in" and any(view.lemma(p) in _SUPPORT_NOUNS for p in view.kids(ch, "pobj")):
                return True
            if dep in ("advcl", "xcomp", "acl") and lemma in _SUPPORT_VERBS:
                return True
            if dep in ("amod", "compound") and view.toks[ch].text.lower().startswith("pro-"):
                return True
    return False


class Coder:
    """The ``events`` stage callable (built once by ``make``)."""

    def __init__(self, min_confidence: float = 0.0):
        self.lex: Lexicon = load()
        self.tax = self.lex.taxonomy
        self.min_confidence = min_confidence
        m = self.lex.modes
        self.happen = m["happen_verbs"]
        self.light = m["light_verbs"]
        self.event_preps = m["event_preps"]
        self.speech = m["speech_verbs"]
        self.physical = frozenset(m["physical_targets"])
        self.who = Attribution(self.lex)
        # nouns of violent acts ("bombing", "air strike"): their places are no doers (``View.phrase_actors``)
        self.violent_nouns = frozenset(lem for lem, es in self.lex.by_lemma.items()
                                       if any(e.is_noun and e.type in ("ASSAULT", "COERCE") for e in es))
        self._entry_cache: dict[tuple[str, str, str], tuple[Entry, ...]] = {}

    def __call__(self, article: Article) -> Article:
        if not article.tokens:
            return article
        view = self.view(article)
        events: list[Event] = []
        for sent in article.sentences:
            events.extend(self.sentence(view, sent))
        events = [b for e in events if (b := self._binding(view, self._verbal(view, e))) is not None
                  and not _given_by_a_thing(view, b) and not _home_tour(view, b) and not _war_on_a_thing(view, b)]
        events = owners(view, retorts(refusals(view, answer(view, events, self.lex.modes))), self.lex.modes, self.lex.doings)
        events = governments(view, events, self.lex.modes)
        events = sides(view, events, self.lex.modes)
        # "the two leaders clashed": told again with the two named, a clash of politicians is one of words
        events = [self._verbal(view, e) if (e.rule or "").endswith("+pair") else e for e in events]
        events, recoded = claimed(view, events, self.lex.modes)
        if recoded:  # a group that claims an attack is an armed group, whatever its name's words said
            article = article.replace(actors=tuple(
                replace(a, sector=recoded[a.id], rule=(a.rule or "") + "+claimed") if a.id in recoded else a
                for a in article.actors))
        return article.replace(events=tuple(e for e in events if e.confidence >= self.min_confidence))

    def view(self, article: Article) -> View:
        """The parse of ``article`` indexed for coding, with the coder's word lists it consults."""
        view = View(article)
        view.headline_passives = self.lex.modes["headline_passive_verbs"]
        view.positive_labels = self.lex.modes["positive_labels"]
        view.violent_nouns = self.violent_nouns
        return view

    def _verbal(self, view: View, ev: Event) -> Event:
        """A politician or party "attacking" another is criticism, not violence ("the Tories attacked Brown",
        "the senator hit out at the ministry"), unless the sentence names a weapon or a wound."""
        m = self.lex.modes
        if ev.type != "ASSAULT" or not ev.evidence:
            return ev
        i = _tok_at(view, ev.evidence[0].trigger[0])
        if i is not None and view.lemma(i) not in m["verbal_attack_verbs"]:
            i = view.kid(i, "dobj")  # "launched an attack on the party": the attack named by the light verb's object
        if i is None or view.lemma(i) not in m["verbal_attack_verbs"]:
            return ev
        art = view.article
        # "the senator came under attack" (nobody named attacking): the one attacked is the speaker judged
        under = not ev.sources and view.toks[i].dep == "pobj" and view.lemma(view.toks[i].head) == "under"
        if not m["violence_words"].isdisjoint(view.sentence_lemmas(view.toks[i].sent)):
            return ev
        if self._worded(view, i, ev) or view.lemma(i) in m["verbal_clash_verbs"] and (
                self._spoken_clash(view, ev) or not m["debate_words"].isdisjoint(view.sentence_lemmas(view.toks[i].sent))):
            return self._retyped(ev, "ACCUSE", self.lex.codes["criticism"], "+verbal", view)
        if not ev.sources and not under:
            return ev
        speakers = [art.actor(a) for a in (ev.sources or ev.targets)]
        targets = [art.actor(a) for a in ev.targets]
        if view.lemma(i) in m["verbal_clash_verbs"] and any(t is not None and t.sector in _ARMED_SECTORS for t in targets):
            return ev  # "protesters clashed with security forces": no words, whoever the protesters are
        # a person attacking a party or a legislature attacks it in words ("attacking the party he once led")
        parties = bool(targets) and all(t is not None and t.sector in PARTY_SECTORS for t in targets)
        # a person with no arms attacking a government or its bodies attacks them in words ("attacked the
        # government over Iraq"); a weapon or a wound in the sentence says otherwise (above)
        state = any(t is not None and t.sector in ("GOV", "LEG") and t.kind in ("group", "government", "organisation")
                    for t in targets)
        # a politician named in full attacking an office holder named in full ("Mark Quill attacked Owen
        # Hale"), no weapon named: words (not "a man attacked the mayor")
        named = [t for t in targets if t is not None and t.kind != "place"]  # ("... in Leeds": where)
        officials = bool(named) and all(t.kind == "person" and t.sector in PARTY_SECTORS | {"GOV"}
                                        and len(t.name.split()) >= 2 for t in named)
        if not all(a is not None and (a.sector or "").lower() in m["speaker_sectors"]
                   and (a.kind in ("person", "organisation") or a.kind == "group" and (under or parties or a.sector in PARTY_SECTORS))
                   or under and a is not None and a.kind == "person"
                   or (parties or state and not (a is not None and a.sector in _ARMED_SECTORS)) and a is not None and a.kind == "person"
                   or officials and a is not None and a.kind == "person" and len(a.name.split()) >= 2
                   and a.sector not in _ARMED_SECTORS
                   for a in speakers):
            return ev
        return self._retyped(ev, "ACCUSE", self.lex.codes["criticism"], "+verbal", view)

    def _spoken_clash(self, view: View, ev: Event) -> bool:
        """A clash between politicians — each side one person, one office holder of a state or party ("the mayor",
        "the leader"), or a party — is one of words ("the mayor clashed with the leader of the No campaign"); not
        one of crowds, police or troops ("protesters clashed with police")."""
        speakers = self.lex.modes["speaker_sectors"]
        sides = [a for a in map(view.article.actor, ev.sources + ev.targets) if a is not None]
        return len(sides) >= 2 and len(sides) == len(ev.sources) + len(ev.targets) and all(
            a.kind == "person" or a.sector in PARTY_SECTORS
            or a.kind == "group" and (a.sector or "").lower() in speakers and not a.name.lower().split()[-1].endswith("s")
            for a in sides)

    def _worded(self, view: View, i: int, ev: Event) -> bool:
        """Is the attack at ``i`` one made in words by what the sentence says of it: aimed at those who speak
        ("critics"), or at people or parties and told with what was said or why ("attacked the senator for his
        comments", "went on to attack the president, saying ...", "attacked the minister in a speech"), by a
        person, a speaker of a state or party, or nobody named? (The caller has checked that the sentence names
        no weapon or wound.)"""
        m = self.lex.modes
        art = view.article
        if not ev.targets or not all((a := art.actor(x)) is not None and (
                a.kind == "person" or (a.sector or "").lower() in m["speaker_sectors"]) for x in ev.sources):
            return False
        targets = [a for a in map(art.actor, ev.targets) if a is not None]
        if any(a.kind == "group" and a.name.lower().split()[-1] in m["speaking_groups"] for a in targets):
            return True  # "attacking critics"
        t = view.toks[i]
        # "went on to attack the president, saying ...": the saying hangs on the verb above
        kids = view.children[i] + (view.children[t.head] if t.dep in ("advcl", "xcomp") else [])
        if any(view.toks[k].dep == "advcl" and view.toks[k].tag == "VBG" and view.lemma(k) in m["speech_verbs"]
               | m["label_verbs"] | m["accusing_verbs"] for k in kids):
            return True  # "attacked the unions, accusing them of greed", "attacked the president, saying ..."
        if len(targets) < len(ev.targets) or not all(a.kind == "person" or a.sector in PARTY_SECTORS for a in targets):
            return False  # (a person: a candidate out of office has no sector; the cue below says it was words)
        for k in kids:
            dep, lem = view.toks[k].dep, view.lemma(k)
            objs = [view.lemma(o) for o in view.kids(k, "pobj")] if dep == "prep" else []
            if lem == "for" and objs and objs[0] not in m["time_nouns"]:
                return True  # "attacked the senator for his vote" (not "for hours")
            if lem in ("in", "on", "via") and any(o in m["speech_nouns"] for o in objs):
                return True  # "in a speech", "on Twitter"
        return False

    def _retyped(self, ev: Event, ptype: str, code: str, why: str, view: View | None = None) -> Event:
        """``ev`` as an event of type ``ptype`` and CAMEO ``code``, its rule marked ``why``; retyped as words (with
        ``view``), without the targets only its topic names ("attacked the government over Iraq": Iraq is what the
        words are about)."""
        t = self.tax.types[ptype]
        cc = self.tax.code(code)
        targets = ev.targets
        if view is not None and ev.evidence:
            i = bisect_right(view.starts, ev.evidence[0].trigger[0]) - 1
            topic = {a for p in view.kids(i, "prep") if view.lemma(p) in ("over", "about", "on")
                     for o in view.kids(p, "pobj") for a in view.phrase_actors(o)}
            aimed = {a for o in view.kids(i, "dobj") for a in view.phrase_actors(o)}
            targets = tuple(a for a in ev.targets if a not in topic or a in aimed)
        return replace(ev, type=ptype, mode=None, contexts=(), quad_class=t.quad_class, cameo=code, targets=targets,
                       score=cc.goldstein if cc else t.score, rule=f"{ev.rule}{why}")

    def _court(self, view: View, verb: int) -> bool:
        """Is the subject of ``verb`` a court or a judge (whose orders bind: ``_binding``)?"""
        s, _ = view.subject(verb)
        actors = [a for a in (view.article.actor(x) for x in (view.phrase_actors(s) if s is not None else [])) if a]
        return bool(actors) and all((a.sector or "").lower() in self.lex.modes["court_sectors"] for a in actors)

    def _binding(self, view: View, ev: Event) -> Event | None:
        """A court's or a judge's order binds: "the judge ordered him to repay" is coercion (``court_order``), not a
        request; an order by anyone else stays a REQUEST (unless it orders force or an inquiry: then it is that act,
        ``command_verbs`` in ``_classify``), and one given to no one named ("ordered an inquiry",
        "ordered the schools closed") is an act of office, no event (None)."""
        m = self.lex.modes
        if ev.type != "REQUEST" or not ev.evidence:
            return ev
        i = _tok_at(view, ev.evidence[0].trigger[0])
        if i is None or view.lemma(i) not in m["binding_verbs"] or view.toks[i].pos != "VERB":
            return ev
        if not ev.targets:
            return None
        if not ev.sources:
            return ev
        if not all((a := view.article.actor(x)) is not None and (a.sector or "").lower() in m["court_sectors"]
                   for x in ev.sources):
            return ev
        if any(view.lemma(k) in m["release_words"] for k in view.kids(i, "dobj", "xcomp", "ccomp", "oprd")):
            return self._retyped(ev, "RETREAT", self.lex.codes["court_release"], "+court-release")
        return self._retyped(ev, "COERCE", self.lex.codes["court_order"], "+court")

    # -- candidates ----------------------------------------------------------------------------

    def _entries(self, view: View, i: int) -> tuple[Entry, ...]:
        t = view.toks[i]
        key = (t.lemma, t.text, t.pos)
        got = self._entry_cache.get(key)
        if got is None:
            if len(self._entry_cache) > 200_000:
                self._entry_cache.clear()
            got = self._entry_cache[key] = self._lookup_entries(t)
        return got

    def _lookup_entries(self, t: Token) -> tuple[Entry, ...]:
        by = self.lex.by_lemma
        got = by.get(t.lemma.lower())
        if got:
            return got
        w = t.text.lower()
        got = by.get(w)
        if got or t.pos not in ("VERB", "NOUN"):
            return got or ()
        # the lemmatiser's misses ("staged" → "stag"): undo the regular inflections — unless the lemma is
        # the first of them, when it did not miss ("sites" → "site", not the "sit" of a sit-in)
        cuts = [c for c in ((w[:-1] if w.endswith(("ed", "es", "s")) else None), (w[:-2] if w.endswith(("ed", "es")) else None),
                            (w[:-3] + "e" if w.endswith("ing") else None), (w[:-3] if w.endswith("ing") else None)) if c]
        if cuts and cuts[0] == t.lemma.lower():
            return ()
        for cut in cuts:
            if cut in by:
                return by[cut]
        return ()

    def _match(self, view: View, i: int, e: Entry) -> tuple[bool, int | None]:
        toks = view.toks
        t = toks[i]
        if e.pos and t.pos not in e.pos:
            return False, None
        ch = view.children[i]
        if e.prt and not any(toks[c].dep in ("prt", "advmod", "prep", "acomp", "oprd", "xcomp", "ccomp", "amod") and view.lemma(c) in e.prt
                             and not _dated_prep(view, c) for c in ch):
            return False, None
        if e.prep and not any(toks[c].dep in ("prep", "agent", "dative") and view.lemma(c) in e.prep and not _when(view, c)
                              and not (_reason(view, c) and e.type != "ACCUSE") and c > i for c in ch) \
                and not ("for" in e.prep and any(toks[c].dep == "advcl" and any(view.lemma(k) == "for" for k in view.kids(c, "mark"))
                                                 for c in ch)):
            # ("called for soldiers to be killed": the parser makes "for" the mark of the infinitive; a phrase
            # before the verb is an adjunct: "For the Liberal Democrats, X called the target unambitious")
            return False, None
        if e.prep and any(toks[c].dep == "oprd" for c in ch):
            return False, None  # "called the summer dreadful for farmers": a naming, not a call for anything
        if e.noobj and any(toks[c].dep == "dobj" for c in ch):
            return False, None
        if e.noname and any(toks[c].dep == "oprd" for c in ch):
            return False, None  # "called the minister a liar": a naming, not a telephone call
        if e.nocomp and any(toks[c].dep in ("xcomp",) for c in ch):
            return False, None
        if e.clause and not any(toks[c].dep == "ccomp" for c in ch):
            return False, None
        if e.question and not any(toks[c].dep == "ccomp" and _asks(view, c) or toks[c].dep == "advcl" and c > i
                                  and any(view.lemma(m) in ("if", "whether") for m in view.kids(c, "mark")) for c in ch):
            # ("asked 900 growers if they backed the quota": the parser read the question as a condition)
            return False, None
        if e.cmp and not any(toks[c].dep in ("compound", "amod", "nmod") and view.lemma(c) in e.cmp for c in ch):
            return False, None
        if e.subj:
            s, _ = view.subject(i)
            if s is None and t.dep == "acl":
                s = t.head  # "protests exploding across the country": the noun the participle tells of
            heads = [s] + [p for q in view.kids(s, "prep") if view.lemma(q) == "of" for p in view.kids(q, "pobj")] if s is not None else []
            if not any(view.lemma(h) in e.subj or any(view.lemma(x) in e.subj for x in view.kids(h, "compound", "amod")) for h in heads):
                return False, None
        if e.near and e.near.isdisjoint(view.sentence_lemmas(t.sent)):
            return False, None
        if "othercomp" in e.flags and not (
            any(toks[c].dep == "dobj" for c in ch)
            or (t.dep == "relcl" and sum(toks[c].dep in ("nsubj", "dobj") for c in ch) > 1)
            or any(toks[c].dep in ("ccomp", "xcomp") and view.kid(c, "nsubj", "nsubjpass") is not None for c in ch)
        ):
            return False, None
        obj = None
        if e.obj:
            obj = self._find_obj(view, i, e.obj, e.prep | e.prt)
            if obj is None:
                return False, None
        if "hurts" in e.flags and not all(self._harmable(view, c) for c in ch if toks[c].dep == "dobj"):
            return False, None
        if "hurts" in e.flags and not all(self._harmable(view, c, own=True) for c in ch if toks[c].dep == "nsubjpass"):
            return False, None  # "the judge's mind is shot", "his hopes were shot down": no one was shot
        return True, obj

    def _thing_does(self, view: View, c: Cand) -> bool:
        """Is the doer of this verb a thing, not an actor: an active clause whose subject is a common noun
        that names no actor, no event ("the attack killed five") and nothing that can harm ("a bomb")?"""
        toks = view.toks
        agents = [o for a in view.kids(c.tok, "agent") for o in view.kids(a, "pobj")]
        if agents and toks[c.tok].tag != "VBN" and not view.kids(c.tok, "auxpass"):
            agents = []  # an active verb's "by" says how: "spoke by videoconference"
        if agents:
            # "the coast was struck by hurricanes": a disaster or accident with no one behind it
            # (or, for words and help, a thing: "figures were helped by the growth of flights")
            a = agents[0]
            return self._thing(view, a) and (view.lemma(a) in self.lex.modes["disaster_words"]
                                             or c.entry.type in VERBAL or c.entry.type in ("AID", "COOPERATE"))
        subs = [s for s in view.children[c.tok] if toks[s].dep == "nsubj"]
        if not subs:
            return False
        s = subs[0]
        if view.lemma(s) in ("that", "which") and toks[c.tok].dep == "relcl":
            s = toks[c.tok].head  # "disasters that have struck the US": the disasters
        if c.entry.type in ("AID", "COOPERATE") and c.entry.lemma in self.lex.modes["causal_verbs"] \
                and not self._thing(view, s) and toks[s].pos == "NOUN" and toks[s].text.islower() \
                and not view.tok_actors.get(s) and not self._people(view, s) and not any(e.type != NONE for e in self._entries(view, s)):
            return True  # "EU cooperation would help", "Tory attitudes helped keep the party out": a cause, no aid
        return self._thing(view, s, verbal=c.entry.type in VERBAL or c.entry.type == "PROTEST")

    def _accident(self, view: View, v: int) -> bool:
        """Is the passive violence at ``v`` an accident with no one behind it: done "in" a disaster or an accident
        ("killed in a helicopter crash") or "when" a thing did what things do in one ("when a tree fell on his car")?"""
        m = self.lex.modes
        if view.kids(v, "agent"):
            return False
        if any(self._works_accident(view, s, v) for s in view.kids(v, "nsubj")):
            return True  # "an explosion at a chemical plant killed nine workers"
        # ("were killed and others hurt in a gas explosion": the cause may hang on the conjunct)
        for w in (v, *view.kids(v, "conj"), *[a for c in view.kids(v, "conj") for a in view.kids(c, "acl")]):
            for p in view.kids(w, "prep"):
                if view.lemma(p) == "in" and any(view.lemma(o) in m["disaster_words"] and self._thing(view, o)
                                                 or self._works_accident(view, o, w) for o in view.kids(p, "pobj")):
                    return True
        for p in view.kids(v, "prep"):
            if view.lemma(p) in ("as", "after", "when") and any(
                    view.lemma(o) in m["accident_verbs"] or view.lemma(o) in m["disaster_words"] for o in view.kids(p, "pobj")):
                return True  # the headline parse of "Four killed as train derails": "derails" a noun after "as"
        if self._named_disaster(view, v):
            return True
        # "Three people have been killed and 20 injured after a bus hit a wall": the clause may hang on the conjunct
        for c in [a for w in (v, *view.kids(v, "conj")) for a in view.kids(w, "advcl")]:
            if {view.lemma(k) for k in view.kids(c, "mark", "advmod")} & {"when", "as", "after"} \
                    and view.lemma(c) in m["accident_verbs"]:
                s = view.kid(c, "nsubj")
                if s is not None and (self._thing(view, s) or view.lemma(s) in m["disaster_words"] or self._vehicle(view, s)):
                    return True
        return False

    def _works_accident(self, view: View, o: int, v: int) -> bool:
        """Is the noun at ``o`` a blast, an explosion or a fire of industry, not an attack: one of gas, a boiler or
        fireworks ("a gas explosion"), or at a factory, a plant, a mine (told with the noun or with the verb ``v``:
        "killed in a blast at a cement works"), with no word of an attack on it ("a bomb blast at a plant")?"""
        m = self.lex.modes
        if view.lemma(o) not in m["blast_words"]:
            return False
        mods = {view.lemma(k) for k in view.kids(o, "compound", "amod")}
        if mods & m["attack_modifiers"]:
            return False
        sites = [q for h in (o, v) for p in view.kids(h, "prep") if view.lemma(p) in ("at", "in", "inside")
                 for q in view.kids(p, "pobj") if q != o]
        return bool(mods & m["works_words"]) or any(
            view.lemma(q) in m["works_words"] or {view.lemma(k) for k in view.kids(q, "compound", "amod")} & m["works_words"]
            for q in sites)

    def _vehicle(self, view: View, s: int) -> bool:
        """Is the noun at ``s`` a thing violence is done to that is no one ("a bus hit a wall", "the ferry
        capsized"): what an accident verb's subject may be, besides things?"""
        t = view.toks[s]
        return t.pos == "NOUN" and not t.ent_type and view.lemma(s) in self.physical and not view.tok_actors.get(s) \
            and not self._people(view, s)

    def _named_disaster(self, view: View, v: int) -> bool:
        """Is ``v`` the participle of what a named storm did ("Storm Ingrid tore across Spain, killing three")?"""
        t = view.toks[v]
        if t.dep != "advcl" or t.tag != "VBG" or view.kids(v, "nsubj"):
            return False
        # (every subject: a dateline may be taken for another, "BILBAO, Spain - Storm Helena swept ...")
        return any(view.lemma(k) in self.lex.modes["disaster_words"]
                   for s in view.kids(t.head, "nsubj") for k in view.kids(s, "compound"))

    @staticmethod
    def _people(view: View, s: int) -> bool:
        t = view.toks[s]
        return view.lemma(s) in _people_words() or t.text.lower() in _people_words()

    def _thing(self, view: View, s: int, verbal: bool = False) -> bool:
        """Is the noun at ``s`` a thing: a common noun that is no actor, names no people ("investigators"),
        no event ("the attack") and nothing that can harm ("a bomb")? A thing owned or modified by an actor
        is no thing ("the US budget" may be the US acting, "the APEC forum" is APEC), but one it owns is
        ("Obama's involvement offers a reminder")."""
        toks = view.toks
        t = toks[s]
        if t.pos != "NOUN" or t.ent_type or not t.text.islower() or view.tok_actors.get(s):
            return False
        if self._people(view, s) or (verbal and _agentive(t.text.lower(), t.tag)):
            # "investigators shared evidence", "providers protested": people, though no actor was resolved
            # (a suffix alone says people only for what people do in words: "disasters struck" is no one)
            return False
        if any(e.type != NONE for e in self._entries(view, s)) or view.lemma(s) in self.physical or t.text.lower() in self.physical:
            return False
        owners = {j for p in view.kids(s, "poss") for j in view.subtree(p)}  # "Obama's involvement" is a thing
        if verbal and view.lemma(s) in self.lex.modes["speech_nouns"] and any(view.tok_actors.get(j) for j in owners):
            return False  # "his newest ad accuses his rival of ...": the owner speaks through it
        named = [j for a in view.kids(s, "appos") for j in view.subtree(a)]  # "the novelist Maria Lind" is her
        return not any(view.tok_actors.get(j) for j in view.subtree(s) + named if j not in owners)

    #: named-entity types a violent act may be done to (people, organisations, places, buildings)
    HARMABLE_ENTS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})

    def _harmable(self, view: View, d: int, own: bool = False) -> bool:
        """Can violence be done to the object headed by ``d``: an actor, a place or a physical target
        ("attacked the convoy"), not a plan or a tax ("slaughter the council tax")? ``own``: by the noun itself,
        not by an actor its modifiers name ("the judge's mind")."""
        t = view.toks[d]
        if view.tok_actors.get(d) or t.ent_type in self.HARMABLE_ENTS or t.pos in ("PRON", "PROPN", "NUM"):
            return True
        if view.lemma(d) in self.physical or t.text.lower() in self.physical:
            return True
        return not own and bool(view.phrase_actors(d, strict=True)) or own and view.lemma(d) in _people_words()

    def _find_obj(self, view: View, i: int, wanted: frozenset[str], via: frozenset[str] = frozenset()) -> int | None:
        """The object of the trigger at ``i`` that is one of ``wanted``: a direct object, or the object of one of
        the line's own prepositions ``via`` ("agreed with the assessment", not "agreed with X on a plan")."""
        toks = view.toks
        if "*" in wanted:
            return next((c for c in view.children[i] if toks[c].dep == "dobj"), None)
        cands: list[int] = []
        for c in view.children[i]:
            d = toks[c].dep
            if d in OBJ_DEPS:
                cands.append(c)
            elif d in ("prep", "prt", "dative") and (view.lemma(c) in via or d == "dative"):
                cands.extend(view.kids(c, "pobj"))
            elif d == "xcomp":
                cands.extend(view.kids(c, "dobj"))
        if toks[i].dep in ("acl", "relcl") and toks[i].head != i and not any(
                view.lemma(a) == "to" for a in view.kids(i, "aux")):
            cands.append(toks[i].head)  # "the plan approved by ..." (not "a plan to attack": the plan is not attacked)
        more = []
        for c in cands:
            more.extend(view.kids(c, "conj"))
            for p in view.kids(c, "prep"):
                if view.lemma(p) == "of":
                    more.extend(view.kids(p, "pobj"))
        for c in cands + more:
            if view.lemma(c) in wanted or toks[c].text.lower() in wanted:
                return c
        # "mediation efforts", "aid deliveries", "peacekeeping force": the modifier names the thing
        for c in cands:
            for m in view.kids(c, "compound", "amod", "nmod"):
                if view.lemma(m) in wanted or toks[m].text.lower() in wanted:
                    return c
        return None

    def _noun_position(self, view: View, i: int) -> tuple[bool, int, float]:
        """Is this event noun told as something that happened (not a topic)? → (ok, clause verb, penalty)."""
        toks = view.toks
        t = toks[i]
        if t.dep == "compound" and t.head == i + 2 and toks[i + 1].text == "-":
            t = toks[t.head]  # "held a sit-in": the hyphenated noun's place is its last piece's
        for _ in range(3):
            if t.dep != "conj":
                break
            t = toks[t.head]
        d, h = t.dep, t.head
        if d == "ROOT":
            return True, i, 0.05
        if d in ("nsubj", "nsubjpass") and (view.lemma(h) in self.happen or self._entries(view, h)):
            return True, h, 0.05
        if d == "dobj" and view.lemma(h) in self.lex.modes["defend_verbs"]:
            return True, i, 0.05  # "troops repelled an attack by militants": the attack took place
        if d == "dobj" and view.lemma(h) in self.lex.modes["sequel_verbs"]:
            return True, i, 0.2  # "the closure followed an ambush by the rebels", "the arrest sparked protests"
        if d == "dobj" and view.lemma(h) in self.light:
            if any(toks[c].dep == "oprd" for c in view.children[h]):
                # "called the attack a war crime": a verb naming the event, not carrying it out; the
                # event stands on its own, its agent unknown here
                return True, i, 0.05
            return True, h, 0.0
        if d == "pobj" and view.lemma(h) == "in" and (part := _taking_part(view, toks[h].head)) is not None:
            return True, part, 0.0  # "1,500 people took part in a demonstration": its subject demonstrated
        if d == "pobj" and view.lemma(h) == "under" and view.subject(toks[h].head)[0] is not None:
            return True, i, 0.1  # "the mayor is under investigation", "came under attack": done to the subject
        if d == "pobj" and (view.lemma(h) in self.event_preps or toks[h].text.lower() in self.event_preps
                            or (view.lemma(h) == "on" and e_mode_visit(self, view, i))):
            return True, i, 0.2
        if d in ("nsubj", "nsubjpass", "dobj") and _between_actors(view, i):
            return True, h, 0.1  # "talks between X and Y raised hopes": told with its parties, it took place
        if d == "pobj" and view.lemma(h) == "of" and view.lemma(toks[h].head) in self.lex.modes["event_parts"] \
                and not view.kids(i, "poss") and any(e.type == "CONSULT" for e in self._entries(view, i)):
            # "the outcome of talks between the ministers": they took place, between those named; "signed at the
            # end of talks": between those who signed
            verb = next((a for a in view.ancestors(i) if toks[a].pos in ("VERB", "AUX")), None)
            return True, (i if verb is None or _between_actors(view, i) else verb), 0.05
        return False, i, 0.0

    def candidates(self, view: View, sent: Sentence) -> list[Cand]:
        out: list[Cand] = []
        headline = _is_headline(view, sent)
        for i in range(sent.tok_start, sent.tok_end):
            entries = self._entries(view, i)
            if not entries:
                continue  # no trigger word: the tests below are for triggers only
            if view.toks[i].dep == "amod" and view.toks[i].pos == "VERB":
                continue  # "the alleged violations": a participle used as an adjective
            if view.toks[i].tag == "VBN" and view.toks[i].dep in ("acomp", "oprd", "xcomp") \
                    and view.lemma(view.toks[i].head) in self.lex.modes["feeling_verbs"]:
                continue  # "caused them to feel threatened": a feeling, not an act
            # a participle told of a noun ("the prisoners detained in the UK"); not a clause with its own subject or
            # auxiliary the parser hung on a noun ("a statement that the two ministers had met")
            reduced = view.toks[i].dep == "acl" and view.toks[i].tag == "VBN" and view.toks[view.toks[i].head].pos in ("NOUN", "PROPN") \
                and not view.kids(i, "nsubj", "nsubjpass", "aux")
            if reduced and headline and view.toks[view.toks[i].head].dep == "ROOT":
                reduced = False  # "Former treasurer indicted on fraud charges": a headline's passive, its news
            if i + 1 < len(view.toks) and view.lemma(i) == "let" and view.toks[i + 1].text.lower() in ("'s", "’s", "us"):
                continue  # "let's go back": an exhortation
            if view.lemma(i) in self.lex.modes["agreeing_verbs"] and any(
                    view.toks[c].dep in ("ccomp", "parataxis") and view.quoted(c) for c in view.children[i]):
                continue  # '"We will win together," agreed the senator': a way of saying it, no agreement
            if view.lemma(i) == "want" and any(view.lemma(c) in self.lex.modes["contest_outcomes"] and view.toks[c].tag == "VB"
                                               for c in _descendants(view, i) if c != i):
                continue  # "I wanted Young to win": a wish for a contest's outcome, no demand
            if view.toks[i].dep == "relcl" and view.toks[i].tag in ("VBP", "VBZ", "VB") and (
                    view.lemma(view.toks[i].head) in self.lex.modes["generic_subjects"] or _bare_plural(view, view.toks[i].head)):
                # "those who collaborate with ...", "anyone who attacks police", "tenants who refuse inspections could be
                # fined": whoever does it, no act
                continue
            if view.toks[i].dep == "acl" and view.toks[i].tag == "VBG" and view.lemma(i) == "seek" and any(
                    view.lemma(o) in self.lex.modes["sought_shelter"] for o in view.kids(i, "dobj")):
                continue  # "families seeking asylum": who they are, no request
            if view.toks[i].dep in ("relcl", "acl", "xcomp") and view.lemma(view.toks[i].head) in self.lex.modes["quantity_pronouns"]:
                continue  # "they have much to offer", "nothing to hide": what one has, no act
            for e in entries:
                ok, obj = self._match(view, i, e)
                if not ok:
                    continue
                if e.lemma in self.lex.modes["complement_promises"] and "comp" in e.flags and not view.kids(i, "xcomp"):
                    break  # "who undertook major government reviews": a task done, no promise
                judged_move = e.type == "ACCUSE" and view.lemma(view.toks[i].head) in MOVE_NOUNS
                if reduced and not ((e.type in ASSAULT_TYPES or e.type == "REJECT" or judged_move or _signed_by(view, i, e))
                                    and view.kids(i, "agent")) and not any(
                        view.toks[j].ent_type == "DATE" for j in view.subtree(i)):
                    # "the prisoners detained in the UK", "damages ordered by a court": told about the noun (not
                    # "a claim denied by the finance minister", "the town shelled by the army": the act, its doer named);
                    # with its own date it is background to flag ("the accord signed in March 2001")
                    break
                clause, pen = i, 0.0
                good = True
                if "topic" in e.flags:
                    good, clause, pen = self._noun_position(view, i)
                    if not good and e.type in ASSAULT_TYPES | {"PROTEST"} and _dated_with_doer(view, i):
                        good, pen = True, 0.1
                    if good and clause == i and e.type == "CONSULT":
                        clause = _talks_after(view, i)
                out.append(Cand(i, e, obj, view.depth(i), clause, pen, latent=not good))
                break
        return out

    # -- one sentence --------------------------------------------------------------------------

    def sentence(self, view: View, sent: Sentence) -> list[Event]:
        toks = view.toks
        cands = self.candidates(view, sent)
        if not any(not c.latent for c in cands) and _is_headline(view, sent):
            ev = self._headline(view, sent)
            return [ev] if ev else []
        objs = {c.obj for c in cands if c.obj is not None}
        cands = [c for c in cands if c.tok not in objs]
        cands.sort(key=lambda c: (c.depth, c.tok))
        consumed: set[int] = set()
        kept: list[Cand] = []
        by_tok = {c.tok: c for c in cands}
        for c in cands:
            if c.tok in consumed:
                continue
            if c.latent:
                if "comp" in c.entry.flags and c.entry.is_noun:
                    # "said the council's refusal to allow the vigil proved ...": no event told of the refusal,
                    # and what it refuses is not done either
                    for ch in view.kids(c.tok, "acl"):
                        if any(view.lemma(a) == "to" for a in view.kids(ch, "aux")):
                            consumed.update(j for j in _descendants(view, ch) if j in by_tok)
                continue
            if c.entry.type != NONE:
                kept.append(c)
            if "comp" in c.entry.flags or c.entry.type == NONE:
                inside: set[int] = set()
                for ch in view.children[c.tok]:
                    if toks[ch].dep in COMP_DEPS and not (toks[ch].dep == "conj" and toks[ch].pos in ("VERB", "AUX")):
                        if toks[ch].dep == "advcl" and (view.kids(ch, "mark") or _own_participle(view, c.tok, ch, by_tok)
                                                         or _circumstance(view, c.tok, ch)):
                            continue
                        if toks[ch].dep == "prep" and _occasion(view, ch):
                            continue  # "pledged closer ties after talks with X": the talks were held, an event of their own
                        if _semicolon_before(view, ch, c.tok):
                            continue  # "Prosecutors accused the union; the union rejected the charge": two sentences
                        inside.update(_content(view, ch))
                    elif c.entry.is_noun and toks[ch].dep == "acl" and any(view.lemma(a) == "to" for a in view.kids(ch, "aux")):
                        inside.update(_descendants(view, ch))  # "the junta's refusal to allow the meeting"
                gov = [by_tok[j] for j in sorted(inside, key=lambda j: by_tok[j].depth if j in by_tok else 99) if j in by_tok]
                if c.entry.type == NONE and c.obj is not None and view.lemma(c.obj) in self.lex.modes["hypothetical_governors"]:
                    # "voiced hope that X can reach a deal": the hope's topic nouns are not events, but the
                    # clause that says what is hoped for is (its modes mark it hypothetical)
                    gov = [g for g in gov if g.entry.is_noun or not _in_clause(view, g.tok, c.obj)]
                for g in gov:
                    consumed.add(g.tok)
                if gov and c.entry.lemma in self.lex.modes["command_verbs"] and not _ordered(view, c.tok, gov[0].tok):
                    gov = []  # "ordered bells rung in memory of miners killed in a blast": no blast ordered
                c.governed = gov
                if gov and gov[0].entry.type == NONE and (gov[0].entry.cameo.startswith("01") or c.entry.type != "REQUEST") \
                        and c in kept and toks[gov[0].tok].head == c.tok:
                    # "declined to comment": a statement (not "called for action to fight"; not "urged the authorities to
                    # release the water", whose line only says it frees no prisoner)
                    kept.remove(c)
                elif "inner" in c.entry.flags and not gov and c in kept and not _acts_on(view, c.tok, self.lex.modes["plight_verbs"]):
                    kept.remove(c)  # "failed to tackle the problem", "warned that prices may rise": no act
                elif (c.entry.type == "THREATEN" or c.entry.cameo.startswith("13")) and "inner" in c.entry.flags \
                        and c in kept and (_warns_of_others(view, c.tok) or not gov and _warned_of_conduct(view, c.tok)):
                    # "warned that a rival government would raise taxes": a warning, no threat; "warned Labour they
                    # were pandering to prejudice": a criticism of whom it warns (the statements' reading codes it)
                    kept.remove(c)
        taken: set[int] = set()
        frames = self._obligation_frames(view, sent)  # (read once: the demands and "time for" both use them)
        events = self._obligations(view, sent, by_tok, taken, frames)
        events.extend(self._time_for(view, sent, frames))
        events.extend(e for c in kept if c.tok not in taken and (e := self._event(view, sent, c)) is not None)
        events.extend(self._criticisms(view, sent, by_tok, [e for e in events if e is not None]))
        events.extend(self._labels(view, sent, [e for e in events if e is not None]))
        events.extend(self._concerns(view, sent, [e for e in events if e is not None]))
        events.extend(complaints(self, view, sent, [e for e in events if e is not None]))
        events.extend(rejected_calls(self, view, sent, [e for e in events if e is not None]))
        events.extend(self._rebuttals(view, sent, [e for e in events if e is not None]))
        events.extend(self._refusals(view, sent, [e for e in events if e is not None]))
        return _dedupe(view, _move_makers(view, self._armed_raids(view, [e for e in events if e is not None])))

    def _armed_raids(self, view: View, events: list[Event]) -> list[Event]:
        """A raid by an armed group that is no state's ("rebel fighters raided the market town": ``raiding_sectors``) is
        an attack, ASSAULT 190 — so a toll told with it is its toll ("six villagers were killed when rebels raided
        the market") — not a search or a seizure (COERCE 171: "police raided the offices")."""
        raiders, verbs = self.lex.modes["raiding_sectors"], self.lex.modes["raid_verbs"]
        out: list[Event] = []
        for e in events:
            i = _tok_at(view, e.evidence[0].trigger[0]) if e.evidence else None
            if e.type == "COERCE" and e.sources and i is not None and view.lemma(i) in verbs and all(
                    (a := view.article.actor(x)) is not None and (a.sector or "").lower() in raiders for x in e.sources):
                e = replace(e, type="ASSAULT", cameo="190", mode=None, rule=f"{e.rule}+armed")
            out.append(e)
        return out

    def _refusals(self, view: View, sent: Sentence, found: list[Event]) -> list[Event]:
        """"We will not recognise these results", "the sheriff said he would not enforce the law", "Serbia has never
        recognised it": saying one will not (or never did) do what others want done (``refusal_verbs``) is a
        refusal made now (REJECT by the subject), unless it hangs on a condition; so is declaring that one does
        not recognise or accept a result, a claim or a body (``declared_refusals``: "we do not recognise the
        official result", "the government does not accept that the system was abused")."""
        toks = view.toks
        m = self.lex.modes
        coded = {_tok_at(view, e.evidence[0].trigger[0]) for e in found if e.evidence}
        out: list[Event] = []
        refusing = m["refusal_verbs"] | m["declared_refusals"]
        for i in range(sent.tok_start, sent.tok_end):
            if i in coded or toks[i].pos != "VERB":
                continue
            lemma = view.lemma(i)
            part = any(f"{lemma} {view.lemma(o)}" in m["refusal_phrases"] for o in view.kids(i, "dobj"))  # "take part"
            if lemma not in refusing and not part:
                continue
            negs = {view.lemma(n) for n in view.kids(i, "neg")} | {toks[n].text.lower() for n in view.kids(i, "neg")}
            auxes = {view.lemma(a) for a in view.kids(i, "aux")}
            if not negs & m["negators"]:
                continue
            if not (auxes & m["refusal_modals"] and (lemma in m["refusal_verbs"] or part) or "never" in negs and "have" in auxes
                    or "do" in auxes and lemma in m["declared_refusals"]):
                continue
            if _under_condition(view, i):
                continue
            s_sub, passive = view.subject(i)
            sources = view.phrase_actors(s_sub) if s_sub is not None and not passive else []
            if not sources:
                continue
            targets = [a for o in view.kids(i, "dobj") for a in view.phrase_actors(o, strict=True) if a not in sources]
            out.append(self._build(view, sent, "REJECT", self.lex.codes["refusal"], None, (), sources, targets, False, Aux(),
                                   (toks[i].start, toks[i].end), 0.74 - min(0.2, 0.04 * view.depth(i)), "reject/refusal-of-an-act"))
        return out

    def _criticisms(self, view: View, sent: Sentence, by_tok: dict[int, Cand], found: list[Event]) -> list[Event]:
        """"X said Y's plan was unacceptable", "Y has betrayed voters, X said": a reported statement that
        criticises another actor, with no event of its own inside, is an accusation by the speaker (CAMEO 111);
        one that praises another actor or its act ("said the villagers were delighted with the apology") is
        support (CAMEO 051)."""
        accused = [set(e.sources) for e in found if e.type == "ACCUSE"]
        toks = view.toks
        coded = {_tok_at(view, e.evidence[0].trigger[0]) for e in found}  # where the coded events are
        praise = not any(e.type == "SUPPORT" for e in found)
        attacks = {_tok_at(view, e.evidence[0].trigger[0]) for e in found if e.type == "ASSAULT"}
        # the innermost speaker first: "Brekke says Sten warned the premier that the operation could be illegal" is
        # Sten's judgement, reported by Brekke
        frames = sorted(self.statements(view, sent), key=lambda f: -view.depth(f[1]) if f[1] is not None else 0)
        for sources, verb, c, conf, said_of in frames:
            content = _descendants(view, c)
            judged_doer = None if verb is not None and view.kids(verb, "neg") else self._extraposed(view, c, sources)
            if judged_doer is not None and set(sources) not in accused:
                # "said it was shameful that the ministry had let the plant close": the doer of what is judged is
                # accused (the act itself stays coded as it is told)
                return [self._build(view, sent, "ACCUSE", self.lex.codes["criticism"], None, (), sources, judged_doer[1],
                                    False, Aux(), (toks[judged_doer[0]].start, toks[judged_doer[0]].end), conf,
                                    "accuse/criticism-of-act")]
            if accused:
                continue  # an accusation coded already
            if (cue := self._no_truth(view, c)) is not None and not (verb is not None and view.kids(verb, "neg")):
                # "said there was no evidence that any prisoner was beaten" (the beating it denies is coded, negated),
                # "not a shred of truth in the report"
                return [self._build(view, sent, "REJECT", self.lex.codes["denial"], None, (), sources, said_of[:1], False,
                                    Aux(), (toks[cue].start, toks[cue].end), conf, "reject/no-truth-in-speech")]
            inside = [j for j in content if j in coded]
            if inside and not set(inside) <= {k for p in view.kids(c, "prep") if view.lemma(p) in self.lex.modes["manner_preps"]
                                              for k in view.subtree(p)}:
                continue  # the content tells an event of its own ("are being naive by refusing to ...": told how)
            if verb is not None and view.kids(verb, "neg"):
                continue  # "did not think the remarks were offensive", "did not say": no one is judged
            if verb is not None and toks[verb].dep == "advcl" and (toks[verb].head in attacks or any(
                    toks[a].head == toks[verb].head for a in attacks if a is not None)):
                continue  # "went on to attack the governor, saying he had ignored ...": what the attack said
            got = self._judgement(view, c, content, sources, _word_list("criticism.txt"), bool(said_of))
            if got is not None:
                cue, targets, denial = got
                targets = said_of[:1] or targets
                span = (toks[cue].start, toks[cue].end)
                if denial:
                    # "said it was wholly wrong to suggest that ...": what is called wrong is a claim, denied
                    return [self._build(view, sent, "REJECT", self.lex.codes["denial"], None, (), sources, [], False, Aux(),
                                        span, conf, "reject/denial-in-speech")]
                return [self._build(view, sent, "ACCUSE", self.lex.codes["criticism"], None, (), sources, targets, False, Aux(),
                                    span, conf, "accuse/criticism-in-speech")]
            critic = self._critics_say(view, verb, c, content, sources, said_of)
            if critic is not None:
                return [self._build(view, sent, "ACCUSE", self.lex.codes["criticism"], None, (), sources, critic[1], False,
                                    Aux(), (toks[critic[0]].start, toks[critic[0]].end), conf - 0.05, "accuse/critics-say")]
            got = self._judgement(view, c, content, sources, _word_list("praise.txt"), bool(said_of)) if praise else None
            if got is not None and not got[2]:
                cue, targets, _ = got
                targets = said_of[:1] or targets
                return [self._build(view, sent, "SUPPORT", self.lex.codes["praise"], None, (), sources, targets, False, Aux(),
                                    (toks[cue].start, toks[cue].end), conf - 0.05, "support/praise-in-speech")]
        return []

    def _extraposed(self, view: View, c: int, sources: list[str]) -> tuple[int, list[str]] | None:
        """"it was shameful that the ministry had ...", "it is wrong for the judge to ...": a statement whose content
        judges, with a word of criticism, what an actor did or does (a clause after "it is ..."): the word and that
        actor, or ``None``."""
        toks = view.toks
        if view.lemma(c) != "be" or not any(view.lemma(k) == "it" for k in view.kids(c, "nsubj", "expl")):
            return None
        words = _word_list("criticism.txt")
        cue = next((k for k in view.kids(c, "acomp", "attr") if view.lemma(k) in words or toks[k].text.lower() in words), None)
        if cue is None or view.kids(c, "neg"):
            return None
        for inner in view.kids(c, "ccomp", "advcl", "csubj", "xcomp") + view.kids(cue, "ccomp", "xcomp"):
            s, passive = view.subject(inner)
            doers = [a for a in view.phrase_actors(s) if a not in sources] if s is not None and not passive else []
            if doers:
                return cue, doers[:1]
        return None

    def _critics_say(self, view: View, verb: int | None, c: int, content: list[int], sources: list[str],
                     said_of: list[str]) -> tuple[int, list[str]] | None:
        """"Critics of the government say it has announced twenty initiatives", "critics claim the record is patchy":
        what critics or opponents say is criticism, of whom their title names ("critics of the government"), else of
        the actor the statement is about; ``None`` when the speakers are no critics or nobody is named."""
        if verb is None:
            return None
        subj, _ = view.subject(verb)
        if subj is None or view.lemma(subj).lower() not in self.lex.modes["critic_nouns"]:
            return None
        named = [a for p in view.kids(subj, "prep") if view.lemma(p) == "of" for o in view.kids(p, "pobj")
                 for a in view.phrase_actors(o) if a not in sources]
        if not named:
            c_sub, _ = view.subject(c)
            named = [a for a in (view.phrase_actors(c_sub) if c_sub is not None else []) if a not in sources]
        targets = said_of[:1] or named[:1]
        if not targets:
            # "critics claim the record is at best patchy": whose record, the actor named last before
            first = view.article.sentences[view.toks[subj].sent].tok_start
            before = [a for j in range(first, subj) for a in view.tok_actors.get(j, ()) if a not in sources]
            targets = before[-1:]
        return (verb, targets) if targets else None

    def _no_truth(self, view: View, c: int) -> int | None:
        """The noun of a statement that there is no truth, evidence or basis in or for something ("there was no
        evidence that ...", "there was not a shred of truth in the report"): a denial; else ``None``."""
        if view.lemma(c) != "be" or not any(view.lemma(k) == "there" for k in view.kids(c, "expl")):
            return None
        negated = any(view.lemma(k) in ("not", "never") for k in view.kids(c, "neg"))
        for a in view.kids(c, "attr"):
            nouns = [a] + [p for q in view.kids(a, "prep") if view.lemma(q) == "of" for p in view.kids(q, "pobj")]
            cue = next((n for n in nouns if view.lemma(n) in self.lex.modes["truth_nouns"]), None)
            if cue is not None and any(view.lemma(k) == "to" for n in view.kids(cue, "acl", "relcl") for k in view.kids(n, "aux")):
                continue  # "not enough evidence to hold him any longer": too little to act on, no claim denied
            if cue is not None and (negated or any(view.lemma(k) == "no" for k in view.kids(a, "det"))):
                return cue
        return None

    def statements(self, view: View, sent: Sentence) -> list[tuple[list[str], int | None, int, float, list[str]]]:
        """The statements the sentence reports of actors: (speakers, speech verb, the content's head, confidence,
        whom it is said of) for each clause a speech verb with an actor for its active subject governs ("X said
        Y's plan was unacceptable"), else for a sentence that continues another sentence's direct quote (no verb:
        ``None``)."""
        toks = view.toks
        frames: list[tuple[list[str], int | None, int, float, list[str]]] = []
        for i in range(sent.tok_start, sent.tok_end):
            if view.lemma(i) not in self.speech or toks[i].pos != "VERB":
                continue
            s_sub, passive = view.subject(i)
            if s_sub is None or passive:
                continue
            sources = view.phrase_actors(s_sub)
            if not sources:
                continue
            # '"It is a scandal," she said of the ministry's handling': whom it is said of
            said_of = [a for p in view.kids(i, "prep") if view.lemma(p) in ("of", "about")
                       for o in view.kids(p, "pobj") for a in view.phrase_actors(o) if a not in sources]
            frames.extend((sources, i, c, 0.8 - min(0.2, 0.04 * view.depth(i)), said_of) for c in view.children[i]
                          if toks[c].dep in ("ccomp", "parataxis"))
            # "warned both parties against pandering to bigots": what they are warned against, said of them
            warned = [a for o in view.kids(i, "dobj") for a in view.phrase_actors(o) if a not in sources]
            frames.extend((sources, i, o, 0.8 - min(0.2, 0.04 * view.depth(i)), warned)
                          for o in (_warned_against(view, i) if warned else []))
        if not frames and (quoted := self._quoted(view, sent)) is not None:
            frames.append((quoted[0], None, quoted[1], 0.72, []))  # "It is a betrayal," she said. "They broke every promise."
        return frames

    def _labels(self, view: View, sent: Sentence, found: list[Event]) -> list[Event]:
        """"X called the plan reckless", "Y branded the minister a coward", "Z described the ruling as
        shameful": naming someone or their act with a word of criticism is an accusation by the namer
        (CAMEO 111), its target the actor named in what is labelled."""
        if any(e.type == "ACCUSE" for e in found):
            return []
        toks = view.toks
        words = _word_list("criticism.txt")
        coded = {e.evidence[0].trigger[0] for e in found if e.evidence}
        for i, sources in self._speakers(view, sent, self.lex.modes["label_verbs"]):
            if toks[i].start in coded:
                continue  # "called the report a lie": a denial already coded on the verb
            # what is named and the name: its object and complement, "as" ("described the ruling as shameful") or,
            # for the verbs of likening, "to" ("likened the two ministers to \"squabbling children\"")
            preps = ("as", "to") if view.lemma(i) in self.lex.modes["likening_verbs"] else ("as",)
            content = sorted(j for ch in view.children[i] if toks[ch].dep in ("dobj", "ccomp", "oprd", "xcomp")
                             or (toks[ch].dep == "prep" and view.lemma(ch) in preps) for j in _descendants(view, ch))
            cue = next((j for j in content if (view.lemma(j) in words or toks[j].text.lower() in words)
                        and toks[j].pos in ("ADJ", "NOUN") and not self._supposed(view, j, i)), None)
            if cue is None:
                cue = self._scare_label(view, content)
            if cue is None:
                praised = self._praise_label(view, sent, i, content, sources)
                if praised is not None:
                    return [praised]
                continue
            # a label in quotation marks judges what it labels: an act, a measure or something said or published
            scare = view.quoted(cue) and any(toks[j].pos == "PRON" or self._act_noun(view, j) or view.lemma(j) in self.lex.modes["judged_texts"]
                                             for j in content if j < cue and not view.quoted(j))
            # whom the label is given: the nearest actor named, not a person's name inside a quoted label (a
            # nickname: 'dubbing Mr Brown "Sir Wastealot"' labels Brown), though an actor the label names may be
            # ('called the verdict "an example of repression in Russia"')
            # (not whom they are likened to: "likened the ministers to children")
            likened = {j for ch in view.kids(i, "prep") if view.lemma(ch) == "to" and "to" in preps
                       for j in _descendants(view, ch)}
            named = sorted((view.quoted(j) and self._person(view, a), abs(j - cue), a) for j in content
                           if j not in likened for a in view.tok_actors.get(j, ()) if a not in sources)
            targets = [named[0][2]] if named else []
            if not targets:
                # "the Front, which he described as a gang": the noun the relative clause is told of (not a place:
                # "a base near the city, which he called an occupation" hangs the clause on the parser's nearest noun)
                targets = [a for o in view.kids(i, "dobj") if view.antecedent(o) != o for a in view.phrase_actors(o)
                           if a not in sources and getattr(view.article.actor(a), "kind", "") != "place"][:1]
            if not targets and not scare and not any(self._act_noun(view, j) or (
                    view.lemma(j) in self.lex.modes["judged_texts"] and toks[j].pos == "NOUN") for j in content if j != cue):
                continue  # "called the weather dreadful": nobody and no act or text judged ("the remark" is one)
            conf = 0.78 - min(0.2, 0.04 * view.depth(i))
            span = (toks[i].start, toks[cue].end) if cue > i and cue - i <= 8 else (toks[i].start, toks[i].end)
            claims = self.lex.modes["answered_claims"] | self.lex.modes["dismissed_figures"]
            dismissed = [j for j in view.kids(i, "dobj") if view.lemma(j) in claims]
            # "discussed these claims and dismissed them as nonsense": a pronoun for claims named before it
            said = dismissed and toks[dismissed[0]].pos == "PRON" and any(
                view.lemma(j) in self.lex.modes["answered_claims"] for j in range(sent.tok_start, dismissed[0]))
            if view.lemma(i) == "dismiss" and dismissed and (said or not targets and toks[dismissed[0]].pos != "PRON"):
                # "dismissed them as pure fiction", "dismissed the figure as a fabrication": a denial
                return [self._build(view, sent, "REJECT", self.lex.codes["denial"], None, (), sources, [], False, Aux(),
                                    span, conf, "reject/label-denial")]
            return [self._build(view, sent, "ACCUSE", self.lex.codes["criticism"], None, (), sources, targets, False, Aux(),
                                span, conf, "accuse/label-criticism")]
        return []

    @staticmethod
    def _person(view: View, actor: str) -> bool:
        a = view.article.actor(actor)
        return a is not None and a.kind == "person"

    def _praise_label(self, view: View, sent: Sentence, i: int, content: list[int], sources: list[str]) -> Event | None:
        """"called the late governor a \"giant\" of her party", "described her as a visionary public servant": naming
        an actor with a word of praise (praise.txt) is support by the namer (CAMEO 051), aimed at the actor named."""
        toks = view.toks
        good = _word_list("praise.txt")
        cue = next((j for j in content if view.lemma(j) in good and toks[j].pos in ("ADJ", "NOUN")), None)
        if cue is None:
            return None
        named = sorted((abs(j - cue), a) for j in content if j < cue for a in view.tok_actors.get(j, ()) if a not in sources)
        if not named:
            return None
        conf = 0.74 - min(0.2, 0.04 * view.depth(i))
        return self._build(view, sent, "SUPPORT", self.lex.codes["praise"], None, (), sources, [named[0][1]], False, Aux(),
                           (toks[i].start, toks[cue].end) if cue - i <= 8 else (toks[i].start, toks[i].end), conf,
                           "support/label-praise")

    @staticmethod
    def _scare_label(view: View, content: list[int]) -> int | None:
        """The head of a label put in quotation marks after what it labels ("called the subpoena \"a stunt\"",
        "dismissed the ads as \"recycled garbage\""): a name given in scare quotes is a judgement; ``None``
        when there is none, or the label is praise."""
        toks = view.toks
        quoted = [j for j in content if view.quoted(j) and toks[j].pos in ("NOUN", "PROPN", "ADJ")]
        good = _word_list("praise.txt")
        if not quoted or any(view.lemma(j) in good or view.lemma(j) in view.positive_labels for j in quoted):
            return None  # "called the deal \"historic\"", "\"a step forward\"": praise, no accusation
        first = min(quoted)
        if not any(toks[j].pos in ("NOUN", "PROPN", "PRON") and not view.quoted(j) for j in content if j < first):
            return None  # nothing labelled before the label: 'called "a meeting"'
        return next((j for j in quoted if toks[j].head not in quoted), quoted[0])

    @staticmethod
    def _speakers(view: View, sent: Sentence, words: frozenset[str]) -> list[tuple[int, list[str]]]:
        """The verbs of ``words`` in the sentence whose active subject names actors, with those actors."""
        out: list[tuple[int, list[str]]] = []
        for i in range(sent.tok_start, sent.tok_end):
            if view.lemma(i) not in words or view.toks[i].pos != "VERB":
                continue
            s_sub, passive = view.subject(i)
            sources = view.phrase_actors(s_sub) if s_sub is not None and not passive else []
            if sources:
                out.append((i, sources))
        return out

    def _concerns(self, view: View, sent: Sentence, found: list[Event]) -> list[Event]:
        """"The watchdog expressed concern that the ministry had ignored the audit": concern voiced about
        what another actor did is an accusation of that actor (CAMEO 111); concern "about" or "for"
        something is a statement, no event."""
        if any(e.type == "ACCUSE" for e in found):
            return []
        toks = view.toks
        m = self.lex.modes
        for i, sources in self._speakers(view, sent, m["concern_verbs"]):
            nouns = [o for o in view.kids(i, "dobj") if view.lemma(o) in m["concern_nouns"]]
            clauses = [c for o in nouns for c in view.kids(o, "acl", "ccomp")
                       if any(view.lemma(k) == "that" for k in view.kids(c, "mark"))]
            for c in clauses:
                c_sub, _ = view.subject(c)
                targets = [a for a in view.phrase_actors(c_sub) if a not in sources] if c_sub is not None else []
                if not targets:
                    continue
                return [self._build(view, sent, "ACCUSE", self.lex.codes["criticism"], None, (), sources, targets, False, Aux(),
                                    (toks[i].start, toks[nouns[0]].end), 0.74 - min(0.2, 0.04 * view.depth(i)),
                                    "accuse/concern-that")]
        return []

    def _quoted(self, view: View, sent: Sentence) -> tuple[list[str], int] | None:
        """The speaker and the head of a sentence that continues a direct quote whose speaker another sentence
        names ("It is a betrayal," she said. "They have broken every promise."), or ``None``: the sentence has
        no speech verb of its own, and it lies inside the quote."""
        toks = view.toks
        if any(view.lemma(i) in self.speech and toks[i].pos == "VERB" for i in range(sent.tok_start, sent.tok_end)):
            return None
        for q in view.article.quotes:
            if not q.direct or q.speaker is None or not (q.start <= sent.start + 2 and sent.end <= q.end + 2):
                continue
            if q.cue_span is not None and sent.start <= q.cue_span[0] < sent.end:
                return None  # the sentence names its speaker itself
            root = next((i for i in range(sent.tok_start, sent.tok_end) if toks[i].dep == "ROOT"), None)
            return ([q.speaker], root) if root is not None else None
        return None

    def _judgement(self, view: View, c: int, content: list[int], sources: list[str],
                   words: frozenset[str], judged: bool = False) -> tuple[int, list[str], bool] | None:
        """The word of judgement in a statement's content (``c``) and whom it judges: the cue, the target
        (at most one) and whether it denies a claim; ``None`` when it judges nobody and no act."""
        toks = view.toks
        crit = words is _word_list("criticism.txt")
        excess = self.lex.modes["excess_words"] if crit else frozenset()
        cue = next((j for j in sorted(content) if (view.lemma(j) in words or toks[j].text.lower() in words
                                                     or _hyphenated(view, j) & words or _too(view, j, excess)
                                                     or crit and self._breaks_norm(view, j))
                    and not _described(view, j, c) and not self._supposed(view, j, c)), None)
        if cue is None:
            return None
        # whom: the content's subject ("Y has betrayed voters"), else the actor named nearest the
        # criticism ("a big misjudgement by Labour's campaign team")
        # ("don't let the Tories wreck it": the doer of the criticised act comes first)
        c_sub, _ = view.subject(c)
        own = cue if toks[cue].pos in ("VERB", "AUX") else toks[cue].head
        if toks[cue].pos == "VERB" and view.kids(cue, "neg"):
            return None  # "we have not broken the rules": denying a wrong accuses no one (nor is denying a good praise)
        if toks[cue].pos in ("NOUN", "PROPN", "ADJ") and (v := next((a for a in view.ancestors(cue)
                                                                    if toks[a].pos in ("VERB", "AUX")), None)) is not None \
                and view.lemma(v) in self.lex.modes["negated_holders"] and view.kids(v, "neg"):
            return None  # "there wasn't some conspiracy or cover-up", "deserved no credit at all": not so
        if toks[cue].pos == "NOUN" and words is _word_list("praise.txt") and view.kids(cue, "compound"):
            return None  # "the child tax credit": a kind of thing, no praise
        if self._thought_not(view, cue, c):
            return None  # "he did not think the comments were offensive"
        if any(view.lemma(a) in self.lex.modes["warned_dangers"] for a in view.ancestors(cue, 3)):
            return None  # "said the country risked a needless scare": a risk warned of, no one judged
        k_sub, _ = view.subject(own)
        feels = k_sub is not None and (view.lemma(cue) in self.lex.modes["feeling_adjectives"]
                                       or toks[cue].text.lower() in self.lex.modes["feeling_adjectives"])  # ("were outraged")
        # "the villagers were delighted with the apology": who feels so is no one judged
        skip = set(view.subtree(k_sub)) if feels and k_sub is not None else set()
        # "..., in an interview on Radio Velna", "told the Morning Show programme": where it was said is no one judged
        skip |= {k for j in content if toks[j].dep == "pobj" and view.lemma(j) in _MEDIUM_NOUNS for k in view.subtree(j)}
        skip |= {k for j in content if view.told_the_press(j) for k in view.subtree(j)}  # ("told CNN that ...")
        # "... would remain unpalatable even if a judge was involved": whom a concession names is no one judged
        skip |= {k for j in content if toks[j].dep == "advcl" and any(view.lemma(mk) == "if" for mk in view.kids(j, "mark"))
                 and any(view.lemma(e) == "even" for e in view.kids(j, "advmod")) for k in view.subtree(j)}
        subjects = [x for x in (k_sub, c_sub) if x is not None and x not in skip]
        generic = self.lex.modes["generic_subjects"]
        if feels:
            # "proud of her party's work": the feeler's own side is no one judged
            skip |= {j for j in content if any(view.lemma(p).lower() in ("my", "our", "his", "her", "their")
                                               for p in view.kids(j, "poss"))}
        named = [(next((n for n, x in enumerate(subjects) if j in view.subtree(x)), len(subjects)), abs(j - cue), a)
                 for j in content if j not in skip and view.lemma(j).lower() not in generic
                 for a in view.tok_actors.get(j, ()) if a not in sources]  # ("some people were in denial": no one)
        targets = [min(named)[2]] if named else []
        denial = self._denial(view, cue)
        if not targets and not denial and not judged and not self._judged_act(view, cue):
            return None  # a judgement of nobody named: an opinion
        return cue, targets, denial

    def _breaks_norm(self, view: View, j: int) -> bool:
        """Is ``j`` a verb of breaking a law, a treaty or rights (``norm_breaking_verbs`` with an object of
        ``legal_norms``: "breached the convention", "violated human rights")?"""
        m = self.lex.modes
        return view.lemma(j) in m["norm_breaking_verbs"] and any(view.lemma(o) in m["legal_norms"]
                                                                 for o in view.kids(j, "dobj"))

    def _thought_not(self, view: View, cue: int, top: int) -> bool:
        """Is the word of judgement at ``cue`` inside what someone says they do not think, believe or find, up to the
        statement's content head ``top`` ("did not think the comments were offensive")?"""
        opinion = self.lex.modes["neg_raising_verbs"] | _OPINION_VERBS
        j = cue
        for _ in range(8):
            if view.toks[j].dep == "conj" or j == top or view.toks[j].head == j:
                return False  # "could not remember the memo and hinted that aides had erred": the second is said
            j = view.toks[j].head
            if view.lemma(j) in opinion and view.kids(j, "neg"):
                return True
        return False

    def _rebuttals(self, view: View, sent: Sentence, found: list[Event]) -> list[Event]:
        """"X insisted the treaty did not mean giving up control", "Y maintains it never paid": insisting on
        what did not happen or is not so rebuts what someone claimed (a denial, REJECT by the speaker)."""
        if any(e.type == "REJECT" for e in found):
            return []
        toks = view.toks
        m = self.lex.modes
        for i, sources in self._speakers(view, sent, m["rebuttal_verbs"]):
            for c in view.kids(i, "ccomp"):
                neg = next((n for n in view.kids(c, "neg") if view.lemma(n) in m["negators"] or toks[n].text.lower() in m["negators"]), None)
                if neg is None or view.lemma(c) in m["cognition_verbs"] or view.lemma(c) in m["feeling_verbs"]:
                    continue  # ("insisted he did not know the date", "insists he does not feel angry": rebut nothing)
                span = (toks[i].start, toks[i].end)
                return [self._build(view, sent, "REJECT", self.lex.codes["denial"], None, (), sources, [], False, Aux(), span,
                                    0.78 - min(0.2, 0.04 * view.depth(i)), "reject/rebuttal-in-speech")]
        return []

    def _denial(self, view: View, cue: int) -> bool:
        """Is the criticism word at ``cue`` said of a claim ("it is wrong to suggest that ...", "the claims are
        untrue"): a denial, not an accusation?"""
        toks = view.toks
        if view.lemma(cue) not in self.lex.modes["denial_words"]:
            return False
        claims = self.lex.modes["claim_words"]
        head = toks[cue].head
        near = [cue, head] + view.kids(cue, "xcomp", "ccomp") + view.kids(head, "xcomp", "ccomp", "nsubj", "csubj")
        return any(view.lemma(j) in claims for j in near)

    def _judged_act(self, view: View, cue: int) -> bool:
        """Is the word of judgement at ``cue`` said of an act, with nobody named: "arrests without warrants were
        unacceptable" (an adjective predicated of an event noun), "delighted with the apology", not "the weather
        was a disgrace"?"""
        toks = view.toks
        head = toks[cue].head
        if (toks[cue].pos, toks[cue].dep) not in (("ADJ", "acomp"), ("NOUN", "attr")) or view.lemma(head) != "be":
            return False  # ("the decision was a disgrace": a noun of judgement predicated of an act)
        subject, _ = view.subject(head)
        judged = [subject] if subject is not None else []
        judged += [o for p in view.kids(cue, "prep") if view.lemma(p) in ("with", "of", "by", "at") for o in view.kids(p, "pobj")]
        return any(self._act_noun(view, j) or (view.lemma(j) in self.lex.modes["judged_texts"] and toks[j].pos == "NOUN")
                   for j in judged)

    def _others_belief(self, view: View, c: int) -> bool:
        """Is the clause at ``c`` what someone the speaker talks about believes ("he believes students should pay",
        "they think the law should go"): the content of a verb of thinking whose subject is "he", "she" or "they"?
        ("The Greens believe the minister should act" is the Greens' own call.)"""
        t = view.toks[c]
        if t.dep != "ccomp" or t.head == c or view.lemma(t.head) not in self.lex.modes["cognition_verbs"] | {"feel"}:
            return False
        s, _ = view.subject(t.head)
        return s is not None and view.toks[s].pos == "PRON" and view.toks[s].text.lower() in ("he", "she", "they")

    def _act_noun(self, view: View, j: int) -> bool:
        """Is the noun at ``j`` an act or a measure ("detentions", "the apology", "the plan")?"""
        toks = view.toks
        if toks[j].pos != "NOUN":
            return False
        word = toks[j].text.lower()
        return (word in self.lex.modes["judged_acts"] or view.lemma(j) in self.lex.modes["judged_acts"]
                or word.rstrip("s").endswith(("tion", "sion", "ment", "ure"))
                or any(e.type != NONE for e in self._entries(view, j)))

    def _supposed(self, view: View, j: int, top: int) -> bool:
        """Is the word at ``j`` said of a supposed case, not of anyone: "for fear of being sued if something
        went wrong" (a condition, or an idiom: "go wrong", "miss a trick")?"""
        toks = view.toks
        if view.lemma(toks[j].head) in ("go", "miss"):  # "if something went wrong", "we miss a trick"
            return True
        if view.tok_actors.get(j) and toks[j].text[:1].isupper():
            return True  # a word of an actor's name: "the Society for the Prevention of Cruelty to Children"
        if toks[j].pos == "VERB" and any(view.lemma(k) in ("can", "could", "may", "might") for k in view.kids(j, "aux")):
            return True  # "some states can shirk their duties": what may be done, not what was
        cur = j
        while cur != top and toks[cur].head != cur:
            if any(view.lemma(k) in self.lex.modes["conditional_marks"] for k in view.kids(cur, "mark")):
                return True
            cur = toks[cur].head
        return False

    def _obligations(self, view: View, sent: Sentence, by_tok: dict[int, Cand], taken: set[int],
                     frames: list[tuple[int | None, list[str] | None, int, int]]) -> list[Event]:
        """"X said Y must do Z": a demand by X on Y."""
        toks = view.toks
        out: list[Event] = []
        direct = any(f[1] is not None for f in frames) or view.article.text[sent.start:sent.end].lstrip()[:1] in QUOTE_MARKS
        for s_sub, quoted_by, c, depth in frames:
            modal = next((a for a in view.kids(c, "aux") if view.lemma(a) in ("must", "should") or toks[a].text.lower() in ("must", "should")), None)
            if modal is not None and toks[modal].text.lower() == "must" and (
                    toks[c].tag == "VBG" and any(view.lemma(a) == "be" for a in view.kids(c, "aux"))
                    or any(view.lemma(a) == "have" for a in view.kids(c, "aux"))):
                modal = None  # "must be doing something right", "must have known": a conclusion, not a demand
            if modal is not None and self._judged_or_expected(view, c):
                modal = None  # "this should mean he keeps the rules", "she should be judged on what she delivers": no one is asked
            modal = c if (subjunctive := modal is None and self._subjunctive(view, c)) else modal
            if modal is None and view.lemma(c) == "need" and view.kids(c, "auxpass") and view.kids(c, "nsubjpass") \
                    and not view.kids(c, "neg") and not (_definite(view, view.kids(c, "nsubjpass")[0]) and any(
                        view.lemma(a) == "to" for x in view.kids(c, "xcomp", "advcl") for a in view.kids(x, "aux"))):
                modal = c  # "argued a change of course was needed": a call for it (not "the changes were needed to
                # avoid a crisis": a measure's reason)
            if modal is None and view.lemma(c) in ("need", "have") and not any(view.lemma(a) == "yet" for a in view.kids(c, "advmod")) \
                    and not view.kids(c, "neg") and (
                    view.lemma(c) == "need" and view.kids(c, "dobj") and not _needy(view, c)
                    or (view.lemma(c) == "need" or not direct) and any(view.kids(x, "aux") and view.lemma(view.kids(x, "aux")[0]) == "to" for x in view.kids(c, "xcomp"))):
                # "said Britain needed lower taxes", "said member states had to be more accountable" (but "have to"
                # in a direct quote is mostly an opinion: '"Both sides have to understand ...," he said')
                modal = c
                c_sub1, _ = view.subject(c)
                if view.lemma(c) == "have" and (any(view.lemma(a) in ("will", "would", "may", "might") for a in view.kids(c, "aux"))
                                                 or c_sub1 is None or not view.phrase_actors(c_sub1)
                                                 and view.lemma(c_sub1) not in _people_words()):
                    continue  # "will have to fill it with tax rises", "some way has to be found": a forecast, a need
                if _habitual(view, c, self.lex.modes["habit_words"]):
                    continue  # "at times the farmers had to drive for hours": what happens, no demand
                inner_clause = next(iter(view.kids(c, "xcomp")), None)
                c_sub0, _ = view.subject(c)
                others = c_sub0 is not None and toks[c_sub0].pos != "PRON" and (
                    bool(view.phrase_actors(c_sub0)) or toks[c_sub0].text.lower() in _people_words())
                if inner_clause is not None and not any(j in by_tok for j in _descendants(view, inner_clause)) \
                        and view.lemma(inner_clause) in ("be", "have", "remain", "become", "stay") and not view.kids(c, "dobj") \
                        and not others and not _there_is(view, c, by_tok):
                    continue  # "said they had to be careful": an opinion ("national governments needed to be more transparent" asks)
            if modal is None:
                continue
            c_sub, _ = view.subject(c)
            there = c_sub is None and _there_is(view, c, by_tok)
            if (c_sub is None and not there) or c_sub is not None and (
                    ((s_sub is not None or quoted_by) and view.lemma(c_sub) in ("we", "i"))
                    or view.lemma(c_sub) in self.lex.modes["generic_subjects"]):
                continue  # "we must", "one has to ask", "nobody should", "no-one should", "people need to": no one asked
                # ("there should be an investigation" asks for one: ``there``)
            if _condition_clauses(view, c):
                continue  # "if the mayor has a problem, he should call the White House": advice for a case, no demand
            if self._others_belief(view, c):
                continue  # '"He believes students should pay fees," the spokesman said': another's view told, no demand
            told_when = _told_when(view, c)  # (not "as he met X": when it was said)
            inside = [j for j in _descendants(view, c) if j in by_tok and j not in told_when]
            inside.sort(key=lambda j: by_tok[j].depth)
            inner = by_tok[inside[0]] if inside else None
            reproach = any(view.lemma(a) == "have" for a in view.kids(c, "aux"))
            if inner is None and not reproach and view.lemma(c) in ("be", "have", "remain", "become", "stay") \
                    and not view.kids(c, "expl") and modal != c:
                continue  # "said Britain should be a safe haven": an opinion ("there should be an inquiry" asks)
            taken.update(inside)
            sources = quoted_by or (view.phrase_actors(s_sub) if s_sub is not None else [])
            targets = [a for a in view.phrase_actors(c_sub) if a not in sources] if c_sub is not None else []
            span = (toks[modal].start, toks[modal].end)
            conf = (0.94 if modal != c else 0.8) - min(0.25, 0.05 * depth) + (0.04 if sources else 0.0)
            if reproach:
                # "said the government should have acted sooner": a reproach for what was not done
                out.append(self._build(view, sent, "ACCUSE", self.lex.codes["criticism"], None, (), sources, targets, False, Aux(), span,
                                       conf, f"accuse/{view.lemma(modal)}-have-in-speech"))
                continue
            table = "demand" if view.lemma(modal) in ("must", "need", "have") else "appeal"
            code = lookup(self.lex.refine[table], inner.entry.cameo, inner.entry.type) if inner else self.lex.codes[table]
            out.append(
                self._build(view, sent, "REQUEST", code, None, (), sources, targets, False, Aux(), span, conf,
                            f"request/{'subjunctive' if subjunctive else view.lemma(modal)}-in-speech")
            )
        return out

    def _time_for(self, view: View, sent: Sentence, frames: list[tuple[int | None, list[str] | None, int, int]]) -> list[Event]:
        """"X said it was time for Y to go": a demand by X on Y, as "Y should go" is (an appeal, CAMEO 020)."""
        toks = view.toks
        out: list[Event] = []
        for s_sub, quoted_by, c, depth in frames:
            if view.lemma(c) != "be" or view.kids(c, "neg"):
                continue
            for t in view.kids(c, "attr"):
                if view.lemma(t) != "time":
                    continue
                for v in view.kids(t, "relcl", "acl"):
                    y = view.kid(v, "nsubj")
                    if y is None or not any(view.lemma(m) == "for" for m in view.kids(v, "mark")):
                        continue
                    sources = quoted_by or (view.phrase_actors(s_sub) if s_sub is not None else [])
                    targets = [a for a in view.phrase_actors(y) if a not in sources]
                    if not targets:
                        continue
                    out.append(self._build(view, sent, "REQUEST", self.lex.codes["appeal"], None, (), sources, targets,
                                           False, Aux(), (toks[t].start, toks[t].end), 0.8 - min(0.25, 0.05 * depth),
                                           "request/time-for-in-speech"))
        return out[:1]

    # -- one event -----------------------------------------------------------------------------

    def _obligation_frames(self, view: View, sent: Sentence) -> list[tuple[int | None, list[str] | None, int, int]]:
        """What the sentence reports as said, for ``_obligations``: (the speaker's words, the quoted speaker, the
        content, its depth) of each clause a speech verb governs, else of a direct quote the sentence continues."""
        toks = view.toks
        frames: list[tuple[int | None, list[str] | None, int, int]] = []
        for i in range(sent.tok_start, sent.tok_end):
            if view.lemma(i) in self.speech and toks[i].pos == "VERB" and not _polled(view, i):
                # "said the public did not know whom to believe and the auditor should decide": each clause said
                said = [x for c in view.kids(i, "ccomp") for x in (c, *view.kids(c, "conj")) if x == c or view.kids(x, "nsubj")
                        and any(view.lemma(a) in ("must", "should") for a in view.kids(x, "aux"))]
                frames.extend((view.subject(i)[0], None, c, view.depth(i)) for c in said)
        if not frames and (quoted := self._quoted(view, sent)) is not None and toks[quoted[1]].pos in ("VERB", "AUX"):
            frames.append((None, quoted[0], quoted[1], 1))  # "It is a disgrace," she said. "The minister must go."
        # (not a question told: "would not explain how the money should be spent" asks no one to act)
        return [f for f in frames if not _embedded_question(view, f[2])]

    def _subjunctive(self, view: View, c: int) -> bool:
        """Is the clause ``c`` a demand in the subjunctive, under a verb of ``mandative_verbs`` ("insisted that ministers
        scrap the levy": a base form with a subject and no auxiliary)?"""
        t = view.toks[c]
        return t.tag == "VB" and t.dep == "ccomp" and not view.kids(c, "aux", "auxpass") and bool(view.kids(c, "nsubj")) \
            and view.lemma(t.head) in self.lex.modes["mandative_verbs"]

    def _judged_or_expected(self, view: View, c: int) -> bool:
        """Does "should" at the clause ``c`` expect a result ("this should mean ...") or judge someone ("should be
        judged on what she delivers", "should know by now that ..."), rather than ask for an act?"""
        m = self.lex.modes
        return view.lemma(c) in m["expectation_verbs"] and not view.kids(c, "auxpass") \
            and not any(view.lemma(o) in m["insight_objects"] for o in view.kids(c, "dobj")) \
            or view.lemma(c) in m["judged_verbs"] and bool(view.kids(c, "auxpass")) or view.lemma(c) in m["knowing_verbs"]

    def _legal_charge(self, view: View, c: Cand) -> bool:
        """"They were charged under the Public Order Act": a charge told in the passive with no "that" clause is
        laid by the law (``legal_passives``), not a critic's accusation."""
        return c.entry.lemma in self.lex.modes["legal_passives"] and bool(view.kids(c.tok, "auxpass")) \
            and not view.kids(c.tok, "ccomp")

    def _classify(self, view: View, c: Cand) -> tuple[str, str, str, Modes]:
        """PLOVER type, CAMEO code, rule and modes of a candidate: the lexicon line, refined by what it
        governs, then CAMEO's conventions for intentions, refusals and conditional threats."""
        toks = view.toks
        e = c.entry
        code, ptype = e.cameo, e.type
        rule = e.rule if c.obj is None else e.rule.replace("#", f"+{view.lemma(c.obj)}#", 1)
        if ptype == "ACCUSE" and self._legal_charge(view, c):
            code, ptype, rule = self.lex.codes["legal_charge"], "COERCE", rule + "+legal"
        if c.governed and code[:2] in REFINE_ROOTS and not (code[:2] == "11" and code != "112"):
            g = c.governed[0]
            new = self.lex.refined(code, g.entry.cameo, g.entry.type)
            if code[:2] == "03" and g.entry.type in MATERIAL_CONFLICT and toks[g.tok].head == c.tok:
                new = lookup(self.lex.refine["intent_conflict"], g.entry.cameo, g.entry.type)  # "vowed to fight"
            elif code[:2] in ("02", "10") and _rallies_against(view, c.tok, g, self.lex.modes["asked_about_nouns"]):
                new, ptype = self.lex.codes["rally_opposition"], "ACCUSE"  # "called for sanctions against X": rallying opposition against X
            if new:
                code = new
                ptype = self.tax.plover_of(code) or ptype
                rule += f"<{g.entry.lemma}"
        if c.governed and e.lemma in self.lex.modes["command_verbs"] and not self._court(view, c.tok) and (
                (g_type := c.governed[0].entry.type or self.tax.plover_of(c.governed[0].entry.cameo) or ""
                ).lower() in self.lex.modes["commanded_types"] or c.governed[0].entry.cameo[:2] == "09"):
            g = c.governed[0]  # "ordered troops to attack the camp": the attack, ordered by whoever ordered it
            code, ptype = g.entry.cameo, g_type
            rule = rule.split("<")[0] + f"<{g.entry.lemma}+commanded"
        elif c.governed and code == "112":
            new = self.lex.refined(code, c.governed[0].entry.cameo, c.governed[0].entry.type)
            if new:
                code = new
        if ptype == "AGREE" and code[:2] == "03" and self._hostile_vow(view, c):
            code, ptype, rule = self.lex.codes["threat"], "THREATEN", rule.split("<")[0] + "+hostile"
        if code[:2] == "15" and any(view.lemma(j) in self.lex.modes["peacekeeping_words"] for j in view.subtree(c.tok)):
            code, ptype = self.lex.codes["peacekeeping"], "AID"  # troops sent to a peacekeeping mission: CAMEO 074
            rule += "+peacekeeping"
        rule += "+support" if ptype == "PROTEST" and _in_support(view, c.tok, c.clause) else ""  # a rally for something
        modes = clause_modes(view, self.lex, c.tok, c.clause, c.obj)
        # CAMEO: an announced intention to cooperate is AGREE (03), to use force or pressure a threat (13)
        if modes.future or modes.intent:
            # a refusal is made when it is said ("will not accept", "would not negotiate": a REJECT now), unless it
            # hangs on a condition ("if the government were not to accept ...")
            said = not (modes.hypothetical or modes.conditional or _under_condition(view, c.clause))
            if ptype == "AGREE" and code[:2] == "03" and modes.negated and not modes.nobody:
                code = lookup(self.lex.refine["reject"], code, ptype)  # "will not accept": a refusal
                ptype, modes.negated = "REJECT", False
                modes.future = modes.intent = modes.future and not said
                rule += "+refusal"
            elif ptype in COOPERATIVE and ptype != "AGREE" or (ptype == "AGREE" and code[:2] != "03"):
                if modes.negated and not modes.nobody:
                    code = lookup(self.lex.refine["reject"], code, ptype)
                    ptype, modes.negated = "REJECT", False
                    modes.future = modes.intent = modes.future and not said
                    rule += "+refusal"
                else:
                    code = lookup(self.lex.refine["intent_cooperate"], code, ptype)
                    ptype = "AGREE"
                    rule += "+intent"
            elif ptype in MATERIAL_CONFLICT and not modes.negated:
                code = lookup(self.lex.refine["intent_conflict"], code, ptype)
                ptype = "THREATEN"
                rule += "+intent"
                if modes.conditional and modes.speech is not None and not view.kids(c.tok, "auxpass"):
                    # "said he would raise tariffs if no deal is reached": the threat is made when it is said
                    modes.future = modes.intent = False
        elif (modes.hypothetical or modes.conditional) and ptype in MATERIAL_CONFLICT and not modes.negated and self._speaker_acts(view, c, modes):
            code = lookup(self.lex.refine["intent_conflict"], code, ptype)
            ptype = "THREATEN"
            modes.hypothetical = modes.conditional = False
            rule += "+conditional-threat"
        elif ptype in ("AGREE", "SUPPORT") and modes.negated and not (modes.hypothetical or modes.conditional or modes.nobody) \
                and e.lemma in self.lex.modes["refusable"]:
            code = lookup(self.lex.refine["reject"], code, ptype)  # "did not accept the offer": a refusal
            ptype, modes.negated = "REJECT", False
            rule += "+refusal"
        # a conditional threat, demand or refusal ("... unless X steps down") is still a threat, demand, refusal
        if modes.conditional and ptype not in ("THREATEN", "REQUEST", "REJECT") and not modes.intent:
            modes.hypothetical = True
        if modes.obligation and ptype not in ("REQUEST", "ACCUSE", "THREATEN"):
            modes.hypothetical = True  # "the government should do more to help": owed, not done
        return ptype, code, rule, modes

    def _hostile_vow(self, view: View, c: Cand) -> bool:
        """Is ``c`` a vow of a hostile act: "vowed to block the nomination", "vowed that the strikes will not go
        unanswered", "promised that those responsible would be punished" (``hostile_intents``), not a vow to fight a
        thing ("vowed to fight poverty": the trigger lexicon's sense of it is no act)?"""
        m = self.lex.modes
        if c.entry.lemma not in m["vow_verbs"] or view.toks[c.tok].pos != "VERB":
            return False
        content = [j for ch in view.children[c.tok] if view.toks[ch].dep in ("xcomp", "ccomp", "dobj") for j in view.subtree(ch)]
        for j in content:
            if view.lemma(j) in m["hostile_intents"] or view.toks[j].text.lower() in m["hostile_intents"]:
                # (not "vowed to fight poverty": a sense the trigger lexicon says is no act)
                return not any(e.type == NONE for e in self._entries(view, j) if self._match(view, j, e)[0])
        return False

    def _event(self, view: View, sent: Sentence, c: Cand) -> Event | None:
        toks = view.toks
        e = c.entry
        noun = e.is_noun
        ptype, code, rule, modes = self._classify(view, c)
        sources, targets, recip, ref = self.who.participants(view, c, ptype)
        if not sources and ptype in SYMMETRIC and not e.is_noun and (two := _the_two(view, c.tok, set(targets))):
            sources, recip = list(two), True  # "The two met at the prime minister's office": the two named last
        if len(set(sources)) <= 1 and not targets and ptype == "CONSULT" and not e.is_noun \
                and len(parties := _subject_parties(view, c.tok)) > 1:
            sources, recip = parties, True  # "X's minister A and Y's minister, B, met": a subject the parse broke up
        if "+refusal" in rule and not sources and (sp := view.speech_governor(c.clause)) is not None:
            # "the minister said the detainees will not be freed": the refusal is the speaker's
            ss, _ = view.subject(sp)
            if ss is not None:
                sources = [a for a in view.phrase_actors(ss) if a not in targets]
        if ref:
            rule += "@ref-latest" if ref == "latest" else "@ref"
        elif noun and c.clause == c.tok and toks[c.tok].dep == "pobj" and not sources and not targets:
            return None  # "after consensus ...": a passing mention with nobody named
        if self._no_act(_Clause(view, sent, c, ptype, code, sources, targets)) is not None:
            return None  # the clause tells no act: ``_NO_ACT`` says why
        conf = self._confidence(view, c, code, bool(sources))
        cc = self.tax.code(code)
        mode = e.mode if (cc is None or not cc.mode or e.mode) else cc.mode
        if cc and cc.plover == ptype and cc.mode and code != e.cameo:
            mode = cc.mode
        contexts = e.contexts if code == e.cameo else (cc.contexts if cc and cc.contexts else e.contexts)
        if ptype == "CONSULT" and code[:3] in self.lex.codes["talks"]:
            obj = c.obj if c.obj is not None else (c.tok if noun else None)
            if obj is not None and any(toks[m].text.lower() in self.lex.modes["phone_words"] for m in view.kids(obj, "compound", "amod", "nmod")):
                code, mode = self.lex.codes["phone"], "phone"  # "held phone talks"
        if ptype == "CONSULT" and len(set(sources) | set(targets)) > 2:
            mode = mode or "multilateral"
        span = (toks[c.tok].start, toks[c.tok].end)
        if c.obj is not None and abs(c.obj - c.tok) <= 4:
            a, b = sorted((c.tok, c.obj))
            span = (toks[a].start, toks[b].end)
        aux = Aux(modes.negated, modes.hypothetical, modes.future, modes.historical)
        return self._build(view, sent, ptype, code, mode, contexts, sources, targets, recip, aux, span, conf, rule)

    def _no_act(self, x: _Clause) -> str | None:
        """The first rule of ``_NO_ACT`` by which the candidate clause tells no act, or ``None``."""
        return next((name for name, rule in _NO_ACT if rule(self, x)), None)

    def _at_home(self, view: View, sent: Sentence, sources: list[str], targets: list[str]) -> bool:
        """Is a visit made to nobody, or only to places of the visitor's own country ("the president
        travelled to Ohio")? A visit is an event when it meets someone or goes abroad."""
        if len(sources) > 1 and not targets:
            return False  # "the two leaders visited the site together": they met
        art = view.article
        # (a country given from the article's focus is a guess, not where the visitor is from)
        home = {a.country for x in sources if (a := art.actor(x)) is not None and a.country
                and not (a.rule or "").endswith("+focus")}
        if not targets:
            # the trip's places may be told apart from it ("ending a trip in Paris"): abroad is a visit
            targets = [x for i in range(sent.tok_start, sent.tok_end) for x in view.tok_actors.get(i, ())
                       if (a := art.actor(x)) is not None and a.kind in ("place", "country") and x not in sources]
            if not targets:
                # "is touring Asia", "a trip to the Middle East": a region of the world is abroad
                words = " ".join(view.toks[i].text.lower() for i in range(sent.tok_start, sent.tok_end))
                return bool(sources) and not any(f" {r} " in f" {words} " for r in self.lex.modes["world_regions"])
        for x in targets:
            a = art.actor(x)
            if a is not None and a.kind in ("organisation", "group") and a.sector in HOME_BODIES \
                    and (a.country is None or a.country in home):
                continue  # "made an unscheduled trip to Walter Reed hospital": a hospital, a school, a firm at home
            if a is not None and _listed_with_places(view, a):
                continue  # "visits Leeds, Dorset and Torbay": the tagger's "Torbay" is one of the places
            if a is None or a.kind not in ("place", "country") or not home or a.country not in home:
                return False
        return bool(sources)

    def _confidence(self, view: View, c: Cand, code: str, has_source: bool) -> float:
        """How sure the coder is, and which event of a sentence is its main one: verbs over nouns, the
        main clause over nested ones, conditioned lexicon lines over bare lemmas, a named actor."""
        toks = view.toks
        e = c.entry
        noun = e.is_noun
        w = self.lex.confidence
        conf = w["verb"] if not noun else (w["noun_object"] if c.clause != c.tok and view.toks[c.tok].dep == "dobj" else w["noun"])
        if "weak" in e.flags:
            conf -= w["weak"]
        depth = view.depth(c.clause) if noun and c.clause != c.tok else c.depth
        denial = not noun and _denial_of_which(view, c.tok, self.lex.modes["relative_denials"])
        if not noun and (denial or _told_as_news(view, c.tok)):
            depth = min(depth, 1)  # "a letter delivered by nurses who marched on the assembly yesterday"
        conf -= min(w["depth_cap"], w["depth_step"] * depth) + c.penalty
        if denial:
            pass  # "reports of a rift, which the ministry denied": the denial is news, however deep the claim
        elif toks[c.tok].dep in ("relcl", "acl", "advcl", "amod", "pcomp"):
            conf -= w["nested_clause"]
        elif any(toks[a].dep in ("relcl", "acl") for a in view.ancestors(c.tok)):
            conf -= w["in_relative"]  # told inside a relative clause: background
        if code[:2] in ("01", "02"):
            conf -= w["statement"]  # CAMEO counts appeals among statements: a material event in the sentence outranks them
        if has_source:
            conf += w["source"]
        if e.obj or e.prep or e.prt:
            conf += w["conditioned"]
        return conf

    def _build(self, view, sent, ptype, code, mode, contexts, sources, targets, recip, aux, span, conf, rule) -> Event:
        t = self.tax.types[ptype]
        cc = self.tax.code(code)
        score = cc.goldstein if cc and cc.plover == ptype else t.score
        mode, contexts = self.tax.split_mode(ptype, mode, tuple(contexts))
        return Event(
            id=event_id(view.article.id, ptype, span[0], span[1]),
            type=ptype,
            mode=mode or None,
            contexts=tuple(contexts),
            quad_class=t.quad_class,
            cameo=code,
            score=score,
            sources=tuple(sources),
            targets=tuple(targets),
            reciprocal=recip,
            aux=aux,
            evidence=(Evidence(sent.start, sent.end, span, sent.i),),
            confidence=round(max(0.05, min(0.99, conf)), 3),
            rule=rule,
        )

    def _headline(self, view: View, sent: Sentence) -> Event | None:
        """A title-case headline ("X and Y Discuss Peace Talks") that the tagger read as one long name:
        the first word after a named actor that the lexicon knows as a verb is the trigger; actors
        before it act, actors after it are acted on."""
        toks = view.toks
        seen_actor = False
        for i in range(sent.tok_start, sent.tok_end):
            if view.tok_actors.get(i):
                seen_actor = True
                continue
            if not seen_actor or toks[i].pos not in ("PROPN", "NOUN", "VERB"):
                continue
            w = toks[i].text.lower()
            entries = [e for e in self.lex.by_lemma.get(w, ()) + self.lex.by_lemma.get(w.rstrip("s"), ())
                       if e.pos == ("VERB", "AUX") and e.type != NONE and not (e.prt or e.subj or e.cmp)]
            if not entries:
                continue
            # the line whose object the headline names ("Hold Peace Talks": hold+talk), else the lemma's
            # unconditioned line; a verb whose every line needs another object is no trigger here
            after = {toks[j].text.lower() for j in range(i + 1, sent.tok_end)}
            after |= {w[:-1] for w in after if w.endswith("s")}
            with_obj = [x for x in entries if x.obj and x.obj & after and not x.prep]
            bare = [x for x in entries if not x.obj and not x.prep and not x.noobj]
            if not with_obj and not bare:
                continue
            e = with_obj[0] if with_obj else bare[-1]
            sources = view.actors_in(range(sent.tok_start, i))
            targets = [a for a in view.actors_in(range(i + 1, sent.tok_end)) if a not in sources]
            recip = e.type in SYMMETRIC and len(sources) >= 2 and not targets
            span = (toks[i].start, toks[i].end)
            return self._build(view, sent, e.type, e.cameo, e.mode, e.contexts, sources, targets, recip, Aux(), span,
                               0.6, e.rule + "+headline")
        return None

    def _speaker_acts(self, view: View, c: Cand, modes: Modes) -> bool:
        """In "X said it may halt mediation if ...", X announces its own conditional action: a threat."""
        if modes.speech is None or view.kids(c.clause, "mark"):
            return False
        if modes.conditional:
            return True  # "X may halt mediation if ...", as reported by its spokesman
        s, _ = view.subject(c.clause)
        sp, _ = view.subject(modes.speech)
        if s is None or sp is None:
            return False
        if view.toks[s].pos == "PRON" or view.lemma(s) in PRONOUNS:
            # "X said it may halt mediation": the speaker; inside quotation marks only "we" and "I" are
            # ("“They can arrest our people,” the leader said" is no threat by the leader)
            return view.lemma(s) in ("we", "i") or not view.quoted(s)
        a, b = set(view.phrase_actors(s)), set(view.phrase_actors(sp))
        return bool(a & b)

    # -- who acts on whom ------------------------------------------------------------------------

@dataclass(frozen=True)
class _Clause:
    """A candidate event as the no-act rules read it: the candidate with its type, code and participants."""

    view: View
    sent: Sentence
    c: Cand
    ptype: str
    code: str
    sources: list[str]
    targets: list[str]


def _home_visit(k: Coder, x: _Clause) -> bool:
    """"the governor visited the northern border": a trip at home, with nobody to meet."""
    e = x.c.entry
    return x.ptype == "CONSULT" and (e.mode == "visit" or x.code == k.lex.codes["visit"]) \
        and k._at_home(x.view, x.sent, x.sources, x.targets)


def _thing_acts(k: Coder, x: _Clause) -> bool:
    """"poverty threatens our security", "these sources contribute to pollution": no actor acts."""
    return not x.c.entry.is_noun and k._thing_does(x.view, x.c)


def _no_comment(k: Coder, x: _Clause) -> bool:
    """"a spokesman refused to say whether ...", "declined to name the venue": no comment, no refusal."""
    return x.ptype == "REJECT" and any(x.view.lemma(t) in k.lex.modes["telling_verbs"] for t in x.view.kids(x.c.tok, "xcomp"))


def _accidental(k: Coder, x: _Clause) -> bool:
    """"two soldiers were killed in a helicopter crash", "killed when a tree fell on his car", "an explosion at a
    chemical plant"."""
    v, t = x.view, x.c.tok
    if x.c.entry.is_noun:
        return x.ptype == "ASSAULT" and not x.sources and k._works_accident(v, t, v.toks[t].head)
    return x.ptype == "ASSAULT" and (not x.sources or k._named_disaster(v, t)) and k._accident(v, t)


def _semicolon_before(view: View, ch: int, head: int) -> bool:
    """Is the clause at ``ch``, which the parser hung on the verb at ``head`` as its content, a clause of its own
    before it, a semicolon between them ("Prosecutors accused the union; the union rejected the charge")?"""
    if view.toks[ch].dep not in ("ccomp", "parataxis") or ch > head:
        return False
    end = max(view.subtree(ch))
    return any(view.toks[k].text == ";" for k in range(end + 1, head))


def _no_dare(k: Coder, x: _Clause) -> bool:
    """"challenged the Greens on which region would host the camps": a challenge is a demand only as a dare, with
    what it dares them to do ("to publish", "to a debate")."""
    v, t = x.view, x.c.tok
    if x.ptype != "REQUEST" or x.c.entry.is_noun or v.lemma(t) != "challenge":
        return False
    dared = any(v.lemma(a) == "to" for c in v.kids(t, "xcomp", "ccomp", "advcl") for a in v.kids(c, "aux"))
    return not dared and not any(v.lemma(p) == "to" for p in v.kids(t, "prep"))


def _fought_a_disaster(k: Coder, x: _Clause) -> bool:
    """"firefighters battled for hours to put out the fire", "crews fought the blaze": a fight with a fire, a flood
    or a disease, no one's violence: a fight (``fight_verbs``) that names no one fought, whose object or purpose
    is one of ``disaster_words`` or ``blast_words``."""
    v, t, m = x.view, x.c.tok, k.lex.modes
    if x.ptype != "ASSAULT" or x.c.entry.is_noun or v.lemma(t) not in m["fight_verbs"] or x.targets:
        return False
    bad = m["disaster_words"] | m["blast_words"] | {"flame", "inferno", "smoke"}
    objs = v.kids(t, "dobj") + [o for p in v.kids(t, "prep") for o in v.kids(p, "pobj")]
    purposes = [o for c in v.kids(t, "xcomp", "advcl") for o in v.kids(c, "dobj")]
    return any(v.lemma(o) in bad for o in objs + purposes)


def _custody(k: Coder, x: _Clause) -> bool:
    """"He remains detained", "was being held in the county jail on Saturday", "about 300 migrants are held in
    detention centres", "has been held in prison since his arrest", "the prisoners it holds": custody told as a
    state, not an arrest."""
    v, t, m = x.view, x.c.tok, k.lex.modes
    if x.c.entry.is_noun or x.ptype != "COERCE" or v.lemma(t) not in m["custody_verbs"]:
        return False
    tag = v.toks[t].tag
    aux = list(v.kids(t, "aux", "auxpass"))
    words = {v.toks[a].text.lower() for a in aux}
    if ("being" in words and any(v.toks[a].tag == "VBD" for a in aux)) or any(v.lemma(a) in ("remain", "stay") for a in aux):
        return True  # "was being held" (where, when something else happened), "remains detained"; "twelve men are
        # being held without charge" is the news of their detention
    if v.toks[t].dep in ("xcomp", "acomp", "oprd") and v.lemma(v.toks[t].head) in ("remain", "stay"):
        return True
    perfect = any(v.lemma(a) == "have" for a in aux)
    passive = any(v.toks[a].dep == "auxpass" for a in aux)
    if passive and not perfect and any(v.toks[a].dep == "auxpass" and v.toks[a].tag in ("VBZ", "VBP") for a in aux):
        return True  # "are held in immigration detention": what is so, not what was done
    title = (v.article.chrome or {}).get("title")
    if not passive and tag in ("VBZ", "VBP") and not aux and v.lemma(t) in m["lasting_verbs"] \
            and not (title and title[0] <= v.toks[t].start < title[1]):
        return True  # "the prisoners it holds" (a headline's "Junta detains ..." and "Rebels hold ..." are news)
    return perfect and passive and v.lemma(t) in m["lasting_verbs"] and any(
        v.lemma(k2) == "since" for k2 in v.kids(t, "prep"))


def _aimless_help(k: Coder, x: _Clause) -> bool:
    """"Britain was helping to end the war", "the UN helped to arrange the exchange", "has been helping the peace
    process": helping with a thing or a task gives no one aid ("troops were helping villagers search the rubble"
    helps the villagers, "helped improve the lives of the island's people" the islanders)."""
    v, c = x.view, x.c
    if x.ptype != "AID" or x.targets or c.entry.is_noun or c.entry.lemma not in ("help", "assist"):
        return False
    # someone in the task ("helped improve the lives of the island's people", "helping villagers search") is helped
    own = set(x.sources)
    return not any(a not in own for comp in v.kids(c.tok, "ccomp", "xcomp") for j in v.subtree(comp)
                   for a in v.tok_actors.get(j, ()))


def _aimless_aid(k: Coder, x: _Clause) -> bool:
    """"The government distributed leaflets", "doctors contributed money to the campaign": given to no one named
    and no aid, it is no aid ("distributed 1.2 million face masks" is)."""
    v, c = x.view, x.c
    if x.ptype != "AID" or x.targets or c.entry.is_noun or c.entry.lemma in ("help", "assist"):
        return False
    goods = set(k.lex.modes["aid_goods"])
    if any((a := v.article.actor(s)) is not None and state_actor(a, True) for s in x.sources):
        goods |= k.lex.modes["aid_money"]  # "Japan donated 10 million dollars" (not "doctors contributed money")
    subject = {j for s in v.kids(c.tok, "nsubj", "nsubjpass") for j in v.subtree(s)}
    # what is given, or what it is given to ("ten million dollars to the relief effort")
    return not any(v.lemma(j) in goods or v.toks[j].text.lower() in goods
                   for j in v.subtree(c.tok) if j != c.tok and j not in subject)


def _hosted_alone(k: Coder, x: _Clause) -> bool:
    """"Prince Anselm and Lady Marten hosted a dinner at Castle Vorn": hosting with no guest named and no
    meeting hosted is a social occasion, no meeting."""
    v, c = x.view, x.c
    if x.ptype != "CONSULT" or x.targets or c.entry.lemma != "host" or c.entry.is_noun:
        return False
    obj = c.obj if c.obj is not None else v.kid(c.tok, "dobj")
    return obj is not None and v.lemma(obj) not in k.lex.modes["hosted_meetings"] and v.toks[obj].pos == "NOUN" \
        and not v.tok_actors.get(obj) and not k._people(v, obj)


def _aspiration(k: Coder, x: _Clause) -> bool:
    """"wanted the new pension to become a symbol of fairness": wanting a thing to be or become something asks no
    one for anything (not "wants the government to be more open": an actor is asked; nor "wants the inquiry to be
    independent": a property asked of it)."""
    v, c = x.view, x.c
    if x.ptype != "REQUEST" or c.entry.lemma not in ("want", "wish", "like") or c.entry.is_noun:
        return False
    for comp in v.kids(c.tok, "ccomp", "xcomp"):
        s, _ = v.subject(comp)
        if v.lemma(comp) in ("be", "become", "remain", "stay") and v.kids(comp, "attr") and not v.kids(comp, "acomp") \
                and s is not None and s != v.subject(c.tok)[0] \
                and not v.phrase_actors(s) and v.lemma(s).lower() not in _people_words():
            return True
    return False


def _mere_wish(k: Coder, x: _Clause) -> bool:
    """"Azerbaijan wants peace", "not everyone in Washington wants a quick deal", "we want people to feel safe": a wish
    asks nothing of anyone.  A want is a demand when it names whom it asks, a political actor ("they want the
    government to withdraw the rules"), asks for a thing only someone else can give ("we want an apology"), or for
    something to be done by others ("the rebels want the accord used as the framework", "wants its proposals to be
    taken into account")."""
    v, c = x.view, x.c
    if x.ptype != "REQUEST" or c.entry.lemma not in ("want", "wish") or c.entry.is_noun \
            or any(not g.entry.is_noun for g in c.governed):
        return False  # ("wants both sides to resume talks": an act of its own asked of others; not "wants a deal")
    done = v.kids(c.tok, "ccomp", "xcomp") + [a for o in v.kids(c.tok, "dobj") for a in v.kids(o, "acl")]
    if any(v.kids(comp, "auxpass") or v.toks[comp].tag == "VBN" for comp in done):
        return False  # ("want the accord used": the participle may hang on the object)
    if v.toks[c.tok].dep == "relcl" and any(v.lemma(k) in ("which", "that") for k in v.kids(c.tok, "nsubj", "dobj")):
        return False  # "the accord, which the rebels want used as ...": what is wanted is the thing named before
    art = v.article
    if any((a := art.actor(t)) is not None and a.kind != "place" and (a.sector not in (None, "CVL") or a.kind == "country")
           for t in x.targets):
        return False
    return not any(v.lemma(o) in k.lex.modes["demanded_things"] for o in v.kids(c.tok, "dobj"))


def _agrees_with_a_view(k: Coder, x: _Clause) -> bool:
    """"He agrees the governor is an opportunist", "I agree there seems to be no plan": one speaker agreeing with a view
    (a clause of being or seeming) shares an opinion, no agreement is made (not "the two sides agreed that the troops
    would withdraw")."""
    v, c = x.view, x.c
    if x.ptype != "AGREE" or c.entry.lemma != "agree" or c.entry.is_noun or v.kids(c.tok, "dobj"):
        return False
    s, _ = v.subject(c.tok)
    if s is None or v.toks[s].tag in ("NNS", "NNPS") or v.kids(s, "conj") or len(x.sources) > 1:
        return False
    return any(v.lemma(d) in ("be", "seem", "appear") for d in v.kids(c.tok, "ccomp"))


def _dispersed_itself(k: Coder, x: _Clause) -> bool:
    """"By evening the marchers had dispersed quietly": a crowd that breaks up is no one's act on it (not "police
    dispersed the crowd", nor "the protesters were dispersed with tear gas")."""
    v, c = x.view, x.c
    return c.entry.lemma in k.lex.modes["intransitive_ends"] and not c.entry.is_noun and v.toks[c.tok].pos == "VERB" \
        and not v.kids(c.tok, "dobj") and not v.kids(c.tok, "auxpass") and v.toks[c.tok].dep != "acl"


def _meeting_alone(k: Coder, x: _Clause) -> bool:
    """"The Leeds Tenants Forum met on Thursday to choose a chair", "the cabinet met on Tuesday": one body
    meeting with no one named is its own meeting, no consultation between two sides."""
    v, c = x.view, x.c
    if x.ptype != "CONSULT" or x.targets or len(x.sources) != 1 or c.entry.is_noun or c.entry.lemma != "meet":
        return False
    if v.kids(c.tok, "dobj") or any(v.lemma(p) in ("with", "between", "among") for p in v.kids(c.tok, "prep")):
        return False
    s, _ = v.subject(c.tok)
    return s is not None and v.toks[s].tag in ("NN", "NNP") and not v.kids(s, "conj") and not v.kids(s, "cc")


def _campaign_rally(k: Coder, x: _Clause) -> bool:
    """"The governor is touring the state, holding three rallies a day": one person's rallies are a campaign's,
    no protest (not "held a rally against the war", nor one held by protesters, a party or a movement)."""
    v, c = x.view, x.c
    if x.ptype != "PROTEST" or c.obj is None or v.lemma(c.obj) not in k.lex.modes["campaign_meetings"]:
        return False
    if any(v.lemma(j) in k.lex.modes["protest_aims"] for j in v.subtree(c.tok)):
        return False  # "a rally against the war", "to protest the ruling", "demanding his release"
    s, _ = v.subject(c.clause)
    if s is None or v.toks[s].tag in ("NNS", "NNPS") or v.kids(s, "conj"):
        return False
    if v.lemma(s).lower() in ("he", "she"):
        return True
    role = default_lexicon().role(v.lemma(s).lower())
    actors = [a for a in map(v.article.actor, x.sources) if a is not None]
    return len(actors) == 1 and (actors[0].kind == "person" or role is not None and role.kind == "person")


def _opinion_data(k: Coder, x: _Clause) -> bool:
    """"44 percent of voters want the House to act", "those surveyed trust X": opinion data."""
    return x.ptype.lower() in k.lex.modes["attitude_types"] and _poll(x.view, x.sent, k.lex.modes["poll_words"])


def _press_conference(k: Coder, x: _Clause) -> bool:
    """"held a press conference": a meeting with no one (a joint one, with its guest, is one)."""
    obj = x.c.obj
    return x.ptype == "CONSULT" and not x.targets and obj is not None and any(
        x.view.lemma(t) in ("press", "news", "media") for t in x.view.kids(obj, "compound", "amod"))


def _others_wants(k: Coder, x: _Clause) -> bool:
    """'"He wants you to forget them," she said': what the speaker says others want, no demand."""
    v, c = x.view, x.c
    return c.entry.lemma == "want" and v.quoted(c.tok) and (sub := v.subject(c.clause)[0]) is not None \
        and v.lemma(sub) in ("he", "she", "it", "they")


def _empty_plan(k: Coder, x: _Clause) -> bool:
    """"announced his plans a day after ...": a plan with nothing said of it commits to nothing."""
    v, c, e = x.view, x.c, x.c.entry
    return e.lemma in ("announce", "unveil") and c.obj is not None and x.code == e.cameo and x.ptype == "AGREE" \
        and v.lemma(c.obj) not in ("pledge", "commitment") and not v.kids(c.obj, "acl", "prep", "relcl")


def _journalism(k: Coder, x: _Clause) -> bool:
    """"BBC News investigates how the network worked": journalism, not a state's inquiry (an acronym may be another
    body's: "AFP will investigate" is the Philippine army's)."""
    art = x.view.article
    return x.code[:2] == "09" and bool(x.sources) and all(
        (who := art.actor(a)) is not None and who.sector == "JRN" and not all(m.text.isupper() for m in who.mentions)
        for a in x.sources)


def _inquiry_into_a_thing(k: Coder, x: _Clause) -> bool:
    """"We are investigating a problem with the delivery route", "formed a committee to investigate the accident",
    "we are investigating how this happened": an inquiry into a thing or a question, with no one it is aimed at,
    accuses no one ("police are investigating the attack" is into an act, and stands)."""
    if x.code[:2] != "09" or x.targets or x.c.entry.is_noun:
        return False
    objs = x.view.kids(x.c.tok, "dobj")
    if not objs:
        # "We are investigating how this happened": a question, no one it is aimed at
        return any(_asks(x.view, c) for c in x.view.kids(x.c.tok, "ccomp"))
    return all(x.view.lemma(o) in k.lex.modes["inquiry_things"] and k._thing(x.view, o) for o in objs)


def _interview(k: Coder, x: _Clause) -> bool:
    """"In a meeting with the Washington Post's editorial board, Trump said ...", "spoke to reporters": talks with
    the press are an interview, no meeting of political actors."""
    if x.ptype != "CONSULT" or not x.targets:
        return False
    art, words = x.view.article, k.lex.modes["media_words"]
    return all((who := art.actor(a)) is not None and (who.sector == "JRN" or who.name.split()[-1].lower() in words)
               for a in x.targets)


def _poll_answer(k: Coder, x: _Clause) -> bool:
    """"51 percent say the president should be impeached": an answer to a poll, no act."""
    return _polled(x.view, x.view.speech_governor(x.c.clause))


def _questions_a_thing_raises(k: Coder, x: _Clause) -> bool:
    """"the proposals raise difficult questions": questions a plan or a report raises are no one's criticism (a
    person or a body raising them is: "the senator raised doubts about the account")."""
    v = x.c.tok
    if x.view.lemma(v) != "raise" or x.code != k.lex.codes["criticism"]:
        return False
    subj, passive = x.view.subject(v)
    if subj is None or passive:
        return False
    t = x.view.toks[subj]
    return not x.view.tok_actors.get(subj) and t.pos not in ("PRON", "PROPN") and x.view.lemma(subj) not in _people_words()


def _doubted_future(k: Coder, x: _Clause) -> bool:
    """"several envoys doubted whether Velna would readmit them": doubting what may yet happen is no
    criticism of anything done (questioning whether it was done is)."""
    v = x.c.tok
    if x.code != k.lex.codes["criticism"] or x.view.lemma(v) != "question":
        return False
    clauses = x.view.kids(v, "ccomp")
    return bool(clauses) and all(any(x.view.lemma(a) in ("will", "would", "can", "could", "might", "may", "shall")
                                     for a in x.view.kids(c, "aux")) for c in clauses)


def _imperative(k: Coder, x: _Clause) -> bool:
    """"Charge the officer!", "Ask me in February": a bare imperative, with no one doing it, tells no act (what a
    speaker or a crowd demands so is at most their request)."""
    v, t = x.view, x.view.toks[x.c.tok]
    if x.sources or x.c.entry.is_noun or t.tag != "VB" or t.dep not in ("ROOT", "conj", "ccomp", "parataxis"):
        return False  # ('"Ask us next month," she said': the quote is the saying's complement)
    if t.dep == "conj" and v.toks[t.head].tag != "VB":
        return False
    if v.kids(x.c.tok, "nsubj", "nsubjpass", "aux", "auxpass", "mark"):
        return False  # ("Let us ...", "to ask", "must ask": not bare)
    first = next((j for j in v.sentence_range(x.c.tok) if v.toks[j].pos not in ("PUNCT", "INTJ") and v.toks[j].dep != "advmod"), None)
    return first == x.c.tok or (t.dep == "conj" and first == t.head)


#: the rules by which a candidate clause tells no act, tried in order (``Coder._no_act``)
def _standing_position(k: Coder, x: _Clause) -> bool:
    """"She supports more border agents", "two Republicans who support abortion rights", "Turkey and Egypt, which back
    opposing camps": support told in the simple present is a position one holds, no act (a headline's present tells
    the news: "EU leaders back migrant deal"; opposition in the present is coded: "the party opposes the plan")."""
    t = x.view.toks[x.c.tok]
    return x.ptype == "SUPPORT" and t.tag in ("VBZ", "VBP") and x.view.lemma(x.c.tok) in k.lex.modes["position_verbs"] \
        and not _is_headline(x.view, x.sent)


_NO_ACT: tuple[tuple[str, Callable[[Coder, _Clause], bool]], ...] = (
    ("home-visit", _home_visit), ("thing-acts", _thing_acts), ("no-comment", _no_comment), ("accident", _accidental),
    ("custody", _custody), ("aimless-help", _aimless_help), ("aimless-aid", _aimless_aid),
    ("hosted-alone", _hosted_alone), ("opinion-data", _opinion_data), ("press-conference", _press_conference),
    ("others-wants", _others_wants),
    ("empty-plan", _empty_plan), ("journalism", _journalism), ("interview", _interview),
    ("inquiry-into-a-thing", _inquiry_into_a_thing), ("poll-answer", _poll_answer),
    ("standing-position", _standing_position), ("doubted-future", _doubted_future),
    ("questions-a-thing-raises", _questions_a_thing_raises), ("campaign-rally", _campaign_rally),
    ("meeting-alone", _meeting_alone), ("aspiration", _aspiration), ("dispersed-itself", _dispersed_itself),
    ("agrees-with-a-view", _agrees_with_a_view), ("mere-wish", _mere_wish), ("fought-a-disaster", _fought_a_disaster),
    ("no-dare", _no_dare), ("imperative", _imperative),
)


def e_mode_visit(coder: Coder, view: View, i: int) -> bool:
    """"on a visit to X", "on a trip": travel nouns are told with "on"."""
    return any(e.mode == "visit" for e in coder._entries(view, i))


#: words that open an embedded question
QUESTION_WORDS = frozenset({"what", "why", "how", "who", "whom", "whose", "which", "when", "where", "whether", "if"})


def _asks(view: View, c: int) -> bool:
    """Is the clause at ``c`` an embedded question ("what had happened", "whether it was true")?"""
    first = min(view.subtree(c))
    return view.toks[first].text.lower() in QUESTION_WORDS


def _in_adjunct(view: View, j: int, top: int) -> bool:
    """Is the word at ``j`` inside an adverbial clause of ``top`` ("called on X to leave, escalating a war of
    words"): said about the act, not what was called for?"""
    cur = j
    for _ in range(12):
        if cur == top or view.toks[cur].head == cur:
            return False
        if view.toks[cur].dep == "advcl":
            return True
        cur = view.toks[cur].head
    return False


def _under_condition(view: View, i: int) -> bool:
    """Does the clause at ``i`` hang, within its sentence, on an "if" or "unless" ("if the government were not to
    accept the ruling")?"""
    for j in (i, *view.ancestors(i)):
        if any(view.lemma(m) in ("if", "unless") for m in view.kids(j, "mark")):
            return True
    return False


def _poll(view: View, sent: Sentence, words: frozenset[str] | list[str]) -> bool:
    """Does the sentence report a poll: a poll word and a percentage ("52 percent of voters", "42%")?"""
    low = [view.toks[j].text.lower() for j in range(sent.tok_start, sent.tok_end)]
    percent = any(w in ("percent", "%", "per") for w in low) and any(
        view.toks[j].pos == "NUM" for j in range(sent.tok_start, sent.tok_end))
    return percent and any(w in words and w not in ("percent", "%", "per") for w in low) or (
        percent and any(view.lemma(j) in ("voter", "american", "respondent") and view.toks[j].tag in ("NNS", "NNPS")
                        for j in range(sent.tok_start, sent.tok_end))) or (  # "of Americans", not "American goods"
        percent and any(view.toks[j].text.lower() in ("percent", "%") and view.toks[j].dep == "nsubj"
                        and view.lemma(view.toks[j].head) in ("say", "tell", "think", "believe")
                        for j in range(sent.tok_start, sent.tok_end)))  # "with 22 percent saying they would not ..."


def _needy(view: View, need: int) -> bool:
    """"more than 6 million people need assistance", "our farmers need markets": what people lack is told, not
    asked of anyone (unlike "Britain needs lower taxes")."""
    s, _ = view.subject(need)
    if s is None or view.toks[s].tag != "NNS" or view.toks[s].text.lower() not in _people_words():
        return False  # "the country needed lower taxes" asks its government
    # people in need, not the state's own forces ("the police need more officers" asks for them)
    own = load().modes["own_state_sectors"]
    return not any((a := view.article.actor(x)) is not None and (a.sector or "").lower() in own for x in view.phrase_actors(s))


def _definite(view: View, n: int) -> bool:
    """Is the noun at ``n`` a definite one ("the changes", "these restrictions", "its plan")?"""
    return any(view.lemma(d) in ("the", "this", "these", "that", "those") for d in view.kids(n, "det")) or bool(view.kids(n, "poss"))


def _polled(view: View, say: int | None) -> bool:
    """Is the reporting verb ``say`` a poll's answer: its subject a share ("51 percent say", "a majority of
    voters think", "two-thirds of respondents said")?"""
    if say is None:
        return False
    s, _ = view.subject(say)
    if s is None:
        return False
    return view.toks[s].text.lower() in ("percent", "%", "majority", "minority", "two-thirds", "third", "half") \
        and any(view.toks[j].pos == "NUM" or view.lemma(j) in ("voter", "respondent", "american", "people", "%", "percent")
                for j in view.subtree(s, frozenset())) or view.lemma(s) in ("respondent", "pollster")


def _dated_with_doer(view: View, i: int) -> bool:
    """"came after Friday's march by the hauliers' union", "a day after Tuesday's attack by gunmen on the
    village": a protest or an attack noun told with its day as a possessive and its doer after "by" took place (not
    one "ahead of" or "before" it, still to come)."""
    toks = view.toks
    day = any(toks[c].dep == "poss" and toks[c].ent_type == "DATE" for c in view.children[i])
    doer = any(toks[c].dep == "prep" and view.lemma(c) == "by" and view.kids(c, "pobj") for c in view.children[i])
    if not (day and doer):
        return False
    h = toks[i].head
    return not (toks[i].dep == "pobj" and (view.lemma(h) in ("before", "ahead", "until", "till") or
                                           view.lemma(toks[h].head) == "ahead"))


def _between_actors(view: View, i: int) -> bool:
    """Does the noun at ``i`` name its parties with "between" ("talks between the two presidents"), or an
    owner and whom it was with ("used her first meeting with Secretary Holloway to ...")?"""
    if any(view.lemma(p) == "between" and any(view.phrase_actors(o) for o in view.kids(p, "pobj"))
           for p in view.kids(i, "prep")):
        return True
    return bool(view.kids(i, "poss")) and any(
        view.lemma(p) == "with" and any(view.phrase_actors(o) for o in view.kids(p, "pobj")) for p in view.kids(i, "prep"))


def _is_headline(view: View, sent: Sentence) -> bool:
    """The article's title, or a sentence in title case without a verb."""
    if view.article.in_headline(sent.start):
        return True
    words = [t for t in view.toks[sent.tok_start : sent.tok_end] if t.text[:1].isalpha()]
    if len(words) < 3 or any(t.pos == "VERB" for t in words):
        return False
    return sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words)


def _move_makers(view: View, events: list[Event]) -> list[Event]:
    """"The minister announced plans to close twelve prisons, in a move branded a retreat by the opposition": a
    judgement of the move, told with no one judged, is aimed at who made the move, the subject of the clause the
    move is told beside."""
    out: list[Event] = []
    for e in events:
        i = _tok_at(view, e.evidence[0].trigger[0]) if e.evidence and not e.targets else None
        if i is not None and e.type in ("ACCUSE", "SUPPORT") and view.toks[i].dep == "acl":
            n = view.toks[i].head
            p = view.toks[n].head
            if view.toks[n].dep == "pobj" and view.lemma(p) == "in" and view.toks[p].dep == "prep":
                s, passive = view.subject(view.toks[p].head)
                makers = [a for a in (view.phrase_actors(s) if s is not None and not passive else [])
                          if a not in e.sources]
                if makers:
                    e = replace(e, targets=tuple(makers), rule=f"{e.rule}+move-maker")
        out.append(e)
    return out


#: days a report counts from its own ("yesterday", "on Tuesday"): a clause dated so tells the news, however deep
_NEWS_DAYS = frozenset(("yesterday", "today", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday",
                        "saturday", "sunday"))


def _denial_of_which(view: View, i: int, denials: frozenset[str]) -> bool:
    """Is the verb at ``i`` a relative clause denying what the noun it hangs on says ("charges of treason, which he
    denies", "reports of a quarrel, which the ministry has rejected"; ``relative_denials`` in refine.yaml)?"""
    toks = view.toks
    return toks[i].dep == "relcl" and view.lemma(i) in denials \
        and any(view.lemma(o) in ("which", "that") for o in view.kids(i, "dobj"))


def _told_as_news(view: View, i: int) -> bool:
    """Is the verb's clause, nested in a relative or participle clause, dated by a day of the report's week
    ("protesters who marched on parliament yesterday", "... who were arrested on Tuesday")?"""
    toks = view.toks
    if toks[i].dep not in ("relcl", "acl") or toks[i].tag not in ("VBD", "VBN"):
        return False
    days = [c for c in view.children[i] if toks[c].dep in ("npadvmod", "tmod")]
    days += [p for c in view.kids(i, "prep") if view.lemma(c) == "on" for p in view.kids(c, "pobj")]
    return any(toks[d].text.lower() in _NEWS_DAYS for d in days)


def _too(view: View, j: int, excess: frozenset[str]) -> bool:
    """Is ``j`` a word of ``excess`` said to be "too" much of how someone acts or is ("spending too much", "acted too
    slowly", "is too weak")? Not of a thing ("too many families") nor of a time ("suffered for too long")."""
    t = view.toks[j]
    return view.lemma(j).lower() in excess and t.dep in ("advmod", "dobj", "acomp", "npadvmod") \
        and view.toks[t.head].pos in ("VERB", "AUX") and any(view.toks[k].text.lower() == "too" for k in view.kids(j, "advmod"))


def _hyphenated(view: View, j: int) -> set[str]:
    """The word a hyphenated compound ending at ``j`` makes, as written and with its last part's lemma
    ("ill-advised", "over-reacted" -> "over-react"), which the tokenizer splits in three; none for another token."""
    toks = view.toks
    if j < 2 or toks[j - 1].text != "-" or toks[j - 2].space or toks[j - 1].space:
        return set()
    first = toks[j - 2].text.lower()
    return {f"{first}-{toks[j].text.lower()}", f"{first}-{view.lemma(j).lower()}"}


def _warned_of_conduct(view: View, i: int) -> bool:
    """Does the warning at ``i`` tell its addressee what it is doing wrong ("warned Labour and the Tories they were
    in danger of pandering to prejudice"): a word of criticism in what is said?"""
    if not any(view.phrase_actors(o) for o in view.kids(i, "dobj")):
        return False  # no one warned: "warned it would respond with force to any provocation" is a threat
    words = _word_list("criticism.txt")
    # (what is said, or a clause the parser hung on the addressee: "warned the parties [they were ...]")
    said = view.kids(i, "ccomp") + [r for o in view.kids(i, "dobj") for r in view.kids(o, "relcl")
                                    if any(view.lemma(k) in ("they", "it", "he", "she") for k in view.kids(r, "nsubj"))]
    # (what it is warned against: "warned both parties against pandering to bigots")
    said += _warned_against(view, i)
    return any(view.lemma(j).lower() in words for c in said for j in _descendants(view, c))


def _habitual(view: View, c: int, words: frozenset[str]) -> bool:
    """Is the obligation at ``c`` told as a habit ("at times the farmers had to drive for hours")?"""
    return any(view.lemma(j) in words for j in _descendants(view, c) if view.toks[j].dep in ("advmod", "pobj", "npadvmod"))


def _told_when(view: View, c: int) -> set[int]:
    """The tokens of a clause of ``c`` that says when it was said, with a subject of its own ("the two nations must
    act together, as she met her counterpart"): an act of its own, no part of what is asked."""
    return {j for a in view.kids(c, "advcl") if view.kids(a, "nsubj", "nsubjpass")
            and any(view.lemma(m) in ("as", "while", "when") for m in view.kids(a, "mark")) for j in _descendants(view, a)}


def _warned_against(view: View, i: int) -> list[int]:
    """What the verb at ``i`` warns against ("warned the parties against pandering to bigots"; the parser hangs
    "against" on the verb or on whom it warns)."""
    heads = [i] + view.kids(i, "dobj")
    return [o for h in heads for p in view.kids(h, "prep") if view.lemma(p) == "against" for o in view.kids(p, "pobj", "pcomp")]


def _signed_by(view: View, i: int, e: Entry) -> bool:
    """"The pact, signed by the two ministers, sets a floor ...": a signing told between commas of "the" (or
    "this") agreement and nothing else, its signers named — the agreement the report is about, signed as news
    (not "the Minsk agreements, signed by ...", a named one, nor "the accord signed in 2001", dated)."""
    toks = view.toks
    h = toks[i].head
    return e.cameo == "057" and e.type != "NONE" and i > 0 and toks[i - 1].text == "," \
        and all(toks[c].dep in ("det", "punct", "acl") and (toks[c].dep != "det" or view.lemma(c) in ("the", "this"))
                for c in view.children[h])


def _talks_after(view: View, i: int) -> int:
    """"pledged closer ties after talks with his counterpart": talks with someone, told as what came before or
    after an act, were held by the act's subject — the verb whose clause gives them their source (else ``i``)."""
    toks = view.toks
    t = toks[i]
    if t.dep != "pobj":
        return i
    p = toks[t.head]
    v = p.head
    for _ in range(4):  # "urged a commission during talks with X": the talks hung on the object, the verb's all the same
        if toks[v].pos in ("VERB", "AUX") or toks[v].dep not in ("pobj", "prep", "dobj"):
            break
        v = toks[v].head
    if (p.lemma.lower() not in TALKS_PREPS and p.text.lower() not in TALKS_PREPS) or toks[v].pos not in ("VERB", "AUX"):
        return i
    while toks[v].head != v and not view.kids(v, "nsubj", "nsubjpass") and (
            toks[v].dep == "xcomp" or toks[v].dep in ("conj", "advcl") and toks[v].tag in ("VB", "VBG")):
        # "have pledged to step up cooperation, during talks": the pledge's subject; "signed a deal, committing
        # Chile to help train and equip officers, after talks with his counterpart": the signer's (not a finite verb
        # joined to another: "defaulted in May and is in talks with the IMF" are talks of now)
        v = toks[v].head
    s, passive = view.subject(v)
    with_someone = any(view.lemma(q) == "with" for q in view.kids(i, "prep")) or (
        view.lemma(v) in ADDRESSING and any(view.tok_actors.get(o) or view.phrase_actors(o) for o in view.kids(v, "dobj", "dative"))) or (
        # "signed the deal with his counterpart after talks in Baku": the act was done with someone, the talks too
        p.head == v and any(view.tok_actors.get(o) or view.phrase_actors(o)
                            for x in (v, *view.kids(v, "dobj")) for q in view.kids(x, "prep")
                            if view.lemma(q) == "with" for o in view.kids(q, "pobj")))
    # "X and Y signed the accord following a meeting" (not "... after a meeting of the Security Council", "during a
    # meeting between the two firms' chairmen": a meeting whose own parties are named)
    others = [o for q in view.kids(i, "prep") if view.lemma(q) in ("of", "between") for o in view.kids(q, "pobj")
              if view.tok_actors.get(o) or view.phrase_actors(o)]
    between_them = s is not None and not passive and not others \
        and any(view.tok_actors.get(c) or view.phrase_actors(c) for c in view.kids(s, "conj"))
    return v if with_someone or between_them else i


def _listed_with_places(view: View, a: Actor) -> bool:
    """Is ``a`` a one-word name of no country that the text lists among places ("Leeds, Dorset and Torbay"): a
    place the tagger took for a person or an organisation?"""
    if a.kind in ("place", "country") or a.country or len(a.name.split()) != 1 or not a.mentions:
        return False
    i = _tok_at(view, a.mentions[0].start)
    if i is None:
        return False
    first = i
    while view.toks[first].dep == "conj" and view.toks[first].head != first:
        first = view.toks[first].head
    listed, stack = [], [first]
    while stack:
        j = stack.pop()
        listed.append(j)
        stack.extend(view.kids(j, "conj"))
    return any((p := view.article.actor(x)) is not None and p.kind in ("place", "country")
               for j in listed if j != i for x in view.tok_actors.get(j, ()))


def _there_is(view: View, c: int, by_tok: dict[int, Cand]) -> bool:
    """Does the clause at ``c`` say there is, or needs to be, an act ("there should be an inquiry", "there needs to
    be an investigation"): "there" its subject, an event noun what is (or must be)?"""
    if not view.kids(c, "expl") and not any(view.kids(a, "expl") for a in view.kids(c, "aux")):
        return False  # ("There does need to be": the parser may hang "there" on the auxiliary)
    be = c if view.lemma(c) == "be" else next((x for x in view.kids(c, "xcomp") if view.lemma(x) == "be"), None)
    return be is not None and any(j in by_tok for a in view.kids(be, "attr") for j in (a, *view.kids(a, "compound")))


def _in_clause(view: View, i: int, top: int) -> bool:
    """Is token ``i`` inside a finite or infinitive clause below ``top``?"""
    for a in [i, *view.ancestors(i)]:
        if a == top:
            return False
        if view.toks[a].dep in ("ccomp", "acl", "relcl", "xcomp", "advcl"):
            return view.toks[a].head == top and view.toks[a].dep in ("ccomp", "acl")
    return False


@lru_cache(maxsize=4)
def _word_list(name: str) -> frozenset[str]:
    """A word list of ``data/`` (lower case, one per line, ``#`` comments): ``criticism.txt``, the words that make
    a reported statement about another actor a criticism; ``praise.txt``, those that make it praise."""
    from dragoman.events.taxonomy import DATA

    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def _people_words() -> frozenset[str]:
    """Nouns that name people: the actor lexicon's role words (officials, troops, a group) and the actors'
    ``data/people.txt`` (sides, neighbours, victims)."""
    return frozenset(w for w in default_lexicon().roles if " " not in w) | people_nouns()


def _described(view: View, j: int, top: int) -> bool:
    """Is the word at ``j`` inside a relative clause, participle or apposition below ``top`` ("particles that
    can cause dangerous heart troubles"): a description, not what is said of anyone?"""
    cur = j
    for _ in range(12):
        if cur == top or view.toks[cur].head == cur:
            return False
        if view.toks[cur].dep in ("relcl", "acl", "appos") or (cur == j and view.toks[cur].dep in ("amod", "compound")):
            return True  # ("illegal encampments": an adjective naming a kind of thing, not a judgement)
        cur = view.toks[cur].head
    return False


def _reason(view: View, p: int) -> bool:
    """Is the preposition at ``p`` "for" with a gerund: the reason for an act ("called the auditors liars for publishing
    facts", "thanked him for helping"), not what the act is for ("called for talks")?"""
    return view.lemma(p) == "for" and any(view.toks[k].tag == "VBG" for k in view.kids(p, "pcomp"))


def _when(view: View, p: int) -> bool:
    """Is the preposition at ``p`` a time phrase ("on Monday", "in March")?"""
    objs = view.kids(p, "pobj")
    return bool(objs) and all(view.toks[o].ent_type in ("DATE", "TIME") for o in objs)




def _same_state(view: View, warners: set[str], doers: set[str]) -> bool:
    """Are the ``doers`` the warners' own state acting ("the security chief warned that police will ...", "the
    defence minister warned that Venezuela would ..."): executive warners, forces or the state itself as doers,
    of no two different countries?"""
    def state(x: Actor | None, sectors: frozenset[str]) -> bool:
        return x is not None and ((x.sector or "").lower() in sectors or x.kind in ("country", "government"))

    art = view.article
    m = load().modes
    if not all(state(art.actor(a), m["executive_sectors"]) for a in warners) or not all(state(art.actor(a), m["force_sectors"]) for a in doers):
        return False
    return len({x.country for x in map(art.actor, warners | doers) if x is not None and x.country}) <= 1


_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
#: verbs of holding a view, beside the lexicon's neg-raising ones: "did not find the remarks offensive"
_OPINION_VERBS = frozenset({"find", "consider", "feel"})


def _warns_of_others(view: View, i: int) -> bool:
    """Does the warning at ``i`` tell what someone else may do ("warned that far-right groups would hijack the
    protests", "warned that more raids could follow"): its that-clause has a subject of its own, not a pronoun
    (the warner's "it would respond") and not naming the warner, or a thing's consequence ("that any rush to deport
    people risked breaching the law"); or is it "of" another's act ("warned of a possible militia threat")?"""
    toks = view.toks
    s_sub, _ = view.subject(i)
    own = set(view.phrase_actors(s_sub)) if s_sub is not None else set()
    for c in view.kids(i, "ccomp"):
        c_sub, passive = view.subject(c)
        if _told_as_so(view, c):
            return True  # "warned that it was failing pupils", "... that they had ignored the advice": how things are
        if c_sub is None or toks[c_sub].head != c or (toks[c_sub].pos == "PRON" and view.lemma(c_sub).lower() not in _DEMONSTRATIVES):
            continue  # a pronoun is the warner ("it would respond"), not "this" ("warned that this would happen")
        if view.lemma(c) in load().modes["suffer_verbs"] and any(
                view.lemma(o) in load().modes["warned_dangers"] for o in view.kids(c, "dobj")):
            return True  # "warned that children would face serious health risks": a danger, no one's threat
        if passive and (by := view.agent(c)) is not None and toks[by].pos in ("NOUN", "PROPN") \
                and not any(toks[k].pos == "PRON" for k in view.kids(by, "poss")) and not set(view.phrase_actors(by)) & own:
            return True  # "the coast will be harmed by the ministry's scheme, councillors warned": what others' doing brings
        if passive or (view.lemma(c) in load().modes["suffer_verbs"]
                       and (toks[c_sub].pos == "PROPN" or view.phrase_actors(c_sub, strict=True))):
            continue  # "warned that Y would face consequences", "... would be punished": a threat against Y
        if _conditioned(view, c, own):
            continue  # "warned that strikes would follow if ministers did not return to talks": a threat to them
        if any(toks[k].pos == "PRON" for k in view.kids(c_sub, "poss")):
            continue  # "their fighters would attack": the warner's own
        theirs = set(view.phrase_actors(c_sub))
        if theirs and own and _same_state(view, own, theirs):
            continue  # "the security chief warned that police will no longer tolerate rallies": his own force
        if not theirs or not theirs & own:
            return True
    for p in view.kids(i, "prep"):
        # "warned of a possible militia threat": a threat someone else makes
        for n in view.kids(p, "pobj"):
            owners = [a for k in view.kids(n, "compound", "poss", "amod") for a in view.phrase_actors(k, strict=True)]
            if view.lemma(p) == "of" and (view.lemma(n) in load().modes["warned_dangers"] or owners and not set(owners) & own
                                          and not _same_state(view, own, set(owners))):
                return True
    return False


def _told_as_so(view: View, c: int) -> bool:
    """Is the clause at ``c`` told as going on or done — "was failing", "is losing", "had ignored" — with no modal
    that would make it what is to come?"""
    auxes = {view.lemma(a) for a in view.kids(c, "aux", "auxpass")}
    m = load().modes
    if auxes & m["modal_auxiliaries"] or view.toks[c].tag not in ("VBG", "VBN") or view.lemma(c) in m["preparing_verbs"]:
        return False  # ("warned that it was preparing to strike": what is to come)
    return "be" in auxes if view.toks[c].tag == "VBG" else "have" in auxes


def _conditioned(view: View, c: int, own: set[str]) -> bool:
    """Does the clause at ``c`` hold on a condition that someone other than ``own`` acts ("... if ministers did
    not return", "... unless the company pays")?"""
    for a in _condition_clauses(view, c):
        s, _ = view.subject(a)
        if s is not None and set(view.phrase_actors(s)) - own:
            return True
    return False


def _condition_clauses(view: View, c: int) -> list[int]:
    """The "if" and "unless" clauses the clause at ``c`` holds on ("... if ministers did not return")."""
    return [a for a in view.kids(c, "advcl") if {view.lemma(m) for m in view.kids(a, "mark")} & {"if", "unless"}]


def _acts_on(view: View, i: int, plight: frozenset[str]) -> bool:
    """Does the verb at ``i`` bear on someone or announce what will happen: an actor or name as its object
    ("warned Ghana"), or a complement told in the future ("warned it would respond")?"""
    toks = view.toks
    for d in view.children[i]:
        if toks[d].dep == "dobj" and (view.tok_actors.get(d) or toks[d].pos == "PROPN"):
            return True
        if toks[d].dep == "ccomp" and any(view.lemma(a) in ("will", "would", "shall") or toks[a].text.lower() in ("'ll", "wo")
                                          for a in view.kids(d, "aux")) and not _own_plight(view, d, plight):
            return True
    return False


def _own_plight(view: View, d: int, plight: frozenset[str]) -> bool:
    """Does the future clause at ``d`` tell what will befall the warners themselves ("warned that they will struggle
    to keep wards open"; not "warned that Vellia would face consequences": a threat to another)?  ``plight``: the
    verbs of what befalls one (refine.yaml ``plight_verbs``)."""
    s, _ = view.subject(d)
    return view.lemma(d) in plight and s is not None and view.lemma(s).lower() in ("we", "they", "i", "it")


def _subject_parties(view: View, v: int) -> list[str]:
    """The people and states named anywhere in the subject of the mutual act at ``v`` ("Velnian Minister X and Dorvan's
    Second Minister of Home Affairs, Y, met": the parser may hang the second on the first's name), in text order."""
    s, passive = view.subject(v)
    if s is None or passive or s > v:
        return []
    out: list[str] = []
    for a in view.actors_in(j for j in view.subtree(s, frozenset()) if j < v):
        x = view.article.actor(a)
        if x is not None and a not in out and (x.kind in ("person", "country", "government") or x.sector == "GOV"):
            out.append(a)
    people = [a for a in out if (x := view.article.actor(a)) is not None and (
        x.kind == "person" or x.kind == "group" and portfolio(x.name) is not None)]
    # (two people named: the parties, and the offices that say whose ministers they are, not their titles' other words)
    return people if sum(1 for a in people if (x := view.article.actor(a)) and x.kind == "person") > 1 else out


def _the_two(view: View, v: int, others: set[str]) -> tuple[str, ...] | None:
    """Who "the two" or "both" are when they are the verb's whole subject ("The two met for an hour"): the two
    people named last before it (or, with none, the two states)."""
    s, passive = view.subject(v)
    if s is None or passive or view.lemma(s) not in ("two", "both") or view.kids(s, "prep", "conj") \
            or view.toks[s].pos not in ("NUM", "PRON", "DET"):
        return None
    at, sent = view.toks[v].start, view.toks[v].sent
    return named_before(view, at, sent, others, True) or named_before(view, at, sent, others, False)


def _occasion(view: View, p: int) -> bool:
    """Does the preposition at ``p`` tell when or at what occasion an act happened ("after the vote", "during
    talks", "at a meeting with X") rather than what the act is about?"""
    lem = view.lemma(p)
    return lem in TIME_PREPS or (lem in ("at", "in") and any(view.lemma(o) in MEETING_NOUNS for o in view.kids(p, "pobj")))


def _content(view: View, i: int) -> list[int]:
    """``i``'s descendants but those told as when it happens ("pledged to step up cooperation, during bilateral
    talks": the talks are no part of what was pledged) and a clause saying where or when a thing in it is ("asked
    Velna to keep the market open, where a strike has gone on for a week": the strike is not what was asked)."""
    return _descendants(view, i, lambda c: view.toks[c].dep == "prep" and _occasion(view, c) or _where_clause(view, c)
                        or _time_clause(view, c))


def _time_clause(view: View, c: int) -> bool:
    """Is ``c`` a clause telling what came before ("ordered him held for a month, two days after police detained
    him": the detention is not what was ordered, but an act of its own)?"""
    return view.toks[c].dep == "advcl" and any(view.lemma(m) in ("after", "since") for m in view.kids(c, "mark"))


def _where_clause(view: View, c: int) -> bool:
    """Is ``c`` a relative clause opened by "where" or "when" ("the road, where ...")?"""
    return view.toks[c].dep == "relcl" and any(view.lemma(a) in ("where", "when") for a in view.kids(c, "advmod"))


def _own_participle(view: View, v: int, ch: int, by_tok: dict[int, Cand]) -> bool:
    """"sought a sentence of nine years, accusing the director of fraud": a participle clause set off by a
    comma after the verb is an act of its own when it names one (not "saying", "adding": they tell the act's
    content), not what the verb governs."""
    toks = view.toks
    return toks[ch].tag == "VBG" and ch > v and toks[ch - 1].text == "," and ch in by_tok \
        and by_tok[ch].entry.type not in (NONE, None) and not by_tok[ch].latent


def _circumstance(view: View, v: int, ch: int) -> bool:
    """"Speaking to reporters in Lagos, the minister accused ...": a participle clause before the verb tells how the
    act was done, not what the verb governs."""
    return view.toks[ch].tag in ("VBG", "VBN") and ch < v


def _dated_prep(view: View, c: int) -> bool:
    """Is ``c`` a preposition of time ("on Thursday"), no particle ("pressed on")?"""
    return view.toks[c].dep == "prep" and any(view.toks[o].ent_type in ("DATE", "TIME") for o in view.kids(c, "pobj"))


def _ordered(view: View, verb: int, act: int) -> bool:
    """Is ``act`` what ``verb`` (an order) orders: reached from it through objects and clauses ("ordered an attack",
    "ordered troops to storm the camp"), not through a preposition's modifier ("ordered bells rung in memory of
    miners killed in a blast": the blast is no part of the order)?"""
    toks = view.toks
    j = act
    for _ in range(12):
        if j == verb:
            return True
        if toks[j].dep in ("pobj", "prep", "relcl", "appos") or toks[j].head == j:
            return False
        j = toks[j].head
    return False


def _descendants(view: View, i: int, skip: Callable[[int], bool] | None = None) -> list[int]:
    """``i`` and every token below it (not below a child ``skip`` says to leave out)."""
    out = [i]
    stack = [i]
    while stack:
        j = stack.pop()
        for c in view.children[j]:
            if skip is not None and skip(c):
                continue
            out.append(c)
            stack.append(c)
    return out


def _dedupe(view: View, events: list[Event]) -> list[Event]:
    """Within a sentence, an event of the same type told inside another ("struck, killing five") is the same event."""
    if len(events) < 2:
        return events
    from dataclasses import replace

    keep: list[Event] = []
    for e in sorted(events, key=lambda x: -x.confidence):
        ti = _tok_at(view, e.evidence[0].trigger[0])
        dup = False
        for n, k in enumerate(keep):
            if k.type != e.type or k.aux != e.aux or other_stages(k, e):
                continue  # ("convicted and sentenced": two stages of the law's coercion, two acts)
            ki = _tok_at(view, k.evidence[0].trigger[0])
            if ti is not None and ki is not None and (_told_inside(view, ki, ti) or _told_inside(view, ti, ki)):
                dup = True
                # "stormed a hotel, killing twelve": the victims are the same event's targets
                srcs = k.sources + tuple(a for a in e.sources if a not in k.sources and a not in k.targets)
                tgts = k.targets + tuple(a for a in e.targets if a not in k.targets and a not in srcs)
                # told by the outer verb, whose clause holds its date and place ("marched on Parliament on
                # Tuesday to protest against ...": the march is the protest, dated by its own clause)
                ev = e.evidence if _told_inside(view, ti, ki) else k.evidence
                keep[n] = replace(k, sources=srcs, targets=tgts, evidence=ev)
                break
        if not dup:
            keep.append(e)
    keep.sort(key=lambda x: x.evidence[0].trigger[0])
    return keep


def _told_inside(view: View, outer: int, inner: int) -> bool:
    """Is ``inner`` told inside ``outer``'s clause: below it, and not in a clause set beside it (parataxis: "Tories
    attack EU moves David Blunkett has been accused ...", a headline run into a sentence; a conjoined clause with a
    subject of its own: "police arrested two men, and a court charged them")?"""
    if not view.is_ancestor(outer, inner):
        return False
    return not any(view.toks[a].dep == "parataxis" or view.toks[a].dep == "conj" and view.kids(a, "nsubj", "nsubjpass")
                   for a in [inner, *view.ancestors(inner)] if a != outer and view.is_ancestor(outer, a))


def _given_by_a_thing(view: View, e: Event) -> bool:
    """Is ``e`` help or supply whose giver is a thing, not an actor ("Secrecy only helps the regime", "the
    storm brought misery to the villages"): the verb's own subject, a noun phrase naming no one?"""
    if e.type != "AID" or e.sources or not e.evidence:
        return False
    i = _tok_at(view, e.evidence[0].trigger[0])
    if i is None or view.toks[i].pos != "VERB":
        return False
    subj, passive = view.subject(i)
    if subj is None or passive:
        return False
    t = view.toks[subj]
    return t.pos in ("NOUN", "PROPN") and not t.ent_type and not view.phrase_actors(subj)


def _war_on_a_thing(view: View, e: Event) -> bool:
    """Is ``e`` a "war" declared or waged on something that is no actor and has no name ("declared war on
    motorists' wallets", "a war on drugs", "waging war on red tape"): a figure of speech, no fighting?"""
    if e.type != "ASSAULT" or not e.evidence:
        return False
    i = _tok_at(view, e.evidence[0].trigger[0])
    if i is None or view.lemma(i) != "war":
        return False
    t = view.toks[i]
    heads = [i] + ([t.head] if t.dep == "dobj" and t.head != i else [])  # "declared war on X": "on" may hang on the verb
    on = [p for h in heads for p in view.kids(h, "prep") if view.lemma(p) == "on"]
    return bool(on) and not any(view.actors_in(view.subtree(p)) or any(view.toks[j].pos == "PROPN" for j in view.subtree(p))
                                for p in on)  # (a name no lexicon knows may be a state or a group)


def _home_tour(view: View, e: Event) -> bool:
    """Is ``e`` a visit to things at home, no one met ("the prime minister is visiting factories in Lyon and Lille",
    "the party leader toured constituencies in two counties"): the verb's object names no actor, and every target is a
    place of the visitor's own country, or a name no lexicon knows, in the place phrase after it?"""
    if e.mode != "visit" or e.type != "CONSULT" or not e.sources or not e.targets or not e.evidence:
        return False
    i = _tok_at(view, e.evidence[0].trigger[0])
    obj = view.kid(i, "dobj") if i is not None else None
    if i is None or obj is None:
        return False
    where = {a for p in view.kids(obj, "prep") + view.kids(i, "prep") if view.lemma(p) == "in"
             for a in view.actors_in(view.subtree(p))}
    home = {a.country for a in map(view.article.actor, e.sources) if a is not None and a.country}
    if len(home) != 1 or set(view.phrase_actors(obj)) - where:
        return False
    targets = [view.article.actor(t) for t in e.targets]
    return all(x is not None and x.id in where and (x.kind == "place" and x.country in home
                                                   or not (x.country or x.sector)) for x in targets)


def _tok_at(view: View, offset: int) -> int | None:
    from bisect import bisect_right

    starts = view.starts
    i = bisect_right(starts, offset) - 1
    return i if i >= 0 else None
