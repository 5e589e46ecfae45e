"""``python -m graphkit.cli``: the graphkit command."""

from graphkit.cli import main

main()
