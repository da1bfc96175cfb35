"""The event store (DuckDB): the only module that speaks SQL.

    from dragoman.store import Store, EventQuery
    with Store.open("dragoman.duckdb") as store:
        store.ingest(articles)
        rows, total = store.query_events(EventQuery(actor="NATO", since="2024-01-01"))
"""

from dragoman.errors import StoreError, StoreLockedError
from dragoman.filters import EventQuery
from dragoman.store.store import Store, sidecar_path

__all__ = ["EventQuery", "Store", "StoreError", "StoreLockedError", "sidecar_path"]
