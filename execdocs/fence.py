"""The ``run`` fence: a thin adapter between SuperFences and the build.

It reads the snippet path from the fence's body, asks the build what to show
(:meth:`execdocs.build.Build.shown`), and renders it: the source, read from its file,
then each interpreter's run (content tabs when there are several), every line stamped
with the time it appeared. It decides nothing: the build has already run and checked
everything, and reported every problem.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, Any

from markdown_exec import base_format

from execdocs import downloads, interpreters
from execdocs.build import Build, Shown, Tab
from execdocs.examples import Example
from execdocs.timeline import render as timeline

if TYPE_CHECKING:
    from markdown import Markdown

    from execdocs.runner import Run

Formatter = Callable[..., str]


def validator(
    language: str,
    inputs: dict[str, str],
    options: dict[str, Any],
    attrs: dict[str, Any],
    md: Markdown,
) -> bool:
    """Accept every ``run`` fence: its header was already read, with its page and line,
    by the build's discovery (a header that SuperFences reads differently never
    reaches here unchecked)."""
    inputs.clear()
    return True


def formatter(build: Callable[[], Build | None], repo_url: str | None = None) -> Formatter:
    """The SuperFences formatter, reading the current build through ``build``; with the
    repository's address, each example links to its source there."""

    def format_run(
        src: str, language: str, css_class: str, options: dict[str, Any], md: Markdown, **_: object
    ) -> str:
        current = build()
        if current is None:
            raise RuntimeError("the run fence needs the execdocs plugin in mkdocs.yml")
        path = src.strip()
        try:
            shown = current.shown(path)
        except KeyError:
            return failure(f"the run fence for {path!r} was not found by discovery")
        code = current.root.joinpath(shown.example.source).read_text("utf-8")
        return render(shown, code, md, repo_url)

    return format_run


def failure(message: str) -> str:
    """The box shown in place of an example that failed (the build already reported it)."""
    return (
        '<div class="admonition failure"><p class="admonition-title">'
        "This example failed when the site was built</p>"
        f"<pre><code>{escape(message)}</code></pre></div>"
    )


def render(shown: Shown, code: str, md: Markdown, repo_url: str | None = None) -> str:
    example = shown.example
    if len(shown.tabs) == 1:
        output = _tab_html(example, shown.tabs[0], shown.baseline, repo_url)
    else:
        output = _tabs_html(example, shown, repo_url)
    html = base_format(
        language="python",
        run=lambda *_, **__: output,
        code=code,
        md=md,
        html=True,
        source="above",
        extra={"title": example.title or example.source},
    )
    # An id per example, so that other pages (the pitfalls page) can link to it. It
    # sits on an empty element, not on an ancestor of the code blocks: the theme names
    # each block's copy target after its closest ancestor with an id.
    return (
        f'<div class="xd-example" data-snippet="{escape(example.path)}">'
        f'<span class="xd-anchor" id="{example.anchor}"></span>'
        f"{downloads.download_link_html(example.source, example.page)}{html}</div>"
    )


def _tabs_html(example: Example, shown: Shown, repo_url: str | None) -> str:
    """One content tab per interpreter, in the theme's markup (pymdownx.tabbed,
    alternate style), so that picking "3.14t" once picks it on every page."""
    group = f"{example.anchor}-runs"
    inputs, labels, blocks = [], [], []
    for i, tab in enumerate(shown.tabs):
        ident = f"{group}-{i}"
        checked = ' checked="checked"' if i == 0 else ""
        inputs.append(f'<input{checked} id="{ident}" name="{group}" type="radio">')
        labels.append(f'<label for="{ident}">{escape(tab.label)}</label>')
        baseline = shown.baseline if i == 0 else None
        html = _tab_html(example, tab, baseline, repo_url)
        blocks.append(f'<div class="tabbed-block">{html}</div>')
    return (
        f'<div class="tabbed-set tabbed-alternate xd-pythons" data-tabs="1:{len(shown.tabs)}">'
        + "".join(inputs)
        + f'<div class="tabbed-labels">{"".join(labels)}</div>'
        + f'<div class="tabbed-content">{"".join(blocks)}</div></div>'
    )


def _tab_html(example: Example, tab: Tab, baseline: Run | None, repo_url: str | None = None) -> str:
    if tab.run is None:
        return failure(tab.error or "")
    run = tab.run
    rows = (
        "".join(
            f'<span class="xd-line xd-{line.stream}" data-t="{line.t:.2f}s">'
            f"{escape(line.text)}</span>\n"
            for line in run.merged()
        )
        or '<span class="xd-line xd-empty">(no output)</span>\n'
    )
    return (
        '<div class="xd-run">'
        '<div class="language-text highlight xd-output">'
        f'<span class="filename">Output on Python {escape(run.python)} '
        '<span class="xd-note">seconds since the program started</span></span>'
        f"<pre><span></span><code>{rows}</code></pre></div>"
        f"{timeline(run, example.lanes)}"
        f'<p class="xd-summary">{_summary(example, run, baseline, repo_url)}</p>'
        f'<p class="xd-checked">{_checked(example, run)}</p>'
        "</div>"
    )


def _summary(example: Example, run: Run, baseline: Run | None, repo_url: str | None = None) -> str:
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
    command = f"python{run.python}" if run.python != interpreters.BUILD_PYTHON else "python"
    return summary + downloads.try_it_html(example.source, example.requires, repo_url, command)


def _checked(example: Example, run: Run) -> str:
    """Which interpreters check this example, from its settings; and, on a free-threaded
    build, that the GIL really stayed off."""
    versions = example.checked_on()
    listed = ", ".join(versions[:-1]) + f" and {versions[-1]}" if len(versions) > 1 else versions[0]
    text = f"Checked against its recording on Python {listed}"
    if run.gil_enabled is False:
        text += " · GIL off for the whole run (<code>sys._is_gil_enabled()</code> at exit)"
    return text
