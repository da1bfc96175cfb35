"""Who said it: the cue and the speaker of a quote, read from the dependency parse.

Strategies, precise first (each one is recorded in ``Attribution.rule``):

1. ``path``: climb the parse from the quoted words to the first speech verb outside the quote
   (“…,” said X; X said he “…”; X called it “…”); the verb's subject is the speaker.
2. ``frame``: a speech verb right after the closing mark or right before the opening one, in the
   same sentence, when the parse did not connect them (long quotes split into sentences).
3. ``colon``: a sentence ending with a colon before the quote (“X said:” / new paragraph).
4. ``dash``: a name after a dash following the quote (“…” ― Name), as in vox-pop lists.
5. ``according``: "according to X" (the lexicon's ``cue_phrases``) in the quote's sentence.

Quoted words may also hang on a noun of saying ("his claim that there were “thousands”"):
``noun``, the speaker being the noun's possessor or its verb's subject.  A quote with none of
these is a continuation of the speech before it (the caller decides).
"""

from __future__ import annotations

from dataclasses import dataclass

from dragoman.model import Article, Token
from dragoman.nlp.tree import Tree
from dragoman.quotes.lexicon import Lexicon

#: dependents cut from a speaker's phrase (clauses and asides hanging on the name)
_CUT = {"relcl", "acl", "appos", "advcl", "ccomp", "cc", "conj", "parataxis"}
#: how quoted words hang on a noun of saying ("claim that …", "the phrase “…”", "chants of “…”")
_NOUN_LINKS = {"acl", "ccomp", "relcl", "prep", "appos", "compound", "dobj", "attr", "oprd", "amod", "nmod"}


@dataclass(frozen=True)
class Attribution:
    cue: Token | None  # the speech verb (or "according")
    cue_span: tuple[int, int] | None
    cue_text: str | None
    speaker: tuple[int, int] | None  # the speaker phrase's character span
    speaker_head: Token | None
    content_child: Token | None  # the cue's dependent that holds the quote (for mixed quotes)
    rule: str


class Parse(Tree):
    """The article's parse (:class:`~dragoman.nlp.tree.Tree`) read for speech: cues, speakers and
    what they report."""

    def __init__(self, article: Article, lex: Lexicon):
        super().__init__(article)
        self.lex = lex

    # -- cues ------------------------------------------------------------------------------------

    def is_cue(self, t: Token, via: Token | None = None) -> bool:
        """A speech verb (a weak one only when what hangs on it is a clause or the quote itself)."""
        if t.pos not in ("VERB", "AUX") or t.lemma.lower() not in self.lex.cue_verbs:
            return False
        if t.lemma.lower() in self.lex.weak_cue_verbs:
            return via is not None and via.dep in ("ccomp", "oprd", "xcomp", "dobj", "parataxis", "prep")
        return True

    def subject(self, verb: Token, outside: tuple[int, int] | None = None) -> Token | None:
        """The verb's subject, outside the quote ``outside``.

        Climbs through xcomp/conj/advcl chains ("went on to say"), takes the noun a participle
        hangs on ("footage of Trump saying"), the noun of a relative clause ("Flynn, who said"),
        and the noun after an inverted cue the parser did not call a subject ("said Wimes").
        """

        def out(k: Token) -> bool:
            return outside is None or not (outside[0] <= k.start < outside[1])

        v: Token | None = verb
        for _ in range(4):
            if v is None:
                break
            kids = [k for k in self.kid_tokens(v) if out(k)]
            # the cue itself in the passive ("are accused of ...", "was told that ..."): its subject is
            # the one spoken to or about; the speaker is the "by" phrase, if any ("X is quoted as saying"
            # still climbs to X)
            subj = next((k for k in kids if k.dep in self.lex.subject_deps
                         and not (v is verb and k.dep == "nsubjpass")), None)
            if subj is None:
                agent = next((k for k in kids if k.dep == "agent"), None)
                if agent is not None:
                    subj = next((k for k in self.kid_tokens(agent) if k.dep == "pobj"), None)
            if subj is not None:
                if subj.text.lower() in self.lex.relative_pronouns and v.dep == "relcl":
                    return self.head_token(v)
                return subj
            if v.dep == "acl":
                h = self.head_token(v)
                return h if h is not None and h.pos in ("PROPN", "NOUN", "PRON") and out(h) else None
            if v.dep == "ROOT":
                break
            v = self.head_token(v)
        # an inverted cue the parser did not give a subject: "said Wimes", "Said Ellis: “…”"
        return next(
            (k for k in self.kid_tokens(verb) if out(k) and k.i > verb.i and k.i - verb.i <= 4
             and k.dep in ("dobj", "attr", "npadvmod", "appos", "dep", "nsubj")
             and k.pos in ("PROPN", "NOUN", "PRON") and k.text.lower() not in ("it", "this", "that")),
            None,
        )

    def phrase(self, head: Token) -> tuple[int, int]:
        """The words naming a speaker: the subject's phrase without clauses and asides."""
        toks = self.subtree_tokens(head, _CUT)
        toks = [t for t in toks if t.sent == head.sent]
        # keep the contiguous run around the head
        idx = [t.i for t in toks]
        lo = hi = idx.index(head.i)
        while lo > 0 and idx[lo - 1] == idx[lo] - 1:
            lo -= 1
        while hi + 1 < len(idx) and idx[hi + 1] == idx[hi] + 1:
            hi += 1
        run = toks[lo : hi + 1]
        if len(run) > 12:
            run = [t for t in run if t.i == head.i or (t.head == head.i and t.dep in ("compound", "flat", "amod"))]
        while len(run) > 1 and run[0].pos in ("PUNCT", "CCONJ"):
            run = run[1:]
        while len(run) > 1 and run[-1].pos in ("PUNCT", "CCONJ"):
            run = run[:-1]
        return self.span_of(run)

    def noun_attribution(self, noun: Token, child: Token, outside: tuple[int, int]) -> Attribution:
        """Quoted words on a noun of saying: the speaker is its possessor, else the subject of the
        verb the noun depends on ("Politifact checked Trump's claim that …" → Trump)."""
        who = next((k for k in self.kid_tokens(noun)
                    if k.dep == "poss" and not (outside[0] <= k.start < outside[1])), None)
        if who is None:
            v = self.head_token(noun)
            while v is not None and v.pos not in ("VERB", "AUX"):
                v = self.head_token(v)
            who = self.subject(v, outside) if v is not None else None
        span = self.phrase(who) if who is not None else None
        content = child if self.that_clause(child) else None
        return Attribution(noun, (noun.start, noun.end), noun.text, span, who, content, "noun")

    def author(self, subj: Token) -> Token:
        """Who is behind a speaking thing: "his comments said" → his, "a statement from X" → X."""
        if subj.lemma.lower() not in self.lex.speech_artefacts:
            return subj
        for k in self.kid_tokens(subj):
            if k.dep == "poss":
                return k
        for prep in self.kid_tokens(subj):
            if prep.dep == "prep" and prep.text.lower() in ("from", "by", "of"):
                obj = next((k for k in self.kid_tokens(prep) if k.dep == "pobj"), None)
                if obj is not None and obj.pos in ("PROPN", "NOUN", "PRON"):
                    return obj
        return subj

    def attribution(self, cue: Token, child: Token | None, rule: str, outside: tuple[int, int] | None = None) -> Attribution:
        subj = self.subject(cue, outside)
        if subj is not None:
            subj = self.author(subj)
        span = self.phrase(subj) if subj is not None else None
        return Attribution(cue, (cue.start, cue.end), cue.text, span, subj, child, rule)

    # -- strategies ------------------------------------------------------------------------------

    def that_clause(self, t: Token) -> bool:
        """A clause opened by "that" ("a statement that the consul had been expelled")."""
        return t.dep in ("ccomp", "acl", "relcl", "advcl") and any(
            k.dep == "mark" and k.text.lower() == "that" for k in self.kid_tokens(t)
        )

    def reported_clause(self, verb: Token) -> Token | None:
        """What a speech verb reports: its ccomp, or a that-clause on its channel noun ("said in a
        statement that …")."""
        clause = next((k for k in self.kid_tokens(verb) if k.dep == "ccomp"), None)
        if clause is not None:
            return clause
        for prep in self.kid_tokens(verb):
            if prep.dep != "prep":
                continue
            for obj in self.kid_tokens(prep):
                if obj.dep == "pobj":
                    clause = next((k for k in self.kid_tokens(obj) if self.that_clause(k)), None)
                    if clause is not None:
                        return clause
        return None

    def by_path(self, inside: list[Token], start: int, end: int) -> Attribution | None:
        """Climb from the quoted words to the first speech verb outside ``[start, end)``."""
        best: tuple[int, Attribution] | None = None
        for t in inside:
            h = self.head_token(t)
            if h is None or start <= h.start < end:
                continue
            node: Token | None
            child, node, depth = t, h, 0
            clause: Token | None = t if self.that_clause(t) else None
            while node is not None and depth < 8:
                if not (start <= node.start < end):
                    if self.is_cue(node, child):
                        if child.dep in self.lex.subject_deps:
                            break  # the quote is the subject ("“...” is what he said"): no cue here
                        content = child
                        if child.dep == "prep" and child.lemma.lower() not in self.lex.content_preps:
                            if clause is None:
                                break  # "said on “Face the Nation”": a title, not the words said
                            content = clause  # "said in a statement that …"
                        att = self.attribution(node, content, "path", (start, end))
                        if best is None or depth < best[0]:
                            best = (depth, att)
                        break
                    if node.pos == "NOUN" and node.lemma.lower() in self.lex.cue_nouns and child.dep in _NOUN_LINKS:
                        att = self.noun_attribution(node, child, (start, end))
                        if best is None or depth < best[0]:
                            best = (depth, att)
                        break
                    if node.pos in ("VERB", "AUX") and node.dep in ("ROOT",):
                        break
                if self.that_clause(node):
                    clause = node
                child, node, depth = node, self.head_token(node), depth + 1
        return best[1] if best else None

    def by_frame(self, open_mark: int, close_mark: int | None) -> Attribution | None:
        """A speech verb just after the closing mark, or just before the opening one, in the sentence
        of the quote's last (first) words."""
        span = (open_mark, (close_mark if close_mark is not None else open_mark) + 1)
        if close_mark is not None:
            last = self.token_before(close_mark)
            i = last + 1
            sent = self.toks[last].sent if last >= 0 else None
            crossed = False
            for t in self.toks[i : i + 7]:
                if t.sent != sent:
                    # “…?” Graham asked.  — the parser may start a new sentence right after the mark
                    gap = self.article.text[close_mark + 1 : t.start]
                    if crossed or gap.strip() or "\n" in gap:
                        break
                    crossed, sent = True, t.sent
                if self.is_cue(t) and t.start > close_mark:
                    return self.attribution(t, None, "frame", span)
        j = self.token_before(open_mark)
        if j >= 0 and j + 1 < len(self.toks) and self.toks[j].sent == self.toks[j + 1].sent:
            sent = self.toks[j].sent
            for t in reversed(self.toks[max(0, j - 8) : j + 1]):
                if t.sent != sent:
                    break
                if self.is_cue(t):
                    return self.attribution(t, None, "frame", span)
        return None

    def by_dash(self, close_mark: int | None) -> Attribution | None:
        """A name after a dash following the quote, to the end of the line (“…” ― Name)."""
        if close_mark is None:
            return None
        text = self.article.text
        line_end = text.find("\n", close_mark)
        line_end = len(text) if line_end < 0 else line_end
        rest = text[close_mark + 1 : line_end]
        stripped = rest.lstrip()
        if not stripped[:1] or stripped[0] not in "―—–-" or len(rest) > 80:
            return None
        name_toks = [t for t in self.tokens_in(close_mark + 1, line_end) if t.pos in ("PROPN", "NOUN")]
        if not name_toks or not name_toks[0].text[:1].isupper():
            return None
        span = self.span_of(name_toks)
        head = name_toks[-1]
        return Attribution(None, None, None, span, head, None, "dash")

    def by_colon(self, open_mark: int) -> Attribution | None:
        """“X said:” ending the sentence (or paragraph) before the quote."""
        j = self.token_before(open_mark)
        if (j < 0 or self.toks[j].text not in (":", ",")
                or self.article.text[self.toks[j].end : open_mark].count("\n") > 2):
            return None
        sent = self.toks[j].sent
        for t in reversed(self.toks[max(0, j - 25) : j]):
            if t.sent != sent:
                break
            if (self.is_cue(t) or t.lemma.lower() in ("statement", "tweet", "post", "message")) and t.pos in ("VERB", "AUX"):
                return self.attribution(t, None, "colon", (open_mark, open_mark + 1))
        return None

    def phrase_cue(self, t: Token) -> tuple[str, Token] | None:
        """A multi-word cue of the lexicon starting at ``t`` ("according to"): the phrase and its
        last token (whose object is the speaker)."""
        for cue in self.lex.cue_phrases:
            words = cue.split()
            if t.text.lower() != words[0] or t.i + len(words) > len(self.toks):
                continue
            run = self.toks[t.i : t.i + len(words)]
            if [x.text.lower() for x in run] == words:
                return cue, run[-1]
        return None

    def according(self, tok_lo: int, tok_hi: int, skip: tuple[int, int] | None = None) -> Attribution | None:
        """"according to X", "in the words of X": the speaker is X."""
        for t in self.toks[tok_lo:tok_hi]:
            if skip and skip[0] <= t.start < skip[1]:
                continue
            found = self.phrase_cue(t)
            if found is None:
                continue
            cue, last = found
            obj = next((k for k in self.kid_tokens(last) if k.dep == "pobj"), None)
            if obj is None:
                obj = next((k for k in self.kid_tokens(t) if k.dep == "pobj"), None)
            span = self.phrase(obj) if obj is not None else None
            return Attribution(t, (t.start, last.end), cue, span, obj, None, "according")
        return None
