"""The event filters as the API's query parameters: one FastAPI dependency made from ``dragoman.filters``.

Every read endpoint that filters events declares ``f: Annotated[Filters, Depends(filters)]``, so each
documents the same parameters (name, type, bounds and help, all from ``FILTERS``) and refuses the same
bad values with a 422.
"""

from __future__ import annotations

import dataclasses
import inspect
from typing import Annotated, Any

from fastapi import Query

from dragoman.errors import FormatError
from dragoman.filters import FILTERS, EventQuery, Filter, query_from


class Filters:
    """The validated filter parameters of one request → its ``EventQuery`` and the cache key they make."""

    def __init__(self, values: dict[str, Any]):
        since, until = values.get("since"), values.get("until")
        if since and until and since > until:
            raise FormatError(f"since {since} is after until {until}", source="since", hint="swap the two dates")
        self.query: EventQuery = query_from(values)
        self.key = dataclasses.astuple(self.query)  # the normalised filters, for the response cache


def _parameter(f: Filter) -> inspect.Parameter:
    """One filter as a keyword parameter FastAPI reads from the query string."""
    if f.kind is bool:
        annotation: Any = Annotated[bool, Query(description=f.help)]
        default: Any = False
    else:
        annotation = Annotated[f.kind | None, Query(max_length=f.max_length, ge=f.lo, le=f.hi, description=f.help)]
        default = None
    return inspect.Parameter(f.name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)


async def filters(**values: Any) -> Filters:
    """The request's ``Filters`` (an async dependency: FastAPI would run a plain class dependency in its
    thread pool, a hop per request that costs more than building the query does)."""
    return Filters(values)


# FastAPI reads a dependency's parameters from its signature: here, one per filter
filters.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
    [_parameter(f) for f in FILTERS], return_annotation=Filters)
