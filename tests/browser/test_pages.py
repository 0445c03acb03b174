"""Every page of the built site, in a real browser: clean load, accessibility, phone layout.

Each page is opened once and every check runs on that one load (a page load and a
first axe run cost about a second); a test lists everything it found.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from playwright.sync_api import Page, expect

from ..conftest import ROOT
from .conftest import CHECKS, MOBILE, NODE_MODULES, PAGES, Opener

AXE = NODE_MODULES / "axe-core" / "axe.min.js"
AXE_URL = CHECKS + AXE.relative_to(NODE_MODULES).as_posix()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# The dark palette changes colours only, so it needs only the rules about colour.
AXE_COLOUR = ["color-contrast", "link-in-text-block"]
# What may scroll sideways on a phone: code, a notebook cell's printed output (it
# scrolls in its focusable wrapper), and a wide table inside the theme's own scrolling
# wrapper. The page around them must not.
CODE = "pre, .highlight, .jp-OutputArea-output, .md-typeset__scrollwrap"
# Highlighted code takes its colours from its classes alone (the token's, its block's,
# a highlighted line's), the same on every page, and its many small spans are a third
# of the dark run's cost. So the dark run leaves code blocks out, and each kind of text
# in them is checked once per worker, on the first page that has it, marked by this
# script. The light run checks all of every page's code.
CODE_BLOCKS = ".highlight code"
MARK_NEW_CODE_COLOURS = """seen => {
    const found = new Map();
    for (const code of document.querySelectorAll('.highlight code')) {
        for (const element of [code, ...code.querySelectorAll('*')]) {
            const hasText = [...element.childNodes].some(
                node => node.nodeType === Node.TEXT_NODE && node.textContent.trim());
            const kind = [element.closest('.highlight').className, element.className,
                element.closest('.hll') ? 'highlighted line' : ''].join(' | ');
            if (hasText && !seen.includes(kind) && !found.has(kind)) found.set(kind, element);
        }
    }
    found.forEach(element => element.setAttribute('data-xd-colour-check', ''));
    return [...found.keys()];
}"""


def test_every_built_page_is_checked(built_site: Path) -> None:
    built = {path.relative_to(built_site).as_posix() for path in built_site.rglob("*.html")}
    checked = {page if page.endswith(".html") else f"{page}index.html" for page in PAGES}
    assert built == checked


def test_every_page_has_its_own_description(built_site: Path) -> None:
    """Search engines show it under the title: front matter `description:` on each page."""
    found = {
        page: re.findall(r'<meta name="description" content="([^"]+)"', html)
        for page in PAGES
        if page != "404.html"
        for html in [(built_site / page / "index.html").read_text(encoding="utf-8")]
    }
    assert all(len(descriptions) == 1 for descriptions in found.values()), found
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    generic = [page for page, (d,) in found.items() if d == config["site_description"]]
    assert not generic, "pages without a description of their own"
    assert len({d for (d,) in found.values()}) == len(found), "two pages share a description"


def axe(
    page: Page, run_only: dict[str, object], within: str | dict[str, object] | None = None
) -> list[str]:
    """axe-core's violations on the page (or within a selector or an axe context such as
    ``{"exclude": [["pre"]]}``), one readable entry each."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `nox -s tests`, which runs npm ci", pytrace=False)
    if not page.evaluate("'axe' in window"):
        page.add_script_tag(url=urljoin(page.url, AXE_URL))
    # Only the violations cross over to Python, each with its first few nodes: the full
    # result lists every node that passed, and moving it costs seconds on a long page.
    violations = page.evaluate(
        """([within, runOnly]) =>
            axe.run(within ?? document, {runOnly, resultTypes: ['violations']})
            .then(result => result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(
                    n => ({target: n.target, summary: n.failureSummary})),
            })))""",
        [within, run_only],
    )
    return [
        f"axe {v['id']} ({v['impact']}): {v['help']}\n"
        + "".join(f"    {node['target']}: {node['summary']}\n" for node in v["nodes"])
        for v in violations
    ]


def sideways_scrolling(page: Page) -> list[str]:
    """What scrolls horizontally, apart from code blocks, notebook outputs and wide tables."""
    width = page.evaluate("document.scrollingElement.scrollWidth")
    found = [f"the page is {width}px wide"] if width > page.viewport_size["width"] else []
    return found + page.evaluate(
        """code => [...document.querySelectorAll('body *')]
            .filter(e => e.scrollWidth > e.clientWidth + 1
                && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)
                && e.checkVisibility({opacityProperty: true, visibilityProperty: true})
                && !e.closest(code))
            .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`
                + ' scrolls sideways')""",
        CODE,
    )


@pytest.fixture(scope="module")
def code_colours_checked() -> set[str]:
    """The kinds of text in highlighted code already checked in the dark palette."""
    return set()


def dark_palette_problems(page: Page, code_colours_checked: set[str]) -> list[str]:
    """axe's colour rules in the dark palette: the page without its code blocks, then
    each kind of text in code that no page before it had (see ``CODE_BLOCKS``)."""
    colour = {"type": "rule", "values": AXE_COLOUR}
    problems = axe(page, colour, within={"exclude": [[CODE_BLOCKS]]})
    new = page.evaluate(MARK_NEW_CODE_COLOURS, sorted(code_colours_checked))
    if new:
        problems += axe(page, colour, within={"include": [["[data-xd-colour-check]"]]})
        code_colours_checked.update(new)
    return problems


@pytest.mark.parametrize("page", PAGES)
def test_page(open_in_shared_tab: Opener, code_colours_checked: set[str], page: str) -> None:
    visit = open_in_shared_tab(page)
    problems = axe(visit.page, {"type": "tag", "values": AXE_TAGS})

    blocks = visit.page.locator(".md-content pre:has(> code)")
    copy = blocks.locator(".md-code__button[data-md-type=copy]")
    if copy.count() != blocks.count():
        problems.append(f"{blocks.count()} code blocks but {copy.count()} copy buttons")

    # The dark palette, through its toggle. The colours are measured with the theme's
    # transitions off, so never halfway through one.
    visit.page.add_style_tag(content="*, ::before, ::after { transition: none !important }")
    visit.page.locator("label[title='Switch to dark mode']").click()
    expect(visit.page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    dark = dark_palette_problems(visit.page, code_colours_checked)
    problems += [f"dark: {p}" for p in dark]

    visit.page.set_viewport_size(MOBILE)
    problems += [f"at {MOBILE['width']}px: {p}" for p in sideways_scrolling(visit.page)]

    # Checked last, so that requests made after the load event are seen too.
    problems += [f"request to another host: {url}" for url in visit.foreign_requests()]
    problems += [f"console: {error}" for error in visit.errors]
    assert not problems, "\n".join(problems)


CODE_PAGE = """<style>
  .highlight { background: #1e2129; } .highlight code { color: #e0e0e0; }
  .k { color: #9cdcfe; } .n { color: #33363f; } .hll { background: #3a3d4a; }
</style>
<p>Prose beside the code.</p>
<div class="highlight"><pre><code><span class="k">return</span> <span class="n">result_value</span>
<span class="hll"><span class="k">return</span> plain_text</span></code></pre></div>"""


def test_the_dark_run_checks_each_kind_of_code_text_once(open_page: Opener) -> None:
    """A token coloured too dark fails on the first page that has it; a later page with
    the same kinds of text is not checked again; text outside code blocks always is."""
    page = open_page("404.html").page
    page.set_content(CODE_PAGE)
    checked: set[str] = set()
    (problem,) = dark_palette_problems(page, checked)
    assert "color-contrast" in problem and "['.n']" in problem, problem
    # Two token classes, a token on a highlighted line, the line's own text.
    assert len(checked) == 4, checked
    page.set_content(CODE_PAGE)
    assert dark_palette_problems(page, checked) == []
    page.set_content(CODE_PAGE.replace("<p>", '<p style="color: #eeeeee">'))
    (problem,) = dark_palette_problems(page, checked)
    assert "color-contrast" in problem and "['p']" in problem, problem
