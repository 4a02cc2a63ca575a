"""Curator dashboard: questions per day, outcome mix, gaps in the corpus, most-cited sources."""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd
import streamlit as st

from assistant.answer_log import LogFilter
from ui.review_data import local_day_bounds, most_cited, outcome_mix, per_day, top_refused
from ui.services import services
from ui.staff import require
from ui.theme import OUTCOME_COLORS

svc = services()
require(svc, "curator")
st.title("Dashboard")

today = dt.date.today()
days = st.date_input(
    "Date range", value=(today - dt.timedelta(days=30), today), max_value=today, key="d_dates"
)
picked = tuple(days) if isinstance(days, tuple | list) else (days,)
start = picked[0] if picked else today - dt.timedelta(days=30)
end = picked[1] if len(picked) > 1 else start
since, until = local_day_bounds(start, end)
rows = svc.log.search(LogFilter(since=since, until=until, limit=100_000))
if not rows:
    st.info("No questions were asked in this period.")
    st.stop()

total = len(rows)
refused = sum(r["outcome"] == "refused" for r in rows)
flagged = sum(1 for r in rows if r.get("n_flags"))
m1, m2, m3 = st.columns(3)
m1.metric("Questions", total)
m2.metric("Refused", f"{refused / total:.0%}")
m3.metric("Flagged by visitors", flagged)

# One colour per outcome on every chart, each at least 3:1 against white (WCAG 1.4.11).
colors = alt.Scale(domain=list(OUTCOME_COLORS), range=list(OUTCOME_COLORS.values()))

st.subheader("Questions per day")
daily = pd.DataFrame(per_day(rows))
st.altair_chart(
    alt.Chart(daily)
    .mark_bar(size=28)
    .encode(
        x=alt.X("day:O", title="Day", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("questions:Q", title="Questions", axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("outcome:N", title="Outcome", scale=colors),
        tooltip=["day", "outcome", "questions"],
    ),
    alt="Bar chart of questions per day, stacked by outcome",
)

st.subheader("Outcome mix")
mix = pd.DataFrame(outcome_mix(rows))
st.altair_chart(
    alt.Chart(mix)
    .mark_bar()
    .encode(
        y=alt.Y("outcome:N", title=None, sort="-x"),
        x=alt.X("answers:Q", title="Answers", axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("outcome:N", scale=colors, legend=None),
        tooltip=["outcome", "answers"],
    ),
    alt="Bar chart of answers by outcome",
)

st.subheader("Top refused questions")
st.caption("What visitors ask that the vetted texts don't cover: candidates for new texts.")
gaps = top_refused(rows)
if gaps:
    st.table(gaps, hide_index=True)
else:
    st.caption("None in this period.")

st.subheader("Most-cited sources")
cited = most_cited(rows)
if cited:
    st.altair_chart(
        alt.Chart(pd.DataFrame(cited))
        .mark_bar(color=OUTCOME_COLORS["answered"])
        .encode(
            y=alt.Y("source:N", title=None, sort="-x", axis=alt.Axis(labelLimit=320)),
            x=alt.X("answers:Q", title="Answers citing it", axis=alt.Axis(tickMinStep=1)),
            tooltip=["source", "answers"],
        ),
        alt="Bar chart of the sources cited in the most answers",
    )
else:
    st.caption("No answers cited a source in this period.")
