"""Maker: a question that credits the object to someone its record does not name."""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.answering import parse
from assistant.answering.catalogue import Numbered
from assistant.answering.claims import (
    MAKER_CUES,
    MAKER_VERB,
    NAME_PARTICLES,
    NAME_RUN,
    WORK_NOUNS,
)
from assistant.answering.claims_by_language import OTHER_LANGUAGE_SLOTS
from assistant.answering.config import DEFAULT, AnswerConfig
from assistant.answering.kinds import everyday_names
from assistant.answering.premises.subject import PremiseIssue, Subject
from assistant.answering.reading import Claim
from assistant.answering.topic import GENERIC, title_aliases, title_span
from assistant.documents import creators_from_meta, other_titles_from_meta
from assistant.i18n import SOURCE_LANGUAGE
from assistant.store import Passage
from assistant.text import (
    POSSESSIVE,
    STOPWORDS,
    content_words,
    everyday_frequency,
    fold,
    stem,
    words,
)


def check(
    subject: Subject, look_alikes: Iterable[Passage] = (), cfg: AnswerConfig = DEFAULT
) -> list[PremiseIssue]:
    """A maker the question credits that the record's creators do not include.

    Not when a look-alike in the evidence (another "Harbour at Dusk") is by that maker:
    the visitor means that one, and its record bears them out.
    """
    said = subject.said
    after_title = named_after_its_title(subject)
    if not (subject.creators and (said.attributes or after_title)):
        return []
    # "made for Abraham Lincoln" names an owner, not a maker.
    # Only a name in a maker's slot is credited ("Vermeer painted", "by Vermeer", "it was a
    # Vermeer"); "Since", "the Met" or "the July Revolution" elsewhere in the question are not.
    named = sorted(
        c.value
        for c in said.of("maker") + after_title
        if not _accounted(c, _known_for(c, subject), cfg)
        and not _of_another_thing(c, subject)
        and not _owns_another_thing(c, subject)
    )
    if said.lowercase:
        # Typed in lower case, only the names the collection knows have their capitals back
        # (and are read above); one it does not know has none, and the words in a maker's
        # slot stand in for it.
        cased = {fold(n) for n in named}
        named += [s for s in subject.strangers if fold(s) not in cased]
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
    claim = f"attributes it to {', '.join(strangers)}"
    of_model = all(set(words(t)) <= subject.model_makers for t in strangers)
    return [PremiseIssue(claim, fix, subject.n, tuple(strangers), of_model)]


def named_after_its_title(subject: Subject) -> list[Claim]:
    """A person's name said right after the object's title with "of": "<titre> de <Nom>".

    In French, German, Dutch, Spanish and Italian a work is named with its maker so ("la
    Gioconda di Leonardo", "der Heuwagen von Constable"); a title's own words are often
    lower case, so the claim readers, which do not know the titles, cannot tell it from "the
    wife of X". Found after the record's title, in English or in the visitor's language, it is
    read like a possessive (``about="of"``): an owner or a sitter its texts speak of is no
    false maker.
    """
    text = subject.said.text
    meta = subject.passage.meta
    titles = [(SOURCE_LANGUAGE, subject.passage.title), *other_titles_from_meta(meta)]
    titles += [(SOURCE_LANGUAGE, alias) for alias in title_aliases(subject.passage.title)]
    found: list[Claim] = []
    for language, title in titles:
        span = title_span(text, title, language)
        after = _OF_NAME.match(text, span[1]) if span else None
        if after and after.group(1) not in {c.value for c in found}:
            found.append(Claim("maker", after.group(1), after.span(1), about="of"))
    return found


# "of" in the five languages, then a name: capitalised words, particles between. An article
# before it is not part of it ("de El Bosco", "del Greco").
_OF_NAME = re.compile(
    r"\s+(?:de|d'|di|del|della|dello|van|von|des|der)\s*(?:(?:El|La|Il|Lo|Le|Der|Het)\s+)?"
    rf"({NAME_RUN.pattern})"
)


def _of_another_thing(claim: Claim, subject: Subject) -> bool:
    """Whether a credited name makes a thing a clause describes that is not this object.

    "... reverses <a title>, a picture that <painter> painted": the painter made the
    picture. "The <title> that <sculptor> cast" still credits the object: the clause
    describes it by its title's, kind's or medium's word.
    """
    start = claim.span[0]
    noun = parse.made_in_clause_of(subject.said.text, start) if start >= 0 else ""
    if not noun or noun in _POINTING:
        return False
    meta = subject.meta
    own = subject.title_words | set(
        words(f"{meta.get('object_type', '')} {meta.get('medium', '')}")
    )
    return not set(content_words(noun)) & {w for o in own for w in content_words(o)}


_POINTING = frozenset({"it", "one", "this", "that"})


def _owns_another_thing(claim: Claim, subject: Subject) -> bool:
    """Whether a possessive name owns a thing that is not the work: "<a saint>'s feet".

    "<Name>'s <Title>", "<Name>'s painting", "<Name>'s <the object's kind>" credit the work;
    a possessive before anything else (a body, a robe, a horse, a wife) names whose that
    thing is, in the picture or in life.
    """
    start, end = claim.span
    text = subject.said.text
    if claim.about or start < 0 or not _POSSESSIVE_AFTER.match(text[end:]):
        return False
    noun = parse.possessed(text, start)
    if noun is None:
        return False
    phrase = [noun, *(t for t in noun.children if t.dep_ == "compound")]
    if noun.dep_ == "compound":
        phrase.append(noun.head)
    if any(t.text[:1].isupper() for t in phrase):
        return False  # a title, capitalised as titles are
    meta = subject.meta
    own = {stem(w) for w in subject.title_words} | _WORKS | GENERIC
    own |= set(content_words(str(meta.get("object_type", ""))))
    own |= everyday_names(meta, subject.passage.title)
    return not any(stem(t.lower_) in own for t in phrase)


# What a work is called ("<Name>'s portrait" credits one), with the general words for a
# made thing that a possessive before it credits too ("<Name>'s piece").
_WORKS = frozenset(stem(w) for w in [*WORK_NOUNS, "artwork", "piece", "carving", "design"])


def _naming(claim: Claim) -> set[str]:
    """The words of a credited name that must be the record's.

    Read in another language (claims_by_language), a first name is spelled in that language
    ("Guillaume" for "Willem", "Léonard" for "Leonardo"): the surname alone tells the person.
    """
    named = words(claim.value)
    if claim.about in OTHER_LANGUAGE_SLOTS:
        named = [w for w in named if not re.fullmatch(NAME_PARTICLES, w)][-1:] or named
    return set(named)


def _accounted(claim: Claim, known: frozenset[str], cfg: AnswerConfig) -> bool:
    """Whether the record's words account for a credited name.

    Read in another language, a name may be spelled that language's way ("Léonard" for
    "Leonardo", "Tintoret" for "Tintoretto"): a word of the record that starts alike, for
    most of the shorter word, is the same name.
    """
    naming = _naming(claim)
    if naming <= known:
        return True
    if claim.about not in OTHER_LANGUAGE_SLOTS:
        return False
    return all(any(_same_name(w, k, cfg) for k in known) for w in naming)


def _same_name(word: str, known: str, cfg: AnswerConfig) -> bool:
    shared = next(
        (i for i, (a, b) in enumerate(zip(word, known, strict=False)) if a != b),
        min(len(word), len(known)),
    )
    shorter = min(len(word), len(known))
    return shared >= cfg.cognate_min_letters and shared >= cfg.cognate_min_share * shorter


def look_alikes(passage: Passage, evidence: Iterable[Passage], shared: int) -> list[Passage]:
    """The other objects in the evidence whose titles share ``shared`` words with this one's."""
    own = {w for w in content_words(passage.title) if w not in GENERIC}
    need = min(shared, len(own))
    return [
        p
        for p in evidence
        if p.source_id != passage.source_id and len(own & set(content_words(p.title))) >= need > 0
    ]


# "<Name> ibn <Name>'s", "<Name> van <Name>'s": the particles of a name are part of it.
_POSSESSIVE_AFTER = re.compile(rf"(?:\s+(?:{NAME_PARTICLES}\s+)*[A-ZÀ-Þ][\w-]*)*['’]")


def _known_for(claim: Claim, subject: Subject) -> frozenset[str]:
    """The words that account for a name credited as maker.

    "<Owner> carved the <Owner> Vase": a maker's slot is checked against the record's makers,
    even when the title bears the name. "<Name>'s Code" is only a possessive, which may name
    an owner, a patron or a subject, so the title's words account for it too, and so does
    the object's own text naming that person ("<a king>'s helmet", made for him). The maker
    of the work it follows ("After <sculptor>", "based on a tondo by <painter>") accounts for
    no credit: the copy is not theirs.
    """
    return _known_unless_model(claim, subject) - subject.model_makers


def _known_unless_model(claim: Claim, subject: Subject) -> frozenset[str]:
    """The words that account for a credited name, the model's maker's among them."""
    start, end = claim.span
    text = subject.said.text
    if claim.about in ("of", "his"):
        # "le tableau de X" (claims_by_language), "X ... his <work>": read like a possessive.
        return subject.known | subject.mentioned
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


def lowercase_makers(
    text: str,
    known: set[str],
    numbered: Numbered,
    source_id: str,
    title_words: Iterable[str] = (),
    cfg: AnswerConfig = DEFAULT,
) -> list[str]:
    """Names a question typed in lower case puts where a maker goes, unknown to the texts here.

    Typed in lower case, a name the collection does not write keeps no capital to be found by
    (the ones it does write are cased before the question is read). Three slots hold a maker:
    "did X paint" or "says X made"; "by X"; "X's <title>". A word the object's texts use, or,
    for "by" and the possessive, any text in the evidence, is no stranger's name; nor is a
    run of words all used every day ("by hand", "the queen's necklace"): a name has one word
    that is rare in everyday speech. Single letters are initials ("j. m. w. turner").
    """
    own = " ".join(p.text for p in numbered.values() if p.source_id == source_id)
    every = " ".join(p.text for p in numbered.values())
    near = set(words(own)) | known
    far = set(words(every)) | near
    tokens = [fold(m.group(0)) for m in _TOKEN.finditer(text)]
    titled = {fold(w) for w in title_words} - STOPWORDS
    makers: list[str] = []
    for i, token in enumerate(tokens):
        if MAKER_VERB.fullmatch(token):
            run, cue = _run(tokens, i - 1, -1, near, cfg)
            # "did X paint", "says X made"; in "when was this amphora made" the word before
            # the verb is the object, not a maker.
            if run and cue in MAKER_CUES:
                makers.append(" ".join(run))
        elif token == "by":
            run, _ = _run(tokens, i + 1, 1, far, cfg)
            if run:
                makers.append(" ".join(run))
        elif POSSESSIVE.search(token) and _opens_title(tokens[i + 1 : i + 3], titled):
            tokens[i] = POSSESSIVE.sub("", token)
            run, _ = _run(tokens, i, -1, far, cfg)
            if run:
                makers.append(" ".join(run))
    rare = [m for m in makers if not all(_everyday(w, cfg) for w in m.split())]
    return list(dict.fromkeys(rare))


_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _run(
    tokens: list[str], start: int, step: int, have: set[str], cfg: AnswerConfig = DEFAULT
) -> tuple[list[str], str]:
    """The name-like words from ``start`` (walking by ``step``) if ``have`` lacks one; the next.

    A name may share a word with one the texts give ("van" in "van gogh" and "Rembrandt van
    Rijn"), but one of its words must be new. Initials are stepped over and left out. At most
    three words make a name.
    """
    run: list[str] = []
    at = start
    while 0 <= at < len(tokens) and len(run) < _NAME_WORDS:
        word = tokens[at]
        if len(word) == 1:
            at += step
            continue
        if word in STOPWORDS or stem(word) in GENERIC or len(word) < 3:
            break
        if step > 0 and run and not _everyday(run[-1], cfg) and _everyday(word, cfg):
            # "by dahl roughly when": a name read forwards ends where everyday words resume
            # (read backwards from "paint", a first name may be an everyday word: "norman").
            break
        if _breaks_name(run, word, cfg):
            # "... dahl got hobbema to paint": an everyday word between two rare ones is
            # no part of a name (unless a particle: "van"); the name is the part after it.
            at -= step
            run.pop()
            break
        run.append(word)
        at += step
    if step < 0:
        run.reverse()
    if all(word in have for word in run):
        run = []
    return run, tokens[at] if 0 <= at < len(tokens) else ""


_NAME_WORDS = 3


def _breaks_name(run: list[str], word: str, cfg: AnswerConfig) -> bool:
    """Whether the run's last word is an everyday one (not a particle) between two rare ones."""
    if len(run) < 2 or _everyday(word, cfg):
        return False
    last = run[-1]
    return _everyday(last, cfg) and not re.fullmatch(NAME_PARTICLES, last)


def _everyday(word: str, cfg: AnswerConfig) -> bool:
    """Whether everyday language uses a word too often for it to be a name."""
    return everyday_frequency(word) >= cfg.name_max_everyday_frequency


def _opens_title(following: list[str], titled: set[str]) -> bool:
    """Whether the words after a possessive begin the object's title ("the starry night")."""
    words_after = [w for w in following if w != "the"]
    return bool(words_after) and words_after[0] in titled
