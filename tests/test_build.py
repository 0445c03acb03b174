"""The build (execdocs/build.py): what runs, how it is checked, claims retried alone,
and what the plugin is told to show. Most runs here are hand-made (the runner is
replaced); one test runs real snippets whose claim a sleep makes false."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from execdocs import build as build_module
from execdocs.build import (
    CLAIM_RETRIES,
    Build,
    Job,
    Tab,
    checker,
    execute,
    jobs_of,
    run_checked,
)
from execdocs.cache import RunCache
from execdocs.claims import parse as parse_claims
from execdocs.examples import Example, Tolerance
from execdocs.interpreters import InterpreterError
from execdocs.outputs import ClaimFailed, SnippetError
from execdocs.runner import Line, Run


def fake_run(path: str, *lines: str, python: str = "3.14", code: int | None = 0) -> Run:
    return Run(
        path=f"snippets/{path}",
        stdout=tuple(Line(0.1 * i, text) for i, text in enumerate(lines)),
        stderr=(),
        returncode=code,
        duration=0.5,
        timeout=30.0,
        python=python,
        gil_enabled=False if python.endswith("t") else None,
        started="2026-01-01T00:00:00+00:00",
        machine="test machine",
    )


class FakeRunner:
    """Stands in for runner.run_snippet: hands out prepared outputs, records each call."""

    def __init__(self, outputs: dict[str, list[list[str]]]) -> None:
        self.outputs = outputs
        self.calls: list[dict[str, object]] = []
        self.lock = threading.Lock()

    def __call__(self, source: str, **kwargs: object) -> Run:
        path = source.removeprefix("snippets/")
        with self.lock:
            self.calls.append({"path": path, **kwargs})
            queue = self.outputs[path]
            lines = queue.pop(0) if len(queue) > 1 else queue[0]
        return fake_run(path, *lines, python=str(kwargs["python"]))


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "snippets" / "t").mkdir(parents=True)
    (tmp_path / "docs").mkdir()
    return tmp_path


def snippet(root: Path, path: str, *recorded: str, code: str = "print(1)\n") -> None:
    (root / "snippets" / path).write_text(code, encoding="utf-8")
    out = (root / "snippets" / path).with_suffix(".out")
    out.write_text("".join(f"{line}\n" for line in recorded), encoding="utf-8")


def use(monkeypatch: pytest.MonkeyPatch, runner: Callable[..., Run]) -> None:
    monkeypatch.setattr(build_module, "run_snippet", runner)


ANY = Tolerance(numbers=False)
CLAIM = parse_claims("'parallel' < 0.8 * 'sequential'")


def test_job_names() -> None:
    example = Example(path="t/x.py")
    assert str(Job(example)) == "t/x.py"
    assert str(Job(example, "3.14t")) == "t/x.py[3.14t]"
    assert str(Job(example, "3.14", "spawn")) == "t/x.py[spawn]"
    assert str(Job(example, "3.13", "fork")) == "t/x.py[3.13,fork]"
    tabs = Example(path="t/y.py", pythons=("3.14", "3.14t"))
    assert jobs_of([example, tabs]) == [Job(example), Job(tabs), Job(tabs, "3.14t")]


def test_execute_passes_the_settings_to_the_runner(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    snippet(root, "t/x.py", "a")
    runner = FakeRunner({"t/x.py": [["a"]]})
    use(monkeypatch, runner)
    example = Example(path="t/x.py", timeout=7.0, alone=True)
    execute(Job(example, "3.14t", "spawn"), root)
    execute(Job(Example(path="t/x.py")), root)
    execute(Job(Example(path="t/x.py")), root, whole=True)
    execute(Job(example), root, whole=False)
    assert runner.calls == [
        {
            "path": "t/x.py",
            "root": root,
            "timeout": 7.0,
            "start_method": "spawn",
            "python": "3.14t",
            "whole": True,
        },
        {
            "path": "t/x.py",
            "root": root,
            "timeout": 30.0,
            "start_method": None,
            "python": "3.14",
            "whole": False,
        },
        {
            "path": "t/x.py",
            "root": root,
            "timeout": 30.0,
            "start_method": None,
            "python": "3.14",
            "whole": True,
        },
        {
            "path": "t/x.py",
            "root": root,
            "timeout": 7.0,
            "start_method": None,
            "python": "3.14",
            "whole": False,
        },
    ]


def test_on_a_shared_machine_whole_machine_examples_run_beside_the_others(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    snippet(root, "t/x.py", "took 1.00 s")
    runner = FakeRunner({"t/x.py": [["took 9.00 s"]]})
    use(monkeypatch, runner)
    job = Job(Example(path="t/x.py", alone=True))
    assert run_checked([job], root, shared_machine=True)[job].exception() is None
    assert isinstance(run_checked([job], root)[job].exception(), SnippetError)
    assert [call["whole"] for call in runner.calls] == [False, True]


def test_execute_a_missing_snippet_or_interpreter_is_a_snippet_error(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(SnippetError) as missing:
        execute(Job(Example(path="t/nowhere.py")), root)
    assert missing.value.problem == "does not exist"
    assert missing.value.hint == "create snippets/t/nowhere.py, or fix the path in the run fence"
    snippet(root, "t/x.py", "a")

    def no_python(*args: object, **kwargs: object) -> Run:
        raise InterpreterError("python3.14t is not installed")

    use(monkeypatch, no_python)
    with pytest.raises(SnippetError) as lacking:
        execute(Job(Example(path="t/x.py"), "3.14t"), root)
    assert lacking.value.problem == (
        "its page runs it on Python 3.14t, which this machine lacks: python3.14t is not installed"
    )


def test_a_failed_claim_is_retried_alone_and_can_pass(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    snippet(root, "t/x.py", "sequential 2.00", "parallel 1.00")
    slow, fast = ["sequential 2.00", "parallel 1.90"], ["sequential 2.00", "parallel 1.00"]
    runner = FakeRunner({"t/x.py": [slow, slow, fast]})
    use(monkeypatch, runner)
    # tolerance="any": the recording holds the text; the claim checks the numbers.
    example = Example(path="t/x.py", claims=CLAIM, tolerance=ANY)
    results = run_checked([Job(example)], root)
    assert results[Job(example)].result().stdout_lines == fast
    assert [call["whole"] for call in runner.calls] == [False, True, True]


def test_a_run_that_passes_its_claim_on_a_retry_is_cached(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    snippet(root, "t/x.py", "sequential 2.00", "parallel 1.00")
    slow, fast = ["sequential 2.00", "parallel 1.90"], ["sequential 2.00", "parallel 1.00"]
    use(monkeypatch, FakeRunner({"t/x.py": [slow, fast]}))
    example = Example(path="t/x.py", claims=CLAIM, tolerance=ANY)
    cache = RunCache(root)
    assert run_checked([Job(example)], root, cache=cache)[Job(example)].exception() is None
    cached = cache.get(example, "3.14")
    assert cached is not None and cached.stdout_lines == fast


def test_run_many_is_told_which_jobs_need_the_machine_or_a_lane(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[dict[str, object]] = []
    real = build_module.run_many

    def spy(jobs: list[Job], run: Callable[[Job], Run], **kwargs: object) -> object:
        seen.append(kwargs)
        return real(jobs, run, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "run_many", spy)
    use(monkeypatch, FakeRunner({"t/x.py": [["a"]]}))
    snippet(root, "t/x.py", "a")
    plain, whole = Job(Example(path="t/x.py")), Job(Example(path="t/x.py", alone=True))
    run_checked([plain], root)
    run_checked([plain], root, workers=3, shared_machine=True)
    assert [kwargs["workers"] for kwargs in seen] == [8, 3]
    alone, lane = seen[0]["alone"], seen[0]["one_at_a_time"]
    assert callable(alone) and callable(lane)
    assert (alone(plain), alone(whole), lane(plain), lane(whole)) == (False, True, False, False)
    alone, lane = seen[1]["alone"], seen[1]["one_at_a_time"]
    assert callable(alone) and callable(lane)
    assert (alone(plain), alone(whole), lane(plain), lane(whole)) == (False, False, False, True)


def test_on_a_shared_machine_a_cached_whole_machine_example_runs_beside_the_others(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    snippet(root, "t/x.py", "a")
    runner = FakeRunner({"t/x.py": [["a"]]})
    use(monkeypatch, runner)
    job = Job(Example(path="t/x.py", alone=True))
    run_checked([job], root, cache=RunCache(root), shared_machine=True)
    assert [call["whole"] for call in runner.calls] == [False]


def test_build_passes_its_settings_to_the_runs(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[dict[str, object]] = []
    monkeypatch.setattr(
        build_module, "run_checked", lambda jobs, root, **kwargs: seen.append(kwargs) or {}
    )
    cache = RunCache(root)
    Build(root, pytest.fail, cache=cache, workers=3, shared_machine=True).run([])
    Build(root, pytest.fail).run([])
    assert seen == [
        {"cache": cache, "workers": 3, "shared_machine": True},
        {"cache": None, "workers": 8, "shared_machine": False},
    ]


def test_a_claim_that_never_holds_fails_with_every_attempts_figures(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    snippet(root, "t/x.py", "sequential 2.00", "parallel 1.00")
    attempts = [["sequential 2.00", f"parallel 1.9{i + 1}"] for i in range(CLAIM_RETRIES + 1)]
    runner = FakeRunner({"t/x.py": attempts})
    use(monkeypatch, runner)
    example = Example(path="t/x.py", claims=CLAIM, tolerance=ANY)
    error = run_checked([Job(example)], root)[Job(example)].exception()
    assert isinstance(error, ClaimFailed)
    assert [call["whole"] for call in runner.calls] == [False, True, True, True]
    assert error.problem == (
        "the page's claim failed on 4 runs, 3 of them alone on this machine (Python 3.14)"
    )
    for i in range(4):
        where = "beside other snippets" if i == 0 else "alone"
        assert (
            f"attempt {i + 1} ({where}):\n'parallel' < 0.8 * 'sequential' "
            f"with this run's figures: 1.9{i + 1} < 1.6" in error.details
        )
    assert error.hint.startswith("if the machine was busy")
    assert (
        "1.6\n\nthe run printed:\nsequential 2.00\nparallel 1.91\n\nattempt 2 (alone):\n"
        in error.details
    )


def test_no_retries_keeps_the_first_failure(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    snippet(root, "t/x.py", "sequential 2.00", "parallel 1.00")
    use(monkeypatch, FakeRunner({"t/x.py": [["sequential 2.00", "parallel 1.95"]]}))
    example = Example(path="t/x.py", claims=CLAIM, tolerance=ANY)
    error = run_checked([Job(example)], root, retries=0)[Job(example)].exception()
    assert isinstance(error, ClaimFailed)
    assert error.problem.startswith("the page's claim failed on 1 runs, 0 of them alone")


def test_retries_stop_at_another_kind_of_failure(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    snippet(root, "t/x.py", "sequential 2.00", "parallel 1.00")
    runner = FakeRunner({"t/x.py": [["sequential 2.00", "parallel 1.90"], ["something else"]]})
    use(monkeypatch, runner)
    example = Example(path="t/x.py", claims=CLAIM, tolerance=ANY)
    error = run_checked([Job(example)], root)[Job(example)].exception()
    assert type(error) is SnippetError and error.problem == "stdout drifted from its recording"
    assert len(runner.calls) == 2
    assert run_checked([Job(example)], root, retries=0)[Job(example)].exception() is not None


def test_other_failures_are_not_retried(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    snippet(root, "t/x.py", "hello")
    runner = FakeRunner({"t/x.py": [["hallo"], ["hello"]]})
    use(monkeypatch, runner)
    error = run_checked([Job(Example(path="t/x.py"))], root)[
        Job(Example(path="t/x.py"))
    ].exception()
    assert isinstance(error, SnippetError) and len(runner.calls) == 1


def test_cached_runs_are_used_and_new_clean_runs_stored(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    snippet(root, "t/x.py", "hello")
    snippet(root, "t/y.py", "hello")
    runner = FakeRunner({"t/x.py": [["hello"]], "t/y.py": [["nope"]]})
    use(monkeypatch, runner)
    cache = RunCache(root)
    x, y = Example(path="t/x.py"), Example(path="t/y.py")
    first = run_checked([Job(x), Job(y)], root, cache=cache)
    assert first[Job(y)].exception() is not None
    assert cache.get(x, "3.14") is not None and cache.get(y, "3.14") is None
    second = run_checked([Job(x), Job(x)], root, cache=cache)  # a job named twice runs once
    assert list(second) == [Job(x)] and second[Job(x)].result().from_cache
    assert [call["path"] for call in runner.calls] == ["t/x.py", "t/y.py"] or [
        call["path"] for call in runner.calls
    ] == ["t/y.py", "t/x.py"]


def test_two_consumers_of_a_shared_cache_make_each_run_once(
    root: Path, monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The tests' site build and the snippet tests run at the same time: whichever gets
    to a job first runs it, and the other waits for it and checks that run."""
    paths = [f"t/s{i}.py" for i in range(6)]
    for path in paths:
        snippet(root, path, "hello")
    runner = FakeRunner({path: [["hello"]] for path in paths})

    def slow_runner(source: str, **kwargs: object) -> Run:
        time.sleep(0.05)  # long enough for both consumers to want the same job
        return runner(source, **kwargs)

    use(monkeypatch, slow_runner)
    folder = tmp_path_factory.mktemp("runs")
    jobs = [Job(Example(path=path)) for path in paths]
    both = [
        threading.Thread(
            target=run_checked, args=(jobs, root), kwargs={"cache": RunCache(root, folder)}
        )
        for _ in range(2)
    ]
    for thread in both:
        thread.start()
    for thread in both:
        thread.join()
    assert sorted(call["path"] for call in runner.calls) == paths
    # The project's cache is untouched, and a start method's run is never shared.
    assert not (root / ".cache").exists()
    spawn = Job(Example(path="t/s0.py"), "3.14", "spawn")
    assert (
        run_checked([spawn], root, cache=RunCache(root, folder))[spawn].result().from_cache is False
    )
    assert len(runner.calls) == len(paths) + 1


def test_on_a_shared_machine_whole_machine_examples_are_checked_for_text_only(
    root: Path,
) -> None:
    snippet(root, "t/x.py", "took 1.00 s", "fast: 1.00 s")
    claim = parse_claims("'fast' < 0.5")
    whole = Example(path="t/x.py", alone=True, claims=claim)
    slow = fake_run("t/x.py", "took 9.00 s", "fast: 3.00 s")
    with pytest.raises(SnippetError, match="drifted"):
        checker(False)(whole, slow, root)
    checker(True)(whole, slow, root)  # timings and claims are about free cores
    with pytest.raises(SnippetError, match="drifted"):
        checker(True)(whole, fake_run("t/x.py", "took 9.00 s", "slow: 3.00 s"), root)
    with pytest.raises(SnippetError, match="drifted"):  # other examples: fully checked
        checker(True)(Example(path="t/x.py"), slow, root)
    snippet(root, "t/x.py", "took 9.00 s", "fast: 3.00 s")
    with pytest.raises(ClaimFailed):  # their claims too
        checker(True)(Example(path="t/x.py", claims=claim), slow, root)


def test_a_custom_verify_replaces_the_check(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    snippet(root, "t/x.py", "recorded")
    use(monkeypatch, FakeRunner({"t/x.py": [["anything"]]}))
    seen: list[str] = []
    results = run_checked(
        [Job(Example(path="t/x.py"))], root, verify=lambda e, r, _: seen.append(e.path)
    )
    assert results[Job(Example(path="t/x.py"))].result().stdout_lines == ["anything"]
    assert seen == ["t/x.py"]


def test_build_reports_problems_and_shows_tabs(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    snippet(root, "t/x.py", "hello")
    snippet(root, "t/base.py", "base")
    (root / "snippets" / "t" / "stray.py").write_text("print(1)\n")
    (root / "snippets" / "t" / "gone.out").write_text("x\n")
    (root / "snippets" / "t" / "x.3.14t.out").write_text("hello\n")
    (root / "docs" / "t").mkdir()
    (root / "docs" / "t" / "index.md").write_text(
        '```run pythons="3.14 3.14t" baseline="t/base.py"\nt/x.py\n```\n\n'
        '```run baseline="t/none.py"\nt/base.py\n```\n'
    )
    (root / "docs" / "other.md").write_text("```run\nt/bad.py\n```\n")
    snippet(root, "t/bad.py", "good")
    runner = FakeRunner({"t/x.py": [["hello"]], "t/base.py": [["base"]], "t/bad.py": [["bad"]]})
    use(monkeypatch, runner)
    problems: list[str] = []
    site = Build(root, problems.append)
    assert site.run() == 3  # four jobs, one failed
    assert problems[0] == (
        "snippets/t/stray.py: no page embeds it; embed it with a run fence in "
        "docs/t/index.md, or delete it"
    )
    assert problems[1].startswith("snippets/t/gone.out: a recording that nothing compares")
    assert problems[2] == (
        "snippets/t/base.py: names baseline 't/none.py', which no page embeds "
        "(embedded at docs/t/index.md:5)\n"
        "  fix: embed the baseline snippet on a page, or fix its path"
    )
    assert problems[3].startswith("snippets/t/bad.py: stdout drifted")
    assert len(problems) == 4
    shown = site.shown("t/x.py")
    assert [tab.python for tab in shown.tabs] == ["3.14", "3.14t"]
    assert shown.tabs[1].label == "Python 3.14t (free-threaded)"
    assert shown.tabs[0].label == "Python 3.14"
    assert shown.baseline is not None and shown.baseline.stdout_lines == ["base"]
    assert site.shown("t/base.py").baseline is None
    bad = site.shown("t/bad.py").tabs[0]
    assert bad.run is None and bad.error is not None and "stdout drifted" in bad.error
    assert bad.python == "3.14"
    with pytest.raises(KeyError):
        site.shown("t/unknown.py")
    assert [run.path for run in site.page_runs("docs/t/index.md")] == [
        "snippets/t/x.py",
        "snippets/t/x.py",
        "snippets/t/base.py",
    ]
    assert site.page_runs("docs/other.md") == []
    # Anchors are page-scoped: a link from another page must name the right page.
    assert site.anchors("docs/t/index.md") == {"example-t-x", "example-t-base"}
    assert site.anchors("docs/other.md") == {"example-t-bad"}
    assert site.cached() == 0


def test_build_counts_cached_runs(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    snippet(root, "t/x.py", "hello")
    (root / "docs" / "index.md").write_text("```run\nt/x.py\n```\n")
    use(monkeypatch, FakeRunner({"t/x.py": [["hello"]]}))
    cache = RunCache(root)
    first = Build(root, pytest.fail, cache=cache)
    assert (first.run(), first.cached()) == (1, 0)
    second = Build(root, pytest.fail, cache=cache)
    assert (second.run(), second.cached()) == (0, 1)
    assert second.shown("t/x.py").tabs[0].run.from_cache  # type: ignore[union-attr]


def test_tab_label() -> None:
    assert Tab("3.13", None, "x").label == "Python 3.13"


def test_real_snippets_whose_speed_up_a_sleep_forbids_fail_after_retries(root: Path) -> None:
    """End to end through the real runner: "parallel" sleeps longer than "sequential", so
    the claim that it is faster can never hold, alone or not."""
    code = (
        "import time\n\n\n"
        "def timed(seconds):\n"
        "    start = time.perf_counter()\n"
        "    time.sleep(seconds)\n"
        "    return time.perf_counter() - start\n\n\n"
        'if __name__ == "__main__":\n'
        '    print(f"sequential: {timed(0.05):.2f} s")\n'
        '    print(f"parallel: {timed(0.3):.2f} s")\n'
    )
    snippet(root, "t/x.py", "sequential: 0.05 s", "parallel: 0.30 s", code=code)
    example = Example(path="t/x.py", claims=CLAIM, tolerance=ANY)
    error = run_checked([Job(example)], root, retries=2)[Job(example)].exception()
    assert isinstance(error, ClaimFailed), error
    assert "failed on 3 runs, 2 of them alone" in error.problem
    for attempt in ("attempt 1 (beside other snippets)", "attempt 2 (alone)", "attempt 3 (alone)"):
        assert attempt in error.details
    assert error.details.count("with this run's figures: 0.3") == 3
