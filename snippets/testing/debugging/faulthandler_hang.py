"""faulthandler.dump_traceback_later shows where every thread of a hung program is."""

import re
import subprocess
import sys
import tempfile
from pathlib import Path

HUNG_PROGRAM = """\
import faulthandler
import threading

lock = threading.Lock()
started = threading.Event()


def worker():
    started.set()
    with lock:  # waits forever: the main thread holds the lock
        pass


faulthandler.dump_traceback_later(1.0, exit=True)  # the watchdog
lock.acquire()
thread = threading.Thread(target=worker, name="worker")
thread.start()
started.wait()
thread.join()  # waits forever: the worker never finishes
"""


def shorten(line):
    """Keep file names only, and line numbers only for our own program."""
    line = re.sub(r'File ".*/([^/"]+)"', r'File "\1"', line)
    return re.sub(r'(File "(?!hung\.py)[^"]+"), line \d+', r"\1", line)


def main():
    with tempfile.TemporaryDirectory() as folder:
        program = Path(folder) / "hung.py"
        program.write_text(HUNG_PROGRAM)
        child = subprocess.run(
            [sys.executable, str(program)], capture_output=True, text=True, timeout=20
        )
    print(f"hung.py exit code: {child.returncode}", flush=True)
    for line in child.stderr.splitlines():
        print(shorten(line), flush=True)


if __name__ == "__main__":
    main()
