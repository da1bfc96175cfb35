"""Records round-trip: an article written as its JSON record and read back is the same article, every field
of every record type kept: through ``to_dict``/``from_dict``, through JSON text (coded JSONL), with its NLP
layer, through a ``dragoman batch`` partition, and through a real DuckDB store (the record, and the fields
the store's tables keep)."""

from __future__ import annotations

import json
import string
import tempfile
from dataclasses import fields
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dragoman.model import (
    Actor,
    Article,
    Aux,
    Event,
    Evidence,
    Location,
    Mention,
    Quote,
    ReferenceDate,
    Sentence,
    Span,
    TimeExpr,
    Token,
    Topic,
)
from dragoman.scale.output import FORMAT, MANIFEST, PartitionWriter, read_batch_output
from dragoman.store import Store
from dragoman.validation import MAX_INT

#: any text a record may hold (no lone surrogates: they are not text)
WORDS = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
NAMES = st.text(string.ascii_letters + string.digits + "-", min_size=1, max_size=8)
#: a record's URL is an http(s) address (dragoman.validation refuses any other)
URLS = st.from_regex(r"https?://[a-z]{1,8}\.example/[a-z0-9/._-]{0,16}", fullmatch=True)
INTS = st.integers(0, MAX_INT)
DATE_PRECISIONS = ("day", "week", "month", "quarter", "year", "ref", "article", "none")
PLACE_PRECISIONS = ("place", "city", "admin1", "country")
#: a JSON value (meta holds any)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-2**63, 2**63) | st.floats(allow_nan=False, allow_infinity=False) | WORDS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(WORDS, inner, max_size=3), max_leaves=8)


def number(lo: float, hi: float) -> st.SearchStrategy[float]:
    return st.floats(lo, hi, allow_nan=False, allow_infinity=False)


def some(items: st.SearchStrategy) -> st.SearchStrategy[list]:
    """One or two of ``items``."""
    return st.lists(items, min_size=1, max_size=2)


@st.composite
def span(draw, n: int) -> tuple[int, int]:
    """``(start, end)`` within a text of ``n`` characters."""
    start = draw(st.integers(0, n))
    return start, draw(st.integers(start, n))


@st.composite
def mention(draw, n: int) -> Mention:
    s, e = draw(span(n))
    return Mention(s, e, draw(WORDS), draw(st.sampled_from(["name", "surname", "title", "pronoun", "acronym"])),
                   draw(INTS))


@st.composite
def actor(draw, n: int) -> Actor:
    return Actor(draw(NAMES), draw(WORDS), draw(WORDS), draw(WORDS), draw(WORDS), draw(WORDS), draw(WORDS),
                 tuple(draw(st.lists(mention(n), min_size=1, max_size=3))), draw(WORDS))


@st.composite
def location(draw, n: int) -> Location:
    s, e = draw(span(n))
    return Location(draw(WORDS), draw(WORDS), draw(number(-90, 90)), draw(number(-180, 180)),
                    draw(st.sampled_from(PLACE_PRECISIONS)), s, e)


@st.composite
def evidence(draw, n: int) -> Evidence:
    s, e = draw(span(n))
    return Evidence(s, e, draw(span(n)), draw(INTS))


@st.composite
def event(draw, n: int) -> Event:
    day = draw(st.dates(date(1900, 1, 1), date(2100, 12, 31)))
    return Event(
        id=draw(NAMES), type=draw(WORDS), mode=draw(WORDS), contexts=tuple(draw(some(WORDS))),
        quad_class=draw(st.integers(1, 4)), cameo=draw(WORDS), score=draw(number(-10, 10)),
        sources=tuple(draw(some(NAMES))), targets=tuple(draw(some(NAMES))),
        reciprocal=draw(st.booleans()), date=day.isoformat(), date_precision=draw(st.sampled_from(DATE_PRECISIONS)),
        date_text=draw(WORDS), date_trusted=draw(st.booleans()), location=draw(location(n)),
        aux=Aux(*draw(st.tuples(st.booleans(), st.booleans(), st.booleans(), st.booleans()))),
        evidence=tuple(draw(st.lists(evidence(n), min_size=1, max_size=2))), confidence=draw(number(0, 1)),
        rule=draw(WORDS),
    )


@st.composite
def time_expr(draw, n: int) -> TimeExpr:
    s, e = draw(span(n))
    return TimeExpr(s, e, draw(WORDS), draw(WORDS), draw(WORDS), draw(st.booleans()), draw(WORDS), draw(WORDS))


@st.composite
def quote(draw, n: int) -> Quote:
    s, e = draw(span(n))
    return Quote(draw(NAMES), s, e, draw(WORDS), draw(st.booleans()), draw(WORDS), draw(WORDS),
                 tuple(draw(st.lists(NAMES, min_size=1, max_size=2))), draw(WORDS), draw(span(n)), draw(span(n)))


@st.composite
def parse(draw, text: str) -> dict:
    """A consistent NLP layer: sentences, each with its run of tokens, and entities and noun chunks over them."""
    n = len(text)
    sentences, tokens = [], []
    for si in range(draw(st.integers(1, 3))):
        s, e = draw(span(n))
        first = len(tokens)
        for _ in range(draw(st.integers(1, 3))):
            ts, te = draw(span(n))
            tokens.append(Token(len(tokens), ts, te, draw(WORDS), draw(WORDS), draw(WORDS), draw(WORDS), draw(WORDS),
                                draw(INTS), si, draw(WORDS), draw(WORDS), draw(WORDS), draw(st.booleans())))
        sentences.append(Sentence(si, s, e, text[s:e], first, len(tokens), draw(INTS)))

    @st.composite
    def spans(draw) -> Span:
        s, e = draw(span(n))
        return Span(s, e, draw(WORDS), draw(WORDS), draw(INTS), draw(INTS), draw(INTS))

    return {"sentences": tuple(sentences), "tokens": tuple(tokens),
            "entities": tuple(draw(st.lists(spans(), min_size=1, max_size=2))),
            "noun_chunks": tuple(draw(st.lists(spans(), min_size=1, max_size=2)))}


@st.composite
def articles(draw, nlp: bool = False) -> Article:
    """An article with every field of every record type given a value (none left at its default)."""
    text = draw(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80))
    n = len(text)
    return Article(
        id=draw(NAMES), text=text, url=draw(URLS), title=draw(WORDS), dateline=draw(WORDS), agency=draw(WORDS),
        author=draw(WORDS), language=draw(WORDS), published=draw(WORDS),
        reference_date=ReferenceDate(draw(WORDS), draw(WORDS), draw(st.booleans())),
        chrome=draw(st.dictionaries(WORDS, span(n), min_size=1, max_size=2)),
        topic=Topic(draw(WORDS), draw(number(0, 1)), draw(WORDS)),
        meta=draw(st.dictionaries(WORDS, JSON, min_size=1, max_size=3)), dragoman_version=draw(WORDS),
        actors=tuple(draw(st.lists(actor(n), min_size=1, max_size=3, unique_by=lambda a: a.id))),
        events=tuple(draw(st.lists(event(n), min_size=1, max_size=3, unique_by=lambda e: e.id))),
        times=tuple(draw(st.lists(time_expr(n), min_size=1, max_size=2))),
        quotes=tuple(draw(st.lists(quote(n), min_size=1, max_size=2))),
        places=tuple(draw(st.lists(location(n), min_size=1, max_size=2))),
        **(draw(parse(text)) if nlp else {}),
    )


NLP_LAYER = frozenset({"sentences", "tokens", "entities", "noun_chunks"})


def _populated(a: Article, nlp: bool = False) -> bool:
    """Every field of the article (its NLP layer too with ``nlp``), and of each record in it, holds something:
    no None, no empty list."""
    def walk(obj: object) -> bool:
        for f in fields(obj):  # type: ignore[arg-type]
            if f.name in NLP_LAYER and not nlp:
                continue
            v = getattr(obj, f.name)
            if v is None or v == () or v == {}:
                return False
            items = v if isinstance(v, tuple) else (v,)
            if not all(walk(x) for x in items if hasattr(x, "__dataclass_fields__")):
                return False
        return True

    return walk(a)


@settings(max_examples=300, deadline=None)
@given(articles())
def test_a_record_read_back_is_the_same_article(a):
    assert _populated(a)
    assert Article.from_dict(a.to_dict()) == a


@settings(max_examples=300, deadline=None)
@given(articles())
def test_a_coded_jsonl_line_read_back_is_the_same_article(a):
    line = json.dumps(a.to_dict(), ensure_ascii=False)  # as `dragoman extract --jsonl` writes it
    assert Article.from_dict(json.loads(line)) == a


@settings(max_examples=200, deadline=None)
@given(articles(nlp=True))
def test_a_record_with_its_nlp_layer_read_back_is_the_same_article(a):
    assert _populated(a, nlp=True)
    assert Article.from_dict(json.loads(json.dumps(a.to_dict(nlp=True)))) == a


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_a_batch_partition_read_back_holds_the_same_article(a):
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        writer = PartitionWriter(out, "part-00000")  # what each `dragoman batch` worker writes
        writer.add(a, 0, 0)
        writer.commit({})
        (out / MANIFEST).write_text(json.dumps({"format": FORMAT, "partitions": [{"index": 0}]}), encoding="utf-8")
        assert list(read_batch_output(out)) == [a]


def _rows(store: Store, table: str, article_id: str, order: str) -> list[dict]:
    cur = store.con.execute(f"SELECT * FROM {table} WHERE article_id = ? ORDER BY {order}", [article_id])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def _actor_row(r: dict) -> tuple:
    return (r["local_id"], r["name"], r["country"], r["org"], r["sector"], r["role"], r["kind"], r["rule"],
            json.loads(r["mentions"]))


def _time_row(r: dict) -> tuple:
    return (r["start"], r["end"], r["text"], r["value"], r["precision"], r["type"], r["trusted"], r["anchor"])


def _quote_row(r: dict) -> tuple:
    return (r["speaker"], r["speaker_text"], r["start"], r["end"], r["text"], r["direct"], r["cue"], r["channel"],
            tuple(r["events"]))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_a_stored_article_reads_back_the_same(a):
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "records.duckdb") as store:
        counts = store.ingest([a])
        assert counts["articles"] == 1 and counts["failures"] == 0, counts
        # the record the store keeps, as GET /api/articles/{id} and `dragoman show --format json` give it
        assert Article.from_dict(store.get_article(a.id)) == a
        # and the fields its tables keep
        assert sorted(_actor_row(r) for r in _rows(store, "article_actors", a.id, "local_id")) == \
                sorted((x.id, x.name, x.country, x.org, x.sector, x.role, x.kind, x.rule,
                    [m.to_dict() for m in x.mentions]) for x in a.actors)
        assert [_time_row(r) for r in _rows(store, "times", a.id, "ord")] == \
                [(t.start, t.end, t.text, t.value, t.precision, t.type, t.trusted, t.anchor) for t in a.times]
        assert [_quote_row(r) for r in _rows(store, "quotes", a.id, "ord")] == \
                [(q.speaker, q.speaker_text, q.start, q.end, q.text, q.direct, q.cue, q.channel, q.events)
             for q in a.quotes]
        members = {r["local_id"]: r for r in _rows(store, "article_events", a.id, "id")}
        for e in a.events:
            m = members[e.id]
            assert (m["type"], m["mode"], tuple(m["contexts"]), m["quad_class"], m["cameo"], m["score"]) == \
                    (e.type, e.mode, e.contexts, e.quad_class, e.cameo, e.score)
            assert (m["reciprocal"], m["date_text"], m["date_trusted"], m["confidence"], m["rule"]) == \
                    (e.reciprocal, e.date_text, e.date_trusted, e.confidence, e.rule)
            assert (m["negated"], m["hypothetical"], m["future"], m["historical"]) == \
                    (e.aux.negated, e.aux.hypothetical, e.aux.future, e.aux.historical)
            assert (m["place"], m["place_country"], m["lat"], m["lon"], m["place_precision"]) == \
                    (e.location.name, e.location.country, e.location.lat, e.location.lon, e.location.precision)
            assert m["date"].isoformat() == e.date
            mentions = _rows(store, "mentions", a.id, "ord")
            mine = [(r["start"], r["end"], (r["trigger_start"], r["trigger_end"]))
                    for r in mentions if r["article_event_id"] == m["id"]]
            assert mine == [(v.start, v.end, v.trigger) for v in e.evidence]
