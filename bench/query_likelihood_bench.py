"""Can the embedded model rerank sentences? Query likelihood with SmolLM2-135M.

For every answer_selection case of one split, every sentence of the gold source's text is
scored by the mean log-probability the embedded model gives the question after "Passage:
<sentence>" (query likelihood, as in unsupervised passage re-ranking), and ranked. Reports
top-1, top-3 and MRR, and the time per sentence, to compare with
bench/sentence_ranker_bench.py (embedding similarity alone).

    .venv/bin/python bench/query_likelihood_bench.py --data-dir /tmp/ev/data --split dev
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sentence_ranker_bench import _cases, _texts

from assistant.llm import embedded_gguf_path
from assistant.text import fold, quote_units


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", type=Path, required=True)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--cases", type=Path, default=Path("evals/cases/answer_selection.yaml"))
    args = ap.parse_args()
    from llama_cpp import Llama

    llm = Llama(
        str(embedded_gguf_path()), n_ctx=512, logits_all=True, verbose=False, n_threads=1, seed=0
    )

    def likelihood(sentence: str, question: str) -> float:
        prompt = (
            "<|im_start|>user\nRead this passage and ask a question it answers.\n"
            f"Passage: {sentence}<|im_end|>\n<|im_start|>assistant\nQuestion:"
        )
        a = llm.tokenize(prompt.encode(), add_bos=False, special=True)
        b = llm.tokenize((" " + question).encode(), add_bos=False, special=False)
        llm.reset()
        llm.eval(a + b)
        logits = np.array(llm.scores[: len(a) + len(b)])
        total = 0.0
        for i, token in enumerate(b):
            row = logits[len(a) + i - 1]
            top = row.max()
            total += row[token] - (top + np.log(np.exp(row - top).sum()))
        return total / len(b)

    texts = _texts(args.data_dir)
    ranks, sentences, start = [], 0, time.perf_counter()
    for case in _cases(args.cases):
        if case.get("split") != args.split:
            continue
        units = quote_units(texts.get(case["gold_sources"][0], ""))
        gold = [fold(case["gold_sentence"])[:60] in fold(s) for s in units]
        if not any(gold):
            continue
        scores = [likelihood(s[:600], case["question"]) for s in units]
        sentences += len(units)
        order = np.argsort(-np.array(scores))
        ranks.append(next(i for i, j in enumerate(order) if gold[j]) + 1)
    seconds = time.perf_counter() - start
    print(
        f"{args.split}: n={len(ranks)} top1={sum(r == 1 for r in ranks) / len(ranks):.3f} "
        f"top3={sum(r <= 3 for r in ranks) / len(ranks):.3f} "
        f"mrr={float(np.mean([1 / r for r in ranks])):.3f} "
        f"ms/sentence={1000 * seconds / max(sentences, 1):.0f}"
    )


if __name__ == "__main__":
    main()
