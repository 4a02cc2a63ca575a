"""A visitor's everyday word for a kind of object names the catalogue's kind it covers."""

import pytest

from assistant.answering.kinds import everyday_names, with_everyday_names
from assistant.text import content_words, stem


@pytest.mark.parametrize(
    "record, said, named",
    [
        ("Column Krater with Warriors and Chariots", "pot", True),
        ("Black-figure Amphora", "jar", True),
        ("Plate with Vulcan, Venus, and Cupid", "dish", True),
        ("Lidded Ewer with Cranes", "jugs", True),
        ("Casket with the Labors of Hercules", "box", True),
        ("Statuette of a Cat", "statue", True),
        ("Kozuka with a Dragon", "knife", True),
        # A kind of the same rank is another kind: a plate is no bowl, a ewer no cup.
        ("Plate with Vulcan, Venus, and Cupid", "bowl", False),
        ("Lidded Ewer with Cranes", "cup", False),
        # A word covers only the kinds it is general for: a helmet is no pot.
        ("Helmet with Dragons", "pot", False),
    ],
)
def test_an_everyday_word_names_the_kind_it_covers(record, said, named):
    have = with_everyday_names(content_words(record))
    assert all(w in have for w in content_words(said)) is named


@pytest.mark.parametrize(
    "meta, title, everyday, named",
    [
        # The record's kind, as its catalogue names it, else as its title does ...
        ({"object_type": "plates"}, "Plate with Vulcan", "dish", True),
        ({}, "Black-Figure Column Krater with Warriors", "pot", True),
        ({}, "Statuette of a Cat", "statue", True),
        # ... and only its kind: the basin made for a ewer is no jug.
        ({"object_type": "basins"}, "Ewer Basin with the Lamb of God", "jug", False),
        ({}, "Ewer Basin with the Lamb of God", "jug", False),
        ({}, "Helmet with Dragons", "pot", False),
    ],
)
def test_a_records_everyday_names_are_those_of_its_kind(meta, title, everyday, named):
    assert (stem(everyday) in everyday_names(meta, title)) is named
