"""What the build checks beyond the recordings: several interpreters side by side, and
the claims a page makes about its runs. Each case builds a one-page site (see conftest)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .conftest import Site, assert_sound
from .test_failures import assert_fails_clearly

TIMED = (
    "t0 = time.perf_counter()\n"
    "time.sleep({first})\n"
    'print(f"sequential: {{time.perf_counter() - t0:.2f}} s", flush=True)\n'
    "t0 = time.perf_counter()\n"
    "time.sleep({second})\n"
    'print(f"two workers: {{time.perf_counter() - t0:.2f}} s", flush=True)'
)


def test_one_snippet_on_two_interpreters_shows_two_tabs(tiny_site: Site) -> None:
    tiny_site.page('```run pythons="3.14 3.14t"\nhello.py\n```\n')
    (tiny_site.root / "snippets" / "hello.3.14t.out").write_text("hello\n", encoding="utf-8")
    build = tiny_site.build()
    assert build.code == 0, build.output
    html = tiny_site.html()
    assert_sound(html)
    assert '<label for="example-hello-runs-0">Python 3.14</label>' in html
    assert '<label for="example-hello-runs-1">Python 3.14t (free-threaded)</label>' in html
    assert html.count('<div class="xd-run">') == 2
    assert (
        "Output on Python 3.14t" in html
        and "try it: download it, then <code>python3.14t hello.py" in html
    )
    assert "GIL off for the whole run" in html  # only the free-threaded tab says so
    assert html.count("GIL off for the whole run") == 1
    assert "free-threading build" in html  # the page's stamp names both interpreters


def test_each_tab_has_its_own_recording(tiny_site: Site) -> None:
    tiny_site.page('```run pythons="3.14 3.14t"\nhello.py\n```\n')
    build, tests = tiny_site.build_and_test()
    for outcome in (build, tests):
        assert_fails_clearly(outcome, "has no recorded stdout (snippets/hello.3.14t.out)")
        assert_fails_clearly(outcome, "nox -s update-outputs -- --python 3.14t hello.py")


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ('pythons="3.14 3.9"', "pythons: unknown interpreter '3.9'"),
        ('pythons="3.14t"', 'pythons="3.14t" must list the build interpreter 3.14 once'),
        ('claim="sequential < 2"', "cannot read the claim 'sequential < 2'"),
        ('claim="1 < 2"', "the claim '1 < 2' names no output line"),
        ("claim=\"3.14t: 'a' < 'b'\"", "the claim 3.14t: 'a' < 'b' is for 3.14t, which"),
    ],
)
def test_bad_settings_fail_with_page_and_line(tiny_site: Site, header: str, message: str) -> None:
    tiny_site.page(f"Intro.\n\n```run {header}\nhello.py\n```\n")
    build, tests = tiny_site.build_and_test()
    for outcome in (build, tests):
        assert_fails_clearly(outcome, f"docs/index.md:5: {message}")


def test_a_missing_interpreter_fails_with_page_and_line(tiny_site: Site, tmp_path: Path) -> None:
    """A machine without python3.14t: the build says which page wants it and how to get it."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("git", "sh"):
        found = shutil.which(tool)
        if found:
            (bin_dir / tool).symlink_to(found)
    tiny_site.page('Intro.\n\n```run pythons="3.14 3.14t"\nhello.py\n```\n')
    (tiny_site.root / "snippets" / "hello.3.14t.out").write_text("hello\n", encoding="utf-8")
    build = tiny_site.build(env={"PATH": str(bin_dir)})
    assert_fails_clearly(
        build,
        "snippets/hello.py: its page runs it on Python 3.14t, which this machine lacks: "
        "python3.14t is not installed (not on PATH)",
        "(embedded at docs/index.md:5)",
        "uv python install 3.14t",
    )


def test_a_recording_for_an_interpreter_nothing_runs_is_an_error(tiny_site: Site) -> None:
    (tiny_site.root / "snippets" / "hello.3.9.out").write_text("hello\n", encoding="utf-8")
    build, tests = tiny_site.build_and_test()
    for outcome in (build, tests):
        assert_fails_clearly(outcome, "snippets/hello.3.9.out: a recording that nothing compares")


def test_a_claim_the_run_bears_out_passes(tiny_site: Site) -> None:
    tiny_site.snippet("hello.py", TIMED.format(first=0.6, second=0.2), recording="")
    (tiny_site.root / "snippets" / "hello.out").write_text(
        "sequential: 0.60 s\ntwo workers: 0.20 s\n", encoding="utf-8"
    )
    tiny_site.page("```run claim=\"'two workers' < 0.8 * 'sequential'\"\nhello.py\n```\n")
    build = tiny_site.build()
    assert build.code == 0, build.output


def test_a_speed_up_the_machine_cannot_deliver_fails_the_build(tiny_site: Site) -> None:
    """The snippet "reports a speed-up" that its sleeps make impossible: the build runs it
    again alone, then fails with the claim and every attempt's figures, never publishes."""
    tiny_site.snippet("hello.py", TIMED.format(first=0.2, second=0.3), recording="")
    (tiny_site.root / "snippets" / "hello.out").write_text(
        "sequential: 0.20 s\ntwo workers: 0.30 s\n", encoding="utf-8"
    )
    tiny_site.page("```run claim=\"'two workers' < 0.8 * 'sequential'\"\nhello.py\n```\n")
    build, tests = tiny_site.build_and_test()
    for outcome in (build, tests):
        assert_fails_clearly(
            outcome,
            "snippets/hello.py: the page's claim failed on 4 runs, 3 of them alone",
            "(embedded at docs/index.md:3)",
            "'two workers' < 0.8 * 'sequential' with this run's figures: 0.",
            "attempt 4 (alone)",
        )


def test_a_claim_naming_a_line_the_output_lacks_fails(tiny_site: Site) -> None:
    tiny_site.page("```run claim=\"'parallel' < 'hello'\"\nhello.py\n```\n")
    build, tests = tiny_site.build_and_test()
    for outcome in (build, tests):
        assert_fails_clearly(
            outcome, "its claim cannot be checked: the claim names 'parallel', which no output"
        )


def test_the_interpreter_list_is_the_one_nox_uses() -> None:
    """noxfile.py and the machinery read the same MATRIX (no second list to drift)."""
    noxfile = (Path(__file__).parents[1] / "noxfile.py").read_text(encoding="utf-8")
    assert "from execdocs.interpreters import BUILD_PYTHON, MATRIX" in noxfile
    assert "@nox.session(python=list(MATRIX))" in noxfile
