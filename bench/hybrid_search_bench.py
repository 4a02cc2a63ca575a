"""What ranking by the question's words (BM25) adds to ranking by meaning.

Over the eval's cases in one language, in the eval's own indexes (``museum-qa eval
--data-dir DIR`` builds them): for each case with gold sources and an expected answer or
correction, whether a gold source is among the first k passages of
- meaning: ``VectorIndex.search`` (the configured embedder),
- words: ``VectorIndex.keyword_search`` (BM25, assistant/keywords.py),
- fused: reciprocal rank fusion of the two (``evidence.fused``, as the answer path does),
per split. Also the keyword index's build time and size, and the time per keyword search.

    .venv/bin/python bench/hybrid_search_bench.py --data-dir /tmp/evd [--out ...]
"""

from __future__ import annotations

import argparse
import pickle
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from assistant.answering.config import AnswerConfig
from assistant.answering.evidence import fused
from assistant.settings import Settings
from assistant.store import VectorIndex
from evals.cases import load_cases

HERE = Path(__file__).resolve().parent
KS = (1, 3, 6)


def index_for(data_dir: Path, corpus: str) -> VectorIndex:
    base = Settings()
    settings = base.model_copy(
        update={"data_dir": data_dir / corpus, "collection": f"{base.collection}_eval_{corpus}"}
    )
    return VectorIndex.open(settings)


def rankings(index: VectorIndex, question: str, cfg: AnswerConfig) -> dict[str, list[str]]:
    """Source ids in rank order, per way of ranking, the first ``max(KS)`` passages."""
    k = max(KS)
    meaning = index.search(question, k)
    words = index.keyword_search(question, k)
    both = fused(meaning, words, replace(cfg, top_k=k))
    return {
        "meaning": [p.source_id for p in meaning],
        "words": [p.source_id for p in words],
        "fused": [p.source_id for p in both],
    }


def build_cost(index: VectorIndex) -> tuple[float, int, int]:
    """(seconds, pickled bytes, chunks) of building the keyword index from the store."""
    start = time.perf_counter()
    ids, texts = index._all_texts()
    from assistant.keywords import KeywordIndex

    built = KeywordIndex(ids, texts, index.texts_language)
    return time.perf_counter() - start, len(pickle.dumps(built._bm25)), len(built)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--language", default="en")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "hybrid_search.md")
    args = parser.parse_args()
    cfg = AnswerConfig()
    indexes: dict[str, VectorIndex] = {}
    hits: dict[tuple[str, str, int], int] = defaultdict(int)
    totals: dict[str, int] = defaultdict(int)
    only: dict[str, list[str]] = defaultdict(list)
    search_time = 0.0
    searches = 0
    for case in load_cases():
        if case.language != args.language or not case.gold_sources:
            continue
        if case.expected_outcome == "refused":
            continue
        index = indexes.setdefault(case.corpus, index_for(args.data_dir, case.corpus))
        index.keyword_search("warm up", 1)
        start = time.perf_counter()
        index.keyword_search(case.scored_question, max(KS))
        search_time += time.perf_counter() - start
        searches += 1
        ranked = rankings(index, case.scored_question, cfg)
        totals[case.split] += 1
        for way, sources in ranked.items():
            for k in KS:
                hits[(case.split, way, k)] += any(s in case.gold_sources for s in sources[:k])
        six = {
            way: any(s in case.gold_sources for s in r[: cfg.top_k]) for way, r in ranked.items()
        }
        if six["fused"] != six["meaning"]:
            only["gained" if six["fused"] else "lost"].append(f"{case.id} ({case.split})")
    lines = [
        "# Ranking by words beside ranking by meaning (bench/hybrid_search_bench.py)",
        "",
        f"Cases in {args.language!r} with gold sources that the texts answer or correct; "
        f"hit@k = a gold source among the first k passages. Fusion: reciprocal rank fusion, "
        f"rrf_k={cfg.rrf_k}, of the first {max(KS)} of each.",
        "",
        "| split | cases | "
        + " | ".join(f"{w} @{k}" for w in ("meaning", "words", "fused") for k in KS)
        + " |",
        "|---|---|" + "---|" * (3 * len(KS)),
    ]
    for split in sorted(totals):
        n = totals[split]
        cells = [
            f"{hits[(split, w, k)] / n:.3f}" for w in ("meaning", "words", "fused") for k in KS
        ]
        lines.append(f"| {split} | {n} | " + " | ".join(cells) + " |")
    lines += ["", f"At k={cfg.top_k}, fusion over meaning alone:"]
    for change in ("gained", "lost"):
        lines.append(f"- {change} ({len(only[change])}): {', '.join(only[change]) or 'none'}")
    lines += ["", "| index | chunks | build s | pickled MB |", "|---|---|---|---|"]
    for corpus, index in sorted(indexes.items()):
        seconds, size, chunks = build_cost(index)
        lines.append(f"| {corpus} | {chunks} | {seconds:.2f} | {size / 1e6:.1f} |")
    lines += [
        "",
        f"Keyword search: {1000 * search_time / max(searches, 1):.1f} ms per question "
        f"(embedding the question and reading the hits' vectors from Chroma included).",
    ]
    text = "\n".join(lines) + "\n"
    args.out.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
