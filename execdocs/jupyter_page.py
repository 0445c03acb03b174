"""MkDocs plugin ``execdocs-notebooks``: keep notebook pages free of other hosts.

mkdocs-jupyter renders notebooks with nbconvert's template, which always adds a
MathJax loader (with the plugin's default settings an empty ``<script src="">``) and
a module script that imports Mermaid from a CDN when a page has a diagram. The
benchmarks notebook has neither maths nor diagrams, and the site loads nothing from
another host, so both are removed from pages made from ``.ipynb`` files.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

_MATHJAX = re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.S)
_MERMAID = re.compile(r'<script type="module">(?:(?!</script>).)*?mermaid.*?</script>', re.S)


def strip_remote_loaders(html: str) -> str:
    """The page without nbconvert's MathJax and Mermaid loaders."""
    return _MERMAID.sub("", _MATHJAX.sub("", html))


class NotebookPagesPlugin(BasePlugin):  # type: ignore[type-arg]
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if page.file.src_uri.endswith(".ipynb"):
            return strip_remote_loaders(output)
        return output
