"""Every embedded snippet runs cleanly and prints its recording.

Nothing here names an example: adding a snippet and its run fence adds its tests.
The runs happen once, side by side, before the first check (see ``runs``).
"""

from __future__ import annotations

import ast
import multiprocessing
import os
import re
import sys
from concurrent.futures import Future
from pathlib import Path

import pytest

from execdocs import interpreters
from execdocs.build import Job, run_checked
from execdocs.cache import RunCache
from execdocs.examples import FenceError, discover, mirror, orphans, snippet_files
from execdocs.interpreters import BUILD_PYTHON
from execdocs.outputs import stray_recordings
from execdocs.runner import Run

from .conftest import ROOT, session_runs

try:
    EXAMPLES = discover(ROOT)
    FENCE_ERROR = ""
except FenceError as error:  # reported by test_run_fences_are_valid, not as a collection crash
    EXAMPLES, FENCE_ERROR = [], str(error)
# The interpreter's default start method (the first one listed) is the plain run's.
START_METHODS = tuple(multiprocessing.get_all_start_methods()[1:])
#: The interpreter running the tests: the build's (`nox -s tests`), or one of the
#: matrix (`nox -s matrix`), which checks every example on that one.
HERE = interpreters.current()


def uses_processes(source: str) -> bool:
    """Whether the snippet imports something that can start processes."""
    tree = ast.parse((ROOT / source).read_text(encoding="utf-8"))
    modules = {
        name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for name in (
            [alias.name for alias in node.names]
            if isinstance(node, ast.Import)
            else [node.module or ""]
        )
    }
    return bool(modules & {"multiprocessing", "concurrent.futures"})


def _jobs() -> list[Job]:
    """On the build interpreter, every run the pages show; in the matrix, each example on
    this interpreter. Examples that start processes also run under each other start
    method ([the first is the default](https://docs.python.org/3/library/multiprocessing.html#multiprocessing.get_all_start_methods)):
    in the matrix all of them; on the build interpreter all but the CPU-heavy
    whole-machine ones, which the matrix runs under fork (3.11 to 3.13's default) and
    spawn, and the pages under 3.14's forkserver."""
    jobs: list[Job] = []
    for example in EXAMPLES:
        pythons = example.pythons if HERE == BUILD_PYTHON else (HERE,)
        jobs.extend(Job(example, python) for python in pythons)
        if example.alone and HERE == BUILD_PYTHON:
            continue
        if (ROOT / example.source).is_file() and uses_processes(example.source):
            jobs.extend(Job(example, HERE, method) for method in START_METHODS)
    return jobs


@pytest.fixture(scope="session")
def runs(request: pytest.FixtureRequest) -> dict[Job, Future[Run]]:
    """Run the selected jobs concurrently, whole-machine snippets last and alone. A run
    the tests' site build has made already (tests/conftest.py) is checked, not repeated."""
    selected = [
        item.callspec.params["job"]
        for item in request.session.items
        if hasattr(item, "callspec") and "job" in item.callspec.params
    ]
    return run_checked(
        [job for job in selected if job.example.supported(job.python)],
        ROOT,
        cache=RunCache(ROOT, session_runs()),
        # Most sleep and wait; more at once would crowd the two cores with interpreter
        # start-ups (spawn, 3.14t) and stretch the timings the recordings compare.
        workers=12,
        # Under xdist the other worker's tests share the two cores, so what whole-machine
        # examples measure (about free cores) is left to `nox -s docs` and to
        # `nox -s matrix`, which run nothing beside them.
        shared_machine="PYTEST_XDIST_WORKER" in os.environ,
    )


@pytest.mark.parametrize("job", _jobs(), ids=str)
def test_snippet_prints_its_recording(job: Job, runs: dict[Job, Future[Run]]) -> None:
    example = job.example
    if not example.supported(job.python):
        need = ".".join(map(str, example.min_python or ()))
        pytest.skip(f"{example.source} says min_python={need}: not run on {job.python}")
    error = runs[job].exception()
    if error is not None:
        pytest.fail(str(error), pytrace=False)


def test_every_snippet_is_embedded() -> None:
    problems = orphans(ROOT, EXAMPLES)
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def test_every_recording_belongs_to_an_example() -> None:
    problems = stray_recordings(ROOT, EXAMPLES)
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def _is_main_guard(node: ast.stmt) -> bool:
    return isinstance(node, ast.If) and ast.unparse(node.test) == "__name__ == '__main__'"


@pytest.mark.parametrize("path", snippet_files(ROOT))
def test_snippet_is_a_standalone_program(path: str) -> None:
    """Runs with `python snippets/…`, needs only the standard library (or what its fence's
    `requires` names, which the page tells readers to install), does nothing on import."""
    tree = ast.parse((ROOT / "snippets" / path).read_text(encoding="utf-8"))
    embedded = next((example for example in EXAMPLES if example.path == path), None)
    allowed = set(sys.stdlib_module_names) | (embedded.imports if embedded else set())
    problems = []
    for node in tree.body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
            )
            outside = [n for n in names if n.split(".")[0] not in allowed]
            if outside or (isinstance(node, ast.ImportFrom) and node.level):
                problems.append(
                    f"line {node.lineno}: imports {outside or names}; "
                    'snippets use the standard library, or declare more with requires="…"'
                )
        elif _is_main_guard(node):
            continue
        elif isinstance(node, ast.Assign | ast.AnnAssign) and _starts_work(node):
            problems.append(
                f"line {node.lineno}: {ast.unparse(node)[:60]} starts work at import, again in "
                'every spawned process; create it under `if __name__ == "__main__":`'
            )
        elif not isinstance(
            node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Assign | ast.AnnAssign
        ) and not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)):
            problems.append(
                f"line {node.lineno}: top-level code runs again in every spawned process; "
                'put it under `if __name__ == "__main__":`'
            )
    if not any(_is_main_guard(node) for node in tree.body):
        problems.append('no `if __name__ == "__main__":` guard')
    assert not problems, f"snippets/{path}:\n" + "\n".join(problems)


# Calls that start threads, processes or pools: at a snippet's top level they would run
# again in every process that spawn or forkserver starts.
_STARTS = re.compile(r"(Executor|Pool|Process|Thread|Manager|Popen|Queue|Pipe)$|^(run|start)$")


def _starts_work(node: ast.Assign | ast.AnnAssign) -> bool:
    for call in ast.walk(node):
        if isinstance(call, ast.Call):
            func = call.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if _STARTS.search(name):
                return True
    return False


def test_run_fences_are_valid() -> None:
    if FENCE_ERROR:
        pytest.fail(FENCE_ERROR, pytrace=False)
    assert EXAMPLES, "no run fences found under docs/"


def test_pages_include_existing_files() -> None:
    import yaml

    from execdocs.examples import include_bases, missing_includes

    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    snippets = next(
        (
            ext["pymdownx.snippets"]
            for ext in config["markdown_extensions"]
            if isinstance(ext, dict) and "pymdownx.snippets" in ext
        ),
        {},
    )
    bases = include_bases(ROOT, snippets)
    missing = [
        f"{page.relative_to(ROOT).as_posix()}:{line}: includes {path!r}, which does not exist"
        for page in sorted((ROOT / "docs").rglob("*.md"))
        for line, path in missing_includes(page.read_text(encoding="utf-8"), bases)
    ]
    assert not missing, "\n".join(missing)


def test_no_scaffold_placeholder_is_left() -> None:
    """`nox -s new` writes TODO lines for the contributor to replace before review."""
    left = [
        f"{path.relative_to(ROOT).as_posix()}:{number}: {line.strip()}"
        for folder, pattern in (("docs", "*.md"), ("snippets", "*.py"))
        for path in sorted((ROOT / folder).rglob(pattern))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "TODO:" in line
    ]
    if left:
        pytest.fail("replace these placeholders:\n" + "\n".join(left), pytrace=False)


def test_snippets_mirror_their_pages() -> None:
    """docs/<topic>/<page>.md embeds snippets/<topic>/<page>/*.py, so each is easy to find."""
    misplaced = [
        f"{e.where}: embeds {e.source}; move it to snippets/{mirror(e.page)}/"
        for e in EXAMPLES
        if Path(e.path).parent.as_posix().strip(".") != mirror(e.page)
    ]
    assert not misplaced, "\n".join(misplaced)
