"""``museum-qa serve``: run the HTTP API and the embeddable widget with uvicorn."""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import click

from assistant.errors import MuseumQAError
from assistant.settings import load_settings


def _stopped(signum: int, frame: FrameType | None) -> None:
    # Exit handlers run (they stop the model's worker process and flush the logs); the
    # interpreter's own teardown is skipped: freeing torch and sentence-transformers took
    # 5-11 s on 2 busy cores (measured), past a container runtime's 10 s grace before SIGKILL.
    sys.stdout.flush()
    sys.stderr.flush()
    atexit._run_exitfuncs()
    os._exit(0)


@contextlib.contextmanager
def _exit_zero_on_stop_signals() -> Iterator[None]:
    """A TERM or INT ends ``serve`` at once with exit code 0, after a graceful shutdown.

    uvicorn shuts down gracefully on TERM and INT (in-flight answers finish), then raises the
    signal again for the handler it found at start. With the default one the process then
    dies of the signal (exit code -15, 143 in a shell) and no atexit cleanup runs, such as
    stopping the model's worker. This handler exits cleanly instead, and also covers a
    signal that arrives before uvicorn listens. If uvicorn returns on its own, the previous
    handlers come back (a test calling ``serve`` keeps its own).
    """
    stops = (signal.SIGTERM, signal.SIGINT)
    previous = {sig: signal.signal(sig, _stopped) for sig in stops}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@click.command("serve")
@click.option("--host", help="Address to listen on [env: MUSEUM_QA_API_HOST; default 127.0.0.1].")
@click.option("--port", type=int, help="Port [env: MUSEUM_QA_API_PORT; default 8080].")
@click.option("--llm", help="'embedded', a .gguf path, 'ollama:<model>' or 'scripted'.")
@click.option("--data-dir", type=click.Path(path_type=Path), help="Index and answer log folder.")
@click.option(
    "--allow-origin",
    "origins",
    multiple=True,
    help="A site that may call the API and frame the widget, e.g. https://www.museum.org "
    "(repeatable) [env: MUSEUM_QA_API_ALLOWED_ORIGINS, a JSON list; default none].",
)
def serve(
    host: str | None,
    port: int | None,
    llm: str | None,
    data_dir: Path | None,
    origins: tuple[str, ...],
) -> None:
    """Serve the assistant over HTTP: POST /ask, POST /ask/stream, GET /health, GET /widget.

    \b
    Try it:
      museum-qa serve
      curl -s localhost:8080/ask -H 'Content-Type: application/json' \\
           -d '{"question": "Who painted The Night Watch?"}'
      open http://127.0.0.1:8080/widget          # the chat widget
      curl -s localhost:8080/openapi.json         # the OpenAPI spec

    \b
    Embed the widget on the museum's site (allow that site first with --allow-origin):
      <iframe src="https://qa.museum.org/widget" title="Ask the museum"
              width="420" height="600"></iframe>

    Binds to loopback unless --host says otherwise: in production put a reverse proxy with
    TLS in front (see SECURITY.md and docs/api.md). Each client may ask
    MUSEUM_QA_API_RATE_LIMIT questions (default 20/minute); bodies over
    MUSEUM_QA_API_MAX_BODY_BYTES are refused. The assistant is built at startup; if it
    cannot be (no index yet), the API starts anyway, /health says why, and /ask answers 503.
    """  # noqa: D301 (click reads \b, the backspace character, as "keep these lines")
    import uvicorn

    from ui.api import create_app

    overrides = {
        "api_host": host,
        "api_port": port,
        "llm": llm,
        "data_dir": data_dir,
        "api_allowed_origins": list(origins) or None,
    }
    try:
        settings = load_settings(**{k: v for k, v in overrides.items() if v is not None})
    except MuseumQAError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(
        f"museum-qa: the API is at http://{settings.api_host}:{settings.api_port}/ "
        "(widget at /widget, spec at /openapi.json)"
    )
    with _exit_zero_on_stop_signals():
        uvicorn.run(
            create_app(settings),
            host=settings.api_host,
            port=settings.api_port,
            proxy_headers=True,
            forwarded_allow_ips=settings.api_trusted_proxies,
            server_header=False,
            log_level="info",
        )
