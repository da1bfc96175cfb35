"""One ``Quote`` record from a span and its attribution: speaker, cue, channel and the events it reports."""

from __future__ import annotations

import re
from dataclasses import replace

from dragoman.model import Article, Quote, Token
from dragoman.quotes.channel import channel
from dragoman.quotes.lexicon import Lexicon
from dragoman.quotes.speaker import speaker_actor
from dragoman.quotes.speech import Attribution, Parse

_DATELINE_END = re.compile(r"[^-–—:\n]{0,40}?[-–—:]{1,2}\s*")


def build(article: Article, p: Parse, lex: Lexicon, att: Attribution, start: int, end: int, direct: bool) -> Quote:
    """The quote of ``[start, end)`` attributed by ``att`` (an indirect one starts after the dateline)."""
    if not direct:
        start = after_dateline(article, start, end)
    att = _outside_dateline(article, att)
    speaker_text = article.text[att.speaker[0] : att.speaker[1]] if att.speaker else None
    actor = speaker_actor(article, p, att)
    cue = att.cue_text.lower() if att.cue_text else None
    return Quote(
        speaker=actor.id if actor else None,
        start=start,
        end=end,
        text=article.text[start:end],
        direct=direct,
        cue=cue,
        channel=channel(article, p, lex, att, start, end),
        events=events_in(article, start, end),
        speaker_text=speaker_text,
        speaker_span=att.speaker,
        cue_span=att.cue_span,
    )


def word_tokens(toks: list[Token]) -> list[Token]:
    """The tokens that are words (not punctuation, symbols or spaces)."""
    return [t for t in toks if t.pos not in ("PUNCT", "SYM", "SPACE")]


def events_in(article: Article, start: int, end: int) -> tuple[str, ...]:
    """The ids of the events whose trigger lies inside ``[start, end)``."""
    return tuple(
        ev.id for ev in article.events if any(start <= v.trigger[0] < end for v in ev.evidence)
    )


def after_dateline(article: Article, start: int, end: int) -> int:
    """A reported clause that starts at the dateline ("KABUL - …") starts after it."""
    span = article.chrome.get("dateline")
    if not span or not (start <= span[0] < end or span[0] <= start < span[1]):
        return start
    m = _DATELINE_END.match(article.text, span[1])
    return m.end() if m and m.end() < end else start


def _outside_dateline(article: Article, att: Attribution) -> Attribution:
    """A speaker phrase never takes in the dateline ("SEOUL - North Korea" → "North Korea")."""
    span = article.chrome.get("dateline")
    if not att.speaker or not span or not (att.speaker[0] <= span[0] < att.speaker[1]
                                           or span[0] <= att.speaker[0] < span[1]):
        return att
    start = after_dateline(article, att.speaker[0], att.speaker[1])
    if start == att.speaker[0] or (att.speaker_head is not None and att.speaker_head.start < start):
        return replace(att, speaker=None, speaker_head=None)
    return replace(att, speaker=(start, att.speaker[1]))
