"""`python -m execdocs update|stress|new`, called in-process on a small tree."""

from __future__ import annotations

import io
from pathlib import Path
from types import SimpleNamespace

import pytest

from execdocs import __main__ as cli
from execdocs.__main__ import main, select


def tree(root: Path, page: str, snippets: dict[str, str], recordings: dict[str, str]) -> Path:
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text(page, encoding="utf-8")
    (root / "snippets").mkdir()
    for name, code in snippets.items():
        (root / "snippets" / name).write_text(code, encoding="utf-8")
    for name, text in recordings.items():
        (root / "snippets" / name).write_text(text, encoding="utf-8")
    return root


PAGE = '```run\nok.py\n```\n\n```run\nbad.py\n```\n\n```run timeout="1"\nslow.py\n```\n'
CODE = {
    "ok.py": 'print("fine", flush=True)\n',
    "bad.py": 'print("half", flush=True)\nraise SystemExit(3)\n',
    "slow.py": 'import time\nprint("before", flush=True)\ntime.sleep(60)\n',
}


def test_update_records_clean_runs_only_and_sums_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tree(
        tmp_path, PAGE, CODE, {"ok.err": "stale\n", "bad.out": "keep\n", "slow.out": "keep\n"}
    )
    assert main(["update"], root) == 1
    out, err = capsys.readouterr()
    assert "recorded  snippets/ok.py [3.14]  snippets/ok.out snippets/ok.err" in out
    assert out.endswith("1 recorded or unchanged, 2 failed\n")
    assert "NOT RECORDED snippets/bad.py: exited with code 3" in err
    assert "NOT RECORDED snippets/slow.py: still running after" in err
    assert (root / "snippets/ok.out").read_text() == "fine\n"
    assert not (root / "snippets/ok.err").exists()  # stale: the fence expects no stderr
    assert (root / "snippets/bad.out").read_text() == "keep\n"
    assert (root / "snippets/slow.out").read_text() == "keep\n"
    assert not list((root / "snippets").glob(".*.tmp"))
    # Again: nothing changes, and it says so.
    assert main(["update", "ok.py"], root) == 0
    out, _ = capsys.readouterr()
    assert out == "unchanged  snippets/ok.py [3.14]  \n1 recorded or unchanged, 0 failed\n"


def test_update_names_and_interpreters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tree(
        tmp_path,
        '```run pythons="3.14 3.14t"\nok.py\n```\n\n```run min_python="3.14"\nnew.py\n```\n',
        {"ok.py": 'print("fine")\n', "new.py": 'print("new")\n'},
        {},
    )
    with pytest.raises(SystemExit, match=r"no page embeds nope\.py, zz\.py \(paths are relative"):
        main(["update", "nope.py", "snippets/zz.py", "ok.py"], root)
    assert main(["update", "snippets/ok.py"], root) == 0
    assert sorted(p.name for p in (root / "snippets").glob("*.out")) == ["ok.3.14t.out", "ok.out"]
    capsys.readouterr()
    # --python: that interpreter only, and only the examples it supports.
    assert main(["update", "--python", "3.13"], root) == 0
    out, _ = capsys.readouterr()
    assert out == "unchanged  snippets/ok.py [3.13]  \n1 recorded or unchanged, 0 failed\n"
    assert not (root / "snippets/ok.3.13.out").exists()  # prints the same as 3.14
    assert main(["update", "--python", "2.7"], root) == 2
    assert "unknown interpreter '2.7'" in capsys.readouterr().err


def test_select(tmp_path: Path) -> None:
    root = tree(
        tmp_path,
        '```run pythons="3.14 3.14t"\nok.py\n```\n\n```run min_python="3.14"\nnew.py\n```\n',
        {"ok.py": "", "new.py": ""},
        {},
    )
    assert [str(job) for job in select(root, [], None)] == ["ok.py", "ok.py[3.14t]", "new.py"]
    assert [str(job) for job in select(root, [], "3.12")] == ["ok.py[3.12]"]
    assert [str(job) for job in select(root, ["new.py"], "3.14t")] == ["new.py[3.14t]"]


def test_update_refuses_a_missing_snippet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tree(tmp_path, "```run\ngone.py\n```\n", {}, {})
    assert main(["update"], root) == 1
    assert "NOT RECORDED snippets/gone.py: does not exist" in capsys.readouterr().err


def test_update_reports_a_bad_fence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tree(tmp_path, "\n```run timeout=60\nok.py\n```\n", {"ok.py": ""}, {})
    assert main(["update"], root) == 2
    assert capsys.readouterr().err == (
        'docs/index.md:2: timeout=60: put the value in quotes: timeout="60"\n'
    )


def test_stress_runs_each_job_and_counts_matches(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tree(
        tmp_path,
        "```run\nok.py\n```\n\n```run\nflaky.py\n```\n",
        {
            "ok.py": 'print("fine")\n',
            # Prints its recording every other run: a counter file beside it says which.
            "flaky.py": (
                "from pathlib import Path\n"
                "n = Path('count')\n"
                "k = int(n.read_text()) if n.exists() else 0\n"
                "n.write_text(str(k + 1))\n"
                "print('even' if k % 2 == 0 else 'odd')\n"
            ),
        },
        {"ok.out": "fine\n", "flaky.out": "even\n"},
    )
    assert main(["stress", "--runs", "2", "--idle"], root) == 1
    out, err = capsys.readouterr()
    assert out == "  2/2 matched  ok.py\n  1/2 matched  flaky.py\n"
    assert err.startswith("snippets/flaky.py: stdout drifted")
    assert (root / "count").read_text() == "2"
    assert main(["stress", "--runs", "2", "--idle", "ok.py"], root) == 0


def test_stress_keeps_a_core_busy_and_stops_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tree(
        tmp_path, "```run\nok.py\n```\n", {"ok.py": 'print("fine")\n'}, {"ok.out": "fine\n"}
    )
    started: list[list[str]] = []
    events: list[str] = []

    class Hog:
        def __init__(self, argv: list[str]) -> None:
            started.append(argv)

        def kill(self) -> None:
            events.append("kill")

        def wait(self) -> None:
            events.append("wait")

    # Only this module's view of subprocess: the runner still starts real processes.
    monkeypatch.setattr(cli, "subprocess", SimpleNamespace(Popen=Hog))
    assert main(["stress", "--runs", "1"], root) == 0
    assert started and started[0][1:] == ["-c", "while True: pass"]
    assert events == ["kill", "wait"]
    assert capsys.readouterr().out == "  1/1 matched  ok.py\n"
    started.clear()
    assert main(["stress", "--runs", "1", "--idle"], root) == 0 and not started


def test_new_refuses_a_bad_name_with_exit_code_2_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tree(tmp_path, "", {}, {})
    assert main(["new", "Bad-Name"], root) == 2
    assert "snake_case" in capsys.readouterr().err
    assert list((root / "snippets").iterdir()) == []
    assert main(["new", "demo/x", "--pythons", "3.14 2.7"], root) == 2
    assert "unknown interpreter '2.7'" in capsys.readouterr().err
    assert not (root / "snippets" / "demo" / "x.py").exists()


def test_help_texts(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Every command's --help, against tests/snapshots/cli_help.txt (rewrite it with
    EXECDOCS_SNAPSHOTS=update after an intended change, and read the diff)."""
    import os

    monkeypatch.setenv("COLUMNS", "100")  # argparse wraps to the terminal's width
    texts = []
    for args in ([], ["update"], ["stress"], ["new"]):
        with pytest.raises(SystemExit) as done:
            main([*args, "--help"], Path())
        assert done.value.code == 0
        texts.append(capsys.readouterr().out)
    made = "\n----\n".join(texts)
    path = Path(__file__).parent / "snapshots" / "cli_help.txt"
    if os.environ.get("EXECDOCS_SNAPSHOTS") == "update":
        path.write_text(made, encoding="utf-8")
    assert made == path.read_text(encoding="utf-8")


class _Hog:
    """Stands in for the process that keeps a core busy."""

    def __init__(self, argv: list[str]) -> None:
        pass

    def kill(self) -> None:
        pass

    def wait(self) -> None:
        pass


class _Flushed(io.StringIO):
    """A stream that keeps what had been written each time it was flushed."""

    def __init__(self) -> None:
        super().__init__()
        self.flushed: list[str] = []

    def flush(self) -> None:
        self.flushed.append(self.getvalue())


WHOLE = (
    '```run machine="whole" claim="\'fast\' < 0.5"\nwhole.py\n```\n\n'  # never true
    "```run\nok.py\n```\n"
)


def test_stress_checks_a_whole_machine_claim_only_on_an_idle_machine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tree(
        tmp_path,
        WHOLE,
        {"whole.py": 'print("fast: 1.00")\n', "ok.py": 'print("fine")\n'},
        {"whole.out": "fast: 1.00\n", "ok.out": "fine\n"},
    )
    monkeypatch.setattr(cli, "subprocess", SimpleNamespace(Popen=_Hog))
    # A busy core: the text is checked against the recording, the claim is not.
    assert main(["stress", "--runs", "1"], root) == 0
    assert capsys.readouterr().out == (
        "  1/1 matched  whole.py  (claims not checked with a core busy: run --idle)\n"
        "  1/1 matched  ok.py\n"
    )
    (root / "snippets" / "whole.out").write_text("slow: 1.00\n")
    assert main(["stress", "--runs", "1", "whole.py"], root) == 1
    assert "snippets/whole.py: stdout drifted" in capsys.readouterr().err
    (root / "snippets" / "whole.out").write_text("fast: 1.00\n")
    # Idle: the claim is checked too, and fails; a later job that matches does not hide it.
    assert main(["stress", "--runs", "1", "--idle"], root) == 1
    out, err = capsys.readouterr()
    assert out == "  0/1 matched  whole.py\n  1/1 matched  ok.py\n"
    assert "'fast' < 0.5" in err


def test_stress_shows_each_result_as_soon_as_it_is_known(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tree(
        tmp_path,
        WHOLE,
        {"whole.py": 'print("fast: 1.00")\n', "ok.py": 'print("fine")\n'},
        {"whole.out": "fast: 1.00\n", "ok.out": "fine\n"},
    )
    out, err = _Flushed(), _Flushed()
    monkeypatch.setattr(cli.sys, "stdout", out)
    monkeypatch.setattr(cli.sys, "stderr", err)
    assert main(["stress", "--runs", "1", "--idle"], root) == 1
    assert out.flushed[:2] == [
        "  0/1 matched  whole.py\n",
        "  0/1 matched  whole.py\n  1/1 matched  ok.py\n",
    ]
    assert err.flushed and err.flushed[0] == err.getvalue()  # the failure, with its line


def test_stress_on_one_interpreter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tree(
        tmp_path, "```run\nok.py\n```\n", {"ok.py": 'print("fine")\n'}, {"ok.out": "fine\n"}
    )
    assert main(["stress", "--runs", "1", "--idle", "--python", "3.13"], root) == 0
    assert capsys.readouterr().out == "  1/1 matched  ok.py[3.13]\n"


def test_stress_defaults_to_20_runs_with_a_busy_core(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[object, ...]] = []
    monkeypatch.setattr(cli, "stress", lambda *args: calls.append(args) or 0)
    assert main(["stress"], Path("/r")) == 0
    assert main(["stress", "a.py", "--idle", "--python", "3.13"], Path("/r")) == 0
    assert calls == [(Path("/r"), [], 20, True, None), (Path("/r"), ["a.py"], 20, False, "3.13")]


def test_a_command_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main([], Path())
    assert done.value.code == 2
    assert "the following arguments are required: command" in capsys.readouterr().err


def test_the_tree_is_the_current_folder_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    tree(tmp_path, "```run\nok.py\n```\n", {"ok.py": 'print("fine")\n'}, {"ok.out": "fine\n"})
    monkeypatch.chdir(tmp_path)
    assert main(["stress", "--runs", "1", "--idle"]) == 0
    assert capsys.readouterr().out == "  1/1 matched  ok.py\n"


def test_new_creates_the_example_and_its_page_and_says_what_next(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tree(tmp_path, "", {}, {})
    (root / "mkdocs.yml").write_text("site_name: t\nnav:\n  - Home: index.md\n", encoding="utf-8")
    assert main(["new", "demo/hello", "--page", "Hello"], root) == 0
    assert capsys.readouterr().out == (
        "created snippets/demo/hello.py and recorded its output in snippets/demo/hello.out\n"
        "created docs/demo/index.md and added it to the nav in mkdocs.yml\n"
        "next: edit snippets/demo/hello.py, preview with `nox -s serve`, "
        "record with `nox -s update-outputs -- demo/hello.py`, then `nox -s tests`\n"
    )
    assert (root / "docs" / "demo" / "index.md").is_file()
