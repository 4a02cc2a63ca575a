"""Detect questions that assert something the catalogue record contradicts.

The structured fields (creators, dates, medium, holding institution) are the strongest
evidence we have against a false premise, so the corrections quote the record itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.documents import creators_from_meta, record_facts
from assistant.store import Passage
from assistant.text import (
    STOPWORDS,
    content_words,
    fold,
    has_negation,
    proper_names,
    quote_units,
    stem,
    words,
)
from assistant.topic import GENERIC, clauses, coverage, mentions_title, topic_words

_ATTRIBUTION = re.compile(
    r"\b(paint|painted|painting|sculpt\w*|carv\w*|made|make|create\w*|design\w*|drew|drawn|"
    r"draw|put|took|take|photographed|print|printed|"
    # "No, I'm certain that one is a Monet": a work that "is a" name is credited to it.
    r"(?:is|was|it's|that's) an? (?=[a-z]+\W*$)|"
    r"artist|masterpiece|work of|by|\w+'s (painting|work|statue|sculpture|masterpiece|print))\b"
    # "Rembrandt's Girl with a Pearl Earring": a possessive name before the title credits it.
    r"|\b[a-z]+'s (?!own)\w+"
)
_NOT_AUTHORSHIP_BY = re.compile(
    r"\b(commissioned|owned|bought|acquired|donated|given|stolen|restored|lent|sold|found|"
    r"discovered|collected|inspired|influenced|admired|copied|damaged)\s+by\b"
)
_MADE_FOR = re.compile(
    r"\b(?:made|painted|carved|created|built|designed|commissioned|intended|given|owned)\s+"
    r"(?:especially\s+|specially\s+)?for\s+((?:[A-ZÀ-Þ][\w'’.-]*\s?){1,4})"
)
# A year stands alone: "557" inside "W.557.2B" is part of a code, not a date.
_YEAR = re.compile(r"(?<![\w.,\-])(\d{3,4})(?![\w.,\-]\w)\s*(bc|bce|b\.c\.)?\b", re.IGNORECASE)
_CENTURY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)[\s-]+century\s*(bc|bce)?\b", re.IGNORECASE)
_INSTITUTION = re.compile(
    r"\b(?:in|at|from|to|of|owned by|belongs? to)\s+(?:the\s+)?"
    r"((?:[A-Z][\w'’.-]*\s?){1,5}(?:Museum|Gallery|Collection|Library|Institute)"
    r"(?:\s+of\s+(?:[A-Z][\w'’.-]*\s?){1,4})?|Louvre|Prado|Uffizi|Rijksmuseum|Hermitage|"
    r"Mauritshuis|Met|MoMA|Tate(?:\s+\w+)?|Getty|Smithsonian|Vatican|Orsay|Guggenheim)"
)
MATERIALS = frozenset(
    """canvas panel wood poplar oak oil tempera fresco acrylic watercolor watercolour gouache
    marble bronze gold silver copper iron steel basalt granite granodiorite limestone sandstone
    jade ivory bone glass porcelain stoneware earthenware terracotta clay silk cotton wool
    linen paper parchment vellum plaster lacquer enamel brass tin lead wax ceramic tapestry
    embroidery woodblock lithograph etching engraving photograph pastel charcoal ink""".split()
)


# Conspiracy and pseudo-history framings, each with the words a refuting source would use.
_LOADED: list[tuple[re.Pattern[str], re.Pattern[str]]] = [
    (
        re.compile(r"\b(fake[ds]?|faking|forgery|forgeries|forged|counterfeit|hoax)\b"),
        re.compile(r"fake|forg|counterfeit|hoax|replica|genuine|authentic"),
    ),
    (
        re.compile(r"\b(aliens?|extraterrestrials?|ufos?)\b"),
        re.compile(r"alien|extraterrestrial|ufo"),
    ),
    (re.compile(r"\b(atlantis|atlanteans?)\b"), re.compile(r"atlant")),
    (
        re.compile(
            r"\b(end(ed|s)? of the world|world (ended|will end|ends)|doomsday|apocalypse|"
            r"prophec(y|ies)|predict(s|ed)?)\b"
        ),
        re.compile(r"end of the world|prophec|predict|doomsday|apocalyp"),
    ),
    (re.compile(r"\b(curse[ds]?|haunted)\b"), re.compile(r"curse|haunt")),
    (
        re.compile(
            r"\b(illuminati|templars?|freemasons?|conspirac(y|ies)|cover(ing|ed|s)?[ -]?ups?|"
            r"reptilians?|time travell?(er|ers|ing)?)\b"
        ),
        re.compile(
            r"illuminati|templar|freemason|conspira|\bcover(ing|ed|s)?[ -]?up|reptilian|time travel"
        ),
    ),
]
_REFUTES = re.compile(
    r"\b(wrong|myth|legend|untrue|false|mistaken|no evidence|unproven|fiction|fictional|"
    r"disproved|rejected|misconception|modern invention|not supported|no such|misleading|"
    r"inaccurate|exaggerat\w*|unfounded|baseless)\b"
)


@dataclass(frozen=True)
class LoadedClaim:
    """A conspiracy-style claim in the question, and the source sentence that refutes it."""

    claim: str
    correction: str | None
    n: int | None


def check_loaded(question: str, numbered: dict[int, Passage]) -> list[LoadedClaim]:
    """Find pseudo-historical framings ('aliens', 'fake', 'Atlantis') and their refutations.

    A claim with no refuting source sentence is returned with ``correction=None``: the
    assistant must not discuss it as if the museum had a view, so the chain refuses.
    """
    folded = fold(question)
    claims: list[LoadedClaim] = []
    for pattern, key in _LOADED:
        match = pattern.search(folded)
        if not match:
            continue
        best: tuple[int, str] | None = None
        for n, passage in numbered.items():
            if passage.kind == "record":
                continue
            for unit in quote_units(passage.text):
                low = fold(unit)
                if key.search(low) and (_REFUTES.search(low) or has_negation(unit)):
                    best = best or (n, unit)
        claims.append(
            LoadedClaim(match.group(0), best[1] if best else None, best[0] if best else None)
        )
    return claims


@dataclass(frozen=True)
class PremiseIssue:
    """A claim in the question that the record contradicts, and the record's own sentence."""

    claim: str
    correction: str
    n: int  # number of the record passage the correction cites


def _sentence(meta: dict[str, object], key: str) -> str | None:
    return record_facts(dict(meta)).get(key)


def _years(question: str) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for match in _CENTURY.finditer(question):
        c = int(match.group(1))
        lo, hi = (c - 1) * 100 + 1, c * 100
        if match.group(2):
            lo, hi = -hi, -lo
        spans.append((lo, hi, match.group(0).strip()))
    rest = _CENTURY.sub(" ", question)
    for match in _YEAR.finditer(rest):
        year = int(match.group(1))
        if match.group(2):
            year = -year
        spans.append((year, year, match.group(0).strip()))
    return spans


def subjects(question: str, numbered: dict[int, Passage]) -> dict[int, Passage]:
    """The catalogue records of the objects the question names.

    Titles repeat ("Kovsh", "Virgin and Child"): when the question also names a creator, the
    records by that creator are the subject, and the others are not contradicted by it.
    """
    named = {
        n: p
        for n, p in numbered.items()
        if p.kind == "record" and mentions_title(question, p.title)
    }
    # Names that are part of a named title ("Cyrus" in "Cyrus Cylinder") are not creators.
    q_names = proper_names(question) - {w for p in named.values() for w in words(p.title)}
    by_creator = {
        n: p
        for n, p in named.items()
        if q_names & {w for c in creators_from_meta(p.meta) for w in words(c.name)}
    }
    return by_creator or named


def _about_another(part: str, passage: Passage, by_source: dict[str, list[str]]) -> bool:
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
    return any(
        coverage(part, texts) >= max(0.6, own + 0.2)
        for source_id, texts in by_source.items()
        if source_id != passage.source_id
    )


def check(question: str, numbered: dict[int, Passage]) -> list[PremiseIssue]:
    """Premise conflicts between the question and the records of the objects it names."""
    issues: list[PremiseIssue] = []
    named = subjects(question, numbered)
    whole = question
    by_source: dict[str, list[str]] = {}
    for p in numbered.values():
        by_source.setdefault(p.source_id, []).extend([p.title, p.text])
    for n, passage in named.items():
        # "What are the Ife Head and the Benin ivory mask made of?": each object is checked
        # only against the parts of the question that are not about another object in the
        # evidence. "... Louveciennes? No, I'm certain that one is a Monet" stays whole: no
        # other source is about Monet.
        parts = [c for c in clauses(whole) if not _about_another(c, passage, by_source)]
        question = " ".join(parts) if parts else whole
        folded_q = fold(question)
        meta = passage.meta
        # "d'Avignon" also names "Avignon".
        title_words = set(words(passage.title)) | {
            part for w in words(passage.title) for part in re.split(r"['’]", w) if part
        }

        creators = creators_from_meta(meta)
        creator_words = {w for c in creators for w in words(c.name)}
        known = (
            creator_words
            | title_words
            | set(words(str(meta.get("institution", ""))))
            | set(words(str(meta.get("place_made", ""))))
            | set(words(str(meta.get("culture", ""))))
        )
        places = {
            fold(m.group(1))
            for m in re.finditer(r"\b(?:in|at|from|near)\s+([A-ZÀ-Þ][\w'’-]+)", question)
        }
        strangers_all = sorted(
            token
            for token in re.findall(r"\b[A-ZÀ-Þ][\w'’-]+", question)
            if fold(token) in proper_names(question) and not set(words(token)) <= known
        )
        if question == question.lower():
            # "why did norman rockwell paint nighthawks": no capitals to find names by, so the
            # words just before the verb that no text of this object uses stand in for them.
            strangers_all = _uncapitalised_makers(question, known, numbered, passage.source_id)
        wrong_places = [t for t in strangers_all if fold(t) in places]
        if wrong_places and (meta.get("place_made") or meta.get("institution")):
            fix = _sentence(meta, "place") or _sentence(meta, "institution")
            if fix:
                issues.append(PremiseIssue(f"places it in {', '.join(wrong_places)}", fix, n))
        if creators and _ATTRIBUTION.search(folded_q) and not _NOT_AUTHORSHIP_BY.search(folded_q):
            # "made for Abraham Lincoln" names an owner, not a maker.
            patrons = {w for m in _MADE_FOR.finditer(question) for w in words(m.group(1))}
            strangers = [
                t for t in strangers_all if t not in wrong_places and not set(words(t)) & patrons
            ]
            if strangers:
                fix = _sentence(meta, "creator")
                if fix:
                    issues.append(PremiseIssue(f"attributes it to {', '.join(strangers)}", fix, n))

        begin, end = meta.get("date_begin"), meta.get("date_end")
        # "Who stole the Mona Lisa in 1911?" dates a theft, not the painting.
        other_event = bool(_EVENT.search(folded_q)) and not asserts_claim(question)
        if isinstance(begin, int) and isinstance(end, int) and not other_event:
            for lo, hi, text in _years(question):
                if hi < begin - 10 or lo > end + 10:
                    fix = _sentence(meta, "date")
                    if fix:
                        issues.append(PremiseIssue(f"dates it to {text}", fix, n))
                    break

        medium = set(content_words(str(meta.get("medium", ""))))
        # "the Migrant Mother photograph" names what it is, not what it is made of.
        kind = set(content_words(str(meta.get("object_type", ""))))
        asked = sorted(
            w
            for w in set(words(question))
            if w in MATERIALS
            and stem(w) not in medium
            and stem(w) not in kind
            and w not in title_words
        )
        if medium and asked:
            fix = _sentence(meta, "medium")
            if fix:
                issues.append(PremiseIssue(f"says it is {', '.join(sorted(asked))}", fix, n))

        institution = fold(str(meta.get("institution", "")))
        for match in _INSTITUTION.finditer(question):
            claimed = fold(match.group(1)).strip()
            if (
                institution
                and claimed
                and claimed not in institution
                and not set(content_words(claimed)) <= set(content_words(institution))
            ):
                fix = _sentence(meta, "institution")
                if fix:
                    issues.append(PremiseIssue(f"places it in {match.group(1).strip()}", fix, n))
                break
    return issues


_EVENT = re.compile(
    r"\b(stole|stolen|theft|found|discovered|excavated|bought|acquired|sold|lent|exhibited|"
    r"restored|recovered|returned|damaged|moved|donated|arrived|rediscovered|printed in)\b"
)
_MAKER_VERB = re.compile(
    r"\b(paint|painted|made|make|carved?|sculpted|created?|designed?|drew|draw|printed|took)\b"
)


def _uncapitalised_makers(
    question: str, known: set[str], numbered: dict[int, Passage], source_id: str
) -> list[str]:
    """Words right before a making verb that this object's texts never use ("norman rockwell")."""
    texts = " ".join(p.text for p in numbered.values() if p.source_id == source_id)
    have = set(words(texts)) | known
    makers: list[str] = []
    for match in _MAKER_VERB.finditer(question):
        before = words(question[: match.start()])
        run: list[str] = []
        for word in reversed(before[-3:]):
            if word in have or word in STOPWORDS or stem(word) in GENERIC or len(word) < 3:
                break
            run.insert(0, word)
        # Only where a person goes: "did X paint", "says X made". In "when was this amphora
        # made" the word before the verb is the object, not a maker.
        cue = before[-len(run) - 1] if run and len(before) > len(run) else ""
        if cue in _MAKER_CUES:
            makers += run
    return makers


_MAKER_CUES = frozenset(
    "did does didn't doesn't says said say thinks think thought believes claims heard that "
    "and".split()
)


_ASSERTING = re.compile(
    r"(right|correct|true|yes|no)\s*\?\s*$|\b(isn't|wasn't|aren't|weren't|didn't|doesn't|don't|"
    r"hasn't|haven't) (it|he|she|they|that|there)\b|"
    r"\b(my (guide|friend|teacher|book|dad|mum|mom)|i (read|heard|thought|saw|was told)|"
    r"everyone knows|everybody knows|as we know|are you sure|actually|obviously|of course)\b|"
    r"^(no|nope|but|well)\b|tell me more|^(isn't|wasn't|didn't|doesn't|aren't)\b"
)
_ASKING = re.compile(
    r"^(is|was|are|were|did|does|do|can|could|has|have|had|will|would|who|what|when|where|"
    r"which|how|whose|tell|describe|explain|show)\b|"
    # "In what language ...?", "On which islands ...?"
    r"^(in|on|at|from|to|for|by|of|with|during|since|until) (what|which|whose|whom|where|"
    r"when|how)\b"
)


def asserts_claim(question: str) -> bool:
    """Whether the visitor states something (to be confirmed or corrected) rather than asks.

    "The Mona Lisa is in the British Museum, right?", "Why did Vermeer paint ...?", "No, it's
    basalt." assert; "Is The Night Watch set at night?" only asks.
    """
    folded = fold(question).strip()
    if _ASSERTING.search(folded):
        return True
    # "Two paintings in the National Gallery are on oak. Which are they?" ends by asking.
    last = re.split(r"(?<=[.!?])\s+", folded)[-1]
    return not (_ASKING.search(folded) or (last.endswith("?") and _ASKING.search(last)))


_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a": 1,
    "an": 1,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_QUANTITY = re.compile(
    r"\b(\d[\d,]*(?:\.\d+)?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
    r"(?:\s+(hundred|thousand|million|billion))?\s+([a-z]+)\b"
)


def quantities(text: str) -> dict[str, float]:
    """Counted things and how many: "26 million knots" -> {"knot": 26e6}."""
    found: dict[str, float] = {}
    for number, scale, noun in _QUANTITY.findall(fold(text)):
        if noun in _SCALES or noun in STOPWORDS or len(noun) < 3:
            continue
        if number in {"a", "an"} and not scale:
            continue  # "a canvas" is an article, not a count ("a million dollars" is one)
        word = _NUMBER_WORDS.get(number)
        value = float(word) if word is not None else float(number.replace(",", ""))
        found[stem(noun)] = value * _SCALES.get(scale, 1)
    return found


def count_differs(sentence: str, question: str) -> bool:
    """Whether the sentence counts something the question counts, with another number.

    "It contains roughly 26 million knots" against "about two million knots, right?"
    """
    asked, stated = quantities(question), quantities(sentence)
    for noun, value in asked.items():
        other = stated.get(noun)
        if other is not None and abs(other - value) > 0.15 * max(other, value):
            return True
    return False


def refutes(sentence: str, question: str, titles: Sequence[str] = ()) -> bool:
    """Whether a source sentence denies something the question says.

    A negated or refuting sentence that shares a subject word with the question: "It is made
    of granodiorite, not basalt" against "No, it's basalt." Or one that counts the same thing
    with another number.
    """
    if count_differs(sentence, question):
        return True
    low = fold(sentence)
    if not (has_negation(sentence) or _REFUTES.search(low)):
        return False

    title_words = {w for t in titles for w in content_words(t)}
    return bool((set(topic_words(question)) - title_words) & set(content_words(sentence)))
