"""Ingest speed per standard format (issue 14): ingest rate against a raw ``encode``.

The target (bench/ingest_bench.py's): an ingest embeds at least 0.8x as many chunks per
second as ``SentenceTransformer.encode`` of exactly the same chunk texts, in one run. The
shared interop folders hold 5-13 records per format, too few to time, so each format's
records are read ``--copies`` times, each copy under its own source id (as a museum's export
holds many records of one shape). What is timed for the ingest: reading the files (every
copy parses its bytes again) and the pipeline's write (``ingest_loaded``: hashing, chunking,
embedding, Chroma). Half the raw encode runs before, half after, as in ingest_bench.

    .venv/bin/python bench/interop_ingest_bench.py [--copies 20]

Writes bench/results/interop_ingest.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
import assistant.store  # noqa: E402, F401  (sets the OpenMP wait policy the app runs with)

INTEROP = REPO.parent / "shared" / "data" / "interop"
FORMATS = {"linked-art": "linked-art", "iiif": "iiif-v3", "lido": "lido", "edm": "edm"}


def read_copies(folder: Path, copies: int) -> tuple[list, float]:
    """Every record of ``folder``, ``copies`` times under new ids, and the seconds it took."""
    from assistant.documents import SourceDocument
    from ingest.loaders import Attestation, discover, load_file

    attest = Attestation("bench", "2026-12-03")
    files, _, _ = discover([folder])
    start = time.perf_counter()
    docs = []
    for copy in range(copies):
        for path in files:
            for item in load_file(path, attest):
                if isinstance(item, SourceDocument):
                    docs.append(dataclasses.replace(item, source_id=f"{item.source_id}-c{copy}"))
    return docs, time.perf_counter() - start


def bench_format(name: str, folder: Path, copies: int, work: Path) -> dict[str, float]:
    from assistant.settings import Settings
    from assistant.store import VectorIndex, load_embeddings
    from ingest.chunking import chunk_document
    from ingest.pipeline import ingest_loaded

    model = load_embeddings("")._client  # the very SentenceTransformer the ingest uses
    docs, read_s = read_copies(folder, copies)
    texts = [c.embed_text for d in docs for c in chunk_document(d)]
    model.encode(texts[:64], normalize_embeddings=True)  # warm-up
    shuffled = random.Random(11).sample(texts, len(texts))
    halves = (shuffled[: len(texts) // 2], shuffled[len(texts) // 2 :])

    def raw(part: list[str]) -> float:
        start = time.perf_counter()
        model.encode(part, normalize_embeddings=True)
        return time.perf_counter() - start

    raw_s = raw(halves[0])
    settings = Settings(data_dir=work / name)  # type: ignore[call-arg]
    index = VectorIndex.open(settings, create=True)
    start = time.perf_counter()
    report = ingest_loaded(docs, index)
    write_s = time.perf_counter() - start
    raw_s += raw(halves[1])
    ingest_s = read_s + write_s
    return {
        "records": len(docs),
        "chunks": len(texts),
        "written": report.chunks_written,
        "raw_per_s": len(texts) / raw_s,
        "read_s": read_s,
        "write_s": write_s,
        "ingest_per_s": report.chunks_written / ingest_s,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument(
        "--out", type=Path, default=REPO / "bench" / "results" / "interop_ingest.md"
    )
    args = parser.parse_args()
    if not INTEROP.is_dir():
        sys.exit(f"needs the shared interop records at {INTEROP}")
    lines = [
        "# Ingest speed per standard format (bench/interop_ingest_bench.py)",
        "",
        f"{dt.date.today()}, {platform.processor() or platform.machine()}, "
        f"{args.copies} copies of each folder's records under new ids. ingest = reading the "
        "files + the pipeline's write; raw = `encode` of the same chunk texts, half before and "
        "half after. Target: ingest / raw >= 0.8.",
        "",
        "| format | records | chunks | read s | write s | raw chunks/s | ingest chunks/s "
        "| ingest / raw |",
        "|---|---|---|---|---|---|---|---|",
    ]
    with tempfile.TemporaryDirectory() as work:
        for name, sub in FORMATS.items():
            r = bench_format(name, INTEROP / sub, args.copies, Path(work))
            lines.append(
                f"| {name} | {r['records']} | {r['chunks']} | {r['read_s']:.2f} | "
                f"{r['write_s']:.2f} | {r['raw_per_s']:.1f} | {r['ingest_per_s']:.1f} | "
                f"**{r['ingest_per_s'] / r['raw_per_s']:.2f}** |"
            )
            print(lines[-1], flush=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
