"""What a built HTML page points at: the one parser for the site's link checks."""

from __future__ import annotations

import re
from html.parser import HTMLParser

CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)|@import\s+["']([^"']+)""")
_LOADING_ATTRS = {"src", "href", "srcset", "action", "poster", "data"}


def css_urls(css: str) -> list[str]:
    return [next(group for group in m.groups() if group) for m in CSS_URL.finditer(css)]


class PageLinks(HTMLParser):
    """Element ids, the links a reader clicks (`<a href>`), and every URL the page loads
    by itself (any other src, href, srcset, … and `url(…)` in inline styles)."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.duplicate_ids: list[str] = []
        self.clicks: list[str] = []
        self.loads: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "link" and ("rel", "canonical") in attrs:
            return  # the page's published address (site_url): named, never fetched
        for name, value in attrs:
            if not value:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                if value in self.ids:
                    self.duplicate_ids.append(value)
                self.ids.add(value)
            elif tag == "a" and name == "href":
                self.clicks.append(value)
            elif name == "srcset":
                self.loads.extend(part.split()[0] for part in value.split(",") if part.strip())
            elif name in _LOADING_ATTRS:
                self.loads.append(value)
            elif name == "style":
                self.loads.extend(css_urls(value))
