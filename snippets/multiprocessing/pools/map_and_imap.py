"""Pool.map, imap, imap_unordered and apply_async on the same small tasks."""

import multiprocessing
import time


def slow_square(x):
    time.sleep(0.2 * (4 - x))  # the first inputs take the longest: 0.6, 0.4, 0.2 s
    return x * x


if __name__ == "__main__":
    inputs = [1, 2, 3]
    with multiprocessing.Pool(processes=3) as pool:
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
