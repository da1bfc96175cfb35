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
#: CI sets this (``.ci/run``): without the evaluation data the run fails instead of skipping
REQUIRE_SHARED = os.environ.get("DRAGOMAN_REQUIRE_SHARED") == "1"
SHARED_FIXTURES = frozenset({"seed_text", "seed_expected", "seed_article", "seed_article_published"})
_skipped_for_shared: list[str] = []


def _uses_shared(fn: object, depth: int = 2) -> bool:
    """Does a function name a path under SHARED, or call (``depth`` levels) a module function that does?"""
    code = getattr(fn, "__code__", None)
    if code is None:
        return False
    glob = getattr(fn, "__globals__", {})
    root = str(SHARED)
    for n in code.co_names:
        v = glob.get(n)
        if isinstance(v, Path) and str(v).startswith(root):
            return True
        if depth and callable(v) and getattr(v, "__module__", None) == glob.get("__name__") and _uses_shared(v, depth - 1):
            return True
    return False


def needs_shared(item: pytest.Item) -> bool:
    """Does a test read ../shared: a seed fixture, or a path under SHARED named in its code, its fixtures'
    code or the module functions they call?"""
    if SHARED_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    if _uses_shared(getattr(item, "function", None)):
        return True
    info = getattr(item, "_fixtureinfo", None)
    for defs in (info.name2fixturedefs.values() if info else ()):
        if any(_uses_shared(d.func) for d in defs):
            return True
    return False


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if EVAL_DIR.is_dir() and SEED_DIR.is_dir():
        return
    if REQUIRE_SHARED:
        raise pytest.UsageError(
            f"the evaluation data is not at {SHARED} (DRAGOMAN_REQUIRE_SHARED=1): CI runs every accuracy suite; "
            "put the shared/ folder beside the repository or point DRAGOMAN_SHARED at it")
    skip = pytest.mark.skip(reason=f"needs the evaluation data in {SHARED} (see README: the evaluation data)")
    for item in items:
        if needs_shared(item):
            item.add_marker(skip)
            _skipped_for_shared.append(item.nodeid)


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    if _skipped_for_shared:
        terminalreporter.write_line(
            f"{len(_skipped_for_shared)} tests skipped for want of the evaluation data at {SHARED}: the accuracy "
            "suites, the seed article and the shared reference (put shared/ beside the repository, or set "
            "DRAGOMAN_SHARED; CI sets DRAGOMAN_REQUIRE_SHARED=1 so that they never skip there)")


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


def wait_for_sidecar(proc, side, timeout: float = 60) -> dict:
    """The JSON a `dragoman serve` subprocess writes beside its store once it listens (a hang guard, not a
    speed check: the server's own failure is reported with its stderr)."""
    import json
    import time

    deadline = time.monotonic() + timeout
    while not side.exists():
        assert proc.poll() is None, proc.stderr.read().decode()
        assert time.monotonic() < deadline, "no sidecar file"
        time.sleep(0.1)
    return json.loads(side.read_text())


def stop_server(proc, sig=None) -> None:
    """Stop a `dragoman serve` subprocess (SIGTERM unless ``sig``), killing it if it does not end in 30 s."""
    import signal
    import subprocess

    proc.send_signal(sig or signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="session")
def models():
    """spaCy's model exactly as spaCy loads it, and as dragoman runs it (compiled ruler, remembered lemmas)."""
    from dragoman.nlp.parser import load_model
    from dragoman.settings import Settings

    name = Settings().model
    return load_model(name, compiled=False), load_model(name)
