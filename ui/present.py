"""How an ``Answer`` is shown: streamed pieces, highlighted passages, related questions.

Plain functions of the answer contract, with no Streamlit in them, so they are unit-tested
directly and shared by the visitor and front-desk pages. Words shown to people are English
msgids; a page passes its translate function (``ui.language._``), the CLI keeps English.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator, Sequence

from rapidfuzz import fuzz

from assistant.answer import Answer, AnswerSentence, Citation
from assistant.documents import CURATOR_NOTE
from assistant.i18n import N_

Translate = Callable[[str], str]
# Said in the visitor's language before a corrected answer, and around a refusal.
CORRECTED_NOTICE = N_("The museum's sources don't support that. Here is what they do say.")
REFUSAL_MESSAGE = N_(
    "Sorry! {answer} I only answer from the museum's own checked texts, so I won't guess."
)
OUTCOME_LABELS = {
    "answered": N_("Answered"),
    "corrected": N_("Corrected"),
    "refused": N_("Refused"),
}

# The catalogue-record passage is written from fixed sentence shapes (assistant/documents.py);
# each names the object's title. Used only when a retrieved entry carries no "title" key.
_RECORD_TITLE = [
    re.compile(r"^The accession number of (?P<t>.+?) is \S"),
    re.compile(r"^The medium of (?P<t>.+?) is "),
    re.compile(
        r"^(?P<t>.+?) (?:is by|is the work of|is dated|was made in|is catalogued as|"
        r"is in the collection of) "
    ),
]
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9])")
# Characters that start Markdown (or Streamlit's :color[...] and $math$) syntax mid-line.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~$])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+(?=[.)]))", re.MULTILINE)
_CODE_LIKE = re.compile(r"^(?=.*\d)[A-Za-z]{0,5}[ .\-]?[A-Za-z0-9]+(?:[.\-/][A-Za-z0-9]+)*$")


def as_written(message: str) -> str:
    """No translation: the English msgid itself (the CLI's words, and the default)."""
    return message


def md_escape(text: str) -> str:
    """Text shown as Markdown exactly as typed (a visitor's ``*`` is not emphasis)."""
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    # "- x" or "1. x" at the start of a line would become a list.
    return _MD_LINE_START.sub(
        lambda m: (
            m.group(1) + (m.group(2) + "\\" if m.group(2)[0].isdigit() else "\\" + m.group(2))
        ),
        escaped,
    )


def split_passage(passage: str) -> list[str]:
    """A passage as sentences (simple rules: passages are edited curatorial prose)."""
    return [s for s in _SENTENCE_END.split(passage.strip()) if s]


def sentence_line(sentence: AnswerSentence) -> str:
    """One answer sentence as Markdown, with its citation numbers: ``text [1][2]``."""
    marks = "".join(f"[{n}]" for n in sentence.citations)
    return f"{md_escape(sentence.text)} {md_escape(marks)}".strip()


def stream_pieces(answer: Answer) -> Iterator[str]:
    """The verified sentences one by one, as they appear to the visitor."""
    for i, sentence in enumerate(answer.sentences):
        yield ("" if i == 0 else " ") + sentence_line(sentence)


def short_and_more(answer: Answer) -> tuple[list[AnswerSentence], list[AnswerSentence]]:
    """The first sentence (the short answer at the desk) and the rest."""
    return answer.sentences[:1], answer.sentences[1:]


def cited_by(answer: Answer, n: int) -> list[AnswerSentence]:
    """The answer sentences that cite source ``n``."""
    return [s for s in answer.sentences if n in s.citations]


def highlighted_passage(citation: Citation, sentences: Sequence[AnswerSentence]) -> str:
    """The cited passage as escaped HTML, the sentence(s) it vouches for in ``<mark>``.

    A quoted sentence matches exactly; a sentence the model phrased is matched to the
    passage sentence it is closest to, as the verifier did.
    """
    parts = split_passage(citation.passage)
    marked: set[int] = set()
    for sentence in sentences:
        if not parts:
            break
        scores = [fuzz.token_set_ratio(sentence.text, p) for p in parts]
        best = max(range(len(parts)), key=scores.__getitem__)
        if scores[best] >= 50:
            marked.add(best)
    return " ".join(
        f'<mark class="cited">{html.escape(p)}</mark>' if i in marked else html.escape(p)
        for i, p in enumerate(parts)
    )


def image_tag(citation: Citation) -> str:
    """The source's image as an ``<img>`` for the visitor's browser to load, else "".

    The browser fetches it from the museum's image server (museum-qa never does), lazily,
    without telling that server which page it is on. Only an http(s) address is used
    (``Citation.image_src``), and it and the title are escaped for the attribute.
    """
    src = citation.image_src
    if not src:
        return ""
    return (
        f'<img class="source-image" src="{html.escape(src, quote=True)}" '
        f'alt="{html.escape(citation.shown_title, quote=True)}" loading="lazy" '
        'referrerpolicy="no-referrer">'
    )


def source_label(
    citation: Citation, citations: Sequence[Citation], translate: Translate = as_written
) -> str:
    """``[n] Title``, plus which kind of text it is: a curator's note, or when two share a title."""
    label = f"[{citation.n}] {citation.shown_title}"
    if byline := note_byline(citation, translate):
        return f"{label} · {byline}"
    if sum(c.title == citation.title for c in citations) < 2:
        return label
    is_record = title_of({"kind": "record", "passage": citation.passage}) is not None
    kind = N_("{label} (catalogue record)") if is_record else N_("{label} (curatorial text)")
    return translate(kind).format(label=label)


def note_byline(citation: Citation, translate: Translate = as_written) -> str:
    """The "Curator's note by <author>, <date>" line of a curator's note; "" for other sources."""
    if citation.source_type != CURATOR_NOTE:
        return ""
    return translate(N_("Curator's note by {author}, {date}")).format(
        author=citation.vetted_by, date=citation.vetted_on
    )


def title_of(entry: dict[str, object]) -> str | None:
    """The object title of a retrieved passage (from its record sentence if need be)."""
    title = entry.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    if entry.get("kind") != "record":
        return None
    first = split_passage(str(entry.get("passage", "")))[:1]
    for pattern in _RECORD_TITLE:
        match = pattern.match(first[0]) if first else None
        if match:
            return match.group("t").strip()
    return None


def related_questions(answer: Answer, limit: int = 3) -> list[str]:
    """Questions about the nearest vetted objects, offered after a refusal.

    Only objects that were actually retrieved from the index are named, nearest first.
    They stay English: a tap asks them, and they are worded as the assistant parses them.
    """
    scores: dict[str, float] = {}
    titles: dict[str, str] = {}
    for entry in answer.retrieved:
        source = str(entry.get("source_id", ""))
        score = float(entry.get("score", 0.0) or 0.0)
        scores[source] = max(score, scores.get(source, score))
        title = title_of(entry)
        if title:
            titles.setdefault(source, title)
    ranked = sorted((s for s in scores if s in titles), key=lambda s: -scores[s])
    return [f"Who made {titles[s]}?" for s in ranked[:limit]]


def lookup_question(kind: str, value: str) -> str:
    """The question the front desk asks for a lookup by accession number or by title.

    English, like ``related_questions``: it is asked, not shown as the UI's own words.
    """
    value = " ".join(value.split())
    if kind == "accession":
        return f"What is the object with accession number {value}?"
    return f"Tell me about {value}."


def looks_like_accession(value: str) -> bool:
    """Whether a lookup string reads as an accession number ("SK-C-5", "37.760")."""
    return bool(_CODE_LIKE.fullmatch(value.strip()))


def outcome_label(outcome: str, translate: Translate = as_written) -> str:
    """Curator-facing words for an outcome."""
    label = OUTCOME_LABELS.get(outcome)
    return translate(label) if label else outcome
