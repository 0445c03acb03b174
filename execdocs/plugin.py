"""MkDocs plugin: runs every embedded snippet once per build and checks it.

It registers the ``run`` fence, runs all snippets before the pages render (side by
side, except those that need the whole machine), and fails the build, naming the
file, when one raises, hangs, writes to stderr or drifts from its recording.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from markdown_exec import markdown_config
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from execdocs import downloads, fence
from execdocs.cache import RunCache
from execdocs.examples import (
    FENCE,
    Example,
    FenceError,
    discover,
    include_bases,
    missing_includes,
    snippet_files,
)
from execdocs.outputs import SnippetError, attempt, check, require_source
from execdocs.runner import Run, run_many
from execdocs.theme_fixes import fix_nav

log = logging.getLogger("mkdocs.plugins.execdocs")

# pytest-examples reads test="…" and lint="…" on python fences; SuperFences would
# refuse a fence with an option it does not know, so they are removed before rendering.
_PY_FENCE = re.compile(r"^([ \t]*(?:`{3,}|~{3,})[ \t]*py\S*)(.*)$", re.M)
_TEST_OPTION = re.compile(r"""\s+(?:test|lint)=("[^"]*"|'[^']*')""")


@dataclass
class Build:
    """What one build knows: the examples, their runs, and the page being rendered."""

    root: Path
    examples: dict[str, Example]
    runs: dict[str, Run | SnippetError] = field(default_factory=dict)
    page: str = ""
    pages: dict[str, list[Run]] = field(default_factory=dict)

    def example(self, seen: Example) -> Example:
        """The discovered example for a fence, which carries its page and line."""
        example = self.examples.get(seen.path, seen)
        require_source(example, self.root)
        return example

    def result(self, example: Example) -> Run:
        """This build's run of the example, checked against its recording."""
        if example.path not in self.runs:
            self.runs[example.path] = attempt(example, self.root)
        run = self.runs[example.path]
        if isinstance(run, SnippetError):
            raise run
        check(example, run, self.root)
        return run

    def baseline(self, example: Example) -> Run | None:
        if example.baseline is None:
            return None
        other = self.examples.get(example.baseline)
        if other is None:
            raise SnippetError(
                example,
                f"names baseline {example.baseline!r}, which no page embeds",
                hint="embed the baseline snippet on a page, or fix its path",
            )
        return self.result(other)

    def used(self, run: Run) -> None:
        self.pages.setdefault(self.page, []).append(run)

    def fail(self, error: Exception | str) -> str:
        """Log the error (which fails a strict build) and show it on the page."""
        log.error(str(error))
        return (
            '<div class="admonition failure"><p class="admonition-title">'
            "This example failed when the site was built</p>"
            f"<pre><code>{escape(str(error))}</code></pre></div>"
        )


class ExecDocsConfig(Config):
    workers = config_options.Type(int, default=8)
    """How many snippets may run side by side."""
    cache = config_options.Type(bool, default=True)
    """Reuse runs of unchanged snippets (see execdocs/cache.py). EXECDOCS_FRESH=1 or CI=true
    turn it off for one build."""


class ExecDocsPlugin(BasePlugin[ExecDocsConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if "pymdownx.superfences" not in config.markdown_extensions:
            raise PluginError("execdocs needs the pymdownx.superfences Markdown extension")
        superfences = config.mdx_configs.setdefault("pymdownx.superfences", {})
        superfences.setdefault("custom_fences", []).append(
            {"name": FENCE, "class": FENCE, "validator": fence.validator, "format": fence.formatter}
        )
        # markdown-exec renders the source block with the site's own extensions.
        markdown_config.save(config.markdown_extensions, config.mdx_configs)
        self.root = Path(config.config_file_path).resolve().parent
        downloads.configure(config.repo_url)
        self.include_dirs = include_bases(
            self.root, config.mdx_configs.get("pymdownx.snippets", {})
        )
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        try:
            examples = {example.path: example for example in discover(self.root)}
        except FenceError as error:
            raise PluginError(str(error)) from None
        build = Build(self.root, examples)
        cache = RunCache(self.root) if self._use_cache() else None
        todo = []
        for example in examples.values():
            if not example.supported() or not (self.root / example.source).is_file():
                continue
            cached = cache.get(example) if cache else None
            if cached:
                build.runs[example.path] = cached
            else:
                todo.append(example)
        runs = run_many(
            todo,
            lambda example: attempt(example, self.root),
            alone=lambda example: example.alone,
            workers=self.config.workers,
        )
        for example, run in runs.items():
            build.runs[example.path] = run
            if cache and isinstance(run, Run):
                cache.put(example, run)
        log.info(
            f"ran {len(runs)} snippets; {len(build.runs) - len(runs)} unchanged, from the cache"
        )
        fence.BUILD = build

    def _use_cache(self) -> bool:
        fresh = os.environ.get("EXECDOCS_FRESH", "") not in ("", "0")
        return self.config.cache and not fresh and os.environ.get("CI", "") != "true"

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        assert fence.BUILD is not None
        fence.BUILD.page = page.file.src_uri and f"docs/{page.file.src_uri}"
        markdown = _PY_FENCE.sub(lambda m: m[1] + _TEST_OPTION.sub("", m[2]), markdown)
        return self._check_includes(markdown, fence.BUILD.page)

    def _check_includes(self, markdown: str, page: str) -> str:
        """Report a missing ``--8<--`` include with its page, instead of a traceback."""
        lines = markdown.split("\n")
        looked_in = ", ".join(base.relative_to(self.root).as_posix() for base in self.include_dirs)
        for line, path in missing_includes(markdown, self.include_dirs):
            assert fence.BUILD is not None
            fence.BUILD.fail(
                f"{page}:{line}: includes {path!r}, which does not exist (looked in {looked_in})"
            )
            indent = lines[line - 1][: len(lines[line - 1]) - len(lines[line - 1].lstrip())]
            lines[line - 1] = (
                f'{indent}!!! failure "Missing file"\n{indent}    `{path}` could not be found.'
            )
        return "\n".join(lines)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert fence.BUILD is not None
        # MkDocs does not see ids inside a fence's HTML; declare this page's examples'
        # ids, so that strict link validation accepts `page.md#example-…` and rejects a typo.
        if page.present_anchor_ids is not None:
            page.present_anchor_ids.update(
                example.anchor
                for example in fence.BUILD.examples.values()
                if example.page == fence.BUILD.page
            )
        runs = fence.BUILD.pages.get(fence.BUILD.page, [])
        if not runs:
            return html
        machines = " and ".join(sorted({run.machine for run in runs}))
        dates = ", ".join(sorted({run.started[:10] for run in runs}))
        cached = sum(run.from_cache for run in runs)
        how = (
            "when the site was built"
            if not cached
            else f"for this build or, for {cached} of {len(runs)}, an earlier one (from the cache)"
        )
        return html + (
            '<aside class="xd-stamp" aria-label="How the outputs were made"><p>'
            f"Every output on this page was produced by running its program {how}, "
            f"with {escape(machines)}, on {escape(dates)} (UTC).</p></aside>"
        )

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return fix_nav(output)

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        return fix_nav(output_content)  # 404.html

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        build = fence.BUILD
        assert build is not None
        orphans = sorted(set(snippet_files(self.root)) - set(build.examples))
        for orphan in orphans:
            log.error(
                f"snippets/{orphan}: no page embeds it; embed it with a run fence, or delete it"
            )
        downloads.write(self.root, Path(config.site_dir), build.examples.values())
        fence.BUILD = None

    def on_build_error(self, *, error: Exception) -> None:
        fence.BUILD = None


__all__ = ["Build", "ExecDocsPlugin"]
