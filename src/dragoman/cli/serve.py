"""``dragoman serve``: the web API and the dashboard over a store."""

from __future__ import annotations

import os

import click

from dragoman.cli.options import clean_errors


@click.command()
@click.option("--db", type=click.Path(dir_okay=False), default=None,
              help="The DuckDB store to serve [default: $DRAGOMAN_DB or dragoman.duckdb]. Created when missing.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 exposes the server to your network).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port (0: a free one).")
@click.option("--token", default=None,
              help="Bearer token that POST /api/ingest requires [default: $DRAGOMAN_API_TOKEN]; without one, writes are off.")
@click.option("--max-body", type=click.IntRange(min=1), default=10_000_000, show_default=True,
              help="Largest request body in bytes (larger: 413).")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]), default="info",
              show_default=True, help="Server log detail (info logs each request).")
@click.option("--settings", "settings_file", type=click.Path(dir_okay=False),
              help="A TOML settings file for extraction and ingest.")
@clean_errors
def serve(db: str | None, host: str, port: int, token: str | None, max_body: int, log_level: str,
          settings_file: str | None) -> None:
    """Serve the dashboard at / and the JSON API at /api (its OpenAPI schema at /openapi.json).

    While it runs, this server owns the store: write to it with POST /api/ingest (bearer token),
    not with `dragoman ingest`. The spaCy model is loaded on the first extract or ingest request.
    """
    from dragoman.api.auth import TOKEN_ENV
    from dragoman.api.server import serve as run
    from dragoman.settings import Settings

    settings = Settings.load(settings_file)
    path = db or settings.db
    writes = token or os.environ.get(TOKEN_ENV)

    def ready(url: str) -> None:
        click.echo(f"dragoman serving {path} at {url}/  (API schema {url}/openapi.json)", err=True)
        click.echo("writes: POST /api/ingest with the bearer token" if writes
                   else f"writes are off (give --token or set ${TOKEN_ENV} to enable POST /api/ingest)", err=True)

    run(path, host=host, port=port, token=token, max_body=max_body, settings=settings, log_level=log_level, ready=ready)


COMMANDS = [serve]
