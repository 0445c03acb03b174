"""The rewrites of the theme's nav HTML (the browser checks cover the real pages)."""

from __future__ import annotations

from execdocs.theme_fixes import fix_nav

SECTION = """<label class="md-nav__link " for="__nav_2" id="__nav_2_label" tabindex="">
  <span class="md-nav__icon md-icon"></span>
</label>
<nav class="md-nav" data-md-level="1" aria-labelledby="__nav_2_label" aria-expanded="false">
  <label class="md-nav__title" for="__nav_2">
    <span class="md-nav__icon md-icon"></span>
    Foundations
  </label>"""


def test_section_nav_is_named_after_its_title_and_empty_tabindex_goes() -> None:
    fixed = fix_nav(SECTION)
    assert 'tabindex=""' not in fixed
    assert '<nav class="md-nav" data-md-level="1" aria-label="Foundations" aria-expanded' in fixed
    assert fix_nav(fixed) == fixed


def test_other_html_is_left_alone() -> None:
    html = '<label class="md-nav__link" tabindex="0">x</label><nav aria-label="Header">'
    assert fix_nav(html) == html


def test_panel_toggles_lose_autocomplete() -> None:
    html = (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
        'autocomplete="off">\n'
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" '
        'autocomplete="off">\n'
        '<input type="text" class="md-search__input" autocomplete="off">'
    )
    fixed = fix_nav(html)
    assert fixed.count('autocomplete="off"') == 1  # the text box keeps it: allowed there
    assert 'id="__drawer">' in fixed and 'id="__search">' in fixed
