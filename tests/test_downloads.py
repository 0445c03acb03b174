"""execdocs/downloads.py: the links each example gets and the zip's layout."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from execdocs import downloads
from execdocs.examples import Example

from .conftest import ROOT


def test_download_link_is_relative_to_the_page_and_named() -> None:
    link = downloads.download_link_html("snippets/threading/locks/x.py", "docs/threading/locks.md")
    assert 'href="../../examples/threading/locks/x.py"' in link
    assert 'download="x.py"' in link and 'aria-label="Download x.py"' in link
    home = downloads.download_link_html("snippets/two.py", "docs/index.md")
    assert 'href="examples/two.py"' in home
    section = downloads.download_link_html("snippets/futures/a.py", "docs/futures/index.md")
    assert 'href="../examples/futures/a.py"' in section


def test_try_it_runs_the_downloaded_file_and_names_what_to_install() -> None:
    repo = "https://github.com/someone/site/"
    plain = downloads.try_it_html("snippets/threading/x.py", (), repo)
    assert "<code>python x.py</code>" in plain and "pip" not in plain
    assert 'href="https://github.com/someone/site/blob/main/snippets/threading/x.py"' in plain
    needs = downloads.try_it_html("snippets/distributed/d.py", ("dask[distributed]",), repo)
    assert '<code>python -m pip install "dask[distributed]"</code>' in needs
    free = downloads.try_it_html("snippets/modern/x.py", (), None, "python3.14t")
    assert "<code>python3.14t x.py</code>" in free and "GitHub" not in free


def test_zip_has_a_folder_per_chapter_and_is_reproducible() -> None:
    examples = [
        Example("two_tasks_sequential.py", page="docs/index.md"),
        Example("threading/locks/race_withdraw.py", page="docs/threading/locks.md"),
        Example("threading/two_tasks.py", page="docs/threading/index.md"),
    ]
    data = downloads.zip_bytes(ROOT, examples)
    assert data == downloads.zip_bytes(ROOT, reversed(examples))  # same bytes every build
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    top = downloads.ZIP.removesuffix(".zip")
    assert sorted(names) == sorted(
        [
            f"{top}/README.md",
            f"{top}/introduction/README.md",
            f"{top}/introduction/two_tasks_sequential.py",
            f"{top}/threading/README.md",
            f"{top}/threading/locks/race_withdraw.py",
            f"{top}/threading/two_tasks.py",
        ]
    )
    readme = zipfile.ZipFile(io.BytesIO(data)).read(f"{top}/threading/README.md").decode()
    assert "`python locks/race_withdraw.py`" in readme and "`python two_tasks.py`" in readme


def test_a_site_with_no_examples_gets_an_empty_zip(tmp_path: Path) -> None:
    """Found by the bench's render-only build: the zip's folder did not exist."""
    site = tmp_path / "site"
    site.mkdir()
    downloads.write(tmp_path, site, [])
    with zipfile.ZipFile(site / downloads.FOLDER / downloads.ZIP) as archive:
        assert [name for name in archive.namelist() if name.endswith(".py")] == []
