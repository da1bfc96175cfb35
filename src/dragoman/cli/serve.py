"""``dragoman serve``: the web API and the dashboard over a store."""

from __future__ import annotations

import os
import stat

import click

from dragoman.cli.options import clean_errors


@click.command()
@click.option("--db", type=click.Path(dir_okay=False), default=None,
              help="The DuckDB store to serve [default: $DRAGOMAN_DB or dragoman.duckdb]. Created when missing.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 exposes the server to your network; add the name it is reached "
                   "by with --allow-host).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port (0: a free one).")
@click.option("--token-file", type=click.Path(dir_okay=False), default=None,
              help="A file holding the bearer token that POST /api/ingest requires (readable by you alone).")
@click.option("--token", default=None,
              help="The bearer token itself. Visible to every user of this machine in `ps` and /proc: prefer "
                   "--token-file or $DRAGOMAN_API_TOKEN (the default). Without a token, writes are off.")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="A host name the server answers to besides localhost, 127.0.0.1, ::1 and --host (repeatable; "
                   "'*' for any). Requests naming another Host get 421: this stops DNS rebinding.")
@click.option("--max-body", type=click.IntRange(min=1), default=10_000_000, show_default=True,
              help="Largest request body in bytes (larger: 413). POST /api/extract has its own, smaller limit "
                   "([api] extract_max_bytes, 100 kB).")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]), default="info",
              show_default=True, help="Server log detail (info logs each request).")
@click.option("--settings", "settings_file", type=click.Path(dir_okay=False),
              help="A TOML settings file for extraction, ingest and the server's limits ([api] table).")
@click.option("--watch", "watch_file", type=click.Path(dir_okay=False),
              help="Also watch the feeds of this YAML file (as `dragoman watch --feeds`), in the server: its store "
                   "is the server's, GET /api/watch and the dashboard show it live.")
@click.option("--rules", "rules_file", type=click.Path(dir_okay=False),
              help="With --watch: the watch rules (YAML) to fire.")
@clean_errors
def serve(db: str | None, host: str, port: int, token_file: str | None, token: str | None, allow_hosts: tuple[str, ...],
          max_body: int, log_level: str, settings_file: str | None, watch_file: str | None,
          rules_file: str | None) -> None:
    """Serve the dashboard at / and the JSON API at /api (its OpenAPI schema at /openapi.json).

    While it runs, this server owns the store: write to it with POST /api/ingest (bearer token from
    $DRAGOMAN_API_TOKEN, --token-file or --token), not with `dragoman ingest`. The spaCy model is
    loaded on the first ingest request; POST /api/extract codes in a worker process of its own.
    """
    from dragoman.api.auth import TOKEN_ENV, read_token_file
    from dragoman.api.server import host_names
    from dragoman.api.server import serve as run
    from dragoman.errors import ConfigError
    from dragoman.settings import Settings

    if token is not None and token_file is not None:
        raise ConfigError("give the token once: --token or --token-file, not both", source="--token-file")
    if token_file is not None:
        token = read_token_file(token_file)
        if os.stat(token_file).st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            click.echo(f"warning: {token_file} can be read by other users (chmod 600 {token_file})", err=True)
    settings = Settings.load(settings_file)
    path = db or settings.db
    watch = None
    if rules_file and not watch_file:
        raise click.UsageError("--rules needs --watch FEEDS.yaml")
    if watch_file:
        from dragoman.watch import load_feeds, load_rules

        watch = (load_feeds(watch_file), load_rules(rules_file) if rules_file else [])
    writes = token or os.environ.get(TOKEN_ENV)
    names = ["localhost", "127.0.0.1", "::1", *host_names(host, settings, allow_hosts)]

    def ready(url: str) -> None:
        click.echo(f"dragoman serving {path} at {url}/  (API schema {url}/openapi.json)", err=True)
        click.echo("writes: POST /api/ingest with the bearer token" if writes
                   else f"writes are off (give --token-file or set ${TOKEN_ENV} to enable POST /api/ingest)", err=True)
        if watch is not None:
            click.echo(f"watching {len(watch[0])} feeds with {len(watch[1])} rules (GET /api/watch)", err=True)
        if "*" in names:
            click.echo("host names: any (--allow-host '*': no protection against DNS rebinding)", err=True)
        elif host not in ("127.0.0.1", "localhost", "::1") or allow_hosts:
            click.echo(f"host names served: {', '.join(dict.fromkeys(names))} (add one with --allow-host NAME)", err=True)

    run(path, host=host, port=port, token=token, max_body=max_body, settings=settings, log_level=log_level, ready=ready,
        allow_hosts=allow_hosts, watch=watch)


COMMANDS = [serve]
