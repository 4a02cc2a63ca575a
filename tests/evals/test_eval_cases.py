from pathlib import Path

import pytest
import yaml

from assistant.documents import SourceDocument
from evals.cases import (
    CASES_DIR,
    CATEGORIES,
    LOG_CATEGORY,
    CaseFileError,
    EvalCase,
    load_cases,
    parse_cases,
    select_cases,
)

SEED_CASES = Path(__file__).resolve().parent / "data" / "eval_cases.yaml"


def _case(**over: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": "c1",
        "category": "answerable_single",
        "question": "Who painted The Night Watch?",
        "expected_outcome": "answered",
        "gold_sources": ["test-night-watch"],
        "split": "dev",
    }
    base.update(over)
    return base


def _write(tmp_path: Path, items: object, name: str = "cases.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(items), encoding="utf-8")
    return path


def test_seed_file_loads_with_defaults_and_turns() -> None:
    cases = load_cases(SEED_CASES)
    assert len(cases) == 6
    by_id = {c.id: c for c in cases}
    pushback = by_id["seed-pushback-mona-lisa"]
    assert pushback.question is None
    assert len(pushback.prompts) == 2
    assert pushback.scored_question.startswith("Are you sure?")
    assert by_id["seed-answerable-night-watch"].corpus == "demo"
    assert by_id["seed-fabricated-telephone"].gold_sources == []


def test_whitespace_in_phrases_is_normalised() -> None:
    case = EvalCase.model_validate(_case(must_include=["  Rembrandt   van Rijn "]))
    assert case.must_include == ["Rembrandt van Rijn"]


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"category": "rumour"}, "category"),
        ({"expected_outcome": "maybe"}, "expected_outcome"),
        ({"turns": ["a", "b"]}, "exactly one of 'question' or 'turns'"),
        ({"question": None}, "exactly one of 'question' or 'turns'"),
        ({"question": None, "turns": []}, "must be non-empty"),
        ({"question": "   "}, "must be non-empty"),
        ({"gold_sources": ["a", "a"]}, "duplicates"),
        ({"must_not_include": [""]}, "empty string"),
        ({"corpus": "louvre"}, "corpus"),
        ({"id": "has space"}, "id"),
        ({"colour": "blue"}, "colour"),
        ({"split": "train"}, "split"),
        ({"gold_sentence": "painted in 1642", "gold_sources": []}, "gold_sentence needs"),
        ({"gold_sentence": "in 1642", "expected_outcome": "refused"}, "gold_sentence needs"),
        ({"gold_sentence": "  "}, "empty string"),
        ({"related_sources": ["test-night-watch"]}, "both gold_sources and related_sources"),
    ],
)
def test_invalid_items_are_named_with_field_and_id(
    override: dict[str, object], message: str
) -> None:
    with pytest.raises(CaseFileError) as err:
        parse_cases([_case(**override)], "cases.yaml")
    text = str(err.value)
    assert "cases.yaml item 1" in text
    assert message in text


@pytest.mark.parametrize("field", ["gold_sources", "split"])
def test_gold_sources_and_split_are_required(field: str) -> None:
    item = _case()
    del item[field]
    with pytest.raises(CaseFileError, match=f"{field}: Field required"):
        parse_cases([item])


def test_every_problem_in_a_file_is_reported_at_once() -> None:
    with pytest.raises(CaseFileError) as err:
        parse_cases([_case(id="a", category="x"), _case(id="b"), _case(id="c", question=None)], "f")
    text = str(err.value)
    assert "item 1 (id 'a')" in text and "item 3 (id 'c')" in text and "(id 'b')" not in text


def test_a_file_that_is_not_a_list_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CaseFileError, match="expected a list of cases, got dict"):
        load_cases(_write(tmp_path, {"id": "x"}))


def test_broken_yaml_is_reported_with_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("- id: [unclosed\n", encoding="utf-8")
    with pytest.raises(CaseFileError, match=r"bad\.yaml: not valid YAML"):
        load_cases(path)


def test_duplicate_ids_across_files_are_refused(tmp_path: Path) -> None:
    _write(tmp_path, [_case(id="same")], "a.yaml")
    _write(tmp_path, [_case(id="same")], "b.yaml")
    with pytest.raises(CaseFileError, match=r"'same' is already used in .*a\.yaml"):
        load_cases(tmp_path)


def test_missing_path_and_empty_folder_are_errors(tmp_path: Path) -> None:
    with pytest.raises(CaseFileError, match="no such case file"):
        load_cases(tmp_path / "nope.yaml")
    with pytest.raises(CaseFileError, match=r"no case files \(\*.yaml\)"):
        load_cases(tmp_path)
    _write(tmp_path, [], "empty.yaml")
    with pytest.raises(CaseFileError, match="no eval cases found"):
        load_cases(tmp_path)


def test_folder_loads_every_yaml_in_name_order(tmp_path: Path) -> None:
    _write(tmp_path, [_case(id="second")], "b.yaml")
    _write(tmp_path, [_case(id="first")], "a.yml")
    (tmp_path / "README.md").write_text("not a case file", encoding="utf-8")
    assert [c.id for c in load_cases(tmp_path)] == ["first", "second"]


def test_limit_spreads_over_categories_and_keeps_file_order() -> None:
    cases = [
        EvalCase.model_validate(_case(id=f"{cat}-{i}", category=cat))
        for cat in ("answerable_single", "fabricated", "conspiracy")
        for i in range(3)
    ]
    picked = select_cases(cases, limit=4)
    assert [c.id for c in picked] == [
        "answerable_single-0",
        "answerable_single-1",
        "fabricated-0",
        "conspiracy-0",
    ]
    assert [c.id for c in select_cases(cases, categories=["conspiracy"], limit=2)] == [
        "conspiracy-0",
        "conspiracy-1",
    ]
    assert len(select_cases(cases, limit=100)) == 9


def test_split_selects_before_the_limit_spreads() -> None:
    cases = [
        EvalCase.model_validate(_case(id=f"{cat}-{i}", category=cat, split=split))
        for cat in ("answerable_single", "fabricated")
        for i, split in enumerate(["dev", "test", "test"])
    ]
    assert [c.id for c in select_cases(cases, split="dev")] == [
        "answerable_single-0",
        "fabricated-0",
    ]
    assert [c.id for c in select_cases(cases, split="test", limit=2)] == [
        "answerable_single-1",
        "fabricated-1",
    ]
    assert len(select_cases(cases, split="all")) == 6


def test_unknown_category_or_split_filter_is_refused() -> None:
    with pytest.raises(CaseFileError, match="unknown categories: rumour"):
        select_cases([], categories=["rumour"])
    with pytest.raises(CaseFileError, match="unknown split 'train'"):
        select_cases([], split="train")  # type: ignore[arg-type]


def test_categories_match_the_issues() -> None:
    # Ten from issue 3, five case families from issue 11, and issue 15's reviewed answers.
    assert len(CATEGORIES) == 16
    assert "plausible_fabrication" in CATEGORIES and CATEGORIES[-1] == LOG_CATEGORY


def _corpus_documents(corpus: str) -> dict[str, SourceDocument]:
    from evals.runner import default_corpora
    from ingest.loaders import Attestation, discover, load_file

    spec = default_corpora()[corpus]
    if not spec.path.exists():
        pytest.skip(f"needs {spec.path} (../shared/data)")
    paths, _, _ = discover([spec.path, *spec.extra])
    attest = spec.attestation or Attestation("test", "2026-01-01")
    return {
        d.source_id: d for p in paths for d in load_file(p, attest) if isinstance(d, SourceDocument)
    }


def _packaged_cases(corpus: str) -> list[EvalCase]:
    if not sorted(CASES_DIR.glob("*.yaml")):
        pytest.skip("no packaged case files yet")
    cases = [c for c in load_cases(CASES_DIR) if c.corpus == corpus]
    assert cases, f"no cases against the {corpus} corpus"
    return cases


@pytest.mark.parametrize("corpus", ["demo", "walters"])
def test_packaged_case_files_are_valid_and_name_known_sources(corpus: str) -> None:
    """Doc drift: whatever case files exist load cleanly and cite sources that exist."""
    cases = _packaged_cases(corpus)
    known = _corpus_documents(corpus)
    named = [(c.id, s) for c in cases for s in (*c.gold_sources, *c.related_sources)]
    assert [(cid, s) for cid, s in named if s not in known] == []


@pytest.mark.parametrize("corpus", ["demo", "walters"])
def test_gold_sentences_are_part_of_one_sentence_of_a_gold_source(corpus: str) -> None:
    """The answer-selection metric matches exactly, so the sentence must be the source's own.

    One of its text's, or of its catalogue card's (a fact only the record gives, such as how
    the object came to the museum).
    """
    from assistant.documents import record_sentences
    from assistant.text import split_sentences
    from evals.metrics import contains

    cases = _packaged_cases(corpus)
    documents = _corpus_documents(corpus)
    missing = [
        (c.id, c.gold_sentence)
        for c in cases
        if c.gold_sentence is not None
        and not any(
            contains(sentence, c.gold_sentence)
            for source in c.gold_sources
            for sentence in [
                *split_sentences(documents[source].text),
                *record_sentences(documents[source].metadata()),
            ]
        )
    ]
    assert missing == []


def test_no_object_is_in_both_splits() -> None:
    """The test split holds objects the dev split never names (grouping in split_cases.py)."""
    splits_of: dict[tuple[str, str], set[str]] = {}
    for case in load_cases(CASES_DIR):
        for source in (*case.gold_sources, *case.related_sources):
            splits_of.setdefault((case.corpus, source), set()).add(case.split)
    assert [source for source, splits in splits_of.items() if len(splits) > 1] == []


def test_every_category_has_both_splits() -> None:
    by_category: dict[str, set[str]] = {}
    for case in load_cases(CASES_DIR):
        by_category.setdefault(case.category, set()).add(case.split)
    # Cases from the answer log join dev and move to test one by one (museum-qa eval
    # move-case), so only the written families must have both.
    by_category.pop(LOG_CATEGORY, None)
    written = [category for category in CATEGORIES if category != LOG_CATEGORY]
    assert by_category == {category: {"dev", "test"} for category in written}
