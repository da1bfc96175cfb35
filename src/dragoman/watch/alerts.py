"""Rules fired on the events that changed: one alert per event and rule, again only on a gain the rule names.

After every round the watcher asks each rule for the events that match it and changed since the
rule last looked (the store's ``events.updated_at``, kept as the rule's watermark).  An event the
rule never fired on fires; one it fired on fires again only when a count named in ``again_when``
(sources, mentions, articles) is now above the highest it fired at.  The firing is remembered per
article event, so a merged event whose id changes (a report with a smaller id joined it) is still
the same event.  The alerts, the firings, one delivery per action and the new watermark are
written in one transaction: a crash before it fires the same alerts (same ids) again, one after
it delivers the alerts that are pending.

An alert's id is its idempotency key: a digest of the rule, the event's first article event and
the counts it fired at, the same however often it is computed or delivered.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from dragoman.ids import digest
from dragoman.store.watch import WatchState
from dragoman.watch.clock import Clock
from dragoman.watch.rules import GAINS, Rule

#: the event fields an alert carries
EVENT_FIELDS = ("id", "type", "mode", "cameo", "quad_class", "date", "date_precision", "place", "place_country",
                "num_sources", "num_mentions", "num_articles", "confidence", "source_url", "article_ids")


def _iso(t: float) -> str:
    return datetime.fromtimestamp(t, tz=UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _reason(rule: Rule, ev: dict[str, Any], prev: list[dict[str, Any]]) -> str | None:
    """Why ``rule`` fires on ``ev`` now (None: it does not)."""
    if not prev:
        if rule.min_sources > 1:
            return f"first match: {ev['num_sources']} independent sources (at least {rule.min_sources})"
        return "first match"
    gains = []
    for name in rule.again_when:
        col = GAINS[name]
        before = max(int(p[col] or 0) for p in prev)
        if int(ev[col] or 0) > before:
            gains.append(f"{name} {before} -> {ev[col]}")
    return "gained " + ", ".join(gains) if gains else None


def payload(rule: Rule, ev: dict[str, Any], alert_id: str, reason: str, fired_at: float) -> dict[str, Any]:
    """The alert as the log, the webhook and ``dragoman alerts`` give it."""
    return {
        "id": alert_id,
        "rule": rule.name,
        "reason": reason,
        "fired_at": _iso(fired_at),
        "event": {**{k: ev.get(k) for k in EVENT_FIELDS},
                  "sources": [a.get("name") for a in ev.get("sources") or []],
                  "targets": [a.get("name") for a in ev.get("targets") or []],
                  "source_codes": ev.get("source_codes"), "target_codes": ev.get("target_codes")},
        "evidence": ev.get("evidence_text"),
    }


def evaluate(state: WatchState, rules: list[Rule], clock: Clock) -> list[dict[str, Any]]:
    """Fire every rule on the events changed since it last looked; the new alerts (their payloads)."""
    upto = state.latest_change()
    out: list[dict[str, Any]] = []
    if upto is None:
        return out
    for rule in rules:
        row = state.rule(rule.name)
        after = row["watermark"] if row else None
        if after is not None and upto <= after:
            continue
        resume = None
        while True:  # a page of changed events at a time; the watermark moves once all are read
            events = state.changed_events(rule.query, rule.min_sources, after, upto, also_actors=rule.actors[1:],
                                          resume=resume, limit=PAGE)
            last_page = len(events) < PAGE
            out += _fire(state, rule, events, clock, upto if last_page else after)
            if last_page:
                break
            resume = (events[-1]["_changed"], events[-1]["id"])
    return out


#: changed events read at a time (a page of whole event rows is sorted in DuckDB, within the memory limit a
#: watcher holds it to, ``watch.store_memory_mb``: 5,000 outgrew 24 MB on a watcher's first round)
PAGE = 1_000


def _fire(state: WatchState, rule: Rule, events: list[dict[str, Any]], clock: Clock,
          watermark: Any) -> list[dict[str, Any]]:
    """The alerts ``rule`` fires on a page of changed events, saved with ``watermark`` in one transaction."""
    now = clock.time()
    prior = state.fired(rule.name, [m for ev in events for m in ev["members"]])
    alerts, fired, deliveries, out = [], [], [], []
    for ev in events:
        if not ev["members"]:
            continue
        reason = _reason(rule, ev, [p for m in ev["members"] for p in prior.get(m, ())])
        if reason is None:
            continue
        counts = {col: int(ev[col] or 0) for col in GAINS.values()}
        level = [counts[GAINS[g]] for g in rule.again_when]
        alert_id = "al-" + digest(rule.name, ev["members"][0], json.dumps(level), length=20)
        body = payload(rule, ev, alert_id, reason, now)
        alerts.append({"id": alert_id, "rule": rule.name, "event_id": ev["id"], "fired_at": now, "reason": reason,
                       "evidence": ev.get("evidence_text"),
                       "payload": json.dumps(body, ensure_ascii=False, sort_keys=True)})
        fired += [{"rule": rule.name, "member_id": m, "event_id": ev["id"], "alert_id": alert_id, **counts}
                  for m in ev["members"]]
        deliveries += [{"alert_id": alert_id, "action": a.kind, "target": a.target, "status": "pending",
                        "attempts": 0, "next_attempt": now} for a in rule.actions]
        out.append(body)
    state.save_firings(rule.name, watermark, alerts, fired, deliveries, now)
    return out
