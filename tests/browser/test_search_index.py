"""The search index (every page's text) is fetched only when the reader reaches for
search: not at load, not after a while, not on clicks or keys elsewhere on the page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .conftest import Opener

INDEX = "/search/search_index.json"


def fetched(requests: list[str]) -> list[str]:
    return [url for url in requests if url.endswith(INDEX)]


def settle(page: Page) -> None:
    page.wait_for_load_state("networkidle")
    # A request held back by a timer, not by the reader, would go out in this pause.
    # (The tests that expect a fetch need no pause: the test above shows none goes out.)
    page.wait_for_timeout(1500)


def test_clicks_and_keys_elsewhere_do_not_fetch_the_index(open_page: Opener) -> None:
    visit = open_page("")
    page = visit.page
    settle(page)
    assert not fetched(visit.requests), "fetched at load"
    page.locator(".md-content h1").click()
    page.locator(".md-content p").first.click()
    page.locator(".md-header__title").click()  # the header, beside the search box
    page.keyboard.press("a")
    page.keyboard.press("ArrowDown")
    settle(page)
    assert not fetched(visit.requests), "fetched on a click or key that is not search"


@pytest.mark.parametrize("key", ["/", "s", "f", "S"])
def test_the_search_keys_fetch_it(open_page: Opener, key: str) -> None:
    visit = open_page("")
    visit.page.wait_for_load_state("networkidle")
    visit.page.locator(".md-content h1").click()  # focus the page, not the search box
    with visit.page.expect_response(lambda r: r.url.endswith(INDEX)):
        visit.page.keyboard.press(key)


def test_clicking_the_search_box_fetches_it(open_page: Opener) -> None:
    visit = open_page("")
    visit.page.wait_for_load_state("networkidle")
    assert not fetched(visit.requests)
    with visit.page.expect_response(lambda r: r.url.endswith(INDEX)):
        visit.page.locator(".md-search__input").click()
    assert len(fetched(visit.requests)) == 1
