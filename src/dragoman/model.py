"""The one typed data model that flows through every stage.

Every record is a frozen dataclass: a stage never mutates an ``Article``, it returns a new one
(``dataclasses.replace(article, actors=...)``).  All offsets are character offsets into
``Article.text`` (end exclusive), so every later stage, the store and the tests work without a
model loaded.  ``Article.to_dict()`` gives the JSON record of DESIGN.md; ``Article.from_dict()``
reads it back.

Internal NLP data (``tokens``, ``sentences``, ``entities``, ``noun_chunks``) is plain data too, but
it is not part of the output record unless asked for (``to_dict(nlp=True)``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import MISSING, asdict, dataclass, field, fields, replace
from typing import Any

from dragoman import __version__
from dragoman.errors import FormatError

# ---------------------------------------------------------------------------------------------
# NLP layer (filled by dragoman.nlp; read by actors, events, when_where, quotes)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Token:
    """One token of the parse. ``i`` and ``head`` are article-wide token indexes."""

    i: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str  # universal POS (NOUN, VERB, PROPN, ...)
    tag: str  # fine tag (VBD, NNP, ...)
    dep: str  # dependency label (nsubj, dobj, ...); the root has dep "ROOT" and head == i
    head: int
    sent: int  # index of the sentence in Article.sentences
    ent_iob: str = ""  # "B", "I", "O" or ""
    ent_type: str = ""  # PERSON, ORG, GPE, NORP, DATE, ...
    morph: str = ""  # e.g. "Tense=Past|VerbForm=Fin"
    space: bool = True  # followed by whitespace


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: character span and the half-open range of its tokens."""

    i: int
    start: int
    end: int
    text: str
    tok_start: int
    tok_end: int
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled span over tokens (a named entity or a noun chunk)."""

    start: int
    end: int
    text: str
    label: str
    tok_start: int
    tok_end: int
    sent: int = 0


# ---------------------------------------------------------------------------------------------
# Output records
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mention:
    """Where an actor is named or referred to in the text."""

    start: int
    end: int
    text: str
    kind: str = "name"  # name | surname | title | pronoun | demonym | capital | group | acronym | alias
    sent: int | None = None  # the sentence (index into Article.sentences)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind, "sent": self.sent}


@dataclass(frozen=True, slots=True)
class Actor:
    """A participant: a person, an organisation, a government, a group.

    ``country`` is ISO 3166-1 alpha-3 or a PLOVER pseudo-country (IGO, UNO, EUR, NGO, ISM, IMG,
    MNC) with the organisation in ``org``; ``sector`` a PLOVER agent code (GOV, MIL, REB, ...).
    An actor that cannot be coded keeps its name with country and sector ``None``: never a guess (a
    local actor given the country the article is about says so: its ``rule`` ends in ``+focus``).
    """

    id: str
    name: str
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    role: str | None = None
    kind: str = "unknown"  # person | organisation | government | group | country | unknown
    mentions: tuple[Mention, ...] = ()
    rule: str | None = None  # which lexicon / rule coded it (explainability)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "country": self.country,
            "org": self.org,
            "sector": self.sector,
            "role": self.role,
            "kind": self.kind,
            "rule": self.rule,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class Aux:
    """The auxiliary modes: what did not, might, or will happen, or happened long before."""

    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False


@dataclass(frozen=True, slots=True)
class Evidence:
    """One sentence (or clause) that reports the event, with the trigger's character span."""

    start: int
    end: int
    trigger: tuple[int, int]
    sent: int | None = None  # the sentence (index into Article.sentences)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "trigger": list(self.trigger), "sent": self.sent}


@dataclass(frozen=True, slots=True)
class Topic:
    """What the article is about: ``label`` (politics, business, entertainment, sport, tech), the
    probability that it is political, and what decided it (``words``, ``political words``, ``world words``, the
    page's ``url`` section or ``too short to tell``)."""

    label: str
    political: float
    source: str = "words"

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "political": self.political, "source": self.source}


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str = "city"  # country | admin1 | city | place
    start: int | None = None  # the place mention in the text, when there is one
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: str  # PLOVER type (AGREE, CONSULT, ...)
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    quad_class: int | None = None  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    cameo: str | None = None
    score: float | None = None  # Goldstein-style intensity
    sources: tuple[str, ...] = ()  # actor ids
    targets: tuple[str, ...] = ()
    reciprocal: bool = False
    date: str | None = None
    date_precision: str = "article"  # day | week | month | quarter | year | article | none
    date_text: str | None = None
    date_trusted: bool = False
    location: Location | None = None
    aux: Aux = field(default_factory=Aux)
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.5
    rule: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "contexts": list(self.contexts),
            "quad_class": self.quad_class,
            "cameo": self.cameo,
            "score": self.score,
            "sources": list(self.sources),
            "targets": list(self.targets),
            "reciprocal": self.reciprocal,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "date_trusted": self.date_trusted,
            "location": self.location.to_dict() if self.location else None,
            "aux": asdict(self.aux),
            "evidence": [e.to_dict() for e in self.evidence],
            "confidence": self.confidence,
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression with its TIMEX3-style normalised value."""

    start: int
    end: int
    text: str
    value: str | None  # 2020-10-27, 2020-10, 2020-W44, 2020-Q3, 2020, PRESENT_REF, PAST_REF, FUTURE_REF
    precision: str  # day | week | month | quarter | year | ref | none
    trusted: bool = False  # resolved against a trusted reference date
    type: str = "DATE"  # DATE | TIME | DURATION | SET
    anchor: str | None = None  # "reference" or an event id it was resolved from

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "precision": self.precision,
            "type": self.type,
            "trusted": self.trusted,
            "anchor": self.anchor,
        }


@dataclass(frozen=True, slots=True)
class Quote:
    speaker: str | None  # actor id
    start: int  # the quoted content
    end: int
    text: str
    direct: bool
    cue: str | None = None
    channel: str | None = None
    events: tuple[str, ...] = ()
    speaker_text: str | None = None  # the words naming the speaker ("Kamau", "he", "officials")
    speaker_span: tuple[int, int] | None = None  # where those words are
    cue_span: tuple[int, int] | None = None  # where the cue is

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "speaker_text": self.speaker_text,
            "speaker_span": list(self.speaker_span) if self.speaker_span is not None else None,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "direct": self.direct,
            "cue": self.cue,
            "cue_span": list(self.cue_span) if self.cue_span is not None else None,
            "channel": self.channel,
            "events": list(self.events),
        }


@dataclass(frozen=True, slots=True)
class ReferenceDate:
    """The date relative expressions are resolved against, where it came from and whether to trust it."""

    date: str | None = None  # YYYY-MM-DD
    source: str = "none"  # metadata | page | text | user | none
    trusted: bool = False


@dataclass(frozen=True)
class Article:
    """One article and everything dragoman found in it."""

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    dateline: str | None = None
    agency: str | None = None
    author: str | None = None
    language: str | None = "en"
    published: str | None = None  # as given by the input, before interpretation
    reference_date: ReferenceDate = field(default_factory=ReferenceDate)
    chrome: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    topic: Topic | None = None  # filled by the topic stage, before the parse
    meta: Mapping[str, Any] = field(default_factory=dict)  # input name, format, duplicate_of, ...
    dragoman_version: str = __version__
    # NLP layer
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    entities: tuple[Span, ...] = ()
    noun_chunks: tuple[Span, ...] = ()
    # results
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    quotes: tuple[Quote, ...] = ()
    places: tuple[Location, ...] = ()  # every place mention, resolved (filled by when_where)

    # -- convenience ---------------------------------------------------------------------------

    def replace(self, **changes: Any) -> Article:
        return replace(self, **changes)

    def span(self, start: int, end: int) -> str:
        return self.text[start:end]

    def sentence_tokens(self, sent: Sentence) -> tuple[Token, ...]:
        return self.tokens[sent.tok_start : sent.tok_end]

    def headline_span(self) -> tuple[int, int] | None:
        """The headline's character span in ``text`` (``chrome["title"]``), or None when the text has none."""
        span = self.chrome.get("title") if self.chrome else None
        return (span[0], span[1]) if span else None

    def in_headline(self, start: int, end: int | None = None) -> bool:
        """Does the character at ``start`` (with ``end``: the whole span ``start``..``end``) lie in the headline?"""
        span = self.headline_span()
        if span is None:
            return False
        return span[0] <= start < span[1] if end is None else span[0] <= start and end <= span[1]

    def actor(self, actor_id: str) -> Actor | None:
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor with a mention overlapping [start, end), the tightest mention first."""
        best: tuple[int, Actor] | None = None
        for a in self.actors:
            for m in a.mentions:
                if m.start < end and start < m.end:
                    size = m.end - m.start
                    if best is None or size < best[0]:
                        best = (size, a)
        return best[1] if best else None

    # -- serialisation -------------------------------------------------------------------------

    def to_dict(self, nlp: bool = False) -> dict[str, Any]:
        """The JSON record of DESIGN.md (field names are part of the interface)."""
        rec: dict[str, Any] = {
            "id": self.id,
            "dragoman_version": self.dragoman_version,
            "url": self.url,
            "text": self.text,
            "title": self.title,
            "dateline": self.dateline,
            "agency": self.agency,
            "author": self.author,
            "language": self.language,
            "published": self.published,
            "chrome": {k: list(v) for k, v in self.chrome.items()},
            "reference_date": asdict(self.reference_date),
            "topic": self.topic.to_dict() if self.topic else None,
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "times": [t.to_dict() for t in self.times],
            "quotes": [q.to_dict() for q in self.quotes],
            "places": [p.to_dict() for p in self.places],
            "meta": dict(self.meta),
        }
        if nlp:
            rec["sentences"] = [[s.start, s.end, s.paragraph] for s in self.sentences]
            rec["tokens"] = [asdict(t) for t in self.tokens]
            rec["entities"] = [asdict(e) for e in self.entities]
            rec["noun_chunks"] = [asdict(c) for c in self.noun_chunks]
        return rec

    @classmethod
    def from_dict(cls, rec: Mapping[str, Any]) -> Article:
        """Read back a record written by ``to_dict`` (the NLP layer too when it is there).

        The record is checked against the record schema (``dragoman.validation``): a missing,
        mistyped or out-of-range field, or an offset outside the text, raises ``FormatError``
        naming the field (``field 'events[0].evidence[0].end' is missing``)."""
        from dragoman.validation import check_article

        rec = _obj(rec, "record")
        text = _req(rec, "text", "")
        if not isinstance(text, str):
            raise _bad("text", f"must be a string, not {_kind(text)}")
        # (read in this order, so that of several bad fields the same one is named first)
        actors = tuple(_actor_from_dict(a, p) for p, a in _objs(rec, "actors", ""))
        events = tuple(_event_from_dict(e, p) for p, e in _objs(rec, "events", ""))
        times = tuple(_time_from_dict(t, p) for p, t in _objs(rec, "times", ""))
        quotes = tuple(_quote_from_dict(q, p) for p, q in _objs(rec, "quotes", ""))
        rd = _obj(rec.get("reference_date") or {}, "reference_date")
        chrome = _obj(rec.get("chrome") or {}, "chrome")
        kwargs: dict[str, Any] = dict(  # noqa: C408 - the Article's own keyword arguments
            id=_req(rec, "id", ""),
            text=text,
            url=rec.get("url"),
            title=rec.get("title"),
            dateline=rec.get("dateline"),
            agency=rec.get("agency"),
            author=rec.get("author"),
            language=rec.get("language", "en"),
            published=rec.get("published"),
            reference_date=ReferenceDate(rd.get("date"), rd.get("source", "none"), rd.get("trusted", False)),
            chrome={k: _seq(v, f"chrome.{k}") for k, v in chrome.items()},
            topic=_build(Topic, rec["topic"], "topic.") if rec.get("topic") else None,
            meta=dict(_obj(rec.get("meta") or {}, "meta")),
            dragoman_version=rec.get("dragoman_version", __version__),
            actors=actors,
            events=events,
            times=times,
            quotes=quotes,
            places=tuple(_build(Location, p, path) for path, p in _objs(rec, "places", "")),
        )
        nlp = "tokens" in rec
        if nlp:
            kwargs.update(_nlp_from_dict(rec, text))
        article = cls(**kwargs)
        check_article(article, nlp=nlp)
        return article


def _nlp_from_dict(rec: Mapping[str, Any], text: str) -> dict[str, Any]:
    """The NLP layer of a record written by ``to_dict(nlp=True)``: tokens, entities, noun chunks, sentences."""
    out: dict[str, Any] = {}
    out["tokens"] = toks = tuple(_build(Token, t, p) for p, t in _objs(rec, "tokens", ""))
    out["entities"] = tuple(_build(Span, e, p) for p, e in _objs(rec, "entities", ""))
    out["noun_chunks"] = tuple(_build(Span, c, p) for p, c in _objs(rec, "noun_chunks", ""))
    sents = []
    for i, item in enumerate(_seq(rec.get("sentences"), "sentences")):
        if (not isinstance(item, (list, tuple)) or len(item) not in (2, 3)
                or not all(isinstance(x, int) and not isinstance(x, bool) for x in item)):
            raise _bad(f"sentences[{i}]", f"must be a [start, end, paragraph] list of whole numbers, not {_kind(item)}")
        s, e = item[0], item[1]
        ts = [t.i for t in toks if t.sent == i]
        sents.append(Sentence(i, s, e, text[s:e], ts[0] if ts else 0, ts[-1] + 1 if ts else 0,
                              item[2] if len(item) == 3 else 0))
    out["sentences"] = tuple(sents)
    return out


def _mentions_from_dict(a: Mapping[str, Any], path: str) -> tuple[Mention, ...]:
    return tuple(Mention(_req(m, "start", p), _req(m, "end", p), _req(m, "text", p), m.get("kind", "name"),
                         m.get("sent"))
                 for p, m in _objs(a, "mentions", path))


def _actor_from_dict(a: Mapping[str, Any], path: str) -> Actor:
    return Actor(
        id=_req(a, "id", path),
        name=_req(a, "name", path),
        country=a.get("country"),
        org=a.get("org"),
        sector=a.get("sector"),
        role=a.get("role"),
        kind=a.get("kind", "unknown"),
        mentions=_mentions_from_dict(a, path),
        rule=a.get("rule"),
    )


def _time_from_dict(t: Mapping[str, Any], path: str) -> TimeExpr:
    return TimeExpr(
        _req(t, "start", path),
        _req(t, "end", path),
        _req(t, "text", path),
        t.get("value"),
        t.get("precision", "none"),
        t.get("trusted", False),
        t.get("type", "DATE"),
        t.get("anchor"),
    )


def _quote_from_dict(q: Mapping[str, Any], path: str) -> Quote:
    return Quote(
        speaker=q.get("speaker"),
        start=_req(q, "start", path),
        end=_req(q, "end", path),
        text=_req(q, "text", path),
        direct=q.get("direct", True),
        cue=q.get("cue"),
        channel=q.get("channel"),
        events=_seq(q.get("events"), path + "events"),
        speaker_text=q.get("speaker_text"),
        speaker_span=_span(q.get("speaker_span")),
        cue_span=_span(q.get("cue_span")),
    )


def _span(value: Any) -> Any:
    """A ``[start, end]`` list read back as the tuple the record holds (anything else is left for the
    record's check to name)."""
    return tuple(value) if isinstance(value, list) else value


def _event_from_dict(e: Mapping[str, Any], path: str = "") -> Event:
    loc = e.get("location")

    def evidence(p: str, v: Mapping[str, Any]) -> Evidence:
        start, end = _req(v, "start", p), _req(v, "end", p)
        trigger = _seq(v.get("trigger", (start, end)), p + "trigger")
        return Evidence(start, end, trigger, v.get("sent"))

    return Event(
        id=_req(e, "id", path),
        type=_req(e, "type", path),
        mode=e.get("mode"),
        contexts=_seq(e.get("contexts"), path + "contexts"),
        quad_class=e.get("quad_class"),
        cameo=e.get("cameo"),
        score=e.get("score"),
        sources=_seq(e.get("sources"), path + "sources"),
        targets=_seq(e.get("targets"), path + "targets"),
        reciprocal=e.get("reciprocal", False),
        date=e.get("date"),
        date_precision=e.get("date_precision", "article"),
        date_text=e.get("date_text"),
        date_trusted=e.get("date_trusted", False),
        location=_build(Location, loc, path + "location.") if loc else None,
        aux=_build(Aux, e.get("aux") or {}, path + "aux."),
        evidence=tuple(evidence(p, v) for p, v in _objs(e, "evidence", path)),
        confidence=e.get("confidence", 0.5),
        rule=e.get("rule"),
    )


# -- reading records: each problem named by its field -------------------------------------------


def _kind(value: Any) -> str:
    from dragoman.validation import show

    return f"{type(value).__name__} {show(value)}" if isinstance(value, (str, int, float)) else type(value).__name__


def _bad(path: str, problem: str) -> FormatError:
    from dragoman.validation import HINT

    return FormatError(f"field '{path.rstrip('.')}' {problem}", hint=HINT)


def _obj(value: Any, path: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _bad(path, f"must be an object, not {_kind(value)}")
    return value


def _req(m: Mapping[str, Any], key: str, prefix: str) -> Any:
    """``m[key]``; ``prefix`` is the path of ``m`` ("events[0]." or "" at the top)."""
    if key not in m:
        raise _bad(prefix + key, "is missing")
    return m[key]


def _objs(m: Mapping[str, Any], key: str, prefix: str) -> list[tuple[str, Mapping[str, Any]]]:
    """The objects of the list ``m[key]`` (absent or null: none), each with its path prefix."""
    value = m.get(key)
    if value is None:
        return []
    if not isinstance(value, (list, tuple)):
        raise _bad(prefix + key, f"must be a list, not {_kind(value)}")
    return [(f"{prefix}{key}[{i}].", _obj(v, f"{prefix}{key}[{i}]")) for i, v in enumerate(value)]


def _seq(value: Any, path: str) -> tuple[Any, ...]:
    if value is None:
        return ()
    if not isinstance(value, (list, tuple)):
        raise _bad(path, f"must be a list, not {_kind(value)}")
    return tuple(value)


def _build(kind: type, value: Any, prefix: str) -> Any:
    """A dataclass from the known keys of an object (unknown keys are left out); a required one missing is named."""
    m = _obj(value, prefix.rstrip(".") or kind.__name__.lower())
    known = {f.name: f for f in fields(kind)}
    for name, f in known.items():
        if name not in m and f.default is MISSING and f.default_factory is MISSING:
            raise _bad(prefix + name, "is missing")
    return kind(**{k: v for k, v in m.items() if k in known})


@dataclass(frozen=True, slots=True)
class Failure:
    """An input or article that could not be processed, recorded where the user can find it."""

    source: str  # the input: path, "path:LINE", URL, WARC record id
    code: str  # DragomanError.code (input, encoding, too_large, fetch, stage, ...)
    message: str  # one line naming the problem and the fix
    stage: str | None = None
    article_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "code": self.code,
            "message": self.message,
            "stage": self.stage,
            "article_id": self.article_id,
        }
