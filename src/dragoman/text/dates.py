"""Reading dates given as metadata (``published``) and found in page chrome (a masthead)."""

from __future__ import annotations

import re
from datetime import date, datetime

from dragoman.errors import InputError

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAY_RE = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"

#: a full calendar date in running text or a masthead
FULL_DATE = re.compile(
    rf"(?:(?P<wd>{WEEKDAY_RE}),?\s+)?"
    rf"(?:(?P<m1>{_MONTH_RE})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH_RE})\.?,?\s+(?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))",
    re.IGNORECASE,
)


def match_to_date(m: re.Match[str]) -> date | None:
    try:
        if m.group("y1"):
            return date(int(m.group("y1")), MONTHS[m.group("m1").lower().rstrip(".")], int(m.group("d1")))
        if m.group("y2"):
            return date(int(m.group("y2")), MONTHS[m.group("m2").lower().rstrip(".")], int(m.group("d2")))
        return date(int(m.group("y3")), int(m.group("m3")), int(m.group("d3")))
    except (ValueError, KeyError):
        return None


def parse_published(value: str, source: str = "input") -> str:
    """A ``published`` value (ISO date or date-time, or a written date) → ``YYYY-MM-DD``."""
    v = str(value).strip()
    try:
        return datetime.fromisoformat(v.replace("Z", "+00:00")).date().isoformat()  # noqa: FURB162 - every Z, as before
    except ValueError:
        pass
    m = FULL_DATE.search(v)
    if m and (d := match_to_date(m)):
        return d.isoformat()
    raise InputError(
        f"cannot read the published date {value!r}",
        source=source,
        hint="give it as YYYY-MM-DD or an ISO 8601 date-time",
    )
