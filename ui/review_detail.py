"""The curator's detail view of one logged answer, and the form to review it."""

from __future__ import annotations

from typing import Any

import streamlit as st

from assistant.answer_log import VERDICTS, AnswerLog
from assistant.auth import StaffSession
from ui.present import md_escape, outcome_label
from ui.review_data import VERDICT_LABELS, decisions

ORIGINS = {
    "model": "phrased by the model",
    "source": "quoted from a source text",
    "record": "quoted from the catalogue record",
}


def _sentences(row: dict[str, Any]) -> None:
    st.markdown("**Sentences shown, each verified against its cited passage**")
    if row["sentences"]:
        st.table(
            [
                {
                    "sentence": s["text"],
                    "cites": ", ".join(f"[{n}]" for n in s.get("citations", [])),
                    "origin": ORIGINS.get(s.get("origin", "model"), s.get("origin")),
                    "verification": "passed",
                }
                for s in row["sentences"]
            ],
            hide_index=True,
        )
    else:
        st.caption("None: nothing was shown but the refusal.")
    st.markdown("**Dropped sentences and why**")
    if row["dropped"]:
        st.table(
            [
                {
                    "sentence": d["text"],
                    "cites": ", ".join(f"[{n}]" for n in d.get("citations", [])),
                    "reason": d["reason"],
                }
                for d in row["dropped"]
            ],
            hide_index=True,
        )
    else:
        st.caption("None.")


def _decided(row: dict[str, Any]) -> None:
    st.markdown("**How this answer was decided**")
    shown = decisions(row)
    if shown.summary:
        st.markdown(md_escape(shown.summary))
    if shown.lines:
        st.markdown("\n".join(f"- {md_escape(line)}" for line in shown.lines))
    else:
        st.caption("No trace recorded: this answer was logged before traces were kept.")


def _passages(row: dict[str, Any]) -> None:
    st.markdown("**Cited passages**")
    for c in row["citations"] or []:
        acc = f" ({c['accession_number']})" if c.get("accession_number") else ""
        acc += f", p. {c['page']}" if c.get("page") else ""
        st.markdown(f"[{c['n']}] **{md_escape(c.get('title', ''))}**{md_escape(acc)}")
        st.markdown(f"> {md_escape(c.get('passage', ''))}")
    if not row["citations"]:
        st.caption("None.")
    st.markdown("**Retrieved passages (best first)**")
    if row["retrieved"]:
        st.dataframe(
            [
                {
                    "score": r.get("score"),
                    "kind": r.get("kind"),
                    "source": r.get("source_id"),
                    "passage": r.get("passage"),
                }
                for r in row["retrieved"]
            ],
            hide_index=True,
        )
    else:
        st.caption("Nothing was retrieved (the question was refused before retrieval).")


def _review_form(row: dict[str, Any], log: AnswerLog, session: StaffSession) -> None:
    st.markdown("**Your review**")
    if row["review_verdict"]:
        st.caption(
            f"Last reviewed by {row['reviewed_by']} on "
            f"{row['reviewed_at'].astimezone():%Y-%m-%d %H:%M}: "
            f"{VERDICT_LABELS[row['review_verdict']]}."
        )
    current = VERDICTS.index(row["review_verdict"]) if row["review_verdict"] in VERDICTS else None
    with st.form(f"review_{row['id']}"):
        verdict = st.radio(
            "Verdict",
            VERDICTS,
            index=current,
            format_func=VERDICT_LABELS.__getitem__,
            horizontal=True,
            key=f"verdict_{row['id']}",
        )
        note = st.text_area(
            "Note (optional)", value=row["review_note"] or "", key=f"note_{row['id']}"
        )
        saved = st.form_submit_button("Save review", type="primary")
    if saved:
        if verdict is None:
            st.error("Choose a verdict first.")
            return
        log.review(row["id"], verdict, note or "", session.name)
        st.toast("Review saved.")
        st.rerun()


def render_detail(row: dict[str, Any], log: AnswerLog, session: StaffSession) -> None:
    """Everything about one answer, then the review form."""
    st.subheader(f"Answer #{row['id']}")
    timings = " · ".join(
        f"{k.removesuffix('_ms')} {v:.0f} ms" for k, v in row["timings_ms"].items()
    )
    st.caption(
        f"{row['created_at'].astimezone():%Y-%m-%d %H:%M} · {outcome_label(row['outcome'])} · "
        f"model {row['model'] or 'unknown'}" + (f" · {timings}" if timings else "")
    )
    st.markdown(f"**Question** (personal data redacted)  \n{md_escape(row['question'])}")
    st.markdown(f"**Answer**  \n{md_escape(row['answer'])}")
    if row["refusal_reason"]:
        st.markdown(f"**Why it was refused:** {md_escape(row['refusal_reason'])}")
    for issue in row["premise_issues"] or []:
        st.markdown(f"**Premise checked:** {md_escape(issue)}")
    for warning in row["warnings"] or []:
        st.warning(warning)
    flags = row.get("flags", [])
    if flags:
        st.markdown(f"**Flagged by visitors ({len(flags)})**")
        for f in flags:
            when = f["created_at"].astimezone().strftime("%Y-%m-%d %H:%M")
            st.markdown(f"- {when}: {md_escape(f['comment']) or '(no comment)'}")
    _decided(row)
    _sentences(row)
    _passages(row)
    _review_form(row, log, session)
