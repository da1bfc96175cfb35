"""Watch rules: what an analyst wants to hear about, in YAML, with the filters of ``dragoman events``.

    rules:
      - name: afghan-talks
        filters:                      # the same names as the options of `dragoman events`
          actor: [AFGGOV, Taliban]    # a list: every one of them takes part (one: as --actor)
          type: CONSULT,AGREE
          min_sources: 1              # fire once the event is reported by this many independent sources
        again_when: [sources]         # fire again when the event gains a source (or mentions, articles)
        actions:
          - print
          - log: alerts.jsonl
          - webhook: https://hooks.example.org/dragoman
            secret_env: DRAGOMAN_WEBHOOK_SECRET

A rule fires once per event, and again only when the event gains what ``again_when`` names.  A bad
rule (an unknown filter, a wrong value, a webhook whose secret variable is not set) is a
``ConfigError`` naming the file, the rule and the fix, before anything is polled.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dragoman.errors import ConfigError, DragomanError
from dragoman.filters import FILTERS, EventQuery, query_from
from dragoman.watch.listfile import read_list

#: what a rule can fire again on: the counts of the merged event
GAINS = {"sources": "num_sources", "mentions": "num_mentions", "articles": "num_articles"}
ACTIONS = ("print", "log", "webhook")
_NAME = re.compile(r"^[\w.:-]{1,80}$")


@dataclass(frozen=True)
class Action:
    """``print`` (a line on standard output), ``log`` (a JSONL file) or ``webhook`` (a signed POST)."""

    kind: str
    target: str = ""  # the log file or the webhook URL ("-" for print)
    secret_env: str | None = None  # the environment variable holding the webhook's HMAC secret


@dataclass(frozen=True)
class Rule:
    name: str
    query: EventQuery
    actors: tuple[str, ...] = ()  # every one takes part; the first is also ``query.actor``
    min_sources: int = 1
    again_when: tuple[str, ...] = ()
    actions: tuple[Action, ...] = (Action("print", "-"),)
    definition: str = field(default="", compare=False)  # the rule as JSON, to tell when it was edited

    def secret(self, action: Action) -> bytes:
        """The webhook's secret from the environment (a ConfigError when the variable is unset or empty)."""
        value = os.environ.get(action.secret_env or "")
        if not value:
            raise ConfigError(f"the environment variable {action.secret_env} is not set", source=f"rule {self.name}",
                              hint="export the webhook's shared secret in it before starting the watcher")
        return value.encode("utf-8")


def _filters(raw: Any, where: str) -> tuple[EventQuery, tuple[str, ...], int]:
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ConfigError("'filters' must be a mapping of filter names to values", source=where,
                          hint="for example filters: {type: CONSULT, actor: Taliban}")
    known = {f.name: f for f in FILTERS}
    values: dict[str, Any] = {}
    actors: tuple[str, ...] = ()
    min_sources = 1
    for key, value in raw.items():
        name = str(key).replace("-", "_")
        if name == "min_sources":
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ConfigError(f"min_sources must be a whole number, 1 or more, not {value!r}", source=where)
            min_sources = value
            continue
        if name not in known:
            raise ConfigError(f"unknown filter '{key}'", source=where,
                              hint="filters: " + ", ".join(sorted([*known, "min_sources"])))
        f = known[name]
        if name == "actor" and isinstance(value, list):
            if not value or not all(isinstance(v, str) and v.strip() for v in value):
                raise ConfigError("'actor' must be a name or code, or a list of them", source=where)
            actors = tuple(v.strip() for v in value)
            value = actors[0]
        elif name == "type" and isinstance(value, list):
            value = ",".join(str(v) for v in value)
        values[name] = _value(f, value, where)
    if "actor" in values and not actors:
        actors = (values["actor"],)
    q = query_from(values)
    from dragoman.store import query as Q  # the check the store makes of dates and ranges, made now

    try:
        Q.where(q)
    except DragomanError as e:
        raise ConfigError(f"filter {e.source}: {e.message}", source=where, hint=e.hint) from e
    return q, actors, min_sources


def _value(f: Any, value: Any, where: str) -> Any:
    from datetime import date

    if f.kind is bool:
        if not isinstance(value, bool):
            raise ConfigError(f"'{f.name}' must be true or false, not {value!r}", source=where)
        return value
    if f.kind in (int, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (f.kind is int and not isinstance(value, int)):
            raise ConfigError(f"'{f.name}' must be a number, not {value!r}", source=where)
        if (f.lo is not None and value < f.lo) or (f.hi is not None and value > f.hi):
            raise ConfigError(f"'{f.name}' must be between {f.lo:g} and {f.hi:g}, not {value}", source=where)
        return value
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise ConfigError(f"'{f.name}' must be text, not {value!r}", source=where)
    value = str(value)
    if f.max_length and len(value) > f.max_length:
        raise ConfigError(f"'{f.name}' is longer than {f.max_length} characters", source=where)
    return value


def _action(raw: Any, where: str) -> Action:
    if raw == "print" or raw == {"print": True}:
        return Action("print", "-")
    if not isinstance(raw, dict) or not (set(raw) & {"log", "webhook"}):
        raise ConfigError(f"unknown action {raw!r}", source=where,
                          hint="an action is print, {log: FILE.jsonl} or {webhook: URL, secret_env: VARIABLE}")
    if "log" in raw:
        if set(raw) != {"log"} or not isinstance(raw["log"], str) or not raw["log"].strip():
            raise ConfigError("a log action is {log: FILE.jsonl}", source=where)
        return Action("log", raw["log"].strip())
    unknown = sorted(set(raw) - {"webhook", "secret_env"})
    if unknown:
        raise ConfigError(f"unknown key(s) {', '.join(unknown)} in a webhook action", source=where,
                          hint="a webhook action has webhook (the URL) and secret_env")
    url, env = raw.get("webhook"), raw.get("secret_env")
    if not isinstance(url, str) or not url.lower().startswith(("http://", "https://")):
        raise ConfigError(f"the webhook {url!r} is not an http(s) URL", source=where)
    if not isinstance(env, str) or not re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", env):
        raise ConfigError("a webhook needs secret_env: the environment variable holding its HMAC secret",
                          source=where, hint="for example secret_env: DRAGOMAN_WEBHOOK_SECRET")
    return Action("webhook", url.strip(), env)


def _rule(raw: Any, where: str) -> Rule:
    if not isinstance(raw, dict):
        raise ConfigError("a rule must be a mapping with name, filters and actions", source=where)
    unknown = sorted(set(raw) - {"name", "filters", "again_when", "actions"})
    if unknown:
        raise ConfigError(f"unknown key(s) {', '.join(unknown)}", source=where,
                          hint="a rule has name, filters, again_when and actions")
    name = raw.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise ConfigError(f"the rule's name {name!r} is missing or not a short word", source=where,
                          hint="letters, digits, '-', '_', '.', ':' (at most 80)")
    where = f"{where} ({name})"
    q, actors, min_sources = _filters(raw.get("filters"), where)
    again = raw.get("again_when") or []
    if isinstance(again, str):
        again = [again]
    if not isinstance(again, list) or any(a not in GAINS for a in again):
        raise ConfigError(f"again_when must list some of {', '.join(GAINS)}, not {raw.get('again_when')!r}", source=where)
    acts = raw.get("actions", ["print"])
    if not isinstance(acts, list) or not acts:
        raise ConfigError("actions must be a list (print, log, webhook)", source=where)
    actions = tuple(_action(a, where) for a in acts)
    definition = json.dumps({k: raw.get(k) for k in ("filters", "again_when", "actions")}, sort_keys=True, default=str)
    rule = Rule(name, q, actors, min_sources, tuple(dict.fromkeys(again)), actions, definition)
    for a in actions:
        if a.kind == "webhook":
            try:
                rule.secret(a)
            except ConfigError as e:
                raise ConfigError(e.message, source=where, hint=e.hint) from None
    return rule


def load_rules(path: str | Path) -> list[Rule]:
    """The rules of a YAML file (a ``rules:`` list), each checked; names must be unique."""
    p = Path(path)
    items = read_list(p, "rules", "the rules file", "see docs/watch.md for an example")
    rules = [_rule(r, f"{p}: rules[{i}]") for i, r in enumerate(items)]
    names = [r.name for r in rules]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise ConfigError(f"rule name(s) used twice: {', '.join(twice)}", source=str(p), hint="give each rule its own name")
    return rules
