"""Capitals for a question typed all in lower case, from how the collection's own texts write.

The reading finds names, titles, makers and places partly by their capitals, and the tagger
parses "louis xvi" as two common nouns. A visitor on a phone types "who painted the marquise
d'argenson"; the museum's texts write "Marquise d'Argenson" every time. So, before the
question is read, each word it has that the texts write with a capital nearly every time they
use it mid-sentence gets that capital back. Words the texts also write in lower case
("saint" in "a saint's life", "cross") keep the visitor's case, and a question with any
capital is left as typed: its writer chose.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from assistant.text import STOPWORDS

# "d'Argenson", "XVI", "Saint-Rémy": a word, with an inner apostrophe or hyphen.
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’]s$")
# A word right after these opens a sentence, where a capital says nothing.
_SENTENCE_OPENERS = frozenset('.!?:"“(')


def name_casing(texts: Iterable[str], min_uses: int, min_capital_share: float) -> dict[str, str]:
    """Lower-case word -> the capitalised spelling the texts give it, for names only.

    A word is a name when it is used mid-sentence at least ``min_uses`` times, and capitalised
    in at least ``min_capital_share`` of those uses.
    """
    uses: Counter[str] = Counter()
    capitalised: dict[str, Counter[str]] = {}
    for text in texts:
        for match in _WORD.finditer(text):
            if _opens_sentence(text, match.start()):
                continue
            word = _POSSESSIVE.sub("", match.group(0))
            key = word.lower()
            uses[key] += 1
            if word != key:  # "Kashan", "XVI", "d'Argenson"
                capitalised.setdefault(key, Counter())[word] += 1
    casing = {}
    # "the Museum", "the Collection" in a text are its own; a visitor's "museum" names none.
    for key, spellings in capitalised.items():
        if key in STOPWORDS:
            continue
        shares = sum(spellings.values()) / uses[key]
        if uses[key] >= min_uses and shares >= min_capital_share:
            casing[key] = spellings.most_common(1)[0][0]
    return casing


def _opens_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in _SENTENCE_OPENERS


def recased(question: str, casing: Mapping[str, str]) -> str:
    """``question`` with the collection's capitals back, if it was typed all in lower case."""
    if not casing or any(ch.isupper() for ch in question):
        return question

    def cased(match: re.Match[str]) -> str:
        word = match.group(0)
        bare = _POSSESSIVE.sub("", word)  # "lindqvist's" is cased as "lindqvist"
        return casing.get(bare, bare) + word[len(bare) :]

    return _WORD.sub(cased, question)
