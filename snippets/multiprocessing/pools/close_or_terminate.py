"""Leaving `with Pool()` terminates the workers; close() and join() let tasks finish."""

import multiprocessing
import time


def slow_task(name):
    time.sleep(0.5)
    return f"{name} finished"


if __name__ == "__main__":
    with multiprocessing.Pool(processes=2) as pool:
        pending = pool.apply_async(slow_task, ("task A",))
    # __exit__ called terminate(): the workers were killed, task A with them
    try:
        print(pending.get(timeout=1.0))
    except multiprocessing.TimeoutError:
        print("task A: no result after 1.0 s, its worker was terminated")

    pool = multiprocessing.Pool(processes=2)
    pending = pool.apply_async(slow_task, ("task B",))
    pool.close()  # no new tasks; the queued ones still run
    print(f"after close(): task B ready? {pending.ready()}")
    pool.join()  # wait for the workers to finish them and exit
    print(f"after join():  {pending.get(timeout=1.0)}")
