"""Concurrency: two threads take turns, and their waits overlap."""

import threading
import time

PIECES = 3
WAIT = 0.4  # seconds each request waits for its answer


def fetch(name, my_turn, their_turn):
    for piece in range(1, PIECES + 1):
        my_turn.wait()  # speak only when it is this thread's turn...
        my_turn.clear()
        print(f"Thread {name} asks for piece {piece}", flush=True)
        their_turn.set()  # ...then hand the turn over and wait for the answer
        time.sleep(WAIT)
    my_turn.wait()
    print(f"Thread {name} has all {PIECES} pieces", flush=True)
    their_turn.set()


def main():
    a_turn, b_turn = threading.Event(), threading.Event()
    threads = [
        threading.Thread(target=fetch, args=("A", a_turn, b_turn)),
        threading.Thread(target=fetch, args=("B", b_turn, a_turn)),
    ]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    a_turn.set()  # A goes first
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    print(f"{2 * PIECES} waits of {WAIT} s took {elapsed:.2f} s in total", flush=True)


if __name__ == "__main__":
    main()
