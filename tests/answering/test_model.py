"""Asked about the work an object follows, by its maker's name: the stage and its parts."""

import pytest

from assistant.answering import parse, premises
from assistant.answering.reading import Ask, read
from tests.answering.collection import numbered


@pytest.mark.parametrize(
    "text, names",
    [
        ("Where is Anna Berg's vase today?", ["Anna Berg"]),
        ("Where is the vase by Anna Berg now?", ["Anna Berg"]),
        # A pronoun is no name; a maker as the subject credits the object, not a thing of hers.
        ("When did she make her vase?", []),
        ("Was it painted by Anna Berg?", []),
        ("Did Anna Berg make it?", []),
        # A work the question says the object is credits the object, and names no other.
        ("Isn't the jug, a gift of the mayor, a work by Anna Berg?", []),
        ("The jug is a vase by Anna Berg, isn't it?", []),
        ("Is Anna Berg's vase here too?", ["Anna Berg"]),
    ],
)
def test_the_names_a_text_credits_a_thing_to(text, names):
    assert parse.whose_works(text) == names


@pytest.mark.parametrize(
    "question, model",
    [
        # The Bronze Rider's record: "After Ernst Blom" (the model's maker), Karl Dahl (founder).
        ("Where is the horseman by Ernst Blom that the Bronze Rider copies?", "Ernst Blom"),
        ("Where is Blom's wax model of the Bronze Rider now?", "Blom"),
        # The name of one credited with the object itself, or none, asks about the object.
        ("Who cast Dahl's reduction, the Bronze Rider?", ""),
        ("Where is the Bronze Rider?", ""),
        ("When did Ernst Blom make the Bronze Rider?", ""),
    ],
)
def test_a_work_named_by_its_models_maker_is_the_model(question, model):
    assert premises.named_model(read(question), numbered("rider"), {"rider"}) == model


def test_read_as_about_the_model_no_catalogue_field_answers():
    reading = read("Where is the horseman by Ernst Blom that the Bronze Rider copies?")
    assert reading.fields
    model = reading.of_its_model()
    assert model.fields == frozenset()
    assert Ask.MODEL in model.asks and Ask.MAKER not in model.asks
    assert model.asks - {Ask.MODEL} <= reading.asks


@pytest.mark.parametrize(
    "question, as_model, claims",
    [
        # Crediting the model's maker with the object is a claim to correct ...
        ("Where is the horseman by Ernst Blom that the Bronze Rider copies?", False, 1),
        # ... but asked about the model, it is the model's maker named as such.
        ("Where is the horseman by Ernst Blom that the Bronze Rider copies?", True, 0),
        # Another maker is still corrected.
        ("Was the Bronze Rider cast by Anna Berg?", True, 1),
    ],
)
def test_the_models_maker_named_of_the_model_is_no_conflict(question, as_model, claims):
    reading = read(question)
    reading = reading.of_its_model() if as_model else reading
    assert len(premises.check(reading, numbered("rider"))) == claims


def _texts(*sentences: str) -> dict:
    from assistant.store import Passage

    return {1: Passage("c:1", "cast", " ".join(sentences), 0.5, "text", {"title": "Cast"})}


@pytest.mark.parametrize(
    "sentences, told",
    [
        # A sentence naming the model's maker with a year answers when the model was made ...
        (["Blom's marble, finished in 1682, stands in Leiden."], True),
        # ... not one without a year, nor a number that only looks like one, nor a year said
        # without him.
        (["Blom's marble stands in Leiden."], False),
        (["It copies Blom's marble (compare TM 54.671)."], False),
        (["Blom's marble stands in Leiden.", "This cast was made in 1690."], False),
    ],
)
def test_the_copys_texts_tell_what_is_asked_of_the_model(sentences, told):
    assert premises.told_of_model(_texts(*sentences), {"cast"}, "Blom", {Ask.DATE}) is told
