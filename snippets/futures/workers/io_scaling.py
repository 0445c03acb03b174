"""I/O-bound jobs finish sooner with more threads: 8 waits of 0.2 s with 1, 2, 4 and 8 workers."""

import time
from concurrent.futures import ThreadPoolExecutor


def wait_for_io(seconds):
    time.sleep(seconds)  # stands in for a network or disk call


def main():
    for workers in (1, 2, 4, 8):
        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=workers) as executor:
            list(executor.map(wait_for_io, [0.2] * 8))
        print(f"{workers} workers: {time.perf_counter() - start:.2f} s", flush=True)


if __name__ == "__main__":
    main()
