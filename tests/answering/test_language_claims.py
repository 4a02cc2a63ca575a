"""A sentence that says a text is in another language refutes a visitor who says it is not."""

import pytest

from assistant.answering.premises.language import attests
from assistant.answering.premises.refuting import refutes
from assistant.answering.reading import read

GOSPELS = "The psalter is a manuscript of the Psalms in Latin, made in about 1250."
GLOSS = "Its prayers are in Latin, not Middle Dutch."
INTO = "A later owner added a translation into French in the margins."


@pytest.mark.parametrize(
    "language, history, question, sentence, refuted",
    [
        # The visitor says which language it is written in; the text names another ...
        ("en", [], "The psalter is written in Irish, isn't it?", GOSPELS, True),
        ("en", [], "Its text is in Greek, right?", GOSPELS, True),
        ("en", [], "The psalter is in Armenian, right?", GOSPELS, True),
        # ... or denies the visitor's, in any form of it ("Middle Dutch" is Dutch).
        ("en", [], "The psalter was written in Dutch, wasn't it?", GLOSS, True),
        ("nl", [], "Het psalter is toch in het Nederlands geschreven?", GLOSS, True),
        ("fr", ["En quelle langue est-il écrit ?"], "Non, c'est du néerlandais.", GLOSS, True),
        ("es", ["¿Qué idioma tiene el texto?"], "No, está en irlandés.", GOSPELS, True),
        ("de", ["In welcher Sprache ist es geschrieben?"], "Nein, auf Griechisch.", GOSPELS, True),
        # The language the visitor says is the text's: no correction.
        ("en", [], "The psalter is written in Latin, isn't it?", GOSPELS, False),
        ("it", ["In che lingua è scritto?"], "Ma è in latino, vero?", GOSPELS, False),
        # Only asked, nothing is claimed; a people's adjective is no language of a text; a
        # translation "into" a language says nothing of what the text is in.
        ("en", [], "What language is the psalter written in?", GOSPELS, False),
        ("en", [], "An Irish monk made the psalter, didn't he?", GOSPELS, False),
        ("en", [], "The psalter is written in Latin, right?", INTO, False),
    ],
)
def test_a_text_said_to_be_in_another_language_refutes(
    language, history, question, sentence, refuted
):
    assert refutes(sentence, read(question, history, language=language)) is refuted


@pytest.mark.parametrize(
    "question, sentence, attested",
    [
        # Another text of the object in the visitor's language bears the visitor out ...
        (
            "The gloss is written in Middle Dutch, right?",
            "A reader added a translation into Dutch.",
            True,
        ),
        (
            "The gloss is written in Middle Dutch, right?",
            "A later hand wrote notes in Dutch.",
            True,
        ),
        # ... a denial of it does not, nor another language.
        ("The gloss is written in Middle Dutch, right?", GLOSS, False),
        ("The gloss is written in Middle Dutch, right?", GOSPELS, False),
    ],
)
def test_a_sentence_in_the_visitors_language_attests_it(question, sentence, attested):
    assert attests(sentence, read(question)) is attested


def test_a_language_attested_elsewhere_is_not_refuted():
    """ "The main text is in Latin, not Middle Dutch" beside "a translation into Dutch": the
    visitor who says the gloss is in Dutch may be right, and is not corrected."""
    reading = read("The gloss is written in Middle Dutch, right?")
    assert refutes(GLOSS, reading)
    assert not refutes(GLOSS, reading, attested=True)
