"""Execute the benchmarks notebook: `nox -s bench-notebook` and the tests share this.

The site renders the notebook with the outputs it was saved with (mkdocs-jupyter,
``execute: false``): the build never runs it. :func:`execute` runs every cell in a
fresh kernel from the notebook's own folder (so it can import its helper module)
and fails on the first error. ``python -m execdocs.notebook PATH`` rewrites PATH
with the new outputs; the tests call :func:`execute` in quick mode and keep the
result in memory.

Needs the ``bench`` dependency group (nbclient, nbformat, ipykernel, matplotlib).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient

#: The notebook the Benchmarks page shows.
BENCHMARKS = Path("docs/benchmarks/index.ipynb")
#: Seconds one cell may run before the run fails.
CELL_TIMEOUT = 240


def execute(
    path: Path, *, quick: bool = False, timeout: int = CELL_TIMEOUT
) -> nbformat.NotebookNode:
    """Run every cell of the notebook at ``path``; raises CellExecutionError on an error.

    ``quick`` sets ``BENCH_QUICK=1`` in the kernel, which the notebook reads to shrink
    every size (a smoke test whose numbers mean nothing).
    """
    notebook = nbformat.read(path, as_version=4)
    env: Mapping[str, str] = {**os.environ, "BENCH_QUICK": "1" if quick else "0"}
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        allow_errors=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    # nbclient passes keyword arguments of start_new_kernel on to the kernel's Popen.
    client.execute(env=dict(env))
    return notebook


def outputs(notebook: nbformat.NotebookNode) -> Iterator[dict[str, Any]]:
    """Every output of every code cell, in order."""
    for cell in notebook.cells:
        if cell.cell_type == "code":
            yield from cell.get("outputs", [])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=BENCHMARKS)
    parser.add_argument("--quick", action="store_true", help="shrunk sizes (smoke test)")
    args = parser.parse_args(argv)
    notebook = execute(args.path, quick=args.quick)
    if args.quick:
        print(f"{args.path}: ran without errors in quick mode (not saved)")
        return
    nbformat.write(notebook, args.path)
    print(f"{args.path}: re-executed and saved with its new outputs")


if __name__ == "__main__":
    main()
