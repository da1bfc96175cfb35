"""Actor suites: ``seed-actors``, ``plover-actors`` and ``re3d-entities``.

Scores are computed as ``../shared/eval/README.md`` ("How scores are computed") says:

* **plover-actors** — each gold source/target actor with a country (not ``***``) is looked up among
  all the record's actors: the first whose name or mentions share a word with it.  Country must be
  equal; sector is compared on its first three letters, over gold actors that have one (``***`` is
  not a sector).
* **re3d-entities** — gold Person/Organisation/Nationality spans with confidence ≥ 0.5, each span
  once.  Recall: some predicted mention overlaps it by at least half of both lengths, or has the
  same text (one containing the other when the shorter has ≥ 4 characters and ≥ 40% of the
  longer's length).  Precision: the share of predicted mentions matching, by the same rule, any gold
  Person, Organisation, Nationality or Location span.
* **seed-actors** — the seven actors of ``expected.json``: found (a predicted actor sharing a name
  word), with the expected country (and org for pseudo-countries) and sector.
"""

from __future__ import annotations

import ast
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from dragoman.evaluation import Report
from dragoman.evaluation.common import name_words, read_jsonl
from dragoman.model import Actor, Article, Failure

_STOP = frozenset({"the", "of", "a", "an", "and", "in", "for", "to", "on"})


def _articles(pipeline: Any, items: Sequence[tuple[str, str]], batch: int = 64) -> list[Article | Failure]:
    from dragoman.api_public import make_article

    out: list[Article | Failure] = []
    for k in range(0, len(items), batch):
        chunk = [make_article(text, id=i) for i, text in items[k : k + batch]]
        out.extend(pipeline.run_batch(chunk))
    return out


def _first_sharing(actors: Iterable[Actor], gold_text: str, stop: frozenset[str] = frozenset(),
                   skip_kinds: frozenset[str] = frozenset()) -> Actor | None:
    gw = name_words(gold_text) - stop
    if not gw:
        return None
    for a in actors:
        if gw & name_words(a.name):
            return a
        for m in a.mentions:
            if m.kind not in skip_kinds and gw & name_words(m.text):
                return a
    return None


# ---------------------------------------------------------------------------------------------
# plover-actors
# ---------------------------------------------------------------------------------------------


def run_plover_actors(path: Path, pipeline: Any, limit: int | None) -> Report:
    records = list(read_jsonl(path, limit))
    arts = _articles(pipeline, [(r["id"], r["text"]) for r in records])
    n_country = ok_country = n_sector = ok_sector = found = 0
    errors: list[dict[str, Any]] = []
    for rec, art in zip(records, arts):
        actors = art.actors if isinstance(art, Article) else ()
        for role in ("source", "target"):
            for g in rec.get(role) or ():
                country = g.get("country")
                if not country or country == "***":
                    continue
                a = _first_sharing(actors, g["text"])
                n_country += 1
                found += a is not None
                c_ok = a is not None and a.country == country
                ok_country += c_ok
                sector = g.get("sector")
                s_ok = None
                if sector and sector != "***":
                    n_sector += 1
                    s_ok = a is not None and (a.sector or "")[:3] == sector[:3]
                    ok_sector += s_ok
                if not c_ok or s_ok is False:
                    errors.append({"id": rec["id"], "gold": g["text"], "country": country, "sector": sector,
                                   "pred": None if a is None else [a.name, a.country, a.sector, a.rule],
                                   "text": rec["text"][:200]})
    return Report(
        suite="plover-actors",
        metrics={
            "country_accuracy": round(ok_country / n_country, 4) if n_country else 0.0,
            "sector_accuracy": round(ok_sector / n_sector, 4) if n_sector else 0.0,
            "found": round(found / n_country, 4) if n_country else 0.0,
        },
        counts={"records": len(records), "gold_actors": n_country, "gold_with_sector": n_sector,
                "failures": sum(isinstance(a, Failure) for a in arts)},
        errors=errors[:200],
    )


# ---------------------------------------------------------------------------------------------
# re3d-entities
# ---------------------------------------------------------------------------------------------

RECALL_TYPES = ("Person", "Organisation", "Nationality")
PRECISION_TYPES = ("Person", "Organisation", "Nationality", "Location")


def span_match(ps: int, pe: int, ptext: str, gs: int, ge: int, gtext: str) -> bool:
    """The README's rule: overlap of at least half of both lengths, or the same text (one containing
    the other when the shorter has ≥ 4 characters and ≥ 40% of the longer's length)."""
    ov = min(pe, ge) - max(ps, gs)
    if ov > 0 and ov >= 0.5 * (pe - ps) and ov >= 0.5 * (ge - gs):
        return True
    a, b = ptext.strip().lower(), gtext.strip().lower()
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 4 and len(short) >= 0.4 * len(long_) and short in long_


def _entities(rec: dict[str, Any]) -> list[dict[str, Any]]:
    ents = rec.get("entities") or []
    if isinstance(ents, str):
        try:
            ents = json.loads(ents)
        except json.JSONDecodeError:
            ents = ast.literal_eval(ents)
    return ents


def run_re3d(path: Path, pipeline: Any, limit: int | None) -> Report:
    records = list(read_jsonl(path, limit))
    arts = _articles(pipeline, [(r["id"], r["text"]) for r in records], batch=16)
    n_gold = hit_gold = n_pred = hit_pred = 0
    errors: list[dict[str, Any]] = []
    for rec, art in zip(records, arts):
        ents = _entities(rec)
        gold: dict[tuple[int, int], str] = {}
        for e in ents:
            if e["type"] in RECALL_TYPES and float(e.get("confidence", 1)) >= 0.5:
                gold.setdefault((e["begin"], e["end"]), e["value"])
        anyg = {(e["begin"], e["end"]): e["value"] for e in ents if e["type"] in PRECISION_TYPES}
        mentions = []
        if isinstance(art, Article):
            seen = set()
            for a in art.actors:
                for m in a.mentions:
                    if (m.start, m.end) not in seen:
                        seen.add((m.start, m.end))
                        mentions.append(m)
        for (gs, ge), gt in gold.items():
            n_gold += 1
            if any(span_match(m.start, m.end, m.text, gs, ge, gt) for m in mentions):
                hit_gold += 1
            elif len(errors) < 5000:
                errors.append({"id": rec["id"], "kind": "missed", "text": gt})
        for m in mentions:
            n_pred += 1
            if any(span_match(m.start, m.end, m.text, gs, ge, gt) for (gs, ge), gt in anyg.items()):
                hit_pred += 1
            elif len(errors) < 5000:
                errors.append({"id": rec["id"], "kind": "spurious", "text": m.text})
    recall = hit_gold / n_gold if n_gold else 0.0
    precision = hit_pred / n_pred if n_pred else 0.0
    f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
    return Report(
        suite="re3d-entities",
        metrics={"recall": round(recall, 4), "precision": round(precision, 4), "f1": round(f1, 4)},
        counts={"documents": len(records), "gold": n_gold, "predicted_mentions": n_pred,
                "failures": sum(isinstance(a, Failure) for a in arts)},
        errors=errors,
    )


# ---------------------------------------------------------------------------------------------
# seed-actors
# ---------------------------------------------------------------------------------------------


def run_seed_actors(path: Path, pipeline: Any, limit: int | None) -> Report:
    from dragoman.api_public import extract

    text = (path / "article.txt").read_text(encoding="utf-8")
    expected = json.loads((path / "expected.json").read_text(encoding="utf-8"))
    art = extract(text, pipeline=pipeline)
    return score_seed(art, expected)


def score_seed(art: Article, expected: dict[str, Any]) -> Report:
    """Score an extracted seed article against expected.json's actors."""
    gold = expected["actors"]
    found = ok_country = ok_sector = ok_both = 0
    table = []
    for g in gold:
        # the expected actor is looked up by its name among names and name-like mentions (not the words of
        # someone else's title: "envoy for Afghanistan" does not name the Afghan government)
        a = _first_sharing(art.actors, g["name"], _STOP, frozenset({"descriptive", "affiliation"}))
        c_ok = a is not None and a.country == g.get("country") and (not g.get("org") or a.org == g["org"])
        s_ok = a is not None and (a.sector or "")[:3] == (g.get("sector") or "")[:3]
        found += a is not None
        ok_country += c_ok
        ok_sector += s_ok
        ok_both += c_ok and s_ok
        table.append({"expected": g["name"], "country": g.get("country"), "org": g.get("org"),
                      "sector": g.get("sector"),
                      "predicted": None if a is None else {"id": a.id, "name": a.name, "country": a.country,
                                                           "org": a.org, "sector": a.sector, "role": a.role},
                      "ok": bool(c_ok and s_ok)})
    n = len(gold) or 1
    return Report(
        suite="seed-actors",
        metrics={"found": round(found / n, 4), "country_accuracy": round(ok_country / n, 4),
                 "sector_accuracy": round(ok_sector / n, 4), "all_coded": round(ok_both / n, 4)},
        counts={"expected": len(gold), "predicted": len(art.actors)},
        table=table,
        errors=[r for r in table if not r["ok"]],
    )
