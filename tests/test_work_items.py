"""The curators' work list in the answer log: the same contract on SQLite and PostgreSQL."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import inspect, text

from assistant.answer_log import ITEM_STATUSES, AnswerLog, StaleItemError
from tests.test_log_postgres import postgres_server  # noqa: F401
from tests.test_log_store import answered, log_url, refused  # noqa: F401


def one_item(log, answer_id):
    items = [i for i in log.work_items() if i["answer_id"] == answer_id]
    assert len(items) == 1
    return items[0]


def test_the_tables_are_made_by_the_newest_migration(log_url):  # noqa: F811
    log = AnswerLog(log_url)
    with log.engine.connect() as conn:
        assert {"work_items", "item_events"} <= set(inspect(conn).get_table_names())


def test_a_visitors_flag_opens_one_item_however_often_it_is_flagged(log_url):  # noqa: F811
    log = AnswerLog(log_url)
    answer_id = log.record(answered())
    assert answer_id is not None
    log.flag(answer_id, "Wrong painter")
    log.flag(answer_id, "Still wrong")
    item = one_item(log, answer_id)
    assert (item["reason"], item["status"], item["assignee"], item["version"]) == (
        "flag",
        "open",
        None,
        1,
    )
    assert item["question"] == "Who painted The Night Watch?"
    history = log.work_item(item["id"])["events"]
    assert [(e["action"], e["value"], e["actor"]) for e in history] == [
        ("opened", "flag", None),
        ("reported", "flag", None),
    ]


def test_verdicts_that_call_for_work_open_an_item_and_correct_does_not(log_url):  # noqa: F811
    log = AnswerLog(log_url)
    good, wrong, thin = (log.record(answered(f"Question {i}?")) for i in range(3))
    log.review(good, "correct", "", "ada")
    log.review(wrong, "incorrect", "Wrong date", "ada")
    log.review(thin, "needs_source", "", "bob")
    log.flag(wrong, "")  # the visitor agrees: still one item
    assert sorted((i["answer_id"], i["reason"]) for i in log.work_items()) == [
        (wrong, "incorrect"),
        (thin, "needs_source"),
    ]
    assert log.work_item(one_item(log, thin)["id"])["events"][0]["actor"] == "bob"


def test_status_and_assignee_change_with_who_and_when(log_url):  # noqa: F811
    log = AnswerLog(log_url)
    answer_id = log.record(refused())
    log.flag(answer_id)
    item = one_item(log, answer_id)
    version = log.update_item(
        item["id"], status="in_progress", assignee="ada", actor="ada", seen_version=1
    )
    assert version == 2
    version = log.update_item(
        item["id"], status="resolved", assignee="ada", actor="bob", seen_version=version
    )
    # Nothing changed: nothing is written and the version stays.
    assert (
        log.update_item(
            item["id"], status="resolved", assignee="ada", actor="bob", seen_version=version
        )
        == version
    )
    done = log.work_item(item["id"])
    assert (done["status"], done["assignee"], done["version"]) == ("resolved", "ada", 3)
    assert done["updated_at"] >= done["created_at"]
    assert [(e["action"], e["value"], e["actor"]) for e in done["events"]] == [
        ("opened", "flag", None),
        ("status", "in_progress", "ada"),
        ("assignee", "ada", "ada"),
        ("status", "resolved", "bob"),
    ]
    assert all(e["at"].tzinfo is not None for e in done["events"])
    # A new flag on a resolved item does not reopen it; reopening is a curator's change.
    log.flag(answer_id, "again")
    assert log.work_item(item["id"])["status"] == "resolved"
    log.update_item(item["id"], status="open", assignee=None, actor="bob", seen_version=3)
    assert (log.work_item(item["id"])["status"], log.work_item(item["id"])["assignee"]) == (
        "open",
        None,
    )


def test_a_change_that_races_another_is_refused_and_loses_nothing(log_url):  # noqa: F811
    log = AnswerLog(log_url)
    answer_id = log.record(answered())
    log.review(answer_id, "incorrect", "", "ada")
    item = one_item(log, answer_id)
    seen = item["version"]  # both curators opened the item at this version
    log.update_item(item["id"], status="resolved", assignee="ada", actor="ada", seen_version=seen)
    with pytest.raises(StaleItemError):
        log.update_item(
            item["id"], status="wont_fix", assignee="bob", actor="bob", seen_version=seen
        )
    after = log.work_item(item["id"])
    assert (after["status"], after["assignee"]) == ("resolved", "ada")
    assert [e["actor"] for e in after["events"]].count("bob") == 0


def test_bad_input_is_refused_with_a_clear_message(log_url):  # noqa: F811
    log = AnswerLog(log_url)
    answer_id = log.record(answered())
    log.flag(answer_id)
    item = one_item(log, answer_id)
    with pytest.raises(ValueError, match="status must be one of open, in_progress"):
        log.update_item(item["id"], status="done", assignee=None, actor="ada", seen_version=1)
    with pytest.raises(ValueError, match="status must be one of"):
        log.work_items(status="done")
    with pytest.raises(KeyError):
        log.update_item(item["id"] + 100, status="open", assignee=None, actor="a", seen_version=1)
    assert log.work_item(item["id"])["version"] == 1


def test_items_are_filtered_by_status_and_assignee_and_counted(log_url):  # noqa: F811
    log = AnswerLog(log_url)
    ids = [log.record(answered(f"Question {i}?")) for i in range(4)]
    for answer_id in ids:
        log.flag(answer_id)
    items = {i["answer_id"]: i for i in log.work_items()}
    assert list(items) == ids[::-1]  # newest first
    log.update_item(
        items[ids[0]]["id"], status="in_progress", assignee="ada", actor="ada", seen_version=1
    )
    log.update_item(
        items[ids[1]]["id"], status="wont_fix", assignee="bob", actor="bob", seen_version=1
    )

    def answers(**kw):
        return [i["answer_id"] for i in log.work_items(**kw)]

    assert answers(status="open") == [ids[3], ids[2]]
    assert answers(assignee="ada") == [ids[0]]
    assert answers(assignee="") == [ids[3], ids[2]]
    assert answers(status="wont_fix", assignee="bob") == [ids[1]]
    assert answers(status="resolved") == []
    assert log.item_counts() == {"open": 2, "in_progress": 1, "resolved": 0, "wont_fix": 1}
    assert tuple(log.item_counts()) == ITEM_STATUSES


def test_purging_an_answer_purges_its_item_and_history(log_url):  # noqa: F811
    log = AnswerLog(log_url)
    old = log.record(answered("Old?"))
    log.flag(old)
    with log.engine.begin() as conn:
        conn.execute(text("update answers set created_at = '2001-01-01 00:00:00+00'"))
    assert log.purge(30) == 1
    assert log.work_items() == []
    with log.engine.connect() as conn:
        assert conn.scalar(text("select count(*) from item_events")) == 0


def test_flags_arriving_at_once_still_make_one_item(log_url):  # noqa: F811
    log = AnswerLog(log_url)
    answer_id = log.record(answered())
    barrier = threading.Barrier(6)

    def flag(i):
        barrier.wait()
        return log.flag(answer_id, f"flag {i}")

    with ThreadPoolExecutor(6) as pool:
        assert len(set(pool.map(flag, range(6)))) == 6  # every flag is kept
    item = one_item(log, answer_id)
    assert [e["action"] for e in log.work_item(item["id"])["events"]].count("opened") == 1
    assert len(log.work_item(item["id"])["events"]) == 6
