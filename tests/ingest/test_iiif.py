"""Every real IIIF Presentation 3 manifest in ../shared/data/interop/iiif-v3, field by field."""

import pytest

from tests.ingest.interop_data import check, folder, read_one

EXPECTED = {
    "vam-E.1829-2004-cunard-line-poster.json": {
        "title": "Cunard Line - to all parts of the world",
        "creators": [],
        "date": "ca. 1920 (made)",
        "date_begin": 1920,
        "date_end": 1920,
        "medium": "chromolithograph",  # "Materials & Techniques"
        "accession_number": "E.1829-2004",  # "Museum number"
        "rights": "",  # no rights or requiredStatement
        "credit_line": "",
        "url": "https://iiif.vam.ac.uk/collections/O1023003/manifest.json",
        # No thumbnail: a small request to the @id service (level 1: width only).
        "image_url": "https://framemark.vam.ac.uk/collections/2013GU2911/full/400,/0/default.jpg",
        "language": "en",
        "text": 'Chromolithograph travel poster for "Cunard Line - to all parts of the world"',
    },
    "museum-kranenburgh-00002-familie-van-grethe.json": {
        "title": "De familie van Grenthe, het kippenvrouwtje",  # metadata "naam" (= label.nl)
        "creators": [],
        "date": "1938",  # dateCreated, not "Datum gemaakt" (the record's own date)
        "date_begin": 1938,
        "date_end": 1938,
        "medium": "",
        "accession_number": "00002",  # "identificatie"
        "institution": "Museum Kranenburgh",  # provider
        "rights": "http://creativecommons.org/licenses/by/4.0",
        "credit_line": "Provided by Museum Kranenburgh",  # the English of en + nl
        "url": "https://n2t.net/ark:/67039/a5b1a9b3dad04c24b01bc7415beb8b71/iiif.json",
        # The manifest's own thumbnail.
        "image_url": "https://ndeiiif.adlibhosting.com/iiif/3/Q4350196.180/full/!250,250/0/"
        "default.jpg",
        "language": "nl",
        "text": "De kunstenares maakte zes illustraties voor het sprookje 'Grethe het "
        "kippenvrouwtje' van H.C. Andersen.",  # summary.nl
    },
    "getty-2017.72-watteau-la-surprise.v2-converted.json": {
        # No title entry: the label, which combines title, date and artist, as the record has it.
        "title": "La Surprise (1718–1719), Jean-Antoine Watteau (French, 1684 - 1721)",
        "creators": [("Jean-Antoine Watteau", "", "1684 - 1721")],
        "date": "1718–1719",  # "Culture & Date": "French, 1718–1719"
        "culture": "French",
        "date_begin": 1718,
        "date_end": 1719,
        "medium": "Oil on panel",
        "accession_number": "2017.72",
        "rights": "Images provided here are believed to be in the public domain and are made "
        "available under the terms of the Getty's Open Content Program. Texts provided here are "
        "© J. Paul Getty Trust, licensed under CC BY 4.0. Terms of use for the Getty logo can be "
        "found here.; http://www.getty.edu/legal/copyright.html#oc",  # HTML stripped
        "credit_line": "Digital image courtesy of the Getty's Open Content Program.",
        "url": "https://data.getty.edu/museum/api/iiif/298147/manifest.json",
        # The thumbnail: the service is level 0, which promises no small size.
        "image_url": "https://data.getty.edu/museum/api/iiif/633385/full/231,300/0/default.jpg",
        "language": "",  # "@none"
        "text": "In a verdant park at sunset, a young woman abandons herself",
    },
    "harvard-1951.65-van-gogh-self-portrait.v2-converted.json": {
        "title": "Self-Portrait Dedicated to Paul Gauguin",
        "creators": [("Vincent van Gogh", "Artist", "1853 - 1890")],  # "People"
        "date": "1888",
        "date_begin": 1888,
        "date_end": 1888,
        "medium": "Oil on canvas",
        "accession_number": "1951.65",
        "credit_line": "Harvard Art Museums",  # the requiredStatement
        "url": "https://iiif.harvardartmuseums.org/manifests/object/299843",
        # An ImageService1: its quality is "native".
        "image_url": "https://ids.lib.harvard.edu/ids/iiif/47174896/full/400,/0/native.jpg",
        "text": "",  # "Description" is the empty string: a catalogue card
    },
    "ycba-B1977.14.29-scheemakers-alexander-pope.v2-converted.json": {
        "title": "Alexander Pope",  # "Titles" (<span> stripped), not the combined label
        "creators": [("Peter Gaspar Scheemakers", "", "1691–1781")],
        "date": "ca. 1740",
        "date_begin": 1740,
        "date_end": 1740,
        "medium": "Marble",
        "accession_number": "B1977.14.29",
        "institution": "Yale Center for British Art",
        "credit_line": "Yale Center for British Art, Paul Mellon Collection, Public Domain",
        "url": "https://manifests.britishart.yale.edu/manifest/1474",
        "image_url": "https://images.britishart.yale.edu/iiif/1778fd7f-0dd6-4229-b667-fb682255a8f1"
        "/full/400,/0/native.jpg",
        # The "Description" holds dimensions and the inscription: read as the record gives it.
        "text": "Overall: 27 x 18 x 9 inches (68.6 x 45.7 x 22.9 cm), Chiseled on front of socle: "
        '"POPE."',
    },
}


def test_every_manifest_in_the_folder_is_in_the_table():
    assert {p.name for p in folder("iiif-v3").iterdir()} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_iiif_manifest_fields(name):
    doc = read_one(folder("iiif-v3") / name)
    check(doc, EXPECTED[name])
    assert doc.source_id.startswith("iiif-") and "<" not in doc.text


def test_a_v2_manifest_is_named_as_such(tmp_path):
    from ingest.loaders import load_file
    from tests.ingest.interop_data import ATTEST

    v2 = tmp_path / "v2.json"
    v2.write_text(
        '{"@context": "http://iiif.io/api/presentation/2/context.json", "@type": "sc:Manifest"}',
        encoding="utf-8",
    )
    [result] = list(load_file(v2, ATTEST))  # recognised from its content, then named
    assert "a IIIF Presentation 2 manifest; only version 3 is read" in result.reason
    v2.write_text('{"type": "Collection", "items": []}', encoding="utf-8")
    [forced] = list(load_file(v2, ATTEST, fmt="iiif"))
    assert "not IIIF manifest: expected a JSON object with type 'Manifest'" in forced.reason


def test_a_label_in_several_languages_gives_the_titles_beside_the_chosen_one():
    from ingest.interop.iiif import read_record

    manifest = {
        "type": "Manifest",
        "id": "https://example.org/iiif/bowl/manifest",
        "label": {"en": ["Blue Bowl"], "nl": ["Blauwe kom"], "none": ["BK-1"]},
        "metadata": [{"label": {"en": ["Object number"]}, "value": {"none": ["BK-1"]}}],
    }
    fields = read_record(manifest).fields
    assert fields["title"] == "Blue Bowl"
    assert fields["titles"] == {"nl": ["Blauwe kom"]}  # none: a label without a language
