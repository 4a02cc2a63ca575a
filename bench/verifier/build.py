"""Build the verifier benchmark: ``python -m bench.verifier.build [--out PATH] [--seed N]``.

Reads the Walters descriptions and the demo corpus (``sources.py``), makes every candidate pair
the rules (``paraphrase.py``, ``perturb.py``, ``combine.py``) allow from the sentences of each
object's chosen passage, and
draws a fixed number per kind and split, at most one per object and kind, so that no object
dominates a kind. Each object belongs to one half (``split_of``); a pair that borrows text from
another object (an added clause, a neighbour's sentence, a merge) borrows it from the same half.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.text import content_words
from bench.verifier.combine import added_detail, merge, neighbour_sentence, relative_clauses
from bench.verifier.edits import Context, Edit, Vocab
from bench.verifier.paraphrase import PARAPHRASES
from bench.verifier.perturb import PERTURBATIONS
from bench.verifier.sources import (
    SourceObject,
    assign_splits,
    build_vocab,
    load_corpus,
    load_walters,
)

DATA = Path(__file__).parent / "data"
PAIRS = DATA / "pairs.jsonl"
SPLITS = ("train", "held")
SUPPORTED_KINDS = ("exact", "paraphrase")
COMBINED_KINDS = ("added_detail", "neighbour_object", "half_true_merge")
UNSUPPORTED_KINDS = (*PERTURBATIONS, *COMBINED_KINDS)
KINDS = (*SUPPORTED_KINDS, *UNSUPPORTED_KINDS)
# Pairs per split: supported and unsupported about equal; each paraphrase rule is its own slot.
QUOTAS: dict[str, int] = {
    "exact": 450,
    **{rule: 90 for rule in PARAPHRASES},
    **{kind: 82 for kind in UNSUPPORTED_KINDS},
}


@dataclass(frozen=True)
class Candidate:
    """A pair the rules allow, before the draw."""

    obj: SourceObject
    kind: str
    slot: str  # the paraphrase rule, or the kind
    original: str
    edit: Edit
    donor: str = ""  # the other object a combined pair borrows from

    @property
    def label(self) -> str:
        """``supported`` or ``unsupported``: it follows from the kind."""
        return "supported" if self.kind in SUPPORTED_KINDS else "unsupported"


def context(obj: SourceObject) -> Context:
    """What the verifier will see for a pair of this object."""
    return Context(obj.passage, obj.title, obj.creators, obj.record)


def neighbours(objects: Sequence[SourceObject], k: int = 5) -> dict[str, list[SourceObject]]:
    """Each object's ``k`` most similar objects (word overlap) of the same group and half."""
    pools: dict[tuple[str, str, str], list[SourceObject]] = defaultdict(list)
    for obj in objects:
        pools[(obj.split, obj.corpus, obj.group)].append(obj)
    out: dict[str, list[SourceObject]] = {}
    for obj in objects:
        pool = pools[(obj.split, obj.corpus, obj.group)]
        if len(pool) < k + 1:
            pool = [o for o in objects if o.split == obj.split and o.corpus == obj.corpus]
        scored = [
            (len(obj.words & o.words) / (len(obj.words | o.words) or 1), o.source_id, o)
            for o in pool
            if o.source_id != obj.source_id
        ]
        out[obj.source_id] = [o for _, _, o in sorted(scored, key=lambda t: (-t[0], t[1]))[:k]]
    return out


def _rng(seed: int, *parts: str) -> random.Random:
    return random.Random(f"{seed}:" + ":".join(parts))


def sentence_candidates(obj: SourceObject, vocab: Vocab, seed: int) -> Iterable[Candidate]:
    """Exact sentences, paraphrases and single-sentence perturbations of one object."""
    ctx = context(obj)
    for i, sentence in enumerate(obj.sentences):
        yield Candidate(obj, "exact", "exact", sentence, Edit(sentence, ""))
        for rule, fn in PARAPHRASES.items():
            edit = fn(sentence, ctx, _rng(seed, obj.source_id, rule, str(i)), vocab)
            if edit and edit.sentence != sentence:
                yield Candidate(obj, "paraphrase", rule, sentence, edit)
        for kind, fn in PERTURBATIONS.items():
            edit = fn(sentence, ctx, _rng(seed, obj.source_id, kind, str(i)), vocab)
            if edit and edit.sentence != sentence:
                yield Candidate(obj, kind, kind, sentence, edit)


def combined_candidates(
    obj: SourceObject,
    near: Sequence[SourceObject],
    clauses: dict[str, list[tuple[str, SourceObject]]],
    seed: int,
) -> Iterable[Candidate]:
    """Pairs that borrow from another object of the same half: a clause, a sentence, a merge."""
    ctx = context(obj)
    rng = _rng(seed, obj.source_id, "combined")
    passage_words = set(content_words(ctx.everything))

    def overlap(text: str) -> float:
        w = content_words(text)
        return sum(1 for x in w if x in passage_words) / (len(w) or 1)

    # A neighbour's sentence, the most similar to this passage among those that say something
    # the passage does not (the hardest honest case).
    options = [
        (overlap(s), o.source_id, s, o)
        for o in near
        for s in o.all_sentences
        if neighbour_sentence(s, ctx)
    ]
    if options:
        _, _, s, o = max(options, key=lambda t: (t[0], t[1], t[2]))
        yield Candidate(
            obj,
            "neighbour_object",
            "neighbour_object",
            s,
            Edit(s, f"sentence of {o.source_id}"),
            o.source_id,
        )

    originals = list(obj.sentences)
    rng.shuffle(originals)
    donors = [(s, o) for o in near for s in o.all_sentences]
    rng.shuffle(donors)
    for sentence in originals:
        for other, o in donors:
            edit = merge(sentence, other, ctx)
            if edit:
                yield Candidate(
                    obj, "half_true_merge", "half_true_merge", sentence, edit, o.source_id
                )
                break
        else:
            continue
        break

    # Another object's clause about a noun this sentence also names; a few per object, so the
    # draw can avoid using one clause again and again.
    made = 0
    for sentence in originals:
        for noun in dict.fromkeys(words_of(sentence)):
            for clause, o in clauses.get(noun, [])[:50]:
                if o.source_id == obj.source_id or made == 6:
                    continue
                edit = added_detail(sentence, noun, clause, ctx)
                if edit:
                    yield Candidate(
                        obj, "added_detail", "added_detail", sentence, edit, o.source_id
                    )
                    made += 1
                    break


def words_of(sentence: str) -> list[str]:
    """Capitalised names and lower-case words of 3+ letters, as a relative clause's antecedent."""
    return re.findall(r"(?<![\w-])[A-Za-z][a-z]{2,}(?![\w’'-])", sentence)


def all_candidates(objects: Sequence[SourceObject], vocab: Vocab, seed: int) -> list[Candidate]:
    """Every candidate of every object."""
    near = neighbours(objects)
    clauses: dict[str, dict[str, list[tuple[str, SourceObject]]]] = {
        split: defaultdict(list) for split in SPLITS
    }
    for obj in objects:
        for sentence in obj.clause_sentences:
            for noun, clause in relative_clauses(sentence):
                clauses[obj.split][noun].append((clause, obj))
    out: list[Candidate] = []
    for obj in objects:
        out.extend(sentence_candidates(obj, vocab, seed))
        out.extend(combined_candidates(obj, near[obj.source_id], clauses[obj.split], seed))
    return out


def select(candidates: Sequence[Candidate], quotas: dict[str, int], seed: int) -> list[Candidate]:
    """Draw up to ``quotas[slot]`` per slot and split, one per object, scarcest slot first.

    Objects already drawn for another slot come first, so the pairs share fewer passages
    (each passage costs the runner its sentences' embeddings) without repeating a kind.
    """
    chosen: list[Candidate] = []
    for split in SPLITS:
        by_slot: dict[str, dict[str, list[Candidate]]] = defaultdict(lambda: defaultdict(list))
        for c in candidates:
            if c.obj.split == split:
                by_slot[c.slot][c.obj.source_id].append(c)
        used: set[str] = set()
        for slot in sorted(by_slot, key=lambda s: (len(by_slot[s]) / quotas.get(s, 1), s)):
            rng = _rng(seed, split, slot)
            ids = sorted(by_slot[slot])
            rng.shuffle(ids)
            ids.sort(key=lambda i: i not in used)
            taken = 0
            seen: Counter[str] = Counter()  # an original sentence repeated across objects
            # counts once; a borrowed clause or sentence is used at most twice.
            for source_id in ids:
                if taken == quotas.get(slot, 0):
                    break
                options = [
                    c
                    for c in by_slot[slot][source_id]
                    if c.original not in seen and seen[c.edit.change] < 2
                ]
                if not options:
                    continue
                pick = options[rng.randrange(len(options))]
                chosen.append(pick)
                seen[pick.original] += 2
                if borrows(pick):
                    seen[pick.edit.change] += 1
                used.add(source_id)
                taken += 1
    return chosen


def borrows(c: Candidate) -> bool:
    """Whether a candidate borrows text from another object."""
    return c.kind in COMBINED_KINDS


def to_pair(c: Candidate) -> dict[str, Any]:
    """One JSONL row."""
    obj = c.obj
    return {
        "id": f"{obj.source_id}:{c.slot}",
        "split": obj.split,
        "kind": c.kind,
        "label": c.label,
        "sentence": c.edit.sentence,
        "passage": obj.passage,
        "source_id": obj.source_id,
        "title": obj.title,
        "record": obj.record,
        "rule": c.slot if c.kind == "paraphrase" else "",
        "change": c.edit.change,
        "original": c.original,
        "donor_id": c.donor,
        "corpus": obj.corpus,
        "license": "GFDL-1.3" if obj.corpus == "walters" else "CC-BY-4.0",
    }


def build(seed: int = 12) -> tuple[list[dict[str, Any]], Counter[tuple[str, str]]]:
    """All pairs, and how many candidates each (split, slot) had."""
    walters, raw = load_walters()
    corpus = load_corpus()
    vocab = build_vocab(raw, corpus)
    objects = [*walters, *corpus]
    assign_splits(objects)
    candidates = all_candidates(objects, vocab, seed)
    available = Counter((c.obj.split, c.slot) for c in candidates)
    pairs = [to_pair(c) for c in select(candidates, QUOTAS, seed)]
    order = {k: i for i, k in enumerate(KINDS)}
    pairs.sort(key=lambda p: (p["split"], order[p["kind"]], p["rule"], p["source_id"]))
    return pairs, available


def main(argv: Sequence[str] | None = None) -> int:
    """Build and write the pairs; print the counts per kind and split."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=PAIRS)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args(argv)
    pairs, available = build(args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as f:
        for pair in pairs:
            f.write(json.dumps(pair, ensure_ascii=False) + "\n")
    counts = Counter((p["split"], p["rule"] or p["kind"]) for p in pairs)
    for slot in [*QUOTAS]:
        print(
            f"{slot:22} "
            + "  ".join(f"{s}: {counts[(s, slot)]:4} of {available[(s, slot)]:5}" for s in SPLITS)
        )
    print(f"{len(pairs)} pairs, {args.out.stat().st_size / 1e6:.2f} MB -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
