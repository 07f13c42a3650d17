"""The HTTP API: answers, pages, errors in one envelope, limits, tokens, and `serve --get`."""

import base64
import json
import shutil
import time
from pathlib import Path

import httpx2 as httpx
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from detente.cli import main
from detente.records import Document
from detente.serve import ServeConfig, create_app, request_once
from detente.store import Store, ingest

from .live import serving

ARTICLES = [
    Document(id="pl-1", title="Poland expels Belarusian diplomats", date="2024-05-08", source="Wire A",
             url="https://example.org/pl-1",
             text="Poland expels Belarusian diplomats\n\nPoland expelled two Belarusian diplomats on Tuesday in "
                  "retaliation for Belarus's expulsion of a Polish diplomat last week."),
    Document(id="pl-2", date="2024-05-08", source="Wire B",
             text="Two Belarusian diplomats were expelled by the Polish government on Tuesday."),
    Document(id="jp-1", date="2024-06-03",
             text="Japan and South Korea held talks in Tokyo on Monday. Japan pledged economic aid to Ukraine."),
    Document(id="ru-1", date="2021-10-22",
             text="Russia suspended its diplomatic mission to NATO this week. The alliance accused Moscow of "
                  "espionage earlier this month."),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, coder) -> tuple[Path, Path]:
    """Two identical stores: one the in-process client writes to, one only ever opened
    read-only (DuckDB lets one process, or many read-only ones, open a file)."""
    folder = tmp_path_factory.mktemp("api")
    with Store(folder / "api.duckdb") as store:
        ingest(store, coder, ARTICLES)
    shutil.copyfile(folder / "api.duckdb", folder / "shared.duckdb")
    return folder / "api.duckdb", folder / "shared.duckdb"


@pytest.fixture(scope="module")
def db(built) -> Path:
    return built[0]


@pytest.fixture(scope="module")
def shared_db(built) -> Path:
    return built[1]


@pytest.fixture(scope="module")
def client(db, coder):
    with TestClient(create_app(ServeConfig(db=db, max_body_bytes=50_000), coder=coder)) as test_client:
        yield test_client


def _contents(db_client: TestClient) -> str:
    """Everything a read can see of the store, to show that a bad request changed nothing."""
    pages, cursor = [], None
    while True:
        answer = db_client.get("/api/events", params={"limit": 500, **({"cursor": cursor} if cursor else {})}).json()
        pages.append(answer["events"])
        cursor = answer["next_cursor"]
        if cursor is None:
            return json.dumps([pages, db_client.get("/api/health").json()["store"]], sort_keys=True)


def test_events_page_with_cursors_through_every_event_once(client):
    seen, cursor = [], None
    while True:
        answer = client.get("/api/events", params={"limit": 2, **({"cursor": cursor} if cursor else {})}).json()
        seen += [e["event_id"] for e in answer["events"]]
        cursor = answer["next_cursor"]
        if cursor is None:
            break
    everything = client.get("/api/events", params={"limit": 500}).json()["events"]
    assert seen == [e["event_id"] for e in everything] and len(seen) == len(set(seen)) >= 4


def test_an_event_comes_with_its_mentions_and_their_spans(client):
    (expulsion,) = client.get("/api/events", params={"source": "POL", "target": "BLR", "root": "17"}).json()["events"]
    assert (expulsion["n_mentions"], expulsion["n_documents"], expulsion["n_sources"]) == (2, 2, 2)
    answer = client.get(f"/api/events/{expulsion['event_id']}").json()
    assert sorted(m["doc_id"] for m in answer["mentions"]) == ["pl-1", "pl-2"]
    for mention in answer["mentions"]:
        start = mention["trigger_start"] - mention["sentence_start"]
        trigger = mention["sentence_text"][start:mention["trigger_end"] - mention["sentence_start"]]
        assert trigger.lower().startswith("expel")


def test_relations_escalations_chains_network_and_actors_answer(client):
    series = client.get("/api/relations/POL/BLR", params={"by": "month", "both": True}).json()
    assert [p["period"] for p in series["periods"]] == ["2024-04-01", "2024-05-01"]
    behind = client.get("/api/relations/POL/BLR/events", params={"period": "2024-05-01", "by": "month"}).json()
    assert [e["cameo"] for e in behind["events"]] == ["174"]
    chains = client.get("/api/chains").json()["chains"]
    assert any(link["kind"] == "text" for chain in chains for link in chain["links"])
    assert client.get("/api/network").json()["edges"]
    assert "escalations" in client.get("/api/escalations", params={"min_events": 1}).json()
    assert any(a["code"] == "POL" for a in client.get("/api/actors", params={"entity": True}).json()["actors"])


def test_events_relations_and_network_take_a_minimum_confidence(client):
    every = client.get("/api/events").json()
    floor = sorted(e["confidence"] for e in every["events"])[len(every["events"]) // 2]
    confident = client.get("/api/events", params={"min_confidence": floor}).json()
    assert confident["min_confidence"] == floor
    assert 0 < confident["total"] == sum(e["confidence"] >= floor for e in every["events"]) < every["total"]
    series = client.get("/api/relations/POL/BLR", params={"both": True, "min_confidence": 1}).json()
    assert series["total"] == 0 and series["min_confidence"] == 1
    assert client.get("/api/network", params={"min_confidence": 1}).json()["edges"] == []
    assert client.get("/api/events", params={"min_confidence": 2}).status_code == 422


def test_escalations_and_chains_take_a_minimum_confidence(client):
    for path, key, params in (("/api/chains", "chains", {}), ("/api/escalations", "escalations", {"min_events": 1})):
        every = client.get(path, params=params).json()
        shown = [e["confidence"] for item in every[key] for e in item["events"]]
        floor = round(min(shown) + 0.001, 3)  # the least confident event falls below it
        confident = client.get(path, params={**params, "min_confidence": floor}).json()
        assert (every["min_confidence"], confident["min_confidence"]) == (None, floor)
        kept = [e["confidence"] for item in confident[key] for e in item["events"]]
        assert len(kept) < len(shown) and all(c >= floor for c in kept), path
        assert client.get(path, params={"min_confidence": -0.5}).status_code == 422


def test_code_returns_the_events_of_a_pasted_text(client):
    answer = client.post("/api/code", json={"text": "Russia suspended its diplomatic mission to NATO this week.",
                                            "date": "2021-10-22"}).json()
    (event,) = answer["events"]
    assert (event["source"]["code"], event["cameo"], event["target"]["code"]) == ("RUS", "161", "NATO")
    assert event["date"] == "2021-10-18" and event["trigger"]["span"] == [7, 16]


@pytest.mark.parametrize("request_args, status, words", [
    ({"method": "POST", "url": "/api/code", "content": b'{"text": "Russia', "headers": {
        "content-type": "application/json"}}, 400, "JSON"),
    ({"method": "POST", "url": "/api/code", "json": {"date": "2021-10-22"}}, 422, "text"),
    ({"method": "POST", "url": "/api/code", "json": {"text": "   "}}, 400, "empty"),
    ({"method": "POST", "url": "/api/code", "json": {"text": "Russia.", "date": "22/10/2021"}}, 400, "malformed date"),
    ({"method": "POST", "url": "/api/code", "json": {"text": "x" * 60_000}}, 413, "limit"),
    ({"method": "POST", "url": "/api/documents", "json": {"documents": [{"id": "big", "text": "y" * 60_000}]}},
     413, "limit"),
    ({"method": "GET", "url": "/api/events", "params": {"actor": "ATLANTIS"}}, 400, "unknown actor"),
    ({"method": "GET", "url": "/api/relations/RUS/ZZZ"}, 400, "unknown actor 'ZZZ'"),
    ({"method": "GET", "url": "/api/events", "params": {"source": "RUS' OR '1'='1"}}, 400, "unknown actor"),
    ({"method": "GET", "url": "/api/events", "params": {"since": "2021'; DROP TABLE events; --"}}, 400,
     "malformed date"),
    ({"method": "GET", "url": "/api/events", "params": {"cameo": "16 OR 1=1"}}, 400, "CAMEO code"),
    ({"method": "GET", "url": "/api/events", "params": {"root": "1; DELETE FROM events"}}, 400, "CAMEO root"),
    ({"method": "GET", "url": "/api/events", "params": {"factuality": "asserted') OR ('a'='a"}}, 400,
     "unknown factuality"),
    ({"method": "GET", "url": "/api/events", "params": {"plover": "ASSAULT; --"}}, 400, "unknown PLOVER type"),
    ({"method": "GET", "url": "/api/relations/RUS/NATO", "params": {"by": "month; DROP TABLE events"}}, 422,
     "query.by"),
    ({"method": "GET", "url": "/api/events", "params": {"cursor": "not-a-cursor"}}, 400, "malformed cursor"),
    ({"method": "GET", "url": "/api/events", "params": {"cursor": "WyIyMDIxLTEzLTAxIiwgImEiXQ"}}, 400,
     "malformed cursor"),
    ({"method": "GET", "url": "/api/events", "params": {"limit": "100000"}}, 422, "limit"),
    ({"method": "GET", "url": "/api/events/no-such-event"}, 404, "no event"),
    ({"method": "GET", "url": "/api/nowhere"}, 404, "Not Found"),
    ({"method": "DELETE", "url": "/api/events"}, 405, "Method Not Allowed"),
])
def test_bad_requests_get_a_4xx_envelope_and_change_nothing(client, request_args, status, words):
    before = _contents(client)
    response = client.request(**request_args)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["status"] == status and words in error["message"]
    assert _contents(client) == before


def _cursor_of(value) -> str:
    text = value if isinstance(value, str) else json.dumps(value)
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


HOSTILE_REQUESTS = [
    pytest.param({"method": "GET", "url": "/api/events", "params": {"cursor": _cursor_of("[" * 2000 + "]" * 2000)}},
                 400, "malformed cursor", id="cursor-2000-nested-arrays"),
    pytest.param({"method": "GET", "url": "/api/events", "params": {"cursor": _cursor_of("[" * 100 + "]" * 100)}},
                 400, "malformed cursor", id="cursor-100-nested-arrays"),
    pytest.param({"method": "GET", "url": "/api/events", "params": {"cursor": "A" * 5000}}, 400,
                 "malformed cursor", id="cursor-5000-chars"),
    pytest.param({"method": "GET", "url": "/api/events", "params": {"cursor": _cursor_of('["2024-05-08", "\\ud800"]')}},
                 400, "malformed cursor", id="cursor-lone-surrogate"),
    pytest.param({"method": "GET", "url": "/api/events", "params": {"cursor": _cursor_of({"a": 1, "b": 2})}},
                 400, "malformed cursor", id="cursor-object"),
    pytest.param({"method": "GET", "url": "/api/escalations", "params": {"window": "99999999999d"}}, 400,
                 "longer than 3660 days", id="escalations-window-overflow"),
    pytest.param({"method": "GET", "url": "/api/chains", "params": {"window": "99999999999d"}}, 400,
                 "longer than 3660 days", id="chains-window-overflow"),
    pytest.param({"method": "GET", "url": "/api/chains", "params": {"window": "9" * 5000}}, 400,
                 "longer than 3660 days", id="chains-window-5000-digits"),
    pytest.param({"method": "GET", "url": "/api/escalations", "params": {"window": "\u0663\u0660d"}}, 400,
                 "malformed window", id="window-arabic-digits"),
    pytest.param({"method": "GET", "url": "/api/escalations", "params": {
        "window": "3660d", "baseline": 60, "until": "0001-06-01"}}, 400, "before year 1", id="window-before-year-1"),
    pytest.param({"method": "GET", "url": "/api/escalations", "params": {"min_events": 10 ** 30}}, 422,
                 "min_events", id="min-events-huge"),
    pytest.param({"method": "GET", "url": "/api/events", "params": {"quad": 10 ** 30}}, 422, "quad",
                 id="quad-huge"),
    pytest.param({"method": "POST", "url": "/api/documents", "json": {"documents": [{"id": "e", "text": ""}]}},
                 400, "documents[0]: record has no 'text'", id="documents-empty-text"),
    pytest.param({"method": "POST", "url": "/api/documents", "json": {"documents": [
        {"id": "ok", "text": "Iran warned Israel."}, {"id": "w", "text": " \n\t "}]}},
                 400, "documents[1]: record has no 'text'", id="documents-whitespace-text"),
    pytest.param({"method": "POST", "url": "/api/code", "json": {"text": "\n\t \u00a0"}}, 400, "empty",
                 id="code-whitespace-text"),
    pytest.param({"method": "POST", "url": "/api/code", "content": b'{"text": "Iran.", "date": "\\ud800"}',
                  "headers": {"content-type": "application/json"}}, 400, "malformed date", id="code-surrogate-date"),
    pytest.param({"method": "POST", "url": "/api/code", "content": b'{"text": "' + b"[" * 5000 + b"}",
                  "headers": {"content-type": "application/json"}}, 400, "JSON", id="code-unterminated-string"),
    pytest.param({"method": "POST", "url": "/api/code", "content": b'{"text": ' + b"[" * 5000 + b"]" * 5000 + b"}",
                  "headers": {"content-type": "application/json"}}, 400, "parsing the body",
                 id="code-5000-nested-arrays"),
    pytest.param({"method": "POST", "url": "/api/documents", "content": b'{"documents": ' + b"[" * 5000 + b"}",
                  "headers": {"content-type": "application/json"}}, 400, "parsing the body",
                 id="documents-5000-open-arrays"),
]


@pytest.mark.parametrize("request_args, status, words", HOSTILE_REQUESTS)
def test_hostile_requests_get_a_4xx_envelope_and_change_nothing(client, request_args, status, words):
    test_bad_requests_get_a_4xx_envelope_and_change_nothing(client, request_args, status, words)


@pytest.mark.parametrize("path", ["/api/events?actor=" + "R" * 200_000, "/api/events/" + "e" * 20_000])
def test_an_over_long_url_gets_414(shared_db, coder, path):
    status, body = request_once(create_app(ServeConfig(db=shared_db, read_only=True), coder=coder), path)
    assert status == 414 and "8,192-byte limit" in json.loads(body)["error"]["message"]


@pytest.mark.parametrize("url", ["/api/code", "/api/documents"])
def test_a_lone_surrogate_in_a_text_is_replaced_and_noted(client, url):
    text = "Poland expelled \ud800 two Belarusian diplomats on Tuesday."
    body = {"text": text, "doc_id": "\udfff"} if url == "/api/code" else {
        "documents": [{"id": "sur\udc00", "text": text, "title": "Expulsions \ud800"}]}
    response = client.post(url, content=json.dumps(body, ensure_ascii=True), headers={
        "content-type": "application/json"})
    assert response.status_code == 200, response.text
    answer = response.json()
    assert "lone surrogate" in answer["notes"][0]
    if url == "/api/code":
        (event,) = answer["events"]
        assert event["doc_id"] == "\ufffd"
        start, end = event["trigger"]["span"]
        assert text.replace("\ud800", "\ufffd")[start:end] == event["trigger"]["text"] == "expelled"
    else:
        assert answer["coded"] == 1


def test_a_text_of_punctuation_runs_codes_at_once(client):
    text = "Russia condemned NATO" + "?" * 20_000 + " Iran warned Israel" + "!" * 20_000
    started = time.monotonic()
    answer = client.post("/api/code", json={"text": text})
    assert answer.status_code == 200 and time.monotonic() - started < 20
    assert {(e["source"]["code"], e["target"]["code"]) for e in answer.json()["events"]} == {
        ("RUS", "NATO"), ("IRN", "ISR")}


def test_an_sql_looking_outlet_is_only_a_string(client):
    before = _contents(client)
    answer = client.get("/api/events", params={"outlet": "x' OR '1'='1"})
    assert answer.status_code == 200 and answer.json()["events"] == []
    assert _contents(client) == before


def test_writes_need_the_token_beyond_loopback_and_reads_do_not(tmp_path, coder):
    app = create_app(ServeConfig(db=tmp_path / "open.duckdb", host="0.0.0.0", token="s3cret"), coder=coder)
    document = {"documents": [{"id": "d1", "date": "2024-05-08", "text": ARTICLES[1].text}]}
    with TestClient(app) as remote:
        refused = remote.post("/api/documents", json=document)
        assert refused.status_code == 401 and refused.json()["error"]["type"] == "unauthorized"
        wrong = remote.post("/api/documents", json=document, headers={"Authorization": "Bearer guess"})
        assert wrong.status_code == 401
        assert remote.get("/api/health").json()["store"]["documents"] == 0
        taken = remote.post("/api/documents", json=document, headers={"Authorization": "Bearer s3cret"}).json()
        assert (taken["coded"], taken["store"]["documents"]) == (1, 1)
        again = remote.post("/api/documents", json=document, headers={"Authorization": "Bearer s3cret"}).json()
        assert (again["coded"], again["already_stored"]) == (0, 1)


def test_a_read_only_server_refuses_writes(shared_db, coder):
    with TestClient(create_app(ServeConfig(db=shared_db, read_only=True), coder=coder)) as reader:
        answer = reader.post("/api/documents", json={"documents": []})
        assert answer.status_code == 403 and "read-only" in answer.json()["error"]["message"]


def test_the_docs_are_served_without_a_cdn(client):
    page = client.get("/docs").text
    assert "/static-offline-docs/swagger-ui-bundle.js" in page and "cdn" not in page.lower()
    assert client.get("/static-offline-docs/swagger-ui-bundle.js").status_code == 200
    assert "/api/relations/{a}/{b}" in client.get("/openapi.json").json()["paths"]


def test_get_answers_like_the_live_server_for_every_read_endpoint(shared_db, client):
    expulsion = client.get("/api/events", params={"source": "POL", "root": "17"}).json()["events"][0]["event_id"]
    cursor = client.get("/api/events", params={"limit": 1}).json()["next_cursor"]
    paths = ["/api/health", "/api/events?limit=3", f"/api/events?limit=2&cursor={cursor}",
             "/api/events?actor=POL&factuality=asserted", f"/api/events/{expulsion}", "/api/actors?top=5",
             "/api/actors?entity=true", "/api/relations/POL/BLR?by=week&both=true",
             "/api/relations/POL/BLR/events?period=2024-05-01&by=month", "/api/escalations?min_events=1",
             "/api/chains", "/api/network?top=5", "/api/events?actor=ATLANTIS", "/openapi.json"]
    with serving(shared_db, "--read-only") as base:
        for path in paths:
            live = httpx.get(f"{base}{path}", timeout=10)
            once = CliRunner().invoke(main, ["serve", "--db", str(shared_db), "--get", path])
            assert json.loads(once.stdout) == live.json(), path
            assert (once.exit_code == 0) == (live.status_code < 400), path


def test_a_query_over_the_time_limit_is_interrupted_with_504(tmp_path):
    path = tmp_path / "big.duckdb"
    with Store(path) as store:  # many events among few actors: the response-chain join is slow
        store.connection.execute("""
            INSERT INTO events (event_id, cluster_key, anchor, source_key, source_code, target_key, target_code,
                                cameo, cameo_root, goldstein, quad_class, factuality, date_precision, date_start,
                                n_mentions, n_documents, n_sources)
            SELECT 'e' || i, '', '', a, a, b, b, '190', '19', -10, 4, 'asserted', 'day',
                   DATE '2020-01-01' + CAST(i % 365 AS INTEGER), 1, 1, 1
            FROM (SELECT i, ['USA', 'CHN', 'RUS'][1 + i % 3] AS a, ['CHN', 'RUS', 'USA'][1 + (i // 3) % 3] AS b
                  FROM range(300000) t(i))""")
    with TestClient(create_app(ServeConfig(db=path, read_only=True, query_timeout_seconds=0.05))) as slow:
        answer = slow.get("/api/chains", params={"window": "300d"})
        assert answer.status_code == 504 and answer.json()["error"]["type"] == "timeout"
        assert slow.get("/api/health").status_code == 200


def test_the_dashboard_may_load_only_from_its_own_server(client):
    page = client.get("/")
    assert page.status_code == 200 and "<nav" in page.text
    assert page.headers["content-security-policy"].startswith("default-src 'self'")


@pytest.fixture
def reviewing(shared_db, tmp_path, coder):
    """A server over a fresh copy of the store, listening beyond loopback: writes need the token."""
    shutil.copyfile(shared_db, tmp_path / "review.duckdb")
    app = create_app(ServeConfig(db=tmp_path / "review.duckdb", host="0.0.0.0", token="s3cret"), coder=coder)
    with TestClient(app) as test_client:
        yield test_client


TOKEN = {"Authorization": "Bearer s3cret"}


def test_review_next_gives_an_unreviewed_event_with_its_sentence_and_spans(reviewing):
    first = reviewing.get("/api/review/next").json()
    event, mention = first["event"], first["mention"]
    assert first["remaining"] == reviewing.get("/api/events").json()["total"] and first["review"] is None
    sentence = mention["sentence_text"]
    at = mention["sentence_start"]
    assert sentence[mention["trigger_start"] - at:mention["trigger_end"] - at] == event["trigger"]
    assert sentence[mention["source_start"] - at:mention["source_end"] - at] == event["source"]["text"]
    skipped = reviewing.get("/api/review/next", params={"after": event["event_id"]}).json()
    assert skipped["event"]["event_id"] > event["event_id"]
    polish = reviewing.get("/api/review/next", params={"source": "POL", "root": "17"}).json()
    assert polish["event"]["source"]["key"] == "POL" and polish["event"]["cameo"].startswith("17")
    assert reviewing.get("/api/review/next", params={"source": "ATLANTIS"}).status_code == 400


def test_a_review_needs_the_token_and_then_filters_events_as_reviewed_or_disputed(reviewing):
    events = reviewing.get("/api/events").json()["events"]
    right, wrong = events[0]["event_id"], events[1]["event_id"]
    body = {"judgement": "correct", "reviewer": "ana"}
    refused = reviewing.post(f"/api/review/{right}", json=body)
    assert refused.status_code == 401 and refused.json()["error"]["type"] == "unauthorized"
    assert reviewing.get("/api/events", params={"review": "reviewed"}).json()["total"] == 0
    taken = reviewing.post(f"/api/review/{right}", json=body, headers=TOKEN).json()
    assert taken["review"]["judgement"] == "correct" and taken["reviews"]["reviewed"] == 1
    fixed = reviewing.post(f"/api/review/{wrong}", headers=TOKEN, json={
        "judgement": "wrong_actor", "reviewer": "ana", "target": "UKRGOV", "note": "the aid went to Kyiv"}).json()
    assert fixed["review"]["correction"]["target"] == "UKRGOV"
    reviewed = reviewing.get("/api/events", params={"review": "reviewed"}).json()
    assert reviewed["total"] == 2 and {e["review"]["judgement"] for e in reviewed["events"]} == {
        "correct", "wrong_actor"}
    (disputed,) = reviewing.get("/api/events", params={"review": "disputed"}).json()["events"]
    assert disputed["event_id"] == wrong and disputed["target"]["code"] != "UKRGOV"  # the coded event stays
    assert reviewing.get(f"/api/events/{wrong}").json()["review"]["note"] == "the aid went to Kyiv"
    assert reviewing.get(f"/api/review/{wrong}").json()["review"]["reviewer"] == "ana"
    assert reviewing.get("/api/review/next").json()["event"]["event_id"] not in (right, wrong)


@pytest.mark.parametrize(("body", "status", "words"), [
    ({"judgement": "fine", "reviewer": "ana"}, 422, "judgement"),
    ({"judgement": "correct"}, 422, "reviewer"),
    ({"judgement": "correct", "reviewer": ""}, 422, "reviewer"),
    ({"judgement": "correct", "reviewer": "ana", "cameo": "173"}, 400, "a correction goes with"),
    ({"judgement": "wrong_code", "reviewer": "ana", "cameo": "999"}, 400, "unknown CAMEO code"),
    ({"judgement": "wrong_actor", "reviewer": "ana", "source": "ATLANTIS"}, 400, "unknown actor code"),
    ({"judgement": "wrong_code", "reviewer": "ana", "factuality": "maybe"}, 400, "unknown factuality"),
])
def test_a_bad_review_gets_a_4xx_envelope_and_stores_nothing(reviewing, body, status, words):
    event_id = reviewing.get("/api/events").json()["events"][0]["event_id"]
    answer = reviewing.post(f"/api/review/{event_id}", json=body, headers=TOKEN)
    assert answer.status_code == status and words in answer.json()["error"]["message"]
    missing = reviewing.post("/api/review/0000", json={"judgement": "correct", "reviewer": "ana"}, headers=TOKEN)
    assert missing.status_code == 404 and missing.json()["error"]["type"] == "not_found"
    assert reviewing.get("/api/events", params={"review": "bad"}).status_code == 422
    assert reviewing.get("/api/review/next").json()["reviews"]["reviewed"] == 0


def test_a_read_only_server_refuses_reviews_and_the_openapi_describes_them(shared_db, coder):
    with TestClient(create_app(ServeConfig(db=shared_db, read_only=True), coder=coder)) as reader:
        event_id = reader.get("/api/events").json()["events"][0]["event_id"]
        answer = reader.post(f"/api/review/{event_id}", json={"judgement": "correct", "reviewer": "ana"})
        assert answer.status_code == 403
        paths = reader.get("/openapi.json").json()["paths"]
        choices = reader.get("/api/review/choices").json()
    assert {"/api/review/next", "/api/review/choices", "/api/review/{event_id}"} <= set(paths)
    assert {"get", "post"} <= set(paths["/api/review/{event_id}"])
    assert "review" in {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"code": "174", "name": "Expel or deport individuals", "quad_class": 4} in choices["cameo"]
    assert any(a["code"] == "POLGOV" for a in choices["actors"]) and "not_an_event" in choices["judgements"]
