"""Accessibility fixes to the theme's navigation HTML, applied to every built page.

With chapters as sections (``navigation.sections``), mkdocs-material 9.8 writes an
empty ``tabindex=""`` on each section's toggle (invalid HTML, caught by vnu). With
section index pages (``navigation.indexes``, which we leave off: the theme then also
labels the table of contents for a control it does not write), a section ``<nav>`` is
labelled by a toggle that holds only an icon, so sections become unnamed navigation
landmarks (axe: landmark-unique); naming each section's nav after its title keeps
that right whichever way the feature is set.
A template override would mean copying the theme's whole nav partial; these two
rewrites are narrow, and the browser tests fail if the theme's output changes.
"""

from __future__ import annotations

import re

_EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^"]*"[^>]*?) tabindex=""')
_SECTION = re.compile(
    r'(<nav class="md-nav" data-md-level="\d+") aria-labelledby="[^"]+"'
    r'(?P<rest>[^>]*>\s*<label class="md-nav__title"[^>]*>\s*'
    r'<span class="md-nav__icon md-icon"></span>\s*(?P<title>[^<]*?)\s*</label>)'
)


def fix_nav(html: str) -> str:
    """Drop empty tabindex attributes; name each section's nav after its title."""
    html = _EMPTY_TABINDEX.sub(r"\1", html)
    return _SECTION.sub(lambda m: f'{m[1]} aria-label="{m["title"]}"{m["rest"]}', html)
