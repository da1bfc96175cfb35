"""Indirect speech: "X said (that) …", "…, X said, …" and "according to X, …" outside direct quotes.

The quote's content is the reported clause (``direct=False``): the speech verb's clausal
complement, the sentence around a parenthetical cue, or the rest of the sentence beside an
"according to" phrase.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate

from dragoman.model import Article, Quote, Token
from dragoman.quotes.lexicon import Lexicon
from dragoman.quotes.quote import build, word_tokens
from dragoman.quotes.speech import Parse

#: what trims a reported clause beside an "according to" phrase
_EDGE = " ,;:—–-"


class Taken:
    """The spans of the direct quotes, sorted by start with the furthest end reached so far: a span
    overlaps one of them when the quotes starting before its end reach past its start."""

    def __init__(self, direct: list[Quote]):
        spans = sorted((q.start, q.end) for q in direct)
        self.starts = [qs for qs, _ in spans]
        self.reach = list(accumulate((qe for _, qe in spans), max))

    def overlaps(self, s: int, e: int) -> bool:
        k = bisect_left(self.starts, e)
        return k > 0 and self.reach[k - 1] > s


def reported_speech(article: Article, p: Parse, lex: Lexicon, direct: list[Quote]) -> list[Quote]:
    """The indirect quotes of a parsed article outside its direct quotes, in text order."""
    taken = Taken(direct)
    cues = {q.cue_span for q in direct if q.cue_span}
    out: list[Quote] = []
    for t in p.toks:
        if t.pos not in ("VERB", "AUX") and t.dep != "prep":
            continue  # neither a speech verb nor "according to"
        if (t.start, t.end) in cues or taken.overlaps(t.start, t.end):
            continue
        if p.is_cue(t) and t.dep == "parataxis" and p.reported_clause(t) is None:
            q = _aside(article, p, lex, t, taken)
        elif p.is_cue(t) or (t.lemma.lower() in lex.weak_cue_verbs and t.pos == "VERB"):
            q = _clause(article, p, lex, t, taken)
        elif t.dep == "prep" and p.phrase_cue(t) is not None:
            q = _according(article, p, lex, t, taken)
        else:
            q = None
        if q is not None:
            out.append(q)
    return out


def _aside(article: Article, p: Parse, lex: Lexicon, t: Token, taken: Taken) -> Quote | None:
    """"The museum, Mr. Obama said, would make visitors …": the sentence around the aside."""
    host = p.head_token(t)
    if host is None or t.lemma.lower() in lex.weak_cue_verbs:
        return None
    own = {x.i for x in p.subtree_tokens(t)}
    toks = [x for x in p.subtree_tokens(host) if x.sent == t.sent and x.i not in own]
    while toks and toks[-1].pos == "PUNCT":
        toks.pop()
    if len(word_tokens(toks)) < 4:
        return None
    s, e = p.span_of(toks)
    if taken.overlaps(s, e):
        return None
    return build(article, p, lex, p.attribution(t, None, "aside"), s, e, False)


def _clause(article: Article, p: Parse, lex: Lexicon, t: Token, taken: Taken) -> Quote | None:
    """"X said (that) …": the speech verb's reported clause, in the verb's sentence."""
    clause = p.reported_clause(t)
    if clause is None or not p.is_cue(t, clause if clause.dep == "ccomp" else None):
        return None
    if t.lemma.lower() in lex.weak_cue_verbs and not p.that_clause(clause):
        return None  # "attacked shipping …": a weak verb reports speech only with "that"
    toks = [x for x in p.subtree_tokens(clause) if x.sent == t.sent]
    s, e = p.span_of(toks)
    if taken.overlaps(s, e) or len(word_tokens(toks)) < 3:
        return None
    return build(article, p, lex, p.attribution(t, clause, "indirect"), s, e, False)


def _according(article: Article, p: Parse, lex: Lexicon, t: Token, taken: Taken) -> Quote | None:
    """"according to X, …": the rest of the sentence, on the longer side of the phrase."""
    sent = article.sentences[t.sent]
    att = p.according(t.i, t.i + 1)
    if att is None or att.speaker is None:
        return None
    ps, pe = p.span_of(p.subtree_tokens(t))
    left = (sent.start, ps)
    right = (pe, sent.end)
    s, e = max(left, right, key=lambda r: r[1] - r[0])
    seg = article.text[s:e]
    s += len(seg) - len(seg.lstrip(_EDGE))
    seg = article.text[s:e]
    e = s + len(seg.rstrip(_EDGE))
    if e - s < 12 or taken.overlaps(s, e):
        return None
    return build(article, p, lex, att, s, e, False)
