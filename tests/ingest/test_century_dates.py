"""Dates records give only as a century, read as the years they span (ingest/interop/common)."""

from __future__ import annotations

import pytest

from ingest.interop.common import century_years, text_years


@pytest.mark.parametrize(
    ("written", "years"),
    [
        ("17th cent.", (1600, 1699)),
        ("2. Hälfte 17. Jahrhundert", (1650, 1699)),
        ("1. Hälfte 16. Jh.", (1500, 1549)),
        ("XVIIe siècle", (1600, 1699)),
        ("fin du XVIIIe siècle", (1766, 1799)),
        ("siglo XV", (1400, 1499)),
        ("XV secolo", (1400, 1499)),
        ("19e eeuw", (1800, 1899)),
        ("4/4 sec. XIX", (1875, 1899)),
        ("1/4 sec. XX", (1900, 1924)),
        ("Începutul sec. XX", (1900, 1933)),
        ("early 20th century", (1900, 1933)),
        ("5th century BC", (-500, -401)),
        ("first half of the 5th century BC", (-500, -451)),
        # No century: nothing, rather than a guess.
        ("Cretaceous", (None, None)),
        ("4/4", (None, None)),
        ("sec. XXX", (None, None)),
    ],
)
def test_a_century_spans_the_part_of_it_the_date_names(written, years):
    assert century_years(written) == years


def test_a_year_wins_over_a_century():
    # "1628" is more exact than the century around it.
    assert text_years("17th century, dated 1628") == (1628, 1628)
