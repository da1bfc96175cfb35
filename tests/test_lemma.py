"""The remembered lemmatizer gives, token by token, the lemmas spaCy's own lemmatizer gives."""

from __future__ import annotations

from test_ruler import SAMPLES

from dragoman.nlp.lemma import RememberedLemmatizer, remember_lemmas

#: forms whose lemma depends on the part of speech or the morphology as well as the text
EDGE = [
    "The leaders met. The meeting was long; they are meeting again. Meetings like these meet with protests.",
    "Police fined the firm. The fines were paid. She was better than them at it; the best talks were held.",
    "He has left. The left wing left the left bank. Saw the saw? Left, right, left.",
    "I'm gonna go. They've gone, we'd have stayed, you'll see; it's done and they're off.",
]


def test_the_model_runs_the_remembered_lemmatizer_in_spacys_place(models):
    stock, fast = models
    assert type(stock.get_pipe("lemmatizer")).__name__ == "EnglishLemmatizer"
    assert isinstance(fast.get_pipe("lemmatizer"), RememberedLemmatizer)
    assert list(fast.pipe_names).index("lemmatizer") == list(fast.pipe_names).index("attribute_ruler") + 1
    # its tables read as the stock component's (the parser's headline reading uses the word index)
    assert fast.get_pipe("lemmatizer").lookups.get_table("lemma_index") is not None


def test_same_lemmas_as_spacys_lemmatizer_twice_over(models):
    stock, fast = models
    texts = EDGE + [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.rglob("*.txt"))]
    texts += [line for p in sorted(SAMPLES.rglob("*.jsonl")) for line in p.read_text(encoding="utf-8").splitlines()]
    n = 0
    for _ in range(2):  # the second time every form is remembered
        for a, b in zip(stock.pipe(texts), fast.pipe(texts)):
            assert [(t.text, t.lemma_) for t in a] == [(t.text, t.lemma_) for t in b], a.text[:80]
            n += len(a)
    assert n > 10000
    lemmas = {(t.text, t.pos_, t.lemma_) for d in fast.pipe(EDGE) for t in d}
    assert ("meeting", "NOUN", "meeting") in lemmas and ("meeting", "VERB", "meet") in lemmas
    assert ("fined", "VERB", "fine") in lemmas or ("fined", "VERB", "fin") in lemmas  # whichever spaCy says


def test_a_lemma_the_attribute_ruler_set_is_kept(models):
    # the model's ruler gives "gonna" the lemmas "go" and "to"; asked, the lemmatizer would say "gon" and "na"
    _, fast = models
    doc = fast("They said they were gonna leave.")
    assert [t.lemma_ for t in doc if t.lower_ in ("gon", "na")] == ["go", "to"]


def test_a_lemmatizer_of_another_mode_is_kept():
    import spacy

    nlp = spacy.blank("en")

    class Other:
        mode = "pos_lookup_with_context"

        def __call__(self, doc):
            return doc

    nlp._components.append(("lemmatizer", Other()))
    assert remember_lemmas(nlp) is False
    assert type(nlp.get_pipe("lemmatizer")).__name__ == "Other"
