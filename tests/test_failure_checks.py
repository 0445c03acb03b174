"""The checks the breakage tests rely on must themselves be able to fail: a traceback
from inside an installed package, in either format, and a crash exit code are caught.
Also the standalone-program check, on the very case it exists for."""

from __future__ import annotations

import ast

import pytest

from .failure_checks import fails_clearly, frames_from_packages
from .test_snippets import _starts_work

CPYTHON = (
    "Traceback (most recent call last):\n"
    '  File "/v/lib/python3.14/site-packages/mkdocs/commands/build.py", line 310, in build\n'
    "ValueError: boom\n"
)
PYTEST_LONG = (
    "/v/lib/python3.14/site-packages/_pytest/python.py:157: in pytest_pyfunc_call\n"
    "    result = testfunction(**testargs)\n"
)
PYTEST_SHORT = "/v/lib/python3.14/site-packages/execdocs/outputs.py:191: SnippetError\n"
OWN = (
    "snippets/hello.py: exited with code 1\n"
    '  |   File "/tmp/x/snippets/hello.py", line 2, in main\n'
    "  | ValueError: boom\n"
)


@pytest.mark.parametrize("output", [CPYTHON, PYTEST_LONG, PYTEST_SHORT])
def test_frames_from_installed_packages_are_found(output: str) -> None:
    assert frames_from_packages(output)
    assert fails_clearly(1, OWN + output, "ValueError: boom") == [
        f"a frame from an installed package: {frames_from_packages(output)[0]}"
    ]


def test_the_snippets_own_traceback_is_fine() -> None:
    assert frames_from_packages(OWN) == []
    assert fails_clearly(1, OWN, "snippets/hello.py: exited with code 1") == []


@pytest.mark.parametrize("code", [0, 2, 3, 4, -9])
def test_only_a_plain_failure_exit_is_clear(code: int) -> None:
    assert fails_clearly(code, OWN) == [f"exit code {code}, not 1"]


def test_missing_text_is_named() -> None:
    assert fails_clearly(1, OWN, "nowhere") == ["'nowhere' not in the output"]


@pytest.mark.parametrize(
    ("line", "starts"),
    [
        ("pool = ProcessPoolExecutor()", True),
        ("pool = concurrent.futures.ProcessPoolExecutor(max_workers=2)", True),
        ("pool: ProcessPoolExecutor = ProcessPoolExecutor()", True),
        ("worker = threading.Thread(target=f)", True),
        ("queue = multiprocessing.Queue()", True),
        ("loop = asyncio.run(main())", True),
        ("N = 4", False),
        ("lock = threading.Lock()", False),
        ("WORDS = sorted(['b', 'a'])", False),
    ],
)
def test_the_standalone_check_sees_work_started_at_import(line: str, starts: bool) -> None:
    node = ast.parse(line).body[0]
    assert isinstance(node, ast.Assign | ast.AnnAssign)
    assert _starts_work(node) is starts
