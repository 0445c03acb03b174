"""Reading run fences (execdocs/examples.py): the one header parser, every setting's
validation, discovery in containers, and the page <-> snippet mapping."""

from __future__ import annotations

from pathlib import Path

import pytest

from execdocs import examples
from execdocs.examples import (
    Example,
    FenceError,
    Tolerance,
    discover,
    include_bases,
    iter_fences,
    mirror,
    missing_includes,
    orphans,
    page_examples,
    page_of,
    parse_header,
    snippet_files,
)
from execdocs.runner import DEFAULT_TIMEOUT

# --- parse_header: key="value" pairs, nothing else ---------------------------------------


def test_header_reads_double_and_single_quoted_values() -> None:
    assert parse_header(""" order="free"  title='a "quoted" title' """) == {
        "order": "free",
        "title": 'a "quoted" title',
    }
    assert parse_header("") == {}
    assert parse_header('lanes="(Task \\w+)" timeout="60"') == {
        "lanes": "(Task \\w+)",
        "timeout": "60",
    }


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("timeout=60", 'timeout=60: put the value in quotes: timeout="60"'),
        ('order=free timeout="1"', 'order=free: put the value in quotes: order="free"'),
        ("stderr", 'stderr: every setting needs a value in quotes, like stderr="…"'),
        ('order="free" order="exact"', "order is set twice"),
        # A quote that does not close the value is not a setting.
        ('title="a"b', 'title="a"b: put the value in quotes: title="a"b"'),
        ("title='a'b", "title='a'b: put the value in quotes: title=\"a'b\""),
    ],
)
def test_header_rejects_unquoted_values_bare_flags_and_repeats(header: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_header(header)
    assert str(caught.value) == message


def test_a_rejected_header_names_the_page_and_its_real_line() -> None:
    text = "# Title\n\nSome text.\n\n```run timeout=60\nhello.py\n```\n"
    with pytest.raises(FenceError) as caught:
        page_examples(text, "docs/topic/page.md")
    assert str(caught.value) == (
        'docs/topic/page.md:5: timeout=60: put the value in quotes: timeout="60"'
    )


def test_other_languages_are_not_run_fences() -> None:
    text = '```python\nprint(1)\n```\n\n```running\nx.py\n```\n\n```run title="T"\na/b.py\n```\n'
    assert [(e.path, e.title, e.line) for e in page_examples(text, "docs/a.md")] == [
        ("a/b.py", "T", 9)
    ]


# --- iter_fences: containers ----------------------------------------------------------


def test_fences_in_blockquotes_admonitions_tabs_and_lists_are_found() -> None:
    text = (
        "> ```run\n> quoted.py\n> ```\n\n"  # blockquote
        "!!! note\n\n    ```run\n    admonition.py\n    ```\n\n"
        '=== "Tab"\n\n    ```run order="free"\n    tab.py\n    ```\n\n'
        "1. Step\n\n    ~~~~run\n    listed.py\n    ~~~~\n\n"
        "> > ```run\n> > nested.py\n> > ```\n"
    )
    found = [(e.path, e.line) for e in page_examples(text, "docs/a.md")]
    assert found == [
        ("quoted.py", 1),
        ("admonition.py", 7),
        ("tab.py", 13),
        ("listed.py", 19),
        ("nested.py", 23),
    ]
    fences = list(iter_fences(text))
    assert [f.indent for f in fences] == [0, 4, 4, 4, 0]


def test_a_fence_shown_inside_a_longer_fence_is_not_one() -> None:
    text = "````md\n```run\nshown.py\n```\n````\n\n``` `not a fence` ```\n\n```run\nreal.py\n```\n"
    fences = list(iter_fences(text))
    assert [(f.language, f.body, f.line) for f in fences] == [
        ("md", "```run\nshown.py\n```", 1),
        ("run", "real.py", 9),
    ]


def test_a_fence_closes_only_on_its_own_character_and_length() -> None:
    text = "~~~~run\nx.py\n~~~\n```\n~~~~~\nafter\n"
    fences = list(iter_fences(text))
    assert [(f.language, f.body) for f in fences] == [("run", "x.py\n~~~\n```")]


def test_fences_back_to_back_empty_and_unclosed() -> None:
    text = "```\n```\n```run\na.py\n```\n```run\nb.py\n```\n```run\nc.py"
    assert [(f.language, f.body, f.line) for f in iter_fences(text)] == [
        ("", "", 1),
        ("run", "a.py", 3),
        ("run", "b.py", 6),
        ("run", "c.py", 9),  # never closed: it runs to the end of the page
    ]


def test_info_language_stops_at_a_brace_or_space() -> None:
    fences = list(iter_fences("```python{.x}\n1\n```\n```\nplain\n```\n"))
    assert [(f.language, f.info) for f in fences] == [("python", "python{.x}"), ("", "")]


# --- Example.from_fence: every setting ----------------------------------------------


def test_defaults() -> None:
    example = Example.from_fence("  a/b.py\n", {})
    assert example == Example(path="a/b.py")
    assert (example.order, example.timeout, example.stderr, example.alone) == (
        "exact",
        DEFAULT_TIMEOUT,
        False,
        False,
    )
    assert example.tolerance == Tolerance(relative=0.25, absolute=0.25, numbers=True)
    assert example.pythons == ("3.14",) and example.claims == () and example.requires == ()


def test_every_setting_is_read() -> None:
    example = Example.from_fence(
        "t/x.py",
        {
            "order": "free",
            "timeout": "2.5",
            "stderr": "expected",
            "tolerance": "0.5",
            "baseline": "t/y.py",
            "min_python": "3.13",
            "machine": "whole",
            "title": "Shown",
            "lanes": r"(Task \w+)",
            "pythons": "3.14t 3.14",
            "claim": "'a' < 'b'",
        },
        page="docs/t.md",
        line=7,
    )
    assert example.order == "free" and example.timeout == 2.5 and example.stderr
    assert example.tolerance == Tolerance(relative=0.5)
    assert example.baseline == "t/y.py" and example.min_python == (3, 13) and example.alone
    assert example.title == "Shown" and example.lanes == r"(Task \w+)"
    # The build interpreter first, whatever the order on the fence.
    assert example.pythons == ("3.14", "3.14t")
    assert [str(claim) for claim in example.claims] == ["'a' < 'b'"]
    assert (example.page, example.line, example.where) == ("docs/t.md", 7, "docs/t.md:7")
    assert example.checked_on() == ("3.13", "3.14", "3.14t")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"timeout": "sixty"}, 'docs/a.md:4: timeout="sixty" must be a number of seconds'),
        ({"timeout": "0"}, 'docs/a.md:4: timeout="0" must be more than 0'),
        ({"timeout": "-5"}, 'docs/a.md:4: timeout="-5" must be more than 0'),
        ({"timeout": "nan"}, 'docs/a.md:4: timeout="nan" must be more than 0'),
        ({"tolerance": "lots"}, 'tolerance="lots" must be a number, like 0.5, or any'),
        ({"tolerance": "0"}, 'tolerance="0" must be more than 0'),
        ({"tolerance": "-0.1"}, 'tolerance="-0.1" must be more than 0'),
        ({"min_python": "3"}, 'min_python="3" must look like "3.14"'),
        ({"min_python": "3.14.1"}, 'min_python="3.14.1" must look like "3.14"'),
        ({"min_python": "v3.14"}, 'min_python="v3.14" must look like "3.14"'),
        ({"stderr": "yes"}, 'stderr="yes" must be one of none | expected'),
        ({"machine": "all"}, 'machine="all" must be one of shared | whole'),
        ({"order": "sorted"}, 'order="sorted" must be one of exact | free'),
        ({"lanes": "(unclosed"}, "lanes='(unclosed' is not a regular expression"),
        ({"lanes": ""}, "lanes='' must not match an empty line"),
        ({"lanes": "(x)?"}, "lanes='(x)?' must not match an empty line"),
        ({"lanes": "(\\d*)$"}, "lanes='(\\\\d*)$' must not match an empty line"),
        ({"pythons": "3.14 2.7"}, "pythons: unknown interpreter '2.7'"),
        ({"pythons": "3.14t"}, 'pythons="3.14t" must list the build interpreter 3.14 once'),
        ({"pythons": "3.14 3.14"}, 'pythons="3.14 3.14" must list the build interpreter'),
        (
            {"pythons": "3.14 3.13", "min_python": "3.14"},
            "min_python=3.14 is newer than 3.13, which the page runs it on",
        ),
        (
            {"pythons": "3.14 3.14t", "requires": "dask"},
            "requires= packages are installed for the build interpreter only",
        ),
        ({"claim": "fast"}, "cannot read the claim 'fast'"),
        (
            {"claim": "3.14t: 'a' < 'b'"},
            "the claim 3.14t: 'a' < 'b' is for 3.14t, which pythons= does not run",
        ),
        ({"ordr": "free"}, 'unknown option ordr; known: order="exact | free"'),
    ],
)
def test_bad_settings_are_rejected_with_page_line_and_fix(
    options: dict[str, str], message: str
) -> None:
    with pytest.raises(FenceError) as caught:
        Example.from_fence("a.py", options, page="docs/a.md", line=4)
    assert str(caught.value).startswith("docs/a.md:4: "), caught.value
    assert message in str(caught.value), caught.value


def test_unknown_options_and_requires_on_tabs_are_refused_in_full() -> None:
    with pytest.raises(FenceError) as unknown:
        Example.from_fence("a.py", {"ordr": "free", "zzz": "1"}, page="docs/a.md", line=4)
    assert str(unknown.value).startswith(
        'docs/a.md:4: unknown option ordr, zzz; known: order="exact | free", '
        'timeout="seconds, e.g. 60", stderr="expected", '
    )
    with pytest.raises(FenceError) as tabs:
        Example.from_fence("a.py", {"pythons": "3.14 3.14t", "requires": "dask"})
    assert str(tabs.value) == (
        "a run fence: requires= packages are installed for the build interpreter only"
    )


def test_a_lane_pattern_may_match_any_text_that_is_not_empty() -> None:
    assert Example.from_fence("a.py", {"lanes": "(X+)"}).lanes == "(X+)"


def test_path_must_be_one_and_relative_to_snippets() -> None:
    with pytest.raises(FenceError, match=r"^a run fence: .*exactly one snippet path.*found ''"):
        Example.from_fence("  \n", {})
    with pytest.raises(FenceError, match=r"exactly one snippet path.*found 'a\.py b\.py'"):
        Example.from_fence("a.py b.py", {})
    with pytest.raises(FenceError, match=r"write the path relative to snippets/: t/x\.py$"):
        Example.from_fence("snippets/t/x.py", {})


def test_a_scoped_claim_on_a_shown_interpreter_is_accepted() -> None:
    example = Example.from_fence("a.py", {"pythons": "3.14 3.14t", "claim": "3.14t: 'a' < 'b'"})
    assert [claim.python for claim in example.claims] == ["3.14t"]


# --- Tolerance ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tolerance", "expected", "actual", "allowed"),
    [
        (Tolerance(), 10.0, 12.5, True),  # relative: 25 % of 10 = 2.5
        (Tolerance(), 10.0, 12.6, False),
        (Tolerance(), 10.0, 7.5, True),
        (Tolerance(), 10.0, 7.4, False),
        (Tolerance(), 0.1, 0.35, True),  # never less than 0.25 s absolute
        (Tolerance(), 0.1, 0.36, False),
        (Tolerance(), -10.0, -12.5, True),  # relative to the size of the value
        (Tolerance(relative=0.5), 10.0, 15.0, True),
        (Tolerance(relative=0.5), 10.0, 15.1, False),
        (Tolerance(numbers=False), 0.0, 1e9, True),
    ],
)
def test_tolerance_is_relative_with_an_absolute_floor(
    tolerance: Tolerance, expected: float, actual: float, allowed: bool
) -> None:
    assert tolerance.allows(expected, actual) is allowed


def test_tolerance_parse() -> None:
    assert Tolerance.parse("any") == Tolerance(numbers=False)
    assert Tolerance.parse("0.5") == Tolerance(relative=0.5, absolute=0.25)
    assert Tolerance.parse("2") == Tolerance(relative=2.0)


# --- names derived from a path ------------------------------------------------------


def test_recording_names_source_anchor_and_imports() -> None:
    example = Example(path="t/p/x.py", requires=("dask[distributed]==2026.8.0", "ray>=2", "a-b"))
    assert example.source == "snippets/t/p/x.py"
    assert example.recording() == "snippets/t/p/x.out"
    assert example.recording("3.14", "stderr") == "snippets/t/p/x.err"
    assert example.recording("3.14t") == "snippets/t/p/x.3.14t.out"
    assert example.recording("3.13", "stderr") == "snippets/t/p/x.3.13.err"
    assert example.anchor == "example-t-p-x"
    assert Example(path="a b/c.d.py").anchor == "example-a-b-c-d"
    assert example.imports == {"dask", "ray", "a_b"}
    assert str(example) == "t/p/x.py"
    assert Example(path="x.py").where == "snippets/x.py"


def test_supported_and_checked_on_follow_min_python() -> None:
    old = Example(path="x.py")
    assert old.checked_on() == ("3.11", "3.12", "3.13", "3.14", "3.14t")
    new = Example(path="x.py", min_python=(3, 13))
    assert not new.supported("3.12") and new.supported("3.13") and new.supported("3.14t")
    assert new.checked_on() == ("3.13", "3.14", "3.14t")


@pytest.mark.parametrize(
    ("page", "folder"),
    [
        ("docs/threading/locks.md", "threading/locks"),
        ("docs/threading/index.md", "threading"),
        ("docs/index.md", ""),
        ("docs/a/b/c.md", "a/b/c"),
        ("docs/X/index.md", "X"),  # only the slash is stripped
    ],
)
def test_mirror(page: str, folder: str) -> None:
    assert mirror(page) == folder


@pytest.mark.parametrize(
    ("snippet", "page"),
    [
        ("threading/locks/transfer.py", "docs/threading/locks.md"),
        ("threading/transfer.py", "docs/threading/index.md"),
        ("hello.py", "docs/index.md"),
    ],
)
def test_page_of(snippet: str, page: str) -> None:
    assert page_of(snippet) == page
    assert mirror(page) == Path(snippet).parent.as_posix().strip(".")


# --- discovery over a tree ------------------------------------------------------------


def _tree(tmp_path: Path, pages: dict[str, str], snippets: list[str]) -> Path:
    for name, text in pages.items():
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    for name in snippets:
        (tmp_path / "snippets" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "snippets" / name).write_text("print(1)\n", encoding="utf-8")
    return tmp_path


def test_discover_orders_by_page_and_finds_orphans(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "b.md": "```run\nt/two.py\n```\n",
            "a/index.md": "> ```run\n> t/one.py\n> ```\n",
        },
        ["t/one.py", "t/two.py", "t/stray.py", "_helpers/x.py", "t/.hidden.py", "t/_private.py"],
    )
    found = discover(root)
    assert [(e.path, e.page, e.line) for e in found] == [
        ("t/one.py", "docs/a/index.md", 1),
        ("t/two.py", "docs/b.md", 1),
    ]
    assert snippet_files(root) == ["t/one.py", "t/stray.py", "t/two.py"]
    assert orphans(root, found) == [
        "snippets/t/stray.py: no page embeds it; embed it with a run fence in "
        "docs/t/index.md, or delete it"
    ]


def test_discover_rejects_a_snippet_embedded_twice(tmp_path: Path) -> None:
    root = _tree(tmp_path, {"a.md": "```run\nx.py\n```\n", "b.md": "\n\n```run\nx.py\n```\n"}, [])
    with pytest.raises(FenceError) as caught:
        discover(root)
    assert str(caught.value) == (
        "docs/b.md:3: snippets/x.py is already embedded at docs/a.md:1; "
        "embed each snippet once and link to it from elsewhere"
    )


def test_includes_are_resolved_against_every_base(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "two" / "here.md").write_text("x")
    bases = include_bases(tmp_path, {"base_path": ["one", "two"]})
    assert bases == [tmp_path / "one", tmp_path / "two"]
    assert include_bases(tmp_path, {"base_path": "one"}) == [tmp_path / "one"]
    assert include_bases(tmp_path, {}) == [tmp_path / "."]
    text = 'intro\n--8<-- "here.md"\n\n    ---8<--- \'gone.md:3:5\'\n--8<-- "here.md:section"\n'
    assert missing_includes(text, bases) == [(4, "gone.md")]


def test_module_constants() -> None:
    # The fence name and folders appear in every message: a rename must be deliberate.
    assert (examples.FENCE, examples.SNIPPETS, examples.DOCS) == ("run", "snippets", "docs")


def test_the_default_timeout_is_the_documented_30_seconds() -> None:
    # docs/contributing.md tells contributors the default is 30 seconds.
    assert DEFAULT_TIMEOUT == 30.0


def test_include_line_numbers_count_a_leading_blank_line(tmp_path: Path) -> None:
    assert missing_includes('\n--8<-- "gone.md"\n', [tmp_path]) == [(2, "gone.md")]
