"""The plausibility stage (events/plausibility.py): a logistic model trained on the project's written articles
scores each factual event; below ``plausibility_threshold`` (by default the model's own) the event is dropped. The real spaCy
model and pipeline; every text here was written for these tests."""

from __future__ import annotations

import json

import pytest

from dragoman.api_public import extract
from dragoman.events.plausibility import DATA, features, probability
from dragoman.pipeline import Pipeline
from dragoman.settings import Settings

TEXT = ("Ruritanian police arrested 40 dock workers in Port Ellery on Tuesday, officials said. "
        "The union's leader, Mara Quist, accused the government of breaking the strike. "
        '"Ministers promise a fresh start every year," she said. '
        "The interior minister ordered police to clear the port.")


@pytest.fixture(scope="module")
def strict():
    return Pipeline(Settings(plausibility_threshold=0.5))


def test_the_model_ships_with_its_provenance():
    model = json.loads(DATA.read_text(encoding="utf-8"))
    assert "written" in model["provenance"] and model["articles"] >= 100 and len(model["weights"]) > 20
    assert 0 < model["threshold"] < 1


def test_on_by_default_at_the_models_own_threshold(pipeline):
    model = json.loads(DATA.read_text(encoding="utf-8"))
    assert Settings().plausibility_threshold == model["threshold"]  # retrain, then set the default to match
    art = extract(TEXT, published="2024-05-04", pipeline=pipeline)
    assert {e.type for e in art.events} >= {"COERCE", "ACCUSE"}


def test_a_threshold_of_zero_keeps_every_event(pipeline):
    everything = extract(TEXT, published="2024-05-04", pipeline=Pipeline(Settings(plausibility_threshold=0.0)))
    default = extract(TEXT, published="2024-05-04", pipeline=pipeline)
    kept = {e.id for e in default.events}
    assert kept <= {e.id for e in everything.events}
    floor = Settings().plausibility_threshold
    for e in everything.events:  # what the default drops is below its threshold, what it keeps is not
        flagged = e.aux.negated or e.aux.hypothetical or e.aux.future or e.aux.historical
        assert (e.id in kept) == (flagged or probability(everything, e) >= floor), (e.type, e.rule)


def test_each_factual_event_gets_a_probability(pipeline):
    art = extract(TEXT, published="2024-05-04", pipeline=pipeline)
    for ev in art.events:
        f = features(art, ev)
        assert f["bias"] == 1.0 and f[f"type={ev.type}"] == 1.0
        assert 0.0 < probability(art, ev) < 1.0


def test_a_threshold_drops_the_less_plausible_and_keeps_the_rest(strict):
    everything = extract(TEXT, published="2024-05-04", pipeline=Pipeline(Settings(plausibility_threshold=0.0)))
    kept = extract(TEXT, published="2024-05-04", pipeline=strict)
    probs = {e.id: probability(everything, e) for e in everything.events}
    assert {e.id for e in kept.events} == {i for i, p in probs.items() if p >= 0.5}
    assert len(kept.events) < len(everything.events), probs  # the order to the police, the quoted promise


def test_flagged_events_are_never_dropped(strict):
    art = extract("The minister said on Monday that the army would attack the rebels' camp next week.",
                  published="2024-05-04", pipeline=strict)
    assert any(e.aux.future or e.aux.hypothetical for e in art.events), [(e.type, e.aux) for e in art.events]
