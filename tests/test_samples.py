"""The bundled sample articles (``dragoman demo`` input) parse as inputs and hold the designed cases.

The samples are written for this project: invented but plausible diplomatic and conflict news.
Pairs are designed to exercise de-duplication and event merging: the same meeting told by two
outlets, a wire story copied by two sites, and two meetings of the same pair a week apart.
"""

from __future__ import annotations

import itertools
import json
import re

import pytest
from conftest import SAMPLES_DIR

from dragoman.ingest import read_inputs
from dragoman.model import Article, Failure
from dragoman.settings import Settings

PAIRS = {
    "same meeting, two outlets": ("same-meeting-nation", "same-meeting-horn"),
    "wire copy": ("wire-copy-sudantimes", "wire-copy-africawire"),
    "same pair a week apart": ("weekly-meeting-1", "weekly-meeting-2"),
}


@pytest.fixture(scope="module")
def samples() -> list[Article | Failure]:
    return list(read_inputs([str(SAMPLES_DIR)], Settings()))


@pytest.fixture(scope="module")
def by_id(samples) -> dict[str, Article]:
    return {a.id: a for a in samples if isinstance(a, Article)}


def words(text: str) -> int:
    return len(text.split())


def shingles(text: str, n: int = 5) -> set[tuple[str, ...]]:
    w = re.findall(r"\w+", text.lower())
    return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}


def jaccard(a: str, b: str) -> float:
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb)


def test_folder_holds_only_inputs():
    for p in SAMPLES_DIR.iterdir():
        assert p.suffix in {".jsonl", ".txt"}, f"{p.name} is not an input file; `dragoman demo` walks this folder"


def test_every_sample_parses(samples):
    failures = [f for f in samples if isinstance(f, Failure)]
    assert not failures, failures
    assert len(samples) >= 20


def test_word_counts(samples):
    for art in samples:
        n = words(art.text)
        assert 150 <= n <= 450, f"{art.id} has {n} words"


def test_ids_unique_and_kept(samples):
    ids = [a.id for a in samples]
    assert len(ids) == len(set(ids))
    lines = (SAMPLES_DIR / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    recs = [json.loads(x) for x in lines if x.strip()]
    for rec in recs:
        assert {"id", "url", "title", "published", "text"} <= rec.keys()
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", rec["published"])
    assert {r["id"] for r in recs} <= set(ids)
    assert len({r["url"] for r in recs}) == len(recs)


def test_jsonl_articles_have_trusted_dates(by_id):
    art = by_id["weekly-meeting-2"]
    assert art.reference_date.date == "2024-05-14" and art.reference_date.trusted


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_designed_pairs_exist(by_id, name):
    a, b = PAIRS[name]
    assert a in by_id and b in by_id
    assert by_id[a].url != by_id[b].url


def test_wire_copy_is_near_verbatim_and_retold_meeting_is_not(by_id):
    wire = jaccard(by_id["wire-copy-sudantimes"].text, by_id["wire-copy-africawire"].text)
    retold = jaccard(by_id["same-meeting-nation"].text, by_id["same-meeting-horn"].text)
    weekly = jaccard(by_id["weekly-meeting-1"].text, by_id["weekly-meeting-2"].text)
    assert wire > 0.8
    assert retold < 0.2 and weekly < 0.2
    assert by_id["wire-copy-sudantimes"].title != by_id["wire-copy-africawire"].title


def test_text_pages_carry_chrome(samples):
    from dragoman.text import make

    annotate = make(Settings())
    pages = [annotate(a) for a in samples if a.meta.get("format") == "text"]
    assert len(pages) >= 4
    for page in pages:
        assert "masthead" in page.chrome and page.dateline and page.agency and page.title, page.meta
        assert page.reference_date.source == "page" and not page.reference_date.trusted
    assert any("title_repeat" in p.chrome for p in pages)
    assert any(p.agency == "AFP" for p in pages)


def test_variety_of_cases(samples):
    """The samples exercise the cases the coders must handle (words checked, not events)."""
    text = "\n".join(a.text for a in samples)
    for cue in ("did not meet", "will visit", "could impose sanctions", "signed in", "according to",
                "on Twitter", "in a statement", "told reporters", "in an interview with", "on state television",
                "“", '"', "ceasefire", "arrested", "shelling", "demanded", "threatened", "rejected", "troops"):
        assert cue in text, cue
    # a direct quote spanning two sentences, and one running on into the next paragraph
    assert re.search(r"“[^”]*[.!?] [^”]*,” ", text)
    paras = [p.strip() for p in text.split("\n\n")]
    assert any(p.startswith('"') and p.count('"') % 2 == 1 and q.startswith('"') for p, q in itertools.pairwise(paras))
