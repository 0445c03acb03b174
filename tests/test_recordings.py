"""Checking runs against recordings and rewriting them (execdocs/outputs.py), from
hand-made runs: comparison, messages, the free-threaded GIL check, version-specific
recordings and stray files."""

from __future__ import annotations

from pathlib import Path

import pytest

from execdocs import outputs
from execdocs.claims import parse as parse_claims
from execdocs.examples import Example, Tolerance
from execdocs.outputs import (
    ClaimFailed,
    SnippetError,
    check,
    check_claims,
    check_clean,
    diff,
    line_matches,
    record,
    recording,
    stray_recordings,
    update_hint,
)
from execdocs.runner import Line, Run


def run(
    *lines: str,
    stderr: tuple[str, ...] = (),
    returncode: int | None = 0,
    python: str = "3.14",
    gil: bool | None = None,
    duration: float = 1.0,
    timeout: float = 5.0,
) -> Run:
    return Run(
        path="snippets/t/x.py",
        stdout=tuple(Line(0.1 * i, text) for i, text in enumerate(lines)),
        stderr=tuple(Line(0.05 + 0.1 * i, text, "stderr") for i, text in enumerate(stderr)),
        returncode=returncode,
        duration=duration,
        timeout=timeout,
        python=python,
        gil_enabled=gil,
    )


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "snippets" / "t").mkdir(parents=True)
    return tmp_path


def write(root: Path, name: str, *lines: str) -> Path:
    path = root / "snippets" / "t" / name
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return path


X = Example(path="t/x.py")


# --- one line against its recording ------------------------------------------------------


@pytest.mark.parametrize(
    ("recorded", "actual", "tolerance", "same"),
    [
        # Relative tolerance: 25 % of 10 s is 2.5 s, more than the 0.25 s floor.
        ("took 10.00 s", "took 12.40 s", Tolerance(), True),
        ("took 10.00 s", "took 12.60 s", Tolerance(), False),
        ("took 10.00 s", "took 14.90 s", Tolerance(relative=0.5), True),
        ("took 10.00 s", "took 15.10 s", Tolerance(relative=0.5), False),
        # The absolute floor for short timings.
        ("took 0.10 s", "took 0.34 s", Tolerance(), True),
        ("took 0.10 s", "took 0.36 s", Tolerance(), False),
        # Text after a number must match too: not just a matching start.
        ("took 3.00 s", "took 3.00 s and then some", Tolerance(), False),
        ("took 3.00 s", "took 3.00", Tolerance(), False),
        ("took 3.00 s", "xtook 3.00 s", Tolerance(), False),
        ("a 1.00 b 2.00 c", "a 1.10 b 2.10 c", Tolerance(), True),
        ("a 1.00 b 2.00 c", "a 1.10 b 9.10 c", Tolerance(), False),
        ("at 0xdeadbeef now", "at 0x1 now", Tolerance(), True),
        ("at 0xdeadbeef now", "at 0x1 later", Tolerance(), False),
        ("at 0xdeadbeef now", "at 12 now", Tolerance(), False),
        ("took 3.00 s", "took 30.0 s", Tolerance(numbers=False), True),
        ("a.b (x)", "a.b (x)", Tolerance(), True),
        ("a.b (x)", "aXb (x)", Tolerance(), False),  # text is not a pattern
        ("at 0x7f3a now", "at 0x7FAB now", Tolerance(), True),  # hex digits in either case
        # Only spaces before a number may vary; the text before them is kept whole.
        ("MAX  1.00", "MAX 1.00", Tolerance(), True),
        ("a\t 1.00", "a\t 1.00", Tolerance(), True),
        ("a\t 1.00", "a\t 1.05", Tolerance(), True),
        ("a\t 1.00", "a 1.05", Tolerance(), False),
    ],
)
def test_line_matching(recorded: str, actual: str, tolerance: Tolerance, same: bool) -> None:
    assert line_matches(recorded, actual, tolerance) is same


def test_free_order_compares_multisets() -> None:
    free = {"order": "free", "tolerance": Tolerance(), "name": "x.out"}
    assert diff(["a", "a", "b"], ["b", "a", "a"], **free) == ""
    # Duplicates count: a set comparison would accept these.
    assert diff(["a", "a", "b"], ["a", "b", "b"], **free)
    assert diff(["a", "b"], ["a", "b", "b"], **free)
    assert diff(["a", "a"], ["a"], **free)
    # Numbers within tolerance, in any order; each recorded line is used once.
    assert diff(["t 1.00", "t 5.00"], ["t 5.10", "t 1.10"], **free) == ""


def test_free_order_diff_is_sorted_and_says_so() -> None:
    text = diff(["b", "a"], ["c", "b"], order="free", tolerance=Tolerance(), name="t/x.out")
    assert text.splitlines() == [
        "--- t/x.out (order free: lines sorted) (recorded)",
        "+++ this run",
        "@@ -1,2 +1,2 @@",
        "-a",
        " b",
        "+c",
    ]


def test_exact_order_diff() -> None:
    text = diff(["a", "b"], ["a", "c"], order="exact", tolerance=Tolerance(), name="t/x.out")
    assert text.splitlines() == [
        "--- t/x.out (recorded)",
        "+++ this run",
        "@@ -1,2 +1,2 @@",
        " a",
        "-b",
        "+c",
    ]
    assert diff(["a"], ["a", "b"], order="exact", tolerance=Tolerance(), name="n")
    assert diff([], [], order="exact", tolerance=Tolerance(), name="n") == ""


# --- check: messages ----------------------------------------------------------------------


def test_a_missing_recording_is_an_error_not_an_empty_one(root: Path) -> None:
    with pytest.raises(SnippetError) as caught:
        check(X, run(), root)  # prints nothing, but nothing was recorded either
    assert caught.value.problem == "has no recorded stdout (snippets/t/x.out)"
    assert caught.value.hint == "record it: nox -s update-outputs -- t/x.py"
    errs = Example(path="t/x.py", stderr=True)
    write(root, "x.out", "out")
    with pytest.raises(SnippetError, match=r"has no recorded stderr \(snippets/t/x\.err\)"):
        check(errs, run("out", stderr=("warn",)), root)


def test_drift_names_the_file_and_the_update_command_for_this_snippet(root: Path) -> None:
    write(root, "x.out", "hello")
    example = Example(path="t/x.py", page="docs/t/index.md", line=12)
    with pytest.raises(SnippetError) as caught:
        check(example, run("hallo"), root)
    assert str(caught.value) == (
        "snippets/t/x.py: stdout drifted from its recording (embedded at docs/t/index.md:12)\n"
        "  | --- snippets/t/x.out (recorded)\n"
        "  | +++ this run\n"
        "  | @@ -1 +1 @@\n"
        "  | -hello\n"
        "  | +hallo\n"
        "  fix: if this run is right, record it with "
        "`nox -s update-outputs -- t/x.py` and review the diff"
    )


def test_update_hint_names_the_interpreter_when_not_the_build_one() -> None:
    assert update_hint(X, "3.14") == "nox -s update-outputs -- t/x.py"
    assert update_hint(X, "3.14t") == "nox -s update-outputs -- --python 3.14t t/x.py"


def test_a_clean_run_passes_and_checks_stderr_when_expected(root: Path) -> None:
    write(root, "x.out", "out 1.00")
    check(X, run("out 1.10"), root)
    errs = Example(path="t/x.py", stderr=True)
    write(root, "x.err", "warn")
    check(errs, run("out 1.00", stderr=("warn",)), root)
    with pytest.raises(SnippetError, match="stderr drifted"):
        check(errs, run("out 1.00", stderr=("other",)), root)


def test_a_timed_out_run_is_reported_with_measured_time_and_limit() -> None:
    with pytest.raises(SnippetError) as caught:
        check_clean(X, run("before", returncode=None, duration=1.234, timeout=1.0))
    error = caught.value
    assert error.problem == "still running after 1.2 s (its limit is 1 s), so it was killed"
    assert error.details == "output before the timeout:\n  0.00s  before"
    assert error.hint == 'make it finish, or raise the limit on its fence: timeout="2"'
    with pytest.raises(SnippetError) as nothing:
        check_clean(X, run(returncode=None))
    assert nothing.value.details == "output before the timeout:\n(nothing)"


def test_exit_code_and_stderr_messages() -> None:
    with pytest.raises(SnippetError) as code:
        check_clean(X, run("a", stderr=("Traceback",), returncode=3, python="3.13"))
    assert code.value.problem == "exited with code 3 on Python 3.13"
    assert code.value.details == "  0.00s  a\n  0.05s  Traceback"
    assert code.value.hint == "run it yourself to debug: python3.13 snippets/t/x.py"
    with pytest.raises(SnippetError) as err:
        check_clean(X, run("a", stderr=("careful", "twice")))
    assert err.value.problem == "wrote to stderr"
    assert err.value.details == "careful\ntwice"
    assert err.value.hint == (
        'fix the warning or error; if the example is about it, add stderr="expected" to its fence'
    )
    check_clean(Example(path="t/x.py", stderr=True), run("a", stderr=("careful",)))


@pytest.mark.parametrize(
    ("gil", "problem"),
    [
        (True, "ran on the free-threaded 3.14t with the GIL on"),
        (None, "ran on the free-threaded 3.14t with the GIL in an unknown state"),
    ],
)
def test_free_threaded_runs_must_report_the_gil_off(gil: bool | None, problem: str) -> None:
    with pytest.raises(SnippetError) as caught:
        check_clean(X, run("a", python="3.14t", gil=gil))
    assert caught.value.problem.startswith(problem)
    assert caught.value.details == (
        "sys._is_gil_enabled() was not False when the program ended: an extension module "
        "it imported switched the GIL back on, so its output would show GIL behaviour"
    )
    assert caught.value.hint == (
        "use modules that support free-threading, or leave this interpreter out of pythons="
    )
    check_clean(X, run("a", python="3.14t", gil=False))
    check_clean(X, run("a", python="3.14", gil=None))  # a GIL build reports nothing


def test_snippet_error_message_layout() -> None:
    error = SnippetError(X, "broke", "line one\n\nline three", "do this")
    assert str(error) == "snippets/t/x.py: broke\n  | line one\n  |\n  | line three\n  fix: do this"
    assert str(SnippetError(X, "broke")) == "snippets/t/x.py: broke"


def test_claims_are_checked_after_the_recording_with_figures(root: Path) -> None:
    write(root, "x.out", "fast 1.00", "slow 2.00")
    example = Example(path="t/x.py", claims=parse_claims("'fast' < 0.4 * 'slow'"))
    with pytest.raises(ClaimFailed) as caught:
        check(example, run("fast 1.00", "slow 2.00"), root)
    assert caught.value.problem == "the page's claim does not hold for this run on Python 3.14"
    assert caught.value.details == (
        "'fast' < 0.4 * 'slow' with this run's figures: 1 < 0.8\n\n"
        "the run printed:\nfast 1.00\nslow 2.00"
    )
    assert caught.value.hint == (
        "if the machine was busy, build again when it is quieter; if the claim is wrong, "
        "change the text and its claim="
    )
    holds = Example(path="t/x.py", claims=parse_claims("'fast' < 'slow'"))
    check(holds, run("fast 1.00", "slow 2.00"), root)


def test_every_failed_condition_is_listed_one_per_line() -> None:
    example = Example(path="t/x.py", claims=parse_claims("'fast' < 1; 'slow' < 1"))
    with pytest.raises(ClaimFailed) as caught:
        check_claims(example, run("fast 2", "slow 3"))
    assert caught.value.details == (
        "'fast' < 1 with this run's figures: 2 < 1\n'slow' < 1 with this run's figures: 3 < 1"
        "\n\nthe run printed:\nfast 2\nslow 3"
    )


def test_claims_read_when_lines_were_printed_and_which_interpreter_ran() -> None:
    # run() prints line i at 0.1 * i seconds: "done" at 0.2 s.
    at = Example(path="t/x.py", claims=parse_claims("@'done' < 0.1"))
    with pytest.raises(ClaimFailed):
        check_claims(at, run("a", "b", "done"))
    soon = Example(path="t/x.py", claims=parse_claims("@'done' < 0.3"))
    check_claims(soon, run("a", "b", "done"))
    free_only = Example(path="t/x.py", claims=parse_claims("3.14t: 'x' < 1"))
    check_claims(free_only, run("x 5"))  # not about this interpreter
    with pytest.raises(ClaimFailed, match=r"on Python 3\.14t"):
        check_claims(free_only, run("x 5", python="3.14t", gil=False))


def test_a_claim_naming_a_missing_line_is_not_a_claim_failure() -> None:
    example = Example(path="t/x.py", claims=parse_claims("'nowhere' < 1"))
    with pytest.raises(SnippetError) as caught:
        check_claims(example, run("a 1"))
    assert type(caught.value) is SnippetError  # not retried as a slow machine's failure
    assert caught.value.problem.startswith("its claim cannot be checked: the claim names")
    assert caught.value.hint == "fix claim= on its fence"


# --- record ----------------------------------------------------------------------------


def test_record_refuses_a_timed_out_run(root: Path) -> None:
    with pytest.raises(SnippetError, match="still running"):
        record(X, run("half", returncode=None), root)
    assert not (root / "snippets" / "t" / "x.out").exists()


def test_record_deletes_a_stale_err(root: Path) -> None:
    stale = write(root, "x.err", "old warning")
    write(root, "x.out", "out")
    assert record(X, run("out"), root) == ["snippets/t/x.err"]
    assert not stale.exists()


def test_record_writes_both_streams_with_final_newlines(root: Path) -> None:
    example = Example(path="t/x.py", stderr=True)
    assert record(example, run("a", "b", stderr=("w",)), root) == [
        "snippets/t/x.out",
        "snippets/t/x.err",
    ]
    assert (root / "snippets/t/x.out").read_bytes() == b"a\nb\n"
    assert (root / "snippets/t/x.err").read_bytes() == b"w\n"
    assert record(example, run(stderr=("w",)), root) == ["snippets/t/x.out"]
    assert (root / "snippets/t/x.out").read_bytes() == b""


def test_a_failed_write_leaves_no_temporary_file(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(root, "x.out", "old")

    def broken(self: Path, target: Path) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(Path, "replace", broken)
    with pytest.raises(OSError, match="disk full"):
        record(X, run("new"), root)
    assert sorted(p.name for p in (root / "snippets" / "t").iterdir()) == ["x.out"]
    assert (root / "snippets/t/x.out").read_text() == "old\n"


def test_record_writes_atomically_through_a_temporary_file(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    real = Path.replace

    def spy(self: Path, target: Path) -> Path:
        seen.append(self.name)
        assert self.parent == Path(target).parent and self.read_text() == "new\n"
        return real(self, target)

    monkeypatch.setattr(Path, "replace", spy)
    record(X, run("new"), root)
    assert len(seen) == 1 and seen[0].startswith(".x.out.") and seen[0].endswith(".tmp")
    assert [p.name for p in (root / "snippets" / "t").iterdir()] == ["x.out"]


def test_matrix_recording_only_where_the_interpreter_prints_differently(root: Path) -> None:
    write(root, "x.out", "took 1.00 s")
    # Same output on 3.12 (within tolerance): no x.3.12.out.
    assert record(X, run("took 1.10 s", python="3.12"), root) == []
    assert not (root / "snippets/t/x.3.12.out").exists()
    # Different: its own recording.
    assert record(X, run("other", python="3.12"), root) == ["snippets/t/x.3.12.out"]
    # Back to the same: the now useless one is deleted.
    assert record(X, run("took 1.00 s", python="3.12"), root) == ["snippets/t/x.3.12.out"]
    assert not (root / "snippets/t/x.3.12.out").exists()
    # An interpreter the page shows (a tab) always has its own, even when identical.
    tabs = Example(path="t/x.py", pythons=("3.14", "3.14t"))
    assert record(tabs, run("took 1.00 s", python="3.14t", gil=False), root) == [
        "snippets/t/x.3.14t.out"
    ]


def test_matrix_stderr_is_compared_with_the_build_interpreters_stderr(root: Path) -> None:
    errs = Example(path="t/x.py", stderr=True)
    write(root, "x.out", "same")
    write(root, "x.err", "warn")
    assert record(errs, run("same", stderr=("warn",), python="3.12"), root) == []
    assert record(errs, run("same", stderr=("other",), python="3.12"), root) == [
        "snippets/t/x.3.12.err"
    ]


def test_a_free_order_recording_is_kept_when_only_the_order_changed(root: Path) -> None:
    free = Example(path="t/x.py", order="free")
    write(root, "x.out", "a", "b")
    assert record(free, run("b", "a"), root) == []
    check(free, run("b", "a"), root)
    assert record(free, run("b", "c"), root) == ["snippets/t/x.out"]
    assert (root / "snippets/t/x.out").read_text() == "b\nc\n"


def test_matrix_recording_without_a_default_is_written(root: Path) -> None:
    assert record(X, run("only", python="3.12"), root) == ["snippets/t/x.3.12.out"]


def test_recording_falls_back_to_the_build_interpreters(root: Path) -> None:
    assert recording(X, "3.12", "stdout", root) == "snippets/t/x.out"
    assert recording(X, "3.14", "stdout", root) == "snippets/t/x.out"
    assert recording(X, "3.12", "stderr", root) == "snippets/t/x.err"
    write(root, "x.3.12.out", "own")
    assert recording(X, "3.12", "stdout", root) == "snippets/t/x.3.12.out"
    assert recording(X, "3.13", "stdout", root) == "snippets/t/x.out"
    tabs = Example(path="t/x.py", pythons=("3.14", "3.14t"))
    assert recording(tabs, "3.14t", "stdout", root) == "snippets/t/x.3.14t.out"


def test_check_compares_a_matrix_run_with_its_own_recording(root: Path) -> None:
    write(root, "x.out", "default")
    write(root, "x.3.12.out", "older")
    check(X, run("older", python="3.12"), root)
    check(X, run("default", python="3.13"), root)
    with pytest.raises(SnippetError) as caught:
        check(X, run("default", python="3.12"), root)
    assert "snippets/t/x.3.12.out (recorded)" in caught.value.details
    assert "`nox -s update-outputs -- --python 3.12 t/x.py`" in caught.value.hint


def test_stray_recordings(root: Path) -> None:
    (root / "snippets" / "u").mkdir()
    names = [
        "t/x.out",  # fine
        "t/x.3.12.out",  # fine: a matrix interpreter
        "t/x.3.14t.out",  # fine
        "t/x.err",  # the fence does not expect stderr
        "t/x.3.9.out",  # not in the matrix
        "t/y.out",  # y.py is not embedded
        "t/x.notes.out",  # not a recording name
        "u/old.3.11.out",  # min_python 3.13 on that example
        "u/old.3.13.err",  # fine: stderr expected
    ]
    for name in names:
        (root / "snippets" / name).write_text("x\n")
    examples = [X, Example(path="u/old.py", min_python=(3, 13), stderr=True)]
    assert stray_recordings(root, examples) == [
        "snippets/t/x.3.9.out: a recording that nothing compares: 3.9 is not an interpreter the "
        "guide runs (3.11 3.12 3.13 3.14 3.14t); delete it",
        "snippets/t/x.err: a recording that nothing compares: its fence does not say "
        'stderr="expected"; delete it',
        "snippets/t/x.notes.out: a recording that nothing compares: no snippet beside it is "
        "embedded in a page; delete it",
        "snippets/t/y.out: a recording that nothing compares: no snippet beside it is embedded "
        "in a page; delete it",
        "snippets/u/old.3.11.out: a recording that nothing compares: its fence says min_python, "
        "so it never runs on 3.11; delete it",
    ]


def test_update_hint_template() -> None:
    assert outputs.UPDATE_HINT == "nox -s update-outputs -- {path}"
