"""The timeline chart of a run (execdocs/timeline.py), from hand-made runs."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET

import pytest

from execdocs.examples import Example, FenceError
from execdocs.runner import Line, Run
from execdocs.timeline import lanes_of, overlaps, render, ticks

SVG = "{http://www.w3.org/2000/svg}"


def make_run(*lines: tuple[float, str], duration: float = 3.1, path: str = "x/demo.py") -> Run:
    return Run(
        path=path,
        stdout=tuple(Line(t, text) for t, text in lines),
        stderr=(),
        returncode=0,
        duration=duration,
        timeout=30,
    )


CONCURRENT = make_run(
    (0.03, "Task A starting"),
    (0.03, "Task B starting"),
    (2.03, "Task A completed"),
    (3.03, "Task B completed"),
    (3.04, "Both tasks are done!"),
)
SEQUENTIAL = make_run(
    (0.0, "Task A starting"),
    (2.0, "Task A completed"),
    (2.0, "Task B starting"),
    (5.0, "Task B completed"),
    (5.0, "Both tasks are done!"),
    duration=5.05,
)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def words(run: Run, lanes: str | None = None) -> str:
    """The chart's text alternative (its <desc>)."""
    desc = parse(render(run, lanes)).find(f"{SVG}desc")
    assert desc is not None and desc.text is not None
    return desc.text


def spans(svg: str) -> dict[str, tuple[float, float]]:
    return {
        rect.get("data-lane", ""): (
            float(rect.get("data-start", "")),
            float(rect.get("data-end", "")),
        )
        for rect in parse(svg).iter(f"{SVG}rect")
        if "xd-tl-span" in rect.get("class", "")
    }


def test_lanes_come_from_the_first_group_in_order_of_appearance() -> None:
    lanes, rest = lanes_of(CONCURRENT.merged(), r"Task (\w+)")
    assert [lane.name for lane in lanes] == ["A", "B"]
    assert [(lane.start, lane.end) for lane in lanes] == [(0.03, 2.03), (0.03, 3.03)]
    assert [line.text for line in rest] == ["Both tasks are done!"]


def test_without_a_group_the_whole_match_names_the_lane() -> None:
    lanes, _ = lanes_of(CONCURRENT.merged(), r"Task \w")
    assert [lane.name for lane in lanes] == ["Task A", "Task B"]


def test_without_a_pattern_every_line_is_a_mark_on_one_row() -> None:
    lanes, rest = lanes_of(CONCURRENT.merged(), None)
    assert lanes == [] and len(rest) == 5
    root = parse(render(CONCURRENT))
    assert not spans(render(CONCURRENT))
    marks = [c for c in root.iter(f"{SVG}circle") if "xd-tl-mark" in c.get("class", "")]
    assert [float(c.get("data-t", "")) for c in marks] == [0.03, 0.03, 2.03, 3.03, 3.04]
    desc = root.find(f"{SVG}desc")
    assert desc is not None and "5 lines of output: 'Task A starting' at 0.03 s" in (
        desc.text or ""
    )


def test_spans_run_from_first_to_last_line_of_each_lane() -> None:
    svg = render(CONCURRENT, r"(Task \w+)")
    assert spans(svg) == {"Task A": (0.03, 2.03), "Task B": (0.03, 3.03)}
    root = parse(svg)
    rects = {r.get("data-lane"): r for r in root.iter(f"{SVG}rect")}
    # Drawn to scale: B's bar is half as long again as A's.
    width_a, width_b = (float(rects[name].get("width", "")) for name in ("Task A", "Task B"))
    assert width_b == pytest.approx(width_a * 1.5, rel=0.01)
    assert rects["Task A"].get("x") == rects["Task B"].get("x")


def test_overlap_is_found_only_when_spans_share_time() -> None:
    concurrent, _ = lanes_of(CONCURRENT.merged(), r"Task (\w+)")
    sequential, _ = lanes_of(SEQUENTIAL.merged(), r"Task (\w+)")
    assert [(a.name, b.name, s, e) for a, b, s, e in overlaps(concurrent)] == [
        ("A", "B", 0.03, 2.03)
    ]
    assert overlaps(sequential) == []  # B starts the instant A ends: back to back


def test_axis_covers_the_whole_run_with_round_ticks() -> None:
    assert ticks(3.05) == (4, [0, 1, 2, 3, 4])
    assert ticks(5.05) == (6, [0, 2, 4, 6])
    assert ticks(5) == (5, [0, 1, 2, 3, 4, 5])  # a fifth of the run is exactly one step
    end, positions = ticks(0.42)
    assert end == pytest.approx(0.5)
    assert positions == pytest.approx([0, 0.1, 0.2, 0.3, 0.4, 0.5])
    labels = [
        t.text for t in parse(render(SEQUENTIAL)).iter(f"{SVG}text") if "tick" in t.get("class", "")
    ]
    assert labels == ["0 s", "2 s", "4 s", "6 s"]
    small = [t.text for t in parse(render(make_run((0.1, "x"), duration=0.42))).iter(f"{SVG}text")]
    assert "0.5 s" in small and "0.1 s" in small


def test_text_alternative_states_spans_and_overlap() -> None:
    root = parse(render(CONCURRENT, r"Task (\w+)"))
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and desc is not None
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert desc.text == (
        "A ran from 0.03 s to 2.03 s; B ran from 0.03 s to 3.03 s. "
        "Overlapping: A and B from 0.03 s to 2.03 s. 1 other line at 3.04 s. "
        "The whole run took 3.10 s."
    )
    seq = parse(render(SEQUENTIAL, r"Task (\w+)")).find(f"{SVG}desc")
    assert seq is not None and "No two lanes overlapped" in (seq.text or "")


def test_text_is_escaped_in_labels_marks_and_description() -> None:
    run = make_run((0.1, 'Task <b>&"x" starting'), (0.2, "</svg><script>alert(1)</script>"))
    svg = render(run, r"Task (\S+)")
    root = parse(svg)  # well-formed XML: nothing broke out of its element
    assert "<script>" not in svg and "<b>" not in svg
    labels = [t.text for t in root.iter(f"{SVG}text") if "label" in t.get("class", "")]
    assert labels[0] == '<b>&"x"'
    assert spans(svg) == {'<b>&"x"': (0.1, 0.1)}
    marks = [t.text for t in root.iter(f"{SVG}title")]
    assert "0.20 s: </svg><script>alert(1)</script>" in marks


def test_long_lane_names_are_shortened_on_the_chart_but_not_in_words() -> None:
    run = make_run((0.1, "worker-process-number-12 up"), (0.5, "worker-process-number-12 up"))
    root = parse(render(run, r"(\S+) up"))
    label = next(t.text for t in root.iter(f"{SVG}text") if "label" in t.get("class", ""))
    assert label is not None and label.endswith("…") and len(label) <= 11
    desc = root.find(f"{SVG}desc")
    assert desc is not None and "worker-process-number-12 ran from 0.10 s" in (desc.text or "")


def test_an_empty_run_still_has_an_axis_and_words() -> None:
    root = parse(render(make_run(duration=0.04)))
    desc = root.find(f"{SVG}desc")
    assert (
        desc is not None and desc.text == "The program printed nothing. The whole run took 0.04 s."
    )
    assert any("xd-tl-axis" in line.get("class", "") for line in root.iter(f"{SVG}line"))


def test_stderr_lines_are_on_the_chart_too() -> None:
    run = Run("x.py", (Line(0.1, "Task A starting"),), (Line(0.2, "Task A failed"),), 1, 0.3, 30)
    assert spans(render(run, r"Task (\w+)")) == {"A": (0.1, 0.2)}


def test_one_lane_alone_is_not_said_to_overlap_or_not() -> None:
    run = make_run((0.1, "Task A starting"), (0.5, "Task A done"))
    assert words(run, r"Task (\w+)") == "A ran from 0.10 s to 0.50 s. The whole run took 3.10 s."
    once = make_run((0.1, "Task A starting"))
    assert words(once, r"Task (\w+)") == "A printed once, at 0.10 s. The whole run took 3.10 s."


def test_every_overlapping_pair_and_every_other_line_is_listed() -> None:
    run = make_run(
        (0.1, "Task A starting"),
        (0.2, "Task B starting"),
        (0.3, "Task C starting"),
        (0.4, "waiting"),
        (1.0, "Task A done"),
        (2.0, "Task B done"),
        (3.0, "Task C done"),
        (3.05, "all done"),
    )
    assert words(run, r"Task (\w+)") == (
        "A ran from 0.10 s to 1.00 s; B ran from 0.20 s to 2.00 s; C ran from 0.30 s to 3.00 s."
        " Overlapping: A and B from 0.20 s to 1.00 s; A and C from 0.30 s to 1.00 s;"
        " B and C from 0.30 s to 2.00 s. 2 other lines at 0.40 s, 3.05 s."
        " The whole run took 3.10 s."
    )


def test_without_lanes_the_words_list_the_first_eight_lines() -> None:
    one = make_run((0.1, "x"))
    assert words(one) == "1 line of output: 'x' at 0.10 s. The whole run took 3.10 s."
    two = make_run((0.1, "x"), (0.2, "y"))
    assert words(two) == (
        "2 lines of output: 'x' at 0.10 s; 'y' at 0.20 s. The whole run took 3.10 s."
    )
    eight = make_run(*((i / 10, str(i)) for i in range(8)))
    assert words(eight).startswith("8 lines of output: '0' at 0.00 s;")
    assert words(eight).endswith("'7' at 0.70 s. The whole run took 3.10 s.")
    nine = make_run(*((i / 10, str(i)) for i in range(9)))
    assert words(nine).endswith("'7' at 0.70 s; and 1 more. The whole run took 3.10 s.")


def test_chart_ids_keep_letters_digits_underscores_and_dashes() -> None:
    run = dataclasses.replace(make_run(path="./XML parse_2.py"), python="3.14t")
    svg = parse(render(run))
    ident = "xd-tl-XML-parse_2-py-3-14t"
    assert svg.get("aria-labelledby") == f"{ident}-title {ident}-desc"


def test_chart_ids_are_unique_per_snippet() -> None:
    first = parse(render(make_run(path="futures/a.py"))).get("aria-labelledby")
    second = parse(render(make_run(path="futures/b.py"))).get("aria-labelledby")
    assert first != second


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("Task (", "not a regular expression"),
        ("(\\w*)", "must not match an empty line"),
        ("", "must not match"),
    ],
)
def test_lanes_option_is_validated(value: str, message: str) -> None:
    with pytest.raises(FenceError, match=message):
        Example.from_fence("threading/two_tasks.py", {"lanes": value})


def test_lanes_option_is_kept() -> None:
    example = Example.from_fence("threading/two_tasks.py", {"lanes": r"Task (\w+)"})
    assert example.lanes == r"Task (\w+)"
    assert Example.from_fence("threading/two_tasks.py", {}).lanes is None
