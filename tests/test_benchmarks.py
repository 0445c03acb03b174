"""The benchmark behind `nox -s bench` asserts nothing and runs only on request, so
nothing else would notice when the machinery it imports changes under it (it once
imported a function that had been removed)."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT


def test_build_speed_imports_and_starts() -> None:
    run = subprocess.run(
        [sys.executable, "benchmarks/build_speed.py", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert "--skip-tests" in run.stdout and "--matrix" in run.stdout
