"""premises: one table per rule; Reading + records -> the issues each rule finds."""

from dataclasses import replace
from datetime import date

import pytest

from assistant.answering import premises
from assistant.answering.catalogue import Lookups
from assistant.answering.reading import read
from tests.answering.collection import numbered, retriever

ALL = numbered("harbour", "ewer", "portrait")
_AGE = date.today().year - 1887  # how old Harbour at Dusk is this year


def claims(question: str, history=()) -> list[str]:
    return [i.claim for i in premises.check(read(question, list(history)), ALL)]


@pytest.mark.parametrize(
    "question, expected",
    [
        # maker
        ("Why did Edvard Munch paint Harbour at Dusk?", ["attributes it to Edvard, Munch"]),
        ("Who painted Harbour at Dusk?", []),
        ("Did Marta Lindqvist paint Harbour at Dusk?", []),
        ("Was Harbour at Dusk bought by Ernst Blom?", []),  # a buyer is not a maker
        # The maker of what it was made from made another object.
        ("Harbour at Dusk is based on a woodcut by Ernst Blom; when was it painted?", []),
        ("Was Harbour at Dusk copied after an old etching by Ernst Blom?", []),
        ("Harbour at Dusk follows a print by Ernst Blom. Is the print here?", []),
        # ... told in the visitor's own verb.
        ("Harbour at Dusk comes from woodcuts by Ernst Blom; when was it painted?", []),
        ("Harbour at Dusk takes its boats from an etching by Ernst Blom. Who painted it?", []),
        ("Harbour at Dusk might go back to one drawing by Ernst Blom; when was it painted?", []),
        ("Ernst Blom painted Harbour at Dusk from a sketch, right?", ["attributes it to Blom"]),
        # A clause that tells who made another thing the question names credits that thing.
        (
            "Harbour at Dusk hung beside a seascape that Ernst Blom painted. Who owned it?",
            [],
        ),
        # ... and the object, when the clause describes it by its own title or kind.
        (
            "Is the Harbour at Dusk that Ernst Blom painted in the museum?",
            ["attributes it to Blom, Ernst"],
        ),
        # Who made copies of it made the copies.
        ("Ernst Blom made plaster copies of Harbour at Dusk. When was it painted?", []),
        ("Ernst Blom made Harbour at Dusk. When was it painted?", ["attributes it to Blom"]),
        (
            "Harbour at Dusk is a painting by Ernst Blom, isn't it?",
            ["attributes it to Blom, Ernst"],
        ),
        # A maker's slot is checked against the makers, even when the title bears the name;
        # a possessive may name the sitter.
        (
            "Johanna Vos painted the Portrait of Johanna Vos herself, right?",
            ["attributes it to Vos"],
        ),
        ("Why does Johanna Vos's portrait show a prayer book?", []),
        # A possessive naming someone the object's own text names (a patron, an owner, a
        # sitter) is no maker's slot; a possessive naming someone the texts never do is.
        ("Why does Elin's Harbour at Dusk show fishing boats?", []),
        ("Why does Munch's Harbour at Dusk show fishing boats?", ["attributes it to Munch"]),
        ("Why does Marta Elin's Harbour at Dusk show fishing boats?", []),
        ("why did anna ancher paint harbour at dusk", ["attributes it to anna ancher"]),
        # "Why's", "What's": the "'s" of a question word is "is", no possessive name.
        ("Why's Harbour at Dusk so famous?", []),
        ("What's Harbour at Dusk painted on?", []),
        # date
        ("Harbour at Dusk was painted in 1790, right?", ["dates it to 1790"]),
        # A bare year is held to a record's one year (give or take a year); a year said as
        # approximate or as a bound, or against a record's span, has ten years' slack.
        ("Harbour at Dusk was painted in 1890, right?", ["dates it to 1890"]),
        ("Harbour at Dusk was painted in 1888, right?", []),
        ("Harbour at Dusk was painted around 1890, right?", []),
        ("Harbour at Dusk was painted in about the year 1890?", []),
        ("Harbour at Dusk was painted c. 1890, right?", []),
        ("Harbour at Dusk was painted before 1890, right?", []),
        ("Marta Lindqvist painted Harbour at Dusk in Gothenburg in 1880.", ["dates it to 1880"]),
        ("The Lidded Ewer with Cranes was made in 1222, right?", []),
        ("Was the Lidded Ewer with Cranes made in the 19th century?", ["dates it to 19th century"]),
        ("Who bought Harbour at Dusk in 1950?", []),  # the year of another event
        # Decades, centuries in words, and ages, as visitors give dates.
        ("Since Harbour at Dusk is from the 1920s, who bought it?", ["dates it to 1920s"]),
        ("Since Harbour at Dusk is from the 1880s, who bought it?", []),
        ("Is Harbour at Dusk a work of the 1700s?", ["dates it to 1700s"]),
        ("Is Harbour at Dusk a work of the 1800s?", []),
        (
            "Was the seventeenth-century Lidded Ewer with Cranes a gift?",
            ["dates it to seventeenth-century"],
        ),
        ("Was the thirteenth-century Lidded Ewer with Cranes a gift?", []),
        (f"Harbour at Dusk is about {_AGE} years old, isn't it?", []),
        (
            f"Harbour at Dusk is over {_AGE + 100} years old, isn't it?",
            [f"dates it to over {_AGE + 100} years old"],
        ),
        (
            f"The Lidded Ewer with Cranes is {_AGE + 2100:,} years old, right?",
            [f"dates it to {_AGE + 2100:,} years old"],
        ),
        (f"The Lidded Ewer with Cranes is about {_AGE + 670:,} years old, right?", []),
        ("Harbour at Dusk shows a man 67 years old, right?", []),  # a sitter's age, not a date
        # An object described in its record's words, not named by title, is checked too.
        (
            "Is the lustre fritware ewer of Ali ibn Husayn from the 1500s?",
            ["dates it to 1500s"],
        ),
        # material
        ("Why is Harbour at Dusk painted on panel?", ["says it is panel"]),
        ("Is the Portrait of Johanna Vos on oak?", []),
        # The record's British spelling ("lustre") and the visitor's American one are one word.
        ("Was the Lidded Ewer with Cranes finished in a luster glaze?", []),
        ("Was the Lidded Ewer with Cranes finished in a gold glaze?", ["says it is gold"]),
        # A choice offered is no claim, even where one choice is another object's medium.
        ("harbour at dusk panel or paper", []),
        # A general word for a material: true of what it covers, false of anything else.
        ("Is the Lidded Ewer with Cranes carved from stone?", ["says it is stone"]),
        ("Is the Lidded Ewer with Cranes made of metal?", ["says it is metal"]),
        # place
        ("Marta Lindqvist painted Harbour at Dusk in Bergen, didn't she?", ["places it in Bergen"]),
        ("Harbour at Dusk was painted in Gothenburg, right?", []),
        # A place the object's own texts give, named without crediting the making to it.
        ("What happened to Harbour at Dusk in Copenhagen?", []),
        (
            "Marta Lindqvist painted Harbour at Dusk in Copenhagen, didn't she?",
            ["places it in Copenhagen"],
        ),
        # ... also when the question credits the maker elsewhere: only the verb the place is
        # said with makes it the place of making.
        ("Marta Lindqvist's Harbour at Dusk was shown in Copenhagen, wasn't it?", []),
        (
            "After Marta Lindqvist painted Harbour at Dusk, was it shown in Bergen?",
            ["places it in Bergen"],
        ),
        # Where it was found is the record's find-spot, not where it was made.
        ("The Lidded Ewer with Cranes was dug up at Rayy, wasn't it?", []),
        ("The Lidded Ewer with Cranes was dug up at Nishapur, right?", ["places it in Nishapur"]),
        # institution
        ("Harbour at Dusk hangs in the Louvre, right?", ["places it in Louvre"]),
        ("Is Harbour at Dusk in the Test Museum?", []),
        # A sentence about a thing called by a name the object does not bear is that thing's:
        # where it hangs, when and by whom it was made.
        ("Blom's Grey Sea hangs at the Prado. Who was the painter of Harbour at Dusk?", []),
        ("The Grey Sea panel is in the Prado. What year is Harbour at Dusk from?", []),
        ("The Grey Sea was painted in 1650. What year is Harbour at Dusk from?", []),
        ("Blom's Grey Sea dates from 1650. How old is Harbour at Dusk?", []),
        ("Anna Berg etched Blom's Grey Sea in 1732. Who was the painter of Harbour at Dusk?", []),
        # ... not one called by its own title, its maker or its culture.
        ("The Harbour at Dusk painting hangs in the Louvre, right?", ["places it in Louvre"]),
    ],
)
def test_record_rules(question, expected):
    assert claims(question) == expected


def test_a_record_that_dates_itself_about_a_year_keeps_the_slack():
    exact = numbered("harbour")
    about = {
        n: replace(p, meta={**p.meta, "date": "ca. 1887"}) if p.kind == "record" else p
        for n, p in exact.items()
    }
    question = read("Harbour at Dusk was painted in 1890, right?")
    assert [i.claim for i in premises.check(question, exact)] == ["dates it to 1890"]
    assert premises.check(question, about) == []


@pytest.mark.parametrize(
    "language, question, expected",
    [
        ("fr", "Marta Lindqvist a peint Harbour at Dusk en 1890, non ?", ["dates it to 1890"]),
        ("fr", "Marta Lindqvist a peint Harbour at Dusk vers 1890, non ?", []),
        ("es", "Marta Lindqvist pintó Harbour at Dusk hacia el año 1890, ¿no?", []),
        ("de", "Marta Lindqvist hat Harbour at Dusk 1890 gemalt, oder?", ["dates it to 1890"]),
        ("de", "Marta Lindqvist hat Harbour at Dusk um 1890 gemalt, oder?", []),
        ("nl", "Marta Lindqvist heeft Harbour at Dusk rond 1890 geschilderd.", []),
        ("it", "Marta Lindqvist ha dipinto Harbour at Dusk intorno al 1890?", []),
    ],
)
def test_a_bare_year_is_held_to_the_record_in_every_language(language, question, expected):
    reading = read(question, [], language=language)
    issues = premises.check(reading, ALL, meant={ALL[1].source_id})
    assert [i.claim for i in issues] == expected


@pytest.mark.parametrize(
    "language, question, expected",
    [
        # No object named or clearly nearest: a claim wrong of every object found is wrong
        # of the one meant, whichever it is, and each one's record says so ...
        ("fr", "Il a été peint en 1950, n'est-ce pas ?", ["dates it to 1950"] * 2),
        ("de", "Das wurde 1950 gemacht, oder?", ["dates it to 1950"] * 2),
        # ... but one any of them bears out may be true of the one meant.
        ("fr", "Il a été peint en 1887, n'est-ce pas ?", []),
        ("it", "È stato dipinto nel 1210, vero?", []),
    ],
)
def test_a_claim_every_object_found_contradicts_is_corrected(language, question, expected):
    reading = read(question, [], language=language)
    issues = premises.check(reading, numbered("harbour", "ewer"))
    assert [i.claim for i in issues] == expected


@pytest.mark.parametrize(
    "language, question, expected",
    [
        # A name said right after the title with "of" credits it, in English or in the
        # visitor's own title for it.
        ("nl", "Wat zie je op Haven bij schemering van Pieter Hendrikse?", ["Pieter Hendrikse"]),
        ("it", "Cosa si vede in Harbour at Dusk di Ottavio Berrini?", ["Ottavio Berrini"]),
        ("nl", "Wat zie je op Haven bij schemering van Marta Lindqvist?", []),
        # Her name in that language's spelling is hers.
        ("es", "¿Qué muestra Harbour at Dusk de Lindqvisto?", []),
        # Someone its texts speak of (a sitter, an owner) is no false maker; a name elsewhere
        # is not after the title.
        ("fr", "Que fait la sœur Elin dans Harbour at Dusk d'Elin ?", []),
        ("de", "Hat Ernst Blom den Hafen in der Dämmerung gekauft?", []),
    ],
)
def test_a_name_after_the_title_with_of_credits_it(language, question, expected):
    reading = read(question, [], language=language)
    issues = premises.check(reading, ALL, meant={ALL[1].source_id})
    assert [name for i in issues for name in i.said] == expected


@pytest.mark.parametrize(
    "question, fix",
    [
        # Said with a verb of finding, the wrong place is corrected by the find-spot ...
        ("The Lidded Ewer with Cranes was excavated at Nishapur, right?", "was found in Rayy"),
        ("The Lidded Ewer with Cranes turned up in Nishapur, didn't it?", "was found in Rayy"),
        # ... and with a verb of making, by where it was made.
        ("The Lidded Ewer with Cranes was glazed in Nishapur, right?", "was made in Kashan"),
    ],
)
def test_a_wrong_find_spot_is_corrected_by_the_records_find_spot(question, fix):
    (issue,) = premises.check(read(question), ALL)
    assert fix in issue.correction


@pytest.mark.parametrize(
    "question, expected",
    [
        # A material the texts give a part ("its first brass key") is the part's, which the
        # medium need not list; said of the object's own kind, or of another part, it is a claim.
        ("Does the brass key of the Oak Marriage Chest still turn?", []),
        ("Do the brass keys of the Oak Marriage Chest still turn?", []),
        ("Is the Oak Marriage Chest a brass chest?", ["says it is brass"]),
        ("Does the brass handle of the Oak Marriage Chest still turn?", ["says it is brass"]),
    ],
)
def test_a_material_of_a_part_the_texts_name(question, expected):
    found = premises.check(read(question), numbered("chest"))
    assert [i.claim for i in found] == expected


@pytest.mark.parametrize(
    "question, history, expected",
    [
        # A follow-up is checked against the object of the conversation.
        (
            "No, I'm sure Munch painted it.",
            ["Who painted Harbour at Dusk?"],
            ["attributes it to Munch"],
        ),
        pytest.param(
            "No, I'm sure Edvard Munch painted it.",
            ["Who painted Harbour at Dusk?"],
            ["attributes it to Edvard, Munch"],
            marks=pytest.mark.xfail(
                strict=True, reason="g: a full name in a follow-up clause reads as another object's"
            ),
        ),
        ("When was it made?", ["Who painted Harbour at Dusk?"], []),
    ],
)
def test_follow_ups_are_checked_against_the_object_discussed(question, history, expected):
    assert claims(question, history) == expected


@pytest.mark.parametrize(
    "question",
    [
        # c: a question that states something true, or nothing, is not corrected.
        "Since Marta Lindqvist painted Harbour at Dusk in 1887, what are the boats doing?",
        "Harbour at Dusk has been in the Test Museum since 1950. Who painted it?",
        "Lindqvist painted Harbour at Dusk in Gothenburg in June 1887. What time of day is it?",
        "Pieter de Wit painted the Portrait of Johanna Vos on oak rather than canvas. Who was she?",
        "Hannah Silver wrote about Harbour at Dusk in her diary; who painted it?",
        "Good morning! Quick one about Harbour at Dusk: who painted it?",
        "Marta Lindqvist painted Harbour at Dusk, which the Test Museum now owns. What is shown?",
        "A visitor slashed Harbour at Dusk in 1975 and it was restored, right?",
        "Pieter de Wit's Portrait of Johanna Vos was auctioned in 1910, wasn't it?",
    ],
)
def test_true_or_no_premises_are_not_corrected(question):
    assert claims(question) == []


@pytest.mark.parametrize(
    "question, expected",
    [
        ("Was Harbour at Dusk painted by Edvard Munch?", ["attributes it to Edvard, Munch"]),
        ("Munch's Harbour at Dusk is lovely. When was it made?", ["attributes it to Munch"]),
        ("I read that Harbour at Dusk is a Munch.", ["attributes it to Munch"]),
        ("Harbour at Dusk is painted on silk, isn't it?", ["says it is silk"]),
    ],
)
def test_false_premises_in_a_makers_slot_are_still_corrected(question, expected):
    assert claims(question) == expected


@pytest.mark.parametrize(
    "question, expected",
    [
        # A possessive credits the work when it owns the work: its title, its kind, a work.
        ("Why is Munch's portrait of Johanna Vos so dark?", ["attributes it to Munch"]),
        ("Why is Harbour at Dusk, Munch's painting, so grey?", ["attributes it to Munch"]),
        ("Is Munch's painting Harbour at Dusk on view?", ["attributes it to Munch"]),
        # ... not when it owns something else: a figure's body, clothes, animal, family.
        ("What is the bird doing by Saint Blaise's feet in Harbour at Dusk?", []),
        ("Why is Napoleon's horse so small in Harbour at Dusk?", []),
        ("Does the cloak on Edvard Munch's shoulders in Harbour at Dusk mean anything?", []),
    ],
)
def test_a_possessive_credits_the_work_it_owns_only(question, expected):
    assert claims(question) == expected


@pytest.mark.parametrize(
    "question, expected",
    [
        # A name that calls the work "his" or "hers" credits it, whatever the verb.
        (
            "What made Edvard Munch choose grey for his Harbour at Dusk?",
            ["attributes it to Edvard Munch"],
        ),
        ("Why did Lindqvist choose grey for her Harbour at Dusk?", []),
        ("Ali ibn Husayn put cranes on his ewer: why cranes?", []),
        # ... read like a possessive: someone the texts name may call it theirs too.
        ("Why did Johanna Vos want her Portrait of Johanna Vos so plain?", []),
        # ... and not after a verb of owning, giving or showing.
        ("Why did Gerrit Blom buy his Harbour at Dusk?", []),
        ("Did Edvard Munch hang his Harbour at Dusk by the window?", []),
    ],
)
def test_a_name_that_calls_the_work_his_is_credited_with_it(question, expected):
    assert claims(question) == expected


@pytest.mark.parametrize(
    "question, expected",
    [
        # Two objects of one name: a maker one of them bears out is no false premise.
        ("Did Elin Sandberg paint the Harbour at Dusk copy?", set()),
        ("When did Marta Lindqvist paint Harbour at Dusk?", set()),
        ("When did Edvard Munch paint Harbour at Dusk?", {"attributes it to Edvard, Munch"}),
    ],
)
def test_a_maker_of_a_look_alike_is_no_false_premise(question, expected):
    both = numbered("harbour", "harbour-copy")
    found = {i.claim for i in premises.check(read(question), both)}
    assert found == expected


@pytest.mark.parametrize(
    "question, expected",
    [
        # ... nor a material one of them bears out: the visitor describes that one.
        ("Is the Harbour at Dusk done in watercolour?", set()),
        ("Was the Harbour at Dusk done on copper?", {"says it is copper"}),
    ],
)
def test_a_material_of_a_look_alike_is_no_false_premise(question, expected):
    both = numbered("harbour", "harbour-copy")
    found = {i.claim for i in premises.check(read(question), both)}
    assert found == expected


@pytest.mark.parametrize(
    "question, expected",
    [
        ("Is the Relief of a Scribe carved in stone?", set()),
        ("Is the Relief of a Scribe limestone?", set()),
        ("Is the Relief of a Scribe cast in metal?", {"says it is metal"}),
        ("Is the Relief of a Scribe carved in granite?", {"says it is granite"}),
    ],
)
def test_a_general_material_word_covers_the_media_of_its_kind(question, expected):
    found = {i.claim for i in premises.check(read(question), numbered("relief"))}
    assert found == expected


@pytest.mark.parametrize(
    "question, expected",
    [
        # The parser takes "the Elder" for the subject: a name the object's texts use is its
        # saint's, and the sentence that names the object by its title is about it.
        (
            "The Pilgrim Ampulla of Saint Aldo the Elder is from 1790, right?",
            ["dates it to 1790"],
        ),
        (
            "The clay pilgrim ampulla showing Saint Aldo the Elder is from 1790?",
            ["dates it to 1790"],
        ),
        ("The clay pilgrim ampulla showing Saint Aldo the Elder is from 550?", []),
    ],
)
def test_a_name_the_objects_text_uses_is_its_subject(question, expected):
    issues = premises.check(read(question), numbered("ampulla"))
    assert [i.claim for i in issues] == expected


@pytest.mark.parametrize(
    "question, expected",
    [
        # A material or place the verb says of the object described is checked as of one
        # named; the words that pick the object out are the visitor's description of it.
        (
            "The lustre jug with two flying cranes was fired in Tabriz, right?",
            ["places it in Tabriz"],
        ),
        ("The lustre jug with two flying cranes is cast bronze, isn't it?", ["says it is bronze"]),
        ("The lustre jug with two flying cranes was fired in Kashan, right?", []),
        ("Who made the bronze jug with two flying cranes?", []),
        ("The jug from Tabriz with two flying cranes: who made it?", []),
        ("Who owns the jug made of bronze with two flying cranes?", []),
    ],
)
def test_what_is_said_of_an_object_described_is_checked(question, expected):
    described = premises.check_described(
        read(question), numbered("ewer"), {"ewer"}, Lookups(retriever())
    )
    assert [i.claim for i in described.issues] == expected


@pytest.mark.parametrize(
    "question, expected",
    [
        # Kashan is in Iran, Delft in Holland: a country that holds the record's town.
        ("The Lidded Ewer with Cranes was made in Iran, right?", []),
        ("The Lidded Ewer with Cranes was made in Egypt, right?", ["places it in Egypt"]),
        ("Pieter de Wit painted the Portrait of Johanna Vos in Holland?", []),
        ("Pieter de Wit painted the Portrait of Johanna Vos in Antwerp?", ["places it in Antwerp"]),
    ],
)
def test_a_place_that_holds_the_records_town_is_no_false_premise(question, expected):
    assert claims(question) == expected


@pytest.mark.parametrize(
    "text, word, asserted",
    [
        ("The lustre jug is cast bronze, isn't it?", "bronze", True),
        ("The lustre jug was fired in Tabriz, right?", "Tabriz", True),
        ("Who made the bronze jug?", "bronze", False),
        ("The jug from Tabriz is lovely; who made it?", "Tabriz", False),
        ("The jug made of bronze is lovely; who made it?", "bronze", False),
        # A fragment whose root is its preposition (a follow-up "in Tabriz?") ends the walk.
        ("in Tabriz?", "Tabriz", False),
        ("of bronze", "bronze", False),
    ],
)
def test_a_word_the_verb_asserts_and_one_that_describes(text, word, asserted):
    import threading

    from assistant.answering import parse

    found: list[bool] = []
    walk = threading.Thread(
        target=lambda: found.append(parse.predicated(text, text.index(word))), daemon=True
    )
    walk.start()
    walk.join(10)  # the walk up the parse once never ended at a root that is a preposition
    assert found == [asserted]


def test_each_object_is_checked_against_its_own_part_of_the_question():
    question = "Which is older, Lindqvist's Harbour at Dusk or de Wit's Portrait of Johanna Vos?"
    assert claims(question) == []


@pytest.mark.parametrize(
    "sentence, question, expected",
    [
        ("The set has twelve cups.", "The set has twenty cups, right?", True),
        ("The set has twelve cups.", "Does the set have twelve cups?", False),
        ("It was sold for 3,000 dollars.", "It sold for three million dollars, right?", True),
        # An age, however it is said.
        (
            "She was about sixty years old when she painted it.",
            "She painted it when she was about twenty, right?",
            True,
        ),
        ("He carved it at the age of 40.", "Was he forty when he carved it?", False),
        ("He carved it at the age of 40.", "He carved it aged 19, didn't he?", True),
        ("He carved it at the age of 40.", "Was he only twenty when he carved it?", True),
        ("He carved it at the age of 40.", "Was he in Rome when he carved it?", False),
        # "One ..., the other ..." picks one of them; it counts nothing.
        (
            "One swan holds the ring in its beak, the other the pin.",
            "The silver brooch with the two swans - how does it close?",
            False,
        ),
        ("One swan and three herons are shown.", "It shows two swans, right?", True),
        # "One <part> of <a whole>" says which whole it belongs to; it counts nothing.
        (
            "These three wings were part of a triptych.",
            "The leaf was one wing of a triptych. What does it show?",
            False,
        ),
        ("These three wings were part of a triptych.", "The triptych had one wing?", True),
    ],
)
def test_count_rule(sentence, question, expected):
    assert premises.count_differs(sentence, read(question).said) is expected


@pytest.mark.parametrize(
    "question, framing, refuted",
    [
        ("Is the Lidded Ewer with Cranes cursed?", "cursed", False),
        ("Did aliens paint Harbour at Dusk?", "aliens", False),
        ("Who painted Harbour at Dusk?", None, False),
    ],
)
def test_loaded_framings(question, framing, refuted):
    found = premises.check_loaded(read(question), ALL)
    assert [c.claim for c in found] == ([framing] if framing else [])
    assert all((c.correction is not None) is refuted for c in found)


@pytest.mark.parametrize(
    "sentence, question, expected",
    [
        # A denial that speaks of what the visitor asserts refutes it.
        (
            "The boats are not returning; they are setting out.",
            "The boats are returning, right?",
            True,
        ),
        # A denial that shares one word with a question answers something else.
        (
            "The ewer is not made of porcelain or glass.",
            "Why are the cranes on the Persian ewer?",
            False,
        ),
        # A denial of the very thing the visitor asserts, however common the word.
        ("Harbour at Dusk is a drawing, not a painting.", "Surely it's a painting, right?", True),
        # A denial of a word of the object's title denies nothing the visitor says.
        (
            "It was not made by a Cranes workshop.",
            "The Ewer with Cranes is lovely, isn't it?",
            False,
        ),
        # The same word in another part of speech is another word.
        (
            "The rest is never wasted but left for the wolves.",
            "Why does the horse on the left look so jumpy?",
            False,
        ),
        # A negation inside a name is not a denial.
        ("Ono no Tofu watches a frog.", "Why is there a frog in the print?", False),
        # A negated judgement of a clause says the clause ("not surprising that it is lost")
        # ...
        (
            "It is not surprising that the companion portrait is lost.",
            "I know the companion portrait was lost. What does she hold?",
            False,
        ),
        # A belief the text calls popular or common is one it does not hold.
        (
            "The ewer is often buried in sand, which led to the popular idea that it is a lamp.",
            "Is the Persian ewer really a lamp?",
            True,
        ),
        (
            "It is commonly thought that the boats were painted from memory.",
            "Were the boats in Harbour at Dusk painted from memory?",
            True,
        ),
        # ... but not a belief about something the visitor does not say.
        (
            "It was widely believed that cranes brought luck.",
            "When was the ewer with cranes glazed?",
            False,
        ),
        # ... while "not true that" denies it.
        (
            "It is not true that the companion portrait is lost.",
            "I know the companion portrait was lost. What does she hold?",
            True,
        ),
        # "Not only X but also Y" says X; a denial ends with its clause; and a word shared
        # deep in the denied phrase is not what it denies.
        (
            "The cranes were not only decoration but also a wish for long life.",
            "The cranes are decoration, right? What glaze is used?",
            False,
        ),
        (
            "Though sail no longer carries the river's cargo, the barges still race each summer.",
            "The barges still race each summer, right? Who painted the harbour?",
            False,
        ),
        # "No." before a number abbreviates "number".
        (
            "See the 1976 catalogue, no. 410, for the harbour.",
            "Why is the harbour of 1976 so dark, if it's not 410 years old?",
            False,
        ),
        # (An aside between commas after the negation is not what it denies.)
        (
            "It is not, however, the oldest view of the harbour.",
            "Surely it's the oldest view of the harbour?",
            True,
        ),
        (
            "Falconry is no longer a common way of hunting hares.",
            "The falconer on the ewer hunts hares, doesn't he? Which bird does he carry?",
            False,
        ),
    ],
)
def test_refuting_sentences(sentence, question, expected):
    assert premises.refutes(sentence, read(question), ["Lidded Ewer with Cranes"]) is expected


@pytest.mark.parametrize(
    "sentence, question, expected",
    [
        # A denial of the same kind of claim refutes it, whatever the words.
        ("She painted it in Gothenburg, not in Norway.", "Why did she paint it in Oslo?", True),
        ("The ewer is fritware, not porcelain or stone.", "The ewer is jade, isn't it?", True),
        ("The ewer is fritware, not porcelain or stone.", "Why are cranes on the ewer?", False),
        # ... unless it is said of the object's name, not of the object.
        (
            "The name Cranes is recent and has nothing to do with Persia.",
            "Why is the ewer from Persia known as Cranes?",
            False,
        ),
        (
            "The ewer has nothing to do with Persia; it was made in Egypt.",
            "Why is the ewer from Persia known as Cranes?",
            True,
        ),
        ("Its nickname does not come from Spain.", "It was made in Spain, wasn't it?", False),
        ("The ewer does not come from Spain.", "It was made in Spain, wasn't it?", True),
        ("Its nickname does not come from Spain.", "Its nickname comes from Spain, right?", True),
        # A story called a legend denies it; a saint's legend told is no denial.
        (
            "That the potter was blind is a legend without support.",
            "The brass ewer was made by a blind potter, right?",
            True,
        ),
        (
            "Its scenes make the saint's legend easier to remember than a reading.",
            "Monks and a brass ewer showing the life of Saint Anna: did they use it?",
            False,
        ),
    ],
)
def test_a_denial_of_the_kind_claimed_refutes(sentence, question, expected):
    assert premises.refutes(sentence, read(question), ["Lidded Ewer with Cranes"]) is expected


@pytest.mark.parametrize(
    "sentence, question, expected",
    [
        # The year of another event is checked against the text that dates that event.
        ("The ewer was excavated at Rayy in 1923.", "The ewer was dug up in 1880, right?", True),
        ("The ewer was excavated at Rayy in 1923.", "The ewer was found in 1923?", False),
        ("The ewer was bought in 1931.", "The ewer was found in 1880, right?", False),
    ],
)
def test_event_dates(sentence, question, expected):
    assert premises.refutes(sentence, read(question), ["Lidded Ewer with Cranes"]) is expected


@pytest.mark.parametrize(
    "sentence, title, expected",
    [
        # A title's own "not" denies nothing; the same words outside a title do.
        ("Gone Not Forgotten is dated 1879.", "Gone Not Forgotten", False),
        ("The ewer is not dated 1879.", "Lidded Ewer with Cranes", True),
    ],
)
def test_a_negation_inside_a_title_denies_nothing(sentence, title, expected):
    question = "Was it made in 1650, as the label says?"
    assert premises.refutes(sentence, read(question), [title]) is expected


@pytest.mark.parametrize(
    "sentence, denied",
    [
        # The words after the negation, to the end of their clause.
        ("It is made of faience, not of stone, and painted blue.", (" of stone", False)),
        ("The jar is no longer used for oil while its lid survives.", (" used for oil", False)),
        # A belief the text calls wrong is denied whole.
        ("The idea that it was made in Rome is a myth.", (None, True)),
        # What only adds, a catalogue number, an aside and a name deny nothing.
        ("It is not only a jar but also a lamp.", None),
        ("It is catalogue no. 410 in the list.", None),
        ("The bowl was found at Ono no Komachi's grave.", None),
        ("It is not, however, the first of its kind.", (" the first of its kind", False)),
    ],
)
def test_what_a_sentence_denies(sentence, denied):
    from assistant.answering.premises.refuting import denial

    found = denial(sentence)
    if denied is None:
        assert found is None
    else:
        text, whole = denied
        assert found is not None and found.whole is whole
        assert found.text == (sentence if text is None else text)


@pytest.mark.parametrize(
    "question, places",
    [
        ("Was the harbour painted in Gothenburg?", ["gothenburg"]),
        # A small word that opens a title after "in" is no place.
        ("Why is the woman in My Aunt Is Away closing a curtain?", []),
        ("What is in The Hay Wain?", []),
    ],
)
def test_a_small_word_after_in_is_no_place(question, places):
    assert [c.value for c in read(question).said.of("place")] == places


@pytest.mark.parametrize(
    "question, places",
    [
        ("Was the ewer brought from Kashan?", ["kashan"]),
        # A name that ends in a possessive is a person's, whatever preposition is before it.
        ("Did he get letters from King Gull XV's court?", []),
        ("Was it a gift from Anna's family?", []),
    ],
)
def test_a_possessor_is_no_place(question, places):
    assert [c.value for c in read(question).said.of("place")] == places


@pytest.mark.parametrize(
    "question, expected",
    [
        # A general word covers the material of every kind it names.
        ("Is the Lidded Ewer with Cranes made of ceramic?", []),
        ("Is the Lidded Ewer with Cranes made of stone?", ["says it is stone"]),
    ],
)
def test_a_general_material_covers_its_kinds(question, expected):
    assert [i.claim for i in premises.check(read(question), numbered("ewer"))] == expected


@pytest.mark.parametrize(
    "question, expected",
    [
        # Beside the material it has, one it lacks is another version's.
        ("The Lidded Ewer with Cranes was first cast in bronze, later copied in fritware?", []),
        ("The Lidded Ewer with Cranes was first cast in bronze?", ["says it is bronze"]),
        # Its material said to name it, not by a verb: the other is still a claim about it.
        ("Was the fritware Lidded Ewer with Cranes really cast in bronze?", ["says it is bronze"]),
    ],
)
def test_a_material_beside_the_one_it_has_is_another_versions(question, expected):
    assert [i.claim for i in premises.check(read(question), numbered("ewer"))] == expected


@pytest.mark.parametrize(
    "question, expected",
    [
        # Clay is what every fired body is made of; faience and frit are made of quartz.
        ("Is the Pilgrim Ampulla of Saint Aldo made of clay?", []),
        ("Is the Pilgrim Ampulla of Saint Aldo made of baked clay?", []),
        ("Is the Pilgrim Ampulla of Saint Aldo made of glass?", ["says it is glass"]),
    ],
)
def test_clay_covers_the_fired_clay_bodies(question, expected):
    assert [i.claim for i in premises.check(read(question), numbered("ampulla"))] == expected


@pytest.mark.parametrize(
    "question, medium, expected",
    [
        # A tree names a wood: "wood" is true of oak, and pine is not oak.
        ("Is the Oak Marriage Chest made of wood?", "carved oak with iron fittings", set()),
        ("Is the Oak Marriage Chest made of pine?", "carved oak", {"says it is pine"}),
        ("Is the Oak Marriage Chest carved from walnut?", "carved oak", {"says it is walnut"}),
        # A record that says only "wood" neither confirms nor denies the tree the visitor names.
        ("Is the Oak Marriage Chest made of pine?", "painted wood", set()),
        ("Is the Oak Marriage Chest carved in limestone?", "stone", set()),
        ("Is the Oak Marriage Chest made of bronze?", "painted wood", {"says it is bronze"}),
        # A panel is a painting's wooden support: "wood" leaves it unchecked, canvas does not.
        ("What is painted on the Oak Marriage Chest panel?", "painted wood", set()),
        ("What is painted on the Oak Marriage Chest panel?", "oil on canvas", {"says it is panel"}),
    ],
)
def test_woods_are_materials_and_a_general_medium_leaves_the_kind_unchecked(
    question, medium, expected
):
    chest = {n: replace(p, meta={**p.meta, "medium": medium}) for n, p in numbered("chest").items()}
    assert {i.claim for i in premises.check(read(question), chest)} == expected


@pytest.mark.parametrize(
    "word, known, same",
    [
        # A name in another language's spelling starts as the record's does.
        ("leonard", "leonardo", True),
        ("tintoret", "tintoretto", True),
        ("caravage", "caravaggio", True),
        # ... but a shared start of a few letters is no same name.
        ("vermeer", "vermeulen", False),
        ("jan", "jansen", False),
    ],
)
def test_a_name_spelled_another_languages_way_is_the_records(word, known, same):
    from assistant.answering.config import DEFAULT
    from assistant.answering.premises.maker import _same_name

    assert _same_name(word, known, DEFAULT) is same


@pytest.mark.parametrize(
    "question, sentence, refuting",
    [
        # A story told to ask about it ends by asking: a sentence that counts or dates what
        # it counts or dates, with another number, still says the story is wrong ...
        (
            "The chest has about forty drawers. Who carved its frieze?",
            "The chest has four drawers.",
            True,
        ),
        (
            "The ewer was dug up in 1880. What do the cranes mean?",
            "The ewer was excavated at Rayy in 1923.",
            True,
        ),
        # ... not when the story gives that number too, counting another way ...
        (
            "The chest has four drawers, and forty drawers with its stand. Who carved it?",
            "The chest has four drawers.",
            False,
        ),
        # ... nor a year before a thing, which dates it and counts nothing.
        (
            "The 1530 chest stood in a hall. Who carved its frieze?",
            "Two chests stood there.",
            False,
        ),
        # ... the same number, or a denial of words of the story, does not.
        (
            "The chest has four drawers. Who carved its frieze?",
            "The chest has four drawers.",
            False,
        ),
        (
            "The chest stood at the foot of the bed. Who carved its frieze?",
            "The chest did not stand in the hall.",
            False,
        ),
        # Asserted outright, a denial of what is said refutes it.
        ("The chest stood in the hall, right?", "The chest did not stand in the hall.", True),
    ],
)
def test_a_story_that_ends_by_asking_is_refuted_by_another_number(question, sentence, refuting):
    from assistant.answering import compose
    from assistant.answering.rank import Candidate

    found = compose.refuting(read(question), [Candidate(sentence, [1], "source")], False, {})
    assert bool(found) is refuting


@pytest.mark.parametrize(
    "others, refuting",
    [
        # Another number in the evidence refutes the story's count ...
        ([], True),
        # ... unless another sentence counts it as the visitor does: the other number counts
        # another thing (the sister plaque's "two boys").
        (["Here three boys chase a dog."], False),
        (["Here five boys chase a dog."], True),
    ],
)
def test_a_count_the_evidence_also_gives_is_refuted_by_no_other_number(others, refuting):
    from assistant.answering import compose
    from assistant.answering.rank import Candidate

    question = "The plaque shows three boys and a dog. Is its sister plaque here?"
    sentences = ["Between the two boys is scratched a love-knot.", *others]
    candidates = [Candidate(s, [n], "source") for n, s in enumerate(sentences, start=1)]
    found = compose.refuting(read(question), candidates, False, {})
    assert any("two boys" in c.text for c in found) is refuting


@pytest.mark.parametrize(
    "question, refuting",
    [
        # The count a title gives is its name: "two women" in its text denies no claim.
        ("Whoever made The Three Women Dancing used a Roman model. Which one?", False),
        ("The Three Women Dancing copies a Roman model, right?", False),
        # Counted otherwise than the title, it is the visitor's count.
        ("The painter shows five women dancing. Which model did he use?", True),
    ],
)
def test_a_count_a_title_gives_is_no_claim(question, refuting):
    from assistant.answering import compose
    from assistant.answering.rank import Candidate
    from assistant.store import Passage

    sentence = Candidate("Only two women are dancing; the third sits apart.", [1], "source")
    record = Passage("d:r", "dance", "", 0.9, "record", {"title": "The Three Women Dancing"})
    assert bool(compose.refuting(read(question), [sentence], False, {1: record})) is refuting


@pytest.mark.parametrize(
    "text, counted",
    [
        ("the 1893 painting", {}),  # a year before one thing dates it
        ("Is the 1789 miniature his?", {}),
        ("some 1500 pieces of glass", {"piec": 1500.0}),  # before many things, a count
        ("1200 men built it", {"men": 1200.0}),
        (
            "three poets here, six poets with its partner",
            {"poet": 6.0},
        ),  # the last count of a thing
    ],
)
def test_what_a_text_counts(text, counted):
    from assistant.answering.claims import quantities

    assert quantities(text) == counted


def test_each_count_a_question_says_is_a_claim():
    said = read("Three poets are on this guard, and six poets on the pair?").said
    assert sorted(c.amount for c in said.of("count")) == [3.0, 6.0]


@pytest.mark.parametrize(
    "question, expected",
    [
        # The record's "After Ernst Blom" makes him the maker of the model, not of the bronze.
        ("Ernst Blom cast the Bronze Rider himself, didn't he?", [("attributes it to Blom", True)]),
        ("Did Ernst Blom make the Bronze Rider?", [("attributes it to Blom, Ernst", True)]),
        ("Ernst Blom's Bronze Rider: when was it cast?", [("attributes it to Blom", True)]),
        # Its founder is its maker; saying truly that it follows Blom credits no one.
        ("Karl Dahl cast the Bronze Rider, right?", []),
        ("The Bronze Rider is after a model by Ernst Blom. Who cast it?", []),
        # Someone its record never names is a stranger, not the model's maker.
        ("Anna Holt cast the Bronze Rider, didn't she?", [("attributes it to Holt", False)]),
        # Making verbs of metal and enamel credit a maker like "painted" does.
        ("Ernst Blom enamelled the Bronze Rider, right?", [("attributes it to Blom", True)]),
    ],
)
def test_the_maker_of_the_model_is_not_the_maker_of_the_copy(question, expected):
    rider = numbered("rider")
    found = [(i.claim, i.of_model) for i in premises.check(read(question), rider)]
    assert found == expected


@pytest.mark.parametrize(
    "creators, text, expected",
    [
        (["After Ernst Blom", "Karl Dahl"], "", {"ernst", "blom"}),
        (["Copy after Ernst Blom"], "", {"ernst", "blom"}),
        # A work "in the style of" a master is no more by him than a copy after him.
        (["Style of Ernst Blom", "Karl Dahl"], "", {"ernst", "blom"}),
        (["In the manner of Ernst Blom"], "", {"ernst", "blom"}),
        # A name the record also credits is not the model's alone.
        (["After Ernst Blom", "Ernst Blom"], "", set()),
        # The text's "based on ... by", "derived from", "copied after": the names after it.
        (["Karl Dahl"], "The scene is based on a print by Ernst Blom.", {"ernst", "blom"}),
        (["Karl Dahl"], "The figure is copied after a relief by Ernst Blom.", {"ernst", "blom"}),
        (["Karl Dahl"], "It follows a design drawn by Ernst Blom.", {"ernst", "blom"}),
        # ... unless the text names them in a sentence of their own.
        (
            ["Karl Dahl"],
            "Ernst Blom owned it. The scene is based on a print by Ernst Blom.",
            set(),
        ),
        # "After the death of": a time, no model.
        (["Karl Dahl"], "After the death of Ernst Blom, the foundry closed.", set()),
        (["Karl Dahl"], "Karl Dahl cast it for Ernst Blom.", set()),
    ],
)
def test_the_names_given_only_as_the_model_s_makers(creators, text, expected):
    from assistant.answering.premises.subject import model_makers
    from assistant.documents import Creator

    assert model_makers([Creator(name) for name in creators], text) == expected


@pytest.mark.parametrize(
    "question, exact",
    [
        ("Harbour at Dusk was painted in 1890, right?", [True]),
        ("Harbour at Dusk was painted around the year 1890, right?", [False]),
        ("Harbour at Dusk was painted by 1890, right?", [False]),
        ("Harbour at Dusk was painted in the 1890s, right?", [False]),  # a decade is no year
    ],
)
def test_the_reader_marks_a_year_said_bare(question, exact):
    assert [c.exact for c in read(question).said.of("date")] == exact
