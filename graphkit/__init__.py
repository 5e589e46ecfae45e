"""graphkit: a knowledge-graph builder for alliances.

News and analysis text in; a typed, sourced graph of who does what to whom
between states, leaders and organizations out.
"""

__version__ = "0.1.0"
