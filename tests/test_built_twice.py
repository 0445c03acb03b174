"""Small sites built for real (slow): a cached rebuild is checked like a fresh build, and
example anchors are scoped to their page."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from .conftest import Site

pytestmark = pytest.mark.slow


def check_html(html: str, snippets: list[str]) -> None:
    """What every build must show, fresh or from the cache."""
    ids = re.findall(r'\sid="([^"]+)"', html)
    repeated = [ident for ident, n in Counter(ids).items() if n > 1]
    assert not repeated, f"ids used twice: {repeated}"
    charts = re.findall(r'<svg class="xd-timeline".*?</svg>', html, re.S)
    assert len(charts) == len(snippets), "one timeline per example"
    for snippet, chart in zip(snippets, charts, strict=True):
        assert f"Timeline of snippets/{snippet} on Python 3.14" in chart
        assert '<circle class="xd-tl-mark' in chart
    for snippet in snippets:
        assert f'data-snippet="{snippet}"' in html


def test_a_cached_rebuild_passes_the_same_checks_as_a_fresh_build(tiny_site: Site) -> None:
    # Two byte-identical snippets: a cache keyed on bytes alone would mix them up.
    tiny_site.snippet("twin.py", 'print("hello", flush=True)', recording="hello")
    tiny_site.page("```run\nhello.py\n```\n\n```run\ntwin.py\n```\n")
    fresh = tiny_site.build()
    assert fresh.code == 0, fresh.output
    check_html(tiny_site.html(), ["hello.py", "twin.py"])
    cached = tiny_site.build()
    assert cached.code == 0, cached.output
    assert "ran 0 snippets; 2 unchanged, from the cache" in cached.output
    html = tiny_site.html()
    assert html.count("from the build cache") == 2
    check_html(html, ["hello.py", "twin.py"])


def test_example_anchors_belong_to_their_page(tiny_site: Site) -> None:
    config = tiny_site.root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "nav:\n  - Home: index.md\n", "nav:\n  - Home: index.md\n  - Other: other.md\n"
        )
    )
    tiny_site.snippet("other.py", 'print("other", flush=True)', recording="other")
    (tiny_site.root / "docs" / "other.md").write_text(
        "# Other\n\n```run\nother.py\n```\n\n[the hello example](index.md#example-hello)\n"
    )
    tiny_site.page("```run\nhello.py\n```\n\n[the other one](other.md#example-other)\n")
    good = tiny_site.build()
    assert good.code == 0, good.output
    # The anchor exists, but on the other page: strict link checks must refuse it.
    tiny_site.page("```run\nhello.py\n```\n\n[the other one](other.md#example-hello)\n")
    bad = tiny_site.build()
    assert bad.code != 0, bad.output
    assert (
        "contains a link 'other.md#example-hello', but the doc 'other.md' does not contain "
        "an anchor '#example-hello'" in bad.output
    ), bad.output
