"""Where the relevance floor (``MUSEUM_QA_MIN_RELEVANCE``) sits for an index's embedder.

A floor is good when the questions the texts answer keep their source above it and the
questions no text covers fall below it. Over the eval's English cases, in the eval's own
indexes (``museum-qa eval --data-dir DIR`` builds them; ``museum-qa reindex`` re-embeds a
copy): for each case with gold sources and an expected answer or correction, the score of
its best gold chunk among the nearest 24 (0 when none is there); for each
``out_of_collection`` case, the best score of anything.

The relevance floor is the first gate only: the topic, identity and premise stages refuse
most out-of-collection questions after it, so MiniLM's 0.35 keeps nearly every answerable
case rather than balancing the two (Youden's J would put it at about 0.5). Another
embedder's floor is therefore chosen to keep the same share of answerable dev cases as the
first ``--data-dir`` (the reference, at its configured floor): the highest floor that keeps
at least as many. Test is printed beside it, and J's choice for comparison.

    .venv/bin/python bench/relevance_floor_bench.py --data-dir /tmp/evd [--out ...]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from assistant.settings import Settings
from assistant.store import VectorIndex
from evals.cases import load_cases

HERE = Path(__file__).resolve().parent
FLOORS = [round(x, 3) for x in np.arange(0.20, 0.951, 0.01)]
SEARCH_K = 24


def index_for(data_dir: Path, corpus: str) -> VectorIndex:
    base = Settings()
    settings = base.model_copy(
        update={"data_dir": data_dir / corpus, "collection": f"{base.collection}_eval_{corpus}"}
    )
    return VectorIndex.open(settings)


def scores(data_dir: Path, language: str) -> tuple[str, dict[str, list[tuple[str, float]]]]:
    """(embedder, {"pos"|"neg": [(split, score)]}) for the cases asked in ``language``."""
    out: dict[str, list[tuple[str, float]]] = {"pos": [], "neg": []}
    indexes: dict[str, VectorIndex] = {}
    for case in load_cases():
        if case.language != language:
            continue
        index = indexes.setdefault(case.corpus, index_for(data_dir, case.corpus))
        hits = index.search(case.scored_question, SEARCH_K)
        if case.category == "out_of_collection":
            out["neg"].append((case.split, max((h.score for h in hits), default=0.0)))
        elif case.gold_sources and case.expected_outcome != "refused":
            gold = [h.score for h in hits if h.source_id in case.gold_sources]
            out["pos"].append((case.split, max(gold, default=0.0)))
    embedders = {i.embedder for i in indexes.values()}
    return "/".join(sorted(embedders)), out


def rates(
    found: dict[str, list[tuple[str, float]]], split: str, floor: float
) -> tuple[float, float]:
    pos = [s for sp, s in found["pos"] if sp == split]
    neg = [s for sp, s in found["neg"] if sp == split]
    kept = sum(s >= floor for s in pos) / len(pos)
    dropped = sum(s < floor for s in neg) / len(neg)
    return kept, dropped


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, action="append", required=True)
    parser.add_argument("--language", default="en")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "relevance_floor.md")
    args = parser.parse_args()
    lines = [
        "# The relevance floor per index embedder (bench/relevance_floor_bench.py)",
        "",
        f"Cases asked in {args.language!r}; kept = answerable cases whose best gold chunk "
        "scores at or above the floor; dropped = out-of-collection cases whose best chunk "
        "scores below it. The first index is the reference at its configured floor; another's "
        "floor keeps as many answerable dev cases (Youden's J's choice beside it).",
        "",
        "| embedder | index | n answerable (dev/test) | n ooc (dev/test) | floor | "
        "dev kept / dropped | test kept / dropped | Youden's J floor (dev kept / dropped) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    reference: float | None = None
    settings = Settings()
    for data_dir in args.data_dir:
        embedder, found = scores(data_dir, args.language)
        if reference is None:
            floor = settings.min_relevance_for(embedder)
            reference = rates(found, "dev", floor)[0]
            how = f"{floor:.2f} (configured, reference)"
        else:
            target = reference
            floor = max(f for f in FLOORS if rates(found, "dev", f)[0] >= target)
            how = f"**{floor:.2f}** (keeps >= {target:.3f} on dev)"
        j = max(FLOORS, key=lambda f: (sum(rates(found, "dev", f)) - 1, -f))
        dev, test, at_j = (
            rates(found, "dev", floor),
            rates(found, "test", floor),
            rates(found, "dev", j),
        )
        n = {k: [sum(sp == s for sp, _ in v) for s in ("dev", "test")] for k, v in found.items()}
        lines.append(
            f"| {embedder} | {data_dir} | {n['pos'][0]}/{n['pos'][1]} | "
            f"{n['neg'][0]}/{n['neg'][1]} | {how} | {dev[0]:.3f} / {dev[1]:.3f} | "
            f"{test[0]:.3f} / {test[1]:.3f} | {j:.2f} ({at_j[0]:.3f} / {at_j[1]:.3f}) |"
        )
        print(lines[-1], flush=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
