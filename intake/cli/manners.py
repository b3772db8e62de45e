"""The manners every ``intake`` command shares: one clear error line, exit codes, tidy help, ``-v`` anywhere.

- A failure (an ``IntakeError``, or the database driver's error) becomes one line
  on stderr, ``error: ...``, and exit code 1; the traceback is printed too only
  with ``-v``. A usage error (bad arguments, unknown option values) is click's:
  a short usage message and exit code 2; a library's ``UsageError`` (an unknown task type, topic or part, named
  with the known ones) is one ``error: ...`` line and exit code 2 too. A bug still shows its traceback.
- ``--help`` shows boolean flags without a ``<bool>`` type.
- ``-v/--verbose`` and ``--config`` are accepted at every level of the command
  (``intake -v case list`` and ``intake case -v list`` are the same).

Every command group is an ``IntakeTyper``, so a group tested on its own behaves
as it does under ``intake``.
"""
from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any, NoReturn

import typer
from typer.core import TyperCommand, TyperGroup

from intake.cli.common import configure_logging, use_config
from intake.errors import IntakeError, UsageError

FAILURE, USAGE = 1, 2
VERBOSE_KEY, LOG_FORMAT_KEY = "intake.verbose", "intake.log_format"  # in click's ctx.meta, one per invocation


def fail(ctx: typer.Context, message: str, err: BaseException | None = None, code: int = FAILURE) -> NoReturn:
    """Print ``error: message`` as one line on stderr (the traceback first with ``-v``) and exit ``code`` (1)."""
    if err is not None and ctx.meta.get(VERBOSE_KEY):
        traceback.print_exception(err, file=sys.stderr)
    typer.echo(f"error: {' '.join(message.split())}", err=True)
    raise typer.Exit(code)


def _database_error(err: Exception) -> bool:
    """True for the database driver's errors; without importing SQLAlchemy when nothing used it."""
    exc = sys.modules.get("sqlalchemy.exc")
    return exc is not None and isinstance(err, exc.DBAPIError)


def _guarded(invoke: Callable[[typer.Context], Any], ctx: typer.Context) -> Any:
    try:
        return invoke(ctx)
    except UsageError as err:   # an unknown option value (the known ones listed): one line, exit 2
        fail(ctx, str(err), err, USAGE)
    except IntakeError as err:
        fail(ctx, str(err), err)
    except Exception as err:
        if not _database_error(err):
            raise
        from models.db import short_reason

        fail(ctx, f"the database failed: {short_reason(err)}", err)  # type: ignore[arg-type]


def _tidy(params: list) -> list:
    """Boolean flags take no value, so ``--help`` shows no type for them."""
    for param in params:
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""
    return params


class IntakeCommand(TyperCommand):
    """A command with the manners above."""

    def get_params(self, ctx: typer.Context) -> list:
        return _tidy(super().get_params(ctx))

    def invoke(self, ctx: typer.Context) -> Any:
        return _guarded(super().invoke, ctx)


class IntakeGroup(TyperGroup):
    """A command group with the manners above (its own options and option callbacks included)."""

    def get_params(self, ctx: typer.Context) -> list:
        return _tidy(super().get_params(ctx))

    def invoke(self, ctx: typer.Context) -> Any:
        return _guarded(super().invoke, ctx)


class IntakeTyper(typer.Typer):
    """``typer.Typer`` whose groups and commands have the manners above; shows help when called bare."""

    def __init__(self, **options: Any) -> None:
        options.setdefault("cls", IntakeGroup)
        options.setdefault("no_args_is_help", True)
        options.setdefault("pretty_exceptions_enable", False)
        super().__init__(**options)

    def command(self, *args: Any, **options: Any) -> Callable:
        options.setdefault("cls", IntakeCommand)
        return super().command(*args, **options)


def use_verbose(ctx: typer.Context, verbose: bool) -> None:
    """``-v`` at this level: log at DEBUG and print tracebacks (a ``-v`` higher up stays in force)."""
    if verbose and not ctx.meta.get(VERBOSE_KEY):
        ctx.meta[VERBOSE_KEY] = True
        configure_logging(ctx, logging.DEBUG, ctx.meta.get(LOG_FORMAT_KEY, "text"))


def level_options(
    ctx: typer.Context,
    config: Path | None = typer.Option(None, "--config", "-c",
                                          help="TOML settings file (default: intake's --config or INTAKE_CONFIG)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log at DEBUG level; show tracebacks."),
) -> None:
    """The options every command group takes, as at the top level."""
    use_config(config)
    use_verbose(ctx, verbose)


def package_version() -> str:
    """The installed package's version; in a source tree that is not installed, pyproject.toml's."""
    try:
        return metadata.version("kbh-intake")
    except metadata.PackageNotFoundError:
        import tomllib

        pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
        return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]


def show_version(value: bool) -> None:
    """``--version``: print it and stop before anything else runs."""
    if value:
        typer.echo(f"intake {package_version()}")
        raise typer.Exit()
