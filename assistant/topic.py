"""Is a source about what the question is about? Similar wording is not enough.

"Who painted the Sistine Chapel ceiling?" sits close, in embedding space, to any passage about
a Renaissance painter; quoting that passage would imply an answer the museum never gave. So a
source counts as evidence only if it mentions most of the question's topic words, or the
question names the object itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz

from assistant.text import content_words, fold, stem

# Words that say what kind of question it is, not what it is about.
GENERIC = frozenset(
    stem(w)
    for w in """paint painted painting paintings painter artist artists made make maker created
    create work works artwork artworks object objects museum museums collection picture image
    show shows shown depict depicts depicted famous real really true right actually sure
    guide said says say think thought heard read book books story stories name named called
    mean means meaning look looks like kind type piece pieces item items thing things visit
    visitors see seen view display displayed exhibit exhibited gallery year years old
    happen happened why how way ever also first original originally actual""".split()
)


def topic_words(question: str) -> list[str]:
    """Stems of the question's content words that name its subject."""
    return list(dict.fromkeys(w for w in content_words(question) if w not in GENERIC))


def mentions_title(question: str, title: str) -> bool:
    """Whether the question names the object (fuzzy, ignoring articles and subtitles)."""
    core = re.sub(r"\(.*?\)", "", fold(title)).strip()
    core = re.sub(r"^(the|a|an)\s+", "", core)
    if len(core) < 4:
        return False
    return fuzz.partial_ratio(core, fold(question)) >= 90


def coverage(question: str, texts: Iterable[str]) -> float:
    """Share of the question's topic words found anywhere in a source's texts (1.0 if none)."""
    wanted = topic_words(question)
    if not wanted:
        return 1.0
    have = set(content_words(" ".join(texts)))
    return sum(1 for w in wanted if w in have) / len(wanted)
