"""Process.sentinel with connection.wait(), terminate() against kill(), and close()."""

import multiprocessing
import signal
import time
from multiprocessing.connection import wait


def quick():
    pass


def stubborn(ready):
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # ignores terminate(); kill() cannot be ignored
    ready.set()
    time.sleep(60)


if __name__ == "__main__":
    ready = multiprocessing.Event()
    fast = multiprocessing.Process(target=quick, name="quick")
    slow = multiprocessing.Process(target=stubborn, args=(ready,), name="stubborn")
    fast.start()
    slow.start()
    ready.wait(timeout=20)

    # wait() takes sentinels (and connections, sockets) and returns those that are ready.
    done = wait([fast.sentinel, slow.sentinel], timeout=20)
    print(f"first to end: {[p.name for p in (fast, slow) if p.sentinel in done]}")

    slow.terminate()  # SIGTERM, which this child ignores
    print(f"after terminate(): ended? {bool(wait([slow.sentinel], timeout=1.0))}")
    slow.kill()  # SIGKILL
    print(f"after kill(): ended? {bool(wait([slow.sentinel], timeout=20))}")

    for process in (fast, slow):
        process.join(timeout=5)
        print(f"{process.name}: exit code {process.exitcode}")
        process.close()  # frees its resources; the object is unusable afterwards
    try:
        slow.is_alive()
    except ValueError as exc:
        print(f"after close(): ValueError: {exc}")
