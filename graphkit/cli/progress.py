"""Progress and skip reporting on stderr for long runs."""

from __future__ import annotations

import sys
from contextlib import contextmanager

import typer


@contextmanager
def document_progress(total: int | None, quiet: bool = False):
    """Yields (on_document, on_skip) callbacks that show progress on stderr.

    A bar is drawn when stderr is a terminal; otherwise a line every 500 documents.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    interactive = sys.stderr.isatty() and not quiet
    done = {"n": 0}

    def on_skip(where: str, reason: str) -> None:
        if not quiet:
            typer.echo(f"graphkit: skipped {where}: {reason}", err=True)

    if not interactive:
        def on_document(_document) -> None:
            done["n"] += 1
            if not quiet and done["n"] % 500 == 0:
                typer.echo(f"graphkit: {done['n']} documents", err=True)

        yield on_document, on_skip
        return

    with Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True) as bar:
        task = bar.add_task("documents", total=total)

        def on_document(_document) -> None:
            bar.advance(task)

        yield on_document, on_skip


def warn(where: str, message: str) -> None:
    """A warning about one input (decoded from a legacy encoding, a repeated id) on stderr."""
    typer.echo(f"graphkit: warning: {where}: {message}", err=True)
