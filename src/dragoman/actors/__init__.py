"""Actors: find the participants in the parse and code them offline (country, org, sector, role).

``make(settings)`` loads the lexicons (and the user's dictionary, ``settings.actors_file``) once and
returns the stage: ``Article`` with tokens/entities/noun chunks → ``Article`` with ``actors``.
See :mod:`dragoman.actors.resolver` for the steps and :mod:`dragoman.actors.coref` for how
mentions are gathered into actors.
"""

from __future__ import annotations

from collections.abc import Callable

from dragoman.actors.lexicon import Lexicon, default_lexicon
from dragoman.model import Article
from dragoman.settings import Settings

__all__ = ["load_lexicon", "make", "resolve"]


def load_lexicon(settings: Settings | None = None) -> Lexicon:
    """The built-in lexicons, with the user's dictionary on top when ``settings.actors_file`` is set."""
    if settings is not None and settings.actors_file:
        from dragoman.actors.dictionary import load_dictionary

        return Lexicon(load_dictionary(settings.actors_file))
    return default_lexicon()


def resolve(article: Article, lexicon: Lexicon | None = None, focus: bool = True) -> Article:
    """Find and code the actors of one parsed article (``focus``: local actors the text gives no
    country take the country the article is about, see :mod:`dragoman.actors.focus`)."""
    from dragoman.actors import coref, resolver
    from dragoman.actors.focus import apply_focus

    lex = lexicon or default_lexicon()
    if not article.tokens:
        return article.replace(actors=())
    ctx = resolver.Context(article, lex)
    actors = coref.build(ctx, resolver.resolve_units(ctx))
    return article.replace(actors=apply_focus(ctx, actors) if focus else actors)


def make(settings: Settings) -> Callable[[Article], Article]:
    lex = load_lexicon(settings)

    focus = settings.focus_country

    def stage(article: Article) -> Article:
        return resolve(article, lex, focus)

    return stage
