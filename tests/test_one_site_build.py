"""A test run builds the real site once, shares it between its workers, and leaves
nothing behind; and whole-machine snippets run with no other snippet beside them."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

from xdist.remote import Producer

from execdocs.runner import run_snippet

from .browser.conftest import PAGES
from .conftest import (
    ENV,
    Site,
    pytest_collection_modifyitems,
    pytest_xdist_make_scheduler,
    worker_scope,
)

NEEDS_SITE = "def test_{name}(built_site):\n    assert (built_site / 'index.html').is_file()\n"
COUNTS_ITS_RUNS = """import os


def main():
    with open(os.path.join(os.environ["TMPDIR"], "runs.log"), "a") as log:
        log.write("ran\\n")
    print("hello", flush=True)


if __name__ == "__main__":
    main()
"""


def test_workers_share_one_build_and_nothing_is_left(tiny_site: Site, tmp_path: Path) -> None:
    """Defect: each xdist worker started its own build, one was never awaited or removed,
    and the extra build ran every snippet beside the tests' own runs. Now the build and
    the snippet tests share one session's runs: the snippet runs once in all."""
    (tiny_site.root / "snippets" / "hello.py").write_text(COUNTS_ITS_RUNS, encoding="utf-8")
    for name in ("first", "second"):  # two files: --dist loadfile gives each worker one
        (tiny_site.root / "tests" / f"test_needs_site_{name}.py").write_text(
            NEEDS_SITE.format(name=name), encoding="utf-8"
        )
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    run = subprocess.run(
        [
            *(sys.executable, "-m", "pytest", "-q", "-n", "2", "--dist", "loadfile"),
            *("tests/test_needs_site_first.py", "tests/test_needs_site_second.py"),
            "tests/test_snippets.py",
        ],
        cwd=tiny_site.root,
        env={**ENV, "TMPDIR": str(tmp)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert " passed" in run.stdout and "test_snippet_prints_its_recording" not in run.stdout
    assert (tmp / "runs.log").read_text().splitlines() == ["ran"], "one build, one run"
    left = [p.name for p in tmp.iterdir() if p.name not in ("runs.log", "pytest-of-root")]
    assert not left, f"left behind: {left}"  # pytest-of-root: pytest's own, kept by pytest


def _program(folder: Path, name: str, body: str) -> str:
    (folder / name).write_text(body, encoding="utf-8")
    return name


def test_a_whole_machine_run_waits_until_no_other_snippet_runs(tmp_path: Path) -> None:
    """Shared and whole-machine runs exclude each other across processes (a build and a
    test run side by side): the whole one starts only after the shared one has ended."""
    shared = _program(
        tmp_path,
        "shared.py",
        "import pathlib, time\n"
        "pathlib.Path('started').touch()\n"
        "time.sleep(1)\n"
        "print(time.time())\n",
    )
    whole = _program(tmp_path, "whole.py", "import time\nprint(time.time())\n")
    runs = {}
    beside = threading.Thread(
        target=lambda: runs.setdefault("shared", run_snippet(shared, root=tmp_path))
    )
    beside.start()
    while not (tmp_path / "started").exists():
        time.sleep(0.01)
    runs["whole"] = run_snippet(whole, root=tmp_path, whole=True)
    beside.join()
    # An order between the two programs' own clocks, not a duration.
    assert float(runs["whole"].stdout_lines[0]) >= float(runs["shared"].stdout_lines[0])


def test_the_workers_split_the_page_checks_and_keep_shared_fixtures_together() -> None:
    """What `--dist loadscope` sends to one worker as a unit (tests/conftest.py)."""
    pages = [f"tests/browser/test_pages.py::test_page[{page}]" for page in PAGES]
    halves = Counter(worker_scope(nodeid) for nodeid in pages)
    assert len(halves) == 2 and min(halves.values()) > len(pages) / 3, halves
    snippets = "tests/test_snippets.py::test_snippet_prints_its_recording[a.py]"
    assert worker_scope(snippets) == "tests/test_snippets.py"
    browser = "tests/browser/test_escaping.py::test_output_shows_markup_literally"
    assert worker_scope(browser) == "tests/browser/test_escaping.py"
    other = "tests/test_outputs.py::test_line_matches"
    assert worker_scope(other) == other


def test_the_snippet_runs_come_first_and_the_site_checks_last_biggest_first() -> None:
    """The order the workers get their units in (tests/conftest.py): the snippet runs
    at once, beside the site build; the other tests meanwhile; then the tests that need
    the built site, the page-check halves (the largest units) before single tests."""

    def item(nodeid: str, *fixtures: str) -> SimpleNamespace:
        return SimpleNamespace(nodeid=nodeid, fixturenames=list(fixtures))

    site = item("tests/test_site.py::test_stamp", "built_site")
    pages = [item(f"tests/browser/test_pages.py::test_page[{p}]", "built_site") for p in PAGES]
    other = item("tests/test_outputs.py::test_line_matches")
    snippet = item("tests/test_snippets.py::test_snippet_prints_its_recording[a.py]", "runs")
    items = [site, *pages, other, snippet]
    pytest_collection_modifyitems(None, items)  # type: ignore[arg-type]
    assert items[:2] == [snippet, other] and items[-1] is site


def test_xdist_hands_out_the_units_in_that_order() -> None:
    """xdist's loadscope would reorder the units by size: the page checks would go first
    and wait for the site build while the other tests waited behind them."""
    option = SimpleNamespace(dist="loadscope", loadscopereorder=True, tx=["2*popen"])
    config = SimpleNamespace(
        option=option,
        getoption=lambda name: getattr(option, name),
        getvalue=lambda name: getattr(option, name),
    )
    log = Producer("test", enabled=False)
    scheduler = pytest_xdist_make_scheduler(config, log)  # type: ignore[arg-type]
    assert scheduler is not None and config.option.loadscopereorder is False
    assert scheduler._split_scope("tests/test_snippets.py::x") == "tests/test_snippets.py"
