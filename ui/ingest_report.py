"""What ``ingest`` and ``harvest`` print about what they did, as lines; ``show`` prints them.

The report is turned into lines by functions that only return them, so tests can read
exactly what a curator sees, and the two commands share the lines they have in common.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from ingest.loaders import FileError, Refusal
    from ingest.pipeline import IngestReport

# More refusals than this are counted, not listed: a whole unvetted export would bury the
# rest of the report.
REFUSALS_LISTED = 50


@dataclass(frozen=True)
class Line:
    """One line for the terminal."""

    text: str
    color: str | None = None  # a click colour; None prints the text as it is
    err: bool = False  # on stderr (errors), else stdout


def show(lines: Iterable[Line]) -> None:
    """Print the lines, each to its stream, in order."""
    for line in lines:
        if line.color is None:
            click.echo(line.text, err=line.err)
        else:
            click.secho(line.text, fg=line.color, err=line.err)


def refused_lines(refused: Sequence[Refusal]) -> list[Line]:
    """The first refusals with their reasons, then how many more there were."""
    lines = [Line(f"  refused {r.origin}: {r.reason}", "yellow") for r in refused[:REFUSALS_LISTED]]
    if len(refused) > REFUSALS_LISTED:
        lines.append(Line(f"  ... and {len(refused) - REFUSALS_LISTED} more refused", "yellow"))
    return lines


def flagged_lines(flagged: Sequence[tuple[str, str]]) -> list[Line]:
    """Each sentence that reads like an order to the assistant, for a curator to review."""
    return [
        Line(
            f"  flagged for curator review ({source_id}): reads like an instruction to "
            f"the assistant, never quoted: {sentence!r}",
            "magenta",
        )
        for source_id, sentence in flagged
    ]


def error_lines(errors: Sequence[FileError]) -> list[Line]:
    """Each file or URL that could not be read, on stderr."""
    return [Line(f"  error {e.path}: {e.reason}", "red", err=True) for e in errors]


def ingest_lines(report: IngestReport, paths: Sequence[Path], index_at: str) -> list[Line]:
    """Everything ``museum-qa ingest`` prints about ``report``, in order."""
    return [
        Line(
            f"added {len(report.added)}, updated {len(report.updated)}, "
            f"unchanged {len(report.unchanged)}, removed {len(report.removed)}, "
            f"refused {len(report.refused)}, errors {len(report.errors)} "
            f"({report.chunks_written} chunks written; index at {index_at})"
        ),
        *(Line(f"  removed {source_id}") for source_id in report.removed),
        *refused_lines(report.refused),
        *flagged_lines(report.flagged),
        *_kept_lines(report),
        *(Line(f"  skipped {s.path}: {s.reason}", "yellow") for s in report.skipped),
        *error_lines(report.errors),
        *_read_nothing_lines(report, paths),
    ]


def _kept_lines(report: IngestReport) -> list[Line]:
    """Unchanged sources that still need a curator: flagged passages, withdrawn sources."""
    lines: list[Line] = []
    if report.still_flagged:
        lines.append(
            Line(
                f"  {len(report.still_flagged)} unchanged source(s) still have flagged "
                "passages: museum-qa sources --flagged",
                "magenta",
            )
        )
    if report.withdrawn:
        lines.append(
            Line(
                f"  {len(report.withdrawn)} source(s) stay withdrawn: museum-qa sources --withdrawn"
            )
        )
    return lines


def _read_nothing_lines(report: IngestReport, paths: Sequence[Path]) -> list[Line]:
    # Never a silent no-op: a wrong path or a folder of unreadable files says so.
    if not report.read_nothing:
        return []
    skipped = f" ({len(report.skipped)} file(s) skipped, listed above)" if report.skipped else ""
    where = ", ".join(str(p) for p in paths)
    return [Line(f"Nothing was read: no document or record in {where}{skipped}", "red", err=True)]
