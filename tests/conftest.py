from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pytest

from execdocs.build import SHARED_MACHINE
from execdocs.cache import SHARED_CACHE, TEMPLATE_CACHE

from .page_links import PageLinks

ROOT = Path(__file__).resolve().parents[1]

# Builds in tests are fresh unless a test asks for the cache (CI sets CI=true, which also
# turns the cache off).
# EXECDOCS_TEST_SITE: a nested test run (tests of the suite itself) builds its own site.
ENV = {
    k: v
    for k, v in os.environ.items()
    if k not in ("CI", "EXECDOCS_FRESH", "EXECDOCS_TEST_SITE", SHARED_CACHE)
}
#: How the tests build a site: ProperDocs, the engine `nox -s docs` uses.
BUILD = ["-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml"]
TEST_MODULES = ["tests/test_snippets.py", "tests/test_inline_examples.py"]
# One build of the real site per test run, shared by the xdist workers: the controller
# names the folder (workers inherit its environment) and removes it at the end.
_SHARED = "EXECDOCS_TEST_SITE"
_OWNED = pytest.StashKey[Path]()
_BUILDER = pytest.StashKey[threading.Thread]()


def pytest_configure(config: pytest.Config) -> None:
    if _SHARED not in os.environ:
        folder = Path(tempfile.mkdtemp(prefix="execdocs-site-"))
        os.environ[_SHARED] = str(folder)
        config.stash[_OWNED] = folder


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = config.stash.get(_OWNED, None)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)
        del os.environ[_SHARED]


def session_runs() -> Path:
    """Where this test session's snippet runs are kept, for the site build and the
    snippet tests to share."""
    return Path(os.environ[_SHARED]) / "runs"


def build_env() -> dict[str, str]:
    """The environment of every build in this session: one shared folder of compiled
    theme templates, so each one-page site does not compile them again."""
    return {**ENV, TEMPLATE_CACHE: str(Path(os.environ[_SHARED]) / "templates")}


def _build_lock(folder: Path) -> IO[str]:
    return open(folder / "build.lock", "a")


#: The slowest file, one test per page: its tests go to both workers, in two halves.
_PAGE_CHECKS = "tests/browser/test_pages.py"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The snippet tests go first: their runs start at once, beside the site build's,
    and each run is made once for both (see ``session_runs``). The tests that need the
    built site go last, the largest units first (small ones then even out the two
    workers' finish); the other worker does everything else meanwhile. The scheduler
    below hands out the units in this order."""
    sizes = Counter(worker_scope(item.nodeid) for item in items)

    def when(item: pytest.Item) -> tuple[int, int]:
        fixtures = set(getattr(item, "fixturenames", ()))
        phase = 0 if "runs" in fixtures else 2 if "built_site" in fixtures else 1
        return phase, -sizes[worker_scope(item.nodeid)] if phase == 2 else 0

    items.sort(key=when)


def worker_scope(nodeid: str) -> str:
    """What one xdist worker runs as a unit: a file whose tests share a session, package
    or module fixture (the snippet runs, a browser, a hostile site); half of the page
    checks; or else one test, which goes wherever a worker is free."""
    path = nodeid.split("::")[0]
    if path == _PAGE_CHECKS:
        return f"{path}, half {zlib.crc32(nodeid.encode()) % 2}"
    if path == "tests/test_snippets.py" or path.startswith("tests/browser/"):
        return path
    return nodeid


@pytest.hookimpl(optionalhook=True)  # without xdist (`-p no:xdist`) it is never called
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """`--dist loadscope` (set in noxfile.py), with the scopes of :func:`worker_scope`,
    handed out in the order of the collection (see ``pytest_collection_modifyitems``):
    xdist would otherwise reorder them by size, which put the page checks first, to
    wait a minute for the site build while the other tests waited behind them.
    (xdist's own `loadgroup` cannot be used: on pytest 9 its groups are silently lost.)"""
    if config.getoption("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    config.option.loadscopereorder = False

    class Scopes(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return worker_scope(nodeid)

    return Scopes(config, log)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the one build as soon as tests are collected, if a test needs it: it mostly
    waits on sleeping snippets, so it runs while other tests do. The first worker to
    take the lock builds; the others wait for its result in ``built_site``."""
    if session.config.option.collectonly or not any(
        "built_site" in getattr(item, "fixturenames", ()) for item in session.items
    ):
        return
    folder = Path(os.environ[_SHARED])
    lock = _build_lock(folder)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.close()
        return  # another worker builds
    if (folder / "build.json").exists():
        lock.close()
        return
    build = _start_build(folder)

    def finish() -> None:
        _finish_build(build, folder)
        lock.close()  # releases the lock: waiting workers read build.json

    session.config.stash[_BUILDER] = thread = threading.Thread(target=finish)
    thread.start()


def _start_build(folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, *BUILD, "--site-dir", str(folder / "site")],
        cwd=ROOT,
        # Real runs of this test session only, never the project's cache: each one is
        # made once, here or by tests/test_snippets.py, whichever gets to it first. The
        # other worker's tests share the two cores: whole-machine timings and claims are
        # checked by `nox -s docs` and `nox -s matrix` instead.
        env={**build_env(), SHARED_CACHE: str(session_runs()), SHARED_MACHINE: "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _finish_build(build: subprocess.Popen[str], folder: Path) -> None:
    output = build.communicate()[0]
    result = {"code": build.returncode, "output": output}
    (folder / "build.json").write_text(json.dumps(result), encoding="utf-8")


def pytest_sessionfinish(session: pytest.Session) -> None:
    builder = session.config.stash.get(_BUILDER, None)
    if builder is not None:
        builder.join()  # a worker with no site test still finishes the build it started


@pytest.fixture(scope="session")
def built_site() -> Path:
    """The real site, built once per test run with `properdocs build --strict`."""
    folder = Path(os.environ[_SHARED])
    with _build_lock(folder) as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # until the building worker is done
        result = folder / "build.json"
        if not result.exists():  # no worker started it at collection: build it now
            _finish_build(_start_build(folder), folder)
        build = json.loads(result.read_text(encoding="utf-8"))
    if build["code"]:
        pytest.fail(f"properdocs build --strict failed:\n{build['output']}", pytrace=False)
    return folder / "site"


@dataclass
class Outcome:
    code: int
    output: str


class Site:
    """A one-page copy of the project to break."""

    def __init__(self, root: Path) -> None:
        self.root = root
        # The real configuration, with the nav cut down to the one page, and without the
        # notebook plugins: a one-page site has no notebook, and importing them is half
        # of each of its builds (the real site's build has them: tests/test_site.py).
        config = re.sub(
            r"^nav:\n(?:[ \t]+.*\n)+",
            "nav:\n  - Home: index.md\n",
            (ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
            flags=re.M,
        )
        config, notebook_plugins = re.subn(
            r"^  - mkdocs-jupyter:\n(?:.*\n)*?  - execdocs-notebooks\n", "", config, flags=re.M
        )
        assert notebook_plugins == 1, "mkdocs.yml's notebook plugins moved: update Site"
        (root / "docs" / "assets").mkdir(parents=True)
        (root / "snippets").mkdir()
        (root / "mkdocs.yml").write_text(config, encoding="utf-8")
        shutil.copy(ROOT / "pyproject.toml", root)
        shutil.copytree(ROOT / "docs" / "assets", root / "docs" / "assets", dirs_exist_ok=True)
        shutil.copytree(ROOT / "overrides", root / "overrides")  # theme.custom_dir
        shutil.copytree(
            ROOT / "tests",
            root / "tests",
            ignore=shutil.ignore_patterns("__pycache__", "node_modules"),
        )
        self.snippet("hello.py", 'print("hello", flush=True)', recording="hello")
        self.page("```run\nhello.py\n```\n")

    def snippet(self, name: str, body: str, *, recording: str | None = None) -> None:
        imports = "".join(f"import {m}\n" for m in ("sys", "time") if f"{m}." in body)
        code = (
            (imports and imports + "\n\n")
            + "def main():\n"
            + "".join(f"    {line}\n" for line in body.splitlines())
        )
        code += '\n\nif __name__ == "__main__":\n    main()\n'
        path = self.root / "snippets" / name
        path.write_text(code, encoding="utf-8")
        if recording is not None:
            path.with_suffix(".out").write_text(recording + "\n", encoding="utf-8")

    def page(self, markdown: str) -> None:
        (self.root / "docs" / "index.md").write_text("# Fixture\n\n" + markdown, encoding="utf-8")

    def _start(self, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, *args],
            cwd=self.root,
            env={**build_env(), **(env or {})},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def build(self, *, fresh: bool = False, env: dict[str, str] | None = None) -> Outcome:
        env = {**({"EXECDOCS_FRESH": "1"} if fresh else {}), **(env or {})}
        proc = self._start(*BUILD, env=env)
        return Outcome(proc.wait(timeout=120), proc.communicate()[0])

    def html(self) -> str:
        return (self.root / "site" / "index.html").read_text(encoding="utf-8")

    def build_and_test(self) -> tuple[Outcome, Outcome]:
        build = self._start(*BUILD)
        # Only the plugin these modules use: loading every installed one (xdist, anyio…)
        # took a third of each run.
        tests = self._start(
            *("-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "pytest_examples"),
            *TEST_MODULES,
            env={"PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"},
        )
        return tuple(  # type: ignore[return-value]
            Outcome(proc.wait(timeout=120), proc.communicate()[0]) for proc in (build, tests)
        )


@pytest.fixture
def tiny_site(tmp_path: Path) -> Site:
    return Site(tmp_path)


def assert_sound(html: str) -> None:
    """What every built page must be, fresh or from the cache: unique ids, and a timeline
    for every run, labelled by its own title and description."""
    links = PageLinks(html)
    assert not links.duplicate_ids, f"ids used twice: {links.duplicate_ids}"
    runs = html.count('<div class="xd-run">')
    charts = re.findall(r'<svg class="xd-timeline"[^>]*aria-labelledby="([^" ]+) ([^"]+)"', html)
    assert runs and len(charts) == runs, (runs, charts)
    for title, desc in charts:
        assert f'<title id="{title}">' in html and f'<desc id="{desc}">' in html
