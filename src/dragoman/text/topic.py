"""The article's topic: is it political news, or sport, entertainment, technology, business?

Decided before the parse, from two kinds of evidence:

- the page's URL path, when it names a section (``/sport/``, ``/entertainment/``, ``/politics/``;
  the sections are data in ``data/topic.yaml``);
- the words of government, conflict and diplomacy it uses (six different ones make it political);
- the words the text uses: a multinomial naive Bayes over the words of the article, each counted
  once (``data/topic.json``, trained by ``tools/train_topic.py`` on the BBC news collection of
  ``../shared/eval/bbc_news/dev.jsonl``, the one set there that may train a topic gate).

The result is ``Article.topic``: the most likely topic and the probability that the article is
political.  The events stage uses it as a gate: in an article that is not political, an event needs a
state or armed actor acting (``events/relevance.py``).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from dragoman.model import Article, Topic

DATA = Path(__file__).parent / "data"
CLASSES = ("politics", "business", "entertainment", "sport", "tech")
_WORD = re.compile(r"[a-z]{3,}")


def words(text: str) -> set[str]:
    """The distinct words of a text, lower case, three letters or more."""
    return set(_WORD.findall(text.lower()))


@dataclass(frozen=True)
class Guess:
    label: str
    political: float  # P(politics)


class TopicModel:
    def __init__(self, data: dict[str, Any]):
        self.classes: list[str] = list(data["classes"])
        self.prior = [data["prior"][c] for c in self.classes]
        self.weights: dict[str, list[float]] = data["weights"]

    def classify_words(self, ws: Iterable[str]) -> Guess:
        score = list(self.prior)
        for w in ws:
            row = self.weights.get(w)
            if row is not None:
                score = [s + r for s, r in zip(score, row)]
        top = max(score)
        exp = [math.exp(s - top) for s in score]
        total = sum(exp)
        best = max(range(len(score)), key=score.__getitem__)
        return Guess(self.classes[best], exp[self.classes.index("politics")] / total)


@lru_cache(maxsize=1)
def model() -> TopicModel:
    return TopicModel(json.loads((DATA / "topic.json").read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def _conf() -> dict[str, Any]:
    conf: dict[str, Any] = yaml.safe_load((DATA / "topic.yaml").read_text(encoding="utf-8"))
    conf["political_words"] = frozenset(conf["political_words"])
    return conf


def sections() -> dict[str, str]:
    """URL path segment → topic."""
    return {seg: topic for topic, segs in _conf()["sections"].items() for seg in segs}


def url_topic(url: str | None) -> str | None:
    """The topic a URL's path names (its first section segment that is known), if any."""
    if not url:
        return None
    try:
        path = urlsplit(url).path.lower()
    except ValueError:
        return None
    known = sections()
    for seg in path.split("/")[:-1]:  # the last segment is the story's own slug
        if seg in known:
            return known[seg]
    return None


def classify(article: Article) -> Topic:
    ws = words((article.title or "") + "\n" + article.text)
    section = url_topic(article.url)
    conf = _conf()
    if section is None and len(_WORD.findall(article.text)) < conf["min_words"]:
        return Topic("politics", 0.5, "too short to tell")  # a sentence or two: no gate
    guess = model().classify_words(ws)
    if section is None and guess.label != "politics" and len(ws & conf["political_words"]) >= conf["political_words_needed"]:
        return Topic("politics", round(guess.political, 4), "political words")
    if section is not None:
        # a section of the site outranks the words: a page filed under /sport/ is sport
        political = guess.political if section == "politics" else min(guess.political, 0.05)
        return Topic(section, round(max(political, 0.95) if section == "politics" else political, 4), "url")
    return Topic(guess.label, round(guess.political, 4), "words")


def make(settings: Any) -> Callable[[Article], Article]:
    def stage(article: Article) -> Article:
        if not getattr(settings, "topic_gate", True):
            return article
        return article.replace(topic=classify(article))

    return stage
