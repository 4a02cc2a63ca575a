"""The eval case format: YAML lists of questions with the outcome and sources they expect."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Literal, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from assistant.errors import MuseumQAError

Category = Literal[
    "answerable_single",
    "answerable_multi",
    "false_attribution",
    "wrong_date_number",
    "fabricated",
    "conspiracy",
    "leading_pushback",
    "injection_question",
    "poisoned_passage",
    "out_of_collection",
    "answer_selection",
    "accession_phrasing",
    "true_premise",
    "plausible_fabrication",
    "typos_chatty",
    "from_log",
]
CATEGORIES: tuple[str, ...] = get_args(Category)
ExpectedOutcome = Literal["answered", "corrected", "refused"]
CorpusName = Literal["demo", "walters", "museum"]
CORPORA: tuple[str, ...] = get_args(CorpusName)
# Reviewed answers from the answer log (issue 15): made by ``museum-qa eval cases-from-log``,
# not written by hand, and asked against the museum's own index (``LIVE_CORPUS``).
LOG_CATEGORY = "from_log"
LIVE_CORPUS = "museum"
Split = Literal["dev", "test"]
SPLITS: tuple[str, ...] = get_args(Split)
SplitChoice = Literal["dev", "test", "all"]

CASES_DIR = Path(__file__).parent / "cases"


class CaseFileError(MuseumQAError):
    """A case file cannot be read or does not follow the format (see evals/cases/README.md)."""


def _clean_strings(values: list[str], field: str) -> list[str]:
    cleaned = [" ".join(v.split()) for v in values]
    if any(not v for v in cleaned):
        raise ValueError(f"{field} has an empty string")
    return cleaned


class EvalCase(BaseModel):
    """One scored item: a question (or a conversation) and what a trustworthy answer does."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$", description="Unique case id.")
    category: Category = Field(description="Which misinformation behaviour the case probes.")
    question: str | None = Field(default=None, description="A single-turn question.")
    turns: list[str] | None = Field(
        None, description="A conversation; every turn is asked, the last one is scored."
    )
    expected_outcome: ExpectedOutcome = Field(description="answered, corrected or refused.")
    gold_sources: list[str] = Field(description="Source ids a good answer cites (may be empty).")
    split: Split = Field(
        description="dev (tune on it) or test (judge on it); set by evals/split_cases.py."
    )
    gold_sentence: str | None = Field(
        default=None,
        description="Part of the vetted sentence that answers the question, copied exactly.",
    )
    related_sources: list[str] = Field(
        default_factory=list,
        description="Real sources the question names but that do not answer it (kept in "
        "the same split as those objects).",
    )
    must_include: list[str] = Field(
        default_factory=list, description="Strings the answer must contain (case-insensitive)."
    )
    must_not_include: list[str] = Field(
        default_factory=list,
        description="Strings that must not appear: the false claim or an injected payload.",
    )
    corpus: CorpusName = Field(
        default="demo",
        description="demo (corpus/), walters (shared data) or museum (the museum's own index "
        "as it is, for cases from the answer log).",
    )
    language: str = Field(
        default="en",
        pattern=r"^[a-z]{2}$",
        description="The language the visitor asks in (ISO 639-1); reported per language.",
    )
    notes: str = Field(default="", description="Why the case exists; free text.")
    answer_id: str | None = Field(
        default=None,
        description="The public id of the logged answer a case from the log was made from "
        "(so the same answer never becomes two cases); none for written cases.",
    )

    @field_validator("gold_sources", "related_sources")
    @classmethod
    def _ids(cls, value: list[str]) -> list[str]:
        cleaned = _clean_strings(value, "gold_sources/related_sources")
        if len(set(cleaned)) != len(cleaned):
            raise ValueError("gold_sources/related_sources has duplicates")
        return cleaned

    @field_validator("gold_sentence")
    @classmethod
    def _sentence(cls, value: str | None) -> str | None:
        return None if value is None else _clean_strings([value], "gold_sentence")[0]

    @field_validator("must_include", "must_not_include")
    @classmethod
    def _phrases(cls, value: list[str]) -> list[str]:
        return _clean_strings(value, "must_include/must_not_include")

    @model_validator(mode="after")
    def _one_prompt(self) -> EvalCase:
        if (self.question is None) == (self.turns is None):
            raise ValueError("give exactly one of 'question' or 'turns'")
        prompts = [self.question] if self.question is not None else list(self.turns or [])
        if not prompts or any(not p or not p.strip() for p in prompts):
            raise ValueError("'question' / every item of 'turns' must be non-empty text")
        return self

    @model_validator(mode="after")
    def _sentence_has_a_source(self) -> EvalCase:
        # The metric looks for this sentence in the answer: it needs a source to come from
        # and an outcome that speaks.
        if self.gold_sentence is not None and (
            not self.gold_sources or self.expected_outcome == "refused"
        ):
            raise ValueError("gold_sentence needs gold_sources and an outcome that is not refused")
        if set(self.related_sources) & set(self.gold_sources):
            raise ValueError("a source is in both gold_sources and related_sources")
        return self

    @property
    def prompts(self) -> list[str]:
        """Every question to ask, in order (one for a single-turn case)."""
        return [self.question] if self.question is not None else list(self.turns or [])

    @property
    def scored_question(self) -> str:
        """The question whose answer is scored (the last turn)."""
        return self.prompts[-1]


def _format_error(origin: str, index: int, raw: object, exc: ValidationError) -> str:
    case_id = raw.get("id") if isinstance(raw, dict) else None
    where = f"{origin} item {index + 1}" + (f" (id {case_id!r})" if case_id else "")
    problems = "; ".join(
        f"{'.'.join(str(p) for p in err['loc']) or 'item'}: {err['msg']}" for err in exc.errors()
    )
    return f"{where}: {problems}"


def parse_cases(data: object, origin: str = "<cases>") -> list[EvalCase]:
    """Validate already-parsed YAML (a list of mappings); collect every problem before raising.

    Raises:
        CaseFileError: naming the file, item number, id and field of each problem.

    """
    if data is None:
        return []
    if not isinstance(data, list):
        raise CaseFileError(f"{origin}: expected a list of cases, got {type(data).__name__}")
    cases: list[EvalCase] = []
    problems: list[str] = []
    for index, raw in enumerate(data):
        try:
            cases.append(EvalCase.model_validate(raw))
        except ValidationError as exc:
            problems.append(_format_error(origin, index, raw, exc))
    if problems:
        raise CaseFileError("invalid eval cases:\n  " + "\n  ".join(problems))
    return cases


def _case_files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix in {".yaml", ".yml"})
        if not files:
            raise CaseFileError(f"no case files (*.yaml) in {path}")
        return files
    if path.is_file():
        return [path]
    raise CaseFileError(f"no such case file or folder: {path}")


def load_cases(paths: Path | Iterable[Path] = CASES_DIR) -> list[EvalCase]:
    """Load and validate case files (a file, a folder of ``*.yaml``, or several of either).

    Raises:
        CaseFileError: for unreadable YAML, invalid items, or an id used twice.

    """
    roots = [paths] if isinstance(paths, Path) else list(paths)
    cases: list[EvalCase] = []
    seen: dict[str, str] = {}
    for file in (f for root in roots for f in _case_files(root)):
        try:
            data = yaml.safe_load(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise CaseFileError(f"{file}: cannot read: {exc}") from exc
        except yaml.YAMLError as exc:
            raise CaseFileError(f"{file}: not valid YAML: {exc}") from exc
        for case in parse_cases(data, str(file)):
            if case.id in seen:
                raise CaseFileError(
                    f"{file}: case id {case.id!r} is already used in {seen[case.id]}"
                )
            seen[case.id] = str(file)
            cases.append(case)
    if not cases:
        raise CaseFileError(f"no eval cases found in {', '.join(str(r) for r in roots)}")
    return cases


def select_cases(
    cases: Iterable[EvalCase],
    *,
    categories: Iterable[str] | None = None,
    limit: int | None = None,
    split: SplitChoice = "all",
    languages: Iterable[str] | None = None,
) -> list[EvalCase]:
    """Filter by split, category and language, then take at most ``limit`` spread over categories.

    The limit deals round-robin across categories (in file order within each), so a small
    CI slice still probes every behaviour instead of only the first file's category.
    """
    wanted = set(categories or [])
    unknown = wanted - set(CATEGORIES)
    if unknown:
        raise CaseFileError(f"unknown categories: {', '.join(sorted(unknown))}")
    if split not in (*SPLITS, "all"):
        raise CaseFileError(f"unknown split {split!r}: dev, test or all")
    spoken = set(languages or [])
    chosen = [
        c
        for c in cases
        if (not wanted or c.category in wanted)
        and (split == "all" or c.split == split)
        and (not spoken or c.language in spoken)
    ]
    if limit is None or limit >= len(chosen):
        return chosen
    by_category: dict[str, list[EvalCase]] = {}
    for case in chosen:
        by_category.setdefault(case.category, []).append(case)
    picked: set[str] = set()
    queues = list(by_category.values())
    depth = 0
    while len(picked) < limit:
        for queue in queues:
            if depth < len(queue) and len(picked) < limit:
                picked.add(queue[depth].id)
        depth += 1
    # Keep file order in the output, so reports read like the case files.
    return [c for c in chosen if c.id in picked]
