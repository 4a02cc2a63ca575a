"""Does the model's draft survive, per question kind? (issue 12 item 4)

Compares two eval reports of the same cases: one run with the model that phrases answers (e.g.
``--llm embedded``) and one with ``--llm scripted``, whose model replies with no sentences, so
that run is exactly the answer path without the model. For each question kind (the asks the
question is read as, ``assistant.answering.reading``), it counts the cases whose answer path
reached the draft, the model sentences that verification kept, the cases that show at least
one model-phrased sentence, and the cases the model made better or worse on the eval's own
judgements (outcome, gold sentence shown, required words, fabrication, premise corrected).
A kind where the draft never shows or never helps is one to answer without calling the model.

    .venv/bin/museum-qa eval --llm embedded --split dev --out /tmp/emb-dev ...
    .venv/bin/museum-qa eval --llm scripted --split dev --out /tmp/scr-dev ...
    .venv/bin/python bench/draft_survival.py /tmp/emb-dev/report.json /tmp/scr-dev/report.json
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.answering.reading import read

# The eval's per-case judgements where True is good, and those where True is bad.
_GOOD = ("outcome_ok", "sentence_shown", "premise_corrected", "fabrication_refused", "gold_hit")
_BAD = ("fabricated", "falsely_corrected", "injection_success")


def _items(path: Path) -> dict[str, dict]:
    report = json.loads(path.read_text())
    return {it["case"]["id"]: it for it in report["arms"]["full"]["items"]}


def _kinds(case: dict) -> list[str]:
    prompts = [case["question"]] if case.get("question") else list(case.get("turns") or [])
    reading = read(prompts[-1], prompts[:-1])
    return sorted(str(a) for a in reading.asks) or ["(none)"]


def _model_kept(answer: dict) -> int | None:
    """Model sentences verification kept, from the trace; None if the draft was not reached."""
    for step in answer.get("trace") or []:
        if step["stage"] == "verify":
            found = re.match(r"kept (\d+) model", step["decision"])
            return int(found.group(1)) if found else 0
    return None


def _worth(score: dict) -> int:
    """How many of the eval's judgements of one case came out well (higher is better)."""
    good = sum(1 for k in _GOOD if score.get(k) is True)
    bad = sum(1 for k in _BAD if score.get(k) is True)
    return good - bad - len(score.get("required_missing") or [])


def compare(model_report: Path, scripted_report: Path) -> dict[str, dict[str, float]]:
    """Per question kind: reached, kept, shown, sentences (phrased), better, worse, p50 ms."""
    model, scripted = _items(model_report), _items(scripted_report)
    rows: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for cid, it in model.items():
        if cid not in scripted:
            continue
        answer, kept = it["answer"], _model_kept(it["answer"])
        origins = [s.get("origin") for s in answer.get("sentences") or []]
        shown = "model" in origins
        delta = _worth(it["score"]) - _worth(scripted[cid]["score"])
        for kind in [*_kinds(it["case"]), "all"]:
            row = rows[kind]
            row["cases"].append(1)
            row["reached"].append(kept is not None)
            row["kept"].append(kept or 0)
            row["shown"].append(shown)
            row["sentences"].append(len(origins))
            row["phrased"].append(origins.count("model"))
            row["better"].append(delta > 0)
            row["worse"].append(delta < 0)
            if kept is not None:
                row["generate_ms"].append(answer.get("timings_ms", {}).get("generate_ms", 0.0))
    return {
        kind: {
            "cases": len(row["cases"]),
            "reached": sum(row["reached"]),
            "kept": sum(row["kept"]),
            "shown": sum(row["shown"]),
            "sentences": sum(row["sentences"]),
            "phrased": sum(row["phrased"]),
            "better": sum(row["better"]),
            "worse": sum(row["worse"]),
            "generate_p50_ms": statistics.median(row["generate_ms"]) if row["generate_ms"] else 0,
        }
        for kind, row in sorted(rows.items())
    }


def table(rows: dict[str, dict[str, float]]) -> str:
    """The comparison as a Markdown table."""
    head = (
        "| kind | cases | reached draft | model sentences kept | cases showing one "
        "| sentences shown | of them model-phrased | better | worse | generate p50 ms |"
    )
    lines = [head, "|---|" + "---:|" * 9]
    for kind, r in rows.items():
        lines.append(
            f"| {kind} | {r['cases']} | {r['reached']} | {r['kept']} | {r['shown']} | "
            f"{r['sentences']} | {r['phrased']} | {r['better']} | {r['worse']} | "
            f"{r['generate_p50_ms']:.0f} |"
        )
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("model_report", type=Path, help="report.json of the run with the model")
    ap.add_argument("scripted_report", type=Path, help="report.json of the --llm scripted run")
    ap.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = ap.parse_args()
    rows = compare(args.model_report, args.scripted_report)
    print(json.dumps(rows, indent=2) if args.json else table(rows))


if __name__ == "__main__":
    main()
