"""Is a source about what the question is about? Similar wording is not enough.

"Who painted the Sistine Chapel ceiling?" sits close, in embedding space, to any passage about
a Renaissance painter; quoting that passage would imply an answer the museum never gave. So a
source counts as evidence only if it mentions most of the question's topic words, or the
question names the object itself.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from assistant.answering import parse
from assistant.answering.config import DEFAULT
from assistant.text import (
    STOPWORDS,
    content_words,
    everyday_frequency,
    fold,
    proper_names,
    stem,
    words,
    written_out,
)

# Words that say what kind of question it is, not what it is about ("what colour", "that
# bright colour" name no thing).
GENERIC = frozenset(
    stem(w)
    for w in """paint painted painting paintings painter artist artists made make maker created
    create work works artwork artworks object objects museum museums collection picture image
    show shows shown depict depicts depicted famous real really true right actually sure
    guide said says say think thought heard read book books story stories name named called
    mean means meaning look looks like kind type piece pieces item items thing things visit
    visitors see seen view display displayed exhibit exhibited gallery year years old
    happen happened why how way ever also first original originally actual material
    materials medium older oldest newer newest compare compared difference everyone everybody
    know knows knew heard hear friend friends teacher school learned learnt learn told tell
    pretty sure obviously course wrong right true correct guess believe certain convinced
    definitely positive honestly literally hmm come colour color colours colors""".split()
)


def topic_words(question: str) -> list[str]:
    """Stems of the question's content words that name its subject."""
    return list(dict.fromkeys(w for w in content_words(question) if w not in GENERIC))


def mentions_title(question: str, title: str) -> bool:
    """Whether the question names the object, by its title or a bracketed alias.

    Fuzzy, ignoring articles: "Head of a ruler (the Ife Head)" is named by "the Ife Head".
    A one-word title ("Earring") inside a longer name the visitor capitalises ("Girl with a
    Pearl Earring") names that other thing, not this object.
    """
    asked = written_out(fold(question))
    # "Millais's Ophelia" names Ophelia: a possessive maker is not part of the name.
    spans = (
        re.sub(r"^(?:(?:the|a|an)\s+)?(?:[\w-]+['’]s?\s+)?", "", fold(n))
        for n in _capitalised_runs(question)
    )
    # "the 'Blue Jug'": quotes around a name are not part of its words.
    longer = [" ".join(w.strip("'’\"“”") for w in n.split()) for n in spans if len(n.split()) > 1]
    names = proper_names(question)
    if _one_word_changed(asked, title):
        return False
    if _words_reordered(asked, title) or _said_in_part(asked, title):
        return True
    for name in title_aliases(title):
        match = fuzz.partial_ratio_alignment(name, asked)
        if match is None or match.score < DEFAULT.title_match:
            continue
        if " " not in name and any(name in n.split() and n != name for n in longer):
            continue
        # "Starry Night over Amsterdam" extends "Starry Night" into the name of another work.
        extension = _EXTENDS.match(asked[match.dest_end :])
        if extension and extension.group(1) in names:
            continue
        return True
    return False


def names_title_as_written(question: str, title: str, language: str) -> bool:
    """Whether the question says a title in another language, give or take its article.

    "Wer hat den Heuwagen gemalt?" names "Der Heuwagen"; "la ronda di notte" names "La ronda
    di notte". The English rules of ``mentions_title`` (aliases in brackets, a possessive
    maker, a one-word title inside a longer name) are not read here: the words must stand in
    the question as the title has them, from a word's start, close to letter for letter (an
    ending may change: "des Heuwagens"). A title of one everyday word of its ``language``
    ("Fontaine", "L'urlo") is a word any question may use, not a name, and names nothing here.
    """
    return title_span(question, title, language) is not None


def title_span(question: str, title: str, language: str) -> tuple[int, int] | None:
    """Where the question says a title as written (``names_title_as_written``), or None."""
    name = without_article(fold(title))
    if len(name) < DEFAULT.other_title_min_chars:
        return None
    if " " not in name and everyday_frequency(name, language) > DEFAULT.other_title_everyday:
        return None
    asked = fold(question)
    match = fuzz.partial_ratio_alignment(name, asked)
    if match is None or match.score < DEFAULT.title_match:
        return None
    if match.dest_start > 0 and asked[match.dest_start - 1].isalnum():
        return None
    return match.dest_start, match.dest_end


# The articles a title opens with in French, German, Dutch, Spanish and Italian.
_OTHER_ARTICLE = re.compile(
    r"^(?:l'|(?:le|la|les|un|une|der|die|das|den|dem|des|ein|eine|de|het|een|el|los|las|il|lo|"
    r"i|gli|uno|una)\s+)",
    re.IGNORECASE,
)


def without_article(title: str) -> str:
    """A title in another language without the article it opens with.

    "Der Heuwagen" -> "Heuwagen": a sentence declines the article ("den Heuwagen").
    """
    return _OTHER_ARTICLE.sub("", title).strip()


def _words_reordered(asked: str, title: str) -> bool:
    """Whether a question says every word of a long title, in its own order.

    "The jug with Jonah swallowed by the whale" names "Jug with the Whale Swallowing Jonah":
    visitors say a title's words in their own order. A short title ("Portrait of a Man")
    is only a kind of object, so its words are not enough.
    """
    wanted = set(content_words(title))
    return len(wanted) >= DEFAULT.title_words_any_order and wanted <= _word_set(asked)


# "Plaque with the Virgin and Child": a title that opens with what the object is, then what
# it shows or holds.
_KIND_FIRST = re.compile(r"^(?:the\s+)?([a-z]+)\s+(?:with|of)\s+(?:the\s+|a\s+|an\s+)?(.+)$")


def said_kind_last(question: str, title: str, kinds: Iterable[str]) -> bool:
    """Whether a question says a "<Kind> with <subject>" title as "<subject> <kind>".

    "The glazed Saint Martin roundel" names "Roundel with Saint Martin": English
    puts the subject before the noun as readily as after it. The subject's words must run
    together and the kind's word (one or many) come right after them; the kind must be what
    the catalogue classes the object as (``kinds``, stems): "the cherub heads" of a painting
    name no statuette titled "Head of a Cherub".
    """
    found = _KIND_FIRST.match(written_out(fold(re.sub(r"\(.*?\)", " ", title))).strip())
    if not found or stem(found.group(1)) not in set(kinds):
        return False
    kind, subject = found.groups()
    said = [w for w in re.findall(r"[a-z0-9]+", subject) if w not in STOPWORDS or w == "and"]
    if not said or not content_words(" ".join(said)):
        return False
    wanted = [stem(w) for w in [*said, kind]]  # "the crane ewers": one crane or many
    stems = [stem(w) for w in re.findall(r"[a-z0-9]+", written_out(fold(question)))]
    return bool(_runs(stems, wanted, 0))


def _said_in_part(asked: str, title: str) -> bool:
    """Whether a question says a long title with one word left out, in the title's order.

    Visitors shorten long titles: "<Event> of <Person> for <Place>" for "<Event> of <Person>
    and her Company for <Place>". The words said must run together in the question, in the
    title's order, beginning with the title's first (what the work is); the word left out may
    not give way to another ("<Event> of <Person> and her Company for <Other place>" is
    another work).
    """
    plain = fold(re.sub(r"\(.*?\)", " ", title))
    wanted = [w for _, w in _tokens(plain) if w and w != "," and w not in GENERIC]
    if len(wanted) < DEFAULT.title_words_in_part:
        return False
    tokens = _tokens(asked)
    said = [(w, i) for i, (_, w) in enumerate(tokens) if w and w != "," and w not in GENERIC]
    stems = [w for w, _ in said]
    for left_out in range(1, len(wanted)):
        shortened = wanted[:left_out] + wanted[left_out + 1 :]
        for start in range(len(stems) - len(shortened) + 1):
            if stems[start : start + len(shortened)] != shortened:
                continue
            last = said[start + len(shortened) - 1][1]
            replaced = left_out == len(wanted) - 1 and _replaced(tokens[last + 1 :], plain)
            if not replaced:
                return True
    return False


def _one_word_changed(asked: str, title: str) -> bool:
    """Whether a question says a title with one of its words changed for another, and not as is.

    "<Saint> Receiving the Tablets" beside "<Saint> Breaking the Tablets", "Figure of <one
    god>, Son of <Father>" beside "Figure of <another god>, ...": a title so changed names
    another work, which a fuzzy match would take for this one. The visitor may leave out the
    title's first words ("Dish with ..." for "Footed Dish with ..."); a misspelt word is the
    same word, and a word put in ("with two cranes") changes none.
    """
    wanted = _title_words(title)
    tokens = _tokens(asked)
    said = [(raw, w, n) for n, (raw, w) in enumerate(tokens) if w and w != "," and w not in GENERIC]
    stems = [w for _, w, _ in said]
    if _runs(stems, [w for _, w in wanted], 0):
        return False  # the title itself is said
    for first in range(len(wanted) - DEFAULT.title_words_changed_min + 1):
        run = wanted[first:]
        for start in _runs(stems, [w for _, w in run], 1):
            i = next(i for i, (_, t) in enumerate(run) if stems[start + i] != t)
            inserted = stems[start + i + 1 : start + len(run) + 1] == [t for _, t in run[i:]]
            if not i or inserted or _misspelt(said[start + i][0], run[i][0]):
                continue
            # The last word changed must stand where the title's stood ("... of <Other
            # place>"), not begin something else ("... one of a pair?").
            before = said[start + i - 1][2]
            if i < len(run) - 1 or _replaced(tokens[before + 1 :], fold(title)):
                return True
    return False


def _title_words(title: str) -> list[tuple[str, str]]:
    """A title's words that say which work it is, as written and as stems."""
    plain = fold(re.sub(r"\(.*?\)", " ", title))
    return [(raw, w) for raw, w in _tokens(plain) if w and w != "," and w not in GENERIC]


def _runs(stems: list[str], run: list[str], changes: int) -> list[int]:
    """Where ``run`` stands in ``stems`` with exactly ``changes`` of its words changed."""
    return [
        start
        for start in range(len(stems) - len(run) + 1)
        if sum(a != b for a, b in zip(stems[start : start + len(run)], run, strict=True)) == changes
    ]


def _misspelt(written: str, meant: str) -> bool:
    """Whether a visitor's word is a typo of a title's word ("Destorying" for "Destroying")."""
    return OSA.distance(written, meant) <= max(1, typo_distance(meant))


def _replaced(rest: tuple[tuple[str, str], ...], title: str) -> bool:
    """Whether a question goes on as the title ends, with another word in the last one's place.

    "... for <Other place>" after a title ending "... for <Place>"; "... one of a pair?"
    starts something else.
    """
    ending = _tokens(title)
    lead: list[str] = []
    for raw, stem_ in reversed(ending[:-1]):
        if stem_:
            break
        lead.insert(0, raw)
    said = [raw for raw, _ in rest[: len(lead)]]
    following = rest[len(lead) : len(lead) + 1]
    # With no small word before the title's last ("... Emperor <Name>"), the word right after.
    return said == lead and bool(following) and following[0][1] not in ("", ",")


@functools.lru_cache(maxsize=256)
def _tokens(text: str) -> tuple[tuple[str, str], ...]:
    """A text's words with their content-word stems ("" for a small word, "," for punctuation)."""
    out = []
    for token in re.findall(r"[^\W_][\w'’-]*|[^\w\s]", written_out(text)):
        if not token[0].isalnum():
            out.append((token, ","))
            continue
        out.extend((token, w) for w in content_words(token) or [""])
    return tuple(out)


@functools.lru_cache(maxsize=256)
def _word_set(text: str) -> frozenset[str]:
    """The content-word stems of a question, once: it is checked against every title found."""
    return frozenset(content_words(text))


def _capitalised_runs(question: str) -> list[str]:
    """Runs of capitalised words, without the word that opens a sentence ("Is the ...")."""
    runs = []
    for match in _TITLE_CASE.finditer(question):
        run = match.group(0)
        if not question[: match.start()].strip() or question[: match.start()].rstrip()[-1] in ".!?":
            run = run.split(" ", 1)[1] if " " in run else ""
        if run:
            runs.append(run)
    return runs


_EXTENDS = re.compile(r"\s+(?:over|with|of)\s+(?:the\s+|a\s+|an\s+)?([^\W_]+)")


# A capitalised name of several words, joined by the small words titles use.
_TITLE_CASE = re.compile(
    r"[A-ZÀ-Þ][\w'’-]*(?:\s+(?:(?:of|with|a|an|the|de|la|le|du|van|von|over)\s+)*"
    r"[A-ZÀ-Þ][\w'’-]*)*"
)


def title_aliases(title: str) -> list[str]:
    """Ways a visitor may name an object.

    The title, its bracketed or "known as" alias, and the part before a subtitle
    ("A Sunday on La Grande Jatte — 1884").
    """
    folded = re.sub(r"[\"“”‘’]|(?<!\w)'|'(?!\w)", "", written_out(fold(title)))  # "Rubens Vase"
    names = [re.sub(r"\(.*?\)", "", folded).strip(), *re.findall(r"\((.*?)\)", folded)]
    names += re.findall(r"known as (.+?)(?:[,;()]|$)", folded)
    names += [re.split(r"\s[-:]\s|:\s|, known as", n)[0] for n in list(names)]
    # "Jikji, volume 2" and "Law Code of Hammurabi, king of Babylon" are named by their
    # first part; "the Code of Hammurabi" and "Nefertiti's bust" by the usual short forms.
    names += [re.split(r"\s*,\s*", n)[0] for n in list(names)]
    for name in list(names):
        of = re.fullmatch(r"(?:\w+ )+?(\w+) of (?:the |a |an )?([\w' -]+)", name)
        if of:
            names.append(name[name.index(of.group(1) + " of ") :])
        pair = re.fullmatch(r"(?:the |a |an )?(\w+) of (?:the |a |an )?(\w+)", name)
        if pair:
            names.append(f"{pair.group(2)}'s {pair.group(1)}")
    out = []
    for name in names:
        core = re.sub(r"^(the|a|an)\s+", "", name.strip(" ,.;"))
        if (len(core) >= 8 or (len(core) >= 4 and " " not in core)) and core not in out:
            out.append(core)
    return out


def quoted_names(question: str) -> list[str]:
    """Names the visitor puts in quotes ("the 'Mona Rosa'"): they mean a specific object."""
    found = re.findall(r"[\"“]([^\"”]{3,60})[\"”]", question)
    # A single quote opens a name only after a space ("the 'Mona Rosa'"), not in "Lisa's".
    found += re.findall(r"(?:^|(?<=\s))['‘]([^'’]{3,60})['’](?=[\s?.!,;:]|$)", question)
    return [m.strip() for m in found if any(ch.isupper() for ch in m)]


def names_missing(
    question: str, texts: Iterable[str], *, sentence_starts: bool = True
) -> list[str]:
    """Capitalised names in the question that a source never mentions.

    ``sentence_starts=False`` skips a capitalised word that only opens a sentence ("Same
    technique?"), which is rarely a name.
    """
    have = set(words(" ".join(texts)))
    missing = []
    names = proper_names(question)
    if not sentence_starts:
        names &= _inner_names(question)
    names -= _exclamations(question) | _common_openers(question) | _shouted(question)
    for name in sorted(names):
        # "Roman-looking", "Gothic-style": the name is the part before the look it gives.
        named = _LOOK_SUFFIX.sub("", name)
        if not all(spelled_in(part, have) or short_for(part, have) for part in words(named)):
            missing.append(name)
    return missing


_LOOK_SUFFIX = re.compile(
    r"-(?:style[sd]?|looking|like|esque|inspired|influenced|type|revival)$", re.IGNORECASE
)


def _exclamations(question: str) -> set[str]:
    """The opening words of verbless remarks ("Super freaky.", "Gorgeous!"), folded.

    A remark without a verb beside the question names nobody; its capital is the
    sentence's. A word capitalised elsewhere in the question is still a name.
    """
    if not question.strip():
        return set()
    found = set()
    for sentence in parse.parsed(question).sents:
        tokens = [t for t in sentence if not t.is_punct]
        verbless = tokens and not any(t.pos_ in ("VERB", "AUX") for t in tokens)
        if verbless and sentence.text.rstrip().endswith((".", "!")) and len(tokens) <= 4:
            found.add(fold(tokens[0].text.strip("'’-")))
    return found - _inner_names(question)


def _common_openers(question: str) -> set[str]:
    """Sentence-opening words the tagger reads as no name ("Besides the lock, ...").

    The capital is the sentence's; a word capitalised elsewhere in the question is still a
    name, and so is one the tagger takes for a proper noun ("Hokusai made it?").
    """
    if not question.strip():
        return set()
    found = set()
    for sentence in parse.parsed(question).sents:
        first = next((t for t in sentence if not t.is_punct and not t.is_space), None)
        if first is not None and first.pos_ != "PROPN":
            found.add(fold(first.text.strip("'’-")))
    return found - _inner_names(question)


def _shouted(question: str) -> set[str]:
    """Words written in capitals for emphasis ("she LOVES the lid"), not names.

    Only what the tagger reads as no proper noun: "NASA" or "MoMA" are still names.
    """
    if not any(w.isupper() and len(w) > 1 for w in question.split()):
        return set()
    return {
        fold(t.text)
        for t in parse.parsed(question)
        if t.text.isupper() and len(t.text) > 1 and t.pos_ != "PROPN"
    }


def _inner_names(question: str) -> set[str]:
    """The names capitalised other than as the first word of a sentence."""
    return proper_names(re.sub(r"(^|[.!?]\s+)[^\W\d_][\w'’-]*", " ", question))


# A comma inside a number ("4,000") joins nothing, nor does "and" inside a hyphenated word
# ("blue-and-white", "pen-and-ink"): that is one thing's description.
_JOINS = re.compile(
    r"(?<!-)\b(?:and|or|vs\.?|versus|compared (?:to|with)|than)\b(?!-)|(?<!\d),|,(?!\d{3}\b)|;"
)


def clauses(question: str) -> list[str]:
    """The parts of a question that names several things ("A or B?"), if it does."""
    parts = [p.strip() for p in _JOINS.split(question) if p and p.strip()]
    return [p for p in parts if topic_words(p)] if len(parts) > 1 else []


def coverage(question: str, texts: Iterable[str], named: bool = False) -> float:
    """Share of the question's topic words found anywhere in a source's texts (1.0 if none).

    For a question about several things, the best share over its parts counts: a source
    about one of two objects asked about is still on topic. A part that describes a thing in
    words the source never uses ("the diamond-hilted sword" against a helmet's text) is about
    another object, however much else matches, unless the question ``named`` the source's
    object in its own words: then that thing is a detail of it in the visitor's words ("the
    young dude with the plume" in a named Crucifixion).
    """
    have = set(content_words(" ".join(texts)))
    best = 0.0
    for part in [question, *clauses(question)]:
        # "teh", "wat": a misspelt little word says nothing about the topic.
        # Only the nouns and names say what it is about; "spooky", "wonder", "want" are the
        # visitor's way of asking, which no curatorial text need share.
        naming = [w for w in parse.naming_words(part) if w not in GENERIC]
        wanted = [w for w in naming if w in have or not misspelt_function_word(w)]
        if not wanted:
            return 1.0
        if not named and unknown_phrase(part, have):
            continue
        best = max(best, sum(1 for w in wanted if spelled_in(w, have)) / len(wanted))
    return best


# A short name for a long one ("the Met", "the Rijks"): a name may be cut
# short to its first syllable, three letters at least, of a much longer name.
MIN_NAME_PREFIX = 3


def short_for(part: str, have: set[str]) -> bool:
    """Whether a name's word is the start of a longer word of the texts."""
    return len(part) >= MIN_NAME_PREFIX and any(
        w.startswith(part) and len(w) >= 2 * len(part) for w in have
    )


def typo_distance(word: str) -> int:
    """How many edits a misspelling of ``word`` may be from it: none for short words."""
    return 0 if len(word) < 4 else 1 if len(word) < 8 else 2


# A visitor's word that starts a longer word of the texts is that word cut short ("hippo",
# "rhino") only from five letters on: shorter everyday words begin unrelated compounds
# ("back" in "background", "land" in "landscape", "hand" in "handle").
MIN_TRUNCATION = 5


def spelled_in(word: str, have: set[str]) -> bool:
    """Whether ``word`` is in ``have``, allowing a visitor's typo ("helmut", "pained")."""
    if word in have:
        return True
    if len(word) >= MIN_TRUNCATION and any(w.startswith(word) for w in have):
        return True  # "hippo" for "hippopotamus"
    limit = typo_distance(word)
    if not limit or not have:
        return False
    near = process.extract(word, have, scorer=OSA.distance, score_cutoff=limit, limit=None)
    return any(other[:1] == word[:1] for other, _, _ in near)


_FUNCTION_WORDS = sorted(w for w in STOPWORDS if len(w) >= 3 and "'" not in w)


def nearest_function_word(word: str) -> str:
    """The function word a misspelling most likely meant (same first letter first)."""
    near = [
        w
        for w, _, _ in process.extract(
            word, _FUNCTION_WORDS, scorer=OSA.distance, score_cutoff=1, limit=None
        )
    ]
    # "wher" meant "where" (a completion) before "when"; a question word before "was".
    near.sort(key=lambda w: (w[:1] != word[:1], not w.startswith(word), w not in _ASKING_WORDS))
    return near[0] if near else word


_ASKING_WORDS = frozenset("who what when where which whose how why".split())

# Contractions typed without the apostrophe ("whos", "didnt"). Only those whose bare letters
# are no word of their own: "its", "were", "well", "ill" and "wont" are words, left alone.
_CONTRACTIONS = """who's what's where's when's how's why's that's there's isn't wasn't aren't
    weren't didn't doesn't don't can't hasn't haven't hadn't couldn't wouldn't shouldn't i'm
    you're they're""".split()
_APOSTROPHE_DROPPED = {c.replace("'", ""): c for c in _CONTRACTIONS}


def apostrophes_restored(text: str) -> str:
    """``text`` with contractions typed without the apostrophe put right ("whos" -> "who's").

    The tagger and every table read "who's" and "didn't"; "whos" and "didnt" are unknown
    words to them, so a question typed quickly would lose what it asks.
    """

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        restored = _APOSTROPHE_DROPPED.get(word.lower())
        if not restored:
            return word
        return restored[0].upper() + restored[1:] if word[0].isupper() else restored

    return _BARE_WORD.sub(fix, text)


_BARE_WORD = re.compile(r"(?<![\w'’])[A-Za-z]+(?![\w'’])")


def misspelt_function_word(word: str) -> bool:
    """Whether ``word`` is one edit from a function word ("teh", "wat", "wher", "hwo")."""
    if len(word) < 3 or word in STOPWORDS or not word.isalpha():
        return False
    near = process.extract(word, _FUNCTION_WORDS, scorer=OSA.distance, score_cutoff=1, limit=None)
    return any(w[:1] == word[:1] or sorted(w) == sorted(word) for w, _, _ in near)


def unknown_phrase(question: str, have: set[str]) -> str:
    """A noun phrase of the question ending in two or more words the source's words lack.

    One unfamiliar word is often a paraphrase ("discovered" for "found"); an unfamiliar
    phrase ("flying machine", "chocolate sculpture") names a thing the source does not. Words
    side by side in different phrases ("in particular want") name nothing together.
    """
    longest: list[str] = []
    for phrase in parse.noun_phrase_words(question):
        run: list[str] = []
        for token in reversed(phrase):  # the run must end in the noun the phrase names
            word = stem(token.lower())
            if len(token) < 2 or token.lower() in STOPWORDS:
                continue
            if word in GENERIC or spelled_in(word, have):
                break
            run.insert(0, token)
        longest = max(longest, run, key=len)
    return " ".join(longest) if len(longest) >= 2 else ""
