"""Ingest against real Chroma and the real embedding model, in temp dirs."""

import json
import shutil

import pytest

from ingest.loaders import Attestation
from ingest.pipeline import ingest
from tests.conftest import DATA, TEST_CORPUS, WALTERS


def corpus_copy(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(TEST_CORPUS, folder)
    return folder


def texts(index, query, k=10):
    return [p.text for p in index.search(query, k)]


def test_unvetted_document_is_refused_and_not_searchable(fresh_index):
    _, index = fresh_index
    report = ingest([TEST_CORPUS, DATA / "bad" / "unvetted.md"], index)
    assert [r.reason for r in report.refused] == ["not vetted: no 'vetted_by'"]
    assert "test-unvetted-teapot" not in index.documents()
    assert not any("Silver Moon" in t for t in texts(index, "Silver Moon Teapot crescent moon"))


def test_reingesting_unchanged_files_does_nothing(fresh_index):
    _, index = fresh_index
    first = ingest([TEST_CORPUS], index)
    before = index.documents()
    second = ingest([TEST_CORPUS], index)
    assert len(first.added) == 3
    assert second.added == second.updated == [] and len(second.unchanged) == 3
    assert second.chunks_written == 0
    assert index.documents() == before


def test_changed_document_replaces_its_old_text(tmp_path, fresh_index):
    _, index = fresh_index
    folder = corpus_copy(tmp_path)
    ingest([folder], index)
    doc = folder / "rosetta-stone.md"
    doc.write_text(
        doc.read_text().replace(
            "granodiorite, not basalt as older books often say",
            "a dark granite-like rock called granodiorite",
        )
    )
    report = ingest([folder], index)
    assert report.updated == ["test-rosetta-stone"]
    found = texts(index, "Rosetta Stone basalt older books")
    assert not any("older books" in t for t in found)
    assert any("granite-like" in t for t in found)
    assert index.documents()["test-rosetta-stone"].complete


def test_broken_front_matter_is_reported_and_the_rest_still_ingests(tmp_path, fresh_index):
    _, index = fresh_index
    folder = corpus_copy(tmp_path)
    shutil.copy(DATA / "bad" / "broken.md", folder / "broken.md")
    report = ingest([folder], index)
    assert len(report.added) == 3
    assert len(report.errors) == 1 and "broken front matter" in report.errors[0].reason
    assert not report.ok


def test_prune_removes_documents_that_are_gone_but_keeps_broken_ones(tmp_path, fresh_index):
    _, index = fresh_index
    folder = corpus_copy(tmp_path)
    ingest([folder], index)
    (folder / "mona-lisa.md").unlink()
    night = folder / "night-watch.md"
    night.write_text(night.read_text().replace('title: "The Night Watch"', 'title: "[broken'))
    report = ingest([folder], index, prune=True)
    assert report.removed == ["test-mona-lisa"]
    assert "test-night-watch" in index.documents()  # broken now, so its last good version stays


def test_document_that_loses_its_vetting_is_removed_at_once(tmp_path, fresh_index):
    _, index = fresh_index
    folder = corpus_copy(tmp_path)
    ingest([folder], index)
    doc = folder / "mona-lisa.md"
    doc.write_text(doc.read_text().replace('vetted_by: "museum-qa test fixtures"\n', ""))
    report = ingest([folder], index)
    assert report.removed == ["test-mona-lisa"]
    assert "test-mona-lisa" not in index.documents()


def test_every_chunk_carries_provenance_and_tombstone_fields(fresh_index):
    _, index = fresh_index
    ingest([TEST_CORPUS], index)
    for passage in index.search("Rembrandt militia company", 5):
        meta = passage.meta
        for key in (
            "source_id",
            "title",
            "vetted_by",
            "vetted_on",
            "license",
            "origin",
            "accession_number",
            "institution",
            "doc_hash",
        ):
            assert meta.get(key), key
    record = index.get_record("test-night-watch")
    assert record is not None and "Rembrandt van Rijn" in record.text and "SK-C-5" in record.text


def test_unknown_format_and_missing_path_are_clear_errors(tmp_path, fresh_index):
    _, index = fresh_index
    odd = tmp_path / "notes.docx"
    odd.write_bytes(b"PK\x03\x04")
    report = ingest([odd, tmp_path / "missing.md"], index)
    reasons = sorted(e.reason for e in report.errors)
    assert reasons[0] == "no such file or folder" and "unknown format" in reasons[1]


def test_non_utf8_file_is_an_error(tmp_path, fresh_index):
    _, index = fresh_index
    bad = tmp_path / "latin1.md"
    bad.write_bytes("---\nid: x\ntitle: Caf\xe9\n---\nText".encode("latin-1"))
    report = ingest([bad], index)
    assert "UTF-8" in report.errors[0].reason


@pytest.mark.skipif(not WALTERS.exists(), reason="needs ../shared/data")
def test_walters_records_need_an_attestation_and_keep_their_provenance(tmp_path, fresh_index):
    _, index = fresh_index
    sample = tmp_path / "walters.jsonl"
    lines = WALTERS.read_text(encoding="utf-8").splitlines()[:12]
    sample.write_text("\n".join([*lines, "{not json"]) + "\n", encoding="utf-8")
    refused = ingest([sample], index)
    assert refused.added == [] and len(refused.refused) == 13
    report = ingest([sample], index, attestation=Attestation("Registrar", "2026-11-24"))
    assert len(report.added) == 12
    assert any("invalid JSON" in r.reason for r in report.refused)
    first = json.loads(lines[0])
    record = index.get_record(first["id"])
    assert record is not None
    assert record.meta["accession_number"] == first["accession_number"]
    assert record.meta["vetted_by"] == "Registrar"
    assert "GFDL" in record.meta["license"]
    # The named periods, dynasties and reigns the record dates it by are kept, in that order.
    for line in lines[:12]:
        raw = json.loads(line)
        kept = index.get_record(raw["id"])
        named = [raw.get(k) for k in ("period", "dynasty", "reign") if raw.get(k)]
        assert kept is not None and kept.meta["period"] == "; ".join(dict.fromkeys(named))


def test_every_chunk_embeds_title_creator_and_accession_number(fresh_index):
    _, index = fresh_index
    ingest([TEST_CORPUS], index)
    chunk_ids = list(index.documents()["test-night-watch"].chunk_ids)
    got = index.store._collection.get(ids=chunk_ids, include=["documents", "metadatas"])
    for embedded, meta in zip(got["documents"], got["metadatas"], strict=True):
        header = embedded.splitlines()[0]
        assert header.startswith("The Night Watch — Rembrandt van Rijn"), header
        assert "SK-C-5" in header
        assert embedded.endswith(meta["passage"])  # the cited passage is what was embedded


def test_an_objects_record_that_names_no_maker_says_so():
    from assistant.documents import record_facts

    made = record_facts({"title": "Lamp", "accession_number": "TM.1", "creators": "[]"})
    assert made["creator"] == "The catalogue record of Lamp gives no maker's name."
    # A text that is no catalogued object (no accession number) makes no such claim.
    assert "creator" not in record_facts({"title": "Gallery guide", "creators": "[]"})


def test_where_an_object_was_found_is_a_catalogue_fact_of_its_own():
    from assistant.documents import record_facts

    meta = {"title": "Pin", "creators": "[]", "place_made": "Dublin", "place_found": "Cork, Cork"}
    facts = record_facts(meta)
    assert facts["place"] == "Pin was made in Dublin."
    assert facts["found"] == "Pin was found in Cork."  # a find-spot listed twice, said once
    assert record_facts(meta, "fr")["found"] == "Lieu de découverte de Pin : Cork."
    assert "found" not in record_facts({"title": "Pin", "creators": "[]"})


def test_a_place_of_making_listed_twice_is_said_once():
    from assistant.documents import record_facts

    meta = {"title": "Jar", "creators": "[]", "place_made": "Roma, Roma, Italia, Italia"}
    assert record_facts(meta)["place"] == "Jar was made in Roma, Italia."


def test_how_an_object_came_to_the_museum_is_a_catalogue_fact_of_its_own():
    from assistant.documents import record_facts
    from ingest.mapping import load_mapping, resolve

    meta = {"title": "Pin", "creators": "[]", "credit_line": "Gift of Ann Lee, 1942."}
    assert record_facts(meta)["credit"] == "The credit line of Pin reads: Gift of Ann Lee, 1942."
    assert record_facts(meta, "de")["credit"] != record_facts(meta)["credit"]
    assert "credit" not in record_facts({"title": "Pin", "creators": "[]"})
    # The Walters export's credit line reaches the record.
    walters = load_mapping("walters")
    record = {"id": "walters-1", "title": "Pin", "description": "A pin.", "object_id": 1}
    credited = {**record, "credit_line": "Acquired by Henry Walters, 1909"}
    assert resolve(credited, walters.fields["credit_line"]) == "Acquired by Henry Walters, 1909"


def test_a_cards_credit_line_is_cited_but_not_embedded():
    from assistant.documents import SourceDocument
    from ingest.chunking import chunk_document

    doc = SourceDocument(
        source_id="pin",
        title="Pin",
        text="A bronze pin with a ring head.",
        vetted_by="curator",
        vetted_on="2026-01-01",
        medium="bronze",
        credit_line="Gift of Ann Lee, 1942",
    )
    card = chunk_document(doc)[0]
    # Shown and cited on the card; kept out of its vector, where the donor's and the
    # museum's names would pull questions that name them to every card.
    assert "Gift of Ann Lee, 1942" in card.passage
    assert "Ann Lee" not in card.embed_text and "bronze" in card.embed_text
