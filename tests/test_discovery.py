"""Each path of the browser and Java lookup (tests/browser/discovery.py), on faked machines."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable

import pytest

from .browser.discovery import (
    BROWSER_VAR,
    MISSING,
    NO_BROWSER,
    NO_JAVA,
    Found,
    Machine,
    Missing,
    find_browser,
    find_java,
)
from .conftest import ENV, ROOT

PLAYWRIGHT = "/home/me/.cache/ms-playwright/chromium-1234/chrome-linux64/chrome"


def machine(
    platform: str = "linux",
    *,
    files: Iterable[str] = (),
    path: dict[str, str] | None = None,
    env: dict[str, str] | None = None,
    playwright: str | None = PLAYWRIGHT,
) -> Machine:
    """A machine where only `files` exist and only `path` is on PATH."""
    files = {*files, *(path or {}).values()}
    return Machine(
        env=env or {},
        platform=platform,
        is_file=files.__contains__,
        which=(path or {}).get,
        playwright_chromium=lambda: playwright,
    )


def test_the_variable_comes_first() -> None:
    found = find_browser(
        machine(env={BROWSER_VAR: "/opt/chrome"}, files=["/opt/chrome", PLAYWRIGHT])
    )
    assert found == Found("/opt/chrome", BROWSER_VAR)


def test_a_variable_naming_nothing_stops_with_the_fix() -> None:
    with pytest.raises(Missing) as error:
        find_browser(machine(env={BROWSER_VAR: "/opt/nothing"}, files=[PLAYWRIGHT]))
    assert str(error.value).startswith(f"{BROWSER_VAR} names /opt/nothing, which is not a file")
    assert NO_BROWSER in str(error.value)


def test_playwrights_own_chromium_comes_next() -> None:
    found = find_browser(machine(files=[PLAYWRIGHT, "/usr/bin/chromium"]))
    assert found == Found(PLAYWRIGHT, "Playwright's own Chromium")


def test_playwright_known_but_not_downloaded_falls_through() -> None:
    found = find_browser(machine(files=["/usr/bin/chromium"]))
    assert found == Found("/usr/bin/chromium", "system browser")


def test_without_playwright_installed() -> None:
    found = find_browser(machine(playwright=None, files=["/usr/bin/chromium"]))
    assert found.path == "/usr/bin/chromium"


@pytest.mark.parametrize(
    "command", ["chromium-headless-shell", "chromium", "chromium-browser", "google-chrome"]
)
def test_linux_browser_on_path(command: str) -> None:
    found = find_browser(machine(path={command: f"/usr/local/bin/{command}"}))
    assert found == Found(f"/usr/local/bin/{command}", "system browser")


def test_the_headless_shell_comes_before_the_full_browser() -> None:
    """Same engine, less CPU: the page checks' share of `nox -s tests` is bound by CPU."""
    on_path = {"chromium": "/usr/bin/chromium", "google-chrome": "/usr/bin/google-chrome"}
    shell = "/usr/bin/chromium-headless-shell"
    found = find_browser(
        machine(playwright=None, path={**on_path, "chromium-headless-shell": shell})
    )
    assert found.path == shell
    found = find_browser(machine(playwright=None, files=[*on_path.values(), shell]))
    assert found.path == shell


def test_lighthouse_gets_the_full_browser() -> None:
    shell = {"chromium-headless-shell": "/usr/bin/chromium-headless-shell"}
    found = find_browser(
        machine(playwright=None, path={**shell, "chromium": "/usr/bin/chromium"}), shell=False
    )
    assert found.path == "/usr/bin/chromium"
    with pytest.raises(Missing):
        find_browser(machine(playwright=None, path=shell), shell=False)


def test_linux_snap_chromium() -> None:
    assert find_browser(machine(files=["/snap/bin/chromium"])).path == "/snap/bin/chromium"


@pytest.mark.parametrize(
    "app",
    [
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
        "/Users/me/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    ],
)
def test_macos_applications(app: str) -> None:
    found = find_browser(machine("darwin", env={"HOME": "/Users/me"}, files=[app]))
    assert found == Found(app, "system browser")


@pytest.mark.parametrize(
    ("var", "base", "app"),
    [
        ("PROGRAMFILES", r"C:\Program Files", r"Google\Chrome\Application\chrome.exe"),
        ("PROGRAMFILES(X86)", r"C:\Program Files (x86)", r"Google\Chrome\Application\chrome.exe"),
        ("LOCALAPPDATA", r"C:\Users\me\AppData\Local", r"Chromium\Application\chrome.exe"),
    ],
)
def test_windows_install_folders(var: str, base: str, app: str) -> None:
    wanted = f"{base}\\{app}"
    found = find_browser(machine("win32", env={var: base}, files=[wanted]))
    assert found == Found(wanted, "system browser")


@pytest.mark.parametrize("platform", ["linux", "darwin", "win32"])
def test_no_browser_anywhere_says_how_to_get_one(platform: str) -> None:
    with pytest.raises(Missing) as error:
        find_browser(machine(platform, env={"HOME": "/Users/me", "PROGRAMFILES": "C:\\P"}))
    assert str(error.value) == NO_BROWSER
    assert "python -m playwright install chromium" in NO_BROWSER
    assert "apt-get install chromium-headless-shell" in NO_BROWSER
    assert "apt-get install chromium " in NO_BROWSER


def test_java_from_java_home_first() -> None:
    found = find_java(
        machine(env={"JAVA_HOME": "/opt/jdk"}, files=["/opt/jdk/bin/java"], path={"java": "/x"})
    )
    assert found == Found("/opt/jdk/bin/java", "JAVA_HOME")


def test_java_home_on_windows() -> None:
    java = r"C:\jdk\bin\java.exe"
    assert find_java(machine("win32", env={"JAVA_HOME": r"C:\jdk"}, files=[java])).path == java


def test_java_on_path() -> None:
    found = find_java(machine(env={"JAVA_HOME": "/gone"}, path={"java": "/usr/bin/java"}))
    assert found == Found("/usr/bin/java", "PATH")


def test_no_java_says_how_to_get_it() -> None:
    with pytest.raises(Missing) as error:
        find_java(machine())
    assert str(error.value) == NO_JAVA
    assert "default-jre-headless" in NO_JAVA


def test_the_preflight_nox_runs_reports_one_message() -> None:
    """`nox -s tests` runs this module first; with a browser variable naming nothing it
    prints MISSING and the fix, and exits 1 (nox then stops with that message)."""
    run = subprocess.run(
        [sys.executable, "-m", "tests.browser.discovery"],
        cwd=ROOT,
        env={**ENV, BROWSER_VAR: "/nonexistent/chrome"},
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    assert run.stdout.startswith(f"{MISSING}\n{BROWSER_VAR} names /nonexistent/chrome")
    assert NO_BROWSER in run.stdout
