"""The documentation keeps up with the code: every command and every option is documented, every
linked page exists, and the README's Quick start is the two commands CI and users run."""

from __future__ import annotations

import re

import click
import pytest
from conftest import ROOT

from dragoman.cli import main

README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md"))}
BENCH = (ROOT / "bench" / "README.md").read_text(encoding="utf-8")
ALL_DOCS = "\n".join([README, BENCH, *DOCS.values()])


def _commands() -> dict[str, click.Command]:
    ctx = click.Context(main)
    return {name: main.get_command(ctx, name) for name in main.list_commands(ctx)}


def test_there_are_commands_to_document():
    assert {"extract", "ingest", "events", "serve", "batch", "eval", "demo"} <= set(_commands())


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_is_in_the_readme(name):
    assert re.search(rf"dragoman {name}\b", README), f"README.md never shows `dragoman {name}`"


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_option_is_documented(name):
    cmd = _commands()[name]
    missing = []
    for param in cmd.params:
        if not isinstance(param, click.Option) or param.hidden or "--help" in param.opts:
            continue
        longs = [o for o in param.opts + param.secondary_opts if o.startswith("--")]
        if not any(re.search(rf"`[^`]*{re.escape(o)}\b", ALL_DOCS) for o in longs):
            missing.append("/".join(longs))
    assert not missing, f"`dragoman {name}` options documented nowhere (README.md, docs/, bench/README.md): {missing}"


def test_quick_start_is_make_demo_and_make_test():
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", quick, re.DOTALL).group(1)
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.split("#")[0].strip()]
    assert commands == ["make demo", "make test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


def test_links_in_the_readme_resolve():
    targets = re.findall(r"\]\((?!https?://|#)([^)#\s]+)", README)
    assert targets, "the README links to its docs"
    broken = [t for t in targets if not (ROOT / t).exists()]
    assert not broken, f"README.md links to missing files: {broken}"


def test_the_dashboard_screenshot_is_shown():
    assert "docs/dashboard.png" in README
    png = (ROOT / "docs" / "dashboard.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 10_000
