"""Perturbations that make a real sentence unsupported by its passage, one value at a time.

Each swaps in a value that appears nowhere in the passage, title, creators or record
(``Context.forbidden``): another person of the collections, a shifted date, a changed count,
another place or material, a negation, an antonym.
"""

from __future__ import annotations

import random
import re

from assistant.text import fold, has_negation
from bench.verifier.edits import (
    NUMBER_WORD,
    NUMBER_WORDS,
    PARTICIPLE,
    WORD_OF,
    Context,
    Edit,
    Rule,
    Vocab,
    match_case,
    replace_span,
    upper_first,
)


def wrong_name(sentence: str, ctx: Context, rng: random.Random, vocab: Vocab) -> Edit | None:
    """Swap a person's name for another person of the collections (same nationality if any)."""
    m = vocab.name_pattern.search(sentence)
    if m is None:
        return None
    as_full = m.group(1) in vocab.by_full
    found = vocab.by_full[m.group(1)] if as_full else vocab.by_surname[m.group(1)]
    old = found.full if as_full else found.surname
    pool = [
        p
        for p in vocab.persons
        if p.full != found.full
        and ctx.allows(p.full)
        and (as_full or p.surname in vocab.by_surname)
        and not (p.surname and re.search(rf"\b{re.escape(p.surname)}\b", sentence))
    ]
    same = [p for p in pool if found.nationality and p.nationality == found.nationality]
    pool = same if len(same) >= 3 else pool
    if not pool:
        return None
    other = rng.choice(sorted(pool, key=lambda p: p.full))
    new = other.full if as_full else other.surname
    out = re.sub(rf"(?<!\w){re.escape(old)}(?!\w)", new, sentence)
    return Edit(out, f"{old} -> {new}")


_CENTURY = re.compile(r"\b(\d{1,2})(st|nd|rd|th)(?=[\s-]+century|\s+and\s+\d{1,2}(?:st|nd|rd|th))")
ORDINALS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]
_CENTURY_WORD = re.compile(r"\b(" + "|".join(ORDINALS) + r")(?=[\s-]+century)", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\w.,/-])(\d{3,4})(s?)(?![\w/]|[.,]\d)")


def _suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def wrong_date(sentence: str, ctx: Context, rng: random.Random, vocab: Vocab) -> Edit | None:
    """Shift a year, a decade or a century (digits or words) to one nowhere in the passage."""
    years = [m for m in _YEAR.finditer(sentence) if 100 <= int(m.group(1)) <= 2030]
    if years:
        m = rng.choice(years)
        year, decade = int(m.group(1)), m.group(2)
        deltas = [d for d in range(-40, 41) if abs(d) >= 2] if not decade else [-30, -20, 20, 30]
        rng.shuffle(deltas)
        for delta in deltas:
            new = year + delta
            if str(new) in ctx.forbidden_numbers or not 100 <= new <= 2030:
                continue
            if decade and new % 10:
                continue
            out = replace_span(sentence, m.start(1), m.end(1), str(new))
            # A range "1540-1546" or "1945-46" moves as a whole, so it stays a plausible range.
            tail = re.match(r"\s?[-–]\s?(\d{2,4})\b", out[m.start(1) + len(str(new)) :])
            if tail:
                start = m.start(1) + len(str(new)) + tail.start(1)
                written = tail.group(1)
                end = int(written) if len(written) > 2 else year // 100 * 100 + int(written)
                end2 = str(end + delta)
                if end2 in ctx.forbidden_numbers or end + delta < new:
                    continue
                if len(written) == 2 and end2[:-2] == str(new)[:-2]:
                    end2 = end2[-2:]
                out = replace_span(out, start, start + len(written), end2)
            return Edit(out, f"{year}{decade} -> {new}{decade}" + (" (range)" if tail else ""))
    m = _CENTURY.search(sentence)
    if m:
        n = int(m.group(1))
        for new in rng.sample([n - 2, n - 1, n + 1, n + 2], 4):
            token = f"{new}{_suffix(new)}"
            if 1 <= new <= 21 and token not in fold(ctx.everything):
                out = replace_span(sentence, m.start(), m.end(), token)
                return Edit(out, f"{m.group(0)} -> {token} century")
    m = _CENTURY_WORD.search(sentence)
    if m:
        n = ORDINALS.index(m.group(1).lower())
        for i in rng.sample([n - 2, n - 1, n + 1, n + 2], 4):
            if 0 <= i < len(ORDINALS) and ORDINALS[i] not in ctx.forbidden:
                new = match_case(m.group(1), ORDINALS[i])
                out = replace_span(sentence, m.start(), m.end(), new)
                return Edit(out, f"{m.group(1)} -> {new} century")
    return None


_SMALL_NUMBER = re.compile(
    r"(?<![\w.,/:–-])(\d{1,2}|\d{1,3}(?:,\d{3})+)(?![\w/:]|[.,]\d|\s?[-–]\d)"
)


def wrong_number_digits(
    sentence: str, ctx: Context, rng: random.Random, vocab: Vocab
) -> Edit | None:
    """Change a count written in digits ("12 scenes" -> "14 scenes"); years are dates."""
    found = [m for m in _SMALL_NUMBER.finditer(sentence) if int(m.group(1).replace(",", "")) > 1]
    if not found:
        return None
    m = rng.choice(found)
    n = int(m.group(1).replace(",", ""))
    options = [n + d for d in (-3, -2, -1, 1, 2, 3) if n + d > 1] + [n * 2]
    rng.shuffle(options)
    for new in options:
        if str(new) in ctx.forbidden_numbers or WORD_OF.get(new, "") in ctx.forbidden:
            continue  # the passage has it, as digits or as a word
        text = f"{new:,}" if "," in m.group(1) else str(new)
        return Edit(replace_span(sentence, m.start(1), m.end(1), text), f"{n} -> {new}")
    return None


def wrong_number_words(
    sentence: str, ctx: Context, rng: random.Random, vocab: Vocab
) -> Edit | None:
    """Change a count written as a word ("three boats" -> "five boats")."""
    for m in NUMBER_WORD.finditer(sentence):
        if m.group(0)[:1].isupper() and m.start() > 0:
            continue
        n = NUMBER_WORDS[m.group(0).lower()]
        options = [n + d for d in (-2, -1, 1, 2, 3) if n + d >= 2 and n + d in WORD_OF]
        options += [x for x in (n * 2,) if x in WORD_OF]
        rng.shuffle(options)
        for new in options:
            if WORD_OF[new] in ctx.forbidden or str(new) in ctx.forbidden_numbers:
                continue
            word = match_case(m.group(0), WORD_OF[new])
            return Edit(replace_span(sentence, m.start(), m.end(), word), f"{m.group(0)} -> {word}")
    return None


PLACES: dict[str, list[str]] = {
    "country": """Italy France Germany Spain England Flanders Egypt Greece Persia Iran India
        China Japan Korea Turkey Syria Russia Portugal Austria Switzerland Bohemia Scotland
        Ireland Mexico Peru Iraq Armenia Ethiopia Tibet Thailand Nepal Afghanistan Anatolia
        Mesopotamia Crete Cyprus Sicily Hungary Poland Sweden Denmark""".split(),
    "city": """Paris Rome Venice Florence Milan Naples Siena London Antwerp Bruges Ghent Amsterdam
        Nuremberg Augsburg Cologne Vienna Prague Madrid Seville Lisbon Constantinople Istanbul
        Cairo Alexandria Athens Jerusalem Baghdad Isfahan Tabriz Herat Shiraz Delhi Agra Kyoto
        Beijing Moscow Limoges Lyon Rouen Dijon Avignon Baltimore Philadelphia Boston Munich
        Dresden Berlin Bologna Padua Verona Genoa Ferrara Mantua Urbino Novgorod Damascus
        Brussels Haarlem Utrecht Delft Edinburgh""".split(),
    "nationality": """Italian French German Spanish English Flemish Dutch Persian Chinese
        Japanese Egyptian Greek Russian Turkish Venetian Florentine Parisian Netherlandish
        Korean Syrian Armenian Ethiopian Tibetan American British Austrian Swiss Portuguese
        Mexican Peruvian Scottish Irish Bohemian Hungarian Polish Swedish Danish""".split(),
}
_PLACE_GROUP = {p: g for g, ps in PLACES.items() for p in ps}
_PLACE = re.compile(
    r"(?<![\w-])(" + "|".join(sorted(_PLACE_GROUP, key=len, reverse=True)) + r")(?![\w-])"
)


def wrong_place(sentence: str, ctx: Context, rng: random.Random, vocab: Vocab) -> Edit | None:
    """Swap a place or nationality for another of the same kind that the passage never names."""
    found = list(_PLACE.finditer(sentence))
    if not found:
        return None
    m = rng.choice(found)
    group = PLACES[_PLACE_GROUP[m.group(1)]]
    pool = [p for p in group if p != m.group(1) and ctx.allows(p) and p not in sentence]
    if not pool:
        return None
    new = rng.choice(pool)
    return Edit(replace_span(sentence, m.start(), m.end(), new), f"{m.group(1)} -> {new}")


MATERIALS: dict[str, list[str]] = {
    "metal": "gold silver bronze copper brass iron steel tin pewter".split(),
    "stone": """marble alabaster limestone sandstone jade agate jasper steatite hematite onyx
        porphyry granite basalt chalcedony carnelian amethyst garnet quartz""".split(),
    "organic": "ivory bone wood boxwood oak walnut ebony leather tortoiseshell amber coral".split(),
    "ceramic": "porcelain earthenware stoneware terracotta faience maiolica".split(),
    "support": "parchment vellum paper canvas silk linen cotton wool velvet".split(),
    "paint": "oil tempera watercolor gouache ink pastel chalk graphite enamel lacquer".split(),
}
_MATERIAL_GROUP = {m: g for g, ms in MATERIALS.items() for m in ms}
_MATERIAL = re.compile(r"(?<![\w-])(" + "|".join(_MATERIAL_GROUP) + r")(?![\w-])", re.IGNORECASE)


def wrong_material(sentence: str, ctx: Context, rng: random.Random, vocab: Vocab) -> Edit | None:
    """Swap a material for another of its kind from the records' medium vocabulary."""
    found = [m for m in _MATERIAL.finditer(sentence) if not (m.group(0)[0].isupper() and m.start())]
    if not found:
        return None
    m = rng.choice(found)
    word = m.group(1).lower()
    pool = [
        x
        for x in MATERIALS[_MATERIAL_GROUP[word]]
        if x != word and x in vocab.materials and ctx.allows(x) and x not in fold(sentence)
    ]
    if not pool:
        return None
    new = match_case(m.group(0), rng.choice(pool))
    return Edit(replace_span(sentence, m.start(), m.end(), new), f"{m.group(0)} -> {new}")


_AUX = re.compile(
    r"\b(is|are|was|were|has|have|had|can|could|would|will|should|must)\b"
    r"(?P<adv>\s(?:probably|possibly|likely|perhaps|also|clearly|certainly|thus|therefore)\b)?"
    r"(?=\s(?P<next>[\w’'-]+))"
)
_NEGATION_DROP = [
    (
        re.compile(
            r"\b(is|are|was|were|has|have|had|can|could|would|will|should|did|does|do)\s+not\s"
        ),
        r"\1 ",
    ),
    (
        re.compile(r"\b(is|are|was|were|has|have|had|could|would|should|did|does|do)n[’']t\s"),
        r"\1 ",
    ),
    (re.compile(r"\bcannot\s"), "can "),
    (re.compile(r"\bnever\s"), ""),
]
_NOT_IDIOM = re.compile(r"\bnot\s(?:only|until|just|least|merely|simply)\b|\b(?:if|or)\snot\b")


def negation(sentence: str, ctx: Context, rng: random.Random, vocab: Vocab) -> Edit | None:
    """Negate the first auxiliary ("was made" -> "was not made"), or drop the only negation."""
    if has_negation(sentence):
        if _NOT_IDIOM.search(sentence):
            return None
        for pattern, repl in _NEGATION_DROP:
            out, n = pattern.subn(repl, sentence, count=1)
            if n and not has_negation(out):
                return Edit(upper_first(out), "negation removed")
        return None
    for m in _AUX.finditer(sentence):
        aux, nxt = m.group(1), m.group("next").lower()
        if nxt in {"not", "no", "never"}:
            return None
        if aux in {"has", "have", "had"} and not (
            nxt == "been" or nxt.endswith(("ed", "en")) or nxt in PARTICIPLE.values()
        ):
            continue
        out = replace_span(sentence, m.end(), m.end(), " not")
        return Edit(out, f"'{m.group(0).strip()}' -> '{m.group(0).strip()} not'")
    return None


# (pattern, replacement): each direction listed; one swap per sentence.
_ANTONYM_PAIRS = [
    ("earliest", "latest"),
    ("first half", "second half"),
    ("largest", "smallest"),
    ("larger", "smaller"),
    ("upper", "lower"),
    ("inside", "outside"),
    ("interior", "exterior"),
    ("ancient", "modern"),
    ("older", "younger"),
    ("eldest", "youngest"),
    ("rare", "common"),
    ("rarely", "often"),
    ("wealthy", "poor"),
    ("popular", "unpopular"),
    ("successful", "unsuccessful"),
    ("simple", "elaborate"),
    ("male", "female"),
    ("husband", "wife"),
    ("son", "daughter"),
    ("father", "mother"),
    ("brother", "sister"),
    ("above", "below"),
    ("north", "south"),
    ("east", "west"),
    ("northern", "southern"),
    ("eastern", "western"),
    ("increased", "decreased"),
    ("secular", "religious"),
    ("thick", "thin"),
    ("wide", "narrow"),
    ("high relief", "low relief"),
    ("before", "after"),
    ("more than", "less than"),
    ("the most", "the least"),
    ("victorious", "defeated"),
]
ANTONYMS: dict[str, str] = {}
for _a, _b in _ANTONYM_PAIRS:
    ANTONYMS[_a], ANTONYMS[_b] = _b, _a
# Words that need a context to be the adjective we mean.
_CONTEXTUAL = [
    (
        re.compile(
            r"\b(early|late)(?=[\s-]+(?:\d|\w+(?:th|st|nd|rd)\b|medieval|renaissance|"
            r"period|career|work|works|style|years|phase|antiquity|dynasty))",
            re.I,
        ),
        {"early": "late", "late": "early"},
    ),
    (
        re.compile(r"\b(?:the|his|her|its|their|lower|upper)\s(left|right)\b", re.I),
        {"left": "right", "right": "left"},
    ),
    (
        re.compile(r"\bthe\s(first|last)\b(?!\s+(?:half|quarter|third))", re.I),
        {"first": "last", "last": "first"},
    ),
    (
        re.compile(r"\bthe\s(top|bottom|front|back)\b", re.I),
        {"top": "bottom", "bottom": "top", "front": "back", "back": "front"},
    ),
    (re.compile(r"(?<!\ba\s)\b(many|few)\b", re.I), {"many": "few", "few": "many"}),
]


def antonym(sentence: str, ctx: Context, rng: random.Random, vocab: Vocab) -> Edit | None:
    """Swap one word for its antonym ("early 16th century" -> "late 16th century")."""
    options: list[tuple[int, int, str, str]] = []
    for key in sorted(ANTONYMS, key=len, reverse=True):
        for m in re.finditer(rf"(?<![\w-]){re.escape(key)}(?![\w-])", sentence, re.IGNORECASE):
            if m.group(0)[:1].isupper() and m.start():
                continue
            options.append((m.start(), m.end(), m.group(0), ANTONYMS[key]))
    for pattern, table in _CONTEXTUAL:
        for m in pattern.finditer(sentence):
            options.append((m.start(1), m.end(1), m.group(1), table[m.group(1).lower()]))
    options = [o for o in options if not re.search(rf"\b{re.escape(o[3])}\b", sentence, re.I)]
    if not options:
        return None
    start, end, old, new = rng.choice(sorted(options))
    new = match_case(old, new)
    return Edit(replace_span(sentence, start, end, new), f"{old} -> {new}")


PERTURBATIONS: dict[str, Rule] = {
    "wrong_name": wrong_name,
    "wrong_date": wrong_date,
    "wrong_number_digits": wrong_number_digits,
    "wrong_number_words": wrong_number_words,
    "wrong_place": wrong_place,
    "wrong_material": wrong_material,
    "negation": negation,
    "antonym": antonym,
}
