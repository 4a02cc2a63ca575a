"""Progress bars for long commands (ingest, harvest), fed (stage, done, total)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

Progress = Callable[[str, int, int], None]


class ProgressBar:
    """A bar per stage, on a terminal only (piped output and tests get none), gone when done.

    ``labels`` names the stages; a stage not named shows as itself. A total of 0 is unknown
    (a harvest does not know how many records an endpoint lists until its last page).
    """

    def __init__(self, labels: dict[str, str]):
        self.labels = labels

    def __enter__(self) -> Progress:
        # Imported here: rich is slow to import, and every command's start would pay.
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            transient=True,
            disable=not sys.stderr.isatty(),
        )
        self.bar.__enter__()
        tasks: dict[str, Any] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                label = self.labels.get(stage, stage)
                tasks[stage] = self.bar.add_task(label, total=total or None)
            self.bar.update(tasks[stage], completed=done, total=total or None)

        return progress

    def __exit__(self, *exc: object) -> None:
        self.bar.__exit__(None, None, None)
