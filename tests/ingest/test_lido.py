"""Every real LIDO record in ../shared/data/interop/lido, field by field (values read by hand)."""

import pytest

from tests.ingest.interop_data import check, folder, read_one

CIMEC = "http://clasate.cimec.ro/detaliu.asp?k="
IMG = "http://clasate.cimec.ro/medium/"
PELES = "Muzeul Național Peleș - SINAIA"
MNT = 'Muzeul Național Tehnic "Prof. ing. Dimitrie Leonida" - BUCUREȘTI'
IASI = 'Complexul Muzeal Național "Moldova" - IAȘI'
RR_F = "image: http://www.europeana.eu/rights/rr-f/"
INP = {"license": "CC0", "rights": RR_F, "credit_line": "", "language": "ro"}

EXPECTED = {
    "ro-inp-clasate-peles-12489-L618-taskin-harpsichord.lido.xml": {
        "title": "Clavecin",
        "creators": [("Taskin, Pascal", "producer", "")],
        "date": "1771",
        "date_begin": 1771,
        "date_end": 1771,
        "medium": "lemn de tei; lemn de fag grunduit; pictat; aurit; oțel trefilat; călit; "
        "fildeș; abanos",
        "accession_number": "12489/L618",
        "institution": PELES,
        "object_type": "Clavecin",
        "url": CIMEC + "B449126E92254FB8B57598FF1439A86A",
        "image_url": IMG + "ARP_6961500_4-40.jpg",
        "text": "Piesă de formă aproximativ triunghiulară",
        "text_has": ["Pascal Taskin, 1771", "Copie Rurkers"],  # overall description + comments
        **INP,
    },
    "ro-inp-clasate-peles-3393-Z213-welte-orchestrion.lido.xml": {
        "title": "Orchestrion",
        "creators": [("Atelier Welte and Sohne (Freiburg, Germania)", "producer", "")],
        "date": "1890",
        "date_begin": 1890,
        "date_end": 1890,
        "medium": "lemn; alamă; zinc; piele; mătase",  # the technique label is not a material
        "accession_number": "3393/Z213",
        "institution": PELES,
        "url": CIMEC + "5BC2994222014DD9AF50368E2A4BB83A",
        "image_url": IMG + "ARP_6961500_4-39.jpg",
        # The source export repeats the harpsichord's description here: read as found.
        "text": "Piesă de formă aproximativ triunghiulară",
        **INP,
    },
    "ro-inp-clasate-peles-3272-Z204-bluthner-upright-grand-piano.lido.xml": {
        "title": "Pian cu coadă verticală",
        "creators": [("Blithner, lulius", "producer", "")],  # the record's spelling
        "date": "1/4 sec. XX",
        "date_begin": 1900,  # its first quarter of the 20th century
        "date_end": 1924,
        "medium_starts": "lemn; stucat; aurit; bronz; turnat; cizelat; vopsit; lăcuit; oțel",
        "accession_number": "3272/Z204",
        "institution": PELES,
        "url": CIMEC + "B5D1D9462784411AA73D6882BBA2CB9B",
        "image_url": IMG + "ARP_6961500_4-38.jpg",
        "text": "Pianul cu coadă verticală este un pian de dimensiuni reduse,",
        **INP,
    },
    "ro-inp-clasate-mnt-bucuresti-9135-olds-patent-automobile.lido.xml": {
        "title": "Olds Patent",
        "creators": [("Olds Mobile", "producer", "")],
        "date": "1898",
        "date_begin": 1898,
        "date_end": 1898,
        "medium": "oțel; fontă; cupru; lemn",
        "accession_number": "9135",
        "institution": MNT,
        "url": CIMEC + "6F48B7C69972427B81D7ED13F11A694E",
        "image_url": IMG + "STT_7520100_9-10.jpg",
        "text": "Unele subansambluri ale automobilului nu sunt cele originale",  # comments only
        **INP,
    },
    "ro-inp-clasate-mnt-bucuresti-8562-gardner-serpollet-steam-car.lido.xml": {
        "title": "Gardner Serpollet",
        "creators": [("Gardner-Serpollet", "producer", "")],
        "date": "1895",
        "date_begin": 1895,
        "date_end": 1895,
        "medium": "oțel; fontă; alamă",
        "accession_number": "8562",
        "institution": MNT,
        "url": CIMEC + "E6F6B399B4CC4F7688C65AD109DDCED0",
        "image_url": IMG + "STT_7520100_10-15.jpg",
        "text": 'Inscripții pe două plăcuțe de alamă de pe șasiu: "AUTOMOBILE',
        **INP,
    },
    "ro-inp-clasate-mnt-bucuresti-8509-shand-mason-fire-pump.lido.xml": {
        "title": "Pompă de apă pentru stins incendii",
        "creators": [("Shand Mason & Co Engineers London", "producer", "")],  # &amp; decoded
        "date": "Început secol XX",
        "date_begin": 1900,  # the beginning of the 20th century: its first third
        "date_end": 1933,
        "medium": "oțel; fontă; alamă",
        "accession_number": "8509",
        "institution": MNT,
        "url": CIMEC + "0B68FDADB6D949DBB62947FE36881699",
        "image_url": IMG + "STT_7520100_10-4.jpg",
        "text": "Acest tip de pompă de apă pentru stins incendii era răspândi",
        "text_has": ["Obiectul este în totalitate oriuginal"],
        **INP,
    },
    "ro-inp-clasate-mnt-bucuresti-10238-horse-drawn-tram-car.lido.xml": {
        "title": "Vagon de tramvai cu cai",
        "creators": [],  # "Anonim" says the maker is unknown; it is not a name
        "date": "Începutul sec. XX",
        "date_begin": 1900,
        "date_end": 1933,
        "medium": "oțel; fontă; alamă; lemn",
        "accession_number": "10238",
        "institution": MNT,
        "url": CIMEC + "00F9478BE8AC401DBB7092A46ECE160F",
        "image_url": IMG + "STT_7520100_10-6.jpg",
        "text": "Roțile sunt fabricate la Edimburg (Scoția) și foarte probabi",
        **INP,
    },
    "ro-inp-clasate-iasi-moldova-3361-aeolian-pianola.lido.xml": {
        "title": 'Pianolă cu pedale "Aeolian Company"',
        "creators": [("Aeolian Company", "producer", "")],
        "date": "1910",
        "date_begin": 1910,
        "date_end": 1910,
        "medium_starts": "lemn; piele; fildeș; abanos; hârtie; pânză cauciucată; celuloid; plumb",
        "accession_number": "3361",
        "institution": IASI,
        "url": CIMEC + "0E3F73FB485F44DD813662366DB1B0FF",
        "image_url": IMG + "STT_6946500_23-1.jpg",
        "text": "Pianola Aeolian Company poate fi folosită pentru interpretar",
        **INP,
    },
    "ro-inp-clasate-iasi-moldova-404-polyphon-disc-music-box.lido.xml": {
        "title": "Polyphon",
        "creators": [("Polyphon - Musikwerke", "producer", "")],
        "date": "4/4 sec. XIX",
        "date_begin": 1875,  # the last quarter of the 19th century
        "date_end": 1899,
        "medium": "lemn, bronz, oțel, sticlă, alamă, fontă",
        "accession_number": "404",
        "institution": IASI,
        "url": CIMEC + "541525E0E5074E37BE43302EA106C4E9",
        "image_url": IMG + "STT_6946500_23-4.jpg",
        "text": "Automatul muzical cu disc „Polyphon” a fost construit în jur",
        **INP,
    },
    "ro-inp-clasate-iasi-moldova-3985-hupfeld-phonoliszt-violina.lido.xml": {
        "title": "Hupfeld Phonoliszt Violina",
        "creators": [("Hupfeld, Ludwig A.G.", "producer", "")],
        "date": "1918",
        "date_begin": 1918,
        "date_end": 1918,
        "medium_starts": "lemn; piele; hârtie; cauciuc; fildeș; abanos; mătase naturală; postav",
        "accession_number": "3985",
        "institution": IASI,
        "url": CIMEC + "E0D1D7C74F4D4773A0BDF1D018C71FA9",
        "image_url": IMG + "STT_6946500_3-41.jpg",
        "text": "Orchestronul „Hupfeld Phonoliszt Violina”, numit așa în onoa",
        **INP,
    },
    "deutsches-design-museum-SDDM_HF_0.003.049.004-cutlery-photo.lido.xml": {
        # The first titleSet; the series title ("Serientitel", pref alternate) is not the title.
        "title": "Diverse Bestecke, Flaschenöffner mit Dosenöffner, Bratenbesteck, Obstmesser, "
        "Bratenspieß mit Loch, Martinistirrer, Fonduegabeln, Käsemesser französische Form",
        # The photo's maker is "Unbekannter Fotograf"; Carl Pott made the cutlery it shows.
        "creators": [],
        "date": "",
        "medium": "Vintage Print, Gelatinesilberpapier, Agfa",
        "accession_number": "SDDM_HF_0.003.049.004",  # not the "Alte Inventarnummer"
        "institution": "Stiftung Deutsches Design Museum c/o Rat für Formgebung",
        "object_type": "Vintage Print",
        "license": "CC0 1.0 Public Domain Dedication "
        "(http://creativecommons.org/publicdomain/zero/1.0/)",
        "rights": "work: SLUB / Deutsche Fotothek, Stiftung Deutsches Design Museum; image: "
        "Freier Zugang - Rechte vorbehalten "
        "(http://www.deutsche-digitale-bibliothek.de/lizenzen/rv-fz/)",
        "url": "http://www.deutschefotothek.de/documents/obj/71818281",
        "image_url": "http://fotothek.slub-dresden.de/fotos/sddm_hf_0003049_004.jpg",
        "language": "de",
        "text": "Essbesteck aus Chromnickelstahl 18/8",  # the "xxx" placeholder is dropped
    },
}


def test_every_lido_record_in_the_folder_is_in_the_table():
    names = {p.name for p in folder("lido").iterdir()}
    assert names == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_lido_record_fields(name):
    doc = read_one(folder("lido") / name)
    check(doc, EXPECTED[name])
    assert doc.vetted_by == "Registrar" and doc.source_id.startswith("lido-")
    assert "xxx" not in doc.text


def test_lido_ids_differ_for_the_same_inventory_number_in_two_records():
    doc = read_one(
        folder("lido") / "ro-inp-clasate-iasi-moldova-404-polyphon-disc-music-box.lido.xml"
    )
    assert doc.source_id.startswith("lido-404-") and len(doc.source_id) == len("lido-404-") + 6


def test_preferred_titles_in_several_languages_give_the_other_titles():
    from lxml import etree

    from ingest.interop.lido import records

    value = '<lido:appellationValue lido:pref="{}" xml:lang="{}">{}</lido:appellationValue>'
    sets = [
        value.format("preferred", "en", "Music box") + value.format("preferred", "ro", "Cutie"),
        value.format("alternate", "en", "A series"),
    ]
    xml = (
        '<lido:lidoWrap xmlns:lido="http://www.lido-schema.org"><lido:lido>'
        "<lido:lidoRecID>r1</lido:lidoRecID><lido:descriptiveMetadata>"
        "<lido:objectIdentificationWrap><lido:titleWrap>"
        + "".join(f"<lido:titleSet>{s}</lido:titleSet>" for s in sets)
        + "</lido:titleWrap></lido:objectIdentificationWrap></lido:descriptiveMetadata>"
        "</lido:lido></lido:lidoWrap>"
    ).encode()
    (record,) = list(records(etree.fromstring(xml)))
    assert record.fields["title"] == "Music box"
    assert record.fields["titles"] == {"ro": ["Cutie"]}  # not the series title
