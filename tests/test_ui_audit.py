"""Roles, the accounts page's race and the audit page, under Streamlit's AppTest."""

import pytest
from streamlit.testing.v1 import AppTest

from assistant.answer_log import AnswerLog
from assistant.audit import AuditFilter, AuditTrail
from assistant.auth import UserStore
from tests.test_log_store import answered, refused
from tests.test_ui_app import app, log_url, sign_in  # noqa: F401

PASSWORD = "correct horse battery"
STAFF_PAGES = ["views/review.py", "views/dashboard.py", "views/accounts.py", "views/audit.py"]
ADMIN_ONLY = {"views/accounts.py", "views/audit.py"}


def signed_in(name: str, page: str) -> AppTest:
    at = app()
    at.switch_page(page).run()
    return sign_in(at, name, PASSWORD)


def click(at: AppTest, label: str) -> AppTest:
    return at.button[[b.label for b in at.button].index(label)].click().run()


def trail(url: str) -> list[tuple[str, str, str]]:
    rows = AuditTrail(AnswerLog(url).engine).events(AuditFilter(), limit=1000)
    return [(r["actor"], r["action"], r["target"]) for r in reversed(rows)]


@pytest.mark.parametrize("page", STAFF_PAGES)
def test_curators_use_curator_pages_and_admins_use_every_page(log_url, page):  # noqa: F811
    users = UserStore.open(log_url)
    users.add("ada", PASSWORD, "curator")
    users.add("root", PASSWORD, "admin")
    curator = signed_in("ada", page)
    assert not curator.exception, curator.exception
    refused_here = [e.value for e in curator.error if "for the admin role" in e.value]
    assert bool(refused_here) == (page in ADMIN_ONLY)
    if page in ADMIN_ONLY:  # nothing of the page is shown under the refusal
        assert [t.value for t in curator.title] == [] and not curator.dataframe
    admin = signed_in("root", page)
    assert not admin.exception, admin.exception
    assert not [e.value for e in admin.error if "role" in e.value]
    assert admin.title and admin.title[0].value != "Staff sign-in"


def test_a_curator_reviews_and_resolves_and_both_are_in_the_trail(log_url):  # noqa: F811
    UserStore.open(log_url).add("ada", PASSWORD, "curator")
    log = AnswerLog(log_url)
    answer_id = log.record(refused())
    at = signed_in("ada", "views/review.py")
    at.radio(key=f"verdict_{answer_id}").set_value("needs_source")
    click(at, "Save review")
    [item] = log.work_items()
    at.radio(key=f"w_new_status_{item['id']}_1").set_value("resolved")
    click(at, "Save item")
    assert not at.exception, at.exception
    assert log.work_item(item["id"])["status"] == "resolved"
    assert trail(log_url)[-3:] == [
        ("ada", "signin.ok", "user:ada"),
        ("ada", "review.set", f"answer:{answer_id}"),
        ("ada", "item.update", f"item:{item['id']}"),
    ]


def test_a_disabled_account_is_signed_out_and_a_new_role_applies_at_the_next_click(log_url):  # noqa: F811
    users = UserStore.open(log_url)
    users.add("ada", PASSWORD, "curator")
    users.add("bob", PASSWORD, "curator")
    ada = signed_in("ada", "views/review.py")
    bob = signed_in("bob", "views/audit.py")
    assert "for the admin role" in bob.error[0].value
    users.set_disabled("ada", True, actor="root")
    users.set_role("bob", "admin", actor="root")
    ada.run()
    assert [t.value for t in ada.title] == ["Staff sign-in"]
    assert "Your account was disabled" in ada.info[0].value
    bob.run()
    assert not bob.exception and bob.title[0].value == "Audit trail"


def field(widgets, key: str):
    """The change form's widget: its keys end with the form's generation."""
    [found] = [w for w in widgets if (w.key or "").startswith(f"{key}_")]
    return found


def change(at: AppTest, name: str, access: str = "Keep as is", role: str = "") -> AppTest:
    field(at.selectbox, "change_name").set_value(name)
    field(at.radio, "change_access").set_value(access)
    field(at.selectbox, "change_role").set_value(role)
    return click(at, "Apply")


def test_the_second_of_two_admins_changing_one_account_is_told_and_keeps_the_choice(log_url):  # noqa: F811
    users = UserStore.open(log_url)
    for name, role in (("root", "admin"), ("eve", "admin"), ("bob", "curator")):
        users.add(name, PASSWORD, role)
    root, eve = signed_in("root", "views/accounts.py"), signed_in("eve", "views/accounts.py")
    change(root, "bob", access="Disable")
    assert "Updated bob." in [s.value for s in root.success]
    change(eve, "bob", role="admin")  # eve's page still shows bob active
    assert not eve.exception, eve.exception
    [refusal] = [e.value for e in eve.error]
    assert refusal.startswith("Not changed: another admin changed bob after this page")
    assert "It is now: curator, disabled." in refusal
    bob = users.get("bob")
    assert (bob.role, bob.disabled) == ("curator", True)  # root's change stands
    # Eve's choice is back in the form; applying it now makes it on top of root's.
    assert field(eve.selectbox, "change_role").value == "admin"
    assert field(eve.selectbox, "change_name").value == "bob"
    click(eve, "Apply")
    bob = users.get("bob")
    assert (bob.role, bob.disabled) == ("admin", True)
    assert [t for t in trail(log_url) if t[1].startswith("account.") and t[2] == "user:bob"] == [
        ("system", "account.add", "user:bob"),
        ("root", "account.disable", "user:bob"),
        ("eve", "account.role", "user:bob"),
    ]


def test_an_admins_page_changes_are_audited_in_their_name(log_url):  # noqa: F811
    UserStore.open(log_url).add("root", PASSWORD, "admin")
    at = signed_in("root", "views/accounts.py")
    at.text_input(key="new_name").input("grace")
    at.text_input(key="new_password").input("a long new password")
    at.text_input(key="new_password_again").input("a long new password")
    click(at, "Add account")
    assert "Added curator grace." in [s.value for s in at.success]
    field(at.text_input, "change_password").input("another long password")
    change(at, "grace")
    assert field(at.text_input, "change_password").value == ""  # a fresh, empty form
    assert trail(log_url)[-2:] == [
        ("root", "account.add", "user:grace"),
        ("root", "account.password", "user:grace"),
    ]


def test_the_audit_page_lists_newest_first_filters_and_pages(log_url, monkeypatch):  # noqa: F811
    monkeypatch.setenv("MUSEUM_QA_AUDIT_PAGE_SIZE", "10")
    UserStore.open(log_url).add("root", PASSWORD, "admin")
    log = AnswerLog(log_url)
    for i in range(24):
        log.review(log.record(answered(f"Question {i}?")), "correct", "", "ada")
    at = signed_in("root", "views/audit.py")  # account, 24 reviews, sign-in: 26 changes
    assert not at.exception, at.exception
    assert "**26 changes** match." in [m.value for m in at.markdown]
    table = at.dataframe[0].value
    assert len(table) == 10
    assert (table.iloc[0]["actor"], table.iloc[0]["action"]) == ("root", "signin.ok")
    at.number_input(key="a_page").set_value(3).run()
    assert len(at.dataframe[0].value) == 6
    assert list(at.dataframe[0].value["target"])[-1] == "user:root"  # the oldest, last
    at.selectbox(key="a_actor").set_value("root").run()  # one page now: back to it
    assert not at.exception, at.exception
    assert "**1 change** matches." in [m.value for m in at.markdown]
    assert list(at.dataframe[0].value["action"]) == ["signin.ok"]
    at.selectbox(key="a_actor").set_value("").run()
    at.selectbox(key="a_action").set_value("flag.add").run()
    assert "No changes match these filters." in [i.value for i in at.info]
