"""One release() too many: a Semaphore quietly grows, a BoundedSemaphore raises ValueError."""

import threading


def release_twice(semaphore):
    semaphore.acquire()
    semaphore.release()
    semaphore.release()  # a bug: this thread only acquired once


if __name__ == "__main__":
    plain = threading.Semaphore(2)
    release_twice(plain)
    permits = 0
    while plain.acquire(blocking=False):  # count how many threads it would now let in
        permits += 1
    print(f"Semaphore(2) after the extra release lets {permits} in", flush=True)

    bounded = threading.BoundedSemaphore(2)
    try:
        release_twice(bounded)
    except ValueError as error:
        print(f"BoundedSemaphore(2) raised ValueError: {error}", flush=True)
