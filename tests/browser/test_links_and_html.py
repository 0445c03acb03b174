"""Every link of the served site resolves, and every built HTML file is valid HTML."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import deque
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import unquote, urldefrag, urljoin, urlsplit
from urllib.request import urlopen

import pytest

from ..page_links import PageLinks
from .conftest import NODE_MODULES

VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_link_and_anchor_resolves(base_url: str) -> None:
    """Crawl from the home page, following every same-origin href and src. A link to
    another host (a PEP, the Python docs) must be one a reader clicks, over https; it is
    not followed: the checks run offline."""
    origin = urlsplit(base_url).netloc
    pages: dict[str, set[str] | None] = {}  # URL -> ids (None when not HTML)
    wanted: list[tuple[str, str]] = []  # (page, link) for each link with a fragment
    broken: list[str] = []
    queue = deque([(base_url, "(start)")])
    while queue:
        url, source = queue.popleft()
        if url in pages:
            continue
        try:
            with urlopen(url, timeout=10) as response:
                body = response.read()
                html = response.headers.get_content_type() == "text/html"
        except HTTPError as error:
            broken.append(f"{source}: {url} -> HTTP {error.code}")
            pages[url] = None
            continue
        if not html:
            pages[url] = None
            continue
        parser = PageLinks(body.decode("utf-8"))
        pages[url] = parser.ids
        for target in parser.clicks + parser.loads:
            link = urljoin(url, target)
            if urlsplit(link).scheme in ("mailto", "data", "javascript"):
                continue
            if urlsplit(link).netloc != origin:
                assert target in parser.clicks and link.startswith("https://"), (
                    f"{url} loads {link} from another host"
                )
                continue
            page, fragment = urldefrag(link)
            if fragment:
                wanted.append((url, link))
            queue.append((page, url))
    for source, link in wanted:
        page, fragment = urldefrag(link)
        ids = pages.get(page)
        if ids is not None and unquote(fragment) not in ids:
            broken.append(f"{source}: {link} -> no element with that id")
    assert len([ids for ids in pages.values() if ids is not None]) > 1, "crawled nothing"
    assert not broken, "\n".join(broken)


# Errors the theme causes that are not problems, each named and explained.
VNU_ALLOWED = {
    # mkdocs-material puts autocomplete="off" on the hidden checkboxes that open the
    # drawer and the search (#__drawer, #__search), so that Firefox does not restore
    # them checked on reload, which would reopen a panel. The HTML spec allows the
    # attribute only on text-like inputs; removing it would mean forking base.html,
    # where they sit outside any block.
    "theme checkbox autocomplete": lambda m: (
        m["message"].startswith("Attribute “autocomplete” is only allowed when the input type")
        and 'type="checkbox"' in m.get("extract", "")
        and ('id="__drawer"' in m["extract"] or 'id="__search"' in m["extract"])
    ),
}


def test_html_is_valid(built_site: Path) -> None:
    if not VNU.is_file():
        pytest.fail(f"{VNU} is missing: run `nox -s tests`, which runs npm ci", pytrace=False)
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: apt-get install default-jre-headless", pytrace=False)
    run = subprocess.run(
        [
            java,
            "-jar",
            str(VNU),
            "--skip-non-html",
            "--errors-only",
            "--format",
            "json",
            built_site,
        ],
        capture_output=True,
        text=True,
    )
    messages = json.loads(run.stderr)["messages"]
    assert messages or run.returncode == 0, run.stderr
    errors = [
        f"{urlsplit(m['url']).path.removeprefix(str(built_site))}:{m.get('lastLine')}: "
        f"{m['message']}"
        for m in messages
        if not any(allowed(m) for allowed in VNU_ALLOWED.values())
    ]
    assert not errors, "\n".join(errors)
