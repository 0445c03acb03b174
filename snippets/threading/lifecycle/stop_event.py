"""Stop a worker loop with an Event: Event.wait(timeout) is a sleep that stop cuts short."""

import threading
import time

PAUSE = 1.5  # each worker rests this long between two rounds of work


def sleepy_worker(stop, ticked):
    while not stop.is_set():
        ticked.set()  # one round of work done
        time.sleep(PAUSE)  # deaf to the stop request until the sleep is over


def attentive_worker(stop, ticked):
    while not stop.is_set():
        ticked.set()
        stop.wait(PAUSE)  # returns at once when stop is set


def stop_and_time(worker):
    stop, ticked = threading.Event(), threading.Event()
    thread = threading.Thread(target=worker, args=(stop, ticked), name=worker.__name__)
    thread.start()
    ticked.wait()  # the worker has done a round and is now resting
    start = time.perf_counter()
    stop.set()
    thread.join()
    print(f"{thread.name} stopped {time.perf_counter() - start:.2f} s after stop.set()", flush=True)


if __name__ == "__main__":
    stop_and_time(sleepy_worker)
    stop_and_time(attentive_worker)
