"""MkDocs plugin ``execdocs-notebooks``: notebook pages as light and clean as the others.

mkdocs-jupyter renders notebooks with nbconvert's template, which adds to every page:

- a MathJax loader (an empty ``<script src="">`` with the plugin's defaults) and a
  module script that imports Mermaid from a CDN; the site loads nothing from another
  host, and the notebook has neither maths nor diagrams;
- about 595 KB of JupyterLab CSS in ``<style>`` elements inside the body, which is
  invalid HTML and most of the page's weight; docs/assets/execdocs.css styles the
  few notebook classes the page uses instead;
- a ``<clipboard-copy>`` element per code cell, with a stray ``,`` attribute, and a
  copy of the cell's source in a ``clipboard-copy-txt`` block that only that CSS hid;
- code cells as ``<div class="highlight-ipynb"><pre>`` with no ``<code>``, which the
  theme neither colours, scrolls nor gives a copy button.

All of it is removed, and code cells get the theme's own code block markup, on pages
made from ``.ipynb`` files.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

_MATHJAX = re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.S)
# mkdocs-jupyter 0.27 puts its MathJax runtime (which would fetch MathJax from a CDN)
# at the end of every page, notebook or not.
_MATHJAX_RUNTIME = re.compile(r"<script data-mkdocs-jupyter-mathjax=.*?</script>\n?", re.S)
_MERMAID = re.compile(r'<script type="module">(?:(?!</script>).)*?mermaid.*?</script>', re.S)
_STYLE = re.compile(r"<style[^>]*>.*?</style>", re.S)
_COPY = re.compile(
    r'<clipboard-copy\b.*?</clipboard-copy>|<div class="clipboard-copy-txt"[^>]*>.*?</div>', re.S
)
_CONTENT = re.compile(r"(<article\b.*?</article>)", re.S)
_CODE_CELL = re.compile(r'<div class="highlight-ipynb hl-(\w+)"><pre>(.*?)</pre>', re.S)


def strip_remote_loaders(html: str) -> str:
    """The page without nbconvert's MathJax and Mermaid loaders."""
    return _MERMAID.sub("", _MATHJAX.sub("", html))


def clean_notebook_page(html: str) -> str:
    """Remote loaders, inline JupyterLab CSS and extra copy buttons removed."""
    html = strip_remote_loaders(html)

    def clean(content: str) -> str:
        content = _COPY.sub("", _STYLE.sub("", content))
        return _CODE_CELL.sub(
            r'<div class="language-\1 highlight"><pre><code>\2</code></pre>', content
        )

    return _CONTENT.sub(lambda m: clean(m[1]), html)


class NotebookPagesPlugin(BasePlugin):  # type: ignore[type-arg]
    def on_page_context(
        self, context: dict[str, object], *, page: Page, config: MkDocsConfig, nav: object
    ) -> dict[str, object]:
        """A notebook's page description comes from its metadata, as a page's front matter."""
        if page.file.src_uri.endswith(".ipynb"):
            metadata = json.loads(Path(page.file.abs_src_path).read_text(encoding="utf-8"))[
                "metadata"
            ]
            if "description" in metadata:
                page.meta["description"] = metadata["description"]
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        output = _MATHJAX_RUNTIME.sub("", output)
        if page.file.src_uri.endswith(".ipynb"):
            return clean_notebook_page(output)
        return output
