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
MEMBERS = frozenset(("fighters", "militants", "gunmen", "militiamen", "combatants"))
#: resolver unit kinds of places: "fighters of Somalia" are no body's
PLACE_KINDS = frozenset(("country", "code", "demonym", "capital", "city", "region", "place"))


def resolve_members(ctx: Context, gather: Gathering) -> None:
    """Fold "its fighters" or "their militants" into the organisation named before them in the sentence ("The
    Patani Liberation Front said its fighters had carried out the attack"), which has armed members: a rebel group
    unless its sector says otherwise."""
    toks = ctx.toks
    for g in list(gather.order):
        u = g.unit
        if u.kind != "group" or u.entry is not None or len(g.mentions) != 1:
            continue
        s, e, _k = g.mentions[0]
        if _members_of(ctx, g, gather):
            continue
        if e - s != 1 or toks[s].text.lower() not in MEMBERS or s == 0 or toks[s - 1].text.lower() not in ("its", "their"):
            continue
        named = [(m[0], n) for n in gather.order if n is not g and (n.unit.kind == "organisation" or n.unit.entry is not None
                                                                   and n.unit.kind == "group")
                 for m in n.mentions if m[2] in ("name", "acronym") and m[0] < s and toks[m[0]].sent == toks[s].sent]
        if not named:
            continue
        owner = max(named, key=lambda x: x[0])[1]
        owner.mentions.append((s, e, "title"))
        if owner.unit.sector is None:
            owner.unit.sector = "REB"
        gather.order.remove(g)


def _members_of(ctx: Context, g: Group, gather: Gathering) -> bool:
    """"Fighters of the KRLF attacked the base": the armed members of a body named by its proper name (one the
    lexicons do not know) act for it: the group becomes that organisation (an armed group unless its sector says
    otherwise), or joins it when the article names it elsewhere in those words.  Done?"""
    toks = ctx.toks
    u = g.unit
    s, e, _k = g.mentions[0]
    if u.org is not None or toks[s].text.lower() not in MEMBERS or e - s < 3 or toks[s + 1].text.lower() != "of":
        return False
    ns = s + 3 if toks[s + 2].text.lower() == "the" else s + 2
    if ns >= e or not all(toks[i].tag in ("NNP", "NNPS") or toks[i].text == "-" for i in range(ns, e)) or any(
            (p := ctx.unit_of.get(i)) is not None and p.kind in PLACE_KINDS for i in range(ns, e)):
        return False  # (not "fighters of Somalia": of a place)
    name = ctx.text(ns, e)
    same = [n for n in gather.order if n is not g and n.unit.kind == "organisation" and n.unit.name == name]
    if same:
        same[0].mentions.append((s, e, "title"))
        same[0].unit.sector = same[0].unit.sector or "REB"
        gather.order.remove(g)
        return True
    u.kind, u.name, u.sector, u.plural = "organisation", name, u.sector or "REB", False
    g.mentions[0] = (ns, e, "name")
    g.mentions.append((s, e, "title"))
    return True
