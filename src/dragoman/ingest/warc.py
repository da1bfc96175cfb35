"""WARC and ARC web archives (gzipped or not) → one input ``Article`` per HTML page.

The archive is streamed record by record with warcio: a crawl of a million pages is never loaded
into memory; one record's body at most (bounded by ``fetch.max_bytes``) is held at a time.  Only
``response`` records (ARC records are read as responses) with HTTP status 2xx and an HTML content
type become articles; request, metadata, revisit and other records are skipped silently.  A
record that cannot be read, and a corrupt archive, give one ``Failure`` each naming the file and
the byte offset of the record; the records already read are kept.
"""

from __future__ import annotations

import gzip
import re
import zlib
from pathlib import Path
from typing import IO, Iterator

from dragoman.errors import DragomanError, EmptyInputError, FormatError, InputError, TooLargeError
from dragoman.ingest.charset import charset_from_content_type
from dragoman.ingest.fetch import HTML_TYPES
from dragoman.model import Article, Failure
from dragoman.settings import Settings

WARC_EXTENSIONS = (".warc", ".warc.gz", ".arc", ".arc.gz", ".warc.wet.gz")


def is_warc_name(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(WARC_EXTENSIONS)


def looks_like_warc(head: bytes) -> bool:
    """Does a file start like a WARC or ARC archive (gzipped or not)?"""
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return False
    return head.startswith((b"WARC/", b"filedesc://"))


_UNPRINTABLE = re.compile(r"[^\x20-\x7e]+")
_ERRORS = (zlib.error, gzip.BadGzipFile, EOFError, ValueError, OSError, IndexError, KeyError, AttributeError,
           TypeError, UnicodeDecodeError)


def _find_next(fh: IO[bytes], after: int, gzipped: bool) -> int | None:
    """The offset of the next plausible record start after ``after`` (a gzip member or 'WARC/')."""
    magic = b"\x1f\x8b\x08" if gzipped else b"\nWARC/1."
    skip = 0 if gzipped else 1
    pos = after
    fh.seek(pos)
    tail = b""
    while True:
        block = fh.read(1 << 20)
        if not block:
            return None
        data = tail + block
        i = data.find(magic)
        if i >= 0:
            return pos - len(tail) + i + skip
        tail = data[-(len(magic) - 1):]
        pos += len(block)


def _tail_complete(fh: IO[bytes], offset: int, max_members: int = 64) -> bool:
    """Do the gzip members from ``offset`` to the end of the file all end properly?

    warcio stops quietly at a truncated last member; this tells a truncated archive from a whole one.
    """
    fh.seek(offset)
    pending = b""
    for _ in range(max_members):
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            while not d.eof:
                chunk = d.unconsumed_tail or pending or fh.read(1 << 16)
                pending = b""
                if not chunk:
                    return False
                d.decompress(chunk, 1 << 20)
        except zlib.error:
            return False
        pending = d.unused_data
        if not pending:
            pending = fh.read(1 << 16)
            if not pending:
                return True
        if not pending.strip(b"\x00\r\n"):
            rest = fh.read(1)
            if not rest:
                return True
            pending += rest
    return True


def _clean(message: str) -> str:
    return _UNPRINTABLE.sub("?", message)[:120]


def _page(record, offset: int, source: str, settings: Settings) -> Article | None:
    """A response record → an article, or ``None`` for records that are not HTML pages."""
    from dragoman.ingest.html import page_article

    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode()
    if not status or not status.isdigit() or not (200 <= int(status) < 300):
        return None
    ctype = record.http_headers.get_header("Content-Type") or ""
    mime = ctype.split(";", 1)[0].strip().lower()
    if mime not in HTML_TYPES:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    rec_source = url or f"{source}@{offset}"
    body = record.content_stream().read(settings.fetch.max_bytes + 1)
    if len(body) > settings.fetch.max_bytes:
        raise TooLargeError(
            f"the page in the record at offset {offset} is over the {settings.fetch.max_bytes / 1e6:.1f} MB limit",
            source=rec_source, hint="raise fetch.max_bytes in the settings file",
        )
    meta: dict[str, object] = {"format": "warc", "archive": source, "offset": offset}
    for key, header in (("crawled", "WARC-Date"), ("record_id", "WARC-Record-ID")):
        if value := record.rec_headers.get_header(header):
            meta[key] = value
    return page_article(body, rec_source, settings, url=url, charset=charset_from_content_type(ctype),
                        content_language=record.http_headers.get_header("Content-Language"), meta=meta)


def read_warc(path: Path, settings: Settings, stream: IO[bytes] | None = None) -> Iterator[Article | Failure]:
    """Stream the HTML pages of a WARC/ARC file as articles (or failures).

    After a corrupt record the reader looks for the next record start (the next gzip member, or
    the next ``WARC/1.`` line) and goes on from there; each corrupt stretch is one ``Failure``.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from dragoman.ingest.files import failure

    source = str(path)
    try:
        fh = stream or open(path, "rb")
    except OSError as e:
        yield failure(InputError(f"cannot read: {e.strerror or e}", source=source, hint="check the path"), source)
        return
    try:
        head = fh.read(4096)
        gzipped = head.startswith(b"\x1f\x8b")
        if not looks_like_warc(head):
            raise FormatError("not a WARC or ARC archive (no WARC/ or filedesc:// header at the start)",
                              source=source, hint="give a .warc, .warc.gz, .arc or .arc.gz file")
        pos = 0
        n_pages = 0
        resyncs = 0
        reported = False  # a failure was reported and no record has been read since
        while True:
            fh.seek(pos)
            offset = pos
            it = ArchiveIterator(fh, arc2warc=True)
            try:
                for record in it:
                    offset = it.offset
                    reported = False
                    try:
                        article = _page(record, offset, source, settings)
                    except DragomanError as e:
                        yield failure(e, e.source or f"{source}@{offset}")
                        continue
                    if article is not None:
                        n_pages += 1
                        yield article
                if gzipped and not _tail_complete(fh, offset):
                    yield failure(FormatError(f"the archive is truncated: the record at byte {offset} is incomplete",
                                              source=source, hint="the pages before it were read"), source)
                if n_pages == 0 and not reported and resyncs == 0:
                    raise EmptyInputError("the archive holds no HTML pages (only other records, or none)",
                                          source=source, hint="dragoman reads HTML response records")
                break  # the end of the archive
            except (ArchiveLoadFailed, *_ERRORS) as e:
                if not reported:
                    where = f"at or after byte {offset}, after {n_pages} page{'s' if n_pages != 1 else ''}"
                    yield failure(
                        FormatError(f"corrupt archive record ({where}): {type(e).__name__}: {_clean(str(e))}",
                                    source=source, hint="the damaged part is skipped; the reader goes on after it"),
                        source,
                    )
                    reported = True
                resyncs += 1
                nxt = _find_next(fh, offset + 1, gzipped) if resyncs < 10_000 else None
                if nxt is None or nxt <= offset:
                    break
                pos = nxt
    except DragomanError as e:
        yield failure(e, source)
    finally:
        if stream is None:
            fh.close()
