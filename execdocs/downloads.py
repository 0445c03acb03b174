"""Downloads for readers: each example's file, its "try it" line, and a zip of them all.

The build copies every embedded snippet into the site under ``examples/``, keeping its
path and name (``snippets/threading/locks/race_withdraw.py`` becomes
``examples/threading/locks/race_withdraw.py``), and writes ``examples/`` + :data:`ZIP`:
every snippet, one folder per chapter, each with a short README. The fence renders a
download button beside each example's copy button and a "try it" line with the command
that runs the downloaded file.
"""

from __future__ import annotations

import io
import posixpath
import shutil
import zipfile
from collections.abc import Iterable
from html import escape
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from execdocs.examples import SNIPPETS

if TYPE_CHECKING:
    from execdocs.examples import Example

#: Where the snippets go in the built site.
FOLDER = "examples"
#: The zip of every example, in FOLDER; its top folder has the same name, minus .zip.
ZIP = "concurrent-python-examples.zip"
#: Folder in the zip for the snippets of the home page (top level of snippets/).
HOME = "introduction"
#: The icon of the theme's download action (Material Design Icons "download", Apache 2.0).
_ICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true">'
    '<path d="M5 20h14v-2H5zM19 9h-4V3H9v6H5l7 7z"/></svg>'
)


def _site_path(source: str) -> str:
    """``snippets/threading/x.py`` -> ``examples/threading/x.py``."""
    return f"{FOLDER}/{source.removeprefix(f'{SNIPPETS}/')}"


def page_dir(page: str) -> str:
    """The folder a docs page is served from: ``docs/threading/locks.md`` -> ``threading/locks``
    (directory URLs, MkDocs' default)."""
    rel = PurePosixPath(page.removeprefix("docs/") or "index.md")
    folder = rel.parent if rel.stem in ("index", "README") else rel.with_suffix("")
    return "" if str(folder) == "." else folder.as_posix()


def site_url(target: str, page: str) -> str:
    """A link from a page to a file of the site, relative (the site works from any folder)."""
    return posixpath.relpath(target, page_dir(page) or ".")


def download_link_html(source: str, page: str) -> str:
    """The download button of one example (placed beside the theme's copy button)."""
    name = PurePosixPath(source).name
    href = escape(site_url(_site_path(source), page))
    return (
        f'<a class="xd-download md-icon" href="{href}" download="{escape(name)}" '
        f'title="Download {escape(name)}" aria-label="Download {escape(name)}">{_ICON}</a>'
    )


def try_it_html(
    source: str, requires: tuple[str, ...], repo_url: str | None = None, command: str = "python"
) -> str:
    """The summary's "try it" part: the command that runs the downloaded file, after the
    ``pip install`` line when the example needs a package; and, with the repository's
    address (mkdocs.yml's ``repo_url``), a link to the file's source there."""
    name = escape(PurePosixPath(source).name)
    html = f" · try it: download it, then <code>{escape(command)} {name}</code>"
    if requires:
        wanted = " ".join(f'"{escape(req)}"' for req in requires)
        html += f" after <code>python -m pip install {wanted}</code>"
    if repo_url:
        url = f"{repo_url.rstrip('/')}/blob/main/{source}"
        html += f' · <a href="{escape(url)}">source on GitHub</a>'
    return html


def _chapter(path: str) -> str:
    parts = PurePosixPath(path).parts
    return parts[0] if len(parts) > 1 else HOME


def _zip_path(path: str) -> str:
    top = ZIP.removesuffix(".zip")
    return f"{top}/{path}" if len(PurePosixPath(path).parts) > 1 else f"{top}/{HOME}/{path}"


def _readme(chapter: str, examples: list[Example]) -> str:
    title = "Home page" if chapter == HOME else chapter.capitalize()
    lines = [
        f"# {title}: examples from Concurrent Python, executed",
        "",
        "Each file is a complete program that was run when the site was built; the page",
        "that embeds it shows that run. Run one with Python 3.11 or newer (those marked",
        "with a version need at least that one), from this folder:",
        "",
    ]
    for example in examples:
        inside = example.path if chapter == HOME else example.path.split("/", 1)[1]
        line = f"- `python {inside}` (from {example.page or 'its page'})"
        if example.min_python:
            line += f", Python {'.'.join(map(str, example.min_python))}+"
        if example.requires:
            line += f", after `python -m pip install {' '.join(example.requires)}`"
        lines.append(line)
    return "\n".join(lines) + "\n"


def zip_bytes(root: Path, examples: Iterable[Example]) -> bytes:
    """The zip of every example: one folder per chapter, each with a README.md."""
    by_chapter: dict[str, list[Example]] = {}
    for example in sorted(examples, key=lambda e: e.path):
        by_chapter.setdefault(_chapter(example.path), []).append(example)
    top = ZIP.removesuffix(".zip")
    buffer = io.BytesIO()
    # A fixed date for every entry: the same snippets give the same zip, byte for byte.
    stamp = (2020, 1, 1, 0, 0, 0)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:

        def add(name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(name, stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)

        add(
            f"{top}/README.md",
            b"# Concurrent Python, executed: every example\n\n"
            b"One folder per chapter; each folder's README.md lists its programs and the\n"
            b"command that runs each one. Standard library only, except where a README\n"
            b"names a package to install first.\n",
        )
        for chapter, members in by_chapter.items():
            add(f"{top}/{chapter}/README.md", _readme(chapter, members).encode())
            for example in members:
                add(_zip_path(example.path), (root / example.source).read_bytes())
    return buffer.getvalue()


def write(root: Path, site_dir: Path, examples: Iterable[Example]) -> None:
    """Copy each embedded snippet into the built site, and write the zip beside them
    (called by the plugin once the site is built)."""
    # A fence naming a missing file has failed the build already, with its page.
    examples = [example for example in examples if (root / example.source).is_file()]
    for example in examples:
        target = site_dir / _site_path(example.source)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / example.source, target)
    (site_dir / FOLDER).mkdir(parents=True, exist_ok=True)  # also for a site with none
    (site_dir / FOLDER / ZIP).write_bytes(zip_bytes(root, examples))
