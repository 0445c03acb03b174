"""A Semaphore lets at most N threads into a section at once; the others queue at the door."""

import threading
import time

LIMIT = 2
pool = threading.Semaphore(LIMIT)  # like a parking lot with LIMIT spaces
count_lock = threading.Lock()
inside = 0
most_inside = 0


def download(go):
    global inside, most_inside
    go.wait(timeout=10)  # all six reach the door together
    with pool:
        with count_lock:
            inside += 1
            most_inside = max(most_inside, inside)
        time.sleep(0.2)  # the "download"
        with count_lock:
            inside -= 1


if __name__ == "__main__":
    go = threading.Event()
    threads = [threading.Thread(target=download, args=(go,)) for _ in range(6)]
    for thread in threads:
        thread.start()
    start = time.perf_counter()
    go.set()
    for thread in threads:
        thread.join(timeout=10)
    kept = most_inside <= LIMIT
    print(f"6 downloads, Semaphore({LIMIT}): never more than {LIMIT} inside: {kept}")
    print(f"took {time.perf_counter() - start:.2f} s (6 x 0.2 s, {LIMIT} at a time)", flush=True)
