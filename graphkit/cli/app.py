"""The typer application and the one place library errors become CLI errors."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable

import typer

from graphkit.errors import GraphkitError

app = typer.Typer(
    name="graphkit",
    help="Build typed, sourced alliance graphs from news and analysis text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def fail(message: str, code: int = 1) -> None:
    """Print one line to stderr and exit with ``code``."""
    typer.echo(f"graphkit: error: {message}", err=True)
    raise typer.Exit(code)


def handle_errors(command: Callable) -> Callable:
    """Wrap a command: GraphkitError → one line and its exit code; Ctrl-C → one line, 130."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except GraphkitError as exc:
            fail(str(exc), exc.exit_code)
        except KeyboardInterrupt:
            typer.echo("graphkit: interrupted", err=True)
            raise typer.Exit(130) from None
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(1) from None

    return wrapper
