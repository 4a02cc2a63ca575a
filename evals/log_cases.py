"""Eval cases from reviewed answers in the answer log (``museum-qa eval cases-from-log``).

A curator's verdict says what a trustworthy answer to a real visitor's question does; this
module turns it into a case in the ordinary case format, or says why it cannot. The mapping
is written down in docs/evals.md ("Cases from the answer log"). Nothing here guesses: a
verdict whose right answer cannot be checked is skipped with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from evals.cases import (
    CASES_DIR,
    LIVE_CORPUS,
    LOG_CATEGORY,
    SPLITS,
    CaseFileError,
    EvalCase,
    load_cases,
)
from evals.split_cases import SplitError, group_cases

LOG_CASES_FILE = CASES_DIR / "from_log.yaml"
CASE_PREFIX = "log-"
HEADER = (
    "# Cases made from reviewed answers in the answer log by `museum-qa eval cases-from-log`\n"
    '# (docs/evals.md, "Cases from the answer log"). Questions are stored redacted. New cases\n'
    "# join the dev split; `museum-qa eval move-case ID --split test` moves one to test.\n"
)
OUTCOMES = ("answered", "corrected", "refused")
# A curator's note may say what the right answer does, in three plain forms (docs/evals.md):
# "expect: refused", "source: id-1, id-2", and words in quotes the answer must contain.
_EXPECT = re.compile(r"\bexpect(?:ed)?\s*:\s*(answered|corrected|refused)\b", re.IGNORECASE)
_SOURCES = re.compile(r"\bsources?\s*:\s*([^\n;]+)", re.IGNORECASE)
_QUOTED = re.compile(r"\"([^\"]+)\"|“([^”]+)”|«([^»]+)»|„([^“”]+)[“”]")

TiedSources = Callable[[Mapping[str, Any]], Sequence[str]]
"""Source ids a curator has tied to an answer outside its note (e.g. a curator note written
for its work item): they are gold sources, as if the review note had named them."""


@dataclass(frozen=True)
class NoteReading:
    """What a reviewer's note says about the right answer."""

    expect: str | None
    sources: tuple[str, ...]
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    """One reviewed answer: the case made from it, or why none was."""

    answer_id: str
    verdict: str
    question: str
    case: dict[str, Any] | None
    reason: str  # why it was skipped, or what the case checks


def source_names(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """``{name as a note may write it (lower case): source id}`` from (name, source id) pairs.

    Names are source ids and accession numbers; the first pair for a name wins.
    """
    names: dict[str, str] = {}
    for name, source_id in pairs:
        key = " ".join(name.lower().split())
        if key:
            names.setdefault(key, source_id)
    return names


def _mentions(note: str, names: Mapping[str, str]) -> list[str]:
    """Source ids named anywhere in the note: runs of one to three words looked up whole.

    Accession numbers may hold a space ("INV 779") or dots ("37.355"); a word's trailing
    full stop or comma is the sentence's, not the number's.
    """
    words = [w.rstrip(".,:;!?)") for w in re.findall(r"[\w][\w.,:/-]*", note.lower())]
    found = []
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            source = names.get(" ".join(words[start : start + size]))
            if source:
                found.append(source)
    return found


def read_note(note: str, names: Mapping[str, str]) -> NoteReading:
    """Read a reviewer's note: an explicit outcome, the sources it names, the words it quotes.

    ``names`` (from ``source_names``) says which source ids and accession numbers exist: a
    name that is not there is not a source, whether after "source:" or anywhere in the note.
    Quoted text that names a source is a source, not words to include.
    """
    expect = _EXPECT.search(note)
    sources = []
    for match in _SOURCES.finditer(note):
        listed = [" ".join(t.strip(" .").lower().split()) for t in match[1].split(",")]
        sources += [names[t] for t in listed if t in names]
    sources += _mentions(note, names)
    phrases = []
    for match in _QUOTED.finditer(note):
        text = " ".join(next(g for g in match.groups() if g).split())
        if text and text.lower() not in names:
            phrases.append(text)
    return NoteReading(
        expect.group(1).lower() if expect else None,
        tuple(dict.fromkeys(sources)),
        tuple(dict.fromkeys(phrases)),
    )


def _cited(row: Mapping[str, Any]) -> list[str]:
    return list(dict.fromkeys(str(c["source_id"]) for c in row.get("citations") or []))


def expectation(
    verdict: str, outcome: str, note: NoteReading, cited: Sequence[str]
) -> tuple[dict[str, Any] | None, str]:
    """The case fields a verdict supports: (fields, what they check) or (None, why not)."""
    phrases = list(note.phrases)
    if verdict == "correct":
        if outcome == "refused":
            return {"expected_outcome": "refused", "gold_sources": []}, "refuses again"
        gold = list(dict.fromkeys([*cited, *note.sources]))
        fields = {"expected_outcome": outcome, "gold_sources": gold, "must_include": phrases}
        return fields, f"{outcome}, citing {', '.join(gold)}"
    expect: str | None
    if verdict == "needs_source":
        if not note.sources:
            return None, "needs a source, and none is named yet (source: ID in the note)"
        expect = note.expect or "answered"
    elif verdict == "incorrect":
        expect = note.expect or _incorrect_default(outcome, note)
        if expect is None:
            return None, "incorrect, and the note does not say what the right answer does"
        if expect == outcome and not (note.sources or phrases):
            return None, f"expects {outcome} again, and names no source or words to check"
    else:
        return None, f"unknown verdict {verdict!r}"
    if expect == "refused":
        return {"expected_outcome": "refused", "gold_sources": []}, "refuses"
    fields = {
        "expected_outcome": expect,
        "gold_sources": list(note.sources),
        "must_include": phrases,
    }
    named = f", citing {', '.join(note.sources)}" if note.sources else ""
    return fields, f"{expect}{named}"


def _incorrect_default(outcome: str, note: NoteReading) -> str | None:
    """What an "incorrect" verdict expects when the note names no outcome.

    A wrong refusal: the vetted texts answer it. A wrong answer with a source or quoted words:
    the answer that has them. Anything else (a wrong correction, a bare "wrong") is not
    checkable without guessing.
    """
    if outcome == "refused":
        return "answered"
    if outcome == "answered" and (note.sources or note.phrases):
        return "answered"
    return None


def case_from_row(
    row: Mapping[str, Any],
    names: Mapping[str, str],
    tied: TiedSources | None = None,
    corpus: str = LIVE_CORPUS,
) -> Outcome:
    """Turn one reviewed answer into a case (split left for ``assign_splits``), or skip it."""
    answer_id = str(row.get("public_id") or "")
    verdict = str(row.get("review_verdict") or "")
    base = Outcome(answer_id or f"row {row.get('id')}", verdict, str(row["question"]), None, "")
    if not answer_id:
        return _skip(base, "logged before answers had public ids")
    note_text = str(row.get("review_note") or "")
    note = read_note(note_text, names)
    if tied is not None:
        extra = tuple(s for s in tied(row) if s)
        note = NoteReading(note.expect, tuple(dict.fromkeys([*note.sources, *extra])), note.phrases)
    fields, why = expectation(verdict, str(row["outcome"]), note, _cited(row))
    if fields is None:
        return _skip(base, why)
    reviewed = row.get("reviewed_at")
    when = f" on {reviewed:%Y-%m-%d}" if reviewed else ""
    language = str(row.get("language") or "en")
    case = {
        "id": CASE_PREFIX + answer_id,
        "category": LOG_CATEGORY,
        "question": str(row["question"]),
        **{k: v for k, v in fields.items() if v or k == "gold_sources"},
        "corpus": corpus,
        "language": language if re.fullmatch(r"[a-z]{2}", language) else "en",
        "answer_id": answer_id,
        "notes": f"Reviewed {verdict}{when} (was {row['outcome']})"
        + (f": {' '.join(note_text.split())}" if note_text.strip() else ""),
    }
    try:
        EvalCase.model_validate({**case, "split": "dev"})
    except ValidationError as exc:
        return _skip(base, f"not a valid case: {exc.errors()[0]['msg']}")
    return Outcome(base.answer_id, verdict, base.question, case, why)


def _skip(base: Outcome, reason: str) -> Outcome:
    return Outcome(base.answer_id, base.verdict, base.question, None, reason)


def existing_answer_ids(path: Path) -> set[str]:
    """The answers already turned into cases in the log-cases file (none if it is new)."""
    if not path.exists():
        return set()
    return {c.answer_id for c in load_cases(path) if c.answer_id}


def assign_splits(new: Sequence[dict[str, Any]], existing: Sequence[dict[str, Any]]) -> None:
    """Give each new case a split: its object's split if a case already names it, else dev.

    The test split must hold objects no dev case names (docs/evals.md), so a case about an
    object whose cases are in test joins them there.

    Raises:
        CaseFileError: The existing cases already name one object in both splits.

    """
    try:
        groups = group_cases([*existing, *new])
    except SplitError as exc:
        raise CaseFileError(str(exc)) from exc
    split_of = {cid: g.fixed or SPLITS[0] for g in groups for cid in g.case_ids}
    for case in new:
        case["split"] = split_of[case["id"]]


def append_cases(path: Path, cases: Sequence[dict[str, Any]]) -> None:
    """Append cases to the log-cases file (made with a header if new), then check it loads.

    Raises:
        CaseFileError: The file does not load afterwards (nothing is lost: it is appended to).
        OSError: The file cannot be written.

    """
    order = ["id", "category", "split", "question", "expected_outcome", "gold_sources"]
    items = [{**{k: c[k] for k in order}, **c} for c in cases]
    text = yaml.safe_dump(items, sort_keys=False, allow_unicode=True, width=100)
    path.parent.mkdir(parents=True, exist_ok=True)
    fresh = not path.exists() or not path.read_text(encoding="utf-8").strip()
    with path.open("a", encoding="utf-8") as fh:
        if fresh:
            fh.write(HEADER)
        elif not path.read_text(encoding="utf-8").endswith("\n"):
            fh.write("\n")
        fh.write(text)
    load_cases(path)


def packaged_raw(folder: Path = CASES_DIR, skip: Path | None = None) -> list[dict[str, Any]]:
    """Every case in a folder as parsed YAML (for grouping by object), except file ``skip``."""
    raw: list[dict[str, Any]] = []
    if not folder.is_dir():
        return raw
    for file in sorted(folder.glob("*.yaml")):
        if skip is None or file.resolve() != skip.resolve():
            raw += yaml.safe_load(file.read_text(encoding="utf-8")) or []
    return raw
