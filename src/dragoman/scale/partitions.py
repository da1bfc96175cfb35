"""Split batch inputs into partitions, deterministically: by file and line range.

A JSONL file is cut every ``size`` lines (the byte offset of each cut is recorded so a worker
seeks straight to its lines instead of reading the file from the top); a WARC file is one
partition (its records are streamed); other files (text, HTML, feeds) are grouped ``size`` files
to a partition.  The same inputs always give the same partitions with the same ids, which is what
lets a killed batch resume: a partition id is a digest of the file name, its size and the range.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from dragoman.errors import InputError
from dragoman.ids import digest
from dragoman.ingest.files import JSONL_EXTENSIONS, walk
from dragoman.model import Article, Failure
from dragoman.settings import Settings

#: default lines (JSONL) or files (text, HTML) per partition
DEFAULT_SIZE = 1000


@dataclass(frozen=True)
class Partition:
    """One unit of work: a line range of one JSONL file, one WARC file, or a group of files."""

    index: int
    id: str
    kind: str  # "lines" | "warc" | "files"
    paths: tuple[str, ...]  # the names as the user gave them (sources are named after them)
    start_line: int = 0  # "lines": 0-based, end exclusive
    end_line: int = 0
    byte_start: int = 0  # "lines": where start_line begins

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["paths"] = list(self.paths)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Partition:
        return cls(**{**d, "paths": tuple(d["paths"])})


def _is_warc(path: Path) -> bool:
    from dragoman.ingest.warc import is_warc_name

    return is_warc_name(path)


def expand(inputs: Iterable[str]) -> list[str]:
    """Input names → file names (directories walked in a stable order). URLs and ``-`` are refused."""
    out: list[str] = []
    for item in inputs:
        if item == "-" or "://" in item[:16]:
            raise InputError(
                "batch reads files, not standard input or URLs",
                source=item,
                hint="save the input to a JSONL or WARC file (or use `dragoman extract` for a few URLs)",
            )
        p = Path(item)
        if p.is_dir():
            out += [str(f) for f in walk(p)]
        elif p.is_file():
            out.append(item)
        else:
            raise InputError("no such file or directory", source=item, hint="check the path")
    return out


def _line_cuts(path: Path, size: int) -> Iterator[tuple[int, int, int]]:
    """(start_line, end_line, byte_start) every ``size`` lines of a file, read once in binary."""
    start_line = 0
    byte_start = 0
    n = 0
    pos = 0
    ended = True
    with open(path, "rb") as fh:
        # read in bounded pieces: one endless line is never held whole (the reader reports it)
        while piece := fh.readline(1 << 20):
            pos += len(piece)
            ended = piece.endswith(b"\n")
            if not ended:
                continue
            n += 1
            if n - start_line == size:
                yield start_line, n, byte_start
                start_line, byte_start = n, pos
    if not ended:
        n += 1  # the last line, without a newline
    if n > start_line:
        yield start_line, n, byte_start


def plan(inputs: Iterable[str], size: int = DEFAULT_SIZE) -> list[Partition]:
    """The partitions of ``inputs``, in input order."""
    if size < 1:
        raise InputError("the partition size must be at least 1", hint="pass --partition-size 1000")
    parts: list[Partition] = []
    group: list[str] = []

    def add(kind: str, paths: tuple[str, ...], *rng: int) -> None:
        sig = [(p, os.path.getsize(p)) for p in paths]
        pid = digest(kind, sig, *rng, length=12)
        parts.append(Partition(len(parts), pid, kind, paths, *rng))

    def flush() -> None:
        if group:
            add("files", tuple(group))
            group.clear()

    for name in expand(inputs):
        path = Path(name)
        if _is_warc(path):
            flush()
            add("warc", (name,))
        elif path.suffix.lower() in JSONL_EXTENSIONS:
            flush()
            for s, e, b in _line_cuts(path, size):
                add("lines", (name,), s, e, b)
        else:
            group.append(name)
            if len(group) >= size:
                flush()
    flush()
    return parts


def read_partition(part: Partition, settings: Settings) -> Iterator[Article | Failure]:
    """Stream the input articles (and input failures) of one partition, as ``extract`` reads them."""
    from dragoman.ingest import read_inputs

    if part.kind != "lines":
        yield from read_inputs(list(part.paths), settings)
        return
    yield from _read_lines(part, settings)


def _read_lines(part: Partition, settings: Settings) -> Iterator[Article | Failure]:
    from dragoman.ingest.files import failure, read_jsonl

    name = part.paths[0]
    try:
        fh = open(name, "rb")  # noqa: SIM115 - closed by the with below
    except OSError as e:
        yield failure(InputError(f"cannot read: {e.strerror or e}", source=name, hint="check the path"), name)
        return
    with fh:
        fh.seek(part.byte_start)
        # line numbers (and so the sources "file.jsonl:LINE") are those ``extract`` gives; each line
        # is decoded on its own and bounded, as ``extract`` reads it
        yield from read_jsonl(fh, name, settings, first_line=part.start_line + 1,
                              max_lines=part.end_line - part.start_line)
