"""Response: whom a rejection answers when its own clause names no one.

"Y accused the ministry of hiding the figures. The minister rejected the charge": the charge is Y's, so
Y is the rejection's target (a careful coder codes the REJECT against the accuser).  A REJECT (or a
denial) with a source and no target, whose trigger takes a claim ("the charge", "the criticism", "the
claims"), a demand ("the call", "the ultimatum") or a clause ("denied that she had backed ..."), gets
as target the source of the nearest earlier event of the answered kind — an accusation for a claim or
a denial, a request or an offer for a demand — told in the same sentence or in the three before it, by
someone else; an accusation aimed at the rejecter is preferred to a nearer one that is not.  The
answered words are data (``answered_*`` in ``data/refine.yaml``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import replace

from dragoman.events.clauses import View
from dragoman.model import Event

#: what each kind of answered thing is coded as
_CLAIM_TYPES = ("ACCUSE", "THREATEN")
_DEMAND_TYPES = ("REQUEST", "AGREE", "THREATEN")
_WINDOW = 3  # sentences before the rejection


def _answered(view: View, i: int, modes: Mapping[str, frozenset[str]]) -> tuple[str, ...]:
    """The event types the trigger at ``i`` answers: by its object ("rejected the charge"), or its clause
    ("denied that ..."); () when it answers nothing nameable."""
    if view.lemma(i) not in modes["answered_verbs"]:
        return ()
    objs = view.kids(i, "dobj")
    if objs:
        obj = view.lemma(objs[0])
        if obj in modes["answered_claims"]:
            return _CLAIM_TYPES
        if obj in modes["answered_demands"]:
            return _DEMAND_TYPES
        return ()
    if view.lemma(i) == "deny":
        return _CLAIM_TYPES  # "denied that she had backed ...", "denied wrongdoing" has an object
    return ()


def answer(view: View, events: list[Event], modes: Mapping[str, frozenset[str]]) -> list[Event]:
    """``events`` (one article's, in text order) with the targets of rejections that answer an earlier claim
    or demand filled in."""
    out = list(events)
    for n, ev in enumerate(out):
        if ev.type != "REJECT" or ev.targets or not ev.sources or not ev.evidence or ev.evidence[0].sent is None:
            continue
        i = bisect_right(view.starts, ev.evidence[0].trigger[0]) - 1
        if i < 0:
            continue
        wanted = _answered(view, i, modes)
        if not wanted:
            continue
        s = ev.evidence[0].sent
        mine = set(ev.sources)
        prior = [p for p in out[:n] if p.type in wanted and p.sources and p.evidence and p.evidence[0].sent is not None
                 and s - _WINDOW <= p.evidence[0].sent <= s and p.evidence[0].trigger[0] < ev.evidence[0].trigger[0]
                 and not mine & set(p.sources)]
        if not prior:
            continue
        aimed = [p for p in prior if mine & set(p.targets)]
        chosen = (aimed or prior)[-1]
        out[n] = replace(ev, targets=tuple(chosen.sources), rule=f"{ev.rule}+answers")
    return out
