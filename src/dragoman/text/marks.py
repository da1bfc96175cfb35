"""Spans between quotation marks, found in the raw text (no parse needed).

Straight (``"``) and curly (``“ ”``) marks are paired with a small stack, so a curly quote nested
in a straight one (or the reverse) stays inside it, and a quote opened with one kind may be closed
with the other (copy-pasted text mixes them).  Single quotes are left alone: they are apostrophes
far more often than quotation marks, and when they do quote they sit inside a double quote.

A paragraph that ends with its quote still open continues into the next paragraph when that one
starts with the same kind of mark (the newspaper convention for a speech over several
paragraphs); otherwise the quote ends with its paragraph.  In a text that lost its paragraph breaks, a
straight mark opening a sentence right after one that ended inside the open quote is that convention's mark.  Marks that are not quotation marks are
skipped: inch marks (``6'3"``), HTML attribute values (``author="..."``).  A closing curly mark
that starts a paragraph is read as an opening one (a common typo).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_CURLY = "“„«"
CLOSE_CURLY = "”»"
STRAIGHT = '"'
_PARAGRAPH = re.compile(r"[^\n]+")
_INCH = re.compile(r"\d['’]\d{1,2}$")
#: the characters the pairing acts on (every other character is skipped over)
_MARK = re.compile(f"[{re.escape(OPEN_CURLY + CLOSE_CURLY + STRAIGHT)}]")


@dataclass(frozen=True, slots=True)
class Marked:
    """The content between a pair of marks: ``[start, end)`` excludes the marks themselves."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark, None when the paragraph ended first
    paragraphs: int = 1  # how many paragraphs the quote runs over


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def _family(ch: str) -> str:
    return '"' if ch == STRAIGHT else "“"


def _lead(text: str, ps: int, pe: int) -> int:
    i = ps
    while i < pe and text[i].isspace():
        i += 1
    return i


def _not_a_mark(text: str, i: int) -> bool:
    """A straight mark that is an inch mark or opens an HTML attribute value."""
    before = text[max(0, i - 6) : i]
    return bool(_INCH.search(before)) or before.endswith("=")


def find_marked(text: str) -> list[Marked]:
    """Every top-level span between quotation marks, in text order (empty spans left out)."""
    out: list[Marked] = []
    paras = _paragraphs(text)
    open_at: int | None = None  # the opening mark of the current top-level quote
    stack: list[str] = []
    n_paras = 1

    def emit(end: int, close: int | None) -> None:
        nonlocal open_at
        if open_at is not None:
            s, e = open_at + 1, end
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append(Marked(s, e, open_at, close, n_paras))
        open_at = None

    for pi, (ps, pe) in enumerate(paras):
        i = ps
        lead = _lead(text, ps, pe)
        if stack and lead < pe:  # a quote running on from the last paragraph: its mark re-opens
            i = lead + 1
            n_paras += 1
        elif not stack and lead < pe and text[lead] in CLOSE_CURLY:
            open_at, n_paras = lead, 1  # ”Text… at the start of a paragraph: a reversed opening mark
            stack.append("“")
            i = lead + 1
        while i < pe:
            mark = _MARK.search(text, i, pe)
            if mark is None:
                break
            i = mark.start()
            ch = text[i]
            if ch in OPEN_CURLY:
                if not stack:
                    open_at, n_paras = i, 1
                stack.append("“")
            elif ch in CLOSE_CURLY:
                if stack:
                    stack.pop()
                    if not stack:
                        emit(i, i)
            elif ch == STRAIGHT:
                if _not_a_mark(text, i) and not stack:
                    if text[i - 1 : i] == "=":  # attribute value: skip to its end
                        j = text.find('"', i + 1, pe)
                        i = j if j > 0 else pe
                    i += 1
                    continue
                if not stack:
                    open_at, n_paras = i, 1
                    stack.append('"')
                elif stack == ['"'] and _reopens_here(text, i):
                    pass  # a paragraph of the same speech whose break the text lost: the quote runs on
                elif stack[-1] == '"' or len(stack) == 1 and _closes_here(text, i):
                    stack.pop()
                    if not stack:
                        emit(i, i)
                elif not _not_a_mark(text, i):
                    stack.append('"')
            i += 1
        if stack:
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            lead_ch = text[_lead(text, *nxt)] if nxt else ""
            opener = text[open_at] if open_at is not None else ""
            runs_on = lead_ch and (lead_ch == STRAIGHT or lead_ch in OPEN_CURLY) and _family(lead_ch) == _family(opener)
            if not runs_on:
                emit(pe, None)
                stack = []
    return out


def _closes_here(text: str, i: int) -> bool:
    """A straight mark after a word and before a space or punctuation reads as a closing mark."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)—–-")


def _reopens_here(text: str, i: int) -> bool:
    """A straight mark that opens a sentence after one that ended inside the quote (``... cut. "Parliament ...``):
    the opening mark of the speech's next paragraph, in a text that lost its paragraph breaks (the quote was never
    closed), not a closing one."""
    return i >= 2 and text[i - 1] == " " and text[i - 2] in ".!?" and i + 1 < len(text) and text[i + 1].isupper()
