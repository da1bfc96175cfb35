"""The event ontology as data: PLOVER's 16 types and CAMEO's codes with the 2021 crosswalk.

Everything here is read from ``events/data`` (``plover.yaml``, ``cameo.tsv``) once per process;
the functions answer "what PLOVER type, mode, contexts, quad class and score does this CAMEO code
carry", and accept the older PLOVER names (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT) as aliases.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from dragoman.datafile import read_yaml
from dragoman.errors import DragomanError

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True, slots=True)
class PloverType:
    name: str
    quad_class: int
    score: float
    cameo: str  # the default CAMEO code of the type
    modes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    plover: str | None  # None for CAMEO 01x/02x statements and appeals
    mode: str | None
    contexts: tuple[str, ...]

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True)
class Taxonomy:
    types: dict[str, PloverType]
    aliases: dict[str, tuple[str, str | None]]
    cameo: dict[str, CameoCode]
    contexts: tuple[str, ...]

    def normalise(self, name: str) -> tuple[str, str | None]:
        """A PLOVER type name (current or older draft) → (current type, implied mode)."""
        key = name.strip().upper()
        if key in self.types:
            return key, None
        if key in self.aliases:
            return self.aliases[key]
        raise DragomanError(
            f"unknown PLOVER event type '{name}'",
            hint="use one of " + ", ".join(self.types) + " (or DEMAND, DISAPPROVE, INVESTIGATE, FIGHT)",
        )

    def split_mode(self, ptype: str, mode: str | None, contexts: tuple[str, ...]) -> tuple[str | None, tuple[str, ...]]:
        """Keep ``mode`` only when it is one of ``ptype``'s PLOVER modes.  The published crosswalk puts
        a context in the mode column for a few codes (175: ``pro_autocracy``): that moves to the
        contexts; anything else is dropped."""
        t = self.types.get(ptype)
        if not mode or t is None or mode in t.modes:
            return mode or None, contexts
        if mode in self.contexts and mode not in contexts:
            return None, (*contexts, mode)
        return None, contexts

    def code(self, code: str) -> CameoCode | None:
        """The CAMEO code, or its nearest listed parent (``0213`` → ``021``)."""
        c = code
        while c:
            if c in self.cameo:
                return self.cameo[c]
            c = c[:-1] if len(c) > 3 else ""
        return None

    def plover_of(self, code: str) -> str | None:
        cc = self.code(code)
        return cc.plover if cc else None


class TaxonomyError(DragomanError):
    code = "taxonomy"


def _read_yaml(path: Path) -> dict:
    try:
        return read_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise TaxonomyError(f"cannot read {path.name}: {e}", source=str(path), hint="reinstall dragoman") from e


@lru_cache(maxsize=1)
def load() -> Taxonomy:
    """Read the taxonomy data files once."""
    data = _read_yaml(DATA / "plover.yaml")
    types = {
        name: PloverType(name, int(v["quad"]), float(v["score"]), str(v["cameo"]), tuple(v.get("modes") or ()))
        for name, v in data["types"].items()
    }
    aliases = {k: (v[0], v[1]) for k, v in data["aliases"].items()}
    cameo: dict[str, CameoCode] = {}
    path = DATA / "cameo.tsv"
    with open(path, encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        for row in rows:
            ctx = tuple(c.strip() for c in (row["contexts"] or "").split(";") if c.strip())
            cameo[row["code"]] = CameoCode(
                row["code"], row["name"], float(row["goldstein"]), row["plover"] or None, row["mode"] or None, ctx
            )
    for c in cameo.values():
        if c.plover and c.plover not in types:
            raise TaxonomyError(f"cameo.tsv: code {c.code} maps to unknown type {c.plover}", source=str(path))
    return Taxonomy(types, aliases, cameo, tuple(data.get("contexts") or ()))


def penta_class(cameo: str | None, quad: int | None = None) -> int:
    """CAMEO's penta class of a code: 0 statement/appeal, 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict."""
    if cameo and len(cameo) >= 2 and cameo[:2].isdigit():
        r = int(cameo[:2])
        if r <= 2:
            return 0
        if r <= 5:
            return 1
        if r <= 8:
            return 2
        if r <= 13 or r == 16:
            return 3
        return 4
    return quad or 0
