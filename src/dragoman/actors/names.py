"""Step 1 of actor resolution: names — lexicon hits and spaCy's named entities, with the NER's known
mistakes corrected (platforms taken for people, a bare surname for a place, chrome for an organisation)."""

from __future__ import annotations

from dragoman.actors.context import RANKS, Context, Unit

# ---------------------------------------------------------------------------------------------
# step 1: names
# ---------------------------------------------------------------------------------------------


#: what a user-dictionary name is, by spaCy's entity label
USER_KINDS = {"PERSON": "person", "GPE": "country", "LOC": "country", "NORP": "demonym"}


def _part_of_a_name(ctx: Context, start: int, end: int) -> bool:
    """Is the word at ``start:end`` part of a longer person's name here or anywhere in the article?"""
    word = ctx.article.text[start:end]
    for ent in ctx.article.entities:
        if ent.label == "PERSON" and ent.end - ent.start > end - start:
            if (ent.start <= start and end <= ent.end) or word in ctx.article.text[ent.start:ent.end].split():
                return True
    return False


def _references(ctx: Context, lex_units: dict[int, Unit]) -> None:
    """"the bloc" after "the European Union", "the alliance" after NATO: a mention of the one organisation
    of the word's list (``references.tsv``) the article named before it."""
    refs = ctx.lex.references
    if not refs:
        return
    toks = ctx.toks
    named = sorted((u.ts, u.entry.org) for u in lex_units.values()
                   if u.entry is not None and u.entry.kind == "organisation" and u.entry.org)
    if not named:
        return
    taken = {i for u in lex_units.values() for i in range(u.ts, u.te)}
    for t in toks:
        if t.i in taken or t.i == 0 or t.pos not in ("NOUN", "PROPN"):
            continue
        codes = refs.get(t.text)  # as written: "Union" is the EU's, "union" a trade union
        if not codes or toks[t.i - 1].text.lower() != "the" or ctx.in_chrome(t.start, t.end):
            continue
        if any(toks[c].dep == "compound" and toks[c].head == t.i for c in range(max(0, t.i - 3), t.i)):
            continue  # "the opposition bloc" is not the EU
        before = {org for ts, org in named if ts < t.i and org in codes}
        if len(before) != 1:
            continue
        e = ctx.lex.org_entries.get(before.pop())
        if e is None:
            continue
        lex_units[t.i] = Unit(t.i, t.i + 1, "organisation", e.name, e.country, e.org, e.sector,
                              rule="lexicon:organisations:organisation+reference", entry=e)


def find_names(ctx: Context) -> list[Unit]:
    """Lexicon hits and (corrected) named entities, as non-overlapping units."""
    art, toks, lex = ctx.article, ctx.toks, ctx.lex
    lex_units: dict[int, Unit] = {}
    for m, entry in ctx.hit_entries():
        ts, te = ctx.tok_at_start[m.start], ctx.tok_at_end[m.end] + 1
        if entry.contextual and entry.country:
            named = ctx.named_countries()
            if entry.kind == "country":
                # an ambiguous country name ("Congo"): not where the article names the other country it may mean
                word = art.text[m.start:m.end]
                if any(iso != entry.country and word in cname for iso, cname in lex.country_names.items()
                       if iso in named):
                    continue
            elif named and entry.country not in named:
                continue  # "Congress" in a story about Peru: not the US Congress (the role word may code it)
        short_caps = m.end - m.start <= 3 and art.text[m.start:m.end].isupper()
        if (entry.kind == "code" or short_caps) and ctx.shouting(toks[ts].sent):
            continue  # an all-capitals headline: "IN", "US", "IS" are words there
        if entry.kind == "capital" and toks[ts].ent_type == "PERSON" and not any(
                e.tok_start == ts and e.tok_end == te for e in art.entities):
            continue  # part of a person's name ("Paris Hilton"); a capital spaCy alone calls a person stays
        if entry.kind == "person" and not (toks[ts].ent_type == "PERSON" or toks[ts].pos == "PROPN"):
            continue  # a leader's surname where spaCy sees no name
        if entry.kind in ("city", "region") and toks[ts].ent_type == "PERSON":
            # spaCy took the place for a person: it is the place only where a one-word city is what is acted
            # on ("shelling Kharkiv") and no longer person's name holds the word ("Jackson" after "Mary Jackson")
            if not (entry.kind == "city" and te - ts == 1 and toks[ts].dep in ("dobj", "pobj")) or _part_of_a_name(
                    ctx, m.start, m.end):
                continue
        elif entry.kind == "city" and toks[ts].ent_type not in ("GPE", "LOC", "FAC", "NORP"):
            continue  # a city name counts where spaCy also sees a place ("Mobile", "Of" are words)
        kind = entry.kind
        if kind == "actor":  # a user's entry: what it is, the NER says (a person gets surnames and pronouns)
            kind = USER_KINDS.get(toks[ts].ent_type, "actor")
        lex_units[ts] = Unit(ts, te, kind, entry.name if entry.kind != "person" else ctx.text(ts, te),
                             entry.country, entry.org, entry.sector, role=entry.role,
                             rule=f"lexicon:{entry.source}:{entry.kind}", entry=entry, plural=entry.plural)
    _references(ctx, lex_units)
    covered: dict[int, Unit] = {}
    for u in lex_units.values():
        for i in range(u.ts, u.te):
            covered[i] = u

    units: list[Unit] = []
    taken: set[int] = set()
    for ent in art.entities:
        if ent.label not in ("PERSON", "ORG", "NORP", "GPE", "FAC", "LOC"):
            continue
        if ctx.in_chrome(ent.start, ent.end):
            continue
        ts, te = ent.tok_start, ent.tok_end
        # trim a leading determiner and a trailing possessive
        while ts < te and (toks[ts].tag in ("DT", "POS") or toks[ts].text in ("’s", "'s")):
            ts += 1
        while te > ts and (toks[te - 1].tag == "POS" or toks[te - 1].text in ("’s", "'s", "’", "'")):
            te -= 1
        if te <= ts:
            continue
        text = ctx.text(ts, te)
        if text in lex.not_actors or (ent.label == "ORG" and toks[te - 1].text.lower() in lex.not_actor_heads):
            continue
        inner = [u for u in {id(covered[i]): covered[i] for i in range(ts, te) if i in covered}.values()]
        if inner:
            whole = len(inner) == 1 and inner[0].ts <= ts and inner[0].te >= te
            if whole or ent.label in ("NORP", "GPE", "LOC", "FAC"):
                continue  # the lexicon codes it
            known = next((u for u in inner if u.kind == "person" and u.te == te), None)
            if known is not None and known.entry is not None:
                # the whole name must be a form of the known person's name ("Jalil Abbas Khattak" is not "Abbas")
                allowed = set(known.entry.name.lower().split())
                roles_end = ts
                while roles_end < te - 1 and roles_end in ctx.role_at and ctx.role_at[roles_end][0] <= te - 1:
                    roles_end = ctx.role_at[roles_end][0]
                words = [toks[i].text.lower() for i in range(roles_end, te)]
                first = known.entry.name.lower().split()[0]
                if not (all(w in allowed or w in known.name.lower().split() for w in words) or words[0] == first):
                    known = None  # (a middle name may differ: "Omar Hassan al-Bashir" is "Omar al-Bashir")
            if ent.label == "PERSON" and known is not None:
                # a known person inside a longer name ("President Omar al-Bashir"): the entity, coded by the lexicon
                for u in inner:
                    u.used = True
                while ts < te - 1 and ts in ctx.role_at and ctx.role_at[ts][0] <= te - 1:
                    ts = ctx.role_at[ts][0]
                pu = Unit(ts, te, "person", ctx.text(ts, te), known.country, known.org, known.sector,
                          role=known.entry.role if known.entry else None, rule=known.rule, entry=known.entry,
                          label="PERSON")
                units.append(pu)
                taken.update(range(ts, te))
                continue
            if ent.label == "PERSON":
                for u in inner:
                    if u.kind == "person":
                        u.used = True  # a known name's word inside someone else's name
                inner = [u for u in inner if u.kind != "person"]
            if ent.label == "PERSON" and inner:
                # "Pakistan's Envoy", "NATO chief Jens": the lexicon part is a modifier, not the name
                last = max(u.te for u in inner)
                while last < te and (toks[last].tag == "POS" or not toks[last].text[:1].isupper()):
                    last += 1
                if te - last < 1 or not any(toks[i].pos == "PROPN" for i in range(last, te)):
                    continue
                ts = last
            elif ent.label != "PERSON":  # an organisation whose name holds a country or a smaller organisation
                for u in inner:
                    u.used = True
                    u.merged_into = None
        # strip role words at the start of a person's name ("Ambassador Ruth Okonjo")
        if ent.label == "PERSON":
            while ts < te - 1 and ts in ctx.role_at and ctx.role_at[ts][0] <= te - 1:
                ts = ctx.role_at[ts][0]
            while ts < te - 1 and toks[ts].text.lower().rstrip(".") in {r.rstrip(".") for r in RANKS}:
                ts += 1
            if te - ts == 1 and toks[ts].pos != "PROPN":
                continue
            if te - ts == 1 and ctx.title_case(toks[ts].sent) and ctx.used_as_word(ts):
                continue  # "Hold" in "Armenia, Azerbaijan Hold Peace Talks": a verb the story uses
        kind = {"PERSON": "person", "ORG": "organisation"}.get(ent.label, "unknown")
        if ent.label in ("GPE", "LOC", "FAC"):
            kind = "place"
        elif ent.label == "NORP":
            kind = "nationality"
        u = Unit(ts, te, kind, ctx.text(ts, te), rule=f"ner:{ent.label}", label=ent.label)
        units.append(u)
        taken.update(range(ts, te))
    for u in lex_units.values():
        if not u.used and not any(i in taken for i in range(u.ts, u.te)):
            units.append(u)
    units.sort(key=lambda u: u.ts)
    for u in units:
        for i in range(u.ts, u.te):
            ctx.unit_of[i] = u
    # lexicon hits swallowed by an organisation name stay available to code it
    ctx.inner = {i: u for i, u in covered.items() if u.used}
    return units

