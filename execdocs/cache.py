"""A content cache of runs, so a build re-runs only the snippets that changed.

A cached run is used only when every part of its key matches: the snippet's path and
bytes, the settings that change how it runs (timeout, interpreter), the runner's version
and fixed environment, what the interpreter says of itself, the versions of the packages
it requires, the OS and the CPU count. Only clean runs are kept.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import platform
import tempfile
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from importlib import metadata
from pathlib import Path

from execdocs import interpreters
from execdocs.examples import Example, requirement_name
from execdocs.interpreters import InterpreterError
from execdocs.runner import FIXED_ENV, RUNNER_VERSION, Line, Run

CACHE_DIR = Path(".cache") / "execdocs"


def _installed(requirement: str) -> str:
    name = requirement_name(requirement)
    try:
        return f"{name}=={metadata.version(name)}"
    except metadata.PackageNotFoundError:
        return f"{name} (not installed)"


def cache_key(example: Example, python: str, root: Path) -> str:
    parts: list[str | bytes] = [
        RUNNER_VERSION,
        example.source,
        python,
        interpreters.describe(python),
        platform.platform(),
        str(os.cpu_count()),
        json.dumps(FIXED_ENV, sort_keys=True),
        repr(example.timeout),
        " ".join(_installed(req) for req in example.requires),
        (root / example.source).read_bytes(),
    ]
    return hashlib.sha256(
        b"\0".join(part if isinstance(part, bytes) else part.encode() for part in parts)
    ).hexdigest()


#: A folder of runs that several consumers share for one session (the test suite's site
#: build and its snippet tests): set, it replaces the project's cache, and each run is
#: made once, by whichever consumer gets to it first.
SHARED_CACHE = "EXECDOCS_SHARED_CACHE"


#: Where builds keep the theme's compiled templates, when not in the project's cache
#: folder (execdocs/plugin.py): the test suite points all its one-page sites at one.
TEMPLATE_CACHE = "EXECDOCS_TEMPLATE_CACHE"


class RunCache:
    def __init__(self, root: Path, folder: Path | None = None) -> None:
        self.root = root
        self.folder = folder or root / CACHE_DIR
        self.shared = folder is not None

    @classmethod
    def for_session(cls, root: Path, environ: os._Environ[str] | dict[str, str]) -> RunCache:
        """The session's shared cache when ``EXECDOCS_SHARED_CACHE`` names one, else the
        project's."""
        shared = environ.get(SHARED_CACHE, "")
        return cls(root, Path(shared) if shared else None)

    def claim(self, example: Example, python: str) -> AbstractContextManager[None]:
        """Held while a run is looked up, made and stored: in a shared cache, a second
        consumer of the same run waits, then finds it instead of running it again."""
        return self._locked(example, python) if self.shared else nullcontext()

    @contextmanager
    def _locked(self, example: Example, python: str) -> Iterator[None]:
        import fcntl  # POSIX: the test suite, which alone shares a cache, needs it anyway

        try:
            key = cache_key(example, python, self.root)
        except OSError:  # a missing snippet: its run fails at once, with nothing to share
            yield
            return
        locks = self.folder / "locks"
        locks.mkdir(parents=True, exist_ok=True)
        with open(locks / key, "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield

    def _file(self, example: Example, python: str) -> Path:
        return self.folder / f"{cache_key(example, python, self.root)}.json"

    def get(self, example: Example, python: str) -> Run | None:
        try:
            data = json.loads(self._file(example, python).read_text(encoding="utf-8"))
        except InterpreterError:
            return None  # not installed: running it says so, with the page
        except (OSError, ValueError):
            return None  # missing or unreadable: run again
        try:
            lines = {
                name: tuple(Line(**line) for line in data.pop(name))
                for name in ("stdout", "stderr")
            }
            run = dataclasses.replace(Run(**data, **lines), from_cache=True)
        except (ValueError, TypeError, KeyError, AttributeError):
            return None  # written by an older runner: run again
        # The key covers the path; a run stored under another path is not this one's.
        return run if run.path == example.source and run.python == python else None

    def put(self, example: Example, run: Run) -> None:
        if run.returncode != 0:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(dataclasses.asdict(run), handle)
        Path(tmp).replace(self._file(example, run.python))
