"""Run today's sentence verifier over the benchmark pairs and write the scored report.

    .venv/bin/python -m bench.verifier.run                 # both halves -> bench/results/verifier.*
    .venv/bin/python -m bench.verifier.run --split held    # the held-back half only
    .venv/bin/python -m bench.verifier.run --limit 200 --out /tmp/verifier   # a quick look

Each pair is checked the way an answer sentence is: the sentence cites passage [1], and
``assistant.verify.Verifier`` is built as ``assistant/service.py`` builds it (settings
defaults, the installed all-MiniLM-L6-v2). Positive = supported: precision is the share of
accepted sentences that the passage supports, recall the share of supported sentences
accepted. A fresh verifier per half, so one half's embedding cache never speeds up the other.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from assistant.store import Passage
from bench.verifier.build import PAIRS, SUPPORTED_KINDS, UNSUPPORTED_KINDS

REPO = Path(__file__).resolve().parents[2]
RESULTS = REPO / "bench" / "results" / "verifier"
HANDCHECK = Path(__file__).parent / "data" / "handcheck.jsonl"
SPLITS = ("held", "train")
# Balanced accuracy on LLM-AggreFact (Tang et al. 2024, leaderboard as cited in issue 12).
ANCHORS = {"MiniCheck-Flan-T5-Large (0.8B)": 75.0, "Bespoke-MiniCheck-7B": 77.4}
TARGET = {"precision": 0.97, "recall": 0.90}
Check = Callable[[str, Passage], tuple[bool, str, float]]
"""``check(sentence, passage) -> (accepted, reason, support)``."""


def load_pairs(path: Path = PAIRS) -> list[dict[str, Any]]:
    """The benchmark pairs (JSON Lines)."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def passage_of(pair: dict[str, Any]) -> Passage:
    """The pair's passage as the store returns it: text plus the record fields of its chunk."""
    record = pair.get("record") or {}
    meta = {"title": pair["title"], "creators_display": record.get("creator", "")}
    meta.update({k: v for k, v in record.items() if k != "creator"})
    return Passage(
        chunk_id=f"{pair['source_id']}:bench",
        source_id=pair["source_id"],
        text=pair["passage"],
        score=1.0,
        kind="text",
        meta=meta,
    )


def verifier_check(embeddings: Any = None) -> Check:
    """``Verifier.check`` with the pair's passage as citation [1], built as service.py does."""
    from assistant.settings import Settings
    from assistant.store import load_embeddings
    from assistant.verify import Verifier

    settings = Settings()
    verifier = Verifier(
        embeddings if embeddings is not None else load_embeddings(settings.embedding_model),
        settings.min_support,
        settings.min_coverage,
    )

    def check(sentence: str, passage: Passage) -> tuple[bool, str, float]:
        verdict = verifier.check(sentence, [1], {1: passage})
        return verdict.ok, verdict.reason, verdict.support

    return check


def reason_class(reason: str) -> str:
    """The check that rejected a sentence, from ``Verdict.reason``."""
    for prefix, name in (
        ("number", "number"),
        ("code", "code"),
        ("name", "name"),
        ("not stated", "coverage"),
        ("too far", "similarity"),
        ("negation", "negation"),
        ("says nothing", "title only"),
    ):
        if reason.startswith(prefix):
            return name
    return "accepted" if not reason else "other"


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def scores(tp: int, fp: int, tn: int, fn: int) -> dict[str, Any]:
    """Precision, recall, specificity and balanced accuracy (positive = supported)."""
    recall, specificity = _ratio(tp, tp + fn), _ratio(tn, tn + fp)
    balanced = (
        round((recall + specificity) / 2, 4)
        if recall is not None and specificity is not None
        else None
    )
    return {
        "n": tp + fp + tn + fn,
        "tp": tp,
        "fp": fp,
        "tn": tn,
        "fn": fn,
        "precision": _ratio(tp, tp + fp),
        "recall": recall,
        "specificity": specificity,
        "balanced_accuracy": balanced,
    }


def score_split(pairs: Sequence[dict[str, Any]], verdicts: Sequence[dict[str, Any]]) -> dict:
    """Overall, per kind, per paraphrase rule and per corpus, for one half."""
    rows = list(zip(pairs, verdicts, strict=True))

    def confusion(subset: Sequence[tuple[dict, dict]]) -> dict[str, Any]:
        tp = sum(1 for p, v in subset if p["label"] == "supported" and v["ok"])
        fn = sum(1 for p, v in subset if p["label"] == "supported" and not v["ok"])
        fp = sum(1 for p, v in subset if p["label"] != "supported" and v["ok"])
        tn = sum(1 for p, v in subset if p["label"] != "supported" and not v["ok"])
        return scores(tp, fp, tn, fn)

    supported = [r for r in rows if r[0]["label"] == "supported"]
    by_kind: dict[str, Any] = {}
    for kind in (*SUPPORTED_KINDS, *UNSUPPORTED_KINDS):
        mine = [r for r in rows if r[0]["kind"] == kind]
        if not mine:
            continue
        entry: dict[str, Any] = {
            "n": len(mine),
            "accepted": sum(1 for _, v in mine if v["ok"]),
            "accept_rate": _ratio(sum(1 for _, v in mine if v["ok"]), len(mine)),
            "rejected_by": dict(Counter(reason_class(v["reason"]) for _, v in mine)),
        }
        if kind in UNSUPPORTED_KINDS:
            # This kind against every supported pair of the half: what a visitor would see
            # if the model only ever made this one kind of error.
            entry.update({k: v for k, v in confusion(supported + mine).items() if k != "n"})
        by_kind[kind] = entry
    rules: dict[str, Any] = {}
    for rule in sorted({p["rule"] for p, _ in rows if p["rule"]}):
        mine = [r for r in rows if r[0]["rule"] == rule]
        rules[rule] = {
            "n": len(mine),
            "accepted": sum(1 for _, v in mine if v["ok"]),
            "recall": _ratio(sum(1 for _, v in mine if v["ok"]), len(mine)),
            "rejected_by": dict(Counter(reason_class(v["reason"]) for _, v in mine)),
        }
    corpora = {
        c: confusion([r for r in rows if r[0]["corpus"] == c])
        for c in sorted({p["corpus"] for p in pairs})
    }
    return {
        "overall": confusion(rows),
        "by_kind": by_kind,
        "paraphrase_rules": rules,
        "by_corpus": corpora,
    }


def run_split(pairs: Sequence[dict[str, Any]], check: Check) -> tuple[list[dict], float]:
    """Verdicts for each pair, and the wall time."""
    start = time.perf_counter()
    verdicts = []
    for pair in pairs:
        ok, reason, support = check(pair["sentence"], passage_of(pair))
        verdicts.append(
            {"id": pair["id"], "ok": ok, "reason": reason, "support": round(support, 3)}
        )
    return verdicts, time.perf_counter() - start


def failures(
    pairs: Sequence[dict[str, Any]], verdicts: Sequence[dict[str, Any]], per_kind: int = 3
) -> list[dict[str, Any]]:
    """Perturbation kinds by share wrongly accepted (worst first), with examples of each."""
    out = []
    for kind in UNSUPPORTED_KINDS:
        mine = [(p, v) for p, v in zip(pairs, verdicts, strict=True) if p["kind"] == kind]
        wrong = [(p, v) for p, v in mine if v["ok"]]
        if not mine:
            continue
        wrong.sort(key=lambda t: t[0]["id"])
        step = max(1, len(wrong) // per_kind)
        out.append(
            {
                "kind": kind,
                "n": len(mine),
                "accepted": len(wrong),
                "accept_rate": _ratio(len(wrong), len(mine)),
                "examples": [_example(p, v) for p, v in wrong[::step][:per_kind]],
            }
        )
    out.sort(key=lambda f: (-(f["accept_rate"] or 0), f["kind"]))
    return out


def missed(pairs: Sequence[dict[str, Any]], verdicts: Sequence[dict[str, Any]]) -> list[dict]:
    """Supported kinds and paraphrase rules by share wrongly rejected, with examples."""
    out = []
    slots = sorted({p["rule"] or p["kind"] for p in pairs if p["label"] == "supported"})
    for slot in slots:
        mine = [
            (p, v)
            for p, v in zip(pairs, verdicts, strict=True)
            if p["label"] == "supported" and (p["rule"] or p["kind"]) == slot
        ]
        wrong = sorted([(p, v) for p, v in mine if not v["ok"]], key=lambda t: t[0]["id"])
        step = max(1, len(wrong) // 3)
        out.append(
            {
                "slot": slot,
                "n": len(mine),
                "rejected": len(wrong),
                "reject_rate": _ratio(len(wrong), len(mine)),
                "examples": [_example(p, v) for p, v in wrong[::step][:3]],
            }
        )
    out.sort(key=lambda f: (-(f["reject_rate"] or 0), f["slot"]))
    return out


def _example(pair: dict[str, Any], verdict: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": pair["id"],
        "sentence": pair["sentence"],
        "original": pair["original"],
        "change": pair["change"],
        "verdict": verdict["reason"] or f"accepted (support {verdict['support']:.2f})",
    }


def handcheck_summary(path: Path = HANDCHECK) -> dict[str, Any] | None:
    """Agreement of the hand-checked sample with the construction labels."""
    if not path.exists():
        return None
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    out: dict[str, Any] = {}
    for group in ("paraphrase", "perturbed"):
        mine = [r for r in rows if r["group"] == group and r.get("judged")]
        agree = [r for r in mine if r["judged"] == r["label"]]
        out[group] = {
            "n": len(mine),
            "agree": len(agree),
            "disagreements": [
                {k: r[k] for k in ("id", "kind", "label", "judged", "note")}
                for r in mine
                if r["judged"] != r["label"]
            ],
        }
    return out


def environment() -> dict[str, Any]:
    """Where the numbers were measured."""
    try:
        load = os.getloadavg()
    except OSError:  # pragma: no cover - not on Linux
        load = (0.0, 0.0, 0.0)
    return {
        "date": dt.date.today().isoformat(),
        "host": platform.node(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "loadavg_at_end": [round(x, 2) for x in load],
    }


def evaluate(
    pairs: Sequence[dict[str, Any]],
    splits: Sequence[str],
    make_check: Callable[[], Check],
) -> dict[str, Any]:
    """Run and score each half with a fresh checker; the whole result as plain data."""
    result: dict[str, Any] = {"splits": {}, "verdicts": {}}
    for split in splits:
        mine = [p for p in pairs if p["split"] == split]
        if not mine:
            continue
        check = make_check()
        verdicts, seconds = run_split(mine, check)
        scored = score_split(mine, verdicts)
        scored["seconds"] = round(seconds, 1)
        scored["pairs_per_second"] = round(len(mine) / seconds, 1) if seconds else None
        scored["failures"] = failures(mine, verdicts)
        scored["missed"] = missed(mine, verdicts)
        overall = scored["overall"]
        scored["meets_target"] = bool(
            (overall["precision"] or 0) >= TARGET["precision"]
            and (overall["recall"] or 0) >= TARGET["recall"]
        )
        result["splits"][split] = scored
        result["verdicts"][split] = verdicts
    return result


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and write ``<out>.json`` and ``<out>.md``."""
    from bench.verifier.report import markdown

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--out", type=Path, default=RESULTS, help="path stem for .json and .md")
    parser.add_argument("--limit", type=int, default=0, help="N pairs of each half, evenly spread")
    args = parser.parse_args(argv)

    pairs = load_pairs(args.pairs)
    splits = SPLITS if args.split == "all" else (args.split,)
    if args.limit:  # an even spread over each half, so every kind shows
        picked = []
        for split in splits:
            mine = [p for p in pairs if p["split"] == split]
            picked += mine[:: max(1, len(mine) // args.limit)][: args.limit]
        pairs = picked
    start = time.perf_counter()
    from assistant.settings import Settings
    from assistant.store import load_embeddings

    embeddings = load_embeddings(Settings().embedding_model)
    load_seconds = time.perf_counter() - start
    result = evaluate(pairs, splits, lambda: verifier_check(embeddings))
    result.update(
        {
            "pairs_file": str(
                args.pairs.relative_to(REPO) if args.pairs.is_relative_to(REPO) else args.pairs
            ),
            "model_load_seconds": round(load_seconds, 1),
            "anchors_llm_aggrefact_bacc": ANCHORS,
            "target": {**TARGET, "split": "held"},
            "handcheck": handcheck_summary(),
            "environment": environment(),
        }
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    json_path, md_path = args.out.with_suffix(".json"), args.out.with_suffix(".md")
    json_path.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    md_path.write_text(markdown(result), encoding="utf-8")
    for split, scored in result["splits"].items():
        o = scored["overall"]
        print(
            f"{split}: n={o['n']} precision={o['precision']} recall={o['recall']} "
            f"balanced accuracy={o['balanced_accuracy']} ({scored['pairs_per_second']} pairs/s)",
            file=sys.stderr,
        )
    print(f"wrote {json_path} and {md_path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
