"""CPU-bound threads take turns on the GIL; a sleeping thread lets go of it."""

import threading
import time

N = 8_000_000


def crunch(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total


def nap(seconds):
    time.sleep(seconds)  # sleeping, like waiting for I/O, releases the GIL


def in_threads(*jobs):
    """Run each (function, argument) in its own thread; return the wall time."""
    threads = [threading.Thread(target=f, args=(arg,)) for f, arg in jobs]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start


def show(label, seconds):
    print(f"{label:<40}{seconds:.2f} s")


def main():
    start = time.perf_counter()
    crunch(N)
    one = time.perf_counter() - start
    show("1 job alone:", one)
    start = time.perf_counter()
    crunch(N)
    crunch(N)
    show("2 jobs in 1 thread, one after another:", time.perf_counter() - start)
    show("2 jobs in 2 threads at the same time:", in_threads((crunch, N), (crunch, N)))
    show("1 job beside a thread sleeping as long:", in_threads((crunch, N), (nap, one)))


if __name__ == "__main__":
    main()
