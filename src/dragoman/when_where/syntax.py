"""Reading the dependency parse for dates and places: which tokens a span covers, its head, the
verb that governs it and that verb's tense, and whether a span is attached to an event trigger.

Works on the plain ``Token`` records of ``dragoman.model`` (no spaCy here).
"""

from __future__ import annotations

from dragoman.model import Token
from dragoman.nlp.tree import Tree

VERBISH = ("VERB", "AUX")
ARG_DEPS = {"nsubj", "nsubjpass", "csubj", "appos", "poss", "attr"}
CLAUSE_DEPS = {"advcl", "ccomp", "xcomp", "relcl", "acl", "conj", "parataxis", "csubj", "pcomp", "ROOT"}
#: how many heads a date or place phrase looks up for its verb or trigger
CHAIN = 40


class TokenIndex(Tree):
    """The article's parse (:class:`~dragoman.nlp.tree.Tree`) read for dates and places: the tokens of
    a trigger, the verb governing a phrase and that verb's tense."""

    def trigger_tokens(self, start: int, end: int) -> list[Token]:
        """The tokens of a trigger span that can carry its time and place: the span's head first,
        then its other verbs and nouns ("held a virtual conference" → held, conference)."""
        head = self.span_head(start, end)
        if head is None:
            return []
        rest = [t for t in self.covering(start, end) if t.i != head.i and t.pos in ("VERB", "NOUN", "PROPN")]
        return [head] + rest

    def chain(self, tok: Token) -> list[Token]:
        """The heads above ``tok``, closest first (at most ``CHAIN``)."""
        return self.ancestor_tokens(tok, CHAIN)

    def governor(self, tok: Token, skip: set[int] = frozenset()) -> Token | None:  # type: ignore[assignment]
        """The nearest verb above ``tok`` (``tok`` itself when it is a verb and not skipped)."""
        if tok.pos in VERBISH and tok.i not in skip:
            return tok
        for a in self.chain(tok):
            if a.pos in VERBISH and a.i not in skip:
                return a
        return None

    def tense(self, verb: Token | None, future_aux: set[str], future_lemmas: set[str], reporting: set[str]) -> str | None:
        """past | future | present | None for the verb group headed by ``verb``."""
        if verb is None:
            return None
        kids = self.kid_tokens(verb)
        auxes = [k for k in kids if k.dep in ("aux", "auxpass")]
        for a in auxes:
            if a.text.lower() in future_aux:
                return "future"
            if a.lemma.lower() in ("have",) and a.tag in ("VBD", "VBP", "VBZ"):
                return "past"
            if a.tag == "VBD":
                return "past"
        # "expected to meet on Friday", "plans to visit in March"
        if verb.dep == "xcomp" or any(k.dep == "aux" and k.tag == "TO" for k in kids):
            head = self.toks[verb.head]
            if head.lemma.lower() in future_lemmas or head.lemma.lower() == "be" or head.text.lower() in ("due", "set", "scheduled", "expected"):
                return "future"
            if head.i != verb.i and head.pos in VERBISH:
                return self.tense(head, future_aux, future_lemmas, reporting)
        if verb.tag == "VBD" or "Tense=Past" in verb.morph and verb.tag != "VBN":
            return "past"
        if verb.tag == "VBN":
            if any(a.lemma.lower() == "be" and a.tag in ("VBZ", "VBP") for a in auxes):
                # "is scheduled for Tuesday", "is expected in December"
                return "future" if verb.lemma.lower() in future_lemmas or verb.text.lower() in ("due", "set", "slated") else "present"
            if verb.dep in ("acl", "amod", "relcl"):
                return "past"
            return "past" if not any(a.text.lower() in future_aux for a in auxes) else "future"
        if verb.tag in ("VBZ", "VBP"):
            if verb.lemma.lower() in reporting:
                return "past"
            return "present"
        if verb.tag == "VBG":
            aux_be = [a for a in auxes if a.lemma.lower() == "be"]
            if aux_be and aux_be[0].tag == "VBD":
                return "past"
            return "future" if aux_be else None
        return None


def is_attached(
    index: TokenIndex, head: Token, trigger: Token, stop_at_clause: bool = True, max_nouns: int | None = None,
    loose: bool = False, through: frozenset[str] = frozenset(), apart: frozenset[str] = frozenset(),
    conjuncts: bool = False,
) -> int | None:
    """How many steps up from ``head`` (a time or place phrase) the ``trigger`` is reached without
    crossing into another clause; ``None`` when it is not attached.

    A phrase attached to the trigger's verb also belongs to a noun trigger that verb governs
    ("held talks on Tuesday"); a phrase on a participle that modifies a noun trigger belongs to it
    ("the agreement signed in February").  ``max_nouns`` limits the nouns passed on the way
    ("action in Iraq" in "attacked X for her support of military action in Iraq" is not where the
    attack happened).  ``loose`` (for times) also takes a phrase the parser hung on the subject between
    it and its verb ("Chile on Monday signed") and one hung on a following participle ("held talks on
    Tuesday focused on trade"); a place there can be the subject's own ("the ambassador in Paris").
    ``through``: nouns not counted against ``max_nouns`` when "of" follows them ("a second round of talks in
    Montevideo").  ``apart``: prepositions whose object is another happening, not this one's circumstance ("the
    meeting came a week after their first encounter in Asuncion").
    ``conjuncts``: a noun joined to another counts as that one ("shelled a clinic and a mosque in Qisra": one noun passed).
    """
    if head.sent != trigger.sent:
        return None
    if head.dep == "poss" and head.head != trigger.i:
        return None  # "investigate last month's raids": the time of the raids, not of the investigation
    chain = [head] + index.chain(head)
    trig_gov = index.governor(trigger)
    nouns = 0
    for steps, t in enumerate(chain):
        if t.i == trigger.i:
            return steps
        if steps > 0 and t.dep in ARG_DEPS and not (loose and _between_subject_and_verb(index, chain[steps - 1], t)):
            # inside another participant's noun phrase ("the commander of the mission in X")
            return None
        if steps > 0 and t.pos == "ADP" and t.text.lower() in apart:
            return None
        if steps > 0 and t.pos in ("NOUN", "PROPN") and not (conjuncts and t.dep == "conj") and not (
                t.lemma.lower() in through and any(k.text.lower() == "of" for k in index.kid_tokens(t))):
            nouns += 1
            if max_nouns is not None and nouns > max_nouns:
                return None
        if loose and t.pos in VERBISH and t.i != head.i and _before_participle(index, chain[steps - 1], t):
            continue
        if t.pos in VERBISH and t.i != head.i or t.dep in CLAUSE_DEPS and t.pos in VERBISH:
            # the first verb on the way up: the phrase's clause
            if trig_gov is not None and t.i == trig_gov.i and trigger.pos not in VERBISH:
                return steps + 1
            if t.dep in ("acl", "relcl") and t.head == trigger.i and not any(
                    c.dep == "aux" and c.text.lower() == "to" for c in index.kid_tokens(t)):
                # "the agreement signed in February" (not "an understanding to resume traffic from April":
                # that is when the traffic resumes)
                return steps + 1
            if t.pos == "AUX" and t.dep == "ROOT" and trig_gov is not None and trig_gov.i == t.i:
                return steps + 1
            if stop_at_clause:
                return None
    return None


#: what may stand between a subject's time phrase and the subject's verb ("Chile on Monday also signed")
_BEFORE_VERB = {"aux", "auxpass", "advmod", "neg", "punct"}


def _between_subject_and_verb(index: TokenIndex, prep: Token, subj: Token) -> bool:
    """Is ``prep`` a phrase the parser hung on the subject that sits between the subject and its verb
    ("Chile and Peru on October 20 signed", "The rebels on Sunday attacked")?  Then it is the verb's: a
    time or place phrase in that slot tells when or where the act happened."""
    if subj.dep not in ("nsubj", "nsubjpass") or prep.dep != "prep" or not subj.i < prep.i < subj.head:
        return False
    verb = index.toks[subj.head]
    if verb.pos not in VERBISH:
        return False
    end = max(index.subtree(prep.i))
    return all(index.toks[j].dep in _BEFORE_VERB for j in range(end + 1, verb.i))


def _before_participle(index: TokenIndex, prep: Token, verb: Token) -> bool:
    """Is ``prep`` a phrase the parser hung on a participle clause it precedes ("held talks in Lima on
    Tuesday focused on migration")?  A participle's own phrases follow it; one before it, with no
    subject or conjunction of its own, belongs to the verb above."""
    if verb.dep not in ("advcl", "acl") or prep.dep != "prep" or not prep.i < verb.i or verb.head >= verb.i:
        return False
    if verb.tag not in ("VBN", "VBD", "VBG"):
        return False
    return not any(c.dep in ("nsubj", "nsubjpass", "mark", "aux", "auxpass") for c in index.kid_tokens(verb))
