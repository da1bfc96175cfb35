"""Near-duplicate articles: the same wire story on several sites is linked to the first; different
stories are not; an index rebuilt from stored signatures links the same way."""

from __future__ import annotations

import random

import numpy as np

from dragoman.ingest.dedup import NUM_PERM, NearDuplicateIndex, minhash, similarity

WIRE = (
    "The foreign ministers of two neighbouring countries met in the capital on Monday to discuss trade and border "
    "security. Officials said the talks focused on reopening crossings that were closed last year and on a new "
    "customs agreement. The ministers agreed to set up a joint commission that will meet every three months to "
    "review progress. Opposition lawmakers criticised the government for what they called a lack of transparency "
    "in the negotiations, and said parliament should have a vote on any agreement before it takes effect. "
    "Analysts said the deal could double trade between the two countries within five years if it holds."
)


def _other_story(seed: int) -> str:
    rng = random.Random(seed)
    words = ["army", "rebels", "village", "attack", "police", "protest", "election", "court", "minister", "budget", "flood", "aid", "talks", "ceasefire", "province", "governor", "said", "on", "Tuesday", "after", "the", "in", "of", "to", "and", "a"]
    return " ".join(rng.choice(words) for _ in range(120))


def test_signature_shape_and_determinism():
    a, b = minhash(WIRE), minhash(WIRE)
    assert isinstance(a, np.ndarray) and a.dtype == np.uint64 and a.shape == (NUM_PERM,)
    assert np.array_equal(a, b)  # fixed seed: comparable across runs and processes
    assert similarity(a, b) == 1.0


def test_wire_copies_link_to_the_first_and_others_do_not():
    index = NearDuplicateIndex()
    assert index.add("site-a", WIRE) is None
    # the same story re-published: another site's credit line and a changed word
    copy = "By Staff Writer. " + WIRE.replace("Monday", "Monday morning") + " (Reuters)"
    assert index.add("site-b", copy) == "site-a"
    assert index.add("site-c", WIRE.upper()) == "site-a"  # case does not matter
    for i in range(20):
        assert index.add(f"other-{i}", _other_story(i)) is None
    # a rewrite that keeps only the first half is a different article
    assert index.add("half", WIRE[: len(WIRE) // 2]) is None
    assert len(index) == 24 and "site-b" in index
    assert index.add("site-b", copy) == "site-a"  # adding again returns the stored link


def test_rebuilt_from_signatures():
    index = NearDuplicateIndex()
    index.add("first", WIRE)
    index.add("x", _other_story(1))
    stored = [(k, index.signature(k).tolist()) for k in ("first", "x")]  # as a store would keep them
    again = NearDuplicateIndex.from_signatures(stored)
    assert again.add("later", WIRE + " Updated at noon.") == "first"
    assert again.add("sig-only", minhash(_other_story(1))) == "x"


def test_empty_and_short_texts_are_never_linked():
    index = NearDuplicateIndex()
    assert index.add("e1", "") is None
    assert index.add("e2", "  ... ") is None
    assert index.add("s1", "Talks resume") is None
    assert index.add("s2", "Talks resume") == "s1"  # the same short text is a duplicate
