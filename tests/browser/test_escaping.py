"""A snippet's output is shown as text in the browser, never run as HTML or read as Markdown.

tests/test_failures.py checks the escaped HTML; this opens the page in Chromium.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator

import pytest

from ..test_failures import ENV, Site
from .conftest import Opener, serve

LINES = ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "**bold**"]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = Site(tmp_path_factory.mktemp("hostile"))
    prints = "\n".join(f"print({json.dumps(line)})" for line in LINES)
    site.snippet("hello.py", prints, recording="\n".join(LINES))
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=site.root,
        env=ENV,
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    with serve(site.root / "site") as url:
        yield url


def test_output_shows_markup_literally_and_runs_nothing(
    open_page: Opener, hostile_site: str
) -> None:
    visit = open_page("", base=hostile_site)
    output = visit.page.locator(".xd-output code")
    assert output.inner_text().splitlines() == LINES
    assert output.locator("script, img, strong, em").count() == 0
    visit.page.wait_for_timeout(200)  # time for an injected handler to fire
    assert visit.dialogs == []
    assert not visit.errors
