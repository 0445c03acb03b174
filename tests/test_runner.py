"""The runner: a controlled environment, separate time-stamped streams, hard timeouts."""

from __future__ import annotations

import contextlib
import io
import os
import re
import signal
import subprocess
import textwrap
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import pytest

from execdocs import runner
from execdocs.runner import Line, run_many, run_snippet


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
    run = run_snippet(path, root=tmp_path, start_method=method)
    assert run.stdout_lines == [method] and run.start_method == method


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


# --- added for issue 14 (audit: runner behaviour with no test, weak run_many/timeout tests) ---


def test_invalid_utf8_carriage_returns_and_a_last_line_without_newline(tmp_path: Path) -> None:
    path = program(
        tmp_path,
        r"""
        import sys
        sys.stdout.buffer.write(b"bad \xff byte\r\nwindows\r\n")
        sys.stdout.buffer.write(b"no newline at the end")
        sys.stderr.buffer.write(b"err line\n")
        """,
    )
    run = run_snippet(path, root=tmp_path)
    assert run.stdout_lines == ["bad \ufffd byte", "windows", "no newline at the end"]
    assert [line.stream for line in run.stdout] == ["stdout"] * 3
    assert [(line.text, line.stream) for line in run.stderr] == [("err line", "stderr")]
    assert run.returncode == 0 and not run.timed_out


def test_the_fences_timeout_is_the_one_honoured(tmp_path: Path) -> None:
    path = program(tmp_path, "import time\nprint('up', flush=True)\ntime.sleep(60)\n")
    run = run_snippet(path, root=tmp_path, timeout=1)
    assert run.timed_out and run.timeout == 1 and run.stdout_lines == ["up"]
    assert run.duration >= 1  # measured, not copied from the request
    # Generous on purpose (the machine may be busy): below half the default 30 s, which
    # a runner that ignored the fence's 1 s would have waited for.
    assert run.duration < 15


def test_exit_code_is_kept(tmp_path: Path) -> None:
    path = program(tmp_path, "raise SystemExit(7)\n")
    run = run_snippet(path, root=tmp_path)
    assert run.returncode == 7
    # When it started, to the second, in UTC (the page's stamp shows the date).
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", run.started), run.started


def test_a_line_keeps_its_text_and_the_time_it_was_read(monkeypatch: pytest.MonkeyPatch) -> None:
    # A fixed clock: 0.123456 s after the start, kept to a tenth of a millisecond.
    monkeypatch.setattr(runner, "time", SimpleNamespace(perf_counter=lambda: 1000.123456))
    sink: list[Line] = []
    stream = io.BytesIO(b"maX\r\ntrailing spaces  \n\tindented\n")
    runner._pump(stream, sink, "stderr", 1000.0)
    assert sink == [
        Line(0.1235, "maX", "stderr"),
        Line(0.1235, "trailing spaces  ", "stderr"),
        Line(0.1235, "\tindented", "stderr"),
    ]
    assert stream.closed


def test_the_program_reads_no_input_and_cannot_keep_the_build_alive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[dict[str, object]] = []
    pumps: list[bool] = []
    waits: list[float | None] = []
    real_popen = subprocess.Popen

    def popen(argv: list[str], **kwargs: object) -> subprocess.Popen[bytes]:
        started.append(kwargs)
        return real_popen(argv, **kwargs)  # type: ignore[call-overload,no-any-return]

    class Pump(threading.Thread):
        def start(self) -> None:
            pumps.append(self.daemon)
            super().start()

        def join(self, timeout: float | None = None) -> None:
            waits.append(timeout)
            super().join(timeout)

    monkeypatch.setattr(runner.subprocess, "Popen", popen)
    monkeypatch.setattr(runner, "threading", SimpleNamespace(Thread=Pump))
    run_snippet(program(tmp_path, "print(1)\n"), root=tmp_path)
    assert started[0]["stdin"] == subprocess.DEVNULL and started[0]["start_new_session"]
    # A pump still reading from a process that left the session is waited for a while,
    # then left behind: it must not block the build's exit.
    assert pumps == [True, True] and waits == [5, 5]


def test_a_run_on_a_gil_build_reads_no_gil_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Whatever lies in the working folder (here, mutation testing's placeholder name).
    monkeypatch.chdir(tmp_path)
    (tmp_path / "XXXX").write_text("True")
    assert run_snippet(program(tmp_path, "print(1)\n"), root=tmp_path).gil_enabled is None


def test_killing_a_group_that_is_gone_or_not_ours_is_not_an_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for error in (ProcessLookupError, PermissionError):

        def killpg(pid: int, sig: int, error: type[OSError] = error) -> None:
            raise error

        monkeypatch.setattr(runner.os, "killpg", killpg)
        runner._kill_group(SimpleNamespace(pid=12345))  # type: ignore[arg-type]


def test_a_snippet_shares_the_machine_unless_it_needs_it_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[bool] = []

    @contextlib.contextmanager
    def machine(root: Path, *, whole: bool) -> Iterator[None]:
        asked.append(whole)
        yield

    monkeypatch.setattr(runner, "machine", machine)
    path = program(tmp_path, "print(1)\n")
    run_snippet(path, root=tmp_path)
    run_snippet(path, root=tmp_path, whole=True)
    assert asked == [False, True]


def test_run_many_pools_the_shared_jobs_and_gives_heavy_ones_one_lane(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sizes: list[int | None] = []

    class Pool(ThreadPoolExecutor):
        def __init__(self, max_workers: int | None = None) -> None:
            sizes.append(max_workers)
            super().__init__(max_workers=max_workers)

    monkeypatch.setattr(runner, "ThreadPoolExecutor", Pool)
    run_many(["a"], str.upper)
    run_many(["a"], str.upper, workers=3)
    run_many(["a"], str.upper, workers=1)
    run_many(["a"], str.upper, workers=0)  # at least one
    assert sizes == [8, 1, 3, 1, 1, 1, 1, 1]


def test_run_many_runs_shared_jobs_concurrently_and_each_once() -> None:
    """Two shared jobs meet at a barrier: run one after the other, neither would arrive."""
    barrier = threading.Barrier(2, timeout=20)
    calls: list[str] = []

    def job(name: str) -> str:
        calls.append(name)
        barrier.wait()
        return name

    futures = run_many(["a", "b", "a"], job, workers=2)
    assert {name: f.result() for name, f in futures.items()} == {"a": "a", "b": "b"}
    assert sorted(calls) == ["a", "b"] and list(futures) == ["a", "b"]


def test_run_many_whole_machine_jobs_run_alone_after_the_rest() -> None:
    active = 0
    most_beside: dict[str, int] = {}
    lock = threading.Lock()
    barrier = threading.Barrier(3, timeout=20)

    def job(name: str) -> str:
        nonlocal active
        with lock:
            active += 1
            most_beside[name] = active
        if not name.startswith("alone"):
            barrier.wait()  # all three shared jobs at once
        with lock:
            active -= 1
        if name == "alone-bad":
            raise ValueError("kept in its future")
        return name

    names = ["alone-1", "s1", "alone-bad", "s2", "s3"]
    futures = run_many(names, job, alone=lambda n: n.startswith("alone"), workers=8)
    assert list(futures) == names  # in the order given
    assert most_beside["alone-1"] == 1 and most_beside["alone-bad"] == 1
    assert futures["alone-1"].result() == "alone-1"
    with pytest.raises(ValueError, match="kept in its future"):
        futures["alone-bad"].result()
    assert run_many(["x"], str.upper, workers=0)["x"].result() == "X"


def test_run_many_runs_heavy_jobs_one_at_a_time_beside_the_rest() -> None:
    """Each heavy job overlaps the shared ones (they wait at a barrier for one), and no
    two heavy jobs ever run at once."""
    heavy_now = 0
    most_heavy = 0
    lock = threading.Lock()
    barrier = threading.Barrier(3, timeout=20)

    def job(name: str) -> str:
        nonlocal heavy_now, most_heavy
        if name.startswith("heavy"):
            with lock:
                heavy_now += 1
                most_heavy = max(most_heavy, heavy_now)
            time.sleep(0.05)
            if name == "heavy-1":
                barrier.wait()  # with both shared jobs: it runs beside them
            with lock:
                heavy_now -= 1
        else:
            barrier.wait()
        return name

    names = ["heavy-1", "s1", "heavy-2", "s2", "heavy-3"]
    futures = run_many(names, job, one_at_a_time=lambda n: n.startswith("heavy"), workers=8)
    assert [futures[name].result() for name in names] == names
    assert most_heavy == 1


def test_a_whole_machine_run_excludes_shared_ones(tmp_path: Path) -> None:
    import fcntl

    from execdocs.runner import MACHINE_LOCK, machine

    def try_lock(kind: int) -> bool:
        with open(tmp_path / MACHINE_LOCK, "a") as handle:
            try:
                fcntl.flock(handle, kind | fcntl.LOCK_NB)
            except BlockingIOError:
                return False
            fcntl.flock(handle, fcntl.LOCK_UN)
            return True

    with machine(tmp_path, whole=False):
        assert try_lock(fcntl.LOCK_SH) and not try_lock(fcntl.LOCK_EX)
    with machine(tmp_path, whole=True):
        assert not try_lock(fcntl.LOCK_SH)
    assert try_lock(fcntl.LOCK_EX)


def test_snippet_env_keeps_only_the_listed_variables() -> None:
    from execdocs.runner import FIXED_ENV, snippet_env

    env = snippet_env({"PATH": "/bin", "HOME": "/h", "SECRET": "x", "COLUMNS": "7"})
    assert env == {"PATH": "/bin", "HOME": "/h", **FIXED_ENV}
    assert env["COLUMNS"] == "80" and env["PYTHONHASHSEED"] == "0"


def test_free_threaded_run_reports_the_gil_off(tmp_path: Path) -> None:
    path = program(tmp_path, "import sys\nprint(sys._is_gil_enabled())\n")
    run = run_snippet(path, root=tmp_path, python="3.14t", start_method="spawn")
    assert run.stdout_lines == ["False"] and run.gil_enabled is False
    assert run.python == "3.14t" and "free-threading build" in run.machine
    plain = run_snippet(path, root=tmp_path, python="3.14")
    assert plain.gil_enabled is None and plain.stdout_lines == ["True"]
    assert plain.start_method is None and plain.path == "prog.py"
    gone = program(tmp_path, "import os\nos._exit(0)\n")  # no atexit: no report
    assert run_snippet(gone, root=tmp_path, python="3.14t").gil_enabled is None


def test_a_free_threaded_run_that_ends_with_the_gil_on_is_marked(tmp_path: Path) -> None:
    # No extension at hand switches the GIL back on, so the program writes the report
    # the runner's startup hook would write at exit.
    path = program(
        tmp_path,
        """
        import atexit, sitecustomize
        atexit.unregister(sitecustomize._gil_at_exit)
        with open(sitecustomize._report, "w") as report:
            report.write("True")
        """,
    )
    assert run_snippet(path, root=tmp_path, python="3.14t").gil_enabled is True


def test_merged_orders_both_streams_by_arrival() -> None:
    from execdocs.runner import Line, Run

    run = Run(
        "x.py",
        (Line(0.3, "c"), Line(0.1, "a")),
        (Line(0.2, "b", "stderr"), Line(0.4, "d", "stderr")),
        0,
        0.5,
        30.0,
    )
    assert [(line.text, line.stream) for line in run.merged()] == [
        ("a", "stdout"),
        ("b", "stderr"),
        ("c", "stdout"),
        ("d", "stderr"),
    ]
    assert run.stdout_lines == ["c", "a"] and run.stderr_lines == ["b", "d"]


@pytest.mark.parametrize("ignored", [True, False])
def test_a_program_gets_ctrl_c_even_when_the_runner_ignores_it(
    tmp_path: Path, ignored: bool
) -> None:
    """Found in a backgrounded CI run: a shell without job control starts background
    commands with SIGINT ignored; every snippet inherited that, Python installed no
    KeyboardInterrupt handler, and a snippet that presses Ctrl-C itself ran on."""
    source = (
        "import os, signal, time\n"
        "try:\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    time.sleep(5)\n"
        "    print('ran on', flush=True)\n"
        "except KeyboardInterrupt:\n"
        "    print('interrupted', flush=True)\n"
        "print(os.environ.get('PYTHONPATH'), os.environ.get('EXECDOCS_RESTORE_SIGINT'))\n"
    )
    before = signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGINT, signal.SIG_IGN if ignored else signal.default_int_handler)
    try:
        run = run_snippet(program(tmp_path, source), root=tmp_path)
    finally:
        signal.signal(signal.SIGINT, before)
    assert [line.text for line in run.stdout] == ["interrupted", "None None"]
