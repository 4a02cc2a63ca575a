"""topic.spelled_in: a visitor's spelling against the words of an object's texts."""

import pytest

from assistant.answering.topic import spelled_in

TEXT_WORDS = {"hippopotamus", "background", "landscape", "handle", "rhinoceros", "helmet"}


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("helmet", True),  # the word itself
        ("helmut", True),  # a typo
        ("hippo", True),  # a long word cut short
        ("rhino", True),
        # Short everyday words that only begin a longer, unrelated word are not in the text:
        # "the back of the canvas" is not "the background".
        ("back", False),
        ("land", False),
        ("hand", False),
        ("sword", False),
    ],
)
def test_spelled_in(word, expected):
    assert spelled_in(word, TEXT_WORDS) is expected


@pytest.mark.parametrize(
    "question, missing",
    [
        # A name cut short to its first syllable is the longer name ("the Met").
        ("Can I still see it at the Met?", []),
        ("Is it in the Louvre?", ["louvre"]),
        # Too short, or not much shorter than the word it starts: another name.
        ("Is it by Al?", ["al"]),
        ("Was it sold in Newport?", ["newport"]),
    ],
)
def test_names_the_texts_never_mention(question, missing):
    from assistant.answering.topic import names_missing

    texts = ["It is in the collection of The Metropolitan Museum of Art, New York, since 1929."]
    assert names_missing(question, texts) == missing
