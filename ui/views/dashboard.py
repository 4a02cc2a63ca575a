"""Curator dashboard: work items, questions per day, outcome mix, languages, gaps, sources."""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd
import streamlit as st

from assistant.answer_log import LogFilter
from assistant.i18n import language_name
from assistant.topics import (
    Asked,
    Topic,
    VectorCache,
    embed_with,
    gap_questions,
    topic_embedder,
    topics,
)
from ui.language import N_, _, current
from ui.review_data import (
    DEFAULT_RANGE_DAYS,
    UNKNOWN_LANGUAGE,
    flagged_sources,
    local_day_bounds,
    most_cited,
    outcome_mix,
    per_day,
    per_language,
    picked_days,
    status_counts,
    top_refused,
    topic_table,
)
from ui.services import services
from ui.staff import require
from ui.theme import CHART_TEXT_CONFIG, OUTCOME_COLORS

# The charts' outcome words, lower case as the log spells them (the review table capitalises).
OUTCOME_WORDS = {"answered": N_("answered"), "corrected": N_("corrected"), "refused": N_("refused")}


def outcome_word(outcome: str) -> str:
    """An outcome as the charts name it, in the UI language."""
    word = OUTCOME_WORDS.get(outcome)
    return _(word) if word else outcome


def language_label(code: str) -> str:
    """A question language's name in the UI language ("Français" in French, "French" in English)."""
    return _("Unknown") if code == UNKNOWN_LANGUAGE else language_name(code, current())


def readable(chart: alt.Chart) -> alt.Chart:
    """``chart`` with its axis, legend and title text in the theme's AA colours.

    Set on the chart itself: Streamlit's chart theme (grey #808495, 3.7:1 on white) only
    fills in what the chart's own config leaves unset.
    """
    config = CHART_TEXT_CONFIG
    return (
        chart.configure_axis(**config["axis"])
        .configure_legend(**config["legend"])
        .configure_title(**config["title"])
        .configure_text(**config["text"])
    )


@st.cache_resource(show_spinner=False)
def question_vectors(embedder: str, size: int) -> VectorCache:
    """One per app process: a question is embedded once, whatever period shows it."""
    return VectorCache(embed_with(embedder), size)


@st.cache_data(show_spinner=False, max_entries=8)
def question_topics(
    asked: tuple[Asked, ...], until: dt.datetime, embedder: str, cut: float, days: int, size: int
) -> list[Topic]:
    """Topics of the period's gap questions; the page reruns on every click, this does not."""
    embed = question_vectors(embedder, size)
    return topics(asked, embed, max_distance=cut, until=until, trend_days=days)


svc = services()
require(svc, "curator")
st.title(_("Dashboard"))

# Work is counted whenever it was filed: an item opened last quarter and still open counts.
st.subheader(_("Work list"))
counts = status_counts(svc.log.item_counts(), _)
for column, (label, n) in zip(st.columns(len(counts)), counts, strict=True):
    column.metric(label, n)

today = dt.date.today()
days = st.date_input(
    _("Date range"),
    value=(today - dt.timedelta(days=DEFAULT_RANGE_DAYS), today),
    max_value=today,
    key="d_dates",
)
since, until = local_day_bounds(*picked_days(days, today))
rows = svc.log.search(LogFilter(since=since, until=until, limit=100_000))
if not rows:
    st.info(_("No questions were asked in this period."))
    st.stop()

total = len(rows)
refused = sum(r["outcome"] == "refused" for r in rows)
flagged = sum(1 for r in rows if r.get("n_flags"))
m1, m2, m3 = st.columns(3)
m1.metric(_("Questions"), total)
m2.metric(_("Refused"), f"{refused / total:.0%}")
m3.metric(_("Flagged by visitors"), flagged)


def figures_as_table(frame: pd.DataFrame, key: str) -> None:
    """A chart's figures as an HTML table, under the chart.

    st.table, so a screen reader reads it cell by cell; the cells are our numbers and words,
    never visitors' text (st.table reads cells as Markdown).
    """
    with st.expander(_("The chart's figures as a table"), key=key):
        st.table(frame, hide_index=True)


# One colour per outcome on every chart, each at least 3:1 against white (WCAG 1.4.11).
# The charts plot the outcome's word in the UI language, so the scale maps those words.
colors = alt.Scale(
    domain=[outcome_word(o) for o in OUTCOME_COLORS], range=list(OUTCOME_COLORS.values())
)

st.subheader(_("Questions per day"))
daily = pd.DataFrame(per_day(rows))
daily["outcome"] = daily["outcome"].map(outcome_word)
st.altair_chart(
    readable(
        alt.Chart(daily)
        .mark_bar(size=28)
        .encode(
            x=alt.X("day:O", title=_("Day"), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("questions:Q", title=_("Questions"), axis=alt.Axis(tickMinStep=1)),
            color=alt.Color("outcome:N", title=_("Outcome"), scale=colors),
            tooltip=[
                alt.Tooltip("day:O", title=_("Day")),
                alt.Tooltip("outcome:N", title=_("Outcome")),
                alt.Tooltip("questions:Q", title=_("Questions")),
            ],
        )
    ),
    alt=_("Bar chart of questions per day, stacked by outcome"),
)
# The chart's figures as text, for those who cannot see the bars (WCAG 1.1.1): one row a
# day, one column an outcome, as the bars stack them.
per_day_table = (
    daily.pivot_table(index="day", columns="outcome", values="questions", fill_value=0)
    .reset_index()
    .rename(columns={"day": _("Day")})
)
per_day_table.columns.name = None
figures_as_table(per_day_table, "daily_table")

st.subheader(_("Outcome mix"))
mix = pd.DataFrame(outcome_mix(rows))
mix["outcome"] = mix["outcome"].map(outcome_word)
st.altair_chart(
    readable(
        alt.Chart(mix)
        .mark_bar()
        .encode(
            y=alt.Y("outcome:N", title=None, sort="-x"),
            x=alt.X("answers:Q", title=_("Answers"), axis=alt.Axis(tickMinStep=1)),
            color=alt.Color("outcome:N", scale=colors, legend=None),
            tooltip=[
                alt.Tooltip("outcome:N", title=_("Outcome")),
                alt.Tooltip("answers:Q", title=_("Answers")),
            ],
        )
    ),
    alt=_("Bar chart of answers by outcome"),
)
figures_as_table(
    mix.rename(columns={"outcome": _("Outcome"), "answers": _("Answers")}), "mix_table"
)

st.subheader(_("Questions per language"))
st.caption(_("The language each question was asked in, as the assistant detected it."))
st.table(
    # The keys are the column headings.
    [
        {_("Language"): language_label(d["language"]), _("Questions"): d["questions"]}
        for d in per_language(rows)
    ],
    hide_index=True,
)

st.subheader(_("Top refused questions"))
st.caption(_("What visitors ask that the vetted texts don't cover: candidates for new texts."))
gaps = top_refused(rows, translate=_)
if gaps:
    # Visitors' questions: a dataframe shows them as text (st.table reads its cells as
    # Markdown, so a bare URL in a question would be a link).
    st.dataframe(gaps, hide_index=True)
else:
    st.caption(_("None in this period."))

st.subheader(_("Topics of refused and flagged questions"))
settings = svc.settings
days_back = settings.topic_trend_days
st.caption(
    _(
        "Refused, flagged and judged-lacking questions grouped by meaning, most asked first: "
        "what to write next. The trend compares the last {days} days of the period with the "
        "{days} days before."
    ).format(days=days_back)
)
gap_asked = tuple(gap_questions(rows, settings.topic_max_questions))
if gap_asked:
    embedder, cut = topic_embedder(settings)
    trend_end = min(until, dt.datetime.now(dt.UTC))
    with st.spinner(_("Grouping questions by topic...")):
        found = question_topics(
            gap_asked, trend_end, embedder, cut, days_back, settings.topic_cache_size
        )
    st.dataframe(
        topic_table(found[: settings.topic_limit], days_back, _),
        hide_index=True,
    )
else:
    st.caption(_("None in this period."))

st.subheader(_("Most-cited sources"))
cited = most_cited(rows)
if cited:
    st.altair_chart(
        readable(
            alt.Chart(pd.DataFrame(cited))
            .mark_bar(color=OUTCOME_COLORS["answered"])
            .encode(
                y=alt.Y("source:N", title=None, sort="-x", axis=alt.Axis(labelLimit=320)),
                x=alt.X("answers:Q", title=_("Answers citing it"), axis=alt.Axis(tickMinStep=1)),
                tooltip=[
                    alt.Tooltip("source:N", title=_("Source")),
                    alt.Tooltip("answers:Q", title=_("Answers")),
                ],
            )
        ),
        alt=_("Bar chart of the sources cited in the most answers"),
    )
else:
    st.caption(_("No answers cited a source in this period."))

st.subheader(_("Most-flagged sources"))
st.caption(_("Sources cited by answers that visitors flagged or curators judged incorrect."))
flagged_rows = flagged_sources(rows)
if flagged_rows:
    st.dataframe(
        [
            {
                _("Source"): f["source"],
                _("Flagged or incorrect"): f["flagged"],
                _("Answers citing it"): f["answers"],
            }
            for f in flagged_rows
        ],
        hide_index=True,
    )
else:
    st.caption(_("No answer citing a source was flagged in this period."))
