"""as_completed() yields futures in the order they finish, not the order they were submitted."""

import time
from concurrent.futures import ThreadPoolExecutor, as_completed

START = time.perf_counter()


def job(name, delay):
    time.sleep(delay)
    return name


def main():
    with ThreadPoolExecutor(max_workers=3) as executor:
        futures = [
            executor.submit(job, name, d) for name, d in [("A", 0.9), ("B", 0.3), ("C", 0.6)]
        ]
        for future in as_completed(futures):
            print(f"{time.perf_counter() - START:.2f} s  job {future.result()} is done", flush=True)


if __name__ == "__main__":
    main()
