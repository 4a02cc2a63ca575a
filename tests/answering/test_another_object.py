"""One more thing asked for beside the object named, in a language whose words are not read.

"Avez-vous aussi le pendant ?": what is asked about is not the object the search finds; the
finding is that the collection has no record of it, unless a record titled or made by a name
the visitor gives may be it (identify.another_named).
"""

import pytest

from assistant.answering import identify
from assistant.answering.asks_by_language import asks_for_another
from assistant.answering.catalogue import Lookups
from assistant.answering.config import AnswerConfig
from assistant.answering.reading import read
from tests.answering.collection import retriever


@pytest.mark.parametrize(
    "language, question, another",
    [
        ("fr", "Avez-vous aussi le pendant de ce portrait ?", True),
        ("fr", "Le pendant du portrait est-il exposé quelque part ?", True),
        ("fr", "Où est l'autre chandelier de la paire ?", True),
        ("fr", "Qu'a-t-il peint pendant la guerre ?", False),  # "pendant": during
        ("fr", "Avez-vous aussi des informations sur sa restauration ?", False),
        ("de", "Zeigen Sie auch das Gegenstück zu diesem Bildnis?", True),
        ("de", "Haben Sie auch eine zweite Fassung davon?", True),
        ("de", "Ist die Schale auch aus Gold?", False),
        ("de", "Haben Sie auch Fotos davon?", False),
        ("nl", "Is de tegenhanger van dit portret ook te zien?", True),
        ("nl", "Hangt zijn andere schilderij van de haven er ook?", True),
        ("nl", "Is het ook van eikenhout gemaakt?", False),
        ("es", "¿Tienen también el retrato de su hermano?", True),
        ("es", "Además de este plato, ¿tienen la jarra del mismo juego?", True),
        ("es", "¿También pintó el cielo al aire libre?", False),
        ("it", "Avete anche il ritratto del marito?", True),
        ("it", "C'era un compagno di questo piatto?", True),
        ("it", "La sala è aperta anche di sera?", False),
        # The portrait of a sitter's relative is another portrait.
        ("fr", "Le portrait de son mari est-il exposé ?", True),
        ("de", "Wo hängt das Bildnis ihres Mannes?", True),
        ("nl", "Is het portret van haar man er?", True),
        ("es", "¿Dónde está el retrato de su esposa?", True),
        ("it", "Dov'è il ritratto di sua madre?", True),
        ("fr", "Qui a peint ce portrait de femme ?", False),
        ("it", "Chi è la donna nel ritratto?", False),
        ("en", "Is its pendant on view as well?", False),  # English is read by its parse
    ],
)
def test_what_asks_for_one_more_thing(language, question, another):
    assert asks_for_another(language, question) is another
    reading = read(question, [], language=language)
    assert reading.another is (another and language != "en")


@pytest.mark.parametrize(
    "question, other",
    [
        # The visitor names a maker by last name who made another record: it may be the thing.
        ("Possédez-vous aussi des dessins de Karin Holm ?", "Study of a Boatman"),
        # The maker of the object named made no other record.
        ("Possédez-vous aussi une œuvre de Pieter de Wit ?", ""),
        # A first name is no maker's name.
        ("Possédez-vous aussi des dessins de Karin ?", ""),
    ],
)
def test_another_record_named_by_the_question(question, other):
    reading = read(question, [], language="fr")
    found = {"portrait": "Portrait of Johanna Vos"}
    assert identify.another_named(reading, found, Lookups(retriever()), AnswerConfig()) == other
