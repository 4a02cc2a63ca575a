"""Harvest benchmark: a first OAI-PMH harvest against re-harvests (run on demand, not in pytest).

    .venv/bin/python bench/harvest_bench.py                 # 20 copies of the LIDO records
    .venv/bin/python bench/harvest_bench.py --copies 5      # a quick look

A local server (tests/ingest/oai_server.py) serves the real LIDO and EDM records of
../shared/data/interop as OAI-PMH ListRecords pages. The LIDO records are served
``--copies`` times, each LIDO copy under another record id and inventory number, each EDM
copy about another object URI (otherwise the real text, unchanged), to make a harvest of a
few hundred records.
Three harvests into one fresh index, the embedding model loaded before any of them:

  (1) first harvest: every page fetched, every record embedded;
  (2) re-harvest, nothing changed: target < 5% of (1) in time, bytes and embeddings;
  (3) re-harvest after two records changed: only those two embedded again.

Requests are not spaced (MUSEUM_QA_HARVEST_DELAY=0): the pause is per request and both
harvests make the same requests, so it adds the same seconds to each (reported beside).
Results print as JSON and go to bench/results/harvest.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
# Before anything imports torch: the store sets the OpenMP wait policy the app runs with.
import assistant.store  # noqa: E402, F401

INTEROP = REPO.parent / "shared" / "data" / "interop"
LIDO = "{http://www.lido-schema.org}"


def copies_of(items: list, copies: int) -> list:
    """``copies`` versions of each LIDO item, each under its own record id and inventory no."""
    import dataclasses

    from lxml import etree

    out = []
    for n in range(copies):
        for item in items:
            record = etree.fromstring(item.xml)
            for tag in ("lidoRecID", "workID"):
                for el in record.iter(LIDO + tag):
                    el.text = f"{(el.text or '').strip()}-c{n}"
            out.append(
                dataclasses.replace(
                    item, identifier=f"{item.identifier}-c{n}", xml=etree.tostring(record)
                )
            )
    return out


def edm_copies_of(items: list, copies: int) -> list:
    """``copies`` versions of each EDM item, each about another object URI."""
    import dataclasses

    from lxml import etree

    out = []
    for n in range(copies):
        for item in items:
            cho = etree.fromstring(item.xml).find(
                "{http://www.europeana.eu/schemas/edm/}ProvidedCHO"
            )
            about = cho.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about").encode()
            xml = item.xml.replace(about, about + f"-c{n}".encode())
            out.append(dataclasses.replace(item, identifier=f"{item.identifier}-c{n}", xml=xml))
    return out


def edit(item) -> None:
    """Change one record's description, as a museum's correction would."""
    from lxml import etree

    record = etree.fromstring(item.xml)
    note = record.find(f".//{LIDO}descriptiveNoteValue")
    note.text = (note.text or "") + " (Corrected by the registrar.)"
    item.xml = etree.tostring(record)


class Counted:
    """Counts the texts the index embeds (wraps the index's embedder in place)."""

    def __init__(self, embeddings) -> None:
        self.texts = 0
        original = embeddings.embed_documents

        def embed_documents(texts: list[str]) -> list[list[float]]:
            self.texts += len(texts)
            return original(texts)

        embeddings.embed_documents = embed_documents


def run(request, index, settings, museum, counter) -> dict[str, object]:
    from ingest.harvest.run import harvest_oai
    from ingest.loaders import Attestation

    museum.requests.clear()
    museum.bytes_sent = 0
    before = counter.texts
    start = time.perf_counter()
    report = harvest_oai(request, index, settings, attestation=Attestation("bench", "2026-12-03"))
    seconds = time.perf_counter() - start
    assert not report.failure and not report.ingest.errors, report.failure
    return {
        "seconds": round(seconds, 3),
        "records": report.records,
        "requests": report.fetch.requests,
        "not_modified_304": report.fetch.not_modified,
        "bytes_received": report.fetch.bytes_received,
        "bytes_sent_by_server": museum.bytes_sent,
        "texts_embedded": counter.texts - before,
        "added": len(report.ingest.added),
        "updated": len(report.ingest.updated),
        "unchanged": len(report.ingest.unchanged),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--page-size", type=int, default=50)
    args = parser.parse_args()

    from assistant.settings import Settings
    from assistant.store import VectorIndex, load_embeddings
    from ingest.harvest.run import OaiRequest
    from tests.ingest.oai_server import Museum, edm_items, lido_items, serve

    load_embeddings("").embed_documents(["warm up"])  # the model load is not the harvest's
    lido = copies_of(lido_items(INTEROP / "lido"), args.copies)
    edm = edm_copies_of(edm_items(INTEROP / "edm"), args.copies)
    museum = Museum(items=lido + edm, page_size=args.page_size)
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp, serve(museum) as base:
        settings = Settings(data_dir=Path(tmp), harvest_delay=0)
        index = VectorIndex.open(settings, create=True)
        counter = Counted(index.embeddings)
        for prefix in ("lido", "edm"):
            request = OaiRequest(f"{base}/oai", prefix)
            first = run(request, index, settings, museum, counter)
            again = run(request, index, settings, museum, counter)
            results[prefix] = {"first": first, "unchanged": again}
        edit(lido[3])
        edit(lido[-1])
        lido_request = OaiRequest(f"{base}/oai", "lido")
        results["lido"]["two_changed"] = run(lido_request, index, settings, museum, counter)
    results["ratios_unchanged_over_first"] = {
        prefix: {
            key: round(r["unchanged"][key] / r["first"][key], 4) if r["first"][key] else None
            for key in ("seconds", "bytes_received", "texts_embedded")
        }
        for prefix, r in results.items()
        if prefix in {"lido", "edm"}
    }
    results["machine"] = {
        "python": platform.python_version(),
        "nproc": os.cpu_count(),
        "load_average": os.getloadavg(),
        "date": dt.date.today().isoformat(),
        "copies": args.copies,
        "page_size": args.page_size,
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
