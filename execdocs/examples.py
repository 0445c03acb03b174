"""What the pages embed: ``run`` fences, their settings, and the files behind them.

A page embeds a snippet with a fence whose body is the snippet's path under
``snippets/`` and whose header carries the settings::

    ```run order="free" timeout="60"
    threading/two_tasks.py
    ```

The build reads the header through SuperFences; the tests, the update command and
the consistency checks read the same pages with :func:`discover`. Both end in
:meth:`Example.from_fence`, so a setting means the same thing everywhere.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from execdocs.runner import DEFAULT_TIMEOUT

FENCE = "run"
SNIPPETS = "snippets"
DOCS = "docs"

_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>.*)$")
_INCLUDE = re.compile(
    r"""^(?P<indent>[ \t]*)-{1,}8<-{1,}[ \t]+(["'])(?P<path>[^"']+)\2[ \t]*$""", re.M
)
_OPTION = re.compile(
    r"""(?P<key>[A-Za-z][\w-]*)=(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>\S+))"""
)


class FenceError(ValueError):
    """A ``run`` fence that cannot be understood; the message says how to fix it."""


@dataclass(frozen=True)
class Example:
    """One snippet as a page embeds it."""

    path: str  # under snippets/, e.g. "threading/two_tasks.py"
    order: str = "exact"  # "free": lines are compared as a multiset
    timeout: float = DEFAULT_TIMEOUT
    stderr: bool = False  # the snippet is meant to write to stderr
    tolerance: float = 0.25  # relative tolerance for decimal numbers; inf: not compared
    baseline: str | None = None  # snippet whose duration is shown next to this one's
    min_python: tuple[int, int] | None = None
    alone: bool = False  # needs the whole machine: never run beside other snippets
    lanes: str | None = None  # regex; its first group names a line's timeline lane
    requires: tuple[str, ...] = ()  # pip requirements beyond the standard library
    page: str = ""  # docs page and line that embeds it, for messages
    line: int = 0

    OPTIONS: ClassVar[dict[str, str]] = {
        "order": "exact | free",
        "timeout": "seconds, e.g. 60",
        "stderr": "expected",
        "tolerance": "relative, e.g. 0.5; any: numbers are not compared",
        "baseline": "another snippet path",
        "min_python": "e.g. 3.14",
        "machine": "whole",
        "title": "text shown above the source",
        "lanes": "regex whose first group names a line's lane, e.g. (Task \\w+)",
        "requires": "pip requirements beyond the standard library, e.g. dask[distributed]",
    }

    @classmethod
    def from_fence(
        cls, body: str, options: Mapping[str, str], *, page: str = "", line: int = 0
    ) -> Example:
        where = f"{page}:{line}" if page else "a run fence"
        unknown = sorted(set(options) - set(cls.OPTIONS))
        if unknown:
            known = ", ".join(f'{key}="{hint}"' for key, hint in cls.OPTIONS.items())
            raise FenceError(f"{where}: unknown option {', '.join(unknown)}; known: {known}")
        paths = [part for part in body.split() if part]
        if len(paths) != 1:
            raise FenceError(
                f"{where}: a run fence holds exactly one snippet path under {SNIPPETS}/, "
                f"like 'threading/two_tasks.py'; found {body.strip()!r}"
            )
        path = paths[0].removeprefix(f"{SNIPPETS}/")

        def choice(key: str, allowed: tuple[str, ...]) -> str:
            value = options.get(key, allowed[0])
            if value not in allowed:
                raise FenceError(f"{where}: {key}={value!r} must be one of {allowed}")
            return value

        def number(key: str, default: float) -> float:
            if key == "tolerance" and options.get(key) == "any":
                return float("inf")  # CPU-bound timings: they depend on the machine's load
            try:
                value = float(options.get(key, default))
            except ValueError:
                raise FenceError(f"{where}: {key} must be a number") from None
            if value <= 0:
                raise FenceError(f"{where}: {key} must be more than 0")
            return value

        min_python = None
        if "min_python" in options:
            match = re.fullmatch(r"(\d+)\.(\d+)", options["min_python"])
            if not match:
                raise FenceError(f'{where}: min_python must look like "3.14"')
            min_python = (int(match[1]), int(match[2]))
        lanes = options.get("lanes")
        if lanes is not None:
            try:
                compiled = re.compile(lanes)
            except re.error as error:
                raise FenceError(
                    f"{where}: lanes={lanes!r} is not a regular expression: {error}"
                ) from None
            if not lanes or compiled.match("") is not None:
                raise FenceError(f"{where}: lanes={lanes!r} must not match an empty line")
        return cls(
            path=path,
            order=choice("order", ("exact", "free")),
            timeout=number("timeout", DEFAULT_TIMEOUT),
            stderr=choice("stderr", ("none", "expected")) == "expected",
            tolerance=number("tolerance", cls.tolerance),
            baseline=options.get("baseline"),
            min_python=min_python,
            alone=choice("machine", ("shared", "whole")) == "whole",
            lanes=lanes,
            requires=tuple(options.get("requires", "").split()),
            page=page,
            line=line,
        )

    @property
    def source(self) -> str:
        """The path to run, relative to the repo root."""
        return f"{SNIPPETS}/{self.path}"

    @property
    def recording(self) -> str:
        return str(Path(self.source).with_suffix(".out"))

    @property
    def stderr_recording(self) -> str:
        return str(Path(self.source).with_suffix(".err"))

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}" if self.page else self.source

    @property
    def anchor(self) -> str:
        """The id of the example on its page, e.g. ``example-threading-two_tasks``."""
        return "example-" + re.sub(r"[^\w-]+", "-", self.path.removesuffix(".py"))

    @property
    def imports(self) -> set[str]:
        """Top-level modules that ``requires`` makes importable, e.g. ``dask``."""
        return {
            re.split(r"[\[<>=!~;\s]", req, maxsplit=1)[0].replace("-", "_") for req in self.requires
        }

    def supported(self, version: tuple[int, int] = sys.version_info[:2]) -> bool:
        return self.min_python is None or version >= self.min_python

    def __str__(self) -> str:
        return self.path


def parse_options(info: str) -> dict[str, str]:
    """``key="value"`` pairs from a fence header, as SuperFences reads them."""
    return {
        m["key"]: next(v for v in (m["dq"], m["sq"], m["bare"]) if v is not None)
        for m in _OPTION.finditer(info)
    }


@dataclass(frozen=True)
class Fence:
    """A fenced block in a Markdown file (any language), with its position."""

    language: str
    info: str
    body: str
    line: int  # 1-based line of the opening fence
    indent: int


def iter_fences(text: str) -> Iterator[Fence]:
    """Top-level fenced blocks; a fence shown inside another fence is not one."""
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        m = _OPEN.match(lines[i])
        if not m or (m["fence"][0] == "`" and "`" in m["info"]):
            i += 1
            continue
        char, size = m["fence"][0], len(m["fence"])
        close = re.compile(rf"^[ \t]*{re.escape(char)}{{{size},}}[ \t]*$")
        end = i + 1
        while end < len(lines) and not close.match(lines[end]):
            end += 1
        info = m["info"].strip()
        language = re.split(r"[\s{]", info, maxsplit=1)[0] if info else ""
        body = "\n".join(lines[i + 1 : end])
        yield Fence(language, info, body, i + 1, len(m["indent"].expandtabs(4)))
        i = end + 1


def discover(root: Path) -> list[Example]:
    """Every ``run`` fence in the pages under ``docs/``, in page order.

    Raises FenceError for a fence it cannot read, or for one snippet embedded twice:
    each example is collected once, with one set of settings.
    """
    examples: dict[str, Example] = {}
    for page in sorted((root / DOCS).rglob("*.md")):
        rel = page.relative_to(root).as_posix()
        for fence in iter_fences(page.read_text(encoding="utf-8")):
            if fence.language != FENCE:
                continue
            info = fence.info[len(FENCE) :]
            example = Example.from_fence(fence.body, parse_options(info), page=rel, line=fence.line)
            if example.path in examples:
                first = examples[example.path]
                raise FenceError(
                    f"{example.where}: {example.source} is already embedded at {first.where}; "
                    "embed each snippet once and link to it from elsewhere"
                )
            examples[example.path] = example
    return list(examples.values())


def snippet_files(root: Path) -> list[str]:
    """Every snippet program under ``snippets/``, as a path relative to that folder."""
    base = root / SNIPPETS
    return sorted(
        p.relative_to(base).as_posix()
        for p in base.rglob("*.py")
        if not any(part.startswith((".", "_")) for part in p.relative_to(base).parts)
    )


def missing_includes(text: str, bases: list[Path]) -> list[tuple[int, str]]:
    """``--8<--`` includes in a page whose file is in none of the base folders."""
    missing = []
    for match in _INCLUDE.finditer(text):
        path = match["path"].split(":", 1)[0]  # drop a line range or section name
        if not any((base / path).is_file() for base in bases):
            missing.append((text.count("\n", 0, match.start()) + 1, path))
    return missing


def include_bases(root: Path, snippets_config: Mapping[str, object]) -> list[Path]:
    """The folders pymdownx.snippets resolves ``--8<--`` paths against."""
    bases = snippets_config.get("base_path", ["."])
    return [root / str(base) for base in ([bases] if isinstance(bases, str) else bases)]  # type: ignore[union-attr]
