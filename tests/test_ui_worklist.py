"""The work list on the review page and its counts on the dashboard, under Streamlit's AppTest."""

from streamlit.testing.v1 import AppTest

from assistant.answer_log import AnswerLog
from assistant.auth import UserStore
from tests.test_log_store import answered, refused
from tests.test_ui_app import app, log_url, sign_in  # noqa: F401

PASSWORD = "correct horse battery"


def curator(name: str) -> AppTest:
    at = app()
    at.switch_page("views/review.py").run()
    return sign_in(at, name, PASSWORD)


def save_item(at: AppTest, item_id: int, version: int, status: str, assignee: str) -> AppTest:
    at.radio(key=f"w_new_status_{item_id}_{version}").set_value(status)
    at.selectbox(key=f"w_new_assignee_{item_id}_{version}").set_value(assignee)
    return at.button[[b.label for b in at.button].index("Save item")].click().run()


def test_a_verdict_opens_an_item_the_curator_moves_to_resolved(log_url):  # noqa: F811
    UserStore.open(log_url).add("ada", PASSWORD, "curator")
    log = AnswerLog(log_url)
    answer_id = log.record(refused())
    at = curator("ada")
    assert "No work items match these filters." in [i.value for i in at.info]
    at.radio(key=f"verdict_{answer_id}").set_value("incorrect")
    at.button[[b.label for b in at.button].index("Save review")].click().run()
    assert not at.exception, at.exception
    [item] = log.work_items()
    assert "What is the capital of France?" in [str(t.value) for t in at.text]
    save_item(at, item["id"], 1, "resolved", "ada")
    assert not at.exception, at.exception
    done = log.work_item(item["id"])
    assert (done["status"], done["assignee"]) == ("resolved", "ada")
    assert [e["actor"] for e in done["events"]] == ["ada", "ada", "ada"]
    # The filters: the resolved item is listed under "Resolved", not under "Open".
    at.selectbox(key="w_status").set_value("open").run()
    assert "No work items match these filters." in [i.value for i in at.info]
    at.selectbox(key="w_status").set_value("resolved").run()
    at.selectbox(key="w_assignee").set_value("ada").run()
    assert at.session_state["w_pick"] == item["id"]


def test_the_second_of_two_curators_is_told_and_overwrites_nothing(log_url):  # noqa: F811
    users = UserStore.open(log_url)
    users.add("ada", PASSWORD, "curator")
    users.add("bob", PASSWORD, "curator")
    log = AnswerLog(log_url)
    answer_id = log.record(answered())
    log.flag(answer_id, "Wrong painter")
    [item] = log.work_items()
    ada, bob = curator("ada"), curator("bob")  # both see version 1
    save_item(ada, item["id"], 1, "in_progress", "ada")
    save_item(bob, item["id"], 1, "wont_fix", "bob")
    assert not bob.exception, bob.exception
    [refusal] = [e.value for e in bob.error]
    assert refusal.startswith("Not saved: someone else changed this item")
    assert "It is now In progress, assigned to ada." in refusal
    assert "Won't fix, assigned to bob" in refusal
    now = log.work_item(item["id"])
    assert (now["status"], now["assignee"], now["version"]) == ("in_progress", "ada", 2)
    # Bob's choice is still in the form, made for the current version: saving applies it.
    assert bob.radio(key=f"w_new_status_{item['id']}_2").value == "wont_fix"
    bob.button[[b.label for b in bob.button].index("Save item")].click().run()
    now = log.work_item(item["id"])
    assert (now["status"], now["assignee"]) == ("wont_fix", "bob")


def test_the_dashboard_counts_items_per_status(log_url):  # noqa: F811
    UserStore.open(log_url).add("ada", PASSWORD, "curator")
    log = AnswerLog(log_url)
    for question in ("One?", "Two?"):
        log.flag(log.record(answered(question)))
    at = app()
    at.switch_page("views/dashboard.py").run()
    sign_in(at, "ada", PASSWORD)
    assert not at.exception, at.exception
    counts = {m.label: m.value for m in at.metric}
    assert (counts["Open"], counts["In progress"], counts["Resolved"], counts["Won't fix"]) == (
        "2",
        "0",
        "0",
        "0",
    )
