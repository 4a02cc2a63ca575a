"""Split a document into self-describing chunks: the record card plus passages of its text."""

from __future__ import annotations

from assistant.documents import SourceDocument, record_sentences
from assistant.injection import looks_like_instruction
from assistant.store import Chunk
from assistant.text import split_sentences

TARGET_CHARS = 700
MAX_CHARS = 1000


def _passages(text: str) -> list[str]:
    """Whole paragraphs where they fit; long ones split at sentence boundaries."""
    out: list[str] = []
    for para in (" ".join(p.split()) for p in text.split("\n\n")):
        if not para:
            continue
        if len(para) <= MAX_CHARS:
            out.append(para)
            continue
        current = ""
        for sentence in split_sentences(para):
            if current and len(current) + len(sentence) + 1 > TARGET_CHARS:
                out.append(current)
                current = sentence
            else:
                current = f"{current} {sentence}".strip()
        if current:
            out.append(current)
    # Fold very short passages (a one-line paragraph) into their neighbour.
    merged: list[str] = []
    for passage in out:
        if (
            merged
            and (len(passage) < 120 or len(merged[-1]) < 120)
            and (len(merged[-1]) + len(passage) < MAX_CHARS)
        ):
            merged[-1] = f"{merged[-1]} {passage}"
        else:
            merged.append(passage)
    return merged


def chunk_document(doc: SourceDocument) -> list[Chunk]:
    """The record chunk first (catalogue facts as sentences), then the text passages.

    Every chunk repeats title and creator in the text it is embedded by, so a passage that
    says only "it" is still found by a question naming the object.
    """
    doc_hash = doc.content_hash()
    base = doc.metadata()
    header = doc.title + (f" — {base['creators_display']}" if base["creators_display"] else "")
    record = " ".join(record_sentences(base))
    passages = _passages(doc.text)
    n_chunks = 1 + len(passages)
    chunks = [
        Chunk(
            chunk_id=f"{doc.source_id}:{doc_hash[:12]}:record",
            embed_text=f"{header}\n{record}",
            passage=record,
            metadata={
                **base,
                "kind": "record",
                "passage": record,
                "chunk_index": 0,
                "n_chunks": n_chunks,
                "doc_hash": doc_hash,
            },
        )
    ]
    for i, passage in enumerate(passages, start=1):
        flagged = any(looks_like_instruction(s) for s in split_sentences(passage))
        chunks.append(
            Chunk(
                chunk_id=f"{doc.source_id}:{doc_hash[:12]}:{i}",
                embed_text=f"{header}\n{passage}",
                passage=passage,
                metadata={
                    **base,
                    "kind": "text",
                    "passage": passage,
                    "chunk_index": i,
                    "n_chunks": n_chunks,
                    "doc_hash": doc_hash,
                    "flagged": "instruction-like" if flagged else "",
                },
            )
        )
    return chunks
