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
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TypeVar

from execdocs import interpreters

#: Bump when a change here can change what a snippet prints (part of the cache key).
RUNNER_VERSION = "3"

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

# A `sitecustomize` module the runner puts on the snippet's PYTHONPATH when it must set
# the start method (the tests' fork/spawn/forkserver matrix) or, on a free-threaded
# build, learn at exit whether the GIL was on (an extension module can switch it back
# on, and a run with the GIL must not pass as a free-threaded one). The snippet itself
# still runs as `python snippets/x.py`: a wrapper around it (runpy) changes tracebacks,
# and on 3.14t it measurably stopped two threads from running in parallel. The hook
# removes its variables, so neither the program nor its children see them. It also
# gives back Ctrl-C when the runner's own process ignores it (see run_snippet).
_STARTUP_HOOK = """\
import atexit, os, sys

_report = os.environ.pop("EXECDOCS_GIL_REPORT", "")
_method = os.environ.pop("EXECDOCS_START_METHOD", "")
if os.environ.get("PYTHONPATH") == os.path.dirname(__file__):
    del os.environ["PYTHONPATH"]
if _method:
    import multiprocessing

    multiprocessing.set_start_method(_method)
if _report:

    def _gil_at_exit(pid=os.getpid()):
        if os.getpid() == pid:
            with open(_report, "w") as report:
                report.write(str(sys._is_gil_enabled()))

    atexit.register(_gil_at_exit)
if os.environ.pop("EXECDOCS_RESTORE_SIGINT", ""):
    import signal

    signal.signal(signal.SIGINT, signal.default_int_handler)
"""

#: Held shared by every snippet run and exclusively by a whole-machine one, across the
#: processes that run this checkout's snippets: a build and a test run side by side
#: never time each other's CPU.
MACHINE_LOCK = Path(".cache") / "execdocs" / "machine.lock"


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
    python: str = interpreters.BUILD_PYTHON  # interpreter tag, e.g. "3.14t"
    gil_enabled: bool | None = None  # free-threaded runs only: the GIL's state at exit

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


def machine_stamp(python: str) -> str:
    """Interpreter, OS and CPU count, as shown under every executed page."""
    return (
        f"{interpreters.describe(python)} "
        f"on {platform.system()} {platform.machine()} with {os.cpu_count()} CPUs"
    )


@contextlib.contextmanager
def machine(root: str | Path, *, whole: bool) -> Iterator[None]:
    """Share the machine with other snippet runs, or (``whole``) wait to have it alone."""
    try:
        import fcntl
    except ImportError:  # Windows: no cross-process lock; runs still go in two phases
        yield
        return
    lock = Path(root) / MACHINE_LOCK
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX if whole else fcntl.LOCK_SH)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


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
    python: str | None = None,
    whole: bool = False,
) -> Run:
    """Run ``python <path>`` from ``root`` and return its time-stamped output.

    ``python`` is an interpreter tag (default: the one running this code). The program
    runs in a new session so that a timeout kills it together with any processes it
    started; ``whole`` waits until no other snippet runs on this machine.
    """
    python = python or interpreters.current()
    exe = interpreters.executable(python)
    rel = Path(path).as_posix()
    env = snippet_env()
    with contextlib.ExitStack() as stack:
        report = ""
        # Started with Ctrl-C ignored (a build run in the background by a shell without
        # job control, or under nohup), the program would inherit that, and Python then
        # installs no KeyboardInterrupt handler: the hook gives it a terminal's default.
        sigint_ignored = signal.getsignal(signal.SIGINT) is signal.SIG_IGN
        if start_method or interpreters.free_threaded(python) or sigint_ignored:
            hook = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            (hook / "sitecustomize.py").write_text(_STARTUP_HOOK, encoding="utf-8")
            env["PYTHONPATH"] = str(hook)
            if start_method:
                env["EXECDOCS_START_METHOD"] = start_method
            if interpreters.free_threaded(python):
                report = str(hook / "gil")
                env["EXECDOCS_GIL_REPORT"] = report
            if sigint_ignored:
                env["EXECDOCS_RESTORE_SIGINT"] = "1"
        stack.enter_context(machine(root, whole=whole))
        run = _execute([exe, rel], root, timeout, env)
        gil = Path(report).read_text() if report and Path(report).is_file() else None
    return Run(
        path=rel,
        stdout=run[0],
        stderr=run[1],
        returncode=run[2],
        duration=run[3],
        timeout=timeout,
        start_method=start_method,
        started=run[4],
        machine=machine_stamp(python),
        python=python,
        gil_enabled=None if gil is None else gil == "True",
    )


def _execute(
    argv: list[str], root: str | Path, timeout: float, env: dict[str, str]
) -> tuple[tuple[Line, ...], tuple[Line, ...], int | None, float, str]:
    out: list[Line] = []
    err: list[Line] = []
    started = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        argv,
        cwd=root,
        env=env,
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
    return tuple(out), tuple(err), returncode, duration, started


T = TypeVar("T")
R = TypeVar("R")


def run_many(
    jobs: Iterable[T],
    run: Callable[[T], R],
    *,
    alone: Callable[[T], bool] = lambda job: False,
    one_at_a_time: Callable[[T], bool] = lambda job: False,
    workers: int = 8,
) -> dict[T, Future[R]]:
    """Run jobs concurrently, then the ones that need the whole machine one at a time.

    Most snippets sleep or wait, so running them side by side costs little; the ones
    that measure CPU speed would measure each other instead, so they go last, alone.
    Jobs ``one_at_a_time`` run in a lane of their own beside the others, one after
    another: CPU-heavy runs whose timings nobody reads, which would only slow each
    other down. Each job's future holds its result, or the exception it raised.
    """
    jobs = list(dict.fromkeys(jobs))
    with (
        ThreadPoolExecutor(max_workers=max(1, workers)) as pool,
        ThreadPoolExecutor(max_workers=1) as lane,
    ):
        results = {
            job: (lane if one_at_a_time(job) else pool).submit(run, job)
            for job in jobs
            if not alone(job)
        }
    for job in jobs:
        if alone(job):
            results[job] = done = Future()
            try:
                done.set_result(run(job))
            except Exception as error:  # kept in the future, raised by .result()
                done.set_exception(error)
    return {job: results[job] for job in jobs}
