"""Ingest and retrieval benchmarks (run on demand, not part of pytest).

    .venv/bin/python bench/ingest_bench.py                  # everything, ~10 min on 2 cores
    .venv/bin/python bench/ingest_bench.py --records 300 --synthetic 20000   # a quick look
    .venv/bin/python bench/ingest_bench.py --profile /tmp/prof   # cProfile dumps of both ingests

Measures, in one process and one run:
  (a) end-to-end ingest of the Walters records against raw ``SentenceTransformer.encode`` of
      exactly the texts the ingest embeds, half encoded before the ingest and half after
      (target: ingest rate >= 0.8 x encode rate);
  (b) a second ingest of the unchanged data (target: < 5% of the first);
  (c) retrieval latency p50/p95 at 2.5k records and at 100k synthetic chunks;
  (d) peak memory (ru_maxrss after each phase: it only ever grows).
Results print as JSON and go to bench/results/<date>-<host>.json.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import os
import platform
import random
import resource
import shutil
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
# Before anything imports torch: the store sets the OpenMP wait policy the app runs with.
import assistant.store  # noqa: E402, F401

WALTERS = REPO.parent / "shared" / "data" / "walters-art-museum" / "objects.jsonl"


def rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    at = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return {
        "p50_ms": round(statistics.median(ordered) * 1000, 2),
        "p95_ms": round(at(0.95) * 1000, 2),
        "max_ms": round(ordered[-1] * 1000, 2),
        "n": len(ordered),
    }


def machine() -> dict[str, object]:
    import chromadb
    import sentence_transformers
    import torch

    cpu = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return {
        "host": socket.gethostname(),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gib": round(mem_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "torch": torch.__version__,
        "torch_threads": torch.get_num_threads(),
        "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY", ""),
        "sentence_transformers": sentence_transformers.__version__,
        "chromadb": chromadb.__version__,
        "load_average_at_start": os.getloadavg(),
    }


def subset(path: Path, n: int, folder: Path) -> Path:
    """The first ``n`` records of the export (all of them: the file itself)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if n >= len(lines):
        return path
    out = folder / "subset.jsonl"
    out.write_text("\n".join(lines[:n]) + "\n", encoding="utf-8")
    return out


def embed_texts(path: Path) -> list[str]:
    """Exactly the texts the ingest embeds, built the way the ingest builds them."""
    from assistant.documents import SourceDocument
    from ingest.chunking import chunk_document
    from ingest.loaders import Attestation, load_file

    attest = Attestation("bench", "2026-11-24")
    docs = [d for d in load_file(path, attest) if isinstance(d, SourceDocument)]
    return [c.embed_text for d in docs for c in chunk_document(d)]


def bench_sentence_splitter(path: Path) -> dict[str, object]:
    """pysbd per description: total, and how time grows with length."""
    from assistant.text import split_sentences

    texts = [json.loads(line)["description"] for line in path.read_text().splitlines()]
    timings = []
    for text in texts:
        start = time.perf_counter()
        split_sentences(text)
        timings.append((len(text), time.perf_counter() - start))
    longest = max(timings)
    short = [t for n, t in timings if n < 500]
    long = [t for n, t in timings if n >= 1500]
    return {
        "texts": len(texts),
        "total_s": round(sum(t for _, t in timings), 2),
        "mean_ms_under_500_chars": round(statistics.mean(short) * 1000, 2) if short else None,
        "mean_ms_over_1500_chars": round(statistics.mean(long) * 1000, 2) if long else None,
        "longest_chars": longest[0],
        "longest_ms": round(longest[1] * 1000, 2),
    }


def bench_ingest(path: Path, work: Path, profile: Path | None) -> dict[str, object]:
    from assistant.settings import Settings
    from assistant.store import VectorIndex, load_embeddings
    from ingest.loaders import Attestation
    from ingest.pipeline import ingest

    embeddings = load_embeddings("")
    model = embeddings._client  # the very SentenceTransformer the ingest uses
    texts = embed_texts(path)
    model.encode(texts[:64], normalize_embeddings=True)  # warm-up: first call allocates

    # This machine is shared, and its load drifts over minutes. Half the raw encode runs
    # before the ingest and half after (a random split, so both halves look alike), so
    # a drift hits the raw rate and the ingest rate alike.
    shuffled = random.Random(11).sample(texts, len(texts))
    halves = (shuffled[: len(texts) // 2], shuffled[len(texts) // 2 :])

    def raw_encode(part: list[str]) -> float:
        start = time.perf_counter()
        model.encode(part, normalize_embeddings=True)  # defaults: batch_size=32
        return time.perf_counter() - start

    raw_s = raw_encode(halves[0])
    after_raw = rss_mb()

    settings = Settings(data_dir=work / "ingest")  # type: ignore[call-arg]
    index = VectorIndex.open(settings, create=True)
    attest = Attestation("bench", "2026-11-24")

    def run(label: str) -> tuple[float, object]:
        prof = cProfile.Profile() if profile else None
        start = time.perf_counter()
        if prof:
            prof.enable()
        report = ingest([path], index, attestation=attest)
        if prof:
            prof.disable()
            profile.mkdir(parents=True, exist_ok=True)
            prof.dump_stats(str(profile / f"{label}.prof"))
        return time.perf_counter() - start, report

    first_s, first = run("first")
    after_first = rss_mb()
    raw_s += raw_encode(halves[1])
    second_s, second = run("second")
    n_docs = len(first.added)  # type: ignore[attr-defined]
    raw_rate = len(texts) / raw_s
    ingest_rate = first.chunks_written / first_s  # type: ignore[attr-defined]
    return {
        "records": n_docs,
        "chunks": len(texts),
        "raw_encode_s": round(raw_s, 2),
        "raw_encode_chunks_per_s": round(raw_rate, 2),
        "first_ingest_s": round(first_s, 2),
        "first_ingest_chunks_per_s": round(ingest_rate, 2),
        "ingest_over_raw": round(ingest_rate / raw_rate, 3),
        "target_ingest_over_raw": 0.8,
        "second_ingest_s": round(second_s, 2),
        "second_over_first": round(second_s / first_s, 4),
        "target_second_over_first": 0.05,
        "second_unchanged": len(second.unchanged),  # type: ignore[attr-defined]
        "rss_mb_after_raw_encode": round(after_raw, 1),
        "rss_mb_after_first_ingest": round(after_first, 1),
        "rss_mb_after_second_ingest": round(rss_mb(), 1),
        "_index": index,
    }


def bench_retrieval(index: object, path: Path, queries: int) -> dict[str, object]:
    """VectorIndex.search end to end (embed the question + filtered Chroma query)."""
    titles = [json.loads(line)["title"] for line in path.read_text().splitlines()]
    rng = random.Random(7)
    asked = [f"Who made the {t}?" for t in rng.sample(titles, min(queries, len(titles)))]
    index.search(asked[0], 6)  # type: ignore[attr-defined]  # warm-up
    samples = []
    for question in asked:
        start = time.perf_counter()
        index.search(question, 6)  # type: ignore[attr-defined]
        samples.append(time.perf_counter() - start)
    vectors = [index.embeddings.embed_query(q) for q in asked]  # type: ignore[attr-defined]
    return {
        "search_end_to_end": percentiles(samples),
        "chroma_only": chroma_latency(index.store._collection, vectors),  # type: ignore[attr-defined]
    }


def chroma_latency(collection: object, vectors: list[list[float]]) -> dict[str, object]:
    """Query latency in Chroma alone, with and without the withdrawn filter search uses."""
    from assistant.store import visible

    out = {}
    for label, where in (("filtered", visible()), ("unfiltered", None)):
        samples = []
        for vector in vectors:
            start = time.perf_counter()
            collection.query(query_embeddings=[vector], n_results=6, where=where)  # type: ignore[attr-defined]
            samples.append(time.perf_counter() - start)
        out[label] = percentiles(samples)
    return out


def bench_synthetic(n: int, work: Path, queries: int) -> dict[str, object]:
    """Latency at ``n`` chunks: random unit vectors inserted directly (no embedding)."""
    import numpy as np

    from assistant.settings import Settings
    from assistant.store import VectorIndex

    settings = Settings(data_dir=work / "synthetic", collection="synthetic")  # type: ignore[call-arg]
    index = VectorIndex.open(settings, create=True)
    collection = index.store._collection
    rng = np.random.default_rng(7)
    batch = min(5000, int(collection._client.get_max_batch_size()))
    start = time.perf_counter()
    for offset in range(0, n, batch):
        size = min(batch, n - offset)
        vectors = rng.standard_normal((size, 384)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        ids = [f"syn-{offset + i}" for i in range(size)]
        metas = [
            {
                "source_id": f"syn-{(offset + i) // 3}",
                "kind": "text",
                "passage": "synthetic passage",
                # 1% withdrawn, so the filter has something to do.
                **({"withdrawn": True} if (offset + i) % 100 == 0 else {}),
            }
            for i in range(size)
        ]
        collection.add(ids=ids, embeddings=vectors, documents=["synthetic"] * size, metadatas=metas)
    insert_s = time.perf_counter() - start
    questions = [f"Who made object number {i}?" for i in range(queries)]
    index.search(questions[0], 6)  # warm-up (loads the query path)
    samples = []
    for question in questions:
        start = time.perf_counter()
        index.search(question, 6)
        samples.append(time.perf_counter() - start)
    lookups = []
    for i in range(queries):
        start = time.perf_counter()
        index.find({"source_id": f"syn-{i * 7}"}, limit=100)
        lookups.append(time.perf_counter() - start)
    probe = rng.standard_normal((queries, 384)).astype(np.float32)
    probe /= np.linalg.norm(probe, axis=1, keepdims=True)
    return {
        "chunks": collection.count(),
        "insert_s": round(insert_s, 1),
        "search_end_to_end": percentiles(samples),
        "find_by_source_id": percentiles(lookups),
        "chroma_only": chroma_latency(collection, probe.tolist()),
        "rss_mb_after": round(rss_mb(), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=WALTERS)
    parser.add_argument("--records", type=int, default=2500)
    parser.add_argument("--synthetic", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--profile", type=Path, help="Write cProfile dumps of both ingests here.")
    parser.add_argument("--out", type=Path, help="Results file (default bench/results/...).")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="museum-qa-bench-"))
    try:
        results: dict[str, object] = {"when": dt.datetime.now().isoformat(timespec="seconds")}
        results["machine"] = machine()
        data = subset(args.data, args.records, work)
        results["sentence_splitter"] = bench_sentence_splitter(data)
        ingest_result = bench_ingest(data, work, args.profile)
        index = ingest_result.pop("_index")
        results["ingest"] = ingest_result
        results["retrieval_walters"] = bench_retrieval(index, data, args.queries)
        if args.synthetic:
            results["retrieval_synthetic"] = bench_synthetic(args.synthetic, work, args.queries)
        results["peak_rss_mb"] = round(rss_mb(), 1)
        results["load_average_at_end"] = os.getloadavg()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = json.dumps(results, indent=2, default=str)
    print(text)
    out = args.out or REPO / "bench" / "results" / (
        f"{dt.date.today().isoformat()}-{socket.gethostname()}.json"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text + "\n", encoding="utf-8")
    print(f"written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
