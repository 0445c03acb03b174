"""Many tiny tasks: chunksize decides how many travel to a worker per message."""

import multiprocessing
import time

TASKS = 30_000


def tiny(x):
    return x + 1


if __name__ == "__main__":
    with multiprocessing.Pool(processes=2) as pool:
        pool.map(tiny, range(100))  # start the workers before timing
        for chunksize in (1, 10, 1_000):
            start = time.perf_counter()
            results = pool.map(tiny, range(TASKS), chunksize=chunksize)
            elapsed = time.perf_counter() - start
            print(f"chunksize={chunksize:>5}: {len(results):,} results in {elapsed:.2f} s")
