"""`nox -s new`: a new example starts green, with its page and nav entry."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ENV, Site


def new(site: Site, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "execdocs", "new", *args],
        cwd=site.root,
        env=ENV,
        capture_output=True,
        text=True,
    )


def test_new_example_with_page_builds_and_asks_for_its_placeholders(tiny_site: Site) -> None:
    made = new(tiny_site, "demo/first-steps/hello", "--page", "First steps")
    assert made.returncode == 0, made.stderr
    assert "created snippets/demo/first-steps/hello.py" in made.stdout
    assert (
        tiny_site.root / "snippets/demo/first-steps/hello.out"
    ).read_text() == "Hello from demo/first-steps/hello.py\n"
    assert "  - First steps: demo/first-steps.md" in (tiny_site.root / "mkdocs.yml").read_text()
    build, tests = tiny_site.build_and_test()
    assert build.code == 0, build.output
    # Everything passes except the reminder to replace the template's TODO lines.
    assert tests.code == 1, tests.output
    assert "1 failed" in tests.output and "replace these placeholders" in tests.output
    assert 'docs/demo/first-steps.md:2: description: "TODO:' in tests.output


def test_new_example_without_page_prints_the_fence_and_is_not_yet_embedded(tiny_site: Site) -> None:
    made = new(tiny_site, "demo/later")
    assert "paste this into docs/demo/index.md" in made.stdout
    assert "```run\ndemo/later.py\n```" in made.stdout
    build = tiny_site.build()
    assert build.code == 1 and "snippets/demo/later.py: no page embeds it" in build.output


def test_new_refuses_bad_names_and_existing_files(tiny_site: Site) -> None:
    assert "snake_case" in new(tiny_site, "Bad-Name").stderr
    assert new(tiny_site, "demo/twice").returncode == 0
    again = new(tiny_site, "demo/twice")
    assert again.returncode == 2 and "already exists" in again.stderr
