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


def out_of_fold(folds: list[object], feats: list[dict[str, float]], y: np.ndarray, l2: float, min_count: int) -> np.ndarray:
    """The probability of each row by a model trained on the rows of the other folds (``folds[i]``: row i's fold)."""
    probs = np.zeros(len(y))
    for k in sorted(set(folds), key=str):
        tr = np.array([f != k for f in folds])
        names = vocabulary([f for f, t in zip(feats, tr) if t], min_count)
        w = fit(matrix([f for f, t in zip(feats, tr) if t], names), y[tr], l2)
        xt = matrix([f for f, t in zip(feats, tr) if not t], names)
        probs[~tr] = 1 / (1 + np.exp(-np.clip(xt @ w, -30, 30)))
    return probs


def best_l2(folds: list[object], feats: list[dict[str, float]], y: np.ndarray, l2s: list[float],
            min_count: int) -> tuple[float, np.ndarray]:
    """The regularisation strength of ``l2s`` with the lowest out-of-fold log-loss, and its out-of-fold
    probabilities (each strength's loss printed to stderr)."""
    import sys

    best: tuple[float, float, np.ndarray] | None = None
    for l2 in l2s:
        probs = out_of_fold(folds, feats, y, l2, min_count)
        loss = float(-np.mean(y * np.log(probs + 1e-9) + (1 - y) * np.log(1 - probs + 1e-9)))
        print(f"l2 {l2}: cross-validated log-loss {loss:.4f}", file=sys.stderr)
        if best is None or loss < best[0]:
            best = (loss, l2, probs)
    assert best is not None
    return best[1], best[2]
