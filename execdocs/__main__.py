"""Command line: ``python -m execdocs update|stress|new ...``.

update  run the snippets and rewrite their recordings, but only from clean runs
stress  run each snippet many times, with one core kept busy, against its recording
new     start a new example from a template: snippet, recording, and optionally page
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from execdocs import interpreters
from execdocs.build import Job, run_checked
from execdocs.examples import Example, FenceError, discover
from execdocs.interpreters import InterpreterError
from execdocs.outputs import SnippetError, check, check_claims, check_clean, record
from execdocs.runner import Run
from execdocs.scaffold import ScaffoldError, new_example


def select(root: Path, names: list[str], python: str | None) -> list[Job]:
    """The jobs to run: every example (or the named ones) on each interpreter its page
    shows, or on ``python`` alone."""
    examples = discover(root)
    if names:
        wanted = {Path(name).as_posix().removeprefix("snippets/") for name in names}
        unknown = wanted - {example.path for example in examples}
        if unknown:
            raise SystemExit(
                f"no page embeds {', '.join(sorted(unknown))} (paths are relative to snippets/)"
            )
        examples = [example for example in examples if example.path in wanted]
    if python is not None:
        interpreters.check_known(python)
        return [Job(example, python) for example in examples if example.supported(python)]
    return [Job(example, tag) for example in examples for tag in example.pythons]


def _clean_and_true(example: Example, run: Run, root: Path) -> None:
    """What update demands of a run before recording it: clean, and the claims hold."""
    check_clean(example, run)
    check_claims(example, run)


def update(root: Path, names: list[str], python: str | None) -> int:
    jobs = select(root, names, python)
    results = run_checked(jobs, root, verify=_clean_and_true)
    failed = 0
    for job, result in results.items():
        try:
            changed = record(job.example, result.result(), root)
        except SnippetError as error:
            failed += 1
            print(f"NOT RECORDED {error}\n", file=sys.stderr)
            continue
        state = "recorded" if changed else "unchanged"
        print(f"{state}  {job.example.source} [{job.python}]  {' '.join(changed)}")
    print(f"{len(jobs) - failed} recorded or unchanged, {failed} failed")
    return 1 if failed else 0


def _recordings_only(example: Example, run: Run, root: Path) -> None:
    check(example, run, root, claims=False)


def stress(root: Path, names: list[str], runs: int, busy: bool, python: str | None) -> int:
    """Each job ``runs`` times, one after another, as the build checks it (claims retried
    alone), with a process spinning on one core. A whole-machine example's claims are
    about free cores, which a busy core takes away: with it, only its text is checked,
    and the line says so (`--idle` checks its claims too)."""
    hog = subprocess.Popen([sys.executable, "-c", "while True: pass"]) if busy else None
    failed = 0
    try:
        for job in select(root, names, python):
            errors = []
            unclaimed = busy and job.example.alone and bool(job.example.claims)
            verify = _recordings_only if unclaimed else check
            for _ in range(runs):
                error = run_checked([job], root, verify=verify)[job].exception()
                if error is not None:
                    errors.append(error)
            failed += bool(errors)
            note = "  (claims not checked with a core busy: run --idle)" if unclaimed else ""
            print(f"{runs - len(errors):3d}/{runs} matched  {job}{note}", flush=True)
            if errors:
                print(errors[0], file=sys.stderr, flush=True)
    finally:
        if hog is not None:
            hog.kill()
            hog.wait()
    return 1 if failed else 0


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    root = Path.cwd() if root is None else root
    parser = argparse.ArgumentParser(
        prog="python -m execdocs",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    python_help = "only this interpreter (e.g. 3.14t); default: each one the example's page shows"
    update_cmd = commands.add_parser("update", help="rewrite recordings from clean runs")
    update_cmd.add_argument("snippets", nargs="*")
    update_cmd.add_argument("--python", help=python_help)
    stress_cmd = commands.add_parser("stress", help="repeat runs with a busy core")
    stress_cmd.add_argument("snippets", nargs="*")
    stress_cmd.add_argument("--runs", type=int, default=20)
    stress_cmd.add_argument("--idle", action="store_true", help="do not keep a core busy")
    stress_cmd.add_argument("--python", help=python_help)
    new_cmd = commands.add_parser(
        "new", help="start a new example: python -m execdocs new topic/name"
    )
    new_cmd.add_argument("name", help="<topic>/<page>/<name>, e.g. threading/locks/transfer")
    new_cmd.add_argument(
        "--page", metavar="TITLE", help="also create the page it belongs on, and its nav entry"
    )
    new_cmd.add_argument(
        "--pythons", help="interpreters the page shows side by side, e.g. '3.14 3.14t'"
    )
    args = parser.parse_args(argv)
    try:
        if args.command == "update":
            return update(root, args.snippets, args.python)
        if args.command == "new":
            print("\n".join(new_example(root, args.name, args.page, args.pythons)))
            return 0
        return stress(root, args.snippets, args.runs, not args.idle, args.python)
    except (FenceError, ScaffoldError, SnippetError, InterpreterError) as error:
        print(error, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
