"""Downloads for readers: each example's button, the zip of all of them, and a downloaded
example run as a reader would run it."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path, PurePosixPath
from urllib.request import urlopen

from playwright.sync_api import expect

from execdocs.downloads import FOLDER, HOME, ZIP, page_dir
from execdocs.examples import discover

from ..conftest import ROOT
from .conftest import Opener

EXAMPLES = discover(ROOT)
# A program whose output is the same on every run: no timing, no free order.
RUNNABLE = "threading/locks/race_withdraw.py"


def test_every_example_has_a_download_button_for_its_own_file(built_site: Path) -> None:
    for example in EXAMPLES:
        copied = built_site / FOLDER / example.path
        assert copied.read_bytes() == (ROOT / example.source).read_bytes(), example.path
    buttons = sum(
        (built_site / page_dir(page) / "index.html")
        .read_text(encoding="utf-8")
        .count('<a class="xd-download')
        for page in {example.page for example in EXAMPLES}
    )
    assert buttons == len(EXAMPLES)


def test_the_button_downloads_the_snippet(open_page: Opener, tmp_path: Path) -> None:
    page = open_page("threading/locks/").page
    example = page.locator(".xd-example").filter(has_text="race_withdraw.py").first
    button = example.locator("a.xd-download")
    expect(button).to_have_accessible_name("Download race_withdraw.py")
    # Keyboard: the button takes focus and Enter downloads, like a click.
    button.focus()
    expect(button).to_be_focused()
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename == "race_withdraw.py"
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.read_bytes() == (ROOT / "snippets" / RUNNABLE).read_bytes()

    # A downloaded example runs on its own, from any folder, and prints its recording.
    summary = example.locator(".xd-summary")
    expect(summary).to_contain_text("python race_withdraw.py")
    run = subprocess.run(
        [sys.executable, saved.name], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    recording = (ROOT / "snippets" / RUNNABLE).with_suffix(".out").read_text(encoding="utf-8")
    assert run.stdout == recording


def test_an_example_that_needs_a_package_says_what_to_install(open_page: Opener) -> None:
    needs = next(example for example in EXAMPLES if example.requires)
    page = open_page(page_dir(needs.page) + "/").page
    summary = page.locator(f".xd-example:has(#{needs.anchor}) .xd-summary")
    name = PurePosixPath(needs.path).name
    expect(summary).to_contain_text(f"python {name}")
    expect(summary).to_contain_text(f'python -m pip install "{needs.requires[0]}"')


def test_the_zip_holds_every_snippet(base_url: str) -> None:
    """Linked from the home page and Contributing; one folder per chapter with a README."""
    for page, href in (("", ""), ("contributing/", "../")):
        with urlopen(base_url + page, timeout=10) as response:
            assert f'href="{href}{FOLDER}/{ZIP}"' in response.read().decode("utf-8"), page
    with urlopen(f"{base_url}{FOLDER}/{ZIP}", timeout=10) as response:
        archive = zipfile.ZipFile(io.BytesIO(response.read()))
    top = ZIP.removesuffix(".zip")
    names = set(archive.namelist())
    wanted = {}
    for example in EXAMPLES:
        parts = PurePosixPath(example.path).parts
        inside = example.path if len(parts) > 1 else f"{HOME}/{example.path}"
        wanted[f"{top}/{inside}"] = (ROOT / example.source).read_bytes()
    chapters = {name.split("/")[1] for name in wanted}
    readmes = {f"{top}/README.md", *(f"{top}/{chapter}/README.md" for chapter in chapters)}
    assert names == set(wanted) | readmes
    for name, data in wanted.items():
        assert archive.read(name) == data, name
    for chapter in chapters - {HOME}:
        readme = archive.read(f"{top}/{chapter}/README.md").decode("utf-8")
        assert all(
            f"python {example.path.split('/', 1)[1]}" in readme
            for example in EXAMPLES
            if example.path.startswith(f"{chapter}/")
        ), chapter
