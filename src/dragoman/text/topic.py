"""The article's topic: is it political news, or sport, entertainment, technology, business?

Decided before the parse, cheaply (a set of words and a few hundred additions), from three kinds of
evidence:

- the page's URL, when its path names a section (``/sport/``, ``/entertainment/``, ``/politics/``) or
  its site is about politics as a whole (``politico.com``); the sections and sites are data in
  ``data/topic.yaml``: a section outranks the words;
- the words of government, elections, courts, legislatures, parties, diplomacy and conflict it uses
  (``political_words`` in ``data/topic.yaml``, a lexicon written for the project, not learned): an
  article using at least ``political_words_needed`` different ones (or a short one where they are a
  good share of its words) is political news whatever the word model says (``judge``);
- a linear word model over the words of the article, each counted once (``data/topic.json``: per class a
  bias and, per word, a weight; trained by ``tools/train_topic.py`` on the BBC news collection of
  ``../shared/eval/bbc_news/dev.jsonl``, the one set there that may train a topic gate): a logistic
  regression plus a small share of a naive Bayes, so that its probability of politics is calibrated and
  words are weighed against each other (a singer jailed is entertainment news).  So that it carries over
  from British news of 2004-2005 to other countries and years, British and American spellings are one
  word (``spellings`` in ``data/topic.yaml``), and the political lexicon and the surnames of heads of
  state and government (``actors/data/leaders.tsv``) are its politics class's prior (each one's politics
  weight is drawn towards a positive value, so a word of government or a leader the BBC never named
  still speaks for politics).

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

from dragoman.datafile import read_yaml
from dragoman.errors import ConfigError
from dragoman.model import Article, Topic

DATA = Path(__file__).parent / "data"
CLASSES = ("politics", "business", "entertainment", "sport", "tech")
_WORD = re.compile(r"[a-z]{3,}")
_PER_CENT = re.compile(r"\bper cent\b")


def words(text: str) -> set[str]:
    """The distinct words of a text, lower case, three letters or more, British spellings made American
    ("defence" -> "defense", "per cent" -> "percent")."""
    spell = spellings()
    return {spell.get(w, w) for w in _WORD.findall(_PER_CENT.sub("percent", text.lower()))}


@dataclass(frozen=True)
class Guess:
    label: str
    political: float  # P(politics)
    other: str  # the most likely topic that is not politics


class TopicModel:
    """The linear word model of ``data/topic.json``: per class a bias (``prior``) and, per word, the weight
    its presence adds to each class's score; the scores' softmax is the topic's probability."""

    def __init__(self, data: dict[str, Any]):
        self.classes: list[str] = list(data["classes"])
        self.prior = [data["prior"][c] for c in self.classes]
        self.weights: dict[str, list[float]] = data["weights"]
        self._pol = self.classes.index("politics")

    def classify_words(self, ws: Iterable[str]) -> Guess:
        weights = self.weights
        rows = [weights[w] for w in ws if w in weights]
        score = [p + math.fsum(col) for p, col in zip(self.prior, zip(*rows))] if rows else list(self.prior)
        top = max(score)
        exp = [math.exp(s - top) for s in score]
        total = sum(exp)
        best = max(range(len(score)), key=score.__getitem__)
        other = max((i for i in range(len(score)) if i != self._pol), key=score.__getitem__)
        return Guess(self.classes[best], exp[self._pol] / total, self.classes[other])


@lru_cache(maxsize=1)
def model() -> TopicModel:
    return TopicModel(json.loads((DATA / "topic.json").read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def world_model() -> TopicModel:
    """The world model (``data/topic_world.json``): the word model trained on the BBC collection and on world news of
    diplomacy, conflict and protest and international business news written for the project
    (``tools/data/topic``), asked for a second opinion on what the first takes for business news."""
    return TopicModel(json.loads((DATA / "topic_world.json").read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def _conf() -> dict[str, Any]:
    path = DATA / "topic.yaml"
    conf: dict[str, Any] = read_yaml(path.read_text(encoding="utf-8"))
    spell = {str(k): str(v) for k, v in (conf.get("spellings") or {}).items()}
    for k, v in spell.items():
        if not (_WORD.fullmatch(k) and _WORD.fullmatch(v)):
            raise ConfigError(f"spelling '{k}: {v}' is not two lower-case words of three letters or more",
                            source=str(path), hint="write each line as 'british: american', lower case")
    conf["spellings"] = spell
    conf["political_words"] = frozenset(spell.get(w, w) for w in map(str, conf["political_words"]))
    return conf


def spellings() -> dict[str, str]:
    """British spelling -> American spelling (``spellings`` in ``data/topic.yaml``)."""
    out: dict[str, str] = _conf()["spellings"]
    return out


def political_words() -> frozenset[str]:
    """The lexicon of government, elections, courts, legislatures, parties, diplomacy and conflict."""
    out: frozenset[str] = _conf()["political_words"]
    return out


def sections() -> dict[str, str]:
    """URL path segment → topic."""
    return {seg: topic for topic, segs in _conf()["sections"].items() for seg in segs}


def sites() -> dict[str, str]:
    """Host name → topic, for sites that are about one topic as a whole (``sites`` in ``data/topic.yaml``)."""
    return {host: topic for topic, hosts in (_conf().get("sites") or {}).items() for host in hosts}


def url_topic(url: str | None) -> str | None:
    """The topic a URL names: its first path segment that is a known section, else its site when the
    site is about one topic (``politico.com``), if any."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
        path, host = parts.path.lower(), (parts.hostname or "").lower()
    except ValueError:
        return None
    known = sections()
    for seg in path.split("/")[:-1]:  # the last segment is the story's own slug
        if seg in known:
            return known[seg]
    whole = sites()
    labels = host.split(".")
    for i in range(len(labels) - 1):  # www.politico.com, politico.com
        if ".".join(labels[i:]) in whole:
            return whole[".".join(labels[i:])]
    return None


def judge(ws: set[str], n_words: int, section: str | None = None, tm: TopicModel | None = None,
          world: TopicModel | None = None) -> Topic:
    """The topic of a text given its distinct words ``ws`` (from ``words``), its length in words and the
    section its URL names; ``tm`` is the word model and ``world`` the world model (the shipped ones by default).

    Political news: the URL's section says so; or the text uses ``political_words_needed`` different
    words of the political lexicon, or ``political_words_dense`` of them that are a good share of its
    different words (a short report); or the word model gives politics a probability of at least
    ``political_threshold`` (0.3: a calibrated doubt is enough, so that a political story told in the words
    of money or television keeps its events).  Otherwise the most likely other topic — save that a text taken for
    business news that the world model finds political with a probability of at least ``world_threshold`` is
    political news: world news of a meeting about a pipeline or of rivals fighting over oil revenues, which a
    model of British news of 2004-2005 (with no world section) takes for business."""
    conf = _conf()
    if section is None and n_words < conf["min_words"]:
        return Topic("politics", 0.5, "too short to tell")  # a sentence or two: no gate
    guess = (tm or model()).classify_words(ws)
    political = round(guess.political, 4)
    if section is not None:
        # a section of the site outranks the words: a page filed under /sport/ is sport
        if section == "politics":
            return Topic("politics", max(political, 0.95), "url")
        return Topic(section, min(political, 0.05), "url")
    lexicon = len(ws & conf["political_words"])
    if guess.political >= conf["political_threshold"]:
        return Topic("politics", political, "words")
    dense = conf["political_words_dense"]
    if lexicon >= conf["political_words_needed"] or (lexicon >= dense["words"] and lexicon >= dense["share"] * len(ws)):
        return Topic("politics", political, "political words")
    if guess.other == "business":
        second = round((world or world_model()).classify_words(ws).political, 4)
        if second >= conf["world_threshold"]:
            return Topic("politics", second, "world words")
    return Topic(guess.other, political, "words")


def classify(article: Article) -> Topic:
    """The topic of an article, from its title, text and URL."""
    return judge(words((article.title or "") + "\n" + article.text), len(_WORD.findall(article.text)),
                 url_topic(article.url))


def make(settings: Any) -> Callable[[Article], Article]:
    def stage(article: Article) -> Article:
        if not getattr(settings, "topic_gate", True):
            return article
        return article.replace(topic=classify(article))

    return stage
