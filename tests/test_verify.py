import pytest

from assistant.store import Passage, load_embeddings
from assistant.verify import Verifier

NIGHT_WATCH = Passage(
    "nw:1",
    "test-night-watch",
    "Rembrandt van Rijn finished this large group portrait of an Amsterdam civic militia "
    "company in 1642. The scene is not set at night. The painting was commissioned for the "
    "great hall of the Kloveniersdoelen.",
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


BASIN = Passage(
    "b:1",
    "test-basin",
    "It is made of hammered brass, inlaid with silver and gold, in the early 14th century. "
    "The metalworker's name appears six times. Two lions stand before the throne at the left, "
    "and a rider is seen at the right. It was owned by C. M. B. in the 1840s.",
    0.8,
    "text",
    {"title": "Basin", "creators_display": "Muhammad ibn al-Zayn (metalworker)"},
)


@pytest.mark.parametrize(
    "sentence",
    [
        "The metalworker's name appears 6 times.",  # a number word written as digits
        "Possibly it is made of hammered brass, inlaid with silver and gold.",  # an adverb
        "It was owned by C. M. B. in the 1840s.",
        "2 lions stand before the throne at the left.",
    ],
)
def test_accepts_the_same_facts_written_another_way(verifier, sentence):
    verdict = verifier.check(sentence, [1], {1: BASIN})
    assert verdict.ok, verdict.reason


@pytest.mark.parametrize(
    "sentence, reason",
    [
        ("The metalworker's name appears four times.", "number '4'"),
        ("The metalworker's name appears 16 times.", "number '16'"),
        ("It is made of hammered brass, inlaid with silver and gold, in the 12th century.", "12"),
        ("It was owned by C. M. B. in the 1810s.", "1810"),
        ("It is made of hammered brass, inlaid with tin and gold.", "material 'tin'"),
        ("Two lions stand after the throne at the left.", "'after'"),
        ("It was owned by A. R. T. in the 1840s.", "name 'a.r.t.'"),
        (
            "The metalworker's name appears six times, and the calendar is part of the book.",
            "not stated",
        ),
    ],
)
def test_rejects_a_changed_fact_by_its_kind(verifier, sentence, reason):
    verdict = verifier.check(sentence, [1], {1: BASIN})
    assert not verdict.ok and reason in verdict.reason, verdict.reason
