"""Complaint: criticism told as a noun, with who made it and whom it is aimed at.

"The minister faced criticism from union leaders", "denied Labour's claims that he had misled parliament",
"shrugged off allegations from the opposition leader that ...", "has been damaged by accusations of spin from its
own MPs", "the senator made allegations that the governor took bribes": the story tells that someone criticised or
accused someone else, with no verb of criticism. A careful coder codes the accusation (CAMEO 111, PLOVER ACCUSE)
by its maker against its target.

``complaints`` finds a noun of criticism (``complaint_nouns`` in ``data/refine.yaml``; "claims" too, only where
they say what is claimed and are denied or answered, ``claim_nouns``: "rejects Beijing's sovereignty claims" is
no accusation) with

* its maker: named by the noun itself ("Labour claims", "the union's criticism"), by "from" or "by" ("criticism
  from union leaders"), or the subject of a verb of making it (``complaint_making``: "made allegations",
  "voiced criticism", "levelled accusations", "had qualms"), or, for "her criticism", the subject of the clause;
* its target: named by "against", "of", "about" or "over" ("allegations against the governor", "misgivings about the
  government's plans"), else the subject of the clause that
  says what is claimed ("allegations that the governor took bribes"), else whoever the noun comes to — the
  subject of a verb of facing or answering it (``complaint_facing``: "faced criticism", "denied claims", "shrugged
  off allegations", "came under attack") or of a passive one it is the agent of ("damaged by accusations").

Only in political news (``Article.topic``). Nothing is coded where the maker or the target is missing or they are the same, where the verb is hypothetical
("would face criticism") or negated, or where the sentence has an accusation coded already.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dragoman.events.claim import ARMED
from dragoman.events.clauses import View
from dragoman.events.relevance import political_news
from dragoman.model import Aux, Event, Sentence

if TYPE_CHECKING:
    from dragoman.events.coder import Coder

#: sectors of armed men (a state's forces and services, rebels, insurgents, militias): an attack they make is one of force
_ARMED_MEN = ARMED | {"MIL", "PRM", "SPY"}
#: the confidence of an accusation already coded that this module leaves alone (settings' default floor)
_SURE = 0.55
#: auxiliaries that make the verb a hypothesis or a future
_NOT_DONE = frozenset({"would", "could", "might", "may", "will", "should", "can"})


def complaints(k: Coder, view: View, sent: Sentence, found: list[Event]) -> list[Event]:
    """The accusations the sentence tells as nouns of criticism (at most one), when it has none coded."""
    if not political_news(view.article):
        return []  # (criticism of a firm by its shareholders, of a film by its critics: no political event)
    if any(e.type == "ACCUSE" and e.sources and e.confidence >= _SURE for e in found):
        return []  # (a noun of criticism the lexicon coded weakly, as a topic, is told again here with its sides)
    m = k.lex.modes
    toks = view.toks
    for i in range(sent.tok_start, sent.tok_end):
        lem = view.lemma(i)
        if toks[i].pos != "NOUN" or lem not in m["complaint_nouns"] and lem not in m["claim_nouns"] \
                and not _harsh_words(view, i, m["harsh_word_modifiers"]):
            continue
        verb = _governor(view, i)
        if verb is not None and (view.kids(verb, "neg") or any(view.lemma(a) in _NOT_DONE for a in view.kids(verb, "aux"))):
            continue
        faced = verb is not None and view.lemma(verb) in m["complaint_facing"]
        if lem in m["claim_nouns"] and not (faced and view.kids(i, "acl", "ccomp")):
            continue  # "claims that the economy is growing", "rejects sovereignty claims": no accusation
        makers = _makers(view, i, verb, m["complaint_making"])
        conf = 0.7 - min(0.12, 0.03 * view.depth(i))
        if not makers and lem in ("charge", "charges") and verb is not None and view.lemma(verb) == "face" \
                and (faced_by := _targets(view, i, verb, faced)):
            # "the mayor faces corruption charges": charged by the law, whoever laid them (COERCE, the guideline's)
            return [k._build(view, sent, "COERCE", k.lex.codes["legal_charge"], "arrest", ("legal",), [], faced_by[:1],
                             False, Aux(), (toks[i].start, toks[i].end), conf, "coerce/charges-faced")]
        if not makers:
            continue
        targets = [a for a in _targets(view, i, verb, faced) if a not in makers]
        if not targets:
            continue
        if lem in ("attack", "attacks", "fire") and any((a := view.article.actor(x)) is not None and a.sector in _ARMED_MEN
                                               for x in makers):
            # "troops faced an attack by rebels", "came under fire from militants": armed men's attack is one of
            # force, not of words
            return [k._build(view, sent, "ASSAULT", "190", None, ("military",), makers, targets[:1], False, Aux(),
                             (toks[i].start, toks[i].end), conf, "assault/attack-faced")]
        return [k._build(view, sent, "ACCUSE", k.lex.codes["criticism"], None, (), makers, targets[:1], False, Aux(),
                         (toks[i].start, toks[i].end), conf, "accuse/complaint-made")]
    return []


def _harsh_words(view: View, i: int, modifiers: frozenset[str]) -> bool:
    """"had harsh words for the minister", "sharp words from the opposition": words said with an adjective of
    criticism are criticism."""
    return view.lemma(i) in ("word", "words") and any(view.lemma(a) in modifiers for a in view.kids(i, "amod"))


def _governor(view: View, i: int) -> int | None:
    """The verb the noun is the object of, directly ("faced criticism") or through a preposition ("came under
    attack", "damaged by accusations", "met with disapproval"); ``None`` when there is none."""
    toks = view.toks
    h = toks[i].head
    if toks[i].dep in ("dobj", "nsubjpass") and toks[h].pos in ("VERB", "AUX"):
        return h
    if toks[i].dep == "pobj" and toks[h].dep in ("prep", "agent"):
        g = toks[h].head
        if toks[g].pos in ("VERB", "AUX"):
            return g
    return None


def _makers(view: View, i: int, verb: int | None, making: frozenset[str]) -> list[str]:
    """Who made the criticism: the noun's own modifiers ("Labour claims", "the union's criticism"), its "from" or
    "by" phrase, or the subject of a verb of making it ("made allegations")."""
    toks = view.toks
    out: list[str] = []
    for c in view.children[i]:
        dep = toks[c].dep
        if dep in ("poss", "compound", "amod"):
            out.extend(a for a in view.tok_actors.get(c, ()) if a not in out)
        elif dep == "prep" and view.lemma(c) in ("from", "by"):
            for o in view.kids(c, "pobj"):
                out.extend(a for a in view.phrase_actors(o) if a not in out)
    if not out and verb is not None:
        # "came under fire from the opposition", "drew criticism over the plan from unions": "from" on the verb
        out.extend(a for c in view.kids(verb, "prep") if view.lemma(c) == "from" for o in view.kids(c, "pobj")
                   for a in view.phrase_actors(o) if a not in out)
    if not out and verb is not None and view.lemma(verb) in making and toks[i].dep == "dobj":
        subj, passive = view.subject(verb)
        if subj is not None and not passive:
            out.extend(view.phrase_actors(subj))
    if not out and any(toks[c].pos == "PRON" for c in view.kids(i, "poss")):
        # "has been persistent in her criticism of ...": her own, the subject of the clause it is told in
        j = toks[i].head
        while toks[j].pos not in ("VERB", "AUX") and toks[j].head != j:
            j = toks[j].head
        subj, passive = view.subject(j)
        if subj is not None and not passive:
            out.extend(view.phrase_actors(subj))
    return out


def _targets(view: View, i: int, verb: int | None, faced: bool) -> list[str]:
    """Whom the criticism is aimed at: its "against" or "of" phrase, the subject of what it claims, or whoever
    faces or answers it."""
    toks = view.toks
    # ("harsh words for the minister": whom words are for)
    preps = ("against", "of", "about", "over", "for") if view.lemma(i) in ("word", "words") else ("against", "of", "about", "over")
    for c in view.children[i]:
        if toks[c].dep == "prep" and view.lemma(c) in preps:
            # "criticism of the governor's vote", "misgivings about the government's plans", "criticisms of the
            # way the minister introduced the rules"
            got = [a for o in view.kids(c, "pobj") for a in (view.phrase_actors(o, strict=True) or view.phrase_actors(o) or [
                x for j in view.subtree(o) for x in view.tok_actors.get(j, ())])]
            if got:
                return got
    for c in view.kids(i, "acl", "ccomp"):
        subj, _ = view.subject(c)
        if subj is not None and (got := view.phrase_actors(subj)):
            return got
    if faced and verb is not None:
        subj, _ = view.subject(verb)
        if subj is not None:
            return view.phrase_actors(subj)
    return []


#: nouns of a demand that a rejection answers ("rejected calls for his resignation", "resisted the union's demands")
_CALL_NOUNS = frozenset(("call", "demand", "appeal", "plea", "request", "ultimatum"))


def rejected_calls(k: Coder, view: View, sent: Sentence, found: list[Event]) -> list[Event]:
    """"The premier rejected the opposition's call for a quota", "has resisted calls for him to name the day": the
    rejection answers a demand that was made, a REQUEST by its makers (the noun's owner, "from" or "by" phrase;
    unnamed when the story names none) of the one who rejects it. Once per sentence, when none is coded."""
    if any(e.type == "REQUEST" for e in found):
        return []
    toks = view.toks
    for e in found:
        if e.type != "REJECT" or not e.sources or not e.evidence or e.aux.negated or e.aux.hypothetical \
                or e.aux.future or e.aux.historical:
            continue
        trig = [t.i for t in view.tokens_in(*e.evidence[0].trigger)]
        nouns = [o for v in trig for o in [v, *view.kids(v, "dobj")] if toks[o].pos == "NOUN"
                 and view.lemma(o) in _CALL_NOUNS and (toks[o].tag == "NNS" or view.kid(o, "poss") is not None)]
        for n in nouns:
            makers = [a for c in view.children[n] if toks[c].dep in ("poss", "compound", "amod")
                      for a in view.tok_actors.get(c, ())]
            makers += [a for c in view.kids(n, "prep") if view.lemma(c) in ("from", "by")
                       for o in view.kids(c, "pobj") for a in view.phrase_actors(o)]
            makers = [a for a in dict.fromkeys(makers) if a not in e.sources]
            conf = 0.7 - min(0.12, 0.03 * view.depth(n))
            return [k._build(view, sent, "REQUEST", k.lex.codes["appeal"], None, (), makers, list(e.sources)[:1], False,
                             Aux(), (toks[n].start, toks[n].end), conf, "request/rejected-call")]
    return []
