"""Errors graphkit raises on purpose. The CLI turns each into one line and an exit code."""


class GraphkitError(Exception):
    """A problem the user can fix: bad input, a missing file, a server that refuses."""

    exit_code = 1


class InputError(GraphkitError):
    """An input path or record cannot be read."""

    exit_code = 2


class ModelError(GraphkitError):
    """The spaCy pipeline cannot be loaded."""

    exit_code = 3


class StoreError(GraphkitError):
    """A graph store (a file or a Neo4j server) cannot be read or written."""

    exit_code = 4
