import pytest

from assistant.store import Passage, load_embeddings
from assistant.verify import Verifier

NIGHT_WATCH = Passage(
    "nw:1",
    "test-night-watch",
    "Rembrandt van Rijn finished this large group portrait of an Amsterdam civic militia "
    "company in 1642. The scene is not set at night. The painting is sometimes wrongly "
    "credited to Johannes Vermeer.",
    0.8,
    "text",
    {"title": "The Night Watch", "creators_display": "Rembrandt van Rijn (painter)"},
)
MONA = Passage(
    "ml:1",
    "test-mona-lisa",
    "The portrait is painted on a poplar wood panel, not on canvas. It hangs in the Louvre.",
    0.7,
    "text",
    {"title": "Mona Lisa", "creators_display": "Leonardo da Vinci (painter)"},
)
PASSAGES = {1: NIGHT_WATCH, 2: MONA}


@pytest.fixture(scope="module")
def verifier() -> Verifier:
    return Verifier(load_embeddings(""), min_support=0.55, min_coverage=0.7)


def test_accepts_a_faithful_copy(verifier):
    verdict = verifier.check("Rembrandt van Rijn finished the portrait in 1642.", [1], PASSAGES)
    assert verdict.ok, verdict.reason
    assert verdict.citations == [1]


def test_rejects_a_wrong_date(verifier):
    verdict = verifier.check("Rembrandt van Rijn finished the portrait in 1652.", [1], PASSAGES)
    assert not verdict.ok and "1652" in verdict.reason


def test_rejects_a_name_the_cited_passage_does_not_contain(verifier):
    verdict = verifier.check("Frans Hals finished the portrait in 1642.", [1], PASSAGES)
    assert not verdict.ok and verdict.reason.startswith("name ")


def test_rejects_a_negation_flip(verifier):
    verdict = verifier.check("The scene of The Night Watch is set at night.", [1], PASSAGES)
    assert not verdict.ok


def test_rejects_support_from_the_wrong_passage(verifier):
    # True of the Mona Lisa, but cited to the Night Watch passage.
    verdict = verifier.check("It is painted on a poplar wood panel.", [1], PASSAGES)
    assert not verdict.ok


def test_rejects_citation_to_a_source_it_was_not_given(verifier):
    verdict = verifier.check("The portrait hangs in the Louvre.", [7], PASSAGES)
    assert not verdict.ok and verdict.reason == "no citation to a retrieved source"


def test_rejects_an_uncited_sentence(verifier):
    assert not verifier.check("The portrait hangs in the Louvre.", [], PASSAGES).ok


def test_rejects_an_added_detail(verifier):
    verdict = verifier.check(
        "The portrait is painted on a gilded poplar panel with rubies.", [2], PASSAGES
    )
    assert not verdict.ok


def test_drops_citations_that_carry_nothing_of_the_claim(verifier):
    verdict = verifier.check(
        "The portrait is painted on a poplar wood panel, not on canvas.", [1, 2], PASSAGES
    )
    assert verdict.ok, verdict.reason
    assert verdict.citations == [2]
