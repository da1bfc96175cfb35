"""Helpers shared by the suites: reading JSONL, name-word matching, F1."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

_POSSESSIVE = re.compile(r"['’]s\b", re.IGNORECASE)
_NON_WORD = re.compile(r"[^\w\s]", re.UNICODE)


def read_jsonl(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                return
            if line.strip():
                yield json.loads(line)


def name_words(name: str | None) -> set[str]:
    """Words of a name for matching: case, possessive 's and punctuation ignored; U.S. = US."""
    if not name:
        return set()
    s = _POSSESSIVE.sub("", name)
    s = re.sub(r"\b([A-Za-z])\.(?=[A-Za-z]\.)", r"\1", s)  # U.S. → US., U.K. → UK.
    s = s.replace(".", "")
    s = _NON_WORD.sub(" ", s.lower())
    return {w for w in s.split() if w}


def share_word(a: str | None, b: str | None) -> bool:
    return bool(name_words(a) & name_words(b))


def f1_table(gold: list[str], pred: list[str | None], labels: Iterable[str]) -> tuple[float, float, list[dict[str, Any]]]:
    """Micro-F1 and macro-F1 over ``labels`` for single-label predictions (``None`` = no prediction)."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, pred):
        if p == g:
            tp[g] += 1
        else:
            fn[g] += 1
            if p is not None:
                fp[p] += 1
    rows = []
    f1s = []
    for lab in labels:
        prec = tp[lab] / (tp[lab] + fp[lab]) if tp[lab] + fp[lab] else 0.0
        rec = tp[lab] / (tp[lab] + fn[lab]) if tp[lab] + fn[lab] else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        support = tp[lab] + fn[lab]
        rows.append({"label": lab, "precision": round(prec, 3), "recall": round(rec, 3), "f1": round(f1, 3), "support": support})
        if support or fp[lab]:
            f1s.append(f1)
    T, P, N = sum(tp.values()), sum(fp.values()), sum(fn.values())
    micro_p = T / (T + P) if T + P else 0.0
    micro_r = T / (T + N) if T + N else 0.0
    micro = 2 * micro_p * micro_r / (micro_p + micro_r) if micro_p + micro_r else 0.0
    macro = sum(f1s) / len(f1s) if f1s else 0.0
    return micro, macro, rows


def top_event(events: Iterable[Any]) -> Any:
    """The record's most confident event that is neither negated nor hypothetical."""
    best = None
    for e in events:
        if e.aux.negated or e.aux.hypothetical:
            continue
        if best is None or e.confidence > best.confidence:
            best = e
    return best
