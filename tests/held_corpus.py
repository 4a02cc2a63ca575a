"""The test corpus with a holder's rights, credit line and image on some of its records.

The Night Watch gets all three (its image a IIIF request, as the IIIF reader stores one); the
Mona Lisa only an image URL that must never reach a page (``javascript:``); the Rosetta Stone
none of them, as every record had before the standard-format readers.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from assistant.settings import Settings
from assistant.store import VectorIndex
from ingest.pipeline import ingest
from tests.conftest import TEST_CORPUS

NIGHT_WATCH_RIGHTS = "In Copyright - Educational Use Permitted"
NIGHT_WATCH_CREDIT = "On loan from the City of Amsterdam"
NIGHT_WATCH_IMAGE = "https://images.museum.example/iiif/SK-C-5/full/400,/0/default.jpg"
MONA_LISA_IMAGE = "javascript:alert(document.domain)"

_ADDED = {
    "night-watch.md": {
        "rights": NIGHT_WATCH_RIGHTS,
        "credit_line": NIGHT_WATCH_CREDIT,
        "image_url": NIGHT_WATCH_IMAGE,
    },
    "mona-lisa.md": {"image_url": MONA_LISA_IMAGE},
}


def write_held_corpus(target: Path) -> Path:
    """A copy of tests/data/corpus in ``target`` with the fields above in its front matter."""
    shutil.copytree(TEST_CORPUS, target)
    for name, fields in _ADDED.items():
        path = target / name
        lines = "".join(f'{key}: "{value}"\n' for key, value in fields.items())
        text = path.read_text(encoding="utf-8")
        # Right after the licence line, inside the front matter.
        path.write_text(text.replace("license:", lines + "license:", 1), encoding="utf-8")
    return target


def index_held_corpus(settings: Settings, work: Path) -> None:
    """Ingest the corpus above into ``settings``' (new) index."""
    report = ingest([write_held_corpus(work / "corpus")], VectorIndex.open(settings, create=True))
    assert len(report.added) == 3 and not report.errors and not report.refused, report
