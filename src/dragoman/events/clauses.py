"""Navigation over the dependency parse (plain ``Token`` data) and who-acts-on-whom.

``View`` indexes one article once: the shared parse tree (:mod:`dragoman.nlp.tree`) and the actors
whose mentions cover each token.  The attribution functions find a clause's subject (through control
verbs, conjunctions, relative clauses and participles), its object and prepositional targets, handle
the passive ("was attacked by"), and return actor ids in text order, so compound subjects become lists.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from dragoman.actors.militia import MEMBERS as ARMED_MEMBERS

#: sectors of a body whose members are its armed men ("gunmen from the X Armed Union")
_ARMED_BODIES = frozenset({"REB", "INS", "UAF", "MIL", "PRM", "CRM"})
#: the people of any body who act for it ("members of the Directorate ... arrested him", "agents of the bureau")
_BODY_MEMBERS = frozenset({"member", "officer", "agent", "operative", "detective", "investigator"})
from dragoman.actors.vocabulary import words
from dragoman.model import Article, Token
from dragoman.nlp.parser import JUDGING_VERBS
from dragoman.nlp.tree import Tree
from dragoman.quotes.lexicon import load as quotes_lexicon
from dragoman.text.chrome import CHROME_NOT_ACTORS, spans_of
from dragoman.text.marks import find_marked

#: dependents that start a nested clause: their words are not the participant's own words
#: who speaks for a party at talks ("negotiators for the government"): the party is the participant
DELEGATE_NOUNS = words("delegate_nouns")
#: the last word of an office's name ("the UN High Commissioner for Refugees"): a person beside it holds it
OFFICE_HEADS = words("office_heads")
#: nouns of what is brought somewhere: a place after "in" receives it ("aid deliveries in Baghdad")
RECIPIENT_NOUNS = words("recipient_nouns")
#: what someone says or writes, as a noun ("a speech attacking ...", "a statement accusing ..."): who makes it acts in
#: its participle (the quotes' things that "say", and the speeches and articles of ``words.yaml``)
UTTERANCE_NOUNS = words("utterance_nouns") | quotes_lexicon().speech_artefacts
CLAUSAL = frozenset({"relcl", "acl", "ccomp", "advcl", "xcomp", "parataxis", "csubj", "appos"})
REL_PRONOUNS = frozenset({"who", "which", "that", "whom"})
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us"})
#: verbs of saying that may close a sentence with their speaker after them ("..., warn union leaders")
_INVERSION_CUES = frozenset(quotes_lexicon().cue_verbs) - quotes_lexicon().weak_cue_verbs
#: verbs of showing or perceiving someone doing something ("the video showed X asking for ...")
_DEPICTING = frozenset({"show", "see", "hear", "watch", "film", "picture", "depict", "catch", "record", "photograph"})
#: words naming a part of those after "of" ("one of her colleagues", "some of the protesters")
PARTITIVES = frozenset({"one", "some", "many", "several", "most", "few", "none", "each", "all", "any", "both",
                        "dozens", "hundreds", "thousands", "scores", "majority", "minority", "half", "part"})
#: nouns of things that carry a name ("the Medicaid programme", "the Dream Act"): a name compounded to them names
#: the thing, not an actor taking part
THING_NOUNS = frozenset({"program", "programme", "scheme", "plan", "policy", "law", "bill", "act", "rule", "regulation",
                         "initiative", "system", "project", "card", "fund", "reform", "strategy", "budget"})
#: prepositions whose participle shares the subject of the verb they modify ("resigned after accusing ...")
PARTICIPLE_PREPS = frozenset({"after", "before", "by", "without", "upon", "on", "while", "since", "despite", "in"})
#: nouns of time spent ("spent the day meeting ..."): never the subject of what is done in it
DURATIONS = frozenset({"hour", "day", "week", "month", "year", "time", "minute", "night", "morning", "afternoon",
                       "evening"})
#: prepositions that say where something happened ("talks in Doha"), not to whom
#: nouns a distance is counted in, from a landmark ("300 kilometres from Gao")
DISTANCE_WORDS = frozenset({"kilometre", "kilometer", "km", "kilometres", "kilometers", "mile", "miles", "metre",
                            "meter", "metres", "meters", "yard", "yards"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout", "within"})
#: verbs whose object or "to" phrase is whom something is said to (the actors' words.yaml)
TELLING_VERBS = words("telling_verbs")
#: inside a noun phrase or a coordination: walk up these to the phrase's head
_NP_DEPS = frozenset({"conj", "compound", "flat", "appos", "amod", "nmod", "poss", "det", "cc"})


#: participles that say how the subject stands, not what was done to it ("committed to restraint, the party ...")
_STATE_PARTICIPLES = frozenset({"committed", "determined", "prepared", "resolved", "pleased", "worried", "concerned",
                                "convinced", "disappointed", "satisfied", "frustrated", "angered", "alarmed", "interested",
                                "involved", "engaged", "dedicated", "unconvinced", "emboldened", "encouraged", "reassured"})


#: verbs whose object is no doer of the verb after it: "promised him to", "used a radio address to call for", "took the
#: chance to", "spent the day trying": the subject does it
_SUBJECT_CONTROL = frozenset({"promise", "vow", "pledge", "use", "seize", "take", "grab", "exploit", "spend"})


class View(Tree):
    """One article's parse (:class:`~dragoman.nlp.tree.Tree`), indexed for the event stage: the actors
    whose mentions cover each token, the lemmas of each sentence, the chrome and quoted spans."""

    def __init__(self, article: Article):
        super().__init__(article)
        n = len(self.toks)
        # actor ids whose mentions overlap each token
        self.tok_actors: dict[int, list[str]] = {}
        if article.actors and n:
            starts = self.starts
            ends = [t.end for t in self.toks]
            for a in article.actors:
                for m in a.mentions:
                    lo = bisect_right(ends, m.start)  # first token ending after the mention starts
                    hi = bisect_left(starts, m.end)  # tokens starting before the mention ends
                    for i in range(lo, hi):
                        lst = self.tok_actors.setdefault(i, [])
                        if a.id not in lst:
                            lst.append(a.id)

        self._sent_lemmas: dict[int, frozenset[str]] = {}
        title = (article.chrome or {}).get("title")
        # the sentences of the title: headlines speak their own grammar ("Journalist detained in Vell")
        self.headline_sents = frozenset(s.i for s in article.sentences if title and title[0] <= s.start < title[1])
        self.headline_passives: frozenset[str] = frozenset()  # the verbs read so (the coder sets them)
        self.positive_labels: frozenset[str] = frozenset()  # words that make a quoted label praise (the coder sets them)
        self.violent_nouns: frozenset[str] = frozenset()  # nouns of violent acts: their places are no doers (the coder sets them)
        self._quoted: list[tuple[int, int]] | None = None
        # the dateline and agency spans: never a subject ("NAIROBI (AFP) — militants stormed ...")
        self._chrome = spans_of(article.chrome or {}, CHROME_NOT_ACTORS)
        self.place_ids = frozenset(a.id for a in article.actors if a.kind in ("place", "country"))
        # what a meeting can be held at: a building or a body standing for one ("at the State Lodge", "at the
        # foreign ministry", "at the embassy"), or a building named after a person ("at Sir Manasupe Haus",
        # read as a person's name); whom a meeting is with is told by "with" or an object, never by "at" or "in"
        self.venue_ids = frozenset(a.id for a in article.actors if a.kind in ("organisation", "group", "person"))
        # "the Doha talks", "the Minsk agreement": a city naming the event (the actor stage codes it
        # as its country, "+modifier"), not a party to it
        self.naming_ids = frozenset(a.id for a in article.actors
                                    if (a.rule or "").endswith("capital+modifier") or a.kind == "place")

    def sentence_lemmas(self, sent: int) -> frozenset[str]:
        """The lemmas (lower case) of sentence ``sent``'s tokens, computed once per sentence."""
        got = self._sent_lemmas.get(sent)
        if got is None:
            s = self.article.sentences[sent]
            got = self._sent_lemmas[sent] = frozenset(self.lemma(i) for i in range(s.tok_start, s.tok_end))
        return got

    def names_the_event(self, actor: str, tok: int) -> bool:
        """Is ``actor`` at ``tok`` only a city naming the event noun it modifies ("the Doha talks",
        "the Lusaka accord")?  (For talks and agreements: "the Aleppo offensive" is aimed at Aleppo.)"""
        return actor in self.naming_ids and self.toks[tok].dep in ("compound", "amod", "nmod")

    def only_where(self, actor: str, trigger: int, venue: bool = False) -> bool:
        """True when every mention of place or country ``actor`` in ``trigger``'s sentence says where
        something happened ("held talks in Doha", "came to Geneva ready to ..."), so that it is the
        event's place rather than a participant; with ``venue``, of an organisation or group too ("met at
        the State Lodge", "talks at the foreign ministry")."""
        idx = [i for i in self.sentence_range(trigger) if actor in self.tok_actors.get(i, ())]
        if actor not in self.place_ids and not (venue and actor in self.venue_ids):
            # whose office or residence it was held at: "met at the prime minister's office"
            return venue and bool(idx) and all(self._owns_venue(i, trigger) for i in idx)
        return bool(idx) and all(self._locative(i, trigger) for i in idx)

    def told_the_press(self, j: int) -> bool:
        """Is ``j`` a news outlet something is said to ("told CNN that ...", "said to the BBC"): whom an interview is
        given to, no one judged or addressed by the act told?"""
        t = self.toks[j]
        head = t.head if t.dep in ("dobj", "dative") else self.toks[t.head].head if t.dep == "pobj" \
            and self.lemma(t.head) == "to" else None
        return head is not None and self.lemma(head) in TELLING_VERBS and any(
            (a := self.article.actor(x)) is not None and a.sector == "JRN" for x in self.tok_actors.get(j, ()))

    def only_told(self, actor: str, trigger: int) -> bool:
        """True when every mention of ``actor`` in ``trigger``'s sentence is a news outlet something is said to
        ("escalated her criticism, telling CNN that ..."): no target of the act."""
        idx = [i for i in self.sentence_range(trigger) if actor in self.tok_actors.get(i, ())]
        return bool(idx) and all(self.told_the_press(i) for i in idx)

    def only_a_landmark(self, actor: str, trigger: int) -> bool:
        """True when every mention of ``actor`` in ``trigger``'s sentence is where a distance is counted from
        ("a base south of Lanto, some 200 kilometres from Dorvo"): a landmark, not a participant."""
        idx = [i for i in self.sentence_range(trigger) if actor in self.tok_actors.get(i, ())]
        return bool(idx) and all(self._landmark(i) for i in idx)

    def _landmark(self, i: int) -> bool:
        t = self._up_to(i, "pobj", ("compound", "amod", "nmod", "det", "appos"))
        if t is None:
            return False
        p = self.toks[t.head]
        h = self.toks[p.head]
        before = {self.toks[j].lemma.lower() for j in range(max(0, p.i - 2), p.i)}
        return p.lemma.lower() in ("from", "of") and (h.lemma.lower() in DISTANCE_WORDS or bool(
            before & DISTANCE_WORDS) or (h.lemma.lower() == "away" and p.lemma.lower() == "from"))

    def _up_to(self, i: int, dep: str, through: tuple[str, ...]) -> Token | None:
        """The token of ``dep`` that ``i``'s noun phrase hangs from, climbing ``through`` these relations (up
        to four steps), or ``None``."""
        t = self.toks[i]
        for _ in range(4):
            if t.dep == dep:
                return t
            if t.dep not in through or t.head == t.i:
                return None
            t = self.toks[t.head]
        return None

    def _owns_venue(self, i: int, trigger: int) -> bool:
        """Is the token at ``i`` in the owner of a place something happened at ("at the prime minister's office")?"""
        t = self._up_to(i, "poss", ("compound", "amod", "nmod", "det"))
        return t is not None and self._locative(t.head, trigger)

    def _locative(self, i: int, trigger: int) -> bool:
        t = self.toks[i]
        for _ in range(8):
            if t.head == t.i or t.i == trigger:
                return False
            if t.dep == "pobj":
                p = self.toks[t.head]
                lem = p.lemma.lower()
                if lem in LOCATIVE_PREPS:
                    return True
                # a destination of another verb: "called on them to come to Geneva"
                return lem in ("to", "into") and p.head != trigger and self.toks[p.head].pos in ("VERB", "AUX")
            if t.dep not in _NP_DEPS:
                return False
            t = self.toks[t.head]
        return False

    # -- tree helpers -----------------------------------------------------------------------

    def subtree(self, i: int, stop: frozenset[str] | set[str] = CLAUSAL) -> list[int]:
        """Tokens of ``i``'s subtree, not descending into nested clauses."""
        return super().subtree(i, stop)

    # -- actors ------------------------------------------------------------------------------

    def actors_in(self, idx: Iterable[int]) -> list[str]:
        out: list[str] = []
        for i in sorted(idx):
            for a in self.tok_actors.get(i, ()):
                if a not in out:
                    out.append(a)
        return out

    def phrase_actors(self, i: int, strict: bool = False) -> list[str]:
        """Actors named by the noun phrase headed by ``i``.

        The head's own actor first ("Kenya's envoy Daniel Kamau, ... for Somalia": Kamau),
        each conjunct's too ("X and Y"); when the head names no actor, its modifiers ("Israeli
        troops"), and failing that (unless ``strict``) anything in the phrase ("teams from Afghanistan
        and the Taliban"); ``strict`` is for objects of talk verbs, whose phrase is a topic.
        """
        i = self.antecedent(i)
        heads = [i]
        stack = [i]
        while stack:
            j = stack.pop()
            for c in self.children[j]:
                if self.toks[c].dep == "conj":
                    heads.append(c)
                    stack.append(c)
                elif self.toks[c].dep == "appos":
                    # "X, Velna's foreign minister, and Y met": the parser hung the second name on the title
                    for k in self.kids(c, "conj"):
                        # (or a title with its own name in apposition: "A's top diplomat, X, and B's minister, Y")
                        if self.toks[k].pos == "PROPN" and self.tok_actors.get(k) or self.toks[k].pos == "NOUN" and any(
                                self.tok_actors.get(a) for a in self.kids(k, "appos")):
                            heads.append(k)
                            stack.append(k)
        out: list[str] = []
        rest: list[int] = []
        for h in heads:
            own = self._core_actors(h)
            armed = self.lemma(h) in ARMED_MEMBERS or self.toks[h].text.lower() in ARMED_MEMBERS
            if own and (armed or self.lemma(h) in _BODY_MEMBERS):
                # "gunmen from the Tana Delta Front stormed ...", "members of the Directorate of Crime Investigation
                # (DCI) arrested ...": the named body acting through its members, first
                named = [a for q in self.kids(h, "prep") if self.lemma(q) in ("of", "from") for p in self.kids(q, "pobj")
                         for a in self.tok_actors.get(p, ()) if (x := self.article.actor(a)) is not None
                         and x.kind == "organisation" and (x.sector in _ARMED_BODIES or not armed)]
                own = named + [a for a in own if a not in named]  # (the members too: what else they are called)
            if own:
                out.extend(a for a in own if a not in out)
            else:
                rest.append(h)
        for h in ([] if strict else rest):
            part = [p for q in self.kids(h, "prep") if self.lemma(q) == "of" for p in self.kids(q, "pobj")]
            if part and (self.toks[h].tag == "CD" or self.lemma(h) in PARTITIVES) and any(
                    self.toks[o].pos == "PRON" for p in part for o in self.kids(p, "poss")):
                # "one of her colleagues": those the part is of, not the "her" they belong to ("some of the party's
                # members" is the party's, as a coder names it)
                out.extend(a for p in part for a in self.tok_actors.get(p, ()) if a not in out)
                continue
            idx = self.subtree(h, CLAUSAL - {"acl"})
            # (an appositive in brackets is the name's initials: "Fighters of the ... au Kivu (MDK)")
            idx += [k + 1 for k in idx if k + 2 < len(self.toks) and self.toks[k].text == "(" and self.toks[k + 2].text == ")"
                    and self.toks[k + 1].text.isupper() and k + 1 not in idx]
            for a in self.actors_in(self._not_judges(self._not_where(h, idx))):
                if a not in out:
                    out.append(a)
        return out

    def _not_where(self, h: int, idx: list[int]) -> list[int]:
        """The tokens of an event noun's phrase (``h``) but those of its places: in "a suicide bombing at a
        livestock market in north-eastern Nigeria", Nigeria is where, not who; in "signed an agreement in Hanoi",
        a place named after a preposition of place is where the agreement was signed, not a party to it
        (not after ``RECIPIENT_NOUNS``: in "suspended aid deliveries in Baghdad" Baghdad receives them)."""
        if self.toks[h].pos != "NOUN":
            return idx
        violent = self.toks[h].lemma.lower() in self.violent_nouns
        if not violent and (self.toks[h].lemma.lower() in RECIPIENT_NOUNS or self.toks[h].text.lower() in RECIPIENT_NOUNS):
            return idx
        where: set[int] = set()
        for i in idx:
            if self.toks[i].dep != "prep":
                continue
            lem = self.toks[i].lemma.lower()
            if (lem in LOCATIVE_PREPS | {"on", "against"}) if violent else (lem in LOCATIVE_PREPS and self._only_places(i)):
                where.update(self.subtree(i, frozenset()))
        return [i for i in idx if i not in where]

    def _not_judges(self, idx: list[int]) -> list[int]:
        """The tokens of a phrase but those of the agent of a participle of judging in it (``JUDGING_VERBS``): in
        "approved the plan criticised by the unions", the unions judged the plan; they are no party to what is done
        with it (but the committee that issued a subpoena is whom refusing it defies)."""
        judges: set[int] = set()
        for i in idx:
            t = self.toks[i]
            if t.dep == "agent" and self.toks[t.head].dep == "acl" and self.lemma(t.head) in JUDGING_VERBS:
                judges.update(self.subtree(i, frozenset()))
        return [i for i in idx if i not in judges] if judges else idx

    def _only_places(self, prep: int) -> bool:
        """Does the phrase of the preposition at ``prep`` name places only ("in Hanoi", "at the presidential palace")?"""
        found = self.actors_in(self.subtree(prep, frozenset()))
        return bool(found) and all((a := self.article.actor(x)) is not None and a.kind == "place" for x in found)

    def _core_actors(self, h: int) -> list[str]:
        """The actors a phrase head names itself: its own, a relative "whose" phrase's owner ("Ms Hart,
        whose party rejects the levy": Hart), a name in apposition to it ("Their spokesman, Daniel Osei": Osei),
        else its modifiers' (not a thing's name: "the Medicaid programme" names no participant)."""
        toks = self.toks
        whose = self._whose_owner(h)
        if whose is not None:
            return self.phrase_actors(whose)
        given = self._named_as(h)
        if given is not None and (not self.tok_actors.get(h) or self._unnamed(self.tok_actors[h])):
            return list(self.tok_actors[given])  # "a woman later identified as Maria Lopez": Lopez
        appos = [c for c in self.children[h] if toks[c].dep == "appos" and self.tok_actors.get(c)]
        spoken_for = self._spoken_for(h)
        if spoken_for:
            people = self._named_people(appos[0]) if appos else []
            # "the heads of the two delegations, Bakyt Toktogulov and Farhod Nazarzoda": the people named
            return people or spoken_for
        if self.tok_actors.get(h) and not (appos and (self._unnamed(self.tok_actors[h]) and not (
                self._unnamed(self.tok_actors[appos[0]]) and self._of_a_name(h)) or self._office(h, appos[0]))):
            # ("Fighters of the Aurelio Mosquera Front, a splinter faction, ...": the fighters of the name)
            return list(self.tok_actors[h])
        if appos:  # a name, not a description ("issues, border management"), nor the group it names
            # ("his rival, Governor Ann Lutz": Lutz; "the two envoys, Ann Lutz and Omar Diallo": both)
            return self._named_people(appos[0]) or list(self.tok_actors[appos[0]])
        mods = [c for c in self.children[h] if toks[c].dep in ("compound", "amod", "poss", "nmod", "flat")]
        out = self.actors_in(j for c in mods for j in self.subtree(c))
        if self.lemma(h) in THING_NOUNS:
            # "expand the Medicaid programme", "the Patriot Act": a name the tagger alone found, compounded to a thing,
            # names the thing, not a participant; an owner still is ("Iran's nuclear programme", "the EU plan")
            named = {a for c in mods if toks[c].dep not in ("poss", "amod") for a in self.actors_in(self.subtree(c))}
            out = [a for a in out if a not in named or not self._name_of_thing(a)]
        return out

    def _named_people(self, i: int) -> list[str]:
        """The people a name at ``i`` and the names joined to it name ("Bakyt Toktogulov and Farhod Nazarzoda");
        none unless all are people."""
        found = [x for j in [i, *self.kids(i, "conj")] for x in self.tok_actors.get(j, ())]
        ok = found and all((a := self.article.actor(x)) is not None and a.kind == "person" for x in found)
        return list(dict.fromkeys(found)) if ok else []

    def _office(self, h: int, appos: int) -> bool:
        """Is ``h`` the last word of an office the lexicons know as an organisation ("the UN High Commissioner for
        Refugees") with a person named in apposition ("..., Elena Moravec")?"""
        return self.lemma(h) in OFFICE_HEADS and all(
            (a := self.article.actor(x)) is not None and a.kind == "person" for x in self.tok_actors[appos])

    def _spoken_for(self, h: int) -> list[str]:
        """The parties an unnamed delegate phrase speaks for: "negotiators for the government and the FCP"
        (both), "representatives of the opposition UDF" (the UDF), "mediators led by former minister Kariuki"
        (Kariuki, the one named of them); none when it names none."""
        toks = self.toks
        if self.lemma(h) not in DELEGATE_NOUNS and toks[h].text.lower() not in DELEGATE_NOUNS:
            return []
        if self.tok_actors.get(h) and not self._unnamed(self.tok_actors[h]):
            return []
        for c in self.children[h]:
            if toks[c].dep == "prep" and self.lemma(c) in ("for", "of"):
                found = [a for p in self.kids(c, "pobj") for a in self.phrase_actors(p, strict=True)]
                if found:
                    return found
            if toks[c].dep == "acl" and self.lemma(c) in ("lead", "head") and toks[c].tag == "VBN":
                found = [a for b in self.kids(c, "agent") for p in self.kids(b, "pobj")
                         for a in self.phrase_actors(p, strict=True) if (x := self.article.actor(a)) and x.kind == "person"]
                if found:
                    return found
        return []

    def _named_as(self, h: int) -> int | None:
        """The name a noun is given by "identified as", "named" ("a man named John Kearns", "the victim,
        identified as Ali Hassan"), when it names an actor."""
        toks = self.toks
        verbs = [c for c in self.children[h] if toks[c].dep == "acl"]
        t = toks[h]
        if t.dep == "nsubj" and toks[t.head].tag == "VBN" and not self.kids(t.head, "aux", "auxpass"):
            verbs.append(t.head)  # the parser's "A woman later identified as X, ..., demanded": identified as root
        for k in verbs:
            if self.lemma(k) not in ("identify", "name", "know", "call"):
                continue
            for c in self.children[k]:
                d = toks[c].dep
                cands = [o for o in self.kids(c, "pobj")] if d == "prep" and self.lemma(c) == "as" else \
                    [c] if d in ("oprd", "attr", "dobj", "npadvmod") else []
                if d == "prep" and self.lemma(c) == "as" and not cands and t.head != h:
                    # the parser's "A woman identified as [Maria Lopez] demanded": the name made a second subject
                    cands = [o for o in self.children[t.head] if toks[o].dep == "nsubj" and o > c]
                for o in cands:
                    if self.tok_actors.get(o):
                        return o
        return None

    def _of_a_name(self, h: int) -> bool:
        """Does the group head ``h`` say whose it is by a name ("fighters of the Aurelio Mosquera Front")?"""
        return any(self.lemma(p) in ("of", "from") and any(self.toks[j].pos == "PROPN" for o in self.kids(p, "pobj")
                                                             for j in self.subtree(o))
                   for p in self.kids(h, "prep"))

    def _unnamed(self, actors: Iterable[str]) -> bool:
        """Are ``actors`` all groups named by a role word ("his rival", "the spokesman"), no one by name?"""
        return all((a := self.article.actor(x)) is not None and a.kind == "group" for x in actors)

    def _name_of_thing(self, actor: str) -> bool:
        """Is ``actor`` an organisation only the named-entity tagger saw (no lexicon entry, no country)?"""
        a = self.article.actor(actor)
        return (a is not None and a.kind in ("organisation", "unknown") and a.country is None
                and (a.rule or "").startswith("ner:"))

    def _whose_owner(self, h: int) -> int | None:
        """For the head of "whose party" in a relative clause, the noun the clause hangs on."""
        if not any(self.lemma(c) == "whose" for c in self.kids(h, "poss")):
            return None
        cur = h
        for _ in range(4):
            t = self.toks[cur]
            if t.dep == "relcl":
                return t.head
            if t.head == cur:
                return None
            cur = t.head
        return None

    # -- clause structure ----------------------------------------------------------------------

    def _one_of_subjects(self, v: int, subs: list[int]) -> int:
        """The subject of verb ``v`` the parser gave several: not the dateline ("MANILA, April 15 (Bulletin) - China
        is ..."), not a relative pronoun ("which the Taliban want": the object), and after a comma the one next to the
        verb ("Braving temperatures of minus 20C, demonstrators filled the square")."""
        if self._chrome:
            subs = [c for c in subs if not self._in_chrome(c)] or subs
        subs = [c for c in subs if self.lemma(c) not in REL_PRONOUNS] or subs
        # "The marchers, most of them students, set off ...": the part set off by commas describes the whole
        subs = [c for c in subs if not (self.lemma(c) in PARTITIVES and any(
            self.toks[o].pos == "PRON" for p in self.kids(c, "prep") for o in self.kids(p, "pobj")))] or subs
        before = [c for c in subs if c < v]
        if len(before) > 1 and any(self.toks[j].text == "," for j in range(before[0] + 1, before[-1])):
            return before[-1]
        return subs[0]

    def _said_by_noun(self, v: int, h: int) -> bool | None:
        """A past form read as a modifier of the noun ``h``: said by it (``True``: "Karim Saleh, the ministry's
        spokesman, charged that ... and said ...", a that-clause, misparsed), done to it (``False``: "Four held over
        bomb plot", "Treasurer indicted": a headline's telegraphic passive), or neither (``None``)."""
        if self.toks[h].dep in ("ROOT", "nsubj") and not self.kids(v, "aux", "auxpass") and any(
                self.lemma(m) == "that" for c in self.kids(v, "ccomp") for m in self.kids(c, "mark")):
            return True
        if self.toks[v].tag == "VBN" and self.toks[h].dep == "ROOT":
            return False
        return None

    def subject(self, v: int, _depth: int = 0) -> tuple[int | None, bool]:
        """The subject token of verb ``v`` and whether the clause is passive.

        Follows control ("agreed to meet": the subject of agreed), conjoined verbs, participles
        ("..., killing five"), relative clauses ("the army, which shelled ...": the army) and
        predicative adjectives ("ready to talk").
        """
        if _depth > 6:
            return None, False
        passive = any(self.toks[c].dep == "auxpass" for c in self.children[v])
        subs = [c for c in self.children[v] if self.toks[c].dep in ("nsubj", "csubj")]
        if len(subs) > 1 or not subs and (inverted := self._inverted_speaker(v)) is not None:  # ("..., warn unions")
            return (self._one_of_subjects(v, subs), passive) if subs else (inverted, False)
        for c in self.children[v]:
            d = self.toks[c].dep
            if d in ("nsubjpass", "nsubj") and self._chrome and self._in_chrome(c) and any(
                    self.toks[k].dep == d and not self._in_chrome(k) for k in self.children[v] if k > c):
                continue  # "MONTREAL, Aug. 13 (Times) - Jean Roy was detained": the same for a passive
            if d == "nsubjpass":
                return self._resolve_rel(v, c), True
            if d in ("nsubj", "csubj"):
                return self._resolve_rel(v, c), passive or self._headline_passive(v)
        t = self.toks[v]
        if t.head == v:
            return None, passive
        h = t.head
        if t.dep == "acl" and t.tag in ("VBN", "VBD") and self.toks[h].pos in ("NOUN", "PROPN") \
                and (said := self._said_by_noun(v, h)) is not None:
            return h, not said
        if t.tag == "VBG" and t.dep in ("advcl", "acl", "conj", "pcomp", "dep"):
            absolute = self._absolute_subject(v)
            if absolute is not None:
                return absolute, passive
        if t.dep == "acl" and t.tag == "VBG" and self.toks[h].dep in ("nsubj", "nsubjpass") and self.toks[h].pos in ("NOUN", "PROPN"):
            return h, passive  # "Richard Tennant, giving evidence to the inquiry, said ...": Tennant
        if t.dep == "acl" and t.tag == "VB" and self.kids(v, "aux") and self.toks[h].pos == "NOUN":
            owner = self.kid(h, "poss")
            if owner is not None and self.lemma(owner) not in REL_PRONOUNS:
                return owner, passive  # "the union's decision to endorse ...", "Iran's refusal to allow ...": the owner
        if t.dep == "acl" and t.tag == "VBG" and self.toks[h].dep in ("dobj", "pobj") and any(
                a not in self.place_ids for a in self.tok_actors.get(h, ())):
            return h, passive  # "police arrested protesters demanding ...", "clashed with students calling for ...": they
        if t.dep == "acl" and t.tag == "VBG" and self.toks[h].dep == "dobj":
            s, _ = self.subject(self.toks[h].head, _depth + 1)  # "X issued a statement demanding ...": X
            return s, passive
        if t.dep == "acl" and t.tag == "VBG" and self.toks[h].dep == "pobj" and self.toks[p := self.toks[h].head].dep == "prep" \
                and (self.lemma(p) in ("in", "through") or self.lemma(p) == "with" and self.lemma(h) in UTTERANCE_NOUNS) \
                and self.toks[self.toks[p].head].pos in ("VERB", "AUX"):
            # "In a letter calling for a meeting, the mayor said ...", "opened the debate with a speech attacking ...": the
            # mayor, the opener (with "with" only a thing said: "clashed with a crowd demanding ..." is the crowd's demand)
            s, _ = self.subject(self.toks[p].head, _depth + 1)
            return s, passive
        if (o := self._depicted(v)) is not None:
            return o, passive
        if t.dep in ("xcomp", "conj", "advcl", "acomp", "dep", "pcomp") and not self.kids(v, "mark"):
            obj = self.kid(h, "dobj")
            if obj is not None and t.tag == "VBG" and (self.toks[obj].ent_type in ("TIME", "DATE")
                                                       or self.lemma(obj) in DURATIONS):
                obj = None  # "spent four hours discussing": the time spent is no one
            if t.dep == "xcomp" and obj is not None and self.lemma(h) not in _SUBJECT_CONTROL:
                # object control: "urged X to leave" → X
                return obj, passive
            if self.toks[h].pos in ("VERB", "AUX", "ADJ"):
                s, head_passive = self.subject(h, _depth + 1)
                if t.dep == "conj" and head_passive and not self.kids(v, "aux") and (
                        t.tag == "VBN" or t.tag == "VBD" and not self.kids(v, "dobj")):
                    passive = True  # "was arrested and extradited": the second participle is passive too
                if (t.dep == "advcl" and t.tag == "VBN" and not self.kids(v, "aux", "mark")
                        and t.text.lower() not in _STATE_PARTICIPLES):
                    passive = True  # "were held for years, accused of spying": the held are the accused
                return s, passive
        if (t.dep == "pcomp" and t.tag == "VBG" and self.lemma(h) in PARTICIPLE_PREPS and self.toks[h].dep == "prep"
                and self.toks[self.toks[h].head].pos in ("VERB", "AUX")):
            # "resigned after accusing the premier", "responded by imposing tariffs": the governor's subject
            s, _ = self.subject(self.toks[h].head, _depth + 1)
            return s, passive
        if t.dep == "acomp" or self.toks[h].pos == "ADJ":
            s, _ = self.subject(h, _depth + 1)
            return s, passive
        return None, passive

    def _depicted(self, v: int) -> int | None:
        """The one a picture shows doing the participle at ``v`` ("a video posted online shows the captive pleading
        with ...": the captive), or None."""
        t = self.toks[v]
        if t.dep not in ("ccomp", "advcl") or t.tag != "VBG" or self.lemma(t.head) not in _DEPICTING \
                or self.toks[v - 1].text == ",":
            return None
        return self.kid(t.head, "dobj")

    def _headline_passive(self, v: int) -> bool:
        """Is verb ``v`` a headline's bare passive ("Journalist detained in Vell", "Four held over plot")?
        A headline tells the active in the present ("Police detain journalist"), so a past form with no
        auxiliary and no object is a participle."""
        t = self.toks[v]
        if t.tag not in ("VBD", "VBN") or t.sent not in self.headline_sents or self.lemma(v) not in self.headline_passives:
            return False
        return not any(self.toks[c].dep in ("dobj", "aux", "auxpass", "ccomp", "xcomp", "dative", "attr")
                       for c in self.children[v])

    def _absolute_subject(self, v: int) -> int | None:
        """"courted the farmers with both Germany and France promising subsidies": the object of "with" (or
        "without") that ends right before the participle is its subject."""
        toks = self.toks
        j = v - 1
        if j < 0 or toks[j].sent != toks[v].sent:
            return None
        cur = j
        for _ in range(6):  # up from the word before the participle to the head of its noun phrase
            t = toks[cur]
            if t.dep == "pobj":
                break
            if t.dep not in ("conj", "compound", "flat", "appos") or t.head == cur:
                return None
            cur = t.head
        t = toks[cur]
        if t.dep != "pobj" or self.lemma(t.head) not in ("with", "without") or t.pos not in ("NOUN", "PROPN", "PRON"):
            return None
        return cur if max(self.subtree(cur, frozenset())) == j else None

    def antecedent(self, i: int) -> int:
        """A relative pronoun object stands for the noun its clause modifies ("the Front, which the minister
        condemned": the Front); any other token stands for itself."""
        t = self.toks[i]
        if t.dep in ("dobj", "nsubjpass") and self.lemma(i) in REL_PRONOUNS and self.toks[t.head].dep == "relcl":
            return self._resolve_rel(t.head, i)
        return i

    def _inverted_speaker(self, v: int) -> int | None:
        """The speaker set after a verb of saying that closes its sentence after a comma, which the parser took for
        its object ("Teachers could strike if pay is cut, warn union leaders": the leaders); ``None`` otherwise."""
        t = self.toks[v]
        if self.lemma(v) not in _INVERSION_CUES or t.tag not in ("VB", "VBP", "VBZ", "VBD") or v == 0 \
                or self.toks[v - 1].text not in (",", "\u2014", "-") or self.kids(v, "aux", "auxpass"):
            return None
        objs = self.kids(v, "dobj")
        if len(objs) != 1:
            return None
        end = self.article.sentences[t.sent].tok_end
        after = range(max(self.subtree(objs[0], frozenset())) + 1, end)
        return objs[0] if all(self.toks[k].pos == "PUNCT" for k in after) else None

    def _resolve_rel(self, v: int, s: int) -> int:
        """A relative pronoun subject stands for the noun the relative clause modifies; a dateline the
        parser took for the subject ("NAIROBI (AFP) — Al-Shabaab militants stormed ...", the militants in
        apposition to it) stands for the noun in apposition to it."""
        if self.lemma(s) in REL_PRONOUNS and self.toks[v].dep == "relcl":
            ante = self.toks[v].head
            a = self.toks[ante]
            if a.dep == "appos" and not self.tok_actors.get(ante) and self.tok_actors.get(a.head):
                return a.head  # "the Alliance, a group that has applauded ...": the Alliance
            return ante
        if self._chrome and self._in_chrome(s):
            app = [c for c in self.children[s] if self.toks[c].dep == "appos" and not self._in_chrome(c)]
            if app:
                return app[-1]
            # "DHAKA, May 7 - India and Bangladesh signed": the dateline's date in apposition, the subject joined to it
            joined = [c for a in self.children[s] if self.toks[a].dep == "appos" for c in self.children[a]
                      if self.toks[c].dep == "conj" and not self._in_chrome(c)]
            if joined:
                return joined[0]
        return s

    def quoted(self, i: int) -> bool:
        """Is token ``i`` between quotation marks (the quotes stage's own pairing of marks)?"""
        if self._quoted is None:
            self._quoted = [(q.start, q.end) for q in find_marked(self.article.text)]
        t = self.toks[i]
        return any(a <= t.start and t.end <= b for a, b in self._quoted)

    def _in_chrome(self, i: int) -> bool:
        t = self.toks[i]
        return any(a <= t.start and t.end <= b for a, b in self._chrome)

    def agent(self, v: int) -> int | None:
        """The "by" phrase of a passive verb; else, of a participle, what someone said or published that it was done
        in, when it names whose it is ("the ministers ridiculed in the Green leaflet": the leaflet, the Greens')."""
        for c in self.children[v]:
            if self.toks[c].dep == "agent":
                p = self.kid(c, "pobj")
                if p is not None:
                    return p
        if self.kids(v, "auxpass"):
            # "The plan was branded a shambles by the Tories": the parser hung "by" on the label
            for o in self.kids(v, "dobj", "oprd", "attr"):
                for p in self.kids(o, "prep"):
                    if self.lemma(p) == "by" and (by := self.kid(p, "pobj")) is not None and self.tok_actors.get(by):
                        return by
        if self.toks[v].tag in ("VBN", "VBD") and self.toks[v].dep == "acl":  # (a participle the tagger took for a past)
            for c in self.kids(v, "prep"):
                for p in self.kids(c, "pobj"):
                    if self.lemma(c) == "in" and self.lemma(p) in UTTERANCE_NOUNS and any(
                            self.tok_actors.get(k) for k in self.kids(p, "compound", "poss")):
                        return p
        return None

    def speech_governor(self, v: int) -> int | None:
        """The reporting verb whose content clause holds ``v`` ("officials said the army shelled")."""
        speech = _speech_verbs()
        cur = v
        for _ in range(8):
            t = self.toks[cur]
            if t.head == cur:
                return None
            h = t.head
            if t.dep in ("ccomp", "parataxis", "xcomp", "conj", "pcomp") and self.lemma(h) in speech:
                return h
            if t.dep not in ("ccomp", "xcomp", "conj", "advcl", "parataxis", "acomp", "pcomp", "prep"):
                return None
            cur = h
        return None


def _speech_verbs() -> frozenset[str]:
    from dragoman.events.lexicon import load  # the lexicon is compiled once per process (lru_cache)

    return load().modes["speech_verbs"]
