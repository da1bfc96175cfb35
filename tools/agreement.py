"""How far two careful human coders agree on whole articles: the second, blind coding of half the articles of
`dragoman eval articles` (src/dragoman/evaluation/data/articles_second/, provenance in its README) scored
against the gold exactly as dragoman's events are scored (ARTICLE-CODING.md: type and strict precision and
recall of factual events), both ways round.

    python tools/agreement.py

It tells what the suite's bars mean: a score a careful human coder reaches against another.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dragoman.evaluation.articles import GOLD_DIR, GoldEvent, _gold_words, _side_ok, load_gold

SECOND_DIR = GOLD_DIR.parent / "articles_second"


def _actors_match(p: GoldEvent, g: GoldEvent) -> bool:
    ps, pt, gs, gt = _gold_words(p.sources), _gold_words(p.targets), _gold_words(g.sources), _gold_words(g.targets)
    return _side_ok(ps, gs) and _side_ok(pt, gt)  # a coder's event has no reciprocal flag: roles as coded


def _matches(coded: GoldEvent, ref: GoldEvent) -> bool:
    """Does a coder's factual event match a reference factual event: its trigger in the reference's sentence, its
    type the reference's or one in its ``also``?"""
    return (coded.factual and ref.factual and ref.sentence[0] <= coded.trigger[0] < ref.sentence[1]
            and coded.type in ref.types)


def score(coder: tuple[GoldEvent, ...], gold: tuple[GoldEvent, ...], t: Counter[str]) -> None:
    """Add one article's counts: ``coder``'s factual events against ``gold``'s (the articles suite's matching)."""
    pairs = [(p, g) for p in coder for g in gold if _matches(p, g)]
    for side, events, total, typed, strict in ((0, coder, "coded", "type_right", "strict_right"),
                                               (1, gold, "gold", "type_found", "strict_found")):
        for e in events:
            if e.factual:
                mine = [pg for pg in pairs if pg[side] is e]
                t[total] += 1
                t[typed] += bool(mine)
                t[strict] += any(_actors_match(p, g) for p, g in mine)


def _ratio(t: Counter[str], a: str, b: str) -> float:
    return t[a] / t[b] if t[b] else 0.0


def main() -> None:
    gold = {g.id: g for g in load_gold(GOLD_DIR)}
    second = load_gold(SECOND_DIR)
    for name, pairs in (("second coder scored against the gold", [(s.events, gold[s.id].events) for s in second]),
                        ("gold scored against the second coder", [(gold[s.id].events, s.events) for s in second])):
        t: Counter[str] = Counter()
        for coder, ref in pairs:
            score(coder, ref, t)
        print(f"{name} ({len(pairs)} articles, {t['gold']} reference factual events, {t['coded']} coded): "
              f"type precision {_ratio(t, 'type_right', 'coded'):.3f}, recall {_ratio(t, 'type_found', 'gold'):.3f}; "
              f"strict precision {_ratio(t, 'strict_right', 'coded'):.3f}, recall {_ratio(t, 'strict_found', 'gold'):.3f}")


if __name__ == "__main__":
    main()
