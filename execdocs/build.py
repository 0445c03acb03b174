"""What runs, and how it is checked: the one place that decides, for the site build,
the tests and every command.

An example becomes one :class:`Job` per interpreter its page shows (and, in the tests,
per start method). :func:`run_checked` runs jobs side by side (whole-machine ones after,
alone), checks each run against its recordings and the page's claims, and runs a job
whose claim failed again, alone, a few times before it gives up. :class:`Build` is a
whole site's worth of that, which the MkDocs plugin asks what to show.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from pathlib import Path

from execdocs import interpreters
from execdocs.cache import RunCache
from execdocs.examples import Example, Tolerance, discover, orphans
from execdocs.interpreters import BUILD_PYTHON, InterpreterError
from execdocs.outputs import ClaimFailed, SnippetError, check, stray_recordings
from execdocs.runner import Run, run_many, run_snippet

#: Extra runs, alone, for a job whose claim failed beside other snippets.
CLAIM_RETRIES = 3

#: Set to 1 where other work shares the cores on purpose (the test suite runs two
#: workers on two cores): whole-machine examples then run beside the others, and their
#: timings and claims, which are about free cores, are not checked; `nox -s docs` and
#: `nox -s matrix`, with nothing beside them, check them.
SHARED_MACHINE = "EXECDOCS_SHARED_MACHINE"


def checker(shared_machine: bool) -> Callable[[Example, Run, Path], None]:
    """How runs are checked: everything, or, on a shared machine, only the text of
    whole-machine examples: their timings and claims are about free cores."""
    if not shared_machine:
        return check

    def check_text_of_whole(example: Example, run: Run, root: Path) -> None:
        if example.alone:
            example = replace(example, tolerance=Tolerance(numbers=False))
        check(example, run, root, claims=not example.alone)

    return check_text_of_whole


@dataclass(frozen=True)
class Job:
    """One run of an example: on an interpreter, under a start method (tests only)."""

    example: Example
    python: str = BUILD_PYTHON
    start_method: str | None = None

    def __str__(self) -> str:
        flags = [tag for tag in (self.python, self.start_method) if tag and tag != BUILD_PYTHON]
        return self.example.path + (f"[{','.join(flags)}]" if flags else "")


def execute(job: Job, root: Path, *, whole: bool | None = None) -> Run:
    """Run the job's snippet through the runner, with the machine to itself if ``whole``
    (by default: if its example needs the whole machine); SnippetError when it cannot
    start."""
    example = job.example
    if not (root / example.source).is_file():
        raise SnippetError(
            example,
            "does not exist",
            hint=f"create {example.source}, or fix the path in the run fence",
        )
    try:
        return run_snippet(
            example.source,
            root=root,
            timeout=example.timeout,
            start_method=job.start_method,
            python=job.python,
            whole=example.alone if whole is None else whole,
        )
    except InterpreterError as error:
        raise SnippetError(
            example,
            f"its page runs it on Python {job.python}, which this machine lacks: {error}",
        ) from None


def run_checked(
    jobs: Iterable[Job],
    root: Path,
    *,
    cache: RunCache | None = None,
    workers: int = 8,
    retries: int = CLAIM_RETRIES,
    shared_machine: bool = False,
    verify: Callable[[Example, Run, Path], None] | None = None,
) -> dict[Job, Future[Run]]:
    """Run and check every job; each future holds the checked run or its SnippetError.

    On a ``shared_machine`` (see ``SHARED_MACHINE``) whole-machine examples run beside
    the others (one at a time, as they are heavy), and only their text is checked: what
    they measure needs free cores, which the machine cannot give them. ``verify``
    raises for a bad run: by default :func:`checker`'s; the update command checks
    everything but the recordings it is about to rewrite.
    """
    jobs = list(dict.fromkeys(jobs))
    check_run = verify or checker(shared_machine)

    def whole(job: Job) -> bool:
        return job.example.alone and not shared_machine

    def heavy(job: Job) -> bool:  # whole-machine examples on a shared machine
        return job.example.alone and shared_machine

    def attempt(job: Job) -> Run:
        # The cache holds runs under each interpreter's own start method only.
        if cache is None or job.start_method is not None:
            run = execute(job, root, whole=whole(job))
            check_run(job.example, run, root)
            return run
        with cache.claim(job.example, job.python):
            run = cache.get(job.example, job.python) or execute(job, root, whole=whole(job))
            check_run(job.example, run, root)
            if not run.from_cache:
                cache.put(job.example, run)  # only checked runs are kept
            return run

    results = run_many(jobs, attempt, alone=whole, one_at_a_time=heavy, workers=workers)
    for job, future in results.items():
        if isinstance(future.exception(), ClaimFailed):
            results[job] = future = _retry_alone(job, root, future, retries, check_run)
            if cache and job.start_method is None and future.exception() is None:
                cache.put(job.example, future.result())
    return results


def _retry_alone(
    job: Job,
    root: Path,
    first: Future[Run],
    retries: int,
    verify: Callable[[Example, Run, Path], None],
) -> Future[Run]:
    """A claim about speed can fail because other snippets ran beside it: run it again
    with the machine to itself; fail with every attempt's figures if it never holds."""
    failures = [first.exception()]
    retried: Future[Run] = Future()
    for _ in range(retries):
        try:
            run = execute(job, root, whole=True)
            verify(job.example, run, root)
        except ClaimFailed as error:
            failures.append(error)
            continue
        except SnippetError as error:
            retried.set_exception(error)
            return retried
        retried.set_result(run)
        return retried
    last = failures[-1]
    assert isinstance(last, ClaimFailed)
    details = "\n\n".join(
        f"attempt {i} ({'beside other snippets' if i == 1 else 'alone'}):\n{error.details}"
        for i, error in enumerate(failures, 1)
        if isinstance(error, ClaimFailed)
    )
    retried.set_exception(
        ClaimFailed(
            job.example,
            f"the page's claim failed on {len(failures)} runs, {len(failures) - 1} of them "
            f"alone on this machine (Python {job.python})",
            details,
            last.hint,
        )
    )
    return retried


def jobs_of(examples: Iterable[Example]) -> list[Job]:
    """The runs the pages show: each example on each of its interpreters."""
    return [Job(example, python) for example in examples for python in example.pythons]


@dataclass(frozen=True)
class Tab:
    """One interpreter's run of an example, as its page shows it."""

    python: str
    run: Run | None  # None: it failed, and ``error`` says how
    error: str | None = None

    @property
    def label(self) -> str:
        if interpreters.free_threaded(self.python):
            return f"Python {self.python} (free-threaded)"
        return f"Python {self.python}"


@dataclass(frozen=True)
class Shown:
    """Everything the page shows of one example."""

    example: Example
    tabs: tuple[Tab, ...]
    baseline: Run | None = None


@dataclass
class Build:
    """One site build: the examples, their checked runs, and the problems found.

    ``report`` receives each problem once, as text that names the file and the fix; the
    MkDocs plugin logs it as an error, which fails a strict build.
    """

    root: Path
    report: Callable[[str], None]
    cache: RunCache | None = None
    workers: int = 8
    shared_machine: bool = False
    examples: dict[str, Example] = field(default_factory=dict)
    results: dict[Job, Future[Run]] = field(default_factory=dict)

    def run(self, examples: Sequence[Example] | None = None) -> int:
        """Discover (unless given), run and check everything; return how many ran."""
        if examples is None:
            examples = discover(self.root)
        self.examples = {example.path: example for example in examples}
        for problem in orphans(self.root, list(examples)) + stray_recordings(self.root, examples):
            self.report(problem)
        for example in examples:
            if example.baseline is not None and example.baseline not in self.examples:
                self.report(
                    SnippetError(
                        example,
                        f"names baseline {example.baseline!r}, which no page embeds",
                        hint="embed the baseline snippet on a page, or fix its path",
                    ).message
                )
        self.results = run_checked(
            jobs_of(examples),
            self.root,
            cache=self.cache,
            workers=self.workers,
            shared_machine=self.shared_machine,
        )
        for future in self.results.values():
            if future.exception() is not None:
                self.report(str(future.exception()))
        return sum(
            1
            for future in self.results.values()
            if future.exception() is None and not future.result().from_cache
        )

    def shown(self, path: str) -> Shown:
        """What the page shows for the example at ``path``; KeyError if none embeds it."""
        example = self.examples[path]
        tabs = tuple(self._tab(Job(example, python)) for python in example.pythons)
        baseline = self.examples.get(example.baseline or "")
        return Shown(example, tabs, baseline and self._tab(Job(baseline)).run)

    def _tab(self, job: Job) -> Tab:
        future = self.results[job]
        error = future.exception()
        if error is not None:
            return Tab(job.python, None, str(error))
        return Tab(job.python, future.result())

    def page_runs(self, page: str) -> list[Run]:
        """The successful runs shown on a page (``docs/…``), for its stamp."""
        return [
            tab.run
            for example in self.examples.values()
            if example.page == page
            for tab in self.shown(example.path).tabs
            if tab.run is not None
        ]

    def anchors(self, page: str) -> set[str]:
        return {example.anchor for example in self.examples.values() if example.page == page}

    def cached(self) -> int:
        return sum(
            1
            for future in self.results.values()
            if future.exception() is None and future.result().from_cache
        )


__all__ = ["Build", "Job", "Shown", "Tab", "execute", "jobs_of", "run_checked"]
