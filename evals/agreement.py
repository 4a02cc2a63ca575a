"""How well the default support checker agrees with hand-labelled sentence/passage pairs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.settings import Settings
from assistant.store import Passage
from evals.cases import CaseFileError

LABELS_FILE = Path(__file__).parent / "labels" / "support_pairs.yaml"

PairKind = Literal[
    "exact",
    "paraphrase",
    "wrong_date",
    "wrong_number",
    "wrong_name",
    "wrong_place",
    "wrong_material",
    "wrong_detail",
    "negation",
    "added_detail",
    "partial",
    "unrelated",
]
Checker = Callable[[str, Passage], bool]
"""``checker(sentence, passage)`` says whether this one passage supports the sentence."""


class SupportPair(BaseModel):
    """One hand label: whether a careful curator would say the passage supports the sentence."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    title: str = Field(min_length=1, description="Title of the object the passage is about.")
    creators: str = Field(default="", description="Creators as a citation shows them.")
    passage: str = Field(min_length=1)
    sentence: str = Field(min_length=1)
    supported: bool
    kind: PairKind


def load_pairs(path: Path = LABELS_FILE) -> list[SupportPair]:
    """Read the hand-labelled pairs, flattening ``{title, creators, passage, pairs: [...]}``.

    Raises:
        CaseFileError: unreadable YAML, an invalid pair or a duplicate id.

    """
    try:
        groups = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as exc:
        raise CaseFileError(f"{path}: cannot read labels: {exc}") from exc
    if not isinstance(groups, list):
        raise CaseFileError(f"{path}: expected a list of passages with pairs")
    pairs: list[SupportPair] = []
    for group in groups:
        if not isinstance(group, dict) or not isinstance(group.get("pairs"), list):
            raise CaseFileError(f"{path}: each item needs title, passage and a list of pairs")
        shared = {k: group[k] for k in ("title", "creators", "passage") if k in group}
        for item in group["pairs"]:
            try:
                pairs.append(SupportPair.model_validate({**shared, **item}))
            except (ValidationError, TypeError) as exc:
                raise CaseFileError(f"{path}: invalid pair {item!r}: {exc}") from exc
    ids = Counter(p.id for p in pairs)
    duplicates = sorted(i for i, n in ids.items() if n > 1)
    if duplicates:
        raise CaseFileError(f"{path}: duplicate pair ids {', '.join(duplicates)}")
    return pairs


def pair_passage(pair: SupportPair) -> Passage:
    """Build the pair's passage as the store would return it."""
    return Passage(
        chunk_id=pair.id,
        source_id=pair.id,
        text=pair.passage,
        score=1.0,
        kind="text",
        meta={"title": pair.title, "creators_display": pair.creators},
    )


def cohen_kappa(a: Sequence[bool], b: Sequence[bool]) -> float | None:
    """Cohen's kappa of two binary raters; None when chance agreement is total (undefined)."""
    if len(a) != len(b):
        raise ValueError("raters labelled different numbers of items")
    if not a:
        return None
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    pa, pb = sum(a) / n, sum(b) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


@dataclass(frozen=True)
class Agreement:
    """The checker against the hand labels (positive = supported)."""

    n: int
    tp: int
    fp: int
    tn: int
    fn: int
    accuracy: float | None
    precision: float | None
    recall: float | None
    kappa: float | None
    by_kind: dict[str, float] = field(default_factory=dict)  # accuracy per pair kind
    disagreements: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return asdict(self)


def agreement(pairs: Sequence[SupportPair], verdicts: Sequence[bool]) -> Agreement:
    """Compare checker verdicts with the hand labels, pair by pair."""
    labels = [p.supported for p in pairs]
    tp = sum(1 for h, c in zip(labels, verdicts, strict=True) if h and c)
    fp = sum(1 for h, c in zip(labels, verdicts, strict=True) if not h and c)
    tn = sum(1 for h, c in zip(labels, verdicts, strict=True) if not h and not c)
    fn = sum(1 for h, c in zip(labels, verdicts, strict=True) if h and not c)
    n = len(pairs)
    kinds: dict[str, list[bool]] = {}
    for pair, verdict in zip(pairs, verdicts, strict=True):
        kinds.setdefault(pair.kind, []).append(pair.supported == verdict)
    return Agreement(
        n=n,
        tp=tp,
        fp=fp,
        tn=tn,
        fn=fn,
        accuracy=(tp + tn) / n if n else None,
        precision=tp / (tp + fp) if tp + fp else None,
        recall=tp / (tp + fn) if tp + fn else None,
        kappa=cohen_kappa(labels, list(verdicts)),
        by_kind={k: sum(v) / len(v) for k, v in sorted(kinds.items())},
        disagreements=[
            {"id": p.id, "kind": p.kind, "label": p.supported, "checker": v, "sentence": p.sentence}
            for p, v in zip(pairs, verdicts, strict=True)
            if p.supported != v
        ],
    )


def run_agreement(pairs: Sequence[SupportPair], checker: Checker) -> Agreement:
    """Run a checker on every pair and compare with the labels."""
    return agreement(pairs, [checker(p.sentence, pair_passage(p)) for p in pairs])


def default_checker(settings: Settings) -> Checker:
    """Build the assistant's own ``Verifier.check``, with the passage as the only citation."""
    from assistant.store import load_embeddings
    from assistant.verify import Verifier

    verifier = Verifier(
        load_embeddings(settings.embedding_model), settings.min_support, settings.min_coverage
    )

    def check(sentence: str, passage: Passage) -> bool:
        return verifier.check(sentence, [1], {1: passage}).ok

    return check
