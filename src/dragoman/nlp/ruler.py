"""spaCy's attribute ruler, compiled: the model's own rules, applied by look-up instead of a Matcher.

``en_core_web_sm``'s ``attribute_ruler`` maps every fine-grained tag to its part of speech and
morphology and fixes a few dozen words ("wo" → "will", "gonna", "let's", "it" as subject or object…)
with 179 Matcher patterns.  spaCy runs its Matcher over every token of every text, which took about
a tenth of the whole model's time here (`python -m bench.stages CORPUS --components`) for what is, for a
token, a function of four values: its tag, its lower-case form, its dependency label and whether it
is a space.  ``CompiledRuler`` reads the same patterns from the loaded model, indexes them by those
values and remembers the outcome per distinct combination, so each combination is worked out once.

The result is the same as spaCy's: every matching rule is applied in the order it was added (a
later rule wins), multi-token patterns ("gon na") are matched on consecutive tokens, and the
attributes are written with ``Doc.from_array`` (the same struct fields ``set_token_attrs`` writes).
``tests/test_ruler.py`` checks POS, morphology, lemma, tag and dependency token by token against the
stock ruler.  A pattern this module does not understand (an operator such as ``OP``, an attribute
outside ``FEATURES``) makes ``compile_ruler`` refuse, and the model keeps spaCy's own ruler.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

log = logging.getLogger(__name__)

#: token attributes a compiled pattern may test (all of them readable with ``Doc.to_array``)
FEATURES = ("TAG", "LOWER", "ORTH", "NORM", "DEP", "POS", "IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT")
_INDEXED = ("TAG", "LOWER", "ORTH", "DEP")  # exact values worth a look-up table
_CACHE_LIMIT = 300_000


class Unsupported(ValueError):
    """A pattern the compiled ruler cannot reproduce exactly; spaCy's ruler is kept."""


class _Spec:
    """One token of a pattern: a list of checks over the token's feature tuple."""

    __slots__ = ("checks", "index")

    def __init__(self, checks: list[tuple[int, str, Any]], index: tuple[int, list[int]] | None):
        self.checks = checks
        self.index = index  # (feature position, exact values) when the spec can be looked up

    def test(self, key: tuple[int, ...], string: Callable[[int], str]) -> bool:
        for pos, kind, value in self.checks:
            v = key[pos]
            if kind == "eq":
                if v != value:
                    return False
            elif kind == "in":
                if v not in value:
                    return False
            elif kind == "not_in":
                if v in value:
                    return False
            elif not value.search(string(v)):  # regex
                return False
        return True


class CompiledRuler:
    """A drop-in for a loaded ``AttributeRuler``: same rules, same results, look-ups per token."""

    def __init__(self, ruler: Any):
        from spacy.attrs import IDS
        from spacy.strings import get_string_id

        self.name = getattr(ruler, "name", "attribute_ruler")
        self.vocab = ruler.vocab
        self._strings = ruler.vocab.strings
        used = sorted({k.upper() for rule in ruler.patterns for pat in rule["patterns"] for tok in pat for k in tok})
        unknown = [k for k in used if k not in FEATURES]
        if unknown:
            raise Unsupported(f"pattern attribute(s) {', '.join(unknown)}")
        self.features = used
        self._feature_ids = [IDS[f] for f in used]
        pos_of = {f: i for i, f in enumerate(used)}
        # what every rule writes: attribute id → value (as spaCy normalised it)
        self.rule_attrs: list[dict[int, int]] = [dict(a) for a in ruler.attrs]
        if any(not isinstance(k, int) for a in self.rule_attrs for k in a):
            raise Unsupported("extension attributes")
        self.written = sorted({k for a in self.rule_attrs for k in a})
        self._single: dict[tuple[int, int], list[int]] = {}  # (feature, value) → rule ids
        self._single_any: list[int] = []  # rules with no exact value to look up
        self._single_specs: dict[int, list[_Spec]] = {}
        self._multi: list[tuple[int, int, list[_Spec]]] = []  # (rule, target offset, specs)
        for rid, rule in enumerate(ruler.patterns):
            index = int(rule.get("index", 0))
            for pattern in rule["patterns"]:
                if not isinstance(pattern, list) or not pattern:
                    raise Unsupported(f"pattern {pattern!r}")
                specs = [self._spec(tok, pos_of, get_string_id) for tok in pattern]
                n = len(specs)
                if not -n <= index < n:
                    raise Unsupported(f"index {index} outside a pattern of {n} tokens")
                if n == 1:
                    self._single_specs.setdefault(rid, []).append(specs[0])
                    if specs[0].index is None:
                        self._single_any.append(rid)
                    else:
                        fpos, values = specs[0].index
                        for v in values:
                            self._single.setdefault((fpos, v), []).append(rid)
                else:
                    self._multi.append((rid, index % n, specs))
        self._single_any = sorted(set(self._single_any))
        self._cache: dict[tuple[int, ...], tuple[tuple[tuple[int, int], ...], tuple[int, ...], tuple[int, ...]]] = {}

    @staticmethod
    def _spec(tok: dict, pos_of: dict[str, int], sid: Callable[[str], int]) -> _Spec:
        checks: list[tuple[int, str, Any]] = []
        index: tuple[int, list[int]] | None = None

        def val(v: Any) -> int:
            if isinstance(v, bool):
                return int(v)
            if isinstance(v, str):
                return sid(v)
            if isinstance(v, int):
                return v
            raise Unsupported(f"value {v!r}")

        for key, value in tok.items():
            feat = key.upper()
            fpos = pos_of[feat]
            if isinstance(value, dict):
                if len(value) != 1:
                    raise Unsupported(f"{key}: {value!r}")
                (op, arg), = value.items()
                if op == "IN":
                    vals = [val(v) for v in arg]
                    checks.append((fpos, "in", frozenset(vals)))
                    if index is None and feat in _INDEXED:
                        index = (fpos, vals)
                elif op == "NOT_IN":
                    checks.append((fpos, "not_in", frozenset(val(v) for v in arg)))
                elif op == "REGEX":
                    checks.append((fpos, "regex", re.compile(arg)))
                else:
                    raise Unsupported(f"operator {op}")
            else:
                v = val(value)
                checks.append((fpos, "eq", v))
                if feat in _INDEXED and (index is None or len(index[1]) > 1):
                    index = (fpos, [v])
        return _Spec(checks, index)

    def _string(self, h: int) -> str:
        return self._strings[h] if h else ""

    def _lookup(self, key: tuple[int, ...]) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...], tuple[int, ...]]:
        """For one feature combination: the attributes its single-token rules write (later rules
        win), the ids of those rules, and the multi-token patterns whose first token it can be."""
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        cands = set(self._single_any)
        for fpos, v in enumerate(key):
            ids = self._single.get((fpos, v))
            if ids:
                cands.update(ids)
        s = self._string
        rids = tuple(sorted(r for r in cands if any(sp.test(key, s) for sp in self._single_specs[r])))
        out: dict[int, int] = {}
        for r in rids:
            out.update(self.rule_attrs[r])
        starts = tuple(i for i, (_, _, specs) in enumerate(self._multi) if specs[0].test(key, s))
        if len(self._cache) > _CACHE_LIMIT:
            self._cache.clear()
        hit = self._cache[key] = (tuple(out.items()), rids, starts)
        return hit

    def __call__(self, doc: Any) -> Any:
        n = len(doc)
        if not n:
            return doc
        import numpy

        keys = list(map(tuple, doc.to_array(self._feature_ids).reshape(n, -1).tolist()))
        looked = [self._lookup(k) for k in keys]
        written = self.written
        col = {a: i for i, a in enumerate(written)}
        rows = doc.to_array(written).reshape(n, -1).tolist()
        extra: dict[int, list[int]] = {}  # token → multi-token rules that write it
        s = self._string
        for i, (_, _, starts) in enumerate(looked):
            for m in starts:
                rid, offset, specs = self._multi[m]
                if i + len(specs) <= n and all(sp.test(keys[i + j], s) for j, sp in enumerate(specs[1:], 1)):
                    extra.setdefault(i + offset, []).append(rid)
        for i, (attrs, rids, _) in enumerate(looked):
            row = rows[i]
            if i in extra:
                out: dict[int, int] = {}
                for r in sorted(set(rids) | set(extra[i])):
                    out.update(self.rule_attrs[r])
                attrs = tuple(out.items())
            for a, v in attrs:
                row[col[a]] = v
        doc.from_array(written, numpy.array(rows, dtype="uint64"))
        return doc

    def pipe(self, stream: Iterable[Any], batch_size: int = 128) -> Iterator[Any]:
        for doc in stream:
            yield self(doc)


def compile_ruler(nlp: Any, name: str = "attribute_ruler") -> bool:
    """Put a ``CompiledRuler`` in place of the model's attribute ruler; False (and the stock
    ruler kept) when the model has none or uses a pattern it cannot reproduce."""
    if name not in nlp.pipe_names:
        return False
    try:
        compiled = CompiledRuler(nlp.get_pipe(name))
    except Unsupported as e:
        log.info("keeping spaCy's attribute ruler: %s", e)
        return False
    # same name, same place in the pipeline (spaCy's ``replace_pipe`` only builds from factories)
    i = [n for n, _ in nlp._components].index(name)
    nlp._components[i] = (name, compiled)
    return True
