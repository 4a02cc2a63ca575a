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

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from assistant.text import POSSESSIVE, STOPWORDS, opens_sentence

# "d'Argenson", "XVI", "Saint-Rémy": a word, with an inner apostrophe or hyphen.
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


Name = tuple[str, ...]  # a name's words in lower case: ("louis", "xvi")


def name_casing(texts: Iterable[str], min_uses: int, min_capital_share: float) -> dict[Name, str]:
    """Names the texts write with capitals -> the spelling they give them.

    A name is a run of capitalised words mid-sentence ("Louis XVI", "Kashan", "Night
    Watch"), capitalised in at least ``min_capital_share`` of the at least ``min_uses`` times
    its words appear in that order. A word met only inside a longer name ("Watch") is no
    name on its own: "the nite watch" keeps its case, not half a title's.
    """
    words_of = [_words(text) for text in texts]
    spellings: dict[Name, Counter[str]] = {}
    for words in words_of:
        for run in _capitalised_runs(words):
            key = tuple(w.lower() for w in run)
            if not set(key) <= STOPWORDS:
                spellings.setdefault(key, Counter())[" ".join(run)] += 1
    uses, capitalised = _occurrences(words_of, set(spellings))
    casing = {}
    for key, spelt in spellings.items():
        if uses[key] >= min_uses and capitalised[key] / uses[key] >= min_capital_share:
            casing[key] = spelt.most_common(1)[0][0]
    return casing


class _Word(NamedTuple):
    text: str  # possessive dropped
    opens: bool  # opens a sentence, where a capital says nothing
    joined: bool  # only spaces before it: "Marta Lindqvist" is one name, "Kashan, Iran" two


def _words(text: str) -> list[_Word]:
    out: list[_Word] = []
    end = 0
    for m in _WORD.finditer(text):
        joined = bool(out) and not text[end : m.start()].strip()
        out.append(_Word(POSSESSIVE.sub("", m.group(0)), opens_sentence(text, m.start()), joined))
        end = m.end()
    return out


def _capitalised_runs(words: list[_Word]) -> list[list[str]]:
    """Maximal runs of joined capitalised words mid-sentence, at most ``_LONGEST`` long."""
    runs: list[list[str]] = []
    run: list[str] = []
    for word in [*words, _Word("", True, False)]:
        capital = word.text != word.text.lower() and not word.opens
        if capital and run and word.joined and len(run) < _LONGEST:
            run.append(word.text)
            continue
        if run:
            runs.append(run)
        run = [word.text] if capital else []
    return runs


def _occurrences(words_of: list[list[_Word]], keys: set[Name]) -> tuple[Counter[Name], ...]:
    """How often each key's words appear joined in that order mid-sentence, and capitalised.

    "Lindqvist" inside "Marta Lindqvist" counts for "lindqvist".
    """
    uses: Counter[Name] = Counter()
    capitalised: Counter[Name] = Counter()
    lengths = sorted({len(k) for k in keys})
    for words in words_of:
        lower = [w.text.lower() for w in words]
        for i in range(len(lower)):
            for n in lengths:
                key = tuple(lower[i : i + n])
                window = words[i : i + n]
                # Opening a sentence, a word is capitalised whatever it is: not counted.
                if key not in keys or window[0].opens or not all(w.joined for w in window[1:]):
                    continue
                uses[key] += 1
                if all(w.text != w.text.lower() for w in window):
                    capitalised[key] += 1
    return uses, capitalised


_LONGEST = 4  # words in a name the question is matched against


def typed_in_lower_case(text: str) -> bool:
    """Whether a visitor typed ``text`` without a single capital (a name has none to go by)."""
    return not any(ch.isupper() for ch in text)


def recased(question: str, casing: Mapping[Name, str]) -> str:
    """``question`` with the collection's capitals back, if it was typed all in lower case.

    The longest name that matches at each word wins ("louis xvi" before "louis").
    """
    if not casing or not typed_in_lower_case(question):
        return question
    spans = list(_WORD.finditer(question))
    out: list[str] = []
    at, i = 0, 0
    while i < len(spans):
        for n in range(min(_LONGEST, len(spans) - i), 0, -1):
            run = spans[i : i + n]
            key = tuple(POSSESSIVE.sub("", m.group(0)) for m in run)
            if key in casing and _adjacent(question, run):
                # "lindqvist's" is cased as "lindqvist", its "'s" kept.
                last = run[-1].group(0)
                tail = last[len(POSSESSIVE.sub("", last)) :]
                out += [question[at : run[0].start()], casing[key], tail]
                at, i = run[-1].end(), i + n
                break
        else:
            i += 1
    return "".join([*out, question[at:]])


def _adjacent(text: str, run: list[re.Match[str]]) -> bool:
    """Whether the words follow each other with only spaces between them ("louis xvi")."""
    return all(not text[a.end() : b.start()].strip() for a, b in itertools.pairwise(run))
