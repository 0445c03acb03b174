"""The inline ```python fences in the pages, and the snippets' style, via pytest-examples.

Inline fences are run in-process and their ``#>`` lines checked; a fence that cannot
run alone says ``test="skip"`` (and ``lint="skip"`` if it is a fragment). Snippets are
only linted here: they are run by tests/test_snippets.py, as real programs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_examples import CodeExample, EvalExample, find_examples

from execdocs.examples import iter_fences, snippet_files

from .conftest import ROOT


class WholeFile(CodeExample):
    """A snippet file as one example: black keeps its two blank lines between functions."""

    def in_py_file(self) -> bool:  # pytest-examples assumes a docstring example in a .py
        return False


INLINE = list(find_examples(ROOT / "docs"))
SNIPPETS = [
    WholeFile.create(
        (ROOT / "snippets" / path).read_text(encoding="utf-8"), path=ROOT / "snippets" / path
    )
    for path in snippet_files(ROOT)
]


def _inline_id(example: CodeExample) -> str:
    page = example.path.relative_to(ROOT).as_posix()
    same_page = [e for e in INLINE if e.path == example.path]
    return f"{page}#{same_page.index(example) + 1}"


def configure(eval_example: EvalExample) -> None:
    eval_example.set_config(
        line_length=100, quotes="double", target_version="py311", isort=True, upgrade=True
    )


def guarded(step: Callable[[CodeExample], object], example: CodeExample) -> None:
    """Run one pytest-examples step, turning an exception the example raised into a failure.

    With pytest >= 8.4, an exception escaping pytest-examples ends the whole session
    with INTERNALERROR; failing outside the ``except`` block keeps it a normal failure.
    """
    try:
        step(example)
    except Exception as error:  # pytest.fail() raises BaseException, so it passes through
        where = f"{example.path.relative_to(ROOT).as_posix()}:{example.start_line}"
        message = f"{where}: the example raised {type(error).__name__}: {error}"
    else:
        return
    pytest.fail(message, pytrace=False)


@pytest.mark.parametrize("example", INLINE, ids=_inline_id)
def test_inline_example(example: CodeExample, eval_example: EvalExample) -> None:
    configure(eval_example)
    settings = example.prefix_settings()
    if settings.get("lint") != "skip":
        if eval_example.update_examples:
            eval_example.format(example)
        else:
            eval_example.lint(example)
    if settings.get("test") == "skip":
        return
    if eval_example.update_examples:
        guarded(eval_example.run_print_update, example)
    else:
        guarded(eval_example.run_print_check, example)


@pytest.mark.parametrize(
    "example", SNIPPETS, ids=lambda e: Path(e.path).relative_to(ROOT).as_posix()
)
def test_snippet_style(example: CodeExample, eval_example: EvalExample) -> None:
    configure(eval_example)
    if eval_example.update_examples:
        eval_example.format(example)
    else:
        eval_example.lint(example)


def test_every_python_fence_is_collected() -> None:
    """pytest-examples' own fence search is a regex; make sure it saw every python fence."""
    ours = {
        (page.relative_to(ROOT).as_posix(), fence.line)
        for page in (ROOT / "docs").rglob("*.md")
        for fence in iter_fences(page.read_text(encoding="utf-8"))
        if fence.language.startswith("py")
    }
    theirs = {(e.path.relative_to(ROOT).as_posix(), e.start_line) for e in INLINE}
    assert ours == theirs, f"missed by pytest-examples: {sorted(ours - theirs)}"
