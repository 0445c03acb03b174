"""MkDocs plugin: plugs the build (execdocs/build.py) into MkDocs.

It registers the ``run`` fence, has the build run and check every snippet before the
pages render (side by side, except those that need the whole machine), logs every
problem the build reports as an error (a strict build then fails, naming the file), and
stamps each page with how its outputs were made.
"""

from __future__ import annotations

import logging
import os
import re
from html import escape
from pathlib import Path

import jinja2
from markdown_exec import markdown_config
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from execdocs import downloads, fence, interpreters
from execdocs.build import SHARED_MACHINE, Build
from execdocs.cache import CACHE_DIR, TEMPLATE_CACHE, RunCache
from execdocs.examples import FENCE, FenceError, include_bases, missing_includes
from execdocs.theme_fixes import fix_nav

log = logging.getLogger("mkdocs.plugins.execdocs")

# mkdocs-jupyter (loaded after this plugin: mkdocs.yml lists it later) imports nbconvert's
# command-line app, whose class body loads every installed exporter just to list the
# enabled ones in a --help text: about a second of every build, for a list the site
# never uses. nbconvert skips it when this is set. Snippets never see it: the runner
# gives them an environment of their own.
os.environ.setdefault("NBCONVERT_DISABLE_CONFIG_EXPORTERS", "1")

# pytest-examples reads test="…" and lint="…" on python fences; SuperFences would
# refuse a fence with an option it does not know, so they are removed before rendering.
_PY_FENCE = re.compile(r"^([ \t]*(?:`{3,}|~{3,})[ \t]*py\S*)(.*)$", re.M)
_TEST_OPTION = re.compile(r"""\s+(?:test|lint)=("[^"]*"|'[^']*')""")


class ExecDocsConfig(Config):
    workers = config_options.Type(int, default=8)
    """How many snippets may run side by side."""
    cache = config_options.Type(bool, default=True)
    """Reuse runs of unchanged snippets (see execdocs/cache.py). EXECDOCS_FRESH=1 or CI=true
    turn it off for one build."""


def use_cache(configured: bool, environ: os._Environ[str] | dict[str, str]) -> bool:
    """The cache is on unless the config, ``EXECDOCS_FRESH=1`` or ``CI=true`` turn it off."""
    fresh = environ.get("EXECDOCS_FRESH", "") not in ("", "0")
    return configured and not fresh and environ.get("CI", "") != "true"


class ExecDocsPlugin(BasePlugin[ExecDocsConfig]):
    build: Build | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if "pymdownx.superfences" not in config.markdown_extensions:
            raise PluginError("execdocs needs the pymdownx.superfences Markdown extension")
        if interpreters.current() != interpreters.BUILD_PYTHON:
            raise PluginError(
                f"the site is built with Python {interpreters.BUILD_PYTHON} (the Python it "
                f"teaches), and this is {interpreters.current()}: build it with `nox -s docs`"
            )
        superfences = config.mdx_configs.setdefault("pymdownx.superfences", {})
        superfences.setdefault("custom_fences", []).append(
            {
                "name": FENCE,
                "class": FENCE,
                "validator": fence.validator,
                "format": fence.formatter(lambda: self.build, config.repo_url),
            }
        )
        # markdown-exec renders the source block with the site's own extensions.
        markdown_config.save(config.markdown_extensions, config.mdx_configs)
        self.root = Path(config.config_file_path).resolve().parent
        self.docs = Path(config.docs_dir).resolve().relative_to(self.root).as_posix()
        self.include_dirs = include_bases(
            self.root, config.mdx_configs.get("pymdownx.snippets", {})
        )
        return config

    def on_env(
        self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        """Keep the theme's compiled templates (Jinja's bytecode cache): compiling them is
        a third of a one-page build. Jinja checks each entry against its template's source
        and the Python version, and replaces its files atomically, so builds can share it."""
        folder = Path(os.environ.get(TEMPLATE_CACHE) or self.root / CACHE_DIR / "templates")
        folder.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
        return env

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        cache = (
            RunCache.for_session(self.root, os.environ)
            if use_cache(self.config.cache, os.environ)
            else None
        )
        shared = os.environ.get(SHARED_MACHINE, "") not in ("", "0")
        self.build = Build(
            self.root, log.error, cache=cache, workers=self.config.workers, shared_machine=shared
        )
        try:
            ran = self.build.run()
        except FenceError as error:
            raise PluginError(str(error)) from None
        log.info(f"ran {ran} snippets; {self.build.cached()} unchanged, from the cache")
        if shared:
            log.info(f"{SHARED_MACHINE}=1: the claims of whole-machine examples were not checked")

    def _page(self, page: Page) -> str:
        return f"{self.docs}/{page.file.src_uri}"

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        markdown = _PY_FENCE.sub(lambda m: m[1] + _TEST_OPTION.sub("", m[2]), markdown)
        return self._check_includes(markdown, self._page(page))

    def _check_includes(self, markdown: str, page: str) -> str:
        """Report a missing ``--8<--`` include with its page, instead of a traceback."""
        lines = markdown.split("\n")
        looked_in = ", ".join(base.relative_to(self.root).as_posix() for base in self.include_dirs)
        for line, path in missing_includes(markdown, self.include_dirs):
            log.error(
                f"{page}:{line}: includes {path!r}, which does not exist (looked in {looked_in})"
            )
            indent = lines[line - 1][: len(lines[line - 1]) - len(lines[line - 1].lstrip())]
            lines[line - 1] = (
                f'{indent}!!! failure "Missing file"\n{indent}    `{path}` could not be found.'
            )
        return "\n".join(lines)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.build is not None
        # MkDocs does not see ids inside a fence's HTML; declare this page's examples'
        # ids, so that strict link validation accepts `page.md#example-…` and rejects a typo.
        if page.present_anchor_ids is not None:
            page.present_anchor_ids.update(self.build.anchors(self._page(page)))
        runs = self.build.page_runs(self._page(page))
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
        assert self.build is not None
        downloads.write(self.root, Path(config.site_dir), self.build.examples.values())


__all__ = ["ExecDocsPlugin"]
