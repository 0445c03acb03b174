"""Comparing runs with recordings, and reading run fences."""

from __future__ import annotations

from pathlib import Path

import pytest

from execdocs.examples import Example, FenceError, Tolerance, discover, iter_fences
from execdocs.outputs import SnippetError, check, diff, line_matches, record
from execdocs.runner import Line, Run


@pytest.mark.parametrize(
    ("recorded", "actual", "same"),
    [
        ("took 3.00 s", "took 3.00 s", True),
        ("took 3.00 s", "took 3.21 s", True),  # timings: within tolerance
        ("took 3.00 s", "took 5.02 s", False),
        ("took 3.00 s", "took 3.00 ms", False),  # text around numbers is exact
        ("speed-up 1.95x", "speed-up 1.71x", True),
        ("count 1000", "count 1001", False),  # whole numbers are exact
        ("<Task at 0x7f12ab>", "<Task at 0x55aa00ff>", True),  # addresses never match exactly
        ("Task A starting", "Task B starting", False),
    ],
)
def test_line_matching(recorded: str, actual: str, same: bool) -> None:
    assert line_matches(recorded, actual, tolerance=Tolerance()) is same


def test_exact_order_matters_unless_declared_free() -> None:
    recorded, shuffled = ["a", "b", "c"], ["c", "a", "b"]
    assert diff(recorded, shuffled, order="exact", tolerance=Tolerance(), name="x.out")
    assert not diff(recorded, shuffled, order="free", tolerance=Tolerance(), name="x.out")
    assert diff(recorded, ["c", "a", "a"], order="free", tolerance=Tolerance(), name="x.out")
    assert diff(recorded, ["a", "b"], order="free", tolerance=Tolerance(), name="x.out")


def _run(*lines: str, stderr: tuple[str, ...] = (), returncode: int | None = 0) -> Run:
    return Run(
        path="snippets/x.py",
        stdout=tuple(Line(i * 0.1, text) for i, text in enumerate(lines)),
        stderr=tuple(Line(0.0, text, "stderr") for text in stderr),
        returncode=returncode,
        duration=1.0,
        timeout=5.0,
    )


def test_record_then_check_round_trip(tmp_path: Path) -> None:
    (tmp_path / "snippets").mkdir()
    example = Example(path="x.py")
    assert record(example, _run("took 1.00 s"), tmp_path) == ["snippets/x.out"]
    check(example, _run("took 1.10 s"), tmp_path)
    # An equivalent run leaves the recording alone, so reviews show only real changes.
    assert record(example, _run("took 1.10 s"), tmp_path) == []
    with pytest.raises(SnippetError, match="stdout drifted"):
        check(example, _run("took 1.00 s", "extra"), tmp_path)


def test_stderr_is_recorded_only_when_expected(tmp_path: Path) -> None:
    (tmp_path / "snippets").mkdir()
    with pytest.raises(SnippetError, match="wrote to stderr"):
        record(Example(path="x.py"), _run("out", stderr=("warn",)), tmp_path)
    assert not (tmp_path / "snippets" / "x.out").exists()
    example = Example(path="x.py", stderr=True)
    assert record(example, _run("out", stderr=("warn",)), tmp_path) == [
        "snippets/x.out",
        "snippets/x.err",
    ]
    with pytest.raises(SnippetError, match="stderr drifted"):
        check(example, _run("out", stderr=("other",)), tmp_path)


def test_tolerance_any_compares_only_the_text_around_numbers() -> None:
    any_number = Example.from_fence("x.py", {"tolerance": "any"}).tolerance
    assert line_matches("4 processes: 0.00 s", "4 processes: 9.75 s", any_number)
    assert not line_matches("4 processes: 0.00 s", "4 threads: 0.00 s", any_number)
    assert not line_matches("count 1000", "count 1001", any_number)


def test_requires_names_importable_modules_and_anchor_is_stable() -> None:
    example = Example.from_fence("distributed/local_cluster.py", {"requires": "dask[distributed]"})
    assert example.requires == ("dask[distributed]",) and example.imports == {"dask"}
    assert example.anchor == "example-distributed-local_cluster"


def test_fence_settings() -> None:
    example = Example.from_fence(
        "threading/x.py",
        {"order": "free", "timeout": "60", "min_python": "3.14", "machine": "whole"},
    )
    assert (example.order, example.timeout, example.min_python, example.alone) == (
        "free",
        60.0,
        (3, 14),
        True,
    )
    assert not example.supported("3.11") and example.supported("3.14")
    with pytest.raises(FenceError, match="unknown option ordr"):
        Example.from_fence("x.py", {"ordr": "free"}, page="docs/a.md", line=3)
    with pytest.raises(FenceError, match="exactly one snippet path"):
        Example.from_fence("a.py b.py", {})
    with pytest.raises(FenceError, match=r'order="random" must be one of exact \| free'):
        Example.from_fence("a.py", {"order": "random"})


def test_discovery_skips_fences_shown_inside_fences_and_rejects_duplicates(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shown = "````md\n```run\nshown.py\n```\n````\n"
    (docs / "a.md").write_text(
        shown + '=== "Tab"\n\n    ```run order="free"\n    real.py\n    ```\n'
    )
    assert [(e.path, e.order, e.page, e.line) for e in discover(tmp_path)] == [
        ("real.py", "free", "docs/a.md", 8)
    ]
    assert [f.language for f in iter_fences(shown)] == ["md"]
    (docs / "b.md").write_text("```run\nreal.py\n```\n")
    with pytest.raises(FenceError, match=r"already embedded at docs/a\.md:8"):
        discover(tmp_path)


def test_spaces_before_a_right_aligned_number_may_vary() -> None:
    """f"{t:8.2f}" pads a shorter number with more spaces; the text around it is the same."""
    shorter = "fork, start + join:        4.80 ms"
    assert line_matches(shorter, "fork, start + join:       18.85 ms", Tolerance(numbers=False))
    assert line_matches("a:     8.70 ms", "a:    32.44 ms", Tolerance(numbers=False))
    assert not line_matches("a 1.00 s", "a1.00 s", Tolerance())  # a space is still needed
