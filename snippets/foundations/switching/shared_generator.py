"""Two threads pulling from one generator: the second gets a ValueError."""

import threading


def numbers(inside, go_on):
    for n in range(3):
        inside.set()  # this thread is now running the generator's body...
        go_on.wait(timeout=10)  # ...and stays there a while, as if doing I/O
        yield n


class LockedIterator:
    """Lets only one thread at a time advance the wrapped iterator."""

    def __init__(self, iterable):
        self._iterator = iter(iterable)
        self._lock = threading.Lock()

    def __iter__(self):
        return self

    def __next__(self):
        with self._lock:
            return next(self._iterator)


def take_all(source, taken):
    for item in source:
        taken.append(item)


def main():
    inside, go_on = threading.Event(), threading.Event()
    shared = numbers(inside, go_on)
    first = threading.Thread(target=next, args=(shared,))
    first.start()
    inside.wait(timeout=10)  # the first thread is inside the generator now
    try:
        next(shared)
    except ValueError as error:
        print(f"next() from a second thread: ValueError: {error}")
    go_on.set()
    first.join(timeout=10)

    # The fix: one lock around every step of the shared iterator.
    source, taken = LockedIterator(range(100_000)), []
    threads = [threading.Thread(target=take_all, args=(source, taken)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    print(f"with a lock: {len(taken)} items taken, {len(set(taken))} different")


if __name__ == "__main__":
    main()
