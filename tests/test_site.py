"""The real site, built once with `properdocs build` (see conftest), as a reader gets it."""

from __future__ import annotations

import os
import re
import sys
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path

import pytest

from execdocs.examples import discover

from .conftest import ROOT, assert_sound
from .page_links import PageLinks, css_urls

SEED = ["Task A starting", "Task B starting", "Task A completed", "Task B completed"]
SEED_PAGES = {
    "threading": [[*SEED, "Both tasks are done!"]],
    "multiprocessing": [[*SEED, "Both processes are done!"]],
    "asyncio": [[*SEED, "Both tasks are done!"]],
    "futures": [[*SEED, "Both tasks are done!"]] * 2,  # ThreadPoolExecutor, ProcessPoolExecutor
}
_LINE = re.compile(r'<span class="xd-line xd-(stdout|stderr)" data-t="(\d+\.\d\ds)">(.*?)</span>')
_OUTPUT = re.compile(r'<div class="language-text highlight xd-output">.*?</pre></div>', re.S)
_RUN = re.compile(r'<div class="xd-run">.*?<p class="xd-summary">', re.S)
_SVG = re.compile(r'<svg class="xd-timeline".*?</svg>', re.S)
_NS = "{http://www.w3.org/2000/svg}"


def outputs(html: str) -> list[list[tuple[str, str]]]:
    """Each output block on a page, as (time stamp, text) pairs."""
    return [
        [(stamp, unescape(text)) for _, stamp, text in _LINE.findall(block)]
        for block in _OUTPUT.findall(html)
    ]


@pytest.mark.parametrize("topic", SEED_PAGES)
def test_seed_example_shows_its_exact_lines(built_site: Path, topic: str) -> None:
    html = (built_site / topic / "index.html").read_text(encoding="utf-8")
    blocks = outputs(html)
    assert [[text for _, text in block] for block in blocks] == SEED_PAGES[topic]
    # Each line's time stamp matches its chart: test_every_output_line_is_a_mark_…
    assert html.count("Whole run: <strong>") == len(blocks)
    assert html.count("one after another (<code>snippets/two_tasks_sequential.py</code>)") == len(
        blocks
    )


@pytest.mark.parametrize("page", ["index.html", *(f"{topic}/index.html" for topic in SEED_PAGES)])
def test_page_states_how_its_outputs_were_made(built_site: Path, page: str) -> None:
    html = (built_site / page).read_text(encoding="utf-8")
    stamp = re.search(r'<aside class="xd-stamp".*?</aside>', html, re.S)
    assert stamp, "no build stamp"
    system = f"{os.uname().sysname} {os.uname().machine}"
    expected = f"Python {sys.version.split()[0]} on {system} with {os.cpu_count()} CPUs"
    assert expected in stamp[0]


_REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)


def test_site_references_no_other_host(built_site: Path) -> None:
    """No font, CDN, analytics or pyodide asset: nothing a page loads lives elsewhere.
    A link a reader may click (a PEP, say) is not a request, but it must use https."""
    offenders = []
    for path in sorted(built_site.rglob("*")):
        if path.suffix not in (".html", ".css"):
            continue
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(built_site)
        if path.suffix == ".css":
            loads = css_urls(text)
        else:
            page = PageLinks(text)
            loads = page.loads
            offenders += [
                f"{where}: links to {link} without https"
                for link in page.clicks
                if _REMOTE.match(link) and not link.startswith("https://")
            ]
        offenders += [f"{where}: loads {target}" for target in loads if _REMOTE.match(target)]
        for word in (
            "pyodide",
            "fonts.googleapis",
            "fonts.gstatic",
            "cdn.jsdelivr",
            "unpkg.com",
            "cdnjs",
        ):
            if word in text:
                offenders.append(f"{where}: mentions {word}")
    assert not offenders, "\n".join(offenders)


def timelines(html: str) -> list[ET.Element]:
    """The timeline chart of each output block on a page (None where one is missing)."""
    charts = []
    for block in _RUN.findall(html):
        assert len(_OUTPUT.findall(block)) == 1, "an output block without its output"
        svg = _SVG.findall(block)
        assert len(svg) == 1, f"output block without exactly one timeline:\n{block[:300]}"
        charts.append(ET.fromstring(svg[0]))
    return charts


def lane_spans(chart: ET.Element) -> dict[str, tuple[float, float]]:
    return {
        rect.get("data-lane", ""): (
            float(rect.get("data-start", "")),
            float(rect.get("data-end", "")),
        )
        for rect in chart.iter(f"{_NS}rect")
        if "xd-tl-span" in rect.get("class", "").split()
    }


def test_every_output_block_has_a_timeline_with_a_text_alternative(built_site: Path) -> None:
    pages = 0
    for page in sorted(built_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        blocks = len(_OUTPUT.findall(html))
        charts = timelines(html)
        assert len(charts) == blocks, page
        pages += bool(blocks)
        for chart in charts:
            assert chart.get("role") == "img"
            assert chart.get("viewBox"), "scales to the column only with a viewBox"
            labelled = chart.get("aria-labelledby", "").split()
            texts = {el.get("id"): (el.text or "") for el in chart if el.get("id")}
            assert len(labelled) == 2 and all(texts.get(ident, "").strip() for ident in labelled)
            desc = texts[labelled[1]]
            assert "The whole run took" in desc, desc
            # Ids are unique on the page, or a screen reader reads another chart's words.
            for ident in labelled:
                assert html.count(f'id="{ident}"') == 1
    assert pages == len({example.page for example in discover(ROOT) if example.supported()})


def test_seed_charts_show_two_tasks_overlapping(built_site: Path) -> None:
    for topic, blocks in SEED_PAGES.items():
        charts = timelines((built_site / topic / "index.html").read_text(encoding="utf-8"))
        assert len(charts) == len(blocks)
        for chart in charts:
            spans = lane_spans(chart)
            assert list(spans) == ["Task A", "Task B"], topic
            (a_start, a_end), (b_start, b_end) = spans["Task A"], spans["Task B"]
            # B starts before A ends, and ends after A: the two lanes share time.
            assert a_start < a_end and b_start < b_end
            assert b_start < a_end < b_end, (topic, spans)
            desc = chart.find(f"{_NS}desc")
            assert desc is not None and "Overlapping: Task A and Task B" in (desc.text or "")


def test_sequential_chart_shows_the_tasks_back_to_back(built_site: Path) -> None:
    (chart,) = timelines((built_site / "index.html").read_text(encoding="utf-8"))
    spans = lane_spans(chart)
    assert list(spans) == ["Task A", "Task B"]
    (a_start, a_end), (b_start, b_end) = spans["Task A"], spans["Task B"]
    assert a_start < a_end <= b_start < b_end, spans
    desc = chart.find(f"{_NS}desc")
    assert desc is not None and "No two lanes overlapped" in (desc.text or "")


def test_benchmarks_page_shows_the_saved_run_with_a_working_download(built_site: Path) -> None:
    page = built_site / "benchmarks" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert "Measured on " in html, "the run's date and machine are not on the page"
    assert html.count('src="data:image/svg+xml;base64,') >= 3, "figures missing"
    assert 'class="admonition note"' in html
    buttons = re.findall(r'<a ([^>]*\bclass="md-button[^"]*"[^>]*)>([^<]+)</a>', html)
    links = [(re.search(r'\bhref="([^"]+)"', attrs), label) for attrs, label in buttons]
    assert [(m and m[1], label) for m, label in links] == [
        ("index.ipynb", "Download this notebook (.ipynb)"),
        ("benchlib.py", "Download its helper module (benchlib.py)"),
    ], buttons
    assert all("download" in attrs for attrs, _ in buttons)
    for match, label in links:
        assert match is not None
        href = match[1]
        target = page.parent / href
        assert target.is_file(), f"{label}: {href} does not resolve in the built site"
    notebook = (page.parent / "index.ipynb").read_bytes()
    assert notebook == (ROOT / "docs" / "benchmarks" / "index.ipynb").read_bytes()
    # Only the notebook becomes a page: the helper module is a plain file.
    assert not (built_site / "benchmarks" / "benchlib").exists()


def test_every_page_with_runs_is_sound(built_site: Path) -> None:
    """The same checks a cached rebuild gets (tests/test_cache.py): unique ids, a chart
    with its own title and description for every run."""
    pages = [p for p in sorted(built_site.rglob("*.html")) if 'class="xd-run"' in p.read_text()]
    assert len(pages) > 20
    for page in pages:
        assert_sound(page.read_text(encoding="utf-8"))


# Replaces a times == sorted(times) check, which could not fail (the rows come from
# Run.merged(), which sorts them); tests/test_runner.py checks merged().


def test_every_output_line_is_a_mark_on_its_chart_at_the_same_time(built_site: Path) -> None:
    """The output block and the timeline of each run show the same lines at the same times:
    neither drops, adds or re-times a line."""
    checked = 0
    for path in sorted(built_site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        for run in re.findall(r'<div class="xd-run">.*?</svg>', html, re.S):
            stamps = [stamp.rstrip("s") for _, stamp, _ in _LINE.findall(run)]
            svg = _SVG.search(run)
            assert svg is not None, f"{path}: a run without its chart"
            marks = re.findall(
                r'<circle class="xd-tl-mark[^"]*" cx="[^"]+" cy="[^"]+" r="4" data-t="([\d.]+)"',
                svg[0],
            )
            assert sorted(stamps) == sorted(marks), path
            checked += 1
    assert checked >= len(discover(ROOT)), "fewer charts than examples"
