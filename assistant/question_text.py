"""Unicode hygiene for text typed by visitors, before it reaches the assistant.

Visitors are untrusted input. Invisible and look-alike characters can hide an instruction from
the injection check, split a title so it no longer matches, or reorder what a curator reads in
the answer log (a right-to-left override). So a question is:

1. rejected if it holds a NUL character (no legitimate text has one; it truncates C strings);
2. normalised to NFKC (full-width letters, ligatures and compatibility forms become plain ones;
   a letter followed by a combining accent becomes the composed letter);
3. stripped of control, format (zero-width, bidi overrides and isolates, soft hyphens, BOM),
   private-use, surrogate and unassigned characters;
4. limited to two combining marks in a row (a stack of them, "Zalgo" text, is noise);
5. folded to Latin where one word mixes Latin letters with look-alikes from another script
   ("Wаtch" with a Cyrillic "а"); a word wholly in another script is left as it is;
6. whitespace-collapsed and length-checked against ``MUSEUM_QA_MAX_QUESTION_CHARS``.
"""

from __future__ import annotations

import re
import unicodedata

from confusable_homoglyphs import categories, confusables

from assistant.errors import QuestionError

# Cc control, Cf format (zero-width, bidi controls, BOM, soft hyphen), Cs surrogate,
# Co private use, Cn unassigned.
_DROP = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
_MAX_COMBINING_RUN = 2
_WORD = re.compile(r"\w+")


def _strip_invisible(text: str) -> str:
    out: list[str] = []
    run = 0
    for ch in text:
        if ch in "\t\n\r\v\f\x85\u2028\u2029":
            out.append(" ")
            run = 0
            continue
        category = unicodedata.category(ch)
        if category in _DROP:
            continue
        if category in {"Mn", "Me"}:
            run += 1
            if run > _MAX_COMBINING_RUN:
                continue
        else:
            run = 0
        out.append(ch)
    return "".join(out)


def _fold_mixed_word(word: str) -> str:
    """A word mixing Latin with another script, with its look-alikes replaced by Latin."""
    if (
        not word.isascii()
        and "LATIN" in categories.unique_aliases(word)
        and confusables.is_mixed_script(word, allowed_aliases=["COMMON"])
    ):
        found = confusables.is_confusable(word, greedy=True, preferred_aliases=["latin"])
        for hit in found or []:
            latin = [h["c"] for h in hit["homoglyphs"] if h["c"].isascii()]
            if latin and categories.alias(hit["character"]) != "LATIN":
                word = word.replace(hit["character"], latin[0])
    return word


def clean_question(text: str, max_chars: int, *, what: str = "question") -> str:
    """``text`` made safe to pass to the assistant; raises ``QuestionError`` when it cannot be.

    Args:
        text: What the visitor typed.
        max_chars: The longest accepted result (``settings.max_question_chars``).
        what: How the error messages name the text ("question", "history item").

    """
    if "\x00" in text:
        raise QuestionError(f"the {what} contains a NUL character")
    text = unicodedata.normalize("NFKC", text)
    text = _strip_invisible(text)
    text = _WORD.sub(lambda m: _fold_mixed_word(m.group(0)), text)
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    if not text:
        raise QuestionError(f"the {what} is empty")
    if len(text) > max_chars:
        raise QuestionError(f"the {what} is {len(text)} characters long; the limit is {max_chars}")
    return text
