"""Generated requests against the OpenAPI schema (schemathesis): no request makes the server fail.

Every operation of ``/openapi.json`` gets a bounded number of generated requests, sent over HTTP to
the app on 127.0.0.1 over a real store; any 5xx, or an error body that is not ``{error, detail}``,
fails.  ``POST /api/ingest`` is sent without the token (it must answer 401 to everything, and no
generated URL is ever fetched).
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from test_api_data import build_articles

from dragoman.api import Limits, ServerThread, create_app
from dragoman.store import Store

TOKEN = "schema-token"


@pytest.fixture(scope="module")
def api_server(tmp_path_factory, pipeline):
    db = tmp_path_factory.mktemp("schema") / "schema.duckdb"
    with Store.open(db) as store:
        store.ingest(build_articles())
    app = create_app(db, token=TOKEN, pipeline=pipeline, limits=Limits(max_body=100_000, max_page_size=200))
    with ServerThread(app) as srv:
        yield srv


#: generated requests per operation: bounded, so the whole file runs in well under a minute (40: enough
#: for the generator to reach an invalid /api/events request among its now fourteen filters)
EXAMPLES = 40


def test_generated_requests_never_fail_the_server(api_server):
    """schemathesis strategies per operation, driven by hypothesis (its pytest plugin does not load on pytest 9)."""
    schema = schemathesis.openapi.from_url(api_server.url + "/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12
    seen: dict[str, set[int]] = {}

    for op in operations:
        label = f"{op.method.upper()} {op.path}"

        @given(case=op.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
                  database=None, phases=[Phase.explicit, Phase.generate])
        def run(case):  # called below, within this iteration
            response = case.call(base_url=api_server.url, timeout=30)
            seen.setdefault(label, set()).add(response.status_code)  # noqa: B023
            case.validate_response(response, checks=[not_a_server_error])
            assert response.status_code < 500, (label, response.text)  # noqa: B023
            if response.status_code >= 400:
                body = response.json()
                assert set(body) == {"error", "detail"}, (label, body)  # noqa: B023
                assert "Traceback" not in response.text
            if op.path == "/api/ingest":  # noqa: B023
                assert response.status_code in (401, 413), response.text

        run()
    assert seen["GET /api/events"] & {200} and seen["GET /api/events"] & {422}, seen["GET /api/events"]
    assert seen["POST /api/ingest"] == {401}
