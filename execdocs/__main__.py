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

from execdocs.examples import Example, FenceError, discover
from execdocs.outputs import SnippetError, attempt, check, record
from execdocs.runner import run_many
from execdocs.scaffold import ScaffoldError, new_example

ROOT = Path.cwd()


def _select(names: list[str]) -> list[Example]:
    examples = [example for example in discover(ROOT) if example.supported()]
    if not names:
        return examples
    wanted = {Path(name).as_posix().removeprefix("snippets/") for name in names}
    unknown = wanted - {example.path for example in examples}
    if unknown:
        raise SystemExit(
            f"no page embeds {', '.join(sorted(unknown))} (paths are relative to snippets/)"
        )
    return [example for example in examples if example.path in wanted]


def update(names: list[str]) -> int:
    examples = _select(names)
    runs = run_many(examples, lambda e: attempt(e, ROOT), alone=lambda e: e.alone)
    failed = 0
    for example in examples:
        try:
            run = runs[example]
            if isinstance(run, SnippetError):
                raise run
            changed = record(example, run, ROOT)
        except SnippetError as error:
            failed += 1
            print(f"NOT RECORDED {error}\n", file=sys.stderr)
            continue
        print(f"{'recorded' if changed else 'unchanged'}  {example.source}  {' '.join(changed)}")
    print(f"{len(examples) - failed} recorded or unchanged, {failed} failed")
    return 1 if failed else 0


def stress(names: list[str], runs: int, busy: bool) -> int:
    hog = subprocess.Popen([sys.executable, "-c", "while True: pass"]) if busy else None
    failed = 0
    try:
        for example in _select(names):
            errors: list[SnippetError] = []
            for _ in range(runs):
                try:
                    result = attempt(example, ROOT)
                    if isinstance(result, SnippetError):
                        raise result
                    check(example, result, ROOT)
                except SnippetError as error:
                    errors.append(error)
            failed += bool(errors)
            print(f"{runs - len(errors):3d}/{runs} matched  {example.source}", flush=True)
            if errors:
                print(errors[0], file=sys.stderr, flush=True)
    finally:
        if hog is not None:
            hog.kill()
            hog.wait()
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m execdocs",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("update", help="rewrite recordings from clean runs").add_argument(
        "snippets", nargs="*"
    )
    stress_cmd = commands.add_parser("stress", help="repeat runs with a busy core")
    stress_cmd.add_argument("snippets", nargs="*")
    stress_cmd.add_argument("--runs", type=int, default=20)
    stress_cmd.add_argument("--idle", action="store_true", help="do not keep a core busy")
    new_cmd = commands.add_parser(
        "new", help="start a new example: python -m execdocs new topic/name"
    )
    new_cmd.add_argument("name", help="<topic>/<page>/<name>, e.g. threading/locks/transfer")
    new_cmd.add_argument(
        "--page", metavar="TITLE", help="also create the page it belongs on, and its nav entry"
    )
    args = parser.parse_args(argv)
    try:
        if args.command == "update":
            return update(args.snippets)
        if args.command == "new":
            print("\n".join(new_example(ROOT, args.name, args.page)))
            return 0
        return stress(args.snippets, args.runs, busy=not args.idle)
    except (FenceError, ScaffoldError, SnippetError) as error:
        print(error, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
