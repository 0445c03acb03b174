"""The build cache: unchanged snippets are not run again, and the page says so."""

from __future__ import annotations

from pathlib import Path

from execdocs.cache import RunCache, cache_key
from execdocs.examples import Example
from execdocs.runner import Line, Run

from .conftest import Site, assert_sound

CACHED = "from the build cache"


def test_second_build_reuses_runs_and_says_so(tiny_site: Site) -> None:
    first = tiny_site.build()
    assert first.code == 0, first.output
    assert CACHED not in tiny_site.html()
    second = tiny_site.build()
    assert second.code == 0, second.output
    assert "ran 0 snippets; 1 unchanged, from the cache" in second.output
    assert CACHED in tiny_site.html() and "or, for 1 of 1, an earlier one" in tiny_site.html()


def test_an_edited_snippet_runs_again(tiny_site: Site) -> None:
    assert tiny_site.build().code == 0
    tiny_site.snippet("hello.py", 'print("hello again", flush=True)', recording="hello again")
    rebuilt = tiny_site.build()
    assert rebuilt.code == 0, rebuilt.output
    assert "ran 1 snippets; 0 unchanged" in rebuilt.output
    assert ">hello again<" in tiny_site.html() and CACHED not in tiny_site.html()


def test_fresh_build_ignores_the_cache(tiny_site: Site) -> None:
    assert tiny_site.build().code == 0
    fresh = tiny_site.build(fresh=True)
    assert "ran 1 snippets; 0 unchanged" in fresh.output
    assert CACHED not in tiny_site.html()


def test_key_covers_bytes_and_timeout_and_only_clean_runs_are_kept(tmp_path: Path) -> None:
    (tmp_path / "snippets").mkdir()
    (tmp_path / "snippets" / "x.py").write_text("print(1)\n")
    example = Example(path="x.py")
    key = cache_key(example, "3.14", tmp_path)
    assert cache_key(Example(path="x.py", timeout=99), "3.14", tmp_path) != key
    (tmp_path / "snippets" / "x.py").write_text("print(2)\n")
    assert cache_key(example, "3.14", tmp_path) != key

    cache = RunCache(tmp_path)
    run = Run(
        "snippets/x.py", (Line(0.1, "2"),), (), 0, 0.2, 30.0, started="2026-01-01T00:00:00+00:00"
    )
    cache.put(example, run)
    assert cache.get(example, "3.14") == Run(**{**run.__dict__, "from_cache": True})
    cache.put(Example(path="x.py", timeout=5), Run("snippets/x.py", (), (), 1, 0.2, 5.0))
    assert cache.get(Example(path="x.py", timeout=5), "3.14") is None


def test_a_cached_rebuild_is_as_sound_as_a_fresh_build(tiny_site: Site) -> None:
    """Defect: the cache key had no path, so two byte-identical snippets shared one cached
    run, and a cached rebuild gave both timelines the same id (and the first one's path)."""
    body = 'print("hello", flush=True)'
    tiny_site.snippet("twin.py", body, recording="hello")
    tiny_site.page("```run\nhello.py\n```\n\n```run\ntwin.py\n```\n")
    for build in ("fresh", "cached"):
        outcome = tiny_site.build()
        assert outcome.code == 0, outcome.output
        html = tiny_site.html()
        assert_sound(html)
        assert "Timeline of snippets/twin.py" in html, build
    assert CACHED in html
