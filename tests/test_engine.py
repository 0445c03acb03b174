"""The site is built by ProperDocs, and every plugin mkdocs.yml names loads through it."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ENV, ROOT

# Run in a fresh interpreter, as `properdocs build` runs: its CLI module installs the
# `mkdocs.*` -> `properdocs.*` import alias before any plugin is imported.
PROBE = """
import properdocs.__main__  # noqa: F401  (installs the alias, as the CLI does)
import mkdocs, properdocs
from properdocs.plugins import BasePlugin, get_plugins
from properdocs.config.base import load_config

assert mkdocs is properdocs, "mkdocs.* is not aliased to properdocs.*"
config = load_config("mkdocs.yml")
for name, plugin in config.plugins.items():
    assert isinstance(plugin, BasePlugin), name
    print(name, type(plugin).__module__)
print("theme", config.theme.name, config.theme.dirs[-2])
"""


def test_properdocs_loads_every_plugin_of_mkdocs_yml() -> None:
    run = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=ENV, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    loaded = dict(line.split(" ", 1) for line in run.stdout.splitlines())
    assert loaded.pop("theme").startswith("material ")
    assert loaded == {
        "material/search": "material.plugins.search.plugin",
        "execdocs": "execdocs.plugin",
        "markdown-exec": "markdown_exec._internal.mkdocs_plugin",
        "mkdocs-jupyter": "mkdocs_jupyter.plugin",
        "execdocs-notebooks": "execdocs.jupyter_page",
    }


def test_the_build_runs_properdocs_not_mkdocs() -> None:
    """The engine is pinned in the docs group; `mkdocs` stays only as a dependency of the
    theme and of mkdocs-jupyter, and its own code is not what builds the site."""
    from importlib.metadata import version

    assert version("properdocs") == "1.6.7"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"properdocs==' in pyproject
    assert '"mkdocs==' not in pyproject
