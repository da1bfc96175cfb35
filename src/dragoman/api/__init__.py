"""The web API (FastAPI) over the store, and the server that runs it with the dashboard.

    from dragoman.api import create_app, serve
    serve("dragoman.duckdb", port=8000, token="s3cret")      # what `dragoman serve` runs

Modules: ``app`` (routes), ``filters`` (the event filters as query parameters), ``responses`` (JSON
bodies, cached reads), ``errors`` (DragomanError → JSON + status), ``auth`` (bearer token),
``limits`` (body and page sizes), ``access`` (the store: readers and one writer), ``cache`` (the
response cache), ``extraction`` (request bodies → coded articles, spaCy loaded lazily), ``worker``
(the extract worker: POST /api/extract in a process of its own, with a time limit), ``hosts`` (the
Host allow-list), ``headers`` (CSP and the other security headers), ``server`` (uvicorn, the sidecar file).
"""

from dragoman.api.app import create_app
from dragoman.api.limits import Limits
from dragoman.api.server import ServerThread, serve

__all__ = ["Limits", "ServerThread", "create_app", "serve"]
