"""Maker: a question that credits the object to someone its record does not name."""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.answering.catalogue import Numbered
from assistant.answering.claims import MAKER_CUES, MAKER_VERB
from assistant.answering.premises.subject import PremiseIssue, Subject
from assistant.answering.reading import Claim
from assistant.answering.topic import GENERIC, title_aliases
from assistant.documents import creators_from_meta
from assistant.store import Passage
from assistant.text import STOPWORDS, content_words, stem, words


def check(subject: Subject, look_alikes: Iterable[Passage] = ()) -> list[PremiseIssue]:
    """A maker the question credits that the record's creators do not include.

    Not when a look-alike in the evidence (another "Harbour at Dusk") is by that maker:
    the visitor means that one, and its record bears them out.
    """
    said = subject.said
    if not (subject.creators and said.attributes):
        return []
    # "made for Abraham Lincoln" names an owner, not a maker.
    # Only a name in a maker's slot is credited ("Vermeer painted", "by Vermeer", "it was a
    # Vermeer"); "Since", "the Met" or "the July Revolution" elsewhere in the question are not.
    if said.lowercase:
        named = list(subject.strangers)
    else:
        named = sorted(
            c.value for c in said.of("maker") if not set(words(c.value)) <= _known_for(c, subject)
        )
    theirs = {w for p in look_alikes for c in creators_from_meta(p.meta) for w in words(c.name)}
    strangers = [
        t
        for t in named
        if t not in subject.wrong_places
        and not set(words(t)) & said.patrons
        and not set(words(t)) <= theirs
    ]
    fix = subject.fix("creator") if strangers else None
    if not fix:
        return []
    return [PremiseIssue(f"attributes it to {', '.join(strangers)}", fix, subject.n)]


def look_alikes(passage: Passage, evidence: Iterable[Passage], shared: int) -> list[Passage]:
    """The other objects in the evidence whose titles share ``shared`` words with this one's."""
    own = {w for w in content_words(passage.title) if w not in GENERIC}
    need = min(shared, len(own))
    return [
        p
        for p in evidence
        if p.source_id != passage.source_id and len(own & set(content_words(p.title))) >= need > 0
    ]


_POSSESSIVE_AFTER = re.compile(r"(?:\s+[A-ZÀ-Þ][\w-]*)*['’]")


def _known_for(claim: Claim, subject: Subject) -> frozenset[str]:
    """The words that account for a name credited as maker.

    "<Owner> carved the <Owner> Vase": a maker's slot is checked against the record's makers,
    even when the title bears the name. "<Name>'s Code" is only a possessive, which may name
    an owner, a patron or a subject, so the title's words account for it too, and so does
    the object's own text naming that person ("<a king>'s helmet", made for him).
    """
    start, end = claim.span
    text = subject.said.text
    # "<Name> <Numeral>'s": every word of a name that ends in a possessive is part of it.
    possessive = start >= 0 and bool(_POSSESSIVE_AFTER.match(text[end:]))
    if possessive:
        return subject.known | subject.mentioned
    if start < 0 or _inside_title(start, end, text, subject.passage.title):
        return subject.known
    return subject.known - (subject.title_words - subject.maker_words)


def _inside_title(start: int, end: int, text: str, title: str) -> bool:
    """Whether a span of the text lies where the text names the title ("Ewer with Cranes")."""
    lowered = text.lower()
    for name in title_aliases(title):
        at = lowered.find(name.lower())
        while at >= 0:
            if at <= start and end <= at + len(name):
                return True
            at = lowered.find(name.lower(), at + 1)
    return False


def lowercase_makers(text: str, known: set[str], numbered: Numbered, source_id: str) -> list[str]:
    """Words right before a making verb that this object's texts never use ("norman rockwell")."""
    texts = " ".join(p.text for p in numbered.values() if p.source_id == source_id)
    have = set(words(texts)) | known
    makers: list[str] = []
    for match in MAKER_VERB.finditer(text):
        before = words(text[: match.start()])
        run: list[str] = []
        for word in reversed(before[-3:]):
            if word in have or word in STOPWORDS or stem(word) in GENERIC or len(word) < 3:
                break
            run.insert(0, word)
        # Only where a person goes: "did X paint", "says X made". In "when was this amphora
        # made" the word before the verb is the object, not a maker.
        cue = before[-len(run) - 1] if run and len(before) > len(run) else ""
        if cue in MAKER_CUES:
            makers += run
    return makers
