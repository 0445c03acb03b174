"""Every embedded snippet runs cleanly and prints its recording.

Nothing here names an example: adding a snippet and its run fence adds its tests.
The runs happen once, side by side, before the first check (see ``runs``).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from execdocs.examples import Example, FenceError, discover, snippet_files
from execdocs.outputs import SnippetError, attempt, check
from execdocs.runner import Run, run_many

from .conftest import ROOT

try:
    EXAMPLES = discover(ROOT)
    FENCE_ERROR = ""
except FenceError as error:  # reported by test_run_fences_are_valid, not as a collection crash
    EXAMPLES, FENCE_ERROR = [], str(error)
START_METHODS = ("fork", "spawn", "forkserver")
Job = tuple[Example, str | None]


def uses_processes(example: Example) -> bool:
    """Whether the snippet imports something that can start processes."""
    tree = ast.parse((ROOT / example.source).read_text(encoding="utf-8"))
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
    jobs: list[Job] = []
    for example in EXAMPLES:
        jobs.append((example, None))
        if (ROOT / example.source).is_file() and uses_processes(example):
            jobs.extend((example, method) for method in START_METHODS)
    return jobs


@pytest.fixture(scope="session")
def runs(request: pytest.FixtureRequest) -> dict[Job, Run | SnippetError]:
    """Run the selected jobs concurrently, whole-machine snippets last and alone."""
    selected = [
        item.callspec.params["job"]
        for item in request.session.items
        if hasattr(item, "callspec") and "job" in item.callspec.params
    ]
    return run_many(
        [job for job in selected if job[0].supported()],
        lambda job: attempt(job[0], ROOT, start_method=job[1]),
        alone=lambda job: job[0].alone,
        workers=32,  # they sleep and wait; whole-machine snippets still run alone
    )


def _job_id(job: Job) -> str:
    example, method = job
    return example.path if method is None else f"{example.path}[{method}]"


@pytest.mark.parametrize("job", _jobs(), ids=_job_id)
def test_snippet_prints_its_recording(job: Job, runs: dict[Job, Run | SnippetError]) -> None:
    example, _ = job
    if not example.supported():
        pytest.skip(f"needs Python {'.'.join(map(str, example.min_python or ()))}")
    result = runs[job]
    try:
        if isinstance(result, SnippetError):
            raise result
        check(example, result, ROOT)
    except SnippetError as error:
        message = str(error)
    else:
        return
    pytest.fail(message, pytrace=False)


def test_every_snippet_is_embedded() -> None:
    orphans = sorted(set(snippet_files(ROOT)) - {e.path for e in EXAMPLES})
    if orphans:
        pytest.fail(
            "\n".join(
                f"snippets/{path}: no page embeds it; embed it with a run fence, or delete it"
                for path in orphans
            ),
            pytrace=False,
        )


def test_every_recording_belongs_to_an_example() -> None:
    expected = {e.recording for e in EXAMPLES} | {e.stderr_recording for e in EXAMPLES if e.stderr}
    found = {
        p.relative_to(ROOT).as_posix()
        for pattern in ("*.out", "*.err")
        for p in (ROOT / "snippets").rglob(pattern)
    }
    assert not found - expected, (
        f"recordings without a snippet that uses them: {sorted(found - expected)}"
    )


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


def test_run_fences_are_valid() -> None:
    if FENCE_ERROR:
        pytest.fail(FENCE_ERROR, pytrace=False)


def test_each_example_is_collected_once() -> None:
    paths = [e.path for e in EXAMPLES]
    assert len(paths) == len(set(paths))
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


def _mirror(page: str) -> str:
    """The snippets folder that mirrors a page: docs/a/b.md -> a/b, docs/a/index.md -> a."""
    folder = page.removeprefix("docs/").removesuffix(".md")
    return folder.removesuffix("index").rstrip("/")


def test_snippets_mirror_their_pages() -> None:
    """docs/<topic>/<page>.md embeds snippets/<topic>/<page>/*.py, so each is easy to find."""
    misplaced = [
        f"{e.where}: embeds {e.source}; move it to snippets/{_mirror(e.page)}/"
        for e in EXAMPLES
        if Path(e.path).parent.as_posix().strip(".") != _mirror(e.page)
    ]
    assert not misplaced, "\n".join(misplaced)
