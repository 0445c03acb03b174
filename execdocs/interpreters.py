"""Which Pythons the guide runs on, and how to find each one on this machine.

An interpreter is named by a tag: ``3.11`` … ``3.14`` for the usual (GIL) builds and
``3.14t`` for the free-threaded build. The site is built with :data:`BUILD_PYTHON`; the
matrix (``nox -s matrix``) checks every snippet on each of :data:`MATRIX`. The noxfile
imports this module, so it needs nothing but the standard library.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import sysconfig
from functools import cache

#: The interpreter the site is built, tested and recorded with: the Python it teaches.
BUILD_PYTHON = "3.14"
#: Every interpreter each snippet is checked on (`nox -s matrix`), oldest first.
MATRIX = ("3.11", "3.12", "3.13", "3.14", "3.14t")

_TAG = re.compile(r"3\.(\d+)(t?)")


class InterpreterError(Exception):
    """An interpreter that is unknown or not installed; the message says how to fix it."""


def current() -> str:
    """The tag of the running interpreter, e.g. ``3.14`` or ``3.14t``."""
    threaded = "t" if sysconfig.get_config_var("Py_GIL_DISABLED") else ""
    return f"{sys.version_info.major}.{sys.version_info.minor}{threaded}"


def version(tag: str) -> tuple[int, int]:
    """``3.14t`` -> (3, 14)."""
    match = _TAG.fullmatch(tag)
    if match is None:
        raise InterpreterError(f"{tag!r} is not an interpreter; known: {' '.join(MATRIX)}")
    return 3, int(match[1])


def free_threaded(tag: str) -> bool:
    return tag.endswith("t")


def check_known(tag: str) -> str:
    if tag not in MATRIX:
        raise InterpreterError(f"unknown interpreter {tag!r}; known: {' '.join(MATRIX)}")
    return tag


@cache
def executable(tag: str) -> str:
    """The program that runs ``tag``: this process's own interpreter, or ``python<tag>``."""
    check_known(tag)
    if tag == current():
        return sys.executable
    found = shutil.which(f"python{tag}")
    if found is None:
        raise InterpreterError(
            f"python{tag} is not installed (not on PATH); install it, e.g. "
            f"`uv python install {tag}` or the python.org installer, then run again"
        )
    return found


@cache
def describe(tag: str) -> str:
    """What the interpreter says of itself, e.g. ``CPython 3.14.7 free-threading build``."""
    out = subprocess.run(
        [executable(tag), "-c", _PROBE], capture_output=True, text=True, check=True, timeout=60
    )
    return out.stdout.strip()


_PROBE = (
    "import platform, sysconfig\n"
    "ft = ' free-threading build' if sysconfig.get_config_var('Py_GIL_DISABLED') else ''\n"
    "print(f'{platform.python_implementation()} {platform.python_version()}{ft}')\n"
)
