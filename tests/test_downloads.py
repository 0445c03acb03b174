"""execdocs/downloads.py: the links each example gets and the zip's layout."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from execdocs import downloads
from execdocs.examples import Example

TOP = downloads.ZIP.removesuffix(".zip")


def _snippets(root: Path, *paths: str) -> None:
    """Snippet files under root/snippets/, each printing its own path."""
    for path in paths:
        (root / "snippets" / path).parent.mkdir(parents=True, exist_ok=True)
        (root / "snippets" / path).write_text(f"print({path!r})\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("page", "folder"),
    [
        ("docs/threading/locks.md", "threading/locks"),
        ("docs/threading/index.md", "threading"),
        ("docs/threading/README.md", "threading"),  # MkDocs serves README.md as index.md
        ("docs/index.md", ""),
        ("docs/README.md", ""),
        ("docs/about.md", "about"),
        ("docs/", ""),  # no page: the site's root
        ("", ""),
    ],
)
def test_page_dir_is_the_folder_a_page_is_served_from(page: str, folder: str) -> None:
    assert downloads.page_dir(page) == folder


def test_site_url_is_relative_to_the_page_folder() -> None:
    assert downloads.site_url("examples/a.py", "docs/threading/locks.md") == "../../examples/a.py"
    assert downloads.site_url("examples/a.py", "docs/threading/index.md") == "../examples/a.py"
    assert downloads.site_url("examples/a.py", "docs/index.md") == "examples/a.py"


def test_download_link_is_relative_to_the_page_and_named() -> None:
    link = downloads.download_link_html("snippets/threading/locks/x.py", "docs/threading/locks.md")
    assert link == (
        '<a class="xd-download md-icon" href="../../examples/threading/locks/x.py" '
        'download="x.py" title="Download x.py" aria-label="Download x.py">'
        f"{downloads._ICON}</a>"
    )
    home = downloads.download_link_html("snippets/two.py", "docs/index.md")
    assert 'href="examples/two.py"' in home
    section = downloads.download_link_html("snippets/futures/a.py", "docs/futures/index.md")
    assert 'href="../examples/futures/a.py"' in section
    # A name that is not plain text is escaped wherever it appears.
    odd = downloads.download_link_html("snippets/a&b.py", "docs/index.md")
    assert 'href="examples/a&amp;b.py" download="a&amp;b.py" title="Download a&amp;b.py"' in odd
    assert 'aria-label="Download a&amp;b.py"' in odd


def test_try_it_runs_the_downloaded_file_and_names_what_to_install() -> None:
    repo = "https://github.com/someone/site/"
    plain = downloads.try_it_html("snippets/threading/x.py", (), repo)
    assert plain == (
        " · try it: download it, then <code>python x.py</code>"
        ' · <a href="https://github.com/someone/site/blob/main/snippets/threading/x.py">'
        "source on GitHub</a>"
    )
    needs = downloads.try_it_html("snippets/distributed/d.py", ("dask[distributed]", "b&c"))
    assert needs == (
        " · try it: download it, then <code>python d.py</code>"
        ' after <code>python -m pip install "dask[distributed]" "b&amp;c"</code>'
    )
    free = downloads.try_it_html("snippets/modern/x.py", (), None, "python3.14t")
    assert free == " · try it: download it, then <code>python3.14t x.py</code>"
    # repo_url without the trailing slash gives the same link; only slashes are stripped.
    assert downloads.try_it_html("snippets/threading/x.py", (), repo.rstrip("/")) == plain
    tool = downloads.try_it_html("snippets/x.py", (), "https://github.com/someone/toolX")
    assert 'href="https://github.com/someone/toolX/blob/main/snippets/x.py"' in tool


def test_zip_has_a_folder_per_chapter_and_is_reproducible(tmp_path: Path) -> None:
    _snippets(tmp_path, "two_tasks.py", "threading/locks/race.py", "threading/a.py")
    examples = [
        Example("two_tasks.py", page="docs/index.md"),
        Example("threading/locks/race.py", page="docs/threading/locks.md", min_python=(3, 13)),
        Example("threading/a.py", requires=("dask", "numpy>=2")),
    ]
    data = downloads.zip_bytes(tmp_path, examples)
    assert data == downloads.zip_bytes(tmp_path, reversed(examples))  # same bytes every build
    archive = zipfile.ZipFile(io.BytesIO(data))
    # Sorted by path, each chapter's README before its files, the home page's snippets in
    # a folder of their own.
    assert archive.namelist() == [
        f"{TOP}/README.md",
        f"{TOP}/threading/README.md",
        f"{TOP}/threading/a.py",
        f"{TOP}/threading/locks/race.py",
        f"{TOP}/introduction/README.md",
        f"{TOP}/introduction/two_tasks.py",
    ]
    for info in archive.infolist():  # the same date and mode whenever it is built
        assert info.date_time == (2020, 1, 1, 0, 0, 0)
        assert info.compress_type == zipfile.ZIP_DEFLATED
        assert info.external_attr == 0o644 << 16
    assert archive.read(f"{TOP}/threading/locks/race.py") == b"print('threading/locks/race.py')\n"
    assert archive.read(f"{TOP}/introduction/two_tasks.py") == b"print('two_tasks.py')\n"
    assert archive.read(f"{TOP}/README.md").decode() == (
        "# Concurrent Python, executed: every example\n\n"
        "One folder per chapter; each folder's README.md lists its programs and the\n"
        "command that runs each one. Standard library only, except where a README\n"
        "names a package to install first.\n"
    )
    intro = (
        "Each file is a complete program that was run when the site was built; the page\n"
        "that embeds it shows that run. Run one with Python 3.11 or newer (those marked\n"
        "with a version need at least that one), from this folder:\n"
        "\n"
    )
    assert archive.read(f"{TOP}/threading/README.md").decode() == (
        "# Threading: examples from Concurrent Python, executed\n\n"
        + intro
        + "- `python a.py` (from its page), after `python -m pip install dask numpy>=2`\n"
        "- `python locks/race.py` (from docs/threading/locks.md), Python 3.13+\n"
    )
    assert archive.read(f"{TOP}/introduction/README.md").decode() == (
        "# Home page: examples from Concurrent Python, executed\n\n"
        + intro
        + "- `python two_tasks.py` (from docs/index.md)\n"
    )


def test_write_copies_each_snippet_into_the_site_beside_the_zip(tmp_path: Path) -> None:
    _snippets(tmp_path, "threading/locks/race.py", "threading/locks/safe.py", "top.py")
    examples = [
        Example("threading/locks/race.py"),
        Example("threading/locks/safe.py"),  # a second file in a folder made already
        Example("top.py"),
        Example("gone.py"),  # missing: its fence has failed the build already
    ]
    site = tmp_path / "site"
    site.mkdir()
    downloads.write(tmp_path, site, examples)
    copied = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.py"))
    assert copied == [
        "examples/threading/locks/race.py",
        "examples/threading/locks/safe.py",
        "examples/top.py",
    ]
    assert (site / "examples/top.py").read_text(encoding="utf-8") == "print('top.py')\n"
    zipped = downloads.zip_bytes(tmp_path, examples[:3])
    assert (site / downloads.FOLDER / downloads.ZIP).read_bytes() == zipped
    downloads.write(tmp_path, site, examples)  # a second build over the same site
    assert (site / downloads.FOLDER / downloads.ZIP).read_bytes() == zipped


def test_a_site_with_no_examples_gets_an_empty_zip(tmp_path: Path) -> None:
    """Found by the bench's render-only build: the zip's folder did not exist."""
    site = tmp_path / "site"  # not made yet either: write makes every folder it needs
    downloads.write(tmp_path, site, [])
    with zipfile.ZipFile(site / downloads.FOLDER / downloads.ZIP) as archive:
        assert archive.namelist() == [f"{TOP}/README.md"]
