"""The built site served on 127.0.0.1 and opened in Chromium through Playwright."""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Dialog, Page, sync_playwright

from ..conftest import ROOT
from .discovery import Machine, Missing, find_browser

HERE = Path(__file__).parent
NODE_MODULES = HERE / "node_modules"
# The browser comes from tests/browser/discovery.py: EXECDOCS_BROWSER, Playwright's own
# Chromium, or a system Chromium or Chrome. These flags keep it from needing a GPU or a
# sandbox, and from calling home on its own, so every request a test sees comes from
# the page. Playwright adds a fresh profile dir. Nothing leaves the machine, even when a
# page asks: every host but 127.0.0.1 fails to resolve (the request is still recorded).
# (Not with page.route(): routing turns the browser's cache off.)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}


def site_pages() -> list[str]:
    """The URL path of every page, from docs/ (so a new page is covered with no code change).

    test_pages.py::test_every_built_page_is_checked holds this list to the built site.
    """
    paths = ["404.html"]  # the theme's own page
    sources = [*(ROOT / "docs").rglob("*.md"), *(ROOT / "docs").rglob("*.ipynb")]
    for source in sorted(sources):
        rel = source.relative_to(ROOT / "docs")
        folder = rel.parent if rel.stem in ("index", "README") else rel.with_suffix("")
        paths.append("" if folder == Path() else f"{folder.as_posix()}/")
    return paths


PAGES = site_pages()


#: The folder the site is published under (site_url's path, e.g. /concurrent-python-executed/).
#: 404.html links its assets from there, since it is served for any missing path.
_SITE_URL = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text("utf-8"), re.M)
PUBLISHED_UNDER = urlsplit(_SITE_URL[1]).path if _SITE_URL else "/"


#: Where the checks' own scripts (axe-core) are served, beside the site: loaded by URL,
#: they stay compiled in the browser's cache from one page to the next.
CHECKS = "/_checks/"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass  # pytest shows failures; a line per request would drown them

    def translate_path(self, path: str) -> str:
        """Serve the site at / and, as its host will, under its published folder; the
        npm packages of the checks under CHECKS."""
        if path.startswith(CHECKS):
            return str(NODE_MODULES / urlsplit(path).path.removeprefix(CHECKS))
        if PUBLISHED_UNDER != "/" and path.startswith(PUBLISHED_UNDER):
            path = "/" + path.removeprefix(PUBLISHED_UNDER)
        return super().translate_path(path)


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a folder on a free port of 127.0.0.1 and yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()
            thread.join()


# Package scope: the browser is closed when tests/browser/ is done. Playwright's sync
# API keeps an asyncio loop marked as running in this thread while it is open, and the
# inline examples that call asyncio.run() run later in the same session.
@pytest.fixture(scope="package")
def base_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        try:
            chromium = find_browser(Machine.this(playwright))
        except Missing as missing:
            pytest.fail(str(missing), pytrace=False)
        browser = playwright.chromium.launch(executable_path=chromium.path, args=FLAGS)
        yield browser
        browser.close()


@dataclass
class Visit:
    """An open page and everything it did: each request, console error and uncaught error."""

    page: Page
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # url: why
    _listeners: dict[str, Callable[..., object]] = field(default_factory=dict)

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if urlsplit(url).hostname != "127.0.0.1"]

    def end(self) -> None:
        """Stop recording: the tab may go on to the next visit."""
        for event, listener in self._listeners.items():
            self.page.remove_listener(event, listener)


Opener = Callable[..., Visit]


def _visit(page: Page, url: str) -> Visit:
    """Open url in page, recording every request, console error, uncaught error and dialog."""
    visit = Visit(page)

    def dismiss(dialog: Dialog) -> None:
        visit.dialogs.append(dialog.message)
        dialog.dismiss()

    visit._listeners = {
        "request": lambda request: visit.requests.append(request.url),
        "console": lambda message: message.type == "error" and visit.errors.append(message.text),
        "pageerror": lambda error: visit.errors.append(f"uncaught: {error}"),
        "requestfailed": lambda request: visit.failed.update({request.url: request.failure}),
        "dialog": dismiss,
    }
    for event, listener in visit._listeners.items():
        page.on(event, listener)  # type: ignore[call-overload]
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == 200, f"{url}: no page"
    return visit


def _new_context(browser: Browser, **options: object) -> BrowserContext:
    context = browser.new_context(**options)
    context.set_default_timeout(10_000)  # fail in seconds, not the default 30
    return context


@pytest.fixture
def open_page(browser: Browser, base_url: str) -> Iterator[Opener]:
    """open_page(path, viewport=DESKTOP, color_scheme="light", base=base_url) -> Visit,
    each in a fresh context: no cache, storage or permission from another test."""
    contexts = []

    def opener(
        path: str,
        *,
        viewport: dict[str, int] = DESKTOP,
        color_scheme: str = "light",
        base: str = "",
    ) -> Visit:
        context = _new_context(browser, viewport=viewport, color_scheme=color_scheme)
        contexts.append(context)
        return _visit(context.new_page(), (base or base_url) + path)

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture(scope="package")
def shared_tab(browser: Browser) -> Iterator[Page]:
    """One tab for the page checks, desktop and light, going from page to page: a new tab
    or context per page costs the browser about another second of CPU, and the suite is
    bound by CPU. The browser's cache keeps the theme's assets and axe-core."""
    context = _new_context(browser, viewport=DESKTOP, color_scheme="light")
    yield context.new_page()
    context.close()


@pytest.fixture
def open_in_shared_tab(shared_tab: Page, base_url: str) -> Iterator[Opener]:
    """open_in_shared_tab(path) -> Visit, in ``shared_tab``. Afterwards the tab is put
    back as a new reader finds it: what the page stored (the palette it was switched to)
    cleared, the desktop size, a blank page."""
    visits: list[Visit] = []

    def opener(path: str) -> Visit:
        visits.append(visit := _visit(shared_tab, base_url + path))
        return visit

    yield opener
    for visit in visits:
        visit.end()
    if shared_tab.url.startswith(base_url):
        shared_tab.evaluate("localStorage.clear(); sessionStorage.clear()")
    shared_tab.set_viewport_size(DESKTOP)
    shared_tab.goto("about:blank")
