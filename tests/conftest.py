from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Builds in tests are fresh unless a test asks for the cache (CI sets CI=true, which also
# turns the cache off).
ENV = {k: v for k, v in os.environ.items() if k not in ("CI", "EXECDOCS_FRESH")}
#: How the tests build a site: ProperDocs, the engine `nox -s docs` uses.
BUILD = ["-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml"]
TEST_MODULES = ["tests/test_snippets.py", "tests/test_inline_examples.py"]
_SITE_BUILD = pytest.StashKey[tuple[subprocess.Popen[str], Path]]()


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start building the real site as soon as tests are collected, if any test needs it.

    The build mostly waits on sleeping snippets, so it runs while the other tests do.
    """
    if any("built_site" in getattr(item, "fixturenames", ()) for item in session.items):
        out = Path(tempfile.mkdtemp(prefix="execdocs-site-"))
        build = subprocess.Popen(
            [sys.executable, *BUILD, "--site-dir", str(out)],
            cwd=ROOT,
            env={**ENV, "EXECDOCS_FRESH": "1"},  # real runs only, never the cache
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        session.stash[_SITE_BUILD] = (build, out)


@pytest.fixture(scope="session")
def built_site(request: pytest.FixtureRequest) -> Iterator[Path]:
    """The real site, built once with `properdocs build --strict`."""
    build, out = request.session.stash[_SITE_BUILD]
    output = build.communicate()[0]
    if build.returncode:
        pytest.fail(f"properdocs build --strict failed:\n{output}", pytrace=False)
    yield out
    shutil.rmtree(out, ignore_errors=True)


@dataclass
class Outcome:
    code: int
    output: str


class Site:
    """A one-page copy of the project to break."""

    def __init__(self, root: Path) -> None:
        self.root = root
        # The real configuration, with the nav cut down to the one page.
        config = re.sub(
            r"^nav:\n(?:[ \t]+.*\n)+",
            "nav:\n  - Home: index.md\n",
            (ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
            flags=re.M,
        )
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
            env={**ENV, **(env or {})},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def build(self, *, fresh: bool = False) -> Outcome:
        env = {"EXECDOCS_FRESH": "1"} if fresh else {}
        proc = self._start(*BUILD, env=env)
        return Outcome(proc.wait(timeout=120), proc.communicate()[0])

    def html(self) -> str:
        return (self.root / "site" / "index.html").read_text(encoding="utf-8")

    def build_and_test(self) -> tuple[Outcome, Outcome]:
        build = self._start(*BUILD)
        tests = self._start("-m", "pytest", "-q", "-p", "no:cacheprovider", *TEST_MODULES)
        return tuple(  # type: ignore[return-value]
            Outcome(proc.wait(timeout=120), proc.communicate()[0]) for proc in (build, tests)
        )


@pytest.fixture
def tiny_site(tmp_path: Path) -> Site:
    return Site(tmp_path)
