import json

from langchain_core.messages import BaseMessage

from assistant.fakes import ScriptedChatModel
from assistant.store import Passage
from evals.baseline import BaselineAssistant

PASSAGES = [
    Passage(
        "nw:1",
        "test-night-watch",
        "Rembrandt finished it in 1642.",
        0.2,
        "text",
        {"title": "The Night Watch", "creators_display": "Rembrandt van Rijn"},
    ),
    Passage(
        "ml:1", "test-mona-lisa", "It hangs in the Louvre.", 0.1, "text", {"title": "Mona Lisa"}
    ),
]


class Fixed:
    def __init__(self) -> None:
        self.queries: list[tuple[str, int]] = []

    def search(self, query: str, k: int) -> list[Passage]:
        self.queries.append((query, k))
        return PASSAGES[:k]


def _reply(*sentences: tuple[str, list[int]]) -> str:
    return json.dumps({"sentences": [{"text": t, "citations": c} for t, c in sentences]})


def test_bare_model_is_asked_even_with_irrelevant_passages() -> None:
    model = ScriptedChatModel(replies=[_reply(("Paris is the capital of France.", [1]))])
    retriever = Fixed()
    answer = BaselineAssistant(retriever, model, top_k=6).ask("What is  the capital of France?")
    # Low scores (0.2, 0.1) would stop the full assistant; the baseline has no gate.
    assert answer.outcome == "answered"
    assert answer.answer == "Paris is the capital of France. [1]"
    assert [c.source_id for c in answer.citations] == ["test-night-watch"]
    assert answer.citations[0].creators == "Rembrandt van Rijn"
    assert retriever.queries == [("What is the capital of France?", 6)]
    prompt = "\n".join(str(m.content) for m in model.prompts[0])
    assert "[1] The Night Watch: Rembrandt finished it in 1642." in prompt
    assert model.calls_kwargs[0]["response_format"]["type"] == "json_schema"
    assert "total_ms" in answer.timings_ms


def test_no_cited_sentence_is_a_refusal() -> None:
    model = ScriptedChatModel(replies=[_reply(("I think it was Vermeer.", []))])
    answer = BaselineAssistant(Fixed(), model).ask("Who painted it?")
    assert answer.outcome == "refused" and answer.citations == []


def test_invalid_citation_numbers_are_kept_for_the_metrics() -> None:
    model = ScriptedChatModel(replies=[_reply(("Made in 1642.", [9]))])
    answer = BaselineAssistant(Fixed(), model).ask("When?")
    assert answer.outcome == "answered"
    assert answer.sentences[0].citations == [9] and answer.citations == []


def test_a_failing_model_is_a_refusal_with_a_warning() -> None:
    def broken(messages: list[BaseMessage]) -> str:
        raise ConnectionError("server down")

    answer = BaselineAssistant(Fixed(), ScriptedChatModel(replies=[broken])).ask("Who?")
    assert answer.outcome == "refused"
    assert answer.warnings and "server down" in answer.warnings[0]
