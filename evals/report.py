"""Turn eval results into a rich table, ``report.md``, ``report.json`` and ``chart.png``."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich import box
from rich.table import Table

from evals.agreement import Agreement
from evals.chart import HEADLINE, write_chart
from evals.metrics import MetricSet
from evals.runner import CaseRun, EvalResult
from evals.thresholds import (
    Threshold,
    ThresholdResult,
    check_thresholds,
    evaluate_by_split,
    evaluate_thresholds,
)

__all__ = ["Report", "check_thresholds", "metrics_tables", "thresholds_table", "write_report"]

COLUMNS: list[tuple[str, str]] = [
    ("answer_rate", "answer"),
    ("outcome_accuracy", "outcome"),
    ("refusal_precision", "ref P"),
    ("refusal_recall", "ref R"),
    ("refusal_f1", "ref F1"),
    ("false_premise_correction_rate", "premise"),
    ("false_correction_rate", "false corr."),
    ("fabrication_rate", "fabric."),
    ("plausible_fabrication_refusal_rate", "plaus. ref."),
    ("injection_success_rate", "inject."),
    ("citation_recall", "cite R"),
    ("citation_precision", "cite P"),
    ("unsupported_sentence_rate", "unsupp."),
    ("gold_source_hit_rate", "gold"),
    ("must_include_rate", "incl."),
    ("answer_selection_rate", "select"),
    ("latency_p50_ms", "p50 ms"),
    ("latency_p95_ms", "p95 ms"),
]
OUTCOME_COLUMNS = 10  # the terminal table splits here: outcomes | citations and latency
MAX_REVIEW_ITEMS = 60


def fmt(key: str, value: float | None) -> str:
    """Rates with two decimals, latencies in whole ms, '—' for not applicable."""
    if value is None:
        return "—"
    return f"{value:.0f}" if key.endswith("_ms") else f"{value:.2f}"


@dataclass
class Report:
    """What one ``museum-qa eval`` run produced (one or two arms) and how it is judged."""

    results: list[EvalResult]
    thresholds: list[Threshold]
    agreement: Agreement | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def gated(self) -> EvalResult | None:
        """The arm the thresholds gate: the full assistant if it ran, else the baseline."""
        by_arm = {r.arm: r for r in self.results}
        return by_arm.get("full") or next(iter(by_arm.values()), None)

    def misses(self) -> list[ThresholdResult]:
        """Thresholds the gated arm missed on its judged split (test, when it ran)."""
        gated = self.gated
        return check_thresholds(gated.judged_metrics, self.thresholds) if gated else []

    def gate(self) -> list[ThresholdResult]:
        """Every rule with the gated arm's value on the judged split."""
        gated = self.gated
        return evaluate_thresholds(gated.judged_metrics, self.thresholds) if gated else []


def split_metrics(result: EvalResult) -> dict[str, dict[str, MetricSet]]:
    """The metrics per split (dev, test); ``all`` when the run recorded no split."""
    return result.by_split or {"all": result.metrics}


def split_rows(result: EvalResult) -> list[tuple[str, str, MetricSet]]:
    """``(group, split, metrics)`` with each group's splits on adjacent rows, to compare."""
    splits = split_metrics(result)
    return [
        (group, split, groups[group])
        for group in result.metrics
        for split, groups in splits.items()
        if group in groups
    ]


def metrics_tables(result: EvalResult) -> list[Table]:
    """Two tables (outcomes; citations and latency): a row per group and split.

    Split in two so each fits a normal terminal; report.md has the single wide table.
    """
    title = (
        f"{result.arm} arm — {result.model} ({len(result.runs)} cases, {result.elapsed_s:.0f} s)"
    )
    parts = (
        ("outcomes", COLUMNS[:OUTCOME_COLUMNS]),
        ("citations, latency", COLUMNS[OUTCOME_COLUMNS:]),
    )
    tables = []
    for part, columns in parts:
        table = Table(title=f"{title}: {part}", header_style="bold", box=box.SIMPLE_HEAD)
        for name in ("group", "split"):
            table.add_column(name)
        table.add_column("n", justify="right")
        for _, header in columns:
            table.add_column(header, justify="right")
        for group, split, m in split_rows(result):
            table.add_row(
                group,
                split,
                str(m.n),
                *(fmt(key, getattr(m, key)) for key, _ in columns),
                style="bold" if group == "overall" else None,
            )
        tables.append(table)
    return tables


def _threshold_columns(report: Report) -> tuple[list[str], list[list[ThresholdResult]]]:
    """A column per arm and split: its header and every rule's result in it."""
    headers, columns = [], []
    for result in report.results:
        for split, results in evaluate_by_split(split_metrics(result), report.thresholds).items():
            headers.append(f"{result.arm} {split}")
            columns.append(results)
    return headers, columns


def _status(result: ThresholdResult, markup: dict[str, str]) -> str:
    if not result.applies:
        return "n/a"
    return markup["pass"] if result.passed else markup["miss"]


def _judged_on(report: Report) -> str:
    gated = report.gated
    return f"status: {gated.arm} {gated.judged_split}" if gated else "status"


def thresholds_table(report: Report) -> Table:
    """Each rule, its value per arm and split, and whether the gated arm's judged split meets it."""
    table = Table(title="Thresholds", header_style="bold", box=box.SIMPLE_HEAD)
    table.add_column("rule")
    headers, columns = _threshold_columns(report)
    for header in headers:
        table.add_column(header, justify="right")
    table.add_column(_judged_on(report))
    markup = {"pass": "[green]pass[/green]", "miss": "[red]MISS[/red]"}
    for i, (t, judged) in enumerate(zip(report.thresholds, report.gate(), strict=False)):
        values = [fmt(t.metric, column[i].value) for column in columns]
        table.add_row(t.describe(), *values, _status(judged, markup))
    return table


def _md_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows]
    return [*lines, ""]


def _md_thresholds(report: Report) -> list[str]:
    gated = report.gated
    if not gated:
        return ["## Thresholds", ""]
    lines = [
        "## Thresholds",
        "",
        f"Judged on the **{gated.judged_split}** split of the **{gated.arm}** arm (tune on dev, "
        f"judge on test). Missed: **{len(report.misses())}**.",
        "",
    ]
    headers, columns = _threshold_columns(report)
    markup = {"pass": "pass", "miss": "**MISS**"}
    rows = [
        [t.describe(), *(fmt(t.metric, c[i].value) for c in columns), _status(judged, markup)]
        for i, (t, judged) in enumerate(zip(report.thresholds, report.gate(), strict=True))
    ]
    return lines + _md_table(["rule", *headers, _judged_on(report)], rows)


def _md_side_by_side(report: Report) -> list[str]:
    """Every overall metric with the splits as columns, per arm: the dev-to-test gap at a glance."""
    lines = []
    for result in report.results:
        splits = split_metrics(result)
        lines += [f"## Dev and test side by side: {result.arm} arm (overall)", ""]
        rows = [["cases", *(str(g["overall"].n) for g in splits.values())]]
        rows += [
            [key, *(fmt(key, getattr(g["overall"], key)) for g in splits.values())]
            for key, _ in COLUMNS
        ]
        lines += _md_table(["metric", *splits], rows)
    return lines


LANGUAGE_COLUMNS = (
    "outcome_accuracy",
    "fabrication_rate",
    "false_premise_correction_rate",
    "false_correction_rate",
    "plausible_fabrication_refusal_rate",
    "must_include_rate",
    "answer_selection_rate",
    "gold_source_hit_rate",
)


def _read_as(runs: Sequence[CaseRun], language: str, split: str) -> float | None:
    """Share of a language's cases in ``split`` whose answer was in that language."""
    mine = [r for r in runs if r.case.language == language and r.case.split == split]
    return sum(r.answer.language == language for r in mine) / len(mine) if mine else None


def _md_per_language(report: Report) -> list[str]:
    """Each language's overall metrics per split, when the run asked in more than one."""
    lines: list[str] = []
    for result in report.results:
        if len(result.by_language) < 2:
            continue
        lines += [f"## Per language: {result.arm} arm", ""]
        lines += [
            "'read as' is the share of answers whose language (the assistant's language stage) "
            "is the case's: the language the assistant's own words were in.",
            "",
        ]
        headers = dict(COLUMNS)
        rows = [
            [
                language,
                split,
                str(m.n),
                fmt("rate", _read_as(result.runs, language, split)),
                *(fmt(k, getattr(m, k)) for k in LANGUAGE_COLUMNS),
            ]
            for language, splits in result.by_language.items()
            for split, m in splits.items()
        ]
        lines += _md_table(
            ["language", "split", "n", "read as", *(headers[k] for k in LANGUAGE_COLUMNS)], rows
        )
    return lines


def _review_reasons(run: CaseRun) -> list[str]:
    s = run.score
    reasons = []
    if not s.outcome_ok:
        reasons.append(f"expected {s.expected}, got {s.outcome}")
    if s.fabricated:
        reasons.append("fabrication")
    if s.injection_success:
        reasons.append("injection succeeded")
    if s.forbidden_found:
        reasons.append(f"says {', '.join(repr(f) for f in s.forbidden_found)}")
    if s.judgement.any_unsupported:
        reasons.append("unsupported sentence")
    if s.required_missing and not s.refused:
        reasons.append(f"missing {', '.join(repr(m) for m in s.required_missing)}")
    if s.sentence_shown is False and not s.refused:
        reasons.append("gold sentence not shown")
    return reasons


def render_markdown(report: Report) -> str:
    """Render the human-readable report (definitions live in docs/evals.md)."""
    meta = report.meta
    lines = ["# museum-qa eval report", ""]
    lines += [f"- {k}: {v}" for k, v in meta.items()]
    lines += [
        f"- {r.arm} arm: model `{r.model}`, {len(r.runs)} cases, {r.elapsed_s:.0f} s, "
        f"corpora {', '.join(f'{k} ({v})' for k, v in r.corpora.items())}"
        for r in report.results
    ]
    lines += ["", "Metric definitions: docs/evals.md. '—' means no item in the group applies.", ""]

    lines += _md_thresholds(report)
    lines += _md_side_by_side(report)
    lines += _md_per_language(report)
    if len(report.results) > 1:
        lines += [
            "## What the assistant adds over the bare model "
            f"(overall, {report.results[0].judged_split} split)",
            "",
        ]
        rows = [
            [label, *(fmt(key, getattr(r.judged_metrics["overall"], key)) for r in report.results)]
            for key, label in HEADLINE
        ]
        lines += _md_table(["metric", *(r.arm for r in report.results)], rows)

    for result in report.results:
        lines += [f"## Metrics: {result.arm} arm", ""]
        rows = [
            [g, split, str(m.n), *(fmt(k, getattr(m, k)) for k, _ in COLUMNS)]
            for g, split, m in split_rows(result)
        ]
        lines += _md_table(["group", "split", "n", *(h for _, h in COLUMNS)], rows)

    if report.agreement is not None:
        a = report.agreement
        lines += [
            "## Support checker agreement with hand labels",
            "",
            f"{a.n} hand-labelled sentence/passage pairs (evals/labels/support_pairs.yaml), "
            "default checker = `Verifier.check` with the passage as the only citation.",
            "",
        ]
        lines += _md_table(
            ["accuracy", "precision", "recall", "Cohen's kappa", "TP", "FP", "TN", "FN"],
            [
                [
                    fmt("", a.accuracy),
                    fmt("", a.precision),
                    fmt("", a.recall),
                    fmt("", a.kappa),
                    str(a.tp),
                    str(a.fp),
                    str(a.tn),
                    str(a.fn),
                ]
            ],
        )
        lines += _md_table(
            ["pair kind", "accuracy"], [[k, fmt("", v)] for k, v in a.by_kind.items()]
        )
        if a.disagreements:
            lines += ["Disagreements:", ""]
            lines += [
                f"- `{d['id']}` ({d['kind']}): label {d['label']}, checker "
                f"{d['checker']}: {d['sentence']}"
                for d in a.disagreements
            ]
            lines.append("")

    for result in report.results:
        flagged = [(run, _review_reasons(run)) for run in result.runs]
        flagged = [(run, reasons) for run, reasons in flagged if reasons]
        lines += [f"## Items to review: {result.arm} arm ({len(flagged)})", ""]
        if not flagged:
            lines.append("None.")
        for run, reasons in flagged[:MAX_REVIEW_ITEMS]:
            answer = " ".join(run.answer.answer.split())
            lines.append(
                f"- `{run.case.id}` ({run.case.category}, {run.case.split}; {'; '.join(reasons)}): "
                f"Q: {run.case.scored_question} A: {answer[:300]}"
            )
        if len(flagged) > MAX_REVIEW_ITEMS:
            lines.append(f"- ... and {len(flagged) - MAX_REVIEW_ITEMS} more (see report.json)")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _item(run: CaseRun) -> dict[str, Any]:
    record = run.answer.to_record()
    # Passage text of every retrieved chunk would dwarf the report; ids and scores suffice.
    record["retrieved"] = [
        {k: r.get(k) for k in ("chunk_id", "source_id", "score", "kind")}
        for r in record.get("retrieved", [])
    ]
    s = run.score
    return {
        "case": run.case.model_dump(),
        "turn_answers": [a.answer for a in run.answers],
        "answer": record,
        "score": {
            "outcome_ok": s.outcome_ok,
            "fabricated": s.fabricated,
            "injection_success": s.injection_success,
            "premise_corrected": s.premise_corrected,
            "gold_hit": s.gold_hit,
            "sentence_shown": s.sentence_shown,
            "falsely_corrected": s.falsely_corrected,
            "fabrication_refused": s.fabrication_refused,
            "forbidden_found": s.forbidden_found,
            "required_missing": s.required_missing,
            "citation_recall": s.judgement.citation_recall,
            "citation_precision": s.judgement.citation_precision,
            "sentences": [
                {
                    "text": j.text,
                    "citations": j.citations,
                    "supported": j.supported,
                    "precise": j.precise,
                }
                for j in s.judgement.sentences
            ],
            "latency_ms": s.latency_ms,
        },
    }


def report_data(report: Report) -> dict[str, Any]:
    """Everything in the report as plain JSON data, per arm and per item."""
    arms: dict[str, Any] = {}
    for result in report.results:
        per_split = evaluate_by_split(split_metrics(result), report.thresholds)
        arms[result.arm] = {
            "model": result.model,
            "elapsed_s": result.elapsed_s,
            "corpora": result.corpora,
            "judged_split": result.judged_split,
            "metrics": {g: m.to_dict() for g, m in result.metrics.items()},
            "metrics_by_split": {
                split: {g: m.to_dict() for g, m in groups.items()}
                for split, groups in split_metrics(result).items()
            },
            "metrics_by_language": {
                language: {split: m.to_dict() for split, m in splits.items()}
                for language, splits in result.by_language.items()
            },
            "thresholds": [
                {
                    "rule": r.threshold.describe(),
                    **r.threshold.model_dump(),
                    "value": r.value,
                    "values_by_split": {split: rs[i].value for split, rs in per_split.items()},
                    "passed": r.passed,
                    "applies": r.applies,
                }
                for i, r in enumerate(evaluate_thresholds(result.judged_metrics, report.thresholds))
            ],
            "items": [_item(run) for run in result.runs],
        }
    gated = report.gated
    return {
        "meta": report.meta,
        "gated_arm": gated.arm if gated else None,
        "judged_split": gated.judged_split if gated else None,
        "misses": [r.threshold.describe() for r in report.misses()],
        "arms": arms,
        "agreement": report.agreement.to_dict() if report.agreement else None,
    }


def write_report(report: Report, out_dir: Path) -> dict[str, Path]:
    """Write ``report.md``, ``report.json`` and ``chart.png`` into ``out_dir``; return paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    report.meta.setdefault("created", dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    paths = {
        "markdown": out_dir / "report.md",
        "json": out_dir / "report.json",
        "chart": out_dir / "chart.png",
    }
    paths["markdown"].write_text(render_markdown(report), encoding="utf-8")
    paths["json"].write_text(
        json.dumps(report_data(report), ensure_ascii=False, indent=2), encoding="utf-8"
    )
    write_chart(report.results, report.thresholds, paths["chart"])
    return paths
