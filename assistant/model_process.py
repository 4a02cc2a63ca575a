"""The llama.cpp model in a worker process, so a native crash costs one question, not the server.

llama.cpp is C++: a segfault or an abort inside it ends whatever process runs it. Run in the
server, that is the whole HTTP API or Streamlit app (measured: docs/operations.md, "The model
process"); run here, it is one worker, replaced at the next question. The parent sends one
request at a time over a private socket pair (pickled dicts) and waits for the reply.

This module imports neither LangChain nor llama.cpp at the top: the worker starts with only
what it needs, and ``python -m assistant.model_process FD`` is the worker's entry point.
"""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import threading
import time
import weakref
from dataclasses import dataclass
from multiprocessing.connection import Connection, Pipe
from pathlib import Path
from typing import Any

from assistant.errors import ModelUnavailableError

# Restarts after consecutive failures (crashes, failed loads): the first is immediate, so a
# one-off crash costs one question; then 2, 4, 8 ... s up to a minute, so a model that always
# crashes does not keep a core busy reloading itself.
BACKOFF_FIRST_SECONDS = 2.0
BACKOFF_MAX_SECONDS = 60.0
# How long /health and the app still mention a crash after the worker came back.
RECENT_FAILURE_SECONDS = 600.0
# How often a waiting parent checks that the worker is alive, and the worker its parent.
WATCH_SECONDS = 0.25
STOP_SECONDS = 3.0


def load_llama(model_path: str, n_ctx: int, seed: int, n_threads: int | None) -> Any:
    """A llama.cpp ``Llama``; raises ``ModelUnavailableError`` saying why it cannot load."""
    try:
        from llama_cpp import Llama
    except ImportError as exc:
        raise ModelUnavailableError(
            "llama-cpp-python is not installed: pip install llama-cpp-python"
        ) from exc
    if not Path(model_path).is_file():
        raise ModelUnavailableError(f"no GGUF model file at {model_path}")
    try:
        return Llama(
            model_path=model_path, n_ctx=n_ctx, seed=seed, n_threads=n_threads, verbose=False
        )
    except Exception as exc:  # llama.cpp raises ValueError for unloadable files
        raise ModelUnavailableError(f"cannot load the model {model_path}: {exc}") from exc


def describe_exit(returncode: int | None) -> str:
    """``-11`` -> ``'SIGSEGV'``, ``3`` -> ``'exit code 3'``."""
    if returncode is not None and returncode < 0:
        try:
            return signal.Signals(-returncode).name
        except ValueError:
            return f"signal {-returncode}"
    return f"exit code {returncode}"


@dataclass(frozen=True)
class ModelHealth:
    """Whether the model can answer now; ``detail`` says why not, or what happened recently."""

    ok: bool
    detail: str = ""


class _WorkerDied(Exception):
    """The worker ended (or stopped answering) while the parent waited for it."""


def _stop(popen: subprocess.Popen[bytes], conn: Connection) -> None:
    # Runs when a worker is dropped, garbage-collected or the interpreter exits (atexit), so
    # a stopped server leaves no model process behind.
    conn.close()
    if popen.poll() is None:
        popen.terminate()
        try:
            popen.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:
            popen.kill()
            popen.wait()


class _Worker:
    """One worker process and the parent's end of its socket."""

    def __init__(self, config: dict[str, Any]):
        parent_end, child_end = Pipe()
        fd = child_end.fileno()
        # -P: never import an 'assistant' package from whatever the current directory is.
        self.popen = subprocess.Popen(
            [sys.executable, "-P", "-m", "assistant.model_process", str(fd)],
            pass_fds=(fd,),
            stdin=subprocess.DEVNULL,
        )
        child_end.close()  # the parent keeps only its end, so the worker's death reads as EOF
        self.conn = parent_end
        self._stop = weakref.finalize(self, _stop, self.popen, self.conn)
        self.conn.send(config)

    @property
    def pid(self) -> int:
        """The worker's process id."""
        return self.popen.pid

    def stop(self) -> None:
        """End the worker (idempotent)."""
        self._stop()

    def send(self, message: Any) -> None:
        """Send one request; ``_WorkerDied`` if the worker is already gone."""
        try:
            self.conn.send(message)
        except OSError as exc:  # BrokenPipeError, ConnectionResetError
            raise _WorkerDied(self._death()) from exc

    def receive(self, timeout: float) -> tuple[str, Any]:
        """The worker's next message; ``_WorkerDied`` if it ends or is silent for ``timeout``."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                if self.conn.poll(WATCH_SECONDS):
                    message: tuple[str, Any] = self.conn.recv()
                    return message
            except (EOFError, OSError, pickle.UnpicklingError) as exc:
                raise _WorkerDied(self._death()) from exc  # the socket closed: it is gone
            if self.popen.poll() is not None:
                raise _WorkerDied(self._death())
            if time.monotonic() > deadline:
                self.popen.kill()  # hung (or stopped): SIGKILL works where TERM would wait
                self.stop()
                raise _WorkerDied(f"the model process did not answer in {timeout:g} s")

    def _death(self) -> str:
        # A closed socket means the process is exiting: its exit status names the cause.
        try:
            code = self.popen.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self.stop()
            return "the model process stopped answering"
        return f"the model process died ({describe_exit(code)})"


class ModelProcess:
    """One llama.cpp model in a worker process, replaced after it dies.

    Not thread-safe: the caller serialises requests (``LlamaCppChatModel`` holds a lock).
    """

    def __init__(self, config: dict[str, Any], timeout: float):
        self.config = config
        self.timeout = timeout
        self.busy = False  # a request is with the worker right now
        self._worker: _Worker | None = None
        self._failures = 0  # consecutive crashes or failed loads; an answer resets it
        self._failure = ""  # the last one, e.g. "the model process died (SIGSEGV)"
        self._failed_at = 0.0
        self._load_failed = False

    @property
    def pid(self) -> int | None:
        """The running worker's process id, if one runs."""
        return self._worker.pid if self._worker is not None else None

    def start(self) -> None:
        """Start the worker and load the model now (a no-op if it runs)."""
        self._ready()

    def stop(self) -> None:
        """End the worker; the next request starts a new one."""
        if self._worker is not None:
            self._worker.stop()
            self._worker = None

    def complete(self, params: dict[str, Any]) -> dict[str, Any]:
        """``Llama.create_chat_completion(**params)``, run in the worker.

        Raises ``ModelUnavailableError`` naming the cause when the model cannot answer: it
        cannot be loaded, its process died (a new one starts at the next request), or it
        did not answer within the timeout.
        """
        worker = self._ready()
        self.busy = True
        try:
            worker.send(("complete", params))
            status, payload = worker.receive(self.timeout)
        except _WorkerDied as exc:
            self._failed(str(exc), worker)
            raise ModelUnavailableError(f"{exc}; restarted for the next question") from None
        finally:
            self.busy = False
        if status != "ok":  # a Python error in llama-cpp-python; the worker is fine
            raise ModelUnavailableError(f"the model failed: {payload}")
        self._failures = 0
        return dict(payload)

    def health(self) -> ModelHealth:
        """Whether the model can answer now, and any failure in the last few minutes."""
        if self._worker is not None and self._worker.popen.poll() is not None:
            code = describe_exit(self._worker.popen.returncode)
            return ModelHealth(True, f"the model process died ({code}); restarts at next question")
        if not self._failure:
            return ModelHealth(True)
        when = f"{time.monotonic() - self._failed_at:.0f} s ago"
        if self._worker is None and self._load_failed:
            return ModelHealth(False, self._failure)
        if self._worker is None and self._failures >= 2:
            wait = max(0.0, self._backoff_left())
            return ModelHealth(
                False,
                f"{self._failure} ({self._failures} times in a row, last {when}); "
                f"next try in {wait:.0f} s",
            )
        if time.monotonic() - self._failed_at > RECENT_FAILURE_SECONDS:
            return ModelHealth(True)
        state = "restarted" if self._worker is not None else "restarts at the next question"
        return ModelHealth(True, f"{self._failure} {when}; {state}")

    def _ready(self) -> _Worker:
        worker = self._worker
        if worker is not None and worker.popen.poll() is not None:
            # It died between questions (killed, out of memory): no answer was lost, so
            # replace it now and answer this question with the new one.
            code = describe_exit(worker.popen.returncode)
            self._failed(f"the model process died ({code}) between questions", worker)
        if self._worker is None:
            wait = self._backoff_left()
            if wait > 0:
                raise ModelUnavailableError(f"{self._failure}; next try in {wait:.0f} s")
            self._worker = self._spawn()
        return self._worker

    def _spawn(self) -> _Worker:
        worker = _Worker(self.config)
        try:
            status, payload = worker.receive(self.timeout)
        except _WorkerDied as exc:
            # A crash while loading is a file problem as much as a load error is.
            self._failed(f"{exc} while loading the model", worker, load=True)
            raise ModelUnavailableError(self._failure) from None
        if status != "ready":
            self._failed(str(payload), worker, load=True)
            raise ModelUnavailableError(self._failure)
        return worker

    def _failed(self, reason: str, worker: _Worker, load: bool = False) -> None:
        worker.stop()
        if self._worker is worker:
            self._worker = None
        self._failures += 1
        self._failure, self._failed_at, self._load_failed = reason, time.monotonic(), load

    def _backoff_left(self) -> float:
        if self._failures < 2:
            return 0.0
        delay = min(BACKOFF_MAX_SECONDS, BACKOFF_FIRST_SECONDS * 2 ** (self._failures - 2))
        return self._failed_at + delay - time.monotonic()


# -- the worker side ---------------------------------------------------------------------------


def _watch_parent(parent: int) -> None:
    # EOF on the socket is not enough to notice the parent is gone: a process it forked may
    # hold its end open. A dead parent (even one killed with SIGKILL) re-parents us.
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCH_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def serve(conn: Connection) -> None:
    """The worker's loop: load the model, then answer one request at a time until EOF."""
    config = conn.recv()
    try:
        llama = load_llama(**config)
    except ModelUnavailableError as exc:
        conn.send(("load_error", str(exc)))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            _, params = conn.recv()
        except EOFError:
            return  # the parent closed its end: it stopped us, or it is gone
        try:
            out = llama.create_chat_completion(**params)
        except Exception as exc:  # a Python-level error: report it, keep the model loaded
            conn.send(("error", f"{type(exc).__name__}: {exc}"))
        else:
            conn.send(("ok", out))


def main(argv: list[str] | None = None) -> None:
    """Entry point of ``python -m assistant.model_process FD`` (FD: the socket to the parent)."""
    args = sys.argv[1:] if argv is None else argv
    # Ctrl-C in a terminal reaches the whole process group: the parent decides when we stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _watch_parent(os.getppid())
    serve(Connection(int(args[0])))


if __name__ == "__main__":
    main()
