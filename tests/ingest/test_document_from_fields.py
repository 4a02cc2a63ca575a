"""document_from_fields, which every format ends in: what it refuses, and the fields it reads."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.documents import Creator, SourceDocument
from ingest.loaders import Attestation, Refusal, document_from_fields
from ingest.mapping import FIELDS

VETTED = {"id": "obj-1", "title": "A Bowl", "vetted_by": "Curator", "vetted_on": "2026-11-24"}
ATTEST = Attestation("Registrar", "2026-12-03")
COLUMNS = {"id": "ObjectID", "title": "Title", "text": "Label"}
# Every field a mapping may fill that is read as plain text, trimmed (none left out).
NOT_PLAIN = {"id", "title", "text", "vetted_by", "vetted_on", "creators", "date_begin", "date_end"}
PLAIN_FIELDS = FIELDS - NOT_PLAIN


@pytest.mark.parametrize(
    ("meta", "text", "options", "refusal"),
    [
        ({**VETTED, "id": " "}, "Text.", {}, Refusal("o", "missing 'id'")),
        (
            {**VETTED, "id": ""},
            "Text.",
            {"columns": COLUMNS},
            Refusal("o", "missing 'id' (column 'ObjectID')"),
        ),
        (
            {**VETTED, "vetted_by": ""},
            "Text.",
            {},
            Refusal("o", "not vetted: no 'vetted_by'", "obj-1"),
        ),
        (
            {**VETTED, "vetted_on": None},
            "Text.",
            {},
            Refusal("o", "not vetted: no 'vetted_on' date", "obj-1"),
        ),
        ({**VETTED, "title": ""}, "Text.", {}, Refusal("o", "missing 'title'", "obj-1")),
        (
            {**VETTED, "title": ""},
            "T.",
            {"columns": COLUMNS},
            Refusal("o", "missing 'title' (column 'Title')", "obj-1"),
        ),
        (VETTED, " \n", {}, Refusal("o", "empty text", "obj-1")),
        (
            VETTED,
            "",
            {"columns": COLUMNS},
            Refusal("o", "empty text (missing 'text' (column 'Label'))", "obj-1"),
        ),
        (VETTED, "", {"columns": {}}, Refusal("o", "empty text", "obj-1")),
    ],
)
def test_what_it_refuses_and_why(meta, text, options, refusal):
    assert document_from_fields(meta, text, origin="o", **options) == refusal


def test_the_first_refusal_wins_in_order_id_vetting_title_text():
    assert document_from_fields({}, "", origin="o") == Refusal("o", "missing 'id'")
    got = document_from_fields({"id": "x"}, "", origin="o")
    assert got == Refusal("o", "not vetted: no 'vetted_by'", "x")


def test_an_attestation_vets_what_names_no_vetting_of_its_own():
    bare = {"id": "obj-1", "title": "A Bowl"}
    got = document_from_fields(bare, "Text.", origin="o", attestation=ATTEST)
    assert isinstance(got, SourceDocument)
    assert (got.vetted_by, got.vetted_on) == ("Registrar", "2026-12-03")
    own = document_from_fields(VETTED, "Text.", origin="o", attestation=ATTEST)
    assert (own.vetted_by, own.vetted_on) == ("Curator", "2026-11-24")
    half = document_from_fields(
        {**bare, "vetted_by": "Curator"}, "T.", origin="o", attestation=ATTEST
    )
    assert (half.vetted_by, half.vetted_on) == ("Curator", "2026-12-03")


def test_a_catalogue_only_record_may_have_no_text():
    got = document_from_fields(VETTED, "", origin="o", require_text=False)
    assert isinstance(got, SourceDocument) and got.text == ""


def test_every_field_is_read_trimmed_and_typed():
    meta = {
        **VETTED,
        "id": " obj-1 ",
        "vetted_on": dt.date(2026, 11, 24),
        "creators": [
            {"name": "A. Potter", "role": "maker", "dates": 1900},
            " B. Glazer ",
            {"role": "x"},
            "",
        ],
        "date_begin": "1899.0",
        "date_end": "about then",
        **{name: f" {name} value " for name in PLAIN_FIELDS},
    }
    got = document_from_fields(meta, "  Text.\n", origin="f.md:3", pages=("Text.",))
    assert got == SourceDocument(
        source_id="obj-1",
        title="A Bowl",
        text="Text.",
        vetted_by="Curator",
        vetted_on="2026-11-24",
        creators=(Creator("A. Potter", "maker", "1900"), Creator("B. Glazer")),
        date="date value",
        date_begin=1899,
        date_end=None,
        medium="medium value",
        accession_number="accession_number value",
        institution="institution value",
        url="url value",
        license="license value",
        culture="culture value",
        period="period value",
        place_made="place_made value",
        place_found="place_found value",
        object_type="object_type value",
        rights="rights value",
        credit_line="credit_line value",
        image_url="image_url value",
        language="language value",
        origin="f.md:3",
        pages=("Text.",),
    )
    one = document_from_fields({**VETTED, "creators": " A. Potter "}, "T.", origin="o")
    assert one.creators == (Creator("A. Potter"),)


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("Venetian ()", "Venetian"),  # a source's empty bracket says nothing of the maker
        ("Venetian ( )", "Venetian"),
        ("()", ""),  # nothing left: no creator
        ("Persian (?)", "Persian (?)"),  # an unsure attribution keeps its question mark
        ("A. Potter (American, 1850-1900)", "A. Potter (American, 1850-1900)"),
    ],
)
def test_a_maker_name_loses_an_empty_bracket(name, read):
    got = document_from_fields({**VETTED, "creators": [{"name": name}]}, "T.", origin="o")
    assert got.creators == ((Creator(read),) if read else ())
    plain = document_from_fields({**VETTED, "creators": name}, "T.", origin="o")
    assert plain.creators == ((Creator(read),) if read else ())


@pytest.mark.parametrize(
    ("name", "bare"),
    [
        ("Henry Inman (American, 1801-1846)", "Henry Inman"),
        ("Persian (?)", "Persian"),
        ("Anon.", "Anon."),
    ],
)
def test_a_makers_bare_name_leaves_out_what_the_source_adds_in_brackets(name, bare):
    assert Creator(name).bare_name == bare


@pytest.mark.parametrize(
    "titles, read",
    [
        (
            {"fr": " Le Bol bleu ", "de": "Die blaue Schale"},
            (("fr", "Le Bol bleu"), ("de", "Die blaue Schale")),
        ),
        (
            {"IT": ["La coppa blu", "La ciotola blu", ""]},
            (("it", "La coppa blu"), ("it", "La ciotola blu")),
        ),
        # Not titles by language: a bare string, a number, an empty title.
        ("Le Bol bleu", ()),
        ({"fr": 12, "de": ""}, ()),
        (None, ()),
    ],
)
def test_titles_in_other_languages_are_read_by_language(titles, read):
    got = document_from_fields({**VETTED, "titles": titles}, "A text.", origin="o")
    assert isinstance(got, SourceDocument) and got.other_titles == read


def test_titles_in_other_languages_travel_with_every_chunk():
    from assistant.documents import other_titles_from_meta
    from ingest.chunking import chunk_document

    plain = document_from_fields(VETTED, "A text.", origin="o")
    titled = document_from_fields(
        {**VETTED, "titles": {"fr": "Le Bol bleu"}}, "A text.", origin="o"
    )
    assert isinstance(plain, SourceDocument) and isinstance(titled, SourceDocument)
    chunks = chunk_document(titled)
    assert all(other_titles_from_meta(c.metadata) == [("fr", "Le Bol bleu")] for c in chunks)
    # Not embedded: an English-only embedder reads them as noise (two English answers of two
    # objects each lost a passage); the question is matched to them by name (evidence).
    assert all("Le Bol bleu" not in c.embed_text for c in chunks)
    assert other_titles_from_meta(chunk_document(plain)[0].metadata) == []
    # Titles given later change what is embedded: the next ingest writes the text again.
    assert plain.content_hash() != titled.content_hash()


def test_a_card_in_another_language_calls_the_object_by_its_title_there():
    from assistant.documents import record_facts

    doc = document_from_fields(
        {**VETTED, "date": "1642", "titles": {"nl": "De blauwe kom", "es": "El cuenco azul"}},
        "A text.",
        origin="o",
    )
    assert isinstance(doc, SourceDocument)
    meta = doc.metadata()
    assert record_facts(meta, "nl")["date"].startswith("De blauwe kom ")
    assert record_facts(meta, "fr")["date"].startswith("A Bowl ")  # no French title given
    # No Spanish catalogue: the sentence stays English, and so does the title in it.
    assert record_facts(meta, "es")["date"] == "A Bowl is dated 1642."
    assert record_facts(meta)["date"] == "A Bowl is dated 1642."  # English: the record's own
