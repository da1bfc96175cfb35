"""Quotes: direct and indirect speech, speaker, cue and channel, linked to the events they report.

The stage runs last (after events, merge, times and places) and fills ``Article.quotes``:

* **direct quotes** — spans between quotation marks (:mod:`dragoman.text.marks`) that report
  someone's words.  A whole sentence in quotation marks is a quote even without a cue (it goes on
  the speech before it); a few quoted words inside a sentence are a quote only when a speech verb
  governs them ("called it “a disgrace”"): otherwise they are scare quotes, titles or nicknames.
  When the quoted words are a small part of the reported clause ("said that the talks were
  “constructive”"), the quote's content is the whole clause (the speaker's claim, partly in their
  own words), as in PolNeAR's annotation.
* **indirect speech** — "X said (that) …", "X told reporters the army …", "according to X, …":
  the reported clause, ``direct=False``.
* **speaker** — the cue's subject (:mod:`dragoman.quotes.speech`), kept as the words of the text
  (``speaker_text``: "he", "officials") and resolved to an actor id: the actor mentioned there,
  else, for a pronoun, the nearest person named before it.
* **channel** — where it was said, when the text says so ("on Twitter", "in a statement", "told
  reporters"), from the lexicon's patterns in the cue's sentence.
* **events** — the ids of events whose trigger lies inside the quoted content.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from itertools import accumulate
from typing import Callable

from dragoman.model import Actor, Article, Quote, Token
from dragoman.quotes.lexicon import Lexicon, load
from dragoman.text.marks import Marked, find_marked
from dragoman.quotes.speech import Attribution, Parse
from dragoman.settings import Settings
from dragoman.text.chrome import spans_of

_DATELINE_END = re.compile(r"[^-–—:\n]{0,40}?[-–—:]{1,2}\s*")
#: chrome whose quotation marks are not quotes (headlines, mastheads, page boilerplate)
_SKIP_CHROME = ("title", "title_repeat", "masthead", "boilerplate")
#: a quoted fragment smaller than this share of its reported clause becomes a mixed quote (the clause)
MIXED_SHARE = 0.5
#: clauses hanging after a quote that are not part of the reported clause
_TRAILING = {"conj", "cc", "parataxis", "punct"}
_TRAILING_AFTER_COMMA = {"advcl", "npadvmod", "prep", "acl"}
_TITLE_BEFORE = re.compile(r"(?:['’]s|\bon)\s*$")
#: how many paragraphs back a cue-less quote may look for the speech it continues
CONTINUE_PARAGRAPHS = 2


def make(settings: Settings) -> Callable[[Article], Article]:
    lex = load()

    def extract(article: Article) -> Article:
        if not article.tokens:
            return article
        return article.replace(quotes=tuple(find_quotes(article, lex)))

    return extract


def find_quotes(article: Article, lex: Lexicon | None = None) -> list[Quote]:
    """All quotes of a parsed article, direct and indirect, in text order."""
    lex = lex or load()
    p = Parse(article, lex)
    direct = _direct(article, p, lex)
    indirect = _indirect(article, p, lex, direct)
    return sorted(direct + indirect, key=lambda q: (q.start, not q.direct))


# ---------------------------------------------------------------------------------------------
# direct quotes
# ---------------------------------------------------------------------------------------------


def _in_chrome(article: Article, m: Marked) -> bool:
    return any(s <= m.open_mark < e for s, e in spans_of(article.chrome, _SKIP_CHROME))


def _words(toks: list[Token]) -> list[Token]:
    return [t for t in toks if t.pos not in ("PUNCT", "SYM", "SPACE")]


def _is_whole(article: Article, m: Marked, inside: list[Token]) -> bool:
    """Quoted sentences (not a few words inside one): they are quotes with or without a cue."""
    words = _words(inside)
    if m.paragraphs > 1:
        return True
    if len(words) < 3:
        return False
    if not any(t.pos in ("VERB", "AUX") for t in words):
        return False
    before = article.text[: m.open_mark].rstrip(" \t\u00a0")
    lead_in = not before or before[-1] in ".!?:\n—–-" or before.endswith(",") and len(words) >= 4
    capital = next((c for c in article.text[m.start : m.end] if c.isalpha()), "a").isupper()
    long_words = [t for t in words if len(t.text) > 3]
    title_case = long_words and sum(t.text[:1].isupper() for t in long_words) / len(long_words) >= 0.6
    if lead_in and (capital or len(words) >= 6) and not (title_case and len(words) <= 6):
        return True
    return capital and len(words) >= 6 and not title_case


def _is_title(article: Article, m: Marked, inside: list[Token]) -> bool:
    """Capitalised words after a possessive or "on": the name of a show, a book, a programme."""
    words = [t for t in _words(inside) if len(t.text) > 3 or t.i == inside[0].i]
    if not words or not all(t.text[:1].isupper() or not t.text[:1].isalpha() for t in words):
        return False
    return bool(_TITLE_BEFORE.search(article.text[max(0, m.open_mark - 12) : m.open_mark]))


def _direct(article: Article, p: Parse, lex: Lexicon) -> list[Quote]:
    quotes: list[Quote] = []
    prev: tuple[Quote, int] | None = None  # the last attributed quote and its paragraph
    for m in find_marked(article.text):
        if _in_chrome(article, m):
            continue
        inside = p.tokens_in(m.start, m.end)
        if not _words(inside):
            continue
        whole = _is_whole(article, m, inside)
        att = p.by_path(inside, m.open_mark, (m.close_mark or m.end) + 1)
        if att is None and (whole or len(_words(inside)) >= 3):
            att = p.by_frame(m.open_mark, m.close_mark)
        if att is None and whole:
            att = p.by_dash(m.close_mark) or p.by_colon(m.open_mark)
        if att is None:
            first, last = inside[0], inside[-1]
            lo = article.sentences[first.sent].tok_start
            hi = article.sentences[last.sent].tok_end
            att = p.according(lo, hi, skip=(m.open_mark, (m.close_mark or m.end) + 1))
        para = article.sentences[inside[0].sent].paragraph if article.sentences else 0
        if att is None and not whole:
            continue  # scare quotes, titles, nicknames
        if att is None and m.close_mark is None:
            continue  # an unclosed mark with no speaker: an excerpt's block-quote mark, not a quote
        if not whole and _is_title(article, m, inside):
            continue  # on CNN's “State of the Union”
        start, end = m.start, m.end
        if att is not None and att.content_child is not None and not whole and att.cue is not None:
            start, end = _mixed(p, att, m, start, end)
        if quotes and start < quotes[-1].end and quotes[-1].start < end and (start, end) != (m.start, m.end):
            # a second quoted fragment of a reported clause already taken: one quote over both
            last = quotes[-1]
            s, e = min(last.start, start), max(last.end, end)
            quotes[-1] = replace(last, start=s, end=e, text=article.text[s:e], events=_events(article, s, e))
            continue
        if att is None:
            q = _continued(article, m, prev, para)
        else:
            q = _quote(article, p, lex, att, start, end, True)
        if q.speaker_text is not None or q.speaker is not None:
            prev = (q, article.sentences[inside[-1].sent].paragraph if article.sentences else 0)
        quotes.append(q)
    return quotes


def _mixed(p: Parse, att: Attribution, m: Marked, start: int, end: int) -> tuple[int, int]:
    """A few quoted words in a reported clause: the content is the clause ("that … “…”").

    Clauses hanging after the quote ("…, engaging in …", "… and encouraged …") are left out; a
    quote framed by a preposition ("described Clinton as a “disgrace” on Tuesday") runs from the
    object to the closing mark.
    """
    child = att.content_child
    assert child is not None and att.cue is not None
    close = (m.close_mark + 1) if m.close_mark is not None else end
    toks: list[Token] = []
    todo = [child]
    while todo:
        x = todo.pop()
        toks.append(x)
        for k in p.kid_tokens(x):
            if k.start > close and (k.dep in _TRAILING or k.dep in _TRAILING_AFTER_COMMA and _after_comma(p, k)):
                continue
            todo.append(k)
    toks = [t for t in toks if t.sent == child.sent and t.i != att.cue.i]
    if att.speaker_head is not None:
        sp = set(x.i for x in p.subtree_tokens(att.speaker_head))
        toks = [t for t in toks if t.i not in sp]
    if not toks:
        return start, end
    cs, ce = p.span_of(toks)
    if child.dep == "prep":
        obj = next((k for k in p.kid_tokens(att.cue) if k.dep in ("dobj", "obj") and k.i < child.i), None)
        if obj is not None:
            cs = min(cs, p.span_of(p.subtree_tokens(obj))[0])
        ce = close
    cs, ce = min(cs, m.open_mark), max(ce, close)
    if cs > att.cue.start and (end - start) < MIXED_SHARE * (ce - cs):
        return cs, ce
    return start, end


def _after_comma(p: Parse, k: Token) -> bool:
    """Whether the phrase of ``k`` follows a comma or a dash (an aside, not part of the claim)."""
    first = p.subtree_tokens(k)[0]
    return first.i > 0 and p.toks[first.i - 1].text in (",", "—", "–", "-", ";")


def _continued(article: Article, m: Marked, prev: tuple[Quote, int] | None, para: int) -> Quote:
    """A quoted sentence with no cue: the speech goes on from the last attributed quote nearby."""
    text = article.text[m.start : m.end]
    if prev is not None and para - prev[1] <= CONTINUE_PARAGRAPHS and prev[0].end <= m.start:
        q = prev[0]
        return Quote(q.speaker, m.start, m.end, text, True, None, q.channel, (), q.speaker_text, None, None)
    return Quote(None, m.start, m.end, text, True)


def _after_dateline(article: Article, start: int, end: int) -> int:
    """A reported clause that starts at the dateline ("KABUL - …") starts after it."""
    span = article.chrome.get("dateline")
    if not span or not (start <= span[0] < end or span[0] <= start < span[1]):
        return start
    m = _DATELINE_END.match(article.text, span[1])
    return m.end() if m and m.end() < end else start


def _outside_dateline(article: Article, att: Attribution) -> Attribution:
    """A speaker phrase never takes in the dateline ("SEOUL - North Korea" → "North Korea")."""
    span = article.chrome.get("dateline")
    if not att.speaker or not span or not (att.speaker[0] <= span[0] < att.speaker[1] or span[0] <= att.speaker[0] < span[1]):
        return att
    start = _after_dateline(article, att.speaker[0], att.speaker[1])
    if start == att.speaker[0] or (att.speaker_head is not None and att.speaker_head.start < start):
        return replace(att, speaker=None, speaker_head=None)
    return replace(att, speaker=(start, att.speaker[1]))


def _quote(article: Article, p: Parse, lex: Lexicon, att: Attribution, start: int, end: int, direct: bool) -> Quote:
    if not direct:
        start = _after_dateline(article, start, end)
    att = _outside_dateline(article, att)
    speaker_text = article.text[att.speaker[0] : att.speaker[1]] if att.speaker else None
    actor = _speaker_actor(article, p, lex, att, (start, end))
    cue = att.cue_text.lower() if att.cue_text else None
    return Quote(
        speaker=actor.id if actor else None,
        start=start,
        end=end,
        text=article.text[start:end],
        direct=direct,
        cue=cue,
        channel=_channel(article, p, lex, att, start, end),
        events=_events(article, start, end),
        speaker_text=speaker_text,
        speaker_span=att.speaker,
        cue_span=att.cue_span,
    )


# ---------------------------------------------------------------------------------------------
# indirect speech
# ---------------------------------------------------------------------------------------------


def _indirect(article: Article, p: Parse, lex: Lexicon, direct: list[Quote]) -> list[Quote]:
    """"X said (that) …", "…, X said, …" and "according to X, …" outside direct quotes."""
    taken = sorted((q.start, q.end) for q in direct)
    cues = {q.cue_span for q in direct if q.cue_span}
    # the direct quotes by start, with the furthest end reached so far: a span overlaps one of
    # them when the quotes starting before its end reach past its start
    starts = [qs for qs, _ in taken]
    reach = list(accumulate((qe for _, qe in taken), max))

    def overlaps(s: int, e: int) -> bool:
        k = bisect_left(starts, e)
        return k > 0 and reach[k - 1] > s

    out: list[Quote] = []
    for t in p.toks:
        if t.pos not in ("VERB", "AUX") and t.dep != "prep":
            continue  # neither a speech verb nor "according to"
        if (t.start, t.end) in cues or overlaps(t.start, t.end):
            continue
        if p.is_cue(t) and t.dep == "parataxis" and p.reported_clause(t) is None:
            # "The museum, Mr. Obama said, would make visitors …": the sentence around the aside
            host = p.head_token(t)
            if host is None or t.lemma.lower() in lex.weak_cue_verbs:
                continue
            own = {x.i for x in p.subtree_tokens(t)}
            toks = [x for x in p.subtree_tokens(host) if x.sent == t.sent and x.i not in own]
            while toks and toks[-1].pos == "PUNCT":
                toks.pop()
            if len(_words(toks)) < 4:
                continue
            s, e = p.span_of(toks)
            if overlaps(s, e):
                continue
            out.append(_quote(article, p, lex, p.attribution(t, None, "aside"), s, e, False))
        elif p.is_cue(t) or (t.lemma.lower() in lex.weak_cue_verbs and t.pos == "VERB"):
            clause = p.reported_clause(t)
            if clause is None or not p.is_cue(t, clause if clause.dep == "ccomp" else None):
                continue
            if t.lemma.lower() in lex.weak_cue_verbs and not p.that_clause(clause):
                continue  # "attacked shipping …": a weak verb reports speech only with "that"
            toks = [x for x in p.subtree_tokens(clause) if x.sent == t.sent]
            s, e = p.span_of(toks)
            if overlaps(s, e) or len(_words(toks)) < 3:
                continue
            out.append(_quote(article, p, lex, p.attribution(t, clause, "indirect"), s, e, False))
        elif t.dep == "prep" and p.phrase_cue(t) is not None:
            sent = article.sentences[t.sent]
            att = p.according(t.i, t.i + 1)
            if att is None or att.speaker is None:
                continue
            phrase = p.subtree_tokens(t)
            ps, pe = p.span_of(phrase)
            # the reported clause is the rest of the sentence, on the longer side of the phrase
            left = (sent.start, ps)
            right = (pe, sent.end)
            s, e = max(left, right, key=lambda r: r[1] - r[0])
            seg = article.text[s:e]
            s += len(seg) - len(seg.lstrip(" ,;:—–-"))
            seg = article.text[s:e]
            e = s + len(seg.rstrip(" ,;:—–-"))
            if e - s < 12 or overlaps(s, e):
                continue
            out.append(_quote(article, p, lex, att, s, e, False))
    return out


# ---------------------------------------------------------------------------------------------
# speaker, channel, events
# ---------------------------------------------------------------------------------------------


def _speaker_actor(article: Article, p: Parse, lex: Lexicon, att: Attribution, skip: tuple[int, int]) -> Actor | None:
    """The actor named by the speaker's head, its name words, or what it speaks for ("a
    spokesman for the ministry"); a pronoun goes to the nearest person named before it."""
    head = att.speaker_head
    if head is None:
        return None
    for tok in _naming_tokens(p, head):
        actor = article.actor_at(tok.start, tok.end)
        if actor is not None:
            return actor
    if head.text.lower() in lex.person_pronouns:
        persons = head.text.lower() not in ("they", "them", "we")
        return _nearest_before(article, p, head.start, persons, skip)
    return None


def _naming_tokens(p: Parse, head: Token) -> list[Token]:
    """The head, the words of its name (compound, flat, amod), then the object of "for"/"of"
    hanging on it — not possessors ("his wife" is not him) nor places ("a doctor at …")."""
    name = [head] + [k for k in p.kid_tokens(head) if k.dep in ("compound", "flat", "amod", "nmod")]
    spoken_for = []
    for prep in p.kid_tokens(head):
        if prep.dep == "prep" and prep.text.lower() in ("for", "of"):
            spoken_for += [k for k in p.kid_tokens(prep) if k.dep == "pobj"]
    return name + spoken_for


def _nearest_before(article: Article, p: Parse, offset: int, persons: bool, skip: tuple[int, int]) -> Actor | None:
    """The actor a pronoun speaker stands for: a person for he/she/I, any other for they/we.

    Among the mentions before ``offset`` (not inside the quote ``skip``, not pronouns), the last
    one that is the subject of its sentence wins; failing that, the last one.
    """
    best: tuple[int, Actor] | None = None
    best_subject: tuple[int, Actor] | None = None
    for a in article.actors:
        if (a.kind == "person") != persons:
            continue
        for mn in a.mentions:
            if mn.end > offset or mn.kind == "pronoun" or skip[0] <= mn.start < skip[1]:
                continue
            if best is None or mn.end > best[0]:
                best = (mn.end, a)
            if _is_subject(p, mn.start, mn.end) and (best_subject is None or mn.end > best_subject[0]):
                best_subject = (mn.end, a)
    chosen = best_subject or best
    return chosen[1] if chosen else None


def _is_subject(p: Parse, start: int, end: int) -> bool:
    return any(t.dep in ("nsubj", "nsubjpass") or p.head_token(t) is not None and p.head_token(t).dep in ("nsubj", "nsubjpass")
               and t.dep in ("compound", "flat") for t in p.tokens_in(start, end))


def _channel(article: Article, p: Parse, lex: Lexicon, att: Attribution, start: int, end: int) -> str | None:
    cue = att.cue
    if cue is None:
        return None
    implied = lex.cue_verbs.get(cue.lemma.lower())
    sent = article.sentences[cue.sent]
    if not lex.any_channel.search(article.text, sent.start, sent.end):
        return implied
    best: tuple[int, str] | None = None
    for ch in lex.channels:
        for mt in ch.pattern.finditer(article.text, sent.start, sent.end):
            if start <= mt.start() < end:
                continue  # inside the quoted words
            name = ch.channel
            if "{org}" in name:
                org = mt.group("org")
                if not _is_outlet(article, mt.start("org"), mt.end("org"), org):
                    continue
                name = name.replace("{org}", org.strip())
            dist = min(abs(mt.start() - cue.end), abs(mt.end() - cue.start))
            if best is None or dist < best[0]:
                best = (dist, name)
    if best is not None:
        return best[1]
    return implied


def _is_outlet(article: Article, s: int, e: int, name: str) -> bool:
    """"told Reuters" is an interview; "told Smith" is not: the name must be an organisation."""
    if name.isupper() and len(name) >= 2:
        return True
    return any(ent.label == "ORG" and ent.start < e and s < ent.end for ent in article.entities)


def _events(article: Article, start: int, end: int) -> tuple[str, ...]:
    return tuple(
        ev.id for ev in article.events if any(start <= v.trigger[0] < end for v in ev.evidence)
    )
