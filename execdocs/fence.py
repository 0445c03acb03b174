"""The ``run`` fence: markdown-exec renders it, the runner executes it.

The page shows the snippet's source, read from its file, then the output of this
build's run, each line stamped with the time it appeared.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from markdown_exec import base_format

from execdocs import downloads
from execdocs.examples import Example, FenceError
from execdocs.outputs import SnippetError
from execdocs.runner import Run
from execdocs.timeline import render as timeline

if TYPE_CHECKING:
    from markdown import Markdown

    from execdocs.plugin import Build

#: Set by the MkDocs plugin for the duration of a build.
BUILD: Build | None = None


def validator(
    language: str,
    inputs: dict[str, str],
    options: dict[str, Any],
    attrs: dict[str, Any],
    md: Markdown,
) -> bool:
    """Accept every ``run`` fence; problems are reported by the formatter, with the page."""
    options["fence"] = dict(inputs)
    inputs.clear()
    return True


def formatter(
    src: str, language: str, css_class: str, options: dict[str, Any], md: Markdown, **kwargs: object
) -> str:
    """Render one ``run`` fence (called by SuperFences)."""
    if BUILD is None:
        raise RuntimeError("the run fence needs the execdocs plugin in mkdocs.yml")
    fence = options.get("fence", {})
    try:
        example = BUILD.example(Example.from_fence(src, fence, page=BUILD.page))
        if example.supported():
            run = BUILD.result(example)
            output = _output_html(example, run, BUILD.baseline(example))
            BUILD.used(run)
        else:
            output = _unsupported_html(example)
        code = (BUILD.root / example.source).read_text(encoding="utf-8")
    except (FenceError, SnippetError) as error:
        return BUILD.fail(error)
    html = base_format(
        language="python",
        run=lambda *_, **__: output,
        code=code,
        md=md,
        html=True,
        source="above",
        extra={"title": fence.get("title", example.source)},
    )
    # An id per example, so that other pages (the pitfalls page) can link to it. It
    # sits on an empty element, not on an ancestor of the code blocks: the theme names
    # each block's copy target after its closest ancestor with an id.
    return (
        f'<div class="xd-example"><span class="xd-anchor" id="{example.anchor}"></span>'
        f"{downloads.download_link_html(example.source, BUILD.page)}{html}</div>"
    )


def _output_html(example: Example, run: Run, baseline: Run | None) -> str:
    rows = (
        "".join(
            f'<span class="xd-line xd-{line.stream}" data-t="{line.t:.2f}s">'
            f"{escape(line.text)}</span>\n"
            for line in run.merged()
        )
        or '<span class="xd-line xd-empty">(no output)</span>\n'
    )
    summary = f"Whole run: <strong>{run.duration:.2f} s</strong>"
    if baseline is not None:
        saved = baseline.duration - run.duration
        summary += (
            f" · one after another (<code>{escape(baseline.path)}</code>): "
            f"<strong>{baseline.duration:.2f} s</strong>"
            + (f", so overlapping saved {saved:.2f} s" if saved > 0 else "")
        )
    if run.from_cache:
        when = run.started.replace("T", " ")[:16]
        summary += f" · from the build cache: unchanged since its run on {escape(when)} UTC"
    summary += downloads.try_it_html(example.source, example.requires)
    return (
        '<div class="xd-run">'
        '<div class="language-text highlight xd-output">'
        '<span class="filename">Output '
        '<span class="xd-note">seconds since the program started</span></span>'
        f"<pre><span></span><code>{rows}</code></pre></div>"
        f"{timeline(run, example.lanes)}"
        f'<p class="xd-summary">{summary}</p>'
        "</div>"
    )


def _unsupported_html(example: Example) -> str:
    need = ".".join(map(str, example.min_python or ()))
    return (
        '<div class="admonition note"><p class="admonition-title">Needs Python '
        f"{need}</p><p><code>{escape(example.source)}</code> needs Python {need} or newer. "
        "This site was built with an older interpreter, so the example was not run; "
        f"its output will appear here when the site is built with Python {need}.</p></div>"
    )
