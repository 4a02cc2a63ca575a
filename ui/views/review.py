"""Curator review: the answer log as a filterable table, a detail view, reviews and exports."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from assistant.answer_log import VERDICTS, LogFilter
from assistant.i18n import ngettext
from ui.language import _, current
from ui.navigation import (
    LOG_ANCHOR,
    NOTES_ANCHOR,
    REVIEW_ANCHOR,
    WORK_LIST_ANCHOR,
    page_contents,
)
from ui.notes_view import render_notes
from ui.present import outcome_label
from ui.review_data import (
    DEFAULT_RANGE_DAYS,
    VERDICT_LABELS,
    local_day_bounds,
    picked_days,
    table,
    to_csv,
    to_jsonl,
)
from ui.review_detail import render_detail
from ui.services import services
from ui.staff import require
from ui.worklist import render_worklist

svc = services()
session = require(svc, "curator")
st.title(_("Curator review"))
# In-page links to each part: by keyboard the review form is otherwise some 45 Tabs down,
# past the filters and three data grids (docs/accessibility.md).
page_contents(
    [
        (_("Work list"), WORK_LIST_ANCHOR),
        (_("Curator notes"), NOTES_ANCHOR),
        (_("Answer log"), LOG_ANCHOR),
        (_("Your review"), REVIEW_ANCHOR),
    ]
)
render_worklist(svc, session)
st.divider()
render_notes(svc, session)
st.divider()
st.subheader(_("Answer log"), anchor=LOG_ANCHOR)

threshold = svc.settings.review_low_support
today = dt.date.today()
with st.expander(_("Filters"), expanded=True, key="filters"):
    left, right = st.columns(2)
    days = left.date_input(
        _("Date range"),
        value=(today - dt.timedelta(days=DEFAULT_RANGE_DAYS), today),
        max_value=today,
        key="f_dates",
    )
    outcomes = right.multiselect(
        _("Outcome"),
        ["answered", "corrected", "refused"],
        format_func=lambda o: outcome_label(o, _),
        key="f_outcomes",
        placeholder=_("Any outcome"),
    )
    a, b, c = st.columns(3)
    flagged = a.checkbox(_("Flagged by a visitor"), key="f_flagged")
    dropped = b.checkbox(_("Has dropped sentences"), key="f_dropped")
    low = c.checkbox(
        _("Low support (below {threshold})").format(threshold=f"{threshold:.2f}"), key="f_low"
    )
    left, right = st.columns(2)
    statuses = {"any": _("Any"), "unreviewed": _("Not reviewed yet")}
    statuses |= {v: _(VERDICT_LABELS.get(v, v)) for v in VERDICTS}
    review = right.selectbox(
        _("Review status"),
        list(statuses),
        key="f_review",
        format_func=lambda v: statuses.get(v, v),
    )
    text = left.text_input(_("Search questions and answers"), key="f_text")

start, end = picked_days(days, today)
since, until = local_day_bounds(start, end)
rows = svc.log.search(
    LogFilter(
        since=since,
        until=until,
        outcomes=tuple(outcomes),
        flagged=flagged,
        has_dropped=dropped,
        low_support_below=threshold if low else None,
        review=None if review == "any" else review,
        text=text or "",
    )
)

st.markdown(
    ngettext(current(), "**{n} answer** matches.", "**{n} answers** match.", len(rows)).format(
        n=len(rows)
    )
)
stamp = f"{start:%Y%m%d}-{end:%Y%m%d}"
csv_col, jsonl_col = st.columns(2)
csv_col.download_button(
    _("Export CSV"),
    to_csv(rows),
    file_name=f"museum-qa-log-{stamp}.csv",
    mime="text/csv",
    key="export_csv",
    icon=":material/download:",
    on_click="ignore",
)
jsonl_col.download_button(
    _("Export JSON Lines"),
    to_jsonl(rows),
    file_name=f"museum-qa-log-{stamp}.jsonl",
    mime="application/jsonl",
    key="export_jsonl",
    icon=":material/download:",
    on_click="ignore",
)
if not rows:
    st.info(_("No answers match these filters."))
    st.stop()

event = st.dataframe(
    table(rows, _),
    hide_index=True,
    on_select="rerun",
    selection_mode="single-row",
    key="log_table",
    column_config={
        "id": st.column_config.NumberColumn("#", width="small"),
        "when": st.column_config.TextColumn(_("When")),
        "outcome": st.column_config.TextColumn(_("Outcome")),
        "question": st.column_config.TextColumn(_("Question"), width="large"),
        "flags": st.column_config.NumberColumn(_("Flags"), help=_("Visitors' 'this looks wrong'")),
        "dropped": st.column_config.NumberColumn(
            _("Dropped"), help=_("Sentences that failed checks")
        ),
        "support": st.column_config.NumberColumn(
            _("Support"), format="%.2f", help=_("Relevance of the best cited passage")
        ),
        "review": st.column_config.TextColumn(_("Review")),
    },
)
ids = [r["id"] for r in rows]
selected = getattr(getattr(event, "selection", None), "rows", [])
if selected and st.session_state.get("table_pick") != ids[selected[0]]:
    # A click in the table opens that answer below (the select box stays the keyboard way).
    st.session_state.table_pick = st.session_state.review_pick = ids[selected[0]]
if st.session_state.get("review_pick") not in ids:
    st.session_state.review_pick = ids[0]
by_id = {r["id"]: r for r in rows}
pick = st.selectbox(
    _("Open answer"),
    ids,
    key="review_pick",
    format_func=lambda i: (
        f"#{i} · {outcome_label(by_id[i]['outcome'], _)} · {by_id[i]['question'][:70]}"
    ),
)
st.divider()
row = svc.log.get(pick)
if row is not None:
    render_detail(row, svc.log, session)
