"""map() yields results in input order, even when later inputs finish first."""

import time
from concurrent.futures import ThreadPoolExecutor

START = time.perf_counter()


def job(name_and_delay):
    name, delay = name_and_delay
    time.sleep(delay)
    print(f"{time.perf_counter() - START:.2f} s  job {name} finished", flush=True)
    return name


def main():
    jobs = [("A", 0.9), ("B", 0.3), ("C", 0.6)]
    with ThreadPoolExecutor(max_workers=3) as executor:
        for name in executor.map(job, jobs):
            print(f"{time.perf_counter() - START:.2f} s  map yields {name}", flush=True)


if __name__ == "__main__":
    main()
