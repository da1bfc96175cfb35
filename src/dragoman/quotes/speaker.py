"""Who a quote's speaker is among the article's actors: the actor named by the speaker phrase, or the
one a pronoun speaker stands for."""

from __future__ import annotations

from dragoman.model import Actor, Article, Token
from dragoman.quotes.lexicon import Lexicon
from dragoman.quotes.speech import Attribution, Parse


def speaker_actor(article: Article, p: Parse, lex: Lexicon, att: Attribution, skip: tuple[int, int]) -> Actor | None:
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
    return any(t.dep in ("nsubj", "nsubjpass")
               or p.head_token(t) is not None and p.head_token(t).dep in ("nsubj", "nsubjpass")
               and t.dep in ("compound", "flat") for t in p.tokens_in(start, end))
