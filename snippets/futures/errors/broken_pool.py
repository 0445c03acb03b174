"""A worker process that dies breaks the whole pool: its other futures fail too."""

import os
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


def job(n):
    time.sleep(0.2)
    return n


def crash():
    os._exit(1)  # the worker process ends abruptly, as if it had crashed


def main():
    with ProcessPoolExecutor(max_workers=2) as executor:
        for n in executor.map(job, [0, 1]):
            print(f"map gave {n}", flush=True)

        # Submit the long job before the crash: once a worker has died, submit() itself
        # raises, and the crash may come before the next line runs.
        other = executor.submit(time.sleep, 2)  # still running when the pool breaks
        crashing = executor.submit(crash)
        for name, future in [("crash", crashing), ("other", other)]:
            try:
                future.result()
            except BrokenProcessPool as error:
                print(f"{name}: {type(error).__name__}", flush=True)
        try:
            executor.submit(job, 2)
        except BrokenProcessPool as error:
            print(f"submit() afterwards: {type(error).__name__}", flush=True)


if __name__ == "__main__":
    main()
