"""What the answer path needs from the store, and a per-question memo of its lookups."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from assistant.answering.topic import names_title_as_written, without_article
from assistant.documents import describing_sentences
from assistant.relatedness import Relatedness
from assistant.store import Passage
from assistant.text import content_words, fold, split_sentences, words
from assistant.verify import cosine

Numbered = dict[int, Passage]  # the sources as the model sees them: [1], [2], ...


class Retriever(Protocol):
    """What the answer path needs from a store (``VectorIndex`` implements it)."""

    def search(self, query: str, k: int) -> list[Passage]:
        """Nearest passages to ``query``, best first."""
        ...

    def keyword_search(self, query: str, k: int) -> list[Passage]:
        """Passages sharing the query's rarer words (BM25 order), scored like ``search``'s."""
        ...

    def get_record(self, source_id: str) -> Passage | None:
        """The catalogue-record passage of one source."""
        ...

    def find(self, where: dict[str, Any], limit: int = 20) -> list[Passage]:
        """Passages whose metadata match ``where`` exactly."""
        ...

    def texts(self) -> list[str]:
        """The text of every passage (read once, for the collection's spelling of names)."""
        ...

    def titles_by_language(self) -> tuple[tuple[str, str, str], ...]:
        """(source id, language, title) of every object's titles in other languages.

        The same tuple until the store changes: the lookup's keys are cached by it.
        """
        ...


# The catalogue fields a text may state as well or better than the card ("purchased by <a
# collector> in 1911" beside "Acquired by <him>"): their record sentence is ranked with the
# texts' sentences, not put first, and a card without the field takes no text's place.
TOLD_BY_TEXTS_TOO = frozenset({"credit"})


@dataclass
class Lookups:
    """Per-question memo of store lookups, and the topic coverage found on the way.

    It lives for one run (the pipeline is shared by the threads of a server), and it keeps
    the same source or accession number from being fetched again for every check.
    """

    retriever: Retriever
    relatedness: Relatedness | None = None  # closeness in meaning, for questions not read by word
    # Word vectors (the verifier's model): a visitor's word for a thing its texts name otherwise.
    embed: Callable[[Sequence[str]], list[list[float]]] | None = None
    coverage: dict[str, float] = field(default_factory=dict)
    _related: dict[str, float] = field(default_factory=dict)
    _chunks: dict[str, list[Passage]] = field(default_factory=dict)
    _codes: dict[str, list[Passage]] = field(default_factory=dict)
    _same_titled: dict[str, list[Passage]] = field(default_factory=dict)
    _kinds: dict[str, int] = field(default_factory=dict)
    _sentences: dict[str, list[str]] = field(default_factory=dict)
    _titled: dict[str, list[Passage]] = field(default_factory=dict)

    def chunks(self, source_id: str) -> list[Passage]:
        """Every chunk of one source."""
        if source_id not in self._chunks:
            self._chunks[source_id] = self.retriever.find({"source_id": source_id}, limit=100)
        return self._chunks[source_id]

    def nearest_word(self, word: str, others: Sequence[str]) -> float:
        """The cosine of ``word`` to the closest of ``others`` (0 without word vectors)."""
        if self.embed is None or not others:
            return 0.0
        vectors = self.embed([word, *others])
        return max(cosine(vectors[0], v) for v in vectors[1:])

    def related(self, question: str, passage: Passage) -> float:
        """How close ``question`` is in meaning to the source of ``passage`` (its closest text).

        0 without a scorer. One question per run, so the memo is by source.
        """
        if self.relatedness is None:
            return 0.0
        if passage.source_id not in self._related:
            texts = source_texts(passage, self.chunks(passage.source_id))
            self._related[passage.source_id] = max(
                self.relatedness.scores(question, texts), default=0.0
            )
        return self._related[passage.source_id]

    def nearest_in_meaning(self, source_ids: set[str], lead: float, floor: float = 0.0) -> set[str]:
        """The one of ``source_ids`` found closest in meaning, ``lead`` ahead of the next.

        At least ``floor`` close. Only sources whose closeness was measured count; none, or
        a tie, is no answer.
        """
        scored = sorted((self._related[s], s) for s in source_ids if s in self._related)
        if not scored or scored[-1][0] < floor:
            return set()
        if len(scored) > 1 and scored[-1][0] - scored[-2][0] < lead:
            return set()
        return {scored[-1][1]}

    def sentences(self, source_id: str) -> list[str]:
        """The sentences of one source's texts (not its catalogue card), split once.

        Several identify checks read them per phrase; splitting is the costly part.
        """
        if source_id not in self._sentences:
            self._sentences[source_id] = [
                s
                for c in self.chunks(source_id)
                if c.kind != "record"
                for s in split_sentences(c.text)
            ]
        return self._sentences[source_id]

    def kinds(self, word: str, k: int) -> int:
        """How many objects among the ``k`` nearest to ``word`` are catalogued as that kind.

        A word the catalogue classes objects by ("portraits", "fuchi", "pendants" in the
        records' object type) names a kind of object; a word only titles use ("Hunting Party",
        "Rest on the Flight", "House of ...") is not thereby one: "worn at a party" names an
        occasion, "the rest of it" a part. A source with no object type counts by its title.
        """
        if word not in self._kinds:
            passages = self.retriever.search(word, k)
            self._kinds[word] = len({p.source_id for p in passages if word in _kind_words(p)})
        return self._kinds[word]

    def titled(self, question: str) -> list[Passage]:
        """Chunks of the objects the question names by a title in another language.

        Looked up by the catalogue's titles, not searched: across languages the nearest
        passages by meaning need not be the object's ("La Ronde de nuit" with an English
        embedder).
        """
        if question not in self._titled:
            by_key = titles_by_key(self.retriever.titles_by_language())
            keys = {fold(w)[:_TITLE_KEY] for w in words(question) if len(w) >= _TITLE_KEY}
            found = {
                source_id
                for key in keys
                for source_id, language, title in by_key.get(key, ())
                if names_title_as_written(question, title, language)
            }
            self._titled[question] = [p for s in sorted(found) for p in self.chunks(s)]
        return self._titled[question]

    def same_titled(self, title: str, limit: int) -> list[Passage]:
        """The records titled exactly ``title`` (at most ``limit``), looked up once per question."""
        if title not in self._same_titled:
            found = self.retriever.find({"title": title}, limit=limit)
            self._same_titled[title] = [p for p in found if p.kind == "record"]
        return self._same_titled[title]

    def code(self, code: str) -> list[Passage]:
        """Chunks of the object with exactly this accession number (case as given, or upper)."""
        if code not in self._codes:
            found: dict[str, Passage] = {}
            for variant in dict.fromkeys([code, code.upper()]):
                for passage in self.retriever.find({"accession_number": variant}):
                    found[passage.chunk_id] = passage
            self._codes[code] = list(found.values())
        return self._codes[code]


# A title is looked up by the first letters of its longest word: the fuzzy match of every
# title against every question would cost seconds in a collection of tens of thousands.
_TITLE_KEY = 4


@functools.lru_cache(maxsize=4)
def titles_by_key(
    titles: tuple[tuple[str, str, str], ...],
) -> dict[str, list[tuple[str, str, str]]]:
    """The (source id, language, title) triples by the first letters of their longest word.

    The article aside: "Der Heuwagen" -> "heuw", which "des Heuwagens" says too.
    """
    by_key: dict[str, list[tuple[str, str, str]]] = {}
    for triple in titles:
        named = words(without_article(fold(triple[2])))
        if named:
            by_key.setdefault(max(named, key=len)[:_TITLE_KEY], []).append(triple)
    return by_key


def _kind_words(passage: Passage) -> set[str]:
    """The word stems a passage's object is catalogued by: its object type, else its title."""
    kind = str(passage.meta.get("object_type") or "")
    return set(content_words(kind or passage.title))


def source_texts(passage: Passage, chunks: list[Passage]) -> list[str]:
    """What a source says, as relatedness scores it: its name line, then each of its chunks."""
    maker = str(passage.meta.get("creators_display") or "")
    name = " - ".join(x for x in (passage.title, maker) if x)
    texts = (described_text(c) for c in chunks or [passage])
    return [t for t in (name, *texts) if t.strip()]


def described_text(chunk: Passage) -> str:
    """A chunk's text as it describes the object (a card without its credit line)."""
    if chunk.kind != "record" or not chunk.meta.get("credit_line"):
        return chunk.text  # a card without a credit line is all description
    return " ".join(describing_sentences(chunk.meta))
