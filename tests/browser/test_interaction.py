"""What a reader does: search, follow the navigation, switch tabs and palette, copy code."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from .conftest import DESKTOP, MOBILE, PAGES, Opener


def test_search_finds_the_futures_page(open_page: Opener) -> None:
    page = open_page("").page
    page.locator(".md-search__input").click()
    # The theme reacts to key events: fill() would leave its box empty.
    page.locator(".md-search__input").press_sequentially("ProcessPoolExecutor")
    results = page.locator(".md-search-result__item a")
    expect(results.first).to_be_visible()
    paths = [urlsplit(href).path for href in results.evaluate_all("as => as.map(a => a.href)")]
    assert "/futures/" in paths


def test_search_index_waits_until_the_reader_wants_search(open_page: Opener) -> None:
    """The index (every page's text) is not part of a page's load; focusing search fetches it."""
    visit = open_page("")
    visit.page.wait_for_load_state("networkidle")
    fetched = [url for url in visit.requests if url.endswith("/search/search_index.json")]
    assert not fetched, fetched
    with visit.page.expect_response(lambda r: r.url.endswith("/search/search_index.json")):
        visit.page.locator(".md-search__input").click()


def test_navigation_reaches_every_page(open_page: Opener) -> None:
    """The primary nav lists every page once; following a link lands on that page."""
    page = open_page("").page
    links = page.locator(".md-nav--primary a.md-nav__link")
    # [url, title]; links into the current page's table of contents (#…) left out.
    entries = links.evaluate_all(
        "as => as.map(a => [a.href, a.innerText.trim()]).filter(e => !e[0].includes('#'))"
    )
    paths = [urlsplit(url).path.strip("/") for url, _ in entries]
    assert sorted(paths) == sorted(p.strip("/") for p in PAGES if p != "404.html"), paths
    # Home, the first page of each chapter and each top-level page: sections are open and
    # their links land on the right page.
    firsts: dict[str, list] = {}
    for path, entry in zip(paths, entries, strict=True):
        firsts.setdefault(path.split("/")[0], entry)
    for url, title in firsts.values():
        # Positions change from page to page (each lists its own table of contents).
        links.nth(links.evaluate_all("(as, url) => as.findIndex(a => a.href === url)", url)).click()
        expect(page).to_have_url(url)
        expect(page.locator(".md-nav--primary .md-nav__link--active").first).to_have_text(title)
        expect(page.locator(".md-content h1")).to_be_visible()


def test_content_tabs_switch(open_page: Opener) -> None:
    page = open_page("futures/").page
    labels = page.locator(".tabbed-labels label")
    blocks = page.locator(".tabbed-block")
    assert labels.all_inner_texts() == ["ThreadPoolExecutor", "ProcessPoolExecutor"]
    expect(blocks.nth(0)).to_be_visible()
    expect(blocks.nth(1)).to_be_hidden()
    labels.nth(1).click()
    expect(blocks.nth(1)).to_be_visible()
    expect(blocks.nth(0)).to_be_hidden()
    expect(blocks.nth(1)).to_contain_text("two_tasks_processes.py")


def test_copy_button_copies_the_code_without_time_stamps(open_page: Opener) -> None:
    visit = open_page("threading/")
    visit.page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    output = visit.page.locator(".xd-output").first
    output.hover()  # the button shows on hover
    output.locator(".md-code__button[data-md-type=copy]").click()
    copied = visit.page.evaluate("navigator.clipboard.readText()")
    assert copied.splitlines()[0] == "Task A starting"


def shots_dir(tmp_path: Path) -> Path:
    """Where screenshots go: $SITE_SCREENSHOTS to keep them, else the test's tmp dir."""
    folder = Path(os.environ.get("SITE_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def switch_palette(page: Page, to: str) -> None:
    page.locator(f"label[title='Switch to {to} mode']").click()
    expect(page.locator("body")).to_have_attribute(
        "data-md-color-scheme", {"dark": "slate", "light": "default"}[to]
    )


@pytest.mark.parametrize("page_path", ["", "futures/"])
def test_palette_toggle(open_page: Opener, page_path: str, tmp_path: Path) -> None:
    page = open_page(page_path).page
    # Screenshots show the end of the theme's colour transitions, not their middle.
    page.add_style_tag(content="*, ::before, ::after { transition: none !important }")
    folder = shots_dir(tmp_path)
    name = page_path.strip("/") or "home"

    def shoot(scheme: str) -> None:  # what a reader sees, to look at; no pixel is asserted
        for viewport, size in (("desktop", DESKTOP), ("mobile", MOBILE)):
            page.set_viewport_size(size)
            page.screenshot(path=folder / f"{name}-{viewport}-{scheme}.png")

    shoot("light")
    switch_palette(page, "dark")
    shoot("dark")
    # The choice is remembered on the next load, and can be undone.
    page.reload()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    switch_palette(page, "light")


def test_back_and_forward_do_not_reopen_the_drawer_or_the_search(open_page: Opener) -> None:
    """The drawer and the search are checkboxes; a page the reader comes back to (from the
    back/forward cache, or with its form state restored) shows both closed."""
    page = open_page("threading/", viewport=MOBILE).page
    # How each document was shown: false for a load, true from the back/forward cache.
    page.add_init_script(
        "addEventListener('pageshow', e => (window.xdShown ??= []).push(e.persisted))"
    )
    page.reload()
    drawer, search = page.locator("#__drawer"), page.locator("#__search")

    page.locator('.md-header label[for="__drawer"]').click()
    expect(drawer).to_be_checked()
    page.locator('.md-sidebar--primary a.md-nav__link[href$="locks/"]').first.click()
    page.wait_for_url("**/threading/locks/")
    page.go_back()
    page.wait_for_url("**/threading/")
    expect(drawer).not_to_be_checked()
    expect(search).not_to_be_checked()

    page.keyboard.press("/")  # the theme's search key
    expect(search).to_be_checked()
    page.locator(".md-search__input").press_sequentially("Barrier")
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state("load")
    page.go_back()
    page.wait_for_url("**/threading/")
    expect(search).not_to_be_checked()
    expect(drawer).not_to_be_checked()
    page.go_forward()
    page.go_back()
    expect(search).not_to_be_checked()
    expect(drawer).not_to_be_checked()
    # Playwright's Chromium keeps no back/forward cache (each return above was a load with
    # the form state restored); a page restored from that cache gets this event instead.
    assert page.evaluate("window.xdShown") == [False]
    page.locator('.md-header label[for="__drawer"]').click()
    expect(drawer).to_be_checked()
    page.evaluate("dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    expect(drawer).not_to_be_checked()
