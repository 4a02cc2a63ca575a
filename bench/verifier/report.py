"""The Markdown report of a verifier benchmark run (bench/results/verifier.md)."""

from __future__ import annotations

from typing import Any

from bench.verifier.build import SUPPORTED_KINDS, UNSUPPORTED_KINDS

KIND_NOTES = {
    "exact": "a sentence of the passage, unchanged",
    "paraphrase": "reordered, voice changed, synonyms, a clause dropped, a number word as digits",
    "wrong_name": "a person's name swapped for another person of the collections",
    "wrong_date": "a year, decade or century shifted (digits or words)",
    "wrong_number_digits": "a count in digits changed",
    "wrong_number_words": "a count in words changed ('three' -> 'five')",
    "wrong_place": "a place or nationality swapped",
    "wrong_material": "a material swapped within its kind, from the medium vocabulary",
    "negation": "'not' added after the first auxiliary, or the only negation removed",
    "antonym": "one word swapped for its antonym (early/late, left/right, before/after...)",
    "added_detail": "another record's relative clause about the same noun inserted",
    "neighbour_object": "a true sentence of a similar object, cited to this passage",
    "half_true_merge": "a true sentence joined by 'and' to a sentence of a similar object",
}


def _f(x: float | None, pct: bool = False) -> str:
    if x is None:
        return "–"
    return f"{100 * x:.1f}" if pct else f"{x:.3f}"


def _q(text: str) -> str:
    return text.replace("|", "\\|")


def markdown(result: dict[str, Any]) -> str:
    """The whole report."""
    splits = result["splits"]
    env = result["environment"]
    lines = [
        "# Sentence-verifier benchmark: today's `assistant.verify.Verifier`",
        "",
        f"Pairs: `{result['pairs_file']}` (built by `python -m bench.verifier.build`; how and "
        "why in `docs/verifier-benchmark.md`). Run: `python -m bench.verifier.run` on "
        f"{env['date']}, {env['cpus']} CPUs shared with other work (load average "
        f"{', '.join(str(x) for x in env['loadavg_at_end'])} at the end).",
        "",
        "Each pair is one sentence citing one passage [1]; the verifier is built as "
        "`assistant/service.py` builds it (settings defaults: `min_support` 0.55, "
        "`min_coverage` 0.7, all-MiniLM-L6-v2). Positive = supported. Precision: of the "
        "sentences it accepts, the share the passage supports. Recall: of the supported "
        "sentences, the share it accepts. Balanced accuracy: mean of recall and of the share "
        "of unsupported sentences it rejects.",
        "",
        "## Results",
        "",
        "| half | pairs | supported / unsupported | precision | recall | rejects unsupported "
        "| balanced accuracy | pairs/s | target met |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for split, s in splits.items():
        o = s["overall"]
        lines.append(
            f"| {split} | {o['n']} | {o['tp'] + o['fn']} / {o['fp'] + o['tn']} "
            f"| {_f(o['precision'])} | {_f(o['recall'])} | {_f(o['specificity'])} "
            f"| **{_f(o['balanced_accuracy'], pct=True)}** | {s['pairs_per_second']} "
            f"| {'yes' if s['meets_target'] else 'no'} |"
        )
    target = result["target"]
    anchors = ", ".join(f"{k} **{v}**" for k, v in result["anchors_llm_aggrefact_bacc"].items())
    lines += [
        "",
        f"**Target** (issue 12): precision ≥ {target['precision']} at recall ≥ "
        f"{target['recall']} on the held-back half. **Anchors**: balanced accuracy on "
        f"LLM-AggreFact, {anchors}. That benchmark is broader (documents, summaries, dialogue "
        "from many domains) and has no catalogue record beside the text; ours is one "
        "curatorial passage and one sentence, so the anchors are a floor to beat by far, not a "
        "like-for-like comparison.",
        "",
        "Throughput is for the whole loop, pysbd splitting and embeddings included, with a "
        "fresh verifier per half (its embedding cache starts empty; a passage's sentences are "
        f"embedded once and reused by the other pairs that cite it). Model load: "
        f"{result['model_load_seconds']} s, not counted.",
        "",
        "## Per kind",
        "",
        "Unsupported kinds are each scored against all the supported pairs of the half: "
        "precision and balanced accuracy as if the model only ever made that one kind of "
        "error. 'Accepted' for an unsupported kind is the number that would reach a visitor.",
        "",
    ]
    order = [s for s in ("held", "train") if s in splits]
    head = "| kind | label | " + " | ".join(
        f"{s}: n | {s}: accepted | {s}: precision | {s}: balanced acc." for s in order
    )
    lines += [head + " |", "|---|---|" + "---:|" * (4 * len(order))]
    for kind in (*SUPPORTED_KINDS, *UNSUPPORTED_KINDS):
        cells = []
        for s in order:
            k = splits[s]["by_kind"].get(kind)
            if not k:
                cells += ["0", "–", "–", "–"]
                continue
            rate = f"{k['accepted']} ({_f(k['accept_rate'], pct=True)}%)"
            cells += [
                str(k["n"]),
                rate,
                _f(k.get("precision")),
                _f(k.get("balanced_accuracy"), True),
            ]
        label = "supported" if kind in SUPPORTED_KINDS else "unsupported"
        lines.append(f"| {kind} | {label} | " + " | ".join(cells) + " |")
    lines += ["", "What each kind is:", ""]
    lines += [f"- `{k}`: {v}" for k, v in KIND_NOTES.items()]
    lines += ["", "Paraphrase rules (recall per rule):", ""]
    lines += ["| rule | " + " | ".join(f"{s}: n | {s}: accepted" for s in order) + " |"]
    lines += ["|---|" + "---:|" * (2 * len(order))]
    rules = sorted({r for s in order for r in splits[s]["paraphrase_rules"]})
    for rule in rules:
        cells = []
        for s in order:
            r = splits[s]["paraphrase_rules"].get(rule, {"n": 0, "accepted": 0, "recall": None})
            cells += [str(r["n"]), f"{r['accepted']} ({_f(r['recall'], pct=True)}%)"]
        lines.append(f"| {rule} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "By source (held):",
        "",
        "| corpus | pairs | precision | recall | balanced acc. |",
    ]
    lines += ["|---|---:|---:|---:|---:|"]
    if "held" in splits:
        for corpus, c in splits["held"]["by_corpus"].items():
            lines.append(
                f"| {corpus} | {c['n']} | {_f(c['precision'])} | {_f(c['recall'])} "
                f"| {_f(c['balanced_accuracy'], pct=True)} |"
            )
    main = "held" if "held" in splits else order[0]
    lines += [
        "",
        f"## Where today's verifier fails most ({main} half): the list to fix",
        "",
        "Unsupported kinds, worst first, with three of the sentences it accepted (the change "
        "the builder made is in brackets).",
        "",
    ]
    for i, f in enumerate(splits[main]["failures"], start=1):
        if not f["accepted"]:
            continue
        lines.append(
            f"{i}. **{f['kind']}**: {f['accepted']} of {f['n']} accepted "
            f"({_f(f['accept_rate'], pct=True)}%)."
        )
        for ex in f["examples"]:
            lines.append(f"   - “{_q(ex['sentence'])}” [{_q(ex['change'])}] ({ex['verdict']})")
    lines += [
        "",
        f"And the supported sentences it rejects ({main} half), worst first:",
        "",
    ]
    for m in splits[main]["missed"]:
        lines.append(
            f"- **{m['slot']}**: {m['rejected']} of {m['n']} rejected "
            f"({_f(m['reject_rate'], pct=True)}%)."
        )
        for ex in m["examples"]:
            lines.append(
                f"   - “{_q(ex['sentence'])}” [{_q(ex['change']) or 'exact'}] ({ex['verdict']})"
            )
    reasons: dict[str, int] = {}
    for kind in SUPPORTED_KINDS:
        for reason, n in splits[main]["by_kind"].get(kind, {}).get("rejected_by", {}).items():
            if reason != "accepted":
                reasons[reason] = reasons.get(reason, 0) + n
    if reasons:
        lines += [
            "",
            "Which check rejected the supported sentences: "
            + ", ".join(f"{k} {v}" for k, v in sorted(reasons.items(), key=lambda t: -t[1]))
            + ".",
        ]
    hc = result.get("handcheck")
    if hc:
        lines += [
            "",
            "## Hand-check of the construction labels",
            "",
            "A seeded sample (`bench/verifier/data/handcheck.jsonl`), each pair read with its "
            "passage and judged supported or not before looking at the verifier:",
            "",
        ]
        for group, h in hc.items():
            lines.append(
                f"- {group}: agreed with the construction label on {h['agree']} of {h['n']}."
            )
            for d in h["disagreements"]:
                lines.append(f"  - `{d['id']}` ({d['kind']}): judged {d['judged']}. {d['note']}")
    lines.append("")
    return "\n".join(lines)
