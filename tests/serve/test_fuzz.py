"""Property-based requests to every API operation, generated from its OpenAPI description:
whatever a client sends, the server answers without a server error (5xx)."""

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from detente.records import Document
from detente.serve import ServeConfig, create_app
from detente.store import Store, ingest


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, coder):
    path: Path = tmp_path_factory.mktemp("fuzz") / "fuzz.duckdb"
    with Store(path) as store:
        ingest(store, coder, [Document(id="f1", date="2024-05-08", text=(
            "Poland expelled two Belarusian diplomats on Tuesday in retaliation for Belarus's expulsion of a "
            "Polish diplomat last week. Japan and South Korea held talks in Tokyo on Monday."))])
    return create_app(ServeConfig(db=path, max_body_bytes=3_000), coder=coder)  # small bodies: fast coding


def test_no_request_makes_a_server_error(app):
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 11

    for operation in operations:
        @given(operation.as_strategy())
        @settings(max_examples=10, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def answers_without_a_server_error(case: schemathesis.Case) -> None:
            response = case.call()
            assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.text[:300]}"
            assert response.status_code < 400 or "error" in response.json()

        answers_without_a_server_error()
