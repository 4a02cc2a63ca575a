"""periods: the years a collection's own records give the periods it names, and a question's
named period read as the date it claims (then checked like a year)."""

import pytest

from assistant.answering import premises
from assistant.answering.config import AnswerConfig
from assistant.answering.periods import Periods, keys, labels
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
    reading = read("Is the Harbour at Dusk the Dusk style?", periods=dusk)
    assert [c.value for c in reading.said.of("date")] == ["Dusk", "Dusk"]
    assert premises.check(reading, ALL) == []
