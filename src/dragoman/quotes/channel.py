"""Where a quote was said, when the text says so: "on Twitter", "in a statement", "told Reuters"."""

from __future__ import annotations

from dragoman.model import Article
from dragoman.quotes.lexicon import Lexicon
from dragoman.quotes.speech import Attribution, Parse


def channel(article: Article, p: Parse, lex: Lexicon, att: Attribution, start: int, end: int) -> str | None:
    """Where it was said ("on Twitter", "in a statement", "told reporters"): the lexicon's channel pattern
    nearest the cue in its sentence, outside the quoted words; else what the cue verb implies."""
    cue = att.cue
    if cue is None:
        return None
    implied = lex.cue_verbs.get(cue.lemma.lower())
    sent = article.sentences[cue.sent]
    if not lex.any_channel.search(article.text, sent.start, sent.end):
        return implied
    best: tuple[int, str] | None = None
    for ch in lex.channels:
        for mt in ch.pattern.finditer(article.text, sent.start, sent.end):
            if start <= mt.start() < end:
                continue  # inside the quoted words
            name = ch.channel
            if "{org}" in name:
                org = mt.group("org")
                if not _is_outlet(article, mt.start("org"), mt.end("org"), org):
                    continue
                name = name.replace("{org}", org.strip())
            dist = min(abs(mt.start() - cue.end), abs(mt.end() - cue.start))
            if best is None or dist < best[0]:
                best = (dist, name)
    if best is not None:
        return best[1]
    return implied


def _is_outlet(article: Article, s: int, e: int, name: str) -> bool:
    """"told Reuters" is an interview; "told Smith" is not: the name must be an organisation."""
    if name.isupper() and len(name) >= 2:
        return True
    return any(ent.label == "ORG" and ent.start < e and s < ent.end for ent in article.entities)
