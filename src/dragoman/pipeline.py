"""The ordered stages and the runner.

Every stage but ``nlp`` is a factory ``make(settings) -> Callable[[Article], Article]`` in its own
module (spaCy's ``Language.factory`` habit): the factory loads lexicons and compiles matchers once,
the returned callable takes an ``Article`` and returns a new one.  The runner names the stage that
failed (``StageError``) and, in batches, records the failure and goes on with the next article.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from dragoman.errors import DragomanError, StageError, TooLargeError
from dragoman.model import Article, Failure
from dragoman.settings import Settings

StageFn = Callable[[Article], Article]


@dataclass(frozen=True)
class Stage:
    name: str
    factory: str  # "module:function" returning a StageFn
    reads: tuple[str, ...] = ()
    fills: tuple[str, ...] = ()


#: before the parse
PRE_STAGES: tuple[Stage, ...] = (
    Stage("text", "dragoman.text:make", ("text",), ("title", "dateline", "agency", "chrome", "reference_date")),
    Stage("topic", "dragoman.text.topic:make", ("text", "title", "url"), ("topic",)),
)
#: after the parse, in order
POST_STAGES: tuple[Stage, ...] = (
    Stage("actors", "dragoman.actors:make", ("tokens", "entities", "noun_chunks"), ("actors",)),
    Stage("events", "dragoman.events:make", ("tokens", "actors"), ("events",)),
    Stage("merge", "dragoman.events:make_merge", ("events",), ("events",)),
    Stage("relevance", "dragoman.events:make_relevance", ("events", "actors", "topic"), ("events",)),
    Stage("times", "dragoman.when_where:make_times", ("tokens", "events", "reference_date"), ("times", "events")),
    Stage("places", "dragoman.when_where:make_places", ("tokens", "events", "dateline"), ("events", "places")),
    Stage("quotes", "dragoman.quotes:make", ("tokens", "actors", "events"), ("quotes",)),
)


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
        from dragoman.nlp import Parser

        self.settings = settings or Settings()
        wanted = set(stages) if stages is not None else None
        self.pre = [(s.name, _load(s, self.settings)) for s in PRE_STAGES if wanted is None or s.name in wanted]
        self.post = [(s.name, _load(s, self.settings)) for s in POST_STAGES if wanted is None or s.name in wanted]
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
                article = fn(article)
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
