"""A content cache of runs, so a build re-runs only the snippets that changed.

A cached run is used only when every part of its key matches: the snippet's bytes,
its timeout, the runner's version and fixed environment, the interpreter, the OS
and the CPU count. Only runs that exited 0 are kept.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import platform
import sys
import tempfile
from pathlib import Path

from execdocs.examples import Example
from execdocs.runner import FIXED_ENV, RUNNER_VERSION, Line, Run

CACHE_DIR = Path(".cache") / "execdocs"


def cache_key(example: Example, root: Path) -> str:
    parts: list[bytes] = [
        RUNNER_VERSION.encode(),
        sys.version.encode(),
        platform.platform().encode(),
        str(os.cpu_count()).encode(),
        json.dumps(FIXED_ENV, sort_keys=True).encode(),
        repr(example.timeout).encode(),
        (root / example.source).read_bytes(),
    ]
    return hashlib.sha256(b"\0".join(parts)).hexdigest()


class RunCache:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder = root / CACHE_DIR

    def _file(self, example: Example) -> Path:
        return self.folder / f"{cache_key(example, self.root)}.json"

    def get(self, example: Example) -> Run | None:
        try:
            data = json.loads(self._file(example).read_text(encoding="utf-8"))
            lines = {
                name: tuple(Line(**line) for line in data.pop(name))
                for name in ("stdout", "stderr")
            }
            return dataclasses.replace(Run(**data, **lines), from_cache=True)
        except (OSError, ValueError, TypeError, KeyError):
            return None  # missing, or written by an older runner: run again

    def put(self, example: Example, run: Run) -> None:
        if run.returncode != 0:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(dataclasses.asdict(run), handle)
        Path(tmp).replace(self._file(example))
