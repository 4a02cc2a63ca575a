"""periods: the years a collection's own records give the periods it names, and a question's
named period read as the date it claims (then checked like a year)."""

from dataclasses import replace

import pytest

from assistant.answering import premises
from assistant.answering.config import AnswerConfig
from assistant.answering.periods import Periods, keys, labels, stated_years
from assistant.answering.reading import read
from tests.answering.collection import numbered

CFG = AnswerConfig()


def _records(label: str, spans: list[tuple[int, int]]) -> list[dict]:
    return [{"period": label, "date_begin": b, "date_end": e} for b, e in spans]


# Invented periods. Ten Gull records between 1400 and 1500, and one later piece catalogued
# in the period's style, which must not stretch it; Late Kingdom is all everyday words.
RECORDS = (
    _records("Gull Dynasty", [(1400 + 10 * i, 1410 + 10 * i) for i in range(10)])
    + _records("Gull [Gull] Dynasty", [(1890, 1900)])
    + _records("Late Kingdom; 4th Dynasty", [(-2500, -2400)] * 4)
    + _records("Amberline (1620-1640)", [(1620, 1640)] * 3)
    + _records("Rare Period", [(100, 200)] * 2)
    + [{"period": "Gull Dynasty"}]  # undated: says nothing of the years
)
PERIODS = Periods.from_records(RECORDS, CFG)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("Late Kingdom; 4th Dynasty", ["Late Kingdom", "4th Dynasty"]),
        ("Gull [Gull] Dynasty", ["Gull Dynasty"]),
        ("Amberline (1620-1640)", ["Amberline"]),
        ("", []),
    ],
)
def test_labels_are_the_names_without_asides(value, expected):
    assert labels(value) == expected


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Gull Dynasty", ["gull dynasty", "gull"]),
        ("4th Dynasty", ["4th dynasty"]),  # "4th" alone is a number, not a name
        ("Late Kingdom", ["late kingdom"]),
    ],
)
def test_a_dynasty_is_also_named_without_the_word(name, expected):
    assert keys(name) == expected


def test_a_periods_years_are_the_middle_of_its_records_years():
    gull = {n.period.key: n.period for n in PERIODS.named_in("a Gull Dynasty bowl")}["gull dynasty"]
    assert (gull.low, gull.high) == (1410, 1500)  # the 1890s piece does not stretch it
    assert gull.records == 11
    assert not PERIODS.named_in("a Rare Period bowl")  # two records are too few to say


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Is the Gull vase older than the ewer?", ["Gull"]),
        ("is the gull dynasty vase blue", ["gull dynasty"]),
        ("the Amberline cup", ["Amberline"]),
        # A name of everyday words names the period only as the catalogue capitalises it, and
        # not by the capital that opens a sentence.
        ("Why is the Late Kingdom amulet green?", ["Late Kingdom"]),
        ("Was it made in her late kingdom years?", []),
        ("Late kingdom amulets are green, aren't they?", []),
        ("Why is the 4th Dynasty amulet green?", ["4th Dynasty"]),
        ("What is the seagull carrying?", []),
        # A label without the general word is named with it too: it is the period's name.
        ("Is the Amberline Period cup Dutch?", ["Amberline Period"]),
        ("Why is the Late Kingdom Era amulet green?", ["Late Kingdom Era"]),
    ],
)
def test_periods_named_in_a_question(text, expected):
    assert [n.written for n in PERIODS.named_in(text)] == expected


def test_a_named_period_is_read_as_a_date_claim():
    reading = read("Why does the Gull ewer show cranes?", periods=PERIODS)
    dates = reading.said.of("date")
    assert [(c.value, c.low, c.high) for c in dates] == [("Gull", 1410, 1500)]
    assert not [c for c in reading.said.of("name") if c.value == "Gull"]  # it names nobody


@pytest.mark.parametrize(
    "question, kind",
    [
        # Before a thing it describes, the period dates that thing, whatever the verb.
        ("Who lidded the Gull ewer?", "date"),
        ("It was made in the Gull Dynasty, right?", "date"),
        # After a verb of another event, it dates that event.
        ("It was stolen in the Gull Dynasty, right?", "event"),
    ],
)
def test_a_named_period_dates_the_thing_it_describes(question, kind):
    assert [
        c.kind for c in read(question, periods=PERIODS).said.claims if c.value.startswith("Gull")
    ] == [kind]


ALL = numbered("harbour", "ewer", "portrait")


@pytest.mark.parametrize(
    "question, expected",
    [
        # The ewer is dated about 1210: a period the collection dates a century or more
        # later is a false date; one around 1210 is not.
        (
            "Why does the Gull Dynasty Lidded Ewer with Cranes have cranes?",
            ["dates it to Gull Dynasty"],
        ),
        (
            "Why does the Late Kingdom Lidded Ewer with Cranes have cranes?",
            ["dates it to Late Kingdom"],
        ),
        ("Why does the Lidded Ewer with Cranes have cranes?", []),
    ],
)
def test_a_named_period_the_record_rules_out_is_a_false_date(question, expected):
    fair = Periods.from_records(RECORDS + _records("Crane Age", [(1200, 1220)] * 3), CFG)
    assert [i.claim for i in premises.check(read(question, periods=PERIODS), ALL)] == expected
    assert not premises.check(
        read("Why does the Crane Age Lidded Ewer with Cranes have cranes?", periods=fair), ALL
    )


def test_a_period_named_in_the_objects_own_title_is_no_date_claim():
    # An invented period that shares a word with a title: in the title it names the subject.
    dusk = Periods.from_records(_records("Dusk", [(1500, 1600)] * 3), CFG)
    # (Not "the Dusk style": a period before a style word dates nothing, see below.)
    reading = read("Is the Harbour at Dusk a Dusk piece?", periods=dusk)
    assert [c.value for c in reading.said.of("date")] == ["Dusk", "Dusk"]
    assert premises.check(reading, ALL) == []


@pytest.mark.parametrize(
    "label, expected",
    [
        ("Gull (1662-1722)", (1662, 1722)),
        ("Gull (1479-1458 BC)", (-1479, -1458)),
        ("Gull (ca. 2144-2124 BC)", (-2144, -2124)),
        ("Gull (r. 1827-66)", (1827, 1866)),  # a shorter end keeps the year's first digits
        ("Gull (1290-1279/8) (?)", (1278, 1290)),
        ("Gull (1287 AH/AD 1870-1871)", (1870, 1871)),  # the Hijri year is another calendar
        ("Gull (12th century)", None),
        ("Gull", None),
    ],
)
def test_the_years_a_label_states(label, expected):
    assert stated_years(label) == expected


def test_a_reigns_stated_years_widen_what_its_few_records_say():
    # Three records of a reign from its last years, and the catalogue's statement of the reign.
    reign = Periods.from_records(_records("Gull XV (1715-1774)", [(1750, 1770)] * 3), CFG)
    gull = reign.named_in("a Gull XV commode")[0].period
    assert (gull.low, gull.high) == (1715, 1774)


# A reign named "Gull XV", dated 1715-1774, as a period and as the king it is named for.
REIGN = Periods.from_records(_records("Gull XV (1715-1774)", [(1750, 1770)] * 3), CFG)


@pytest.mark.parametrize(
    "question, dated",
    [
        ("Was the Lidded Ewer with Cranes made under Gull XV?", True),
        ("Is the Lidded Ewer with Cranes a Gull XV piece?", True),
        # The ruler himself, by his rank or as an owner: a person, not a time.
        ("Was the Lidded Ewer with Cranes a gift to the young king Gull XV?", False),
        ("Did Gull XV's wife own the Lidded Ewer with Cranes?", False),
    ],
)
def test_a_reign_named_as_its_ruler_is_no_date(question, dated):
    reading = read(question, periods=REIGN)
    assert bool(reading.said.of("date")) == dated
    issues = [i.claim for i in premises.check(reading, ALL)]
    assert ("dates it to Gull XV" in issues) == dated  # the ewer is dated about 1210


# "Persian" as an invented period of ancient records; the ewer's text speaks of Persian poetry.
PERSIAN = Periods.from_records(_records("Persian", [(-550, -330)] * 3), CFG)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("Why is the Persian ewer called Lidded Ewer with Cranes?", ["dates it to Persian"]),
        # What the object's own text calls so, or a thing shown on it, is no date of it.
        ("Do the cranes on Lidded Ewer with Cranes come from Persian poetry?", []),
        ("Are the Persian cranes on the Lidded Ewer with Cranes storks?", []),
    ],
)
def test_a_period_describing_what_the_object_shows_is_no_date_of_it(question, expected):
    assert [i.claim for i in premises.check(read(question, periods=PERSIAN), ALL)] == expected


@pytest.mark.parametrize(
    "question",
    [
        # The thing its text names with the period, in the plural or hyphenated.
        "Lidded Ewer with Cranes: which Persian tale did it inspire?",
        "Lidded Ewer with Cranes: which Persian story-cycle did it inspire?",
    ],
)
def test_a_period_said_of_a_thing_its_text_names_so_is_no_date_of_it(question, monkeypatch):
    from tests.answering import collection

    ewer = dict(collection.OBJECTS["ewer"])
    ewer["text"] = f"{ewer['text']} It inspired Persian tales and a Persian story cycle."
    monkeypatch.setitem(collection.OBJECTS, "ewer", ewer)
    assert premises.check(read(question, periods=PERSIAN), collection.numbered("ewer")) == []


@pytest.mark.parametrize(
    "question, expected",
    [
        # A year beside a word for a version picks that version: another work than ours.
        ("Do you have the 1790 original of the Lidded Ewer with Cranes?", []),
        ("Is the earlier 1190 version of the Lidded Ewer with Cranes here?", []),
        # Said of the object itself, it is a claim about its date.
        ("Is the 1790 Harbour at Dusk a copy?", ["dates it to 1790"]),
        ("Was the Lidded Ewer with Cranes made in 1790?", ["dates it to 1790"]),
    ],
)
def test_a_year_that_picks_another_version_is_no_claim_about_the_held_one(question, expected):
    assert [i.claim for i in premises.check(read(question), ALL)] == expected


def test_a_period_the_record_itself_names_its_maker_by_is_no_false_date():
    # The ewer's maker, "Ali ibn Husayn", shares a word with an invented period far earlier:
    # what its own record calls it is no false premise.
    husayn = Periods.from_records(_records("Husayn", [(-500, -400)] * 3), CFG)
    reading = read("Is the Husayn ewer with the cranes lidded?", periods=husayn)
    assert [c.value for c in reading.said.of("date")] == ["Husayn"]
    assert premises.check(reading, numbered("ewer")) == []


@pytest.mark.parametrize(
    "question, expected",
    [
        # A period said of how the object looks or of its style is no date of it: a later
        # piece may look Gull Dynasty, or borrow its shapes.
        ("The Lidded Ewer with Cranes looks Gull Dynasty. What gives it away?", []),
        ("The Lidded Ewer with Cranes has Gull Dynasty shapes. Which ones?", []),
        ("Is the Lidded Ewer with Cranes decorated in the Gull style?", []),
        ("Why is the Lidded Ewer with Cranes so Gull-looking?", []),
        # Said of the object itself, it dates it.
        ("Is the Lidded Ewer with Cranes a Gull Dynasty piece?", ["dates it to Gull Dynasty"]),
        ("Was the Lidded Ewer with Cranes made in the Gull Dynasty?", ["dates it to Gull Dynasty"]),
    ],
)
def test_a_period_said_of_a_look_or_style_is_no_date(question, expected):
    assert [i.claim for i in premises.check(read(question, periods=PERIODS), ALL)] == expected


def _labelled(period: str, begin: int, end: int) -> dict:
    """The ewer's record and text, the record relabelled and redated."""
    ewer = {n: p for n, p in numbered("ewer").items()}
    for n, passage in ewer.items():
        if passage.kind == "record":
            meta = {**passage.meta, "period": period, "date_begin": begin, "date_end": end}
            ewer[n] = replace(passage, meta=meta)
    return ewer


@pytest.mark.parametrize(
    "period, span, question, expected",
    [
        # Its own label names another dynasty, and it outlasts the one claimed: the collection's
        # years for the claimed dynasty reach into its own (Gull ends in 1500) all the same.
        ("Wren Dynasty", (1490, 1530), "Is the Lidded Ewer with Cranes a Gull piece?", True),
        # ... or before them: Gull's years begin in 1410.
        ("Wren Dynasty", (1395, 1440), "Is the Lidded Ewer with Cranes a Gull piece?", True),
        # ... made within the claimed dynasty's years, the two may overlap.
        ("Wren Dynasty", (1450, 1480), "Is the Lidded Ewer with Cranes a Gull piece?", False),
        # A label naming it among others names it; a label of no dynasty decides nothing.
        ("Gull-Wren Dynasty", (1490, 1530), "Is the Lidded Ewer with Cranes a Gull piece?", False),
        ("Late Gothic", (1490, 1530), "Is the Lidded Ewer with Cranes a Gull piece?", False),
    ],
)
def test_a_record_labelled_with_another_dynasty_is_not_of_the_one_claimed(
    period, span, question, expected
):
    numbered = _labelled(period, *span)
    issues = premises.check(read(question, periods=PERIODS), numbered)
    assert bool(issues) is expected


def test_a_clause_that_opens_with_its_verb_is_said_of_the_subject_before_it():
    # Another object's text speaks of Gull pieces: "is a Gull piece" shares its words, but
    # says it of the ewer named before it.
    from assistant.store import Passage

    other = Passage(
        "bowl:1", "bowl", "Gull Dynasty pieces like this bowl were exported.", 0.0, "text"
    )
    numbered_ = {**numbered("ewer"), 9: other}
    question = "The Lidded Ewer with Cranes, TM.202, is a Gull Dynasty piece, correct?"
    issues = premises.check(read(question, periods=PERIODS), numbered_)
    assert [i.claim for i in issues] == ["dates it to Gull Dynasty"]
