"""The baseline: the same texts through spaCy ``nlp.pipe`` alone, with the same model (loaded the
way dragoman loads it) and the same number of processes.

    python -m bench.spacy_alone bench/out/corpus.jsonl --processes 2

Whole articles are piped (``batch_size`` 64 articles: with spaCy's default of 1,000 texts a
corpus of 500 would go to one worker only), and every ``Doc`` is consumed.  ``--paragraphs``
pipes the paragraphs instead, as dragoman feeds spaCy (shorter docs parse a little faster).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator


def texts(path: str, paragraphs: bool = False) -> Iterator[str]:
    from dragoman.nlp import paragraphs as split

    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                text = json.loads(line)["text"]
                if paragraphs:
                    yield from (text[s:e] for s, e in split(text))
                else:
                    yield text


def main() -> None:
    ap = argparse.ArgumentParser(description="spaCy nlp.pipe alone on a JSONL corpus")
    ap.add_argument("corpus")
    ap.add_argument("--processes", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--paragraphs", action="store_true", help="pipe paragraphs, as dragoman does, not whole articles")
    ap.add_argument("--compiled-ruler", action="store_true",
                    help="with dragoman's compiled attribute ruler (default: the model exactly as spaCy loads it)")
    a = ap.parse_args()
    from dragoman.nlp.parser import load_model
    from dragoman.settings import Settings

    nlp = load_model(Settings().model, compiled=a.compiled_ruler)
    n = tokens = 0
    for doc in nlp.pipe(texts(a.corpus, a.paragraphs), n_process=a.processes, batch_size=a.batch_size):
        n += 1
        tokens += len(doc)
    print(json.dumps({"docs": n, "tokens": tokens}))


if __name__ == "__main__":
    main()
