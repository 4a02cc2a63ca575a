"""The fields standard records added to SourceDocument: hashed only when set, carried to cards."""

import hashlib
import json
from dataclasses import asdict

from assistant.answering.compose import citation_for
from assistant.documents import PIPELINE_VERSION, Creator, SourceDocument
from assistant.store import Passage

NIGHT_WATCH = SourceDocument(
    source_id="test-night-watch",
    title="The Night Watch",
    text="A militia company.",
    vetted_by="Registrar",
    vetted_on="2026-01-01",
    creators=(Creator("Rembrandt van Rijn", "painter", "1606-1669"),),
    date="1642",
    license="CC-BY-4.0",
    origin="corpus/night-watch.md",
)


def hash_before_the_new_fields(doc: SourceDocument) -> str:
    """content_hash as it was computed before rights/credit_line/image_url/language existed.

    (And ``source_type``, added later for curators' notes, ``place_found``, a find-spot, and
    ``other_titles``, its titles in other languages: fields the old hash never saw.)
    """
    payload = asdict(doc)
    payload.pop("origin")
    for name in (*NEW_FIELDS, "other_titles"):
        payload.pop(name)
    if not payload["pages"]:
        payload.pop("pages")
    if not payload["period"]:
        payload.pop("period")
    payload["pipeline"] = PIPELINE_VERSION
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def test_a_document_without_the_new_fields_keeps_its_hash_so_it_is_not_re_embedded():
    assert NIGHT_WATCH.content_hash() == hash_before_the_new_fields(NIGHT_WATCH)


NEW_FIELDS = ("rights", "credit_line", "image_url", "language", "source_type", "place_found")


def test_each_new_field_changes_the_hash_when_set():
    seen = {NIGHT_WATCH.content_hash()}
    values = [(name, "x") for name in NEW_FIELDS] + [("other_titles", (("fr", "x"),))]
    for name, value in values:
        changed = SourceDocument(
            **{**asdict(NIGHT_WATCH), "creators": NIGHT_WATCH.creators, name: value}
        )
        seen.add(changed.content_hash())
    assert len(seen) == 8


def test_new_fields_travel_in_chunk_metadata_to_the_citation():
    doc = SourceDocument(
        **{
            **asdict(NIGHT_WATCH),
            "creators": NIGHT_WATCH.creators,
            "rights": "No Copyright - United States",
            "credit_line": "Gift of A. Donor",
            "image_url": "https://example.org/iiif/1",
            "language": "en",
        }
    )
    meta = doc.metadata()
    assert meta["rights"] == "No Copyright - United States" and meta["language"] == "en"
    citation = citation_for(1, Passage("c1", doc.source_id, doc.text, 0.9, "text", meta))
    assert citation.credit_line == "Gift of A. Donor"
    assert citation.rights == "No Copyright - United States"
    assert citation.image_url == "https://example.org/iiif/1"
