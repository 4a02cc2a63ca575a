"""Targets a run must meet (``evals/thresholds.yaml``) and the check that names the misses."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from evals.cases import CaseFileError
from evals.metrics import MetricSet

THRESHOLDS_FILE = Path(__file__).parent / "thresholds.yaml"
# Tune on dev, judge on test: a target met only on the cases someone tuned against proves
# little, so the held-out split decides whenever the run has it.
JUDGED_SPLIT = "test"
_METRICS = {f.name for f in fields(MetricSet)} - {"n", "denominators"}


class Threshold(BaseModel):
    """One rule: ``metric`` of ``group`` must be at least ``min`` or at most ``max``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    metric: str
    group: str = "overall"
    min: float | None = None
    max: float | None = None

    @field_validator("metric")
    @classmethod
    def _known(cls, value: str) -> str:
        if value not in _METRICS:
            raise ValueError(f"unknown metric {value!r}; one of {', '.join(sorted(_METRICS))}")
        return value

    @model_validator(mode="after")
    def _one_bound(self) -> Threshold:
        if (self.min is None) == (self.max is None):
            raise ValueError("give exactly one of 'min' or 'max'")
        return self

    def describe(self) -> str:
        """E.g. ``fabrication_rate (overall) <= 0.01``."""
        bound = f">= {self.min}" if self.min is not None else f"<= {self.max}"
        return f"{self.metric} ({self.group}) {bound}"


@dataclass(frozen=True)
class ThresholdResult:
    """A rule and how the run did against it; ``value`` is None when it did not apply."""

    threshold: Threshold
    value: float | None

    @property
    def applies(self) -> bool:
        """Whether the run had anything to measure for this rule."""
        return self.value is not None

    @property
    def passed(self) -> bool:
        """Met, or not applicable (a slice without the group cannot miss it)."""
        if self.value is None:
            return True
        t = self.threshold
        if t.min is not None:
            return self.value >= t.min
        return t.max is not None and self.value <= t.max


def load_thresholds(path: Path = THRESHOLDS_FILE) -> list[Threshold]:
    """Read and validate a thresholds file.

    Raises:
        CaseFileError: unreadable YAML or an invalid rule.

    """
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as exc:
        raise CaseFileError(f"{path}: cannot read thresholds: {exc}") from exc
    if not isinstance(data, list):
        raise CaseFileError(f"{path}: expected a list of thresholds")
    try:
        return [Threshold.model_validate(item) for item in data]
    except ValidationError as exc:
        raise CaseFileError(f"{path}: invalid threshold: {exc}") from exc


def evaluate_thresholds(
    metrics: Mapping[str, MetricSet], thresholds: Sequence[Threshold]
) -> list[ThresholdResult]:
    """Every rule with the run's value for it."""
    results = []
    for t in thresholds:
        group = metrics.get(t.group)
        value = getattr(group, t.metric) if group is not None else None
        results.append(ThresholdResult(t, value))
    return results


def check_thresholds(
    metrics: Mapping[str, MetricSet], thresholds: Sequence[Threshold]
) -> list[ThresholdResult]:
    """Return the rules the run missed (empty when every applicable rule is met)."""
    return [r for r in evaluate_thresholds(metrics, thresholds) if not r.passed]


def judged_split(splits: Iterable[str]) -> str | None:
    """The split thresholds are judged on: ``test`` if present, else the only one run."""
    present = list(splits)
    if JUDGED_SPLIT in present:
        return JUDGED_SPLIT
    return present[0] if present else None


def evaluate_by_split(
    by_split: Mapping[str, Mapping[str, MetricSet]], thresholds: Sequence[Threshold]
) -> dict[str, list[ThresholdResult]]:
    """Every rule with its value on each split (reported for both, judged on one)."""
    return {split: evaluate_thresholds(metrics, thresholds) for split, metrics in by_split.items()}
