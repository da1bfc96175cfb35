"""An experiment kept for the next attempt: a stance model — does a reported statement criticise someone?

    python tools/train_stance.py [--precision 0.85] [--out model.json]

Not part of the package: on the written set the statements it finds add accusations that careful coders mostly do
not code (results in tools/data/criticism/README.md), so the event coder does not use it.

The data: ``tools/data/criticism/part-*.jsonl``, news sentences the project wrote and labelled itself (provenance in
that folder's README), one reported statement each, labelled ``criticism`` true or false.  Every sentence is coded
by dragoman; each statement the event coder finds in it (``Coder.statements``: a speech verb with an actor for its
subject and a clause for its content, or a sentence continuing a speaker's quote) becomes a row with the
sentence's label and the features of ``features`` below.  Sentences in which the coder finds no
statement are counted and left out.  Cross-validation leaves one part (one writer, one kind of news) out at a
time, so the figures printed are for kinds of news the model was not trained on; the threshold written with the
model is the lowest at which the cross-validated precision reaches ``--precision``.  Nothing here reads
../shared/eval.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from logistic import best_l2, fit, matrix, vocabulary

from dragoman.api_public import make_article
from dragoman.events.coder import Coder, _descendants, _word_list
from dragoman.model import Article
from dragoman.pipeline import Pipeline
from dragoman.settings import Settings

FOLDER = ROOT / "tools" / "data" / "criticism"


#: named-entity kinds folded into one word each ("said <person> had lied"), so the model learns no names
_KINDS = {"PERSON": "<person>", "ORG": "<org>", "GPE": "<place>", "NORP": "<group>", "LOC": "<place>",
          "FAC": "<place>", "DATE": "<date>", "TIME": "<date>", "CARDINAL": "<num>", "MONEY": "<num>",
          "PERCENT": "<num>", "QUANTITY": "<num>", "ORDINAL": "<num>"}


def _word(view: Any, j: int) -> str | None:
    t = view.toks[j]
    if t.ent_type in _KINDS:
        return _KINDS[t.ent_type]
    if t.pos == "PROPN":
        return "<name>"
    if not any(ch.isalpha() for ch in t.text):
        return None
    return view.lemma(j).lower()


def features(view: Any, verb: int | None, content: Sequence[int], sources: Sequence[str],
             criticism: frozenset[str], praise: frozenset[str]) -> dict[str, float]:
    """The features of the statement whose speech verb is ``verb`` (``None`` for a continued quote) and
    whose content is the tokens ``content``, said by the actors ``sources``."""
    toks = view.toks
    out: dict[str, float] = {"bias": 1.0, "v:" + (view.lemma(verb).lower() if verb is not None else "<quote>"): 1.0}
    order = sorted(content)
    prev: str | None = None
    last = -2
    for j in order:
        w = _word(view, j)
        if w is None:
            prev, last = None, j
            continue
        out["w:" + w] = 1.0
        if prev is not None and last == j - 1:
            out[f"b:{prev}_{w}"] = 1.0
        prev, last = w, j
        if toks[j].dep == "neg":
            out["neg:" + view.lemma(toks[j].head).lower()] = 1.0
        low = toks[j].text.lower()
        if view.lemma(j) in criticism or low in criticism:
            out["lex:criticism"] = 1.0
        if view.lemma(j) in praise or low in praise:
            out["lex:praise"] = 1.0
        if view.quoted(j):
            out["quoted"] = 1.0
        if any(a not in sources for a in view.tok_actors.get(j, ())):
            out["actor"] = 1.0
    out["length"] = min(len(order), 40) / 40
    return out


def rows(folder: Path) -> tuple[list[str], list[dict[str, float]], list[int]]:
    """(part, features, label) of every statement the coder finds in the labelled sentences."""
    lines = [json.loads(x) for p in sorted(folder.glob("part-*.jsonl")) for x in p.read_text(encoding="utf-8").splitlines() if x]
    pipe = Pipeline(Settings(), stages=["text", "topic", "actors", "speech"])  # (the events stage uses the model)
    outs = pipe.run_batch([make_article(x["text"], id=x["id"], published="2021-06-01", source=f"criticism:{x['id']}")
                           for x in lines])
    coder = Coder()
    crit, praise = _word_list("criticism.txt"), _word_list("praise.txt")
    parts, feats, labels = [], [], []
    missed = 0
    for x, out in zip(lines, outs):
        if not isinstance(out, Article):
            print(f"{x['id']}: failed: {out}", file=sys.stderr)
            continue
        view = coder.view(out)
        frames = [f for s in out.sentences for f in coder.statements(view, s)]
        if not frames:
            missed += 1
            continue
        for sources, verb, c, _, _ in frames:
            parts.append(x["id"].split("-")[0])
            feats.append(features(view, verb, _descendants(view, c), sources, crit, praise))
            labels.append(int(bool(x["criticism"])))
    print(f"{len(lines)} sentences, {missed} with no statement the coder finds; {len(labels)} statements, "
          f"{sum(labels)} of them criticism", file=sys.stderr)
    return parts, feats, labels


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=FOLDER)
    ap.add_argument("--l2", type=float, nargs="+", default=[1.0, 3.0, 10.0],
                    help="regularisation strengths tried; the one with the lowest cross-validated log-loss is kept")
    ap.add_argument("--precision", type=float, default=0.85,
                    help="the threshold is the lowest whose cross-validated precision reaches this")
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--out", type=Path, help="write the model (weights and threshold) to this JSON file")
    args = ap.parse_args()
    parts, feats, labels = rows(args.data)
    y = np.array(labels, dtype=float)
    l2, probs = best_l2(list(parts), feats, y, args.l2, args.min_count)  # (folds: one part left out at a time)
    print(f"kept l2 {l2}; leave-one-part-out precision and recall of criticism:", file=sys.stderr)
    threshold = None
    for t in np.arange(0.3, 0.951, 0.05):
        got = probs >= t
        prec = y[got].mean() if got.any() else 0.0
        rec = y[got].sum() / max(y.sum(), 1)
        print(f"  threshold {t:.2f}: precision {prec:.3f}, recall {rec:.3f}", file=sys.stderr)
        if threshold is None and prec >= args.precision:
            threshold = round(float(t), 2)
    for part in sorted(set(parts)):
        sel = np.array([p == part for p in parts])
        got = sel & (probs >= (threshold or 0.5))
        print(f"  part {part}: {int(sel.sum())} statements, precision {y[got].mean() if got.any() else 0:.3f}, "
              f"recall {y[got].sum() / max(y[sel].sum(), 1):.3f}", file=sys.stderr)
    threshold = threshold if threshold is not None else 0.95
    print(f"threshold (cross-validated precision >= {args.precision}): {threshold}", file=sys.stderr)
    names = vocabulary(feats, args.min_count)
    w = fit(matrix(feats, names), y, l2)
    if args.out is None:
        return
    model = {
        "about": "Stance of a reported statement (tools/train_stance.py): logistic regression weights; "
                 "trained by tools/train_stance.py on tools/data/criticism (project-written sentences).",
        "l2": l2,
        "threshold": threshold,
        "statements": len(labels),
        "weights": {n: round(float(v), 5) for n, v in zip(names, w) if abs(v) >= 1e-4 or n == "bias"},
    }
    args.out.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(model['weights'])} weights)", file=sys.stderr)


if __name__ == "__main__":
    main()
