"""A task still running in a ThreadPoolExecutor holds up the end of the program."""

import atexit
import threading
import time
from concurrent.futures import ThreadPoolExecutor

start = time.perf_counter()


def report_exit():
    # atexit handlers run only after the executor's threads have been joined.
    print(f"atexit: the interpreter reached its exit at {time.perf_counter() - start:.1f} s")


def slow_task(started):
    started.set()
    time.sleep(1.5)  # a call that does not know the program wants to stop
    print(f"task: finished at {time.perf_counter() - start:.1f} s", flush=True)


def main():
    atexit.register(report_exit)
    started = threading.Event()
    pool = ThreadPoolExecutor(max_workers=1)
    pool.submit(slow_task, started)
    started.wait(timeout=10)
    # Neither wait=False nor cancel_futures stops a task that is already running.
    pool.shutdown(wait=False, cancel_futures=True)
    print(f"main: returns at {time.perf_counter() - start:.1f} s", flush=True)


if __name__ == "__main__":
    main()
