"""Recognise page chrome in plain text and report it as spans.

* masthead: a short line before the story holding a full date (the day the page was rendered);
  it becomes the reference date with ``source="page"`` and ``trusted=False`` unless a trusted
  date was given.  A line that labels its date ("Published: 3 May 2021") is the text's own claim
  and becomes ``source="text"``, still untrusted.
* title: the first headline-like line (and ``title_repeat`` where the page repeats it), or a headline
  glued to the first sentence of a text of one line (``title_glued``, ``headline.py``): the story's
  first sentence restates it, so it is not parsed, and the first sentence is read without it;
* dateline: ``KABUL -`` / ``WASHINGTON (Reuters) —`` / ``Kabul, Oct 27 (AP) -`` / ``Cairo - `` (a title-case
  place, a spaced dash) → the place;
* agency: the credit at the end, ``(ATN)``, or the one inside the dateline;
* boilerplate: whole lines of page furniture that extraction left in the story ("Read more: …",
  "Click here to subscribe", "Share it with a friend!", image credits), patterns in
  ``data/boilerplate.txt``; one key per line ("boilerplate", "boilerplate.2", …);
* comments: readers' comments run on after the story, to the end of the text (``comments.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from dragoman.model import Article, ReferenceDate
from dragoman.text.comments import comments_start
from dragoman.text.dates import FULL_DATE, match_to_date
from dragoman.text.headline import glued_headline

#: chrome spans whose words are never an actor nor a clause's subject (the title and its repeat are story)
CHROME_NOT_ACTORS = ("dateline", "dateline_date", "agency", "masthead", "agency_line", "title_repeat", "title_glued",
                     "boilerplate", "comments")
#: kinds of chrome that are never parsed (the NLP stage and the times skip them)
NOT_PARSED = ("masthead", "title_repeat", "title_glued", "agency_line", "boilerplate", "comments")


def kind(key: str) -> str:
    """The kind of a chrome key: several boilerplate lines are "boilerplate", "boilerplate.2", ..."""
    return key.split(".", 1)[0]


def spans_of(chrome: Mapping[str, tuple[int, int]], kinds: Iterable[str]) -> list[tuple[int, int]]:
    """The chrome spans of the given kinds."""
    wanted = set(kinds)
    return [tuple(v) for k, v in chrome.items() if kind(k) in wanted]  # type: ignore[misc]


@lru_cache(maxsize=1)
def _boilerplate() -> re.Pattern[str]:
    rows = [ln.strip() for ln in (Path(__file__).parent / "data" / "boilerplate.txt").read_text(encoding="utf-8").splitlines()]
    return re.compile("|".join(f"(?:{r})" for r in rows if r and not r.startswith("#")), re.IGNORECASE)


def boilerplate_lines(lines: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """The lines of page boilerplate (calls to share or subscribe, related headlines, credits)."""
    pat = _boilerplate()
    return [(s, e) for s, e, line in lines if len(line.split()) <= 30 and pat.match(line.strip())]

_LINE = re.compile(r"[^\n]*")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?$")
_PUBLISHED_LABEL = re.compile(r"^\s*(published|posted|(?:last\s+)?updated|first published)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
#: upper- and lower-case letters, with the accented ones of Latin scripts (BRASÍLIA, SÃO PAULO, ŁÓDŹ)
_UP = "A-Z" + "".join(chr(i) for i in range(0xC0, 0x250) if chr(i).isupper())
_LO = "a-z" + "".join(chr(i) for i in range(0xC0, 0x250) if chr(i).islower())
_DATELINE = re.compile(
    rf"""^(?P<place>[{_UP}][{_UP}'’.\-]+(?:\s[{_UP}][{_UP}'’.\-]+){{0,3}})        # KABUL, NEW YORK, ST. PETERSBURG
        (?:,\s*(?P<region>[{_UP}][{_UP}{_LO}.'’\-]+(?:\s(?:(?:of|and|the|de|del|do|da)\s)?[{_UP}][{_UP}{_LO}.'’\-]+){{0,3}}))?  # , Pakistan / , Calif. / , Democratic Republic of Congo
        (?:,?\s*(?P<date>[A-Z][a-z]{{2,8}}\.?\s\d{{1,2}}(?:,?\s\d{{4}})?|\d{{1,2}}\s[A-Z][a-z]{{2,8}}\.?(?:\s\d{{4}})?))?  # , Oct 27 / , 11 February 2026
        \s*(?:\((?P<agency>[A-Za-z][\w .&’'\-]{{0,24}})\))?                   # (Reuters)
        \s*(?:[-–—:]{{1,2}}|(?<=\))\.)\s+""",
    re.VERBOSE,
)
_DATELINE_MIXED = re.compile(
    rf"""^(?P<place>[{_UP}][{_LO}]+(?:\s[{_UP}][{_LO}]+){{0,2}})
        (?:,\s*(?P<region>[{_UP}][{_UP}{_LO}.]+(?:\s[{_UP}][{_UP}{_LO}.]+){{0,2}}))?
        (?:,?\s*(?P<date>[A-Z][a-z]{{2,8}}\.?\s\d{{1,2}}(?:,?\s\d{{4}})?|\d{{1,2}}\s[A-Z][a-z]{{2,8}}\.?(?:\s\d{{4}})?))?
        \s*\((?P<agency>[A-Za-z][\w .&’'\-]{{0,24}})\)
        \s*[-–—:]{{1,2}}\s+""",
    re.VERBOSE,
)
#: "New Delhi, Apr 16 (PTI) The minister ...": a place in title case, a day and the agency, then the story with no
#: dash (the style of South Asian agencies)
_DATELINE_UNDASHED = re.compile(
    rf"""^(?P<place>[{_UP}][{_LO}]+(?:\s[{_UP}][{_LO}]+){{0,2}})
        ,\s*(?P<date>[A-Z][a-z]{{2,8}}\.?\s\d{{1,2}}(?:,?\s\d{{4}})?|\d{{1,2}}\s[A-Z][a-z]{{2,8}}\.?(?:\s\d{{4}})?)
        \s*\((?P<agency>[A-Za-z][\w .&’'\-]{{0,24}})\)
        \s+(?=[{_UP}"“])""",
    re.VERBOSE,
)
#: "Cairo - President ...", "Baku, June 10 - Azerbaijan's ...", "N'Djamena - The President ...": a place in
#: title case, perhaps a day, then a dash with a space on each side (a state agency's or a ministry's dateline)
_DATELINE_TITLED = re.compile(
    rf"""^(?P<place>[{_UP}](?:[{_LO}]|['’][{_UP}])[{_LO}'’\-]*(?:\s[{_UP}][{_LO}'’\-]+){{0,2}})
        (?:,\s*(?P<date>[A-Z][a-z]{{2,8}}\.?\s\d{{1,2}}(?:,?\s\d{{4}})?|\d{{1,2}}\s[A-Z][a-z]{{2,8}}\.?(?:\s\d{{4}})?))?
        (?P<agency>)\s[-–—]\s+(?=[{_UP}"“])""",
    re.VERBOSE,
)
#: words that open a line with a dash and are no place: a label of the page ("Exclusive - ...")
_NOT_PLACES = frozenset(("breaking", "update", "updated", "exclusive", "watch", "video", "live", "analysis", "opinion",
                         "editorial", "explainer", "photos", "comment", "review", "interview", "factbox", "timeline",
                         "correction", "advertisement", "sponsored", "podcast", "listen", "read", "note", "warning"))
_AGENCY_END = re.compile(r"\(\s*(?P<agency>[A-Z][A-Za-z&.’'\- ]{0,24}?)\s*\)\s*$")
_AGENCY_LINE = re.compile(r"^\s*(?:[-–—]\s*)?(?P<agency>(?:[A-Z]{2,8}|Reuters|Agence France-Presse|Associated Press))\s*$")


def _lines(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _LINE.finditer(text):
        if m.start() == m.end() and m.start() == len(text):
            break
        line = m.group()
        if line.strip():
            s = m.start() + (len(line) - len(line.lstrip()))
            e = m.start() + len(line.rstrip())
            out.append((s, e, text[s:e]))
    return out


def _is_sentence(line: str, date: re.Match) -> bool:
    """A line of the story that happens to hold a date ("Sweden joined NATO on 7 March 2024."), not a
    masthead: outside the date it has the lower-case words of prose (a masthead has a weekday, a site
    name, a time, a label)."""
    if _PUBLISHED_LABEL.match(line):
        return False
    rest = line[: date.start()] + " " + line[date.end():]
    lower = [w for w in _WORD.findall(rest) if w.islower() and w not in ("am", "pm", "st", "nd", "rd", "th")]
    return len(lower) >= 4 or len(lower) >= 2 and bool(_SENTENCE_END.search(line))


def _is_body(line: str) -> bool:
    if len(line) >= 100 and _SENTENCE_END.search(line):
        return True
    m = _DATELINE.match(line) or _DATELINE_UNDASHED.match(line)
    # a dateline opens a paragraph told in sentence case; a headline in capitals with a colon is no dateline
    # ("TERROR RAIDS: FOUR HELD OVER PLOT")
    return m is not None and any(c.islower() for c in line[m.end():])


def annotate(article: Article) -> Article:
    """The article with its chrome as spans (``Article.chrome``) and what the chrome says: the reference
    date of a masthead, the title, the dateline's place and the agency."""
    text = article.text
    lines = _lines(text)
    chrome: dict[str, tuple[int, int]] = dict(article.chrome)
    head, first_body = _head(lines)
    ref = _masthead(head, chrome, article.reference_date)
    furniture = boilerplate_lines(lines) if len(lines) > 1 else []
    body_lines = lines[first_body:] if first_body < len(lines) else []
    title = _title(text, lines, head, furniture, chrome, article.title)
    dateline, agency = _dateline(body_lines, chrome, article.dateline, article.agency)
    agency = _agency_credit(lines, chrome, agency)
    if "title" not in chrome and "dateline" not in chrome and (glued := glued_headline(text)) is not None:
        chrome["title_glued"] = glued  # "Minister to quit over row The minister ...": a headline glued to the story
        title = title or text[glued[0]:glued[1]]
    taken = set(chrome.values())
    for n, span in enumerate((sp for sp in furniture if sp not in taken), 1):
        chrome["boilerplate" if n == 1 else f"boilerplate.{n}"] = span
    if "comments" not in chrome and (start := comments_start(text)) is not None:
        chrome["comments"] = (start, len(text.rstrip()))  # readers' comments after the story
    return article.replace(chrome=chrome, reference_date=ref, title=title, dateline=dateline, agency=agency)


def _head(lines: list[tuple[int, int, str]]) -> tuple[list[tuple[int, int, str]], int]:
    """The lines before the first body paragraph (candidates for masthead and title, at most six) and
    the index of that paragraph's line."""
    head: list[tuple[int, int, str]] = []
    first_body = len(lines)
    for idx, (s, e, line) in enumerate(lines):
        if _is_body(line):
            first_body = idx
            break
        head.append((s, e, line))
        if len(head) >= 6:
            first_body = idx + 1
            break
    return head, first_body


def _masthead(head: list[tuple[int, int, str]], chrome: dict[str, tuple[int, int]],
              ref: ReferenceDate) -> ReferenceDate:
    """Marks the masthead date in ``chrome``; returns the reference date it gives (untrusted), or ``ref``."""
    for s, e, line in head:
        if "masthead" in chrome or len(line) > 160:
            continue
        m = FULL_DATE.search(line)
        if not m or _SENTENCE_END.search(line) and len(line) > 80 or _is_sentence(line, m):
            continue
        day = match_to_date(m)
        if day is None:
            continue
        chrome["masthead"] = (s, e)
        chrome["masthead_date"] = (s + m.start(), s + m.end())
        if not ref.trusted:
            source = "text" if _PUBLISHED_LABEL.match(line) else "page"
            ref = ReferenceDate(day.isoformat(), source, False)
        break
    return ref


def _title(text: str, lines: list[tuple[int, int, str]], head: list[tuple[int, int, str]],
           furniture: list[tuple[int, int]], chrome: dict[str, tuple[int, int]], title: str | None) -> str | None:
    """Marks the title in ``chrome`` — the first headline-like line that is not the masthead nor page
    furniture, or the metadata's title found in the text — and its repeat; returns the title."""
    for s, e, line in head:
        if chrome.get("masthead") == (s, e) or (s, e) in furniture:
            continue
        if len(line) < 12 or len(line) > 250 or len(lines) < 2:
            continue
        if line.endswith(".") and sum(w.islower() for w in _WORD.findall(line)) >= 4:
            continue  # the story's first sentence, not a headline
        if title and line.strip() != title.strip() and "title" not in chrome:
            # a title given as metadata: find it in the text if it is there
            continue
        chrome["title"] = (s, e)
        title = title or line
        break
    if title and "title" not in chrome:
        idx = text.find(title.strip())
        if 0 <= idx < len(text) // 2 + 1:
            chrome["title"] = (idx, idx + len(title.strip()))
    if "title" in chrome:
        ts, te = chrome["title"]
        tline = text[ts:te]
        for s, e, line in lines:
            if s > ts and line == tline:
                chrome["title_repeat"] = (s, e)
                break
    return title


def _dateline(body_lines: list[tuple[int, int, str]], chrome: dict[str, tuple[int, int]], dateline: str | None,
              agency: str | None) -> tuple[str | None, str | None]:
    """Marks the dateline at the start of the first body paragraph (and the agency inside it) in
    ``chrome``; returns the dateline's place and the agency."""
    if not body_lines:
        return dateline, agency
    s, _e, line = body_lines[0]
    m = _DATELINE.match(line) or _DATELINE_MIXED.match(line) or _DATELINE_UNDASHED.match(line)
    if m is None and (t := _DATELINE_TITLED.match(line)) and t.group("place").split()[0].lower() not in _NOT_PLACES:
        m = t
    if m and len(m.group("place")) <= 40:
        # "GOMA, Congo (Reuters) -": the country or state after the place is part of the dateline
        end = m.end("region") if m.groupdict().get("region") else m.end("place")
        chrome["dateline"] = (s + m.start("place"), s + end)
        dateline = dateline or m.group("place")
        if m.group("agency"):
            chrome["agency"] = (s + m.start("agency"), s + m.end("agency"))
            agency = agency or m.group("agency").strip()
        if m.group("date"):  # "BOGOTA, Aug 5 (GDA) -": the day is no part of the first actor's name
            chrome["dateline_date"] = (s + m.start("date"), s + m.end("date"))
    return dateline, agency


_DASH_AFTER = re.compile(r"[\s,]*(?:\([^()\n]{0,30}\)\s*)?[-–—:]{1,2}\s+")


def dateline_end(article: Article) -> int | None:
    """Where the story starts after a wire dateline ("ACCRA, May 4 (Agency) - "), or ``None`` when the article
    has no dateline ended by a dash."""
    if "dateline" not in article.chrome:
        return None
    start = article.chrome["dateline"][0]
    # (the dateline's own agency, not a credit at the story's end)
    end = max(article.chrome[k][1] for k in ("dateline", "dateline_date", "agency")
              if k in article.chrome and 0 <= article.chrome[k][0] - start < 100)
    if article.text[end:end + 1] == ")":
        end += 1
    m = _DASH_AFTER.match(article.text, end)
    return m.end() if m and m.end() < len(article.text) else None


def _agency_credit(lines: list[tuple[int, int, str]], chrome: dict[str, tuple[int, int]],
                   agency: str | None) -> str | None:
    """Marks the agency credit at the end of the text ("(ATN)", a line "Reuters") in ``chrome`` unless
    the dateline named one; returns the agency."""
    if not lines or "agency" in chrome:
        return agency
    s, e, line = lines[-1]
    m = _AGENCY_END.search(line)
    if m and (len(line) > len(m.group()) or len(lines) > 1):
        chrome["agency"] = (s + m.start("agency"), s + m.end("agency"))
        chrome["agency_line"] = (s + m.start(), s + m.end())
        return agency or m.group("agency")
    m = _AGENCY_LINE.match(line)
    if m and len(lines) > 2:
        chrome["agency"] = (s + m.start("agency"), s + m.end("agency"))
        chrome["agency_line"] = (s, e)
        return agency or m.group("agency")
    return agency
