"""Relevance: a factual event needs a political actor among its participants.

A careful coder codes the acts of political actors (``../shared/eval/ARTICLE-CODING.md``): states and
their parts, parties and politicians, armed groups, international and non-governmental
organisations, organised civil society, and ordinary people as collective actors or as the targets
of violence and coercion.  A clause whose participants are sports teams, players, bands, companies
competing or nobody is not an event, whatever its verb.  This stage drops such events after the
restatements are merged (a restatement may add the participant that decides it):

- an event with no participant at all is dropped;
- in an article whose topic is not politics (``Article.topic``: sport, entertainment, technology,
  business), an event needs a *state or armed* actor (a government, ministry, military, police, court,
  legislature, party, rebel or intelligence actor, or an intergovernmental organisation) that the text
  names as such: from the lexicons or by a strong title ("police chief"), not by a word that clubs and
  companies use too ("chairman", "director", "captain"), nor a capital standing for its government
  ("Madrid" in sport is a club); a country named alone counts only in business news (in sport it is a
  team);
- in business news, a state acting politically: a coercive, violent or sanctioning act with such an actor
  among its participants, or such an actor as the source of an act aimed at another political actor
  (``business_acts`` in the data file), or a politician — a person the text names as a state actor —
  demanding, accusing, refusing or threatening (``addressed_acts``: "Senator Ruiz called for hearings on
  the takeover"), or organised civil society (a union, an NGO; not a company) doing so to a state actor ("the
  union urged ministers to block the sale"); a state's statements about markets are not events;
- in political news, any political actor: those, organised civil society (unions, churches, NGOs,
  media as actors), a politician named in full, or — for violence, coercion and protest — the people
  who suffer or carry it out; a coercion with no doer named ("X was charged with fraud") is the state's,
  whoever it is done to.

Events the coder is less sure of than ``min_confidence`` (settings) are dropped here too, after the
restatements are merged (a weakly worded restatement still adds its evidence and participants).
The sector lists are data: ``data/relevance.yaml``.  ``political_only = false`` in the settings turns
the stage off; ``topic_gate = false`` codes every article as political news.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dragoman.actors.names import HONORIFICS
from dragoman.datafile import read_yaml
from dragoman.model import Actor, Article, Event
from dragoman.settings import Settings

DATA = Path(__file__).parent / "data" / "relevance.yaml"


@dataclass(frozen=True)
class Rules:
    state_sectors: frozenset[str]
    civil_sectors: frozenset[str]
    state_countries: frozenset[str]  # pseudo-countries of organisations that act as states do (IGO, UNO, ...)
    civil_countries: frozenset[str]  # NGO
    people_types: frozenset[str]  # event types in which ordinary people are political participants
    political_topics: frozenset[str]
    business: frozenset[str]  # sectors and pseudo-countries of companies: not "people" (a firm battling rivals)
    business_acts: frozenset[str]  # types a state's involvement alone makes political in business news
    visitor_not: frozenset[str]  # sectors whose arrival somewhere is no visit (migrants, ordinary people)
    addressed_acts: frozenset[str]  # types by which civil society addresses a state in business news
    named_bodies: frozenset[str]  # sectors a body's own name gives firmly enough in business news
    meeting_groups: frozenset[str]  # plural titles of state officials who meet together


@lru_cache(maxsize=1)
def rules() -> Rules:
    d = read_yaml(DATA.read_text(encoding="utf-8"))
    return Rules(*(frozenset(d[k]) for k in ("state_sectors", "civil_sectors", "state_countries",
                                              "civil_countries", "people_types", "political_topics", "business",
                                              "business_acts", "visitor_not", "addressed_acts", "named_bodies",
                                              "meeting_groups")))


def state_actor(a: Actor, countries_count: bool) -> bool:
    """A state or armed actor: by its sector, its organisation, or (where allowed) a country named alone."""
    r = rules()
    if a.sector in r.state_sectors or a.country in r.state_countries:
        return True
    return countries_count and a.kind in ("country", "government") and a.country is not None


@lru_cache(maxsize=4096)
def strong_role(role: str) -> bool:
    """Does a title name a state or armed institution by a strong word ("police chief", "army captain"),
    not only by a weak one that companies and clubs have too ("chairman", "director", "spokesman")?"""
    from dragoman.actors.lexicon import default_lexicon

    lex = default_lexicon()
    ws = role.lower().replace("'s", "").split()
    for n in range(min(4, len(ws)), 0, -1):
        for i in range(len(ws) - n + 1):
            r = lex.role(" ".join(ws[i:i + n]))
            if r is not None and r.strong and r.sector in rules().state_sectors:
                return True
    return False


def firm_state_actor(a: Actor, countries_count: bool) -> bool:
    """A state or armed actor the text names as such: from the lexicons (not a capital standing for its
    government, which in sport is a club) or by a strong title."""
    if not state_actor(a, countries_count):
        return False
    rule = a.rule or ""
    if rule.startswith("lexicon:") and "metonymy" not in rule:
        return countries_count or a.kind != "country"  # a country named alone is a team in sport
    # a title, not the name itself ("Bloc Party" is a band's name, not a party's title); but in business news,
    # where bands do not play, a body whose own name says it polices, judges or governs is one ("the Lagos State
    # Police Command", "the Serious Fraud Office")
    if countries_count and a.kind == "organisation" and a.sector in rules().named_bodies and (
            "name-words" in rule or "government-head" in rule):
        return True
    if "name-words" in rule and a.role == a.name:
        return False
    if rule.endswith("+focus") and _owned_by_a_stranger(a.role or ""):
        return False  # "president of Bright Harbor": a title of a body the lexicons do not know, in no country
    if a.kind == "group" and (owner := _owner(a.name)) and strong_role(owner):
        return True  # "agents of the State Protection Service": people of a body a strong word names a state's
    return bool(a.role) and strong_role(a.role or "")


def _owner(name: str) -> str:
    """The body a group's name says its people are of ("agents of the State Protection Service"), or ""."""
    for link in (" of the ", " from the "):
        if link in name:
            return name.split(link, 1)[1]
    return ""


def _owned_by_a_stranger(role: str) -> bool:
    """Does the title name its body by a proper name the lexicons do not know ("president of Bright Harbor")?"""
    from dragoman.actors.lexicon import default_lexicon

    if " of " not in role:
        return False
    owner = role.split(" of ", 1)[1].strip()
    return owner[:1].isupper() and not owner.lower().startswith("the ") and not default_lexicon().lookup(owner)


def political_actor(a: Actor, text: str = "") -> bool:
    r = rules()
    if state_actor(a, countries_count=True) or a.sector in r.civil_sectors or a.country in r.civil_countries:
        return True
    # a politician or public figure named in full ("Ben Carson") or as news names one ("Mr Howard"), not a
    # first name alone
    return a.kind == "person" and a.name[:1].isupper() and (len(a.name.split()) >= 2 or _honoured(a, text))


def _honoured(a: Actor, text: str) -> bool:
    """Is the person ``a`` named with an honorific somewhere in ``text`` ("Mr Howard", "Dame Ann")?"""
    return any(m.kind != "pronoun" and (w := text[max(0, m.start - 10):m.start].split()) and w[-1].lower() in HONORIFICS
               for m in a.mentions)


def people(a: Actor) -> bool:
    if a.sector in rules().business or a.country in rules().business:
        return False
    return a.kind in ("person", "group") or a.sector is not None


def political_news(article: Article) -> bool:
    """Is the article political news (its topic one of ``political_topics``, or no topic decided)?"""
    topic = article.topic
    return topic is None or topic.label in rules().political_topics


def keep(event: Event, article: Article) -> bool:
    actors = [a for a in map(article.actor, (*event.sources, *event.targets)) if a is not None]
    if not actors:
        return False
    topic = article.topic
    if topic is not None and topic.label == "business":
        return _business_event(event, article, actors)
    if not political_news(article):
        return any(firm_state_actor(a, False) for a in actors)
    if event.mode == "visit":
        # a visit is a political actor's: "9,000 migrants arrived in Greece" visits no one
        return any(political_actor(a) and a.sector not in rules().visitor_not for a in map(article.actor, event.sources)
                   if a is not None)
    if any(political_actor(a, article.text) for a in actors):
        return True
    if event.type == "COERCE" and not event.sources and event.targets:
        return True  # "Mensah-Ward was charged with ...": whoever is arrested or charged, the unnamed doer is the state
    return event.type in rules().people_types and any(people(a) for a in actors)


def _business_event(event: Event, article: Article, actors: list[Actor]) -> bool:
    """In business news a state acts politically: coercion, force or sanctions with a state or armed actor
    among the participants, or a state actor acting on another political actor ("the EU filed a complaint
    against the US", "India and Bangladesh signed a power deal"), not a state's view of its markets ("the US
    is committed to a strong dollar")."""
    if event.type in rules().business_acts:
        return any(firm_state_actor(a, True) for a in actors)
    sources = [a for a in map(article.actor, event.sources) if a is not None]
    targets = [a for a in map(article.actor, event.targets) if a is not None]
    states = [a for a in sources if firm_state_actor(a, True)]
    # "India and Bangladesh signed a deal": two states acting together are each other's political other side
    if states and (any(political_actor(a) for a in targets) or len({a.id for a in states}) > 1):
        return True
    if states and len(sources) > 1 and all(state_actor(a, True) for a in sources):
        return True  # "talks between the foreign minister and his Zambian counterpart": officials of states, together
    r = rules()
    if event.type == "CONSULT" and any(a.kind == "group" and (a.role or "").lower().rsplit(" ", 1)[-1] in r.meeting_groups
                                       for a in states):
        return True  # "the two countries' trade ministers met": officials of states, together, named as one group
    if event.type not in r.addressed_acts:
        return False
    if event.type == "PROTEST" and any(a.sector in r.civil_sectors and a.kind in ("group", "organisation") for a in sources):
        return True  # "hundreds of dock workers marched for higher pay": workers acting politically
    # "Senator Ruiz called for hearings", "the transport councillor, Ines Varga, urged the two unions to resume talks": a
    # politician's demand, accusation, refusal or threat is political whatever it is about (a ministry's or a
    # central bank's, about markets, is not: counted on the BBC business articles, they doubled the events coded)
    if any(firm_state_actor(a, True) and a.kind == "person" for a in sources):
        return True
    # "the union urged ministers to block the sale": organised civil society (not a company) addressing a state
    return any(firm_state_actor(a, True) for a in targets) and any(
        a.sector in r.civil_sectors or a.country in r.civil_countries for a in sources)


def make(settings: Settings) -> Callable[[Article], Article]:
    floor = settings.min_confidence

    def stage(article: Article) -> Article:
        if not article.events:
            return article
        kept = tuple(e for e in article.events if e.confidence >= floor
                     and (not settings.political_only or keep(e, article)))
        return article if len(kept) == len(article.events) else article.replace(events=kept)

    return stage
