"""casing: a question typed in lower case gets back the capitals the collection's texts use."""

from __future__ import annotations

import pytest

from assistant.answering.casing import name_casing, recased
from assistant.answering.reading import read

TEXTS = [
    "Marta Lindqvist painted the harbour at Gothenburg from a rented attic in 1887.",
    "The fishing boats are shown returning at dusk; Lindqvist knew the harbour well.",
    "A saint stands beside the Virgin. Saint Agnes holds a lamb, as the Virgin holds the Child.",
    "The portrait shows the Marquise d'Argenson. In 1740 Nattier painted her; by Nattier too.",
    "Under Louis XVI the queen had it. From Louis XVI the workshop had a saint's box.",
    "It was painted for the Marquise d'Argenson, not for a marquise of the court.",
    "The Museum bought it in 1931; the museum's records say so.",
]


def test_names_are_the_words_the_texts_capitalise_mid_sentence() -> None:
    casing = name_casing(TEXTS, min_uses=2, min_capital_share=0.9)
    assert casing[("lindqvist",)] == "Lindqvist"
    assert casing[("marquise", "d'argenson")] == "Marquise d'Argenson"
    assert casing[("louis", "xvi")] == "Louis XVI"
    assert casing[("virgin",)] == "Virgin"
    # Used in lower case too, or once only, or opening a sentence, or a stopword: no name.
    for word in ("saint", "harbour", "gothenburg", "the", "museum", "fishing"):
        assert (word,) not in casing, word
    # Words met only inside a longer name are no names of their own.
    assert ("xvi",) not in casing and ("louis",) not in casing


@pytest.mark.parametrize(
    "question, expected",
    [
        ("who painted lindqvist's harbour", "who painted Lindqvist's harbour"),
        # Half a name is not cased ("xvi" alone), nor a name split by a comma.
        ("what did xvi give her", "what did xvi give her"),
        ("louis, xvi and the queen", "louis, xvi and the queen"),
        ("what did louis xvi give her", "what did Louis XVI give her"),
        ("is the marquise d'argenson by nattier", "is the Marquise d'Argenson by Nattier"),
        # Any capital: the visitor chose the case, and it is left as typed.
        ("Who painted lindqvist's harbour?", "Who painted lindqvist's harbour?"),
        ("", ""),
    ],
)
def test_recased(question: str, expected: str) -> None:
    casing = name_casing(TEXTS, min_uses=2, min_capital_share=0.9)
    assert recased(question, casing) == expected


def test_the_reading_finds_the_names_of_a_lower_case_question() -> None:
    casing = name_casing(TEXTS, min_uses=2, min_capital_share=0.9)
    plain = read("was the portrait of the marquise d'argenson painted by lindqvist")
    cased = read("was the portrait of the marquise d'argenson painted by lindqvist", casing=casing)
    assert "lindqvist" not in plain.people
    assert "lindqvist" in cased.people
    assert ("maker", "Lindqvist") in {(c.kind, c.value) for c in cased.claims}
    # A name the collection does not know has no capital back: the premise checks still read
    # the question as typed in lower case, where a name is found by what the texts lack.
    assert cased.said.lowercase
    assert not read("Was it painted by Lindqvist?", casing=casing).said.lowercase
    # The answer and its log keep what the visitor typed.
    assert cased.typed == "was the portrait of the marquise d'argenson painted by lindqvist"
