"""Cost of looking a question's title in another language up among a collection's titles.

    .venv/bin/python bench/title_lookup_bench.py [--titles 200000] [--questions 50]

A collection harvested from Linked Art or EDM may carry titles in several languages for tens
of thousands of objects. ``Lookups.titled`` fuzzy-matches a question only against the titles
whose longest word starts as one of the question's words do (``catalogue.titles_by_key``);
this measures that against matching every title, on synthetic titles (random words, fixed
seed), with a store stand-in that holds nothing else. Results: bench/results/title_lookup.md.
"""

from __future__ import annotations

import argparse
import random
import statistics
import string
import time

from assistant.answering.catalogue import Lookups, titles_by_key
from assistant.answering.topic import names_title_as_written


class _Titles:
    """A store that holds titles only (the Retriever methods the lookup calls)."""

    def __init__(self, titles: list[tuple[str, str, str]]):
        self.titles = tuple(titles)  # one tuple until the titles change, as the store keeps

    def titles_by_language(self) -> tuple[tuple[str, str, str], ...]:
        return self.titles

    def find(self, where: dict[str, object], limit: int = 20) -> list[object]:
        return []


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(4, 10)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--titles", type=int, default=200_000)
    parser.add_argument("--questions", type=int, default=50)
    parser.add_argument("--unfiltered-sample", type=int, default=20_000)
    args = parser.parse_args()
    rng = random.Random(1)
    titles = [
        (f"s{i}", rng.choice(["fr", "de", "nl"]), " ".join(_word(rng) for _ in range(3)).title())
        for i in range(args.titles)
    ]
    questions = [f"Qui a peint {_word(rng)} {_word(rng)} dans ce tableau ?" for _ in range(50)]
    store = _Titles(titles)
    start = time.perf_counter()
    titles_by_key(tuple(titles))
    build = time.perf_counter() - start
    timings = []
    for question in questions[: args.questions]:
        start = time.perf_counter()
        Lookups(store).titled(question)  # type: ignore[arg-type]  # a stand-in store
        timings.append(time.perf_counter() - start)
    sample = titles[: args.unfiltered_sample]
    start = time.perf_counter()
    sum(1 for _, lang, title in sample if names_title_as_written(questions[0], title, lang))
    unfiltered = (time.perf_counter() - start) * len(titles) / len(sample)
    print(f"titles: {len(titles)}")
    print(f"keys built once per state of the titles: {build:.2f} s")
    print(f"per question, keyed: median {statistics.median(timings) * 1000:.1f} ms")
    print(f"per question, every title matched (extrapolated): {unfiltered:.1f} s")


if __name__ == "__main__":
    main()
