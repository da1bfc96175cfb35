"""Epithets: a person told again by the common noun the article described them with.

"Tom Hale, a retired surgeon, ... Lind accused the retired surgeon of lying", "the pop singer Marco Velez ...
prosecutors accused the singer of hiding income": a definite noun phrase ("the surgeon", "the retired surgeon")
whose head is the noun an apposition to a person's name, or a common noun written before it, described that person
with is that person, when the article described no one else with that noun before it.  Offices and roles
("the minister", "the judge") are titles, resolved apart (``coref._gather_titles``); this is for what the lexicons
do not know as a role: an occupation, a kinship, an age ("the 34-year-old").

Likewise "his client", said by a lawyer, is whom the lawyer acts for, where the sentence says so ("Moreau's lawyer, Ana
Ruiz, said her client denies ...", "Ana Ruiz, who represents Moreau, said her client ...": ``resolve_clients``).
"""

from __future__ import annotations

from dragoman.actors.context import Context, Group
from dragoman.actors.vocabulary import words

#: what a noun phrase telling which one it is carries: "the surgeon who ...", "the band's singer" (not a prepositional
#: phrase, which the parser hangs on the noun from the verb: "accused the surgeon of lying")
_SAYS_WHICH = frozenset({"poss", "relcl", "acl", "appos", "compound", "nummod"})


def _words_of(ctx: Context, i: int) -> set[str]:
    """The lower-case words of the noun phrase headed at ``i`` (its modifiers, not its clauses)."""
    toks = ctx.toks
    out, stack = set(), [i]
    while stack:
        k = stack.pop()
        out.add(toks[k].lemma.lower())
        stack.extend(c for c in ctx.children[k] if toks[c].dep in ("amod", "compound", "nmod", "advmod", "npadvmod"))
    return out


def _described(ctx: Context, order: list[Group]) -> list[tuple[int, str, Group]]:
    """Where each person was described with a common noun, the noun and the person: the head of an apposition
    to their name ("Tom Hale, a retired surgeon"), or a lower-case noun written before it ("the pop singer Marco
    Velez")."""
    toks = ctx.toks
    told: list[tuple[int, str, Group]] = []
    generic = words("epithet_generic")
    for g in order:
        if g.unit.kind != "person":
            continue
        for s, e, kind in g.mentions:
            if kind != "name":
                continue
            nouns = [c for i in range(s, e) for c in ctx.children[i] if toks[c].dep == "appos" and not s <= c < e]
            # "the pop singer Marco Velez": the parser makes the name the apposition of the noun
            nouns += [toks[i].head for i in range(s, e) if toks[i].dep == "appos" and not s <= toks[i].head < e]
            j = s - 1
            while j >= 0 and toks[j].dep == "compound" and s <= toks[j].head < e:
                nouns.append(j)
                j -= 1
            told.extend((c, toks[c].lemma.lower(), g) for c in nouns
                        if toks[c].tag == "NN" and toks[c].text.islower() and toks[c].lemma.lower() not in generic)
    return told


def resolve_epithets(ctx: Context, order: list[Group], covered: set[int]) -> None:
    """Add to each person described with a common noun the later definite noun phrases with that noun as head,
    where no other person was described so before it (``_described``)."""
    told = _described(ctx, order)
    if not told:
        return
    toks = ctx.toks
    nouns = {lemma for _, lemma, _ in told}
    for t in toks:
        if t.i in covered or t.tag != "NN" or t.lemma.lower() not in nouns or ctx.in_chrome(t.start, t.end):
            continue
        kids = ctx.children[t.i]
        dets = [c for c in kids if toks[c].dep == "det"]
        if [toks[c].text.lower() for c in dets] != ["the"] or any(toks[c].dep in _SAYS_WHICH for c in kids):
            continue  # "a surgeon", "the surgeon who operated", "the band's singer": not (or not only) them
        # "the European weather agency" is not "JAXA, the Japanese space agency": no word the description lacks
        mods = {toks[c].lemma.lower() for c in kids if toks[c].dep == "amod"}
        people = {id(g): g for i, lemma, g in told if i < t.i and lemma == t.lemma.lower() and mods <= _words_of(ctx, i)}
        if len(people) != 1:
            continue  # two people described so, or none yet: which one is not said
        person = next(iter(people.values()))
        if any(s <= t.i < e for s, e, _ in person.mentions):
            continue  # the description itself
        person.mentions.append((dets[0], t.i + 1, "title"))
        covered.update(range(dets[0], t.i + 1))


#: the nouns of those who act for a client (words.yaml)
_COUNSEL = words("counsel_nouns")


def resolve_clients(ctx: Context, order: list[Group], covered: set[int]) -> None:
    """Add to the person a lawyer acts for, in the lawyer's sentence, "his client" or "her client" (the subject
    or object of what the lawyer says): the possessor of the lawyer's title ("Moreau's lawyer") or the object of
    "represents" in a clause about the lawyer."""
    toks = ctx.toks
    at = {i: g for g in order for s, e, _ in g.mentions for i in range(s, e)}
    for t in toks:
        if t.lemma.lower() != "client" or t.i in covered or t.tag != "NN":
            continue
        poss = [c for c in ctx.children[t.i] if toks[c].dep == "poss" and toks[c].tag == "PRP$"]
        if not poss:
            continue
        sent = ctx.sentence_range(t.i)
        owners = [c for k in sent if toks[k].lemma.lower() in _COUNSEL for c in ctx.children[k] if toks[c].dep == "poss"]
        owners += [c for k in sent if toks[k].lemma.lower() == "represent" and k < t.i for c in ctx.children[k]
                   if toks[c].dep == "dobj"]
        people = {id(g): g for c in owners if (g := at.get(c)) is not None and g.unit.kind == "person"}
        if len(people) == 1:
            person = next(iter(people.values()))
            person.mentions.append((poss[0], t.i + 1, "title"))
            covered.update(range(poss[0], t.i + 1))
