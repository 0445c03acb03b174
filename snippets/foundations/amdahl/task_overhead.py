"""The overhead model: the same work in 2 processes, cut into ever smaller tasks."""

import time
from concurrent.futures import ProcessPoolExecutor

TOTAL_N = 8_000_000  # the whole job, split evenly over the tasks
WORKERS = 2


def crunch(n):
    """Pure-Python arithmetic: the CPU is busy the whole time."""
    total = 0
    for i in range(n):
        total += i % 7
    return total


def main():
    with ProcessPoolExecutor(max_workers=WORKERS) as pool:
        pool.submit(crunch, 1).result()  # start the workers before timing
        for tasks in (2, 200, 10_000):
            n = TOTAL_N // tasks
            start, cpu = time.perf_counter(), time.process_time()
            done = sum(1 for _ in pool.map(crunch, [n] * tasks))
            # The parent only hands out tasks and collects results: all of its CPU
            # time here is overhead.
            cpu = time.process_time() - cpu
            elapsed = time.perf_counter() - start
            print(
                f"{done:>6} tasks of {n:>9,} steps: {elapsed:.2f} s;"
                f" the parent's CPU time: {cpu:.3f} s, {cpu / tasks * 1000:.3f} ms per task",
                flush=True,
            )


if __name__ == "__main__":
    main()
