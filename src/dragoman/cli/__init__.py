"""The ``dragoman`` command: thin commands over library functions.

Each command lives in a module of this package that exports ``COMMANDS``; errors from the
``DragomanError`` tree are printed as one clean line, never a traceback.
"""

from __future__ import annotations

import importlib

import click

from dragoman import __version__

COMMAND_MODULES = ("extract", "evaluate", "demo", "store", "serve", "batch", "watch")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="dragoman")
def main() -> None:
    """dragoman: political event data from news text, every record tied to its evidence."""


for _name in COMMAND_MODULES:
    for _cmd in importlib.import_module(f"dragoman.cli.{_name}").COMMANDS:
        main.add_command(_cmd)
