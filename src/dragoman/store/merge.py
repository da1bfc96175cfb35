"""One event per real-world event: grouping article events reported by several articles.

Two article events are the same happening only on evidence (``compatible``):

- the same PLOVER type, the same CAMEO category (two-digit root: outlets word one act differently,
  "accused" 112 and "criticised" 111) and the same auxiliary modes (negated, hypothetical, future);
- roles aligned: sources with sources, targets with targets (either way round only when one of them
  is reciprocal, or the type is mutual by nature: meetings, agreements, cooperation); at least one *specific* participant shared on an aligned side and none of the
  aligned sides contradicting (both name specific participants and share none).  Specific: a named
  person, a named organisation, a country or its government, or one office of a named country ("Peru's
  president") (``records.actor_keys``); a generic group, a bare title or a bare place never is.  A
  country's sector ("Peruvian police", ``g:`` keys) is weak: shared alone it joins two events only when
  it is shared on both sides (sources and targets), never on one alone, even in one city: two police
  operations in one city on one day are common — save a protest's crowd, known by its city and day: a
  protest's sources carry the key of its city (``p:``, ``protest_city``), as weak as a sector, and one
  crowd of one country ("Kenyans" / "Kenyan youths") in one city on one day, dated by both texts, is one
  protest (``same_city_day``), unless the crowds contradict (students / farmers);
- dates from their own text, compatible at their precision (one day of slack between two days,
  overlapping intervals otherwise).  An event dated only by its article's date joins another
  article's event only when the two articles are near-duplicates (the copied wire story) or when the
  dates meet (two article dates equal; an article's date and the other's own day equal, or the article
  a day later) and two participants are shared, each on its side (source and target, or two joint
  sources), with no side naming someone else;
- places that do not contradict (different countries, or cities more than 50 km apart) — unless one is
  only a country (or region) and the same two people (or, for a mutual act, the same two named parties)
  are named by both and both texts date the act to one day: then one outlet placed it wrongly
  (``coarse_place``, ``same_people_same_day``); two different cities always stay two;
- two named people on one side (sources, or targets) are one only when one's name holds the other's
  ("Quispe" / "Rosa Quispe Condori"): two ministers of one country accusing one country on one day are two
  accusations, though both speak for their state;
- two sides sharing no strong key whose named participants are all of different countries
  (``side_countries``; an international body counts as its own, ``IGO``) contradict: the EU and Canada
  sanctioning one country on one day are two sanctions (targets likewise, unless a named source is shared or
  the act is mutual);
- a mutual act (meeting, agreement) whose two reports each name a person the other names neither by name nor
  by an unnamed office of the person's state (of the same portfolio, when both titles name one: "the top
  diplomat" is no defence minister) is two acts, whatever roles the people were given (``parties_apart``: "A and
  his Chilean counterpart B met" / "A met Peruvian minister C");
- kin types (``KIN_CAMEO``): one act coded under two PLOVER types by two outlets' wordings (a signed
  agreement, SUPPORT 057 in the crosswalk; "agreed to", AGREE) joins only on exact evidence: one day from
  both texts, two participants matched, no side contradicting.

An article event that restates an earlier (or better dated) event of its own article, one the coder left
unfolded ("Greece protested to the Turkish ambassador" below "Meletiou on Tuesday accused
Turkey"), neither joins nor is joined by another article's event (``Merger.restates``): its article's
event stands for it, and what that event turned away must not come in through it.  Restatements join only
restatements of events merged together (two outlets, or a copied story, each telling the act twice).

No chaining: a candidate must be compatible with *every* member of a cluster, so a cluster never
widens what it can match as members join.  A cluster never holds two events of one article (the coder
already merged restatements inside an article).  Every member that joins records why
(``merge_reason``); ``explain`` says, for a member, which clusters were considered and why each was
taken or not.

The merged event's id is the smallest id among its members' ids, so it does not depend on the
order articles were ingested in; any member id still finds it (``Store.get_event``).
Pure Python, no SQL: the store loads candidate clusters, calls ``Merger.add`` for each new
article event, and writes back the clusters marked ``touched``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from dragoman.events.attribution import SYMMETRIC
from dragoman.store.records import NAME_PARTICLES, PLACE_RANK, PRECISION_RANK, PSEUDO_COUNTRIES, actor_keys, norm_name
from dragoman.store.records import VOWELS as _VOWELS
from dragoman.store.records import skeleton as _skeleton

CITY_KM = 50.0  # two city-level places further apart than this are different places
WIDE_DAYS = 45  # clusters dated more loosely than this are indexed in one "wide" bucket


def parts(m: dict[str, Any]) -> list[dict[str, Any]]:
    """A member's participants (sources then targets), parsed once and cached on the row."""
    if "_parts" not in m:
        srcs = json.loads(m["sources"] or "[]")
        tgts = json.loads(m["targets"] or "[]")
        for a in srcs:
            a["role"] = "source"
        for a in tgts:
            a["role"] = "target"
        m["_parts"] = srcs + tgts
        m["_keys"] = [actor_keys(a) for a in m["_parts"]]
        city = protest_city(m)
        if city:  # the protesting crowd is known by its city: "p:nairobi", a weak key like a sector's
            m["_keys"] = [ks | {"p:" + city} if a["role"] == "source" else ks for a, ks in zip(m["_parts"], m["_keys"])]
    return cast(list[dict[str, Any]], m["_parts"])


def _doerless(m: dict[str, Any]) -> bool:
    """Does the member name no source with a key ("The march set off from the square": nobody said to march)?  Such
    a telling stands for its act only when no other telling of the article names the doers: "the movement called the
    protest", told after it, does."""
    return not any(a["role"] == "source" and ks for a, ks in zip(parts(m), member_keys(m)))


def protest_city(m: dict[str, Any]) -> str | None:
    """The city a protest was held in (normalised name), for the crowd's key: the event's own place at city
    precision, or else a place the coder took as a participant ("protested in Tbilisi": Tbilisi[place]);
    None for other types."""
    if m.get("type") != "PROTEST":
        return None
    if m.get("place") and m.get("place_precision") in ("city", "place"):
        return norm_name(m["place"]) or None
    for a in m["_parts"]:
        if a.get("kind") == "place" and a.get("name"):
            return norm_name(a["name"]) or None
    return None


def member_keys(m: dict[str, Any]) -> list[set[str]]:
    parts(m)
    return cast(list[set[str]], m["_keys"])


def lookup_keys(m: dict[str, Any]) -> list[set[str]]:
    """The keys a member is looked up and indexed by: its participant keys (``member_keys``) and, for a named
    person, the sound of the surname ("s:tlkdr" for Talukder and Talukdar), so that a name spelt two ways finds
    the other's cluster; the merge rules (``compatible``) then judge the pair, as sharing a sound proves nothing."""
    if "_lookup" not in m:
        m["_lookup"] = [ks | {"s:" + sound} if len(sound := _surname_sound(a, ks)) >= 2 else ks
                        for a, ks in zip(parts(m), member_keys(m))]
        town = _armed_town(m)
        if town:  # armed men no one names, in a town: found by the town ("t:nacuro"), judged by ``_armed_doers``
            m["_lookup"] = [ks | {town} if a["role"] == "source" else ks for a, ks in zip(parts(m), m["_lookup"])]
    return cast(list[set[str]], m["_lookup"])


def _armed_town(m: dict[str, Any]) -> str:
    """"t:" and the town of an attack whose doers are all armed men or an armed group (sectors of
    ``SECTOR_FAMILIES[1]``), placed in a town; "" for any other event."""
    if m.get("type") != "ASSAULT" or m.get("place_precision") not in ("city", "place") or not m.get("place"):
        return ""
    doers = [a for a in parts(m) if a["role"] == "source"]
    return "t:" + norm_name(m["place"]) if doers and all(a.get("sector") in SECTOR_FAMILIES[1] for a in doers) else ""


def _surname_sound(a: dict[str, Any], keys: set[str]) -> str:
    """The consonants of a named person's surname as compared across outlets ("tlkdr"); "" for anyone else."""
    words = person_words(a, keys)
    if words is None:
        return ""
    longest = max((k[2:] for k in keys if k.startswith("n:")), key=len)
    surname = [w for w in spelled(longest.split()[-1]) if w in words]
    return _VOWELS.sub("", surname[0]) if surname else ""


@dataclass(eq=False)
class Cluster:
    members: list[dict[str, Any]]
    old_id: str | None = None  # its id in the store before this batch
    touched: bool = False
    keys: set[str] = field(default_factory=set)
    actor_ids: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)  # the types its members can be merged across

    def __post_init__(self) -> None:
        for m in self.members:
            self._absorb(m)

    def _absorb(self, m: dict[str, Any]) -> None:
        for a, ks in zip(parts(m), lookup_keys(m)):
            self.keys |= ks
            self.actor_ids.add(a["id"])
        self.articles.add(m["article_id"])
        self.kinds |= kin_types(m)

    def add(self, m: dict[str, Any]) -> None:
        self.members.append(m)
        self._absorb(m)
        self.touched = True

    def remove_articles(self, article_ids: set[str]) -> None:
        kept = [m for m in self.members if m["article_id"] not in article_ids]
        if len(kept) != len(self.members):
            self.members = []
            self.keys, self.actor_ids, self.articles, self.kinds = set(), set(), set(), set()
            for m in kept:
                self.members.append(m)
                self._absorb(m)
            self.touched = True

    @property
    def id(self) -> str:
        return cast(str, min(m["id"] for m in self.members))

    @property
    def types(self) -> frozenset[str]:
        """The types its members can be merged across (``kin_types``): the index keys it is found under."""
        return frozenset(self.kinds)

    @property
    def rep(self) -> dict[str, Any]:
        """The member whose date is most precise (then most confident): it gives the merged fields."""
        return min(self.members, key=lambda m: (PRECISION_RANK.get(m["date_precision"] or "none", 6), -(m["confidence"] or 0), m["id"]))

    @property
    def place_member(self) -> dict[str, Any] | None:
        placed = [m for m in self.members if m.get("place")]
        if not placed:
            return None
        return min(placed, key=lambda m: (PLACE_RANK.get(m["place_precision"] or "country", 4), m["id"]))


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def places_compatible(m: dict[str, Any], other: dict[str, Any] | None) -> bool:
    if other is None or not m.get("place"):
        return True
    if m.get("place_country") and other.get("place_country") and m["place_country"] != other["place_country"]:
        return False
    fine = {"city", "place"}
    if m.get("place_precision") in fine and other.get("place_precision") in fine:
        if (m["place"] or "").casefold() == (other["place"] or "").casefold():
            return True
        if None not in (m.get("lat"), m.get("lon"), other.get("lat"), other.get("lon")):
            return _km((m["lat"], m["lon"]), (other["lat"], other["lon"])) <= CITY_KM
        return False
    return True


def dates_gap(m: dict[str, Any], rep: dict[str, Any]) -> int | None:
    """Days between the two date intervals (0 when they overlap); None when either is unknown."""
    if m.get("date_lo") is None or rep.get("date_lo") is None:
        return None
    if m["date_lo"] > rep["date_hi"]:
        return cast(int, (m["date_lo"] - rep["date_hi"]).days)
    if rep["date_lo"] > m["date_hi"]:
        return cast(int, (rep["date_lo"] - m["date_hi"]).days)
    return 0


def role_keys(m: dict[str, Any]) -> tuple[frozenset[str], frozenset[str]]:
    """The specific participant keys of a member's sources and of its targets."""
    if "_roles" not in m:
        src: set[str] = set()
        tgt: set[str] = set()
        for a, ks in zip(parts(m), member_keys(m)):
            (src if a["role"] == "source" else tgt).update(ks)
        m["_roles"] = (frozenset(src), frozenset(tgt))
    return m["_roles"]  # type: ignore[no-any-return]


def person_keys(m: dict[str, Any]) -> tuple[tuple[frozenset[str], ...], tuple[frozenset[str], ...]]:
    """The people (not organisations) among a member's sources and among its targets, each as the words of
    its longest name key ("rosa quispe mamani"): one name is one person when its words hold the other's
    ("Quispe" / "Rosa Quispe Condori", "Meletiou" / "Stavros Meletiou")."""
    if "_people" not in m:
        src: list[frozenset[str]] = []
        tgt: list[frozenset[str]] = []
        for a, ks in zip(parts(m), member_keys(m)):
            words = person_words(a, ks)
            if words is not None:
                (src if a["role"] == "source" else tgt).append(words)
        m["_people"] = (tuple(src), tuple(tgt))
    return m["_people"]  # type: ignore[no-any-return]


#: how one name is spelt by different outlets, transliterated from another script: each pair's first is written
#: as its second when two names are compared ("Chaiwatt" / "Chaiwat", "Hryhorenko" / "Hrihorenko",
#: "Rakhimzoda" / "Rahimzoda", "Dzhaksybekov" / "Jaksibekov" / "Djaksybekov", "Fathy" / "Fathi", "Olexandr" /
#: "Oleksandr", "Kadhim" / "Kazim", one Arabic letter)
_SPELLINGS = (("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("ph", "f"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("y", "i"),
              ("x", "ks"), ("dh", "z"))
#: a Turkish "c" before a front vowel, said "j", as an Arabic or Persian outlet writes it ("Cemal" / "Jemal"); not one
#: before "a" or "o" or at a word's end, often another language's "k" ("Vlasiuc" / "Vlasiuk")
_SOFT_C = re.compile(r"c(?=[eiu])")
_DOUBLE = re.compile(r"(.)\1+")
#: words of a name that outlets abbreviate
_ABBREVIATED = {"saint": "st", "sainte": "ste", "san": "s", "santa": "sta", "mount": "mt"}


def spelled(name: str) -> frozenset[str]:
    """The words of a normalised person's name (``records.norm_name``) as compared across outlets: name
    particles left out ("al-Saadi" / "Saadi", "Ruiz de Velasco" / "Ruiz Velasco"), transliteration variants
    written one way (``_SPELLINGS``) and doubled letters single."""
    out = set()
    for w in name.split():
        if w in NAME_PARTICLES:
            continue
        w = _ABBREVIATED.get(w, w)  # "St-Fleur" / "Saint-Fleur"
        for a, b in _SPELLINGS:
            w = w.replace(a, b)
        w = _SOFT_C.sub("j", w)
        out.add(_DOUBLE.sub(r"\1", w))
    return frozenset(out) or frozenset(name.split())


def person_words(a: dict[str, Any], keys: Iterable[str]) -> frozenset[str] | None:
    """A named person's words as compared across outlets (``spelled``, of the longest of its ``n:`` keys); ``None``
    for anyone else."""
    names = [k[2:] for k in keys if k.startswith("n:")]
    return spelled(max(names, key=len)) if a.get("kind") == "person" and names else None


def shared_person_key(x: frozenset[str], y: frozenset[str]) -> str:
    """The key two events add on the sides naming one person in two forms (``one_person``): the shorter form's."""
    return "n:~" + " ".join(sorted(x if len(x) <= len(y) else y))


def one_person(x: frozenset[str], y: frozenset[str]) -> bool:
    """Are two people's name words (``spelled``) one person's?  One's words hold the other's ("Quispe" /
    "Rosa Quispe Condori"), or they share a word and are otherwise written with the same consonants, as
    names transliterated from Arabic or Amharic are ("Mohamed Fathy El-Sayed" / "Muhammad Fathi al-Sayed"), or
    one writes as one word what the other writes as two ("Mohammad Reza Kazemi Tabar" / "Mohammad-Reza Kazemitabar"),
    or one gives initials for the other's given names ("V. A. Kulkarni" / "Vikram Anand Kulkarni"), or cuts a given
    name short ("Ravi Persaud" / "Ravindra Nath Persaud")."""
    x, y = _initialled(x, y)
    x, y = _unfused(x, y), _unfused(y, x)
    if x <= y or y <= x:
        return True
    if not any(len(w) >= 4 for w in x & y):
        # a short word shared, the rest written with the same consonants, word for word: "Seo Jeong-hun" / "Suh Jung-hun"
        return _transliterated(x, y) or bool(x & y) and min(len(x), len(y)) >= 3 and len(x) == len(y) \
            and all(_skeleton(w) for w in x | y) and {_skeleton(w) for w in x} == {_skeleton(w) for w in y}
    joined = ({a + b for a in x for b in x if a != b} & y) or ({a + b for a in y for b in y if a != b} & x)
    if joined:  # "Kazemi Tabar" / "Kazemitabar": one word written as two
        rest_x = {w for w in x if not any(w in j for j in joined)}
        rest_y = {w for w in y if not any(w in j for j in joined)}
        if rest_x <= rest_y or rest_y <= rest_x:
            return True
    sx = {_skeleton(w) for w in x}
    sy = {_skeleton(w) for w in y}
    if sx <= sy or sy <= sx:
        return True
    # "Abdulaziz Jassim al-Mutawa" / "Abdel Aziz Jasem al-Mutawaa": two words of one written as one of the other's,
    # with the same consonants
    fx, fy = _fused(x, sy), _fused(y, sx)
    if (fx != sx or fy != sy) and (fx <= fy or fy <= fx):
        return True
    # "Oleksandr Marchenko" / "Olekszandr Marchenko": every other word of the shorter name is a long word of
    # the other's written with one letter changed, added or left out (two in a word of nine letters or more)
    short, other = (x - y, y - x) if len(x) <= len(y) else (y - x, x - y)
    if short and x & y and all(len(w) >= 3 and any(v.startswith(w) and len(v) > len(w) + 1 for v in other) for w in short):
        return True  # "Ravi Persaud" / "Ravindra Nath Persaud": a given name cut short
    return bool(short) and all(len(w) >= 6 and any(_near(w, v) for v in other) for w in short)


def _fused(x: frozenset[str], other: set[str]) -> set[str]:
    """The consonant skeletons of a name's words, two words written as one where the other name (``other``, its
    skeletons) writes them so ("Abdel Aziz" / "Abdulaziz"; "Abdul Salam" / "Abdussalam", the article's "l" said as
    the letter after it: ``_SUN_LETTER``)."""
    out = {_skeleton(w) for w in x}
    for a in x:
        for b in x:
            if a == b:
                continue
            joins = (a + b, a[:-1] + b) if _SUN_LETTER.search(a) and b[:1] in _SUN_LETTERS else (a + b,)
            if (j := next((s for s in map(_skeleton, joins) if s in other), None)) is not None and j not in out:
                out -= {_skeleton(a), _skeleton(b)}
                out.add(j)
    return out


#: a name word ending in the Arabic article ("Abdul", "Abdel"), and the letters (as written in Latin script) the
#: article's "l" is said as when the next word starts with one, and so often written ("Abdussalam", "Abdunnur")
_SUN_LETTER = re.compile(r"^abd[aeu]l$")
_SUN_LETTERS = frozenset("tdrzsnl")


def _unfused(x: frozenset[str], y: frozenset[str]) -> frozenset[str]:
    """``x``'s words with an Arabic article written fused to a name ("Eltayeb", "Alhassan") split off where the
    other name ``y`` writes that name alone, its consonants the same ("Eltayeb Babikir" / "Al-Tayeb Osman
    Babiker": "tayeb")."""
    def bare(w: str) -> str | None:
        if len(w) < 6 or w[:2] not in ("al", "el"):
            return None
        rest = _skeleton(w[2:])
        return next((v for v in y if v not in x and len(v) >= 4 and _skeleton(v) == rest), None)

    return frozenset(bare(w) or w for w in x)


def _initialled(x: frozenset[str], y: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Two names' words with each word of one written as its initial where the other gives that initial alone
    ("v a kulkarni" / "vikram anand kulkarni": both "v a kulkarni")."""
    def shorten(words: frozenset[str], initials: set[str]) -> frozenset[str]:
        out = set()
        for w in sorted(words, key=len, reverse=True):
            if len(w) > 1 and w[0] in initials:
                initials.discard(w[0])
                out.add(w[0])
            else:
                out.add(w)
        return frozenset(out)

    ix = {w for w in x if len(w) == 1}
    iy = {w for w in y if len(w) == 1}
    if not ix and not iy:
        return x, y
    return shorten(x, iy - x), shorten(y, ix - y)


def _transliterated(x: frozenset[str], y: frozenset[str]) -> bool:
    """Are two names that share no word one name spelt two ways, as names transliterated from another script are
    ("Hazim al-Saedi" / "Hazem al-Saadi", "Nikiforos Charalambidis" / "Nikephoros Charalampidis")?  Every word of
    the shorter, two at least and eight letters in all, is a word of the other written with the same consonants (or,
    three at least, the same once the letters one Cyrillic letter is written as are read alike: ``_CYRILLIC``) or,
    six letters or more, with one letter changed, added or left out (two in nine letters or more)."""
    short, other = (x, y) if len(x) <= len(y) else (y, x)
    if len(short) < 2 or sum(map(len, short)) < 8:
        return False
    skeletons = {_VOWELS.sub("", v) for v in other}
    cyrillic = {_VOWELS.sub("", _cyrillic(v)) for v in other}
    return all(w in other or len(_VOWELS.sub("", w)) >= 2 and _VOWELS.sub("", w) in skeletons
               or len(w) >= 6 and any(_near(w, v) for v in other)
               or len(c := _VOWELS.sub("", _cyrillic(w))) >= 3 and c in cyrillic for w in short)


#: letters one Cyrillic letter is written as by different languages' transliterations: "zh" / "j" (ж: "Zhuravko" /
#: "Juravco"), "kh" / "h" (х), "h" / "g" (Ukrainian г: "Hryhoriy" / "Grigoriy"), "c" / "k" (Romanian: "-ac" / "-ak")
_CYRILLIC = (("zh", "j"), ("kh", "x"), ("h", "g"), ("c", "k"), ("x", "h"))


def _cyrillic(w: str) -> str:
    """A name word with the letters of ``_CYRILLIC`` written one way."""
    for a, b in _CYRILLIC:
        w = w.replace(a, b)
    return w


def _near(a: str, b: str) -> bool:
    """Are two long words one spelling apart (``one_person``)?"""
    limit = 2 if min(len(a), len(b)) >= 9 else 1
    if len(b) < 6 or abs(len(a) - len(b)) > limit:
        return False
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1] <= limit


def side_countries(m: dict[str, Any]) -> tuple[frozenset[str], frozenset[str]]:
    """The countries of a member's sources and of its targets that are named specifically (a person, an
    organisation, a state: a participant with a strong key), by the actor's country code — an international
    body by its own (``IGO``): "the EU" and "Canada", "the African Union" and "Kenya" are of different
    countries.  So does a government body the keys leave out, whose own name does not name its country ("the
    Sirte-based administration", "the Cusco government": of Libya, of Peru, if not its state).  A participant of
    unknown country adds none."""
    if "_countries" not in m:
        src: set[str] = set()
        tgt: set[str] = set()
        for a, ks in zip(parts(m), member_keys(m)):
            if a.get("country") and (strong(ks) or a.get("kind") == "group" and a.get("sector") == "GOV"
                                     and a.get("country") not in PSEUDO_COUNTRIES):
                (src if a["role"] == "source" else tgt).add(a["country"])
        m["_countries"] = (frozenset(src), frozenset(tgt))
    return m["_countries"]  # type: ignore[no-any-return]


#: a named person: the words of its longest name, its ``c:`` keys and its title's portfolio ("defence", or None)
_Person = tuple[frozenset[str], frozenset[str], str | None]


def _parties(m: dict[str, Any]) -> tuple[list[_Person], frozenset[tuple[str, str | None]]]:
    """A member's named people, in any role (``_Person``), and the ``c:`` keys of its participants that are not
    named people (a country, "Norway's prime minister"), each with that office's portfolio (None for any)."""
    people: list[_Person] = []
    offices: set[tuple[str, str | None]] = set()
    for a, ks in zip(parts(m), member_keys(m)):
        words = person_words(a, ks)
        states = frozenset(k for k in ks if k.startswith("c:"))
        if words is not None:
            people.append((words, states, a.get("portfolio")))
        else:
            offices |= {(k, a.get("portfolio")) for k in states}
    return people, frozenset(offices)


def _by_office(states: frozenset[str], office: str | None, offices: frozenset[tuple[str, str | None]]) -> bool:
    """Is a person of ``states`` holding ``office`` named by one of ``offices``: an office of the same state whose
    portfolio is the person's or unknown ("Nikos Meletiou, the Foreign Minister" / "Greece's top diplomat"; not
    "the Defence Minister" / "Greece's top diplomat")?"""
    return any(k in states and (office is None or other is None or office == other) for k, other in offices)


def parties_apart(m: dict[str, Any], o: dict[str, Any]) -> bool:
    """For a mutual act (a meeting, an agreement), whose roles are the outlet's choice: does each event name
    a person, in any role, whom the other names neither by name nor by an unnamed office of the person's
    state ("Foreign Minister Paulo Reis and his Chilean counterpart Ana Soto met", the two joint sources, /
    "Reis met Peruvian Foreign Minister Hugo Lara")?  Then they are two acts, whichever sides the people were
    put on.  "President Daniel Mwangi met Tanzania's president" / "President Grace Mollel met Kenya's president"
    name each other's person by office: one meeting.  An office names the person only if its portfolio is the
    person's or unknown (``portfolio``: "Peru's top diplomat" is not "Peru's Defence Minister Ramiro Huaman"), and
    an office of one portfolio beside the other's person of another, and no one else of that state, is a party
    the other does not name."""
    (mine, my_offices), (theirs, their_offices) = _parties(m), _parties(o)

    def other(person: _Person, people: list[_Person], offices: frozenset[tuple[str, str | None]]) -> bool:
        words, states, office = person
        return not any(one_person(words, w) for w, _, _ in people) and not _by_office(states, office, offices)

    def other_office(office: tuple[str, str | None], people: list[_Person], offices: frozenset[tuple[str, str | None]]) -> bool:
        # "Peru's top diplomat" beside a Peruvian named as its defence minister (or only an office of Peru's of
        # another portfolio: "Peru's Minister of Defence"), and no one of Peru's foreign office
        state, port = office
        held = [p for _, states, p in people if state in states] + [p for k, p in offices if k == state]
        return port is not None and any(p is not None and p != port for p in held) and not any(
            p is None or p == port for p in held)

    def names_another(people: list[_Person], offices: frozenset[tuple[str, str | None]], others: list[_Person],
                      other_offices: frozenset[tuple[str, str | None]]) -> bool:
        return any(other(p, others, other_offices) for p in people) or any(
            other_office(o, others, other_offices) for o in offices)

    return (names_another(mine, my_offices, theirs, their_offices)
            and names_another(theirs, their_offices, mine, my_offices))


#: sectors of a country's people outside its state: its opposition, students, unions, press, business, clergy
CIVIL_SECTORS = frozenset(("OPP", "EDU", "LAB", "NGO", "JRN", "BUS", "REL", "AGR", "MED", "HLH"))


def groups_apart(m: dict[str, Any], o: dict[str, Any]) -> bool:
    """For a mutual act: does one event name a country's state (a minister, the government) and the other,
    instead, only a group of that country's civil society (``CIVIL_SECTORS``: "the EU envoy met President
    Vidal" / "the EU envoy met opposition leaders and students")?  Then each names a party the other does not: two meetings.  A named
    official whose country the text does not say ("President Dragan Milovanovic") may be of any country."""
    def sides(x: dict[str, Any]) -> tuple[set[str], set[tuple[str, str]]]:
        states: set[str] = set()
        groups: set[tuple[str, str]] = set()
        for a, ks in zip(parts(x), member_keys(x)):
            states |= {k[2:].split("/", 1)[0] for k in ks if k.startswith("c:") and k.endswith("/state")}
            if a.get("kind") == "person" and a.get("sector") == "GOV" and not a.get("country") and strong(ks):
                states.add("*")  # "President Dragan Milovanovic", whose country the text did not say
            if not strong(ks):
                groups |= {(k[2:].split("/", 1)[0], k.split("/", 1)[1]) for k in ks if k.startswith("g:") and "/" in k
                           and k.split("/", 1)[1] in CIVIL_SECTORS}
        return states, groups

    (st_m, gr_m), (st_o, gr_o) = sides(m), sides(o)

    def only_groups(states: set[str], groups: set[tuple[str, str]], other_states: set[str],
                    other_groups: set[tuple[str, str]]) -> bool:
        return "*" not in states and any((c in other_states or "*" in other_states) and c not in states and not any(
            c == c2 and (s == s2 or any(s in f and s2 in f for f in SECTOR_FAMILIES)) for c2, s2 in other_groups)
            for c, s in groups)

    return only_groups(st_m, gr_m, st_o, gr_o) or only_groups(st_o, gr_o, st_m, gr_m)


def _protesters_apart(x: frozenset[str], y: frozenset[str]) -> bool:
    """Do two protests' sources name groups of different sectors of civil society and share none ("transport
    workers" and "teachers" rallying in one city on one day: two protests, though both target the state)?"""
    if x & y:
        return False
    sectors = [{k.split("/", 1)[1] for k in keys if k.startswith("g:") and "/" in k} & CIVIL_SECTORS for keys in (x, y)]
    return bool(sectors[0] and sectors[1] and not sectors[0] & sectors[1])


def _countries_apart(x: frozenset[str], y: frozenset[str]) -> bool:
    return bool(x and y and not x & y)


def same_people(sm: frozenset[str], tm: frozenset[str], so: frozenset[str], to: frozenset[str],
                pm: People, po: People) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Two events' side keys (``role_keys``) with one key more on each side that names a person the other
    event names in another form: "Gonzalo Ferreyros" and "Gonzalo Ferreyros Alcazar", "Quispe" and "Marcela
    Quispe Mamani" (a second surname, a middle name: one name's words hold the other's, as ``people_apart``
    reads them) share ``n:~`` and the shorter name's words, so the sides align on that person."""
    sides_m, sides_o = [set(sm), set(tm)], [set(so), set(to)]
    for i, mine in enumerate(pm):
        for j, theirs in enumerate(po):
            for x in mine:
                for y in theirs:
                    if x != y and one_person(x, y):
                        key = shared_person_key(x, y)
                        sides_m[i].add(key)
                        sides_o[j].add(key)
    return frozenset(sides_m[0]), frozenset(sides_m[1]), frozenset(sides_o[0]), frozenset(sides_o[1])


def keys_with_people(m: dict[str, Any], o: dict[str, Any]) -> list[set[str]]:
    """Each participant's keys of ``m`` (``member_keys``), a person's with the ``n:~`` key ``same_people`` gives
    when ``o`` names that person in another form: so the participants the two events share are counted whole."""
    theirs = [w for side in person_keys(o) for w in side]
    out: list[set[str]] = []
    for a, ks in zip(parts(m), member_keys(m)):
        ks = set(ks)
        x = person_words(a, ks)
        if x is not None:
            for y in theirs:
                if x != y and one_person(x, y):
                    ks.add(shared_person_key(x, y))
        out.append(ks)
    return out


def people_apart(p1: Iterable[frozenset[str]], p2: Iterable[frozenset[str]]) -> bool:
    """Do two sides name people (``person_keys``) and none of one side's people is one of the other's?"""
    p1, p2 = tuple(p1), tuple(p2)
    return bool(p1 and p2) and not any(one_person(x, y) for x in p1 for y in p2)


def strong(keys: Iterable[str]) -> frozenset[str]:
    """The keys that name one participant: a person, an organisation, a country's state (not a country's
    sector, ``g:``, nor a protesting crowd's city, ``p:``)."""
    return frozenset(k for k in keys if not k.startswith(WEAK))


#: key prefixes that never identify a participant alone: a country's sector, a protesting crowd's city
WEAK = ("g:", "p:")


def _who(keys: frozenset[str]) -> frozenset[str]:
    """The keys that say who a side is (all but a protest's city, ``p:``): what sides contradict on."""
    return frozenset(k for k in keys if not k.startswith("p:"))


def _countries(keys: Iterable[str]) -> set[str]:
    return {k[2:].split("/", 1)[0] for k in keys if k.startswith(("c:", "g:"))}


#: country sectors that outlets use for one body: who arrests is "police" in one report and "security
#: forces" (coded military) in another; who attacks is "gunmen", "militants" or "rebels"
SECTOR_FAMILIES = (frozenset(("COP", "MIL")), frozenset(("REB", "INS", "UAF")))


def _sector_kin(a: Iterable[str], b: Iterable[str]) -> bool:
    """Do two sets of sector keys (``g:PER/COP``) name one country's sectors of one family (police and
    security forces; gunmen, militants and rebels)?"""
    def split(keys: Iterable[str]) -> set[tuple[str, str]]:
        return {(k[2:].split("/", 1)[0], k.split("/", 1)[1]) for k in keys if k.startswith("g:") and "/" in k}

    return any(ca == cb and any(sa in f and sb in f for f in SECTOR_FAMILIES) for ca, sa in split(a) for cb, sb in split(b))


def _armed_kin(m: dict[str, Any], o: dict[str, Any]) -> bool:
    """Do both events name their doers only as armed men ("unidentified gunmen", which give no key, "armed men",
    "rebels"), sectors of one family (``SECTOR_FAMILIES``) of one country, one of them perhaps by the armed group's
    name ("gunmen stormed the town" / "the X Movement claimed the raid on the town"): no person, and no body named
    on both sides?"""
    def doers(x: dict[str, Any]) -> list[dict[str, Any]]:
        return [a for a in parts(x) if a["role"] == "source"]

    dm, do = doers(m), doers(o)
    armed = SECTOR_FAMILIES[1]
    if not dm or not do or any(a.get("sector") not in armed or a.get("kind") == "person" for a in dm + do):
        return False
    named = [any(a.get("kind") == "organisation" for a in d) for d in (dm, do)]
    cm, co = ({a["country"] for a in d if a.get("country")} for d in (dm, do))
    return not all(named) and bool(cm or co) and (not cm or not co or bool(cm & co))


def _protests_apart(m: dict[str, Any], o: dict[str, Any], sm: frozenset[str], so: frozenset[str]) -> str | None:
    """Why two protests (``sm``, ``so``: their sources' keys) are two, or ``None``."""
    if _protesters_apart(sm, so):
        return "different protesters: each names a group of its own sector, the other's not"
    if _stance(m) != _stance(o) and not strong(sm & so):
        # "rallied in support of the bill" / "marched against the bill", one city, one day: a counter-rally
        return "a rally for and a protest against, by crowds named apart"
    return None


def _armed_doers(m: dict[str, Any], o: dict[str, Any], found: tuple[frozenset[str], int] | None,
                 sides: tuple[frozenset[str], ...]) -> tuple[tuple[frozenset[str], int] | None, str]:
    """``found`` (``_aligned``'s keys shared and on how many sides) where the doers of two acts are armed men no one
    names on both sides, and a note saying so: "gunmen attacked the town of X, killing five civilians" / "the Y
    Movement's fighters stormed X, shooting residents", armed men of one country against the same kind of victims
    in one town on one day, share both sides; so do "gunmen attacked the army checkpoint in X" / "militants overran
    the checkpoint", one country's sectors of one family (``SECTOR_FAMILIES``), no one named, in one town."""
    sm, tm, so, to = sides
    if found is None and _armed_kin(m, o) and same_city_day(m, o) and _victims_kin(m, o):
        return (frozenset(), 2), " (armed men of one country against the same kind of victims, in one town on one day)"
    if found is not None and found[1] == 1 and not (sm & so) and tm & to and (_sector_kin(sm, so) or _armed_kin(m, o)) \
            and not any(k.startswith(("n:", "o:")) for k in sm | so) and _one_town(m, o):
        return (found[0], 2), " (the doers named by kindred sectors of one country)"
    return found, ""


def _stance(m: dict[str, Any]) -> bool:
    """Is a protest one held for something ("rallied in support of the bill": the coder's ``+support``)?"""
    return "+support" in (m.get("rule") or "")


def _one_town(m: dict[str, Any], o: dict[str, Any]) -> bool:
    """Is one of two events placed in a town (or a place in one), and the other in the same or nowhere — or in a
    province of the same country, the town being one no gazetteer knows (where it lies unknown: "the town of Tambochaca"
    / "in Tambochaca, in Cusco province", the second name not taken for a town)?"""
    fine = {"city", "place"}
    placed = [x for x in (m, o) if x.get("place")]
    towns = [x for x in placed if x.get("place_precision") in fine]
    unmapped = len(towns) == 1 and towns[0].get("lat") is None and all(
        x.get("place_precision") == "admin1" and x.get("place_country") == towns[0].get("place_country")
        for x in placed if x is not towns[0])
    return bool(placed) and (all(x.get("place_precision") in fine for x in placed) or unmapped) and places_compatible(m, o)


def _victims_kin(m: dict[str, Any], o: dict[str, Any]) -> bool:
    """Do two events' targets name groups of one country and sector ("at least five civilians" / "residents")?"""
    def victims(x: dict[str, Any]) -> set[tuple[str, str]]:
        return {(a["country"], a["sector"]) for a in parts(x)
                if a["role"] == "target" and a.get("kind") == "group" and a.get("country") and a.get("sector")}

    return bool(victims(m) & victims(o))


def _contradict(a: frozenset[str], b: frozenset[str]) -> bool:
    """Do two sides of one role name different participants?  Both name people or organisations, share
    none of them and share no more than a country's sector ("Ironwood Valley Brigade militants" / "Harakat
    Fajr al-Wadi militants", both Nigerian rebels); or they share nothing, and both name a person or
    organisation, or both name a country's state ("Lithuania" / "Poland"); or neither names
    one and both name a country's sector, not of one family ("Peruvian police" / "Peruvian prosecutors";
    but "Tunisian police" / "Tunisian security forces" is one body: ``SECTOR_FAMILIES``); or one names
    only a sector of another country than every one the other names.  A person of unknown country and a
    country's state do not contradict: "Secretary Carmen Reyes" may well speak for Chile."""
    if not a or not b:
        return False
    names = [{k for k in x if k.startswith(("n:", "o:"))} for x in (a, b)]
    if a & b:
        # a shared country's sector does not make two named groups one ("Ironwood Valley Brigade militants" /
        # "Harakat Fajr al-Wadi militants", both Nigerian rebels); a shared state does (a minister and a
        # stray name: "Sok Vannak" / "Cambodia" and "Government House")
        return bool(names[0] and names[1] and not names[0] & names[1] and not strong(a & b))
    sa, sb = strong(a), strong(b)
    if sa and sb:
        states = [{k for k in x if k.startswith("c:")} for x in (sa, sb)]
        return bool(names[0] and names[1]) or bool(states[0] and states[1])
    if not sa and not sb:
        return not _sector_kin(a, b)
    ca, cb = _countries(a), _countries(b)
    return bool(ca and cb and not ca & cb)


def _named_apart(t1: frozenset[str], t2: frozenset[str], p1: tuple[frozenset[str], ...], p2: tuple[frozenset[str], ...]) -> bool:
    """Do two target sides name different people (``p1``, ``p2``: their people, ``person_keys``) or
    different countries' states?"""
    if people_apart(p1, p2):
        return True
    c1 = {k for k in t1 if k.startswith("c:")}
    c2 = {k for k in t2 if k.startswith("c:")}
    return bool(c1 and c2 and not c1 & c2)


People = tuple[tuple[frozenset[str], ...], tuple[frozenset[str], ...]]
Countries = tuple[frozenset[str], frozenset[str]]
_NONE: Countries = (frozenset(), frozenset())


def _aligned(s1: frozenset[str], t1: frozenset[str], s2: frozenset[str], t2: frozenset[str],
             p1: People = ((), ()), p2: People = ((), ()), c1: Countries = _NONE,
             c2: Countries = _NONE, mutual: bool = False) -> tuple[frozenset[str], int] | None:
    """The keys shared on aligned sides and on how many sides (1 or 2), or None when nothing is shared
    or the sides contradict: the sources name different participants — or different people (``p1``,
    ``p2``: the sides' people, sources then targets), even of one state: "Greek Foreign Minister Nikos
    Meletiou accused Turkey" / "Greek Defence Minister Yannis Doukas accused Turkey" on one day are two
    accusations — or the targets do and the sources share no named person or organisation (targets
    are often a place or a part of a list: "attacked the army post in Djugu" / "attacked soldiers") —
    but two targets naming different people or different countries' states always contradict: "the
    president met Rosa Quispe" / "the president met Tomas Vidal" are two meetings.  Two source sides sharing
    no strong key whose specifically named participants are all of different countries (``c1``, ``c2``: the
    sides' countries, ``side_countries``) contradict too: "the EU imposed sanctions on Belarus" / "Canada
    imposed sanctions on Belarus" on one day are two sanctions; two target sides likewise, unless the
    sources share a named person or organisation or the act is mutual (``mutual``: a meeting's "target" is
    often its topic, "met ... to discuss Mercosur tariffs", and its parties are checked by ``parties_apart``)."""
    if _contradict(_who(s1), _who(s2)) or people_apart(p1[0], p2[0]) or people_apart(p1[1], p2[1]):
        return None
    named_source = any(k.startswith(("n:", "o:")) for k in s1 & s2)
    if _countries_apart(c1[0], c2[0]) and not strong(s1 & s2):
        return None
    if _countries_apart(c1[1], c2[1]) and not strong(t1 & t2) and not named_source and not mutual:
        return None  # targets, as above: a shared named source lets a list or a stray target differ
    if _contradict(_who(t1), _who(t2)) and (not any(k.startswith(("n:", "o:")) for k in s1 & s2) or _named_apart(t1, t2, p1[1], p2[1])):
        return None
    shared = (s1 & s2) | (t1 & t2)
    if not shared:
        return None
    return frozenset(shared), int(bool(s1 & s2)) + int(bool(t1 & t2))


#: CAMEO roots that word one act at different strengths: an appeal (02, "called on X to leave") and a
#: demand (10, "demanded that X leave") are one request told by two outlets; "a suicide bombing" (18) and "an
#: attack" (19) one assault
CAMEO_FAMILIES = (frozenset(("02", "10")), frozenset(("18", "19")))


def cameo_compatible(a: str | None, b: str | None) -> bool:
    """The same CAMEO category (its two-digit root, or roots of one family): two outlets word one act
    differently ("accused" 112, "criticised" 111; "sanctions" 163, "embargo" 162; "called on" 020,
    "demanded" 100); the PLOVER type is equal already."""
    if not a or not b:
        return True
    return a[:2] == b[:2] or any(a[:2] in f and b[:2] in f for f in CAMEO_FAMILIES)




def _key_names(keys: Iterable[str]) -> str:
    return ", ".join(sorted(k.split(":", 1)[1] for k in keys))


def own_date(m: dict[str, Any]) -> bool:
    """Is the event dated by its own text (not only by its article's date)?"""
    return m.get("date_lo") is not None and m.get("date_precision") not in ("article", "none", None)


def _article_dates_meet(m: dict[str, Any], o: dict[str, Any]) -> bool:
    """Can two events, at least one dated only by its article's date, be on one day?  Two article dates:
    equal.  An article's date and a day from the other's own text: that day, or the day before (news of
    a day is published that day or the next morning: "Chile has accused Lima of ...", published on the
    9th, and "on Tuesday [the 8th] accused Peru"); never a day after the article (it had not happened)."""
    if m.get("date") is None or o.get("date") is None:
        return False
    if own_date(m) == own_date(o):  # both dated by their articles (two own dates never come here)
        return bool(m["date"] == o["date"])
    dated, by_article = (m, o) if own_date(m) else (o, m)
    if dated["date_precision"] != "day":
        return False
    return 0 <= int((by_article["date"] - dated["date"]).days) <= 1


#: CAMEO codes whose act another outlet's wording puts under another PLOVER type: signing a formal
#: agreement (057) is SUPPORT in the CAMEO-to-PLOVER crosswalk, while "X and Y agreed to ..." is AGREE
KIN_CAMEO = {"057": "AGREE"}
_KIN_TYPE = {"057": "SUPPORT"}  # the type a KIN_CAMEO code has itself


def kin_types(m: dict[str, Any]) -> frozenset[str]:
    """The PLOVER types an article event may be merged across: its own, and the other type its act is
    coded under when worded otherwise (a signed agreement, SUPPORT 057, and "agreed", AGREE)."""
    if "_kin" in m:
        return cast(frozenset[str], m["_kin"])
    out = {m["type"]}
    for code, typ in KIN_CAMEO.items():
        if m["type"] == typ:
            out.add(_KIN_TYPE[code])  # "agreed": perhaps a signing another outlet told
        elif m["type"] == _KIN_TYPE[code] and (m.get("cameo") or "").startswith(code):
            out.add(typ)
    m["_kin"] = frozenset(out)
    return m["_kin"]  # type: ignore[no-any-return]


def _kin(m: dict[str, Any], o: dict[str, Any]) -> bool:
    """Two types of one act: one's CAMEO is a ``KIN_CAMEO`` code whose other type is the other's."""
    return any((x.get("cameo") or "").startswith(code) and x["type"] == _KIN_TYPE[code] and y["type"] == typ
               for code, typ in KIN_CAMEO.items() for x, y in ((m, o), (o, m)))


def same_city_day(m: dict[str, Any], o: dict[str, Any]) -> bool:
    """Are two events held in one city (``protest_city`` the same, or both placed within ``CITY_KM``) and
    dated by both texts to one day?  A protest is known by its crowd, its place and its day: one
    country's students (or "Kenyans" and "Kenyan youths") protesting in one city on one day are one
    protest in two outlets' words (as ACLED counts them: one event per place, day and kind of crowd),
    where police arresting in one city on one day are not."""
    if not (own_date(m) and own_date(o) and m["date_precision"] == "day" == o["date_precision"] and m["date"] == o["date"]):
        return False
    parts(m), parts(o)
    city = protest_city(m)
    if city and city == protest_city(o):
        return True
    fine = {"city", "place"}
    if not (m.get("place") and o.get("place") and m.get("place_precision") in fine and o.get("place_precision") in fine):
        return False
    return places_compatible(m, o)


def one_country(m: dict[str, Any], o: dict[str, Any]) -> bool:
    """Do two protests' crowds say they are of one country ("Kenyans" / "Kenyan youths")?  A crowd of no
    country said ("members of a nurses' coalition") is not known to be the other's, though in the same city."""
    def countries(x: dict[str, Any]) -> set[str]:
        return {a["country"] for a in parts(x) if a["role"] == "source" and a.get("country")}
    return bool(countries(m) & countries(o))


def coarse_place(m: dict[str, Any], o: dict[str, Any]) -> bool:
    """Is one of the two places no finer than a region (a country named in the text: "welcomed Finland's
    president" placed in Finland)?  Two cities that differ are two places; a country against a city may be
    the coder taking a participant's country for the place."""
    fine = {"city", "place"}
    return bool(m.get("place") and o.get("place")) and not (m.get("place_precision") in fine and o.get("place_precision") in fine)


def same_people_same_day(m: dict[str, Any], o: dict[str, Any]) -> bool:
    """Do two events name the same two people (or more) — or, for a mutual act (a meeting, an agreement),
    the same two named parties — and both date themselves, by their text, to one day?  Then a coarse place
    (``coarse_place``) disagreeing with the other's is one outlet's place error ("welcomed Finland's
    president for talks" placed in Finland, the talks in Oslo), not a second act.  Never for one-sided
    acts: one country strikes another's two cities on one day."""
    if not (own_date(m) and own_date(o) and m["date_precision"] == "day" == o["date_precision"] and m["date"] == o["date"]):
        return False
    theirs = [p for side in person_keys(o) for p in side]
    mine = [p for side in person_keys(m) for p in side]
    if sum(1 for x in mine if any(one_person(x, y) for y in theirs)) >= 2:
        return True
    if not ({m["type"], o["type"]} & SYMMETRIC or m["reciprocal"] or o["reciprocal"]):
        return False
    keys = strong(so for side in role_keys(o) for so in side)
    matched = [strong(ks) & keys for ks in member_keys(m)]
    return sum(1 for x in matched if x) >= 2 and len(frozenset().union(*matched)) >= 2


def kind_apart(m: dict[str, Any], o: dict[str, Any]) -> str | None:
    """Why two article events cannot be one act by their kind alone, or None: types neither equal nor kin
    (``_kin``), one negated (hypothetical, future) and the other not, one told as history and the other not where
    either has no date of its own, or CAMEO categories that differ (``cameo_compatible``; not asked of kin types).
    ``compatible``'s first test; it reads only ``type``, ``cameo``, ``negated``, ``hypothetical``, ``future``,
    ``historical`` and the dates, which a stored event's row carries as its representative member's (``merged_rows``): as a cluster is joined only when every member is compatible,
    a stored event whose row is apart from a new article event cannot be joined by it, and the store need
    not load it as a candidate (``Store._load_clusters``)."""
    kin = m["type"] != o["type"] and _kin(m, o)
    if m["type"] != o["type"] and not kin:
        return f"types differ ({m['type']}, {o['type']})"
    for flag in ("negated", "hypothetical", "future"):
        if bool(m[flag]) != bool(o[flag]):
            return f"one is {flag}, the other not"
    if bool(m.get("historical")) != bool(o.get("historical")) and not (own_date(m) and own_date(o)):
        # talks two states "held years ago" on a hotline, dated only by the article that recalls them: no meeting of the day
        return "one is told as history, the other not, and not both dated by their own texts"
    if not kin and not cameo_compatible(m.get("cameo"), o.get("cameo")):
        return f"CAMEO codes differ ({m.get('cameo')}, {o.get('cameo')})"
    return None


#: CAMEO's consultations in person (a visit made or hosted, a meeting at a third place, talks), and the triggers
#: that tell one however coded ("met", "a meeting", "received", "hosted")
_IN_PERSON = frozenset({"042", "043", "044", "046"})
_MEETING_WORDS = frozenset({"meet", "meeting", "visit", "host", "receive", "welcome", "tour", "arrive-at|in"})


def _talk(m: dict[str, Any]) -> str | None:
    """How a consultation was held: ``"phone"`` (CAMEO 041 or the phone mode: "spoke by telephone"), ``"in person"``
    (a meeting, a visit, talks at a place), else ``None`` ("discussed", "consulted"); a call the day after a meeting of
    the same two is another act."""
    if m["type"] != "CONSULT":
        return None
    cameo = m.get("cameo") or ""
    if cameo.startswith("041") or m.get("mode") == "phone":
        return "phone"
    from dragoman.events.merge import rule_lemma

    return "in person" if cameo[:3] in _IN_PERSON or rule_lemma(m.get("rule")) in _MEETING_WORDS else None


def compatible(m: dict[str, Any], o: dict[str, Any], copies: set[str] | frozenset[str] = frozenset(),
               same_article: bool = False) -> tuple[bool, str]:
    """Are two article events (of different articles, unless ``same_article``) one happening? → (yes or no, why)."""
    if m["article_id"] == o["article_id"] and not same_article:
        return False, "same article"
    apart = kind_apart(m, o)
    if apart is not None:
        return False, apart
    if {_talk(m), _talk(o)} == {"phone", "in person"}:
        return False, "a telephone call and a meeting in person"
    if m["type"] != o["type"]:  # kin types (``kind_apart`` let them through)
        return _kin_compatible(m, o)
    sm, tm = role_keys(m)
    so, to = role_keys(o)
    (psm, ptm), (pso, pto) = person_keys(m), person_keys(o)
    sm, tm, so, to = same_people(sm, tm, so, to, (psm, ptm), (pso, pto))
    (csm, ctm), (cso, cto) = side_countries(m), side_countries(o)
    mutual = bool(m["reciprocal"] or o["reciprocal"] or m["type"] in SYMMETRIC)
    if mutual and parties_apart(m, o):
        return False, "a mutual act of different parties: each names a person the other does not"
    if mutual and groups_apart(m, o):
        return False, "a mutual act of different parties: one names a country's state, the other only its other groups"
    if m["type"] == "PROTEST" and (apart := _protests_apart(m, o, sm, so)) is not None:
        return False, apart
    if not mutual and _arrested_apart(m, o, tm, to):
        return False, "different people taken: one names whom it arrested, the other someone else, or one person and several"
    found = _aligned(sm, tm, so, to, (psm, ptm), (pso, pto), (csm, ctm), (cso, cto), mutual)
    swapped = ""
    if found is None and mutual:
        # m's sources with o's targets and m's targets with o's sources; which pair counts as "the sources" (whose
        # names must agree) is either, as roles are the outlet's choice: the verdict is the same in either order
        found = (_aligned(sm, tm, to, so, (psm, ptm), (pto, pso), (csm, ctm), (cto, cso), mutual)
                 or _aligned(tm, sm, so, to, (ptm, psm), (pso, pto), (ctm, csm), (cso, cto), mutual))
        swapped = " (reciprocal, either way round)"
    copy = o["article_id"] in copies
    found, armed = (found, "") if mutual else _armed_doers(m, o, found, (sm, tm, so, to))
    if found is None and not (copy and not (sm | tm | so | to)):
        return False, "no specific participant shared on aligned sides (sources with sources, targets with targets)"
    shared, sides = found if found is not None else (frozenset(), 0)
    who = (f"participants {_key_names(shared)}{swapped}" if shared else "no participants on either side") + armed
    place_note = ""
    if not places_compatible(m, o):
        if not (coarse_place(m, o) and same_people_same_day(m, o)):
            return False, f"places differ ({m.get('place')}, {o.get('place')})"
        place_note = f"; places differ ({m.get('place')}, {o.get('place')}), but the same two parties on one day"
    if shared and not strong(shared) and not copy:
        # only a country's sector in common ("Peruvian police"): on both sides, or not enough
        if sides < 2 and not (m["type"] == "PROTEST" and shared & sm & so and same_city_day(m, o) and one_country(m, o)):
            return False, f"only a country's sector shared ({_key_names(shared)}), and on one side only"
        if sides < 2:
            who += " (the protesting crowd, in one city on one day)"
        who += " (a country's sector on both sides)"
    where = place_note or (f"; place {m.get('place') or o.get('place')}" if (m.get("place") or o.get("place")) else "")
    if copy:
        return True, f"near-duplicate article (copied story); same {m['type']}; {who}{where}"
    if not (own_date(m) and own_date(o)):
        if m["reciprocal"] or o["reciprocal"] or m["type"] in SYMMETRIC:
            # "A met B", "A and B held talks": two of the participants shared, whatever their roles
            theirs = strong(so | to)
            both = sum(1 for ks in keys_with_people(m, o) if strong(ks) & theirs) >= 2
            if both and m["type"] == "CONSULT" and _states_for_people(m, o, sm | tm, theirs):
                return False, ("dated only by its article's date, and one report names the parties only as their states "
                               "where the other names people: other officials of the two states may have met")
        else:
            # "A accused B" / "A accused B"; "A and B signed" / "A and B signed": two participants, each on its side,
            # and no side naming someone else
            both = (_matched_sides(m, o, so, to) >= 2
                    and not _contradict(_who(sm), _who(so)) and not _contradict(_who(tm), _who(to)))
        if both and _article_dates_meet(m, o):
            return True, (f"same {m['type']}; dates {m['date']} ({m['date_precision']}) and {o['date']} "
                          f"({o['date_precision']}) meet, and two participants match on their sides: {who}{where}")
        if not both:
            return False, "dated only by its article's date (no date in its own text), and not two participants shared"
        return False, (f"dated only by its article's date (no date in its own text), and the dates do not meet "
                       f"({m.get('date')} {m['date_precision']}, {o.get('date')} {o['date_precision']})")
    apart = _days_apart(m, o, shared, (sm & so, tm & to))
    if apart is not None:
        return False, apart
    when = f"dates {m.get('date')} ({m['date_precision']}) and {o.get('date')} ({o['date_precision']})"
    return True, f"same {m['type']}; {who}; {when}{where}"


def _states_for_people(m: dict[str, Any], o: dict[str, Any], mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """A meeting one report tells between named people and the other only between countries ("Velna and Dorvan
    discussed the field"), sharing no person or organisation by name: on the strength of an article's date alone
    that is not one meeting (the trade ministers of two countries meet on the day their foreign ministers do).
    Offices ("Velna's foreign minister") are not countries: they may stand for the people.  (An agreement is
    another matter: "Velna and Dorvan signed" names its true parties.)"""
    if any(k.startswith(("n:", "o:")) for k in strong(mine) & theirs):
        return False
    people = [any(any(side) for side in person_keys(x)) for x in (m, o)]
    countries = [bool(parts(x)) and all(a.get("kind") == "country" for a in parts(x)) for x in (m, o)]
    return (people[0] and countries[1]) or (people[1] and countries[0])


def _days_apart(m: dict[str, Any], o: dict[str, Any], shared: frozenset[str],
                sides: tuple[frozenset[str], frozenset[str]]) -> str | None:
    """Why two events dated by their own texts are on different days, or ``None`` when the days meet: one day of
    slack for two days (one act dated two ways), not for an arrival and a meeting, a call and a meeting, nor for two deeds of force that
    share no one named and not both sides (``sides``: the keys shared by the sources and by the targets)."""
    gap = dates_gap(m, o)
    day = m["date_precision"] == "day" and o["date_precision"] == "day"
    if gap is None or gap > (1 if day else 0):
        return f"dates differ ({m.get('date')} {m['date_precision']}, {o.get('date')} {o['date_precision']})"
    if gap and m["type"] in _DAILY_DEEDS and not any(k.startswith(("n:", "o:")) for k in shared) \
            and not (strong(sides[0]) and strong(sides[1])):
        # "the group attacked the army on Sunday" / "militants attacked the army on Monday", sharing only whom they
        # attacked, are two attacks (a deed of force recurs day after day; words are more often dated a day apart
        # by two outlets)
        return f"a day apart ({m.get('date')}, {o.get('date')}) with one side only shared by name or state"
    if gap and (m.get("mode") == "visit") != (o.get("mode") == "visit"):
        # "X arrived in Amman on Wednesday" / "Y received X on Thursday": a visit's arrival and a meeting of it
        # on another day are two happenings
        return f"an arrival and a meeting on different days ({m.get('date')}, {o.get('date')})"
    if gap and (m.get("mode") == "phone") != (o.get("mode") == "phone"):
        # "the ministers met in Bishkek on Thursday" / "the two ministers spoke by telephone on Friday": a call the
        # day after a meeting is another talk
        return f"a call and a meeting on different days ({m.get('date')}, {o.get('date')})"
    return None


#: deeds of force that recur day after day: a day apart, they are one only with someone named on both sides
_DAILY_DEEDS = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})


def _arrested_apart(m: dict[str, Any], o: dict[str, Any], tm: frozenset[str], to: frozenset[str]) -> bool:
    """Does one arrest (COERCE) name its target, a person, and the other only others it shares nothing with, not
    even their country's sector ("police arrested opposition spokesman Kofi Mensah" / "police arrested a
    businessman in Tamale")?  Or, no one named, does one take one person and the other several ("an 18-year-old
    man" / "two men")?  One force's two arrests on one day are told apart by whom they took.  (Not an attack's: its
    victims are counted, "14 people" / "14 traders", and rarely named alike.)"""
    def named(x: dict[str, Any]) -> bool:
        return any(a["role"] == "target" and person_words(a, ks) is not None for a, ks in zip(parts(x), member_keys(x)))

    def others(x: dict[str, Any]) -> bool:
        return any(a["role"] == "target" and a.get("kind") not in ("place", "country") for a in parts(x))

    if m["type"] != "COERCE" or tm & to:
        return False
    if not named(m) and not named(o) and len({_how_many(m), _how_many(o)} - {None}) == 2:
        return True  # "arrested an 18-year-old man" / "arrested two men", no one named: others taken
    if not (named(m) and others(o) and not named(o) or named(o) and others(m) and not named(m)):
        return False

    def sectors(keys: frozenset[str]) -> set[str]:
        return {k[2:] for k in keys if k.startswith(("g:", "c:")) and "/" in k}

    return not sectors(tm) & sectors(to) and not _sector_kin(tm, to)


#: the plural heads of words for people that do not end in "s"
_PLURAL_PEOPLE = frozenset({"men", "women", "people", "children", "persons"})


def _how_many(m: dict[str, Any]) -> str | None:
    """"one" when every group an act was done to is named in the singular ("an 18-year-old man", "a student"), "many"
    when every one is in the plural ("two men", "students"), else ``None`` (mixed, or none named so)."""
    heads = [a["name"].split()[-1].lower() for a in parts(m)
             if a["role"] == "target" and a.get("kind") == "group" and a.get("name")]
    if not heads:
        return None
    plural = [h in _PLURAL_PEOPLE or h.endswith("s") and not h.endswith("ss") for h in heads]
    return "many" if all(plural) else "one" if not any(plural) else None


def _matched_sides(m: dict[str, Any], o: dict[str, Any], so: frozenset[str], to: frozenset[str]) -> int:
    """How many of ``m``'s participants ``o`` names on the same side (``so``, ``to``: its keys): by a strong key, or
    — beside one so matched — a named body by the other's unnamed group of its country and sector, or the other
    way round ("the Ghana Police Service arrested X" / "Ghanaian police were still holding X": two)."""
    named = weak = 0
    bodies = {"source": _bodies(o, "source") | {k for k in so if k.startswith("g:")},
              "target": _bodies(o, "target") | {k for k in to if k.startswith("g:")}}
    for a, ks in zip(parts(m), keys_with_people(m, o)):
        if strong(ks) & (so if a["role"] == "source" else to):
            named += 1
        elif ({k for k in ks if k.startswith("g:")} | _bodies_of(a, ks)) & bodies[a["role"]]:
            weak += 1
    return named + weak if named else 0


def _bodies(m: dict[str, Any], role: str) -> set[str]:
    """The country's-sector keys (``g:``) of ``m``'s named bodies in ``role`` (the Ghana Police Service: g:GHA/COP)."""
    return {k for a, ks in zip(parts(m), member_keys(m)) if a["role"] == role for k in _bodies_of(a, ks)}


def _bodies_of(a: dict[str, Any], ks: Iterable[str]) -> set[str]:
    if a.get("kind") == "organisation" and a.get("country") and a.get("sector") and strong(ks):
        return {f"g:{a['country']}/{a['sector']}"}
    return set()


def _kin_compatible(m: dict[str, Any], o: dict[str, Any]) -> tuple[bool, str]:
    """Two events of kin types (``_kin``) are one act only on exact evidence: both dated by their own text
    to one day, two participants of one matched by the other's (each on its side, or either way round for
    mutual acts), no side contradicting, and places that agree."""
    types = f"{m['type']} {m.get('cameo')} and {o['type']} {o.get('cameo')}"
    gap = dates_gap(m, o) if own_date(m) and own_date(o) and m["date_precision"] == "day" == o["date_precision"] else None
    if gap is None or gap > 1:
        # (a day of slack, as for one type: a day-after report's "have agreed" takes its dateline's day)
        return False, f"types differ ({types}): kin types join only on one day, dated by both texts"
    sm, tm = role_keys(m)
    so, to = role_keys(o)
    (psm, ptm), (pso, pto) = person_keys(m), person_keys(o)
    sm, tm, so, to = same_people(sm, tm, so, to, (psm, ptm), (pso, pto))
    (csm, ctm), (cso, cto) = side_countries(m), side_countries(o)
    mutual = bool({m["type"], o["type"]} & SYMMETRIC or m["reciprocal"] or o["reciprocal"])
    if mutual and parties_apart(m, o):
        return False, f"types differ ({types}), and each names a person the other does not"
    found = _aligned(sm, tm, so, to, (psm, ptm), (pso, pto), (csm, ctm), (cso, cto), mutual)
    if found is None and mutual:
        found = (_aligned(sm, tm, to, so, (psm, ptm), (pto, pso), (csm, ctm), (cto, cso), mutual)
                 or _aligned(tm, sm, so, to, (ptm, psm), (pso, pto), (ctm, csm), (cso, cto), mutual))
    if found is None or not strong(found[0]):
        return False, f"types differ ({types}): kin types join only when named participants match"
    theirs = strong(so | to)
    if sum(1 for ks in keys_with_people(m, o) if strong(ks) & theirs) < 2:
        return False, f"types differ ({types}): kin types join only when two participants match"
    if not places_compatible(m, o):
        return False, f"places differ ({m.get('place')}, {o.get('place')})"
    where = f"; place {m.get('place') or o.get('place')}" if (m.get("place") or o.get("place")) else ""
    return True, (f"one act coded as {types} (kin types); participants {_key_names(found[0])}; "
                  f"dates {m['date']} and {o['date']} (day){where}")


_Best = tuple[tuple[Any, ...], Cluster, str]  # (score, cluster, why): the cluster a new member joins


def _buckets(c: Cluster) -> list[Any]:
    """The date buckets a cluster is indexed under: the days of its representative's date, or "wide" when
    that spans more than ``WIDE_DAYS``; none when it is undated."""
    rep = c.rep
    if rep["date_lo"] is None:
        return []
    span = (rep["date_hi"] - rep["date_lo"]).days
    return ["wide"] if span > WIDE_DAYS else [rep["date_lo"].toordinal() + i for i in range(span + 1)]


class Merger:
    """Assigns article events to clusters; keeps an index (type, key) → clusters for speed."""

    def __init__(self, clusters: Iterable[Cluster] = ()):
        self.clusters: list[Cluster] = []
        self._known: set[int] = set()
        self._index: dict[tuple[str, str, Any], dict[int, Cluster]] = {}  # (type, key, day or "wide")
        self._all: dict[tuple[str, str], dict[int, Cluster]] = {}
        self._by_article: dict[str, list[dict[str, Any]]] = {}  # members seen, per article, in order
        self._cluster_of: dict[int, Cluster] = {}  # id(member) -> its cluster
        for c in clusters:
            self._register(c)

    def _register(self, c: Cluster) -> None:
        if id(c) not in self._known:
            self._known.add(id(c))
            self.clusters.append(c)
        if not c.members:
            return
        for m in c.members:
            self._cluster_of[id(m)] = c
            seen = self._by_article.setdefault(m["article_id"], [])
            if not any(x is m for x in seen):
                seen.append(m)
        buckets = _buckets(c)
        if not buckets:
            return  # undated: only the near-duplicate path can join it
        for t in c.types:
            for k in c.keys:
                self._all.setdefault((t, k), {})[id(c)] = c
                for b in buckets:
                    self._index.setdefault((t, k, b), {})[id(c)] = c

    def restates(self, m: dict[str, Any]) -> dict[str, Any] | None:
        """The event of m's own article that ``m`` restates, if any: one of its type, dated by its own text
        when m is not (or told before m when both are or neither is), with which m would be compatible
        were the two of different articles.  "Greece protested to the Turkish ambassador",
        below "Foreign Minister Meletiou on Tuesday accused Turkey", is the article's second telling of
        its accusation, which the coder did not fold in; as the article's event already stands for it,
        the restatement neither joins nor is joined by another article's event ("Defence Minister Doukas
        accused Turkey on Tuesday", which Meletiou's accusation turns away)."""
        siblings = self._by_article.get(m["article_id"], [])
        if m.get("_restates") is None and m.get("_restates_seen") != len(siblings):
            # found once, kept; not found, looked for again only when more of its article has come
            m["_restates_seen"] = len(siblings)
            mine, before = own_date(m), True
            for s in siblings:
                if s is m:
                    before = False
                elif (s["type"] == m["type"] and (own_date(s) > mine or (own_date(s) == mine and before))
                      and not (_doerless(s) and not _doerless(m))
                      and compatible(m, s, same_article=True)[0]):
                    m["_restates"] = s
                    break
        return cast(dict[str, Any] | None, m.get("_restates"))

    def _restatements_apart(self, m: dict[str, Any], mine: dict[str, Any] | None, c: Cluster) -> str | None:
        """Why ``m`` may not join ``c`` for restatements (``restates``), or None: an article's restatement
        joins only restatements of events merged with the one it restates (two outlets, or a copied story,
        each telling the act twice), and nothing else joins a restatement."""
        for o in c.members:
            theirs = self.restates(o)
            if mine is None and theirs is not None:
                return f"its member {o['id']} restates its own article's event {theirs['id']}"
            if mine is not None and (theirs is None or self._cluster_of.get(id(theirs)) is not self._cluster_of.get(id(mine))
                                     or self._cluster_of.get(id(mine)) is None):
                return f"it restates its own article's event {mine['id']}, which stands for it"
        return None

    def _candidates(self, m: dict[str, Any]) -> Iterable[Cluster]:
        """Clusters of m's type sharing a participant key whose date can be m's (one day of slack)."""
        if m["date_lo"] is None:
            return []
        span = (m["date_hi"] - m["date_lo"]).days
        found: dict[int, Cluster] = {}
        for ks in lookup_keys(m):
            for k in ks:
                if span > WIDE_DAYS:
                    found.update(self._all.get((m["type"], k), {}))
                    continue
                lo = m["date_lo"].toordinal()
                for b in [*range(lo - 1, lo + span + 2), "wide"]:
                    found.update(self._index.get((m["type"], k, b), {}))
        return sorted(found.values(), key=lambda c: c.id)

    def consider(self, m: dict[str, Any], copies: Iterable[str] = ()) -> list[tuple[Cluster, bool, str]]:
        """Every cluster ``m`` could join, and whether it may (compatible with every member) and why."""
        copies = set(copies)
        seen: dict[int, Cluster] = {}
        if copies:
            for c in self.clusters:
                if c.members and c.articles & copies:
                    seen[id(c)] = c
        for c in self._candidates(m):
            seen.setdefault(id(c), c)
        out = []
        mine = self.restates(m) if seen else None
        for c in sorted(seen.values(), key=lambda c: c.id):
            if not c.members:
                continue
            verdicts = [compatible(m, o, copies) for o in c.members]
            bad = next((why for ok, why in verdicts if not ok), None)
            if bad is None:
                bad = self._restatements_apart(m, mine, c)
            out.append((c, bad is None, bad or verdicts[0][1]))
        return out

    def _best(self, m: dict[str, Any], copies: set[str], best: _Best | None = None,
              among: set[int] | None = None) -> _Best | None:
        """The best cluster ``m`` may join (see ``add``) among those ``consider`` finds (of ``among``, ids of
        clusters, when given), or ``best`` when none of them is better."""
        for c, ok, why in self.consider(m, copies):
            if not ok or (among is not None and id(c) not in among):
                continue
            sm, tm = role_keys(m)
            shared = sum(len((sm | tm) & (role_keys(o)[0] | role_keys(o)[1])) for o in c.members)
            gap = dates_gap(m, c.rep)
            # an event dated by its own text rather joins events dated by theirs than one dated by its article
            dated = sum(1 for o in c.members if own_date(o)) if own_date(m) else 0
            same_type = all(o["type"] == m["type"] for o in c.members)  # rather its own type than a kin type
            score = (bool(c.articles & copies), same_type, dated, shared, -(gap or 0))
            if best is None or score > best[0] or (score == best[0] and c.id < best[1].id):
                best = (score, c, why)
        return best

    def _join(self, m: dict[str, Any], best: _Best | None) -> Cluster:
        if best is not None:
            c = best[1]
            m["merge_reason"] = best[2]
            c.add(m)
        else:
            m["merge_reason"] = None
            c = Cluster([m], touched=True)
        self._register(c)
        return c

    def add(self, m: dict[str, Any], copies: Iterable[str] = ()) -> Cluster:
        """Put member ``m`` in the best compatible cluster (or a new one) and return it.

        ``copies``: ids of earlier articles this article nearly duplicates; their events are
        matched without needing dates.  A cluster is taken only when ``m`` is compatible with every
        one of its members; among those, the one sharing most participants, then nearest in date.
        """
        return self._join(m, self._best(m, set(copies)))

    def add_paged(self, m: dict[str, Any], copies: Iterable[str], pages: Iterable[list[Cluster]]) -> Cluster:
        """``add``, with more clusters to consider than those the merger holds: ``pages`` of them, each held
        only while ``m`` is compared with it (the merger forgets it after), so that the memory merging takes
        does not grow with how many clusters ``m`` could join.  The cluster ``m`` joins is kept.  The same
        cluster as ``add`` with every page held, provided a page holds every cluster with a member of an
        article of its own members (what ``restates`` compares a member with)."""
        copies = set(copies)
        best = self._best(m, copies)
        for page in pages:
            page = [c for c in page if c.members and id(c) not in self._known]
            for c in page:
                self._register(c)
            try:
                best = self._best(m, copies, best, among={id(c) for c in page})
            finally:
                self.forget(page)
        return self._join(m, best)

    def forget(self, clusters: Iterable[Cluster]) -> None:
        """Let go of clusters registered by ``_register`` (``add_paged``'s pages): out of every index."""
        gone = {id(c): c for c in clusters if id(c) in self._known}
        if not gone:
            return
        self._known -= gone.keys()
        self.clusters = [c for c in self.clusters if id(c) not in gone]
        for c in gone.values():
            for m in c.members:
                if self._cluster_of.get(id(m)) is c:
                    del self._cluster_of[id(m)]
                seen = self._by_article.get(m["article_id"])
                if seen is not None:
                    seen[:] = [x for x in seen if x is not m]
                    if not seen:
                        del self._by_article[m["article_id"]]
            buckets = _buckets(c)
            for t in c.types:
                for k in c.keys:
                    _drop(self._all, (t, k), c)
                    for b in buckets:
                        _drop(self._index, (t, k, b), c)


def _drop(index: dict[Any, dict[int, Cluster]], key: Any, c: Cluster) -> None:
    """``c`` out of an index's entry (the entry out when it is left empty)."""
    held = index.get(key)
    if held is not None:
        held.pop(id(c), None)
        if not held:
            del index[key]


def merged_rows(c: Cluster, now: datetime) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """The ``events`` row, the ``event_actors`` rows and the ``event_keys`` rows of a cluster."""
    rep = c.rep
    pm = c.place_member or {}
    eid = c.id
    ordered = [rep] + sorted((m for m in c.members if m is not rep), key=lambda m: m["id"])
    actors: list[dict[str, Any]] = []
    seen: set[str] = set()
    # name key -> the countries it was listed with: "Kamau" is "Daniel Kamau" of one country, or of a country
    # only one of the two reports gave ("Dawit Alemu Bekele" of Ethiopia is the article's "Dawit Alemu Bekele")
    names: dict[str, set[str | None]] = {}
    counts = {"source": 0, "target": 0}
    for m in ordered:
        for a, ks in zip(parts(m), member_keys(m)):
            nks = [k for k in ks if k.startswith("n:")]
            cc = a.get("country")
            if a["id"] in seen or any(k in names and (cc is None or None in names[k] or cc in names[k]) for k in nks):
                continue
            seen.add(a["id"])
            for k in nks:
                names.setdefault(k, set()).add(cc)
            role = a["role"]
            actors.append({"event_id": eid, "role": role, "ord": counts[role], "actor_id": a["id"], "name": a["name"],
                           "country": a.get("country"), "org": a.get("org"), "sector": a.get("sector"),
                           "name_lc": (a["name"] or "").lower()})
            counts[role] += 1
    url = rep.get("url") or next((m["url"] for m in ordered if m.get("url")), None)
    row = {
        "id": eid, "type": rep["type"], "mode": rep["mode"], "contexts": list(rep["contexts"] or []),
        "quad_class": rep["quad_class"], "cameo": rep["cameo"], "score": rep["score"], "date": rep["date"],
        "date_precision": rep["date_precision"], "date_text": rep["date_text"], "reciprocal": any(bool(m["reciprocal"]) for m in c.members),
        "negated": bool(rep["negated"]), "hypothetical": bool(rep["hypothetical"]), "future": bool(rep["future"]),
        "historical": bool(rep["historical"]), "confidence": max(m["confidence"] or 0 for m in c.members), "rule": rep["rule"],
        "place": pm.get("place"), "place_country": pm.get("place_country"), "lat": pm.get("lat"), "lon": pm.get("lon"),
        "place_precision": pm.get("place_precision"),
        "num_mentions": sum(int(m["n_evidence"] or 1) for m in c.members),
        "num_sources": len({m["source_group"] for m in c.members}), "num_articles": len(c.articles),
        "evidence_text": rep["evidence_text"], "article_id": rep["article_id"], "source_url": url,
        "date_lo": rep["date_lo"], "date_hi": rep["date_hi"], "updated_at": now,
    }
    # denormalised for pages of events (schema 5): the event_actors rows and the members' articles
    for role, col in (("source", "sources"), ("target", "targets")):
        row[col] = [{"id": a["actor_id"], "name": a["name"], "country": a["country"], "org": a["org"],
                     "sector": a["sector"]} for a in actors if a["role"] == role]
    row["article_ids"] = sorted({m["article_id"] for m in c.members if m.get("article_id")})
    keys = []
    if rep["date_lo"] is not None:
        # under each type it can be merged across (``kin_types``), so a later batch's kin event finds it
        keys = [{"event_id": eid, "type": t, "key": k, "date_lo": rep["date_lo"], "date_hi": rep["date_hi"]}
                for t in sorted(c.types) for k in sorted(c.keys)]
    return row, actors, keys
