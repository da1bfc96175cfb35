"""The trigger lexicon (``data/triggers.tsv``) and the refinement tables (``data/refine.yaml``).

Loaded and compiled once per process into a dict keyed by lemma, so the coder looks each token up
once instead of looping over the lexicon.  Each entry says which CAMEO code a trigger carries and
under which conditions on its dependents (particle, preposition, object, compound modifier).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from dragoman.datafile import read_yaml
from dragoman.events.taxonomy import DATA, Taxonomy, TaxonomyError
from dragoman.events.taxonomy import load as load_taxonomy

#: the type column's value for a pattern that is NOT an event (a statement: "declined to comment",
#: "expressed condolences", "rejected the accusation"); it blocks the token and what it governs
NONE = "NONE"

_POS = {"V": ("VERB", "AUX"), "N": ("NOUN", "PROPN"), "A": ("ADJ",), "*": ()}


#: the flags a trigger line may carry (described in triggers.tsv's header)
FLAGS = frozenset({"comp", "othercomp", "weak", "topic", "addressee", "hurts", "inner"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of the trigger lexicon."""

    lemma: str
    pos: tuple[str, ...]  # universal POS tags accepted (empty = any)
    prt: frozenset[str]
    prep: frozenset[str]
    obj: frozenset[str]
    cmp: frozenset[str]
    subj: frozenset[str]
    near: frozenset[str]
    noobj: bool
    nocomp: bool
    cameo: str
    type: str
    mode: str | None
    contexts: tuple[str, ...]
    flags: frozenset[str]
    line: int
    clause: bool = False  # needs a that-clause complement ("accepted that ...")
    noname: bool = False  # no object complement: "called the minister a liar" names, it is no call
    question: bool = False  # needs a question complement ("asked the lawyer what had happened")

    @property
    def rule(self) -> str:
        """The rule name events carry: type/lemma[-particle or preposition], then the lexicon line."""
        extra = "|".join(sorted(self.prt | self.prep))
        return f"{self.type.lower()}/{self.lemma}{('-' + extra) if extra else ''}#{self.line}"

    @property
    def is_noun(self) -> bool:
        return self.pos == _POS["N"]


@dataclass(frozen=True)
class Lexicon:
    by_lemma: dict[str, tuple[Entry, ...]]
    refine: dict[str, dict[str, str]]  # map name → {key: cameo}
    by_root: dict[str, str]  # governing CAMEO root → map name
    modes: dict[str, frozenset[str]]
    taxonomy: Taxonomy
    confidence: dict[str, float]  # the coder's confidence weights (refine.yaml ``confidence``)
    codes: dict[str, Any]  # CAMEO codes the coder gives by rule (refine.yaml ``codes``)
    #: a judged act's noun → the verbs that told it being done (refine.yaml ``doings``)
    doings: dict[str, frozenset[str]] = field(default_factory=dict)

    def refined(self, governor: str, governed: str, governed_type: str | None) -> str | None:
        """The CAMEO code for ``governor`` (a code) governing ``governed`` (a code), or None."""
        name = self.by_root.get(governor[:2])
        if not name:
            return None
        table = self.refine[name]
        return lookup(table, governed, governed_type)


def lookup(table: dict[str, str], code: str, ptype: str | None = None) -> str:
    for k in (code[:4], code[:3], code[:2]):
        if k in table:
            return table[k]
    if ptype and ptype in table:
        return table[ptype]
    return table["*"]


def _parse_pattern(text: str, line: int, path: Path) -> tuple[str, tuple[str, ...], dict[str, frozenset[str]], bool]:
    parts = text.split()
    lemma, _, pos = parts[0].partition(":")
    if pos not in _POS:
        raise TaxonomyError(f"line {line}: POS must be V, N, A or * in '{parts[0]}'", source=str(path))
    cons: dict[str, frozenset[str]] = {}
    noobj = False
    for p in parts[1:]:
        if p in ("noobj", "nocomp", "noname", "clause", "question"):
            cons[p] = frozenset({"1"})
            noobj = noobj or p == "noobj"
            continue
        key, eq, vals = p.partition("=")
        if not eq or key not in ("prt", "prep", "obj", "cmp", "subj", "near"):
            raise TaxonomyError(f"line {line}: unknown constraint '{p}'", source=str(path),
                                hint="use prt=, prep=, obj=, cmp=, subj=, near=, noobj, nocomp, noname, clause or question")
        cons[key] = frozenset(v.lower() for v in vals.split("|") if v)
    return lemma.lower(), _POS[pos], cons, noobj


def _parse_flags(text: str, line: int, path: Path) -> frozenset[str]:
    flags = frozenset(f.strip() for f in text.split(",") if f.strip())
    if flags - FLAGS:
        raise TaxonomyError(f"line {line}: unknown flag(s) {', '.join(sorted(flags - FLAGS))}", source=str(path),
                            hint="flags are: " + ", ".join(sorted(FLAGS)) + " (see the file's header)")
    return flags


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """Compile the trigger lexicon once."""
    tax = load_taxonomy()
    path = DATA / "triggers.tsv"
    by: dict[str, list[Entry]] = {}
    header_seen = False
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cols = raw.split("\t")
        if not header_seen:
            header_seen = True
            if cols[0] == "pattern":
                continue
        cols += [""] * (6 - len(cols))
        pattern, cameo, typ, mode, ctx, flags = (c.strip() for c in cols[:6])
        lemma, pos, cons, noobj = _parse_pattern(pattern, n, path)
        cc = tax.code(cameo)
        if cc is None:
            raise TaxonomyError(f"line {n}: unknown CAMEO code {cameo}", source=str(path))
        ptype = typ or cc.plover
        if not ptype:
            raise TaxonomyError(f"line {n}: CAMEO {cameo} has no PLOVER type; name one in the type column", source=str(path))
        alias_mode = None
        if ptype != NONE:
            ptype, alias_mode = tax.normalise(ptype)
            if mode and mode not in tax.types[ptype].modes:
                raise TaxonomyError(f"line {n}: '{mode}' is not a mode of {ptype}", source=str(path),
                                    hint=f"use one of: {', '.join(tax.types[ptype].modes) or '(none: leave the column empty)'}")
        for c in (c for c in ctx.split(";") if c):
            if c not in tax.contexts:
                raise TaxonomyError(f"line {n}: unknown context '{c}'", source=str(path),
                                    hint="contexts are listed in plover.yaml; flags (weak, comp, topic) go in the last column")
        flag_set = _parse_flags(flags, n, path)
        entry = Entry(
            lemma=lemma,
            pos=pos,
            prt=cons.get("prt", frozenset()),
            prep=cons.get("prep", frozenset()),
            obj=cons.get("obj", frozenset()),
            cmp=cons.get("cmp", frozenset()),
            subj=cons.get("subj", frozenset()),
            near=cons.get("near", frozenset()),
            noobj=noobj,
            nocomp="nocomp" in cons,
            noname="noname" in cons,
            clause="clause" in cons,
            question="question" in cons,
            cameo=cameo,
            type=ptype,
            mode=mode or alias_mode or cc.mode,
            contexts=tuple(c for c in ctx.split(";") if c) or cc.contexts,
            flags=flag_set,
            line=n,
        )
        by.setdefault(lemma, []).append(entry)
    # lines with conditions are tried before a lemma's unconditional lines (stable otherwise)
    for lemma, entries in by.items():
        entries.sort(key=lambda e: -(bool(e.prt) + bool(e.prep) + bool(e.obj) + bool(e.cmp) + bool(e.subj) + bool(e.near)
                                    + e.noobj + e.nocomp + e.clause + e.question))
    ref = read_yaml((DATA / "refine.yaml").read_text(encoding="utf-8"))
    tables: dict[str, dict[str, str]] = {}
    for name in ("intent_cooperate", "intent_conflict", "reject", "demand", "appeal", "accuse"):
        tables[name] = {str(k): str(v) for k, v in ref[name].items()}
    tables["threaten"] = tables[ref["threaten"]]
    doings = {str(k): frozenset(str(v).split()) for k, v in ref["doings"].items()}
    modes = {k: frozenset(str(x).lower() for x in v) for k, v in ref["modes"].items()}
    weights = {str(k): float(v) for k, v in ref["confidence"].items()}
    codes = {str(k): (tuple(str(x) for x in v) if isinstance(v, list) else str(v)) for k, v in ref["codes"].items()}
    return Lexicon({k: tuple(v) for k, v in by.items()}, tables, {str(k): v for k, v in ref["by_root"].items()}, modes, tax,
                   weights, codes, doings)
