"""The import graph follows the layers: no stage imports a later stage, and nothing the pipeline runs
imports the store, the API, the CLI, the batch runner or the notebook façade.

Read from the source with ``ast`` (every ``import``, also those inside functions), so that a lazy
import against the layering is caught as well as one at the top of a module.
"""

from __future__ import annotations

import ast
from pathlib import Path

from dragoman.pipeline import POST_STAGES, PRE_STAGES

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "dragoman"

#: what every layer may use: the record, the errors, the settings, ids, record checks, date intervals
BASE = ("errors", "settings", "ids", "model", "validation", "period", "datafile")
#: what runs the stages or feeds them (above every stage, below what the user calls)
RUNNING = ("pipeline", "runner", "ingest")
#: what the user calls: never imported by the pipeline
OUTSIDE = ("store", "api", "cli", "scale", "api_public", "evaluation", "web", "__main__", "filters", "watch")


def stage_order() -> list[str]:
    """The stage packages in the order the pipeline runs them (the parser, ``nlp``, between the two)."""
    order: list[str] = []
    names = [s.factory for s in PRE_STAGES] + ["dragoman.nlp:Parser"] + [s.factory for s in POST_STAGES]
    for factory in names:
        part = factory.split(":")[0].split(".")[1]
        if part not in order:
            order.append(part)
    return order


def layer_of(part: str, stages: list[str]) -> tuple[int, str]:
    """The rank of a top-level module or package of dragoman (lower may not import higher) and its name."""
    if part in BASE:
        return 0, "the base layer"
    if part in stages:
        return 1 + stages.index(part), f"stage {stages.index(part) + 1} of {len(stages)} ({part})"
    if part in RUNNING:
        return 1 + len(stages), "the pipeline's runner and readers"
    if part in OUTSIDE:
        return 2 + len(stages), "the store, API, CLI and batch layer"
    raise AssertionError(f"dragoman.{part} is in no layer: add it to tests/test_layers.py")


def module_name(path: Path, package: Path) -> str:
    parts = ("dragoman",) + path.relative_to(package).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, package: Path) -> list[tuple[str, int]]:
    """The dragoman modules a file imports, with the line of each import."""
    name = module_name(path, package)
    here = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: list[tuple[str, int]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(a.name, node.lineno) for a in node.names if a.name.startswith("dragoman.")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here.split(".")[: len(here.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("dragoman."):
                out.append((target, node.lineno))
            elif target == "dragoman":  # "from dragoman import x": x may be a module
                out += [(f"dragoman.{a.name}", node.lineno) for a in node.names
                        if (package / a.name).is_dir() or (package / f"{a.name}.py").is_file()]
    return out


def edges_against_layers(package: Path = PACKAGE) -> list[str]:
    """Every import from a lower layer to a higher one, named with its module, line and layers."""
    stages = stage_order()
    bad = []
    for path in sorted(package.rglob("*.py")):
        if "data" in path.relative_to(package).parts:
            continue  # the scripts that build the data files
        src = module_name(path, package)
        if src == "dragoman":
            continue  # the package façade re-exports the notebook API
        src_rank, src_layer = layer_of(src.split(".")[1], stages)
        for target, line in imports(path, package):
            dst_rank, dst_layer = layer_of(target.split(".")[1], stages)
            if dst_rank > src_rank:
                bad.append(f"{src} (line {line}) imports {target}: {src_layer} may not use {dst_layer}")
    return bad


def test_stage_order_is_the_pipelines():
    # (the quotes package runs twice: its speech stage before the events, its linking stage last)
    assert stage_order() == ["text", "nlp", "actors", "quotes", "events", "when_where"]


def test_no_import_against_the_layers():
    bad = edges_against_layers()
    assert not bad, "imports against the layering:\n" + "\n".join(bad)


def test_the_check_names_an_edge_against_the_layers(tmp_path):
    """A stage importing a later stage is reported with both modules named."""
    pkg = tmp_path / "dragoman"
    (pkg / "actors").mkdir(parents=True)
    (pkg / "when_where").mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "actors" / "__init__.py").write_text("def f():\n    from dragoman.when_where import times\n")
    (pkg / "when_where" / "__init__.py").write_text("from dragoman.actors import make\n")
    assert edges_against_layers(pkg) == [
        "dragoman.actors (line 2) imports dragoman.when_where: stage 3 of 6 (actors) may not use stage 6 of 6 (when_where)"
    ]
