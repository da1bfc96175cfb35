"""An unknown organisation's coding from its own name: "the Iraqi Interior Ministry" (its words), "the Union of
Northern Fighters" (an armed group's words), "the Home Office" (a government body's head word), "the Bar
Association of Sri Lanka" (a civil body's)."""

from __future__ import annotations

from dragoman.actors.context import Context, Unit, name_head
from dragoman.actors.titles import apply, code_phrase
from dragoman.actors.vocabulary import words

GOVERNMENT_HEADS = words("government_heads")
CIVIL_HEADS = words("civil_heads")
LABOUR_WORDS = words("labour_words")
ROMANCE_CIVIL_HEADS = words("romance_civil_heads")
ROMANCE_LABOUR_HEADS = words("romance_labour_heads")
ARMED_NAME_WORDS = words("armed_name_words")
#: the nouns an armed group's people are named by ("fighters", "gunmen", "militants")
ARMED_HEADS = words("armed_heads")


def code_body(ctx: Context, u: Unit) -> None:
    """Code an organisation no lexicon knows (nor its country) from the words of its name."""
    c = code_phrase(ctx, u.ts, u.te, for_person=False, body=True)
    if c.country or c.sector:
        apply(u, c, "name-words")
    if u.kind == "organisation" and _armed_name(ctx, u):
        u.sector = "REB"  # "the Union of Northern Fighters": an armed group, whatever its head word says
        u.rule += "+armed-name"
    elif u.kind == "organisation" and u.sector in (None, "SOC") and _armed_members_of(ctx, u):
        u.sector = "REB"  # "fighters of the Mouvement pour la Paix": a body whose members are fighters is an armed group
        u.rule += "+armed-members"
    elif not u.sector and u.kind == "organisation" and name_head(ctx.text(u.ts, u.te)).lower() in GOVERNMENT_HEADS:
        # "the Home Office", "the National Audit Office", "the Directorate for Priority Crime Investigation": a
        # government body
        u.sector = "GOV"
        u.rule += "+government-head"
    elif u.kind == "organisation" and not u.sector and u.te - u.ts >= 3 and ctx.toks[u.ts].text[:1].isupper() \
            and ctx.toks[u.ts].text.lower() in ROMANCE_CIVIL_HEADS | ROMANCE_LABOUR_HEADS:
        # "the Coordinadora Nacional de Regantes del Sur", "the Sindicato Unido de Fleteros": a name whose
        # head opens it, in Spanish, Portuguese or French
        u.sector = "LAB" if ctx.toks[u.ts].text.lower() in ROMANCE_LABOUR_HEADS else "SOC"
        u.rule += "+civil-head"
    elif u.kind == "organisation" and u.te - u.ts >= 2 and _civil_head(ctx, u) and (
            not u.sector or u.rule.endswith("name-words") and u.sector in ("MIL", "LAB") and not _labour(ctx, u)):
        u.sector = "SOC"  # "the Bar Association of Sri Lanka", "the American Civil Liberties Union"
        u.rule += "+civil-head"


def _armed_name(ctx: Context, u: Unit) -> bool:
    """Does an organisation's name say it is an armed group ("the Union of Djugu Fighters", "the Patani Armed
    Front"; not "the Armed Forces of Liberia", a state's)?"""
    ws = {ctx.toks[i].text.lower() for i in range(u.ts, u.te)}
    if ctx.toks[u.ts].text.lower() in ("armada", "armée", "armee"):
        return False  # "Armada de Chile", "Armée nationale": a state's navy or army (the word after a noun: armed)
    return bool(ws & ARMED_NAME_WORDS) and not ws & {"forces", "force", "services", "service", "fuerzas", "forças",
                                                      "forcas", "fuerza", "força", "forca"}


def _armed_members_of(ctx: Context, u: Unit) -> bool:
    """Is the organisation's name set after armed members and "of the" or "from the" ("fighters of the ...")?"""
    toks = ctx.toks
    j = u.ts - 1 if u.ts > 0 and toks[u.ts - 1].text.lower() == "the" else u.ts
    return j >= 2 and toks[j - 1].text.lower() in ("of", "from") and toks[j - 2].text.lower() in ARMED_HEADS


def _civil_head(ctx: Context, u: Unit) -> bool:
    """Is the name's head word (the last before "of": "the Bar Association of Sri Lanka") a civil body's?"""
    words = [ctx.toks[i].text.lower() for i in range(u.ts, u.te)]
    head = words[:words.index("of")] if "of" in words[1:] else words
    return bool(head) and head[-1] in CIVIL_HEADS and ctx.toks[u.ts].text[:1].isupper()


def _labour(ctx: Context, u: Unit) -> bool:
    """Does a union's name say it is workers' ("Transport Workers Union", "National Union of Teachers")?"""
    return any(ctx.toks[i].lemma.lower() in LABOUR_WORDS for i in range(u.ts, u.te))
