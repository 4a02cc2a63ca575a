from pathlib import Path

import pytest
import yaml

from assistant.store import Passage
from evals.agreement import (
    PairKind,
    SupportPair,
    agreement,
    cohen_kappa,
    load_pairs,
    pair_passage,
    run_agreement,
)
from evals.cases import CaseFileError


def test_kappa_matches_a_worked_example() -> None:
    # Observed agreement 3/4; chance agreement 0.5*0.25 + 0.5*0.75 = 0.5; kappa 0.5.
    assert cohen_kappa([True, True, False, False], [True, False, False, False]) == 0.5
    assert cohen_kappa([True, False], [True, False]) == 1.0
    assert cohen_kappa([True, False], [False, True]) == -1.0


def test_kappa_is_undefined_for_constant_raters_and_no_items() -> None:
    assert cohen_kappa([True, True], [True, True]) is None
    assert cohen_kappa([], []) is None
    with pytest.raises(ValueError):
        cohen_kappa([True], [])


def _pair(i: int, supported: bool, kind: PairKind = "paraphrase") -> SupportPair:
    return SupportPair(
        id=f"p{i}", title="T", passage="text", sentence=f"s{i}", supported=supported, kind=kind
    )


def test_agreement_counts_and_rates() -> None:
    pairs = [
        _pair(1, True),
        _pair(2, True),
        _pair(3, False, "negation"),
        _pair(4, False, "negation"),
        _pair(5, False, "unrelated"),
    ]
    result = agreement(pairs, [True, False, True, False, False])
    assert (result.tp, result.fn, result.fp, result.tn) == (1, 1, 1, 2)
    assert result.accuracy == 3 / 5
    assert result.precision == 1 / 2
    assert result.recall == 1 / 2
    # Chance: 0.4*0.4 + 0.6*0.6 = 0.52; kappa (0.6 - 0.52) / 0.48 = 1/6.
    assert result.kappa == pytest.approx(1 / 6)
    assert result.by_kind == {"negation": 0.5, "paraphrase": 0.5, "unrelated": 1.0}
    assert [d["id"] for d in result.disagreements] == ["p2", "p3"]


def test_run_agreement_passes_title_and_creators_to_the_checker() -> None:
    seen: list[Passage] = []

    def checker(sentence: str, passage: Passage) -> bool:
        seen.append(passage)
        return True

    pair = SupportPair(
        id="a",
        title="Mona Lisa",
        creators="Leonardo da Vinci",
        passage="p",
        sentence="s",
        supported=True,
        kind="exact",
    )
    assert run_agreement([pair], checker).accuracy == 1.0
    assert seen == [pair_passage(pair)]
    assert seen[0].meta == {"title": "Mona Lisa", "creators_display": "Leonardo da Vinci"}


def test_hand_labels_are_many_varied_and_balanced() -> None:
    pairs = load_pairs()
    assert len(pairs) >= 100
    assert len({p.id for p in pairs}) == len(pairs)
    kinds = {p.kind for p in pairs}
    assert {
        "exact",
        "paraphrase",
        "wrong_date",
        "wrong_name",
        "negation",
        "added_detail",
        "partial",
        "unrelated",
    } <= kinds
    supported = sum(p.supported for p in pairs)
    assert 0.3 < supported / len(pairs) < 0.7
    # Copies and paraphrases are the supported kinds; every other kind is a kind of failure.
    assert all(p.supported == (p.kind in {"exact", "paraphrase"}) for p in pairs)


def test_label_file_errors_are_clear(tmp_path: Path) -> None:
    path = tmp_path / "pairs.yaml"
    group = {
        "title": "T",
        "passage": "p",
        "pairs": [
            {"id": "x", "sentence": "s", "supported": True, "kind": "exact"},
            {"id": "x", "sentence": "s2", "supported": False, "kind": "unrelated"},
        ],
    }
    path.write_text(yaml.safe_dump([group]), encoding="utf-8")
    with pytest.raises(CaseFileError, match="duplicate pair ids x"):
        load_pairs(path)
    group["pairs"] = [{"id": "y", "sentence": "s", "supported": True, "kind": "guess"}]
    path.write_text(yaml.safe_dump([group]), encoding="utf-8")
    with pytest.raises(CaseFileError, match="invalid pair"):
        load_pairs(path)
    path.write_text(yaml.safe_dump([{"title": "T"}]), encoding="utf-8")
    with pytest.raises(CaseFileError, match="list of pairs"):
        load_pairs(path)


@pytest.mark.integration
def test_default_checker_runs_on_every_hand_label() -> None:
    from assistant.settings import Settings
    from evals.agreement import default_checker

    result = run_agreement(load_pairs(), default_checker(Settings(log_answers=False)))
    assert result.n == len(load_pairs())
    # A loose floor: the checker must do far better than chance on its own guarantee.
    assert result.accuracy is not None and result.accuracy > 0.75
    assert result.kappa is not None and result.kappa > 0.5
