"""The same I/O-bound job on a thread pool and on a process pool: both overlap the waits."""

import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def wait_for_io(seconds):
    time.sleep(seconds)  # stands in for a network or disk call
    return seconds


def worker_id(seconds):
    time.sleep(seconds)
    return os.getpid(), threading.get_ident()


def timed(executor_class):
    with executor_class(max_workers=4) as executor:
        # Workers may start on demand (threads always; processes under spawn and
        # forkserver, while fork starts all four at once) and spawned ones take a
        # while to boot: time only once all four have answered.
        while len(set(executor.map(worker_id, [0.1] * 4))) < 4:
            pass
        start = time.perf_counter()
        list(executor.map(wait_for_io, [0.3] * 8))
        return time.perf_counter() - start


def main():
    for executor_class in (ThreadPoolExecutor, ProcessPoolExecutor):
        print(f"{executor_class.__name__ + ':':20} {timed(executor_class):.2f} s", flush=True)


if __name__ == "__main__":
    main()
