from collections.abc import Callable, Sequence

import pytest

from assistant.answer import Answer
from assistant.store import Passage
from evals.judge import citation_passage, judge_answer

Support = Callable[[str, Sequence[Passage]], bool]
NIGHT = "Rembrandt painted The Night Watch in 1642."
MONA = "The Mona Lisa hangs in the Louvre."
CIT = [(1, "night", NIGHT), (2, "mona", MONA)]


def test_single_supported_citation_is_recalled_and_precise(
    answer_factory: Callable[..., Answer], support: Support
) -> None:
    j = judge_answer(answer_factory("answered", [("Rembrandt painted it.", [1])], CIT), support)
    assert (j.citation_recall, j.citation_precision, j.any_unsupported) == (1.0, 1.0, False)


def test_citation_that_adds_nothing_is_imprecise(
    answer_factory: Callable[..., Answer], support: Support
) -> None:
    j = judge_answer(answer_factory("answered", [("Rembrandt painted it.", [1, 2])], CIT), support)
    assert j.sentences[0].precise == [True, False]
    assert (j.citation_recall, j.citation_precision) == (1.0, 0.5)


def test_citations_needed_together_are_both_precise(
    answer_factory: Callable[..., Answer], support: Support
) -> None:
    # "rembrandt" is only in [1] and "louvre" only in [2]: neither alone supports the sentence.
    answer = answer_factory("answered", [("Rembrandt, Louvre.", [1, 2])], CIT)
    j = judge_answer(answer, support)
    assert j.sentences[0].supported
    assert j.sentences[0].precise == [True, True]


def test_unsupported_sentence_makes_all_its_citations_imprecise(
    answer_factory: Callable[..., Answer], support: Support
) -> None:
    answer = answer_factory(
        "answered", [("Rembrandt painted it.", [1]), ("Vermeer painted it in 1700.", [1, 2])], CIT
    )
    j = judge_answer(answer, support)
    assert [s.supported for s in j.sentences] == [True, False]
    assert j.citation_recall == 0.5
    assert j.citation_precision == pytest.approx(1 / 3)
    assert j.any_unsupported


def test_citation_to_a_source_never_given_supports_nothing(
    answer_factory: Callable[..., Answer], support: Support
) -> None:
    j = judge_answer(answer_factory("answered", [("Rembrandt painted it.", [7])], CIT), support)
    assert (j.citation_recall, j.citation_precision) == (0.0, 0.0)


def test_uncited_sentences_score_zero_precision(
    answer_factory: Callable[..., Answer], support: Support
) -> None:
    j = judge_answer(answer_factory("answered", [("Rembrandt painted it.", [])], CIT), support)
    assert (j.citation_recall, j.citation_precision, j.n_citations) == (0.0, 0.0, 0)


def test_refusal_is_not_judged(answer_factory: Callable[..., Answer], support: Support) -> None:
    j = judge_answer(answer_factory("refused"), support)
    assert j.sentences == [] and j.citation_recall is None and j.citation_precision is None
    assert not j.any_unsupported


def test_answer_text_without_sentences_counts_as_one_uncited_sentence(
    answer_factory: Callable[..., Answer], support: Support
) -> None:
    j = judge_answer(answer_factory("answered", text="Rembrandt painted it."), support)
    assert len(j.sentences) == 1 and j.any_unsupported


def test_citation_passage_keeps_title_and_creators(answer_factory: Callable[..., Answer]) -> None:
    citation = answer_factory("answered", [("x", [1])], CIT).citations[0]
    passage = citation_passage(citation)
    assert passage.text == NIGHT
    assert passage.source_id == "night"
    assert passage.title == "Night"
    assert passage.meta["creators_display"] == ""


def test_a_sentence_shown_in_the_visitors_language_is_judged_as_checked(
    answer_factory: Callable[..., Answer], support: Support
) -> None:
    from dataclasses import replace

    answer = answer_factory("answered", [("Rembrandt painted it.", [1])], CIT)
    shown = replace(
        answer.sentences[0], text="Rembrandt l'a peint.", checked="Rembrandt painted it."
    )
    answer.sentences = [shown]
    assert not judge_answer(answer, support).any_unsupported
    # Without the words it was checked in, the translation is judged as it stands.
    answer.sentences = [replace(shown, checked="")]
    assert judge_answer(answer, support).sentences[0].text == "Rembrandt l'a peint."
