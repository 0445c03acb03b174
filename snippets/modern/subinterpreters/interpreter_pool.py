"""The same CPU-bound jobs on a thread pool and on an interpreter pool."""

import time
from concurrent.futures import InterpreterPoolExecutor, ThreadPoolExecutor

N = 6_000_000  # one job: well under a second of pure-Python arithmetic


def count(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total


def timed(executor_class):
    start = time.perf_counter()
    with executor_class(max_workers=2) as pool:
        results = list(pool.map(count, [N, N]))
    elapsed = time.perf_counter() - start
    print(f"{executor_class.__name__:<24} 2 jobs: {elapsed:.2f} s", flush=True)
    return results


if __name__ == "__main__":
    same = timed(ThreadPoolExecutor) == timed(InterpreterPoolExecutor)
    print("same results:", same, flush=True)
