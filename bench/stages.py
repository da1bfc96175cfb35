"""Where the time goes: each stage of the pipeline timed on its own, in one process.

    python -m bench.stages bench/out/corpus.jsonl --limit 100 [--cprofile]

Reading, the stages before the parse, spaCy itself (``nlp.pipe`` over the paragraphs), turning
spaCy's docs into plain data, each stage after the parse, and writing the JSON record are timed
separately on the same articles; ``--cprofile`` adds the functions that cost most in the stages
after the parse (cProfile, stdlib).  ``--components`` times spaCy's components one by one on the
same paragraphs, for the model as spaCy loads it and as dragoman runs it (compiled attribute ruler).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import time
from itertools import islice
from typing import Any


def profile(corpus: str, limit: int = 100, batch: int = 16, cprofile: bool = False, sort: str = "tottime") -> dict[str, Any]:
    """Time every stage, under the garbage-collector settings of a real run (``runner.coding_gc``)."""
    import gc

    from dragoman.runner import coding_gc

    with coding_gc():
        try:
            return _profile(corpus, limit, batch, cprofile, sort)
        finally:
            gc.unfreeze()


def _profile(corpus: str, limit: int, batch: int, cprofile: bool, sort: str) -> dict[str, Any]:
    import gc

    from dragoman.ingest import read_inputs
    from dragoman.model import Article
    from dragoman.nlp.parser import _convert
    from dragoman.pipeline import Pipeline
    from dragoman.settings import Settings

    settings = Settings()
    t = time.perf_counter()
    pipe = Pipeline(settings)
    load_s = time.perf_counter() - t
    gc.freeze()  # as the runner does once the pipeline is loaded
    secs: dict[str, float] = {"read": 0.0}
    for name, _ in pipe.pre:
        secs[name] = 0.0
    secs["nlp.spacy"] = secs["nlp.convert"] = 0.0
    for name, _ in pipe.post:
        secs[name] = 0.0
    secs["output"] = 0.0
    prof = cProfile.Profile() if cprofile else None
    words = n = 0
    t = time.perf_counter()
    items = [x for x in islice(read_inputs([corpus], settings), limit) if isinstance(x, Article)]
    secs["read"] += time.perf_counter() - t
    for b in range(0, len(items), batch):
        arts = items[b : b + batch]
        for name, fn in pipe.pre:
            t = time.perf_counter()
            arts = [fn(a) for a in arts]
            secs[name] += time.perf_counter() - t
        t = time.perf_counter()
        docs: list[list[tuple[int, int, Any, bool]]] = [[] for _ in arts]
        for doc, (ai, off, para, apart) in pipe.parser.nlp.pipe(pipe.parser.inputs(arts), as_tuples=True,
                                                               batch_size=settings.batch_size):
            docs[ai].append((off, para, doc, apart))
        secs["nlp.spacy"] += time.perf_counter() - t
        t = time.perf_counter()
        arts = [_convert(a, d, pipe.parser._strings) for a, d in zip(arts, docs)]
        secs["nlp.convert"] += time.perf_counter() - t
        for name, fn in pipe.post:
            t = time.perf_counter()
            if prof:
                prof.enable()
            arts = [fn(a) for a in arts]
            if prof:
                prof.disable()
            secs[name] += time.perf_counter() - t
        t = time.perf_counter()
        for a in arts:
            json.dumps(a.to_dict(), ensure_ascii=False)
        secs["output"] += time.perf_counter() - t
        n += len(arts)
        words += sum(len(a.text.split()) for a in arts)
    total = sum(secs.values())
    out: dict[str, Any] = {
        "articles": n,
        "words": words,
        "model_and_lexicons_load_s": round(load_s, 2),
        "seconds": {k: round(v, 3) for k, v in secs.items()},
        "share": {k: round(v / total, 3) for k, v in secs.items()} if total else {},
        "post_nlp_vs_spacy": round(sum(secs[k] for k, _ in pipe.post) / secs["nlp.spacy"], 3) if secs["nlp.spacy"] else None,
    }
    if prof:
        s = io.StringIO()
        pstats.Stats(prof, stream=s).sort_stats(sort).print_stats(30)
        out["cprofile"] = s.getvalue()
    return out


def components(corpus: str, limit: int = 100, batch_size: int = 64) -> dict[str, dict[str, float]]:
    """Seconds (CPU time) per spaCy component over the corpus's paragraphs, stock and compiled."""
    from dragoman.ingest import read_inputs
    from dragoman.model import Article
    from dragoman.nlp.parser import load_model, paragraphs
    from dragoman.settings import Settings
    from dragoman.text.chrome import NOT_PARSED, spans_of

    settings = Settings()
    texts: list[str] = []
    for art in islice(read_inputs([corpus], settings), limit):
        if isinstance(art, Article):
            skip = spans_of(art.chrome, NOT_PARSED)
            texts += [art.text[s:e] for s, e in paragraphs(art.text, skip)]
    out: dict[str, dict[str, float]] = {}
    for label, compiled in (("spacy", False), ("dragoman", True)):
        nlp = load_model(settings.model, compiled=compiled)
        list(nlp.pipe(texts[:20]))  # warm up
        t = time.process_time()
        docs = [nlp.make_doc(x) for x in texts]
        secs = {"tokenizer": time.process_time() - t}
        for name, proc in nlp.pipeline:
            t = time.process_time()
            docs = list(proc.pipe(docs, batch_size=batch_size))
            secs[name] = time.process_time() - t
        secs["total"] = sum(secs.values())
        out[label] = {k: round(v, 3) for k, v in secs.items()}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description="time each pipeline stage")
    ap.add_argument("corpus")
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--cprofile", action="store_true")
    ap.add_argument("--sort", default="tottime", help="cProfile order: tottime or cumulative")
    ap.add_argument("--components", action="store_true", help="time spaCy's components, stock and as dragoman runs them")
    a = ap.parse_args()
    if a.components:
        print(json.dumps(components(a.corpus, a.limit), indent=2))
        return
    res = profile(a.corpus, a.limit, cprofile=a.cprofile, sort=a.sort)
    cp = res.pop("cprofile", None)
    print(json.dumps(res, indent=2))
    if cp:
        print(cp)


if __name__ == "__main__":
    main()
