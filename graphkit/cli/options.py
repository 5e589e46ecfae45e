"""Options more than one command declares, declared once."""

from __future__ import annotations

import typer

FOCUS = typer.Option(None, "--focus", help="View: only the network around this actor (id, name or alias).")
DEPTH = typer.Option(1, "--depth", help="View: steps around --focus.")
RELATIONS = typer.Option(None, "--relations", help="View: comma-separated relations, e.g. SUPPLY_ARMS,ALLY.")
POLARITY = typer.Option(None, "--polarity", help="View: cooperative, neutral or hostile.")
MIN_COUNT = typer.Option(0, "--min-count", help="View: relations with at least N asserted mentions.")
SINCE = typer.Option(None, "--since", help="View: evidence dated on or after (2024, 2024-06, 2024-06-19).")
UNTIL = typer.Option(None, "--until", help="View: evidence dated on or before.")
LEVEL = typer.Option("actor", "--level", help="View: actor, or state (people and state bodies folded into their "
                     "country).")
