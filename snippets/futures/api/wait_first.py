"""wait() returns early: at the first finished future, or at the first exception."""

import time
from concurrent.futures import FIRST_COMPLETED, FIRST_EXCEPTION, ThreadPoolExecutor, wait

START = time.perf_counter()


def job(delay, fail=False):
    time.sleep(delay)
    if fail:
        raise ValueError(f"job of {delay} s failed")
    return delay


def main():
    with ThreadPoolExecutor(max_workers=3) as executor:
        futures = [executor.submit(job, d) for d in (0.2, 0.6, 1.0)]
        done, not_done = wait(futures, return_when=FIRST_COMPLETED)
        print(f"FIRST_COMPLETED after {time.perf_counter() - START:.2f} s:", end=" ")
        print(f"{len(done)} done, {len(not_done)} not done", flush=True)
        wait(futures)  # let them all finish before the next round

        start = time.perf_counter()
        futures = [
            executor.submit(job, 0.2),
            executor.submit(job, 0.5, fail=True),
            executor.submit(job, 1.0),
        ]
        done, not_done = wait(futures, return_when=FIRST_EXCEPTION)
        print(f"FIRST_EXCEPTION after {time.perf_counter() - start:.2f} s:", end=" ")
        print(f"{len(done)} done, {len(not_done)} not done", flush=True)
        failed = [f for f in done if f.exception() is not None]
        print(f"the failure: {failed[0].exception()!r}", flush=True)


if __name__ == "__main__":
    main()
