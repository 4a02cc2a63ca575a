"""The hand-check of the construction labels: a seeded sample to read, and its judgements.

    .venv/bin/python -m bench.verifier.handcheck sample   # draw 50 paraphrases + 50 perturbed
    .venv/bin/python -m bench.verifier.handcheck show     # print them with their passages

The sample goes to ``data/handcheck.jsonl`` with empty ``judged``; a person reads each pair
(sentence, passage, title) and writes ``supported`` or ``unsupported`` and a note. The runner
reports how often the judgement agrees with the label the builder gave by construction.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.verifier.build import PAIRS, UNSUPPORTED_KINDS
from bench.verifier.run import HANDCHECK, load_pairs


def _spread(groups: dict[str, list[dict]], n: int, rng: random.Random) -> list[dict]:
    """``n`` items taken round-robin over the groups (each shuffled), so every group shows."""
    pools = {k: rng.sample(v, len(v)) for k, v in sorted(groups.items())}
    out: list[dict] = []
    while len(out) < n and any(pools.values()):
        for pool in pools.values():
            if pool and len(out) < n:
                out.append(pool.pop())
    return out


def sample(pairs: Sequence[dict[str, Any]], n: int = 50, seed: int = 50) -> list[dict[str, Any]]:
    """``n`` paraphrases spread over the rules and ``n`` perturbed pairs over the kinds."""
    rng = random.Random(seed)
    rules: dict[str, list[dict]] = defaultdict(list)
    kinds: dict[str, list[dict]] = defaultdict(list)
    for p in pairs:
        if p["kind"] == "paraphrase":
            rules[p["rule"]].append(p)
        elif p["kind"] in UNSUPPORTED_KINDS:
            kinds[p["kind"]].append(p)
    rows = []
    for group, chosen in (
        ("paraphrase", _spread(rules, n, rng)),
        ("perturbed", _spread(kinds, n, rng)),
    ):
        for p in sorted(chosen, key=lambda p: (p["rule"] or p["kind"], p["id"])):
            rows.append(
                {
                    "id": p["id"],
                    "group": group,
                    "kind": p["rule"] or p["kind"],
                    "label": p["label"],
                    "judged": "",
                    "note": "",
                }
            )
    return rows


def show(rows: Sequence[dict[str, Any]], pairs: Sequence[dict[str, Any]]) -> str:
    """The sample as text to read: passage, original, sentence (labels last, to judge blind)."""
    by_id = {p["id"]: p for p in pairs}
    out = []
    for i, row in enumerate(rows, start=1):
        p = by_id[row["id"]]
        out.append(
            f"#{i} {row['id']}\n  TITLE: {p['title']} ({p['record'].get('creator', '')})\n"
            f"  PASSAGE: {p['passage']}\n  SENTENCE: {p['sentence']}\n"
            f"  ORIGINAL: {p['original']}\n  CHANGE: {p['change']}\n"
        )
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    """Draw the sample (``sample``) or print it (``show``)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("command", choices=["sample", "show"])
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--out", type=Path, default=HANDCHECK)
    args = parser.parse_args(argv)
    pairs = load_pairs(args.pairs)
    if args.command == "sample":
        if args.out.exists():
            print(f"{args.out} exists: it holds judgements; move it away first", file=sys.stderr)
            return 1
        rows = sample(pairs)
        args.out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        print(f"{len(rows)} pairs -> {args.out}")
        return 0
    rows = [json.loads(line) for line in args.out.read_text(encoding="utf-8").splitlines() if line]
    print(show(rows, pairs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
