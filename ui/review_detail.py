"""The curator's detail view of one logged answer, and the form to review it."""

from __future__ import annotations

from typing import Any

import streamlit as st

from assistant.answer_log import VERDICTS, AnswerLog
from assistant.auth import StaffSession
from ui.language import N_, _
from ui.navigation import REVIEW_ANCHOR
from ui.present import md_escape, outcome_label
from ui.review_data import VERDICT_LABELS, decisions

ORIGINS = {
    "model": N_("phrased by the model"),
    "source": N_("quoted from a source text"),
    "record": N_("quoted from the catalogue record"),
}


def _heading(text: str) -> None:
    # Not inside an f-string: message extraction (Python 3.11 tokens) cannot see into one.
    st.markdown(f"**{text}**")


def _as_text(text: str) -> None:
    """What a visitor wrote, or what was built from it, shown as plain text.

    Not Markdown: Streamlit's Markdown turns a bare URL ("http://...", "www...") into a link
    a curator might follow, and escaping does not stop it (checked with Streamlit 1.67 in a
    browser: backslashes and character references are linked all the same). ``st.text``
    shows the text as typed, wrapped, with no links.
    """
    st.text(text)


def _verdict(verdict: str) -> str:
    return _(VERDICT_LABELS[verdict])


def _origin(origin: str | None) -> str | None:
    label = ORIGINS.get(origin or "")
    return _(label) if label else origin


def _sentences(row: dict[str, Any]) -> None:
    _heading(_("Sentences shown, each verified against its cited passage"))
    if row["sentences"]:
        # The keys are the column headings. A dataframe, not st.table: Streamlit 1.67 renders
        # st.table's cells as Markdown, and a sentence a visitor steered the model to write
        # ("see http://...") would be a link; a dataframe's cells are plain text.
        st.dataframe(
            [
                {
                    _("sentence"): s["text"],
                    _("cites"): ", ".join(f"[{n}]" for n in s.get("citations", [])),
                    _("origin"): _origin(s.get("origin", "model")),
                    _("verification"): _("passed"),
                }
                for s in row["sentences"]
            ],
            hide_index=True,
        )
    else:
        st.caption(_("None: nothing was shown but the refusal."))
    _heading(_("Dropped sentences and why"))
    if row["dropped"]:
        st.dataframe(
            [
                {
                    _("sentence"): d["text"],
                    _("cites"): ", ".join(f"[{n}]" for n in d.get("citations", [])),
                    _("reason"): d["reason"],
                }
                for d in row["dropped"]
            ],
            hide_index=True,
        )
    else:
        st.caption(_("None."))


def _decided(row: dict[str, Any]) -> None:
    _heading(_("How this answer was decided"))
    shown = decisions(row, _)
    if shown.summary:
        _as_text(shown.summary)
    if shown.lines:
        # One element per stage, close together: a trace detail can hold the visitor's words.
        with st.container(gap=None):
            for line in shown.lines:
                _as_text(line)
    else:
        st.caption(_("No trace recorded: this answer was logged before traces were kept."))


def _passages(row: dict[str, Any]) -> None:
    _heading(_("Cited passages"))
    for c in row["citations"] or []:
        acc = f" ({c['accession_number']})" if c.get("accession_number") else ""
        acc += ", " + _("p. {page}").format(page=c["page"]) if c.get("page") else ""
        st.markdown(f"[{c['n']}] **{md_escape(c.get('title', ''))}**{md_escape(acc)}")
        st.markdown(f"> {md_escape(c.get('passage', ''))}")
    if not row["citations"]:
        st.caption(_("None."))
    _heading(_("Retrieved passages (best first)"))
    if row["retrieved"]:
        st.dataframe(
            [
                {
                    _("score"): r.get("score"),
                    _("kind"): r.get("kind"),
                    _("source"): r.get("source_id"),
                    _("passage"): r.get("passage"),
                }
                for r in row["retrieved"]
            ],
            hide_index=True,
        )
    else:
        st.caption(_("Nothing was retrieved (the question was refused before retrieval)."))


def _review_form(row: dict[str, Any], log: AnswerLog, session: StaffSession) -> None:
    st.subheader(_("Your review"), anchor=REVIEW_ANCHOR)
    if row["review_verdict"]:
        st.caption(
            _("Last reviewed by {name} on {when}: {verdict}.").format(
                name=row["reviewed_by"],
                when=f"{row['reviewed_at'].astimezone():%Y-%m-%d %H:%M}",
                verdict=_verdict(row["review_verdict"]),
            )
        )
    current = VERDICTS.index(row["review_verdict"]) if row["review_verdict"] in VERDICTS else None
    with st.form(f"review_{row['id']}"):
        verdict = st.radio(
            _("Verdict"),
            VERDICTS,
            index=current,
            format_func=_verdict,
            horizontal=True,
            key=f"verdict_{row['id']}",
        )
        note = st.text_area(
            _("Note (optional)"), value=row["review_note"] or "", key=f"note_{row['id']}"
        )
        saved = st.form_submit_button(_("Save review"), type="primary")
    if saved:
        if verdict is None:
            st.error(_("Choose a verdict first."))
            return
        log.review(row["id"], verdict, note or "", session.name)
        # A verdict that files work opens its item in the work list above (on the rerun: the
        # list's picker is drawn already).
        filed = [i["id"] for i in log.work_items() if i["answer_id"] == row["id"]]
        if filed:
            st.session_state.w_open_next = filed[0]
        st.toast(_("Review saved."))
        st.rerun()


def render_detail(row: dict[str, Any], log: AnswerLog, session: StaffSession) -> None:
    """Everything about one answer, then the review form."""
    st.subheader(_("Answer #{id}").format(id=row["id"]))
    timings = " · ".join(
        f"{k.removesuffix('_ms')} {v:.0f} ms" for k, v in row["timings_ms"].items()
    )
    # Facts joined by " · " (date, outcome, model, timings): each one a phrase of its own.
    model = _("model {name}").format(name=row["model"] or _("unknown"))
    st.caption(
        f"{row['created_at'].astimezone():%Y-%m-%d %H:%M} · "
        f"{outcome_label(row['outcome'], _)} · {model}" + (f" · {timings}" if timings else "")
    )
    st.markdown(_("**Question** (personal data redacted)"))
    _as_text(row["question"])
    _heading(_("Answer"))
    _as_text(row["answer"])
    if row["refusal_reason"]:
        st.markdown(_("**Why it was refused:**"))
        _as_text(row["refusal_reason"])
    if row["premise_issues"]:
        st.markdown(_("**Premise checked:**"))
        for issue in row["premise_issues"]:
            _as_text(issue)
    for warning in row["warnings"] or []:
        st.warning(warning)
    flags = row.get("flags", [])
    if flags:
        st.markdown(_("**Flagged by visitors ({n})**").format(n=len(flags)))
        for f in flags:
            when = f["created_at"].astimezone().strftime("%Y-%m-%d %H:%M")
            comment = f["comment"] or _("(no comment)")
            _as_text(f"{when}: {comment}")
    _decided(row)
    _sentences(row)
    _passages(row)
    _review_form(row, log, session)
