from pathlib import Path

import pytest
import yaml

from evals.cases import CASES_DIR
from evals.split_cases import SplitError, assign_splits, main, write_splits


def raw(id: str, category: str = "fabricated", *sources: str, **extra: object) -> dict:
    return {"id": id, "category": category, "gold_sources": list(sources), **extra}


def test_cases_that_name_the_same_object_share_a_split() -> None:
    cases = [
        raw("a", "answerable_single", "night"),
        raw("b", "false_attribution", "night"),
        raw("c", "answerable_multi", "night", "mona"),
        raw("d", "leading_pushback", "mona"),
        raw("e", "plausible_fabrication", related_sources=["mona"]),
        raw("f", "answerable_single", "rosetta"),
    ]
    splits = assign_splits(cases)
    assert len({splits[i] for i in "abcde"}) == 1
    assert set(splits.values()) <= {"dev", "test"}


def test_the_same_source_id_in_another_corpus_is_another_object() -> None:
    cases = [raw(f"d{i}", "answerable_single", "x") for i in range(3)]
    cases += [raw(f"w{i}", "answerable_single", "x", corpus="walters") for i in range(3)]
    splits = assign_splits(cases)
    assert {splits["d0"], splits["w0"]} == {"dev", "test"}


def test_each_category_and_corpus_is_split_evenly() -> None:
    cases = [
        raw(f"{c}-{i}", c, f"{c}-{i}") for c in ("fabricated", "conspiracy") for i in range(10)
    ]
    cases += [raw(f"w-{i}", "fabricated", f"w-{i}", corpus="walters") for i in range(4)]
    splits = assign_splits(cases)
    for prefix, size in (("fabricated-", 5), ("conspiracy-", 5), ("w-", 2)):
        chosen = [s for i, s in splits.items() if i.startswith(prefix)]
        assert chosen.count("dev") == chosen.count("test") == size


def test_assignment_is_deterministic_and_ignores_input_order() -> None:
    cases = [raw(f"c{i}", "conspiracy", f"s{i % 7}") for i in range(30)]
    assert assign_splits(cases) == assign_splits(list(reversed(cases)))


def test_existing_splits_are_kept_and_their_group_inherits_them() -> None:
    cases = [
        raw("old", "answerable_single", "night", split="test"),
        raw("new", "false_attribution", "night"),
        raw("other", "false_attribution", "mona"),
    ]
    splits = assign_splits(cases)
    assert splits["old"] == splits["new"] == "test"
    # The only other false_attribution case balances its category.
    assert splits["other"] == "dev"


def test_a_group_already_in_both_splits_is_an_error() -> None:
    cases = [
        raw("a", "answerable_single", "night", split="dev"),
        raw("b", "answerable_single", "night", split="test"),
    ]
    with pytest.raises(SplitError, match="a=dev, b=test"):
        assign_splits(cases)


TEXT = """\
# A comment that must survive.

- id: one
  category: fabricated
  question: >-
    A folded question
    over two lines?
  expected_outcome: refused
  gold_sources: []   # trailing comment
- id: two
  category: fabricated
  split: test
  question: Already split?
  expected_outcome: refused
  gold_sources: []
"""


def test_write_splits_only_inserts_lines() -> None:
    edited = write_splits(TEXT, {"one": "dev", "two": "dev"})
    assert edited == TEXT.replace(
        "  category: fabricated\n  question: >-",
        "  category: fabricated\n  split: dev\n  question: >-",
    )
    assert [c["split"] for c in yaml.safe_load(edited)] == ["dev", "test"]


def test_main_writes_missing_splits_and_check_reports_them(tmp_path: Path) -> None:
    path = tmp_path / "cases.yaml"
    path.write_text(TEXT, encoding="utf-8")
    assert main(["--check", str(path)]) == 1
    assert main([str(path)]) == 0
    assert main(["--check", str(path)]) == 0
    assert "# A comment that must survive." in path.read_text(encoding="utf-8")


def test_packaged_cases_all_have_a_split() -> None:
    assert main(["--check", str(CASES_DIR)]) == 0
