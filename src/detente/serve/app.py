"""The HTTP API and the dashboard: one ASGI app, built by `create_app` over the library.

Every error, whatever raised it, answers with one JSON envelope:
    {"error": {"status": 400, "type": "bad_request", "message": "unknown actor 'XYZ': ..."}}
Reads are open; writes (POST /api/documents, POST /api/review/{id}) need
`Authorization: Bearer TOKEN` when the server listens beyond loopback. Request lines and
bodies are size-limited, texts are read as the command line reads them (detente.read),
coding is time-limited, and every query value is bounded and reaches SQL as a parameter
(detente.store.query).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hmac
import json
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import anyio
import duckdb
from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import DetenteError, QueryError, StoreError
from ..read import DEFAULT_MAX_BYTES, record_document, text_document
from ..read.bounded_json import replace_lone_surrogates
from ..records import Document, Problem, parse_day
from ..relations import (Dyad, actor_network, find_chains, find_escalations, parse_window, period_events,
                         relation_series)
from ..relations.chains import undated_in_scope
from ..relations.escalation import undated_conflict
from ..relations.series import COARSER, UNDATED, canonical_dyad, reviewed_in_dyad
from ..store import Store, ingest
from ..store.judgements import JUDGEMENTS, REVIEW_FILTERS
from ..store.query import (DEFAULT_FACTUALITY, FACTUALITIES, EventFilter, actor_names, anchor_mention, count_events,
                           event_cursor, find_events, get_event, parse_factualities, top_actors)
from ..store.review import (MAX_NOTE_CHARS, MAX_REVIEWER_CHARS, Correction, Judgement, ReviewItem, actor_choices,
                            cameo_codes, event_judgements, next_for_review, record_judgement, review_summary)
from ..vocabulary import actor_label
from .batching import CodingQueue

if TYPE_CHECKING:
    from ..coder import CodedDocument, Coder

STATIC = Path(__file__).parent / "static"
LOOPBACK = {"127.0.0.1", "::1", "localhost"}
MAX_URL_BYTES = 8_192  # path and query string; a longer request gets 414
# what the HTTP server itself buffers of a request line and headers; kept above
# MAX_URL_BYTES so that an over-long URL reaches the app and gets its 414, not a reset
MAX_REQUEST_HEAD_BYTES = 1_048_576


@dataclass(frozen=True, slots=True)
class ServeConfig:
    db: Path
    host: str = "127.0.0.1"
    token: str | None = None  # required for writes when `host` is not loopback
    read_only: bool = False  # open the store read-only; write endpoints answer 403
    max_body_bytes: int = 2_000_000
    max_text_chars: int = 200_000  # for POST /api/code
    code_timeout_seconds: float = 30.0
    query_timeout_seconds: float = 10.0  # a read query running longer is interrupted (504)
    pipeline: str | None = None  # spaCy pipeline for the coder; None: the default


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


_TYPES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
          413: "too_large", 414: "uri_too_long", 422: "invalid_request", 500: "internal_error", 503: "unavailable",
          504: "timeout"}


class SafeJSONResponse(JSONResponse):
    """JSON that always encodes: a lone surrogate echoed from a request (in an id, or an
    error message naming the value) is written as U+FFFD instead of failing the response."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode(
            "utf-8", "replace")


def error_response(status: int, message: str) -> JSONResponse:
    return SafeJSONResponse({"error": {"status": status, "type": _TYPES.get(status, "error"), "message": message}},
                            status_code=status)


class RequestLimits:
    """ASGI middleware: a URL over `url_limit` bytes is refused with 414, a request body over
    `limit` bytes with 413, whether or not it declares its length."""

    def __init__(self, app: ASGIApp, limit: int, url_limit: int = MAX_URL_BYTES) -> None:
        self.app, self.limit, self.url_limit = app, limit, url_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        url_bytes = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
        if url_bytes > self.url_limit:
            await error_response(414, f"URL of {url_bytes:,} bytes is over the {self.url_limit:,}-byte limit; "
                                      "send fewer or shorter parameters")(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await error_response(413, f"request body over the {self.limit:,}-byte limit")(scope, receive, send)
            return
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise ApiError(413, f"request body over the {self.limit:,}-byte limit")
            return message

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except ApiError as err:
            if not started:
                await error_response(err.status, err.message)(scope, receive, send)


class ErrorBody(BaseModel):
    status: int
    type: str = Field(description="bad_request, unauthorized, forbidden, not_found, too_large, invalid_request, "
                                  "timeout, ...")
    message: str = Field(description="What was wrong, naming the value.")


class ErrorEnvelope(BaseModel):
    error: ErrorBody


_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorEnvelope, "description": text} for status, text in (
        (400, "A value is malformed or unknown (actor, date, code, cursor, JSON)."),
        (404, "No such event or path."),
        (413, "The body or text is over the size limit."),
        (414, f"The URL is over {MAX_URL_BYTES:,} bytes."),
        (422, "The request does not fit the schema."),
        (504, "The work took longer than the time limit."))}

Period = Literal["day", "week", "month", "year"]
ASSERTED = ",".join(DEFAULT_FACTUALITY)  # the default factuality of every route


class CodeRequest(BaseModel):
    text: str = Field(description="Article text to code.")
    date: str | None = Field(None, description="Publication date, YYYY-MM-DD.")
    title: str | None = None
    doc_id: str = "pasted"


class DocumentIn(BaseModel):
    id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None


class DocumentsRequest(BaseModel):
    documents: list[DocumentIn] = Field(max_length=1000)


JudgementKind = Literal[JUDGEMENTS]  # type: ignore[valid-type]  # the one list, in store.judgements
ReviewFilter = Literal[REVIEW_FILTERS]  # type: ignore[valid-type]


class ReviewRequest(BaseModel):
    judgement: JudgementKind
    reviewer: str = Field(min_length=1, max_length=MAX_REVIEWER_CHARS, description="Who judged.")
    note: str | None = Field(None, max_length=MAX_NOTE_CHARS)
    source: str | None = Field(None, max_length=40, description="Corrected source actor code (wrong_* only).")
    target: str | None = Field(None, max_length=40, description="Corrected target actor code (wrong_* only).")
    cameo: str | None = Field(None, max_length=4, description="Corrected CAMEO code (wrong_* only).")
    factuality: str | None = Field(None, max_length=20, description="Corrected factuality (wrong_* only).")


class _State:
    """What the app holds: the open store, the coder (loaded on first use), their locks."""

    def __init__(self, config: ServeConfig, coder: Coder | None) -> None:
        self.config = config
        self.store = Store(config.db, read_only=config.read_only)
        self._coder = coder
        self.coder_lock = threading.Lock()  # one coding at a time: spaCy is not thread-safe
        self.write_lock = threading.Lock()
        self.coding = CodingQueue(self.code_batch)

    def coder(self) -> Coder:
        with self.coder_lock:
            if self._coder is None:
                from ..coder import Coder

                self._coder = Coder() if self.config.pipeline is None else Coder(pipeline=self.config.pipeline)
            return self._coder

    def code_batch(self, documents: list[Document]) -> list[CodedDocument]:
        coder = self.coder()
        with self.coder_lock:
            # the budget frees the coder for the next requests when a text is slow to code
            return list(coder.code_documents(documents, batch=len(documents),
                                             time_budget=self.config.code_timeout_seconds))

    @contextmanager
    def reading(self) -> Iterator[Store]:
        """A handle on the store for one request; its queries are interrupted after the time limit."""
        view = self.store.view()
        seconds = self.config.query_timeout_seconds
        alarm = threading.Timer(seconds, view.connection.interrupt)
        alarm.start()
        try:
            yield view
        except duckdb.InterruptException as err:
            raise ApiError(504, f"the query took longer than {seconds:g} s; narrow it (actors, dates)") from err
        finally:
            alarm.cancel()
            view.close()


def create_app(config: ServeConfig, coder: Coder | None = None) -> FastAPI:
    """The API and dashboard over the store at `config.db` (created if missing, unless read-only)."""
    state = _State(config, coder)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        state.store.close()

    app = FastAPIOffline(title="detente", version=version("detente"), lifespan=lifespan, responses=_ERRORS,
                         default_response_class=SafeJSONResponse,
                         description="Political event data: code news text into CAMEO/PLOVER events, "
                                     "query the deduplicated event store and the relations between actors.")
    app.state.detente = state

    @app.exception_handler(DetenteError)
    async def detente_error(request: Request, err: DetenteError) -> JSONResponse:
        status = 404 if isinstance(err, QueryError) and str(err).startswith("no event with id") else 400
        return error_response(503 if isinstance(err, StoreError) else status, str(err))

    @app.exception_handler(ApiError)
    async def api_error(request: Request, err: ApiError) -> JSONResponse:
        return error_response(err.status, err.message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, err: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in err.errors()[:5])
        return error_response(422 if "json_invalid" not in str(err.errors()) else 400, problems)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, err: StarletteHTTPException) -> JSONResponse:
        return error_response(err.status_code, str(err.detail))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, err: Exception) -> JSONResponse:
        return error_response(500, f"internal error: {type(err).__name__}")

    app.add_middleware(RequestLimits, limit=config.max_body_bytes)
    _routes(app, state)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        # the page may load nothing but this server's own files and data
        return FileResponse(STATIC / "index.html", headers={
            "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                                       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"})

    return app


def _one_document(items: Iterator[Document | Problem]) -> tuple[Document, list[str]]:
    """The document a reader made of one text, and its notes; a text it refused is a 400."""
    found = list(items)
    notes = [str(item) for item in found if isinstance(item, Problem)]
    document = next((item for item in found if isinstance(item, Document)), None)
    if document is None:
        raise ApiError(400, "; ".join(notes))
    return document, notes


def _writer(state: _State) -> Callable[[Request], None]:
    def check(request: Request) -> None:
        if state.config.read_only:
            raise ApiError(403, "this server opened its store read-only")
        if state.config.host in LOOPBACK:
            return
        given = request.headers.get("authorization", "")
        expected = f"Bearer {state.config.token}" if state.config.token else None
        if expected is None or not hmac.compare_digest(given.encode(), expected.encode()):
            raise ApiError(401, "this endpoint needs 'Authorization: Bearer TOKEN' (the token given to serve)")
    return check


def _routes(app: FastAPI, state: _State) -> None:
    writer = Depends(_writer(state))

    @app.get("/api/health", tags=["service"])
    def health() -> dict[str, Any]:
        with state.reading() as store:
            counts = store.counts()
        return {"status": "ok", "version": version("detente"), "read_only": state.config.read_only,
                "token_required": state.config.host not in LOOPBACK,  # for writes
                "store": {"path": str(state.store.path), "documents": counts.documents, "mentions": counts.mentions,
                          "events": counts.events, "actors": counts.actors}}

    @app.post("/api/code", tags=["coding"])
    async def code(body: CodeRequest) -> dict[str, Any]:
        """Code one text (synchronous; nothing is stored). Events as in `detente code --format jsonl`:
        spans are character offsets into the text sent; `event_id` identifies the event within
        this text (the store's deduplicated events have ids of their own)."""
        if len(body.text) > state.config.max_text_chars:
            raise ApiError(413, f"text is over the {state.config.max_text_chars:,}-character limit for /api/code")
        if body.date and parse_day(body.date) is None:
            raise ApiError(400, f"malformed date {body.date!r}; use YYYY-MM-DD")
        # read as `detente code` reads a text file: markup such as "## [Title](#)" blanked in place
        # (spans still fit the text sent), lone surrogates replaced, empty text refused
        document, notes = _one_document(text_document("text", body.text, body.doc_id, body.date))
        if body.title:
            document = dataclasses.replace(document, title=replace_lone_surrogates(body.title)[0])
        seconds = state.config.code_timeout_seconds
        try:
            with anyio.fail_after(seconds):
                coded = await state.coding.code(document)
        except TimeoutError as err:
            raise ApiError(504, f"coding took longer than {seconds:g} s; send a shorter text") from err
        if coded.problem is not None:  # over the coder's time budget
            raise ApiError(504, f"coding took longer than {seconds:g} s; send a shorter text")
        return {"doc_id": document.id, "sentences": coded.sentences, "parsed_sentences": coded.parsed_sentences,
                "events": [_labelled(e.to_dict()) for e in coded.events], "notes": notes}

    @app.post("/api/documents", tags=["store"], dependencies=[writer])
    def documents(body: DocumentsRequest) -> dict[str, Any]:
        """Code and store documents; those the store already holds are skipped."""
        items, notes = [], []
        for number, record in enumerate(body.documents):
            if record.date and parse_day(record.date) is None:
                raise ApiError(400, f"documents[{number}].date {record.date!r} is not a date (YYYY-MM-DD)")
            # read as `detente ingest` reads a JSONL record: the title coded with the text, lone
            # surrogates replaced, empty text refused
            document, found = _one_document(record_document(
                f"documents[{number}]", record.model_dump(), record.id, None, DEFAULT_MAX_BYTES))
            items.append(dataclasses.replace(document, origin="api"))
            notes.extend(found)
        coder = state.coder()
        with state.write_lock, state.coder_lock:
            summary = ingest(state.store, coder, items)
            counts = state.store.counts()
        if summary.problems:  # over the coder's time budget: not stored
            raise ApiError(504, f"{summary.problems[0]}; the other documents were stored")
        return {"read": summary.read, "coded": summary.coded, "already_stored": summary.known,
                "mentions": summary.mentions, "store": {"documents": counts.documents, "events": counts.events},
                "notes": notes}

    @app.get("/api/events", tags=["store"],
              description="Deduplicated events, filtered, newest first (undated last); `total` counts "
                          "every match; follow `next_cursor` for the next page. A stored event carries its "
                          "anchor mention's sentence and trigger as text, and `n_mentions`, `n_documents`, "
                          "`n_sources`; `GET /api/events/{id}` gives every mention with its offsets.")
    def events(actor: str | None = None, source: str | None = None, target: str | None = None,
               role: str | None = None, cameo: str | None = None, root: str | None = None,
               plover: str | None = None, quad: int | None = Query(None, ge=1, le=4),
               factuality: str = ASSERTED, since: str | None = None, until: str | None = None,
               outlet: str | None = None, min_confidence: float | None = Query(None, ge=0, le=1),
               review: ReviewFilter | None = Query(None, description="reviewed, disputed (judged anything but "
                                                                     "correct or acceptable) or unreviewed"),
               limit: int = Query(50, ge=1, le=500), cursor: str | None = None) -> dict[str, Any]:
        where = EventFilter(actor=actor, source=source, target=target, role=role, cameo=cameo, root=root,
                            plover=plover, quad_class=quad, factuality=parse_factualities(factuality),
                            since=since, until=until, outlet=outlet, min_confidence=min_confidence, review=review)
        with state.reading() as store:
            found = find_events(store, where, limit=limit + 1, after=cursor)
            total = count_events(store, where)
            page = found[:limit]
            judged = event_judgements(store, [e.event_id for e in page])
        return {"events": [{**e.to_dict(), "review": _judged(judged.get(e.event_id))} for e in page],
                "total": total, "factuality": list(where.factuality), "min_confidence": min_confidence,
                "review": review, "next_cursor": event_cursor(page[-1]) if len(found) > limit else None}

    @app.get("/api/events/{event_id}", tags=["store"])
    def event(event_id: str) -> dict[str, Any]:
        """One event with every mention: its document, sentence and spans; `review`: its judgement."""
        with state.reading() as store:
            found, mentions = get_event(store, event_id)
            judged = event_judgements(store, [event_id])
        return {"event": found.to_dict(), "mentions": [m.to_dict() for m in mentions],
                "review": _judged(judged.get(event_id))}

    @app.get("/api/review/next", tags=["review"])
    def review_next(actor: str | None = None, source: str | None = None, target: str | None = None,
                    role: str | None = None, cameo: str | None = None, root: str | None = None,
                    plover: str | None = None, quad: int | None = Query(None, ge=1, le=4),
                    factuality: str = ASSERTED, since: str | None = None, until: str | None = None,
                    outlet: str | None = None, min_confidence: float | None = Query(None, ge=0, le=1),
                    after: str | None = Query(None, max_length=64, description="Skip to the events past this id.")
                    ) -> dict[str, Any]:
        """The next unreviewed event matching the filters of `GET /api/events`, in a fixed random
        order (by event id), so that the judged events are a random sample of those chosen:
        the event, the report a reviewer reads (`mention`: its sentence, with the trigger and
        actor spans as document offsets; `sentence_start` turns them into sentence offsets),
        and `remaining` (unreviewed events matching, this one included). `event` is null when
        none is left; `reviews` counts the store's reviewed events."""
        where = EventFilter(actor=actor, source=source, target=target, role=role, cameo=cameo, root=root,
                            plover=plover, quad_class=quad, factuality=parse_factualities(factuality),
                            since=since, until=until, outlet=outlet, min_confidence=min_confidence)
        with state.reading() as store:
            item = next_for_review(store, where, after)
            summary = review_summary(store)
        return {**_review_item(item, None), "factuality": list(where.factuality), "reviews": summary.to_dict()}

    @app.get("/api/review/choices", tags=["review"])
    def review_choices() -> dict[str, Any]:
        """What a correction may name: actor codes (the store's, then the dictionary's entities),
        the CAMEO codes of the ontology table, the factualities, and the judgements."""
        with state.reading() as store:
            actors = actor_choices(store)
        return {"judgements": list(JUDGEMENTS), "factualities": list(FACTUALITIES), "actors": actors,
                "cameo": [{"code": c.code, "name": c.name, "quad_class": c.quad_class}
                          for c in cameo_codes().values()]}

    @app.get("/api/review/{event_id}", tags=["review"])
    def review_event(event_id: str) -> dict[str, Any]:
        """One event as `GET /api/review/next` gives it, with its current judgement (`review`)."""
        with state.reading() as store:
            found, _ = get_event(store, event_id)
            item = ReviewItem(found, anchor_mention(store, event_id), 0)
            judged = event_judgements(store, [event_id])
            summary = review_summary(store)
        return {**_review_item(item, judged.get(event_id)), "reviews": summary.to_dict()}

    @app.post("/api/review/{event_id}", tags=["review"], dependencies=[writer])
    def review(event_id: str, body: ReviewRequest) -> dict[str, Any]:
        """Record a judgement of a stored event (token-protected like every write). A correction
        (`source`, `target`: actor codes; `cameo`; `factuality`) goes only with a wrong_*
        judgement; wrong_direction with no actor swaps source and target. The coded event is
        never changed: the judgement is stored beside it, and the latest one counts."""
        correction = Correction(body.source or None, body.target or None, body.cameo or None,
                                body.factuality or None)
        with state.write_lock:
            judged = record_judgement(state.store, event_id, body.judgement, body.reviewer, correction, body.note)
            summary = review_summary(state.store)
        return {"review": _judged(judged), "reviews": summary.to_dict()}

    @app.get("/api/actors", tags=["store"])
    def actors(top: int = Query(20, ge=1, le=500), entity: bool = False,
               factuality: str = ASSERTED) -> dict[str, Any]:
        counted = parse_factualities(factuality)
        with state.reading() as store:
            found = top_actors(store, top, entity, counted)
        return {"factuality": list(counted),
                "actors": [{"code": a.code, "key": a.key, "role": a.role, "name": a.name, "events": a.events,
                            "as_source": a.as_source, "as_target": a.as_target} for a in found]}

    @app.get("/api/relations/{a}/{b}", tags=["relations"])
    def relations(a: str, b: str, by: Period = "month", both: bool = False, factuality: str = ASSERTED,
                  since: str | None = None, until: str | None = None,
                  min_confidence: float | None = Query(None, ge=0, le=1),
                  reviewed: bool = Query(False, description="The events as reviewers corrected them.")
                  ) -> dict[str, Any]:
        """Per-period counts by quad class, Goldstein sum and mean, and net score for the dyad.
        Actors are codes or names in any case. After the dated periods (`kind` "period") come
        a "coarser" row (events dated less precisely than the period) and an "undated" row,
        when they hold events; `total` counts every event of the dyad, `reviewed_events` those
        a reviewer judged."""
        with state.reading() as store:
            dyad = canonical_dyad(store, Dyad(a, b, both, parse_factualities(factuality), since, until,
                                              min_confidence, reviewed))
            series = relation_series(store, dyad, by)
            names = actor_names(store, [dyad.a, dyad.b])
            judged = reviewed_in_dyad(store, dyad)
        return {"a": dyad.a, "b": dyad.b, "a_name": names.get(dyad.a), "b_name": names.get(dyad.b), "by": by,
                "both": both, "factuality": list(dyad.factuality), "min_confidence": min_confidence,
                "reviewed": reviewed, "reviewed_events": judged, "total": sum(p.events for p in series),
                "periods": [p.to_dict() for p in series]}

    @app.get("/api/relations/{a}/{b}/events", tags=["relations"])
    def relation_events(a: str, b: str, period: str, by: Period = "month", both: bool = False,
                        factuality: str = "asserted", min_confidence: float | None = Query(None, ge=0, le=1),
                        reviewed: bool = False) -> dict[str, Any]:
        """The events behind one row of the series (`period`: its first day, or coarser or undated)."""
        row: dt.date | str = period
        if period not in (COARSER, UNDATED):
            try:
                row = dt.date.fromisoformat(period)
            except ValueError as err:
                raise ApiError(400, f"malformed period {period!r}; use its first day (YYYY-MM-DD), "
                                    f"{COARSER} or {UNDATED}") from err
        with state.reading() as store:
            dyad = canonical_dyad(store, Dyad(a, b, both, parse_factualities(factuality),
                                              min_confidence=min_confidence, corrected=reviewed))
            found = period_events(store, dyad, row, by)
        return {"period": period, "events": [e.to_dict() for e in found]}

    @app.get("/api/escalations", tags=["relations"])
    def escalations(window: str = "30d", baseline: int = Query(6, ge=1, le=60), until: str | None = None,
                    min_events: int = Query(2, ge=1, le=1_000_000), top: int = Query(10, ge=1, le=100),
                    factuality: str = ASSERTED, min_confidence: float | None = Query(None, ge=0, le=1)
                    ) -> dict[str, Any]:
        """Directed dyads whose conflict in the latest window departs most from their baseline.
        `recent`: the window's conflict, the sum over its conflictual events (quad 3 and 4) of
        max(|Goldstein|, 1); `baseline_mean`, `baseline_sd`: the same over the `baseline`
        windows before it; `score` = (recent - baseline_mean) / (baseline_sd + 1).
        `undated`: conflictual events with no date, which no window holds."""
        counted = parse_factualities(factuality)
        with state.reading() as store:
            found = find_escalations(store, parse_window(window), baseline, until, min_events, top, counted,
                                     min_confidence=min_confidence)
            undated = undated_conflict(store, counted, min_confidence=min_confidence)
            names = actor_names(store, sorted({c for e in found for c in (e.source, e.target)}))
        return {"factuality": list(counted), "min_confidence": min_confidence, "undated": undated,
                "escalations": [{**e.to_dict(), "source_name": names.get(e.source),
                                 "target_name": names.get(e.target)} for e in found]}

    @app.get("/api/chains", tags=["relations"])
    def chains(window: str = "30d", actor: str | None = None, conflict: bool = False,
               factuality: str = ASSERTED, min_confidence: float | None = Query(None, ge=0, le=1),
               top: int = Query(20, ge=1, le=200)) -> dict[str, Any]:
        """Response chains; `undated`: events in scope with no date, which only a cue in their
        sentence can link."""
        counted = parse_factualities(factuality)
        with state.reading() as store:
            found = find_chains(store, parse_window(window), actor, factuality=counted, conflict_only=conflict,
                                min_confidence=min_confidence)
            undated = undated_in_scope(store, actor, counted, conflict, min_confidence)
        return {"factuality": list(counted), "min_confidence": min_confidence, "undated": undated,
                "chains": [c.to_dict() for c in found[:top]]}

    @app.get("/api/network", tags=["relations"])
    def network(top: int = Query(40, ge=1, le=500), factuality: str = ASSERTED,
                min_confidence: float | None = Query(None, ge=0, le=1)) -> dict[str, Any]:
        """Directed dyads by event count, dated or not."""
        counted = parse_factualities(factuality)
        with state.reading() as store:
            edges = actor_network(store, EventFilter(factuality=counted, min_confidence=min_confidence), top)
        return {"factuality": list(counted), "min_confidence": min_confidence, "edges": [e.to_dict() for e in edges]}


def _judged(judgement: Judgement | None) -> dict[str, Any] | None:
    return judgement.to_dict() if judgement is not None else None


def _review_item(item: ReviewItem | None, judgement: Judgement | None) -> dict[str, Any]:
    if item is None:
        return {"event": None, "mention": None, "remaining": 0, "review": None}
    return {**item.to_dict(), "review": _judged(judgement)}


def _labelled(event: dict[str, Any]) -> dict[str, Any]:
    """A coded event's actors with their readable names, as stored events have them."""
    for side in ("source", "target"):
        if event.get(side):
            event[side] = {**event[side], "label": actor_label(event[side]["name"], event[side]["role"])}
    return event

