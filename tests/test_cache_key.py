"""The run cache's key and store (execdocs/cache.py), without building a site: every part
of the key invalidates, and only matching clean runs come back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from execdocs import cache as cache_module
from execdocs.cache import CACHE_DIR, RunCache, cache_key
from execdocs.examples import Example
from execdocs.runner import Line, Run


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "snippets" / "t").mkdir(parents=True)
    for name in ("x.py", "y.py"):
        (tmp_path / "snippets" / "t" / name).write_text("print(1)\n")
    return tmp_path


X = Example(path="t/x.py")


@pytest.mark.parametrize(
    ("target", "value"),
    [
        ("RUNNER_VERSION", "999"),
        ("FIXED_ENV", {"PYTHONHASHSEED": "1"}),
    ],
)
def test_runner_version_and_environment_are_in_the_key(
    root: Path, monkeypatch: pytest.MonkeyPatch, target: str, value: object
) -> None:
    key = cache_key(X, "3.14", root)
    monkeypatch.setattr(cache_module, target, value)
    assert cache_key(X, "3.14", root) != key


def test_the_environment_counts_by_its_values_not_their_order(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = cache_key(X, "3.14", root)
    monkeypatch.setattr(
        cache_module, "FIXED_ENV", dict(reversed(list(cache_module.FIXED_ENV.items())))
    )
    assert cache_key(X, "3.14", root) == key


def test_interpreter_os_and_cpus_are_in_the_key(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = cache_key(X, "3.14", root)
    assert cache_key(X, "3.14t", root) != key
    with monkeypatch.context() as patch:
        patch.setattr(cache_module.interpreters, "describe", lambda tag: "CPython 3.14.99")
        assert cache_key(X, "3.14", root) != key
    with monkeypatch.context() as patch:
        patch.setattr(cache_module.platform, "platform", lambda: "Plan9")
        assert cache_key(X, "3.14", root) != key
    with monkeypatch.context() as patch:
        patch.setattr(cache_module.os, "cpu_count", lambda: 64)
        assert cache_key(X, "3.14", root) != key
    assert cache_key(X, "3.14", root) == key


def test_path_bytes_timeout_and_required_versions_are_in_the_key(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = cache_key(X, "3.14", root)
    # Same bytes at another path: another key (the path shows in the page and chart ids).
    assert cache_key(Example(path="t/y.py"), "3.14", root) != key
    assert cache_key(Example(path="t/x.py", timeout=99), "3.14", root) != key
    assert cache_key(Example(path="t/x.py", requires=("pytest",)), "3.14", root) != key
    (root / "snippets" / "t" / "x.py").write_text("print(2)\n")
    assert cache_key(X, "3.14", root) != key
    # Other settings do not change how it runs.
    assert cache_key(Example(path="t/x.py", order="free", title="T"), "3.14", root) == cache_key(
        X, "3.14", root
    )
    with_pkg = Example(path="t/x.py", requires=("pytest[extra]==1",))
    before = cache_key(with_pkg, "3.14", root)
    monkeypatch.setattr(cache_module.metadata, "version", lambda name: "0.0.1")
    assert cache_key(with_pkg, "3.14", root) != before


def test_installed_names_versions() -> None:
    import pytest as installed

    assert cache_module._installed("pytest[x]==1.0") == f"pytest=={installed.__version__}"
    assert cache_module._installed(" pytest ") == f"pytest=={installed.__version__}"
    for spec in (
        "pytest==1.0",
        "pytest>=1",
        "pytest~=9.0",
        "pytest!=1",
        "pytest<99",
        "pytest; os_name",
    ):
        assert cache_module._installed(spec) == f"pytest=={installed.__version__}", spec
    assert cache_module._installed("no-such-package-here") == "no-such-package-here (not installed)"


def _run(path: str = "snippets/t/x.py", code: int | None = 0, python: str = "3.14") -> Run:
    return Run(
        path,
        (Line(0.1, "1"),),
        (Line(0.2, "w", "stderr"),),
        code,
        0.2,
        30.0,
        started="2026-01-01T00:00:00+00:00",
        python=python,
    )


def test_a_clean_run_comes_back_marked_as_cached(root: Path) -> None:
    store = RunCache(root)
    assert store.get(X, "3.14") is None
    store.put(X, _run())
    assert store.get(X, "3.14") == Run(**{**_run().__dict__, "from_cache": True})
    assert store.get(X, "3.14t") is None
    assert [p.suffix for p in (root / CACHE_DIR).iterdir()] == [".json"]


@pytest.mark.parametrize("code", [1, None])
def test_failed_and_timed_out_runs_are_not_kept(root: Path, code: int | None) -> None:
    store = RunCache(root)
    store.put(X, _run(code=code))
    assert store.get(X, "3.14") is None
    assert not (root / CACHE_DIR).exists()


def test_unreadable_or_foreign_entries_are_ignored(root: Path) -> None:
    store = RunCache(root)
    store.put(X, _run())
    entry = store._file(X, "3.14")
    for text in ("{not json", json.dumps({"path": "x"}), "[]", json.dumps({"stdout": 1})):
        entry.write_text(text)
        assert store.get(X, "3.14") is None
    # A run stored for another path or interpreter under this key is not this one's.
    good = {**_run().__dict__, "stdout": [], "stderr": []}
    for field, value in (("path", "snippets/t/y.py"), ("python", "3.14t")):
        entry.write_text(json.dumps({**good, field: value}))
        assert store.get(X, "3.14") is None
    entry.write_text(json.dumps(good))
    assert store.get(X, "3.14") is not None


def test_the_session_cache_is_shared_only_when_the_environment_names_one(
    root: Path, tmp_path: Path
) -> None:
    for environ in ({}, {cache_module.SHARED_CACHE: ""}):
        project = RunCache.for_session(root, environ)
        assert project.folder == root / CACHE_DIR and not project.shared
    shared = RunCache.for_session(root, {cache_module.SHARED_CACHE: str(tmp_path / "runs")})
    assert shared.folder == tmp_path / "runs" and shared.shared and shared.root == root


def test_only_a_shared_cache_takes_a_lock(root: Path, tmp_path: Path) -> None:
    with RunCache(root).claim(X, "3.14"):
        pass
    assert not (root / CACHE_DIR).exists()  # the project's cache: nothing to wait for
    with RunCache(root, tmp_path / "runs").claim(X, "3.14"):
        assert [p.name for p in (tmp_path / "runs" / "locks").iterdir()] == [
            cache_key(X, "3.14", root)
        ]


def test_an_entry_is_written_in_the_cache_folder_and_appears_whole(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = RunCache(root)
    # The system's temporary folder is not used: the entry is renamed into place, which
    # only works (atomically) within one file system.
    monkeypatch.setattr(cache_module.tempfile, "tempdir", str(root / "no-such-folder"))
    store.put(X, _run())
    assert store.get(X, "3.14") is not None

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    # A write cut short leaves a .tmp file beside the entries, never a .json one.
    monkeypatch.setattr(cache_module.json, "dump", disk_full)
    with pytest.raises(OSError, match="No space left"):
        store.put(Example(path="t/y.py"), _run("snippets/t/y.py"))
    assert sorted(p.suffix for p in (root / CACHE_DIR).iterdir()) == [".json", ".tmp"]
    assert store.get(Example(path="t/y.py"), "3.14") is None
