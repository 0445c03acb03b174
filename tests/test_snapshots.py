"""Exact markup of a chart and of an example, for fixed hand-made runs, against files in
tests/snapshots/. Any change to the drawing or the markup shows here as a diff to review;
after an intended change, rewrite them with `EXECDOCS_SNAPSHOTS=update pytest
tests/test_snapshots.py` and read the diff."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import markdown
import pytest
from markdown_exec import markdown_config

from execdocs import fence
from execdocs.build import Shown, Tab
from execdocs.examples import Example
from execdocs.runner import Line, Run
from execdocs.timeline import render

HERE = Path(__file__).parent / "snapshots"


def run(*lines: tuple[float, str], path: str = "snippets/t/x.py", **kw: object) -> Run:
    fields: dict[str, object] = {
        "path": path,
        "stdout": tuple(Line(t, text) for t, text in lines),
        "stderr": (),
        "returncode": 0,
        "duration": 2.5,
        "timeout": 30.0,
        "started": "2026-03-04T05:06:07+00:00",
        "machine": "m",
    }
    fields.update(kw)
    return Run(**fields)  # type: ignore[arg-type]


LANES = run(
    (0.0, "Task A starting"),
    (0.01, "Task Bartholomew-the-long starting"),
    (1.2, "Task A done"),
    (1.5, "between"),
    (2.4, "Task C once"),
)
MANY = run(*((0.2 * i, f"line {i}") for i in range(10)), duration=0.35)
BACK_TO_BACK = run((0.0, "Task A"), (1.0, "Task A"), (1.0, "Task B"), (2.0, "Task B"))

CASES = {
    "lanes.svg": lambda: render(LANES, r"Task (\S+)"),
    "many.svg": lambda: render(MANY),
    "back_to_back.svg": lambda: render(BACK_TO_BACK, r"Task (\w)"),
    "empty.svg": lambda: render(run(duration=0.0)),
    "one_tab.html": lambda: fence.render(
        Shown(
            Example(path="t/x.py", title="Shown <title>", lanes=r"Task (\S+)"),
            (Tab("3.14", LANES),),
            run(duration=4.0, path="snippets/t/seq.py"),
        ),
        "print('x')\n",
        markdown.Markdown(extensions=["pymdownx.superfences"]),
    ),
    "two_tabs.html": lambda: fence.render(
        Shown(
            Example(path="t/x.py", pythons=("3.14", "3.14t"), requires=()),
            (Tab("3.14", run()), Tab("3.14t", None, "it <broke>")),
            run(duration=4.0, path="snippets/t/seq.py"),
        ),
        "print('x')\n",
        markdown.Markdown(extensions=["pymdownx.superfences"]),
    ),
}


@pytest.fixture(autouse=True)
def source_rendering() -> Iterator[None]:
    """markdown-exec renders the source with the extensions the plugin saved (a global):
    fix them here, whatever other tests in this process did."""
    markdown_config.save(["pymdownx.superfences"], {})
    yield
    markdown_config.reset()


@pytest.mark.parametrize("name", CASES)
def test_snapshot(name: str) -> None:
    made = CASES[name]().replace("><", ">\n<") + "\n"
    path = HERE / name
    if os.environ.get("EXECDOCS_SNAPSHOTS") == "update":
        path.write_text(made, encoding="utf-8")
    assert made == path.read_text(encoding="utf-8")
