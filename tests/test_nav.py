"""`nox -s new` in-process (execdocs/scaffold.py): where a new page lands in the nav, and
what is left when the template run fails."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from execdocs import scaffold
from execdocs.outputs import SnippetError
from execdocs.scaffold import ScaffoldError, add_to_nav, new_example

from .conftest import ROOT


def nav(config: Path) -> list[object]:
    # BaseLoader: mkdocs.yml has !!python/name tags; the nav is plain strings.
    return yaml.load(config.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["nav"]


def section(config: Path, title: str) -> list[object]:
    for entry in nav(config):
        if isinstance(entry, dict) and title in entry:
            return entry[title]
    raise AssertionError(f"no {title} in the nav")


@pytest.fixture
def real(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path / "mkdocs.yml"


@pytest.mark.parametrize(
    ("page", "title"),
    [
        ("threading/lock-order.md", "Threading"),
        ("asyncio/signals.md", "AsyncIO"),
        ("futures/more.md", "Futures"),
        ("testing/flaky.md", "Testing and debugging"),
    ],
)
def test_a_page_lands_at_the_end_of_its_topics_section(real: Path, page: str, title: str) -> None:
    before = nav(real)
    add_to_nav(real, "New page", page)
    assert section(real, title)[-1] == {"New page": page}
    others = [e for e in nav(real) if not (isinstance(e, dict) and title in e)]
    assert others == [e for e in before if not (isinstance(e, dict) and title in e)]


def test_a_topics_lone_page_becomes_a_section(real: Path) -> None:
    add_to_nav(real, "Ray", "distributed/ray.md")
    assert section(real, "Beyond one machine") == [
        "distributed/index.md",
        {"Ray": "distributed/ray.md"},
    ]
    # The section after it is untouched.
    assert "distributed/ray.md" not in str(section(real, "Testing and debugging"))


def test_a_new_topic_goes_at_the_end(real: Path) -> None:
    add_to_nav(real, "Ray", "ray/index.md")
    assert nav(real)[-1] == {"Ray": "ray/index.md"}
    text = real.read_text(encoding="utf-8")
    assert "\n  - Ray: ray/index.md\n\nplugins:" in text


def test_several_sections(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: x\nnav:\n  - Home: index.md\n"
        "  - A:\n      - a/index.md\n      - One: a/one.md\n"
        "  - B:\n      - B: b/index.md\n  - C: c.md\n\n\ntheme: x\n",
        encoding="utf-8",
    )
    add_to_nav(config, "Two", "a/two.md")
    add_to_nav(config, "Deep", "b/deep.md")
    assert nav(config) == [
        {"Home": "index.md"},
        {"A": ["a/index.md", {"One": "a/one.md"}, {"Two": "a/two.md"}]},
        {"B": [{"B": "b/index.md"}, {"Deep": "b/deep.md"}]},
        {"C": "c.md"},
    ]
    assert config.read_text().endswith("  - C: c.md\n\n\ntheme: x\n")


def test_the_first_entry_a_lone_page_and_the_entry_after_it(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("nav:\n  - Demo: demo/index.md\n  - About: about.md\n", encoding="utf-8")
    add_to_nav(config, "X", "demo/x.md")
    assert config.read_text() == (
        "nav:\n  - Demo:\n      - demo/index.md\n      - X: demo/x.md\n  - About: about.md\n"
    )


def test_only_the_nav_is_searched_for_the_topics_section(tmp_path: Path) -> None:
    """Other settings can name pages too (a redirect here); an entry without a title
    is passed over."""
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "plugins:\n  - redirects:\n      redirect_maps:\n        old.md: demo/new.md\n"
        "nav:\n  - index.md\n  - A:\n      - a/index.md\n  - Demo:\n      - demo/index.md\n",
        encoding="utf-8",
    )
    add_to_nav(config, "X", "demo/x.md")
    assert nav(config) == [
        "index.md",
        {"A": ["a/index.md"]},
        {"Demo": ["demo/index.md", {"X": "demo/x.md"}]},
    ]


def test_a_page_never_lands_in_another_topics_section(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("nav:\n  - demo/index.md\n  - A:\n      - a/index.md\n", encoding="utf-8")
    add_to_nav(config, "X", "demo/x.md")
    assert section(config, "A") == ["a/index.md"]
    assert {"X": "demo/x.md"} in nav(config)


def test_a_nav_it_cannot_edit_is_an_error(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    original = "nav:\n  - Home: index.md\n  - Odd: 'a/x.md'\n"
    config.write_text(original, encoding="utf-8")
    with pytest.raises(
        ScaffoldError, match=r"could not add a/y\.md to the nav of .*; add it by hand"
    ):
        add_to_nav(config, "Y: with a colon", "a/y.md")
    assert config.read_text() == original


def test_the_fence_text() -> None:
    assert scaffold.fence("t/x.py") == "```run\nt/x.py\n```"
    assert scaffold.fence("t/x.py", "3.14 3.14t") == '```run pythons="3.14 3.14t"\nt/x.py\n```'


def _site(root: Path) -> Path:
    (root / "docs").mkdir()
    (root / "snippets").mkdir()
    (root / "mkdocs.yml").write_text("nav:\n  - Home: index.md\n  - Demo: demo/index.md\n")
    return root


def test_new_example_in_an_existing_topic(tmp_path: Path) -> None:
    root = _site(tmp_path)
    told = new_example(root, "demo/more/hello", "More")
    assert (
        told[0] == "created snippets/demo/more/hello.py and recorded its output in "
        "snippets/demo/more/hello.out"
    )
    assert (root / "snippets/demo/more/hello.out").read_text() == "Hello from demo/more/hello.py\n"
    page = (root / "docs/demo/more.md").read_text()
    assert page.startswith('---\ndescription: "TODO:') and "# More\n" in page
    assert "```run\ndemo/more/hello.py\n```" in page
    assert nav(root / "mkdocs.yml") == [
        {"Home": "index.md"},
        {"Demo": ["demo/index.md", {"More": "demo/more.md"}]},
    ]
    assert told[1] == "created docs/demo/more.md and added it to the nav in mkdocs.yml"
    with pytest.raises(ScaffoldError, match=r"docs/demo/more\.md already exists"):
        new_example(root, "demo/more/other", "More")
    assert not (root / "snippets/demo/more/other.py").exists()


def test_new_example_with_two_pythons_records_both(tmp_path: Path) -> None:
    root = _site(tmp_path)
    told = new_example(root, "demo/two", pythons="3.14 3.14t")
    assert "snippets/demo/two.out snippets/demo/two.3.14t.out" in told[0]
    assert (
        told[1]
        == 'paste this into docs/demo/index.md:\n\n```run pythons="3.14 3.14t"\ndemo/two.py\n```\n'
    )
    assert told[2].startswith("next: edit snippets/demo/two.py")


def test_a_failing_template_run_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _site(tmp_path)
    # Fails on the second interpreter, after the first recording was written.
    monkeypatch.setattr(
        scaffold,
        "TEMPLATE",
        'import sys\nprint("hi")\nif sys._is_gil_enabled() is False:\n    raise SystemExit(5)\n',
    )
    with pytest.raises(SnippetError, match=r"exited with code 5 on Python 3\.14t"):
        new_example(root, "demo/broken", "Broken", pythons="3.14 3.14t")
    assert sorted(p.name for p in (root / "snippets").rglob("*")) == ["demo"]
    assert not (root / "docs" / "demo").exists()
    assert "Broken" not in (root / "mkdocs.yml").read_text()


def test_new_example_accepts_a_py_suffix_and_shares_folders(tmp_path: Path) -> None:
    root = _site(tmp_path)
    (root / "docs" / "demo").mkdir()
    (root / "docs" / "demo" / "index.md").write_text("# Demo\n")  # the page exists already
    assert new_example(root, "demo/a.py")[0].startswith("created snippets/demo/a.py and")
    assert new_example(root, "demo/b")[0].startswith("created snippets/demo/b.py and")
    assert not (root / "snippets/demo/a.py.py").exists()
    told = new_example(root, "demo/page/c", "Page", pythons="3.14 3.14t")
    assert (
        '```run pythons="3.14 3.14t"\ndemo/page/c.py\n```'
        in (root / "docs/demo/page.md").read_text()
    )
    assert told[1] == "created docs/demo/page.md and added it to the nav in mkdocs.yml"


def test_new_example_creates_missing_folders(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("nav:\n  - Home: index.md\n")
    new_example(tmp_path, "deep/page/x", "Deep")
    assert (tmp_path / "docs/deep/page.md").is_file() and (
        tmp_path / "snippets/deep/page/x.out"
    ).is_file()


def test_new_example_bad_name_message() -> None:
    with pytest.raises(ScaffoldError) as caught:
        new_example(Path("/nonexistent"), "Bad")
    assert str(caught.value) == (
        "'Bad': give <topic>/<page>/<name> with a snake_case name, like "
        "threading/locks/transfer (or <topic>/<name> for the topic's first page)"
    )
