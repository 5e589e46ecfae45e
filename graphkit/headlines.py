"""Headlines and section headings in Title Case, rewritten in sentence case before parsing.

A statistical parser trained on running text reads "Israel Strikes Hezbollah
Targets In Beirut" as a string of proper nouns. Lower-casing every word that
is not part of an actor's name ("Israel strikes Hezbollah targets in Beirut")
gives it a sentence it knows. The rewrite keeps every character offset, so
evidence still points into the original text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
MAX_WORDS = 25
MAX_NAME_WORDS = 5


def is_headline(line: str) -> bool:
    """A short line in Title Case with no closing full stop."""
    text = line.strip()
    if not text or text[-1] in ".!;,’'\"”" or len(text.split()) > MAX_WORDS:
        return False
    words = [w for w in WORD.findall(text) if len(w) > 3]
    if len(words) < 2:
        return False
    capitalized = sum(1 for w in words if w[0].isupper())
    return capitalized / len(words) >= 0.6


def sentence_case(line: str, is_name: Callable[[str], bool]) -> str:
    """Lower-case the words of a Title Case ``line`` that are not part of a name ``is_name`` accepts.

    The first word, acronyms ("US", "AUKUS") and words inside a known name keep
    their case. The result has the same length as ``line``.
    """
    matches = list(WORD.finditer(line))
    keep = [False] * len(matches)
    i = 0
    while i < len(matches):
        for size in range(min(MAX_NAME_WORDS, len(matches) - i), 0, -1):
            span = line[matches[i].start(): matches[i + size - 1].end()]
            if is_name(span):
                for k in range(i, i + size):
                    keep[k] = True
                i += size
                break
        else:
            i += 1
    chars = list(line)
    for index, (match, kept) in enumerate(zip(matches, keep)):
        word = match.group()
        if kept or index == 0 or word.isupper() or not word[0].isupper():
            continue
        lowered = word.lower()
        if len(lowered) == len(word):
            chars[match.start(): match.end()] = lowered
    text = "".join(chars)
    return text if len(text) == len(line) else line


def name_checker(base) -> Callable[[str], bool]:
    """A test for actor names built on the actor knowledge base (names, aliases, demonyms, surnames)."""
    surnames = base.surname_index()

    def is_name(span: str) -> bool:
        cleaned = span.rstrip("'’s") if span.endswith(("'s", "’s")) else span
        return bool(base.resolve(cleaned) or base.demonym(cleaned) or cleaned in surnames)

    return is_name
