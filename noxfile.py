"""Tasks: `nox -s docs`, `nox -s tests`, `nox -s serve`, `nox -s lint`, `nox -s update-outputs`,
`nox -s audit`, `nox -s bench-notebook`, `nox -s mutants`."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import nox

nox.options.default_venv_backend = "venv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["docs", "tests"]
nox.options.error_on_missing_interpreters = True

ROOT = Path(__file__).parent
#: The interpreter the site is built, tested and recorded with: the Python it teaches.
#: nox looks it up on PATH (or downloads it with `--download-python`); a machine without
#: it gets nox's "interpreter not found" error, never a silent fallback.
BUILD_PYTHON = "3.14"
PYPROJECT = nox.project.load_toml("pyproject.toml")
# MkDocs-Material prints an end-of-life banner for MkDocs 1.x on every build.
ENV = {"NO_MKDOCS_2_WARNING": "1"}
# The npm packages of the site checks: axe-core, vnu-jar and lighthouse, exact versions.
BROWSER_CHECKS = ROOT / "tests" / "browser"


def install(session: nox.Session, group: str, *, project: bool = True) -> None:
    """Install a pinned dependency group (and this project's machinery) into the session."""
    requirements = nox.project.dependency_groups(PYPROJECT, group)
    session.install("-c", "constraints.txt", *requirements)
    if project:
        session.install("-c", "constraints.txt", "--no-deps", "-e", ".")


def mkdocs_args(session: nox.Session) -> tuple[list[str], dict[str, str]]:
    """Pass `-- --fresh` to ignore the cache of snippet runs for this build."""
    args = [arg for arg in session.posargs if arg != "--fresh"]
    return args, {**ENV, "EXECDOCS_FRESH": "1"} if "--fresh" in session.posargs else ENV


@nox.session(python=BUILD_PYTHON)
def docs(session: nox.Session) -> None:
    """Build the site into site/, running every changed snippet; fails on any problem."""
    install(session, "docs")
    args, env = mkdocs_args(session)
    session.run("mkdocs", "build", "--strict", *args, env=env)


@nox.session(python=BUILD_PYTHON)
def serve(session: nox.Session) -> None:
    """Preview the site with live reload on http://127.0.0.1:8000/."""
    install(session, "docs")
    args, env = mkdocs_args(session)
    session.run("mkdocs", "serve", "--dev-addr", "127.0.0.1:8000", *args, env=env)


@nox.session(python=BUILD_PYTHON)
def tests(session: nox.Session) -> None:
    """Every check: snippets against recordings, inline examples, bad input, the site in
    Chromium (tests/browser/), lint."""
    install(session, "tests")
    npm_ci(session)
    session.run("pytest", "-n", "2", "--dist", "loadfile", *session.posargs, env=ENV)
    ruff(session)


@nox.session(python=BUILD_PYTHON)
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check over the machinery, tests and snippets."""
    install(session, "lint", project=False)
    ruff(session)


def npm_ci(session: nox.Session) -> None:
    """Install the site checks' npm packages from their lock file, unless already current."""
    lock = BROWSER_CHECKS / "package-lock.json"
    stamp = BROWSER_CHECKS / "node_modules" / ".installed-from-package-lock.json"
    if stamp.is_file() and stamp.read_bytes() == lock.read_bytes():
        return
    # package.json's "overrides" pin the two packages that Lighthouse's trace engine
    # asks for as "latest": without them npm ci rejects the lock file whenever a newer
    # version of either is published.
    with session.chdir(BROWSER_CHECKS):
        # vnu-jar's install script would download a Java runtime; the system's is used.
        session.run("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", external=True)
    shutil.copyfile(lock, stamp)


@nox.session(python=BUILD_PYTHON)
def audit(session: nox.Session) -> None:
    """Lighthouse, mobile and desktop, on every page served gzipped on 127.0.0.1 (a benchmark)."""
    install(session, "docs")
    npm_ci(session)
    with tempfile.TemporaryDirectory() as site:
        session.run("mkdocs", "build", "--strict", "--quiet", "--site-dir", site, env=ENV)
        session.run("python", "tests/browser/audit.py", site, *session.posargs)


def ruff(session: nox.Session) -> None:
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", "--diff", ".")


@nox.session(name="update-outputs", python=BUILD_PYTHON)
def update_outputs(session: nox.Session) -> None:
    """Re-run snippets and rewrite their recordings from clean runs (names optional)."""
    install(session, "tests")
    session.run("python", "-m", "execdocs", "update", *session.posargs, env=ENV)
    if not session.posargs:
        # The #> output lines under prints in the pages' inline python fences.
        session.run("pytest", "tests/test_inline_examples.py", "--update-examples", env=ENV)


@nox.session(name="bench-notebook", python=BUILD_PYTHON)
def bench_notebook(session: nox.Session) -> None:
    """Re-execute docs/benchmarks/index.ipynb in place (a few minutes; idle machine).

    `nox -s bench-notebook -- --quick` runs it with shrunk sizes and saves nothing.
    """
    install(session, "bench")
    session.run("python", "-m", "execdocs.notebook", *session.posargs, env=ENV)


@nox.session(python=BUILD_PYTHON)
def new(session: nox.Session) -> None:
    """Start an example: `nox -s new -- threading/lock-order/transfer [--page "Lock ordering"]`."""
    install(session, "docs")
    session.run("python", "-m", "execdocs", "new", *session.posargs, env=ENV)


@nox.session(python=BUILD_PYTHON)
def stress(session: nox.Session) -> None:
    """Run every snippet 20 times with one core kept busy; all must match."""
    install(session, "docs")
    session.run("python", "-m", "execdocs", "stress", *session.posargs, env=ENV)


@nox.session(python=BUILD_PYTHON)
def bench(session: nox.Session) -> None:
    """Print build-speed figures (cold, warm, one edit, render, snippets, tests), then
    refresh the Benchmarks notebook (`bench-notebook`). Asserts nothing."""
    install(session, "docs")
    session.run("python", "benchmarks/build_speed.py", *session.posargs, env=ENV)
    session.notify("bench-notebook")


@nox.session(python=BUILD_PYTHON)
def lock(session: nox.Session) -> None:
    """Regenerate constraints.txt from a fresh install of all groups."""
    groups = ["docs", "bench", "tests", "lint", "mutants"]
    requirements = sorted({r for g in groups for r in nox.project.dependency_groups(PYPROJECT, g)})
    session.install(*requirements)
    frozen = session.run("python", "-m", "pip", "freeze", "--exclude-editable", silent=True)
    header = "# Generated by `nox -s lock` from pyproject.toml's dependency groups. Do not edit.\n"
    (ROOT / "constraints.txt").write_text(header + frozen, encoding="utf-8")
    version = session.run(
        "python", "-c", "import platform; print(platform.python_version())", silent=True
    )
    session.log(f"wrote constraints.txt on Python {str(version).strip()} ({os.name})")


@nox.session(python=BUILD_PYTHON)
def mutants(session: nox.Session) -> None:
    """Mutation testing of execdocs/ with the fast tests (a benchmark, not part of `tests`):
    mutmut changes the machinery one small edit at a time, runs the tests that cover it
    (two at a time: the machine has two cores), then the score per module and every
    surviving mutant are printed. Configured in pyproject.toml's [tool.mutmut]; mutmut
    keeps its results in mutants/, so a second run only tests what changed
    (`-- --fresh` starts over). `mutmut show NAME` in the session's venv shows a mutant."""
    install(session, "mutants")
    if "--fresh" in session.posargs:
        shutil.rmtree(ROOT / "mutants", ignore_errors=True)
    args = [arg for arg in session.posargs if arg != "--fresh"]
    session.run("mutmut", "run", "--max-children", "2", *args, env=ENV)
    session.run("python", "benchmarks/mutation_score.py", env=ENV)
