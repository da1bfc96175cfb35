"""Who a quote's speaker is among the article's actors: the actor the speaker phrase names or, for a
pronoun ("he said"), the actor the actor stage's coreference (:mod:`dragoman.actors.coref`) gave it."""

from __future__ import annotations

from dragoman.model import Actor, Article, Token
from dragoman.quotes.speech import Attribution, Parse


def speaker_actor(article: Article, p: Parse, att: Attribution) -> Actor | None:
    """The actor with a mention at the speaker's head, its name words, or what it speaks for ("a
    spokesman for the ministry"); a pronoun head is such a mention when coreference resolved it."""
    head = att.speaker_head
    if head is None:
        return None
    for tok in _naming_tokens(p, head):
        actor = article.actor_at(tok.start, tok.end)
        if actor is not None:
            return actor
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
