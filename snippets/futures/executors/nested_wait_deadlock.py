"""A task that waits for another task in the same full pool waits for ever."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

both_busy = threading.Barrier(2)


def fetch(name):
    return f"data for {name}"


def report(pool, name):
    both_busy.wait(timeout=10)  # both workers are now taken by outer tasks
    inner = pool.submit(fetch, name)  # queued behind the tasks that wait for it
    try:
        return inner.result(timeout=1.0)  # without a timeout, this would wait for ever
    except TimeoutError:
        started = inner.running() or inner.done()
        inner.cancel()
        both_busy.wait(timeout=10)  # hold both workers until both tasks have given up
        return f"gave up after 1.0 s; inner task ever started? {started}"


def report_fixed(io_pool, name):
    return io_pool.submit(fetch, name).result(timeout=10)  # the inner task has its own pool


if __name__ == "__main__":
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=2) as pool:
        outer = [pool.submit(report, pool, name) for name in ("a", "b")]
        for future in outer:
            print(f"same pool: {future.result(timeout=10)}")
    print(f"same pool took {time.perf_counter() - start:.1f} s")

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=2) as pool, ThreadPoolExecutor(max_workers=2) as io_pool:
        outer = [pool.submit(report_fixed, io_pool, name) for name in ("a", "b")]
        for future in outer:
            print(f"two pools: {future.result(timeout=10)}")
    print(f"two pools took {time.perf_counter() - start:.1f} s")
