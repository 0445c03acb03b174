"""The browser the checks drive never reaches another host, and a page that asks is seen."""

from __future__ import annotations

from pathlib import Path

from .conftest import Opener, serve


def test_a_request_to_another_host_is_recorded_and_goes_nowhere(
    open_page: Opener, tmp_path: Path
) -> None:
    """What the page checks rely on: such a request shows in foreign_requests() (and
    fails the page), and the machine never resolves the host, let alone connects."""
    # A host this machine can reach (PyPI): only the browser flag stops the request.
    image = "https://pypi.org/static/no-such-pixel.png"
    (tmp_path / "index.html").write_text(
        f'<!doctype html><html lang="en"><title>t</title><img src="{image}" alt=""></html>',
        encoding="utf-8",
    )
    with serve(tmp_path) as url:
        visit = open_page("", base=url)
        visit.page.wait_for_load_state("networkidle")
    assert visit.foreign_requests() == [image]
    assert visit.failed == {image: "net::ERR_NAME_NOT_RESOLVED"}
