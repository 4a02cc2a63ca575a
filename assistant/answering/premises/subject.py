"""The object a premise is checked against, and the part of the question that is about it."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from assistant.answering import parse
from assistant.answering.catalogue import Numbered
from assistant.answering.claims import MAKER_VERB, MODEL_CREDIT, NAME_RUN
from assistant.answering.config import AnswerConfig
from assistant.answering.places import agrees as same_place
from assistant.answering.reading import Reading, Said, said
from assistant.answering.topic import coverage, mentions_title
from assistant.documents import Creator, creators_from_meta, record_facts
from assistant.store import Passage
from assistant.text import fold, split_sentences, words


@dataclass(frozen=True)
class PremiseIssue:
    """A claim in the question that the record contradicts, and the record's own sentence."""

    claim: str
    correction: str
    n: int  # number of the record passage the correction cites
    said: tuple[str, ...] = ()  # the values the question states, as written ("1566", "ivory")
    of_model: bool = False  # it credits the maker of the work the object follows


@dataclass(frozen=True)
class Subject:
    """One named object's record, and what the question says about it."""

    n: int
    passage: Passage
    said: Said  # the claims of the part of the question about this object
    title_words: frozenset[str]
    creators: tuple[Creator, ...]
    known: frozenset[str]  # words of its creators, title, institution, place and culture
    maker_words: frozenset[str]  # words of its creators' names
    mentioned: frozenset[str]  # words of its own texts in the evidence
    model_makers: frozenset[str]  # words of names given only as the maker of its model
    own_text: str  # its own texts in the evidence, folded
    strangers: tuple[str, ...]  # names in the question that none of those words account for
    wrong_places: tuple[str, ...]  # the strangers the question places it in ("in Rome")

    @property
    def meta(self) -> dict[str, object]:
        """The record's fields."""
        return dict(self.passage.meta)

    def fix(self, key: str) -> str | None:
        """The record's own sentence for one field (creator, date, medium, place, ...)."""
        return record_facts(self.meta).get(key)


def _about_another(
    part: str, passage: Passage, by_source: dict[str, list[str]], cfg: AnswerConfig
) -> bool:
    """Whether a clause is about another source in the evidence rather than this one."""
    if mentions_title(part, passage.title):
        return False
    # A name of several capitalised words this object's texts never use ("Queen Mother
    # Idia", "Winged Victory") is another object's, even when its passages were not retrieved.
    have = set(words(" ".join(by_source.get(passage.source_id, []))))
    for name in re.findall(r"[A-ZÀ-Þ][\w'’-]*(?:\s+[A-ZÀ-Þ][\w'’-]*)+", part):
        if not set(words(name)) <= have:
            return True
    own = coverage(part, by_source.get(passage.source_id, []))
    floor = max(cfg.other_source_coverage, own + cfg.other_source_margin)
    return any(
        coverage(part, texts) >= floor
        for source_id, texts in by_source.items()
        if source_id != passage.source_id
    )


def _continues(clause: str) -> bool:
    """Whether a clause opens with its verb ("is ...", "painted by ..."): no subject of its own.

    Its subject is the clause's before it.
    """
    first = next((t for t in parse.parsed(clause) if not t.is_punct), None)
    return first is not None and (first.pos_ == "AUX" or first.tag_ == "VBN")


def _names_another(sentence: str, passage: Passage, own: Iterable[str] = ()) -> bool:
    """Whether a sentence is about a thing it calls by a name this object does not bear.

    "<Another work's name> hangs in <a museum>": where, when and by whom is that work's.
    A sentence that names this object by its title may also name whom it shows ("the token
    with <a saint> the Elder is ..."): a name its own texts use is then its subject's, even
    where the parser takes it for the sentence's subject.
    """
    naming = _naming_words(passage)
    if mentions_title(sentence, passage.title):
        naming |= set(words(" ".join(own)))
    return any(not set(words(name)) <= naming for name in parse.subject_names(sentence))


# The record's fields that name the object or say what it is: a subject called by none of
# their words is another thing.
_NAMING_FIELDS = (
    "title",
    "culture",
    "period",
    "dynasty",
    "reign",
    "style",
    "place_made",
    "place_found",
    "object_name",
    "classification",
)
# "Master of the <work>": a painter named after a work names that work, not this object.
_NAMED_AFTER_A_WORK = re.compile(r"\bMaster of (?:the )?", re.IGNORECASE)


def _naming_words(passage: Passage) -> set[str]:
    """The words a visitor may call this object by: its title, its makers, its culture ..."""
    meta = passage.meta
    named = " ".join(str(meta.get(field) or "") for field in _NAMING_FIELDS)
    makers = " ".join(
        c.name.split(m.group(0))[0] if (m := _NAMED_AFTER_A_WORK.search(c.name)) else c.name
        for c in creators_from_meta(meta)
    )
    return set(words(f"{passage.title} {named} {makers}"))


def scoped(reading: Reading, passage: Passage, numbered: Numbered, cfg: AnswerConfig) -> Said:
    """What the question says about this object: its parts not about another in the evidence.

    "What are the Ife Head and the Benin ivory mask made of?": each object is checked only
    against its own part. A question that names no other object stays whole. A sentence
    whose subject another name calls is that thing's ("<another work> hangs in <a museum>").
    """
    by_source: dict[str, list[str]] = {}
    for p in numbered.values():
        by_source.setdefault(p.source_id, []).extend([p.title, p.text])
    joined = bool(reading.context_clauses)
    clauses: list[str] = []
    about_another = False
    for c in reading.context_clauses or (reading.context,):
        # "<the bowl ...>, <its number>, is a Ming piece": a clause that opens with its verb
        # says it of the subject before it, whoever else's texts share its words.
        if not (clauses and _continues(c)):
            about_another = joined and _about_another(c, passage, by_source, cfg)
        if not about_another:
            clauses.append(c)
    units = [u for c in clauses for u in split_sentences(c)]
    own = by_source.get(passage.source_id, [])
    parts = [u for u in units if not _names_another(u, passage, own)]
    if not parts or (not joined and len(parts) == len(units)):
        return reading.context_said
    part = said(" ".join(parts), reading.context_said.lowercase)
    # A part read alone may lose what made a word no claim ("wood or canvas" split at "or").
    whole = {(c.kind, c.value) for c in reading.context_said.claims}
    kept = [c for c in part.claims if (c.kind, c.value) in whole]
    # A named period is read with the collection's periods, which a part read alone lacks.
    have = {(c.kind, c.value) for c in kept}
    kept += [
        c
        for c in reading.context_said.claims
        if c.kind == "date" and c.value in part.text and (c.kind, c.value) not in have
    ]
    # Its case is the whole question's: a part whose capitals were all in another part is
    # not typed in lower case.
    return replace(part, claims=tuple(kept), lowercase=reading.context_said.lowercase)


def subject(
    n: int, passage: Passage, scope: Said, numbered: Numbered, cfg: AnswerConfig
) -> Subject:
    """Build the subject of one record against the part of the question about it."""
    from assistant.answering.premises.maker import lowercase_makers

    meta = passage.meta
    # "d'Avignon" also names "Avignon".
    title_words = set(words(passage.title)) | {
        part for w in words(passage.title) for part in re.split(r"['’]", w) if part
    }
    creators = creators_from_meta(meta)
    known = (
        {w for c in creators for w in words(c.name)}
        | title_words
        | set(words(str(meta.get("institution", ""))))
        | set(words(str(meta.get("place_made", ""))))
        | set(words(str(meta.get("place_found", ""))))
        | set(words(str(meta.get("culture", ""))))
    )
    strangers = sorted(c.value for c in scope.of("name") if not set(words(c.value)) <= known)
    if scope.lowercase:
        # No capitals to find names by: the words before a making verb stand in for them.
        strangers = lowercase_makers(
            scope.text, known, numbered, passage.source_id, title_words, cfg
        )
    places = {c.value for c in scope.of("place")}
    own = " ".join(p.text for p in numbered.values() if p.source_id == passage.source_id)
    return Subject(
        n=n,
        passage=passage,
        said=scope,
        title_words=frozenset(title_words),
        creators=tuple(creators),
        known=frozenset(known),
        maker_words=frozenset(w for c in creators for w in words(c.name)),
        mentioned=frozenset(words(own)),
        model_makers=frozenset(model_makers(creators, own)),
        own_text=fold(own),
        strangers=tuple(strangers),
        # "Japan" of a record made in "Nihon", "Rome" of one made in "Roma": the same place.
        wrong_places=tuple(
            t
            for t in strangers
            if fold(t) in places
            and not _told(t, scope, passage, numbered)
            and not same_place(t, meta)
        ),
    )


# Where a text says the object follows another work: the names after these are its makers'.
_FOLLOWS = re.compile(
    r"\b(?:based on|derived from|adapted from|copied (?:after|from)|cop(?:y|ies) (?:after|of)|"
    r"reproductions? of|modell?ed (?:after|on)|follows|after (?:a|an|the) [\w-]+(?: [\w-]+)? by)\b",
    re.IGNORECASE,
)


def model_makers(creators: Iterable[Creator], own: str) -> set[str]:
    """The words of the names given only as the maker of the work this object follows.

    The record's creator "After <sculptor>", or its text's "based on a tondo attributed to
    <painter>": the copy is not theirs, though their names are in its record. A name the
    record also credits ("<Name> II" beside "After <Name> I"), or that the text gives in a
    sentence of its own, is not the model's alone.
    """
    creators = list(creators)
    after = {
        w
        for c in creators
        if MODEL_CREDIT.match(c.name)
        for w in words(MODEL_CREDIT.sub("", c.name))
    }
    credited = {w for c in creators if not MODEL_CREDIT.match(c.name) for w in words(c.name)}
    followed: set[str] = set()
    elsewhere: set[str] = set()
    for sentence in _sentences(own):
        cue = _FOLLOWS.search(sentence)
        head = sentence[: cue.end()] if cue else sentence
        tail = sentence[cue.end() :] if cue else ""
        elsewhere |= _name_words(head)
        followed |= _name_words(tail)
    return (after | (followed - elsewhere)) - credited


@functools.lru_cache(maxsize=4096)
def _sentences(text: str) -> tuple[str, ...]:
    """A source's sentences, split once: every premise check of the object reads them."""
    return tuple(split_sentences(text))


def _name_words(text: str) -> set[str]:
    """The words of the capitalised names in a text, their particles too ("Anna van der Berg")."""
    return {w for run in NAME_RUN.findall(text) for w in words(run)}


def _told(place: str, scope: Said, passage: Passage, numbered: Numbered) -> bool:
    """Whether the object's own texts name a place the question mentions without making.

    "The door at <church>", "found in <country>": where the texts say it was is no false
    premise, even in a question that credits a maker elsewhere. "Painted in Copenhagen"
    credits the making to a place, which the record's place field decides, even if the texts
    mention Copenhagen for something else (an exhibition).
    """
    spans = [c.span for c in scope.of("place") if c.value == fold(place)]
    if any(MAKER_VERB.fullmatch(parse.verb_of(scope.text, start)) for start, _ in spans):
        return False
    own = " ".join(p.text for p in numbered.values() if p.source_id == passage.source_id)
    return set(words(place)) <= set(words(own))
