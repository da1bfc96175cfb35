"""Pronouns inside one article: which actor "he", "she", "they", "it", "we" and "I" stand for.

A pronoun refers to the actor of its kind named nearest before it, in its own or the ``PRONOUN_WINDOW`` previous
sentences; a subject pronoun outside quotation marks that has none there, to the last one named before it (a
subject first) — which also makes the speaker of "he said" (the quotes stage takes it from here).  Called by
:func:`dragoman.actors.coref.build` once names, surnames, acronyms and titles are gathered.
"""

from __future__ import annotations

import bisect

from dragoman.actors.context import Context, Group
from dragoman.actors.vocabulary import words
from dragoman.text.marks import find_marked

#: what "they" may refer to
PLURAL_REFERENTS = frozenset({"organisation", "group", "actor", "government", "country", "code"})
#: unit kinds "it" may stand for ("It blamed Iranian forces": the ministry named last)
BODY_REFERENTS = frozenset({"organisation", "actor", "government", "country", "code", "group"})
#: a pronoun looks this many sentences back for its person
PRONOUN_WINDOW = 2


def _role_in_sentence(toks, i: int) -> str:
    """The grammatical role of the phrase whose token ``i`` is part of: walk up compounds,
    appositions, flat names and prepositional modifiers to the phrase head."""
    seen = 0
    t = toks[i]
    while t.dep in ("compound", "flat", "appos", "amod", "poss", "pobj", "prep", "nmod", "case", "nummod", "det",
                    "quantmod", "predet") and seen < 6:  # ("Three unions": the phrase's first word a number)
        if t.head == t.i:
            break
        t = toks[t.head]
        seen += 1
    return t.dep


#: prepositions of where something happens ("rallied outside the ministry")
_VENUE_PREPS = frozenset({"outside", "at", "near", "inside", "beside", "behind"})


def _venue(toks, i: int) -> bool:
    """Is the phrase of token ``i`` only where something happened ("outside the farm ministry")?"""
    t = toks[i]
    for _ in range(4):
        if t.dep == "pobj":
            return toks[t.head].lemma.lower() in _VENUE_PREPS
        if t.dep not in ("compound", "amod", "det", "poss", "flat") or t.head == t.i:
            return False
        t = toks[t.head]
    return False


def _salient(cands: list) -> Group | None:
    """Centering: among the persons of the latest sentence that has one, prefer the subject — the speaker's ('"Y's
    budget is a sham," X said': X), then the highest clause's ("X said she would vote for it because Y had rewritten
    it" keeps X) — then a named person over a bare title, then the nearest."""
    last_sent = max(c[0] for c in cands)
    best = None
    best_key = None
    for n, (sent, role, g, *rest) in enumerate(cands):
        if sent != last_sent:
            continue
        speaks = len(rest) > 1 and rest[1]  # the subject of "said" after a quote outranks the quote's subject
        key = (role in ("nsubj", "nsubjpass"), speaks, -(rest[0] if rest else 0), g.unit.kind == "person", n)
        if best_key is None or key > best_key:
            best, best_key = g, key
    return best


def _clause_depth(toks, i: int) -> int:
    """How deep the clause that holds token ``i``'s phrase is nested (0: the main clause)."""
    t = toks[i]
    for _ in range(8):  # up to the verb the phrase depends on
        if t.pos in ("VERB", "AUX") or t.head == t.i:
            break
        t = toks[t.head]
    depth = 0
    while t.head != t.i and depth < 12:
        t = toks[t.head]
        depth += 1
    return depth


#: plural nouns of people that may be no actor of their own ("the others", "the two men")
_PEOPLE = frozenset({"people", "man", "men", "woman", "women", "other", "one", "member", "child", "family", "person"})
#: words that tell a person's or a role's gender ("Mr", "Queen", "spokeswoman"), and the pronouns that do
_MALE = frozenset({"mr", "mr.", "he", "him", "his", "himself", "king", "prince", "lord", "sir", "man", "boy", "father",
                   "son", "brother", "husband", "spokesman", "chairman", "policeman", "congressman", "businessman"})
_FEMALE = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "she", "her", "hers", "herself", "queen", "princess", "lady",
                     "dame", "woman", "girl", "mother", "daughter", "sister", "wife", "spokeswoman", "chairwoman",
                     "policewoman", "congresswoman", "businesswoman", "actress"})


def _gender(ctx: Context, g: Group) -> str | None:
    """"m" or "f" when the actor's mentions (titles, role words, pronouns already resolved to it) say so."""
    toks = ctx.toks
    seen: set[str] = set()
    for s, e, _ in g.mentions:
        for i in range(max(0, s - 1), e):  # the word before a name may be its title ("Mrs Holt")
            w = toks[i].text.lower()
            if i < s and w not in ("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss"):
                continue
            if w in _MALE:
                seen.add("m")
            elif w in _FEMALE:
                seen.add("f")
    return next(iter(seen)) if len(seen) == 1 else None


#: speaker pronouns that stand for one person ("I said"; "we" stands for a group)
_SINGULAR_SPEAKERS = frozenset({"i", "me", "my", "myself"})


def _named_before(ctx: Context, named: list[tuple[int, int, Group]], persons: bool,
                  quoted: list[tuple[int, int]], singular: bool = False) -> Group | None:
    """The actor a far pronoun subject stands for: among the mentions ``named`` (in text order, before it),
    not inside the ``quoted`` spans, of a person for "he", "she", "I", of any other actor for "they",
    "we" (of one that is no plural group for "it": "a crowd that police put at 4,000 as it marched" is no
    police): the last one that is the subject of its sentence, failing that the last one."""
    toks = ctx.toks
    best: Group | None = None
    best_subject: Group | None = None
    for s, e, g in named:
        if (g.unit.kind == "person") != persons or _inside(quoted, toks[s].start) \
                or singular and (g.unit.person_role or _plural_mention(toks, s, e)):
            continue
        best = g
        if any(toks[i].dep in ("nsubj", "nsubjpass") or toks[i].dep in ("compound", "flat")
               and toks[toks[i].head].dep in ("nsubj", "nsubjpass") for i in range(s, e)):
            best_subject = g
    return best_subject or best


#: nouns that take a plural verb though they have no plural form ("police say")
_PLURAL_NOUNS = frozenset(("police", "people", "cattle", "clergy", "personnel"))


def _plural_mention(toks, s: int, e: int) -> bool:
    """Is the mention at ``s:e`` plural ("police", "the protesters"; not "the army")?"""
    last = toks[e - 1]
    return last.tag in ("NNS", "NNPS") or last.text.lower() in _PLURAL_NOUNS


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(a <= offset < b for a, b in spans)


def resolve_pronouns(ctx: Context, order: list[Group], covered: set[int]) -> None:
    """Pronouns → actors: "he"/"she" to the nearest person named before, "they" to the nearest group,
    organisation or country, "I"/"we" to the speaker (the subject of the reporting verb of the sentence,
    else the last actor reported as saying something); a subject pronoun outside quotation marks that
    none of these resolves, to the last actor of its kind named before it (:func:`_named_before`)."""
    toks = ctx.toks
    kinds = ctx.lex.pronouns
    if not order or not any(t.text.lower() in kinds for t in toks):
        return
    at, firsts, named = _mentioned(order)
    starts = [i for i, _ in firsts]
    named_starts = [s for s, _, _ in named]
    # the spans between quotation marks: a pronoun there is the speaker's, a name there is not who speaks
    quoted = [(m.start, m.end) for m in find_marked(ctx.article.text)]
    # of them, the quoted sentences (not a quoted phrase, nor the words between two quotes a stray mark paired)
    spoken = [(s, e) for s, e in quoted if ctx.article.text[s:e].lstrip()[:1].isupper()]
    verbs = ctx.lex.reporting_verbs
    last_speaker: Group | None = None
    for t in toks:
        low = t.text.lower()
        kind = kinds.get(low)
        if t.dep in ("nsubj", "nsubjpass") and toks[t.head].lemma.lower() in verbs and t.i in at:
            last_speaker = at[t.i]
        if kind is None or t.i in covered or ctx.in_chrome(t.start, t.end):
            continue
        target: Group | None = None
        lo = bisect.bisect_left(starts, t.i)
        window = [(i, g) for i, g in firsts[max(0, lo - 40):lo] if t.sent - toks[i].sent <= PRONOUN_WINDOW]
        gender = "m" if low in _MALE else "f" if low in _FEMALE else None
        if kind == "person":
            # '... Dunn replied: "He has gone now"': within a quote "he" is not the one quoted (who says "I")
            # and rather one talked about than another speaker ("Y said Z should quit. X said: 'He has gone'": Z)
            voice = _sentence_speaker(ctx, at, t.sent, t.i) if _inside(spoken, t.start) else None
            told = [(i, g) for i, g in window if g is not voice]
            if voice is not None and any(not _speaks(ctx, i) for i, _ in told):
                told = [(i, g) for i, g in told if not _speaks(ctx, i)]
            target = _person_referent(ctx, t, told, at, quoted, gender, voice is None)
        elif (kind in ("body", "plural") and t.dep == "dobj" and not _inside(quoted, t.start)
              and (target := _governing_object(ctx, t, at, plural=kind == "plural")) is not None):
            pass  # "quit the party, calling it a joke", "accusing them of ...": the object of the participle's act
        elif kind == "body":
            # "It blamed Iranian forces for the launch": "it" as the subject of an act stands for the organisation,
            # government or country named last (not "it is", "it rained": see ``_impersonal``)
            if t.dep not in ("nsubj", "poss") or t.dep == "nsubj" and _impersonal(ctx, t) or _inside(quoted, t.start):
                continue
            # ("The army said its jets had bombed ...": "its" only for a body its own sentence was about)
            target = _body_referent(ctx, t, [(i, g) for i, g in window if t.dep != "poss" or toks[i].sent == t.sent], at)
        elif kind == "plural":
            plural = [(i, g) for i, g in window if g.unit.kind != "person" and not g.unit.person_role
                      and (g.unit.plural or g.unit.kind in PLURAL_REFERENTS) and not _interviewer(ctx, i, g)]
            target = _speaker_of_clause(ctx, t.i, at, plural=True, gender=None)
            if target is None and _uncoded_speakers(ctx, t.i, at):
                continue  # "dockers have said they want higher pay": the dockers, whom no actor stands for
            target = target or _plural_referent(ctx, t, plural, at)
        elif kind == "addressee":
            if not _inside(spoken, t.start) or t.dep == "nsubj" and toks[t.head].lemma.lower() in verbs:
                continue  # ("you have told lies": not a report of what the one told says)
            target = _addressee(ctx, at, t.i)
        else:  # speaker
            target = _sentence_speaker(ctx, at, t.sent, t.i) or last_speaker
        if target is None and t.dep in ("nsubj", "nsubjpass") and not _inside(quoted, t.start):
            # a subject pronoun of the narrative ("he said") farther from its name than the window: the
            # last actor of its kind named before it (not inside a quote), one named as a subject first
            persons = kind == "person" or kind == "speaker" and low in _SINGULAR_SPEAKERS
            target = _named_before(ctx, named[: bisect.bisect_left(named_starts, t.i)], persons, quoted, kind == "body")
            if kind == "body" and target is not None and _thing_subject_before(ctx, t.i, at, -1):
                target = None  # "said the barge was unsafe and that it broke the rules": the barge
        if target is not None:
            target.mentions.append((t.i, t.i + 1, "pronoun"))
            covered.add(t.i)
            # a resolved pronoun carries its actor on: "he" two sentences later may refer back to it
            pos = bisect.bisect_left(starts, t.i)
            starts.insert(pos, t.i)
            firsts.insert(pos, (t.i, target))
            at.setdefault(t.i, target)


def _person_referent(ctx: Context, t, window: list[tuple[int, Group]], at: dict[int, Group],
                     quoted: list[tuple[int, int]], gender: str | None, reported: bool = True) -> Group | None:
    """The person "he" or "she" at ``t`` stands for: the speaker of the clause it is the subject of (where
    ``reported``: not in a quoted sentence, whose speaker says "I"), else the most salient person of its kind named in
    ``window`` — not someone named inside the quote or the reported clause when it says who speaks ("..., she said"),
    not the judge of its own judgement ("X praised his handling"), not its clause's subject."""
    toks = ctx.toks
    says = t.dep in ("nsubj", "nsubjpass") and toks[t.head].lemma.lower() in ctx.lex.reporting_verbs \
        and not _inside(quoted, t.start)
    told: set[int] = set()
    if says:  # "These are the figures Mr Hale must explain, he said": not Mr Hale
        rep = t.head
        told = {j for c in ctx.children[rep] if toks[c].dep in ("ccomp", "parataxis") for j in ctx.subtree(c)}
        if toks[rep].dep == "parataxis":  # (the parser hung "he said" on the reported clause)
            told |= set(ctx.subtree(toks[rep].head)) - set(ctx.subtree(rep))
    prev = [(i, g) for i, g in window
            if (g.unit.kind == "person" or g.unit.person_role and not g.unit.plural)
            and _gender(ctx, g) in (None, gender) and not (says and (_inside(quoted, toks[i].start) or i in told))]
    target = _speaker_of_clause(ctx, t.i, at, plural=False, gender=gender) if reported else None
    judge = _judge(ctx, t.i, at)
    if judge is not None:  # "X praised his handling of ...": someone other than X
        prev = [(i, g) for i, g in prev if g is not judge]
    doer = _clause_subject(ctx, t.i, at)
    if doer is not None:  # "Garza congratulated her": not Garza (a reflexive would say so)
        prev = [(i, g) for i, g in prev if g is not doer]
    if target is None and prev:
        target = _salient([(toks[i].sent, _role_in_sentence(toks, i), g, _clause_depth(toks, i), _speaks(ctx, i))
                           for i, g in prev])
    return target


def _speaks(ctx: Context, i: int) -> bool:
    """Is token ``i`` in the subject of a reporting verb ("..., the Tory leader said")?"""
    toks = ctx.toks
    t = toks[i]
    for _ in range(6):
        if t.dep not in ("compound", "flat", "appos", "amod", "poss", "nmod", "case") or t.head == t.i:
            break
        t = toks[t.head]
    return t.dep in ("nsubj", "nsubjpass") and toks[t.head].lemma.lower() in ctx.lex.reporting_verbs


def _mentioned(order: list[Group]) -> tuple[dict[int, Group], list[tuple[int, Group]], list[tuple[int, int, Group]]]:
    """Where the groups are named (not described): the group at each token, each naming's first token with its
    group, and each naming's span with its group, in the order of the text."""
    at: dict[int, Group] = {}
    for g in order:
        for s, e, k in g.mentions:
            if k != "descriptive":
                for i in range(s, e):
                    at.setdefault(i, g)
    firsts = sorted(((s, g) for g in order for s, e, k in g.mentions if k != "descriptive"), key=lambda x: x[0])
    named = sorted(((s, e, g) for g in order for s, e, k in g.mentions if k != "descriptive"), key=lambda x: x[0])
    return at, firsts, named


def _governing_object(ctx: Context, t, at: dict[int, Group], plural: bool) -> Group | None:
    """The body (``plural``: the group or body) the object pronoun ``t`` of a participle stands for: the object of
    the verb the participle hangs on ("quit the party, calling it a joke"); ``None`` for any other pronoun."""
    toks = ctx.toks
    v = toks[t.head]
    if v.tag != "VBG" or v.dep != "advcl" or v.head == v.i:
        return None
    for o in ctx.children[v.head]:
        g = at.get(o) if toks[o].dep == "dobj" else None
        if g is None or g.unit.person_role:
            continue
        if plural and g.unit.kind in PLURAL_REFERENTS or not plural and g.unit.kind in BODY_REFERENTS and not g.unit.plural:
            return g
    return None


def _body_referent(ctx: Context, t, window: list[tuple[int, Group]], at: dict[int, Group]) -> Group | None:
    """The organisation, government or country "it" at ``t`` stands for: the most salient one named in ``window``
    as a subject ("it" carries on what a sentence was about, not what it mentioned), unless a thing was the
    subject of a clause since."""
    toks = ctx.toks
    bodies = [(i, g) for i, g in window if g.unit.kind in BODY_REFERENTS and not g.unit.plural
              and not g.unit.person_role and _role_in_sentence(toks, i) in ("nsubj", "nsubjpass")]
    if not bodies or _thing_subject_before(ctx, t.i, at, max(i for i, _ in bodies)):
        return None
    return _salient([(toks[i].sent, _role_in_sentence(toks, i), g, _clause_depth(toks, i)) for i, g in bodies])


def _sentence_speaker(ctx: Context, at: dict[int, Group], sent: int, exclude: int) -> Group | None:
    """The actor the subject of a reporting verb of sentence ``sent`` names (other than the token ``exclude``),
    its name set beside a title included ("the opposition leader, Ana Radic, said")."""
    toks = ctx.toks
    v = exclude
    for _ in range(8):  # the reporting verb the pronoun's clause hangs from first: "X denied it, and Y said: 'I ...'" is Y
        if toks[v].head == v:
            break
        v = toks[v].head
        if toks[v].lemma.lower() in ctx.lex.reporting_verbs:
            subj = next((c for c in ctx.children[v] if toks[c].dep == "nsubj" and c in at), None)
            if subj is not None:
                return at[subj]
    s = ctx.article.sentences[sent]
    for i in range(s.tok_start, s.tok_end):
        t = toks[i]
        if t.dep in ("nsubj", "nsubjpass") and i != exclude and toks[t.head].lemma.lower() in ctx.lex.reporting_verbs:
            named = [i] + [c for c in ctx.children[i] if toks[c].dep == "appos"]
            got = next((at[j] for j in named if j in at), None)
            if got is not None:
                return got
    return None


#: the verbs whose object is whom a quote is said to ("told Ms Lane: 'you ...'")
_TELLING = frozenset({"tell", "warn", "ask", "assure", "remind", "urge"})


def _addressee(ctx: Context, at: dict[int, Group], i: int) -> Group | None:
    """Whom the quoted "you" at ``i`` is said to: the one person a verb of telling in its sentence names as its object
    ("He told Ms Lane: 'It is sad that you ...'"); ``None`` when it is told to no one named, or to a body or an
    outlet ("told the BBC: 'you have to ...'": anyone)."""
    toks = ctx.toks
    s = ctx.article.sentences[toks[i].sent]
    for v in range(s.tok_start, s.tok_end):
        if toks[v].lemma.lower() not in _TELLING or toks[v].pos != "VERB":
            continue
        told = [at[c] for c in ctx.children[v] if toks[c].dep in ("dobj", "dative") and c in at and not i <= c]
        if len(told) == 1 and told[0].unit.kind == "person":
            return told[0]
    return None


def _reporting_subject(ctx: Context, i: int, at: dict[int, Group]) -> tuple[int, Group] | None:
    """For the subject pronoun at ``i`` of a clause a reporting verb reports ("X said he would resign"), the
    reporting verb's subject token and the actor it names; None when there is none."""
    subj = _reporter(ctx, i)
    if subj is None or subj not in at:
        return None
    return subj, at[subj]


def _reporter(ctx: Context, i: int) -> int | None:
    """For the subject pronoun at ``i`` of a clause a reporting verb reports, the reporting verb's subject token (told
    before the pronoun); None when there is none."""
    toks = ctx.toks
    t = toks[i]
    if t.dep not in ("nsubj", "nsubjpass"):
        return None
    v = toks[t.head]
    for _ in range(4):  # up through conjoined verbs to the reported clause
        if v.dep != "conj" or v.head == v.i:
            break
        v = toks[v.head]
    if v.dep != "ccomp" or v.head == v.i or toks[v.head].lemma.lower() not in ctx.lex.reporting_verbs:
        return None
    subj = next((c for c in ctx.children[v.head] if toks[c].dep == "nsubj"), None)
    return subj if subj is not None and subj < i else None


def _uncoded_speakers(ctx: Context, i: int, at: dict[int, Group]) -> bool:
    """Is the "they" at ``i`` the subject of what people no actor stands for are reported to say ("nurses have said
    they will strike"): they are those people, not a country or body named nearby?"""
    subj = _reporter(ctx, i)
    return subj is not None and subj not in at and ctx.toks[subj].tag == "NNS"


def _thing_subject_before(ctx: Context, i: int, at: dict[int, Group], after: int) -> bool:
    """Is there, between token ``after`` and the pronoun at ``i`` in its sentence, the subject of a clause that is a
    singular thing, no actor ("said the vessel was unsafe and that it met all regulations": "it" is the vessel)?"""
    toks = ctx.toks
    first = max(after + 1, ctx.article.sentences[toks[i].sent].tok_start)
    verbs = ctx.lex.reporting_verbs
    return any(toks[k].dep in ("nsubj", "nsubjpass") and toks[k].tag == "NN" and k not in at
               and toks[toks[k].head].lemma.lower() not in verbs for k in range(first, i))  # (a speaker is no thing)


def _impersonal(ctx: Context, t) -> bool:
    """Is the subject "it" at ``t`` no one: of a verb that says how things are ("it is", "it seems", "it rained"),
    or of a passive, or one whose "that" clause or infinitive is the real subject ("it emerged that ...")?"""
    verb = ctx.toks[t.head]
    return verb.pos not in ("VERB",) or verb.lemma.lower() in ctx.lex.impersonal_verbs or any(
        c.dep in ("auxpass",) for c in (ctx.toks[k] for k in range(max(0, verb.i - 4), verb.i) if ctx.toks[k].head == verb.i))


def _clause_subject(ctx: Context, i: int, at: dict[int, Group]) -> Group | None:
    """For an object pronoun ("congratulated her", "spoke to him"), the actor the subject of its own verb names:
    a pronoun that is not reflexive is never its own clause's subject; None for any other pronoun."""
    toks = ctx.toks
    t = toks[i]
    if t.dep == "pobj" and t.head != i and toks[t.head].dep in ("prep", "dative"):
        verb = toks[t.head].head
    elif t.dep in ("dobj", "dative"):
        verb = t.head
    else:
        return None
    if toks[verb].pos not in ("VERB", "AUX"):
        return None
    subj = next((k for k in range(max(0, verb - 30), verb) if toks[k].head == verb and toks[k].dep == "nsubj"), None)
    return at.get(subj) if subj is not None else None


#: verbs whose object is whom something is said to ("told BBC News: ..."; words.yaml)
_TELLING = words("telling_verbs")


def _interviewer(ctx: Context, i: int, g: Group) -> bool:
    """Is the mention at ``i`` a news outlet something is said to ("He told BBC News: '... they ...'"): whom an
    interview is given, not what the words said to it are about?"""
    t = ctx.toks[i]
    while t.dep in ("compound", "flat") and t.head != t.i:
        t = ctx.toks[t.head]
    head = t.head if t.dep in ("dobj", "dative") else ctx.toks[t.head].head if t.dep == "pobj" \
        and ctx.toks[t.head].lemma.lower() == "to" else None
    return g.unit.sector == "JRN" and head is not None and ctx.toks[head].lemma.lower() in _TELLING


def _plural_referent(ctx: Context, t, plural: list[tuple[int, Group]], at: dict[int, Group]) -> Group | None:
    """What "they" stands for: in its own sentence, the nearest group, organisation or country named
    before it; else, in the latest sentence that names one, the subject of the highest clause ("The union
    said France had broken its word. They will strike ...": the union), a group or organisation before a country, then
    the nearest."""
    toks = ctx.toks
    if not plural:
        return None
    if t.dep not in ("nsubj", "nsubjpass", "poss"):
        # an object "them" is a plural group's ("arrested them"), not a singular body's, and not when a
        # plural thing comes between ("praised the reforms after the Senate approved them": the reforms)
        plural = [(i, g) for i, g in plural if g.unit.plural]
        if not plural or _thing_between(ctx, plural[-1][0], t.i, at):
            return None
    if t.dep == "nsubj" and t.i > 0 and toks[t.head].lemma.lower() in ctx.lex.reporting_verbs \
            and toks[t.head].i > t.i and any(toks[i].sent == t.sent and i < t.i for i, _ in plural) \
            and _ends_report(toks, t):
        # '"..., before CSOs," they argued': the speakers of a report that ends the sentence are not named in what
        # they said; the latest sentence before names them
        plural = [(i, g) for i, g in plural if toks[i].sent != t.sent]
        if not plural:
            return None
    same = [(i, g) for i, g in plural if toks[i].sent == t.sent]
    if same:
        # "beekeepers rallied outside the ministry to protest against what they called unfair rules": not a body named
        # only as where something happened, when another is named
        actors = [g for i, g in same if not _venue(toks, i)]
        return actors[-1] if actors else same[-1][1]
    last = max(toks[i].sent for i, _ in plural)
    best, best_key = None, None
    for n, (i, g) in enumerate(plural):
        if toks[i].sent != last:
            continue
        key = (_role_in_sentence(toks, i) in ("nsubj", "nsubjpass"), -_clause_depth(toks, i),
               g.unit.kind not in ("country", "code"), n)
        if best_key is None or key > best_key:
            best, best_key = g, key
    return best


def _ends_report(toks, t) -> bool:
    """Is the pronoun ``t`` the subject of a reporting clause set after what was said ("..., they argued in the
    study."): a comma (or a closing quote) just before it, and the verb its head."""
    return t.i >= 1 and toks[t.i - 1].text in (",", "\"", "”", "'") and toks[t.head].dep in ("ROOT", "parataxis")


def _judge(ctx: Context, i: int, at: dict[int, Group]) -> Group | None:
    """For a possessive pronoun in the object of a verb of judging ("X praised his handling", "criticised
    her record"), the verb's subject (X), whom it does not stand for."""
    toks = ctx.toks
    t = toks[i]
    if t.dep != "poss" or t.head == i:
        return None
    obj = toks[t.head]
    if obj.i in at or obj.lemma.lower() in _PEOPLE:
        return None  # "endorsed his rival", "thanked his wife": a person of his own
    if obj.dep == "pobj" and obj.head != obj.i and toks[obj.head].dep == "prep":
        obj = toks[obj.head]  # "paid tribute to his record"
    if obj.dep not in ("dobj", "prep") or obj.head == obj.i:
        return None
    v = toks[obj.head]
    if v.lemma.lower() not in words("judging_verbs"):
        return None
    for _ in range(4):
        subj = next((c for c in ctx.children[v.i] if toks[c].dep == "nsubj"), None)
        if subj is not None:
            return at.get(subj)
        if v.dep not in ("conj", "xcomp") or v.head == v.i:
            return None
        v = toks[v.head]
    return None


def _thing_between(ctx: Context, a: int, b: int, at: dict[int, Group]) -> bool:
    """Is there a plural common noun that names no actor between tokens ``a`` and ``b`` ("the plans"),
    which an object "them" more likely stands for?"""
    toks = ctx.toks
    return any(toks[j].tag == "NNS" and toks[j].dep in ("dobj", "pobj", "nsubj", "nsubjpass") and j not in at
               and toks[j].lemma.lower() not in _PEOPLE for j in range(a + 1, b))


def _speaker_of_clause(ctx: Context, i: int, at: dict[int, Group], plural: bool, gender: str | None) -> Group | None:
    """"X said he would resign", "X said they would appeal": a subject pronoun of what a reporting verb
    reports stands for the speaker, when the speaker is of its kind (a person for "he" and "she", a group,
    organisation or country for "they")."""
    said = _reporting_subject(ctx, i, at)
    if said is None:
        return None
    g = said[1]
    person = g.unit.kind == "person" or g.unit.person_role and not g.unit.plural
    if plural:
        return g if not person and (g.unit.plural or g.unit.kind in PLURAL_REFERENTS) else None
    return g if person and _gender(ctx, g) in (None, gender) else None


#: the roles in which "the two" stands alone for two people named before ("the two held talks", "talks between the two")
_PAIR_ROLES = frozenset({"nsubj", "nsubjpass", "pobj", "dobj", "conj"})


def resolve_pairs(ctx: Context, order: list[Group], covered: set[int]) -> None:
    """"... met Omar Desh in Kaldora, and the two signed a memorandum": "the two" (or "the pair") standing alone (no
    noun after it) refers to the two people named last before it, in its own or the previous sentence — both, or
    neither when fewer than two are named there."""
    toks = ctx.toks
    pairs = [t for t in toks if t.text.lower() in ("two", "pair") and t.dep in _PAIR_ROLES and t.i not in covered
             and any(toks[d].lemma.lower() == "the" for d in ctx.children[t.i] if toks[d].dep == "det")
             and not any(toks[d].dep == "prep" for d in ctx.children[t.i])]  # (not "the pair of envoys")
    if not pairs:
        return
    named = sorted(((s, g) for g in order if g.unit.kind == "person" for s, e, k in g.mentions if k != "descriptive"),
                   key=lambda x: x[0])
    starts = [s for s, _ in named]
    quoted = [(m.start, m.end) for m in find_marked(ctx.article.text)]
    for t in pairs:
        if _inside(quoted, t.start) or ctx.in_chrome(t.start, t.end):
            continue
        people: list[Group] = []
        for i, g in reversed(named[: bisect.bisect_left(starts, t.i)]):
            if t.sent - toks[i].sent > 1:
                break
            if all(g is not p for p in people):
                people.append(g)
            if len(people) == 2:
                break
        if len(people) == 2:
            for g in people:
                g.mentions.append((t.i, t.i + 1, "pronoun"))
            covered.add(t.i)

