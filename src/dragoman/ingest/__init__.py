"""Sources → input ``Article`` records (or ``Failure`` records naming the input and the problem).

``read_inputs(["a.txt", "b.jsonl", "-", "https://…"], settings)`` recognises each input by
extension and content and yields articles lazily, so a batch of any size streams.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from dragoman.errors import DragomanError, InputError
from dragoman.ingest.files import failure, read_path, read_stdin, walk
from dragoman.model import Article, Failure
from dragoman.settings import Settings


def read_inputs(inputs: Iterable[str], settings: Settings | None = None, *, encoding: str | None = None) -> Iterator[Article | Failure]:
    settings = settings or Settings()
    for item in inputs:
        try:
            if item == "-":
                yield from read_stdin(settings, encoding)
                continue
            path = Path(item)
            if path.is_dir():
                for p in walk(path):
                    yield from read_path(p, settings, encoding)
                continue
            yield from read_path(path, settings, encoding)
        except DragomanError as e:
            yield failure(e, item)
        except OSError as e:
            yield failure(InputError(f"cannot read: {e}", source=item), item)
