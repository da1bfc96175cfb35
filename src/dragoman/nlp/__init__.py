"""The only place spaCy is imported.

``Parser(settings).parse(articles)`` runs spaCy once per paragraph with ``nlp.pipe`` batching and
returns new ``Article`` records whose ``tokens``, ``sentences``, ``entities`` and ``noun_chunks``
are plain data with character offsets into ``Article.text``.  Paragraphs are split before parsing
(otherwise a masthead date swallows the next word) and spans listed in ``Article.chrome`` as
``masthead`` or ``title_repeat`` are not parsed at all.
"""

from __future__ import annotations

from dragoman.nlp.parser import Parser, paragraphs

__all__ = ["Parser", "paragraphs"]
