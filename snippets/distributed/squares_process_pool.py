"""A futures-style job on a ProcessPoolExecutor with two worker processes."""

import time
from concurrent.futures import ProcessPoolExecutor, as_completed


def slow_square(x, delay):
    time.sleep(delay)
    return x * x


def main():
    with ProcessPoolExecutor(max_workers=2) as executor:
        future = executor.submit(slow_square, 7, 0.2)
        print("submit, result:", future.result(), flush=True)

        results = executor.map(slow_square, [1, 2, 3, 4], [0.2] * 4)
        print("map:", list(results), flush=True)

        futures = [executor.submit(slow_square, x, d) for x, d in [(10, 0.8), (20, 0.2)]]
        for future in as_completed(futures):
            print("as_completed:", future.result(), flush=True)
    print("pool closed", flush=True)


if __name__ == "__main__":
    main()
