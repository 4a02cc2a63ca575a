"""Sentence splitting, normalisation and the token classes the verifier cares about."""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from typing import TYPE_CHECKING

import pysbd
import snowballstemmer
from breame.spelling import get_american_spelling

if TYPE_CHECKING:
    from spellchecker.spellchecker import WordFrequency

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not of off on once only or other
    our ours ourselves out over own same she should so some such than that the their theirs
    them themselves then there these they this those through to too under until up very was we
    were what when where which while who whom why will with would you your yours yourself tell
    please know known made make makes one ones two many much may might must shall us yes
    work works object objects piece museum collection today also still isn't wasn't aren't
    weren't didn't doesn't don't can't won't hasn't haven't it's that's there's i'm you're
    what's who's yes""".split()
)
NEGATIONS = frozenset({"not", "no", "never", "neither", "nor", "none", "nothing", "without"})
# Words that open a sentence or name a generic thing; capitalised, but not proper names.
_COMMON_CAPITALISED = frozenset(
    """the a an it its this that these those he she they his her their there in on at by for
    from of to with as but and or is was are were when where who what which why how however
    although while during after before some many most one two three according yes no did
    does do is was were are can could would should will has have had tell please may might
    must shall i i'm i've my me you your we our so if then not isn't wasn't aren't didn't
    doesn't don't can't ok okay hi hello hey thanks wow really sure ad bc bce ce describe
    explain show give list name compare summarise summarize say put order rank sort same
    whose what's who's where's when's how's it's that's there's""".split()
) | (STOPWORDS - {"museum", "collection", "object", "objects"})  # "Am I ...?" names nobody

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_NUMBER = re.compile(r"\b\d[\d,.]*\d\b|\b\d\b")
# Accession-like tokens: letters/digits joined by dots or dashes, containing a digit.
_ACCESSION = re.compile(r"\b(?=[\w.\-]*\d)[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)+\b")
_CAPITALISED = re.compile(r"(?<![\w'’])[A-ZÀ-ÖØ-Þ][\w’'\-]*")  # not "Avignon" in "d'Avignon"


# A possessive ending ("Lindqvist's", "Munch’s"), with either apostrophe.
POSSESSIVE = re.compile(r"['’]s$")

# After these a word opens a sentence or a quotation, where a capital says nothing of a name.
_SENTENCE_OPENERS = frozenset('.!?"“(')


def opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence or a quotation in ``text``."""
    before = text[:start].rstrip()
    return not before or before[-1] in _SENTENCE_OPENERS


def fold(text: str) -> str:
    """Lower-case and strip accents, so 'Gérôme' matches 'Gerome'."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold().replace("’", "'").replace("–", "-").replace("—", "-")


_per_thread = threading.local()


def _with_curatorial_abbreviations() -> None:
    """Teach pysbd the abbreviations of curatorial texts it splits at.

    "Sts." and "SS." (saints, plural), as it knows "St.": texts list saints so ("the saints
    in the arches: Sts. <A> and <B>"). "ca." and "fl." before a year ("of ca. 1440 (<a
    library>, M.917)"): pysbd knows neither, and a sentence cut there ends in "ca." while the
    year and the rest read as a sentence of their own. Only lower-case words: "C." or "B."
    also ends a sentence ("Section C.").
    """
    from pysbd.lang.english import English

    abbreviation = English.Abbreviation
    for words_, added in (
        (abbreviation.ABBREVIATIONS, ("sts", "ss", "ca", "fl")),
        (abbreviation.PREPOSITIVE_ABBREVIATIONS, ("sts", "ss")),
        (abbreviation.NUMBER_ABBREVIATIONS, ("ca", "fl")),
    ):
        words_.extend(a for a in added if a not in words_)


_with_curatorial_abbreviations()


def _segmenter() -> pysbd.Segmenter:
    # One per thread: ``Segmenter.segment`` keeps the text on the instance, so a segmenter
    # shared by the API's worker threads returns [] or another text's sentences.
    segmenter: pysbd.Segmenter | None = getattr(_per_thread, "segmenter", None)
    if segmenter is None:
        segmenter = _per_thread.segmenter = pysbd.Segmenter(language="en", clean=False)
    return segmenter


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences (abbreviation-aware: 'ca. 1530', 'St. Jerome', 'W.569')."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n", text):
        para = " ".join(para.split())
        if not para:
            continue
        out.extend(s.strip() for s in _segmenter().segment(para) if s.strip())
    return out


def everyday_frequency(word: str, language: str = "en") -> float:
    """How often ``word`` is used in everyday ``language``, as a share of all words used.

    From pyspellchecker's word lists (counted in film subtitles): "hand" 2e-4, "turner" 3e-7,
    "vermeer" 3e-8. A name seldom is an everyday word; a word it does not list is 0.
    """
    if word in _UNLISTED.get(language, ()):
        return _UNLISTED_SHARE
    counts = _word_counts(language)
    return counts[word] / max(counts.total_words, 1)


# pyspellchecker 0.9.1's Spanish list lacks most conjugated forms of its commonest verbs
# ("fue", "puede", "hay"), so "¿Fue tallado ...?" would open with a name. These are among the
# commonest words of the language; they count as everyday at this share.
_UNLISTED = {
    "es": frozenset(
        """fue fueron fui era eran puede pueden pudo podria podrian hizo hicieron tiene tienen
        tenia hay esta estan estaba estaban habia habian seria serian sera seran cree creo
        crees sabe sabes se dice dicen dijo hace hacen quiso quiere quieren""".split()
    )
}
_UNLISTED_SHARE = 1e-4


@functools.cache
def _word_counts(language: str) -> WordFrequency:
    from spellchecker import SpellChecker

    return SpellChecker(language, distance=1).word_frequency


def words(text: str) -> list[str]:
    """Folded word tokens, possessives trimmed ("museum's" -> "museum"), titles written out."""
    return [w[:-2] if w.endswith("'s") else w for w in _WORD.findall(written_out(fold(text)))]


def written_out(folded: str) -> str:
    """A folded text with a title's abbreviation written out ("st. olaf" -> "saint olaf").

    A record's "St. Olaf" is the visitor's "Saint Olaf", the visitor's "St Erik" the record's
    "Saint Erik", and a text's "Mme de Gull" the visitor's "Madame de Gull".
    """
    return _ABBREVIATED.sub(lambda m: _WRITTEN_OUT[m.group(1).lower()], folded)


_WRITTEN_OUT = {
    "st": "saint",
    "sts": "saints",
    "ste": "sainte",
    "mt": "mount",
    "mme": "madame",
    "mmes": "mesdames",
    "mlle": "mademoiselle",
}
_ABBREVIATED = re.compile(r"(?<![\w'’])(sts?|ste|mt|mmes?|mlle)\b\.?", re.IGNORECASE)


def stem(word: str) -> str:
    """The Snowball (Porter 2) stem of a lower-case word, British spellings as American.

    'painted'/'painting'/'paints' -> 'paint', a singular and its plural alike
    ('statuette'/'statuettes'), and 'watercolour'/'watercolor' or 'grey'/'gray' alike.
    """
    return _stem(word)


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    american = get_american_spelling(word)
    with _STEMMER_LOCK:  # a Snowball stemmer object is not safe to share between threads
        return _STEMMER.stemWord(american)


_STEMMER = snowballstemmer.stemmer("english")
_STEMMER_LOCK = threading.Lock()


def content_words(text: str) -> list[str]:
    """Stems of the words that carry meaning (no stopwords, no one-letter tokens)."""
    return [stem(w) for w in words(text) if len(w) > 1 and w not in STOPWORDS]


def numbers(text: str) -> set[str]:
    """Numbers as written, without thousands separators or trailing dots."""
    return {n.replace(",", "").rstrip(".") for n in _NUMBER.findall(text)}


def accession_like(text: str) -> set[str]:
    """Tokens shaped like accession numbers ('37.760', 'SK-C-5', 'W.569.4A')."""
    return {fold(t) for t in _ACCESSION.findall(text)}


def proper_names(text: str) -> set[str]:
    """Capitalised words that are probably names (the first word counts only if unusual)."""
    found: set[str] = set()
    for match in _CAPITALISED.finditer(text):
        token = match.group(0).strip("'’-")
        folded = fold(token)
        if folded in _COMMON_CAPITALISED or len(folded) < 2:
            continue
        found.add(folded)
    return found


def has_negation(text: str) -> bool:
    """Whether a sentence is phrased negatively ('not', 'never', "isn't")."""
    tokens = words(text)
    return any(t in NEGATIONS or t.endswith("n't") for t in tokens)


_BACK_REFERENCE = re.compile(
    r"^(this|that|these|those|such|the (idea|claim|story|theory))\b|"
    # "There is no evidence for this." judges the sentence before it just the same.
    r"^there (is|was|are) (no|little)\b.*\b(this|that|it|these|those)[.!]?$",
    re.IGNORECASE,
)


def quote_units(text: str) -> list[str]:
    """Sentences, with a short follow-up that judges the one before kept attached to it.

    "In 1910 Frobenius suggested Ife art came from Atlantis. This idea was wrong." must never
    be quoted half: alone, the first sentence reads as an endorsement.
    """
    units: list[str] = []
    for sentence in split_sentences(text):
        if units and _BACK_REFERENCE.match(sentence) and len(sentence.split()) <= 10:
            units[-1] = f"{units[-1]} {sentence}"
        else:
            units.append(sentence)
    return units


# --- Quantities: numbers, ordinals and decades, compared by value, however they are written ---

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_UNITS)}
NUMBER_WORDS.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
NUMBER_WORDS["dozen"] = 12  # "a dozen saints" is twelve
_ORDINAL_UNITS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
ORDINAL_WORDS: dict[str, int] = {w: i for i, w in enumerate(_ORDINAL_UNITS) if i}
ORDINAL_WORDS.update({w[:-1] + "ieth": 20 + 10 * i for i, w in enumerate(_TENS)})
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

# A digit quantity is tagged by what follows it: "9th" is an ordinal, "1840s" a decade, "16" a
# number; "3a" (a folio) and "W.569" parts are left to the accession check.
_DIGIT_QUANTITY = re.compile(
    r"(?<![\d])(\d(?:[\d,.]*\d)?)(?:(st|nd|rd|th)|'?(s))?(?![\w])", re.IGNORECASE
)


def _word_quantities(tokens: list[str]) -> set[str]:
    """Number and ordinal words, compounds joined ("twenty-six" -> 26, "ten thousand")."""
    found: set[str] = set()
    i = 0
    while i < len(tokens):
        word = tokens[i]
        value, kind = NUMBER_WORDS.get(word), "n"
        if value is None and word in ORDINAL_WORDS:
            value, kind = ORDINAL_WORDS[word], "ord"
        if value is None:
            i += 1
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if 20 <= value <= 90 and (
            NUMBER_WORDS.get(nxt, 99) < 10 or ORDINAL_WORDS.get(nxt, 99) < 10
        ):
            kind = "ord" if nxt in ORDINAL_WORDS else kind
            value += NUMBER_WORDS.get(nxt) or ORDINAL_WORDS[nxt]
            i += 1
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        found.add(f"{kind}:{value}")
        if kind == "n" and nxt in _SCALES:  # "ten thousand" is also 10000
            found.add(f"n:{value * _SCALES[nxt]}")
        i += 1
    return found


def quantities(text: str) -> set[str]:
    """Every quantity in a text, tagged and by value: 'n:3', 'ord:9', 'decade:1840'.

    "three" and "3" are both 'n:3'; "ninth" and "9th" both 'ord:9'; "the 1840s" is
    'decade:1840', and "16th" is never the number 16. A digit number followed by "thousand"
    also counts multiplied ("10 thousand" = 'n:10000').
    """
    folded = fold(text)
    found: set[str] = set()
    for match in _DIGIT_QUANTITY.finditer(folded):
        digits = match.group(1).replace(",", "").rstrip(".")
        if match.group(2):
            found.add(f"ord:{int(digits)}" if digits.isdigit() else f"n:{digits}")
        elif match.group(3):
            found.add(f"decade:{digits}")
        else:
            found.add(f"n:{digits}")
            scale = re.match(r"\s+(hundred|thousand|million)\b", folded[match.end() :])
            if scale and digits.isdigit():
                found.add(f"n:{int(digits) * _SCALES[scale.group(1)]}")
    return found | _word_quantities(words(folded))


# --- Names written as initials, and sentence-initial adverbs that only look like names ---

# Two or more initials ("C. M. B.") or one before a capitalised word ("William C. Wilson").
_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.\s?){2,}|(?<![\w.])[A-Z]\.(?=\s[A-Z][a-z])")
# Adverbs, connectives and prepositions that open a sentence capitalised but never name
# anyone; "-ly" adverbs are recognised by their ending (see ``sentence_adverb``).
_OPENING_ADVERBS = frozenset(
    """perhaps maybe possibly probably likely here now thus hence instead indeed also still
    yet later soon once often sometimes together meanwhile nevertheless moreover furthermore
    otherwise therefore alternatively afterwards nonetheless then today originally though
    although about around nearly almost especially unlike like despite besides beyond within
    among across along behind beneath between through toward towards upon until since
    whereas whether because unless even only just rather all both each every another other
    such several""".split()
)


def initials(text: str) -> set[str]:
    """Initials that stand for a name, without spaces ('C. M. B.' -> 'c.m.b.')."""
    return {fold(re.sub(r"\s", "", m.group(0))) for m in _INITIALS.finditer(text)}


def sentence_adverb(sentence: str) -> str:
    """The sentence's first word, folded, if it is an adverb rather than a name ('' if not).

    "Possibly this object ..." opens with a capital because it opens the sentence. An "-ly"
    word counts only with a stem of five letters or more, so "Italy", "Sicily" and "Emily"
    stay names.
    """
    tokens = words(sentence[:40])
    first = tokens[0] if tokens else ""
    if first in _OPENING_ADVERBS or (first.endswith("ly") and len(first) >= 7):
        return first
    return ""


# --- Opposites: a word whose opposite stands in the passage in its place is a contradiction ---

_ANTONYM_PAIRS = """early late  earlier later  earliest latest  left right  upper lower
    top bottom  front back  large small  larger smaller  largest smallest  big small
    inside outside  inner outer  interior exterior  before after  older younger  old young
    oldest youngest  first last  ancient modern  above below  over under  open closed
    light dark  lighter darker  north south  east west  northern southern  eastern western
    obverse reverse  beginning end  high low  higher lower  wide narrow  thick thin
    long short  longer shorter  heavy light  full empty  rich poor  common rare  simple
    elaborate  sacred secular  religious secular  public private  male female  man woman
    men women  major minor  visible hidden  always never  many few  more less  most least
    increase decrease  increased decreased  rise fall  rose fell  won lost  win lose
    accepted rejected  included excluded  entered left  arrived departed  birth death
    born died  same different  similar different  true false  success failure  strong weak
    hot cold  warm cool  wet dry  hard soft  rough smooth  straight curved  raised sunken
    ascending descending  convex concave  positive negative  plain decorated  sitting standing
    seated standing  living dead  outer inner  single double  odd even  inward outward
    upward downward  uphill downhill  forward backward  horizontal vertical  clockwise
    anticlockwise  day night  morning evening  summer winter  spring autumn  sunrise sunset
    rising setting  head foot  beginning ending  start end  started ended  opened closed
    buy sell  bought sold  gave received  give receive  lent borrowed  add remove
    added removed  gain loss  peace war  friend enemy  love hate  joy sorrow
    happy sad  good evil  often rarely  frequently rarely  usually rarely  son daughter
    sons daughters  husband wife  father mother  brother sister  brothers sisters  king queen
    prince princess  victorious defeated  victory defeat  legitimate illegitimate
    genuine fake  original copy  complete
    incomplete  finished unfinished  signed unsigned  dated undated  known unknown  certain
    uncertain  likely unlikely  possible impossible  usual unusual  typical atypical
    common uncommon  popular unpopular  mature youthful  elder younger  senior junior
    primary secondary  domestic foreign  native foreign  local foreign  urban rural
    inland coastal  full half  whole part  entire partial""".split()
ANTONYMS: dict[str, frozenset[str]] = {}
for _a, _b in zip(_ANTONYM_PAIRS[::2], _ANTONYM_PAIRS[1::2], strict=True):
    ANTONYMS[_a] = ANTONYMS.get(_a, frozenset()) | {_b}
    ANTONYMS[_b] = ANTONYMS.get(_b, frozenset()) | {_a}


def swapped_opposites(sentence: str, passage: str) -> list[tuple[str, str]]:
    """(word, opposite) pairs: the sentence says the word, the passage only its opposite.

    "kneeling after their lord" against "kneeling before their lord". A word the passage also
    says is never flagged: "from early to late" supports "late".
    """
    said = set(words(passage))
    out = []
    for word in dict.fromkeys(words(sentence)):
        opposites = ANTONYMS.get(word, frozenset())
        if word not in said and opposites & said:
            out.append((word, sorted(opposites & said)[0]))
    return out


# --- Clauses: each must be supported, not the sentence on average ---

# A comma before a conjunction or relative word, a semicolon or colon, or a dash pair, starts a
# clause; "and" without a comma joins words ("silver and gold") and does not.
_CLAUSE_BREAK = re.compile(
    r"\s*[;:]\s+|\s+[-–—]\s+|,\s+(?=(?:and|but|while|whereas|which|who|whom|whose|where|when|"
    r"although|though|because|since|so|yet|or)\b)",
    re.IGNORECASE,
)


_RELATIVE = re.compile(r"(?:which|who|whom|whose|where)\b", re.IGNORECASE)


def clauses(sentence: str) -> list[str]:
    """A sentence cut at its clause boundaries (", and", ";", ", which", ", while", ...).

    A relative clause ends at the next comma ("the page, which ..., introduces"), so the
    main clause it interrupts is judged apart from it.
    """
    out: list[str] = []
    for part in _CLAUSE_BREAK.split(sentence):
        if not part or not part.strip():
            continue
        if _RELATIVE.match(part) and ", " in part:
            out.extend(part.split(", ", 1))
        else:
            out.append(part)
    return out


def is_number(word: str) -> bool:
    """Whether a folded word is a number or ordinal, in digits or in words ('12', 'twelfth')."""
    return word.isdigit() or word in NUMBER_WORDS or word in ORDINAL_WORDS
