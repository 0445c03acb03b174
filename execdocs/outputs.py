"""Recorded outputs: how a run is checked against them, and how they are rewritten.

A snippet ``x.py`` has its recorded stdout in ``x.out`` beside it, and, when its fence
says ``stderr="expected"``, its recorded stderr in ``x.err``: what it prints on the build
interpreter. ``x.3.14t.out`` is what it prints on 3.14t, for a tab of the page
(``pythons=``) or where an interpreter of the matrix prints differently. Recordings
hold text only, never timings. Decimal numbers printed by a snippet (timings, speed-ups) are
compared within a tolerance; ``0x…`` addresses are never compared.
"""

from __future__ import annotations

import difflib
import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

from execdocs import claims, interpreters
from execdocs.claims import ClaimError
from execdocs.examples import SNIPPETS, Example, Tolerance
from execdocs.interpreters import BUILD_PYTHON
from execdocs.runner import Run

_DECIMAL = re.compile(r"\d+\.\d+")
_ADDRESS = re.compile(r"0x[0-9a-fA-F]+")
_PARTS = re.compile(f"({_DECIMAL.pattern}|{_ADDRESS.pattern})")
_RECORDING = re.compile(r"(?P<stem>[^.]+)(?:\.(?P<python>3\.\d+t?))?\.(?P<kind>out|err)")

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


class ClaimFailed(SnippetError):
    """The run printed its recording, but not what the page's text says of it."""


def _indent(text: str) -> str:
    return "\n".join(f"  | {line}" if line else "  |" for line in text.splitlines())


def line_matches(expected: str, actual: str, tolerance: Tolerance) -> bool:
    """Equal text, decimal numbers within tolerance, any address for an address."""
    if expected == actual:
        return True
    parts = _PARTS.split(expected)
    # Spaces before a number may vary: right-aligned columns (f"{t:8.2f}") pad a
    # shorter number with more of them.
    pattern = "".join(
        re.escape(part.rstrip(" ")) + (" +" if part.endswith(" ") else "")
        if i % 2 == 0
        else ("0x[0-9a-fA-F]+" if part.startswith("0x") else r"(\d+\.\d+)")
        for i, part in enumerate(parts)
    )
    match = re.fullmatch(pattern, actual)
    if not match:
        return False
    wanted = [float(p) for i, p in enumerate(parts) if i % 2 and not p.startswith("0x")]
    got = [float(g) for g in match.groups()]
    return all(tolerance.allows(e, a) for e, a in zip(wanted, got, strict=True))


def _free_order_match(expected: Sequence[str], actual: Sequence[str], tolerance: Tolerance) -> bool:
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
    expected: Sequence[str],
    actual: Sequence[str],
    *,
    order: str,
    tolerance: Tolerance,
    name: str,
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


def recording(example: Example, python: str, stream: str, root: Path) -> str:
    """The recording a run on ``python`` is compared with: its own, if the interpreter
    prints differently, else the build interpreter's. Tabs always have their own."""
    own = example.recording(python, stream)
    if python in example.pythons or (root / own).is_file():
        return own
    return example.recording(BUILD_PYTHON, stream)


def check_clean(example: Example, run: Run) -> None:
    """Raise SnippetError unless the run finished, exited 0, kept stderr to itself and,
    on a free-threaded build, really ran without the GIL."""
    so_far = "\n".join(f"{line.t:6.2f}s  {line.text}" for line in run.merged()) or "(nothing)"
    on = f" on Python {run.python}" if run.python != BUILD_PYTHON else ""
    if run.timed_out:
        raise SnippetError(
            example,
            f"still running after {run.duration:.1f} s{on} (its limit is {run.timeout:g} s), "
            "so it was killed",
            f"output before the timeout:\n{so_far}",
            f'make it finish, or raise the limit on its fence: timeout="{int(run.timeout * 2)}"',
        )
    if run.returncode != 0:
        raise SnippetError(
            example,
            f"exited with code {run.returncode}{on}",
            so_far,
            f"run it yourself to debug: python{run.python} {example.source}",
        )
    if run.stderr and not example.stderr:
        raise SnippetError(
            example,
            f"wrote to stderr{on}",
            "\n".join(run.stderr_lines),
            "fix the warning or error; if the example is about it, "
            'add stderr="expected" to its fence',
        )
    if interpreters.free_threaded(run.python) and run.gil_enabled is not False:
        raise SnippetError(
            example,
            f"ran on the free-threaded {run.python} with the GIL "
            + ("on" if run.gil_enabled else "in an unknown state (no report at exit)"),
            "sys._is_gil_enabled() was not False when the program ended: an extension module "
            "it imported switched the GIL back on, so its output would show GIL behaviour",
            "use modules that support free-threading, or leave this interpreter out of pythons=",
        )


def check(example: Example, run: Run, root: Path, *, claims: bool = True) -> None:
    """Raise SnippetError unless the run is clean, matches its recordings and (unless
    ``claims`` is False) bears out the page's claims (ClaimFailed)."""
    check_clean(example, run)
    streams = [("stdout", run.stdout_lines)]
    if example.stderr:
        streams.append(("stderr", run.stderr_lines))
    hint = update_hint(example, run.python)
    for stream, lines in streams:
        name = recording(example, run.python, stream, root)
        expected = read_lines(root / name)
        if expected is None:
            raise SnippetError(
                example, f"has no recorded {stream} ({name})", hint=f"record it: {hint}"
            )
        changes = diff(expected, lines, order=example.order, tolerance=example.tolerance, name=name)
        if changes:
            raise SnippetError(
                example,
                f"{stream} drifted from its recording",
                changes,
                f"if this run is right, record it with `{hint}` and review the diff",
            )
    if claims:
        check_claims(example, run)


def check_claims(example: Example, run: Run) -> None:
    try:
        times = [line.t for line in run.stdout]
        failed = claims.failed(example.claims, run.stdout_lines, run.python, times)
    except ClaimError as error:
        raise SnippetError(
            example, f"its claim cannot be checked: {error}", hint="fix claim= on its fence"
        ) from None
    if failed:
        raise ClaimFailed(
            example,
            f"the page's claim does not hold for this run on Python {run.python}",
            "\n".join(failed) + "\n\nthe run printed:\n" + "\n".join(run.stdout_lines),
            "if the machine was busy, build again when it is quieter; if the claim is wrong, "
            "change the text and its claim=",
        )


def update_hint(example: Example, python: str) -> str:
    flag = "" if python == BUILD_PYTHON else f"--python {python} "
    return UPDATE_HINT.format(path=f"{flag}{example.path}")


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

    A failed run raises SnippetError before anything is written. A run on an interpreter
    the page does not show gets its own recording only where it prints differently.
    """
    check_clean(example, run)
    streams = {"stdout": run.stdout_lines, "stderr": run.stderr_lines}
    changed = []
    for stream, lines in streams.items():
        own = root / example.recording(run.python, stream)
        wanted: list[str] | None = lines if stream == "stdout" or example.stderr else None
        if wanted is not None and run.python not in example.pythons:
            default = read_lines(root / example.recording(BUILD_PYTHON, stream))
            if default is not None and not _differs(example, default, wanted):
                wanted = None  # prints the same as the build interpreter
        old = read_lines(own)
        if wanted is None:
            if old is not None:
                own.unlink()
                changed.append(own.relative_to(root).as_posix())
        # An equivalent recording (same lines, timings within tolerance) is kept, so
        # updates only show real changes in review.
        elif old is None or _differs(example, old, wanted):
            _write_atomically(own, wanted)
            changed.append(own.relative_to(root).as_posix())
    return changed


def _differs(example: Example, old: Sequence[str], new: Sequence[str]) -> bool:
    return bool(diff(old, new, order=example.order, tolerance=example.tolerance, name=""))


def stray_recordings(root: Path, examples: Sequence[Example]) -> list[str]:
    """Messages for recording files that no example's run is compared with."""
    by_stem = {str(Path(e.path).with_suffix("")): e for e in examples}
    stray = []
    files = [*(root / SNIPPETS).rglob("*.out"), *(root / SNIPPETS).rglob("*.err")]
    for path in sorted(files):
        rel = path.relative_to(root / SNIPPETS).as_posix()
        match = _RECORDING.fullmatch(rel)
        example = match and by_stem.get(match["stem"])
        python = match and (match["python"] or BUILD_PYTHON)
        if not match or example is None:
            why = "no snippet beside it is embedded in a page"
        elif match["kind"] == "err" and not example.stderr:
            why = 'its fence does not say stderr="expected"'
        elif python not in interpreters.MATRIX:
            why = f"{python} is not an interpreter the guide runs ({' '.join(interpreters.MATRIX)})"
        elif not example.supported(python):
            why = f"its fence says min_python, so it never runs on {python}"
        else:
            continue
        stray.append(f"{SNIPPETS}/{rel}: a recording that nothing compares: {why}; delete it")
    return stray
