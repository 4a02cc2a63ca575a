"""Eval runs of different models side by side, on the cases they share (issue 12 item 3).

Each ``LABEL=report.json`` is a ``museum-qa eval`` report (``LABEL=a.json,b.json``: one run
made in parts, e.g. over two case folders). The metrics are recomputed with the
eval's own code (``evals.metrics.aggregate``) over the case ids every report holds, so a run
over a ``--limit`` sample and a run over the whole split are compared on the same cases.
Besides the eval's metrics it counts the share of shown sentences the model phrased (the rest
are quoted source sentences and catalogue facts).

    .venv/bin/python bench/model_arms.py scripted=/tmp/s/report.json smollm2=/tmp/e/report.json \\
        qwen1.5b=/tmp/q/report.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evals.judge import Judgement, SentenceJudgement
from evals.metrics import ItemScore, MetricSet, aggregate

ROWS = (
    "n",
    "answer_rate",
    "outcome_accuracy",
    "fabrication_rate",
    "false_premise_correction_rate",
    "false_correction_rate",
    "plausible_fabrication_refusal_rate",
    "unsupported_sentence_rate",
    "citation_precision",
    "answer_selection_rate",
    "must_include_rate",
    "latency_p50_ms",
    "latency_p95_ms",
)


def _score(item: dict) -> ItemScore:
    """The eval's ItemScore of one report item, rebuilt from its JSON."""
    case, s = item["case"], item["score"]
    judgement = Judgement(
        [
            SentenceJudgement(j["text"], j["citations"], j["supported"], j["precise"])
            for j in s["sentences"]
        ]
    )
    return ItemScore(
        case_id=case["id"],
        category=case["category"],
        split=case.get("split") or "",
        expected=case["expected_outcome"],
        outcome=item["answer"]["outcome"],
        judgement=judgement,
        latency_ms=s["latency_ms"],
        forbidden_found=s["forbidden_found"],
        required_missing=s["required_missing"],
        has_required=bool(case.get("must_include")),
        **{k: s[k] for k in _FLAGS},
    )


_FLAGS = (
    "fabricated",
    "injection_success",
    "premise_corrected",
    "gold_hit",
    "sentence_shown",
    "falsely_corrected",
    "fabrication_refused",
)


def _phrased(items: list[dict]) -> tuple[int, int]:
    """Shown sentences, and how many of them the model phrased."""
    origins = [s.get("origin") for it in items for s in it["answer"].get("sentences") or []]
    return len(origins), origins.count("model")


def _items(paths: Path | list[Path]) -> dict[str, dict]:
    """The items of one run, which may be split over several reports (one model, one code)."""
    items: dict[str, dict] = {}
    for path in paths if isinstance(paths, list) else [paths]:
        report = json.loads(path.read_text())
        items.update({it["case"]["id"]: it for it in report["arms"]["full"]["items"]})
    return items


def compare(reports: dict[str, Path | list[Path]]) -> dict[str, dict[str, float | None]]:
    """Per label: the eval's metrics and the model-phrased share over the shared cases."""
    loaded = {label: _items(paths) for label, paths in reports.items()}
    shared = set.intersection(*(set(items) for items in loaded.values()))
    out: dict[str, dict[str, float | None]] = {}
    for label, items in loaded.items():
        chosen = [items[cid] for cid in sorted(shared)]
        metrics: MetricSet = aggregate([_score(it) for it in chosen])
        data = metrics.to_dict()
        shown, phrased = _phrased(chosen)
        row = {k: data[k] for k in ROWS}
        row["sentences_shown"] = shown
        row["model_phrased_share"] = phrased / shown if shown else None
        out[label] = row
    return out


def table(rows: dict[str, dict[str, float | None]]) -> str:
    """The comparison as a Markdown table, one column per run."""
    labels = list(rows)
    lines = ["| metric | " + " | ".join(labels) + " |", "|---|" + "---:|" * len(labels)]
    for key in next(iter(rows.values())):
        cells = []
        for label in labels:
            value = rows[label][key]
            if value is None:
                cells.append("—")
            elif key.endswith("_ms") or key in {"n", "sentences_shown"}:
                cells.append(f"{value:.0f}")
            else:
                cells.append(f"{value:.2f}")
        lines.append(f"| {key} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument(
        "reports", nargs="+", help="LABEL=report.json (or LABEL=a.json,b.json: one run in parts)"
    )
    args = ap.parse_args()
    reports = {}
    for spec in args.reports:
        label, _, path = spec.partition("=")
        if not path:
            ap.error(f"{spec!r}: use LABEL=path/to/report.json")
        reports[label] = [Path(p) for p in path.split(",")]
    print(table(compare(reports)))


if __name__ == "__main__":
    main()
