"""The benchmarks notebook: it runs without errors and draws its figures.

The site shows the notebook with the outputs it was saved with; these tests run it
again in quick mode (sizes shrunk; no timing is checked) and leave the file alone.
"""

from __future__ import annotations

import hashlib

import nbformat
import pytest
from nbclient.exceptions import CellExecutionError

from execdocs.notebook import BENCHMARKS, execute, outputs

from .conftest import ROOT

NOTEBOOK = ROOT / BENCHMARKS
FIGURES = 3  # I/O speedup, CPU speedup with Amdahl, start-up and memory costs


def images(notebook: nbformat.NotebookNode) -> int:
    return sum("image/svg+xml" in output.get("data", {}) for output in outputs(notebook))


def text(notebook: nbformat.NotebookNode) -> str:
    return "".join(output.get("text", "") for output in outputs(notebook))


def test_notebook_runs_in_quick_mode_and_draws_its_figures() -> None:
    before = hashlib.sha256(NOTEBOOK.read_bytes()).hexdigest()
    failure = None
    try:
        notebook = execute(NOTEBOOK, quick=True, timeout=60)
    except CellExecutionError as error:
        failure = str(error)
    if failure is not None:
        pytest.fail(f"{BENCHMARKS} failed in quick mode:\n{failure}", pytrace=False)
    assert not [o for o in outputs(notebook) if o["output_type"] == "error"]
    assert images(notebook) == FIGURES
    printed = text(notebook)
    assert "QUICK MODE" in printed
    assert "Measured on" in printed
    assert hashlib.sha256(NOTEBOOK.read_bytes()).hexdigest() == before, "the test rewrote it"


def test_committed_notebook_holds_a_full_run() -> None:
    """What the page shows: every cell ran, in order, at full size, without error."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert [cell.execution_count for cell in code] == list(range(1, len(code) + 1)), (
        "not saved from one clean top-to-bottom run: run `nox -s bench-notebook`"
    )
    assert not [o for o in outputs(notebook) if o["output_type"] == "error"]
    assert images(notebook) == FIGURES
    first = "".join(o.get("text", "") for o in code[0].outputs)
    assert first.startswith("Measured on ") and " UTC\nPython " in first
    assert "QUICK MODE" not in text(notebook), "saved from a quick run"
