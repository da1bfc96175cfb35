"""Readers' comments run on after a story: where they start.

News pages and the collections made from them often carry, after the reporter's last paragraph, what readers
wrote in ("Your views", "Have your say"): opinions in the first person, with no one reported as saying
them. Read as the story, they become events of whoever the story quoted last ("I welcome any rise",
"I thank the minister" coded as the minister's). With the paragraph breaks and the readers' names lost, the
section is told by its voice: a story reports (its sentences say who said what, and outside quotation marks it
does not say "I" or "we"), then, to its end, sentences outside quotation marks speak in the first person and
no longer report.

``comments_start(text)`` gives the character offset where such a section starts, or ``None``. The rule, on
sentences (a full stop, question or exclamation mark, then a capital):

* the section runs to the end of the text, has at least ``MIN_SECTION`` sentences, and at least
  ``MIN_PERSONAL`` of them, and at least ``SHARE`` of them, say "I" or "we" (or "my", "our", "us", ...)
  outside quotation marks ("you" is a feature writer's too: "a computer built from bits you buy");
* at most ``REPORTING_SHARE`` of its sentences report speech ("said", "told", "according to", ...);
* before it, the story has at least ``MIN_STORY`` sentences, two of them reporting, and at most
  ``STORY_PERSONAL_SHARE`` of them speak in the first or second person outside quotes (an opinion column,
  personal from its start, has no such section);
* it starts at its first personal sentence, or before it at the sentences of opinion that come between it
  and the story's last that reports, quotes or tells a fact: "It would be better to cut taxes." opens it.

Quotation marks are read by where they stand: a straight quote opens when a space comes before it and closes
when one comes after it, so an unclosed quote (a paragraph of a quote of several) does not turn the rest of the
text inside out; a quote runs on across sentences, and a sentence whose first mark closes began inside one.
"""

from __future__ import annotations

import re

#: a sentence ends: a stop, an optional closing quote, space, and a capital or a digit (with an opening quote)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“‘]?[A-Z0-9])")
#: a reader's own voice: the first and second person
_PERSONAL = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|me|my|myself|mine|we|we're|we've|we'd|we'll|us|our|ours)\b",
                       re.IGNORECASE)
_REPORTING = re.compile(r"\b(?:said|says|told|tells|added|according to|insisted|argued|claimed|warned|announced|"
                        r"stated|explained)\b")
#: a sentence that gives an opinion: a question, an exclamation, what should or would be
_OPINION = re.compile(r"[?!]|\b(?:should|would|could|ought|must|shouldn't|wouldn't|couldn't)\b", re.IGNORECASE)

MIN_STORY = 5
SHARE = 0.2
REPORTING_SHARE = 0.15
STORY_PERSONAL_SHARE = 0.1
MIN_PERSONAL = 4
MIN_SECTION = 10
MIN_REPORTING = 2
QUOTE_RUN = 10


def _sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start() + len(m.group().rstrip())
        spans.append((start, end))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _opens(text: str, i: int) -> bool:
    ch = text[i]
    if ch in "“‘":
        return True
    if ch in "”’":
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in "([—–-":
        return True
    return not (after.isspace() or after in ".,;:!?)—–-")


def unquoted(sentence: str, inside: bool = False) -> tuple[str, bool]:
    """The sentence with what lies inside double quotation marks blanked out, and whether it ends inside a
    quote; ``inside``: whether it starts inside one (the sentence before ended so)."""
    marks = [i for i, ch in enumerate(sentence) if ch in '"“”']
    if marks and not _opens(sentence, marks[0]):
        inside = True  # its first mark closes: it began inside a quote
    out = list(sentence)
    nxt = 0
    for i in range(len(sentence)):
        if nxt < len(marks) and marks[nxt] == i:
            inside = _opens(sentence, i)
            nxt += 1
            out[i] = " "
        elif inside:
            out[i] = " "
    return "".join(out), inside


def _voices(text: str, spans: list[tuple[int, int]]) -> tuple[list[bool], list[bool]]:
    """For each sentence, whether it says "I" or "we" outside quotation marks ("i" alone is no word: "i.e."),
    and whether any of it is quoted. A quote left open runs on to the next sentence, for at most ``QUOTE_RUN`` sentences without a
    mark (a quote of several sentences; an unclosed mark does not blank the rest of the text)."""
    personal: list[bool] = []
    quoted: list[bool] = []
    inside = False
    run = 0
    for s, e in spans:
        sentence = text[s:e]
        run = 0 if any(ch in sentence for ch in '"“”') else run + 1
        if run > QUOTE_RUN:
            inside = False
        plain, inside = unquoted(sentence, inside)
        personal.append(any(m.group() != "i" for m in _PERSONAL.finditer(plain)))
        quoted.append(plain != sentence)
    return personal, quoted


def comments_start(text: str) -> int | None:
    """The offset where readers' comments start after the story, or ``None`` when the text has none."""
    spans = _sentences(text)
    n = len(spans)
    if n <= MIN_STORY:
        return None
    personal, quoted = _voices(text, spans)
    reporting = [bool(_REPORTING.search(text[s:e])) for s, e in spans]
    for k in range(MIN_STORY, n):
        if not personal[k]:
            continue
        rest = n - k
        mine = sum(personal[k:])
        if sum(personal[:k]) > STORY_PERSONAL_SHARE * k or sum(reporting[:k]) < MIN_REPORTING:
            continue  # personal from the start (a column, a story told in the first person), or no story yet
        if rest < MIN_SECTION or mine < MIN_PERSONAL or mine < SHARE * rest:
            continue
        if sum(reporting[k:]) > REPORTING_SHARE * rest:
            continue
        j = k
        while j > 0 and not reporting[j - 1] and not personal[j - 1] and not quoted[j - 1] and _OPINION.search(
                text[spans[j - 1][0]:spans[j - 1][1]]):
            j -= 1
        return spans[max(j, MIN_STORY)][0]
    return None
