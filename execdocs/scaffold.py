"""`nox -s new -- <topic>/<page>/<name> [--page TITLE]`: start a new example.

Creates the snippet from a template, runs it through the runner, records its output
and prints the fence to paste into its page; with --page it also writes that page and
its nav entry. Snippets mirror pages: ``threading/locks/transfer`` belongs on
``docs/threading/locks.md``, and ``threading/transfer`` on ``docs/threading/index.md``.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import yaml

from execdocs.build import Job, execute
from execdocs.examples import DOCS, FENCE, Example, FenceError, page_of
from execdocs.outputs import SnippetError, record

NAME = re.compile(r"[a-z][a-z0-9_-]*/(?:[a-z][a-z0-9_-]*/)?[a-z][a-z0-9_]*")

TEMPLATE = '''"""TODO: say in one line what this example shows."""


def main():
    # Print with flush=True wherever several threads or processes write.
    print("Hello from {path}", flush=True)


if __name__ == "__main__":
    main()
'''

PAGE = """---
description: "TODO: one sentence for search engines and link previews."
---

# {title}

TODO: one or two sentences that say what the reader is about to see.

{fence}

TODO: explain the output above, then the pitfall.
"""


class ScaffoldError(Exception):
    pass


def fence(path: str, pythons: str | None = None) -> str:
    header = f' pythons="{pythons}"' if pythons else ""
    return f"```{FENCE}{header}\n{path}\n```"


def new_example(
    root: Path, name: str, page_title: str | None = None, pythons: str | None = None
) -> list[str]:
    """Create the snippet (and page), record its output; return what to tell the user."""
    if not NAME.fullmatch(name.removesuffix(".py")):
        raise ScaffoldError(
            f"{name!r}: give <topic>/<page>/<name> with a snake_case name, like "
            "threading/locks/transfer (or <topic>/<name> for the topic's first page)"
        )
    path = name.removesuffix(".py") + ".py"
    options = {"pythons": pythons} if pythons else {}
    try:
        example = Example.from_fence(path, options)
    except FenceError as error:
        raise ScaffoldError(str(error)) from None
    snippet = root / example.source
    page = root / page_of(path)
    for existing in (snippet, page if page_title else None):
        if existing and existing.exists():
            raise ScaffoldError(f"{existing.relative_to(root)} already exists; pick another name")
    snippet.parent.mkdir(parents=True, exist_ok=True)
    snippet.write_text(TEMPLATE.format(path=path), encoding="utf-8")
    changed = []
    try:
        for python in example.pythons:
            changed += record(example, execute(Job(example, python), root), root)
    except SnippetError:
        snippet.unlink()
        for made in changed:
            (root / made).unlink(missing_ok=True)
        raise
    told = [f"created {example.source} and recorded its output in {' '.join(changed)}"]
    if page_title:
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(PAGE.format(title=page_title, fence=fence(path, pythons)), encoding="utf-8")
        add_to_nav(root / "mkdocs.yml", page_title, page.relative_to(root / DOCS).as_posix())
        told.append(f"created {page.relative_to(root)} and added it to the nav in mkdocs.yml")
    else:
        told.append(
            f"paste this into {page.relative_to(root).as_posix()}:\n\n{fence(path, pythons)}\n"
        )
    told.append(
        f"next: edit {example.source}, preview with `nox -s serve`, "
        f"record with `nox -s update-outputs -- {path}`, then `nox -s tests`"
    )
    return told


def add_to_nav(config: Path, title: str, page: str) -> None:
    """Add the page to the nav: at the end of the section that holds its topic's pages
    (a lone page of the topic becomes a section), else as a new entry at the end."""
    lines = config.read_text(encoding="utf-8").split("\n")
    start = lines.index("nav:") + 1
    end = next(
        (i for i in range(start, len(lines)) if lines[i] and not lines[i].startswith(" ")),
        len(lines),
    )
    while not lines[end - 1].strip():
        end -= 1
    topic = page.split("/")[0] + "/"
    entry = f"{title}: {page}"
    items = [i for i in range(start, end) if lines[i].startswith("  - ")] + [end]
    for i, after in itertools.pairwise(items):
        item = re.fullmatch(r"  - ([^:]+):\s*(\S+)?\s*", lines[i])
        if not item:
            continue
        label, target = item[1], item[2]
        if target and target.startswith(topic):  # a single page: turn it into a section
            lines[i : i + 1] = [f"  - {label}:", f"      - {target}", f"      - {entry}"]
            break
        if target is None and any(
            re.search(rf"[\s:]{re.escape(topic)}\S*\.md\s*$", lines[j]) for j in range(i + 1, after)
        ):
            lines.insert(after, f"      - {entry}")
            break
    else:
        lines.insert(end, f"  - {entry}")
    text = "\n".join(lines)
    try:
        added = page in yaml.safe_dump(yaml.safe_load(text))
    except yaml.YAMLError:  # e.g. a title with ": " in it
        added = False
    if not added:
        raise ScaffoldError(f"could not add {page} to the nav of {config}; add it by hand")
    config.write_text(text, encoding="utf-8")
