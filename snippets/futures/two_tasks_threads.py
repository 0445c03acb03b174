"""Two tasks submitted to a pool of threads."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor


def task(name, duration, started):
    print(f"Task {name} starting", flush=True)
    started.set()
    time.sleep(duration)
    print(f"Task {name} completed", flush=True)


if __name__ == "__main__":
    a_started, b_started = threading.Event(), threading.Event()
    with ThreadPoolExecutor(max_workers=2) as executor:
        future_a = executor.submit(task, "A", 2, a_started)
        a_started.wait()  # which worker runs first is up to the OS; make it A
        future_b = executor.submit(task, "B", 3, b_started)
        for future in (future_a, future_b):
            future.result()  # re-raises here if the task raised
    print("Both tasks are done!", flush=True)
