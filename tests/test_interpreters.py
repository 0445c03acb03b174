"""Interpreter tags (execdocs/interpreters.py): known ones, and a clear message for a
missing one."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from importlib.metadata import packages_distributions

import pytest

from execdocs import interpreters
from execdocs.examples import requirement_name
from execdocs.interpreters import (
    BUILD_PYTHON,
    MATRIX,
    InterpreterError,
    check_known,
    current,
    describe,
    executable,
    free_threaded,
    version,
)

from .conftest import ENV, ROOT


def test_the_build_interpreter_and_the_matrix() -> None:
    assert BUILD_PYTHON == "3.14"
    assert MATRIX == ("3.11", "3.12", "3.13", "3.14", "3.14t")


def _canonical(distribution: str) -> str:
    return re.sub(r"[-_.]+", "-", distribution).lower()  # PEP 503's normal form


def _group(groups: dict[str, list[object]], name: str) -> set[str]:
    """The distributions a dependency group names, its included groups' too."""
    found: set[str] = set()
    for entry in groups[name]:
        if isinstance(entry, dict):
            found |= _group(groups, str(entry["include-group"]))
        else:
            found.add(_canonical(requirement_name(str(entry))))
    return found


def test_the_matrix_environment_can_load_the_snippet_tests() -> None:
    """`nox -s matrix` installs its own group only. Its tests and their conftest must load
    without the build's and the browser's packages: importing one failed every
    interpreter of the matrix (in CI, not in `nox -s tests`)."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    groups = pyproject["dependency-groups"]
    missing = _group(groups, "tests") - _group(groups, "matrix")
    modules = sorted(
        module
        for module, distributions in packages_distributions().items()
        if any(_canonical(d) in missing for d in distributions)
    )
    assert {"markdown_exec", "material", "jinja2"} <= set(modules)  # the build's, at least
    code = (
        f"import sys\nfor name in {modules!r}: sys.modules[name] = None\n"
        "import pytest\nsys.exit(pytest.main(['--collect-only', '-q', 'tests/test_snippets.py']))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**ENV, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]


def test_tags() -> None:
    assert version("3.14t") == (3, 14) and version("3.9") == (3, 9)
    assert free_threaded("3.14t") and not free_threaded("3.14")
    assert check_known("3.13") == "3.13"
    assert current() == f"{sys.version_info.major}.{sys.version_info.minor}"  # a GIL build


def test_a_free_threaded_build_has_the_t_tag(monkeypatch: pytest.MonkeyPatch) -> None:
    def config_var(name: str) -> object:
        return 1 if name == "Py_GIL_DISABLED" else None

    monkeypatch.setattr(interpreters.sysconfig, "get_config_var", config_var)
    assert current() == f"{sys.version_info.major}.{sys.version_info.minor}t"


@pytest.mark.parametrize("tag", ["2.7", "3.10", "3.14T", "", "3.14 "])
def test_unknown_tags_are_refused_with_the_known_ones(tag: str) -> None:
    with pytest.raises(InterpreterError) as caught:
        check_known(tag)
    assert str(caught.value) == f"unknown interpreter {tag!r}; known: 3.11 3.12 3.13 3.14 3.14t"
    with pytest.raises(InterpreterError):
        executable(tag)


@pytest.mark.parametrize("tag", ["3", "python3.14", "3.14tt", "4.1"])
def test_version_refuses_what_is_not_a_tag(tag: str) -> None:
    with pytest.raises(InterpreterError) as caught:
        version(tag)
    assert str(caught.value) == f"{tag!r} is not an interpreter; known: 3.11 3.12 3.13 3.14 3.14t"


def test_a_missing_interpreter_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    executable.cache_clear()
    monkeypatch.setattr(interpreters.shutil, "which", lambda name: None)
    try:
        with pytest.raises(InterpreterError) as caught:
            executable("3.12")
        assert str(caught.value) == (
            "python3.12 is not installed (not on PATH); install it, e.g. "
            "`uv python install 3.12` or the python.org installer, then run again"
        )
        assert executable(current()) == sys.executable  # this one needs no lookup
    finally:
        executable.cache_clear()


def test_executables_are_found_on_path() -> None:
    assert executable("3.14t").endswith("python3.14t")
    assert describe("3.14t").startswith("CPython 3.14.") and describe("3.14t").endswith(
        " free-threading build"
    )
    assert describe("3.14").startswith("CPython 3.14.") and "free" not in describe("3.14")
