"""Every real Linked Art record in ../shared/data/interop/linked-art, field by field.

Expected values are read by hand from the files (paths in the interop README, P1..P4).
"""

import pytest

from tests.ingest.interop_data import check, folder, read_one

GETTY = "J. Paul Getty Museum, Los Angeles, California"
CC_BY = "Attribution 4.0 International (CC BY 4.0) (http://creativecommons.org/licenses/by/4.0/)"
OBJ = "https://data.getty.edu/museum/collection/object/"
MEDIA = "https://media.getty.edu/iiif/image/"

EXPECTED = {
    "getty-86.AE.183-attic-cup-fragment.json": {
        "title": "Attic Black-Figure Cup Fragment",
        # The Group's role statement, and the dates of the nationality-and-dates statement.
        "creators": [("Class of Top-band Stemless Cups", "Potters", "active 510 - 490 B.C.")],
        "date": "about 500 B.C.",
        "date_begin": -500,  # "-0500-01-01T00:00:00": BCE as a negative year
        "date_end": -500,
        # The Identifier also classified "Preferred Term" is the accession number; the DOR,
        # TMS and slug ids are not.
        "accession_number": "86.AE.183",
        "institution": GETTY,
        "culture": "Greek (Attic)",
        "license": CC_BY,
        "rights": "No Copyright - United States",
        "credit_line": "The J. Paul Getty Museum, Villa Collection, Malibu, California",
        "url": OBJ + "dd808888-4dfe-441c-b3d0-ce57c4167c5b",
        "image_url": MEDIA + "85998396-1c23-478c-b952-b960de519147/full/full/0/default.jpg",
        "text": "The fragment preserves the center of a stemless cup.",
        "text_has": ["Adapted from Clark, A., CVA Malibu 2 (1990)."],
    },
    "getty-84.GB.48-carracci-triton.json": {
        "title": "Study of Triton Blowing a Conch Shell (recto); Partial Study of an Arm (verso)",
        "creators": [("Annibale Carracci", "Artists (Visual Artists)", "1560 - 1609")],
        "date": "about 1600",
        "date_begin": 1600,
        "date_end": 1600,
        "medium": "Black and white chalk (recto); black chalk (verso) on blue paper",
        "accession_number": "84.GB.48",
        "institution": GETTY,
        "culture": "Italian",
        "license": CC_BY,
        "rights": "No Copyright - United States",
        "credit_line": "The J. Paul Getty Museum, Los Angeles",
        "url": OBJ + "dff75e58-f8b9-4507-8ab7-5d948451dea7",
        "image_url": MEDIA + "894cfc2e-a55b-4923-9e4c-04efcce2a4e9/full/full/0/default.jpg",
        "text": "A nude triton displays his rippling, muscular figure",  # <p> stripped
    },
    "getty-construct-xiv-kasten.json": {
        "title": "Construct XIV",
        "creators": [("Barbara Kasten", "Photographers", "born 1936")],
        "date": "1982",
        "date_begin": 1982,
        "date_end": 1982,
        "medium": "Polaroid dye diffusion print",
        "accession_number": "2005.69.3",
        "institution": GETTY,
        "culture": "American",
        "license": CC_BY,
        "rights": "© Barbara Kasten; In Copyright",
        # The fuller "Source Credit Line", not the "Standard" one it contains.
        "credit_line": "The J. Paul Getty Museum, Los Angeles, Gift of Laura and John Knaus",
        "url": OBJ + "1cd16038-091e-4010-ae07-df95acfce9a4",
        # The description is given twice: it is read once.
        "text": "An abstract sculptural construction with various shapes. There are two "
        "triangular mirrors, an orange triangle, and a curved blue sheet resembling "
        "corrugated metal.",
    },
    "getty-90.PA.20-van-gogh-irises.json": {
        "title": "Irises",
        "creators": [("Vincent van Gogh", "Artists (Visual Artists)", "1853 - 1890")],
        "date": "1889",
        "date_begin": 1889,
        "date_end": 1889,
        "medium": "Oil on canvas",  # the statement, before made_of's labels
        "accession_number": "90.PA.20",
        "institution": GETTY,
        "culture": "Dutch",
        "license": CC_BY,
        "rights": "No Copyright - United States",
        "credit_line": "The J. Paul Getty Museum, Los Angeles",
        "text": "In May 1889, after episodes of self-mutilation and hospitalization",
    },
    "nga-1987.58.6-okeeffe-line-and-curve.json": {
        "title": "Line and Curve",
        "creators": [("O'Keeffe, Georgia", "", "")],
        "date": "1927",
        "date_begin": 1927,
        "date_end": 1927,
        "medium": "oil paint (paint), canvas (textile material)",  # made_of labels
        "accession_number": "1987.58.6",  # not the integer repository number 70182
        "institution": "National Gallery of Art",
        "license": "",
        "rights": "",
        "credit_line": "Alfred Stieglitz Collection, Bequest of Georgia O'Keeffe",
        "url": "http://api.nga.gov/art/tms/objects/70182",
        "image_url": "",
        "text": "",  # a catalogue card only
    },
    "pma-1944-95-4-okeeffe-peach-and-glass.json": {
        "title": "Peach and Glass",
        "creators": [("O'Keeffe, Georgia", "", "")],
        "date": "1927",
        "date_begin": 1927,  # from the display text: the timespan has no begin/end
        "date_end": 1927,
        "medium": "Oil on canvas",
        "accession_number": "1944-95-4",
        "institution": "Philadelphia Museum of Art",
        "credit_line": "Gift of Dr. Herman Lorber, 1944",
        "url": "https://data.philamuseum.org/work/49280",
        "image_url": "https://philamuseum.org/images/cad/zoomers/1944-95-4.jpg",
        "text": "",
    },
    "vam-E.902-2003-stieglitz-okeeffe.json": {
        "title": "Georgia O'Keeffe",
        "creators": [],  # "photographer" is a role with no name
        "date": "",
        "date_begin": None,
        "medium": "Gelatin-silver print",
        "accession_number": "E.902-2003",
        "institution": "V&A Museum",
        "rights": "",
        "credit_line": "Gift of the Georgia O'Keeffe Foundation",
        "url": "https://data.vam.ac.uk/ManMadeObject/0",
        "image_url": "http://media.vam.ac.uk/media/thira/collection_images/2006BB/2006BB4563.jpg",
        "text": "Alfred Stieglitz (1864-1946) was a pioneer of modern photography.",
    },
    "okeeffe-museum-2006.6.1421-abiquiu-house.json": {
        "title": "Abiquiu House, Ladder Against Studio Wall",
        "creators": [("Georgia O'Keeffe", "Photographer", "")],
        "date": "ca. 1964",
        "date_begin": 1959,
        "date_end": 1969,
        "medium": "Gelatin silver print",
        "accession_number": "2006.6.1421",  # not the "preferred" identifier 6401
        "institution": "Georgia O'Keeffe Museum (Santa Fe)",
        # The acquisition method "Gift" shares the legal-concepts code; it is not a right.
        "rights": "http://rightsstatements.org/vocab/InC/1.0/; © Georgia O'Keeffe Museum",
        "credit_line": "Gift of The Georgia O'Keeffe Foundation",  # trailing spaces trimmed
        "url": "http://data.okeeffemuseum.org/object/6401",
        "image_url": "https://iiif.okeeffemuseum.org/image/iiif/2/732891",
        "text": "A textured adobe wall with a kiva log ladder leaning against O'Keeffe's studio "
        "wall casting a shadow.",
    },
    "pma-1950-134-78-duchamp-paris-air.json": {
        "title": "50 cc of Paris Air",
        "creators": [("Duchamp, Marcel", "artist", "1887-1968")],
        "date": "1919",
        "date_begin": 1919,
        "date_end": 1919,
        "medium": "Glass ampoule (broken and later restored)",
        "accession_number": "1950-134-78",
        "institution": "Philadelphia Museum of Art",
        "rights": "© Artists Rights Society (ARS), New York / ADAGP, Paris / Succession Marcel "
        "Duchamp",
        "credit_line": "The Louise and Walter Arensberg Collection, 1950",
        "url": "http://data.duchamparchives.org/pma/object/51617",
        "image_url": "https://iiif.duchamparchives.org/image/iiif/2/1950-134-78-pma2017",
        "text": 'Duchamp purchased this "empty" ampoule from a pharmacist in Paris',
    },
    "centre-pompidou-duchamp.json": {
        # The Name has no classification; "preferred" marks the repository number instead.
        "title": "1 l'intention/2 la crainte/3 désir",
        "creators": [("Duchamp, Marcel", "artist", "1887-1968")],
        "date": "1912 - 1968",
        "date_begin": 1912,
        "date_end": 1968,
        "medium": "Mine graphite sur papier",
        "accession_number": "AM 1997-98 (163)",
        "institution": "Centre Pompidou",
        "rights": "© Association Marcel Duchamp / Adagp, Paris",  # P104 is null
        "credit_line": "Dation, 1997",
        "url": "http://data.duchamparchives.org/cp/object/150000000076631",
        "image_url": "https://iiif.duchamparchives.org/image/iiif/2/9000000064949",
        "text": "Ensemble de 289 notes originales de Marcel Duchamp.",
    },
    "ans-1944.100.51606-gold-coin-philip-iii.json": {
        "title": "Gold Coin of Philip III Arrhidaeus, Abydus, 323 BCE - 317 BCE. 1944.100.51606",
        "creators": [("Philip III Arrhidaeus", "", "")],  # the ruler, as the record says
        "date": "323 BCE - 317 BCE",
        "date_begin": -322,
        "date_end": -316,
        "medium": "Gold",
        "accession_number": "1944.100.51606",
        "institution": "American Numismatic Society",
        "url": "http://numismatics.org/collection/1944.100.51606",
        "text": "Obverse: Head of Athena right wearing Corinthian helmet with crest",
        "text_has": [
            "Reverse: Nike standing left holding wreath in right hand",
            "Legend: ΦΙΛΙΠΠΟΥ",
        ],
    },
    "yale-peabody-VP.001830-torosaurus.json": {
        "title": "Torosaurus latus",  # classified by a LUX concept, not AAT
        "creators": [],  # a natural specimen
        "date": "",  # 1891 is when it was collected, not made
        "period": "Cretaceous",
        "accession_number": "",  # every identifier is typed by LUX concepts only
        "url": "https://lux-front-tst.collections.yale.edu/data/object/"
        "644445c1-f91f-449e-b5f6-08647ee0c38f",
        "image_url": "https://images.collections.yale.edu/iiif/2/"
        "ypm:fc70725f-29a9-46aa-9693-f4839ae6627e/full/!480,480/0/default.jpg",
        "text": "Preservation Notes: mounted",
        "text_has": ["Anatomical Notes: skull; femur"],
    },
    "rijksmuseum-RP-T-1930-54V-rembrandt-three-scribes.json": {
        "title": "Three Scribes",  # the English of the two preferred titles (en + nl)
        "other_titles": (("nl", "Drie schriftgeleerden onder een gordijn"),),
        "language": "en",
        "creators": [("Rembrandt van Rijn", "draftsman (artist)", "")],
        "date": "c. 1628 - c. 1629",
        "date_begin": 1628,
        "date_end": 1629,
        "medium": "pen and brown ink, with brown wash and opaque white",
        "accession_number": "RP-T-1930-54(V)",
        "license": "https://creativecommons.org/publicdomain/zero/1.0/",
        "credit_line": "Gift of C. Hofstede de Groot, The Hague",
        "url": "https://id.rijksmuseum.nl/200117708",
        "text": "",
    },
}


def test_every_linked_art_record_in_the_folder_is_in_the_table():
    assert {p.name for p in folder("linked-art").iterdir()} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_linked_art_record_fields(name):
    doc = read_one(folder("linked-art") / name)
    check(doc, EXPECTED[name])
    assert doc.source_id.startswith("linked-art-") and "<" not in doc.text
