"""Claims (execdocs/claims.py): what a page says of its run, checked against the numbers."""

from __future__ import annotations

import pytest

from execdocs.claims import Claim, ClaimError, Side, failed, labelled, parse

LINES = [
    "sequential: 2.00 s",
    "2 threads: 1.95 s",
    "2 processes: 1.02 s (speed-up 1.96x)",
    "done",
]


def test_a_label_picks_the_first_number_after_it_on_its_one_line() -> None:
    assert labelled("sequential", LINES) == 2.0
    # "2 processes" contains a 2 itself: the number comes after the label.
    assert labelled("2 processes", LINES) == 1.02
    assert labelled("speed-up", LINES) == 1.96
    # A decimal (a timing) wins over a count in the line's words; a whole number counts
    # when the line has no decimal after the label.
    assert labelled("x", ["x 7 then 8.5"]) == 8.5
    assert labelled("x", ["x 7 then 8"]) == 7.0
    assert labelled("tasks:", ["3 tasks: 12 done"]) == 12.0  # not the 3 before the label
    assert labelled("2 processes", ["2 processes, 1 job each: 0.70 s"]) == 0.7


def test_a_label_no_line_has_or_two_lines_have_is_an_error() -> None:
    with pytest.raises(ClaimError) as none:
        labelled("4 processes", LINES)
    assert str(none.value) == (
        "the claim names '4 processes', which no output line contains; "
        "name text that appears on exactly one line"
    )
    with pytest.raises(ClaimError) as two:
        labelled(": ", LINES)
    assert "': ', which 3 output lines contain" in str(two.value)
    with pytest.raises(ClaimError, match="the line 'done' has no number after 'done'"):
        labelled("done", LINES)


def test_parse_sides_operators_and_scopes() -> None:
    claims = parse("'2 processes' < 0.8 * 'sequential'; 3.14t: '2 threads' <= 1 ;'speed-up' >= 1.5")
    assert [str(c) for c in claims] == [
        "'2 processes' < 0.8 * 'sequential'",
        "3.14t: '2 threads' <= 1",
        "'speed-up' >= 1.5",
    ]
    first = claims[0]
    assert first == Claim(Side(1.0, "2 processes"), "<", Side(0.8, "sequential"), None)
    assert claims[1].python == "3.14t" and claims[1].right == Side(1.0, None)
    assert parse("2 * 'a' > 'b'")[0].left == Side(2.0, "a")
    assert parse("3 > 'b'")[0].left == Side(3.0, None)
    assert parse("2.5 * 3 > 'b'")[0].left == Side(7.5, None)


@pytest.mark.parametrize(
    "text",
    [
        "fast",
        "'a' = 'b'",
        "'a' << 'b'",
        "'a' < ",
        "< 'b'",
        "'a' < 'b' < 'c'",
        "a < b",  # labels are quoted
        "'a' < 'b';",  # an empty condition
        "3.14x: 'a' < 'b'",
        "0.8 'a' < 'b'",
    ],
)
def test_unreadable_claims_say_how_to_write_them(text: str) -> None:
    with pytest.raises(ClaimError, match=r"cannot read the claim .*; write it like 'label' < 0\.8"):
        parse(text)


def test_a_claim_must_name_an_output_line() -> None:
    with pytest.raises(ClaimError, match=r"^the claim '1 < 2' names no output line$"):
        parse("1 < 2")


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        ("'2 processes' < 0.8 * 'sequential'", True),  # 1.02 < 1.6
        ("'2 threads' < 0.8 * 'sequential'", False),  # 1.95 < 1.6
        ("'2 processes' <= 1.02", True),
        ("'2 processes' < 1.02", False),
        ("'2 processes' >= 1.02", True),
        ("'2 processes' > 1.02", False),
        ("'sequential' > '2 threads'", True),
        ("'sequential' < '2 threads'", False),
    ],
)
def test_operators(text: str, holds: bool) -> None:
    (claim,) = parse(text)
    assert claim.holds(LINES) is holds


def test_failed_lists_only_failing_claims_with_their_figures_and_respects_scope() -> None:
    claims = parse(
        "'2 processes' < 0.8 * 'sequential'; '2 threads' < 0.8 * 'sequential'; "
        "3.14t: '2 threads' < 0.5 * 'sequential'"
    )
    assert failed(claims, LINES, "3.14") == [
        "'2 threads' < 0.8 * 'sequential' with this run's figures: 1.95 < 1.6"
    ]
    assert failed(claims, LINES, "3.14t") == [
        "'2 threads' < 0.8 * 'sequential' with this run's figures: 1.95 < 1.6",
        "3.14t: '2 threads' < 0.5 * 'sequential' with this run's figures: 1.95 < 1",
    ]
    assert failed(claims[:1], LINES, "3.14t") == []


def test_side_text() -> None:
    assert str(Side(1.0, "a")) == "'a'"
    assert str(Side(0.5, "a")) == "0.5 * 'a'"
    assert str(Side(1.5, None)) == "1.5"
    assert Side(0.5, "sequential").value(LINES) == 1.0
    assert Side(3.0, None).value([]) == 3.0


def test_the_number_follows_the_first_place_the_label_appears() -> None:
    assert labelled("took", ["took 1.50 s, then took 9.00 s"]) == 1.5


def test_an_at_label_is_when_its_line_was_printed() -> None:
    lines = ["Task A starting", "Task B starting", "Task A completed", "Both tasks are done!"]
    times = [0.05, 0.06, 2.07, 3.08]
    (overlap, whole) = parse("@'B starting' < @'A completed'; @'done' < 3.5")
    assert str(overlap) == "@'B starting' < @'A completed'"
    assert overlap.left == Side(1.0, "B starting", at=True)
    assert failed([overlap, whole], lines, "3.14", times) == []
    late = [0.05, 2.5, 2.07, 4.1]
    assert failed([overlap, whole], lines, "3.14", late) == [
        "@'B starting' < @'A completed' with this run's figures: 2.5 < 2.07",
        "@'done' < 3.5 with this run's figures: 4.1 < 3.5",
    ]
    assert str(parse("2 * @'done' > 1")[0]) == "2 * @'done' > 1"
    with pytest.raises(ClaimError, match="no output line contains"):
        failed(parse("@'nowhere' < 1"), lines, "3.14", times)
