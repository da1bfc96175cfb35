"""Delivering alerts: a line printed, a line appended to a JSONL log, a signed POST to a webhook.

Every delivery is a row of the store (``watch_deliveries``), pending until it succeeds: delivered
at least once, even across a crash or a restart.  A webhook gets the alert's JSON (the same bytes
on every try) with

* ``Idempotency-Key``: the alert's id (a receiver drops a repeat by it);
* ``X-Dragoman-Signature: sha256=<hex>``: HMAC-SHA256 of the body with the secret in the rule's
  ``secret_env`` environment variable;
* ``X-Dragoman-Attempt``: 1 on the first try, 2 on the second...

Any answer but 2xx, a timeout or a refused connection is retried after ``webhook_backoff`` seconds,
doubled each time up to ``webhook_max_backoff``; after ``webhook_attempts`` tries the delivery is
marked failed (``dragoman alerts --failed`` lists it with the last error).  The POST goes through the
safe fetcher's vetted connection: a webhook on a private or loopback address needs
``fetch.allow_private``, as any fetch does.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dragoman.errors import ConfigError, DragomanError
from dragoman.ingest.fetch import Fetcher
from dragoman.settings import Settings
from dragoman.store.watch import WatchState
from dragoman.watch.clock import Clock
from dragoman.watch.rules import Rule

SIGNATURE_HEADER = "X-Dragoman-Signature"


def sign(secret: bytes, body: bytes) -> str:
    """The signature header's value: ``sha256=`` and the hex HMAC-SHA256 of the body."""
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


def alert_line(alert: dict[str, Any]) -> str:
    """One line for people: rule, type, who, when, where, why, and the evidence sentence."""
    ev = alert.get("event") or {}
    who = "; ".join(ev.get("sources") or []) or "?"
    whom = "; ".join(ev.get("targets") or [])
    where = f" in {ev['place']}" if ev.get("place") else ""
    evidence = " ".join(str(alert.get("evidence") or "").split())
    n = ev.get("num_sources")
    return (f"ALERT {alert.get('rule')}: {ev.get('type')} {who}" + (f" -> {whom}" if whom else "")
            + f" ({ev.get('date') or 'undated'}{where}; {n} source{'' if n == 1 else 's'}; {alert.get('reason')}) "
            + f"{evidence!r} [{alert.get('id')}]")


class Courier:
    """Delivers the pending alerts whose time has come."""

    def __init__(self, state: WatchState, rules: list[Rule], settings: Settings, fetcher: Fetcher, clock: Clock,
                 out: Callable[[str], None] = print, progress: Callable[[str], None] | None = None):
        self.state = state
        self.rules = {r.name: r for r in rules}
        self.settings = settings
        self.fetcher = fetcher
        self.clock = clock
        self.out = out
        self.progress = progress or (lambda line: None)

    def deliver_due(self) -> dict[str, int]:
        """Try every due delivery once; counts of delivered, retried and failed."""
        counts = {"delivered": 0, "retry": 0, "failed": 0}
        while True:
            due = self.state.due_deliveries(self.clock.time())
            if not due:
                return counts
            for d in due:
                self._try(d)
                counts["delivered" if d["status"] == "delivered" else "failed" if d["status"] == "failed" else "retry"] += 1
            if any(d["status"] == "pending" and d["next_attempt"] <= self.clock.time() for d in due):
                return counts  # nothing waits less than a backoff: no busy loop

    def _try(self, d: dict[str, Any]) -> None:
        d["attempts"] = (d["attempts"] or 0) + 1
        try:
            self._send(d)
        except (DragomanError, OSError) as e:
            w = self.settings.watch
            d["last_error"] = str(e)
            limit = w.webhook_attempts if d["action"] == "webhook" else max(w.webhook_attempts, 3)
            if d["attempts"] >= limit:
                d["status"] = "failed"
                self.progress(f"alert {d['alert_id']}: {d['action']} {d['target']} failed for good after "
                              f"{d['attempts']} tries: {e}")
            else:
                wait = min(w.webhook_backoff * 2 ** (d["attempts"] - 1), w.webhook_max_backoff)
                d["next_attempt"] = self.clock.time() + wait
                self.progress(f"alert {d['alert_id']}: {d['action']} {d['target']} failed (try {d['attempts']}), "
                              f"again in {wait:g} s: {e}")
        else:
            d.update(status="delivered", delivered_at=self.clock.time(), last_error=None)
        self.state.update_delivery(d)

    def _send(self, d: dict[str, Any]) -> None:
        body = d["payload"]
        if d["action"] == "print":
            self.out(alert_line(json.loads(body)))
        elif d["action"] == "log":
            path = Path(d["target"])
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "a", encoding="utf-8") as fh:
                fh.write(body + "\n")
        elif d["action"] == "webhook":
            self._post(d, body.encode("utf-8"))
        else:
            raise ConfigError(f"unknown action '{d['action']}'", source=d["alert_id"])

    def _post(self, d: dict[str, Any], body: bytes) -> None:
        rule = self.rules.get(d["rule"])
        action = next((a for a in (rule.actions if rule else ()) if a.kind == "webhook" and a.target == d["target"]), None)
        if rule is None or action is None:
            raise ConfigError(f"the rule '{d['rule']}' no longer has the webhook {d['target']}", source=d["alert_id"],
                              hint="put it back in the rules file to deliver its pending alerts")
        headers = {"Content-Type": "application/json", "Idempotency-Key": d["alert_id"],
                   SIGNATURE_HEADER: sign(rule.secret(action), body), "X-Dragoman-Attempt": str(d["attempts"])}
        status = self.fetcher.post(d["target"], body, headers, timeout=self.settings.watch.webhook_timeout)
        if not 200 <= status < 300:
            raise DragomanError(f"the webhook answered HTTP {status}", source=d["target"])
