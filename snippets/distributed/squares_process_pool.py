"""A futures-style job on a ProcessPoolExecutor with two worker processes."""

import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor, as_completed

both_running = None  # each worker's copy of the Barrier, set by share()


def share(barrier):
    global both_running
    both_running = barrier


def slow_square(x, delay):
    time.sleep(delay)
    return x * x


def slow_square_together(x, delay):
    both_running.wait()  # the second worker may still be starting: wait for it
    return slow_square(x, delay)


def main():
    barrier = multiprocessing.Barrier(2)  # handed to each worker as it starts
    with ProcessPoolExecutor(max_workers=2, initializer=share, initargs=(barrier,)) as executor:
        future = executor.submit(slow_square, 7, 0.2)
        print("submit, result:", future.result(), flush=True)

        results = executor.map(slow_square, [1, 2, 3, 4], [0.2] * 4)
        print("map:", list(results), flush=True)

        jobs = [(10, 0.8), (20, 0.2)]
        futures = [executor.submit(slow_square_together, x, d) for x, d in jobs]
        for future in as_completed(futures):
            print("as_completed:", future.result(), flush=True)
    print("pool closed", flush=True)


if __name__ == "__main__":
    main()
