"""Assign every eval case to the dev or the test split, once, and write it into its case file.

Usage: ``python -m evals.split_cases [--check] [PATH ...]`` (default: ``evals/cases/``).

The procedure (docs/evals.md, "Dev and test splits"):

1. Cases that name the same source (``gold_sources`` or ``related_sources``, per corpus) form
   one group, transitively (union-find). A group goes to one split, so the test split holds
   objects that no dev case names.
2. A case that already has ``split`` keeps it, and so does every case in its group: splits
   are assigned once, and adding cases never moves an old one.
3. The remaining groups are placed largest first (ties in a seeded order), each in the split
   that leaves the dev/test counts most even per category and per corpus within a category.

The script only inserts ``split:`` lines into the YAML text, so comments, order and quoting
stay as they were; it checks that the edited file parses to the same cases plus the field.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from evals.cases import CASES_DIR, SPLITS

SEED = "museum-qa-issue-11"
DEV_SHARE = 0.5  # half the cases to tune on, half to judge: each split keeps ~20 per category
Raw = dict[str, Any]  # one case as parsed YAML, not yet validated
Stratum = tuple[str, ...]  # ("category", c) or ("corpus", c, corpus)
Counts = Counter[tuple[str, Stratum]]  # (split, stratum) -> cases


class SplitError(Exception):
    """The cases cannot be split as the procedure requires (e.g. a group already in both)."""


@dataclass(frozen=True)
class Group:
    """Cases that must share a split, because they name the same objects."""

    case_ids: tuple[str, ...]
    strata: Counter[Stratum]  # cases per stratum
    fixed: str | None  # the split its cases already have, if any

    @property
    def order_key(self) -> tuple[int, str]:
        """Largest first; among equals a seeded, stable but arbitrary order."""
        digest = hashlib.sha256(f"{SEED}:{min(self.case_ids)}".encode()).hexdigest()
        return (-len(self.case_ids), digest)


def _sources(case: Raw) -> list[tuple[str, str]]:
    corpus = str(case.get("corpus") or "demo")
    named = [*list(case.get("gold_sources") or []), *list(case.get("related_sources") or [])]
    return [(corpus, str(s)) for s in named]


def _strata(case: Raw) -> list[Stratum]:
    category, corpus = str(case["category"]), str(case.get("corpus") or "demo")
    return [("category", category), ("corpus", category, corpus)]


def group_cases(cases: Sequence[Raw]) -> list[Group]:
    """Union-find over case ids and the sources they name; one ``Group`` per component."""
    parent: dict[object, object] = {}

    def find(node: object) -> object:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]  # path halving keeps chains short
            node = parent[node]
        return node

    for case in cases:
        for source in _sources(case):
            parent[find(("case", case["id"]))] = find(("source", *source))
    members: dict[object, list[Raw]] = defaultdict(list)
    for case in cases:
        members[find(("case", case["id"]))].append(case)
    return [_make_group(group) for group in members.values()]


def _make_group(cases: list[Raw]) -> Group:
    fixed = {str(c["split"]) for c in cases if c.get("split")}
    if len(fixed) > 1:
        ids = ", ".join(f"{c['id']}={c.get('split')}" for c in cases if c.get("split"))
        raise SplitError(f"cases naming the same objects are in both splits: {ids}")
    strata: Counter[Stratum] = Counter(s for c in cases for s in _strata(c))
    return Group(tuple(str(c["id"]) for c in cases), strata, fixed.pop() if fixed else None)


def _imbalance(counts: Counts, stratum: Stratum) -> float:
    dev, test = counts[("dev", stratum)], counts[("test", stratum)]
    return dev * (1 - DEV_SHARE) - test * DEV_SHARE


def _cost(counts: Counts, group: Group, split: str) -> float:
    after = counts.copy()
    for stratum, n in group.strata.items():
        after[(split, stratum)] += n
    return sum(_imbalance(after, stratum) ** 2 for stratum in group.strata)


def assign_splits(cases: Sequence[Raw]) -> dict[str, str]:
    """Return ``{case id: split}`` for every case, keeping the splits cases already have."""
    groups = group_cases(cases)
    counts: Counts = Counter()
    assigned: dict[str, str] = {}

    def place(group: Group, split: str) -> None:
        assigned.update(dict.fromkeys(group.case_ids, split))
        for stratum, n in group.strata.items():
            counts[(split, stratum)] += n

    for group in (g for g in groups if g.fixed):
        place(group, str(group.fixed))
    for group in sorted((g for g in groups if not g.fixed), key=lambda g: g.order_key):
        costs = {split: _cost(counts, group, split) for split in SPLITS}
        if costs["dev"] == costs["test"]:
            # Even either way: the seeded digest decides, so neither split is the default.
            place(group, SPLITS[int(group.order_key[1], 16) % 2])
        else:
            place(group, min(SPLITS, key=costs.__getitem__))
    return assigned


_ITEM_START = re.compile(r"^- ")
_KEY = re.compile(r"^(?:- |\s+)(?P<key>[a-z_]+):(?P<value>.*)$")


def _item_spans(lines: Sequence[str]) -> list[tuple[int, int]]:
    starts = [i for i, line in enumerate(lines) if _ITEM_START.match(line)]
    return list(zip(starts, [*starts[1:], len(lines)], strict=True))


def _insert_at(lines: Sequence[str], start: int, end: int) -> tuple[int, str]:
    """Where a ``split:`` line goes in one item (after ``category:``) and its indentation."""
    keys: dict[str, int] = {}
    for i in range(start, end):
        match = _KEY.match(lines[i])
        if match:
            keys.setdefault(match["key"], i)
    anchor = keys.get("category", keys.get("id", start))
    indent = next(
        (len(lines[i]) - len(lines[i].lstrip()) for i in range(start + 1, end) if lines[i].strip()),
        2,
    )
    return anchor + 1, " " * indent


def write_splits(text: str, splits: Mapping[str, str]) -> str:
    """Insert ``split: <value>`` into each item of one case file that has none; nothing else."""
    data = yaml.safe_load(text) or []
    lines = text.splitlines(keepends=True)
    inserts: list[tuple[int, str]] = []
    for item, (start, end) in zip(data, _item_spans(lines), strict=True):
        if item.get("split"):
            continue
        at, indent = _insert_at(lines, start, end)
        inserts.append((at, f"{indent}split: {splits[item['id']]}\n"))
    for at, line in sorted(inserts, reverse=True):
        lines.insert(at, line)
    edited = "".join(lines)
    expected = [{**item, "split": item.get("split") or splits[item["id"]]} for item in data]
    if yaml.safe_load(edited) != expected:
        raise SplitError("editing the file would change more than the split field")
    return edited


def move_splits(text: str, moves: Mapping[str, str]) -> str:
    """Set ``split:`` of the named cases of one case file (``{case id: split}``); nothing else.

    For cases from the answer log, which a curator moves to test one by one; written cases
    are placed by ``assign_splits`` only.

    Raises:
        SplitError: A named case is not in the file, or the edit would change more.

    """
    data = yaml.safe_load(text) or []
    lines = text.splitlines(keepends=True)
    found = set()
    # Last item first, so an inserted line does not shift the spans still to edit.
    for item, (start, end) in reversed(list(zip(data, _item_spans(lines), strict=True))):
        if item.get("id") not in moves:
            continue
        found.add(item["id"])
        at = next(
            (i for i in range(start, end) if (m := _KEY.match(lines[i])) and m["key"] == "split"),
            None,
        )
        if at is None:
            at, indent = _insert_at(lines, start, end)
            lines.insert(at, f"{indent}split: {moves[item['id']]}\n")
        else:
            head = lines[at][: lines[at].index("split:")]
            lines[at] = f"{head}split: {moves[item['id']]}\n"
    if set(moves) - found:
        raise SplitError(f"no case {', '.join(sorted(set(moves) - found))} in this file")
    edited = "".join(lines)
    expected = [{**item, "split": moves.get(item["id"], item.get("split"))} for item in data]
    if yaml.safe_load(edited) != expected:
        raise SplitError("editing the file would change more than the split field")
    return edited


def _case_files(paths: Iterable[Path]) -> list[Path]:
    return [f for p in paths for f in (sorted(p.glob("*.yaml")) if p.is_dir() else [p])]


def _load_raw(files: Sequence[Path]) -> dict[Path, list[Raw]]:
    return {f: yaml.safe_load(f.read_text(encoding="utf-8")) or [] for f in files}


def _summary(raw: Mapping[Path, list[Raw]], splits: Mapping[str, str]) -> str:
    table: Counter[tuple[str, str]] = Counter(
        (str(c["category"]), splits[str(c["id"])]) for cases in raw.values() for c in cases
    )
    categories = sorted({c for c, _ in table})
    rows = [f"{c:24} dev {table[(c, 'dev')]:3}  test {table[(c, 'test')]:3}" for c in categories]
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    """Assign and write missing splits; with ``--check``, only report cases that lack one."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[CASES_DIR])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if unsplit")
    args = parser.parse_args(argv)
    raw = _load_raw(_case_files(args.paths))
    try:
        splits = assign_splits([c for cases in raw.values() for c in cases])
    except SplitError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    missing = [str(c["id"]) for cases in raw.values() for c in cases if not c.get("split")]
    if args.check:
        shown = ", ".join(missing[:10]) + (" ..." if len(missing) > 10 else "")
        print(f"{len(missing)} case(s) without a split" + (f": {shown}" if missing else ""))
        return 1 if missing else 0
    for file, cases in raw.items():
        if any(not c.get("split") for c in cases):
            text = file.read_text(encoding="utf-8")
            file.write_text(write_splits(text, splits), encoding="utf-8")
    print(f"assigned {len(missing)} case(s)\n{_summary(raw, splits)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
