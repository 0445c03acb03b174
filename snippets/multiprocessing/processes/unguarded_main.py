"""What happens when a spawned child re-imports a main module with no __main__ guard."""

import subprocess
import sys
import tempfile
from pathlib import Path

UNGUARDED = """\
import multiprocessing

print(f"top level runs in {multiprocessing.current_process().name}", flush=True)


def work():
    print("work ran", flush=True)


ctx = multiprocessing.get_context("spawn")
child = ctx.Process(target=work)  # no `if __name__ == "__main__":` guard
child.start()
child.join()
print(f"child exitcode: {child.exitcode}", flush=True)
"""


def error_lines(stderr):
    """The RuntimeError's message, without the traceback's file paths."""
    lines = stderr.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("RuntimeError"))
    return [line.strip() for line in lines[start:] if line.strip()][:6]


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "unguarded.py"
        script.write_text(UNGUARDED, encoding="utf-8")
        result = subprocess.run(
            [sys.executable, str(script)], capture_output=True, text=True, timeout=20
        )
    print("--- its stdout:")
    print(result.stdout, end="")
    print("--- its stderr, from the child (trimmed):")
    for line in error_lines(result.stderr):
        print(line)
