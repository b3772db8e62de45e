"""`intake classifier ...`: train, evaluate, compare, list, show, activate and roll back models.

Thin: each command builds the settings, calls one library function of the
``classifier`` package and prints its result. A refused model, bad training
data or an unknown version is one ``error:`` line and exit 1 (``intake.cli.manners``).
"""
from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from classifier.errors import ClassifierError, UnknownVersion
from intake.cli.common import settings
from intake.cli.manners import IntakeTyper, level_options
from intake.errors import OurFault

app = IntakeTyper(help="Train, evaluate, activate and roll back the task-type classifier.")
app.callback()(level_options)
console = Console()
err_console = Console(stderr=True)  # progress and warnings: keeps --json output clean
log = logging.getLogger(__name__)


def _settings():
    return settings()


def _store():
    from classifier.store import ModelStore

    return ModelStore(_settings().model_dir)


@contextmanager
def _bar() -> Iterator[Any]:
    """A rich progress bar as a ``classifier`` progress callback."""
    with Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(), console=err_console,
                  transient=True) as bar:
        task = bar.add_task("starting", total=1)
        yield lambda stage, done, total: bar.update(task, description=stage, completed=done, total=total or 1)


def eml_reader(raw: bytes) -> tuple[str, str, list[str]]:
    """Read a labelled .eml exactly as the service reads a message (``intake.pipeline.read_for_classifier``)."""
    from intake.pipeline import read_for_classifier

    return read_for_classifier(raw)


def _examples(data: list[Path], with_defaults: bool) -> tuple[list, dict[str, int]]:
    """The examples from ``--data`` paths, or (no paths) the seed corpus plus the database."""
    from classifier.data import load_corpus, load_path
    from intake.app import configure_sandbox

    if data:
        configure_sandbox(_settings())  # attachments of .eml files are read within the configured limits
    if data and not with_defaults:
        found = {str(p): load_path(p, eml_reader) for p in data}
        return [e for exs in found.values() for e in exs], {k: len(v) for k, v in found.items()}
    sources = {"seed corpus": load_corpus()}
    sources["database"] = _database_examples()
    for path in data:
        sources[str(path)] = load_path(path, eml_reader)
    return [e for exs in sources.values() for e in exs], {k: len(v) for k, v in sources.items()}


def _database_examples() -> list:
    from classifier.dbdata import examples_from_database
    from models.db import make_engine

    try:
        return list(examples_from_database(make_engine(_settings().database_url)))
    except Exception as err:  # noqa: BLE001 - an absent or unmigrated database has no corrections yet
        first_line = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        err_console.print(f"[yellow]no examples from the database:[/yellow] {first_line}")
        return []


def _check_catalogue(examples: list) -> None:
    from classifier.data import check_known
    from intake.app import catalogue_and_calendar

    catalogue, _ = catalogue_and_calendar(_settings())
    check_known(examples, catalogue.tasks)


@app.command()
def train(data: list[Path] = typer.Option([], "--data", metavar="<path>",
                                          help="Labelled .eml folder, .csv or .jsonl (repeatable)."),
          only_data: bool = typer.Option(False, "--only-data",
                                         help="Train on --data alone, without the seed corpus and database."),
          activate: bool = typer.Option(False, "--activate", help="Activate the new version."),
          activate_if_better: bool = typer.Option(False, "--activate-if-better",
                                                  help="Activate it only if it beats the active one on examples "
                                                       "neither was trained on (see README, 'The learning loop')."),
          force: bool = typer.Option(False, "--force", help="Train even when the training data is unchanged.")) -> None:
    """Train a new model version on the seed corpus, database corrections and --data."""
    from classifier.training import train_version

    if only_data and not data:
        raise typer.BadParameter("--only-data trains on --data alone: give at least one --data", param_hint="--data")
    examples, sources = _examples(data, not only_data)
    _check_catalogue(examples)
    store = _store()
    recent = _recent_corrections(store)
    err_console.print("training on " + ", ".join(f"{k}: {v}" for k, v in sources.items()))
    with _bar() as progress:
        result = train_version(store, examples, sources=sources, activate=activate,
                               activate_if_better=activate_if_better, force=force, progress=progress, recent=recent)
    if result.metrics:
        _print_report(result.metrics)
    if result.active_metrics is not None and result.candidate_metrics is not None:
        _print_side_by_side(result.candidate_metrics, result.active_metrics, f"version {result.version} (new)",
                            f"version {result.active_metrics.get('version')} (active)", result.compared_on)
    console.print(result.message)


def _recent_corrections(store) -> list:
    """The corrections made since the active version was trained (none when the database cannot be read)."""
    from classifier.loop import recent_corrections
    from models.db import make_engine

    try:
        return recent_corrections(store, make_engine(_settings().database_url))
    except Exception as err:  # noqa: BLE001 - an absent or unmigrated database has no corrections yet
        log.debug("no corrections from the database: %s", err)
        return []


def _print_side_by_side(left: dict[str, Any], right: dict[str, Any], left_name: str, right_name: str,
                        examples: str) -> None:
    from classifier.decision import side_by_side

    table = Table(title=f"on the same {left.get('n')} examples: {examples}")
    for column in ("measure", left_name, right_name):
        table.add_column(column, justify="left" if column == "measure" else "right")
    for row in side_by_side(left, right):
        table.add_row(*row)
    console.print(table)


@app.command()
def compare(left: str = typer.Argument(..., help="A version shown by 'classifier list'."),
            right: str = typer.Argument(..., help="Another version."),
            data: list[Path] = typer.Option([], "--data", metavar="<path>",
                                            help="Also evaluate on this labelled set (repeatable)."),
            as_json: bool = typer.Option(False, "--json", help="Print one JSON object.")) -> None:
    """Two versions' figures on the same examples that neither was trained on, per task type."""
    from classifier.loop import compare_versions
    from models.db import make_engine

    extra, _ = _examples(data, with_defaults=False) if data else ([], {})
    store = _store()
    with _bar() as progress:
        result = compare_versions(store, left, right, make_engine(_settings().database_url), extra, progress)
    if as_json:
        typer.echo(json.dumps({"examples": result.examples, "notes": list(result.notes), left: result.left,
                               right: result.right}, ensure_ascii=False))
        return
    _print_side_by_side(result.left, result.right, f"version {left}", f"version {right}", result.examples)
    for note in result.notes:
        err_console.print(f"[yellow]note:[/yellow] {note}")


@app.command()
def evaluate(version: str | None = typer.Option(None, "--version", help="Stored version (default: the active one)."),
             data: list[Path] = typer.Option([], "--data", metavar="<path>",
                                             help="Labelled set to evaluate on; without it: cross-validation."),
             folds: int = typer.Option(5, "--folds", help="Folds of the cross-validation."),
             as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
             png: Path | None = typer.Option(None, "--png", help="Write the confusion matrix to this PNG.")) -> None:
    """Evaluate a stored version on --data, or the training procedure by cross-validation."""
    from classifier.evaluate import confusion_png, cross_validate, evaluate_model

    store = _store()
    chosen = version or store.active_version()
    with _bar() as progress:
        if data:
            examples, _ = _examples(data, with_defaults=False)
            if chosen is None:
                raise UnknownVersion("no active model version; name one with --version")
            report = evaluate_model(store.load(chosen), examples, progress)
        else:
            examples, _ = _examples([], with_defaults=True)
            err_console.print(f"cross-validating on {len(examples)} examples: {folds} models are trained, which "
                              "takes a while (--data evaluates a stored version on a labelled set instead)")
            report = cross_validate(examples, folds=folds, progress=progress)
            report["active_version"] = chosen
    if png:
        try:
            confusion_png(report, png)
        except ImportError as err:  # a dependency missing: the installation is at fault
            raise OurFault(f"--png needs matplotlib ({err})") from err
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False))
    else:
        _print_report(report)
        if png:
            console.print(f"confusion matrix written to {png}")


def _print_report(report: dict[str, Any]) -> None:
    table = Table(title=f"version {report.get('version')}: {report.get('method', '')}")
    for column in ("task type", "precision", "recall", "F1", "support"):
        table.add_column(column, justify="left" if column == "task type" else "right")
    for task, s in report["per_task"].items():
        table.add_row(task, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}", str(s["support"]))
    console.print(table)
    console.print(f"macro-F1 {report['macro_f1']:.3f}  primary accuracy {report['primary_accuracy']:.3f}  "
                  f"triage rate {report['triage_rate']:.3f}  (n={report['n']})")
    multi = report.get("multi_task") or {}
    if multi.get("n"):
        console.print(f"task types of the {multi['n']} multi-task applications: recall {multi['recall']:.3f}  "
                      f"precision {multi['precision']:.3f}  all found {multi['complete']:.3f}")


@app.command("list")
def list_versions() -> None:
    """List the stored versions with the figures measured when each was trained; * marks the active one.

    Each version's figures are on the examples unseen at its training (how many: "measured on"; which: `show N`),
    and these differ from version to version as corrections come in; `compare` puts two versions on the same ones.
    """
    store = _store()
    active = store.active_version()
    table = Table(caption="figures on the examples unseen when each version was trained (which: `show N`); "
                          "`compare A B` measures two versions on the same examples")
    for column in ("", "version", "created", "trained on", "macro-F1", "primary", "triage", "measured on"):
        table.add_column(column)
    for version in store.versions():
        try:
            meta = store.meta(version)
        except ClassifierError as err:
            table.add_row("", version, f"unreadable: {err}", "", "", "", "", "")
            continue
        m = meta.get("metrics", {})
        table.add_row("*" if version == active else "", version, str(meta.get("created", "")),
                      str(meta.get("n_examples", "")), _figure(m.get("macro_f1")), _figure(m.get("primary_accuracy")),
                      _figure(m.get("triage_rate")), str(m.get("n", "")))
    console.print(table)


def _figure(value: object) -> str:
    """A stored figure with three decimals, as `compare` and `train` print them ('' when not recorded)."""
    return f"{value:.3f}" if isinstance(value, int | float) else ""


@app.command()
def show(version: str = typer.Argument(..., help="A version shown by 'classifier list'.")) -> None:
    """Show one version's metadata (library versions, thresholds, metrics)."""
    meta = _store().meta(version)
    typer.echo(json.dumps(meta, indent=2, ensure_ascii=False))


@app.command()
def activate(version: str = typer.Argument(..., help="A version shown by 'classifier list'.")) -> None:
    """Make a stored version the active one (a running service switches to it)."""
    changed = _store().activate(version)
    console.print(f"version {version} is now active" if changed else f"version {version} was already active")


@app.command()
def rollback() -> None:
    """Re-activate the version that was active before the current one."""
    version = _store().rollback()
    console.print(f"rolled back: version {version} is now active")
