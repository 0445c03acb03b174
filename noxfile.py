"""Tasks: `nox -s docs`, `nox -s tests`, `nox -s matrix`, `nox -s serve`, `nox -s lint`,
`nox -s update-outputs`, `nox -s stress`, `nox -s new`, `nox -s audit`, `nox -s bench`,
`nox -s bench-notebook`, `nox -s mutants`, `nox -s lock`."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import nox

sys.path.insert(0, str(Path(__file__).parent))
# The interpreters: one list, read by the machinery and by these sessions alike.
from execdocs import site_stamp
from execdocs.interpreters import BUILD_PYTHON, MATRIX

nox.options.default_venv_backend = "venv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["docs", "tests"]
nox.options.error_on_missing_interpreters = True

ROOT = Path(__file__).parent
# Sessions run on BUILD_PYTHON, the Python the guide teaches; `matrix` on each of MATRIX.
# nox looks each one up on PATH (or downloads it with `--download-python`); a machine
# without it gets nox's "interpreter not found" error, never a silent fallback.
PYPROJECT = nox.project.load_toml("pyproject.toml")
#: The engine that builds the site: ProperDocs, the maintained continuation of MkDocs 1.x
#: (README.md says why). It reads mkdocs.yml and loads the `mkdocs.plugins` entry points.
ENGINE = "properdocs"
#: Named explicitly: ProperDocs also looks for properdocs.yml and asks to rename this one,
#: but mkdocs.yml is the name every tool in this ecosystem reads (Zensical included).
CONFIG = ["-f", "mkdocs.yml"]
# The npm packages of the site checks: axe-core, vnu-jar and lighthouse, exact versions.
BROWSER_CHECKS = ROOT / "tests" / "browser"


def install(session: nox.Session, group: str, *, project: bool = True) -> None:
    """Install a pinned dependency group (and this project's machinery) into the session,
    unless this environment already holds exactly these pins.

    pip takes seconds even when everything is installed; the stamp (the pins it was
    installed from, kept inside the environment) lets a warm session skip it. The
    machinery is installed editable, so a change to execdocs/ needs no reinstall.
    """
    pins = f"{group} {project}\n".encode() + b"".join(
        (ROOT / name).read_bytes() for name in ("pyproject.toml", "constraints.txt")
    )
    venv = getattr(session.virtualenv, "location", None)
    stamp = Path(venv) / f".installed-{group}" if venv else None
    if stamp and stamp.is_file() and stamp.read_bytes() == pins:
        session.log(f"{group}: pins unchanged since the last install, skipping pip")
        return
    requirements = nox.project.dependency_groups(PYPROJECT, group)
    session.install("-c", "constraints.txt", *requirements)
    if project:
        session.install("-c", "constraints.txt", "--no-deps", "-e", ".")
    if stamp:
        stamp.write_bytes(pins)


def build_args(session: nox.Session) -> tuple[list[str], dict[str, str]]:
    """Pass `-- --fresh` to ignore the cache of snippet runs for this build."""
    args = [arg for arg in session.posargs if arg != "--fresh"]
    return args, {"EXECDOCS_FRESH": "1"} if "--fresh" in session.posargs else {}


@nox.session(python=BUILD_PYTHON)
def docs(session: nox.Session) -> None:
    """Build the site into site/, running every changed snippet; fails on any problem.
    With nothing changed since the last build, there is nothing to do (`-- --force`
    builds anyway; see execdocs/site_stamp.py)."""
    install(session, "docs")
    args, env = build_args(session)
    fresh = bool(env)  # `-- --fresh`: every snippet runs again
    force = "--force" in args or fresh or os.environ.get("CI") == "true"
    args = [arg for arg in args if arg != "--force"]
    plain = not args  # other options (another --site-dir, …) always build
    if plain and not force and site_stamp.is_current(ROOT, ROOT / "site"):
        session.log("site/ is up to date: nothing it is built from has changed (`-- --force`)")
        return
    site_stamp.forget(ROOT)
    session.run(ENGINE, "build", "--strict", *CONFIG, *args, env=env)
    if plain:
        site_stamp.record(ROOT, ROOT / "site")


@nox.session(python=BUILD_PYTHON)
def serve(session: nox.Session) -> None:
    """Preview the site with live reload on http://127.0.0.1:8000/."""
    install(session, "docs")
    args, env = build_args(session)
    session.run(ENGINE, "serve", *CONFIG, "--dev-addr", "127.0.0.1:8000", *args, env=env)


@nox.session(python=BUILD_PYTHON)
def tests(session: nox.Session) -> None:
    """Every check: snippets against recordings, inline examples, bad input, the site in
    Chromium (tests/browser/), lint."""
    install(session, "tests")
    need_browser_and_java(session)
    npm_ci(session)
    session.run("pytest", "-n", "2", "--dist", "loadscope", *session.posargs)
    ruff(session)


@nox.session(python=BUILD_PYTHON)
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check over the machinery, tests and snippets."""
    install(session, "lint", project=False)
    ruff(session)


def need_browser_and_java(session: nox.Session) -> None:
    """Stop at once, with the fix, when the browser checks' Chromium or Java is missing
    (tests/browser/discovery.py finds them the way the tests do)."""
    found = session.run(
        "python", "-m", "tests.browser.discovery", silent=True, success_codes=[0, 1]
    )
    found = str(found).strip()
    if found.startswith("MISSING:"):
        session.error("\n" + found.removeprefix("MISSING:").strip())
    session.log(found)


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
        session.run(ENGINE, "build", "--strict", *CONFIG, "--quiet", "--site-dir", site)
        session.run("python", "tests/browser/audit.py", site, *session.posargs)


def ruff(session: nox.Session) -> None:
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", "--diff", ".")


@nox.session(name="update-outputs", python=BUILD_PYTHON)
def update_outputs(session: nox.Session) -> None:
    """Re-run snippets and rewrite their recordings from clean runs, on every interpreter
    (`-- --python 3.14t` for one; snippet paths optional)."""
    args = list(session.posargs)
    python = args.pop(args.index("--python") + 1) if "--python" in args else None
    if "--python" in args:
        args.remove("--python")
    if python is None or python == BUILD_PYTHON:
        install(session, "tests")
        # The build interpreter's recordings, and those of the tabs each page shows.
        session.run("python", "-m", "execdocs", "update", *args)
        if not args and python is None:
            # The #> output lines under prints in the pages' inline python fences.
            session.run("pytest", "tests/test_inline_examples.py", "--update-examples")
    # Where another interpreter prints differently, it gets a recording of its own:
    # each is made in that interpreter's matrix session, with the same packages.
    for tag in MATRIX:
        if tag != BUILD_PYTHON and python in (None, tag):
            session.notify(f"matrix-{tag}", ["--update", *args])


@nox.session(python=list(MATRIX))
def matrix(session: nox.Session) -> None:
    """Every snippet on this interpreter against its recording (those that start processes
    also under each other start method); `-- --update [paths]` records instead."""
    install(session, "matrix")
    if "--update" in session.posargs:
        args = [arg for arg in session.posargs if arg != "--update"]
        tag = str(session.python)
        session.run("python", "-m", "execdocs", "update", "--python", tag, *args)
        return
    session.run("pytest", "tests/test_snippets.py", "-q", *session.posargs)


@nox.session(name="bench-notebook", python=BUILD_PYTHON)
def bench_notebook(session: nox.Session) -> None:
    """Re-execute docs/benchmarks/index.ipynb in place (a few minutes; idle machine).

    `nox -s bench-notebook -- --quick` runs it with shrunk sizes and saves nothing.
    """
    install(session, "bench")
    session.run("python", "-m", "execdocs.notebook", *session.posargs)


@nox.session(python=BUILD_PYTHON)
def new(session: nox.Session) -> None:
    """Start an example: `nox -s new -- threading/lock-order/transfer [--page "Lock ordering"]`."""
    install(session, "docs")
    session.run("python", "-m", "execdocs", "new", *session.posargs)


@nox.session(python=BUILD_PYTHON)
def stress(session: nox.Session) -> None:
    """Run every snippet 20 times with one core kept busy; all must match."""
    install(session, "docs")
    session.run("python", "-m", "execdocs", "stress", *session.posargs)


@nox.session(python=BUILD_PYTHON)
def bench(session: nox.Session) -> None:
    """Print build-speed figures (cold, warm, one edit, render, snippets, tests), then
    refresh the Benchmarks notebook (`bench-notebook`). Asserts nothing."""
    install(session, "docs")
    session.run("python", "benchmarks/build_speed.py", *session.posargs)
    session.notify("bench-notebook")


@nox.session(python=BUILD_PYTHON)
def lock(session: nox.Session) -> None:
    """Regenerate constraints.txt from a fresh install of all groups."""
    groups = ["docs", "bench", "tests", "lint", "matrix", "mutants"]
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
    session.run("mutmut", "run", "--max-children", "2", *args)
    session.run("python", "benchmarks/mutation_score.py")
