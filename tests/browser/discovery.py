"""Find what the site checks need beyond Python: a Chromium-family browser and Java.

`nox -s tests` runs `python -m tests.browser.discovery` before anything else, so that a
machine without them stops at once with one message saying how to get them, instead of
a cascade of failing tests. The browser fixture uses the same lookup.

A browser is looked for in this order:

1. `EXECDOCS_BROWSER`, naming a Chromium or Chrome executable;
2. Playwright's own Chromium, if `python -m playwright install chromium` has fetched it;
3. a system Chromium or Chrome, where Linux, macOS and Windows install them; on Linux,
   Chromium's headless shell first (Debian's `chromium-headless-shell`).

The headless shell is the same engine without the browser's windowing, the build
Playwright itself runs headless tests on; the page checks cost the machine about a
seventh less CPU in it than in the full Chromium (`nox -s tests` is bound by CPU).

Java: `JAVA_HOME/bin/java`, then `java` on PATH.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Playwright

BROWSER_VAR = "EXECDOCS_BROWSER"

#: On PATH under these names (Linux distributions, Homebrew, Chocolatey, Scoop).
HEADLESS_SHELL = "chromium-headless-shell"
BROWSER_COMMANDS = (
    HEADLESS_SHELL,
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
)
MACOS_APPS = (
    "Google Chrome.app/Contents/MacOS/Google Chrome",
    "Chromium.app/Contents/MacOS/Chromium",
)
WINDOWS_APPS = (r"Google\Chrome\Application\chrome.exe", r"Chromium\Application\chrome.exe")

NO_BROWSER = f"""\
The browser checks need Chromium or Chrome, and none was found. Any one of these fixes it:
  python -m playwright install chromium          (Playwright's own Chromium; any system)
  sudo apt-get install chromium-headless-shell   (Debian: the lightest for the checks)
  sudo apt-get install chromium                  (Ubuntu; other Linux: the chromium package)
  brew install --cask chromium                   (macOS; or install Google Chrome)
  winget install Google.Chrome                   (Windows)
or set {BROWSER_VAR} to the path of a Chromium or Chrome executable"""

NO_JAVA = """\
The HTML checker (vnu.jar) needs Java, and none was found (JAVA_HOME, or java on PATH).
Any one of these fixes it:
  sudo apt-get install default-jre-headless      (Debian, Ubuntu)
  brew install openjdk                           (macOS)
  winget install EclipseAdoptium.Temurin.21.JRE  (Windows)"""


@dataclass(frozen=True)
class Found:
    path: str
    how: str  # which step of the lookup found it, for the log


class Missing(Exception):
    """What is missing, and how to get it (the message is shown as it is)."""


@dataclass
class Machine:
    """What the lookup may consult; the tests fake each part."""

    env: Mapping[str, str]
    platform: str  # sys.platform: "linux", "darwin", "win32"
    is_file: Callable[[str], bool]
    which: Callable[[str], str | None]
    playwright_chromium: Callable[[], str | None]

    @classmethod
    def this(cls, playwright: Playwright | None = None) -> Machine:
        """This machine; pass Playwright when it is already running (it runs once per thread)."""
        own = _playwright_chromium
        if playwright is not None:
            own = lambda: playwright.chromium.executable_path  # noqa: E731
        return cls(
            env=os.environ,
            platform=sys.platform,
            is_file=lambda path: Path(path).is_file(),
            which=shutil.which,
            playwright_chromium=own,
        )

    def path(self, *parts: str) -> PurePath:
        return (PureWindowsPath if self.platform == "win32" else PurePosixPath)(*parts)


def _playwright_chromium() -> str | None:
    """Where Playwright keeps its own Chromium (whether or not it was downloaded)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    with sync_playwright() as playwright:
        return playwright.chromium.executable_path


def system_browsers(machine: Machine, *, shell: bool = True) -> list[str]:
    """Where a system Chromium or Chrome usually is, most likely first (without the
    headless shell unless ``shell``)."""
    names = [name for name in BROWSER_COMMANDS if shell or name != HEADLESS_SHELL]
    found = [path for name in names if (path := machine.which(name))]
    if machine.platform == "darwin":
        home = machine.env.get("HOME", "")
        for apps in ("/Applications", f"{home}/Applications"):
            found += [str(machine.path(apps, app)) for app in MACOS_APPS]
    elif machine.platform == "win32":
        for var in ("PROGRAMFILES", "PROGRAMFILES(X86)", "LOCALAPPDATA"):
            if base := machine.env.get(var):
                found += [str(machine.path(base, app)) for app in WINDOWS_APPS]
    else:
        found += [f"/usr/bin/{HEADLESS_SHELL}"] if shell else []
        found += ["/usr/bin/chromium", "/usr/bin/google-chrome", "/snap/bin/chromium"]
    return found


def find_browser(machine: Machine | None = None, *, shell: bool = True) -> Found:
    """The browser for the checks; ``shell=False`` for a full browser (Lighthouse
    measures the page as a browser with a window would)."""
    machine = machine or Machine.this()
    if named := machine.env.get(BROWSER_VAR):
        if machine.is_file(named):
            return Found(named, BROWSER_VAR)
        raise Missing(f"{BROWSER_VAR} names {named}, which is not a file.\n\n{NO_BROWSER}")
    own = machine.playwright_chromium()
    if own and machine.is_file(own):
        return Found(own, "Playwright's own Chromium")
    for path in system_browsers(machine, shell=shell):
        if machine.is_file(path):
            return Found(path, "system browser")
    raise Missing(NO_BROWSER)


def find_java(machine: Machine | None = None) -> Found:
    machine = machine or Machine.this()
    if home := machine.env.get("JAVA_HOME"):
        java = str(machine.path(home, "bin", "java.exe" if machine.platform == "win32" else "java"))
        if machine.is_file(java):
            return Found(java, "JAVA_HOME")
    if java := machine.which("java"):
        return Found(java, "PATH")
    raise Missing(NO_JAVA)


#: Starts the message `nox -s tests` stops with (see noxfile.py).
MISSING = "MISSING:"


def main() -> int:
    """Print what was found, or MISSING and the fix for what is not (exit status 1)."""
    found, problems = [], []
    for what, find in (("browser", find_browser), ("java", find_java)):
        try:
            where = find()
        except Missing as missing:
            problems.append(str(missing))
        else:
            found.append(f"{what}: {where.path} ({where.how})")
    print("\n".join([MISSING, *problems]) if problems else "; ".join(found))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
