"""Sources → input ``Article`` records (or ``Failure`` records naming the input and the problem).

``read_inputs(["a.txt", "b.jsonl", "page.html", "crawl.warc.gz", "feed.xml", "-", "https://…"],
settings)`` recognises each input by its form (URL, ``-``, directory), extension and content, and
yields articles lazily, so a batch of any size streams.  A failing input (or entry, or record)
becomes one ``Failure`` and the batch goes on; what was already yielded stays yielded.

Modules: ``files`` (text, JSONL, stdin), ``html`` (web pages), ``charset`` (decoding pages), ``language``,
``fetch`` (safe HTTP), ``feeds`` (RSS/Atom), ``warc`` (web archives), ``dedup`` (near-duplicates).

A folder is walked for its regular files (``files.walk_entries``); devices, FIFOs, sockets and
symbolic links leading outside it (unless ``follow_symlinks``) are each named as a skipped failure.
A path given directly is read whatever it is, but a pipe or a device at most one article's bytes.
"""

from __future__ import annotations

import gzip
import io
import stat
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, cast

from dragoman.errors import DragomanError, EmptyInputError, FormatError, InputError, SkippedError
from dragoman.ingest.files import (
    JSONL_EXTENSIONS,
    decode,
    display_name,
    failure,
    open_input,
    read_jsonl,
    read_limited,
    read_stdin,
    read_text,
    text_article,
    walk_entries,
)
from dragoman.model import Article, Failure
from dragoman.settings import Settings

HTML_EXTENSIONS = {".html", ".htm", ".xhtml", ".shtml"}
FEED_EXTENSIONS = {".rss", ".atom", ".xml", ".rdf"}

__all__ = ["is_url", "read_inputs"]


def is_url(item: str) -> bool:
    return "://" in item[:16] and item.split("://", 1)[0].isalpha()


class _Sources:
    """The per-batch state: one safe ``Fetcher`` (created on first use), shared by all inputs."""

    def __init__(self, settings: Settings, encoding: str | None):
        self.settings = settings
        self.encoding = encoding
        self._fetcher = None

    @property
    def fetcher(self):
        if self._fetcher is None:
            from dragoman.ingest.fetch import Fetcher

            self._fetcher = Fetcher(self.settings.fetch)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()
            self._fetcher = None

    def fetch_page(self, url: str, source: str) -> tuple[bytes, str | None, str, str | None]:
        from dragoman.ingest.fetch import HTML_TYPES

        got = self.fetcher.get(url, accept=HTML_TYPES, source=source)
        return got.body, got.charset, got.url, got.headers.get("content-language")

    # -- inputs --------------------------------------------------------------------------------

    def url(self, url: str) -> Iterator[Article | Failure]:
        from dragoman.ingest.feeds import looks_like_feed, read_feed
        from dragoman.ingest.fetch import FEED_TYPES, HTML_TYPES, TEXT_TYPES
        from dragoman.ingest.html import looks_like_html, page_article

        if not url.lower().startswith(("http://", "https://")):
            raise InputError(f"cannot fetch a '{url.split('://', 1)[0]}:' URL", source=url,
                             hint="only http and https URLs are fetched; give local files as paths")
        got = self.fetcher.get(url, accept=HTML_TYPES + FEED_TYPES + TEXT_TYPES, source=url)
        head = got.body[:4096]
        lang = got.headers.get("content-language")
        if got.content_type in FEED_TYPES or (not got.content_type and looks_like_feed(head)):
            yield from read_feed(got.body, url, self.settings, self.fetch_page)
        elif got.content_type in TEXT_TYPES and not looks_like_html(head.decode("latin-1")):
            text = decode(got.body, url, got.charset or self.encoding)
            yield text_article(text, url, self.settings).replace(url=got.url)
        else:
            yield page_article(got.body, url, self.settings, url=got.url, charset=got.charset or self.encoding,
                               content_language=lang, meta={"format": "html", "source": url})

    def file(self, path: Path, expect: tuple[int, int] | None = None) -> Iterator[Article | Failure]:
        """One file, opened once; a pipe or device (not seekable, maybe endless) read first, bounded."""
        source = display_name(path)
        fh, st = open_input(path, expect)
        with fh:
            if stat.S_ISREG(st.st_mode):
                yield from self._read(path, source, fh, st.st_size)
                return
            # a pipe (``<(zcat crawl.jsonl.gz)``) or a device: at most one article's bytes
            data = read_limited(fh, source, self.settings)
        if not data.strip():
            raise EmptyInputError("nothing to read: the pipe or device gave no data", source=source,
                                  hint="give a file, or write to the pipe")
        yield from self._read(path, source, io.BytesIO(data), len(data))

    def _read(self, path: Path, source: str, fh: IO[bytes], size: int) -> Iterator[Article | Failure]:
        from dragoman.ingest.feeds import looks_like_feed, read_feed
        from dragoman.ingest.html import looks_like_html, page_article
        from dragoman.ingest.warc import is_warc_name, looks_like_warc, read_warc

        suffix = path.suffix.lower()
        if is_warc_name(path):
            yield from read_warc(path, self.settings, stream=fh, source=source)
            return
        if suffix in JSONL_EXTENSIONS:
            yield from read_jsonl(fh, source, self.settings, self.encoding)
            return
        try:
            head = fh.read(4096)
            fh.seek(0)
        except OSError as e:
            raise InputError(f"cannot read: {e.strerror or e}", source=source, hint="check the path") from e
        if looks_like_warc(head):
            yield from read_warc(path, self.settings, stream=fh, source=source)
            return
        if head.startswith(b"\x1f\x8b"):
            yield from self._gunzip(path, source, fh)
            return
        data = read_limited(fh, source, self.settings, size)
        if suffix in FEED_EXTENSIONS or (suffix not in HTML_EXTENSIONS and looks_like_feed(head)):
            yield from read_feed(data, source, self.settings, self.fetch_page)
            return
        if suffix in HTML_EXTENSIONS or looks_like_html(head.decode("utf-8", errors="replace")):
            yield page_article(data, source, self.settings, charset=self.encoding)
            return
        yield from read_text(data, source, self.settings, self.encoding)


    def _gunzip(self, path: Path, source: str, fh: IO[bytes]) -> Iterator[Article | Failure]:
        """A gzip-compressed input (``page.html.gz``, ``news.jsonl.gz``): read as the file it holds, named by
        its inner suffix; decompressed as it is read, never past the limits (a JSONL line's, else one
        article's ``max_input_bytes``), so a small bomb expands to no more than an ordinary input."""
        inner = path.with_suffix("") if path.suffix.lower() == ".gz" else path
        gz = cast(IO[bytes], gzip.GzipFile(fileobj=fh, mode="rb"))
        try:
            if inner.suffix.lower() in JSONL_EXTENSIONS:
                yield from read_jsonl(gz, source, self.settings, self.encoding)
                return
            data = read_limited(gz, source, self.settings)
        except (OSError, EOFError, zlib.error) as e:
            raise FormatError(f"cannot decompress: {e}", source=source,
                              hint="check the file is whole (gzip -t), or give it decompressed") from e
        if data[:2] == b"\x1f\x8b":
            raise FormatError("a gzip file inside a gzip file", source=source, hint="decompress it first")
        yield from self._read(inner, source, io.BytesIO(data), len(data))


def read_inputs(inputs: Iterable[str], settings: Settings | None = None, *,
                encoding: str | None = None) -> Iterator[Article | Failure]:
    """Yield an input ``Article`` or a ``Failure`` for every article in ``inputs``, lazily.

    An input is a path (text, JSONL, HTML, RSS/Atom, WARC/ARC), a directory (its regular files,
    sorted; what is skipped is named), ``-`` (standard input) or an http(s) URL (fetched safely: see
    ``dragoman.ingest.fetch``).
    """
    settings = settings or Settings()
    sources = _Sources(settings, encoding)
    try:
        for item in inputs:
            try:
                if item == "-":
                    yield from read_stdin(settings, encoding)
                    continue
                if is_url(item):
                    yield from sources.url(item)
                    continue
                path = Path(item)
                if path.is_dir():
                    for p, found in walk_entries(path, settings.follow_symlinks):
                        if isinstance(found, SkippedError):
                            yield failure(found, found.source or "")
                            continue
                        try:
                            yield from sources.file(p, found)
                        except DragomanError as e:
                            yield failure(e, display_name(p))
                        except OSError as e:
                            yield failure(InputError(f"cannot read: {e}", source=display_name(p)), display_name(p))
                    continue
                yield from sources.file(path)
            except DragomanError as e:
                yield failure(e, display_name(item))
            except OSError as e:
                yield failure(InputError(f"cannot read: {e}", source=display_name(item)), display_name(item))
            except (RecursionError, MemoryError) as e:
                yield failure(FormatError(f"the input is too deeply nested or too large to read: {type(e).__name__}",
                                          source=display_name(item)), display_name(item))
    finally:
        sources.close()
