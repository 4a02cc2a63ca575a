"""counts_by_language: counts and measures said in another language, read as English counts."""

import pytest

from assistant.answering.counts_by_language import _COUNTED, _NUMBERS, counts_in
from assistant.answering.premises.count import count_agrees, count_differs
from assistant.answering.reading import read
from assistant.text import stem


@pytest.mark.parametrize(
    "language, text, counted",
    [
        ("fr", "Le vase mesure 1,5 m de haut.", [("metres", 1.5)]),
        ("fr", "Il pèse une vingtaine de kilos, non ?", [("kilograms", 20)]),
        ("fr", "Le livre a trente feuillets.", [("leaves", 30)]),
        ("de", "Die Glocke wiegt zwölf Tonnen, oder?", [("tonnes", 12)]),
        ("de", "Das Buch hat 120 Seiten.", [("pages", 120)]),
        ("nl", "De kist is zo'n twee meter lang.", [("metres", 2)]),
        ("nl", "Het altaarstuk heeft twaalf panelen.", [("panels", 12)]),
        ("es", "El jarrón mide 80 centímetros.", [("centimetres", 80)]),
        ("es", "Pesa una cuarentena de toneladas.", [("tonnes", 40)]),
        ("it", "Il codice ha cinquanta fogli.", [("leaves", 50)]),
        ("it", "La statua è alta tre metri e pesa due tonnellate.", [("metres", 3), ("tonnes", 2)]),
        # Nothing counted: an article, a year, a thing the table does not count.
        ("fr", "Un tableau de 1642.", []),
        ("de", "Er malte es 1642 in Rom.", []),
        ("it", "Ha dipinto tre ritratti.", []),
        ("en", "It weighs four tonnes.", []),  # English counts are read by claims.all_counts
    ],
)
def test_counts_and_measures_in_another_language(language, text, counted):
    claims = counts_in(language, text)
    assert [(c.value, c.amount) for c in claims] == [(stem(w), n) for w, n in counted]
    assert all(c.kind == "count" for c in claims)


def test_every_language_counts_with_the_same_tables():
    assert set(_NUMBERS) == set(_COUNTED)


def test_a_count_said_in_another_language_is_compared_with_an_english_source():
    said = read("Il codice ha novanta fogli, vero?", language="it").said
    assert count_differs("It is made of 39 leaves of bark paper.", said)
    assert not count_differs("It is made of 88 leaves of bark paper.", said)
    assert count_agrees("It has ninety leaves.", said)
