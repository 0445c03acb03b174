"""Every link of the served site resolves, and every built HTML file is valid HTML."""

from __future__ import annotations

import json
import subprocess
from collections import deque
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import unquote, urldefrag, urljoin, urlsplit
from urllib.request import urlopen

import pytest

from ..page_links import PageLinks
from .conftest import NODE_MODULES
from .discovery import Missing, find_java

VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
# One short run: Java's quick compiler alone (half the CPU of the default two-tier JIT
# here), which needs a deeper stack for the checker's schema than the 512k it asks for.
JAVA_OPTIONS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss16m"]


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


def test_html_is_valid(built_site: Path) -> None:
    """Every built file, with no exception and no filter."""
    if not VNU.is_file():
        pytest.fail(f"{VNU} is missing: run `nox -s tests`, which runs npm ci", pytrace=False)
    try:
        java = find_java().path
    except Missing as missing:
        pytest.fail(str(missing), pytrace=False)
    run = subprocess.run(
        [
            java,
            *JAVA_OPTIONS,
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
    ]
    assert not errors, "\n".join(errors)
