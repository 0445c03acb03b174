"""Parallelism: two CPU-bound jobs on one process, then on two at once."""

import multiprocessing
import time

N = 15_000_000  # long enough that starting the processes is a small part


def crunch(n):
    """Pure-Python arithmetic: the CPU is busy the whole time."""
    total = 0
    for i in range(n):
        total += i % 7
    return total


def main():
    start = time.perf_counter()
    results = [crunch(N), crunch(N)]
    print(f"1 process, 2 jobs one after the other: {time.perf_counter() - start:.2f} s")
    print(f"  results: {results}")

    start = time.perf_counter()
    with multiprocessing.Pool(processes=2) as pool:
        results = pool.map(crunch, [N, N])
    print(f"2 processes, 1 job each at the same time: {time.perf_counter() - start:.2f} s")
    print(f"  results: {results}")


if __name__ == "__main__":
    main()
