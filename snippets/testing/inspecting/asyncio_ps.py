"""python -m asyncio ps / pstree: the tasks of a hung asyncio program, seen from outside."""

import itertools
import re
import select
import subprocess
import sys
import tempfile
from pathlib import Path

HUNG_PROGRAM = """\
import asyncio


async def fetch_prices(queue):
    return await queue.get()  # nobody ever puts anything: it waits forever


async def build_report(prices_task):
    prices = await prices_task
    return f"report on {prices}"


async def main():
    queue = asyncio.Queue()
    async with asyncio.TaskGroup() as group:
        prices = group.create_task(fetch_prices(queue), name="fetch-prices")
        group.create_task(build_report(prices), name="build-report")
        await asyncio.sleep(0)  # let both tasks start and block
        print("ready", flush=True)


asyncio.run(main())
"""


def wait_for_line(stream, seconds):
    ready, _, _ = select.select([stream], [], [], seconds)
    return stream.readline().strip() if ready else "(nothing)"


def table(text):
    """Keep the ps columns that do not change from run to run (no ids)."""
    lines = text.splitlines()
    header = lines[0]
    names = ["task name", "coroutine stack", "awaiter chain", "awaiter name", "awaiter id"]
    starts = [header.index(name) for name in names]
    rows = [[line[a:b].strip() for a, b in itertools.pairwise(starts)] for line in lines[2:]]
    # A task awaited twice has two rows, in no fixed order: sort them by awaiter.
    first_seen = {row[0]: index for index, row in reversed(list(enumerate(rows)))}
    rows = [names[:-1], *sorted(rows, key=lambda row: (first_seen[row[0]], row[3]))]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    out = []
    for row in rows:
        out.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    return "\n".join(line.rstrip() for line in out)


def tree(text):
    """File names only, and line numbers only for the program itself."""
    text = re.sub(r"/\S*/([^/\s]+\.py)", r"\1", text)
    return re.sub(r"((?!hung\.py)\b\w+\.py):\d+", r"\1", text)


def main():
    with tempfile.TemporaryDirectory() as folder:
        program = Path(folder) / "hung.py"
        program.write_text(HUNG_PROGRAM)
        child = subprocess.Popen([sys.executable, str(program)], stdout=subprocess.PIPE, text=True)
        try:
            print(f"hung.py says: {wait_for_line(child.stdout, 20)}", flush=True)
            for command in ("ps", "pstree"):
                args = [sys.executable, "-m", "asyncio", command, str(child.pid)]
                result = subprocess.run(args, capture_output=True, text=True, timeout=20)
                print(f"\n$ python -m asyncio {command} <pid>   (exit code {result.returncode})")
                tidy = table if command == "ps" else tree
                print((tidy(result.stdout) + result.stderr).rstrip(), flush=True)
        finally:
            child.kill()
            child.wait(timeout=10)


if __name__ == "__main__":
    main()
