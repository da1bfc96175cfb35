"""spaCy's rule lemmatizer, remembered: the model's own lemmatizer, asked once per distinct word form.

``en_core_web_sm``'s lemmatizer works out a token's lemma from three values — its text, its part of speech and its
morphology — but spaCy asks it again for every token of every text, in a Python loop that builds a ``Token`` object
per word and reads its morphology as a dictionary each time (about a twentieth of the whole model's time here). A
news stream repeats the same forms endlessly.  ``RememberedLemmatizer`` reads those three values for a whole doc
with ``Doc.to_array``, asks the model's lemmatizer only about a combination it has not seen, remembers the answer
and writes every lemma back with ``Doc.from_array``.

The result is spaCy's: the lemma is the stock lemmatizer's first form for that token (it is asked with the very
token when a combination is new), a token whose lemma an earlier component set is left alone (as the stock
lemmatizer does unless told to overwrite), and ``tests/test_lemma.py`` checks the lemmas token by token against the
stock component.  Only a rule lemmatizer (or a lookup one) is remembered: any other mode keeps spaCy's component.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

log = logging.getLogger(__name__)

#: distinct (text, part of speech, morphology) combinations remembered before the memory is emptied
_CACHE_LIMIT = 500_000
#: the lemmatizer modes whose answer depends on those three values only
_PURE_MODES = frozenset({"rule", "lookup"})


class RememberedLemmatizer:
    """A drop-in for the model's lemmatizer component that asks it once per distinct word form."""

    def __init__(self, stock: Any):
        self.stock = stock
        self.overwrite = bool(getattr(stock, "overwrite", False))
        self.mode = stock.mode
        self.lookups = stock.lookups  # (its tables stay readable: the parser reads headlines with its word index)
        self._cache: dict[tuple[int, int, int], int] = {}
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        self._read = [ORTH, POS, MORPH, LEMMA]
        self._write = [LEMMA]

    def __call__(self, doc: Any) -> Any:
        n = len(doc)
        if not n:
            return doc
        import numpy

        rows = doc.to_array(self._read).tolist()
        strings = doc.vocab.strings
        cache = self._cache
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not self.overwrite:
                lemmas.append(lemma)
                continue
            key = (orth, pos, morph)
            h = cache.get(key)
            if h is None:
                if len(cache) > _CACHE_LIMIT:
                    cache.clear()
                h = cache[key] = strings.add(self.stock.lemmatize(doc[i])[0])
            lemmas.append(h)
        doc.from_array(self._write, numpy.array(lemmas, dtype="uint64").reshape(n, 1))
        return doc

    def pipe(self, stream: Iterable[Any], batch_size: int = 128) -> Iterator[Any]:
        for doc in stream:
            yield self(doc)


def remember_lemmas(nlp: Any, name: str = "lemmatizer") -> bool:
    """Put a ``RememberedLemmatizer`` in place of the model's lemmatizer; False (and spaCy's kept) when the model has
    none or its mode's answer may depend on more than a token's text, part of speech and morphology."""
    if name not in nlp.pipe_names:
        return False
    stock = nlp.get_pipe(name)
    if getattr(stock, "mode", None) not in _PURE_MODES or not hasattr(stock, "lemmatize"):
        log.info("keeping spaCy's lemmatizer: mode %r", getattr(stock, "mode", None))
        return False
    i = [n for n, _ in nlp._components].index(name)
    nlp._components[i] = (name, RememberedLemmatizer(stock))
    return True
