"""``museum-qa eval``: run the misinformation eval suite and write a scored report.

Only light modules are imported at the top: ``ui/cli.py`` imports this one on every command.
"""

from __future__ import annotations

import sys
import tempfile
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path
from typing import Any, Literal

import click

from assistant.errors import MuseumQAError
from assistant.settings import load_settings
from evals.cases import CASES_DIR, CATEGORIES, SPLITS
from evals.variants import VARIANTS, with_variant

ARMS: dict[str, list[Literal["full", "baseline"]]] = {
    "full": ["full"],
    "baseline": ["baseline"],
    "both": ["full", "baseline"],
}


class _ProgressSink:
    """Feeds ``progress(stage, done, total)`` to a rich bar, or to sparse lines off a TTY."""

    def __init__(self, bar: Any | None):
        self.bar = bar
        self.tasks: dict[str, Any] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.bar is not None:
            if stage not in self.tasks:
                self.tasks[stage] = self.bar.add_task(stage, total=total)
            self.bar.update(self.tasks[stage], completed=done, total=total)
            return
        # Off a TTY (CI logs), a line at the start, each tenth of the way and at the end.
        tenth = done * 10 // max(total, 1)
        if self.tasks.get(stage) != tenth:
            self.tasks[stage] = tenth
            click.echo(f"{stage}: {done}/{total}", err=True)


def _corpora(overrides: tuple[str, ...]) -> dict[str, Any]:
    from evals.runner import CorpusSpec, default_corpora

    corpora: dict[str, CorpusSpec] = default_corpora()
    for item in overrides:
        name, sep, path = item.partition("=")
        if not sep or not name or not path:
            raise click.BadParameter(f"expected NAME=PATH, got {item!r}", param_hint="--corpus")
        spec = corpora.get(name)
        # Keep a known corpus's attestation: only its location changes.
        corpora[name] = replace(spec, path=Path(path)) if spec else CorpusSpec(Path(path))
    return corpora


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--cases",
    "cases_path",
    type=click.Path(path_type=Path),
    default=CASES_DIR,
    show_default="evals/cases",
    help="A case file or a folder of *.yaml case files.",
)
@click.option(
    "--category",
    "categories",
    multiple=True,
    type=click.Choice(CATEGORIES),
    help="Only this category (repeatable).",
)
@click.option(
    "--split",
    type=click.Choice([*SPLITS, "all"]),
    default="all",
    show_default=True,
    help="Only the dev cases (tune on them), the test cases (judge on them), or all.",
)
@click.option(
    "--language",
    "languages",
    multiple=True,
    metavar="CODE",
    help="Only the cases asked in this language (ISO 639-1, e.g. en, fr; repeatable). "
    "Every run reports each language it includes.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    help="At most N cases, spread over the categories (for a quick slice).",
)
@click.option(
    "--variant",
    type=click.Choice(list(VARIANTS)),
    default="as-written",
    show_default=True,
    help="Ask every question as written, in lower case, or typed quickly (lower case, no "
    "apostrophes or punctuation); compare its report with the as-written one.",
)
@click.option(
    "--arm",
    type=click.Choice(list(ARMS)),
    default="full",
    show_default=True,
    help="full = the assistant; baseline = the bare model with the same passages.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=Path("eval-report"),
    show_default=True,
    help="Folder for report.md, report.json and chart.png.",
)
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path),
    help="Keep the eval indexes here and reuse them (default: a temporary folder).",
)
@click.option(
    "--llm",
    envvar="MUSEUM_QA_LLM",
    help="'embedded', a .gguf path, 'ollama:<model>' or 'scripted' [env: MUSEUM_QA_LLM].",
)
@click.option(
    "--corpus",
    "corpus_paths",
    multiple=True,
    metavar="NAME=PATH",
    help="Where a case corpus lives, e.g. demo=tests/data/corpus (repeatable).",
)
@click.option(
    "--thresholds",
    "thresholds_path",
    type=click.Path(path_type=Path),
    show_default="evals/thresholds.yaml",
    help="Targets the gated arm must meet.",
)
@click.option(
    "--no-agreement",
    is_flag=True,
    help="Skip measuring the support checker against the hand labels.",
)
@click.option("--no-fail", is_flag=True, help="Exit 0 even when a threshold is missed.")
@click.pass_context
def eval_command(
    ctx: click.Context,
    cases_path: Path,
    categories: tuple[str, ...],
    split: Literal["dev", "test", "all"],
    languages: tuple[str, ...],
    limit: int | None,
    variant: str,
    arm: str,
    out_dir: Path,
    data_dir: Path | None,
    llm: str | None,
    corpus_paths: tuple[str, ...],
    thresholds_path: Path | None,
    no_agreement: bool,
    no_fail: bool,
) -> None:
    """Ask every eval case, score the answers, and write a report.

    Prints a table per arm and the thresholds, writes report.md, report.json and chart.png
    to --out. Every metric is given per split; thresholds are judged on the test split when
    it ran. Exit code: 0 all thresholds met (or --no-fail), 1 a threshold missed by the full
    arm (the baseline when it runs alone), 2 an error.

    The subcommands grow the eval from reviewed answers: cases-from-log, move-case.
    """
    if ctx.invoked_subcommand is not None:
        return  # a subcommand (cases-from-log, move-case) runs instead of the eval
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from evals.agreement import default_checker, load_pairs, run_agreement
    from evals.cases import load_cases, select_cases
    from evals.report import Report, metrics_tables, thresholds_table, write_report
    from evals.runner import run_eval
    from evals.thresholds import THRESHOLDS_FILE, load_thresholds

    # Off a terminal (CI logs, files) rich would assume 80 columns and squeeze the tables.
    console = Console() if sys.stdout.isatty() else Console(width=140)
    try:
        settings = load_settings(**({"llm": llm} if llm else {}), log_answers=False)
        cases = load_cases(cases_path)
        thresholds = load_thresholds(thresholds_path or THRESHOLDS_FILE)
        corpora = _corpora(corpus_paths)
        selected = with_variant(
            select_cases(
                cases, categories=categories, limit=limit, split=split, languages=languages
            ),
            variant,
        )
        if not selected:
            raise MuseumQAError("no case matches the chosen categories, split and language")
        results = []
        with ExitStack() as stack:
            # One data dir for both arms, so each corpus is ingested once.
            root = data_dir or Path(
                stack.enter_context(tempfile.TemporaryDirectory(prefix="museum-qa-eval-"))
            )
            bar = (
                stack.enter_context(
                    Progress(
                        TextColumn("{task.description}"),
                        BarColumn(),
                        MofNCompleteColumn(),
                        console=Console(stderr=True),
                        transient=True,
                    )
                )
                if sys.stderr.isatty()
                else None
            )
            sink = _ProgressSink(bar)
            for name in ARMS[arm]:
                results.append(
                    run_eval(
                        settings, selected, arm=name, progress=sink, corpora=corpora, data_dir=root
                    )
                )
            agreement = None
            if not no_agreement:
                agreement = run_agreement(load_pairs(), default_checker(settings))
    except MuseumQAError as exc:
        click.secho(f"Error: {exc}", fg="red", err=True)
        ctx.exit(2)
        return

    report = Report(
        results,
        thresholds,
        agreement,
        meta={
            "cases": f"{len(selected)} of {len(cases)} from {cases_path}",
            "categories": ", ".join(categories) or "all",
            "split": split,
            "languages": ", ".join(languages) or "all",
            "variant": variant,
            "limit": limit,
            "llm": settings.llm,
            "settings": f"top_k={settings.top_k}, min_relevance={settings.min_relevance}, "
            f"min_support={settings.min_support}, min_coverage={settings.min_coverage}",
        },
    )
    for result in results:
        for table in metrics_tables(result):
            console.print(table)
    console.print(thresholds_table(report))
    if agreement is not None:
        console.print(
            f"Support checker vs {agreement.n} hand labels: accuracy "
            f"{agreement.accuracy or 0:.2f}, kappa "
            f"{'n/a' if agreement.kappa is None else f'{agreement.kappa:.2f}'}"
        )
    try:
        paths = write_report(report, out_dir)
    except OSError as exc:
        click.secho(f"Error: cannot write the report to {out_dir}: {exc}", fg="red", err=True)
        ctx.exit(2)
        return
    console.print("Wrote " + ", ".join(str(p) for p in paths.values()))
    misses = report.misses()
    if misses:
        judged = report.gated.judged_split if report.gated else "all"
        click.secho(
            f"{len(misses)} threshold(s) missed on the {judged} split: "
            + "; ".join(
                f"{m.threshold.describe()} (got {m.value:.3f})"
                for m in misses
                if m.value is not None
            ),
            fg="red",
            err=True,
        )
        if not no_fail:
            ctx.exit(1)


from evals.log_cli import cases_from_log, move_case  # noqa: E402  (subcommands of eval)

eval_command.add_command(cases_from_log)
eval_command.add_command(move_case)
