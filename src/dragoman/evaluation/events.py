"""Event suites: ``seed``, ``plover`` and ``conflibert`` (scored as ../shared/eval/README.md says).

The data is read from where the user keeps it; nothing of it is copied into the repository.
``score_*`` functions take already processed articles so the numbers can be computed on any run.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dragoman.evaluation import Report
from dragoman.evaluation.common import f1_table, name_words, read_jsonl, top_event
from dragoman.model import Actor, Article, Event, Failure

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def _norm_type(t: str | None) -> str | None:
    if not t:
        return None
    t = t.upper()
    return OLD_NAMES.get(t, t)


def _process(pipeline: Any, records: Sequence[dict[str, Any]]) -> list[Article | Failure]:
    arts = [Article(id=str(r["id"]), text=r["text"]) for r in records]
    return pipeline.run_batch(arts)


def actor_words(article: Article, actor_id: str) -> set[str]:
    """Words of an actor's name and mentions (how a predicted actor is matched to a gold name)."""
    a = article.actor(actor_id)
    if a is None:
        return set()
    words = name_words(a.name)
    for m in a.mentions:
        words |= name_words(m.text)
    return words


# ---------------------------------------------------------------------------------------------
# plover
# ---------------------------------------------------------------------------------------------


def score_plover(records: Sequence[dict[str, Any]], results: Sequence[Article | Failure]) -> Report:
    gold: list[str] = []
    pred: list[str | None] = []
    src_hit = src_n = tgt_hit = tgt_n = 0
    n_events = 0
    errors: list[dict[str, Any]] = []
    for rec, art in zip(records, results):
        g = _norm_type(rec.get("plover_event"))
        if g is None:
            continue
        events = art.events if isinstance(art, Article) else ()
        n_events += len(events)
        top = top_event(events)
        p = _norm_type(top.type) if top else None
        gold.append(g)
        pred.append(p)
        recip = bool(rec.get("reciprocal")) or bool(top and top.reciprocal)
        srcw = [actor_words(art, a) for a in top.sources] if top and isinstance(art, Article) else []
        tgtw = [actor_words(art, a) for a in top.targets] if top and isinstance(art, Article) else []
        miss_roles = []
        for role, words, other in (("source", srcw, tgtw), ("target", tgtw, srcw)):
            for ga in rec.get(role) or []:
                gw = name_words(ga.get("text"))
                if not gw:
                    continue
                pool = words + (other if recip else [])
                hit = any(gw & w for w in pool)
                if role == "source":
                    src_n += 1
                    src_hit += hit
                else:
                    tgt_n += 1
                    tgt_hit += hit
                if not hit:
                    miss_roles.append(f"{role}:{ga.get('text')}")
        if (p != g or miss_roles) and len(errors) < 400:
            errors.append({"id": rec["id"], "gold": g, "pred": p, "rule": top.rule if top else None,
                           "missed": miss_roles, "text": rec["text"]})
    micro, macro, table = f1_table(gold, pred, PLOVER_TYPES)
    n = len(gold)
    metrics = {
        "micro_f1": round(micro, 4),
        "macro_f1": round(macro, 4),
        "source_match": round(src_hit / src_n, 4) if src_n else 0.0,
        "target_match": round(tgt_hit / tgt_n, 4) if tgt_n else 0.0,
        "events_per_sentence": round(n_events / n, 4) if n else 0.0,
    }
    return Report("plover", metrics, {"sentences": n, "gold_sources": src_n, "gold_targets": tgt_n}, table, errors)


def run_plover(path: Path, pipeline: Any, limit: int | None) -> Report:
    records = list(read_jsonl(path, limit))
    return score_plover(records, _process(pipeline, records))


# ---------------------------------------------------------------------------------------------
# conflibert
# ---------------------------------------------------------------------------------------------


def penta(ev: Event | None) -> int:
    """CAMEO penta class of an event by its CAMEO root, else its PLOVER quad class; no event → 0."""
    from dragoman.events.taxonomy import penta_class

    if ev is None:
        return 0
    return penta_class(ev.cameo, ev.quad_class)


def score_conflibert(records: Sequence[dict[str, Any]], results: Sequence[Article | Failure]) -> Report:
    right = n = right_ev = n_ev = 0
    confusion: Counter[tuple[int, int]] = Counter()
    errors: list[dict[str, Any]] = []
    for rec, art in zip(records, results):
        g = int(rec["quad_label"])
        top = top_event(art.events) if isinstance(art, Article) else None
        p = penta(top)
        n += 1
        right += p == g
        confusion[(g, p)] += 1
        if g != 0:
            n_ev += 1
            right_ev += p == g
        if p != g and len(errors) < 600:
            errors.append({"id": rec["id"], "gold": g, "pred": p, "cameo": top.cameo if top else None,
                           "rule": top.rule if top else None, "text": rec["text"]})
    table = [{"gold": g, **{f"pred_{p}": confusion[(g, p)] for p in range(5)}} for g in range(5)]
    metrics = {
        "accuracy": round(right / n, 4) if n else 0.0,
        "event_accuracy": round(right_ev / n_ev, 4) if n_ev else 0.0,
    }
    return Report("conflibert", metrics, {"sentences": n, "with_event": n_ev}, table, errors)


def run_conflibert(path: Path, pipeline: Any, limit: int | None) -> Report:
    records = list(read_jsonl(path, limit))
    return score_conflibert(records, _process(pipeline, records))


# ---------------------------------------------------------------------------------------------
# seed
# ---------------------------------------------------------------------------------------------

_GENERIC = frozenset({"of", "the", "government", "for", "and", "in", "s", "general", "ambassador"})


def _gold_matcher(expected: dict[str, Any], pid: str):
    """A predicate over predicted actors for one expected participant id (or "CCC (sector)" text)."""
    actors = {a["id"]: a for a in expected.get("actors", [])}
    ga = actors.get(pid)
    if ga is None:
        m = re.match(r"^([A-Z]{3})\b", pid)
        code = m.group(1) if m else None

        def loose(a: Actor) -> bool:
            return bool(code) and a.country == code

        return loose
    words = name_words(ga.get("name")) - _GENERIC

    def match(a: Actor) -> bool:
        if words & (name_words(a.name) - _GENERIC):
            return True
        sect = (ga.get("sector") or "")[:3]
        if ga.get("country") and a.country == ga.get("country") and a.sector and sect:
            same_sector = a.sector[:3] == sect or {a.sector[:3], sect} <= {"REB", "INS"}
            return same_sector and not (ga.get("role") and a.kind == "person")
        return False

    return match


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _event_lines(ev: Event, lines: list[tuple[int, int]]) -> set[int]:
    out = set()
    for e in ev.evidence:
        for i, (s, t) in enumerate(lines):
            if s <= e.trigger[0] < t or (s <= e.start < t):
                out.add(i)
    return out


def score_seed(expected: dict[str, Any], article: Article) -> Report:
    lines = _line_spans(article.text)
    actor_of = {a.id: a for a in article.actors}
    found: dict[str, Event | None] = {}
    rows = []
    for gev in expected.get("events", []):
        gtype = _norm_type(gev.get("plover"))
        if gtype is None:
            continue
        ok_types = {gtype} | ({"AGREE"} if gtype == "SUPPORT" and str(gev.get("cameo", "")).startswith("05") else set())
        need = list(gev.get("participants") or []) + [x for x in (gev.get("source"), gev.get("target")) if x]
        matchers = [(pid, _gold_matcher(expected, pid)) for pid in need]
        best, best_hits = None, -1
        for ev in article.events:
            if ev.type not in ok_types or not (_event_lines(ev, lines) & set(gev.get("lines", []))):
                continue
            parts = [actor_of[a] for a in (*ev.sources, *ev.targets) if a in actor_of]
            hits = sum(1 for _, m in matchers if any(m(a) for a in parts))
            if hits > best_hits:
                best, best_hits = ev, hits
        complete = best is not None and best_hits == len(matchers)
        found[gev["id"]] = best if complete else None
        rows.append({"event": gev["id"], "required": bool(gev.get("required")), "type": gtype,
                     "found": best is not None, "participants": f"{max(best_hits, 0)}/{len(matchers)}",
                     "lines": sorted(_event_lines(best, lines)) if best else [], "complete": complete})
    required = [r for r in rows if r["required"]]
    violations = _must_not(expected, article, lines)
    once = []
    for gev in expected.get("events", []):
        if gev.get("required") and len(gev.get("lines", [])) > 1 and (hit := found.get(gev["id"])):
            once.append(set(gev["lines"]) <= _event_lines(hit, lines))
    metrics = {
        "required_found": round(sum(r["complete"] for r in required) / len(required), 4) if required else 0.0,
        "required_type_found": round(sum(r["found"] for r in required) / len(required), 4) if required else 0.0,
        "restated_once": round(sum(once) / len(once), 4) if once else 1.0,
        "must_not_ok": 0.0 if violations else 1.0,
    }
    return Report("seed", metrics, {"required": len(required), "events": len(article.events)}, rows,
                  [{"violation": v} for v in violations])


def _must_not(expected: dict[str, Any], article: Article, lines: list[tuple[int, int]]) -> list[str]:
    """Checks the seed's must_not list generically (participants, locations, repeated events, dates)."""
    out = []
    actors = {a["id"]: a for a in expected.get("actors", [])}
    by_id = {a.id: a for a in article.actors}
    for rule in expected.get("must_not", []):
        m = re.match(r"^(.+?) as a participant of any event", rule)
        if m:
            for n in (x.strip() for x in re.split(r"\bor\b|,", m.group(1)) if x.strip()):
                short = name_words(n)
                full = [name_words(a["name"]) - _GENERIC for a in actors.values()
                        if a["id"].lower() == n.lower() or any(f"({n})" in x for x in a.get("mentions", []))]
                for ev in article.events:
                    for aid in (*ev.sources, *ev.targets):
                        a = by_id.get(aid)
                        if a is None:
                            continue
                        aw = name_words(a.name) | {w for mm in a.mentions for w in name_words(mm.text)}
                        if (short & aw) or any(f and f <= aw for f in full):
                            out.append(f"{n} is a participant of {ev.type} {ev.id}")
            continue
        m = re.match(r"^(\w+) as the location of (.+?):", rule)
        if m:
            place = m.group(1).lower()
            ids = re.findall(r"E\d+", m.group(2))
            for gid in ids:
                gev = next((g for g in expected["events"] if g["id"] == gid), None)
                for ev in article.events:
                    if gev and ev.location and place in ev.location.name.lower() and _event_lines(ev, lines) & set(gev["lines"]):
                        out.append(f"{ev.location.name} is the location of {gid}")
            continue
        m = re.match(r"^(E\d+) output (two|several|more than once|two or three) times", rule)
        if m:
            gev = next((g for g in expected["events"] if g["id"] == m.group(1)), None)
            if gev:
                t = _norm_type(gev.get("plover"))
                hits = [ev for ev in article.events if ev.type == t and _event_lines(ev, lines) & set(gev["lines"]) and not ev.aux.hypothetical]
                if len(hits) > 1:
                    out.append(f"{gev['id']} output {len(hits)} times")
            continue
        m = re.search(r"dated (\d{4}-\d{2}-\d{2})", rule)
        if m:
            # a masthead date may be used only when marked untrusted
            for ev in article.events:
                if ev.date == m.group(1) and (ev.date_trusted or article.reference_date.trusted):
                    out.append(f"event {ev.id} dated {ev.date} from a reference date marked trusted")
    return out


def run_seed(path: Path, pipeline: Any, limit: int | None) -> Report:
    from dragoman.api_public import extract

    text = (path / "article.txt").read_text(encoding="utf-8")
    expected = json.loads((path / "expected.json").read_text(encoding="utf-8"))
    return score_seed(expected, extract(text, pipeline=pipeline))
