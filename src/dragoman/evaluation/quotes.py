"""The ``polnear`` suite: direct quotes and their speakers on PolNeAR's dev articles.

Scored as ``../shared/eval/README.md`` says ("How scores are computed", polnear):

* gold: attributions with ``direct_quote`` true; a gold content may hold several spans;
* a predicted direct quote *belongs* to a gold content when at least 80% of it lies inside it, or
  when it covers half of the content and half of it is inside;
* a gold content is *found* when what belongs to it covers at least 30% of it;
* a predicted direct quote that belongs to no gold content is a false positive;
* speaker: the first (leftmost) belonging quote's speaker shares a name word with the gold source.
  A quote's speaker is named by its ``speaker_text`` (the words of the text: "he", "Mr. Obama")
  and, when resolved, its actor's name: either sharing a word counts.

Precision = belonging predictions / predictions; recall = found contents / gold contents.
``indirect_precision``/``indirect_recall`` apply the same rules to indirect speech, for
information only (PolNeAR's indirect attributions are broader than reported speech).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dragoman.api_public import make_article
from dragoman.evaluation import Report
from dragoman.evaluation.common import read_jsonl, share_word
from dragoman.model import Article, Failure, Quote

#: the share of a prediction that must lie inside a gold content for it to belong there
INSIDE = 0.8
#: the share of a gold content its belonging predictions must cover for it to be found
FOUND = 0.3


def _overlap(s: int, e: int, spans: list[list[int]]) -> int:
    return sum(max(0, min(e, b) - max(s, a)) for a, b in spans)


def _length(spans: list[list[int]]) -> int:
    return sum(b - a for a, b in spans)


def speaker_name(article: Article, q: Quote) -> str:
    """The words naming a quote's speaker: its text and its actor's name."""
    parts = [q.speaker_text or ""]
    if q.speaker:
        actor = article.actor(q.speaker)
        if actor is not None:
            parts.append(actor.name)
    return " ".join(p for p in parts if p)


def _match(golds: list[dict[str, Any]], preds: list[Quote]) -> tuple[dict[int, list[int]], int]:
    """Which predictions belong to which gold contents, and how many belong to any."""
    belongs: dict[int, list[int]] = {}
    hits = 0
    for qi, q in enumerate(preds):
        size = max(1, q.end - q.start)
        hit = False
        for gi, g in enumerate(golds):
            spans = g["content"]["spans"]
            inside = _overlap(q.start, q.end, spans)
            if inside >= INSIDE * size or (inside >= 0.5 * _length(spans) and inside >= 0.5 * size):
                belongs.setdefault(gi, []).append(qi)
                hit = True
        hits += hit
    return belongs, hits


def _found(g: dict[str, Any], quotes: list[Quote]) -> bool:
    spans = g["content"]["spans"]
    covered: set[int] = set()
    for q in quotes:
        for a, b in spans:
            covered.update(range(max(q.start, a), min(q.end, b)))
    return len(covered) >= FOUND * _length(spans)


def score_indirect(rec: dict[str, Any], article: Article) -> dict[str, int]:
    """The same rules for indirect speech (informational: PolNeAR's indirect attributions also
    hold beliefs and evidence — "polls show", "he wants" — which dragoman does not report)."""
    golds = [a for a in rec.get("attributions", ()) if not a.get("direct_quote") and a.get("content")]
    preds = [q for q in article.quotes if not q.direct]
    belongs, hits = _match(golds, preds)
    found = sum(_found(g, [preds[i] for i in belongs.get(gi, ())]) for gi, g in enumerate(golds))
    return {"indirect_gold": len(golds), "indirect_pred": len(preds), "indirect_belonging": hits, "indirect_found": found}


def score_article(rec: dict[str, Any], article: Article) -> dict[str, Any]:
    """Counts for one article (see the module docstring), with misses and false positives."""
    golds = [a for a in rec.get("attributions", ()) if a.get("direct_quote") and a.get("content")]
    preds = [q for q in article.quotes if q.direct]
    belongs, hits = _match(golds, preds)
    matched = {qi for qis in belongs.values() for qi in qis}
    fps = [{"id": rec["id"], "kind": "false positive", "text": q.text[:160]} for qi, q in enumerate(preds) if qi not in matched]
    found = speaker_ok = speaker_n = 0
    misses: list[dict[str, Any]] = []
    for gi, g in enumerate(golds):
        if not belongs.get(gi) or not _found(g, [preds[i] for i in belongs[gi]]):
            misses.append({"id": rec["id"], "kind": "missed", "text": g["content"]["text"][:160]})
            continue
        found += 1
        source = (g.get("source") or {}).get("text")
        if source:
            speaker_n += 1
            first = preds[min(belongs[gi], key=lambda i: preds[i].start)]
            name = speaker_name(article, first)
            if share_word(name, source):
                speaker_ok += 1
            else:
                misses.append({"id": rec["id"], "kind": "speaker", "gold": source, "predicted": name, "text": first.text[:100]})
    return {
        "gold": len(golds), "pred": len(preds), "belonging": hits, "found": found,
        "speaker_ok": speaker_ok, "speaker_n": speaker_n, "errors": fps + misses,
    }


def run_polnear(path: Path, pipeline: Any, limit: int | None) -> Report:
    recs = list(read_jsonl(path, limit))
    arts = [
        make_article(r["text"], id=r["id"], published=r.get("publication_date"), title=r.get("title"), source=f"{path.name}:{r['id']}")
        for r in recs
    ]
    totals = {"gold": 0, "pred": 0, "belonging": 0, "found": 0, "speaker_ok": 0, "speaker_n": 0, "failures": 0,
              "indirect_gold": 0, "indirect_pred": 0, "indirect_belonging": 0, "indirect_found": 0}
    errors: list[dict[str, Any]] = []
    for rec, art in zip(recs, pipeline.run_batch(arts)):
        if isinstance(art, Failure):
            totals["failures"] += 1
            totals["gold"] += sum(1 for a in rec.get("attributions", ()) if a.get("direct_quote") and a.get("content"))
            errors.append({"id": rec["id"], "kind": "failure", "text": art.message})
            continue
        s = score_article(rec, art)
        for k in ("gold", "pred", "belonging", "found", "speaker_ok", "speaker_n"):
            totals[k] += s[k]
        errors += s["errors"]
        for k, v in score_indirect(rec, art).items():
            totals[k] += v
    p = totals["belonging"] / totals["pred"] if totals["pred"] else 0.0
    r = totals["found"] / totals["gold"] if totals["gold"] else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    spk = totals["speaker_ok"] / totals["speaker_n"] if totals["speaker_n"] else 0.0
    ip = totals["indirect_belonging"] / totals["indirect_pred"] if totals["indirect_pred"] else 0.0
    ir = totals["indirect_found"] / totals["indirect_gold"] if totals["indirect_gold"] else 0.0
    return Report(
        suite="polnear",
        metrics={"direct_precision": round(p, 4), "direct_recall": round(r, 4), "direct_f1": round(f1, 4), "speaker_accuracy": round(spk, 4),
                 "indirect_precision": round(ip, 4), "indirect_recall": round(ir, 4)},
        counts={"articles": len(recs), **totals},
        errors=errors[:200],
    )
