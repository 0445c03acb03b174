"""Pure-Python work in 1 thread and in 2 threads: does the second thread help?"""

import threading
import time

N = 6_000_000  # one job: well under a second of pure-Python arithmetic


def count(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total


def run_jobs(threads):
    """Run one job per thread, all at once, and return the wall time."""
    workers = [threading.Thread(target=count, args=(N,)) for _ in range(threads)]
    start = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return time.perf_counter() - start


def main():
    one = run_jobs(1)
    print(f"1 thread,  1 job:  {one:.2f} s", flush=True)
    two = run_jobs(2)
    print(f"2 threads, 2 jobs: {two:.2f} s", flush=True)
    # About 1.0 if the threads ran in parallel, about 2.0 if they took turns.
    print(f"time ratio 2 jobs / 1 job: {two / one:.2f}", flush=True)


if __name__ == "__main__":
    main()
