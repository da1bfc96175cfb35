"""The event filters are defined once (``dragoman.filters``): the command line's options and the API's query
parameters are made from that definition, read values the same way and select the same events."""

from __future__ import annotations

import json

import httpx
import pytest
from click.testing import CliRunner
from test_store_data import generated

from dragoman.api import ServerThread, create_app
from dragoman.cli import main
from dragoman.filters import FILTERS, SORT_KEYS
from dragoman.store import Store
from dragoman.store.query import SORTS

FILTERED = ("events", "actors", "timeline", "export")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("filters") / "filters.duckdb"
    with Store.open(path) as store:
        store.ingest(generated(60, seed=11))
    return path


def _cli(*args: str) -> str:
    res = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res.output


@pytest.mark.parametrize("command", FILTERED)
def test_every_filter_is_an_option_of_every_filtered_command(command):
    cmd = main.commands[command]
    options = {o: p for p in cmd.params for o in p.opts}
    for f in FILTERS:
        if command == "timeline" and f.name == "actor":
            assert cmd.params[0].name == "actor" and f.option not in options  # an argument: timeline ACTOR
            continue
        assert f.option in options, f"{command} has no {f.option}"
        assert options[f.option].name == f.name and options[f.option].help == f.help


def test_every_filter_is_a_parameter_of_every_filtered_endpoint(answers):
    spec = answers["openapi"]
    for path in ("/api/events", "/api/actors", "/api/timeline", "/api/network", "/api/places", "/api/export"):
        params = {p["name"]: p for p in spec["paths"][path]["get"]["parameters"]}
        for f in FILTERS:
            p = params[f.name]
            assert p["in"] == "query" and p["description"] == f.help
            schema = json.dumps(p["schema"])
            if f.max_length:
                assert f'"maxLength": {f.max_length}' in schema
            if f.lo is not None:
                assert f'"minimum": {f.lo}' in schema and f'"maximum": {f.hi}' in schema


def test_the_sort_keys_are_the_stores():
    sort = next(p for p in main.commands["events"].params if p.name == "sort")
    assert tuple(SORTS) == SORT_KEYS == tuple(sort.type.choices)


CASES = [
    {},
    {"actor": "Okafor"},
    {"actor": "  "},  # blank: no filter, on the command line as in the API
    {"country": "nga"},
    {"sector": "MIL", "include_negated": True},
    {"type": "consult, ACCUSE", "quad": 1},
    {"since": "2024-03-01", "until": "2024-06-30"},
    {"place": "Doha", "include_hypothetical": True},
    {"text": "accused", "min_confidence": 0.5},
    {"exclude_historical": True, "article": " gen-00003 "},
]


def _cli_args(case: dict) -> list[str]:
    args: list[str] = []
    for name, value in case.items():
        option = "--" + name.replace("_", "-")
        args += [option] if value is True else [option, str(value)]
    return args


SORTED_BY = ("date", "score", "quad_class")


@pytest.fixture(scope="module")
def answers(db):
    """Every case asked of ``dragoman events``, then (the server holds the store: one process at a time) of
    ``GET /api/events`` on a server over the same store."""
    out: dict = {"cli": {}, "api": {}}
    for i, case in enumerate(CASES):
        for sort in SORTED_BY:
            out["cli"][i, sort] = json.loads(_cli("events", "--db", str(db), "--format", "json", "--limit", "500",
                                                  "--sort", sort, *_cli_args(case)))
    with ServerThread(create_app(db)) as srv, httpx.Client(base_url=srv.url, timeout=30) as client:
        out["openapi"] = client.get("/openapi.json").json()
        for i, case in enumerate(CASES):
            for sort in SORTED_BY:
                r = client.get("/api/events", params={**case, "limit": 500, "sort": sort})
                assert r.status_code == 200, r.text
                out["api"][i, sort] = r.json()
    return out


@pytest.mark.parametrize("i", range(len(CASES)), ids=[json.dumps(c) for c in CASES])
@pytest.mark.parametrize("sort", SORTED_BY)
def test_the_command_line_and_the_api_select_the_same_events(answers, i, sort):
    rows, page = answers["cli"][i, sort], answers["api"][i, sort]
    assert [r["id"] for r in rows] == [r["id"] for r in page["events"]]
    assert len(rows) == page["total"] and rows == page["events"]


def test_a_blank_filter_selects_everything(db):
    def events(*args: str) -> list:
        return json.loads(_cli("events", "--db", str(db), "--format", "json", "--limit", "500", *args))

    every = events()
    assert every and events("--actor", " ") == every


def test_the_cases_select_something_and_not_everything(answers):
    totals = [answers["api"][i, "date"]["total"] for i in range(len(CASES))]
    assert all(totals) and len(set(totals)) >= 4, totals
