"""What a clear failure of a build or a test run looks like (used by the breakage tests).

A clear failure exits 1 (a failed build or failed tests), not 0 (passed), 2 (pytest
could not collect or was interrupted), 3 (pytest's INTERNALERROR) or 4 (bad usage), and
names the file; it never quotes a frame from inside an installed package, in CPython's
format (``File ".../site-packages/x.py", line 3``) or pytest's (``.../site-packages/x.py:3:
in f``, or ``.../site-packages/x.py:3: ValueError``).
"""

from __future__ import annotations

import re

#: Exit codes of a clear failure: mkdocs's and pytest's "it failed".
FAILED = (1,)

_FRAME = re.compile(
    r'File "[^"\n]*site-packages[^"\n]*", line \d+'  # CPython
    r"|^\S*site-packages\S*\.py:\d+:",  # pytest (--tb=short/long/native summary lines)
    re.M,
)


def frames_from_packages(output: str) -> list[str]:
    return [match[0] for match in _FRAME.finditer(output)]


def fails_clearly(code: int, output: str, *expected: str) -> list[str]:
    """What is wrong with this outcome as a clear failure (nothing: it is one)."""
    problems = []
    if code not in FAILED:
        problems.append(f"exit code {code}, not {' or '.join(map(str, FAILED))}")
    problems += [f"{text!r} not in the output" for text in expected if text not in output]
    problems += [f"a frame from an installed package: {f}" for f in frames_from_packages(output)]
    return problems
