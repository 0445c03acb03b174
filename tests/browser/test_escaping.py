"""A snippet's output is shown as text in the browser, never run as HTML or read as Markdown.

tests/test_failures.py checks the escaped HTML; this opens the page in Chromium. The same
one-page site, with a line on stderr, also puts every style of an output block before axe.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from ..conftest import Site
from .conftest import Opener, serve
from .test_pages import AXE_TAGS, axe

LINES = ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "**bold**"]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = Site(tmp_path_factory.mktemp("hostile"))
    prints = "\n".join(f"print({json.dumps(line)})" for line in LINES)
    # A line on stderr too, so that every style of an output block meets axe below.
    site.snippet(
        "hello.py", f'{prints}\nprint("careful", file=sys.stderr)', recording="\n".join(LINES)
    )
    (site.root / "snippets" / "hello.err").write_text("careful\n", encoding="utf-8")
    site.page('```run stderr="expected"\nhello.py\n```\n')
    build = site.build()
    assert build.code == 0, build.output
    with serve(site.root / "site") as url:
        yield url


def test_output_shows_markup_literally_and_runs_nothing(
    open_page: Opener, hostile_site: str
) -> None:
    visit = open_page("", base=hostile_site)
    output = visit.page.locator(".xd-output code")
    assert output.locator(".xd-stdout").all_inner_texts() == LINES
    assert output.locator(".xd-stderr").all_inner_texts() == ["careful"]
    assert output.locator("script, img, strong, em").count() == 0
    visit.page.wait_for_timeout(200)  # time for an injected handler to fire
    assert visit.dialogs == []
    assert not visit.errors


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_output_block_styles_pass_axe(open_page: Opener, hostile_site: str, scheme: str) -> None:
    """Time stamps, stderr lines and notes are muted colours: each must still be legible."""
    visit = open_page("", base=hostile_site, color_scheme=scheme)
    palette = visit.page.get_attribute("body", "data-md-color-scheme")
    assert palette == {"light": "default", "dark": "slate"}[scheme]
    problems = axe(visit.page, {"type": "tag", "values": AXE_TAGS}, within=".xd-run")
    assert not problems, "\n".join(problems)
