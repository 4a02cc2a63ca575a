"""HTML, PDF and mapped collection exports, ingested into real Chroma with the real embedder."""

import json
import shutil

import pytest
import yaml
from click.testing import CliRunner

from ingest.loaders import Attestation, load_file
from ingest.mapping import MappingError, creators, load_mapping, parse_mapping, resolve
from ingest.pipeline import ingest
from tests.conftest import DATA, WALTERS
from ui.cli import main

FORMATS = DATA / "formats"
VETTING = {"vetted_by": "Registrar", "vetted_on": "2026-11-24", "license": "CC-BY-4.0"}


def make_pdf(path, pages):
    """A real PDF with a text layer, one string per page ("" makes a page with no text)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title("Annual Report of the Test Museum")
    pdf.set_font("helvetica", size=11)
    for text in pages:
        pdf.add_page()
        for para in text.split("\n\n"):
            if para:
                pdf.multi_cell(0, 6, para)
                pdf.ln(4)
    pdf.output(str(path))
    return path


def sidecar(path, **fields):
    side = path.with_name(path.name + ".meta.yaml")
    side.write_text(yaml.safe_dump(fields, allow_unicode=True), encoding="utf-8")
    return side


def chunks_of(index, source_id):
    return index.chunks(source_id)


# -- HTML -----------------------------------------------------------------------------------


def test_html_page_is_indexed_by_its_article_without_site_boilerplate(fresh_index):
    _, index = fresh_index
    report = ingest([FORMATS / "hay-wain.html"], index)
    assert report.added == ["test-hay-wain"] and not report.errors
    text = " ".join(p.text for p in chunks_of(index, "test-hay-wain"))
    assert "Willy Lott" in text and "Paris Salon of 1824" in text
    for boilerplate in ("cookie", "newsletter", "Donate", "Privacy policy", "gift cards"):
        assert boilerplate.lower() not in text.lower(), boilerplate
    record = index.get_record("test-hay-wain")
    assert record is not None and record.meta["accession_number"] == "NG1207"
    assert record.meta["vetted_by"] == "museum-qa test fixtures"
    assert record.meta["origin"].endswith("hay-wain.html")
    found = index.search("Which medal did The Hay Wain win in Paris?", 3)
    assert found[0].source_id == "test-hay-wain"


def test_html_page_without_sidecar_is_refused_as_unvetted(fresh_index):
    _, index = fresh_index
    report = ingest([FORMATS / "unvetted-page.html"], index)
    assert report.added == [] and not report.errors
    assert len(report.refused) == 1 and "not vetted" in report.refused[0].reason
    assert "unvetted-page.html.meta.yaml" in report.refused[0].reason


def test_attested_html_page_takes_its_id_from_the_file_and_title_from_the_page(
    tmp_path, fresh_index
):
    _, index = fresh_index
    page = tmp_path / "Teapot Notes.html"
    shutil.copy(FORMATS / "unvetted-page.html", page)
    report = ingest([page], index, attestation=Attestation("Curator A", "2026-11-24"))
    assert report.added == ["teapot-notes"]
    record = index.get_record("teapot-notes")
    assert record is not None and record.title == "A Blog Post About Teapots"
    assert record.meta["vetted_by"] == "Curator A"


def test_broken_sidecar_is_a_file_error_and_the_rest_goes_on(tmp_path, fresh_index):
    _, index = fresh_index
    shutil.copy(FORMATS / "hay-wain.html", tmp_path / "hay-wain.html")
    shutil.copy(FORMATS / "hay-wain.html.meta.yaml", tmp_path / "hay-wain.html.meta.yaml")
    page = tmp_path / "other.html"
    shutil.copy(FORMATS / "unvetted-page.html", page)
    (tmp_path / "other.html.meta.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    report = ingest([tmp_path], index)
    assert report.added == ["test-hay-wain"]
    assert [e.reason.split(":")[0] for e in report.errors] == [
        "broken sidecar other.html.meta.yaml"
    ]


def test_plain_text_file_without_front_matter_is_vetted_by_its_sidecar(tmp_path, fresh_index):
    _, index = fresh_index
    note = tmp_path / "label.txt"
    note.write_text("The lustre bowl was made in Kashan around 1200.\n", encoding="utf-8")
    refused = ingest([note], index)
    assert "no front matter" in refused.refused[0].reason and "label.txt.meta.yaml" in (
        refused.refused[0].reason
    )
    sidecar(note, id="test-label", title="Lustre Bowl", **VETTING)
    assert ingest([note], index).added == ["test-label"]


# -- PDF ------------------------------------------------------------------------------------

PAGE_1 = (
    "The Test Museum acquired a blue lustre bowl in 2025. The bowl was made in Kashan, in "
    "Iran, around 1200 and is decorated with a band of running hares."
)
PAGE_3 = (
    "Conservation notes. The ivory chess piece was cleaned with distilled water and a soft "
    "brush. Its old wax coating was removed, which revealed traces of red pigment on the "
    "knight's shield."
)


def test_pdf_passages_keep_their_page_numbers_and_stay_within_a_page(tmp_path, fresh_index):
    _, index = fresh_index
    pdf = make_pdf(tmp_path / "report.pdf", [PAGE_1, "", PAGE_3])
    sidecar(pdf, id="test-annual-report", title="Annual Report 2025", **VETTING)
    report = ingest([pdf], index)
    assert report.added == ["test-annual-report"], report
    texts = [c for c in chunks_of(index, "test-annual-report") if c.kind == "text"]
    assert [c.page for c in texts] == [1, 3]  # page 2 has no text and no chunk
    assert "running hares" in texts[0].text and "red pigment" not in texts[0].text
    hit = index.search("What did cleaning the ivory chess piece reveal?", 1)[0]
    assert hit.page == 3 and "red pigment" in hit.text
    record = index.get_record("test-annual-report")
    assert record is not None and record.page is None


def test_pdf_title_stands_in_when_the_sidecar_names_none(tmp_path, fresh_index):
    _, index = fresh_index
    pdf = make_pdf(tmp_path / "annual.pdf", [PAGE_1])
    sidecar(pdf, id="test-annual", **VETTING)
    ingest([pdf], index)
    record = index.get_record("test-annual")
    assert record is not None and record.title == "Annual Report of the Test Museum"


def test_pdf_without_a_text_layer_or_not_a_pdf_at_all_is_a_clear_error(tmp_path, fresh_index):
    _, index = fresh_index
    scan = make_pdf(tmp_path / "scan.pdf", ["", ""])
    sidecar(scan, id="scan", title="Scan", **VETTING)
    fake = tmp_path / "fake.pdf"
    fake.write_text("this is not a PDF", encoding="utf-8")
    good = make_pdf(tmp_path / "good.pdf", [PAGE_3])
    sidecar(good, id="test-good", title="Good", **VETTING)
    report = ingest([tmp_path], index)
    assert report.added == ["test-good"]
    reasons = {e.path.rsplit("/", 1)[-1]: e.reason for e in report.errors}
    assert "no text layer" in reasons["scan.pdf"] and "OCR" in reasons["scan.pdf"]
    assert "not a readable PDF" in reasons["fake.pdf"]


# -- mappings -------------------------------------------------------------------------------


def test_value_specs_cover_keys_templates_fallbacks_filters_and_translations():
    record = {
        "Title": "",
        "Object Name": "Bowl",
        "id": 7,
        "lic": {"text": "GFDL"},
        "geo": [{"term": "Iran", "type": "Place of Origin"}, {"term": "Paris", "type": "Sold"}],
        "pd": True,
    }
    assert resolve(record, ["Title", "Object Name"]) == "Bowl"
    assert resolve(record, "x-{id}") == "x-7"
    assert resolve(record, "x-{missing}") == ""  # so a fallback can take over
    assert resolve(record, "text {lic.text}") == "text GFDL"
    spec = {"path": "geo", "where": {"type": "Place of Origin"}, "item": "term"}
    assert resolve(record, spec) == "Iran"
    assert resolve(record, {"path": "pd", "map": {"True": "CC0"}}) == "CC0"
    assert resolve(record, {"parts": ["Object Name", "Title", "id"], "join": " / "}) == "Bowl / 7"
    assert resolve(
        {"d": "<p>One <b>bold</b> line.</p><p>Two.</p>"}, {"path": "d", "html": True}
    ) == ("One bold line.\n\nTwo.")


def test_parallel_split_columns_become_several_creators():
    row = {"N": "Leutze|Johnson", "R": "Artist|Artist", "B": "1816–1868|1824–1906"}
    got = creators(row, {"split": "|", "name": "N", "role": "R", "dates": "B"})
    assert got == [
        {"name": "Leutze", "role": "Artist", "dates": "1816–1868"},
        {"name": "Johnson", "role": "Artist", "dates": "1824–1906"},
    ]


def test_mapping_with_unknown_field_or_option_is_refused_with_a_clear_message(tmp_path):
    with pytest.raises(MappingError, match="unknown field"):
        parse_mapping({"fields": {"id": "a", "title": "b", "colour": "c"}}, "m.yaml")
    with pytest.raises(MappingError, match="unknown option"):
        parse_mapping({"fields": {"id": "a", "title": {"column": "b"}}}, "m.yaml")
    with pytest.raises(MappingError, match="'title'"):
        parse_mapping({"fields": {"id": "a"}}, "m.yaml")
    with pytest.raises(MappingError, match="bundled mappings: aic, met, walters"):
        load_mapping(tmp_path / "nope.yaml")


def test_bundled_walters_mapping_reads_what_autodetection_reads(tmp_path):
    if not WALTERS.exists():
        pytest.skip("needs ../shared/data")
    sample = tmp_path / "w.jsonl"
    sample.write_text("\n".join(WALTERS.read_text().splitlines()[:20]) + "\n")
    attest = Attestation("Registrar", "2026-11-24")
    auto = list(load_file(sample, attest))
    explicit = list(load_file(sample, attest, load_mapping("walters")))
    assert auto == explicit and len(auto) == 20
    first = json.loads(WALTERS.read_text().splitlines()[0])
    assert auto[0].accession_number == first["accession_number"]
    assert auto[0].license == "text GFDL-1.3; metadata CC0-1.0"


def test_the_walters_find_spot_is_read_apart_from_the_place_made(tmp_path):
    if not WALTERS.exists():
        pytest.skip("needs ../shared/data")
    lines = WALTERS.read_text().splitlines()
    both = next(
        line for line in lines if '"Place of Discovery"' in line and '"Place of Origin"' in line
    )
    record = json.loads(both)
    sample = tmp_path / "w.jsonl"
    sample.write_text(both + "\n")
    [doc] = load_file(sample, Attestation("Registrar", "2026-11-24"), load_mapping("walters"))
    terms = {g["type"]: g["term"] for g in record["geographies"]}
    assert doc.place_made == terms["Place of Origin"]
    assert doc.place_found == terms["Place of Discovery"]


def test_met_csv_export_is_recognised_and_indexed_as_catalogue_cards(fresh_index):
    _, index = fresh_index
    report = ingest(
        [FORMATS / "met-sample.csv"], index, attestation=Attestation("Registrar", "2026-11-24")
    )
    assert sorted(report.added) == ["met-11417", "met-436535"]
    [refusal] = report.refused
    assert "missing 'title' (column 'Title or Object Name')" in refusal.reason
    assert refusal.origin.endswith("met-sample.csv:4")
    washington = index.get_record("met-11417")
    assert washington is not None
    assert "Emanuel Leutze" in washington.text and "Eastman Johnson" in washington.text
    assert washington.meta["license"] == "CC0-1.0 (Met Open Access)"
    assert washington.meta["institution"] == "The Metropolitan Museum of Art, New York"
    assert washington.meta["url"].endswith("/11417")  # the fallback template filled it
    assert index.documents()["met-436535"].n_chunks == 1  # no prose: the card alone
    hit = index.search("Who painted Wheat Field with Cypresses?", 1)[0]
    assert hit.source_id == "met-436535" and "Vincent van Gogh" in hit.text


def test_aic_api_json_reads_records_under_data_and_strips_html(fresh_index):
    _, index = fresh_index
    report = ingest(
        [FORMATS / "aic-sample.json"], index, attestation=Attestation("Registrar", "2026-11-24")
    )
    assert sorted(report.added) == ["aic-111628", "aic-27992"]
    text = [c for c in chunks_of(index, "aic-27992") if c.kind == "text"]
    assert "<" not in text[0].text and "dabs of unmixed colour" in text[0].text
    nighthawks = [c for c in chunks_of(index, "aic-111628") if c.kind == "text"]
    assert "late-night diner" in nighthawks[0].text  # short_description as the fallback


def test_csv_with_unknown_columns_needs_a_mapping_and_a_custom_one_reads_it(tmp_path, fresh_index):
    _, index = fresh_index
    export = tmp_path / "export.csv"
    export.write_text(
        "Inventory,Name,Maker,Made,Notes\n"
        'T-1,Lustre Bowl,Unknown potter,about 1200,"A bowl from Kashan, decorated with hares."\n',
        encoding="utf-8",
    )
    plain = ingest([export], index, attestation=Attestation("Registrar", "2026-11-24"))
    assert "pass --mapping FILE" in plain.errors[0].reason
    mapping = tmp_path / "ours.yaml"
    mapping.write_text(
        "fields:\n  id: 'ours-{Inventory}'\n  title: Name\n  text: Notes\n"
        "  creators: Maker\n  date: Made\n  accession_number: Inventory\n",
        encoding="utf-8",
    )
    report = ingest(
        [export],
        index,
        attestation=Attestation("Registrar", "2026-11-24"),
        mapping=load_mapping(mapping),
    )
    assert report.added == ["ours-T-1"]
    record = index.get_record("ours-T-1")
    assert record is not None and "Unknown potter" in record.text


def test_csv_in_another_encoding_is_a_per_file_error(tmp_path, fresh_index):
    _, index = fresh_index
    bad = tmp_path / "latin1.csv"
    bad.write_bytes(
        "Object Number,Object ID,Is Public Domain,Title\n1,2,True,Café\n".encode("latin-1")
    )
    report = ingest([bad, DATA / "corpus"], index)
    assert len(report.added) == 3
    assert [e.reason for e in report.errors] == ["not UTF-8 text; re-save the file as UTF-8"]


def test_ingest_command_takes_a_mapping_by_name_or_file(tmp_path):
    env = {"MUSEUM_QA_DATA_DIR": str(tmp_path / "data")}
    runner = CliRunner()
    ok = runner.invoke(
        main,
        ["ingest", str(FORMATS / "met-sample.csv"), "--mapping", "met", "--vetted-by", "Reg"],
        env=env,
    )
    assert ok.exit_code == 0, ok.output
    assert "added 2" in ok.output and "refused 1" in ok.output
    bad = runner.invoke(
        main, ["ingest", str(FORMATS / "met-sample.csv"), "--mapping", "nope"], env=env
    )
    assert bad.exit_code == 2 and "no mapping file 'nope'" in bad.output


def test_an_answer_from_a_pdf_cites_the_page_in_the_contract_and_the_cli(tmp_path, fresh_index):
    from assistant.fakes import ScriptedChatModel
    from assistant.service import build_assistant

    settings, index = fresh_index
    pdf = make_pdf(tmp_path / "report.pdf", [PAGE_1, "", PAGE_3])
    sidecar(pdf, id="test-annual-report", title="Annual Report 2025", **VETTING)
    ingest([pdf], index)
    assistant = build_assistant(settings, model=ScriptedChatModel(), retriever=index)
    answer = assistant.ask("What did cleaning the ivory chess piece reveal?")
    assert answer.outcome == "answered", answer.refusal_reason
    pages = {c.source_id: c.page for c in answer.citations}
    assert pages.get("test-annual-report") == 3, answer.citations
    contract = answer.to_contract()
    assert {c["page"] for c in contract["citations"]} == {3}

    env = {f"MUSEUM_QA_{k.upper()}": str(v) for k, v in (("data_dir", settings.data_dir),)}
    result = CliRunner().invoke(
        main,
        ["ask", "What did cleaning the ivory chess piece reveal?"],
        env={**env, "MUSEUM_QA_LLM": "scripted"},
    )
    assert result.exit_code == 0, result.output
    assert "Annual Report 2025, p. 3" in result.output
