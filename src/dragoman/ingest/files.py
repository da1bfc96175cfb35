"""Plain-text files, JSONL files and standard input → input ``Article`` records.

Every problem becomes a ``Failure`` naming the input (and line) and the fix; the caller goes on
with the next input.
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path
from typing import IO, Iterator

from dragoman.errors import (
    DragomanError,
    EmptyInputError,
    EncodingError,
    FormatError,
    InputError,
    TooLargeError,
)
from dragoman.model import Article, Failure
from dragoman.settings import Settings

TEXT_EXTENSIONS = {".txt", ".text", ".md", ""}
JSONL_EXTENSIONS = {".jsonl", ".ndjson", ".json"}


def failure(error: DragomanError, source: str) -> Failure:
    return Failure(source=error.source or source, code=error.code, message=error.message + (f" ({error.hint})" if error.hint else ""))


def decode(data: bytes, source: str, encoding: str | None = None) -> str:
    """Bytes → text: the given encoding, else UTF-8 (with or without BOM, or UTF-16 with a BOM)."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FormatError(
            "this is a binary file, not text",
            source=source,
            hint="give dragoman plain text, JSONL, HTML, a feed or a WARC file",
        )
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as e:
            raise EncodingError(f"cannot decode as {encoding}: {e}", source=source) from e
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise EncodingError(
            f"not UTF-8: byte 0x{data[e.start]:02x} at offset {e.start} (line {line})",
            source=source,
            hint="convert the file to UTF-8, or pass --encoding (for example --encoding cp1252)",
        ) from e


def read_bytes(path: Path, settings: Settings) -> bytes:
    """A whole file's bytes, refused when over ``max_input_bytes`` (one article's limit)."""
    source = str(path)
    try:
        size = path.stat().st_size
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", source=source, hint="check the path") from e
    if path.is_dir():
        raise InputError("is a directory", source=source, hint="name the files inside it")
    if size > settings.max_input_bytes:
        raise TooLargeError(
            f"file is {size / 1e6:.1f} MB, over the {settings.max_input_bytes / 1e6:.0f} MB limit for one article",
            source=source,
            hint="split it into articles (JSONL) or raise max_input_bytes in the settings file",
        )
    try:
        return path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", source=source, hint="check permissions") from e


def looks_like_jsonl(text: str) -> bool:
    first = text.lstrip()[:1]
    if first != "{":
        return False
    line = text.lstrip().split("\n", 1)[0]
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def article_from_record(rec: object, source: str, settings: Settings) -> Article:
    """One JSONL object (``id``, ``text``, optional ``title``, ``url``, ``published``) → Article."""
    from dragoman.api_public import make_article

    if not isinstance(rec, dict):
        raise FormatError("a JSONL line must be a JSON object", source=source, hint='write {"text": "..."} per line')
    text = rec.get("text")
    if not isinstance(text, str):
        raise FormatError(
            "the object has no 'text' string", source=source, hint='each line needs "text"; optional: id, title, url, published'
        )
    if not text.strip():
        raise EmptyInputError("the text is empty", source=source)
    if len(text.encode("utf-8")) > settings.max_input_bytes:
        raise TooLargeError(f"text over the {settings.max_input_bytes / 1e6:.0f} MB limit", source=source)
    for key in ("id", "title", "url", "published"):
        if rec.get(key) is not None and not isinstance(rec[key], (str, int)):
            raise FormatError(f"'{key}' must be a string", source=source)
    extra = {k: v for k, v in rec.items() if k not in {"id", "text", "title", "url", "published"}}
    return make_article(
        text,
        id=str(rec["id"]) if rec.get("id") is not None else None,
        published=str(rec["published"]) if rec.get("published") else None,
        title=rec.get("title"),
        url=rec.get("url"),
        source=source,
        meta={"format": "jsonl", **({"input": extra} if extra else {})},
    )


def iter_jsonl(stream: IO[str], name: str, settings: Settings) -> Iterator[Article | Failure]:
    for lineno, line in enumerate(stream, 1):
        if not line.strip():
            continue
        source = f"{name}:{lineno}"
        try:
            try:
                rec = json.loads(line)
            except ValueError as e:
                raise FormatError(f"invalid JSON: {e}", source=source, hint="one JSON object per line") from e
            yield article_from_record(rec, source, settings)
        except DragomanError as e:
            yield failure(e, source)


def text_article(text: str, source: str, settings: Settings, published: str | None = None) -> Article:
    from dragoman.api_public import make_article

    if not text.strip():
        raise EmptyInputError("the text is empty", source=source, hint="nothing to code")
    return make_article(text, published=published, source=source, published_source="user", meta={"format": "text"})


def read_path(path: Path, settings: Settings, encoding: str | None = None) -> Iterator[Article | Failure]:
    """A text or JSONL file (recognised by extension, then by content)."""
    source = str(path)
    try:
        if path.suffix.lower() in JSONL_EXTENSIONS:
            # streamed: JSONL files may be far larger than one article
            try:
                fh = open(path, encoding=encoding or "utf-8", errors="strict")
            except OSError as e:
                raise InputError(f"cannot read: {e.strerror or e}", source=source, hint="check the path") from e
            with fh:
                try:
                    yield from iter_jsonl(fh, source, settings)
                except UnicodeDecodeError as e:
                    raise EncodingError(f"not UTF-8: {e.reason}", source=source, hint="convert the file to UTF-8") from e
            return
        data = read_bytes(path, settings)
        text = decode(data, source, encoding)
        if looks_like_jsonl(text):
            yield from iter_jsonl(io.StringIO(text), source, settings)
            return
        yield text_article(text, source, settings)
    except DragomanError as e:
        yield failure(e, source)


def read_stdin(settings: Settings, encoding: str | None = None) -> Iterator[Article | Failure]:
    data = sys.stdin.buffer.read(settings.max_input_bytes + 1)
    try:
        if len(data) > settings.max_input_bytes:
            raise TooLargeError("standard input is over the size limit", source="stdin", hint="use a JSONL file")
        from dragoman.ingest.html import looks_like_html, page_article

        if looks_like_html(data[:4096].decode("utf-8", errors="replace")):
            yield page_article(data, "stdin", settings, charset=encoding)
            return
        text = decode(data, "stdin", encoding)
        if looks_like_jsonl(text):
            yield from iter_jsonl(io.StringIO(text), "stdin", settings)
        else:
            yield text_article(text, "stdin", settings)
    except DragomanError as e:
        yield failure(e, "stdin")


def walk(directory: Path) -> list[Path]:
    """The input files below a directory, in a stable order (hidden files left out)."""
    out = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out += [Path(root) / f for f in sorted(files) if not f.startswith(".")]
    return out
