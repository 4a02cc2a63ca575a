"""Admin: the audit trail, newest first, filtered by actor, action and day, in pages.

Curators cannot open it (``require(svc, "admin")``): it shows who signed in when, and every
admin's changes to accounts.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any

import streamlit as st

from assistant.audit import AUDIT_ACTIONS, AuditFilter, AuditTrail
from assistant.i18n import ngettext
from ui.csv_export import csv_bytes
from ui.language import _, current
from ui.review_data import DEFAULT_RANGE_DAYS, local_day_bounds, picked_days
from ui.services import services
from ui.staff import require

COLUMNS = ("when", "actor", "action", "target", "details")

svc = services()
require(svc, "admin")
st.title(_("Audit trail"))
st.caption(
    _(
        "Every change to reviews, work items, flags and accounts, every staff sign-in and "
        "every purge, with who made it. Rows can be added, never changed or deleted."
    )
)
trail = AuditTrail(svc.log.engine)


def _filters() -> AuditFilter:
    today = dt.date.today()
    left, middle, right = st.columns(3)
    actor = left.selectbox(
        _("Actor"),
        ["", *trail.actors()],
        key="a_actor",
        format_func=lambda a: a or _("Anyone"),
    )
    action = middle.selectbox(
        _("Action"),
        ["", *AUDIT_ACTIONS],
        key="a_action",
        format_func=lambda a: a or _("Any action"),
    )
    days = right.date_input(
        _("Date range"),
        value=(today - dt.timedelta(days=DEFAULT_RANGE_DAYS), today),
        max_value=today,
        key="a_dates",
    )
    since, until = local_day_bounds(*picked_days(days, today))
    return AuditFilter(actor=actor or None, action=action or None, since=since, until=until)


def _row(event: dict[str, Any]) -> dict[str, Any]:
    return {
        "when": event["at"].astimezone().strftime("%Y-%m-%d %H:%M:%S"),
        "actor": event["actor"],
        "action": event["action"],
        "target": event["target"],
        "details": json.dumps(event["details"], ensure_ascii=False, sort_keys=True),
    }


where = _filters()
total = trail.count(where)
size = svc.settings.audit_page_size
pages = max(1, math.ceil(total / size))
st.markdown(
    ngettext(current(), "**{n} change** matches.", "**{n} changes** match.", total).format(n=total)
)
if not total:
    st.info(_("No changes match these filters."))
    st.stop()
page = int(
    st.number_input(
        _("Page (of {pages})").format(pages=pages),
        min_value=1,
        max_value=pages,
        value=1,
        step=1,
        key="a_page",
    )
)
rows = [_row(e) for e in trail.events(where, limit=size, offset=(page - 1) * size)]
st.dataframe(
    rows,
    hide_index=True,
    key="audit_table",
    column_config={
        "when": st.column_config.TextColumn(_("When")),
        "actor": st.column_config.TextColumn(_("Actor")),
        "action": st.column_config.TextColumn(_("Action")),
        "target": st.column_config.TextColumn(_("Target")),
        "details": st.column_config.TextColumn(_("Details"), width="large"),
    },
)


def _export() -> bytes:
    """Every matching row (up to ``audit_export_max``), read only when the button is clicked."""
    events = trail.events(where, limit=svc.settings.audit_export_max)
    return csv_bytes([_row(e) for e in events], COLUMNS)


st.download_button(
    _("Export CSV"),
    _export,
    file_name=f"museum-qa-audit-{dt.date.today():%Y%m%d}.csv",
    mime="text/csv",
    key="audit_export",
    icon=":material/download:",
    on_click="ignore",
)
