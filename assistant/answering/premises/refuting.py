"""Whether a source sentence says the visitor is wrong: a denial, or another count."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answering.claims import REFUTES
from assistant.answering.premises.count import count_differs
from assistant.answering.reading import Reading
from assistant.answering.topic import topic_words
from assistant.text import content_words, fold, has_negation


def refutes(sentence: str, reading: Reading, titles: Sequence[str] = ()) -> bool:
    """Whether a source sentence denies something the question says.

    A negated or refuting sentence that shares a subject word with the question ("It is made
    of granodiorite, not basalt" against "No, it's basalt."), or one that counts the same
    thing with another number.
    """
    if count_differs(sentence, reading.said):
        return True
    if not (has_negation(sentence) or REFUTES.search(fold(sentence))):
        return False
    title_words = {w for t in titles for w in content_words(t)}
    return bool((set(topic_words(reading.text)) - title_words) & set(content_words(sentence)))
