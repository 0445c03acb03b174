"""terminate_workers() and kill_workers() (Python 3.14) stop a pool whose task is stuck."""

import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


def stuck():
    time.sleep(60)  # stands for a call that never returns


if __name__ == "__main__":
    start = time.perf_counter()
    pool = ProcessPoolExecutor(max_workers=1)
    task = pool.submit(stuck)
    while not task.running():  # wait until the task has been handed to the worker
        time.sleep(0.05)
    pool.terminate_workers()  # SIGTERM to every worker; kill_workers() sends SIGKILL
    try:
        task.result(timeout=10)
    except BrokenProcessPool as exc:
        print(f"the stuck task: {type(exc).__name__}")
    pool.shutdown()  # returns at once: no worker is left to wait for
    elapsed = time.perf_counter() - start  # mostly the worker's start-up
    print(f"pool stopped in under 10 s, not 60 s: {elapsed < 10}")
