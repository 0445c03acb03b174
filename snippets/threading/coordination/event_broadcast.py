"""One Event.set() wakes every thread waiting on the event at once."""

import threading
import time

ready = threading.Event()


def waiter(name, start):
    ready.wait()
    print(f"{name} woke at {time.perf_counter() - start:.2f} s", flush=True)


if __name__ == "__main__":
    start = time.perf_counter()
    threads = [threading.Thread(target=waiter, args=(name, start)) for name in "ABC"]
    for thread in threads:
        thread.start()
    time.sleep(0.5)  # the waiters block; none of them polls
    print("main: ready.set()", flush=True)
    ready.set()
    for thread in threads:
        thread.join()
