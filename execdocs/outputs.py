"""Recorded outputs: how a run is checked against them, and how they are rewritten.

A snippet ``x.py`` has its recorded stdout in ``x.out`` beside it, and, when its fence
says ``stderr="expected"``, its recorded stderr in ``x.err``. Recordings hold text
only, never timings. Decimal numbers printed by a snippet (timings, speed-ups) are
compared within a tolerance; ``0x…`` addresses are never compared.
"""

from __future__ import annotations

import difflib
import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

from execdocs.examples import Example
from execdocs.runner import Run, run_snippet

_DECIMAL = re.compile(r"\d+\.\d+")
_ADDRESS = re.compile(r"0x[0-9a-fA-F]+")
_PARTS = re.compile(f"({_DECIMAL.pattern}|{_ADDRESS.pattern})")
ABSOLUTE_TOLERANCE = 0.25

UPDATE_HINT = "nox -s update-outputs -- {path}"


class SnippetError(Exception):
    """A snippet failed, or printed something other than its recording."""

    def __init__(self, example: Example, problem: str, details: str = "", hint: str = "") -> None:
        self.example = example
        self.problem = problem
        self.details = details
        self.hint = hint
        super().__init__(self.message)

    @property
    def message(self) -> str:
        head = f"{self.example.source}: {self.problem}"
        if self.example.page:
            head += f" (embedded at {self.example.where})"
        parts = [head]
        if self.details:
            parts.append(_indent(self.details))
        if self.hint:
            parts.append(f"  fix: {self.hint}")
        return "\n".join(parts)


def _indent(text: str) -> str:
    return "\n".join(f"  | {line}" if line else "  |" for line in text.splitlines())


def line_matches(expected: str, actual: str, tolerance: float) -> bool:
    """Equal text, decimal numbers within tolerance, any address for an address."""
    if expected == actual:
        return True
    parts = _PARTS.split(expected)
    pattern = "".join(
        re.escape(part)
        if i % 2 == 0
        else ("0x[0-9a-fA-F]+" if part.startswith("0x") else r"(\d+\.\d+)")
        for i, part in enumerate(parts)
    )
    match = re.fullmatch(pattern, actual)
    if not match:
        return False
    if tolerance == float("inf"):  # tolerance="any": only the text around the numbers counts
        return True
    wanted = [float(p) for i, p in enumerate(parts) if i % 2 and not p.startswith("0x")]
    got = [float(g) for g in match.groups()]
    return all(
        abs(a - e) <= max(ABSOLUTE_TOLERANCE, tolerance * abs(e))
        for e, a in zip(wanted, got, strict=True)
    )


def _free_order_match(expected: Sequence[str], actual: Sequence[str], tolerance: float) -> bool:
    if len(expected) != len(actual):
        return False
    left = list(actual)
    for want in expected:
        hit = next((i for i, got in enumerate(left) if line_matches(want, got, tolerance)), None)
        if hit is None:
            return False
        left.pop(hit)
    return True


def diff(
    expected: Sequence[str], actual: Sequence[str], *, order: str, tolerance: float, name: str
) -> str:
    """Empty when the lines match, else a unified diff (sorted when order is free)."""
    if order == "free":
        if _free_order_match(expected, actual, tolerance):
            return ""
        expected, actual = sorted(expected), sorted(actual)
        name += " (order free: lines sorted)"
    elif len(expected) == len(actual) and all(
        line_matches(e, a, tolerance) for e, a in zip(expected, actual, strict=True)
    ):
        return ""
    lines = difflib.unified_diff(
        list(expected), list(actual), f"{name} (recorded)", "this run", lineterm=""
    )
    return "\n".join(lines)


def read_lines(path: Path) -> list[str] | None:
    if not path.is_file():
        return None
    return path.read_text(encoding="utf-8").splitlines()


def check_clean(example: Example, run: Run) -> None:
    """Raise SnippetError unless the run finished, exited 0 and kept stderr to itself."""
    so_far = "\n".join(f"{line.t:6.2f}s  {line.text}" for line in run.merged()) or "(nothing)"
    if run.timed_out:
        raise SnippetError(
            example,
            f"still running after {run.timeout:g} s, so it was killed",
            f"output before the timeout:\n{so_far}",
            f'make it finish, or raise the limit on its fence: timeout="{int(run.timeout * 2)}"',
        )
    if run.returncode != 0:
        raise SnippetError(
            example,
            f"exited with code {run.returncode}",
            so_far,
            "run it yourself to debug: python " + example.source,
        )
    if run.stderr and not example.stderr:
        raise SnippetError(
            example,
            "wrote to stderr",
            "\n".join(run.stderr_lines),
            "fix the warning or error; if the example is about it, "
            'add stderr="expected" to its fence',
        )


def check(example: Example, run: Run, root: Path) -> None:
    """Raise SnippetError unless the run is clean and matches the recordings."""
    check_clean(example, run)
    streams = [("stdout", example.recording, run.stdout_lines)]
    if example.stderr:
        streams.append(("stderr", example.stderr_recording, run.stderr_lines))
    hint = UPDATE_HINT.format(path=example.path)
    for stream, recording, lines in streams:
        expected = read_lines(root / recording)
        if expected is None:
            raise SnippetError(
                example, f"has no recorded {stream} ({recording})", hint=f"record it: {hint}"
            )
        changes = diff(
            expected, lines, order=example.order, tolerance=example.tolerance, name=recording
        )
        if changes:
            raise SnippetError(
                example,
                f"{stream} drifted from its recording",
                changes,
                f"if this run is right, record it with `{hint}` and review the diff",
            )


def _write_atomically(path: Path, lines: Sequence[str]) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write("".join(f"{line}\n" for line in lines))
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def record(example: Example, run: Run, root: Path) -> list[str]:
    """Write the recordings from a clean run; return the files that changed.

    A failed run raises SnippetError before anything is written.
    """
    check_clean(example, run)
    wanted = {root / example.recording: run.stdout_lines}
    stale = root / example.stderr_recording
    if example.stderr:
        wanted[stale] = run.stderr_lines
    changed = []
    for path, lines in wanted.items():
        old = read_lines(path)
        # An equivalent recording (same lines, timings within tolerance) is kept, so
        # updates only show real changes in review.
        if old is None or diff(
            old, lines, order=example.order, tolerance=example.tolerance, name=""
        ):
            _write_atomically(path, lines)
            changed.append(path.relative_to(root).as_posix())
    if not example.stderr and stale.exists():
        stale.unlink()
        changed.append(stale.relative_to(root).as_posix())
    return changed


def require_source(example: Example, root: Path) -> None:
    """Raise SnippetError when the file a run fence names is not there."""
    if not (root / example.source).is_file():
        raise SnippetError(
            example,
            "does not exist",
            hint=f"create {example.source}, or fix the path in the run fence",
        )


def run_example(example: Example, root: Path, *, start_method: str | None = None) -> Run:
    """Run an example's snippet through the runner, after checking that it exists."""
    require_source(example, root)
    return run_snippet(
        example.source, root=root, timeout=example.timeout, start_method=start_method
    )


def attempt(example: Example, root: Path, *, start_method: str | None = None) -> Run | SnippetError:
    """Like run_example, for batches: the error is returned instead of raised."""
    try:
        return run_example(example, root, start_method=start_method)
    except SnippetError as error:
        return error
