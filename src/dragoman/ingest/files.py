"""Plain-text files, JSONL files, standard input and folders → input ``Article`` records.

Every problem becomes a ``Failure`` naming the input (and line) and the fix; the caller goes on
with the next input.  Every read is bounded: a text input is read up to ``max_input_bytes`` + 1
bytes whatever the file system says its size is, a JSONL line up to ``max_jsonl_line_bytes`` + 1,
and a FIFO is opened without waiting for a writer.
"""

from __future__ import annotations

import codecs
import io
import json
import math
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, BinaryIO

from dragoman.errors import (
    DragomanError,
    EmptyInputError,
    EncodingError,
    FormatError,
    InputError,
    SkippedError,
    TooLargeError,
)
from dragoman.ingest.article import make_article
from dragoman.model import Article, Failure
from dragoman.settings import Settings
from dragoman.validation import check_url

JSONL_EXTENSIONS = {".jsonl", ".ndjson", ".json"}
RECORD_FIELDS = ("id", "text", "title", "url", "published")

_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_JSON_TYPES = {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "an array",
               dict: "an object"}


def failure(error: DragomanError, source: str) -> Failure:
    message = error.message + (f" ({error.hint})" if error.hint else "")
    # storable whatever went into it (a file name that is not UTF-8, text quoted from a bad record)
    return Failure(source=_SURROGATE.sub("\ufffd", error.source or source), code=error.code,
                   message=_SURROGATE.sub("\ufffd", message))


def display_name(path: str | os.PathLike[str]) -> str:
    """A path as text that can be printed and stored: the bytes of a file name that are not UTF-8
    shown as ``\\xNN`` (Python hands them over as lone surrogates, which no store can hold)."""
    name = os.fspath(path)
    try:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    except UnicodeError:
        return _SURROGATE.sub("\ufffd", name)


# -- opening and reading, bounded ------------------------------------------------------------


def open_input(path: Path, expect: tuple[int, int] | None = None) -> tuple[BinaryIO, os.stat_result]:
    """Open an input for reading: ``(binary file, its status)``.

    A FIFO is opened without waiting for a writer (with none, it reads as empty).  ``expect`` is
    the ``(device, inode)`` a folder walk saw: a file swapped for another since is not read.
    """
    source = display_name(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", source=source, hint="check the path") from e
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise InputError("is a directory", source=source, hint="name the files inside it")
        if expect is not None and (st.st_dev, st.st_ino) != expect:
            raise SkippedError("skipped: it was replaced while the folder was read", source=source, hint="run again")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb"), st
    except BaseException:
        os.close(fd)
        raise


def read_limited(fh: IO[bytes], source: str, settings: Settings, size: int = 0) -> bytes:
    """At most ``max_input_bytes`` of ``fh`` (one article's limit): more is refused, whatever ``size`` said."""
    limit = settings.max_input_bytes
    if size > limit:
        raise TooLargeError(
            f"file is {size / 1e6:.1f} MB, over the {limit / 1e6:.0f} MB limit for one article",
            source=source,
            hint="split it into articles (JSONL) or raise max_input_bytes in the settings file",
        )
    parts: list[bytes] = []
    n = 0
    want = size + 1 if size else 1 << 16
    while n <= limit:
        try:
            chunk = fh.read(min(want, limit + 1 - n))
        except OSError as e:
            raise InputError(f"cannot read: {e.strerror or e}", source=source, hint="check permissions") from e
        if not chunk:
            break
        parts.append(chunk)
        n += len(chunk)
        want = 1 << 20
    if n > limit:
        raise TooLargeError(
            f"over the {limit / 1e6:.0f} MB limit for one article (read stopped there)",
            source=source,
            hint="split it into articles (JSONL) or raise max_input_bytes in the settings file",
        )
    return b"".join(parts)


def _codec(encoding: str, source: str) -> str:
    """A user's encoding name → Python's codec name, refused when unknown or not a text encoding."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):
        raise EncodingError(f"unknown text encoding '{encoding}'", source=source,
                            hint="give a text encoding such as utf-8, cp1252 or utf-16-le")
    return info.name


def decode(data: bytes, source: str, encoding: str | None = None) -> str:
    """Bytes → text: the given encoding, else UTF-8 (with or without BOM, or UTF-16 with a BOM).

    An encoding the user gives is honoured (UTF-16 without a BOM included): the text it decodes to
    is then checked for binary data.
    """
    if encoding:
        codec = _codec(encoding, source)
        try:
            text = data.decode(codec)
        except UnicodeError as e:
            raise EncodingError(f"cannot decode as {encoding}: {e}", source=source,
                                hint="check the encoding, or leave --encoding out for UTF-8") from e
        if "\x00" in text[:8192]:
            raise FormatError(
                f"this is a binary file, not text (decoded as {encoding} it holds NUL characters)",
                source=source,
                hint="give dragoman plain text, JSONL, HTML, a feed or a WARC file, or check --encoding",
            )
        return text.removeprefix("\ufeff")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FormatError(
            "this is a binary file, not text",
            source=source,
            hint="give dragoman plain text, JSONL, HTML, a feed or a WARC file "
                 "(UTF-16 without a BOM: pass --encoding utf-16-le)",
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise EncodingError(f"not UTF-16: {e.reason} at offset {e.start}", source=source,
                                hint="convert the file to UTF-8") from e
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise EncodingError(
            f"not UTF-8: byte 0x{data[e.start]:02x} at offset {e.start} (line {line})",
            source=source,
            hint="convert the file to UTF-8, or pass --encoding (for example --encoding cp1252)",
        ) from e


# -- raw records -------------------------------------------------------------------------------


def looks_like_jsonl(text: str) -> bool:
    first = text.lstrip()[:1]
    if first != "{":
        return False
    line = text.lstrip().split("\n", 1)[0]
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        return False


def _kind(value: object) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _too_deep(value: object, limit: int) -> bool:
    """Are JSON arrays and objects nested more than ``limit`` deep in ``value``? (No recursion.)"""
    stack = [(value, 1)]
    while stack:
        v, depth = stack.pop()
        if isinstance(v, dict):
            v = list(v.values())
        elif not isinstance(v, list):
            continue
        if depth > limit:
            return True
        stack += [(x, depth + 1) for x in v if isinstance(x, (dict, list))]
    return False


def _sanitise(value: object) -> tuple[object, int]:
    """Lone surrogates (text that is not Unicode, e.g. half an emoji) → U+FFFD; returns (value, count).

    One code point for one: every character offset stays where it was.
    """
    if isinstance(value, str):
        return _SURROGATE.subn("\ufffd", value)
    if isinstance(value, list):
        out, total = [], 0
        for v in value:
            v, n = _sanitise(v)
            out.append(v)
            total += n
        return out, total
    if isinstance(value, dict):
        items, total = {}, 0
        for k, v in value.items():
            k, n1 = _sanitise(k)
            v, n2 = _sanitise(v)
            items[k] = v
            total += n1 + n2
        return items, total
    return value, 0


def check_record(rec: object, source: str, settings: Settings) -> tuple[dict[str, object], list[str]]:
    """The checks every raw record passes before it becomes an article (JSONL lines, API bodies):
    an object, nested at most ``max_json_depth`` deep, ``title``/``url``/``published`` strings, ``id``
    a string or an integer, ``url`` an http(s) address.  Returns the record with lone surrogates
    replaced by U+FFFD (one character for one: offsets hold) and the warnings saying so.
    """
    if not isinstance(rec, dict):
        raise FormatError(f"a JSONL line must be a JSON object, not {_kind(rec)}", source=source,
                          hint='write {"text": "..."} per line')
    if _too_deep(rec, settings.max_json_depth):
        raise FormatError(f"the record is nested more than {settings.max_json_depth} levels deep", source=source,
                          hint="flatten it, or raise max_json_depth in the settings file")
    warnings: list[str] = []
    clean: dict[str, object] = {}
    for key, value in rec.items():
        (key, value), n = _sanitise([key, value])  # type: ignore[misc]
        if n:
            warnings.append(f"field '{key}': {n} lone surrogate{'s' if n != 1 else ''} (not Unicode text) "
                            "replaced by U+FFFD")
        clean[key] = value
    for key in ("title", "url", "published"):
        if clean.get(key) is not None and not isinstance(clean[key], str):
            raise FormatError(f"field '{key}' must be a string, not {_kind(clean[key])}", source=source)
    rid = clean.get("id")
    if rid is not None and (isinstance(rid, bool) or not isinstance(rid, (str, int))):
        raise FormatError(f"field 'id' must be a string or an integer, not {_kind(rid)}", source=source)
    if clean.get("url"):
        check_url(clean["url"], source)  # type: ignore[arg-type]
    return clean, warnings


def article_from_record(rec: object, source: str, settings: Settings) -> Article:
    """One raw record (``text``, optional ``id``, ``title``, ``url``, ``published``) → input Article.

    Used for JSONL lines and the API's extract and ingest bodies, after ``check_record``; a warning
    (lone surrogates replaced) is kept in ``meta["warnings"]``.
    """
    rec, warnings = check_record(rec, source, settings)
    text = rec.get("text")
    if not isinstance(text, str):
        if text is None:
            raise FormatError("the object has no 'text' string", source=source,
                              hint='each line needs "text"; optional: id, title, url, published')
        raise FormatError(f"field 'text' must be a string, not {_kind(text)}", source=source,
                          hint='each line needs "text"; optional: id, title, url, published')
    if not text.strip():
        raise EmptyInputError("the text is empty", source=source)
    if len(text) > settings.max_input_bytes or len(text.encode("utf-8")) > settings.max_input_bytes:
        raise TooLargeError(f"text over the {settings.max_input_bytes / 1e6:.0f} MB limit", source=source)
    extra = {k: v for k, v in rec.items() if k not in RECORD_FIELDS}
    meta: dict[str, object] = {"format": "jsonl", **({"input": extra} if extra else {})}
    if warnings:
        meta["warnings"] = warnings
    rid = rec.get("id")
    return make_article(
        text,
        id=str(rid) if rid is not None else None,
        published=str(rec["published"]) if rec.get("published") else None,
        title=rec.get("title"),  # type: ignore[arg-type]
        url=rec.get("url") or None,  # type: ignore[arg-type]
        source=source,
        meta=meta,
    )


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON value (write null, or a number)")


def _finite(number: str) -> float:
    value = float(number)
    if not math.isfinite(value):
        raise ValueError(f"the number {number[:20]} is too large")
    return value


def line_article(line: str, source: str, settings: Settings) -> Article | Failure:
    """One JSONL line → an Article, or a Failure naming the line."""
    try:
        try:
            rec = json.loads(line, parse_constant=_no_constant, parse_float=_finite)
        except RecursionError:
            raise FormatError(f"the record is nested more than {settings.max_json_depth} levels deep", source=source,
                              hint="flatten it, or raise max_json_depth in the settings file") from None
        except ValueError as e:
            raise FormatError(f"invalid JSON: {e}", source=source, hint="one JSON object per line") from e
        return article_from_record(rec, source, settings)
    except DragomanError as e:
        return failure(e, source)


def _line_too_long(source: str, settings: Settings) -> Failure:
    limit = settings.max_jsonl_line_bytes
    return failure(TooLargeError(f"the line is over the {limit:,}-byte limit for one JSONL line (max_jsonl_line_bytes)",
                                 source=source,
                                 hint="split the article, or raise max_jsonl_line_bytes in the settings file"),
                   source)


def iter_jsonl(stream: Iterable[str], name: str, settings: Settings) -> Iterator[Article | Failure]:
    """JSONL lines already decoded (standard input, a text file recognised by content) → items."""
    limit = settings.max_jsonl_line_bytes
    for lineno, line in enumerate(stream, 1):
        if not line.strip():
            continue
        source = f"{name}:{lineno}"
        if lineno == 1:
            line = line.removeprefix("\ufeff")
        content = line.removesuffix("\n")
        if len(content) > limit or (4 * len(content) > limit and len(content.encode("utf-8", "surrogatepass")) > limit):
            yield _line_too_long(source, settings)
            continue
        yield line_article(line, source, settings)


def _ascii_lines(codec: str) -> bool:
    """Can lines of this encoding be split at the byte 0x0A (UTF-8, cp1252…, not UTF-16/32)?"""
    probe = '\n{}[]":, az09\r\t'
    try:
        return probe.encode(codec) == probe.encode("ascii")
    except UnicodeError:
        return False


def jsonl_lines(fh: IO[bytes], name: str, settings: Settings, encoding: str | None = None, *,
                first_line: int = 1, max_lines: int | None = None) -> Iterator[tuple[str, str | Failure]]:
    """``(source, text)`` for each non-blank line of a JSONL file, or ``(source, Failure)`` for a line
    that cannot be decoded or is over ``max_jsonl_line_bytes``: each line decoded on its own, so a bad
    byte loses only its line, and no line is ever held beyond the limit.

    ``first_line`` numbers the first line read (a partition starting mid-file); ``max_lines`` stops
    after that many lines (blank ones included).
    """
    codec = _codec(encoding or "utf-8", name)
    limit = settings.max_jsonl_line_bytes
    if not _ascii_lines(codec):
        yield from _wide_lines(fh, name, settings, codec, first_line, max_lines)
        return
    lineno = first_line - 1
    while max_lines is None or lineno - first_line + 1 < max_lines:
        raw = fh.readline(limit + 1)
        if not raw:
            return
        lineno += 1
        source = f"{name}:{lineno}"
        if len(raw) > limit and not raw.endswith(b"\n"):
            _skip_line(fh)
            yield source, _line_too_long(source, settings)
            continue
        if lineno == 1 and codec == "utf-8":
            raw = raw.removeprefix(codecs.BOM_UTF8)
        if not raw.strip():
            continue
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError as e:
            yield source, failure(EncodingError(
                f"not {encoding or 'UTF-8'}: byte 0x{raw[e.start]:02x} at column {e.start + 1}", source=source,
                hint="convert the file to UTF-8, or pass --encoding (for example --encoding cp1252)"), source)
            continue
        yield source, text.removeprefix("\ufeff") if lineno == 1 else text


def _skip_line(fh: IO[bytes]) -> None:
    """Read past the end of the current line, in bounded steps (the rest of a line too long to keep)."""
    seekable = fh.seekable()
    while block := (fh.read(1 << 20) if seekable else fh.readline(1 << 20)):
        end = block.find(b"\n")
        if end >= 0:
            if seekable:
                fh.seek(end + 1 - len(block), io.SEEK_CUR)
            return


def _wide_lines(fh: IO[bytes], name: str, settings: Settings, codec: str, first_line: int,
                max_lines: int | None) -> Iterator[tuple[str, str | Failure]]:
    """Lines of a UTF-16/32 file: decoded as a stream, so an undecodable byte ends the file (one failure)."""
    limit = settings.max_jsonl_line_bytes
    stream = io.TextIOWrapper(fh, encoding=codec, errors="strict", newline="\n")
    lineno = first_line - 1
    try:
        while max_lines is None or lineno - first_line + 1 < max_lines:
            source = f"{name}:{lineno + 1}"
            try:
                line = stream.readline(limit + 1)
            except UnicodeDecodeError as e:
                yield source, failure(EncodingError(f"not {codec} at or after this line: {e.reason}", source=source,
                                                    hint="the lines after it are not read; check --encoding"), source)
                return
            if not line:
                return
            lineno += 1
            if len(line) > limit and not line.endswith("\n"):
                while (rest := stream.readline(1 << 20)) and not rest.endswith("\n"):
                    pass
                yield source, _line_too_long(source, settings)
                continue
            if line.strip():
                yield source, line.removeprefix("\ufeff") if lineno == 1 else line
    finally:
        stream.detach()


def read_jsonl(fh: IO[bytes], name: str, settings: Settings, encoding: str | None = None,
               **where: int) -> Iterator[Article | Failure]:
    """A JSONL file, streamed line by line: one Article or one Failure per non-blank line."""
    try:
        for source, line in jsonl_lines(fh, name, settings, encoding, **where):
            yield line if isinstance(line, Failure) else line_article(line, source, settings)
    except DragomanError as e:
        yield failure(e, name)


# -- text --------------------------------------------------------------------------------------


def text_article(text: str, source: str, settings: Settings, published: str | None = None) -> Article:
    if not text.strip():
        raise EmptyInputError("the text is empty", source=source, hint="nothing to code")
    return make_article(text, published=published, source=source, published_source="user", meta={"format": "text"})


def read_text(data: bytes, source: str, settings: Settings, encoding: str | None = None) -> Iterator[Article | Failure]:
    """A text input's bytes → one article, or JSONL records when it starts with a JSON object."""
    text = decode(data, source, encoding)
    if looks_like_jsonl(text):
        yield from iter_jsonl(io.StringIO(text), source, settings)
        return
    yield text_article(text, source, settings)


def read_stdin(settings: Settings, encoding: str | None = None) -> Iterator[Article | Failure]:
    data = sys.stdin.buffer.read(settings.max_input_bytes + 1)
    try:
        if len(data) > settings.max_input_bytes:
            raise TooLargeError("standard input is over the size limit", source="stdin", hint="use a JSONL file")
        from dragoman.ingest.html import looks_like_html, page_article

        if looks_like_html(data[:4096].decode("utf-8", errors="replace")):
            yield page_article(data, "stdin", settings, charset=encoding)
            return
        yield from read_text(data, "stdin", settings, encoding)
    except DragomanError as e:
        yield failure(e, "stdin")


# -- folders -----------------------------------------------------------------------------------

_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"))


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def walk_entries(directory: Path,
                 follow_symlinks: bool = False) -> Iterator[tuple[Path, tuple[int, int] | SkippedError]]:
    """Every entry below a folder, in a stable order (a folder's entries sorted, its sub-folders after
    them; hidden ones left out): ``(path, (device, inode))`` for a regular file to read,
    ``(path, SkippedError)`` for one that is not read.

    Only regular files are read.  A symbolic link to a file is followed when it leads inside the
    folder, or anywhere with ``follow_symlinks``; a link to a folder only with ``follow_symlinks``
    and when that folder is outside (one inside is walked under its own name), each folder once.
    Devices, FIFOs, sockets, broken links and links leading outside are named as skipped.
    """
    root = os.path.realpath(directory)
    seen: set[tuple[int, int]] = set()  # the folders walked, by (device, inode): each once

    def skipped(path: Path, why: str, hint: str | None = None) -> tuple[Path, SkippedError]:
        return path, SkippedError(f"skipped: {why}", source=display_name(path), hint=hint)

    def is_dir(entry: os.DirEntry[str]) -> bool:
        try:
            return entry.is_dir()
        except OSError:
            return False

    def listing(folder: Path, st: os.stat_result) -> Iterator[Path] | None:
        if (st.st_dev, st.st_ino) in seen:
            return None  # reached again through a link
        seen.add((st.st_dev, st.st_ino))
        with os.scandir(folder) as it:
            entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
        # a folder's own entries first, then its sub-folders (and links to folders), as os.walk orders them
        return iter([folder / e.name for e in entries if not is_dir(e)]
                    + [folder / e.name for e in entries if is_dir(e)])

    stack: list[Iterator[Path]] = []  # one listing per open folder: no recursion, however deep the tree
    try:
        first = listing(Path(directory), os.stat(directory))
    except OSError as e:
        yield skipped(Path(directory), f"the folder cannot be read ({e.strerror or e})")
        return
    if first is not None:
        stack.append(first)
    while stack:
        path = next(stack[-1], None)
        if path is None:
            stack.pop()
            continue
        try:
            st = os.lstat(path)
        except OSError as e:
            yield skipped(path, f"cannot be read ({e.strerror or e})")
            continue
        if stat.S_ISLNK(st.st_mode):
            target = os.path.realpath(path)
            if not follow_symlinks and not _inside(target, root):
                where = f"a symbolic link to {display_name(target)}, outside the folder {display_name(directory)}"
                yield skipped(path, where, "pass --follow-symlinks (setting follow_symlinks) to read it")
                continue
            try:
                st = os.stat(path)
            except OSError:
                yield skipped(path, f"a broken symbolic link (to {display_name(target)})")
                continue
            if stat.S_ISDIR(st.st_mode) and _inside(target, root):
                continue  # a link to a folder of this folder: walked under its own name
        if stat.S_ISDIR(st.st_mode):
            try:
                inner = listing(path, st)
            except OSError as e:
                yield skipped(path, f"the folder cannot be read ({e.strerror or e})")
                continue
            if inner is not None:
                stack.append(inner)
        elif stat.S_ISREG(st.st_mode):
            yield path, (st.st_dev, st.st_ino)
        else:
            kind = next((k for test, k in _KINDS if test(st.st_mode)), "not a regular file")
            yield skipped(path, f"{kind}, not a regular file")


def walk(directory: Path, follow_symlinks: bool = False) -> list[Path]:
    """The regular files below a directory, in a stable order (see ``walk_entries``; skipped entries left out)."""
    return [p for p, found in walk_entries(directory, follow_symlinks) if not isinstance(found, SkippedError)]
