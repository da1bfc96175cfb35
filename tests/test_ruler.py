"""The compiled attribute ruler gives, token by token, what spaCy's own attribute ruler gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.nlp.ruler import CompiledRuler, Unsupported, compile_ruler

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "dragoman" / "samples"

#: sentences written to reach the ruler's exceptions: contractions, colloquial forms, "it"/"you"
#: as subject and object, "do"/"have" as main verbs, expletive "there", spaces, demonstratives
EDGE = [
    "I'm gonna tell you, y'all: let's go. C'mon, I gotta leave before they're doin' nothin'.",
    "It wo n't work, he said. They 'll see 'em tomorrow. That's 'nuff for ol' Bill; somethin' 's goin' on.",
    "You saw it and it saw you. I told him. He gets the point; she got the message. Give it to me.",
    "There is a problem. There were two talks. There's no deal. Here are those documents, these and that one.",
    "Did they do it? They did. He has a plan and had one before. Have you done what you had to do?",
    "The minister  met   the envoy.\n\nTalks\tresumed \u00a0on Friday.  ",
    "Which of these will the council adopt? That which was agreed, and those who signed it.",
]


def _annotations(doc):
    return [(t.text, t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_, t.head.i) for t in doc]


def test_the_model_runs_the_compiled_ruler(models):
    stock, fast = models
    assert type(stock.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
    assert isinstance(fast.get_pipe("attribute_ruler"), CompiledRuler)
    # same components, same order, same names, and one more: no sentence begins after an abbreviated title
    names = list(fast.pipe_names)
    assert names.index("dragoman_titles") == names.index("parser") - 1
    assert [n for n in names if n != "dragoman_titles"] == stock.pipe_names
    assert [type(p).__name__ for _, p in fast.pipeline].count("AttributeRuler") == 0


def test_same_annotations_as_spacys_ruler(models):
    stock, fast = models
    texts = EDGE + [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.rglob("*.txt"))]
    texts += [line for p in sorted(SAMPLES.rglob("*.jsonl")) for line in p.read_text(encoding="utf-8").splitlines()]
    assert len(texts) > 20
    n = 0
    for a, b in zip(stock.pipe(texts), fast.pipe(texts)):
        assert _annotations(a) == _annotations(b), a.text[:80]
        n += len(a)
    assert n > 5000
    # the exceptions were reached, not only the tag map: multi-token rules, the DEP and LOWER rules
    docs = list(fast.pipe(EDGE))
    lemmas = {(t.lower_, t.lemma_) for d in docs for t in d}
    assert {("gon", "go"), ("na", "to"), ("wo", "will"), ("'em", "them"), ("'s", "us")} <= lemmas
    it_cases = {str(t.morph.get("Case")) for d in docs for t in d if t.lower_ == "it"}
    assert it_cases >= {"['Nom']", "['Acc']"}


def test_a_pattern_it_cannot_reproduce_keeps_spacys_ruler():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}]], {"LEMMA": "x"})
    with pytest.raises(Unsupported, match="OP"):
        CompiledRuler(ruler)
    assert compile_ruler(nlp) is False
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"


def test_later_rules_win_and_the_index_picks_the_token():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "talks"}]], {"LEMMA": "first", "POS": "NOUN"})
    ruler.add([[{"LOWER": {"IN": ["talks", "peace"]}}]], {"LEMMA": "second"})
    ruler.add([[{"LOWER": "peace"}, {"LOWER": "talks"}]], {"LEMMA": "third"}, index=-1)
    ruler.add([[{"LOWER": {"REGEX": "^res"}}]], {"POS": "VERB", "MORPH": "Tense=Past"})
    texts = ["Peace talks resumed.", "The talks resumed, peace resumed.", "talks talks peace"]
    expected = [_annotations(d) for d in nlp.pipe(texts)]
    assert compile_ruler(nlp) is True
    got = [_annotations(d) for d in nlp.pipe(texts)]
    assert got == expected
    assert [t[3] for t in got[0][:2]] == ["second", "third"]
