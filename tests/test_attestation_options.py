"""The --vetted-by/--vetted-on options ingest and harvest share, and the attestation they make."""

from datetime import date

import click
import pytest
from click.testing import CliRunner

from ingest.loaders import Attestation
from ui.attestation_options import attestation_from, vetting_options


def test_no_name_is_no_attestation_even_with_a_date():
    assert attestation_from(None, None) is None
    assert attestation_from("", "2026-11-24") is None
    assert attestation_from(None, "2026-11-24") is None


def test_a_name_and_a_date_are_the_attestation():
    assert attestation_from("Registrar", "2026-11-24") == Attestation("Registrar", "2026-11-24")


def test_the_date_defaults_to_today():
    before = date.today().isoformat()
    made = attestation_from("Registrar", None)
    assert made is not None and made.vetted_by == "Registrar"
    assert made.vetted_on in {before, date.today().isoformat()}  # the day may turn meanwhile
    assert attestation_from("Registrar", "").vetted_on in {before, date.today().isoformat()}


def test_a_date_that_is_no_calendar_date_is_refused_with_a_clear_message():
    # Until 2026-12-04 any text was stored as the vetting date; now both commands refuse it.
    for bad in ("24/11/2026", "2026-13-01", "yesterday"):
        with pytest.raises(click.BadParameter, match="YYYY-MM-DD"):
            attestation_from("Registrar", bad)
    ran = CliRunner().invoke(_command(), ["--vetted-by", "R", "--vetted-on", "24/11/2026"])
    assert ran.exit_code == 2 and "--vetted-on" in ran.output and "YYYY-MM-DD" in ran.output


def _command() -> click.Command:
    @click.command()
    @vetting_options("Attest NAME vetted these.")
    def command(vetted_by, vetted_on):
        click.echo(repr(attestation_from(vetted_by, vetted_on)))

    return command


def test_the_options_come_in_order_with_the_commands_own_help():
    @click.command()
    @vetting_options("Attest NAME vetted these.")
    def command(vetted_by, vetted_on):
        click.echo(repr(attestation_from(vetted_by, vetted_on)))

    shown = CliRunner().invoke(command, ["--help"]).output
    assert shown.index("--vetted-by") < shown.index("--vetted-on")
    assert "Attest NAME vetted these." in shown and "default today" in shown
    ran = CliRunner().invoke(command, ["--vetted-by", "R", "--vetted-on", "2026-01-02"])
    assert ran.output.strip() == repr(Attestation("R", "2026-01-02"))
