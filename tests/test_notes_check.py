"""The record check of a curator's note: one table, the invented collection's records."""

import pytest

from assistant.note_check import contradictions
from tests.answering.collection import numbered

RECORDS = {
    p.title: p for p in numbered("harbour", "ewer", "portrait").values() if p.kind == "record"
}
HARBOUR, EWER = "Harbour at Dusk", "Lidded Ewer with Cranes"


@pytest.mark.parametrize(
    "title, note, expected",
    [
        # maker
        (HARBOUR, "Harbour at Dusk was painted by Edvard Munch.", [("creator", "Edvard, Munch")]),
        (HARBOUR, "Edvard Munch painted it.", [("creator", "Munch")]),
        (HARBOUR, "Marta Lindqvist painted Harbour at Dusk in 1887.", []),
        (HARBOUR, "Harbour at Dusk was bought by Ernst Blom in 1950.", []),  # a buyer
        # date: of making, or a sentence that dates it; a later event's year is no date
        (HARBOUR, "Harbour at Dusk was painted in 1790.", [("date", "1790")]),
        (EWER, "It dates from the 19th century.", [("date", "19th century")]),
        (HARBOUR, "The canvas was cut down on one side in 1950.", []),
        (HARBOUR, "The painting was restored in 1790.", []),
        (HARBOUR, "Harbour at Dusk was painted in 1888, a year after the trip.", []),  # slack
        # material
        (HARBOUR, "Harbour at Dusk is painted on oak panel.", [("medium", "oak, panel")]),
        (EWER, "The ewer is made of silver.", [("medium", "silver")]),
        (EWER, "The ewer is glazed fritware.", []),
        # several sentences, several fields, in order
        (
            HARBOUR,
            "It was painted by Edvard Munch in 1790.\n\nThe boats come home at dusk.",
            [("creator", "Edvard, Munch"), ("date", "1790")],
        ),
        (HARBOUR, "", []),
    ],
)
def test_a_note_is_checked_against_its_objects_record(title, note, expected):
    found = contradictions(note, RECORDS[title])
    assert [(c.field, ", ".join(c.stated)) for c in found] == expected


def test_the_warning_names_the_sentence_and_what_the_record_says():
    (found,) = contradictions("The boats are fine. It is made of marble.", RECORDS[HARBOUR])
    assert found.sentence == "It is made of marble."
    assert found.record_says == "The medium of Harbour at Dusk is oil on canvas."
