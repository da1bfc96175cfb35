"""A headline glued to the story's first sentence, as news collections often store their texts.

"Minister to quit over housing row The treasury minister is to step down at the election, ..." has no
line break nor full stop between the headline and the story. Left as it is, the parser reads one long
sentence whose first clause is the headline. The cut is found from the words alone, before parsing:
it falls before a capitalised word that starts the story, such that the headline's words of content
come back in the story's first sixty words, its first one (the subject, in any form of the word:
"Tories" for "Tory") among the first twenty: the story's first sentence restates the headline. A day
or month in the words before the cut, or a dateline ("VILNIUS - "), says they are the story's own
sentence. Only a text of one line and several sentences is looked at (a text with line breaks has its
title on a line of its own).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from dragoman.datafile import read_yaml

_DATA = Path(__file__).parent / "data" / "headline.yaml"
_TOKEN = re.compile(r"\S+")
_WORD = re.compile(r"[A-Za-z][\w'’\-]*")
_ENDS_SENTENCE = re.compile(r"[.!?:;]['\"’”)]*$")
_SENTENCE_BREAK = re.compile(r"[.!?]['\"’”]?\s+['\"‘“]?[A-Z]")
_QUOTES = "'\"‘“’”,.-()"
#: a plural acronym ("MPs", "MEPs"): never a word of a person's name, so the capitalised word after it may start the story
_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")

#: the longest headline looked for, in words, and the least story after it
MAX_WORDS = 10
MIN_STORY_WORDS = 25
#: the story's first words, where the headline's first word of content (its subject) comes back
LEAD_WORDS = 20
#: a story has sentences: at least this many sentence breaks in the text
MIN_SENTENCES = 2
#: of the headline's words of content, how many (and what share) the story's first words must repeat
MIN_REPEATED = 2
MIN_SHARE = 0.3


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    raw = read_yaml(_DATA.read_text(encoding="utf-8"))
    return {k: frozenset(str(w).lower() for w in v) for k, v in raw.items()}


def _bare(word: str) -> str:
    return word.lower().strip(_QUOTES)


def _stem(word: str) -> str:
    w = word.lower().strip("'’")
    if w.endswith(("'s", "’s")):
        w = w[:-2]
    return w[:5]


#: endings taken off a word before the headline's subject is looked for in the story ("Tories" / "Tory"), with what
#: replaces them
_ENDINGS = (("ies", "y"), ("ing", ""), ("ed", ""), ("s", ""))


def _root(word: str) -> str:
    """The first four letters of ``word`` without its ending: "Tories" and "Tory" share one."""
    w = word.lower().strip("'’")
    if w.endswith(("'s", "’s")):
        w = w[:-2]
    for ending, instead in _ENDINGS:
        if w.endswith(ending) and not w.endswith("ss") and len(w) - len(ending) >= 3:
            return (w[:-len(ending)] + instead)[:4]
    return w[:4]


def _spelt_out(acronym: str, words: list[str]) -> bool:
    """Do ``words`` spell out the headline's first word, an acronym ("PDU": "the Port Dockers Union")?"""
    acronym = acronym.strip(_QUOTES)
    if not (2 <= len(acronym) <= 6 and acronym.isupper() and acronym.isalpha()):
        return False
    caps = "".join(w[0] for w in words if w[:1].isupper())  # ("of", "the" left out: "Port Dockers Union")
    return acronym in caps


def glued_headline(text: str) -> tuple[int, int] | None:
    """The span of a headline glued to the first sentence of ``text``, or ``None``."""
    if "\n" in text.strip():
        return None
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text[:800])]
    if toks and _bare(toks[0][2]) in _words()["body_words"]:
        return None  # "The ...", "A ...": the story's first sentence starts the text
    if len(toks) < MIN_STORY_WORDS + 2 or len(_SENTENCE_BREAK.findall(text)) < MIN_SENTENCES:
        return None  # a sentence, not a story
    if any(t[2] in ("-", "–", "—") for t in toks[:6]) and toks[0][2].isupper():
        return None  # "VILNIUS - ...": a dateline starts the story, no headline is glued to it
    lex = _words()
    low = [_bare(t[2]) for t in toks]
    best: tuple[tuple[int, float, int], int] | None = None
    for k in range(2, min(MAX_WORDS, len(toks) - MIN_STORY_WORDS) + 1):
        word, prev = toks[k][2], toks[k - 1][2]
        if _ENDS_SENTENCE.search(prev):
            return None  # the first sentence ends before: nothing glued
        said_by = k >= 2 and low[k - 2] in lex["attribution_verbs"] and toks[k - 3][2].endswith(",") if k >= 3 else False
        if low[k - 1] in lex["body_words"] or toks[k - 1][2].endswith(",") and low[k] not in lex["attribution_verbs"]:
            break  # an article, an auxiliary or a comma: the story's own sentence, past any headline (not ", says X")
        first = word.lstrip("'\"‘“")
        if not first or not first[0].isupper():
            continue
        if low[k - 1] in lex["stop"] or low[k - 1] in lex["particles"] or prev.endswith(",") or low[k] in lex["dates"] or low[k - 1] in lex["titles"]:
            continue
        if prev.lstrip(_QUOTES)[:1].isupper() and not _PLURAL_ACRONYM.match(prev) and low[k] not in lex["openers"] and low[k - 1] not in low[k:k + 4] and not said_by:
            continue  # inside a name: "Paula | Radcliffe" (not "... Straw | Jack Straw has ...", "..., says Quist | Lars")
        if any(low[j] == low[k - 1] and low[j + 1] == low[k] and not _ENDS_SENTENCE.search(toks[j][2])
               for j in range(k + 1, len(low) - 1)):
            continue  # "New Zealand", "pop band Busted" told again later: one phrase (not "... ID cards. The ...")
        head = {_stem(m.group()) for t in toks[:k] for m in _WORD.finditer(t[2]) if m.group().lower() not in lex["stop"]}
        if not head:
            continue
        story = {_stem(m.group()) for t in toks[k:k + 60] for m in _WORD.finditer(t[2])}
        hits = sum(h in story for h in head)
        before = toks[k - 2][2] if k >= 2 else ""
        if (low[k - 1].endswith("ed") or low[k - 1] in lex["past_verbs"] or low[k - 1] in lex["story_verbs"]) \
                and before[:1].isupper() and not said_by and low[k] not in lex["body_words"]:
            continue  # "Minister Petros Kallis accused | Turkey of ...": a name, its verb, then its object (not "... arrested | The")
        if any(low[j] in lex["dates"] for j in range(k)):
            break  # "... on Tuesday accused": a day belongs to the story's sentence, never to a headline
        first_word = next((_root(m.group()) for t in toks[:k] for m in _WORD.finditer(t[2])
                           if m.group().lower() not in lex["stop"]), "")
        if said_by:
            first_word = _root(toks[k - 1][2])  # ", says Quist": the story names its speaker again
        lead = {_root(m.group()) for t in toks[k:k + LEAD_WORDS] for m in _WORD.finditer(t[2])}
        if first_word not in lead and not _spelt_out(toks[0][2], [t[2] for t in toks[k:k + LEAD_WORDS]]):
            continue  # the story's first words do not restate the headline's subject: "X met | Japan's premier"
        score = (hits, hits / len(head), -k)
        if hits >= MIN_REPEATED and hits / len(head) >= MIN_SHARE and (best is None or score > best[0]):
            best = (score, k)
    if best is None:
        return None
    k = best[1]
    return toks[0][0], toks[k - 1][1]
