"""Shared fixtures: the real spaCy model, the shared evaluation data, temporary stores."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DRAGOMAN_SHARED", ROOT.parent / "shared"))
EVAL_DIR = SHARED / "eval"
SEED_DIR = SHARED / "samples" / "seed"
SAMPLES_DIR = ROOT / "src" / "dragoman" / "samples"
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(scope="session")
def pipeline():
    """One real pipeline (spaCy en_core_web_sm 3.8.0) for the whole session."""
    from dragoman.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def unfiltered():
    """The pipeline without the relevance stage: every event the coder finds, with a participant or not
    (for tests of who the coder takes as participants, not of which events are kept)."""
    from dragoman.pipeline import Pipeline
    from dragoman.settings import Settings

    return Pipeline(Settings(political_only=False))


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (SEED_DIR / "article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_expected() -> dict:
    import json

    return json.loads((SEED_DIR / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_article(pipeline, seed_text):
    from dragoman.api_public import extract

    return extract(seed_text, pipeline=pipeline)


@pytest.fixture(scope="session")
def seed_article_published(pipeline, seed_text):
    from dragoman.api_public import extract

    return extract(seed_text, published="2020-10-28", pipeline=pipeline)


@pytest.fixture
def db_path(tmp_path) -> Path:
    """A fresh DuckDB file path."""
    return tmp_path / "test.duckdb"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
