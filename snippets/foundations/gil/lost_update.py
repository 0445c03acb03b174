"""A lost update, every time: `counter += 1` split into its read and its write."""

import threading

THREADS = 4
ROUNDS = 5

counter = 0
items = []


def add_one_many_times(barrier):
    global counter
    for _ in range(ROUNDS):
        items.append(1)  # one operation: the GIL keeps the list intact
        value = counter  # `counter += 1` step 1: read
        barrier.wait()  # a thread switch here: every thread has now read the same value
        counter = value + 1  # step 2: add and store, over the other threads' work


def main():
    barrier = threading.Barrier(THREADS, timeout=10)
    threads = [threading.Thread(target=add_one_many_times, args=(barrier,)) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"{THREADS} threads x {ROUNDS} increments each")
    print(f"list length: {len(items)} (expected {THREADS * ROUNDS})")
    print(f"counter:     {counter} (expected {THREADS * ROUNDS})")


if __name__ == "__main__":
    main()
