"""One exception tree. Every message says what was wrong and how to fix it.

The CLI prints ``str(error)`` on one line; the API turns errors into ``{"error", "detail"}``
bodies.  Code inside dragoman raises these, never bare ``Exception``/``ValueError`` at an edge.
"""

from __future__ import annotations


class DragomanError(Exception):
    """Base of every error dragoman raises on purpose."""

    #: short machine-readable kind, used as the API's ``error`` field and in failure records
    code = "error"

    def __init__(self, message: str, *, source: str | None = None, hint: str | None = None):
        self.message = message
        self.source = source  # the input (path, URL, "stdin:3") the error is about
        self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        text = f"{self.source}: {self.message}" if self.source else self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class ConfigError(DragomanError):
    code = "config"


class ModelError(DragomanError):
    """The spaCy model is missing or broken."""

    code = "model"


class InputError(DragomanError):
    """An input could not be read or understood. The rest of the batch goes on."""

    code = "input"


class EncodingError(InputError):
    code = "encoding"


class TooLargeError(InputError):
    code = "too_large"


class EmptyInputError(InputError):
    code = "empty"


class SkippedError(InputError):
    """An entry of a walked folder that is not read: a device, FIFO or socket, or a link leading outside."""

    code = "skipped"


class FormatError(InputError):
    """Malformed JSONL, HTML, feed, WARC record..."""

    code = "format"


class LanguageError(InputError):
    """The article is not in a language dragoman codes."""

    code = "language"


class FetchError(InputError):
    """A URL could not be fetched (timeout, status, size, content type, robots.txt)."""

    code = "fetch"


class BlockedAddressError(FetchError):
    """The URL resolves to a private, loopback, link-local, multicast or reserved address."""

    code = "blocked_address"


class RobotsError(FetchError):
    code = "robots"


class StageError(DragomanError):
    """A pipeline stage failed on an article: names the stage and the article."""

    code = "stage"

    def __init__(self, stage: str, article_id: str, cause: BaseException):
        self.stage = stage
        self.article_id = article_id
        self.cause = cause
        super().__init__(
            f"stage '{stage}' failed: {type(cause).__name__}: {cause}",
            source=article_id,
            hint="this is a bug in dragoman; please report it with the input",
        )


class StoreError(DragomanError):
    code = "store"


class StoreLockedError(StoreError):
    code = "store_locked"


class StoreCorruptError(StoreError):
    """The store file is truncated or damaged: restore it from a copy, or ingest the inputs again."""

    code = "store_corrupt"


class NotFoundError(DragomanError):
    code = "not_found"


class EvalError(DragomanError):
    code = "eval"
