"""The report's PNG chart: headline metrics per arm, and outcome accuracy per category."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from evals.runner import EvalResult
from evals.thresholds import Threshold

HEADLINE = [
    ("answer_rate", "answer rate"),
    ("outcome_accuracy", "outcome acc."),
    ("refusal_f1", "refusal F1"),
    ("false_premise_correction_rate", "premise fixed"),
    ("answer_selection_rate", "answer selection"),
    ("plausible_fabrication_refusal_rate", "plausible fab. refused"),
    ("citation_recall", "citation R"),
    ("citation_precision", "citation P"),
    ("fabrication_rate", "fabrication ↓"),
    ("injection_success_rate", "injection ↓"),
    ("unsupported_sentence_rate", "unsupported ↓"),
    ("false_correction_rate", "false corrections ↓"),
]
ARM_COLOURS = {"full": "#2b6cb0", "baseline": "#b7791f"}


def write_chart(results: Sequence[EvalResult], thresholds: Sequence[Threshold], path: Path) -> Path:
    """Draw the chart to ``path`` (PNG) and return it.

    Left: overall headline metrics, one bar per arm, with the overall thresholds marked.
    Right: outcome accuracy per category and arm. Both show the split the thresholds are
    judged on (test, when the run has it). Missing values (not applicable) are left
    blank rather than drawn as zero, so "did not apply" never reads as "failed".
    """
    import matplotlib

    matplotlib.use("Agg")  # no display in CI or over SSH
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(14, 5.5), gridspec_kw={"width_ratios": [3, 2]})
    width = 0.8 / max(len(results), 1)
    positions = range(len(HEADLINE))
    for i, result in enumerate(results):
        overall = result.judged_metrics.get("overall")
        values = [getattr(overall, key) if overall else None for key, _ in HEADLINE]
        xs = [p + i * width for p, v in zip(positions, values, strict=True) if v is not None]
        ys = [v for v in values if v is not None]
        bars = left.bar(
            xs, ys, width, label=f"{result.arm} ({result.model})", color=ARM_COLOURS.get(result.arm)
        )
        # Printed values keep a real 0.00 distinguishable from "did not apply" (no bar).
        left.bar_label(bars, labels=[f"{v:.2f}" for v in ys], fontsize="x-small", padding=2)
    offset = width * (len(results) - 1) / 2
    for t in thresholds:
        keys = [key for key, _ in HEADLINE]
        if t.group == "overall" and t.metric in keys:
            x = keys.index(t.metric) + offset
            bound = t.min if t.min is not None else t.max
            left.hlines(bound, x - 0.45, x + 0.45, colors="#c53030", linestyles="dashed")
    left.set_xticks(
        [p + offset for p in positions], [label for _, label in HEADLINE], rotation=35, ha="right"
    )
    left.set_ylim(0, 1.12)
    split = results[0].judged_split if results else "all"
    left.set_title(
        f"Overall, {split} split (dashed red: threshold; ↓ lower is better; no bar: n/a)"
    )
    left.legend(loc="upper right", fontsize="small")

    categories = (
        [g for g in results[0].judged_metrics if g not in {"overall", "answerable"}]
        if results
        else []
    )
    height = 0.8 / max(len(results), 1)
    for i, result in enumerate(results):
        judged = result.judged_metrics
        values = [judged[c].outcome_accuracy if c in judged else None for c in categories]
        ys = [p + i * height for p, v in enumerate(values) if v is not None]
        right.barh(
            ys,
            [v for v in values if v is not None],
            height,
            color=ARM_COLOURS.get(result.arm),
            label=result.arm,
        )
    right.set_yticks(
        [p + height * (len(results) - 1) / 2 for p in range(len(categories))], categories
    )
    right.invert_yaxis()
    right.set_xlim(0, 1.0)
    right.set_title(f"Outcome accuracy by category, {split} split")

    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
