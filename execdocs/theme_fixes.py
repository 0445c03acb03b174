"""Accessibility fixes to the theme's navigation HTML, applied to every built page.

With chapters as sections (``navigation.sections``), mkdocs-material 9.8 writes an
empty ``tabindex=""`` on each section's toggle (invalid HTML, caught by vnu). With
section index pages (``navigation.indexes``, which we leave off: the theme then also
labels the table of contents for a control it does not write), a section ``<nav>`` is
labelled by a toggle that holds only an icon, so sections become unnamed navigation
landmarks (axe: landmark-unique); naming each section's nav after its title keeps
that right whichever way the feature is set.
The theme also writes ``autocomplete="off"`` on the hidden checkboxes that open the
drawer and the search (``#__drawer``, ``#__search``), which HTML allows only on
text-like inputs (vnu: 74 errors, one per page). It is there so that a browser does
not restore them checked, reopening a panel; docs/assets/execdocs.js unchecks them
instead, on load and when a page comes back from the back/forward cache.
A template override would mean copying the theme's whole nav partial (or base.html,
for the checkboxes); these rewrites are narrow, and the browser tests fail if the
theme's output changes.
"""

from __future__ import annotations

import re

_EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^"]*"[^>]*?) tabindex=""')
_TOGGLE_AUTOCOMPLETE = re.compile(
    r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" '
    r'id="__(?:drawer|search)") autocomplete="off"'
)
_SECTION = re.compile(
    r'(<nav class="md-nav" data-md-level="\d+") aria-labelledby="[^"]+"'
    r'(?P<rest>[^>]*>\s*<label class="md-nav__title"[^>]*>\s*'
    r'<span class="md-nav__icon md-icon"></span>\s*(?P<title>[^<]*?)\s*</label>)'
)


def fix_nav(html: str) -> str:
    """Drop empty tabindex attributes and the panel toggles' autocomplete; name each
    section's nav after its title."""
    html = _EMPTY_TABINDEX.sub(r"\1", html)
    html = _TOGGLE_AUTOCOMPLETE.sub(r"\1", html)
    return _SECTION.sub(lambda m: f'{m[1]} aria-label="{m["title"]}"{m["rest"]}', html)
