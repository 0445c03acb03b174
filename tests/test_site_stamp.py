"""The stamp that lets a warm `nox -s docs` with nothing changed skip the build
(execdocs/site_stamp.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from execdocs import site_stamp


@pytest.fixture
def root(tmp_path: Path) -> Path:
    for name in ("docs/index.md", "snippets/a.py", "snippets/a.out", "mkdocs.yml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"{name}\n", encoding="utf-8")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<p>built</p>\n", encoding="utf-8")
    return tmp_path


def test_no_stamp_means_build(root: Path) -> None:
    assert not site_stamp.is_current(root, root / "site")


def test_a_recorded_build_is_current_until_an_input_changes(root: Path) -> None:
    site_stamp.record(root, root / "site")
    assert site_stamp.is_current(root, root / "site")
    (root / "snippets" / "a.out").write_text("another recording\n", encoding="utf-8")
    assert not site_stamp.is_current(root, root / "site")
    site_stamp.record(root, root / "site")
    (root / "snippets" / "b.py").write_text("print(1)\n", encoding="utf-8")  # a new file
    assert not site_stamp.is_current(root, root / "site")


def test_a_touched_or_missing_site_means_build(root: Path) -> None:
    site_stamp.record(root, root / "site")
    page = root / "site" / "index.html"
    stat = page.stat()
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert not site_stamp.is_current(root, root / "site")
    site_stamp.record(root, root / "site")
    page.unlink()
    assert not site_stamp.is_current(root, root / "site")
    assert not site_stamp.is_current(root, root / "elsewhere")


def test_forget_and_a_broken_stamp(root: Path) -> None:
    site_stamp.record(root, root / "site")
    site_stamp.forget(root)
    assert not site_stamp.is_current(root, root / "site")
    site_stamp.forget(root)  # nothing to forget: no error
    (root / site_stamp.STAMP).write_text("not json", encoding="utf-8")
    assert not site_stamp.is_current(root, root / "site")
    (root / site_stamp.STAMP).write_text("[]", encoding="utf-8")
    assert not site_stamp.is_current(root, root / "site")


def test_an_interpreter_change_means_build(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site_stamp.record(root, root / "site")
    monkeypatch.setattr(site_stamp, "_interpreter", lambda tag: f"{tag}: upgraded")
    assert not site_stamp.is_current(root, root / "site")


def test_files_in_subfolders_count_but_bytecode_does_not(root: Path) -> None:
    (root / "execdocs" / "sub").mkdir(parents=True)  # folders in an input are walked
    (root / "execdocs" / "sub" / "m.py").write_text("x = 1\n", encoding="utf-8")
    site_stamp.record(root, root / "site")
    assert site_stamp.is_current(root, root / "site")
    # Importing the machinery writes bytecode: that changes nothing the build reads.
    (root / "execdocs" / "__pycache__").mkdir()
    (root / "execdocs" / "__pycache__" / "m.cpython-314.pyc").write_bytes(b"\0")
    assert site_stamp.is_current(root, root / "site")
    (root / "execdocs" / "sub" / "m.py").write_text("x = 2\n", encoding="utf-8")
    assert not site_stamp.is_current(root, root / "site")


def test_an_interpreter_installed_or_upgraded_means_build(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each interpreter of the matrix counts by its file: path, size and time."""
    program = root / "bin" / "python3.13"
    installed: dict[str, str] = {}
    monkeypatch.setattr(site_stamp.shutil, "which", lambda name: installed.get(name))
    site_stamp.record(root, root / "site")
    program.parent.mkdir()
    program.write_bytes(b"3.13.0")
    installed["python3.13"] = str(program)
    assert not site_stamp.is_current(root, root / "site")
    site_stamp.record(root, root / "site")
    assert site_stamp.is_current(root, root / "site")
    program.write_bytes(b"3.13.10")  # upgraded in place
    assert not site_stamp.is_current(root, root / "site")


def test_another_machine_means_build(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site_stamp.record(root, root / "site")
    monkeypatch.setattr(site_stamp.os, "cpu_count", lambda: 1024)
    assert not site_stamp.is_current(root, root / "site")
