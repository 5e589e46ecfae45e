"""The ``graphkit`` console command. Each command lives in its own module."""

from __future__ import annotations

import importlib

from graphkit.cli.app import app

# command modules, each registering one command on ``app`` when imported
COMMAND_MODULES = ("extract", "build", "render", "export", "eval", "load", "query")


def _register() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(f"graphkit.cli.{name}")


def main() -> None:
    _register()
    app()
