"""A timeline of one run: when each output line appeared, drawn as an inline SVG.

:func:`render` is a pure function from a :class:`~execdocs.runner.Run` to SVG
markup. It uses nothing but the lines the program printed and their time stamps,
so snippets stay plain programs.

With a *lanes* pattern (the ``lanes`` option of a run fence, e.g. ``"Task (\\w+)"``)
each line whose text matches is put in the lane named by the pattern's first group,
and each lane is drawn as a span from its first line to its last; lines that match
no lane are marks on a last row. Without a pattern every line is a mark on one row.

The chart has no script and loads nothing. Its colours come from CSS classes styled
in ``docs/assets/execdocs.css`` with the theme's variables, so it follows the light
and dark palettes; ``currentColor`` attributes keep it legible without that CSS.
Screen readers get ``role="img"`` with a ``<title>`` and a ``<desc>`` that state
what the chart shows in words.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from html import escape

from execdocs.runner import Line, Run

#: Drawing size in SVG user units; the page scales it to the column width.
WIDTH = 420
LABEL_WIDTH = 78
RIGHT_MARGIN = 14
TOP = 8
ROW = 24
AXIS = 30
#: Longest lane label drawn; the full name is in the text alternative.
LABEL_CHARS = 11
#: Lines listed one by one in the text alternative of a chart without lanes.
LISTED_LINES = 8
OTHER = "other lines"


@dataclass(frozen=True)
class Lane:
    """Lines that belong together (one task, thread or process) and their time span."""

    name: str
    lines: tuple[Line, ...]

    @property
    def start(self) -> float:
        return self.lines[0].t

    @property
    def end(self) -> float:
        return self.lines[-1].t


def lanes_of(
    lines: list[Line], pattern: re.Pattern[str] | str | None
) -> tuple[list[Lane], list[Line]]:
    """Split lines into lanes, in the order each lane first appears, plus the rest.

    A line belongs to the lane named by the pattern's first group (or its whole match
    when it has no group) at the first place the pattern matches the line's text.
    """
    if pattern is None:
        return [], list(lines)
    regex = re.compile(pattern)  # a compiled pattern is returned as it is
    grouped: dict[str, list[Line]] = {}
    rest: list[Line] = []
    for line in lines:
        match = regex.search(line.text)
        name = (match.group(1) if regex.groups else match.group(0)) if match else None
        if name:
            grouped.setdefault(name, []).append(line)
        else:
            rest.append(line)
    return [Lane(name, tuple(group)) for name, group in grouped.items()], rest


def overlaps(lanes: list[Lane]) -> list[tuple[Lane, Lane, float, float]]:
    """Every pair of lanes whose spans share time, with the shared interval."""
    pairs = []
    for i, first in enumerate(lanes):
        for second in lanes[i + 1 :]:
            start, end = max(first.start, second.start), min(first.end, second.end)
            if end > start:
                pairs.append((first, second, start, end))
    return pairs


def ticks(end: float) -> tuple[float, list[float]]:
    """A round axis length covering ``end`` and its tick positions (1, 2 or 5 steps)."""
    end = max(end, 0.001)
    raw = end / 5
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    count = math.ceil(end / step - 1e-9)
    return count * step, [round(i * step, 10) for i in range(count + 1)]


def _seconds(value: float) -> str:
    return f"{value:.2f} s"


def _tick_label(value: float, step: float) -> str:
    decimals = max(0, -math.floor(math.log10(step)))  # 0 for a step of 1 or more
    return f"{value:.{decimals}f} s"


def _short(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1] + "…"


def describe(run: Run, lanes: list[Lane], rest: list[Line]) -> str:
    """The text alternative: what the chart shows, in words."""
    total = f"The whole run took {_seconds(run.duration)}."
    if lanes:
        parts = [
            f"{lane.name} ran from {_seconds(lane.start)} to {_seconds(lane.end)}"
            if lane.end > lane.start
            else f"{lane.name} printed once, at {_seconds(lane.start)}"
            for lane in lanes
        ]
        text = "; ".join(parts) + "."
        shared = overlaps(lanes)
        if shared:
            text += " Overlapping: " + "; ".join(
                f"{a.name} and {b.name} from {_seconds(s)} to {_seconds(e)}"
                for a, b, s, e in shared
            )
            text += "."
        elif len(lanes) > 1:
            text += " No two lanes overlapped: they ran one after another."
        if rest:
            text += (
                f" {len(rest)} other line{'s' if len(rest) != 1 else ''} at "
                + ", ".join(_seconds(line.t) for line in rest)
                + "."
            )
        return f"{text} {total}"
    if not rest:
        return f"The program printed nothing. {total}"
    listed = "; ".join(f"{line.text!r} at {_seconds(line.t)}" for line in rest[:LISTED_LINES])
    more = f"; and {len(rest) - LISTED_LINES} more" if len(rest) > LISTED_LINES else ""
    return f"{len(rest)} line{'s' if len(rest) != 1 else ''} of output: {listed}{more}. {total}"


def _ident(path: str) -> str:
    return "xd-tl-" + re.sub(r"[^A-Za-z0-9_-]+", "-", path).strip("-")


def render(run: Run, lanes: re.Pattern[str] | str | None = None) -> str:
    """The SVG timeline of a run: spans per lane, marks for other lines, a time axis."""
    lines = run.merged()
    lane_list, rest = lanes_of(lines, lanes)
    rows: list[tuple[str, Lane | None, list[Line]]] = [
        (lane.name, lane, list(lane.lines)) for lane in lane_list
    ]
    if rest or not rows:
        rows.append((OTHER if lane_list else "output", None, rest))
    end, positions = ticks(max([run.duration, *(line.t for line in lines)]))
    plot = WIDTH - LABEL_WIDTH - RIGHT_MARGIN
    height = TOP + ROW * len(rows) + AXIS

    def x(t: float) -> float:
        return round(LABEL_WIDTH + plot * min(t, end) / end, 1)

    # One chart per run on a page: a snippet shown on two interpreters has two.
    ident = _ident(f"{run.path}-{run.python}")
    title = f"Timeline of {run.path} on Python {run.python}: when each output line appeared"
    body: list[str] = []
    for i, (name, lane, members) in enumerate(rows):
        mid = TOP + ROW * i + ROW / 2
        kind = "lane" if lane else "rest"
        body.append(
            f'<text class="xd-tl-label" x="{LABEL_WIDTH - 8}" y="{mid + 4}" '
            f'text-anchor="end" fill="currentColor">{escape(_short(name))}</text>'
            f'<line class="xd-tl-row" x1="{LABEL_WIDTH}" x2="{WIDTH - RIGHT_MARGIN}" '
            f'y1="{mid}" y2="{mid}" stroke="currentColor" stroke-opacity="0.15"/>'
        )
        if lane is not None:
            left, right = x(lane.start), x(lane.end)
            body.append(
                f'<rect class="xd-tl-span" data-lane="{escape(lane.name)}" '
                f'data-start="{lane.start:.2f}" data-end="{lane.end:.2f}" x="{left}" '
                f'y="{mid - 7}" width="{max(round(right - left, 1), 0)}" height="14" rx="3" '
                'fill="currentColor" fill-opacity="0.35"/>'
            )
        for line in members:
            body.append(
                f'<circle class="xd-tl-mark xd-tl-{kind}" cx="{x(line.t)}" cy="{mid}" r="4" '
                f'data-t="{line.t:.2f}" fill="currentColor">'
                f"<title>{escape(_seconds(line.t))}: {escape(line.text)}</title></circle>"
            )
    base = TOP + ROW * len(rows) + 4
    body.append(
        f'<line class="xd-tl-axis" x1="{LABEL_WIDTH}" x2="{WIDTH - RIGHT_MARGIN}" '
        f'y1="{base}" y2="{base}" stroke="currentColor"/>'
    )
    step = positions[1]  # ticks() starts at 0 and always gives more than one
    for tick in positions:
        body.append(
            f'<line class="xd-tl-axis" x1="{x(tick)}" x2="{x(tick)}" y1="{base}" '
            f'y2="{base + 4}" stroke="currentColor"/>'
            f'<text class="xd-tl-tick" x="{x(tick)}" y="{base + 17}" text-anchor="middle" '
            f'fill="currentColor">{escape(_tick_label(tick, step))}</text>'
        )
    return (
        f'<svg class="xd-timeline" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{ident}-title">{escape(title)}</title>'
        f'<desc id="{ident}-desc">{escape(describe(run, lane_list, rest))}</desc>'
        + "".join(body)
        + "</svg>"
    )
