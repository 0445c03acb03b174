"""What a page shows (execdocs/fence.py, timeline.py, plugin.py), from hand-made runs:
escaping, the summary line, tabs, the failure box, chart coordinates, the cache switch."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import markdown
import pytest

from execdocs import fence, interpreters
from execdocs.build import Build, Shown, Tab
from execdocs.examples import Example
from execdocs.plugin import use_cache
from execdocs.runner import Line, Run
from execdocs.timeline import LABEL_WIDTH, RIGHT_MARGIN, WIDTH, lanes_of, render

SVG = "{http://www.w3.org/2000/svg}"
MD = markdown.Markdown(extensions=["pymdownx.superfences"])


def run(*lines: tuple[float, str], stderr: tuple[tuple[float, str], ...] = (), **kw: object) -> Run:
    fields: dict[str, object] = {
        "path": "snippets/t/x.py",
        "stdout": tuple(Line(t, text) for t, text in lines),
        "stderr": tuple(Line(t, text, "stderr") for t, text in stderr),
        "returncode": 0,
        "duration": 2.0,
        "timeout": 30.0,
        "started": "2026-03-04T05:06:07+00:00",
        "machine": "m",
    }
    fields.update(kw)
    return Run(**fields)  # type: ignore[arg-type]


X = Example(path="t/x.py")


# --- the output block ------------------------------------------------------------------


def test_output_lines_are_escaped_in_the_output_block_itself() -> None:
    html = fence._tab_html(
        X, Tab("3.14", run((0.1, "<script>alert(1)</script>"), (0.2, "a & b"))), None
    )
    block = re.search(r'<div class="language-text highlight xd-output">.*?</pre></div>', html, re.S)
    assert block is not None
    assert (
        '<span class="xd-line xd-stdout" data-t="0.10s">'
        "&lt;script&gt;alert(1)&lt;/script&gt;</span>" in block[0]
    )
    assert 'data-t="0.20s">a &amp; b</span>' in block[0]
    assert "<script>" not in html


def test_stderr_lines_are_marked_and_merged_in_time_order() -> None:
    html = fence._tab_html(
        X, Tab("3.14", run((0.1, "out"), (0.3, "later"), stderr=((0.2, "warn"),))), None
    )
    assert re.findall(r'class="xd-line xd-(\w+)" data-t="([\d.]+)s">(\w+)<', html) == [
        ("stdout", "0.10", "out"),
        ("stderr", "0.20", "warn"),
        ("stdout", "0.30", "later"),
    ]


def test_an_empty_run_says_so() -> None:
    html = fence._tab_html(X, Tab("3.14", run()), None)
    assert '<span class="xd-line xd-empty">(no output)</span>' in html


def test_the_failure_box_escapes_the_message() -> None:
    html = fence._tab_html(X, Tab("3.14", None, "bad <b>thing</b> & more"), None)
    assert html == fence.failure("bad <b>thing</b> & more")
    assert "<pre><code>bad &lt;b&gt;thing&lt;/b&gt; &amp; more</code></pre>" in html
    assert "This example failed when the site was built" in html
    # A failed run the build gave no message for: the box, with nothing in it.
    assert fence._tab_html(X, Tab("3.14", None), None) == fence.failure("")


def test_summary_baseline_cache_and_try_it() -> None:
    plain = fence._summary(X, run(duration=1.234), None)
    assert (
        plain
        == "Whole run: <strong>1.23 s</strong> · try it: download it, then <code>python x.py</code>"
    )
    base = run(duration=3.0, path="snippets/t/seq.py")
    faster = fence._summary(X, run(duration=1.0), base)
    assert (
        " · one after another (<code>snippets/t/seq.py</code>): <strong>3.00 s</strong>, "
        "so overlapping saved 2.00 s" in faster
    )
    slower = fence._summary(X, run(duration=4.0), base)
    assert "<strong>3.00 s</strong> · try it" in slower and "saved" not in slower
    cached = fence._summary(X, run(from_cache=True), None)
    assert cached == (
        "Whole run: <strong>2.00 s</strong> · from the build cache: unchanged since its run on "
        "2026-03-04 05:06 UTC · try it: download it, then <code>python x.py</code>"
    )
    other = fence._summary(X, run(python="3.14t"), None)
    assert "try it: download it, then <code>python3.14t x.py</code>" in other
    needs = Example(path="t/x.py", requires=("dask[distributed]==1", "a<2"))
    assert fence._summary(needs, run(), None).endswith(
        'after <code>python -m pip install "dask[distributed]==1" "a&lt;2"</code>'
    )


def test_overlapping_saved_is_said_only_when_the_run_was_faster() -> None:
    base = run(duration=3.0, path="snippets/t/seq.py")
    assert ", so overlapping saved 0.50 s" in fence._summary(X, run(duration=2.5), base)
    same = fence._summary(X, run(duration=3.0), base)
    assert "<strong>3.00 s</strong> · try it" in same and "saved" not in same


def test_checked_line() -> None:
    assert fence._checked(X, run()) == (
        "Checked against its recording on Python 3.11, 3.12, 3.13, 3.14 and 3.14t"
    )
    only = Example(path="t/x.py", min_python=(3, 14))
    assert fence._checked(only, run(python="3.14t", gil_enabled=False)) == (
        "Checked against its recording on Python 3.14 and 3.14t · GIL off for the whole run "
        "(<code>sys._is_gil_enabled()</code> at exit)"
    )
    assert "GIL off" not in fence._checked(X, run(gil_enabled=None))
    assert "GIL off" not in fence._checked(X, run(gil_enabled=True))


def test_checked_line_with_one_interpreter_names_just_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(interpreters, "MATRIX", ("3.13", "3.14"))
    only = Example(path="t/x.py", min_python=(3, 14))
    assert fence._checked(only, run()) == "Checked against its recording on Python 3.14"


def test_one_interpreter_no_tabs_several_tabs(tmp_path: Path) -> None:
    one = fence.render(Shown(X, (Tab("3.14", run((0.1, "hi"))),)), "print('hi')\n", MD)
    assert one.startswith(
        '<div class="xd-example" data-snippet="t/x.py">'
        '<span class="xd-anchor" id="example-t-x"></span>'
    )
    assert "tabbed-set" not in one and "Output on Python 3.14 " in one
    tabs = Example(path="t/x.py", pythons=("3.14", "3.14t"), title="Two <Pythons>")
    shown = Shown(
        tabs,
        (Tab("3.14", run((0.1, "gil"))), Tab("3.14t", None, "broke")),
        baseline=run(duration=9.0, path="snippets/t/seq.py"),
    )
    html = fence.render(shown, "print('hi')\n", MD)
    assert '<div class="tabbed-set tabbed-alternate xd-pythons" data-tabs="1:2">' in html
    assert (
        '<input checked="checked" id="example-t-x-runs-0" name="example-t-x-runs" type="radio">'
        in html
    )
    assert '<input id="example-t-x-runs-1" name="example-t-x-runs" type="radio">' in html
    assert '<label for="example-t-x-runs-1">Python 3.14t (free-threaded)</label>' in html
    assert html.count("one after another") == 1  # the baseline on the first tab only
    assert "This example failed" in html and ">broke<" in html
    assert "Two &lt;Pythons&gt;" in html
    both = Shown(
        tabs,
        (Tab("3.14", run((0.1, "gil"))), Tab("3.14t", run((0.1, "free"), python="3.14t"))),
        baseline=run(duration=9.0, path="snippets/t/seq.py"),
    )
    html = fence.render(both, "print('hi')\n", MD)
    assert html.count("one after another") == 1  # the baseline on the first tab only
    assert (
        'type="radio"><input id="example-t-x-runs-1" name="example-t-x-runs" type="radio">'
        '<div class="tabbed-labels"><label for="example-t-x-runs-0">Python 3.14</label>'
        '<label for="example-t-x-runs-1">' in html
    )


def test_every_tab_links_to_the_source_on_github() -> None:
    tabs = Example(path="t/x.py", pythons=("3.14", "3.14t"))
    shown = Shown(tabs, (Tab("3.14", run()), Tab("3.14t", run(python="3.14t"))))
    html = fence.render(shown, "print('hi')\n", MD, "https://github.com/o/r")
    assert html.count('<a href="https://github.com/o/r/blob/main/snippets/t/x.py">') == 2
    one = fence.render(Shown(X, (Tab("3.14", run()),)), "print('hi')\n", MD, "https://x.org/o")
    assert '<a href="https://x.org/o/blob/main/snippets/t/x.py">source on GitHub</a>' in one


def test_one_tab_shows_title_highlighted_source_and_baseline() -> None:
    titled = Example(path="t/x.py", title="A <title>")
    html = fence.render(
        Shown(titled, (Tab("3.14", run((0.1, "hi"))),), run(duration=9.0, path="snippets/t/s.py")),
        "print('hi')\n",
        MD,
    )
    assert "A &lt;title&gt;" in html
    assert "one after another (<code>snippets/t/s.py</code>)" in html
    assert fence.failure("x").startswith(
        '<div class="admonition failure"><p class="admonition-title">This example failed'
    )


def test_the_fence_asks_the_build(tmp_path: Path) -> None:
    (tmp_path / "snippets" / "t").mkdir(parents=True)
    (tmp_path / "snippets" / "t" / "x.py").write_text("print('hi')\n")
    build = Build(tmp_path, pytest.fail)
    build.examples = {"t/x.py": X}
    from concurrent.futures import Future

    from execdocs.build import Job

    done: Future[Run] = Future()
    done.set_result(run((0.1, "hi")))
    build.results = {Job(X): done}
    format_run = fence.formatter(lambda: build)
    html = format_run(" t/x.py\n", "run", "run", {}, MD)
    assert 'data-snippet="t/x.py"' in html and ">hi</span>" in html
    missing = format_run("t/none.py", "run", "run", {}, MD)
    assert missing == fence.failure("the run fence for 't/none.py' was not found by discovery")
    with pytest.raises(RuntimeError) as caught:
        fence.formatter(lambda: None)("t/x.py", "run", "run", {}, MD)
    assert str(caught.value) == "the run fence needs the execdocs plugin in mkdocs.yml"
    # With the repository's address, the example links to its source there.
    linked = fence.formatter(lambda: build, "https://github.com/o/r")("t/x.py", "run", "", {}, MD)
    assert ' · <a href="https://github.com/o/r/blob/main/snippets/t/x.py">' in linked
    inputs = {"x": "1"}
    assert fence.validator("run", inputs, {}, {}, MD) is True and inputs == {}


# --- the cache switch --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("configured", "environ", "on"),
    [
        (True, {}, True),
        (False, {}, False),
        (True, {"CI": "true"}, False),
        (True, {"CI": "1"}, True),
        (True, {"EXECDOCS_FRESH": "1"}, False),
        (True, {"EXECDOCS_FRESH": "0"}, True),
        (True, {"EXECDOCS_FRESH": ""}, True),
    ],
)
def test_use_cache(configured: bool, environ: dict[str, str], on: bool) -> None:
    assert use_cache(configured, environ) is on


# --- timeline coordinates ---------------------------------------------------------------


def _marks(svg: str) -> list[tuple[float, float]]:
    root = ET.fromstring(svg)
    return [
        (float(c.get("cx", "")), float(c.get("cy", "")))
        for c in root.iter(f"{SVG}circle")
        if "xd-tl-mark" in c.get("class", "")
    ]


def test_marks_are_placed_to_scale_and_clamped_at_the_end_of_the_axis() -> None:
    plot = WIDTH - LABEL_WIDTH - RIGHT_MARGIN
    # Axis to 4 s (duration 3.5): 0 s at the left edge, 2 s in the middle, 4 s at the right.
    svg = render(run((0.0, "a"), (2.0, "b"), (4.0, "c"), duration=3.5))
    xs = [x for x, _ in _marks(svg)]
    assert xs == [LABEL_WIDTH, round(LABEL_WIDTH + plot / 2, 1), LABEL_WIDTH + plot]
    # A line printed after the measured duration (the pipes drain after exit) stretches
    # the axis: it is drawn inside the chart, never beyond its right edge.
    late = render(run((9.0, "late"), duration=0.4))
    ((x_late, _),) = _marks(late)
    assert x_late == round(LABEL_WIDTH + plot * 9 / 10, 1)
    ticks = [t.text for t in ET.fromstring(late).iter(f"{SVG}text") if "tick" in t.get("class", "")]
    assert ticks[-1] == "10 s"


def test_lane_rows_and_span_geometry() -> None:
    svg = render(
        run(
            (0.0, "Task A starting"),
            (1.0, "Task B starting"),
            (3.0, "Task A done"),
            (4.0, "end"),
            duration=4.0,
        ),
        r"Task (\w+)",
    )
    root = ET.fromstring(svg)
    plot = WIDTH - LABEL_WIDTH - RIGHT_MARGIN
    rects = {r.get("data-lane"): r for r in root.iter(f"{SVG}rect")}
    a, b = rects["A"], rects["B"]
    assert float(a.get("x", "")) == LABEL_WIDTH
    assert float(a.get("width", "")) == pytest.approx(plot * 3 / 4, abs=0.1)
    assert float(b.get("x", "")) == pytest.approx(LABEL_WIDTH + plot / 4, abs=0.1)
    assert float(b.get("width", "")) == 0  # one line: a span of no length
    marks = _marks(svg)
    # Rows stack down the chart: lane A, lane B, then the other lines.
    assert sorted({y for _, y in marks}) == [20.0, 44.0, 68.0]
    assert root.get("viewBox") == f"0 0 {WIDTH} {8 + 24 * 3 + 30}"


def test_lanes_match_anywhere_in_the_line() -> None:
    lanes, rest = lanes_of(
        [Line(0.1, "[12:00] Task A up"), Line(0.2, "worker: Task B up"), Line(0.3, "done")],
        r"Task (\w)",
    )
    assert [lane.name for lane in lanes] == ["A", "B"] and [line.text for line in rest] == ["done"]


def test_chart_ids_differ_by_path_and_interpreter() -> None:
    ids = {
        ET.fromstring(render(run(path=path, python=python))).get("aria-labelledby")
        for path in ("snippets/t/a.py", "snippets/t/b.py")
        for python in ("3.14", "3.14t")
    }
    assert len(ids) == 4
    one = ET.fromstring(render(run(path="snippets/t/a.py", python="3.14t")))
    assert (
        one.get("aria-labelledby")
        == "xd-tl-snippets-t-a-py-3-14t-title xd-tl-snippets-t-a-py-3-14t-desc"
    )
