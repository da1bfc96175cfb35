"""The event suites: the seed article end to end, and the scoring rules of ../shared/eval/README.md.

The scoring tests use records the project writes here (not the evaluation data): they check that
the suites compute what the README says, and that a wrong output would be caught.
"""

from __future__ import annotations

import json

import pytest
from conftest import SEED_DIR

from dragoman.evaluation.events import score_conflibert, score_plover, score_seed
from dragoman.model import Actor, Article, Aux, Event, Evidence, Mention


def test_seed_required_events_and_must_not(seed_article, seed_expected):
    report = score_seed(seed_expected, seed_article)
    missing = [r for r in report.table if r["required"] and not r["complete"]]
    assert not missing, missing
    assert report.metrics["restated_once"] == 1.0, report.table
    assert report.metrics["must_not_ok"] == 1.0, report.errors


def test_seed_lead_event_is_told_once_with_its_sentences(seed_article, seed_expected):
    """The event of the headline, the lead and the quote is one record with all three as evidence."""
    lines = seed_article.text.split("\n")
    starts = [sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines))]
    lead = next(g for g in seed_expected["events"] if g.get("required") and len(g.get("lines", [])) >= 3)
    covering = [e for e in seed_article.events if e.type == lead["plover"]
                and {i for i in lead["lines"] for v in e.evidence if starts[i] <= v.trigger[0] < starts[i] + len(lines[i])} == set(lead["lines"])]
    assert len(covering) == 1
    assert len({e.id for e in seed_article.events}) == len(seed_article.events)


def test_seed_must_not_is_checked_generically(seed_article, seed_expected):
    """Making the reporting unit a participant of an event must be caught."""
    reporter = next(a for a in seed_expected["actors"] if any("(" in m for m in a.get("mentions", [])))
    text = seed_article.text
    name = reporter["name"]
    start = text.index(name)
    fake = Actor(id="zz", name=name, mentions=(Mention(start, start + len(name), name),))
    ev = seed_article.events[0]
    bad = seed_article.replace(actors=seed_article.actors + (fake,),
                               events=(ev.__class__(**{**{f: getattr(ev, f) for f in ev.__dataclass_fields__}, "sources": ev.sources + ("zz",)}),)
                               + seed_article.events[1:])
    report = score_seed(seed_expected, bad)
    assert report.metrics["must_not_ok"] == 0.0 and report.errors


def _event(type_, sources=(), targets=(), cameo=None, conf=0.9, negated=False, recip=False):
    return Event(id=f"e-{type_}-{conf}", type=type_, sources=tuple(sources), targets=tuple(targets), cameo=cameo,
                 confidence=conf, aux=Aux(negated=negated), reciprocal=recip, evidence=(Evidence(0, 5, (0, 1)),))


def _article(events, actors):
    return Article(id="x", text="x", events=tuple(events),
                   actors=tuple(Actor(id=i, name=n, mentions=(Mention(0, 1, n),)) for i, n in actors))


def test_plover_scoring_rules():
    recs = [
        {"id": "1", "text": "", "plover_event": "DEMAND", "source": [{"text": "U.S. officials"}], "target": [{"text": "Iran's government"}]},
        {"id": "2", "text": "", "plover_event": "CONSULT", "source": [{"text": "Egypt"}], "target": [{"text": "Jordan"}], "reciprocal": True},
        {"id": "3", "text": "", "plover_event": "ASSAULT", "source": [{"text": "rebels"}], "target": []},
    ]
    arts = [
        _article([_event("REQUEST", ["a"], ["b"], conf=0.8), _event("ASSAULT", ["b"], conf=0.95, negated=True)],
                 [("a", "US"), ("b", "Iran")]),
        _article([_event("CONSULT", ["b"], ["a"])], [("a", "Egypt"), ("b", "Jordan")]),
        _article([], []),
    ]
    r = score_plover(recs, arts)
    # the negated ASSAULT is not the top event; no event is a miss (precision 1, recall 2/3)
    assert r.metrics["micro_f1"] == pytest.approx(0.8)
    assert r.metrics["source_match"] == pytest.approx(2 / 3, abs=1e-3) and r.metrics["target_match"] == 1.0
    assert r.metrics["events_per_sentence"] == 1.0


def test_conflibert_scoring_rules():
    recs = [{"id": str(i), "text": "", "quad_label": g} for i, g in enumerate([0, 1, 2, 3, 4, 0])]
    arts = [
        _article([_event("REQUEST", cameo="020")], []),  # an appeal is a statement: class 0
        _article([_event("AGREE", cameo="036")], []),
        _article([_event("RETREAT", cameo="0841")], []),
        _article([_event("SANCTION", cameo="161")], []),  # CAMEO 16 is verbal conflict
        _article([_event("COERCE", cameo="173")], []),
        _article([], []),
    ]
    r = score_conflibert(recs, arts)
    assert r.metrics["accuracy"] == 1.0 and r.metrics["event_accuracy"] == 1.0
    arts[3] = _article([], [])
    assert score_conflibert(recs, arts).metrics["event_accuracy"] == pytest.approx(0.75)


def test_expected_file_is_read_not_copied():
    assert json.loads((SEED_DIR / "expected.json").read_text(encoding="utf-8"))["events"]


@pytest.mark.slow
def test_plover_gsr_no_shower_of_events(pipeline):
    """At most 1.3 events per one-event sentence (read from ../shared/eval at test time)."""
    from conftest import EVAL_DIR

    from dragoman.evaluation import run

    path = EVAL_DIR / "plover_gsr.jsonl"
    if not path.exists():
        pytest.skip("the evaluation data is not at ../shared/eval")
    report = run("plover", EVAL_DIR, pipeline)
    assert report.metrics["events_per_sentence"] <= 1.3
