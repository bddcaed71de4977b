"""The API against its own OpenAPI schema: schemathesis generates requests from it and checks every answer.

Each endpoint gets up to :data:`CASES_PER_ENDPOINT` generated requests, so the run stays short;
the checks are schemathesis' defaults (no server error; status codes, content types, headers and
bodies as the schema documents them). Hypothesis drives the cases directly (schemathesis' pytest
plugin does not run under pytest 9), derandomized and without an example database, so runs repeat.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from aidledger.web import WebSettings, api, create_app
from tests.web.conftest import copy_of

CASES_PER_ENDPOINT = 40


@pytest.fixture(scope="module")
def api_schema(template_db, tmp_path_factory):
    db = copy_of(template_db, tmp_path_factory.mktemp("openapi") / "web.db")
    app = create_app(WebSettings(db=db, allowed_hosts=("testserver", "localhost")))
    return schemathesis.openapi.from_asgi("/api/openapi.json", app)


@pytest.mark.parametrize("path", [route.path for route in api.router.routes])
def test_every_answer_of_the_api_matches_its_schema(api_schema, path):
    operation = api_schema[path]["GET"]
    cases = []

    @given(case=operation.as_strategy())
    @settings(
        max_examples=CASES_PER_ENDPOINT,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def call(case) -> None:
        cases.append(case)
        case.call_and_validate()

    call()
    print(f"{path}: {len(cases)} cases")
    assert cases
