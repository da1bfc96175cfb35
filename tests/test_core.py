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


def test_the_package_says_it_is_typed_and_ships_a_changelog():
    from pathlib import Path

    import dragoman

    assert (Path(dragoman.__file__).parent / "py.typed").exists()
    changelog = (Path(__file__).resolve().parents[1] / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "`speaker_span`" in changelog and "`evidence`" in changelog
