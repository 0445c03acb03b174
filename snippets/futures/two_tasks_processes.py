"""The same two tasks submitted to a pool of processes."""

import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor


def task(name, duration, started, both_running):
    print(f"Task {name} starting", flush=True)
    started.set()
    both_running.wait()  # the pool may start B's worker only now: time both from here
    time.sleep(duration)
    print(f"Task {name} completed", flush=True)


if __name__ == "__main__":
    # A pool's workers cannot share a plain multiprocessing.Event; a manager's can.
    with multiprocessing.Manager() as manager, ProcessPoolExecutor(max_workers=2) as executor:
        a_started, b_started = manager.Event(), manager.Event()
        both_running = manager.Barrier(2)
        future_a = executor.submit(task, "A", 2, a_started, both_running)
        a_started.wait()  # workers start up in no fixed order; make A go first
        future_b = executor.submit(task, "B", 3, b_started, both_running)
        for future in (future_a, future_b):
            future.result()  # re-raises here if the task raised
    print("Both tasks are done!", flush=True)
