"""topic: a visitor's spelling against an object's texts, and what a source covers."""

import pytest

from assistant.answering.config import AnswerConfig
from assistant.answering.topic import coverage, names_title_as_written, spelled_in

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
        # A verbless remark's capital is the sentence's, and a question word opens no name.
        ("Am I right that it came to New York in 1929? Super cool.", []),
        # ... also when the tagger takes its opening word for a proper noun ("Super" here).
        ("Super freaky. Was it in New York in 1929?", []),
        ("Was it sold in 1929? Newport, I think.", ["newport"]),
        # A word that only opens a sentence, read as no proper noun, names nobody; a name
        # that opens one is still a name.
        ("Anyway, was it in New York in 1929?", []),
        ("Besides, when did it come to New York?", []),
        ("Hosmer sold it in 1929, right?", ["hosmer"]),
        # A word in capitals for emphasis names nobody; a name in capitals still does.
        ("my daughter LOVES it, did it come to New York in 1929?", []),
        ("Did HOSMER sell it in 1929?", ["hosmer"]),
        # A remark that names someone the question names elsewhere still names them.
        ("Did Hosmer sell it in 1929? Hosmer!", ["hosmer"]),
        # A name with the look it gives joined on is the name ("York-style").
        ("Is that York-looking frame from 1929?", []),
        ("Is that Hosmer-style frame from 1929?", ["hosmer-style"]),
    ],
)
def test_names_the_texts_never_mention(question, missing):
    from assistant.answering.topic import names_missing

    texts = ["It is in the collection of The Metropolitan Museum of Art, New York, since 1929."]
    assert names_missing(question, texts) == missing


_HARBOUR = [
    "Harbour at Dusk",
    "Marta Lindqvist painted the harbour at Gothenburg from a rented attic in 1887. "
    "The fishing boats are shown returning at dusk.",
]


@pytest.mark.parametrize(
    "question, covered",
    [
        # The visitor's verbs, adjectives and small talk are not what the question is about.
        ("Am I imagining it, or are the fishing boats in that harbour super creepy?", True),
        ("Why would anyone in particular want to paint a harbour from an attic?", True),
        # Things and names the texts never mention are.
        ("What is the capital of Norway?", False),
        ("Tell me about the tram depot and the cathedral of Oslo.", False),
    ],
)
def test_a_source_covers_what_a_question_names(question, covered):
    assert (coverage(question, _HARBOUR) >= AnswerConfig().min_topic_coverage) is covered


@pytest.mark.parametrize(
    "question, parts",
    [
        ("Is the jug older than the bowl?", ["Is the jug older", "the bowl?"]),
        (
            "Who made the helmet and who made the sword?",
            ["Who made the helmet", "who made the sword?"],
        ),
        # A number's comma, or "and" inside a hyphenated word, joins nothing.
        ("Did 4,000 people see it?", []),
        (
            "Who painted the blue-and-white vase or the pen-and-ink sketch?",
            ["Who painted the blue-and-white vase", "the pen-and-ink sketch?"],
        ),
    ],
)
def test_a_question_about_several_things_is_cut_into_its_parts(question, parts):
    from assistant.answering.topic import clauses

    assert clauses(question) == parts


@pytest.mark.parametrize(
    "text, expected",
    [
        # A title's abbreviation is its word written out, with or without the point.
        ("St. Olaf, with a Border", ["saint", "olaf", "with", "border"]),
        ("St Luke's ox", ["saint", "luke", "ox"]),
        ("Sts. Peter and Paul", ["saints", "peter", "and", "paul"]),
        ("Mt. Fuji", ["mount", "fuji"]),
        # Not inside a word, a number or a name.
        ("the 1st stone on Steen Street", ["the", "1st", "stone", "on", "steen", "street"]),
    ],
)
def test_a_title_s_abbreviation_is_its_word(text, expected):
    from assistant.text import words

    assert [w for w in words(text) if w != "a"] == expected


@pytest.mark.parametrize(
    "question, title, expected",
    [
        ("Which town was Saint Olaf the king of?", "St. Olaf, with a Border", True),
        (
            "Who engraved the medal showing the Vision of St Olaf?",
            "Medal with Vision of St. Olaf",
            True,
        ),
        (
            "Who engraved the medal with the Vision of Saint Erik?",
            "Medal with Vision of St. Olaf",
            False,
        ),
    ],
)
def test_a_title_is_named_with_its_abbreviation_written_out(question, title, expected):
    from assistant.answering.topic import mentions_title

    assert mentions_title(question, title) is expected


@pytest.mark.parametrize(
    "question, title, kinds, expected",
    [
        # What it shows said before what it is: the title's kind comes last ...
        (
            "Where was the Saint Martin roundel glazed?",
            "Roundel with Saint Martin",
            "roundels",
            True,
        ),
        ("Are the two Annunciation tiles a pair?", "Tile with the Annunciation", "tiles", True),
        ("Who owned the heron and reeds screens?", "Screen with Heron and Reeds", "screens", True),
        ("Who made the parrot cup?", "Cup with a Parrot", "cups; vessels", True),
        # ... with nothing put between them, and nothing left out ...
        ("Who made the parrot on the cup?", "Cup with a Parrot", "cups", False),
        ("Who glazed the Martin tile?", "Tile with Saint Martin and the Beggar", "tiles", False),
        # ... and the kind is what the catalogue classes the object as: the cherub heads
        # painted on a panel are no statuette's title.
        ("Were the cherub heads the painter's idea?", "Head of a Cherub", "statuettes", False),
    ],
)
def test_a_title_is_named_with_its_kind_said_last(question, title, kinds, expected):
    from assistant.answering.topic import said_kind_last
    from assistant.text import content_words

    assert said_kind_last(question, title, content_words(kinds)) is expected


@pytest.mark.parametrize(
    "question, text, missing",
    [
        # A form of address the text abbreviates is the visitor's word written out.
        ("Did Madame de Gull ever get the letter?", "He wrote to Mme de Gull in 1750.", []),
        ("Did Mademoiselle Vos keep it?", "It stayed with Mlle. Vos.", []),
        ("Did Madame de Vos ever get the letter?", "He wrote to Mme de Gull in 1750.", ["vos"]),
    ],
)
def test_a_name_is_found_with_its_form_of_address_abbreviated(question, text, missing):
    from assistant.answering.topic import names_missing

    assert names_missing(question, [text]) == missing


@pytest.mark.parametrize(
    "question, title, language, named",
    [
        ("Wer hat eigentlich den „Kupferkessel“ gemacht?", "Der Kupferkessel", "de", True),
        ("Was zeigt die Rückseite des Kupferkessels?", "Der Kupferkessel", "de", True),
        ("Qui a peint la Barque des pêcheurs ?", "La Barque des pêcheurs", "fr", True),
        ("¿Dónde está la barca de los pescadores?", "La barca de los pescadores", "es", True),
        # Not from a word's start, another title, a title of one everyday word.
        ("Was ist ein Riesenkupferkessel?", "Der Kupferkessel", "de", False),
        ("Qui a peint la Barque des rameurs ?", "La Barque des pêcheurs", "fr", False),
        ("Il y a une fontaine dans le tableau ?", "Fontaine", "fr", False),
        ("C'est quoi, ce cri ?", "Le Cri", "fr", False),
    ],
)
def test_a_title_in_another_language_is_named_as_written(question, title, language, named):
    assert names_title_as_written(question, title, language) is named
