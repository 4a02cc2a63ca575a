"""The shapes of what a visitor may assert: years, counts, materials, museums, makers, framings.

``read`` finds them in the question once; premise rules compare them with a record. The same
count and refutation patterns read a source sentence when it is weighed against a claim.
"""

from __future__ import annotations

import calendar
import re

from assistant.answering import parse
from assistant.text import POSSESSIVE, STOPWORDS, fold, opens_sentence, stem, words

ATTRIBUTION = re.compile(
    r"\b(paint|painted|painting|sculpt\w*|carv\w*|made|make|create\w*|design\w*|drew|drawn|"
    r"draw|put|took|take|photographed|print|printed|cast|engraved|etched|modell?ed|wove|"
    r"enamell?ed|"
    # "No, I'm certain that one is a Monet": a work that "is a" name is credited to it.
    r"(?:is|was|it's|that's) an? (?=[a-z]+\W*$)|"
    r"artist|masterpiece|work of|by|\w+'s (painting|work|statue|sculpture|masterpiece|print))\b"
    # "Rembrandt's Girl with a Pearl Earring": a possessive name before the title credits it.
    r"|\b[a-z]+'s (?!own)\w+"
)
# The words of ATTRIBUTION that credit a maker only as verbs ("she painted it"), or as nouns
# with a name ("a Lindqvist painting"): a plain noun ("the design", "the painting") credits no one.
MAKING_WORD = re.compile(
    r"paint|painted|painting|sculpt\w*|carv\w*|made|make|create\w*|design\w*|drew|drawn|draw|"
    r"put|took|take|photographed|print|printed|cast|engraved|etched|modell?ed|wove|enamell?ed"
)
NOT_AUTHORSHIP_BY = re.compile(
    r"\b(commissioned|owned|bought|acquired|donated|given|stolen|restored|lent|sold|found|"
    r"discovered|collected|inspired|influenced|admired|copied|damaged)\s+by\b"
)
MADE_FOR = re.compile(
    r"\b(?:made|painted|carved|created|built|designed|commissioned|intended|given|owned)\s+"
    r"(?:especially\s+|specially\s+)?for\s+((?:[A-ZÀ-Þ][\w'’.-]*\s?){1,4})"
)
# "Who stole the Mona Lisa in 1911?" dates a theft, not the painting.
# The words an object's turning up is told with: as written ("dug up at <site>") and as a
# visitor asks it ("where did they dig it up?").
FINDING = ("found", "discovered", "excavated", "unearthed", "dug up", "uncovered", "turned up")
FINDING_ASKED = ("find", "discover", "excavate", "unearth", "dig", "turn up")
EVENT = re.compile(
    r"\b(stole|stolen|theft|found|discovered|excavated|bought|acquired|sold|lent|exhibited|"
    r"restored|recovered|returned|damaged|moved|donated|arrived|rediscovered|printed in)\b"
)
# The same events in the base form a visitor asks with ("when did they buy it?").
EVENT_ASKED = re.compile(
    r"\b(steal|find|discover|excavate|dig|buy|acquire|purchase|sell|lend|exhibit|show|restore|"
    r"recover|return|donate|arrive|rediscover|receive|obtain|"
    # "When did the museum get it?" is its acquisition; "when did it get made?" its making.
    r"get(?!\s+(?:made|painted|built|carved|cast|created|finished|done|drawn|printed)\b))\b"
)
# What was believed of an object before: "was once thought", "used to be attributed",
# "formerly believed", "until recently regarded".
FORMERLY = re.compile(
    r"\b(?:(?:once|formerly|previously|originally|long|first|earlier)\s+(?:been\s+)?"
    r"(?:thought|believed|attributed|considered|regarded|assumed|said|given)|"
    r"used\s+to\s+be\s+(?:thought|believed|attributed|considered|regarded|given)|"
    r"until\s+recently)\b"
)
# A credit to the maker of the work a record follows, not of the record's object: "After
# <Maker>", "Copy after <Maker>", "Style of <Maker>" (made in his manner by someone else).
MODEL_CREDIT = re.compile(
    r"^\s*(?:(?:copy\s+)?after|(?:in the )?(?:style|manner) of)\b", re.IGNORECASE
)
MAKER_VERB = re.compile(
    r"\b(paint|painted|made|make|carved?|sculpted|created?|designed?|drew|draw|printed|took)\b"
)
# Words after which a lowercase run names a person: "did X paint", "says X made".
MAKER_CUES = frozenset(
    "did does didn't doesn't says said say thinks think thought believes claims heard that "
    "and".split()
)
# "from ancient Italy", "in northern Spain": a word of when or which part before the place.
PLACE = re.compile(
    r"\b(?:in|at|from|near)\s+(?:(?:ancient|old|modern|medieval|present-day|northern|southern|"
    r"eastern|western|central|north|south|east|west)\s+)?([A-ZÀ-Þ][\w'’-]+)"
)
CAPITALISED = re.compile(r"\b[A-ZÀ-Þ][\w'’-]+")

# A year stands alone: "557" inside "W.557.2B" is part of a code, not a date.
_YEAR = re.compile(r"(?<![\w.,\-])(\d{3,4})(?![\w.,\-]\w)\s*(bc|bce|b\.c\.)?\b", re.IGNORECASE)
_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
_ORDINALS = {w: i for i, w in enumerate(_ORDINAL_WORDS, start=1)} | {
    "twenty-first": 21,
}
_CENTURY = re.compile(
    r"\b(\d{1,2}(?=st|nd|rd|th)|twenty[\s-]first|" + "|".join(_ORDINAL_WORDS) + r")"
    r"(?:st|nd|rd|th)?[\s-]+century\s*(bc|bce)?\b",
    re.IGNORECASE,
)
# "the 1890s", "1600s": a decade, or a century when it ends in 00.
_DECADE = re.compile(r"(?<![\w.,\-])(\d{2,3}0)['’]?s\b")
# A museum's name: "<Name> Museum (of <Place>)", or one known by a single word.
_INSTITUTION_NAME = (
    r"((?:[A-Z][\w'’.-]*\s?){1,5}(?:Museum|Gallery|Collection|Library|Institute)"
    r"(?:\s+of\s+(?:[A-Z][\w'’.-]*\s?){1,4})?|Louvre|Prado|Uffizi|Rijksmuseum|Hermitage|"
    r"Mauritshuis|Met|MoMA|Tate(?:\s+\w+)?|Getty|Smithsonian|Vatican|Orsay|Guggenheim)"
)
INSTITUTION = re.compile(
    r"\b(?:in|at|from|to|of|owned by|belongs? to)\s+(?:the\s+)?" + _INSTITUTION_NAME
)
INSTITUTION_NAME = re.compile(r"\b" + _INSTITUTION_NAME)
_NAMED_MATERIALS = frozenset(
    """canvas panel wood poplar oak oil tempera fresco acrylic watercolor watercolour gouache
    marble bronze gold silver copper iron steel basalt granite granodiorite limestone sandstone
    jade ivory bone glass porcelain stoneware earthenware terracotta clay silk cotton wool
    linen paper parchment vellum plaster lacquer enamel brass tin lead wax ceramic tapestry
    embroidery woodblock lithograph etching engraving photograph pastel charcoal ink
    stone metal""".split()
)
# A visitor's general word for a material, and the record media it covers: "stone" is true of
# a limestone relief, and false of a faience hippo.
MATERIAL_KINDS: dict[str, frozenset[str]] = {
    "stone": frozenset(
        """stone limestone sandstone granite granodiorite basalt marble alabaster jade
        schist steatite soapstone serpentine diorite quartzite slate porphyry obsidian flint
        gneiss travertine tuff chalcedony agate jasper lapis""".split()
    ),
    "metal": frozenset(
        """metal bronze gold silver copper iron steel brass tin lead pewter electrum alloy
        gilt""".split()
    ),
    # Fired clay of every body: "the ceramic lamp" is true of a fritware one.
    "ceramic": frozenset(
        """ceramic fritware earthenware stoneware porcelain faience terracotta majolica
        maiolica pottery clay""".split()
    ),
    # Woods by their trees: "wood" is true of an oak panel. (Not "pear", "cherry", "lime" or
    # "ash", which are more often a shape, a colour or a residue than a timber.) A painting's
    # panel is its wooden support unless the record says what else.
    "wood": frozenset(
        """wood oak pine poplar walnut beech maple fir spruce ebony mahogany boxwood cedar
        birch elm yew limewood pearwood fruitwood rosewood teak panel""".split()
    ),
}
MATERIAL_KINDS["ceramics"] = MATERIAL_KINDS["pottery"] = MATERIAL_KINDS["ceramic"]
# What a material word is true of: the kinds, and "clay", which is every fired clay body
# (Egyptian faience and frit are quartz, not clay). Unlike "stone" or "wood", "clay" is no
# word of names or scenes, so "it is just baked clay" states a material (not MATERIAL_KINDS).
MATERIAL_COVERS: dict[str, frozenset[str]] = {
    **MATERIAL_KINDS,
    "clay": MATERIAL_KINDS["ceramic"] - {"faience", "fritware"},
}


def borne_out(word: str, medium: set[str]) -> bool:
    """Whether a medium (its words' stems) names a material, or a material the word covers.

    "Stone" is borne out by "limestone"; "pine" by a medium that says only "wood" (the record
    neither confirms nor denies the tree: the visitor's word stands unchecked).
    """
    if stem(word) in medium:
        return True
    if any(stem(m) in medium for m in MATERIAL_COVERS.get(word, frozenset())):
        return True
    return any(
        stem(kind) in medium and word in members for kind, members in MATERIAL_COVERS.items()
    )


# Every stone and metal a kind covers is a material a visitor may name ("soft grey schist").
MATERIALS = _NAMED_MATERIALS | frozenset().union(*MATERIAL_KINDS.values())

# Conspiracy and pseudo-history framings, each with the words a refuting source would use.
LOADED: list[tuple[re.Pattern[str], re.Pattern[str]]] = [
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
REFUTES = re.compile(
    # "A myth", "the legend that ...": a story called one, not "the saint's legend" told.
    r"\b((?:is|was|are|were|remains?|only|merely|just|a|an|pure|popular)\s+(?:myth|legend)s?|"
    r"(?:myth|legend)s? that|"
    r"wrong|untrue|false|mistaken|no evidence|unproven|fiction|fictional|"
    r"disproved|rejected|misconception|modern invention|not supported|no such|misleading|"
    r"inaccurate|exaggerat\w*|unfounded|baseless|"
    # "... which gave rise to the popular idea that it was a lamp": a text that names a
    # belief as popular or common says it is not the text's own.
    r"popular (?:idea|belief|notion|view|story)|commonly (?:believed|thought|assumed)|"
    r"widely (?:believed|thought|assumed))\b"
)


def years(text: str) -> list[tuple[int, int, str]]:
    """Years, decades and centuries the text names, as (earliest, latest, as written).

    "the 1890s" is 1890-1899, "the 1600s" the whole century, as people mean it; "the
    seventeenth century" is the 17th.
    """
    spans: list[tuple[int, int, str]] = []
    for match in _CENTURY.finditer(text):
        number = match.group(1)
        c = int(number) if number.isdigit() else _ORDINALS[number.lower().replace(" ", "-")]
        lo, hi = (c - 1) * 100 + 1, c * 100
        if match.group(2):
            lo, hi = -hi, -lo
        spans.append((lo, hi, match.group(0).strip()))
    rest = _CENTURY.sub(" ", text)
    for match in _DECADE.finditer(rest):
        start = int(match.group(1))
        width = 100 if start % 100 == 0 else 10
        spans.append((start, start + width - 1, match.group(0).strip()))
    rest = _OBJECT_AGE.sub(" ", _DECADE.sub(" ", rest))  # "about 140 years old" is an age
    for match in _YEAR.finditer(rest):
        year = int(match.group(1))
        if match.group(2):
            year = -year
        spans.append((year, year, match.group(0).strip()))
    return spans


def ages(text: str, this_year: int) -> list[tuple[int, int, str, int]]:
    """An object's age as the years it allows: (earliest, latest, as written, years of age).

    "over 3,000 years old" allows any year up to ``this_year`` - 3000; "about 140 years ago"
    the year 140 before this one (its slack is the date check's, by the age). An age a person
    can reach ("67 years old") is someone's, not the object's.
    """
    found = []
    for match in _OBJECT_AGE.finditer(text):
        bound, number, scale, _ = (g.lower() if g else g for g in match.groups())
        n = _number(number) * _SCALES.get(scale or "", 1)
        if n <= 0 or _is_persons_age(match):
            continue
        year = this_year - int(n)
        lo, hi = {"over": (_EARLIEST, year), "under": (year, this_year)}.get(
            _BOUNDS.get(bound or "", ""), (year, year)
        )
        found.append((lo, hi, match.group(0), int(n)))
    return found


def _is_persons_age(match: re.Match[str]) -> bool:
    """Whether an age matched by ``_OBJECT_AGE`` is one a person reaches ("67 years old")."""
    _, number, scale, old_or_ago = (g.lower() if g else g for g in match.groups())
    return old_or_ago == "old" and _number(number) * _SCALES.get(scale or "", 1) <= _OLDEST_PERSON


def _number(written: str) -> float:
    """The value of a number as written: "2,000" is 2000.0, "two" 2.0."""
    word = _NUMBER_WORDS.get(written)
    return float(word) if word is not None else float(written.replace(",", ""))


_OLDEST_PERSON = 120  # an age above this is an object's, never a sitter's
_EARLIEST = -1_000_000  # "over 3,000 years old": no earliest year
_BOUNDS = {
    "over": "over",
    "more than": "over",
    "at least": "over",
    "older than": "over",
    "under": "under",
    "less than": "under",
    "not even": "under",
}


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
    # A comma joins a count's digits only before three more ("3,000"): "1640, right?" is a year.
    r"\b(\d+(?:,\d{3})*(?:\.\d+)?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
    r"(?:\s+(hundred|thousand|million|billion))?\s+([a-z]+)\b"
)


# Four digits before a singular noun are a year ("the 1893 painting"), not a count of it.
_FOUR_DIGITS = re.compile(r"\d{4}")
# Plurals that do not end in "s": a count before one of these is a count ("1500 men").
_IRREGULAR_PLURALS = frozenset("men women children people feet teeth geese mice oxen".split())


def _plural(noun: str) -> bool:
    """Whether a noun as written is plural (by its ending, or one of the irregular plurals)."""
    return noun.endswith("s") or noun in _IRREGULAR_PLURALS


# "One ..., the other ...", "one ... another": "one" picks one of several.
_THE_OTHER = re.compile(r"\b(?:the other|another|the second)\b")


_OBJECT_AGE = re.compile(
    r"\b(?:(" + "|".join(_BOUNDS) + r"|about|around|roughly|nearly|almost|some)\s+)?"
    r"(\d{1,3}(?:,\d{3})+|\d+|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
    r"(?:[\s-]+(hundred|thousand))?[\s-]+years?[\s-]+(old|ago)\b",
    re.IGNORECASE,
)
_NUMBER = r"(\d+|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
# Words that may follow an age ("when he was twenty when ..."); any other word is what is
# counted ("they were twenty knights").
_CLAUSE_WORDS = r"(?:when|while|then|and|but|because|before|after|years)\b"
_ROUGHLY = r"(?:about|around|roughly|nearly|almost|only|just|over|under|some)\s+"
# An age, said as people say it: "seventy years old", "aged 40", "at the age of 40", "when he
# was about twenty" (a person's "was <number>" with nothing counted after it).
_AGE = re.compile(
    rf"\b{_NUMBER}\s+years?\s+old\b|\b(?:aged|age of)\s+(?:{_ROUGHLY})?{_NUMBER}\b|"
    rf"\b(?:(?:he|she|they)\s+(?:was|were|is)|(?:was|were|is)\s+(?:he|she|they))\s+"
    rf"(?:{_ROUGHLY})?{_NUMBER}\b(?!\s+(?!{_CLAUSE_WORDS})[a-z]{{3,}})"
)


def quantities(text: str) -> dict[str, float]:
    """Counted things and how many: "26 million knots" -> {"knot": 26e6}; an age as "age".

    A thing counted twice keeps its last count; ``all_counts`` has every one.
    """
    return dict(all_counts(text))


# What a work is called, whatever it is: "his <work>", "<Name>'s <work>" credit the one named.
WORK_NOUNS = (
    "painting picture portrait statue sculpture print drawing screen work masterpiece canvas "
    "panel vase"
).split()
# "of a/an/the/its ..." after "one <noun>": the whole the one belongs to.
_OF_A_WHOLE = re.compile(r"\s+of\s+(?:a|an|the|its|his|her|their|this|that)\b")


def all_counts(text: str) -> list[tuple[str, float]]:
    """Every (counted thing, how many) in the text, in order; an age as "age"."""
    found: list[tuple[str, float]] = []
    # "over 3,000 years old" is the object's age, a date (``ages``), not a count of years.
    text = _OBJECT_AGE.sub(lambda m: m.group(0) if _is_persons_age(m) else " ", fold(text))
    for match in _AGE.finditer(text):
        number = next(g for g in match.groups() if g)
        word = _NUMBER_WORDS.get(number)
        if number not in {"a", "an"}:
            found.append(("age", float(word) if word is not None else float(number)))
    for match in _QUANTITY.finditer(text):
        number, scale, noun = match.groups(default="")
        if noun in _SCALES or noun in STOPWORDS or len(noun) < 3:
            continue
        if number == "one" and _THE_OTHER.search(text, match.end()):
            continue  # "one bull holds the hook, the other the loop": one of them, not a count
        if number == "one" and _OF_A_WHOLE.match(text, match.end()):
            continue  # "one wing of a triptych": one of its parts, not how many it has
        if number in {"a", "an"} and not scale:
            continue  # "a canvas" is an article, not a count ("a million dollars" is one)
        if _FOUR_DIGITS.fullmatch(number) and not scale and not _plural(noun):
            continue  # "the 1893 painting" dates the painting; it counts nothing
        word = _NUMBER_WORDS.get(number)
        value = float(word) if word is not None else float(number.replace(",", ""))
        found.append((stem(noun), value * _SCALES.get(scale, 1)))
    return found


# -- where in a sentence a claim sits -------------------------------------------------------------
# A name is credited with making the object only in a maker's slot: the subject of a making verb
# ("Vermeer painted"), the agent after "by", a possessive before the work ("Vermeer's"), or the
# complement of "it was" / "is a" ("my guide said it was Vermeer", "that one is a Monet").
NAME_PARTICLES = r"(?:van|von|de|der|den|da|di|del|della|la|le|du|ter|ibn|y)"
# Capitalised words in a row, as a name is written ("Anna van der Berg's").
NAME_RUN = re.compile(r"[A-ZÀ-Þ][\w'’-]*(?:\s+(?:" + NAME_PARTICLES + r"\s+)*[A-ZÀ-Þ][\w'’-]*)*")
_MAKING = (
    r"(?:paint|painted|paints|made|make|makes|carved?|carves|sculpted|sculpts|created?|creates|drawn|"
    r"designed?|designs|drew|draws?|printed|prints|took|photographed|built|builds|cast|wove|"
    r"engraved|etched|modell?ed|enamell?ed|put|wrote|written|writes?)"
)
# Who makes things, as a visitor names them: "a Greek sculptor carved", "an Inca goldsmith made".
_MAKER_ROLES = (
    r"(?:artist|painter|sculptor|carver|potter|goldsmith|silversmith|smith|craftsman|"
    r"craftsmen|master|workshop|weaver|photographer|architect|scribe|engraver)s?"
)
_AFTER_MAKER = re.compile(
    # "the box with the story of Moses made of?": "made of" tells the material, not its maker.
    r"^(?:['’]s\b|\s+(?:"
    + _MAKER_ROLES
    + r"\s+)?(?:\w+ly\s+)?(?:to\s+)?"
    + _MAKING
    + r"\b(?!\s+(?:of|from)\b)|"
    # "Matisse, thinking of what when he painted it": the name is the "he" who made it.
    r"[\s,]+(?:[\w'’]+\s+){0,4}?(?:he|she|they)\s+(?:\w+ly\s+)?" + _MAKING + r"\b)"
)
# "What is <the work> painted on?", "How was <the work> made?": a question of the thing made,
# in the passive, that the small parser may read as a name painting something.
_ASKED_OF_THE_MADE = re.compile(
    r"(?:^|[.!?]\s+)(?:what|how|where|when|why|in what|on what|with what|by whom)\s+"
    r"(?:is|are|was|were)\s+(?:(?!\b(?:that|who|which|whom|it)\b)[^.?!,])*$",
    re.IGNORECASE,
)
_MADE_ENDS_ASK = re.compile(
    r"^\s+" + _MAKING + r"(?:\s+(?:on|with|in|by|from|of|for|out of))?\s*\?", re.IGNORECASE
)
# A name told as what a thing shows or is of ("the plate with <a figure>", "scenes from <a
# poem>"): before a making verb, the thing was made, not made by the name.
_SHOWN_BEFORE = re.compile(
    r"\b(?:with|of|from|showing|depicting|featuring)\s+(?:the\s+|a\s+|an\s+)?$", re.IGNORECASE
)
_BEFORE_MAKER = re.compile(
    r"(?:\bby(?:\s+the)?|\b(?:it|that|this|one|he|she)\s+(?:is|was|'s|’s)(?:\s+an?)?|"
    r"\b" + _MAKER_ROLES + r"\s+(?:is|was))\s+$",
    re.IGNORECASE,
)
_DURATION = re.compile(r"\b(?:since|until|till)\s+(?:the\s+)?$", re.IGNORECASE)
_DENIED = re.compile(r"\b(?:not|never|no|rather than|instead of)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_NOT_PLACES = frozenset(fold(m) for m in [*calendar.month_name[1:], *calendar.day_name] if m)


_NOT_AUTHOR_VERBS = (
    "commissioned owned bought acquired donated given stolen restored lent sold found "
    "discovered collected inspired influenced admired copied damaged"
).split()


def maker_names(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Names in a maker's slot, word by word ("Edvard", "Munch"), with where they are."""
    found = []
    for run in NAME_RUN.finditer(text):
        # "Why's", "It's", "That's": a function word's "'s" is "is", not a possessive.
        tokens = [
            t
            for t in re.finditer(r"[A-ZÀ-Þ][\w'’-]*", run.group(0))
            if fold(POSSESSIVE.sub("", t.group(0))) not in STOPWORDS
        ]
        if not tokens:
            continue
        owner = next((i for i, t in enumerate(tokens) if POSSESSIVE.search(t.group(0))), None)
        if owner is not None:
            tokens = tokens[: owner + 1]  # "Munch's Harbour": the possessive ends the name
        start, end = run.start() + tokens[0].start(), run.start() + tokens[-1].end()
        before, after = text[:start], text[end:]
        if owner is None and not _in_maker_slot(before, after):
            continue
        if owner is None and _IS_A.search(before) and parse.called_a_person(text, start):
            continue  # "the man on the left is an Egyptian": who he is, not who made it
        if owner is None and _AFTER_MAKER.match(after) and parse.passive_subject_at(text, start):
            continue  # "How were A and B printed?": B is what was printed
        if owner is None and _ASKED_OF_THE_MADE.search(before) and _MADE_ENDS_ASK.match(after):
            continue  # "What is <a title> painted on?": what the ask is of was painted
        if owner is None and _SHOWN_BEFORE.search(before) and _AFTER_MAKER.match(after):
            continue  # "was the plate with <a figure> painted in ...": the plate was painted
        if len(tokens) > 1 and opens_sentence(text, start):
            tokens = tokens[1:]  # "Since Rembrandt painted": an opening word is not a name
        for token in tokens:
            value = POSSESSIVE.sub("", token.group(0))
            at = run.start() + token.start()
            found.append((value, (at, at + len(value))))
    return found


def _in_maker_slot(before: str, after: str) -> bool:
    """Whether a name between ``before`` and ``after`` is the one credited with the making."""
    if _NOT_AUTHOR_BY.search(before):
        return False  # "bought by X" names an owner
    if _MADE_COPIES.match(after):
        return False  # "X made copies of <the object>": X made the copies
    if _AFTER_MAKER.match(after) or _BEFORE_MAKER.search(before):
        return True
    # "... is a Munch." credits the work to the name that ends the sentence.
    return bool(_IS_A.search(before)) and bool(re.match(r"^\s*(?:[.!?]|$)", after))


_NOT_AUTHOR_BY = re.compile(
    r"\b(?:" + "|".join(_NOT_AUTHOR_VERBS) + r")(?:\s+\w+)?\s+by(?:\s+the)?\s+$", re.IGNORECASE
)
# What a thing was made from, told as another object: "based on a woodcut by X", "copied
# after a bronze of 1520", "modelled on an old etching". What that phrase says (its maker,
# material, year) is said of the source, not of the object asked about.
# ("After the war" is a time: a bare "after" names a source only as "after a ...".)
# Told in the visitor's own verb too: "comes from woodcuts by X", "takes its scenes from
# engravings after X", "it goes back to an etching by X".
_SOURCE = re.compile(
    r"\b(?:(?:based|modell?ed|copied|derived|adapted|taken)\s+(?:on|after|from)\s+"
    r"(?:an?|one|some|the)|"
    r"(?:copies|copy of|after|follows|reproduces|repeats|imitates|echoes)\s+(?:an?|one|some)|"
    r"(?:goes|go|went)\s+back\s+to|"
    # "came from <a town>" says where it was; "comes from woodcuts by X" names a source.
    r"(?:comes?|came)\s+from(?=\s+(?:[\w'’-]+\s+){1,4}?(?:by|after)\s)|"
    r"(?:takes?|took|borrows?|borrowed|adapts?|draws?|drew|copies)\s+"
    r"(?:(?:its|their|his|her|the)\s+(?:[\w-]+\s+){0,2}?)?from)\s",
    re.IGNORECASE,
)
_SOURCE_END = re.compile(r"[,;:.!?]|\b(?:and|but|because|while|when|so)\b", re.IGNORECASE)


# Copies made of the object, with what they are made of: "plaster copies of <it>", "made an
# engraving of <it>" (a print made of a painting is another object, and not the painting's
# material).
_COPIES = re.compile(
    r"(?:(?:\b[^\W\d_][\w'’-]*\s+){0,2}(?:copies|replicas|reproductions|imitations)|"
    r"\b(?:made|produced|published|did)\s+(?:an?\s+)?(?:[\w'’-]+\s+)?"
    r"(?:engraving|etching|print|lithograph|cast|copy|replica))\s+(?:of|after)\s",
    re.IGNORECASE,
)


def source_spans(text: str) -> list[tuple[int, int]]:
    """Where a text names what the object was made from, or copies of it, to the clause's end."""
    spans = []
    for match in [*_SOURCE.finditer(text), *_COPIES.finditer(text)]:
        end = _SOURCE_END.search(text, match.end())
        spans.append((match.start(), end.start() if end else len(text)))
    return spans


_MADE_COPIES = re.compile(
    r"^\s+(?:\w+ly\s+)?" + _MAKING + r"\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:copies|copy|replicas?|reproductions?|imitations?)\s+(?:of|after)\b",
    re.IGNORECASE,
)
_IS_A = re.compile(r"\b(?:is|was|'s|’s)\s+an?\s+$", re.IGNORECASE)


_CLAUSE_BREAK = re.compile(
    r"[,;:.!?]|\b(?:and|but|because|while|after|before|when)\b", re.IGNORECASE
)
_MAKING_WORDS = re.compile(
    r"\b(?:" + _MAKING[3:-1] + r"|finished|completed|dated?|dates|century|made)\b",
    re.IGNORECASE,
)
# Past forms that date an event: regular "-ed", and the irregular ones English has.
_PAST = (
    r"\b[a-z]{3,}ed\b|\b(?:dug|stole|stolen|sold|found|bought|lost|broke|broken|shown|given|seen|"
    r"hidden|won|lent|sent|brought|kept|held|hung|stood|fell|fallen|went|gone|came|began|begun|"
    r"died|born|ran|led|wrote|written|gave|got|gotten)\b"
)
_PAST_VERB = re.compile(_PAST)
# "A bowl from 1790" dates the bowl; "he reigned from 1493" dates the reign, and "stolen in
# 1911 from a shop" says where from: only "from" right before the year dates the object.
_APPROX = r"(?:(?:about|around|circa|c\.|ca\.)\s+)?"
_FROM_YEAR = re.compile(rf"\bfrom\s+{_APPROX}$")
_VERB_FROM_YEAR = re.compile(rf"(?:{_PAST})\s+from\s+{_APPROX}$")


def _clause(text: str, start: int, end: int) -> str:
    left = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)]
    right = _CLAUSE_BREAK.search(text, end)
    return text[left[-1] if left else 0 : right.start() if right else len(text)]


# Events a visitor dates, by kind: "dug up" and "discovered" are the same finding.
_EVENT_KINDS = {
    "find": "found discovered dug excavated unearthed uncovered rediscovered",
    "theft": "stole stolen",
    "acquisition": "bought acquired purchased gave given donated gifted bequeathed got gotten",
}
_EVENT_KIND = {w: kind for kind, ws in _EVENT_KINDS.items() for w in ws.split()}


def event_of_year(text: str, start: int, end: int) -> str:
    """The kind of event the year at ``start`` dates, or "" when it dates the making.

    "Lloyd smashed the vase in 1845" dates a smashing; in "painted in 1790" or "from 1790" the
    year is the object's. Judged in the year's own clause.
    """
    clause = _clause(text, start, end)
    verb = _PAST_VERB.search(clause.lower())
    if _MAKING_WORDS.search(clause):
        return ""
    if not verb:
        # "gave the museum this glazed blue and white jug in 1983": the "and" of a long name
        # cuts the year's clause from its verb, which the parse still finds. Only a verb of
        # finding, stealing or acquiring counts here: the rest date the object as before.
        kinds = (_EVENT_KIND.get(v, "") for v in parse.verbs_above(text, start))
        return next((k for k in kinds if k), "")
    before = text[:start].lower()
    if _FROM_YEAR.search(before) and not _VERB_FROM_YEAR.search(before):
        return ""
    return _EVENT_KIND.get(verb.group(0), verb.group(0))


def dates_another_event(text: str, start: int, end: int) -> bool:
    """Whether the year at ``start`` dates something other than the making."""
    return bool(event_of_year(text, start, end))


def is_duration(text: str, start: int) -> bool:
    """Whether the year at ``start`` bounds a state ("since 1802"), not the making."""
    return bool(_DURATION.search(text[:start]))


def is_denied(text: str, start: int) -> bool:
    """Whether the word at ``start`` is denied ("not bronze", "rather than bronze")."""
    return bool(_DENIED.search(text[:start]))


def is_place_name(word: str) -> bool:
    """Whether a capitalised word after "in" can be a place ("in June" is a date).

    A small word is none: "in My Aunt Is Away" opens a title, "in The ..." a name whose
    place, if any, is a later word.
    """
    return fold(word) not in _NOT_PLACES and fold(word) not in STOPWORDS


# The word right before a year (past "the year") that makes it approximate or a bound
# ("before 1650" of a record dated 1642 is true); "c." and "ca." are read by their letters.
# The other languages' words are in their claim tables (claims_by_language.Words).
APPROXIMATE_YEAR = frozenset(
    "about around circa c ca approximately roughly some towards toward nearly almost "
    "before after by until till than since".split()
)
_YEAR_FILLERS = frozenset("the year in of a".split())
_YEAR_REACH = 40  # characters before a year searched for such a word


def said_exactly(
    text: str,
    start: int,
    approximate: frozenset[str] = APPROXIMATE_YEAR,
    fillers: frozenset[str] = _YEAR_FILLERS,
) -> bool:
    """Whether the year at ``start`` is said bare: no approximating or bounding word before it."""
    before = words(text[max(0, start - _YEAR_REACH) : start])
    while before and before[-1] in fillers:
        before.pop()
    return not (before and before[-1] in approximate)
