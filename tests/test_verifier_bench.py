"""bench/verifier: each edit keeps or breaks support by construction, and the runner scores.

No embedding model is loaded here (the runner's tiny run uses the hashing embedder); the
real run and its numbers live in bench/results/verifier.md.
"""

from __future__ import annotations

import random

import pytest

from assistant.fakes import HashingEmbedder
from assistant.text import has_negation, words
from bench.verifier import build, combine, paraphrase, perturb, run
from bench.verifier.edits import Context, Person, Vocab
from bench.verifier.report import markdown
from bench.verifier.sources import SourceObject, assign_splits, eligible, person

PASSAGE = (
    "Rembrandt van Rijn finished this large group portrait of an Amsterdam militia company "
    "in 1642. The painting was bought by the city of Amsterdam in 1715. It shows eighteen "
    "guardsmen and three drummers. The scene is set in daylight, not at night."
)
CTX = Context(
    PASSAGE,
    "The Night Watch",
    "Rembrandt van Rijn (painter, 1606–1669)",
    {"date": "1642", "medium": "oil on canvas", "place_made": "Amsterdam"},
)
VOCAB = Vocab(
    [
        Person("Rembrandt van Rijn", "Rijn", "Dutch"),
        Person("Frans Hals", "Hals", "Dutch"),
        Person("Judith Leyster", "Leyster", "Dutch"),
        Person("Jan Steen", "Steen", "Dutch"),
        Person("Utagawa Kuniyoshi", "Kuniyoshi", "Japanese"),
    ],
    {"oil", "tempera", "canvas", "silk", "paper", "ivory"},
)


def rng() -> random.Random:
    return random.Random(7)


@pytest.mark.parametrize(
    "rule, sentence",
    [
        (perturb.wrong_name, "Rembrandt van Rijn finished this group portrait in 1642."),
        (perturb.wrong_date, "The painting was bought by the city of Amsterdam in 1715."),
        (perturb.wrong_date, "The portrait was finished in the 17th century."),
        (perturb.wrong_number_digits, "It shows 18 guardsmen and three drummers."),
        (perturb.wrong_number_words, "It shows eighteen guardsmen and three drummers."),
        (perturb.wrong_place, "The painting was bought by the city of Amsterdam in 1715."),
        (perturb.wrong_material, "It is painted in oil on canvas."),
    ],
)
def test_a_swapped_value_appears_nowhere_in_what_the_verifier_sees(rule, sentence):
    edit = rule(sentence, CTX, rng(), VOCAB)
    assert edit is not None and edit.sentence != sentence
    new_words = set(words(edit.sentence)) - set(words(sentence))
    assert new_words, edit
    # The label follows from this: nothing shown to the verifier can back the new value.
    assert not new_words & CTX.forbidden, (edit, new_words & CTX.forbidden)


def test_a_person_is_replaced_by_a_person_of_the_same_nationality():
    edit = perturb.wrong_name("Rembrandt van Rijn finished it in 1642.", CTX, rng(), VOCAB)
    assert edit is not None
    assert edit.sentence.split(" finished")[0] in {"Frans Hals", "Judith Leyster", "Jan Steen"}


def test_a_date_range_moves_as_a_whole():
    ctx = Context("The first reconstruction was made in 1945–46.")
    edit = perturb.wrong_date("A first reconstruction was made in 1945–46.", ctx, rng(), VOCAB)
    assert edit is not None
    start, end = edit.sentence.rsplit(" ", 1)[1].rstrip(".").split("–")
    assert int(start) != 1945 and int(start[-2:]) + 1 == int(end) % 100


def test_an_antonym_contradicts_without_a_negation_word():
    edit = perturb.antonym(
        "The earliest militia portraits hang on the left wall.", CTX, rng(), VOCAB
    )
    assert edit is not None and not has_negation(edit.sentence)
    assert edit.sentence in {
        "The latest militia portraits hang on the left wall.",
        "The earliest militia portraits hang on the right wall.",
    }


def test_negation_is_added_or_removed():
    added = perturb.negation("The painting was bought by the city.", CTX, rng(), VOCAB)
    removed = perturb.negation("The scene is not set at night.", CTX, rng(), VOCAB)
    assert added is not None and added.sentence == "The painting was not bought by the city."
    assert removed is not None and not has_negation(removed.sentence)
    assert perturb.negation("It is not only a portrait.", CTX, rng(), VOCAB) is None


@pytest.mark.parametrize(
    "rule, sentence, expected",
    [
        (
            paraphrase.reorder,
            "In 1715, the city of Amsterdam bought the painting.",
            "The city of Amsterdam bought the painting in 1715.",
        ),
        (
            paraphrase.voice,
            "The painting was bought by the city of Amsterdam in 1715.",
            "The city of Amsterdam bought the painting in 1715.",
        ),
        (
            paraphrase.voice,
            "Rembrandt van Rijn painted the portrait in 1642.",
            "The portrait was painted by Rembrandt van Rijn in 1642.",
        ),
        (
            paraphrase.synonym,
            "It depicts a large militia company.",
            "It shows a big militia company.",
        ),
        (
            paraphrase.drop_clause,
            "The painting, which shows a militia company, was bought in 1715.",
            "The painting was bought in 1715.",
        ),
        (
            paraphrase.numeral,
            "It shows eighteen guardsmen and three drummers.",
            "It shows 18 guardsmen and three drummers.",
        ),
    ],
)
def test_paraphrases_say_what_the_original_said(rule, sentence, expected):
    edit = rule(sentence, CTX, rng(), VOCAB)
    assert edit is not None and edit.sentence == expected


@pytest.mark.parametrize(
    "rule, sentence",
    [
        # The date belongs to the purchase, not to "is": moving it would change the claim.
        (paraphrase.reorder, "It is one of several pieces of glass purchased by Walters in 1911."),
        # Dropping a hedge would turn a doubt into a fact.
        (paraphrase.drop_clause, "The panel, which is probably a copy, shows a saint."),
        # "the artist depicted" needs "showed", never "shown".
        (paraphrase.synonym, "The artist depicted a saint."),
    ],
)
def test_paraphrases_leave_alone_what_they_cannot_keep_true(rule, sentence):
    edit = rule(sentence, CTX, rng(), VOCAB)
    assert edit is None or "shown" not in edit.sentence


def test_an_added_detail_is_another_records_clause_about_the_same_noun():
    donor = "On the lid is a carved lion, which was a symbol of royal power in Persia."
    (noun, clause), *_ = combine.relative_clauses(donor)
    assert noun == "lion"
    edit = combine.added_detail("The painting shows a lion in a cage.", noun, clause, CTX)
    assert edit is not None
    assert edit.sentence == (
        "The painting shows a lion, which was a symbol of royal power in Persia, in a cage."
    )


def test_borrowed_text_must_say_something_the_passage_does_not():
    assert combine.neighbour_sentence("The painting was bought by the city in 1715.", CTX) is None
    other = "The vase was made in Delft for a merchant's table."
    assert combine.neighbour_sentence(other, CTX) is not None
    merged = combine.merge("It shows eighteen guardsmen.", other, CTX)
    assert merged is not None
    assert merged.sentence == (
        "It shows eighteen guardsmen, and the vase was made in Delft for a merchant's table."
    )


def _object(source_id: str, passage: str, group: str = "demo") -> SourceObject:
    sentences = [s for s in passage.replace(". ", ".\n").splitlines() if eligible(s)]
    return SourceObject(
        source_id=source_id,
        corpus="demo",
        title="The Night Watch",
        creators="Rembrandt van Rijn (painter, 1606–1669)",
        record={"creator": "Rembrandt van Rijn (painter, 1606–1669)", "date": "1642"},
        group=group,
        passage=passage,
        sentences=sentences,
        all_sentences=sentences,
        clause_sentences=sentences,
        words=frozenset(words(passage)),
    )


def test_every_candidate_is_labelled_by_its_kind():
    obj = _object("night-watch", PASSAGE)
    assign_splits([obj])
    candidates = list(build.sentence_candidates(obj, VOCAB, seed=1))
    kinds = {c.kind for c in candidates}
    assert {"exact", "paraphrase", "wrong_date", "wrong_number_words", "negation"} <= kinds
    for c in candidates:
        assert c.label == ("supported" if c.kind in build.SUPPORTED_KINDS else "unsupported")
        if c.kind != "exact":
            assert c.edit.sentence != c.original
    pair = build.to_pair(candidates[0])
    assert pair["split"] in {"train", "held"} and pair["passage"] == PASSAGE


def test_objects_that_share_a_sentence_share_a_half():
    shared = "The series was commissioned by William Walters in 1858."
    objects = [
        _object(f"walters-{i}", f"Object {i} is a small watercolour. {shared}") for i in range(12)
    ]
    objects.append(_object("other", "A lone bronze lion guards the gate of the palace."))
    assign_splits(objects)
    assert len({o.split for o in objects[:12]}) == 1


def test_creator_names_become_persons_and_cultures_do_not():
    callcott = person("Sir Augustus Wall Callcott (English, 1779-1844)")
    assert callcott == Person("Sir Augustus Wall Callcott", "Callcott", "English")
    assert person("Egyptian") is None
    assert person("Venetian ()") is None
    assert person("Sèvres Porcelain Manufactory (French, active 1756-present)") is None


def _pair(i: int, kind: str, sentence: str, split: str = "held") -> dict:
    return {
        "id": f"p{i}",
        "split": split,
        "kind": kind,
        "label": "supported" if kind in build.SUPPORTED_KINDS else "unsupported",
        "sentence": sentence,
        "passage": PASSAGE,
        "source_id": "night-watch",
        "title": "The Night Watch",
        "record": {"creator": "Rembrandt van Rijn (painter, 1606–1669)", "date": "1642"},
        "rule": "synonym" if kind == "paraphrase" else "",
        "change": "",
        "original": sentence,
        "donor_id": "",
        "corpus": "demo",
        "license": "CC-BY-4.0",
    }


PAIRS = [
    _pair(1, "exact", "It shows eighteen guardsmen and three drummers."),
    _pair(2, "paraphrase", "The city of Amsterdam purchased the painting in 1715."),
    _pair(3, "wrong_date", "The painting was bought by the city of Amsterdam in 1725."),
    _pair(4, "wrong_number_words", "It shows eighteen guardsmen and five drummers."),
]


def test_scores_follow_the_verdicts():
    accepted = {PAIRS[0]["sentence"], PAIRS[3]["sentence"]}

    def check(sentence, passage):
        return sentence in accepted, "" if sentence in accepted else "not stated", 0.9

    result = run.evaluate(PAIRS, ["held"], lambda: check)
    held = result["splits"]["held"]
    assert (held["overall"]["precision"], held["overall"]["recall"]) == (0.5, 0.5)
    assert held["by_kind"]["wrong_number_words"]["accepted"] == 1
    assert held["by_kind"]["wrong_date"]["balanced_accuracy"] == 0.75
    assert held["failures"][0]["kind"] == "wrong_number_words"
    assert held["missed"][0]["slot"] == "synonym"


def test_a_tiny_run_with_the_real_verifier_code(tmp_path):
    result = run.evaluate(PAIRS, ["held"], lambda: run.verifier_check(HashingEmbedder()))
    held = result["splits"]["held"]
    assert held["overall"]["n"] == 4
    # A changed year is never accepted: the verifier checks numbers literally.
    assert next(v for v in result["verdicts"]["held"] if v["id"] == "p3")["ok"] is False
    result.update(
        {
            "pairs_file": "pairs.jsonl",
            "model_load_seconds": 0.0,
            "anchors_llm_aggrefact_bacc": run.ANCHORS,
            "target": {**run.TARGET, "split": "held"},
            "handcheck": None,
            "environment": run.environment(),
        }
    )
    text = markdown(result)
    assert "## Per kind" in text and "wrong_date" in text and "77.4" in text
