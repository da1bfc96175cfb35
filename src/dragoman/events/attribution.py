"""Who acts on whom: sources and targets of an event from the dependency parse.

Subjects (through control, conjunctions, participles, relative clauses; the "by" phrase of a passive),
objects and the persons or places a preposition points at ("with", "against", "to"; "in"/"from" for
material actions), compound subjects as lists ("X and Y held talks": one reciprocal event), noun events'
own modifiers ("Israeli strikes", "the US-Taliban agreement"), reported speech ("officials said the army
shelled": the army), and the clause a demand or threat is about ("demanded that X release": X).  A target
that the text does not name is left empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dragoman.events.clauses import PRONOUNS, View
from dragoman.events.lexicon import Entry, Lexicon

VERBAL = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
#: talks and agreements named after the city they were held in: "the Doha talks", "the Minsk agreement"
NAMED_BY_PLACE = frozenset({"CONSULT", "AGREE", "SUPPORT", "COOPERATE"})
#: types whose place ("talks in Doha") is where it happened, never whom it was aimed at.  Only meetings:
#: PLOVER's annotators code the place of an attack, a protest, a signing or an agreement as its target
#: (widening this to AGREE, SUPPORT or PROTEST lowered target match on PLOVER GSR from 0.779 to 0.760-0.776)
PLACE_NOT_TARGET = frozenset({"CONSULT"})
#: verbs of telling someone something at talks ("told Prime Minister Daci at talks in Tirana that ..."): whom
#: they address was at the talks
ADDRESSING = frozenset({"tell", "assure", "urge", "inform", "brief", "warn", "promise", "ask", "press", "thank", "invite"})
TARGET_PREPS = frozenset({"with", "on", "against", "to", "at", "into", "toward", "towards", "upon", "over"})
#: verbs whose complement is a statement denied or admitted: its participants are not the act's targets
STATING = frozenset({"deny", "dismiss", "refute", "dispute", "accept", "admit", "acknowledge", "concede"})
#: prepositions that put an act at a meeting ("at the summit", "during the conference"): the meeting is no target
VENUE_PREPS = frozenset({"at", "during", "on", "in"})
#: occasions of saying something that are no meeting ("charged at a news conference", "said in an interview")
_OCCASIONS = frozenset({"briefing", "interview", "rally", "speech", "session", "ceremony", "debate", "programme", "program",
                        "broadcast", "appearance", "event", "address", "sermon", "hearing"})


@dataclass
class Cand:
    tok: int
    entry: Entry
    obj: int | None
    depth: int
    clause: int  # the verb whose clause the event is told in (the trigger itself for verbs)
    penalty: float = 0.0
    ref: bool = False  # "that meeting": refers back to an event told before
    latent: bool = False  # a topic noun in no event position: not coded, but it can refine its governor
    governed: list[Cand] = field(default_factory=list)


class Attribution:
    """Finds an event's participants; built once per coder (holds the lexicon's word lists)."""

    def __init__(self, lex: Lexicon):
        self.lex = lex
        # what a clause after it is the content of ("resisted pressure for magistrates to act"): _addressed_subjects
        self.demands = lex.modes["answered_demands"] | lex.modes["pressure_nouns"]

    def participants(self, view: View, c: Cand, ptype: str) -> tuple[list[str], list[str], bool, bool | str]:
        """The event's sources and targets (actor ids), whether it is reciprocal, and whether a noun event
        refers back to one told before (``True``; ``"latest"`` for "the latest meeting")."""
        e = c.entry
        if e.is_noun:
            sources, targets, recip, ref = self._noun_participants(view, c, ptype)
            if ref and ptype == "PROTEST" and (org := _organisers(view, c)):
                # "The march was organised by X", "the rally, organised by X, began at ...": the rally told
                # before, and who called it
                sources = sources + org
            if ref:
                sources = uniq(sources)
                return sources, [a for a in uniq(targets) if a not in sources], recip, ref
        else:
            sources, targets, recip = self._verb_participants(view, c, ptype)
        if ptype == "PROTEST":
            sources = sources + _organisers(view, c)  # "a march organised by the tenants' movement X": X's protest
        if ptype in ("ACCUSE", "SUPPORT", "REJECT") and not [a for a in targets if a not in sources]:
            targets = targets + _doers_of_what(view, c.tok, sources)  # "criticised the way X's government operates"
        sources = uniq(sources)
        targets = [a for a in uniq(targets) if a not in sources]
        targets = [a for a in targets if not view.only_a_landmark(a, c.tok)  # "300 kilometres from Gao"
                   and not view.only_told(a, c.tok)]  # "telling CNN that ...": whom an interview was given
        if ptype == "REJECT" and c.obj is not None and view.lemma(c.obj) in self.lex.modes["claim_words"]:
            targets = [a for a in targets if a not in _told_in_claim(view, c.tok, c.obj)]
        if (ptype in PLACE_NOT_TARGET or e.type in PLACE_NOT_TARGET) and e.mode != "visit":
            # a meeting's place is where it happened, not whom it met ("talks in Doha", "met at the State
            # Lodge"); other types keep it, as PLOVER does: the place of an attack, a curfew or a threatened
            # strike is its target
            targets = [a for a in targets if not view.only_where(a, c.tok, venue=True)]
        if (ptype in SYMMETRIC or e.cameo == self.lex.codes["sign"]) and len(sources) >= 2 and not targets:
            recip = True
        return sources, targets, recip, False

    # -- noun events ---------------------------------------------------------------------------

    def _noun_participants(self, view: View, c: Cand, ptype: str) -> tuple[list[str], list[str], bool, bool | str]:
        """A noun event's participants: its own modifiers ("Israeli strikes"), its prepositional phrases
        ("talks between X and Y"), the subject of the clause it is told in; and whether it refers back
        to an event told before ("that meeting", "the talks" with nobody named)."""
        toks = view.toks
        n = c.tok
        own, sources, targets, recip = _noun_phrase(view, n, ptype)
        if c.clause != n and not targets and ptype not in ("CONSULT", "AGREE", "SUPPORT", "COOPERATE"):
            targets.extend(self._purpose_targets(view, c.clause, ptype, n))
        if c.clause != n:
            s, passive = view.subject(c.clause)
            if s is not None and s != n and not passive:
                sources = view.phrase_actors(s) + sources
            elif s is not None and s != n and ptype == "CONSULT" and toks[n].dep == "pobj":
                # "the accord was signed by X and Y at a meeting in Z": those who signed met
                sources = [a for g in view.kids(c.clause, "agent") for o in view.kids(g, "pobj")
                           for a in view.phrase_actors(o)] + sources
            elif s == n and ptype == "PROTEST" and not sources and view.lemma(c.clause) in self.lex.modes["crowd_verbs"]:
                # "Saturday's protest drew tens of thousands of people": the crowd it drew marched
                sources.extend(a for o in view.kids(c.clause, "dobj") for a in view.phrase_actors(o))
            for ch in view.kids(c.clause, "prep"):
                if view.lemma(ch) in TARGET_PREPS:
                    for p in view.kids(ch, "pobj"):
                        targets.extend(view.phrase_actors(p))
                        recip = recip or (view.lemma(ch) == "with" and ptype in SYMMETRIC)
            if ptype == "CONSULT" and toks[n].dep == "pobj" and toks[toks[n].head].head == c.clause \
                    and view.lemma(c.clause) in ADDRESSING:
                # "told Prime Minister Daci at talks in Tirana that ...": whom the speaker told was at the talks
                for o in view.kids(c.clause, "dobj", "dative"):
                    targets.extend(a for a in view.phrase_actors(o) if a not in targets)
        elif toks[n].dep == "dobj" and view.lemma(toks[n].head) in self.lex.modes["defend_verbs"]:
            # "troops repelled an attack by militants": those who repelled it were attacked
            s, passive = view.subject(toks[n].head)
            if s is not None and not passive:
                targets.extend(a for a in view.phrase_actors(s) if a not in targets and a not in sources)
        elif toks[n].dep == "dobj" and view.lemma(toks[n].head) in self.lex.modes["undergo_verbs"]:
            # "two activists received prison sentences": those who received them undergo them
            s, passive = view.subject(toks[n].head)
            if s is not None and not passive:
                targets.extend(a for a in view.phrase_actors(s) if a not in targets and a not in sources)
        elif toks[n].dep == "pobj" and view.lemma(toks[n].head) == "under":
            # "the mayor is under investigation by prosecutors": the clause's subject undergoes it
            v = toks[toks[n].head].head
            s, _ = view.subject(v)
            if s is not None:
                targets.extend(a for a in view.phrase_actors(s) if a not in targets)
            for ch in view.kids(v, "prep", "agent"):  # "came under attack from his own backbenchers"
                if view.lemma(ch) in ("from", "by"):
                    for p in view.kids(ch, "pobj"):
                        sources.extend(a for a in view.phrase_actors(p) if a not in sources)
        elif toks[n].dep == "pobj":
            sources.extend(_present_at(view, n))
        if own:
            if sources:
                targets = targets + own
            elif ptype not in SYMMETRIC and targets:
                # "Russian shelling of Kharkiv", "US sanctions on Iran", "placed under British sanctions": the
                # nationality or owner does it to the target told apart; a place compounded with it is where
                where = [a for a in own if (x := view.article.actor(a)) is not None and x.kind == "place"]
                sources = [a for a in own if a not in where]
                targets = where + targets
            elif view.lemma(n) in self.lex.modes["undergone_nouns"] and all(
                    (x := view.article.actor(a)) is not None and x.kind in ("person", "group") for a in own):
                targets = own  # "Reyes's arrest", "the activist's detention": the owner undergoes it
            else:
                sources = own
        d = view.kid(n, "det")
        det = view.lemma(d) if d is not None else ""
        # "that meeting", "this latest meeting", "the talks" (nobody named): an event told before
        if det in ("that", "this", "these", "those") or (det == "the" and not targets and (
                not sources or toks[n].dep == "nsubjpass")):
            # (also "the demonstration was organised by X": the one told before, and who called it)
            latest = any(toks[m].text.lower() in ("latest", "recent", "current") for m in view.kids(n, "amod"))
            return sources, targets, recip, ("latest" if latest else True)
        return sources, targets, recip, False

    # -- verb events ---------------------------------------------------------------------------

    def _verb_participants(self, view: View, c: Cand, ptype: str) -> tuple[list[str], list[str], bool]:
        """A verb event's participants: its subject (or a passive's "by" phrase), its objects and
        prepositional targets, whom a demand is addressed to, and what the event it governs says."""
        toks = view.toks
        e = c.entry
        v = c.tok
        s, passive = view.subject(v)
        sources, targets = _subject_and_agent(view, c, s, passive)
        if ptype == "MOBILIZE" and passive and not sources and s is not None:
            # "500 soldiers were deployed along the border": with no one named deploying them, the forces mobilise
            sources, targets = view.phrase_actors(s), [t for t in targets if t not in view.phrase_actors(s)]
        # the action's own type decides what its words point at: "will impose sanctions on X" is a
        # THREATEN, but X is still the target of the sanctions
        own_type = e.type if e.type in self.lex.taxonomy.types else ptype
        t2, s2, recip = self._clause_targets(view, v, c.obj, own_type, e.mode, _material(e.cameo),
                                             addressed=e.prep if "addressee" in e.flags else frozenset())
        targets.extend(t2)
        sources.extend(s2)
        if ptype == "ASSAULT" and passive and not sources:
            # "two marchers were killed in clashes with riot police": the police are the other side, not victims
            foes = _clash_foes(view, v)
            sources.extend(foes)
            targets[:] = [t for t in targets if t not in foes]
        # what is denied or admitted is a statement, not whom it is said to ("denied the army fired first",
        # "accepted that ministers ignored warnings"); a denied act is not coded, so its target is none of the denial's
        stated = e.lemma in STATING
        if ("comp" in e.flags or c.governed) and not stated:
            _addressed_subjects(view, v, s, sources, targets, self.demands)
        if c.governed:
            g = c.governed[0]
            g_src, g_tgt, _, _ = self.participants(view, g, g.entry.type)
            if not targets and g.entry.is_noun and g.entry.type in VERBAL and toks[g.tok].head == v:
                # "rejected a call for talks from the rebels", "accepted the offer by Kenya": an answer to what
                # someone said is aimed at who said it
                targets.extend(a for a in g_src if a not in sources)
            if not targets and ptype in VERBAL and g.entry.is_noun and view.lemma(g.tok) in self.lex.modes["undergone_nouns"]:
                targets.extend(g_src)  # "condemned Klein's arrest": aimed at whoever arrested her, not at her
            elif not targets and not (stated and ptype == "REJECT"):
                targets.extend(g_tgt)
            if not sources and toks[g.tok].dep == "xcomp" and view.kid(v, "dobj") is None:
                # subject control: "agreed to withdraw" — the same actor; not object control ("urged
                # the ministry to act": the ministry is whom the demand is made of, not who made it)
                sources.extend(g_src)
        self._more_targets(view, c, ptype, s, targets, stated)
        if passive and sources:
            _agent_bodies(view, v, sources, targets)
        if ptype == "COERCE" and passive and not sources and view.agent(v) is None:
            # "two aid workers have been jailed in Egypt": a state holds, arrests or jails on its own
            # soil; with no one else named, the country where it is done does it
            held_by = uniq([a for a in targets if self._country(view, a) and view.only_where(a, v)])
            if len(held_by) == 1:
                sources = held_by
                targets = [a for a in targets if a not in held_by]
            else:
                sources = self._reporting_force(view, v, targets)
        if ptype == "RETREAT" and e.lemma in _FREEING:
            sources, targets = _holder(view, v, sources, targets)
        if ptype in SYMMETRIC and e.lemma == "meet" and view.kid(v, "dobj") is not None:
            recip = True
        return sources, targets, recip

    def _reporting_force(self, view: View, v: int, targets: list[str]) -> list[str]:
        """"Victoria Police said two men were arrested", "the man was detained on Sunday, the army said": with no
        one named doing it, the police, court or forces that report a coercion done did it (``arresting_sectors``;
        a body, not its spokesman, and never a ministry: "the foreign ministry said two citizens were detained
        abroad")."""
        said = view.speech_governor(v)
        if said is None:
            said = next((k for k in view.kids(v, "ccomp", "parataxis") if view.lemma(k) in self.lex.modes["speech_verbs"]
                         and k > v and view.kid(k, "ccomp") is None), None)
        if said is None:
            return []
        s, passive = view.subject(said)
        if s is None or passive:
            return []
        sectors = self.lex.modes["arresting_sectors"]
        found = [a for a in view.phrase_actors(s) if a not in targets and (x := view.article.actor(a)) is not None
                 and x.kind != "person" and (x.sector or "").lower() in sectors
                 and x.name.split()[-1].lower() not in self.lex.modes["voice_words"]]
        return found if len(found) == 1 else []

    def _more_targets(self, view: View, c: Cand, ptype: str, s: int | None, targets: list[str],
                      stated: bool = False) -> None:
        """Targets named outside the verb's own phrases, when it has none: in its complement clause, a
        conjoined verb or a purpose clause; and a material action's place or people in its predicate."""
        toks = view.toks
        e = c.entry
        v = c.tok
        if not targets and ("comp" in e.flags or c.governed) and not stated:
            for ch in view.kids(v, "ccomp", "xcomp"):
                if not targets and toks[ch].pos in ("VERB", "AUX"):
                    targets.extend(self._clause_targets(view, ch, None, ptype, None)[0])
        if not targets and _open_ended(view, v, self.lex.modes["violent_acts"]):
            for cv in view.kids(v, "conj"):  # "established ties with and opened an embassy in X"
                if toks[cv].pos in ("VERB", "AUX") and view.kid(cv, "nsubj", "nsubjpass") is None:
                    targets.extend(self._clause_targets(view, cv, None, ptype, None, True)[0])
        if not targets and ptype not in ("CONSULT", "AGREE", "SUPPORT", "COOPERATE") and not stated:
            targets.extend(self._purpose_targets(view, v, ptype, c.obj))
        judged = ptype in VERBAL and c.governed and c.governed[0].entry.is_noun and \
            view.lemma(c.governed[0].tok) in self.lex.modes["undergone_nouns"]
        if (_material(e.cameo) or (c.governed and _material(c.governed[0].entry.cameo))) and not judged:
            # a material action's place or people named anywhere in its predicate ("lifted the curfew in X"); not
            # whom a judged arrest was done to ("condemned Klein's arrest")
            # (not where an arrest was made once whom it took is named: "detained X at the party's offices in Y")
            obj = view.kid(v, "dobj")
            venues = ptype == "COERCE" and (bool(targets) or obj is not None and toks[obj].tag == "PRP") and (
                obj is not None or view.agent(v) is not None)
            targets.extend(self._predicate_actors(view, v, s, venues=venues, attack=ptype == "ASSAULT"))

    # -- clauses -------------------------------------------------------------------------------

    def _clause_targets(self, view: View, v: int, obj: int | None, ptype: str, mode: str | None,
                        material: bool | None = None, addressed: frozenset[str] = frozenset()
                        ) -> tuple[list[str], list[str], bool]:
        """Targets of a clause: objects, recipients, and the persons or places a preposition points at
        ("with Russia", "to Nakhichevan", "the blockade of Serbia", "the curfew in Abidjan").
        ``addressed``: the trigger's own prepositions whose object is the addressee ("called on X")."""
        toks = view.toks
        targets: list[str] = []
        between: list[str] = []
        recip = False
        material = ptype not in VERBAL if material is None else material
        objs = [c for c in view.children[v] if toks[c].dep in ("dobj", "nsubjpass")]
        if obj is not None and obj not in objs:
            objs.append(obj)
        if obj is not None:
            targets.extend(view.phrase_actors(obj))  # "summoned the ambassador", "expelled two diplomats"
        # "detained the party's leader at its headquarters": where an arrest was made, not whom it took
        # (with no one named doing it, "was arrested in Laos" says who did: the state of the place, kept)
        taken = ptype == "COERCE" and any((view.phrase_actors(o) or toks[o].tag == "PRP") for o in objs
                                          if toks[o].dep == "dobj" or view.agent(v) is not None)  # ("arrested him at")
        for h in [v] + objs:
            for ch in view.children[h]:
                d = toks[ch].dep
                if h == v and d in ("dobj", "dative", "iobj") and ch != obj:
                    targets.extend(view.phrase_actors(ch, strict=ptype in VERBAL and d == "dobj"))
                elif d == "prep":
                    pl = view.lemma(ch)
                    if h == v and pl in addressed:
                        for p in view.kids(ch, "pobj") or _clause_subjects(view, ch):
                            targets.extend(view.phrase_actors(p))
                        continue
                    if pl in VENUE_PREPS and any(self._meeting(view, p) and not any(
                            view.lemma(q) in ("with", "between", "among") for q in view.kids(p, "prep"))
                            for p in view.kids(ch, "pobj")):
                        continue  # "vowed at the NATO summit": where it was said, not to whom
                    if pl in ("on", "against") and h != v and ptype == "ACCUSE" and view.lemma(h) in self.lex.modes["attack_nouns"]:
                        for p in view.kids(ch, "pobj"):  # "launched an attack on the Tories' plans": aimed at them
                            targets.extend(view.phrase_actors(p))
                        continue
                    if pl in ("on", "over", "about") and not material and (ptype in VERBAL or pl != "on"):
                        continue  # "talks on trade": the topic, not a participant ("sanctions on X" is one)
                    if pl == "at" and ptype == "CONSULT" and h == v and mode != "visit" or taken and pl in ("at", "in"):
                        continue  # "met at the Ministry of Trade": where they met, not whom
                    if (pl in TARGET_PREPS or (pl in ("in", "from") and material) or (pl == "in" and mode == "visit")
                            or (h != v and pl in ("of", "from", "by"))):
                        pobjs = view.kids(ch, "pobj")
                        for p in pobjs:
                            origin = _origins(view, ch if pl == "from" else p, ptype == "ASSAULT") if material else set()
                            # "fired from waters off Wonsan", "at dawn from ...": where from, not at whom ("seized
                            # arms from rebels" is)
                            targets.extend(a for a in view.phrase_actors(p) if a not in origin)
                            recip = recip or (pl == "with" and ptype in SYMMETRIC)
                        if not pobjs:
                            targets.extend(_dangling(view, ch))  # the parser lost the preposition's object
                    elif pl == "between" and h == v and _range(view, ch):
                        # "Between 20 and 30 people were killed": a count the parser hung on the verb, the undergoers
                        # of a passive (of an active verb, its doers: the subject's own rule finds none)
                        passive = any(toks[a].dep == "auxpass" for a in view.children[v])
                        for p in view.kids(ch, "pobj"):
                            (targets if passive else between).extend(view.phrase_actors(p))
                    elif pl in ("between", "among") and not _inclusion(view, ch):
                        if h != v and ptype in ("REQUEST", "REJECT", "ACCUSE"):
                            # "sought memorandums between other governments and Britain": the parties of what is
                            # sought or opposed are whom it is asked of or aimed at, not the ones asking
                            targets.extend(a for p in view.kids(ch, "pobj") for a in view.phrase_actors(p))
                            continue
                        for p in view.kids(ch, "pobj"):
                            between.extend(view.phrase_actors(p))
                            recip = True
        if ptype in VERBAL:
            # "condemned the journalist's arrest": whom an arrest was done to is not whom the words are aimed at
            undergone = [o for o in objs if view.lemma(o) in self.lex.modes["undergone_nouns"]]
            victims = {a for o in undergone for p in view.kids(o, "poss") for a in view.phrase_actors(p)}

            targets = [t for t in targets if t not in victims]
        return targets, between, recip


    @staticmethod
    def _country(view: View, actor: str) -> bool:
        a = view.article.actor(actor)
        return a is not None and a.kind == "country"

    def _meeting(self, view: View, i: int) -> bool:
        """Is the noun at ``i`` a meeting ("summit", "conference", "talks": the lexicon's consultation nouns)?"""
        lemma = view.lemma(i)
        return lemma in _OCCASIONS or any(e.is_noun and e.type == "CONSULT" for e in self.lex.by_lemma.get(lemma, ()))

    def _predicate_actors(self, view: View, v: int, subj: int | None, venues: bool = False, attack: bool = False) -> list[str]:
        """Actors named in ``v``'s predicate, not in its circumstances (nor, with ``venues``, in where it was done)."""
        toks = view.toks
        skip: set[int] = set(view.subtree(subj)) if subj is not None else set()
        for ch in view.kids(v, "prep", "npadvmod"):
            if view.lemma(ch) in self.lex.modes["circumstance_preps"] or toks[ch].dep == "npadvmod" \
                    or venues and view.lemma(ch) in ("at", "in", "inside", "outside", "near"):
                skip.update(view.subtree(ch))  # "after talks in Switzerland": circumstances, not participants
        for ch in view.kids(v, "conj", "cc"):
            skip.update(view.subtree(ch, frozenset()))  # "..., and recalled its ambassador": another event
        for ch in view.kids(v, "agent"):
            skip.update(view.subtree(ch))  # "was shelled by fighters of the X Front": the doers, not whom they hit
        origin = _origins(view, v, attack)  # "fired at dawn from waters off Wonsan": where from, not at whom
        return [a for a in view.actors_in(j for j in view.subtree(v) if j > v and j not in skip) if a not in origin]

    def _purpose_targets(self, view: View, v: int, ptype: str, obj: int | None = None) -> list[str]:
        """Whom an action is aimed at when the clause itself names nobody: the purpose clause
        ("staged rallies to demand the resignation of X"), or the condition of a threat or demand
        ("... unless Israel rescinds")."""
        toks = view.toks
        out: list[str] = []
        clauses = view.kids(v, "advcl", "xcomp") + (view.kids(obj, "acl", "relcl") if obj is not None else [])
        for x in view.kids(v, "xcomp"):
            clauses.extend(view.kids(x, "advcl"))
        for x in view.kids(v, "ccomp"):  # "warned that strikes would follow if ministers did not return"
            clauses.extend(a for a in view.kids(x, "advcl") if {view.lemma(m) for m in view.kids(a, "mark")} & {"if", "unless"})
        for ch in clauses:
            marks = {view.lemma(m) for m in view.kids(ch, "mark")}
            if marks & {"if", "unless"}:
                if ptype in ("THREATEN", "REQUEST", "REJECT"):
                    gs, _ = view.subject(ch)
                    if gs is not None:
                        out.extend(view.phrase_actors(gs))
                continue
            if not any(view.lemma(a) == "to" for a in view.kids(ch, "aux")) and toks[ch].tag != "VBG":
                continue
            if toks[ch].tag == "VBG" and ch < v and not marks:
                continue  # "Judge X, sitting with Y and Z, ruled ...": how the doer stood, not whom the act aims at
            t2, _, _ = self._clause_targets(view, ch, None, ptype, None)
            out.extend(t2)
            for d in view.kids(ch, "dobj"):
                out.extend(view.actors_in(view.subtree(d)))  # "to show their disapproval of X's policies"
        return out


def _inclusion(view: View, prep: int) -> bool:
    """"killed, among them soldiers and civilians": "among" and a pronoun says who was included, not between whom
    the act was."""
    return view.lemma(prep) == "among" and any(view.lemma(p) in ("they", "them", "those", "whom")
                                               for p in view.kids(prep, "pobj"))


def _range(view: View, prep: int) -> bool:
    """Is the "between" at ``prep`` a count's range ("between 20 and 30 people"), not the parties of an act?"""
    return any(view.toks[k].tag == "CD" for p in view.kids(prep, "pobj") for k in view.kids(p, "nummod"))


def _noun_phrase(view: View, n: int, ptype: str) -> tuple[list[str], list[str], list[str], bool]:
    """What a noun event's own phrase names: its modifiers' actors ("Israeli strikes"), then sources and
    targets by preposition ("by X", "between X and Y", "against X"), and whether it is reciprocal."""
    toks = view.toks
    own: list[str] = []
    sources: list[str] = []
    targets: list[str] = []
    recip = False
    for ch in view.children[n]:
        d = toks[ch].dep
        if d in ("poss", "compound", "amod", "nmod"):
            own.extend(a for a in view.phrase_actors(ch)
                       if not (ptype in NAMED_BY_PLACE and view.names_the_event(a, ch)))
        elif d in ("prep", "agent"):
            pl = view.lemma(ch)
            for p in view.kids(ch, "pobj"):
                acts = view.phrase_actors(p)
                if pl == "for" and ptype in VERBAL:
                    # "a call for talks from the rebels": the parser hangs the caller on what is called for
                    for q in view.kids(p, "prep"):
                        if view.lemma(q) in ("from", "by"):
                            for o in view.kids(q, "pobj"):
                                sources.extend(view.phrase_actors(o))
                if pl in ("by", "from"):
                    sources.extend(acts)
                elif pl in ("between", "among") and not _inclusion(view, ch):
                    sources.extend(acts)
                    # "talks between Latvia's X and Estonia's Y": the parser may hang the first party on the last
                    sources.extend(a for n in view.kids(p, "nmod") for a in view.phrase_actors(n) if a not in sources)
                    recip = True
                elif (pl in TARGET_PREPS or pl == "of") and not (pl in ("on", "over", "about") and ptype in VERBAL):
                    targets.extend(acts)
                    recip = recip or (pl == "with" and ptype in SYMMETRIC)
    return own, sources, targets, recip


def _present_at(view: View, n: int) -> list[str]:
    """"X was also present at that meeting": X took part (not "The M23 did not take part in the talks")."""
    toks = view.toks
    p = toks[n].head
    gov = toks[p].head
    if view.lemma(p) in ("at", "in") and view.lemma(gov) in ("present", "be", "attend", "participate", "take", "join",
                                                             "engage", "involve"):
        s, _ = view.subject(gov)
        if view.kid(gov, "neg") is not None:
            s = None  # "The M23 did not take part in the talks": not a participant
        if s is not None:
            return view.phrase_actors(s)
    return []


def _subject_and_agent(view: View, c: Cand, s: int | None, passive: bool) -> tuple[list[str], list[str]]:
    """The sources and targets a verb's subject gives: the subject acts, or, in the passive, the "by"
    phrase acts on the subject; a participle or relative clause acts on the noun it hangs on."""
    toks = view.toks
    v = c.tok
    sources: list[str] = []
    targets: list[str] = []
    src_tok, tgt_tok = (view.agent(v), s) if passive else (s, None)
    if (toks[v].dep == "acl" and s is None and toks[v].tag == "VBD" and toks[toks[v].head].dep == "ROOT"
            and toks[toks[v].head].pos in ("NOUN", "PROPN")):
        # a finite verb the parser hung on its subject, which it made the root ("The UN envoy
        # called on both parties to ...": no verb heads the sentence): the noun is the subject
        src_tok = toks[v].head
    elif toks[v].dep in ("acl", "relcl") and s is None:
        head = toks[v].head
        own = [a for ch in view.children[head] if toks[ch].dep in ("poss", "compound", "amod", "nmod")
               for a in view.phrase_actors(ch)]
        src_tok = view.agent(v)
        if head == c.obj:
            sources.extend(own)
        else:
            tgt_tok = head
    if src_tok is not None:
        _source_actors(view, v, src_tok, s, passive, sources)
    if tgt_tok is not None:
        targets.extend(view.phrase_actors(tgt_tok))
    return sources, targets


def _source_actors(view: View, v: int, src_tok: int, s: int | None, passive: bool, sources: list[str]) -> None:
    """The actors of the source phrase; failing them, the user of a weapon, a second subject the parser
    split off, or, for a pronoun, the subject of the reporting verb."""
    toks = view.toks
    sources.extend(view.phrase_actors(src_tok))
    if not sources:
        # "Shells fired by the RSF hit the market": the weapon's user acts
        for acl in view.kids(src_tok, "acl"):
            ag = view.agent(acl)
            if ag is not None:
                sources.extend(view.phrase_actors(ag))
    if not sources and not passive and src_tok == s:
        # two subjects: the parser split "shells fired by the paramilitary Rapid Support
        # Forces" and made "Forces" a second subject of "struck"
        for other in view.kids(v, "nsubj"):
            if other != s:
                sources.extend(view.phrase_actors(other))
    # the subject of a first conjunct that states, not acts ("the plan was unfair"), lent to a second one
    borrowed = (toks[v].dep == "conj" and src_tok == s and view.kid(v, "nsubj", "nsubjpass") is None
                and (view.lemma(toks[v].head) == "be" or bool(view.kids(toks[v].head, "acomp", "attr"))))
    partitive = any(view.lemma(p) == "of" for p in view.kids(src_tok, "prep"))  # "one of her colleagues": not the speaker
    if not sources and (view.lemma(src_tok) in PRONOUNS or toks[src_tok].pos == "PRON" and not partitive or borrowed):
        # a pronoun, or a thing the parser gave a conjoined verb as subject ("X said the budget was fair but
        # appealed to the unions ...": the budget appeals to no one): the speaker
        sp = view.speech_governor(v)
        if sp is not None:
            ss, _ = view.subject(sp)
            if ss is not None:
                sources.extend(view.phrase_actors(ss))


#: verbs of letting someone go: whom they are freed from holds them
_FREEING = frozenset({"release", "free"})


def _holder(view: View, v: int, sources: list[str], targets: list[str]) -> tuple[list[str], list[str]]:
    """The participants of a release: a state or body named in its "from" phrase ("released from an Iranian jail",
    "freed from a Syrian jail") held the freed and lets them go — the source where none is named, never a target;
    one named in a "from" phrase further in ("on their return from Oman") is neither."""
    toks = view.toks
    own = [a for p in view.kids(v, "prep") if view.lemma(p) == "from" for a in view.actors_in(view.subtree(p))
           if (x := view.article.actor(a)) is not None and x.kind in ("country", "government", "organisation", "group")]
    further = {a for j in view.subtree(v) if j != v and toks[j].dep == "prep" and view.lemma(j) == "from"
               and toks[j].head != v for a in view.actors_in(view.subtree(j))
               if (x := view.article.actor(a)) is not None and x.kind in ("country", "place")}
    targets = [a for a in targets if a not in own and a not in further]
    if not sources and len(set(own)) == 1:
        sources = own[:1]
    return sources, targets


def _origins(view: View, root: int, attack: bool = False) -> set[str]:
    """The places (for an attack, countries too: "fired from the Yemeni side of the border") named in a "from" phrase
    in ``root``'s subtree (``root`` itself when it is one): where a missile or a shot came from, no target of it (not
    whom troops withdraw from: "withdraw its troops from Lebanon")."""
    toks = view.toks
    out: set[str] = set()
    for ch in view.subtree(root):
        if toks[ch].dep == "prep" and view.lemma(ch) == "from":
            out.update(a for a in view.actors_in(view.subtree(ch))
                       if (x := view.article.actor(a)) is not None and (x.kind == "place" or attack and x.kind == "country"))
    return out


def _doers_of_what(view: View, v: int, sources: list[str]) -> list[str]:
    """Who did what the verb (or the noun) at ``v`` judges, when its object is told by a relative clause with a subject
    of its own: "attacked the way the premier's cabinet takes decisions" (the government), "praised the decision the
    council took" (the council), "criticism of the way the minister handled the crisis" (the minister)."""
    out: list[str] = []
    # (a noun's: "criticism of the way the minister handled the crisis")
    objs = view.kids(v, "dobj") + [o for p in view.kids(v, "prep") if view.toks[v].pos == "NOUN"
                                   and view.lemma(p) in ("of", "over") for o in view.kids(p, "pobj")]
    for o in objs:
        for r in view.kids(o, "relcl"):
            s, passive = view.subject(r)
            if s is not None and not passive and view.lemma(s) not in ("that", "which", "who"):
                out.extend(a for a in view.phrase_actors(s) if a not in sources and a not in out)
    return out


#: the bodies whose officers act for them: police, army, government, courts, intelligence
_FORCE_SECTORS = frozenset({"COP", "MIL", "GOV", "JUD", "SPY"})
#: how an owner hangs on the doers' noun ("officers of the police's unit")
_OWNER_DEPS = ("prep", "pobj", "poss", "compound", "amod", "det", "case", "nmod", "appos")


def _agent_bodies(view: View, v: int, sources: list[str], targets: list[str]) -> None:
    """"was detained by officers of the police's fraud unit": the state bodies the "by" phrase names the doers as of
    are on the doers' side; taken for targets, they are moved to the sources."""
    inside: set[int] = set()
    stack = [o for g in view.kids(v, "agent") for o in view.kids(g, "pobj")]
    while stack:  # the doers' noun phrase and the "of" or "from" phrases hung on it, not a clause told of them
        i = stack.pop()
        inside.add(i)
        stack.extend(k for k in view.kids(i, *_OWNER_DEPS) if view.toks[k].dep != "prep" or view.lemma(k) in ("of", "from"))
    if not inside:
        return
    sent = view.sentence_range(v)
    # (the actors of the phrase itself: the predicate's targets leave the "by" phrase out)
    named = list(dict.fromkeys([*targets, *(a for i in sorted(inside) for a in view.tok_actors.get(i, ()))]))
    theirs = [t for t in named if t not in sources and (a := view.article.actor(t)) is not None
              and a.sector in _FORCE_SECTORS
              and (idx := [i for i in sent if t in view.tok_actors.get(i, ())]) and all(i in inside for i in idx)]
    if theirs:
        targets[:] = [t for t in targets if t not in theirs]
        sources.extend(theirs)


#: verbs of organising a protest: its organiser, named by "by", is its source
_ORGANISING = frozenset({"organise", "organize", "call", "lead", "stage", "convene"})


def _organisers(view: View, c: Cand) -> list[str]:
    """Who organised the protest at ``c``: the agent of "organised by" hung on the trigger, its object, its subject
    ("the protesters, led by X, rallied") or (in the trigger's sentence) a word of protest ("thousands marched ...,
    in a protest organised by X"; "the march, organised by X, reached ...")."""
    toks = view.toks
    sent = toks[c.tok].sent
    heads = {c.tok} | ({c.obj} if c.obj is not None else set())
    heads |= {j for j in range(len(toks)) if toks[j].sent == sent and view.lemma(j) in _PROTEST_WORDS}
    crowd, _ = view.subject(c.tok)
    if crowd is not None:
        heads.add(crowd)  # "The protesters, led by the X Association, rallied ..."
    out: list[str] = []
    for h in heads:
        # "the march organised by X"; "Organised by X, the protesters gathered ...": a participle set before the clause
        verbs = [v for v in view.kids(h, "acl", "advcl") if toks[v].tag == "VBN"]
        if toks[h].dep == "nsubjpass":
            verbs.append(toks[h].head)  # "The rally was organised by X"
        for v in verbs:
            if view.lemma(v) in _ORGANISING:
                out.extend(a for g in view.kids(v, "agent") for o in view.kids(g, "pobj") for a in view.phrase_actors(o))
        # "marched to the square under the banner of X": X called the march
        out.extend(a for u in view.kids(h, "prep") if view.lemma(u) == "under" for b in view.kids(u, "pobj")
                   if view.lemma(b) in _BANNERS for of in view.kids(b, "prep") if view.lemma(of) == "of"
                   for o in view.kids(of, "pobj") for a in view.phrase_actors(o))
    return out


#: what a crowd marches under, the body named after it being the march's caller
_BANNERS = frozenset({"banner", "flag", "umbrella", "auspices", "leadership"})


#: nouns of a protest whose organiser the sentence may name
_PROTEST_WORDS = frozenset({"protest", "march", "rally", "demonstration", "strike", "sit-in", "vigil", "walkout"})


def _addressed_subjects(view: View, v: int, s: int | None, sources: list[str], targets: list[str],
                        demands: frozenset[str]) -> None:
    """"demanded that X withdraw": X is whom the demand is addressed to (not the speaker's own
    country: "Venezuela's minister warned that Venezuela would not accept ...")."""
    toks = view.toks
    own = {a.country for a in (view.article.actor(x) for x in sources) if a is not None and a.country}
    # "pleaded with the ministry to lift the ban", parsed as a clause "with the ministry to lift ..." (not after an
    # object that is itself a demand: in "rebuffed calls for the courts to decide" the clause is what was demanded)
    asked_for = any(view.lemma(o) in demands for o in view.kids(v, "dobj"))
    misparsed = [ch for ch in view.kids(v, "advcl") if any(view.lemma(m) in ("with", "for") for m in view.kids(ch, "mark"))
                 and any(view.lemma(a) == "to" for a in view.kids(ch, "aux")) and not asked_for]
    # "demanded to know whether X would ...", "asked to know why X had ...": the question is put to X
    asked = [q for k in view.kids(v, "xcomp") if view.lemma(k) in ("know", "learn", "hear") for q in view.kids(k, "ccomp")
             if any(view.lemma(m) in ("whether", "if", "why", "how", "when", "what") for m in view.kids(q, "mark", "advmod"))]
    for ch in view.kids(v, "ccomp", "xcomp") + misparsed + asked:
        if not targets:
            gs, _ = view.subject(ch)
            if gs is not None and gs != s and toks[gs].dep != "dobj":
                # "charged that the levies Togo imposed were illegal": failing an actor in the subject's phrase, the
                # doer of a relative clause on it
                named = view.phrase_actors(gs) or [x for r in view.kids(gs, "relcl") for d in view.kids(r, "nsubj")
                                                   if toks[d].pos != "PRON" for x in view.phrase_actors(d)]
                targets.extend(x for x in named
                               if not ((a := view.article.actor(x)) is not None and a.country in own
                                       and a.kind in ("country", "government")))


#: fights that someone is killed or hurt "in", "with" the other side
_CLASHES = frozenset({"clash", "fighting", "fight", "battle", "confrontation", "skirmish", "gunfight", "firefight",
                      "shootout", "scuffle"})


def _clash_foes(view: View, v: int) -> list[str]:
    """The actors of "with X" in "in clashes with X" under the passive verb ``v``."""
    out: list[str] = []
    for p in view.kids(v, "prep"):
        if view.lemma(p) != "in":
            continue
        for o in view.kids(p, "pobj"):
            if view.lemma(o) in _CLASHES:
                for w in view.kids(o, "prep"):
                    if view.lemma(w) == "with":
                        for x in view.kids(w, "pobj"):
                            out.extend(a for a in view.phrase_actors(x) if a not in out)
    return out


def _clause_subjects(view: View, prep: int) -> list[int]:
    """"pleaded with the ministry to lift the ban", parsed with the ministry as the subject of a clause under the
    preposition: that subject is the preposition's object."""
    return [s for c in view.kids(prep, "pcomp") if (s := view.kid(c, "nsubj")) is not None]


def _dangling(view: View, prep: int) -> list[str]:
    """Actors in the words right after a preposition that has no object in the parse."""
    toks = view.toks
    idx: list[int] = []
    j = prep + 1
    while j < len(toks) and toks[j].sent == toks[prep].sent and toks[j].pos not in ("VERB", "AUX", "PUNCT", "ADP") and len(idx) < 8:
        idx.append(j)
        j += 1
    return view.actors_in(idx)


def _material(cameo: str) -> bool:
    """CAMEO's material roots (06-08 cooperation, 14-20 conflict): their place is a participant."""
    r = int(cameo[:2]) if cameo[:2].isdigit() else 0
    return 6 <= r <= 8 or r >= 14 and r != 16


def uniq(xs: list[str]) -> list[str]:
    seen: list[str] = []
    for x in xs:
        if x not in seen:
            seen.append(x)
    return seen


def _told_in_claim(view: View, v: int, claim: int) -> set[str]:
    """The actors told only inside what a denied claim says ("denied reports [Mr Blair was considering a treaty]"):
    they are what the claim is about, not whom the denial answers (its makers: "denied Conservative claims")."""
    clauses = view.kids(claim, "acl", "relcl", "ccomp") + view.kids(v, "ccomp")
    inside = {j for k in clauses for j in view.subtree(k)}
    told = {a for j in inside for a in view.tok_actors.get(j, ())}
    return told - {a for j in view.subtree(claim) if j not in inside for a in view.tok_actors.get(j, ())}


def _open_ended(view: View, v: int, violent: frozenset[str]) -> bool:
    """Whether the verb at ``v`` leaves whom it is done to for a verb conjoined with it to name: not where its object
    is a violent act, whose doer it judges ("condemned the bombing and urged the government to send troops": the
    bombers are condemned, the government is asked); "welcomed the package and urged the government to go further"
    and "established ties with and opened an embassy in X" leave it."""
    o = view.kid(v, "dobj")
    return o is None or view.lemma(o).lower() not in violent
