"""The quotes stage's lexicon (``data/speech.yaml``), loaded once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from dragoman.datafile import read_yaml
from dragoman.errors import DragomanError


@dataclass(frozen=True)
class Channel:
    pattern: re.Pattern[str]
    channel: str  # may hold "{org}", filled from the match


@dataclass(frozen=True)
class Lexicon:
    cue_verbs: dict[str, str | None]  # lemma → the channel the verb implies
    weak_cue_verbs: frozenset[str]
    cue_phrases: tuple[str, ...]
    cue_nouns: frozenset[str]
    speech_artefacts: frozenset[str]
    content_deps: frozenset[str]
    content_preps: frozenset[str]
    subject_deps: frozenset[str]
    relative_pronouns: frozenset[str]
    channels: tuple[Channel, ...]
    any_channel: re.Pattern[str]  # all the channel patterns in one: a sentence it misses has none


def _union(channels: tuple[Channel, ...]) -> re.Pattern[str]:
    """One pattern matching wherever any channel pattern matches (named groups made plain)."""
    parts = [re.sub(r"\(\?P<\w+>", "(?:", c.pattern.pattern) for c in channels]
    return re.compile("|".join(f"(?:{p})" for p in parts) or r"(?!)", re.IGNORECASE)


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """Read ``speech.yaml``; a broken file is a ``DragomanError`` naming it."""
    path = resources.files("dragoman.quotes") / "data" / "speech.yaml"
    try:
        raw: dict[str, Any] = read_yaml(path.read_text(encoding="utf-8"))
        channels = tuple(
            Channel(re.compile(c["pattern"], re.IGNORECASE), c["channel"])
            for c in raw.get("channels", ())
        )
        return Lexicon(
            cue_verbs={str(k): v for k, v in (raw.get("cue_verbs") or {}).items()},
            weak_cue_verbs=frozenset(raw.get("weak_cue_verbs", ())),
            cue_phrases=tuple(raw.get("cue_phrases", ())),
            cue_nouns=frozenset(raw.get("cue_nouns", ())),
            speech_artefacts=frozenset(raw.get("speech_artefacts", ())),
            content_deps=frozenset(raw.get("content_deps", ())),
            content_preps=frozenset(raw.get("content_preps", ())),
            subject_deps=frozenset(raw.get("subject_deps", ())),
            relative_pronouns=frozenset(raw.get("relative_pronouns", ())),
            channels=channels,
            any_channel=_union(channels),
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, re.error) as e:
        raise DragomanError(
            f"the quotes lexicon cannot be read: {e}", source=str(path), hint="fix the YAML file or reinstall dragoman"
        ) from e
