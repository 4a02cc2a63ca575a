"""The curators' work list on the review page: filter items, open one, change its status."""

from __future__ import annotations

from typing import Any

import streamlit as st

from assistant.answer_log import ITEM_STATUSES, AnswerLog, StaleItemError
from assistant.auth import StaffSession
from ui.language import _
from ui.navigation import WORK_LIST_ANCHOR
from ui.notes_view import start_note
from ui.present import md_escape
from ui.review_data import (
    ITEM_REASON_LABELS,
    ITEM_STATUS_LABELS,
    assignee_choices,
    cited_sources,
    decisions,
    item_history,
    status_counts,
    work_table,
)
from ui.services import Services


def _status(status: str) -> str:
    return _(ITEM_STATUS_LABELS.get(status, status))


def _who(name: str) -> str:
    return name or _("Nobody")


def _filters(names: list[str]) -> tuple[str | None, str | None]:
    """The status and assignee the list is filtered by (None: any; "" assignee: nobody)."""
    left, right = st.columns(2)
    status = left.selectbox(
        _("Filter by status"),
        ["any", *ITEM_STATUSES],
        key="w_status",
        format_func=lambda s: _("Any status") if s == "any" else _status(s),
    )
    assignee = right.selectbox(
        _("Filter by assignee"),
        ["any", "", *names],
        key="w_assignee",
        format_func=lambda n: _("Anyone") if n == "any" else _who(n),
    )
    return (None if status == "any" else status), (None if assignee == "any" else assignee)


def _answer(log: AnswerLog, answer_id: int) -> None:
    """What the item is about: the question, the answer, its sources and how it was decided."""
    row = log.get(answer_id)
    if row is None:
        return
    # Visitors' words and what was built from them: plain text, never Markdown links.
    st.markdown(_("**Question** (personal data redacted)"))
    st.text(row["question"])
    st.markdown(f"**{_('Answer')}**")
    st.text(row["answer"])
    sources = cited_sources(row)
    st.caption(_("Cited sources: {sources}").format(sources=sources or _("none")))
    lines = decisions(row, _).lines
    if lines:
        st.text("\n".join(lines))


def _form(item: dict[str, Any], version: int, choices: list[str]) -> tuple[bool, str, str]:
    """The status and assignee form, its widgets keyed by the item version they were made for.

    Returns:
        Whether it was submitted, and the status and assignee chosen.

    """
    with st.form(f"w_form_{item['id']}_{version}"):
        status = st.radio(
            _("Status"),
            ITEM_STATUSES,
            index=ITEM_STATUSES.index(item["status"]),
            format_func=_status,
            horizontal=True,
            key=f"w_new_status_{item['id']}_{version}",
        )
        assignee = st.selectbox(
            _("Assigned to"),
            choices,
            index=choices.index(item["assignee"] or ""),
            format_func=_who,
            key=f"w_new_assignee_{item['id']}_{version}",
        )
        saved = st.form_submit_button(_("Save item"), type="primary")
    return saved, str(status), str(assignee or "")


def _change_form(
    item: dict[str, Any], log: AnswerLog, session: StaffSession, names: list[str]
) -> None:
    """Status and assignee, saved only if nobody changed the item since this form showed it."""
    key = f"w_version_{item['id']}"
    # The version the form on screen was made for: a save names it, so a change another
    # curator saved since is found by the log (update_item) and never overwritten.
    seen = int(st.session_state.setdefault(key, item["version"]))
    if refused := st.session_state.pop("w_refused", None):
        st.error(refused)
    choices = assignee_choices(names, session.name, item["assignee"])
    saved, status, assignee = _form(item, seen, choices)
    if not saved:
        if seen != item["version"]:  # changed elsewhere: show the form as the item is now
            st.session_state[key] = item["version"]
            st.rerun()
        return
    try:
        version = log.update_item(
            item["id"], status=status, assignee=assignee, actor=session.name, seen_version=seen
        )
    except StaleItemError:
        _refuse(log, item["id"], status, assignee)
        return
    st.session_state[key] = version
    st.toast(_("Item saved."))
    st.rerun()


def _refuse(log: AnswerLog, item_id: int, status: str, assignee: str) -> None:
    """Tell the curator their save lost a race, and keep their choice in the fresh form."""
    now = log.work_item(item_id)
    assert now is not None  # items are only deleted with their answers, by the purge
    st.session_state[f"w_version_{item_id}"] = now["version"]
    # The next form (made for the current version) starts from what the curator chose,
    # so saving again applies it on top of the other change, knowingly.
    st.session_state[f"w_new_status_{item_id}_{now['version']}"] = status
    st.session_state[f"w_new_assignee_{item_id}_{now['version']}"] = assignee
    st.session_state["w_refused"] = _(
        "Not saved: someone else changed this item since you opened it. It is now "
        "{status}, assigned to {name}. Your choice ({mine}, assigned to {my_name}) is "
        "still in the form: save again to apply it."
    ).format(
        status=_status(now["status"]),
        name=_who(now["assignee"] or ""),
        mine=_status(status),
        my_name=_who(assignee),
    )
    st.rerun()


def render_worklist(svc: Services, session: StaffSession) -> None:
    """The work list: counts per status, filters, the items, and the one picked."""
    st.subheader(_("Work list"), anchor=WORK_LIST_ANCHOR)
    st.caption(_("Answers marked incorrect or needing a source, and answers visitors flagged."))
    counts = status_counts(svc.log.item_counts(), _)
    st.caption(" · ".join(f"{label}: {n}" for label, n in counts))
    names = [u.name for u in svc.users.users() if not u.disabled]
    status, assignee = _filters(names)
    items = svc.log.work_items(status=status, assignee=assignee)
    if not items:
        st.info(_("No work items match these filters."))
        return
    st.dataframe(
        work_table(items, _),
        hide_index=True,
        key="work_table",
        column_config={
            "item": st.column_config.NumberColumn(_("Item"), width="small"),
            "answer": st.column_config.NumberColumn(_("Answer #"), width="small"),
            "status": st.column_config.TextColumn(_("Status")),
            "reason": st.column_config.TextColumn(_("Why")),
            "assignee": st.column_config.TextColumn(_("Assigned to")),
            "question": st.column_config.TextColumn(_("Question"), width="large"),
            "updated": st.column_config.TextColumn(_("Updated")),
        },
    )
    by_id = {i["id"]: i for i in items}
    if st.session_state.get("w_open_next") in by_id:
        st.session_state.w_pick = st.session_state.pop("w_open_next")
    if st.session_state.get("w_pick") not in by_id:
        st.session_state.w_pick = items[0]["id"]  # a filter changed: open the newest
    pick = st.selectbox(
        _("Open item"),
        list(by_id),
        key="w_pick",
        # Not the status: Streamlit's box keeps showing the label it was picked with.
        format_func=lambda i: f"{i} · {by_id[i]['question'][:70]}",
    )
    item = svc.log.work_item(pick)
    if item is None:
        return
    st.markdown(
        _("**Status:** {status} · **assigned to** {name} · {reason}").format(
            status=_status(item["status"]),
            name=md_escape(_who(item["assignee"] or "")),
            reason=_(ITEM_REASON_LABELS.get(item["reason"], item["reason"])),
        )
    )
    _answer(svc.log, item["answer_id"])
    with st.expander(_("History")):
        st.text("\n".join(item_history(item["events"], _)))
    _change_form(item, svc.log, session, names)
    row = svc.log.get(item["answer_id"]) or {}
    st.button(
        _("Write a note"),
        key=f"w_note_{item['id']}",
        help=_("A curator's note answering this question, cited from then on."),
        on_click=start_note,
        kwargs={
            "question": item["question"],
            "accession": _cited_number(row),
            "item_id": item["id"],
        },
    )


def _cited_number(row: dict[str, Any]) -> str:
    """The accession number of the first object the answer cited, if it cited one."""
    for citation in row.get("citations") or []:
        if citation.get("accession_number"):
            return str(citation["accession_number"])
    return ""
