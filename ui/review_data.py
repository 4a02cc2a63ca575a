"""Curator review data: the log table, its exports (CSV, JSON Lines) and dashboard figures.

Plain functions over the rows ``AnswerLog.search`` returns, so they are tested without a
browser; the pages only lay them out.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from assistant.i18n import N_
from ui.csv_export import csv_bytes
from ui.present import Translate, as_written, outcome_label

# English msgids: the pages translate them where they are shown.
VERDICT_LABELS = {
    "correct": N_("Correct"),
    "incorrect": N_("Incorrect"),
    "needs_source": N_("Needs a source"),
}
UNKNOWN_LANGUAGE = "unknown"  # rows logged before questions' languages were recorded
CSV_COLUMNS = [
    "id",
    "created_at",
    "outcome",
    "question",
    "answer",
    "refusal_reason",
    "n_flags",
    "n_dropped",
    "top_score",
    "cited_sources",
    "model",
    "review_verdict",
    "review_note",
    "reviewed_by",
    "reviewed_at",
]


def local_day_bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """A date range picked on screen (local days, inclusive) as UTC instants [since, until)."""
    tz = dt.datetime.now().astimezone().tzinfo
    since = dt.datetime.combine(start, dt.time.min, tzinfo=tz)
    until = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    return since.astimezone(dt.UTC), until.astimezone(dt.UTC)


# The date range staff pages show at first: the last this many days.
DEFAULT_RANGE_DAYS = 30


def picked_days(days: Any, today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day a date-range picker holds.

    The picker gives a pair, or one day while the range is still being picked (that day),
    or nothing (the default range).
    """
    picked = tuple(days) if isinstance(days, tuple | list) else (days,)
    start = picked[0] if picked and picked[0] else today - dt.timedelta(days=DEFAULT_RANGE_DAYS)
    end = picked[1] if len(picked) > 1 else start
    return start, end


def _local(value: dt.datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else ""


def cited_sources(row: dict[str, Any]) -> str:
    """The titles an answer cited, in citation order."""
    return "; ".join(str(c.get("title") or c.get("source_id", "")) for c in row["citations"] or [])


def table(rows: list[dict[str, Any]], translate: Translate = as_written) -> list[dict[str, Any]]:
    """Rows for the on-screen table (short, readable columns)."""
    verdict = {k: translate(v) for k, v in VERDICT_LABELS.items()}
    return [
        {
            "id": r["id"],
            "when": _local(r["created_at"]),
            "outcome": outcome_label(r["outcome"], translate),
            "question": r["question"],
            "flags": r.get("n_flags", 0),
            "dropped": r["n_dropped"],
            "support": r["top_score"],
            "review": verdict.get(r["review_verdict"] or "", ""),
        }
        for r in rows
    ]


@dataclass(frozen=True)
class Decisions:
    """How one logged answer was decided, ready to show.

    Attributes:
        summary: "Refused by <stage>: <reason>" for a refusal whose trace names the stage,
            else None.
        lines: One "stage: decision (detail)" line per stage, in the order they ran; empty
            for a row logged before traces were kept.

    """

    summary: str | None
    lines: list[str]


def decisions(row: dict[str, Any], translate: Translate = as_written) -> Decisions:
    """The answer's trace as one line per stage, and for a refusal the stage that refused.

    Stage names, decisions and details are the log's own records, shown as recorded.
    """
    # Each record is {stage, decision, detail} (Answer.trace); rows logged before traces were
    # kept have None.
    steps = [
        (str(d.get("stage") or "?"), str(d.get("decision") or ""), str(d.get("detail") or ""))
        for d in row.get("trace") or []
        if isinstance(d, dict)
    ]
    summary = None
    refusals = [(stage, detail) for stage, decision, detail in steps if decision == "refused"]
    if row.get("outcome") == "refused" and refusals:
        # A run stops at its refusal, so the last one recorded is the one that stood.
        stage, reason = refusals[-1]
        summary = (
            translate(N_("Refused by {stage}: {reason}")).format(stage=stage, reason=reason)
            if reason
            else translate(N_("Refused by {stage}")).format(stage=stage)
        )
    lines = [
        stage + (f": {decision}" if decision else "") + (f" ({detail})" if detail else "")
        for stage, decision, detail in steps
    ]
    return Decisions(summary, lines)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return value


def to_csv(rows: list[dict[str, Any]]) -> bytes:
    """The rows as CSV (one line per answer; nested fields summarised), UTF-8 with BOM.

    Written by ``csv_bytes``: a visitor's question cannot be a formula in a spreadsheet.
    """
    return csv_bytes(
        (
            {**{k: _plain(r.get(k)) for k in CSV_COLUMNS}, "cited_sources": cited_sources(r)}
            for r in rows
        ),
        CSV_COLUMNS,
    )


def to_jsonl(rows: list[dict[str, Any]]) -> bytes:
    """The rows as JSON Lines, every field including sentences, citations and retrieval."""
    return "".join(
        json.dumps({k: _plain(v) for k, v in r.items()}, ensure_ascii=False) + "\n" for r in rows
    ).encode("utf-8")


def per_day(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Questions per local day and outcome, oldest first (for a stacked bar chart)."""
    counts = Counter((r["created_at"].astimezone().date(), r["outcome"]) for r in rows)
    return [
        {"day": day.isoformat(), "outcome": outcome, "questions": n}
        for (day, outcome), n in sorted(counts.items())
    ]


def outcome_mix(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """How many answers had each outcome."""
    counts = Counter(r["outcome"] for r in rows)
    return [{"outcome": k, "answers": v} for k, v in counts.most_common()]


def _normal(question: str) -> str:
    return re.sub(r"[^\w\s]", "", question.lower()).strip()


def top_refused(
    rows: list[dict[str, Any]], limit: int = 10, translate: Translate = as_written
) -> list[dict[str, Any]]:
    """The most frequent refused questions: where the vetted texts have gaps.

    The keys are the table's column headings.
    """
    refused = [r for r in rows if r["outcome"] == "refused"]
    counts = Counter(_normal(r["question"]) for r in refused)
    example = {_normal(r["question"]): r["question"] for r in refused}
    question, asked = translate(N_("Question")), translate(N_("Times asked"))
    return [{question: example[q], asked: n} for q, n in counts.most_common(limit)]


def most_cited(rows: list[dict[str, Any]], limit: int = 10) -> list[dict[str, Any]]:
    """The sources cited in the most answers."""
    counts: Counter[str] = Counter()
    for r in rows:
        counts.update({str(c.get("title") or c.get("source_id")) for c in r["citations"] or []})
    return [{"source": s, "answers": n} for s, n in counts.most_common(limit)]


def flagged_sources(rows: list[dict[str, Any]], limit: int = 10) -> list[dict[str, Any]]:
    """The sources cited by the most answers that were flagged or judged incorrect.

    Each with how many answers cited it at all, so a source cited often and flagged once
    reads differently from one flagged every time it is cited.
    """
    cited: Counter[str] = Counter()
    flagged: Counter[str] = Counter()
    for r in rows:
        sources = {str(c.get("title") or c.get("source_id")) for c in r["citations"] or []}
        cited.update(sources)
        if r.get("n_flags") or r.get("review_verdict") == "incorrect":
            flagged.update(sources)
    order = sorted(flagged, key=lambda s: (-flagged[s], -cited[s], s))[:limit]
    return [{"source": s, "flagged": flagged[s], "answers": cited[s]} for s in order]


def topic_table(
    found: list[Any], trend_days: int, translate: Translate = as_written
) -> list[dict[str, Any]]:
    """Topics (``assistant.topics.Topic``) as rows; the keys are the table's column headings.

    The trend is the count of the last ``trend_days`` days against the days before, signed.
    """
    question = translate(N_("Most asked question"))
    asked = translate(N_("Times asked"))
    recent = translate(N_("Last {days} days")).format(days=trend_days)
    previous = translate(N_("{days} days before")).format(days=trend_days)
    trend = translate(N_("Trend"))
    also = translate(N_("Also asked as"))
    return [
        {
            question: t.question,
            asked: t.count,
            recent: t.recent,
            previous: t.previous,
            trend: f"{t.change:+d}" if t.change else "0",
            also: " · ".join(t.others[:3]),
        }
        for t in found
    ]


def per_language(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """How many questions were asked in each language, most first (ties by code).

    Rows logged before the language was recorded count as ``UNKNOWN_LANGUAGE``, listed last.
    """
    counts = Counter(r.get("language") or UNKNOWN_LANGUAGE for r in rows)
    order = sorted(counts, key=lambda c: (c == UNKNOWN_LANGUAGE, -counts[c], c))
    return [{"language": c, "questions": counts[c]} for c in order]


# The work list (AnswerLog.work_items): English msgids, translated where they are shown.
ITEM_STATUS_LABELS = {
    "open": N_("Open"),
    "in_progress": N_("In progress"),
    "resolved": N_("Resolved"),
    "wont_fix": N_("Won't fix"),
}
ITEM_REASON_LABELS = {
    "flag": N_("Visitor's flag"),
    "incorrect": N_("Verdict: incorrect"),
    "needs_source": N_("Verdict: needs a source"),
}


def work_table(
    items: list[dict[str, Any]], translate: Translate = as_written
) -> list[dict[str, Any]]:
    """Rows for the on-screen work list (labels in the UI language; "" for nobody on it)."""
    return [
        {
            "item": i["id"],
            "answer": i["answer_id"],
            "status": translate(ITEM_STATUS_LABELS.get(i["status"], i["status"])),
            "reason": translate(ITEM_REASON_LABELS.get(i["reason"], i["reason"])),
            "assignee": i["assignee"] or "",
            "question": i["question"],
            "updated": _local(i["updated_at"]),
        }
        for i in items
    ]


def status_counts(
    counts: dict[str, int], translate: Translate = as_written
) -> list[tuple[str, int]]:
    """``AnswerLog.item_counts`` as (status label, count), in the statuses' order."""
    return [(translate(ITEM_STATUS_LABELS.get(s, s)), n) for s, n in counts.items()]


def item_history(events: list[dict[str, Any]], translate: Translate = as_written) -> list[str]:
    """An item's history, one line per event, oldest first: when, who, what."""
    visitor = translate(N_("a visitor"))
    nobody = translate(N_("nobody"))
    lines = []
    for e in events:
        value = e["value"] or ""
        if e["action"] in ("opened", "reported"):
            what = translate(
                N_("opened: {reason}")
                if e["action"] == "opened"
                else N_("reported again: {reason}")
            ).format(reason=translate(ITEM_REASON_LABELS.get(value, value)))
        elif e["action"] == "status":
            what = translate(N_("status: {status}")).format(
                status=translate(ITEM_STATUS_LABELS.get(value, value))
            )
        else:
            what = translate(N_("assigned to {name}")).format(name=value or nobody)
        lines.append(f"{_local(e['at'])} · {e['actor'] or visitor} · {what}")
    return lines


def assignee_choices(active_names: list[str], me: str, current: str | None) -> list[str]:
    """Who an item can be given to: nobody (""), me, then the other active staff, by name.

    The current assignee stays listed even when their account was disabled since, so
    saving a status change does not quietly take the item off them.
    """
    names = ["", me, *sorted(n for n in active_names if n != me)]
    if current and current not in names:
        names.append(current)
    return names
