"""``museum-qa serve``: the assistant over HTTP (FastAPI), with an embeddable chat widget.

Endpoints (details and curl examples in docs/api.md):

- ``POST /ask``: one question -> the answer contract (``Answer.to_contract()``).
- ``POST /ask/stream``: the same answer as NDJSON events: ``start``, one ``sentence`` per
  verified sentence (with its citations), then ``answer`` with the full contract. The chain
  verifies every sentence before the first byte is sent, so nothing unverified is streamed.
- ``GET /health``: index, model and answer-log status (200, or 503 naming what is down).
- ``GET /widget``: a self-contained chat page for an ``<iframe>`` on the museum's own site, in
  the visitor's language (``?lang=``, else Accept-Language, else the museum's default).
- ``GET /accessibility``: the accessibility statement (docs/accessibility.md) the widget links
  to, unless MUSEUM_QA_ACCESSIBILITY_STATEMENT_URL names the museum's own.
- ``GET /openapi.json``: the OpenAPI spec. No Swagger page: FastAPI's loads from a CDN.

The assistant is built once, at startup; if that fails (no index yet, model missing) the API
still starts, answers 503 and reports the cause on /health, and tries again on the next
question. Visitor text is untrusted: bodies are capped before they are read, questions are
Unicode-cleaned (``assistant.question_text``), and each client is rate limited.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import logging
import math
import os
import re
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field, field_validator
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.answer import Answer
from assistant.errors import (
    IndexMissingError,
    ModelUnavailableError,
    MuseumQAError,
    QuestionError,
    StoreUnavailableError,
)
from assistant.i18n import (
    N_,
    SOURCE_LANGUAGE,
    accept_language,
    gettext,
    negotiate,
    pick,
    text_direction,
    ui_languages,
)
from assistant.question_text import clean_question
from assistant.service import MuseumAssistant, build_assistant
from assistant.settings import Settings
from ui import statement
from ui.templates import ui_template

log = logging.getLogger("museum_qa.api")

MAX_HISTORY = 8  # earlier questions a client may send; the assistant uses the last few
NDJSON = "application/x-ndjson"
# Messages for visitors are msgids (N_, found by `pybabel extract`), translated per request.
UNAVAILABLE = N_(
    "Sorry, the museum's assistant is not available right now. Your question was not "
    "answered; please try again in a minute."
)
RETRY_UNAVAILABLE_SECONDS = 30
BUSY = N_(
    "Sorry, many visitors are asking right now. Your question was not answered; please try "
    "again in a moment."
)
RETRY_BUSY_SECONDS = 10
RATE_LIMITED = N_("too many questions from this address; try again in {seconds} seconds")
CRASHED = N_("Sorry, something went wrong on our side.")
# The answer's public id in the answer log, so staff (and the load benchmark) can find exactly
# that row. Random, not the row's sequential id, which would tell how many were asked.
ANSWER_ID_HEADER = "X-Answer-Id"
ANSWER_ID_DOC = {
    ANSWER_ID_HEADER: {
        "description": (
            "The answer's public id in the answer log (for staff to find it: the review "
            "page's search takes it), random hex. Absent when logging is off or the answer "
            "could not be logged."
        ),
        "schema": {"type": "string"},
    }
}

AssistantFactory = Callable[[Settings], MuseumAssistant]


# -- the public shapes (the OpenAPI spec documents these) -------------------------------------


class AskRequest(BaseModel):
    """A visitor's question, with the earlier questions of the same conversation."""

    model_config = ConfigDict(extra="forbid")

    question: str = Field(
        description=(
            "What the visitor asks, in plain language. Cleaned before use (Unicode NFKC, "
            "invisible and bidi-control characters removed); a NUL character, an empty "
            "question or one over MUSEUM_QA_MAX_QUESTION_CHARS characters gets 400."
        ),
        examples=["Who painted The Night Watch?"],
    )
    history: list[str] = Field(
        default_factory=list,
        max_length=MAX_HISTORY,
        description=(
            "The visitor's earlier questions in this conversation, oldest first (not the "
            "answers). Lets 'When was it finished?' refer back to the object asked about."
        ),
        examples=[["Who painted The Night Watch?"]],
    )
    language: str | None = Field(
        default=None,
        max_length=8,
        description=(
            "The question's language when the client knows it (ISO 639-1, e.g. 'fr'): one of "
            "MUSEUM_QA_LANGUAGES, else 422. Overrides detection; the assistant's own words "
            "(refusals, error messages) are then in it. Omit it to have the language detected "
            "from the question."
        ),
        examples=["fr"],
    )

    @field_validator("language")
    @classmethod
    def _lower(cls, value: str | None) -> str | None:
        # "FR" and " fr" mean "fr"; whether it is a language visitors may use is the app's
        # setting, checked per request (``_check_language``).
        return value.strip().lower() if value is not None else None


class CitationOut(BaseModel):
    """A numbered source passage the answer cites."""

    n: int = Field(description="The number shown in the answer, e.g. [1].")
    source_id: str
    title: str
    accession_number: str
    url: str = Field(description="The museum's catalogue page for the source, if any.")
    license: str
    passage: str = Field(description="The vetted passage the sentence was checked against.")
    page: int | None = Field(default=None, description="The PDF page of the passage, if any.")
    # Added with the standard-format readers (issue 14): defaults keep older clients working.
    credit_line: str = Field(
        default="",
        description=(
            "The attribution the holder requires shown with its record (a credit line, a IIIF "
            "requiredStatement), else empty."
        ),
        examples=["The J. Paul Getty Museum, Los Angeles"],
    )
    rights: str = Field(
        default="",
        description=(
            "Rights in the object or its image (a rights statement or its URI), else empty. "
            "Not the licence of the text: that is `license`."
        ),
        examples=["No Copyright - United States"],
    )
    image_url: str = Field(
        default="",
        description=(
            "An image of the object, for the visitor's browser to load from the museum's "
            "image server (museum-qa never fetches it): an http(s) URL, a IIIF image service "
            "already given as a small image request. Empty when the record names none or "
            "names one that is not http(s)."
        ),
        examples=["https://images.britishart.yale.edu/iiif/1778fd7f/full/400,/0/native.jpg"],
    )
    source_type: str = Field(
        default="",
        description=(
            "What kind of source it is: 'curator_note' for a note a curator wrote in the "
            "review page (cite it as a curator's note, by `vetted_by` on `vetted_on`), else "
            "empty (a catalogue record or curatorial text)."
        ),
        examples=["curator_note"],
    )
    vetted_by: str = Field(default="", description="Who vetted the source (a note's author).")
    vetted_on: str = Field(default="", description="When it was vetted (YYYY-MM-DD).")
    language: str = Field(
        default="",
        description=(
            "The language of the passage (ISO 639-1) where its source states one, else empty: "
            "mark a quoted passage with it (an HTML lang attribute)."
        ),
        examples=["nl"],
    )
    title_in_language: str = Field(
        default="",
        description=(
            "The record's own title in the answer's language, where the record gives one, "
            "else empty: show it with `title` (the title as the record writes it)."
        ),
        examples=["La Ronde de nuit"],
    )


class SentenceOut(BaseModel):
    """One verified sentence and the numbers of the citations that support it."""

    text: str
    citations: list[int]


class AnswerOut(BaseModel):
    """The answer contract, the same as ``museum-qa ask --json``."""

    question: str
    outcome: Literal["answered", "corrected", "refused"] = Field(
        description=(
            "'answered'; 'corrected' when the question's premise contradicts the catalogue "
            "record (the answer says what the record says); 'refused' when no vetted source "
            "supports an answer."
        )
    )
    answer: str = Field(description="The sentences joined, with their [n] markers.")
    sentences: list[SentenceOut]
    citations: list[CitationOut]
    refusal_reason: str | None
    language: str = Field(
        description=(
            "The question's language (ISO 639-1): the request's `language` if given, else "
            "detected from the question (and the conversation). The assistant's own words "
            "(a refusal) are in it; quoted sentences stay in the language of the sources."
        ),
        examples=["en"],
    )
    timings_ms: dict[str, float]


class ErrorDetail(BaseModel):
    """Where a request did not match the schema, and how."""

    loc: list[str | int]
    msg: str


class ErrorOut(BaseModel):
    """Every error response: a stable code and a message meant for people."""

    error: str = Field(description="A stable code, e.g. 'bad_question', 'rate_limited'.")
    message: str
    details: list[ErrorDetail] | None = None


class ComponentOut(BaseModel):
    """The state of one part the assistant needs."""

    ok: bool
    detail: str
    chunks: int | None = Field(default=None, description="Chunks in the index (index only).")


class HealthOut(BaseModel):
    """Whether the API can answer, component by component."""

    status: Literal["ok", "unavailable"]
    down: list[str] = Field(description="Names of the components that are down.")
    components: dict[str, ComponentOut]


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    described = {
        400: "The question is unusable (empty, too long, NUL character); the message says why.",
        413: "The body is larger than MUSEUM_QA_API_MAX_BODY_BYTES; it was not read.",
        422: "The body is not JSON of the documented shape, or `language` is not allowed.",
        429: "Too many questions from this client; wait Retry-After seconds.",
        503: "The index or model is unavailable; nothing was answered, try again later.",
    }
    return {c: {"model": ErrorOut, "description": described[c]} for c in codes}


# -- middleware (pure ASGI, so streaming responses pass straight through) ----------------------

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


async def _send_json(send: Send, status: int, body: dict[str, Any], headers: list[Any]) -> None:
    raw = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(raw)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": raw})


class BodyLimit:
    """Refuse bodies over ``limit`` bytes with 413 before the app parses anything.

    A declared Content-Length over the limit is refused unread; a body without one (chunked)
    is read only up to the limit. The app then gets the buffered body.
    """

    def __init__(self, app: ASGIApp, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass GETs through; buffer a bounded body for everything else."""
        if scope["type"] != "http" or scope["method"] in {"GET", "HEAD", "OPTIONS"}:
            await self.app(scope, receive, send)
            return
        too_big = {
            "error": "too_large",
            "message": f"the request body is larger than {self.limit} bytes",
        }
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                size = -1
            if size < 0:
                await _send_json(
                    send, 400, {"error": "bad_request", "message": "bad Content-Length"}, []
                )
                return
            if size > self.limit:
                await _send_json(send, 413, too_big, [(b"connection", b"close")])
                return
        chunks: list[bytes] = []
        total = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            total += len(chunk)
            if total > self.limit:
                await _send_json(send, 413, too_big, [(b"connection", b"close")])
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class SecurityHeaders:
    """Headers on every response: no sniffing, no referrer, no framing but the widget's own."""

    def __init__(self, app: ASGIApp, frame_origins: list[str]):
        self.app = app
        self.frame_origins = frame_origins

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Add the headers as the response starts."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
                    (b"cross-origin-opener-policy", b"same-origin"),
                ]
                if b"content-security-policy" not in present:
                    # JSON and errors: nothing to run, never framed.
                    extra.append(
                        (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'")
                    )
                    extra.append((b"x-frame-options", b"DENY"))
                if b"cache-control" not in present:
                    extra.append((b"cache-control", b"no-store"))
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)


# -- the widget page ---------------------------------------------------------------------------


WIDGET_TEMPLATE = "static/widget.html"
# The widget links to the API's own statement page relative to itself, as it reaches
# "ask/stream": the link then holds behind a proxy that serves the API under a path prefix.
STATEMENT_HREF = statement.API_PATH.lstrip("/")


@dataclass(frozen=True)
class WidgetPage:
    """The widget's HTML in one language, and the CSP allowing exactly its script and style."""

    html: str
    csp: str
    frame_headers: dict[str, str]
    language: str = SOURCE_LANGUAGE


def _csp_hashes(html: str, tag: str) -> str:
    # Only a bare ``<script>`` (``<style>``) tag is matched: the executable script. The page's
    # words travel in ``<script type="application/json" id="widget-strings">``, a data block
    # that browsers never run and CSP does not govern, so it is not hashed, and the script's
    # hash is the same in every language.
    bodies = re.findall(rf"<{tag}>(.*?)</{tag}>", html, flags=re.S)
    return " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(b.encode()).digest()).decode()}'" for b in bodies
    )


def render_widget(language: str, statement_href: str = STATEMENT_HREF) -> str:
    """The widget's HTML with its words in ``language`` (as written where not translated).

    The template's msgids are its ``_("...")`` calls, which ``pybabel extract`` finds with the
    babel.cfg line ``[jinja2: ui/static/**.html]``; the JavaScript's words are among them (the
    JSON island), so nothing the visitor reads is outside the catalogue. ``statement_href`` is
    where its "Accessibility" link points.
    """
    return ui_template(WIDGET_TEMPLATE).render(
        lang=language,
        dir=text_direction(language),
        _=partial(gettext, language),
        statement_href=statement_href,
    )


def widget_page(
    frame_origins: list[str],
    language: str = SOURCE_LANGUAGE,
    statement_href: str = STATEMENT_HREF,
) -> WidgetPage:
    """The widget in ``language``, with a CSP: nothing external but images; framed by its sites."""
    html = render_widget(language, statement_href=statement_href)
    ancestors = " ".join(["'self'", *frame_origins])
    csp = (
        "default-src 'none'; "
        f"script-src {_csp_hashes(html, 'script')}; "
        f"style-src {_csp_hashes(html, 'style')}; "
        # Images of the cited objects come from the museums' own image servers, whichever
        # they are (a record names its image); the visitor's browser loads them, not us.
        "connect-src 'self'; img-src 'self' data: https: http:; "
        "base-uri 'none'; form-action 'none'; "
        f"frame-ancestors {ancestors}"
    )
    # X-Frame-Options cannot name other origins; browsers that know frame-ancestors ignore it,
    # so it is sent only when no other site may frame the widget (for old browsers).
    frame_headers = {} if frame_origins else {"X-Frame-Options": "SAMEORIGIN"}
    return WidgetPage(html, csp, frame_headers, language)


class WidgetPages:
    """The widget rendered once per language, for one app's frame origins.

    Kept per app rather than per process so that an app made after a catalogue changed (a new
    translation, a test's catalogue) renders it afresh. The keys are ``ui_languages()`` only
    (``widget_language`` never returns anything else), so the dict stays a handful of pages.
    """

    def __init__(self, frame_origins: list[str], statement_href: str = STATEMENT_HREF):
        self.frame_origins = list(frame_origins)
        self.statement_href = statement_href
        self._pages: dict[str, WidgetPage] = {}

    def get(self, language: str) -> WidgetPage:
        """The page in ``language``, rendered on first use (a race only renders it twice)."""
        page = self._pages.get(language)
        if page is None:
            page = widget_page(self.frame_origins, language, self.statement_href)
            self._pages[language] = page
        return page


def statement_headers(html: str) -> dict[str, str]:
    """The statement page's headers: nothing runs, never framed; its own style by hash."""
    csp = (
        f"default-src 'none'; style-src {_csp_hashes(html, 'style')}; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
    return {
        "Content-Security-Policy": csp,
        "X-Frame-Options": "DENY",
        "Content-Language": statement.LANGUAGE,
        "Cache-Control": "no-cache",
    }


def widget_language(asked: str | None, accept: str | None, default: str) -> str:
    """The widget's language, always one the UI speaks (``ui_languages()``).

    ``?lang=`` (``asked``) if the UI speaks it ("fr-BE" counts as "fr"), else the browser's
    first choice it speaks (``Accept-Language``), else ``default``, else English: a default
    without a catalogue would label English words as another language.
    """
    return pick([asked], accept_language(accept), default)


# -- the visitor's language for the server's own messages -------------------------------------


def message_language(request: Request, given: str | None, default: str) -> str:
    """The language of what the server itself tells this visitor (errors).

    The request's ``language`` when it has one (already checked), else the browser's
    (``Accept-Language``; the widget sends its page's language there), else ``default``.
    ``gettext`` shows the English msgid where that language has no catalogue.
    """
    if given:
        return given
    return negotiate(accept_language(request.headers.get("accept-language")), default)


def _check_language(language: str | None, allowed: list[str]) -> None:
    """422, shaped like the schema's own errors, when ``language`` is not one visitors may use.

    Checked here and not in ``AskRequest``: the allowed codes are a setting, not the schema.
    """
    if language is None or language in allowed:
        return
    raise RequestValidationError(
        [
            {
                "type": "value_error",
                "loc": ("body", "language"),
                "msg": (
                    f"{language!r} is not a language visitors may ask in here; use one of "
                    f"{', '.join(allowed)} (or leave it out to have it detected)"
                ),
                "input": language,
            }
        ]
    )


# -- the service state -------------------------------------------------------------------------


@dataclass
class ApiState:
    """What the API keeps between requests: the assistant (once built) and the rate limiter."""

    settings: Settings
    factory: AssistantFactory
    assistant: MuseumAssistant | None = None
    startup_error: str | None = None
    _build_lock: threading.Lock = field(default_factory=threading.Lock)
    limiter: Any = None
    limits: list[Any] = field(default_factory=list)
    pending: int = 0  # questions admitted and not yet answered (event-loop only)
    answering: asyncio.Semaphore | None = None  # made in the event loop, on first use

    def __post_init__(self) -> None:
        from limits import parse_many
        from limits.storage import storage_from_string
        from limits.strategies import MovingWindowRateLimiter

        self.limiter = MovingWindowRateLimiter(
            storage_from_string(self.settings.api_rate_limit_storage)
        )
        self.limits = parse_many(self.settings.api_rate_limit)

    def get_assistant(self) -> MuseumAssistant:
        """The assistant, building it now if startup could not (blocking: call in a thread)."""
        with self._build_lock:
            if self.assistant is None:
                try:
                    self.assistant = self.factory(self.settings)
                except MuseumQAError as exc:
                    self.startup_error = f"{type(exc).__name__}: {exc}"
                    raise
                self.startup_error = None
            return self.assistant

    def retry_after(self, client: str) -> int | None:
        """Seconds this client must wait, or None if it may ask now (and count the ask)."""
        for item in self.limits:
            if not self.limiter.hit(item, "ask", client):
                stats = self.limiter.get_window_stats(item, "ask", client)
                return max(1, math.ceil(stats.reset_time - time.time()))
        return None


def _state(request: Request) -> ApiState:
    state: ApiState = request.app.state.museum
    return state


def _client_key(request: Request) -> str:
    # Behind a trusted proxy uvicorn has already put the X-Forwarded-For client here.
    return request.client.host if request.client else "unknown"


async def rate_limited(request: Request, state: ApiState = Depends(_state)) -> None:  # noqa: B008
    """Count one question for this client; 429 with Retry-After when over the limit."""
    wait = state.retry_after(_client_key(request))
    if wait is not None:
        # Counted before the body is read, so the browser's language, not the body's.
        language = message_language(request, None, state.settings.default_language)
        raise HTTPException(
            429,
            detail=gettext(language, RATE_LIMITED).format(seconds=wait),
            headers={"Retry-After": str(wait)},
        )


def _component_errors() -> tuple[type[Exception], ...]:
    return (IndexMissingError, StoreUnavailableError, ModelUnavailableError, MuseumQAError)


async def _answer(state: ApiState, body: AskRequest, request: Request) -> Answer:
    """The answer to ``body``, or an HTTP error in the visitor's language."""
    _check_language(body.language, state.settings.languages)
    language = message_language(request, body.language, state.settings.default_language)
    limit = state.settings.max_question_chars
    try:
        question = clean_question(body.question, limit)
        history = [clean_question(h, limit, what="history item") for h in body.history]
    except QuestionError as exc:
        raise HTTPException(400, detail=str(exc)) from exc
    if state.pending >= state.settings.api_max_pending:
        # Past this, a visitor would wait minutes behind the queue: say so now instead.
        raise HTTPException(
            503,
            detail=gettext(language, BUSY),
            headers={"Retry-After": str(RETRY_BUSY_SECONDS)},
        )
    state.pending += 1
    try:
        assistant = await run_in_threadpool(state.get_assistant)
        if state.answering is None:
            state.answering = asyncio.Semaphore(state.settings.api_answer_workers)
        # A few answers at a time, in arrival order: fifty answered at once would share the
        # cores fifty ways and all come back as late as the last one.
        async with state.answering:
            return await run_in_threadpool(assistant.ask, question, history, language=body.language)
    except QuestionError as exc:
        raise HTTPException(400, detail=str(exc)) from exc
    except _component_errors() as exc:
        log.warning("question not answered: %s: %s", type(exc).__name__, exc)
        if isinstance(exc, IndexMissingError | StoreUnavailableError):
            state.assistant = None  # rebuild on the next question (e.g. after an ingest)
        # The error's own words for visitors (search down) if it has them, else the general ones.
        polite = getattr(exc, "visitor_message", None) or UNAVAILABLE
        raise HTTPException(
            503,
            detail=gettext(language, polite),
            headers={"Retry-After": str(RETRY_UNAVAILABLE_SECONDS)},
        ) from exc
    finally:
        state.pending -= 1


def _answer_id_headers(answer: Answer) -> dict[str, str]:
    return {} if answer.public_id is None else {ANSWER_ID_HEADER: answer.public_id}


def _sentence_event(index: int, answer: Answer, contract: dict[str, Any]) -> dict[str, Any]:
    sentence = answer.sentences[index]
    cited = [c for c in contract["citations"] if c["n"] in sentence.citations]
    return {
        "type": "sentence",
        "index": index,
        "text": sentence.text,
        "citation_numbers": list(sentence.citations),
        "citations": cited,
    }


# -- health ------------------------------------------------------------------------------------


def _check_index(state: ApiState) -> ComponentOut:
    from assistant.store import VectorIndex

    try:
        retriever = getattr(state.assistant.chain, "retriever", None) if state.assistant else None
        index = retriever if hasattr(retriever, "count") else VectorIndex.open(state.settings)
        chunks = int(index.count())  # type: ignore[union-attr]
    except MuseumQAError as exc:
        return ComponentOut(ok=False, detail=_short(exc))
    except Exception as exc:  # a Chroma server that went away, for instance
        return ComponentOut(ok=False, detail=f"the index cannot be read ({type(exc).__name__})")
    if chunks == 0:
        return ComponentOut(ok=False, detail="the index is empty: run museum-qa ingest", chunks=0)
    return ComponentOut(ok=True, detail="reachable", chunks=chunks)


def _model_of(assistant: MuseumAssistant) -> Any:
    """The chain's model, or None when no question is ever put to it (nothing to load)."""
    chain = getattr(assistant, "chain", None)
    if chain is None or not getattr(chain, "asks_model", True):
        return None
    return getattr(chain, "model", None)


def _model_health(assistant: MuseumAssistant) -> Any:
    """The model's own ``health()`` (llama.cpp: load errors, crashes), if it has one."""
    report = getattr(_model_of(assistant), "health", None)
    return report() if callable(report) else None


def _check_model(state: ApiState) -> ComponentOut:
    from assistant.llm import model_name

    name = model_name(state.settings)
    if state.assistant is not None:
        health = _model_health(state.assistant)
        if health is not None and not health.ok:
            return ComponentOut(ok=False, detail=f"{name}: {_short(health.detail)}")
        if health is not None and health.detail:
            # Answering again, but a crash in the last minutes is worth a look.
            return ComponentOut(ok=True, detail=f"configured: {name}; {_short(health.detail)}")
        return ComponentOut(ok=True, detail=f"configured: {name}")
    try:
        state.get_assistant()
    except (ModelUnavailableError, ImportError) as exc:
        return ComponentOut(ok=False, detail=f"{name}: {_short(exc)}")
    except MuseumQAError:
        # Something else (the index) stops the build; the model itself is configured.
        return ComponentOut(ok=True, detail=f"configured: {name}")
    return ComponentOut(ok=True, detail=f"configured: {name}")


def _check_log(state: ApiState) -> ComponentOut:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    settings = state.settings
    if not settings.log_answers:
        return ComponentOut(ok=True, detail="answer logging is off (MUSEUM_QA_LOG_ANSWERS)")
    spool = settings.data_dir
    spool_ok = os.access(spool if spool.exists() else spool.parent, os.W_OK)
    url = make_url(settings.log_url)
    try:
        if url.get_backend_name() == "sqlite" and url.database:
            from pathlib import Path

            db = Path(url.database)
            target = db if db.exists() else db.parent
            if not os.access(target, os.W_OK):
                raise PermissionError("the log file is read-only")
        engine = (
            state.assistant.log.engine
            if state.assistant is not None and state.assistant.log is not None
            else create_engine(settings.log_url)
        )
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:
        if spool_ok:
            return ComponentOut(
                ok=True,
                detail=f"database unavailable ({type(exc).__name__}); answers are spooled "
                "to a file in the data dir and written when it is back",
            )
        return ComponentOut(
            ok=False, detail=f"the answer log is not writable ({type(exc).__name__})"
        )
    return ComponentOut(ok=True, detail="writable")


def _short(exc: BaseException) -> str:
    # The first clause only: no file paths or URLs in a public health report.
    text = str(exc).split(". ")[0]
    text = re.sub(r"(/[^\s:]+)+", "<path>", text)
    return re.sub(r"https?://\S+", "<url>", text)


def health_report(state: ApiState) -> HealthOut:
    """Check each component (blocking: call in a thread)."""
    components = {
        "index": _check_index(state),
        "model": _check_model(state),
        "log": _check_log(state),
    }
    down = [name for name, c in components.items() if not c.ok]
    return HealthOut(status="unavailable" if down else "ok", down=down, components=components)


# -- the app -----------------------------------------------------------------------------------


def create_app(settings: Settings, factory: AssistantFactory | None = None) -> FastAPI:
    """The API for ``settings``; ``factory`` builds the assistant (tests pass a scripted one)."""
    state = ApiState(settings=settings, factory=factory or build_assistant)
    widgets = WidgetPages(
        settings.api_allowed_origins,
        statement.statement_link(settings, default=STATEMENT_HREF),
    )
    widgets.get(SOURCE_LANGUAGE)  # a broken template fails here, at startup, not for a visitor
    app = FastAPI(
        title="museum-qa",
        version="1",
        description=(
            "Answers visitors' questions only from the museum's vetted texts. Every sentence "
            "is cited and verified against the passage it cites; otherwise the answer is a "
            "refusal. Docs: docs/api.md."
        ),
        lifespan=_lifespan(state),
        docs_url=None,  # Swagger UI and ReDoc load from a CDN: not offline-safe
        redoc_url=None,
    )
    app.state.museum = state
    _add_middleware(app, settings)
    _add_error_handlers(app, settings)
    # Routes in this order: it is the order of the OpenAPI document.
    _add_ask_routes(app, state)
    _add_page_routes(app, state, widgets)
    return app


def _lifespan(state: ApiState) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """Build the assistant (and load its model) at startup, before the first visitor."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            assistant = await run_in_threadpool(state.get_assistant)
            # Load the model now: a file that cannot load shows on /health at once, and the
            # first visitor does not wait for the load.
            warm_up = getattr(_model_of(assistant), "warm_up", None)
            if callable(warm_up):
                await run_in_threadpool(warm_up)
            # The collection's spelling of names (for questions typed in lower case), and the
            # language stage's detector and word lists.
            prepare = getattr(assistant, "prepare", None)
            if callable(prepare):
                await run_in_threadpool(prepare)
        except Exception as exc:
            log.error("the assistant could not be built at startup: %s", exc)
        yield

    return lifespan


def _add_middleware(app: FastAPI, settings: Settings) -> None:
    """Security headers, CORS for the allowed origins, the body limit (outermost first)."""
    app.add_middleware(BodyLimit, limit=settings.api_max_body_bytes)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.api_allowed_origins,
        allow_methods=["GET", "POST"],
        allow_headers=["Content-Type"],
        allow_credentials=False,
        max_age=600,
    )
    app.add_middleware(SecurityHeaders, frame_origins=settings.api_allowed_origins)


def _add_error_handlers(app: FastAPI, settings: Settings) -> None:
    """Every error is an ErrorOut body (a crash too, in the visitor's language)."""
    codes = {400: "bad_question", 404: "not_found", 405: "method_not_allowed", 413: "too_large"}
    codes |= {429: "rate_limited", 503: "unavailable"}

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        body = ErrorOut(error=codes.get(exc.status_code, "error"), message=str(exc.detail))
        return JSONResponse(
            body.model_dump(exclude_none=True),
            status_code=exc.status_code,
            headers=dict(exc.headers or {}),
        )

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [
            ErrorDetail(
                loc=[p if isinstance(p, int) else str(p) for p in e.get("loc", ())],
                msg=str(e.get("msg", "invalid")),
            )
            for e in exc.errors()
        ]
        first = details[0] if details else None
        where = ".".join(str(p) for p in first.loc if p != "body") if first else ""
        message = f"{where}: {first.msg}" if first and where else (first.msg if first else "")
        body = ErrorOut(error="invalid_request", message=message or "invalid body", details=details)
        return JSONResponse(body.model_dump(), status_code=422)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s", request.url.path)
        language = message_language(request, None, settings.default_language)
        body = ErrorOut(error="internal_error", message=gettext(language, CRASHED))
        return JSONResponse(body.model_dump(exclude_none=True), status_code=500)


def _add_ask_routes(app: FastAPI, state: ApiState) -> None:
    """POST /ask and /ask/stream."""
    settings = state.settings

    @app.post(
        "/ask",
        response_model=AnswerOut,
        responses={200: {"headers": ANSWER_ID_DOC}, **_errors(400, 413, 422, 429, 503)},
        dependencies=[Depends(rate_limited)],
        summary="Ask one question; get the verified, cited answer or a refusal",
    )
    async def ask(body: AskRequest, request: Request, response: Response) -> dict[str, Any]:
        answer = await _answer(state, body, request)
        response.headers.update(_answer_id_headers(answer))
        return answer.to_contract()

    @app.post(
        "/ask/stream",
        responses={
            200: {
                "description": (
                    "NDJSON (one JSON object per line): {type: 'start', outcome}, then one "
                    "{type: 'sentence', index, text, citation_numbers, citations} per verified "
                    "sentence, then {type: 'answer', answer: <AnswerOut>}."
                ),
                "content": {NDJSON: {"schema": {"type": "string"}}},
                "headers": ANSWER_ID_DOC,
            },
            **_errors(400, 413, 422, 429, 503),
        },
        dependencies=[Depends(rate_limited)],
        response_class=StreamingResponse,
        summary="Ask one question; verified sentences arrive one by one (NDJSON)",
    )
    async def ask_stream(body: AskRequest, request: Request) -> StreamingResponse:
        answer = await _answer(state, body, request)  # verified in full before anything is sent
        contract = answer.to_contract()
        delay = settings.ui_stream_delay

        async def events() -> AsyncIterator[str]:
            yield json.dumps({"type": "start", "outcome": answer.outcome}) + "\n"
            for i in range(len(answer.sentences)):
                if i and delay:
                    await asyncio.sleep(delay)
                yield json.dumps(_sentence_event(i, answer, contract), ensure_ascii=False) + "\n"
            yield json.dumps({"type": "answer", "answer": contract}, ensure_ascii=False) + "\n"

        return StreamingResponse(
            events(),
            media_type=NDJSON,
            headers={
                "Cache-Control": "no-store",
                "X-Accel-Buffering": "no",
                **_answer_id_headers(answer),
            },
        )


def _add_page_routes(app: FastAPI, state: ApiState, widgets: WidgetPages) -> None:
    """GET /health, the widget page, its accessibility statement and / (which leads to it)."""
    settings = state.settings

    @app.get(
        "/health",
        response_model=HealthOut,
        responses={503: {"model": HealthOut, "description": "A component is down."}},
        summary="Whether the index, model and answer log are usable",
    )
    async def health() -> JSONResponse:
        report = await run_in_threadpool(health_report, state)
        return JSONResponse(report.model_dump(), status_code=503 if report.down else 200)

    @app.get("/widget", include_in_schema=False)
    async def widget_html(request: Request, lang: str | None = None) -> HTMLResponse:
        accept = request.headers.get("accept-language")
        page = widgets.get(widget_language(lang, accept, settings.default_language))
        headers = {
            "Content-Security-Policy": page.csp,
            "Cache-Control": "no-cache",
            "Content-Language": page.language,
            # Without ?lang= the page follows Accept-Language: a cache must key on it.
            "Vary": "Accept-Language",
            **page.frame_headers,
        }
        return HTMLResponse(page.html, headers=headers)

    @app.get(statement.API_PATH, include_in_schema=False)
    def accessibility_statement() -> HTMLResponse:
        # A plain def: FastAPI runs it in a thread, and the statement file is read each time
        # (an edit shows without a restart).
        html = statement.statement_page(settings)
        return HTMLResponse(html, headers=statement_headers(html))

    @app.get("/", include_in_schema=False)
    async def root(lang: str | None = None) -> RedirectResponse:
        # Keep the language a link asked for ("/?lang=fr"); only a known one is passed on.
        chosen = lang.strip().lower()[:2] if lang else ""
        return RedirectResponse(f"/widget?lang={chosen}" if chosen in ui_languages() else "/widget")
