"""A Semaphore lets at most N threads into a section at once; the others queue at the door."""

import threading
import time

LIMIT = 2
pool = threading.Semaphore(LIMIT)  # like a parking lot with LIMIT spaces
pair = threading.Barrier(LIMIT)  # each worker waits for a partner, so the overlap is certain
count_lock = threading.Lock()
inside = 0
most_inside = 0


def download(name):
    global inside, most_inside
    with pool:
        with count_lock:
            inside += 1
            most_inside = max(most_inside, inside)
        pair.wait()
        time.sleep(0.2)  # the "download"
        with count_lock:
            inside -= 1


if __name__ == "__main__":
    start = time.perf_counter()
    threads = [threading.Thread(target=download, args=(f"file{i}",)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"6 downloads, Semaphore({LIMIT}): at most {most_inside} ran at once", flush=True)
    print(f"took {time.perf_counter() - start:.2f} s (6 x 0.2 s, {LIMIT} at a time)", flush=True)
