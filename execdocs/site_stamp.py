"""Whether site/ is already the build of exactly these inputs, so that a warm
`nox -s docs` with nothing changed has nothing to do.

After a successful build the stamp records a digest of everything the build reads (the
pages, snippets, recordings, theme overrides, machinery and pins, the interpreters the
snippets run on, the machine) and a digest of site/ as that build left it. Any change
to either, or a missing stamp, means: build. The noxfile imports this module, so it
needs nothing but the standard library.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
from collections.abc import Iterator
from pathlib import Path

from execdocs.interpreters import MATRIX

#: What a build reads, besides the installed packages (pinned by the last two).
INPUTS = (
    "docs",
    "snippets",
    "overrides",
    "execdocs",
    "mkdocs.yml",
    "pyproject.toml",
    "constraints.txt",
)
STAMP = Path(".cache") / "execdocs" / "site-stamp.json"


def _files(path: Path) -> Iterator[Path]:
    if path.is_file():
        yield path
    elif path.is_dir():
        for found in sorted(path.rglob("*")):
            if found.is_file() and "__pycache__" not in found.parts:
                yield found


def _interpreter(tag: str) -> str:
    found = shutil.which(f"python{tag}")
    if found is None:
        return f"{tag}: missing"
    real = Path(found).resolve()
    stat = real.stat()
    return f"{tag}: {real} {stat.st_size} {stat.st_mtime_ns}"


def inputs_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for name in INPUTS:
        for path in _files(root / name):
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    for line in [*map(_interpreter, MATRIX), platform.platform(), str(os.cpu_count())]:
        digest.update(line.encode() + b"\0")
    return digest.hexdigest()


def output_digest(site: Path) -> str:
    """Names, sizes and modification times: enough to see that site/ was touched."""
    digest = hashlib.sha256()
    for path in _files(site):
        stat = path.stat()
        line = f"{path.relative_to(site).as_posix()} {stat.st_size} {stat.st_mtime_ns}"
        digest.update(line.encode() + b"\0")
    return digest.hexdigest()


def is_current(root: Path, site: Path) -> bool:
    try:
        stamp = json.loads((root / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (
        isinstance(stamp, dict)
        and site.is_dir()
        and stamp.get("inputs") == inputs_digest(root)
        and stamp.get("site") == output_digest(site)
    )


def forget(root: Path) -> None:
    """Before a build: if it fails, no stamp says site/ is current."""
    (root / STAMP).unlink(missing_ok=True)


def record(root: Path, site: Path) -> None:
    """After a successful build."""
    (root / STAMP).parent.mkdir(parents=True, exist_ok=True)
    stamp = {"inputs": inputs_digest(root), "site": output_digest(site)}
    (root / STAMP).write_text(json.dumps(stamp), encoding="utf-8")
