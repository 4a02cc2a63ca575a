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


def test_what_an_edm_record_is_made_of_is_answered_from_its_german_text(interop_assistant):
    # The record has no medium field: the materials are only in the museum's German prose,
    # in a passage the English question does not retrieve by its words.
    answer = interop_assistant.ask("What is the clavichord made of?")
    assert answer.outcome == "answered", answer.trace
    assert all(c.accession_number == "ULEI:M0000005" for c in answer.citations)
    # Each sentence shown says what a part is made of ("... aus Eiche", "... aus Kiefer"),
    # quoted in the language of the text; none is the catalogue's bibliography.
    assert answer.sentences and all(" aus " in s.text for s in answer.sentences), answer.answer
    assert "Hubert Henkel" not in answer.answer
    # The evidence stage says it took in the object's other passages.
    assert any(s["stage"] == "evidence" and s["decision"] == "one object" for s in answer.trace)


def test_who_made_an_object_whose_record_names_no_maker_says_so(interop_assistant):
    # The clavichord's record has no dc:creator; its texts name the author of the catalogue
    # it cites, who must not read as the maker.
    answer = interop_assistant.ask("Who made the clavichord?")
    assert answer.outcome == "answered", answer.trace
    assert answer.sentences[0].text == (
        "The catalogue record of gebundenes Clavichord gives no maker's name."
    )
    assert "Henkel" not in answer.answer
