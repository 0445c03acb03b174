"""Every way a contributor can break an example fails both the build and the tests,
with a message that names the file, and never with a traceback from inside MkDocs.

Each case builds a one-page copy of the site in a temporary folder, with the real
mkdocs.yml and the real test modules, breaks it, then runs `properdocs build --strict`
and pytest there, side by side.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import ENV, Outcome, Site
from .failure_checks import fails_clearly


def assert_fails_clearly(outcome: Outcome, *expected: str) -> None:
    """Exit 1 (not 0, nor pytest's 2, 3 or 4), the expected text, and no frame from an
    installed package in either CPython's or pytest's format."""
    problems = fails_clearly(outcome.code, outcome.output, *expected)
    assert not problems, "\n".join(problems) + f"\n{outcome.output}"


CASES = {
    "raises": (
        lambda s: s.snippet("hello.py", 'raise ValueError("boom")', recording="hello"),
        ["snippets/hello.py: exited with code 1", "ValueError: boom"],
    ),
    "hangs": (
        lambda s: (
            s.snippet("hello.py", 'print("before the hang", flush=True)\ntime.sleep(60)'),
            s.page('```run timeout="1"\nhello.py\n```\n'),
        ),
        ["snippets/hello.py: still running after 1.", "(its limit is 1 s)", "before the hang"],
    ),
    "writes to stderr": (
        lambda s: s.snippet("hello.py", 'print("hello")\nprint("careful", file=sys.stderr)'),
        ["snippets/hello.py: wrote to stderr", "careful"],
    ),
    "drifts": (
        lambda s: s.snippet("hello.py", 'print("hallo")', recording="hello"),
        ["snippets/hello.py: stdout drifted", "-hello", "+hallo", "update-outputs"],
    ),
    "embeds a missing snippet": (
        lambda s: s.page("```run\nhello.py\n```\n\n```run\nnowhere.py\n```\n"),
        ["snippets/nowhere.py: does not exist"],
    ),
    "includes a missing file": (
        lambda s: s.page('```run\nhello.py\n```\n\n--8<-- "nowhere.md"\n'),
        ["docs/index.md:7: includes 'nowhere.md', which does not exist"],
    ),
    "misspells a fence option": (
        lambda s: s.page('```run ordr="free"\nhello.py\n```\n'),
        ["docs/index.md:3: unknown option ordr"],
    ),
    # Defect: SuperFences did not see these as run fences, so the page published the
    # fence's text, or the build and the tests read the header differently.
    "leaves a value unquoted": (
        lambda s: s.page("```run timeout=60\nhello.py\n```\n"),
        ['docs/index.md:3: timeout=60: put the value in quotes: timeout="60"'],
    ),
    "writes a bare flag": (
        lambda s: s.page("Intro.\n\n```run stderr\nhello.py\n```\n"),
        ["docs/index.md:5: stderr: every setting needs a value in quotes"],
    ),
    "leaves a snippet out": (
        lambda s: s.snippet("stray.py", 'print("stray")'),
        ["snippets/stray.py", "no page embeds"],
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_breakage_fails_build_and_tests(tiny_site: Site, case: str) -> None:
    breakage, expected = CASES[case]
    breakage(tiny_site)
    build, tests = tiny_site.build_and_test()
    assert_fails_clearly(build, *expected)
    assert_fails_clearly(tests, *expected)


def test_inline_example_that_raises_is_a_failure_not_a_crash(tiny_site: Site) -> None:
    tiny_site.page("```run\nhello.py\n```\n\n```python\nprint(1 / 0)\n```\n")
    _, tests = tiny_site.build_and_test()
    assert_fails_clearly(tests, "docs/index.md:7: the example raised ZeroDivisionError")


def test_output_is_escaped_not_interpreted(tiny_site: Site) -> None:
    lines = ["<script>alert(1)</script>", "**bold**", "a & b"]
    prints = "\n".join(f"print({json.dumps(line)})" for line in lines)
    tiny_site.snippet("hello.py", prints, recording="\n".join(lines))
    build, tests = tiny_site.build_and_test()
    assert build.code == 0 and tests.code == 0, build.output + tests.output
    html = (tiny_site.root / "site" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    assert ">**bold**<" in html and "<strong>bold</strong>" not in html
    assert ">a &amp; b<" in html


def test_update_never_records_a_failed_run(tiny_site: Site) -> None:
    tiny_site.snippet(
        "hello.py", 'print("half", flush=True)\nraise SystemExit(3)', recording="hello"
    )
    update = subprocess.run(
        [sys.executable, "-m", "execdocs", "update"],
        cwd=tiny_site.root,
        env=ENV,
        capture_output=True,
        text=True,
    )
    assert update.returncode == 1, update.stdout + update.stderr
    assert "NOT RECORDED snippets/hello.py: exited with code 3" in update.stderr
    assert (tiny_site.root / "snippets" / "hello.out").read_text(encoding="utf-8") == "hello\n"
    assert not list((tiny_site.root / "snippets").glob(".*.tmp")), (
        "a half-written file was left behind"
    )


def test_links_to_an_example_are_checked(tiny_site: Site) -> None:
    """Each example has an id (`#example-<topic>-<name>`) that strict link checks know."""
    tiny_site.page("```run\nhello.py\n```\n\n[shown above](#example-hello)\n")
    assert tiny_site.build().code == 0
    tiny_site.page("```run\nhello.py\n```\n\n[shown above](#example-helo)\n")
    build = tiny_site.build()
    assert build.code != 0 and "'#example-helo', but there is no such anchor" in build.output, (
        build.output
    )


@pytest.mark.parametrize(
    "container",
    [
        "> ```run\n> hello.py\n> ```\n",
        '!!! note "In an admonition"\n\n    ```run\n    hello.py\n    ```\n',
        "- in a list:\n\n    ```run\n    hello.py\n    ```\n",
    ],
    ids=["blockquote", "admonition", "list"],
)
def test_a_run_fence_in_a_container_is_discovered_and_runs(tiny_site: Site, container: str) -> None:
    """Defect: a run fence in a blockquote rendered and ran, yet discovery missed it, so the
    build and the tests said no page embeds the snippet."""
    tiny_site.page(container)
    build, tests = tiny_site.build_and_test()
    assert build.code == 0, build.output
    assert tests.code == 0, tests.output
    assert '<span class="xd-line xd-stdout" data-t="' in tiny_site.html()
