"""Sides: "both sides", "both governments", "the two countries" stand for the two parties the article told
acting together or against each other just before.

"Fighting between Armenia and Azerbaijan resumed. The US called on both sides to cease fire": the call is made
of Armenia and of Azerbaijan, and a careful coder codes both as its targets. A participant named by a plural
group word (``pair_nouns`` in ``data/refine.yaml``) right after "both", "two" or "the two" is replaced by the two
participants of the nearest earlier event, in its sentence or the three before, that had exactly two (and none
of them the event's other side, nor a place; two people for "both men", "the two women"); with no such event, by
the two people (for "the two leaders",
"both ministers": ``pair_people``) or the two states ("the two countries") named last before it in those
sentences ("X and Y put on a united front after the two leaders talked": no event told the pair, the names
did); else it is left as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from dragoman.events.clauses import View
from dragoman.model import Actor, Event

_WINDOW = 3  # sentences before the event where the pair may have been told
_PAIR_WORDS = ("both", "two")
#: pair words that can only mean two people
_PERSONS = frozenset(("men", "women"))
_PEOPLE = frozenset(("person",))
_STATES = frozenset(("country", "government"))
_AGENTS = _PEOPLE | _STATES  # "the two ministers": two people, or the two states they stand for
#: the sectors of a state's own bodies, which "the two countries" or "both governments" may stand for
_STATE_SECTORS = frozenset(("GOV", "LEG", "MIL"))


def _of_kind(a: Actor, kinds: frozenset[str]) -> bool:
    """Is ``a`` of one of ``kinds``, a state's body or officer counting as a state ("the Scottish Government", its
    first minister; not a senator or a general, who speak for no government)?"""
    return a.kind in kinds or "country" in kinds and a.sector in _STATE_SECTORS and (a.kind != "person" or a.sector == "GOV")


def _is_pair(view: View, actor: Actor | None, sent: int, nouns: frozenset[str]) -> bool:
    """Is ``actor`` named in sentence ``sent`` by "both sides", "the two countries" (a pair word, then a plural
    group word of ``nouns``)?"""
    if actor is None or actor.kind != "group":
        return False
    text = view.article.text
    for m in actor.mentions:
        if m.sent != sent or m.text.split()[-1].lower() not in nouns:
            continue
        before = text[max(0, m.start - 12):m.start].lower().split()
        seq = before[-1:] + m.text.lower().split()
        if "both" in seq[:3]:
            return True
        j = next((k for k, w in enumerate(seq[:3]) if w == "two"), None)
        if j is not None and j > 0 and seq[j - 1] in _DEFINITE:
            return True  # "the two leaders" (not "Two men were arrested": two more people, told anew)
    return False


#: what makes "two" refer back ("the two leaders", "these two men")
_DEFINITE = frozenset(("the", "these", "those", "both"))


def _pair_before(view: View, events: list[Event], n: int, sent: int, other: set[str],
                 kinds_wanted: frozenset[str] | None = None) -> tuple[str, ...] | None:
    """The two participants of the nearest event before ``events[n]`` (within the window) that had exactly two,
    neither of them in ``other`` nor a place ("arrived in Abuja": the visitor and the city are no pair), and both of
    ``kinds_wanted`` when given (people for "both men", states for "the two countries": not the police and the firm of
    an arrest told before)."""
    art = view.article
    for p in reversed(events[:n]):
        if not p.evidence or p.evidence[0].sent is None:
            continue
        if p.evidence[0].sent < sent - _WINDOW:
            break
        both = tuple(dict.fromkeys(p.sources + p.targets))
        actors = [art.actor(x) for x in both]
        kinds = [(a.kind if a is not None else None) for a in actors]
        if len(both) == 2 and not other & set(both) and "place" not in kinds and (
                kinds_wanted is None or all(a is not None and _of_kind(a, kinds_wanted) for a in actors)):
            return both
    return None


def _named_last(view: View, pair: str, ev: Event, sent: int, other: set[str], people: bool) -> tuple[str, ...] | None:
    """The two people (``people``) or states named last before the event's trigger, in its sentence or the
    window before, none of them in ``other``."""
    return named_before(view, ev.evidence[0].trigger[0], sent, other | {pair}, people)


def named_before(view: View, at: int, sent: int, other: set[str], people: bool) -> tuple[str, ...] | None:
    """The two people (``people``) or states named last before character ``at`` of sentence ``sent``, in it or
    the window before, none of them in ``other``: who "the two" are ("The two met at the prime minister's office")."""
    art = view.article
    kinds = ("person",) if people else ("country", "government")
    since = art.sentences[max(0, sent - _WINDOW)].start
    last: dict[str, int] = {}
    for b in art.actors:
        if b.kind in kinds and b.id not in other:
            starts = [m.start for m in b.mentions if since <= m.start < at]
            if starts:
                last[b.id] = max(starts)
    two = sorted(last, key=lambda k: -last[k])[:2]
    return tuple(two) if len(two) == 2 else None


def sides(view: View, events: list[Event], modes: Mapping[str, frozenset[str]]) -> list[Event]:
    """``events`` (one article's, in text order) with "both sides" and its kin replaced by the pair it names."""
    out = list(events)
    nouns = modes["pair_nouns"]
    for n, ev in enumerate(out):
        if not ev.evidence or ev.evidence[0].sent is None:
            continue
        sent = ev.evidence[0].sent
        for side in ("targets", "sources"):
            ids: tuple[str, ...] = getattr(ev, side)
            pairs = [x for x in ids if _is_pair(view, view.article.actor(x), sent, nouns)]
            if len(pairs) != 1:
                continue
            other = set(ev.sources if side == "targets" else ev.targets)
            word = (view.article.actor(pairs[0]) or Actor("", "")).name.split()[-1].lower()
            # "both men", "the two women": two people, "the two countries" two states, not whatever pair the last event had
            wanted = _PEOPLE if word in _PERSONS else _STATES if word in modes["pair_states"] \
                else _AGENTS if word in modes["pair_people"] else None
            pair = _pair_before(view, out, n, sent, other, wanted)
            if pair is None:
                pair = _named_last(view, pairs[0], ev, sent, other, word in modes["pair_people"]) \
                    if word in modes["pair_people"] | modes["pair_states"] else None
            if pair is None:
                continue
            named = tuple(dict.fromkeys(y for x in ids for y in (pair if x == pairs[0] else (x,))))
            ev = (replace(ev, targets=named, rule=f"{ev.rule}+pair") if side == "targets"
                  else replace(ev, sources=named, rule=f"{ev.rule}+pair"))
            out[n] = ev
    return out
