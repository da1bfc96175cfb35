"""Direct quotes: spans between quotation marks (:mod:`dragoman.text.marks`) that report someone's words.

A whole sentence in quotation marks is a quote even without a cue (it goes on the speech before
it); a few quoted words inside a sentence are a quote only when a speech verb governs them ("called
it “a disgrace”"): otherwise they are scare quotes, titles or nicknames.  When the quoted words are a
small part of the reported clause ("said that the talks were “constructive”"), the quote's content
is the whole clause (the speaker's claim, partly in their own words), as in PolNeAR's annotation.
"""

from __future__ import annotations

import re
from dataclasses import replace

from dragoman.model import Article, Quote, Token
from dragoman.quotes.lexicon import Lexicon
from dragoman.quotes.quote import build, events_in, word_tokens
from dragoman.quotes.speech import Attribution, Parse
from dragoman.text.chrome import spans_of
from dragoman.text.marks import Marked, find_marked

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


def direct_quotes(article: Article, p: Parse, lex: Lexicon) -> list[Quote]:
    """The direct quotes of a parsed article, in text order."""
    quotes: list[Quote] = []
    prev: tuple[Quote, int] | None = None  # the last attributed quote and its paragraph
    for m in find_marked(article.text):
        if _in_chrome(article, m):
            continue
        inside = p.tokens_in(m.start, m.end)
        if not word_tokens(inside):
            continue
        whole = _is_whole(article, m, inside)
        att = _attribution(article, p, m, inside, whole)
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
            quotes[-1] = replace(last, start=s, end=e, text=article.text[s:e], events=events_in(article, s, e))
            continue
        if att is None:
            q = _continued(article, m, prev, _paragraph(article, inside[0]))
        else:
            q = build(article, p, lex, att, start, end, True)
        if q.speaker_text is not None or q.speaker is not None:
            prev = (q, _paragraph(article, inside[-1]))
        quotes.append(q)
    return quotes


def _attribution(article: Article, p: Parse, m: Marked, inside: list[Token], whole: bool) -> Attribution | None:
    """Who said the quoted words, by the strategies of :mod:`dragoman.quotes.speech`, precise first."""
    att = p.by_path(inside, m.open_mark, (m.close_mark or m.end) + 1)
    if att is None and (whole or len(word_tokens(inside)) >= 3):
        att = p.by_frame(m.open_mark, m.close_mark)
    if att is None and whole:
        att = p.by_dash(m.close_mark) or p.by_colon(m.open_mark)
    if att is None:
        first, last = inside[0], inside[-1]
        lo = article.sentences[first.sent].tok_start
        hi = article.sentences[last.sent].tok_end
        att = p.according(lo, hi, skip=(m.open_mark, (m.close_mark or m.end) + 1))
    return att


def _paragraph(article: Article, t: Token) -> int:
    return article.sentences[t.sent].paragraph if article.sentences else 0


def _in_chrome(article: Article, m: Marked) -> bool:
    return any(s <= m.open_mark < e for s, e in spans_of(article.chrome, _SKIP_CHROME))


def _is_whole(article: Article, m: Marked, inside: list[Token]) -> bool:
    """Quoted sentences (not a few words inside one): they are quotes with or without a cue."""
    words = word_tokens(inside)
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
    words = [t for t in word_tokens(inside) if len(t.text) > 3 or t.i == inside[0].i]
    if not words or not all(t.text[:1].isupper() or not t.text[:1].isalpha() for t in words):
        return False
    return bool(_TITLE_BEFORE.search(article.text[max(0, m.open_mark - 12) : m.open_mark]))


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
        sp = {x.i for x in p.subtree_tokens(att.speaker_head)}
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
