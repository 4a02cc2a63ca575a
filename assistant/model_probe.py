"""Load a GGUF and generate a few tokens in a child process of ``museum-qa doctor``.

Run as ``python -m assistant.model_probe PATH``; prints one JSON line: ``ok``, ``stage``,
``system_info`` (llama.cpp's compiled CPU features) and, when the model ran, ``load_s``,
``tokens`` and ``tokens_per_s``, else ``error``. A crash in llama.cpp (a segfault, an illegal
instruction) kills only this process, and doctor reports the signal with the fix.
"""

from __future__ import annotations

import argparse
import json
import time
from typing import Any

PROMPT = "The Night Watch was painted by"


def _no_core_dumps() -> None:
    # A crashing llama.cpp must not leave a core file the size of the model in the museum's
    # working folder: the crash itself is the finding.
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):  # pragma: no cover - not POSIX, or not allowed
        pass


def probe(path: str, tokens: int, threads: int | None) -> dict[str, Any]:
    """Load the model at ``path`` and time ``tokens`` greedy tokens of a short prompt.

    ``stage`` says how far it got (``import``, ``load``, ``generate``): a failure to import
    llama.cpp is the installation's, a failure to load is most likely the file's.
    """
    result: dict[str, Any] = {"ok": False, "stage": "import", "system_info": ""}
    try:
        import llama_cpp

        info = llama_cpp.llama_print_system_info()
        result["system_info"] = info.decode(errors="replace") if isinstance(info, bytes) else info
        result["stage"] = "load"
        started = time.perf_counter()
        llama = llama_cpp.Llama(model_path=path, n_ctx=256, n_threads=threads, verbose=False)
        result["stage"] = "generate"
        loaded = time.perf_counter()
        out: Any = llama.create_completion(PROMPT, max_tokens=tokens, temperature=0.0)
    except Exception as exc:  # llama.cpp raises ValueError for a file it cannot load
        result["error"] = f"{type(exc).__name__}: {exc}"
        return result
    seconds = time.perf_counter() - loaded
    made = int(out["usage"]["completion_tokens"])
    result.update(
        ok=True,
        load_s=round(loaded - started, 3),
        tokens=made,
        tokens_per_s=round(made / seconds, 1) if seconds > 0 else 0.0,
        text=out["choices"][0]["text"],
    )
    return result


def main(argv: list[str] | None = None) -> int:
    """Probe the GGUF named on the command line; exit 0 when it generated, 1 when not."""
    parser = argparse.ArgumentParser(prog="python -m assistant.model_probe")
    parser.add_argument("path")
    parser.add_argument("--tokens", type=int, default=8)
    parser.add_argument("--threads", type=int, default=0, help="0 lets llama.cpp choose")
    args = parser.parse_args(argv)
    _no_core_dumps()
    result = probe(args.path, args.tokens, args.threads or None)
    print(json.dumps(result), flush=True)
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
