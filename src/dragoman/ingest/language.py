"""Is this article in English?  dragoman codes English news; anything else is refused with a reason.

The words decide when there are enough of them: a story of at least ``english_min_words`` words is
English when at least ``english_min_share`` of its words are English function words (``data/
english_function_words.txt``; English prose runs at 40-50 %, other languages at a few percent).
A shorter story falls back on the language the page declares.  The language named in the message
is a guess from jusText's stop-word lists, for the user's benefit only.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from dragoman.datafile import read_yaml
from dragoman.errors import LanguageError

DATA = Path(__file__).with_name("data")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=1)
def _conf() -> dict:
    
    return read_yaml((DATA / "html.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _english() -> frozenset[str]:
    words: set[str] = set()
    for line in (DATA / "english_function_words.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(line.split())
    return frozenset(words)


def english_share(text: str) -> tuple[float, int]:
    words = [w.lower() for w in _WORD.findall(text[:20_000])]
    if not words:
        return 0.0, 0
    eng = _english()
    return sum(w in eng for w in words) / len(words), len(words)


def _guess_language(text: str) -> str | None:
    """The justext stop-list language whose words cover the text best (for the message only)."""
    try:
        import justext
    except ImportError:  # pragma: no cover
        return None
    words = [w.lower() for w in _WORD.findall(text[:5_000])]
    if not words:
        return None
    best, best_share = None, 0.0
    for lang in justext.get_stoplists():
        stop = justext.get_stoplist(lang)
        share = sum(w in stop for w in words) / len(words)
        if share > best_share:
            best, best_share = lang, share
    return best if best_share >= 0.15 else None


def check_language(text: str, declared: str | None, source: str) -> None:
    """Raise ``LanguageError`` unless the story is in English (content first, then declaration)."""
    share, n = english_share(text)
    conf = _conf()
    if n >= conf["english_min_words"]:
        if share >= conf["english_min_share"]:
            return
        guess = _guess_language(text)
        said = f" (the page declares '{declared}')" if declared else ""
        raise LanguageError(
            f"the article is not in English{': it looks like ' + guess if guess else ''}{said}",
            source=source,
            hint="dragoman codes English news only; translate it first or leave it out",
        )
    if declared and declared != "en":
        raise LanguageError(
            f"the page declares its language as '{declared}', not English",
            source=source,
            hint="dragoman codes English news only; translate it first or leave it out",
        )
