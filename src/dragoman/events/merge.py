"""One event told several times is one event.

Headline, lead, a quote and follow-ups ("that meeting", "the talks") restate the same event.  The
merge stage walks the events in text order and folds an event into an earlier one of the same type
when (a) it refers back ("that meeting": rule tagged ``@ref``), or (b) its participants are a subset
of the earlier one's (or the other way round) or share two actors, the auxiliary modes agree, neither is a plural/habitual
mention, the two sentences do not carry different time expressions, and they are not different stages of the law's
coercion (an arrest, a charge, a verdict, a sentence).  A toll told with no one doing it ("two were killed") is the attack told
beside it in its sentence, or else the last attack told before it.  The merged event keeps the
earlier id (deterministic), all evidence spans, and the union of participants.

A lead's event its headline retells, though the headline's parse coded nothing there, gets the headline as one more
evidence span (``_retold_in_headline``).

Afterwards, a request or rejection whose target is implicit and whose source is one of the two
parties of a negotiation told earlier is addressed to the other party (rule ``+target:counterpart``).
"""

from __future__ import annotations

from dataclasses import replace

from dragoman.model import Article, Event, Evidence, Token

_PLURAL_TAGS = ("NNS", "NNPS")


def _date_texts(article: Article) -> dict[int, frozenset[str]]:
    out: dict[int, set[str]] = {}
    for ent in article.entities:
        if ent.label in ("DATE", "TIME"):
            out.setdefault(ent.sent, set()).add(ent.text.lower().strip())
    return {k: frozenset(v) for k, v in out.items()}


def merge_events(article: Article) -> Article:
    events = _casualties(sorted(article.events, key=lambda e: (e.evidence[0].start, e.evidence[0].trigger[0])))
    if not events:
        return article
    dates = _date_texts(article)
    plural = _plural_triggers(article)
    kept: list[Event] = []
    for ev in events:
        target = None
        is_ref = bool(ev.rule and "@ref" in ev.rule)
        if ev.rule and ev.rule.endswith("@ref-latest"):
            # "this latest meeting": the article's own news, i.e. its first event of the type
            target = next((k for k in kept if k.type == ev.type), None)
            if target is not None:
                i = kept.index(target)
                kept[i] = _fold(target, ev)
                continue
        if _toll_told_again(kept, ev, dates):
            continue
        prev = kept[-1] if kept else None
        if (prev is not None and prev.type == ev.type and not _participants(ev) and not is_ref and prev.aux == ev.aux
                and ev.evidence[0].sent is not None and prev.evidence[-1].sent is not None
                and 0 <= ev.evidence[0].sent - prev.evidence[-1].sent <= 1):
            target = prev  # "Issues ... were discussed": the previous sentence's meeting, elaborated
        fallback = None
        for k in reversed(kept):
            if target is not None:
                break
            if k.type != ev.type:
                continue
            if is_ref and k.aux != ev.aux:
                # "Farmers rallied ... to protest against the cuts. The demonstration was called by X": the rally
                # held, not the purpose told with it (unless no other of the type was told)
                fallback = fallback or k
                continue
            if is_ref:
                target = k
                break
            if _same(article, k, ev, dates, plural) or _headline_told(article, k, ev):
                target = k
                break
        target = target or fallback
        if target is None:
            kept.append(ev)
            continue
        i = kept.index(target)
        kept[i] = _fold(target, ev)
    kept = [_counterpart(kept, e) for e in kept]
    return article.replace(events=tuple(_retold_in_headline(article, kept)))


def _casualties(events: list[Event]) -> list[Event]:
    """A toll told with no one doing it beside an attack in the same sentence is that attack ("Najjar was killed
    and 19 others were wounded when soldiers opened fire": one shooting, its victims the toll's): each such casualty
    (refine.yaml ``casualty_verbs``) folds into the sentence's first attack with an attacker, told with the same modes."""
    from dragoman.events.lexicon import load

    verbs = load().modes["casualty_verbs"]
    toll = [e for e in events if _is_toll(e)]
    if not toll:
        return events
    out = list(events)
    for c in toll:
        attack = next((a for a in out if a is not c and a.type == "ASSAULT" and a.sources and a.aux == c.aux
                       and _lemma(a) not in verbs and a.evidence[0].sent == c.evidence[0].sent), None)
        if attack is None:
            continue
        i = out.index(attack)
        out[i] = _fold(attack, c)
        out.remove(c)
    return out


def _toll_told_again(kept: list[Event], ev: Event, dates: dict[int, frozenset[str]]) -> bool:
    """Fold a toll with no one doing it into the last attack told before it (``kept``, changed in place)."""
    if not _is_toll(ev):
        return False
    k = next((x for x in reversed(kept) if x.type == "ASSAULT"), None)
    if k is None or k.aux != ev.aux or not k.sources or _dated_apart(k, ev, dates):
        return False
    kept[kept.index(k)] = _fold(k, ev)
    return True


def _is_toll(e: Event) -> bool:
    """Is ``e`` a toll told with no one doing it, told once ("two were killed": refine.yaml ``casualty_verbs``)?"""
    from dragoman.events.lexicon import load

    return e.type == "ASSAULT" and not e.sources and len(e.evidence) == 1 and _lemma(e) in load().modes["casualty_verbs"]


def _dated_apart(a: Event, b: Event, dates: dict[int, frozenset[str]]) -> bool:
    """Do the sentences of ``a`` and the first of ``b`` carry time expressions, none of them shared?"""
    da = set().union(*(dates.get(x.sent, frozenset()) for x in a.evidence if x.sent is not None))
    db = dates.get(b.evidence[0].sent, frozenset()) if b.evidence[0].sent is not None else frozenset()
    return bool(da and db and not (da & db))


def _plural_triggers(article: Article) -> set[int]:
    out = set()
    toks = article.tokens
    for t in toks:
        if t.tag in _PLURAL_TAGS and any(
            toks[c].head == t.i and toks[c].lemma.lower() in ("numerous", "several", "many", "various", "frequent", "regular", "multiple")
            for c in range(max(0, t.i - 4), t.i)
        ):
            out.add(t.start)
    return out


def _participants(e: Event) -> set[str]:
    return set(e.sources) | set(e.targets)


def _same(article: Article, a: Event, b: Event, dates: dict[int, frozenset[str]], plural: set[int]) -> bool:
    if a.aux != b.aux:
        return False
    pa, pb = _participants(a), _participants(b)
    if not pa or not pb or not (pa <= pb or pb <= pa or len(pa & pb) >= 2):
        return False
    if any(e.evidence[0].trigger[0] in plural for e in (a, b)):
        return False
    if not (a.reciprocal or b.reciprocal) and (set(a.sources) & set(b.targets) or set(a.targets) & set(b.sources)):
        return False  # roles switched: "Blair is urged to act" is not "Blair and Brown called for action"
    if _dated_apart(a, b, dates):
        return False
    return not (a.cameo and b.cameo and a.cameo[:2] != b.cameo[:2]) and not other_stages(a, b)


def _lemma(e: Event) -> str:
    """The trigger's lemma as the event's rule names it ("coerce/arrest#607" → "arrest")."""
    return rule_lemma(e.rule)


def rule_lemma(rule: str | None) -> str:
    """The trigger's lemma a rule names ("coerce/arrest#607+merged" → "arrest", "consult/meet#144" → "meet")."""
    return (rule or "").split("/", 1)[-1].split("#", 1)[0].split("+", 1)[0].split("<", 1)[0]


def other_stages(a: Event, b: Event) -> bool:
    """Are ``a`` and ``b`` different stages of the law's coercion (an arrest, a charge, a verdict, a sentence:
    refine.yaml ``arrest_stage``, ``charge_stage``, ``verdict_stage``, ``sentence_stage``), acts however alike their
    participants?"""
    from dragoman.events.lexicon import load

    modes = load().modes
    stages = [modes["arrest_stage"], modes["charge_stage"], modes["verdict_stage"], modes["sentence_stage"]]
    sa = next((k for k, st in enumerate(stages) if _lemma(a) in st), None)
    sb = next((k for k, st in enumerate(stages) if _lemma(b) in st), None)
    return sa is not None and sb is not None and sa != sb


def _headline_told(article: Article, a: Event, b: Event) -> bool:
    """Does the lead tell again the headline's event ("Police arrest 40 in dock raid" / "Portuguese police
    arrested 40 dock workers ..."): ``a`` in the title, ``b`` of the same kind in the two sentences after it,
    told with the same modes?  A headline's short names ("Police", "ICE") are the lead's full ones."""
    title = article.headline_span()
    if not title or a.aux != b.aux or not a.evidence or not b.evidence:
        return False
    if not title[0] <= a.evidence[0].start < title[1] or b.evidence[0].start < title[1]:
        return False
    first = next((s.i for s in article.sentences if s.start >= title[1]), None)
    if first is None or b.evidence[0].sent is None or b.evidence[0].sent > first + 1:
        return False
    # the roles not switched; however the two tell the act ("clash" / "fired tear gas"), CAMEO codes apart
    return bool(a.reciprocal or b.reciprocal or not (set(a.sources) & set(b.targets) or set(a.targets) & set(b.sources)))


_ENDINGS = ("", "s", "es", "d", "ed", "ing", "ings")
_PLAIN_VERBS = frozenset({"say", "tell", "take", "get", "go", "come", "be", "do", "use", "put", "set", "keep", "see"})


def _retold_in_headline(article: Article, events: list[Event]) -> list[Event]:
    """The headline tells again the lead's event though its parse coded nothing there, or something else
    ("Coastguard sanctions Verland trawlers" / "Mirovia's coastguard on Tuesday imposed sanctions on ..."; "Police
    fire tear gas at dock strikers" / "Police in Vell fired tear gas at ..."): an event of the two sentences after the
    title whose trigger's word (its noun where it has one: "sanctions", "gas") the headline writes, beside a
    participant the headline names, gets the headline as a sentence telling it, the word as its trigger."""
    title = article.headline_span()
    first = next((s.i for s in article.sentences if title and s.start >= title[1]), None)
    if title is None or first is None:
        return events
    heads = [s for s in article.sentences if title[0] <= s.start < title[1]]
    htoks = [t for s in heads for t in article.sentence_tokens(s)]
    taken = {(e.type, x.trigger) for e in events for x in e.evidence if x.start < title[1]}
    out = []
    for ev in events:
        ev_sent = ev.evidence[0].sent if ev.evidence else None
        if ev_sent is None or not first <= ev_sent <= first + 1 or ev.evidence[0].start < title[1]:
            out.append(ev)
            continue
        free = [t for t in htoks if (ev.type, (t.start, t.end)) not in taken]
        said = _trigger_words(article, ev)
        tok = next((t for w in said for t in free if _retells(t.text, w)), None) or next(
            (t for w in said for t in free if t.text.lower() in _headline_forms().get(w, ())), None)
        if tok is None or not _headline_names(article, ev, title, htoks):
            out.append(ev)
            continue
        taken.add((ev.type, (tok.start, tok.end)))
        sent = article.sentences[tok.sent]
        told = Evidence(start=sent.start, end=sent.end, trigger=(tok.start, tok.end), sent=sent.i)
        out.append(replace(ev, evidence=tuple(sorted(ev.evidence + (told,), key=lambda x: x.start))))
    return out


def _headline_forms() -> dict[str, frozenset[str]]:
    """The words headlines write for a lead's act, by the lead's trigger word (``headline_words``: "held" for
    "arrest")."""
    from dragoman.events.lexicon import load

    return {w[0]: frozenset(w[1:]) for line in load().modes["headline_words"] if (w := line.split())}


def _trigger_words(article: Article, ev: Event) -> list[str]:
    """The words of ``ev``'s trigger a headline would write, the best first: its nouns, the head last in the phrase
    first ("fired a water cannon": cannon, water), else its verb unless a light one ("held talks" is told by
    "talks", never by "holds"), then its adjective ("found guilty")."""
    from dragoman.events.lexicon import load

    lo, hi = ev.evidence[0].trigger
    toks = [t for t in article.tokens if lo <= t.start < hi]
    nouns = [t.lemma.lower() for t in reversed(toks) if t.pos == "NOUN"]
    if nouns:
        return nouns
    light = set(load().modes["light_verbs"]) | _PLAIN_VERBS
    # then its adjective: "found guilty" is told by "Councillors guilty of fraud"
    return [t.lemma.lower() for t in toks if t.pos == "VERB" and t.lemma.lower() not in light] + [
        t.lemma.lower() for t in toks if t.pos == "ADJ"]


def _retells(word: str, stem: str) -> bool:
    """Is ``word`` ``stem`` inflected ("fires", "stabbing", "banned")?"""
    w = word.lower()
    return len(stem) >= 3 and any(w in (stem + e, stem + stem[-1] + e) for e in _ENDINGS)


def _headline_names(article: Article, ev: Event, title: tuple[int, int], htoks: list[Token]) -> bool:
    """Does the headline name one of ``ev``'s participants — by a mention, by a word of its name, or by another
    actor of its country ("Vellish attack" for the lead's "Vellish forces")?"""
    parts = [a for a in map(article.actor, (*ev.sources, *ev.targets)) if a is not None]
    words = {t.text.lower() for t in htoks if t.text.isalpha() and len(t.text) > 2}
    countries = {a.country for a in parts if a.country}
    for a in article.actors:
        if any(title[0] <= m.start < title[1] for m in a.mentions) and (a in parts or a.country in countries):
            return True
    return any(w in words for a in parts for w in a.name.lower().split() if len(w) > 2 and w not in _NAME_FILLERS)


_NAME_FILLERS = frozenset({"the", "and", "for", "of", "people", "man", "woman", "men", "women", "some", "two", "three"})


def _fold(a: Event, b: Event) -> Event:
    sources = list(a.sources) + [s for s in b.sources if s not in a.sources and s not in a.targets]
    targets = list(a.targets) + [t for t in b.targets if t not in a.targets and t not in sources]
    evidence = tuple(sorted(a.evidence + tuple(x for x in b.evidence if x not in a.evidence), key=lambda x: x.start))
    rule = a.rule or ""
    if "+merged" not in rule:
        rule += "+merged"
    # the better-told version names the kind of event (a headline's "discuss" vs the lead's "phone talks")
    best = b if b.confidence > a.confidence and b.cameo else a
    return replace(
        a,
        cameo=best.cameo,
        score=best.score,
        contexts=best.contexts or a.contexts,
        sources=tuple(sources),
        targets=tuple(targets),
        reciprocal=a.reciprocal or b.reciprocal or (a.type == "CONSULT" and len(sources) > 1),
        evidence=evidence,
        confidence=max(a.confidence, b.confidence),
        mode=best.mode or a.mode or b.mode,
        rule=rule,
    )


def _counterpart(events: list[Event], e: Event) -> Event:
    if e.type not in ("REQUEST", "REJECT") or e.targets or len(e.sources) != 1:
        return e
    src = e.sources[0]
    for k in reversed([x for x in events if x.evidence[0].start < e.evidence[0].start]):
        if k.type == "CONSULT" and k.reciprocal:
            parties = _participants(k)
            if len(parties) == 2 and src in parties:
                other = next(iter(parties - {src}))
                return replace(e, targets=(other,), rule=(e.rule or "") + "+target:counterpart", confidence=round(e.confidence - 0.05, 3))
            break
    return e

