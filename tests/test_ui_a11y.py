"""What screen readers hear and "Read aloud" says of an answer (ui/a11y.py), as cases."""

from __future__ import annotations

import pytest

from assistant.answer import Answer, AnswerSentence, Citation
from ui.a11y import announcement, spoken_text
from ui.components import _lang_attribute


def cite(n: int, title: str, passage: str = "A passage.", language: str = "") -> Citation:
    return Citation(n, f"s{n}", title, "", "", "", passage, language=language)


ANSWERED = Answer(
    "Who painted The Night Watch?",
    "answered",
    "The Night Watch is by Rembrandt. [1]",
    sentences=[AnswerSentence("The Night Watch is by Rembrandt.", [1])],
    citations=[cite(1, "The Night Watch")],
)
CORRECTED = Answer(
    "Did Vermeer paint The Night Watch?",
    "corrected",
    "",
    sentences=[
        AnswerSentence("The Night Watch is by Rembrandt.", [1]),
        AnswerSentence("It is dated 1642.", [2]),
    ],
    citations=[cite(1, "The Night Watch"), cite(2, "The Night Watch")],
)
REFUSED = Answer("What is the capital of France?", "refused", "I don't have a source.")
FRENCH = Answer(
    "Qui a peint La Ronde de nuit ?",
    "answered",
    "",
    sentences=[AnswerSentence("La Ronde de nuit est de Rembrandt.", [1])],
    citations=[cite(1, "The Night Watch")],
    language="fr",
)


@pytest.mark.parametrize(
    ("answer", "heard"),
    [
        (ANSWERED, "The Night Watch is by Rembrandt. 1 source below."),
        (
            CORRECTED,
            "The museum's sources don't support that. Here is what they do say. "
            "The Night Watch is by Rembrandt. It is dated 1642. 2 sources below.",
        ),
        (
            REFUSED,
            "Sorry! I don't have a source. I only answer from the museum's own checked texts, "
            "so I won't guess.",
        ),
    ],
)
def test_an_answer_is_announced_with_its_notice_and_how_many_sources(answer, heard):
    assert announcement(answer) == heard


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        (ANSWERED, "The Night Watch is by Rembrandt. Sources: 1, The Night Watch."),
        # Two sources of one title are told apart as the source cards tell them apart.
        (
            CORRECTED,
            "The museum's sources don't support that. Here is what they do say. "
            "The Night Watch is by Rembrandt. It is dated 1642. Sources: "
            "1, The Night Watch (curatorial text). 2, The Night Watch (curatorial text).",
        ),
        (FRENCH, "La Ronde de nuit est de Rembrandt. Sources: 1, The Night Watch."),
    ],
)
def test_read_aloud_says_the_answer_then_each_source_by_number(answer, said):
    assert spoken_text(answer) == said


@pytest.mark.parametrize(
    ("language", "attribute"),
    [
        ("nl", ' lang="nl"'),
        ("pt-BR", ' lang="pt-BR"'),
        ("", ""),
        ('en" onmouseover="x', ""),  # not a language tag: no attribute at all
    ],
)
def test_a_quoted_passage_is_marked_with_its_stated_language(language, attribute):
    assert _lang_attribute(cite(1, "T", language=language)) == attribute
