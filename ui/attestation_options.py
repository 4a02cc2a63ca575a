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

    The date is taken as given (it is not checked); without one it is today's.
    """
    # Imported here: the readers are slow to import, and every command's start would pay.
    from ingest.loaders import Attestation

    if not vetted_by:
        return None
    return Attestation(vetted_by, vetted_on or dt.date.today().isoformat())
