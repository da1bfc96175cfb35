"""The model, settings and the pipeline runner (stage names in failures)."""

from __future__ import annotations

import json

import pytest

from dragoman.errors import ConfigError
from dragoman.model import (
    Actor,
    Article,
    Aux,
    Event,
    Evidence,
    Failure,
    Location,
    Mention,
    Quote,
    ReferenceDate,
    TimeExpr,
)
from dragoman.settings import Settings


def sample_article() -> Article:
    text = "Egypt and Israel agreed on Sunday to extend the ceasefire in Gaza, an Egyptian official said."
    return Article(
        id="x1",
        text=text,
        reference_date=ReferenceDate("2023-05-14", "metadata", True),
        chrome={"title": (0, 5)},
        actors=(
            Actor("a1", "Egypt", "EGY", None, "GOV", None, "country", (Mention(0, 5, "Egypt"),)),
            Actor("a2", "Israel", "ISR", None, "GOV", None, "country", (Mention(10, 16, "Israel"),)),
        ),
        events=(
            Event("ev-1", "AGREE", None, ("ceasefire",), 1, "057", 8.0, ("a1", "a2"), (), True, "2023-05-14", "day",
                  "on Sunday", True, Location("Gaza", "PSE", 31.5, 34.47, "admin1", 60, 64), Aux(future=True),
                  (Evidence(0, 92, (17, 23), 0),), 0.8, "agree/verb"),
        ),
        times=(TimeExpr(24, 33, "on Sunday", "2023-05-14", "day", True),),
        quotes=(Quote("a1", 0, 66, text[:66], False, "said", None, ("ev-1",), "an Egyptian official"),),
    )


def test_record_round_trip():
    art = sample_article()
    rec = art.to_dict()
    json.dumps(rec)  # plain JSON
    back = Article.from_dict(json.loads(json.dumps(rec)))
    assert back.to_dict() == rec
    assert back.events[0].location.country == "PSE"
    assert back.events[0].aux.future is True


def test_actor_at_prefers_tightest_mention():
    art = sample_article()
    assert art.actor_at(11, 13).id == "a2"
    assert art.actor_at(80, 85) is None


def test_settings_file_overrides_only_what_it_sets(tmp_path):
    p = tmp_path / "dragoman.toml"
    p.write_text("n_process = 2\n[fetch]\nmax_bytes = 1000\n")
    s = Settings.load(p)
    assert s.n_process == 2 and s.fetch.max_bytes == 1000
    assert s.batch_size == Settings().batch_size and s.fetch.max_redirects == 5


def test_settings_unknown_key_names_file_and_key(tmp_path):
    p = tmp_path / "bad.toml"
    p.write_text("n_processes = 2\n")
    with pytest.raises(ConfigError) as e:
        Settings.load(p)
    assert "n_processes" in str(e.value) and str(p) in str(e.value) and "n_process" in str(e.value)


@pytest.mark.parametrize("value", ["0", "-1", '"two"', "1.5", "true"])
def test_n_process_must_be_a_number_of_processes(tmp_path, value):
    p = tmp_path / "dragoman.toml"
    p.write_text(f"n_process = {value}\n")
    with pytest.raises(ConfigError) as e:
        Settings.load(p)
    assert "n_process must be a whole number" in str(e.value) and str(p) in str(e.value)


def test_runner_names_the_stage_that_failed(pipeline):
    from dragoman.pipeline import Pipeline

    pipe = Pipeline.__new__(Pipeline)
    pipe.__dict__.update(pipeline.__dict__)

    def broken(article):
        if "boom" in article.text:
            raise KeyError("missing lexicon entry")
        return article

    pipe.post = list(pipeline.post) + [("broken", broken)]
    arts = [Article(id="ok", text="Chile and Peru signed a trade agreement."), Article(id="bad", text="A boom in Lima.")]
    out = pipe.run_batch(arts)
    assert isinstance(out[0], Article)
    assert isinstance(out[1], Failure)
    assert out[1].stage == "broken" and out[1].article_id == "bad"
    assert "stage 'broken' failed" in out[1].message and "KeyError" in out[1].message


def test_a_stage_that_returns_no_article_fails_that_article_naming_the_stage(pipeline):
    from dragoman.pipeline import Pipeline

    pipe = Pipeline.__new__(Pipeline)
    pipe.__dict__.update(pipeline.__dict__)

    def half_done(article):
        return article.to_dict() if "boom" in article.text else article

    pipe.post = list(pipeline.post) + [("half_done", half_done)]
    arts = [Article(id="bad", text="A boom in Lima."), Article(id="ok", text="Chile and Peru signed a trade agreement.")]
    out = pipe.run_batch(arts)
    assert isinstance(out[0], Failure) and isinstance(out[1], Article)  # the batch goes on
    assert out[0].stage == "half_done" and out[0].code == "stage" and out[0].article_id == "bad"
    assert "returned dict, not an Article" in out[0].message, out[0].message


def test_the_default_stage_order_reads_only_what_is_filled_before():
    from dragoman.pipeline import INPUT_FIELDS, NLP_STAGE, POST_STAGES, PRE_STAGES, check_stages

    order = [*PRE_STAGES, NLP_STAGE, *POST_STAGES]
    check_stages(order)
    filled = set(INPUT_FIELDS)
    for stage in order:  # the same claim, spelt out
        assert set(stage.reads) <= filled, (stage.name, set(stage.reads) - filled)
        filled |= set(stage.fills)
    assert {"actors", "events", "times", "quotes", "places", "topic", "tokens"} <= filled


def test_a_stage_reading_what_no_earlier_stage_fills_is_refused_when_the_pipeline_is_built():
    from dragoman.pipeline import Pipeline

    with pytest.raises(ConfigError) as e:  # refused before anything is loaded
        Pipeline(stages=["text", "actors", "speech", "quotes"])
    assert "stage 'quotes' reads 'events', which no earlier stage fills" in e.value.message
    assert e.value.hint == "add the 'events' stage before 'quotes'"
    with pytest.raises(ConfigError) as e:  # the event coder reads who speaks in quotes
        Pipeline(stages=["text", "actors", "events"])
    assert "stage 'events' reads 'quotes', which no earlier stage fills" in e.value.message
    assert e.value.hint == "add the 'speech' stage before 'events'"
    with pytest.raises(ConfigError) as e:
        Pipeline(stages=["text", "actors", "speech", "events", "relevance"])
    assert "stage 'relevance' reads 'topic'" in e.value.message and "'topic' stage" in e.value.hint


def test_a_stage_moved_before_the_stage_it_reads_from_is_refused():
    from dragoman.pipeline import NLP_STAGE, POST_STAGES, PRE_STAGES, Stage, check_stages

    by_name = {s.name: s for s in POST_STAGES}
    moved = [by_name["speech"]] + [s for s in POST_STAGES if s.name != "speech"]
    with pytest.raises(ConfigError) as e:
        check_stages([*PRE_STAGES, NLP_STAGE, *moved])
    assert "stage 'speech' reads 'actors'" in e.value.message
    assert e.value.hint == "run the 'actors' stage before 'speech'"
    with pytest.raises(ConfigError) as e:  # the parse is a stage like the others: nothing reads tokens before it
        check_stages([Stage("early", "x:y", ("tokens",), ()), NLP_STAGE])
    assert "stage 'early' reads 'tokens'" in e.value.message and e.value.hint == "run the 'nlp' stage before 'early'"


def test_a_stage_declaring_a_field_article_does_not_have_is_refused():
    from dragoman.pipeline import NLP_STAGE, Stage, check_stages

    with pytest.raises(ConfigError) as e:
        check_stages([NLP_STAGE, Stage("speakers", "x:y", ("tokens", "actor"), ("speakers",))])
    assert "stage 'speakers' declares the field 'actor', which Article does not have" in e.value.message


def test_an_unknown_stage_name_is_refused_with_the_known_names():
    from dragoman.pipeline import Pipeline

    with pytest.raises(ConfigError) as e:
        Pipeline(stages=["text", "actor"])
    assert e.value.message == "unknown stage: actor"
    assert "text, topic, nlp, actors, speech, events, merge, relevance, times, places, plausibility, quotes" in e.value.hint


def test_the_package_says_it_is_typed_and_ships_a_changelog():
    from pathlib import Path

    import dragoman

    assert (Path(dragoman.__file__).parent / "py.typed").exists()
    changelog = (Path(__file__).resolve().parents[1] / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "`speaker_span`" in changelog and "`evidence`" in changelog
