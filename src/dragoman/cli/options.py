"""Shared option decorators and output helpers (sqlite-utils habit)."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import click

from dragoman.errors import DragomanError
from dragoman.settings import Settings


def settings_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    fn = click.option("--settings", "settings_file", type=click.Path(dir_okay=False), help="A TOML settings file; it overrides only what it sets.")(fn)
    fn = click.option("--actors", "actors_file", type=click.Path(dir_okay=False), help="Your actor dictionary (YAML or CSV): overrides the built-in lexicons.")(fn)
    return fn


def filter_options(actor: bool = True) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The event filters (``dragoman.filters.FILTERS``) as options, ``--actor`` first; the command
    gets each as a keyword named like the filter (``min_confidence``): ``query_from(kwargs)`` reads them.
    ``actor=False``: no ``--actor`` (the command takes the actor as an argument)."""
    from dragoman.filters import FILTERS

    def deco(fn: Callable[..., Any]) -> Callable[..., Any]:
        for f in reversed(FILTERS):  # the last option applied is listed first
            if f.name != "actor" or actor:
                fn = _filter_option(f)(fn)
        return fn

    return deco


def _filter_option(f: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """One filter as a click option: a flag, a number in its range, or a text (a day is text the store checks)."""
    if f.kind is bool:
        return click.option(f.option, f.name, is_flag=True, help=f.help)
    if f.kind is int:
        return click.option(f.option, f.name, type=click.IntRange(f.lo, f.hi), help=f.help)
    if f.kind is float:
        return click.option(f.option, f.name, type=click.FloatRange(f.lo, f.hi), help=f.help)
    return click.option(f.option, f.name, help=f.help)


def processes_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--processes N``: it overrides the ``n_process`` setting (by default 1)."""
    return click.option(
        "--processes", "-p", type=click.IntRange(min=1), default=None,
        help="Worker processes, each with its own model (default: the n_process setting, 1).")(fn)


def follow_symlinks_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--follow-symlinks", is_flag=True,
        help="In folders, also read symbolic links that lead outside the folder (never devices or FIFOs).")(fn)


def warn(items: Iterable[Any]) -> Iterator[Any]:
    """Pass input articles on, printing the warnings a reader left in their meta (one line each) on stderr."""
    for item in items:
        meta = getattr(item, "meta", None) or {}
        for w in meta.get("warnings", ()):
            click.echo(f"warning: {one_line(str(meta.get('source') or item.id))}: {one_line(str(w))}", err=True)
        yield item


def load_settings(settings_file: str | None, **overrides: Any) -> Settings:
    return Settings.load(settings_file, **overrides)


def clean_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a DragomanError into one line on stderr and exit code 1 (or 2 for usage-like errors)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except DragomanError as e:
            click.echo(f"error: {e}", err=True)
            sys.exit(1)

    return wrapper


def dump_json(obj: Any, pretty: bool = False) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None, default=str)


def one_line(text: str) -> str:
    """A name or message as one line of the terminal's report: line breaks and other control characters
    written as escapes (a file named "a\nerror: b" must not print a second, forged "error:" line)."""
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)
