"""Train the plausibility model (src/dragoman/events/data/plausibility.json) on articles the project wrote and
coded itself.

    python tools/train_plausibility.py [--folds 5] [--keep 0.99] [--dry-run]

The data: the project's written set (``src/dragoman/evaluation/data/written``, provenance in its README):
``articles.jsonl`` and ``gold.jsonl``, the events coded by hand following ../shared/eval/ARTICLE-CODING.md,
sentences and triggers copied from the text.  Every article
is coded by dragoman with the plausibility stage off; each factual event it produces is labelled 1 when it
matches a factual hand-coded event by sentence and type (the guideline's type match), else 0.  The model is
an L2-regularised logistic regression over ``dragoman.events.plausibility.features``; features seen fewer than
``--min-count`` times are left out.  Cross-validation by article (``--folds``) prints precision and recall of
the kept events at several thresholds before the final model is fitted on everything.  Nothing here reads
../shared/eval.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from logistic import best_l2, fit, matrix, vocabulary

from dragoman.api_public import make_article
from dragoman.evaluation.articles import (
    WRITTEN_DIR,
    Locator,
    Tally,
    factual,
    in_sentence,
    score_article,
    written_gold,
)
from dragoman.events.plausibility import DATA, features
from dragoman.pipeline import Pipeline
from dragoman.settings import Settings


def load(folder: Path) -> list[tuple[str, dict[str, str], str, list[dict[str, Any]]]]:
    """(id, metadata, text, coded events) of every article of the written set."""
    gold = {g["id"]: g["events"] for g in map(json.loads, (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines())}
    out = []
    for line in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        a = json.loads(line)
        out.append((a["id"], {"published": a.get("published") or "", "kind": a.get("kind") or ""}, a["text"], gold[a["id"]]))
    return out


def rows(data: Path) -> tuple[list[str], list[dict[str, float]], list[int]]:
    """(article id, features, label) for every factual event dragoman codes on the written articles."""
    arts = load(data)
    pipe = Pipeline(Settings(plausibility_threshold=0.0))
    inputs = [make_article(text, id=gid, published=meta.get("published"), source=f"written:{gid}")
              for gid, meta, text, _ in arts]
    outs = pipe.run_batch(inputs)
    ids, feats, labels = [], [], []
    for (gid, _, text, evs), out in zip(arts, outs):
        if not hasattr(out, "events"):
            print(f"{gid}: failed: {out}", file=sys.stderr)
            continue
        gold = written_gold(text, evs)
        loc = Locator(out.text)
        spans = [loc.find(text[g.sentence[0]:g.sentence[1]], g.sentence[0] / max(len(text), 1)) for g in gold]
        score_article(out, spans, gold, Tally(), [], gid)  # (checks the spans the way the eval does)
        for ev in out.events:
            if not factual(ev):
                continue
            ok = any(sp is not None and in_sentence(ev, sp) and ev.type in g.types and g.factual
                     for g, sp in zip(gold, spans))
            ids.append(gid)
            feats.append(features(out, ev))
            labels.append(int(ok))
    return ids, feats, labels


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=WRITTEN_DIR)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", type=float, nargs="+", default=[1.0, 3.0, 10.0, 30.0],
                    help="regularisation strengths tried; the one with the lowest cross-validated log-loss is kept")
    ap.add_argument("--keep", type=float, default=0.99,
                    help="the threshold is the highest that keeps this share of the right events (cross-validated)")
    ap.add_argument("--min-count", type=int, default=4)
    ap.add_argument("--dry-run", action="store_true", help="cross-validate only; do not write the model")
    args = ap.parse_args()
    ids, feats, labels = rows(args.data)
    y = np.array(labels, dtype=float)
    arts = sorted(set(ids))
    print(f"{len(arts)} articles with events, {len(y)} factual events coded, {int(y.sum())} of them right (type)",
          file=sys.stderr)
    fold_of = {a: i % args.folds for i, a in enumerate(arts)}  # (folds by article)
    l2, probs = best_l2([fold_of[a] for a in ids], feats, y, args.l2, args.min_count)
    print(f"kept l2 {l2}; cross-validated ({args.folds} folds by article): precision of the kept events, share of the "
          "right ones kept", file=sys.stderr)
    threshold = 0.0
    for t in np.arange(0.0, 0.701, 0.05):
        keep = probs >= t
        kept = y[keep].sum() / max(y.sum(), 1)
        print(f"  threshold {t:.2f}: precision {y[keep].mean() if keep.any() else 0:.3f}, right kept {kept:.3f}, "
              f"events kept {int(keep.sum())}", file=sys.stderr)
        if kept >= args.keep:
            threshold = round(float(t), 2)
    print(f"threshold (keeps >= {args.keep:.0%} of the right events): {threshold}", file=sys.stderr)
    names = vocabulary(feats, args.min_count)
    w = fit(matrix(feats, names), y, l2)
    if args.dry_run:
        return
    model = {
        "about": "Plausibility of a factual event (dragoman.events.plausibility): logistic regression weights.",
        "provenance": ("trained by tools/train_plausibility.py on src/dragoman/evaluation/data/written (articles "
                       "written and coded by hand for the project, see its README); no evaluation data"),
        "articles": len(arts), "events": len(y), "right": int(y.sum()), "l2": l2, "min_count": args.min_count,
        "threshold": threshold, "keep": args.keep,
        "weights": {n: round(float(v), 5) for n, v in zip(names, w)},
    }
    DATA.write_text(json.dumps(model, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {DATA} ({len(names)} weights)", file=sys.stderr)


if __name__ == "__main__":
    main()
