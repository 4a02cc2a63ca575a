"""Questions about records read from the standard formats: answered with citations, premises
checked against their catalogue fields (real index, real embedder, real pipeline)."""

from __future__ import annotations

import pytest

from assistant.fakes import ScriptedChatModel
from assistant.service import build_assistant
from ingest.pipeline import ingest
from tests.ingest.interop_data import ATTEST, folder


@pytest.fixture(scope="module")
def interop_assistant(tmp_path_factory):
    from assistant.store import VectorIndex
    from tests.conftest import make_settings

    settings = make_settings(tmp_path_factory.mktemp("interop") / "data")
    index = VectorIndex.open(settings, create=True)
    paths = [folder(n) for n in ("linked-art", "lido", "edm", "iiif-v3")]
    report = ingest(paths, index, attestation=ATTEST)
    assert len(report.added) == 34 and not report.errors
    return build_assistant(settings, model=ScriptedChatModel(replies=[]))


def test_who_made_a_linked_art_record_is_answered_with_its_citation(interop_assistant):
    answer = interop_assistant.ask("Who painted Irises?")
    assert answer.outcome == "answered", answer.trace
    assert "Vincent van Gogh" in answer.answer
    assert any(c.accession_number == "90.PA.20" for c in answer.citations)
    cited = next(c for c in answer.citations if c.accession_number == "90.PA.20")
    # Rights travel with the text.
    assert cited.credit_line == "The J. Paul Getty Museum, Los Angeles"


def test_a_wrong_maker_of_a_linked_art_record_is_corrected(interop_assistant):
    answer = interop_assistant.ask("Why did Vermeer draw the Three Scribes?")
    assert answer.outcome == "corrected", answer.trace
    assert "Rembrandt" in answer.answer
    premises = next(s for s in answer.trace if s["stage"] == "premises")
    assert premises["decision"] == "conflicts"


def test_what_a_lido_record_is_made_of_is_answered_from_its_card(interop_assistant):
    answer = interop_assistant.ask("What is the Taskin harpsichord made of?")
    assert answer.outcome == "answered", answer.trace
    assert any("12489" in c.accession_number for c in answer.citations)
    # Its medium, as the record gives it (in Romanian): quoted, not translated.
    assert "lemn de tei" in answer.answer
