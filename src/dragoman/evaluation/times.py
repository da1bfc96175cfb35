"""The ``timebank`` suite: TIMEX3 values of DATE expressions given the document date.

For each gold DATE expression of ``timebank_dates.jsonl`` the predicted time expression that
overlaps it (or has the same text) and starts nearest to it is compared with the gold value;
exact equality counts (``../shared/eval/README.md``).  The document date ``dct`` is the trusted
reference (``make_article(text, published=dct)``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from dragoman.evaluation import Report
from dragoman.evaluation.common import read_jsonl
from dragoman.model import Article, TimeExpr


def match(gold: dict[str, Any], times: Iterable[TimeExpr]) -> TimeExpr | None:
    """The predicted expression overlapping ``gold`` (or with its text) that starts nearest to it."""
    gs, ge, gt = gold["start"], gold["end"], gold["text"].strip().lower()
    cands = [t for t in times if (t.start < ge and gs < t.end) or t.text.strip().lower() == gt]
    if not cands:
        return None
    return min(cands, key=lambda t: (abs(t.start - gs), t.start))


def score(records: Iterable[tuple[dict[str, Any], Article]], report_errors: int = 60) -> Report:
    total = found = correct = 0
    by_kind: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    for rec, art in records:
        for g in rec["timexes"]:
            if g.get("type") != "DATE":
                continue
            total += 1
            p = match(g, art.times)
            if p is not None:
                found += 1
            ok = p is not None and p.value == g["value"]
            correct += ok
            if not ok:
                by_kind[g["text"].lower()] += 1
                if len(errors) < report_errors:
                    errors.append(
                        {
                            "id": rec["id"],
                            "dct": rec["dct"],
                            "text": g["text"],
                            "gold": g["value"],
                            "pred": p.value if p else None,
                            "pred_text": p.text if p else None,
                            "context": rec["text"][max(0, g["start"] - 80) : g["end"] + 40],
                        }
                    )
    metrics = {
        "date_value_accuracy": round(correct / total, 4) if total else 0.0,
        "date_found": round(found / total, 4) if total else 0.0,
    }
    table = [{"text": k, "misses": n} for k, n in by_kind.most_common(30)]
    return Report("timebank", metrics, {"dates": total, "found": found, "correct": correct}, table, errors)


def run_timebank(path: Path, pipeline: Any, limit: int | None) -> Report:
    from dragoman.api_public import make_article

    recs = list(read_jsonl(path, limit))
    arts = [make_article(r["text"], id=r["id"], published=r["dct"], source=f"{path.name}:{r['id']}") for r in recs]
    pairs = []
    for rec, out in zip(recs, pipeline.run_batch(arts)):
        if isinstance(out, Article):
            pairs.append((rec, out))
        else:  # a failed article scores nothing
            pairs.append((rec, Article(id=rec["id"], text=rec["text"])))
    return score(pairs)
