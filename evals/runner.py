"""Run eval cases through the full assistant or the baseline arm, and score the answers."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

from langchain_core.language_models import BaseChatModel

from assistant.answer import Answer
from assistant.errors import MuseumQAError
from assistant.settings import Settings
from evals.cases import LIVE_CORPUS, CaseFileError, EvalCase, SplitChoice, select_cases
from evals.judge import SupportFn, default_support_fn, judge_answer
from evals.metrics import (
    ItemScore,
    MetricSet,
    metrics_by_group,
    metrics_by_language,
    metrics_by_split,
    score_item,
)
from evals.thresholds import judged_split
from ingest.loaders import Attestation

Arm = Literal["full", "baseline"]
Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``, called as work advances (e.g. to drive a progress bar)."""

REPO_ROOT = Path(__file__).resolve().parent.parent
WALTERS_ATTESTATION = Attestation(
    "The Walters Art Museum (published collection data)", "2015-08-06"
)


class EvalError(MuseumQAError):
    """The eval could not run (a corpus is missing, a case cannot be asked, ...)."""


@dataclass(frozen=True)
class CorpusSpec:
    """Where a named corpus lives and, for a whole collection export, who vetted it."""

    path: Path
    attestation: Attestation | None = None
    # More folders ingested into the same index (the demo corpus + the poisoned fixtures).
    extra: tuple[Path, ...] = ()


def default_corpora() -> dict[str, CorpusSpec]:
    """``demo`` is the repo's ``corpus/``; ``walters`` the shared Walters export."""
    return {
        # Poisoned fixtures sit beside the demo corpus in the eval index only, never in corpus/.
        "demo": CorpusSpec(REPO_ROOT / "corpus", extra=(Path(__file__).parent / "poisoned",)),
        "walters": CorpusSpec(
            REPO_ROOT.parent / "shared" / "data" / "walters-art-museum" / "objects.jsonl",
            WALTERS_ATTESTATION,
        ),
    }


class Asker(Protocol):
    """Either arm: one question in, one ``Answer`` out."""

    def ask(self, question: str, history: Sequence[str] = ()) -> Answer:
        """Answer (or refuse) one question, given the visitor's earlier questions."""
        ...


@dataclass
class CaseRun:
    """One case: the answers to each of its turns (the last is scored) and its scores."""

    case: EvalCase
    answers: list[Answer]
    score: ItemScore

    @property
    def answer(self) -> Answer:
        """The scored answer."""
        return self.answers[-1]


@dataclass
class EvalResult:
    """Everything one arm produced: per-case runs and the metrics per group and per split."""

    arm: str
    model: str
    runs: list[CaseRun]
    metrics: dict[str, MetricSet]
    elapsed_s: float
    corpora: dict[str, str] = field(default_factory=dict)
    by_split: dict[str, dict[str, MetricSet]] = field(default_factory=dict)
    by_language: dict[str, dict[str, MetricSet]] = field(default_factory=dict)

    @property
    def judged_split(self) -> str:
        """The split thresholds are judged on (``test`` when run); ``all`` if none recorded."""
        return judged_split(self.by_split) or "all"

    @property
    def judged_metrics(self) -> dict[str, MetricSet]:
        """The metrics per group of the judged split."""
        return self.by_split.get(self.judged_split, self.metrics)


def corpus_settings(settings: Settings, name: str, root: Path) -> Settings:
    """Derive settings for one corpus's eval index: own folder and collection, no log."""
    return settings.model_copy(
        update={
            "data_dir": root / name,
            "collection": f"{settings.collection}_eval_{name}",
            "log_answers": False,
        }
    )


def live_settings(settings: Settings) -> Settings:
    """The museum's own index, read as it is, for cases from the answer log.

    Those cases cite the sources the museum's visitors were answered from, so they are asked
    against that index (``MUSEUM_QA_DATA_DIR``, its collection); nothing is ingested into it
    and the eval's answers are not logged.

    Raises:
        EvalError: The museum's index is missing or empty.

    """
    from assistant.store import VectorIndex

    live = settings.model_copy(update={"log_answers": False})
    try:
        count = VectorIndex.open(live).count()
    except MuseumQAError as exc:
        raise EvalError(f"corpus {LIVE_CORPUS!r} (the museum's own index): {exc}") from exc
    if count == 0:
        raise EvalError(
            f"corpus {LIVE_CORPUS!r}: the museum's index in {settings.data_dir} is empty "
            "(museum-qa ingest first, or set MUSEUM_QA_DATA_DIR)"
        )
    return live


def prepare_corpus(
    settings: Settings, name: str, spec: CorpusSpec, progress: Progress | None = None
) -> None:
    """Bring the corpus's index in step with its files (incremental: a reused dir is fast)."""
    from assistant.store import VectorIndex
    from ingest.pipeline import ingest

    if not spec.path.exists():
        raise EvalError(f"corpus {name!r}: no such file or folder {spec.path}")

    def report_progress(stage: str, done: int, total: int) -> None:
        if progress:
            progress(f"ingest {name} ({stage})", done, total)

    index = VectorIndex.open(settings, create=True)
    # Prune, so a reused data dir holds exactly this corpus and nothing left from an old run.
    report = ingest(
        [spec.path, *[p for p in spec.extra if p.exists()]],
        index,
        prune=True,
        attestation=spec.attestation,
        progress=report_progress,
    )
    if report.errors:
        problems = "; ".join(f"{e.path}: {e.reason}" for e in report.errors[:5])
        raise EvalError(f"corpus {name!r} could not be read: {problems}")
    if index.count() == 0:
        raise EvalError(f"corpus {name!r} at {spec.path} has no vetted documents")


def _make_asker(arm: Arm, settings: Settings, model: BaseChatModel, name: str) -> Asker:
    if arm == "full":
        from assistant.service import build_assistant

        return build_assistant(settings, model=model)
    from assistant.store import VectorIndex
    from evals.baseline import BaselineAssistant

    return BaselineAssistant(
        VectorIndex.open(settings),
        model,
        top_k=settings.top_k,
        max_sentences=settings.max_sentences,
        model_name=name,
    )


def _check_askable(
    settings: Settings, cases: Sequence[EvalCase], corpora: Mapping[str, CorpusSpec]
) -> None:
    """Fail before any slow work if a case could never be asked."""
    too_long = [
        c.id
        for c in cases
        if any(len(" ".join(p.split())) > settings.max_question_chars for p in c.prompts)
    ]
    if too_long:
        raise CaseFileError(
            f"questions longer than {settings.max_question_chars} characters: "
            + ", ".join(too_long)
        )
    unknown = sorted({c.corpus for c in cases} - set(corpora) - {LIVE_CORPUS})
    if unknown:
        raise EvalError(f"no path configured for corpus {', '.join(unknown)}")


def run_eval(
    settings: Settings,
    cases: Iterable[EvalCase],
    *,
    arm: Arm = "full",
    limit: int | None = None,
    categories: Iterable[str] | None = None,
    split: SplitChoice = "all",
    progress: Progress | None = None,
    model: BaseChatModel | None = None,
    corpora: Mapping[str, CorpusSpec] | None = None,
    data_dir: Path | None = None,
    support_fn: SupportFn | None = None,
) -> EvalResult:
    """Ask every selected case through one arm and score the answers.

    Args:
        settings: Base settings; each corpus gets its own data dir and collection under
            ``data_dir`` and the answer log is off.
        cases: The cases to draw from (see ``evals.cases.load_cases``).
        arm: ``full`` (``build_assistant(...).ask``) or ``baseline`` (bare model).
        limit: At most this many cases, spread over the categories.
        categories: Only these categories.
        split: Only the ``dev`` or the ``test`` cases, or ``all``.
        progress: Called as ``progress(stage, done, total)``.
        model: A chat model to use instead of the configured one (e.g. a scripted fake).
        corpora: Corpus name to location; defaults to ``default_corpora()``.
        data_dir: Where the eval indexes live and are reused; default a temporary folder.
        support_fn: The support checker for citation metrics; default the project's Verifier.

    Returns:
        The per-case runs and the metrics per group.

    Raises:
        EvalError: A corpus cannot be ingested or a case cannot be asked.
        CaseFileError: A case cannot be asked with these settings (e.g. too long).

    """
    from assistant.llm import make_chat_model, model_name

    started = time.perf_counter()
    chosen = select_cases(cases, categories=categories, limit=limit, split=split)
    corpora = dict(corpora) if corpora is not None else default_corpora()
    _check_askable(settings, chosen, corpora)
    name = model_name(settings) if model is None else type(model).__name__
    if model is None:
        model = make_chat_model(settings)

    with ExitStack() as stack:
        root = data_dir or Path(
            stack.enter_context(tempfile.TemporaryDirectory(prefix="museum-qa-eval-"))
        )
        askers: dict[str, Asker] = {}
        for corpus in dict.fromkeys(c.corpus for c in chosen):
            if corpus == LIVE_CORPUS:
                corpus_cfg = live_settings(settings)
            else:
                corpus_cfg = corpus_settings(settings, corpus, root)
                prepare_corpus(corpus_cfg, corpus, corpora[corpus], progress)
            askers[corpus] = _make_asker(arm, corpus_cfg, model, name)

        answered: list[tuple[EvalCase, list[Answer]]] = []
        for done, case in enumerate(chosen, start=1):
            try:
                # A conversation: each turn sees the earlier ones; the last answer is scored.
                prompts = case.prompts
                answers = [askers[case.corpus].ask(q, prompts[:i]) for i, q in enumerate(prompts)]
            except MuseumQAError as exc:
                raise EvalError(f"case {case.id!r}: {exc}") from exc
            answered.append((case, answers))
            if progress:
                progress(f"ask ({arm})", done, len(chosen))

    support = support_fn or default_support_fn(settings)
    runs: list[CaseRun] = []
    for done, (case, answers) in enumerate(answered, start=1):
        judgement = judge_answer(answers[-1], support)
        runs.append(CaseRun(case, answers, score_item(case, answers[-1], judgement)))
        if progress:
            progress(f"judge ({arm})", done, len(answered))
    scores = [r.score for r in runs]
    return EvalResult(
        arm=arm,
        model=name,
        runs=runs,
        metrics=metrics_by_group(scores),
        elapsed_s=round(time.perf_counter() - started, 2),
        corpora={
            c: str(settings.data_dir if c == LIVE_CORPUS else corpora[c].path)
            for c in dict.fromkeys(r.case.corpus for r in runs)
        },
        by_split=metrics_by_split(scores),
        by_language=metrics_by_language(scores),
    )
