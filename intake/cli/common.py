"""What every ``intake`` subcommand shares: one way to get the settings, the consoles, logging set-up.

The manners (errors, exit codes, ``-v`` at every level) are in ``intake.cli.manners``.

The settings are read once per invocation from ``--config`` (given at any level:
``intake --config X case list`` and ``intake case --config X list`` are the same)
or ``INTAKE_CONFIG``, then the environment.
"""
from __future__ import annotations

import logging
import os
import sys
from functools import partial
from pathlib import Path
from typing import Any

from rich.console import Console

from intake.logs import configure, unconfigure
from intake.settings import ENV_PREFIX, Settings, load_settings

console = Console(width=None if sys.stdout.isatty() else 160)
err_console = Console(stderr=True)  # progress and warnings: keeps --json output clean
state: dict[str, Any] = {}


def start_invocation(config: Path | None) -> None:
    """The root command begins: forget what an earlier invocation in this process chose."""
    state.pop("config", None)
    use_config(config)


def use_config(config: Path | None) -> None:
    """Remember ``--config`` from whichever level it was given at (a later, deeper one wins)."""
    if config is not None:
        state["config"] = config


def settings() -> Settings:
    """The settings of this invocation: ``--config`` or ``INTAKE_CONFIG``, then the environment.

    Read once per configuration and environment (tests run many invocations in one process);
    ``state["settings"]``, when set, is used as it is.
    """
    if "settings" in state:
        return state["settings"]
    key = (state.get("config"), tuple(sorted((k, v) for k, v in os.environ.items() if k.startswith(ENV_PREFIX))))
    if state.get("settings_key") != key:
        state["loaded"], state["settings_key"] = load_settings(state.get("config")), key
    return state["loaded"]


def configure_logging(ctx: Any, level: int, fmt: str = "text") -> None:
    """Log to stderr at ``level``, as text or JSON lines, with context fields and addresses masked.

    For this invocation only (``ctx``, click's context): when it ends the handler goes and the
    root level is restored, so many invocations in one process (the tests) leave nothing behind.
    """
    if not ctx.meta.get("intake.logging"):
        ctx.meta["intake.logging"] = True
        ctx.call_on_close(partial(unconfigure, logging.getLogger().level))
    configure(level, fmt)
