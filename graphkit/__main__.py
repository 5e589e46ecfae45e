"""``python -m graphkit``: the graphkit command."""

from graphkit.cli import main

main()
