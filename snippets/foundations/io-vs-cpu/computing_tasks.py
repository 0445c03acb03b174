"""Computing work: four CPU-bound tasks in one thread, in four threads, in four processes."""

import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

TASKS = 4
N = 6_000_000  # long enough that starting the processes is a small part


def crunch(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total


def timed(label, run):
    start = time.perf_counter()
    run()
    print(f"{TASKS} tasks {label:<18} {time.perf_counter() - start:.2f} s")


def in_pool(executor_class):
    with executor_class(max_workers=TASKS) as pool:
        return list(pool.map(crunch, [N] * TASKS))


def main():
    timed("one after another:", lambda: [crunch(N) for _ in range(TASKS)])
    timed("in 4 threads:", lambda: in_pool(ThreadPoolExecutor))
    timed("in 4 processes:", lambda: in_pool(ProcessPoolExecutor))


if __name__ == "__main__":
    main()
