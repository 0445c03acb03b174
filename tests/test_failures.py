"""Every way a contributor can break an example fails both the build and the tests,
with a message that names the file, and never with a traceback from inside MkDocs.

Each case builds a one-page copy of the site in a temporary folder, with the real
mkdocs.yml and the real test modules, breaks it, then runs `mkdocs build --strict`
and pytest there, side by side.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
TEST_MODULES = ["tests/test_snippets.py", "tests/test_inline_examples.py"]


@dataclass
class Outcome:
    code: int
    output: str


class Site:
    """A one-page copy of the project to break."""

    def __init__(self, root: Path) -> None:
        self.root = root
        config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
        config["nav"] = [{"Home": "index.md"}]
        (root / "docs" / "assets").mkdir(parents=True)
        (root / "snippets").mkdir()
        (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
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

    def _start(self, *args: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, *args],
            cwd=self.root,
            env=ENV,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def build_and_test(self) -> tuple[Outcome, Outcome]:
        build = self._start("-m", "mkdocs", "build", "--strict")
        tests = self._start("-m", "pytest", "-q", "-p", "no:cacheprovider", *TEST_MODULES)
        return tuple(  # type: ignore[return-value]
            Outcome(proc.wait(timeout=120), proc.communicate()[0]) for proc in (build, tests)
        )


@pytest.fixture
def site(tmp_path: Path) -> Site:
    return Site(tmp_path)


def assert_fails_clearly(outcome: Outcome, *expected: str) -> None:
    assert outcome.code not in (0, 3), (
        f"exit {outcome.code} (0: passed, 3: INTERNALERROR)\n{outcome.output}"
    )
    for text in expected:
        assert text in outcome.output, f"{text!r} not in:\n{outcome.output}"
    # The snippet's own traceback may be quoted; no frame from an installed package may be.
    assert not re.search(r'File ".*site-packages', outcome.output), outcome.output


CASES = {
    "raises": (
        lambda s: s.snippet("hello.py", 'raise ValueError("boom")', recording="hello"),
        ["snippets/hello.py: exited with code 1", "ValueError: boom"],
    ),
    "hangs": (
        lambda s: (
            s.snippet("hello.py", 'print("before the hang", flush=True)\ntime.sleep(60)'),
            s.page('```run timeout="1"\nhello.py\n```\n'),
        ),
        ["snippets/hello.py: still running after 1 s", "before the hang"],
    ),
    "writes to stderr": (
        lambda s: s.snippet("hello.py", 'print("hello")\nprint("careful", file=sys.stderr)'),
        ["snippets/hello.py: wrote to stderr", "careful"],
    ),
    "drifts": (
        lambda s: s.snippet("hello.py", 'print("hallo")', recording="hello"),
        ["snippets/hello.py: stdout drifted", "-hello", "+hallo", "update-outputs"],
    ),
    "embeds a missing snippet": (
        lambda s: s.page("```run\nhello.py\n```\n\n```run\nnowhere.py\n```\n"),
        ["snippets/nowhere.py: does not exist"],
    ),
    "includes a missing file": (
        lambda s: s.page('```run\nhello.py\n```\n\n--8<-- "nowhere.md"\n'),
        ["docs/index.md:7: includes 'nowhere.md', which does not exist"],
    ),
    "misspells a fence option": (
        lambda s: s.page('```run ordr="free"\nhello.py\n```\n'),
        ["docs/index.md:3: unknown option ordr"],
    ),
    "leaves a snippet out": (
        lambda s: s.snippet("stray.py", 'print("stray")'),
        ["snippets/stray.py", "no page embeds"],
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_breakage_fails_build_and_tests(site: Site, case: str) -> None:
    breakage, expected = CASES[case]
    breakage(site)
    build, tests = site.build_and_test()
    assert_fails_clearly(build, *expected)
    assert_fails_clearly(tests, *expected)


def test_inline_example_that_raises_is_a_failure_not_a_crash(site: Site) -> None:
    site.page("```run\nhello.py\n```\n\n```python\nprint(1 / 0)\n```\n")
    _, tests = site.build_and_test()
    assert_fails_clearly(tests, "docs/index.md:7: the example raised ZeroDivisionError")


def test_output_is_escaped_not_interpreted(site: Site) -> None:
    lines = ["<script>alert(1)</script>", "**bold**", "a & b"]
    prints = "\n".join(f"print({json.dumps(line)})" for line in lines)
    site.snippet("hello.py", prints, recording="\n".join(lines))
    build, tests = site.build_and_test()
    assert build.code == 0 and tests.code == 0, build.output + tests.output
    html = (site.root / "site" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    assert ">**bold**<" in html and "<strong>bold</strong>" not in html
    assert ">a &amp; b<" in html


def test_update_never_records_a_failed_run(site: Site) -> None:
    site.snippet("hello.py", 'print("half", flush=True)\nraise SystemExit(3)', recording="hello")
    update = subprocess.run(
        [sys.executable, "-m", "execdocs", "update"],
        cwd=site.root,
        env=ENV,
        capture_output=True,
        text=True,
    )
    assert update.returncode == 1, update.stdout + update.stderr
    assert "NOT RECORDED snippets/hello.py: exited with code 3" in update.stderr
    assert (site.root / "snippets" / "hello.out").read_text(encoding="utf-8") == "hello\n"
    assert not list((site.root / "snippets").glob(".*.tmp")), "a half-written file was left behind"
