"""Claims: "The Northern Restoration Front claimed responsibility", "the group claimed the raid".

A report often tells an attack by describing its doers ("armed separatists attacked the town", "gunmen stormed
the market") and names the group only where it says who claimed it. A careful coder, as ACLED does, codes the
attack as the claiming group's: the same attack told by another outlet names the group, and the two reports
then share their participant. When an article has one armed group (a non-state armed sector, named by a proper
name) as the subject of "claim" with an attack's noun or "responsibility" as its object, the attacks it tells
near the claim (in the sentences before it and the three after, not dated years or months back) whose doers are
only described as an armed movement ("armed separatists", "insurgents"), never named, become that group's; an
attack with no doer at all, by "gunmen" or "attackers" (anyone's), or told further on (often the background), is
left as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from dragoman.actors.militia import ARMED_SECTORS
from dragoman.events.clauses import View
from dragoman.model import Actor, Event
from dragoman.text.chrome import dateline_end

#: sectors of armed actors outside a state's forces (the militia module's, and insurgents)
ARMED = ARMED_SECTORS | {"INS"}
#: sectors of armed movements: the rebels and insurgents a report describes before it names their group
_MOVEMENTS = frozenset(("REB", "INS"))
#: sentences after the claim in which an attack may still be the one claimed
_AFTER = 3
#: verbs of doing an attack that, said by a group of itself, claim it ("said it had staged the ambush")
_DOING = frozenset(("carry", "conduct", "stage", "mount", "launch", "perpetrate"))


def _named_armed(view: View, a: Actor | None) -> bool:
    """Is ``a`` an armed group the text names (a proper word in its name), not one it only describes?  An
    organisation no lexicon knows, of no country, counts whatever its name's words say ("the Western Highlands
    Restoration Forces" is coded as an army by its last word, "the Mouvement pour ..." as civil society by its
    first; a state's army is known by its country)."""
    if a is None or a.kind not in ("organisation", "group") or _described(view, a):
        return False
    unknown = a.kind == "organisation" and a.country is None and a.sector in (None, "MIL", "SOC")
    return (a.sector in ARMED or unknown) and any(w[:1].isupper() for w in a.name.split())


def _described(view: View, a: Actor | None) -> bool:
    """Is ``a`` an armed movement only described ("armed separatists", "insurgents", "rebel fighters"), no word of
    its mentions capitalised but a sentence's first?  Not "the gunmen" or "the attackers", who may be anyone's
    (``militia.py`` reads them so too): a group's claim does not make every gunman's attack of the day its own."""
    if a is None or a.kind != "group" or a.sector not in _MOVEMENTS or a.org is not None:
        return False
    firsts = {s.tok_start for s in view.article.sentences}
    if (lead := dateline_end(view.article)) is not None:
        firsts |= {t.i for t in view.tokens_in(lead, lead + 100)[:1]}  # the lead's first word, after a wire dateline
    return not any(t.text[:1].isupper() and t.i not in firsts
                   for m in a.mentions for t in view.tokens_in(m.start, m.end))


def _claimer(view: View, acts: frozenset[str]) -> tuple[str, int] | None:
    """The one armed group the article says claimed an attack, and the sentence of its (first) claim."""
    art = view.article
    found: dict[str, int] = {}
    for t in view.toks:
        said = t.pos == "VERB" and view.lemma(t.i) in _DOING and view.speech_governor(t.i) is not None
        if t.pos != "VERB" or view.lemma(t.i) != "claim" and not said:
            continue
        obj = view.kid(t.i, "dobj")
        if obj is None or view.lemma(obj) not in acts or said and view.lemma(obj) in ("responsibility", "credit"):
            continue
        s, _ = view.subject(t.i)
        if s is not None and said and view.lemma(s) in ("it", "they", "we"):
            # "the group said it had staged the ambush": a claim in other words, the speaker's
            sp = view.speech_governor(t.i)
            s = view.subject(sp)[0] if sp is not None and not view.tok_actors.get(s) else s
        if s is None:
            continue
        armed = [a for a in view.phrase_actors(s, strict=True) if _named_armed(view, art.actor(a))]
        if not armed:
            # "a group calling itself X, known in English as the Y Front, claimed ...": the names inside the
            # subject are one group's; the one coded armed (else the first) is it
            named = [a for a in view.phrase_actors(s) if _named_armed(view, art.actor(a))]
            armed = [a for a in named if (x := art.actor(a)) is not None and x.sector in ARMED][:1] or named[:1]
        if len(armed) == 1:
            found.setdefault(armed[0], t.sent)
    return next(iter(found.items())) if len(found) == 1 else None


#: words of a date that put an attack months or years back: not the attack just claimed
_LONG_AGO = frozenset(("year", "years", "month", "months", "decade", "decades", "ago", "century"))


def _dated_long_ago(view: View, sent: int) -> bool:
    """Does sentence ``sent`` date what it tells by a year or months back ("In 2019 gunmen killed ...")?"""
    s = view.article.sentences[sent]
    return any(t.ent_type == "DATE" and (t.text.isdigit() and len(t.text) == 4 or t.text.lower() in _LONG_AGO)
               for t in view.toks[s.tok_start:s.tok_end])


def claimed(view: View, events: list[Event], modes: Mapping[str, frozenset[str]]) -> tuple[list[Event], dict[str, str]]:
    """The attacks near an armed group's claim, their doers only described, made the claiming group's; and the
    sector the claim gives a claiming organisation whose name said none, or an army's (the described doers':
    "the Western Highlands Restoration Forces" claiming what "armed separatists" did are rebels), by actor id."""
    if not any(e.type == "ASSAULT" for e in events):
        return events, {}
    got = _claimer(view, modes["claimed_acts"])
    if got is None:
        return events, {}
    group, sent = got
    art = view.article
    recoded: dict[str, str] = {}
    out = []
    for e in events:
        es = e.evidence[0].sent if e.evidence else None
        if e.type == "ASSAULT" and es is not None and es <= sent + _AFTER and e.sources and group not in e.targets \
                and not (e.aux.negated or e.aux.hypothetical or _dated_long_ago(view, es)) \
                and all(_described(view, art.actor(x)) for x in e.sources):
            claimer = art.actor(group)
            doers = {a.sector for x in e.sources if (a := art.actor(x)) is not None and a.sector}
            if claimer is not None and claimer.sector not in ARMED and len(doers) == 1:
                recoded.setdefault(group, doers.pop())
            e = replace(e, sources=(group,), rule=(e.rule or "") + "+claimed")
        out.append(e)
    return out, recoded
