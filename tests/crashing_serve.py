"""Test-only: the HTTP API with an in-process llama.cpp model that crashes natively.

``python -m tests.crashing_serve PORT`` (settings from ``MUSEUM_QA_*``): what a segfault in
llama.cpp does to ``museum-qa serve`` when the model runs in the server's own process
(``MUSEUM_QA_MODEL_IN_PROCESS=1``). Never used by production code.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

import uvicorn

from assistant.llm import LlamaCppChatModel, embedded_gguf_path
from assistant.service import build_assistant
from assistant.settings import load_settings
from ui.api import create_app


class SegfaultingModel(LlamaCppChatModel):
    """The real embedded model, loaded in-process, whose completion reads address 0."""

    def _complete(self, params: dict[str, Any]) -> dict[str, Any]:
        self._load()  # the real model is loaded, as in production
        ctypes.string_at(0)  # a native crash, as a bug in llama.cpp would cause (SIGSEGV)
        raise AssertionError("unreachable")


def main() -> None:
    port = int(sys.argv[1])
    settings = load_settings()
    model = SegfaultingModel(model_path=str(embedded_gguf_path()), in_process=True)
    app = create_app(settings, factory=lambda s: build_assistant(s, model=model))
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="info")


if __name__ == "__main__":
    main()
