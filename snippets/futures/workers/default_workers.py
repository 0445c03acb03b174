"""What max_workers defaults to when you leave it out, counted from the workers a pool starts."""

import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

TASKS = 100  # more than either default, so the pool starts every worker it may


def usable_cpus():
    # Python 3.13+ counts only the CPUs this process may run on; older versions, all.
    count = getattr(os, "process_cpu_count", os.cpu_count)
    return count() or 1


def main():
    cpus = usable_cpus()  # differs between machines, so it is compared, not printed
    release = threading.Event()
    before = threading.active_count()
    with ThreadPoolExecutor() as pool:
        for _ in range(TASKS):
            pool.submit(release.wait, 30)  # every thread stays busy: none is reused
        started = threading.active_count() - before
        release.set()
    print(f"threads:   started == min(32, CPUs + 4): {started == min(32, cpus + 4)}")

    with ProcessPoolExecutor() as pool:
        futures = [pool.submit(time.sleep, 0.2) for _ in range(2 * cpus)]
        started = len(multiprocessing.active_children())
        for future in futures:
            future.result(timeout=60)
    print(f"processes: started == CPUs:              {started == cpus}")


if __name__ == "__main__":
    main()
