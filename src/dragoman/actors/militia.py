"""An armed group described, not named: "the militia", "the gang", "the rebels", "the armed group".

A report names the armed group once or twice ("Fighters of the Union of Northern Combatants (UNC) attacked the
town ...") and then describes it: "The militia struck before sunrise." A careful coder codes that sentence's
attack as the named group's; left alone, the description is an actor of its own with no name, and the same attack
told by two outlets shares no participant.  The description stands for the named armed group when the article
has named one (a proper name, a non-state armed sector) before it, and only one (two names of one group, such as
a name and the fighters of that name, count as one: they share a proper word).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dragoman.actors.vocabulary import words

if TYPE_CHECKING:
    from dragoman.model import Token

    from .context import Context, Group
    from .coref import Gathering

#: sectors of armed actors outside a state's forces: rebels, unidentified armed forces, criminal gangs
ARMED_SECTORS = frozenset(("REB", "UAF", "CRM"))
#: what a report calls a named armed group again (``words.yaml``: ``armed_descriptions``)
DESCRIPTIONS = words("armed_descriptions")


def _armed(g: Group) -> bool:
    u = g.unit
    return u.sector in ARMED_SECTORS or (u.sector == "MIL" and "militia" in ((u.role_cls or "") + (u.role or "")).lower())


def _proper_words(ctx: Context, g: Group) -> set[str]:
    """The proper nouns of the actor's mentions ("Union", "Combatants", "UNC")."""
    toks = ctx.toks
    return {toks[i].text.lower() for s, e, _k in g.mentions for i in range(s, e)
            if toks[i].pos == "PROPN" and toks[i].text[:1].isupper() and (i > 0 and toks[i - 1].sent == toks[i].sent)}


def _described(ctx: Context, g: Group) -> bool:
    """Is every mention of the group "the" and a word for an armed group ("the militia", "the armed group";
    not "the attackers" or "the gunmen", who may be anyone's: a report that names a group does not say it
    attacked by calling the attackers so)?"""
    toks = ctx.toks
    u = g.unit
    return u.kind == "group" and u.entry is None and not u.owned and bool(g.mentions) and all(
        s > 0 and toks[s - 1].text.lower() == "the" and " ".join(toks[i].text.lower() for i in range(s, e)) in DESCRIPTIONS
        for s, e, _k in g.mentions)


def resolve_armed(ctx: Context, gather: Gathering) -> None:
    """Fold each description of an armed group into the one named armed group before it."""
    named = [g for g in gather.order if _armed(g) and g.mentions and g.unit.kind != "person" and not g.unit.person_role
             and _proper_words(ctx, g)]  # (not "an M23 spokesman, Innocent Habimana": a person of the group)
    if not named:
        return
    for g in [g for g in gather.order if _armed(g) and _described(ctx, g)]:
        first = min(m[0] for m in g.mentions)
        before = [n for n in named if n is not g and min(m[0] for m in n.mentions) < first]
        if not before:
            continue
        words = [_proper_words(ctx, n) for n in before]
        if any(not (a & b) for a in words for b in words):
            continue  # two armed groups named: which one is not said
        target = max(before, key=lambda n: max(m[0] for m in n.mentions if m[0] < first))
        target.mentions.extend(g.mentions)
        gather.order.remove(g)


#: the armed members a body has ("its fighters", "their gunmen"): the body acting
MEMBERS = words("armed_members")


def resolve_members(ctx: Context, gather: Gathering) -> None:
    """Fold "its fighters" or "their militants" into the organisation named before them in the sentence ("The
    Patani Liberation Front said its fighters had carried out the attack"), which has armed members: a rebel group
    unless its sector says otherwise."""
    toks = ctx.toks
    for g in list(gather.order):
        u = g.unit
        if u.kind != "group" or u.entry is not None:
            continue
        _members_of(ctx, g)
        if len(g.mentions) != 1:
            continue
        s, e, _k = g.mentions[0]
        if e - s != 1 or toks[s].text.lower() not in MEMBERS or s == 0 or toks[s - 1].text.lower() not in ("its", "their"):
            continue
        named = [(m[0], n) for n in gather.order if n is not g and (n.unit.kind == "organisation" or n.unit.entry is not None
                                                                   and n.unit.kind == "group")
                 for m in n.mentions if m[2] in ("name", "acronym") and m[0] < s and toks[m[0]].sent == toks[s].sent]
        if not named:
            continue
        # "The Front, a faction that broke away from the Ansar Brigades, said its fighters ...": a body named inside
        # what is said of another is not whose fighters they are
        outer = [(m, n) for m, n in named if not _told_of_another(ctx, m, [x for x, o in named if o is not n])]
        owner = max(outer or named, key=lambda x: x[0])[1]
        owner.mentions.append((s, e, "title"))
        if owner.unit.sector is None:
            owner.unit.sector = "REB"
        gather.order.remove(g)


#: the relations that tell something of a noun: an apposition, a relative or participle clause, a prepositional phrase
_TELLING = frozenset({"appos", "relcl", "acl"})


def _told_of_another(ctx: Context, at: int, others: list[int]) -> bool:
    """Is the name at token ``at`` inside an apposition or a clause that tells of one of the names at ``others``
    ("the Front, an armed faction that split from the Brigades": the Brigades are told of the Front)?"""
    toks = ctx.toks
    t = toks[at]
    for _ in range(12):
        if t.head == t.i:
            return False
        if t.dep in _TELLING and any(toks[o].sent == t.sent and _same_phrase(ctx, o, t.head) for o in others):
            return True
        t = toks[t.head]
    return False


def _same_phrase(ctx: Context, a: int, b: int) -> bool:
    """Is token ``b`` the head of the noun phrase ``a`` is in (or ``a`` itself)?"""
    t = ctx.toks[a]
    for _ in range(4):
        if t.i == b:
            return True
        if t.dep not in ("compound", "amod", "det", "nmod", "flat", "poss") or t.head == t.i:
            return False
        t = ctx.toks[t.head]
    return t.i == b


def _members_of(ctx: Context, g: Group) -> None:
    """"Fighters of the SVLF attacked the base", where the tagger took no name in "SVLF" and cut the group's
    mention at "Fighters": the mention runs on over "of the" and the body's proper name, so that the group is
    known by it as "Fighters of the Tana Valley Front" is (the store's keys read the name: ``records``).  Only
    armed members (``MEMBERS``) of a body the tagger did not name, never of a place ("fighters of Somalia"); the
    group stays a group (its country's armed sector is a key too)."""
    toks = ctx.toks
    for n, (s, e, k) in enumerate(g.mentions):
        if e - s != 1 or toks[s].text.lower() not in MEMBERS or s + 2 >= len(toks) or toks[s + 1].text.lower() != "of":
            continue
        ns = s + 3 if toks[s + 2].text.lower() == "the" else s + 2
        end = ns
        while end < len(toks) and toks[end].sent == toks[s].sent and _name_word(toks[end]):
            end += 1
        if end > ns and not any(ctx.unit_of.get(i) is not None for i in range(ns, end)):  # no name, no place
            g.mentions[n] = (s, end, k)
            if g.unit.name == ctx.text(s, e):
                g.unit.name, g.unit.te = ctx.text(s, end), end


def _name_word(t: Token) -> bool:
    """A word of a body's proper name: a proper noun, a hyphen, or letters in capitals the tagger took for a common
    noun ("TRLA")."""
    return t.tag in ("NNP", "NNPS") or t.text == "-" or (t.text.isupper() and t.text.isalpha() and len(t.text) > 1)
