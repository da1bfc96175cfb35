"""Time expressions: find them with compiled patterns and normalise them TIMEX3-style.

``TimexTagger.find(text)`` returns the expressions of a piece of text (longest match first, no
overlaps), each with its kind and parsed fields; ``normalise`` turns one into a value
(``2020-10-27``, ``2020-W44``, ``2020-10``, ``2020-Q3``, ``2020-SU``, ``2020``, ``197``,
``PRESENT_REF`` ...) given the reference date, the tense of the governing verb and the
discourse focus (the last date the text spoke of, which "a year earlier" and "the quarter" refer
to).  The words live in ``data/timex.yaml``; dateparser is not needed for anything here, which
keeps the stage fast.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from dragoman.datafile import read_yaml

DATA = Path(__file__).parent / "data"

#: precision order, most precise first
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4, "ref": 5, "none": 6}


@dataclass(frozen=True)
class Found:
    """A matched expression: span in the searched text, kind and parsed fields."""

    start: int
    end: int
    text: str
    kind: str
    g: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Value:
    """A normalised value. ``anchor`` is (sign, amount, unit) for "a day after X" expressions."""

    value: str | None
    precision: str
    type: str = "DATE"
    absolute: bool = False  # does not depend on the reference date
    day: date | None = None  # a representative day (start of the period), for arithmetic and focus
    anchor: tuple[int, int, str] | None = None


#: the value of an expression that cannot be resolved (no reference date, no such day)
NO_VALUE = Value(None, "none")

log = logging.getLogger(__name__)

#: the words of relative years, quarters, days, spelled centuries and duration units
_RELATIVE_YEAR = {"last": -1, "this": 0, "next": 1}
_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": 4}
_RELATIVE_DAY = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_CENTURIES = {"nineteen": 19, "eighteen": 18, "twenty": 20}
_DURATION_CODES = {"day": "D", "week": "W", "fortnight": "W", "month": "M", "year": "Y", "decade": "Y", "quarter": "Q"}


class Unreadable(ValueError):
    """An expression whose words or numbers name no date: "February 30", a year before 1 or after 9999,
    a word with a letter that matched without case but is no word of the tables ("Auguſt")."""


def _date(y: int, m: int = 1, d: int = 1) -> date:
    """``date(y, m, d)``, or ``Unreadable`` naming the day that does not exist."""
    try:
        return date(y, m, d)
    except ValueError:
        raise Unreadable(f"there is no day {y:04d}-{m:02d}-{d:02d}") from None


T = TypeVar("T")


def _lookup(table: Mapping[str, T], word: str, what: str) -> T:
    """``table[word]``, or ``Unreadable`` naming the word that is not in it."""
    try:
        return table[word]
    except KeyError:
        raise Unreadable(f"'{word}' is no {what}") from None


@dataclass(frozen=True)
class Reading:
    """What an expression is resolved against: the reference date, the tense of the verb governing it,
    and the discourse focus (the last date the text spoke of)."""

    ref: date | None
    tense: str | None
    focus: Value | None


@lru_cache(maxsize=1)
def words() -> dict[str, Any]:
    with open(DATA / "timex.yaml", encoding="utf-8") as fh:
        return read_yaml(fh)


def _alt(keys: Any) -> str:
    return "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(keys, key=len, reverse=True))


#: letters that match an ASCII letter when case is ignored but do not lower-case to one
_ODD_CASE = re.compile("[\u0130\u0131\u017f]")  # İ ı ſ


def _cover(keys: Any) -> tuple[str, ...]:
    """Lower-case literals, one of which is inside any case-blind match of any of ``keys``: the
    longest word of each key (a space in a key matches any run of white space), minus those that
    hold another."""
    words = {max(k.lower().split(), key=len) for k in keys}
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


class TimexTagger:
    """Compiled patterns for English time expressions (build once, reuse)."""

    def __init__(self) -> None:
        w = words()
        self.months: dict[str, int] = w["months"]
        self.weekdays: dict[str, int] = w["weekdays"]
        self.numbers: dict[str, int] = w["numbers"]
        self.ordinals: dict[str, int] = w["ordinals"]
        self.decades: dict[str, int] = w["decades"]
        self.seasons: dict[str, str] = w["seasons"]
        self.season_start: dict[str, int] = w["season_start"]
        self.refs: dict[str, str] = w["refs"]
        self.patterns = [(k, re.compile(p, re.IGNORECASE)) for k, p in self._patterns(w)]
        # a cheap test per pattern: the word it cannot match without (most sentences have none)
        self.need = {k: re.compile(v, re.IGNORECASE) for k, v in self._gates().items()}
        # cheaper still, tried first: literal pieces of which the lower-cased text holds one
        # whenever the gate above (for "ref", which has none, the pattern itself) can match, so a
        # sentence without any skips the regexes; where one is there the gate decides, as before
        self.cues = {k: frozenset(v) for k, v in self._cues().items()}
        self._all_cues = tuple(sorted(set().union(*self.cues.values())))
        self._readers: dict[str, Callable[[Found, Reading], Value]] = {
            "iso": self._read_iso, "slash": self._read_iso, "mdy": self._read_month_day, "dmy": self._read_month_day,
            "my": self._read_month_year, "mon_rel": self._read_month_rel, "mon": self._read_month,
            "year": self._read_year, "decade": self._read_decade, "century": self._read_century,
            "quarter": self._read_quarter, "half": self._read_half, "focus": self._read_focus,
            "fiscalyear": self._read_fiscal_year, "yearperiod": self._read_year_period, "spelled": self._read_spelled,
            "thousand": self._read_thousand, "yearago": self._read_year_ago, "relday": self._read_relday,
            "thisday": self._read_thisday, "weekday": self._read_weekday, "relunit": self._read_relunit,
            "season": self._read_season, "weekend": self._read_weekend, "ago": self._read_ago,
            "shift": self._read_shift, "nextday": self._read_shift, "duration": self._read_duration,
            "ref": self._read_ref, "ordday": self._read_ordinal_day,
        }

    def _patterns(self, w: dict[str, Any]) -> list[tuple[str, str]]:
        """Each kind of expression and its pattern (case is ignored)."""
        full = [m for m in self.months if len(m) > 4 or m in ("may", "june", "july")]
        abbr = [m for m in self.months if m not in full]
        mon = rf"(?:{_alt(full)}|(?:{_alt(abbr)})\.?)"
        wd = rf"(?:{_alt(self.weekdays)})"
        num = rf"(?:\d+|{_alt(k for k in self.numbers)}|several|a\s+few|few|many|some)"
        yr = r"(?:1[5-9]\d\d|20\d\d)"
        day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
        unit = r"(?:day|week|fortnight|month|year|decade|quarter)s?"
        ordq = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
        B, E = r"(?<![\w$£€.\-])", r"(?![\w]|\.\d|-\d)"
        return [
            ("iso", rf"{B}(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}}){E}"),
            ("slash", rf"{B}(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})/(?P<y>\d{{4}}){E}"),
            ("mdy", rf"{B}(?:(?P<wd>{wd}),?\s+)?(?P<mon>{mon})\s+(?P<d>{day})(?:,?\s+(?P<y>{yr}))?{E}"),
            ("dmy", rf"{B}(?:(?P<wd>{wd}),?\s+)?(?:the\s+)?(?P<d>{day})\s+(?:of\s+)?(?P<mon>{mon})(?:,?\s+(?P<y>{yr}))?{E}"),
            ("my", rf"{B}(?:(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)[\s-]+)?(?P<mon>{mon})(?:\s+of|,)?\s+(?P<y>{yr}){E}"),
            ("mon_rel", rf"{B}(?P<mon>{mon})\s+(?P<rel>last|this|next)\s+year{E}"),
            ("mon", rf"{B}(?:(?P<mod>last|this|next|early|mid|late|in|since|until|by|through|from|of|during|before|after|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of)[\s-]+)?(?P<mon>{mon}){E}(?!\s*\d)"),
            ("year", rf"{B}(?:(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|fiscal|calendar|the\s+year|in|since|until|by|during)[\s-]+)?(?P<y>{yr})(?:['’]s(?!\s*\w*\s*quarter))?{E}"),
            ("decade", rf"{B}(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<dec>1[5-9]\d0|20\d0)['’]?s|['’](?P<short>\d)0s|(?P<word>{_alt(self.decades)})){E}"),
            ("century", rf"{B}(?:the\s+)?(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<ow>{_alt(self.ordinals)}))[\s-]+century{E}"),
            ("quarter", rf"{B}(?:(?P<y1>{yr})['’]?s?\s+|(?P<rel>this|last|next)\s+year['’]s\s+|the\s+)?(?:(?P<ago>year-ago|year-earlier|year\s+ago|year\s+earlier)\s+)?(?:fiscal\s+)?(?P<q>{ordq}|last)[\s-]+(?:fiscal\s+)?quarter(?:\s+of\s+(?:fiscal\s+)?(?P<y2>{yr})|\s+of\s+(?P<rel2>this|last|next)\s+year)?{E}"),
            ("half", rf"{B}(?:the\s+)?(?P<h>first|second|last|latter)\s+half(?:\s+of\s+(?:(?P<y>{yr})|(?P<rel>this|last|next)\s+year))?{E}"),
            ("focus", rf"{B}(?:the\s+)?(?P<mod>latest|current|same|year-ago|year-earlier|year\s+ago|full|fiscal|comparable)?[\s-]*(?P<unit>quarter|period|year){E}(?!-)"),
            ("fiscalyear", rf"{B}(?:the\s+)?(?P<mod>current|latest|last|previous|past|next|coming|same)\s+(?:fiscal|financial|calendar)\s+year{E}"),
            ("yearperiod", rf"{B}the\s+(?P<y>{yr})\s+(?P<unit>period|quarter|fiscal\s+year|year){E}"),
            ("spelled", rf"{B}(?:the\s+year\s+)?(?P<a>nineteen|eighteen|twenty)[\s-]+(?P<t>{_alt(w['tens'])})(?:[\s-]+(?P<u>{_alt(w['units'])}))?{E}"),
            ("thousand", rf"{B}(?:the\s+year\s+)?two\s+thousand(?:\s+(?:and\s+)?(?P<u>{_alt(w['units'])}|{_alt(w['tens'])}))?{E}"),
            ("yearago", rf"{B}(?P<w>year-ago|year-earlier|a\s+year\s+earlier|a\s+year\s+ago){E}"),
            ("relday", rf"{B}(?:(?P<mod>late|early|earlier|later)\s+)?(?P<w>today|tonight|yesterday|tomorrow)(?:['’]s)?(?:\s+(?:morning|afternoon|evening|night))?{E}"),
            ("thisday", rf"{B}(?P<w>this\s+(?:morning|afternoon|evening)|(?:earlier|later)\s+in\s+the\s+day|last\s+night|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow){E}"),
            ("weekday", rf"{B}(?:(?P<mod>last|next|this|on|earlier|late|early|coming|past|this\s+past|until|by|since|from)\s+)?(?P<wd>{wd})(?:['’]s)?(?:\s+(?:morning|afternoon|evening|night))?{E}"),
            ("relunit", rf"{B}(?P<mod>earlier\s+this|later\s+this|early\s+this|late\s+this|earlier\s+in\s+the|later\s+in\s+the|early\s+next|late\s+next|early\s+last|late\s+last|this\s+past|the\s+past|the\s+coming|the\s+current|last|this|next|past|previous|coming|current)\s+(?P<unit>week|weekend|month|year|quarter|decade|century){E}"),
            ("season", rf"{B}(?:(?P<mod>this\s+past|last|this|next|early|late|the|in|mid)[\s-]+)?(?P<s>{_alt(self.seasons)})(?:(?:\s+of)?\s+(?P<y>{yr}))?{E}"),
            ("weekend", rf"{B}(?:the|this|last|next|over\s+the)\s+weekend{E}"),
            ("ago", rf"{B}(?:(?:about|nearly|almost|some|more\s+than|less\s+than|over|roughly|just|only)\s+)?(?P<n>{num})\s+(?P<unit>{unit})\s+(?:or\s+so\s+)?ago{E}"),
            ("shift", rf"{B}(?:(?:about|nearly|almost|some|just|only)\s+)?(?P<n>{num}|the)\s+(?P<unit>{unit})\s+(?P<dir>earlier|later|before|after|previously){E}"),
            ("nextday", rf"{B}the\s+(?P<dir>following|next|previous|preceding|prior)\s+(?P<unit>day|week|month|year){E}"),
            ("ref", rf"{B}(?P<w>{_alt(self.refs)}){E}"),
            # "met on the 12th": a day of the month with no month, as agencies write it
            ("ordday", rf"{B}on\s+the\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th){E}(?!\s+(?:of|century|floor|day|time|round|anniversary|minute|hour|week|month|year|place|amendment|straight|consecutive|annual|edition|session|congress|summit|birthday)\b)"),
            ("duration", rf"{B}(?:(?P<prep>for|over|during|within|in)\s+)?(?:(?:the\s+)?(?P<dir>past|last|next|coming|previous|first|following)\s+)?(?:(?:almost|nearly|about|some|more\s+than|less\s+than|over|at\s+least|up\s+to|roughly|around)\s+)?(?P<n>{num})\s+(?P<unit>{unit}){E}(?!\s+(?:ago|earlier|later|before|after|old)\b)"),
        ]

    def _gates(self) -> dict[str, str]:
        """Each kind's gate: a pattern of the word it cannot match without."""
        monthword = rf"\b(?:{_alt(self.months)})\b"
        units = r"(?:day|week|fortnight|month|year|decade|quarter|period|half|weekend)"
        return {
            "iso": r"\d-\d", "slash": r"\d/\d", "mdy": monthword, "dmy": monthword, "my": monthword,
            "mon_rel": monthword, "mon": monthword, "year": r"\d{4}", "decade": r"\d0['’]?s|ties\b",
            "century": "century", "quarter": "quarter", "half": "half", "focus": r"quarter|period|year",
            "fiscalyear": "year", "yearperiod": r"\d{4}", "spelled": r"nineteen|eighteen|twenty",
            "thousand": "thousand", "yearago": "year", "relday": r"today|tonight|yesterday|tomorrow",
            "thisday": r"morning|afternoon|evening|night|\bday\b", "weekday": rf"(?:{_alt(self.weekdays)})",
            "relunit": units + r"|century", "season": rf"(?:{_alt(self.seasons)})", "weekend": "weekend",
            "ago": r"\bago\b", "shift": r"earlier|later|before|after|previously", "nextday": r"following|next|previous|preceding|prior",
            "duration": units + "s?", "ordday": r"on\s+the\s+\d",
        }

    def _cues(self) -> dict[str, tuple[str, ...]]:
        """Each kind's cues: literal pieces of which the lower-cased text holds one whenever it can match."""
        month_cues = _cover(self.months)
        unit_cues = ("day", "week", "fortnight", "month", "year", "decade", "quarter", "period", "half")
        return {
            "iso": ("-",), "slash": ("/",), "mdy": month_cues, "dmy": month_cues, "my": month_cues,
            "mon_rel": month_cues, "mon": month_cues, "decade": ("0", "ties"), "century": ("century",),
            "quarter": ("quarter",), "half": ("half",), "focus": ("quarter", "period", "year"), "fiscalyear": ("year",),
            "spelled": ("nineteen", "eighteen", "twenty"), "thousand": ("thousand",), "yearago": ("year",),
            "relday": ("today", "tonight", "yesterday", "tomorrow"),
            "thisday": ("morning", "afternoon", "evening", "night", "day"), "weekday": _cover(self.weekdays),
            "relunit": unit_cues + ("century",), "season": _cover(self.seasons), "weekend": ("weekend",),
            "ago": ("ago",), "shift": ("earlier", "later", "before", "after", "previously"),
            "nextday": ("following", "next", "previous", "preceding", "prior"), "duration": unit_cues,
            "ref": _cover(self.refs), "ordday": ("on the",),
        }  # "year" and "yearperiod" (four digits, any script) have none: their gate is cheap

    # -- finding --------------------------------------------------------------------------------

    def find(self, text: str) -> list[Found]:
        """All expressions of ``text``, longest first, without overlaps, in text order."""
        cands: list[Found] = []
        # the cue words present (not when the text holds a letter that matches an ASCII letter
        # without case but does not lower-case to it: then only the regex gates decide)
        present = None
        if not _ODD_CASE.search(text):
            low = text.lower()
            present = {c for c in self._all_cues if c in low}
        gates: dict[str, bool] = {}  # a gate several patterns share is tried once
        for kind, rx in self.patterns:
            if present is not None:
                cues = self.cues.get(kind)
                if cues is not None and cues.isdisjoint(present):
                    continue
            need = self.need.get(kind)
            if need is not None:
                ok = gates.get(need.pattern)
                if ok is None:
                    ok = gates[need.pattern] = need.search(text) is not None
                if not ok:
                    continue
            for m in rx.finditer(text):
                if m.end() == m.start():
                    continue
                g = {k: v for k, v in m.groupdict().items() if v is not None}
                f = Found(m.start(), m.end(), m.group(), kind, g)
                if self._plausible(f, text):
                    cands.append(f)
        cands.sort(key=lambda f: (-(f.end - f.start), f.start))
        taken: list[Found] = []
        for f in cands:
            if all(f.end <= t.start or f.start >= t.end for t in taken):
                taken.append(f)
        return sorted(taken, key=lambda f: f.start)

    def _plausible(self, f: Found, text: str) -> bool:
        g = f.g
        if "mon" in g:
            name = g["mon"]
            if not name[0].isupper():
                return False
            bare = name.lower().rstrip(".")
            if f.kind == "mon":
                if bare in ("may", "march", "mar", "jan", "dec", "sep", "aug", "jun", "jul", "apr", "feb", "nov", "oct") and not g.get("mod"):
                    return False  # "May" the modal, "March" the verb, abbreviations alone
                if name.endswith(".") is False and len(bare) <= 3 and bare not in ("may",):
                    return False
        if "wd" in g and not g["wd"][0].isupper():
            return False
        if f.kind == "season":
            mod = (g.get("mod") or "").lower()
            if g["s"].lower() in ("fall", "spring") and not g.get("y") and mod in ("", "the", "in"):
                return False  # "a fall in prices", "a spring"
            if not mod and not g.get("y"):
                return False
        if f.kind == "focus":
            # "the quarter", "the latest period", "the full year" — not "year" or "period" alone
            mod = (g.get("mod") or "").lower()
            unit = g["unit"].lower()
            if unit == "year" and mod not in ("full", "fiscal", ""):
                return False
            if unit == "period" and not mod:
                return False
            if not mod and not f.text.lower().startswith("the"):
                return False
        if f.kind == "ref":
            w = g["w"].lower()
            if w == "future" and text[f.end : f.end + 1] == "s":
                return False
        if f.kind == "year":
            before = text[max(0, f.start - 1) : f.start]
            after = text[f.end : f.end + 12].lower()
            if before in ("$", "#", "£", "€"):
                return False  # an amount
            if re.match(r"\s*(?:%|percent|per\s+cent|people|troops|shares|units|tons|km|miles|dollars|feet|metres|meters)\b", after):
                return False  # a count
        return True

    # -- normalising ----------------------------------------------------------------------------

    def normalise(self, f: Found, ref: date | None, tense: str | None, focus: Value | None) -> Value:
        """The TIMEX3 value of ``f`` resolved against ``ref`` (None when it cannot be)."""
        read = self._readers[f.kind]
        try:
            return read(f, Reading(ref, tense, focus))
        except Unreadable as e:
            log.debug("cannot read %r as a date: %s", f.text, e)
        except OverflowError as e:  # "99999 years ago", or a reference date at the end of the calendar
            log.debug("cannot read %r as a date: %s is out of the calendar's range", f.text, e)
        return NO_VALUE

    def _read_iso(self, f: Found, at: Reading) -> Value:
        """2020-10-27, 10/27/2020."""
        g = f.g
        return _day(_date(int(g["y"]), int(g["m"]), int(g["d"])), absolute=True)

    def _read_month_day(self, f: Found, at: Reading) -> Value:
        """October 27 (2020), 27 October (2020): a year-less day in the year that fits the tense."""
        g, ref = f.g, at.ref
        m = self._month_number(g["mon"])
        d = int(re.match(r"\d+", g["d"]).group())  # type: ignore[union-attr]
        if g.get("y"):
            return _day(_date(int(g["y"]), m, d), absolute=True)
        if ref is None:
            return NO_VALUE
        same = _date(ref.year, m, d)
        if abs((same - ref).days) <= 183 and not (at.tense == "past" and same > ref or at.tense == "future" and same < ref):
            return _day(same)  # (not "were killed on June 15" in news of June 10: that June 15 is a year before)
        return _day(_pick_year(ref, lambda y: date(y, m, d), at.tense))

    def _read_ordinal_day(self, f: Found, at: Reading) -> Value:
        """On the 12th: that day of the reference date's month, or of the month before when the day is still to come
        and the tense is not the future's (of the month after when it has passed and the tense is)."""
        ref = at.ref
        if ref is None:
            return NO_VALUE
        d = int(f.g["d"])
        y, m = ref.year, ref.month
        if d > ref.day and at.tense != "future":
            y, m = (y, m - 1) if m > 1 else (y - 1, 12)
        elif d < ref.day and at.tense == "future":
            y, m = (y, m + 1) if m < 12 else (y + 1, 1)
        try:
            return _day(date(y, m, d))
        except ValueError:
            return NO_VALUE  # "on the 31st" of a month of thirty days

    def _read_month_year(self, f: Found, at: Reading) -> Value:
        """October 2020, early October 2020."""
        return _month(int(f.g["y"]), self._month_number(f.g["mon"]), absolute=True)

    def _read_month_rel(self, f: Found, at: Reading) -> Value:
        """October last year."""
        if at.ref is None:
            return NO_VALUE
        y = at.ref.year + _lookup(_RELATIVE_YEAR, f.g["rel"].lower(), "relative year")
        return _month(y, self._month_number(f.g["mon"]))

    def _read_month(self, f: Found, at: Reading) -> Value:
        """(last, next, since, until ...) October: the month in the year its modifier or the tense says."""
        g, ref = f.g, at.ref
        if ref is None:
            return NO_VALUE
        m = self._month_number(g["mon"])
        mod = (g.get("mod") or "").lower()
        if mod == "last":
            y = ref.year if m < ref.month else ref.year - 1
        elif mod == "next":
            y = ref.year if m > ref.month else ref.year + 1
        elif mod == "this":
            y = ref.year
        else:
            t = "past" if mod in ("since",) else "future" if mod in ("until",) else at.tense
            y = _pick_year(ref, lambda yy: date(yy, m, 1), t, month=True).year
        return _month(y, m)

    def _read_year(self, f: Found, at: Reading) -> Value:
        """2020, fiscal 2020."""
        return _year(int(f.g["y"]), absolute=True)

    def _read_decade(self, f: Found, at: Reading) -> Value:
        """the 1990s, the '90s, the nineties."""
        g, ref = f.g, at.ref
        if g.get("dec"):
            return Value(g["dec"][:3], "year", absolute=True, day=_date(int(g["dec"]), 1, 1))
        if ref is None:
            return NO_VALUE
        digit = int(g["short"]) if g.get("short") else _lookup(self.decades, g["word"].lower(), "decade")
        cent = ref.year // 100 if digit * 10 <= ref.year % 100 else ref.year // 100 - 1
        return Value(f"{cent}{digit}", "year", day=_date(cent * 100 + digit * 10, 1, 1))

    def _read_century(self, f: Found, at: Reading) -> Value:
        """the 20th century, the twentieth century."""
        g = f.g
        n = int(g["n"]) if g.get("n") else _lookup(self.ordinals, g["ow"].lower(), "ordinal")
        return Value(f"{n - 1:02d}", "year", absolute=True, day=_date(max(1, (n - 1) * 100), 1, 1))

    def _read_quarter(self, f: Found, at: Reading) -> Value:
        """the third quarter (of 2020, of last year), the year-ago quarter."""
        g, ref = f.g, at.ref
        q = _lookup(_QUARTERS, g["q"].lower(), "quarter")
        y = g.get("y1") or g.get("y2")
        back = 1 if g.get("ago") else 0
        if y:
            return _quarter(int(y) - back, q, absolute=not back)
        if ref is None:
            return NO_VALUE
        rel = (g.get("rel") or g.get("rel2") or "").lower()
        if rel:
            return _quarter(ref.year + _lookup(_RELATIVE_YEAR, rel, "relative year") - back, q)
        cur_q = (ref.month - 1) // 3 + 1
        yy = ref.year if q <= cur_q or at.tense == "future" else ref.year - 1
        return _quarter(yy - back, q)

    def _read_half(self, f: Found, at: Reading) -> Value:
        """the first half (of 2020, of next year)."""
        g, ref = f.g, at.ref
        h = 1 if g["h"].lower() == "first" else 2
        if g.get("y"):
            return Value(f"{g['y']}-H{h}", "quarter", absolute=True, day=_date(int(g["y"]), 1 + 6 * (h - 1), 1))
        if ref is None:
            return NO_VALUE
        rel = (g.get("rel") or "").lower()
        y = ref.year + _RELATIVE_YEAR.get(rel, 0)
        return Value(f"{y}-H{h}", "quarter", day=_date(y, 1 + 6 * (h - 1), 1))

    def _read_focus(self, f: Found, at: Reading) -> Value:
        """the quarter, the latest period, the year-ago period, the full year: the period the text is
        about (the discourse focus) or the latest one before the reference date."""
        g, ref, focus = f.g, at.ref, at.focus
        unit = g["unit"].lower()
        mod = (g.get("mod") or "").lower()
        if ref is None:
            return NO_VALUE
        back = 1 if mod in ("year-ago", "year-earlier", "year ago") else 0
        cur_q = (ref.month - 1) // 3 + 1
        if unit == "quarter" and mod == "current":
            return _quarter(ref.year, cur_q)
        if unit in ("quarter", "period") and mod == "latest":
            y, q = (ref.year, cur_q - 1) if cur_q > 1 else (ref.year - 1, 4)
            return _quarter(y, q)
        if unit == "year" and mod in ("full", "fiscal", ""):
            return _year(ref.year)
        if unit in ("quarter", "period"):
            if focus is not None and focus.precision == "quarter" and focus.value and "-Q" in focus.value:
                fy, fq = focus.value.split("-Q")
                return _quarter(int(fy) - back, int(fq))
            if unit == "period" and focus is not None and focus.precision == "year" and focus.day:
                return _year(focus.day.year - back)
            y, q = (ref.year, cur_q - 1) if cur_q > 1 else (ref.year - 1, 4)
            return _quarter(y - back, q)
        if focus is not None and focus.day and focus.precision in ("year", "quarter"):
            return _year(focus.day.year - back)
        return _year(ref.year - back)

    def _read_fiscal_year(self, f: Found, at: Reading) -> Value:
        """the current (last, next) fiscal year."""
        if at.ref is None:
            return NO_VALUE
        mod = f.g["mod"].lower()
        shift = -1 if mod in ("latest", "last", "previous", "past") else 1 if mod in ("next", "coming") else 0
        return _year(at.ref.year + shift)

    def _read_year_period(self, f: Found, at: Reading) -> Value:
        """the 1989 period (the focus quarter of that year), the 2020 fiscal year."""
        g, focus = f.g, at.focus
        y = int(g["y"])
        if g["unit"].lower() in ("period", "quarter") and focus is not None and focus.value and "-Q" in focus.value:
            return _quarter(y, int(focus.value.split("-Q")[1]))
        return _year(y, absolute=True)

    def _read_spelled(self, f: Found, at: Reading) -> Value:
        """nineteen ninety-four."""
        g = f.g
        a = _lookup(_CENTURIES, g["a"].lower(), "century")
        t = _lookup(words()["tens"], g["t"].lower(), "number of tens")
        u = words()["units"].get((g.get("u") or "").lower(), 0)
        if u and t < 20:
            return NO_VALUE
        return _year(a * 100 + t + u, absolute=True)

    def _read_thousand(self, f: Found, at: Reading) -> Value:
        """two thousand (and) six."""
        u = (f.g.get("u") or "").lower()
        n = words()["units"].get(u) or words()["tens"].get(u) or 0
        return _year(2000 + n, absolute=True)

    def _read_year_ago(self, f: Found, at: Reading) -> Value:
        """a year ago, a year earlier, year-ago: the year before the focus (its quarter, if one)."""
        ref, focus = at.ref, at.focus
        if ref is None:
            return NO_VALUE
        if focus is not None and focus.precision == "quarter" and focus.value and "-Q" in focus.value:
            y, q = focus.value.split("-Q")
            return _quarter(int(y) - 1, int(q))
        base = focus.day if focus is not None and focus.day and "ago" not in f.text.lower() else ref
        return _year(base.year - 1)

    def _read_relday(self, f: Found, at: Reading) -> Value:
        """today, tonight, yesterday, tomorrow (morning)."""
        if at.ref is None:
            return NO_VALUE
        off = _lookup(_RELATIVE_DAY, f.g["w"].lower(), "relative day")
        return _day(at.ref + timedelta(days=off))

    def _read_thisday(self, f: Found, at: Reading) -> Value:
        """this morning, last night, the day before yesterday."""
        if at.ref is None:
            return NO_VALUE
        w = " ".join(f.text.lower().split())
        off = -1 if w == "last night" else -2 if "before yesterday" in w else 2 if "after tomorrow" in w else 0
        return _day(at.ref + timedelta(days=off))

    def _read_weekday(self, f: Found, at: Reading) -> Value:
        """(last, next, on ...) Tuesday."""
        if at.ref is None:
            return NO_VALUE
        g = f.g
        wd = _lookup(self.weekdays, g["wd"].lower(), "weekday")
        return _day(self._weekday_date(at.ref, wd, (g.get("mod") or "").lower(), at.tense))

    def _read_relunit(self, f: Found, at: Reading) -> Value:
        """this (last, next, the coming ...) week, month, quarter, year, decade, century."""
        g, ref, focus = f.g, at.ref, at.focus
        if ref is None:
            return NO_VALUE
        mod = " ".join((g.get("mod") or "").lower().split())
        unit = g["unit"].lower()
        shift = 0
        if mod in ("last", "past", "previous", "the previous", "early last", "late last", "the past"):
            shift = -1
        elif mod in ("next", "coming", "the coming", "the next", "the following", "early next", "late next"):
            shift = 1
        if unit == "quarter" and shift == 0 and focus is not None and focus.value and "-Q" in focus.value:
            y, q = focus.value.split("-Q")
            return _quarter(int(y), int(q))
        return _shifted(ref, unit, shift)

    def _read_season(self, f: Found, at: Reading) -> Value:
        """(last, this, next) summer (of 2020)."""
        g, ref = f.g, at.ref
        s = _lookup(self.seasons, g["s"].lower(), "season")
        if g.get("y"):
            return Value(f"{g['y']}-{s}", "quarter", absolute=True, day=_date(int(g["y"]), self.season_start[s], 1))
        if ref is None:
            return NO_VALUE
        mod = " ".join((g.get("mod") or "").lower().split())
        start = self.season_start[s]
        cur = ref.month >= start if s != "WI" else True
        if mod in ("last", "this past"):
            y = ref.year if (cur and ref.month >= start + 3) else ref.year - 1
        elif mod == "next":
            y = ref.year if ref.month < start else ref.year + 1
        elif mod == "this":
            y = ref.year
        else:
            y = ref.year if (at.tense != "past" or ref.month >= start) else ref.year - 1
        return Value(f"{y}-{s}", "quarter", day=_date(y, start, 1))

    def _read_weekend(self, f: Found, at: Reading) -> Value:
        """the (this, last, next) weekend."""
        ref = at.ref
        if ref is None:
            return NO_VALUE
        low = f.text.lower()
        nxt = low.startswith("next") or at.tense == "future" and not low.startswith("last")
        if nxt:
            sat = ref + timedelta(days=(5 - ref.weekday()) % 7 or 7)
        else:
            sat = ref - timedelta(days=(ref.weekday() - 5) % 7)
        if low.startswith("last") and sat == ref:
            sat -= timedelta(days=7)
        y, wk, _ = sat.isocalendar()
        return Value(f"{y}-W{wk:02d}-WE", "week", day=sat)

    def _read_ago(self, f: Found, at: Reading) -> Value:
        """three weeks ago (a few years ago: the past)."""
        if at.ref is None:
            return NO_VALUE
        n = self._number(f.g["n"])
        unit = f.g["unit"].lower().rstrip("s")
        if n is None:
            return Value("PAST_REF", "ref")
        return move(at.ref, unit, -n)

    def _read_shift(self, f: Found, at: Reading) -> Value:
        """two days later, the following week: moved from the focus (or the reference date); "two days
        after" another event is anchored on it (``Value.anchor``)."""
        g, ref, focus = f.g, at.ref, at.focus
        unit = g["unit"].lower().rstrip("s")
        d = g["dir"].lower()
        sign = 1 if d in ("later", "after", "following", "next") else -1
        if f.kind == "nextday" and ref is None and (focus is None or focus.day is None):
            return NO_VALUE
        n = 1 if f.kind == "nextday" or g["n"].lower() == "the" else self._number(g["n"])
        if n is None:
            return Value("PAST_REF" if sign < 0 else "FUTURE_REF", "ref")
        if d in ("before", "after"):
            # anchored on another event: resolved by the stage from that event's date
            return Value(None, "none", anchor=(sign, n, unit))
        base = focus if focus is not None and focus.day else (_day(ref) if ref else None)
        if base is None or base.day is None:
            return Value(None, "none", anchor=(sign, n, unit))
        if unit == "year" and base.precision == "quarter" and base.value and "-Q" in base.value:
            y, q = base.value.split("-Q")
            return _quarter(int(y) + sign * n, int(q))
        return move(base.day, unit, sign * n, floor=base.precision)

    def _read_duration(self, f: Found, at: Reading) -> Value:
        """for three weeks, the past few months (a duration, or the past or future when it has no number;
        "in five years" in the future tense is a date)."""
        g, ref = f.g, at.ref
        n = self._number(g["n"])
        unit = g["unit"].lower().rstrip("s")
        d = (g.get("dir") or "").lower()
        if n is None and d in ("past", "last", "previous"):
            return Value("PAST_REF", "ref")  # "the past few months"
        if n is None and d in ("next", "coming"):
            return Value("FUTURE_REF", "ref")
        if at.tense == "future" and ref is not None and n is not None:
            if (g.get("prep") or "").lower() == "in" and not d:
                return move(ref, unit, n)  # "will be redeemed in five years"
            if f.text.lower() == "one day":
                return Value("FUTURE_REF", "ref")
        code = _lookup(_DURATION_CODES, unit, "unit of time")
        if n is not None and unit == "decade":
            n *= 10
        if n is not None and unit == "fortnight":
            n *= 2
        return Value(f"P{n if n is not None else 'X'}{code}", "none", type="DURATION", absolute=True)

    def _read_ref(self, f: Found, at: Reading) -> Value:
        """now, recently, in the future: PRESENT_REF, PAST_REF, FUTURE_REF."""
        return Value(_lookup(self.refs, " ".join(f.text.lower().split()), "time reference"), "ref")

    # -- helpers --------------------------------------------------------------------------------

    def _month_number(self, name: str) -> int:
        return _lookup(self.months, name.lower().rstrip("."), "month")

    def _number(self, s: str) -> int | None:
        s = " ".join(s.lower().split())
        if s.isdigit():
            return int(s)
        return self.numbers.get(s)

    @staticmethod
    def _weekday_date(ref: date, wd: int, mod: str, tense: str | None) -> date:
        back = (ref.weekday() - wd) % 7  # days back to the latest such weekday on or before ref
        fwd = (wd - ref.weekday()) % 7
        if mod == "last":
            return ref - timedelta(days=back or 7)
        if mod in ("next", "coming"):
            return ref + timedelta(days=fwd or 7)
        if mod in ("this past", "past", "earlier", "since"):
            return ref - timedelta(days=back)
        if tense == "future":
            return ref + timedelta(days=fwd or 7)
        return ref - timedelta(days=back)


# -- value builders ---------------------------------------------------------------------------


def _day(d: date, absolute: bool = False) -> Value:
    return Value(d.isoformat(), "day", absolute=absolute, day=d)


def _month(y: int, m: int, absolute: bool = False) -> Value:
    return Value(f"{y:04d}-{m:02d}", "month", absolute=absolute, day=_date(y, m, 1))


def _quarter(y: int, q: int, absolute: bool = False) -> Value:
    return Value(f"{y:04d}-Q{q}", "quarter", absolute=absolute, day=_date(y, 3 * (q - 1) + 1, 1))


def _year(y: int, absolute: bool = False) -> Value:
    return Value(f"{y:04d}", "year", absolute=absolute, day=_date(y, 1, 1))


def _week(d: date) -> Value:
    y, w, _ = d.isocalendar()
    return Value(f"{y:04d}-W{w:02d}", "week", day=d - timedelta(days=d.weekday()))


def _shifted(ref: date, unit: str, shift: int) -> Value:
    """this/last/next week, month, quarter, year, decade, century."""
    if unit in ("week", "weekend"):
        v = _week(ref + timedelta(weeks=shift))
        if unit == "weekend":
            return Value(f"{v.value}-WE", "week", day=v.day)
        return v
    if unit == "month":
        m = ref.month - 1 + shift
        return _month(ref.year + m // 12, m % 12 + 1)
    if unit == "quarter":
        q = (ref.month - 1) // 3 + shift
        return _quarter(ref.year + q // 4, q % 4 + 1)
    if unit == "decade":
        d = ref.year // 10 + shift
        return Value(f"{d:03d}", "year", day=_date(d * 10, 1, 1))
    if unit == "century":
        c = ref.year // 100 + shift
        return Value(f"{c:02d}", "year", day=_date(max(1, c * 100), 1, 1))
    return _year(ref.year + shift)


def move(base: date, unit: str, n: int, floor: str = "day") -> Value:
    """``base`` moved by ``n`` units, at the unit's precision ("two weeks ago" is a day)."""
    if unit in ("day",):
        v = _day(base + timedelta(days=n))
    elif unit in ("week", "fortnight"):
        v = _day(base + timedelta(weeks=n * (2 if unit == "fortnight" else 1)))
    elif unit == "month":
        m = base.month - 1 + n
        v = _month(base.year + m // 12, m % 12 + 1)
    elif unit == "quarter":
        q = (base.month - 1) // 3 + n
        v = _quarter(base.year + q // 4, q % 4 + 1)
    elif unit == "decade":
        v = _year(base.year + 10 * n)
    else:
        v = _year(base.year + n)
    # never more precise than the base ("two days after February" is not a day)
    if PRECISION_RANK.get(floor, 0) > PRECISION_RANK[v.precision] and v.day is not None:
        if floor == "month":
            return _month(v.day.year, v.day.month)
        if floor in ("year", "quarter"):
            return _year(v.day.year)
    return v


def _pick_year(ref: date, make: Any, tense: str | None, month: bool = False) -> date:
    """The year for a year-less date: not after ``ref`` in the past tense, not before it in the
    future tense, else the nearest."""
    cands = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cands.append(make(y))
        except ValueError:
            continue
    if month:
        ref_key = date(ref.year, ref.month, 1)
    else:
        ref_key = ref
    if tense == "past":
        ok = [c for c in cands if c <= ref_key]
        return max(ok) if ok else min(cands)
    if tense == "future":
        ok = [c for c in cands if c >= ref_key]
        return min(ok) if ok else max(cands)
    return min(cands, key=lambda c: (abs((c - ref_key).days), c > ref_key))
