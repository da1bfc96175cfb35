"""Events: triggers → PLOVER type/mode/context + CAMEO, who acts on whom, auxiliary modes, merging.

``make(settings)`` builds the coder stage (lexicons compiled once), ``make_merge(settings)`` the
stage that folds an event told several times into one.  The data lives in ``events/data``:
``plover.yaml`` (types), ``cameo.tsv`` (codes, Goldstein weights, CAMEO→PLOVER crosswalk),
``triggers.tsv`` (the trigger lexicon), ``refine.yaml`` (how governing and governed actions combine,
and the auxiliary-mode words).
"""

from __future__ import annotations

from collections.abc import Callable

from dragoman.model import Article
from dragoman.settings import Settings


def make(settings: Settings) -> Callable[[Article], Article]:
    from dragoman.events.coder import Coder

    return Coder()  # every candidate: restatements merge first; `min_confidence` is applied by the relevance stage


def make_merge(settings: Settings) -> Callable[[Article], Article]:
    from dragoman.events.merge import merge_events

    return merge_events


def make_relevance(settings: Settings) -> Callable[[Article], Article]:
    from dragoman.events.relevance import make as make_stage

    return make_stage(settings)


def make_plausibility(settings: Settings) -> Callable[[Article], Article]:
    from dragoman.events.plausibility import make as make_stage

    return make_stage(settings)
