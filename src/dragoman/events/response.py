"""Response: whom a rejection answers, and whose act a judgement judges, when its own clause names no one.

"Y accused the ministry of hiding the figures. The minister rejected the charge": the charge is Y's, so
Y is the rejection's target (a careful coder codes the REJECT against the accuser).  A REJECT (or a
denial) with a source and no target, whose trigger takes a claim ("the charge", "the criticism", "the
claims"), a demand ("the call", "the ultimatum") or a clause ("denied that she had backed ..."), gets
as target the source of the nearest earlier event of the answered kind — an accusation for a claim or
a denial, a request or an offer for a demand — told in the same sentence or in the three before it, by
someone else; an accusation aimed at the rejecter is preferred to a nearer one that is not.  The
answered words are data (``answered_*`` in ``data/refine.yaml``).  A refusal that names no one ("the cabinet
refused") answers whoever asked the refuser, or a part of its government, for something (``refusals``); a retort
("hit back", "shot back") whoever attacked the retorter (``retorts``).

Likewise a judgement of an act or a measure that names no actor ("Amnesty condemned the plan", "called the
ruling \"usurpation\"", "welcomed the decision") is aimed at whoever the article said made it: where the same
noun was used first, in one of the five sentences before, as the object of a verb of making (``making_verbs``:
"EU leaders unveiled a plan ..."), the subject of that verb, when it names actors other than the judge
(``owners``); else, where it was told done, in the same sentence or the three before, by a verb the noun names
(``doings`` in ``data/refine.yaml``: "the court ruled ... welcomed the ruling", "troops raided ... condemned the
raid"), the subject of the nearest such verb; else the maker named with the word where the article first used it,
however long before ("a report by the audit office ... 'We welcome the report'"); else, for what a court gives
(``court_products``: "condemned the verdict"), the court or judge the article named last; failing all these, the
doers of the nearest earlier event the article coded whose trigger writes the noun's word, whatever the noun
("imposed sanctions ... rejected the sanctions").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

from dragoman.events.clauses import View
from dragoman.events.relevance import political_news
from dragoman.model import Actor, Event

#: what each kind of answered thing is coded as
_CLAIM_TYPES = ("ACCUSE", "THREATEN")
_DEMAND_TYPES = ("REQUEST", "AGREE", "THREATEN")
_WINDOW = 3  # sentences before the rejection
#: CAMEO codes of coercion that accuses: charges, indictments, investigations by the law
_CHARGES = frozenset({"173"})


def _answered(view: View, i: int, modes: Mapping[str, frozenset[str]]) -> tuple[str, ...]:
    """The event types the trigger at ``i`` answers: by its object ("rejected the charge"), or its clause
    ("denied that ..."); () when it answers nothing nameable."""
    if view.lemma(i) not in modes["answered_verbs"]:
        return ()
    objs = _answered_objects(view, i)
    if objs:
        obj = view.lemma(objs[0]).lower()
        if obj in modes["answered_claims"] or obj in _SAID or obj in modes["answered_offences"]:
            return _CLAIM_TYPES
        if obj in modes["answered_demands"]:
            return _DEMAND_TYPES
        return ()
    if view.lemma(i) in ("deny", "plead"):
        return _CLAIM_TYPES  # "denied that she had backed ...", "pleaded not guilty" ("denied wrongdoing" has an object)
    return ()


#: what stands for something said before: "which the party denies", "rejected it"
_SAID = frozenset({"which", "it", "this", "that"})


def _answered_objects(view: View, i: int) -> list[int]:
    """What the rejection at ``i`` rejects: its object, or the noun its participle describes ("a claim denied by
    the minister")."""
    objs = view.kids(i, "dobj")
    t = view.toks[i]
    if not objs and t.dep == "acl" and t.tag == "VBN" and t.head != i:
        return [t.head]
    return objs


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
        # "a claim denied by the minister": the trigger's verb is its last word
        i = max((j for j in range(i, bisect_right(view.starts, ev.evidence[0].trigger[1] - 1))
                 if view.lemma(j) in modes["answered_verbs"]), default=i)
        wanted = _answered(view, i, modes)
        if not wanted:
            continue
        s = ev.evidence[0].sent
        mine = set(ev.sources)
        if _pleads(view, i, modes) and (who := _last_named(view, ev.evidence[0].trigger[0], mine, modes["prosecution_words"])):
            # "pleaded not guilty", "denied murder": a defendant answers the prosecution, not the court or the jury
            out[n] = replace(ev, targets=tuple(who), rule=f"{ev.rule}+answers-prosecution")
            continue
        prior = [p for p in out[:n] if p.type in wanted and p.sources and p.evidence and p.evidence[0].sent is not None
                 and s - _WINDOW <= p.evidence[0].sent <= s and p.evidence[0].trigger[0] < ev.evidence[0].trigger[0]
                 and not mine & set(p.sources)]
        if not prior:
            # "Prosecutors charged the governor with fraud in May. ... The governor has denied wrongdoing": an
            # accusation or a charge aimed at the rejecter, told anywhere before
            prior = [p for p in out[:n] if p.type in (*wanted, "COERCE") and p.sources and mine & set(p.targets)
                     and not mine & set(p.sources) and p.evidence and p.evidence[0].trigger[0] < ev.evidence[0].trigger[0]
                     and (p.type != "COERCE" or p.cameo in _CHARGES)]
        if not prior:
            # only a denial of a claim named as such ("rejected the assessment"), not of a clause ("denied having ...")
            named = [o for o in _answered_objects(view, i) if view.lemma(o).lower() in modes["answered_claims"] | _SAID]
            who = _claimant(view, i, s, mine, modes["claim_verbs"]) if named else []
            if who:
                out[n] = replace(ev, targets=tuple(who[:1]), rule=f"{ev.rule}+answers-speaker")
            continue
        if _said_before(view, i) and not any(p.evidence[0].sent == s for p in prior) \
                and (who := _claimant(view, i, s, mine, modes["claim_verbs"])):
            # "X said the plans would cost nine billion, which the Greens deny": what was just said, not an
            # accusation told earlier
            out[n] = replace(ev, targets=tuple(who[:1]), rule=f"{ev.rule}+answers-speaker")
            continue
        aimed = [p for p in prior if mine & set(p.targets)]
        chosen = (aimed or prior)[-1]
        out[n] = replace(ev, targets=tuple(chosen.sources), rule=f"{ev.rule}+answers")
    return out


#: rules of refusals: one says no to what someone asked
_REFUSALS = ("reject/refuse", "reject/refusal-of-an-act", "reject/ignore", "reject/defy", "reject/resist")
_REFUSAL_WINDOW = 8  # sentences before the refusal where the request aimed at the refuser may be told


def _kin(view: View, mine: set[str], asked: tuple[str, ...]) -> bool:
    """Whether the request aimed at ``asked`` was aimed at the refusers ``mine``: one of them, or, where both are a
    government's parts ("the president" asked, "the government" refuses), of one country."""
    if mine & set(asked):
        return True
    theirs, ours = _government_countries(view, asked), _government_countries(view, mine)
    return bool(theirs and ours) and (None in theirs | ours or bool(theirs & ours))


def _government_countries(view: View, ids: Iterable[str]) -> set[str | None]:
    """The countries (``None`` for one not known) of the actors of ``ids`` that are parts of a government."""
    return {a.country for x in ids if (a := view.article.actor(x)) is not None and a.sector == "GOV"}


def refusals(view: View, events: list[Event]) -> list[Event]:
    """``events`` with the targets of refusals that name no one filled in with whoever asked the refuser for
    something: "The unions asked the cabinet to withdraw the decree. ... The cabinet refused", "... said the ministry
    would not reopen the inquiry": the source of the nearest earlier request
    aimed at one of the refusers, in the same sentence or the ``_REFUSAL_WINDOW`` before it."""
    out = list(events)
    for n, ev in enumerate(out):
        rule = ev.rule or ""
        if ev.type != "REJECT" or ev.targets or not ev.sources or not ev.evidence or ev.evidence[0].sent is None \
                or not (rule.startswith(_REFUSALS) or "+refusal" in rule):
            continue
        mine, s, at = set(ev.sources), ev.evidence[0].sent, ev.evidence[0].trigger[0]
        asked = [p for p in out[:n] if p.type == "REQUEST" and p.sources and _kin(view, mine, p.targets)
                 and not mine & set(p.sources) and p.evidence and p.evidence[0].sent is not None
                 and s - _REFUSAL_WINDOW <= p.evidence[0].sent <= s and p.evidence[0].trigger[0] < at]
        if asked:
            out[n] = replace(ev, targets=tuple(asked[-1].sources), rule=f"{rule}+refuses")
    return out


#: rules of retorts: one hits back at whoever attacked
_RETORTS = ("accuse/hit-back", "accuse/shoot-back")


def retorts(events: list[Event]) -> list[Event]:
    """``events`` with the targets of retorts that name no one ("the governor hit back", "shot back in a statement")
    filled in with whoever attacked the retorter: the source of the nearest earlier accusation aimed at one of them,
    anywhere before; else of the nearest earlier accusation, by someone else, in its sentence or the ``_WINDOW``
    before it."""
    out = list(events)
    for n, ev in enumerate(out):
        if ev.type != "ACCUSE" or ev.targets or not ev.sources or not (ev.rule or "").startswith(_RETORTS) \
                or not ev.evidence or ev.evidence[0].sent is None:
            continue
        mine, s, at = set(ev.sources), ev.evidence[0].sent, ev.evidence[0].trigger[0]
        before = [p for p in out[:n] if p.type == "ACCUSE" and p.sources and not mine & set(p.sources) and p.evidence
                  and p.evidence[0].sent is not None and p.evidence[0].trigger[0] < at]
        aimed = [p for p in before if mine & set(p.targets)]
        near = [p for p in before if s - _WINDOW <= (p.evidence[0].sent or 0) <= s]
        if aimed or near:
            out[n] = replace(ev, targets=tuple((aimed or near)[-1].sources), rule=f"{ev.rule}+retorts")
    return out


def _said_before(view: View, i: int) -> bool:
    """Is what the rejection at ``i`` rejects a word standing for what was said just before it ("which the Greens
    deny", "denied it")?"""
    objs = _answered_objects(view, i)
    return bool(objs) and view.lemma(objs[0]).lower() in _SAID


def _claimant(view: View, i: int, sent: int, mine: set[str], verbs: frozenset[str]) -> list[str]:
    """Who made the claim the denial at ``i`` answers, where no accusation was coded: the subject of the nearest
    earlier verb of claiming ("Ms Lind said the ministry had hidden the figures ... The ministry denied it"),
    in the same sentence or the ``_WINDOW`` before it, naming actors other than the denier."""
    return _nearest_doer(view, i, sent, mine, verbs, passive_agents=False)


def _pleads(view: View, i: int, modes: Mapping[str, frozenset[str]]) -> bool:
    """Whether the rejection at ``i`` is a defendant's answer to a charge: a plea ("pleaded not guilty"), or a denial
    of an offence ("denied murder", "denies the charges")."""
    if view.lemma(i) == "plead":
        return True
    objs = _answered_objects(view, i)
    return view.lemma(i) == "deny" and bool(objs) and view.lemma(objs[0]).lower() in modes["answered_offences"] | {"charge"}


def _last_named(view: View, before: int, others: set[str], words: frozenset[str]) -> list[str]:
    """The actor, other than ``others``, whose name holds one of ``words`` ("prosecutors", "the prosecution") and who
    was mentioned last before character ``before``; [] when the article names none."""
    return _last_actor(view, before, others, lambda a: bool(words & set(a.name.lower().replace("'s", "").split())))


def _last_actor(view: View, before: int, others: set[str], keep: Callable[[Actor], bool]) -> list[str]:
    """The actor, other than ``others``, that ``keep`` accepts and the article mentioned last before character
    ``before``; [] when there is none."""
    best: tuple[int, str] | None = None
    for a in view.article.actors:
        if a.id in others or not keep(a):
            continue
        at = max((m.start for m in a.mentions if m.start < before), default=None)
        if at is not None and (best is None or at > best[0]):
            best = (at, a.id)
    return [best[1]] if best else []


#: event types whose object, an act or a measure, stands for the actor who did it
_JUDGING_TYPES = ("ACCUSE", "REJECT", "SUPPORT")
_OWNER_WINDOW = 5  # sentences before the judgement
_DOER_WINDOW = 3  # sentences before the judgement where the judged act may be told done


def _judged_noun(view: View, i: int, modes: Mapping[str, frozenset[str]]) -> int | None:
    """The act or measure the trigger at ``i`` judges: its object (or the object of the label verb it was
    found with), when the noun is one of the judged acts or texts."""
    objs = _judged_objects(view, i, ("oprd", "xcomp", "attr"))
    if not objs:
        return None
    o = objs[0]
    words = {view.lemma(o), view.toks[o].text.lower()}  # the lists write some plurals ("sanctions")
    if words & modes["judged_acts"] or words & modes["judged_texts"] and view.toks[o].pos == "NOUN":
        return o
    return None


def _judged_objects(view: View, i: int, cue_deps: tuple[str, ...]) -> list[int]:
    """What the trigger at ``i`` judges: its object, or, where the trigger is the cue of a label verb (its dependency
    one of ``cue_deps``), that verb's object ("called the ruling 'usurpation'": the cue, not the verb), or the object
    of the verb it governs ("refused to recognise the ruling")."""
    objs = view.kids(i, "dobj", "nsubjpass")
    if not objs and view.toks[i].dep in cue_deps and view.toks[i].head != i:
        objs = view.kids(view.toks[i].head, "dobj")
    if not objs:
        objs = [o for x in view.kids(i, "xcomp") for o in view.kids(x, "dobj")]  # "refused to recognise the ruling"
    return [view.antecedent(o) for o in objs]  # ("the law, which she called cruel": the law)


def _object_noun(view: View, i: int) -> int | None:
    """The noun the trigger at ``i`` judges, whatever it is: its object, or the object of the label verb it was
    found with ("described the arrest as ...")."""
    objs = _judged_objects(view, i, ("oprd", "xcomp", "attr", "prep"))
    return objs[0] if objs and view.toks[objs[0]].pos == "NOUN" else None


def _coded_doer(view: View, events: list[Event], n: int, noun: int, judges: set[str]) -> list[str]:
    """The doers of the act ``noun`` names where the article coded it before: the sources of the nearest earlier
    event whose trigger writes the noun's word, told by others than the judges ("the committee subpoenaed him ...
    the ministry called the subpoena a stunt", "Vellmark imposed sanctions ... Ruritania rejected the sanctions",
    "the alliance filed complaints ... the commission rejected the complaints", "police shot two men ... condemned
    the shooting"); [] when none was coded."""
    if not political_news(view.article):
        return []  # (in sport or business news the earlier "attack" or "complaints" are seldom anyone's politics)
    word = view.lemma(noun)
    at = events[n].evidence[0].trigger[0]
    own = set(re.split(r"[+#/]", (events[n].rule or "").split("<")[0]))  # "accuse/open+inquiry": the event's own
    if word in own or view.toks[noun].text.lower() in own or view.lemma(bisect_right(view.starts, at) - 1) in _OWN_ACTS:
        return []  # the act itself ("opened an inquiry"), or the judge's own ("denied murder")
    for p in reversed(events[:n]):
        if not p.sources or not p.evidence or p.evidence[0].trigger[0] >= at or judges & set(p.sources):
            continue
        lo, hi = p.evidence[0].trigger
        told = {view.lemma(j) for j in range(bisect_right(view.starts, lo) - 1, bisect_right(view.starts, hi - 1))}
        if any(word == w or (len(w) >= 4 and word.startswith(w) and word[len(w):] in _NOUN_ENDINGS) for w in told):
            return list(p.sources)
    return []


#: verbs whose object is the subject's own act, not another's: "denied murder", "admitted the killing"
_OWN_ACTS = frozenset({"deny", "admit", "confess", "acknowledge", "regret", "apologise", "apologize", "defend", "justify"})
#: how a noun of an act ends where its verb does not ("shooting" / "shoot", "killing" / "kill")
_NOUN_ENDINGS = frozenset({"ing", "ings"})


def _owner(view: View, noun: int, sent: int, judges: set[str], making: frozenset[str]) -> list[str]:
    """The actors who, in the sentences before ``sent``, made what ``noun`` names: where its word was used first,
    named with it ("a report by the audit office", "the watchdog's report"); else, at the nearest use of the word
    as the object of a verb of ``making``, that verb's subject (or the passive's agent) ("Mr Brown announced plans
    to merge agencies ... Unions oppose the plans"); [] when there are none."""
    uses = _uses(view, noun, max(0, sent - _OWNER_WINDOW), sent)
    if not uses:
        return []
    named = _named_with(view, uses[0])
    if named:
        return [x for x in named if x not in judges]
    for j in reversed(uses):
        verb = view.toks[j].head
        if view.toks[j].dep not in ("dobj", "nsubjpass") or view.lemma(verb) not in making:
            continue  # the word used as what is talked about ("the plans were criticised"), not as what was made
        subj, passive = view.subject(verb)
        doer = view.agent(verb) if passive else subj
        who = [x for x in view.phrase_actors(doer) if x not in judges] if doer is not None else []
        if who:
            return who
    return []


def _named_with(view: View, j: int) -> list[str]:
    """The actors named with the noun at ``j`` as its maker: "a report by the Tarrow audit office", "the watchdog's
    report", "the Hutton report"."""
    named = [a for c in view.children[j] if view.toks[c].dep in ("poss", "compound") for a in view.tok_actors.get(c, ())]
    named += [a for c in view.kids(j, "prep") if view.lemma(c) == "by" for o in view.kids(c, "pobj")
              for a in view.phrase_actors(o)]
    return list(dict.fromkeys(named))


def _first_maker(view: View, noun: int, sent: int, judges: set[str]) -> list[str]:
    """The actors named as the maker of what ``noun`` names where the article first used its word, however long
    before ``sent`` ("a report by the audit office ... [ten paragraphs on] ... 'We welcome the report'"), when no
    nearer use or doing tells whose it is; [] when that first use names no one other than the judges."""
    uses = _uses(view, noun, 0, sent)
    return [x for x in _named_with(view, uses[0]) if x not in judges] if uses else []


def _uses(view: View, noun: int, first: int, end: int) -> list[int]:
    """The nouns of the word ``noun`` writes in sentences ``first`` to ``end`` (not included), in text order."""
    lemma = view.lemma(noun)
    return [j for s in range(first, end) for j in range(view.article.sentences[s].tok_start, view.article.sentences[s].tok_end)
            if view.lemma(j) == lemma and view.toks[j].pos == "NOUN"]


def _doer(view: View, noun: int, sent: int, judges: set[str], doings: frozenset[str]) -> list[str]:
    """The actors who did what ``noun`` names, told by one of the verbs of ``doings`` in the sentences before
    ``sent`` or earlier in it ("the court ruled ... Rights groups welcomed the ruling"): the subject (or the
    passive's agent) of the nearest such verb that names actors other than the judges; [] when none does."""
    return _nearest_doer(view, noun, sent, judges, doings, passive_agents=True)


def _nearest_doer(view: View, before: int, sent: int, others: set[str], verbs: frozenset[str],
                  passive_agents: bool) -> list[str]:
    """The actors, other than ``others``, who are the subject of the nearest verb of ``verbs`` before token
    ``before``, in sentence ``sent`` or the ``_DOER_WINDOW`` before it (a passive verb's agent where
    ``passive_agents``, else a passive verb is passed over); [] when none is."""
    first = view.article.sentences[max(0, sent - _DOER_WINDOW)].tok_start
    for j in range(before - 1, first - 1, -1):
        if view.toks[j].pos != "VERB" or view.lemma(j) not in verbs:
            continue
        subj, passive = view.subject(j)
        if passive and not passive_agents:
            continue
        doer = view.agent(j) if passive else subj
        who = [x for x in view.phrase_actors(doer) if x not in others] if doer is not None else []
        if who:
            return who
    return []


def _last_doer(events: list[Event], n: int, sent: int, judges: set[str], decisions: frozenset[str]) -> list[str]:
    """The sources of the nearest event told as done before ``events[n]``, in its sentence or the
    ``_DOER_WINDOW`` before it, by others than the judges, of a type one decides (``decisions``): whose act "the
    decision" or "the move" is where nothing else names it; [] when there is none."""
    at = events[n].evidence[0].trigger[0]
    for p in reversed(events[:n]):
        if not p.sources or not p.evidence or p.evidence[0].sent is None or p.evidence[0].trigger[0] >= at:
            continue
        if p.evidence[0].sent < sent - _DOER_WINDOW:
            break
        if p.type.lower() not in decisions or judges & set(p.sources) or p.aux.negated or p.aux.hypothetical or p.aux.future:
            continue
        return list(p.sources)
    return []


def _last_court(view: View, events: list[Event], n: int, judges: set[str], modes: Mapping[str, frozenset[str]]) -> list[str]:
    """The court or judge (not the ``court_parties`` who argue before it: lawyers, prosecutors) whose verdict or
    ruling a judgement of "the verdict" (``events[n]``) judges, wherever the article told it: the last to act in an
    event coded before it, else the last the article named before it; [] when it names none."""
    def court(a: Actor | None) -> bool:
        return a is not None and (a.sector or "").lower() in modes["court_sectors"] \
            and not set(f"{a.role or ''} {a.name}".lower().split()) & modes["court_parties"]
    before = events[n].evidence[0].trigger[0]
    for p in reversed(events[:n]):
        if p.evidence and p.evidence[0].trigger[0] < before and not judges & set(p.sources) and p.sources \
                and all(court(view.article.actor(x)) for x in p.sources):
            return list(p.sources)
    return _last_actor(view, before, judges, court)


def owners(view: View, events: list[Event], modes: Mapping[str, frozenset[str]],
           doings: Mapping[str, frozenset[str]]) -> list[Event]:
    """``events`` with the targets of judgements of an earlier-told act filled in with that act's doers: whoever
    made what the judged noun names (``making_verbs``), else whoever did it (``doings``), else, for what is said
    (``said_things``: "the remark", "his comments"), whoever said something last (``claim_verbs``), for a court's
    product (``court_products``) the court that gave it, for an act coded before whoever did it, and for a decision
    or a move (``decided_things``) whoever last did something one decides."""
    out = list(events)
    for n, ev in enumerate(out):
        if ev.type not in _JUDGING_TYPES or ev.targets or not ev.sources or not ev.evidence or ev.evidence[0].sent is None:
            continue
        i = bisect_right(view.starts, ev.evidence[0].trigger[0]) - 1
        noun = _judged_noun(view, i, modes) if i >= 0 else None
        sent, judges = ev.evidence[0].sent, set(ev.sources)
        if noun is None:
            # an act the article coded before, however the lists miss its noun ("rejected the complaints")
            obj = _object_noun(view, i) if i >= 0 else None
            who = _coded_doer(view, out, n, obj, judges) if obj is not None and not view.kids(obj, "poss") else []
            if who:
                out[n] = replace(ev, targets=tuple(who[:1]), rule=f"{ev.rule}+owner")
            continue
        if view.kids(noun, "poss") and view.lemma(noun) not in modes["undergone_nouns"]:
            continue  # "condemned the army's raid": the owner did it ("Klein's arrest": she underwent it)
        who = _owner(view, noun, sent, judges, modes["making_verbs"]) or _doer(
            view, noun, sent, judges, doings.get(view.lemma(noun), frozenset())) or _first_maker(view, noun, sent, judges)
        if not who and view.lemma(noun) in modes["said_things"]:
            who = _claimant(view, i, sent, judges, modes["claim_verbs"])  # "X said ... Democrats called the remark dangerous"
        if not who and view.lemma(noun) in modes["court_products"]:
            who = _last_court(view, out, n, judges, modes)  # "HRW condemned the verdict"
        if not who:
            who = _coded_doer(view, out, n, noun, judges)
        if not who and view.lemma(noun) in modes["decided_things"]:
            who = _last_doer(out, n, sent, judges, modes["decision_types"])
        if who:
            out[n] = replace(ev, targets=tuple(who[:1]), rule=f"{ev.rule}+owner")
    return out


#: the words of a government as a whole ("the government", "ministers", "the Scottish Executive")
_GOVERNMENT_WORDS = frozenset({"government", "ministers", "executive", "administration", "cabinet"})


def _the_government(view: View) -> str | None:
    """The article's government: its most mentioned actor named as a government as a whole; ``None`` when it names
    none."""
    best: tuple[int, int, str] | None = None
    for a in view.article.actors:
        words = a.name.lower().split()
        if a.sector != "GOV" or a.kind not in ("group", "organisation", "government") or not words \
                or words[-1] not in _GOVERNMENT_WORDS or "shadow" in words:
            continue  # (the "shadow cabinet" is the opposition's)
        key = (len(a.mentions), -min((m.start for m in a.mentions), default=0), a.id)
        if best is None or key[:2] > best[:2]:
            best = key
    return best[2] if best else None


def governments(view: View, events: list[Event], modes: Mapping[str, frozenset[str]]) -> list[Event]:
    """``events`` with the article's government as the target of support for or opposition to a public measure, or of
    a call for one, that names no one else and is made by someone outside the government: "the unions welcomed the
    increase", "the Tories called for a change in the law", "the Lib Dems oppose the proposals" — what careful coders
    of political news do (``public_measures``, ``measure_calls`` in refine.yaml). Criticism is aimed so only when a
    party of the government's country makes it of a measure governments make (``criticised_measures``: "branded the
    scheme a costly folly"): by others, or of a "decision", it is as often a rival's, a court's or a company's."""
    gov = _the_government(view) if political_news(view.article) else None
    if gov is None:
        return events  # (in business, sport or other news the measure is no government's by default)
    out = list(events)
    for n, ev in enumerate(out):
        if ev.targets or not ev.sources or gov in ev.sources or not ev.evidence or ev.type not in _MEASURE_TYPES:
            continue
        if any((a := view.article.actor(s)) is not None and a.sector == "GOV" for s in ev.sources):
            continue  # the government does not judge or ask itself
        if all((a := view.article.actor(s)) is not None and a.kind == "group" and a.sector == "CVL" for s in ev.sources):
            continue  # a crowd "calling for more songs", "people" wanting a change: no organised voice asking the state
        i = bisect_right(view.starts, ev.evidence[0].trigger[0]) - 1
        if i < 0:
            continue
        if ev.type == "REQUEST":
            if view.lemma(i) not in modes["measure_calls"]:
                continue
            asked = [o for p in view.kids(i, "prep") if view.lemma(p) == "for" for o in view.kids(p, "pobj")] + view.kids(i, "dobj")
            if not asked or any(view.tok_actors.get(o) for o in asked):
                continue
        else:
            home = view.article.actor(gov)
            if ev.type == "ACCUSE" and not all((a := view.article.actor(s)) is not None and a.sector in _OPPOSING
                                               and (home is None or None in (a.country, home.country) or a.country == home.country)
                                               for s in ev.sources):
                continue  # criticism by a party at home is of the government's measure; by others as often a rival's or a firm's
            objs = view.kids(i, "dobj", "nsubjpass") or [o for p in view.kids(i, "prep") if view.lemma(p) in ("to", "against")
                                                          for o in view.kids(p, "pobj")] \
                or [o for o in view.kids(i, "ccomp", "oprd") if view.toks[o].pos == "NOUN"]  # "branded the scheme a folly"
            if not objs or view.lemma(objs[0]) not in modes["public_measures"] or view.kids(objs[0], "poss"):
                continue
            if ev.type == "ACCUSE" and (view.lemma(objs[0]) not in modes["criticised_measures"] or any(
                    view.tok_actors.get(k) for k in view.kids(objs[0], "compound", "amod", "nmod"))):
                continue  # "attacked Tory plans": the Tories'; "criticised the decision": a court's, a firm's, ...
        out[n] = replace(ev, targets=(gov,), rule=f"{ev.rule}+government")
    return out


_MEASURE_TYPES = ("SUPPORT", "REJECT", "REQUEST", "ACCUSE")
_OPPOSING = frozenset({"PTY", "OPP"})
