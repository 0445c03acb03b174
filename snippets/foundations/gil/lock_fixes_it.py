"""The same increments under a Lock: the read and the write can no longer be split."""

import threading
import time

THREADS = 4
ROUNDS = 5

counter = 0
counter_lock = threading.Lock()


def add_one_many_times(barrier):
    global counter
    for _ in range(ROUNDS):
        barrier.wait()  # all threads arrive together, as before
        with counter_lock:  # only one thread at a time past this line
            value = counter  # read
            time.sleep(0.01)  # a sure thread switch: the others must wait
            counter = value + 1  # add and store


def main():
    barrier = threading.Barrier(THREADS, timeout=10)
    threads = [threading.Thread(target=add_one_many_times, args=(barrier,)) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"{THREADS} threads x {ROUNDS} increments each")
    print(f"counter: {counter} (expected {THREADS * ROUNDS})")


if __name__ == "__main__":
    main()
