"""The --vetted-by/--vetted-on options of ``ingest`` and ``harvest``, and their attestation.

One definition, so the two commands cannot drift apart in what they accept or default to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import click

if TYPE_CHECKING:
    from ingest.loaders import Attestation

F = TypeVar("F", bound=Callable[..., object])

VETTED_ON_HELP = "Date of that attestation (YYYY-MM-DD; default today)."


def vetting_options(vetted_by_help: str) -> Callable[[F], F]:
    """``--vetted-by`` then ``--vetted-on``; each command says in its own words what is attested."""

    def add(command: F) -> F:
        # click lists options in the order they are written above a command, so the option
        # written last (applied first) is --vetted-on.
        command = click.option("--vetted-on", help=VETTED_ON_HELP)(command)
        return click.option("--vetted-by", help=vetted_by_help)(command)

    return add


def attestation_from(vetted_by: str | None, vetted_on: str | None) -> Attestation | None:
    """The curator's attestation the options give, or None without a name.

    Without a date it is today's. A date that is no calendar date (``24/11/2026``,
    ``2026-13-01``) is refused with a clear message: it would be stored on every chunk as
    the day the texts were vetted, and sorted and compared as one.
    """
    # Imported here: the readers are slow to import, and every command's start would pay.
    from ingest.loaders import Attestation

    if not vetted_by:
        return None
    if vetted_on:
        try:
            dt.date.fromisoformat(vetted_on)
        except ValueError:
            raise click.BadParameter(
                f"{vetted_on!r} is not a date; write it as YYYY-MM-DD (e.g. 2026-11-24)",
                param_hint="--vetted-on",
            ) from None
    return Attestation(vetted_by, vetted_on or dt.date.today().isoformat())
