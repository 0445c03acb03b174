"""The runner: a controlled environment, separate time-stamped streams, hard timeouts."""

from __future__ import annotations

import os
import textwrap
import time
from pathlib import Path

import pytest

from execdocs.runner import run_many, run_snippet


def program(tmp_path: Path, source: str) -> str:
    (tmp_path / "prog.py").write_text(textwrap.dedent(source), encoding="utf-8")
    return "prog.py"


def test_environment_is_controlled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONUNBUFFERED", "1")
    monkeypatch.setenv("COLUMNS", "7")
    monkeypatch.setenv("PYTHONHASHSEED", "random")
    monkeypatch.setenv("SECRET_TOKEN", "x")
    path = program(
        tmp_path,
        """
        import os, sys
        for key in ("PYTHONUNBUFFERED", "COLUMNS", "PYTHONHASHSEED", "SECRET_TOKEN"):
            print(key, os.environ.get(key))
        print("buffered", not sys.stdout.write_through and sys.stdout.line_buffering is False)
        print("cwd", os.getcwd())
        """,
    )
    run = run_snippet(path, root=tmp_path)
    assert run.stdout_lines == [
        "PYTHONUNBUFFERED None",
        "COLUMNS 80",
        "PYTHONHASHSEED 0",
        "SECRET_TOKEN None",
        "buffered True",
        f"cwd {tmp_path}",
    ]


def test_streams_are_separate_and_time_stamped(tmp_path: Path) -> None:
    path = program(
        tmp_path,
        """
        import sys, time
        print("first", flush=True)
        time.sleep(0.5)
        print("warning", file=sys.stderr, flush=True)
        time.sleep(0.2)  # lines from two pipes are ordered by arrival; keep them apart
        print("last", flush=True)
        """,
    )
    run = run_snippet(path, root=tmp_path)
    assert run.returncode == 0
    assert run.stdout_lines == ["first", "last"]
    assert run.stderr_lines == ["warning"]
    assert [line.text for line in run.merged()] == ["first", "warning", "last"]
    # A lower bound only: sleep(0.5) cannot end sooner, however busy the machine is.
    assert run.stdout[1].t - run.stdout[0].t >= 0.45


def test_timeout_kills_the_program_and_its_children_but_keeps_output(tmp_path: Path) -> None:
    path = program(
        tmp_path,
        """
        import subprocess, sys, time
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
        print("child", child.pid, flush=True)
        time.sleep(60)
        """,
    )
    run = run_snippet(path, root=tmp_path, timeout=1)
    assert run.timed_out and run.returncode is None
    child = int(run.stdout_lines[0].split()[1])
    assert _gone(child), "the snippet's child outlived the timeout"


def test_leftover_child_holding_the_pipe_does_not_hang_the_runner(tmp_path: Path) -> None:
    path = program(
        tmp_path,
        """
        import subprocess, sys
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
        print("child", child.pid, flush=True)
        """,
    )
    run = run_snippet(path, root=tmp_path, timeout=30)
    assert run.returncode == 0
    assert _gone(int(run.stdout_lines[0].split()[1]))


@pytest.mark.parametrize("method", ["fork", "spawn", "forkserver"])
def test_start_method_can_be_forced(tmp_path: Path, method: str) -> None:
    path = program(tmp_path, "import multiprocessing\nprint(multiprocessing.get_start_method())\n")
    assert run_snippet(path, root=tmp_path, start_method=method).stdout_lines == [method]


def test_run_many_keeps_whole_machine_jobs_apart() -> None:
    log: list[str] = []

    def job(name: str) -> str:
        log.append(f"start {name}")
        time.sleep(0.05)
        log.append(f"end {name}")
        return name.upper()

    futures = run_many(["a", "b", "alone1", "alone2"], job, alone=lambda n: n.startswith("alone"))
    results = {name: future.result() for name, future in futures.items()}
    assert results == {"a": "A", "b": "B", "alone1": "ALONE1", "alone2": "ALONE2"}
    # Shared jobs overlap; then each whole-machine job runs with nothing beside it.
    assert log[-4:] == ["start alone1", "end alone1", "start alone2", "end alone2"]


def _gone(pid: int) -> bool:
    for _ in range(50):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        if Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z":  # reaped later by init
            return True
        time.sleep(0.1)
    return False
