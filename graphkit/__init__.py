"""graphkit: a knowledge-graph builder for alliances.

News and analysis text in; a typed, sourced graph of who does what to whom
between states, leaders and organizations out.

The public API (``graphkit.api``; loaded on first use, so ``import graphkit``
stays fast and loads no model):

- ``build(paths, *, model=None, date=None, outdir=None, ...) -> Result``
- ``load(graph_json) -> Result``
- ``compare(a, b) -> DataFrame``: pairs of actors gained, lost, changed polarity
- ``connect(uri, user, password, database=None) -> Neo4jDatabase``
- ``cypher_library() -> DataFrame``: the queries of ``cypher/queries``
- ``Result``: ``.graph``, ``.evidence``, ``.triples``, ``.actors``, ``.edges``,
  ``.pairs``, ``.evidence_for()``, ``.show()``, ``.select()``, ``.query()``,
  ``.to_neo4j()``, ``.save()``
- errors: ``GraphkitError`` and its ``InputError``, ``ModelError``, ``StoreError``
"""

__version__ = "0.1.0"

__all__ = [
    "GraphkitError",
    "InputError",
    "ModelError",
    "Neo4jDatabase",
    "Result",
    "StoreError",
    "build",
    "compare",
    "connect",
    "cypher_library",
    "load",
]

_EXPORTS = {
    "build": "graphkit.api", "load": "graphkit.api", "compare": "graphkit.api",
    "connect": "graphkit.api", "cypher_library": "graphkit.api", "Result": "graphkit.api",
    "Neo4jDatabase": "graphkit.api",
    "GraphkitError": "graphkit.errors", "InputError": "graphkit.errors",
    "ModelError": "graphkit.errors", "StoreError": "graphkit.errors",
}


def __getattr__(name: str):
    """Import the public API on first use (PEP 562): ``import graphkit`` loads nothing else."""
    if name in _EXPORTS:
        import importlib

        value = getattr(importlib.import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'graphkit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
