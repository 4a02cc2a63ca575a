"""Every real EDM record in ../shared/data/interop/edm, field by field (values read by hand)."""

import pytest

from tests.ingest.interop_data import check, folder, read_one

MIMO = "http://www.mimo-db.eu/"
BY_NC_SA = "http://creativecommons.org/licenses/by-nc-sa/3.0/"

EXPECTED = {
    "rijksmuseum-BK-1978-399-painted-velvet-purse.europeana-oai.edm.xml": {
        # The provider's proxy (edm:europeanaProxy false), inside an OAI-PMH response.
        "title": "Beurs van beschilderd creme-wit fluweel, met gouden beugel",
        "creators": [],  # anonymous: no dc:creator
        "date": "1835",
        "date_begin": 1835,
        "date_end": 1835,
        "medium": "velvet (fabric weave), oil paint (paint), gold (metal), silk",  # dc:format, en
        # dcterms:medium holds the credit line here, not a material.
        "credit_line": "Gift of Jonkvrouw C.I. Six, 's-Graveland",
        "accession_number": "BK-1978-399",  # not the handle URL
        "object_type": "beurs",  # dc:type's label in the record (Dutch, the only one given)
        "institution": "Rijksmuseum",
        "rights": "http://creativecommons.org/publicdomain/mark/1.0/; Public Domain; "
        "Publiek Domein",
        "url": "http://hdl.handle.net/10934/RM0001.COLLECT.12801",
        "image_url": "https://lh3.ggpht.com/V4jYDrlLI8WiHjv_t44wKSqXHRGWVEQojx0__oXyP-_3ZtvdbU_"
        "YE11LswS9h0At8JvPqNxBZ6n8atRYmqiVtEj4nQ=s0",
        "language": "nl",
        "text": "Beursje van beschilderd creme-wit fluweel, met gouden beugel.",
    },
    "mimo-leipzig-M0000005-clavichord.edm.xml": {
        "title": "gebundenes Clavichord",
        "creators": [],
        "date": "2. Hälfte 17. Jahrhundert",
        "date_begin": 1650,  # the second half of the 17th century
        "date_end": 1699,
        "medium": "",  # only inside the description's prose
        "accession_number": "ULEI:M0000005",  # from rdf:about "#ULEI:M0000005"
        "object_type": "Clavichord",  # the keyword, not the Hornbostel-Sachs class
        "institution": "Museum für Musikinstrumente der Universität Leipzig",
        "rights": BY_NC_SA,
        "url": MIMO + "ULEI/M0000005",
        "image_url": MIMO + "media/ULEI/IMAGE/0005.jpg",
        "language": "",
        "text": "1 Manual, C/E-c3, 8'8'Rechteckiges Korpus mit einspringender Klaviatur",
        "text_has": ["Um die Unterkante des Korpus", "Hubert Henkel: Clavichorde."],
    },
    "mimo-gnm-7116411-long-trumpet-copy.edm.xml": {
        "title": "Langtrompete (Kopie)",
        "creators": [("Michael Münkwitz", "", "")],
        "date": "2009",
        "date_begin": 2009,
        "date_end": 2009,
        "medium": "",
        "accession_number": "GNM:7116411",
        "object_type": "Natural trumpet",
        "institution": "Germanisches Nationalmuseum",
        "rights": BY_NC_SA,
        "url": MIMO + "GNM/7116411",
        "image_url": MIMO + "media/GNM/IMAGE/MI952_1278054389450_2.jpg",
        "language": "de",
        "text": "Kopie nach einer Langtrompete von Wolff Birckholtz, Nürnberg 1650.",
        "text_has": ["ohne Mundstück"],
    },
    "bolton-1993.83.27.19-washing-day.edm.rdf": {
        "title": "Washing Day",  # the English of en + fr
        "other_titles": (("fr", "Jour de lessive"),),
        "creators": [],  # a ULAN URI with no name in the record
        "date": "1937-1938",  # the edm:TimeSpan dcterms:created points to
        "date_begin": 1937,
        "date_end": 1938,
        "medium": "",  # an AAT URI only
        "accession_number": "1993.83.27.19",
        "object_type": "",  # an AAT URI with no label in the record
        "institution": "Bolton Council",
        "rights": "http://rightsstatements.org/vocab/InC/1.0/; Bolton Council",
        "url": "http://boltonworktown.co.uk/photograph/washing-day-2",
        "image_url": "http://boltonworktown.co.uk/wp-content/uploads/1993.83.27.19.jpg",
        "language": "pl",  # as tagged, though wrong: the record's word is kept
        "text": "Washing day near Snowden St. Park Mill is visible in thebackground.",
    },
    "museo-galileo-401059-hourglass.edm-xml2json.json": {
        "title": "Hourglass (sand)",  # en of it + en
        "other_titles": (("it", "Clessidra a sabbia (arenario)"),),
        "creators": [],
        "date": "17th cent.",
        "date_begin": 1600,
        "date_end": 1699,
        "medium": "ebony, boxwood, glass",  # the literal, not the AAT concepts' labels
        "accession_number": "urn:imss:instrument:401059",
        "object_type": "hourglasses",
        "institution": "Museo Galileo - Istituto e Museo di Storia della Scienza",
        "rights": "http://www.europeana.eu/rights/rr-f/; © Museo Galileo - Istituto e Museo di "
        "Storia della Scienza",
        "url": "http://catalogue.museogalileo.it/object/HourglassSand.html",
        "image_url": "http://catalogue.museogalileo.it/images/cat/oggetti_300/"
        "1561_3271_3693-002_300.jpg",
        "language": "en",
        "text": "Powder hourglass housed in a circular iron frame with four small pillars.",
    },
}


def test_every_edm_record_in_the_folder_is_in_the_table():
    assert {p.name for p in folder("edm").iterdir()} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_edm_record_fields(name):
    doc = read_one(folder("edm") / name)
    check(doc, EXPECTED[name])
    assert doc.source_id.startswith("edm-")
    assert "file:///" not in doc.text  # the test authors' paths sit in other properties
