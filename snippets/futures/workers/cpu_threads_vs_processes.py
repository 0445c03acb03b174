"""The same CPU-bound job on a thread pool and on a process pool: only processes run in parallel."""

import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

LIMIT = 150_000  # four of these take about a second in one process


def count_primes(limit):
    return sum(all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit))


def timed(executor_class):
    with executor_class(max_workers=2) as executor:
        list(executor.map(count_primes, [100] * 2))  # start the workers before timing
        start = time.perf_counter()
        results = list(executor.map(count_primes, [LIMIT] * 4))
        return results, time.perf_counter() - start


def main():
    start = time.perf_counter()
    expected = [count_primes(LIMIT) for _ in range(4)]
    print(f"{'sequential:':20} {time.perf_counter() - start:.2f} s", flush=True)
    for executor_class in (ThreadPoolExecutor, ProcessPoolExecutor):
        results, elapsed = timed(executor_class)
        assert results == expected
        print(f"{executor_class.__name__ + ':':20} {elapsed:.2f} s", flush=True)


if __name__ == "__main__":
    main()
