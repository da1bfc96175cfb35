"""An event's date as the days it may have happened on: the record's ``date`` string and its
``date_precision`` read as a calendar interval (used to check records and to store them)."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_date(value: str | None) -> date | None:
    """The day a date string starts with: ``2020-10-27``, ``2020-10`` → 1 October, ``2020`` (or any
    value after its year, such as ``2020-W44``) → 1 January; ``None`` when it starts with no date."""
    if not value:
        return None
    m = _DATE.match(value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def interval(d: date | None, precision: str) -> tuple[date | None, date | None]:
    """The days an event dated ``d`` with ``precision`` may have happened on (None: unknown)."""
    if d is None or precision == "none":
        return None, None
    if precision == "day":
        return d, d
    if precision == "week":
        return d, d + timedelta(days=6)
    if precision == "month":
        return d.replace(day=1), d.replace(day=calendar.monthrange(d.year, d.month)[1])
    if precision == "quarter":
        q0 = (d.month - 1) // 3 * 3 + 1
        end_month = q0 + 2
        return date(d.year, q0, 1), date(d.year, end_month, calendar.monthrange(d.year, end_month)[1])
    if precision == "year":
        return date(d.year, 1, 1), date(d.year, 12, 31)
    # "article": only the article's date is known; the event was reported then, so it happened shortly before
    return d - timedelta(days=3), d
