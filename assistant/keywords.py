"""Ranking of the index's chunks by the words a question shares with them (BM25).

Ranking by meaning alone blurs the rare words that pick one object out of thousands: an
accession number, a maker's surname, a place, a term of art ("hydria", "Kashan"). BM25
ranks by exactly those, weighting a word by how rare it is in the collection. The answer
path fuses the two rankings (``assistant.answering.evidence``); bench/results/hybrid_search.md
measured what each finds.

The index is bm25s's (MIT; scipy sparse matrices), words stemmed by PyStemmer's Snowball
stemmers, rebuilt from the store's texts when the store changes. It is for questions in
the texts' language: stems and stopwords are that language's.
"""

from __future__ import annotations

from collections.abc import Sequence

# Snowball stemmer and bm25s stopword list per language of the texts (ISO 639-1).
STEMMERS = {
    "en": "english",
    "fr": "french",
    "nl": "dutch",
    "de": "german",
    "es": "spanish",
    "it": "italian",
}


class KeywordIndex:
    """A BM25 index over chunk texts, searched with a question's words."""

    def __init__(self, ids: Sequence[str], texts: Sequence[str], language: str = "en"):
        """Index ``texts`` (one per chunk id) in ``language``, the texts' own."""
        import bm25s
        import Stemmer

        if len(ids) != len(texts):
            raise ValueError(f"{len(ids)} ids for {len(texts)} texts")
        self.ids = list(ids)
        self.language = language if language in STEMMERS else "en"
        self._tokenizer = bm25s.tokenization.Tokenizer(
            stemmer=Stemmer.Stemmer(STEMMERS[self.language]),
            stopwords=self.language,
        )
        self._bm25 = bm25s.BM25()
        if self.ids:
            tokens = self._tokenizer.tokenize(list(texts), return_as="ids", show_progress=False)
            self._bm25.index(tokens, show_progress=False)

    def __len__(self) -> int:
        return len(self.ids)

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        """(chunk id, BM25 score) of the ``k`` best chunks that share a word with ``query``.

        A question none of whose words the texts use ranks nothing: no chunk is returned,
        rather than ``k`` chunks scored 0.
        """
        if not self.ids or k <= 0:
            return []
        ids = self._tokenizer.tokenize(
            [query], return_as="ids", update_vocab=False, show_progress=False
        )[0]
        if not ids:
            return []
        scores = self._bm25.get_scores(ids)
        best = scores.argsort()[::-1][: min(k, len(self.ids))]
        return [(self.ids[i], float(scores[i])) for i in best if scores[i] > 0]
