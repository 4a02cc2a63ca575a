"""How well the language stage tells a visitor's language, and where its thresholds sit.

English: every prompt of every eval case (all turns), per split; they are asked in English,
so any other language chosen is an error: the visitor would get a refusal in German.
Other languages: the translations in bench/data/cross_language_questions.yaml (dev-split
questions only, each in French, German, Dutch, Spanish and Italian).

The thresholds are chosen on dev (English dev + the translations), over a grid, by the
fewest errors of both kinds, English mistakes weighed double and breaking ties (a wrong
language for a visitor who asked in the museum's own is the costlier mistake); test English
is printed by the same run and not used to choose.

    .venv/bin/python bench/language_id_bench.py [--out bench/results/language_id.md]
"""

from __future__ import annotations

import argparse
import itertools
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

import yaml

from assistant.language import LanguageRules, decide, scores_of
from assistant.settings import Settings
from evals.cases import load_cases

HERE = Path(__file__).resolve().parent
TRANSLATIONS = HERE / "data" / "cross_language_questions.yaml"
CONFIDENCES = (0.3, 0.4, 0.5, 0.6, 0.7)
LEADS = (0.0, 0.1, 0.2, 0.3, 0.4)
ENGLISH_WEIGHT = 2


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=HERE / "results" / "language_id.md")
    args = parser.parse_args()
    settings = Settings()
    rules = LanguageRules.of(settings)
    langs = rules.languages

    def pick(scores: dict[str, float], conf: float, lead: float) -> str:
        """The stage's choice for a first question, at these thresholds."""
        return decide(scores, replace(rules, min_confidence=conf, min_lead=lead)).language

    english: dict[str, list[str]] = {"dev": [], "test": []}
    # The eval's own cases in other languages (lang_*.yaml, written fresh, with splits) are
    # reported per split; they were not used to choose the thresholds.
    written: dict[tuple[str, str], list[str]] = {}
    for case in load_cases():
        if case.language == "en":
            english[case.split].extend(case.prompts)
        else:
            written.setdefault((case.language, case.split), []).extend(case.prompts)
    others: list[tuple[str, str]] = []
    for row in yaml.safe_load(TRANSLATIONS.read_text(encoding="utf-8")):
        others.extend((lang, row[lang]) for lang in ("fr", "de", "nl", "es", "it") if lang in row)

    start = time.perf_counter()
    scores_of("warm-up question here", rules)
    load_s = time.perf_counter() - start
    start = time.perf_counter()

    en_scores = {s: [scores_of(q, rules) for q in qs] for s, qs in english.items()}
    other_scores = [(lang, scores_of(q, rules)) for lang, q in others]
    n = sum(len(v) for v in en_scores.values()) + len(other_scores)
    per_q_ms = (time.perf_counter() - start) * 1000 / n

    grid = []
    for c, lead in itertools.product(CONFIDENCES, LEADS):
        en_wrong = sum(pick(s, c, lead) != "en" for s in en_scores["dev"])
        other_wrong = sum(pick(s, c, lead) != lang for lang, s in other_scores)
        grid.append((ENGLISH_WEIGHT * en_wrong + other_wrong, c, lead, en_wrong, other_wrong))
    # Ties go to fewer English mistakes, then to the lower thresholds.
    best = min(grid, key=lambda g: (g[0], g[3], g[1], g[2]))
    _, best_c, best_lead, _, _ = best
    current = (settings.language_min_confidence, settings.language_min_lead)

    lines = [
        "# Language of the question (bench/language_id_bench.py)",
        "",
        f"lingua-language-detector, restricted to {', '.join(langs)}; model load {load_s:.1f} s, "
        f"{per_q_ms:.2f} ms per question after it. English prompts: every turn of every eval "
        f"case ({len(english['dev'])} dev, {len(english['test'])} test); other languages: "
        f"{len(others)} translations of dev questions.",
        "",
        "## Grid on dev (errors: English read as another language / translations misread)",
        "",
        "| min confidence | min lead | English errors (dev) | other-language errors | cost |",
        "|---|---|---|---|---|",
    ]
    for cost, c, lead, en_wrong, other_wrong in sorted(grid, key=lambda g: (g[1], g[2])):
        mark = " **chosen**" if (c, lead) == (best_c, best_lead) else ""
        mark += " (settings)" if (c, lead) == current else ""
        lines.append(f"| {c} | {lead} | {en_wrong} | {other_wrong} | {cost}{mark} |")

    lines += ["", f"## At the settings' thresholds {current}, per language", ""]
    lines += ["| questions | n | read as their language | read as English | other |"]
    lines += ["|---|---|---|---|---|"]
    for split in ("dev", "test"):
        got = Counter(pick(s, *current) for s in en_scores[split])
        total = len(en_scores[split])
        lines.append(
            f"| English ({split}) | {total} | {got['en'] / total:.3f} | – | "
            f"{dict(c for c in got.items() if c[0] != 'en')} |"
        )
    for lang in ("fr", "de", "nl", "es", "it"):
        picks = Counter(pick(s, *current) for la, s in other_scores if la == lang)
        total = sum(picks.values())
        rest = {k: v for k, v in picks.items() if k not in (lang, "en")}
        lines.append(
            f"| {lang} (dev translations) | {total} | {picks[lang] / total:.3f} | "
            f"{picks['en'] / total:.3f} | {rest} |"
        )
    for (lang, split), prompts in sorted(written.items()):
        picks = Counter(pick(scores_of(q, rules), *current) for q in prompts)
        total = len(prompts)
        rest = {k: v for k, v in picks.items() if k not in (lang, "en")}
        lines.append(
            f"| {lang} (eval cases, {split}) | {total} | {picks[lang] / total:.3f} | "
            f"{picks['en'] / total:.3f} | {rest} |"
        )
    wrong_en = [
        q
        for q, s in zip(english["dev"], en_scores["dev"], strict=True)
        if pick(s, *current) != "en"
    ]
    lines += ["", "English dev prompts read as another language at the settings' thresholds:", ""]
    lines += [f"- {q!r}" for q in wrong_en[:40]]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines[: 12 + len(grid)]))


if __name__ == "__main__":
    main()
