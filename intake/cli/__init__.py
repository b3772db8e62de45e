"""The ``intake`` command: one module per command group, sharing ``intake.cli.common``."""
from intake.cli.main import app, main

__all__ = ["app", "main"]
