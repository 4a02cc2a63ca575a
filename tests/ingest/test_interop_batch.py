"""Standard-format batches: detection, --format, bad records, skipped files, and a real index."""

import shutil

from click.testing import CliRunner

from ingest import interop
from ingest.loaders import Refusal, SourceDocument
from ingest.pipeline import ingest
from tests.ingest.interop_data import ATTEST, folder
from ui.cli import main

LIDO_NO_TITLE = b"""<?xml version="1.0"?>
<lido:lido xmlns:lido="http://www.lido-schema.org"><lido:lidoRecID>X1</lido:lidoRecID>
<lido:descriptiveMetadata><lido:objectIdentificationWrap><lido:repositoryWrap><lido:repositorySet>
<lido:workID lido:type="inventory number">INV-1</lido:workID></lido:repositorySet>
</lido:repositoryWrap></lido:objectIdentificationWrap></lido:descriptiveMetadata></lido:lido>"""


def test_format_is_detected_from_content_not_the_file_name():
    cases = {
        "linked-art": folder("linked-art") / "nga-1987.58.6-okeeffe-line-and-curve.json",
        "lido": folder("lido") / "ro-inp-clasate-peles-12489-L618-taskin-harpsichord.lido.xml",
        "edm": folder("edm") / "bolton-1993.83.27.19-washing-day.edm.rdf",
        "iiif": folder("iiif-v3") / "vam-E.1829-2004-cunard-line-poster.json",
    }
    for fmt, path in cases.items():
        assert interop.recognise(path.read_bytes()) == fmt, path.name
    oai = folder("edm") / "rijksmuseum-BK-1978-399-painted-velvet-purse.europeana-oai.edm.xml"
    assert interop.recognise(oai.read_bytes()) == "edm"  # inside an OAI-PMH response
    galileo = folder("edm") / "museo-galileo-401059-hourglass.edm-xml2json.json"
    assert interop.recognise(galileo.read_bytes()) == "edm"


def test_read_is_the_entry_point_for_one_records_bytes():
    data = (
        folder("lido") / "ro-inp-clasate-peles-12489-L618-taskin-harpsichord.lido.xml"
    ).read_bytes()
    [doc] = interop.read(data, "harvest:1", attestation=ATTEST)
    assert isinstance(doc, SourceDocument) and doc.origin == "harvest:1"
    [unvetted] = interop.read(data, "harvest:1")
    assert isinstance(unvetted, Refusal) and "--vetted-by" in unvetted.reason


def test_bad_records_give_reasons_and_the_batch_goes_on(tmp_path, fresh_index):
    _, index = fresh_index
    (tmp_path / "broken.xml").write_bytes(b"<lido:lido xmlns:lido='http://www.lido-schema.org'>")
    (tmp_path / "other.json").write_text('{"hello": "world", "@context": "x"}', encoding="utf-8")
    (tmp_path / "untitled.xml").write_bytes(LIDO_NO_TITLE)
    (tmp_path / "plain.xml").write_bytes(b"<catalogue><item/></catalogue>")
    shutil.copy(
        folder("lido") / "ro-inp-clasate-peles-12489-L618-taskin-harpsichord.lido.xml", tmp_path
    )
    report = ingest([tmp_path], index, attestation=ATTEST)
    assert len(report.added) == 1
    errors = {e.path.rsplit("/", 1)[-1]: e.reason for e in report.errors}
    assert errors["broken.xml"].startswith("broken XML:")
    assert "not a record in a known format" in errors["plain.xml"]
    # JSON that is neither format falls to our own export shape, which refuses it by name.
    [untitled] = [r for r in report.refused if r.origin.endswith("untitled.xml")]
    assert untitled.reason.startswith("LIDO record without a title (looked in ")
    assert any(
        r.origin.endswith("other.json:1") and "missing 'id'" in r.reason for r in report.refused
    )


def test_format_option_forces_a_reader_and_says_when_content_does_not_fit(tmp_path):
    env = {"MUSEUM_QA_DATA_DIR": str(tmp_path / "data")}
    edm = folder("edm") / "bolton-1993.83.27.19-washing-day.edm.rdf"
    runner = CliRunner()
    forced = runner.invoke(
        main, ["ingest", str(edm), "--format", "lido", "--vetted-by", "R"], env=env
    )
    assert forced.exit_code == 1 and "not LIDO: no lido:lido record" in forced.output
    right = runner.invoke(
        main, ["ingest", str(edm), "--format", "edm", "--vetted-by", "R"], env=env
    )
    assert right.exit_code == 0 and "added 1" in right.output
    # A .json of Linked Art is read as Linked Art even where a mapping could have been tried.
    la = folder("linked-art") / "pma-1944-95-4-okeeffe-peach-and-glass.json"
    forced_la = runner.invoke(
        main, ["ingest", str(la), "--format", "linked-art", "--vetted-by", "R"], env=env
    )
    assert forced_la.exit_code == 0 and "added 1" in forced_la.output


def test_a_folder_lists_every_file_it_skips_and_reading_nothing_fails(tmp_path):
    env = {"MUSEUM_QA_DATA_DIR": str(tmp_path / "data")}
    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / "scan.tif").write_bytes(b"II*\x00")
    (exports / "notes.docx").write_bytes(b"PK")
    result = CliRunner().invoke(main, ["ingest", str(exports), "--vetted-by", "R"], env=env)
    assert result.exit_code == 1
    assert "skipped" in result.output and "scan.tif: unknown format '.tif'" in result.output
    assert "notes.docx: unknown format '.docx'" in result.output
    assert "Nothing was read" in result.output


def test_a_folder_of_xml_records_is_read_not_skipped(tmp_path):
    env = {"MUSEUM_QA_DATA_DIR": str(tmp_path / "data")}
    result = CliRunner().invoke(main, ["ingest", str(folder("lido")), "--vetted-by", "R"], env=env)
    assert result.exit_code == 0, result.output
    assert "added 11" in result.output and "skipped" not in result.output


def test_records_without_attestation_are_refused_each_with_the_reason(fresh_index):
    _, index = fresh_index
    report = ingest([folder("edm")], index)
    assert report.added == [] and len(report.refused) == 5
    assert all("names no vetted_by" in r.reason for r in report.refused)


def test_all_four_folders_land_in_a_real_index_with_their_metadata(fresh_index):
    _, index = fresh_index
    paths = [folder(n) for n in ("linked-art", "lido", "edm", "iiif-v3")]
    report = ingest(paths, index, attestation=ATTEST)
    assert len(report.added) == 13 + 11 + 5 + 5 and not report.refused and not report.errors
    docs = index.documents()
    irises = next(d for d in docs.values() if d.accession_number == "90.PA.20")
    record = index.get_record(irises.source_id)
    assert record is not None
    meta = record.meta
    assert meta["rights"] == "No Copyright - United States"
    assert meta["credit_line"] == "The J. Paul Getty Museum, Los Angeles"
    assert meta["image_url"].startswith("https://media.getty.edu/iiif/image/")
    assert meta["license"].startswith("Attribution 4.0 International")
    assert "Vincent van Gogh" in meta["creators_display"] and meta["date_begin"] == 1889
    taskin = next(d for d in docs.values() if d.accession_number == "12489/L618")
    assert taskin.institution == "Muzeul Național Peleș - SINAIA" and taskin.license == "CC0"
    purse = next(d for d in docs.values() if d.accession_number == "BK-1978-399")
    assert purse.credit_line == "Gift of Jonkvrouw C.I. Six, 's-Graveland"
    # A catalogue-only record answers "what is it made of" from its card.
    hit = index.search("What is Peach and Glass made of?", 3)
    assert any("Oil on canvas" in p.text for p in hit)
    kranenburgh = next(d for d in docs.values() if d.accession_number == "00002")
    assert kranenburgh.rights == "http://creativecommons.org/licenses/by/4.0"
    assert kranenburgh.credit_line == "Provided by Museum Kranenburgh"
    again = ingest(paths, index, attestation=ATTEST)
    assert again.added == [] and len(again.unchanged) == 34


def test_the_format_option_offers_exactly_the_formats_there_are_readers_for():
    option = next(p for p in main.commands["ingest"].params if p.name == "fmt")
    assert list(option.type.choices) == list(interop.FORMATS)


def test_a_folder_with_an_unreadable_record_lists_it_and_ingests_the_rest(tmp_path):
    env = {"MUSEUM_QA_DATA_DIR": str(tmp_path / "data")}
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "cut-off.xml").write_bytes(b"<lido:lidoWrap xmlns:lido='http://www.lido-schema.org'>")
    (batch / "latin1.json").write_bytes('{"title": "Café"}'.encode("latin-1"))
    shutil.copy(folder("edm") / "bolton-1993.83.27.19-washing-day.edm.rdf", batch)
    result = CliRunner().invoke(main, ["ingest", str(batch), "--vetted-by", "R"], env=env)
    assert result.exit_code == 1 and "added 1" in result.output
    assert "cut-off.xml: broken XML" in result.output
    assert "latin1.json: not UTF-8 text" in result.output
