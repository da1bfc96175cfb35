"""The ``times`` stage: every time expression of the article, and a date for every event.

1. Find the expressions (``TimexTagger``) in the parsed sentences and normalise each against the
   reference date, the tense of its governing verb and the discourse focus.
2. Date each event with the expression attached to one of its triggers in the parse (the most
   precise one when a merged event has several).
3. Resolve expressions anchored on another event ("a day after the talks", "the vote came a day
   after rebels attacked") from that event's date, in both directions.
4. An event with nothing attached takes the reference date with precision ``article``.

Every value says whether it is trusted: an explicit date ("27 October 2020") is; anything resolved
against the reference date is exactly as trusted as the reference.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from dragoman.events.lexicon import load as load_events
from dragoman.model import Article, Event, TimeExpr, Token
from dragoman.settings import Settings
from dragoman.text.chrome import NOT_PARSED, dateline_end, spans_of
from dragoman.when_where.syntax import VERBISH, TokenIndex, is_attached
from dragoman.when_where.timex import PRECISION_RANK, Found, TimexTagger, Value, move, words

#: kinds that read the focus and must not move it
NO_FOCUS = {"focus", "yearago", "shift", "nextday", "ref"}
_W = words()
#: "until Thursday", "since 2001": a boundary of the event, not its date (still listed in times)
BOUNDARY_WORDS = frozenset(_W["boundary_words"])
#: determiners and adjectives that make a noun point back at an event already reported
ANAPHORIC = frozenset(_W["anaphoric"])
#: verbs that only say when their subject happened ("the vote came a day after ...")
LIGHT_VERBS = frozenset(_W["light_verbs"])
#: verbs whose clause tells what someone judged (``TimeResolver._speech_time``)
SPEAKING_VERBS = frozenset(_W["speaking_lemmas"])
SEQUEL_ADVERBS = frozenset(_W["sequel_adverbs"])
#: verbs of coming together whose purpose clause happens when they do (``TimeResolver._same_time``)
GATHERING_VERBS = frozenset(_W["gathering_verbs"])
OCCASION_VERBS = frozenset(_W["occasion_verbs"])

@dataclass
class _Item:
    found: Found
    value: Value
    head: Token | None
    trusted: bool
    anchor_id: str | None = None


@dataclass
class _Dated:
    value: str
    precision: str
    text: str | None
    trusted: bool
    day: date | None
    how: str  # timex | anchor | article


class TimeResolver:
    """Loads the tagger once; call it on an article."""

    def __init__(self, settings: Settings | None = None):
        self.tagger = TimexTagger()
        w = words()
        self.future_aux = set(w["future_aux"])
        self.future_lemmas = set(w["future_lemmas"])
        self.reporting = set(w["reporting_lemmas"])
        self.event_nouns = set(w["event_nouns"])
        self.told_nouns: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in w["told_nouns"].items()}
        #: the same, by noun: the types of act a noun names ("talks": CONSULT)
        self.told_types: dict[str, frozenset[str]] = {}
        for ptype, nouns in self.told_nouns.items():
            for noun in nouns:
                self.told_types[noun] = self.told_types.get(noun, frozenset()) | {ptype}

    # -- stage ----------------------------------------------------------------------------------

    def __call__(self, article: Article) -> Article:
        ref_day = _parse_day(article.reference_date.date)
        ref_trusted = bool(article.reference_date.trusted and ref_day)
        index = TokenIndex(article)
        items = self._find(article, index, ref_day, ref_trusted)
        events, items = self._date_events(article, index, items, ref_day, ref_trusted)
        times = tuple(
            TimeExpr(
                start=it.found.start,
                end=it.found.end,
                text=it.found.text,
                value=it.value.value,
                precision=it.value.precision if it.value.value else "none",
                trusted=it.trusted if it.value.value else False,
                type=it.value.type,
                anchor=it.anchor_id or ("reference" if it.value.value and not it.value.absolute else None),
            )
            for it in items
        )
        return article.replace(times=times, events=events)

    # -- 1. find and normalise -------------------------------------------------------------------

    def regions(self, article: Article) -> list[tuple[int, int]]:
        if article.sentences:
            return [(s.start, s.end) for s in article.sentences]
        skip = spans_of(article.chrome, NOT_PARSED)
        spans, pos = [], 0
        for s, e in sorted(skip):
            if s > pos:
                spans.append((pos, s))
            pos = max(pos, e)
        spans.append((pos, len(article.text)))
        return spans

    def _find(self, article: Article, index: TokenIndex, ref: date | None, ref_trusted: bool) -> list[_Item]:
        items: list[_Item] = []
        focus: Value | None = None
        text = article.text
        for s, e in self.regions(article):
            for f in self.tagger.find(text[s:e]):
                f = Found(f.start + s, f.end + s, f.text, f.kind, f.g)
                head = index.span_head(f.start, f.end)
                tense = None
                if head is not None:
                    span_ids = {t.i for t in index.covering(f.start, f.end)}
                    gov = index.governor(head, skip=span_ids)
                    tense = index.tense(gov, self.future_aux, self.future_lemmas, self.reporting)
                    if head.dep == "poss":  # "Tuesday's declaration": the noun, not the verb, is dated
                        tense = None
                v = self.tagger.normalise(f, ref, tense, focus)
                trusted = v.absolute or ref_trusted
                items.append(_Item(f, v, head, trusted))
                if v.value and v.day and f.kind not in NO_FOCUS and v.precision != "ref":
                    focus = v
        return items

    # -- 2./3./4. event dates ----------------------------------------------------------------------

    def _date_events(
        self, article: Article, index: TokenIndex, items: list[_Item], ref: date | None, ref_trusted: bool
    ) -> tuple[tuple[Event, ...], list[_Item]]:
        events = article.events
        if not events:
            return events, items
        triggers: dict[str, list[Token]] = {}
        for ev in events:
            triggers[ev.id] = [t for e in ev.evidence for t in index.trigger_tokens(*e.trigger)]
        dated: dict[str, _Dated] = {}
        plain = [it for it in items if it.value.anchor is None and it.value.value and it.value.type == "DATE"
                 and it.value.precision not in ("ref", "none") and it.found.text.split()[0].lower() not in BOUNDARY_WORDS]
        # the dateline's day, which the parser may hang on the lead's verb, yields to a time the lead tells ("KANDY,
        # May 20 (Post) - Officers yesterday arrested ...": yesterday)
        line = article.chrome.get("dateline_date")

        def nearest(trig: Token, items_: list[_Item], extra: int = 0) -> tuple[int, int, _Item] | None:
            """The expression attached to ``trig``: the most precise, then not the dateline's, then the closest."""
            found = None
            for it in items_:
                if it.head is not None and _dates_a_thing(index, it.head):
                    continue  # "jailed over the 2020 rally": the rally's year, not the jailing's
                steps = is_attached(index, it.head, trig, loose=True) if it.head is not None else None
                if steps is not None:
                    own = not (line and line[0] <= it.found.start and it.found.end <= line[1])
                    key = (PRECISION_RANK.get(it.value.precision, 9), (0 if own else 50) + steps + extra)
                    if found is None or key < found[:2]:
                        found = (key[0], key[1], it)
            return found

        lead_day = self._dateline_day(article, index, items)
        for ev in events:
            cands = [b for trig in triggers[ev.id] if (b := nearest(trig, plain)) is not None]
            if not cands:
                # "Police used water cannon on Tuesday night and detained 20 people": a conjoined verb
                # with no subject or time of its own happens when the verb it is conjoined to does
                for trig in triggers[ev.id]:
                    if trig.dep != "conj" or trig.pos not in VERBISH or any(
                            c.dep in ("nsubj", "nsubjpass") for c in index.kid_tokens(trig)):
                        continue
                    own = set(index.subtree(trig.i))
                    earlier = [it for it in plain if it.head is not None and it.head.i <= trig.i and it.head.i not in own]
                    if (b := nearest(index.toks[trig.head], earlier, 1)) is not None:
                        cands.append(b)
                cands.extend(self._fronted_time(index, triggers[ev.id], plain, nearest))
            if not cands:
                # "was convicted and sentenced to life last Thursday": a time after two joined verbs dates the first
                cands = self._joined_time(index, triggers[ev.id], plain, nearest)
            if not cands:
                cands = self._same_time(index, triggers[ev.id], plain, nearest)
            if not cands:
                # "since 2008, when ...": the boundary's own date is the clause's
                cands = self._when_of(index, triggers[ev.id], [
                    it for it in items if it.value.anchor is None and it.value.value and it.value.type == "DATE"
                    and it.value.precision not in ("ref", "none")])
            if not cands:
                cands = self._where_of(index, triggers[ev.id], plain, nearest)
            if not cands:
                # "The UK has sanctioned three firms, the Foreign Office announced on Thursday": a done act
                # with no time of its own, reported by a dated announcement, is dated by it
                for trig in triggers[ev.id]:
                    head = index.toks[trig.head]
                    if trig.dep in ("ccomp", "parataxis") and trig.tag in ("VBD", "VBN") \
                            and head.lemma.lower() in REPORTING_VERBS:
                        own = set(index.subtree(trig.i))
                        outside = [it for it in plain if it.head is not None and it.head.i not in own]
                        if (b := nearest(head, outside, 1)) is not None:
                            cands.append(b)
            if not cands:
                cands = self._last_times(index, ev, triggers[ev.id], plain, nearest, ref, lead_day)
            best = min(cands, key=lambda b: b[:2]) if cands else None
            if best is not None:
                it = best[2]
                dated[ev.id] = _Dated(it.value.value or "", it.value.precision, it.found.text, it.trusted, it.value.day, "timex")
        # anchored expressions, both directions, two passes
        anchored = [it for it in items if it.value.anchor is not None and it.head is not None]
        for _ in range(2):
            for it in anchored:
                self._resolve_anchor(article, index, it, events, triggers, dated)
        return self._finish(article, index, events, triggers, dated, items, plain, nearest, ref, ref_trusted), items

    def _finish(self, article: Article, index: TokenIndex, events: tuple[Event, ...], triggers: dict[str, list[Token]],
                dated: dict[str, _Dated], items: list[_Item], plain: list[_Item], nearest: Callable[..., Any],
                ref: date | None, ref_trusted: bool) -> tuple[Event, ...]:
        """Each event with its date (its own, else the article's) and the background flag its time gives it."""
        latest = None if ref_trusted else max((int(it.value.value[:4]) for it in items if it.trusted and it.value.value
                                               and it.value.type == "DATE" and it.value.value[:4].isdigit()), default=None)

        def old(value: str, precision: str, trusted: bool, text: str | None = None) -> bool:
            """Background: long before the news (its date); in an undated article, dated by a month or a year its words
            write out ("in June 2021": news is told by the day), or in a year before the latest one it names."""
            if ref_trusted and ref is not None:
                return _long_before(value, precision, ref)
            if trusted and precision in ("month", "year") and text and _YEAR.search(text) or _EARLIER_YEAR.match(text or ""):
                return True  # ("last year", "two years ago": an earlier year, whatever the article's date)
            return bool(latest) and trusted and value[:4].isdigit() and int(value[:4]) < (latest or 0)

        def old_item(it: _Item) -> bool:
            return bool(it.value.value) and it.value.type == "DATE" and it.value.anchor is None \
                and old(it.value.value or "", it.value.precision, it.trusted, it.found.text)
        back = self._background_sentences(items, old_item)
        out = []
        lead = self._dateline_day(article, index, items)
        told = self._told_dates(index, events, triggers, dated, plain, nearest)
        for ev in events:
            d = dated.get(ev.id) or told.get(ev.id)
            if d is None and lead is not None and not (ev.aux.future or ev.aux.hypothetical or ev.aux.historical) and any(
                    t.sent == lead[0] and t.tag in ("VBZ", "VBP") and t.lemma.lower() not in self.reporting
                    and index.tense(t, self.future_aux, self.future_lemmas, self.reporting) == "present"
                    for t in triggers[ev.id]):
                # "QUITO, April 22 (AWS) - Colombia's and Ecuador's trade ministers meet in Quito": an act the
                # dateline's sentence tells in the present happens on the dateline's day
                it = lead[1]
                d = _Dated(it.value.value or "", it.value.precision, it.found.text, it.trusted, it.value.day, "dateline")
            if d is None and back and ev.type in _DEEDS and not ev.aux.historical and self._told_on(index, triggers[ev.id], back, items, article):
                # "Police arrested six men in 2016. Soldiers detained their brothers.": a deed told with no time
                # of its own, right after background dated by its own words, is background too (words said are
                # most often the news reacting to it: "The minister condemned ...")
                ev = replace(ev, aux=replace(ev.aux, historical=True))
            elif d is None and back and not ev.aux.historical and self._sequel(index, triggers[ev.id], back, items, old_item):
                # "In June 2018 protesters blocked an ICE office. Police later cleared the camp.": a story of the
                # past told on ("later", "since") is background, whatever kind of act it tells
                ev = replace(ev, aux=replace(ev.aux, historical=True))
            elif d is None and not ev.aux.historical and any(
                    nearest(t, [it for it in items if not it.value.value and _EARLIER_YEAR.match(it.found.text)])
                    for t in triggers[ev.id]):
                # "MPs criticised the minister last year", in an article with no date to count from: an earlier year
                ev = replace(ev, aux=replace(ev.aux, historical=True))
            elif d is None and not ev.aux.historical and self._who_once(index, triggers[ev.id]):
                # "Former minister Ana Lund, who resigned over the war, said ...": what a speaker once did, told to
                # say who she is, is background
                ev = replace(ev, aux=replace(ev.aux, historical=True))
            elif d is None and not ev.aux.historical and any(
                    (b := nearest(h, plain)) is not None and old(b[2].value.value or "", b[2].value.precision, b[2].trusted)
                    for h in _after_heads(index, triggers[ev.id])):
                # "he visited Epstein in 2010, after Epstein was released from prison": before a time long past
                ev = replace(ev, aux=replace(ev.aux, historical=True))
            if d is not None and not _flagged(ev) and _COMING.match(d.text or "") and not any(
                    t.tag in ("VBD", "VBN") for t in triggers[ev.id]):
                # "Union leaders are holding talks next Monday": dated by its own words as to come (not
                # by a weekday the resolver put ahead: "tried to march on Saturday" is most often past)
                ev = replace(ev, aux=replace(ev.aux, future=True))
            if d is not None:
                if not ev.aux.historical and old(d.value, d.precision, d.trusted, d.text):
                    # dated by its own words to an earlier year, or two months or more before the news (an article
                    # without a date is news no older than the latest year it names): background
                    ev = replace(ev, aux=replace(ev.aux, historical=True))
                out.append(replace(ev, date=d.value, date_precision=d.precision, date_text=d.text, date_trusted=d.trusted))
            elif ref is not None:
                out.append(replace(ev, date=ref.isoformat(), date_precision="article", date_text=None, date_trusted=ref_trusted))
            else:
                out.append(replace(ev, date=None, date_precision="none", date_text=None, date_trusted=False))
        return tuple(_speakers_days(article, _story_days(out, ref), ref))

    def _told_dates(self, index: TokenIndex, events: tuple[Event, ...], triggers: dict[str, list[Token]],
                    dated: dict[str, _Dated], plain: list[_Item], nearest: Callable[..., Any]) -> dict[str, _Dated]:
        """"The talks took place on Wednesday", "The meeting was held on 11 March": a sentence that only says when
        an act named by a definite noun happened dates the article's act of that type told with no time of its own
        (the one told before it, else the first)."""
        out: dict[str, _Dated] = {}
        self._named_dates(index, events, triggers, dated, plain, nearest, out)
        for t in index.toks:
            lemma = t.lemma.lower()
            kids = index.kid_tokens(t)
            if not (lemma in ("happen", "occur")
                    or (lemma == "take" and any(c.dep == "dobj" and c.lemma.lower() == "place" for c in kids))
                    or (lemma in ("hold", "conduct") and any(c.dep == "auxpass" for c in kids))):
                continue
            subj = [c for c in kids if c.dep in ("nsubj", "nsubjpass")]
            if not subj:
                continue
            types = self.told_types.get(subj[0].lemma.lower(), frozenset())
            definite = any(c.dep in ("det", "poss", "nummod") and c.text.lower() in ("the", "this", "that", "their", "his",
                                                                                     "her", "its", "two")
                           for c in index.kid_tokens(subj[0]))
            other = any(c.text.lower() in _OTHER_ONE for c in index.kid_tokens(subj[0]))
            if not types or not definite or other or index.tense(
                    t, self.future_aux, self.future_lemmas, self.reporting) != "past" or (b := nearest(t, plain)) is None:
                continue
            waiting = [ev for ev in events if ev.type in types and ev.id not in dated and ev.id not in out
                       and triggers[ev.id] and not (ev.aux.future or ev.aux.hypothetical or ev.aux.historical)
                       and all(x.sent != t.sent for x in triggers[ev.id])]
            before = [ev for ev in waiting if min(x.i for x in triggers[ev.id]) < t.i]
            pick = before[0] if before else (waiting[0] if waiting else None)
            if pick is not None:
                it = b[2]
                out[pick.id] = _Dated(it.value.value or "", it.value.precision, it.found.text, it.trusted, it.value.day, "told")
        return out

    def _named_dates(self, index: TokenIndex, events: tuple[Event, ...], triggers: dict[str, list[Token]],
                     dated: dict[str, _Dated], plain: list[_Item], nearest: Callable[..., Any], out: dict[str, _Dated]) -> None:
        """"The death toll from the group's raid on a police station on March 11 rose to four. ... killed when the
        fighters stormed the station": an act named by a definite or possessed noun with a day of its own, itself
        no coded event, dates the first act of its type told after it, within two sentences, with no time of its
        own."""
        coded = {x.i for ev in events for x in triggers[ev.id]}
        for t in index.toks:
            types = self.told_types.get(t.lemma.lower(), frozenset())
            if not types or t.pos != "NOUN" or t.i in coded or not any(
                    c.dep == "poss" or c.dep == "det" and c.text.lower() == "the" for c in index.kid_tokens(t)):
                continue
            b = nearest(t, plain)
            if b is None or b[2].value.precision != "day" or b[1] > 2:
                continue
            # (further on, an act named again by a definite noun of its kind: "the envoys' session ran past midnight"
            # paragraphs after "the deal struck at Monday's summit")
            after = [ev for ev in events if ev.type in types and ev.id not in dated and ev.id not in out and triggers[ev.id]
                     and not (ev.aux.future or ev.aux.hypothetical or ev.aux.historical)
                     and t.sent < min(x.sent for x in triggers[ev.id])
                     and (min(x.sent for x in triggers[ev.id]) <= t.sent + 2 or self._named_again(index, triggers[ev.id], types))]
            if after:
                it = b[2]
                out[after[0].id] = _Dated(it.value.value or "", it.value.precision, it.found.text, it.trusted, it.value.day,
                                          "told")

    def _named_again(self, index: TokenIndex, trigs: list[Token], types: frozenset[str]) -> bool:
        """Is the act told by a definite or possessed noun of one of ``types`` ("the meeting", "the ministers' talks"),
        with no word making it another ("a second meeting", "the next round")?"""
        return any(x.pos == "NOUN" and self.told_types.get(x.lemma.lower(), frozenset()) & types
                   and any(c.dep == "poss" or c.dep == "det" and c.text.lower() == "the" for c in index.kid_tokens(x))
                   and not any(c.text.lower() in _OTHER_ONE for c in index.kid_tokens(x)) for x in trigs)

    @staticmethod
    def _joined_time(index: TokenIndex, trigs: list[Token], plain: list[_Item],
                     nearest: Callable[..., Any]) -> list[tuple[int, int, _Item]]:
        """The time told after a verb joined to the trigger's with no subject of its own ("shot and wounded a governor
        last Thursday", "was convicted and sentenced to life last Thursday"), or in a participle saying how it was done
        ("has blamed Dorvan for the drought, charging on Friday that ..."): both acts happened then."""
        out = []
        for trig in trigs:
            joined = index.kid_tokens(trig, "conj") + [c for c in index.kid_tokens(trig, "advcl") if c.tag == "VBG"
                                                       and not any(k.dep == "aux" for k in index.kid_tokens(c))]
            for c in joined:
                if c.pos not in VERBISH or any(k.dep in ("nsubj", "nsubjpass") for k in index.kid_tokens(c)):
                    continue
                later = [it for it in plain if it.head is not None and it.head.i > c.i]
                if (b := nearest(c, later, 1)) is not None:
                    out.append(b)
        return out

    @staticmethod
    def _fronted_time(index: TokenIndex, trigs: list[Token], plain: list[_Item],
                      nearest: Callable[..., Any]) -> list[tuple[int, int, _Item]]:
        """"Last year it suspended two broadcasters, and it expelled the ambassador": a time put before the first
        clause's subject dates the clauses joined to it, though they have subjects of their own."""
        out = []
        for trig in trigs:
            if trig.dep != "conj" or trig.pos not in VERBISH or trig.head == trig.i:
                continue
            head = index.toks[trig.head]
            subj = next((c for c in index.kid_tokens(head) if c.dep in ("nsubj", "nsubjpass")), None)
            if subj is None or not any(c.dep in ("nsubj", "nsubjpass") for c in index.kid_tokens(trig)):
                continue  # (a conjunct with no subject of its own is dated by its head already)
            fronted = [it for it in plain if it.head is not None and it.head.i < subj.i and it.head.sent == head.sent]
            if (b := nearest(head, fronted, 1)) is not None:
                out.append(b)
        return out

    @staticmethod
    def _governing_time(index: TokenIndex, trigs: list[Token], plain: list[_Item], nearest: Callable[..., Any],
                        ref: date) -> list[tuple[int, int, _Item]]:
        """"The editor was arrested in May last year in a raid that targeted writers whom the president had called
        traitors": an act told in a clause that
        describes part of another (a relative, adverbial or participle clause, up the tree) happened in the time of
        the clause it describes, where that time is background to the news (long before the article's date); an
        "after" or "before" clause orders two acts and shares no time (``_after_heads`` flags it). Not the
        other way round ("wants him extradited over papers he leaked in 2015": the leak's year is not the request's),
        nor into what is said, intended or asked (a complement has its own time)."""
        out = []
        for trig in trigs:
            if _told_now(index, trig):
                continue  # "a strategy that critics say fails", "which has since cost ...": of now, whatever it describes
            own = set(index.subtree(trig.i))
            t, inside = trig, False
            for _ in range(8):
                if t.head == t.i or t.dep in _OWN_TIME_DEPS:
                    break
                if t.dep == "advcl" and any(m.text.lower() in _ORDERING_MARKS for m in index.kid_tokens(t, "mark")):
                    break  # "killed in 2014 after gunmen had attacked for weeks": an order in time, no date shared
                inside = inside or t.dep in _DESCRIBING_DEPS
                t = index.toks[t.head]
                if not inside or t.pos not in VERBISH:
                    continue
                outside = [it for it in plain if it.head is not None and it.head.i not in own]
                b = nearest(t, outside, 2)
                if b is None:
                    continue  # a clause with no time of its own describes another in turn: that one's
                if _long_before(b[2].value.value or "", b[2].value.precision, ref):
                    out.append(b)
                break
        return out

    def _last_times(self, index: TokenIndex, ev: Event, trigs: list[Token], plain: list[_Item], nearest: Callable[..., Any],
                    ref: date | None, lead_day: tuple[int, _Item] | None) -> list[Any]:
        """The times an event with none attached to its triggers is dated by, the last tried: its saying's, its
        speech's, its topic's, the dateline's (and first the background time of a clause it describes part of)."""
        cands = self._governing_time(index, trigs, plain, nearest, ref) if ref is not None else []
        if not cands:
            cands = self._saying_time(index, trigs, plain, nearest)
        if not cands and "-in-speech" in (ev.rule or ""):
            cands = self._speech_time(index, trigs, plain, nearest)
        if not cands and ref is not None:
            cands = self._topic_time(index, trigs, plain, nearest, ref)
        if not cands and lead_day is not None:
            # "ACCRA, May 4 (Agency) - Ghana and Togo have agreed to ...": an act the lead's main clause tells in the
            # present perfect, or a done act its root reports ("X met Y, the ministry said"), with no time of its
            # own, is the dateline day's news (a past "agreed" told as the lead's own act keeps its article's date:
            # it may be the day before's)
            cands = [(PRECISION_RANK.get(lead_day[1].value.precision, 9), 50, lead_day[1])
                     for trig in trigs if trig.sent == lead_day[0] and (
                         self._main_clause(index, trig) and self._perfect(index, trig) or self._reported(index, trig))]
        return cands

    @staticmethod
    def _reported(index: TokenIndex, trig: Token) -> bool:
        """Is ``trig`` a done act the sentence's root reports ("X held a video call with Y, the government said"): the
        report is made on the dateline's day, and so dates the act, as a dated announcement does."""
        head = index.toks[trig.head]
        return trig.dep in ("ccomp", "parataxis") and trig.tag in ("VBD", "VBN") and head.head == head.i \
            and head.lemma.lower() in REPORTING_VERBS

    @staticmethod
    def _perfect(index: TokenIndex, trig: Token) -> bool:
        """Is ``trig`` (or the verb whose object or infinitive it is) told in the present perfect ("has blamed",
        "have agreed to resume")?"""
        t = trig
        for _ in range(3):
            if any(a.dep == "aux" and a.lemma.lower() == "have" and a.tag in ("VBZ", "VBP") for a in index.kid_tokens(t)):
                return True
            if t.head == t.i:
                return False
            t = index.toks[t.head]
        return False

    @staticmethod
    def _main_clause(index: TokenIndex, trig: Token) -> bool:
        """Is ``trig`` its sentence's root, or in the root's own clause (its object, its infinitive)?"""
        t = trig
        for _ in range(12):
            if t.head == t.i:
                return True
            if t is not trig and t.pos in VERBISH and t.dep not in ("xcomp", "conj"):
                return False
            if t.dep in ("advcl", "ccomp", "relcl", "acl", "csubj", "parataxis", "pcomp"):
                return False
            t = index.toks[t.head]
        return False

    @staticmethod
    def _dateline_day(article: Article, index: TokenIndex, items: list[_Item]) -> tuple[int, _Item] | None:
        """The sentence a wire story's dateline opens and the dateline's day ("QUITO, April 22 (AWS) - ...")."""
        span = article.chrome.get("dateline_date")
        if not span:
            return None
        for it in items:
            if it.found.start >= span[0] and it.found.end <= span[1] and it.value.value and it.value.precision == "day":
                lead = dateline_end(article) or span[1]  # (the lead, parsed apart from the dateline)
                for t in index.covering(lead, min(len(article.text), lead + 200)):
                    return t.sent, it
        return None

    @staticmethod
    def _saying_time(index: TokenIndex, trigs: list[Token], plain: list[_Item], nearest: Callable[..., Any]) -> list[Any]:
        """"The minister condemned the raids, saying on Tuesday that ...": a statement is made when the saying
        that goes with it is (not when what is said happened)."""
        cands: list[Any] = []
        for trig in trigs:
            for sub in index.kid_tokens(trig, "advcl"):
                if sub.tag == "VBG" and sub.lemma.lower() in REPORTING_VERBS:
                    below = set(index.subtree(sub.i)) - {j for c in index.kid_tokens(sub, "ccomp") for j in index.subtree(c.i)}
                    said_when = [it for it in plain if it.head is not None and it.head.i in below]
                    if (b := nearest(sub, said_when, 1)) is not None:
                        cands.append(b)
        return cands

    @staticmethod
    def _topic_time(index: TokenIndex, trigs: list[Token], plain: list[_Item], nearest: Callable[..., Any],
                    ref: date) -> list[Any]:
        """"signed an agreement on sharing the river's waters on Tuesday": a past day the parser hung on the gerund
        of the object's topic (which has no subject nor time of its own to be told) is when the act was done; not a
        day to come ("agreed on holding elections next Tuesday")."""
        cands: list[Any] = []
        for trig in trigs:
            for obj in index.kid_tokens(trig, "dobj"):
                for prep in index.kid_tokens(obj, "prep"):
                    for ger in index.kid_tokens(prep, "pcomp"):
                        if ger.tag != "VBG" or index.kid_tokens(ger, "nsubj"):
                            continue
                        days = [it for it in plain if it.head is not None and it.value.precision == "day"
                                and (it.value.value or "9")[:10] <= ref.isoformat() and nearest(ger, [it]) is not None]
                        if days and (b := nearest(ger, days, 1)) is not None:
                            cands.append(b)
        return cands

    @staticmethod
    def _speech_time(index: TokenIndex, trigs: list[Token], plain: list[_Item], nearest: Callable[..., Any]) -> list[Any]:
        """"Sten warned the prime minister on 4 May 2011 that the operation could be illegal": a judgement read in what someone
        said is made when it was said (the reporting verb's own time, not one inside what was said)."""
        cands: list[Any] = []
        for trig in trigs:
            cur, inner = trig, trig
            for _ in range(8):
                if cur.head == cur.i:
                    break
                inner, cur = cur, index.toks[cur.head]
                if cur.lemma.lower() in SPEAKING_VERBS and cur.pos in VERBISH:
                    below = set(index.subtree(cur.i)) - set(index.subtree(inner.i))
                    said_when = [it for it in plain if it.head is not None and it.head.i in below]
                    if (b := nearest(cur, said_when, 1)) is not None:
                        cands.append(b)
                    break
        return cands

    @staticmethod
    def _background_sentences(items: list[_Item], old: Callable[[_Item], bool]) -> set[int]:
        """The sentences whose time expressions are all background (``old``: an earlier year, or two months or more
        before the news)."""
        by_sent: dict[int, list[bool]] = {}
        for it in items:
            if it.head is None:
                continue
            by_sent.setdefault(it.head.sent, []).append(old(it))
        return {s for s, olds in by_sent.items() if all(olds)}

    def _who_once(self, index: TokenIndex, trigs: list[Token]) -> bool:
        """Is the act told in the simple past in a relative clause set off by commas on a named subject of a verb of
        saying ("X, who quit the cabinet over the war, said ..."), with no time of its own?"""
        if not trigs:
            return False
        v = trigs[0]
        if v.dep != "relcl" or v.tag != "VBD" or v.i == 0 or index.toks[v.head].i + 1 >= len(index.toks):
            return False
        head = index.toks[v.head]
        if index.toks[head.i + 1].text != "," or head.dep != "nsubj" or head.pos != "PROPN":
            return False  # (a named person: "Police, who arrested six men, said ..." tells the news)
        return index.toks[head.head].lemma.lower() in self.reporting

    @staticmethod
    def _told_on(index: TokenIndex, trigs: list[Token], back: set[int], items: list[_Item], article: Article) -> bool:
        """Is an undated act told in the simple past in the sentence after a background sentence, with no time
        expression, quotation or present-tense saying of its own?"""
        if not trigs:
            return False
        trig = trigs[0]
        sent = trig.sent
        if sent - 1 not in back or any(it.head is not None and it.head.sent == sent for it in items):
            return False
        sp = article.sentences[sent]
        if any(q.start < sp.end and sp.start < q.end for q in article.quotes):
            return False
        if trig.pos not in VERBISH:
            return False
        kids = index.kid_tokens(trig)
        if any(k.dep in ("aux", "auxpass") and (k.lemma.lower() in ("have", "will", "would") or k.tag in ("VBZ", "VBP", "MD"))
               for k in kids):
            return False  # "has been arrested", "is held", "will be tried"
        past = trig.tag == "VBD" or (trig.tag == "VBN" and any(k.dep == "auxpass" and k.tag == "VBD" for k in kids))
        if not past:
            return False
        toks = index.toks[sp.tok_start:sp.tok_end]
        return not any(t.tag in ("VBZ", "VBP") and t.lemma.lower() in REPORTING_VERBS for t in toks)

    @staticmethod
    def _sequel(index: TokenIndex, trigs: list[Token], back: set[int], items: list[_Item], old: Callable[[_Item], bool]) -> bool:
        """Is the act at ``trigs`` told on from the background sentence before it: its clause (or the clause it is
        joined to) marked by an adverb of sequel ("later", "has since expelled"), its sentence with no time of its
        own that is not background too?"""
        if not trigs:
            return False
        trig = trigs[0]
        if trig.sent - 1 not in back or trig.pos not in VERBISH:
            return False
        if any(it.head is not None and it.head.sent == trig.sent and it.value.value and it.value.type == "DATE"
               and not old(it) for it in items):
            return False
        t = trig
        for _ in range(4):
            if any(k.lemma.lower() in SEQUEL_ADVERBS for k in index.kid_tokens(t, "advmod")):
                return True
            if t.dep != "conj" or t.head == t.i:
                break
            t = index.toks[t.head]
        return False

    @staticmethod
    def _when_of(index: TokenIndex, trigs: list[Token], plain: list[_Item]) -> list[Any]:
        """"The raid is the largest since 2008, when agents detained 300 workers": a clause told of a time
        ("when" relative to a date) happens at it; so does a verb conjoined with it ("when rebels stormed
        the town and burnt the market")."""
        cands: list[Any] = []
        for trig in trigs:
            if (t := _relative_clause(index, trig, "when")) is None:
                continue
            for it in plain:
                if it.head is not None and it.found.start <= index.toks[t.head].start < it.found.end:
                    cands.append((PRECISION_RANK.get(it.value.precision, 9), 1, it))
        return cands

    @staticmethod
    def _where_of(index: TokenIndex, trigs: list[Token], plain: list[_Item], nearest: Callable[..., Any]) -> list[Any]:
        """"The raid was on Friday in Doro, a market town, where rebels burned the depot": a clause told of a place
        ("where" relative to it) happens when the clause that names the place does."""
        cands: list[Any] = []
        for trig in trigs:
            if (t := _relative_clause(index, trig, "where")) is None:
                continue
            up, hops = index.toks[t.head], 0
            while up.pos not in VERBISH and up.head != up.i and hops < 8:
                up, hops = index.toks[up.head], hops + 1  # the place, its preposition, the clause's verb
            own = set(index.subtree(t.i))
            if up.pos in VERBISH and (b := nearest(up, [it for it in plain if it.head is not None and it.head.i not in own], 1)):
                cands.append(b)
        return cands

    @staticmethod
    def _same_time(index: TokenIndex, trigs: list[Token], plain: list[_Item], nearest: Callable[..., Any]) -> list[Any]:
        """The date of the clause a trigger's clause happens at the same time as: "soldiers were killed on
        June 12 when gunmen attacked their post" (the attack: June 12) and "soldiers were killed when
        gunmen attacked their post on June 12" (the killing: June 12).  Only a clause introduced by
        "when", "as" or "while", or a participle with no subject of its own ("Last year the junta suspended
        two stations, accusing them of lies": the accusation is last year's), or the purpose of a gathering
        ("thousands gathered on Sunday to protest") or of an occasion used ("used a radio address on Monday to call
        for"), and with no date of its own."""
        cands: list[Any] = []
        for trig in trigs:
            if trig.pos not in VERBISH:
                continue
            by = index.toks[trig.head]
            if trig.dep == "pcomp" and by.lemma.lower() == "by" and by.head != by.i and index.toks[by.head].pos in VERBISH:
                # "In 2000 the lobby caused chaos by blocking roads": done by doing it, at the same time
                own = set(index.subtree(trig.i))
                outside = [it for it in plain if it.head is not None and it.head.i not in own]
                if (b := nearest(index.toks[by.head], outside, 1)) is not None:
                    cands.append(b)
            purpose = trig.dep in ("advcl", "xcomp") and (by.lemma.lower() in GATHERING_VERBS or by.lemma.lower() in
                                                          OCCASION_VERBS and index.kid_tokens(by, "dobj")) and any(
                c.dep == "aux" and c.tag == "TO" for c in index.kid_tokens(trig))
            if purpose or trig.dep == "advcl" and (_marked(index, trig) or _participle(index, trig)):
                own = set(index.subtree(trig.i))
                outside = [it for it in plain if it.head is not None and it.head.i not in own]
                head = index.toks[trig.head]
                while head.dep in ("advcl", "xcomp") and head.head != head.i and any(
                        c.dep == "aux" and c.tag == "TO" for c in index.kid_tokens(head)):
                    # "signed a deal on Monday to build a line, as the premier travelled to X": the parser hangs
                    # the "as" clause on the purpose; it happens when the act does
                    head = index.toks[head.head]
                if (b := nearest(head, outside, 1)) is not None:
                    cands.append(b)
            for sub in index.kid_tokens(trig, "advcl") + _fronted_clauses(index, trig):
                if sub.pos in VERBISH and _marked(index, sub):
                    inside = [it for it in plain if it.head is not None and it.head.i in set(index.subtree(sub.i))]
                    if (b := nearest(sub, inside, 1)) is not None:
                        cands.append(b)
        return cands

    def _resolve_anchor(
        self,
        article: Article,
        index: TokenIndex,
        it: _Item,
        events: tuple[Event, ...],
        triggers: dict[str, list[Token]],
        dated: dict[str, _Dated],
    ) -> None:
        sign, n, unit = it.value.anchor  # type: ignore[misc]
        toks = index.covering(it.found.start, it.found.end)
        rel = next((t for t in toks if t.text.lower() in ("after", "before")), None)
        if rel is None:
            return
        # Y: what the expression is anchored on; X: what it dates
        y_head: Token | None = None
        x_head: Token | None = None
        if rel.dep == "mark" or rel.pos == "SCONJ":
            y_head = index.toks[rel.head]
            if y_head.head != y_head.i:
                x_head = index.toks[y_head.head]
        else:
            objs = [c for c in index.kid_tokens(rel) if c.dep in ("pobj", "pcomp")]
            y_head = objs[0] if objs else None
            up = index.toks[rel.head]
            span_ids = {t.i for t in toks}
            while up.i in span_ids and up.head != up.i:
                up = index.toks[up.head]
            x_head = up if up.i not in span_ids else None
        if y_head is None:
            return
        start = it.found.start
        y_id = self._event_at(y_head, index, events, triggers, before=start, dated=dated)
        x_id = self._event_at(x_head, index, events, triggers, before=start, dated=dated, anaphor=True) if x_head else None
        if x_id == y_id:
            x_id = None
        yd = dated.get(y_id) if y_id else None
        xd = dated.get(x_id) if x_id else None
        if yd is not None and yd.day is not None and xd is None and x_id:
            v = move(yd.day, unit, sign * n, floor=yd.precision)
            dated[x_id] = _Dated(v.value or "", v.precision, it.found.text, yd.trusted, v.day, "anchor")
            xd = dated[x_id]
        elif xd is not None and xd.day is not None and yd is None and y_id:
            v = move(xd.day, unit, -sign * n, floor=xd.precision)
            dated[y_id] = _Dated(v.value or "", v.precision, it.found.text, xd.trusted, v.day, "anchor")
            yd = dated[y_id]
        if xd is not None:
            it.value = Value(xd.value, xd.precision, day=xd.day, anchor=it.value.anchor)
            it.trusted = xd.trusted
            it.anchor_id = y_id
        elif yd is not None and yd.day is not None:
            v = move(yd.day, unit, sign * n, floor=yd.precision)
            it.value = Value(v.value, v.precision, day=v.day, anchor=it.value.anchor)
            it.trusted = yd.trusted
            it.anchor_id = y_id

    def _event_at(
        self,
        head: Token | None,
        index: TokenIndex,
        events: tuple[Event, ...],
        triggers: dict[str, list[Token]],
        before: int,
        dated: dict[str, _Dated],
        anaphor: bool = False,
    ) -> str | None:
        """The event whose trigger is ``head`` (or inside its clause); for a light verb, its
        subject; for an anaphoric noun ("the latest round"), the event it refers back to."""
        if head is None:
            return None
        for ev in events:
            if any(t.i == head.i for t in triggers[ev.id]):
                return ev.id
        noun = head
        if head.pos in ("VERB", "AUX"):
            if head.lemma.lower() not in LIGHT_VERBS:
                inside = set(index.subtree(head.i))
                cands = [ev.id for ev in events for t in triggers[ev.id] if t.i in inside and t.sent == head.sent]
                if cands:
                    return cands[0]
                return None
            subj = [c for c in index.kid_tokens(head) if c.dep in ("nsubj", "nsubjpass")]
            if not subj:
                return None
            noun = subj[0]
            anaphoric = any(c.text.lower() in ANAPHORIC for c in index.kid_tokens(noun))
            for ev in events:
                if any(t.i == noun.i for t in triggers[ev.id]) and (ev.id in dated or not anaphoric):
                    return ev.id
        if noun.pos not in ("NOUN", "PROPN"):
            return None
        # the thing referred to: an earlier event
        mods = {c.text.lower() for c in index.kid_tokens(noun)}
        lemma = noun.lemma.lower()

        def names(ev: Event) -> bool:
            """The event's trigger, or its subject, is the noun ("the summit opened")."""
            for t in triggers[ev.id]:
                if t.lemma.lower() == lemma:
                    return True
                if any(c.dep in ("nsubj", "nsubjpass") and c.lemma.lower() == lemma for c in index.kid_tokens(t)):
                    return True
            return False

        earlier = [
            ev for ev in events if triggers[ev.id] and min(t.start for t in triggers[ev.id]) < before and ev.id in dated
        ]
        same = [ev for ev in earlier if names(ev)]
        if mods & {"latest", "last", "recent", "most"}:
            pool = [ev for ev in earlier if dated[ev.id].day is not None]
            if pool:
                return max(pool, key=lambda ev: (dated[ev.id].day, -PRECISION_RANK.get(dated[ev.id].precision, 9))).id
        if same:
            return same[-1].id
        if anaphor and noun.lemma.lower() in self.event_nouns and earlier:
            return earlier[-1].id
        # "a day after the talks": the talks mentioned later in the article
        if not anaphor:
            later = [ev for ev in events if names(ev)]
            if later:
                return later[0].id
        return None


#: words that make "the meeting" another one than the article's ("the next meeting", "a second round")
_OTHER_ONE = frozenset(("next", "another", "new", "second", "third", "previous", "last", "first", "latest", "upcoming",
                        "planned", "earlier", "later", "following", "final", "other"))


#: the conjunctions that make a clause happen at the time of the clause it modifies
SAME_TIME = frozenset(("when", "as", "while"))


#: verbs that report a done act: the act is dated by the report when it has no time of its own
REPORTING_VERBS = frozenset({"say", "announce", "tell", "report", "state", "confirm", "declare", "add", "disclose", "reveal"})


#: material acts, which a narrative of background goes on telling (words are most often today's reaction)
_DEEDS = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "SANCTION", "AID", "COOPERATE", "PROTEST"})


#: how many days before the news a deed's day may be for later undated deeds of its kind to share it
STORY_DAYS = 7


def _story_days(events: list[Event], ref: date | None) -> list[Event]:
    """A deed told with no time of its own after the story told one of its kind on a day of the news ("Police
    arrested the former governor before dawn yesterday ... Agents arrested Oscar Huaman, 58, at a residence in
    Surco"): the story's day, not the article's (the detail is most often the same happening, told again)."""
    if ref is None:
        return events
    first: dict[str, Event] = {}
    dated: dict[str, Event] = {}
    for ev in sorted(events, key=lambda e: e.evidence[0].start if e.evidence else 0):
        if _flagged(ev) or ev.type not in _DEEDS:
            continue
        day = _parse_day(ev.date) if ev.date_precision == "day" and ev.date_text else None
        if day is not None and 0 <= (ref - day).days <= STORY_DAYS:
            first.setdefault(ev.type, ev)
        elif ev.date_precision == "article" and (lead := first.get(ev.type)) is not None:
            dated[ev.id] = replace(ev, date=lead.date, date_precision="day", date_text=lead.date_text,
                                   date_trusted=lead.date_trusted)
    return _signing_days([dated.get(e.id, e) for e in events], ref)


#: acts of words: told again further down a report, they are most often details of one statement
_WORDS = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE", "CONCEDE"})


def _speakers_days(article: Article, events: list[Event], ref: date | None) -> list[Event]:
    """"Minister Ana Lund yesterday accused Arvania of ... Lund demanded that Arvania withdraw": an act of words told with
    no time of its own by a person who, earlier in the report, spoke on a day of the news is of that day (the details
    of one statement), not of the article's date."""
    if ref is None:
        return events
    spoke: dict[str, Event] = {}  # a named person → the first act of words dated on a day of the news
    dated: dict[str, Event] = {}
    for ev in sorted(events, key=lambda e: e.evidence[0].start if e.evidence else 0):
        if _flagged(ev) or ev.type not in _WORDS:
            continue
        people = [a for a in ev.sources if (x := article.actor(a)) is not None and x.kind == "person"]
        day = _parse_day(ev.date) if ev.date_precision == "day" and ev.date_text else None
        if day is not None and 0 <= (ref - day).days <= STORY_DAYS:
            for a in people:
                spoke.setdefault(a, ev)
        elif ev.date_precision == "article" and (first := next((spoke[a] for a in people if a in spoke), None)) is not None:
            dated[ev.id] = replace(ev, date=first.date, date_precision="day", date_text=first.date_text,
                                   date_trusted=first.date_trusted)
    return [dated.get(e.id, e) for e in events]


#: a meeting and an agreement signed at it: told one after the other, with one day between them
_SIGNING = frozenset({"CONSULT", "AGREE"})
_SIGNING_CODES = frozenset({"057"})  # a signing SUPPORT (the 2021 crosswalk's), an agreement to most coders
_NEAR = 2  # sentences after the dated one


def _signing_days(events: list[Event], ref: date) -> list[Event]:
    """"The ministers signed the accord on Wednesday ... [They] met for two hours before signing": a meeting told with
    no time of its own in the two sentences after a signing dated on a day of the news, or a signing so told after
    such a meeting, took place that day (the talks an agreement was signed at, the signing at the end of the talks).
    Not a meeting after a meeting: a second one told near the first is as often another."""
    def kin(ev: Event) -> bool:
        return (ev.type in _SIGNING or ev.cameo in _SIGNING_CODES) and not _flagged(ev) and bool(ev.evidence)

    dated = {}
    last: Event | None = None
    for ev in sorted(events, key=lambda e: e.evidence[0].start if e.evidence else 0):
        if not kin(ev):
            continue
        day = _parse_day(ev.date) if ev.date_precision == "day" and ev.date_text else None
        if day is not None and 0 <= (ref - day).days <= STORY_DAYS:
            last = ev
        elif ev.date_precision == "article" and last is not None and (ev.type == "CONSULT") != (last.type == "CONSULT") \
                and ev.evidence[0].sent is not None and last.evidence[0].sent is not None \
                and 0 <= ev.evidence[0].sent - last.evidence[0].sent <= _NEAR:
            dated[ev.id] = replace(ev, date=last.date, date_precision="day", date_text=last.date_text,
                                   date_trusted=last.date_trusted)
    return [dated.get(e.id, e) for e in events]


def _dates_a_thing(index: TokenIndex, head: Token) -> bool:
    """Is the time phrase headed at ``head`` a year or day given a thing in its name ("over the 2020 rally", "after
    the May 2019 vote"), the object of a preposition of cause or sequence: the thing's date, not the act's?"""
    t = head
    while t.dep in _NAMING and t.head != t.i:
        t = index.toks[t.head]  # up the name's words: "2019" in "the 2019 Vellmark Square sit-in"
    if t is head or t.ent_type == "DATE" or t.pos not in ("NOUN", "PROPN") or t.dep != "pobj" or t.head == t.i:
        return False
    return index.toks[t.head].lemma.lower() in load_events().modes["cause_prepositions"]


#: the dependencies of the words of a noun's name
_NAMING = frozenset({"nummod", "compound", "amod", "npadvmod", "poss"})


#: the relations of a clause that describes part of another: it happened in that other's time (``_governing_time``)
_DESCRIBING_DEPS = frozenset({"relcl", "advcl", "acl"})
#: what makes an adverbial clause an earlier or later act ("after", "before"), not one of the same time
_ORDERING_MARKS = frozenset({"after", "before", "until", "till", "since", "once"})
#: the relations of a clause with a time of its own: what is said, intended or asked
_OWN_TIME_DEPS = frozenset({"ccomp", "parataxis", "xcomp", "csubj"})


def _told_now(index: TokenIndex, trig: Token) -> bool:
    """Is the clause of ``trig`` (its own verb, or the nearest above it) told in the present or the future: a
    present-tense verb, or one with a present or future auxiliary ("has since adopted", "will join")?"""
    t = trig
    for _ in range(4):
        if t.pos in VERBISH:
            break
        if t.head == t.i:
            return False
        t = index.toks[t.head]
    return t.tag in ("VBZ", "VBP") or any(a.tag in ("VBZ", "VBP", "MD") for a in index.kid_tokens(t, "aux", "auxpass"))


def _flagged(ev: Event) -> bool:
    return ev.aux.negated or ev.aux.hypothetical or ev.aux.future or ev.aux.historical


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


#: a time that is an earlier year, whatever the article's date ("last year", "two years ago"; not "the previous
#: year", which counts from another time)
_EARLIER_YEAR = re.compile(r"(?:last year|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|many|some|a few)"
                           r" years? ago)$", re.IGNORECASE)
#: a time told as to come, whatever the article's date ("next Monday", "tomorrow")
_COMING = re.compile(r"(?:next|tomorrow)\b", re.IGNORECASE)


def _long_before(value: str, precision: str, ref: date) -> bool:
    """Is a date (``2014``, ``2019-08``, ``2019-08-14``) background to news of ``ref``: an earlier year, or a
    month or day two months or more before it (``ARTICLE-CODING.md``'s "historical")?"""
    parts = value.split("-")
    if not parts[0].isdigit() or len(parts[0]) != 4:
        return False
    year = int(parts[0])
    if precision == "year":
        return year < ref.year
    if precision in ("month", "day") and len(parts) >= 2 and parts[1].isdigit():
        months = (ref.year - year) * 12 + ref.month - int(parts[1])
        if precision == "day" and len(parts) >= 3 and parts[2].isdigit() and months == 2:
            return ref.day >= int(parts[2])  # two full months
        return months >= 2
    return False


def _relative_clause(index: TokenIndex, trig: Token, word: str) -> Token | None:
    """The verb of the relative clause introduced by ``word`` ("when", "where") that the trigger's clause is, or is
    conjoined to ("when rebels stormed the town and burnt the market"); ``None`` when it is none."""
    t, hops = trig, 0
    while t.dep == "conj" and hops < 3 and t.pos in VERBISH:
        t, hops = index.toks[t.head], hops + 1
    if t.dep != "relcl" or t.pos not in VERBISH or not any(c.lemma.lower() == word for c in index.kid_tokens(t, "advmod")):
        return None
    return t


def _after_heads(index: TokenIndex, trigs: list[Token]) -> list[Token]:
    """The verbs a trigger's clause happened before: "visited X in 2010, after X was released" (visited; and "form" in
    "failed to form a government in 1974 after X demanded ...")."""
    out = []
    for trig in trigs:
        t = trig
        while t.head != t.i and t.pos in VERBISH and (t.dep == "conj" or t.dep == "advcl" and _participle(index, t)):
            t = index.toks[t.head]  # (a participle adjunct: "walked out after ..., refusing to back the cuts")
        if t.dep == "advcl" and t.pos in VERBISH and t.head != t.i and any(
                c.text.lower() == "after" for c in index.kid_tokens(t, "mark")):
            h = index.toks[t.head]
            out.append(h)
            out.extend(x for x in index.kid_tokens(h, "xcomp") if x.pos in VERBISH)  # "failed to win a seat in 1974"
            by = index.toks[h.head]
            if h.dep == "pcomp" and by.lemma.lower() == "by" and by.head != by.i:
                out.append(index.toks[by.head])  # "caused chaos by blocking roads after X threatened": caused
    return out


def _fronted_clauses(index: TokenIndex, verb: Token) -> list[Token]:
    """The clauses fronted before the first of the verbs ``verb`` is conjoined to: "When the country went to the
    polls in 1990, the party lost and its leader resigned" (the leader resigned then too)."""
    t, hops = verb, 0
    while t.dep == "conj" and t.head != t.i and hops < 3:
        t, hops = index.toks[t.head], hops + 1
    if t is verb or t.pos not in VERBISH:
        return []
    return [c for c in index.kid_tokens(t, "advcl") if c.i < t.i]


def _marked(index: TokenIndex, verb: Token) -> bool:
    """Is ``verb``'s clause introduced by "when", "as" or "while"?"""
    return any(c.text.lower() in SAME_TIME for c in index.kid_tokens(verb, "mark", "advmod"))


def _participle(index: TokenIndex, verb: Token) -> bool:
    """Is ``verb`` a bare participle adjunct ("..., seizing four villages") with no subject or marker of its own?"""
    return verb.tag == "VBG" and not any(c.dep in ("nsubj", "nsubjpass", "mark", "csubj") for c in index.kid_tokens(verb))


def _parse_day(s: str | None) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None
