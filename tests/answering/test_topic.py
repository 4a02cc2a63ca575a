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
