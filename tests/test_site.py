"""The real site, built once with `mkdocs build --strict`, as a reader receives it."""

from __future__ import annotations

import os
import re
import sys
from html import unescape
from pathlib import Path

import pytest

SEED = ["Task A starting", "Task B starting", "Task A completed", "Task B completed"]
SEED_PAGES = {
    "threading": [[*SEED, "Both tasks are done!"]],
    "multiprocessing": [[*SEED, "Both processes are done!"]],
    "asyncio": [[*SEED, "Both tasks are done!"]],
    "futures": [[*SEED, "Both tasks are done!"]] * 2,  # ThreadPoolExecutor, ProcessPoolExecutor
}
_LINE = re.compile(r'<span class="xd-line xd-(stdout|stderr)" data-t="(\d+\.\d\ds)">(.*?)</span>')
_OUTPUT = re.compile(r'<div class="language-text highlight xd-output">.*?</pre></div>', re.S)


def outputs(html: str) -> list[list[tuple[str, str]]]:
    """Each output block on a page, as (time stamp, text) pairs."""
    return [
        [(stamp, unescape(text)) for _, stamp, text in _LINE.findall(block)]
        for block in _OUTPUT.findall(html)
    ]


@pytest.mark.parametrize("topic", SEED_PAGES)
def test_seed_example_shows_its_exact_lines(site: Path, topic: str) -> None:
    html = (site / topic / "index.html").read_text(encoding="utf-8")
    blocks = outputs(html)
    assert [[text for _, text in block] for block in blocks] == SEED_PAGES[topic]
    # Every line carries the time it appeared, and time only moves forward.
    for block in blocks:
        times = [float(stamp.rstrip("s")) for stamp, _ in block]
        assert times == sorted(times)
    assert html.count("Whole run: <strong>") == len(blocks)
    assert html.count("one after another (<code>snippets/two_tasks_sequential.py</code>)") == len(
        blocks
    )


@pytest.mark.parametrize("page", ["index.html", *(f"{topic}/index.html" for topic in SEED_PAGES)])
def test_page_states_how_its_outputs_were_made(site: Path, page: str) -> None:
    html = (site / page).read_text(encoding="utf-8")
    stamp = re.search(r'<aside class="xd-stamp".*?</aside>', html, re.S)
    assert stamp, "no build stamp"
    system = f"{os.uname().sysname} {os.uname().machine}"
    expected = f"Python {sys.version.split()[0]} on {system} with {os.cpu_count()} CPUs"
    assert expected in stamp[0]


_TARGETS = {
    ".html": re.compile(
        r"""\b(?:src|href|srcset|action|poster|data)\s*=\s*["']([^"']*)["']|url\(\s*["']?([^"')]+)"""
    ),
    ".css": re.compile(r"""url\(\s*["']?([^"')]+)|@import\s+["']([^"']+)"""),
}
_REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)


def test_site_references_no_other_host(site: Path) -> None:
    """No font, CDN, analytics or pyodide asset: nothing a page loads or links lives elsewhere."""
    offenders = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in _TARGETS:
            continue
        text = path.read_text(encoding="utf-8")
        for match in _TARGETS[path.suffix].finditer(text):
            target = next(group for group in match.groups() if group is not None)
            if _REMOTE.match(target):
                offenders.append(f"{path.relative_to(site)}: {target}")
        for word in ("pyodide", "fonts.googleapis", "fonts.gstatic", "cdn.jsdelivr", "unpkg.com"):
            if word in text:
                offenders.append(f"{path.relative_to(site)}: mentions {word}")
    assert not offenders, "\n".join(offenders)
