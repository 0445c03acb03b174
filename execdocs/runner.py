"""Run one snippet as a real ``__main__`` program and capture what it printed, and when.

This module is the only way code from the guide is executed: the MkDocs build, the
tests and the update command all call :func:`run_snippet` (or :func:`run_many`).
It needs nothing but the standard library.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import platform
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TypeVar

#: Bump when a change here can change what a snippet prints (part of the cache key).
RUNNER_VERSION = "1"

#: Seconds a snippet may run unless its fence asks for more.
DEFAULT_TIMEOUT = 30.0

#: Environment variables a snippet inherits; everything else is dropped.
_INHERITED = ("PATH", "HOME", "TMPDIR", "USER", "LOGNAME", "SYSTEMROOT")

#: Fixed so that output does not depend on who runs the build. PYTHONUNBUFFERED is
#: absent on purpose: unbuffered print() writes text and newline separately, which
#: tears lines written by several processes.
FIXED_ENV = {
    "PYTHONHASHSEED": "0",
    "PYTHONIOENCODING": "utf-8",
    "PYTHONDONTWRITEBYTECODE": "1",
    "COLUMNS": "80",
    "LINES": "24",
    "LC_ALL": "C.UTF-8",
    "TERM": "dumb",
    "NO_COLOR": "1",
}

# Sets the start method before running the snippet as __main__ (used by the tests'
# fork/spawn/forkserver matrix; readers never need it).
_WITH_START_METHOD = (
    "import multiprocessing, runpy, sys\n"
    "multiprocessing.set_start_method(sys.argv[1])\n"
    "sys.argv = sys.argv[2:]\n"
    "runpy.run_path(sys.argv[0], run_name='__main__')\n"
)


@dataclass(frozen=True)
class Line:
    """One line of output and when it arrived, in seconds since the program started."""

    t: float
    text: str
    stream: str = "stdout"


@dataclass(frozen=True)
class Run:
    """Everything one execution of a snippet produced."""

    path: str  # as given to the interpreter, relative to the repo root
    stdout: tuple[Line, ...]
    stderr: tuple[Line, ...]
    returncode: int | None  # None: killed at the timeout
    duration: float
    timeout: float
    start_method: str | None = None
    started: str = field(default="")  # ISO 8601, UTC
    machine: str = field(default="")
    from_cache: bool = False

    @property
    def timed_out(self) -> bool:
        return self.returncode is None

    @property
    def stdout_lines(self) -> list[str]:
        return [line.text for line in self.stdout]

    @property
    def stderr_lines(self) -> list[str]:
        return [line.text for line in self.stderr]

    def merged(self) -> list[Line]:
        """Both streams in the order their lines arrived."""
        return sorted(self.stdout + self.stderr, key=lambda line: line.t)


def machine_stamp() -> str:
    """Interpreter, OS and CPU count, as shown under every executed page."""
    return (
        f"{platform.python_implementation()} {platform.python_version()} "
        f"on {platform.system()} {platform.machine()} with {os.cpu_count()} CPUs"
    )


def snippet_env(parent: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment a snippet runs in: a few inherited variables plus fixed ones."""
    parent = os.environ if parent is None else parent
    env = {key: parent[key] for key in _INHERITED if key in parent}
    env.update(FIXED_ENV)
    return env


def _pump(stream: IO[bytes], sink: list[Line], name: str, t0: float) -> None:
    for raw in iter(stream.readline, b""):
        text = raw.decode("utf-8", errors="replace").rstrip("\r\n")
        sink.append(Line(round(time.perf_counter() - t0, 4), text, name))
    stream.close()


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)


def run_snippet(
    path: str | Path,
    *,
    root: str | Path,
    timeout: float = DEFAULT_TIMEOUT,
    start_method: str | None = None,
) -> Run:
    """Run ``python <path>`` from ``root`` and return its time-stamped output.

    The program runs in a new session so that a timeout kills it together with any
    processes it started.
    """
    rel = Path(path).as_posix()
    if start_method is None:
        argv = [sys.executable, rel]
    else:
        argv = [sys.executable, "-c", _WITH_START_METHOD, start_method, rel]
    out: list[Line] = []
    err: list[Line] = []
    started = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        argv,
        cwd=root,
        env=snippet_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    assert proc.stdout is not None and proc.stderr is not None
    pumps = [
        threading.Thread(target=_pump, args=(proc.stdout, out, "stdout", t0), daemon=True),
        threading.Thread(target=_pump, args=(proc.stderr, err, "stderr", t0), daemon=True),
    ]
    for pump in pumps:
        pump.start()
    returncode: int | None
    try:
        returncode = proc.wait(timeout)
    except subprocess.TimeoutExpired:
        returncode = None
        _kill_group(proc)
        proc.wait()
    duration = time.perf_counter() - t0
    # Whatever the program left running in its session would hold the pipes open.
    _kill_group(proc)
    for pump in pumps:
        pump.join(timeout=5)  # only a process that left the session can keep a pump alive
    return Run(
        path=rel,
        stdout=tuple(out),
        stderr=tuple(err),
        returncode=returncode,
        duration=duration,
        timeout=timeout,
        start_method=start_method,
        started=started,
        machine=machine_stamp(),
    )


T = TypeVar("T")
R = TypeVar("R")


def run_many(
    jobs: Iterable[T],
    run: Callable[[T], R],
    *,
    alone: Callable[[T], bool] = lambda job: False,
    workers: int = 8,
) -> dict[T, R]:
    """Run jobs concurrently, then the ones that need the whole machine one at a time.

    Most snippets sleep or wait, so running them side by side costs little; the ones
    that measure CPU speed would measure each other instead, so they go last, alone.
    """
    jobs = list(dict.fromkeys(jobs))
    shared = [job for job in jobs if not alone(job)]
    results: dict[T, R] = {}
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        results.update(zip(shared, pool.map(run, shared), strict=True))
    for job in jobs:
        if alone(job):
            results[job] = run(job)
    return results
