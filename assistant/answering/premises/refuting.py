"""Whether a source sentence says the visitor is wrong: a denial, or another count."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from assistant.answering import parse
from assistant.answering.claims import MATERIALS, PLACE, REFUTES, event_of_year, years
from assistant.answering.premises.count import count_differs
from assistant.answering.premises.language import differs_in_language
from assistant.answering.reading import Reading
from assistant.text import NEGATIONS, STOPWORDS, content_words, fold, stem, words

_TOKENS = re.compile(r"[^\W_][\w'’-]*")


class Denial(NamedTuple):
    """What a source sentence denies."""

    text: str  # the denied words
    whole: bool  # the sentence calls a belief a myth or wrong: all of it is the denial


def denial(sentence: str) -> Denial | None:
    """What a sentence denies, or None if it denies nothing.

    All of it when it calls something a myth or wrong; else the words after its negation, to
    the end of their clause ("made of faience, not of stone, in Thebes" denies "of stone").
    "Not only X but Y", a catalogue's "no. 410" and asides ("not, however, ...") deny nothing.
    A negation between two capitalised words is part of a name ("Ono no Tofu"), not a denial.
    """
    if REFUTES.search(fold(sentence)):
        return Denial(sentence, whole=True)
    part = _denied_after_negation(sentence)
    return Denial(part, whole=False) if part else None


def _denied_after_negation(sentence: str) -> str:
    """The words the sentence's first real negation denies, or ""."""
    tokens = list(_TOKENS.finditer(sentence))
    for i, token in enumerate(tokens):
        word = fold(token.group(0))
        if not (word in NEGATIONS or word.endswith("n't")):
            continue
        if word == "no" and sentence[token.end() : token.end() + 1] == ".":
            continue  # "catalogue no. 410": a number, not a denial
        inside_name = 0 < i < len(tokens) - 1 and token.group(0).islower()
        inside_name = inside_name and tokens[i - 1].group(0)[0].isupper()
        if inside_name and tokens[i + 1].group(0)[0].isupper():
            continue
        after = sentence[token.end() :]
        if _ADDING.match(after):
            continue  # "not only X but also Y" says X and Y
        # What is denied ends with its clause: "no longer used for hunting, it survives as a
        # sport" does not deny that it survives.
        # ("It is not, however, the first ...": an aside between commas is skipped.)
        parts = _CLAUSE_END.split(_STILL.sub("", after, count=1))
        denied = next((p for p in parts if set(words(p)) - _ASIDES - STOPWORDS), "")
        if not denied:
            continue
        # "It is not surprising that the basin is lost" says the basin is lost: a negated
        # judgement of a clause ("not surprising", "not known whether") denies the judgement.
        # ("not true that P", "not the case that P" deny P itself.)
        judged = _JUDGED_CLAUSE.match(denied)
        if judged and not _TRUTH.search(denied[: judged.start(1)]):
            return denied[: judged.start(1)]
        return denied
    return ""


_ADDING = re.compile(r"\s*(?:only|just|merely|simply)\b", re.IGNORECASE)
# "No longer", "not yet", "never again": the negation's own second word.
_STILL = re.compile(r"^\s*(?:longer|yet|again)\b", re.IGNORECASE)
_ASIDES = frozenset({"however", "though", "therefore", "indeed", "perhaps", "moreover", "thus"})
_CLAUSE_END = re.compile(r"[.;,]|\s(?:but|while|whereas|although)\s", re.IGNORECASE)
_JUDGED_CLAUSE = re.compile(r"^\s*(?:[\w'’-]+\s+){1,2}?(that|whether|if)\b", re.IGNORECASE)
_TRUTH = re.compile(r"\b(?:true|correct|right|case|so|accurate)\b", re.IGNORECASE)


def refutes(
    sentence: str, reading: Reading, titles: Sequence[str] = (), attested: bool = False
) -> bool:
    """Whether a source sentence denies something the question says.

    A denial whose denied part speaks of what the visitor says ("The scene is not set at
    night" against "it shows a scene set at night, right?"), or a sentence that counts the
    same thing with another number. "It is faience, not stone" does not deny "the Egyptian
    hippo": the word they share is not the denied one. ``attested``: another sentence of the
    object says some text of it is in the language the visitor says (``language.attests``).
    """
    if differs_in_number(sentence, reading, titles):
        return True
    if not attested and differs_in_language(sentence, reading):
        return True
    # "Gone Not Forgotten is dated 1879": a title's own "not" denies nothing.
    for title in titles:
        sentence = sentence.replace(title, "it") if title else sentence
    found = denial(sentence)
    if found is None:
        return False
    denied = found.text
    title_words = {w for t in titles for w in content_words(t)}
    if _said_of_a_name(sentence, denied, reading):
        return False
    if _denies_a_claim_of_its_kind(denied, reading):
        return True
    if _denies_what_is_asserted(denied, reading, title_words):
        return True
    # A word both use in the same part of speech: "left" in "on the left" is not the "left"
    # of "is left behind".
    asked = {(w, tag) for w, tag in parse.tagged_words(reading.text) if w not in title_words}
    at = sentence.find(denied)
    span = (at, at + len(denied)) if at >= 0 else (0, len(sentence))
    shared = {w for w, _ in asked & parse.tagged_words(sentence, *span)}
    # One word in common denies the visitor's only when it is what the denial is of ("not
    # returning"); deeper in the phrase ("not a main means of catching fish" against "the
    # fishing goes on") it is a word of something else the text denies.
    # (A belief the text calls a myth is the whole sentence: any word of it will do.)
    first = next(iter(content_words(denied)), "")
    return bool(shared) and (found.whole or first in shared or len(shared) >= _SHARED_MIN)


def refutes_a_claim(sentence: str, reading: Reading, titles: Sequence[str] = ()) -> bool:
    """Whether a sentence denies a fact the visitor claims, not only a word they use.

    "The book was not necessarily made at <that town>" denies the place claimed; "its makers
    are not known by name" only shares a word with "it is named after the town".
    """
    if differs_in_number(sentence, reading, titles) or differs_in_language(sentence, reading):
        return True
    found = denial(sentence)
    if found is None or _said_of_a_name(sentence, found.text, reading):
        return False
    return _denies_a_claim_of_its_kind(found.text, reading)


# Words a denial and the question share, beyond its first, for the denial to be of what the
# visitor says.
_SHARED_MIN = 2


def differs_in_number(
    sentence: str, reading: Reading, titles: Sequence[str] = (), counted_so: bool = False
) -> bool:
    """Whether the sentence counts or dates what the visitor counts or dates, otherwise.

    ``titles``: the evidence's titles, whose counts are names, not the visitor's claims.
    ``counted_so``: another sentence of the evidence counts it as the visitor does ("three
    boys" on one plaque of a set): another number counts something else ("the two boys" on
    its sister plaque), and is no correction.
    """
    counted = not counted_so and count_differs(sentence, reading.said, titles=titles)
    return counted or event_differs(sentence, reading)


def event_differs(sentence: str, reading: Reading) -> bool:
    """Whether the sentence dates the event the visitor dates ("found in 1920") otherwise."""
    claims = reading.said.of("event")
    if not claims:
        return False
    for lo, hi, written in years(sentence):
        start = sentence.find(written)
        event = event_of_year(sentence, start, start + len(written))
        for claim in claims:
            low, high = claim.low, claim.high
            if event == claim.about and low is not None and high is not None:
                return hi < low or lo > high
    return False


def _denies_a_claim_of_its_kind(denied: str, reading: Reading) -> bool:
    """Whether the denial is of the kind of thing the visitor claims.

    "not in Spain" against "in Madrid", "not of stone" against "carved from jade".
    """
    kinds = {c.kind for c in reading.said.claims}
    return bool(
        ("place" in kinds and PLACE.search(denied))
        or ("material" in kinds and MATERIALS & set(words(denied)))
        or ("date" in kinds and years(denied))
    )


def _said_of_a_name(sentence: str, denied: str, reading: Reading) -> bool:
    """Whether the denial is said of what the object is called, and the visitor did not.

    "The name is modern and has nothing to do with Egypt" denies that the name comes from
    Egypt; the object may well do, as a visitor who asks why it is called so says. One who
    speaks of its name ("its nickname is Spanish") is answered by it.
    """
    at = sentence.find(denied.strip())
    if at < 0 or parse.subject_above(sentence, at) not in _NAMING:
        return False
    return not _NAMING & {fold(w) for w in words(reading.text)}


# What a thing is called: a sentence about it speaks of a word, not of the thing.
_NAMING = frozenset("name names nickname nicknames title titles label term epithet".split())


def _denies_what_is_asserted(denied: str, reading: Reading, title_words: set[str]) -> bool:
    """Whether the thing a denial first names is a thing the visitor asserts.

    "It is a drawing, not a painting" against "It's a painting, right?": the denied noun is the
    visitor's own, even when it is a word too common to count as a topic ("painting").
    """
    if not reading.asserts:
        return False
    nouns = [t for t in parse.parsed(denied.strip()) if t.pos_ in ("NOUN", "PROPN")]
    if not nouns:
        return False
    # "not made at <place>" does not deny "the Book of <place>": naming the object asserts
    # nothing.
    noun = stem(fold(nouns[0].text))
    return noun not in title_words and noun in set(content_words(reading.said.text))
