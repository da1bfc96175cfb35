"""Request bodies of the API, as pydantic models (they make the OpenAPI schema), and the sort keys.

The event filters, the query parameters of the read endpoints, are made in ``dragoman.api.filters``
from their one definition (``dragoman.filters``).  Response bodies are plain JSON built from the
store's rows and the article record of DESIGN.md; their shapes are documented in ``docs/api.md``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from dragoman.store.query import SORTS

#: the columns GET /api/events may sort by: exactly the store's (``dragoman events --sort``), so the schema
#: never lets through a key the store refuses, nor refuses one it takes
SORT_KEYS = tuple(SORTS)
SortKey = Literal[SORT_KEYS]  # type: ignore[valid-type]
Order = Literal["asc", "desc"]


class ArticleIn(BaseModel):
    """One article: the fields of a JSONL input line.  ``text`` (plain text or an HTML page) or
    ``html``; or only ``url`` to have the server fetch the page (ingest only)."""

    model_config = ConfigDict(extra="allow", json_schema_extra={
        "examples": [{"text": "KABUL - The Afghan government and the Taliban resumed talks in Doha on Monday.",
                      "title": "Talks resume", "published": "2020-10-27", "id": "my-article-1"}]})

    text: str | None = Field(None, description="The article text (or a whole HTML page).")
    html: str | None = Field(None, description="An HTML page; its story is extracted first.")
    id: str | None = Field(None, max_length=500, description="Your id for the article; kept as the record's id.")
    title: str | None = Field(None, max_length=2000)
    url: str | None = Field(None, max_length=4000, description="The article's address; alone, the page to fetch.")
    published: str | None = Field(None, max_length=100, description="Publication date, YYYY-MM-DD or ISO date-time.")


class ExtractIn(ArticleIn):
    """``POST /api/extract``: one article, coded and returned, nothing stored."""
