"""SharedMemory(track=False) (Python 3.13): another program can attach without removing it."""

import contextlib
import subprocess
import sys
from multiprocessing import shared_memory

ATTACH = """
import sys
from multiprocessing import shared_memory
block = shared_memory.SharedMemory(name=sys.argv[1], track=sys.argv[2] == "True")
print(bytes(block.buf[:5]).decode())
block.close()
"""


def attach_from_other_program(name, track):
    child = subprocess.run(
        [sys.executable, "-c", ATTACH, name, str(track)], capture_output=True, text=True, timeout=30
    )
    return child.stdout.strip(), "leaked shared_memory" in child.stderr


def still_exists(name):
    try:
        shared_memory.SharedMemory(name=name, track=False).close()
        return True
    except FileNotFoundError:
        return False


if __name__ == "__main__":
    block = shared_memory.SharedMemory(create=True, size=16, track=False)  # we unlink it ourselves
    block.buf[:5] = b"hello"
    try:
        for track in (False, True):
            read, warned = attach_from_other_program(block.name, track)
            print(f"track={track}: the other program read {read!r}; it warned of a leak: {warned}")
            print(f"  the block still exists afterwards: {still_exists(block.name)}")
    finally:
        block.close()
        with contextlib.suppress(FileNotFoundError):  # the other program's tracker removed it
            block.unlink()
