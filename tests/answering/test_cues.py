"""cues.object_phrases: the things a question names, on any text a visitor can send."""

import pytest

from assistant.answering.cues import object_phrases


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What is the bust of a king made of?", ["bust of king", "king"]),
        ("Who painted the Nigh\u0301\u0302t Watch?", ["Nigh"]),  # combining marks end a word
        ("the \u0301", []),
        ("the", []),
    ],
)
def test_object_phrases(text, expected):
    assert object_phrases(text) == expected
