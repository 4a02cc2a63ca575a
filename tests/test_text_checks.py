"""The token classes the verifier compares exactly: quantities, initials, opposites, clauses."""

import pytest

from assistant.materials import MATERIALS
from assistant.text import clauses, initials, quantities, sentence_adverb, swapped_opposites


@pytest.mark.parametrize(
    "text, expect",
    [
        ("three dragons", {"n:3"}),
        ("3 dragons", {"n:3"}),
        ("twenty-six saints", {"n:26"}),
        ("a dozen saints", {"n:12"}),
        ("the ninth century", {"ord:9"}),
        ("the 9th century", {"ord:9"}),
        ("the twenty-first", {"ord:21"}),
        ("the 1840s", {"decade:1840"}),
        ("the mid-1480s", {"decade:1480"}),
        ("the 16th day", {"ord:16"}),  # never the number 16
        ("fols. 3a and 6a", set()),  # folios are codes, not counts
        ("ten thousand men", {"n:10", "n:10000"}),
        ("10 thousand men", {"n:10", "n:10000"}),
        ("1,000 men", {"n:1000"}),
        ("about 1320–1340", {"n:1320", "n:1340"}),
    ],
)
def test_quantities_are_compared_by_value_and_kind(text, expect):
    assert quantities(text) == expect


def test_initials_are_names():
    assert initials("one of the sitters, C. M. B., Junior") == {"c.m.b."}
    assert initials("commissioned by William C. Wilson") == {"c."}
    assert initials("See fol. 3a and W.569.") == set()


@pytest.mark.parametrize("sentence", ["Possibly this object", "Perhaps it", "Though late"])
def test_an_opening_adverb_is_not_a_name(sentence):
    assert sentence_adverb(sentence)


@pytest.mark.parametrize("sentence", ["Italy was", "Sicily is", "Emily painted", "Rembrandt"])
def test_an_opening_name_stays_a_name(sentence):
    assert sentence_adverb(sentence) == ""


def test_an_opposite_in_the_passage_in_its_place_is_a_contradiction():
    assert swapped_opposites("kneeling after their lord", "kneeling before their lord") == [
        ("after", "before")
    ]
    # The passage says both: nothing is swapped.
    assert swapped_opposites("late", "from early to late") == []


def test_clauses_split_at_conjunctions_and_relative_clauses():
    assert clauses("It is brass, inlaid with silver and gold, and the calendar is one part.") == [
        "It is brass, inlaid with silver and gold",
        "and the calendar is one part.",
    ]
    assert clauses("The page, which is torn, introduces the poem.") == [
        "The page",
        "which is torn",
        "introduces the poem.",
    ]


def test_the_material_vocabulary_comes_from_the_medium_fields():
    assert {"tin", "pewter", "marble", "canvas", "parchment"} <= MATERIALS
    assert not {"left", "century", "side", "three", "sixteenth"} & MATERIALS


@pytest.mark.parametrize(
    "text, word, opens",
    [
        ("Rembrandt painted it.", "Rembrandt", True),
        ("It was Rembrandt.", "Rembrandt", False),
        ("It is old. Rembrandt painted it.", "Rembrandt", True),
        ('She said "Wood is warm".', "Wood", True),  # a quotation opens too
        ("A panel (Oak) of the altar.", "Oak", True),
        ("Grant Wood painted it.", "Wood", False),
    ],
)
def test_a_word_opens_a_sentence_where_any_word_has_a_capital(text, word, opens):
    from assistant.text import opens_sentence

    assert opens_sentence(text, text.index(word)) is opens


@pytest.mark.parametrize(
    "text, sentences",
    [
        # Saints listed as "Sts." or "SS." stay in their sentence, as "St." does.
        (
            "The arches show Sts. Anna and Maria, and SS. Peter and Paul. It is gilded.",
            ["The arches show Sts. Anna and Maria, and SS. Peter and Paul.", "It is gilded."],
        ),
        ("It shows St. Jerome. It is small.", ["It shows St. Jerome.", "It is small."]),
        # "ca." and "fl." before a year: the year and what follows are the same sentence.
        (
            "A book of ca. 1440 (a library, M.9) is like it. It is gilded.",
            ["A book of ca. 1440 (a library, M.9) is like it.", "It is gilded."],
        ),
        (
            "It was made by a master fl. 1480-1500. It is oak.",
            ["It was made by a master fl. 1480-1500.", "It is oak."],
        ),
        ("They moved ca. 1860. The war ended.", ["They moved ca. 1860.", "The war ended."]),
    ],
)
def test_abbreviations_do_not_end_a_sentence(text, sentences):
    from assistant.text import split_sentences

    assert split_sentences(text) == sentences
