"""WARC and ARC web archives (gzipped or not) → one input ``Article`` per HTML page.

The archive is streamed record by record with warcio: a crawl of a million pages is never loaded
into memory; one record's body at most (bounded by ``fetch.max_bytes``) is held at a time, and a
record's header lines and header block are bounded too (``max_warc_header_line``,
``max_warc_header_bytes``: warcio's own ``readline`` is not), as is a chunked or compressed body.
Only
``response`` records (ARC records are read as responses) with HTTP status 2xx and an HTML content
type become articles; request, metadata, revisit and other records are skipped silently.  A
record that cannot be read, and a corrupt archive, give one ``Failure`` each naming the file and
the byte offset of the record; the records already read are kept.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import BufferedReader, ChunkedDataReader, DecompressingBufferedReader
from warcio.utils import BUFF_SIZE

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


class HeaderTooLarge(Exception):
    """A record's header line, or its header block, is over its limit (raised inside warcio's parsing)."""

    def __init__(self, what: str, limit: int, setting: str):
        super().__init__(f"{what} over the {limit:,}-byte limit ({setting})")


class _BoundedReader(DecompressingBufferedReader):
    """warcio's record reader with bounded header lines and header blocks.

    warcio reads headers with ``readline()`` and no limit: one endless line (or an endless run of
    short ones) would be held in memory whole.  Here a line is read up to ``max_line`` + 1 bytes,
    and the lines read since the record's start, or since its body, up to ``max_block`` bytes.
    """

    def __init__(self, stream: IO[bytes], max_line: int, max_block: int):
        super().__init__(stream, block_size=BUFF_SIZE)
        self.max_line = max_line
        self.max_block = max_block
        self.run = 0  # header bytes read by readline since the last body read or record start

    def read(self, length: int | None = None) -> bytes:
        self.run = 0
        return super().read(length)

    def readline(self, length: int | None = None) -> bytes:
        cap = self.max_line + 1 if length is None else min(length, self.max_line + 1)
        parts: list[bytes] = []
        n = 0
        while n < cap:
            self._fillbuff()
            if self.empty():
                break
            piece = self.buff.readline(cap - n)
            parts.append(piece)
            n += len(piece)
            if piece.endswith(b"\n"):
                break
        if n > self.max_line:
            raise HeaderTooLarge("a header line", self.max_line, "max_warc_header_line")
        self.run += n
        if self.run > self.max_block:
            raise HeaderTooLarge("a header block", self.max_block, "max_warc_header_bytes")
        return b"".join(parts)


class _Records(ArchiveIterator):
    """warcio's ``ArchiveIterator`` over a ``_BoundedReader``."""

    def __init__(self, fh: IO[bytes], settings: Settings):
        super().__init__(fh, arc2warc=True)
        self.reader = _BoundedReader(self.fh, settings.max_warc_header_line, settings.max_warc_header_bytes)

    def _next_record(self, next_line):
        self.reader.run = 0
        return super()._next_record(next_line)


class _BoundedChunks(ChunkedDataReader):
    """A chunked HTTP body, each chunk refused when over the page limit before it is read.

    warcio reads a whole chunk into memory (up to 2 GB) and decompresses it in one call; here the
    chunks are only de-chunked, and decompression happens outside, in bounded steps.
    """

    def __init__(self, stream: IO[bytes], limit: int, error: TooLargeError):
        super().__init__(stream)
        self.limit = limit
        self.error = error

    def _try_decode(self, length_header: bytes) -> None:
        try:
            size = int(length_header[:-2].split(b";")[0], 16)
        except ValueError:
            size = 0  # not chunked after all: warcio reads it as plain data
        if size > self.limit:
            raise self.error
        super()._try_decode(length_header)


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
    too_large = TooLargeError(
        f"the page in the record at offset {offset} is over the {settings.fetch.max_bytes / 1e6:.1f} MB limit",
        source=rec_source, hint="raise fetch.max_bytes in the settings file",
    )
    stream = record.raw_stream
    if (record.http_headers.get_header("Transfer-Encoding") or "").strip().lower() == "chunked":
        stream = _BoundedChunks(stream, settings.fetch.max_bytes, too_large)
    encoding = (record.http_headers.get_header("Content-Encoding") or "").strip().lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        # decompressed a block (16 KB) at a time: at most ~16 MB beyond the limit, never a whole bomb
        stream = BufferedReader(stream, decomp_type="gzip" if encoding == "x-gzip" else encoding)
    body = stream.read(settings.fetch.max_bytes + 1)
    if len(body) > settings.fetch.max_bytes:
        raise too_large
    meta: dict[str, object] = {"format": "warc", "archive": source, "offset": offset}
    for key, header in (("crawled", "WARC-Date"), ("record_id", "WARC-Record-ID")):
        if value := record.rec_headers.get_header(header):
            meta[key] = value
    return page_article(body, rec_source, settings, url=url, charset=charset_from_content_type(ctype),
                        content_language=record.http_headers.get_header("Content-Language"), meta=meta)


def read_warc(path: Path, settings: Settings, stream: IO[bytes] | None = None,
              source: str | None = None) -> Iterator[Article | Failure]:
    """Stream the HTML pages of a WARC/ARC file as articles (or failures).

    After a corrupt record the reader looks for the next record start (the next gzip member, or
    the next ``WARC/1.`` line) and goes on from there; each corrupt stretch is one ``Failure``.
    """
    from warcio.exceptions import ArchiveLoadFailed

    from dragoman.ingest.files import display_name, failure

    source = source or display_name(path)
    try:
        fh = stream or open(path, "rb")  # noqa: SIM115 - closed below unless the caller's stream
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
        n_pages = n_failed = 0
        resyncs = 0
        reported = False  # a failure was reported and no record has been read since
        while True:
            fh.seek(pos)
            offset = pos
            it = _Records(fh, settings)
            try:
                for record in it:
                    offset = it.offset
                    reported = False
                    try:
                        article = _page(record, offset, source, settings)
                    except DragomanError as e:
                        n_failed += 1  # an HTML page that could not be read: the archive is not 'empty'
                        yield failure(e, e.source or f"{source}@{offset}")
                        continue
                    if article is not None:
                        n_pages += 1
                        yield article
                if gzipped and not _tail_complete(fh, offset):
                    yield failure(FormatError(f"the archive is truncated: the record at byte {offset} is incomplete",
                                              source=source, hint="the pages before it were read"), source)
                if n_pages == 0 and n_failed == 0 and not reported and resyncs == 0:
                    raise EmptyInputError("the archive holds no HTML pages (only other records, or none)",
                                          source=source, hint="dragoman reads HTML response records")
                break  # the end of the archive
            except (HeaderTooLarge, ArchiveLoadFailed, *_ERRORS) as e:
                if not reported:
                    where = f"at or after byte {offset}, after {n_pages} page{'s' if n_pages != 1 else ''}"
                    if isinstance(e, HeaderTooLarge):
                        error: DragomanError = TooLargeError(
                            f"the archive record {where} has {e}", source=source,
                            hint="the archive is damaged or hostile: the record is skipped and the reader goes on "
                                 "after it")
                    else:
                        error = FormatError(f"corrupt archive record ({where}): {type(e).__name__}: {_clean(str(e))}",
                                            source=source,
                                            hint="the damaged part is skipped; the reader goes on after it")
                    yield failure(error, source)
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
