"""A short fuzz run over ingest, extraction and graph files (bench/fuzz.py) with a fixed seed.

``bench/fuzz.py --seconds 300`` is the long run; this one takes ~20 s (``GRAPHKIT_FUZZ_SECONDS``).
Findings that match a known bug (``KNOWN`` in bench/fuzz.py, each pinned by an xfail test) are
allowed; anything else fails the test with the input's index, so that
``bench/fuzz.py --seed 20240619 --replay INDEX`` writes the input that did it.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = 20240619
SECONDS = float(os.environ.get("GRAPHKIT_FUZZ_SECONDS", "20"))

pytestmark = pytest.mark.model


def _load_fuzz():
    name = "graphkit_bench_fuzz"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / "fuzz.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


fuzz = _load_fuzz()


def test_inputs_are_replayable():
    for index in (0, 1, 7, 123):
        assert fuzz.make_input(SEED, index) == fuzz.make_input(SEED, index)
    assert {fuzz.make_input(SEED, i)[0] for i in range(len(fuzz.GENERATORS))} == set(fuzz.GENERATORS)


def test_every_known_finding_is_pinned_by_a_test():
    names = set()
    for path in (ROOT / "tests").glob("test_*.py"):
        names |= set(re.findall(r"^def (test_\w+)", path.read_text(encoding="utf-8"), re.MULTILINE))
    assert {test for _, _, test in fuzz.KNOWN} <= names


def test_fuzz_run_finds_no_new_crash():
    report = fuzz.fuzz(SECONDS, SEED, slow=15.0)  # slow CI machines: only hangs count
    print("\n" + report.summary())
    assert report.inputs >= 100
    assert set(report.by_generator) == set(fuzz.GENERATORS)
    assert report.documents > 0 and report.evidence > 0
    assert not report.new, "\n".join(f.line() for f in report.new)
