"""Auxiliary modes: negated, hypothetical, future, historical — read from the parse around a trigger.

``clause_modes`` looks at the trigger's own auxiliaries and negation, then up the chain of verbs
that govern it ("plans to visit", "hope that ... can", "ready to talk", "if ... then"), and at the
time words attached to it ("the agreement signed in February").  It also says whether the clause
is reported speech and whether it states an obligation ("X said Y must ..."), which the coder uses
to turn announced intentions into AGREE / THREATEN as CAMEO does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from dragoman.events.clauses import View
from dragoman.events.lexicon import Lexicon

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@dataclass
class Modes:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False
    intent: bool = False  # "ready/willing/plans to", "will": an announced intention
    would: bool = False  # "would"/"may" (future-in-the-past in reported speech, else conditional)
    speech: int | None = None  # the reporting verb, when the clause is reported speech
    obligation: bool = False  # must/should
    conditional: bool = False  # the clause has an "if/unless" condition (or is one)
    nobody: bool = False  # negated by a subject that is no one ("no one was arrested"): nobody refused anything


def _headline_infinitive(view: View, v: int) -> bool:
    """Is the verb at ``v`` a headline's "Name to VERB" ("Kinnock to urge reform", "Police to question the mayor"):
    an infinitive with no finite verb over it, hung on the name as the parser reads such a line?"""
    t = view.toks[v]
    if t.tag != "VB" or not any(view.toks[c].tag == "TO" for c in view.kids(v, "aux")):
        return False
    h = view.toks[t.head]
    return (t.dep == "acl" and h.dep == "ROOT" and h.tag in ("NNP", "NNPS") and h.i < v) \
        or (t.dep in ("csubj", "ROOT") and any(view.toks[c].tag in ("NNP", "NNPS") for c in view.kids(v, "nsubj")))


def clause_modes(view: View, lex: Lexicon, trig: int, clause: int, obj: int | None = None) -> Modes:
    """Modes of the event whose trigger is ``trig`` (object ``obj``) and whose clause verb is ``clause``."""
    m = lex.modes
    toks = view.toks
    out = Modes()
    # a noun trigger: "no talks"
    def _no(n: int) -> bool:
        return any(toks[c].dep == "det" and view.lemma(c) == "no" for c in view.children[n])

    if trig != clause and _no(trig):
        out.negated = True  # "no talks were held"
    if obj is not None and _no(obj):
        out.negated = True
    if any(_no(c) or view.lemma(c) in ("nobody", "none") for c in view.children[clause]
           if toks[c].dep in ("nsubj", "nsubjpass")):
        out.negated = out.nobody = True  # "no one was arrested", "nobody was charged", "no protesters were detained"
    if _headline_infinitive(view, clause):
        out.future = out.intent = True  # "Blair to urge action on climate": a headline's announced act, not done yet
    if trig != clause and view.toks[trig].head == clause and view.toks[trig].dep == "dobj":
        # a noun event carried by a verb of planning or wanting: "are planning a protest" (not yet),
        # "sought a meeting" (not held)
        if view.lemma(clause) in m["future_governors"]:
            out.future = out.intent = True
        elif view.lemma(clause) in m["hypothetical_governors"]:
            out.hypothetical = True
    if _prospect_of(view, clause, m["prospect_nouns"]):
        out.hypothetical = True  # "there is little prospect of the junta agreeing to talks"
    cur: int | None = clause
    hops = 0
    while cur is not None and hops < 6:
        hops += 1
        _read_marks(view, m, cur, hops, out)
        cur = _climb(view, lex, trig, cur, out)
    out.speech = view.speech_governor(clause)
    if out.would:
        # news "would" is mostly the future of reported speech ("said it would withdraw"); a condition
        # ("would ... if") is caught as such
        out.future = True
        out.intent = True
    out.historical = _historical(view, lex, trig, clause) or _toll(view, lex, trig, clause) or _former_office(view, clause) \
        or _aged_thing(view, lex, clause)
    return out


#: a thing's age written before it: "the 15-year-old ban", "a decades-old treaty", "the century-old law"
_AGED = re.compile(r"^(?:\d+|[a-z]+)-years?-old$|^(?:decades?|centur(?:y|ies))-old$", re.IGNORECASE)


def _aged_thing(view: View, lex: Lexicon, clause: int) -> bool:
    """"The 40-year-old statute was passed in the wake of the riots", "signed the decades-old treaty": making a thing
    whose age the text gives in years was that long ago (not "repealed the 40-year-old statute": undoing it is the
    news)."""
    if view.lemma(clause) not in lex.modes["making_verbs"]:
        return False
    for o in view.kids(clause, "dobj", "nsubjpass"):
        left = [j for j in view.subtree(o) if j < o]
        words = "".join(view.toks[j].text + (" " if view.toks[j].space else "") for j in left).split()
        if any(_AGED.match(w) and not w.lower().startswith(("one-", "1-")) for w in words):
            return True
    return False


def _former_office(view: View, clause: int) -> bool:
    """"When home secretary, he ordered troops into Belfast", "While foreign minister, she signed the accord": a past
    act told of an office the actor held then, by "when" or "while" and the office with no verb: background."""
    toks = view.toks
    if toks[clause].tag != "VBD":
        return False
    for c in view.children[clause]:
        if toks[c].dep == "advcl" and toks[c].pos == "NOUN" and any(
                view.lemma(k) in ("when", "while") for k in view.children[c]):
            return True  # "When home secretary, ..." (the parser's shape)
        if view.lemma(c) in ("when", "while") and toks[c].dep in ("mark", "advmod") and (any(
                toks[k].pos == "NOUN" and toks[k].dep == "pobj" for k in view.children[c]) or _bare_office(view, c)):
            return True  # "While foreign minister, ...", "When interior minister, Tom Hale ..."
    return False


def _bare_office(view: View, w: int) -> bool:
    """Do the words after "when" at ``w`` up to a comma name an office with no verb ("When interior minister, ...")?"""
    toks = view.toks
    seen = False
    for j in range(w + 1, min(len(toks), w + 6)):
        if toks[j].text == ",":
            return seen
        if toks[j].pos not in ("NOUN", "ADJ", "PROPN", "DET"):
            return False
        seen = seen or toks[j].pos == "NOUN"
    return False


def _toll(view: View, lex: Lexicon, trig: int, clause: int) -> bool:
    """A death toll, not a happening: what a war or a long conflict has killed so far ("the war has killed at
    least 15,000 people", "more than 6,500 people have been killed since then", "violence that began in 2012
    has since spread, killing thousands"): background, like a war long over, not an attack of the news."""
    m = lex.modes
    toks = view.toks
    if view.lemma(trig) not in m["toll_verbs"] or trig != clause:
        return False
    v = trig
    if toks[v].dep == "advcl" and toks[v].tag == "VBG":
        v = toks[v].head  # "has since spread ..., killing thousands": the spreading's subject and tense
    perfect = any(view.lemma(a) == "have" and toks[a].tag in ("VBZ", "VBP") for a in view.kids(v, "aux"))
    since = any(view.lemma(k) == "since" for k in view.children[v] + view.children[trig])
    subj = view.kid(v, "nsubj")
    conflict = subj is not None and view.lemma(subj) in m["toll_subjects"]
    victims = [k for k in view.children[trig] if toks[k].dep in ("dobj", "nsubjpass")]
    many = any(_thousands(view, k) for k in victims)
    return perfect and (since or conflict or many) or conflict and many


def _thousands(view: View, n: int) -> bool:
    """Is the noun at ``n`` counted in thousands ("at least 15,000 people", "thousands of civilians")?"""
    words = [view.lemma(n)] + [view.toks[k].text.lower() for k in view.kids(n, "nummod")]
    for w in words:
        if w in ("thousand", "thousands", "million", "millions"):
            return True
        if w.replace(",", "").isdigit() and int(w.replace(",", "")) >= 1000:
            return True
    return False


def _read_marks(view: View, m: dict[str, frozenset[str]], cur: int, hops: int, out: Modes) -> None:
    """The modes the words around the verb at ``cur`` mark: negation, auxiliaries, a condition."""
    toks = view.toks
    if _counterfactual(view, cur):
        out.hypothetical = True
    for c in view.children[cur]:
        t = toks[c]
        lem = t.lemma.lower()
        low = t.text.lower()
        if t.dep == "neg" or (t.dep == "advmod" and lem == "never"):
            out.negated = True
        elif t.dep == "aux" and lem == "have" and _inverted(view, cur, c):
            out.hypothetical = True  # "had the army attacked the town, ...": a condition contrary to fact
        elif t.dep == "aux" and lem == "to" and hops == 1 and toks[cur].dep == "ROOT" and view.kids(cur, "nsubj"):
            out.future = True  # a headline's "Minister to quit over row": what is to come
            out.intent = True
        elif t.dep in ("aux", "auxpass"):
            if lem in m["future_aux"] or low in m["future_aux"]:
                out.future = True
                out.intent = True
            elif lem in m["would"] or low == "would":
                out.would = True
            elif lem in m["hypothetical_aux"] or low in m["hypothetical_aux"]:
                out.hypothetical = True
            elif lem in m["obligation_aux"] or low in m["obligation_aux"]:
                out.obligation = True
        elif hops == 1 and t.dep in ("npadvmod", "tmod") and toks[cur].tag not in ("VBD", "VBN") and (low == "tomorrow" or any(
                toks[k].text.lower() == "next" for k in view.kids(c, "amod"))):
            out.future = True  # "the leaders hold talks next Monday": told as to come (a past verb's "next
            # week" is the parser's: "challenged him to a debate next week")
        elif t.dep == "mark" and lem in m["conditional_marks"] and hops == 1:
            out.hypothetical = True  # the condition itself: "if war starts"
        elif t.dep in ("mark", "advmod") and lem in m["generic_marks"] and hops == 1 and toks[cur].tag in ("VBZ", "VBP") \
                and toks[cur].dep == "advcl":
            out.hypothetical = True  # a habit, not a happening: "when the US slaps tariffs on goods, ..."
        elif t.dep == "mark" and lem in m["question_marks"] and toks[cur].dep == "ccomp":
            out.hypothetical = True  # an embedded question: "asked whether she believed Moscow wanted ..."
        elif t.dep == "advcl" and any(
            toks[g].dep == "mark" and view.lemma(g) in m["conditional_marks"] for g in view.children[c]
        ):
            out.conditional = True  # the consequent of "if ..."


def _prospect_of(view: View, clause: int, nouns: frozenset[str]) -> bool:
    """Is the verb at ``clause`` a gerund after "of" on a noun of what may come ("the prospect of X agreeing")?"""
    toks = view.toks
    t = toks[clause]
    if t.tag != "VBG" or t.head == clause:
        return False
    if t.dep == "acl" and view.lemma(t.head) in nouns:
        return True  # ('"little hope" of the junta agreeing': the gerund hung on the noun itself)
    if t.dep == "acl" and toks[t.head].dep == "pobj":
        t = toks[t.head]  # "the chance of the rebels signing": the gerund hung on its subject
    elif t.dep != "pcomp":
        return False
    p = toks[t.head]
    return view.lemma(p.i) == "of" and p.head != p.i and view.lemma(p.head) in nouns


def _inverted(view: View, cur: int, aux: int) -> bool:
    """Is the auxiliary ``aux`` of the verb at ``cur`` before the verb's subject ("had the army attacked"),
    or is ``cur`` the participle of a "had" the parser made the main verb ("what would have happened had
    the senator gone to the police")?"""
    toks = view.toks
    subj = view.kid(cur, "nsubj", "nsubjpass")
    if subj is None or toks[cur].tag != "VBN" and toks[cur].tag != "VBD":
        return False
    return aux < subj < cur


def _counterfactual(view: View, cur: int) -> bool:
    """"what would have happened had the senator gone ...": the participle of a "had" parsed as the verb."""
    toks = view.toks
    h = toks[cur].head
    subj = view.kid(cur, "nsubj", "nsubjpass")
    return (toks[cur].dep == "ccomp" and toks[cur].tag == "VBN" and view.lemma(h) == "have" and toks[h].tag in ("VBD", "VBN")
            and subj is not None and h < subj < cur and not any(k > h for k in view.kids(h, "nsubj", "nsubjpass")))
    # ("what would the reaction have been had an official gone ...": "had" taken for the verb of the question)


def _governed(view: View, m: dict[str, frozenset[str]], h: int, out: Modes) -> bool:
    """The modes a verb or adjective governing a to-infinitive gives it; False: stop climbing ("going")."""
    toks = view.toks
    hl = view.lemma(h)
    if hl in ("able", "unable"):
        out.negated = out.negated or hl == "unable"  # "were able to apprehend him": they did
    elif hl in m["prompt_adjectives"]:
        pass  # "were quick to back the traders": they did, and quickly
    elif toks[h].pos == "ADJ" or hl in m["intent_adjectives"]:
        if hl.startswith("unwill"):
            out.negated = True
        out.intent = True
        out.future = True
    elif hl in m["future_governors"]:
        if hl == "go" and toks[h].tag != "VBG":
            return False
        out.future = True
        out.intent = True
    elif hl in m["hypothetical_governors"]:
        out.hypothetical = True
    elif hl in m["negating_governors"]:
        out.negated = True
    elif toks[h].pos == "VERB" and hl not in m["factive_governors"]:
        out.hypothetical = True  # "decided to support", "implored them to allow": not done
    return True


def _light_step(view: View, m: Mapping[str, frozenset[str]], cur: int, out: Modes) -> int | None | bool:
    """The steps up from ``cur`` through a preposition, "be" or "go" (``_climb``'s first): the verb to go on to,
    ``None`` where the modes end, ``False`` when none of them is the step."""
    toks = view.toks
    t = toks[cur]
    h = t.head
    hl = view.lemma(h)
    if t.dep == "pcomp" and hl in m["negating_preps"]:
        out.negated = True  # "won without asking voters to pay": no one was asked
        return None
    if t.dep == "pcomp" and toks[h].pos == "ADP" and toks[h].head != h:
        g = toks[h].head
        g = toks[g].head if toks[g].pos == "ADJ" and toks[g].dep == "acomp" else g
        if view.lemma(g) == "be":
            # "how useful the letter would be in winning backing": the verb's modal ("would"), not its negation ("was
            # not shy in attacking the plan": he attacked it)
            for c in view.kids(g, "aux"):
                low = view.lemma(c).lower()
                if low in m["would"] or toks[c].text.lower() == "would":
                    out.would = True
                elif low in m["future_aux"]:
                    out.future = out.intent = True
                elif low in m["hypothetical_aux"]:
                    out.hypothetical = True
            return None
    if t.dep == "xcomp" and hl == "be" and any(view.lemma(a) == "to" for a in view.kids(cur, "aux")):
        out.future = True  # "he was to offer a rebate": planned
        return h
    if t.dep == "xcomp" and t.tag == "VBG" and hl == "go":
        # "we're going to go marching on the ministry": the going's modes (to come); "if we go marching": a
        # condition, as the going is
        if any(view.lemma(k) in m["conditional_marks"] for k in view.kids(h, "mark")):
            out.hypothetical = True
        return h
    return False


def _climb(view: View, lex: Lexicon, trig: int, cur: int, out: Modes) -> int | None:
    """One step up from the verb at ``cur`` to the verb whose modes it shares (its governor), noting the
    modes the step gives; None where the clause's modes end."""
    m = lex.modes
    toks = view.toks
    t = toks[cur]
    if t.head == cur:
        return None
    h = t.head
    hl = view.lemma(h)
    light = _light_step(view, m, cur, out)
    if light is not False:
        return light
    if t.dep == "xcomp" or t.dep == "ccomp" and view.kids(cur, "nsubj") and any(
            view.lemma(a) == "to" and view.toks[a].tag == "TO" for a in view.kids(cur, "aux")):
        # (an infinitive with a subject of its own, which the parser may hang as a clause: "expects 4,000
        # supporters to demonstrate" is planned, "urged the rebels to disarm" asked for)
        return h if _governed(view, m, h, out) else None
    if _pressed_for(view, m, cur, h):
        out.hypothetical = True  # "came under fire from the opposition to release his returns": asked of him, not done
        return None
    if t.dep in ("ccomp", "xcomp") and hl == "let" and toks[h].tag == "VB" and any(
            toks[s].text.lower() in ("'s", "’s", "us") for s in view.kids(cur, "nsubj")):
        out.hypothetical = True  # "let's apologise and move on": proposed
        return None
    if t.dep == "advcl" and any(view.lemma(a) == "to" for a in view.kids(cur, "aux")) \
            and any(view.lemma(k) == "for" for k in view.kids(cur, "mark")):
        out.hypothetical = True  # "call for gay people to be killed": wanted, not done
        return h
    if t.dep == "advcl" and any(view.lemma(a) == "to" for a in view.kids(cur, "aux")) and not view.kids(cur, "mark"):
        if hl == "go" and any(view.lemma(p) == "on" for p in view.kids(h, "prt")):
            return h  # "went on to attack him": what came next, done
        head_types = {e.type for e in lex.by_lemma.get(hl, ()) if e.type != "NONE" and not e.is_noun}
        if head_types and not head_types & {e.type for e in lex.by_lemma.get(view.lemma(trig), ())}:
            # the purpose of an act that is itself coded is not done yet: "sent troops to quell the
            # riot" (the sending is the event); of a plain verb it is the event: "stayed home to protest";
            # of an act of its own kind it is that act: "met ... to discuss" (one meeting)
            out.hypothetical = True
        return h
    if t.dep == "csubj" and t.tag == "VBG" and hl == "be" and not view.kids(cur, "nsubj", "poss"):
        out.hypothetical = True  # "supporting her coalition was not a lost cause": said of supporting in general
        return None
    if t.dep in ("csubj", "csubjpass") or (t.dep == "advcl" and t.tag == "VBG" and not view.kids(cur, "mark")):
        return h  # "pressuring them could reopen wounds", "could issue subsidies, helping farmers": the head's modes
    if t.dep == "acl" and view.kids(cur, "mark") and any(view.lemma(c) == "no" for c in view.kids(h, "det")):
        if hl in m["certainty_nouns"]:
            return h  # "has no doubt that the raid took place": asserted, with the head's modes
        out.negated = True  # "there was no evidence that any detainee had been tortured": the content of nothing
        return None
    if t.dep == "acl" and view.kids(cur, "mark") and toks[h].dep == "pobj" and toks[toks[h].head].head != toks[h].head \
            and view.lemma(toks[toks[h].head].head) in m["doubt_adjectives"]:
        out.hypothetical = True  # "skeptical of an announcement that it had opened corridors": claimed, doubted
        return None
    infinitive = any(view.lemma(a) == "to" for a in view.kids(cur, "aux"))
    # (a clause on a noun is its content with "to" or "that": "the right to expel", "the idea that they would go";
    # "Fishing rights dominated the meeting" parsed as a clause on "rights" is none)
    if (t.dep == "ccomp" or t.dep == "acl" and (infinitive or view.kids(cur, "mark")) or t.dep == "relcl" and infinitive) \
            and hl in m["hypothetical_governors"]:
        out.hypothetical = True  # ("it is time for the government to investigate": an infinitive the parser hung as relcl)
        return None
    if t.dep == "ccomp" and hl in m["neg_raising_verbs"] and any(view.lemma(k) in ("not", "never") for k in view.kids(h, "neg")) \
            and not view.kids(cur, "neg") and t.tag in ("VBD", "VBN"):
        out.negated = True  # "I do not believe I have ever spoken to him": not done (what one does not think will be done is
        return None  # left to the refusal rules)
    if t.dep == "ccomp" and any(view.lemma(k) in m["question_marks"] for k in view.kids(h, "mark")):
        out.hypothetical = True  # "asked if he believed Tehran wanted the talks to fail": what the question supposes
        return None
    if t.dep == "acomp" or (t.dep == "conj" and toks[h].pos in ("VERB", "AUX") and not view.kids(cur, "nsubj", "nsubjpass")
                            and not (t.tag == "VBD" and toks[h].tag != "VBD")):
        # "called for them to be killed or assaulted": the second verb shares the first's modes; not one with a
        # subject of its own ("the envoy never reached the post, but the rebels blamed the army"), nor a past
        # tense of its own beside a verb whose auxiliary it does not share ("was not consulted and criticised the
        # ministry", "did not attend but sent a deputy")
        return h
    return None


def _pressed_for(view: View, m: Mapping[str, frozenset[str]], cur: int, h: int) -> bool:
    """Is the infinitive at ``cur`` what someone is pressed to do ("came under fire from X to release his returns",
    "is under pressure to resign"): hung on the verb whose "under" names a pressure (``pressure_nouns``), or on that
    noun itself?"""
    if not any(view.lemma(a) == "to" for a in view.kids(cur, "aux")):
        return False
    t = view.toks[cur]
    if t.dep == "acl":
        return view.lemma(h) in m["pressure_nouns"] and view.toks[h].dep == "pobj" and view.lemma(view.toks[h].head) == "under"
    return t.dep == "advcl" and any(view.lemma(p) == "under" and any(view.lemma(o) in m["pressure_nouns"] for o in view.kids(p, "pobj"))
                                    for p in view.kids(h, "prep"))


def _historical(view: View, lex: Lexicon, trig: int, clause: int) -> bool:
    """Explicitly earlier than the news: a background mention with its own past date."""
    toks = view.toks
    m = lex.modes
    t = toks[clause]
    background = t.dep in ("acl", "relcl", "amod") or trig != clause or t.tag == "VBN" and t.dep != "ROOT"
    words: list[str] = []
    kids = view.children[clause] + ([] if trig == clause else view.children[trig])
    if t.dep == "conj" and toks[t.head].pos in ("VERB", "AUX") and t.tag in ("VBD", "VBN"):
        # "served from 1941 to 1945 and was wounded": a past verb joined to a dated one shares its date
        kids = kids + [c for c in view.children[t.head] if c != clause]
    if t.tag in ("VBD", "VBN"):
        # "who shot and wounded the president in 1981": the date at the end of a joined pair of past verbs
        # is the first one's as well
        for j in view.kids(clause, "conj"):
            if toks[j].tag in ("VBD", "VBN") and not view.kids(j, "nsubj", "nsubjpass"):
                kids = kids + [c for c in view.children[j] if toks[c].dep in ("prep", "npadvmod")]
    if any(toks[c].dep == "prep" and view.lemma(c) == "in" and any(view.lemma(o) == "past" and toks[o].pos == "NOUN"
                                                                  for o in view.kids(c, "pobj")) for c in kids):
        return True  # "has clashed with his leaders in the past": background ("in the past week" is news)
    for c in kids:
        d = toks[c].dep
        if d in ("prep", "npadvmod", "advmod", "tmod", "amod", "nmod"):
            for j in view.subtree(c):
                if (toks[j].ent_type == "DATE" or d in ("advmod", "amod")) and not _in_clause_below(view, j, c) \
                        and not (d == "prep" and view.lemma(c) in m["cause_prepositions"] and _dates_a_thing(view, j)):
                    words.append(toks[j].text.lower())
    if not words:
        return False
    recent = any(w in m["recent_units"] for w in words)  # "the previous day", "earlier this week": news still
    if any(w in m["historical_words"] and (w != "ago" or _long_ago(words)) and not (recent and w != "ago") for w in words):
        return True
    has_year = any(_YEAR.fullmatch(w) for w in words)
    if has_year and _months_before(view, words) >= 2:
        return True  # "tariffs were increased in May 2019" in a November 2019 article: background
    describes = t.dep in ("acl", "relcl", "amod")  # "the prisoners detained in May": told about the noun
    if background and (has_year or any(w in m["months"] for w in words)) and (describes or not _recent(view, words)):
        return True
    if has_year and "last" not in words and "this" not in words:
        years = [int(w) for w in words if _YEAR.fullmatch(w)]
        now = news_year(view)
        if now and years and max(years) < now:
            return True
    return False


def _dates_a_thing(view: View, j: int) -> bool:
    """Is the date word at ``j`` part of a name given a thing by its year ("over the 2020 rally"): the thing's
    date, not the act's (for the objects of ``cause_prepositions``)?"""
    toks = view.toks
    k = j
    while toks[k].dep in ("nummod", "compound", "amod", "npadvmod", "poss") and toks[k].head != k:
        k = toks[k].head  # up the name's words: "2019" in "the 2019 Vellmark Square sit-in"
    return k != j and toks[k].ent_type != "DATE" and toks[k].pos in ("NOUN", "PROPN") and toks[k].dep == "pobj"


def _long_ago(words: list[str]) -> bool:
    """"two years ago", "months ago", not "three days ago" or "a month ago": long enough before the news to be
    background (two months or more, as the coding guideline has it)."""
    if any(w in ("year", "years", "decade", "decades", "century", "centuries") for w in words):
        return True
    return "months" in words and not any(w in ("a", "one", "1") for w in words)


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")


def _recent(view: View, words: list[str]) -> bool:
    """Is the month the words name less than two months before the news ("killed on June 12, the army said"
    in a June article is the news, not background)? Unknown without a reference date."""
    ref = view.article.reference_date.date
    named = [_MONTHS.index(w) + 1 for w in words if w in _MONTHS]
    if not ref or len(ref) < 7 or not named:
        return False
    years = [int(w) for w in words if _YEAR.fullmatch(w)]
    ry, rm = int(ref[:4]), int(ref[5:7])
    year = max(years) if years else (ry if named[0] <= rm else ry - 1)
    return 0 <= (ry * 12 + rm) - (year * 12 + named[0]) < 2


def _in_clause_below(view: View, j: int, top: int) -> bool:
    """Is the word at ``j`` inside a verb's clause below ``top`` ("accused him of missing his target by 2005":
    the year dates the target, not the accusation)?"""
    toks = view.toks
    if j == top:
        return False  # the modifier itself ("which previously shelled ...": "previously" is the clause's own)
    cur = toks[j].head
    while cur != top and toks[cur].head != cur:
        if toks[cur].pos == "VERB":
            return True
        cur = toks[cur].head
    return False


def _months_before(view: View, words: list[str]) -> int:
    """How many months before the reference date the month and year the words name are (-1: unknown)."""
    ref = view.article.reference_date.date
    named = [_MONTHS.index(w) + 1 for w in words if w in _MONTHS]
    years = [int(w) for w in words if _YEAR.fullmatch(w)]
    if not ref or len(ref) < 7 or not named or not years:
        return -1
    return (int(ref[:4]) * 12 + int(ref[5:7])) - (max(years) * 12 + named[0])


def news_year(view: View) -> int | None:
    """The year of the news: the reference date's, or — an article without a date — the latest year the
    text names (its news is no older than that): "in 1970 the G8 agreed" is background beside a 2005 plan."""
    ref = view.article.reference_date.date
    if ref:
        return int(ref[:4])
    cached = getattr(view, "_news_year", False)
    if cached is False:
        years = [int(t.text) for t in view.toks if t.ent_type == "DATE" and _YEAR.fullmatch(t.text)]
        cached = max(years) if years else None
        view._news_year = cached  # type: ignore[attr-defined]
    return cached
