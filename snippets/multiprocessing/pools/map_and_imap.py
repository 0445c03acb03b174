"""Pool.map, imap, imap_unordered and apply_async on the same small tasks."""

import multiprocessing
import time

WORKERS = 3


def wait_for_all(ready):
    ready.wait(timeout=10)  # each worker runs this once, when it starts


def slow_square(x):
    time.sleep(0.2 * (4 - x))  # the first inputs take the longest: 0.6, 0.4, 0.2 s
    return x * x


if __name__ == "__main__":
    inputs = [1, 2, 3]
    ready = multiprocessing.Barrier(WORKERS + 1)  # the workers and this process
    with multiprocessing.Pool(WORKERS, initializer=wait_for_all, initargs=(ready,)) as pool:
        ready.wait(timeout=10)  # all workers are up: the timings leave start-up out

        start = time.perf_counter()
        squares = pool.map(slow_square, inputs)  # blocks until the whole list is ready
        print(f"map: {squares} after {time.perf_counter() - start:.2f} s", flush=True)

        start = time.perf_counter()
        for square in pool.imap(slow_square, inputs):  # one by one, in input order
            print(f"imap: {square} after {time.perf_counter() - start:.2f} s", flush=True)

        start = time.perf_counter()
        arrived = pool.imap_unordered(slow_square, inputs)  # in completion order
        first = next(arrived)
        print(f"imap_unordered: first result after {time.perf_counter() - start:.2f} s")
        print(f"imap_unordered: all of them, sorted: {sorted([first, *arrived])}")

        pending = pool.apply_async(slow_square, (3,))  # one call; returns at once
        print(f"apply_async: ready at once? {pending.ready()}; get() = {pending.get(10)}")
