"""Split a document into self-describing chunks: the record card plus passages of its text."""

from __future__ import annotations

import json
from dataclasses import dataclass

from assistant.documents import SourceDocument, describing_sentences, record_sentences
from assistant.injection import looks_like_instruction
from assistant.store import Chunk
from assistant.text import split_sentences

TARGET_CHARS = 700
MAX_CHARS = 1000
SHORT_CHARS = 120
HEADER_TITLE_CHARS = 160
HEADER_CREATORS = 3
HEADER_CREATOR_CHARS = 160


@dataclass
class _Piece:
    """A passage being built, with its sentences (split once: pysbd is the slow part)."""

    text: str
    sentences: list[str]


def _pieces(text: str) -> list[_Piece]:
    """Whole paragraphs where they fit; long ones split at sentence boundaries."""
    out: list[_Piece] = []
    for para in (" ".join(p.split()) for p in text.split("\n\n")):
        if not para:
            continue
        # Every paragraph is split into sentences once, here: the instruction check needs
        # the sentences of short paragraphs too, and splitting twice cost ~10% of ingest.
        sentences = split_sentences(para)
        if len(para) <= MAX_CHARS:
            out.append(_Piece(para, sentences))
            continue
        current = _Piece("", [])
        for sentence in sentences:
            if current.text and len(current.text) + len(sentence) + 1 > TARGET_CHARS:
                out.append(current)
                current = _Piece(sentence, [sentence])
            else:
                current.text = f"{current.text} {sentence}".strip()
                current.sentences.append(sentence)
        if current.text:
            out.append(current)
    # Fold very short passages (a one-line paragraph) into their neighbour.
    merged: list[_Piece] = []
    for piece in out:
        if (
            merged
            and (len(piece.text) < SHORT_CHARS or len(merged[-1].text) < SHORT_CHARS)
            and (len(merged[-1].text) + len(piece.text) < MAX_CHARS)
        ):
            merged[-1] = _Piece(
                f"{merged[-1].text} {piece.text}", merged[-1].sentences + piece.sentences
            )
        else:
            merged.append(piece)
    return merged


def _passages(text: str) -> list[str]:
    """The passages of a text, as they will be cited."""
    return [p.text for p in _pieces(text)]


def _located(doc: SourceDocument) -> list[tuple[_Piece, int | None]]:
    """Passages with their PDF page (None for other formats); never across a page break."""
    if not doc.pages:
        return [(piece, None) for piece in _pieces(doc.text)]
    return [
        (piece, number) for number, page in enumerate(doc.pages, start=1) for piece in _pieces(page)
    ]


def _clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + " …"


def _header(doc: SourceDocument, creators: str) -> str:
    """Title, creators and accession number: what every chunk is embedded with.

    Bounded, because the model reads only 256 tokens: an uncapped header of a book with a
    60-word title and ten contributors pushed its whole passage out of the embedding.
    """
    header = _clip(doc.title, HEADER_TITLE_CHARS)
    if creators:
        names = creators.split("; ")
        shown = "; ".join(names[:HEADER_CREATORS]) + (
            "; et al." if len(names) > HEADER_CREATORS else ""
        )
        header += f" — {_clip(shown, HEADER_CREATOR_CHARS)}"
    if doc.accession_number:
        # A question quoting the number ("what is 37.760?") should find the prose too.
        header += f" (accession number {doc.accession_number})"
    return header


def chunk_document(doc: SourceDocument) -> list[Chunk]:
    """The record chunk first (catalogue facts as sentences), then the text passages.

    Every chunk repeats title and creator in the text it is embedded by, so a passage that
    says only "it" is still found by a question naming the object; the accession number
    travels in the metadata and in the record chunk. A passage that reads like an
    instruction to the assistant is flagged with the offending sentences, for
    ``museum-qa sources --flagged``.
    """
    doc_hash = doc.content_hash()
    base = doc.metadata()
    header = _header(doc, str(base["creators_display"]))
    record = " ".join(record_sentences(base))
    # How the museum got it is shown, not embedded (documents.UNDESCRIBING).
    described = " ".join(describing_sentences(base))
    located = _located(doc)
    n_chunks = 1 + len(located)
    chunks = [
        Chunk(
            chunk_id=f"{doc.source_id}:{doc_hash[:12]}:record",
            embed_text=f"{header}\n{described}",
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
    for i, (piece, page) in enumerate(located, start=1):
        flagged = [s for s in piece.sentences if looks_like_instruction(s)]
        meta = {
            **base,
            "kind": "text",
            "passage": piece.text,
            "chunk_index": i,
            "n_chunks": n_chunks,
            "doc_hash": doc_hash,
            "flagged": "instruction-like" if flagged else "",
        }
        if flagged:
            meta["flagged_sentences"] = json.dumps(flagged, ensure_ascii=False)
        if page is not None:
            meta["page"] = page
        chunks.append(
            Chunk(
                chunk_id=f"{doc.source_id}:{doc_hash[:12]}:{i}",
                embed_text=f"{header}\n{piece.text}",
                passage=piece.text,
                metadata=meta,
            )
        )
    return chunks


def flagged_sentences(chunks: list[Chunk]) -> list[str]:
    """The instruction-like sentences of a document's chunks, in order."""
    out: list[str] = []
    for chunk in chunks:
        raw = chunk.metadata.get("flagged_sentences")
        if raw:
            out.extend(json.loads(raw))
    return out
