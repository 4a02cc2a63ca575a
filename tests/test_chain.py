"""The chain's logic with a scripted model, over the real index of tests/data/corpus."""

import json

import pytest

from assistant.answer import NOT_HELD_TEXT, REFUSAL_TEXT
from assistant.fakes import ScriptedChatModel
from assistant.service import build_assistant


def ask(settings, question, *replies):
    model = ScriptedChatModel(replies=list(replies))
    return build_assistant(settings, model=model).ask(question), model


def cite_source_about(word):
    """A scripted reply that cites whichever numbered source mentions ``word``."""

    def reply(messages):
        prompt = str(messages[-1].content)
        n = next(
            line[1 : line.index("]")]
            for line in prompt.splitlines()
            if line.startswith("[") and word in line
        )
        return json.dumps(
            {
                "sentences": [
                    {"text": "The scene is not set at night.", "citations": [int(n)]},
                    {
                        "text": "Rembrandt painted it with gold leaf on a copper sheet in 1701.",
                        "citations": [int(n)],
                    },
                ]
            }
        )

    return reply


def test_refuses_without_asking_the_model_when_nothing_is_relevant(indexed_settings):
    answer, model = ask(indexed_settings, "What is the capital of France?")
    assert answer.outcome == "refused"
    assert answer.answer == REFUSAL_TEXT
    assert "relevant" in answer.refusal_reason
    assert model.prompts == []


def test_keeps_supported_sentences_and_drops_fabricated_ones(indexed_settings):
    answer, _ = ask(
        indexed_settings,
        "Is The Night Watch set at night?",
        cite_source_about("darkened layer of varnish"),
    )
    assert answer.outcome == "answered"
    assert [s.text for s in answer.sentences] == ["The scene is not set at night."]
    assert any("1701" in d.text for d in answer.dropped)
    cited = answer.citations[0]
    assert cited.source_id == "test-night-watch" and "not set at night" in cited.passage
    assert answer.sentences[0].citations == [1]


def test_rejects_citation_to_a_source_it_was_not_given(indexed_settings):
    reply = json.dumps(
        {"sentences": [{"text": "The scene is not set at night.", "citations": [9]}]}
    )
    answer, _ = ask(indexed_settings, "Is The Night Watch set at night?", reply)
    assert all(d.reason == "no citation to a retrieved source" for d in answer.dropped[:1])
    # Whatever survives comes from the record or a quoted source, never the bad citation.
    assert all(s.origin in {"source", "record"} for s in answer.sentences)


def test_falls_back_to_quoting_the_record_when_the_model_says_nothing(indexed_settings):
    answer, _ = ask(indexed_settings, "What is the Rosetta Stone made of?", '{"sentences": []}')
    assert answer.outcome == "answered"
    assert "granodiorite" in answer.answer
    assert answer.sentences[0].origin in {"record", "source"}


def test_model_failure_degrades_to_quoting_and_warns(indexed_settings):
    def broken(messages):
        raise ConnectionError("server down")

    answer, _ = ask(indexed_settings, "What is the Rosetta Stone made of?", broken)
    assert answer.outcome == "answered"
    assert "granodiorite" in answer.answer
    assert answer.warnings and "server down" in answer.warnings[0]


def test_corrects_a_false_attribution_from_the_catalogue(indexed_settings):
    answer, _ = ask(
        indexed_settings,
        "Why did Vermeer paint The Night Watch?",
        '{"sentences": [{"text": "Vermeer painted it in 1642.", "citations": [1]}]}',
    )
    assert answer.outcome == "corrected"
    assert answer.premise_issues == ["attributes it to Vermeer"]
    # The correction is the catalogue record's own sentence, not a text that happens to deny it.
    first = answer.sentences[0]
    assert first.origin == "record" and "Rembrandt van Rijn" in first.text
    # No vetted text names Vermeer, so nothing shown may repeat the visitor's premise.
    assert "Vermeer" not in answer.answer


def test_corrects_a_wrong_material(indexed_settings):
    answer, _ = ask(indexed_settings, "Why is the Mona Lisa painted on canvas?")
    assert answer.outcome == "corrected"
    assert "poplar" in answer.answer


def test_corrects_a_wrong_museum(indexed_settings):
    answer, _ = ask(indexed_settings, "The Mona Lisa is in the British Museum, right?")
    assert answer.outcome == "corrected"
    assert "Louvre" in answer.answer


def test_every_sentence_shown_carries_a_citation_that_is_listed(indexed_settings):
    answer, _ = ask(indexed_settings, "Who painted The Night Watch?")
    listed = {c.n for c in answer.citations}
    assert answer.sentences
    for sentence in answer.sentences:
        assert sentence.citations and set(sentence.citations) <= listed


def test_contract_has_exactly_the_documented_keys(indexed_settings):
    answer, _ = ask(indexed_settings, "Who painted The Night Watch?")
    contract = answer.to_contract()
    assert set(contract) == {
        "question",
        "outcome",
        "answer",
        "sentences",
        "citations",
        "refusal_reason",
        "language",
        "timings_ms",
    }
    assert set(contract["citations"][0]) == {
        "n",
        "source_id",
        "title",
        "accession_number",
        "url",
        "license",
        "passage",
        "page",
        "credit_line",
        "rights",
        "image_url",
        "source_type",
        "vetted_by",
        "vetted_on",
        "language",
        "title_in_language",
    }
    assert json.loads(json.dumps(contract)) == contract


@pytest.mark.parametrize("question", ["", "   "])
def test_empty_question_is_an_error(indexed_settings, question):
    from assistant.errors import QuestionError

    with pytest.raises(QuestionError, match="empty"):
        ask(indexed_settings, question)


def test_huge_question_is_an_error_not_truncated(indexed_settings):
    from assistant.errors import QuestionError

    with pytest.raises(QuestionError, match="limit"):
        ask(indexed_settings, "Night Watch " * 1000)


def test_every_answer_is_logged(indexed_settings):
    from assistant.answer_log import AnswerLog

    answer, _ = ask(indexed_settings, "What is the capital of France?")
    rows = AnswerLog(indexed_settings.log_url).recent()
    assert rows[0]["id"] == answer.log_id
    assert rows[0]["outcome"] == "refused" and rows[0]["question"] == answer.question


def test_every_surface_gets_the_same_question_hygiene(indexed_settings):
    from assistant.errors import QuestionError

    assistant = build_assistant(indexed_settings, model=ScriptedChatModel())
    # A zero-width space and a Cyrillic look-alike no longer hide the title.
    answer = assistant.ask("Who painted The Night\u200b W\u0430tch?")
    assert answer.question == "Who painted The Night Watch?"
    assert answer.outcome == "answered" and "Rembrandt" in answer.answer
    with pytest.raises(QuestionError, match="NUL"):
        assistant.ask("Who painted\x00 The Night Watch?")
    with pytest.raises(QuestionError, match="empty"):
        assistant.ask("\u200b \u202e")


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("Do you have the companion portrait of the Mona Lisa's husband?", "husband"),
        ("Is the Night Watch's companion piece in the museum too?", "companion piece"),
    ],
)
def test_a_thing_no_record_is_is_said_to_be_not_in_the_collection(
    indexed_settings, question, thing
):
    """Not "no source": the visitor is told the collection has no record of what they asked
    about (their words are not echoed back; the reason names it for staff)."""
    answer, _ = ask(indexed_settings, question)
    assert answer.outcome == "refused"
    assert answer.answer == NOT_HELD_TEXT
    assert thing in (answer.refusal_reason or "")


def test_a_lower_case_question_is_read_with_the_collections_names_once(indexed_settings):
    """The real index lends its names to a question typed in lower case, read once."""
    assistant = build_assistant(indexed_settings, model=ScriptedChatModel(replies=[]))
    calls = []
    texts = assistant.chain.retriever.texts

    def counted():
        calls.append(1)
        return texts()

    assistant.chain.retriever.texts = counted
    first = assistant.ask("why did vermeer paint the night watch")
    again = assistant.ask("who painted the night watch")
    assert first.outcome == "corrected" and "Rembrandt" in first.answer
    assert again.outcome == "answered" and "Rembrandt" in again.answer
    assert first.question == "why did vermeer paint the night watch"  # as typed
    assert calls == [1]
    assistant.ask("Who painted The Night Watch?")  # capitals typed: nothing more to read
    assert calls == [1]


def test_a_store_that_cannot_be_read_leaves_a_lower_case_question_as_typed(indexed_settings):
    from assistant.errors import StoreUnavailableError

    assistant = build_assistant(indexed_settings, model=ScriptedChatModel(replies=[]))

    def down():
        raise StoreUnavailableError("the index could not be read")

    assistant.chain.retriever.texts = down
    answer = assistant.ask("who painted the night watch")
    assert answer.outcome == "answered" and "Rembrandt" in answer.answer
    assert assistant.chain._names is None  # asked again next time


def _indexed(fresh_index, tmp_path, document: str):
    """Settings for a fresh index holding one Markdown document."""
    from ingest.pipeline import ingest

    settings, index = fresh_index
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "object.md").write_text(document, encoding="utf-8")
    assert ingest([corpus], index).added
    return settings


_TRIPTYCH = """---
id: test-harbour-triptych
title: "Harbour Triptych"
creators:
  - name: "Anna Vos"
    role: "painter"
date: "1620"
medium: "oil on panel"
accession_number: "TT.1"
institution: "Test Museum"
license: "CC-BY-4.0"
vetted_by: "museum-qa test fixtures"
vetted_on: 2026-12-06
---
The two wings of the Harbour Triptych show fishermen mending nets on a quay.

Its central panel, which hung between the wings, is lost.
"""


@pytest.mark.parametrize(
    ("question", "outcome"),
    [
        ("What was painted on the central panel of the Harbour Triptych?", "refused"),
        ("What do the wings of the Harbour Triptych show?", "answered"),
    ],
)
def test_a_part_the_texts_call_lost_is_said_to_be_lost(fresh_index, tmp_path, question, outcome):
    """The object is held, so not "no record"; its texts say the part is gone, and so does
    the refusal (the reason names the part for staff)."""
    from assistant.answer import LOST_PART_TEXT

    answer, _ = ask(_indexed(fresh_index, tmp_path, _TRIPTYCH), question)
    assert answer.outcome == outcome
    if outcome == "refused":
        assert answer.answer == LOST_PART_TEXT
        assert "central panel" in (answer.refusal_reason or "")
    else:
        assert "fishermen" in answer.answer


_RIDER = """---
id: test-bronze-rider
title: "Bronze Rider"
creators:
  - name: "After Ernst Blom"
    role: "sculptor"
  - name: "Karl Dahl"
    role: "founder"
date: "1790"
medium: "bronze"
accession_number: "TT.2"
institution: "Test Museum"
license: "CC-BY-4.0"
vetted_by: "museum-qa test fixtures"
vetted_on: 2026-12-06
---
Karl Dahl cast this bronze reduction of a horseman in 1790.

It follows a horseman in marble by Ernst Blom, now in the town hall of Leiden.
"""


@pytest.mark.parametrize(
    ("question", "outcome"),
    [
        ("The Bronze Rider is a copy. Where is Ernst Blom's horseman today?", "answered"),
        # Asked whether the museum has it, the finding is that no record is it.
        ("The Bronze Rider is a copy. Is Ernst Blom's horseman here too?", "refused"),
    ],
)
def test_the_work_an_object_follows_asked_by_its_makers_name(
    fresh_index, tmp_path, question, outcome
):
    """ "Where is <model's maker>'s horseman?" of a horseman after it: where the model is, as
    the text says, not the copy's holder; the model's maker is not "corrected" as the copy's."""
    answer, _ = ask(_indexed(fresh_index, tmp_path, _RIDER), question)
    assert answer.outcome == outcome
    assert any(d["decision"] == "asks of the work it follows" for d in answer.trace)
    if outcome == "answered":
        assert "town hall of Leiden" in answer.answer
        assert "Test Museum" not in answer.answer
    else:
        assert answer.answer == NOT_HELD_TEXT
