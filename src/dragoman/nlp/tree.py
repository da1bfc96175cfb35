"""The dependency tree of one parsed article, indexed once for every stage that reads it.

``Tree(article)`` works on the plain ``Token`` records of :mod:`dragoman.model` (no spaCy here):
who hangs on whom (heads, children, subtrees, ancestors), which tokens lie at character offsets,
and the bounds of a token's sentence.  Navigation comes in two forms: by token index (``kids``,
``subtree``, ``ancestors``: cheap ints, for the stages that keep indexes) and by token
(``kid_tokens``, ``subtree_tokens``, ``ancestor_tokens``, ``head_token``: the same walks returning
``Token`` records).  The actors, events, times, places and quotes stages build their own helpers
on top of it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence

from dragoman.model import Article, Token

#: how many heads a walk up the tree passes at most (a guard against a malformed parse)
MAX_DEPTH = 64


#: the indexes of the article last indexed (its tokens, starts, lemmas, children): the stages of one article build a
#: tree each, over the same tokens, one after the other — read-only, so shared
_last: tuple[Sequence[Token], list[int], list[str], list[list[int]]] | None = None


def _index(toks: Sequence[Token]) -> tuple[list[int], list[str], list[list[int]]]:
    """The tokens' start offsets, lower-case lemmas and dependents."""
    n = len(toks)
    children: list[list[int]] = [[] for _ in range(n)]
    for t in toks:
        if t.head != t.i and 0 <= t.head < n:
            children[t.head].append(t.i)
    return [t.start for t in toks], [t.lemma.lower() for t in toks], children


class Tree:
    """One article's dependency parse: children of every token and token start offsets."""

    def __init__(self, article: Article) -> None:
        global _last
        self.article = article
        self.toks: Sequence[Token] = article.tokens
        last = _last
        if last is None or last[0] is not self.toks:
            last = _last = (self.toks, *_index(self.toks))
        #: character offset where each token starts (sorted: tokens are in text order)
        self.starts: list[int] = last[1]
        #: each token's lemma in lower case (read a million times an article batch: worked out once)
        self.lemmas: list[str] = last[2]
        #: the indexes of each token's dependents, in text order
        self.children: list[list[int]] = last[3]

    # -- by token index ------------------------------------------------------------------------

    def head(self, i: int) -> int | None:
        """The index of token ``i``'s head (``None`` for a sentence root)."""
        h = self.toks[i].head
        return None if h == i else h

    def kids(self, i: int, *deps: str) -> list[int]:
        """Token ``i``'s dependents (only those with one of ``deps`` when given)."""
        ch = self.children[i]
        return [c for c in ch if self.toks[c].dep in deps] if deps else list(ch)

    def kid(self, i: int, *deps: str) -> int | None:
        """Token ``i``'s first dependent with one of ``deps``."""
        for c in self.children[i]:
            if self.toks[c].dep in deps:
                return c
        return None

    def subtree(self, i: int, stop: frozenset[str] | set[str] = frozenset()) -> list[int]:
        """The indexes of ``i``'s subtree in text order, not descending into dependents labelled
        with one of ``stop``."""
        out = [i]
        stack = [i]
        while stack:
            j = stack.pop()
            for c in self.children[j]:
                if self.toks[c].dep in stop:
                    continue
                out.append(c)
                stack.append(c)
        out.sort()
        return out

    def ancestors(self, i: int, limit: int = MAX_DEPTH) -> Iterator[int]:
        """The heads above token ``i``, closest first (at most ``limit``)."""
        t = self.toks[i]
        seen = 0
        while t.head != t.i and seen < limit:
            t = self.toks[t.head]
            seen += 1
            yield t.i

    def depth(self, i: int) -> int:
        """How many heads lie above token ``i``."""
        return sum(1 for _ in self.ancestors(i))

    def is_ancestor(self, a: int, b: int) -> bool:
        """Does token ``a`` dominate token ``b``?"""
        return any(x == a for x in self.ancestors(b))

    def lemma(self, i: int) -> str:
        """Token ``i``'s lemma in lower case."""
        return self.lemmas[i]

    def sentence_range(self, i: int) -> range:
        """The indexes of the tokens of token ``i``'s sentence."""
        sents = self.article.sentences
        sent = self.toks[i].sent
        if 0 <= sent < len(sents) and sents[sent].tok_start <= i < sents[sent].tok_end:
            return range(sents[sent].tok_start, sents[sent].tok_end)
        lo = hi = i
        while lo > 0 and self.toks[lo - 1].sent == sent:
            lo -= 1
        while hi + 1 < len(self.toks) and self.toks[hi + 1].sent == sent:
            hi += 1
        return range(lo, hi + 1)

    # -- by token ------------------------------------------------------------------------------

    def head_token(self, t: Token) -> Token | None:
        """``t``'s head (``None`` for a sentence root)."""
        return self.toks[t.head] if t.head != t.i else None

    def kid_tokens(self, t: Token, *deps: str) -> list[Token]:
        """``t``'s dependents (only those with one of ``deps`` when given)."""
        return [self.toks[c] for c in self.kids(t.i, *deps)]

    def subtree_tokens(self, t: Token, stop: frozenset[str] | set[str] = frozenset()) -> list[Token]:
        """``t``'s subtree in text order, not descending into dependents labelled with ``stop``."""
        return [self.toks[i] for i in self.subtree(t.i, stop)]

    def ancestor_tokens(self, t: Token, limit: int = MAX_DEPTH) -> list[Token]:
        """The heads above ``t``, closest first (at most ``limit``)."""
        return [self.toks[i] for i in self.ancestors(t.i, limit)]

    # -- by character offset -------------------------------------------------------------------

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens lying wholly inside ``[start, end)``."""
        lo = bisect_left(self.starts, start)
        out = []
        for t in self.toks[lo:]:
            if t.start >= end:
                break
            if t.end <= end:
                out.append(t)
        return out

    def covering(self, start: int, end: int) -> list[Token]:
        """The tokens overlapping ``[start, end)``."""
        if not self.toks:
            return []
        lo = max(0, bisect_right(self.starts, start) - 1)
        hi = bisect_left(self.starts, end)
        return [t for t in self.toks[lo:hi] if t.start < end and start < t.end]

    def token_before(self, offset: int) -> int:
        """The index of the last token starting before ``offset`` (-1 when none)."""
        return bisect_left(self.starts, offset) - 1

    def span_head(self, start: int, end: int) -> Token | None:
        """The syntactic head of the span ``[start, end)``: its token whose head lies outside it."""
        toks = self.covering(start, end)
        if not toks:
            return None
        ids = {t.i for t in toks}
        for t in toks:
            if t.head not in ids or t.head == t.i:
                return t
        return toks[0]

    @staticmethod
    def span_of(toks: Iterable[Token]) -> tuple[int, int]:
        """The character span from the first to the last of ``toks``."""
        toks = list(toks)
        return min(t.start for t in toks), max(t.end for t in toks)
