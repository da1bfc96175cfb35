"""The feed list: which feeds ``dragoman watch`` polls, given on the command line or in a YAML file.

    feeds:
      - url: https://example.org/world/rss.xml
        name: Example world news          # optional (default: the URL)
        interval: 10m                      # optional: 90, "90s", "10m", "1h" (default: watch.interval)
      - https://example.org/news-sitemap.xml   # a bare URL is a feed with the defaults

A bad entry (no URL, not http(s), an interval that is not a duration, a URL listed twice) is a
``ConfigError`` naming the file, the entry and what to write instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dragoman.errors import ConfigError, FormatError
from dragoman.validation import check_url
from dragoman.watch.listfile import read_list

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?)?\s*$", re.IGNORECASE)
_UNITS = {"s": 1, "m": 60, "h": 3600}


@dataclass(frozen=True)
class Feed:
    """One feed to poll: its URL, a name for people, and its own interval in seconds (None: the default)."""

    url: str
    name: str
    interval: float | None = None


def duration(value: Any, source: str) -> float:
    """Seconds from 90, "90s", "10m" or "1h"; anything else (or not above zero) is a ConfigError."""
    if isinstance(value, bool):
        value = None
    if isinstance(value, (int, float)):
        seconds = float(value)
    else:
        m = _DURATION.match(str(value)) if value is not None else None
        if not m:
            raise ConfigError(f"'{value}' is not a duration", source=source, hint="write seconds (90) or 90s, 10m, 1h")
        seconds = float(m.group(1)) * _UNITS[(m.group(2) or "s")[0].lower()]
    if not seconds > 0:
        raise ConfigError(f"the interval must be above zero, not {value!r}", source=source, hint="for example 15m")
    return seconds


def _feed(entry: Any, where: str) -> Feed:
    if isinstance(entry, str):
        entry = {"url": entry}
    if not isinstance(entry, dict):
        raise ConfigError("a feed must be a URL or a mapping with 'url'", source=where,
                          hint="write - url: https://example.org/rss.xml")
    unknown = sorted(set(entry) - {"url", "name", "interval"})
    if unknown:
        raise ConfigError(f"unknown key(s) {', '.join(unknown)}", source=where, hint="a feed has url, name and interval")
    url = entry.get("url")
    if not isinstance(url, str) or not url.strip():
        raise ConfigError("the feed has no url", source=where, hint="write url: https://example.org/rss.xml")
    url = url.strip()
    try:
        check_url(url, where)
    except FormatError as e:
        raise ConfigError(f"'{url[:80]}' is not an http(s) URL", source=where,
                          hint="feeds are fetched over http or https") from e
    name = entry.get("name")
    if name is not None and not isinstance(name, str):
        raise ConfigError("the feed's name must be text", source=where)
    interval = entry.get("interval")
    return Feed(url, (name or "").strip() or url, duration(interval, where) if interval is not None else None)


def load_feeds(path: str | Path) -> list[Feed]:
    """The feeds of a YAML file (a ``feeds:`` list)."""
    p = Path(path)
    items = read_list(p, "feeds", "the feed list", "write feeds: followed by - url: ... lines (see docs/watch.md)")
    return check_feeds((_feed(e, f"{p}: feeds[{i}]") for i, e in enumerate(items)), str(p))


def feeds_from_urls(urls: Iterable[str]) -> list[Feed]:
    """Feeds given as URLs on the command line."""
    return check_feeds(_feed(u, f"feed {u}") for u in urls)


def check_feeds(feeds: Iterable[Feed], source: str = "the feed list") -> list[Feed]:
    """The feeds, refusing a URL listed twice (``source``: where they were listed)."""
    out: list[Feed] = []
    seen: set[str] = set()
    for f in feeds:
        if f.url in seen:
            raise ConfigError(f"the feed {f.url} is listed twice", source=source, hint="list each feed once")
        seen.add(f.url)
        out.append(f)
    return out
