"""The ``places`` suite: the project's own set of place mentions with their right country.

``data/places.jsonl`` (written for this project, never taken from an evaluation set) holds
sentences from every continent, each with one place mention and its ISO3 country.  A mention is
found when some resolved place of ``Article.places`` overlaps it; it is correct when that place's
country is the gold country.  ``country_accuracy`` counts a mention not found as wrong.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from dragoman.evaluation import Report
from dragoman.evaluation.common import read_jsonl
from dragoman.model import Article, Location

BUNDLED = Path(__file__).parent / "data" / "places.jsonl"


def best_place(places: tuple[Location, ...], start: int, end: int) -> Location | None:
    """The resolved place overlapping [start, end) the most."""
    best: tuple[int, Location] | None = None
    for p in places:
        if p.start is None or p.end is None:
            continue
        ov = min(end, p.end) - max(start, p.start)
        if ov > 0 and (best is None or ov > best[0]):
            best = (ov, p)
    return best[1] if best else None


def run_places(path: Path, pipeline: Any, limit: int | None) -> Report:
    from dragoman.api_public import make_article

    data = path if path.is_file() else BUNDLED
    recs = list(read_jsonl(data, limit))
    arts = [make_article(r["text"], id=r["id"], source=f"{data.name}:{r['id']}") for r in recs]
    outs = pipeline.run_batch(arts)
    total = found = correct = 0
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    errors: list[dict[str, Any]] = []
    for rec, out in zip(recs, outs):
        total += 1
        s = rec["text"].find(rec["place"])
        e = s + len(rec["place"])
        p = best_place(out.places, s, e) if isinstance(out, Article) else None
        ok = p is not None and p.country == rec["country"]
        found += p is not None
        correct += ok
        per[rec.get("continent", "?")][0] += 1
        per[rec.get("continent", "?")][1] += ok
        if not ok:
            errors.append({"id": rec["id"], "text": rec["text"], "place": rec["place"], "gold": rec["country"],
                           "pred": p.country if p else None, "pred_name": p.name if p else None})
    metrics = {
        "country_accuracy": round(correct / total, 4) if total else 0.0,
        "found": round(found / total, 4) if total else 0.0,
    }
    table = [{"continent": k, "mentions": n, "correct": c, "accuracy": round(c / n, 3)} for k, (n, c) in sorted(per.items())]
    return Report("places", metrics, {"mentions": total, "found": found, "correct": correct}, table, errors)
