"""What the pages embed: ``run`` fences, their settings, and the files behind them.

A page embeds a snippet with a fence whose body is the snippet's path under
``snippets/`` and whose header carries the settings::

    ```run order="free" timeout="60"
    threading/two_tasks.py
    ```

Every reader of a page (the build, the tests, the update, stress and scaffold commands,
the cache) gets its examples from :func:`discover`, which reads headers with
:func:`parse_header`: one parser, so a setting means the same thing everywhere, and a
header it cannot read fails all of them with the page and line. The build's fence only
takes the path from the fence's body and looks the example up.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from execdocs import interpreters
from execdocs.claims import SYNTAX as CLAIM_SYNTAX
from execdocs.claims import Claim, ClaimError
from execdocs.claims import parse as parse_claims
from execdocs.interpreters import BUILD_PYTHON, InterpreterError
from execdocs.runner import DEFAULT_TIMEOUT

FENCE = "run"
SNIPPETS = "snippets"
DOCS = "docs"

_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>.*)$")
# A blockquote's markers; fences in admonitions, tabs and lists are only indented.
_QUOTE = re.compile(r"^(?:[ \t]{0,3}>[ \t]?)+")
_INCLUDE = re.compile(
    r"""^(?P<indent>[ \t]*)-{1,}8<-{1,}[ \t]+(["'])(?P<path>[^"']+)\2[ \t]*$""", re.M
)
_SETTING = re.compile(
    r"""\s*(?:(?P<key>[A-Za-z][\w-]*)=(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')(?=\s|$)|(?P<bad>\S+))"""
)


class FenceError(ValueError):
    """A ``run`` fence that cannot be understood; the message says where and how to fix it."""


def requirement_name(requirement: str) -> str:
    """The distribution a requirement names: before any extra, specifier or marker."""
    return re.split(r"[\[<>=!~;\s]", requirement.strip(), maxsplit=1)[0]


@dataclass(frozen=True)
class Tolerance:
    """How far a printed decimal number may drift from the recorded one.

    ``relative`` is a fraction of the recorded value, but never less than ``absolute``
    seconds; ``numbers=False`` (``tolerance="any"``) compares only the text around the
    numbers, for CPU-bound timings whose claims are checked instead.
    """

    relative: float = 0.25
    absolute: float = 0.25
    numbers: bool = True

    def allows(self, expected: float, actual: float) -> bool:
        if not self.numbers:
            return True
        return abs(actual - expected) <= max(self.absolute, self.relative * abs(expected))

    @classmethod
    def parse(cls, value: str) -> Tolerance:
        if value == "any":
            return cls(numbers=False)
        try:
            relative = float(value)
        except ValueError:
            raise ValueError("must be a number, like 0.5, or any") from None
        if not relative > 0:
            raise ValueError("must be more than 0")
        return cls(relative=relative)


@dataclass(frozen=True)
class Example:
    """One snippet as a page embeds it."""

    path: str  # under snippets/, e.g. "threading/two_tasks.py"
    order: str = "exact"  # "free": lines are compared as a multiset
    timeout: float = DEFAULT_TIMEOUT
    stderr: bool = False  # the snippet is meant to write to stderr
    tolerance: Tolerance = Tolerance()
    baseline: str | None = None  # snippet whose duration is shown next to this one's
    min_python: tuple[int, int] | None = None
    alone: bool = False  # needs the whole machine: never run beside other snippets
    lanes: str | None = None  # regex; its first group names a line's timeline lane
    requires: tuple[str, ...] = ()  # pip requirements beyond the standard library
    pythons: tuple[str, ...] = (BUILD_PYTHON,)  # the interpreters the page shows, default first
    claims: tuple[Claim, ...] = ()  # what the page's text says of the run's numbers
    title: str | None = None  # shown above the source instead of its path
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
        "pythons": f"interpreters shown side by side, e.g. {BUILD_PYTHON} 3.14t",
        "claim": CLAIM_SYNTAX,
    }

    @classmethod
    def from_fence(
        cls, body: str, options: Mapping[str, str], *, page: str = "", line: int = 0
    ) -> Example:
        where = f"{page}:{line}" if page else "a run fence"

        def fail(problem: str) -> FenceError:
            return FenceError(f"{where}: {problem}")

        unknown = sorted(set(options) - set(cls.OPTIONS))
        if unknown:
            known = ", ".join(f'{key}="{hint}"' for key, hint in cls.OPTIONS.items())
            raise fail(f"unknown option {', '.join(unknown)}; known: {known}")
        paths = body.split()
        if len(paths) != 1:
            raise fail(
                f"a run fence holds exactly one snippet path under {SNIPPETS}/, "
                f"like 'threading/two_tasks.py'; found {body.strip()!r}"
            )
        if paths[0].startswith(f"{SNIPPETS}/"):
            raise fail(f"write the path relative to {SNIPPETS}/: {paths[0].split('/', 1)[1]}")

        def choice(key: str, allowed: tuple[str, ...]) -> str:
            value = options.get(key, allowed[0])
            if value not in allowed:
                raise fail(f'{key}="{value}" must be one of {" | ".join(allowed)}')
            return value

        try:
            timeout = float(options.get("timeout", DEFAULT_TIMEOUT))
        except ValueError:
            raise fail(f'timeout="{options["timeout"]}" must be a number of seconds') from None
        if not timeout > 0:
            raise fail(f'timeout="{options["timeout"]}" must be more than 0')
        try:
            tolerance = Tolerance.parse(options.get("tolerance", "0.25"))
        except ValueError as error:
            raise fail(f'tolerance="{options["tolerance"]}" {error}') from None
        min_python = None
        if "min_python" in options:
            match = re.fullmatch(r"(\d+)\.(\d+)", options["min_python"])
            if not match:
                raise fail(f'min_python="{options["min_python"]}" must look like "3.14"')
            min_python = (int(match[1]), int(match[2]))
        lanes = options.get("lanes")
        if lanes is not None:
            try:
                compiled = re.compile(lanes)
            except re.error as error:
                raise fail(f"lanes={lanes!r} is not a regular expression: {error}") from None
            if not lanes or compiled.match("") is not None:
                raise fail(f"lanes={lanes!r} must not match an empty line")
        pythons = tuple(options.get("pythons", BUILD_PYTHON).split())
        try:
            for tag in pythons:
                interpreters.check_known(tag)
        except InterpreterError as error:
            raise fail(f"pythons: {error}") from None
        if BUILD_PYTHON not in pythons or len(set(pythons)) != len(pythons):
            raise fail(
                f'pythons="{options["pythons"]}" must list the build interpreter '
                f'{BUILD_PYTHON} once, e.g. pythons="{BUILD_PYTHON} 3.14t"'
            )
        for tag in pythons:
            if min_python and interpreters.version(tag) < min_python:
                raise fail(
                    f"min_python={'.'.join(map(str, min_python))} is newer than {tag}, "
                    "which the page runs it on: every example runs in the build"
                )
        requires = tuple(options.get("requires", "").split())
        if requires and pythons != (BUILD_PYTHON,):
            raise fail("requires= packages are installed for the build interpreter only")
        try:
            stated = parse_claims(options["claim"]) if "claim" in options else ()
        except ClaimError as error:
            raise fail(str(error)) from None
        for claim in stated:
            if claim.python is not None and claim.python not in pythons:
                raise fail(f"the claim {claim} is for {claim.python}, which pythons= does not run")
        return cls(
            path=paths[0],
            order=choice("order", ("exact", "free")),
            timeout=timeout,
            stderr=choice("stderr", ("none", "expected")) == "expected",
            tolerance=tolerance,
            baseline=options.get("baseline"),
            min_python=min_python,
            alone=choice("machine", ("shared", "whole")) == "whole",
            lanes=lanes,
            requires=requires,
            # The build interpreter first: its tab is the one a reader sees first.
            pythons=(BUILD_PYTHON, *(tag for tag in pythons if tag != BUILD_PYTHON)),
            claims=stated,
            title=options.get("title"),
            page=page,
            line=line,
        )

    @property
    def source(self) -> str:
        """The path to run, relative to the repo root."""
        return f"{SNIPPETS}/{self.path}"

    def recording(self, python: str = BUILD_PYTHON, stream: str = "stdout") -> str:
        """``x.out`` for the build interpreter, ``x.3.14t.out`` for another (``.err``: stderr)."""
        suffix = ".out" if stream == "stdout" else ".err"
        stem = Path(self.source).with_suffix("")
        return f"{stem}{suffix}" if python == BUILD_PYTHON else f"{stem}.{python}{suffix}"

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
        return {requirement_name(req).replace("-", "_") for req in self.requires}

    def supported(self, python: str = BUILD_PYTHON) -> bool:
        return self.min_python is None or interpreters.version(python) >= self.min_python

    def checked_on(self) -> tuple[str, ...]:
        """The interpreters the matrix checks this example on."""
        return tuple(tag for tag in interpreters.MATRIX if self.supported(tag))

    def __str__(self) -> str:
        return self.path


def parse_header(info: str) -> dict[str, str]:
    """The settings in a run fence's header: ``key="value"`` pairs, nothing else.

    Raises ValueError naming the first word it cannot read and how to write it.
    """
    settings: dict[str, str] = {}
    for match in _SETTING.finditer(info):
        bad = match["bad"]
        if bad is not None:
            key, _, value = bad.partition("=")
            if value:
                raise ValueError(
                    f'{bad}: put the value in quotes: {key}="{value.strip(chr(34) + chr(39))}"'
                )
            raise ValueError(f'{bad}: every setting needs a value in quotes, like {key}="…"')
        if match["key"] in settings:
            raise ValueError(f"{match['key']} is set twice")
        settings[match["key"]] = match["dq"] if match["dq"] is not None else match["sq"]
    return settings


@dataclass(frozen=True)
class Fence:
    """A fenced block in a Markdown file (any language), with its position."""

    language: str
    info: str
    body: str
    line: int  # 1-based line of the opening fence
    indent: int


def iter_fences(text: str) -> Iterator[Fence]:
    """Fenced blocks, also inside blockquotes, admonitions, tabs and lists (indented);
    a fence shown inside another fence is not one."""
    lines = [_QUOTE.sub("", line) for line in text.splitlines()]
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


def page_examples(text: str, page: str) -> list[Example]:
    """The run fences of one page, read with the one header parser."""
    examples = []
    for fence in iter_fences(text):
        if fence.language != FENCE:
            continue
        try:
            options = parse_header(fence.info[len(FENCE) :])
        except ValueError as error:
            raise FenceError(f"{page}:{fence.line}: {error}") from None
        examples.append(Example.from_fence(fence.body, options, page=page, line=fence.line))
    return examples


def discover(root: Path) -> list[Example]:
    """Every ``run`` fence in the pages under ``docs/``, in page order.

    Raises FenceError for a fence it cannot read, or for one snippet embedded twice:
    each example is collected once, with one set of settings.
    """
    examples: dict[str, Example] = {}
    for page in sorted((root / DOCS).rglob("*.md")):
        rel = page.relative_to(root).as_posix()
        for example in page_examples(page.read_text(encoding="utf-8"), rel):
            if example.path in examples:
                first = examples[example.path]
                raise FenceError(
                    f"{example.where}: {example.source} is already embedded at {first.where}; "
                    "embed each snippet once and link to it from elsewhere"
                )
            examples[example.path] = example
    return list(examples.values())


def mirror(page: str) -> str:
    """The snippets folder that mirrors a page: docs/a/b.md -> a/b, docs/a/index.md -> a."""
    folder = page.removeprefix(f"{DOCS}/").removesuffix(".md")
    return folder.removesuffix("index").rstrip("/")


def page_of(snippet: str) -> str:
    """The page a snippet belongs on: a/b/x.py -> docs/a/b.md, a/x.py -> docs/a/index.md."""
    folder = Path(snippet).parent.as_posix()
    if folder == ".":
        return f"{DOCS}/index.md"
    return f"{DOCS}/{folder}.md" if "/" in folder else f"{DOCS}/{folder}/index.md"


def orphans(root: Path, examples: list[Example]) -> list[str]:
    """Messages for the snippet files that no page embeds."""
    embedded = {example.path for example in examples}
    return [
        f"{SNIPPETS}/{path}: no page embeds it; embed it with a run fence in "
        f"{page_of(path)}, or delete it"
        for path in snippet_files(root)
        if path not in embedded
    ]


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
