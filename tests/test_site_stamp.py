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
