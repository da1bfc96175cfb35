"""``dragoman watch``: continuous ingestion from feeds, and alerts when something an analyst cares about happens.

Modules: ``feeds`` (the feed list), ``entries`` (a feed's or news sitemap's items), ``poller`` (one
poll of one feed: conditional GET, new items fetched, coded, stored), ``rules`` (watch rules in
YAML), ``alerts`` (rules fired on the events that changed), ``delivery`` (print, JSONL log, signed
webhook with retries), ``clock`` (the system clock or a fake one), ``watcher`` (the loop and its
status).  The state lives in the store: ``dragoman.store.watch``.  See docs/watch.md.
"""

from dragoman.watch.clock import Clock, FakeClock
from dragoman.watch.feeds import Feed, feeds_from_urls, load_feeds
from dragoman.watch.rules import Rule, load_rules
from dragoman.watch.watcher import Watcher, status_path, watch_status

__all__ = ["Clock", "FakeClock", "Feed", "Rule", "Watcher", "feeds_from_urls", "load_feeds", "load_rules",
           "status_path", "watch_status"]
