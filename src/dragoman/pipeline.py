"""The ordered stages and the runner.

Every stage but ``nlp`` is a factory ``make(settings) -> Callable[[Article], Article]`` in its own
module (spaCy's ``Language.factory`` habit): the factory loads lexicons and compiles matchers once,
the returned callable takes an ``Article`` and returns a new one.  The runner names the stage that
failed (``StageError``) and, in batches, records the failure and goes on with the next article.

Each stage declares the ``Article`` fields it ``reads`` and ``fills``; a pipeline is checked when it is
built (:func:`check_stages`): a stage that reads what neither the input nor an earlier stage fills is a
``ConfigError`` naming the stage and the field.  A stage that returns anything but an ``Article`` fails
the article (``StageError`` naming the stage).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields

from dragoman.errors import ConfigError, DragomanError, StageError, TooLargeError
from dragoman.model import Article, Failure
from dragoman.settings import Settings

StageFn = Callable[[Article], Article]


@dataclass(frozen=True)
class Stage:
    """A named step: its factory, and the ``Article`` fields it reads and fills."""

    name: str
    factory: str  # "module:function" returning a StageFn
    reads: tuple[str, ...] = ()
    fills: tuple[str, ...] = ()


#: what an input article carries before any stage runs: the fields the readers fill
INPUT_FIELDS: tuple[str, ...] = (
    "id", "text", "url", "title", "author", "language", "published", "reference_date", "meta", "dragoman_version",
)


#: before the parse
PRE_STAGES: tuple[Stage, ...] = (
    Stage("text", "dragoman.text:make", ("text",), ("title", "dateline", "agency", "chrome", "reference_date")),
    Stage("topic", "dragoman.text.topic:make", ("text", "title", "url"), ("topic",)),
)
#: after the parse, in order
POST_STAGES: tuple[Stage, ...] = (
    Stage("actors", "dragoman.actors:make", ("tokens", "entities", "noun_chunks"), ("actors",)),
    Stage("speech", "dragoman.quotes:make_speech", ("tokens", "actors"), ("quotes",)),
    Stage("events", "dragoman.events:make", ("tokens", "actors", "quotes"), ("events", "actors")),
    Stage("merge", "dragoman.events:make_merge", ("events",), ("events",)),
    Stage("relevance", "dragoman.events:make_relevance", ("events", "actors", "topic"), ("events",)),
    Stage("times", "dragoman.when_where:make_times", ("tokens", "events", "reference_date"), ("times", "events")),
    Stage("places", "dragoman.when_where:make_places", ("tokens", "events", "dateline"), ("events", "places")),
    Stage("plausibility", "dragoman.events:make_plausibility",
          ("tokens", "events", "actors", "quotes", "topic", "reference_date"), ("events",)),
    Stage("quotes", "dragoman.quotes:make", ("quotes", "events"), ("quotes",)),
)
#: the parse, between the two: run by ``dragoman.nlp.Parser`` on a batch, not made by a stage factory
NLP_STAGE = Stage("nlp", "dragoman.nlp:Parser", ("text",), ("sentences", "tokens", "entities", "noun_chunks"))


def check_stages(stages: Sequence[Stage], given: Iterable[str] = INPUT_FIELDS) -> None:
    """Check a stage order before anything is loaded: every field a stage reads or fills is a field of
    ``Article``, and every field it reads is ``given`` (by the input) or filled by an earlier stage.

    Raises ``ConfigError`` naming the stage and the field (and the stage that would fill it, if any)."""
    article_fields = {f.name for f in fields(Article)}
    filled_by = dict.fromkeys(given, "the input")
    everything = PRE_STAGES + (NLP_STAGE,) + POST_STAGES
    for n, stage in enumerate(stages):
        for name in stage.reads + stage.fills:
            if name not in article_fields:
                raise ConfigError(f"stage '{stage.name}' declares the field '{name}', which Article does not have",
                                  hint="correct the stage's reads/fills in dragoman.pipeline")
        for name in stage.reads:
            if name in filled_by:
                continue
            later = [s.name for s in stages[n + 1:] if name in s.fills]
            other = [s.name for s in everything if name in s.fills and s not in stages]
            hint = (f"run the '{later[0]}' stage before '{stage.name}'" if later
                    else f"add the '{other[0]}' stage before '{stage.name}'" if other
                    else f"no stage fills '{name}'")
            raise ConfigError(f"stage '{stage.name}' reads '{name}', which no earlier stage fills", hint=hint)
        for name in stage.fills:
            filled_by.setdefault(name, stage.name)


def _chosen(stages: Sequence[str] | None) -> tuple[list[Stage], list[Stage]]:
    """The pre- and post-parse stages of ``stages`` (names; None: all), in the pipeline's order."""
    known = [s.name for s in PRE_STAGES + POST_STAGES]
    wanted = set(stages) if stages is not None else set(known)
    unknown = sorted(wanted - set(known) - {NLP_STAGE.name})
    if unknown:
        raise ConfigError(f"unknown stage{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)}",
                          hint=f"the stages are: {', '.join(known[:2] + [NLP_STAGE.name] + known[2:])}")
    return [s for s in PRE_STAGES if s.name in wanted], [s for s in POST_STAGES if s.name in wanted]


def _load(stage: Stage, settings: Settings) -> StageFn:
    module, _, attr = stage.factory.partition(":")
    fn: StageFn = getattr(importlib.import_module(module), attr)(settings)
    return fn


class Pipeline:
    """Load once, run on many articles.

    >>> pipe = Pipeline()
    >>> article = pipe(Article(id="a", text="..."))
    """

    def __init__(self, settings: Settings | None = None, *, stages: Sequence[str] | None = None):
        """``stages``: the names of the stages to run (the parse always runs); None: all of them.

        Raises ``ConfigError`` for an unknown stage name, or a choice in which a stage reads what no
        earlier stage fills (see :func:`check_stages`), before anything is loaded."""
        from dragoman.nlp import Parser

        pre, post = _chosen(stages)
        check_stages([*pre, NLP_STAGE, *post])
        self.settings = settings or Settings()
        self.pre = [(s.name, _load(s, self.settings)) for s in pre]
        self.post = [(s.name, _load(s, self.settings)) for s in post]
        self.parser = Parser(self.settings)

    @property
    def stage_names(self) -> list[str]:
        return [n for n, _ in self.pre] + ["nlp"] + [n for n, _ in self.post]

    def __call__(self, article: Article) -> Article:
        out = self.run_batch([article])[0]
        if isinstance(out, Failure):
            raise _failure_error(out)
        return out

    def run_batch(self, articles: Sequence[Article]) -> list[Article | Failure]:
        """Run every stage on a batch; a failing article becomes a ``Failure``, the rest go on."""
        results: list[Article | Failure] = []
        for art in articles:
            results.append(self._run_stages(self.pre, art))
        limit = self.settings.max_text_chars
        for i, a in enumerate(results):
            if isinstance(a, Article) and len(a.text) > limit:
                # the parser needs ~3 kB per character: a text over the limit is refused before it is parsed
                results[i] = _fail(a, TooLargeError(
                    f"the text is {len(a.text):,} characters, over the {limit:,} character limit for one article",
                    source=a.id, hint="split it into articles (JSONL), or raise max_text_chars in the settings file"))
        ok = [(i, a) for i, a in enumerate(results) if isinstance(a, Article)]
        if ok:
            parsed: Sequence[Article | Failure]
            try:
                parsed = self.parser.parse([a for _, a in ok], batch_size=self.settings.batch_size)
            except Exception:  # noqa: BLE001 - any parser error: isolate the article that breaks it
                # isolate the article that breaks the parser
                isolated: list[Article | Failure] = []
                for _, a in ok:
                    try:
                        isolated.append(self.parser.parse([a])[0])
                    except Exception as e:  # noqa: BLE001 - recorded, the batch goes on
                        isolated.append(_fail(a, StageError("nlp", a.id, e)))
                parsed = isolated
            for (i, _), p in zip(ok, parsed):
                results[i] = self._run_stages(self.post, p) if isinstance(p, Article) else p
        return results

    def run_many(self, articles: Iterable[Article | Failure], batch_size: int | None = None) -> Iterator[Article | Failure]:
        """Stream articles through the pipeline in batches (failures from the readers pass through)."""
        size = batch_size or self.settings.batch_size
        batch: list[Article] = []
        for item in articles:
            if isinstance(item, Failure):
                yield from self.run_batch(batch) if batch else ()
                batch = []
                yield item
                continue
            batch.append(item)
            if len(batch) >= size:
                yield from self.run_batch(batch)
                batch = []
        if batch:
            yield from self.run_batch(batch)

    @staticmethod
    def _run_stages(stages: list[tuple[str, StageFn]], article: Article) -> Article | Failure:
        for name, fn in stages:
            try:
                out = fn(article)
                if not isinstance(out, Article):
                    raise TypeError(f"the stage returned {type(out).__name__}, not an Article")
                article = out
            except DragomanError as e:
                return _fail(article, e, stage=name)
            except Exception as e:  # noqa: BLE001 - named, recorded, the batch goes on
                return _fail(article, StageError(name, article.id, e), stage=name)
        return article


def _fail(article: Article, error: DragomanError, stage: str | None = None) -> Failure:
    source = str(article.meta.get("source") or article.url or article.id)
    return Failure(
        source=source,
        code=error.code,
        message=error.message if error.source else str(error),
        stage=stage or getattr(error, "stage", None),
        article_id=article.id,
    )


def _failure_error(f: Failure) -> DragomanError:
    err = DragomanError(f.message, source=f.source)
    err.code = f.code
    return err
