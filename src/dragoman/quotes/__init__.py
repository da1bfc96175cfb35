"""Quotes: direct and indirect speech, speaker, cue and channel, linked to the events they report.

Two stages. ``speech`` (:func:`make_speech`) runs after the actors and before the events and fills
``Article.quotes`` — so that the event coder knows who speaks in a sentence that continues a quote whose
speaker another sentence names ("It is a betrayal," she said. "They have broken every promise.").
``quotes`` (:func:`make`) runs last (after events, merge, times and places) and links each quote to the
events it reports. What a quote holds:

* **direct quotes** (:mod:`dragoman.quotes.quotation`) — spans between quotation marks
  (:mod:`dragoman.text.marks`) that report someone's words.  A whole sentence in quotation marks is
  a quote even without a cue (it goes on the speech before it); a few quoted words inside a
  sentence are a quote only when a speech verb governs them ("called it “a disgrace”"): otherwise
  they are scare quotes, titles or nicknames.  When the quoted words are a small part of the
  reported clause ("said that the talks were “constructive”"), the quote's content is the whole
  clause (the speaker's claim, partly in their own words), as in PolNeAR's annotation.
* **indirect speech** (:mod:`dragoman.quotes.report`) — "X said (that) …", "X told reporters the
  army …", "according to X, …": the reported clause, ``direct=False``.
* **speaker** — the cue's subject (:mod:`dragoman.quotes.speech`), kept as the words of the text
  (``speaker_text``: "he", "officials") and resolved to an actor id (:mod:`dragoman.quotes.speaker`):
  the actor mentioned there — for a pronoun, the actor the actor stage's coreference gave it.
* **channel** (:mod:`dragoman.quotes.channel`) — where it was said, when the text says so ("on
  Twitter", "in a statement", "told reporters"), from the lexicon's patterns in the cue's sentence.
* **events** — the ids of events whose trigger lies inside the quoted content (filled by ``quotes``,
  after the events are final).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from dragoman.model import Article, Quote
from dragoman.quotes.lexicon import Lexicon, load
from dragoman.quotes.quotation import direct_quotes
from dragoman.quotes.quote import events_in
from dragoman.quotes.report import reported_speech
from dragoman.quotes.speech import Parse
from dragoman.settings import Settings


def make_speech(settings: Settings) -> Callable[[Article], Article]:
    """The ``speech`` stage: every quote of the article with its speaker, cue and channel (no events yet)."""
    lex = load()

    def extract(article: Article) -> Article:
        if not article.tokens:
            return article
        return article.replace(quotes=tuple(find_quotes(article, lex)))

    return extract


def make(settings: Settings) -> Callable[[Article], Article]:
    """The ``quotes`` stage: each quote the ``speech`` stage found, linked to the events it reports."""

    def link(article: Article) -> Article:
        if not article.quotes:
            return article
        return article.replace(quotes=tuple(replace(q, events=events_in(article, q.start, q.end)) for q in article.quotes))

    return link


def find_quotes(article: Article, lex: Lexicon | None = None) -> list[Quote]:
    """All quotes of a parsed article, direct and indirect, in text order."""
    lex = lex or load()
    p = Parse(article, lex)
    direct = direct_quotes(article, p, lex)
    indirect = reported_speech(article, p, lex, direct)
    return sorted(direct + indirect, key=lambda q: (q.start, not q.direct))
