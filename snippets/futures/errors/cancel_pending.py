"""cancel() stops only a pending future; shutdown(cancel_futures=True) drops the whole queue."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor


def job(name, started):
    started.set()
    time.sleep(0.5)
    return name


def main():
    executor = ThreadPoolExecutor(max_workers=1)
    events = [threading.Event() for _ in range(4)]
    futures = [executor.submit(job, name, e) for name, e in zip("ABCD", events, strict=True)]
    events[0].wait()  # A is running now; B, C and D wait in the queue

    print(f"cancel A (running): {futures[0].cancel()}", flush=True)
    print(f"cancel B (pending): {futures[1].cancel()}", flush=True)

    executor.shutdown(wait=True, cancel_futures=True)  # C and D never start
    for name, future in zip("ABCD", futures, strict=True):
        state = "cancelled" if future.cancelled() else f"result {future.result()}"
        print(f"{name}: {state}", flush=True)


if __name__ == "__main__":
    main()
