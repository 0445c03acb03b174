"""Claims: what a page says about its own run, checked against the numbers it printed.

A fence states the claim its text makes, e.g. "two processes finish clearly sooner"::

    ```run claim="'2 processes' < 0.8 * 'sequential'"

A quoted label names the one output line that contains that text; its value is the first
decimal number after the label on that line (a whole number if it has none). With an
``@`` before it (``@'done'``), its value is when that line was printed instead, in
seconds since the program started: "the run takes about as long as the longer task" is
``@'Both tasks are done' < 3.5``. A side is a label, a number, or a number times a
label. Conditions are joined with ``;`` and all must hold. A condition that begins
with an interpreter tag and a colon (``3.14t: …``) is checked on that interpreter's run
only; the others on every run the page shows.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

_OPERATORS: dict[str, Callable[[float, float], bool]] = {
    "<=": operator.le,
    ">=": operator.ge,
    "<": operator.lt,
    ">": operator.gt,
}
_NUMBER = r"\d+(?:\.\d+)?"
_SIDE = re.compile(
    rf"""\s*(?:(?P<factor>{_NUMBER})\s*\*\s*)?"""
    rf"""(?:(?P<at>@?)'(?P<label>[^']+)'|(?P<number>{_NUMBER}))\s*"""
)
_CONDITION = re.compile(
    r"^\s*(?:(?P<python>3\.\d+t?)\s*:)?(?P<left>[^<>=]+)(?P<op><=|>=|<|>)(?P<right>[^<>=]+)$"
)
_DECIMAL = re.compile(r"\d+\.\d+")
_WHOLE = re.compile(r"\d+")
SYNTAX = (
    "'label' < 0.8 * 'other label' (operators < <= > >=; @'label' for when that line was "
    "printed; several joined with ;)"
)


class ClaimError(ValueError):
    """A claim that cannot be read, or that names a line the output does not have."""


@dataclass(frozen=True)
class Side:
    factor: float
    label: str | None  # None: a constant
    at: bool = False  # the time the label's line was printed, not its number

    def value(self, lines: Sequence[str], times: Sequence[float] = ()) -> float:
        if self.label is None:
            return self.factor
        if self.at:
            return self.factor * printed_at(self.label, lines, times)
        return self.factor * labelled(self.label, lines)

    def __str__(self) -> str:
        if self.label is None:
            return f"{self.factor:g}"
        name = f"{'@' if self.at else ''}'{self.label}'"
        return name if self.factor == 1 else f"{self.factor:g} * {name}"


@dataclass(frozen=True)
class Claim:
    """One condition over the numbers of a run's output."""

    left: Side
    op: str
    right: Side
    python: str | None = None  # checked on this interpreter's run only

    def applies_to(self, python: str) -> bool:
        return self.python is None or self.python == python

    def holds(self, lines: Sequence[str], times: Sequence[float] = ()) -> bool:
        left, right = self.left.value(lines, times), self.right.value(lines, times)
        return _OPERATORS[self.op](left, right)

    def figures(self, lines: Sequence[str], times: Sequence[float] = ()) -> str:
        """The claim with the run's numbers put in, e.g. ``0.94 < 0.8 * 0.86 = 0.69``."""
        left, right = self.left.value(lines, times), self.right.value(lines, times)
        return f"{self} with this run's figures: {left:.3g} {self.op} {right:.3g}"

    def __str__(self) -> str:
        scope = f"{self.python}: " if self.python else ""
        return f"{scope}{self.left} {self.op} {self.right}"


def parse(text: str) -> tuple[Claim, ...]:
    """The conditions of a ``claim="…"`` setting; ClaimError says what is wrong."""
    claims = []
    for part in text.split(";"):
        match = _CONDITION.match(part)
        sides = match and (_SIDE.fullmatch(match["left"]), _SIDE.fullmatch(match["right"]))
        if not match or not sides or not all(sides):
            raise ClaimError(f"cannot read the claim {part.strip()!r}; write it like {SYNTAX}")
        left, right = (_side(side) for side in sides if side)
        if left.label is None and right.label is None:
            raise ClaimError(f"the claim {part.strip()!r} names no output line")
        claims.append(Claim(left, match["op"], right, match["python"]))
    return tuple(claims)


def _side(match: re.Match[str]) -> Side:
    factor = float(match["factor"]) if match["factor"] else 1.0
    if match["label"] is not None:
        return Side(factor, match["label"], at=bool(match["at"]))
    return Side(factor * float(match["number"]), None)


def _the_line(label: str, lines: Sequence[str]) -> int:
    hits = [i for i, line in enumerate(lines) if label in line]
    if len(hits) != 1:
        raise ClaimError(
            f"the claim names {label!r}, which "
            + ("no output line contains" if not hits else f"{len(hits)} output lines contain")
            + "; name text that appears on exactly one line"
        )
    return hits[0]


def printed_at(label: str, lines: Sequence[str], times: Sequence[float]) -> float:
    """When the one line that contains ``label`` was printed (``times`` has one entry per
    line, in seconds since the program started)."""
    return times[_the_line(label, lines)]


def labelled(label: str, lines: Sequence[str]) -> float:
    """The first decimal number after ``label`` on the one line that contains it, or the
    first whole number if there is none: timings print with a decimal point, and the
    counts in a line's words ("2 processes, 1 job each: 0.70 s") are not what a claim
    compares."""
    line = lines[_the_line(label, lines)]
    after = line.index(label) + len(label)
    number = _DECIMAL.search(line, after) or _WHOLE.search(line, after)
    if number is None:
        raise ClaimError(f"the line {line!r} has no number after {label!r}")
    return float(number[0])


def failed(
    claims: Sequence[Claim], lines: Sequence[str], python: str, times: Sequence[float] = ()
) -> list[str]:
    """The claims that do not hold for this run, each with its figures. ``times``: when
    each line was printed, for ``@'label'``."""
    return [
        claim.figures(lines, times)
        for claim in claims
        if claim.applies_to(python) and not claim.holds(lines, times)
    ]
