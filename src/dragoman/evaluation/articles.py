"""Whole-article suites: ``articles`` (hand-coded gold) and ``offtopic`` (false events on news that is not political).

``articles`` — real articles coded by hand, blind, as ``../shared/eval/ARTICLE-CODING.md`` says.  The gold
is committed in ``data/articles/*.json`` with character offsets into the texts, which stay in the shared
set (``real_pages/`` article bodies, ``bbc_news/dev.jsonl``, ``polnear_train.jsonl``); a gold file records the
SHA-1 of the text it was coded on and is skipped, with a warning in the report, when the text differs.
Web pages are coded from their HTML, as a user would run them (boilerplate and all): a gold sentence is
found in the extracted story by its words, whitespace ignored, and a gold event whose sentence the
extraction lost can only be missed.  Scoring follows the guideline's last section:

- a dragoman event *matches* a gold event when the trigger of one of its evidence spans lies in the gold
  event's sentence and its type is the gold type or one in ``also``; *strict* also wants each side's names
  to share a word other than a title with the gold side's names (an empty side matches an empty side;
  reciprocal events may match either way round);
- *factual* events carry none of the four flags.  Precision: of dragoman's factual events, the share that
  match a gold factual event; recall: of the gold factual events, the share some factual event matches.
  Flagged gold events are scored apart: of dragoman's events matching one, the share carrying its flags.

``articles-dev`` — the same suite on a second set of real articles coded the same way (``data/articles_dev``): the
development set, whose errors are read to find what to improve, so that ``articles`` stays a measure of text
the rules were not made from.

``offtopic`` — every article of ``bbc_news/*.jsonl`` by category and the pages of ``real_pages/`` listed as
not political in ``data/real_pages.yaml``: factual events per 1,000 words and the share of articles with a
factual event of quad class 4 (material conflict).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from dragoman.datafile import read_yaml
from dragoman.errors import EvalError
from dragoman.evaluation import Report
from dragoman.evaluation.common import name_words, read_jsonl
from dragoman.model import Article, Event, Failure

DATA = Path(__file__).parent / "data"
GOLD_DIR = DATA / "articles"
#: real articles coded blind like the gold but kept for development: their errors may be read (data/articles_dev)
DEV_DIR = DATA / "articles_dev"
PAGES_LIST = DATA / "real_pages.yaml"
FLAGS = ("negated", "hypothetical", "future", "historical")
_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def pages_list() -> dict[str, Any]:
    """The hand-made list of the real pages: which are political (coded), which not, which in between."""
    data: dict[str, Any] = read_yaml(PAGES_LIST.read_text(encoding="utf-8"))  # ("on" a word, not True)
    return data


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    return frozenset(pages_list()["title_words"])


# ---------------------------------------------------------------------------------------------
# the texts the gold was coded on, and the articles dragoman codes
# ---------------------------------------------------------------------------------------------


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _page_html(data: Path, key: str) -> bytes:
    return gzip.decompress((data / "real_pages" / "html" / f"{key}.html.gz").read_bytes())


@lru_cache(maxsize=4)
def _page_truth(data: Path) -> dict[str, Any]:
    truth: dict[str, Any] = json.loads((data / "real_pages" / "ground-truth.json").read_text(encoding="utf-8"))
    return truth


def _jsonl_index(path: Path, wanted: set[str]) -> dict[str, dict[str, Any]]:
    return {str(r["id"]): r for r in read_jsonl(path) if str(r["id"]) in wanted}


def page_input(data: Path, key: str, settings: Any) -> Article | Failure:
    """A real page as ``dragoman extract page.html`` reads it (the story extracted from the HTML)."""
    from dragoman.errors import DragomanError
    from dragoman.ingest.files import failure
    from dragoman.ingest.html import page_article

    url = _page_truth(data).get(key, {}).get("url")
    source = f"real_pages/html/{key}.html.gz"
    try:
        return page_article(_page_html(data, key), source, settings, url=url)
    except DragomanError as e:
        return failure(e, source)


# ---------------------------------------------------------------------------------------------
# gold
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldEvent:
    type: str
    also: tuple[str, ...]
    sources: tuple[tuple[str, ...], ...]
    targets: tuple[tuple[str, ...], ...]
    sentence: tuple[int, int]  # offsets into the gold text
    trigger: tuple[int, int]
    flags: frozenset[str]
    date: str | None
    place: str | None

    @property
    def factual(self) -> bool:
        return not self.flags

    @property
    def types(self) -> set[str]:
        return {self.type, *self.also}


@dataclass(frozen=True)
class Gold:
    id: str
    set: str  # real_pages | bbc_news/dev.jsonl | polnear_train.jsonl
    key: str
    text_sha1: str
    events: tuple[GoldEvent, ...]


def load_gold(folder: Path = GOLD_DIR) -> list[Gold]:
    out = []
    for p in sorted(folder.glob("*.json")):
        g = json.loads(p.read_text(encoding="utf-8"))
        evs = tuple(
            GoldEvent(
                type=e["type"], also=tuple(e.get("also") or ()),
                sources=tuple(tuple(a) for a in e.get("sources") or ()),
                targets=tuple(tuple(a) for a in e.get("targets") or ()),
                sentence=(e["sentence"][0], e["sentence"][1]), trigger=(e["trigger"][0], e["trigger"][1]),
                flags=frozenset(f for f in FLAGS if e.get(f)), date=e.get("date"), place=e.get("place"),
            )
            for e in g["events"]
        )
        out.append(Gold(id=g["id"], set=g["set"], key=g["key"], text_sha1=g["text_sha1"], events=evs))
    return out


def gold_text(data: Path, gold: Gold, rows: dict[str, dict[str, Any]]) -> str | None:
    """The text the gold was coded on, or ``None`` when it is not in the data."""
    if gold.set == "real_pages":
        body = _page_truth(data).get(gold.key, {}).get("articleBody")
        return str(body) if body is not None else None
    row = rows.get(gold.key)
    return str(row["text"]) if row else None


# ---------------------------------------------------------------------------------------------
# finding a gold sentence in the text dragoman coded
# ---------------------------------------------------------------------------------------------


class Locator:
    """Maps spans of one text to the same words in another (whitespace ignored)."""

    def __init__(self, text: str):
        self.text = text
        chars: list[str] = []
        self.index: list[int] = []
        space = False
        for i, ch in enumerate(text):
            if ch.isspace():
                space = bool(chars)
                continue
            if space:
                chars.append(" ")
                self.index.append(i)
                space = False
            chars.append(ch)
            self.index.append(i)
        self.flat = "".join(chars)

    def find(self, phrase: str, near: float = 0) -> tuple[int, int] | None:
        """The span of ``phrase`` in the text, the occurrence nearest to ``near`` (a share of the length)."""
        want = _WS.sub(" ", phrase).strip()
        if not want:
            return None
        hits = [m.start() for m in re.finditer(re.escape(want), self.flat)]
        if not hits:
            return None
        pos = min(hits, key=lambda h: abs(h - near * len(self.flat)))
        return self.index[pos], self.index[pos + len(want) - 1] + 1


# ---------------------------------------------------------------------------------------------
# matching
# ---------------------------------------------------------------------------------------------


def _side_words(article: Article, ids: Iterable[str]) -> list[set[str]]:
    words = []
    for aid in ids:
        a = article.actor(aid)
        if a is None:
            continue
        w = name_words(a.name)
        for m in a.mentions:
            if m.kind != "pronoun":  # "they" names no one: the government it stands for is matched by its name
                w |= name_words(m.text)
        words.append(_bare(w))
    return words


def _bare(words: set[str]) -> set[str]:
    """A name's words less titles; a name that is only a title ("the Prime Minister") keeps them."""
    return (words - _title_words()) or words


def _gold_words(side: Sequence[Sequence[str]]) -> list[set[str]]:
    out = []
    for names in side:
        w: set[str] = set()
        for n in names:
            w |= name_words(n)
        out.append(_bare(w))
    return out


def _side_ok(pred: list[set[str]], gold: list[set[str]]) -> bool:
    if not gold:
        return not pred
    return any(p & g for p in pred for g in gold)


def actors_match(article: Article, ev: Event, gold: GoldEvent) -> bool:
    src, tgt = _side_words(article, ev.sources), _side_words(article, ev.targets)
    gs, gt = _gold_words(gold.sources), _gold_words(gold.targets)
    if _side_ok(src, gs) and _side_ok(tgt, gt):
        return True
    if ev.reciprocal:
        return _side_ok(tgt, gs) and _side_ok(src, gt)
    return False


def in_sentence(ev: Event, span: tuple[int, int]) -> bool:
    return any(span[0] <= e.trigger[0] < span[1] for e in ev.evidence)


def factual(ev: Event) -> bool:
    return not (ev.aux.negated or ev.aux.hypothetical or ev.aux.future or ev.aux.historical)


def event_flags(ev: Event) -> frozenset[str]:
    return frozenset(f for f in FLAGS if getattr(ev.aux, f))


@dataclass
class Tally:
    pred_factual: int = 0
    type_tp_pred: int = 0
    strict_tp_pred: int = 0
    gold_factual: int = 0
    type_tp_gold: int = 0
    strict_tp_gold: int = 0
    gold_flagged: int = 0
    flagged_matched: int = 0  # dragoman events of a flagged gold event's sentence and type
    flagged_agree: int = 0  # ... that carry the gold event's flags
    flagged_as_factual: int = 0  # dragoman factual events that match only a flagged gold event
    gold_lost: int = 0  # gold sentences not found in the text dragoman coded


def score_article(article: Article, spans: list[tuple[int, int] | None], gold: Sequence[GoldEvent],
                  tally: Tally, errors: list[dict[str, Any]], gid: str) -> None:
    """Add one article's counts to ``tally``; ``spans[i]`` is gold event i's sentence in ``article.text``."""
    evs = list(article.events)
    for ge, span in zip(gold, spans):
        if span is None:
            tally.gold_lost += 1
    for ev in evs:
        cands = [(ge, sp) for ge, sp in zip(gold, spans) if sp is not None and in_sentence(ev, sp)
                 and ev.type in ge.types]
        if factual(ev):
            tally.pred_factual += 1
            fact = [ge for ge, _ in cands if ge.factual]
            if fact:
                tally.type_tp_pred += 1
                if any(actors_match(article, ev, ge) for ge in fact):
                    tally.strict_tp_pred += 1
                else:
                    errors.append(_err(gid, article, ev, "actors", fact[0]))
            elif cands:
                tally.flagged_as_factual += 1
                errors.append(_err(gid, article, ev, "flagged in gold", cands[0][0]))
            else:
                errors.append(_err(gid, article, ev, "false positive", None))
        flagged = [ge for ge, _ in cands if not ge.factual]
        if flagged and not any(ge.factual for ge, _ in cands):
            tally.flagged_matched += 1
            tally.flagged_agree += any(ge.flags <= event_flags(ev) for ge in flagged)
    for ge, span in zip(gold, spans):
        if not ge.factual:
            tally.gold_flagged += 1
            continue
        tally.gold_factual += 1
        hits = [ev for ev in evs if span is not None and factual(ev) and in_sentence(ev, span) and ev.type in ge.types]
        if hits:
            tally.type_tp_gold += 1
            tally.strict_tp_gold += any(actors_match(article, ev, ge) for ev in hits)
        else:
            errors.append({"id": gid, "kind": "miss", "gold_type": ge.type,
                           "sentence": article.text[span[0]:span[1]] if span else None})


def _err(gid: str, article: Article, ev: Event, kind: str, ge: GoldEvent | None) -> dict[str, Any]:
    e = ev.evidence[0] if ev.evidence else None
    return {
        "id": gid, "kind": kind, "type": ev.type, "rule": ev.rule,
        "sources": [a.name for a in map(article.actor, ev.sources) if a],
        "targets": [a.name for a in map(article.actor, ev.targets) if a],
        "trigger": article.text[e.trigger[0]:e.trigger[1]] if e else None,
        "sentence": article.text[e.start:e.end] if e else None,
        "gold_type": ge.type if ge else None,
        "gold_sources": [list(s) for s in ge.sources] if ge else None,
        "gold_targets": [list(t) for t in ge.targets] if ge else None,
    }


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def run_articles_dev(data: Path, pipeline: Any, limit: int | None) -> Report:
    """``articles-dev``: the ``articles`` suite on the development set of real articles (``data/articles_dev``)."""
    return run_articles(data, pipeline, limit, DEV_DIR, suite="articles-dev")


def run_articles(data: Path, pipeline: Any, limit: int | None, gold_dir: Path = GOLD_DIR,
                 suite: str = "articles") -> Report:
    from dragoman.api_public import make_article

    golds = load_gold(gold_dir)[: limit or None]
    rows: dict[str, dict[str, Any]] = {}
    for name in {g.set for g in golds} - {"real_pages"}:
        rows.update(_jsonl_index(data / name, {g.key for g in golds if g.set == name}))
    inputs: list[Article | Failure] = []
    texts: list[str | None] = []
    for g in golds:
        text = gold_text(data, g, rows)
        texts.append(text)
        if g.set == "real_pages":
            inputs.append(page_input(data, g.key, pipeline.settings))
        else:
            row = rows.get(g.key) or {}
            # as a JSONL line with its publication date, when the set has one, would be read
            inputs.append(make_article(str(row.get("text", "")), id=g.id, title=row.get("title"),
                                       published=row.get("publication_date"), source=f"{g.set}:{g.key}"))
    todo = [(i, a) for i, a in enumerate(inputs) if isinstance(a, Article) and texts[i] is not None
            and sha1(texts[i] or "") == golds[i].text_sha1]
    outs = pipeline.run_batch([a for _, a in todo])
    tally = Tally()
    errors: list[dict[str, Any]] = []
    skipped: list[str] = []
    per_set: dict[str, Tally] = defaultdict(Tally)
    done = {i: o for (i, _), o in zip(todo, outs)}
    words = 0
    for i, g in enumerate(golds):
        out = done.get(i)
        if not isinstance(out, Article):
            skipped.append(g.id)
            continue
        text = texts[i] or ""
        loc = Locator(out.text)
        spans = []
        for ge in g.events:
            if g.set == "real_pages":
                spans.append(loc.find(text[ge.sentence[0]:ge.sentence[1]], ge.sentence[0] / max(len(text), 1)))
            else:
                spans.append(ge.sentence)
        words += len(_WORD.findall(out.text))
        for t in (tally, per_set[g.set]):
            score_article(out, spans, g.events, t, errors if t is tally else [], g.id)
    return _article_report(suite, tally, per_set, "set", len(golds), skipped, words, errors,
                           "the text is not in --data, differs from the coded one, or failed")


def _article_report(suite: str, tally: Tally, groups: dict[str, Tally], group: str, n: int, skipped: list[str],
                    words: int, errors: list[dict[str, Any]], why: str) -> Report:
    """A whole-article suite's report: the metrics of ``tally``, a table by ``groups`` (its key named ``group``),
    the counts, and the articles skipped first among the errors."""
    table = [{group: k, **_article_metrics(t), "gold_factual": t.gold_factual, "pred_factual": t.pred_factual}
             for k, t in sorted(groups.items())]
    counts = {"articles": n - len(skipped), "skipped": len(skipped), "words": words,
              "gold_factual": tally.gold_factual, "gold_flagged": tally.gold_flagged,
              "pred_factual": tally.pred_factual, "gold_sentences_lost": tally.gold_lost,
              "factual_on_flagged_gold": tally.flagged_as_factual}
    report = Report(suite, _article_metrics(tally), counts, table, errors)
    if skipped:
        report.errors.insert(0, {"kind": "skipped", "ids": skipped, "why": why})
    return report


def _article_metrics(t: Tally) -> dict[str, float]:
    return {
        "type_precision": _ratio(t.type_tp_pred, t.pred_factual),
        "type_recall": _ratio(t.type_tp_gold, t.gold_factual),
        "strict_precision": _ratio(t.strict_tp_pred, t.pred_factual),
        "strict_recall": _ratio(t.strict_tp_gold, t.gold_factual),
        "flag_agreement": _ratio(t.flagged_agree, t.flagged_matched),
    }


# ---------------------------------------------------------------------------------------------
# offtopic
# ---------------------------------------------------------------------------------------------


def offtopic_inputs(data: Path, settings: Any, limit: int | None) -> list[tuple[str, Article | Failure]]:
    """(category, input) for every BBC article and every page listed as not political."""
    out: list[tuple[str, Article | Failure]] = []
    for path in sorted((data / "bbc_news").glob("*.jsonl")):
        for r in read_jsonl(path, limit):
            out.append((str(r["category"]), Article(id=str(r["id"]), text=str(r["text"]))))
    pages = pages_list()["not_political"]
    for key in pages[: limit or None]:
        out.append(("pages", page_input(data, key, settings)))
    return out


def run_offtopic(data: Path, pipeline: Any, limit: int | None) -> Report:
    items = offtopic_inputs(data, pipeline.settings, limit)
    todo = [(i, a) for i, (_, a) in enumerate(items) if isinstance(a, Article)]
    outs = dict(zip((i for i, _ in todo), pipeline.run_batch([a for _, a in todo])))
    n: Counter[str] = Counter()
    words: Counter[str] = Counter()
    events: Counter[str] = Counter()
    conflict: Counter[str] = Counter()
    unread: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    for i, (cat, _) in enumerate(items):
        out = outs.get(i)
        if not isinstance(out, Article):
            unread[cat] += 1  # not English, no story: nothing coded, nothing counted
            continue
        n[cat] += 1
        words[cat] += len(_WORD.findall(out.text))
        facts = [e for e in out.events if not (e.aux.negated or e.aux.hypothetical)]
        events[cat] += len(facts)
        war = [e for e in facts if e.quad_class == 4]
        conflict[cat] += bool(war)
        if cat != "politics":
            for e in war[:3]:
                ev = e.evidence[0] if e.evidence else None
                errors.append({"id": out.id, "category": cat, "type": e.type, "rule": e.rule,
                               "trigger": out.text[ev.trigger[0]:ev.trigger[1]] if ev else None,
                               "sentence": out.text[ev.start:ev.end] if ev else None})
    metrics: dict[str, float] = {}
    table = []
    for cat in sorted(n):
        per_kw = round(1000 * events[cat] / words[cat], 3) if words[cat] else 0.0
        share = round(conflict[cat] / n[cat], 4) if n[cat] else 0.0
        metrics[f"{cat}_events_per_1000_words"] = per_kw
        metrics[f"{cat}_conflict_share"] = share
        table.append({"category": cat, "articles": n[cat], "unread": unread[cat], "words": words[cat],
                      "factual_events": events[cat], "events_per_1000_words": per_kw,
                      "with_material_conflict": conflict[cat], "conflict_share": share})
    counts = {"articles": sum(n.values()), "unread": sum(unread.values()), "words": sum(words.values())}
    return Report("offtopic", metrics, counts, table, errors)


# ---------------------------------------------------------------------------------------------
# the project's own written-and-coded articles
# ---------------------------------------------------------------------------------------------

WRITTEN_DIR = Path(__file__).parent / "data" / "written"
#: the kinds of written article whose events are political news (the rest: sport, business, ...)
POLITICAL_KINDS = frozenset({"politics", "diplomacy", "conflict", "protest", "campaign", "courts-crime"})


def written_gold(text: str, events: list[dict[str, Any]]) -> list[GoldEvent]:
    """The hand-coded events of a written article, their sentences found in ``text``."""
    loc = Locator(text)
    out = []
    for e in events:
        span = loc.find(e["sentence"])
        if span is None:
            raise EvalError(f"a coded sentence is not in its article: {e['sentence'][:60]!r}",
                            hint=f"the written set in {WRITTEN_DIR} is damaged; restore it from the repository")
        out.append(GoldEvent(type=e["type"], also=tuple(e.get("also") or ()),
                             sources=tuple(tuple(a) for a in e.get("sources") or ()),
                             targets=tuple(tuple(a) for a in e.get("targets") or ()), sentence=span, trigger=span,
                             flags=frozenset(f for f in FLAGS if e.get(f)), date=e.get("date"), place=e.get("place")))
    return out


def run_written(data: Path, pipeline: Any, limit: int | None) -> Report:
    """The project's written-and-coded articles (``data/written``, provenance in its README): realistic
    invented news of many kinds, coded by hand following ARTICLE-CODING.md by writers who never saw
    dragoman's output; scored as the ``articles`` suite scores, with a table by kind of article."""
    from dragoman.api_public import make_article

    arts = [json.loads(x) for x in (WRITTEN_DIR / "articles.jsonl").read_text(encoding="utf-8").splitlines() if x]
    golds = {g["id"]: g for g in (json.loads(x) for x in (WRITTEN_DIR / "gold.jsonl").read_text(encoding="utf-8").splitlines() if x)}
    arts = arts[: limit or None]
    outs = pipeline.run_batch([make_article(a["text"], id=a["id"], published=a.get("published"),
                                            source=f"written:{a['id']}") for a in arts])
    tally = Tally()
    per_kind: dict[str, Tally] = defaultdict(Tally)
    errors: list[dict[str, Any]] = []
    skipped: list[str] = []
    words = 0
    for a, out in zip(arts, outs):
        if not isinstance(out, Article):
            skipped.append(a["id"])
            continue
        gold = written_gold(a["text"], golds[a["id"]]["events"])
        loc = Locator(out.text)
        spans = [loc.find(a["text"][g.sentence[0]:g.sentence[1]], g.sentence[0] / max(len(a["text"]), 1)) for g in gold]
        words += len(_WORD.findall(out.text))
        group = "political" if a.get("kind") in POLITICAL_KINDS else "other"
        for t in (tally, per_kind[group]):
            score_article(out, spans, gold, t, errors if t is tally else [], a["id"])
    return _article_report("written", tally, per_kind, "kind", len(arts), skipped, words, errors, "the article failed to code")
