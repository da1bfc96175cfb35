"""``dragoman extract --processes 2`` gives the very output of ``--processes 1``: same records,
same order, failures passed through in their place."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dragoman.cli import main
from dragoman.settings import Settings

STORIES = [
    "The {a} foreign minister met his {b} counterpart in {c} on Monday to discuss border security.",
    "{a} accused {b} of violating the ceasefire near {c}, the defence ministry said on Tuesday.",
    "Thousands of protesters marched in {c} on Friday against new taxes, police said.",
    "\u201cWe will not accept any deal that ignores our farmers,\u201d the {a} president said in {c}.",
    "{a} pledged $50 million in aid to {b} after floods hit {c} last week.",
    "The {a} army attacked rebel positions near {c} overnight, killing at least 12 fighters.",
]
PLACES = [("French", "Turkish", "Ankara"), ("Kenyan", "Somali", "Nairobi"), ("Brazilian", "Argentine", "Brasilia"),
          ("Japanese", "Chinese", "Tokyo"), ("Polish", "German", "Warsaw")]


def articles(n: int) -> list[dict]:
    out = []
    for i in range(n):
        a, b, c = PLACES[i % len(PLACES)]
        first = STORIES[i % len(STORIES)].format(a=a, b=b, c=c)
        second = STORIES[(i + 2) % len(STORIES)].format(a=b, b=a, c=c)
        out.append({"id": f"t{i:02d}", "published": f"2024-03-{1 + i % 28:02d}", "text": f"{first}\n\n{second}"})
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("runner") / "in.jsonl"
    lines = [json.dumps(a) for a in articles(40)]  # three chunks: both workers busy, order matters
    lines.insert(4, "{not json")  # input failures in the middle of the stream
    lines.insert(20, json.dumps({"id": "empty", "text": "   "}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_processes_2_output_identical_to_processes_1(corpus, tmp_path, pipeline):
    runner = CliRunner()
    outs = []
    for n in (1, 2):
        out = tmp_path / f"out{n}.jsonl"
        res = runner.invoke(main, ["extract", str(corpus), "--jsonl", "-o", str(out), "--processes", str(n)])
        assert res.exit_code == 1, res.output  # two inputs fail, the others are coded
        assert "40 articles coded, 2 failed" in res.output
        errors = [line for line in res.output.splitlines() if line.startswith("error:")]
        assert len(errors) == 2 and "in.jsonl:5:" in errors[0] and "in.jsonl:21:" in errors[1], errors
        outs.append(out.read_text(encoding="utf-8"))
    assert outs[0] == outs[1]
    recs = [json.loads(line) for line in outs[0].splitlines()]
    assert [r["id"] for r in recs] == [f"t{i:02d}" for i in range(40)]
    assert sum(len(r["actors"]) for r in recs) > 40  # really coded


def test_the_n_process_setting_is_the_number_of_workers(corpus, tmp_path, pipeline):
    """A settings file's ``n_process = 2`` codes on two worker processes (``--processes`` not given): the
    runner starts them, and ``dragoman extract`` gives the output of one process."""
    import multiprocessing

    from dragoman.ingest import read_inputs
    from dragoman.runner import run

    cfg = tmp_path / "dragoman.toml"
    cfg.write_text("n_process = 2\n", encoding="utf-8")
    settings = Settings.load(cfg)
    before = set(multiprocessing.active_children())
    coded = run(read_inputs([str(corpus)], settings), settings)
    first = next(coded)
    workers = set(multiprocessing.active_children()) - before
    assert len(workers) == 2, workers
    assert len([first, *coded]) == 42
    outs = []
    for args in (["--processes", "1"], ["--settings", str(cfg)]):
        out = tmp_path / f"out{len(outs)}.jsonl"
        res = CliRunner().invoke(main, ["extract", str(corpus), "--jsonl", "-o", str(out), *args])
        assert "40 articles coded, 2 failed" in res.output
        outs.append(out.read_text(encoding="utf-8"))
    assert outs[0] == outs[1]


def test_a_worker_that_cannot_load_the_pipeline_stops_the_run_with_the_reason(corpus, tmp_path):
    bad = tmp_path / "actors.yaml"
    bad.write_text("actors:\n  - {name: [unclosed\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(corpus), "--jsonl", "-o", str(tmp_path / "o.jsonl"),
                                    "--processes", "2", "--actors", str(bad)])
    assert res.exit_code == 1
    assert "actors.yaml" in res.output and "YAML" in res.output
    assert "coded" not in res.output  # not one "worker failed" line per article
