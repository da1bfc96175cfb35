"""Article → table rows: the flattening the store writes, with the keys it deduplicates and merges on.

Pure functions, no SQL: the store turns the lists of row dicts into Arrow tables and bulk-loads
them.  Ids are deterministic (``dragoman.ids``): an actor's global id comes from its normalised
name and codes, an article event's id from its article and trigger, so two users who ingest the
same articles get the same ids.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from dragoman.actors.context import KNOWN_AS, KNOWN_BODY_KINDS
from dragoman.actors.vocabulary import portfolio, translation, words
from dragoman.ids import digest
from dragoman.model import Actor, Article, Event
from dragoman.period import interval, parse_date

_TRACKING = re.compile(r"^(utm_.*|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid)$", re.IGNORECASE)
_NONWORD = re.compile(r"[^\w]+", re.UNICODE)
_LEADING = ("the ", "a ", "an ")


def canonical_url(url: str | None) -> str | None:
    """The URL with scheme and host lower-cased, no fragment, no tracking parameters, no trailing slash."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    if not parts.scheme or not parts.netloc:
        return url.strip()
    host = parts.netloc.lower()
    host = host.removeprefix("www.")
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)))
    path = parts.path.rstrip("/") or ""
    return urlunsplit(("https" if parts.scheme.lower() in ("http", "https") else parts.scheme.lower(), host, path, query, ""))


def text_hash(text: str) -> str:
    return digest("text", text, length=32)


#: entries each of the name caches (``norm_name``, ``actor_id``, ``_keys``) holds at most, the least recently used
#: let go first: a batch's merge meets its own actors again and again, and the names of every stored event it
#: loads as a candidate once or twice (over the watch soak's store at 9,916 articles, 8,385 keys for a batch of
#: 200 articles, about 5 MB with the names, against 2,039 over 900 articles: 65,536 let them grow with the store);
#: recomputing a name's keys costs about 10 microseconds
NAME_CACHE = 4096


@lru_cache(maxsize=NAME_CACHE)
def norm_name(name: str) -> str:
    """Lower-cased, accents folded, punctuation to spaces, a leading article dropped."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii") or name
    s = _NONWORD.sub(" ", s.casefold()).strip()
    for lead in _LEADING:
        s = s.removeprefix(lead)
    s = re.sub(r"\s+s$", "", s)  # "Pakistan's" -> "pakistan"
    return s


@lru_cache(maxsize=NAME_CACHE)
def actor_id(name: str, country: str | None, org: str | None) -> str:
    """The global id of an actor: the same name and codes give the same id in any store."""
    return "act-" + digest(norm_name(name), country or "", org or "", length=12)


def actor_dict(a: Actor) -> dict[str, Any]:
    d: dict[str, Any] = {
        "id": actor_id(a.name, a.country, a.org),
        "name": a.name,
        "country": a.country,
        "org": a.org,
        "sector": a.sector,
        "kind": a.kind,
        "local": a.id,
    }
    acronym = defined_acronym(a)
    if acronym:
        d["acronym"] = acronym
    aliases = sorted({m.text for m in a.mentions if m.kind == "alias"})
    if aliases and a.kind in ("organisation", "group"):
        d["aliases"] = aliases  # "known in Somali as ...": the name another outlet may use
    if a.kind in ("person", "group") and (office := portfolio(a.role) or (portfolio(a.name) if a.kind == "group" else None)):
        d["portfolio"] = office  # "Defence Minister" → "defence": two officials of one state told apart (a group
        # named by its office alone, "Brunei's Minister of Defence", by its name)
    return d


def _counterparts(article: Article, ev: Event, adicts: dict[str, dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The event's sources and targets as stored participants; a "counterpart" whose title names no portfolio
    holds the one portfolio of the event's other officials ("Iraq's foreign minister held talks with his
    Jordanian counterpart": Jordan's foreign minister, not its interior minister)."""
    ids = [i for i in (*ev.sources, *ev.targets) if i in adicts]
    held = {adicts[i]["portfolio"] for i in ids if adicts[i].get("portfolio")}

    def one(i: str) -> dict[str, Any]:
        d, a = adicts[i], article.actor(i)
        if len(held) == 1 and not d.get("portfolio") and a is not None and "counterpart" in (a.role or "").lower():
            return {**d, "portfolio": next(iter(held))}
        return d
    return [one(i) for i in ev.sources if i in adicts], [one(i) for i in ev.targets if i in adicts]


def defined_acronym(a: Actor) -> str | None:
    """The acronym the article defined for an organisation or a named group ("the Union of Djugu Fighters
    (UCD)"), three to eight capitals: another outlet that names the body differently ("Union des Combattants du
    Djugu (UCD)") defines the same one."""
    if a.kind not in ("organisation", "group"):
        return None
    return next((m.text for m in a.mentions if m.kind == "acronym" and m.text.isupper() and m.text.isalpha()
                 and 3 <= len(m.text) <= 8), None)


PSEUDO_COUNTRIES = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}


def actor_code(a: dict[str, Any]) -> str:
    """A CAMEO-style actor code: country (or the IGO/NGO itself) followed by the sector: PAKGOV, NATO."""
    country, org, sector = a.get("country") or "", a.get("org") or "", a.get("sector") or ""
    base = org if (country in PSEUDO_COUNTRIES and org) else country
    return (base + sector) if base else sector


def actor_keys(a: dict[str, Any]) -> frozenset[str]:
    """The keys under which two articles' actors count as the same *specific* participant.

    A person named by name (the normalised name and the surname: "Kamau" is "Daniel Kamau"); a named
    organisation (its name and its code); a country or its government ("c:PAK/state"; another sector
    named, "c:PAK/MIL"), which a person with that country and sector also stands for, and so does a
    government body of a country ("the US Treasury", "the Kremlin": an organisation of sector GOV; not an
    international one, "the EU"). A generic group ("officials", "protesters"), a bare title ("the home secretary") or a
    place gives no key: sharing one of those, or only a country code, never makes two events one. An
    organisation or group whose article defined an acronym for it is also known by the acronym ("n:ucd").
    """
    keys = _keys(a.get("name") or "", a.get("kind"), a.get("country"), a.get("org"), a.get("sector"))
    for alias in a.get("aliases") or ():
        keys = keys | {k for k in _keys(alias, "organisation", a.get("country"), a.get("org"), a.get("sector"))
                       if k.startswith("n:")}  # the body by its other name
    if a.get("acronym") and a.get("kind") in ("organisation", "group"):
        keys = keys | {"n:" + a["acronym"].lower()}  # the body by its acronym, however the outlet writes its name
    elif a.get("kind") == "organisation" and (short := initials(a.get("name") or "")):
        keys = keys | {"n:" + short}  # "Shabelle Valley Liberation Front" is the "SVLF" of an outlet that never spells it out
    return keys


#: small words a body's name holds that its initials leave out ("Front for the Liberation of ...")
_INITIAL_SKIP = frozenset({"of", "the", "and", "for", "de", "del", "la", "des", "du", "et", "y"})


#: a plural possessive's apostrophe at a word's end ("Workers'", "Traders’")
_POSSESSIVE_END = re.compile(r"(?<=s)['’]$")


def initials(name: str) -> str:
    """The initials of a body's name of three to eight capitalised words, lower case ("Shabelle Valley Liberation
    Front" → "svlf", "Velna Dockers' Union" → "vdu"); "" when the name has fewer, or a word neither capitalised nor
    small."""
    words = [_POSSESSIVE_END.sub("", w) for w in re.split(r"[\s\-]+", name.strip()) if w]
    caps = [w for w in words if w.lower() not in _INITIAL_SKIP]
    if not 3 <= len(caps) <= 8 or not all(w[:1].isupper() and w.isalpha() for w in caps):
        return ""
    return "".join(w[0] for w in caps).lower()


#: an apostrophe inside a name word, as transliterations write a glottal stop or an ayn ("Sa'ad", "Ja'far")
_INNER_APOSTROPHE = re.compile(r"(?<=[^\W\d_])['’ʼʿ](?=[^\W\d_]{2})")
#: a place phrase a person's name never holds but the name tagger sometimes takes in ("X in Arequipa")
_PLACE_TAIL = re.compile(r"\s+(?:in|at|from|near|on)\s+[A-Z]")
#: a wire story's dateline that a name sometimes takes in ("MEXICO CITY - Mexico's foreign secretary",
#: "MAIDUGURI, Nigeria — police"): the place in capitals, perhaps its country, then a dash
_DATELINE = re.compile(r"^[A-Z][A-Z.'’ ]+[A-Z.](?:,\s*[A-Z][\w.'’ ]*?)?\s+[-–—]+\s+(?=\S)")


#: small words inside a person's name, never a surname of their own ("Ruiz de Velasco")
NAME_PARTICLES = _PARTICLES = frozenset({"de", "del", "della", "di", "da", "das", "do", "dos", "du", "la", "le", "van", "von", "der",
                        "den", "ter", "bin", "ibn", "al", "el", "y"})


@lru_cache(maxsize=NAME_CACHE)
def _keys(name: str, kind: str | None, country: str | None, org: str | None, sector: str | None = None) -> frozenset[str]:
    keys: set[str] = set()
    name = _DATELINE.sub("", name)
    n = norm_name(name)
    named = bool(n) and name[:1].isupper()
    state = ("c:" + country + "/" + (sector if sector and sector != "GOV" else "state")) if country else None
    if kind == "person" and state and sector:  # Venezuela's foreign minister, named or not, acts for Venezuela
        keys.add(state)
    if kind == "person" and named:
        name = _PLACE_TAIL.split(name, 1)[0]  # the tagger's "Lucia Paredes in Arequipa" is Lucia Paredes
        name = _INNER_APOSTROPHE.sub("", name)  # "Sa'ad" is the "Saad" of another outlet, no "Sa" and "ad"
        n = norm_name(name)
        keys.add("n:" + n)
        last = norm_name(name.split()[-1]) if len(name.split()) > 1 else ""
        if last and last != n:  # the surname, whole: "Park Sung-ho" -> "sung ho", never a bare "ho"
            keys.add("n:" + last)
        words = [w for w in name.split() if w.lower() not in _PARTICLES]
        if len(words) >= 3:  # a first of two surnames: "Gonzalo Ferreyros Alcazar" is also "Ferreyros"
            keys.add("n:" + norm_name(words[-2]))
    elif kind == "organisation" and named:
        keys.add("n:" + n)
        if (english := _english_order(name.split())) != name.split():
            keys.add("n:" + norm_name(" ".join(english)))  # "Frente Aurelio Mosquera" is the "Aurelio Mosquera Front"
        for english in _translated(name.split()):
            keys.add("n:" + norm_name(" ".join(english)))  # "União Armada de Tete": "Tete Armed Union"
        if sector in ("REB", "INS", "UAF", "CRM") and (core := _core_name(n)) != n:
            keys.add("n:" + core)  # "Jama'at Ansar al-Qamar" is the "Ansar as-Qamar" of another outlet
        if org:
            keys.add("o:" + org)
        if sector == "GOV" and country and country not in PSEUDO_COUNTRIES:
            keys.add("c:" + country + "/state")  # a government body ("the US Treasury", "the Kremlin") acts for its state
    elif kind in ("country", "government") and state:
        keys.add(state)  # Pakistan = its government
    elif kind == "group":
        keys |= _group_keys(name, n, country, org, sector)
    # (a body of no known sector whose name opens with an Arabic word for an armed group is one: "Kataib X")
    armed_word = kind == "organisation" and not sector and n.split()[:1] and n.split()[0] in _ARABIC_KINDS
    if sector in _ARMED_SECTORS and kind in ("organisation", "group") or armed_word:
        # "Harakat al-Fajr" is the "Xarakada al-Fajr" of a Somali outlet: a transliterated name by its consonants
        keys |= {"n:≈" + sk for k in keys if k.startswith("n:") for sk in _transliterated_keys(k[2:])}
        keys |= _any_order_initials(keys, name)
    return frozenset(keys)


_ARMED_SECTORS = frozenset(("REB", "INS", "UAF", "CRM"))


def _any_order_initials(keys: set[str], name: str) -> set[str]:
    """An armed group's initials in any order ("n:~" and the letters sorted): an outlet writing the initials of its
    name in French or Portuguese ("the FLV", "the UFAE") and one writing the name in English ("the Velna Liberation
    Front", "the Union of Armed Forces of the East"), whose adjectives and nouns come the other way round. From
    a name written in initials (a key of one word of three to eight letters the name writes in capitals) or a name of
    English or Romance words (``_initials_of_key``)."""
    caps = {w.lower() for w in re.findall(r"\b[A-Z]{3,8}\b", name)}
    out: set[str] = set()
    for k in keys:
        if not k.startswith("n:") or k[2:3] in ("≈", "~"):
            continue
        word = k[2:]
        letters = word if " " not in word and word in caps else _initials_of_key(word) if " " in word else ""
        if len(letters) >= 3:
            out.add("n:~" + "".join(sorted(letters)))
    return out


def _transliterated_keys(n: str) -> set[str]:
    """A transliterated armed group's name (one with an Arabic article or group word, or a Somali "x") by its
    words' consonants (``skeleton``), the article and the kind word left out ("Katibat Ansar al-Tilemsi" / "Katiba
    Ansarul Tilemsi"; names of fewer than two words give none); and, for a name with a kind word, Arabic opening it or
    English closing it, its consonants with the kind ("Kataib Saif al-Wadi" / "the Saif al-Wadi Brigades", "the
    Al-Zerdali Brigades" / "the Zerdali Brigades": ``_KINDS``)."""
    words = n.split()
    arabic = any(w in _ARTICLES or w in _ARABIC_KINDS for w in words) or any("x" in w for w in words)
    out: set[str] = set()
    if arabic:
        bare = words
        while len([w for w in bare[1:] if w not in _ARTICLES]) >= 2 and (
                bare[0] in _ARABIC_KINDS or bare[0].replace("x", "h").startswith("harakad")):
            bare = bare[1:]  # "Katibat Ansar al-Tilemsi" / "Katiba Ansarul Tilemsi": the kind word, spelt either way, left out
        if (core := _consonants(bare)) and len(core) >= 2:
            out.add(" ".join(core))
    kind = None
    if len(words) >= 2 and words[-1] in _KINDS and words[-1] not in _ARABIC_KINDS:
        kind, words = _KINDS[words[-1]], words[:-1]
    elif len(words) >= 2 and words[0] in _KINDS:
        kind, words = _KINDS[words[0]], words[1:]
    core = _consonants(words) if kind else []
    if kind and core and (arabic and len(core) >= 2 or len(core) == 1 and len(core[0].lstrip("-")) >= 3):
        out.add(" ".join(core) + "/" + kind)  # (an English name of two words or more keeps its words: no key)
    return out


def _consonants(words: list[str]) -> list[str]:
    """A name's words by their consonants (``skeleton``), an article written fused to the word before it ("Ansarul")
    and the article's forms left out; none when a word has no consonant."""
    core = [skeleton(_FUSED.sub("", w).replace("x", "h")) for w in words if w not in _ARTICLES]
    return core if all(core) else []


#: the kind words of an armed group's name, an Arabic one opening it or an English one closing it, as one kind
#: ("Kataib X" is "the X Brigades", "Saraya X" the "X Brigades", "Jaish X" the "X Army")
_KINDS = {"kataib": "brigade", "katayib": "brigade", "katiba": "brigade", "katibat": "brigade", "liwa": "brigade", "saraya": "brigade",
          "brigades": "brigade", "brigade": "brigade", "jaish": "army", "jaysh": "army", "army": "army",
          "jabhat": "front", "front": "front", "harakat": "movement", "movement": "movement"}


#: an Arabic article written fused to the end of the word before it ("Ansarul Islam", "Nasrud Din")
_FUSED = re.compile(r"(?<=\w{4})(?:ul|ud|us|ut|ur|un)$")


def forget_names() -> None:
    """Empty the caches of normalised names, actor ids and actor keys (``norm_name``, ``actor_id``, ``_keys``).

    They spare a batch recomputing the keys of an actor many of its reports name, but a process that stores
    for ever fills them with every name it has met, and with the names of every stored event a merge loaded
    as a candidate: up to ``NAME_CACHE`` entries each, a few hundred bytes an entry, made amid a batch's short-lived
    objects (which keeps their memory from being given back).  ``dragoman watch`` empties them after each
    batch it stores, so what they hold is one batch's names, whatever the store's size."""
    norm_name.cache_clear()
    actor_id.cache_clear()
    _keys.cache_clear()


#: the singular offices and bodies (and a country's authorities) that stand for their country's state when the name also says whose
#: ("Kenya's president", "Ethiopia's prime minister", "the Georgian government", "Chile's foreign ministry")
OFFICES = frozenset((
    "president", "premier", "chancellor", "minister", "secretary", "head", "king", "queen", "emir", "sultan",
    "monarch", "leader", "government", "regime", "administration", "cabinet", "ministry", "presidency",
    "diplomat", "ambassador", "envoy", "junta", "counterpart", "authorities",
))
#: singular offices of a country's other sectors: one person, who stands for that sector ("Nigeria's army chief")
_COMMANDS = frozenset(("chief", "commander", "counterpart", "head"))
#: the body a command belongs to ("Nigeria's army chief"): no part of the country's name
_SECTOR_NOUNS = frozenset(("army", "military", "police", "navy", "air", "armed", "defence", "defense", "security",
                           "intelligence", "border", "coast"))
#: who speaks for an office at talks ("the government delegation"): the actors' word list (``delegate_nouns``)
_DELEGATES = words("delegate_nouns")
#: determiners and numbers that do not say whose an office is ("the president", "a minister")
_BARE = frozenset(("the", "a", "an", "its", "their", "his", "her", "this", "that", "new", "former", "acting",
                   "two", "three", "both", "s", "foreign", "interior", "defence", "defense", "prime", "top", "of", "state",
                   "federal", "central", "national", "transitional", "interim", "caretaker", "ruling", "incoming",
                   "outgoing", "current"))
#: sectors a country's group shares too widely to identify anyone: its people, its civilians, its unidentified
#: gunmen ("attackers", "gunmen": two attacks on one day are no one attack for that)
_WIDE_SECTORS = frozenset(("CVL", "REF", "GOV", "UAF"))


def _group_keys(name: str, n: str, country: str | None, org: str | None, sector: str | None) -> set[str]:
    """The keys of a group actor: an organisation's body ("EU foreign ministers": the EU); one singular
    office of a country the name itself names (its state: "Kenya's president", "the Georgian
    government", "the president of Peru"; not "the Punjab government", a region's); a country's sector
    ("Peruvian police", "Malian soldiers": ``g:PER/COP``, a *weak* key that alone makes two events
    one only with more evidence, see ``store.merge``).  A bare title ("the president"), a generic
    group ("officials", "people", "Kenyans") gives none."""
    keys: set[str] = set()
    if org:  # "EU foreign ministers", "Hamas fighters": the organisation's own people
        keys.add("o:" + org)
        return keys
    if (m := _MEMBERS_OF.match(name)) is not None and len(m.group(1).split()) >= 2:
        keys.add("n:" + norm_name(m.group(1)))  # "members of the Danube Growers' Union" act as the union
    armed = _armed_group_key(name)
    if armed:  # "Ironwood Valley Brigade militants" (n:), "Al Shabaab fighters" uncoded (o:): the named group
        keys.add(armed)
        if armed.startswith("n:") and (core := _core_name(armed[2:])) != armed[2:]:
            keys.add("n:" + core)  # "gunmen of Jama'at Ansar al-Qamar" are the "Ansar as-Qamar" of another outlet
        if armed.startswith("n:") and (short := _initials_of_key(armed[2:])):
            keys.add("n:" + short)  # "fighters of the Shabelle Valley Liberation Front" are an outlet's "SVLF fighters"
    if not country:
        return keys
    words = n.split()
    head = words[words.index("of") - 1] if "of" in words[1:] else (words[-1] if words else "")
    if head in _DELEGATES and len(words) > 1 and words[-2] in OFFICES and "of" not in words[1:]:
        head = words[-2]  # "Colombian government negotiators", "the Iraqi government delegation": its state's
    if sector == "GOV" and head in OFFICES:
        if _names_country(name, country):
            keys.add("c:" + country + "/state")
    elif sector and head in _COMMANDS and _names_country(name, country):
        keys.add("c:" + country + "/" + sector)  # "Nigeria's army chief", "his Nigerien counterpart" (a soldier's)
    elif sector and sector not in _WIDE_SECTORS:
        keys.add("g:" + country + "/" + sector)
    return keys


_POSSESSIVE = re.compile(r"['’]s?$")
#: the people of an armed group, named after it: "Harakat Fajr al-Wadi militants", "Baloch Azad Lashkar gunmen"
_ARMED_HEADS = words("armed_heads")
#: words before an armed group's name that are not part of it ("Suspected Boko Haram fighters")
_ARMED_LEAD = frozenset(("suspected", "armed", "masked", "heavily", "some", "several", "many", "dozens", "hundreds",
                         "scores", "thousands", "of", "the", "a", "an", "two", "three", "four", "five", "six", "seven",
                         "eight", "nine", "ten", "about", "around", "more", "than", "at", "least", "alleged",
                         "outlawed", "banned", "proscribed", "little-known", "shadowy", "notorious"))
#: lower-case particles inside a group's name ("Harakat Fajr al-Wadi", "Front de Libération")
_NAME_PARTICLES = frozenset(("al", "el", "ad", "ash", "as", "an", "ul", "bin", "of", "de", "du", "la", "le", "des", "the", "and",
                             "for", "pour", "au", "aux", "del", "do", "da", "dos", "das", "para", "por", "et", "y", "e"))


#: what links an armed-group noun to the group's name after it ("gunmen from the ...", "fighters of the ...")
_ARMED_LINKS = frozenset(("from", "of", "with", "belonging"))
#: a crowd named as a body's own people: "(hundreds of) members of the Velnan Growers' Union"
_MEMBERS_OF = re.compile(r"^(?i:[\w,]+\s+of\s+)?(?i:members|supporters|activists|followers)\s+of\s+(?i:the\s+)?"
                         r"((?:[A-Z][\w'’.-]*\s*)+)$")
#: a generic noun closing a group's name that another outlet leaves out ("the Tana Delta Front group")
_GROUP_TAILS = frozenset(("group", "movement", "organisation", "organization", "outfit", "faction"))
#: what kind of group a name follows ("the militant group ...", "the rebel movement ...")
_GROUP_KINDS = frozenset(("militant", "rebel", "jihadist", "insurgent", "islamist", "separatist", "extremist",
                          "paramilitary"))


#: a Spanish, Portuguese or French group's name in English (``actors/data/translations.yaml``): its kind word, first
#: in the name and last in English ("Frente Aurelio Mosquera", "Aurelio Mosquera Front"); the words after it ("Armada":
#: Armed); kind words besides (a union, a party); the small word before its place ("de"); what it may be "of" that is
#: a cause, not a place ("Frente Popular de Liberación")
_FOREIGN_KINDS = translation("kinds")
_FOREIGN_WORDS = translation("words")
_FOREIGN_UNIONS = translation("unions")
_ROMANCE_OF = frozenset(translation("of_words"))
_FOREIGN_CAUSES = frozenset(translation("causes"))


def _translated(toks: list[str]) -> list[list[str]]:
    """A Spanish, Portuguese or French group's name made of a kind word, words of ``_FOREIGN_WORDS`` and "de" a
    place, as English outlets write it: "União Armada de Tete" is the "Tete Armed Union" and the
    "Armed Union of Tete"; nothing when a word is not one the table knows."""
    low = [t.lower() for t in toks]
    kinds = {**_FOREIGN_KINDS, **_FOREIGN_UNIONS}
    if len(low) < 2 or low[0] not in kinds or not toks[0][:1].isupper():
        return []
    at = next((i for i, w in enumerate(low) if w in _ROMANCE_OF), len(low))
    words = low[1:at]
    if not words or not all(w in _FOREIGN_WORDS for w in words):
        return []
    place = [t for t in toks[at + 1:] if t.lower() not in ("la", "le", "les", "el", "los", "las", "l'")]
    if any(not t[:1].isupper() or t.lower() in _FOREIGN_CAUSES for t in place):
        return []  # "Frente Popular de Liberación": of a cause, not of a place
    english = [_FOREIGN_WORDS[w] for w in words] + [kinds[low[0]]]
    if not place:
        return [english]
    return [place + english, english + ["of"] + place]


def _english_order(toks: list[str]) -> list[str]:
    """"Frente Aurelio Mosquera" as "Aurelio Mosquera Front": a foreign kind word opening a name, directly before its
    proper words (not "Frente de Liberación", whose words another outlet translates too), closes it in English."""
    if len(toks) >= 3 and toks[0].lower() in _FOREIGN_KINDS and toks[0][:1].isupper() and toks[1].lower() not in _NAME_PARTICLES:
        return toks[1:] + [_FOREIGN_KINDS[toks[0].lower()]]
    return toks


def _armed_group_key(name: str) -> str | None:
    """The key of the armed group a group actor's name is made of, or None.  The name before an armed-group
    noun ("Ironwood Valley Brigade militants" -> "n:ironwood valley brigade") or after it, linked by "from",
    "of" or "with" and "the" ("Gunmen from the Ironwood Valley Brigade", "Fighters of the Tana Delta Front
    group" -> "n:tana delta front": a closing generic noun, "group" or "militia", is dropped; without "the"
    it is where they came from: "gunmen from Lake Chad").  A group the actor lexicon knows by an
    organisation code is that organisation ("Al Shabaab fighters", "Houthi rebels" -> "o:SHABAAB",
    "o:HOUTHI"), as when the actor coder gives the code itself; otherwise at least two words of a proper
    name, not a country's name or adjective, a place or another name the lexicon knows ("Nigerian
    militants", "Islamist militants", "New York gunmen", "gunmen from Borno State" give none)."""
    toks = name.split()
    while toks and toks[0].lower().strip(",") in _ARMED_LEAD:
        toks = toks[1:]
    if len(toks) >= 3 and toks[0].lower() in _ARMED_HEADS and toks[1].lower() in _ARMED_LINKS:
        link = toks[1].lower()
        toks = toks[2:]  # "Gunmen from the Ironwood Valley Brigade": the group's name after the noun
        if toks and toks[0].lower() == "to":  # "fighters belonging to the ..."
            toks = toks[1:]
        toks = _known_as(toks)  # "gunmen from a militia calling itself the ...": the name it goes by
        if not toks or toks[0].lower() != "the" and not (link in ("of", "from") and toks[0].lower() in _ARABIC_KINDS):
            return None  # "gunmen from Lake Chad": where they came from, not a group (a group's name takes "the",
            # or an Arabic word for a group: "gunmen of Jama'at Ansar al-Qamar", "gunmen from Katiba Nasr Y")
    elif len(toks) >= 2 and toks[-1].lower() in _ARMED_HEADS:
        toks = toks[:-1]
    else:
        return None
    while toks and (toks[0].lower().strip(",") in _ARMED_LEAD
                    or toks[0].lower() in _GROUP_KINDS and len(toks) > 2 and toks[1][:1].isupper()):
        toks = toks[1:]  # (and a kind before a name: "the separatist Tolnai Azad Lashkar")
    if len(toks) > 3 and toks[0].lower() in _GROUP_KINDS and toks[1].lower() in _GROUP_TAILS:
        toks = toks[1:]  # "the militant group Harakat Fajr al-Wadi"
    if len(toks) > 2 and toks[0].lower() in _GROUP_TAILS and toks[1].lower() not in _NAME_PARTICLES:
        toks = toks[1:]  # "fighters from the armed group Jama'at Nusrat al-Sahel": the name after "group"
        # (not "the Movement for the Liberation of ...", whose name it opens)
    if (len(toks) > 2 or len(toks) == 2 and toks[0].count("-") >= 2) and (
            toks[-1].lower() in _GROUP_TAILS or toks[-1].lower() in _ARMED_HEADS):
        toks = toks[:-1]  # "the Tana Delta Front group", "the Tana Delta Front militia": the Tana Delta Front
        if len(toks) > 1 and (toks[-1].lower() == "armed" or toks[-1].lower() in _GROUP_KINDS):
            toks = toks[:-1]  # "the Kataib Ahl el-Sahra armed group", "the Ansar as-Qamar insurgent group", "the TVF rebel group"
    if not toks or not all(t.split("-")[-1][:1].isupper() or t.lower() in _NAME_PARTICLES for t in toks):
        return None
    toks = _english_order(toks)
    phrase = _POSSESSIVE.sub("", " ".join(toks))
    from dragoman.actors.lexicon import default_lexicon
    from dragoman.when_where.gazetteer import gazetteer

    known = default_lexicon().lookup(phrase)
    org = next((e.org for e in known if e.org and e.kind == "group"), None)  # armed groups; not the EU, NATO
    if org:
        return "o:" + org  # "Al Shabaab militants" the actor coder left without the group's code
    if len(toks) == 1 and 3 <= len(toks[0]) <= 8 and toks[0].isupper() and toks[0].isalpha() and not known:
        return "n:" + toks[0].lower()  # "Fighters of the SVLF": the body by its initials (``initials``)
    hyphened = len(toks) == 1 and sum(1 for w in toks[0].split("-") if w[:1].isupper()) >= 2  # "Tehreek-e-Nasr"
    if len(toks) < 2 and not hyphened or toks[0].lower() in _NAME_PARTICLES:
        return None
    for t in toks:
        head = t.split("-")[-1] if t.split("-")[0].lower() in _NAME_PARTICLES else t
        if not head[:1].isupper() and t.lower() not in _NAME_PARTICLES:
            return None
    if known or gazetteer().lookup(phrase) is not None or gazetteer().lookup(phrase, admin=True) is not None:
        return None  # a country, another known name, a place: "New York gunmen"
    n = norm_name(phrase)
    return "n:" + n if n else None


def _initials_of_key(key: str) -> str:
    """The initials of an armed group's name key of English or Romance words ("movement for the liberation of
    tessit" → "mlt"); "" for a name of Arabic words, whose particles and article outlets write in many ways."""
    words = key.split()
    if any(w in _NAME_PARTICLES and w not in _INITIAL_SKIP or len(w) < 3 and w not in _INITIAL_SKIP for w in words):
        return ""
    return initials(" ".join(w if w in _INITIAL_SKIP else w.capitalize() for w in words))


def _known_as(toks: list[str]) -> list[str]:
    """"a militia calling itself the Tana Force", "the group known as Harakat al-Tawil": "the" and the name the
    group goes by (``toks`` as they were when they say no such thing)."""
    i = 1 if toks and toks[0].lower() in ("the", "a", "an") else 0
    while i < len(toks) - 1 and toks[i].lower() in KNOWN_BODY_KINDS:
        i += 1  # "an armed group calling itself ...", "a new militant movement known as ..."
    if len(toks) < i + 3 or toks[i].lower() not in _GROUP_TAILS | _ARMED_HEADS:
        return toks
    intro = next((w for w in KNOWN_AS if [t.lower() for t in toks[i + 1:i + 1 + len(w)]] == list(w)), None)
    if intro is None:
        return toks
    rest = toks[i + 1 + len(intro):]
    return ["the", *(rest[1:] if rest and rest[0].lower() == "the" else rest)]


#: Arabic words for a group that open its name and that outlets keep or leave out ("Jama'at Ansar al-Qamar")
_ARABIC_KINDS = words("arabic_group_words")
#: the article's forms in transliterated names, left out of a group's key ("al-Qamar" / "as-Qamar")
_ARTICLES = frozenset(("al", "el", "as", "ash", "ad", "an", "ar", "at", "az", "ul", "ud"))


VOWELS = re.compile(r"[aeiouy]")
#: a name's consonants as transliterations blur them: an "h" often left out ("Hrachik" / "Rachik"), voiced and
#: voiceless pairs written either way ("Levan" / "Lefan")
_BLUR = str.maketrans({"h": None, "d": "t", "b": "p", "g": "k", "v": "f", "z": "s"})


def skeleton(w: str) -> str:
    """A name word's consonants as transliterations blur them, marked when the word opens with a vowel (an "h"
    before it left out): "Osman" / "Usman" alike, "Mahdi" / "Ahmed" not."""
    opens, bare = w.lstrip("h")[:1], VOWELS.sub("", w).translate(_BLUR)
    return ("-" if bare and VOWELS.match(opens) else "") + bare


def _core_name(n: str) -> str:
    """A group's normalised name as outlets agree on it: an opening Arabic word for a group and the article's forms
    left out ("jama at ansar as sahil" and "ansar al sahil": "ansar sahil")."""
    words = n.split()
    while len(words) > 2 and (words[0] in _ARABIC_KINDS or " ".join(words[:2]) in ("jama at",)):
        words = words[2:] if " ".join(words[:2]) == "jama at" else words[1:]
    core = [w for w in words if w not in _ARTICLES]
    return " ".join(core) if len(core) >= 2 else n


def _names_country(name: str, country: str) -> bool:
    """Does an office's name say whose it is, by the country's name or adjective ("Kenya's president",
    "the Bolivian government", "the president of Peru", "Chile's foreign ministry")?"""
    from dragoman.actors.lexicon import default_lexicon

    toks = name.split()
    while toks and toks[0].lower() in _BARE:
        toks = toks[1:]  # "the new Chilean administration"
    low = [_POSSESSIVE.sub("", t).lower() for t in toks]
    candidates = []
    if "of" in low[1:]:
        whose = toks[low.index("of", 1) + 1:]
        while whose and whose[0].lower() in _BARE:
            whose = whose[1:]
        candidates.append(whose)
    # the words before the office ("Nigeria's Chief of Army Staff": Nigeria's)
    candidates.append(toks[:next((i for i, w in enumerate(low) if w in OFFICES or w in _BARE or w in _COMMANDS
                                  or w in _SECTOR_NOUNS), len(toks))])
    # the owner in the possessive before other modifiers ("Chile's military-backed government": Chile's)
    owner = next((i for i, t in enumerate(toks) if _POSSESSIVE.search(t) and t[:1].isupper()), None)
    if owner is not None:
        candidates.append(toks[:owner + 1])
    # a capital standing for its state's rulers, as wire copy writes them: "the Lima authorities", "the Kabul
    # government" (not its mayor or its police: only the state's collective offices)
    ruling = low[-1:] in (["authorities"], ["government"], ["administration"], ["regime"])
    for whose in candidates:
        phrase = _POSSESSIVE.sub("", " ".join(whose)).strip()
        if phrase and any(e.country == country and (e.kind in ("country", "demonym", "code")
                                                    or e.kind == "capital" and ruling and whose == toks[:-1])
                          for e in default_lexicon().lookup(phrase)):
            return True
    return False


PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4, "article": 5, "none": 6}
PLACE_RANK = {"place": 0, "city": 1, "admin1": 2, "country": 3}


def member_id(article: Article, ev: Event) -> str:
    """The id of an article's event: the coder's ``ev-…`` id, or one derived from the article."""
    if ev.id.startswith("ev-"):
        return ev.id
    trig = ev.evidence[0].trigger if ev.evidence else (0, 0)
    return "ev-" + digest(article.id, ev.id, ev.type, trig[0], trig[1])


def article_rows(article: Article, *, seq: int, source_group: str, duplicate_of: str | None, now: Any,
                 source: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Every row one article contributes, by table (article events carry ``event_id`` None: merge sets it)."""
    ref = article.reference_date
    record = article.to_dict()
    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in ("articles", "article_actors", "article_events", "mentions", "times", "quotes")}
    rows["articles"].append({
        "id": article.id, "url": article.url, "canonical_url": canonical_url(article.url), "text_hash": text_hash(article.text),
        "title": article.title, "dateline": article.dateline, "agency": article.agency, "author": article.author,
        "language": article.language, "published": article.published, "ref_date": parse_date(ref.date),
        "ref_source": ref.source, "ref_trusted": ref.trusted, "source": source or str(article.meta.get("source") or "") or None,
        "duplicate_of": duplicate_of, "source_group": source_group, "dragoman_version": article.dragoman_version,
        "ingested_at": now, "seq": seq, "text": article.text,
        "record": json.dumps(record, ensure_ascii=False, default=str),
    })
    actors = {a.id: a for a in article.actors}
    for a in article.actors:
        rows["article_actors"].append({
            "article_id": article.id, "local_id": a.id, "actor_id": actor_id(a.name, a.country, a.org), "name": a.name,
            "country": a.country, "org": a.org, "sector": a.sector, "role": a.role, "kind": a.kind, "rule": a.rule,
            "mentions": json.dumps([m.to_dict() for m in a.mentions], ensure_ascii=False),
        })
    adicts = {a.id: actor_dict(a) for a in article.actors}
    for ev in article.events:
        mid = member_id(article, ev)
        srcs, tgts = _counterparts(article, ev, adicts)
        d = parse_date(ev.date)
        lo, hi = interval(d, ev.date_precision)
        loc = ev.location
        ev_text = ""
        for k, e in enumerate(ev.evidence):
            text = article.text[e.start:e.end]
            ev_text = ev_text or text
            rows["mentions"].append({
                "article_event_id": mid, "article_id": article.id, "ord": k, "start": e.start, "end": e.end,
                "trigger_start": e.trigger[0], "trigger_end": e.trigger[1], "text": text,
            })
        rows["article_events"].append({
            "id": mid, "article_id": article.id, "event_id": None, "local_id": ev.id, "type": ev.type, "mode": ev.mode,
            "contexts": list(ev.contexts), "quad_class": ev.quad_class, "cameo": ev.cameo, "score": ev.score,
            "date": d, "date_precision": ev.date_precision if d else "none", "date_text": ev.date_text,
            "date_trusted": ev.date_trusted, "reciprocal": ev.reciprocal, "negated": ev.aux.negated,
            "hypothetical": ev.aux.hypothetical, "future": ev.aux.future, "historical": ev.aux.historical,
            "confidence": ev.confidence, "rule": ev.rule, "place": loc.name if loc else None,
            "place_country": loc.country if loc else None, "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
            "place_precision": loc.precision if loc else None, "sources": json.dumps(srcs, ensure_ascii=False),
            "targets": json.dumps(tgts, ensure_ascii=False), "source_group": source_group, "url": article.url,
            "n_evidence": max(1, len(ev.evidence)), "evidence_text": ev_text, "date_lo": lo, "date_hi": hi, "seq": seq,
        })
    for k, t in enumerate(article.times):
        rows["times"].append({
            "article_id": article.id, "ord": k, "start": t.start, "end": t.end, "text": t.text, "value": t.value,
            "precision": t.precision, "type": t.type, "trusted": t.trusted, "anchor": t.anchor,
        })
    for k, q in enumerate(article.quotes):
        sp = actors.get(q.speaker) if q.speaker else None
        rows["quotes"].append({
            "article_id": article.id, "ord": k, "speaker": q.speaker,
            "speaker_actor_id": actor_id(sp.name, sp.country, sp.org) if sp else None, "speaker_name": sp.name if sp else None,
            "speaker_text": q.speaker_text, "start": q.start, "end": q.end, "text": q.text, "direct": q.direct, "cue": q.cue,
            "channel": q.channel, "events": list(q.events),
        })
    return rows
