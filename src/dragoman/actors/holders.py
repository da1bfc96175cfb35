"""Plural titles told of people the article names: "the ministers", "the two leaders", "the foreign ministers of
Arvania and Belmark".

A news report names the people of a meeting once with their titles ("Arvanian Foreign Minister Ona Dale and her
Belmarkian counterpart Piet Vos") and then speaks of them as "the ministers" or "the two ministers"; or it opens on
"the foreign ministers of Arvania and Belmark" and names them in the next paragraph.  Such a plural title is those
people, not a group of its own: an event of "the ministers" is an event of Dale and Vos, and merges with another
outlet's report that names them.
"""

from __future__ import annotations

from dragoman.actors.context import Context, Group

#: how many sentences back a bare plural title ("the ministers") looks for the people it stands for
HOLDER_WINDOW = 4
#: words before a plural title that make it the definite set of people told of before
_DEFINITE = frozenset({"the", "both", "two"})
#: words before it that count a set other than the one named ("three ministers", "all ministers", "other ministers")
_OTHER_SETS = frozenset({"three", "four", "five", "several", "many", "some", "all", "other", "most", "few", "their",
                         "its", "his", "her", "our", "your", "these", "those", "fellow", "former", "junior", "deputy"})


def resolve_holders(ctx: Context, order: list[Group]) -> None:
    """Each plural title of people that stands for people the article names with that title becomes a mention of
    them, and no actor of its own: with a country ("the foreign ministers of Arvania and ...", split per country by
    the group step), the only person of the article holding such an office for that country, named before or after;
    with none ("the ministers", "the two leaders"), the people holding it named in the sentences just before (two at
    least; with "two", the last two)."""
    toks = ctx.toks
    for g in list(order):
        u = g.unit
        head = u.head if u.head >= 0 else _title_above(ctx, u.ts)
        if u.kind != "group" or not u.plural or not u.role_cls or u.entry is not None or u.owned \
                or head is None or not _title_of_people(ctx, head):
            continue
        words = _determiners(ctx, head)
        if not words & _DEFINITE or words & _OTHER_SETS:
            continue
        classes = set(u.role_cls.split(","))
        people = [p for p in order if p.unit.kind == "person" and p.mentions and _holds(p, classes)]
        if u.country is not None:
            people = [p for p in people if p.unit.country == u.country]
            if len(people) != 1:
                continue
        else:
            sent = toks[u.ts].sent
            last = {id(p): max((m[0] for m in p.mentions if m[0] < u.ts), default=-1) for p in people}
            people = sorted((p for p in people if last[id(p)] >= 0 and sent - toks[last[id(p)]].sent <= HOLDER_WINDOW),
                            key=lambda p: last[id(p)])
            if "two" in words:
                people = people[-2:]
            if len(people) < 2:
                continue
        for p in people:
            p.mentions.extend(g.mentions)
        order.remove(g)


def _title_above(ctx: Context, i: int) -> int | None:
    """The title a country's word at ``i`` is the owner of, in a phrase the group step split per country ("the
    foreign ministers of Arvania and Belmark", "Arvanian and Belmarkian ministers"): up through "of", "and" and
    modifiers to the first noun that is a title of people."""
    toks = ctx.toks
    for _ in range(5):
        t = toks[i]
        if t.head == i or t.dep not in ("pobj", "prep", "conj", "cc", "amod", "compound", "poss", "nmod"):
            return None
        i = t.head
        if toks[i].pos == "NOUN" and _title_of_people(ctx, i):
            return i
    return None


def _determiners(ctx: Context, head: int) -> set[str]:
    """The words that determine the plural title at ``head`` ("the", "both", "two", "other", "their"), with those
    of a possessive before it ("the two countries' ministers": the, two)."""
    toks = ctx.toks
    kids = [k for k in ctx.children[head] if toks[k].dep in ("det", "predet", "nummod", "amod", "poss")]
    kids += [k for p in kids if toks[p].dep == "poss" for k in ctx.children[p] if toks[k].dep in ("det", "nummod")]
    return {toks[k].text.lower() for k in kids}


def _holds(p: Group, classes: set[str]) -> bool:
    """Does the person hold an office of one of ``classes``?  "her counterpart X" holds the office of whoever she
    is the counterpart of."""
    own = set((p.unit.role_cls or "").split(",")) - {""}
    return bool(own & classes) or "counterpart" in own


def _title_of_people(ctx: Context, head: int) -> bool:
    """Is the head word of a plural phrase the plural of a person's title ("ministers", "leaders"), not of a
    body's or a crowd's ("police", "protesters")?"""
    if head < 0:
        return False
    role = ctx.lex.role(ctx.toks[head].lemma.lower())
    return role is not None and role.kind == "person"
