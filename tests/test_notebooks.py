"""The notebooks in notebooks/: stored without outputs, and each runs top to bottom without an error.

Each notebook runs in a fresh kernel of this interpreter (a kernelspec written
to a temporary JUPYTER_PATH points at ``sys.executable``), from the notebooks
folder as Jupyter would, with matplotlib's Agg backend. 02_cypher gets the
session's Bolt server through NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD.
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
KERNEL = "graphkit-tests"
TIME_LIMIT = 120.0  # seconds per notebook, kernel start included

# checks appended to a notebook before it runs (never stored in it)
CHECKS = {
    "02_cypher": 'assert comparison["same answer"].all(), comparison',
    "03_compare": 'assert set(by_source["change"]) <= set(graphkit.api.CHANGES)',
}


def notebook_paths() -> list[Path]:
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def test_the_three_notebooks_exist():
    assert [p.stem for p in notebook_paths()] == ["01_build_and_explore", "02_cypher", "03_compare"]


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.stem)
def test_notebook_is_stored_clean(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert notebook.metadata.kernelspec.name == "python3"
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(not cell.outputs and cell.execution_count is None for cell in code)
    markdown = [cell for cell in notebook.cells if cell.cell_type == "markdown"]
    assert len(markdown) >= len(code) // 2, "explain the steps in markdown cells"
    assert notebook.cells[0].cell_type == "markdown" and notebook.cells[0].source.startswith("# ")


@pytest.fixture(scope="module")
def kernel_env(tmp_path_factory):
    """A kernelspec for this interpreter in a private JUPYTER_PATH, and private Jupyter/IPython dirs."""
    home = tmp_path_factory.mktemp("jupyter")
    spec = home / "share" / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "graphkit (tests)",
        "language": "python",
    }))
    return {
        "JUPYTER_PATH": str(home / "share"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "IPYTHONDIR": str(home / "ipython"),
        "MPLBACKEND": "Agg",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    }


def run_notebook(path: Path, env: dict, monkeypatch) -> tuple[object, float]:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    notebook = nbformat.read(path, as_version=4)
    if path.stem in CHECKS:
        notebook.cells.append(nbformat.v4.new_code_cell(CHECKS[path.stem]))
    client = nbclient.NotebookClient(
        notebook, kernel_name=KERNEL, timeout=int(TIME_LIMIT), startup_timeout=60,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    started = time.perf_counter()
    try:
        client.execute()
    except nbclient.exceptions.CellExecutionError as exc:
        plain = re.sub(r"\x1b\[[0-9;]*m", "", str(exc))  # IPython colours its tracebacks
        pytest.fail(f"{path.name} raised:\n{plain}", pytrace=False)
    return notebook, time.perf_counter() - started


def outputs_text(notebook) -> str:
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", ()):
            parts.append(output.get("text", ""))
            parts.extend(str(v) for v in output.get("data", {}).values())
    return "\n".join(parts)


@pytest.mark.model
def test_01_build_and_explore(kernel_env, monkeypatch):
    notebook, seconds = run_notebook(NOTEBOOKS / "01_build_and_explore.ipynb", kernel_env, monkeypatch)
    assert seconds < TIME_LIMIT
    text = outputs_text(notebook)
    assert "<iframe srcdoc=" in text  # the inline map
    assert "SUPPLY_ARMS" in text and "camp A" in text


@pytest.mark.model
@pytest.mark.bolt
def test_02_cypher(kernel_env, monkeypatch, bolt_server):
    from graphkit.neo4j_store import Neo4jStore

    uri, user, password = bolt_server
    with Neo4jStore(uri, user, password) as store:  # the session's server: start from an empty graph
        store.clear()
    env = {**kernel_env, "NEO4J_URI": uri, "NEO4J_USER": user, "NEO4J_PASSWORD": password}
    monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    try:
        notebook, seconds = run_notebook(NOTEBOOKS / "02_cypher.ipynb", env, monkeypatch)
    finally:
        with Neo4jStore(uri, user, password) as store:  # leave the server empty for the next test
            store.clear()
    assert seconds < TIME_LIMIT
    assert "loaded" in outputs_text(notebook)


@pytest.mark.model
def test_03_compare(kernel_env, monkeypatch):
    notebook, seconds = run_notebook(NOTEBOOKS / "03_compare.ipynb", kernel_env, monkeypatch)
    assert seconds < TIME_LIMIT
    assert "changed relations" in outputs_text(notebook) or "gained" in outputs_text(notebook)
