"""`nox -s new`: a new example starts green, with its page and nav entry."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from execdocs.scaffold import add_to_nav

from .conftest import ENV, ROOT, Site


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


def _section_of(config: Path, page: str) -> str | None:
    """The top-level nav entry that lists ``page`` (None: a page of its own)."""
    for entry in yaml.safe_load(config.read_text(encoding="utf-8"))["nav"]:
        ((label, value),) = entry.items()
        if value == page:
            return None
        pages = [
            item if isinstance(item, str) else next(iter(item.values())) for item in value or []
        ]
        if isinstance(value, list) and page in pages:
            return label
    raise AssertionError(f"{page} is not in the nav")


@pytest.mark.parametrize(
    ("page", "section"),
    [
        ("threading/lock-order.md", "Threading"),
        ("asyncio/signals.md", "AsyncIO"),
        ("testing/fuzzing.md", "Testing and debugging"),
        ("distributed/ray.md", "Beyond one machine"),  # a lone page becomes a section
        ("newtopic/first.md", None),  # a new topic: a new entry at the end
    ],
)
def test_a_new_page_joins_its_topics_section_in_the_real_nav(
    tmp_path: Path, page: str, section: str | None
) -> None:
    """Defect: with the real mkdocs.yml, new pages landed under "Testing and debugging"."""
    config = tmp_path / "mkdocs.yml"
    shutil.copy(ROOT / "mkdocs.yml", config)
    before = yaml.safe_load(config.read_text(encoding="utf-8"))["nav"]
    add_to_nav(config, "New page", page)
    assert _section_of(config, page) == section
    after = yaml.safe_load(config.read_text(encoding="utf-8"))["nav"]
    assert len(after) == len(before) + (section is None)


def test_a_new_page_goes_to_the_end_of_its_own_section(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: x\nnav:\n  - Home: index.md\n  - A:\n      - a/index.md\n      - a/b.md\n"
        "  - B:\n      - b/index.md\n  - Last: last.md\nplugins: []\n",
        encoding="utf-8",
    )
    add_to_nav(config, "New", "a/new.md")
    add_to_nav(config, "Other", "b/other.md")
    assert yaml.safe_load(config.read_text(encoding="utf-8"))["nav"] == [
        {"Home": "index.md"},
        {"A": ["a/index.md", "a/b.md", {"New": "a/new.md"}]},
        {"B": ["b/index.md", {"Other": "b/other.md"}]},
        {"Last": "last.md"},
    ]
