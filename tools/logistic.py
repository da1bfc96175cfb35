"""L2-regularised logistic regression for the project's small learned parts (tools/train_plausibility.py,
tools/train_stance.py): features are dicts of names -> values; the weights are written as JSON and read back
by the package with no training code of its own."""

from __future__ import annotations

from collections import Counter

import numpy as np


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method (the bias, column 0, not penalised)."""
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], l2)
    reg[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        g = x.T @ (p - y) + reg * w
        h = (x * (p * (1 - p))[:, None]).T @ x + np.diag(reg + 1e-9)
        step = np.linalg.solve(h, g)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def matrix(feats: list[dict[str, float]], names: list[str]) -> np.ndarray:
    col = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(feats), len(names)))
    for r, f in enumerate(feats):
        for k, v in f.items():
            if k in col:
                x[r, col[k]] = v
    return x


def vocabulary(feats: list[dict[str, float]], min_count: int) -> list[str]:
    seen = Counter(k for f in feats for k in f)
    return ["bias"] + sorted(k for k, c in seen.items() if c >= min_count and k != "bias")
