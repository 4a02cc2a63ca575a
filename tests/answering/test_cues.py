"""parse.object_phrases: the things a question names, on any text a visitor can send."""

import pytest

from assistant.answering.parse import object_phrases


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What is the bust of a king made of?", ["bust of king", "king"]),
        # A verb after a noun is not part of its name; "what's" is not a possessive.
        ("Did Nefertiti's bust lose one of its eyes?", ["bust", "eyes"]),
        (
            "What year was the golden crown that matches the Ife Head found?",
            ["golden crown", "Ife Head"],
        ),
        ("Quick one: what's actually inside the Book of Kells?", ["Book of Kells"]),
        # A question word's noun names what is asked, not a thing the visitor says exists.
        ("Which sculptor made the bronze group?", ["bronze group"]),
        ("In what language is the main text written?", ["main text"]),
        # Hyphens and possessors: the name as written, without whose it is.
        (
            "Who painted the Walters' full-length Portrait of Prince Rupert?",
            ["full-length Portrait of Prince Rupert"],
        ),
        ("Tell me about the museum's golden Roman telephone.", ["golden Roman telephone"]),
        ("Who painted the Nigh\u0301\u0302t Watch?", ["Nigh\u0301\u0302t Watch"]),
        ("the \u0301", []),
        ("the", []),
        ("", []),
        ("   ", []),
    ],
)
def test_object_phrases(text, expected):
    assert object_phrases(text) == expected
