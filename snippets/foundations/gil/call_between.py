"""The same loop with a function call between the read and the store: no barrier needed."""

import threading

THREADS = 4
ROUNDS = 500_000

counter = 0


def plus_one(value):
    return value + 1


def add_one_many_times(go):
    global counter
    go.wait(timeout=30)  # start together, so that the threads overlap
    for _ in range(ROUNDS):
        # Read, then call, then store: entering plus_one is a point where the
        # interpreter hands the GIL to a thread that has asked for it.
        counter = plus_one(counter)


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
