"""Read a question once: what it names, asks for, asserts, and whether it follows on or steers.

Every stage after this one takes the ``Reading``; none parses the visitor's words again.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from assistant.answering import asks_by_language, cues, parse
from assistant.answering import claims as shapes
from assistant.answering.casing import Name, recased, typed_in_lower_case
from assistant.answering.periods import Named, Periods
from assistant.answering.topic import (
    _TITLE_CASE,
    apostrophes_restored,
    clauses,
    quoted_names,
    topic_words,
)
from assistant.injection import steers_the_assistant
from assistant.text import (
    POSSESSIVE,
    STOPWORDS,
    content_words,
    fold,
    opens_sentence,
    proper_names,
    words,
)


class Ask(enum.StrEnum):
    """What a question asks for."""

    MAKER = "maker"
    DATE = "date"
    MATERIAL = "material"
    PLACE = "place"
    INSTITUTION = "institution"
    ACCESSION = "accession"
    ACQUISITION = "acquisition"  # how and when the collection got it (its credit line)
    SIZE = "size"
    REASON = "reason"
    COUNT = "count"
    MEANING = "meaning"
    PERSON = "person"  # who, other than the maker: a patron, an owner, a sitter
    FATE = "fate"  # what became of someone or something
    METHOD = "method"  # how something was done
    RECIPIENT = "recipient"  # for whom, for where or for what it was made
    MODEL = "model"  # what it was modelled on, copied from or inspired by; its original
    LOCATION = "location"  # where it was kept, worn or placed: not made, found or held now
    DEPICTION = "depiction"
    OVERVIEW = "overview"


# The catalogue field each fact question is answered by.
_FIELD_ASKS = {
    "creator": Ask.MAKER,
    "date": Ask.DATE,
    "medium": Ask.MATERIAL,
    "place": Ask.PLACE,
    "found": Ask.PLACE,
    "institution": Ask.INSTITUTION,
    "accession": Ask.ACCESSION,
    "credit": Ask.ACQUISITION,
    "size": Ask.SIZE,
}


@dataclass(frozen=True)
class Claim:
    """One thing the visitor's words state: its kind, its value as written, and where."""

    kind: str  # date, event, material, institution, place, count, loaded, maker or name
    value: str
    span: tuple[int, int] = (-1, -1)
    low: int | None = None  # for a date: the earliest and latest year it allows
    high: int | None = None
    amount: float | None = None  # for a count: how many; for an age (a date): how old
    # An event's year: which event ("theft"); a period: the word it describes; a maker read
    # in another language: the slot it fills (claims_by_language.OTHER_LANGUAGE_SLOTS).
    about: str = ""
    # A year said bare ("in 1649"), not as approximate or a bound ("about", "before", "vers").
    exact: bool = False
    # A named period: the collection's name for it ("Ming Dynasty" for "a Ming piece").
    period: str = ""


# The languages the reader reads word by word: its word tables, stopwords, stemmer and spaCy
# model are English. A question in another language is read for what does not change between
# languages (accession numbers, quoted titles) and judged on meaning (assistant.relatedness).
WORD_LANGUAGES = frozenset({"en"})


@dataclass(frozen=True)
class Said:
    """What a stretch of text states: the claims in it and the cues around them."""

    text: str
    claims: tuple[Claim, ...]
    asserts: bool  # states something rather than only asking
    attributes: bool  # credits a maker ("painted", "by", "Rembrandt's ...")
    patrons: frozenset[str]  # words of a "made for X" owner, who is not a maker
    other_event: bool  # its year dates a theft, find or sale, not the making
    lowercase: bool  # no capitals to find names by
    # Dates said of something else than the object: a look ("looks baroque"), a version.
    aside: tuple[Claim, ...] = ()

    def of(self, kind: str) -> list[Claim]:
        """The claims of one kind."""
        return [c for c in self.claims if c.kind == kind]


@dataclass(frozen=True)
class Reading:
    """A visitor's question, read once."""

    typed: str  # the question as the visitor typed it (cleaned), for the answer and its log
    text: str  # the question as read: contractions typed without an apostrophe put right
    ask: str  # the part that asks, without a greeting or a story before it
    asked: str  # the ask without the codes that only say which object it means
    asking: str  # its last question, which says what is asked for (the ask, if elliptical)
    context: str  # the question with the last turns before it, when it follows on
    follows_on: bool
    steers: bool  # gives the assistant orders (injection)
    codes: tuple[str, ...]  # accession codes named as ours ("accession number 37.355")
    loose_codes: tuple[str, ...]  # code-shaped tokens without a cue ("W.557.2B")
    context_codes: tuple[str, ...]  # both kinds, in the context: the objects it names by code
    quoted: tuple[str, ...]  # titles in quotes (in the context)
    names: tuple[str, ...]  # capitalised runs of several words (in the context)
    objects: tuple[str, ...]  # things the ask names with a determiner ("the Roman bowl")
    referents: tuple[str, ...]  # things the story brought in that "it", "she" stand for
    locations: tuple[str, ...]  # where a yes/no ask asks whether it is ("at the Walters")
    people: tuple[str, ...]  # proper names, folded (in the context)
    asks: frozenset[Ask]  # what the question asks for (its last question)
    leaned_on: frozenset[Ask]  # what the questions the last one leans on ask ("Is it held?")
    fields: frozenset[str]  # the catalogue fields it asks for (creator, date, medium, ...)
    overview: bool  # "What is X?", "Tell me about X"
    topic: tuple[str, ...]  # stems of the words that say what it is about (in the context)
    clauses: tuple[str, ...]  # the parts of the ask about several things ("A or B?")
    context_clauses: tuple[str, ...]  # the same, in the context
    asserts: bool  # the question itself states something rather than only asking
    said: Said  # what the question itself states
    context_said: Said  # what the question with its context states
    language: str = "en"  # the visitor's language: the assistant's own words are in it
    written_in: str = "en"  # the language its words are read in (usually ``language``)
    # In a language whose words are not read: it asks whether the museum also holds another
    # thing beside the one it names (asks_by_language.ANOTHER).
    another: bool = False

    @property
    def words_read(self) -> bool:
        """Whether its words were read (claims, topic words): only WORD_LANGUAGES are."""
        return self.written_in in WORD_LANGUAGES

    @property
    def claims(self) -> tuple[Claim, ...]:
        """What the question (with its context) asserts."""
        return self.context_said.claims

    def of_its_model(self) -> Reading:
        """The same question, read as about the work the object follows, not the object.

        The catalogue's fields are the copy's (its date, its holder): none answers it, and
        the maker it names is the model's.
        """
        asks = (self.asks | {Ask.MODEL}) - {Ask.MAKER}
        return replace(self, asks=frozenset(asks), fields=frozenset(), overview=False)

    def undated(self, text: str) -> str:
        """``text`` without the dates the question claims ("1st century AD", a named period).

        A date is checked against the record's dates; it is no word the texts must share.
        Nor is one said of a look or another version: an impression, not a topic.
        """
        said = self.context_said
        return without_dates(text, [*said.of("date"), *said.aside])

    def unplaced(self) -> str:
        """The context without the places it puts the object in ("found at X", "made in Y").

        Where the visitor says it was made or found is checked against the record; it is no
        word the texts must share.
        """
        text = self.context_said.text  # the text the claims' spans are in
        # A language the visitor reads or asks in ("say in English", "the Greek around the
        # rim") is neither a place nor a thing the texts must name.
        spans = {c.span for c in self.context_said.of("place")} | set(languages_named(text))
        return _cut(text, spans)


@functools.cache
def _language_names() -> frozenset[str]:
    """The languages' names in English, from the CLDR data Babel ships."""
    from babel import Locale

    return frozenset(name for name in Locale("en").languages.values() if " " not in name)


# How a language is named as the language, not as a people's or a place's adjective: "in
# Latin", "my French", "the Greek around the rim".
_AS_LANGUAGE = (
    r"(?:\b(?:in|my|your|our|his|her|their)\s+({name})\b)|"
    r"(?:\bthe\s+({name})\s+(?:on|in|around|along|at|of|across)\b)"
)


def languages_named(text: str) -> list[tuple[int, int]]:
    """Where a text names a language as the language ("say in English", "my French")."""
    found = re.finditer(r"\b[A-Z][a-z]+\b", text)
    names = {m.group(0) for m in found} & _language_names()
    if not names:
        return []
    alternatives = "|".join(sorted(names))
    pattern = _AS_LANGUAGE.format(name=alternatives)
    found = re.finditer(pattern, text, re.IGNORECASE)
    return [m.span(1) if m.group(1) else m.span(2) for m in found]


def without_languages(text: str) -> str:
    """A text without the languages it names as languages ("say in English")."""
    return _cut(text, languages_named(text))


def _cut(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """A text with the stretches at ``spans`` taken out, its spaces tidied."""
    for start, end in sorted(set(spans), key=lambda s: -s[0]):
        text = text[:start] + " " + text[end:]
    return " ".join(text.split())


def read(
    question: str,
    history: Sequence[str] = (),
    casing: Mapping[Name, str] | None = None,
    periods: Periods | None = None,
    language: str = "en",
    written_in: str | None = None,
    makers: frozenset[str] = frozenset(),
) -> Reading:
    """Read ``question`` (and, if it follows on, the last two turns of ``history``).

    ``casing`` gives the collection's capitals to a question typed all in lower case;
    ``periods`` the years the collection gives the periods it names ("Ming", "Renaissance").
    ``language``: the visitor's language; ``written_in``: the language the question is
    written in, when it is clearly another (a visitor who chose French may type English).
    A question in another language has its claims read by that language's table
    (claims_by_language): the English word tables and parser would take "acheté en 1901" for
    a date of making and correct a visitor who said nothing wrong. ``makers``: the words of
    the collection's makers' names, which tell a name from a noun in German.
    """
    typed = question
    written_in = written_in or language
    question, context, follows, lower = _restored(question, history, casing or {}, written_in)
    codes = cues.asked_codes(question)
    loose = cues.loose_codes(question)
    # What is asked is in the asking part, after any greeting or story; a code in it only says
    # which object it means, and a misspelt question word ("wen", "wat") asks all the same.
    ask = cues.the_ask(question)
    asked = cues.without_codes(ask)
    asks, fields, overview, leaned_on = _what_is_asked(
        written_in, question, ask, asked if codes or loose else ask
    )
    own, context_said = _claims(written_in, question, context, lower, periods, makers)
    return Reading(
        typed=typed,
        text=question,
        asked=asked,
        asking=_last_question(asked),
        ask=ask,
        context=context,
        follows_on=follows,
        steers=steers_the_assistant(question),
        codes=tuple(codes),
        loose_codes=tuple(loose),
        context_codes=tuple(dict.fromkeys(cues.asked_codes(context) + cues.loose_codes(context))),
        quoted=tuple(quoted_names(context)),
        names=tuple(n for n in _TITLE_CASE.findall(context) if " " in n),
        objects=tuple(_objects(question, ask)),
        referents=tuple(_referents(question, ask)),
        locations=tuple(parse.asked_locations(ask)),
        people=tuple(sorted(proper_names(context))),
        asks=frozenset(asks),
        leaned_on=frozenset(leaned_on),
        fields=frozenset(fields),
        overview=overview,
        topic=tuple(topic_words(without_dates(context, context_said.of("date")))),
        clauses=tuple(clauses(ask)),
        context_clauses=tuple(clauses(context)),
        asserts=own.asserts,
        said=own,
        context_said=context_said,
        language=language,
        written_in=written_in,
        another=written_in not in WORD_LANGUAGES
        and asks_by_language.asks_for_another(written_in, question),
    )


def _what_is_asked(
    written_in: str, question: str, ask: str, bare: str
) -> tuple[set[Ask], set[str], bool, set[Ask]]:
    """What a question asks for, its fields, whether an overview, and what it leans on.

    In English by its words (``bare``: the ask without the codes that only say which object);
    in another language by that language's table, which leans on nothing.
    """
    if written_in in WORD_LANGUAGES:
        return _asked_for(ask, bare)
    asks, fields, overview = _asked_in(written_in, question)
    return asks, fields, overview, set()


def _restored(
    question: str, history: Sequence[str], casing: Mapping[Name, str], written_in: str
) -> tuple[str, str, bool, tuple[bool, bool]]:
    """The question with its capitals and apostrophes back, and the context it is read in.

    Also whether it follows on, and whether the question and the whole context were typed in
    lower case.
    """
    typed_lower = typed_in_lower_case(question)
    context_lower = typed_lower and all(typed_in_lower_case(turn) for turn in history)
    # Short forms typed in haste ("q", "ki") are read written out, in the languages whose
    # question words and slots are read from a table.
    question, history = (
        asks_by_language.written_out(written_in, question),
        [asks_by_language.written_out(written_in, turn) for turn in history],
    )
    question = apostrophes_restored(recased(question, casing))
    history = [apostrophes_restored(recased(turn, casing)) for turn in history]
    # In another language the English follow-on cues ("are you sure", "it") are not there to
    # read; a turn of a conversation is read with the turns it follows, and judged on meaning.
    follows = cues.follows_on(question) if written_in in WORD_LANGUAGES else bool(history)
    context = " ".join([*antecedents(history), question]) if follows else question
    return question, context, follows, (typed_lower, context_lower)


def _claims(
    written_in: str,
    question: str,
    context: str,
    lower: tuple[bool, bool],
    periods: Periods | None,
    makers: frozenset[str],
) -> tuple[Said, Said]:
    """What the question, and the conversation it follows on from, claim.

    ``lower``: whether the question, and the whole conversation, were typed in lower case.
    In a language without English word tables, that language's table reads them.
    """
    if written_in in WORD_LANGUAGES:
        own = said(question, lower[0], periods)
        return own, own if context == question else said(context, lower[1], periods)
    # Imported here: that module builds the same Claim and Said this one defines.
    from assistant.answering.claims_by_language import said_in

    own = said_in(written_in, question, lower[0], makers)
    return own, own if context == question else said_in(written_in, context, lower[1], makers)


def without_dates(text: str, dates: Sequence[Claim]) -> str:
    """``text`` without the written dates, and the era beside each ("AD 750", "300 BC")."""
    for claim in dates:
        value = re.escape(claim.value)
        text = re.sub(rf"{_ERA_BEFORE}{value}{_ERA_AFTER}", " ", text, flags=re.IGNORECASE)
    return " ".join(text.split())


_ERA = r"\b(?:ad|ce|bce?|a\.d\.|b\.c\.)(?!\w)"
_ERA_BEFORE = r"(?:\b(?:ad|ce|a\.d\.)\s+)?"
_ERA_AFTER = rf"(?:\s*{_ERA})?"


def _asked_in(language: str, question: str) -> tuple[set[Ask], set[str], bool]:
    """What a question in another language asks, by its language's question words."""
    fields, others, overview = asks_by_language.asked_in(language, question)
    asks = {_FIELD_ASKS[f] for f in fields} | {Ask(o) for o in others}
    if overview:
        asks.add(Ask.OVERVIEW)
    return asks, fields, overview


# The catalogue fields a "where" asks for; any other "where" asks where it was kept or placed.
_WHERE_FIELDS = frozenset({"place", "found", "institution"})


def _asked_for(ask: str, asked: str) -> tuple[set[Ask], set[str], bool, set[Ask]]:
    """What an ask asks for (as _what_it_asks), and what the questions it leans on ask.

    ``asked``: the ask without the codes that only say which object it means. What is asked
    for is in the last question; a question it leans on ("Is the lid kept too? What is it
    made of?") says which thing, and identify reads it in the whole ask. A last question that
    says only what it asks ("Was it shown abroad? Where?") asks it of the one before it, and
    both are read for what is asked.
    """
    last = _last_question(asked)
    asking = parse.without_dating_modifiers(cues.without_asides(last))
    asks, fields, overview = _what_it_asks(last, asking)
    earlier = ask[: max(ask.rfind(last), 0)].strip()
    leaned_on = _what_it_asks(earlier, earlier)[0] if earlier else set()
    return asks, fields, overview, leaned_on


def _last_question(asked: str) -> str:
    """The question of an ask that says what is asked for: its last one.

    A last question that says only what it asks ("Was it shown abroad? Where?") asks it of
    the one before it: then the whole ask.
    """
    last = cues.the_ask(asked, leaning=False)
    return asked if cues.elliptical(last) else last


def _what_it_asks(ask: str, asking: str) -> tuple[set[Ask], set[str], bool]:
    """What an ask asks for, the catalogue fields among it, and whether it asks an overview.

    ``asking`` is the ask without what only says which object it means (codes, asides).
    """
    fields = cues.asked_facts_of(asking)
    overview = cues.is_overview(ask) and not fields  # "What is X made of?" asks a field
    asks = {_FIELD_ASKS[f] for f in fields} | {Ask(a) for a in cues.other_asks(ask)}
    if Ask.MAKER in asks or "person" not in cues.other_asks(asking):
        # "Who made it" is answered by the catalogue's maker; "Anna, who carved the chest,"
        # names someone, it asks nothing.
        asks.discard(Ask.PERSON)
    if cues.asks_other_party(asking):
        # "Who was the drawing made for?" asks for whom, not who made it.
        asks = (asks - {Ask.MAKER}) | {Ask.PERSON}
        fields = fields - {"creator"}
    if Ask.MODEL in asks:
        # "Whose work was the brooch modelled on?": the maker asked for is the model's.
        asks.discard(Ask.MAKER)
        fields = fields - {"creator"}
    if Ask.FATE in asks and cues.dated_only_by_sequence(asking):
        # "What happened to it later on?" asks what became of it, not when it was made.
        asks.discard(Ask.DATE)
        fields = fields - {"date"}
    if Ask.LOCATION in asks and fields & _WHERE_FIELDS:
        asks.discard(Ask.LOCATION)  # "where was it made / found / is it now": the record's
    if overview:
        asks.add(Ask.OVERVIEW)
    return asks, fields, overview


def _objects(question: str, ask: str) -> list[str]:
    """The things the ask names; "that one" is the last thing the story before it named.

    "A lamp like this one" is any lamp: no thing the collection must hold.

    "The matching half would have ... What is on the back of that half?": "that half" is
    the story's matching half, with what the story said of it.
    """
    general = set(parse.kinds_in_general(question))
    found = [p for p in _things(parse.object_phrases(ask)) if p not in general]
    before = question[: max(question.rfind(ask), 0)]
    if not before.strip():
        return found
    story = [p for p in _things(parse.object_phrases(before)) if p not in general]
    # "The <figure> that was shipped to <a town> - is it on view?": the story is the
    # thing alone, and the ask's "it" or "that one" is that thing, not a noun of its clause.
    topic = parse.fronted_topic(before)
    if topic and (parse.pro_forms(ask) or parse.points_back(ask)):
        found += [p for p in _things([topic]) if p not in general]
    elif parse.points_back(ask):
        # "The portrait of her with the red prayer book, is that one here?": the portrait,
        # not a detail of it.
        details = set(parse.details(before))
        found += [p for p in story if p not in details][-1:]
    for pointed in parse.pointed_at(ask):
        found += [p for p in story if pointed <= set(content_words(p.split(" of ")[0]))]
    return list(dict.fromkeys(found))


def _referents(question: str, ask: str) -> list[str]:
    """What the ask's "it", "she" or "the finished one" stands for, if the story brought it in.

    "<The object> is a sketch for a larger painting. Where is the finished one?": the larger
    painting. Only a thing the story brings in with "a ..." is found so: after "I love <the
    title>. Where is it?" nothing is, and "it" stays the object the question names.
    """
    before = question[: max(question.rfind(ask), 0)]
    brought_in = parse.introduced(before) if before.strip() else []
    found = []
    for kind in parse.pro_forms(ask):
        found += [named for named, sex in brought_in if kind in sex.split()][-1:]
    return list(dict.fromkeys(found))


def _things(phrases: list[str]) -> list[str]:
    """The phrases that name things, not times ("the 1620s", "the end of the 15th century").

    "X of <a time>" is a time too when X is one word ("the turn of the century"); a longer X
    keeps its own words ("the Kraak porcelain bowl of the 1600s" -> "Kraak porcelain bowl").
    """
    out = []
    for phrase in phrases:
        head, _, of = phrase.partition(" of ")
        if _a_time(phrase) or (of and _a_time(of) and len(head.split()) == 1):
            continue
        if of and fold(head) in _ASKED_OF_A_THING:
            phrase = of  # "the point of the jade cup" asks of the cup; the point is no thing
        phrase = head if of and _a_time(of) else phrase
        out.append(_undated(phrase))
    return list(dict.fromkeys(out))


# What a question asks of a thing, said as a noun before "of" it: what it was for, what it
# means.
_ASKED_OF_A_THING = frozenset(cues.PURPOSE_NOUNS) | {"meaning", "significance", "symbolism"}


def _undated(phrase: str) -> str:
    """A phrase without the age that describes its thing.

    "The 800-year-old ewer": the age is a claim about the thing (read as such), not a word of
    its name. A year stays: "the 1652 portrait" says which portrait.
    """
    rest = _without(phrase, _ages(phrase))
    return rest if content_words(rest) else phrase


def _a_time(phrase: str) -> bool:
    """Whether a phrase is all a year, decade, century or age ("17th century", "1620s")."""
    spans = [w for *_, w in shapes.years(phrase)] + _ages(phrase)
    rest = re.sub(_ERA, " ", _without(phrase, spans), flags=re.IGNORECASE)
    return bool(spans) and not content_words(rest)


def _ages(phrase: str) -> list[str]:
    """The ages a phrase gives, as written ("800-year-old")."""
    return [w for _, _, w, _ in shapes.ages(phrase, 0)]


def _without(phrase: str, spans: list[str]) -> str:
    """The phrase with each span taken out."""
    for written in spans:
        phrase = phrase.replace(written, " ")
    return " ".join(phrase.split())


def antecedents(history: Sequence[str]) -> list[str]:
    """The turns a follow-up leans on: the latest that stands on its own, and any after it.

    "Who found it?" after a question about one object and then one about another is about
    the second; after a question about an object and then "Is it big?", about that object
    still.
    """
    turns = list(history)
    start = len(turns)
    while start > 0:
        start -= 1
        if not cues.follows_on(turns[start]):
            break
    return turns[start:][-_MAX_ANTECEDENTS:]


# A conversation's thread is followed back at most this many turns.
_MAX_ANTECEDENTS = 3


def said(text: str, typed_lower: bool = False, periods: Periods | None = None) -> Said:
    """The claims a stretch of text makes, and the cues that qualify them.

    ``typed_lower``: the visitor typed it all in lower case, and only the collection's own
    names have their capitals back, so a name it does not know has none to be found by.
    ``periods``: the collection's named periods; "the Ming vase" dates it as a year would.
    """
    folded = fold(text)
    named_periods = [
        n
        for n in (periods.named_in(text) if periods else [])
        if not parse.names_a_person(text, *n.span) and not _STYLE_AFTER.match(text, n.span[1])
    ]
    dated = _dates(text, named_periods)
    aside = _aside(text, dated)
    found = [c for c in dated if c not in aside]
    found += _materials(text)
    for match in shapes.INSTITUTION.finditer(text):
        found.append(Claim("institution", match.group(1).strip(), match.span(1)))
    # "Say it in English": a language is no place the object is put in.
    spoken = languages_named(text)
    found += [c for c in _places(text) if c.span not in spoken]
    # Each count as said: "three poets here, six poets with its partner" counts both ways.
    for noun, amount in shapes.all_counts(text):
        found.append(Claim("count", noun, amount=amount))
    for pattern, _ in shapes.LOADED:
        framing = pattern.search(folded)
        if framing:
            found.append(Claim("loaded", framing.group(0), framing.span()))
    names = proper_names(text)
    for match in shapes.CAPITALISED.finditer(text):
        # "Old Kingdom", "Ming": a period's name dates the object; it names nobody.
        in_period = any(s <= match.start() < e for s, e in (n.span for n in named_periods))
        if fold(match.group(0)) in names and not in_period:
            found.append(Claim("name", match.group(0), match.span()))
    name_words = {w for n in names for w in words(n)}  # "Munch's" names Munch
    found += [
        Claim("maker", name, span)
        for name, span in shapes.maker_names(text)
        if fold(name) in name_words
    ]
    if not any(c.kind == "maker" for c in found):
        found += _credited_as_his(text, name_words)
    # What the object was made from, a thing like it the story brings in, or a print made of
    # it, has its own maker, date and place: nothing said of those is said of the object.
    others = shapes.source_spans(text) + parse.about_a_likeness(text) + parse.about_a_print(text)
    found = [c for c in found if not any(s <= c.span[0] < e for s, e in others)]
    asserts = cues.asserts_claim(text)
    return Said(
        text=text,
        claims=tuple(found),
        asserts=asserts,
        attributes=_attributes(text, folded),
        patrons=frozenset(w for m in shapes.MADE_FOR.finditer(text) for w in words(m.group(1))),
        other_event=bool(shapes.EVENT.search(folded)) and not asserts,
        lowercase=typed_lower or text == text.lower(),
        aside=tuple(aside),
    )


def _credited_as_his(text: str, name_words: set[str]) -> list[Claim]:
    """The name a sentence credits by calling the work "his" or "her" <work>.

    "X chose the colours for his <Title>", "Y used gold leaf in her screens". Read like a
    possessive (``about="his"``): an owner or a patron the object's texts name may call it
    theirs as well, so only a name its texts never mention is a false maker. Not after a verb
    of owning, giving or showing ("X bought his <Title>"), which says whose it was.
    """
    found = []
    for match in _HIS_WORK.finditer(text):
        start = max(text.rfind(p, 0, match.start()) for p in ".?!;") + 1
        before = text[start : match.start()]
        if _OWNING.search(before):
            continue
        for run in shapes.NAME_RUN.finditer(before):
            at = start + run.start()
            named = [w for w in words(run.group(0)) if w in name_words]
            if named and not opens_sentence(text, at):
                value = POSSESSIVE.sub("", run.group(0))
                found.append(Claim("maker", value, (at, at + len(value)), about="his"))
                break
    return found


# "his <a capitalised title or a word for a work>": the work the visitor says is the person's.
_HIS_WORK = re.compile(
    r"\b(?:his|her)\s+(?:own\s+|famous\s+|great\s+)?"
    rf"(?=[A-Z]|(?:{'|'.join(shapes.WORK_NOUNS)})s?\b)"
)
# Verbs that make a thing someone's without their making it.
_OWNING = re.compile(
    r"\b(?:b(?:ought|uys?|uying)|own(?:s|ed)?|s(?:old|ells?)|collect(?:s|ed)?|gave|gives?|"
    r"donat(?:es?|ed)|lent|lends?|inherit(?:s|ed)?|acquir(?:es?|ed)|kept|keeps?|hung|hangs?|"
    r"st(?:ole|eals?)|commission(?:s|ed)?|sat|sits?|posed?|shows?|showed|shown|portrays?|"
    r"portrayed|depicts?|depicted)\b",
    re.IGNORECASE,
)


def _dates(text: str, named_periods: list[Named]) -> list[Claim]:
    """The years, ages and named periods a text gives, each the object's or an event's.

    (Which of them are said of a look or another version, ``_aside`` tells.)
    """
    found: list[Claim] = []
    for lo, hi, written in shapes.years(text):
        start = text.find(written)
        if shapes.is_duration(text, start):
            continue
        span = (start, start + len(written))
        event = shapes.event_of_year(text, *span)
        # A year of another event ("found in 1820") is checked against the texts, not the date.
        exact = lo == hi and written.isdigit() and shapes.said_exactly(text, start)
        kind = "event" if event else "date"
        found.append(Claim(kind, written, span, lo, hi, about=event, exact=exact))
    for lo, hi, written, age in shapes.ages(text, date.today().year):
        start = text.find(written)
        span = (start, start + len(written))
        # "N years old" is the object's age; "found N years ago" dates another event.
        event = "" if written.lower().endswith("old") else shapes.event_of_year(text, *span)
        kind = "event" if event else "date"
        found.append(Claim(kind, written, span, lo, hi, amount=age, about=event))
    found += [_period_claim(text, named) for named in named_periods]
    return found


def _aside(text: str, dated: list[Claim]) -> list[Claim]:
    """The dates said of a look or of another version, not of the object.

    "The 1790 original of <a work>" picks a version; "a 1920s look", "looks baroque" give an
    impression.
    """
    dates = [c for c in dated if c.kind == "date"]
    versions = parse.version_dates(text, [c.value for c in dates])
    return [c for c in dates if c.value in versions or _borrowed(text, c.span)]


def _borrowed(text: str, span: tuple[int, int]) -> bool:
    """Whether a date is said of a look the object borrows or has ("a 1920s look")."""
    return _imitated(text, span[0]) or bool(_A_LOOK_AFTER.match(text, span[1]))


def _places(text: str) -> list[Claim]:
    """The places a text puts the object in ("made in Kashan", "from Delft")."""
    found = []
    for match in shapes.PLACE.finditer(text):
        # "Letters from King Gull XV's court": a name that ends in "'s" is a person's.
        possessed = POSSESSIVE.search(match.group(1)) or _POSSESSED.match(text[match.end(1) :])
        if not shapes.is_place_name(match.group(1)) or possessed:
            continue
        # "She trained in <city>": where someone lived or went says nothing of the object.
        if not parse.places_a_person(text, match.start(1)):
            found.append(Claim("place", fold(match.group(1)), match.span(1)))
    return found


def _period_claim(text: str, named: Named) -> Claim:
    """The date (or another event's) a named period in ``text`` gives, in the collection's years.

    "The <period> ewer" dates the ewer, whatever verb its clause has; "looted in the
    <period>" dates the looting.
    """
    following = re.match(r"\s+([^\W\d_][\w'’-]*)", text[named.span[1] :])
    attributive = _DETERMINER_BEFORE.search(text[: named.span[0]]) and (
        following
        and (fold(following.group(1)) not in STOPWORDS or fold(following.group(1)) in _THINGS)
    )
    event = "" if attributive else shapes.event_of_year(text, *named.span)
    low, high = named.period.low, named.period.high
    # The word after it: "the <period> ewer" describes the object, "<period> poetry" a thing
    # its texts may speak of in the same words.
    about = event or (fold(following.group(1)) if following else "")
    kind = "event" if event else "date"
    return Claim(kind, named.written, named.span, low, high, about=about, period=named.period.name)


# The rest of a name that ends in a possessive: "Gull| XV's", "Anna|'s".
_POSSESSED = re.compile(r"(?:\s+[A-ZÀ-Þ][\w-]*)*['’]s\b")
# Small words that name the object all the same: "a Ming piece", "the Edo one".
_THINGS = frozenset("piece pieces work works object objects one ones".split())
# A word that opens a noun phrase, right before a period's name: the period describes a thing.
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|this|that|these|those|its|his|her|their|our|my|your|\w+['’]s)\s+$",
    re.IGNORECASE,
)


def _attributes(text: str, folded: str) -> bool:
    """Whether the text credits the object to someone ("painted", "by", "Rembrandt's ...")."""
    if shapes.NOT_AUTHORSHIP_BY.search(folded):
        return False
    for match in shapes.ATTRIBUTION.finditer(folded):
        word = match.group(0)
        if shapes.MAKING_WORD.fullmatch(word) and not parse.credits_with(text, word):
            continue  # "the design", "in the painting": a noun, no one credited
        return True
    return False


def _materials(text: str) -> list[Claim]:
    """Materials the text says the object is made of: not a name ("Grant Wood"), not denied."""
    out: dict[str, Claim] = {}
    lowercase = text == text.lower()
    for match in re.finditer(r"[^\W\d_]+", text):
        word = fold(match.group(0))
        if word not in shapes.MATERIALS or word in out or _imitated(text, match.start()):
            continue
        if _A_LOOK_AFTER.match(text, match.end()):
            continue  # "that marble-statue look": a look it has, not what it is made of
        if (
            match.group(0)[0].isupper()
            and not lowercase
            and not opens_sentence(text, match.start())
        ):
            continue  # a capitalised "Wood" mid-sentence is part of a name
        if shapes.is_denied(text, match.start()):
            continue  # "brass rather than bronze" does not say bronze
        if _alternative(text, match):
            continue  # "wood or canvas?" asks which; it says neither
        if word in shapes.MATERIAL_KINDS["wood"] and _PLANT_AFTER.match(text, match.end()):
            continue  # "pine, bamboo and plum trees", "oak leaves": the plant, not the timber
        if _joined_to_another(text, match.end()):
            continue  # "a copper-toned glow", "ivory-white": a look, not what it is made of
        if parse.a_part_of_it(text, match.start()) or _COUNTED.search(text[: match.start()]):
            continue  # "lost its central panel", "a three-panel screen": parts, no material
        # A general word ("stone") says what it is made of only after "of", "from" or "in"
        # ("carved from blue stone"); "what stone?" asks, "the <name> stone" names.
        if word in shapes.MATERIAL_KINDS and not _MADE_OF.search(text[: match.start()]):
            continue
        out[word] = Claim("material", word, match.span())
    return list(out.values())


def _joined_to_another(text: str, end: int) -> bool:
    """Whether a material word is joined by a hyphen to a word that is no material."""
    joined = _HYPHENED.match(text, end)
    return joined is not None and fold(joined.group(1)) not in shapes.MATERIALS


_HYPHENED = re.compile(r"-([^\W\d_]+)")
# Words for a look that an object borrows from another thing: "painted to look like an old
# icon", "glazed to imitate jade", "in the style of late 1200s tiles". What follows them, in the
# same clause, is the model's date or material.
_LOOK_OF = re.compile(
    r"\b(?:look(?:s|ed|ing)?\s+like|in\s+the\s+(?:style|manner|taste|fashion)\s+of|"
    r"imitat\w*(?:\s+of)?|resembl\w*|modell?ed\s+on|pastiches?\s+of)"
    r"\s+(?:[^\W\d_][\w'’-]*[\s,]+){0,4}$",
    re.IGNORECASE,
)


def _imitated(text: str, start: int) -> bool:
    """Whether what starts at ``start`` is said of a look the object borrows or gives."""
    before = text[max(0, start - 80) : start]
    return start >= 0 and bool(_LOOK_OF.search(before) or _SEEMING.search(before))


# A verb of seeming right before, with only words of degree between: "it looks <period> to
# me", "seems almost <material>" give an impression, which the record need not share.
_SEEMING = re.compile(
    r"\b(?:look|looks|looked|seem|seems|seemed|appear|appears|appeared|feel|feels|felt)\s+"
    r"(?:(?:quite|very|so|rather|really|pretty|more|most|somewhat|almost|totally|fairly|"
    r"distinctly|truly|utterly|super|a\s+bit|a\s+little|kind\s+of|sort\s+of)\s+)*$",
    re.IGNORECASE,
)


# A period before a word for a style or manner speaks of a look, which a later piece may
# borrow: "in the Ming style", "Gothic-revival", "Renaissance-inspired shapes" date nothing.
_STYLE_AFTER = re.compile(
    r"[\s-]*(?:style[sd]?|manner|taste|fashion|revival|inspired|influenced|like|looking|esque)\b",
    re.IGNORECASE,
)


# A look named after the words that describe it: "that ancient <period> cameo-glass look", "a
# <period> feel", "a <period> sort of shape", "<period> scroll patterns". (The period and any
# material in those words are the look's, or the ornament's, not the object's own.)
_A_LOOK_AFTER = re.compile(
    r"(?:[\s-]+[^\W\d_][\w'’]*){0,2}?[\s-]+(?:look|feel|vibe|air|appearance|aesthetic|"
    r"(?:sort|kind|type)\s+of|shapes?|forms|lines|proportions|silhouette|patterns?|motifs?|"
    r"ornament(?:s|ation)?|decoration|flourish(?:es)?)\b(?!-)",
    re.IGNORECASE,
)


# A material offered as one of two: "wood or canvas", "on wood or on canvas", "bronze, or brass?".
_OR_BEFORE = re.compile(r"\bor\s+(?:(?:on|in|of|from|a|an)\s+)?$", re.IGNORECASE)
_OR_AFTER = re.compile(r"^\s*,?\s*or\b(?!\s+(?:so|something|not|what)\b)", re.IGNORECASE)


# A number joined to the word before it: "a three-panel screen", "a 2-panel folding fan".
_COUNTED = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|single|double)-$",
    re.IGNORECASE,
)
# A tree's name, alone or in a list, before a word for the living plant or a part of it.
_PLANT_AFTER = re.compile(
    r"(?:(?:\s*,\s*|\s+(?:and|or|&)\s+)[^\W\d_]+)*\s*-?\s*(?:trees?|leaf|leaves|branch(?:es)?|"
    r"boughs?|twigs?|cones?|needles|forests?|groves?|blossoms?|flowers?|fruits?|nuts?|"
    r"saplings?|seedlings?)\b",
    re.IGNORECASE,
)
# ... or within two words after "is" ("it's carved wood", "is just wood, right?"): said of the
# thing the clause is about. After a determiner it names a thing ("is the stone in it").
_MADE_OF = re.compile(
    r"(?:\b(?:of|from|in)\s+(?:[^\W\d_]+\s+){0,2}|\b(?:is|are|was|were|'s|’s)\s+"
    r"(?:(?!(?:the|a|an|this|that|these|those|its|his|her|their|my|your|our)\b)[^\W\d_]+\s+){0,2})$",
    re.IGNORECASE,
)


def _alternative(text: str, match: re.Match[str]) -> bool:
    """Whether a word is one of the choices an "A or B" question offers."""
    return bool(_OR_BEFORE.search(text[: match.start()]) or _OR_AFTER.match(text[match.end() :]))
