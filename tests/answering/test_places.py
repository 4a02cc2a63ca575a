"""places: a place the visitor names is the record's when it is the same place in any language."""

import pytest

from assistant.answering import places


@pytest.mark.parametrize(
    "said, meta, same",
    [
        # A country by its gazetteer's vernacular name, a spelling, or a translation.
        ("Japan", {"place_made": "Nihon"}, True),
        ("Japon", {"place_made": "Nihon"}, True),
        ("Germany", {"place_made": "Deutschland"}, True),
        ("India", {"place_made": "Bharat"}, True),
        ("China", {"place_made": "Nihon"}, False),
        # A country the gazetteers do not know is read from the record's demonyms.
        ("Ethiopia", {"place_made": "Ityop'iya", "creators_display": "Ethiopian"}, True),
        ("Ethiopia", {"place_made": "Ityop'iya", "creators_display": "Greek"}, False),
        # "Misr" is also what GeoNames calls Cairo, in Egypt.
        ("Egypt", {"place_made": "Misr"}, True),
        # ... but not over what the record's place field says.
        ("Holland", {"place_made": "Zhonghua", "creators_display": "Dutch; Chinese"}, False),
        # A town by another language's name; a country that holds the town.
        ("Rome", {"place_made": "Roma, Roma"}, True),
        ("Antwerp", {"place_made": "Antwerpen"}, True),
        ("Italy", {"place_made": "Firenze"}, True),
        ("Holland", {"place_made": "Delft"}, True),
        ("Rome", {"place_made": "Firenze"}, False),
        ("Kyoto", {"place_made": "Tokyo"}, False),
        ("Paris", {"place_made": "London"}, False),
        # A town beside a record's town too small for the gazetteers is another town.
        ("Arles", {"place_made": "Saint-Rémy-de-Provence, France"}, False),
        ("France", {"place_made": "Saint-Rémy-de-Provence, France"}, True),
        # A town the record gives only the country of may be where it was made.
        ("Delft", {"place_made": "Nederland"}, True),
        ("Delft", {"place_made": "Italia"}, False),
        # A continent holds its countries' towns ("Asia" is also a town, which it does not mean).
        ("Europe", {"place_made": "Istanbul, Deutschland"}, True),
        ("Asia", {"place_made": "Nihon"}, True),
        ("Africa", {"place_made": "Nihon"}, False),
        # Names no gazetteer knows agree with nothing: the premise stage decides as before.
        ("Atlantis", {"place_made": "Roma"}, False),
    ],
)
def test_the_same_place_in_another_language(said, meta, same):
    assert places.agrees(said, meta) is same
