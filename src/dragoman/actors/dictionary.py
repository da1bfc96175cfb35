"""The user's actor dictionary (YAML or CSV) that overrides the built-in lexicons.

YAML — a list of actors (or a mapping with an ``actors:`` list)::

    - name: Jane Doe
      aliases: [Doe, Minister Doe]
      country: FRA
      sector: GOV
      valid_from: 2019-01-01     # optional: the coding holds from this date ...
      valid_to: 2022-06-30       # ... to this one (checked against the article's reference date)
    - name: Blue Brigade
      country: IGO
      org: BLUE
      sector: MIL

CSV — a header row with ``name,aliases,country,sector`` and optionally ``org,valid_from,valid_to``;
aliases separated by ``|``.  A bad file raises :class:`~dragoman.errors.ConfigError` naming the
file and the line.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
from pathlib import Path
from typing import Any

from dragoman.actors.lexicon import Entry
from dragoman.errors import ConfigError

_CODE = re.compile(r"^[A-Z]{3}$")
_SECTOR = re.compile(r"^[A-Z]{3}[A-Za-z]{0,6}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FIELDS = ("name", "aliases", "country", "sector", "org", "valid_from", "valid_to", "kind")


def load_dictionary(path: str | Path) -> list[tuple[str, Entry]]:
    """(key, Entry) pairs for every name and alias of every actor in the file."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise ConfigError("actor dictionary not found", source=str(p), hint="check the --actors path") from e
    except UnicodeDecodeError as e:
        raise ConfigError("actor dictionary is not UTF-8 text", source=str(p), hint="save it as UTF-8") from e
    except OSError as e:
        raise ConfigError(f"cannot read actor dictionary: {e.strerror}", source=str(p)) from e
    suffix = p.suffix.lower()
    if suffix in (".yaml", ".yml"):
        records = _yaml_records(text, str(p))
    elif suffix in (".csv", ".tsv"):
        records = _csv_records(text, str(p), "\t" if suffix == ".tsv" else ",")
    else:
        raise ConfigError(
            f"unknown actor dictionary format '{suffix or '(none)'}'",
            source=str(p),
            hint="use a .yaml/.yml or .csv file (see docs/actors.md)",
        )
    out: list[tuple[str, Entry]] = []
    for line, rec in records:
        entry = _entry(rec, str(p), line)
        for key in [entry.name, *_aliases(rec.get("aliases"), str(p), line)]:
            out.append((key, entry))
    return out


def _yaml_records(text: str, source: str) -> list[tuple[int, dict[str, Any]]]:
    import yaml

    try:
        root = yaml.compose(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        raise ConfigError(f"{where}invalid YAML: {getattr(e, 'problem', e)}", source=source,
                          hint="fix the syntax") from e
    if root is None:
        return []
    if isinstance(root, yaml.MappingNode):
        items = [v for k, v in root.value if k.value == "actors"]
        if not items:
            raise ConfigError(f"line {root.start_mark.line + 1}: expected a list of actors or an 'actors:' key",
                              source=source, hint="see docs/actors.md for the format")
        root = items[0]
    if not isinstance(root, yaml.SequenceNode):
        raise ConfigError(f"line {root.start_mark.line + 1}: expected a list of actors", source=source,
                          hint="see docs/actors.md for the format")
    loader_cls = yaml.SafeLoader
    out = []
    for node in root.value:
        line = node.start_mark.line + 1
        if not isinstance(node, yaml.MappingNode):
            raise ConfigError(f"line {line}: each actor must be a mapping with at least 'name'", source=source,
                              hint="write '- name: ...' followed by its fields")
        loader = loader_cls("")
        try:
            value = loader.construct_document(node)
        except (yaml.YAMLError, ValueError) as e:
            raise ConfigError(f"line {line}: {e}", source=source, hint="dates are written YYYY-MM-DD") from e
        finally:
            loader.dispose()
        out.append((line, value))
    return out


def _csv_records(text: str, source: str, delimiter: str) -> list[tuple[int, dict[str, Any]]]:
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = [(reader.line_num, r) for r in reader]
    rows = [(n, r) for n, r in rows if any(c.strip() for c in r) and not r[0].startswith("#")]
    if not rows:
        return []
    n0, header = rows[0]
    header = [h.strip().lower().replace("-", "_") for h in header]
    unknown = [h for h in header if h not in FIELDS]
    if "name" not in header or unknown:
        raise ConfigError(
            f"line {n0}: bad header {','.join(header)}" + (f" (unknown column {unknown[0]!r})" if unknown else ""),
            source=source,
            hint="the header must name columns among: " + ", ".join(FIELDS),
        )
    out = []
    for n, row in rows[1:]:
        if len(row) > len(header):
            raise ConfigError(f"line {n}: {len(row)} fields, the header has {len(header)}", source=source,
                              hint="quote fields that contain the delimiter")
        out.append((n, {h: (c.strip() or None) for h, c in zip(header, row)}))
    return out


def _aliases(value: Any, source: str, line: int) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [a.strip() for a in value.split("|") if a.strip()]
    if isinstance(value, list) and all(isinstance(a, (str, int)) for a in value):
        return [str(a).strip() for a in value if str(a).strip()]
    raise ConfigError(f"line {line}: 'aliases' must be a list of names or a '|'-separated string", source=source)


def _date(value: Any, field: str, source: str, line: int) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.strftime("%Y-%m-%d")
    s = str(value).strip()
    if not _DATE.match(s):
        raise ConfigError(f"line {line}: {field} '{s}' is not a date", source=source, hint="write YYYY-MM-DD")
    try:
        _dt.date.fromisoformat(s)
    except ValueError as e:
        raise ConfigError(f"line {line}: {field} '{s}' is not a valid date", source=source) from e
    return s


def _entry(rec: dict[str, Any], source: str, line: int) -> Entry:
    unknown = [k for k in rec if k not in FIELDS]
    if unknown:
        raise ConfigError(f"line {line}: unknown field '{unknown[0]}'", source=source,
                          hint="fields: " + ", ".join(FIELDS))
    name = rec.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(f"line {line}: an actor without a 'name'", source=source, hint="every actor needs a name")
    country = rec.get("country")
    if country is not None:
        country = str(country).strip().upper()
        if not _CODE.match(country):
            raise ConfigError(f"line {line}: country '{rec.get('country')}' is not a 3-letter code", source=source,
                              hint="use ISO 3166-1 alpha-3 (FRA) or a pseudo-country (IGO, NGO, ...)")
    sector = rec.get("sector")
    if sector is not None:
        sector = str(sector).strip()
        if not _SECTOR.match(sector):
            raise ConfigError(f"line {line}: sector '{sector}' is not an agent code", source=source,
                              hint="use a PLOVER/CAMEO agent code such as GOV, MIL, REB")
    valid_from = _date(rec.get("valid_from"), "valid_from", source, line)
    valid_to = _date(rec.get("valid_to"), "valid_to", source, line)
    if valid_from and valid_to and valid_from > valid_to:
        raise ConfigError(f"line {line}: valid_from {valid_from} is after valid_to {valid_to}", source=source)
    kind = rec.get("kind") or "actor"  # person | organisation | country | group | actor (the parse decides)
    return Entry(
        name=name.strip(),
        country=country,
        org=(str(rec["org"]).strip() if rec.get("org") else None),
        sector=sector,
        kind=str(kind),
        source=f"user:{Path(source).name}",
        valid_from=valid_from,
        valid_to=valid_to,
    )
