"""Train the topic gate's word model: ``python tools/train_topic.py [BBC_DEV_JSONL] [--folds 5] [--events CACHE] [--measure]``.

Trained on ``../shared/eval/bbc_news/dev.jsonl`` -- the one evaluation set its README allows for
training, and only for a topic gate.  Writes ``src/dragoman/text/data/topic.json``: per class a bias and,
per word, the weight its presence adds to the class's score (each word counted once per article).  Nothing
else of the set is kept.  The model is a logistic regression plus ``--bayes-share`` (0.05) of a naive
Bayes, one table of weights (``combine``):

- the logistic regression (``fit_linear``) weighs words against each other and is calibrated, so the gate
  can ask for a real probability of politics (``political_threshold`` in ``text/data/topic.yaml``);
  naive Bayes alone, counting every word as independent evidence, was sure of politics for a singer's
  court case or a film about a bombing: held out, it took 22 of the BBC's 328 entertainment articles for
  politics, and they coded 0.67 factual events per 1,000 words against the bar of 0.5;
- a little of the naive Bayes keeps its strength on short texts and its share of the lexicon prior.

The collection is British news of 2004-2005, and the gate reads news of any country and year, so the
features are chosen to carry over:

- words (``text/topic.py:words``: lower case, three letters or more, British spellings made American);
- a prior for politics (``prior_words``): the political lexicon of ``text/data/topic.yaml``
  (``political_words``, written for the project) and the surnames by which the news names heads of state
  and government alone (the one-word aliases of ``actors/data/leaders.tsv``: "obama", "merkel",
  "erdogan"; ``--no-leaders`` leaves them out).  In the logistic regression each such word's politics
  weight is drawn to ``--lexicon-weight`` (1.0) with strength ``--lexicon-l2`` (4.0), every other weight to
  0 with strength ``--l2`` (1.0); in the naive Bayes each counts as seen in ``--prior`` (a share) of the
  politics articles more than it was.  So "impeachment", "senator" or "Obama" speak for politics though the
  BBC's politics section hardly used them;
- the naive Bayes keeps words in at least ``--min-df`` articles (add-``--alpha`` smoothing, the ``--vocab``
  words whose weights differ most between classes and every prior word); the logistic regression every
  word in at least ``--linear-min-df`` articles;
- optionally no names (``--name-share``, off by default): a word written with a capital in more than that
  share of its occurrences that do not open a sentence (people, parties, places, months: "blair",
  "labour", "london") is not a feature unless it is in the political lexicon.  Measured on 2 Dec 2026, it
  cost BBC accuracy (politics held out taken for another topic 2.0% -> 3.9% at 0.9) and did not lower
  the share of US political news taken for another topic, so it is off.

It prints the cross-validated accuracy and confusion of the word model and of the whole gate (the word
model, then the political-words rules of ``text/topic.py``), over ``--seeds`` partitions into
``--folds`` folds.  ``--events CACHE`` adds what matters: the events dragoman codes in each held-out
article when the gate was trained without it (``dragoman eval offtopic``'s factual events per 1,000 words
and share of articles with a material-conflict event, per category).  The events depend on the topic only
through the relevance stage, so one parse of the collection (cached in CACHE, a few minutes) serves
every gate: per article, each factual event and whether that stage keeps it under a political, a business
and any other topic.  ``--measure`` then reports how the written gate labels political text it was not
trained on: the share of ``polnear_train.jsonl`` (US political news, 2015-2016) and of the political real
pages listed in ``src/dragoman/evaluation/data/real_pages.yaml`` (their true article bodies and URLs) that
it labels non-political.  Those sets are measured, never trained on.

Needs numpy and scipy (installed with dragoman's dependencies: pandas, datasketch); the package reads
the JSON with neither.  The result is reproducible: the same data and options give the same file (fixed
fold seeds, L-BFGS from a fixed start, sorted output rounded to 4 decimals).

The world model (``topic_world.json``, ``--world-out``) is the same model trained also on the project-written
articles of ``tools/data/topic`` (``--extra``: world news of diplomacy, conflict and protest, and international
business news; their README gives provenance and measures), with the classes' biases fitted again on the collection
alone; the gate asks it for a second opinion on what the first model takes for business news
(``text/topic.py judge``).  The cross-validation trains both per fold (``--no-world``: the first alone).

Provenance of the shipped ``topic.json``: ``python tools/train_topic.py --folds 0`` with the defaults on
``bbc_news/dev.jsonl`` (1,891 articles) and ``actors/data/leaders.tsv``, 2 Dec 2026 (the same file again on 5 Dec);
``topic_world.json``: the same command, 5 Dec 2026, with ``tools/data/topic`` (600 articles).
``tests/test_topic.py`` retrains both and checks the files are the same.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from dragoman.text import topic as T

OUT = ROOT / "src" / "dragoman" / "text" / "data" / "topic.json"
WORLD_OUT = OUT.with_name("topic_world.json")
EXTRA = sorted((ROOT / "tools" / "data" / "topic").glob("*.jsonl"))
EVAL = ROOT.parent / "shared" / "eval"
_TOKEN = re.compile(r"[A-Za-z]{3,}")
_OPENS = re.compile(r"(?:^|[.!?:;\"“”'‘’(\[]|\s[-–—])\s*$")


def name_words(texts: list[str], share: float) -> set[str]:
    """Words written with a capital in more than ``share`` of their occurrences that do not open a
    sentence (or follow a quotation mark, a colon, a dash): names of people, parties, places, months.
    A share of 1 or more finds none."""
    if share >= 1:
        return set()
    cap: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    spell = T.spellings()
    for text in texts:
        for m in _TOKEN.finditer(text):
            if _OPENS.search(text[max(0, m.start() - 3):m.start()]):
                continue
            tok = m.group()
            w = spell.get(tok.lower(), tok.lower())
            seen[w] += 1
            cap[w] += tok[0].isupper()
    return {w for w, n in seen.items() if cap[w] > share * n}


LEADERS = ROOT / "src" / "dragoman" / "actors" / "data" / "leaders.tsv"


def leader_names(path: Path = LEADERS) -> frozenset[str]:
    """The surnames by which the news names heads of state and government alone ("obama", "merkel",
    "erdogan"): the one-word aliases of the actors' ``leaders.tsv`` (general knowledge, written for the
    project; names that are also common words, "May", "Brown", "Major", have no alias there), lower case.
    Like the political lexicon, they are a prior for politics: a news story about Obama is most likely
    political, though the British news of 2004-2005 never named him."""
    out: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        for alias in cols[1].split("|") if len(cols) > 1 else ():
            w = T.spellings().get(alias.lower(), alias.lower())
            if T._WORD.fullmatch(w):
                out.add(w)
    return frozenset(out)


def prior_words(leaders: bool = True) -> frozenset[str]:
    """The words given to the politics class as a prior: the political lexicon and (unless turned off)
    the leaders' surnames."""
    return T.political_words() | (leader_names() if leaders else frozenset())


def fit(docs: list[tuple[set[str], str]], vocab_size: int, names: set[str], min_df: int = 4,
        alpha: float = 1.0, prior: float = 0.05, lexicon: frozenset[str] | None = None) -> dict:
    lexicon = T.political_words() if lexicon is None else lexicon
    df: Counter[str] = Counter()
    per: dict[str, Counter[str]] = {c: Counter() for c in T.CLASSES}
    n: Counter[str] = Counter()
    for ws, c in docs:
        n[c] += 1
        df.update(ws)
        per[c].update(ws)
    boost = prior * n["politics"]
    for w in lexicon:
        per["politics"][w] += boost  # the lexicon as the politics class's prior
    vocab = sorted({w for w, k in df.items() if k >= min_df and w not in names} | lexicon)
    total = {c: sum(per[c][w] for w in vocab) for c in T.CLASSES}
    V = len(vocab)
    logp = {c: {w: math.log((per[c][w] + alpha) / (total[c] + alpha * V)) for w in vocab} for c in T.CLASSES}

    # keep the words whose weights differ most between classes, weighted by how often they occur
    def spread(w: str) -> float:
        vals = [logp[c][w] for c in T.CLASSES]
        return (max(vals) - min(vals)) * math.log(1 + df[w] + (boost if w in lexicon else 0))

    keep = set(sorted(vocab, key=lambda w: (-spread(w), w))[:vocab_size]) | lexicon  # every lexicon word
    unseen = {c: math.log(alpha / (total[c] + alpha * V)) for c in T.CLASSES}
    return {
        "classes": list(T.CLASSES),
        # add-one: a class with no article in a small training set (a fold) is unlikely, not impossible
        "prior": {c: math.log((n[c] + 1) / (len(docs) + len(T.CLASSES))) for c in T.CLASSES},
        "unseen": unseen,
        "weights": {w: [round(logp[c][w] - unseen[c], 4) for c in T.CLASSES] for w in sorted(keep)},
    }


def fit_linear(docs: list[tuple[set[str], str]], l2: float = 1.0, lexicon_weight: float = 1.0,
               lexicon_l2: float = 4.0, min_df: int = 2, lexicon: frozenset[str] | None = None,
               base: int | None = None) -> dict:
    """A multinomial logistic regression over the words each article uses (0/1 features), with a Gaussian
    prior on the weights: every weight is drawn to 0 with strength ``l2``, except the politics weight of a
    word of the political lexicon, which is drawn to ``lexicon_weight`` with strength ``lexicon_l2`` (the
    lexicon as a prior: a word of government the training text never used still speaks for politics, and
    one it used says what the text says of it).  Fitted by L-BFGS from that prior (deterministic).

    Unlike naive Bayes, it weighs words against each other: "jailed" and "court" in a story about a singer
    are outweighed by "singer", "album" and "tour", where naive Bayes, counting each as independent
    evidence, is sure of politics (held out, 22 of the BBC's 328 entertainment articles)."""
    import numpy as np
    from scipy import sparse
    from scipy.optimize import minimize

    lexicon = T.political_words() if lexicon is None else lexicon
    df: Counter[str] = Counter()
    for ws, _ in docs:
        df.update(ws)
    vocab = sorted({w for w, k in df.items() if k >= min_df} | lexicon)
    col = {w: j for j, w in enumerate(vocab)}
    classes = list(T.CLASSES)
    K, V, N = len(classes), len(vocab), len(docs)
    base = N if base is None else base
    rows, cols = [], []
    for i, (ws, _) in enumerate(docs):
        for w in ws:
            if w in col:
                rows.append(i)
                cols.append(col[w])
    X = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(N, V))
    XT = X.T.tocsr()
    Y = np.eye(K)[[classes.index(c) for _, c in docs]]
    W0 = np.zeros((V, K))
    lam = np.full((V, 1), l2)
    pol = classes.index("politics")
    for w in lexicon:
        W0[col[w], pol] = lexicon_weight
        lam[col[w]] = lexicon_l2

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        W, b = theta[: V * K].reshape(V, K), theta[V * K:]
        Z = X @ W + b
        Z -= Z.max(axis=1, keepdims=True)
        P = np.exp(Z)
        P /= P.sum(axis=1, keepdims=True)
        value = -float(np.sum(Y * np.log(P + 1e-300))) / N + 0.5 * float(np.sum(lam * (W - W0) ** 2)) / N
        G = (P - Y) / N
        return value, np.concatenate([(XT @ G + lam * (W - W0) / N).ravel(), G.sum(axis=0)])

    res = minimize(loss, np.concatenate([W0.ravel(), np.zeros(K)]), jac=True, method="L-BFGS-B",
                   options={"maxiter": 500})
    W, b = res.x[: V * K].reshape(V, K), res.x[V * K:]
    if base < N:
        # the classes' base rates are the news stream's (the first ``base`` articles, the BBC collection's mix), not
        # those of the project-written articles added for their words: the biases are fitted again on the stream's
        # articles alone, the word weights kept
        Yb, Sb = Y[:base], X[:base] @ W

        def bias_loss(bb: np.ndarray) -> tuple[float, np.ndarray]:
            Z = Sb + bb
            Z -= Z.max(axis=1, keepdims=True)
            P = np.exp(Z)
            P /= P.sum(axis=1, keepdims=True)
            return -float(np.sum(Yb * np.log(P + 1e-300))) / base, (P - Yb).sum(axis=0) / base

        b = minimize(bias_loss, b, jac=True, method="L-BFGS-B", options={"maxiter": 200}).x
    return {"classes": classes, "prior": {c: float(b[k]) for k, c in enumerate(classes)},
            "weights": {w: [float(x) for x in W[col[w]]] for w in vocab}}


def combine(linear: dict, bayes: dict, share: float) -> dict:
    """One linear model: the logistic regression's weights plus ``share`` of the naive Bayes's (whose
    log-odds, counting every word as independent evidence, are far too sure to be used whole).  Both are
    sums over the words of a text, so their weighted sum is one table of the same form."""
    classes = linear["classes"]
    weights: dict[str, list[float]] = {w: list(row) for w, row in linear["weights"].items()}
    for w, row in bayes["weights"].items():
        base = weights.setdefault(w, [0.0] * len(classes))
        weights[w] = [a + share * b for a, b in zip(base, row)]
    prior = {c: linear["prior"][c] + share * bayes["prior"][c] for c in classes}
    return {"classes": classes, "prior": {c: round(v, 4) for c, v in prior.items()},
            "weights": {w: [round(x, 4) for x in row] for w, row in sorted(weights.items())}}


def extra_docs(paths: list[Path]) -> list[tuple[set[str], str]]:
    """The project-written articles of ``paths`` (``tools/data/topic``: world news of diplomacy, conflict and
    protest, and international business news, written for the project; see its README) as training documents: the
    title and the text's words, and the label."""
    docs: list[tuple[set[str], str]] = []
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            r = json.loads(line)
            if r.get("label") not in T.CLASSES:
                raise SystemExit(f"{path}:{n}: label {r.get('label')!r} is not one of {', '.join(T.CLASSES)}")
            docs.append((T.words((r.get("title") or "") + "\n" + r["text"]), r["label"]))
    if paths:
        print(f"{len(docs)} project-written articles added to the training ({len(paths)} files)")
    return docs


def fit_gate(docs: list[tuple[set[str], str]], a: argparse.Namespace, names: set[str],
             extra: Sequence[tuple[set[str], str]] = ()) -> dict:
    """The shipped word model: the logistic regression plus ``--bayes-share`` of the naive Bayes, trained on the
    news stream's ``docs`` and the project-written ``extra`` articles; the classes' base rates are the stream's."""
    if a.bayes_only:  # the gate before 2 Dec 2026, evening
        return fit(docs, a.vocab, names, a.min_df, a.alpha, a.prior)
    lexicon = prior_words(not a.no_leaders)
    every = list(docs) + list(extra)
    bayes = fit(every, a.vocab, names, a.min_df, a.alpha, a.prior, lexicon)
    n = Counter(c for _, c in docs)
    bayes["prior"] = {c: math.log((n[c] + 1) / (len(docs) + len(T.CLASSES))) for c in T.CLASSES}
    linear = fit_linear(every, a.l2, a.lexicon_weight, a.lexicon_l2, a.linear_min_df, lexicon, base=len(docs))
    return combine(linear, bayes, a.bayes_share)


def _share(name: str, labels: list[str]) -> float:
    non = sum(lab != "politics" for lab in labels)
    print(f"  {name}: {len(labels)} articles, {non} labelled non-political ({100 * non / max(len(labels), 1):.1f}%)"
          f" {dict(Counter(labels))}")
    return non / max(len(labels), 1)


def measure(eval_dir: Path) -> None:
    """The share of political text the gate was not trained on that it labels non-political."""
    import yaml

    from dragoman.model import Article

    T.model.cache_clear()
    print("political text not trained on (measured, never trained on):")
    rows = [json.loads(line) for line in (eval_dir / "polnear_train.jsonl").open(encoding="utf-8")]
    _share("polnear_train.jsonl",
           [T.classify(Article(id=r["id"], text=r["text"], title=r.get("title"))).label for r in rows])
    pages = yaml.safe_load((ROOT / "src" / "dragoman" / "evaluation" / "data" / "real_pages.yaml").read_text())
    truth = json.loads((eval_dir / "real_pages" / "ground-truth.json").read_text(encoding="utf-8"))
    for group in ("political", "between", "not_political"):
        keys = [str(k) for k in pages[group] if truth.get(str(k), {}).get("articleBody")]
        _share(f"real pages, {group} (with URL)",
               [T.classify(Article(id=k, text=truth[k]["articleBody"], url=truth[k]["url"])).label for k in keys])
        _share(f"real pages, {group} (text only)",
               [T.classify(Article(id=k, text=truth[k]["articleBody"])).label for k in keys])
    # the merge sets: world news of meetings, attacks, protests and arrests, written for the project's merge suite by
    # writers who never saw the topic data
    merge = sorted((ROOT / "src" / "dragoman" / "evaluation" / "data").glob("merge_set*.jsonl"))
    rows = [json.loads(line) for path in merge for line in path.open(encoding="utf-8")]
    _share("merge sets (with URL)", [T.classify(Article(id=r["id"], text=r["text"], title=r.get("title"),
                                                         url=r.get("url"))).label for r in rows])


def event_cache(path: Path, rows: list[dict]) -> list[dict]:
    """Per article of ``rows``: its length in words and, for each factual event the pipeline codes with the
    gate off, whether the relevance stage keeps it under each kind of topic (``p`` politics, ``b`` business,
    ``o`` any other) and its quad class.  The events depend on the topic only through that stage, so any
    gate's figures follow from this without another parse.  Read from ``path`` when it holds these
    articles, else made (a few minutes: one parse of every article) and written there."""
    if path.is_file():
        cached = [json.loads(line) for line in path.open(encoding="utf-8")]
        if [c["id"] for c in cached] == [str(r["id"]) for r in rows]:
            return cached
        print(f"{path}: made for other articles; making it again")
    from dataclasses import replace

    from dragoman.events import relevance
    from dragoman.model import Article, Topic
    from dragoman.pipeline import Pipeline
    from dragoman.settings import Settings

    pipe = Pipeline(replace(Settings(), topic_gate=False, political_only=False))
    out: list[dict] = []
    with path.open("w", encoding="utf-8") as fh:
        for k in range(0, len(rows), 32):
            batch = rows[k:k + 32]
            for r, art in zip(batch, pipe.run_batch([Article(id=str(r["id"]), text=str(r["text"])) for r in batch])):
                rec: dict = {"id": str(r["id"]), "category": r["category"]}
                if isinstance(art, Article):
                    rec["words"] = len(T._WORD.findall(art.text))
                    rec["events"] = [
                        {"q": e.quad_class, **{key: relevance.keep(e, art.replace(topic=Topic(label, 0.5)))
                                               for key, label in (("p", "politics"), ("b", "business"), ("o", "sport"))}}
                        for e in art.events if not (e.aux.negated or e.aux.hypothetical)]
                out.append(rec)
                fh.write(json.dumps(rec) + "\n")
            print(f"  coded {min(k + 32, len(rows))} of {len(rows)} articles for the event measure", flush=True)
    return out


def event_figures(cache: list[dict], labels: list[str]) -> dict[str, tuple[float, float]]:
    """Per category: factual events per 1,000 words and the share of articles with a material-conflict
    event, when each article has the topic in ``labels`` (``dragoman eval offtopic``'s measures)."""
    n: Counter[str] = Counter()
    words: Counter[str] = Counter()
    events: Counter[str] = Counter()
    war: Counter[str] = Counter()
    for rec, label in zip(cache, labels):
        if "words" not in rec:
            continue
        key = "p" if label == "politics" else "b" if label == "business" else "o"
        kept = [e for e in rec["events"] if e[key]]
        cat = rec["category"]
        n[cat] += 1
        words[cat] += rec["words"]
        events[cat] += len(kept)
        war[cat] += any(e["q"] == 4 for e in kept)
    return {c: (1000 * events[c] / max(words[c], 1), war[c] / n[c]) for c in sorted(n)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", default=str(EVAL / "bbc_news" / "dev.jsonl"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seeds", default="13", help="fold partitions to average over, comma-separated (default 13)")
    ap.add_argument("--vocab", type=int, default=3000, help="naive Bayes: the most telling words kept")
    ap.add_argument("--min-df", type=int, default=4, help="naive Bayes: words in at least this many articles")
    ap.add_argument("--alpha", type=float, default=1.0, help="naive Bayes: add-alpha smoothing")
    ap.add_argument("--prior", type=float, default=0.03,
                    help="naive Bayes: share of politics articles each lexicon word is added to")
    ap.add_argument("--l2", type=float, default=1.0, help="logistic regression: strength of the pull of weights to 0")
    ap.add_argument("--lexicon-weight", type=float, default=1.0,
                    help="logistic regression: the politics weight a lexicon word is drawn to")
    ap.add_argument("--lexicon-l2", type=float, default=4.0, help="logistic regression: strength of that pull")
    ap.add_argument("--linear-min-df", type=int, default=2, help="logistic regression: words in at least this many articles")
    ap.add_argument("--bayes-share", type=float, default=0.05, help="share of the naive Bayes's weights added")
    ap.add_argument("--no-leaders", action="store_true", help="leave the leaders' surnames out of the politics prior")
    ap.add_argument("--bayes-only", action="store_true", help="the naive Bayes alone (the gate before 2 Dec 2026, evening)")
    ap.add_argument("--name-share", type=float, default=1.0,
                    help="leave out words capitalised in more than this share of their occurrences (1: none)")
    ap.add_argument("--events", type=Path, metavar="CACHE",
                    help="also report the events dragoman codes in the held-out articles (the offtopic measures), "
                         "from CACHE (made by one parse of the data when missing)")
    ap.add_argument("--measure", action="store_true", help="report the share of political text labelled non-political")
    ap.add_argument("--extra", type=Path, nargs="*", default=EXTRA,
                    help="project-written labelled articles (JSON lines with 'text', 'label' and 'title') the world model "
                         "is trained on besides the collection, never tested on (default: tools/data/topic/*.jsonl)")
    ap.add_argument("--world-out", type=Path, default=WORLD_OUT,
                    help="where to write the world model (default: the package's topic_world.json)")
    ap.add_argument("--no-world", action="store_true",
                    help="no world model: neither trained nor asked for a second opinion in the cross-validation")
    ap.add_argument("--dry-run", action="store_true", help="cross-validate only; do not write topic.json")
    ap.add_argument("--out", type=Path, default=OUT, help="where to write the model (default: the package's topic.json)")
    a = ap.parse_args()
    if not Path(a.data).is_file():
        ap.error(f"{a.data}: no such file (give the path of bbc_news/dev.jsonl, JSON lines with 'text' and 'category')")
    try:
        seeds = [int(x) for x in a.seeds.split(",")]
    except ValueError:
        ap.error(f"--seeds {a.seeds}: give whole numbers separated by commas (13,1,2)")

    with open(a.data, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    texts = [r["text"] for r in rows]
    cats = [r["category"] for r in rows]
    docs = [(T.words(t), c) for t, c in zip(texts, cats)]
    extra = [] if a.no_world else extra_docs(a.extra)
    lengths = [len(T._WORD.findall(t)) for t in texts]
    cache = event_cache(a.events, rows) if a.events and a.folds else None
    right = {"word model": 0, "gate": 0}
    conf: dict[str, Counter[tuple[str, str]]] = {"word model": Counter(), "gate": Counter()}
    figures: list[dict[str, tuple[float, float]]] = []
    for seed in seeds if a.folds else ():  # --folds 0: no cross-validation
        rng = random.Random(seed)
        idx = list(range(len(docs)))
        rng.shuffle(idx)
        labels = [""] * len(docs)
        for k in range(a.folds):
            test = set(idx[k:: a.folds])
            train = [i for i in range(len(docs)) if i not in test]
            names = name_words([texts[i] for i in train], a.name_share)
            tm = T.TopicModel(fit_gate([docs[i] for i in train], a, names))
            tw = T.TopicModel(fit_gate([docs[i] for i in train], a, names, extra)) if extra else None
            for i in test:
                ws, gold = docs[i]
                labels[i] = T.judge(ws, lengths[i], None, tm, tw).label
                for what, got in (("word model", tm.classify_words(ws).label), ("gate", labels[i])):
                    right[what] += got == gold
                    conf[what][(gold, got)] += 1
        if cache is not None:
            figures.append(event_figures(cache, labels))
            print(f"held-out events, folds of seed {seed}: " + "  ".join(
                f"{c} {v[0]:.3f}/{100 * v[1]:.1f}%" for c, v in figures[-1].items()), flush=True)
    total = len(docs) * len(seeds)
    for what in ("word model", "gate") if a.folds else ():
        print(f"{a.folds}-fold accuracy of the {what} {right[what] / total:.3f} on {len(docs)} articles"
              f" x {len(seeds)} partitions")
        for gold in T.CLASSES:
            row = {got: conf[what][(gold, got)] for got in T.CLASSES if conf[what][(gold, got)]}
            print(f"  {gold:<14} -> {row}")
    if figures:
        print(f"held-out factual events per 1,000 words / share of articles with material conflict "
              f"({a.folds}-fold, mean of {len(figures)} partitions; the gate trained without the article):")
        for c in figures[0]:
            print(f"  {c:<14} {sum(f[c][0] for f in figures) / len(figures):.3f} / "
                  f"{100 * sum(f[c][1] for f in figures) / len(figures):.1f}%")
    names = name_words(texts, a.name_share)
    data = fit_gate(docs, a, names)
    world = fit_gate(docs, a, names, extra) if extra else None
    if not a.dry_run:
        for out, model in ((a.out, data), (a.world_out, world)):
            if model is None:
                continue
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
            print(f"wrote {out} ({out.stat().st_size:,} bytes, {len(model['weights'])} words; {len(names)} names left out)")
    if a.measure:
        if a.dry_run or a.out != OUT or a.world_out != WORLD_OUT:
            print("--measure reads the package's model: run it without --dry-run or --out")
        else:
            measure(Path(a.data).resolve().parent.parent)


if __name__ == "__main__":
    main()
