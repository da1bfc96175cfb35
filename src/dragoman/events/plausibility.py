"""Plausibility: would a careful analyst sign this event?

The coder's rules find every clause that *could* be an event; read whole, most news is not events,
and a rule's own confidence says little about what the article around the clause makes of it (a
pledge told as background, a generic "people were detained" in a quote, a statement inside an
opinion piece).  This stage scores each factual event with a small logistic model over what the
article says about it — its type and rule, who its participants are (named, coded, generic, none),
where it is told (headline, lead, inside a quote, a subordinate clause), its tense and aspect
("had pledged"), earlier years in its sentence, how many events share the sentence, the article's
topic — and drops the factual events whose probability of being signed is below
``plausibility_threshold`` (settings).  Flagged events (negated, hypothetical, future, historical)
are kept as they are.

The weights are data (``data/plausibility.json``), trained by ``tools/train_plausibility.py`` on
articles the project wrote and coded itself (``tools/data/written``, provenance in its README), never
on the evaluation sets.  ``plausibility_threshold = 0`` turns the stage off.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from dragoman.model import Actor, Article, Event
from dragoman.settings import Settings

DATA = Path(__file__).parent / "data" / "plausibility.json"
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_SPEECH_RULES = ("in-speech", "criticism", "label", "concern", "verbal", "rebuttal", "praise")
_CLAUSE_DEPS = {"ROOT": "root", "ccomp": "ccomp", "advcl": "advcl", "relcl": "relcl", "xcomp": "xcomp",
                "conj": "conj", "acl": "acl", "pcomp": "pcomp", "pobj": "noun", "dobj": "noun", "nsubj": "noun",
                "nsubjpass": "noun", "compound": "noun"}


def _actor_features(prefix: str, actors: list[Actor], out: dict[str, float]) -> None:
    if not actors:
        out[f"{prefix}_none"] = 1.0
        return
    a = actors[0]
    out[f"{prefix}_kind={a.kind}"] = 1.0
    if a.country or a.org or a.sector:
        out[f"{prefix}_coded"] = 1.0
    if a.name[:1].islower():
        out[f"{prefix}_common"] = 1.0  # "people", "officers", "the detainees"
    if len(actors) > 1:
        out[f"{prefix}_many"] = 1.0


def features(article: Article, event: Event) -> dict[str, float]:
    """The model's inputs for one event of a coded article (names -> values; absent means 0)."""
    out: dict[str, float] = {"bias": 1.0, f"type={event.type}": 1.0}
    rule = event.rule or ""
    out["confidence"] = event.confidence
    if "+merged" in rule:
        out["restated"] = 1.0
    if any(w in rule for w in _SPEECH_RULES):
        out["rule_speech"] = 1.0
    out[f"rule={rule.split('#')[0].split('+')[0].split('<')[0]}"] = 1.0  # the rule's family ("request/order")
    if "<" in rule:
        out["governs"] = 1.0  # "ordered police to break ...": coded from what it governs
    _actor_features("src", [a for a in map(article.actor, event.sources) if a is not None], out)
    _actor_features("tgt", [a for a in map(article.actor, event.targets) if a is not None], out)
    ev = event.evidence[0] if event.evidence else None
    if ev is None:
        return out
    s_i = ev.sent if ev.sent is not None else 0
    if any(q.direct and q.start <= ev.trigger[0] < q.end for q in article.quotes):
        out["in_quote"] = 1.0
    same = sum(1 for e in article.events if e.evidence and e.evidence[0].sent == ev.sent)
    out["events_in_sentence"] = min(same, 4) / 4
    if article.topic is not None:
        out["topic_political"] = article.topic.political
    _clause_features(article, ev.trigger, s_i, out)
    return out


def _clause_features(article: Article, trigger: tuple[int, int], s_i: int, out: dict[str, float]) -> None:
    """Tense, aspect, clause and the years of the trigger's sentence."""
    if not article.sentences or s_i >= len(article.sentences):
        return
    sent = article.sentences[s_i]
    toks = article.tokens
    t = next((k for k in range(sent.tok_start, sent.tok_end) if toks[k].start <= trigger[0] < toks[k].end), None)
    if t is None:
        return
    tok = toks[t]
    out[f"tag={tok.tag if tok.tag.startswith('VB') else tok.pos}"] = 1.0
    out[f"clause={_CLAUSE_DEPS.get(tok.dep, 'other')}"] = 1.0
    kids = [k for k in range(sent.tok_start, sent.tok_end) if toks[k].head == t and k != t]
    aux = {toks[k].text.lower() for k in kids if toks[k].dep in ("aux", "auxpass")}
    if "had" in aux or "'d" in aux:
        out["past_perfect"] = 1.0
    if aux & {"has", "have", "'s", "'ve"}:
        out["present_perfect"] = 1.0
    if any(toks[k].dep == "auxpass" for k in kids):
        out["passive"] = 1.0
    out["sentence_length"] = min(sent.tok_end - sent.tok_start, 60) / 60
    ref = (article.reference_date.date or article.published or "")[:4]
    years = [int(y) for y in _YEAR.findall(sent.text)]
    if ref.isdigit() and any(y < int(ref) for y in years):
        out["earlier_year"] = 1.0


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """The trained weights (``data/plausibility.json``)."""
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return {str(k): float(v) for k, v in data["weights"].items()}


def probability(article: Article, event: Event) -> float:
    """The model's probability that an analyst signs ``event`` as a factual event of ``article``."""
    w = weights()
    z = sum(w.get(k, 0.0) * v for k, v in features(article, event).items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _factual(e: Event) -> bool:
    return not (e.aux.negated or e.aux.hypothetical or e.aux.future or e.aux.historical)


def make(settings: Settings) -> Callable[[Article], Article]:
    floor = settings.plausibility_threshold

    def stage(article: Article) -> Article:
        if floor <= 0 or not article.events:
            return article
        kept = tuple(e for e in article.events if not _factual(e) or probability(article, e) >= floor)
        return article if len(kept) == len(article.events) else article.replace(events=kept)

    return stage
