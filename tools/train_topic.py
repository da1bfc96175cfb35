"""Train the topic gate's word weights: ``python tools/train_topic.py [BBC_DEV_JSONL] [--folds 5]``.

A multinomial naive Bayes over the words each article uses (each word counted once per article),
trained on ``../shared/eval/bbc_news/dev.jsonl`` — the one evaluation set its README allows for
training, and only for a topic gate.  Writes ``src/dragoman/text/data/topic.json`` (the classes'
priors and, for the most telling words, log P(word | class)) and prints the cross-validated accuracy
and how often a politics article would be taken for another topic.  Nothing else of the set is kept.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from dragoman.text.topic import CLASSES, words

OUT = ROOT / "src" / "dragoman" / "text" / "data" / "topic.json"


def fit(docs: list[tuple[set[str], str]], vocab_size: int, min_df: int = 4, alpha: float = 1.0) -> dict:
    df: Counter[str] = Counter()
    per: dict[str, Counter[str]] = {c: Counter() for c in CLASSES}
    n: Counter[str] = Counter()
    for ws, c in docs:
        n[c] += 1
        df.update(ws)
        per[c].update(ws)
    vocab = [w for w, k in df.items() if k >= min_df]
    total = {c: sum(per[c][w] for w in vocab) for c in CLASSES}
    V = len(vocab)
    logp = {c: {w: math.log((per[c][w] + alpha) / (total[c] + alpha * V)) for w in vocab} for c in CLASSES}

    # keep the words whose weights differ most between classes, weighted by how often they occur
    def spread(w: str) -> float:
        vals = [logp[c][w] for c in CLASSES]
        return (max(vals) - min(vals)) * math.log(1 + df[w])

    keep = sorted(vocab, key=spread, reverse=True)[:vocab_size]
    unseen = {c: math.log(alpha / (total[c] + alpha * V)) for c in CLASSES}
    return {
        "classes": list(CLASSES),
        "prior": {c: math.log(n[c] / len(docs)) for c in CLASSES},
        "unseen": unseen,
        "weights": {w: [round(logp[c][w] - unseen[c], 4) for c in CLASSES] for w in sorted(keep)},
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "eval" / "bbc_news" / "dev.jsonl"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--vocab", type=int, default=3000)
    a = ap.parse_args()
    from dragoman.text.topic import TopicModel

    docs = []
    with open(a.data, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            docs.append((words(r["text"]), r["category"]))
    rng = random.Random(13)
    idx = list(range(len(docs)))
    rng.shuffle(idx)
    right = 0
    conf: Counter[tuple[str, str]] = Counter()
    for k in range(a.folds):
        test = set(idx[k :: a.folds])
        model = TopicModel(fit([d for i, d in enumerate(docs) if i not in test], a.vocab))
        for i in test:
            ws, gold = docs[i]
            got = model.classify_words(ws).label
            right += got == gold
            conf[(gold, got)] += 1
    print(f"{a.folds}-fold accuracy {right / len(docs):.3f} on {len(docs)} articles")
    for gold in CLASSES:
        row = {got: conf[(gold, got)] for got in CLASSES if conf[(gold, got)]}
        print(f"  {gold:<14} -> {row}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(fit(docs, a.vocab), separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
