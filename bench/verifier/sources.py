"""The curatorial texts the benchmark is built from, read and chunked exactly as ingest does.

Two sources: the Walters Art Museum descriptions (../shared/data/walters-art-museum) and our
own demo corpus (corpus/*.md, front matter stripped by the Markdown loader). Every object is
chunked by ``ingest.chunking.chunk_document``, so a pair's passage is a passage the assistant
could really cite, and its title and creators are what the citation shows.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from assistant.documents import SourceDocument
from assistant.text import content_words, split_sentences
from bench.verifier.edits import Person, Vocab
from bench.verifier.perturb import PLACES
from ingest.chunking import chunk_document
from ingest.loaders import Attestation, load_file

REPO = Path(__file__).resolve().parents[2]
WALTERS = REPO.parent / "shared" / "data" / "walters-art-museum" / "objects.jsonl"
CORPUS = REPO / "corpus"
# The benchmark reads these files; it does not index them, so this vets nothing.
_READ_ONLY = Attestation("verifier benchmark (read only)", "2026-11-30")


@dataclass
class SourceObject:
    """One object: its chosen passage, eligible sentences, record fields and split."""

    source_id: str
    corpus: str  # "walters" or "demo"
    title: str
    creators: str  # as a citation shows them (``creators_display``)
    record: dict[str, str]  # creator, date, medium, accession_number, culture, place_made
    group: str  # classification (Walters) or "demo": neighbours come from the same group
    passage: str  # the text chunk the pairs cite
    sentences: list[str]  # eligible sentences of that passage
    all_sentences: list[str]  # eligible sentences of the whole text (donors for others)
    clause_sentences: list[str]  # every sentence of the text (relative clauses for others)
    words: frozenset[str] = field(default_factory=frozenset)  # content words of the text
    license: str = ""
    split: str = ""  # "train" or "held", set by ``assign_splits``


def split_of(key: str) -> str:
    """A half, by a hash of a key (stable across rebuilds)."""
    return "held" if hashlib.sha256(key.encode()).digest()[0] % 2 else "train"


def assign_splits(objects: list[SourceObject]) -> None:
    """Put each object in a half; objects that share a sentence go to the same half.

    Some Walters texts repeat a sentence (a series' boilerplate): split by object alone, the
    same sentence would be in both halves.
    """
    parent = {o.source_id: o.source_id for o in objects}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first_seen: dict[str, str] = {}
    for obj in objects:
        for sentence in obj.all_sentences:
            other = first_seen.setdefault(sentence, obj.source_id)
            a, b = root(other), root(obj.source_id)
            if a != b:
                parent[max(a, b)] = min(a, b)
    for obj in objects:
        obj.split = split_of(root(obj.source_id))


_QUOTES = re.compile(r"[\"“”‘«»]|''")


def eligible(sentence: str) -> bool:
    """A declarative prose sentence of 6-45 words, not a quotation or a fragment."""
    n = len(sentence.split())
    return (
        6 <= n <= 45
        and sentence.endswith(".")
        and sentence[:1].isupper()
        and not _QUOTES.search(sentence)
        and "?" not in sentence
        and "!" not in sentence
        and not _ABBREVIATED.search(sentence)
        and not re.search(r"[a-z]\.[A-Z]|please see|for more information|see also", sentence, re.I)
        and not re.match(r"See\b", sentence)
    )


_ABBREVIATED = re.compile(r"\b(ca|c|St|Sts|fol|fols|no|nos|vol|ff|pl|fig|cf|pp|p|ed|eds)\.$", re.I)


def _record(doc: SourceDocument, creators: str) -> dict[str, str]:
    fields = {
        "creator": creators,
        "date": doc.date,
        "medium": doc.medium,
        "accession_number": doc.accession_number,
        "culture": doc.culture,
        "place_made": doc.place_made,
    }
    return {k: v for k, v in fields.items() if v}


def _object(doc: SourceDocument, corpus: str, group: str) -> SourceObject | None:
    chunks = [c for c in chunk_document(doc) if c.metadata["kind"] == "text"]
    if not chunks:
        return None
    all_sentences: list[str] = []
    every: list[str] = []
    best: tuple[int, str, list[str]] = (0, "", [])
    for chunk in chunks:
        split = split_sentences(chunk.passage)
        every.extend(split)
        # A sentence after "Sts." or "no." is the tail of a sentence the splitter cut short.
        sentences = [
            s
            for i, s in enumerate(split)
            if eligible(s) and not (i and _ABBREVIATED.search(split[i - 1]))
        ]
        all_sentences.extend(sentences)
        if len(sentences) > best[0]:
            best = (len(sentences), chunk.passage, sentences)
    if not best[2]:
        return None
    creators = str(chunks[0].metadata.get("creators_display", ""))
    return SourceObject(
        source_id=doc.source_id,
        corpus=corpus,
        title=doc.title,
        creators=creators,
        record=_record(doc, creators),
        group=group,
        passage=best[1],
        sentences=best[2],
        all_sentences=all_sentences,
        clause_sentences=every,
        words=frozenset(content_words(doc.text)),
        license=doc.license,
    )


def load_walters(path: Path = WALTERS) -> tuple[list[SourceObject], list[dict]]:
    """The Walters objects (and their raw records, for the vocabulary)."""
    raw = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    group = {f"walters-{r['object_id']}": r.get("classification") or "other" for r in raw}
    objects = []
    for doc in load_file(path, _READ_ONLY):
        if isinstance(doc, SourceDocument):
            obj = _object(doc, "walters", group.get(doc.source_id, "other"))
            if obj is not None:
                objects.append(obj)
    return objects, raw


def load_corpus(folder: Path = CORPUS) -> list[SourceObject]:
    """The demo corpus: one object per Markdown file (README.md skipped)."""
    objects = []
    for path in sorted(folder.glob("*.md")):
        if path.name.lower() == "readme.md":
            continue
        for doc in load_file(path):
            if isinstance(doc, SourceDocument):
                obj = _object(doc, "demo", "demo")
                if obj is not None:
                    objects.append(obj)
    return objects


# ----------------------------------------------------------------------------------------------
# Replacement vocabulary: persons and materials as the collections themselves name them

_NOT_A_PERSON = re.compile(
    r"\b(Manufactory|Factory|Company|Workshop|Anonymous|Unknown|Master|Painter|Group|Circle|"
    r"Follower|School|Style|Studio|Atelier|Firm|Imperial|Royal|Court)\b|&|\band\b|\?"
)
_CULTURE_WORDS = frozenset(PLACES["nationality"]) | {
    "Eastern",
    "Western",
    "Northern",
    "Southern",
    "Near",
    "Islamic",
    "Byzantine",
    "Roman",
    "Etruscan",
    "Iranian",
    "Indian",
    "Coptic",
    "Moche",
    "Maya",
    "Olmec",
    "Aztec",
    "Thai",
    "Netherlandish",
}


def person(name: str, nationality: str = "") -> Person | None:
    """A ``Person`` from a collection's creator display name, or None for a culture."""
    m = re.match(r"^(?P<name>[^()]+?)\s*(?:\((?P<paren>[^()]*)\))?\s*$", name)
    if not m:
        return None
    full = m.group("name").split(",")[0].strip()
    paren = m.group("paren") or ""
    tokens = full.split()
    if len(tokens) < 2 or _NOT_A_PERSON.search(full) or set(tokens) & _CULTURE_WORDS:
        return None
    if not any(t[:1].isupper() for t in tokens) or re.search(r"\d", full):
        return None
    if not nationality and paren and not re.search(r"\d", paren.split(",")[0]):
        nationality = paren.split(",")[0].strip()
    last = tokens[-1]
    surname = last if last[:1].isupper() and len(last) >= 4 and last.isalpha() else ""
    return Person(full, surname, nationality)


def build_vocab(walters_raw: list[dict], corpus: list[SourceObject]) -> Vocab:
    """Persons from both collections' creators; materials from their medium fields."""
    persons: dict[str, Person] = {}
    medium_words: dict[str, int] = {}
    for record in walters_raw:
        for creator in record.get("creators") or []:
            p = person(creator.get("name", ""))
            if p:
                persons.setdefault(p.full, p)
        for w in re.findall(r"[a-z]+", (record.get("medium") or "").lower()):
            medium_words[w] = medium_words.get(w, 0) + 1
    for obj in corpus:
        culture = obj.record.get("culture", "")
        for name in obj.creators.split("; "):
            p = person(re.sub(r"\s*\(.*\)$", "", name), culture)
            if p:
                persons.setdefault(p.full, p)
        for w in re.findall(r"[a-z]+", obj.record.get("medium", "").lower()):
            medium_words[w] = medium_words.get(w, 0) + 1
    materials = {w for w, n in medium_words.items() if n >= 2}
    return Vocab(sorted(persons.values(), key=lambda p: p.full), materials)
