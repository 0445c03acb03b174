"""A plain `counter += 1` loop in four threads, no lock, no barrier."""

import threading

THREADS = 4
ROUNDS = 1_000_000

counter = 0


def add_one_many_times(go):
    global counter
    go.wait(timeout=30)  # start together, so that the threads overlap
    for _ in range(ROUNDS):
        counter += 1  # read, add, store: no call and no jump in between


def main():
    go = threading.Event()
    threads = [threading.Thread(target=add_one_many_times, args=(go,)) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    go.set()
    for thread in threads:
        thread.join(timeout=60)
    print(f"{THREADS} threads x {ROUNDS} increments, no lock")
    print(f"increments lost: {'none' if counter == THREADS * ROUNDS else 'some'}")


if __name__ == "__main__":
    main()
